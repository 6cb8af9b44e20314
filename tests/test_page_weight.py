"""The weight of a page's chrome (issue 18: 50,000 stories must stay under 800 MB published).

A site of synthetic stories (the benchmark's, tests/bench.py) built with MkDocs and Material as
`digest build` builds it: the bytes of a page outside its `<article>` (head, header, tabs, table of
contents, footer, scripts) stay under a limit, the page carries no inline script the
Content-Security-Policy does not allow by hash, and what the chrome moved out of the page (the
palette toggle, Material's inline scripts, the icons) is in the site's own files.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from digest.publish import mkdocs_plugin
from digest.publish.mkdocs_build import build_site

from .bench import publish_stories, synthetic_stories
from .conftest import ROOT, copy_site_setup

# A story page's chrome was 13.8 KB (mkdocs-material 9.8's defaults: tabs, sidebar nav, inline
# SVG icons and scripts); it is 4.9-5.0 KB. Every page's chrome less its table of contents (which
# grows with the page's headings) stays under the second limit.
STORY_CHROME_MAX = 6_000
CHROME_WITHOUT_TOC_MAX = 5_000
HUBS = ("Latest", "Archive", "Actors", "Tags", "Search", "About")
SCRIPTS = {  # the only scripts a page loads (versioned names without their hash)
    "assets/digest-theme.js",
    "assets/javascripts/bundle.js",
    "pagefind/pagefind-ui.js",
    "pagefind/digest-bundles.js",
    "assets/digest-search.js",
}

_ARTICLE = re.compile(rb"<article\b.*?</article>", re.DOTALL)
_TOC = re.compile(
    rb'<div class="md-sidebar md-sidebar--secondary".*?</nav></div></div></div>', re.DOTALL
)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL)
_CSP = re.compile(
    r'<head>\s*<meta charset="utf-8">\s*'
    r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"'
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("material")
    root = tmp_path_factory.mktemp("weight")
    project = copy_site_setup(root / "project")
    publish_stories(project, synthetic_stories(30))
    return build_site(project / "mkdocs.yml", root / "site")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


def _chrome(page: Path) -> bytes:
    return _ARTICLE.sub(b"", page.read_bytes(), count=1)


def test_a_story_pages_chrome_stays_light(site: Path) -> None:
    stories = sorted((site / "stories").glob("*/index.html"))
    assert len(stories) == 30
    heavy = {p.parent.name: n for p in stories if (n := len(_chrome(p))) > STORY_CHROME_MAX}
    assert not heavy, f"chrome over {STORY_CHROME_MAX} bytes: {heavy}"
    light = {
        str(p.relative_to(site)): n
        for p in _pages(site)
        if (n := len(_TOC.sub(b"", _chrome(p), count=1))) > CHROME_WITHOUT_TOC_MAX
    }
    assert not light, f"chrome without the toc over {CHROME_WITHOUT_TOC_MAX} bytes: {light}"


def test_every_page_links_the_hubs_once_and_keeps_its_header(site: Path) -> None:
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        tabs = re.findall(r'<nav class="md-tabs".*?</nav>', html, re.DOTALL)
        assert len(tabs) == 1, page
        assert re.findall(r">([^<>]+)</a></li>", tabs[0]) == list(HUBS), page
        assert 'data-md-component="header-topic"' in html, page
        assert "md-sidebar--primary" not in html and "<svg" not in _chrome(page).decode(), page
        scripts = [
            re.sub(r"^.*?(?=(assets|pagefind)/)|\.[0-9a-f]{8}\.min", "", src)
            for src in re.findall(r'<script src="([^"]+)"', html)
        ]
        assert set(scripts) <= SCRIPTS, f"{page}: {scripts}"
        assert scripts[0] == "assets/digest-theme.js" and "assets/javascripts/bundle.js" in scripts


def test_no_inline_script_runs_unless_the_policy_names_its_hash(site: Path) -> None:
    for page in _pages(site):
        html = page.read_text(encoding="utf-8")
        policy = _CSP.search(html)
        assert policy, f"{page}: no Content-Security-Policy first in <head>"
        script_src = policy.group(1).split("script-src ")[1].split(";")[0].split()
        assert "'unsafe-inline'" not in script_src and policy.group(1) == mkdocs_plugin.csp_for(
            html
        )
        for attributes, body in _SCRIPT.findall(html):
            if "src=" in attributes or 'type="application/json"' in attributes:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in script_src, f"{page}: inline script not allowed"


def test_what_left_the_pages_is_in_the_sites_files(site: Path) -> None:
    theme = (site / "assets" / "digest-theme.js").read_text(encoding="utf-8")
    assert "{{" not in theme and "{%" not in theme  # rendered, not copied
    for media in (
        "(prefers-color-scheme)",
        "(prefers-color-scheme: light)",
        "(prefers-color-scheme: dark)",
    ):
        assert f'"media": "{media}"' in theme
    assert "__md_get=" in theme and "__md_set=" in theme
    css = (ROOT / "content" / "assets" / "digest.css").read_text(encoding="utf-8")
    icons = set(re.findall(r'"icon": "([a-z0-9-]+)"', theme))
    for page in _pages(site):
        icons |= set(re.findall(r"\bi i-([a-z0-9-]+)", page.read_text(encoding="utf-8")))
    assert {"library", "brightness-auto", "brightness-7", "brightness-4"} <= icons
    undrawn = {name for name in icons if f".i-{name} {{ --digest-icon:" not in css}
    assert not undrawn, f"icons digest.css does not draw: {undrawn}"
    for page in _pages(site):  # Material's versioned file names, as its own templates give them
        for ref in re.findall(r'(?:href|src)="([^"#?]+\.(?:css|js))"', page.read_text("utf-8")):
            target = site / ref.lstrip("/") if ref.startswith("/") else page.parent / ref
            assert target.resolve().is_file(), f"{page}: {ref} is missing"
