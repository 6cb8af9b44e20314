"""No source can run code on the site: a site built from hostile pages, every page opened in
Chromium.

The pages in tests/fixtures/hostile/ put scripts, event handlers, attribute-breaking quotes,
`javascript:` and `data:` URLs, Markdown links, template syntax and Unicode direction overrides in
every field a page controls (title, site name, author, description, canonical URL, quotes, roles,
body text). Every payload carries the marker "xssmark": an element or attribute named with it, a
script holding it, a dialog, a console error or a request to another host fails the test; the
payloads' text must still be on the page.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from digest.cli import main

from .conftest import CHROMIUM, FIXTURES, copy_site_setup
from .test_browser import QuietHandler

HOSTILE = FIXTURES / "hostile"
MARKER = "xssmark"
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Text of the payloads as a reader must see it: escaped, never dropped.
VISIBLE = {
    "stories/2026-11-17-mayor-script-alert-xssmark-title-script-resigns-evitceles/": [
        'Mayor <script>alert("xssmark-title")</script> resigns',
        "<script>alert('xssmark-quote')</script>",
        "Gazette <img src=x xssmark-site onerror=alert(2)>",
    ],
    "stories/2026-11-18-harbour-festival-ends-early/": [
        'Harbour "festival" ends early',
        'The "Quayside" & Times',
        "Fish, chips & peas — #1 for 50% of our visitors",
    ],
}

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: pip install playwright"
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: apt-get install chromium"
)

# In the page: elements or attributes named with the marker, scripts holding it, javascript: links.
FIND_INJECTED = """marker => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    if (el.tagName.toLowerCase().includes(marker)) found.push('element ' + el.tagName);
    for (const attr of el.attributes) {
      if (attr.name.toLowerCase().includes(marker))
        found.push(`attribute ${attr.name} on ${el.tagName}`);
      if (attr.name.startsWith('on')) found.push(`handler ${attr.name} on ${el.tagName}`);
      if (/^\\s*(javascript|data|vbscript):/i.test(attr.value)
          && ['href', 'src'].includes(attr.name))
        found.push(`${attr.name}=${attr.value.slice(0, 40)} on ${el.tagName}`);
    }
    if (el.tagName === 'SCRIPT' && el.textContent.toLowerCase().includes(marker))
      found.push('script with marker');
  }
  return found;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, str]]:
    """The hostile pages (and three broken files) built with `digest build`, served on 127.0.0.1."""
    project = copy_site_setup(tmp_path_factory.mktemp("hostile") / "project")
    pages = project / "pages"
    shutil.copytree(HOSTILE, pages)
    (pages / "empty.html").write_bytes(b"")
    (pages / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (pages / "broken.html").write_bytes(b"<html><body><p>Half a page <b><i" + b"<div>" * 5000)
    (project / "site_config" / "digest.yml").write_text(
        "sources:\n  - files: pages/*.html\nfetch:\n  cache_dir: cache\n"
    )
    cwd = Path.cwd()
    os.chdir(project)
    try:
        result = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(QuietHandler, directory=str(project / "site"))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", project / "site", result.output
    finally:
        server.shutdown()
        server.server_close()


def test_every_bad_source_is_named_in_one_line_and_the_site_is_built(
    hostile_site: tuple[str, Path, str],
) -> None:
    _, site, output = hostile_site
    for name, reason in (
        ("empty.html", "the file is empty"),
        ("image.html", "binary content"),
        ("broken.html", "no article text"),
    ):
        lines = [line for line in output.splitlines() if name in line]
        assert lines and all(reason in line for line in lines), (
            output
        )  # as it happens, and in the summary
    assert len(list((site / "stories").glob("*/index.html"))) == 3


def test_no_page_of_the_site_runs_or_loads_anything_from_a_source(  # type: ignore[no-untyped-def]
    browser, hostile_site
) -> None:
    base, site, _ = hostile_site
    paths = sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts
    )
    assert len(paths) > 15
    problems: list[str] = []
    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda d: (problems.append(f"{page.url}: dialog {d.message!r}"), d.dismiss()))
    page.on("pageerror", lambda err: problems.append(f"{page.url}: script error {err}"))
    page.on(
        "console",
        lambda m: m.type == "error" and problems.append(f"{page.url}: console error {m.text}"),
    )
    page.on(
        "request",
        lambda r: _off_site(r.url, base) and problems.append(f"{page.url}: request to {r.url}"),
    )
    for path in paths:
        page.goto(base + path.removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
        problems += [f"{path}: {found}" for found in page.evaluate(FIND_INJECTED, MARKER)]
        text = page.evaluate("document.title + '\\n' + document.body.innerText")
        problems += [f"{path}: direction override in the text" for c in BIDI_CONTROLS if c in text]
        for expected in VISIBLE.get(path.removesuffix("index.html"), []):
            if expected not in text:
                problems.append(f"{path}: {expected!r} is not shown")
            if expected.replace("&", "&amp;") in text and "&" in expected:
                problems.append(f"{path}: {expected!r} is escaped twice")
    # search: results for a payload word are shown as text too
    page.goto(base + "search/?q=intimidated")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=10_000)
    page.wait_for_load_state("networkidle")
    problems += [f"search: {found}" for found in page.evaluate(FIND_INJECTED, MARKER)]
    context.close()
    assert not problems, "\n".join(problems)


def test_the_title_reads_as_the_publisher_wrote_it(  # type: ignore[no-untyped-def]
    browser, hostile_site
) -> None:
    base, _, _ = hostile_site
    page = browser.new_page()
    page.goto(
        base + "stories/2026-11-17-mayor-script-alert-xssmark-title-script-resigns-evitceles/"
    )
    assert page.title().startswith('Mayor <script>alert("xssmark-title")</script> resigns')
    description = page.locator("meta[name=description]").get_attribute("content")
    assert description and description.startswith('"We will not be intimidated <script>')
    header = page.locator(".md-header__topic .md-ellipsis").last.inner_text()
    assert header.startswith('Mayor <script>alert("xssmark-title")</script> resigns')
    page.close()


def test_the_content_security_policy_stops_a_script_that_got_in_anyway(
    browser, hostile_site
) -> None:  # type: ignore[no-untyped-def]
    """Defense in depth: a script injected into a built page (as if escaping had failed) does not
    run."""
    base, site, _ = hostile_site
    story = next((site / "stories").glob("2026-11-18-*/index.html"))
    injected = site / "injected" / "index.html"
    injected.parent.mkdir()
    html = story.read_text(encoding="utf-8").replace(
        "<h1", "<script>alert('xssmark-csp')</script><h1", 1
    )
    injected.write_text(
        html.replace("<h1", '<img src="x" onerror="alert(1)"><h1', 1), encoding="utf-8"
    )
    page = browser.new_page()
    dialogs: list[str] = []
    blocked: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("console", lambda m: "Content Security Policy" in m.text and blocked.append(m.text))
    page.goto(base + "injected/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().startswith("Harbour")  # the page itself works
    page.close()
    assert dialogs == [] and len(blocked) >= 2, blocked


def test_feeds_carry_the_characters_escaped_once(  # type: ignore[no-untyped-def]
    hostile_site,
) -> None:
    _, site, _ = hostile_site
    atom = ET.parse(site / "feed.xml").getroot()
    titles = [e.text for e in atom.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(
        t and t.startswith('Mayor <script>alert("xssmark-title")</script> resigns') for t in titles
    )
    items = json.loads((site / "feed.json").read_text())["items"]
    assert any(
        i["title"].startswith('Mayor <script>alert("xssmark-title")</script>') for i in items
    )
    assert not any(c in (site / "feed.xml").read_text() for c in BIDI_CONTROLS)


def _off_site(url: str, base: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme not in ("data", "blob", "about")
        and f"{parts.scheme}://{parts.netloc}/" != base
    )
