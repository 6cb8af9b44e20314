"""Shared fixtures: paths, a real HTTP server on 127.0.0.1, a throw-away project folder."""

from __future__ import annotations

import contextlib
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = ROOT / "content" / "samples"
SHARED = ROOT.parent / "shared"


@contextlib.contextmanager
def in_project(folder: Path, site_url: str) -> Iterator[None]:
    """Run in `folder` (a project copied for a test) with SITE_URL set; both restored after."""
    cwd, old_url = Path.cwd(), os.environ.get("SITE_URL")
    os.chdir(folder)
    os.environ["SITE_URL"] = site_url
    try:
        yield
    finally:
        os.chdir(cwd)
        if old_url is None:
            os.environ.pop("SITE_URL", None)
        else:
            os.environ["SITE_URL"] = old_url


CHROMIUM = Path("/usr/bin/chromium")  # Debian's; Playwright never downloads a browser here
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Chromium through Playwright (tests that use it skip without either)."""
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed: pip install playwright"
    )
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


needs_shared = pytest.mark.skipif(
    not (SHARED / "gold").exists(),
    reason=f"{SHARED} is absent: gold annotations and corpus live there",
)


class RecordingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder and records every request path (to check caching and robots.txt)."""

    requests: list[str]

    def do_GET(self) -> None:
        self.requests.append(self.path)
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture()
def http_site(tmp_path: Path) -> Iterator[tuple[str, Path, list[str]]]:
    """A real server on 127.0.0.1 serving tmp_path/www; yields (base URL, folder, request log)."""
    www = tmp_path / "www"
    www.mkdir()
    log: list[str] = []
    handler = type("Handler", (RecordingHandler,), {"requests": log})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(www)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", www, log
    finally:
        server.shutdown()
        server.server_close()


def copy_site_setup(proj: Path) -> Path:
    """The project's site set-up (mkdocs.yml, our pages and assets, site_config/), copied into
    proj."""
    (proj / "content").mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", proj / "mkdocs.yml")
    shutil.copy(ROOT / "content" / "about.md", proj / "content" / "about.md")
    shutil.copytree(ROOT / "content" / "assets", proj / "content" / "assets")
    shutil.copytree(ROOT / "site_config", proj / "site_config")
    return proj


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's site set-up in tmp_path, as cwd."""
    proj = copy_site_setup(tmp_path / "project")
    monkeypatch.chdir(proj)
    return proj
