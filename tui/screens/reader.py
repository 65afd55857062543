"""The reader: one article, entities highlighted, three views cycled with `t`."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from briefing import sanitize
from briefing.entities import locate as located
from briefing.export import cited
from briefing.model import Article, EnglishView, Provenance, Span

from ..commands import APP, ENTITY_PANEL, PANE, READER, bindings, key_for
from ..state import AppState
from ..widgets.keybar import KeyBar
from ..widgets.status import StatusLine
from ..widgets.text_pane import Document, TextPane
from .base import AppScreen, content_changed
from .common import entity_counts, entity_style, legend, meta_line

VIEWS = ("english", "original", "side")
VIEW_TITLES = {"english": "English view", "original": "Original", "side": "Side by side"}


class EntityPanel(OptionList):
    BINDINGS = bindings(ENTITY_PANEL)


class ReaderScreen(AppScreen):
    COMMAND_LIST = READER + PANE + ENTITY_PANEL
    BINDINGS = bindings(READER)

    def __init__(self, article_id: str, sentence: int | None = None, view: str = "english") -> None:
        super().__init__(name="reader")
        self.article_id = article_id
        self.start_sentence = sentence
        self.view_mode = view
        self.target: str | None = None  # entity id that n / N follow (None: any entity)
        self.show_removed = False
        self.entities_wanted: bool | None = None  # None: shown unless side by side is narrow
        self._styled: tuple[int, object] | None = None  # the app's CSS when this screen's styles were last applied in full

    # -- data ----------------------------------------------------------------

    @property
    def article(self) -> Article:
        return self.app.article(self.article_id)

    @property
    def english(self) -> EnglishView:
        return self.app.state.view(self.article_id)

    def _spans(self, which: str) -> tuple[Span, ...]:
        annotation = self.app.state.annotations.get(self.article_id)
        if annotation is None:
            return ()
        return annotation.english if which == "english" else annotation.original

    # -- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="reader-meta")
        yield Static(id="removed")
        with Horizontal(id="reader-body"):
            with Vertical(id="original-box", classes="text-box"):
                yield TextPane(id="original")
            with Vertical(id="english-box", classes="text-box"):
                yield TextPane(id="english")
            with Vertical(id="entity-column"):
                yield EntityPanel(id="entities")
                yield Static(id="legend")
        yield StatusLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#removed").display = False
        self.query_one("#entities").border_title = "Entities"
        self._open()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Textual applies the whole stylesheet to every node of a screen it shows again (its
        own handler, called after this one), in case the CSS changed while the screen was off
        the stack: a theme, another screen's CSS. The reused reader skips that when the app's
        CSS is the one it was last styled with (the same update count, which a theme change
        raises, and the same parsed rules): 7-10 ms of each open at 100x30. Class and focus
        changes restyle their own nodes at once either way."""
        css = (self.app._css_update_count, self.app.stylesheet._rules)
        if event.refresh_styles:
            if self._styled is not None and css[0] == self._styled[0] and css[1] is self._styled[1]:
                event.refresh_styles = False
            else:
                self._styled = css

    def load(self, article_id: str, sentence: int | None = None) -> None:
        """Show another article in this (reused) screen: no compose, no mount."""
        self.article_id, self.start_sentence = article_id, sentence
        self.view_mode, self.target, self.show_removed = "english", None, False
        if self.is_mounted:
            self._open()

    def _open(self) -> None:
        english = self.query_one("#english", TextPane)
        english.cursor = 0
        self.refresh_content()
        if self.start_sentence is not None:
            self.call_after_refresh(english.move_cursor, self.start_sentence)

    def show_state(self, old: AppState, new: AppState) -> None:
        if content_changed(old, new):
            self.refresh_content()

    def refresh_content(self) -> None:
        """(Re)load the panes: on open, and when translation or annotation lands."""
        article, view = self.article, self.english
        highlight = self.app.config.highlight
        english_pane = self.query_one("#english", TextPane)
        original_pane = self.query_one("#original", TextPane)
        cursor = english_pane.cursor
        english_pane.show(Document.of_view(view, self._spans("english")), highlight)
        original_pane.show(Document.of_article(article, self._spans("original")), highlight)
        if cursor:
            english_pane.move_cursor(cursor, announce=False)
        self.sub_title = "Reader"
        self.query_one("#legend", Static).update(legend(self, highlight))
        self._fill_entities()
        self._show_removed()
        self._apply_view()

    def _meta(self) -> None:
        article, view = self.article, self.english
        meta = Text()
        meta.append_text(Text(article.title, style="bold", no_wrap=True, overflow="ellipsis"))
        meta.append("\n")
        state = self.app.state
        line = meta_line(article, state.analysed_view(self.article_id), state.analysing)
        line.append_text(Text("  ▸ ", style="dim"))
        line.append_text(Text(VIEW_TITLES[self.view_mode], style="bold"))
        meta.append_text(line)
        # Always three lines, so the text below never moves between articles: a change of
        # height costs a second layout of the whole screen on open (bench/ui.py).
        meta.append("\n")
        third = Text()
        if view.notice:
            if view.status is Provenance.UNTRANSLATED and state.analysed:  # the key first: the line may be cut at the right
                models = next(c for c in APP if c.id == "app.models")
                third.append_text(Text(f"Press {key_for(self.app, models)} for the models screen · ", style="bold"))
            third.append_text(Text(view.notice, style="italic"))
        unlocated = located.summary(article, view, state.annotations.get(self.article_id))
        if unlocated and self.view_mode in ("original", "side"):  # names the original view cannot highlight
            if third:
                third.append(" · ")
            third.append_text(Text(unlocated, style="italic"))
        meta.append_text(third)
        meta.no_wrap, meta.overflow = True, "ellipsis"
        self.query_one("#reader-meta", Static).update(meta)

    def _apply_view(self) -> None:
        mode = self.view_mode
        original_box, english_box = self.query_one("#original-box"), self.query_one("#english-box")
        original_box.display = mode in ("original", "side")
        english_box.display = mode in ("english", "side")
        self.set_class(mode == "side", "-side")
        view = self.english
        english_box.border_title = f"English · {view.status.label}" if mode == "side" else None
        original_box.border_title = f"Original · {self.article.lang}" if mode == "side" else None
        self._meta()
        self._show_panel()
        pane = self.active_pane
        if not self.query_one("#entities").has_focus and self.focused is not pane:
            pane.focus()  # each focus change recomposes the footer: only when needed

    @property
    def active_pane(self) -> TextPane:
        if self.view_mode == "original":
            return self.query_one("#original", TextPane)
        if self.view_mode == "english":
            return self.query_one("#english", TextPane)
        focused = self.focused
        if isinstance(focused, TextPane):
            return focused
        return self.query_one("#english", TextPane)

    def _fill_entities(self) -> None:
        panel = self.query_one(EntityPanel)
        panel.clear_options()
        counts = entity_counts(self._spans("english"))
        known = self.app.state.entity_by_id
        options = [Option(Text("All entities", style="italic"), id="*")]
        for entity_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            entity = known.get(entity_id)
            name = entity.name if entity else entity_id.split(":", 1)[-1]
            label = entity.label if entity else entity_id.split(":", 1)[0].upper()
            room = 22 - len(str(count))
            shown = Text(name, no_wrap=True, overflow="ellipsis")
            shown.truncate(room, overflow="ellipsis", pad=True)
            prompt = Text.assemble(("● ", entity_style(self, label)), shown, (f" {count}", "dim"))
            options.append(Option(prompt, id=entity_id))
        panel.add_options(options)  # one call: each add_option re-measures the list
        panel.highlighted = 0
        analysing = self.app.state.analysing
        panel.border_subtitle = f"{len(counts)}" if counts else ("…" if analysing else "none")
        if not counts:
            panel.add_option(Option(Text("annotating…" if analysing else "no entities", style="dim italic"), disabled=True))

    def _show_removed(self) -> None:
        removed = self.query_one("#removed", Static)
        items = self.article.removed
        removed.display = self.show_removed and bool(items)
        if not items:
            return
        text = Text(f"Cleaning removed {len(items)} line(s):\n", style="bold")
        for number, item in enumerate(items):
            if number:
                text.append("\n")
            text.append(f"line {item.line:>3} {item.kind:<10} ", style="dim")
            text.append_text(Text(item.text))  # data: shown literally
        removed.update(text)

    # -- sync between panes --------------------------------------------------

    @on(TextPane.CursorMoved)
    def _cursor_moved(self, event: TextPane.CursorMoved) -> None:
        if self.view_mode != "side":
            return
        view = self.english
        if event.pane.id == "english":
            sources = view.sentences[event.sentence].sources if event.sentence < len(view.sentences) else ()
            self.query_one("#original", TextPane).pair_with(tuple(sources))
        else:
            matched = tuple(s.index for s in view.sentences if event.sentence in s.sources)
            self.query_one("#english", TextPane).pair_with(matched)

    # -- actions -------------------------------------------------------------

    def action_cycle_view(self) -> None:
        english = self.query_one("#english", TextPane)
        self.view_mode = VIEWS[(VIEWS.index(self.view_mode) + 1) % len(VIEWS)]
        self._apply_view()
        if self.view_mode == "side":
            self.query_one("#english", TextPane).focus()
            self.call_after_refresh(english.move_cursor, english.cursor)

    def _mentions(self) -> list[Span]:
        pane = self.active_pane
        spans = [s for s in pane.document.spans if s.entity and (self.target is None or s.entity == self.target)]
        return sorted(spans, key=lambda s: s.start)

    def _jump(self, forward: bool) -> None:
        pane = self.active_pane
        mentions = self._mentions()
        if not mentions:
            self.notify("No mentions to jump to." if not self.app.state.analysing else "Entities are still being annotated.", markup=False)
            return
        if pane.mention:
            here = pane.mention[0]
        elif pane.document.sentences:
            here = pane.document.sentences[pane.cursor][0] - (1 if forward else 0)
        else:
            here = -1
        if forward:
            after = [m for m in mentions if m.start > here]
            span, wrapped = (after[0], False) if after else (mentions[0], True)
        else:
            before = [m for m in mentions if m.start < here]
            span, wrapped = (before[-1], False) if before else (mentions[-1], True)
        pane.show_mention(span)
        position = mentions.index(span) + 1
        name = self._entity_name(span.entity)
        message = f"{name}: mention {position} of {len(mentions)}" if self.target else f"mention {position} of {len(mentions)} ({name})"
        self.app.set_status(message + (" · wrapped" if wrapped else ""))

    def _entity_name(self, entity_id: str) -> str:
        entity = self.app.state.entity_by_id.get(entity_id)
        return entity.name if entity else entity_id.split(":", 1)[-1]

    def action_open_url(self) -> None:
        url = sanitize.url(self.article.url)
        if url is None:
            self.notify("This article has no web address: it was read from a file.", markup=False)
            return
        self.app.open_url(url)
        self.notify(f"Opening {url}", markup=False)

    def action_copy_sentence(self) -> None:
        pane = self.active_pane
        if not pane.document.sentences:
            self.notify("Nothing to copy yet.", markup=False)
            return
        start, end = pane.document.sentences[min(pane.cursor, len(pane.document.sentences) - 1)]
        text = cited(self.article, pane.document.text[start:end])
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied: {text}", markup=False)

    def action_next_mention(self) -> None:
        self._jump(True)

    def action_previous_mention(self) -> None:
        self._jump(False)

    @on(OptionList.OptionSelected, "#entities")
    def _entity_chosen(self, event: OptionList.OptionSelected) -> None:
        self.target = None if event.option.id == "*" else event.option.id
        pane = self.active_pane
        pane.mention = None
        pane.focus()
        self._jump(True)

    def action_toggle_removed(self) -> None:
        if not self.article.removed:
            self.notify("Cleaning removed nothing from this article.", markup=False)
            return
        self.show_removed = not self.show_removed
        self._show_removed()

    def _show_panel(self) -> None:
        panel = self.query_one("#entity-column")
        if self.entities_wanted is None:
            panel.display = not (self.view_mode == "side" and self.size.width < 110)
        else:
            panel.display = self.entities_wanted

    def on_resize(self) -> None:
        self._show_panel()

    def action_toggle_entities(self) -> None:
        panel = self.query_one("#entity-column")
        self.entities_wanted = not panel.display
        self._show_panel()

    def action_pane_left(self) -> None:
        if self.view_mode == "side":
            self.query_one("#original", TextPane).focus()

    def action_pane_right(self) -> None:
        if self.view_mode == "side":
            self.query_one("#english", TextPane).focus()

    def action_focus_next_pane(self) -> None:
        self.focus_next()

    def action_back(self) -> None:
        pane = self.active_pane
        if pane.mention:
            pane.show_mention(None)
            return
        self.dismiss()

    # the pane's commands, for the palette (they act on the pane in use)
    def action_sentence_down(self) -> None:
        self.active_pane.action_sentence_down()

    def action_sentence_up(self) -> None:
        self.active_pane.action_sentence_up()

    def action_sentence_top(self) -> None:
        self.active_pane.action_sentence_top()

    def action_sentence_bottom(self) -> None:
        self.active_pane.action_sentence_bottom()

    def action_page_down(self) -> None:
        self.active_pane.action_page_down()

    def action_page_up(self) -> None:
        self.active_pane.action_page_up()
