"""The cheap tests tried before a slow pattern never turn away a text the pattern matches.

Each property builds texts from the pieces the patterns look for (in odd cases, letters
re.I folds: İ, ı, ſ, the Kelvin sign) and checks the shortcut against the pattern itself.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from briefing import numbers
from briefing.brief import differences

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
    assert differences._states_outcome(text) == bool(differences._ANY_OUTCOME.search(text))
    for (yes_re, no_re, _), (yes_words, no_words) in zip(differences._OPPOSITES, differences._OPPOSITE_WORDS, strict=True):
        if yes_re.search(text):
            assert any(w in low for w in yes_words)
        if no_re.search(text):
            assert any(w in low for w in no_words)


@given(UNCONFIRMED)
@example("Nodid not comment official statement.")  # the refusal goes, and "no official statement" is left
@example("It remains unclear.")
@QUICK
def test_says_unconfirmed_is_the_search_after_the_refusals_go(text: str) -> None:
    expected = differences.UNCONFIRMED.search(differences.REFUSAL.sub("", text)) is not None
    assert differences.says_unconfirmed(text) == expected
