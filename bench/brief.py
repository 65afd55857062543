"""Benchmark: brief.build from ready analyses (what the cache hands back), seeds and generated.

    .venv/bin/python bench/brief.py
    .venv/bin/python bench/brief.py --against COMMIT_OR_FOLDER [--repeat FACTOR]

Prints build time for the seeds (real pipeline, analysed once beforehand) and for generated
corpora of 100, 1,000 and 5,000 articles, with the ratio per 10x growth (linear = 10).

--against times this tree and another (a commit, checked out as a temporary git worktree,
or a folder holding a tree) in two worker processes, alternating old and new timings of
the seeds (each tree's own pipeline), 1,000 and 5,000 generated articles, CPU time (best
of several), and prints the build per sentence new/old. --repeat scales the timings taken.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path
from typing import IO

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


# -- --against: the build per sentence, this tree against another, in one run --------------

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"seeds": 15, "1000": 5, "5000": 3}  # corpus -> timings of each tree (the best is kept)


def lay_out(root: Path, dest: Path) -> Path:
    """DEST/briefing with root's package-dir mapping applied (tui/ as briefing/tui, ...), each
    entry a link to root's file, so PYTHONPATH=DEST imports that tree's code and nothing else's."""
    import tomllib

    with open(root / "pyproject.toml", "rb") as file:
        mapping: dict[str, str] = tomllib.load(file)["tool"]["setuptools"]["package-dir"]
    nested = {package.split(".")[1]: folder for package, folder in mapping.items() if package.count(".") == 1}
    top = dest / "briefing"
    top.mkdir(parents=True)
    for entry in sorted((root / mapping.get("briefing", "briefing")).iterdir()):
        if entry.name not in nested and entry.name != "__pycache__":
            (top / entry.name).symlink_to(entry)
    for name, folder in nested.items():
        (top / name).symlink_to(root / folder, target_is_directory=True)
    return dest


def sentences(analysis: Analysis) -> int:
    return sum(len(view.sentences) for view in analysis.views.values())


def worker(root: Path) -> None:
    """Serve timings over stdin/stdout: 'SIZE' -> CPU seconds of one build and fit of that corpus."""
    import json
    import os

    reply = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # whatever the pipeline prints goes to stderr, not into the replies
    sys.path.insert(0, str(root / "tests"))  # that tree's seeds (facts.seed_analysis)
    import briefing
    from facts import seed_analysis

    corpora: dict[str, Analysis] = {"seeds": seed_analysis(True)}
    for size in SIZES:
        if size != "seeds":
            corpora[size] = generated(int(size))
    counts = {name: sentences(analysis) for name, analysis in corpora.items()}
    reply.write(json.dumps({"briefing": briefing.__file__, "sentences": counts}) + "\n")
    reply.flush()
    for line in sys.stdin:
        analysis = corpora[line.strip()]
        start = time.process_time()
        fit_text(build(analysis), (100, 30))
        reply.write(json.dumps(time.process_time() - start) + "\n")
        reply.flush()


def against(other: str, repeat: float) -> None:
    """Time this tree's build and another tree's (a commit, laid out as a git worktree, or a
    folder), alternating, and print per sentence new/old for the seeds and 1,000 and 5,000
    generated articles. Each tree analyses the seeds with its own pipeline."""
    import json
    import os
    import shutil
    import subprocess
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="briefing-against-"))
    worktree = None
    if Path(other).is_dir():
        old_root = Path(other).resolve()
    else:
        worktree = scratch / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(worktree), other],
                       check=True, capture_output=True)
        old_root = worktree
    try:
        trees = {"old": old_root, "new": ROOT}
        workers: dict[str, subprocess.Popen[str]] = {}
        for name, root in trees.items():
            path = lay_out(root, scratch / f"layout-{name}")
            env = dict(os.environ, PYTHONPATH=str(path))
            workers[name] = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--worker", str(root)],
                env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        def pipes(name: str) -> tuple[IO[str], IO[str]]:
            process = workers[name]
            assert process.stdin is not None and process.stdout is not None
            return process.stdin, process.stdout

        info = {name: json.loads(pipes(name)[1].readline()) for name in workers}
        for name in trees:
            print(f"{name}: {trees[name]}  (imports {info[name]['briefing']})")

        def ask(name: str, size: str) -> float:
            request, replies = pipes(name)
            request.write(size + "\n")
            request.flush()
            seconds: float = json.loads(replies.readline())
            return seconds

        print(f"{'corpus':>8} {'sentences old/new':>19} {'old ms':>10} {'new ms':>10} {'old us/sent':>12} "
              f"{'new us/sent':>12} {'new/old per sentence':>21}")
        for key, times in SIZES.items():
            best = {"old": float("inf"), "new": float("inf")}
            for _ in range(max(1, round(times * repeat))):
                for name in ("old", "new"):
                    best[name] = min(best[name], ask(name, key))
            n = {name: info[name]["sentences"][key] for name in trees}
            per = {name: best[name] / n[name] for name in trees}
            label = key if key == "seeds" else f"{int(key):,}"
            print(f"{label:>8} {n['old']:>9}/{n['new']:<9} {best['old'] * 1000:10.1f} {best['new'] * 1000:10.1f} "
                  f"{per['old'] * 1e6:12.1f} {per['new'] * 1e6:12.1f} {per['new'] / per['old']:21.2f}", flush=True)
        for name, process in workers.items():
            pipes(name)[0].close()
            process.wait()
    finally:
        if worktree is not None:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(worktree)], check=False)
        shutil.rmtree(scratch, ignore_errors=True)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        worker(Path(sys.argv[2]))
        return
    if "--against" in sys.argv:
        repeat = float(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 1.0
        against(sys.argv[sys.argv.index("--against") + 1], repeat)
        return
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
