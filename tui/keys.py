"""Keys typed quickly after esc, given back as esc and the key.

A terminal sends esc as the byte ESC, and alt+X as ESC then X. Textual's input parser
waits 100 ms (ESCDELAY) after an ESC to tell them apart, so an esc followed quickly by a
letter arrives as alt+letter, and an esc followed by a key and then another ESC arrives
as `^` and the key: the esc is lost. This app binds no alt key and no `^`, so both can
only be an esc and the key typed after it.

An esc followed within 100 ms by a key without an alt+ name (`?`, space, enter) leaves the
parser as that key alone: the esc is gone before any event exists. `EscapeParser` keeps it,
and `use_escape_parser` makes the terminal drivers read their bytes with it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser
from textual.widget import Widget
from textual.widgets import Input

_ESCAPE = "\x1b"


def split_escape(event: events.Key, focused: Widget | None) -> list[events.Key] | None:
    """[esc, key] when `event` is an esc merged with the key after it, else None."""
    if event.key.startswith("alt+") and event.character and len(event.character) == 1:
        name = event.key.removeprefix("alt+").replace("shift+", "")
        name = name.upper() if event.character.isupper() else name
        return [events.Key("escape", _ESCAPE), events.Key(name, event.character)]
    if event.key == "circumflex_accent" and not isinstance(focused, Input):  # typed into a field, ^ is ^
        return [events.Key("escape", _ESCAPE)]
    return None


class EscapeParser(XTermParser):
    """Textual's parser, except that ESC before a key with no alt+ name gives esc and the key."""

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        keys = list(super()._sequence_to_key_events(sequence, alt))
        if alt and keys and not any(key.key.startswith("alt+") for key in keys):
            yield events.Key("escape", _ESCAPE)  # the parser read ESC as alt, which `?` cannot take
        yield from keys


# The drivers that read a terminal's bytes, each naming the parser class it makes.
_DRIVERS = ("textual.drivers.linux_driver", "textual.drivers.linux_inline_driver", "textual.drivers.win32")


def use_escape_parser() -> None:
    """Make the terminal drivers parse with EscapeParser (a driver that does not load here is skipped)."""
    for name in _DRIVERS:
        try:
            module = importlib.import_module(name)
        except Exception:  # termios on Windows, ctypes' windll elsewhere
            continue
        if getattr(module, "XTermParser", None) is XTermParser:
            module.XTermParser = EscapeParser  # type: ignore[attr-defined]
