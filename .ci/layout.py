"""Lay out the installed package tree as links to the sources, for tools that read code by path.

pyproject.toml's package-dir maps tui/, translate/, themes/ and seeds/ into `briefing.*`.
mypy and import-linter find modules through folders, so on the checkout they see a
`briefing` without `tui` or `translate`. This builds DEST/briefing/... with the mapping
applied, each entry a symbolic link to the source, so edits show through and error
paths lead back to the real files. With copy=True the entries are copies instead (a test
adds a module that breaks a contract without touching the sources).

    python .ci/layout.py build/layout                  lay it out
    mypy | python .ci/layout.py --sources build/layout  name the source files in a report
"""

from __future__ import annotations

import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def mapping() -> dict[str, str]:
    with open(ROOT / "pyproject.toml", "rb") as file:
        found: dict[str, str] = tomllib.load(file)["tool"]["setuptools"]["package-dir"]
    return found


def to_sources(line: str, dest: Path | str) -> str:
    """A report line with each path under DEST turned into the source file's: tui/app.py, not
    build/layout/briefing/tui/app.py."""
    prefixes = {f"{Path(dest).as_posix()}/{package.replace('.', '/')}/": folder + "/" for package, folder in mapping().items()}
    for prefix in sorted(prefixes, key=len, reverse=True):  # the longest first: briefing/tui before briefing
        line = line.replace(prefix, prefixes[prefix])
    return line


def lay_out(dest: Path, copy: bool = False) -> None:
    def place(source: Path, target: Path) -> None:
        if not copy:
            target.symlink_to(source, target_is_directory=source.is_dir())
        elif source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)

    packages = mapping()
    if dest.exists():
        shutil.rmtree(dest)
    for package, folder in sorted(packages.items(), key=lambda item: item[0].count(".")):
        target = dest.joinpath(*package.split("."))
        nested = {other.split(".")[package.count(".") + 1] for other in packages if other.startswith(package + ".")}
        if not nested:
            target.parent.mkdir(parents=True, exist_ok=True)
            place(ROOT / folder, target)
            continue
        target.mkdir(parents=True, exist_ok=True)
        for entry in sorted((ROOT / folder).iterdir()):
            if entry.name not in nested and entry.name != "__pycache__":
                place(entry, target / entry.name)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--sources"]:
        for report_line in sys.stdin:
            sys.stdout.write(to_sources(report_line, sys.argv[2]))
    else:
        lay_out(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "build" / "layout")
