"""The one-screen executive briefing: `build(analysis, focus, size)` and `fit_text`.

Pure and deterministic: reads an Analysis (articles, English views, entities), calls no
model, and returns a model.Briefing whose every line cites English-view sentences.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence

from .. import dedupe
from ..model import Analysis, Briefing, Citation, Line, Provenance, Source
from ..numbers import Value
from . import claims, clock
from . import text as tx
from .amounts import figures
from .claims import names
from .coverage import FOCUS, TERM_WEIGHT, Record, concepts, greedy, is_body, is_lead, lead_weights, position
from .differences import REFUSAL, disagreements, opposite_claims, unconfirmed
from .disputes import COUNTED, Dispute, disputable, figure_disputes, figure_files, mark_disputed, other_events, outdated, phrase, rivals
from .features import Corpus, Unit, build_corpus
from .fit import fit_text
from .players import headline_role, players, says_who
from .quotes import quotes
from .select import Scored, default_focus, rank, relevance, resolve_focus
from .timeline import DateRef

__all__ = ["build", "fit_text"]

KEY_FACTS = 3  # the fewest key facts: the screen shows three at least, whatever their length
# Content words a line must add to fill a row no concept asks for: 2 and 4 gave the same
# facts on every development corpus, 6 lost Jang English-only's (bench/quality.py).
NEW_WORDS = 4
FRAME_ROWS = 4  # rows no key fact can have: the title, the bottom line's two, a row of source notes
LATEST_AT = 1  # the latest development goes second among the key facts
QUOTE_AT = 2  # the weightiest quote goes third among the key facts (the screen shows three at least)
# Key facts later sections treat as said. The fit may show more (as many as the screen could
# hold, `_most_facts`) when they cover more than the other sections' lines; measured on every
# development corpus with 12 key facts, 8 said kept 3 more facts than 12 (bench/quality.py).
SAID_FACTS = 8
MIN_EVENTS = 3  # finer-dated events enough to leave bare years out of the timeline
PLACE_LABELS = ("GPE", "LOC", "FAC")
BOTTOM_CHARS = 220  # a longer sentence cannot stay whole on a small screen
USER_FOCUS = 3.0  # a focus the user typed weighs four times: the briefing is for that question
BACKING = 1.0  # the bottom line's weight grows by this share for each further source stating it
# A key fact opening on a pronoun is worth this share: its subject is in the sentence before
# (0.5 -> 0.25: 5 -> 2 such lines on the 14 screens of bench/quality.py, no fact lost; 0 lost one on Jang).
DANGLING = 0.25
BACKGROUND = 0.5  # a key fact from an article about another event (an earlier visit): background, worth this share
DISPUTED = 0.5  # a claim another source gives other figures or dates for is this much less fit to lead
Weight = Callable[[Unit], float]  # a sentence's selection score
_TAG = re.compile(r"\s*\[[A-Z][A-Z .]{1,20}\]\s*$")  # a trailing agency tag, "[YONHAP]"


# Wiki source left in a page: "{{w|Jang Song-thaek}}" reads "Jang Song-thaek", "[[a|b]]" reads "b".
_WIKI_NAME = re.compile(r"\{\{w\|([^{}|]+)(?:\|[^{}]*)?\}\}|\[\[(?:[^\[\]|]*\|)?([^\[\]|]+)\]\]")
_WIKI_OTHER = re.compile(r"\{\{[^{}]*\}\}")
_BULLET = re.compile(r"^\s*[•·▪■◦]\s*")
_DASH = re.compile(r"^\s*[—–]\s+")  # what is left of a dateline the page lost ("— South Korean divers ...")
# A date after one of these words dates a clause ("a ferry that sank Wednesday"), not the sentence's event.
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|whose|where|when|after|before|since|until|while)\b", re.I)


# A sentence that opens on a pronoun ("It has pushed Nvidia's shares...") names its subject in
# the sentence before: alone on a screen, nobody can tell who or what it is about.
_DANGLING = re.compile(
    r"^\W*(?:it|he|she|they|this|these|those|its|his|her|their|such)\b"
    r"(?!\s+(?:is|was) (?:expected|reported|said|understood|unclear|not)\b)",  # "It is expected ...": no referent needed
    re.I,
)


# Words that point back to the sentence before wherever they stand: "Marie Harf made a comment
# to the same effect the same day."
_POINTS_BACK = re.compile(r"\b(?:to (?:the same|that|this) effect|the same day|the former|the latter|likewise|similarly)\b"
                          r"|^\W*(?:then|afterwards|after that|later|next|subsequently)\b,?", re.I)
_HE = re.compile(r"^(He|She)\s+(?=[a-z])")


def _told(unit: Unit, corpus: Corpus, background: Mapping[str, str] | None = None) -> str:
    """A key fact's text: cleaned, led by its resolved date, and "He says ..." named as
    "[Lee Yun-keol] says ..." when the sentence before names one person and no other
    (brackets: the press's mark for words put in by the editor); a sentence of an article
    about another event is led by when that event was (`background`: article -> when): it
    is background."""
    text = _clean(unit.text)
    match = _HE.match(text)
    if match:
        who = _antecedent(unit, corpus)
        if who:
            text = f"[{corpus.name(who)}] {text[match.end():]}"
    text = _dated(unit, text)
    when = background.get(unit.article.id) if background else None
    if when is None or text[:1].isdigit():
        return text  # the story's own, or dated already
    return f"{when}: {text}"  # "Jan 2024: ..." beside a 2025 story


def _event_label(article_id: str, corpus: Corpus) -> str:
    """When an article's event was: its month of publication, else the first day it dates
    ("7 Sep"), else "Background"."""
    article = next((a for a in corpus.articles if a.id == article_id), None)
    if article is not None and article.date:
        return f"{article.date:%b %Y}"
    days = sorted((d.date, d.label) for d in corpus.event_dates.get(article_id, ()) if d.date and d.precision in ("day", "monthday"))
    return days[0][1] if days else "Background"


def _antecedent(unit: Unit, corpus: Corpus, depth: int = 3) -> str | None:
    """The one person "He" or "She" opening `unit` points to: the person the sentence before
    names, or, when that sentence opens on "He" too, the one it points to ("Lee said ... He
    says ... Kim Jong Un ... He says ...": Lee, not the Kim the second sentence names)."""
    previous = corpus.previous(unit)
    if previous is None or depth == 0:
        return None
    if _HE.match(_clean(previous.text)):
        return _antecedent(previous, corpus, depth - 1)
    people = {e for e in previous.entities if corpus.labels.get(e) == "PERSON"}
    return people.pop() if len(people) == 1 else None


def self_contained(text: str) -> bool:
    """The sentence says who or what it is about: it does not open on a pronoun, nor point
    back to what the sentence before said."""
    return not (_DANGLING.search(text) or _POINTS_BACK.search(text))


def _clean(text: str) -> str:
    text = _WIKI_OTHER.sub("", _WIKI_NAME.sub(lambda m: m.group(1) or m.group(2), text))
    return " ".join(_DASH.sub("", _BULLET.sub("", _TAG.sub("", text))).split())


class _Notes:
    """Citations for units, numbered by the article's source note."""

    def __init__(self, analysis: Analysis) -> None:
        self.number = {a.id: i + 1 for i, a in enumerate(analysis.articles)}
        self.story = dedupe.source_of(analysis.copies)  # copies of one wire story count once

    def cite(self, units: Sequence[Unit]) -> tuple[Citation, ...]:
        seen, out = set(), []
        for u in units:
            if u.key not in seen:
                seen.add(u.key)
                out.append(Citation(u.article.id, u.sentence.index, self.number[u.article.id]))
        return tuple(out)

    def line(self, text: str, units: Sequence[Unit], agree: int | None = None) -> Line:
        """A line citing `units`; `agree`: how many sources state it, when not all cited do."""
        citations = self.cite(units)
        sources = max(1, len({self.story.get(c.article_id, c.article_id) for c in citations}))
        return Line(text, citations, sources if agree is None else min(agree, sources))


def _when_where(best: Scored, corpus: Corpus) -> tuple[str, list[Unit]]:
    """The date and place of the bottom line's event when it lacks them, from its backers or
    the sentence before it, with the units each part comes from (cited with the line)."""
    units = [best.unit, *best.support]  # only sources that state the claim: they are the ones cited
    previous = corpus.previous(best.unit)
    if previous is not None and is_body(previous, corpus):  # the same source; a dateline ("Posted ...") is not context
        units.append(previous)
    days = Counter(d.label for u in units for d in u.dates if d.precision == "day" and d.date)
    if not days:  # "4 February" in an undated source: take the year from a dated source if one agrees
        partial = Counter(d for u in units for d in u.dates if d.precision == "monthday" and d.date)
        for d in partial:
            day_of = (d.date.month, d.date.day) if d.date else None
            years = {x.label for u in corpus.units for x in u.dates
                     if x.precision == "day" and x.date and (x.date.month, x.date.day) == day_of}
            days[years.pop() if len(years) == 1 else d.label] += partial[d]
    places = Counter(e for u in units for e in u.entities if corpus.labels.get(e) in PLACE_LABELS)
    text = best.unit.text
    parts: list[str] = []
    cited: list[Unit] = []
    if places:  # ties go to the place most sources name, then by name: never to set order
        place = min(places, key=lambda e: (-places[e], -corpus.spread[e], e))
        if corpus.name(place) not in text:
            parts.append(corpus.name(place))
            cited.extend(u for u in units if place in u.entities)
    if days and not _explicit(best.unit):
        day = min(days, key=lambda d: (-days[d], d))
        parts.append(day)
        cited.extend(u for u in units if any(x.label == day for x in u.dates))
    return ", ".join(parts), cited


def _explicit(unit: Unit) -> bool:
    """The sentence writes its date out ("on 4 February"), not only relatively ("on Tuesday")."""
    return any(any(ch.isdigit() for ch in d.text) for d in unit.dates if d.date)


def _dated(unit: Unit, text: str) -> str:
    """`text` led by the date its relative date resolves to ("25 Jan 2024: ... last Thursday")."""
    if _explicit(unit):
        return text
    resolved = [d for d in unit.dates if d.date and d.precision in ("day", "week")]
    if not resolved or resolved[0].bounds or _SUBORDINATE.search(unit.text[: resolved[0].start]):
        return text  # "police arrested the captain of a ferry that sank Wednesday", "none since Wednesday": not the arrest's date
    return f"{resolved[0].label}: {text}"


def _whole(text: str, limit: int) -> str | None:
    """`text` as one whole sentence of at most `limit` characters, its payload kept, or None."""
    return text if len(text) <= limit else tx.compress(text, limit)


def _bottom_line(pool: list[Scored], corpus: Corpus, record: Record, notes: _Notes,
                 disputes: Sequence[Dispute] = ()) -> tuple[list[Line], Scored | None]:
    """What happened, backed by the most sources: of the articles' lead sentences, the claim
    covering the most concepts that other leads state too (names, figures, dates, words,
    weighted by how many sources' leads state them: the main event, not a side story the
    bodies repeat), then the most of the corpus's weighted concepts; grown by each source
    stating it, lessened when sources dispute it, never one a later source corrects; a
    whole sentence, never cut."""
    sources = max(1, len(corpus.by_article) - 1)
    told = lead_weights(corpus)

    def fitness(s: Scored) -> tuple[float, float]:
        backing = (1 + BACKING * min(1.0, len(s.support) / min(sources, 3))) * (DISPUTED if s.disputed else 1.0)
        main = sum(told.get(c, 0.0) for c in concepts(s.unit) - record.covered)
        return main * backing, record.gain(s.unit) * backing  # leads alike in no concept: the corpus's concepts decide

    fit = [s for s in pool if _whole(_clean(s.unit.text), BOTTOM_CHARS) and tx.is_statement(s.unit.text) and self_contained(s.unit.text)
           and not s.superseded and not REFUSAL.search(s.unit.text)]
    uncontested = [s for s in fit if not s.contested]  # a figure or date in dispute is shown as a difference
    fit = uncontested or fit
    leads = [s for s in fit if is_lead(s.unit, corpus)]
    fit = leads or fit  # a news article's lead states its main event: the others are candidates only without one
    if not fit:
        return [], None
    best = max(fit, key=fitness)  # max keeps the first of equals: the better-ranked claim
    extra, cited = _when_where(best, corpus)
    text = (_whole(_clean(best.unit.text), BOTTOM_CHARS - (len(extra) + 2 if extra else 0))
            or _whole(_clean(best.unit.text), BOTTOM_CHARS) or _clean(best.unit.text))  # the last: `fit` kept it whole
    if extra:  # in front: it is what survives when the screen cuts the line
        text = f"{extra}: {text}"
    record.add(cited)
    _say(record, best)
    lines = [notes.line(text, [best.unit, *best.support, *cited])]
    figure = _key_figure(best, fit, disputes, record, BOTTOM_CHARS - len(text))
    if figure is not None:  # what happened lacks the figure the story is told by: its best-backed sentence follows, cited apart
        lines.append(notes.line(_clean(figure.unit.text), [figure.unit, *figure.support]))
        _say(record, figure)
    return lines, best


def _say(record: Record, said: Scored, shown: str | None = None, also: Sequence[Unit] = ()) -> None:
    """Record a line as said (`shown`: its text on the screen), with the sentences that say
    the same (its backers, `also`) and those giving its other side (DIFFERENCES shows them)."""
    record.add([said.unit], shown)
    record.used.update(u.key for u in [*said.support, *(c.b for c in said.conflicts), *also])


def _best_backed(stating: Sequence[Scored]) -> Scored | None:
    return max(stating, key=lambda s: (len(s.support), s.score), default=None)


def _key_figure(best: Scored, fit: Sequence[Scored], disputes: Sequence[Dispute], record: Record, room: int) -> Scored | None:
    """The sentence giving the story's key figure when the bottom line's gives none: the
    count or sum the most sources give a figure for. When reports updated it (each later
    one, or the one saying it rose, giving a new figure), the latest report's; when sources
    dispute it otherwise, none (DIFFERENCES shows the sides); else the figure most sources
    state, in its best-backed sentence. At most `room` characters, whole."""
    if any(v.kind in COUNTED for v in best.unit.values):
        return None
    candidates = [s for s in fit if s is not best and len(_clean(s.unit.text)) <= room and not record.said(s.unit)]
    for dispute in disputes:  # the widest first
        said, (first, *_) = dispute.sides[0]
        if not any(v.kind in COUNTED and v.shown == said for v in first.values):
            continue  # a magnitude or a time of day: no count the story is told by
        order = _in_date_order(dispute.sides) or _in_rising_order(dispute.sides)
        if order is None:
            return None  # sources disagree on it: no figure of it is the story's
        latest = order[-1][0]
        return _best_backed([s for s in candidates if dispute.stated.get(s.unit.key) == latest])
    sources: dict[str, set[str]] = {}
    for s in candidates:
        if not s.contested:
            for v in s.unit.values:
                if v.kind in COUNTED:
                    sources.setdefault(v.normalised, set()).update(u.article.id for u in (s.unit, *s.support))
    most = max(sources.values(), key=len, default=set())
    if len(most) < 2:
        return None  # one source's figure: not what the story is told by
    key = next(f for f, arts in sources.items() if arts == most)
    return _best_backed([s for s in candidates if not s.contested and any(v.normalised == key for v in s.unit.values)])


def _coverage(analysis: Analysis, notes: _Notes) -> tuple[list[Line], list[Source]]:
    sources, lines = [], []
    status: Counter[str] = Counter()
    for article in analysis.articles:
        view = analysis.views.get(article.id)
        provenance = view.status if view else Provenance.UNTRANSLATED
        status[provenance.label] += 1
        sources.append(Source(notes.number[article.id], article.id, article.title, article.source, article.lang, provenance, article.date))
    langs = sorted({a.lang for a in analysis.articles})
    summary = f"{tx.plural(len(sources), 'source')} in {tx.plural(len(langs), 'language')} ({', '.join(langs)}): " + ", ".join(
        f"{n} {label}" for label, n in sorted(status.items())
    )
    lines.append(Line(summary, (), 1))  # a count of sources, not sources agreeing
    for s in sources:
        date = f", {s.date.isoformat()}" if s.date else ""
        lines.append(Line(f"{s.lang}, {s.provenance.label}{date}: {s.title}", (Citation(s.article_id, 0, s.note),), 1))
    return lines, sources


def build(analysis: Analysis, focus: Sequence[str] | None = None, size: tuple[int, int] = (100, 30)) -> Briefing:
    """The briefing for this analysis. `size` is accepted for the caller's convenience:
    the Briefing holds every section in full and `fit_text(briefing, size)` cuts it."""
    corpus = build_corpus(analysis)
    # what the user asked about ranks the claims; the corpus's own central organisations
    # (the default focus) are only shown: ranking by them favoured what a few names are
    # about over what the sources say most (bench/quality.py: with translations, Unha-3
    # 12 -> 14, Sewol 12 -> 13, the seeds 14 -> 13)
    focus_ids = resolve_focus(corpus, focus) if focus else ()
    shown_focus = focus_ids or default_focus(corpus)
    notes = _Notes(analysis)
    pool = rank(corpus, focus_ids)
    elsewhere = other_events(corpus)  # articles about another event
    background = {a: _event_label(a, corpus) for a in elsewhere}  # and when that event was
    files = figure_files(corpus, elsewhere)
    disputes = figure_disputes(corpus, elsewhere, files)
    rival = rivals(files, corpus)  # a source's other figure for what a line gives: said with it
    mark_disputed(pool, disputes)
    replaced = outdated(files, corpus)
    for s in pool:
        s.outdated = s.unit.key in replaced
    weight = {s.unit.key: s.score for s in pool}
    record = Record(corpus, focus_ids, USER_FOCUS if focus else FOCUS)

    def unit_weight(u: Unit) -> float:
        return weight.get(u.key, 0.35 * relevance(u, focus_ids))

    bottom, best = _bottom_line(pool, corpus, record, notes, disputes)
    facts = _key_facts([s for s in pool if s is not best], corpus, record.copy(), size, background, rival)
    asked = next((s for s in facts if relevance(s.unit, focus_ids) > 0), None) if focus else None
    if asked is not None:  # the briefing is for the question the user typed: its best fact leads
        facts.remove(asked)
        facts.insert(0, asked)
    latest = _latest_development(pool, corpus, record, facts, best, size, background)
    if latest is not None:  # how the story developed since: never lost
        if latest in facts:  # a latest report the key facts hold already: shown where the latest is
            facts.remove(latest)
        facts.insert(min(LATEST_AT, len(facts)), latest)
    key_facts = [notes.line(_told(s.unit, corpus, background), [s.unit, *s.support]) for s in facts]
    room = _row_room(size)
    for s in facts[:SAID_FACTS]:
        _say(record, s, tx.compress(_told(s.unit, corpus, background), _fact_room(s, corpus, size)), rival.get(s.unit.key, ()))

    player_lines = [notes.line(f"{name}: {headline_role(role)}" if role else name, units)
                    for name, role, units in players(corpus, focus_ids, elsewhere=elsewhere, weight=unit_weight)]
    timeline_lines = _timeline(corpus, unit_weight, notes, record, room)
    differences = _differences(corpus, pool, disputes, unit_weight, notes, record, room)
    number_lines = _numbers(corpus, unit_weight, notes, record, room, replaced)
    number_lines += _unread_figures(corpus, notes, record)
    coverage, sources = _coverage(analysis, notes)
    quote_lines = [notes.line(f"{q.speaker}: “{q.words}.”" if q.words[-1:] not in ".!?" else f"{q.speaker}: “{q.words}”", [q.unit])
                   for q in quotes(corpus, record)]
    shown = {(c.article_id, c.sentence) for line in key_facts for c in line.citations[:1]}
    top = next((q for q in quote_lines if _fits_text(q.text, size)), None)
    if top and (top.citations[0].article_id, top.citations[0].sentence) not in shown:
        key_facts.insert(min(QUOTE_AT, len(key_facts)), top)  # the weightiest quote, on the screen with the facts

    return Briefing(
        focus=tuple(corpus.names.get(f, f.removeprefix("word:")) for f in shown_focus),
        bottom_line=tuple(bottom),
        key_facts=tuple(key_facts),
        players=tuple(player_lines),
        numbers=tuple(number_lines),
        timeline=tuple(timeline_lines),
        differences=tuple(differences),
        coverage=tuple(coverage),
        sources=tuple(sources),
        quotes=tuple(quote_lines),
        spread=_spread(record),
    )



def _spread(record: Record) -> dict[str, float]:
    """Word -> the sources stating it, as the coverage weighs it (a focus word the user typed
    counts more); a word said once has none."""
    return {c[2:]: w / TERM_WEIGHT for c, w in record.weight.items() if c.startswith("w:")}


LINE_ROWS = 2  # rows a line may take on the screen (fit.LINE_ROWS)
FACT_ROWS = 3  # rows an article's lead may take as a key fact (fit.FACT_ROWS): it states the main event


def _row_room(size: tuple[int, int], sources: int = 3, rows: int = LINE_ROWS) -> int:
    """Characters a line citing `sources` has on the screen in `rows` rows, its citations left aside."""
    shown = min(sources, 4)  # fit.marks shows four notes, then "+n"
    tail = 1 + 3 * shown + (3 if sources > 4 else 0) + (len(f" {sources} agree") if sources > 1 else 0)
    return rows * (size[0] - 13) - tail - 6  # 6: the slack of wrapping at words


def _fact_room(s: Scored, corpus: Corpus, size: tuple[int, int]) -> int:
    """Characters a key fact has: FACT_ROWS rows for an article's lead, LINE_ROWS for any other sentence."""
    return _row_room(size, s.agree, FACT_ROWS if is_lead(s.unit, corpus) else LINE_ROWS)


def _most_facts(size: tuple[int, int]) -> int:
    """Key facts the screen could hold: a line of LINE_ROWS rows in every row left by the
    frame (13 at 100x30). The fit shows those that cover the most; the export shows all."""
    return max(KEY_FACTS, (size[1] - FRAME_ROWS) // LINE_ROWS)


def _key_facts(pool: list[Scored], corpus: Corpus, record: Record, size: tuple[int, int],
               background: Mapping[str, str], rival: Mapping[tuple[str, int], Sequence[Unit]]) -> list[Scored]:
    """Claims covering the most weighted concepts not yet said, per character of the screen.

    The cost of a claim is its length once shortened (whole) for the screen; a claim that
    cannot be shown whole in LINE_ROWS rows is not a candidate. A claim another source gives
    other figures or dates for is left to the differences section, which shows both sides;
    statements only, no questions, no refusals to comment.
    """
    candidates = [s for s in pool if tx.is_statement(s.unit.text) and not s.contested and not s.superseded
                  and not REFUSAL.search(s.unit.text) and not says_who(s.unit, corpus)  # who someone is: PLAYERS
                  and not _BULLET.match(s.unit.text)  # an item of a list ("• August 1998: Test fires ..."): its subject is the list's
                  and (names(s.unit, corpus) or s.unit.values)]  # a fact is about someone, somewhere, or a figure
    short = {s.unit.key: tx.compress(_told(s.unit, corpus, background), _fact_room(s, corpus, size)) for s in candidates}
    sources = max(1, len(corpus.by_article) - 1)

    def bonus(s: Scored) -> float:  # each source stating it too; a sentence about "it" or "he" says less alone
        backing = BACKING * min(1.0, len(s.support) / min(sources, 3))
        shown = fitted.get(s.unit.key) or _clean(s.unit.text)  # the longer ones, below, were fitted to no row
        share = (1.0 if self_contained(shown) else DANGLING) * (BACKGROUND if s.unit.article.id in background else 1.0)
        return (1 + backing) * share - 1

    fitted = {key: text for key, text in short.items() if text}
    whole = [s for s in candidates if s.unit.key in fitted]
    most = _most_facts(size)
    facts = greedy(whole, record, most, lambda s: fitted[s.unit.key], bonus=bonus, also=lambda s: (*s.support, *rival.get(s.unit.key, ())))
    if len(facts) < KEY_FACTS:  # too few fit one row whole: the longer ones, best first
        rest = [s for s in candidates if s not in facts]
        facts += greedy(rest, record, KEY_FACTS - len(facts), lambda s: _clean(s.unit.text), bonus=bonus)
    # Nothing left that other sources' concepts reward (one English source): the best claims
    # that still say NEW_WORDS words the screen has not, rather than rows left empty.
    for s in whole:
        if len(facts) >= most:
            break
        words = {c for c in concepts(s.unit) if c.startswith("w:")}
        if s not in facts and not record.said(s.unit) and len(words - record.covered) >= NEW_WORDS:
            facts.append(s)
            record.add([s.unit], fitted[s.unit.key])
    return facts


def _latest_development(pool: list[Scored], corpus: Corpus, record: Record, facts: list[Scored], best: Scored | None,
                        size: tuple[int, int], background: Mapping[str, str]) -> Scored | None:
    """The lead of the most recently dated article, when it is later than the others and the
    screen does not say it yet: the latest development of the story (not of another event).
    Without two dates, a sentence saying it gives the latest count or sum ("in its latest
    casualty report ... at least 3,974")."""
    dates = sorted({a.date for a in corpus.articles if a.date and a.id not in background})
    if len(dates) < 2:  # undated reports: the one saying it gives the latest count or sum
        reports = [s for s in pool if claims.says_latest(s.unit) and any(v.kind in COUNTED for v in s.unit.values)
                   and not s.contested and not s.superseded and (best is None or s.unit.key != best.unit.key)
                   and s.unit.article.id not in background and tx.is_statement(s.unit.text)
                   and tx.compress(_told(s.unit, corpus), _row_room(size, s.agree))]
        return min(reports, key=lambda s: (position(s.unit, corpus), s.unit.key), default=None)
    chosen = {s.unit.key for s in facts} | ({best.unit.key} if best else set())
    newest = [s for s in pool if s.unit.article.date == dates[-1] and is_lead(s.unit, corpus) and not s.contested
              and s.unit.key not in chosen and not record.said(s.unit) and tx.is_statement(s.unit.text)
              and tx.compress(_told(s.unit, corpus), _row_room(size, s.agree, FACT_ROWS))]
    return min(newest, key=lambda s: (position(s.unit, corpus), s.unit.key), default=None)


def _fits_text(text: str, size: tuple[int, int]) -> bool:
    return tx.compress(text, _row_room(size, 1, FACT_ROWS)) is not None


def _fits(unit: Unit, room: int, label: str = "") -> bool:
    """Whether the unit's sentence can be shown whole on one row of `room` characters."""
    return not unit.english or tx.compress(label + _clean(unit.text), room, drop_dates=bool(label)) is not None


def _numbers(corpus: Corpus, weight: Weight, notes: _Notes, record: Record, room: int,
             replaced: Collection[tuple[str, int]] = ()) -> list[Line]:
    """Figures not yet said on the screen, each with the sentence that carries it, shortened
    whole; figures said together ("from $175B to $340B") stay together; none of a sentence
    a later report `replaced` (disputes.outdated)."""
    rows: dict[tuple, tuple[list[str], list[Unit], str]] = {}
    for normalised, mentions in figures(corpus, weight):
        if "#" + normalised in record.covered:
            continue  # the bottom line or a key fact states it already
        # a line's rival figure ("36" beside its "28") is said with it
        mentions = [m for m in mentions if not record.said(m[0]) and m[0].key not in replaced]
        if not mentions:
            continue
        unit, value = min(mentions, key=lambda m: (not m[0].english, not _fits(m[0], room - 10), m[0].key))
        if unit.english and not tx.is_statement(unit.text):
            continue  # a headline or a broken sentence carries no figure worth a line
        if unit.key not in rows:
            rows[unit.key] = ([], [], _clean(unit.text) if unit.english else _untranslated_figure(unit, corpus))
        values, units, _ = rows[unit.key]
        values.append(value.shown if unit.english else normalised)
        units.extend(u for u, _ in mentions)  # notes.cite drops repeats
    out = []
    for values, units, note in rows.values():
        # a bare figure of a sentence nobody can read, naming nothing, says nothing
        if note and not (note.startswith("in an untranslated") and " naming " not in note):
            out.append(notes.line(f"{', '.join(values)}: {note}", units))
            record.add(units[:1])
    return out


UNREAD_FIGURES = 4  # figures of one untranslated source a line lists: one row of the screen
UNREAD_SOURCES = 6  # untranslated sources listed so, the newest first: a thousand would bury the export


def _unread_figures(corpus: Corpus, notes: _Notes, record: Record) -> list[Line]:
    """What each untranslated source counts, not said yet: "589 people, 80,000 buildings:
    untranslated ko source, 6 Aug 2014." Only figures that say what they count (a counter
    noun, a currency) are listed, those other sources state too first, for the UNREAD_SOURCES
    newest sources: nobody can read the sentence, but an executive can see the figure and
    that it is there to be translated."""
    out: list[Line] = []
    for article in sorted(corpus.articles, key=lambda a: a.date or dt.date.min, reverse=True):  # undated last
        if len(out) == UNREAD_SOURCES:
            break
        units = [u for u in corpus.by_article.get(article.id, ()) if u.usable]
        if not units or any(u.english for u in units):
            continue
        found: dict[str, tuple[Value, Unit]] = {}
        for unit in units:
            for value in unit.values:
                said = value.noun if value.kind == "count" else value.kind == "money"
                if said and "#" + value.normalised not in record.covered:
                    found.setdefault(value.normalised, (value, unit))
        chosen = sorted(found, key=lambda k: (len(corpus.stating(k)) < 2, found[k][1].key))[:UNREAD_FIGURES]
        if not chosen:
            continue
        when = f", {article.date.day} {article.date:%b %Y}" if article.date else ""
        cited = [found[k][1] for k in sorted(chosen, key=lambda k: found[k][1].key)]
        out.append(notes.line(f"{', '.join(found[k][0].shown for k in chosen)}: untranslated {article.lang} source{when}.", cited))
        record.add(cited)
    return out


def _untranslated_figure(unit: Unit, corpus: Corpus) -> str:
    """Where a figure of an untranslated sentence stands: "in an untranslated hu sentence naming SoftBank, OpenAI."."""
    names = [corpus.name(e) for e in sorted(unit.entities, key=lambda e: (unit.text.find(corpus.name(e)), e))
             if corpus.labels.get(e) in ("ORG", "PERSON", *PLACE_LABELS)][:3]
    return f"in an untranslated {unit.article.lang} sentence" + (f" naming {', '.join(names)}." if names else ".")


def _entity_summary(unit: Unit, corpus: Corpus) -> str:
    """An untranslated sentence shown by what it names: "Org, Person — Place, $5B (vi, untranslated).",
    or "" when it names fewer than two; an English one too long for the screen by its players."""
    text = unit.text

    def order(e: str) -> tuple:
        at = text.find(corpus.name(e))
        return (at if at >= 0 else len(text), corpus.name(e))

    def by_label(labels: Sequence[str]) -> list[str]:
        return [corpus.name(e) for e in sorted(unit.entities, key=order) if corpus.labels.get(e) in labels]

    who = by_label(("ORG",)) + by_label(("PERSON",))
    where = by_label(PLACE_LABELS) + list(dict.fromkeys(v.normalised for v in unit.values))
    body = ", ".join(who) + (" — " + ", ".join(where) if where else "")
    if unit.english:  # a sentence too long to show whole: who took part, when two players at least
        return f"{body}." if len(who) >= 2 else ""
    return f"{body} ({unit.article.lang}, untranslated)." if len(who) + len(where) >= 2 else ""


def _timeline(corpus: Corpus, weight: Weight, notes: _Notes, record: Record, room: int, limit: int = 6) -> list[Line]:
    """Dated events across articles, in date order, one line per event citing every source.

    English sentences carry their own dates; untranslated ones the DATE spans of their
    originals. A day without a year joins the same day of a dated source (article or event).
    A bare year ("in 2022: ...") is background: shown only when too few finer events exist.
    Each event is told by a sentence not yet on the screen when it has one; an event whose date
    and every sentence are already there is left out. The latest event is always kept: it is how the story developed.
    """
    events: dict[str, list[tuple[Unit, DateRef]]] = {}
    english = [(u, d) for u in corpus.units if u.dates and u.english and u.usable and tx.is_statement(u.text) for d in u.dates
               if not d.bounds]  # "none since Wednesday": no event that day
    for unit, d in english + corpus.original_dates:
        if d.key:
            events.setdefault(d.key, []).append((unit, d))
    published = {f"{a.date:%Y-%m-%d}" for a in corpus.articles if a.date}
    for key in [k for k in events if k.startswith("--")]:
        full = sorted({k for k in events if len(k) == 10 and k[4:] == key[1:]})
        if len(full) != 1:  # no dated event that day: a source published that day
            full = sorted({k for k in published if k[4:] == key[1:]})
        if len(full) == 1:
            events.setdefault(full[0], []).extend(events.pop(key))

    def precision(key: str) -> float:
        return 0.4 if len(key.lstrip("-")) in (5, 10) else 0.25 if key.endswith("/week") else 0.15 if len(key) == 7 else -0.3

    def importance(key: str) -> tuple:
        mentions = events[key]
        sources = len({u.article.id for u, _ in mentions})
        return (-(max(weight(u) for u, _ in mentions) + 0.2 * sources + precision(key)), key)

    finer = [k for k in events if len(k) != 4]
    if len(finer) >= MIN_EVENTS:
        events = {k: events[k] for k in finer}
    events = {k: v for k, v in events.items() if "%" + k not in record.covered or any(not record.said(u) for u, _ in v)}
    keys = sorted(events, key=importance)[:limit]
    dated = [k for k in events if not k.startswith("--")]
    if dated and (latest := max(dated, key=lambda k: k[:10])) not in keys:
        keys = keys[: limit - 1] + [latest]
    lines = []
    for key in sorted(keys, key=lambda k: k.lstrip("-")):
        mentions = sorted(events[key], key=lambda m: (record.said(m[0]), not m[0].english, not _fits(m[0], room), -weight(m[0]), m[0].key))
        label = next((d.label for _, d in mentions if d.precision != "monthday"), mentions[0][1].label)
        if len(key) == 10 and mentions[0][1].precision == "monthday":
            year, month, day = map(int, key.split("-"))
            label = DateRef(0, 0, "", "day", dt.date(year, month, day)).label
        # told by a sentence that can be shown (whole, or untranslated: by its names), one not yet said first
        # (`mentions` are in that order); a said one only when the screen does not give the date yet
        shown = (m for m in mentions if not m[0].english or _fits(m[0], room, f"{label}: "))
        unit, date = next((m for m in shown if "%" + key not in record.covered or not record.said(m[0])), mentions[0])
        per_article: dict[str, Unit] = {}
        for u, _ in mentions:  # a source giving other figures for that day is not cited for this line
            if u is unit or not claims.conflicts(unit, u, corpus):
                per_article.setdefault(u.article.id, u)
        if unit.english and not _fits(unit, room, f"{label}: "):
            continue  # too long to show whole; a list of its names ("Sunda, the Philippine Trench.") tells no event
        body = _clean(unit.text) if unit.english else _entity_summary(unit, corpus)
        if not body:
            continue
        others = [u for u in per_article.values() if u is not unit]
        agree = 1 + sum(claims.supports(unit, u, corpus) for u in others)  # the others report that day, not always this
        opens = unit.english and tx.folded(body).startswith(tx.folded(date.text))  # "August 1998: Test fires ..."
        lines.append(notes.line(body if opens else f"{label}: {body}", [unit, *others], agree=agree))
        record.add([unit])
    return lines


def _differences(corpus: Corpus, pool: list[Scored], disputes: list[Dispute], weight: Weight, notes: _Notes, record: Record,
                 room: int) -> list[Line]:
    """Where sources differ: figures or dates given differently (each side with its sources),
    opposite outcomes, claims said not to be confirmed, and claims no other source states."""
    def n(u: Unit) -> int:
        return notes.number[u.article.id]

    def marks(units: Sequence[Unit]) -> str:
        return "".join(f"[{x}]" for x in sorted({n(u) for u in units}))

    lines = []
    for sides in disagreements(pool, disputes, weight)[:3]:
        units = [u for _, side in sides for u in side]
        parts = " vs ".join(f"{said} {marks(side)}" for said, side in sides)
        first = sides[0][1][0]
        if (order := _in_date_order(sides)) is not None:  # each later report gives a new figure: the story moved on
            parts = " → ".join(f"{said} {marks(side)} ({_first_day(side):%-d %b})" for said, side in order)
            lines.append(notes.line(f"Figures changed as reports came in: {parts}.", units, agree=1))
        elif (order := _in_rising_order(sides)) is not None:  # undated, but the highest is said to have risen
            parts = " → ".join(f"{said} {marks(side)}" for said, side in order)
            lines.append(notes.line(f"Figures rose as reports came in: {parts}.", units, agree=1))
        elif _is_date_side(sides):
            opening = " ".join(_clean(first.text).split()[:5]).rstrip(",.;:")
            lines.append(notes.line(f"Dates differ on “{opening}…”: {parts}.", units, agree=1))
        else:
            value = next((v for v in disputable(first) if v.shown == sides[0][0] or v.normalised == sides[0][0]), None)
            timed = value is not None and value.kind == "time"
            what = (clock.phrase if timed else phrase)(first, value) if value else ""  # in the source's words
            said = f" on “{what}”" if what else ""
            lines.append(notes.line(f"{'Times' if timed else 'Figures'} differ{said}: {parts}.", units, agree=1))
        record.add(units)  # its figures are said: NUMBERS need not repeat them
    for name, a, snip_a, b, snip_b in opposite_claims(corpus):
        lines.append(notes.line(f"{name}: “{snip_a}” [{n(a)}] vs “{snip_b}” [{n(b)}].", [a, b], agree=1))
    for u in unconfirmed(corpus, weight)[:2]:
        if not record.said(u) and _fits(u, room - 15):
            lines.append(notes.line(f"Not confirmed: {_clean(u.text)}", [u]))
            record.add([u])
    single = [s for s in pool if not s.echoed and not record.said(s.unit) and tx.is_statement(s.unit.text) and not says_who(s.unit, corpus)
              and (s.unit.values or len(s.unit.entities) >= 2) and _fits(s.unit, room - 10)]
    for s in greedy(single, record, 2, lambda s: _clean(s.unit.text)):
        lines.append(notes.line(f"Only [{n(s.unit)}]: {_clean(s.unit.text)}", [s.unit]))
    return lines


def _in_date_order(sides: Sequence[tuple[str, Sequence[Unit]]]) -> list[tuple[str, Sequence[Unit]]] | None:
    """The sides in publication order when every side's dated sources were published on days
    of their own (a side's every dated source after the previous side's): reports updating a
    figure. An undated source takes the side of the figure it gives ("six dead" undated, as
    on the 17th, before the 19th's 28). None when a side has no dated source or two sides
    share a day: then the sources disagree."""
    spans = []
    for said, side in sides:
        days = [u.article.date for u in side if u.article.date]
        if not days:
            return None
        spans.append((min(days), max(days), said, side))
    spans.sort(key=lambda s: s[0])
    if any(later[0] <= earlier[1] for earlier, later in itertools.pairwise(spans)):
        return None
    return [(said, side) for _, _, said, side in spans]


def _in_rising_order(sides: Sequence[tuple[str, Sequence[Unit]]]) -> list[tuple[str, Sequence[Unit]]] | None:
    """The sides from the lowest figure up when a source of the highest says the count rose
    to it ("the death toll has risen to at least 144"): reports of a count that went up, not
    sources disagreeing. None otherwise, or when a side gives no number."""
    numbered = sorted(((claims.figure_of(said), said, side) for said, side in sides), key=lambda n: n[0])
    top = numbered[-1]
    if len(numbered) < 2 or numbered[0][0] < 0 or top[0] == numbered[-2][0] or not any(claims.says_risen(u) for u in top[2]):
        return None
    return [(said, side) for _, said, side in numbered]


def _first_day(side: Sequence[Unit]) -> dt.date:
    return min(u.article.date for u in side if u.article.date)


def _is_date_side(sides: Sequence[tuple[str, Sequence[Unit]]]) -> bool:
    return all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}", said) for said, _ in sides)
