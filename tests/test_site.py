"""The docs tree: stable story files, written only when changed, and the front page."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from digest.site import list_stories, new_story_path, slugify, write_briefing, write_home, write_redirect

from .test_render import make_briefing


@given(st.text())
def test_slugs_are_safe_file_names(title: str) -> None:
    slug = slugify(title)
    assert slug and all(c.isascii() and (c.isalnum() or c == "-") for c in slug)
    assert not slug.startswith("-") and ".." not in slug and "/" not in slug


def test_slug_examples() -> None:
    assert slugify("Kim Jong-un meets Putin at Vostochny, “a sacred fight”") == "kim-jong-un-meets-putin-at-vostochny-a"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Ωμέγα") == "story"


def test_page_written_only_when_its_bytes_change(tmp_path: Path) -> None:
    path = tmp_path / "stories" / "a.md"
    assert write_briefing(make_briefing(), path)
    mtime = path.stat().st_mtime_ns
    assert not write_briefing(make_briefing(), path)
    assert path.stat().st_mtime_ns == mtime
    assert write_briefing(dataclasses.replace(make_briefing(), title="Bridge plan approved after debate"), path)
    assert [p.name for p in path.parent.iterdir()] == ["a.md"]  # no temporary files left behind


def test_new_story_paths_never_collide() -> None:
    day = dt.date(2026, 11, 18)
    assert new_story_path("stories", "Bridge plan approved", day, "abcdef123456", set()) == (
        "stories/2026-11-18-bridge-plan-approved.md"
    )
    taken = {"stories/2026-11-18-bridge-plan-approved.md"}
    assert new_story_path("stories", "Bridge plan approved", day, "abcdef123456", taken) == (
        "stories/2026-11-18-bridge-plan-approved-abcdef.md"
    )
    assert new_story_path("stories", "../../index", None, "abcdef123456", set()) == "stories/undated-index.md"


def test_redirect_page_for_a_merged_story(tmp_path: Path) -> None:
    old, new = tmp_path / "stories" / "old.md", tmp_path / "stories" / "new.md"
    assert write_redirect(old, "Old <b>title</b>", new)
    text = old.read_text()
    assert "template: redirect.html" in text and "redirect: ../new/" in text
    assert "This story is now part of [Old &lt;b&gt;title&lt;/b&gt;](new.md)." in text
    assert list_stories(tmp_path, "stories") == []  # redirects are not listed on the front page


def test_home_lists_newest_first_grouped_by_day(tmp_path: Path) -> None:
    stories = tmp_path / "stories"
    write_briefing(make_briefing(), stories / "2026-11-18-bridge-plan-approved.md")
    write_briefing(make_briefing(title="Later story", published=dt.date(2026, 11, 20)), stories / "2026-11-20-later-story.md")
    write_briefing(make_briefing(title="No date", published=None), stories / "undated-no-date.md")
    assert [s.title for s in list_stories(tmp_path, "stories")] == ["Later story", "Bridge plan approved", "No date"]
    assert write_home(tmp_path, "stories")
    home = (tmp_path / "index.md").read_text()
    assert home.index("## 20 November 2026") < home.index("## 18 November 2026") < home.index("## Undated")
    assert "### [Later story](stories/2026-11-20-later-story.md)" in home
    assert "*1 outlet: News Example*" in home
    assert "**Key actors:** Ann Lee, Port Town" in home
    assert not write_home(tmp_path, "stories")  # unchanged: not rewritten
