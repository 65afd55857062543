"""select.similar: the index's bound skips only sentences whose exact cosine is below the floor."""

from __future__ import annotations

import random

import pytest

from briefing.brief import select
from briefing.brief import text as tx
from briefing.brief.features import build_corpus
from briefing.model import Analysis, Annotation, Article, Entity, Sentence, Span
from briefing.views import original_view

WORDS = [f"word{i}" for i in range(200)]
PEOPLE = ["Ann Lee", "Bo Park", "Cy Kim"]


def analysis(n: int, seed: int) -> Analysis:
    """n articles of short sentences over a small vocabulary, some sentences repeated word for
    word in other articles (one vector scored once), with people named in them."""
    rng = random.Random(seed)
    stock = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12))) for _ in range(15)]
    articles, views, annotations = [], {}, {}
    for a in range(n):
        sentences, spans, parts, offset = [], [], [], 0
        for i in range(rng.randint(2, 8)):
            who = rng.choice(PEOPLE)
            body = rng.choice(stock) if rng.random() < 0.4 else " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 12)))
            text = f"{who} said {body}."
            sentences.append(Sentence(i, 0, offset, offset + len(text), text))
            spans.append(Span(offset, offset + len(who), "PERSON", "person:" + who.lower(), who))
            parts.append(text)
            offset += len(text) + 1
        article = Article(f"a{a:03d}", f"gen/{a}.txt", f"Generated {a}", "en", (" ".join(parts),), tuple(sentences))
        articles.append(article)
        views[article.id] = original_view(article)
        annotations[article.id] = Annotation(article.id, tuple(spans), tuple(spans))
    entities = tuple(Entity("person:" + p.lower(), p, "PERSON") for p in PEOPLE)
    return Analysis(tuple(articles), views, entities, annotations)


def reference(unit, corpus, floor):
    """Every usable sentence of another article sharing an indexed term, exact cosine >= floor."""
    limit = max(20, len(corpus.units) // 20)
    indexed = {t for t in unit.vec if corpus.term_df[t] <= limit}
    found = [
        (tx.cosine(unit.vec, other.vec), other)
        for other in corpus.units
        if other.usable and other.article.id != unit.article.id and indexed & {t for t in other.vec if corpus.term_df[t] <= limit}
    ]
    return sorted(((d, o) for d, o in found if d >= floor), key=lambda p: (-p[0], p[1].key))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_similar_is_the_exact_cosine_over_every_candidate(seed):
    corpus = build_corpus(analysis(60, seed))
    index = select._index(corpus)
    compared = 0
    for unit in corpus.units:
        for floor in (select.ECHO_SIMILARITY, select.SUPPORT_SIMILARITY, 0.5):
            got = select.similar(unit, index, floor)
            want = reference(unit, corpus, floor)
            assert [(d, o.key) for d, o in got] == [(d, o.key) for d, o in want]
            compared += len(want)
    assert compared > 1000  # the corpora do have similar sentences to find
