"""When two sources state the same claim, and when they disagree about it.

Two similar sentences from different sources (see select.supporters) are compared on what
can be checked: their figures (money, counts, durations) and their dates.

- They *conflict* when they give different figures for the same quantity (the same kind,
  currency, counted noun or time unit, said with the same words around it: "20 people were
  killed" against "93 people killed"), or dates a few days apart for what reads as the same
  event (the weekday of an event). A conflict is a disagreement, never support.
- One *supports* the other when it does not conflict, states every figure the other states
  (every number of two digits or more, outside dates), names at least half (or three) of
  its people, organisations and places, and shares a word of what it says of them (outside
  the names and their titles; as stems, "met" and "meeting" one word): the same claim with the same figures, names and dates, not
  merely the same topic or the same people. An untranslated sentence is judged on its names
  and figures alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..numbers import Value
from . import text as tx
from .features import Corpus, Unit
from .timeline import DateRef

CLOSE = 0.02  # figures within 2% are the same figure, rounded ("1.35 million" and "1,354,000")
DATE_CONFLICT_DAYS = 7  # two dates of one event further apart than this are two events
NAMED = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")
PLACES = ("GPE", "LOC", "FAC")
SHARED_NAMES = 0.5  # share of a claim's names a supporter must name too
# Words that qualify a figure instead of saying what it measures ("at least", "a total of",
# "another 17", "still missing": "still" may qualify any count): a closed class of English.
QUANTIFIERS = frozenset(
    "least most total another other others more less fewer about around nearly almost some still "
    "only over under just roughly approximately estimated further additional".split()
)
# Words that end what a figure's clause says of it: "killing 20 people and tearing down
# buildings", "73 people were killed when a quake struck" (a closed class of English).
CLAUSE_ENDS = frozenset("and but or while whereas when after before as because since although though which who that".split())
NEGATIONS = frozenset("not no never nor".split())  # "the fate of 290 has not been confirmed" asserts nothing of 290
AFTER = 1  # the content word after a figure and its noun that says what it measures ("on board")
BEFORE = 1  # and before it: the verb of "killing 20 people", not the subject of "officials say 25"


@dataclass(frozen=True)
class Conflict:
    """Two units disagreeing: figure against figure, or date against date."""

    a: Unit
    b: Unit
    said_a: str  # the figure or date as the briefing shows it: "20 people", "15 Oct 2013"
    said_b: str
    what: str  # "figure" or "date"
    key: tuple  # what the two disagree about, so that other sources can be sided with either


def same_figure(va: Value, vb: Value) -> bool:
    if va.kind != vb.kind or va.currency != vb.currency:
        return False
    if va.value <= (vb.high or vb.value) and vb.value <= (va.high or va.value):
        return True  # equal, or ranges that overlap
    if not (_rounded(va) or _rounded(vb)):
        return False  # two figures written out in full: 475 and 476 people are two counts
    return abs(va.value - vb.value) <= CLOSE * max(va.value, vb.value, 1e-9) and va.high is None and vb.high is None


def _rounded(value: Value) -> bool:
    """Said with a scale word or letter ("1.35 million", "$5B"): rounded, not counted. A
    measure ("magnitude 7.1") or a time of day ("9:49 a.m.") is written as exactly as it is known."""
    return value.kind not in ("measure", "time") and any(c.isalpha() for c in value.text.replace(value.noun, ""))


# Verbs that give their subject a new figure ("the toll has risen to 144"): the subject says
# what the figure measures, the verb does not.
# Of those, the verbs of a count that went up ("the toll has risen to 144"): the sentence is a
# later report than those giving less.
RISES = frozenset("rise rises rose risen rising climb climbs climbed climbing jump jumps jumped increase increases "
                  "increased grow grows grew grown".split())
_CHANGES = RISES | frozenset("reach reaches reached stand stands stood total totals totalled totaled".split())


def says_risen(unit: Unit) -> bool:
    """The sentence says a count went up ("the toll has risen to 144"): a later report than
    "20". One that only may go up ("the toll seemed certain to rise", "could climb") says not."""
    words = tx.words(unit.text)
    return any(w in RISES and (i == 0 or words[i - 1] not in _MAY) for i, w in enumerate(words))


_MAY = frozenset("to will would could may might can shall".split())  # before a verb: not said to have happened
# A report that says it is the newest: "in its latest casualty report", "the updated toll".
_LATEST = frozenset("latest updated revised".split())


def says_latest(unit: Unit) -> bool:
    """The sentence says it gives the latest report: its figures replace other sources'."""
    return not _LATEST.isdisjoint(tx.words(unit.text))


def figure_of(said: str) -> float:
    """The number a shown figure gives ("1,354 diamonds" -> 1354, "$5B" -> 5); -1 for none."""
    m = re.match(r"\$?(\d[\d,]*(?:\.\d+)?)", said)
    return float(m.group(1).replace(",", "")) if m else -1.0
# Words that say how sure a figure is, not what it counts ("28 confirmed dead", "300 feared
# dead", "six reported missing"): the word after them does.
_HEDGES = frozenset("confirmed reported believed feared presumed known thought estimated officially".split())
# Words English uses for one measure: a death toll counts the dead, the killed, those who died;
# a duration is how long something took, lasted or was spent on.
_SAME = {"toll": "kill", "dead": "kill", "death": "kill", "die": "kill", "fatal": "kill", "last": "take", "spend": "take"}


def clause(unit: Unit, value: Value) -> tuple[int, int]:
    """Where the figure's own clause starts and ends in the sentence."""
    text = unit.text
    start = max(text.rfind(mark, 0, value.start) for mark in ",;:()") + 1
    ends = [i for i in (text.find(mark, value.end) for mark in ",;:()") if i >= 0]
    return start, min(ends) if ends else len(text)


def words_before(unit: Unit, value: Value) -> list[str]:
    """The words of the figure's clause before it, from the last word opening a clause
    ("killed when a magnitude 7.2 quake": not "killed")."""
    start, _ = clause(unit, value)
    before = tx.words(unit.text[start : value.start])
    opened = max((i + 1 for i, w in enumerate(before) if w in CLAUSE_ENDS), default=0)
    return before[opened:]


def context(unit: Unit, value: Value) -> set[str]:
    """What the figure measures, from its own clause only ("475 on board, 179 rescued": the
    179 is not "on board"), as Snowball stems ("killing" and "killed" are one)."""
    text = unit.text
    _, end = clause(unit, value)

    def content(words: list[str]) -> list[str]:
        return [w for w in tx.content_terms(" ".join(words)) if w not in QUANTIFIERS and w not in _CHANGES and w not in _HEDGES]

    after = tx.words(text[value.end : end])
    stop = next((i for i, w in enumerate(after) if w in CLAUSE_ENDS), len(after))
    before = words_before(unit, value)
    if NEGATIONS & {*before, *after[:stop]} or any(w.endswith("n't") for w in after[:stop]):
        return set()
    noun = set(tx.words(value.noun))
    said = content(before)[-BEFORE:] + [w for w in content(after[:stop]) if w not in noun][:AFTER]
    return {_SAME.get(stem, stem) for stem in (tx.stem(w) for w in said)}


def noun_of(value: Value) -> str:
    """What a count counts, singular and lower-case ("people", "jewel"): one key per quantity."""
    return _noun(value)


COUNTED = ("count", "money")  # figures a story is told by: a toll, a sum (not a magnitude, a time, a date)
# Nouns that count whatever the sentence is about ("nine items", "eight pieces of jewellery"):
# a count of them may be a count of the jewels another source counts.
GENERIC_NOUNS = frozenset("item items piece pieces object objects thing things artefact artefacts artifact artifacts".split())


def is_generic(value: Value) -> bool:
    """The figure counts items, pieces or objects, not a kind of thing."""
    return bool(value.noun) and value.noun.split()[-1].lower() in GENERIC_NOUNS


def _noun(value: Value) -> str:
    head = value.noun.split()[-1].lower() if value.noun else ""
    return re.sub(r"(?:es|s)$", "", head)


def places(unit: Unit, value: Value, corpus: Corpus | None, after: bool = False) -> set[str]:
    """Places named in the figure's clause, or only `after` it: "57 people on Bohol", "15 in
    Cebu" (a place before it, "off Jindo with 476 on board", is where the whole event was)."""
    if corpus is None:
        return set()
    start, end = clause(unit, value)
    said = unit.text[value.end if after else start : end]
    return {e for e in unit.entities if corpus.labels.get(e) in PLACES and corpus.name(e) in said}


def other_sums(va: Value, vb: Value) -> bool:
    """Two amounts ten times apart or more: two different sums, not one disputed."""
    return va.kind == "money" and not 0.1 < va.value / max(vb.value, 1e-9) < 10


def same_quantity(a: Unit, va: Value, b: Unit, vb: Value, corpus: Corpus | None = None) -> bool:
    """Whether two figures measure the same thing: comparable, said with the same word in
    their own clauses (`context`), and not of two different places ("57 on Bohol" and
    "15 in Cebu" are a breakdown)."""
    if va.kind != vb.kind or va.currency != vb.currency:
        return False
    pa, pb = places(a, va, corpus), places(b, vb, corpus)
    if pa and pb and not pa & pb:
        return False
    if va.kind == "count":
        if not (a.english and b.english) or _noun(va) != _noun(vb):
            return False  # counted nouns in two languages cannot be compared here
    elif other_sums(va, vb):
        return False
    return bool(context(a, va) & context(b, vb)) or (va.kind == "duration" and a.english != b.english)


HEDGE = 0.05  # "about 460" does not dispute "476": a hedged figure is rounded to within this share
_HEDGE = re.compile(
    r"\b(?:about|around|some|approximately|roughly|nearly|almost|close to|more than|over|upwards of|an estimated)\s*$", re.I
)


def hedged(unit: Unit, value: Value) -> bool:
    """The figure is said as an approximation ("about 470 passengers", "more than 470 people")."""
    return bool(_HEDGE.search(unit.text[: value.start]))


def near(a: Unit, va: Value, b: Unit, vb: Value) -> bool:
    """A hedged figure and another within its rounding: neither the same claim nor a dispute."""
    return (hedged(a, va) or hedged(b, vb)) and abs(va.value - vb.value) <= HEDGE * max(va.value, vb.value, 1e-9)


def figure_conflicts(a: Unit, b: Unit, corpus: Corpus | None = None) -> list[tuple[Value, Value]]:
    """Figures of `a` and `b` for the same quantity that differ (each matches nothing in the other)."""
    out = []
    for va in a.values:
        if any(same_figure(va, vb) for vb in b.values):
            continue
        for vb in b.values:
            if any(same_figure(vb, x) for x in a.values) or near(a, va, b, vb):
                continue
            if same_quantity(a, va, b, vb, corpus):
                out.append((va, vb))
    return out


def _days(unit: Unit) -> list[DateRef]:
    return [d for d in unit.dates if d.precision == "day" and d.date is not None]


def date_conflicts(a: Unit, b: Unit) -> list[tuple[DateRef, DateRef]]:
    """Day dates of the same event a few days apart, when neither sentence has the other's."""
    da, db = _days(a), _days(b)
    if not da or not db or {d.date for d in da} & {d.date for d in db}:
        return []
    # the `is not None` checks always hold after _days; they tell the type checker so
    return [(x, y) for x in da for y in db
            if x.date is not None and y.date is not None and 0 < abs((x.date - y.date).days) <= DATE_CONFLICT_DAYS][:1]


def conflicts(a: Unit, b: Unit, corpus: Corpus | None = None) -> list[Conflict]:
    found = []
    for va, vb in figure_conflicts(a, b, corpus):
        key = ("figure", va.kind, va.currency, _noun(va), tuple(sorted(context(a, va) & context(b, vb))))
        found.append(Conflict(a, b, va.shown, vb.shown, "figure", key))
    for x, y in date_conflicts(a, b):
        found.append(Conflict(a, b, x.label, y.label, "date", ("date",)))
    return found


def _plain(x: float) -> str:
    return f"{x:.6f}".rstrip("0").rstrip(".")


def names(unit: Unit, corpus: Corpus) -> frozenset[str]:
    return frozenset(e for e in unit.entities if corpus.labels.get(e) in NAMED)


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def numerals(unit: Unit) -> set[str]:
    """The numbers written in a sentence, outside its dates and years, in one spelling
    ("1,354" and "1.354" as 1354; "5,7" and "5.7" as 5.7)."""
    text = unit.text
    taken = [(d.start, d.end) for d in unit.dates]
    out = set()
    for m in _NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or re.fullmatch(r"(?:1\d|20)\d\d", m.group(0)):
            continue
        raw = re.sub(r"(?<=\d)[,.](?=\d{3}(?!\d))", "", m.group(0)).replace(",", ".")
        out.add(raw)
    return out


def supports(claim: Unit, other: Unit, corpus: Corpus) -> bool:
    """`other` states `claim`: no conflict, all of its figures, and most of its names."""
    if conflicts(claim, other, corpus):
        return False
    if not all(any(same_figure(v, w) for w in other.values) for v in claim.values):
        return False
    mine = {n for n in numerals(claim) if len(n.replace(".", "")) > 1}  # one digit: "two", "a 3-2 vote" too common
    if not mine <= numerals(other) | {_plain(w.value) for w in other.values}:
        return False  # "5.7-magnitude" must be in the supporter too
    own = names(claim, corpus)
    if own and len(own & names(other, corpus)) < min(SHARED_NAMES * len(own), 3):
        return False
    if not (claim.english and other.english):
        return True  # an untranslated sentence shares names and figures, not English words
    said = claim_words(claim, corpus)
    return not said or bool(said & claim_words(other, corpus))


def claim_words(unit: Unit, corpus: Corpus) -> set[str]:
    """What a sentence says of its names: its words outside the names it holds, their titles
    ("prosecutor", "vice chairman") and its figures ("$81 million"). Two sentences naming the
    same people and agency state the same claim only when they share one ("KCNA reported Jang
    was dismissed" does not back "KCNA said Jang was executed")."""
    of_names: set[str] = set()
    for e in unit.entities:
        entity = corpus.entities.get(e)
        of_names |= _name_words(corpus.name(e), entity.roles if entity else ())
    for value in unit.values:  # "million", "dollars": the figure is compared as a figure, not a word
        of_names |= set(tx.words(value.text))
    said = (t.removesuffix("'s").removesuffix("’s") for t in unit.terms if t[:1] not in "@#%")
    return {tx.stem(t) for t in said if t not in of_names}  # "meeting" and "met" are one word


@lru_cache(maxsize=8192)
def _name_words(name: str, roles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for text in (name, *roles) for w in tx.words(text))
