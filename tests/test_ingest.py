"""Sources → raw pages: files, globs, URL lists, feeds and sitemaps (served on 127.0.0.1)."""

from __future__ import annotations

from pathlib import Path

from digest.config import FetchOptions, Source
from digest.errors import DigestError
from digest.ingest.fetch import Fetcher
from digest.ingest.sources import read_sources, source_from_argument

from .conftest import FIXTURES

MINIMAL = FIXTURES / "pages" / "minimal.html"


def run(
    sources: list[Source], tmp_path: Path, max_bytes: int = 5_000_000
) -> tuple[list, list[str]]:
    errors: list[str] = []
    fetcher = Fetcher(
        FetchOptions(delay=0, retries=0, cache_dir=str(tmp_path / "cache"), allow_private=True)
    )
    pages = list(read_sources(sources, fetcher, lambda e: errors.append(str(e)), max_bytes))
    return pages, errors


def serve_articles(www: Path, names: list[str]) -> None:
    (www / "news").mkdir()
    for name in names:
        (www / "news" / name).write_bytes(MINIMAL.read_bytes())


def test_rss_feed_links_in_feed_order(tmp_path: Path, http_site) -> None:
    base, www, _log = http_site
    serve_articles(www, ["b.html", "a.html"])
    (www / "feed.xml").write_text(
        f"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>{base}/</link>
        <item><title>B</title><link>{base}/news/b.html</link></item>
        <item><title>A</title><link>/news/a.html</link></item>
        <item><title>no link</title></item>
        <item><title>B again</title><link>{base}/news/b.html</link></item>
        </channel></rss>"""
    )
    pages, errors = run([Source("feed", f"{base}/feed.xml")], tmp_path)
    assert [p.source for p in pages] == [f"{base}/news/b.html", f"{base}/news/a.html"]
    assert errors == []
    assert pages[0].content == MINIMAL.read_bytes() and pages[0].kind == "html"


def test_atom_feed(tmp_path: Path, http_site) -> None:
    base, www, _ = http_site
    serve_articles(www, ["a.html"])
    (www / "atom.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        f"""<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
        <link rel="self" href="{base}/atom.xml"/>
        <entry><title>A</title><link href="{base}/news/a.html"/></entry></feed>"""
    )
    pages, errors = run([Source("feed", f"{base}/atom.xml")], tmp_path)
    assert [p.source for p in pages] == [f"{base}/news/a.html"] and errors == []


def test_sitemap_index_followed(tmp_path: Path, http_site) -> None:
    base, www, _ = http_site
    serve_articles(www, ["a.html", "b.html"])
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    (www / "sitemap.xml").write_text(
        f'<?xml version="1.0"?><sitemapindex {ns}><sitemap>'
        f"<loc>{base}/news-sitemap.xml</loc></sitemap></sitemapindex>"
    )
    (www / "news-sitemap.xml").write_text(
        f'<?xml version="1.0"?><urlset {ns}><url><loc>{base}/news/a.html</loc></url>'
        f"<url><loc>{base}/news/b.html</loc></url></urlset>"
    )
    pages, errors = run([Source("sitemap", f"{base}/sitemap.xml")], tmp_path)
    assert [p.source for p in pages] == [
        f"{base}/news/a.html",
        f"{base}/news/b.html",
    ] and errors == []


def test_feed_that_is_not_a_feed(tmp_path: Path, http_site) -> None:
    base, www, _ = http_site
    (www / "page.html").write_text("<html><body>hello</body></html>")
    pages, errors = run([Source("feed", f"{base}/page.html")], tmp_path)
    assert pages == []
    assert errors == [
        f"{base}/page.html: no article links found: is this an RSS, Atom or JSON feed?"
    ]


def test_url_list_file_and_dead_link_goes_on(tmp_path: Path, http_site) -> None:
    base, www, _ = http_site
    serve_articles(www, ["a.html"])
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# my list\n{base}/news/missing.html\n\n{base}/news/a.html\n")
    pages, errors = run([Source("urls", str(listing))], tmp_path)
    assert [p.source for p in pages] == [f"{base}/news/a.html"]
    assert errors == [f"{base}/news/missing.html: HTTP 404 not found: check the URL"]


def test_files_globs_and_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>a</p>")
    (tmp_path / "b.txt").write_text("Title\n\nBody")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    big = tmp_path / "big.htm"
    big.write_bytes(b"x" * 2000)
    pages, errors = run(
        [
            Source("files", str(tmp_path / "*.txt")),
            Source("files", str(tmp_path / "a.html")),
            Source("files", str(tmp_path / "a.html")),  # the same file twice is read once
            Source("files", str(tmp_path / "c.pdf")),
            Source("files", str(big)),
            Source("files", str(tmp_path / "nothing-*.html")),
            Source("files", str(tmp_path / "absent.html")),
        ],
        tmp_path,
        max_bytes=1000,
    )
    assert [(Path(p.source).name, p.kind) for p in pages] == [("b.txt", "text"), ("a.html", "html")]
    assert errors == [
        f"{tmp_path / 'c.pdf'}: unsupported file type '.pdf'; "
        "give .html, .htm, .txt files (or .gz of them)",
        f"{big}: file is 2,000 bytes, over the 1,000-byte limit (fetch.max_bytes)",
        f"{tmp_path / 'nothing-*.html'}: no file matches this pattern; check the path in sources",
        f"{tmp_path / 'absent.html'}: file not found; check the path",
    ]


def test_command_line_sources() -> None:
    assert source_from_argument("https://x.example/a.html") == Source(
        "url", "https://x.example/a.html"
    )
    assert source_from_argument("saved/*.html") == Source("files", "saved/*.html")


def test_errors_are_digest_errors_with_the_source(tmp_path: Path) -> None:
    caught: list[DigestError] = []
    list(read_sources([Source("files", str(tmp_path / "x.html"))], None, caught.append, 100))
    assert caught[0].source == str(tmp_path / "x.html")


def test_gzipped_pages_and_gzip_bombs(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "a.html.gz").write_bytes(gzip.compress(b"<p>hello</p>"))
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(b"x" * 100_000))
    (tmp_path / "bad.txt.gz").write_bytes(b"not gzip")
    pages, errors = run([Source("files", str(tmp_path / "*.gz"))], tmp_path, max_bytes=1000)
    assert [(Path(p.source).name, p.content, p.kind) for p in pages] == [
        ("a.html.gz", b"<p>hello</p>", "html")
    ]
    assert errors[0].startswith(f"{tmp_path / 'bad.txt.gz'}: not a valid gzip file")
    assert (
        errors[1] == f"{tmp_path / 'bomb.html.gz'}: "
        "decompresses to over the 1,000-byte limit (fetch.max_bytes)"
    )
