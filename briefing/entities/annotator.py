"""The annotator: spaCy over each article's English view (cached), then the corpus pass.

A long view is read in chunks cut at paragraph breaks (spaCy refuses a text over
`nlp.max_length`, and its memory grows with the text), the spans mapped back to
offsets in the whole view. A text spaCy fails on costs that article its spans, with
a one-line reason in `Annotator.failures`, never the other articles.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import sanitize
from ..model import Annotation, Article, EnglishView, Entity, Progress, Provenance, no_progress
from ..store import Cache, source_version
from ..views import original_view
from . import gazetteer as gaz
from . import pipeline, store_format
from .propagate import find_dates
from .resolve import is_foreign, resolve

PIPELINE_VERSION = "2"  # bump when what is cached per article changes (2: long views read in chunks)
RAW_STAGE = "entities.raw"
DATES_STAGE = "entities.dates"
CORPUS_STAGE = "entities.corpus"
BATCH = 32
# At most this much text per spaCy doc, whatever nlp.max_length allows: NER memory grows with
# the doc (a 1.1 MB article in 100,000-character chunks peaked at 2.4 GB, in 10,000 at 0.5 GB).
CHUNK_CHARS = 10_000
# Only bench/entities.py changes these, to time the old ways in the same run: English NER
# over untranslated originals too, and dateparser over every sentence of an original.
NER_ON_UNTRANSLATED = False
DATES_IN_EVERY_SENTENCE = False


@lru_cache(maxsize=1)
def rules_version() -> str:
    from .. import numbers
    from . import aliases, consensus, gazetteer, labels, mentions, propagate, resolve, roles, text

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
        self.failures: dict[str, str] = {}  # article id -> why spaCy could not read it (one line)

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
        self.failures = {}
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
        # English NER on a text that is not English finds junk, and its names come from the
        # other articles anyway (the matcher, and name runs offered to the registry).
        read = {a.id: view_keys[a.id] for a in articles if NER_ON_UNTRANSLATED or not is_foreign(a, views[a.id])}
        raw = self._raw(articles, views, read, progress, cancel)
        if raw is None:
            return (), {}
        dates = self._dates(articles)
        result = resolve(articles, views, raw, dates, self.gazetteer)
        if not any(a.id in self.failures for a in articles):  # a failed article is retried next time
            self.cache.put(CORPUS_STAGE, self.corpus_version, corpus_key, store_format.dump(*result))
        return result

    # -- the model, per article, cached -----------------------------------

    def _raw(
        self,
        articles: list[Article],
        views: dict[str, EnglishView],
        keys: dict[str, str],
        progress: Progress,
        cancel: threading.Event | None,
    ) -> dict[str, list] | None:
        """The model's spans of each article; `keys` names the views it reads (the others get none)."""
        found = self.cache.get_many(RAW_STAGE, self.version, keys.values())
        todo = {k: views[a.id].text for a in articles if a.id in keys and (k := keys[a.id]) not in found}
        total = len(articles)
        progress("entities", total - len(todo), total)
        if todo:
            nlp = pipeline.load(self.model, self.gazetteer)
            items = list(todo.items())
            limit = max(1, min(CHUNK_CHARS, nlp.max_length - 1))
            failed: dict[str, str] = {}
            for i in range(0, len(items), BATCH):
                if cancel is not None and cancel.is_set():
                    return None
                batch = items[i : i + BATCH]
                fresh = self._run(nlp, batch, limit, failed)
                self.model_runs += len(batch)
                self.cache.put_many(RAW_STAGE, self.version, fresh)
                found.update(fresh)
                progress("entities", total - len(todo) + i + len(batch), total)
            for a in articles:
                if a.id in keys and keys[a.id] in failed:
                    self.failures[a.id] = failed[keys[a.id]]
        return {a.id: found.get(keys[a.id], []) if a.id in keys else [] for a in articles}

    @staticmethod
    def _run(nlp: Any, batch: list[tuple[str, str]], limit: int, failed: dict[str, str]) -> dict[str, list]:
        """Raw spans of each (key, text); a text spaCy fails on goes to `failed` instead."""
        try:
            return _spans(nlp, batch, limit)
        except Exception:  # one text broke the batch: read them one by one to keep the others
            fresh: dict[str, list] = {}
            for key, text in batch:
                try:
                    fresh.update(_spans(nlp, [(key, text)], limit))
                except Exception as error:  # whatever spaCy raised: that article only
                    failed[key] = _failure(error)
            return fresh

    def _dates(self, articles: list[Article]) -> dict[str, list[tuple[int, int]]]:
        """Dates in the non-English originals (dateparser is slow enough to cache)."""
        foreign = [a for a in articles if a.lang != "en"]
        keys = {a.id: f"{a.lang}:{_digest(a.text)}" for a in foreign}
        found = self.cache.get_many(DATES_STAGE, rules_version(), keys.values())
        fresh = {}
        for a in foreign:
            if keys[a.id] not in found:
                fresh[keys[a.id]] = [list(s) for s in find_dates(a.text, a.lang, a.date, prefilter=not DATES_IN_EVERY_SENTENCE)]
        if fresh:
            self.cache.put_many(DATES_STAGE, rules_version(), fresh)
            found.update(fresh)
        return {a.id: [tuple(s) for s in found[keys[a.id]]] for a in foreign}


def _failure(error: Exception) -> str:
    reason = sanitize.line(f"{type(error).__name__}: {error}")[:200]
    return f"spaCy failed on it ({reason}); only names found in the other articles are marked"


def chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) of `text` in pieces of at most `limit` characters.

    Cut at the last paragraph break that fits, else at a sentence end or space, else
    anywhere: names rarely straddle a paragraph break, and the cut is linear in the text.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        stop = start + limit
        for mark in ("\n\n", ". ", " "):
            cut = text.rfind(mark, start, stop)
            if cut > start:
                stop = cut + len(mark)
                break
        pieces.append((start, text[start:stop]))
        start = stop
    pieces.append((start, text[start:]))
    return pieces


def _spans(nlp: Any, batch: list[tuple[str, str]], limit: int) -> dict[str, list]:
    """spaCy's entities of each text, long texts read in chunks, offsets into the whole text."""
    pieces = [(key, offset, piece) for key, text in batch for offset, piece in chunks(text, limit)]
    docs = nlp.pipe((piece for _, _, piece in pieces), batch_size=BATCH)
    out: dict[str, list] = {key: [] for key, _ in batch}
    for (key, offset, _), doc in zip(pieces, docs, strict=True):
        out[key].extend([e.start_char + offset, e.end_char + offset, e.label_, e.ent_id_] for e in doc.ents)
    return out


def _default_view(article: Article) -> EnglishView:
    if article.lang == "en":
        return original_view(article)
    return original_view(article, Provenance.UNTRANSLATED)
