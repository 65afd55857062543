"""Who said what: quotations attributed to a named person or organisation.

A quote is a sentence holding a quotation of at least QUOTE_WORDS words (in any of the usual
quotation marks) and a speech verb, said by the person (else the organisation) named in it or,
for "..., she said.", in the sentence before. They are weighed like any claim (the concepts
they cover, the sources naming the speaker), the weightiest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .coverage import Record
from .features import Corpus, Unit

QUOTE_WORDS = 5  # a shorter quotation is a phrase ("a “synergetic” partnership"), not a statement
_QUOTED = re.compile(r"“([^”]{3,})”|\"([^\"]{3,})\"|``(.{3,}?)''|«([^»]{3,})»|„([^“”]{3,})[“”]")
_SPEECH = re.compile(
    r"\b(?:said|says|say|told|added|stated|declared|warned|wrote|tweeted|posted|announced|insisted|"
    r"explained|noted|argued|asked|replied|according to|quoted)\b",
    re.I,
)


@dataclass(frozen=True)
class Quote:
    speaker: str
    words: str  # the quotation, without its marks
    unit: Unit


def _speaker(unit: Unit, corpus: Corpus, quoted: re.Match[str]) -> str | None:
    """The person (else the organisation) named outside the quotation, or in the sentence
    before: a name inside the quoted words is what is said ("KCNA said “the trial of Jang
    ...”" is KCNA's words, not Jang's)."""
    outside = unit.text[: quoted.start()] + " " * (quoted.end() - quoted.start()) + unit.text[quoted.end() :]
    readings = [(unit, outside)]
    if (previous := corpus.previous(unit)) is not None:
        readings.append((previous, previous.text))
    for u, text in readings:
        for label in ("PERSON", "ORG"):
            places = {e: text.find(corpus.name(e)) for e in u.entities if corpus.labels.get(e) == label}
            # left out: a name found only inside the quotation (one written otherwise, "Lee
            # Jae-Young" for Lee Jae-yong, is not found anywhere and stays, first)
            named = sorted((e for e, at in places.items() if at >= 0 or corpus.name(e) not in u.text), key=lambda e: places[e])
            if named:
                return corpus.name(named[0])
    return None


def quotes(corpus: Corpus, record: Record, limit: int = 12) -> list[Quote]:
    """Attributed quotations of the corpus's English sentences, the weightiest first."""
    found = []
    seen: set[str] = set()
    for unit in corpus.units:
        if not (unit.english and unit.usable and _SPEECH.search(unit.text)):
            continue
        m = _QUOTED.search(unit.text)
        if not m:
            continue
        words = " ".join(next(g for g in m.groups() if g).split()).rstrip(" ,;:")
        if len(words.split()) < QUOTE_WORDS or words in seen:
            continue
        speaker = _speaker(unit, corpus, m)
        if speaker is None:
            continue
        seen.add(words)
        found.append(Quote(speaker, words, unit))
    found.sort(key=lambda q: (-record.gain(q.unit), q.unit.key))
    return found[:limit]
