"""Export the briefing: Markdown (CommonMark) and the one-screen text, written atomically.

Article text is data: every character CommonMark could read as syntax is escaped, so a
sentence can never become a link, an HTML block, an emphasis run or a heading.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from .model import Analysis, Briefing, Line

LANGUAGES = {
    "en": "English", "de": "German", "hu": "Hungarian", "vi": "Vietnamese", "fr": "French", "es": "Spanish",
    "it": "Italian", "pt": "Portuguese", "nl": "Dutch", "pl": "Polish", "ru": "Russian", "uk": "Ukrainian",
    "ja": "Japanese", "ko": "Korean", "zh": "Chinese", "ar": "Arabic", "tr": "Turkish", "cs": "Czech",
    "sv": "Swedish", "da": "Danish", "fi": "Finnish", "el": "Greek", "ro": "Romanian", "id": "Indonesian",
}
SECTIONS = [
    ("Bottom line", "bottom_line"),
    ("Key facts", "key_facts"),
    ("Players", "players"),
    ("Numbers", "numbers"),
    ("Timeline", "timeline"),
    ("Where sources differ", "differences"),
    ("Coverage", "coverage"),
]
# Marks that open inline syntax anywhere (links, images, HTML, entities, emphasis, code).
_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&#])")
# Marks that open block syntax at the start of a line (lists, quotes, breaks, headings).
_LEADING = re.compile(r"^(\d{1,9})([.)])|^([-+=>])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """Inline text safe in CommonMark: one line, control characters removed, syntax escaped."""
    text = " ".join(_CONTROL.sub(" ", text).split())
    text = _SPECIAL.sub(r"\\\1", text)
    return _LEADING.sub(lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else f"\\{m.group(3)}", text)


def language(code: str) -> str:
    name = LANGUAGES.get(code)
    return f"{name} ({code})" if name else code


def _cites(line: Line) -> str:
    notes = sorted({c.note for c in line.citations if c.note})
    marks = "".join(f"\\[{n}\\]" for n in notes)
    agree = f" ({line.agree} sources agree)" if line.agree > 1 else ""
    return f" {marks}{agree}" if marks else agree


def markdown(briefing: Briefing, analysis: Analysis) -> str:
    """The full briefing as CommonMark, with numbered source notes."""
    out = ["# Executive briefing", ""]
    if briefing.focus:
        out += [f"Focus: {escape(', '.join(briefing.focus))}", ""]
    for title, field in SECTIONS:
        lines = getattr(briefing, field)
        out += [f"## {title}", ""]
        if not lines:
            out += ["Nothing found in the sources.", ""]
            continue
        if field == "bottom_line":
            out += [" ".join(escape(l.text) + _cites(l) for l in lines), ""]
            continue
        out += [f"- {escape(l.text)}{_cites(l)}" for l in lines] + [""]
    out += ["## Sources", ""]
    views = analysis.views
    for s in briefing.sources:
        view = views.get(s.article_id)
        model = f" ({escape(view.model)})" if view and view.model and view.model != s.provenance.label else ""
        date = s.date.isoformat() if s.date else "date unknown"
        out.append(
            f"{s.note}. {escape(s.title)}: file {escape(s.source)}, {escape(language(s.lang))}, "
            f"{escape(s.provenance.label)}{model}, {escape(date)}"
        )
    return "\n".join(out).rstrip() + "\n"


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file in the same folder and rename it over `path`.

    Why: a crash or a full disk mid-write leaves the old file whole, never half a briefing.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False, newline="\n"
    )
    temp = Path(handle.name)
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
