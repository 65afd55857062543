"""Which files are web articles, the Documents in one of them, and their cache form."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from ..errors import UserError
from . import document as document_module
from . import feed, page
from .document import Document
from .fetch import urls_by_file

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".json")
SUFFIXES = PAGE_SUFFIXES + FEED_SUFFIXES
MAX_BYTES = 10 * 2**20  # as fetch.MAX_BYTES: what the fetcher saves, the loader reads
MODULES: tuple[ModuleType, ...] = (page, feed, document_module, sys.modules[__name__])  # cache key: their source

__all__ = ["MAX_BYTES", "MODULES", "SUFFIXES", "documents", "from_json", "is_web", "to_json", "urls_by_file"]


def is_web(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def documents(path: Path, data: bytes, fetched_from: str | None = None) -> tuple[list[Document], list[str]]:
    """The articles in a saved page or feed file, and one-line problems (without the path)."""
    if path.suffix.lower() in FEED_SUFFIXES or feed.is_feed(data):
        if not feed.is_feed(data):
            raise UserError("is neither an RSS, Atom nor JSON feed")
        return feed.parse(data)
    return [page.extract(data, url=fetched_from)], []


def to_json(document: Document) -> dict[str, Any]:
    fields = dict(vars(document))
    fields["date"] = document.date.isoformat() if document.date else None
    fields["removed"] = list(document.removed)
    return fields


def from_json(data: dict[str, Any]) -> Document:
    return Document(**{
        **data,
        "date": dt.date.fromisoformat(data["date"]) if data.get("date") else None,
        "removed": tuple(data.get("removed", ())),
    })
