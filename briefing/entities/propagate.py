"""Finding known entities again in any text, and money and dates in the originals.

The matcher works on folded text (case, diacritics, hyphen/space variants folded away;
see text.py) by looking up runs of words, so "LEE JAE-YONG", "Lee Jae Yong" and
"Lee Jae-yong" all find one entity, in an English view or a Latin-script original. In
originals a short inflectional ending may follow a name ("Sam Altmant", "Lees",
"Chey Tae-wonnal"): the span covers the name only.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from itertools import pairwise

from .. import numbers
from ..model import Span
from .aliases import Registry
from .text import Folded, fold_text, key, tokens, words

_GAP = re.compile(r" |\u00a0|&| & |\.|'")  # what may sit between the words of one name
_MAX_ENDING = 4  # letters of an inflectional ending after a name in an original


class Matcher:
    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.longest = max([1, *(len(words(d)) for g in registry.groups for d in g.displays)])
        # A run can only start on a word that begins some known name: a cheap filter.
        self.firsts = {words(d)[0] for g in registry.groups for d in g.displays if words(d)}
        self.prefixes = {f[:n] for f in self.firsts for n in range(2, len(f) + 1)} | self.firsts

    def _may_start(self, word: str, foreign: bool) -> bool:
        if word in self.prefixes:
            return True
        return foreign and any(word[:-cut] in self.firsts for cut in range(1, _MAX_ENDING + 1))

    def find(self, text: str, foreign: bool) -> list[Span]:
        """Non-overlapping spans of known entities, leftmost-longest."""
        folded = fold_text(text)
        toks = tokens(folded.text)
        # joined[j]: tokens j and j+1 may belong to one name
        joined = [bool(_GAP.fullmatch(folded.text[a[1] : b[0]])) for a, b in pairwise(toks)] + [False]
        spans: list[Span] = []
        i = 0
        while i < len(toks):
            if not self._may_start(toks[i][2], foreign):
                i += 1
                continue
            hit = self._match_at(text, folded, toks, joined, i, foreign)
            if hit is None:
                i += 1
                continue
            span, used = hit
            spans.append(span)
            i += used
        return spans

    def _match_at(
        self, text: str, folded: Folded, toks: list[tuple[int, int, str]], joined: list[bool], i: int, foreign: bool
    ) -> tuple[Span, int] | None:
        by_key = self.registry.by_key
        reach = 1
        while reach < self.longest and i + reach < len(toks) and joined[i + reach - 1]:
            reach += 1
        for n in range(reach, 0, -1):
            run = toks[i : i + n]
            compact = "".join(t for _, _, t in run)
            cut = 0
            group = by_key.get(compact)
            if group is None and foreign and (n > 1 or len(compact) > _MAX_ENDING):
                last = run[-1][2]
                for cut in range(1, _MAX_ENDING + 1):
                    if len(last) - cut < 2 or not last[-cut:].isalpha():
                        break
                    group = by_key.get(compact[:-cut])
                    if group is not None:
                        break
            if group is None:
                continue
            start, end = folded.span(run[0][0], run[-1][1] - cut)
            if group.name[:1].isupper() and not text[start].isupper():
                continue  # "son", "meta": a common word, not the name
            return Span(start, end, group.label, group.id, text[start:end]), n
        return None


# Month and weekday names are what make a dateparser hit a date, not a stray word
# ("mit", "die" are German abbreviations of weekdays): only full names count.
def _calendar_words(lang: str) -> set[str]:
    from dateparser.languages import default_loader

    try:
        info = default_loader.get_locale(lang).info
    except Exception:
        return set()
    names = ("january february march april may june july august september october november december "
             "monday tuesday wednesday thursday friday saturday sunday").split()
    found = set()
    for name in names:
        forms = [key(w) for w in info.get(name, []) if key(w).isalpha()]
        if forms:
            longest = max(forms, key=len)
            if len(longest) >= 4:
                found.add(longest)
    return found


def _is_date(surface: str, calendar: set[str]) -> bool:
    if "_" in surface or re.search(r"\d[^\W\d_]|[^\W\d_]\d", surface):
        return False  # "ad_1", "H100": identifiers, not dates
    if any(v.kind == "duration" for v in numbers.find_values(surface)):
        return False  # "7 Minuten": how long, not when
    surface = numbers.TIME_OF_DAY.sub(" ", surface)  # "gegen 9:30 Uhr": what is left must be a date
    ws = [key(w) for w in re.findall(r"\w+", surface)]
    if any(w.startswith(c) for w in ws for c in calendar):
        return True  # "am Freitag", "Juni", "hétfőn"
    if re.fullmatch(r"\d{4}\.?", surface.strip()):
        return 1800 <= int(surface.strip(" .")) <= 2100
    # digits with words ("ngày 4 tháng 2", "15. März"), never a bare number range ("15-20")
    return any(c.isdigit() for c in surface) and any(c.isalpha() for c in surface)


def date_windows(text: str, lang: str, calendar: set[str]) -> list[tuple[int, int]]:
    """Stretches of `text` where `_is_date` can accept something: runs of sentences with a
    digit or (folded) a month or weekday name. A sentence with neither holds no date it
    keeps, and dateparser is the slowest step of an untranslated article."""
    from ..sentences import split

    folded = fold_text(text)  # once: folding is a loop over the characters
    named = re.compile("|".join(sorted(map(re.escape, calendar), key=len, reverse=True)) or "(?!)")
    hits = sorted(folded.origin[m.start()] for m in named.finditer(folded.text))
    starts = [0] + [s for s, _ in split(text, lang)[1:]] + [len(text)]
    windows: list[tuple[int, int]] = []
    for start, end in pairwise(starts):
        named_here = bisect.bisect_left(hits, start) < bisect.bisect_left(hits, end)
        if named_here or any(c.isdigit() for c in text[start:end]):
            if windows and windows[-1][1] == start:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
    return windows


def find_dates(text: str, lang: str, base: dt.date | None = None, *, prefilter: bool = True) -> list[tuple[int, int]]:
    """Date expressions in `text` (dateparser, language-aware), as offsets; with `prefilter`,
    searched only in `date_windows` (same result, tested on the seeds and bench/corpora)."""
    from dateparser.search import search_dates

    relative = dt.datetime.combine(base or dt.date(2000, 1, 1), dt.time())
    calendar = _calendar_words(lang)
    spans: list[tuple[int, int]] = []
    for offset, stop in date_windows(text, lang, calendar) if prefilter else [(0, len(text))]:
        piece = text[offset:stop]
        try:
            found = search_dates(piece, languages=[lang], settings={"RELATIVE_BASE": relative}) or []
        except Exception:  # dateparser has no data for some languages: no dates, not a crash
            return []
        cursor = 0
        for surface, _ in found:
            start = piece.find(surface, cursor)
            if start < 0:
                continue
            cursor = start + len(surface)
            if _is_date(surface, calendar):
                spans.append((offset + start, offset + start + len(surface)))
    return spans


def values(text: str, lang: str, dates: list[tuple[int, int]]) -> list[Span]:
    """MONEY and DATE spans of an original; money wins where the two overlap ("15-20")."""
    money = [Span(v.start, v.end, "MONEY", "", v.text) for v in numbers.find_money(text, lang)]
    out = list(money)
    for start, end in dates:
        if not any(s.start < end and start < s.end for s in money):
            out.append(Span(start, end, "DATE", "", text[start:end]))
    return out


def merge(*layers: list[Span]) -> tuple[Span, ...]:
    """Spans from several sources, earlier layers winning overlaps, sorted."""
    # Taken spans are disjoint and kept sorted, so only the last one starting before a
    # span's end can overlap it: one look per span, not a scan (a 1 MB article has 30,000).
    keys: list[tuple[int, int]] = []
    taken: list[Span] = []
    for layer in layers:
        for span in sorted(layer, key=lambda s: (s.start, -s.end)):
            before = bisect.bisect_left(keys, (span.end, -1))
            if before and taken[before - 1].end > span.start and taken[before - 1].start < span.end:
                continue
            at = bisect.bisect_left(keys, (span.start, span.end))
            keys.insert(at, (span.start, span.end))
            taken.insert(at, span)
    return tuple(taken)
