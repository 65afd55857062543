"""Themes are data (themes/*.toml); this turns them into Textual `Theme`s.

Entity colours are theme variables (`$entity-person`, ...), so the `.tcss`
never names a hex code and the built-in Textual themes still work: they get
the palette of our dark or light theme through `variable_defaults`.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from textual.theme import Theme

DEFAULT = "briefing-dark"
ENTITY_KINDS = ("person", "org", "place", "date", "number", "other")
# The model's labels (briefing.entities.labels) onto the six colours a reader can tell apart.
KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "org",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "DATE": "date",
    "TIME": "date",
    "MONEY": "number",
    "PERCENT": "number",
    "QUANTITY": "number",
    "CARDINAL": "number",
}
_THEME_FIELDS = (
    "primary", "secondary", "warning", "error", "success", "accent",
    "foreground", "background", "surface", "panel", "boost",
    "dark", "luminosity_spread", "text_alpha",
)  # fmt: skip


def kind(label: str) -> str:
    return KIND_OF_LABEL.get(label.upper(), "other")


def _read(name: str) -> dict:
    text = resources.files("briefing.themes").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def briefing_themes() -> tuple[Theme, ...]:
    themes = []
    folder = resources.files("briefing.themes")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".toml"):
            continue
        data = _read(entry.name)
        values = {key: data[key] for key in _THEME_FIELDS if key in data}
        themes.append(Theme(name=data["name"], variables=dict(data.get("variables", {})), **values))
    return tuple(themes)


def variable_defaults(dark: bool) -> dict[str, str]:
    """Our variables for any theme that lacks them (Textual's built-ins)."""
    wanted = DEFAULT if dark else "briefing-light"
    for theme in briefing_themes():
        if theme.name == wanted:
            return dict(theme.variables)
    return {}
