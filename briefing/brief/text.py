"""Words, weights and similarity: plain-Python TF-IDF over sentences.

Sparse dicts rather than a matrix: the corpus grows to thousands of articles
and every sentence holds a handful of terms, so dict dot products stay linear.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from itertools import repeat
from operator import mul

import snowballstemmer

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just may me might more most
    must my no nor not now of off on once only or other our out over own same she should so some such
    than that the their them then there these they this those through to too under until up very was
    we were what when where which while who whom why will with would you your said says say according
    new one two still well even much many like however including include includes since per via
    mr ms year years week month day time told reported reportedly report reports
    """.split()
)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def words(text: str) -> list[str]:
    if text.isascii():  # lower() maps A-Z to a-z one for one: the same words, lowered once
        return _WORD.findall(text.lower())
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


_STEMMER = snowballstemmer.stemmer("english")


def _irregular() -> dict[str, str]:
    """Irregular verb form -> base form ("met" -> "meet"): Snowball strips suffixes only."""
    lines = resources.files(__package__).joinpath("irregular_verbs.txt").read_text(encoding="utf-8").splitlines()
    return dict(line.split() for line in lines if line and not line.startswith("#"))


_IRREGULAR = _irregular()


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The word's Snowball stem, irregular verbs by their base form: "killing" and "killed"
    are "kill", "stages" is "stage", "met" and "meeting" are "meet", "stole" is "steal"."""
    return str(_STEMMER.stemWord(_IRREGULAR.get(word, word)))


def content_terms(text: str, tokens: list[str] | None = None) -> list[str]:
    """Lower-case words worth comparing: no stopwords, no one-letter tokens (`tokens`: words(text), if known)."""
    return [w for w in (words(text) if tokens is None else tokens) if len(w) > 1 and w not in STOPWORDS and not w.isdigit()]


def idf(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency over documents (sets of terms)."""
    df: Counter[str] = Counter()
    n = 0
    for doc in documents:
        n += 1
        df.update(set(doc))
    return idf_weights(df, n)


def idf_weights(df: Mapping[str, int], n: int) -> dict[str, float]:
    """Smoothed IDF from document frequencies over `n` documents."""
    return {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}


def normalise(vec: Mapping[str, float]) -> dict[str, float]:
    """`vec` scaled to unit length; empty when it has none."""
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def vector(terms: Iterable[str], weights: Mapping[str, float]) -> dict[str, float]:
    """Unit-length TF-IDF vector (sub-linear tf)."""
    counts = Counter(terms)
    # a term said once weighs its idf: (1.0 + log(1)) * w is w exactly
    return normalise({t: weights.get(t, 1.0) if c == 1 else (1.0 + math.log(c)) * weights.get(t, 1.0) for t, c in counts.items()})


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # a term missing from b adds v * 0.0, 0.0 (weights are finite): the same sum as of the
    # shared terms in a's order, without a Python step per term
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))), 0.0)


def total(vectors: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """The sum of sparse vectors, not normalised."""
    out: dict[str, float] = {}
    for vec in vectors:
        for t, v in vec.items():
            out[t] = out.get(t, 0.0) + v
    return out


def centroid(vectors: Iterable[Mapping[str, float]]) -> dict[str, float]:
    return normalise(total(vectors))


def subtract(whole: Mapping[str, float], part: Mapping[str, float]) -> dict[str, float]:
    """Unit vector of (whole - part): an article's centroid without one of its paragraphs."""
    rest = {t: v - part.get(t, 0.0) for t, v in whole.items()}
    return normalise({t: v for t, v in rest.items() if v > 1e-9})


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary and mark the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if limit <= 1:
        return "…"[:limit]
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:-—") + "…"


# -- compression: a shorter, still whole sentence for the one-screen text ------------------

_LABEL = re.compile(r"^([^:.!?“”\"]{1,40}: )")  # "4 Feb 2025: ", "Not confirmed: ", "Only [3]: "
# Parts a sentence says as well without: a nameless trailing attribution ("..., according to
# industry sources"), a leading one ("According to X, "), a nameless inner one (", according to
# witnesses,"), a discourse opener ("Moreover, ").
# A trailing attribution naming its source (", Xinhua said") stays: it is a name of the claim.
_ATTRIBUTION = [
    re.compile(r",? (?:according to|citing|as reported by|reported by) (?:[a-z][^,.;“”\"A-Z]{0,60}?)(?=[.!?]?[”\"’]?$)"),
    re.compile(r"^(?:according to|citing|as reported by) [^,]{1,80}, ", re.I),
    # between commas inside the sentence: "when, according to witnesses, he was"
    re.compile(r",\s(?:according to|citing|as reported by) [a-z][^,.;“”\"A-Z\d]{0,60}?,(?=\s)"),
    re.compile(
        r"^(?:moreover|however|meanwhile|furthermore|in addition|additionally|also|separately|notably|still|instead|indeed|besides),\s+",
        re.I,
    ),
    # a lead-in that only announces the claim: "What investigators know for certain is that ..."
    re.compile(r"^What [a-z][^,.;“”\"]{2,60}? (?:is|was) that\s+"),
    # a nameless, figureless circumstance between commas: ", after nearly a year of careful planning,"
    re.compile(r",\s(?:after|before|during|amid|following|despite) [a-z][^,.;“”\"A-Z\d]{0,60}?,(?=\s)"),
]
_PARENTHETICAL = re.compile(r"\s*\((?![^()]*\d)[^()]{0,80}\)")  # no figure inside; not [brackets]: those are citations
# ", CEO of X," after a name: the Players section gives the role
_APPOSITION = re.compile(
    r",\s(?:the |a |an |its |their )?(?:[\w’'-]+\s){0,3}?(?:co-?)?(?:ceo|chief executive|chair(?:man|woman|person)?|"
    r"president|founder|co-founder|head|director|minister|spokes(?:person|man|woman))\b[^,;.“”\"]{0,60},(?=\s)",
    re.I,
)
_RELATIVE_DATE = re.compile(
    r",?\s*\b(?:(?:on|last|this|next|earlier|later)\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|(?:last|this|earlier this|later this|next) (?:week|month))\b",
    re.I,
)
# A sentence opening with one of these leads with a subordinate clause or phrase: the main
# clause comes after its first comma, so no cut may fall before it.
_LEADING_CLAUSE = re.compile(
    r"^(?:after|before|when|whenever|while|as|although|though|even though|if|unless|because|since|upon|with|without|"
    r"for|despite|following|amid|in|on|at|by|during|unlike|like|once|until|to|given|having|besides|"
    r"through|under|over|from|against|beyond|ahead of|along with|compared with|in addition to)\b[^,]*,\s+",
    re.I,
)
_COORDINATOR = re.compile(r"^(?:but|and|so|yet|then)\s+", re.I)
# A finite verb, roughly: auxiliaries, common irregular verbs, or a regular past tense.
_VERB_FORMS = (
    r"is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|shall|should|did|does|do|"
    r"said|says|say|met|meet|meets|held|hold|holds|told|made|make|makes|took|take|takes|gave|give|gives|saw|see|"
    r"sees|went|go|goes|came|come|comes|began|begin|begins|became|become|becomes|left|leave|leaves|sold|sell|"
    r"sells|bought|buy|buys|paid|pay|pays|won|win|wins|lost|lose|loses|led|lead|leads|ran|run|runs|set|sets|put|"
    r"puts|cut|cuts|kept|keep|keeps|brought|bring|brings|sent|send|sends|spent|spend|spends|built|build|builds|"
    r"found|find|finds|got|get|gets|rose|rise|rises|fell|fall|falls|knew|know|knows|thought|think|thinks|plans|"
    r"sat|sit|sits|stood|spoke|wrote|chose|drew|grew|flew|struck|fought|wants|needs|seeks|aims|expects|"
    r"involve|involves|include|includes|remain|remains|[a-z]{2,}ed|"
    # the other common irregular past forms: news reports in the past tense
    r"stole|shook|broke|hit|hurt|shot|fled|bit|blew|caught|dealt|dug|drove|ate|fed|felt|forgave|froze|hid|"
    r"hung|lay|lit|meant|overtook|quit|rang|rode|sank|shut|slid|spread|sprang|stuck|stung|swept|swore|swam|"
    r"threw|tore|undertook|upheld|withdrew|woke|wore|wept|won|wound|beat|bore|bound|bred|dove|forbade|forecast|"
    r"heard|arose|awoke|bent|bled|burst|cast|clung|crept|sought|sped|split|sprung|strove|taught|understood|"
    r"oversaw|overthrew|rebuilt|rewrote|shrank|sang|slept|struck|told|dies|kills|says|warns|claims|denies|"
    r"confirms|reports|shows|adds|calls|hits|strikes|rises|falls"
)
_VERB = re.compile(rf"\b(?:{_VERB_FORMS})\b", re.I)
# The same test word by word: every form is letters, so a match is a whole word (a run of
# \w), and re.I equates a letter with a-z exactly when its folded() is that letter.
_VERB_WORDS = frozenset(_VERB_FORMS.split("|")) - {"[a-z]{2,}ed"}
_WORD_RUN = re.compile(r"\w+")
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def folded(text: str) -> str:
    """`text` lower-cased as re.I folds letters (İ and ı are i, ſ is s; the Kelvin sign
    lower()s to k): a plain `in` test on it finds what a re.I pattern would."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


def has_verb(text: str) -> bool:
    """_VERB.search(text), without trying its forms at every position."""
    for run in _WORD_RUN.findall(text):
        word = folded(run)
        if word in _VERB_WORDS or (len(word) >= 4 and word.endswith("ed") and word.isascii() and word.isalpha()):
            return True
    return False


_OPEN_CLOSE = [("(", ")"), ("“", "”"), ("[", "]")]
# Words a whole sentence never ends on: "… 80% of.", "… was quoted.", "… had."
DANGLING = frozenset(
    """a an the this these those its their his her our my your of to in on at for with by from into onto about as than
    over under between among through during and or but nor that which who whose whom because while if whether is are
    was were be been being has have had do does did will would could should can may might must shall said says told
    quoted cited added saying including such like both either per""".split()
)
_NAME = re.compile(r"(?<![\w'’-])[A-Z][\w'’&.-]*[\w]|\d[\d.,]*\d|\d")


def payload(text: str) -> set[str]:
    """Figures and names a sentence states: digits, and capitalised words after its first
    (two-letter acronyms such as "AI" or "US" qualify a noun rather than name a player)."""
    found = {m.group(0) for m in _NAME.finditer(text) if m.start() > 0}
    return {f for f in found if f.lower() not in DANGLING and not (f.isupper() and len(f) <= 2)}


def is_statement(text: str) -> bool:
    """A sentence that states something: a finite verb, not a question, not a bare quotation."""
    body = text.strip()
    if body.endswith("?") or body.startswith(("``", "“", '"', "'", "‘")) or not _balanced(body) or "``" in body:
        return False  # a question, a bare quotation, or the end of one opened sentences before
    if not body.rstrip(_CLOSERS).endswith(_TERMINALS):
        return False  # a headline or a line of a list, not a sentence
    return has_verb(body)


# A sentence's final mark, then only closing marks ('' is two of '): what ends a statement
_TERMINALS, _CLOSERS = tuple(".!?。！？"), "\"'”’»)]"


def ends_whole(text: str) -> bool:
    """The text ends as a sentence does, not on a word that needs more after it."""
    last = words(text)[-1:] or [""]
    return last[0] not in DANGLING


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in _OPEN_CLOSE) and text.count('"') % 2 == 0 and text.count("``") == text.count("''")


def _finish(text: str, end: str) -> str:
    text = text.rstrip(" ,;:—–-")
    return text if text.endswith((".", "!", "?", "…", "”", "\"", "’", "'")) else text + end


_GOVERNED = re.compile(r"\b(?:since|until|till|before|after|by|from|of|to|between|as)\s*$", re.I)


def _unless_governed(m: re.Match[str]) -> str:
    """A relative date inside a sentence goes, unless a word needs it ("none since Wednesday");
    one that ends the sentence stays: the sentence would read as cut."""
    at_end = not re.search(r"\w", m.string[m.end() :])
    return m.group(0) if at_end or _GOVERNED.search(m.string[: m.start()]) else ""


def _reductions(body: str, end: str, drop_dates: bool) -> Iterator[str]:
    """Ever shorter forms of `body`, each step applied on top of the last."""
    steps = [*_ATTRIBUTION, _PARENTHETICAL, _APPOSITION] + ([_RELATIVE_DATE] if drop_dates else [])
    current = body
    for step in steps:
        shorter = step.sub(_unless_governed, current) if step is _RELATIVE_DATE else step.sub("", current)
        if shorter != current and len(shorter.split()) >= 4:
            current = _finish(shorter[:1].upper() + shorter[1:], end)
            yield current


def _parts(text: str) -> tuple[str, str, str]:
    """(leading label, body, the body's final mark): a shortened body keeps both ends."""
    m = _LABEL.match(text)
    label, body = (m.group(1), text[m.end() :]) if m else ("", text)
    stripped = body.rstrip()
    return label, body, stripped[-1] if stripped and stripped[-1] in ".!?" else "."


def compress(text: str, width: int, measure: Callable[[str], int] = len, drop_dates: bool = False) -> str | None:
    """`text` made to fit `width` as the same whole sentence, or None when it cannot be.

    Only what the sentence says as well without goes, in order, until it fits: a nameless
    attribution, a discourse opener ("Moreover, "), a lead-in ("What investigators know is
    that"), a nameless circumstance between commas, parentheticals without a figure, a role
    after a name (", CEO of X,": the players give it), relative dates when a date label
    already leads (`drop_dates`), and last a leading clause that adds no figure or name
    ("After the talks ended, ..."). Its end is never cut: a sentence that still does not
    fit is for the caller to replace with another.
    """
    if measure(text) <= width:
        return text
    label, body, end = _parts(text)
    room = width - measure(label)
    if room <= 0:
        return None
    current = body
    for shorter in _reductions(body, end, drop_dates):
        current = shorter
        if measure(current) <= room:
            return label + current
    lead = _LEADING_CLAUSE.match(current)
    if lead and payload(current[: lead.end()]) <= payload(current[lead.end() :]):
        rest = _COORDINATOR.sub("", current[lead.end() :])  # the main clause alone
        rest = _finish(rest[:1].upper() + rest[1:], end)
        if measure(rest) <= room and _VERB.search(rest) and len(rest.split()) >= 6:
            return label + rest
    return None
