"""App tests: one cache filled once per session, so no test loads a model.

Each app runs on the bundled seeds against a copy-free shared cache file; the
config folder is fresh per test (no real user config ever reaches the app).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing.store import Cache

SIZES = {"100x30": (100, 30), "80x24": (80, 24)}


@pytest.fixture(scope="session")
def filled_cache() -> Path:
    """The session's cache, filled by one real run of the pipeline over the seeds."""
    from briefing import corpus
    from briefing.pipeline import analyse

    folder = Path(os.environ["BRIEFING_CACHE_DIR"]) / "app-tests"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cache.sqlite3"
    with Cache(path) as cache:
        articles = corpus.load(None, cache).articles
        analyse(articles, cache)
    return path


@pytest.fixture
def app_factory(filled_cache, tmp_path, monkeypatch):
    """BriefingApp on the seeds with the filled cache and an empty config folder."""
    config = tmp_path / "config"
    config.mkdir()
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(config))

    def make(config_text: str | None = None, **kwargs):
        from briefing.tui.app import BriefingApp

        if config_text is not None:
            (config / "config.toml").write_text(config_text, encoding="utf-8")
        kwargs.setdefault("cache", Cache(filled_cache))
        return BriefingApp(**kwargs)

    make.config_dir = config  # type: ignore[attr-defined]
    return make


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def ready():
    return wait_ready


async def wait_ready(pilot, analysed: bool = True) -> None:
    """Wait until the corpus is shown (and, by default, the analysis landed)."""
    app = pilot.app
    for _ in range(400):
        await pilot.pause(0.02)
        if app.state.articles and (not analysed or app.state.analysed) and not app.busy:
            break
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def briefing_open():
    return open_briefing


async def open_briefing(pilot):
    """Press b from the library and wait for the briefing screen's rows; the screen."""
    from briefing.tui.screens.briefing import BriefingScreen

    await pilot.press("b")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.1)
    screen = pilot.app.screen
    assert isinstance(screen, BriefingScreen)
    return screen
