"""Layering promises, checked in a fresh interpreter so nothing else has imported them."""

import subprocess
import sys

CORE = ["briefing.model", "briefing.corpus", "briefing.store", "briefing.config", "briefing.cli", "briefing.pipeline"]


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
