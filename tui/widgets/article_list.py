"""The library's list of articles: a virtual table that draws only the rows on the screen.

Textual's DataTable measures every cell of every row it is given, so filtering 1,000
articles by clearing and re-adding its rows cost half a second a keystroke (bench/ui.py).
Here the cells of every article are made once (when the articles or the analysis change)
and a filter only changes which keys are shown: nothing is re-added or re-measured.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Column = tuple[str, str, int | None]  # key, label, width (None: the title, takes what is left)
PADDING = 1  # cells each side of a column
MIN_TITLE = 16


class ArticleList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"article-list--header", "article-list--cursor"}
    BINDINGS = [  # the list's own movement keys, as any list widget has (the screen's are in tui/commands.py)
        Binding("down", "cursor_down", show=False),
        Binding("up", "cursor_up", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("pageup", "page_up", show=False),
        Binding("home", "cursor_top", show=False),
        Binding("end", "cursor_bottom", show=False),
        Binding("enter", "select", show=False),
    ]
    DEFAULT_CSS = """
    ArticleList { height: 1fr; }
    ArticleList > .article-list--header { text-style: bold; }
    ArticleList > .article-list--cursor { text-style: bold reverse; }
    """

    class Highlighted(Message):
        def __init__(self, key: str | None) -> None:
            super().__init__()
            self.key = key

    class Selected(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, columns: Sequence[Column], id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = tuple(columns)
        self.cells: Mapping[str, tuple[Text, ...]] = {}
        self.keys: list[str] = []  # the rows shown, in order
        self._index: dict[str, int] = {}
        self.cursor_row = 0
        self.narrow_columns: dict[str, int] = {}  # key -> width below NARROW cells

    # -- data ------------------------------------------------------------------

    def show(self, keys: Sequence[str], cells: Mapping[str, tuple[Text, ...]] | None = None) -> None:
        """Show these rows (a filter, or new cells): the cursor stays on its article if shown."""
        current = self.selected_key
        if cells is not None:
            self.cells = cells
        self.keys = list(keys)
        self._index = {key: i for i, key in enumerate(self.keys)}
        self.virtual_size = Size(0, len(self.keys) + 1)  # no horizontal scrolling: the title column gives way
        row = self._index.get(current, 0) if current is not None else 0
        self.cursor_row = min(row, max(0, len(self.keys) - 1))
        self._keep_cursor_visible()
        self.refresh()
        if self.selected_key != current or cells is not None:
            self.post_message(self.Highlighted(self.selected_key))

    @property
    def row_count(self) -> int:
        return len(self.keys)

    @property
    def selected_key(self) -> str | None:
        return self.keys[self.cursor_row] if 0 <= self.cursor_row < len(self.keys) else None

    def get_row_at(self, row: int) -> tuple[Text, ...]:
        return self.cells[self.keys[row]]

    def get_row_index(self, key: str) -> int:
        return self._index[key]

    def move_cursor(self, row: int) -> None:
        row = max(0, min(row, len(self.keys) - 1))
        if row == self.cursor_row or not self.keys:
            return
        old, self.cursor_row = self.cursor_row, row
        self._keep_cursor_visible()
        self._refresh_row(old)
        self._refresh_row(row)
        self.post_message(self.Highlighted(self.selected_key))

    # -- layout and drawing -------------------------------------------------------

    def widths(self, available: int) -> list[int]:
        fixed = {key: self.narrow_columns.get(key, width) if available < 96 else width for key, width in
                 ((k, w) for k, _, w in self.columns if w)}
        used = sum(fixed.values()) + 2 * PADDING * len(self.columns)
        return [fixed[key] if width else max(MIN_TITLE, available - used - 1) for key, _, width in self.columns]

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _keep_cursor_visible(self) -> None:
        top, page = round(self.scroll_offset.y), self._page()
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + page:
            self.scroll_to(y=self.cursor_row - page + 1, animate=False, immediate=True)

    def _refresh_row(self, row: int) -> None:
        y = row - round(self.scroll_offset.y) + 1
        if 0 < y < self.size.height:
            self.refresh_line(y)

    def on_resize(self) -> None:
        self.virtual_size = Size(0, len(self.keys) + 1)  # no horizontal scrolling: the title column gives way

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            header = [Text(label) for _, label, _ in self.columns]
            return self._strip(header, base + self.get_component_rich_style("article-list--header"), width)
        row = round(self.scroll_offset.y) + y - 1
        if row >= len(self.keys):
            return Strip.blank(width, base)
        style = base
        if row == self.cursor_row:
            style = base + self.get_component_rich_style("article-list--cursor")
        return self._strip(self.cells[self.keys[row]], style, width)

    def _strip(self, cells: Sequence[Text], style: Style, width: int) -> Strip:
        line = Text(style=style, no_wrap=True, end="")
        for cell, cell_width in zip(cells, self.widths(width), strict=False):
            shown = cell.copy()
            shown.no_wrap, shown.end = True, ""
            shown.truncate(cell_width, overflow="ellipsis")
            shown.align(cell.justify if cell.justify in ("center", "right") else "left", cell_width)
            line.append(" " * PADDING)
            line.append_text(shown)
            line.append(" " * PADDING)
        segments = [s for s in line.render(self.app.console) if s.text != "\n"]
        return Strip(segments).extend_cell_length(width, style).crop(0, width)

    # -- input -------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            return
        row = round(self.scroll_offset.y) + event.y - 1
        if row >= len(self.keys):
            return
        if row == self.cursor_row:
            self.action_select()
        else:
            self.move_cursor(row)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor_row + self._page())

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor_row - self._page())

    def action_cursor_top(self) -> None:
        self.move_cursor(0)

    def action_cursor_bottom(self) -> None:
        self.move_cursor(len(self.keys) - 1)

    def action_select(self) -> None:
        key = self.selected_key
        if key is not None:
            self.post_message(self.Selected(key))

