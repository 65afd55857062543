"""The status line: what the app is doing, with a progress bar while it works."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static


class StatusLine(Horizontal):
    """Mirrors `app.status`; every screen has one, synced when it is shown."""

    def compose(self) -> ComposeResult:
        yield Static(id="status-text")
        yield ProgressBar(id="status-progress", show_eta=False, show_percentage=False)

    def on_mount(self) -> None:
        self.sync()

    def sync(self) -> None:
        status = getattr(self.app, "status", None)
        if status is None:
            return
        message, done, total = status
        self.query_one("#status-text", Static).update(Text(message, no_wrap=True, overflow="ellipsis"))
        bar = self.query_one(ProgressBar)
        bar.display = total > 0
        if total > 0:
            bar.update(total=total, progress=done)
