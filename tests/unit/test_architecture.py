"""Layering promises: import-linter's contracts on the installed layout, and imports at run time.

import-linter reads modules through folders; on the checkout, package-dir hides tui/ and
translate/ from it. The contracts are therefore checked on the layout the wheel installs
(.ci/layout.py), and a module that breaks each contract is planted in a copy of it to show
the contracts really see those folders.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAPPING: dict[str, str] = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-dir"]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def layout_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("layout", ROOT / ".ci" / "layout.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def modules_in(folder: str, package: str) -> list[str]:
    names = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        parts = path.relative_to(ROOT / folder).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        names.append(".".join((package, *parts)))
    return names


# Everything installed except the app itself.
CORE = [m for package, folder in MAPPING.items() if package != "briefing.tui" for m in modules_in(folder, package)
        if not m.startswith("briefing.tui")]


def imported_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    # -P: the checkout's folder is not on sys.path, so a non-editable install is what is imported
    out = subprocess.run([sys.executable, "-P", "-c", probe], capture_output=True, text=True, check=True, timeout=120, cwd=ROOT)
    return set(out.stdout.split())


def lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    # lint-imports puts its working folder first on sys.path: there, `briefing` is the layout
    return subprocess.run([str(LINT_IMPORTS), str(ROOT / "pyproject.toml"), "--no-cache"], cwd=where,
                          capture_output=True, text=True, timeout=300)


def test_core_imports_no_textual() -> None:
    assert "briefing.translate" in CORE and "briefing.entities.pipeline" in CORE
    modules = imported_after("\n".join(f"import {m}" for m in CORE))
    assert not {m for m in modules if m == "textual" or m.startswith("textual.")}


def test_loading_the_corpus_imports_no_model_library() -> None:
    modules = imported_after("from briefing import corpus\ncorpus.load_seeds()")
    heavy = {"spacy", "argostranslate", "ctranslate2", "torch", "stanza", "thinc"}
    assert not heavy & {m.split(".")[0] for m in modules}


def test_app_module_imports_no_model_library() -> None:
    modules = imported_after("import briefing.tui.app")
    heavy = {"spacy", "argostranslate", "ctranslate2", "dateparser", "py3langid"}
    assert not heavy & {m.split(".")[0] for m in modules}


def test_contracts_hold_on_the_installed_layout(tmp_path: Path) -> None:
    layout_module().lay_out(tmp_path / "layout")
    result = lint_imports(tmp_path / "layout")
    assert result.returncode == 0, result.stdout + result.stderr
    analysed = int(result.stdout.split("Analyzed ")[1].split()[0])
    assert analysed >= len(CORE) + len(modules_in("tui", "briefing.tui"))  # tui/ and translate/ included


def test_contracts_cannot_pass_on_a_layout_that_hides_the_mapped_folders() -> None:
    # the checkout: `briefing` without tui/ or translate/; a contract naming them must fail, not pass
    result = lint_imports(ROOT)
    assert result.returncode != 0
    assert "not present in the graph" in result.stdout + result.stderr


@pytest.mark.parametrize(("folder", "code", "contract"), [
    ("translate", "import textual.app\n", "Translation imports neither Textual nor the app"),
    ("translate", "def later() -> None:\n    from briefing.tui import app  # noqa: F401\n", "Only the command line imports the app"),
    ("briefing/entities", "from textual.widgets import Static  # noqa: F401\n", "Only the app (briefing.tui) imports Textual"),
    ("tui/screens", "import spacy  # noqa: F401\n", "The app calls no model library itself"),
    ("tui", "def later() -> None:\n    import argostranslate.translate  # noqa: F401\n", "The app calls no model library itself"),
])
def test_each_contract_catches_a_planted_import(tmp_path: Path, folder: str, code: str, contract: str) -> None:
    layout = tmp_path / "layout"
    layout_module().lay_out(layout, copy=True)
    package = next(p for p, f in MAPPING.items() if folder == f or folder.startswith(f + "/"))
    inside = folder.removeprefix(MAPPING[package]).strip("/")
    (layout.joinpath(*package.split("."), inside) / "planted.py").write_text(code)
    result = lint_imports(layout)
    assert result.returncode != 0, result.stdout
    broken = [line for line in result.stdout.splitlines() if line.endswith("BROKEN")]
    assert any(line.startswith(contract) for line in broken), result.stdout


# Files clean under the project's ruff and mypy settings (pyproject.toml), kept clean here
# while the rest of the project is brought to zero findings; then `make check` gates CI
# (.ci/run) and this list can go.
CLEAN = [
    "setup.py", ".ci/layout.py",
    "briefing/config.py", "briefing/views.py",
    *(f"briefing/entities/{name}.py" for name in
      ("__init__", "aliases", "consensus", "gazetteer", "labels", "mentions", "resolve", "roles", "store_format", "text")),
    "themes/__init__.py", "seeds/__init__.py",
    "bench/brief.py", "bench/entities.py", "bench/generate.py", "bench/startup.py",
    "tests/unit/test_config.py", "tests/unit/test_packaging.py", "tests/unit/test_architecture.py",
]


def test_ruff_finds_nothing_in_the_clean_files() -> None:
    ruff = Path(sys.executable).parent / "ruff"
    done = subprocess.run([str(ruff), "check", "--output-format", "concise", *CLEAN], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing_in_the_clean_files(tmp_path: Path) -> None:
    layout = tmp_path / "layout"
    layout_module().lay_out(layout)
    mypy = Path(sys.executable).parent / "mypy"
    files = [str(layout / "briefing"), "tests", "bench", "setup.py", ".ci/layout.py"]
    env = {**os.environ, "MYPYPATH": str(layout)}
    done = subprocess.run([str(mypy), "--cache-dir", str(tmp_path / "cache"), *files], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert "error: " in done.stdout or done.returncode == 0, done.stdout + done.stderr  # mypy ran
    report = [layout_module().to_sources(line, layout) for line in done.stdout.splitlines()]
    found = [line for line in report if ": error:" in line and line.split(":", 1)[0] in CLEAN]
    assert not found, "\n".join(found)
