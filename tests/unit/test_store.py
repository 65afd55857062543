"""The SQLite cache: versioned keys, corruption recovery, sharing between processes."""

import sqlite3
import subprocess
import sys

from briefing.store import Cache


def test_round_trip_and_versions(tmp_path):
    with Cache(tmp_path / "c.sqlite3") as cache:
        cache.put("stage", "1", "k", {"a": [1, "ü"]})
        assert cache.get("stage", "1", "k") == {"a": [1, "ü"]}
        assert cache.get("stage", "2", "k") is None  # a new stage version never reads old rows
        cache.put_many("stage", "1", {f"k{i}": i for i in range(1200)})
        assert len(cache.get_many("stage", "1", [f"k{i}" for i in range(1200)])) == 1200


def test_wal_mode(tmp_path):
    Cache(tmp_path / "c.sqlite3").close()
    conn = sqlite3.connect(tmp_path / "c.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_garbage_file_is_moved_aside_and_rebuilt(tmp_path):
    path = tmp_path / "c.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    warnings = []
    with Cache(path, warn=warnings.append) as cache:
        cache.put("s", "1", "k", 1)
        assert cache.get("s", "1", "k") == 1
    assert len(warnings) == 1 and "moved to" in warnings[0]
    asides = list(tmp_path.glob("c.sqlite3.corrupt-*"))
    assert len(asides) == 1
    assert asides[0].read_bytes().startswith(b"this is not a database")


def test_truncated_database_is_recovered(tmp_path):
    path = tmp_path / "c.sqlite3"
    with Cache(path) as cache:
        cache.put_many("s", "1", {f"k{i}": "x" * 500 for i in range(500)})
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"\xff" * 8192)  # header intact, pages destroyed
    warnings = []
    with Cache(path, warn=warnings.append) as cache:
        assert cache.get("s", "1", "k1") is None
        cache.put("s", "1", "k1", "fresh")
        assert cache.get("s", "1", "k1") == "fresh"
    assert warnings


def test_foreign_sqlite_file_is_not_touched_in_place(tmp_path):
    path = tmp_path / "c.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    warnings = []
    Cache(path, warn=warnings.append).close()
    assert "not a briefing cache" in warnings[0]
    (aside,) = tmp_path.glob("c.sqlite3.corrupt-*")
    assert sqlite3.connect(aside).execute("SELECT name FROM sqlite_master").fetchall() == [("photos",)]


WRITER = """
import sys
from briefing.store import Cache
cache = Cache(sys.argv[1])
for i in range(200):
    cache.put_many("s", "1", {f"{sys.argv[2]}-{i}-{j}": j for j in range(5)})
cache.close()
"""


def test_two_processes_share_the_cache_without_corruption(tmp_path):
    path = tmp_path / "c.sqlite3"
    Cache(path).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name]) for name in ("a", "b")]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    with Cache(path) as cache:
        assert cache.count("s") == 2 * 200 * 5
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_unusable_cache_folder_falls_back_to_memory(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    warnings = []
    with Cache(blocker / "cache.sqlite3", warn=warnings.append) as cache:
        cache.put("s", "1", "k", [1, 2])
        assert cache.get("s", "1", "k") == [1, 2]
    assert len(warnings) == 1 and "working without a cache" in warnings[0]
    assert blocker.read_text() == "a file where the cache folder should be"


def test_source_version_follows_the_code(tmp_path, monkeypatch):
    import importlib

    from briefing.store import source_version

    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "rules_probe.py").write_text("RULE = 1\n")
    module = importlib.import_module("rules_probe")
    first = source_version(module)
    assert source_version(module) == first
    (tmp_path / "rules_probe.py").write_text("RULE = 2\n")
    assert source_version(module) != first
