"""Label consensus: one surface form (and one entity), one label, the majority of its mentions.

The small English model labels the same name differently from sentence to sentence
("Altman" PERSON, ORG, GPE); across a corpus the majority is usually right.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from .text import key

# Tie-break: prefer the label the model is more often right about.
_PRIORITY = {label: n for n, label in enumerate(("PERSON", "ORG", "GPE", "LOC", "PRODUCT", "EVENT"))}

# "artificial intelligence (AI)", "trí tuệ nhân tạo (AI)": an acronym spelled out in
# lower case is a common noun, whatever the model says about it.
_DEFINED = re.compile(r"(\w[\w-]*)\s*\(([A-Z][A-Za-z0-9]{1,5})\)")


def majority(labels: Counter[str]) -> str:
    """The label with most votes; ties go to the more reliable label."""
    return min(labels, key=lambda label: (-labels[label], _PRIORITY.get(label, 99), label))


_LOWER_WORD = re.compile(r"\b[a-z]+\b")


def common_words(texts: Iterable[str], displays: dict[str, tuple[str, int]]) -> set[str]:
    """Keys of one-word names (key -> display, mentions) that the corpus writes more often
    in lower case than the model finds them as names: "People" of "Democratic People's
    Republic", "Party" of "Workers' Party" are words, not organisations."""
    single = {d.lower(): k for k, (d, _) in displays.items() if d.isalpha() and d[:1].isupper() and not d.isupper()}
    if not single:
        return set()
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in _LOWER_WORD.findall(text) if w in single)
    return {k for w, k in single.items() if counts[w] > displays[k][1]}


def common_acronyms(texts: Iterable[str]) -> set[str]:
    """Keys of acronyms that some text of the corpus defines with a lower-case expansion."""
    found: set[str] = set()
    for text in texts:
        for match in _DEFINED.finditer(text):
            if match.group(1)[0].islower():
                found.add(key(match.group(2)))
    return found
