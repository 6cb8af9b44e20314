"""Publishing: stable story files written once and only when changed, with their actor links; the
hub pages and the front page made from the index; front matter read back or refused loudly."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.errors import DigestError
from digest.model import Actor, Briefing, Quote
from digest.publish import Published, Redirect, publish
from digest.publish.front import FRONT_DAYS, LEAD_STORIES
from digest.publish.frontmatter import (
    FrontMatterError,
    StoryEntry,
    read_page,
    story_entry,
    story_yaml,
)
from digest.publish.hubs import MOST_COVERED
from digest.publish.index import actor_slug, newest_first, read_stories
from digest.publish.markdown import escape_md, one_line
from digest.publish.story_page import story_markdown
from digest.stories.address import new_story_path, slugify

from .test_render import make_briefing


def publish_pages(
    content: Path,
    changed: dict[str, Briefing | Redirect],
    *,
    known: dict[str, Briefing] | None = None,
    links_before: dict[str, str] | None = None,
) -> tuple[Published, list[DigestError]]:
    """Publish as the build does; `known` gives the briefings of pages already published (for
    relinking)."""
    errors: list[DigestError] = []
    done = publish(content, "stories", changed, (known or {}).get, links_before, errors.append)
    return done, errors


@given(st.text())
def test_slugs_are_safe_file_names(title: str) -> None:
    slug = slugify(title)
    assert slug and all(c.isascii() and (c.isalnum() or c == "-") for c in slug)
    assert not slug.startswith("-") and ".." not in slug and "/" not in slug


def test_slug_examples() -> None:
    assert (
        slugify("Kim Jong-un meets Putin at Vostochny, “a sacred fight”")
        == "kim-jong-un-meets-putin-at-vostochny-a"
    )
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("Ωμέγα") == "story"


def test_page_written_only_when_its_bytes_change(tmp_path: Path) -> None:
    path = "stories/a.md"
    done, errors = publish_pages(tmp_path, {path: make_briefing()})
    assert done.written == [path] and not errors
    mtime = (tmp_path / path).stat().st_mtime_ns
    done, _ = publish_pages(tmp_path, {path: make_briefing()}, links_before=done.actor_pages)
    assert done.written == [] and done.unchanged == [path]
    assert (tmp_path / path).stat().st_mtime_ns == mtime
    changed = dataclasses.replace(make_briefing(), title="Bridge plan approved after debate")
    assert publish_pages(tmp_path, {path: changed})[0].written == [path]
    assert [p.name for p in (tmp_path / "stories").iterdir()] == [
        "a.md"
    ]  # no temporary files left behind


def test_front_matter_reads_back_as_it_was_written(tmp_path: Path) -> None:
    entry = story_entry(make_briefing(), "stories/a.md")
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "a.md").write_text(story_yaml(entry) + "\n# Body\n")
    assert read_page(tmp_path / "stories" / "a.md", tmp_path) == entry
    assert entry.outlets == ("News Example",) and entry.named == {"Ann Lee", "Port Town"}


def test_new_story_paths_never_collide() -> None:
    day = dt.date(2026, 11, 18)
    assert new_story_path("stories", "Bridge plan approved", day, "abcdef123456", set()) == (
        "stories/2026-11-18-bridge-plan-approved.md"
    )
    taken = {"stories/2026-11-18-bridge-plan-approved.md"}
    assert new_story_path("stories", "Bridge plan approved", day, "abcdef123456", taken) == (
        "stories/2026-11-18-bridge-plan-approved-abcdef.md"
    )
    assert (
        new_story_path("stories", "../../index", None, "abcdef123456", set())
        == "stories/undated-index.md"
    )


def test_redirect_page_for_a_merged_story(tmp_path: Path) -> None:
    done, _ = publish_pages(
        tmp_path, {"stories/old.md": Redirect("Old <b>title</b>", "stories/new.md")}
    )
    assert done.written == ["stories/old.md"]
    text = (tmp_path / "stories" / "old.md").read_text()
    assert "template: redirect.html" in text and "redirect: ../new/" in text
    assert "This story is now part of [Old &lt;b&gt;title&lt;/b&gt;](new.md)." in text
    assert read_stories(tmp_path, "stories") == []  # redirects are not listed on the front page


def test_home_lists_the_newest_first_between_equals(tmp_path: Path) -> None:
    pages: dict[str, Briefing | Redirect] = {
        "stories/2026-11-18-bridge-plan-approved.md": make_briefing(),
        "stories/2026-11-20-later-story.md": make_briefing(
            title="Later story", published=dt.date(2026, 11, 20)
        ),
        "stories/undated-no-date.md": make_briefing(title="No date", published=None),
    }
    done, _ = publish_pages(tmp_path, pages)
    assert [s.title for s in newest_first(read_stories(tmp_path, "stories"))] == [
        "Later story",
        "Bridge plan approved",
        "No date",
    ]
    assert "index.md" in done.hubs
    home = (tmp_path / "index.md").read_text()
    assert (  # one outlet each: the newest first, the undated last
        home.index("### [Later story]")
        < home.index("### [Bridge plan approved]")
        < home.index("### [No date]")
    )
    assert "### [Later story](stories/2026-11-20-later-story.md)" in home
    assert "*Politics · 20 November 2026 · 1 outlet: News Example*" in home  # mayor, council
    assert "**Key actors:** [Ann Lee](actors/ann-lee.md), [Port Town](actors/port-town.md)" in home
    assert (
        publish_pages(tmp_path, pages, links_before=done.actor_pages)[0].hubs == []
    )  # unchanged: not rewritten


def test_front_page_is_bounded_and_points_to_the_archive(tmp_path: Path) -> None:
    first = dt.date(2026, 1, 1)
    pages: dict[str, Briefing | Redirect] = {}
    for n in range(FRONT_DAYS + 5):
        day = first + dt.timedelta(days=n)
        article = dataclasses.replace(make_briefing().articles[0], published=day)
        pages[f"stories/{day}-story-{n}.md"] = make_briefing(
            title=f"Story {n}", published=day, articles=(article,)
        )
    publish_pages(tmp_path, pages)
    home = (tmp_path / "index.md").read_text()
    assert home.count("### [") == LEAD_STORIES and "### [Story 11]" in home  # the newest first
    assert "Story 4]" not in home  # older than FRONT_DAYS days before the newest story
    older = FRONT_DAYS + 5 - FRONT_DAYS
    assert f"{older} more briefings are in the [archive](archive/index.md), by month." in home


def test_actor_links_are_written_with_the_page() -> None:
    links = {"Ann Lee": "actors/ann-lee.md"}
    md = story_markdown(make_briefing(), "stories/a.md", links)
    assert "- [**Ann Lee**](../actors/ann-lee.md) — Mayor" in md
    assert "— [**Ann Lee**](../actors/ann-lee.md), [News Example](https://news.example/bridge" in md
    assert "- **Port Town** ·" in md  # no page, no link
    assert "[**Ann Lee**]" not in story_markdown(make_briefing(), "stories/a.md")


def test_a_page_untouched_this_run_is_relinked_when_its_actors_pages_change(tmp_path: Path) -> None:
    old = make_briefing(quotes=())  # Ann Lee named once, never quoted: no page yet
    done, _ = publish_pages(tmp_path, {"stories/old.md": old})
    assert (
        "[**Ann Lee**]" not in (tmp_path / "stories" / "old.md").read_text()
        and done.actor_pages == {}
    )
    new = make_briefing(
        title="Second story", quotes=()
    )  # a second story naming her: now she has a page
    done, _ = publish_pages(
        tmp_path,
        {"stories/new.md": new},
        known={"stories/old.md": old},
        links_before=done.actor_pages,
    )
    assert sorted(done.written) == ["stories/new.md", "stories/old.md"]
    assert "- [**Ann Lee**](../actors/ann-lee.md)" in (tmp_path / "stories" / "old.md").read_text()
    mtime = (tmp_path / "stories" / "old.md").stat().st_mtime_ns
    done, _ = publish_pages(
        tmp_path,
        {"stories/new.md": new},
        known={"stories/old.md": old},
        links_before=done.actor_pages,
    )
    assert done.written == [] and (tmp_path / "stories" / "old.md").stat().st_mtime_ns == mtime
    (
        tmp_path / "stories" / "new.md"
    ).unlink()  # the second story gone: her page goes, and so does the link
    done, _ = publish_pages(
        tmp_path, {}, known={"stories/old.md": old}, links_before=done.actor_pages
    )
    assert done.written == ["stories/old.md"] and not (tmp_path / "actors" / "ann-lee.md").exists()
    assert "[**Ann Lee**]" not in (tmp_path / "stories" / "old.md").read_text()


def test_one_line_summaries_cut_at_a_word() -> None:
    assert one_line("short  text") == "short text"
    assert one_line("word " * 100, 22) == "word word word word…"


def test_actor_slugs_are_stable_and_never_collide() -> None:

    assert actor_slug("Elena Varga") == actor_slug("elena  varga") == "elena-varga"
    names = [
        "Kell-Brightwater",
        "Kell Brightwater",
        "Fishermen’s Cooperative",
        "Index",
        "Ωμέγα",
        "Ωμέγα Ω",
    ]
    slugs = [actor_slug(n) for n in names]
    assert len(set(slugs)) == len(slugs) and "index" not in slugs
    assert slugs[1] == "kell-brightwater" and slugs[0].startswith("kell-brightwater--")


def test_hub_pages_from_the_index(tmp_path: Path) -> None:
    from digest.publish.feeds import atom_feed, json_feed

    later = make_briefing(title="Later story", published=dt.date(2026, 12, 2), quotes=())
    pages: dict[str, Briefing | Redirect] = {
        "stories/2026-11-18-bridge.md": make_briefing(),
        "stories/2026-12-02-later-story.md": later,
    }
    done, _ = publish_pages(tmp_path, pages)
    assert "actors/ann-lee.md" in done.hubs and "index.md" in done.hubs
    assert sorted(p.name for p in (tmp_path / "actors").iterdir()) == [
        "ann-lee.md",
        "index.md",
        "port-town.md",
    ]
    ann = (tmp_path / "actors" / "ann-lee.md").read_text()
    assert (
        "- Mayor: [Later story](../stories/2026-12-02-later-story.md)" in ann
    )  # the newest story giving it
    assert (
        "> “We will build it”\n\n— 18 November 2026, [News "
        "Example](https://news.example/bridge#:~:text=" in ann
    )
    story = (tmp_path / "stories" / "2026-11-18-bridge.md").read_text()
    assert "- [**Ann Lee**](../actors/ann-lee.md) — Mayor" in story
    assert (
        "[November 2026](2026-11.md) · 1 briefing"
        in (tmp_path / "archive" / "index.md").read_text()
    )
    assert (
        "### [Later story](../stories/2026-12-02-later-story.md)"
        in (tmp_path / "archive" / "2026-12.md").read_text()
    )
    listing = (tmp_path / "tags" / "port-town.md").read_text()  # Digest's own, newest first
    assert listing.index("[Later story](../stories/2026-12-02-later-story.md)") < listing.index(
        "(../stories/2026-11-18-bridge.md)"
    )
    story = (tmp_path / "stories" / "2026-11-18-bridge.md").read_text()
    assert "tag_urls:\n- tags/port-town/\n" in story  # the chip links the listing
    again, _ = publish_pages(tmp_path, pages, links_before=done.actor_pages)
    assert again.written == [] and again.hubs == []  # nothing changes on a second run

    entries = newest_first(read_stories(tmp_path, "stories"))
    atom = atom_feed("https://x.example/d/", "Digest", entries)
    assert (
        "<id>urn:digest:story:abc123def456</id>" in atom
        and 'href="https://x.example/d/stories/2026-12-02-later-story/"' in atom
    )
    assert '"date_published": "2026-12-02T00:00:00Z"' in json_feed("", "Digest", entries)


def test_a_tag_that_gains_its_second_story_gets_a_page_and_the_first_story_its_link(
    tmp_path: Path,
) -> None:
    first = {"stories/2026-11-18-bridge.md": make_briefing()}  # tagged Port Town
    done, _ = publish_pages(tmp_path, first)
    assert not (tmp_path / "tags" / "port-town.md").exists()
    assert "tag_urls" not in (tmp_path / "stories" / "2026-11-18-bridge.md").read_text()
    later = make_briefing(title="Later story", published=dt.date(2026, 12, 2), quotes=())
    errors: list[DigestError] = []
    done = publish(
        tmp_path,
        "stories",
        {"stories/2026-12-02-later-story.md": later},
        first.get,
        done.actor_pages,
        errors.append,
        related_before=done.related,
    )
    assert not errors and (tmp_path / "tags" / "port-town.md").exists()
    assert "stories/2026-11-18-bridge.md" in done.written  # untouched, but its chip now links
    assert "- tags/port-town/" in (tmp_path / "stories" / "2026-11-18-bridge.md").read_text()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("---\ntitle: [unclosed\n---\n\n# Broken\n", "front matter unreadable ("),
        ("# No front matter\n", "no front matter (a --- block of YAML at the top)"),
        ("---\ndate: 2026-11-18\n---\n\n# Untitled\n", "no title in its front matter"),
        (
            "---\ntitle: T\ncast: [Ann Lee]\n---\n",
            "front matter key 'cast' is not a list of mappings",
        ),
        (
            "---\ntitle: T\ndate: last week\n---\n",
            "front matter key 'date' is not a date (YYYY-MM-DD)",
        ),
        (
            "---\ntitle: T\nstory_tags: [a]\ntags: a\n---\n",
            "front matter key 'tags' is not a list of texts",
        ),
    ],
)
def test_a_story_page_it_cannot_read_is_named_in_one_line_not_silently_dropped(
    tmp_path: Path, text: str, problem: str
) -> None:
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "bad.md").write_text(text)
    with pytest.raises(FrontMatterError) as raised:
        read_page(tmp_path / "stories" / "bad.md", tmp_path)
    message = str(raised.value)
    assert (
        message.startswith(f"{tmp_path / 'stories' / 'bad.md'}: {problem}") and "\n" not in message
    )
    assert message.endswith("restore it from git, or delete it to have it written again")
    done, errors = publish_pages(
        tmp_path, {"stories/good.md": make_briefing()}
    )  # the rest is published
    assert [str(e) for e in errors] == [message] and done.written == ["stories/good.md"]
    assert "### [Bridge plan approved](stories/good.md)" in (tmp_path / "index.md").read_text()


def test_story_entries_are_plain_values() -> None:
    entry = StoryEntry("stories/a.md", "T")
    assert (
        entry.outlets == ()
        and entry.named == set()
        and dataclasses.replace(entry, title="U").title == "U"
    )


def _story(title: str, day: int, *actors: Actor) -> Briefing:
    return make_briefing(
        title=title, published=dt.date(2026, 11, day), quotes=(), actors=actors, tags=()
    )


PORT = Actor("Port Town", "place", None, (), 1)


def test_a_surname_in_one_story_and_the_full_name_in_another_are_one_actor_page(
    tmp_path: Path,
) -> None:
    pages: dict[str, Briefing | Redirect] = {
        "stories/a.md": _story(
            "Rell opens the bridge", 18, Actor("Adam Rell", "person", None), PORT
        ),
        "stories/b.md": _story("Bridge tolls rise", 19, Actor("Rell", "person", None), PORT),
    }
    done, errors = publish_pages(tmp_path, pages)
    assert not errors and done.actor_pages["Rell"] == done.actor_pages["Adam Rell"]
    for story in ("a", "b"):  # both stories link to the one page, under the name each gives
        text = (tmp_path / "stories" / f"{story}.md").read_text()
        assert "](../actors/adam-rell.md)" in text and "../actors/rell.md" not in text
    page = (tmp_path / "actors" / "adam-rell.md").read_text()
    assert "# Adam Rell" in page and "Also named: Rell" in page and page.count("\n- 1") == 2
    old = (tmp_path / "actors" / "rell.md").read_text()  # Rell's own address sends readers on
    assert "template: redirect.html" in old and "redirect: ../adam-rell/" in old
    assert "[Adam Rell](adam-rell.md)" in old
    again, _ = publish_pages(tmp_path, pages, links_before=done.actor_pages)
    assert again.written == [] and again.hubs == []  # the same names: the same addresses


def test_a_surname_two_full_names_share_stays_apart_and_gets_no_page(tmp_path: Path) -> None:
    pages: dict[str, Briefing | Redirect] = {
        "stories/a.md": _story("One", 18, Actor("Adam Rell", "person", None), PORT),
        "stories/b.md": _story("Two", 19, Actor("Jane Rell", "person", None), PORT),
        "stories/c.md": _story("Three", 20, Actor("Rell", "person", None), PORT),
    }
    done, _ = publish_pages(tmp_path, pages)
    assert not {"Rell", "Adam Rell", "Jane Rell"} & set(done.actor_pages)  # one story each
    assert sorted(p.name for p in (tmp_path / "actors").iterdir()) == ["index.md", "port-town.md"]
    assert "- **Rell** ·" in (tmp_path / "stories" / "c.md").read_text()  # named, not linked


def test_a_one_story_actor_never_quoted_gets_no_page_and_no_link(tmp_path: Path) -> None:
    pages: dict[str, Briefing | Redirect] = {
        "stories/a.md": _story("One", 18, Actor("Tova Brisk", "person", "Ferry pilot"), PORT),
        "stories/b.md": _story("Two", 19, PORT),
    }
    done, _ = publish_pages(tmp_path, pages)
    assert (
        "Tova Brisk" not in done.actor_pages
        and not (tmp_path / "actors" / "tova-brisk.md").exists()
    )
    assert "- **Tova Brisk** — Ferry pilot ·" in (tmp_path / "stories" / "a.md").read_text()
    assert "Tova Brisk" not in (tmp_path / "actors" / "index.md").read_text()
    assert "Tova Brisk" in (tmp_path / "index.md").read_text()  # on her story's card, unlinked
    assert "[Tova Brisk]" not in (tmp_path / "index.md").read_text()


def test_the_actor_index_has_a_letter_bar_and_the_most_covered_first(tmp_path: Path) -> None:
    names = [f"{first} Quay" for first in ("Ada", "Bo", "Cy", "Di", "Ed", "Fay", "Gus", "Hal")]
    names += ["Ivo Marsh", "Jo Marsh", "Zed Marsh", "Öla Brand"]  # in 2, 3, … 13 stories
    pages: dict[str, Briefing | Redirect] = {
        f"stories/{i}-{k}.md": _story(f"Story {i} {k}", 18, Actor(name, "person", None))
        for i, name in enumerate(names)
        for k in range(i + 2)
    }
    publish_pages(tmp_path, pages)
    index = (tmp_path / "actors" / "index.md").read_text()
    bar = "[A](#a) · [B](#b) · [C](#c) · [D](#d) · [E](#e) · [F](#f) · [G](#g) · [H](#h) · "
    assert bar + "[I](#i) · [J](#j) · [O](#o) · [Z](#z)\n" in index
    top = index.split("## Most covered\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(top) == MOST_COVERED and top[0].startswith("1. [Öla Brand](ola-brand--")
    assert top[0].endswith(" · 13 stories") and top[1].startswith("1. [Zed Marsh](zed-marsh.md)")
    assert "Cy Quay" in top[-1] and "Bo Quay" not in "".join(top)
    assert index.index("## Most covered") < index.index("## A\n") < index.index("## Z\n")
    assert "- [Öla Brand](" in index.split("## O\n", 1)[1]


def test_an_actor_page_shows_a_fragment_inside_its_sentence(tmp_path: Path) -> None:
    sentence = "Tova Brisk called the new timetable “a slow goodbye” at the harbour meeting."
    fragment = Quote(
        "a slow goodbye", "Tova Brisk", 30, 44, evidence="woven:name", context=sentence
    )
    whole = Quote(
        "We were never asked about any of it.", "Tova Brisk", 80, 116, evidence="cue:name"
    )
    pilot = Actor("Tova Brisk", "person", "Ferry pilot")
    briefing = dataclasses.replace(_story("One", 18, pilot, PORT), quotes=(fragment, whole))
    publish_pages(tmp_path, {"stories/a.md": briefing})
    page = (tmp_path / "actors" / "tova-brisk.md").read_text()
    assert f"> {escape_md(sentence)}" in page  # the fragment in the reporter's sentence
    assert "> “a slow goodbye”" not in page
    assert "> “We were never asked about any of it.”" in page  # a whole quote stands alone


def test_the_story_index_cache_gives_what_the_pages_say(tmp_path: Path) -> None:
    from digest.publish.index import INDEX_CACHE

    pages: dict[str, Briefing | Redirect] = {
        "stories/2026-11-18-bridge.md": make_briefing(),
        "stories/2026-12-02-later.md": make_briefing(title="Later", published=dt.date(2026, 12, 2)),
    }
    publish_pages(tmp_path, pages)
    first = read_stories(tmp_path, "stories")
    assert (tmp_path / INDEX_CACHE).exists()
    assert read_stories(tmp_path, "stories") == first  # from the cache: the same entries
    page = tmp_path / "stories" / "2026-12-02-later.md"
    page.write_text(page.read_text().replace("title: Later", "title: Later still"))
    assert {e.title for e in read_stories(tmp_path, "stories")} == {
        first[0].title if first[0].title != "Later" else first[1].title,
        "Later still",
    }  # an edited page is read again
    page.write_text("---\ntitle: [unclosed\n---\n")
    with pytest.raises(FrontMatterError):
        read_stories(tmp_path, "stories")  # a broken page is named, cache or not
    (tmp_path / INDEX_CACHE).write_text("{not json")
    page.unlink()
    assert [e.title for e in read_stories(tmp_path, "stories")] == [make_briefing().title]


def _daily(k: int, *actors: Actor) -> Briefing:
    """Story k of an invented run of stories about Port Town, one a day from 1 January 2026."""
    return make_briefing(
        title=f"Ferry timetable, day {k}",
        published=dt.date(2026, 1, 1) + dt.timedelta(days=k),
        quotes=(Quote(f"Day {k} went as planned.", "Tova Brisk", 0, 10, evidence="cue:name"),),
        actors=(PORT, Actor("Tova Brisk", "person", "Ferry pilot"), *actors),
        tags=("Port Town",),
    )


def test_a_long_listed_actor_gets_older_pages_that_a_day_leaves_alone(tmp_path: Path) -> None:
    """An actor (or a tag) in 130 stories: its page lists the newest LISTED and links full pages
    of PAGE_STORIES counted from the oldest; every story is on one of them, every quote too, and
    a new story rewrites the page alone until it fills another older page."""
    from digest.publish.hubs import LISTED, LISTED_QUOTES, PAGE_STORIES

    assert PAGE_STORIES <= LISTED == 30
    pages: dict[str, Briefing | Redirect] = {f"stories/d{k:03}.md": _daily(k) for k in range(130)}
    done, errors = publish_pages(tmp_path, pages)
    assert not errors
    for folder in ("actors", "tags"):
        page = (tmp_path / folder / "port-town.md").read_text()
        stories = page.split("## All stories")[0]
        assert stories.count("\n- ") == LISTED and "day 129](../stories/d129.md)" in page
        assert "day 99]" not in page  # the 31st newest is on an older page
        older = sorted(p.name for p in (tmp_path / folder / "port-town").iterdir())
        assert older == ["1.md", "2.md", "3.md", "4.md"] and "](port-town/4.md)" in page
        first = (tmp_path / folder / "port-town" / "1.md").read_text()
        assert first.count("\n- ") == PAGE_STORIES and "search:\n  exclude: true\n" in first
        assert "- [1 January 2026 – 30 January 2026](port-town/1.md) · stories 1–30" in page
        assert "day 0](../../stories/d000.md)" in first and "day 29]" in first
        assert "day 30]" not in first and "[Port Town](../port-town.md)" in first
        newest = (tmp_path / folder / "port-town" / "4.md").read_text()
        assert "day 119]" in newest and "day 120]" not in newest  # 121 to 130: the page's own
    for folder in ("actors/port-town", "tags/port-town", "actors/tova-brisk"):  # every story
        pages = [tmp_path / f"{folder}.md", *sorted((tmp_path / folder).glob("*.md"))]
        text = "".join(p.read_text() for p in pages)
        assert set(re.findall(r"stories/(d\d{3})\.md", text)) == {f"d{k:03}" for k in range(130)}
    said = "".join(
        p.read_text()
        for p in [tmp_path / "actors/tova-brisk.md", *tmp_path.glob("actors/tova-brisk/*")]
    )
    assert set(re.findall(r"> “Day (\d+) went", said)) == {str(k) for k in range(130)}
    brisk = (tmp_path / "actors" / "tova-brisk.md").read_text()
    assert "*person · 130 stories · 130 quotes*" in brisk
    said = [line for line in brisk.splitlines() if line.startswith("> ")]
    assert len(said) == LISTED_QUOTES and said[-1] == "> “Day 120 went as planned.”"
    assert "> “Day 3 went as planned.”" in (tmp_path / "actors/tova-brisk/1.md").read_text()
    older_pages = [p for p in tmp_path.rglob("*.md") if len(p.relative_to(tmp_path).parts) == 3]
    before = {p: p.read_bytes() for p in older_pages}
    assert len(before) == 3 * 4  # actors/port-town, actors/tova-brisk, tags/port-town
    for day in range(130, 149):  # stories 131 to 149: no page fills
        again, _ = publish_pages(
            tmp_path, {f"stories/d{day}.md": _daily(day)}, links_before=done.actor_pages
        )
        assert {"actors/port-town.md", "tags/port-town.md"} <= set(again.hubs)
        assert not [h for h in again.hubs if h.count("/") == 2]
    assert all(p.read_bytes() == text for p, text in before.items())
    brisk = (tmp_path / "actors" / "tova-brisk.md").read_text()
    assert brisk.count("\n> ") == 29  # the quotes of the 29 stories no older page holds yet
    again, _ = publish_pages(tmp_path, {"stories/d149.md": _daily(149)})
    assert {"actors/port-town/5.md", "actors/port-town/4.md"} <= set(again.hubs)  # 4 links 5
    assert (tmp_path / "actors" / "tova-brisk.md").read_text().count("\n> ") == LISTED_QUOTES


def test_older_pages_go_when_an_actor_has_few_stories_again(tmp_path: Path) -> None:
    pages: dict[str, Briefing | Redirect] = {f"stories/d{k:03}.md": _daily(k) for k in range(60)}
    publish_pages(tmp_path, pages)
    assert (tmp_path / "actors" / "port-town" / "1.md").exists()
    for k in range(35):
        (tmp_path / "stories" / f"d{k:03}.md").unlink()
    publish_pages(tmp_path, {"stories/d059.md": _daily(59)})
    assert not (tmp_path / "actors" / "port-town").exists()
    assert not (tmp_path / "tags" / "port-town").exists()
    page = (tmp_path / "actors" / "port-town.md").read_text()
    assert page.count("\n- ") == 25 and "All stories" not in page
