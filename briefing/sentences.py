"""Offline sentence splitting by rule, for any language written with . ! ? or 。

Model-based splitters (Stanza, MiniSBD, spaCy's multilingual senter) download
their data on first use; news prose splits well enough by rule, and the rules
never touch the network. Abbreviations and ordinal dots ("15. März",
"2024. március 15.") are the usual traps and are handled here.
"""

from __future__ import annotations

import re

# Words that end with a dot without ending a sentence, across the languages we see.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof st sr jr inc corp co ltd llc plc vs etc eg ie no nos vol fig approx
    jan feb mar apr jun jul aug sep sept oct nov dec gen gov sen rep col lt sgt capt
    u.s u.k u.n e.u a.m p.m e.g i.e dept est univ mt ft
    z.b bzw ca evtl ggf inkl nr mio mrd usw vgl bzw sog str abs
    kb pl stb ún dr ifj id
    ths ts pgs gs tp
    sr sra srta dña av
    m mme mlle
    """.split()
)

# Languages that write ordinals as a number and a dot ("4. Februar").
ORDINAL_DOT = frozenset("de hu da no nb nn fi cs sk sl hr sr bs is et lv lt tr pl".split())

_BOUNDARY = re.compile(
    r"""
    (?<![.!?…。！？])                # at the start of a run of stops: keeps a long run linear
    (?P<end>[.!?…。！？]++)         # the terminal punctuation
    (?P<close>["'”’»)\]]*)         # closing quotes or brackets that belong to the sentence
    (?P<gap>\s+|(?<=[。！？])|(?=["“„«]?[A-ZÀ-ÖØ-ÞĀ-ſ][a-zà-öø-ÿā-ſ]))  # space, or a glued capitalised word
    """,
    re.VERBOSE,
)
_NEXT_START = re.compile(r"[\"“„«'‘(\[]?[\w\d]", re.UNICODE)
_AGENCY_TAG = re.compile(r"\[[A-Z][A-Z ]*\]\s*")
_WORD_CHAR = re.compile(r"[\w.]", re.UNICODE)
_LOWER = re.compile(r"[a-zà-öø-ÿ]")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")
LOOK_BACK = 64  # characters read before a stop: longer words are no abbreviation, initial or ordinal
TAG_LENGTH = 40  # "[YONHAP]" and the like
# A quotation of several sentences is one statement: a stop inside quotation marks ends no
# sentence when the quotation closes within this many characters on the same line. A
# quotation left open (a paragraph that runs on into the next) is split as prose.
QUOTE_SPAN = 400
_OPENS, _CLOSES = "“„«「『", "”»」』"
_MARKS = re.compile(r"[\"“„«「『”»」』]")


# Every check reads a few characters around the match, never a slice of the rest of the
# text: slicing at each boundary made a 100 KB paragraph take seconds (quadratic).
def _word_before(text: str, pos: int) -> str:
    start = pos
    floor = max(0, pos - LOOK_BACK)
    while start > floor and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return text[start:pos]


def _is_boundary(text: str, match: re.Match[str], lang: str) -> bool:
    end_char = match.group("end")
    at = match.end()
    if at >= len(text) or not _NEXT_START.match(text, at):
        return False
    if len(text) - at <= TAG_LENGTH and _AGENCY_TAG.fullmatch(text, at):
        return False  # a trailing agency tag, "[YONHAP]", belongs to the sentence
    nxt = text[at : at + 2].lstrip("\"“„«'‘([")[:1]
    if end_char[-1] in "。！？":
        return True
    if match.group("gap") == "":
        # glued: "industry.The" -- only after a real lowercase word
        start = match.start()
        return start >= 2 and all(_LOWER.match(ch) for ch in text[start - 2 : start]) and end_char == "."
    if end_char != ".":
        return nxt.isupper() or nxt.isdigit() or not nxt.isalpha()
    word = _word_before(text, match.start())
    if word.lower().rstrip(".") in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    if word.isdigit() and len(word) <= 2 and lang in ORDINAL_DOT:
        return False  # "am 4. Februar", "2. helyen"
    if _DOTTED.fullmatch(word):
        return nxt.isupper() and len(word) > 4  # "U.S." ends a sentence only before a capital, rarely
    return nxt.isupper() or nxt.isdigit() or nxt in "\"“„«'‘(["


def split(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`; newlines always end one."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        _split_line(text, line.start(), line.end(), lang, spans)
    return spans


class _Quotes:
    """Whether a place in a line is inside quotation marks, read left to right once (each
    boundary asks for a later place than the last: the line is scanned linearly)."""

    def __init__(self, line: str) -> None:
        self.line, self.at, self.curly, self.straight = line, 0, 0, False

    def inside(self, pos: int) -> bool:
        for m in _MARKS.finditer(self.line, self.at, pos):
            mark = m.group()
            if mark == '"':
                self.straight = not self.straight
            elif mark in _OPENS:
                self.curly += 1
            else:
                self.curly = max(0, self.curly - 1)
        self.at = max(self.at, pos)
        return self.straight or self.curly > 0

    def closes_soon(self, pos: int) -> bool:
        closing = '"' if self.straight else _CLOSES
        window = self.line[pos : pos + QUOTE_SPAN]
        return any(mark in window for mark in closing)


def _split_line(text: str, start: int, stop: int, lang: str, spans: list[tuple[int, int]]) -> None:
    line = text[start:stop]
    cursor = 0
    quotes = _Quotes(line)
    for match in _BOUNDARY.finditer(line):
        if _is_boundary(line, match, lang):
            cut = match.start() + len(match.group("end")) + len(match.group("close"))
            if quotes.inside(cut) and quotes.closes_soon(cut):
                continue  # "Initial indications are ... The second stage ...": one quoted statement
            _add(spans, start + cursor, start + cut, text)
            cursor = match.end()
    _add(spans, start + cursor, stop, text)


def _add(spans: list[tuple[int, int]], start: int, end: int, text: str) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
