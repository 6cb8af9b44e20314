"""A day's update builds only what changed, and gives the site a full build gives, byte for byte.

Invented stories over two years (so the search index has two shards), tagged so that tag pages
exist. The update changes stories, adds some, removes one (its page goes), and gives a tag its
second story (so an untouched story's chip becomes a link): the incremental build and a full build
of the same content must give the same files with the same bytes, while the incremental one
leaves untouched pages and the untouched search shard as they were.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest

from digest.errors import BuildError
from digest.model import Actor, Briefing
from digest.publish import publish
from digest.publish.mkdocs_build import build_site, record_path

from .conftest import copy_site_setup
from .test_render import make_briefing

pytest.importorskip("material")
pytest.importorskip("pagefind")

PEOPLE = [Actor(f"{first} Quarrel", "person", "harbour official") for first in "Ada Bo Cy".split()]


def briefing(n: int, day: dt.date, tag: str, extra: str = "") -> Briefing:
    b = make_briefing(
        title=f"Harbour report number {n}",
        published=day,
        quotes=(),
        actors=(PEOPLE[n % 3], Actor("Port Tolliver", "place")),
        tags=(tag,),
    )
    summary = (f"Report {n} says the harbour board met on {day:%d %B}.{extra}",)
    return dataclasses.replace(b, id=f"{n:012d}", summary=summary)


def stories(update: bool) -> dict[str, Briefing]:
    """Twelve stories in 2025 and 2026; the update changes two, adds two and drops one."""
    days = [dt.date(2025, 12, 20 + n) for n in range(6)] + [
        dt.date(2026, 1, 1 + n) for n in range(6)
    ]
    out = {
        f"stories/{day.isoformat()}-report-{n}.md": briefing(n, day, "Docks" if n % 2 else f"T{n}")
        for n, day in enumerate(days)
    }
    if update:
        out.pop("stories/2026-01-06-report-11.md")
        for n in (8, 9):  # 2026: changed
            path = f"stories/2026-01-0{n - 5}-report-{n}.md"
            out[path] = briefing(n, days[n], "Docks", extra=" A later report adds a figure.")
        for n in (12, 13):  # 2026: new; the second one gives tag T10 its second story
            day = dt.date(2026, 1, 10 + n)
            out[f"stories/{day.isoformat()}-report-{n}.md"] = briefing(n, day, "T10")
    return out


def publish_all(content: Path, pages: dict[str, Briefing], before: object = None) -> object:
    for gone in (content / "stories").glob("*.md") if (content / "stories").exists() else ():
        if f"stories/{gone.name}" not in pages:
            gone.unlink()
    errors: list[object] = []
    done = publish(content, "stories", dict(pages), pages.get, None, errors.append)
    assert not errors
    return done


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def times(site: Path, under: str) -> dict[str, int]:
    return {p.as_posix(): p.stat().st_mtime_ns for p in (site / under).rglob("*") if p.is_file()}


def test_a_days_update_builds_what_changed_and_equals_a_full_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also with actor and tag pages long enough to have older pages (hubs.LISTED made small):
    the update adds to the page's list and leaves the full older pages alone."""
    from digest.publish import hubs

    monkeypatch.setattr(hubs, "LISTED", 5)
    monkeypatch.setattr(hubs, "PAGE_STORIES", 4)
    daily = copy_site_setup(tmp_path / "daily")
    publish_all(daily / "content", stories(update=False))
    site = build_site(daily / "mkdocs.yml", daily / "site")
    assert sorted(p.name for p in site.glob("pagefind*")) == ["pagefind", "pagefind-2025"]
    older = site / "actors/port-tolliver/1/index.html"  # stories 1-4 of the twelve
    assert older.exists() and (site / "actors/port-tolliver/3/index.html").exists()
    assert "data-pagefind-body" not in older.read_text()  # the actor's page is what search finds
    assert "data-pagefind-body" in (site / "actors/port-tolliver/index.html").read_text()
    first_older = older.stat().st_mtime_ns
    untouched = "stories/2025-12-20-report-0/index.html"
    before_page = (site / untouched).stat().st_mtime_ns
    before_shard = times(site, "pagefind-2025")
    assert (site / "stories/2026-01-06-report-11/index.html").exists()

    publish_all(daily / "content", stories(update=True))
    build_site(daily / "mkdocs.yml", daily / "site")

    full = copy_site_setup(tmp_path / "full")
    shutil.rmtree(full / "content")
    shutil.copytree(daily / "content", full / "content")
    build_site(full / "mkdocs.yml", full / "site", incremental=False)

    assert tree(site) == tree(full / "site")  # same files, same bytes
    assert not (site / "stories/2026-01-06-report-11").exists()  # the dropped story's page went
    assert (site / untouched).stat().st_mtime_ns == before_page  # not rendered again
    assert times(site, "pagefind-2025") == before_shard  # the 2025 shard was not indexed again
    assert older.stat().st_mtime_ns == first_older  # a full older page is left alone
    chip = (site / "stories/2026-01-05-report-10/index.html").read_text()
    assert 'href="../../tags/t10/" class="md-tag">T10</a>' in chip  # untouched, now linked
    assert record_path(site).exists() and not (site / ".site-build.json").exists()


def test_a_change_of_the_settings_builds_everything_again(tmp_path: Path) -> None:
    project = copy_site_setup(tmp_path / "project")
    publish_all(project / "content", stories(update=False))
    site = build_site(project / "mkdocs.yml", project / "site")
    page = site / "stories/2025-12-20-report-0/index.html"
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("site_name: Digest", "site_name: Harbour Digest"))
    build_site(config, project / "site")
    assert "Harbour Digest" in page.read_text()


def test_a_build_that_fails_half_way_leaves_no_record_so_the_next_one_is_full(
    tmp_path: Path,
) -> None:
    project = copy_site_setup(tmp_path / "project")
    publish_all(project / "content", stories(update=False))
    site = build_site(project / "mkdocs.yml", project / "site")
    (project / "content" / "stories" / "2025-12-20-report-0.md").write_text(
        "---\ntitle: Broken\n---\n\n[a link to nowhere](missing.md)\n"
    )
    with pytest.raises(BuildError, match="MkDocs build failed"):
        build_site(project / "mkdocs.yml", project / "site")
    assert not record_path(site).exists()


def test_search_finds_stories_in_every_shard_under_a_sub_path(tmp_path: Path, browser) -> None:  # type: ignore[no-untyped-def]
    """The 2025 stories sit in their own shard, merged in the browser: a search finds one, on a
    site served under /digest/ as GitHub Pages serves a project site. A 2023 story is beyond the
    two latest years a search covers at first; "Search every year" finds it."""
    import http.server
    import threading
    from functools import partial

    from .conftest import in_project
    from .test_browser import QuietHandler

    project = copy_site_setup(tmp_path / "project")
    old = {
        "stories/2023-05-04-report-99.md": briefing(
            99, dt.date(2023, 5, 4), "Docks", " Ostbrenmoor."
        )
    }
    publish_all(project / "content", {**stories(update=False), **old})
    www = tmp_path / "www"
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(QuietHandler, directory=str(www))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}/digest/"
    with in_project(project, base):
        build_site(project / "mkdocs.yml", www / "digest")
    assert (www / "digest" / "pagefind-2025" / "pagefind-entry.json").exists()
    assert not (www / "digest" / "pagefind-2025" / "pagefind-ui.js").exists()  # the primary's
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        page.goto(base + "search/")
        for query, title in [("Report 3 says", "number 3"), ("Report 9 says", "number 9")]:
            page.fill("#digest-search input", query)  # 3: a 2025 story; 9: 2026, the primary
            link = page.locator(".pagefind-ui__result-link", has_text=f"Harbour report {title}")
            link.first.wait_for(timeout=15_000)
        page.fill("#digest-search input", "Ostbrenmoor")  # a word only the 2023 story has
        page.locator(".pagefind-ui__message", has_text="No results").wait_for(timeout=15_000)
        page.get_by_role("link", name="Search every year since 2023").click()
        page.wait_for_url("**/search/?all=1&q=Ostbrenmoor")
        page.locator(".pagefind-ui__result-link", has_text="Harbour report number 99").wait_for(
            timeout=15_000
        )
        page.close()
    finally:
        server.shutdown()
        server.server_close()
