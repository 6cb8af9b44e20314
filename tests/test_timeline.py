"""Timeline extraction on sentences written for these tests, through the real spaCy pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.analysis.nlp import parse
from digest.analysis.timeline.find import find_timeline

PUBLISHED = dt.date(2019, 11, 20)  # a Wednesday


def found(text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(ref.expression, ref.value) for ref in find_timeline(parse(text), published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor resigned on Monday.", [("Monday", "2019-11-18")]),
        ("The council met Tuesday morning to vote.", [("Tuesday morning", "2019-11-19")]),
        ("The council will meet on Friday.", [("Friday", "2019-11-22")]),
        ("The council met on Wednesday.", [("Wednesday", "2019-11-20")]),
        ("The council will meet on Wednesday.", [("Wednesday", "2019-11-20")]),
        ("She flew home last Friday.", [("last Friday", "2019-11-15")]),
        ("She flies home next Monday.", [("next Monday", "2019-11-25")]),
    ],
)
def test_weekdays_follow_the_tense(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bridge opened on Nov. 19, 2019, after delays.", [("Nov. 19, 2019", "2019-11-19")]),
        ("The bridge opened on 3 March 2017.", [("3 March 2017", "2017-03-03")]),
        ("The filing is dated 2018-04-09.", [("2018-04-09", "2018-04-09")]),
        ("The ban took effect Oct. 2.", [("Oct. 2", "2019-10-02")]),
        (
            "The ban takes effect Jan. 6 next year.",
            [("Jan. 6", "2020-01-06"), ("next year", "2020")],
        ),
        ("The shop closed Dec. 15.", [("Dec. 15", "2018-12-15")]),
        ("The company was founded in March 2004.", [("March 2004", "2004-03")]),
        ("Sales fell sharply in July.", [("July", "2019-07")]),
        ("The new rules will apply from February.", [("February", "2020-02")]),
        ("Prices peaked last February.", [("last February", "2019-02")]),
        ("The vote was held in May.", [("May", "2019-05")]),
    ],
)
def test_dates_and_months(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rents rose last year and will rise again next year.",
            [("last year", "2018"), ("next year", "2020")],
        ),
        ("Exports grew this year.", [("this year", "2019")]),
        ("Exports grew earlier this year.", [("earlier this year", "2019")]),
        ("He quit last month.", [("last month", "2019-10")]),
        ("The board met last week.", [("last week", "2019-W46")]),
        ("The board meets this week.", [("this week", "2019-W47")]),
        ("The plant closed two years ago.", [("two years ago", "2017")]),
        ("The plant closed nearly 10 years ago.", [("nearly 10 years ago", "2009")]),
        (
            "The storm hit yesterday and cleanup starts tomorrow.",
            [("yesterday", "2019-11-19"), ("tomorrow", "2019-11-21")],
        ),
        ("Crews worked late last night.", [("last night", "2019-11-19")]),
        ("Voters are heading to the polls today.", [("today", "2019-11-20")]),
    ],
)
def test_relative_expressions(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jazz clubs thrived in the 1950s.", [("the 1950s", "195X")]),
        ("He served in the war of 1950-53.", [("1950-53", "1950/1953")]),
        ("Imports doubled between 2010 and 2015.", [("between 2010 and 2015", "2010/2015")]),
        ("She led the agency from 2004 to 2017.", [("2004 to 2017", "2004/2017")]),
        ("The treaty was signed in 1987.", [("1987", "1987")]),
        (
            "The firm was sold in 2012. The next year it went bankrupt.",
            [("2012", "2012"), ("The next year", "2013")],
        ),
        (
            "The dam was finished in 1936 and flooded a year later.",
            [("1936", "1936"), ("a year later", "1937")],
        ),
    ],
)
def test_years_decades_and_ranges(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The lake froze last winter.", [("last winter", "2018-WI")]),
        ("The trail reopened in the summer.", [("the summer", "2019-SU")]),
        ("They married last fall.", [("last fall", "2018-FA")]),
        ("The shop will reopen in the spring.", [("the spring", "2020-SP")]),
        ("Profits rose in the third quarter.", [("the third quarter", "2019-Q3")]),
        ("Profits rose in Q2 2018.", [("Q2 2018", "2018-Q2")]),
        ("Output fell in the first half of 2019.", [("the first half of 2019", "2019-H1")]),
        ("The fire started over the weekend.", [("the weekend", "2019-11-16/2019-11-17")]),
        ("The fair will open this weekend.", [("this weekend", "2019-11-23/2019-11-24")]),
        ("Turnout on Election Day was low.", [("Election Day", "2019-11-05")]),
    ],
)
def test_seasons_quarters_weekends_holidays(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The flight lasted four hours.",
        "She has lived there for 10 years.",
        "It has been 70 years since the war ended.",
        "The 45-year-old teacher was praised.",
        "He walks to work every day.",
        "You may leave early if you finish.",
        "We asked them to wait.",
        "The ticket costs $27 and 1500 fans bought one.",
        "Turnout rose 15% and then 2019% more.",
        "Sam Noel said the plan works.",
        "The store opens at 9 a.m.",
        "Prices are high now and have recently gone up.",
        "Their sales rose in the last year.",
        "Water levels fall in dry months.",
        "April Ryan asked a question.",
        "Shoppers lined up for Black Friday.",
        "The count reached 2,500 votes.",
        "Fans queued for Expo 2030 tickets.",
        "The firm recalled its Aero 1500 and Aero 2000 heaters.",
    ],
)
def test_not_dates(text: str) -> None:
    assert found(text) == []


def test_spans_exclude_prepositions_and_keep_attached_parts() -> None:
    assert found("On Tuesday night the senate voted.") == [("Tuesday night", "2019-11-19")]


def test_may_the_month_is_kept_when_written_as_a_date() -> None:
    assert found("The law passed on May 3.") == [("May 3", "2019-05-03")]


def test_a_year_earlier_in_the_sentence_fixes_a_bare_date() -> None:
    assert found("In 2016, the rally on September 9 drew crowds.") == [
        ("2016", "2016"),
        ("September 9", "2016-09-09"),
    ]


def test_without_a_publication_date_only_absolute_expressions_are_kept() -> None:
    text = "The bridge opened on Monday, June 5, 2017, and closed last week after the 1990s boom."
    assert found(text, None) == [("Monday, June 5, 2017", "2017-06-05"), ("the 1990s", "199X")]


def test_event_is_the_sentence_and_offsets_index_the_text() -> None:
    text = "Rain fell all night.  The river flooded on Sunday. Roads stayed shut."
    (ref,) = find_timeline(parse(text), PUBLISHED)
    assert ref.event == "The river flooded on Sunday."
    assert text[ref.start : ref.end] == ref.expression == "Sunday"
    assert ref.value == "2019-11-17"


def test_results_come_in_text_order() -> None:
    refs = find_timeline(
        parse("In 2001 he moved; on Friday he left; in 1999 he was born."), PUBLISHED
    )
    assert [r.start for r in refs] == sorted(r.start for r in refs)
    assert [r.value for r in refs] == ["2001", "2019-11-15", "1999"]


def test_a_deictic_word_inside_a_name_is_skipped() -> None:
    assert found("The coach spoke to USA Today about the game.") == []


def test_the_last_plus_unit_is_a_duration_but_last_plus_unit_is_a_date() -> None:
    assert found("Traffic doubled in the last month.") == []
    assert found("Traffic doubled last month.") == [("last month", "2019-10")]


def test_a_date_planned_in_the_past_can_still_lie_ahead() -> None:
    assert found("The city had planned to raise fares Dec. 15.") == [("Dec. 15", "2019-12-15")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Thursday, Nov. 14, the band played Leeds. The next day it flew to Oslo.",
            [("Thursday, Nov. 14", "2019-11-14"), ("The next day", "2019-11-15")],
        ),
        (
            "The mayor resigned on Monday. The day before, she had met the council.",
            [("Monday", "2019-11-18"), ("The day before", "2019-11-17")],
        ),
        (
            "The dam broke on Oct. 3, 2018. Two days later the valley was flooded.",
            [("Oct. 3, 2018", "2018-10-03"), ("Two days later", "2018-10-05")],
        ),
        (
            "The strike began on Sunday. Later that day the union met, and that night it voted.",
            [
                ("Sunday", "2019-11-17"),
                ("Later that day", "2019-11-17"),
                ("that night", "2019-11-17"),
            ],
        ),
        (
            "The club lost on Friday. Earlier in the week, the coach had quit.",
            [("Friday", "2019-11-15"), ("Earlier in the week", "2019-W46")],
        ),
        (
            "On Tuesday, Oct. 8, the bill was tabled, and that Friday it passed.",
            [("Tuesday, Oct. 8", "2019-10-08"), ("that Friday", "2019-10-11")],
        ),
        (
            "The vote was on Tuesday, and the following Friday the law passed.",
            [("Tuesday", "2019-11-19"), ("the following Friday", "2019-11-22")],
        ),
    ],
)
def test_days_counted_from_the_day_the_story_fixed(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Tuesday, Oct. 8, the bill was tabled. The following week it passed.",
            [("Tuesday, Oct. 8", "2019-10-08"), ("The following week", "2019-W42")],
        ),
        (
            "The bill was tabled on Oct. 8. Two weeks later it passed.",
            [("Oct. 8", "2019-10-08"), ("Two weeks later", "2019-W43")],
        ),
        (
            "The bill was tabled on Oct. 8. The week before, crowds gathered.",
            [("Oct. 8", "2019-10-08"), ("The week before", "2019-W40")],
        ),
        (
            "The bill was tabled on Oct. 8 and will pass within the next week.",
            [("Oct. 8", "2019-10-08")],
        ),
    ],
)
def test_weeks_counted_from_the_day_the_story_fixed(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_without_a_day_fixed_a_counted_day_is_left_out() -> None:
    assert found("The next day the river rose.") == []
    assert found("Later that day, police arrived.") == []
    assert found("The following week was calm.") == []


def test_a_date_naming_a_thing_or_quoted_does_not_move_the_reference() -> None:
    text = (
        "The panel met on Tuesday to discuss the July 25 call. "
        "Earlier in the day, the chair had resigned."
    )
    assert found(text)[-1] == ("Earlier in the day", "2019-11-19")
    quoted = 'The panel met on Tuesday. "We spoke on June 3," she said. The next day it adjourned.'
    assert found(quoted)[-1] == ("The next day", "2019-11-20")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A weekday given with its date fixes the week its paragraph counts from: ahead for what is
        # to come, back for what had happened, else the nearest.
        (
            "On Thursday, 7 November, the band announced its tour. It will play Oslo on Friday.",
            [("Thursday, 7 November", "2019-11-07"), ("Friday", "2019-11-08")],
        ),
        (
            "On Thursday, 7 November, the council voted. It had debated the plan on Monday.",
            [("Thursday, 7 November", "2019-11-07"), ("Monday", "2019-11-04")],
        ),
        (
            "On Thursday, 7 November, the band played Leeds, and on Friday it flew to Oslo.",
            [("Thursday, 7 November", "2019-11-07"), ("Friday", "2019-11-08")],
        ),
        # Another paragraph counts from the publication date again.
        (
            "On Friday, Nov. 1, the law took effect.\n\nThe mayor resigned on Monday.",
            [("Friday, Nov. 1", "2019-11-01"), ("Monday", "2019-11-18")],
        ),
        # Scheduled events lie ahead of the publication date.
        ("The band will play on Friday.", [("Friday", "2019-11-22")]),
        ("The vote is set for Tuesday.", [("Tuesday", "2019-11-26")]),
    ],
)
def test_a_weekday_with_its_date_moves_the_reference(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The dam held.\n\nCopyright 2019 Riverside Gazette. All rights reserved.",
        "The dam held.\n\nUpdated 10:32 a.m.",
        "The dam held.\n\nPublished: Nov. 19, 2019 at 3:04 p.m. ET",
        "By Jane Roe, Valley Wire | Nov. 19, 2019\n\nThe dam held.",
        "Nov. 19, 2019, 10:32 AM\n\nThe dam held.",
        "The dam held.\n\nSign up for The Daily Hum today to get our newsletter in your inbox.",
    ],
)
def test_lines_about_the_page_are_not_events(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted on Monday, the video drew two million views.", [("Monday", "2019-11-18")]),
        ("By Tuesday, Smith, Lee and Park had left.", [("Tuesday", "2019-11-19")]),
        ("The newsletter reported on Monday that the mayor quit.", [("Monday", "2019-11-18")]),
    ],
)
def test_sentences_that_look_like_stamps_keep_their_dates(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_event_is_the_line_of_the_sentence_that_holds_the_expression() -> None:
    # spaCy runs an unclosed quotation or a heading into the next paragraph's sentence.
    text = 'She ended: "We go on.\n\nThe ferry sank on Sunday, and divers searched for days.'
    (ref,) = find_timeline(parse(text), PUBLISHED)
    assert ref.event == "The ferry sank on Sunday, and divers searched for days."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The fair ran Nov. 16-17.", [("Nov. 16-17", "2019-11-16/2019-11-17")]),
        ("The fair runs 16–17 November 2019.", [("16–17 November 2019", "2019-11-16/2019-11-17")]),
        (
            "The show ran 29 November 2018 – 20 January 2019.",
            [("29 November 2018 – 20 January 2019", "2018-11-29/2019-01-20")],
        ),
        ("The market will run Dec. 28 – Jan. 3.", [("Dec. 28 – Jan. 3", "2019-12-28/2020-01-03")]),
        ("The trial is set for Dec. 2-4, 2020.", [("Dec. 2-4, 2020", "2020-12-02/2020-12-04")]),
        ("The score was 6-4 in the Nov. 12 match.", [("Nov. 12", "2019-11-12")]),
    ],
)
def test_ranges_of_days_joined_by_a_dash(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Class of 2019 graduated.", [("2019", "2019")]),
        ("Officials said 2020 would be hard.", [("2020", "2020")]),
        ("He left in November 2019.", [("November 2019", "2019-11")]),
    ],
)
def test_a_year_after_a_lower_case_word_or_month_is_still_a_year(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


def test_a_hard_wrapped_sentence_is_one_event() -> None:
    text = "The ferry sank on a cold\nSunday, and divers searched\nfor days.\nThe dam held."
    (ref,) = find_timeline(parse(text), PUBLISHED)
    assert ref.event == "The ferry sank on a cold Sunday, and divers searched for days."
