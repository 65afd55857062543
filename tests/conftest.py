"""Shared test set-up: no test touches the user's home, and sockets can be blocked.

The environment is pointed at a temporary home at import time, before any test
module imports argostranslate (which reads its settings when imported).
"""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

from isolation import isolated_home

_HOME = isolated_home("briefing-tests-")
os.environ.setdefault("no_proxy", "127.0.0.1,localhost")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(autouse=True)
def no_stale_argos_index():
    """An index copy a test fetched into the shared home must not decide a later test's notices."""
    yield
    for copy in (_HOME / ".local/share/argos-translate/index.json",):
        copy.unlink(missing_ok=True)


@pytest.fixture
def argos_dirs(tmp_path, monkeypatch):
    """Point argostranslate's settings (read once at import) at this test's folders."""
    from argostranslate import settings

    folder = tmp_path / "argos" / "packages"
    folder.mkdir(parents=True)
    monkeypatch.setattr(settings, "package_data_dir", folder)
    monkeypatch.setattr(settings, "package_dirs", [folder])
    monkeypatch.setattr(settings, "local_package_index", tmp_path / "argos" / "index.json")
    return folder


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture
def tmpfs_mount(tmp_path):
    """mount(name, options): a new folder under tmp_path holding a tmpfs mounted with those
    options (root only: the test is skipped where mounting is refused); unmounted after."""
    mounted: list[Path] = []

    def mount(name: str, options: str) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True).returncode:
            pytest.skip(f"mounting a tmpfs ({options}) is not permitted here (needs root)")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], check=True)


@pytest.fixture
def isolated_dirs(tmp_path, monkeypatch):
    """A fresh cache and config folder for one test."""
    cache, config = tmp_path / "cache", tmp_path / "config"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache))
    monkeypatch.setenv("BRIEFING_CONFIG_DIR", str(config))
    return cache, config


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open an internet socket fails the code under test loudly."""
    attempts: list[object] = []

    real_connect = socket.socket.connect

    def guarded_connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(address)
            raise NetworkBlocked(f"network blocked in tests: connect to {address!r}")
        return real_connect(self, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        attempts.append(host)
        raise NetworkBlocked(f"network blocked in tests: lookup of {host!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)
    return attempts


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
