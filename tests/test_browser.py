"""The built site in a real headless Chromium, served by a real http.server under a sub-path
(/digest-demo/).

Needs Playwright's Python package and Debian's chromium at /usr/bin/chromium (Playwright never
downloads a browser here); without them these tests skip. Screenshots go to tests/screenshots/
(gitignored).
"""

from __future__ import annotations

import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urldefrag, urljoin, urlparse
from urllib.request import urlopen

import pytest
from click.testing import CliRunner

from digest.cli import main

from .conftest import CHROMIUM, FIXTURES, ROOT, SAMPLES, copy_site_setup, in_project

SUBPATH = "/digest-demo/"
SCREENSHOTS = ROOT / "tests" / "screenshots"
WIDTHS = {"phone": 390, "desktop": 1280}
# Sabine Holtz is named only in the rail strike story; Yusuf Adeyemi in the theatre story and the
# library one.
ONLY_IN_ONE = ("Sabine Holtz", "Rail workers to strike for 48 hours")
SHARED_ACTOR = "Yusuf Adeyemi"
# Invented stories (tests/fixtures/people/): "Adam Rell" in one, only "Rell" in the other, and
# Nora Fitch, named once and never quoted.
RELL_STORIES = (
    "stories/2026-11-10-ferry-operator-wins-eastquay-crossing-contract/",
    "stories/2026-12-02-eastquay-ferry-fares-to-rise-by-a-fifth/",
)
SEED = ROOT.parent / "shared" / "seeds" / "kim-putin-vostochny.txt"

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: pip install playwright"
)
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: apt-get install chromium"
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site (plus one more story sharing an actor), built for and served at
    127.0.0.1:PORT/digest-demo/."""
    root = tmp_path_factory.mktemp("browser")
    www, project = root / "www", root / "project"
    www.mkdir()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(QuietHandler, directory=str(www))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    _build(project, base)
    shutil.copytree(project / "site", www / SUBPATH.strip("/"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def _build(project: Path, base: str) -> None:
    copy_site_setup(project)
    shutil.copytree(SAMPLES, project / "samples")
    shutil.copy(FIXTURES / "pages" / "minimal.html", project / "samples")
    for page in (FIXTURES / "people").glob("*.html"):  # "Adam Rell" in one story, "Rell" in another
        shutil.copy(page, project / "samples")
    (project / "site_config" / "digest.yml").write_text(
        "sources:\n  - files: samples/*.html\nfetch:\n  cache_dir: cache\n"
    )
    with in_project(project, base):
        seed = (
            [str(SEED)] if SEED.exists() else []
        )  # the seed story joins the site where ../shared is present
        result = CliRunner().invoke(main, ["build", *seed], catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    yield context.new_page()
    context.close()


def test_search_finds_a_story_by_an_actor_named_only_in_it(  # type: ignore[no-untyped-def]
    page, site_url: str
) -> None:
    name, title = ONLY_IN_ONE
    page.goto(site_url + "search/")
    page.fill("#digest-search input", name)
    result = page.locator(".pagefind-ui__result-link", has_text=title).first
    result.wait_for(timeout=10_000)
    result.click()
    page.wait_for_load_state()
    assert page.url.startswith(site_url + "stories/2026-11-16-rail-workers")
    assert page.locator("h1").inner_text().startswith(title)


def test_story_to_actor_to_another_story_by_clicking(  # type: ignore[no-untyped-def]
    page, site_url: str
) -> None:
    page.goto(site_url + "stories/2026-11-26-old-ropeworks-theatre-reopens-with-a-revival-of/")
    page.locator("article a", has_text=SHARED_ACTOR).first.click()
    page.wait_for_load_state()
    assert page.url == site_url + "actors/yusuf-adeyemi/"
    assert page.locator("h1").inner_text() == SHARED_ACTOR
    page.locator("article h2#stories + ul a", has_text="Brackenford Library").click()
    page.wait_for_load_state()
    assert (
        page.url
        == site_url + "stories/2026-11-21-brackenford-library-to-open-on-sundays-from-january/"
    )


def test_an_actor_page_is_found_by_its_names_not_by_the_headlines_it_lists(  # type: ignore[no-untyped-def]
    page, site_url: str
) -> None:
    page.goto(site_url + "search/?q=" + SHARED_ACTOR.replace(" ", "+"))
    page.wait_for_selector(".pagefind-ui__result-link[href*='/actors/yusuf-adeyemi/']")
    page.goto(site_url + "search/?q=Sundays")  # in a headline his page lists
    page.wait_for_selector(".pagefind-ui__result-link[href*='/stories/2026-11-21-brackenford']")
    page.wait_for_load_state("networkidle")
    assert page.locator(".pagefind-ui__result-link[href*='/actors/']").count() == 0


@pytest.mark.skipif(not SEED.exists(), reason=f"{SEED} is absent")
def test_searching_peskov_finds_the_seed_story_which_links_to_his_page_and_back(
    page, site_url: str
) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_url + "search/?q=Peskov")
    page.wait_for_selector(
        "a[href*='/stories/undated-north-korea-will-always-stand']", timeout=15000
    )
    page.click("a[href*='/stories/undated-north-korea-will-always-stand']")
    page.wait_for_load_state()
    page.click("a[href*='actors/dmitry-peskov']")
    page.wait_for_load_state()
    assert "/actors/dmitry-peskov/" in page.url and page.url.startswith(site_url)
    assert page.locator("a[href*='undated-north-korea-will-always-stand']").count() >= 1


def test_a_surname_and_its_full_name_in_two_stories_are_one_actor_page(  # type: ignore[no-untyped-def]
    page, site_url: str
) -> None:
    for story, name in zip(RELL_STORIES, ("Adam Rell", "Rell"), strict=True):
        page.goto(site_url + story)
        page.locator("article a", has_text=name).first.click()
        page.wait_for_load_state()
        assert page.url == site_url + "actors/adam-rell/"
        assert page.locator("h1").inner_text() == "Adam Rell"
    stories = page.locator("article h2#stories + ul a")
    assert stories.count() == 2
    page.goto(site_url + "actors/rell/")  # the address "Rell" alone would have: sent on
    page.wait_for_url(site_url + "actors/adam-rell/")
    page.goto(site_url + RELL_STORIES[1])  # named once, never quoted: no page, no link
    assert page.locator("article strong", has_text="Nora Fitch").count() >= 1
    assert page.locator("article a", has_text="Nora Fitch").count() == 0
    assert urlopen_status(site_url + "actors/nora-fitch/") == 404


def test_the_actor_index_letter_bar_jumps_to_each_letter(  # type: ignore[no-untyped-def]
    page, site_url: str
) -> None:
    page.goto(site_url + "actors/")
    bar = page.locator("article p").filter(has=page.locator("a[href='#a']")).first
    letters = bar.locator("a")
    assert letters.count() >= 5
    for i in range(letters.count()):
        link = letters.nth(i)
        letter = link.inner_text()
        link.click()
        page.wait_for_function(f"location.hash === '#{letter.lower()}'")
        heading = page.locator(f"article h2#{letter.lower()}")
        assert heading.inner_text() == letter
        top, bottom = heading.evaluate(
            "el => [el.getBoundingClientRect().top,"
            " innerHeight + scrollY >= document.documentElement.scrollHeight - 1]"
        )
        assert 0 <= top < (900 if bottom else 300), f"the {letter} section is at {top}px"
        page.goto(site_url + "actors/")
    most = page.locator("article h2#most-covered")
    assert most.count() == 1 and page.locator("article h2#most-covered + ol li").count() == 10


def urlopen_status(url: str) -> int:
    try:
        with urlopen(url) as response:
            return int(response.status)
    except HTTPError as err:
        return err.code


def test_no_internal_link_is_broken(site_url: str) -> None:
    """Crawl every page reachable from the front page; every link, stylesheet and script under the
    site loads."""
    seen: set[str] = set()
    todo, broken = [site_url], []
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urlopen(url) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except OSError as err:
            broken.append(f"{url}: {err}")
            continue
        if kind == "text/html":
            for link in _links(body.decode("utf-8")):
                target = urldefrag(urljoin(url, link)).url
                if target.startswith(site_url) and target not in seen:
                    todo.append(target)
    assert not broken, broken
    assert (
        len([u for u in seen if "/stories/" in u]) >= 6
        and len([u for u in seen if "/actors/" in u]) > 10
    )


def test_each_outlets_own_facts_open_under_it_and_fit_a_phone(  # type: ignore[no-untyped-def]
    browser, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS["phone"], "height": 900})
    page = context.new_page()
    page.goto(site_url + "stories/2026-11-18-council-approves-240m-eastquay-harbour-plan-in-late/")
    gazette = page.locator("h3", has_text="The Harbour Gazette")
    block = gazette.locator("xpath=following-sibling::details[1]")
    fact = block.get_by_text("The ferry terminal, which would restore a direct service")
    assert not fact.is_visible()  # a long list waits collapsed under its outlet
    block.locator("summary").click()
    assert fact.is_visible()
    courier = page.locator("h3", has_text="Valley Courier").locator(
        "xpath=following-sibling::details[1]"
    )
    assert courier.get_by_text("Sixty-two berths today").count() == 1
    assert courier.get_by_text("The ferry terminal, which would").count() == 0
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the story is wider than a phone by {overflow}px"
    context.close()


def test_the_timeline_reads_in_date_order_with_labels_in_words(  # type: ignore[no-untyped-def]
    browser, site_url: str
) -> None:
    page = browser.new_page()
    page.goto(
        site_url + "stories/2026-11-24-halvorsen-appliances-recalls-212-000-heaters-as-quarterly/"
    )
    timeline = page.locator("h2#timeline + ul > li > strong")
    labels = timeline.all_inner_texts()
    assert "The fourth quarter of 2026" in labels and "The week of 16 November 2026" in labels
    assert not [label for label in labels if re.search(r"\bweek \d+ of\b|Q\d|-W\d", label)]
    years = [int(m.group()) for label in labels if (m := re.search(r"\b(19|20)\d\d\b", label))]
    assert years == sorted(years) and len(years) >= 5
    page.close()


HUBS = {"Latest": "", "Archive": "archive/", "Actors": "actors/", "Tags": "tags/"}
HUBS |= {"Search": "search/", "About": "about/"}
EASTQUAY = "stories/2026-11-18-council-approves-240m-eastquay-harbour-plan-in-late/"


def test_on_a_phone_the_tabs_reach_every_hub_and_the_palette_toggle_works(  # type: ignore[no-untyped-def]
    browser, site_url: str
) -> None:
    """The hub pages are linked once, in the tabs, on every width (no menu drawer): on a phone all
    six fit the screen and lead to their pages; the light/dark/auto toggle switches and the choice
    holds on the next page; no script error, no script refused by the page's policy."""
    width = WIDTHS["phone"]
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda err: problems.append(f"script error: {err}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    for name, path in HUBS.items():
        page.goto(site_url + EASTQUAY)
        tab = page.locator("nav.md-tabs a", has_text=name)
        box = tab.bounding_box()
        assert tab.is_visible() and box and box["x"] >= 0 and box["x"] + box["width"] <= width, name
        tab.click()
        page.wait_for_url(site_url + path)
        assert page.locator("nav.md-tabs .md-tabs__item--active a").inner_text() == name
    page.goto(site_url + "actors/yusuf-adeyemi/")  # a page outside the nav marks its folder's tab
    assert page.locator("nav.md-tabs .md-tabs__item--active a").inner_text() == "Actors"
    page.locator("header a.md-logo").click()  # the logo stays on a phone: home
    page.wait_for_url(site_url)

    page.goto(site_url + EASTQUAY)
    page.wait_for_load_state("networkidle")
    toggle = page.locator("header [data-md-component=palette] label:not([hidden])")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    seen = []
    for _ in range(3):  # auto -> light -> dark -> auto
        assert toggle.count() == 1 and toggle.is_visible()
        toggle.click()
        page.wait_for_timeout(200)
        seen.append(page.evaluate(scheme))
    assert seen == ["default", "slate", "default"], seen
    toggle.click()
    toggle.click()  # dark again
    page.wait_for_function(f"{scheme} === 'slate'")
    page.goto(site_url + "about/")
    assert page.evaluate(scheme) == "slate"  # the choice holds on the next page
    header = page.locator("header.md-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header != "rgba(0, 0, 0, 0)"
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is wider than a phone by {overflow}px"
    context.close()
    assert not problems, problems


def test_screenshots_at_phone_and_desktop_widths(  # type: ignore[no-untyped-def]
    browser, site_url: str
) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    pages = {
        "front": "",
        "story": "stories/2026-11-18-council-approves-240m-eastquay-harbour-plan-in-late/",
        "actor": "actors/yusuf-adeyemi/",
    }
    for device, width in WIDTHS.items():
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for name, path in pages.items():
            page.goto(site_url + path)
            page.wait_for_load_state("networkidle")
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} is wider than a {width}px screen by {overflow}px"
            page.screenshot(
                path=str(SCREENSHOTS / f"{name}-{device}.png"), full_page=name != "story"
            )
        context.close()
    assert len(list(SCREENSHOTS.glob("*.png"))) >= 6


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if value and (key == "href" or (key == "src" and tag in ("script", "img"))):
                self.links.append(value)


def _links(html: str) -> list[str]:
    parser = _LinkParser()
    parser.feed(html)
    return [link for link in parser.links if urlparse(link).scheme in ("", "http", "https")]
