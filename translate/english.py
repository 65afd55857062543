"""`briefing translate PATH... [--to en]`: each article's English view on stdout.

One header line per article (`# PATH (LANG → en: STATUS, MODEL)`), then one line per
sentence of the English view: its provenance, a tab, the sentence. Provenance is
`original` (an English article), `provided` (a NAME.en.txt beside it), `cached`
(translated on an earlier run), `machine` (translated now) or `untranslated` (shown
as written, the header's notice says why). For scripts, and for comparing with
`argos-translate`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from briefing import sanitize
from briefing.errors import UserError
from briefing.model import Article, EnglishView, Progress, Provenance, no_progress

from .translator import Translator

TARGETS = ("en",)


def run(
    paths: list[str],
    to: str,
    out: TextIO,
    warn: Callable[[str], None],
    progress: Progress = no_progress,
) -> int:
    if to.lower() not in TARGETS:
        raise UserError(f"translation goes to English only: use `--to en` (not {sanitize.line(to)[:16]!r})")
    from briefing import corpus
    from briefing.store import Cache

    with Cache(warn=warn) as cache:
        loaded = corpus.load(paths or None, cache, progress)
        for problem in loaded.problems:
            warn(problem)
        translator = Translator(cache)
        views = translator.english_views(loaded.articles, progress=progress)
        for article in loaded.articles:
            for line in lines(article, views[article.id], translator.cached_texts):
                print(line, file=out)
    return 0


def lines(article: Article, view: EnglishView, cached: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The header and the sentence lines of one article."""
    about = view.status.value + (f", {view.model}" if view.model else "")
    header = f"# {sanitize.path(article.source)} ({article.lang} → en: {about})"
    out = [header]
    if view.notice:
        out.append(f"# {sanitize.line(view.notice)}")
    for sentence in view.sentences:
        kind = sentence.provenance.value
        if sentence.provenance is Provenance.MACHINE and all(article.sentences[i].text in cached for i in sentence.sources):
            kind = "cached"
        out.append(f"{kind}\t{sanitize.line(sentence.text)}")
    return out
