"""What Pagefind reads: the marked pages of a shard, never whole folders of listings, and of an
actor's page only what comes before its listings."""

from __future__ import annotations

import os
from pathlib import Path

from digest.publish.mkdocs_plugin import search_until
from digest.publish.search_index import _glob, _update_bundle


def test_the_glob_names_the_marked_pages_by_month_and_by_folder_depth() -> None:
    marked = [
        "stories/2026-03-01-harbour-vote/index.html",
        "stories/2026-03-04-ferry-fares/index.html",
        "stories/2026-04-02-tolls/index.html",
        "stories/hand-named-page/index.html",
        "actors/ada-quarrel/index.html",
        "actors/port-tolliver/index.html",
    ]
    glob = _glob(marked, "stories")
    assert glob == (
        "{stories/2026-03-*/index.html,stories/2026-04-*/index.html,"
        "stories/hand-named-page/index.html,actors/*/*.html}"
    )
    assert "archive" not in glob and "**" not in glob  # an actor's older pages are not read
    assert _glob(["stories/2026-03-01-a/index.html"], "stories") == "stories/2026-03-*/index.html"


def test_a_page_is_searched_up_to_its_heading_and_no_further() -> None:
    html = (
        '<h1 id="ada-quarrel">Ada Quarrel</h1>\n<p><em>person</em></p>\n'
        '<h2 id="roles">Roles</h2>\n<ul><li>harbour master</li></ul>\n'
        '<h2 id="stories">Stories</h2>\n<ul><li><a href="x/">Ferry fares rise</a></li></ul>'
    )
    cut = search_until(html, "stories")
    before, after = cut.split('<div data-pagefind-ignore="all">')
    assert "harbour master" in before and "Ferry fares" not in before
    assert after.startswith('\n<h2 id="stories">') and after.endswith("</ul>\n</div>")
    assert cut.replace('<div data-pagefind-ignore="all">\n', "").replace("\n</div>", "") == html
    assert search_until(html, "quotes") == html  # no such heading: the whole page
    assert search_until(html, None) == html


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_a_bundle_written_again_becomes_the_new_one_and_keeps_its_unchanged_files(
    tmp_path: Path,
) -> None:
    """A day's Pagefind output copied over yesterday's bundle: the files it has, the same bytes;
    those it has not, gone (an emptied folder too), but the list of shards Digest writes after;
    a file already right is not written again."""
    new, target = tmp_path / "new", tmp_path / "site" / "pagefind"
    for folder, files in {
        new: {
            "pagefind-entry.json": b"{2}",
            "fragment/en_b.pf_fragment": b"b",
            "index/en_2": b"2",
            "sort/en_2": b"s",  # a folder the old bundle had not
        },
        target: {
            "pagefind-entry.json": b"{1}",
            "fragment/en_a.pf_fragment": b"a",
            "fragment/en_b.pf_fragment": b"b",
            "index/en_1": b"1",
            "filter/en_1": b"f",
            "digest-bundles.js": b"// shards",
        },
    }.items():
        for rel, data in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_bytes(data)
    kept = target / "fragment/en_b.pf_fragment"
    os.utime(kept, ns=(1, 1))
    _update_bundle(new, target)
    assert _files(target) == {**_files(new), "digest-bundles.js": b"// shards"}
    assert not (target / "filter").exists() and kept.stat().st_mtime_ns == 1
