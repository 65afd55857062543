"""Help: every key of the screen it was opened from, as the keymap has them now."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..commands import APP, HELP, PALETTE, Command, bindings, key_for

TITLES = {"library": "Library", "reader": "Reader", "briefing": "Briefing", "models": "Models"}
PANEL = "entities."  # the reader's entity panel: its keys apply when it has the focus


class HelpScreen(ModalScreen[None]):
    COMMAND_LIST = HELP
    BINDINGS = bindings(HELP)

    def __init__(self, screen_name: str, commands: tuple[Command, ...]) -> None:
        super().__init__(id="help")
        self.screen_name = screen_name
        self.commands = commands

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(id="help-text")

    def on_mount(self) -> None:
        box = self.query_one("#help-box")
        box.border_title = f"Keys · {TITLES.get(self.screen_name, self.screen_name)}"
        box.border_subtitle = "esc closes · ctrl+p runs any command by name"
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(style="dim")
        own = [c for c in self.commands if not c.id.startswith(PANEL)]
        panel = [c for c in self.commands if c.id.startswith(PANEL)]
        self._section(table, TITLES.get(self.screen_name, "This screen"), tuple(own))
        if panel:
            table.add_row("", "", "")
            self._section(table, "Entity panel", tuple(panel))
        table.add_row("", "", "")
        self._section(table, "Everywhere", APP + (PALETTE,))
        self.query_one("#help-text", Static).update(table)

    def _section(self, table: Table, title: str, commands: tuple[Command, ...]) -> None:
        table.add_row(Text(title, style="bold underline"), "", "")
        for command in commands:
            table.add_row(Text(key_for(self.app, command)), Text(command.title), Text(command.help))

    def action_scroll_down(self) -> None:
        self.query_one("#help-box").scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help-box").scroll_up()
