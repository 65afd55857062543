"""The models screen: installed Argos packages, languages still missing one, and
install (from the index or a file) / remove, with progress.

No NLP here: every operation is a `briefing.translate` call in a thread worker, and
results come back through `call_from_thread`.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, ProgressBar, Static

from briefing.model import Article

from ..commands import MODELS, bindings
from ..widgets.keybar import KeyBar


class ModelsScreen(Screen[None]):
    COMMAND_LIST = MODELS
    BINDINGS = bindings(MODELS)
    DEFAULT_CSS = """
    ModelsScreen #models-summary { padding: 0 1; height: auto; }
    ModelsScreen #models-table { height: 1fr; }
    ModelsScreen #models-input { display: none; }
    ModelsScreen #models-input.prompting { display: block; }
    ModelsScreen #models-progress { display: none; padding: 0 1; }
    ModelsScreen #models-progress.running { display: block; }
    ModelsScreen #models-message { padding: 0 1; height: auto; color: $text-muted; }
    """

    def __init__(self, packages_dir: Path | None = None, articles: tuple[Article, ...] = ()) -> None:
        super().__init__(name="models")
        self.packages_dir = packages_dir
        self.articles = articles  # the corpus, for the languages still missing a model
        self.packages: list = []
        self._prompt: str | None = None  # "language" or "file" while the input is open

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical():
            yield Static(id="models-summary")
            yield DataTable(id="models-table", cursor_type="row", zebra_stripes=True)
            yield Input(id="models-input")
            yield ProgressBar(id="models-progress", show_eta=False)
            yield Static(id="models-message")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("From", "To", "Package", "Version", "Folder")
        self.refresh_content()

    # -- reading -----------------------------------------------------------

    def action_refresh_content(self) -> None:
        self.refresh_content()

    @work(thread=True, exclusive=True, group="models-read", exit_on_error=False)
    def refresh_content(self) -> None:
        from briefing.translate import packages

        folder = self.packages_dir or packages.packages_dir()
        installed = packages.installed_packages(folder)
        missing = packages.missing_languages(list(self.articles), installed)
        from briefing.translate import languages  # its wording: installable, or no Argos package exists

        missing = languages.statuses(missing, app=True)
        self.app.call_from_thread(self._show, folder, installed, missing)

    def _show(self, folder: Path, installed: list, missing: list[str]) -> None:
        self.packages = installed
        table = self.query_one(DataTable)
        table.clear()
        for p in installed:
            table.add_row(
                Text(f"{p.from_code} {p.from_name}".strip()), Text(f"{p.to_code} {p.to_name}".strip()),
                Text(p.name), Text(p.version), Text(str(p.path.parent)), key=str(p.path),
            )  # fmt: skip
        summary = Text(f"{len(installed)} translation model(s) in {folder}. ")
        if missing:
            summary.append("No model yet for: ", style="bold")
            summary.append("; ".join(missing))
        else:
            summary.append("Every language of the corpus has a model (or is English).")
        self.query_one("#models-summary", Static).update(summary)

    # -- prompts -------------------------------------------------------------

    def action_prompt_language(self) -> None:
        self._open_prompt("language", "language code(s), e.g. de hu vi; enter installs from the Argos index")

    def action_prompt_file(self) -> None:
        self._open_prompt("file", "path of a .argosmodel file; enter installs it")

    def _open_prompt(self, kind: str, placeholder: str) -> None:
        field = self.query_one(Input)
        self._prompt = kind
        field.value, field.placeholder = "", placeholder
        field.add_class("prompting")
        field.focus()

    def _close_prompt(self) -> None:
        self._prompt = None
        field = self.query_one(Input)
        field.remove_class("prompting")
        self.query_one(DataTable).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        kind, value = self._prompt, event.value.strip()
        self._close_prompt()
        if not value:
            return
        targets = [value] if kind == "file" else value.split()
        self.install(targets)

    def action_back(self) -> None:
        if self._prompt is not None:
            self._close_prompt()
        else:
            self.app.pop_screen()

    # -- work ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="models-change", exit_on_error=False)
    def install(self, targets: list[str]) -> None:
        from briefing.errors import UserError
        from briefing.translate import commands

        self.app.call_from_thread(self._started, f"Installing {' '.join(targets)}…")
        try:
            lines = commands.install(targets, progress=self._progress, folder=self.packages_dir)
        except UserError as error:
            self.app.call_from_thread(self._finished, str(error), True)
            return
        self.app.call_from_thread(self._finished, "; ".join(lines) + ". Analyse again (ctrl+r) to translate.", False)

    def action_remove_selected(self) -> None:
        table = self.query_one(DataTable)
        if not self.packages or table.cursor_row is None or table.cursor_row >= len(self.packages):
            self._message("Nothing selected to remove.", error=False)
            return
        self.remove_package(self.packages[table.cursor_row].from_code)

    # Not `remove`: that is Widget.remove, which Textual awaits when the screen is popped.
    @work(thread=True, exclusive=True, group="models-change", exit_on_error=False)
    def remove_package(self, lang: str) -> None:
        from briefing.errors import UserError
        from briefing.translate import packages

        try:
            removed = packages.remove(lang, self.packages_dir)
        except (UserError, OSError) as error:
            self.app.call_from_thread(self._finished, str(error), True)
            return
        self.app.call_from_thread(self._finished, "Removed " + ", ".join(p.label for p in removed) + ".", False)

    def _progress(self, stage: str, done: int, total: int) -> None:
        """Called from the worker thread by briefing.translate."""
        self.app.call_from_thread(self._update_progress, stage, done, total)

    def _update_progress(self, stage: str, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total or None, progress=done)
        self._message(stage.capitalize() + "…", error=False)

    def _started(self, message: str) -> None:
        bar = self.query_one(ProgressBar)
        bar.update(total=None, progress=0)
        bar.add_class("running")
        self._message(message, error=False)

    def _finished(self, message: str, error: bool) -> None:
        self.query_one(ProgressBar).remove_class("running")
        self._message(message, error)
        if error:
            self.app.notify(message, severity="error", timeout=8, markup=False)
        self.refresh_content()

    def _message(self, message: str, error: bool) -> None:
        self.query_one("#models-message", Static).update(Text(message, style="bold red" if error else ""))
