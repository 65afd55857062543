"""The library: every article, its translation status, a preview, filters."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Header, Input, Static

from briefing.model import Article, Entity

from ..commands import LIBRARY, bindings
from ..state import AppState
from ..widgets.article_list import ArticleList
from ..widgets.keybar import KeyBar
from ..widgets.status import StatusLine
from .base import AppScreen, content_changed
from .common import entity_counts, meta_line, status_label, styled_text

COLUMNS = (  # key, label, width (None: takes what is left)
    ("title", "Title", None),
    ("source", "Source", 14),
    ("lang", "Lang", 4),
    ("date", "Date", 10),
    ("status", "Translation", 12),
    ("entities", "Ents", 4),
)
NARROW = {"source": 8}  # narrow terminals: the file name gives way to the title


class LibraryScreen(AppScreen):
    COMMAND_LIST = LIBRARY
    BINDINGS = bindings(LIBRARY)
    AUTO_FOCUS = "#articles"

    def __init__(self) -> None:
        super().__init__(name="library")
        self.query_text = ""
        self.entity_filter: tuple[str, str] | None = None  # (entity id, name)
        self.shown: list[Article] = []
        self._folded: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="library-body"):
            yield Input(placeholder="Filter titles and text…", id="filter")
            yield Static(id="filter-bar")
            yield ArticleList(COLUMNS, id="articles")
            with VerticalScroll(id="preview", can_focus=True):
                yield Static(id="preview-text")
        yield StatusLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#filter").display = False
        self.query_one("#filter-bar").display = False
        self.query_one("#preview").border_title = "Preview"
        self.query_one(ArticleList).narrow_columns = NARROW
        self.refresh_articles()

    def show_state(self, old: AppState, new: AppState) -> None:
        if content_changed(old, new):
            self._folded = {}  # the analysis adds English text to search
            self.refresh_articles()

    # -- the rows ------------------------------------------------------------

    def _matches(self, article: Article) -> bool:
        state = self.app.state
        if self.entity_filter:
            annotation = state.annotations.get(article.id)
            if annotation is None or not any(s.entity == self.entity_filter[0] for s in annotation.english):
                return False
        if self.query_text:
            folded = self._folded.get(article.id)
            if folded is None:
                view = state.analysed_view(article.id)
                english = view.text if view else ""
                folded = self._folded[article.id] = f"{article.title}\n{article.text}\n{english}".casefold()
            return all(word in folded for word in self.query_text.casefold().split())
        return True

    def refresh_articles(self) -> None:
        """The rows of every article made again (articles, analysis or colours changed), then filtered."""
        cells = {a.id: self._cells(a) for a in self.app.state.articles}
        self._filter(cells)

    def _filter(self, cells: dict[str, tuple[Text, ...]] | None = None) -> None:
        """Show the articles the filters let through: the list changes which rows it draws."""
        self.shown = [a for a in self.app.state.articles if self._matches(a)]
        self.query_one(ArticleList).show([a.id for a in self.shown], cells)
        self._show_filters()

    def _cells(self, article: Article) -> tuple[Text, ...]:
        state = self.app.state
        view = state.analysed_view(article.id)
        annotation = state.annotations.get(article.id)
        count = len(entity_counts(annotation.english)) if annotation else None
        label, style = status_label(article, view, state.analysing)
        return (
            Text(article.title, no_wrap=True, overflow="ellipsis"),
            Text(article.source_label, style="dim", no_wrap=True, overflow="ellipsis"),
            Text(article.lang, style="bold"),
            Text(article.date.isoformat() if article.date else "—", style="dim"),
            Text(label, style=style, no_wrap=True, overflow="ellipsis"),
            Text("·" if count is None else str(count), justify="right"),
        )

    def _show_filters(self) -> None:
        bar = self.query_one("#filter-bar", Static)
        parts = []
        if self.query_text and not self.query_one("#filter").display:
            parts.append(Text.assemble(("text: ", "dim"), (self.query_text, "bold")))
        if self.entity_filter:
            parts.append(Text.assemble(("entity: ", "dim"), (self.entity_filter[1], "bold")))
        if parts or self.query_text:
            total = len(self.app.state.articles)
            parts.append(Text(f"{len(self.shown)} of {total} articles · esc clears", style="dim"))
        bar.display = bool(parts)
        bar.update(Text("  ").join(parts))

    @property
    def selected(self) -> Article | None:
        key = self.query_one(ArticleList).selected_key
        return self.app.state.by_id.get(key) if key is not None else None

    def show_preview(self) -> None:
        preview = self.query_one("#preview-text", Static)
        article = self.selected
        if article is None:
            empty = "No article matches the filter." if self.app.state.articles else "Loading articles…"
            preview.update(Text(empty, style="dim italic"))
            return
        state = self.app.state
        view = state.view(article.id)
        annotation = state.annotations.get(article.id)
        body = Text()
        body.append_text(Text(article.title, style="bold"))
        body.append("\n")
        body.append_text(meta_line(article, state.analysed_view(article.id), state.analysing))
        body.append("\n\n")
        if view is not None:
            paragraphs = view.paragraphs[:3]
            text = "\n\n".join(paragraphs)
            spans = annotation.english if annotation and state.config.highlight else ()
            body.append_text(styled_text(self, text, spans))
            if view.notice:
                body.append("\n\n")
                body.append_text(Text(view.notice, style="italic dim"))
        preview.update(body)
        self.query_one("#preview").scroll_home(animate=False)

    @on(ArticleList.Highlighted)
    def _highlighted(self) -> None:
        self.show_preview()

    @on(ArticleList.Selected)
    def _selected(self) -> None:
        self.action_open_article()

    # -- actions -------------------------------------------------------------

    def action_open_article(self) -> None:
        if self.selected is not None:
            self.app.open_reader(self.selected.id)

    def action_cursor_down(self) -> None:
        self.query_one(ArticleList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(ArticleList).action_cursor_up()

    def action_cursor_top(self) -> None:
        self.query_one(ArticleList).action_cursor_top()

    def action_cursor_bottom(self) -> None:
        self.query_one(ArticleList).action_cursor_bottom()

    def action_focus_next_pane(self) -> None:
        table, preview = self.query_one(ArticleList), self.query_one("#preview")
        (preview if table.has_focus else table).focus()

    def action_filter(self) -> None:
        field = self.query_one("#filter", Input)
        if self.focused is field:  # a priority binding: in the field, / is typed, after the keys before it
            field.post_message(events.Key("slash", "/"))  # the field takes it and stops it
            return
        field.display = True
        field.value = self.query_text
        self.set_focus(field)  # now: widget.focus would wait behind the keys typed after /
        self._show_filters()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self._filter()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        field = self.query_one("#filter", Input)
        field.display = False
        self.query_one(ArticleList).focus()
        self._show_filters()

    def action_filter_entity(self) -> None:
        from .pick import EntityPicker

        entities = self.app.state.entities
        if not entities:
            self.notify("No entities yet: annotation has not finished.", severity="warning", markup=False)
            return

        def chosen(entity: Entity | None) -> None:
            if entity is not None:
                self.entity_filter = (entity.id, entity.name)
                self._filter()

        self.app.push_screen(EntityPicker(entities), chosen)

    def action_clear(self) -> None:
        field = self.query_one("#filter", Input)
        if field.has_focus or self.query_text or self.entity_filter:
            self.query_text = ""
            self.entity_filter = None
            field.value = ""
            field.display = False
            self.query_one(ArticleList).focus()
            self._filter()
        elif self.app.busy:
            self.app.action_stop_work()

