"""Write tests/data/argos/translate-de_en-pre3.argosmodel: the copy model as CTranslate2 2.x saved it.

Packages converted before CTranslate2 3.0 (November 2022; 28 of the 96 in the Argos
index) have no model/config.json and a `shared_vocabulary.txt`. Only a CTranslate2 < 3
writes that format, so this runs once, in a throwaway venv, and its small output is
committed:

    python3.11 -m venv /tmp/ct2old
    /tmp/ct2old/bin/pip install "ctranslate2<3" "numpy<2" sentencepiece pytest
    /tmp/ct2old/bin/python tests/build_pre3_fixture.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import ctranslate2  # noqa: E402

from argos_fixture import argosmodel, build_copy_model  # noqa: E402

OUT = HERE / "data" / "argos"


def main() -> None:
    assert int(ctranslate2.__version__.split(".")[0]) < 3, "run this with CTranslate2 < 3 (see the docstring)"
    work = Path(tempfile.mkdtemp(prefix="pre3-"))
    model = build_copy_model(work / "copy")
    assert not (model / "model" / "config.json").exists() and (model / "model" / "shared_vocabulary.txt").exists()
    path = argosmodel(model, OUT, "de", version="0.9")
    target = OUT / "translate-de_en-pre3.argosmodel"
    path.replace(target)
    print(f"wrote {target} ({target.stat().st_size} bytes) with CTranslate2 {ctranslate2.__version__}")


if __name__ == "__main__":
    main()
