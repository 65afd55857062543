"""Dates in English text, resolved against the article's date, and the timeline built on them.

Recognised: "February 4, 2025", "4 February 2025", "Feb. 4", "January 2024", "2024-01-31",
"in 2022"; "in April", "on the 12th" (a month or a day of the article's, or the last);
weekdays ("on Tuesday", "last Thursday", "Friday evening"); "yesterday", "the day before",
"last week", "last month", "earlier this month", "last year", "this year", "last June". A
relative date needs the article's date; without it the mention is kept unresolved (key
None) rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from . import text as tx

if TYPE_CHECKING:  # dateparser is imported only when a date needs it (see _parser)
    from dateparser.date import DateData, DateDataParser

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")]
    )
    for m in names
}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_W = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b")),
    ("mdy", re.compile(rf"\b{_M}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I)),
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}(?:,?\s+(?P<year>(?:19|20)\d\d))?", re.I)),
    ("my", re.compile(rf"\b{_M}\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("last_month_name", re.compile(rf"\b(?P<rel>last|this|next)\s+{_M}(?!\s+\d)", re.I)),
    ("weekday", re.compile(rf"\b(?P<rel>last|this|next|on|since)?\s*{_W}(?:\s+(?:morning|afternoon|evening|night))?\b", re.I)),
    ("yesterday", re.compile(r"\b(?:yesterday|(?:the|a) day (?:before|earlier)|previous day)\b", re.I)),
    ("today", re.compile(r"\b(?:today|this morning|this afternoon|tonight)\b", re.I)),
    ("week", re.compile(r"\b(?P<rel>last|this|next|previous|past)\s+week\b", re.I)),
    ("month", re.compile(r"\b(?P<rel>last|this|next|previous|earlier this|later this)\s+month\b", re.I)),
    ("year", re.compile(r"\b(?P<rel>last|this|next|previous|earlier this|later this)\s+year\b", re.I)),
    ("in_year", re.compile(r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Oo]f|[Dd]uring)\s+(?P<year>(?:19|20)\d\d)\b")),
    ("as_year", re.compile(r"\b(?:as|when)\s+(?P<year>(?:19|20)\d\d)\s+(?:begins|began|ends|ended|started)\b", re.I)),
    # "in April", "since March": a month of the article's year or the last. Capitalised, after
    # a preposition: "in may" is no month.
    ("in_month", re.compile(r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring)\s+(?P<month>" + "|".join(
        m.capitalize() for m in MONTHS if len(m) > 3 or m == "may") + r")\b(?!\s*\d)")),
    # "on the 12th", "the morning of the 4th": a day of the article's month, as news translated
    # from Korean, Japanese or Chinese writes it. Only before a stop or a function word: "the
    # 16th century", "the 11th Supreme People's Assembly" are no dates.
    ("ordinal", re.compile(r"\b(?:on|of)\s+the\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
                           r"(?=\s*(?:[^\w\s]|$)|\s+(?:and|that|at|in|on|to|when|after|before|as|with|by|for|from|but|or|local)\b)", re.I)),
]


# Anything any pattern could match starts with one of these: most sentences hold none.
_MAYBE = re.compile(
    r"\b(?:(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)?|" + "|".join(sorted(MONTHS, key=len, reverse=True)) + "|"
    + "|".join(WEEKDAYS) + r"|yesterday|today|tonight|this (?:morning|afternoon)|week|month|year|(?:a|the) day|previous day)\b",
    re.I,
)


_BOUND = re.compile(r"(?:since|until|till)\b", re.I)  # "since Wednesday": where a period starts or ends


@dataclass(frozen=True)
class DateRef:
    start: int
    end: int
    text: str
    precision: str  # "day", "week", "month", "year", "monthday" (day and month, no year)
    date: dt.date | None  # the first day of the period; None when unresolved

    @property
    def key(self) -> str | None:
        """A sortable label of the period, or None when it could not be resolved."""
        if self.precision == "monthday":
            return f"--{self.date:%m-%d}" if self.date else None
        if self.date is None:
            return None
        return {
            "day": f"{self.date:%Y-%m-%d}",
            "week": f"{self.date:%Y-%m-%d}/week",
            "month": f"{self.date:%Y-%m}",
            "year": f"{self.date:%Y}",
        }[self.precision]

    @property
    def bounds(self) -> bool:
        """The date starts or ends a period ("none since Wednesday"): nothing happened that day."""
        return bool(_BOUND.match(self.text))

    @property
    def label(self) -> str:
        """How the briefing prints the period."""
        d = self.date
        if d is None:
            return self.text
        return {
            "day": f"{d.day} {d:%b %Y}",
            "monthday": f"{d.day} {d:%b}",
            "week": f"week of {d.day} {d:%b %Y}",
            "month": f"{d:%b %Y}",
            "year": f"{d:%Y}",
        }[self.precision]


def _month_before(base: dt.date, month: int, strictly: bool) -> dt.date:
    year = base.year if (month < base.month or (month == base.month and not strictly)) else base.year - 1
    return dt.date(year, month, 1)


def _day_of_month(base: dt.date, day: int) -> dt.date | None:
    """The latest `day` of this month or the last not after `base` (the 30th, read on 2 May,
    is 30 April); None when neither has it (the 31st, read on 2 May)."""
    first = base.replace(day=1)
    for month_start in (first, (first - dt.timedelta(days=1)).replace(day=1)):
        try:
            candidate = month_start.replace(day=day)
        except ValueError:  # the 31st of a 30-day month
            continue
        if candidate <= base:
            return candidate
    return None


def _resolve(kind: str, m: re.Match[str], base: dt.date | None) -> tuple[str, dt.date | None]:
    g = m.groupdict()
    # None only for a month word outside MONTHS that re.I still matched ("ſeptember", long s)
    month = MONTHS.get((g.get("month") or "").lower().rstrip("."))
    if kind == "iso":
        try:
            return "day", dt.date(int(g["year"]), int(g["mnum"]), int(g["day"]))
        except ValueError:
            return "day", None
    if kind in ("mdy", "dmy"):
        if month is None:
            return "day", None
        day = int(g["day"])
        try:
            if g.get("year"):
                return "day", dt.date(int(g["year"]), month, day)
            if base:  # the nearest such date not after the article (news reports the past)
                candidate = dt.date(base.year, month, day)
                if candidate > base + dt.timedelta(days=60):
                    candidate = dt.date(base.year - 1, month, day)
                return "day", candidate
            return "monthday", dt.date(2000, month, day)  # 2000: a leap year holds 29 Feb
        except ValueError:
            return "day", None
    if kind == "my":
        if month is None:
            return "month", None
        return "month", dt.date(int(g["year"]), month, 1)
    if kind in ("in_year", "as_year"):
        return "year", dt.date(int(g["year"]), 1, 1)
    if kind == "in_month":
        return "month", _month_before(base, month, strictly=False) if base and month else None
    if kind == "ordinal":
        return "day", _day_of_month(base, int(g["day"])) if base else None
    if base is None:
        return ("day" if kind in ("weekday", "yesterday", "today") else kind if kind in ("week", "month", "year") else "month"), None
    rel = (g.get("rel") or "").lower()
    if kind == "last_month_name":
        if month is None:
            return "month", None
        if rel == "next":
            return "month", dt.date(base.year + (month <= base.month), month, 1)
        return "month", _month_before(base, month, strictly=rel == "last")
    if kind == "weekday":
        wanted = WEEKDAYS[g["weekday"].lower()]
        back = (base.weekday() - wanted) % 7
        if rel == "next":
            return "day", base + dt.timedelta(days=(wanted - base.weekday()) % 7 or 7)
        if rel == "last" and back == 0:
            back = 7
        return "day", base - dt.timedelta(days=back)
    if kind == "yesterday":
        return "day", base - dt.timedelta(days=1)
    if kind == "today":
        return "day", base
    if kind == "week":
        monday = base - dt.timedelta(days=base.weekday())
        shift = {"last": -7, "previous": -7, "past": -7, "next": 7}.get(rel, 0)
        return "week", monday + dt.timedelta(days=shift)
    if kind == "month":
        first = base.replace(day=1)
        if rel in ("last", "previous"):
            return "month", (first - dt.timedelta(days=1)).replace(day=1)
        if rel == "next":
            return "month", (first + dt.timedelta(days=32)).replace(day=1)
        return "month", first
    if kind == "year":
        shift = {"last": -1, "previous": -1, "next": 1}.get(rel, 0)
        return "year", dt.date(base.year + shift, 1, 1)
    return "day", None


# _MAYBE and the patterns are tried at every position, under re.I: cheaper, a word each
# needs, looked for in tx.folded(text). A pattern whose word is missing is skipped, as it finds nothing.
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")  # of every MONTHS name
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "mdy": _MONTH_WORDS, "dmy": _MONTH_WORDS, "my": _MONTH_WORDS, "last_month_name": _MONTH_WORDS,
    "weekday": tuple(WEEKDAYS), "yesterday": ("yesterday", "day before", "day earlier", "previous day"),
    "today": ("today", "this morning", "this afternoon", "tonight"),
    "week": ("week",), "month": ("month",), "year": ("year",),
    "in_year": (), "as_year": (), "ordinal": (), "in_month": _MONTH_WORDS,
}  # fmt: skip
_NEEDS_YEAR = {"iso", "in_year", "as_year"}  # each holds a year "19dd" or "20dd" after no word character
_YEAR_STARTS_WORD = re.compile(r"(?<!\w)(?:19|20)\d\d")
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.I)  # what "on the 12th" holds: few sentences do
_WORDS = sorted({w for words in _NEEDS.values() for w in words})
_GATED = [(kind, pattern, kind in _NEEDS_YEAR, frozenset(_NEEDS[kind])) for kind, pattern in _PATTERNS]


def find_dates(text: str, base: dt.date | None) -> list[DateRef]:
    """Date mentions in `text`, longest first where they overlap, in text order."""
    low = tx.folded(text)
    year = _YEAR_STARTS_WORD.search(text) is not None
    present = {w for w in _WORDS if w in low}
    ordinal = _ORDINAL.search(text) is not None
    if not (year or present or ordinal):
        return []
    tried = [(kind, pattern) for kind, pattern, needs_year, needs in _GATED
             if (year or not needs_year) and (not needs or not needs.isdisjoint(present)) and (ordinal or kind != "ordinal")]
    return matches(text, tried, base)


def matches(text: str, patterns: Iterable[tuple[str, re.Pattern[str]]], base: dt.date | None) -> list[DateRef]:
    """The date mentions `patterns` find in `text`, an earlier pattern's first where they
    overlap, in text order."""
    if not _MAYBE.search(text):
        return []
    found: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in patterns:
        for m in pattern.finditer(text):
            if kind == "weekday" and not m.group("weekday"):
                continue
            start, end = m.start(), m.end()
            while start < end and text[start].isspace():
                start += 1
            if any(start < b and a < end for a, b in taken):
                continue
            precision, date = _resolve(kind, m, base)
            taken.append((start, end))
            found.append(DateRef(start, end, text[start:end], precision, date))
    return sorted(found, key=lambda d: d.start)




def _parser(lang: str, base: dt.date | None) -> DateDataParser:
    from dateparser.date import DateDataParser  # imported only when an untranslated date needs it

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=[lang], settings=settings)


# Two far-apart reference days: a date read the same against both is absolute; one that
# moves with them is relative and needs the article's own date.
_PROBES = (dt.date(2001, 3, 15), dt.date(2003, 8, 20))


def _read(parser: DateDataParser, text: str) -> DateData:
    data = parser.get_date_data(text)
    if data.date_obj is None and " " in text.strip():  # "am Freitag": try without the preposition
        data = parser.get_date_data(text.strip().split(" ", 1)[1])
    return data


def _start(day: dt.date, period: str) -> dt.date:
    """The first day of the period `day` falls in (a year read on 15 March is 1 January)."""
    return day.replace(month=1, day=1) if period == "year" else day.replace(day=1) if period == "month" else day


@lru_cache(maxsize=4096)  # a rebuild re-reads the same spans; dateparser is slow
def original_date(text: str, lang: str, base: dt.date | None) -> DateRef | None:
    """A DATE span of an untranslated original ("ngày 4 tháng 2", "am Freitag"), read by
    dateparser in the article's language and resolved against the article's date.

    Never a date: a time of day ("gegen 9:30 Uhr", "午前９時３０分") or a duration ("7 minutos"):
    times are cut out first, and what dateparser reads as minutes or hours from the reference
    (a result not at midnight) is refused. Without an article date a relative date ("am
    Freitag") is dropped, never resolved against the clock; a day and month without a year
    is kept as "monthday" (its year is then found from the corpus).
    """
    from .. import numbers

    plain = unicodedata.normalize("NFKC", text)
    plain = " ".join(numbers.TIME_OF_DAY.sub(" ", plain).split())
    if not re.search(r"[^\W\d_]{2,}|\d", plain):
        return None
    try:
        reads = [(b, _read(_parser(lang, b), plain)) for b in ((base,) if base else _PROBES)]
    except Exception:  # an unknown language code or a parser failure: no date, never a crash
        return None
    if any(data.date_obj is None or data.date_obj.time() != dt.time() for _, data in reads):
        return None
    period = reads[0][1].period if reads[0][1].period in ("day", "week", "month", "year") else "day"
    days = [_start(data.date_obj.date(), period) for _, data in reads]
    if base is not None or days[0] == days[1]:
        return DateRef(0, len(text), text, "day" if period == "week" else period, days[0])
    if period == "day" and (days[0].month, days[0].day) == (days[1].month, days[1].day):
        return DateRef(0, len(text), text, "monthday", dt.date(2000, days[0].month, days[0].day))
    return None
