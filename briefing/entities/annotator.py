"""The annotator: spaCy over each article's English view (cached), then the corpus pass."""

from __future__ import annotations

import hashlib
import threading
from functools import lru_cache
from collections.abc import Iterable
from pathlib import Path

from ..model import Annotation, Article, Entity, EnglishView, Progress, Provenance, no_progress
from ..store import Cache, source_version
from ..views import original_view
from . import gazetteer as gaz
from . import pipeline
from . import store_format
from .propagate import find_dates
from .resolve import resolve

PIPELINE_VERSION = "1"  # bump when what is cached per article changes
RAW_STAGE = "entities.raw"
DATES_STAGE = "entities.dates"
CORPUS_STAGE = "entities.corpus"
BATCH = 32


@lru_cache(maxsize=1)
def rules_version() -> str:
    from . import aliases, consensus, gazetteer, labels, mentions, propagate, resolve, roles, text
    from .. import numbers

    return source_version(aliases, consensus, gazetteer, labels, mentions, propagate, resolve, roles, text, numbers, store_format)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Annotator:
    """Named entities of a corpus: `annotate(articles, views)` -> (entities, annotations).

    The spaCy pipeline is loaded on the first article missing from the cache, once per
    process; a corpus already in the cache loads no model at all.
    """

    def __init__(self, cache: Cache, *, model: str | None = None, gazetteer: Path | None = None) -> None:
        self.cache = cache
        self.model = pipeline.choose_model(model)
        path = gazetteer if gazetteer is not None else gaz.default_path()
        self.gazetteer = gaz.load(path)  # a malformed file fails here, as a UserError
        self.version = f"{PIPELINE_VERSION}|{pipeline.model_version(self.model)}|{self.gazetteer.digest}"
        # the corpus pass is rules, not model: its results follow the rules' code
        self.corpus_version = f"{self.version}|{rules_version()}"
        self.model_runs = 0  # texts this annotator sent through spaCy (tests, bench)

    def annotate(
        self,
        articles: Iterable[Article],
        views: dict[str, EnglishView],
        progress: Progress = no_progress,
        cancel: threading.Event | None = None,
    ) -> tuple[tuple[Entity, ...], dict[str, Annotation]]:
        """Entities ranked by mentions, and each article's spans.

        Articles without a view are read as their own English view (non-English ones as
        untranslated). If `cancel` is set, returns ((), {}) at the next batch; what was
        finished stays cached.
        """
        articles = list({a.id: a for a in articles}.values())
        views = {a.id: views.get(a.id) or _default_view(a) for a in articles}
        # The whole corpus's result is kept too: reopening the same corpus skips even the
        # corpus pass (about 3 ms an article); any change of article or view recomputes it.
        view_keys = {a.id: _digest(views[a.id].text) for a in articles}
        corpus_key = _digest("|".join(sorted(f"{a.id}:{a.lang}:{view_keys[a.id]}:{views[a.id].status.value}" for a in articles)))
        kept = self.cache.get(CORPUS_STAGE, self.corpus_version, corpus_key)
        if kept is not None:
            progress("entities", len(articles), len(articles))
            return store_format.load(kept)
        raw = self._raw(articles, views, view_keys, progress, cancel)
        if raw is None:
            return (), {}
        dates = self._dates(articles)
        result = resolve(articles, views, raw, dates, self.gazetteer)
        self.cache.put(CORPUS_STAGE, self.corpus_version, corpus_key, store_format.dump(*result))
        return result

    # -- the model, per article, cached -----------------------------------

    def _raw(self, articles, views, keys, progress, cancel) -> dict[str, list] | None:
        found = self.cache.get_many(RAW_STAGE, self.version, keys.values())
        todo = {k: views[a.id].text for a in articles if (k := keys[a.id]) not in found}
        total = len(keys)
        progress("entities", total - len(todo), total)
        if todo:
            nlp = pipeline.load(self.model, self.gazetteer)
            items = list(todo.items())
            for i in range(0, len(items), BATCH):
                if cancel is not None and cancel.is_set():
                    return None
                chunk = items[i : i + BATCH]
                docs = nlp.pipe((text for _, text in chunk), batch_size=BATCH)
                fresh = {k: [[e.start_char, e.end_char, e.label_, e.ent_id_] for e in doc.ents] for (k, _), doc in zip(chunk, docs)}
                self.model_runs += len(chunk)
                self.cache.put_many(RAW_STAGE, self.version, fresh)
                found.update(fresh)
                progress("entities", total - len(todo) + i + len(chunk), total)
        return {a.id: found[keys[a.id]] for a in articles}

    def _dates(self, articles: list[Article]) -> dict[str, list[tuple[int, int]]]:
        """Dates in the non-English originals (dateparser is slow enough to cache)."""
        foreign = [a for a in articles if a.lang != "en"]
        keys = {a.id: f"{a.lang}:{_digest(a.text)}" for a in foreign}
        found = self.cache.get_many(DATES_STAGE, rules_version(), keys.values())
        fresh = {}
        for a in foreign:
            if keys[a.id] not in found:
                fresh[keys[a.id]] = [list(s) for s in find_dates(a.text, a.lang, a.date)]
        if fresh:
            self.cache.put_many(DATES_STAGE, rules_version(), fresh)
            found.update(fresh)
        return {a.id: [tuple(s) for s in found[keys[a.id]]] for a in foreign}


def _default_view(article: Article) -> EnglishView:
    if article.lang == "en":
        return original_view(article)
    return original_view(article, Provenance.UNTRANSLATED)
