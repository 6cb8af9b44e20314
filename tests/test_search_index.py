"""The globs Pagefind gets: the marked pages of a shard, never whole folders of listings."""

from __future__ import annotations

from digest.publish.search_index import _glob


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
