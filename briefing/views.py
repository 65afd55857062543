"""English views that need no model: the original itself."""

from __future__ import annotations

from .model import Article, EnglishView, Provenance, ViewSentence


def original_view(article: Article, provenance: Provenance = Provenance.ORIGINAL, notice: str | None = None) -> EnglishView:
    """The article's own text as its English view (English articles, or no model)."""
    sentences = tuple(
        ViewSentence(s.index, s.paragraph, s.start, s.end, s.text, sources=(s.index,), provenance=provenance)
        for s in article.sentences
    )
    return EnglishView(article.id, article.paragraphs, sentences, provenance, notice=notice)


def assemble_view(
    article: Article,
    paragraphs: list[list[tuple[str, tuple[int, ...], Provenance]]],
    status: Provenance,
    model: str | None = None,
    notice: str | None = None,
) -> EnglishView:
    """Build a view from sentences grouped by paragraph, computing offsets.

    Each sentence is (text, indices of the original sentences it renders, provenance);
    sentences of a paragraph are joined by one space, paragraphs by a blank line.
    """
    texts: list[str] = []
    sentences: list[ViewSentence] = []
    offset = 0
    for p_index, group in enumerate(paragraphs):
        parts: list[str] = []
        cursor = offset
        for text, sources, provenance in group:
            text = text.strip()
            if parts:
                cursor += 1  # the joining space
            sentences.append(
                ViewSentence(len(sentences), p_index, cursor, cursor + len(text), text, sources=sources, provenance=provenance)
            )
            parts.append(text)
            cursor += len(text)
        paragraph = " ".join(parts)
        texts.append(paragraph)
        offset += len(paragraph) + 2
    return EnglishView(article.id, tuple(texts), tuple(sentences), status, model=model, notice=notice)
