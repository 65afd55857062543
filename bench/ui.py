"""UI timings in one run: first paint, interactive list, keypress-to-repaint.

    python bench/ui.py [--articles 1000] [--repeat 3]

First paint is measured in a fresh interpreter (imports count), against the same
measure for a bare Textual app: the target is a ratio under 1.5. Keypress
latencies are medians over many presses in a headless app (`run_test`).
Everything runs against temporary cache/config folders; the user's are untouched.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
kind, paths = sys.argv[1], sys.argv[2:]
marks = {}
if kind == "bare":
    from textual.app import App
    from textual.widgets import Static
    marks["import"] = time.perf_counter() - t0
    class Bare(App):
        def compose(self):
            yield Static("hello")
        def on_mount(self):
            self.call_after_refresh(self.done)
        def done(self):
            marks["first_paint"] = time.perf_counter() - t0
            self.exit()
    app = Bare()
else:
    from briefing.tui.app import BriefingApp
    marks["import"] = time.perf_counter() - t0
    class Probe(BriefingApp):
        def on_mount(self):
            super().on_mount()
            self.call_after_refresh(self.painted)
        def painted(self):
            marks["first_paint"] = time.perf_counter() - t0
        def _corpus_loaded(self, articles, problems):
            super()._corpus_loaded(articles, problems)
            self.call_after_refresh(self.listed)
        def listed(self):
            marks["list"] = time.perf_counter() - t0
            marks["spacy_loaded"] = "spacy" in sys.modules
            self.exit()
    app = Probe(paths=paths or None, analyse=False)
import asyncio
async def main():
    async with app.run_test(size=(100, 30)) as pilot:
        while app.is_running:
            await pilot.pause(0.005)
asyncio.run(main())
print(json.dumps(marks))
"""


def probe(kind: str, paths: list[str], env: dict) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, kind, *paths], env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"probe {kind} failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def median_probe(kind: str, paths: list[str], env: dict, repeat: int) -> dict:
    runs = [probe(kind, paths, env) for _ in range(repeat)]
    return {k: statistics.median(r[k] for r in runs) if isinstance(runs[0][k], float) else runs[0][k] for k in runs[0]}


def make_corpus(folder: Path, count: int) -> list[str]:
    """`count` distinct articles made from the seeds (each gets a numbered closing line)."""
    from briefing.corpus import seed_paths

    seeds = [p.read_text(encoding="utf-8") for p in seed_paths()]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = seeds[i % len(seeds)].rstrip() + f"\n\nBench copy number {i} of the sample corpus.\n"
        (folder / f"a{i:04d}.txt").write_text(text, encoding="utf-8")
    return [str(folder)]


async def latencies(paths: list[str] | None, presses: int) -> dict:
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.reader import ReaderScreen

    app = BriefingApp(paths=paths, analyse=paths is None)
    result = {}
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(3000):
            await pilot.pause(0.01)
            if app.state.articles and not app.busy:
                break
        await app.workers.wait_for_complete()
        await pilot.pause()
        idle = []  # the Pilot's own cost: a key nothing is bound to
        cpu: dict[str, list[float]] = {"idle": [], "move": [], "open": []}
        for _ in range(presses):
            start, start_cpu = time.perf_counter(), time.process_time()
            await pilot.press("f12")
            await pilot.pause()
            idle.append(time.perf_counter() - start)
            cpu["idle"].append(time.process_time() - start_cpu)
        base = statistics.median(idle)
        moves = []
        for i in range(presses):
            start, start_cpu = time.perf_counter(), time.process_time()
            await pilot.press("j" if (i // 3) % 2 == 0 else "k")
            await pilot.pause()
            moves.append(time.perf_counter() - start)
            cpu["move"].append(time.process_time() - start_cpu)
        opens = []
        for _ in range(min(presses, 20)):
            start, start_cpu = time.perf_counter(), time.process_time()
            await pilot.press("enter")
            while not isinstance(app.screen, ReaderScreen):
                await pilot.pause(0)
            await pilot.pause()
            opens.append(time.perf_counter() - start)
            cpu["open"].append(time.process_time() - start_cpu)
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("j")
        filters = []  # typing into the library's filter: one keystroke, the table follows
        await pilot.press("slash")
        for letter in "samsung":
            start, start_cpu = time.perf_counter(), time.process_time()
            await pilot.press(letter)
            await pilot.pause()
            filters.append(time.perf_counter() - start)
            cpu.setdefault("filter", []).append(time.process_time() - start_cpu)
        await pilot.press("escape")
        await pilot.pause()
        result["filter_ms"] = 1000 * (statistics.median(filters) - base)
        result["filter_cpu_ms"] = 1000 * (statistics.median(cpu["filter"]) - statistics.median(cpu["idle"]))
        result["pilot_ms"] = 1000 * base
        result["move_ms"] = 1000 * (statistics.median(moves) - base)
        result["open_ms"] = 1000 * (statistics.median(opens) - base)
        result["open_max_ms"] = 1000 * (max(opens) - base)
        # CPU time spent by the process (Pilot's own CPU subtracted): the work, without the
        # idle waits for Textual's next frame that the wall-clock figures include
        cpu_base = statistics.median(cpu["idle"])
        result["move_cpu_ms"] = 1000 * (statistics.median(cpu["move"]) - cpu_base)
        result["open_cpu_ms"] = 1000 * (statistics.median(cpu["open"]) - cpu_base)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--presses", type=int, default=30)
    args = parser.parse_args()

    import asyncio

    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        tmp_path = Path(tmp)
        for name in ("BRIEFING_CACHE_DIR", "BRIEFING_CONFIG_DIR", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
            os.environ[name] = str(tmp_path / name.lower())
        env = dict(os.environ)
        big = make_corpus(tmp_path / "corpus", args.articles)

        bare = median_probe("bare", [], env, args.repeat)
        probe("briefing", [], env)  # fills the article cache for the seeds
        seeds = median_probe("briefing", [], env, args.repeat)
        cold = probe("briefing", big, env)  # parses every article once
        warm = median_probe("briefing", big, env, args.repeat)

        # the seeds with translation and entities cached, as a user reopening the app
        from briefing import corpus
        from briefing.pipeline import analyse
        from briefing.store import Cache

        with Cache() as cache:
            analyse(corpus.load(None, cache).articles, cache)
        seeds_keys = asyncio.run(latencies(None, args.presses))
        big_keys = asyncio.run(latencies(big, args.presses))

    rows = [
        ("bare Textual app: import", bare["import"]),
        ("bare Textual app: first paint", bare["first_paint"]),
        ("briefing (seeds): import", seeds["import"]),
        ("briefing (seeds): first paint", seeds["first_paint"]),
        ("briefing (seeds): interactive list", seeds["list"]),
        (f"briefing ({args.articles}, cold): first paint", cold["first_paint"]),
        (f"briefing ({args.articles}, cold): interactive list", cold["list"]),
        (f"briefing ({args.articles}, cached): first paint", warm["first_paint"]),
        (f"briefing ({args.articles}, cached): interactive list", warm["list"]),
    ]
    for label, seconds in rows:
        print(f"{label:<48} {seconds * 1000:8.0f} ms")
    print(f"{'first paint / bare Textual first paint':<48} {seeds['first_paint'] / bare['first_paint']:8.2f} x   (target < 1.5)")
    print(f"{'spaCy imported before the list was shown':<48} {'yes' if seeds['spacy_loaded'] else 'no':>8}")
    print(f"{'(Pilot overhead per key, subtracted below)':<48} {seeds_keys['pilot_ms']:8.1f} ms")
    for name in ("open", "filter"):  # the same measure at both sizes, in this run
        ratio = big_keys[f"{name}_cpu_ms"] / max(seeds_keys[f"{name}_cpu_ms"], 0.1)
        print(f"{'CPU of ' + name + ': ' + str(args.articles) + ' articles / seeds':<48} {ratio:8.2f} x")
    for label, keys in (("seeds", seeds_keys), (f"{args.articles} articles", big_keys)):
        print(f"{'keypress -> repaint, move in list (' + label + ')':<48} {keys['move_ms']:8.1f} ms")
        print(f"{'keypress -> repaint, open article (' + label + ')':<48} {keys['open_ms']:8.1f} ms"
              f"   (max {keys['open_max_ms']:.1f}; target < 50)")
        print(f"{'  CPU of it: move / open (' + label + ')':<48} {keys['move_cpu_ms']:8.1f} / {keys['open_cpu_ms']:.1f} ms")
        print(f"{'keypress -> repaint, filter as you type (' + label + ')':<48} {keys['filter_ms']:8.1f} ms"
              f"   (CPU {keys['filter_cpu_ms']:.1f})")


if __name__ == "__main__":
    main()
