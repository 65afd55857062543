"""Roles of people, read from the English text around their spans.

"Samsung Electronics Executive Chair Lee Jae-yong" -> "Executive Chair of Samsung Electronics"
"Sam Altman, CEO of OpenAI, said"                  -> "CEO of OpenAI"
"""

from __future__ import annotations

import re

from ..model import Span
from .mentions import HONORIFICS, TITLE_WORDS

_APPOSITION = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?([^,.;:()\n]{2,60}?)\s*[,.;]")
_WORD_BEFORE = re.compile(r"(\S+)[^\S\n]+$")  # a title stands on the name's line: not a headline's last word
# Words that put a title in the past: "former leader Kim Jong-il" leads no more.
PAST = frozenset("former late then ex ex- outgoing".split())
LOOK_BACK = 100  # characters read before a name: a title word is short, and a long text stays linear


def roles(text: str, spans: tuple[Span, ...]) -> dict[str, list[str]]:
    """Entity id -> roles found in this text, in order."""
    found: dict[str, list[str]] = {}
    for n, span in enumerate(spans):
        if span.label != "PERSON" or not span.entity:
            continue
        for role in (_before(text, spans, n), _after(text, span)):
            if role:
                found.setdefault(span.entity, []).append(role)
    return found


def _before(text: str, spans: tuple[Span, ...], n: int) -> str:
    """Title words right before the name, and the organisation right before them."""
    cursor = spans[n].start
    titles: list[str] = []
    while True:
        match = _WORD_BEFORE.search(text, max(0, cursor - LOOK_BACK), cursor)
        if not match or match.group(1).lower() not in TITLE_WORDS:
            break
        titles.insert(0, match.group(1))
        cursor = match.start()
    while titles and titles[0].lower() in HONORIFICS:  # "Ms. Park": a form of address, no role
        titles.pop(0)
    if not titles:
        return ""
    if (match := _WORD_BEFORE.search(text, max(0, cursor - LOOK_BACK), cursor)) and match.group(1).lower() in PAST:
        titles.insert(0, match.group(1).lower())
        cursor = match.start()
    role = " ".join(titles)
    previous = spans[n - 1] if n else None
    if previous and previous.label != "PERSON" and previous.entity and text[previous.end : cursor].strip(" '’s") == "":
        role += f" of {previous.text}"
    return role


def _after(text: str, span: Span) -> str:
    """An apposition: "Name, CEO of OpenAI," (it must hold a title word)."""
    match = _APPOSITION.match(text, span.end)
    if not match:
        return ""
    phrase = match.group(1).strip()
    ws = phrase.split()
    if len(ws) > 8 or not any(w.lower() in TITLE_WORDS for w in ws[:3]):
        return ""
    return phrase
