"""The package list and package data, derived from the folders (everything else is in pyproject.toml).

pyproject.toml's `[tool.setuptools] package-dir` maps the card's top-level folders (tui/,
translate/, themes/, seeds/) into the `briefing.` namespace. setuptools cannot discover
packages under such a mapping, so this walks each mapped folder: a folder with an
`__init__.py` is a package, and every other file below it (seeds, themes, styles, data a
module reads) is package data of the nearest package. Nothing is listed by hand, so a new
module or data file cannot be left out of the wheel.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent
NOT_DATA = {".py", ".pyc", ".pyo"}


def package_dir() -> dict[str, str]:
    with open(HERE / "pyproject.toml", "rb") as file:
        mapping: dict[str, str] = tomllib.load(file)["tool"]["setuptools"]["package-dir"]
    return mapping


def walk(mapping: dict[str, str]) -> tuple[list[str], dict[str, list[str]]]:
    packages: dict[Path, str] = {}
    data: dict[str, list[str]] = {}
    for name, folder in mapping.items():
        root = HERE / folder
        for init in sorted(root.rglob("__init__.py")):
            parts = init.parent.relative_to(root).parts
            packages[init.parent] = ".".join((name, *parts))
    for root in {HERE / folder for folder in mapping.values()}:
        for path in sorted(root.rglob("*")):
            skipped = path.suffix in NOT_DATA or any(p.startswith(".") or p == "__pycache__" for p in path.relative_to(HERE).parts)
            if path.is_dir() or skipped:
                continue
            owner = next(p for p in path.parents if p in packages)
            data.setdefault(packages[owner], []).append(path.relative_to(owner).as_posix())
    return sorted(set(packages.values())), data


PACKAGES, PACKAGE_DATA = walk(package_dir())
setup(packages=PACKAGES, package_data=PACKAGE_DATA)
