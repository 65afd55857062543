"""The Markdown export's source notes for articles from the web: outlet, a safe link, wire copies."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from briefing import corpus, dedupe
from briefing.brief import build
from briefing.export import link_target, markdown
from briefing.model import Analysis
from briefing.views import original_view

PAGE = """<html lang="en"><head><title>{title}</title><link rel="canonical" href="{url}">
<meta property="og:site_name" content="{site}"></head><body><article><h1>{title}</h1>
<p>The central bank raised its main interest rate by half a percentage point on Thursday, its third increase this year,
saying inflation remained far above its target and that further rises could follow.</p>
<p>The decision was expected by most economists surveyed before the meeting. The governor told reporters that price
growth in services was the main concern and that wage settlements had been higher than forecast.</p>
<p>Markets reacted calmly, with the currency little changed against the dollar in afternoon trading.</p>
</article></body></html>"""


def _analysis(tmp_path: Path, pages: list[tuple[str, str, str]]) -> Analysis:
    for n, (title, url, site) in enumerate(pages):
        (tmp_path / f"p{n}.html").write_text(PAGE.format(title=title, url=url, site=site), encoding="utf-8")
    articles = corpus.load([tmp_path]).articles
    groups = tuple(dedupe.groups([(a.id, a.text) for a in articles]))
    return Analysis(tuple(articles), {a.id: original_view(a) for a in articles}, copies=groups)


def test_source_notes_carry_outlet_link_and_every_outlet_that_ran_the_wire_story(tmp_path: Path) -> None:
    analysis = _analysis(tmp_path, [
        ("Bank lifts rates", "https://one.example/rates", "One Daily"),
        ("Rates up again", "https://two.example/news/rates", "Two Times"),
    ])
    assert len(analysis.copies) == 1
    md = markdown(build(analysis), analysis)
    notes = md.split("## Sources", 1)[1]
    assert "One Daily, <https://one.example/rates>" in notes
    assert "the same wire story also ran in: Two Times <https://two.example/news/rates>" in notes
    links = [c.attrs["href"] for t in MarkdownIt("commonmark").parse(notes) if t.type == "inline"
             for c in t.children or [] if c.type == "link_open"]
    assert set(links) == {"https://one.example/rates", "https://two.example/news/rates"}


def test_a_hostile_url_is_never_a_link() -> None:
    for url in ("javascript:alert(1)", "https://a.example/x> <script>", "https://a.example/\x1b[2J", "file:///etc/passwd", None):
        assert link_target(url) is None
    assert link_target("https://a.example/ok?q=1") == "https://a.example/ok?q=1"
