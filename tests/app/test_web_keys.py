"""The reader's way back to the source: `o` opens the article's web page, `y` copies a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.tui.app import BriefingApp
from briefing.tui.screens.reader import ReaderScreen

pytestmark = pytest.mark.anyio

PAGE = b"""<html lang="en"><head><title>Quake hits coast</title><link rel="canonical" href="https://news.example/quake">
<meta property="og:site_name" content="Example News"></head><body><article><h1>Quake hits coast</h1>
<p>A strong earthquake struck the coastal city on Tuesday morning, damaging dozens of buildings, officials said.</p>
<p>Rescue teams searched collapsed homes through the night, and no deaths had been reported by evening.</p>
</article></body></html>"""


class Recording(BriefingApp):
    """The app, with the browser replaced by a list: no browser runs on a test machine."""

    opened: list[str]

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        self.opened.append(url)


async def test_o_opens_the_page_and_y_copies_the_sentence_with_its_citation(tmp_path: Path, ready, no_network) -> None:
    (tmp_path / "quake.html").write_bytes(PAGE)
    (tmp_path / "note.txt").write_text("A note typed by hand about the quake, long enough to be an article.\n\nIt says nothing new.")
    app = Recording(paths=[str(tmp_path)], analyse=False)
    app.opened = []
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, analysed=False)
        titles = [a.title for a in app.state.articles]
        await pilot.press(*(["down"] * titles.index("Quake hits coast")), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("o")
        assert app.opened == ["https://news.example/quake"]
        await pilot.press("j", "y")
        copied = app.clipboard
        assert copied.startswith("“A strong earthquake struck the coastal city on Tuesday morning")
        assert copied.endswith("(Quake hits coast, Example News; https://news.example/quake)")
        note = next(i for i, a in enumerate(app.state.articles) if a.url is None)
        await pilot.press("escape", "g", *(["down"] * note), "enter")
        await pilot.pause()
        await pilot.press("o")
        assert app.opened == ["https://news.example/quake"]  # a file has no web page: a notice, no browser
    assert no_network == []
