"""Raw model entities cleaned into mentions: titles and roles trimmed out of names.

"Executive Chair Lee Jae-yong" (any label) -> PERSON "Lee Jae-yong", role "Executive Chair";
"Samsung Electronics Executive" -> ORG "Samsung Electronics";
"OpenAI CEO Sam Altman" -> ORG "OpenAI" + PERSON "Sam Altman", role "CEO of OpenAI".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .labels import MODEL_TO_SHOWN, NAMED

# Words of a title or role, in English (the annotator reads the English view).
TITLE_WORDS = frozenset(
    """ceo cfo cto coo co-ceo chair chairman chairwoman chairperson executive president vice
    founder co-founder cofounder director minister prime secretary chief officer head boss
    senator governor mayor king queen prince princess dr dr. mr mr. mrs mrs. ms ms. prof
    prof. professor sir general spokesperson spokesman spokeswoman manager managing deputy
    senior chancellor premier ambassador editor reporter analyst lawmaker leader""".split()
)
# Trimmed from names but not a role: honorifics and the byline's "By".
HONORIFICS = frozenset("by mr mr. mrs mrs. ms ms. dr dr. sir".split())
_POSSESSIVE = re.compile(r"(?:['’]s?|['’])$")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str
    text: str
    role: str = ""  # the title that stood before or inside the raw entity
    ent_id: str = ""  # the gazetteer's canonical name, when the ruler matched


def clean(text: str, start: int, end: int, label: str, ent_id: str = "") -> list[Mention]:
    """Cleaned mentions from one raw entity span of `text` (none if nothing is left)."""
    label = MODEL_TO_SHOWN.get(label, "")
    if not label:
        return []
    surface = text[start:end]
    if "\n\n" in surface:
        return []  # runs across paragraphs: never a name
    if label not in NAMED:
        s, e = _strip(text, start, end)
        return [Mention(s, e, label, text[s:e])] if e > s else []
    if ent_id:
        return [Mention(start, end, label, surface, ent_id=ent_id)]
    words = [(start + m.start(), start + m.end(), m.group()) for m in _WORD.finditer(surface)]
    i = next((n for n, (_, _, w) in enumerate(words) if _is_title(w)), None)
    if i is None:
        return [m for m in _mention(text, words, label) if _plausible(m)]
    j = i
    while j < len(words) and _is_title(words[j][2]):
        j += 1
    role = " ".join(w for _, _, w in words[i:j])
    rest = words[j:]
    # "OpenAI CEO Sam Altman": what precedes the title is the organisation.
    out = _mention(text, words[:i], "ORG" if rest else label)
    if rest:
        if out:
            role = f"{role} of {out[0].text}"
        # What follows a title is a person, whatever the raw label said.
        out += _mention(text, rest, "PERSON", role)
    return [m for m in out if _plausible(m)]


def _mention(text: str, words: list[tuple[int, int, str]], label: str, role: str = "") -> list[Mention]:
    if len(words) > 1 and words[0][2] in ("the", "The") and label != "GPE":
        words = words[1:]  # "the U.S. Navy" is the "U.S. Navy" another sentence names ("the Philippines" keeps it)
    if not words:
        return []
    # "Samsung’s Seocho District": a possessive inside splits owner and thing.
    for n, (_, _, w) in enumerate(words[:-1]):
        if _POSSESSIVE.search(w) and len(w) > 3:
            return _mention(text, words[: n + 1], label) + _mention(text, words[n + 1 :], label, role)
    s, e = _strip(text, words[0][0], words[-1][1])
    # A name does not stop inside a hyphenated word: "Chung Shin" of "Chung Shin-a".
    while label == "PERSON" and e + 1 < len(text) and text[e] == "-" and text[e + 1].isalpha():
        e += 1
        while e < len(text) and text[e].isalpha():
            e += 1
    return [Mention(s, e, label, text[s:e], role)] if e > s else []


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding space, punctuation and a possessive ending."""
    while start < end and not text[start].isalnum() and text[start] not in "$€£¥₩":
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    match = _POSSESSIVE.search(text[start:end])
    if match and end - start > 3:
        end = start + match.start()
    while end > start and not text[end - 1].isalnum() and text[end - 1] != ".":
        end -= 1
    return start, end


def _is_title(word: str) -> bool:
    word = word.lower().strip(",;:")
    return word in TITLE_WORDS or word in HONORIFICS


def _plausible(mention: Mention) -> bool:
    """A name has a capital letter and two characters at least."""
    return len(mention.text) >= 2 and any(c.isupper() for c in mention.text)
