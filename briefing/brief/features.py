"""What the briefing knows about each sentence of the corpus, computed once per build.

A `Unit` is one sentence of an article's English view with its entities (from the
annotations), money and counts (briefing.numbers), dates (timeline.find_dates), terms
and a TF-IDF vector. Untranslated sentences keep only what is language-independent:
entity, number and date tokens, so they still count as support for a claim.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from .. import dedupe, numbers
from ..model import Analysis, Article, EnglishView, Entity, Provenance, Span, ViewSentence
from . import text as tx
from .furniture import captions as caption_paragraphs
from .timeline import DateRef, find_dates, original_date

# Lines that are page furniture, not reporting (English view; any corpus). Two patterns, as
# one alternation of phrases under re.I is slow to try at every position: the phrases are
# matched case-sensitively in the folded text, the rest only at the start of the line.
_FURNITURE_PHRASES = re.compile(
    r"advertisement|all rights reserved|copyright|©|subscribe|sign up|newsletter|click here|read more|"
    r"follow us|share this|related articles?|\[ad_\d+\]|@\w+\.\w+|"
    r"stable version|this page was last (?:edited|modified)|retrieved from"  # wiki pages
)
_FURNITURE_START = re.compile(
    r"\s*by [A-Z][A-Z .'-]+\b|photo\b|\s*categor(?:y|ies)\s*:|"  # a byline, a credit, a wiki page's categories
    r"\W*(?:watch|listen to|see) (?:the |a )?(?:related )?(?:video|audio|report|story)\b|"  # a player's caption
    r"[\w’'. -]{0,40}\breports?\.?\s*$",  # "VOA's Zlatica Hoke reports." introduces a video
    re.I,
)
LEAD_WORDS = 8  # shorter lines at a page's top are furniture or headings, not its lead
_ENDS_SENTENCE = re.compile(r"[.!?…”\"'’)\]]\s*$")


@dataclass
class Unit:
    article: Article
    view: EnglishView
    sentence: ViewSentence
    english: bool  # the text is English (original, provided or machine)
    entities: frozenset[str]
    values: tuple[numbers.Value, ...]
    dates: tuple[DateRef, ...]
    terms: list[str]
    vec: dict[str, float] = field(default_factory=dict)
    heading: bool = False  # a headline or sub-heading, not a claim
    boilerplate: bool = False
    off_topic: bool = False

    @property
    def text(self) -> str:
        return self.sentence.text

    @cached_property  # a sort key of most passes of the build: made once
    def key(self) -> tuple[str, int]:
        return (self.article.id, self.sentence.index)

    @property
    def usable(self) -> bool:
        return not (self.heading or self.boilerplate or self.off_topic)


# A date a plan is set for ("will be sworn in on February 25") dates no event of the story.
_PLANNED = re.compile(  # not "delayed due to the storm of 3 August"
    r"\b(?:will|would|shall|is to|are to|(?:is|are) due|due to be|scheduled|planned|plans?|set to|expected to)\b[^.;,]{0,40}$", re.I
)


@dataclass
class Corpus:
    analysis: Analysis
    units: list[Unit]
    by_article: dict[str, list[Unit]]
    entities: dict[str, Entity]  # entity id -> Entity, as the annotator resolved it
    names: dict[str, str]  # entity id -> display name
    labels: dict[str, str]  # entity id -> label
    spread: Counter[str]  # entity id -> number of articles mentioning it
    centroid: dict[str, float]
    term_df: Counter[str]  # term -> number of units holding it
    story: dict[str, str] = field(default_factory=dict)  # article id -> the first copy of its wire story
    bodies: dict[str, dict[tuple[str, int], int]] = field(default_factory=dict)  # article -> body sentence -> its place
    mentions: dict[str, list[Unit]] = field(default_factory=dict)  # entity id -> the English sentences naming it

    def story_of(self, article_id: str) -> str:
        """Copies of one wire story are one source: the id that stands for this article's story."""
        return self.story.get(article_id, article_id)

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.analysis.articles

    def name(self, entity: str) -> str:
        """Display name; a focus id that is no entity ("word:...") stands for itself."""
        return self.names.get(entity, entity)

    def stating(self, figure: str) -> set[str]:
        """The stories (copies of one wire story are one) whose usable sentences state a
        normalised figure."""
        return self._figure_stories.get(figure, set())

    def giving(self, figure: str) -> list[Unit]:
        """The English usable sentences that give a normalised figure."""
        return self._figure_units.get(figure, [])

    @cached_property
    def _figure_units(self) -> dict[str, list[Unit]]:
        out: dict[str, list[Unit]] = defaultdict(list)
        for u in self.units:
            if u.usable and u.english:
                for v in u.values:
                    out[v.normalised].append(u)
        return out

    @cached_property
    def _figure_stories(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for u in self.units:
            if u.usable:
                for v in u.values:
                    out[v.normalised].add(self.story_of(u.article.id))
        return out

    @cached_property
    def original_dates(self) -> list[tuple[Unit, DateRef]]:
        """DATE spans found in the originals of usable untranslated sentences, resolved (see
        timeline.original_date)."""
        out = []
        for article in self.articles:
            annotation = self.analysis.annotations.get(article.id)
            spans = [s for s in annotation.original if s.label == "DATE"] if annotation else []
            if not spans:
                continue
            originals = range(len(article.sentences))
            for unit in self.by_article.get(article.id, ()):
                if unit.english or not unit.usable:
                    continue
                for sentence in (article.sentences[i] for i in unit.sentence.sources if i in originals):
                    for span in (s for s in spans if sentence.start <= s.start < sentence.end):
                        ref = original_date(article.text[span.start : span.end] or span.text, article.lang, article.date)
                        if ref is not None and ref.date is not None:
                            out.append((unit, ref))
        return out

    @cached_property
    def event_dates(self) -> dict[str, list[DateRef]]:
        """Article -> the dates its story's events are told at: its usable English sentences'
        dates, those of plans left out, and the dates its untranslated sentences' originals
        give (a date reads alike in any language)."""
        out: dict[str, list[DateRef]] = defaultdict(list)
        for a, units in self.by_article.items():
            for u in units:
                if u.english and u.usable:
                    out[a].extend(d for d in u.dates if not d.bounds and not _PLANNED.search(u.text, max(0, d.start - 60), d.start))
        for u, d in self.original_dates:
            out[u.article.id].append(d)
        return out

    @cached_property
    def _places(self) -> dict[int, int]:
        """id(unit) -> its place in its article (list.index compared dataclasses field by field)."""
        return {id(u): i for article_units in self.by_article.values() for i, u in enumerate(article_units)}

    def previous(self, unit: Unit) -> Unit | None:
        """The sentence before `unit` in its article: where "he" or "the talks" points."""
        units = self.by_article[unit.article.id]
        i = self._places.get(id(unit))
        if i is None or units[i] is not unit:  # not one of this corpus's units: look for an equal one, as before
            i = units.index(unit)
        return units[i - 1] if i else None


def _sentence_entities(view: EnglishView, spans: Iterable[Span]) -> list[set[str]]:
    """Entity ids per view sentence, from span offsets."""
    starts = [s.start for s in view.sentences]
    found: list[set[str]] = [set() for _ in view.sentences]
    for span in spans:
        if not span.entity:
            continue
        i = bisect.bisect_right(starts, span.start) - 1
        if 0 <= i < len(found):
            found[i].add(span.entity)
    return found


def _is_heading(article: Article, sentence: ViewSentence, paragraph_sentences: int) -> bool:
    if article.headline and sentence.paragraph == 0:
        return True
    # A one-sentence paragraph without final punctuation is a title or sub-heading.
    text = sentence.text
    return paragraph_sentences == 1 and not _ENDS_SENTENCE.search(text) and len(text.split()) < 16


def is_furniture_line(text: str) -> bool:
    """A line of page furniture: an advert, a byline, a credit, a video's introduction."""
    return bool(_FURNITURE_START.match(text) or _FURNITURE_PHRASES.search(tx.folded(text)))


def _is_boilerplate(text: str, tokens: list[str]) -> bool:
    return len(tokens) < 4 or is_furniture_line(text)


def build_corpus(analysis: Analysis) -> Corpus:
    units: list[Unit] = []
    by_article: dict[str, list[Unit]] = defaultdict(list)
    for article in analysis.articles:
        view = analysis.views.get(article.id)
        if view is None:
            continue
        annotation = analysis.annotations.get(article.id)
        ents = _sentence_entities(view, annotation.english if annotation else ())
        per_paragraph = Counter(s.paragraph for s in view.sentences)
        captions = caption_paragraphs(list(view.paragraphs))
        for sentence, sentence_entities in zip(view.sentences, ents, strict=True):  # one entity set per sentence
            english = sentence.provenance is not Provenance.UNTRANSLATED
            lang = "en" if english else article.lang
            values = tuple(numbers.find_values(sentence.text, lang))
            dates = tuple(find_dates(sentence.text, article.date)) if english else ()
            entity_tokens = ["@" + e for e in sorted(sentence_entities)]
            value_tokens = ["#" + v.normalised for v in values]
            date_tokens = ["%" + d.key for d in dates if d.key]
            tokens = tx.words(sentence.text) if english else []
            terms = tx.content_terms(sentence.text, tokens)
            unit = Unit(
                article, view, sentence, english, frozenset(sentence_entities), values, dates,
                terms + entity_tokens + value_tokens + date_tokens,
            )
            unit.heading = _is_heading(article, sentence, per_paragraph[sentence.paragraph])
            unit.boilerplate = sentence.paragraph in captions or (english and _is_boilerplate(sentence.text, tokens))
            units.append(unit)
            by_article[article.id].append(unit)

    term_df: Counter[str] = Counter()
    for unit in units:
        term_df.update(set(unit.terms))
    weights = tx.idf_weights(term_df, len(units))
    for unit in units:
        unit.vec = tx.vector(unit.terms, weights)
    spread: Counter[str] = Counter()
    for article_units in by_article.values():
        spread.update(set().union(*(u.entities for u in article_units)))
    _mark_off_topic(by_article, spread)
    entities = {e.id: e for e in analysis.entities}
    names = {e.id: e.name for e in analysis.entities}
    labels = {e.id: e.label for e in analysis.entities}
    for unit in units:  # entities seen in spans but missing from the entity list
        for e in unit.entities:
            names.setdefault(e, e.split(":", 1)[-1].title())
            labels.setdefault(e, e.split(":", 1)[0].upper() if ":" in e else "")
    centre = tx.centroid(u.vec for u in units if u.usable)
    story = dedupe.source_of(analysis.copies)
    bodies = {}
    for article_id, article_units in by_article.items():  # headings, datelines and other short furniture left out
        body = [u for u in article_units if u.usable and len(u.text.split()) >= LEAD_WORDS]
        bodies[article_id] = {u.key: i for i, u in enumerate(body)}
    mentions: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        if unit.english:
            for e in unit.entities:
                mentions[e].append(unit)
    return Corpus(analysis, units, dict(by_article), entities, names, labels, spread, centre, term_df, story, bodies, dict(mentions))


OFF_TOPIC = 0.06  # cosine below which a closing paragraph is unlike its article and every other article


def _mark_off_topic(by_article: dict[str, list[Unit]], corpus_spread: Counter[str]) -> None:
    """The closing paragraphs of an article that are unlike the rest of it and unlike the
    other articles, sharing none of its entities with it or with any other article, are off
    topic. Page furniture (boilerplate) is no part of what a paragraph is compared with.

    Why: scraped pages end with teasers for other stories ("Light: Release Yourself ...");
    the end of a short report ("They also said at least 2,400 people were injured.") names
    no one either, but says what the other articles say.
    """
    reporting = {aid: [u for u in us if not (u.heading or u.boilerplate)] for aid, us in by_article.items()}
    corpus_whole: dict[str, float] | None = None
    for article_id, article_units in by_article.items():
        body = reporting[article_id]
        paragraphs = sorted({u.sentence.paragraph for u in body})
        if len(paragraphs) < 3:
            continue
        members_of: dict[int, list[Unit]] = defaultdict(list)
        for u in body:
            members_of[u.sentence.paragraph].append(u)
        # entity -> how many paragraphs name it: shared with another paragraph when > 1
        spread = Counter(e for number in paragraphs for e in set().union(*(u.entities for u in members_of[number])))
        whole = None
        for number in reversed(paragraphs):  # teasers follow the story: only its tail can be off topic
            members = members_of[number]
            if not any(u.english for u in members):
                continue  # untranslated: a figure or a name matched or not is too little to call it off topic
            if any(spread[e] > 1 or corpus_spread[e] > 1 for u in members for e in u.entities):
                break  # it names a player the rest of the article, or another article, names too
            if whole is None:  # summed only once some paragraph needs it
                whole = tx.total(u.vec for u in body)
            own = tx.total(u.vec for u in members)
            if tx.cosine(tx.normalise(own), tx.subtract(whole, own)) >= OFF_TOPIC:
                break
            if corpus_whole is None:
                corpus_whole = tx.total(u.vec for us in reporting.values() for u in us)
            if tx.cosine(tx.normalise(own), tx.subtract(corpus_whole, whole)) >= OFF_TOPIC:
                break  # it says what other articles say
            for u in article_units:
                if u.sentence.paragraph == number:
                    u.off_topic = True
