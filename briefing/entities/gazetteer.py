"""The user's gazetteer: names the model gets wrong, with their label and aliases.

    [[entity]]
    name = "Lee Jae-yong"
    label = "PERSON"
    aliases = ["Jay Y. Lee", "Lee"]

It lives in the config folder (`gazetteer.toml`) and goes into an EntityRuler before `ner`.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from .labels import NAMED

GAZETTEER_NAME = "gazetteer.toml"


@dataclass(frozen=True)
class Entry:
    name: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    entries: tuple[Entry, ...] = ()
    digest: str = "none"  # part of the cache version: editing the file re-annotates

    def patterns(self) -> list[dict]:
        """EntityRuler patterns; the pattern id carries the canonical name."""
        return [
            {"label": entry.label, "pattern": form, "id": entry.name}
            for entry in self.entries
            for form in (entry.name, *entry.aliases)
        ]


def default_path() -> Path:
    from .. import paths

    return paths.config_dir() / GAZETTEER_NAME


def load(path: Path | None) -> Gazetteer:
    """Read and check the file; a missing file is an empty gazetteer."""
    if path is None or not path.exists():
        return Gazetteer()
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UserError(f"gazetteer {path}: cannot be read as TOML ({_one_line(error)})") from None
    items = data.get("entity", [])
    unknown = set(data) - {"entity"}
    if unknown:
        raise UserError(f"gazetteer {path}: unknown table {sorted(unknown)[0]!r}; use [[entity]] entries")
    if not isinstance(items, list):
        raise UserError(f"gazetteer {path}: 'entity' must be an array of tables ([[entity]])")
    entries = tuple(_entry(path, n, item) for n, item in enumerate(items, 1))
    return Gazetteer(entries, hashlib.sha256(raw).hexdigest()[:16])


def _entry(path: Path, n: int, item: object) -> Entry:
    where = f"gazetteer {path}: entity {n}"
    if not isinstance(item, dict):
        raise UserError(f"{where} is not a table")
    extra = set(item) - {"name", "label", "aliases"}
    if extra:
        raise UserError(f"{where} has unknown key {sorted(extra)[0]!r} (allowed: name, label, aliases)")
    name, label, aliases = item.get("name"), item.get("label"), item.get("aliases", [])
    if not isinstance(name, str) or not name.strip():
        raise UserError(f"{where} needs a non-empty string 'name'")
    if not isinstance(label, str) or label.upper() not in NAMED:
        raise UserError(f"{where} ({name}): 'label' must be one of {', '.join(NAMED)}")
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise UserError(f"{where} ({name}): 'aliases' must be a list of non-empty strings")
    return Entry(name.strip(), label.upper(), tuple(a.strip() for a in aliases))


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())
