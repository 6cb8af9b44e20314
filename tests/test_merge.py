"""Several articles' briefings → one story briefing."""

from __future__ import annotations

import dataclasses
import datetime as dt

from digest.model import Actor, Article, Quote, TimeRef
from digest.stories.merge import merge_briefings

from .test_render import make_briefing


def outlet(name: str, day: int, **changes):
    article = Article(
        source=f"{name}.html",
        title=f"{name} report",
        text="",
        url=f"https://{name}.example/a",
        published=dt.date(2026, 11, day),
        site=name.title(),
    )
    return dataclasses.replace(
        make_briefing(),
        title=article.title,
        published=article.published,
        articles=(article,),
        **changes,
    )


def test_one_article_is_its_own_story() -> None:
    single = outlet("gazette", 18)
    assert merge_briefings([single], "story1") == dataclasses.replace(
        single, id="story1", tags=("Port Town",)
    )


def test_merged_story_lists_every_source_earliest_first() -> None:
    story = merge_briefings(
        [outlet("courier", 19), outlet("gazette", 18)], "story1", ["harbour", "said"]
    )
    assert [a.site for a in story.articles] == ["Gazette", "Courier"]
    assert story.title == "gazette report" and story.published == dt.date(2026, 11, 18)
    assert story.why == "shared actors: Ann Lee, Port Town; shared terms: harbour"


def test_same_quote_from_two_outlets_is_shown_once_with_both() -> None:
    a = outlet("gazette", 18, quotes=(Quote("We will build the bridge,", "Ann Lee", 0, 25),))
    b = outlet(
        "courier",
        19,
        quotes=(
            Quote("We will build the bridge", "Lee", 5, 29),
            Quote("It will take two years.", "Lee", 40, 63),
        ),
    )
    story = merge_briefings([a, b], "s")
    assert [(q.text, q.speaker, q.sources) for q in story.quotes] == [
        ("We will build the bridge,", "Ann Lee", (0, 1)),
        ("It will take two years.", "Ann Lee", (1,)),  # "Lee" resolved to the merged actor
    ]


def test_actors_merged_by_alias_and_ranked_by_sources() -> None:
    a = outlet(
        "gazette",
        18,
        actors=(
            Actor("Port Town", "place", None, (), 4),
            Actor("Ann Lee", "person", "Mayor", (), 2),
        ),
    )
    b = outlet(
        "courier",
        19,
        actors=(Actor("Lee", "person", None, (), 3), Actor("Bo Chen", "person", None, (), 1)),
    )
    story = merge_briefings([a, b], "s")
    lee = next(x for x in story.actors if x.name == "Ann Lee")
    assert lee.role == "Mayor" and lee.mentions == 5 and "Lee" in lee.aliases
    assert [x.name for x in story.actors] == ["Ann Lee", "Port Town", "Bo Chen"]


def test_summary_draws_on_all_sources_without_repeats() -> None:
    a = outlet(
        "gazette",
        18,
        summary=("The council approved the bridge plan on Monday.", "Work starts in spring."),
    )
    b = outlet(
        "courier",
        19,
        summary=("On Monday the council approved the bridge plan.", "Fishermen fear the cost."),
    )
    assert merge_briefings([a, b], "s").summary == (
        "The council approved the bridge plan on Monday.",
        "Work starts in spring.",
        "Fishermen fear the cost.",
    )


def test_timeline_keeps_each_dated_item_once_with_its_sources() -> None:
    ref = TimeRef("Monday", "2026-11-16", 0, 6, "The council voted on Monday.")
    a = outlet("gazette", 18, timeline=(ref,))
    b = outlet(
        "courier", 19, timeline=(ref, TimeRef("2019", "2019", 0, 4, "The plan dates from 2019."))
    )
    story = merge_briefings([a, b], "s")
    assert [(t.value, t.sources) for t in story.timeline] == [
        ("2026-11-16", (0, 1)),
        ("2019", (1,)),
    ]


def test_a_surname_alone_joins_the_one_full_name_it_belongs_to() -> None:
    a = outlet(
        "gazette",
        18,
        actors=(Actor("Ines Okafor", "place", None, (), 2), Actor("Bo Chen", "person")),
    )
    b = outlet("courier", 19, actors=(Actor("Okafor", "organization", None, (), 3),))
    names = [x.name for x in merge_briefings([a, b], "s").actors]
    assert names == ["Ines Okafor", "Bo Chen"]


def test_the_full_name_found_later_absorbs_the_surname() -> None:
    a = outlet(
        "gazette",
        18,
        actors=(
            Actor("Okafor", "organization", None, (), 3),
            Actor("Ines Okafor", "place", None, (), 2),
        ),
    )
    story = merge_briefings([a, outlet("courier", 19, actors=())], "s")
    assert [(x.name, x.mentions, x.aliases) for x in story.actors] == [
        ("Ines Okafor", 5, ("Okafor",))
    ]
