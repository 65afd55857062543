"""One list of commands: the same entries make the bindings, the footer,
the command palette and the help screen, so they can never disagree.

Every command has an id (`scope.name`); the config's keymap remaps it by id,
e.g. `keymap = { "reader.cycle_view" = "v" }`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True)
class Command:
    id: str  # binding id, remappable through the keymap
    keys: str  # default keys, comma separated
    title: str  # footer and palette
    help: str  # help screen and palette
    action: str  # Textual action on the owning screen (or app)
    footer: bool = True  # show in the footer
    palette: bool = True  # offer in the command palette (keys like "down" would be noise)
    key_display: str | None = None
    priority: bool = False


def bindings(commands: tuple[Command, ...]) -> list[Binding]:
    return [
        Binding(
            c.keys,
            c.action,
            c.title,
            show=c.footer,
            key_display=c.key_display,
            priority=c.priority,
            tooltip=c.help,
            id=c.id,
        )
        for c in commands
    ]


APP = (
    Command("app.briefing", "b", "Briefing", "Open the one-screen executive briefing", "app.open_briefing"),
    Command("app.models", "m", "Models", "Translation models: installed, missing, install", "app.open_models", footer=False),
    Command("app.help", "f1,question_mark", "Help", "Every key of this screen", "app.help", key_display="?"),
    Command("app.highlight", "c", "Colours", "Entity colours on or off (saved in the config)", "app.toggle_highlight", footer=False),
    Command("app.theme", "ctrl+t", "Theme", "Cycle the briefing themes (dark, light, high contrast)", "app.cycle_theme", footer=False),
    Command("app.stop", "ctrl+x", "Stop work", "Cancel translation and annotation; the cache stays consistent", "app.stop_work", footer=False),
    Command("app.reanalyse", "ctrl+r", "Analyse again", "Run translation and entity annotation again", "app.analyse", footer=False),
    Command("app.quit", "q", "Quit", "Quit (any work in progress stops cleanly)", "app.quit"),
)

LIBRARY = (
    Command("library.open", "enter,l", "Open", "Read the selected article", "open_article", key_display="⏎"),
    Command("library.filter", "slash", "Filter", "Filter as you type over titles and text", "filter", key_display="/"),
    Command("library.entity", "e", "Entity", "Show only articles that mention an entity", "filter_entity"),
    Command("library.clear", "escape", "Clear", "Clear the filters (or stop work in progress)", "clear", footer=False),
    Command("library.down", "j", "Down", "Next article", "cursor_down", footer=False, palette=False),
    Command("library.up", "k", "Up", "Previous article", "cursor_up", footer=False, palette=False),
    Command("library.top", "g", "First", "First article", "cursor_top", footer=False),
    Command("library.bottom", "G", "Last", "Last article", "cursor_bottom", footer=False),
    Command("library.pane", "tab", "Pane", "Move between the list and the preview", "focus_next_pane", footer=False, palette=False),
)

READER = (
    Command("reader.cycle_view", "t", "View", "Cycle English view / original / side by side", "cycle_view"),
    Command("reader.next_mention", "n", "Next", "Next mention of the selected entity (or of any)", "next_mention"),
    Command("reader.previous_mention", "N", "Prev", "Previous mention", "previous_mention", footer=False),
    Command("reader.removed", "r", "Removed", "Show or hide what cleaning removed", "toggle_removed"),
    Command("reader.entities", "p", "Entities", "Show or hide the entity panel", "toggle_entities", footer=False),
    Command("reader.left", "h", "Left pane", "Side by side: the original pane", "pane_left", footer=False),
    Command("reader.right", "l", "Right pane", "Side by side: the English pane", "pane_right", footer=False),
    Command("reader.pane", "tab", "Pane", "Move between the text and the entity panel", "focus_next_pane", footer=False, palette=False),
    Command("reader.back", "escape", "Back", "Back to the library", "back", key_display="esc"),
)

BRIEFING = (
    Command("briefing.open", "enter", "Source", "Open the source sentence of the selected line", "open_source", key_display="⏎"),
    Command("briefing.export", "e", "Export", "Write the briefing as Markdown to the export folder", "export"),
    Command("briefing.rebuild", "ctrl+l", "Rebuild", "Build the briefing again", "rebuild", footer=False),
    Command("briefing.down", "j", "Down", "Next line", "cursor_down", footer=False, palette=False),
    Command("briefing.up", "k", "Up", "Previous line", "cursor_up", footer=False, palette=False),
    Command("briefing.top", "g", "Top", "First line", "cursor_top", footer=False),
    Command("briefing.bottom", "G", "Bottom", "Last line", "cursor_bottom", footer=False),
    Command("briefing.back", "escape", "Back", "Back to where you were", "back", key_display="esc"),
)


def key_for(app, command: Command) -> str:
    """The key(s) as the user has them now (after the keymap), for display."""
    keys = getattr(app, "_keymap", {}).get(command.id) or command.keys
    shown = [app.get_key_display(Binding(k.strip(), "")) for k in keys.split(",")]
    return " ".join(shown)


def screen_commands(screen) -> tuple[Command, ...]:
    """The commands that apply on `screen`: its own, then the app's."""
    return tuple(getattr(screen, "COMMAND_LIST", ())) + APP


class CommandsProvider(Provider):
    """The command palette: the commands of the screen it was opened from."""

    def _entries(self):
        for command in screen_commands(self.screen):
            if command.palette:
                yield command

    async def _run(self, command: Command) -> None:
        target = self.screen
        await self.app.run_action(command.action, target)

    async def discover(self) -> Hits:
        for command in self._entries():
            yield DiscoveryHit(
                f"{command.title}  ({key_for(self.app, command)})",
                partial(self._run, command),
                help=command.help,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._entries():
            text = f"{command.title}  ({key_for(self.app, command)})"
            score = max(matcher.match(text), matcher.match(command.help) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._run, command), help=command.help)
