"""Which sentences are candidates: scoring, and support and conflicts across sources.

score = relevance to the focus entities + centrality in the corpus + support from other
sources + information (names, numbers, dates). Only a bounded pool of the best-scored
sentences is compared with the rest of the corpus, so a build grows linearly with it.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from . import claims
from . import text as tx
from .claims import Conflict
from .features import Corpus, Unit

WEIGHTS = {"relevance": 0.35, "centrality": 0.2, "support": 0.25, "information": 0.2}
POOL = 60  # sentences compared against the whole corpus
SUPPORT_SIMILARITY = 0.28  # cosine above which another source's sentence may back a claim (claims.supports decides)
CONFLICT_SIMILARITY = 0.25  # cosine above which two sentences with other figures may be about the same thing (claims decides)
ECHO_SIMILARITY = 0.15  # cosine above which another source says something like it: not "Only [n]"
ORG_LABELS = {"ORG"}


def default_focus(corpus: Corpus, limit: int = 3) -> tuple[str, ...]:
    """The organisations mentioned by the most sources (two at least), then most often, that
    are not outlets or places (players.named_otherwise): entity ids."""
    from .players import named_otherwise  # players imports this module
    mentions: Counter[str] = Counter()
    spread: Counter[str] = Counter()  # articles naming it in their story, not in their page's furniture ("VOA's reporter")
    for article_units in corpus.by_article.values():
        story = [u.entities for u in article_units if u.usable]
        mentions.update(e for entities in story for e in entities)
        spread.update(set().union(*story))
    n = max(1, len(corpus.by_article))
    shared = 2 if n > 1 else 1  # what one source alone names is not what the corpus is about
    orgs = [e for e in mentions
            if corpus.labels.get(e) in ORG_LABELS and spread[e] >= shared and not named_otherwise(e, corpus)]
    # central = often mentioned, by many sources (a single source's pet company stays out)
    ranked = sorted(orgs, key=lambda e: (-mentions[e] * (spread[e] / n) ** 0.5, e))
    return tuple(distinct(ranked, corpus, limit))


def distinct(ids: Iterable[str], corpus: Corpus, limit: int) -> list[str]:
    """The first `limit` ids, leaving out an entity whose name is part of one already kept
    ("Samsung" after "Samsung Electronics")."""
    kept: list[str] = []
    kept_words: list[set[str]] = []
    for e in ids:
        if len(kept) == limit:
            break
        words = set(tx.words(corpus.name(e)))
        if any(words <= other or other <= words for other in kept_words):
            continue
        kept.append(e)
        kept_words.append(words)
    return kept


def resolve_focus(corpus: Corpus, names: Sequence[str]) -> tuple[str, ...]:
    """Focus names typed by the user ("Samsung, OpenAI") to entity ids, or kept as words."""
    resolved: list[str] = []
    for name in names:
        wanted = name.strip().lower()
        if not wanted:
            continue
        best = None
        for eid, display in corpus.names.items():
            entity = corpus.entities.get(eid)
            aliases = [display, *(entity.aliases if entity else ())]
            if any(wanted == a.lower() for a in aliases):
                best = eid
                break
            if best is None and any(wanted in a.lower() for a in aliases):
                best = eid
        resolved.append(best or "word:" + wanted)
    return tuple(dict.fromkeys(resolved))


def relevance(unit: Unit, focus: Sequence[str]) -> float:
    if not focus:
        return 0.0
    lower = unit.text.lower()
    hits = sum(1 for f in focus if f in unit.entities or (f.startswith("word:") and f[5:] in lower))
    return hits / len(focus)


def information(unit: Unit) -> float:
    return min(1.0, (len(unit.entities) + 2 * len(unit.values) + 2 * len(unit.dates)) / 8)


@dataclass
class Scored:
    unit: Unit
    score: float
    support: tuple[Unit, ...]  # the sentence of each other source that states the same claim
    conflicts: tuple[Conflict, ...] = ()  # other sources' sentences giving another figure or date
    echoed: bool = False  # some other source says something like it (so never "Only [n]")
    outdated: bool = False  # another source's latest report gives its quantity another figure (disputes.outdated)

    @property
    def agree(self) -> int:
        return 1 + len(self.support)

    @property
    def superseded(self) -> bool:
        """A source published later, or saying it reports the latest, gives another figure or
        date for it: the story moved on."""
        if self.outdated:
            return True
        mine = self.unit.article.date
        return mine is not None and any(c.b.article.date and c.b.article.date > mine for c in self.conflicts)

    @property
    def contested(self) -> tuple[Conflict, ...]:
        """Its conflicts with sources not published before it: an earlier report giving another
        figure ("93 dead" on the 15th, "144" on the 16th) is what the story moved on from, not
        a dispute; sources of the same day, or undated, do dispute it, unless it says the count
        has risen to its figure from theirs."""
        mine = self.unit.article.date
        return tuple(c for c in self.conflicts if not (mine and c.b.article.date and c.b.article.date < mine)
                     and not (self.risen and c.what == "figure" and claims.figure_of(c.said_a) > claims.figure_of(c.said_b)))

    @cached_property
    def risen(self) -> bool:
        return claims.says_risen(self.unit)

    @property
    def disputed(self) -> bool:
        """Other sources giving other figures or dates are at least as many as those agreeing."""
        others = {c.b.article.id for c in self.contested}
        return len(others) >= self.agree


def _prescore(unit: Unit, corpus: Corpus, focus: Sequence[str]) -> float:
    return (
        WEIGHTS["relevance"] * relevance(unit, focus)
        + WEIGHTS["centrality"] * tx.cosine(unit.vec, corpus.centroid)
        + WEIGHTS["information"] * information(unit)
    )


@dataclass
class Index:
    """The usable units by the less common terms they hold, to find similar sentences fast.

    postings: term -> places in `units` of the units holding it, and their weights for it,
    leaving out terms too common to tell sentences apart. `common` is each unit's length
    over the terms left out. `vector_of` numbers each unit's terms as listed (one number for
    units whose terms are the same, in the same order): their vectors are the same dict, key
    for key and in the same order, so their cosine with any sentence is the same sum."""

    units: list[Unit]
    postings: dict[str, tuple[np.ndarray, np.ndarray]]
    common: np.ndarray
    articles: list[str]  # the article id of each unit
    vector_of: list[int]


def _index(corpus: Corpus) -> Index:
    limit = max(20, len(corpus.units) // 20)
    places: dict[str, list[int]] = defaultdict(list)
    weights: dict[str, list[float]] = defaultdict(list)
    common = np.zeros(len(corpus.units))
    numbers: dict[tuple[str, ...], int] = {}
    vector_of: list[int] = []
    for i, unit in enumerate(corpus.units):
        vector_of.append(numbers.setdefault(tuple(unit.terms), len(numbers)))
        if not unit.usable:
            continue
        rest = 0.0
        for term, weight in unit.vec.items():
            if corpus.term_df[term] <= limit:
                places[term].append(i)
                weights[term].append(weight)
            else:
                rest += weight * weight
        common[i] = math.sqrt(rest)
    postings = {t: (np.array(places[t], dtype=np.intp), np.array(weights[t])) for t in places}
    return Index(corpus.units, postings, common, [u.article.id for u in corpus.units], vector_of)


BOUND_SLACK = 1e-9  # far above the rounding of sums of a few dozen products of unit-vector weights


def similar(unit: Unit, index: Index, floor: float = SUPPORT_SIMILARITY) -> list[tuple[float, Unit]]:
    """Sentences of other articles at least `floor` alike, most alike first.

    The candidates share one of the index's terms with `unit`. Their cosine over those terms
    (summed in numpy) plus what the terms left out can add at most (by Cauchy-Schwarz, the
    product of the two vectors' lengths over those terms) bounds their similarity; only the
    candidates whose bound reaches `floor` get the exact cosine over every term (tx.cosine),
    which decides, so the answer is the one every candidate's exact cosine would give."""
    rows: list[np.ndarray] = []
    products: list[np.ndarray] = []
    rest = 0.0
    for term, weight in unit.vec.items():
        found = index.postings.get(term)
        if found is None:
            rest += weight * weight
        else:
            rows.append(found[0])
            products.append(found[1] * weight)
    if not rows:
        return []
    places = np.concatenate(rows)
    partial = np.bincount(places, weights=np.concatenate(products), minlength=len(index.units))
    bound = partial + math.sqrt(rest) * index.common
    candidates = np.flatnonzero((partial > 0) & (bound >= floor - BOUND_SLACK))
    mine, vec, units, articles, vector_of = unit.article.id, unit.vec, index.units, index.articles, index.vector_of
    scored: dict[int, float] = {}  # vector number -> its cosine with unit's: once per distinct vector
    alike = []
    for i in candidates.tolist():
        if articles[i] == mine:
            continue
        number = vector_of[i]
        dot = scored.get(number)
        if dot is None:
            dot = scored[number] = tx.cosine(vec, units[i].vec)
        if dot >= floor:
            alike.append((dot, units[i]))
    return sorted(alike, key=lambda p: (-p[0], p[1].key))  # keys are unique: the order is the same whatever the candidates' order


def supporters(unit: Unit, corpus: Corpus, index: Index) -> tuple[tuple[Unit, ...], tuple[Conflict, ...], bool]:
    """(one sentence per other source stating the same claim, conflicts with other sources,
    whether any other source says something like it)."""
    mine = corpus.story_of(unit.article.id)
    # another outlet's copy of the same wire story is the same source, not a second one
    alike = [(dot, o) for dot, o in similar(unit, index, ECHO_SIMILARITY) if corpus.story_of(o.article.id) != mine]
    backing: dict[str, Unit] = {}  # story -> its sentence stating the claim
    disputes: list[Conflict] = []
    for dot, other in alike:
        if dot < SUPPORT_SIMILARITY:
            continue
        found = claims.conflicts(unit, other, corpus) if dot >= CONFLICT_SIMILARITY else []
        disputes.extend(found)
        story = corpus.story_of(other.article.id)
        if not found and story not in backing and claims.supports(unit, other, corpus):
            backing[story] = other
    # the same sum or count said in other words ("stole $81 million from Bangladesh Bank's
    # account" and "the $81 million stolen from Bangladesh's account"): claims.supports decides
    seen = {o.key for dot, o in alike if dot >= SUPPORT_SIMILARITY}  # judged above already
    for value in unit.values:
        if value.kind not in claims.COUNTED:
            continue
        for other in corpus.giving(value.normalised):
            story = corpus.story_of(other.article.id)
            if story == mine or story in backing or other.key in seen:
                continue
            seen.add(other.key)
            if claims.supports(unit, other, corpus):  # which refuses a conflicting one
                backing[story] = other
    return tuple(backing.values()), tuple(disputes), bool(alike)


def rank(corpus: Corpus, focus: Sequence[str]) -> list[Scored]:
    """The pool of candidate claims, best first: English, usable sentences only."""
    candidates = [u for u in corpus.units if u.english and u.usable]
    prescore = {u.key: _prescore(u, corpus, focus) for u in candidates}
    pre = sorted(candidates, key=lambda u: (-prescore[u.key], u.key))[:POOL]
    index = _index(corpus)
    sources = max(1, len(corpus.by_article) - 1)
    scored = []
    for unit in pre:
        backing, disputes, echoed = supporters(unit, corpus, index)
        echoed = echoed or any(corpus.stating(v.normalised) - {corpus.story_of(unit.article.id)} for v in unit.values)
        score = prescore[unit.key] + WEIGHTS["support"] * min(1.0, len(backing) / min(sources, 3))
        scored.append(Scored(unit, score, backing, disputes, echoed or bool(backing)))
    _join_disputes(scored, corpus)
    scored.sort(key=lambda s: (-s.score, s.unit.key))
    return scored


def _join_disputes(scored: list[Scored], corpus: Corpus) -> None:
    """A claim giving yet another figure for a quantity already in dispute ("73 killed" where
    sources say 20 and 93) is in that dispute too, even when worded apart from both."""
    disputed: dict[tuple, list[tuple[Unit, claims.Value]]] = defaultdict(list)
    for s in scored:
        for c in s.conflicts:
            for unit in (c.a, c.b):
                for v in unit.values:
                    if v.shown in (c.said_a, c.said_b):
                        disputed[c.key[:4]].append((unit, v))
    if not disputed:
        return
    for s in scored:
        found = []
        for v in s.unit.values:
            if v.kind != "count" or not s.unit.english:
                continue
            key = ("figure", v.kind, v.currency, claims.noun_of(v))
            for unit, w in disputed.get(key, ()):
                if (unit.article.id != s.unit.article.id and not claims.same_figure(v, w)
                        and claims.context(s.unit, v) & claims.context(unit, w)):
                    found.append(claims.Conflict(s.unit, unit, v.shown, w.shown, "figure", key + ("joined",)))
                    break
        if found and not s.conflicts:
            s.conflicts = tuple(found)
