"""The one rule for text from outside before it is shown or written.

Everything that did not come from this program (article text, file names,
package metadata, index entries, library error messages) passes through here
before it reaches a terminal, the app or an export. Two entry points share
one character rule:

- ``text`` keeps line breaks (article bodies) and reports what it removed;
- ``line`` makes one display line (names, metadata, messages).

Removed: terminal escape sequences (CSI, OSC such as OSC 52 clipboard writes,
DCS/APC/PM/SOS, two-byte ESC), C0 and C1 controls but newline, bidirectional
embeddings, overrides and isolates (they make text display other than it
reads), and invisible format characters that hide text (zero-width space,
word joiner, soft hyphen, BOM). Kept: ZWNJ and ZWJ (U+200C/U+200D), which
Persian, Indic scripts and emoji need to render correctly.
"""

from __future__ import annotations

import os
import re

# One pass: escape sequences first (so their payload goes with them), then single characters.
_UNSAFE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|\x9c|$)"  # OSC / DCS / SOS / PM / APC up to their terminator
    r"|\x1b[ -/]*[0-~]?"  # two-byte (and nF) escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f].*?(?:\x07|\x9c|\x1b\\|$)"  # 8-bit OSC / DCS / SOS / PM / APC
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # C0 but \t \n, DEL, C1
    r"|[\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\ufff9-\ufffb]",
    re.DOTALL,
)


def text(value: str) -> tuple[str, tuple[str, ...]]:
    """Multi-line text made safe: newlines normalised, tabs to spaces, the unsafe removed.

    Returns the text and what was removed (as ``repr`` strings), so a reader can be told.
    """
    found: list[str] = []

    def drop(match: re.Match[str]) -> str:
        found.append(repr(match.group(0)))
        return ""

    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _UNSAFE.sub(drop, value), tuple(found)


def line(value: object) -> str:
    """One display line: the unsafe removed, every run of whitespace one space."""
    return " ".join(_UNSAFE.sub(" ", str(value)).split())


def url(value: str | None) -> str | None:
    """A web address safe to open or link to: http(s) only, nothing unsafe, no spaces or angle brackets."""
    if not value or not value.startswith(("http://", "https://")):
        return None
    if any(ch in value for ch in "<> \t\n\\\"") or line(value) != value:
        return None
    return value


def path(value: os.PathLike[str] | str) -> str:
    """A file name for display: undecodable bytes shown as ``\\xNN``, the unsafe made visible."""
    raw = os.fsencode(value)
    shown = raw.decode("utf-8", "backslashreplace")
    # A control character in a name is shown, not obeyed and not silently dropped:
    # the user must be able to tell two such files apart and find them in a shell.
    return "".join(_visible(ch) for ch in shown)


def _visible(ch: str) -> str:
    if _UNSAFE.fullmatch(ch) or ch in "\n\t":
        return ch.encode("unicode_escape").decode("ascii")
    return ch
