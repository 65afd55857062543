"""Pilot tests: every binding and screen flow of the app."""

from __future__ import annotations

import threading
import time

import pytest
from textual.widgets import Input, OptionList

from briefing.model import Analysis
from briefing.store import Cache
from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.article_list import ArticleList
from briefing.tui.widgets.text_pane import TextPane

pytestmark = pytest.mark.anyio

SEEDS_EN = 2  # row of the English seed with removed lines and many entities


async def test_starts_and_quits_with_sockets_blocked(app_factory, no_network, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")
    assert app.return_code == 0
    assert no_network == []


async def test_library_lists_every_article_with_status(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        table = app.screen.query_one(ArticleList)
        assert table.row_count == 5
        statuses = {str(table.get_row_at(i)[4]) for i in range(5)}
        assert "original" in statuses
        assert statuses <= {"original", "machine", "provided", "no model"}
        counts = [str(table.get_row_at(i)[5]) for i in range(5)]
        assert all(c.isdigit() and int(c) > 0 for c in counts)


async def test_list_paints_before_analysis(app_factory, ready):
    started = threading.Event()
    release = threading.Event()

    def slow(articles, cache, progress, cancel, config):
        started.set()
        release.wait(5)
        raise RuntimeError("not needed")

    app = app_factory(analyser=slow)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            await pilot.pause(0.02)
            if started.is_set() and app.state.articles:
                break
        await pilot.pause()
        assert app.screen.query_one(ArticleList).row_count == 5
        assert app.state.analysing
        release.set()


async def test_vim_keys_move_in_the_list(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        table = app.screen.query_one(ArticleList)
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("G")
        assert table.cursor_row == 4
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("down")
        assert table.cursor_row == 1
        await pilot.press("tab")
        assert app.focused.id == "preview"
        await pilot.press("tab")
        assert app.focused.id == "articles"


async def test_filter_as_you_type_and_clear(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        screen = app.screen
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"kakao")
        assert 0 < len(screen.shown) < 5
        assert all("kakao" in (a.title + a.text + app.state.views[a.id].text).casefold() for a in screen.shown)
        await pilot.press("enter")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("escape")
        assert len(screen.shown) == 5 and screen.query_text == ""


async def test_filter_by_entity(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("e")
        await pilot.press(*"kakao", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        assert screen.entity_filter and "kakao" in screen.entity_filter[1].casefold()
        assert 0 < len(screen.shown) < 5


async def test_open_and_cycle_views(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.query_one("#english", TextPane).document.text == app.state.views[reader.article_id].text
        seen = [reader.view_mode]
        for _ in range(3):
            await pilot.press("t")
            seen.append(reader.view_mode)
        assert seen == ["english", "original", "side", "english"]
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_side_by_side_moves_both_panes(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("enter", "t", "t")  # side by side on a non-English article
        reader = app.screen
        english, original = reader.query_one("#english", TextPane), reader.query_one("#original", TextPane)
        assert app.focused is english
        await pilot.press("j", "j")
        view = app.state.views[reader.article_id]
        assert english.cursor == 2
        assert original.paired == view.sentences[2].sources
        await pilot.press("h")
        assert app.focused is original
        await pilot.press("j")
        assert english.paired == tuple(s.index for s in view.sentences if original.cursor in s.sources)
        await pilot.press("l")
        assert app.focused is english


async def test_jump_between_mentions(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press(*["j"] * SEEDS_EN, "enter")
        reader = app.screen
        pane = reader.query_one("#english", TextPane)
        await pilot.press("n")
        first = pane.mention
        assert first is not None
        start, end = pane.document.sentences[pane.cursor]
        assert start <= first[0] < end
        await pilot.press("n")
        assert pane.mention[0] > first[0]
        await pilot.press("N")
        assert pane.mention == first
        assert "mention 1 of" in app.status.message


async def test_entity_panel_sets_the_mention_target(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press(*["j"] * SEEDS_EN, "enter")
        reader = app.screen
        panel = reader.query_one("#entities", OptionList)
        await pilot.press("tab")
        assert app.focused is panel
        await pilot.press("down", "enter")  # the most mentioned entity
        target = reader.target
        assert target
        pane = reader.query_one("#english", TextPane)
        spans = [s for s in pane.document.spans if s.entity == target]
        assert pane.mention == (spans[0].start, spans[0].end)
        await pilot.press("n")
        assert pane.mention == (spans[1].start, spans[1].end)


async def test_removed_lines_shown_on_request(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press(*["j"] * SEEDS_EN, "enter")
        removed = app.screen.query_one("#removed")
        assert not removed.display
        await pilot.press("r")
        assert removed.display
        assert "Advertisement" in str(removed.render())
        await pilot.press("r")
        assert not removed.display


async def test_briefing_from_anywhere_and_open_source(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("enter", "b")
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        rows = screen.rows
        assert rows and rows[0].text.startswith("EXECUTIVE BRIEFING")
        assert len(rows) <= screen.query_one(OptionList).size.height
        cited = [r for r in rows if r.citations]
        assert len(cited) >= 5
        await pilot.press("j")
        index = screen.query_one(OptionList).highlighted
        assert index is not None
        citation = rows[index].citations[0]
        await pilot.press("enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article_id == citation.article_id
        await pilot.pause()
        assert reader.query_one("#english", TextPane).cursor == citation.sentence
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, ReaderScreen)  # back through the stack


async def test_briefing_refits_on_resize(app_factory, ready, briefing_open):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        screen = await briefing_open(pilot)
        wide = screen.rows
        assert max(len(row.text) for row in wide) > 78
        await pilot.resize_terminal(80, 24)
        await pilot.pause(0.2)
        lines = screen.query_one(OptionList)
        assert screen.rows is not wide
        assert len(screen.rows) <= lines.size.height
        assert all(len(row.text) <= lines.scrollable_content_region.width for row in screen.rows)


async def test_export_writes_the_file(app_factory, tmp_path, ready, briefing_open):
    folder = tmp_path / "exports"
    app = app_factory(f'export_dir = "{folder}"\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await briefing_open(pilot)
        await pilot.press("e")
        files = list(folder.glob("briefing-*.md"))
        assert len(files) == 1
        assert files[0].read_text(encoding="utf-8").startswith("# Executive briefing")
        assert any(str(files[0]) in n.message for n in app._notifications)


@pytest.mark.parametrize("key", ["f1", "question_mark"])
async def test_help_lists_every_binding_of_the_screen(app_factory, key, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("enter", key)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        titles = [c.title for c in help_screen.commands]
        assert "Next" in titles and "View" in titles  # the reader's, then the app's (test_commands.py)
        assert "Pick" in titles  # the entity panel's, listed in its own section
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_keymap_remaps_by_id(app_factory, ready):
    app = app_factory('keymap = { "reader.cycle_view" = "v", "app.briefing" = "ctrl+b" }\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("enter", "t")
        assert app.screen.view_mode == "english"
        await pilot.press("v")
        assert app.screen.view_mode == "original"
        await pilot.press("ctrl+b")
        assert isinstance(app.screen, BriefingScreen)


async def test_bad_config_value_is_reported_and_default_used(app_factory, ready):
    app = app_factory('theme = 5\nfocus = "Samsung"\nwhatever = 1\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, analysed=False)
        messages = [n.message for n in app._notifications]
        assert any("'theme'" in m for m in messages)
        assert any("'whatever'" in m for m in messages)
        assert app.theme == "briefing-dark"


async def test_unknown_theme_falls_back(app_factory, ready):
    app = app_factory('theme = "no-such-theme"\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, analysed=False)
        assert app.theme == "briefing-dark"
        assert any("no-such-theme" in n.message for n in app._notifications)


async def test_theme_choice_persists(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, analysed=False)
        await pilot.press("ctrl+t")
        chosen = app.theme
        assert chosen != "briefing-dark"
    saved = (app_factory.config_dir / "config.toml").read_text(encoding="utf-8")
    assert f'theme = "{chosen}"' in saved
    again = app_factory()
    assert again.theme == chosen


async def test_builtin_textual_theme_still_works(app_factory, ready):
    app = app_factory('theme = "textual-light"\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert app.theme == "textual-light"
        assert "entity-person" in app.theme_variables
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)


def _waiting_analyser(seen: dict):
    def analyse(articles, cache, progress, cancel, config):
        seen["started"] = True
        for i in range(500):
            progress("translate", i, 500)
            if cancel.wait(0.01):
                seen["cancelled"] = True
                raise_cancelled = Analysis(tuple(articles), {})
                return raise_cancelled
        return Analysis(tuple(articles), {})

    return analyse


async def test_quit_mid_work_stops_the_worker_and_keeps_the_cache(app_factory, filled_cache, ready):
    seen: dict = {}
    app = app_factory(analyser=_waiting_analyser(seen))
    started = time.perf_counter()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            await pilot.pause(0.02)
            if seen.get("started"):
                break
        assert app.state.analysing
        await pilot.press("q")
    assert seen.get("cancelled")
    assert time.perf_counter() - started < 5
    with Cache(filled_cache) as cache:
        assert cache.count("article") >= 5


async def test_escape_stops_work_in_progress(app_factory, ready):
    seen: dict = {}
    app = app_factory(analyser=_waiting_analyser(seen))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            await pilot.pause(0.02)
            if seen.get("started"):
                break
        await pilot.pause(0.05)
        assert app.status.total == 500  # the progress bar is fed
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen.get("cancelled")
        assert not app.state.analysing and not app.state.analysed
        assert "stopped" in app.status.message


async def test_article_text_is_never_markup(app_factory, tmp_path, ready):
    article = tmp_path / "tricky.txt"
    article.write_text(
        "The [bold red]loud[/bold red] headline [link=x]here[/link]\n\nBody with [b]brackets[/b] and $var. It is plain text.\n",
        encoding="utf-8",
    )
    app = app_factory(paths=[str(article)], cache=Cache(tmp_path / "c.sqlite3"), analyse=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot, analysed=False)
        table = app.screen.query_one(ArticleList)
        assert "[bold red]loud[/bold red]" in table.get_row_at(0)[0].plain
        preview = app.screen.query_one("#preview-text")
        assert "[b]brackets[/b]" in str(preview.render())
        await pilot.press("enter")
        pane = app.screen.query_one("#english", TextPane)
        assert "[link=x]here[/link]" in pane.document.text


async def test_command_palette_runs_screen_actions(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.1)
        await pilot.press(*"briefing")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert isinstance(app.screen, BriefingScreen)


async def test_models_screen_opens(app_factory, ready):
    pytest.importorskip("briefing.tui.screens.models")
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("m")
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "ModelsScreen"


async def test_mouse_selects_and_opens(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        table = app.screen.query_one(ArticleList)
        await pilot.click(ArticleList, offset=(5, 3))  # the header is row 0 of the widget
        assert table.cursor_row == 2
        await pilot.click(ArticleList, offset=(5, 3))
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        pane = reader.query_one("#english", TextPane)
        await pilot.click("#english", offset=(6, 6))
        assert pane.cursor > 0


async def test_colour_toggle_and_legend(app_factory, ready):
    from briefing import config as config_module

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("j", "j", "enter")
        reader = app.screen
        legend = str(reader.query_one("#legend").render())
        assert "person" in legend and "organisation" in legend and "place" in legend
        assert reader.query_one("#english", TextPane).highlight
        await pilot.press("c")
        await pilot.pause()
        assert not reader.query_one("#english", TextPane).highlight
        assert "colours off" in str(reader.query_one("#legend").render())
        assert config_module.load(app_factory.config_dir / "config.toml")[0].highlight is False
        await pilot.press("c")
        await pilot.pause()
        assert reader.query_one("#english", TextPane).highlight


async def test_missing_model_notice_offers_the_models_screen(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("enter")  # the Vietnamese seed: no model installed in tests
        meta = str(app.screen.query_one("#reader-meta").render())
        assert "No Argos package exists for Vietnamese (vi)" in meta and "Press m for the models screen" in meta
        await pilot.press("m")
        assert type(app.screen).__name__ == "ModelsScreen"


async def test_briefing_with_nothing_to_say_explains_why(app_factory, tmp_path, ready):
    (tmp_path / "ja.txt").write_text("会議は東京で開かれた。合意はなかった。トヨタの社長が出席した。\n", encoding="utf-8")
    app = app_factory(paths=[str(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("b")
        await ready(pilot)
        await pilot.pause(0.2)
        shown = " ".join(" ".join(str(o.prompt) for o in app.screen.query_one(OptionList)._options).split())
        assert "Nothing to brief on yet: the ja source has no English text" in shown
        assert "`briefing models install ja` translates it." in shown
        await pilot.press("enter")  # the note cites nothing: the cursor starts on the source row
        assert type(app.screen).__name__ == "ReaderScreen"


async def test_filtering_changes_only_which_rows_are_drawn(app_factory, ready):
    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        rows = app.screen.query_one(ArticleList)
        cells = rows.cells  # made once per state: a keystroke neither remakes nor re-measures them
        await pilot.press("j", "slash", *"kakao")
        assert 0 < rows.row_count < 5 and rows.cells is cells
        await pilot.press("escape")
        assert rows.row_count == 5 and rows.cells is cells
        assert rows.selected_key == app.state.articles[1].id  # the cursor stayed on its article



async def test_keys_typed_right_after_slash_go_into_the_filter(app_factory, ready):
    from textual import events

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        typed = (("slash", "/"), ("k", "k"), ("a", "a"), ("slash", "/"), ("k", "k"))
        for key, char in typed:  # queued at once, as a fast typist (or a starved input thread) delivers them
            app.post_message(events.Key(key, char))
        await pilot.pause(0.2)
        assert app.screen.query_one("#filter", Input).value == "ka/k"
        assert isinstance(app.screen, LibraryScreen)


async def test_reused_reader_takes_a_theme_changed_while_it_was_closed(app_factory, ready):
    """The reused reader skips Textual's restyle on open only while the app's CSS is unchanged."""
    from textual.color import Color

    app = app_factory()
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        before = reader.query_one("#reader-meta").styles.background
        await pilot.press("escape", "j", "enter")  # opened again, nothing changed: no restyle needed
        assert app.screen is reader and reader.query_one("#reader-meta").styles.background == before
        await pilot.press("escape", "ctrl+t")
        await pilot.pause()
        assert app.theme != "briefing-dark"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader
        after = reader.query_one("#reader-meta").styles.background
        assert after != before
        assert after == Color.parse(app.get_css_variables()["surface"])  # #reader-meta's background: $surface
