"""A story's headline: the best of its sources' headlines, without the outlet's name (invented
headlines and outlets)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from digest.model import Actor, Article
from digest.publish.markdown import escape_md
from digest.publish.story_page import story_markdown
from digest.stories.headline import clean_headline, is_roundup, story_headline, vocabulary
from digest.stories.merge import merge_briefings

from .test_render import make_briefing


@pytest.mark.parametrize(
    ("title", "site", "url", "clean"),
    [
        ("Pier reopens after storm | The Gazette", "The Gazette", None, "Pier reopens after storm"),
        ("Pier reopens after storm - Gazette News", "Gazette", None, "Pier reopens after storm"),
        ("Pier reopens after storm – Gazette", "Gazette News", None, "Pier reopens after storm"),
        (
            "Pier reopens after storm | Port Kessel",
            None,
            "https://www.portkessel.example/a",
            "Pier reopens after storm",
        ),
        (
            "Pier reopens after storm - PortKessel.com",
            "PortKessel.com",
            None,
            "Pier reopens after storm",
        ),
        ("Gazette: Pier reopens after storm", "The Gazette", None, "Pier reopens after storm"),
        (
            "Kessel Daily | Your port's voice: Pier reopens",
            "Kessel Daily | Your port's voice",
            None,
            "Pier reopens",
        ),
        # the site's name inside the headline, or a part that is another name, stays
        ("Gazette sold to Marrow group", "Gazette", None, "Gazette sold to Marrow group"),
        (
            "Pier reopens - Gazette unveils new press",
            "Gazette",
            None,
            "Pier reopens - Gazette unveils new press",
        ),
        ("Pier reopens | Opinion", "The Gazette", None, "Pier reopens | Opinion"),
        ("Gazette", "Gazette", None, "Gazette"),  # never empty
        ("Pier reopens | The Gazette", None, None, "Pier reopens | The Gazette"),
    ],
)
def test_the_outlets_name_leaves_the_headline(
    title: str, site: str | None, url: str | None, clean: str
) -> None:
    assert clean_headline(title, site, url) == clean


@pytest.mark.parametrize(
    "title",
    [
        "Harbour Bell 11.18.26",
        "Morning Briefing: pier, rates and a recall",
        "Week in review",
        "Kessel weekend edition",
        "Gazette newsletter, 18 November 2026",
        "November 18, 2026 digest",
        "7 things you need to know today",
        "Defensive snap counts and notes: Week 11",
    ],
)
def test_newsletter_and_roundup_titles_are_recognised(title: str) -> None:
    assert is_roundup(title)


@pytest.mark.parametrize(
    "title",
    [
        "Council approves harbour plan in 6–3 vote",
        "No. 1 seed Varga beats Holm in Kessel final",
        "Recall of 212,000 heaters after overheating reports",
    ],
)
def test_news_headlines_are_not_roundups(title: str) -> None:
    assert not is_roundup(title)


PIER = vocabulary(
    ["The Kessel pier reopened on Friday after storm repairs, the harbour board said."]
)
RATES = vocabulary(["The bank raised rates again."])


def test_the_earliest_news_headline_wins() -> None:
    titles = ["Kessel pier reopens after storm repairs", "Storm-hit pier open again in Kessel"]
    assert story_headline(titles, [PIER, PIER]) == titles[0]


def test_a_newsletter_title_gives_way_to_a_news_headline() -> None:
    titles = ["Harbour Bell 11.18.26", "Kessel pier reopens after storm repairs"]
    assert story_headline(titles, [PIER | RATES, PIER]) == "Kessel pier reopens after storm repairs"


def test_a_page_that_only_mentions_the_story_never_gives_the_headline() -> None:
    """The first page is about rates and names the pier in passing: the other source does not use
    its headline's words."""
    titles = ["Bank raises rates for the third time", "Kessel pier reopens after storm repairs"]
    assert story_headline(titles, [PIER | RATES, PIER]) == titles[1]


def test_roundups_only_when_no_source_has_a_news_headline() -> None:
    titles = ["Harbour Bell 11.18.26", "Week in review"]
    assert story_headline(titles, [PIER, PIER]) == "Harbour Bell 11.18.26"
    assert story_headline(["Harbour Bell 11.18.26"], [PIER]) == "Harbour Bell 11.18.26"


def _article(title: str, site: str, day: int, summary: str) -> object:
    article = Article(
        source=f"{site}.html",
        title=title,
        text="",
        url=f"https://www.{site.lower().replace(' ', '')}.example/a",
        published=dt.date(2026, 11, day),
        site=site,
    )
    return dataclasses.replace(
        make_briefing(),
        title=title,
        published=article.published,
        articles=(article,),
        summary=(summary,),
        actors=(Actor("Kessel", "place"),),
    )


def test_a_merged_story_takes_the_best_headline_and_every_source_loses_its_suffix() -> None:
    news = "The Kessel pier reopened on Friday after storm repairs, the harbour board said."
    story = merge_briefings(
        [
            _article("Harbour Bell 11.18.26", "Bell Letter", 18, "Rates rose. " + news),
            _article(
                "Kessel pier reopens after storm repairs | Port Gazette", "Port Gazette", 19, news
            ),
        ],
        "s",
    )
    assert story.title == "Kessel pier reopens after storm repairs"
    assert [a.title for a in story.articles] == [
        "Harbour Bell 11.18.26",
        "Kessel pier reopens after storm repairs",
    ]


def test_a_cleaned_headline_is_still_escaped_once() -> None:
    """The front matter keeps the text as it is (the digest plugin escapes it for the theme); the
    page's Markdown escapes it once."""
    raw = "Mayor <script>alert(1)</script> & *aide* resign | Port Gazette"
    clean = "Mayor <script>alert(1)</script> & *aide* resign"
    story = merge_briefings([_article(raw, "Port Gazette", 18, "The mayor resigned.")], "s")
    assert story.title == clean
    page = story_markdown(story, "stories/s.md")
    front, body = page.split("\n---\n", 1)
    assert f"title: {clean}\n" in front + "\n"
    assert f"# {escape_md(clean)}\n" in body and "<script" not in body
    assert "&amp;lt;" not in body  # not twice
