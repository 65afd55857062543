"""The status line: what the app is doing, with a progress bar while it works."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from ..state import Status

if TYPE_CHECKING:
    from ..app import BriefingApp


class StatusLine(Horizontal):
    """Mirrors `app.status` on every screen, covered ones included (a modal shows them)."""

    if TYPE_CHECKING:

        @property  # Textual types it as App[Any]; this line reads the app's status
        def app(self) -> BriefingApp: ...  # type: ignore[override]

    def compose(self) -> ComposeResult:
        yield Static(id="status-text")
        yield ProgressBar(id="status-progress", show_eta=False, show_percentage=False)

    def on_mount(self) -> None:
        self.watch(self.app, "status", self.show, init=True)

    def show(self, status: Status) -> None:
        self.query_one("#status-text", Static).update(Text(status.message, no_wrap=True, overflow="ellipsis"))
        bar = self.query_one(ProgressBar)
        bar.display = status.total > 0
        if status.total > 0:
            bar.update(total=status.total, progress=status.done)
