"""Times of day as figures a dispute can be over ("launched at 9:51 a.m." against "launched
the rocket at about 9:49 a.m."), in English sentences.

A time is never a date nor a quantity (numbers.TIME_OF_DAY keeps it out of both); here it
is a Value of kind "time" whose value is minutes after midnight. What it is the time of is
read from the whole of its clause before it, not one word: the event's verb stands apart
from its time ("launched the Unha-3 rocket at 9:49"). Times in a named zone other than the
story's ("7:49 p.m. US Eastern") dispute only times within MOMENT of theirs (see `apart`).
"""

from __future__ import annotations

import re

from ..numbers import TIME_OF_DAY, Value, may_hold_time
from . import claims
from . import text as tx
from .features import Unit

MOMENT = 20  # minutes: reports of one moment differ by minutes; further apart they are two moments, or two clocks
ROUND = 15  # minutes: "about 9 a.m." is within this of 8:58, and disputes none of it
_PARTS = re.compile(r"(?P<h>\d{1,2})\s*(?:[:：.h]\s*(?P<m>\d{2})(?:\s*[:：]\s*(?P<s>\d{2}))?)?\s*(?P<half>[ap])?", re.I)
_ZONE = re.compile(
    r"\s*(?:\(?(?:UTC|GMT)\s*[+−-]?\s*\d{0,2}\)?|[A-Z]{2,4}T\b|(?:U\.?S\.? )?(?:Eastern|Central|Mountain|Pacific)"
    r"(?: (?:Standard|Daylight))?(?: [Tt]ime)?|[A-Z][a-z]+ (?:Standard )?[Tt]ime)"
)
_HALF = re.compile(r"(?::\d{2})?\s*([ap])\.?\s?m\b\.?", re.I)  # also past seconds: "9:49:52 a.m."
_LOCAL = re.compile(r"\s*local time\b", re.I)
_AS_OF = re.compile(r"\b(?:as of|as at|by|until|till|since)\s+(?:about\s+|around\s+)?$", re.I)  # a count's time, or a span's end
_REPORTING = frozenset(tx.stem(w) for w in "said says say told tells tell reported reports according added".split())


def times(unit: Unit) -> list[Value]:
    """The sentence's times of day, as values of kind "time" (minutes after midnight), the
    zone, when one is named, as the value's `noun`; a count's "as of 4 a.m." is none."""
    text = unit.text
    if not may_hold_time(text):  # TIME_OF_DAY is slow to try at every position
        return []
    out: list[Value] = []
    for m in TIME_OF_DAY.finditer(text):
        parts = _PARTS.match(m.group(0).strip())
        if parts is None or _AS_OF.search(text, 0, m.start()):
            continue
        end = m.end()
        half = (parts.group("half") or "").lower()
        if not half and (after := _HALF.match(text, end)):  # "7:49 p.m.": TIME_OF_DAY stops at "7:49"
            half, end = after.group(1).lower(), after.end()
        hour, minute = int(parts.group("h")), int(parts.group("m") or 0)
        if hour > 23 or minute > 59 or (half and not 1 <= hour <= 12):
            continue
        hour = hour % 12 + (12 if half == "p" else 0) if half else hour
        named = None if _LOCAL.match(text, end) else _ZONE.match(text, end)
        zone = " ".join(named.group(0).split()).strip("()") if named else ""
        shown = " ".join(text[m.start() : end].split())
        out.append(Value(m.start(), end, text[m.start() : end], "time", float(hour * 60 + minute), None, None, shown, zone))
    return out


def context(unit: Unit, value: Value) -> set[str]:
    """What the time is of: the stems of its clause's content words before it (reporting
    verbs left out: "officials said at 10 a.m." times no event of theirs)."""
    start, _ = claims.clause(unit, value)
    before = claims.words_before(unit, value)
    if claims.NEGATIONS & set(before):
        return set()
    names = {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", unit.text[start : value.start]) if w[:1].isupper()}
    said = [w for w in before if w not in names]  # "Leyte launched ... at 9:51": a time is of an act, not a place
    return {tx.stem(w) for w in tx.content_terms(" ".join(said))} - _REPORTING


def apart(a: Unit, va: Value, b: Unit, vb: Value) -> bool:
    """Two times that do not dispute each other: the same minute; more than MOMENT apart
    (two moments of the story, or one in another zone: "7:49 p.m. US Eastern" is 9:49 a.m.
    in Seoul); or a round time said as an approximation within ROUND of the other."""
    gap = abs(va.value - vb.value)
    if gap == 0 or gap > MOMENT or (va.noun and vb.noun and va.noun != vb.noun):
        return True
    rounded = [(u, v) for u, v in ((a, va), (b, vb)) if v.value % 30 == 0 and claims.hedged(u, v)]
    return bool(rounded) and gap <= ROUND


PHRASE_WORDS = 4  # words before a time that say what it is the time of ("launched the Unha-3 rocket")


def phrase(unit: Unit, value: Value) -> str:
    """The words of the time's clause just before it, without the time and its preposition."""
    start, _ = claims.clause(unit, value)
    words = unit.text[start : value.start].split()
    while words and words[-1].lower().strip(",.;:") in tx.STOPWORDS | claims.QUANTIFIERS:
        words.pop()
    return " ".join(words[-PHRASE_WORDS:]).strip(",.;:\"“” ")
