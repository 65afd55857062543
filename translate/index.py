"""The Argos package index: read it, pick what a language needs, download with progress.

We fetch the index ourselves rather than through `argostranslate.package`: with no
network its `get_available_packages()` recurses until `RecursionError`, and its
download has no progress and no timeout.
"""

from __future__ import annotations

import json
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import UserError
from briefing.model import Progress, no_progress

from .packages import ENGLISH, InstalledPackage, find_route, package_name

TIMEOUT = 20  # seconds without data before a download gives up
USER_AGENT = "briefing (argos-translate)"
# what a failed request raises: no network, an HTTP error, a malformed address
NETWORK_ERRORS = (urllib.error.URLError, OSError, ValueError)
OFFLINE_HINT = "check your connection, or copy a .argosmodel file and run `briefing models install FILE`"


@dataclass(frozen=True)
class IndexEntry:
    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]
    from_name: str = ""

    @property
    def name(self) -> str:
        return package_name(self.from_code, self.to_code)


def index_url() -> str:
    """argostranslate's index address (ARGOS_PACKAGE_INDEX or its default)."""
    from argostranslate import settings

    return settings.remote_package_index


def _open(url: str):
    """A GET with our User-Agent that gives up after TIMEOUT seconds without data."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    return urllib.request.urlopen(request, timeout=TIMEOUT)


def fetch_index(url: str | None = None) -> list[IndexEntry]:
    url = url or index_url()
    try:
        with _open(url) as response:
            data = response.read()
    except NETWORK_ERRORS as error:
        reason = getattr(error, "reason", error)
        raise UserError(f"could not reach the Argos package index ({url}: {reason}): {OFFLINE_HINT}") from None
    try:
        raw = json.loads(data)
    except ValueError:
        raise UserError(f"the Argos package index at {url} is not JSON: check ARGOS_PACKAGE_INDEX") from None
    _keep_local_copy(data)
    entries = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        links = tuple(link for link in item.get("links", []) if isinstance(link, str))
        if isinstance(item.get("from_code"), str) and isinstance(item.get("to_code"), str) and links:
            entries.append(
                IndexEntry(item["from_code"], item["to_code"], str(item.get("package_version", "")), links, str(item.get("from_name", "")))
            )
    return entries


def _keep_local_copy(data: bytes) -> None:
    """Where argospm reads the index, so `argospm` and we agree on what is available."""
    try:
        from argostranslate import settings

        Path(settings.local_package_index).write_bytes(data)
    except OSError:
        pass


def plan(entries: list[IndexEntry], lang: str, installed: list[InstalledPackage]) -> list[IndexEntry]:
    """The index packages that take `lang` to English: direct, else via one pivot."""
    if lang == ENGLISH:
        raise UserError("English needs no model: articles in English are shown as written")
    by_pair = {(e.from_code, e.to_code): e for e in entries}
    if (lang, ENGLISH) in by_pair:
        return [by_pair[(lang, ENGLISH)]]
    for (source, pivot), first in sorted(by_pair.items()):
        if source != lang:
            continue
        if (route := find_route(installed, pivot)) and route[0].to_code == ENGLISH:
            return [first]  # pivot -> English is installed already
        if (pivot, ENGLISH) in by_pair:
            return [first, by_pair[(pivot, ENGLISH)]]
    known = sorted({e.from_code for e in entries if e.to_code == ENGLISH})
    raise UserError(
        f"the Argos index has no model from {lang!r} to English; languages it offers: {', '.join(known) or 'none'}"
    )


def download(entry: IndexEntry, into: Path, progress: Progress = no_progress) -> Path:
    """Download an index entry's file into the folder `into`; progress in bytes."""
    target = Path(tempfile.mkstemp(prefix=f"{entry.name}-", suffix=".argosmodel", dir=into)[1])
    last_error: object = "no link"
    for link in entry.links:
        try:
            with _open(link) as response, open(target, "wb") as sink:
                total = int(response.headers.get("Content-Length") or 0)
                done = 0
                progress(f"download {entry.name}", 0, total)
                while chunk := response.read(1 << 16):
                    sink.write(chunk)
                    done += len(chunk)
                    progress(f"download {entry.name}", done, max(total, done))
            return target
        except NETWORK_ERRORS as error:
            last_error = getattr(error, "reason", error)
    target.unlink(missing_ok=True)
    raise UserError(f"could not download {entry.name} ({last_error}): {OFFLINE_HINT}")
