"""Saved web pages: the main text and metadata, with trafilatura.

The charset comes from the bytes (BOM, HTTP-equiv and `<meta charset>`, then
detection), which trafilatura's loader does. The date is read from the page's
metadata only (htmldate without its text search): a date guessed from body text
is left to the dateline reader, which knows the article's language. Whatever
extraction dropped (navigation, captions, credits, related links) is returned
as removed lines, so the reader can show what was set aside.
"""

from __future__ import annotations

import copy
import datetime as dt
import re

from .. import sanitize
from ..errors import UserError
from .document import Document

MIN_SENTENCE_WORDS = 8  # a page whose every line is shorter is menus and links, not an article (CJK: 32 characters)
MAX_REMOVED = 300  # furniture lines kept per page; a page of more is a portal, not an article
# Elements that start a new line of the page as a reader sees it; the rest (a, span, b, ...) run inline.
_BLOCKS = frozenset(
    "address article aside blockquote body br caption dd details div dl dt figcaption figure footer form h1 h2 h3"
    " h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul".split()
)
_SKIP = frozenset("script style noscript template svg head iframe object".split())


def extract(data: bytes, url: str | None = None) -> Document:
    """The article in a page; UserError when the page holds no main text."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(data)
    if tree is None:
        raise UserError("is not a readable HTML page")
    declared = _declared_language(tree)
    page_lines = _lines(tree)
    # bare_extraction prunes the tree it is given: hand it a copy, keep the page for the diff.
    found = bare_extraction(
        copy.deepcopy(tree),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(found, "text", None) if found is not None else None
    if not text or not text.strip():
        raise UserError("holds no main text (a page of links, a log-in wall or a page built by scripts)")
    paragraphs = [p for p in (sanitize.line(p) for p in text.split("\n")) if p]
    if not any(len(p.split()) >= MIN_SENTENCE_WORDS or len(p) >= 4 * MIN_SENTENCE_WORDS for p in paragraphs):
        raise UserError("holds no main text (a page of links, a log-in wall or a page built by scripts)")
    kept = set(paragraphs)
    body = "\n".join(paragraphs)
    removed = [line for line in page_lines if line not in kept and line not in body][:MAX_REMOVED]
    return Document(
        text="\n\n".join(paragraphs),
        title=_field(found, "title"),
        byline=_field(found, "author"),
        date=_date(_field(found, "date")),
        url=_field(found, "url") or url,
        outlet=_field(found, "sitename"),
        lang=declared,
        removed=tuple(removed),
    )


def html_text(fragment: str) -> str:
    """Paragraphs of an HTML fragment (a feed entry's content), blank-line separated."""
    import lxml.html
    from lxml.etree import ParserError

    if "<" not in fragment:
        return "\n\n".join(p for p in (sanitize.line(x) for x in fragment.split("\n\n")) if p)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ParserError, ValueError):
        return sanitize.line(fragment)
    return "\n\n".join(_lines(root, keep_duplicates=True))


def _lines(root: object, keep_duplicates: bool = False) -> list[str]:
    """The page's text as a reader sees it: a line per block, inline elements joined; duplicates once."""
    from lxml import etree

    out: list[str] = []
    seen: set[str] = set()
    pieces: list[str] = []

    def flush() -> None:
        line = sanitize.line(" ".join(pieces)) if pieces else ""
        pieces.clear()
        if line and (keep_duplicates or line not in seen):
            seen.add(line)
            out.append(line)

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _SKIP or not tag:  # scripts, styles; comments and processing instructions
                if tag:
                    walker.skip_subtree()
                continue
            if tag in _BLOCKS:
                flush()
            pieces.append(element.text or "")
        else:
            if tag in _BLOCKS:
                flush()
            pieces.append(element.tail or "")
    flush()
    return out


def _declared_language(tree: object) -> str | None:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")  # type: ignore[attr-defined]
    if not lang:
        for meta in tree.iter("meta"):  # type: ignore[attr-defined]
            if (meta.get("http-equiv") or "").lower() == "content-language":
                lang = meta.get("content")
                break
    match = re.match(r"\s*([A-Za-z]{2,3})\b", lang or "")
    return match.group(1).lower() if match else None


def _field(found: object, name: str) -> str | None:
    value = getattr(found, name, None)
    return sanitize.line(value) or None if isinstance(value, str) else None


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
