"""The data that crosses stages: frozen dataclasses, never dicts.

Offsets are character offsets into the text the reader displays
(`Article.text` for the original, `EnglishView.text` for the English view).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from . import sanitize
from .scripts import HAN_KANA

_WORD = re.compile(rf"[{HAN_KANA}]|[^\s{HAN_KANA}]+")  # a Han character or kana, or a run of anything else but spaces

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Sentence:
    index: int  # position in the article, 0-based
    paragraph: int  # index of the paragraph holding it
    start: int  # offset of the first character in the displayed text
    end: int  # offset one past the last character
    text: str


@dataclass(frozen=True)
class Removed:
    """A line that cleaning took out of the body, kept so the reader can show it."""

    kind: str  # "advert", "furniture", "byline", "dateline", "blank-run"
    line: int  # 1-based line number in the source file
    text: str


@dataclass(frozen=True)
class Article:
    id: str  # content hash of the decoded text (stable across paths)
    source: str  # file path as given, or "<seed>/name" for bundled seeds
    title: str
    lang: str  # ISO 639-1 code
    paragraphs: tuple[str, ...]
    sentences: tuple[Sentence, ...]
    headline: bool = False  # paragraph 0 is the article's headline
    byline: str | None = None
    date: dt.date | None = None
    date_text: str | None = None  # the dateline as written
    removed: tuple[Removed, ...] = ()
    encoding: str = "utf-8"
    url: str | None = None  # where it was published: a page's canonical URL, a feed entry's link
    outlet: str | None = None  # the site's name, when the page declares it
    part: str = ""  # "#N" for the Nth entry of a feed file; "" for a whole file

    @property
    def text(self) -> str:
        return PARAGRAPH_BREAK.join(self.paragraphs)

    @property
    def path(self) -> Path | None:
        if self.source.startswith("<"):
            return None
        return Path(self.source[: -len(self.part)] if self.part else self.source)

    @property
    def source_label(self) -> str:
        """The source's short name for display (file stem, or "stdin"), control characters made visible."""
        if self.path:
            return sanitize.path(self.path.stem + self.part)
        return sanitize.path(self.source.strip("<>").split(">")[0])

    @property
    def source_shown(self) -> str:
        """The whole source path for display, control characters made visible, never obeyed."""
        return sanitize.path(self.source)

    @property
    def words(self) -> int:
        """Words, each Chinese character or kana one: those scripts put no space between words."""
        return sum(len(_WORD.findall(p)) for p in self.paragraphs)


class Provenance(StrEnum):
    """Where a sentence of the English view came from."""

    ORIGINAL = "original"  # the article is in English
    PROVIDED = "provided"  # a translation file beside the article
    MACHINE = "machine"  # translated here by an Argos model
    UNTRANSLATED = "untranslated"  # no model: the original sentence is shown

    @property
    def label(self) -> str:
        return {
            "original": "original English",
            "provided": "provided translation",
            "machine": "machine-translated",
            "untranslated": "untranslated",
        }[self.value]


@dataclass(frozen=True)
class ViewSentence(Sentence):
    """A sentence of the English view, with the original sentences it renders."""

    sources: tuple[int, ...] = ()  # indices into Article.sentences
    provenance: Provenance = Provenance.ORIGINAL


@dataclass(frozen=True)
class EnglishView:
    article_id: str
    paragraphs: tuple[str, ...]
    sentences: tuple[ViewSentence, ...]
    status: Provenance  # the article's overall provenance
    model: str | None = None  # e.g. "translate-de_en 1.9" when machine-translated
    notice: str | None = None  # one line for the reader, e.g. how to install a model

    @property
    def text(self) -> str:
        return PARAGRAPH_BREAK.join(self.paragraphs)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str  # PERSON, ORG, GPE, LOC, MONEY, DATE, PRODUCT, EVENT, ...
    entity: str = ""  # canonical entity id ("" for values such as MONEY)
    text: str = ""


@dataclass(frozen=True)
class Entity:
    id: str  # canonical key, e.g. "person:lee jae-yong"
    name: str  # canonical display name
    label: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # "Executive Chair of Samsung Electronics", ...
    mentions: int = 0
    per_article: tuple[tuple[str, int], ...] = ()  # (article id, count)


@dataclass(frozen=True)
class Annotation:
    """Entity spans of one article, on its English view and on its original."""

    article_id: str
    english: tuple[Span, ...]
    original: tuple[Span, ...]


@dataclass(frozen=True)
class Citation:
    article_id: str
    sentence: int  # index into the English view's sentences
    note: int = 0  # number of the source note (1-based) in the briefing


@dataclass(frozen=True)
class Line:
    text: str
    citations: tuple[Citation, ...] = ()
    agree: int = 1  # how many sources back it


@dataclass(frozen=True)
class Source:
    note: int
    article_id: str
    title: str
    source: str
    lang: str
    provenance: Provenance
    date: dt.date | None = None


@dataclass(frozen=True)
class Briefing:
    focus: tuple[str, ...]
    bottom_line: tuple[Line, ...]
    key_facts: tuple[Line, ...]
    players: tuple[Line, ...]
    numbers: tuple[Line, ...]
    timeline: tuple[Line, ...]
    differences: tuple[Line, ...]
    coverage: tuple[Line, ...]
    sources: tuple[Source, ...] = field(default_factory=tuple)
    quotes: tuple[Line, ...] = ()  # who said what: "Speaker: “words”", the weightiest first
    spread: Mapping[str, float] = field(default_factory=dict)  # word -> sources stating it (the fit weighs rows by it)


@dataclass(frozen=True)
class Analysis:
    """Everything the briefing and the app read: a corpus after every stage."""

    articles: tuple[Article, ...]
    views: dict[str, EnglishView]  # article id -> English view
    entities: tuple[Entity, ...] = ()
    annotations: dict[str, Annotation] = field(default_factory=dict)  # article id -> spans
    problems: tuple[str, ...] = ()  # one line each: an article a stage failed on, and what it lost
    copies: tuple[tuple[str, ...], ...] = ()  # article ids that are copies of one wire story (briefing.dedupe)


# progress(stage, done, total): the core reports, the TUI and CLI draw it.
Progress = Callable[[str, int, int], None]


def no_progress(stage: str, done: int, total: int) -> None:
    pass
