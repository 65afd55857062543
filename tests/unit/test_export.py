"""Markdown export: golden files on the seeds, CommonMark structure, escaping, atomic writes."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefing import corpus
from briefing.brief import build, fit_text
from briefing.brief.fit import safe as fit_safe
from briefing.export import escape, markdown, write_atomic
from briefing.model import Analysis
from briefing.views import original_view
from facts import seed_analysis

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
UPDATE = os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1"  # regenerate after an intended change


def _check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden file {name} was missing and has been written; check it and re-run")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; BRIEFING_UPDATE_GOLDEN=1 if intended"


@pytest.mark.parametrize("provided", [False, True], ids=["english-only", "provided"])
def test_golden_exports(provided):
    analysis = seed_analysis(provided)
    b = build(analysis)
    suffix = "provided" if provided else "english-only"
    folder = str(Path(analysis.articles[0].source).parent)  # a temporary folder: not part of the golden
    _check_golden(f"seeds-{suffix}.md", markdown(b, analysis).replace(escape(folder), "SEEDS"))
    _check_golden(f"seeds-{suffix}-100x30.txt", fit_text(b, (100, 30)) + "\n")


@pytest.mark.parametrize("provided", [False, True], ids=["english-only", "provided"])
def test_the_export_tells_no_sentence_twice(provided):
    """The screen may show more key facts than later sections took as said (SAID_FACTS); the
    export, showing every section in full, tells each of those sentences once."""
    analysis = seed_analysis(provided)
    b = build(analysis)
    sections = {part.split("\n", 1)[0]: part for part in markdown(b, analysis).split("\n## ")}
    later = "".join(sections[name] for name in ("Numbers", "Timeline", "Where sources differ"))
    facts = [re.sub(r"^- (\d{1,2} \w{3} \d{4}: )?", "", row).split(" \\[")[0]
             for row in sections["Key facts"].splitlines() if row.startswith("- ")]
    assert len(b.key_facts) > 8  # more than later sections took as said
    assert facts and [f for f in facts if f in later] == []


def _blocks(tokens):
    return [(t.type, t.tag) for t in tokens if t.level == 0 and t.nesting != -1]


def test_markdown_parses_into_the_expected_structure():
    analysis = seed_analysis(True)
    md = markdown(build(analysis), analysis)
    tokens = MarkdownIt("commonmark").parse(md)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Executive briefing", "Bottom line", "Key facts", "Players", "Numbers", "Timeline",
        "Where sources differ", "Who said what", "Coverage", "Sources",
    ]
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1"] + ["h2"] * 9
    ordered = [t for t in tokens if t.type == "ordered_list_open"]
    assert len(ordered) == 1  # the numbered source notes
    notes = [t for t in tokens if t.type == "list_item_open" and t.info]
    assert [n.info for n in notes] == ["1", "2", "3", "4", "5"]
    inline = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [c for c in inline if c.type in ("link_open", "image", "html_inline", "code_inline", "em_open")]
    assert not [t for t in tokens if t.type == "html_block"]
    html = MarkdownIt("commonmark").render(md)
    assert "provided translation" in html and "Hungarian (hu)" in html and "[2]" in html


HOSTILE = """# Hostile headline with [a link](http://evil.example) and <b>html</b>

<script>alert(1)</script> Samsung met OpenAI in Seoul on Tuesday, the sources said, ![img](x.png) and *stars*.

1. Not a list. > not a quote. &amp; entity. `code` and [ref]: http://evil.example

# Another heading inside the body, with Samsung and OpenAI in Seoul again on Tuesday.
"""


def test_article_text_cannot_inject_markdown(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    articles = corpus.load([path]).articles
    analysis = Analysis(tuple(articles), {a.id: original_view(a) for a in articles})
    md = markdown(build(analysis), analysis)
    tokens = MarkdownIt("commonmark").parse(md)
    inline = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert not [c for c in inline if c.type in ("link_open", "image", "html_inline", "code_inline", "em_open")]
    assert not [t for t in tokens if t.type in ("html_block", "blockquote_open", "code_block", "fence")]
    assert len([t for t in tokens if t.type == "heading_open"]) == 10  # ours only, none from the text
    assert "<script>" not in MarkdownIt("commonmark").render(md)


def test_write_atomic_replaces_only_on_success(tmp_path):
    target = tmp_path / "brief.md"
    write_atomic(target, "first\n")
    assert target.read_text() == "first\n"
    write_atomic(target, "second\n")
    assert target.read_text() == "second\n"
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "half written \ud800 never lands")  # fails mid-write
    assert target.read_text() == "second\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]  # no temp file left


def test_write_atomic_keeps_the_file_mode(tmp_path):
    target = tmp_path / "brief.md"
    target.write_text("old")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640


URLS = (
    "Samsung met OpenAI in Seoul, see https://evil.com/path?q=1 and http://phish.io, "
    "www.evil.com, ftp://files.example.org/x, mail boss@evil.com or openai.com for more."
)


def _links(md: str) -> list[object]:
    gfm = MarkdownIt("gfm-like")  # markdown-it's GFM preset: linkify on, fuzzy links too
    tokens = gfm.parse(md)
    return [c.attrGet("href") for t in tokens if t.type == "inline" for c in t.children or [] if c.type == "link_open"]


def test_bare_urls_do_not_become_links_in_gfm():
    assert _links(URLS)  # the check sees them when they are not escaped
    md = escape(URLS)
    assert _links(md) == []
    rendered = MarkdownIt("gfm-like").render(md)
    assert "https://evil.com/path?q=1" in rendered and "boss@evil.com" in rendered  # reads as written
    assert "www.evil.com" in rendered and "openai.com" in rendered


def test_urls_in_article_text_do_not_become_links_in_the_export(tmp_path):
    path = tmp_path / "urls.txt"
    title = "Samsung and OpenAI at https://evil.com/x, www.evil.com and boss@evil.com"  # a headline: in the sources
    path.write_text(f"{title}\n\n{URLS}\n\nSamsung and OpenAI met again in Seoul on Tuesday.\n", encoding="utf-8")
    articles = corpus.load([path]).articles
    analysis = Analysis(tuple(articles), {a.id: original_view(a) for a in articles})
    md = markdown(build(analysis), analysis)
    assert "evil" in md and _links(md) == []


def test_zero_width_and_control_characters_do_not_reach_the_export():
    text = "Sam\u200bsung\u2060 met Open\ufeffAI\u00ad \u202eevil\u202c \x1b]52;c;SGVsbG8=\x07in Seoul"
    for shown in (escape(text), fit_safe(text)):
        assert not any(ch in shown for ch in "\u200b\u2060\ufeff\u00ad\u202e\u202c\x1b\x07"), repr(shown)
        assert "SGVsbG8" not in shown
