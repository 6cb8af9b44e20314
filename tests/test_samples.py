"""Your digest from the first run: the sample stories are marked as samples, come after the user's
own on the front page, and leave the site once the sample pages are no longer among the sources.

The user's pages are invented (tests/fixtures/own/): two outlets reporting a ferry's return, and a
school roof. The browser check runs the built site in headless Chromium.
"""

from __future__ import annotations

import http.server
import json
import re
import shutil
import threading
from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.ingest.samples import is_sample
from digest.model import RawPage
from digest.publish.frontmatter import StoryEntry, read_page, story_yaml
from digest.publish.hubs import about_page, home_page
from digest.publish.index import make_index

from .conftest import CHROMIUM, FIXTURES, SAMPLES

OWN = FIXTURES / "own"
OWN_TITLES = [  # ranked: the ferry story, in two outlets, first; each without its outlet's name
    "Orrin Island ferry resumes after six-week halt",
    "Fenwick primary school gets a new roof before winter",
]
BOTH = "sources:\n  - files: samples/*.html\n  - files: saved/*.html\nfetch:\n  cache_dir: cache\n"
OWN_ONLY = "sources:\n  - files: saved/*.html\nfetch:\n  cache_dir: cache\n"


def test_a_sample_page_is_a_local_file_with_the_marker() -> None:
    sample = next(SAMPLES.glob("*.html"))
    content = sample.read_bytes()
    assert is_sample(RawPage(str(sample), content))
    assert not is_sample(RawPage("https://x.example/a", content, url="https://x.example/a"))
    assert not is_sample(RawPage(str(OWN / "fenwickledger-school-roof.html"), b"<html></html>"))


def test_the_sample_mark_is_kept_in_the_front_matter(tmp_path: Path) -> None:
    page = tmp_path / "stories" / "s.md"
    page.parent.mkdir()
    page.write_text(story_yaml(StoryEntry("stories/s.md", "A pier reopens", sample=True)))
    assert read_page(page, tmp_path).sample is True  # type: ignore[union-attr]
    page.write_text(story_yaml(StoryEntry("stories/s.md", "A pier reopens")))
    assert "sample" not in page.read_text()
    assert read_page(page, tmp_path).sample is False  # type: ignore[union-attr]


def test_the_front_page_shows_the_users_stories_before_any_sample() -> None:
    import datetime as dt

    index = make_index(
        [
            StoryEntry("stories/new.md", "A sample from later", dt.date(2026, 11, 26), sample=True),
            StoryEntry("stories/old.md", "Our own story", dt.date(2025, 3, 11)),
        ]
    )
    home = home_page(index)
    assert "Our own story" in home and "A sample from later" not in home
    assert "1 more briefing is in the [archive]" in home
    alone = home_page(make_index([StoryEntry("stories/new.md", "A sample", sample=True)]))
    assert "A sample" in alone and "sample story" in alone and "sample stories" in alone


def test_the_about_page_says_what_the_digest_reads() -> None:
    from digest.config import Source

    index = make_index([StoryEntry("stories/s.md", "Ours"), StoryEntry("stories/t.md", "Also")])
    about = about_page(
        index,
        [
            Source("files", "/home/ann/saved/*.html"),
            Source("feed", "https://news.example/rss.xml"),
        ],
    )
    assert "**2 briefings**" in about
    assert "- Saved pages: …/saved/\\*.html" in about and "/home/ann" not in about
    assert "- Feed: [https://news.example/rss.xml](https://news.example/rss.xml)" in about
    assert "sample" not in about and "fictional" not in about


def _build(project: Path, config: str, *args: str):  # type: ignore[no-untyped-def]
    (project / "site_config" / "digest.yml").write_text(config)
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)


def _home_titles(site: Path) -> list[str]:
    home = (site / "index.html").read_text()
    return re.findall(r'<h3 id="[^"]*"><a href="stories/[^"]+/">([^<]+)</a>', home)


def test_the_samples_give_way_to_the_users_own_pages(project: Path) -> None:
    shutil.copytree(SAMPLES, project / "samples")
    shutil.copytree(OWN, project / "saved")
    first = _build(project, BOTH)
    assert first.exit_code == 0, first.output
    assert _home_titles(project / "site") == OWN_TITLES  # the samples are newer, but come after
    assert "sample story" in (project / "site" / "archive" / "2026-11" / "index.html").read_text()
    stories = json.loads((project / "content" / ".digest" / "stories.json").read_text())
    assert sum(s.get("sample", False) for s in stories["stories"]) == 5

    second = _build(project, OWN_ONLY)
    assert second.exit_code == 0, second.output
    assert "5 sample story page(s) removed" in second.output
    content = project / "content"
    assert sorted(p.name for p in (content / "stories").glob("*.md")) == [
        "2025-03-11-orrin-island-ferry-resumes-after-six-week-halt.md",
        "2025-03-14-fenwick-primary-school-gets-a-new-roof-before.md",
    ]
    assert len(list((content / ".digest" / "articles").rglob("*.json"))) == 3  # samples forgotten
    assert not (content / "actors" / "elena-varga.md").exists()
    assert not (content / "archive" / "2026-11.md").exists()
    site = project / "site"
    assert _home_titles(site) == OWN_TITLES
    assert not (
        site / "stories" / "2026-11-26-old-ropeworks-theatre-reopens-with-a-revival-of"
    ).exists()
    about = (site / "about" / "index.html").read_text()
    assert "saved/*.html" in about and "samples" not in about and "fictional" not in about
    feed = (site / "feed.json").read_text()
    assert "Ropeworks" not in feed and "Orrin Island ferry" in feed
    assert "sample" not in _build(project, OWN_ONLY).output  # nothing more to remove


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing")
def test_in_a_browser_the_front_page_shows_only_the_users_stories(project: Path, browser) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(SAMPLES, project / "samples")
    shutil.copytree(OWN, project / "saved")
    assert _build(project, BOTH, "--no-site").exit_code == 0
    assert _build(project, OWN_ONLY).exit_code == 0
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(_Quiet, directory=str(project / "site"))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(base)
        assert page.locator("article h3").all_inner_texts() == OWN_TITLES
        assert "sample" not in page.locator("article").inner_text().casefold()
        page.locator("article h3 a", has_text="ferry").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == OWN_TITLES[0]
        sources = page.locator("article").inner_text()
        assert "Orrin Herald: Marit ferry back in service as Orrin Island ferry link" in sources
        assert "Orrin Herald: Orrin Herald" not in sources  # the outlet's prefix left its headline
        gone = page.goto(
            base + "stories/2026-11-26-old-ropeworks-theatre-reopens-with-a-revival-of/"
        )
        assert gone is not None and gone.status == 404
        page.goto(base + "about/")
        about = page.locator("article").inner_text()
        assert "2 briefings" in about and "saved/*.html" in about and "fictional" not in about
    finally:
        context.close()
        server.shutdown()
        server.server_close()
