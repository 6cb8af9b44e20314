"""How each outlet covered a story, and summaries of several outlets that say each thing once.

Every story here is invented (the river fever in Lowmarsh); no publisher's text."""

from __future__ import annotations

import dataclasses

import markdown

from digest.analysis.evidence import evidence, near_equivalent, sentence_key
from digest.model import Quote
from digest.publish.story_page import story_markdown
from digest.stories.merge import merge_briefings

from .test_merge import outlet

LEADS = (
    "A third case of river fever has been confirmed in Lowmarsh, the county health board said.",
    "Health officials in Lowmarsh confirmed a third case of river fever on Sunday.",
    "Three people in Lowmarsh have now caught river fever, the county health board said.",
)
OWN_FACT = (
    "The Lowmarsh clinic will stay open until midnight for tests from Monday, Mayor Ann Lee said."
)
SHARED_FACT = (
    "The first two patients, both fishermen, were sent home from Ashby hospital on Friday."
)
SAME_FACT = "Both fishermen who fell ill first were sent home from the hospital in Ashby on Friday."
OWN_QUOTE = "We are not afraid of the water, we are afraid of the silence"


def river_story():  # type: ignore[no-untyped-def]
    gazette = outlet(
        "gazette",
        18,
        summary=(LEADS[0], "The board has asked anglers to keep out of the Lowmarsh reach."),
        facts=(SHARED_FACT,),
        quotes=(Quote(OWN_QUOTE, "Ann Lee", 0, len(OWN_QUOTE)),),
        timeline=(),
    )
    courier = outlet(
        "courier",
        19,
        summary=(LEADS[1], "Water samples from the reach will be tested in Carrow this week."),
        facts=(OWN_FACT,),
        quotes=(),
        timeline=(),
        # the courier's own text says the shared fact too, in a sentence it does not keep
        sentence_keys=(sentence_key(SAME_FACT),),
    )
    post = outlet("post", 19, summary=(LEADS[2],), quotes=(), timeline=())
    return merge_briefings([gazette, courier, post], "river")


def test_three_outlets_whose_leads_say_the_same_give_a_summary_that_says_it_once() -> None:
    story = river_story()
    assert story.summary[0] == LEADS[0]
    assert sum(lead in story.summary for lead in LEADS) == 1
    assert "The board has asked anglers to keep out of the Lowmarsh reach." in story.summary
    assert "Water samples from the reach will be tested in Carrow this week." in story.summary


def test_near_equivalence_rests_on_shared_words_and_counts() -> None:
    assert near_equivalent(evidence(LEADS[0]), evidence(LEADS[1]))  # the same words, reworded
    assert near_equivalent(evidence(LEADS[0]), evidence(LEADS[2]))  # "third" and "three"
    assert near_equivalent(evidence(SHARED_FACT), evidence(SAME_FACT))
    assert not near_equivalent(evidence(OWN_FACT), evidence(SHARED_FACT))
    # a shared year, or "two", is no count: these say different things
    assert not near_equivalent(
        evidence("The plan dates from 2019 and the council spent two years on it."),
        evidence("The mayor has sat on the council since 2019 and was re-elected two years ago."),
    )
    assert evidence("Sixty-two berths, forty tomorrow, $240m") >= {"#62", "#40", "#240"}
    assert sentence_key("Area 40 m² or ²") is not None  # a superscript is a digit, not a number


def test_one_summary_sentence_from_each_outlet_is_compared_only_with_the_others() -> None:
    """A single source's summary is already without repeats: nothing of it is dropped."""
    single = outlet(
        "gazette",
        18,
        summary=(
            "Talks broke down two days ago over pay and the closure of 14 ticket offices.",
            "The company offered 4 per cent over two years, the most it can afford for offices.",
        ),
    )
    assert merge_briefings([single], "s").summary == single.summary


def test_an_outlet_only_quote_and_fact_appear_under_that_outlet_alone() -> None:
    story = river_story()
    by_site = {story.articles[c.source].site: c for c in story.coverage}
    assert list(by_site) == ["Gazette", "Courier", "Post"]
    gazette, courier, post = by_site["Gazette"], by_site["Courier"], by_site["Post"]
    assert [q.text for q in gazette.quotes] == [OWN_QUOTE]
    assert OWN_FACT in courier.facts and OWN_FACT not in gazette.facts + post.facts
    assert not courier.quotes and not post.quotes and not post.facts
    # the gazette's fact is in the courier's text (its stored sentence evidence): not its own
    assert SHARED_FACT not in gazette.facts
    assert [c.lead for c in story.coverage] == list(LEADS)
    # every sentence shown is verbatim one of that outlet's own
    own = {
        "Gazette": {
            LEADS[0],
            SHARED_FACT,
            "The board has asked anglers to keep out of the Lowmarsh reach.",
        },
        "Courier": {
            LEADS[1],
            OWN_FACT,
            "Water samples from the reach will be tested in Carrow this week.",
        },
        "Post": {LEADS[2]},
    }
    for c in story.coverage:
        assert {c.lead, *c.facts} <= own[story.articles[c.source].site or ""]
    md = story_markdown(story)
    section = md.split("## How each outlet covered it\n", 1)[1].split("\n## ", 1)[0]
    parts = dict(p.split("\n", 1) for p in section.split("### ")[1:])
    assert OWN_QUOTE in parts["Gazette"] and OWN_QUOTE not in parts["Courier"] + parts["Post"]
    assert "Lowmarsh clinic will stay open" in parts["Courier"]
    assert "Lowmarsh clinic" not in parts["Gazette"] + parts["Post"]
    assert "*Published 19 November 2026 (1 day after the first report)*" in parts["Courier"]
    assert "No fact or quote of its own found" in parts["Post"]
    assert "#:~:text=The%20Lowmarsh%20clinic%20will" in parts["Courier"]  # linked to its sentence


def test_a_one_outlet_story_has_no_such_section() -> None:
    story = merge_briefings([outlet("gazette", 18, facts=(OWN_FACT,))], "s")
    assert story.coverage == ()
    assert "How each outlet covered it" not in story_markdown(story)
    # two reports of one outlet are not "outlets that differ" either
    two = merge_briefings([outlet("gazette", 18), outlet("gazette", 19)], "s")
    assert two.coverage == ()


def test_what_an_outlet_alone_says_is_escaped_exactly_once() -> None:
    hostile = "Lowmarsh <script>alert(1)</script> clinic *opens* [here](javascript:x) on 12 May."
    story = river_story()
    courier = next(c for c in story.coverage if story.articles[c.source].site == "Courier")
    story = dataclasses.replace(
        story,
        coverage=tuple(
            dataclasses.replace(c, facts=(hostile,)) if c is courier else c for c in story.coverage
        ),
    )
    md = story_markdown(story)  # raises when markdown-it-py finds raw HTML or an unsafe link
    html = markdown.markdown(md, extensions=["tables", "admonition", "pymdownx.details"])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "&amp;lt;" not in html and "*opens*" in html and 'href="javascript' not in html


def test_superscripts_and_other_digit_signs_are_no_numbers() -> None:
    """ "x¹" is not the number 1; int() would refuse it (str.isdigit says yes to "¹")."""
    from digest.analysis.evidence import evidence

    assert {w for w in evidence("The area is 12 m² or x¹ and y² ¹².") if w.startswith("#")} == {
        "#12"
    }
