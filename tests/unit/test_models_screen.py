"""The models screen in a real Textual app (Pilot): list, install a file, remove."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.widgets import DataTable, Input, Static

from argos_fixture import argosmodel, copy_model, package_dir  # noqa: F401
from briefing.tui.screens.models import ModelsScreen
from test_translate import GERMAN, VIETNAMESE, make_article

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Host(App):
    def __init__(self, folder, articles) -> None:
        super().__init__()
        self.folder, self.articles = folder, tuple(articles)

    def on_mount(self) -> None:
        self.push_screen(ModelsScreen(packages_dir=self.folder, articles=self.articles))


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_list_install_file_and_remove(tmp_path, copy_model):  # noqa: F811
    folder = tmp_path / "packages"
    package_dir(copy_model, folder, "de")
    file = argosmodel(copy_model, tmp_path / "dl", "vi")
    app = Host(folder, [make_article(GERMAN, "de"), make_article(VIETNAMESE, "vi", "<test>/v")])
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ModelsScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 1
        assert "No model yet for: Vietnamese (vi): no Argos package exists" in str(screen.query_one("#models-summary", Static).render())

        await pilot.press("f")
        screen.query_one(Input).value = str(file)  # typing a long temp path key by key is slow
        await pilot.press("enter")
        await settle(pilot)
        assert table.row_count == 2
        assert "Every language of the corpus has a model" in str(screen.query_one("#models-summary", Static).render())
        assert "installed translate-vi_en 1.0" in str(screen.query_one("#models-message", Static).render())

        table.move_cursor(row=0)  # de
        await pilot.press("d")
        await settle(pilot)
        assert [p.from_code for p in screen.packages] == ["vi"]
        assert not any(folder.glob("translate-de_en-*"))


async def test_a_bad_file_is_reported_and_changes_nothing(tmp_path, copy_model):  # noqa: F811
    folder = tmp_path / "packages"
    package_dir(copy_model, folder, "de")
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"not a zip")
    app = Host(folder, [])
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f", "x")  # the prompt takes keys
        assert app.screen.query_one(Input).value == "x"
        app.screen.query_one(Input).value = str(bad)
        await pilot.press("enter")
        await settle(pilot)
        message = str(app.screen.query_one("#models-message", Static).render())
        assert "bad.argosmodel is not a usable Argos package" in message
        assert app.screen.query_one(DataTable).row_count == 1
