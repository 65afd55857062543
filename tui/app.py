"""The Textual app. It renders what the core computes; no NLP here.

Start-up paints the library at once: the corpus loads in a worker, then
translation and entity annotation run in another, reporting progress to the
status line. Heavy modules (spaCy, Argos, briefing.pipeline) are imported only
inside those workers.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from textual import events, work
from textual.app import App, SystemCommand
from textual.reactive import var
from textual.screen import Screen
from textual.worker import get_current_worker

from briefing import config as config_module
from briefing.config import Config
from briefing.model import Analysis, Article, Briefing
from briefing.store import Cache

from . import commands
from .commands import APP, CommandsProvider, bindings
from .keys import split_escape, use_escape_parser
from .screens.base import AppScreen
from .screens.library import LibraryScreen
from .state import AppState, Phase, Status
from .themes import DEFAULT, briefing_themes, variable_defaults

Analyser = Callable[..., Analysis]


class BriefingApp(App[None]):
    TITLE = "briefing"
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses live elsewhere
    BINDINGS = bindings(APP)
    COMMANDS = App.COMMANDS | {CommandsProvider}
    COMMAND_PALETTE_BINDING = "ctrl+p"
    ENABLE_COMMAND_PALETTE = True

    state: var[AppState] = var(AppState, init=False)  # replaced whole, never mutated
    status: var[Status] = var(Status("Loading articles…"), init=False)

    def __init__(
        self,
        paths: list[str] | None = None,
        cache: Cache | None = None,
        analyser: Analyser | None = None,
        analyse: bool = True,
        corpus_name: str = "",
    ) -> None:
        super().__init__()
        use_escape_parser()  # esc typed just before ?, space or enter reaches the app (tui/keys.py)
        self.paths = [str(p) for p in paths or []]
        self.sub_title = corpus_name  # the header says what is open: the library or the sample corpus
        self.cache = cache
        self._analyser = analyser
        self._analyse_on_load = analyse
        config, self.config_problems = config_module.load()
        self.set_reactive(BriefingApp.state, AppState(config=config))
        self._cancel = threading.Event()
        self._last_progress = 0.0
        self._theme_ready = False
        self._reader: AppScreen | None = None
        for theme in briefing_themes():
            self.register_theme(theme)
        wanted = self.config.theme
        if wanted not in self.available_themes:
            self.config_problems.append(f"config: theme '{wanted}' is not installed (try {DEFAULT}); using {DEFAULT}")
            wanted = DEFAULT
        self.theme = wanted
        keymap, problems = commands.check_keymap(config.keymap)
        self.config_problems.extend(problems)
        if keymap:
            self.set_keymap(keymap)

    # -- set-up ----------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return LibraryScreen()

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return variable_defaults(self.current_theme.dark if self._registered_themes else True)

    @property
    def config(self) -> Config:
        return self.state.config

    def on_mount(self) -> None:
        self._theme_ready = True
        for problem in self.config_problems:
            self.notify(problem, title="Config", severity="warning", timeout=8, markup=False)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            keys = split_escape(event, self.focused)
            if keys is not None:  # esc typed just before another key: both, in order
                for key in keys:
                    await super().on_event(key)
                return
        await super().on_event(event)

    def on_ready(self) -> None:
        # After the first frame: a loading thread started earlier competes for the GIL
        # and delays the first paint (bench/startup.py).
        self.load_corpus()

    def watch_theme(self, theme: str) -> None:
        if not self._theme_ready or theme == self.config.theme:
            return
        self._set_config(replace(self.config, theme=theme))  # legends and previews take the new colours

    # -- state the screens read -------------------------------------------------

    def article(self, article_id: str) -> Article:
        return self.state.by_id[article_id]

    @property
    def busy(self) -> bool:
        return any(w.is_running for w in self.workers if w.group in ("load", "analyse", "brief"))

    def set_status(self, message: str, done: int = 0, total: int = 0) -> None:
        self.status = Status(message, done, total)

    def _set_config(self, config: Config) -> None:
        state = self.state
        briefing = state.briefing if config.focus == state.config.focus else None
        self.state = replace(state, config=config, briefing=briefing)
        self._save_config()

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
        if self._cancel.is_set():  # the stage runs on to its next check: say what is happening
            self.call_from_thread(self.set_status, f"Stopping… {label.lower()} {done}/{total} (what is done stays cached)", done, total)
            return
        self.call_from_thread(self.set_status, f"{label} {done}/{total}… (esc stops)", done, total)

    # -- workers -----------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="load", description="loading the corpus")
    def load_corpus(self) -> None:
        from briefing import corpus
        from briefing.errors import UserError

        try:
            if self.cache is None:
                self.cache = Cache(warn=lambda m: self.call_from_thread(self.notify, m, severity="warning", markup=False))
            result = corpus.load(self.paths or None, self.cache, self._progress, self._cancel)
        except UserError as error:
            self.call_from_thread(self._load_failed, f"briefing: {error}")
            return
        if self.is_running:  # not when quitting mid-load
            self.call_from_thread(self._corpus_loaded, result.articles, result.problems, result.cancelled)

    def _load_failed(self, message: str) -> None:
        self.state = replace(self.state, phase=Phase.FAILED)
        self.set_status(message)

    def _corpus_loaded(self, articles: list[Article], problems: list[str], cancelled: bool = False) -> None:
        self.state = replace(self.state, phase=Phase.LOADED, articles=tuple(articles), analysis=None, briefing=None)
        for problem in problems[:3]:
            self.notify(problem, title="Skipped", severity="warning", timeout=8, markup=False)
        if len(problems) > 3:
            self.notify(f"…and {len(problems) - 3} more files skipped", severity="warning", markup=False)
        if cancelled:  # esc while loading: what was read is shown, nothing is analysed yet
            self.set_status(self._summary() + " · loading stopped (ctrl+r analyses these)")
            return
        self.set_status(self._summary())
        if self._analyse_on_load:
            self.action_analyse()

    def _summary(self) -> str:
        state = self.state
        langs = sorted({a.lang for a in state.articles})
        count = len(state.articles)
        text = f"{count} article{'' if count == 1 else 's'} · {', '.join(langs)}"
        if state.analysed:
            text += f" · {len(state.entities)} entities"
        return text

    def action_analyse(self) -> None:
        if not self.state.articles:
            return
        self._cancel = threading.Event()
        self.state = replace(self.state, phase=Phase.ANALYSING)
        self.set_status("Preparing translation and entities… (esc stops)")
        self.analyse_corpus(self._cancel, self.state.articles)

    @work(thread=True, exclusive=True, exit_on_error=False, group="analyse", description="translating and annotating")
    def analyse_corpus(self, cancel: threading.Event, articles: tuple[Article, ...]) -> None:
        assert self.cache is not None  # load_corpus made it before there were articles to analyse
        try:
            analyser = self._analyser
            if analyser is None:
                from briefing.pipeline import analyse

                analyser = analyse
            analysis = analyser(list(articles), self.cache, self._progress, cancel, self.config)
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
        if cancelled:
            self.state = replace(self.state, phase=Phase.STOPPED)
            self.set_status(self._summary() + " · analysis stopped (ctrl+r resumes)")
            return
        self.state = replace(self.state, phase=Phase.ANALYSED, analysis=analysis, briefing=None)
        self.set_status(self._summary())
        _settle()

    def _analysis_failed(self, message: str) -> None:
        self.state = replace(self.state, phase=Phase.FAILED)
        self.set_status(self._summary() + " · " + message)
        self.notify(message, severity="error", timeout=10, markup=False)

    def action_stop_work(self) -> None:
        if self.state.analysing or self.state.phase is Phase.LOADING:
            self._cancel.set()
            self.set_status("Stopping… (what is done stays cached)")

    # -- the briefing: built once per analysis and focus, kept ---------------------

    def build_briefing(self, force: bool = False) -> None:
        """Build the briefing in a worker unless it is already built; screens see it land in the state."""
        analysis = self.state.analysis
        if analysis is None or (self.state.briefing is not None and not force):
            return
        if not force and any(w.is_running for w in self.workers if w.group == "brief"):
            return
        self.set_status("Building the briefing…")
        self._build(analysis, self.config.focus)

    @work(thread=True, exclusive=True, exit_on_error=False, group="brief", description="building the briefing")
    def _build(self, analysis: Analysis, focus: tuple[str, ...]) -> None:
        from briefing import brief

        try:
            built = brief.build(analysis, focus=focus or None)
        except Exception as error:  # the core failed: say so, keep the app usable
            self.call_from_thread(self._briefing_failed, f"briefing failed: {type(error).__name__}: {error}")
            return
        self.call_from_thread(self._briefing_built, analysis, focus, built)

    def _briefing_built(self, analysis: Analysis, focus: tuple[str, ...], built: Briefing) -> None:
        self.set_status(self._summary())
        if analysis is self.state.analysis and focus == self.config.focus:  # else it came too late
            self.state = replace(self.state, briefing=built)
            _settle()

    def _briefing_failed(self, message: str) -> None:
        self.set_status(self._summary() + " · " + message)
        self.notify(message, severity="error", timeout=10, markup=False)

    # -- navigation ----------------------------------------------------------------

    def open_reader(self, article_id: str, sentence: int | None = None) -> None:
        from .screens.reader import ReaderScreen

        if article_id not in self.state.by_id:
            return
        # One reader is kept installed and reused: opening an article then costs a
        # refill, not a compose and mount of every widget (see bench/ui.py).
        reader = self._reader
        if reader is None:
            reader = ReaderScreen(article_id, sentence)
            self._reader = reader
            self.install_screen(reader, name="reader")
        elif reader in self.screen_stack:  # e.g. briefing opened from the reader
            self.push_screen(ReaderScreen(article_id, sentence))
            return
        else:
            assert isinstance(reader, ReaderScreen)
            reader.load(article_id, sentence)
        self.push_screen(reader)

    def action_open_briefing(self) -> None:
        from .screens.briefing import BriefingScreen

        if isinstance(self.screen, BriefingScreen):
            return
        self.push_screen(BriefingScreen())

    def action_open_models(self) -> None:
        from .screens.models import ModelsScreen

        if isinstance(self.screen, ModelsScreen):
            return
        self.push_screen(ModelsScreen(articles=self.state.articles))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        self.push_screen(HelpScreen(screen.name or type(screen).__name__.lower(), commands.own_commands(screen)))

    def action_toggle_highlight(self) -> None:
        self._set_config(replace(self.config, highlight=not self.config.highlight))
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

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)


def _settle() -> None:
    """Exempt what is alive now (the analysis, the briefing) from the cycle collector.

    At 1,000 articles the app holds about 160,000 tracked objects; full collections walked
    them, 6 in 60 keys, and made the opens they landed on 240-300 ms instead of 60-140.
    Frozen objects are still freed by reference counting when a new analysis replaces them.

    What the app allocates after that is the screens' churn: an open makes about 11,000
    objects, most of them freed at once, yet at the default threshold (700) each open paid
    16 young and 1-2 middle collections, 5-7 ms of its 45-55 at 1,000 articles, and a full
    collection every few opens (22-44 ms each), which come sooner the smaller the corpus was
    when frozen (a full collection waits for a quarter as many survivors as the last one
    found). A young collection every 20,000 objects costs each open under 1 ms.
    """
    gc.freeze()
    gc.set_threshold(20_000, 20, 10)
