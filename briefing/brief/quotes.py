"""Who said what: quotations attributed to a named person or organisation.

A quote is a sentence holding a quotation of at least QUOTE_WORDS words (in any of the usual
quotation marks) and a speech verb, said by the person (else the organisation) named in it or,
for "..., she said.", in the sentence before. They are weighed like any claim (the concepts
they cover, the sources naming the speaker), the weightiest first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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


_POSSESSIVE = re.compile(r"['’]s?\b")
SPEAKERS = ("PERSON", "ORG", "GPE")  # "China said it “will get in touch”": a government speaks too


def _speaker_names(unit: Unit, corpus: Corpus, skip: tuple[int, int] = (0, 0)) -> list[tuple[int, int, str]]:
    """(start, end, entity) of each name of a speaker-like entity in the sentence, outside `skip`."""
    out = []
    for e in unit.entities:
        if corpus.labels.get(e) not in SPEAKERS:
            continue
        entity = corpus.entities.get(e)
        for name in {corpus.name(e), *(entity.aliases if entity else ())}:
            for m in re.finditer(re.escape(name), unit.text) if name else ():
                if not skip[0] <= m.start() < skip[1] and not _POSSESSIVE.match(unit.text, m.end()):
                    out.append((m.start(), m.end(), e))  # "Hagel called Jang's execution ...": Jang's is nobody's speech
    return out


_PRONOUN_BEFORE = re.compile(r"\b(?:he|she|they|we)\s*$", re.I)  # "he said"
_PRONOUN_AFTER = re.compile(r"\s*(?:he|she|they|we)\b", re.I)  # "said he"
_CLAUSE_BREAK = re.compile(r";|\bbut\b")


def _nearest_speaker(names: list[tuple[int, int, str]], corpus: Corpus, key: Callable[[int, int], int]) -> str | None:
    """The person nearest by `key` (start, end -> distance), else the nearest organisation or state."""
    for labels in (("PERSON",), SPEAKERS):
        near = sorted((key(start, end), e) for start, end, e in names if corpus.labels.get(e) in labels)
        if near:
            return corpus.name(near[0][1])
    return None


def _speaker(unit: Unit, corpus: Corpus, quoted: re.Match[str]) -> str | None:
    """Who says the quotation: the person named nearest the speech verb closest to it, in its
    clause (else the organisation or state): "...; China expressed thanks and said it “will
    ...”" is China's, not the ambassador's named first; "“...,” said Ana Cruz" is hers. "he
    said" is the person the sentence before names. A name inside the quoted words is what
    is said ("KCNA said “the trial of Jang ...”" is KCNA's words, not Jang's), and a quote
    whose speaker is named by no name ("The article, headlined, “...”") has none."""
    text = unit.text
    span = (quoted.start(), quoted.end())
    names = _speaker_names(unit, corpus, span)
    verbs = [m for m in _SPEECH.finditer(text) if not span[0] <= m.start() < span[1]]
    before = [m for m in verbs if m.end() <= span[0]]
    after = [m for m in verbs if m.start() >= span[1]]
    verb = before[-1] if before else after[0] if after else None
    if verb is not None:
        if _PRONOUN_BEFORE.search(text[max(0, verb.start() - 6) : verb.start()]) or _PRONOUN_AFTER.match(text, verb.end()):
            previous = corpus.previous(unit)
            people = [e for e in (previous.entities if previous else ()) if corpus.labels.get(e) == "PERSON"]
            return corpus.name(people[0]) if len(people) == 1 else None  # "..., he said.": the one person before
        if before:
            clause = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, verb.start())), default=0)
            in_clause = [n for n in names if clause <= n[0] and n[1] <= verb.start()]
            found = _nearest_speaker(in_clause, corpus, lambda _s, end: verb.start() - end)
        else:
            found = _nearest_speaker([n for n in names if n[0] >= span[1]], corpus,
                             lambda start, end: min(abs(verb.start() - end), abs(start - verb.end())))
        if found:
            return found
    for label in ("PERSON", "ORG"):  # no speech verb near: the first named outside the quotation
        places = sorted((start, e) for start, _, e in names if corpus.labels.get(e) == label)
        if places:
            return corpus.name(places[0][1])
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
