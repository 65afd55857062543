"""The Argos package index: read it, pick what a language needs, download with progress.

We fetch the index ourselves rather than through `argostranslate.package`: with no
network its `get_available_packages()` recurses until `RecursionError`, and its
download has no progress and no timeout.
"""

from __future__ import annotations

import http.client
import json
import os
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from briefing import sanitize
from briefing.errors import UserError
from briefing.model import Progress, no_progress

from .packages import ENGLISH, InstalledPackage, find_route, package_name, valid_code

TIMEOUT = 20  # seconds without data before a download gives up
DEADLINE = 30 * 60  # seconds for one package's whole download, however slowly data trickles in
MAX_DOWNLOAD = 1024**3  # bytes: real packages are 50-300 MB
MAX_INDEX = 8 * 1024 * 1024  # bytes: the real index is ~40 KB
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
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
    to_name: str = ""

    @property
    def name(self) -> str:
        return package_name(self.from_code, self.to_code)


def index_url() -> str:
    """argostranslate's index address (ARGOS_PACKAGE_INDEX or its default)."""
    try:
        from argostranslate import settings
    except OSError:  # an unwritable home: its import fails, the address is still known
        base = os.environ.get("ARGOS_PACKAGE_INDEX")
        return base + "index.json" if base else DEFAULT_INDEX
    return settings.remote_package_index


def _open(url: str) -> http.client.HTTPResponse:
    """A GET with our User-Agent that gives up after TIMEOUT seconds without data."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    return urllib.request.urlopen(request, timeout=TIMEOUT)


def fetch_index(url: str | None = None) -> list[IndexEntry]:
    url = url or index_url()
    shown = sanitize.line(url)
    try:
        with _open(url) as response:
            data = response.read(MAX_INDEX + 1)
    except NETWORK_ERRORS as error:
        reason = sanitize.line(getattr(error, "reason", error))
        raise UserError(f"could not reach the Argos package index ({shown}: {reason}): {OFFLINE_HINT}") from None
    if len(data) > MAX_INDEX:
        raise UserError(f"the Argos package index at {shown} is over {MAX_INDEX // 2**20} MB: check ARGOS_PACKAGE_INDEX")
    try:
        raw = json.loads(data)
    except (ValueError, RecursionError):
        raise UserError(f"the Argos package index at {shown} is not JSON: check ARGOS_PACKAGE_INDEX") from None
    _keep_local_copy(data)
    entries = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or item.get("type", "translate") != "translate":
            continue
        links = item.get("links", [])
        links = tuple(link for link in links if isinstance(link, str)) if isinstance(links, list) else ()
        if valid_code(item.get("from_code")) and valid_code(item.get("to_code")) and links:
            entries.append(
                IndexEntry(
                    item["from_code"],
                    item["to_code"],
                    sanitize.line(item.get("package_version", ""))[:32],
                    links,
                    sanitize.line(item.get("from_name", ""))[:64],
                    sanitize.line(item.get("to_name", ""))[:64],
                )
            )
    return entries


def _keep_local_copy(data: bytes) -> None:
    """Where argospm reads the index, so `argospm` and we agree on what is available."""
    try:
        from argostranslate import settings

        Path(settings.local_package_index).write_bytes(data)
    except OSError:  # an unwritable data folder (or home): the copy is only a convenience
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
    from .languages import label

    known = sorted({e.from_code for e in entries if e.to_code == ENGLISH})
    raise UserError(
        f"no Argos package exists for {label(lang)} to English in the index: provide a translation as "
        f"NAME.en.txt beside NAME.txt, or install a .argosmodel file from elsewhere; "
        f"languages it offers: {', '.join(known) or 'none'}"
    )


def ordered_links(links: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(links to try, HTTPS before HTTP; links skipped, e.g. ipfs:// which needs a gateway)."""
    usable: list[str] = []
    skipped: list[str] = []
    for link in links:
        scheme = urllib.parse.urlsplit(link).scheme.lower()
        (usable if scheme in ("https", "http") else skipped).append(link)
    usable.sort(key=lambda link: not link.lower().startswith("https:"))
    return usable, skipped


def download(
    entry: IndexEntry, into: Path, progress: Progress = no_progress, *, max_bytes: int = MAX_DOWNLOAD, deadline: float = DEADLINE
) -> Path:
    """Download an index entry's file into the folder `into`; progress in bytes.

    Every HTTP(S) link is tried in turn; each failure is named with its link and the
    package, and the download is bounded in bytes and in total time.
    """
    stage = f"download {entry.name} {entry.version}".strip()
    usable, skipped = ordered_links(entry.links)
    failures = [f"{sanitize.line(link)} skipped (not an HTTP link)" for link in skipped]
    target = Path(tempfile.mkstemp(prefix=f"{entry.name}-", suffix=".argosmodel", dir=into)[1])
    for link in usable:
        try:
            _fetch(link, target, stage, progress, max_bytes, time.monotonic() + deadline)
            return target
        except _TooBig as error:
            failures.append(f"{sanitize.line(link)}: {error}")
        except NETWORK_ERRORS as error:
            failures.append(f"{sanitize.line(link)}: {sanitize.line(getattr(error, 'reason', error))}")
    target.unlink(missing_ok=True)
    tried = "; ".join(failures) or "the index gives no link"
    raise UserError(f"could not download {entry.name} {entry.version} ({tried}): {OFFLINE_HINT}")


class _TooBig(Exception):
    pass


def _fetch(link: str, target: Path, stage: str, progress: Progress, max_bytes: int, until: float) -> None:
    with _open(link) as response, open(target, "wb") as sink:
        declared = int(response.headers.get("Content-Length") or 0)
        if declared > max_bytes:
            raise _TooBig(f"{declared / 1e6:.0f} MB, over the {max_bytes / 1e6:.0f} MB bound")
        done = 0
        progress(stage, 0, declared)
        read = getattr(response, "read1", response.read)  # what has arrived: a trickle still meets the deadline
        while chunk := read(1 << 16):
            done += len(chunk)
            if done > max_bytes:
                raise _TooBig(f"more than the {max_bytes / 1e6:.0f} MB bound")
            if time.monotonic() > until:
                raise TimeoutError("not finished within the time allowed for one download")
            sink.write(chunk)
            progress(stage, done, max(declared, done))
