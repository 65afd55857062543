"""Layering promises, checked in a fresh interpreter so nothing else has imported them."""

import subprocess
import sys

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def modules_in(folder: str, package: str) -> list[str]:
    names = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        parts = path.relative_to(ROOT / folder).with_suffix("").parts
        parts = parts[:-1] if parts[-1] == "__init__" else parts
        names.append(".".join((package, *parts)))
    return names


CORE = modules_in("briefing", "briefing") + modules_in("translate", "briefing.translate")


def imported_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    return set(out.stdout.split())


def test_core_imports_no_textual():
    modules = imported_after("\n".join(f"import {m}" for m in CORE))
    assert not {m for m in modules if m == "textual" or m.startswith("textual.")}


def test_loading_the_corpus_imports_no_model_library():
    modules = imported_after("from briefing import corpus\ncorpus.load_seeds()")
    heavy = {"spacy", "argostranslate", "ctranslate2", "torch", "stanza", "thinc"}
    assert not heavy & {m.split(".")[0] for m in modules}


def test_app_module_imports_no_model_library():
    modules = imported_after("import briefing.tui.app")
    heavy = {"spacy", "argostranslate", "ctranslate2", "dateparser", "py3langid"}
    assert not heavy & {m.split(".")[0] for m in modules}


def test_import_linter_contract_covers_the_whole_core_and_holds():
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    contract = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"][0]
    core = {f"briefing.{p.stem if p.is_file() else p.name}" for p in (root / "briefing").iterdir()
            if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").exists()}
    assert core <= set(contract["source_modules"]), f"add to the contract: {sorted(core - set(contract['source_modules']))}"
    result = subprocess.run([Path(sys.executable).parent / "lint-imports"], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
