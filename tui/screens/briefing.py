"""The one-screen briefing, fitted to the terminal and refitted on resize.

The app builds the briefing once per analysis and focus, in a worker, and keeps it
(`BriefingApp.build_briefing`); this screen only fits it (`briefing.brief.fit`, cheap)
on open and on every resize. Each row carries the lines it shows, so enter opens the
source sentence of any row that cites one.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from briefing.brief.fit import Row
from briefing.model import Briefing

from ..commands import BRIEFING, bindings
from ..state import AppState
from ..widgets.keybar import KeyBar
from ..widgets.status import StatusLine
from .base import AppScreen
from .common import theme_color

GUTTER = 13  # briefing.brief.fit's label column at 60 columns and more
_MARKS = re.compile(r"(\[\d+\])+(\+\d+)?")
_AGREE = re.compile(r"\d+ agree")


class BriefingLines(OptionList):
    """The fitted rows. Refitted whenever its own size changes: it gets its size only once
    shown after the wait, which may be after the fit that showing it asked for."""

    def on_resize(self, event: events.Resize) -> None:
        screen = self.screen
        if isinstance(screen, BriefingScreen):
            screen.refit()


class BriefingScreen(AppScreen):
    COMMAND_LIST = BRIEFING
    BINDINGS = bindings(BRIEFING)
    AUTO_FOCUS = "#briefing-lines"

    def __init__(self) -> None:
        super().__init__(name="briefing")
        self.briefing: Briefing | None = None
        self.rows: list[Row] = []
        self.fitted: tuple[int, int] | None = None  # the (cols, rows) the rows were fitted to
        self.exported: Path | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="briefing-wait")
        yield BriefingLines(id="briefing-lines")
        yield StatusLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Executive briefing"
        self.refresh_content()

    def show_state(self, old: AppState, new: AppState) -> None:
        if old.briefing is not new.briefing or old.analysis is not new.analysis or old.phase is not new.phase:
            self.refresh_content()

    def refresh_content(self) -> None:
        """Show the app's briefing, asking for it to be built if it is not yet."""
        app = self.app
        waiting = self.query_one("#briefing-wait", Static)
        lines = self.query_one(BriefingLines)
        built = app.state.briefing
        if built is None:
            if app.state.analysis is None:
                message = (
                    "The briefing needs translation and entities: working on them (see the status line)…"
                    if app.state.analysing
                    else "The briefing needs the analysis, which has not run: ctrl+r starts it."
                )
            else:
                message = "Building the briefing…"
                app.build_briefing()
            waiting.update(Text(message, style="italic"))
            waiting.display, lines.display = True, False
            return
        waiting.display, lines.display = False, True
        if built is not self.briefing:
            self.briefing = built
            self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        if self.briefing is not None:
            self.call_after_refresh(self._fit)

    # -- fitting -----------------------------------------------------------------

    def refit(self) -> None:
        """Fit again if the rows' room is not the one they were fitted to."""
        if self.briefing is not None and self._room() != self.fitted:
            self._fit()

    def _room(self) -> tuple[int, int]:
        region = self.query_one(BriefingLines).scrollable_content_region
        return max(20, region.width - 2), max(5, region.height)

    def _fit(self) -> None:
        from briefing.brief.fit import fit

        if self.briefing is None:
            return
        lines = self.query_one(BriefingLines)
        cols, rows = self.fitted = self._room()
        highlighted = lines.highlighted
        self.rows = fit(self.briefing, (cols, rows))
        lines.clear_options()
        for number, row in enumerate(self.rows):
            lines.add_option(Option(self._render_row(row, cols), id=str(number), disabled=not row.citations))
        if self.rows:
            first = next((i for i, r in enumerate(self.rows) if r.citations), None)
            keep = highlighted if highlighted is not None and highlighted < len(self.rows) and self.rows[highlighted].citations else first
            lines.highlighted = keep

    def _render_row(self, row: Row, cols: int) -> Text:
        accent = theme_color(self, "accent")
        if row.section == "title":
            return Text(row.text, style=f"bold {theme_color(self, 'primary') or ''}".strip(), no_wrap=True)
        text = Text(row.text, no_wrap=True, overflow="ellipsis")
        gutter = GUTTER if cols >= 60 else 0
        if gutter:
            text.stylize(f"bold {accent}" if accent else "bold", 0, gutter)
        for match in _MARKS.finditer(row.text):
            text.stylize("dim", match.start(), match.end())
        for match in _AGREE.finditer(row.text):
            color = theme_color(self, "success")
            text.stylize(f"italic {color}" if color else "italic", match.start(), match.end())
        return text

    # -- actions -------------------------------------------------------------

    @on(OptionList.OptionSelected, "#briefing-lines")
    def _selected(self) -> None:
        self.action_open_source()

    def action_open_source(self) -> None:
        lines = self.query_one(BriefingLines)
        index = lines.highlighted
        if index is None or index >= len(self.rows) or not self.rows[index].citations:
            return
        citation = self.rows[index].citations[0]
        self.app.open_reader(citation.article_id, citation.sentence)

    def action_export(self) -> None:
        from briefing import export, sanitize
        from briefing.errors import UserError

        analysis = self.app.state.analysis
        if self.briefing is None or analysis is None:
            self.notify("Nothing to export yet: the briefing is still being built.", severity="warning", markup=False)
            return
        folder = Path(self.app.config.export_dir).expanduser() if self.app.config.export_dir else Path.cwd()
        path = folder / f"briefing-{time.strftime('%Y%m%d-%H%M%S')}.md"
        inputs = [a.path for a in analysis.articles if a.path]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            export.write(path, export.markdown(self.briefing, analysis), protect=inputs)
        except (OSError, UserError) as error:
            reason = getattr(error, "strerror", None) or error
            self.notify(f"Export failed: {sanitize.path(path)}: {sanitize.line(reason)}", severity="error", markup=False)
            return
        self.exported = path
        self.notify(sanitize.path(path), title="Briefing exported", timeout=6, markup=False)

    def action_rebuild(self) -> None:
        self.app.build_briefing(force=True)

    def action_cursor_down(self) -> None:
        self.query_one(BriefingLines).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(BriefingLines).action_cursor_up()

    def action_cursor_top(self) -> None:
        self.query_one(BriefingLines).action_first()

    def action_cursor_bottom(self) -> None:
        self.query_one(BriefingLines).action_last()

    def action_back(self) -> None:
        self.dismiss()
