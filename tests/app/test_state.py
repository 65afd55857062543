"""The app's state: labels before the analysis lands, keys typed at launch, the status line,
the briefing built once and kept."""

from __future__ import annotations

import threading
import time

import pytest
from textual._xterm_parser import XTermParser

from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.state import Phase
from briefing.tui.widgets.status import StatusLine

pytestmark = pytest.mark.anyio


def gated_analyser(release: threading.Event):
    """The real pipeline, started only once `release` is set (so the app is seen mid-analysis)."""

    def analyse(articles, cache, progress, cancel, config):
        from briefing.pipeline import analyse as real

        release.wait(10)
        return real(articles, cache, progress, cancel, config)

    return analyse


async def _until(pilot, condition, tries: int = 300) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition never held")


async def test_an_article_opened_before_the_analysis_is_not_called_english(app_factory):
    release = threading.Event()
    app = app_factory(analyser=gated_analyser(release))
    async with app.run_test(size=(100, 30)) as pilot:
        await _until(pilot, lambda: app.state.phase is Phase.ANALYSING)
        vietnamese = next(a for a in app.state.articles if a.lang == "vi")
        app.open_reader(vietnamese.id)
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        meta = str(reader.query_one("#reader-meta").render())
        assert "original English" not in meta
        assert "analysing" in meta
        await pilot.press("t", "t")  # side by side: the English pane's title names its status
        assert reader.query_one("#english-box").border_title == "English · untranslated"
        release.set()
        await _until(pilot, lambda: app.state.analysed)
        await pilot.pause()
        assert "analysing" not in str(reader.query_one("#reader-meta").render())


async def test_the_status_line_under_a_modal_follows_the_work(app_factory):
    release = threading.Event()
    app = app_factory(analyser=gated_analyser(release))
    async with app.run_test(size=(100, 30)) as pilot:
        await _until(pilot, lambda: app.state.phase is Phase.ANALYSING)
        library = app.screen
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        release.set()
        await _until(pilot, lambda: app.state.analysed)
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = str(library.query_one(StatusLine).query_one("#status-text").render())
        assert shown == app.status.message
        assert "entities" in shown and "…" not in shown  # the summary, not a stale "Finding entities 0/5…"


def _typed(data: str) -> list:
    """Key events as the terminal driver makes them from bytes read in one go."""
    parser = XTermParser()
    events = list(parser.feed(data))
    time.sleep(0.15)  # the driver's tick after ESCDELAY
    return events + list(parser.tick())


@pytest.mark.parametrize("when", ["at launch", "once ready"])
async def test_keys_typed_quickly_are_handled_in_order(app_factory, ready, when):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        if when == "once ready":
            await ready(pilot)
        else:
            await _until(pilot, lambda: bool(app.state.articles))
        for event in _typed("b\x1b?\x1bq"):  # b, esc, ?, esc, q typed within 100 ms each
            app.post_message(event)
        await _until(pilot, lambda: not app.is_running)
    assert app.return_code == 0


async def test_b_again_does_not_rebuild_the_briefing(app_factory, ready, monkeypatch):
    import briefing.brief as brief

    builds = []
    real = brief.build

    def counted(*args, **kwargs):
        builds.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(brief, "build", counted)
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        for _ in range(3):
            await pilot.press("b")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, BriefingScreen) and app.screen.rows
            await pilot.press("escape")
        assert len(builds) == 1
        await pilot.press("b")
        await pilot.press("ctrl+l")  # rebuild asked for: built again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(builds) == 2 and app.screen.rows


async def test_progress_after_esc_says_stopping(app_factory):
    seen = threading.Event()
    resume = threading.Event()

    def slow_to_stop(articles, cache, progress, cancel, config):
        from briefing.model import Analysis

        for i in range(1000):
            progress("annotate", i, 1000)
            if cancel.is_set():  # a stage that reaches its next check a little later
                time.sleep(0.06)  # past the status line's throttle: this report is shown
                progress("annotate", i + 1, 1000)
                seen.set()
                resume.wait(5)
                return Analysis(tuple(articles), {})
            cancel.wait(0.01)
        return Analysis(tuple(articles), {})

    app = app_factory(analyser=slow_to_stop)
    async with app.run_test(size=(100, 30)) as pilot:
        await _until(pilot, lambda: app.status.total == 1000)
        await pilot.press("escape")
        await _until(pilot, seen.is_set)
        await pilot.pause(0.1)
        assert app.status.message.startswith("Stopping…"), app.status.message
        resume.set()
        await _until(pilot, lambda: app.state.phase is Phase.STOPPED)
        await pilot.pause()
        assert "analysis stopped" in app.status.message
