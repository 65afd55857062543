"""The briefing: structure, citations, selection rules, one-screen fitting, dates."""

from __future__ import annotations

import datetime as dt

import pytest
from rich.cells import cell_len

from briefing.brief import build, fit_text
from briefing.brief.timeline import find_dates
from facts import seed_analysis


@pytest.fixture(scope="session")
def english_only():
    return seed_analysis(provided=False)


@pytest.fixture(scope="session")
def provided():
    return seed_analysis(provided=True)


def _lines(b):
    return [*b.bottom_line, *b.key_facts, *b.players, *b.numbers, *b.timeline, *b.differences]


@pytest.mark.parametrize("which", ["english_only", "provided"])
def test_every_line_cites_existing_english_sentences(which, request):
    analysis = request.getfixturevalue(which)
    b = build(analysis)
    notes = {s.article_id: s.note for s in b.sources}
    assert [s.note for s in b.sources] == list(range(1, len(analysis.articles) + 1))
    assert 3 <= len(b.key_facts) <= 6 and len(b.bottom_line) in (1, 2)
    for line in _lines(b):
        assert line.citations, line.text
        assert line.agree == len({c.article_id for c in line.citations})
        for c in line.citations:
            assert 0 <= c.sentence < len(analysis.views[c.article_id].sentences)
            assert c.note == notes[c.article_id]


def test_build_is_deterministic(provided):
    assert build(provided) == build(provided)


def test_default_focus_is_the_talks_organisations(provided):
    focus = build(provided).focus
    assert {"OpenAI", "SoftBank"} <= set(focus) and any(f.startswith("Samsung") for f in focus)


def test_focus_override_changes_the_selection(provided):
    b = build(provided, focus=["Kakao"])
    assert b.focus == ("Kakao",)
    assert sum("Kakao" in l.text for l in b.key_facts) >= 2


def test_off_topic_tail_and_boilerplate_never_selected(english_only, provided):
    for analysis in (english_only, provided):
        text = " ".join(l.text for l in _lines(build(analysis)))
        assert "Woolf" not in text and "Flickering" not in text
        assert "Advertisement" not in text and "lee.jaelim@" not in text
        assert "[YOMHAP]" not in text


def test_key_facts_are_not_the_first_sentences(provided):
    b = build(provided)
    firsts = {(a.id, 0) for a in provided.articles} | {(a.id, 1) for a in provided.articles}
    picked = {(l.citations[0].article_id, l.citations[0].sentence) for l in b.key_facts}
    assert picked - firsts, "selection should reach beyond the lead sentences"


def test_sources_differ_on_the_verdict_only_with_translations(english_only, provided):
    def verdicts(b):
        return [l for l in b.differences if "guilty" in l.text and "acquitted" in l.text]

    assert verdicts(build(provided)), [l.text for l in build(provided).differences]
    assert len(verdicts(build(provided))[0].citations) == 2
    assert not verdicts(build(english_only))  # the Hungarian and Vietnamese are unread


def test_untranslated_articles_still_count(english_only):
    b = build(english_only)
    untranslated = {s.note for s in b.sources if s.provenance.value == "untranslated"}
    assert len(untranslated) == 3
    assert "3 untranslated" in b.coverage[0].text
    cited = {c.note for l in [*b.players, *b.numbers] for c in l.citations}
    assert cited & untranslated, "entities and figures of untranslated articles are language-independent"


def test_numbers_are_normalised_and_grouped(provided):
    text = "\n".join(l.text for l in build(provided).numbers)
    assert "$500B" in text and "$15-20B" in text and "$175B, $340B" in text
    stargate = next(l for l in build(provided).numbers if l.text.startswith("$500B"))
    assert stargate.agree >= 2


def test_timeline_resolves_relative_dates_across_articles(provided):
    timeline = build(provided).timeline
    labels = [l.text.split(":")[0] for l in timeline]
    assert "25 Jan 2024" in labels  # "last Thursday" in a story dated 31 Jan 2024
    feb4 = next(l for l in timeline if l.text.startswith("4 Feb 2025"))
    assert feb4.agree >= 2  # "February 4" without a year joins the dated story


@pytest.mark.parametrize("size", [(100, 30), (80, 24), (120, 40), (60, 16), (40, 10)])
def test_fit_text_never_overflows(provided, size):
    cols, rows = size
    text = fit_text(build(provided), size)
    lines = text.split("\n")
    assert len(lines) <= rows
    assert max(cell_len(l) for l in lines) <= cols


def test_fit_text_keeps_the_essentials_at_80x24(provided, english_only):
    for analysis in (provided, english_only):
        text = fit_text(build(analysis), (80, 24))
        assert "BOTTOM LINE" in text and "KEY FACTS" in text and "SOURCES" in text
        assert text.count("\n") == 23  # the screen is used, not left half empty
        body = text.split("KEY FACTS", 1)[1].split("PLAYERS", 1)[0]
        assert body.count("[") >= 3  # at least three cited facts


def test_fit_text_uses_the_screen_at_100x30(provided):
    text = fit_text(build(provided), (100, 30))
    for label in ("PLAYERS", "NUMBERS", "TIMELINE", "DIFFERENCES"):
        assert label in text


def test_fit_text_strips_control_characters(provided):
    from dataclasses import replace

    from briefing.model import Line

    b = build(provided)
    evil = replace(b, key_facts=(Line("Bad \x1b[31mred\x1b[0m \u202eevil", b.key_facts[0].citations),) + b.key_facts[1:])
    text = fit_text(evil, (100, 30))
    assert "\x1b" not in text and "\u202e" not in text


def test_dates_resolve_against_the_article_date():
    wednesday = dt.date(2024, 1, 31)
    found = {d.text: d for d in find_dates("He came last Thursday, last week, on Friday and last month, in 2015.", wednesday)}
    assert found["last Thursday"].date == dt.date(2024, 1, 25)
    assert found["last week"].key == "2024-01-22/week"
    assert found["on Friday"].date == dt.date(2024, 1, 26)
    assert found["last month"].key == "2023-12"
    assert found["in 2015"].key == "2015"
    tuesday = dt.date(2025, 2, 4)
    found = {d.text: d for d in find_dates("on Tuesday afternoon; February 4; the day before; last June", tuesday)}
    assert found["on Tuesday afternoon"].date == tuesday
    assert found["February 4"].date == tuesday
    assert found["the day before"].date == dt.date(2025, 2, 3)
    assert found["last June"].key == "2024-06"


def test_relative_dates_without_an_article_date_stay_unresolved():
    found = find_dates("on Friday, on 4 February", None)
    assert [d.key for d in found] == [None, "--02-04"]
