"""Feed files: RSS 0.9x/1.0/2.0 and Atom through feedparser, JSON Feed by its spec.

Every entry becomes a Document: title, link, date, author, and the content (or
else the summary) turned into text the way pages are. XML with entity
declarations or external references is refused before feedparser sees it
(defusedxml's rules): a "billion laughs" feed costs a check, not the machine.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import json
import re
from typing import Any

from .. import sanitize
from ..errors import UserError
from .document import Document
from .page import html_text

MAX_ENTRIES = 2000  # entries read from one feed; the rest are named in one problem line
_JSON_FEED = "https://jsonfeed.org/version/"


def is_feed(data: bytes) -> bool:
    """Whether these bytes are a feed (by content, since feeds come with any suffix)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return _JSON_FEED.encode() in data[:4096]
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")) or (
        head.startswith(b"<?xml") and any(tag in data[:8192].lower() for tag in (b"<rss", b"<feed", b"<rdf:rdf"))
    )


def parse(data: bytes) -> tuple[list[Document], list[str]]:
    """The entries of a feed, and problem lines (entries past the bound, entries without text)."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        entries, declared = _json_entries(data)
    else:
        entries, declared = _xml_entries(data)
    match = re.match(r"\s*([A-Za-z]{2,3})\b", declared or "")
    lang = match.group(1).lower() if match else None
    problems: list[str] = []
    if len(entries) > MAX_ENTRIES:
        problems.append(f"holds {len(entries):,} entries; the first {MAX_ENTRIES:,} were read")
        entries = entries[:MAX_ENTRIES]
    documents = []
    empty = 0
    for number, entry in enumerate(entries, start=1):
        document = _document(entry, number, lang)
        if document is None:
            empty += 1
        else:
            documents.append(document)
    if empty:
        problems.append(f"{empty} {'entry has' if empty == 1 else 'entries have'} no text; skipped")
    if not documents:
        raise UserError("is a feed whose entries hold no text")
    return documents, problems


def _xml_entries(data: bytes) -> tuple[list[dict[str, Any]], str | None]:
    import feedparser
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise UserError(f"is a feed that declares XML entities or external references ({type(error).__name__}); refused") from None
    except ParseError:
        pass  # malformed XML: feedparser's lenient parser still reads what it can
    result = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    if not result.entries and result.get("bozo"):
        raise UserError("is not a feed that can be read (malformed XML)")
    return list(result.entries), result.feed.get("language")


def _json_entries(data: bytes) -> tuple[list[dict[str, Any]], str | None]:
    try:
        feed = json.loads(data)
    except (ValueError, RecursionError):
        raise UserError("is not valid JSON") from None
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith(_JSON_FEED):
        raise UserError("is JSON but not a JSON Feed (no jsonfeed.org version)")
    items = feed.get("items")
    if not isinstance(items, list):
        raise UserError("is a JSON Feed without items")
    out = []
    for item in items:
        if not isinstance(item, dict):
            continue
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        out.append(
            {
                "title": item.get("title"),
                "link": item.get("url") or item.get("external_url"),
                "author": ", ".join(str(a.get("name")) for a in authors if isinstance(a, dict) and a.get("name")),
                "published": item.get("date_published") or item.get("date_modified"),
                "content_html": item.get("content_html"),
                "content_text": item.get("content_text"),
                "summary": item.get("summary"),
            }
        )
    language = feed.get("language")
    return out, language if isinstance(language, str) else None


def _document(entry: dict[str, Any], number: int, lang: str | None) -> Document | None:
    html = _content(entry)
    text = html_text(html) if html else ""
    if not text.strip():
        return None
    title = sanitize.line(entry.get("title") or "") or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # a headline paragraph, as a saved page has
    link = entry.get("link")
    return Document(
        text=text,
        title=title,
        byline=sanitize.line(entry.get("author") or "") or None,
        date=_date(entry),
        url=sanitize.line(link) if isinstance(link, str) and link.startswith(("http://", "https://")) else None,
        lang=lang,
        part=f"#{number}",
    )


def _content(entry: dict[str, Any]) -> str:
    for item in entry.get("content") or ():
        if isinstance(item, dict) and item.get("value"):
            return str(item["value"])
    for key in ("content_html", "content_text", "summary", "description"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _date(entry: dict[str, Any]) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).date()
            except (OverflowError, ValueError, TypeError):
                continue
    published = entry.get("published")
    if isinstance(published, str):
        try:
            return dt.datetime.fromisoformat(published.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    return None
