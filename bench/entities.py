"""Words per second of entity annotation, cold (model load included) vs cached, in one run.

    .venv/bin/python bench/entities.py [N]      (N generated articles, default 1000)

Prints, for the seeds and for N generated English articles: the cold run (no cache, the
spaCy pipeline loaded from disk), the cached run (a new Annotator on the same cache: no
model is loaded), and cached/cold. Target: cached under 5% of cold.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("BRIEFING_CONFIG_DIR", tempfile.mkdtemp())

from briefing.corpus import load_seeds, parse
from briefing.entities import Annotator, pipeline
from briefing.store import Cache

FIRST = ["Anna", "Peter", "Maria", "John", "Yuki", "Kim", "Laura", "David", "Chen", "Omar", "Sofia", "Lee"]
LAST = ["Novak", "Schmidt", "Tanaka", "Park", "Garcia", "Okafor", "Rossi", "Larsen", "Wang", "Haddad", "Jae-min"]
ORGS = ["Acme Corp", "Globex", "Initech", "Umbrella Group", "Stark Industries", "Wayne Enterprises", "Hooli", "Vandelay"]
PLACES = ["Paris", "Seoul", "Nairobi", "Lima", "Oslo", "Jakarta", "Toronto", "Madrid"]
TEMPLATES = [
    "{org} Chief Executive {p1} met {p2} of {org2} in {place} on Monday to discuss a ${n} billion deal.",
    "{last1} said {org} would open a new plant in {place} next year, according to people familiar with the plan.",
    "Analysts at {org2} expect revenue to grow, while {p2} warned that costs in {place} keep rising.",
    "The talks between {org} and {org2} ended on March {d}, {year}, without an agreement, {last2} told reporters.",
    "Shares of {org} rose after {p1} announced a partnership with {org2} worth about ${n} million.",
]


def generated(n: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        paragraphs = []
        for _ in range(4):
            sentences = []
            for _ in range(3):
                f1, l1, f2, l2 = rng.choice(FIRST), rng.choice(LAST), rng.choice(FIRST), rng.choice(LAST)
                sentences.append(rng.choice(TEMPLATES).format(
                    org=rng.choice(ORGS), org2=rng.choice(ORGS), place=rng.choice(PLACES),
                    p1=f"{f1} {l1}", p2=f"{f2} {l2}", last1=l1, last2=l2,
                    n=rng.randint(1, 900), d=rng.randint(1, 28), year=rng.randint(2015, 2025)))
            paragraphs.append(" ".join(sentences))
        articles.append(parse(f"Report {i}\n\n" + "\n\n".join(paragraphs), f"<bench>/{i}.txt"))
    return articles


def measure(name: str, articles: list) -> float:
    words = sum(a.words for a in articles)
    with tempfile.TemporaryDirectory() as folder:
        cache = Cache(Path(folder) / "cache.sqlite3")
        pipeline.forget()  # cold: the model is loaded again
        t0 = time.perf_counter()
        entities, _ = Annotator(cache, gazetteer=None).annotate(articles, {})
        cold = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = Annotator(cache, gazetteer=None)
        again.annotate(articles, {})
        cached = time.perf_counter() - t0
        assert again.model_runs == 0
        cache.close()
    ratio = cached / cold
    print(f"{name:>16}: {len(articles):5} articles {words:7} words | cold {cold:6.2f} s {words / cold:8.0f} w/s"
          f" | cached {cached:6.3f} s {words / cached:9.0f} w/s | cached/cold {ratio:6.1%}"
          f" {'OK' if ratio < 0.05 else 'OVER 5%'} | {len(entities)} entities")
    return ratio


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    print(f"model: {pipeline.choose_model()}  (components: ner only; nlp.pipe batch 32)")
    measure("seeds", load_seeds())
    measure("generated", generated(n))


if __name__ == "__main__":
    main()
