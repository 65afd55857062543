"""Which files are web articles, and the Documents in one of them."""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from . import feed, page
from .document import Document
from .fetch import urls_by_file

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".json")
SUFFIXES = PAGE_SUFFIXES + FEED_SUFFIXES
MAX_BYTES = 10 * 2**20  # as fetch.MAX_BYTES: what the fetcher saves, the loader reads


def is_web(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def documents(path: Path, data: bytes) -> tuple[list[Document], list[str]]:
    """The articles in a saved page or feed file, and one-line problems (without the path)."""
    fetched_from = urls_by_file(path.parent).get(path.name)
    if path.suffix.lower() in FEED_SUFFIXES or feed.is_feed(data):
        if not feed.is_feed(data):
            raise UserError("is neither an RSS, Atom nor JSON feed")
        return feed.parse(data)
    document = page.extract(data, url=fetched_from)
    return [document], []
