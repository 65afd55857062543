"""The flow of DESIGN.md after loading: translate, then annotate. Heavy imports happen here, lazily.

One bad article never costs the others: when a stage fails on the corpus, it is run
again article by article, and an article it still fails on keeps its original text
(untranslated) or loses its spans, with a one-line reason in `Analysis.problems`.
A `UserError` (a bad config, a missing pipeline) is about every article and still ends
the run, as a one-line error.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from . import dedupe, sanitize
from .config import Config
from .errors import UserError
from .model import Analysis, Annotation, Article, EnglishView, Entity, Progress, Provenance, no_progress
from .store import Cache
from .views import original_view

if TYPE_CHECKING:
    from .entities import Annotator
    from .translate import Translator


def analyse(
    articles: list[Article],
    cache: Cache,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
    config: Config | None = None,
) -> Analysis:
    from . import paths
    from .entities import Annotator, locate
    from .translate import Translator

    config = config or Config()
    problems: list[str] = []
    translator = Translator(cache)
    views = _english_views(translator, articles, progress, cancel, problems)
    gazetteer = paths.config_dir() / "gazetteer.toml"
    annotator = Annotator(cache, model=config.spacy_model, gazetteer=gazetteer if gazetteer.exists() else None)
    entities, annotations = _annotate(annotator, articles, views, progress, cancel, problems)
    # names of a translated CJK article's English view, found again in its original
    annotations, unlocated = locate.originals(articles, views, entities, annotations, translator, cache, progress, cancel)
    problems.extend(unlocated)
    copies = tuple(dedupe.groups([(a.id, a.text) for a in articles]))
    return Analysis(tuple(articles), views, entities, annotations, problems=tuple(problems), copies=copies)


def _reason(error: Exception) -> str:
    return sanitize.line(f"{type(error).__name__}: {error}")[:200]


def _english_views(
    translator: Translator,
    articles: list[Article],
    progress: Progress,
    cancel: threading.Event | None,
    problems: list[str],
) -> dict[str, EnglishView]:
    try:
        return translator.english_views(articles, progress=progress, cancel=cancel)
    except UserError:
        raise
    except Exception:  # some article broke the corpus's translation: find it, keep the rest
        pass
    views: dict[str, EnglishView] = {}
    for article in articles:
        try:
            views.update(translator.english_views([article], cancel=cancel))
        except UserError:
            raise
        except Exception as error:
            notice = f"Not translated: translation failed ({_reason(error)})."
            views[article.id] = original_view(article, Provenance.UNTRANSLATED, notice)
            problems.append(f"{article.source_shown}: not translated: {_reason(error)}")
    return views


def _annotate(
    annotator: Annotator,
    articles: list[Article],
    views: dict[str, EnglishView],
    progress: Progress,
    cancel: threading.Event | None,
    problems: list[str],
) -> tuple[tuple[Entity, ...], dict[str, Annotation]]:
    try:
        entities, annotations = annotator.annotate(articles, views, progress=progress, cancel=cancel)
    except UserError:
        raise
    except Exception:  # the corpus pass broke on some article: annotate without it
        entities, annotations = _annotate_without_bad(annotator, articles, views, cancel, problems)
    for article in articles:
        if article.id in annotator.failures:
            problems.append(f"{article.source_shown}: entities: {annotator.failures[article.id]}")
    return entities, annotations


def _annotate_without_bad(
    annotator: Annotator,
    articles: list[Article],
    views: dict[str, EnglishView],
    cancel: threading.Event | None,
    problems: list[str],
) -> tuple[tuple[Entity, ...], dict[str, Annotation]]:
    good: list[Article] = []
    bad: list[Article] = []
    for article in articles:
        try:
            annotator.annotate([article], views, cancel=cancel)
            good.append(article)
        except UserError:
            raise
        except Exception as error:
            bad.append(article)
            problems.append(f"{article.source_shown}: entities not marked: {_reason(error)}")
    entities, annotations = annotator.annotate(good, views, cancel=cancel) if good else ((), {})
    annotations = dict(annotations)
    for article in bad:
        annotations[article.id] = Annotation(article.id, (), ())
    return entities, annotations
