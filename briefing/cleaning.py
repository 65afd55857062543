"""Separating body text from what a scraped news page carries around it.

Adverts, page furniture (weather, a lone city name), bylines and datelines are
not body text; each removed line is returned as a `Removed` so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .model import Removed

_ADVERT = re.compile(
    r"^\s*(\[ad_?\d*\]|[-–—\s]*(advertisement|advertising|anzeige|werbung|hirdetés|quảng cáo|publicité|publicidad|pubblicità)[-–—\s]*)\s*$",
    re.IGNORECASE,
)
_WEATHER = re.compile(r"^\s*-?\d{1,3}(?:[.,]\d)?\s*°?\s*[FC]\s*$")
_EMAIL_TAIL = re.compile(r"[\[(<]\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[\])>]\s*$")
_BYLINE = re.compile(
    r"^\s*(?:by|von|par|por|di|door|av|af|przez|írta|bởi|tác giả)[:\s]+(?P<name>[^\d.!?;]{3,60}?)\s*$",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:[ T]\d{1,2}:\d\d(?::\d\d)?)?\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
# No brackets inside: a line of a million "[" stays linear (each try ends at the next bracket).
_MD_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
_LINE_ENDS = (".", "!", "?", ":", "”", '"', "。", "！", "？", "」")  # a line ending so is not hard-wrapped
DATELINE_TRIES = 60  # short lines read as possible datelines: a file of 100,000 dates costs 60 parses
BYLINE_CHARS = 300  # a byline is a short line; longer ones are body text and not worth the regex


@dataclass(frozen=True)
class Cleaned:
    paragraphs: tuple[str, ...]
    removed: tuple[Removed, ...]
    byline: str | None
    date: dt.date | None
    date_text: str | None


def _words(line: str) -> int:
    return len(line.split())


def _parse_dateline(line: str, lang: str) -> dt.date | None:
    """A date when the whole short line is a dateline, else None."""
    if _words(line) > 8:
        return None
    iso = _ISO_DATE.search(line)
    if iso and _words(_ISO_DATE.sub("", line)) <= 3:
        try:
            return dt.date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
        except ValueError:
            return None
    if not _YEAR.search(line):
        return None  # "Friday" alone is not a dateline
    import dateparser  # only for lines that look like a dateline: it costs a few ms

    languages = [lang, "en"] if lang != "en" else ["en"]
    try:
        found = dateparser.parse(line.strip(), languages=languages, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return found.date() if found else None


DATE_LIST = 3  # date-only lines in a row that are a page's navigation, not its dateline


def _date_lists(dates: dict[int, dt.date]) -> set[int]:
    """Positions of date-only lines in runs of DATE_LIST or more, one after another, of
    different days: a gallery's or archive's list of days, none of them the article's."""
    out: set[int] = set()
    run: list[int] = []
    for position in [*sorted(dates), -2]:  # -2: a sentinel that ends the last run
        if run and (position != run[-1] + 1 or dates[position] == dates[run[-1]]):
            if len(run) >= DATE_LIST:
                out.update(run)
            run = []
        if position >= 0:
            run.append(position)
    return out


def _byline(line: str) -> str | None:
    if len(line) > BYLINE_CHARS:
        return None
    email = _EMAIL_TAIL.search(line)
    head = line[: email.start()] if email else line
    match = _BYLINE.match(head)
    if match and _words(match["name"]) <= 5 and not re.search(r"[,;:]\s*\w+\s+\w+\s+\w+", match["name"]):
        name = match["name"].strip()
        return name.title() if name.isupper() else name
    if email and _words(head) <= 5 and head.strip():
        return head.strip().title() if head.strip().isupper() else head.strip()
    return None


def _is_place(line: str, position: int, first_body: int) -> bool:
    """A lone place name in the page header ("Los Angeles"), not a headline."""
    words = line.split()
    return position < first_body and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not re.search(r"[\d.!?:;,]", line)


WRAP_WIDTH = 40  # a shorter line is no wrapped line of prose
WRAP_SHARE = 0.75  # of the block's longest line, the least a wrapped line is


def _paragraph_lines(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Join hard-wrapped lines of a block into one paragraph; keep one-line paragraphs."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in lines:
        if line.strip():
            blocks[-1].append((number, line.strip()))
        elif blocks[-1]:
            blocks.append([])
    out: list[tuple[int, str]] = []
    for block in blocks:
        if not block:
            continue
        # Hard-wrapped lines are about as long as the block's longest: "Kerry (file photo)"
        # printed twice above a 230-character lead is a caption, not the lead's first lines.
        longest = max(len(text) for _, text in block)
        wrapped = len(block) > 1 and all(len(text) >= max(WRAP_WIDTH, WRAP_SHARE * longest) and not text.endswith(_LINE_ENDS)
                                         for _, text in block[:-1])
        if wrapped:
            out.append((block[0][0], " ".join(text for _, text in block)))
        else:
            out.extend(block)
    return out


def clean(text: str, lang: str, markdown: bool = False) -> Cleaned:
    raw_lines = list(enumerate(text.split("\n"), start=1))
    if markdown:
        raw_lines = [(n, _MD_LINK.sub(r"\1", _MD_HEADING.sub("", line))) for n, line in raw_lines]
    lines = _paragraph_lines(raw_lines)
    first_body = next((i for i, (_, line) in enumerate(lines) if _words(line) >= 8), len(lines))

    kept: list[str] = []
    removed: list[Removed] = []
    byline: str | None = None
    date: dt.date | None = None
    date_text: str | None = None
    tries = DATELINE_TRIES
    dates: dict[int, dt.date] = {}  # position -> the date of a line that is nothing but one
    for position, (_, line) in enumerate(lines):
        if tries <= 0:
            break
        if _words(line) <= 8:
            tries -= 1
            if found := _parse_dateline(line, lang):
                dates[position] = found
    listed = _date_lists(dates)
    for position, (number, line) in enumerate(lines):
        if _ADVERT.match(line):
            removed.append(Removed("advert", number, line))
            continue
        if _WEATHER.match(line) or _is_place(line, position, first_body):
            removed.append(Removed("furniture", number, line))
            continue
        name = _byline(line)
        if name:
            byline = byline or name
            removed.append(Removed("byline", number, line))
            continue
        if position in listed:  # an archive's list of days ("March 31, 2015", "March 30, 2015", ...)
            removed.append(Removed("furniture", number, line))
            continue
        found = dates.get(position)
        if found:
            date, date_text = date or found, date_text or line.strip()
            removed.append(Removed("dateline", number, line))
            continue
        kept.append(re.sub(r"\s+", " ", line).strip())
    return Cleaned(tuple(kept), tuple(removed), byline, date, date_text)
