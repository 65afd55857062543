"""A one-widget footer: the screen's keys drawn as a single line of text.

Textual's Footer builds a widget per key and rebuilds them all whenever the
screen's bindings change, which was half the cost of opening an article
(bench/ui.py). This draws the same keys (remapped ones included) as one Text,
and a click on a key presses it.
"""

from __future__ import annotations

from collections import OrderedDict

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget, can_focus=False):
    COMPONENT_CLASSES = {"keybar--key", "keybar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .keybar--key { color: $footer-key-foreground; text-style: bold; }
        & > .keybar--description { color: $footer-description-foreground; }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._regions: list[tuple[int, int, str]] = []  # (start, end, key) for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def _shown(self) -> list[tuple[Binding, bool]]:
        by_action: OrderedDict[str, tuple[Binding, bool]] = OrderedDict()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = (binding, enabled)
        return list(by_action.values())

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        text_style = self.get_component_rich_style("keybar--description", partial=True)
        line = Text(no_wrap=True, overflow="ellipsis")
        self._regions = []
        for binding, enabled in self._shown():
            start = line.cell_len
            dim = Style() if enabled else Style(dim=True)
            line.append(f" {self.app.get_key_display(binding)} ", style=key_style + dim)
            line.append(f"{binding.description} ", style=text_style + dim)
            self._regions.append((start, line.cell_len, binding.key.split(",")[0]))
        palette = self.app.COMMAND_PALETTE_BINDING
        hint = Text.assemble((" ^p ", key_style), ("palette ", text_style))
        room = self.size.width - hint.cell_len
        if self.app.ENABLE_COMMAND_PALETTE and palette and room > line.cell_len:
            line.append(" " * (room - line.cell_len))
            self._regions.append((line.cell_len, line.cell_len + hint.cell_len, palette))
            line.append_text(hint)
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._regions:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
