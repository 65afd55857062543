"""A versioned SQLite cache shared by every stage.

Entries are keyed by (stage, version, key): a stage bumps its version when its
output changes shape, and old rows are simply never read again. Values are JSON.
A corrupted or foreign file is moved aside and rebuilt, never a crash.
"""

from __future__ import annotations

import hashlib
import json
import os
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
    def __init__(self, path: Path | None = None, warn: Warn | None = None) -> None:
        self.path = Path(path) if path else paths.cache_file()
        self._warn = warn or (lambda message: None)
        self._lock = threading.Lock()
        self._conn = self._open()

    # -- opening -----------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                return self._connect()
            except (sqlite3.DatabaseError, CacheError) as error:
                if not os.access(self.path.parent, os.W_OK):
                    raise OSError(f"{self.path.parent} is not writable") from error
                aside = self._move_aside()
                self._warn(f"cache {self.path} was unreadable ({error}); moved to {aside.name} and rebuilt")
                return self._connect()
        except (OSError, sqlite3.DatabaseError) as error:
            # A read-only or missing cache folder costs speed, never the session.
            self._warn(f"cache {self.path} cannot be used ({error}); working without a cache")
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
            self._warn(f"cache read failed ({error}); recomputing")
            return {}
        return found

    def put(self, stage: str, version: str, key: str, value: Any) -> None:
        self.put_many(stage, version, {key: value})

    def put_many(self, stage: str, version: str, items: Mapping[str, Any]) -> None:
        now = time.time()
        rows = [(stage, version, k, json.dumps(v, ensure_ascii=False), now) for k, v in items.items()]
        if not rows:
            return
        try:
            with self._lock:
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    self._conn.executemany("INSERT OR REPLACE INTO entries VALUES (?,?,?,?,?)", rows)
                    self._conn.execute("COMMIT")
                except BaseException:
                    self._conn.execute("ROLLBACK")
                    raise
        except sqlite3.DatabaseError as error:
            self._warn(f"cache write failed ({error}); results are not kept")

    def count(self, stage: str | None = None) -> int:
        with self._lock:
            if stage is None:
                return self._conn.execute("SELECT count(*) FROM entries").fetchone()[0]
            return self._conn.execute("SELECT count(*) FROM entries WHERE stage=?", (stage,)).fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _memory_connection() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    conn.execute(SCHEMA)
    return conn


class MemoryCache(Cache):
    """The same API in memory: for callers that must not touch the user's disk."""

    def __init__(self, warn: Warn | None = None) -> None:
        self.path = Path(":memory:")
        self._warn = warn or (lambda message: None)
        self._lock = threading.Lock()
        self._conn = _memory_connection()
