import tomllib
from pathlib import Path

import pytest

from briefing.langid import detect

SAMPLES = tomllib.loads((Path(__file__).parent.parent / "data" / "langid.toml").read_text(encoding="utf-8"))


def test_at_least_twenty_languages_are_covered():
    assert len(SAMPLES) >= 20


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_paragraph_language_is_identified(lang):
    assert detect(SAMPLES[lang])[0] == lang


def test_seed_languages(seed_paths):
    langs = [detect(path.read_text(encoding="utf-8"))[0] for path in seed_paths]
    assert langs == ["vi", "hu", "en", "de", "en"]


def test_no_letters_is_undetermined():
    assert detect("12 345 -- 67.8") == ("und", 0.0)
