"""Where sources differ: opposite claims about the same player, figures that disagree,
and claims no source confirmed."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from . import text as tx
from .disputes import Dispute, earlier_year
from .features import Corpus, Unit
from .players import PLAYER_LABELS
from .select import Scored

# Pairs of outcomes that cannot both be true of the same party at the same time, each side
# with words every match of it holds (looked for in tx.folded text first: the patterns are
# slow to try at every position under re.I, and a text holding none of a side's words
# matches none of it).
OPPOSITES = [
    (r"\b(?:found guilty|guilty|convicted|sentenced)\b", ("guilty", "convicted", "sentenced"),
     r"\b(?:acquitted|not guilty|found innocent|cleared of|exonerated)\b", ("acquitted", "guilty", "innocent", "cleared of", "exonerated")),
    (r"\b(?:approved|accepted)\b", ("approved", "accepted"),
     r"\b(?:rejected|refused|blocked)\b", ("rejected", "refused", "blocked")),
    (r"\b(?:attended|joined|took part)\b", ("attended", "joined", "took part"),
     r"\b(?:did not attend|skipped|absent)\b", ("did not attend", "skipped", "absent")),
    (r"\b(?:resigned|stepped down)\b", ("resigned", "stepped down"),
     r"\b(?:remains? in office|stayed on|refused to resign)\b", ("in office", "stayed on", "refused to resign")),
    (r"\b(?:confirmed|admitted|acknowledged)\b", ("confirmed", "admitted", "acknowledged"),
     r"\b(?:denied|denies|deny|rejected (?:the )?(?:claims?|reports?))\b", ("denied", "denies", "deny", "rejected")),
    (r"\b(?:won|wins|elected|victory)\b", ("won", "wins", "elected", "victory"),
     r"\b(?:lost|loses|defeated|conceded)\b", ("lost", "loses", "defeated", "conceded")),
]
# That something is not (yet) confirmed: a claim the reader should weigh, not a disagreement.
UNCONFIRMED = re.compile(
    r"did not (?:directly )?confirm|would not confirm|(?:not|nor) (?:yet |officially |publicly |independently )?confirm|"
    r"no official (?:announcement|confirmation|statement)|has not been (?:confirmed|announced)|"
    r"remains? unclear|unconfirmed|could not be (?:independently )?verified|no specifics|neither .{1,60} would confirm",
    re.I,
)
# A refusal to comment says nothing either way: never a difference, never "not confirmed".
REFUSAL = re.compile(
    r"(?:declined|refused|did not|would not|could not|was not available) (?:immediately )?(?:to )?"
    r"(?:comment|respond|reply|be reached|answer)|no comment|did not return|not immediately available|"
    r"not respond(?:ed)? to (?:a )?requests?",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never|no|nor)\s+(?:\w+\s+){0,2}$|n't\s+(?:\w+\s+){0,2}$", re.I)  # right before an outcome
Side = tuple[re.Pattern[str], tuple[str, ...]]  # an outcome's pattern and the words every match of it holds
_OPPOSITES: list[tuple[Side, Side, str]] = [((re.compile(yes, re.I), yes_words), (re.compile(no, re.I), no_words), yes)
                                            for yes, yes_words, no, no_words in OPPOSITES]
_ANY_OUTCOME = re.compile("|".join(p for yes, _, no, _ in OPPOSITES for p in (yes, no)), re.I)
_OUTCOME_WORDS = tuple(dict.fromkeys(w for _, yes_words, _, no_words in OPPOSITES for w in (*yes_words, *no_words)))
_UNCONFIRMED_WORDS = ("confirm", "no official", "has not been", "unclear", "verified", "specifics")
_REFUSAL_WORDS = ("declined", "refused", "not ", "no comment")


def _subjects(unit: Unit, corpus: Corpus) -> frozenset[str]:
    """Entities the sentence is about: its own, or the previous sentence's when it says "he"."""
    def parties(u: Unit | None) -> frozenset[str]:
        return frozenset(e for e in (u.entities if u else ()) if corpus.labels.get(e) in PLAYER_LABELS)

    return parties(unit) or parties(corpus.previous(unit))


def _snippet(text: str, match: re.Match[str], words: int = 2) -> str:
    before = text[: match.start()].split()[-1:]  # the contested word first: it survives a cut
    after = text[match.end() :].split()[:words]
    return " ".join([*before, match.group(0), *after]).strip(" ,.;")


def opposite_claims(corpus: Corpus) -> list[tuple[str, Unit, str, Unit, str]]:
    """(shared subject name, unit a, snippet a, unit b, snippet b): one contradiction per party
    and pair of outcomes, the first found (a thousand articles that "confirmed" and "denied"
    things of one company are one difference, not a line per pair of them)."""
    found = []
    reported: dict[str, set[str]] = {}  # outcome -> parties it is already reported of
    low = {u.key: tx.folded(u.text) for u in corpus.units if u.english and u.usable}
    claims = [u for u in corpus.units if u.key in low and _states_outcome(u.text, low[u.key])]
    subjects = {u.key: _subjects(u, corpus) for u in claims}
    nearest: dict[tuple[tuple[str, int], int], str] = {}  # (sentence, outcome's place) -> the party it is said of

    def said_of(unit: Unit, match: re.Match[str]) -> str:
        key = (unit.key, match.start())
        if key not in nearest:
            nearest[key] = _nearest(subjects[unit.key], unit, match, corpus) if subjects[unit.key] else ""
        return nearest[key]

    def search(side: Side, unit: Unit) -> re.Match[str] | None:
        pattern, words = side
        if not any(w in low[unit.key] for w in words):
            return None
        # "has not officially confirmed" says no outcome: only a match not negated is one
        return next((m for m in pattern.finditer(unit.text) if not _NEGATED.search(unit.text, 0, m.start())), None)

    for yes_side, no_side, yes in _OPPOSITES:
        side_a = [(u, m) for u in claims if (m := search(yes_side, u)) and not search(no_side, u)]
        side_b = [(u, m) for u in claims if (m := search(no_side, u))]
        of_party: dict[str, list[tuple[Unit, re.Match[str]]]] = {}  # the other side, by the parties it is about
        for b, mb in side_b:
            for party in subjects[b.key]:
                of_party.setdefault(party, []).append((b, mb))
        done = reported.setdefault(yes, set())
        for a, ma in side_a:
            # each outcome is said of the party named nearest to it: "Moon conceded ... Park
            # was the winner" is no defeat of Park's
            party = said_of(a, ma)
            if not party or party in done:
                continue
            # the same party, and not years apart in the reporting
            others = {id(b): (b, mb) for p in sorted(subjects[a.key] - done) for b, mb in of_party.get(p, ())}
            for b, mb in others.values():
                if party not in subjects[b.key] or a.article.id == b.article.id or _far_apart(a, b):
                    continue
                if earlier_year(a) != earlier_year(b) or said_of(b, mb) != party:
                    continue  # "In 2007 he narrowly defeated Park" is no side of her winning now
                done.add(party)
                found.append((corpus.names.get(party, ""), a, _snippet(a.text, ma), b, _snippet(b.text, mb)))
                break
    return found


def _states_outcome(text: str, low: str) -> bool:
    """_ANY_OUTCOME.search(text), tried only when a word of every match is in `low`, tx.folded(text)."""
    return any(w in low for w in _OUTCOME_WORDS) and _ANY_OUTCOME.search(text) is not None


def _nearest(shared: frozenset[str], unit: Unit, match: re.Match[str], corpus: Corpus) -> str:
    """The shared party named closest to the contested word (the one it is said of)."""
    before = corpus.previous(unit)
    context = (before.text + " " if before else "") + unit.text
    cue = len(context) - len(unit.text) + match.start()

    def distance(e: str) -> int:
        names = tx.words(corpus.name(e))
        spots = [m.start() for n in names for m in re.finditer(re.escape(n), context, re.I)]
        return min((abs(cue - s) for s in spots), default=10**6)

    return min(sorted(shared), key=distance)


def _far_apart(a: Unit, b: Unit) -> bool:
    da, db = a.article.date, b.article.date
    return bool(da and db and abs((da - db).days) > 90)


MAX_SIDES = 4  # more sides than this on one line say only that the figure is unsettled


def disagreeing(pool: Sequence[Scored]) -> list[list[tuple[str, list[Unit]]]]:
    """Disagreements over a figure or a date, each as its sides: (what a side says, its units),
    the side most sources take first. Conflicting pairs about the same kind of quantity that
    share a sentence are one disagreement ("20 people" vs "93" vs "144"); sources stating one
    side's figure join that side."""
    backing = {s.unit.key: s.support for s in pool}
    parent: dict[tuple, tuple] = {}

    def find(x: tuple) -> tuple:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    # a node is one figure of one sentence: a sentence giving two counts of people ("475 on
    # board, 290 missing") is in two disagreements, not one that mixes them
    said: dict[tuple, dict[tuple, str]] = {}  # group kind -> (unit key, figure) -> what it says
    units: dict[tuple, Unit] = {}
    for scored in pool:
        for c in scored.conflicts:
            kind = c.key[:4]  # figure, kind, currency, noun (or the date)
            a, b = (c.a.key, c.said_a), (c.b.key, c.said_b)
            parent[find((kind, a))] = find((kind, b))
            said.setdefault(kind, {})[a] = c.said_a
            said[kind][b] = c.said_b
            units[c.a.key], units[c.b.key] = c.a, c.b
    groups: dict[tuple, dict[str, list[Unit]]] = {}
    for kind, says in said.items():
        for node, value in says.items():
            key = node[0]
            sides = groups.setdefault(find((kind, node)), {})
            members = sides.setdefault(value, [])
            for u in (units[key], *backing.get(key, ())):  # who states the same claim takes the same side
                if all(m.article.id != u.article.id for m in members):
                    members.append(u)
    out = []
    for sides in groups.values():
        ranked = sorted(sides.items(), key=lambda kv: (-len({u.article.id for u in kv[1]}), kv[0]))
        taken = [u.article.id for _, side in ranked[:MAX_SIDES] for u in {x.article.id: x for x in side}.values()]
        if len(taken) != len(set(taken)):
            continue  # a source on two sides gives two quantities ("475 on board", "290 missing"): no one disagreement
        if len(ranked) >= 2:
            out.append(ranked[:MAX_SIDES])
    out.sort(key=lambda r: -sum(len(us) for _, us in r))  # the widest disagreement first
    return out


def disagreements(pool: Sequence[Scored], disputes: Sequence[Dispute],
                  weight: Callable[[Unit], float]) -> list[list[tuple[str, list[Unit]]]]:
    """Every disagreement over a figure or date: the corpus's disputed figures, and those
    only the candidates' conflicts show (dates among them); the widest first, then the one
    whose sentences weigh most (a toll before a count of damaged houses)."""
    found = [d.sides for d in disputes]
    shown = {key for d in disputes for key in d.stated}  # every sentence giving one of their sides
    found += [sides for sides in disagreeing(pool) if not any(u.key in shown for _, units in sides for u in units)]
    found.sort(key=lambda r: (-sum(len(us) for _, us in r), -max(weight(u) for _, us in r for u in us)))
    return found


def unconfirmed(corpus: Corpus, weight: Callable[[Unit], float]) -> list[Unit]:
    """Sentences saying a claim is not confirmed; refusals to comment are not among them."""
    hits = [u for u in corpus.units if u.english and u.usable and says_unconfirmed(u.text)]
    return sorted(hits, key=lambda u: (-weight(u), u.key))


def says_unconfirmed(text: str) -> bool:
    """UNCONFIRMED.search(REFUSAL.sub("", text)): a text holding no word of either pattern's
    matches is left as it is by the sub and matches nothing, so both are tried only then."""
    low = tx.folded(text)
    if not any(w in low for w in _UNCONFIRMED_WORDS) and not any(w in low for w in _REFUSAL_WORDS):
        return False
    return UNCONFIRMED.search(REFUSAL.sub("", text)) is not None
