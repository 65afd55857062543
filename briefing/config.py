"""User configuration: TOML in the config folder, validated key by key.

A bad value never stops the app: it is reported in one line naming the key,
and the default is used instead.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

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
    config, problems = Config(), []
    for key, value in data.items():
        if key not in known:
            problems.append(f"{source}: unknown key '{key}' (known: {', '.join(sorted(known))}); ignored")
            continue
        try:
            config = replace(config, **{key: _check(key, value)})
        except ValueError as wanted:
            problems.append(f"{source}: '{key}' should be {wanted}; using the default")
    return config, problems


def load(path: Path | None = None) -> tuple[Config, list[str]]:
    path = path or paths.config_file()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(), []
    except (OSError, UnicodeDecodeError) as error:
        return Config(), [f"{path}: cannot be read ({error}); using the defaults"]
    return parse(text, str(path))


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_value(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value))


def save(config: Config, path: Path | None = None) -> None:
    """Write the settings that differ from the defaults (atomically)."""
    path = path or paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    default = Config()
    lines = [
        f"{f.name} = {_toml_value(getattr(config, f.name))}"
        for f in fields(Config)
        if getattr(config, f.name) != getattr(default, f.name) and getattr(config, f.name) is not None
    ]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(path)
