"""One command registry (tui/commands.py): every binding comes from it, the README's key table
and the help screens agree with it, and the keymap is checked against it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.widgets import Static

from briefing.tui import commands
from briefing.tui.commands import APP, BRIEFING, ENTITY_PANEL, EVERY, LIBRARY, MODELS, PALETTE, PANE, READER, key_for
from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.library import LibraryScreen
from briefing.tui.screens.models import ModelsScreen
from briefing.tui.screens.pick import EntityPicker
from briefing.tui.screens.reader import EntityPanel, ReaderScreen
from briefing.tui.widgets.text_pane import TextPane

pytestmark = pytest.mark.anyio

README = Path(__file__).resolve().parents[2] / "README.md"
SCOPES = {  # the README's key table row -> the commands active there
    "everywhere": APP + (PALETTE,),
    "library": LIBRARY,
    "reader": READER + PANE + ENTITY_PANEL,
    "briefing": BRIEFING,
    "models": MODELS,
}
WORDS = {"esc": "escape", "pgdn": "pagedown", "pgup": "pageup", "F1": "f1", "?": "question_mark", "/": "slash"}
ARROWS = {"up", "down"}  # ↑↓ move in every list: the widgets' own keys as well as ours
_BARE = re.compile(r"(?<![\w`+])(F\d+|ctrl\+\w|esc|enter|tab|space|pgdn|pgup|↑↓)(?![\w`])")
_TICKED = re.compile(r"`([^`\s]{1,2})`")


def _readme_keys(row: str) -> set[str]:
    keys: set[str] = set()
    for token in _BARE.findall(row) + _TICKED.findall(row):
        keys |= ARROWS if token == "↑↓" else {WORDS.get(token, token)}
    return keys


def _readme_rows() -> dict[str, str]:
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] in SCOPES:
            rows[cells[0]] = cells[1]
    return rows


def _keys(command: commands.Command) -> set[str]:
    return {k.strip() for k in command.keys.split(",")}


def test_the_readme_key_table_agrees_with_the_registry():
    rows = _readme_rows()
    assert set(rows) == set(SCOPES)
    for scope, listed in SCOPES.items():
        documented = _readme_keys(rows[scope])
        bound = set().union(*(_keys(c) for c in listed))
        assert documented - ARROWS <= bound, f"README {scope}: {sorted(documented - ARROWS - bound)} bound to nothing"
        missing = [c.id for c in listed if not _keys(c) & documented]
        assert not missing, f"README {scope} names no key of {missing}"


def test_every_binding_of_every_screen_and_widget_is_in_the_registry():
    ids = {c.id for c in EVERY} | {PALETTE.id}
    owners = (LibraryScreen, ReaderScreen, BriefingScreen, ModelsScreen, HelpScreen, EntityPicker, EntityPanel, TextPane)
    for owner in owners:
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding) and binding.id in ids, f"{owner.__name__}: {binding} is not in tui/commands.py"


def _help_text(screen: HelpScreen) -> str:
    out = io.StringIO()
    Console(file=out, width=240, color_system=None).print(screen.query_one("#help-text", Static).content)
    return out.getvalue()


HELP_FROM = {  # keys from the library -> the screen whose help is read
    "library": ((), LibraryScreen),
    "reader": (("enter",), ReaderScreen),
    "briefing": (("b",), BriefingScreen),
    "models": (("m",), ModelsScreen),
}


@pytest.mark.parametrize("where", HELP_FROM)
async def test_help_lists_the_registry_commands_of_its_screen(app_factory, ready, where):
    app = app_factory('keymap = { "reader.cycle_view" = "v", "models.install" = "I" }\n')
    keys, kind = HELP_FROM[where]
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press(*keys)
        await app.workers.wait_for_complete()
        screen = app.screen
        assert isinstance(screen, kind)
        await pilot.press("f1")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert help_screen.commands == commands.own_commands(screen)
        lines = _help_text(help_screen).splitlines()
        for command in (*commands.own_commands(screen), *APP, PALETTE):
            shown = key_for(app, command)
            assert any(shown in line and command.title in line and command.help in line for line in lines), (
                f"{where} help lacks {command.id}: {shown} {command.title}"
            )
        if where == "reader":
            assert any(line.strip().startswith("v") and "View" in line for line in lines)  # as remapped


async def test_the_keymap_is_checked_against_the_registry(app_factory, ready):
    app = app_factory('keymap = { "app.quit" = "j", "reader.cycle_view" = "zzz", "models.install" = "I", "no.such" = "x" }\n')
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        messages = [n.message for n in app._notifications]
        assert any("'app.quit' = 'j' clashes with library.down" in m for m in messages)
        assert any("'reader.cycle_view' = 'zzz'" in m and "not a key" in m for m in messages)
        assert any("'no.such'" in m for m in messages)
        assert not any("models.install" in m for m in messages)  # a models command is a command
        await pilot.press("j")  # still moves: the clashing remap was not applied
        assert app.is_running
        await pilot.press("m", "I")
        assert "prompting" in app.screen.query_one("#models-input").classes
        await pilot.press("escape", "escape", "q")
    assert app.return_code == 0
