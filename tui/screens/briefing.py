"""The one-screen briefing, fitted to the terminal and refitted on resize.

`briefing.brief.build` runs once per analysis in a worker; `fit_text` (cheap)
runs on every resize. Each screen row is mapped back to the `Line` it shows, so
enter opens the line's source sentence in the reader.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Briefing, Citation, Line

from ..commands import BRIEFING, bindings
from ..widgets.keybar import KeyBar
from ..widgets.status import StatusLine
from .common import theme_color

GUTTER = 13  # briefing.brief.fit's label column at 60 columns and more
SECTIONS = {  # the label fit_text prints -> the Briefing field it renders
    "BOTTOM LINE": "bottom_line",
    "KEY FACTS": "key_facts",
    "PLAYERS": "players",
    "NUMBERS": "numbers",
    "TIMELINE": "timeline",
    "DIFFERENCES": "differences",
    "SOURCES": "sources",
}
_MARKS = re.compile(r"(\[\d+\])+(\+\d+)?")
_AGREE = re.compile(r"\d+ agree")


class BriefingLines(OptionList):
    pass


class BriefingScreen(Screen):
    COMMAND_LIST = BRIEFING
    BINDINGS = bindings(BRIEFING)
    AUTO_FOCUS = "#briefing-lines"

    def __init__(self) -> None:
        super().__init__(name="briefing")
        self.briefing: Briefing | None = None
        self._built_for: object = None
        self.rows: list[tuple[str, tuple[Citation, ...]]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="briefing-wait")
        yield BriefingLines(id="briefing-lines")
        yield StatusLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Executive briefing"
        self.refresh_content()

    def on_screen_resume(self) -> None:
        self.query_one(StatusLine).sync()

    def refresh_content(self) -> None:
        analysis = self.app.analysis
        waiting = self.query_one("#briefing-wait", Static)
        if analysis is None:
            message = "The briefing needs translation and entities: working on them (see the status line)…" if self.app.analysing else "The briefing needs the analysis, which has not run: ctrl+r starts it."
            waiting.update(Text(message, style="italic"))
            waiting.display = True
            self.query_one(BriefingLines).display = False
            return
        if self._built_for is analysis:
            return
        waiting.update(Text("Building the briefing…", style="italic"))
        self.build(analysis)

    @work(thread=True, exclusive=True, exit_on_error=False, group="brief", description="building the briefing")
    def build(self, analysis) -> None:
        from briefing import brief

        try:
            built = brief.build(analysis, focus=self.app.config.focus or None)
        except Exception as error:
            self.app.call_from_thread(self.app.notify, f"briefing failed: {type(error).__name__}: {error}", severity="error", markup=False)
            return
        self.app.call_from_thread(self._built, analysis, built)

    def _built(self, analysis, built: Briefing) -> None:
        self._built_for = analysis
        self.briefing = built
        self.query_one("#briefing-wait").display = False
        self.query_one(BriefingLines).display = True
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        if self.briefing is not None:
            self.call_after_refresh(self._fit)

    # -- fitting and mapping ---------------------------------------------------

    def _fit(self) -> None:
        from briefing.brief import fit_text

        lines = self.query_one(BriefingLines)
        region = lines.scrollable_content_region
        cols, rows = max(20, region.width - 2), max(5, region.height)
        text = fit_text(self.briefing, (cols, rows))
        highlighted = lines.highlighted
        self.rows = self._map(text.split("\n"), cols)
        lines.clear_options()
        for number, (row, citations) in enumerate(self.rows):
            lines.add_option(Option(self._render_row(row, number, cols), id=str(number), disabled=not citations))
        if self.rows:
            first = next((i for i, (_, c) in enumerate(self.rows) if c), None)
            keep = highlighted if highlighted is not None and highlighted < len(self.rows) and self.rows[highlighted][1] else first
            lines.highlighted = keep

    def _map(self, rows: list[str], cols: int) -> list[tuple[str, tuple[Citation, ...]]]:
        """Each row with the citations of the Line it shows (none for the title)."""
        b = self.briefing
        gutter = GUTTER if cols >= 60 else 0
        section: str | None = None
        out = []
        for number, row in enumerate(rows):
            if number == 0 and row.startswith("EXECUTIVE BRIEFING"):
                out.append((row, ()))
                continue
            head = row[:gutter].strip() if gutter else row.split(":", 1)[0]
            if head in SECTIONS:
                section = SECTIONS[head]
            body = row[gutter:] if gutter else (row.split(": ", 1)[1] if head in SECTIONS and ": " in row else row)
            out.append((row, self._citations(section, body)))
        return out

    def _citations(self, section: str | None, body: str) -> tuple[Citation, ...]:
        b = self.briefing
        if section is None:
            return ()
        if section == "sources":
            note = re.match(r"\[(\d+)\]", body)
            by_note = {s.note: s for s in b.sources}
            if note and int(note.group(1)) in by_note:
                return (Citation(by_note[int(note.group(1))].article_id, 0, int(note.group(1))),)
            return ()
        lines: tuple[Line, ...] = getattr(b, section)
        if section == "bottom_line":
            return lines[0].citations if lines else ()
        folded = " ".join(body.split()).rstrip("…")
        best: Line | None = None
        for line in lines:
            text = " ".join(line.text.split())
            probe = text[: max(8, min(24, len(folded) - 1))]
            if folded.startswith(probe) or (probe and probe in folded[:40]):
                best = line
                break
        return best.citations if best else ()

    def _render_row(self, row: str, number: int, cols: int) -> Text:
        accent = theme_color(self, "accent")
        if number == 0 and row.startswith("EXECUTIVE BRIEFING"):
            return Text(row, style=f"bold {theme_color(self, 'primary') or ''}".strip(), no_wrap=True)
        text = Text(row, no_wrap=True, overflow="ellipsis")
        gutter = GUTTER if cols >= 60 else 0
        if gutter:
            text.stylize(f"bold {accent}" if accent else "bold", 0, gutter)
        for match in _MARKS.finditer(row):
            text.stylize("dim", match.start(), match.end())
        for match in _AGREE.finditer(row):
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
        if index is None or index >= len(self.rows) or not self.rows[index][1]:
            return
        citation = self.rows[index][1][0]
        self.app.open_reader(citation.article_id, citation.sentence)

    def action_export(self) -> None:
        from briefing import export

        if self.briefing is None or self.app.analysis is None:
            self.notify("Nothing to export yet: the briefing is still being built.", severity="warning", markup=False)
            return
        folder = Path(self.app.config.export_dir).expanduser() if self.app.config.export_dir else Path.cwd()
        path = folder / f"briefing-{time.strftime('%Y%m%d-%H%M%S')}.md"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            export.write_atomic(path, export.markdown(self.briefing, self.app.analysis))
        except OSError as error:
            self.notify(f"Export failed: {error}", severity="error", markup=False)
            return
        self.exported = path
        self.notify(str(path), title="Briefing exported", timeout=6, markup=False)

    def action_rebuild(self) -> None:
        self._built_for = None
        self.refresh_content()

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
