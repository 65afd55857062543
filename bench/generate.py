"""Generated corpora for benchmarks: N articles made of the seeds' sentences, reshuffled.

Each article keeps one seed's language and gets a unique mix of its sentences,
so ids, language identification and cleaning all do real work.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def generate(folder: Path, count: int, seed: int = 7) -> Path:
    from briefing.sentences import split

    rng = random.Random(seed)
    pools = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        pools.append([text[s:e] for s, e in split(text) if len(text[s:e].split()) >= 6])
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        pool = pools[i % len(pools)]
        paragraphs = [" ".join(rng.sample(pool, k=min(3, len(pool)))) for _ in range(rng.randint(3, 7))]
        title = f"Generated report {i}: " + " ".join(pool[i % len(pool)].split()[:6])
        (folder / f"{i:05d}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return folder
