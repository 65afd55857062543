"""Where briefing keeps its cache and config; env vars override (tests use them)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "briefing"


def cache_dir() -> Path:
    override = os.environ.get("BRIEFING_CACHE_DIR")
    return Path(override) if override else platformdirs.user_cache_path(APP)


def config_dir() -> Path:
    override = os.environ.get("BRIEFING_CONFIG_DIR")
    return Path(override) if override else platformdirs.user_config_path(APP)


def cache_file() -> Path:
    return cache_dir() / "cache.sqlite3"


def config_file() -> Path:
    return config_dir() / "config.toml"


def library_dir() -> Path:
    """Where `briefing fetch` saves articles, and what `briefing` opens when given no path."""
    override = os.environ.get("BRIEFING_LIBRARY_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP) / "library"
