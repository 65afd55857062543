"""Which sentences are candidates: scoring, and support and conflicts across sources.

score = relevance to the focus entities + centrality in the corpus + support from other
sources + information (names, numbers, dates). Only a bounded pool of the best-scored
sentences is compared with the rest of the corpus, so a build grows linearly with it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

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


def distinct(ids: Sequence[str], corpus: Corpus, limit: int) -> list[str]:
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

    @property
    def agree(self) -> int:
        return 1 + len(self.support)

    @property
    def superseded(self) -> bool:
        """A source published later gives another figure or date for it: the story moved on."""
        mine = self.unit.article.date
        if not mine:
            return False
        return any(c.b.article.date and c.b.article.date > mine for c in self.conflicts)

    @property
    def contested(self) -> tuple[Conflict, ...]:
        """Its conflicts with sources not published before it: an earlier report giving another
        figure ("93 dead" on the 15th, "144" on the 16th) is what the story moved on from, not
        a dispute; sources of the same day, or undated, do dispute it."""
        mine = self.unit.article.date
        return tuple(c for c in self.conflicts if not (mine and c.b.article.date and c.b.article.date < mine))

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


def _index(corpus: Corpus) -> dict[str, list[Unit]]:
    """term -> units holding it, leaving out terms too common to tell sentences apart."""
    limit = max(20, len(corpus.units) // 20)
    postings: dict[str, list[Unit]] = defaultdict(list)
    for unit in corpus.units:
        if not unit.usable:
            continue
        for term in unit.vec:
            if corpus.term_df[term] <= limit:
                postings[term].append(unit)
    return postings


def similar(unit: Unit, postings: dict[str, list[Unit]], floor: float = SUPPORT_SIMILARITY) -> list[tuple[float, Unit]]:
    """Sentences of other articles at least `floor` alike, most alike first."""
    dots: dict[int, float] = defaultdict(float)
    seen: dict[int, Unit] = {}
    for term, weight in unit.vec.items():
        for other in postings.get(term, ()):
            if other.article.id == unit.article.id:
                continue
            dots[id(other)] += weight * other.vec[term]
            seen[id(other)] = other
    # the index skips common terms to find candidates fast; their similarity counts every term
    found = [(tx.cosine(unit.vec, seen[key].vec), seen[key]) for key in dots]
    return sorted(((dot, u) for dot, u in found if dot >= floor), key=lambda p: (-p[0], p[1].key))


def supporters(unit: Unit, corpus: Corpus, postings: dict[str, list[Unit]]) -> tuple[tuple[Unit, ...], tuple[Conflict, ...], bool]:
    """(one sentence per other source stating the same claim, conflicts with other sources,
    whether any other source says something like it)."""
    mine = corpus.story_of(unit.article.id)
    # another outlet's copy of the same wire story is the same source, not a second one
    alike = [(dot, o) for dot, o in similar(unit, postings, ECHO_SIMILARITY) if corpus.story_of(o.article.id) != mine]
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
    return tuple(backing.values()), tuple(disputes), bool(alike)


def rank(corpus: Corpus, focus: Sequence[str]) -> list[Scored]:
    """The pool of candidate claims, best first: English, usable sentences only."""
    candidates = [u for u in corpus.units if u.english and u.usable]
    prescore = {u.key: _prescore(u, corpus, focus) for u in candidates}
    pre = sorted(candidates, key=lambda u: (-prescore[u.key], u.key))[:POOL]
    postings = _index(corpus)
    sources = max(1, len(corpus.by_article) - 1)
    stated: dict[str, set[str]] = defaultdict(set)  # figure -> articles stating it
    for u in corpus.units:
        if u.usable:
            for v in u.values:
                stated[v.normalised].add(corpus.story_of(u.article.id))
    scored = []
    for unit in pre:
        backing, disputes, echoed = supporters(unit, corpus, postings)
        echoed = echoed or any(stated[v.normalised] - {corpus.story_of(unit.article.id)} for v in unit.values)
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
