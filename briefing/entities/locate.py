"""Names of a translated CJK article's English view, found again in its original.

The English name ("Samsung") is not in a Chinese original (三星), so the string matcher
of propagate.py finds nothing there. For each English sentence naming an entity, the
original sentences it renders (`ViewSentence.sources`) are cut into short candidate
substrings, the candidates are translated by the same installed package (batched, and
cached like sentences), and a candidate is taken only when its translation is the name
itself (folded: case, diacritics, hyphens, a leading "the"). Names written in Latin
letters inside the original ("OpenAI") are taken as they stand; they are all an
untranslated CJK original gets (`latin_names`). Precision before recall: a name no
candidate confirms stays unmarked in the original, and `summary` says so.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from .. import sanitize
from ..model import Annotation, Article, EnglishView, Entity, Progress, Provenance, Span, no_progress
from ..scripts import CJK
from ..store import Cache, source_version
from .labels import NAMED
from .propagate import merge
from .text import key, words

STAGE = "names in originals"
_CJK = CJK
_CJK_CHAR = re.compile(f"[{_CJK}]")
# A stretch that may hold names: CJK characters, Latin words and digits, a middle dot
# between the parts of a transliterated name (萨姆·奥尔特曼).
_RUN = re.compile(f"(?:[{_CJK}]|[A-Za-z0-9]+)(?:[·•‧・]?(?:[{_CJK}]|[A-Za-z0-9]+))*")
_DOTS = "·•‧・"
_UNIT = re.compile(f"[{_CJK}]|[A-Za-z0-9]+|[{_DOTS}]")
# Names in Chinese are 2-4 characters, transliterations a few more; 6 keeps
# 三星电子 and 奥尔特曼 and cuts the candidates of a sentence to a few per character.
MIN_CHARS, MAX_CHARS = 2, 6
# Every candidate costs a translation (13 ms each on 2 cores with the real zh->en package,
# beam 4), so a sentence offers at most this many, the best-fitting and shortest first:
# a long sentence costs at most about a second, once (the translations are cached).
MAX_CANDIDATES = 60
# A candidate this short is where the model guesses most ("海参", sea cucumber, alone gives
# "Vladivostok"): it must stay the name with a character more on either side. Longer ones
# are not checked so: the model respells a name in a longer context ("Sun Ju", "Sun Justice").
SHORT = 2
# Particles and function words never begin or end a name: candidates that do are not
# worth a model call.
_EDGE = frozenset("的了着过们是在也将对被把从等这该已并而就还又个说但或则让给与及向于到再即曾")
# Characters that close the name of an institution or a place (agency, bureau, ministry,
# institute, province, county, island...): the model often renders a name the same with
# or without one, and then the name is the one with it.
_SUFFIX = frozenset("社局部院所厅署委处司科台网省市县区州岛")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def is_cjk(text: str) -> bool:
    """Whether most letters of `text` are CJK (names there are not separated by spaces)."""
    letters = [c for c in text[:4000] if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if _CJK_CHAR.match(c)) * 2 > len(letters)


def wanted(article: Article, view: EnglishView) -> bool:
    """An article whose English view is a translation of a CJK original."""
    return article.lang != "en" and view.status is not Provenance.UNTRANSLATED and view.text != article.text and is_cjk(article.text)


def name_key(name: str) -> str:
    return key(_LEADING_THE.sub("", name.strip()))


class Model(Protocol):
    """What locating needs of the translator (briefing.translate.Translator is one)."""

    def translate_texts(
        self, lang: str, texts: list[str], progress: Progress = ..., cancel: threading.Event | None = None
    ) -> dict[str, str] | None: ...

    def pieces(self, lang: str, texts: list[str]) -> list[list[str]] | None: ...


@dataclass(frozen=True)
class _Piece:
    """An original sentence that an English sentence renders."""

    offset: int  # of its first character in Article.text
    text: str
    cuts: Cuts | None  # None: the package's pieces are not known


@dataclass(frozen=True)
class _Target:
    """One English sentence, the names it holds, and the original sentences it renders."""

    article_id: str
    pieces: tuple[_Piece, ...]
    names: dict[str, str]  # name key -> entity id (a key naming two entities is left out)
    spelled: dict[str, tuple[str, ...]]  # entity id -> its spellings


@dataclass(frozen=True)
class Cuts:
    """Where the package's source pieces (SentencePiece or BPE) of one sentence meet."""

    between: frozenset[int]  # offsets between two pieces
    # Offsets inside a two-character piece: that piece is a word (首尔, 雷斯), and no name
    # ends inside it; a longer piece is often a learned phrase (美国总统, 联合国秘书长).
    inside_words: frozenset[int]


def cuts(text: str, pieces: list[str] | None) -> Cuts | None:
    """The cuts of `text`; None when the pieces do not spell it (normalisation changed it)."""
    if pieces is None:
        return None
    position, between, inside = 0, {0}, set()
    for piece in pieces:
        surface = piece.replace("\u2581", "").removesuffix("@@")
        while position < len(text) and text[position].isspace():
            position += 1
        if not surface:
            continue
        shown = text[position : position + len(surface)]
        if shown != surface and unicodedata.normalize("NFKC", shown) != surface:
            return None
        if len(surface) == 2:
            inside.add(position + 1)
        position += len(surface)
        between.add(position)
    return Cuts(frozenset(between), frozenset(inside))


def candidates(text: str, at: Cuts | None = None) -> list[str]:
    """Substrings of `text` that may be a name the Latin matcher cannot see; with the package's
    cuts `at`, only those that begin or end between pieces and split no word, those fitting
    the pieces at both ends first (most names do), then the shortest."""
    found: dict[str, int] = {}  # candidate -> how many of its ends fall between pieces
    for run in _RUN.finditer(text):
        units = [(m.start() + run.start(), m.group()) for m in _UNIT.finditer(run.group())]
        for i in range(len(units)):
            for j in range(i + 1, len(units) + 1):
                start, end = units[i][0], units[j - 1][0] + len(units[j - 1][1])
                piece = text[start:end]
                cjk = len(_CJK_CHAR.findall(piece))
                if cjk > MAX_CHARS:
                    break
                if cjk == 0 or len(piece) < MIN_CHARS or piece[0] in _DOTS or piece[-1] in _DOTS:
                    continue
                if any(c.isdigit() for c in piece) or piece[0] in _EDGE or piece[-1] in _EDGE:
                    continue
                fit = (start in at.between) + (end in at.between) if at is not None else 0
                if at is not None and (not fit or start in at.inside_words or end in at.inside_words):
                    continue
                found[piece] = max(fit, found.get(piece, 0))
    return sorted(found, key=lambda c: (-found[c], len(c)))[:MAX_CANDIDATES]


def _targets(
    article: Article, view: EnglishView, spans: tuple[Span, ...], entities: dict[str, Entity], cut: dict[str, Cuts | None]
) -> list[_Target]:
    by_index = {s.index: s for s in article.sentences}
    named = [s for s in spans if s.entity and s.label in NAMED]
    out: list[_Target] = []
    for sentence in view.sentences:
        here = [s for s in named if sentence.start <= s.start and s.end <= sentence.end]
        if not here or sentence.provenance not in (Provenance.MACHINE, Provenance.PROVIDED):
            continue
        names: dict[str, set[str]] = defaultdict(set)
        spelled: dict[str, list[str]] = defaultdict(list)
        for span in here:
            entity = entities.get(span.entity)
            for form in [span.text] + ([entity.name, *entity.aliases] if entity else []):
                if name_key(form):
                    names[name_key(form)].add(span.entity)
                    spelled[span.entity].append(form)
        originals = [by_index[i] for i in sentence.sources if i in by_index]
        out.append(
            _Target(
                article.id,
                tuple(_Piece(o.start, o.text, cut.get(o.text)) for o in originals),
                {k: next(iter(ids)) for k, ids in names.items() if len(ids) == 1},
                {e: tuple(dict.fromkeys(f)) for e, f in spelled.items()},
            )
        )
    return out


def _confirmed(target: _Target, english: dict[str, str]) -> dict[str, str]:
    """Candidate -> entity id, for each candidate whose translation is a name of this sentence,
    or whose two halves translate to the two parts of one ("三星" + "电子")."""
    found: dict[str, str] = {}
    for piece in target.pieces:
        pool = [c for c in candidates(piece.text, piece.cuts) if c in english]
        keys = {c: name_key(english[c]) for c in pool}
        for c in pool:
            entity = target.names.get(keys[c])
            if entity:
                found[c] = entity
        for left in pool:
            for right in pool:
                joined = left + right
                if not keys[left] or not keys[right] or joined in found or joined not in piece.text:
                    continue
                entity = target.names.get(keys[left] + keys[right])
                if entity:
                    found[joined] = entity
    return found


@dataclass(frozen=True)
class _Found:
    """One occurrence of a name in the original, before the checks that choose among them."""

    span: Span
    score: int  # ends that fall between the package's pieces; 3 for a name written as in English
    around: tuple[str, ...]  # the occurrence with one more character each side, where CJK


def _occurrences(target: _Target, pairs: dict[str, str], label: Callable[[str], str]) -> list[_Found]:
    found: list[_Found] = []
    for entity, forms in target.spelled.items():
        for form in forms:
            if len(form) < 2 or not form.isascii():
                continue
            pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(form)}(?![A-Za-z0-9])")
            for piece in target.pieces:
                for m in pattern.finditer(piece.text):
                    span = Span(piece.offset + m.start(), piece.offset + m.end(), label(entity), entity, m.group())
                    found.append(_Found(span, 3, ()))
    for candidate, entity in pairs.items():
        if entity not in target.spelled:
            continue
        for piece in target.pieces:
            text, cut = piece.text, piece.cuts
            start = text.find(candidate)
            while start >= 0:
                end = start + len(candidate)
                score = (start in cut.between) + (end in cut.between) if cut is not None else 0
                around = _around(text, start, end) if end - start <= SHORT else ()
                span = Span(piece.offset + start, piece.offset + end, label(entity), entity, candidate)
                found.append(_Found(span, score, around))
                start = text.find(candidate, start + 1)
    return found


def _around(text: str, start: int, end: int) -> tuple[str, ...]:
    edges = ((start - 1, end, start - 1), (start, end + 1, end))
    return tuple(text[a:b] for a, b, edge in edges if 0 <= edge < len(text) and _CJK_CHAR.match(text[edge]))


def _holds(translation: str, forms: tuple[str, ...]) -> bool:
    """Whether the words of one of `forms` run on in the words of `translation`."""
    said = words(_LEADING_THE.sub("", translation))
    for form in forms:
        name = words(_LEADING_THE.sub("", form))
        if name and any(said[i : i + len(name)] == name for i in range(len(said) - len(name) + 1)):
            return True
    return False


def _best(found: list[_Found], english: dict[str, str], spelled: dict[str, tuple[str, ...]]) -> list[Span]:
    """The occurrences that stay the name with a character more on either side (see SHORT);
    of overlapping ones of an entity, the one whose ends best fit the pieces, then the
    shortest, not counting a closing suffix (see _SUFFIX): the model drops a stray character ("云南省昭"
    and "云南省" are both "Yunnan Province"), and a suffix too ("新华" and "新华社", "Xinhua")."""
    failed = [f.span for f in found if not all(_holds(english.get(a, ""), spelled[f.span.entity]) for a in f.around)]
    # and a longer one holding a short one that failed is no better ("获日本" over "日本人")
    kept = [f for f in found if not any(s.entity == f.span.entity and f.span.start <= s.start and s.end <= f.span.end for s in failed)]

    def rank(f: _Found) -> tuple[int, int, int, int]:
        length = f.span.end - f.span.start
        # two halves that each translate to a part of the name beat a part that alone
        # translates to all of it: "符拉迪沃" is "Vladivostok." too, but "斯托克" goes on
        joined = f.score < 3 and f.span.text not in english
        return (-f.score - joined, length - (f.span.text[-1] in _SUFFIX), -length, f.span.start)

    taken: list[Span] = []
    for f in sorted(kept, key=rank):
        span = f.span
        if not any(t.entity == span.entity and t.start < span.end and span.start < t.end for t in taken):
            taken.append(span)
    return taken


def latin_names(text: str, entities: Iterable[Entity]) -> list[Span]:
    """Known names written in Latin letters inside a CJK text ("OpenAI首席执行官"), where the
    word matcher sees one long word. With no English sentence to confirm a name, only forms
    of three letters or more ("AI" could be anything), capitalised, in the case written."""
    forms: dict[str, Entity] = {}
    for entity in entities:
        if entity.label not in NAMED:
            continue
        for form in (entity.name, *entity.aliases):
            if len(form) >= 3 and form.isascii() and form[:1].isupper():
                forms.setdefault(form, entity)
    if not forms:
        return []
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![A-Za-z0-9])(?:{names})(?![A-Za-z0-9])")
    return [Span(m.start(), m.end(), forms[m.group()].label, forms[m.group()].id, m.group()) for m in pattern.finditer(text)]


@lru_cache(maxsize=1)
def _version() -> str:
    from . import text

    return source_version(sys.modules[__name__], text)


def _digest(*parts: object) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()[:32]


def originals(
    articles: Iterable[Article],
    views: dict[str, EnglishView],
    entities: Iterable[Entity],
    annotations: dict[str, Annotation],
    model: Model,
    cache: Cache | None = None,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> tuple[dict[str, Annotation], list[str]]:
    """`annotations` with the located names added to each translated CJK original (and the
    corpus's Latin-letter names to an untranslated one), and one line per language whose
    candidates could not be translated."""
    by_id = {e.id: e for e in entities}
    groups: dict[str, list[tuple[Article, EnglishView, Annotation]]] = defaultdict(list)
    out = dict(annotations)
    for article in articles:
        view, annotation = views.get(article.id), annotations.get(article.id)
        if view is not None and annotation is not None and wanted(article, view):
            groups[article.lang].append((article, view, annotation))
        elif view is not None and annotation is not None and article.lang != "en" and view.text == article.text and is_cjk(article.text):
            # untranslated: no English sentence to confirm a name, only the corpus's names as written
            out[article.id] = replace(annotation, original=merge(list(annotation.original), latin_names(article.text, by_id.values())))
    problems: list[str] = []
    for lang, group in sorted(groups.items()):
        key_ = _digest(
            [(a.text, v.text, v.model, [(s.start, s.end, s.entity, s.text) for s in n.english]) for a, v, n in group],
            sorted((e.id, e.name, e.aliases) for e in by_id.values()),
        )
        kept = cache.get(STAGE, _version(), key_) if cache is not None else None
        if kept is None:
            try:
                located = _locate(lang, group, by_id, model, progress, cancel)
            except Exception as error:  # a broken model costs the located names, never the analysis
                problems.append(sanitize.line(f"{lang}: names not located in the originals ({type(error).__name__}: {error})")[:200])
                continue
            if located is None:  # cancelled
                continue
            kept = {i: [[s.start, s.end, s.label, s.entity, s.text] for s in spans] for i, spans in located.items()}
            if cache is not None:
                cache.put(STAGE, _version(), key_, kept)
        for article_id, rows in kept.items():
            annotation = out[article_id]
            spans = [Span(int(a), int(b), str(c), str(d), str(e)) for a, b, c, d, e in rows]
            out[article_id] = replace(annotation, original=merge(list(annotation.original), spans))
    return out, problems


def _locate(
    lang: str,
    group: list[tuple[Article, EnglishView, Annotation]],
    by_id: dict[str, Entity],
    model: Model,
    progress: Progress,
    cancel: threading.Event | None,
) -> dict[str, list[Span]] | None:
    """Located spans per article id of one language; None when cancelled."""

    def label(entity: str) -> str:
        known = by_id.get(entity)
        return known.label if known else entity.split(":", 1)[0].upper()

    texts = list(dict.fromkeys(s.text for a, _, _ in group for s in a.sentences))
    segmented = model.pieces(lang, texts)
    cut = {t: cuts(t, p) for t, p in zip(texts, segmented, strict=True)} if segmented else {}
    targets = [t for a, v, n in group for t in _targets(a, v, n.english, by_id, cut)]
    wanted_texts = list(dict.fromkeys(c for t in targets for p in t.pieces for c in candidates(p.text, p.cuts)))

    def report(_stage: str, done: int, total: int) -> None:
        progress(STAGE, done, total)

    english = model.translate_texts(lang, wanted_texts, report, cancel) if wanted_texts else {}
    if english is None and cancel is not None and cancel.is_set():
        return None
    english = dict(english or {})
    confirmed = [_confirmed(t, english) for t in targets]
    # A string confirmed as a name in one sentence names it in any other sentence whose
    # English names it too, where the model rendered the string alone otherwise.
    seen: dict[str, set[str]] = defaultdict(set)
    for pairs in confirmed:
        for candidate, entity in pairs.items():
            seen[candidate].add(entity)
    again = {c: next(iter(ids)) for c, ids in seen.items() if len(ids) == 1}
    found = [_occurrences(t, {**again, **pairs}, label) for t, pairs in zip(targets, confirmed, strict=True)]
    around = list(dict.fromkeys(a for fs in found for f in fs for a in f.around if a not in english))
    if around:
        more = model.translate_texts(lang, around, report, cancel)
        if more is None:
            return None
        english.update(more)
    located: dict[str, list[Span]] = {a.id: [] for a, _, _ in group}
    for target, fs in zip(targets, found, strict=True):
        located[target.article_id].extend(_best(fs, english, target.spelled))
    return located


def summary(article: Article, view: EnglishView, annotation: Annotation | None) -> str | None:
    """One line for the reader when some names of the English view are not marked in the original."""
    if annotation is None or not wanted(article, view):
        return None
    english = {s.entity for s in annotation.english if s.entity and s.label in NAMED}
    original = {s.entity for s in annotation.original if s.entity and s.label in NAMED}
    missing = english - original
    if not english or not missing:
        return None
    return (
        f"{len(english) - len(missing)} of {len(english)} names located in the original; "
        f"the others only in the English view"
    )
