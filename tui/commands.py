"""One list of commands: the same entries make the bindings, the footer,
the command palette and the help screen of every screen and modal, so they can
never disagree.

Every command has an id (`scope.name`); the config's keymap remaps it by id,
e.g. `keymap = { "reader.cycle_view" = "v" }`. `check_keymap` keeps only the
entries that name a command, give valid keys and clash with no other command
active at the same time.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.keys import REPLACED_KEYS, Keys


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


BindingList = list[Binding | tuple[str, str] | tuple[str, str, str]]  # what Textual's BINDINGS holds


def bindings(commands: tuple[Command, ...]) -> BindingList:
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
    Command("app.models", "m", "Models", "Translation models: installed, missing, install", "app.open_models",
            footer=False),
    Command("app.help", "f1,question_mark", "Help", "Every key of this screen", "app.help", key_display="?"),
    Command("app.highlight", "c", "Colours", "Entity colours on or off (saved in the config)", "app.toggle_highlight", footer=False),
    Command("app.theme", "ctrl+t", "Theme", "Cycle the briefing themes (dark, light, high contrast)", "app.cycle_theme", footer=False),
    Command("app.stop", "ctrl+x", "Stop work", "Cancel translation and annotation; the cache stays consistent", "app.stop_work",
            footer=False),
    Command("app.reanalyse", "ctrl+r", "Analyse again", "Run translation and entity annotation again", "app.analyse", footer=False),
    Command("app.quit", "q", "Quit", "Quit (any work in progress stops cleanly)", "app.quit"),
)

LIBRARY = (
    Command("library.open", "enter,l", "Open", "Read the selected article", "open_article", key_display="⏎"),
    # priority: run as the key arrives, so the keys typed right after it already go into the field
    Command("library.filter", "slash", "Filter", "Filter as you type over titles and text", "filter", key_display="/", priority=True),
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
    Command("reader.open_url", "o", "Open", "Open the article's web page in the browser", "open_url", footer=False),
    Command("reader.copy", "y", "Copy", "Copy the current sentence with its citation", "copy_sentence", footer=False),
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


PANE = (  # the reader's text panes
    Command("reader.down", "j,down", "Next sentence", "Move to the next sentence", "sentence_down", footer=False, palette=False),
    Command("reader.up", "k,up", "Previous sentence", "Move to the previous sentence", "sentence_up", footer=False, palette=False),
    Command("reader.page_down", "pagedown,space", "Page down", "Move a screen down", "page_down", footer=False, palette=False),
    Command("reader.page_up", "pageup", "Page up", "Move a screen up", "page_up", footer=False, palette=False),
    Command("reader.top", "g,home", "Top", "First sentence", "sentence_top", footer=False),
    Command("reader.bottom", "G,end", "Bottom", "Last sentence", "sentence_bottom", footer=False),
)

ENTITY_PANEL = (  # the reader's entity list
    Command("entities.pick", "enter", "Pick", "Follow this entity with n / N (All entities: any)", "select", footer=False, palette=False),
    Command("entities.down", "j", "Down", "Next entity in the panel", "cursor_down", footer=False, palette=False),
    Command("entities.up", "k", "Up", "Previous entity in the panel", "cursor_up", footer=False, palette=False),
)

MODELS = (
    Command("models.install", "i", "Install language", "Install the model for a language from the Argos index (needs network)",
            "prompt_language"),
    Command("models.file", "f", "Install file", "Install a .argosmodel file copied from another machine (offline)", "prompt_file"),
    Command("models.remove", "d,delete", "Remove", "Remove the selected model", "remove_selected"),
    Command("models.refresh", "r", "Refresh", "Read the installed models again", "refresh_content", footer=False),
    Command("models.back", "escape", "Back", "Back to the previous screen (or close the prompt)", "back", key_display="esc"),
)

HELP = (
    Command("help.close", "escape,q,f1,question_mark", "Close", "Close the help", "dismiss", key_display="esc"),
    Command("help.down", "j,down", "Down", "Scroll down", "scroll_down", footer=False, palette=False),
    Command("help.up", "k,up", "Up", "Scroll up", "scroll_up", footer=False, palette=False),
)

PICKER = (  # typing goes to the filter field, so only keys that type nothing
    Command("picker.cancel", "escape", "Cancel", "Close without filtering", "dismiss_none", key_display="esc"),
    Command("picker.down", "down", "Down", "Next entity", "down", footer=False, palette=False),
    Command("picker.up", "up", "Up", "Previous entity", "up", footer=False, palette=False),
)

PALETTE = Command("app.palette", "ctrl+p", "Commands", "The command palette: every action by name", "command_palette")

# Where each list is active, with the app's commands: keys may not repeat within one.
CONTEXTS: Mapping[str, tuple[Command, ...]] = {
    "library": LIBRARY,
    "reader": READER + PANE,
    "entity panel": READER + ENTITY_PANEL,
    "briefing": BRIEFING,
    "models": MODELS,
    "help": HELP,
    "entity picker": PICKER,
}
EVERY = APP + tuple(dict.fromkeys(c for commands in CONTEXTS.values() for c in commands))
_MODIFIERS = {"ctrl", "shift", "alt", "super", "meta", "hyper"}
_NAMED = {k.value for k in Keys if "+" not in k.value and not k.value.startswith("<")} | set(REPLACED_KEYS)


def valid_key(key: str) -> bool:
    """A key Textual can bind: a character, a named key or a character name, with modifiers."""
    *modifiers, base = key.split("+")
    if not base or not set(modifiers) <= _MODIFIERS:
        return False
    if len(base) == 1:
        return base.isprintable() and not base.isspace()
    if base in _NAMED:
        return True
    try:
        unicodedata.lookup(base.replace("_", " "))
    except KeyError:
        return False
    return True


def _keys(keys: str) -> list[str]:
    return [k.strip() for k in keys.split(",") if k.strip()]


def check_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """(the entries to apply, one problem line per entry left out)."""
    by_id = {c.id: c for c in EVERY}
    problems: list[str] = []
    kept: dict[str, str] = {}
    for binding_id, keys in keymap.items():
        if binding_id not in by_id:
            problems.append(f"config: keymap names no command '{binding_id}' (the help lists them, F1); ignored")
            continue
        bad = [k for k in _keys(keys) if not valid_key(k)]
        if bad or not _keys(keys):
            problems.append(f"config: keymap '{binding_id}' = '{keys}': not a key Textual knows ({', '.join(bad) or 'empty'}); ignored")
            continue
        kept[binding_id] = ",".join(_keys(keys))
    for binding_id, keys in list(kept.items()):
        clash = _clash(binding_id, keys, kept)
        if clash:
            problems.append(f"config: keymap '{binding_id}' = '{keys}' clashes with {clash}; ignored")
            del kept[binding_id]
    return kept, problems


def _clash(binding_id: str, keys: str, keymap: Mapping[str, str]) -> str | None:
    """The first other command bound to one of `keys` where `binding_id` is active."""
    wanted = set(_keys(keys))
    for context, commands in CONTEXTS.items():
        active = APP + commands
        if binding_id not in {c.id for c in active}:
            continue
        for other in active:
            if other.id == binding_id:
                continue
            shared = wanted & set(_keys(keymap.get(other.id, other.keys)))
            if shared:
                return f"{other.id} ({', '.join(sorted(shared))}) on the {context}"
    return None


def key_for(app: App[Any], command: Command) -> str:
    """The key(s) as the user has them now (after the keymap), for display."""
    keymap: Mapping[str, str] = getattr(app, "_keymap", {})  # Textual keeps the applied keymap there
    keys = keymap.get(command.id) or command.keys
    return " ".join(app.get_key_display(Binding(k, "")) for k in _keys(keys))


def own_commands(screen: DOMNode) -> tuple[Command, ...]:
    """The commands of `screen` itself (every screen and modal of the app declares COMMAND_LIST)."""
    own: tuple[Command, ...] = getattr(screen, "COMMAND_LIST", ())
    return own


def screen_commands(screen: DOMNode) -> tuple[Command, ...]:
    """The commands that apply on `screen`: its own, then the app's."""
    return own_commands(screen) + APP


class CommandsProvider(Provider):
    """The command palette: the commands of the screen it was opened from."""

    def _entries(self) -> Iterator[Command]:
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
