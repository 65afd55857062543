"""The cheap tests tried before a slow pattern never turn away a text the pattern matches.

Each property builds texts from the pieces the patterns look for (in odd cases, letters
re.I folds: İ, ı, ſ, the Kelvin sign) and checks the shortcut against the pattern itself.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import numbers

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


@given(TIMES)
@QUICK
def test_may_hold_time_is_false_only_without_a_time_of_day(text: str) -> None:
    if numbers.TIME_OF_DAY.search(text):
        assert numbers.may_hold_time(text)
