"""What Pagefind reads: the marked pages of a shard, never whole folders of listings, and of an
actor's page only what comes before its listings."""

from __future__ import annotations

from digest.publish.mkdocs_plugin import search_until
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
