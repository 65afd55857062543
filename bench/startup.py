"""Start-up: process start to first painted screen, as a ratio to a bare Textual import.

Run: .venv/bin/python bench/startup.py   (ratios measured in one run: the machine is noisy)
Targets (issue 2): first paint within 1.5x of `import textual.app` on the seeds, under 2x with
1,000 articles. Also reported: time until the article list is filled, cold and cached.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

PROBE = """
import sys
from briefing.tui.app import BriefingApp
from briefing.tui.widgets.article_list import ArticleList

class Probe(BriefingApp):
    def on_ready(self):
        if sys.argv[1] == "paint":
            self.exit()
        else:
            self.set_interval(0.005, self.check)

    def check(self):
        if self.query(ArticleList) and self.query_one(ArticleList).row_count:
            self.exit()

Probe(paths=sys.argv[2:]).run(headless=True)
"""


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def median(args: list[str], env: dict[str, str], runs: int = 5) -> float:
    return statistics.median(wall(args, env) for _ in range(runs))


def main() -> None:
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, BRIEFING_CACHE_DIR=f"{tmp}/cache", BRIEFING_CONFIG_DIR=f"{tmp}/config")
        big = str(generate(Path(tmp) / "big", 1000))
        baseline = median([py, "-c", "import textual.app"], env)
        rows = [("bare `import textual.app`", baseline)]
        rows.append(("first paint, seeds", median([py, "-c", PROBE, "paint"], env)))
        rows.append(("first paint, 1,000 articles", median([py, "-c", PROBE, "paint", big], env)))
        cold_env = dict(env, BRIEFING_CACHE_DIR=f"{tmp}/cold")
        rows.append(("list filled, 1,000 articles, cold cache", wall([py, "-c", PROBE, "list", big], cold_env)))
        rows.append(("list filled, 1,000 articles, cached", median([py, "-c", PROBE, "list", big], cold_env, 3)))
        rows.append(("list filled, seeds, cached", median([py, "-c", PROBE, "list"], env)))
    print(f"{'measure':44} {'seconds':>8} {'x bare import':>14}")
    for name, seconds in rows:
        print(f"{name:44} {seconds:8.3f} {seconds / baseline:14.2f}")


if __name__ == "__main__":
    main()
