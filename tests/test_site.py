"""The docs tree: stable story files, written only when changed, and the front page."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from digest.site import list_stories, slugify, write_briefing, write_home

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


def test_story_keeps_its_file_and_is_not_rewritten(tmp_path: Path) -> None:
    briefing = make_briefing()
    path, changed = write_briefing(briefing, tmp_path, "stories")
    assert changed and path == tmp_path / "stories" / "2026-11-18-bridge-plan-approved.md"
    mtime = path.stat().st_mtime_ns
    assert write_briefing(briefing, tmp_path, "stories") == (path, False)
    assert path.stat().st_mtime_ns == mtime
    # a later version of the same story (same id, new headline) stays at the same address
    renamed = dataclasses.replace(briefing, title="Bridge plan approved after long debate")
    assert write_briefing(renamed, tmp_path, "stories") == (path, True)
    assert "title: Bridge plan approved after long debate" in path.read_text()


def test_same_headline_different_story_does_not_collide(tmp_path: Path) -> None:
    first, _ = write_briefing(make_briefing(), tmp_path, "stories")
    second, _ = write_briefing(make_briefing(id="ffffff000000"), tmp_path, "stories")
    assert first != second and second.name == "2026-11-18-bridge-plan-approved-ffffff.md"


def test_no_temporary_files_left(tmp_path: Path) -> None:
    write_briefing(make_briefing(), tmp_path, "stories")
    assert [p.name for p in (tmp_path / "stories").iterdir()] == ["2026-11-18-bridge-plan-approved.md"]


def test_home_lists_newest_first_grouped_by_day(tmp_path: Path) -> None:
    write_briefing(make_briefing(), tmp_path, "stories")
    write_briefing(
        make_briefing(id="222222222222", title="Later story", published=dt.date(2026, 11, 20)), tmp_path, "stories"
    )
    write_briefing(make_briefing(id="333333333333", title="No date", published=None), tmp_path, "stories")
    assert [s.title for s in list_stories(tmp_path, "stories")] == ["Later story", "Bridge plan approved", "No date"]
    assert write_home(tmp_path, "stories")
    home = (tmp_path / "index.md").read_text()
    assert home.index("## 20 November 2026") < home.index("## 18 November 2026") < home.index("## Undated")
    assert "### [Later story](stories/2026-11-20-later-story.md)" in home
    assert "*1 outlet: News Example*" in home
    assert "**Key actors:** Ann Lee, Port Town" in home
    assert not write_home(tmp_path, "stories")  # unchanged: not rewritten
