"""Provided translations: `NAME.en.txt` / `NAME.en.md` beside `NAME.txt`.

The sidecar is cleaned like an article (same adverts/bylines rules), so its paragraphs
line up with the original's whenever the translator kept the paragraphing. Alignment:
same paragraph count -> paragraph by paragraph; within a paragraph, same sentence
count -> one to one; otherwise each English sentence points at the original sentences
whose share of the text overlaps its own (a length-proportional alignment).
"""

from __future__ import annotations

from pathlib import Path

from briefing import cleaning, corpus, sentences, textfile
from briefing.errors import UserError
from briefing.model import Article, EnglishView, Provenance
from briefing.views import assemble_view

SUFFIXES = tuple(".en" + suffix for suffix in corpus.SUFFIXES)  # the rule corpus.is_sidecar applies


def find(article: Article) -> Path | None:
    path = article.path
    if path is None:
        return None
    for suffix in SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file() and candidate != path:
            return candidate
    return None


def read(path: Path) -> list[str] | None:
    """The sidecar's paragraphs, or None when it is unreadable or empty."""
    try:
        text = textfile.read(path).text
    except UserError:
        return None
    paragraphs = cleaning.clean(text, "en", markdown=path.suffix.lower() == ".md").paragraphs
    return list(paragraphs) or None


def _split(paragraph: str) -> list[str]:
    # split() already trims each sentence and drops empty ones
    return [paragraph[a:b] for a, b in sentences.split(paragraph, "en")] or [paragraph.strip()]


def _proportional(english: list[str], original: list[tuple[int, str]]) -> list[tuple[int, ...]]:
    """For each English sentence, the original sentence indices covering the same share."""
    if not original:
        return [() for _ in english]

    def bounds(lengths: list[int]) -> list[tuple[float, float]]:
        total = sum(lengths) or 1
        out, acc = [], 0
        for n in lengths:
            out.append((acc / total, (acc + n) / total))
            acc += n
        return out

    eng = bounds([max(len(t), 1) for t in english])
    org = bounds([max(len(t), 1) for _, t in original])
    result = []
    for a, b in eng:
        # an original sentence counts when it fills a good part of this English
        # sentence, or when most of it lies inside it
        covering = tuple(
            i
            for (c, d), (i, _) in zip(org, original, strict=True)
            if (overlap := min(b, d) - max(a, c)) > 0.25 * (b - a) or overlap > 0.5 * (d - c)
        )
        if not covering:  # then the one that overlaps it most
            covering = (max(zip(org, original, strict=True), key=lambda pair: min(b, pair[0][1]) - max(a, pair[0][0]))[1][0],)
        result.append(covering)
    return result


def view(article: Article, paragraphs: list[str]) -> EnglishView:
    by_paragraph: dict[int, list[tuple[int, str]]] = {}
    for s in article.sentences:
        by_paragraph.setdefault(s.paragraph, []).append((s.index, s.text))
    english = [_split(p) for p in paragraphs]
    provided = Provenance.PROVIDED
    groups: list[list[tuple[str, tuple[int, ...], Provenance]]] = []
    if len(paragraphs) == len(article.paragraphs):
        for p, sents in enumerate(english):
            original = by_paragraph.get(p, [])
            same_count = len(sents) == len(original)
            sources: list[tuple[int, ...]] = [(i,) for i, _ in original] if same_count else _proportional(sents, original)
            groups.append([(t, src, provided) for t, src in zip(sents, sources, strict=True)])
    else:
        flat = [t for sents in english for t in sents]
        original = [(s.index, s.text) for s in article.sentences]
        aligned = iter(_proportional(flat, original))
        groups = [[(t, next(aligned), provided) for t in sents] for sents in english]
    return assemble_view(article, groups, provided, model="provided translation")
