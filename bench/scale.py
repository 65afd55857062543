"""Each speed figure at the seeds, 1,000 and 5,000 articles, in one run, with its ratio.

    .venv/bin/python bench/scale.py [--sizes 1000,5000] [--presses 20]

Corpora: the seeds as shipped (5 articles) and corpora that bench/generate.py makes from the
seeds' sentences, in the seeds' languages (vi, hu, en, de, en). No translation model is
installed in the benchmark's home, so the non-English articles stay untranslated, as on a
machine without models. Each corpus gets its own empty cache, and for each:

  cold analysis   corpus.load + pipeline.analyse on the empty cache, per article (spaCy is
                  loaded before any timing); this fills the cache the other figures use
  warm export     `briefing export PATH -o FILE` in a fresh process, everything cached
  in the app      headless at 100x30 (Textual's run_test), the analysis from the cache; the
                  Pilot's own cost per key (a key bound to nothing) is subtracted:
    b, first      `b` to the briefing on screen: the build, then the fit
    b, again      esc, then `b` again: the kept briefing, fitted again (median of 3)
    filter        one keystroke of the library's filter ("samsung", letter by letter)
    open          enter on a library row to the reader on screen (median)
    move          j / k in the library (median)

Every figure is printed in ms and as a ratio to the same figure for the seeds, taken in
this run; "b, again" is also given as a share of "b, first". The run takes about 12 minutes
with 5,000 articles on 2 cores, most of it the cold analyses (about 1 minute at 1,000
articles, 4 at 5,000); `--sizes 1000` takes about 2.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from isolation import isolated_home  # noqa: E402  (before anything imports argostranslate)

HOME = isolated_home("briefing-bench-scale-")

ROWS = [  # (key, label)
    ("cold", "cold analysis, per article"),
    ("export", "warm export (fresh process)"),
    ("b_first", "b, first: build + fit"),
    ("b_again", "b, again: kept briefing"),
    ("filter", "filter, per keystroke"),
    ("open", "open an article"),
    ("move", "move in the list"),
]


def use_cache(name: str) -> None:
    os.environ["BRIEFING_CACHE_DIR"] = str(HOME / f"cache-{name}")


def cold_analysis(paths: list[str] | None) -> tuple[float, int, int]:
    """(seconds per article, articles, English-view sentences) of a cold load and analysis."""
    from briefing import corpus
    from briefing.pipeline import analyse
    from briefing.store import Cache

    start = time.perf_counter()
    with Cache() as cache:
        articles = corpus.load(paths, cache).articles
        analysis = analyse(articles, cache)
    seconds = time.perf_counter() - start
    return seconds / len(articles), len(articles), sum(len(v.sentences) for v in analysis.views.values())


def warm_export(paths: list[str] | None) -> float:
    out = HOME / "export.md"
    command = [str(Path(sys.executable).with_name("briefing")), "export", *(paths or []), "-o", str(out)]
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ))
    seconds = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"export failed:\n{done.stderr[-2000:]}")
    return seconds


async def in_app(paths: list[str] | None, presses: int) -> dict[str, float]:
    """Keypress-to-repaint figures in a headless app, seconds, the Pilot's own cost subtracted."""
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.briefing import BriefingScreen
    from briefing.tui.screens.reader import ReaderScreen

    app = BriefingApp(paths=paths)
    async with app.run_test(size=(100, 30)) as pilot:

        async def until(ready: Callable[[], bool]) -> None:
            while not ready():
                await pilot.pause(0.005)
            await pilot.pause()

        async def timed(key: str, ready: Callable[[], bool] = lambda: True) -> float:
            start = time.perf_counter()
            await pilot.press(key)
            await until(ready)
            return time.perf_counter() - start

        await until(lambda: app.state.analysis is not None and not app.busy)
        idle = statistics.median([await timed("f12") for _ in range(presses)])
        moves = [await timed("j" if (i // 3) % 2 == 0 else "k") for i in range(presses)]
        opens = []
        for _ in range(min(presses, 20)):
            opens.append(await timed("enter", lambda: isinstance(app.screen, ReaderScreen)))
            await pilot.press("escape")
            await pilot.press("j")
            await pilot.pause()
        await pilot.press("slash")
        filters = [await timed(letter) for letter in "samsung"]
        await pilot.press("escape")
        await pilot.pause()

        def briefing_shown() -> bool:
            return isinstance(app.screen, BriefingScreen) and bool(app.screen.rows)

        first = await timed("b", briefing_shown)
        again = []
        for _ in range(3):
            await pilot.press("escape")
            await until(lambda: not isinstance(app.screen, BriefingScreen))
            again.append(await timed("b", briefing_shown))
    return {
        "b_first": first - idle,
        "b_again": statistics.median(again) - idle,
        "filter": statistics.median(filters) - idle,
        "open": statistics.median(opens) - idle,
        "move": statistics.median(moves) - idle,
    }


def measure(name: str, paths: list[str] | None, presses: int) -> dict[str, float]:
    use_cache(name)
    per_article, articles, sentences = cold_analysis(paths)
    print(f"  {name}: {articles} articles, {sentences} sentences; cold analysis done", flush=True)
    figures = {"cold": per_article, "export": warm_export(paths)}
    figures.update(asyncio.run(in_app(paths, presses)))
    return figures


def report(results: dict[str, dict[str, float]]) -> None:
    names = list(results)
    seeds = results[names[0]]
    print(f"\n{'':34}" + "".join(f"{n:>22}" for n in names))
    for key, label in ROWS:
        cells = []
        for name in names:
            ms = results[name][key] * 1000
            ratio = results[name][key] / seeds[key] if seeds[key] > 0 else float("nan")
            cells.append(f"{ms:9.1f} ms" + (f" x{ratio:6.2f}" if name != names[0] else " " * 8))
        print(f"{label:34}" + "".join(f"{c:>22}" for c in cells))
    shares = "".join(f"{100 * results[n]['b_again'] / results[n]['b_first']:20.1f} %" for n in names)
    print(f"{'b again / b first':34}" + shares)
    print("(ratios: to the seeds' figure of this run; b figures include the fit and paint at 100x30)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000", help="generated corpus sizes, comma-separated")
    parser.add_argument("--presses", type=int, default=20)
    args = parser.parse_args()
    from briefing import corpus
    from briefing.pipeline import analyse
    from briefing.store import MemoryCache
    from generate import generate

    # spaCy, dateparser's languages and the rest loaded once, before any timing
    analyse(corpus.load(None, MemoryCache()).articles, MemoryCache())
    started = time.perf_counter()
    try:
        results = {"seeds": measure("seeds", None, args.presses)}
        for size in (int(s) for s in args.sizes.split(",") if s):
            folder = generate(HOME / f"corpus-{size}", size)
            results[f"{size} articles"] = measure(str(size), [str(folder)], args.presses)
    finally:
        shutil.rmtree(HOME, ignore_errors=True)  # the corpora and caches: hundreds of MB at 5,000
    report(results)
    print(f"(whole run: {time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
