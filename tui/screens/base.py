"""The base of the app's screens: typed against BriefingApp, re-rendered when its state changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.screen import Screen

from ..commands import Command
from ..state import AppState

if TYPE_CHECKING:
    from ..app import BriefingApp


class AppScreen(Screen[None]):
    COMMAND_LIST: ClassVar[tuple[Command, ...]] = ()

    if TYPE_CHECKING:

        @property  # Textual types it as App[Any]; the screens of this app read its state
        def app(self) -> BriefingApp: ...  # type: ignore[override]

    def on_mount(self) -> None:
        self.watch(self.app, "state", self._state_changed, init=False)

    def _state_changed(self, old: AppState, new: AppState) -> None:
        if self.is_mounted and self in self.app.screen_stack:  # a reused screen off the stack refills when opened
            self.show_state(old, new)

    def show_state(self, old: AppState, new: AppState) -> None:
        """Re-render what changed from `old` to `new`."""


def content_changed(old: AppState, new: AppState) -> bool:
    """Whether what a library or reader shows changed (not only the briefing)."""
    return (
        old.articles is not new.articles
        or old.analysis is not new.analysis
        or old.phase is not new.phase
        or old.config.highlight != new.config.highlight
        or old.config.theme != new.config.theme
    )
