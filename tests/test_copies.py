"""Copies count once, whatever their path: a renamed folder of saved pages, or a second copy of a
page, changes no story (the same bytes, or the same canonical URL, are the same article)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from digest.cli import main

from .conftest import ROOT

SAMPLES = ROOT / "content" / "samples"


def build(folder: str) -> dict[str, str]:
    Path("site_config/digest.yml").write_text(f"sources:\n  - files: {folder}/*.html\n")
    result = CliRunner().invoke(main, ["build", "--no-site"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    stories = sorted(Path("content/stories").glob("*.md"))
    return {p.name: p.read_text(encoding="utf-8") for p in stories}


def test_a_renamed_folder_changes_no_story(project: Path) -> None:
    shutil.copytree(SAMPLES, project / "saved")
    before = build("saved")
    (project / "saved").rename(project / "saved-pages")
    assert build("saved-pages") == before


def test_a_second_copy_of_a_page_changes_no_story(project: Path) -> None:
    shutil.copytree(SAMPLES, project / "saved")
    before = build("saved")
    page = next((project / "saved").glob("harbourgazette-*.html"))
    shutil.copy(page, project / "saved" / "copy-of-the-same-page.html")
    assert build("saved") == before


def test_two_copies_in_one_run_count_once(project: Path) -> None:
    shutil.copytree(SAMPLES, project / "saved")
    alone = build("saved")
    shutil.rmtree(project / "content")
    page = next((project / "saved").glob("harbourgazette-*.html"))
    shutil.copy(page, project / "saved" / "copy-of-the-same-page.html")
    # a fresh build: the story is named after whichever copy comes first, the rest is the same
    assert _without_ids(build("saved")) == _without_ids(alone)


def _without_ids(pages: dict[str, str]) -> dict[str, str]:
    return {name: re.sub(r"(?m)^id: \w+$", "", text) for name, text in pages.items()}


def test_the_same_canonical_url_is_the_same_article_whatever_the_bytes() -> None:
    import dataclasses

    from digest.store import ArticleRecord, StoryIndex, StoryRecord, without_text
    from digest.stories.assign import assign_stories

    from .test_render import make_briefing
    from .test_store import FP

    def record(key: str, content_hash: str, url: str | None) -> ArticleRecord:
        fingerprint = dataclasses.replace(FP, url=url)
        return ArticleRecord(key, content_hash, "v", without_text(make_briefing()), fingerprint)

    stored = record("file:a/bridge.html", "h1", "https://news.example/bridge")
    stories = StoryIndex({"s1": StoryRecord("s1", "stories/s1.md", (stored.key,))})
    saved_again = record("file:b/bridge.html", "h2", "https://news.example/bridge")
    other = record("file:b/other.html", "h3", "https://news.example/other")
    lookup = {stored.key: stored}.get
    assert assign_stories([saved_again], stories, lookup, "stories", lambda p: None).stories == {}
    assert assign_stories([other], stories, lookup, "stories", lambda p: None).stories != {}
