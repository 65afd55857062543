"""The key facts chosen by exact budgeted concept coverage (an integer program solved by
HiGHS) against the greedy choice the briefing makes, on the seeds and every development corpus.

    .venv/bin/pip install highspy && .venv/bin/python bench/exact.py [CORPUS ...]

Gillick and Favre (2009): choose sentences s_i and concepts c_j to maximise the weight of
the concepts covered, sum w_j c_j, under a length budget, with c_j <= sum of the s_i that hold
it. The budget is the length of the greedy choice itself and the number of lines the same,
so both are measured at one length; each concept's weight is the one the greedy uses
(coverage.Record: sources stating it, a word 0.5 of a source, a user's focus more), times the
position factor of the earliest chosen sentence holding it being left out (a linear program
cannot price it), so the exact program maximises the plain concept weight. Everything else
(bottom line, latest development, quote, fit to 100x30) is the briefing's own. The table is
bench/quality.py's, one row each for greedy and exact.

highspy is not a dependency of briefing: the briefing keeps the greedy unless this bench
shows the exact choice better on every corpus. Measured 2026-12-01 (12 runs: 6 corpora x
2 modes): greedy 142 facts, exact 139; exact better on none, worse on 3 (Ludian and Sewol
with translations, Jang English-only), no wrong, junk or fragment line either way. The
greedy's position and backing factors, which the linear objective cannot carry, are worth
more than optimality of the plain concept weight.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import quality  # noqa: E402  (bench/ on the path first)


def exact(
    candidates: Sequence[Any],
    record: Any,
    k: int,
    shown: Callable[[Any], str],
    unit_of: Callable[[Any], Any],
    also: Callable[[Any], Iterable[Any]],
    budget: int,
) -> list[Any]:
    """At most k candidates of total shown length <= budget covering the most concept weight not yet said."""
    import highspy

    rest = [c for c in candidates if not record.said(unit_of(c))]
    holds = [record.visible(unit_of(c), shown(c)) - record.covered for c in rest]
    wanted = sorted({x for h in holds for x in h if record.weight.get(x, 0.0) > 0})
    if not rest or not wanted:
        return []
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", 20.0)
    s = [h.addBinary(obj=0.0) for _ in rest]
    c = {x: h.addBinary(obj=record.weight[x]) for x in wanted}
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    h.addConstr(sum(len(shown(r)) * v for r, v in zip(rest, s, strict=True)) <= budget)
    h.addConstr(sum(s) <= k)
    for x, var in c.items():
        holders = [v for v, held in zip(s, holds, strict=True) if x in held]
        h.addConstr(var - sum(holders) <= 0)
    h.run()
    values = h.getSolution().col_value
    picked = [r for r, v in zip(rest, s, strict=True) if values[v.index] > 0.5]
    for p in picked:
        record.add([unit_of(p)], shown(p))
        record.used.update(u.key for u in also(p))
    return picked


def patched_greedy(real: Callable[..., list[Any]], key_facts: int) -> Callable[..., list[Any]]:
    def choose(
        candidates: Sequence[Any],
        record: Any,
        k: int,
        shown: Callable[[Any], str],
        unit_of: Callable[[Any], Any] | None = None,
        bonus: Callable[[Any], float] | None = None,
        also: Callable[[Any], Iterable[Any]] | None = None,
    ) -> list[Any]:
        kwargs = {name: f for name, f in (("unit_of", unit_of), ("bonus", bonus), ("also", also)) if f is not None}
        if k != key_facts:  # the other sections keep the greedy
            return real(candidates, record, k, shown, **kwargs)
        greedy_pick = real(candidates, record.copy(), k, shown, **kwargs)
        budget = sum(len(shown(c)) for c in greedy_pick)
        return exact(candidates, record, len(greedy_pick), shown, unit_of or (lambda c: c.unit), also or (lambda c: ()), budget)

    return choose


def main(argv: Sequence[str] | None = None) -> int:
    names = list(sys.argv[1:] if argv is None else argv)
    try:
        import highspy  # noqa: F401  (not a dependency of briefing: this bench alone needs it)
    except ImportError:
        print("bench/exact.py: skipped: highspy is not installed (.venv/bin/pip install highspy)")
        return 0
    home = quality.isolate()
    import briefing.brief as brief

    real = brief.greedy
    rows = []
    try:
        for corpus in quality.corpora(names):
            for provided, mode in ((False, "English only"), (True, "provided translations")):
                found = {}
                for system in ("greedy", "exact"):
                    brief.greedy = real if system == "greedy" else patched_greedy(real, brief._most_facts(quality.SIZE))
                    scores, _budget, stated = quality.measure(corpus, provided, home / f"work-{system}")
                    shutil.rmtree(home / f"work-{system}", ignore_errors=True)
                    found[system] = scores
                b = max(len(s.found) for s in found["greedy"][1:])
                g, e = found["greedy"][0], found["exact"][0]
                rows.append(
                    (
                        corpus.name,
                        mode,
                        len(g.found),
                        len(e.found),
                        b,
                        len(g.wrong) + len(g.junk) + len(g.fragments),
                        len(e.wrong) + len(e.junk) + len(e.fragments),
                        len(stated),
                    )
                )
                print(
                    f"{corpus.name:<30} {mode:<22} greedy {len(g.found):>2}  exact {len(e.found):>2}  best baseline {b:>2}  "
                    f"stated {len(stated):>2}  wrong+junk+fragments greedy {rows[-1][5]} exact {rows[-1][6]}",
                    flush=True,
                )
    finally:
        brief.greedy = real
        shutil.rmtree(home, ignore_errors=True)
    gs, es = sum(r[2] for r in rows), sum(r[3] for r in rows)
    better = sum(r[3] > r[2] for r in rows)
    worse = sum(r[3] < r[2] for r in rows)
    print(f"SUMMARY facts over {len(rows)} runs: greedy {gs}, exact {es}; exact better on {better}, worse on {worse}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
