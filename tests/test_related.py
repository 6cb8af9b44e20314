"""Related stories, "the story so far": stories days apart that share rare key actors link to each
other in date order; a common actor alone relates nothing; pages stay right across runs. Invented
stories only."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from digest.errors import DigestError
from digest.model import Actor, Briefing
from digest.publish import Published, Redirect, publish
from digest.publish.mkdocs_build import build_site
from digest.publish.related import WINDOW_DAYS
from digest.store import Store

from .conftest import copy_site_setup
from .test_render import make_briefing

CITY = Actor("Harbour City", "place", None, (), 2)  # in every story of the site: says little
SOLANO = Actor("Mira Solano", "person", "auditor general", ("Solano",), 4)
COMMITTEE = Actor("Dockyard Audit Committee", "organization", None, (), 3)
INQUIRY = {  # one inquiry, day by day: too far apart for grouping to join them
    "stories/inquiry-1.md": ("Audit inquiry opens into dockyard contracts", 1, (SOLANO, COMMITTEE)),
    "stories/inquiry-5.md": (
        "Auditor tells inquiry of missing invoices",
        5,
        (SOLANO, COMMITTEE),
    ),
    "stories/inquiry-9.md": (
        "Dockyard inquiry hears from contractors",
        9,
        (Actor("Solano", "person", None), COMMITTEE),  # the surname alone: the same person
    ),
}
FILLER = {  # other news of the same city
    f"stories/other-{n}.md": (f"City news item {n}", n + 2, (Actor(f"Person {n}", "person", None),))
    for n in range(7)
}


def story(title: str, day: int, actors: tuple[Actor, ...], **changes: object) -> Briefing:
    return make_briefing(
        title=title,
        published=dt.date(2026, 11, day),
        quotes=(),
        actors=(*actors, CITY),
        tags=(CITY.name,),
        **changes,
    )


def site(*groups: dict[str, tuple[str, int, tuple[Actor, ...]]]) -> dict[str, Briefing]:
    return {path: story(*spec) for group in groups for path, spec in group.items()}


def run(
    content: Path,
    changed: dict[str, Briefing | Redirect],
    known: dict[str, Briefing],
    before: Published | None = None,
    samples: frozenset[str] = frozenset(),
) -> Published:
    errors: list[DigestError] = []
    done = publish(
        content,
        "stories",
        changed,
        known.get,
        before.actor_pages if before else None,
        errors.append,
        samples=samples,
        related_before=before.related if before else None,
    )
    assert not errors
    return done


def so_far(content: Path, path: str) -> list[str]:
    """The lines under "The story so far" on a page (none when it has no such section)."""
    text = (content / path).read_text()
    found = re.search(r"^## The story so far\n\n(.*?)\n\n", text, re.MULTILINE | re.DOTALL)
    return found.group(1).splitlines() if found else []


def test_an_inquiry_day_by_day_is_linked_in_date_order_and_a_common_actor_relates_nothing(
    tmp_path: Path,
) -> None:
    pages = site(INQUIRY, FILLER)
    done = run(tmp_path, dict(pages), pages)
    assert so_far(tmp_path, "stories/inquiry-5.md") == [
        "- 1 November 2026 · [Audit inquiry opens into dockyard contracts](inquiry-1.md)",
        "- 5 November 2026 · *this briefing*",
        "- 9 November 2026 · [Dockyard inquiry hears from contractors](inquiry-9.md)",
    ]
    assert so_far(tmp_path, "stories/inquiry-1.md")[1:] == [
        "- 5 November 2026 · [Auditor tells inquiry of missing invoices](inquiry-5.md)",
        "- 9 November 2026 · [Dockyard inquiry hears from contractors](inquiry-9.md)",
    ]
    assert so_far(tmp_path, "stories/inquiry-9.md")[-1] == "- 9 November 2026 · *this briefing*"
    for path in FILLER:  # sharing only the city, which every story names
        assert so_far(tmp_path, path) == [] and "story so far" not in (tmp_path / path).read_text()
    assert done.related == {
        "stories/inquiry-1.md": ["stories/inquiry-5.md", "stories/inquiry-9.md"],
        "stories/inquiry-5.md": ["stories/inquiry-1.md", "stories/inquiry-9.md"],
        "stories/inquiry-9.md": ["stories/inquiry-1.md", "stories/inquiry-5.md"],
    }


def test_a_later_story_updates_the_earlier_pages_and_a_rebuild_writes_nothing(
    tmp_path: Path,
) -> None:
    first = site({p: s for p, s in INQUIRY.items() if p != "stories/inquiry-9.md"}, FILLER)
    done = run(tmp_path, dict(first), first)
    assert len(so_far(tmp_path, "stories/inquiry-1.md")) == 2
    earlier = {p: (tmp_path / p).stat().st_mtime_ns for p in first}
    new = {"stories/inquiry-9.md": story(*INQUIRY["stories/inquiry-9.md"])}
    done = run(tmp_path, dict(new), {**first, **new}, before=done)
    assert sorted(done.written) == [
        "stories/inquiry-1.md",
        "stories/inquiry-5.md",
        "stories/inquiry-9.md",
    ]  # the earlier pages gain the link, the others are not touched
    assert so_far(tmp_path, "stories/inquiry-1.md")[-1].endswith("(inquiry-9.md)")
    for path in FILLER:
        assert (tmp_path / path).stat().st_mtime_ns == earlier[path]
    again = run(tmp_path, {}, {**first, **new}, before=done)
    assert again.written == [] and again.hubs == [] and again.related == done.related
    retitled = {"stories/inquiry-9.md": story("Contractors questioned", 9, (SOLANO, COMMITTEE))}
    done = run(tmp_path, dict(retitled), {**first, **retitled}, before=again)
    assert sorted(done.written) == sorted(INQUIRY)  # the title they show changed
    assert so_far(tmp_path, "stories/inquiry-1.md")[-1].endswith(
        "[Contractors questioned](inquiry-9.md)"
    )


def test_a_story_that_goes_is_no_longer_linked(tmp_path: Path) -> None:
    pages = site(INQUIRY, FILLER)
    done = run(tmp_path, dict(pages), pages)
    merged: dict[str, Briefing | Redirect] = {
        "stories/inquiry-9.md": Redirect("Dockyard inquiry", "stories/inquiry-5.md")
    }
    done = run(tmp_path, merged, pages, before=done)
    assert "stories/inquiry-1.md" in done.written
    assert "inquiry-9.md" not in (tmp_path / "stories/inquiry-1.md").read_text()
    (tmp_path / "stories/inquiry-5.md").unlink()
    done = run(tmp_path, {}, pages, before=done)
    assert done.written == ["stories/inquiry-1.md"]
    assert so_far(tmp_path, "stories/inquiry-1.md") == []


def test_samples_relate_only_to_samples_and_far_apart_stories_not_at_all(tmp_path: Path) -> None:
    pages = site(INQUIRY, FILLER)
    late = dt.date(2026, 11, 9) + dt.timedelta(days=WINDOW_DAYS + 1)
    pages["stories/inquiry-far.md"] = make_briefing(
        title="Inquiry report published",
        published=late,
        quotes=(),
        actors=(SOLANO, COMMITTEE, CITY),
        tags=(),
    )
    sample = "stories/inquiry-sample.md"
    pages[sample] = story("A sample inquiry day", 3, (SOLANO, COMMITTEE))
    done = run(tmp_path, dict(pages), pages, samples=frozenset({sample}))
    assert sample not in done.related  # no other sample
    assert all(sample not in shown for shown in done.related.values())
    assert "stories/inquiry-far.md" not in done.related  # more than WINDOW_DAYS after the rest


def test_titles_are_escaped_once_in_the_links(tmp_path: Path) -> None:
    hostile = "Inquiry [click](javascript:alert(1)) <b>*loud*</b> & more"
    pages = site(INQUIRY, FILLER)
    pages["stories/inquiry-9.md"] = story(hostile, 9, (SOLANO, COMMITTEE))
    run(tmp_path, dict(pages), pages)
    line = so_far(tmp_path, "stories/inquiry-1.md")[-1]
    assert line == (
        r"- 9 November 2026 · [Inquiry \[click\]\(javascript:alert\(1\)\) &lt;b&gt;\*loud\*"
        r"&lt;/b&gt; &amp; more](inquiry-9.md)"
    )


def test_a_site_of_related_stories_builds_with_mkdocs_strict(tmp_path: Path) -> None:
    pytest.importorskip("material")
    project = copy_site_setup(tmp_path / "project")
    pages = site(INQUIRY, FILLER)
    run(project / "content", dict(pages), pages)
    out = build_site(project / "mkdocs.yml", tmp_path / "site")
    html = (out / "stories" / "inquiry-5" / "index.html").read_text()
    assert "The story so far" in html
    assert 'href="../inquiry-1/"' in html and 'href="../inquiry-9/"' in html


def test_the_story_index_remembers_what_each_page_lists(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        assert store.related is None  # a store from before: every page is checked once
        store.related = {"stories/inquiry-1.md": ["stories/inquiry-5.md"]}
        store.save_stories()
    with Store.open(tmp_path) as store:
        assert store.related == {"stories/inquiry-1.md": ["stories/inquiry-5.md"]}
