"""What a page or a feed entry yields before it becomes an Article."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    text: str  # the main text, paragraphs separated by blank lines
    title: str | None = None
    byline: str | None = None
    date: dt.date | None = None
    url: str | None = None  # canonical URL when the page declares one
    outlet: str | None = None  # site name
    lang: str | None = None  # the language the page declares (a hint, not the truth)
    removed: tuple[str, ...] = ()  # what extraction left out: navigation, captions, credits, links
    part: str = ""  # "" for a page; the entry's position ("#3") in a feed
