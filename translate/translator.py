"""English views for a corpus: provided sidecar > cache > Argos model > untranslated.

All the sentences of one language pair go to the model together (in batches), and
each translated sentence is cached under (sentence hash, language pair, packages), so
reopening a corpus, or editing one sentence, costs a model call only for what changed.
"""

from __future__ import annotations

import hashlib
import threading
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from briefing import sanitize
from briefing.model import Article, EnglishView, Progress, Provenance, no_progress
from briefing.store import Cache
from briefing.views import assemble_view, original_view

from . import languages, sidecar
from .packages import ENGLISH, InstalledPackage, find_route, installed_packages

if TYPE_CHECKING:
    from .engine import Engine

STAGE, VERSION = "translate", "2"  # 2: argostranslate's decoding (no "▁" left by OPUS-MT ports)
CHUNK = 64  # sentences per model call between progress reports / cancel checks
# What a broken package raises when loaded or run (a garbage model.bin, a bad tokenizer):
# it costs that language its translation, never the corpus.
MODEL_ERRORS = (RuntimeError, ValueError, OSError, IndexError, KeyError, UnicodeError)


def notice_for(lang: str) -> str:
    """The reader's notice for a language without a model: installable, or not in the index."""
    return languages.notice(lang)


class ModelFailed(Exception):
    """An installed package could not be loaded or run; the message is one safe line."""


def cache_key(text: str, route: list[InstalledPackage]) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    chain = "+".join(p.label for p in route)
    return f"{route[0].from_code}>{route[-1].to_code}|{chain}|{digest}"


class Translator:
    def __init__(self, cache: Cache, *, packages_dir: Path | None = None, compute_type: str | None = None) -> None:
        self.cache = cache
        self.packages_dir = packages_dir
        self.compute_type = compute_type
        self.model_calls = 0  # translate_batch calls made: tests and the bench read it
        self._engines: dict[tuple[Path, str], Engine] = {}
        self._lock = threading.Lock()
        self.failures: dict[str, str] = {}  # language -> why its model could not translate
        self.cached_texts: set[str] = set()  # sentences whose translation came from the cache

    # -- public ------------------------------------------------------------

    def english_views(
        self,
        articles: list[Article],
        progress: Progress = no_progress,
        cancel: threading.Event | None = None,
    ) -> dict[str, EnglishView]:
        views: dict[str, EnglishView] = {}
        pending: dict[str, list[Article]] = defaultdict(list)
        for article in articles:
            if article.lang == ENGLISH:
                views[article.id] = original_view(article)
                continue
            provided = sidecar.find(article)
            paragraphs = sidecar.read(provided) if provided else None
            if paragraphs:
                views[article.id] = sidecar.view(article, paragraphs)
            else:
                pending[article.lang].append(article)
        if not pending:
            return views
        packages = installed_packages(self.packages_dir)
        for lang, group in sorted(pending.items()):
            route = find_route(packages, lang)
            texts = [s.text for a in group for s in a.sentences]
            failure = None
            try:
                translated = self._translate(route, texts, progress, cancel) if route else None
            except ModelFailed as error:
                translated, failure = None, str(error)
                self.failures[lang] = failure
            for article in group:
                if translated is not None and route:
                    views[article.id] = self._machine_view(article, translated, route)
                else:  # no model, a broken one, or cancelled
                    notice = failure or (notice_for(lang) if route is None else "Translation was cancelled.")
                    views[article.id] = original_view(article, Provenance.UNTRANSLATED, notice)
        return views

    def translate_texts(
        self, lang: str, texts: list[str], progress: Progress = no_progress, cancel: threading.Event | None = None
    ) -> dict[str, str] | None:
        """English of each text through `lang`'s installed route, cached as sentences are;
        None when no package serves `lang` or when cancelled. Raises ModelFailed."""
        route = find_route(installed_packages(self.packages_dir), lang)
        return self._translate(route, texts, progress, cancel) if route else None

    def pieces(self, lang: str, texts: list[str]) -> list[list[str]] | None:
        """The source pieces (SentencePiece or BPE) the model reads for each text; None without a route."""
        route = find_route(installed_packages(self.packages_dir), lang)
        if not route:
            return None
        engine = self._engine(route[0])
        return [engine.tokenizer.encode(t) for t in texts]

    # -- internals ---------------------------------------------------------

    def _machine_view(self, article: Article, translated: dict[str, str], route: list[InstalledPackage]) -> EnglishView:
        groups: list[list] = [[] for _ in article.paragraphs]
        for s in article.sentences:
            groups[s.paragraph].append((translated.get(s.text, s.text), (s.index,), Provenance.MACHINE))
        model = " + ".join(p.label for p in route)
        return assemble_view(article, groups, Provenance.MACHINE, model=model)

    def _translate(
        self, route: list[InstalledPackage], texts: list[str], progress: Progress, cancel: threading.Event | None
    ) -> dict[str, str] | None:
        """text -> English for every distinct sentence; None when cancelled."""
        unique = list(dict.fromkeys(t for t in texts if t.strip()))
        keys = {t: cache_key(t, route) for t in unique}
        found = self.cache.get_many(STAGE, VERSION, keys.values())
        result = {t: found[k] for t, k in keys.items() if k in found}
        self.cached_texts.update(result)
        todo = [t for t in unique if t not in result]
        stage = f"translate {route[0].from_code}→{route[-1].to_code}"
        done = len(result)
        progress(stage, done, len(unique))
        for start in range(0, len(todo), CHUNK):
            if cancel is not None and cancel.is_set():
                return None
            batch = todo[start : start + CHUNK]
            outputs = batch
            for package in route:  # a pivot route runs the batch through each model in turn
                try:
                    outputs = self._engine(package).translate(outputs)
                except MODEL_ERRORS as error:
                    reason = sanitize.line(error)[:160] or type(error).__name__
                    raise ModelFailed(
                        f"The installed model {package.label} could not translate ({reason}); reinstall it with "
                        f"`briefing models install {package.from_code}` or remove it."
                    ) from None
                self.model_calls += 1
            self.cache.put_many(STAGE, VERSION, {keys[t]: o for t, o in zip(batch, outputs, strict=True)})
            result.update(zip(batch, outputs, strict=True))
            done += len(batch)
            progress(stage, done, len(unique))
        return result

    def _engine(self, package: InstalledPackage) -> Engine:
        with self._lock:
            engine = self._engines.get((package.path, package.version))
            if engine is None:
                from .engine import Engine  # imports ctranslate2: only now

                engine = self._engines[(package.path, package.version)] = Engine(package, self.compute_type)
            return engine
