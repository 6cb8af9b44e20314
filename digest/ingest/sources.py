"""Sources → raw pages: local files and globs, URLs, URL lists, RSS/Atom/JSON feeds and sitemaps.

Feed and sitemap parsing is trafilatura's; every request goes through the polite Fetcher. A source
that fails is reported to `on_error` and the rest go on.
"""

from __future__ import annotations

import glob
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from trafilatura.feeds import FeedParameters, find_links
from trafilatura.sitemaps import DETECT_SITEMAP_LINK, SitemapObject

from ..config import Source
from ..errors import DigestError, FetchError
from ..model import RawPage
from .fetch import Fetcher

PAGE_SUFFIXES = {".html": "html", ".htm": "html", ".txt": "text"}
MAX_SITEMAPS = 20  # nested sitemaps followed from one sitemap index
ErrorHandler = Callable[[DigestError], None]


def read_sources(
    sources: Iterable[Source], fetcher: Fetcher | None, on_error: ErrorHandler, max_bytes: int
) -> Iterator[RawPage]:
    """Yield one RawPage per file or article URL, each once, in the order the sources give them."""
    seen: set[str] = set()
    for source in sources:
        for location in _expand(source, fetcher, on_error, max_bytes):
            if location in seen:
                continue
            seen.add(location)
            try:
                yield _read_page(location, fetcher, max_bytes)
            except DigestError as err:
                on_error(err)


def source_from_argument(argument: str) -> Source:
    """A SOURCE given on the command line: a URL or a file (glob)."""
    return Source("url" if argument.startswith(("http://", "https://")) else "files", argument)


def _expand(
    source: Source, fetcher: Fetcher | None, on_error: ErrorHandler, max_bytes: int
) -> list[str]:
    try:
        if source.kind == "files":
            return _glob_files(source.value)
        if source.kind == "url":
            return [source.value]
        if source.kind == "urls":
            return _read_url_list(source.value)
        if fetcher is None:
            raise FetchError("network sources need a fetcher", source.value)
        if source.kind == "feed":
            return _feed_links(source.value, fetcher)
        if source.kind == "sitemap":
            return _sitemap_links(source.value, fetcher, on_error)
    except DigestError as err:
        on_error(err)
        return []
    raise ValueError(f"unknown source kind {source.kind!r}")


def _glob_files(pattern: str) -> list[str]:
    matches = sorted(glob.glob(pattern, recursive=True)) if glob.has_magic(pattern) else [pattern]
    if not matches:
        raise DigestError("no file matches this pattern; check the path in sources", pattern)
    return matches


def _read_url_list(path: str) -> list[str]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise DigestError(
            f"cannot read the URL list: {err.__class__.__name__}; check the path", path
        ) from err
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    bad = [u for u in urls if not u.startswith(("http://", "https://"))]
    if bad:
        raise DigestError(f"not an http(s) URL: {bad[0]!r}; one URL per line, # for comments", path)
    return urls


def _feed_links(url: str, fetcher: Fetcher) -> list[str]:
    response = fetcher.get(url, revalidate=True)
    text = response.content.decode("utf-8", "replace").lstrip("\ufeff")
    host = urlsplit(response.url).netloc
    params = FeedParameters(response.url, host, url, external=True)
    links = _clean_links(response.url, find_links(text.strip(), params), exclude=url)
    if not links:
        raise FetchError("no article links found: is this an RSS, Atom or JSON feed?", url)
    return links[: fetcher.options.max_links]


class _Sitemap(SitemapObject):
    """trafilatura's sitemap parser, keeping every http(s) link in document order."""

    def handle_link(self, link: str) -> None:
        link = urljoin(self.current_url, link.strip())
        if link != self.current_url and link.startswith(("http://", "https://")):
            (self.sitemap_urls if DETECT_SITEMAP_LINK.search(link) else self.urls).append(link)


def _sitemap_links(url: str, fetcher: Fetcher, on_error: ErrorHandler) -> list[str]:
    sitemap = _Sitemap(url, urlsplit(url).netloc, [url], external=True)
    visited = 0
    while (
        sitemap.sitemap_urls
        and visited < MAX_SITEMAPS
        and len(sitemap.urls) < fetcher.options.max_links
    ):
        sitemap.current_url = sitemap.sitemap_urls.pop(0)
        if sitemap.current_url in sitemap.seen:
            continue
        sitemap.seen.add(sitemap.current_url)
        visited += 1
        try:
            sitemap.content = fetcher.get(sitemap.current_url, revalidate=True).content.decode(
                "utf-8", "replace"
            )
        except FetchError as err:
            on_error(err)
            continue
        sitemap.process()
    links = _clean_links(url, sitemap.urls, exclude=url)
    if not links and visited:
        raise FetchError("no page links found: is this an XML or text sitemap?", url)
    return links[: fetcher.options.max_links]


def _clean_links(base: str, links: Iterable[str], exclude: str) -> list[str]:
    """Absolute http(s) article links, each once, in order; home pages and the feed itself left
    out."""
    out: dict[str, None] = {}
    for link in links:
        link = urljoin(base, link.strip())
        parts = urlsplit(link)
        if parts.scheme in ("http", "https") and parts.path not in ("", "/") and link != exclude:
            out.setdefault(link)
    return list(out)


def _read_page(location: str, fetcher: Fetcher | None, max_bytes: int) -> RawPage:
    if location.startswith(("http://", "https://")):
        if fetcher is None:
            raise FetchError("network sources need a fetcher", location)
        response = fetcher.get(location)
        kind = "text" if response.content_type.startswith("text/plain") else "html"
        return RawPage(location, response.content, url=response.url, kind=kind)
    return _read_file(location, max_bytes)


def _read_file(location: str, max_bytes: int) -> RawPage:
    path = Path(location)
    gzipped = path.suffix.lower() == ".gz"
    suffix = Path(path.stem).suffix.lower() if gzipped else path.suffix.lower()
    kind = PAGE_SUFFIXES.get(suffix)
    if kind is None:
        allowed = ", ".join(PAGE_SUFFIXES)
        raise DigestError(
            f"unsupported file type {suffix or '(none)'!r}; give {allowed} files (or .gz of them)",
            location,
        )
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DigestError(
                f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (fetch.max_bytes)",
                location,
            )
        content = path.read_bytes()
    except FileNotFoundError as err:
        raise DigestError("file not found; check the path", location) from err
    except IsADirectoryError as err:
        raise DigestError("is a folder; give a glob such as 'folder/*.html'", location) from err
    except OSError as err:
        raise DigestError(f"cannot read the file: {err.strerror}", location) from err
    if gzipped:
        content = _gunzip(content, location, max_bytes)
    return RawPage(location, content, url=None, kind=kind)


def _gunzip(content: bytes, location: str, max_bytes: int) -> bytes:
    """Decompress, refusing more than max_bytes of output (a small file can hold a huge one)."""
    inflater = zlib.decompressobj(wbits=31)
    try:
        data = inflater.decompress(content, max_bytes + 1)
    except zlib.error as err:
        raise DigestError(f"not a valid gzip file ({err})", location) from err
    if len(data) > max_bytes:
        raise DigestError(
            f"decompresses to over the {max_bytes:,}-byte limit (fetch.max_bytes)", location
        )
    return data
