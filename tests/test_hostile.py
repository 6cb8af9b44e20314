"""Hostile input: a misbehaving server on 127.0.0.1, and files that are not what they claim to be.

Each fault gives one clear line naming the source, and the run goes on.
"""

from __future__ import annotations

import http.server
import threading
import time
import tracemalloc
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.config import FetchOptions, Source
from digest.errors import DigestError, ExtractError, FetchError
from digest.ingest.extract import extract_article
from digest.ingest.fetch import Fetcher
from digest.ingest.sources import read_sources
from digest.model import RawPage

from .conftest import FIXTURES

ARTICLE = (FIXTURES / "pages" / "minimal.html").read_bytes()


def _gzip(chunks: Iterator[bytes] | list[bytes]) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return b"".join([*(packer.compress(c) for c in chunks), packer.flush()])


BOMB = _gzip(b"\0" * 1_000_000 for _ in range(200))  # 200 MB of zeros in ~200 KB
BOMB_IN_A_BOMB = _gzip([BOMB])  # Content-Encoding: gzip, gzip


class Hostile(http.server.BaseHTTPRequestHandler):
    hits: Counter[str]
    port: int

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        route = getattr(
            self,
            "route_" + self.path.strip("/").split("?")[0].replace("-", "_").replace(".", "_"),
            None,
        )
        if route is None:
            self.send_error(404)
        else:
            route()

    def reply(self, status: int, body: bytes = b"", **headers: str) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def route_robots_txt(self) -> None:
        self.reply(200, b"User-agent: *\nDisallow: /secret\n")

    def route_article(self) -> None:
        self.reply(200, ARTICLE, Content_Type="text/html")

    def route_slow(
        self,
    ) -> None:  # one byte at a time: bounded to 40 bytes, stops when the client leaves
        self.send_response(200)
        self.send_header("Content-Length", "40")
        self.end_headers()
        for _ in range(40):
            try:
                self.wfile.write(b"x")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.1)

    def route_slow_headers(
        self,
    ) -> None:  # the status line, then a header a byte at a time: bounded to 10 s
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for _ in range(100):
            try:
                self.wfile.write(b"X")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.1)

    def route_bomb(self) -> None:
        self.reply(200, BOMB, Content_Type="text/html", Content_Encoding="gzip")

    def route_bomb_in_a_bomb(self) -> None:
        self.reply(200, BOMB_IN_A_BOMB, Content_Type="text/html", Content_Encoding="gzip, gzip")

    def route_error(self) -> None:
        self.reply(500, b"oops")

    def route_busy(self) -> None:  # 429 with Retry-After the first time, then the page
        if self.hits[self.path] == 1:
            self.reply(429, b"", Retry_After="1")
        else:
            self.route_article()

    def route_gone(self) -> None:
        self.reply(410, b"gone")

    def route_loop(self) -> None:
        self.reply(302, b"", Location=f"http://127.0.0.1:{self.port}/loop")

    def route_big(self) -> None:
        self.reply(200, b"<p>" + b"a" * 300_000 + b"</p>")

    def route_broken_feed(self) -> None:
        self.reply(
            200,
            b"<?xml version='1.0'?><rss><channel><item><link>http://127.0.0.1/a</link",
            Content_Type="application/xml",
        )

    def route_huge_sitemap(self) -> None:
        urls = "".join(
            f"<url><loc>http://127.0.0.1:{self.port}/p{i}</loc></url>" for i in range(100_000)
        )
        body = (
            '<?xml version="1.0"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        )
        self.reply(200, body.encode(), Content_Type="application/xml")

    def route_secret(self) -> None:
        self.reply(200, ARTICLE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def hostile() -> Iterator[tuple[str, Counter[str]]]:
    hits: Counter[str] = Counter()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.RequestHandlerClass = type(
        "H", (Hostile,), {"hits": hits, "port": server.server_address[1]}
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def fetcher(tmp_path: Path, **changes: object) -> Fetcher:
    base = dict(
        delay=0.0,
        timeout=0.5,
        retries=0,
        cache_dir=str(tmp_path / "c"),
        allow_private=True,
        max_links=50,
    )
    return Fetcher(FetchOptions(**{**base, **changes}))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/slow", "server too slow: response not complete in 2 s (fetch.timeout)"),
        ("/slow-headers", "server too slow: response not complete in 2 s (fetch.timeout)"),
        ("/error", "HTTP 500 (after 1 retries) server error: try again later"),
        ("/gone", "HTTP 410 gone: remove it from your sources"),
        ("/loop", "too many redirects (more than 5)"),
        ("/big", "response larger than 100,000 bytes (fetch.max_bytes); skipped"),
        ("/secret", "disallowed by robots.txt; remove it from your sources"),
        ("/nowhere", "HTTP 404 not found: check the URL"),
    ],
)
def test_network_faults_give_one_line(tmp_path: Path, hostile, path: str, message: str) -> None:
    base, _ = hostile
    with pytest.raises(FetchError) as info:
        fetcher(tmp_path, retries=1, max_bytes=100_000).get(base + path)
    assert str(info.value).startswith(f"{base}{path}: {message}")
    assert "\n" not in str(info.value)


def test_headers_sent_a_byte_at_a_time_do_not_hold_the_run(tmp_path: Path, hostile) -> None:
    """Each attempt is cut off after 3 x fetch.timeout, retries included: not held for minutes."""
    base, hits = hostile
    start = time.monotonic()
    with pytest.raises(FetchError, match="server too slow"):
        fetcher(tmp_path, retries=2).get(base + "/slow-headers")
    assert (
        time.monotonic() - start < 3 * 1.5 + 3
    )  # three attempts of 1.5 s, and the backoff between them
    assert hits["/slow-headers"] == 1  # after the cut-off no attempt is started again


@pytest.mark.parametrize("path", ["/bomb", "/bomb-in-a-bomb"])
def test_decompression_bombs_are_cut_off_in_little_memory(
    tmp_path: Path, hostile, path: str
) -> None:
    base, _ = hostile
    tracemalloc.start()
    try:
        with pytest.raises(
            FetchError, match=r"response larger than 1,000,000 bytes \(fetch.max_bytes\)"
        ):
            fetcher(tmp_path, max_bytes=1_000_000, timeout=5).get(base + path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000, f"{peak:,} bytes to refuse a 200 MB bomb"


@pytest.mark.parametrize(
    "host", ["127.1", "0x7f000001", "2130706433", "[::ffff:127.0.0.1]", "127.000.000.001"]
)
def test_loopback_in_any_spelling_is_refused(tmp_path: Path, hostile, host: str) -> None:
    """The address is checked after connecting (trafilatura's pool), on every hop: not the URL's
    spelling."""
    base, hits = hostile
    port = base.rsplit(":", 1)[1]
    url = f"http://{host}:{port}/article"
    with pytest.raises(FetchError, match="refused to connect to a private or loopback address"):
        fetcher(tmp_path, allow_private=False).get(url)
    assert hits["/article"] == 0


def test_a_url_list_pointing_at_loopback_names_each_url_and_goes_on(
    tmp_path: Path, hostile
) -> None:
    base, hits = hostile
    port = base.rsplit(":", 1)[1]
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "".join(
            f"http://{h}:{port}/article\n" for h in ("127.1", "0x7f000001", "[::1]", "localhost.")
        )
    )
    errors: list[object] = []
    pages = list(
        read_sources(
            [Source("urls", str(urls))],
            fetcher(tmp_path, allow_private=False),
            errors.append,
            10**7,
        )
    )
    assert pages == [] and hits["/article"] == 0
    # the IPv4 spellings reach the server's address and are refused there; [::1] and "localhost."
    # (which may resolve to ::1 or not at all) find no server: either way nothing is fetched and
    # each URL gets its line
    assert [("private or loopback" in str(e)) for e in errors][:2] == [True, True]
    assert len(errors) == 4 and all(port in str(e) and "\n" not in str(e) for e in errors)


def test_retries_with_backoff_then_gives_up(tmp_path: Path, hostile) -> None:
    base, hits = hostile
    with pytest.raises(FetchError):
        fetcher(tmp_path, retries=2).get(base + "/error")
    assert hits["/error"] == 3


def test_retry_after_is_honoured(tmp_path: Path, hostile) -> None:
    base, hits = hostile
    start = time.monotonic()
    assert fetcher(tmp_path, retries=2).get(base + "/busy").content == ARTICLE
    assert hits["/busy"] == 2 and time.monotonic() - start >= 1.0


def test_connection_refused_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"^http://127.0.0.1:9/x: connection failed"):
        fetcher(tmp_path).get("http://127.0.0.1:9/x")


def test_feed_and_sitemap_faults_do_not_stop_the_run(tmp_path: Path, hostile) -> None:
    base, hits = hostile
    errors: list[str] = []
    sources = [
        Source("feed", base + "/broken-feed"),
        Source("sitemap", base + "/huge-sitemap"),
        Source("url", base + "/article"),
        Source("url", base + "/article"),  # the same URL twice is read once
    ]
    pages = list(
        read_sources(
            sources, fetcher(tmp_path, max_links=3, max_bytes=10_000_000), errors.append, 10**7
        )
    )
    # the broken feed yields its one parseable link (a dead one), the sitemap is cut to max_links
    assert [p.source for p in pages].count(base + "/article") == 1
    assert hits["/article"] == 1
    sitemap_pages = [e for e in map(str, errors) if "/p" in e]
    assert len(sitemap_pages) == 3  # /p0../p2 requested (404), no more
    assert all("\n" not in str(e) for e in errors)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"<html>" + b"<div>" * 200_000 + b"deep" + b"</div>" * 200_000 + b"</html>",
            "no article text found",
        ),
        (b"\x00\x01\x02binary", "binary content"),
        (b"GIF89a\x01\x00", "binary content"),
        (b"", "the file is empty"),
        (b"<html><body><script>alert(1)</script></body></html>", "no article text found"),
    ],
    ids=["200k-nested-tags", "nul-bytes", "image", "empty", "script-only"],
)
def test_hostile_files(content: bytes, message: str) -> None:
    with pytest.raises(ExtractError, match=message):
        extract_article(RawPage("bad.html", content))


def test_declared_latin1_page() -> None:
    body = (
        "<p>" + "Le café du port a rouvert ses portes mardi, a déclaré le maire, après deux ans de "
        "travaux. " * 8 + "</p>"
    )
    html = (
        '<html lang="fr"><head><meta charset="iso-8859-1"><title>Café rouvert</title></head>'
        f"<body><article>{body}</article></body></html>"
    )
    article = extract_article(RawPage("latin1.html", html.encode("latin-1")))
    assert (
        article.title == "Café rouvert" and "déclaré" in article.text and article.language == "fr"
    )


def test_errors_are_digest_errors() -> None:
    assert issubclass(FetchError, DigestError) and issubclass(ExtractError, DigestError)


def test_non_english_page_is_skipped_and_said_so(tmp_path: Path) -> None:
    from digest.analysis.page import analyze_page
    from digest.config import Config, parse_config

    body = (
        "<p>" + "Le café du port a rouvert ses portes mardi, a déclaré le maire, après deux ans de "
        "travaux. " * 8 + "</p>"
    )
    page = RawPage("fr.html", f"<html><body><article>{body}</article></body></html>".encode())
    with pytest.raises(
        ExtractError, match=r"^fr.html: written in 'fr', not in analysis.languages \(en\): skipped"
    ):
        analyze_page(page, Config())
    anything = parse_config({"analysis": {"languages": []}})
    assert analyze_page(page, anything).articles[0].language == "fr"


BASE = (
    "The council met on Tuesday and said it would decide in March 2026, the mayor told reporters. "
    * 4
)
BLOW_UPS = {  # 20,000 to 50,000 characters each; before the bounds, the slowest took 28 to 180 s
    "straight-quotes": '"' * 20_000,
    "curly-quotes": "“" * 10_000 + "”" * 10_000,
    "apostrophes": "'" * 20_000,
    "commas": "," * 50_000,
    "digits": "1" * 50_000,
    "years": "in 2019, 2020, " * 3_000,
    "weekdays": "on Tuesday " * 5_000,
    "attributions": '"We will," he said, ' * 3_000,
    "unclosed-quote": '"' + "word " * 20_000,
}
BLOW_UP_SECONDS = (
    30  # a guard against super-linear blow-ups (each takes 0.1-3 s here), not a speed target
)


@pytest.mark.parametrize("payload", BLOW_UPS.values(), ids=BLOW_UPS.keys())
def test_long_runs_of_quote_marks_digits_and_dates_stay_linear(payload: str) -> None:
    import signal

    from digest.analysis.page import analyze_page
    from digest.config import Config

    page = RawPage(
        "long.txt", f"Council meets\n{BASE}\n\n{payload}.\n\n{BASE}".encode(), kind="text"
    )
    analyze_page(
        RawPage("warm.txt", f"Warm up\n{BASE}".encode(), kind="text"), Config()
    )  # the model, once

    def too_slow(*_: object) -> None:
        raise TimeoutError(f"analysis took over {BLOW_UP_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(BLOW_UP_SECONDS)
    try:
        briefing = analyze_page(page, Config())
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert (
        briefing.articles[0].text.count("Tuesday") >= 8
    )  # the article around the payload is still read


def test_an_article_too_long_for_news_is_skipped_with_its_reason() -> None:
    from digest.ingest.extract import MAX_TEXT

    page = RawPage(
        "book.txt",
        ("Chapter one\n" + "A sentence of a very long book. " * (MAX_TEXT // 20)).encode(),
        kind="text",
    )
    with pytest.raises(
        ExtractError, match=r"^book.txt: article text longer than 200,000 characters"
    ):
        extract_article(page)


def test_direction_overrides_are_removed_from_every_field() -> None:
    text = (
        "Council \u202egnp.exe\u202c vote\n"
        + "The council voted on Tuesday, \u2067its leader said\u2069. " * 12
    )
    article = extract_article(RawPage("bidi.txt", text.encode(), kind="text"))
    assert article.title == "Council gnp.exe vote"
    assert not any(
        c in article.text for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    )
