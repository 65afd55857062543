"""The corpus pass: raw model entities of every article -> canonical entities and spans.

Cheap (no model): it reruns on every call, so consensus always sees the whole corpus.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from ..model import Annotation, Article, EnglishView, Entity, Provenance, Span
from .aliases import Form, Registry, build
from .consensus import common_acronyms, common_words, majority
from .gazetteer import Gazetteer
from .labels import NAMED
from .mentions import TITLE_WORDS, Mention, clean
from .propagate import Matcher, merge, values
from .roles import roles as find_roles
from .text import key, words

# Title words that, right before a full name, make it a person.
ROLE_WORDS = TITLE_WORDS - {"executive", "senior", "general", "head"}
# Nouns that, right before a name, say it is an organisation: "GPU maker Nvidia", "startup DeepSeek".
ORG_CUES = frozenset(
    "maker company firm startup giant operator chipmaker conglomerate bank designer developer platform "
    "manufacturer carrier retailer producer provider supplier lender insurer automaker brand agency "
    "publisher broadcaster newspaper daily group".split()
)
RawEnts = list[list]  # [[start, end, label, ent_id], ...] on the view text


def is_foreign(article: Article, view: EnglishView) -> bool:
    """The view is the untranslated original: model labels on it are not evidence."""
    return view.status == Provenance.UNTRANSLATED or (article.lang != "en" and view.text == article.text)


def resolve(
    articles: list[Article],
    views: dict[str, EnglishView],
    raw: dict[str, RawEnts],
    dates: dict[str, list[tuple[int, int]]],
    gazetteer: Gazetteer,
) -> tuple[tuple[Entity, ...], dict[str, Annotation]]:
    mentions = {a.id: _mentions(views[a.id].text, raw[a.id]) for a in articles}
    foreign = {a.id: is_foreign(a, views[a.id]) for a in articles}

    forms: dict[str, Form] = defaultdict(Form)
    for a in articles:
        if not foreign[a.id]:
            _vote(views[a.id].text, mentions[a.id], forms)
    texts = [views[a.id].text for a in articles] + [a.text for a in articles if a.lang != "en"]
    for k in common_acronyms(texts):
        forms.pop(k, None)
    names = {k: (f.display, f.mentions) for k, f in forms.items() if majority(f.labels) != "PERSON"}
    for k in common_words(texts, names):
        forms.pop(k, None)
    registry = build(dict(forms), gazetteer)
    _harvest(registry, [views[a.id].text for a in articles if foreign[a.id]])

    matcher = Matcher(registry)
    annotations: dict[str, Annotation] = {}
    for a in articles:
        view = views[a.id]
        if foreign[a.id]:
            english = merge(matcher.find(view.text, True), values(view.text, a.lang, dates.get(a.id, [])))
        else:
            english = merge(_known(mentions[a.id], registry), matcher.find(view.text, False))
        if a.lang == "en" or view.text == a.text:
            original = english
        else:
            original = merge(matcher.find(a.text, True), values(a.text, a.lang, dates.get(a.id, [])))
        annotations[a.id] = Annotation(a.id, english, original)
    entities = _entities(articles, views, foreign, annotations, registry)
    return _employers_are_organisations(entities, annotations)


# A word of a name as written in running text: letters and digits, inner hyphens and apostrophes.
_NAME_WORD = re.compile(r"[^\W_]+(?:[-\u2010\u2011'’][^\W_]+)*")


def name_runs(text: str) -> list[str]:
    """Runs of capitalised words (one space apart) in `text`: the candidate names of a
    text no English model can read ("Lee Jae-Young" in "Chủ tịch Lee Jae-Young cho biết")."""
    runs: list[tuple[int, int]] = []
    for m in _NAME_WORD.finditer(text):
        if not m.group()[:1].isupper():
            continue
        if runs and text[runs[-1][1] : m.start()] in (" ", "\u00a0"):
            runs[-1] = (runs[-1][0], m.end())
        else:
            runs.append((m.start(), m.end()))
    return [text[a:b] for a, b in runs]


def _harvest(registry: Registry, texts: list[str]) -> None:
    """Spellings of known people in untranslated texts become their aliases ("Kyung
    Kye-hyun" of "Kyung Gye Hyeon"): every stretch of a capitalised run is offered, once."""
    firsts = {words(d)[0] for g in registry.groups if g.label == "PERSON" for d in g.displays if words(d)}
    offered: dict[str, None] = {}
    for text in texts:
        for run in name_runs(text):
            parts = run.split()
            for i, part in enumerate(parts):
                first = words(part)[:1]
                if not first or first[0] not in firsts:
                    continue  # harvest() merges only names that begin as a known person's
                for j in range(i + 1, len(parts) + 1):
                    candidate = " ".join(parts[i:j])
                    if len(words(candidate)) > 1:
                        offered.setdefault(candidate, None)
    for candidate in offered:
        registry.harvest(candidate)


def _employers_are_organisations(
    entities: tuple[Entity, ...], annotations: dict[str, Annotation]
) -> tuple[tuple[Entity, ...], dict[str, Annotation]]:
    """A place that people are "CEO of" is an organisation the model took for a place
    (a company named after nothing the model knows): relabel it, spans included."""
    employers = {key(r.split(" of ", 1)[1]) for e in entities if e.label == "PERSON" for r in e.roles if " of " in r}
    moved = {e.id for e in entities if e.label in ("GPE", "LOC") and key(e.name) in employers}
    if not moved:
        return entities, annotations
    entities = tuple(replace(e, label="ORG") if e.id in moved else e for e in entities)

    def relabel(spans: tuple[Span, ...]) -> tuple[Span, ...]:
        return tuple(replace(s, label="ORG") if s.entity in moved else s for s in spans)

    annotations = {i: replace(a, english=relabel(a.english), original=relabel(a.original)) for i, a in annotations.items()}
    return entities, annotations


def _mentions(text: str, ents: RawEnts) -> list[Mention]:
    out: list[Mention] = []
    for start, end, label, ent_id in ents:
        out.extend(clean(text, start, end, label, ent_id))
    return out


def _vote(text: str, mentions: list[Mention], forms: dict[str, Form]) -> None:
    """Each English mention votes for its label; context votes twice: "X CEO <person>",
    "CEO of X" and "GPU maker X" for ORG, "CEO <name>" for PERSON."""
    named = [m for m in mentions if m.label in NAMED and not m.ent_id]
    for n, m in enumerate(named):
        form = forms[key(m.text)]
        form.labels[m.label] += 1
        form.displays[m.text] += 1
        before = text[max(0, m.start - 30) : m.start].split()
        if before and before[-1].lower() in ROLE_WORDS and len(words(m.text)) > 1:
            form.labels["PERSON"] += 2
        if before and before[-1].lower() in ORG_CUES:
            form.labels["ORG"] += 2
        elif len(before) >= 2 and before[-1].lower() in ("of", "at") and before[-2].lower().strip(",") in TITLE_WORDS:
            form.labels["ORG"] += 2  # "CEO of Kakao", "chairman at Samsung"
        following = named[n + 1] if n + 1 < len(named) else None
        if following and following.label == "PERSON":
            between = text[m.end : following.start].replace("’s", "").replace("'s", "").split()
            if between and all(w.lower().strip(",") in TITLE_WORDS for w in between):
                form.labels["ORG"] += 2


def _known(mentions: list[Mention], registry: Registry) -> list[Span]:
    """Model mentions, relabelled by consensus; named ones only if they are in the registry."""
    spans: list[Span] = []
    for m in mentions:
        if m.label not in NAMED:
            spans.append(Span(m.start, m.end, m.label, "", m.text))
            continue
        group = registry.lookup(m.ent_id or m.text)
        if group is not None and group.label in NAMED:
            spans.append(Span(m.start, m.end, group.label, group.id, m.text))
    return spans


def _entities(
    articles: list[Article],
    views: dict[str, EnglishView],
    foreign: dict[str, bool],
    annotations: dict[str, Annotation],
    registry: Registry,
) -> tuple[Entity, ...]:
    counts: dict[str, Counter] = defaultdict(Counter)
    found_roles: dict[str, Counter] = defaultdict(Counter)
    seen_forms: dict[str, Counter] = defaultdict(Counter)
    for a in articles:
        ann = annotations[a.id]
        for span in ann.english:
            if span.entity:
                counts[span.entity][a.id] += 1
                seen_forms[span.entity][span.text] += 1
        if not foreign[a.id]:
            for entity, rs in find_roles(views[a.id].text, ann.english).items():
                found_roles[entity].update(rs)
    entities = []
    for group in registry.groups:
        per = counts.get(group.id)
        if not per or group.label not in NAMED:
            continue
        names = {key(group.name)}
        aliases = []
        for form in list(group.displays) + list(seen_forms[group.id]):
            if key(form) not in names and len(form) > 1:
                names.add(key(form))
                aliases.append(form)
        entities.append(
            Entity(
                id=group.id,
                name=group.name,
                label=group.label,
                aliases=tuple(aliases),
                roles=tuple(r for r, _ in found_roles[group.id].most_common()),
                mentions=sum(per.values()),
                per_article=tuple(sorted(per.items(), key=lambda item: (-item[1], item[0]))),
            )
        )
    entities.sort(key=lambda e: (-e.mentions, e.name))
    return tuple(entities)
