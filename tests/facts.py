"""The key facts of the sample corpus, a recall measure, and the baselines it is compared with.

Each fact is a list of alternatives; an alternative is a list of regexes that must all
appear in the text (case-insensitive). Test-only knowledge: no code under briefing/ may
know any of this.
"""

from __future__ import annotations

import functools
import re
import shutil
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent / "seeds"
PROVIDED = HERE / "data" / "provided"

FACTS: dict[str, list[list[str]]] = {
    # who, where, when, what of the 2025 meeting
    "Lee Jae-yong took part": [[r"lee jae[- ]?yong"]],
    "Sam Altman took part": [[r"altman"]],
    "Masayoshi Son took part": [[r"masayoshi son|\bson\b"]],
    "in Seoul": [[r"seoul"]],
    "on 4 February 2025": [[r"4 feb|feb(ruary)? 4|2025-02-04"]],
    "about Stargate": [[r"stargate"]],
    "about AI / chip cooperation": [[r"collaborat|cooperat|partnership"]],
    "Stargate is $500B": [[r"\$500 ?(b|billion)"]],
    "SoftBank may invest $15-20B in OpenAI": [[r"\$?15-20 ?(b|billion)"]],
    "OpenAI valuation $175B to $340B": [[r"\$?340 ?(b|billion)"]],
    "Samsung as chip supplier / partner": [[r"samsung.{0,200}(chipmaker|supplier|semiconductor|chip)"]],
    # the earlier visit, January 2024
    "earlier visit in January 2024": [[r"jan(uary)? 2024|2024-01|last week|last thursday"]],
    "toured Samsung's chip plant": [[r"(plant|fab|factory|production line)"]],
    "19-hour stay": [[r"19[- ]hour|19 hours"]],
    "met SK hynix CEO Kwak Noh-jung": [[r"kwak"]],
    # who else Altman met
    "met SK chairman Chey Tae-won": [[r"chey"]],
    "met Kakao CEO Chung Shin-a / Kakao deal": [[r"kakao"]],
    # what no source confirmed, and where they differ
    "not confirmed by the companies": [[r"declined to comment|would not confirm|no official announcement|not confirm"]],
    "Lee: guilty vs acquitted": [[r"guilty", r"acquit"]],
    "Crystal Intelligence joint venture": [[r"crystal intelligence"]],
}


def recall(text: str) -> tuple[list[str], list[str]]:
    """(facts found, facts missed) in `text`."""
    found: list[str] = []
    missed: list[str] = []
    for name, alternatives in FACTS.items():
        ok = any(all(re.search(p, text, re.I | re.S) for p in alt) for alt in alternatives)
        (found if ok else missed).append(name)
    return found, missed


def corpus_dir(provided: bool) -> Path:
    """The seeds in a temporary folder, with the hand translations beside them when asked."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-seeds-"))
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, folder)
    if provided:
        for path in PROVIDED.glob("*.en.txt"):
            shutil.copy(path, folder)
    return folder


@functools.cache
def seed_analysis(provided: bool):
    """The real pipeline (corpus, translator, spaCy annotator) on the seeds; once per session."""
    from briefing import corpus
    from briefing.pipeline import analyse
    from briefing.store import MemoryCache

    articles = corpus.load([corpus_dir(provided)]).articles
    return analyse(articles, MemoryCache())


# -- baselines, cut to the same character budget ------------------------------------------


def _english(analysis):
    """(article index, sentence text) of every English-view sentence, article by article."""
    return [[s.text for s in analysis.views[a.id].sentences] for a in analysis.articles]


def cut(sentences: list[str], budget: int) -> str:
    out, used = [], 0
    for s in sentences:
        if used + len(s) + 1 > budget:
            out.append(s[: max(0, budget - used)])
            break
        out.append(s)
        used += len(s) + 1
    return "\n".join(out)


def lead_baseline(analysis, budget: int) -> str:
    """First sentences of every article, taken in turn: what a skimmer reads."""
    per_article = _english(analysis)
    order = [doc[i] for i in range(max(map(len, per_article))) for doc in per_article if i < len(doc)]
    return cut(order, budget)


def textrank_baseline(analysis, budget: int) -> str:
    """TextRank over the same sentences: TF-IDF cosine graph, PageRank, best first."""
    from briefing.brief import text as tx

    sentences = [s for doc in _english(analysis) for s in doc]
    terms = [tx.content_terms(s) for s in sentences]
    weights = tx.idf(terms)
    vectors = [tx.vector(t, weights) for t in terms]
    n = len(sentences)
    sim = np.array([[0.0 if i == j else tx.cosine(vectors[i], vectors[j]) for j in range(n)] for i in range(n)])
    rows = sim.sum(axis=1, keepdims=True)
    transition = np.divide(sim, rows, out=np.zeros_like(sim), where=rows > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(100):
        rank = 0.15 / n + 0.85 * transition.T @ rank
    order = sorted(range(n), key=lambda i: (-rank[i], i))
    return cut([sentences[i] for i in order], budget)
