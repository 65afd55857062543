"""The SQLite cache: versioned keys, corruption recovery, sharing between processes."""

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

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
    warnings: list[str] = []
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
    warnings: list[str] = []
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
    warnings: list[str] = []
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
    warnings: list[str] = []
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


def _fill(path, n=50):
    with Cache(path) as cache:
        cache.put_many("s", "1", {f"k{i}": i for i in range(n)})


@pytest.fixture
def tmpfs(tmpfs_mount):
    """A small tmpfs of our own (root only); the test is skipped where mounting is refused."""
    return tmpfs_mount("tmpfs", "size=256k")


def test_a_read_only_cache_folder_is_read_not_renamed(tmpfs):
    path = tmpfs / "c.sqlite3"
    _fill(path)
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    warnings: list[str] = []
    with Cache(path, warn=warnings.append) as cache:
        assert cache.get("s", "1", "k7") == 7  # the healthy cache is used
        cache.put("s", "1", "new", 1)  # not kept, and no second warning
    assert len(warnings) == 1 and "read-only" in warnings[0] and "corrupt" not in warnings[0]
    assert sorted(p.name for p in tmpfs.iterdir()) == ["c.sqlite3"]


# Opened as nobody: root may write any file, so only a dropped user sees a read-only file.
READ_ONLY_FILE = """
import os, sys
from briefing.store import Cache
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
warnings = []
with Cache(sys.argv[1], warn=warnings.append) as cache:
    print(cache.get("s", "1", "k7"), getattr(cache, "read_only", None))
    cache.put("s", "1", "new", 1)
print(len(warnings), warnings[0] if warnings else "")
"""


def test_a_read_only_cache_file_is_read_not_renamed():
    folder = Path(tempfile.mkdtemp(prefix="briefing-ro-"))
    try:
        folder.chmod(0o777)  # the folder is writable: only the file is not
        path = folder / "c.sqlite3"
        _fill(path)
        path.chmod(0o444)
        result = subprocess.run([sys.executable, "-c", READ_ONLY_FILE, str(path)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0] == "7 True"
        assert lines[1].startswith("1 ") and "read-only" in lines[1]
        assert not list(folder.glob("*corrupt*")) and path.exists()
    finally:
        shutil.rmtree(folder)


def test_a_full_disk_is_one_accurate_warning(tmpfs):
    path = tmpfs / "c.sqlite3"
    warnings: list[str] = []
    with Cache(path, warn=warnings.append) as cache:
        free = os.statvfs(tmpfs)
        with open(tmpfs / "pad", "wb") as pad, contextlib.suppress(OSError):  # fill the disk
            pad.write(b"\0" * (free.f_bavail * free.f_frsize))
        for i in range(20):
            cache.put_many("s", "1", {f"k{i}-{j}": "x" * 2000 for j in range(20)})
    assert len(warnings) == 1, warnings
    assert "full" in warnings[0] and "rollback" not in warnings[0]
