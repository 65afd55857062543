"""Entities and annotations to JSON and back, for the corpus-level cache entry."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Annotation, Entity, Span


def dump(entities: tuple[Entity, ...], annotations: dict[str, Annotation]) -> dict[str, Any]:
    def spans(items: Iterable[Span]) -> list[list[object]]:
        return [[s.start, s.end, s.label, s.entity, s.text] for s in items]

    return {
        "entities": [
            [e.id, e.name, e.label, list(e.aliases), list(e.roles), e.mentions, [list(p) for p in e.per_article]]
            for e in entities
        ],
        "annotations": {
            aid: [spans(a.english), None if a.original is a.english or a.original == a.english else spans(a.original)]
            for aid, a in annotations.items()
        },
    }


def load(data: dict[str, Any]) -> tuple[tuple[Entity, ...], dict[str, Annotation]]:
    entities = tuple(
        Entity(i, name, label, tuple(aliases), tuple(roles), mentions, tuple((a, n) for a, n in per))
        for i, name, label, aliases, roles, mentions, per in data["entities"]
    )
    annotations = {}
    for aid, (english, original) in data["annotations"].items():
        eng = tuple(Span(*s) for s in english)
        annotations[aid] = Annotation(aid, eng, eng if original is None else tuple(Span(*s) for s in original))
    return entities, annotations
