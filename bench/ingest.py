"""Benchmark: reading saved web pages and feeds.

    .venv/bin/python bench/ingest.py

Pages: a few hundred pages built from the seeds and the development corpora, each
wrapped in realistic page furniture (navigation, inline scripts and styles, a
figure with caption and credit, related links, cookie banner, footer). Prints
pages per second of our path (`briefing.web.page.extract`: trafilatura plus the
furniture diff and metadata) against `trafilatura.extract` alone on the same
pages, as a ratio taken in one run. Feeds: a 1,000-entry RSS file read cold
(feedparser) and through the corpus cache.
"""

from __future__ import annotations

import html
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FURNITURE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}"><meta name="author" content="Staff {n}">
<meta property="article:published_time" content="2024-0{m}-1{d}T08:00:00Z"><link rel="canonical" href="https://{host}/news/{n}">
<style>body{{font:16px/1.5 serif}} .nav a{{margin:0 4px}} {css}</style>
<script>window.dataLayer=[];function track(e){{dataLayer.push(e)}} {js}</script></head><body>
<div class="cookie">We use cookies to improve your experience. <button>Accept</button> <button>Settings</button></div>
<header><a href="/"><img src="/logo.svg" alt="{site}"></a><nav class="nav">{nav}</nav>
<form><input name="q" placeholder="Search"></form></header><main><article>
<h1>{title}</h1><p class="byline">By Staff {n} · {d} min read</p><div class="share">Share · Tweet · Email</div>
{body}
<figure><img src="/img/{n}.jpg"><figcaption>{caption} Photo: Agency/{site}</figcaption></figure>
</article><aside><h3>Related</h3><ul>{related}</ul></aside></main>
<footer><p>© 2024 {site}. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
<script>track({{page:{n}}}); {js}</script></body></html>"""


def articles() -> list[tuple[str, str]]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "bench" / "corpora").glob("*/*.txt"))
    out = []
    for path in files:
        if path.name.endswith((".en.txt",)):
            continue
        out.append((path.stem, path.read_text("utf-8", "replace")))
    return out


def pages(count: int = 300, seed: int = 11) -> list[bytes]:
    rng = random.Random(seed)
    base = articles()
    sections = ["World", "Politics", "Business", "Technology", "Science", "Sport", "Culture", "Opinion", "Video"]
    out = []
    for n in range(count):
        _, text = base[n % len(base)]
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        title = html.escape(paragraphs[0][:90])
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
        out.append(FURNITURE.format(
            lang="en", title=title, site=f"Outlet {n % 17}", host=f"outlet{n % 17}.example", n=n,
            m=1 + n % 9, d=n % 10, css=" ".join(f".c{i}{{margin:{i}px}}" for i in range(rng.randint(50, 300))),
            js=" ".join(f"var v{i}={i};" for i in range(rng.randint(100, 600))),
            nav=" ".join(f'<a href="/{s.lower()}">{s}</a>' for s in sections),
            caption=html.escape(paragraphs[-1][:60]),
            related="".join(f'<li><a href="/r/{n}/{i}">{html.escape(rng.choice(base)[1][:70])}</a></li>' for i in range(6)),
            body=body,
        ).encode("utf-8"))
    return out


def feed(entries: int = 1000) -> bytes:
    base = articles()
    items = []
    for i in range(entries):
        text = base[i % len(base)][1]
        summary = html.escape("".join(f"<p>{p}</p>" for p in text.split("\n\n")[:3]))
        items.append(f"<item><title>Entry {i}</title><link>https://ex.example/{i}</link>"
                     f"<pubDate>Tue, 05 Mar 2024 09:{i % 60:02d}:00 GMT</pubDate><description>{summary}</description></item>")
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>{"".join(items)}</channel></rss>'.encode()


def main() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from isolation import isolated_home

    home = isolated_home("briefing-bench-")
    from trafilatura import extract

    from briefing.web import feed as feeds
    from briefing.web import page

    built = pages()
    mb = sum(map(len, built)) / 1e6
    page.extract(built[0]), extract(built[0])  # warm imports
    start = time.perf_counter()
    for data in built:
        extract(data)
    alone = time.perf_counter() - start
    start = time.perf_counter()
    for data in built:
        extract(data, with_metadata=True)
    with_metadata = time.perf_counter() - start
    start = time.perf_counter()
    for data in built:
        page.extract(data)
    ours = time.perf_counter() - start
    print(f"pages: {len(built)} ({mb:.1f} MB)")
    print(f"  trafilatura.extract alone : {len(built) / alone:7.1f} pages/s")
    print(f"  trafilatura.extract, with metadata : {len(built) / with_metadata:7.1f} pages/s")
    print(f"  briefing.web.page.extract : {len(built) / ours:7.1f} pages/s  "
          f"(time ours / alone {ours / alone:.2f}x, ours / with metadata {ours / with_metadata:.2f}x)")

    data = feed()
    start = time.perf_counter()
    documents, _ = feeds.parse(data)
    cold = time.perf_counter() - start
    print(f"feed: {len(documents)} entries ({len(data) / 1e6:.1f} MB): parse cold {cold * 1000:.0f} ms")
    try:
        from briefing import corpus
        from briefing.store import Cache
    except ImportError:
        return
    folder = home / "feed"
    folder.mkdir()
    (folder / "big.xml").write_bytes(data)
    with Cache() as cache:
        start = time.perf_counter()
        first = corpus.load([folder], cache)
        load_cold = time.perf_counter() - start
        start = time.perf_counter()
        corpus.load([folder], cache)
        load_cached = time.perf_counter() - start
    print(f"  corpus.load of the feed : cold {load_cold:.2f} s, cached {load_cached:.2f} s "
          f"({len(first.articles)} articles; cached / cold {load_cached / load_cold:.1%})")


if __name__ == "__main__":
    main()
