"""Export the briefing: Markdown (CommonMark) and the one-screen text, and writing it out.

Article text is data: every character CommonMark could read as syntax is escaped, so a
sentence can never become a link, an HTML block, an emphasis run or a heading; bare URLs,
`www.` names and e-mail addresses are broken up so GitHub-flavoured autolinks do not fire.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from . import sanitize
from .errors import UserError
from .model import Analysis, Article, Briefing, Line

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
    ("Who said what", "quotes"),
    ("Coverage", "coverage"),
]
# Marks that open inline syntax anywhere (links, images, HTML, entities, emphasis, code).
_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&#])")
# Marks that open block syntax at the start of a line (lists, quotes, breaks, headings).
_LEADING = re.compile(r"^(\d{1,9})([.)])|^([-+=>])")
# What GFM's extended autolinks key on: "://", a dot before a letter (www.x.com, x.com) and
# "@" inside a word (e-mail). A backslash escape splits the run, renders as nothing, and
# leaves the text as it reads.
_AUTOLINK = re.compile(r"(?<=:)//|(?<=[^\W_])([.@])(?=[^\W\d_])")


def _unlink(match: re.Match[str]) -> str:
    return r"\/\/" if match.group(0) == "//" else "\\" + match.group(1)


def escape(text: str) -> str:
    """Inline text safe in CommonMark and GFM: one line, unsafe characters removed, syntax escaped."""
    text = _SPECIAL.sub(r"\\\1", sanitize.line(text))
    text = _AUTOLINK.sub(_unlink, text)
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
    later = {line.citations[0] for line in (*briefing.numbers, *briefing.timeline, *briefing.differences) if line.citations}
    for title, field in SECTIONS:
        lines = getattr(briefing, field)
        if field == "key_facts":  # the screen shows a key fact or a later line telling it; here both are shown
            lines = [line for line in lines if not line.citations or line.citations[0] not in later]
        out += [f"## {title}", ""]
        if not lines:
            out += ["Nothing found in the sources.", ""]
            continue
        if field == "bottom_line":
            out += [" ".join(escape(line.text) + _cites(line) for line in lines), ""]
            continue
        out += [f"- {escape(line.text)}{_cites(line)}" for line in lines] + [""]
    out += ["## Sources", ""]
    views = analysis.views
    articles = {a.id: a for a in analysis.articles}
    copies = _Copies(analysis, articles)
    for s in briefing.sources:
        view = views.get(s.article_id)
        model = f" ({escape(view.model)})" if view and view.model and view.model != s.provenance.label else ""
        date = s.date.isoformat() if s.date else "date unknown"
        article = articles.get(s.article_id)
        where = _where(article) if article else f"file {escape(s.source)}"
        out.append(
            f"{s.note}. {escape(s.title)}: {where}, {escape(language(s.lang))}, "
            f"{escape(s.provenance.label)}{model}, {escape(date)}{copies.of(s.article_id)}"
        )
    return "\n".join(out).rstrip() + "\n"


def _where(article: Article) -> str:
    """The outlet and a link to the article when it came from the web, else its file."""
    link = link_target(article.url) if article.url else None
    outlet = f"{escape(article.outlet)}, " if article.outlet else ""
    return f"{outlet}<{link}>" if link else f"{outlet}file {escape(article.source)}"


class _Copies:
    """Every other outlet that ran the same wire story (they count as one source), for each
    source: each group found by a dict and each outlet's name written once, not once per copy
    per source (a story in hundreds of outlets lists hundreds of names for each of them)."""

    def __init__(self, analysis: Analysis, articles: dict[str, Article]) -> None:
        self.group_of: dict[str, tuple[str, ...]] = {}
        for group in analysis.copies:
            for member in group:
                self.group_of.setdefault(member, group)  # the first group holding it, as a scan would find
        self.articles = articles
        self.names: dict[str, str] = {}

    def name(self, article: Article) -> str:
        found = self.names.get(article.id)
        if found is None:
            link = link_target(article.url)
            found = f"{escape(article.outlet or article.title)} <{link}>" if link else escape(article.outlet or article.title)
            self.names[article.id] = found
        return found

    def of(self, article_id: str) -> str:
        group = self.group_of.get(article_id, ())
        others = [self.articles[i] for i in group if i != article_id and i in self.articles]
        if not others:
            return ""
        return "; the same wire story also ran in: " + "; ".join(self.name(a) for a in others)


def link_target(url: str | None) -> str | None:
    """A URL safe inside a CommonMark autolink (`<...>`): http(s) only, nothing that ends or breaks it."""
    return sanitize.url(url)


def cited(article: Article, sentence: str) -> str:
    """A sentence as a user pastes it elsewhere: quoted, with where it comes from."""
    where = ", ".join(x for x in (article.outlet, article.date.isoformat() if article.date else None) if x)
    origin = sanitize.url(article.url) or article.source_shown
    title = sanitize.line(article.title)
    return f"“{sanitize.line(sentence)}” ({title}{', ' + sanitize.line(where) if where else ''}; {origin})"


# -- writing -------------------------------------------------------------------------------
# Temporary names stay short: a 255-byte output name must not fail on its temporary file.
_TEMP_PREFIX, _TEMP_SUFFIX = ".briefing-", ".tmp"


def write(path: Path | str, text: str, protect: Iterable[Path | str] = ()) -> None:
    """Write `text` to `path` without ever replacing a node that is not a regular file.

    A regular file (or a new name) is written atomically; a symlink's target is written
    atomically and the link stays a link; a device, FIFO or this process's standard
    output or error is written directly. `protect` names files (the input articles and
    their translations) that must not be overwritten: UserError. OSError on failure.
    """
    path = Path(path)
    info = check_target(path, protect)
    if info is not None:
        stream = _own_stream(info)
        if stream is not None:
            stream.write(text)
            stream.flush()
            return
        if not stat.S_ISREG(info.st_mode):
            with open(path, "w", encoding="utf-8", newline="\n") as handle:  # a device or FIFO: never replaced
                handle.write(text)
            return
    write_atomic(Path(os.path.realpath(path)) if path.is_symlink() else path, text)


def check_target(path: Path | str, protect: Iterable[Path | str] = ()) -> os.stat_result | None:
    """What `path` leads to (None if nothing yet); UserError for a folder, a disk or a protected file."""
    path = Path(path)
    try:
        info = os.stat(path)  # follows links: what the name leads to
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(info.st_mode):
        raise UserError(f"{sanitize.path(path)} is a folder: give a file name, e.g. {sanitize.path(path / 'briefing.md')}")
    if stat.S_ISBLK(info.st_mode):  # a disk: a briefing written onto it would destroy it
        raise UserError(f"{sanitize.path(path)} is a disk (block device): give a file name")
    if _is_one_of(info, protect):
        raise UserError(f"{sanitize.path(path)} is one of the articles being briefed (or its translation): choose another output file")
    return info


def _is_one_of(info: os.stat_result, paths: Iterable[Path | str]) -> bool:
    for other in paths:
        try:
            found = os.stat(other)
        except OSError:
            continue
        if _same(found, info):
            return True
    return False


def _own_stream(info: os.stat_result) -> TextIO | None:
    """sys.stdout or sys.stderr when `info` is the node behind it (`-o /dev/stdout`)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None and _same(os.fstat(stream.fileno()), info):
                return stream
        except (OSError, ValueError, AttributeError):  # closed, or not a real file
            continue
    return None


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def write_atomic(path: Path, text: str) -> None:
    """Write a regular file through a temporary file in the same folder, renamed over `path`.

    Why: a crash or a full disk mid-write leaves the old file whole, never half a briefing.
    The mode of an existing file is kept.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed by the `with` below; kept for the rename)
        "w", encoding="utf-8", dir=folder, prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, delete=False, newline="\n"
    )
    temp = Path(handle.name)
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
