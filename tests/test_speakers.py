"""Who said it: every named speaker carries the evidence that named them, weak evidence names no
one, and the same words carried by several outlets are one quote under one speaker (invented
examples)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from digest.analysis.nlp import parse
from digest.analysis.quotes import find_quotes
from digest.analysis.quotes.find import STRONG_EVIDENCE
from digest.analysis_json import briefing_json
from digest.model import Quote
from digest.stories.merge import merge_briefings, same_words

from .test_merge import outlet


def speakers(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.evidence) for q in find_quotes(parse(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“The bridge will open in May,” said Ruth Kell, the mayor of Brackenford.",
            ("Ruth Kell", "cue:name"),
        ),
        (
            "Ruth Kell opened the meeting at noon. “We have waited long enough,” she said.",
            ("Ruth Kell", "cue:pronoun"),
        ),
        (
            "“We are reviewing the plan,” a Brackenford Council spokesperson said.",
            ("Brackenford Council", "cue:description"),
        ),
        (
            "Ruth Kell listed the council's demands, among them “a bridge that opens on time "
            "and stays open for good”.",
            ("Ruth Kell", "woven:name"),
        ),
    ],
)
def test_a_named_speaker_carries_its_evidence(text: str, expected: tuple[str, str]) -> None:
    assert speakers(text) == [expected]
    assert expected[1] in STRONG_EVIDENCE


def test_a_quote_only_paragraph_continues_the_speaker_of_the_paragraph_before() -> None:
    text = (
        "“The bridge will open in May,” said Ruth Kell, the mayor of Brackenford.\n\n"
        "“We have waited long enough for it and we will not wait again.”"
    )
    assert speakers(text) == [("Ruth Kell", "cue:name"), ("Ruth Kell", "continues-paragraph")]


def test_a_quote_paragraphs_away_from_the_last_named_one_names_no_one() -> None:
    text = (
        "“The bridge will open in May,” said Ruth Kell, the mayor of Brackenford.\n\n"
        "Her deputy, Tomas Brell, spoke after a long meeting.\n\n"
        "“We have waited long enough for it.”"
    )
    assert speakers(text)[-1] == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        # woven into a clause with a subject of its own, below the named subject of the sentence
        "Ruth Kell thinks the union will soon be demanding “a bridge that opens on time and "
        "stays open for good”.",
        # an unnamed person described through their employer: not the employer
        "The panel heard from a retired Navy officer who described the crossing plan as "
        "“reckless.”",
        # a title tagged as a name
        "“The pain people feel about money is real and it is growing,” one fintech CEO told me.",
        # "they", with several groups sentences back
        "Marrowgate Developments said the work would start soon. Ruth Kell, the mayor, "
        "disagreed with the timetable. The union met on Monday. Its members voted twice. "
        "\n\n“We will not be rushed into anything by anyone,” they said.",
        # "she", with an unnamed woman between the named one and the pronoun
        "Mayor Ana Ruiz announced the plan on Monday. The Gazette later spoke to one mother, who "
        "asked not to be named. “We were never told about the closure,” she said.",
        # "she", with only a publication in capitals before it
        "WIRED spoke to one mother on Monday. “We were never told about the closure,” she said.",
    ],
)
def test_weak_evidence_names_no_one(text: str) -> None:
    assert speakers(text) == [(None, None)]


def test_a_publication_is_not_the_she_of_a_quote() -> None:
    text = (
        "Mayor Ana Ruiz announced the plan on Monday. The Gazette later asked about the schools. "
        "“We were never told about the closure,” she said."
    )
    assert speakers(text) == [("Ana Ruiz", "cue:pronoun-far")]


def test_the_evidence_is_in_the_analysis_json() -> None:
    briefing = outlet(
        "gazette", 18, quotes=(Quote("We will build it", "Ann Lee", 0, 16, evidence="cue:name"),)
    )
    assert briefing_json(briefing)["quotes"][0]["evidence"] == "cue:name"


LONG = (
    "This is the most careful decision the board has taken in a decade. We heard every objection."
)
SHORT = "This is the most careful decision the board has taken in a decade,"


def test_a_stretch_of_a_longer_quote_is_the_same_words() -> None:
    assert same_words(SHORT, LONG) and same_words(LONG, SHORT)
    assert not same_words("in a decade", LONG)  # a few words are not enough to say so
    assert not same_words("We will vote against the plan on Monday.", LONG)


def test_outlets_quoting_more_or_less_of_the_same_words_are_one_quote_under_the_named_one() -> None:
    named = outlet(
        "gazette", 18, quotes=(Quote(SHORT, "Ann Lee", 0, len(SHORT), evidence="cue:name"),)
    )
    unnamed = outlet("courier", 19, quotes=(Quote(LONG, None, 0, len(LONG)),))
    story = merge_briefings([named, unnamed], "s")
    assert [(q.text, q.speaker, q.sources) for q in story.quotes] == [(LONG, "Ann Lee", (0, 1))]


def test_outlets_naming_different_speakers_with_equal_support_name_no_one() -> None:
    first = outlet(
        "gazette", 18, quotes=(Quote(LONG, "Ann Lee", 0, len(LONG), evidence="cue:pronoun"),)
    )
    second = outlet(
        "courier", 19, quotes=(Quote(LONG, "Port Town", 0, len(LONG), evidence="cue:pronoun"),)
    )
    assert [q.speaker for q in merge_briefings([first, second], "s").quotes] == [None]
    stronger = dataclasses.replace(
        second, quotes=(Quote(LONG, "Port Town", 0, len(LONG), evidence="cue:name"),)
    )
    assert [q.speaker for q in merge_briefings([first, stronger], "s").quotes] == ["Port Town"]


def test_the_sample_harbour_story_shows_each_quote_once_with_the_right_speaker(
    tmp_path: Path,
) -> None:
    from markdown_it import MarkdownIt

    from .golden import site_markdown

    pages = site_markdown(tmp_path)
    harbour = next(text for path, text in pages.items() if "eastquay-harbour" in path)
    section = harbour.split("\n## Quotes\n", 1)[1].split("\n## ", 1)[0]
    section = section.replace("\n    ", "\n")  # the collapsed "All quotes" block, dedented
    tokens = MarkdownIt("commonmark").parse(section)
    quotes, speakers_of = [], []
    for i, token in enumerate(tokens):
        if token.type == "blockquote_open":
            quotes.append(tokens[i + 2].content)
        if token.type == "paragraph_open" and tokens[i + 1].content.startswith("— "):
            speakers_of.append(tokens[i + 1].content)
    assert len(quotes) == len(speakers_of) > 5
    for a in range(len(quotes)):
        for b in range(a):
            assert not same_words(quotes[a], quotes[b]), (quotes[b], quotes[a])
    varga = [s for q, s in zip(quotes, speakers_of) if "most important decision this chamber" in q]
    assert len(varga) == 1 and varga[0].startswith("— [**Elena Varga**]"), varga


def test_an_interrupted_quote_reads_as_one() -> None:
    from digest.publish.story_page import story_markdown

    text = (
        "Opponents spoke first.\n\n“We are being asked,” Tomas Brell said, “to give up the quay.”"
    )
    found = find_quotes(parse(text))
    assert [
        (q.text, q.speaker) for q in found
    ] == [  # two quotes, as the annotation guidelines count
        ("We are being asked,", "Tomas Brell"),
        ("to give up the quay.", "Tomas Brell"),
    ]
    assert found[0].joined == "We are being asked,” Tomas Brell said, “to give up the quay."
    page = story_markdown(outlet("gazette", 18, quotes=found))
    assert "> “We are being asked,” Tomas Brell said, “to give up the quay.”" in page
    assert "> “to give up the quay.”" not in page
