"""Players: people and organisations, with the role the text gives them."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Sequence

from ..entities.roles import PAST
from . import text as tx
from .features import Corpus, Unit
from .select import distinct

PLAYER_LABELS = ("PERSON", "ORG")
_TITLE = (
    r"(?:co-?)?(?:CEO|chief executive(?: officer)?|chair(?:man|woman|person)?|executive chair(?:man)?|president|"
    r"founder|co-founder|chief \w+ officer|head|director|minister|spokes(?:person|man|woman)|vice[- ]chair(?:man)?|"
    r"prime minister|secretary|governor|mayor|analyst|senior \w+|managing director|chief)"
)
_CAP = r"(?:[A-Z][\w&.'’-]*|of|the|and)"


def _role_from_text(name: str, units: Sequence[Unit]) -> str | None:
    """"OpenAI CEO Sam Altman", "Sam Altman, the CEO of OpenAI," or "Sam Altman is CEO of OpenAI." -> "OpenAI CEO"."""
    n = re.escape(name)
    before = re.compile(rf"((?:{_CAP}\s+){{0,4}}?(?:[A-Z][\w&.'’-]*\s+)?{_TITLE})\s+{n}\b", re.I)
    after = re.compile(rf"\b{n}(?:,|\s+is)\s+(?:the\s+|a\s+)?({_TITLE}(?:\s+{_CAP}){{0,6}}?)\s*[,.;]", re.I)  # ", the CEO of"; " is CEO of"
    at = re.compile(rf"(?={n})", re.I)
    found: Counter[str] = Counter()
    folded = name.casefold()
    for unit in units:
        if folded not in unit.text.casefold():
            continue  # both patterns need the name: most sentences are skipped before any regex runs
        starts = [m.start() for m in at.finditer(unit.text)]
        if not starts:
            continue
        # `before` ends with the name, `after` starts with it: each is tried only where it can
        # match (the character after the last name still visible to its \b; `after`'s \b
        # sees the text before `pos`)
        spans = ((before, 0, min(len(unit.text), starts[-1] + len(name) + 1)), (after, starts[0], len(unit.text)))
        for pattern, pos, endpos in spans:
            for m in pattern.finditer(unit.text, pos, endpos):
                role = m.group(1).strip(" ,")
                role = re.sub(r"^(?:and|the|with|by|of)\s+", "", role, flags=re.I)
                if 2 <= len(role) <= 60:
                    found[role] += 1
    return found.most_common(1)[0][0] if found else None


_COPULA = re.compile(r"\s+(?:is|was)\s+(?:the\s+|a\s+|an\s+)?")


def says_who(unit: Unit, corpus: Corpus) -> bool:
    """The sentence only says who a person is ("Kang Byung-kyu is Minister of Security and
    Public Administration."): the person's role among the players says it."""
    text = unit.text.lstrip(" \"“'‘")
    opening = [n for e in unit.entities if corpus.labels.get(e) == "PERSON" and text.startswith(n := corpus.name(e))]
    if not opening:
        return False
    rest = text[len(max(opening, key=len)):]  # "Kim Jong Un is ...", not "Kim" of it
    copula = _COPULA.match(rest)
    return copula is not None and not tx.has_verb(rest[copula.end():])


def headline_role(role: str) -> str:
    """"CEO of SoftBank Group" -> "SoftBank Group CEO": the news form, shorter on one screen."""
    title, sep, organisation = role.partition(" of ")
    if not sep or " of " in organisation or not organisation[:1].isupper():
        return role
    return f"{organisation} {title}"


def players(corpus: Corpus, focus: Sequence[str], limit: int = 8,
            elsewhere: Collection[str] = (), weight: Callable[[Unit], float] | None = None) -> list[tuple[str, str | None, list[Unit]]]:
    """(name, role, first mention per article) for the leading people and organisations of
    the story, those the weightiest claims name first (`weight`: a sentence's weight as a
    claim); one named only in the articles `elsewhere` (about another event) is none."""
    mentions: Counter[str] = Counter()
    first: dict[str, dict[str, Unit]] = {}
    said: dict[str, float] = defaultdict(float)  # entity -> weight of the claims naming it
    for unit in corpus.units:
        if not unit.usable:
            continue
        claim = weight(unit) if weight is not None else 0.0
        for e in unit.entities:
            if corpus.labels.get(e) not in PLAYER_LABELS:
                continue
            mentions[e] += 1
            said[e] += claim
            first.setdefault(e, {}).setdefault(unit.article.id, unit)
    focus_names = [corpus.name(f).casefold() for f in focus]

    def leads_focus(e: str) -> bool:
        """In the focus, or a person whose role names a focus organisation ("CEO of SoftBank")."""
        entity = corpus.entities.get(e)
        roles = " ".join(entity.roles).casefold() if entity else ""
        return e in focus or any(name in roles for name in focus_names)

    # people first: an executive reads "who", then "which company"
    ranked = sorted(mentions, key=lambda e: (corpus.labels.get(e) != "PERSON", not leads_focus(e), -said[e],
                                             -len(first[e]), -mentions[e], e))
    # lazily: the names past the first limit * 2 kept are never tested (90 at 1,000 articles)
    kept = (e for e in ranked if not set(first[e]) <= set(elsewhere) and not _STORM_NAME.match(corpus.name(e))
            and not named_otherwise(e, corpus))
    out = []
    for e in distinct(kept, corpus, limit * 2):
        name = corpus.name(e)
        entity = corpus.entities.get(e)
        person = corpus.labels.get(e) == "PERSON"
        role = entity.roles[0] if person and entity and entity.roles else None  # "Cabinet: Japan's Chief": roles are people's
        if role is None and person:
            names = [name, *(entity.aliases if entity else ())]
            texts = corpus.mentions.get(e, [])[:40]  # enough to find a role
            for alias in names:
                role = _role_from_text(alias, texts)
                if role:
                    break
        past = role is not None and role.lower().split(" ", 1)[0] in PAST
        passing = not role or (past and not acts(e, corpus))  # no part given, or a past one ("former leader") and no deed
        if mentions[e] < IN_PASSING and passing and not leads_focus(e):
            continue  # named once so: mentioned in passing
        if not role and corpus.labels.get(e) != "PERSON" and not acts(e, corpus):
            continue  # an organisation that does nothing in the story is a place, a ship or a thing
        out.append((name, role, list(first[e].values())))
    return out[:limit]


IN_PASSING = 2  # mentions below which a player needs a role to be one
# What actors do in news: speak, decide, act on others. A name followed by one of these
# ("Samsung said", "the U.N. condemned", "Sian Maynard, a coordinator in Cebu, told") acts in
# the story; a place ("in Bohol"), a ship or a rocket is where or what things happen to.
_ACTS = (
    r"say|says|said|tell|tells|told|announce[sd]?|confirm(?:s|ed)?|den(?:y|ies|ied)|order(?:s|ed)?|condemn(?:s|ed)?|"
    r"warn(?:s|ed)?|call(?:s|ed)?|urge[sd]?|accuse[sd]?|arrest(?:s|ed)?|launch(?:es|ed)?|reject(?:s|ed)?|agree[sd]?|"
    r"sign(?:s|ed)?|plan(?:s|ned)?|decide[sd]?|declare[sd]?|demand(?:s|ed)?|pledge[sd]?|promise[sd]?|sen[dt]s?|"
    r"deploy(?:s|ed)?|issue[sd]?|admit(?:s|ted)?|charge[sd]?|sentence[sd]?|execute[sd]?|approve[sd]?|vote[sd]?|"
    r"met|meet|meets|visit(?:s|ed)?|invest(?:s|ed)?|offer(?:s|ed)?|expect(?:s|ed)?|want(?:s|ed)?|seek(?:s)?|sought|"
    r"appeal(?:s|ed)?|ask(?:s|ed)?|appoint(?:s|ed)?|dismiss(?:es|ed)?|fire[sd]?|file[sd]?|sue[sd]?|buy|buys|bought|"
    r"acquire[sd]?|sell|sells|sold|hire[sd]?|respond(?:s|ed)?|criticiz(?:e|es|ed)|criticis(?:e|es|ed)|praise[sd]?"
)
_AUX = r"(?:has|have|had|will|would|may|might|could|also|later|then|quickly|again|not|on \w+day|\w+ly)"


def acts(e: str, corpus: Corpus) -> bool:
    """Whether the entity is the subject of an actor's verb in some English sentence."""
    entity = corpus.entities.get(e)
    names = sorted({corpus.name(e), *(entity.aliases if entity else ())}, key=len, reverse=True)
    patterns = [re.compile(rf"\b{re.escape(n)}(?:'s?)?(?:,[^,]{{3,80}},)?\s+(?:{_AUX}\s+){{0,3}}(?:{_ACTS})\b", re.I)
                for n in names if n]
    return any(p.search(u.text) for u in corpus.mentions.get(e, ()) for p in patterns)
AS_OTHER = 0.5  # share of mentions as an outlet, or as a place, that makes a name no player
# An outlet: "told X", "according to X", "X reported", "X news agency"; not "X said" (actors speak).
_AFTER_OUTLET = re.compile(r"^\W*(?:news agency|state media|reported|reports|'s report)", re.I)
_BEFORE_OUTLET = re.compile(r"\b(?:according to|told|tells|citing|cited by|quoted by|reported by|state-run|state media)\s*$", re.I)
# A place the model took for a person: "in X", "near X", "X town"
_BEFORE_PLACE = re.compile(
    r"\b(?:in|near|outside|at|on|off|across|(?:islands?|province|city|county|region|state|town|village|district)\s+of)\s*$",
    re.I,
)
_IN_PLACE = re.compile(r"\b(?:in|near|outside)\s*$", re.I)  # "in Bohol": an organisation is rarely "in" it
# Names that say what they are: an outlet ("VOA News", "Yonhap news agency") or a place.
_OUTLET_NAME = re.compile(r"\b(?:news|news agency|press agency|broadcasting(?: corporation)?|television|radio)$", re.I)
# A state's formal name is a place however the model labels it: "Republic of Korea".
_STATE_NAME = re.compile(
    r"^(?:the\s+)?(?:[A-Z][\w'’]*\s+)*(?:Republic|Kingdom|Federation|Commonwealth|Emirates|Principality|Sultanate)\s+of\s+[A-Z]"
)
# A storm is what the story is about (it may lead the focus) but no actor in it, whatever the
# model labels it.
_STORM_NAME = re.compile(r"^(?:the\s+)?(?:super\s+)?(?:typhoon|hurricane|cyclone|tropical storm|storm)\s+[A-Z]", re.I)
_PLACE_NAME = re.compile(
    r"\b(?:island|islands|city|county|province|village|district|region|prefecture|bay|sea|ocean|river|mountains?|"
    r"peninsula|strait|plate|trench|valley|coast)$", re.I
)
# People's names take no article and no quotes: "the Sewol" or "ship 'Sewol'" is a ship,
# "the Unha-3" a rocket.
_BEFORE_THING = re.compile(r"(?:\bthe\s*|['‘“\"])$", re.I)
_AFTER_PLACE = re.compile(r"^\s+(?:town|city|county|province|village|district|region|prefecture|island)\b", re.I)


def named_otherwise(e: str, corpus: Corpus) -> bool:
    """A name mostly used as where news came from ("told Xinhua", "Xinhua reported"): an
    outlet, not an actor; or one mostly found "in" it or followed by "town": a place."""
    label = corpus.labels.get(e)
    entity = corpus.entities.get(e)
    if re.search(r"[`\"“”]|^the\b", corpus.name(e)):
        return True  # "the Pacific ``Rim of Fire": a phrase the model took for a name
    names = sorted({corpus.name(e), *(entity.aliases if entity else ())}, key=len, reverse=True)
    if any(_OUTLET_NAME.search(n) or _PLACE_NAME.search(n) or _STATE_NAME.match(n) for n in names):
        return True  # "VOA News", "Xinhua news agency"; "Jeju Island", "Bohol Island": by their own name
    seen = other = 0
    for unit in corpus.mentions.get(e, ()):
        if not unit.usable:
            continue  # how a caption or a credit names it says nothing of how the story does
        for name in names:
            found = list(re.finditer(re.escape(name), unit.text))
            for m in found:
                before, after = unit.text[: m.start()], unit.text[m.end() :]
                seen += 1
                outlet = _AFTER_OUTLET.search(after) or _BEFORE_OUTLET.search(before)
                place = (_BEFORE_PLACE.search(before) or _BEFORE_THING.search(before)) if label == "PERSON" else None
                place = place or _AFTER_PLACE.search(after) or (_IN_PLACE.search(before) if label == "ORG" else None)
                other += bool(outlet or place)
            if found:
                break
    return bool(seen) and other >= AS_OTHER * seen
