"""Properties of the text path (bytes -> decode -> sanitize -> cleaning -> sentences), checked with hypothesis.

Whatever the bytes: no crash but a one-line UserError, nothing unsafe comes out (by
briefing.sanitize's own rule: sanitising the output again removes nothing), sentence
offsets point into the text, and the time grows linearly with the size.
"""

from __future__ import annotations

import io
import time

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from briefing import cleaning, corpus, sanitize, sentences, textfile
from briefing.errors import UserError

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# What an attacker puts in a file: CSI with odd parameters, OSC (clipboard, title,
# hyperlink) with either terminator or none, DCS/APC/PM, 8-bit forms, bidi overrides.
ESCAPES = st.one_of(
    st.builds(lambda p, f: f"\x1b[{p}{f}", st.text("0123456789;?:<>= ", max_size=12), st.sampled_from("mJKHfABCDsuhl@~")),
    st.builds(
        lambda k, body, end: f"\x1b]{k};{body}{end}",
        st.sampled_from(["0", "2", "8", "52", "1337"]),
        st.text(max_size=20),
        st.sampled_from(["\x07", "\x1b\\", "\x9c", ""]),
    ),
    st.builds(lambda k, body: f"\x1b{k}{body}\x1b\\", st.sampled_from("PX^_"), st.text(max_size=20)),
    st.sampled_from(
        ["\x1b", "\x1bc", "\x1b(0", "\x9b31m", "\x9d0;x\x07", "\u202e", "\u2066", "\u200b", "\ufeff", "\x00", "\x7f", "\r", "\t"]
    ),
)
PROSE = st.sampled_from(
    [
        "Samsung met OpenAI in Seoul. ",
        "Dr. J. Smith of the U.S. said so! ",
        "„Wir sehen“, sagte er am 4. Februar 2025. ",
        "A találkozó 2024. március 15. napján volt. ",
        "会議は東京で開かれた。",
        "Руководители встретились в Сеуле. ",
        "\n\n",
        "\n",
        "BY LEE JAE-LIM [lee.jaelim@joongang.co.kr]\n",
        "- Advertisement -\n",
        "[link](http://x) # heading\n",
    ]
)
HOSTILE_TEXT = st.lists(st.one_of(PROSE, ESCAPES, st.text(max_size=30)), max_size=40).map("".join)


def _clean_by_the_rule(text: str) -> bool:
    return sanitize.text(text) == (text, ())


def _check_article(text: str, source: str = "a.txt") -> None:
    try:
        article = corpus.parse(text, source)
    except UserError as error:
        assert "\n" not in str(error)
        return
    body = article.text
    for piece in (body, article.title, article.byline or "", *(r.text for r in article.removed)):
        assert _clean_by_the_rule(piece), repr(piece)
    last = 0
    for s in article.sentences:
        assert last <= s.start < s.end <= len(body)
        assert body[s.start : s.end] == s.text and "\n" not in s.text
        assert s.text in article.paragraphs[s.paragraph]
        last = s.end


@QUICK
@given(st.binary(max_size=4_000))
def test_random_bytes_decode_or_are_refused_in_one_line(data):
    try:
        read = textfile.from_bytes(data)
    except UserError as error:
        assert "\n" not in str(error)
        return
    assert _clean_by_the_rule(read.text)
    _check_article(read.text)


@QUICK
@given(HOSTILE_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_hostile_text_in_any_encoding_comes_out_safe(text, codec):
    data = text.encode(codec, "replace")
    try:
        read = textfile.from_bytes(data)
    except UserError as error:
        assert "\n" not in str(error)
        return
    assert _clean_by_the_rule(read.text)
    if "\x1b" in text:
        assert read.stripped  # what was removed is reported, never dropped silently
    _check_article(read.text, "a.md" if len(text) % 2 else "a.txt")


@QUICK
@given(st.text(max_size=3_000), st.sampled_from(["en", "de", "hu", "ja", "vi"]))
def test_sentences_of_random_unicode_are_exact_and_ordered(text, lang):
    last = 0
    for start, end in sentences.split(text, lang):
        assert last <= start < end <= len(text)
        assert "\n" not in text[start:end] and text[start:end] == text[start:end].strip()
        last = end


@QUICK
@given(st.text(max_size=3_000), st.sampled_from(["en", "de"]), st.booleans())
def test_cleaning_keeps_or_reports_every_line(text, lang, markdown):
    text, _ = sanitize.text(text)
    cleaned = cleaning.clean(text, lang, markdown=markdown)
    assert all(p and p == p.strip() and "\n" not in p for p in cleaned.paragraphs)
    assert all(r.line >= 1 for r in cleaned.removed)


LIMIT = textfile.MAX_ARTICLE_BYTES
SIZES = st.one_of(st.integers(1, LIMIT + 10), st.integers(LIMIT - 1_000, LIMIT + 1), st.sampled_from([LIMIT, LIMIT + 1]))


@FEW
@given(PROSE.filter(lambda p: p.strip()), SIZES)
def test_sizes_up_to_the_limit_load_and_beyond_are_refused(unit, size):
    data = (unit.encode("utf-8") * (size // len(unit.encode("utf-8")) + 1))[:size]
    try:
        read = textfile.from_bytes(textfile.read_bounded(io.BytesIO(data)))
    except UserError as error:
        assert "\n" not in str(error)
        assert size > LIMIT or "empty" in str(error), str(error)  # only an over-long or blank text is refused
        return
    assert size <= LIMIT
    _check_article(read.text)


def _load_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(3):  # the best of three, in CPU time: the machine is shared
        started = time.process_time()
        corpus.parse(textfile.from_bytes(text.encode("utf-8")).text, "a.txt")
        best = min(best, time.process_time() - started)
    return best


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(PROSE, ESCAPES), min_size=3, max_size=12)
    .map(lambda parts: "".join(parts).replace("\x00", ""))
    .filter(lambda t: len(sanitize.text(t)[0].strip()) > 20)
)
def test_loading_time_is_linear_in_the_size(unit):
    small = (unit * (40_000 // len(unit) + 1))[:40_000]
    large = (unit * (160_000 // len(unit) + 1))[:160_000]
    try:
        for text in (small, large):  # cut at another place, the larger may hold only bylines where the smaller did not
            corpus.parse(textfile.from_bytes(text.encode("utf-8")).text, "a.txt")
    except UserError:
        assume(False)  # only bylines and adverts: refused at once, in one line, and nothing to time
    ratio = _load_seconds(large) / max(_load_seconds(small), 1e-4)
    assert ratio < 8, f"4x the text took {ratio:.1f}x the time"


FIGURES = st.lists(st.sampled_from([
    "killing at least 20 people", "476 people on board", "a 7.2-magnitude quake", "magnitude of 6.1,", "32 m deep",
    "M 7.1", "5%", "the toll rose to 144.", "word12 m", "about 470 passengers", ", and", "(", ")", ":", " - ", "“", "'",
    "not", "in 2012", "7.", "1,354,000 diamonds", "$500 billion", "M", "magnitude", " ",
    "at 9:51 a.m.", "7:49 p.m. US Eastern time", "9:49:52", "as of 4 a.m.", "at about 9 a.m.", "13:61", "Leyte launched",
    "local time", "(UTC-5)", "twenty-four hours", "One hundred seventy-four others",
]), min_size=1, max_size=12).map(" ".join)


@given(FIGURES)
@QUICK
def test_what_a_figure_measures_is_read_from_any_sentence_without_error(text: str) -> None:
    """Every figure and measure of any run of figure-like words gets its words and a phrase
    holding it (disputes.measures, claims.context, disputes.phrase), whatever the punctuation."""
    from briefing.brief import claims, clock, disputes
    from briefing.numbers import find_values

    class Sentence:  # what the three read of a unit: its text and its values
        def __init__(self, text: str) -> None:
            self.text, self.values = text, tuple(find_values(text, "en"))

    unit = Sentence(text)
    for value in (*unit.values, *disputes.measures(unit)):  # type: ignore[arg-type]
        assert text[value.start : value.end] == value.text
        claims.context(unit, value)  # type: ignore[arg-type]
        said = disputes.phrase(unit, value)  # type: ignore[arg-type]
        assert " ".join(value.text.split()).strip(",.;:\"“” ") in said, (said, value.text)
    for value in clock.times(unit):  # type: ignore[arg-type]
        assert text[value.start : value.end] == value.text and 0 <= value.value < 24 * 60, value
        clock.context(unit, value)  # type: ignore[arg-type]
        assert clock.phrase(unit, value) in " ".join(text[: value.start].split())  # type: ignore[arg-type]
