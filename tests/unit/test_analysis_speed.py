"""Analysis speed without lost results: no English NER on untranslated views, and dates
searched only in the sentences that can hold one (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.corpus import load, load_seeds
from briefing.entities import Annotator
from briefing.entities.propagate import _calendar_words, date_windows, find_dates
from briefing.entities.resolve import name_runs
from briefing.model import Provenance
from briefing.store import MemoryCache
from briefing.views import assemble_view

CORPORA = sorted((Path(__file__).resolve().parents[2] / "bench" / "corpora").glob("[0-9][0-9]-*"))


def corpus_articles() -> list:
    articles = list(load_seeds(MemoryCache()))
    for folder in CORPORA:
        articles.extend(load([folder], MemoryCache()).articles)
    return articles


@pytest.fixture(scope="module")
def articles():
    found = corpus_articles()
    assert len(CORPORA) >= 5 and {a.lang for a in found} >= {"en", "vi", "hu", "de", "ko", "zh", "id"}
    return found


def test_prefiltered_dates_equal_the_whole_text_search(articles):
    """Every article of the seeds and bench/corpora: the same date spans, from less text."""
    searched = total = 0
    for a in articles:
        assert find_dates(a.text, a.lang, a.date) == find_dates(a.text, a.lang, a.date, prefilter=False), a.source_shown
        if a.lang != "en":
            searched += sum(end - start for start, end in date_windows(a.text, a.lang, _calendar_words(a.lang)))
            total += len(a.text)
    assert searched < 0.6 * total  # the prefilter really leaves text out (measured: about 40% kept)


def test_date_windows_are_sentences_with_a_digit_or_a_calendar_name():
    text = "Das Treffen war gut. Es fand am Freitag statt. Sie sprachen lange. Am 15. März 2024 folgte mehr. Ende."
    windows = [text[s:e].strip() for s, e in date_windows(text, "de", _calendar_words("de"))]
    assert windows == ["Es fand am Freitag statt.", "Am 15. März 2024 folgte mehr."]
    assert find_dates(text, "de") == find_dates(text, "de", prefilter=False)
    assert {text[s:e] for s, e in find_dates(text, "de")} >= {"am Freitag"}


def test_calendar_names_come_from_dateparser_for_any_language():
    """No hand list: a language absent from the corpora has its month and day names too."""
    assert {"janvier", "vendredi", "decembre"} <= _calendar_words("fr")
    assert {"enero", "viernes"} <= _calendar_words("es")
    assert _calendar_words("not-a-language") == set()


def test_untranslated_views_are_not_read_by_english_ner():
    cache = MemoryCache()
    seeds = load_seeds(cache)
    annotator = Annotator(cache, gazetteer=None)
    _, annotations = annotator.annotate(seeds, {})
    assert annotator.model_runs == sum(a.lang == "en" for a in seeds) == 2
    vi = next(a for a in seeds if a.lang == "vi")
    names = {s.entity for s in annotations[vi.id].original}
    assert {"person:lee jae yong", "person:sam altman", "org:openai"} <= names  # from the other articles


def test_a_translated_view_is_read_by_english_ner():
    cache = MemoryCache()
    seeds = load_seeds(cache)
    de = next(a for a in seeds if a.lang == "de")
    english = "Chey Tae-won of SK Group met Sam Altman in Seoul on Friday."
    view = assemble_view(de, [[(english, (0,), Provenance.MACHINE)]], Provenance.MACHINE)
    annotator = Annotator(cache, gazetteer=None)
    _, annotations = annotator.annotate(seeds, {de.id: view})
    assert annotator.model_runs == 3
    assert "person:sam altman" in {s.entity for s in annotations[de.id].english}


def test_a_corpus_of_untranslated_articles_runs_no_model():
    cache = MemoryCache()
    foreign = [a for a in load_seeds(cache) if a.lang != "en"]
    annotator = Annotator(cache, gazetteer=None)
    _, annotations = annotator.annotate(foreign, {})
    assert annotator.model_runs == 0
    hu = next(a for a in foreign if a.lang == "hu")
    assert ("15-20 milliárd dollárt", "MONEY") in {(s.text, s.label) for s in annotations[hu.id].original}


def test_name_runs_are_capitalised_words_one_space_apart():
    assert name_runs("Chủ tịch Lee Jae-Young cho biết, ông Sam Altman (OpenAI) đã đến.") == [
        "Chủ",
        "Lee Jae-Young",
        "Sam Altman",
        "OpenAI",
    ]
    assert name_runs("der Samsung-Co-CEO Kyung Kye-hyun sagte") == ["Samsung-Co-CEO Kyung Kye-hyun"]
