"""`briefing fetch`: the one command besides `models install` that uses the network.

A page URL saves the page; a feed URL saves the feed (its entries are the
articles) and, with `follow`, the pages its entries link to. Everything goes to
one library folder as fetched, under names derived from the URL, so fetching
again replaces a file instead of adding one; ETag / Last-Modified make a second
fetch of an unchanged URL cost one small request. Each failure is one line and
costs nothing already saved: files are written whole or not at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

from .. import __version__, sanitize
from ..errors import UserError
from . import feed

STATE = ".fetch-state.json"  # hidden: the corpus loader skips it; the user never edits it
TIMEOUT = 15.0  # seconds for the connection and for each read
DEADLINE = 60.0  # seconds for one URL in all, so a server that drips bytes cannot hold us
MAX_BYTES = 10 * 2**20  # a news page with inline scripts is under 3 MB; a feed of 2,000 entries under 10
MAX_REDIRECTS = 5
USER_AGENT = f"briefing/{__version__} (offline news briefing reader; one request per URL the user named)"
_PAGE_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
               "text/xml", "application/feed+json", "application/json")

Report = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Limits:
    timeout: float = TIMEOUT
    deadline: float = DEADLINE
    max_bytes: int = MAX_BYTES


@dataclass
class FetchResult:
    saved: list[Path] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # one line each: "URL: what went wrong"


class FetchError(Exception):
    """One URL could not be fetched; the message says why, in one line."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 1  # the same URL twice in a chain is a loop

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"redirected to a {urllib.parse.urlsplit(newurl).scheme or 'relative'} URL; only http and https are fetched")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(urls: Iterable[str], folder: Path, follow: bool = False, limit: int = 20,
          report: Report | None = None, limits: Limits = Limits()) -> FetchResult:
    """Fetch each URL into `folder`; with `follow`, also up to `limit` pages linked from each feed."""
    folder.mkdir(parents=True, exist_ok=True)
    state = _load_state(folder)
    result = FetchResult()
    todo = [(url, False) for url in urls]
    done = 0
    while todo:
        url, linked = todo.pop(0)
        done += 1
        if report:
            report("fetch", done - 1, done + len(todo))
        try:
            outcome = _one(url, folder, state, linked, limits)
        except FetchError as error:
            result.failures.append(f"{sanitize.line(url)}: {error}")
            continue
        if outcome is None:
            result.unchanged.append(url)
            path = folder / state[url]["file"]
        else:
            path = outcome
            result.saved.append(path)
        _save_state(folder, state)  # after each file: an interrupt loses nothing already saved
        if follow and not linked and path.suffix in (".xml", ".json"):
            todo.extend((link, True) for link in _links(path)[:limit] if link not in {u for u, _ in todo})
    if report:
        report("fetch", done, done)
    return result


def _one(url: str, folder: Path, state: dict[str, dict[str, str]], want_page: bool, limits: Limits) -> Path | None:
    """Fetch one URL; the saved file, or None when the server says it has not changed."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError("only http:// and https:// URLs are fetched")
    known = state.get(url, {})
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
               "application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.1"}
    if known.get("file") and (folder / known["file"]).exists():
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("modified"):
            headers["If-Modified-Since"] = known["modified"]
    opener = urllib.request.build_opener(_Redirects())
    started = time.monotonic()
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=limits.timeout) as response:
            kind = _kind(response.headers, want_page)
            data = _read(response, started, limits)
            final = response.geturl()
            etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None
        if error.code in (301, 302, 303, 307, 308):
            raise FetchError(f"more than {MAX_REDIRECTS} redirects, or a redirect loop") from None
        raise FetchError(f"the server answered {error.code} {sanitize.line(error.reason)}") from None
    except urllib.error.URLError as error:
        raise FetchError(_reason(error.reason, limits)) from None
    except (ConnectionError, OSError) as error:  # TimeoutError included
        raise FetchError(_reason(error, limits)) from None
    if kind == "feed" and not feed.is_feed(data):
        raise FetchError("was served as XML/JSON but is not an RSS, Atom or JSON feed")
    suffix = ".html" if kind == "page" else (".json" if data.lstrip()[:1] == b"{" else ".xml")
    name = _name(url, suffix)
    _write(folder / name, data)
    state[url] = {k: v for k, v in {"file": name, "etag": etag, "modified": modified, "final": final}.items() if v}
    return folder / name


def _kind(headers: Message, want_page: bool) -> str:
    content_type = (headers.get_content_type() or "").lower()
    if content_type in _PAGE_TYPES:
        return "page"
    if content_type in _FEED_TYPES or content_type.endswith(("+xml", "+json")):
        if want_page:
            raise FetchError(f"links to {content_type}, not a page")
        return "feed"
    raise FetchError(f"is {content_type or 'of no declared type'}, not a web page or a feed")


def _read(response: object, started: float, limits: Limits) -> bytes:
    length = response.headers.get("Content-Length")  # type: ignore[attr-defined]
    if length and length.isdigit() and int(length) > limits.max_bytes:
        raise FetchError(f"is {int(length) / 2**20:.1f} MB, over the {_mb(limits.max_bytes)} limit for one page or feed")
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() - started > limits.deadline:
            raise FetchError(f"took longer than {limits.deadline:g} s in all")
        chunk = response.read(65536)  # type: ignore[attr-defined]
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(f"is over the {_mb(limits.max_bytes)} limit for one page or feed")
        chunks.append(chunk)


def _mb(size: int) -> str:
    return f"{size / 2**20:g} MB"


def _reason(reason: object, limits: Limits) -> str:
    if isinstance(reason, TimeoutError):
        return f"no answer within {limits.timeout:g} s"
    if isinstance(reason, socket.gaierror):
        return "the host name could not be resolved (no network?)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(reason, FetchError):
        return str(reason)
    return sanitize.line(getattr(reason, "strerror", None) or reason)


def _name(url: str, suffix: str) -> str:
    """A stable file name: the host for people, a hash of the URL so two URLs never share one."""
    host = re.sub(r"[^a-z0-9.-]+", "-", urllib.parse.urlsplit(url).netloc.lower()).strip("-.")[:60] or "page"
    return f"{host}-{hashlib.sha256(url.encode()).hexdigest()[:12]}{suffix}"


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: a temporary file beside it, renamed over it once complete."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with open(partial, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:  # ctrl+c included: nothing half-written stays in the library
        partial.unlink(missing_ok=True)
        raise


def _load_state(folder: Path) -> dict[str, dict[str, str]]:
    try:
        state = json.loads((folder / STATE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # no state (or a damaged one) only means the next fetch is not conditional
    return {k: v for k, v in state.items() if isinstance(v, dict) and isinstance(v.get("file"), str)} if isinstance(state, dict) else {}


def _save_state(folder: Path, state: dict[str, dict[str, str]]) -> None:
    _write(folder / STATE, json.dumps(state, indent=1, sort_keys=True).encode())


def _links(path: Path) -> list[str]:
    try:
        documents, _ = feed.parse(path.read_bytes())
    except (UserError, OSError):
        return []
    return list(dict.fromkeys(d.url for d in documents if d.url))


def urls_by_file(folder: Path) -> dict[str, str]:
    """File name -> the URL it was fetched from (for articles whose page names no canonical URL)."""
    return {v["file"]: url for url, v in _load_state(folder).items()}
