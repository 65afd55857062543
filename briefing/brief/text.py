"""Words, weights and similarity: plain-Python TF-IDF over sentences.

Sparse dicts rather than a matrix: the corpus grows to thousands of articles
and every sentence holds a handful of terms, so dict dot products stay linear.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just may me might more most
    must my no nor not now of off on once only or other our out over own same she should so some such
    than that the their them then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your said says say according
    new one two also still well even much many like however including include includes since per via
    mr ms year years week month day time told reported reportedly report reports
    """.split()
)


def words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def content_terms(text: str) -> list[str]:
    """Lower-case words worth comparing: no stopwords, no one-letter tokens."""
    return [w for w in words(text) if len(w) > 1 and w not in STOPWORDS and not w.isdigit()]


def idf(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency over documents (sets of terms)."""
    df: Counter[str] = Counter()
    n = 0
    for doc in documents:
        n += 1
        df.update(set(doc))
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def vector(terms: Iterable[str], weights: Mapping[str, float]) -> dict[str, float]:
    """Unit-length TF-IDF vector (sub-linear tf)."""
    counts = Counter(terms)
    vec = {t: (1.0 + math.log(c)) * weights.get(t, 1.0) for t, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def centroid(vectors: Iterable[Mapping[str, float]]) -> dict[str, float]:
    total: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            total[t] = total.get(t, 0.0) + v
    norm = math.sqrt(sum(v * v for v in total.values()))
    return {t: v / norm for t, v in total.items()} if norm else {}


def subtract(total: Mapping[str, float], part: Mapping[str, float]) -> dict[str, float]:
    """Unit vector of (total - part): an article's centroid without one of its paragraphs."""
    rest = {t: v - part.get(t, 0.0) for t, v in total.items()}
    rest = {t: v for t, v in rest.items() if v > 1e-9}
    norm = math.sqrt(sum(v * v for v in rest.values()))
    return {t: v / norm for t, v in rest.items()} if norm else {}


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary and mark the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if limit <= 1:
        return "…"[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:-—") + "…"
