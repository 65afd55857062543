"""`briefing models list | install LANG... | install FILE.argosmodel | remove LANG...`.

The CLI parses arguments and calls `run`; user errors are raised as UserError (one
line: what is wrong and how to mend it), and the CLI turns them into exit code 1.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from briefing import sanitize
from briefing.errors import UserError
from briefing.model import Progress, no_progress

from . import index, languages, packages

if TYPE_CHECKING:
    from rich.progress import TaskID

DOWNLOAD_PREFIX = "briefing-download-"

ACTIONS = ("list", "install", "remove")


def run(action: str, targets: list[str], corpus_paths: list[str], out: TextIO, err: TextIO) -> int:
    if action == "list":
        return _list(corpus_paths, out)
    if action == "install":
        if not targets:
            raise UserError("name what to install: `briefing models install LANG` (e.g. de) or `... install FILE.argosmodel`")
        with _progress_bar(err) as progress:
            install(targets, progress, report=lambda line: print(line, file=out, flush=True))
        return 0
    if action == "remove":
        if not targets:
            raise UserError("name the language to remove: `briefing models remove LANG` (e.g. de)")
        for lang in targets:
            for package in packages.remove(lang):
                print(f"removed {package.label}", file=out, flush=True)
        return 0
    raise UserError(f"unknown models action {action!r}: use one of {', '.join(ACTIONS)}")


def is_file_target(target: str) -> bool:
    return target.endswith(".argosmodel") or Path(target).is_file() or "/" in target


def install(
    targets: list[str],
    progress: Progress = no_progress,
    folder: Path | None = None,
    report: Callable[[str], None] | None = None,
) -> list[str]:
    """Install each target (a language code or a .argosmodel file); one line per package.

    Each line is also passed to `report` as soon as its package is in place. When a
    target fails after others succeeded, the error says what was installed all the same.
    """
    lines: list[str] = []

    def done(line: str) -> None:
        lines.append(line)
        if report is not None:
            report(line)

    try:
        files = [t for t in targets if is_file_target(t)]
        langs = [t.lower() for t in targets if not is_file_target(t)]
        for file in files:
            package = packages.install_file(Path(file).expanduser(), folder)
            done(f"installed {package.label} from {sanitize.path(Path(file).name)}")
        if langs:
            entries = index.fetch_index()
            for lang in langs:
                for line in install_language(lang, entries, progress, folder):
                    done(line)
    except UserError as error:
        if lines:
            raise UserError(f"{error} (installed all the same: {', '.join(line.removeprefix('installed ') for line in lines)})") from None
        raise
    return lines


def install_language(lang: str, entries: list[index.IndexEntry], progress: Progress = no_progress, folder: Path | None = None) -> list[str]:
    """Download and install what `lang` needs to reach English (a pivot model too, if needed)."""
    folder = folder or packages.packages_dir()
    plan = index.plan(entries, lang, packages.installed_packages(folder))
    scratch_root = Path(tempfile.gettempdir())
    packages.clean_stale(scratch_root, DOWNLOAD_PREFIX)  # what killed runs left behind
    lines = []
    for entry in plan:
        with tempfile.TemporaryDirectory(prefix=packages.staging_name(DOWNLOAD_PREFIX), dir=scratch_root) as scratch:
            file = index.download(entry, Path(scratch), progress)
            progress(f"install {entry.name}", 0, 1)
            shown = f"the download of {entry.name} {entry.version}".strip()
            package = packages.install_file(file, folder, shown=shown, expect=(entry.from_code, entry.to_code))
            progress(f"install {entry.name}", 1, 1)
        lines.append(f"installed {package.label}")
    return lines


def _list(corpus_paths: list[str], out: TextIO) -> int:
    folder = packages.packages_dir()
    installed = packages.installed_packages(folder)
    if installed:
        print(f"Installed translation models ({sanitize.path(folder)}):", file=out)
        for p in installed:  # names and versions were sanitised when the package was read
            names = f"{p.from_name or p.from_code} → {p.to_name or p.to_code}"
            print(f"  {p.from_code:>3} → {p.to_code:<3} {p.label:<24} {names}", file=out)
    else:
        print(f"No translation models installed ({sanitize.path(folder)}).", file=out)
    from briefing import corpus  # only now: loading reads and parses the corpus

    articles = corpus.load(corpus_paths or None).articles
    where = "these files" if corpus_paths else "the sample corpus"
    for line in missing_lines(articles, installed):
        print(line, file=out)
    if not packages.missing_languages(articles, installed):
        print(f"Every language in {where} has a model (or is English).", file=out)
    return 0


def missing_lines(articles: list, installed: list[packages.InstalledPackage]) -> list[str]:
    """For each corpus language without a model: installable from the index, or not at all."""
    missing = packages.missing_languages(articles, installed)
    if not missing:
        return []
    served = languages.served_languages()
    lines = ["Languages without a model yet:"]
    for lang in missing:
        count = sum(a.lang == lang for a in articles)
        lines.append(f"  {languages.status(lang, served)} [{count} article{'s' * (count != 1)}]")
    installable = [lang for lang in missing if lang in served]
    if installable:
        lines.append(f"Install with: briefing models install {' '.join(installable)}")
    return lines


class _progress_bar:
    """A rich progress bar on `err` fed by Progress(stage, done, total) callbacks."""

    def __init__(self, err: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

        self.bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            console=Console(file=err),
            transient=False,
        )
        self.tasks: dict[str, TaskID] = {}

    def __enter__(self) -> Progress:
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        if not self.tasks:
            self.bar.start()  # only once there is something to show: errors stay one line
        task = self.tasks.get(stage)
        if task is None:
            task = self.tasks[stage] = self.bar.add_task(stage, total=total or None)
        self.bar.update(task, completed=done, total=total or None)

    def __exit__(self, *exc: object) -> None:
        if self.tasks:
            self.bar.stop()
