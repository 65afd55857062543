"""The one-screen executive briefing: `build(analysis, focus, size)` and `fit_text`.

Pure and deterministic: reads an Analysis (articles, English views, entities), calls no
model, and returns a model.Briefing whose every line cites English-view sentences.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from ..model import Analysis, Briefing, Citation, Line, Provenance, Source
from . import text as tx
from .amounts import describe, figures
from .differences import disagreeing_figures, opposite_claims, unconfirmed
from .features import Corpus, Unit, build_corpus
from .fit import fit_text
from .players import headline_role, players
from .timeline import DateRef, original_date
from .select import Scored, default_focus, mmr, rank, relevance, resolve_focus

__all__ = ["build", "fit_text"]

KEY_FACTS = (3, 6)
MIN_EVENTS = 3  # finer-dated events enough to leave bare years out of the timeline
PLACE_LABELS = ("GPE", "LOC", "FAC")
BOTTOM_CHARS = 220  # a longer sentence cannot stay whole on a small screen
# Who met whom (the event) and about what (the topic): cues for the bottom line.
_MEETING = re.compile(r"\b(?:met|meets?|meeting|summit|talks|visit(?:ed|s)?|received|hosted|sat down|gathered|convened)\b", re.I)
_TOPIC = re.compile(r"\b(?:to discuss|discuss(?:ed|es|ing)?|talks (?:on|about|over)|negotiat\w*|regarding|to explore|to sign)\b", re.I)
_TAG = re.compile(r"\s*\[[A-Z][A-Z .]{1,20}\]\s*$")  # a trailing agency tag, "[YONHAP]"


def _clean(text: str) -> str:
    return " ".join(_TAG.sub("", text).split())


class _Notes:
    """Citations for units, numbered by the article's source note."""

    def __init__(self, analysis: Analysis) -> None:
        self.number = {a.id: i + 1 for i, a in enumerate(analysis.articles)}

    def cite(self, units: Sequence[Unit]) -> tuple[Citation, ...]:
        seen, out = set(), []
        for u in units:
            if u.key not in seen:
                seen.add(u.key)
                out.append(Citation(u.article.id, u.sentence.index, self.number[u.article.id]))
        return tuple(out)

    def line(self, text: str, units: Sequence[Unit]) -> Line:
        citations = self.cite(units)
        return Line(text, citations, max(1, len({c.article_id for c in citations})))


def _when_where(best: Scored, corpus: Corpus) -> str:
    """The date and place of the bottom line's event, from it, its backers or its neighbours."""
    units = [best.unit, *best.support]
    if previous := corpus.previous(best.unit):
        units.append(previous)
    days = Counter(d.label for u in units for d in u.dates if d.precision == "day" and d.date)
    if not days:  # "4 February" in an undated source: take the year from a dated source if one agrees
        partial = Counter(d for u in units for d in u.dates if d.precision == "monthday" and d.date)
        for d in partial:
            years = {x.label for u in corpus.units for x in u.dates
                     if x.precision == "day" and x.date and (x.date.month, x.date.day) == (d.date.month, d.date.day)}
            days[years.pop() if len(years) == 1 else d.label] += partial[d]
    places = Counter(e for u in units for e in u.entities if corpus.labels.get(e) in PLACE_LABELS)
    text = best.unit.text
    parts = []
    if places:  # ties go to the place most sources name, then by name: never to set order
        place = min(places, key=lambda e: (-places[e], -corpus.spread[e], e))
        if corpus.name(place) not in text:
            parts.append(corpus.name(place))
    if days and not best.unit.dates:
        parts.append(min(days, key=lambda d: (-days[d], d)))
    return ", ".join(parts)


def _bottom_line(pool: list[Scored], corpus: Corpus, focus: Sequence[str], notes: _Notes) -> tuple[list[Line], Scored | None]:
    """Who met whom, where, when: the best claim naming the most players, with its date and place."""
    def fitness(s: Scored) -> float:
        u = s.unit
        people = sum(1 for e in u.entities if corpus.labels.get(e) == "PERSON")
        orgs = sum(1 for e in u.entities if corpus.labels.get(e) == "ORG")
        place = any(corpus.labels.get(e) in PLACE_LABELS for e in u.entities)
        size = len(u.text)
        return (
            s.score + 0.15 * min(people, 3) + 0.05 * min(orgs, 3) + 0.1 * relevance(u, focus) + 0.05 * min(s.agree, 3)
            + 0.1 * bool(_MEETING.search(u.text)) + 0.15 * bool(_TOPIC.search(u.text)) + 0.05 * place
            + 0.05 * bool(u.dates) - 0.1 * (size > BOTTOM_CHARS) - 0.2 * (size > 1.5 * BOTTOM_CHARS)
        )

    if not pool:
        return [], None
    best = max(pool, key=fitness)  # max keeps the first of equals: the better-ranked claim
    extra = _when_where(best, corpus)
    text = _clean(best.unit.text)
    if extra:  # in front: it is what survives when the screen cuts the line
        text = f"{extra}: {text}"
    return [notes.line(text, [best.unit, *best.support])], best


def _coverage(analysis: Analysis, notes: _Notes) -> tuple[list[Line], list[Source]]:
    sources, lines = [], []
    status = Counter()
    for article in analysis.articles:
        view = analysis.views.get(article.id)
        provenance = view.status if view else Provenance.UNTRANSLATED
        status[provenance.label] += 1
        sources.append(Source(notes.number[article.id], article.id, article.title, article.source, article.lang, provenance, article.date))
    langs = sorted({a.lang for a in analysis.articles})
    summary = f"{tx.plural(len(sources), 'source')} in {tx.plural(len(langs), 'language')} ({', '.join(langs)}): " + ", ".join(
        f"{n} {label}" for label, n in sorted(status.items())
    )
    lines.append(Line(summary, (), 1))  # a count of sources, not sources agreeing
    for s in sources:
        date = f", {s.date.isoformat()}" if s.date else ""
        lines.append(Line(f"{s.lang}, {s.provenance.label}{date}: {s.title}", (Citation(s.article_id, 0, s.note),), 1))
    return lines, sources


def build(analysis: Analysis, focus: Sequence[str] | None = None, size: tuple[int, int] = (100, 30)) -> Briefing:
    """The briefing for this analysis. `size` is accepted for the caller's convenience:
    the Briefing holds every section in full and `fit_text(briefing, size)` cuts it."""
    corpus = build_corpus(analysis)
    focus_ids = resolve_focus(corpus, focus) if focus else default_focus(corpus)
    notes = _Notes(analysis)
    pool = rank(corpus, focus_ids)
    weight = {s.unit.key: s.score for s in pool}

    def unit_weight(u: Unit) -> float:
        return weight.get(u.key, 0.35 * relevance(u, focus_ids))

    bottom, best = _bottom_line(pool, corpus, focus_ids, notes)
    chosen = [best.unit, *best.support] if best else []
    facts = mmr([s for s in pool if s is not best], KEY_FACTS[1], chosen)
    facts.sort(key=lambda s: (-s.agree, -s.score, s.unit.key))
    key_facts = [notes.line(_clean(s.unit.text), [s.unit, *s.support]) for s in facts]

    player_lines = [notes.line(f"{name}: {headline_role(role)}" if role else name, units) for name, role, units in players(corpus, focus_ids)]
    number_lines = _numbers(corpus, unit_weight, notes)
    timeline_lines = _timeline(corpus, unit_weight, notes)
    differences = _differences(corpus, pool, facts, unit_weight, notes)
    coverage, sources = _coverage(analysis, notes)

    return Briefing(
        focus=tuple(corpus.names.get(f, f.removeprefix("word:")) for f in focus_ids),
        bottom_line=tuple(bottom),
        key_facts=tuple(key_facts),
        players=tuple(player_lines),
        numbers=tuple(number_lines),
        timeline=tuple(timeline_lines),
        differences=tuple(differences),
        coverage=tuple(coverage),
        sources=tuple(sources),
    )


def _numbers(corpus: Corpus, weight, notes: _Notes) -> list[Line]:
    """One line per sentence: figures said together ("from $175B to $340B") stay together."""
    rows: dict[tuple, tuple[list[str], list[Unit], str]] = {}
    for normalised, mentions in figures(corpus, weight):
        unit, value = mentions[0]
        if unit.key not in rows:  # described by its first figure's context
            rows[unit.key] = ([], [], describe(unit, value) if unit.english else f"{value.text} (untranslated)")
        values, units, _ = rows[unit.key]
        values.append(normalised)
        units.extend(u for u, _ in mentions)  # notes.cite drops repeats
    return [notes.line(f"{', '.join(values)}: {note}", units) for values, units, note in rows.values()]


def _original_dates(corpus: Corpus) -> list[tuple[Unit, DateRef]]:
    """DATE spans found in the originals of untranslated sentences, resolved (see timeline.original_date)."""
    out = []
    for article in corpus.articles:
        annotation = corpus.analysis.annotations.get(article.id)
        spans = [s for s in annotation.original if s.label == "DATE"] if annotation else []
        if not spans:
            continue
        originals = range(len(article.sentences))
        for unit in corpus.by_article.get(article.id, ()):
            if unit.english or not unit.usable:
                continue
            for sentence in (article.sentences[i] for i in unit.sentence.sources if i in originals):
                for span in (s for s in spans if sentence.start <= s.start < sentence.end):
                    ref = original_date(article.text[span.start : span.end] or span.text, article.lang, article.date)
                    if ref is not None and ref.date is not None:
                        out.append((unit, ref))
    return out


def _entity_summary(unit: Unit, corpus: Corpus) -> str:
    """An untranslated sentence shown by what it names: "Org, Person — Place, $5B (vi, untranslated)"."""
    text = unit.text

    def order(e: str) -> tuple:
        at = text.find(corpus.name(e))
        return (at if at >= 0 else len(text), corpus.name(e))

    by_label = lambda labels: [corpus.name(e) for e in sorted(unit.entities, key=order) if corpus.labels.get(e) in labels]
    who = by_label(("ORG",)) + by_label(("PERSON",))
    where = by_label(PLACE_LABELS) + list(dict.fromkeys(v.normalised for v in unit.values))
    body = ", ".join(who) + (" — " + ", ".join(where) if where else "")
    return f"{body or tx.shorten(text, 80)} ({unit.article.lang}, untranslated)"


def _timeline(corpus: Corpus, weight, notes: _Notes, limit: int = 6) -> list[Line]:
    """Dated events across articles, in date order, one line per event citing every source.

    English sentences carry their own dates; untranslated ones the DATE spans of their
    originals. A day without a year joins the same day of a dated source (article or event).
    A bare year ("in 2022: ...") is background: shown only when too few finer events exist.
    """
    events: dict[str, list[tuple[Unit, DateRef]]] = {}
    english = [(u, d) for u in corpus.units if u.english and u.usable for d in u.dates]
    for unit, d in english + _original_dates(corpus):
        if d.key:
            events.setdefault(d.key, []).append((unit, d))
    published = {f"{a.date:%Y-%m-%d}" for a in corpus.articles if a.date}
    for key in [k for k in events if k.startswith("--")]:
        full = sorted({k for k in events if len(k) == 10 and k[4:] == key[1:]})
        if len(full) != 1:  # no dated event that day: a source published that day
            full = sorted({k for k in published if k[4:] == key[1:]})
        if len(full) == 1:
            events.setdefault(full[0], []).extend(events.pop(key))

    def precision(key: str) -> float:
        return 0.4 if len(key.lstrip("-")) in (5, 10) else 0.25 if key.endswith("/week") else 0.15 if len(key) == 7 else -0.3

    def importance(key: str) -> tuple:
        mentions = events[key]
        sources = len({u.article.id for u, _ in mentions})
        return (-(max(weight(u) for u, _ in mentions) + 0.2 * sources + precision(key)), key)

    finer = [k for k in events if len(k) != 4]
    if len(finer) >= MIN_EVENTS:
        events = {k: events[k] for k in finer}
    keys = sorted(events, key=importance)[:limit]
    lines = []
    for key in sorted(keys, key=lambda k: k.lstrip("-")):
        mentions = sorted(events[key], key=lambda m: (not m[0].english, -weight(m[0]), m[0].key))
        unit, date = mentions[0]
        label = next((d.label for _, d in mentions if d.precision != "monthday"), date.label)
        if len(key) == 10 and date.precision == "monthday":
            y, m, d = map(int, key.split("-"))
            label = DateRef(0, 0, "", "day", dt.date(y, m, d)).label
        per_article = {}
        for u, _ in mentions:
            per_article.setdefault(u.article.id, u)
        body = _clean(unit.text) if unit.english else _entity_summary(unit, corpus)
        lines.append(notes.line(f"{label}: {body}", [unit, *[u for u in per_article.values() if u is not unit]]))
    return lines


def _differences(corpus: Corpus, pool: list[Scored], facts: list[Scored], weight, notes: _Notes) -> list[Line]:
    def n(u: Unit) -> int:
        return notes.number[u.article.id]

    lines = []
    for name, a, snip_a, b, snip_b in opposite_claims(corpus):
        lines.append(notes.line(f"{name}: [{n(a)}] “{snip_a}” vs [{n(b)}] “{snip_b}”", [a, b]))
    for a, fa, b, fb in disagreeing_figures(pool)[:2]:
        lines.append(notes.line(f"Figures differ: [{n(a)}] {fa} vs [{n(b)}] {fb}: {tx.shorten(_clean(a.text), 90)}", [a, b]))
    for u in unconfirmed(corpus, weight)[:3]:
        lines.append(notes.line(f"Not confirmed: {_clean(u.text)}", [u]))
    in_facts = {s.unit.key for s in facts}
    single = [s for s in pool if s.agree == 1 and s.unit.key not in in_facts and (s.unit.values or len(s.unit.entities) >= 2)]
    for s in mmr(single, 2, [f.unit for f in facts]):
        lines.append(notes.line(f"Only [{n(s.unit)}]: {_clean(s.unit.text)}", [s.unit]))
    return lines
