"""`briefing models list | install LANG... | install FILE.argosmodel | remove LANG...`.

The CLI parses arguments and calls `run`; user errors are raised as UserError (one
line: what is wrong and how to mend it), and the CLI turns them into exit code 1.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TextIO

from briefing.errors import UserError
from briefing.model import Progress, no_progress

from . import index, packages

ACTIONS = ("list", "install", "remove")


def run(action: str, targets: list[str], corpus_paths: list[str], out: TextIO, err: TextIO) -> int:
    if action == "list":
        return _list(corpus_paths, out)
    if action == "install":
        if not targets:
            raise UserError("name what to install: `briefing models install LANG` (e.g. de) or `... install FILE.argosmodel`")
        with _progress_bar(err) as progress:
            for line in install(targets, progress):
                print(line, file=out)
        return 0
    if action == "remove":
        if not targets:
            raise UserError("name the language to remove: `briefing models remove LANG` (e.g. de)")
        for lang in targets:
            for package in packages.remove(lang):
                print(f"removed {package.label}", file=out)
        return 0
    raise UserError(f"unknown models action {action!r}: use one of {', '.join(ACTIONS)}")


def is_file_target(target: str) -> bool:
    return target.endswith(".argosmodel") or Path(target).is_file() or "/" in target


def install(targets: list[str], progress: Progress = no_progress, folder: Path | None = None) -> list[str]:
    """Install each target (a language code or a .argosmodel file); one line per package."""
    lines: list[str] = []
    files = [t for t in targets if is_file_target(t)]
    langs = [t.lower() for t in targets if not is_file_target(t)]
    for file in files:
        package = packages.install_file(Path(file).expanduser(), folder)
        lines.append(f"installed {package.label} from {Path(file).name}")
    if langs:
        entries = index.fetch_index()
        for lang in langs:
            lines.extend(install_language(lang, entries, progress, folder))
    return lines


def install_language(lang: str, entries: list[index.IndexEntry], progress: Progress = no_progress, folder: Path | None = None) -> list[str]:
    """Download and install what `lang` needs to reach English (a pivot model too, if needed)."""
    folder = folder or packages.packages_dir()
    plan = index.plan(entries, lang, packages.installed_packages(folder))
    lines = []
    for entry in plan:
        with tempfile.TemporaryDirectory(prefix="briefing-download-") as scratch:
            file = index.download(entry, Path(scratch), progress)
            progress(f"install {entry.name}", 0, 1)
            package = packages.install_file(file, folder)
            progress(f"install {entry.name}", 1, 1)
        lines.append(f"installed {package.label}")
    return lines


def _list(corpus_paths: list[str], out: TextIO) -> int:
    installed = packages.installed_packages()
    folder = packages.packages_dir()
    if installed:
        print(f"Installed translation models ({folder}):", file=out)
        for p in installed:
            names = f"{p.from_name or p.from_code} → {p.to_name or p.to_code}"
            print(f"  {p.from_code:>3} → {p.to_code:<3} {p.label:<24} {names}", file=out)
    else:
        print(f"No translation models installed ({folder}).", file=out)
    from briefing import corpus  # only now: loading reads and parses the corpus

    articles = corpus.load(corpus_paths or None).articles
    missing = packages.missing_languages(articles, installed)
    where = "these files" if corpus_paths else "the sample corpus"
    if missing:
        counts = {lang: sum(a.lang == lang for a in articles) for lang in missing}
        listed = ", ".join(f"{lang} ({n} article{'s' * (n != 1)})" for lang, n in counts.items())
        print(f"Languages in {where} with no model yet: {listed}", file=out)
        print(f"Install with: briefing models install {' '.join(missing)}", file=out)
    else:
        print(f"Every language in {where} has a model (or is English).", file=out)
    return 0


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
        self.tasks: dict[str, object] = {}

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
