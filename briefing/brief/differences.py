"""Where sources differ: opposite claims about the same player, figures that disagree,
and claims no source confirmed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import text as tx
from .features import Corpus, Unit
from .players import PLAYER_LABELS
from .select import Scored

# Pairs of outcomes that cannot both be true of the same party at the same time.
OPPOSITES = [
    (r"\b(?:found guilty|guilty|convicted|sentenced)\b", r"\b(?:acquitted|not guilty|found innocent|cleared of|exonerated)\b"),
    (r"\b(?:approved|accepted)\b", r"\b(?:rejected|refused|blocked)\b"),
    (r"\b(?:attended|joined|took part)\b", r"\b(?:did not attend|skipped|absent)\b"),
    (r"\b(?:resigned|stepped down)\b", r"\b(?:remains? in office|stayed on|refused to resign)\b"),
]
UNCONFIRMED = re.compile(
    r"declined to comment|did not (?:directly )?(?:comment|confirm)|would not (?:confirm|comment)|"
    r"wanted to confirm|(?:not|nor) (?:yet )?confirm|no official (?:announcement|confirmation|statement)|"
    r"has not been (?:confirmed|announced)|remains? unclear|unconfirmed|could not be (?:independently )?verified|"
    r"refused to comment|no specifics|neither .{1,60} would confirm",
    re.I,
)
FIGURE_SIMILARITY = 0.35
_OPPOSITES = [(re.compile(yes, re.I), re.compile(no, re.I), yes) for yes, no in OPPOSITES]
_ANY_OUTCOME = re.compile("|".join(p for pair in OPPOSITES for p in pair), re.I)


def _subjects(unit: Unit, corpus: Corpus) -> frozenset[str]:
    """Entities the sentence is about: its own, or the previous sentence's when it says "he"."""
    def parties(u: Unit | None) -> frozenset[str]:
        return frozenset(e for e in (u.entities if u else ()) if corpus.labels.get(e) in PLAYER_LABELS)

    return parties(unit) or parties(corpus.previous(unit))


def _snippet(text: str, match: re.Match[str], words: int = 3) -> str:
    before = text[: match.start()].split()[-1:]  # the contested word first: it survives a cut
    after = text[match.end() :].split()[:words]
    return " ".join([*before, match.group(0), *after]).strip(" ,.;")


def opposite_claims(corpus: Corpus) -> list[tuple[str, Unit, str, Unit, str]]:
    """(shared subject name, unit a, snippet a, unit b, snippet b) for each contradiction."""
    found = []
    seen: set[tuple] = set()
    claims = [u for u in corpus.units if u.english and u.usable and _ANY_OUTCOME.search(u.text)]
    subjects = {u.key: _subjects(u, corpus) for u in claims}
    for yes_re, no_re, yes in _OPPOSITES:
        side_a = [(u, m) for u in claims if (m := yes_re.search(u.text)) and not no_re.search(u.text)]
        side_b = [(u, m) for u in claims if (m := no_re.search(u.text))]
        for a, ma in side_a:
            for b, mb in side_b:
                if a.article.id == b.article.id:
                    continue
                # the same party, and not years apart in the reporting
                shared = subjects[a.key] & subjects[b.key]
                if not shared or _far_apart(a, b):
                    continue
                key = (a.article.id, b.article.id, yes)
                if key in seen:
                    continue
                seen.add(key)
                name = corpus.names.get(_nearest(shared, a, ma, corpus), "")
                found.append((name, a, _snippet(a.text, ma), b, _snippet(b.text, mb)))
    return found


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


def disagreeing_figures(pool: Sequence[Scored]) -> list[tuple[Unit, str, Unit, str]]:
    """Two sources saying much the same thing with a different amount."""
    found = []
    units = [s.unit for s in pool if s.unit.values]
    for i, a in enumerate(units):
        for b in units[i + 1 :]:
            if a.article.id == b.article.id or tx.cosine(a.vec, b.vec) < FIGURE_SIMILARITY:
                continue
            for va in a.values:
                for vb in b.values:
                    same_kind = va.kind == vb.kind and va.currency == vb.currency
                    overlap = va.value <= (vb.high or vb.value) and vb.value <= (va.high or va.value)
                    close = abs(va.value - vb.value) <= 0.02 * max(va.value, vb.value)
                    if same_kind and not overlap and not close and 0.1 < va.value / vb.value < 10:
                        found.append((a, va.normalised, b, vb.normalised))
    return found


def unconfirmed(corpus: Corpus, weight) -> list[Unit]:
    hits = [u for u in corpus.units if u.english and u.usable and UNCONFIRMED.search(u.text)]
    return sorted(hits, key=lambda u: (-weight(u), u.key))
