"""The reader's original view of a Chinese article highlights the names located in it (the
real zh->en package, spaCy and the app through Pilot), and says how many it could not."""

from __future__ import annotations

import pytest

from argos_fixture import real_zh_en_file
from briefing.store import Cache
from briefing.translate import packages as pk

FILE = real_zh_en_file()
pytestmark = [
    pytest.mark.anyio,
    pytest.mark.skipif(FILE is None, reason="the real package ../shared/models/translate-zh_en-1_9.argosmodel is missing"),
]

ARTICLE = (
    "三星与OpenAI在首尔会谈\n\n"
    "三星电子会长李在镕周二在首尔会见了OpenAI首席执行官萨姆·奥尔特曼。"
    "软银集团创始人孙正义也出席了在首尔举行的会议。"
    "OpenAI表示，双方将在韩国建设新的数据中心。\n"
)


async def test_the_original_view_highlights_a_located_name(tmp_path, argos_dirs, isolated_dirs, monkeypatch, no_network):
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.reader import ReaderScreen
    from briefing.tui.widgets.text_pane import TextPane

    assert FILE is not None
    pk.install_file(FILE, argos_dirs)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "samsung_zh.txt").write_text(ARTICLE, encoding="utf-8")
    app = BriefingApp(paths=[str(folder)], cache=Cache(tmp_path / "cache.sqlite3"))
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(1500):  # translation, spaCy and the candidates' translations: a few seconds
            await pilot.pause(0.02)
            if app.state.analysed and not app.busy:
                break
        await app.workers.wait_for_complete()
        assert app.state.analysed
        await pilot.press("enter", "t")
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.view_mode == "original"
        pane = reader.query_one("#original", TextPane)
        article = reader.article
        assert article.lang == "zh"
        seoul = [s for s in pane.document.spans if s.text == "首尔" and s.entity]
        assert seoul and all(article.text[s.start : s.end] == "首尔" for s in seoul)
        await pilot.pause()
        # drawn with the entity's style: the name is a segment of its own, styled unlike its neighbours
        segments = [seg for y in range(pane.size.height) for seg in pane.render_line(y)]
        named = [i for i, seg in enumerate(segments) if seg.text == "首尔"]
        assert named, [seg.text for seg in segments][:40]
        i = named[0]
        assert segments[i].style != segments[i - 1].style
        meta = str(reader.query_one("#reader-meta").render())
        assert "names located in the original; the others only in the English view" in meta
        await pilot.press("t", "t")  # back to the English view: no such line there
        assert "names located in the original" not in str(reader.query_one("#reader-meta").render())
