"""Reading article files safely: size bound, encoding, control characters.

Article text is data. Terminal escape sequences and control characters are
removed here, once, so no later stage can send them to a terminal; what was
removed is reported so the reader can see that something was there.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError

MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # a long feature is ~100 KB; 2 MB is a book, not an article

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# ESC sequences (CSI, OSC, DCS/APC/PM/SOS, two-byte), C0/C1 controls but \n and \t,
# and the bidirectional overrides that can make text display other than it reads.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clear screen
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|$)"  # OSC 52 clipboard, titles, hyperlinks ...
    r"|\x1b[@-Z\\-_]?"  # two-byte escapes, or a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]",
    re.DOTALL,
)


@dataclass(frozen=True)
class TextFile:
    text: str
    encoding: str
    stripped: tuple[str, ...]  # the control sequences removed, as repr strings


def sanitize(text: str) -> tuple[str, tuple[str, ...]]:
    """Text with escape sequences and control characters removed, and what was removed."""
    found: list[str] = []

    def drop(match: re.Match[str]) -> str:
        found.append(repr(match.group(0)))
        return ""

    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _ESCAPES.sub(drop, text), tuple(found)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name); raises UserError when the bytes are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), f"{encoding} (BOM)"
            except UnicodeDecodeError as error:
                raise UserError(f"declares {encoding} but is not valid {encoding} ({error.reason})") from None
    if b"\x00" in data:
        raise UserError("looks binary (it holds NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
        encoding = "windows-1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if controls > max(4, len(text) // 100):
        raise UserError("looks binary (too many control bytes), not a text article")
    return text, encoding


def read(path: Path) -> TextFile:
    """Read one article file; each failure is a UserError worded for the reader."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise UserError("disappeared before it could be read") from None
    if size > MAX_ARTICLE_BYTES:
        raise UserError(
            f"is {size / 1e6:.1f} MB, over the {MAX_ARTICLE_BYTES // 2**20} MB limit for one article; split it into articles"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError("disappeared before it could be read") from None
    except PermissionError:
        raise UserError("cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise UserError("is a folder, not a file") from None
    text, encoding = decode(data)
    text, stripped = sanitize(text)
    if not text.strip():
        raise UserError("is empty")
    return TextFile(text, encoding, stripped)
