"""Extractive baselines the briefing is measured against: lead, TextRank, LexRank.

Each takes the English-view sentences of every article (what the briefing reads: original
English, provided or machine translations; untranslated articles are left out, since an
English reader gets nothing from them) and returns whole sentences, one a line, within a
character budget. No sentence is cut: a sentence that does not fit is skipped and the next
one that fits is taken, so a baseline never ends in a fragment of its own making.

Kept standard on purpose, none tuned to a corpus:
- lead: first sentences of each article, taken in turn (what a skimmer reads);
- TextRank (Mihalcea & Tarau 2004): PageRank, damping 0.85, over the sentence graph weighted
  by word overlap |Si ∩ Sj| / (log|Si| + log|Sj|);
- LexRank (Erkan & Radev 2004): PageRank, damping 0.85, over the graph of sentence pairs
  whose tf-idf cosine is at least 0.1 (unweighted edges, rows normalised).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from briefing.model import Analysis, Provenance

DAMPING = 0.85  # both papers
LEXRANK_THRESHOLD = 0.1  # Erkan & Radev's recommended cosine threshold
ITERATIONS = 200
TOLERANCE = 1e-9

_WORD = re.compile(r"\w+", re.UNICODE)
# A plain English stop list: the function words of Salton's SMART list that matter most here.
# fmt: off
STOPWORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "into", "onto", "about", "as", "than", "over", "under", "between", "among", "through",
    "during", "after", "before", "is", "are", "was", "were", "be", "been", "being", "has", "have",
    "had", "do", "does", "did", "will", "would", "could", "should", "can", "may", "might", "must",
    "shall", "it", "its", "it's", "this", "that", "these", "those", "he", "she", "they", "we", "you",
    "i", "his", "her", "their", "our", "your", "my", "him", "them", "us", "me", "who", "whom", "whose",
    "which", "what", "when", "where", "why", "how", "not", "no", "so", "if", "then", "also", "just",
    "there", "here", "said", "says", "say"
))
# fmt: on


def english_sentences(analysis: Analysis) -> list[list[str]]:
    """The English-view sentences of each article, in corpus order; untranslated articles empty."""
    out = []
    for article in analysis.articles:
        view = analysis.views[article.id]
        keep = [s.text.strip() for s in view.sentences if s.provenance is not Provenance.UNTRANSLATED]
        out.append([s for s in keep if s])
    return out


def terms(sentence: str) -> list[str]:
    return [w for w in (m.group().lower() for m in _WORD.finditer(sentence)) if w not in STOPWORDS]


def within(ranked: Sequence[str], budget: int) -> str:
    """Whole sentences in the given order, one a line, skipping those that no longer fit."""
    out: list[str] = []
    used = 0
    seen: set[str] = set()
    for sentence in ranked:
        if sentence in seen:
            continue
        cost = len(sentence) + (1 if out else 0)
        if used + cost <= budget:
            out.append(sentence)
            seen.add(sentence)
            used += cost
    return "\n".join(out)


def pagerank(weights: np.ndarray) -> np.ndarray:
    """Stationary scores of the random walk on `weights` (rows normalised; empty rows jump anywhere)."""
    n = len(weights)
    if n == 0:
        return np.zeros(0)
    rows = weights.sum(axis=1, keepdims=True)
    transition = np.where(rows > 0, weights / np.where(rows > 0, rows, 1), 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(ITERATIONS):
        new = (1 - DAMPING) / n + DAMPING * transition.T @ rank
        if np.abs(new - rank).sum() < TOLERANCE:
            return new
        rank = new
    return rank


def _ordered(sentences: list[str], scores: np.ndarray) -> list[str]:
    return [sentences[i] for i in sorted(range(len(sentences)), key=lambda i: (-scores[i], i))]


def lead(per_article: list[list[str]], budget: int) -> str:
    depth = max((len(doc) for doc in per_article), default=0)
    order = [doc[i] for i in range(depth) for doc in per_article if i < len(doc)]
    return within(order, budget)


def textrank_scores(sentences: list[str]) -> np.ndarray:
    bags = [set(terms(s)) for s in sentences]
    n = len(sentences)
    weights = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if len(bags[i]) < 2 or len(bags[j]) < 2:  # log 1 = 0: the paper's formula needs 2+ words
                continue
            overlap = len(bags[i] & bags[j])
            if overlap:
                weights[i, j] = weights[j, i] = overlap / (math.log(len(bags[i])) + math.log(len(bags[j])))
    return pagerank(weights)


def textrank(per_article: list[list[str]], budget: int) -> str:
    sentences = [s for doc in per_article for s in doc]
    return within(_ordered(sentences, textrank_scores(sentences)), budget)


def lexrank_scores(sentences: list[str]) -> np.ndarray:
    bags = [Counter(terms(s)) for s in sentences]
    n = len(sentences)
    documents = Counter(t for bag in bags for t in bag)
    idf = {t: math.log(n / df) for t, df in documents.items()}
    vocabulary = {t: k for k, t in enumerate(sorted(idf))}
    vectors = np.zeros((n, len(vocabulary)))
    for i, bag in enumerate(bags):
        for t, tf in bag.items():
            vectors[i, vocabulary[t]] = tf * idf[t]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    cosine = unit @ unit.T
    adjacency = (cosine >= LEXRANK_THRESHOLD).astype(float)  # self-links included, as in the paper
    return pagerank(adjacency)


def lexrank(per_article: list[list[str]], budget: int) -> str:
    sentences = [s for doc in per_article for s in doc]
    return within(_ordered(sentences, lexrank_scores(sentences)), budget)


BASELINES = {"lead": lead, "textrank": textrank, "lexrank": lexrank}
