"""The front page in headless Chromium, on a phone and a desktop: the ranked lead stories, the
developing mark, the sections and the subscribe links, which lead to the feeds.

The site: the sample pages and an invented library story (first run), then an invented third
outlet on the Eastquay story (second run), served under a sub-path. Screenshots go to
tests/screenshots/ (gitignored).
"""

from __future__ import annotations

import http.server
import json
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from urllib.request import urlopen

import pytest
from click.testing import CliRunner

from digest.cli import main

from .conftest import CHROMIUM, FIXTURES, ROOT, SAMPLES, copy_site_setup, in_project

SUBPATH = "/front-demo/"
SCREENSHOTS = ROOT / "tests" / "screenshots"
EASTQUAY = "Council approves $240m Eastquay harbour plan in late-night 6–3 vote"
LIBRARY = "Brackenford Library to open on Sundays from January"

pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def front_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("front")
    www, project = root / "www", copy_site_setup(root / "project")
    shutil.copytree(SAMPLES, project / "samples")
    shutil.copy(FIXTURES / "pages" / "minimal.html", project / "samples")
    (project / "site_config" / "digest.yml").write_text(
        "sources:\n  - files: samples/*.html\nfetch:\n  cache_dir: cache\n"
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(www)))
    base = f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    petition = FIXTURES / "pages" / "coastlineobserver-eastquay-referendum-petition.html"
    with in_project(project, base):
        for args in (["--no-site"], [str(petition)]):  # the second run adds a source
            result = CliRunner().invoke(main, ["build", *args], catch_exceptions=False)
            assert result.exit_code == 0, result.output
    shutil.copytree(project / "site", www / SUBPATH.strip("/"))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_front_page_ranks_marks_and_links_the_feeds(  # type: ignore[no-untyped-def]
    browser, front_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda err: problems.append(f"script error {err}"))
    page.on(
        "request",
        lambda r: not r.url.startswith(front_url) and problems.append(f"request to {r.url}"),
    )
    try:
        page.goto(front_url)
        page.wait_for_load_state("networkidle")
        # the three-outlet story first, above the newer one-outlet story; no sample story
        assert page.locator("article h3").all_inner_texts() == [EASTQUAY, LIBRARY]
        lead = page.locator("article h3").first.locator("xpath=following-sibling::p[1]")
        assert lead.inner_text().startswith("DEVELOPING")  # shown in capitals
        assert "3 outlets" in lead.inner_text() and "1 new source" in lead.inner_text()
        assert "sample" not in page.locator("article").inner_text().casefold()
        # the subscribe links: on screen without scrolling, and they lead to the feeds
        for name, check in (("Atom feed", "<feed "), ("JSON Feed", '"version"')):
            link = page.get_by_role("link", name=name)
            box = link.bounding_box()
            assert link.is_visible() and box is not None and box["y"] < 900, name
            href = link.get_attribute("href") or ""
            with urlopen(page.evaluate("h => new URL(h, location.href).href", href)) as feed:
                body = feed.read().decode()
            assert check in body, name
            if name == "JSON Feed":
                assert {i["title"] for i in json.loads(body)["items"]} == {EASTQUAY, LIBRARY}
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"front-{width}.png"), full_page=True)
        page.locator("article h3 a").first.click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == EASTQUAY
    finally:
        context.close()
    assert not problems, problems
