"""A versioned SQLite cache shared by every stage.

Entries are keyed by (stage, version, key): a stage bumps its version when its
output changes shape, and old rows are simply never read again. Values are JSON.
A corrupted or foreign file is moved aside and rebuilt, never a crash. A healthy file
that cannot be written (read-only file, folder or disk) is read without writing, and a
write that fails (a full disk) costs one warning, never the session.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from . import paths

APPLICATION_ID = 0x42524946  # "BRIF": tells our file from any other SQLite file
SCHEMA_VERSION = 1
_HEADER = b"SQLite format 3\x00"
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entries ("
    " stage TEXT NOT NULL, version TEXT NOT NULL, key TEXT NOT NULL,"
    " value TEXT NOT NULL, created REAL NOT NULL,"
    " PRIMARY KEY (stage, version, key)) WITHOUT ROWID"
)

Warn = Callable[[str], None]
# SQLite result codes (the low byte of sqlite_errorcode) that mean the file itself is bad;
# anything else (read-only, busy, cannot open, disk full) may hit a healthy file.
_CORRUPT = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_FULL = 13  # SQLITE_FULL


def source_version(*modules: object) -> str:
    """A stage version from the source of the modules that compute it.

    Rule-based stages change with their code, not with a model: keying their cache on
    the code means an upgrade (or a developer's edit) never serves results of old rules.
    """
    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(module.__file__).read_bytes())  # type: ignore[attr-defined]
    return digest.hexdigest()[:12]


class CacheError(Exception):
    pass


def _is_ours(conn: sqlite3.Connection) -> bool:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id == 0 and not tables:
        return True  # a fresh, empty database
    if app_id != APPLICATION_ID:
        return False
    return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


class Cache:
    read_only = False  # a healthy cache we may read but not write: puts are skipped

    def __init__(self, path: Path | None = None, warn: Warn | None = None) -> None:
        self.path = Path(path) if path else paths.cache_file()
        self._warn = warn or (lambda message: None)
        self._warned: set[str] = set()
        self._lock = threading.Lock()
        self._conn = self._open()

    # -- opening -----------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect()
        except (OSError, sqlite3.DatabaseError, CacheError) as error:
            first = error
        if _is_corrupt(first):
            try:
                aside = self._move_aside()
                self._warn(f"cache {self.path} was unreadable ({first}); moved to {aside.name} and rebuilt")
                return self._connect()
            except (OSError, sqlite3.DatabaseError, CacheError) as error:
                first = error
        else:
            try:
                conn = self._connect_read_only()
                self.read_only = True
                self._warn(f"cache {self.path} cannot be written ({first}); using it read-only, new results are not kept")
                return conn
            except (OSError, sqlite3.DatabaseError, CacheError):
                pass
        # A read-only or missing cache folder costs speed, never the session.
        self._warn(f"cache {self.path} cannot be used ({first}); working without a cache")
        return _memory_connection()

    def _connect(self) -> sqlite3.Connection:
        if self.path.exists() and self.path.stat().st_size:
            with self.path.open("rb") as handle:
                if handle.read(len(_HEADER)) != _HEADER:
                    raise CacheError("not an SQLite file")
        conn = sqlite3.connect(self.path, timeout=10, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            if not _is_ours(conn):
                raise CacheError("not a briefing cache")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute(SCHEMA)
        except Exception:
            conn.close()
            raise
        return conn

    def _connect_read_only(self) -> sqlite3.Connection:
        """The existing file opened read-only; `immutable` when SQLite cannot make its -shm file."""
        if not self.path.is_file():
            raise CacheError("no cache file")
        uri = self.path.resolve().as_uri()
        for query in ("?mode=ro", "?mode=ro&immutable=1"):
            conn = sqlite3.connect(uri + query, uri=True, check_same_thread=False, isolation_level=None)
            try:
                if not _is_ours(conn):
                    raise CacheError("not a briefing cache")
                conn.execute("SELECT count(*) FROM entries").fetchone()
                return conn
            except sqlite3.OperationalError:
                conn.close()  # e.g. no -shm file and no right to create one: try immutable
            except BaseException:
                conn.close()
                raise
        raise CacheError("cannot be opened read-only")

    def _move_aside(self) -> Path:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                part.replace(Path(str(aside) + suffix))
        return aside

    # -- reading and writing ----------------------------------------------

    def get(self, stage: str, version: str, key: str) -> Any | None:
        return self.get_many(stage, version, [key]).get(key)

    def get_many(self, stage: str, version: str, keys: Iterable[str]) -> dict[str, Any]:
        keys = list(dict.fromkeys(keys))
        found: dict[str, Any] = {}
        try:
            with self._lock:
                for i in range(0, len(keys), 500):  # stay under SQLite's variable limit
                    chunk = keys[i : i + 500]
                    marks = ",".join("?" * len(chunk))
                    rows = self._conn.execute(
                        f"SELECT key, value FROM entries WHERE stage=? AND version=? AND key IN ({marks})",
                        (stage, version, *chunk),
                    ).fetchall()
                    for key, value in rows:
                        found[key] = json.loads(value)
        except (sqlite3.DatabaseError, ValueError) as error:
            self._warn_once("read", f"cache read failed ({error}); recomputing what is missing")
            return {}
        return found

    def put(self, stage: str, version: str, key: str, value: Any) -> None:
        self.put_many(stage, version, {key: value})

    def put_many(self, stage: str, version: str, items: Mapping[str, Any]) -> None:
        now = time.time()
        rows = [(stage, version, k, json.dumps(v, ensure_ascii=False), now) for k, v in items.items()]
        if not rows or self.read_only:
            return
        try:
            with self._lock:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    self._conn.executemany("INSERT OR REPLACE INTO entries VALUES (?,?,?,?,?)", rows)
                    self._conn.execute("COMMIT")
                except BaseException:
                    if self._conn.in_transaction:  # SQLite may have rolled back already (a full disk)
                        self._conn.execute("ROLLBACK")
                    raise
        except sqlite3.DatabaseError as error:
            full = getattr(error, "sqlite_errorcode", 0) & 0xFF == _FULL
            reason = f"the disk holding {self.path.parent} is full" if full else f"writing failed ({error})"
            self._warn_once("write", f"cache: {reason}; new results are not kept (the output is not affected)")

    def _warn_once(self, kind: str, message: str) -> None:
        """One warning per kind: a full disk fails every write, and saying so once is enough."""
        if kind not in self._warned:
            self._warned.add(kind)
            self._warn(message)

    def count(self, stage: str | None = None) -> int:
        with self._lock:
            if stage is None:
                return self._conn.execute("SELECT count(*) FROM entries").fetchone()[0]
            return self._conn.execute("SELECT count(*) FROM entries WHERE stage=?", (stage,)).fetchone()[0]

    def close(self) -> None:
        with self._lock, contextlib.suppress(sqlite3.Error):  # a last checkpoint on a full disk: the data is in the WAL
            self._conn.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_corrupt(error: BaseException) -> bool:
    """True when the file itself is bad (and moving it aside is right), not merely unwritable."""
    if isinstance(error, CacheError):
        return True
    return isinstance(error, sqlite3.DatabaseError) and getattr(error, "sqlite_errorcode", 0) & 0xFF in _CORRUPT


def _memory_connection() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    conn.execute(SCHEMA)
    return conn


class MemoryCache(Cache):
    """The same API in memory: for callers that must not touch the user's disk."""

    def __init__(self, warn: Warn | None = None) -> None:
        self.path = Path(":memory:")
        self._warn = warn or (lambda message: None)
        self._warned = set()
        self._lock = threading.Lock()
        self._conn = _memory_connection()
