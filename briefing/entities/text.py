"""Folding text for matching: case, diacritics, hyphen/space and apostrophe variants.

`Folded` keeps, for every folded character, the offset of the original character it came
from, so a match in folded text maps back to exact offsets in the displayed text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_SPECIAL = {"đ": "d", "ß": "ss", "ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "þ": "th"}
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_TOKEN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    lower = char.casefold()
    if lower in _SPECIAL:
        return _SPECIAL[lower]
    if char in _DASHES:
        return " "
    decomposed = unicodedata.normalize("NFKD", lower)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Folded:
    text: str  # folded text
    origin: Sequence[int]  # origin[i] = offset in the original of folded char i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded range [start, end)."""
        return self.origin[start], self.origin[end - 1] + 1


_ASCII_DASH = str.maketrans("-", " ")


def fold_text(text: str) -> Folded:
    if text.isascii():  # the common case, one folded char per char: no per-char loop
        return Folded(text.lower().translate(_ASCII_DASH), range(len(text)))
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        folded = _fold_char(char) if not char.isascii() or char.isupper() or char == "-" else char
        out.append(folded)
        origin.extend([i] * len(folded))
    return Folded("".join(out), origin)


def tokens(folded: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]


@lru_cache(maxsize=65536)
def words(name: str) -> tuple[str, ...]:
    """Folded words of a name, hyphen parts split: "Lee Jae-yong" -> ("lee", "jae", "yong")."""
    return tuple(t for _, _, t in tokens(fold_text(name).text))


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The identity of a surface form: "Lee Jae-Young", "LEE JAE YOUNG" -> "leejaeyoung"."""
    return "".join(words(name))
