"""The front page: stories ranked by outlets, recency and growth; a bounded page of lead stories
and short lists by section; the developing mark, kept across a rebuild with nothing new; the
front page's configuration. Every story here is invented."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from digest.cli import main
from digest.config import parse_config
from digest.errors import ConfigError
from digest.publish.front import (
    FRONT_DAYS,
    LEAD_STORIES,
    MORE_ITEMS,
    SECTION_ITEMS,
    front_page,
    rank,
    section,
)
from digest.publish.frontmatter import CastMember, SourceEntry, StoryEntry
from digest.publish.hubs import home_page
from digest.publish.index import make_index

from .conftest import FIXTURES, SAMPLES

NEWEST = dt.date(2026, 11, 20)


def story(
    slug: str,
    title: str,
    days_ago: int = 0,
    outlets: int = 1,
    *,
    description: str | None = None,
    tags: tuple[str, ...] = (),
    roles: tuple[str, ...] = (),
    sample: bool = False,
) -> StoryEntry:
    day = NEWEST - dt.timedelta(days=days_ago)
    return StoryEntry(
        f"stories/{slug}.md",
        title,
        day,
        id=slug,
        description=description,
        sources=tuple(SourceEntry(f"Outlet {n}", title, None, None, day) for n in range(outlets)),
        tags=tags,
        cast=tuple(CastMember(f"Person {n}", "person", role) for n, role in enumerate(roles)),
        sample=sample,
    )


def cards(home: str) -> list[str]:
    """The lead stories' headlines, in order."""
    return [line[5:].split("](")[0] for line in home.splitlines() if line.startswith("### [")]


def test_a_three_outlet_story_ranks_above_a_newer_one_outlet_story() -> None:
    ferry = story("ferry", "Orrin ferry halts crossings after a hull crack", 2, outlets=3)
    soup = story("soup", "A pumpkin soup for cold evenings", 0)
    assert rank([soup, ferry], {}) == [ferry, soup]
    assert cards(home_page(make_index([soup, ferry]))) == [ferry.title, soup.title]


def test_between_equals_the_newer_and_the_growing_story_come_first() -> None:
    older = story("older", "Tram depot plans shown", 3, outlets=2)
    newer = story("newer", "Tram depot plans shown again", 1, outlets=2)
    assert rank([older, newer], {}) == [newer, older]
    # three articles gained in the latest update outweigh two days
    assert rank([older, newer], {older.path: 3}) == [older, newer]
    # a week on, a one-outlet story of today passes a two-outlet story
    stale = story("stale", "Tram depot plans shown last week", 6, outlets=2)
    assert rank([stale, story("today", "Harbour light repaired", 0)], {})[0].title == (
        "Harbour light repaired"
    )


def test_the_window_counts_from_the_newest_story_not_from_the_clock() -> None:
    """A rebuild of the same content, years later, makes the same page."""
    old = [story(f"s{n}", f"Story {n}", n) for n in range(FRONT_DAYS + 4)]
    front = front_page(old, {})
    listed = [s.title for s in front.lead] + [s.title for _, g in front.sections for s in g]
    assert "Story 0" in listed and f"Story {FRONT_DAYS - 1}" in listed
    assert f"Story {FRONT_DAYS}" not in listed
    assert front_page(old, {}) == front


def test_a_thin_week_is_filled_with_the_best_older_stories() -> None:
    stories = [story("new", "Bell tower reopens", 0), story("old", "Pier rebuilt", 30, 3)]
    assert [s.title for s in front_page(stories, {}).lead] == ["Bell tower reopens", "Pier rebuilt"]


def test_the_front_page_is_bounded_and_the_rest_is_in_the_archive() -> None:
    stories = [story(f"s{n}", f"Story number {n}", n % FRONT_DAYS) for n in range(60)]
    home = home_page(make_index(stories))
    assert len(cards(home)) == LEAD_STORIES
    listed = [line for line in home.splitlines() if line.startswith("- [")]
    assert 0 < len(listed) <= MORE_ITEMS  # no section found for "Story number …"
    shown = LEAD_STORIES + len(listed)
    assert f"{60 - shown} more briefings are in the [archive](archive/index.md), by month." in home


def test_sections_come_from_the_stories_words() -> None:
    assert section(story("a", "Senate passes the budget after a late vote")) == "Politics"
    assert section(story("b", "Striker scores twice as Harbour FC win the league")) == "Sport"
    assert section(story("c", "Ferry ticket machines fail", roles=("software engineer",))) == "Tech"
    assert section(story("d", "Cat found in New Mexico")) is None  # a state, not a country
    assert section(story("e", "Talks with Ukraine resume")) == "World"
    assert section(story("f", "A quiet afternoon in the park")) is None


def test_the_front_page_lists_the_other_stories_by_section() -> None:
    leads = [story(f"lead{n}", f"Bridge story {n}", 0, outlets=4) for n in range(LEAD_STORIES)]
    others = [
        story("vote", "Senate passes the budget after a late vote", 1),
        story("match", "Striker scores twice as Harbour FC win the league", 1),
        story("park", "A quiet afternoon in the park", 1),
    ]
    home = home_page(make_index([*others, *leads]))
    assert home.index("## Top stories") < home.index("## Politics") < home.index("## Sport")
    assert home.index("## Sport") < home.index("## More briefings")
    assert "- [Senate passes the budget after a late vote](stories/vote.md)  \n  1 outlet" in home
    assert sum(line.startswith("## ") for line in home.splitlines()) == 4  # none empty


def test_configured_sections_group_stories_by_their_tags() -> None:
    groups = (("Harbour", ("Eastquay", "Port Calloway")), ("Rail", ("Aldermere Rail",)))
    assert section(story("a", "Works start", tags=("Port Calloway",)), groups) == "Harbour"
    assert section(story("b", "Strike", tags=("aldermere rail",)), groups) == "Rail"
    assert section(story("c", "Senate passes the budget"), groups) is None  # no default words
    leads = [story(f"lead{n}", f"Lead {n}", 0, outlets=4) for n in range(LEAD_STORIES)]
    home = home_page(
        make_index([*leads, story("w", "Works start", 1, tags=("Eastquay",))]), sections=groups
    )
    assert "## Harbour\n\n- [Works start](stories/w.md)" in home and "## Rail" not in home
    assert SECTION_ITEMS >= 1


def test_source_text_and_section_names_are_escaped_once() -> None:
    hostile = story("h", "Mayor <script>alert(1)</script> *resigns*", 0, outlets=2)
    home = home_page(make_index([hostile]), sections=[("<b>Town & gown</b>", ("x",))])
    assert "Mayor &lt;script&gt;alert\\(1\\)&lt;/script&gt; \\*resigns\\*" in home
    assert "<script>" not in home and "&amp;lt;" not in home


def test_sample_stories_stay_off_while_there_are_others() -> None:
    home = home_page(
        make_index([story("s", "A sample pier", 0, 4, sample=True), story("o", "Ours", 5)])
    )
    assert cards(home) == ["Ours"] and "A sample pier" not in home


def test_the_front_configuration_and_its_errors() -> None:
    config = parse_config(
        {"front": {"days": 3, "lead": 2, "sections": {"World": ["Russia", " New  Zealand "]}}}
    )
    assert (config.front.days, config.front.lead) == (3, 2)
    assert config.front.sections == (("World", ("Russia", "New Zealand")),)
    assert parse_config({}).front.sections == ()
    for front, expected in (
        (
            {"sections": {"World": "Russia"}},
            "Config value 'front.sections.World': Expected a list of tags (text) but received: "
            "'Russia'",
        ),
        (
            {"sections": ["World"]},
            "Config value 'front.sections': Expected a mapping of section names to lists of tags",
        ),
        ({"lead": -1}, "Config value 'front.lead': Expected a whole number ≥ 0 but received: -1"),
    ):
        with pytest.raises(ConfigError) as info:
            parse_config({"front": front}, "site_config/digest.yml")
        message = str(info.value)
        assert message.startswith("site_config/digest.yml: invalid configuration:"), message
        assert expected in message, message


CONFIG = "sources:\n  - files: samples/*.html\nfetch:\n  cache_dir: cache\n"
EASTQUAY = "stories/2026-11-18-council-approves-240m-eastquay-harbour-plan-in-late.md"


def _build(*args: str) -> str:
    result = CliRunner().invoke(main, ["build", "--no-site", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return Path("content/index.md").read_text()


def test_a_story_that_gains_a_source_is_developing_until_the_next_update(project: Path) -> None:
    shutil.copytree(SAMPLES, project / "samples")
    (project / "site_config" / "digest.yml").write_text(CONFIG)
    petition = str(FIXTURES / "pages" / "coastlineobserver-eastquay-referendum-petition.html")
    library = str(FIXTURES / "pages" / "minimal.html")
    assert "Developing" not in _build()

    home = _build(petition)  # a third outlet joins the Eastquay story
    card = home.split(f"]({EASTQUAY})", 1)[1].split("###", 1)[0]
    assert "**Developing** *" in card and "· 1 new source*" in card and "3 outlets" in card
    state = json.loads((project / "content/.digest/stories.json").read_text())
    eastquay = next(s for s in state["stories"] if s["path"] == EASTQUAY)
    assert (eastquay["grew"], eastquay["gained"]) == (state["update"], 1)

    before = (project / "content/index.md").stat().st_mtime_ns
    assert _build(petition) == home  # nothing new: the mark stays, the page is not rewritten
    assert (project / "content/index.md").stat().st_mtime_ns == before
    assert json.loads((project / "content/.digest/stories.json").read_text()) == state

    home = _build(petition, library)  # an update that adds to another story ends the mark
    assert "Brackenford Library" in home and "Developing" not in home


def test_the_story_index_keeps_the_update_and_what_grew(tmp_path: Path) -> None:
    from digest.store import Store, StoryRecord

    with Store.open(tmp_path) as store:
        store.stories["a"] = StoryRecord("a", "stories/a.md", ("k1", "k2"), grew=3, gained=1)
        store.stories["b"] = StoryRecord("b", "stories/b.md", ("k3",))
        store.update = 3
        store.save_stories()
    saved = (tmp_path / ".digest" / "stories.json").read_text()
    assert '"grew": 3' in saved and saved.count('"grew"') == 1  # only what grew says so
    with Store.open(tmp_path) as store:
        assert store.update == 3 and store.stories["a"].gained == 1
        assert (store.stories["b"].grew, store.stories["b"].gained) == (0, 0)
    edited = json.loads(saved) | {"update": "three"}  # a hand edit counts as no update
    (tmp_path / ".digest" / "stories.json").write_text(json.dumps(edited))
    with Store.open(tmp_path) as store:
        assert store.update == 0
