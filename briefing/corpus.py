"""Loading a corpus: files and folders of articles into `Article`s.

An article file is text (.txt, .md), a saved web page (.html, .htm) or a feed
(.xml, .rss, .atom, .json: every entry an article); `briefing.web` reads the
last two. A page's metadata (title, author, date, canonical URL) comes before
what cleaning guesses from the text.

Loading never imports spaCy or Argos. A parsed article is cached by content
hash, so reopening a corpus skips language identification and date parsing.
Nothing is skipped without a word: every file or folder left out (unreadable,
not a regular file, a symlink loop) is one line in `LoadResult.problems`, its
name made safe for display by `briefing.sanitize.path`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import os
import re
import sys
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import cleaning, langid, sanitize, scripts, sentences, textfile
from .errors import UserError
from .model import Article, Progress, Removed, Sentence, no_progress
from .store import Cache, source_version
from .web import Document
from .web import read as web

TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = TEXT_SUFFIXES + web.SUFFIXES  # the article types: the one place a new reader hooks in
STAGE = "article"
DECLARED_OVER = 0.9  # below this confidence, a page's declared language overrides identification
WEB_STAGE = "web"  # Documents extracted from one page or feed file, keyed by a hash of its bytes
STDIN_SOURCE = "<stdin>"  # Article.source of an article read from standard input (`-`)
TITLE_WORDS = 25  # a first paragraph this short, with no final period, is a headline
TITLE_CHARS = 200  # or this many characters (a CJK line has no spaces to count words by)
STORY_CHARS = 4000  # of the story a headline is compared with: its first paragraphs
LEAD_LINES = 6  # short lines a saved page may open with before its story: skip links, sections, the headline


@dataclass
class LoadResult:
    articles: list[Article]
    problems: list[str] = field(default_factory=list)  # one line each: "path: what is wrong"
    cancelled: bool = False  # `cancel` was set: `articles` holds what was loaded by then


def is_sidecar(path: Path) -> bool:
    """`NAME.en.txt` beside `NAME.txt` (or `NAME.html`) is a provided translation, not an article."""
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return False
    stem = path.name[: -len(path.suffix)]
    if not stem.lower().endswith(".en"):
        return False
    base = stem[:-3]
    return any((path.with_name(base + suffix)).exists() for suffix in SUFFIXES)


def discover(paths: Iterable[str | Path], problems: list[str] | None = None) -> list[Path]:
    """The article files under `paths`, in a stable order; UserError when none.

    `-` stands for standard input. What a folder holds but cannot be read is one
    line each in `problems` (when given).
    """
    problems = problems if problems is not None else []
    found: list[Path] = []
    for given in paths:
        if str(given) == textfile.STDIN:
            found.append(Path(textfile.STDIN))
            continue
        path = Path(given).expanduser()
        if path == Path(textfile.STDIN):
            path = path.absolute()  # "./-" is a file named "-", not standard input
        if not path.exists():
            raise UserError(
                f"{sanitize.path(given)}: no such file or folder; give article files (.txt, .md, .html, feeds) or a folder of them"
            )
        if path.is_dir():
            files = [p for p in _walk(path, problems) if not is_sidecar(p)]
            if not files:
                raise UserError(f"{sanitize.path(given)}: this folder holds no articles (.txt, .md, .html, .xml feeds)")
            found.extend(files)
        elif not is_sidecar(path):  # a shell glob brings in translations too: they go with their article
            found.append(path)
    if not found:
        raise UserError("only provided translations (NAME.en.txt) were given; give the articles they translate")
    return list(dict.fromkeys(found))


def _walk(root: Path, problems: list[str]) -> list[Path]:
    """Article files under `root`, sorted; hidden names skipped, symlinked folders followed once."""
    files: list[Path] = []
    try:
        info = root.stat()
    except OSError as error:
        raise UserError(f"{sanitize.path(root)}: folder cannot be read ({error.strerror or error})") from None
    seen = {(info.st_dev, info.st_ino)}  # folders read: a link back to one would loop or repeat
    todo: list[Path] = [root]
    links: list[tuple[Path, tuple[int, int]]] = []  # linked folders come last, so a real folder is read by its own name
    while todo or links:
        if not todo:
            path, key = links.pop(0)
            if key in seen:
                problems.append(f"{sanitize.path(path)}: a symlink to a folder already read; not followed (it would loop or repeat)")
                continue
            seen.add(key)
            todo.append(path)
        folder = todo.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as error:
            if folder == root:
                raise UserError(f"{sanitize.path(root)}: folder cannot be read ({error.strerror or error})") from None
            problems.append(f"{sanitize.path(folder)}: folder cannot be read ({error.strerror or error}); skipped")
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            article = path.suffix.lower() in SUFFIXES
            try:
                info = entry.stat()  # follows symlinks
            except OSError as error:
                if article or entry.is_symlink():
                    problems.append(f"{sanitize.path(path)}: cannot be read ({error.strerror or error}); skipped")
                continue
            if entry.is_dir():
                key = (info.st_dev, info.st_ino)
                if entry.is_symlink():
                    links.append((path, key))
                elif key not in seen:
                    seen.add(key)
                    todo.append(path)
            elif article:
                what = textfile.kind(info.st_mode)
                if what:
                    problems.append(f"{sanitize.path(path)}: is {what}, not a regular file; skipped")
                else:
                    files.append(path)
    return sorted(files)


def default_paths() -> tuple[list[Path] | None, str]:
    """What to open when no path is given: the fetched library if it holds articles, else the seeds."""
    from .paths import library_dir

    library = library_dir()
    try:
        if library.is_dir() and discover([library]):
            return [library], f"library ({sanitize.path(library)})"
    except (UserError, OSError):
        pass
    return None, "sample corpus"


def seed_paths() -> list[Path]:
    folder = resources.files("briefing.seeds")
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(TEXT_SUFFIXES))


def content_id(text: str, document: Document | None = None) -> str:
    """The article's id: its text's hash (and, for a page or entry, its metadata's, which parse reads)."""
    if document is not None:
        text = "\x00".join((text, document.title or "", document.url or "", str(document.date), document.byline or ""))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _is_short_line(paragraph: str) -> bool:
    return len(paragraph.split()) <= TITLE_WORDS and len(paragraph) <= TITLE_CHARS and not paragraph.endswith((".", "!", "?", "。"))


HEADLINE_WORDS = 4  # skip links and section names are shorter: "Jump to content", "News / Asia"
HEADLINE_CJK = 8  # characters, for scripts written without spaces: "跳转到内容" is five


_CJK_CHAR = re.compile(f"[{scripts.CJK}]")
_CJK_RUN = re.compile(f"[{scripts.CJK}]+")


def _reads_as_headline(line: str) -> bool:
    return len(line.split()) >= HEADLINE_WORDS or len(_CJK_CHAR.findall(line)) >= HEADLINE_CJK


def _terms(text: str) -> set[str]:
    """Words of four letters or more, and pairs of CJK characters: what a headline shares with its story."""
    lower = text.lower()
    words = {w for w in re.findall(r"[^\W\d_]{4,}", lower) if not _CJK_CHAR.match(w)}
    return words | {run[i : i + 2] for run in _CJK_RUN.findall(lower) for i in range(len(run) - 1)}


def _title(paragraphs: Sequence[str], first_sentence: str, marked: bool = False) -> tuple[str, bool]:
    """The headline: a Markdown file's opening heading (`marked`); else, of the short lines a
    page opens with (skip links, a section's name, the headline), the one sharing the most
    words with the story below it; else the first sentence."""
    if marked and len(paragraphs) > 1 and _is_short_line(paragraphs[0]):
        return paragraphs[0], True
    leading = []
    for paragraph in paragraphs[:LEAD_LINES]:
        if not _is_short_line(paragraph):
            break
        leading.append(paragraph)
    if leading and len(paragraphs) > len(leading):
        story = _terms(" ".join(paragraphs[len(leading) :])[:STORY_CHARS])

        def shared(line: str) -> tuple[int, float]:  # most words in common, then the largest share of its own
            terms = _terms(line)
            return len(terms & story), len(terms & story) / len(terms) if terms else 0.0

        best = max(leading, key=shared)  # the first of equals
        if shared(best)[0] == 0:  # none shares a word: the first that reads as a headline, not "Accessibility links"
            best = next((line for line in leading if _reads_as_headline(line)), "")
        if best:
            return best, best is paragraphs[0]
        # only skip links and section names above the story: its first sentence
        first_sentence = re.split(r"(?<=[.!?])\s|(?<=[。！？])", paragraphs[len(leading)], maxsplit=1)[0]
    if len(first_sentence) <= 100:
        return first_sentence, False
    cut = first_sentence[:100].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…", False


def parse(
    text: str, source: str, encoding: str = "utf-8", stripped: Sequence[str] = (), document: Document | None = None
) -> Article:
    """An Article from decoded, sanitised text (and the metadata of the page or entry it came from)."""
    lang, probability = langid.detect(text)  # once: page furniture is too short to sway a paragraph-length sample
    if document is not None and document.lang and lang != document.lang and probability < DECLARED_OVER:
        lang = document.lang  # a short entry is a poor sample; the page's own declaration is better then
    cleaned = cleaning.clean(text, lang, markdown=source.lower().endswith(".md"))
    if not cleaned.paragraphs:
        raise UserError("holds no body text once adverts, bylines and datelines are set aside")
    body = "\n\n".join(cleaned.paragraphs)
    spans = sentences.split(body, lang)
    starts = [0]
    for paragraph in cleaned.paragraphs[:-1]:
        starts.append(starts[-1] + len(paragraph) + 2)
    sents = []
    for index, (start, end) in enumerate(spans):
        held_by = bisect.bisect_right(starts, start) - 1  # the paragraph the sentence starts in
        sents.append(Sentence(index, held_by, start, end, body[start:end]))
    opening = next((line for line in text.splitlines() if line.strip()), "")
    marked = source.lower().endswith(".md") and re.match(r"\s{0,3}#{1,6}\s", opening) is not None
    title, headline = _title(cleaned.paragraphs, sents[0].text, marked)
    removed = cleaned.removed + tuple(Removed("control", 0, s) for s in stripped)
    date, byline = cleaned.date, cleaned.byline
    url = outlet = None
    part = ""
    if document is not None:
        if document.title:
            title, headline = document.title, cleaned.paragraphs[0] == document.title
        date, byline = document.date or date, document.byline or byline
        url, outlet, part = document.url, document.outlet, document.part
        removed = tuple(Removed("furniture", 0, line) for line in document.removed) + removed
    return Article(
        id=content_id(text, document),
        source=source,
        title=title,
        lang=lang,
        paragraphs=cleaned.paragraphs,
        sentences=tuple(sents),
        headline=headline,
        byline=byline,
        date=date,
        date_text=cleaned.date_text,
        removed=removed,
        encoding=encoding,
        url=url,
        outlet=outlet,
        part=part,
    )


# -- cache (de)serialisation: plain JSON, the dataclasses rebuilt on the way out --


def _to_json(article: Article) -> dict:
    return {
        "title": article.title,
        "lang": article.lang,
        "paragraphs": list(article.paragraphs),
        "sentences": [[s.paragraph, s.start, s.end] for s in article.sentences],
        "headline": article.headline,
        "byline": article.byline,
        "date": article.date.isoformat() if article.date else None,
        "date_text": article.date_text,
        "removed": [[r.kind, r.line, r.text] for r in article.removed],
        "url": article.url,
        "outlet": article.outlet,
        "part": article.part,
    }


def _from_json(data: dict, article_id: str, source: str, encoding: str) -> Article:
    body = "\n\n".join(data["paragraphs"])
    return Article(
        id=article_id,
        source=source,
        title=data["title"],
        lang=data["lang"],
        paragraphs=tuple(data["paragraphs"]),
        sentences=tuple(Sentence(i, p, s, e, body[s:e]) for i, (p, s, e) in enumerate(data["sentences"])),
        headline=data["headline"],
        byline=data["byline"],
        date=dt.date.fromisoformat(data["date"]) if data["date"] else None,
        date_text=data["date_text"],
        removed=tuple(Removed(*r) for r in data["removed"]),
        encoding=encoding,
        url=data.get("url"),
        outlet=data.get("outlet"),
        part=data.get("part", ""),
    )


def _shown(path: Path) -> str:
    return "standard input" if str(path) == textfile.STDIN else sanitize.path(path)


def _source(path: Path) -> str:
    return STDIN_SOURCE if str(path) == textfile.STDIN else str(path)


def load(
    paths: Iterable[str | Path] | None = None,
    cache: Cache | None = None,
    progress: Progress = no_progress,
    cancel: threading.Event | None = None,
) -> LoadResult:
    """Load articles; a bad file becomes a problem line, never a lost corpus.

    If `cancel` is set, stops before the next file and returns what was loaded,
    with `cancelled` true (no UserError for an empty result then).
    """
    result = LoadResult([])
    files = discover(paths, result.problems) if paths else seed_paths()
    read: list[tuple[Path, str, textfile.TextFile, Document | None]] = []  # file, source, text, page metadata
    pages = _WebReader(cache)
    for path in files:
        if cancel is not None and cancel.is_set():
            result.cancelled = True
            return result
        try:
            if web.is_web(path):
                read.extend((path, source, tf, doc) for source, tf, doc in pages.read(path, result.problems))
            else:
                read.append((path, _source(path), textfile.read(path), None))
        except UserError as error:
            result.problems.append(f"{_shown(path)}: {error}")
    ids = [content_id(tf.text, doc) for _, _, tf, doc in read]
    version = source_version(cleaning, langid, sentences, textfile, sys.modules[__name__]) if cache else ""
    cached = cache.get_many(STAGE, version, ids) if cache else {}
    fresh: dict[str, dict] = {}
    seen: set[str] = set()
    for done, ((path, source, tf, doc), article_id) in enumerate(zip(read, ids, strict=True), start=1):
        if cancel is not None and cancel.is_set():
            result.cancelled = True
            break
        progress("load", done, len(read))
        shown = _shown(path) + (doc.part if doc else "")
        if article_id in seen:
            result.problems.append(f"{shown}: same text as an article already loaded; skipped")
            continue
        seen.add(article_id)
        try:
            if article_id in cached:
                article = _from_json(cached[article_id], article_id, source, tf.encoding)
            else:
                article = parse(tf.text, source, tf.encoding, tf.stripped, doc)
                fresh[article_id] = _to_json(article)
        except UserError as error:
            result.problems.append(f"{shown}: {error}")
            continue
        result.articles.append(article)
    result.articles = _pages_over_entries(result.articles)
    if cache and fresh:
        cache.put_many(STAGE, version, fresh)  # also when cancelled: what was parsed is kept
    if not result.articles and not result.cancelled:
        first = result.problems[0] if result.problems else "nothing to read"
        raise UserError(f"no article could be loaded: {first}")
    return result


class _WebReader:
    """Pages and feeds into (source, text, Document); extraction cached by the file's bytes."""

    def __init__(self, cache: Cache | None) -> None:
        self.cache = cache
        self.version = source_version(*web.MODULES) if cache else ""
        self.fetched: dict[Path, dict[str, str]] = {}  # folder -> file name -> URL it was fetched from

    def read(self, path: Path, problems: list[str]) -> list[tuple[str, textfile.TextFile, Document]]:
        data = textfile.read_bytes(path, web.MAX_BYTES)
        key = hashlib.sha256(data).hexdigest()[:32]
        hit = self.cache.get_many(WEB_STAGE, self.version, [key]).get(key) if self.cache else None
        if hit is not None:
            documents, notes = [web.from_json(d) for d in hit["documents"]], hit["notes"]
        else:
            if path.parent not in self.fetched:
                self.fetched[path.parent] = web.urls_by_file(path.parent)
            documents, notes = web.documents(path, data, self.fetched[path.parent].get(path.name))
            if self.cache:
                self.cache.put_many(WEB_STAGE, self.version, {key: {
                    "documents": [web.to_json(d) for d in documents], "notes": notes}})
        problems.extend(f"{_shown(path)}: {note}" for note in notes)
        kind = "web page" if len(documents) == 1 and not documents[0].part else "feed"
        out = []
        for document in documents:
            text, stripped = sanitize.text(document.text)
            if text.strip():
                out.append((str(path) + document.part, textfile.TextFile(text, kind, stripped), document))
        return out


def _pages_over_entries(articles: list[Article]) -> list[Article]:
    """A feed entry whose page is loaded too is the page: the entry is its summary."""
    pages = {a.url for a in articles if a.url and not a.part}
    return [a for a in articles if not (a.part and a.url in pages)]


def load_seeds(cache: Cache | None = None) -> list[Article]:
    return load(None, cache).articles
