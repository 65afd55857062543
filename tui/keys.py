"""Keys typed quickly after esc, given back as esc and the key.

A terminal sends esc as the byte ESC, and alt+X as ESC then X. Textual's input parser
waits 100 ms (ESCDELAY) after an ESC to tell them apart, so an esc followed quickly by a
letter arrives as alt+letter, and an esc followed by a key and then another ESC arrives
as `^` and the key: the esc is lost. This app binds no alt key and no `^`, so both can
only be an esc and the key typed after it. (Textual drops the esc of esc+`?`, esc+space
or esc+enter typed within 100 ms as the last keys: that cannot be recovered here.)
"""

from __future__ import annotations

from textual import events
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
