"""Benchmark: brief.build from ready analyses (what the cache hands back), seeds and generated.

    .venv/bin/python bench/brief.py

Prints build time for the seeds (real pipeline, analysed once beforehand) and for generated
corpora of 100, 1,000 and 5,000 articles, with the ratio per 10x growth (linear = 10).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from briefing.brief import build, fit_text
from briefing.model import Analysis, Annotation, Article, EnglishView, Entity, Sentence, Span
from briefing.views import original_view

PEOPLE = [f"Person{i} Name{i}" for i in range(40)]
ORGS = [f"Org{i} Corp" for i in range(25)]
WORDS = [f"word{i}" for i in range(3000)]
VERBS = ["met", "said", "announced", "discussed", "visited", "invested", "denied", "confirmed"]


def generated(n: int, seed: int = 7) -> Analysis:
    rng = random.Random(seed)
    articles: list[Article] = []
    views: dict[str, EnglishView] = {}
    annotations: dict[str, Annotation] = {}
    counts: dict[str, int] = {}
    for a in range(n):
        paragraphs: list[str] = []
        sentences: list[Sentence] = []
        spans: list[Span] = []
        offset = 0
        for p in range(rng.randint(5, 9)):
            parts: list[str] = []
            for _ in range(rng.randint(1, 3)):
                who, org = rng.choice(PEOPLE), rng.choice(ORGS)
                body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
                money = f" worth ${rng.randint(1, 900)} billion" if rng.random() < 0.2 else ""
                when = " on Tuesday" if rng.random() < 0.2 else ""
                text = f"{who} of {org} {rng.choice(VERBS)} {body}{money}{when}."
                start = offset + sum(len(x) + 1 for x in parts)
                sentences.append(Sentence(len(sentences), p, start, start + len(text), text))
                spans.append(Span(start, start + len(who), "PERSON", "person:" + who.lower(), who))
                o = start + len(who) + 4
                spans.append(Span(o, o + len(org), "ORG", "org:" + org.lower(), org))
                for key in ("person:" + who.lower(), "org:" + org.lower()):
                    counts[key] = counts.get(key, 0) + 1
                parts.append(text)
            paragraphs.append(" ".join(parts))
            offset += len(paragraphs[-1]) + 2
        article = Article(f"g{a:05d}", f"gen/{a}.txt", f"Generated {a}", "en", tuple(paragraphs), tuple(sentences))
        articles.append(article)
        views[article.id] = original_view(article)
        annotations[article.id] = Annotation(article.id, tuple(spans), tuple(spans))
    entities = tuple(
        Entity(k, k.split(":", 1)[1].title(), k.split(":")[0].upper(), mentions=c) for k, c in sorted(counts.items())
    )
    return Analysis(tuple(articles), views, entities, annotations)


def timed(analysis: Analysis, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fit_text(build(analysis), (100, 30))
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    from facts import seed_analysis

    seeds = seed_analysis(True)
    print(f"seeds (5 articles, provided translations): {timed(seeds, 10) * 1000:.1f} ms  (target < 100 ms)")
    previous = None
    for n in (100, 1000, 5000):
        analysis = generated(n)
        seconds = timed(analysis, 3 if n < 5000 else 1)
        ratio = f"  x{seconds / previous:.1f} for 10x articles" if previous and n == 1000 else (
            f"  x{seconds / previous:.1f} for 5x articles" if previous else "")
        print(f"{n:5} generated articles: {seconds * 1000:8.1f} ms{ratio}")
        previous = seconds


if __name__ == "__main__":
    main()
