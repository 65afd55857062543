"""Saved pages and feed files into Documents: real trafilatura, feedparser and defusedxml."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from briefing import dedupe
from briefing.errors import UserError
from briefing.web import feed, page

ARTICLE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}"><title>{title} | Новости</title>
<meta name="author" content="Иван Петров"><meta property="article:published_time" content="2024-03-05T09:30:00+03:00">
<link rel="canonical" href="https://example.org/news/1"><meta property="og:site_name" content="Example News"></head>
<body><nav><a href="/">Главная</a> | <a href="/world">В мире</a></nav>
<article><h1>{title}</h1>
<p>Сильное землетрясение магнитудой 6,1 произошло во вторник утром в прибрежном городе, повредив десятки зданий.</p>
<figure><img src="a.jpg"><figcaption>Разрушенный дом в центре города. Фото: Reuters</figcaption></figure>
<p>Спасатели всю ночь искали людей под завалами, сообщили местные власти.</p>
<p>По данным министерства, погибли 12 человек, более 200 получили ранения.</p></article>
<aside>Читайте также: <a href="/b">Наводнение на юге</a></aside><footer>© 2024 Example News</footer></body></html>"""


def _page(charset: str = "utf-8", lang: str = "ru", title: str = "Землетрясение в прибрежном городе") -> bytes:
    return ARTICLE.format(charset=charset, lang=lang, title=title).encode(charset)


def test_a_page_gives_text_metadata_and_what_was_set_aside() -> None:
    doc = page.extract(_page())
    assert doc.title == "Землетрясение в прибрежном городе"
    assert doc.byline == "Иван Петров" and doc.date == dt.date(2024, 3, 5)
    assert doc.url == "https://example.org/news/1" and doc.lang == "ru" and doc.outlet == "Example News"
    assert "погибли 12 человек" in doc.text and "Главная" not in doc.text
    removed = " / ".join(doc.removed)
    assert "Главная" in removed and "Фото: Reuters" in removed and "© 2024 Example News" in removed


@pytest.mark.parametrize("charset", ["koi8-r", "windows-1251"])
def test_a_legacy_charset_declared_only_in_a_meta_tag_is_honoured(charset: str) -> None:
    doc = page.extract(_page(charset))
    assert "Спасатели всю ночь" in doc.text


def test_a_shift_jis_page_declared_in_meta() -> None:
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'></head><body><article>"
            "<p>東京で震度５強の地震があり、気象庁は津波の心配はないと発表しました。けが人の情報は入っていません。</p>"
            "<p>鉄道各社は安全確認のため一時運転を見合わせましたが、午後には再開しました。</p></article></body></html>")
    doc = page.extract(html.encode("shift_jis"))
    assert "気象庁" in doc.text


def test_malformed_and_truncated_html_still_gives_its_text() -> None:
    truncated = _page()[: _page().index("По данным".encode())]
    doc = page.extract(truncated + b"<p>unclosed <b>tags <i>everywhere")
    assert "Спасатели всю ночь" in doc.text


@pytest.mark.parametrize("html", [b"", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", b"\x00\x01\x02"])
def test_a_page_without_main_text_is_one_clear_error(html: bytes) -> None:
    with pytest.raises(UserError, match=r"^(holds no main text|is not a readable HTML page)"):
        page.extract(html)


def test_escape_sequences_and_markup_in_a_page_never_come_out_raw() -> None:
    html = _page().replace("Спасатели".encode(), "\x1b]52;c;SGVsbG8=\x07\x1b[2J[bold]Спасатели[/bold]".encode())
    doc = page.extract(html)
    assert "\x1b" not in doc.text and "\x07" not in doc.text and "[bold]Спасатели" in doc.text


RSS = b"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>
<item><title>Quake hits city</title><link>https://ex.org/a</link><pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
<author>desk@ex.org (Ann Lee)</author>
<description>&lt;p&gt;A strong earthquake struck on Tuesday.&lt;/p&gt;&lt;p&gt;Dozens were hurt.&lt;/p&gt;</description></item>
<item><title>No body</title></item></channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>Atom one</title><link href="https://ex.org/atom1"/><updated>2024-03-06T00:00:00Z</updated>
<content type="html">&lt;p&gt;Atom body text.&lt;/p&gt;</content></entry></feed>"""
RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://ex.org/"><title>R</title></channel>
<item rdf:about="https://ex.org/r1"><title>RSS one</title><link>https://ex.org/r1</link>
<description>RDF body text.</description></item></rdf:RDF>"""
RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>
<item><title>Old one</title><link>https://ex.org/o1</link><description>Old body text.</description></item></channel></rss>"""
JSON = (b'{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://ex.org/j",'
        b'"title":"Hello","content_html":"<p>JSON body text.</p>","date_published":"2024-03-05T10:00:00Z","authors":[{"name":"Bo"}]}]}')


@pytest.mark.parametrize(("data", "title", "body"), [
    (RSS, "Quake hits city", "Dozens were hurt."), (ATOM, "Atom one", "Atom body text."),
    (RDF, "RSS one", "RDF body text."), (RSS091, "Old one", "Old body text."), (JSON, "Hello", "JSON body text."),
])
def test_each_feed_format_gives_entries(data: bytes, title: str, body: str) -> None:
    assert feed.is_feed(data)
    documents, _ = feed.parse(data)
    first = documents[0]
    assert first.title == title and body in first.text and first.url and first.url.startswith("https://ex.org/")
    assert first.part == "#1"


def test_an_rss_entry_keeps_date_author_and_an_entry_without_text_is_counted() -> None:
    documents, problems = feed.parse(RSS)
    assert documents[0].date == dt.date(2024, 3, 5) and "Ann Lee" in (documents[0].byline or "")
    assert problems == ["1 entry has no text; skipped"]


def test_billion_laughs_and_external_entities_are_refused_before_parsing() -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">' + b"".join(
        f'<!ENTITY a{i} "{("&a" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode() for i in range(1, 10)
    ) + b']><rss version="2.0"><channel><item><title>&a9;</title><description>x</description></item></channel></rss>'
    external = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&x;</title><description>y</description></item></channel></rss>'
    for data in (laughs, external):
        started = time.monotonic()
        with pytest.raises(UserError, match="declares XML entities or external references"):
            feed.parse(data)
        assert time.monotonic() - started < 1


def test_a_feed_of_ten_thousand_entries_is_bounded_and_says_so() -> None:
    items = "".join(f"<item><title>E{i}</title><link>https://ex.org/{i}</link><description>Body {i} text.</description></item>"
                    for i in range(10_000))
    documents, problems = feed.parse(f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode())
    assert len(documents) == feed.MAX_ENTRIES and problems == [f"holds 10,000 entries; the first {feed.MAX_ENTRIES:,} were read"]


@pytest.mark.parametrize("data", [b'{"version": "1"}', b"{not json", b'{"version":"https://jsonfeed.org/version/1","items":[]}'])
def test_bad_json_feeds_are_one_line(data: bytes) -> None:
    with pytest.raises(UserError):
        feed.parse(data)


WIRE = ("The central bank raised its main interest rate by half a percentage point on Thursday, its third increase this "
        "year, saying inflation remained far above its target and that further rises could follow. The decision was "
        "expected by most economists surveyed before the meeting. The bank's governor told reporters that price growth "
        "in services was the main concern and that wage settlements had been higher than forecast. Markets reacted "
        "calmly, with the currency little changed against the dollar in afternoon trading.")


def test_copies_of_one_wire_story_are_grouped_and_independent_reports_are_not() -> None:
    texts = [
        ("a", "Bank lifts rates again\n\n" + WIRE),
        ("b", "Rates up for third time\n\n" + WIRE[: int(len(WIRE) * 0.75)]),  # trimmed copy, own headline
        ("c", "Inflation fight goes on\n\n" + WIRE + " Analysts at two banks expect another rise in June."),
        ("e", "Third rise for rates\n\n" + WIRE.replace("Thursday", "yesterday").replace("Markets reacted calmly",
              "Some lenders moved at once to raise mortgage rates. Markets reacted calmly").replace("economists", "City economists")),
        ("d", "The central bank on Thursday increased borrowing costs for a third time in 2024. Governors cited "
              "stubborn inflation in services and strong pay deals. Economists had largely predicted the move, and "
              "the currency barely moved in the hours after the announcement, traders said."),
    ]
    assert dedupe.groups(texts) == [("a", "b", "c", "e")]
    assert dedupe.source_of(dedupe.groups(texts)) == {"a": "a", "b": "a", "c": "a", "e": "a"}
