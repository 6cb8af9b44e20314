"""Polite HTTP: robots.txt, a per-host delay, timeouts, retries with backoff, a size cap, a disk
cache.

Articles are cached by URL and not fetched again; feeds and sitemaps are revalidated with
conditional requests (ETag / Last-Modified). Connections go through trafilatura's pool, which
refuses loopback and private addresses unless `fetch.allow_private` is set.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import socket
import threading
import time
import urllib.robotparser
import weakref
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import certifi
import urllib3
from trafilatura.downloads import create_pool

from ..config import FetchOptions
from ..errors import FetchError
from ..files import write_atomic

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})  # worth another try after a pause
BACKOFF_FACTOR = 0.5  # seconds; doubles on each retry
MAX_RETRY_AFTER = 60  # seconds; a longer Retry-After is not waited for
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
TOTAL_TIME_FACTOR = 3  # a whole response may take this many times fetch.timeout


@dataclass(frozen=True, slots=True)
class Response:
    url: str  # after redirects
    content: bytes
    content_type: str
    from_cache: bool = False


class Watchdog:
    """Cuts off a request attempt that takes longer than `seconds` in all, headers included.

    urllib3's timeouts bound each wait for bytes, so a server that sends its headers a byte at a
    time holds a request for as long as it likes. The watchdog knows every socket the pool opens;
    when an attempt overruns, it shuts them down (the blocked read returns at once) and refuses new
    connections until the next request, so retries cannot start the wait again.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.fired = False
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._timer: threading.Timer | None = None

    def start(self) -> None:
        self.fired = False
        self._arm()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def opened(self, sock: socket.socket) -> None:
        """A new connection of the pool: one more attempt, with its own time."""
        if self.fired:
            sock.close()
            raise OSError("request cut off: the server was too slow")
        self._sockets.add(sock)
        self._arm()

    def _arm(self) -> None:
        self.stop()
        self._timer = threading.Timer(self.seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def _fire(self) -> None:
        self.fired = True
        for sock in list(self._sockets):
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)


class _WatchedRetry(urllib3.Retry):
    """urllib3's retries, with the watchdog paused while they wait (backoff, Retry-After) and
    re-armed after."""

    watchdog: Watchdog | None = None

    def sleep(self, response: urllib3.BaseHTTPResponse | None = None) -> None:
        if self.watchdog is not None:
            self.watchdog.stop()
        super().sleep(response)
        if self.watchdog is not None and not self.watchdog.fired:
            self.watchdog.start()


def _watched(pool: urllib3.PoolManager, watchdog: Watchdog) -> urllib3.PoolManager:
    """The pool, with every connection it opens reported to the watchdog (SSRF checks kept)."""
    classes: dict[str, type[urllib3.HTTPConnectionPool]] = {}
    known: dict[str, type[urllib3.HTTPConnectionPool]] = pool.pool_classes_by_scheme
    for scheme, pool_cls in known.items():
        conn_cls = pool_cls.ConnectionCls

        def _new_conn(
            self: urllib3.connection.HTTPConnection, _base: type = conn_cls
        ) -> socket.socket:
            sock = _base._new_conn(self)  # type: ignore[attr-defined]
            watchdog.opened(sock)
            return sock  # type: ignore[no-any-return]

        watched_conn = type(conn_cls.__name__, (conn_cls,), {"_new_conn": _new_conn})
        classes[scheme] = type(pool_cls.__name__, (pool_cls,), {"ConnectionCls": watched_conn})
    pool.pool_classes_by_scheme = (
        classes  # this pool's own (urllib3's class-level table stays as it is)
    )
    return pool


class Fetcher:
    """Fetches URLs politely; one instance per run."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self.cache_dir = Path(options.cache_dir) / "http"
        self._watchdog = Watchdog(TOTAL_TIME_FACTOR * options.timeout)
        self._retry = type("Retry", (_WatchedRetry,), {"watchdog": self._watchdog})
        self._pool = _watched(
            create_pool(
                ssrf_protection=not options.allow_private,
                ca_certs=certifi.where(),
                cert_reqs="CERT_REQUIRED",
            ),
            self._watchdog,
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._last_request: dict[str, float] = {}

    def get(self, url: str, *, revalidate: bool = False) -> Response:
        """Return the body of `url`, from the cache when there (revalidated for feeds and
        sitemaps)."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError("only http(s) URLs are fetched", url)
        cached = self._cache_read(url)
        if cached and not revalidate:
            return cached[0]
        if self.options.respect_robots and not self._allowed(url):
            raise FetchError("disallowed by robots.txt; remove it from your sources", url)
        headers = {}
        if cached:
            meta = cached[1]
            if meta.get("etag"):
                headers["If-None-Match"] = meta["etag"]
            if meta.get("last_modified"):
                headers["If-Modified-Since"] = meta["last_modified"]
        status, final_url, body, resp_headers = self._request(url, headers)
        if status == 304 and cached:
            return cached[0]
        if status != 200:
            retried = (
                f" (after {self.options.retries} retries)"
                if status in RETRY_STATUSES and self.options.retries
                else ""
            )
            raise FetchError(f"HTTP {status}{retried} {_reason(status)}", url)
        response = Response(final_url, body, resp_headers.get("Content-Type", ""))
        self._cache_write(url, response, resp_headers)
        return response

    # -- network ----------------------------------------------------------------------------------

    def _request(self, url: str, headers: dict[str, str]) -> tuple[int, str, bytes, dict[str, str]]:
        self._pace(url)
        retry = self._retry(
            total=self.options.retries + MAX_REDIRECTS,
            connect=self.options.retries,
            read=self.options.retries,
            status=self.options.retries,
            redirect=MAX_REDIRECTS,
            backoff_factor=BACKOFF_FACTOR,
            status_forcelist=RETRY_STATUSES,
            retry_after_max=MAX_RETRY_AFTER,
            raise_on_status=False,
        )
        self._watchdog.start()
        try:
            return self._attempt(url, headers, retry)
        finally:
            self._watchdog.stop()

    def _attempt(
        self, url: str, headers: dict[str, str], retry: urllib3.Retry
    ) -> tuple[int, str, bytes, dict[str, str]]:
        try:
            resp = self._pool.request(
                "GET",
                url,
                headers={
                    "User-Agent": self.options.user_agent,
                    "Accept-Encoding": "gzip, deflate",
                    **headers,
                },
                retries=retry,
                timeout=urllib3.Timeout(connect=self.options.timeout, read=self.options.timeout),
                preload_content=False,
            )
        except urllib3.exceptions.HTTPError as err:
            if self._watchdog.fired:
                raise FetchError(self._too_slow(), url) from err
            reason = err.reason if isinstance(err, urllib3.exceptions.MaxRetryError) else err
            raise FetchError(_describe(reason), url) from err
        try:
            body = self._read_capped(resp, url)
        finally:
            resp.release_conn()
        return resp.status, urljoin(url, resp.geturl() or url), body, dict(resp.headers)

    def _read_capped(self, resp: urllib3.BaseHTTPResponse, url: str) -> bytes:
        """Read the body, stopping at max_bytes (counted after decompression) or when the watchdog
        cuts it off."""
        limit = self.options.max_bytes
        chunks, size = [], 0
        try:
            while chunk := resp.read1(CHUNK):  # returns as soon as some bytes arrive
                size += len(chunk)
                if size > limit:
                    raise FetchError(
                        f"response larger than {limit:,} bytes (fetch.max_bytes); skipped", url
                    )
                chunks.append(chunk)
        except (urllib3.exceptions.HTTPError, OSError) as err:
            raise FetchError(
                self._too_slow() if self._watchdog.fired else _describe(err), url
            ) from err
        if self._watchdog.fired:
            raise FetchError(self._too_slow(), url)
        return b"".join(chunks)

    def _too_slow(self) -> str:
        return (
            f"server too slow: response not complete in {self._watchdog.seconds:.0f} s "
            "(fetch.timeout)"
        )

    def _pace(self, url: str) -> None:
        host = urlsplit(url).netloc
        delay = self.options.delay
        robots = self._robots.get(host)
        if robots is not None and (crawl_delay := robots.crawl_delay(self.options.user_agent)):
            delay = max(delay, float(crawl_delay))
        wait = self._last_request.get(host, -1e9) + delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last_request[host] = time.monotonic()

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.netloc not in self._robots:
            self._robots[parts.netloc] = self._load_robots(
                f"{parts.scheme}://{parts.netloc}/robots.txt"
            )
        robots = self._robots[parts.netloc]
        return robots is None or robots.can_fetch(self.options.user_agent, url)

    def _load_robots(self, robots_url: str) -> urllib.robotparser.RobotFileParser | None:
        """Parse robots.txt; none (404, unreachable) allows everything, 401/403 forbids
        everything."""
        try:
            status, _, body, _ = self._request(robots_url, {})
        except FetchError:
            return None
        parser = urllib.robotparser.RobotFileParser(robots_url)
        if status in (401, 403):
            parser.disallow_all = True  # type: ignore[attr-defined]  # what RobotFileParser.read does on 401/403
        elif status == 200:
            parser.parse(body.decode("utf-8", "replace").splitlines())
        else:
            return None
        return parser

    # -- cache ------------------------------------------------------------------------------------

    def _cache_paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode()).hexdigest()
        base = self.cache_dir / key[:2] / key
        return base.with_suffix(".body"), base.with_suffix(".json")

    def _cache_read(self, url: str) -> tuple[Response, dict[str, str]] | None:
        body_path, meta_path = self._cache_paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        return Response(meta["url"], body, meta.get("content_type", ""), from_cache=True), meta

    def _cache_write(self, url: str, response: Response, headers: dict[str, str]) -> None:
        body_path, meta_path = self._cache_paths(url)
        meta = {
            "url": response.url,
            "content_type": response.content_type,
            "etag": headers.get("ETag"),
            "last_modified": headers.get("Last-Modified"),
        }
        write_atomic(body_path, response.content)
        write_atomic(meta_path, json.dumps(meta).encode())


def _reason(status: int) -> str:
    return {
        404: "not found: check the URL",
        410: "gone: remove it from your sources",
        429: "too many requests: the server asks to slow down; raise fetch.delay",
        401: "unauthorized",
        403: "forbidden",
    }.get(status, "server error: try again later" if status >= 500 else "")


def _describe(err: object) -> str:
    text = str(err)
    if "SSRF protection" in text or "non-public address" in text:
        return (
            "refused to connect to a private or loopback address "
            "(set fetch.allow_private: true to allow)"
        )
    if isinstance(err, urllib3.exceptions.NewConnectionError) or "Connection refused" in text:
        return "connection failed: is the site up and the URL right?"
    if (
        isinstance(err, (urllib3.exceptions.TimeoutError, urllib3.exceptions.ReadTimeoutError))
        or "timed out" in text
    ):
        return "timed out (fetch.timeout)"
    if "redirect" in text.lower():
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if "too many 4" in text or "too many 5" in text or "responses" in text:
        return f"server kept failing after retries: {text.split('(Caused by')[-1].strip(' )')}"
    return text.split("(Caused by")[-1].strip(" )") or type(err).__name__
