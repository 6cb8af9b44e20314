"""The docs tree: stable story files, written only when changed, and the front page."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from digest.site import (
    HOME_DAYS,
    link_actors,
    list_stories,
    new_story_path,
    one_line,
    slugify,
    write_briefing,
    write_home,
    write_redirect,
)

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
    assert "*20 November 2026 · 1 outlet: News Example*" in home
    assert "**Key actors:** Ann Lee, Port Town" in home
    assert not write_home(tmp_path, "stories")  # unchanged: not rewritten


def test_front_page_is_bounded_and_points_to_the_archive(tmp_path: Path) -> None:
    stories = tmp_path / "stories"
    first = dt.date(2026, 1, 1)
    for n in range(HOME_DAYS + 5):
        day = first + dt.timedelta(days=n)
        write_briefing(make_briefing(title=f"Story {n}", published=day), stories / f"{day}-story-{n}.md")
    write_home(tmp_path, "stories")
    home = (tmp_path / "index.md").read_text()
    assert home.count("### [") == HOME_DAYS and "### [Story 34]" in home and "### [Story 4]" not in home
    assert "5 older briefings are in the [archive](archive/index.md), by month." in home


def test_link_actors_is_idempotent_and_undoes_stale_links() -> None:
    md = "---\ntitle: x\n---\n\n- **Ann Lee** — Mayor\n- **Lee**\n\n— **Ann Lee**, [News](https://n.example)\n"
    linked = link_actors(md, {"Ann Lee": "actors/ann-lee.md", "Lee": "actors/lee.md"})
    assert "- [**Ann Lee**](../actors/ann-lee.md) — Mayor\n- [**Lee**](../actors/lee.md)" in linked
    assert "— [**Ann Lee**](../actors/ann-lee.md), [News](https://n.example)" in linked
    assert link_actors(linked, {"Ann Lee": "actors/ann-lee.md", "Lee": "actors/lee.md"}) == linked
    assert link_actors(linked, {}) == md


def test_one_line_summaries_cut_at_a_word() -> None:
    assert one_line("short  text") == "short text"
    assert one_line("word " * 100, 22) == "word word word word…"


def test_actor_slugs_are_stable_and_never_collide() -> None:
    from digest.hubs import actor_slug

    assert actor_slug("Elena Varga") == actor_slug("elena  varga") == "elena-varga"
    names = ["Kell-Brightwater", "Kell Brightwater", "Fishermen’s Cooperative", "Index", "Ωμέγα", "Ωμέγα Ω"]
    slugs = [actor_slug(n) for n in names]
    assert len(set(slugs)) == len(slugs) and "index" not in slugs
    assert slugs[1] == "kell-brightwater" and slugs[0].startswith("kell-brightwater--")


def test_hub_pages_from_front_matter(tmp_path: Path) -> None:
    from digest.feeds import atom_feed, json_feed
    from digest.hubs import write_hubs

    stories = tmp_path / "stories"
    write_briefing(make_briefing(), stories / "2026-11-18-bridge.md")
    later = make_briefing(title="Later story", published=dt.date(2026, 12, 2), quotes=())
    write_briefing(later, stories / "2026-12-02-later-story.md")
    written = write_hubs(tmp_path, "stories")
    assert "actors/ann-lee.md" in written and "index.md" in written
    assert sorted(p.name for p in (tmp_path / "actors").iterdir()) == ["ann-lee.md", "index.md", "port-town.md"]
    ann = (tmp_path / "actors" / "ann-lee.md").read_text()
    assert "- Mayor: [Later story](../stories/2026-12-02-later-story.md)" in ann  # the newest story giving it
    assert "> “We will build it”\n\n— 18 November 2026, [News Example](https://news.example/bridge#:~:text=" in ann
    story = (stories / "2026-11-18-bridge.md").read_text()
    assert "- [**Ann Lee**](../actors/ann-lee.md) — Mayor" in story
    assert "[November 2026](2026-11.md) · 1 briefing" in (tmp_path / "archive" / "index.md").read_text()
    assert "### [Later story](../stories/2026-12-02-later-story.md)" in (tmp_path / "archive" / "2026-12.md").read_text()
    assert '<!-- material/tags {"include": ["Port Town"]} -->' in (tmp_path / "tags" / "port-town.md").read_text()
    assert write_hubs(tmp_path, "stories") == []  # nothing changes on a second run
    entries = list_stories(tmp_path, "stories")
    atom = atom_feed("https://x.example/d/", "Digest", entries)
    assert "<id>urn:digest:story:abc123def456</id>" in atom and 'href="https://x.example/d/stories/2026-12-02-later-story/"' in atom
    assert '"date_published": "2026-12-02T00:00:00Z"' in json_feed("", "Digest", entries)


def test_a_story_page_whose_front_matter_is_broken_is_named_not_silently_dropped(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "broken.md").write_text("---\ntitle: [unclosed\n---\n\n# Broken\n")
    (stories / "untitled.md").write_text("---\ndate: 2026-11-18\n---\n\n# Untitled\n")
    with caplog.at_level("WARNING", logger="digest"):
        assert list_stories(tmp_path, "stories") == []
    lines = sorted(r.getMessage() for r in caplog.records)
    assert len(lines) == 2 and all("\n" not in line for line in lines)
    assert lines[0].startswith(f"{stories / 'broken.md'}: front matter unreadable (")
    assert lines[1].startswith(f"{stories / 'untitled.md'}: no title in its front matter; left out of")
