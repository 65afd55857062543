"""Lay out the installed package tree as links to the sources, for tools that read code by path.

pyproject.toml's package-dir maps tui/, translate/, themes/ and seeds/ into `briefing.*`.
mypy and import-linter find modules through folders, so on the checkout they see a
`briefing` without `tui` or `translate`. This builds DEST/briefing/... with the mapping
applied, each entry a symbolic link to the source, so edits show through and error
paths lead back to the real files. With copy=True the entries are copies instead (a test
adds a module that breaks a contract without touching the sources).

    python .ci/layout.py build/layout
"""

from __future__ import annotations

import shutil
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lay_out(dest: Path, copy: bool = False) -> None:
    def place(source: Path, target: Path) -> None:
        if not copy:
            target.symlink_to(source, target_is_directory=source.is_dir())
        elif source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)

    mapping: dict[str, str] = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]
    if dest.exists():
        shutil.rmtree(dest)
    for package, folder in sorted(mapping.items(), key=lambda item: item[0].count(".")):
        target = dest.joinpath(*package.split("."))
        nested = {other.split(".")[package.count(".") + 1] for other in mapping if other.startswith(package + ".")}
        if not nested:
            target.parent.mkdir(parents=True, exist_ok=True)
            place(ROOT / folder, target)
            continue
        target.mkdir(parents=True, exist_ok=True)
        for entry in sorted((ROOT / folder).iterdir()):
            if entry.name not in nested and entry.name != "__pycache__":
                place(entry, target / entry.name)


if __name__ == "__main__":
    lay_out(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT / "build" / "layout")
