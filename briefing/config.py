"""User configuration: TOML in the config folder, validated key by key.

A bad value never stops the app: it is reported in one line naming the key,
and the default is used instead. Saving edits the user's file in place (tomlkit):
only the keys that changed are written, everything else the user wrote stays.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import InlineTable, Table

from . import paths


@dataclass(frozen=True)
class Config:
    theme: str = "briefing-dark"
    keymap: dict[str, str] = field(default_factory=dict)  # binding id -> keys, e.g. {"briefing.open": "o"}
    spacy_model: str | None = None
    focus: tuple[str, ...] = ()
    export_dir: str | None = None
    highlight: bool = True


def _check(key: str, value: object) -> object:
    """The value in the form Config holds, or ValueError saying what is wanted."""
    if key in ("theme", "spacy_model", "export_dir"):
        if not isinstance(value, str) or not value.strip():
            raise ValueError("a non-empty string")
        return value.strip()
    if key == "highlight":
        if not isinstance(value, bool):
            raise ValueError("true or false")
        return value
    if key == "focus":
        if isinstance(value, str):
            value = [part for part in value.split(",")]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError('a list of names, e.g. ["Samsung", "OpenAI"]')
        return tuple(v.strip() for v in value if v.strip())
    if key == "keymap":
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            raise ValueError('a table of binding id = "keys", e.g. keymap = { "app.quit" = "ctrl+q" }')
        return dict(value)
    raise KeyError(key)


def parse(text: str, source: str = "config.toml") -> tuple[Config, list[str]]:
    """(config, problems): each problem one line naming the key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Config(), [f"{source}: not valid TOML ({error}); using the defaults"]
    known = {f.name for f in fields(Config)}
    values: dict[str, Any] = {}
    problems: list[str] = []
    for key, value in data.items():
        if key not in known:
            problems.append(f"{source}: unknown key '{key}' (known: {', '.join(sorted(known))}); ignored")
            continue
        try:
            values[key] = _check(key, value)
        except ValueError as wanted:
            problems.append(f"{source}: '{key}' should be {wanted}; using the default")
    return Config(**values), problems


# What load or save last saw in each file: a save writes only what changed since then, so an
# edit made by hand meanwhile to another key survives.
_seen: dict[Path, Config] = {}


def load(path: Path | None = None) -> tuple[Config, list[str]]:
    path = path or paths.config_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        _seen[path.absolute()] = Config()
        return Config(), []
    except (OSError, UnicodeDecodeError) as error:
        return Config(), [f"{path}: cannot be read ({error}); using the defaults"]
    config, problems = parse(text, str(path))
    _seen[path.absolute()] = config
    return config, problems


class NotSaved(OSError):
    """The file could not be edited in place (not valid TOML, not text): it is left as it is.

    An OSError, so a caller that reports a failed write reports this too."""


def _as_toml(value: object) -> object:
    """A Config value as tomlkit takes it: tuples become arrays, tables stay inline."""
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, dict):
        table = tomlkit.inline_table()
        table.update(value)
        return table
    return value


def _set(document: tomlkit.TOMLDocument, key: str, old: object, new: object) -> None:
    """Change one key of the document; a table changes only its entries that changed."""
    if new is None:
        document.pop(key, None)
        return
    current = document.get(key)
    if isinstance(new, dict) and isinstance(old, dict) and isinstance(current, Table | InlineTable):
        removed = [k for k in current if k not in new]
        if not (removed and isinstance(current, InlineTable)):  # an inline table is rebuilt, not left ragged
            for name in removed:
                del current[name]
            for name, value in new.items():
                if current.get(name) != value:
                    current[name] = value
            return
    document[key] = _as_toml(new)


def save(config: Config, path: Path | None = None) -> None:
    """Write the settings that changed, editing the file in place (atomically).

    A key is written only if its value differs from what load (or the last save) saw in this
    file, or from the file itself if it was never loaded: comments, the order of keys,
    unknown keys and values the user has yet to correct (still reported by load) stay as
    they are. A file that is not valid TOML is not overwritten (NotSaved).
    """
    path = path or paths.config_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    except UnicodeDecodeError as error:
        raise NotSaved(f"{path} is not UTF-8 text ({error.reason}); it was left as it is") from None
    try:
        tomllib.loads(text)  # load's own reading: never edit what load cannot read
        document = tomlkit.parse(text)
    except (tomllib.TOMLDecodeError, TOMLKitError) as error:
        raise NotSaved(f"{path} is not valid TOML ({error}); mend or delete it, it was left as it is") from None
    in_file, _ = parse(text, str(path))
    before = _seen.get(path.absolute(), in_file)
    changed = [f.name for f in fields(Config) if getattr(config, f.name) != getattr(before, f.name)]
    changed = [key for key in changed if getattr(config, key) != getattr(in_file, key)]
    if not changed:
        _seen[path.absolute()] = config
        return
    for key in changed:
        _set(document, key, getattr(in_file, key), getattr(config, key))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(tomlkit.dumps(document), encoding="utf-8")
    tmp.replace(path)
    _seen[path.absolute()] = config
