"""Reading article files safely: a bound on bytes read, the encoding, control characters.

Article text is data. Terminal escape sequences and control characters are
removed here, once, by `briefing.sanitize`, so no later stage can send them to
a terminal; what was removed is reported so the reader can see that something
was there.

Only regular files are read, and never more than `MAX_ARTICLE_BYTES` + 1
bytes: a device (`/dev/zero`), a FIFO or a socket is refused before a byte is
read, and standard input is read only when the user names it as `-`.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from . import sanitize
from .errors import UserError

MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # a long feature is ~100 KB; 2 MB is a book, not an article
STDIN = "-"  # the one name that means standard input
DETECTED_CHAOS = 0.1  # charset-normalizer's "mess" ratio a detected encoding may show at most

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


@dataclass(frozen=True)
class TextFile:
    text: str
    encoding: str
    stripped: tuple[str, ...]  # the control sequences removed, as repr strings


def kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _refusal(what: str) -> UserError:
    if what == "a folder":
        return UserError("is a folder, not a file")
    return UserError(f"is {what}, not a regular file; only regular files are read (give `-` to read standard input)")


def _too_big(size: float | None, bound: int = MAX_ARTICLE_BYTES) -> UserError:
    limit = f"the {bound // 2**20} MB limit for one {'article' if bound == MAX_ARTICLE_BYTES else 'page or feed'}"
    if size is None:
        return UserError(f"holds more than {limit}; split it into articles")
    return UserError(f"is {size / 1e6:.1f} MB, over {limit}; split it into articles")


def read_bounded(handle: BinaryIO | int, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """At most `limit` bytes from a file object or descriptor; UserError beyond."""
    chunks: list[bytes] = []
    total = 0
    while total <= limit:
        want = limit + 1 - total
        chunk = os.read(handle, want) if isinstance(handle, int) else handle.read(want)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise _too_big(None, limit)
    return b"".join(chunks)


def read_bytes(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    """The bytes of a regular file, at most `limit` of them (saved pages and feeds have their own)."""
    return _read_path(path, limit)


def _read_path(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    try:
        what = kind(path.stat().st_mode)  # refuse devices and FIFOs before opening them at all
        if what:
            raise _refusal(what)
        # O_NONBLOCK: a FIFO swapped in after the check must not block the open
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise UserError("disappeared before it could be read") from None
    except PermissionError:
        raise UserError("cannot be read (permission denied)") from None
    except OSError as error:
        raise UserError(f"cannot be read ({error.strerror or error})") from None
    try:
        info = os.fstat(fd)
        what = kind(info.st_mode)
        if what:
            raise _refusal(what)
        if info.st_size > limit:
            raise _too_big(info.st_size, limit)
        os.set_blocking(fd, True)
        return read_bounded(fd, limit)  # bounded by bytes read: the file may grow meanwhile
    except IsADirectoryError:
        raise UserError("is a folder, not a file") from None
    except OSError as error:
        raise UserError(f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(fd)


def _mostly_latin(text: str) -> bool:
    """True when the letters beyond ASCII are Latin ones (or there are none)."""
    letters = [ch for ch in text if ord(ch) > 127 and ch.isalpha()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin * 2 >= len(letters)


def _detected(data: bytes) -> tuple[str, str] | None:
    """A non-Latin legacy encoding (Shift-JIS, GB18030, KOI8-R, cp1251 ...) if one fits well.

    Latin single-byte encodings look alike to any detector on short text (German cp1252
    passes as mac_iceland or cp1250); those are left to the cp1252 reading below.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # UTF-16/32 without a BOM is a guess too far: any even-length Latin text "decodes" as CJK
    if best is None or best.chaos > DETECTED_CHAOS or best.encoding.startswith(("ascii", "utf")):
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None  # the detector looks at samples; the whole file must decode
    if _mostly_latin(text):
        return None
    return text, best.encoding.replace("_", "-")


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
    found = _detected(data)
    if found:
        text, encoding = found
    else:
        try:
            text, encoding = data.decode("cp1252"), "windows-1252"
        except UnicodeDecodeError:
            text, encoding = data.decode("latin-1"), "latin-1"
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t")
    if controls > max(4, len(text) // 100):
        raise UserError("looks binary (too many control bytes), not a text article")
    return text, encoding


def from_bytes(data: bytes) -> TextFile:
    """Decoded, sanitised text of one article's bytes; UserError when it is not usable text."""
    text, encoding = decode(data)
    text, stripped = sanitize.text(text)
    if not text.strip():
        raise UserError("is empty")
    return TextFile(text, encoding, stripped)


def read(path: Path | str) -> TextFile:
    """Read one article file (or standard input for `-`); each failure is a UserError worded for the reader."""
    if str(path) == STDIN:
        return read_stdin()
    return from_bytes(_read_path(Path(path)))


def read_stdin(stream: BinaryIO | None = None) -> TextFile:
    """Standard input, with the same bound as a file."""
    stream = stream if stream is not None else sys.stdin.buffer
    if stream.isatty():  # the app owns the terminal; an article is piped in, not typed
        raise UserError("is a terminal; pipe an article into it, e.g. `briefing export - < article.txt`")
    try:
        data = read_bounded(stream)
    except OSError as error:
        raise UserError(f"cannot be read ({error.strerror or error})") from None
    return from_bytes(data)
