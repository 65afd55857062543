"""The cheap tests tried before a slow pattern never turn away a text the pattern matches.

Each property builds texts from the pieces the patterns look for (in odd cases, letters
re.I folds: İ, ı, ſ, the Kelvin sign) and checks the shortcut against the pattern itself.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing import numbers
from briefing.brief import differences, timeline
from briefing.brief import text as tx

QUICK = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def pieces(words: list[str]) -> st.SearchStrategy[str]:
    """Runs of the given words, their case changed, glued with or without spaces."""
    word = st.sampled_from(words).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title(), w.swapcase()]))
    glue = st.sampled_from(["", " ", "  ", ", ", "-", "(", "\u00a0", "İ", "ı", "ſ", "\u212a"])
    return st.lists(st.tuples(word, glue), min_size=1, max_size=8).map(lambda parts: "".join(w + g for w, g in parts))


# each form of TIME_OF_DAY, and near misses, in some context
TIME_FORMS = [
    "9:30", "9 : 30", "12：05", "9:30 a.m.", "9:30 P. M.", "9:30 Uhr", "9.30 Uhr", "9.30 h", "9H30", "9h30", "9.30 óra",
    "9 a.m.", "9 am", "9 Uhr", "9uhr", "9PM", "9 o'clock", "9 giờ", "9 órakor", "9時", "午前９時３０分", "下午 3 点", "3點", "9.3", "9 h",
    "word9:30", "x9h30", "1234", "9 amid", "$9.30",
]
TIMES = st.lists(
    st.tuples(
        st.sampled_from(["", " ", "at ", "(", "word", "9"]),
        st.sampled_from(TIME_FORMS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.swapcase()])),
        st.sampled_from(["", " ", ".", ")", "s", "word"]),
    ).map("".join),
    min_size=1, max_size=3,
).map(" ".join)
OUTCOMES = pieces([
    "found guilty", "not guilty", "guilty", "convicted", "sentenced", "acquitted", "found innocent", "cleared of",
    "exonerated", "approved", "accepted", "rejected", "refused", "blocked", "attended", "joined", "took part",
    "did not attend", "skipped", "absent", "resigned", "stepped down", "remain in office", "remains in office",
    "stayed on", "refused to resign", "confirmed", "admitted", "acknowledged", "denied", "denies", "deny",
    "rejected the claims", "rejected reports", "won", "wins", "elected", "victory", "lost", "loses", "defeated",
    "conceded", "the", "he", "wonder", "winsome", "ſ",
])
UNCONFIRMED = pieces([
    "did not confirm", "did not directly confirm", "would not confirm", "not confirm", "nor yet confirm",
    "no official announcement", "no official confirmation", "no official statement", "has not been confirmed",
    "has not been announced", "remain unclear", "remains unclear", "unconfirmed", "could not be verified",
    "could not be independently verified", "no specifics", "neither", "would confirm", "declined", "refused",
    "did not", "would not", "could not", "was not available", "immediately", "to", "comment", "respond", "reply",
    "be reached", "answer", "no comment", "did not return", "not immediately available", "not responded to a request",
    "not respond to requests", "no", "official", "not", "confirm", "has", "been", "the company",
])


@given(TIMES)
@QUICK
def test_may_hold_time_is_false_only_without_a_time_of_day(text: str) -> None:
    if numbers.TIME_OF_DAY.search(text):
        assert numbers.may_hold_time(text)


@given(OUTCOMES)
@QUICK
def test_outcome_words_are_in_every_text_an_outcome_pattern_matches(text: str) -> None:
    low = differences.tx.folded(text)
    assert differences._states_outcome(text, low) == bool(differences._ANY_OUTCOME.search(text))
    for yes_side, no_side, _ in differences._OPPOSITES:
        for pattern, words in (yes_side, no_side):
            if pattern.search(text):
                assert any(w in low for w in words)


@given(UNCONFIRMED)
@example("Nodid not comment official statement.")  # the refusal goes, and "no official statement" is left
@example("It remains unclear.")
@QUICK
def test_says_unconfirmed_is_the_search_after_the_refusals_go(text: str) -> None:
    expected = differences.UNCONFIRMED.search(differences.REFUSAL.sub("", text)) is not None
    assert differences.says_unconfirmed(text) == expected


DATES = pieces([
    "2024", "1999", "2024-01-31", "x2024", "12", "4th", "of", "March", "Sept.", "sept", "ſeptember", "may", "Tuesday",
    "on", "last", "this", "next", "since", "previous", "past", "earlier this", "later this", "week", "month", "year",
    "morning", "afternoon", "evening", "night", "yesterday", "the day before", "a day earlier", "previous day",
    "today", "tonight", "in", "By", "as", "when", "begins", "ended", "day", "monday", "sunday",
])


@given(DATES, st.sampled_from([None, dt.date(2024, 3, 5)]))
@QUICK
def test_find_dates_skips_only_patterns_that_find_nothing(text: str, base: dt.date | None) -> None:
    assert timeline.find_dates(text, base) == timeline.matches(text, timeline._PATTERNS, base)  # every pattern tried


@given(st.text(alphabet=st.sampled_from("aZ9_-'’ İıſ\u212aé,."), max_size=30) | DATES)
@QUICK
def test_words_lowers_the_same_words(text: str) -> None:
    assert tx.words(text) == [w.lower().replace("’", "'") for w in tx._WORD.findall(text)]


COUNTS = pieces([
    "1", "9", "12", "90", "123", "1234", "$5", "x9", "9.5", "-3", ":4", "a hundred", "one", "twenty-four", "Thirteen", "ſix", "nıne",
    "dozen", "zero", "hundred", "thousand", "someone", "often", "people", "diamonds", "ago", "years", "minutes", "and",
])


@given(COUNTS)
@QUICK
def test_number_word_and_small_count_tests_turn_away_no_match(text: str) -> None:
    for low in (numbers._folded(text), text.lower()):
        assert numbers._starts_number_word(low) == bool(numbers._NUMBER_WORD_START.search(low))
    if numbers._SMALL_COUNT.search(text):
        assert numbers._may_hold_small_count(text, numbers._folded(text))
