"""A pane of article text: wrapped by us so every line knows its character
offsets, which is what sentence cursors, pair highlighting and mention jumps need.

The text is data: it only ever becomes a `rich.text.Text`, never markup.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.model import PARAGRAPH_BREAK, Article, EnglishView, Provenance, Span

from ..commands import PANE, bindings
from ..themes import ENTITY_KINDS, kind

_WORD = re.compile(r"\S+\s*")

__all__ = ["PANE", "Document", "TextPane"]  # PANE: its commands, defined with every other in ..commands


@dataclass(frozen=True)
class Document:
    """What a pane shows: text, its sentences as offsets, and entity spans."""

    text: str
    sentences: tuple[tuple[int, int], ...]
    spans: tuple[Span, ...] = ()
    untranslated: frozenset[int] = field(default_factory=frozenset)  # sentences shown in the original

    @classmethod
    def of_article(cls, article: Article, spans: tuple[Span, ...] = ()) -> Document:
        return cls(article.text, tuple((s.start, s.end) for s in article.sentences), spans)

    @classmethod
    def of_view(cls, view: EnglishView, spans: tuple[Span, ...] = ()) -> Document:
        untranslated = frozenset(
            s.index for s in view.sentences if s.provenance is Provenance.UNTRANSLATED
        )
        return cls(view.text, tuple((s.start, s.end) for s in view.sentences), spans, untranslated)

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of each paragraph; (start, end) per line, (-1, -1) between paragraphs."""
    width = max(4, width)
    lines: list[tuple[int, int]] = []
    offset = 0
    for number, paragraph in enumerate(text.split(PARAGRAPH_BREAK)):
        if number:
            lines.append((-1, -1))
        start, used = offset, 0
        for match in _WORD.finditer(paragraph):
            word_start = offset + match.start()
            word = match.group().rstrip()
            cells = cell_len(word)
            if used and used + cells > width:
                lines.append((start, word_start))
                start, used = word_start, 0
            while cells > width:  # a word longer than the line: cut it
                cut, taken = word_start, 0
                while taken + cell_len(text[cut]) <= width:
                    taken += cell_len(text[cut])
                    cut += 1
                lines.append((word_start, cut))
                word = text[cut : offset + match.start() + len(match.group().rstrip())]
                word_start, start, cells = cut, cut, cell_len(word)
            used += cell_len(text[word_start : offset + match.end()])
        lines.append((start, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    return lines


class TextPane(ScrollView, can_focus=True):
    """Article text with a sentence cursor; posts `CursorMoved` when the reader moves it."""

    BINDINGS = bindings(PANE)
    COMPONENT_CLASSES = {
        "text-pane--cursor",
        "text-pane--pair",
        "text-pane--mention",
        "text-pane--untranslated",
        *(f"text-pane--{k}" for k in ENTITY_KINDS),
    }

    cursor: reactive[int] = reactive(0, always_update=True)

    class CursorMoved(Message):
        def __init__(self, pane: TextPane, sentence: int) -> None:
            super().__init__()
            self.pane = pane
            self.sentence = sentence

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.document = Document("", ())
        self.highlight = True
        self.paired: tuple[int, ...] = ()
        self.mention: tuple[int, int] | None = None
        self._lines: list[tuple[int, int]] = []
        self._line_starts: list[tuple[int, int]] = []  # (start offset, line index) of text lines
        self._line_offsets: list[int] = []
        self._wrapped_width = -1
        self._pieces: dict[int, Text] | None = None  # line index -> its styled text, until a restyle
        self._strips: dict[int, Strip] = {}

    # -- content -------------------------------------------------------------

    def show(self, document: Document, highlight: bool = True) -> None:
        self.document = document
        self.highlight = highlight
        self.paired = ()
        self.mention = None
        self._wrapped_width = -1
        self._rewrap()
        self.set_reactive(TextPane.cursor, 0)
        self.scroll_to(y=0, animate=False)
        self._restyle()

    def _content_width(self) -> int:
        return self.scrollable_content_region.width

    def _rewrap(self) -> None:
        width = self._content_width()
        if width <= 0 or width == self._wrapped_width:
            return
        self._wrapped_width = width
        self._lines = wrap(self.document.text, width) if self.document.text else []
        self._line_starts = [(s, i) for i, (s, _) in enumerate(self._lines) if s >= 0]
        self._line_offsets = [s for s, _ in self._line_starts]  # bisected on every cursor move
        self.virtual_size = Size(width, len(self._lines))
        self._restyle()

    def on_resize(self) -> None:
        self._rewrap()
        self._restyle()
        self.call_after_refresh(self._scroll_to_cursor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._restyle()

    def _style(self, name: str) -> Style:
        # Backgrounds (cursor, pair, mention) need Textual's alpha blending: full style;
        # entity styles must keep the cursor's background: partial style.
        partial = name not in ("cursor", "pair", "mention")
        style = self.get_component_rich_style(f"text-pane--{name}", partial=partial)
        if not partial:
            style = Style(bgcolor=style.bgcolor, bold=style.bold, underline=style.underline)
        return style

    def _restyle(self) -> None:
        self._pieces = None
        self._strips.clear()
        self.refresh()

    def _build_styled(self) -> Text:
        doc = self.document
        text = Text(doc.text, end="", no_wrap=True)
        for index in doc.untranslated:
            if index < len(doc.sentences):
                text.stylize(self._style("untranslated"), *doc.sentences[index])
        for index in self.paired:
            if index < len(doc.sentences):
                text.stylize(self._style("pair"), *doc.sentences[index])
        if doc.sentences and self.has_focus:
            text.stylize(self._style("cursor"), *doc.sentences[min(self.cursor, len(doc.sentences) - 1)])
        elif doc.sentences and not self.paired:
            text.stylize(self._style("pair"), *doc.sentences[min(self.cursor, len(doc.sentences) - 1)])
        if self.highlight:
            for span in doc.spans:
                text.stylize(self._style(kind(span.label)), span.start, span.end)
        if self.mention:
            text.stylize(self._style("mention"), *self.mention)
        return text

    def _line_pieces(self) -> dict[int, Text]:
        # One divide at every line boundary: slicing the Text line by line re-walks
        # every span of the article for each line (bench/ui.py, open an article).
        styled = self._build_styled()
        cuts = sorted({offset for start, end in self._lines if start >= 0 for offset in (start, end)})
        pieces = styled.divide(cuts)  # pieces[k] runs from cuts[k - 1] to cuts[k]
        where = {offset: k for k, offset in enumerate(cuts)}
        return {i: pieces[where[end]] for i, (start, end) in enumerate(self._lines) if 0 <= start < end}

    def on_focus(self) -> None:
        self._restyle()

    def on_blur(self) -> None:
        self._restyle()

    # -- rendering -----------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + self.scroll_offset.y
        strip = self._strips.get(index)
        if strip is None:
            strip = self._strips[index] = self._render_text_line(index)
        return strip

    def _render_text_line(self, index: int) -> Strip:
        width = self._content_width()
        if self._pieces is None:
            self._pieces = self._line_pieces()
        piece = self._pieces.get(index)
        if piece is None:  # between paragraphs, or past the end
            return Strip.blank(width, self.rich_style)
        piece = piece.copy()
        piece.rstrip()
        piece.end = ""
        segments = list(piece.render(self.app.console, end=""))
        strip = Strip(segments).crop(0, width).extend_cell_length(width)
        return strip.apply_style(self.rich_style)

    # -- the cursor ----------------------------------------------------------

    def line_of(self, offset: int) -> int:
        position = max(0, bisect.bisect_right(self._line_offsets, offset) - 1)
        return self._line_starts[position][1] if self._line_starts else 0

    def _sentence_lines(self, index: int) -> tuple[int, int]:
        start, end = self.document.sentences[index]
        return self.line_of(start), self.line_of(max(start, end - 1))

    def _scroll_to_cursor(self) -> None:
        targets = [self.cursor, *self.paired] if self.document.sentences else []
        if not targets:
            return
        index = min(max(0, t) for t in targets)
        first, last = self._sentence_lines(min(index, len(self.document.sentences) - 1))
        if self.mention:
            first = last = self.line_of(self.mention[0])
        height = max(1, last - first + 1)
        self.scroll_to_region(Region(0, first, 1, height), animate=False, immediate=True)

    def move_cursor(self, index: int, *, announce: bool = True) -> None:
        if not self.document.sentences:
            return
        index = max(0, min(index, len(self.document.sentences) - 1))
        self.cursor = index
        self.paired = ()
        self._restyle()
        self._scroll_to_cursor()
        if announce:
            self.post_message(self.CursorMoved(self, index))

    def pair_with(self, indices: tuple[int, ...]) -> None:
        """Highlight the sentences aligned with the other pane's cursor, and scroll to them."""
        self.paired = indices
        if indices:
            self.cursor = indices[0]
        self._restyle()
        self._scroll_to_cursor()

    def show_mention(self, span: Span | None) -> None:
        self.mention = (span.start, span.end) if span else None
        if span:
            self.cursor = self.document.sentence_at(span.start)
            self.paired = ()
        self._restyle()
        self._scroll_to_cursor()
        if span:
            self.post_message(self.CursorMoved(self, self.cursor))

    def action_sentence_down(self) -> None:
        self.mention = None
        self.move_cursor(self.cursor + 1)

    def action_sentence_up(self) -> None:
        self.mention = None
        self.move_cursor(self.cursor - 1)

    def action_sentence_top(self) -> None:
        self.mention = None
        self.move_cursor(0)

    def action_sentence_bottom(self) -> None:
        self.mention = None
        self.move_cursor(len(self.document.sentences) - 1)

    def _first_sentence_from_line(self, line: int) -> int:
        line = max(0, min(line, len(self._lines) - 1))
        while line < len(self._lines) and self._lines[line][0] < 0:
            line += 1
        if line >= len(self._lines):
            return len(self.document.sentences) - 1
        return self.document.sentence_at(self._lines[line][0])

    def action_page_down(self) -> None:
        self.mention = None
        page = self.scrollable_content_region.height - 1
        target = self.line_of(self.document.sentences[self.cursor][0]) + page if self.document.sentences else 0
        self.move_cursor(max(self.cursor + 1, self._first_sentence_from_line(target)))

    def action_page_up(self) -> None:
        self.mention = None
        page = self.scrollable_content_region.height - 1
        target = self.line_of(self.document.sentences[self.cursor][0]) - page if self.document.sentences else 0
        self.move_cursor(min(self.cursor - 1, self._first_sentence_from_line(target)))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.document.sentences:
            return
        index = offset.y + self.scroll_offset.y
        if index >= len(self._lines) or self._lines[index][0] < 0:
            return
        start, end = self._lines[index]
        column, position = 0, start
        while position < end and column + cell_len(self.document.text[position]) <= offset.x:
            column += cell_len(self.document.text[position])
            position += 1
        self.mention = None
        self.focus()
        self.move_cursor(self.document.sentence_at(position))
