"""Dates read in untranslated originals: times of day, durations and numbers are never dates,
and a relative date needs the article's own date (never the clock)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.brief.timeline import DateRef, original_date
from briefing.entities.propagate import find_dates

SUNDAY = dt.date(2025, 10, 19)


@pytest.mark.parametrize(
    "text, lang",
    [("gegen 9:30 Uhr", "de"), ("午前９時３０分", "ja"), ("7 minutos", "es"), ("9:30 a.m.", "en"), ("four minutes", "en"),
     ("2 hours", "en"), ("um 10 Uhr", "de")],
)
@pytest.mark.parametrize("base", [None, SUNDAY], ids=["undated", "dated"])
def test_times_of_day_and_durations_are_never_dates(text, lang, base):
    assert original_date(text, lang, base) is None


@pytest.mark.parametrize("text, lang", [("am Freitag", "de"), ("heute", "de"), ("el domingo", "es"), ("vor zwei Tagen", "de")])
def test_a_relative_date_resolves_only_against_the_article_date(text, lang):
    assert original_date(text, lang, None) is None  # never against the day the program runs
    ref = original_date(text, lang, SUNDAY)
    assert ref is not None and ref.date is not None
    assert SUNDAY - dt.timedelta(days=7) <= ref.date <= SUNDAY


def test_absolute_dates_keep_their_precision_without_an_article_date():
    def undated(text: str, lang: str) -> DateRef:
        found = original_date(text, lang, None)
        assert found is not None, text
        return found

    assert undated("15. März 2024", "de").date == dt.date(2024, 3, 15)
    assert undated("2022", "de").key == "2022"
    assert undated("Oktober 2024", "de").key == "2024-10"
    assert undated("19 de octubre", "es").key == "--10-19"  # the year comes from the corpus
    assert undated("19. Oktober 2025 um 9:30 Uhr", "de").date == dt.date(2025, 10, 19)


def test_originals_mark_no_time_of_day_or_duration_as_a_date():
    text = "Die Täter kamen gegen 9:30 Uhr und blieben 7 Minuten. Am Sonntag, 19. Oktober, schloss das Museum."
    found = [text[a:b] for a, b in find_dates(text, "de", SUNDAY)]
    assert not any("9:30" in f or "Minuten" in f for f in found), found
    assert any("19. Oktober" in f for f in found), found
