"""Provided translations beside the article win over any model."""

from __future__ import annotations

import pytest

from argos_fixture import copy_model, package_dir  # noqa: F401
from briefing.model import Provenance
from briefing.store import MemoryCache
from briefing.translate import Translator
from test_translate import GERMAN, make_article

ENGLISH = [
    "Sam Altman visited a Samsung Electronics chip plant in Pyeongtaek on Friday.",
    "He met Kyung Kye-hyun, the head of the chip division. The talks lasted three hours.",
]


@pytest.fixture
def packages(tmp_path, copy_model):  # noqa: F811
    package_dir(copy_model, tmp_path / "packages", "de")
    return tmp_path / "packages"


def write_article(folder, paragraphs, name="bericht.txt"):
    path = folder / name
    path.write_text("\n\n".join(paragraphs), encoding="utf-8")
    return make_article(paragraphs, "de", str(path))


@pytest.mark.parametrize("suffix", [".en.txt", ".en.md"])
def test_sidecar_wins_and_aligns_sentence_by_sentence(tmp_path, packages, suffix):
    article = write_article(tmp_path, GERMAN)
    (tmp_path / f"bericht{suffix}").write_text("\n\n".join(ENGLISH), encoding="utf-8")
    translator = Translator(MemoryCache(), packages_dir=packages)
    view = translator.english_views([article])[article.id]
    assert translator.model_calls == 0
    assert view.status is Provenance.PROVIDED and view.model == "provided translation"
    assert [s.text for s in view.sentences] == [
        ENGLISH[0],
        "He met Kyung Kye-hyun, the head of the chip division.",
        "The talks lasted three hours.",
    ]
    assert [s.sources for s in view.sentences] == [(0,), (1,), (2,)]
    assert {s.provenance for s in view.sentences} == {Provenance.PROVIDED}
    for s in view.sentences:
        assert view.text[s.start : s.end] == s.text


def test_different_sentence_counts_align_by_share_of_text(tmp_path, packages):
    article = write_article(tmp_path, GERMAN)
    merged = [
        "Sam Altman visited a Samsung chip plant in Pyeongtaek on Friday.",
        "He met the chip chief Kyung Kye-hyun for three hours of talks.",
    ]
    (tmp_path / "bericht.en.txt").write_text("\n\n".join(merged), encoding="utf-8")
    view = Translator(MemoryCache(), packages_dir=packages).english_views([article])[article.id]
    assert [s.sources for s in view.sentences] == [(0,), (1, 2)]


def test_different_paragraphing_still_covers_every_sentence_in_order(tmp_path, packages):
    article = write_article(tmp_path, GERMAN)
    (tmp_path / "bericht.en.txt").write_text(" ".join(ENGLISH), encoding="utf-8")  # one paragraph
    view = Translator(MemoryCache(), packages_dir=packages).english_views([article])[article.id]
    assert len(view.paragraphs) == 1
    covered = [i for s in view.sentences for i in s.sources]
    assert covered == sorted(covered) and set(covered) == {0, 1, 2}


def test_without_sidecar_the_model_translates(tmp_path, packages):
    article = write_article(tmp_path, GERMAN)
    (tmp_path / "other.en.txt").write_text("Unrelated.", encoding="utf-8")
    view = Translator(MemoryCache(), packages_dir=packages).english_views([article])[article.id]
    assert view.status is Provenance.MACHINE
