"""Language identification with py3langid: its model ships in the wheel, no download."""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language; ("und", 0) for no text."""
    sample = text[:2000]  # a few paragraphs decide; long articles need not be read whole
    if not any(ch.isalpha() for ch in sample):
        return "und", 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)
