"""One screen as a budgeted coverage of the corpus's concepts.

The concept-coverage model of multi-document summarisation (Gillick and Favre 2009; Lin and
Bilmes 2011): each sentence holds concepts (entities, figures, dates, salient terms), each
concept weighs as many sources as state it, and the screen should hold the most total
weight of distinct concepts. Greedy with the ratio gain / cost**SCALE is the standard
approximation; one `Record` of what is already said is shared by every section,
so nothing earns its place twice.

Constants, each checked on every development corpus (bench/quality.py), none tuned to one:
- TERM_WEIGHT: a salient word says less than a name, a figure or a date (0.5 of a source).
- SCALE: Lin and Bilmes' cost exponent. 1 (new weight per character, as the screen's budget
  is characters) beat 0.5 and 0.75 on every development corpus: below 1 long sentences won
  rows that shorter ones covered better (bench/quality.py, Bohol with translations 10 -> 11).
- POSITION: news states what matters first (the inverted pyramid): the first sentence of an
  article's body counts 3 times, the second twice, the tenth 1.2 times. Measured 0, 1, 1.5, 2,
  3 on every development corpus: 2 lost no fact anywhere and gained Ludian's (English only
  8 -> 9, with translations 11 -> 12); 3 lost one on Jang (with translations).
- FOCUS / USER_FOCUS (briefing/brief): a focus the user typed weighs more; without one the
  title names the most central organisations, which steer nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from . import text as tx
from .features import Corpus, Unit

TERM_WEIGHT = 0.5
C = TypeVar("C")  # a candidate line: anything with a unit (Scored, Quote)
FOCUS = 0.0  # the corpus's own most central organisations: already weighted by their sources
# A word or name said once in the whole corpus is not a concept of it. For names, measured
# on every development corpus against weighing them 0.25, 0.5 and 1 (bench/quality.py): 0
# and 0.25 gave Sewol English-only one fact more and changed no other figure.
MIN_TERM_SOURCES = 2
SCALE = 1.0
LEAD_SENTENCES = 2
POSITION = 2.0  # news puts what matters first: the n-th sentence of a body counts 1 + POSITION / n


def concepts(unit: Unit) -> set[str]:
    """What a sentence says that can be counted: its names, figures, dates and words."""
    out = {"@" + e for e in unit.entities}
    out |= {"#" + v.normalised for v in unit.values}
    out |= {"%" + d.key for d in unit.dates if d.key and d.precision in ("day", "monthday", "month")}
    out |= {"w:" + t for t in unit.terms if t[:1] not in "@#%"}
    return out


def weights(corpus: Corpus) -> dict[str, float]:
    """Concept -> number of sources stating it (words: TERM_WEIGHT each). Words and names
    count only when said more than once: in two sources, or in two sentences of one (a
    name said once in the whole corpus, "Sejong the Great" in one line of a timeline, is
    a detail of that line, not what the corpus is about); a figure or date said once may
    be the story's (one source's toll)."""
    sources, sentences = _stated(u for u in corpus.units if u.usable)
    out = {}
    for c, arts in sources.items():
        once = len(arts) < MIN_TERM_SOURCES and sentences[c] < MIN_TERM_SOURCES
        if c.startswith("w:"):
            if not once:
                out[c] = TERM_WEIGHT * len(arts)
        elif not (once and c.startswith("@")):
            out[c] = float(len(arts))
    return out


def _stated(units: Iterable[Unit]) -> tuple[dict[str, set[str]], dict[str, int]]:
    """Concept -> the articles stating it, and the number of sentences that do."""
    sources: dict[str, set[str]] = defaultdict(set)
    sentences: dict[str, int] = defaultdict(int)
    for unit in units:
        for c in concepts(unit):
            sources[c].add(unit.article.id)
            sentences[c] += 1
    return sources, sentences


def lead_weights(corpus: Corpus) -> dict[str, float]:
    """Concept -> number of sources whose lead states it (words: TERM_WEIGHT each): what the
    articles open on is the main event, who, what, where and when."""
    sources, _ = _stated(u for u in corpus.units if u.usable and is_lead(u, corpus))
    return {c: (TERM_WEIGHT if c.startswith("w:") else 1.0) * len(arts) for c, arts in sources.items() if len(arts) >= MIN_TERM_SOURCES}


def position(unit: Unit, corpus: Corpus) -> int:
    """The sentence's place in its article's body, 0 for the first (furniture and headings left out)."""
    body = corpus.bodies[unit.article.id]
    return body.get(unit.key, len(body))


def is_body(unit: Unit, corpus: Corpus) -> bool:
    """Part of its article's body: not a heading, a dateline or other short line of furniture."""
    return unit.key in corpus.bodies[unit.article.id]


def is_lead(unit: Unit, corpus: Corpus) -> bool:
    """One of the first sentences of its article's body (the lead of the inverted pyramid)."""
    return position(unit, corpus) < LEAD_SENTENCES


class Record:
    """What the screen already says: concepts covered and sentences used, across sections."""

    def __init__(self, corpus: Corpus, focus: Iterable[str] = (), boost: float = 1.0) -> None:
        self.corpus = corpus
        self.weight = weights(corpus)
        for f in focus:  # what the reader asked about counts once more per source naming it
            key = "@" + f if not f.startswith("word:") else "w:" + f[5:]
            if key in self.weight:
                self.weight[key] *= 1 + boost
        self.covered: set[str] = set()
        self.used: set[tuple[str, int]] = set()
        self.texts: set[str] = set()  # a sentence repeated in a page (summary, body) is said once

    def copy(self) -> Record:
        other = Record.__new__(Record)
        other.corpus, other.weight = self.corpus, self.weight
        other.covered, other.used, other.texts = set(self.covered), set(self.used), set(self.texts)
        return other

    def gain(self, unit: Unit, shown: str | None = None) -> float:
        """Weight of what `unit` would add to the screen (only what `shown`, its text as
        shortened for the screen, still says)."""
        new = sum(self.weight.get(c, 0.0) for c in self.visible(unit, shown) - self.covered)
        return new * (1 + POSITION / (1 + position(unit, self.corpus)))

    def visible(self, unit: Unit, shown: str | None) -> set[str]:
        """The unit's concepts that `shown` still states (all of them when it is None)."""
        every = concepts(unit)
        if shown is None or shown == unit.text:
            return every
        lower = shown.lower()
        terms = set(tx.words(shown))
        kept = set()
        for c in every:
            kind, value = c[0], c[1:]
            if c.startswith("w:"):
                ok = c[2:] in terms
            elif kind == "@":
                ok = any(w in terms for w in tx.words(self.corpus.name(value))) or unit.english is False
            elif kind == "#":
                ok = any(v.text.lower() in lower for v in unit.values if v.normalised == value)
            else:
                ok = any(d.text.lower() in lower for d in unit.dates if d.key == value)
            if ok:
                kept.add(c)
        return kept

    def add(self, units: Iterable[Unit], shown: str | None = None) -> None:
        for unit in units:
            self.used.add(unit.key)
            self.texts.add(" ".join(unit.text.split()))
            self.covered |= self.visible(unit, shown)

    def said(self, unit: Unit) -> bool:
        return unit.key in self.used or " ".join(unit.text.split()) in self.texts


def _unit(c: Any) -> Unit:
    return c.unit


def _no_bonus(c: Any) -> float:
    return 0.0


def _nothing(c: Any) -> tuple[Unit, ...]:
    return ()


def greedy(candidates: Sequence[C], record: Record, k: int, shown: Callable[[C], str], unit_of: Callable[[C], Unit] = _unit,
           bonus: Callable[[C], float] = _no_bonus, also: Callable[[C], Iterable[Unit]] = _nothing) -> list[C]:
    """Up to k candidates, each the best gain / cost**SCALE (times 1 + `bonus`) over what is
    said, where `shown(c)` is the text the screen would show and its length the cost;
    `also(c)`: sentences that say the same (another source's), said with it.

    A candidate adding nothing new is never taken. Ties go to the earlier candidate.
    """
    picked: list[C] = []
    rest = list(candidates)
    texts = {id(c): shown(c) for c in rest}
    while rest and len(picked) < k:
        def value(c: C) -> float:
            text = texts[id(c)]
            if record.said(unit_of(c)):
                return -1.0  # said already, in another source's words
            g = record.gain(unit_of(c), text)
            return g / max(1.0, len(text)) ** SCALE * (1 + bonus(c)) if g > 0 else -1.0

        best = max(range(len(rest)), key=lambda i: value(rest[i]))
        if value(rest[best]) <= 0:
            break
        choice = rest.pop(best)
        picked.append(choice)
        record.add([unit_of(choice)], texts[id(choice)])
        record.used.update(u.key for u in also(choice))  # the sentences stating the same claim
    return picked
