"""The Numbers section: money and counts, normalised by briefing.numbers, grouped across sources."""

from __future__ import annotations

from collections.abc import Callable

from ..numbers import Value
from .features import Corpus, Unit


def figures(corpus: Corpus, weight: Callable[[Unit], float], limit: int = 6) -> list[tuple[str, list[tuple[Unit, Value]]]]:
    """(normalised figure, its mentions) for the figures that matter most, money first."""
    groups: dict[str, list[tuple[Unit, Value]]] = {}
    for unit in corpus.units:
        if not unit.usable:
            continue
        for value in unit.values:
            if value.kind == "count" and value.value < 1000 and not value.noun:
                continue  # a bare small number says little; "589 people" is a toll
            groups.setdefault(value.normalised, []).append((unit, value))

    def importance(item: tuple[str, list[tuple[Unit, Value]]]) -> tuple:
        key, mentions = item
        sources = len({u.article.id for u, _ in mentions})
        best = max(weight(u) for u, _ in mentions)
        money = any(v.kind == "money" for _, v in mentions)
        return (-(best + 0.3 * sources + (0.3 if money else 0.0)), key)

    ranked = sorted(groups.items(), key=importance)[:limit]
    return [(key, sorted(mentions, key=lambda m: (-(m[0].english), m[0].key))) for key, mentions in ranked]
