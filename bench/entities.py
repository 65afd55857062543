"""Entity annotation cold vs cached, and cold analysis with issue 14's cuts vs without, in one run.

    .venv/bin/python bench/entities.py [N ...]      (generated corpus sizes, default 1000)

1. For the seeds and for N generated English articles: the cold run (no cache, the spaCy
   pipeline loaded from disk), the cached run (a new Annotator on the same cache: no model
   is loaded), and cached/cold. Target: cached under 5% of cold.
2. Cold `pipeline.analyse` (fresh process, empty cache, no translation model: the Vietnamese,
   Hungarian and German articles stay untranslated) on the seeds and on N articles made by
   bench/generate.py from the seeds' sentences (2 in 5 English), "old" (English NER over the
   untranslated originals too, dateparser over every sentence of an original) vs "new"
   (neither), each in its own process so no warm cache or import favours one; the entities
   and spans (names, money, dates) of every run must be equal. Prints new/old, and each cut alone at the seeds (best of 3).
   5,000 cold takes about 5x the 1,000 figure per configuration.
"""

from __future__ import annotations

import atexit
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# One temporary home for this run and its child processes: no user model, cache or setting.
if "BRIEFING_BENCH_HOME" not in os.environ:
    os.environ["BRIEFING_BENCH_HOME"] = tempfile.mkdtemp(prefix="bench-entities-")
    atexit.register(shutil.rmtree, os.environ["BRIEFING_BENCH_HOME"], True)
HOME = Path(os.environ["BRIEFING_BENCH_HOME"])
for _name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "BRIEFING_CACHE_DIR", "BRIEFING_CONFIG_DIR"):
    os.environ[_name] = str(HOME / _name.lower())
    Path(os.environ[_name]).mkdir(parents=True, exist_ok=True)

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing.corpus import load, load_seeds, parse  # noqa: E402 (after the environment is set)
from briefing.entities import Annotator, pipeline  # noqa: E402
from briefing.store import Cache, MemoryCache  # noqa: E402

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


# "old": what analysis did before issue 14; "new": what it does now; each cut alone.
CONFIGS = {"old": (True, True), "new": (False, False), "ner-skip only": (False, True), "prefilter only": (True, False)}


def analyse_cold(config: str, folder: str) -> None:
    """In a fresh process: load the corpus, then time a cold `pipeline.analyse`; prints JSON."""
    from briefing import pipeline as flow
    from briefing.entities import annotator, store_format

    annotator.NER_ON_UNTRANSLATED, annotator.DATES_IN_EVERY_SENTENCE = CONFIGS[config]
    articles = load_seeds(MemoryCache()) if folder == "<seeds>" else load([folder], MemoryCache()).articles
    with tempfile.TemporaryDirectory() as cache_dir:
        cache = Cache(Path(cache_dir) / "cache.sqlite3")
        t0 = time.perf_counter()
        analysis = flow.analyse(articles, cache)
        seconds = time.perf_counter() - t0
        cache.close()
    untranslated = sum(v.status.value == "untranslated" for v in analysis.views.values())
    result = json.dumps(store_format.dump(analysis.entities, analysis.annotations), sort_keys=True, default=str)
    print(json.dumps({"seconds": seconds, "articles": len(articles), "untranslated": untranslated, "result": result}))


def run_cold(config: str, folder: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--analyse-cold", config, folder], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def compare_analysis(name: str, folder: str, configs: tuple[str, ...], repeats: int = 1) -> None:
    """Each configuration `repeats` times, interleaved; the fastest run of each counts."""
    runs: dict[str, dict] = {}
    for _ in range(repeats):
        for c in configs:
            run = run_cold(c, folder)
            if c not in runs or run["seconds"] < runs[c]["seconds"]:
                runs[c] = run
    old, new = runs["old"], runs["new"]
    same = all(r["result"] == old["result"] for r in runs.values())
    line = (f"{name:>16}: {old['articles']:5} articles ({old['untranslated']} untranslated) | cold analyse old "
            f"{old['seconds']:6.2f} s, new {new['seconds']:6.2f} s | new/old {new['seconds'] / old['seconds']:5.2f}")
    for c in configs[2:]:
        line += f" | {c} {runs[c]['seconds'] / old['seconds']:5.2f}"
    print(line + f" | same entities and spans: {'yes' if same else 'NO'}")


def main() -> None:
    if sys.argv[1:2] == ["--analyse-cold"]:
        analyse_cold(sys.argv[2], sys.argv[3])
        return
    sizes = [int(a) for a in sys.argv[1:]] or [1000]
    print(f"model: {pipeline.choose_model()}  (components: ner only; nlp.pipe batch 32)")
    measure("seeds", load_seeds())
    for n in sizes:
        measure("generated", generated(n))
    print("cold pipeline.analyse, each run in its own process (old = English NER on untranslated text, dates searched everywhere):")
    from generate import generate

    compare_analysis("seeds", "<seeds>", tuple(CONFIGS), repeats=3)  # under a second each: noise
    for n in sizes:
        with tempfile.TemporaryDirectory() as folder:
            compare_analysis("generated", str(generate(Path(folder), n)), ("old", "new"))


if __name__ == "__main__":
    main()
