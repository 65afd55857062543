"""The flow of DESIGN.md after loading: translate, then annotate. Heavy imports happen here, lazily."""

from __future__ import annotations

import threading

from .config import Config
from .model import Analysis, Article, Progress, no_progress
from .store import Cache


def analyse(
    articles: list[Article],
    cache: Cache,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
    config: Config | None = None,
) -> Analysis:
    from . import paths
    from .entities import Annotator
    from .translate import Translator

    config = config or Config()
    views = Translator(cache).english_views(articles, progress=progress, cancel=cancel)
    gazetteer = paths.config_dir() / "gazetteer.toml"
    annotator = Annotator(cache, model=config.spacy_model, gazetteer=gazetteer if gazetteer.exists() else None)
    entities, annotations = annotator.annotate(articles, views, progress=progress, cancel=cancel)
    return Analysis(tuple(articles), views, entities, annotations)
