"""`briefing fetch` against a real HTTP server on loopback; no other network is reached."""

from __future__ import annotations

import _thread
import http.server
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from briefing.web import fetch as fetching

PAGE = b"""<!DOCTYPE html><html lang="en"><head><title>Quake | Example News</title>
<link rel="canonical" href="https://example.org/quake"></head><body><nav>Home | World</nav>
<article><h1>Strong quake hits coastal city</h1><p>A magnitude 6.1 earthquake struck the coastal city on Tuesday morning,
damaging dozens of buildings, officials said.</p><p>Rescue teams searched collapsed homes through the night.</p></article>
</body></html>"""


def _feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>Story {i}</title><link>{base}/page{i}</link><description>Summary of story {i} for readers.</description></item>"
        for i in range(3)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'.encode()


class Handler(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[dict[str, int]] = {}
    user_agents: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, code: int, body: bytes, kind: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        Handler.hits[self.path] = Handler.hits.get(self.path, 0) + 1
        Handler.user_agents.append(self.headers.get("User-Agent", ""))
        base = f"http://127.0.0.1:{self.server.server_address[1]!s}"  # type: ignore[index]  # an AF_INET (host, port)
        if self.path == "/page":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            self._send(200, PAGE, ETag='"v1"')
        elif self.path == "/dated":
            if self.headers.get("If-Modified-Since") == "Tue, 05 Mar 2024 09:30:00 GMT":
                self.send_response(304)
                self.end_headers()
                return
            self._send(200, PAGE, Last_Modified="Tue, 05 Mar 2024 09:30:00 GMT")
        elif self.path.startswith("/page"):
            self._send(200, PAGE.replace(b"coastal city", f"town {self.path[-1]}".encode()))
        elif self.path == "/feed":
            self._send(200, _feed(base), "application/rss+xml")
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop2")
            self.end_headers()
        elif self.path == "/loop2":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/x")
            self.end_headers()
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the bound must hold while reading
            for _ in range(64):
                self.wfile.write(b"x" * 65536)
        elif self.path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(50 * 2**20))
            self.end_headers()
        elif self.path == "/silent":
            time.sleep(3)
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>drip</p>" * 100)
                self.wfile.flush()
                time.sleep(0.05)
        elif self.path == "/pdf":
            self._send(200, b"%PDF-1.4", "application/pdf")
        elif self.path == "/notfeed":
            self._send(200, b"<?xml version='1.0'?><note>hi</note>", "application/xml")
        else:
            self._send(404, b"no")


@pytest.fixture
def server() -> Iterator[str]:
    Handler.hits.clear()
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


FAST = fetching.Limits(timeout=1.0, deadline=1.0, max_bytes=2**20)


def test_a_page_is_saved_as_fetched_and_fetched_again_conditionally(server: str, tmp_path: Path) -> None:
    first = fetching.fetch([f"{server}/page"], tmp_path, limits=FAST)
    assert first.failures == [] and len(first.saved) == 1
    assert first.saved[0].read_bytes() == PAGE and first.saved[0].suffix == ".html"
    second = fetching.fetch([f"{server}/page"], tmp_path, limits=FAST)
    assert second.saved == [] and second.unchanged == [f"{server}/page"]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [first.saved[0].name]
    assert all(ua.startswith("briefing/") for ua in Handler.user_agents)
    assert fetching.urls_by_file(tmp_path) == {first.saved[0].name: f"{server}/page"}


def test_last_modified_makes_the_second_fetch_conditional_too(server: str, tmp_path: Path) -> None:
    first = fetching.fetch([f"{server}/dated"], tmp_path, limits=FAST)
    assert len(first.saved) == 1
    second = fetching.fetch([f"{server}/dated"], tmp_path, limits=FAST)
    assert second.unchanged == [f"{server}/dated"] and Handler.hits["/dated"] == 2
    first.saved[0].unlink()  # the file is gone: fetch it whole again, not conditionally
    third = fetching.fetch([f"{server}/dated"], tmp_path, limits=FAST)
    assert third.saved == first.saved and first.saved[0].read_bytes() == PAGE


def test_a_feed_is_saved_and_follow_fetches_its_pages_within_the_limit(server: str, tmp_path: Path) -> None:
    result = fetching.fetch([f"{server}/feed"], tmp_path, follow=True, limit=2, limits=FAST)
    assert result.failures == []
    assert [p.suffix for p in result.saved] == [".xml", ".html", ".html"]
    assert Handler.hits.get("/page2") is None  # the limit held
    again = fetching.fetch([f"{server}/feed"], tmp_path, follow=True, limit=2, limits=FAST)
    assert len([p for p in tmp_path.iterdir() if not p.name.startswith(".")]) == 3  # never duplicated
    assert again.failures == []


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/loop", "redirect loop"),
        ("/ftp", "only http and https"),
        ("/huge", "over the 1 MB limit"),
        ("/huge-declared", "50.0 MB, over the 1 MB limit"),
        ("/silent", "no answer within 1 s"),
        ("/drip", "longer than 1 s in all"),
        ("/pdf", "application/pdf, not a web page or a feed"),
        ("/notfeed", "not an RSS, Atom or JSON feed"),
        ("/missing", "answered 404"),
    ],
)
def test_each_hostile_answer_is_one_line_and_saves_nothing(server: str, tmp_path: Path, path: str, message: str) -> None:
    good = fetching.fetch([f"{server}/page"], tmp_path, limits=FAST).saved[0]
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    started = time.monotonic()
    result = fetching.fetch([f"{server}{path}"], tmp_path, limits=FAST)
    assert time.monotonic() - started < 5
    assert len(result.failures) == 1 and message in result.failures[0] and "\n" not in result.failures[0]
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before and good.exists()


def test_other_schemes_are_refused_before_any_connection(tmp_path: Path, no_network: list[object]) -> None:
    result = fetching.fetch(["ftp://example.org/a", "file:///etc/passwd", "javascript:alert(1)"], tmp_path)
    assert len(result.failures) == 3 and all("only http:// and https://" in f for f in result.failures)
    assert no_network == []


def test_ctrl_c_mid_download_leaves_nothing_half_written(server: str, tmp_path: Path) -> None:
    fetching.fetch([f"{server}/page"], tmp_path, limits=FAST)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    # ctrl+c as a terminal sends it: a run started in the background (`make test &`) has
    # SIGINT ignored, and interrupt_main then does nothing
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        threading.Timer(0.3, _thread.interrupt_main).start()
        with pytest.raises(KeyboardInterrupt):
            fetching.fetch([f"{server}/drip"], tmp_path, limits=fetching.Limits(timeout=5, deadline=10))
    finally:
        signal.signal(signal.SIGINT, previous)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_fetch_then_export_briefs_from_the_saved_pages(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing import cli

    library = tmp_path / "library"
    assert cli.main(["fetch", f"{server}/feed", "--follow", "--limit", "3", "-d", str(library)]) == 0
    assert "4 saved, 0 unchanged, 0 failed" in capsys.readouterr().err
    assert cli.main(["export", str(library)]) == 0
    out = capsys.readouterr().out
    assert "town 0" in out and "town 2" in out  # the followed pages, not only the feed's summaries


def test_fetch_of_only_failures_exits_1_with_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_network: list[object]
) -> None:
    from briefing import cli

    assert cli.main(["fetch", "ftp://a", "gopher://b", "-d", str(tmp_path)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3 and lines[-1].startswith("briefing: 0 saved, 0 unchanged, 2 failed")


def test_no_path_opens_the_library_when_it_holds_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing import corpus

    monkeypatch.setenv("BRIEFING_LIBRARY_DIR", str(tmp_path / "lib"))
    assert corpus.default_paths() == (None, "sample corpus")  # missing
    (tmp_path / "lib").mkdir()
    assert corpus.default_paths() == (None, "sample corpus")  # empty
    (tmp_path / "lib" / "page.html").write_bytes(PAGE)
    paths, name = corpus.default_paths()
    assert paths == [tmp_path / "lib"] and name.startswith("library")
    loaded = corpus.load(paths)
    assert [a.url for a in loaded.articles] == ["https://example.org/quake"]
