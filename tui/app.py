"""The Textual app. It renders what the core computes; no NLP here.

Start-up paints the library at once: the corpus loads in a worker, then
translation and entity annotation run in another, reporting progress to the
status line. Heavy modules (spaCy, Argos, briefing.pipeline) are imported only
inside those workers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import get_current_worker

from briefing import config as config_module
from briefing.model import Analysis, Annotation, Article, Entity, EnglishView
from briefing.store import Cache

from .commands import APP, Command, CommandsProvider, bindings, screen_commands
from .screens.library import LibraryScreen
from .themes import DEFAULT, briefing_themes, variable_defaults

Analyser = Callable[..., Analysis]


class BriefingApp(App):
    TITLE = "briefing"
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    BINDINGS = bindings(APP)
    COMMANDS = App.COMMANDS | {CommandsProvider}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        paths: list[str] | None = None,
        cache: Cache | None = None,
        analyser: Analyser | None = None,
        analyse: bool = True,
    ) -> None:
        super().__init__()
        self.paths = [str(p) for p in paths or []]
        self.cache = cache
        self._analyser = analyser
        self._analyse_on_load = analyse
        self.config, self.config_problems = config_module.load()
        self.articles: list[Article] = []
        self._by_id: dict[str, Article] = {}
        self.views: dict[str, EnglishView] = {}
        self.annotations: dict[str, Annotation] = {}
        self.entities: tuple[Entity, ...] = ()
        self.analysis: Analysis | None = None
        self.analysed = False
        self.analysing = False
        self.status: tuple[str, int, int] = ("Loading articles…", 0, 0)
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self._theme_ready = False
        self._reader = None
        for theme in briefing_themes():
            self.register_theme(theme)
        wanted = self.config.theme
        if wanted not in self.available_themes:
            self.config_problems.append(f"config: theme '{wanted}' is not installed (try {DEFAULT}); using {DEFAULT}")
            wanted = DEFAULT
        self.theme = wanted
        if self.config.keymap:
            self.set_keymap(self.config.keymap)

    # -- set-up ----------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return LibraryScreen()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme.dark if self._registered_themes else True)

    def on_mount(self) -> None:
        self._theme_ready = True
        for problem in self.config_problems:
            self.notify(problem, title="Config", severity="warning", timeout=8, markup=False)
        self._check_keymap()

    def on_ready(self) -> None:
        # After the first frame: a loading thread started earlier competes for the GIL
        # and delays the first paint (bench/startup.py).
        self.load_corpus()

    def _check_keymap(self) -> None:
        known = {c.id for c in self._all_commands()}
        for binding_id in self.config.keymap:
            if binding_id not in known:
                self.notify(f"config: keymap names no binding '{binding_id}'; ignored", title="Config", severity="warning", timeout=8, markup=False)

    @staticmethod
    def _all_commands() -> tuple[Command, ...]:
        from .commands import BRIEFING, LIBRARY, READER
        from .widgets.text_pane import PANE

        return APP + LIBRARY + READER + PANE + BRIEFING

    def watch_theme(self, theme: str) -> None:
        if not self._theme_ready or theme == self.config.theme:
            return
        self.config = replace(self.config, theme=theme)
        self._save_config()
        self._refresh_screens()  # legends and previews take the new theme's colours

    # -- state the screens read -------------------------------------------------

    def article(self, article_id: str) -> Article:
        return self._by_id[article_id]

    @property
    def busy(self) -> bool:
        return any(w.is_running for w in self.workers if w.group in ("load", "analyse"))

    def set_status(self, message: str, done: int = 0, total: int = 0) -> None:
        self.status = (message, done, total)
        from .widgets.status import StatusLine

        for status in self.screen.query(StatusLine):
            status.sync()

    def set_status_message(self, message: str) -> None:
        self.set_status(message)

    def _refresh_screens(self) -> None:
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_content", None) or getattr(screen, "refresh_articles", None)
            if refresh is not None and screen.is_mounted:
                refresh()

    def _progress(self, stage: str, done: int, total: int) -> None:
        """Called from worker threads by the core; at most ~20 updates a second.

        call_from_thread waits for the UI thread, so reporting every one of
        1,000 articles would cost more than loading them.
        """
        now = time.monotonic()
        if done not in (1, total) and now - self._last_progress < 0.05:
            return
        self._last_progress = now
        words = {"load": "Loading", "translate": "Translating", "annotate": "Finding entities", "entities": "Finding entities"}
        label = words.get(stage, stage.capitalize())
        self.call_from_thread(self.set_status, f"{label} {done}/{total}… (esc stops)", done, total)

    # -- workers -----------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="load", description="loading the corpus")
    def load_corpus(self) -> None:
        from briefing import corpus
        from briefing.errors import UserError

        try:
            if self.cache is None:
                self.cache = Cache(warn=lambda m: self.call_from_thread(self.notify, m, severity="warning", markup=False))
            result = corpus.load(self.paths or None, self.cache, self._progress)
        except UserError as error:
            self.call_from_thread(self.set_status, f"briefing: {error}")
            return
        self.call_from_thread(self._corpus_loaded, result.articles, result.problems)

    def _corpus_loaded(self, articles: list[Article], problems: list[str]) -> None:
        from briefing.views import original_view

        self.articles = list(articles)
        self._by_id = {a.id: a for a in articles}
        self.views = {a.id: original_view(a) for a in articles}
        for problem in problems[:3]:
            self.notify(problem, title="Skipped", severity="warning", timeout=8, markup=False)
        if len(problems) > 3:
            self.notify(f"…and {len(problems) - 3} more files skipped", severity="warning", markup=False)
        self.set_status(self._summary())
        self._refresh_screens()
        if self._analyse_on_load:
            self.action_analyse()

    def _summary(self) -> str:
        langs = sorted({a.lang for a in self.articles})
        text = f"{len(self.articles)} articles · {', '.join(langs)}"
        if self.analysed:
            text += f" · {len(self.entities)} entities"
        return text

    def action_analyse(self) -> None:
        if not self.articles:
            return
        self._cancel = threading.Event()
        self.analysing = True
        self.set_status("Preparing translation and entities… (esc stops)")
        self.analyse_corpus(self._cancel)

    @work(thread=True, exclusive=True, exit_on_error=False, group="analyse", description="translating and annotating")
    def analyse_corpus(self, cancel: threading.Event) -> None:
        try:
            analyser = self._analyser
            if analyser is None:
                from briefing.pipeline import analyse as analyser
            analysis = analyser(list(self.articles), self.cache, self._progress, cancel, self.config)
        except ImportError as error:  # a stage not installed: keep the original text
            self.call_from_thread(self._analysis_failed, f"translation/entities unavailable ({error})")
            return
        except Exception as error:  # the core failed: say so, keep the app usable
            self.call_from_thread(self._analysis_failed, f"analysis failed: {type(error).__name__}: {error}")
            return
        if get_current_worker().is_cancelled:
            return
        self.call_from_thread(self._analysis_ready, analysis, cancel.is_set())

    def _analysis_ready(self, analysis: Analysis, cancelled: bool) -> None:
        self.analysing = False
        if cancelled:
            self.set_status(self._summary() + " · analysis stopped (ctrl+r resumes)")
            self._refresh_screens()
            return
        self.analysis = analysis
        self.analysed = True
        self.views = {**self.views, **analysis.views}
        self.annotations = dict(analysis.annotations)
        self.entities = tuple(analysis.entities)
        self.set_status(self._summary())
        self._refresh_screens()

    def _analysis_failed(self, message: str) -> None:
        self.analysing = False
        self.set_status(self._summary() + " · " + message)
        self.notify(message, severity="error", timeout=10, markup=False)
        self._refresh_screens()

    def action_stop_work(self) -> None:
        if self.analysing:
            self._cancel.set()
            self.set_status("Stopping… (what is done stays cached)")

    # -- navigation ----------------------------------------------------------------

    def open_reader(self, article_id: str, sentence: int | None = None) -> None:
        from .screens.reader import ReaderScreen

        if article_id not in self._by_id:
            return
        # One reader is kept installed and reused: opening an article then costs a
        # refill, not a compose and mount of every widget (see bench/ui.py).
        reader = self._reader
        if reader is None:
            reader = self._reader = ReaderScreen(article_id, sentence)
            self.install_screen(reader, name="reader")
        elif reader in self.screen_stack:  # e.g. briefing opened from the reader
            self.push_screen(ReaderScreen(article_id, sentence))
            return
        else:
            reader.load(article_id, sentence)
        self.push_screen(reader)

    def action_open_briefing(self) -> None:
        from .screens.briefing import BriefingScreen

        if isinstance(self.screen, BriefingScreen):
            return
        self.push_screen(BriefingScreen())

    def action_open_models(self) -> None:
        try:
            from .screens.models import ModelsScreen
        except ImportError:
            self.notify("The models screen is not available in this build.", severity="warning", markup=False)
            return
        if type(self.screen).__name__ == "ModelsScreen":
            return
        self.push_screen(ModelsScreen())

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        own = tuple(getattr(screen, "COMMAND_LIST", ()))
        if not own:  # a screen written without the command list (e.g. models): its bindings
            own = tuple(
                Command(b.id or b.action, b.key, b.description or b.action, b.tooltip or b.description, b.action)
                for b in screen.BINDINGS
                if isinstance(b, Binding)
            )
        self.push_screen(HelpScreen(screen.name or type(screen).__name__.lower(), own))

    def action_toggle_highlight(self) -> None:
        self.config = replace(self.config, highlight=not self.config.highlight)
        self._save_config()
        self._refresh_screens()
        self.notify(f"Entity colours {'on' if self.config.highlight else 'off'}", timeout=2, markup=False)

    def _save_config(self) -> None:
        try:
            config_module.save(self.config)
        except OSError as error:
            self.notify(f"could not save the config: {error}", severity="warning", markup=False)

    def action_cycle_theme(self) -> None:
        names = [t.name for t in briefing_themes()]
        current = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(current + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=2, markup=False)

    async def action_quit(self) -> None:
        self._cancel.set()  # workers stop at their next check; the cache commits per batch
        self.exit()

    def get_system_commands(self, screen: Screen):
        yield from super().get_system_commands(screen)
