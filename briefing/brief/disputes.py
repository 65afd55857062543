"""Figures the sources give differently for one quantity, found across the whole corpus.

select.supporters finds conflicts only between similar sentences of its candidate pool;
sources that word a figure apart ("killing at least 20 people" against "At least 73 people
were killed") or state it outside the pool are missed there. Here every figure of every
English sentence is filed under what it measures: its kind, currency and counted noun, each
word `claims.context` reads in its own clause (one content word either side, as Snowball
stems: "killing" and "killed" are one), and the earlier year it is said of, if any. Each file holding figures of
two sources that are not the same figure (nor a hedged rounding of it, nor of another
place) is a dispute; a figure in two files stays in the wider dispute only. An article
reporting another event (`other_events`: it dates its event weeks from the others') has
files of its own: an earlier quake's toll is no side of this one's.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from ..numbers import Value
from . import claims, clock
from . import text as tx
from .features import Corpus, Unit
from .select import Scored
from .timeline import DateRef

# Figures with a unit of measure, which find_values leaves out (they are no money, count or
# duration): "a 7.2-magnitude quake", "magnitude of 6.1", "32 meters deep", "37 m".
_UNIT_NAMES = {"magnitude": "magnitude", "richter": "magnitude", "m": "m", "meter": "m", "metre": "m", "km": "km",
               "kilometer": "km", "kilometre": "km", "mile": "mi", "feet": "ft", "foot": "ft", "ft": "ft",
               "ton": "t", "tonne": "t", "percent": "%", "per cent": "%", "%": "%", "degree": "°"}
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:\.\d+)?(?!\d|[.,]\d)")
_UNIT_AFTER = re.compile(
    r"(?:\s*-\s*|\s+)(?P<unit>magnitude|on the (?P<richter>Richter) scale|"
    r"(?P<speed>km/h|kph|mph|(?:km|kilomet(?:er|re)s?|miles?)[- ](?:per|an)[- ]hour)|meters?|metres?|m|km|kilomet(?:er|re)s?|"
    r"miles?|feet|foot|ft|tons?|tonnes?|percent|per cent|degrees?)\b|\s*(?P<pct>%)"
)
_UNIT_BEFORE = re.compile(r"\b(?:[Mm]agnitude|M)(?:\s+of)?\s+$")
_DIGIT = re.compile(r"\d")  # every measure has one: most sentences are skipped at once


def measures(unit: Unit) -> list[Value]:
    """The sentence's figures with a unit of measure, as values of kind "measure" whose
    `currency` is the unit: written exactly, so 7.1 and 7.2 are two figures."""
    out: list[Value] = []
    if not _DIGIT.search(unit.text):
        return out
    text = unit.text
    taken = [(v.start, v.end) for v in unit.values]
    for m in _NUMBER.finditer(text):
        number, start, end = m.group(0), m.start(), m.end()
        if before := _UNIT_BEFORE.search(text, max(0, start - 16), start):
            word, start = "magnitude", before.start()
        elif unit_match := _UNIT_AFTER.match(text, end):
            word = "magnitude" if unit_match.group("richter") else (unit_match.group("unit") or "%").lower()
            if unit_match.group("speed"):  # "40 km per hour" is a speed, not a distance
                word = "mph" if word.startswith("m") else "km/h"
            end = unit_match.end()
        else:
            continue
        if any(a < end and start < b for a, b in taken):
            continue  # "a 6,800-ton ship" is a count already
        name = _UNIT_NAMES.get(word) or _UNIT_NAMES.get(word.rstrip("s")) or word
        shown = f"magnitude {number}" if name == "magnitude" else f"{number}%" if name == "%" else f"{number} {name}"
        out.append(Value(start, end, text[start:end], "measure", float(number), None, name, shown, ""))
    return out


def disputable(unit: Unit) -> list[Value]:
    """Every figure of the sentence a dispute can be over: money, counts, durations,
    measures and times of day."""
    return [*unit.values, *measures(unit), *clock.times(unit)]


Entry = tuple[Unit, Value]
COUNTED = claims.COUNTED
Sides = list[tuple[str, list[Unit]]]


@dataclass(frozen=True)
class Dispute:
    sides: Sides  # (what a side says, one unit per source giving it), the most sources' side first
    stated: dict[tuple[str, int], str]  # unit key -> the side it states, for every sentence giving one


def phrase(unit: Unit, value: Value) -> str:
    """The words of the figure's clause that say what it measures, the figure among them:
    "killing at least 20 people", "476 people on board", "a 6,800-ton passenger ship"."""
    text = unit.text
    start, end = claims.clause(unit, value)
    before = list(re.finditer(r"\S+", text[start : value.start]))
    after = list(re.finditer(r"\S+", text[value.end : end]))
    first = len(before)
    for i in range(len(before) - 1, max(-1, len(before) - 4), -1):  # back to its verb, up to 3 words
        word = before[i].group().strip(",.;:\"“”")
        if word.lower() in claims.CLAUSE_ENDS or not (word[:1].islower() or word.lower() in tx.STOPWORDS | claims.QUANTIFIERS):
            break  # a new clause or a name: the figure's phrase starts after it
        first = i
        if tx.content_terms(word) and word not in claims.QUANTIFIERS:
            break
    last = 0
    nouns = set(tx.words(value.noun))
    for i, m in enumerate(after[:5]):  # on to the first word past the noun that says what it is
        word = m.group().strip(",.;:\"“”").lower()
        if word in claims.CLAUSE_ENDS or word in ("-", "–", "—"):
            break
        last = i + 1
        if tx.content_terms(word) and word not in nouns and word not in claims.QUANTIFIERS:
            break
    left = start + before[first].start() if first < len(before) else value.start
    right = value.end + after[last - 1].end() if last else value.end
    return " ".join(text[left:right].split()).strip(",.;:\"“” ")


def earlier_year(unit: Unit) -> int | None:
    """The earlier year a sentence is about, None for the story's own time: "a quake that
    struck the area in 2012 killed 81" does not dispute this quake's toll. A year said alone
    ("in 2012") marks the past; a full date ("16 April 2014") is how the story itself is told."""
    own = unit.article.date.year if unit.article.date else None
    years = {d.date.year for d in unit.dates if d.precision == "year" and d.date is not None} - {own}
    return min(years) if years else None


Day = tuple[int, int, int | None]  # month, day, and the year when the date gives one


def _days(refs: Iterable[DateRef]) -> set[Day]:
    return {(d.date.month, d.date.day, d.date.year if d.precision == "day" else None)
            for d in refs if d.date is not None and d.precision in ("day", "monthday")}


def _near(a: Day, b: Day) -> bool:
    """Two dates within DATE_CONFLICT_DAYS of each other; a day and month without a year is
    read in the other's year (in a leap year when neither gives one, or when the other's
    year has no 29 February)."""
    year = a[2] or b[2] or 2000
    try:
        first, second = dt.date(a[2] or year, a[0], a[1]), dt.date(b[2] or year, b[0], b[1])
    except ValueError:
        first, second = dt.date(2000, a[0], a[1]), dt.date(2000, b[0], b[1])
    return abs((first - second).days) <= claims.DATE_CONFLICT_DAYS


def _day_of_year(day: Day) -> int:
    return dt.date(2000, day[0], day[1]).timetuple().tm_yday


def other_events(corpus: Corpus) -> set[str]:
    """Articles that report another event than the corpus's: every day such an article dates
    is more than DATE_CONFLICT_DAYS from every day the other articles date (a quake that
    "struck on 7 September" where another article's struck on 3 August). An article dating
    a day near another article's is the corpus's event; so is every article dating none.
    When no two articles date near days, the dated article whose words are most like the
    undated articles' is the corpus's event, and the other dated ones are not."""
    usable = {a: [u for u in units if u.english and u.usable] for a, units in corpus.by_article.items()}
    days = {a: d for a, refs in corpus.event_dates.items() if (d := _days(refs))}
    by_day: dict[int, list[tuple[str, Day]]] = defaultdict(list)  # day of the year -> who dates it: near days are looked up
    for a, mine in days.items():
        for x in mine:
            by_day[_day_of_year(x)].append((a, x))
    window = range(-claims.DATE_CONFLICT_DAYS - 1, claims.DATE_CONFLICT_DAYS + 2)

    def near_another(a: str) -> bool:
        return any(b != a and _near(x, y) for x in days[a] for shift in window
                   for b, y in by_day.get((_day_of_year(x) + shift - 1) % 366 + 1, ()))

    lone = {a for a in days if not near_another(a)}
    if not lone or len(lone) < len(days):
        return lone
    rest = tx.centroid(u.vec for a, units in usable.items() if a not in days for u in units)
    if not rest:
        return set()  # every article dates its own day: nothing tells which is the corpus's event
    words = {a: tx.cosine(tx.centroid(u.vec for u in usable[a]), rest) for a in lone}
    main = max(sorted(lone), key=lambda a: words[a])
    return lone - {main}


def _apart(a: Entry, b: Entry, corpus: Corpus, places: dict[tuple, set[str]] | None = None) -> bool:
    """Two figures that do not dispute each other: the same figure, one a hedged rounding
    of the other, amounts ten times apart (two different sums), counts or sums said of
    other places ("57 on Bohol" and "15 in Cebu" are a breakdown; so may "57 on Bohol" be
    of a toll of 93), or two measures of sentences naming nothing in common (the magnitude
    of "an earthquake" may be another quake's)."""
    (ua, va), (ub, vb) = a, b
    if va.kind == "time":
        return clock.apart(ua, va, ub, vb)
    if claims.same_figure(va, vb) or claims.near(ua, va, ub, vb):
        return True
    if claims.other_sums(va, vb):
        return True
    if va.kind == "measure":
        return not (ua.entities & ub.entities)
    if places is None:
        return claims.places(ua, va, corpus, after=True) != claims.places(ub, vb, corpus, after=True)
    for entry in (a, b):  # `places`: each figure's places, found once for the many pairs it is in
        if _node(entry) not in places:
            places[_node(entry)] = claims.places(*entry, corpus, after=True)
    return places[_node(a)] != places[_node(b)]


def figure_files(corpus: Corpus, elsewhere: Collection[str] | None = None) -> list[list[Entry]]:
    """The figures of every English sentence filed under what they measure, each file one
    quantity, and only the files giving more than one figure.

    Each figure is filed under at most BEFORE + AFTER words, and each file is a dispute of
    its own: files are never chained ("391 killed and injured 1,800" would join the dead
    to the injured)."""
    filed: dict[tuple, list[Entry]] = defaultdict(list)
    elsewhere = other_events(corpus) if elsewhere is None else elsewhere
    for unit in corpus.units:
        if not (unit.english and unit.usable):
            continue
        event = unit.article.id if unit.article.id in elsewhere else ""  # another event's figures dispute none of this one's
        for value in disputable(unit):
            timed = value.kind == "time"  # a time's zone is no part of what it measures: `clock.apart` compares zones
            for stem in clock.context(unit, value) if timed else claims.context(unit, value):
                key = (value.kind, value.currency, "" if timed else claims.noun_of(value), stem, earlier_year(unit), event)
                filed[key].append((unit, value))
    _file_generic(filed)
    return [entries for entries in filed.values() if len({v.shown for _, v in entries}) > 1]


def _file_generic(filed: dict[tuple, list[Entry]]) -> None:
    """Counts of items, pieces or objects go in every file of the same measure that counts a
    kind of thing ("stole nine items" and "stole eight jewels"): one count, said two ways."""
    generic = {key: entries for key, entries in filed.items() if key[0] == "count" and all(claims.is_generic(v) for _, v in entries)}
    for key, entries in generic.items():
        kind, currency, _, stem, year, event = key
        for other, found in filed.items():
            if other not in generic and other[:2] == (kind, currency) and other[3:] == (stem, year, event):
                found.extend(entries)


def figure_disputes(corpus: Corpus, elsewhere: Collection[str] | None = None, files: list[list[Entry]] | None = None) -> list[Dispute]:
    """Disputed figures, the widest dispute first (`files`: figure_files, found here when None)."""
    found: list[tuple[Dispute, set[tuple]]] = []
    for entries in figure_files(corpus, elsewhere) if files is None else files:
        if dispute := _dispute(entries, corpus):
            found.append((dispute, {_node(e) for e in entries}))
    # one figure in two files ("carrying 462 people on board"): the wider dispute keeps it
    found.sort(key=lambda f: (-sum(len(us) for _, us in f[0].sides), -len(f[0].sides), f[0].sides[0][0]))
    out: list[Dispute] = []
    taken: set[tuple] = set()
    for dispute, nodes in found:
        if not nodes & taken:
            out.append(dispute)
            taken |= nodes
    return out


def rivals(files: Iterable[list[Entry]], corpus: Corpus) -> dict[tuple[str, int], list[Unit]]:
    """Unit key -> the other sentences of its source giving another figure for a quantity it
    gives one for: a page whose summary says "28 dead" above a text saying "36". One source
    disputing itself is no claim of it: the screen states one of them. Counts and sums only:
    a source giving several times tells a sequence ("launched at 9:49 ... tracked from
    9:51"), and one giving two magnitudes says whose each is."""
    out: dict[tuple[str, int], list[Unit]] = defaultdict(list)
    places: dict[tuple, set[str]] = {}
    for entries in files:
        by_story: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            if entry[1].kind in COUNTED:
                by_story[corpus.story_of(entry[0].article.id)].append(entry)
        for group in by_story.values():
            for a, b in itertools.combinations(group, 2):
                if a[0].key != b[0].key and a[1].shown != b[1].shown and not _apart(a, b, corpus, places):
                    out[a[0].key].append(b[0])
                    out[b[0].key].append(a[0])
    return out


def outdated(files: Iterable[list[Entry]], corpus: Corpus) -> set[tuple[str, int]]:
    """Unit keys of sentences giving a figure another source's latest report has replaced: a
    sentence that says it gives the latest count or sum (claims.says_latest) supersedes the
    other sources' different figures for the same quantity, dated or not, unless they are
    published later or only say what it could come to."""
    out: set[tuple[str, int]] = set()
    for entries in files:
        latest = [e for e in entries if e[1].kind in COUNTED and claims.says_latest(e[0])]
        for new in latest:
            story, day = corpus.story_of(new[0].article.id), new[0].article.date
            for old in entries:
                if corpus.story_of(old[0].article.id) == story or old[1].shown == new[1].shown:
                    continue
                if old[0].article.date and day and old[0].article.date > day:
                    continue
                if not _projected(*old) and not _apart(old, new, corpus):
                    out.add(old[0].key)
    return out


# What a figure could come to is no report of it: "could reach as high as 10,000", "up to".
_PROJECTION = re.compile(r"\b(?:could|may|might|would|up to|as (?:many|high|much) as|expected|feared|estimated?|believed?)\b", re.I)


def _projected(unit: Unit, value: Value) -> bool:
    start, _ = claims.clause(unit, value)
    return _PROJECTION.search(unit.text, start, value.start) is not None


def _node(entry: Entry) -> tuple:
    unit, value = entry
    return (unit.key, value.start)


def _dispute(entries: list[Entry], corpus: Corpus) -> Dispute | None:
    """The sides of one file of figures: each source on the side of the first exact figure
    it gives (the lead's figure is the headline one; a later "57 of them on Bohol" is a
    breakdown), or its first figure when it only hedges; the side most sources take, and
    the sides disputing it. None when no two sources dispute."""
    first: dict[str, Entry] = {}
    for entry in sorted(entries, key=lambda e: (claims.hedged(*e), e[0].sentence.index, e[1].start)):
        first.setdefault(corpus.story_of(entry[0].article.id), entry)
    by_shown: dict[str, list[Entry]] = defaultdict(list)  # a thousand sources give a few figures: compared once each
    for entry in sorted(first.values(), key=lambda e: e[0].key):
        by_shown[entry[1].shown].append(entry)
    sides: list[tuple[Entry, list[Unit]]] = []
    for group in by_shown.values():
        side = next((s for s in sides if claims.same_figure(s[0][1], group[0][1])), None)
        if side is None:
            sides.append((group[0], [u for u, _ in group]))
        else:
            side[1].extend(u for u, _ in group)
    sides.sort(key=lambda side: (-len(side[1]), side[0][1].shown))
    if len(sides) > 2 and len(sides[0][1]) == len(sides[1][1]):  # no side has the most sources: the one
        disputed = {id(a): sum(not _apart(a[0], b[0], corpus) for b in sides if b is not a) for a in sides}
        sides.sort(key=lambda side: (-len(side[1]), -disputed[id(side)]))  # most others dispute leads, not an outlier
    lead = sides[0][0]
    kept = [sides[0]] + [side for side in sides[1:] if not _apart(lead, side[0], corpus)]
    if len(kept) < 2:
        return None
    side_of: dict[str, str | None] = {}  # a figure as shown -> the side it is on (figures repeat: once each)
    stated: dict[tuple[str, int], str] = {}
    for unit, value in entries:
        if value.shown not in side_of:
            side_of[value.shown] = next((e[1].shown for e, _ in kept if claims.same_figure(e[1], value)), None)
        if (said := side_of[value.shown]) is not None:
            stated.setdefault(unit.key, said)
    return Dispute([(entry[1].shown, units) for entry, units in kept], stated)


def mark_disputed(pool: Sequence[Scored], disputes: Sequence[Dispute]) -> None:
    """Each candidate stating one side of a dispute conflicts with the other sides' sources:
    it is no consensus (select.Scored.contested), and its backers are not said to agree."""
    for dispute in disputes:
        for scored in pool:
            mine = dispute.stated.get(scored.unit.key)
            if mine is None or not scored.support:
                continue
            found = tuple(claims.Conflict(scored.unit, other, mine, said, "figure", ("figure", "dispute", mine))
                          for said, units in dispute.sides if said != mine for other in units)
            scored.conflicts = scored.conflicts + found
