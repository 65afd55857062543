"""The one-screen text briefing: every section fitted to (cols, rows).

Rows are handed out twice: first each section's minimum, most essential first (the
bottom line, three key facts, one row of each other section, every source note), then
the rest one whole line at a time to whichever section's next line adds the most names,
figures and words not yet on the screen per character: the same budgeted coverage that
chose the lines (briefing.brief.coverage), so no section holds rows by rank alone. A row
never exceeds `cols` terminal cells; citations stay on a line even when its text is cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from .. import sanitize
from ..model import Briefing, Citation, Line, Provenance, Source
from . import text as tx
from .coverage import TERM_WEIGHT  # a plain word says less than a name or a figure, here as in the choice of lines
from .text import compress, plural

GUTTER = 13
BOTTOM_ROWS = 4  # the bottom line is kept whole up to this many rows, compressed beyond
# each section's minimum (rows; for the key facts, lines), given first in this order; the rows
# left go by coverage (_by_coverage)
ESSENTIAL = [("title", 1), ("bottom", BOTTOM_ROWS), ("facts", 3), ("players", 1), ("timeline", 1), ("differences", 1),
             ("numbers", 1), ("sources", 1)]
ORDER = ["title", "bottom", "facts", "players", "numbers", "timeline", "differences", "sources"]
LABELS = {"bottom": "BOTTOM LINE", "facts": "KEY FACTS", "players": "PLAYERS", "numbers": "NUMBERS",
          "timeline": "TIMELINE", "differences": "DIFFERENCES", "sources": "SOURCES"}


def safe(text: str) -> str:
    """No control or bidi characters reach the terminal; whitespace collapsed."""
    return sanitize.line(text)


def clip(text: str, width: int) -> str:
    """At most `width` cells, cut at a word when possible, marked with an ellipsis."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    cut = "".join(out)
    space = cut.rfind(" ")
    if space > len(cut) * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:-—") + "…"


def marks(line: Line, limit: int = 4) -> str:
    notes = sorted({c.note for c in line.citations if c.note})
    shown = "".join(f"[{n}]" for n in notes[:limit])
    return shown + (f"+{len(notes) - limit}" if len(notes) > limit else "")


def _rows(text: str, width: int, tail: str) -> int:
    """Rows `text` and its citation tail take when wrapped whole at `width`."""
    rows = _wrap(text, width, 99)
    return len(rows) + (cell_len(rows[-1] + tail) > width if rows else 0)


def _wrap(text: str, width: int, rows: int) -> list[str]:
    words, current = safe(text).split(" "), ""
    out: list[str] = []
    for i, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width:
            current = candidate
            continue
        if len(out) == rows - 1:
            return out + [clip(" ".join([current, *words[i:]]).strip(), width)]
        if current:
            out.append(current)
        current = clip(word, width)
    return out + ([current] if current else [])


@dataclass(frozen=True)
class Row:
    """One screen row and what it shows: the app selects rows, the text export joins them."""

    text: str  # at most `cols` cells, the label column included
    section: str  # "title", "bottom", "facts", "players", "numbers", "timeline", "differences", "sources"
    lines: tuple[Line, ...] = ()  # the lines it shows (a players or sources row may hold several)

    @property
    def citations(self) -> tuple[Citation, ...]:
        return tuple(c for line in self.lines for c in line.citations)


Piece = tuple[str, tuple[Line, ...]]  # a row's text (no label column yet) and its lines
Shaped = tuple[Line, list[str]]  # a line and the whole rows it takes
SEP = " · "
LEADING = 3  # the first players (people who lead a focus organisation) lose their roles before their place


def _with(lines: tuple[Line, ...], rows: list[str]) -> list[Piece]:
    return [(row, lines) for row in rows]


def _flow(items: Sequence[str], width: int, rows: int) -> list[list[int]]:
    """Whole items laid along rows, as indices; an item that does not fit is left out, never cut."""
    out: list[list[int]] = []
    current: list[int] = []
    used = 0
    for i, item in enumerate(items):
        size = cell_len(clip(item, width))
        if current and used + cell_len(SEP) + size <= width:
            current.append(i)
            used += cell_len(SEP) + size
        elif not current and size <= width:
            current, used = [i], size
        elif len(out) < rows - 1:
            out.append(current)
            current, used = [i], size
    if current and len(out) < rows:
        out.append(current)
    return out[:rows]


def _laid(lines: Sequence[Line], items: Sequence[str], layout: list[list[int]], width: int) -> list[Piece]:
    return [(SEP.join(clip(items[i], width) for i in row), tuple(lines[i] for i in row)) for row in layout]


def _players(players: Sequence[Line], width: int, rows: int) -> list[Piece]:
    """Players along rows; before one of the LEADING players is left out, the longest entry
    before it is shortened to its name (its citations kept)."""
    full = [f"{p.text} {marks(p, 3)}".rstrip() for p in players]
    short = [f"{p.text.split(': ', 1)[0]} {marks(p, 3)}".rstrip() for p in players]
    items = list(full)
    while True:
        layout = _flow(items, width, rows)
        shown = {i for row in layout for i in row}
        missing = [i for i in range(min(LEADING, len(items))) if i not in shown]
        longer = [j for j in range(missing[0] + 1) if items[j] != short[j]] if missing else []
        if not longer:
            return _laid(players, items, layout, width)
        j = max(longer, key=lambda j: cell_len(items[j]))
        items[j] = short[j]


Mark = tuple[str, tuple[Citation, ...], bool]  # a note's text, what it cites, whether a space goes before it


def _sources(sources: Sequence[Source], width: int, rows: int) -> list[Piece]:
    """The source notes by provenance, then language ("untranslated: ko [2][3] · zh [6][7]"):
    a corpus in seven languages needs its rows for facts. Past SOURCE_ROWS rows they are
    counted instead ("original: en ×100 · untranslated: vi ×40"); the export lists them."""
    groups: dict[tuple[str, str], list[Source]] = {}
    for s in sorted(sources, key=lambda s: (s.provenance is not Provenance.ORIGINAL, s.note)):
        groups.setdefault((s.provenance.value, s.lang), []).append(s)

    def notes(members: list[Source]) -> list[Mark]:
        return [(f"[{s.note}]" + (f" {s.date.isoformat()}" if s.date else ""), (Citation(s.article_id, 0, s.note),),
                 bool(i and (s.date or members[i - 1].date))) for i, s in enumerate(members)]

    out = _pack({key: notes(members) for key, members in groups.items()}, width)
    if len(out) > SOURCE_ROWS:  # hundreds of notes would take the screen: how many of each
        counted = {key: [(f"×{len(members)}", tuple(Citation(s.article_id, 0, s.note) for s in members), False)]
                   for key, members in groups.items()}
        return _pack(counted, width)[:rows]
    return out[:rows]


SOURCE_ROWS = 3  # rows of source notes at most; more sources are counted instead ("original: en ×100")


def _pack(groups: dict[tuple[str, str], list[Mark]], width: int) -> list[Piece]:
    """Rows of "provenance: lang marks" parts: a row whose first part continues a provenance
    names it again; a group wider than a row goes on in the next. Each part cites what its
    marks cite (enter opens the first)."""
    out: list[Piece] = []
    text, provenance = "", ""
    lines: list[Line] = []

    def close() -> None:
        nonlocal text, lines, provenance
        if text:
            out.append((text, tuple(lines)))
        text, lines, provenance = "", [], ""

    for (kind, lang), marks_of in groups.items():
        while marks_of:
            label = f"{kind}: {lang}" if kind != provenance else lang
            part = f"{SEP if text else ''}{label} "
            taken = 0
            for i, (mark, _, spaced) in enumerate(marks_of):
                gap = " " if i and spaced else ""
                if cell_len(text + part + gap + mark) > width and (taken or text):
                    break
                part, taken = part + gap + mark, taken + 1
            if not taken:  # nothing more fits on this row
                close()
                continue
            text += part
            provenance = kind
            lines.append(Line(part.removeprefix(SEP), tuple(c for _, cited, _ in marks_of[:taken] for c in cited)))
            marks_of = marks_of[taken:]
            if marks_of:
                close()
    close()
    return out


def _tailed(rows: list[str], tail: str, width: int, k: int) -> list[str]:
    """`rows` with the citation tail after the last, on a row of its own when it must be."""
    if cell_len(rows[-1] + tail) <= width:
        rows[-1] += tail
    elif len(rows) < k:  # the citations take the row left for them
        rows.append(tail.strip())
    else:
        rows[-1] = clip(rows[-1], width - cell_len(tail)) + tail
    return rows


def _agree(line: Line) -> str:
    return f"{marks(line)} {line.agree} agree" if line.agree > 1 else marks(line)


def _empty_note(b: Briefing) -> str:
    """Why a briefing has no bottom line, and what would give it one."""
    untranslated = sorted({s.lang for s in b.sources if s.provenance is Provenance.UNTRANSLATED})
    if untranslated:
        many = len(untranslated) > 1 or sum(s.provenance is Provenance.UNTRANSLATED for s in b.sources) > 1
        subject = f"the {', '.join(untranslated)} " + ("sources have" if many else "source has")
        return (
            f"Nothing to brief on yet: {subject} no English text and name no one known from the others. "
            f"`briefing models install {' '.join(untranslated)}` translates {'them' if many else 'it'}."
        )
    return "Nothing to brief on: no sentence names a person, an organisation or a figure."


def _gutter(cols: int) -> int:
    """Width of the label column; below 60 columns the label goes inline instead."""
    return GUTTER if cols >= 60 else 0


def _renderers(b: Briefing, cols: int) -> dict[str, tuple[Callable[[int], list[Piece]], int]]:
    width = cols - _gutter(cols)

    def lines_of(items: Sequence[Line], suffix: Callable[[Line], str] = marks, dated: bool = False,
                 pick: Callable[[list[Shaped], int], list[Shaped]] | None = None,
                 most_rows: int = LINE_ROWS) -> tuple[Callable[[int], list[Piece]], int]:
        """Whole lines, one or LINE_ROWS rows each; a line that would be cut gives way to the next."""
        shaped = [(line, r) for line in items if (r := _whole_rows(line.text, suffix(line), width, dated, most_rows))]

        def render(k: int) -> list[Piece]:
            chosen = pick(shaped, k) if pick else shaped
            out: list[Piece] = []
            for line, rows in chosen:
                if len(out) + len(rows) <= k:
                    out.extend(_with((line,), rows))
            return out

        return render, sum(len(r) for _, r in shaped)

    note = _empty_note(b)
    bottom_line = b.bottom_line[0] if b.bottom_line else None
    bottom_text, bottom_tail = (safe(bottom_line.text), " " + _agree(bottom_line)) if bottom_line else (note, "")
    # a bottom line of several claims reads as one text, each claim followed by its sources
    # (the key figure after what happened); shown only whole, else its first claim alone
    whole_text = whole_tail = ""
    if len(b.bottom_line) > 1:
        *before, last = b.bottom_line
        whole_text = " ".join([*(f"{safe(line.text)} {_agree(line)}" for line in before), safe(last.text)])
        whole_tail = " " + _agree(last)
    whole_rows = _rows(whole_text, width, whole_tail) if whole_text else 0

    def bottom(k: int) -> list[str]:
        if bottom_line is None:
            return _wrap(note, width, k)
        if whole_text and whole_rows <= k:
            return _tailed(_wrap(whole_text, width, k), whole_tail, width, k)
        text, tail = bottom_text, bottom_tail
        if _rows(text, width, tail) > k:  # too long for its rows: a whole, shorter sentence first
            budget = k * width - cell_len(tail)
            while budget > width // 2:
                short = compress(text, budget, cell_len)
                if short is None:
                    break
                if _rows(short, width, tail) <= k:
                    text = short
                    break
                budget -= 4
        return _tailed(_wrap(text, width, k), tail, width, k)

    def title(k: int) -> list[str]:
        langs = sorted({s.lang for s in b.sources})
        text = f"EXECUTIVE BRIEFING · focus: {', '.join(b.focus) or 'none'} · {plural(len(b.sources), 'source')} ({', '.join(langs)})"
        return [clip(safe(text), cols)]

    return {
        "title": (lambda k: _with((), title(k)), 1),
        "bottom": (lambda k: _with(b.bottom_line if whole_text and whole_rows <= k else b.bottom_line[:1], bottom(k)),
                   min(BOTTOM_ROWS, max(whole_rows, _rows(bottom_text, width, bottom_tail)))),
        "facts": lines_of(b.key_facts, _agree, most_rows=FACT_ROWS),
        "players": (lambda k: _players(b.players, width, k), len(b.players)),
        "numbers": lines_of(b.numbers, most_rows=FACT_ROWS),
        "timeline": lines_of(b.timeline, marks, dated=True, pick=_most_backed),
        "differences": lines_of(b.differences),
        "sources": (lambda k: _sources(b.sources, width, k), len(b.sources)),
    }


LINE_ROWS = 2  # a line too long for one row, even shortened whole, may take this many rows
LINE_CHARS = 170  # or as many as this many characters need on a narrow screen (3 rows at 80 columns)


# a key fact or a NUMBERS line may take this many: a long lead sentence often carries the
# most facts, and the sentence giving a figure is shown whole or not at all (the seeds'
# $500 billion Stargate sentence needs three rows at 100x30; bench/quality.py, 14 runs: 178 -> 183)
FACT_ROWS = 3


def _line_rows(width: int, rows: int = LINE_ROWS) -> int:
    return max(rows, -(-LINE_CHARS // max(1, width)))


def _whole_rows(text: str, suffix: str, width: int, dated: bool = False, most_rows: int = LINE_ROWS) -> list[str]:
    """`text` with its citation suffix as whole rows: one row shortened whole (text.compress),
    else up to LINE_ROWS rows wrapped whole; [] when it cannot be shown without a cut."""
    tail = f" {suffix}" if suffix else ""
    text = safe(text)
    short = compress(text, width - cell_len(tail), cell_len, drop_dates=dated)
    if short is not None:
        return [short + tail]
    most = _line_rows(width, most_rows)
    fallback: list[str] = []
    for budget in range(most * width - cell_len(tail), width, -8):
        short = compress(text, budget, cell_len, drop_dates=dated)
        if short is None:
            break
        rows = _wrap(short, width, 99)
        if len(rows) <= most and cell_len(rows[-1] + tail) <= width:
            rows[-1] += tail
            return rows
        if not fallback and len(rows) < most and len(whole := _wrap_with(short, tail, width)) <= most:
            fallback = whole  # the citations take the last word to a row of their own
    return fallback  # no shortening leaves room for the citations on its last row


def _wrap_with(text: str, tail: str, width: int) -> list[str]:
    """`text` wrapped whole, its last word moved down to the row of `tail` (never "[1]" alone)."""
    rows = _wrap(text, width, 99)
    head, _, last = rows[-1].rpartition(" ")
    moved = f"{last}{tail}"
    if not head or cell_len(moved) > width:
        return rows + [tail.strip()]
    return [*rows[:-1], head, moved]


def _most_backed(shaped: Sequence[Shaped], k: int) -> list[Shaped]:
    """The best-backed lines that fill k rows, kept in their own (chronological) order."""
    keep, used = [], 0
    for i in sorted(range(len(shaped)), key=lambda i: (-shaped[i][0].agree, i)):
        if used + len(shaped[i][1]) <= k:
            keep.append(i)
            used += len(shaped[i][1])
    return [shaped[i] for i in sorted(keep)]


def allocate(available: dict[str, int], rows: int, order: Sequence[tuple[str, int]]) -> dict[str, int]:
    """Rows per section, raised to each (section, rows) of `order` in turn while rows are left."""
    given = {name: 0 for name in available}
    left = rows
    for name, want in order:
        if name not in available:
            continue
        raise_to = min(want, available[name])
        extra = min(max(0, raise_to - given[name]), left)
        given[name] += extra
        left -= extra
    return given


PRINCIPALS = 3  # players the screen always names, when it has room: who an executive asks about first
LINED = ("numbers", "timeline", "differences")  # sections of whole lines (players and sources wrap their own)
FIXED = ("title", "bottom", "sources")  # what the screen is about and what its notes mean: never traded for rows
LISTS = ("players",)  # rows of names and roles: no statement about them
_MARKS = re.compile(r"\[\d+\]|\+\d+\b|\b\d+ agree\b")


def _row_said(text: str, listed: bool) -> list[tuple[str, bool]]:
    """What one row states: (term, whether it is a name or a figure) pairs; a row of a list
    of names (players) states its words only, as it says nothing of them."""
    text = _MARKS.sub(" ", text)
    out = [(term, False) for term in tx.content_terms(text)]
    if not listed:
        out += [(term, True) for name in tx.payload(text) for term in tx.words(name) or [name]]
    return out


def _said(rows: Sequence[tuple[str, Piece]], memo: dict[tuple[str, bool], list[tuple[str, bool]]],
          spread: Mapping[str, float]) -> dict[str, float]:
    """What (section, row) pairs state, weighted: names and figures 1 in a statement, content
    words TERM_WEIGHT times the sources stating them (`spread`, 1 if unknown), so a name many
    sources give weighs more through its word. Figures keep 1: weighing only words by their
    sources took the differences' rows (Sewol with translations lost two disagreements).
    `memo` keeps each row's terms for one fit."""
    out: dict[str, float] = {}
    for section, (text, _) in rows:
        key = (text, section in LISTS)
        if key not in memo:
            memo[key] = _row_said(*key)
        for term, named in memo[key]:
            weight = 1.0 if named else TERM_WEIGHT * spread.get(term, 1)
            if weight > out.get(term, 0.0):
                out[term] = weight
    return out


def _rows_for(render: Callable[[int], list[Piece]], lines: int, most: int) -> int:
    """Rows the first `lines` whole lines of a section take (three key facts, however long)."""
    for k in range(1, most + 1):
        if len({id(line) for _, shown in render(k) for line in shown}) >= lines:
            return k
    return most


Renderers = dict[str, tuple[Callable[[int], list[Piece]], int]]


def _by_coverage(renderers: Renderers, given: dict[str, int], rows: int, spread: Mapping[str, float]) -> dict[str, int]:
    """Rows left after each section's minimum go, one step at a time, to the section whose next
    whole line adds the most weight of words, names and figures not yet on the screen per
    character (the budgeted coverage of briefing.brief.coverage, over the rows themselves,
    each content word weighing the sources that state it, `spread`: without it one source's
    names outranked the figure every source gives; measured on the 14 runs, with NUMBERS lines
    of FACT_ROWS: 183 facts against 182 unweighted)."""
    given = {name: len(renderers[name][0](k)) if k else 0 for name, k in given.items()}
    left = rows - sum(given.values())
    memo: dict[tuple[str, bool], list[tuple[str, bool]]] = {}
    while left > 0:
        shown = {name: renderers[name][0](k) if k else [] for name, k in given.items()}
        said = _said([(name, p) for name, pieces in shown.items() for p in pieces], memo, spread)
        best, best_value, best_rows = None, 0.0, 0
        for name, k in given.items():
            if name in FIXED:
                continue
            others = [(other, p) for other, ps in shown.items() if other != name for p in ps]
            seen = len(shown[name])
            # every step that shows more lines, not only the first: a short line saying nothing
            # new must not hide a longer one after it that does
            for more in range(1, left + 1):
                pieces = renderers[name][0](k + more)
                if len(pieces) <= seen:
                    continue
                seen = len(pieces)
                new = _said([*others, *((name, p) for p in pieces)], memo, spread)
                gain = sum(w - said.get(t, 0.0) for t, w in new.items() if w > said.get(t, 0.0))
                cost = sum(cell_len(t) for t, _ in pieces) - sum(cell_len(t) for t, _ in shown[name])
                value = gain / max(1, cost)
                if value > best_value:
                    best, best_value, best_rows = name, value, len(pieces) - len(shown[name])
        if best is None:
            break
        given[best] += best_rows
        left -= best_rows
    return given


def fit(briefing: Briefing, size: tuple[int, int] = (100, 30)) -> list[Row]:
    """The briefing as at most `rows` rows of at most `cols` cells, each with the lines it shows."""
    cols, rows = size
    renderers = _renderers(briefing, cols)
    gutter = _gutter(cols)
    available = {name: most for name, (_, most) in renderers.items() if most}
    # a section's minimum is whole lines: three key facts, the three leading players, one line of
    # each other section, however many rows they take
    def least(name: str, want: int) -> int:
        if name == "facts":
            return _rows_for(renderers[name][0], want, rows)
        if name == "players":
            return _rows_for(renderers[name][0], min(PRINCIPALS, len(briefing.players)), LINE_ROWS)
        return _rows_for(renderers[name][0], want, min(rows, LINE_ROWS)) if name in LINED else want

    minimum = [(name, least(name, want)) for name, want in ESSENTIAL]
    essential = allocate(available, rows, minimum + [(name, available[name]) for name in FIXED if name in available])
    given = _by_coverage(renderers, essential, rows, briefing.spread)
    out: list[Row] = []
    for name in ORDER:
        if not given.get(name):
            continue
        render, _ = renderers[name]
        body = render(given[name])
        if name == "title":
            out.extend(Row(clip(text, cols), name, lines) for text, lines in body)
            continue
        label = LABELS[name]
        for i, (text, lines) in enumerate(body):
            prefix = (label if i == 0 else "").ljust(gutter)[:gutter] if gutter else ""
            if not gutter and i == 0:
                text = clip(f"{label}: {text}", cols)
            out.append(Row(clip((prefix + text).rstrip(), cols), name, lines))
    return out[:rows]


def fit_text(briefing: Briefing, size: tuple[int, int] = (100, 30)) -> str:
    """The briefing as at most `rows` lines of at most `cols` cells."""
    return "\n".join(row.text for row in fit(briefing, size))
