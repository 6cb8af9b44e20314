"""Quotations and their speakers, on sentences written for these tests, with the real spaCy
pipeline."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.analysis.nlp import parse
from digest.analysis.quotes.find import find_quotes
from digest.analysis.quotes.marks import pair_marks
from digest.model import Quote


def quotes(text: str) -> tuple[Quote, ...]:
    found = find_quotes(parse(text))
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def pairs(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in quotes(text)]


# ---- marks ---------------------------------------------------------------------------------


def test_curly_marks_pair_by_direction_and_skip_apostrophes() -> None:
    text = "Mayor Ana Ruiz said: \u201cWe don\u2019t close the library, and we won\u2019t.\u201d"
    assert pairs(text) == [("We don\u2019t close the library, and we won\u2019t.", "Ana Ruiz")]


def test_straight_double_marks_pair_by_position() -> None:
    text = 'The coach, Lena Ortiz, said "the team played its best game of the season" on Sunday.'
    assert [q.text for q in quotes(text)] == ["the team played its best game of the season"]


def test_straight_single_marks_and_possessive_apostrophes() -> None:
    text = "Tom Baker's brother said 'the river rose faster than anyone expected' after the flood."
    assert [s.start for s in pair_marks(text)] == [text.index("the river")]


def test_decade_apostrophe_is_not_a_mark() -> None:
    text = (
        "Music from the \u201990s returned, and Dana Kim said \u2018nobody saw this coming at "
        "all.\u2019"
    )
    assert [text[s.start : s.end] for s in pair_marks(text)] == ["nobody saw this coming at all."]


def test_nested_quote_is_part_of_the_outer_one() -> None:
    text = (
        "\u201cHe told me \u2018wait here\u2019 and then he left the building,\u201d said "
        "Omar Haddad."
    )
    assert pairs(text) == [
        ("He told me \u2018wait here\u2019 and then he left the building,", "Omar Haddad")
    ]


def test_guillemets() -> None:
    text = (
        "Le ministre Paul Girard a dit \u00abnous allons signer cet accord demain matin\u00bb hier."
    )
    assert [text[s.start : s.end] for s in pair_marks(text)] == [
        "nous allons signer cet accord demain matin"
    ]


def test_unclosed_mark_yields_nothing() -> None:
    assert quotes("The senator said \u201cthis will never pass and everyone knows it.") == ()


def test_quote_running_over_paragraphs_is_one_quote() -> None:
    text = (
        "\u201cWe planted four hundred trees this spring,\u201d said Maria Lopez, the park "
        "director.\n\n"
        "\u201cThe first problem was water. The second was the goats.\n\n"
        "\u201cNext year we will plant twice as many,\u201d she added."
    )
    found = quotes(text)
    assert len(found) == 2
    assert found[1].text.startswith("The first problem was water.")
    assert found[1].text.endswith("twice as many,")
    assert "\n\n\u201cNext year" in found[1].text
    assert {q.speaker for q in found} == {"Maria Lopez"}


# ---- speech or not -------------------------------------------------------------------------


def test_interrupted_quote_is_two_quotes_with_one_speaker() -> None:
    text = (
        "\u201cWe will rebuild the bridge,\u201d Governor Sam Patel said, "
        "\u201cand we will do it before winter.\u201d"
    )
    assert pairs(text) == [
        ("We will rebuild the bridge,", "Sam Patel"),
        ("and we will do it before winter.", "Sam Patel"),
    ]


def test_partial_quote_woven_into_the_sentence() -> None:
    text = (
        "Senator Rosa Grant called the budget a \u201creckless gamble with our future\u201d "
        "on Tuesday."
    )
    assert pairs(text) == [("reckless gamble with our future", "Rosa Grant")]


def test_one_word_quote_under_a_reporting_verb_is_kept() -> None:
    text = "Judge Helen Marsh described the defendant's conduct as \u201cdisgraceful.\u201d"
    assert pairs(text) == [("disgraceful.", "Helen Marsh")]


def test_titles_of_works_are_dropped() -> None:
    text = (
        "She starred in \u201cThe Long Road Home\u201d and later in \u201cNight of the "
        "Hunters.\u201d"
    )
    assert quotes(text) == ()


def test_scare_quote_modifier_without_cue_is_dropped() -> None:
    text = (
        "The company sells \u201cpremium\u201d water in \u201csmart\u201d bottles across the "
        "region."
    )
    assert quotes(text) == ()


def test_name_used_as_form_of_address_is_dropped() -> None:
    text = (
        "Referring to his host as \u201cComrade Ivanov,\u201d Lee Min said the talks had gone well."
    )
    assert quotes(text) == ()


def test_named_term_is_dropped() -> None:
    text = (
        "Carl Nilsen said he never used the term \u201cthe gang of four\u201d about his colleagues."
    )
    assert quotes(text) == ()


def test_quoted_subheading_is_dropped() -> None:
    text = (
        "The vote was close.\n\n\u201cA long night in the capital\u201d\n\nCounting went on "
        "until dawn."
    )
    assert quotes(text) == ()


# ---- cues and speakers ---------------------------------------------------------------------


def test_inverted_cue_said_name() -> None:
    text = "\u201cThe harvest is the worst in a decade,\u201d said Ines Moreau, a farmer near Lyon."
    assert pairs(text) == [("The harvest is the worst in a decade,", "Ines Moreau")]


def test_subject_not_the_name_inside_an_aside() -> None:
    text = (
        "Peter Novak, who replaced Anna Berg as treasurer last year, said "
        "\u201cthe accounts are finally in order and the debt is paid.\u201d"
    )
    assert pairs(text)[0][1] == "Peter Novak"


def test_not_the_last_name_before_the_quote() -> None:
    text = (
        "Olivia Chen met Mark Reyes at the summit in Geneva.\n\n"
        "\u201cWe have agreed on a common plan for the fisheries,\u201d she said."
    )
    assert pairs(text)[0][1] == "Olivia Chen"


def test_pronoun_resolves_to_longest_form_of_the_name() -> None:
    text = (
        "Kim Jong Un arrived by train on Monday.\n\n"
        "Kim toured the factory with engineers.\n\n"
        "\u201cOur workers will build the future of this nation,\u201d he said."
    )
    assert pairs(text) == [("Our workers will build the future of this nation,", "Kim Jong Un")]


def test_according_to() -> None:
    text = (
        "The bridge was \u201cunsafe for heavy trucks and must close at once,\u201d according "
        "to Eva Lind."
    )
    assert pairs(text)[0][1] == "Eva Lind"


def test_colon_cue_with_name_and_title() -> None:
    text = (
        "Rafael Soto, the union leader: \u201cWe will strike on Monday if nothing changes in "
        "the offer.\u201d"
    )
    assert pairs(text)[0][1] == "Rafael Soto"


def test_colon_cue_in_previous_paragraph() -> None:
    text = (
        "Nadia Petrova spoke after the match.\n\n"
        "She added:\n\n"
        "\u201cI played my best tennis of the year today and I am very proud.\u201d"
    )
    # kept as speech; "She added:" two paragraphs from the name names no one (test_speakers.py)
    assert pairs(text) == [("I played my best tennis of the year today and I am very proud.", None)]


def test_saying_cue_takes_its_head_subject() -> None:
    text = (
        "Jonas Weber resigned on Friday, saying \u201cthe board no longer trusts my judgment "
        "and I respect that.\u201d"
    )
    assert pairs(text)[0][1] == "Jonas Weber"


def test_bare_paragraph_inherits_previous_speaker() -> None:
    text = (
        "\u201cThe storm destroyed half of our crops,\u201d said farmer Luis Vega.\n\n"
        "\u201cWithout help from the state we will not survive the winter.\u201d"
    )
    assert [q.speaker for q in quotes(text)] == ["Luis Vega", "Luis Vega"]


def test_bare_quote_followed_by_short_cue_sentence() -> None:
    text = (
        "Markets fell sharply on Monday.\n\n"
        "\u201cThis is a temporary correction and nothing more than that.\u201d\n\n"
        "Sofia Bauer said."
    )
    # kept as speech, but a cue only in the next sentence names no one (test_speakers.py)
    assert pairs(text) == [("This is a temporary correction and nothing more than that.", None)]


def test_unnamed_spokesperson_of_agency_is_the_agency() -> None:
    text = (
        "The Federal Aviation Administration grounded the jets on Friday.\n\n"
        "\u201cSafety comes first and the planes stay on the ground until we know more,\u201d "
        "the spokesperson said."
    )
    assert pairs(text)[0][1] == "Federal Aviation Administration"


def test_description_resolves_to_titled_person() -> None:
    text = (
        "Kremlin spokesman Dmitry Orlov spoke to reporters on Tuesday.\n\n"
        "\u201cThe talks will continue next week in a closed format,\u201d the spokesman said."
    )
    assert pairs(text)[0][1] == "Dmitry Orlov"


def test_quote_with_no_speaker_anywhere() -> None:
    text = (
        "A sign on the door read: \u201cClosed until further notice, thank you for your "
        "patience.\u201d"
    )
    assert [q.speaker for q in quotes(text)] == [None]


def test_quotes_come_in_text_order() -> None:
    text = (
        "\u201cWe start tomorrow morning at six,\u201d said Ali Noor. "
        "Later Ruth Adler said \u201cwe will finish the work by Friday evening.\u201d"
    )
    starts = [q.start for q in quotes(text)]
    assert starts == sorted(starts) and len(starts) == 2


def test_statement_resolves_to_whoever_issued_it() -> None:
    text = (
        "Northwind Records issued a statement on Monday.\n\n"
        "\u201cWe never blocked any performance by our former artists,\u201d the statement said."
    )
    assert pairs(text)[0][1] == "Northwind Records"


def test_reported_by_a_named_group_missed_by_the_tagger() -> None:
    text = (
        "The doctors, members of a new group called Nurses for Clean Water, wrote to the mayor.\n\n"
        "\u201cThe children in this district deserve safe water in their schools,\u201d the "
        "nurses wrote."
    )
    assert pairs(text)[0][1] == "Nurses for Clean Water"


def test_he_and_she_follow_gender() -> None:
    text = (
        "Laura Stein said she would appeal the ruling. Tom Grady, her lawyer, said he agreed.\n\n"
        "\u201cThis fight is far from over and we will win in the end,\u201d she said."
    )
    assert pairs(text)[0][1] == "Laura Stein"


def test_sentence_subject_speaks_a_woven_phrase_without_a_reporting_verb() -> None:
    text = (
        "Prime Minister Jan Holm listed jobs, housing and \u201cthe safety of our "
        "streets\u201d as his aims."
    )
    assert pairs(text) == [("the safety of our streets", "Jan Holm")]


def test_each_quote_keeps_its_own_speaker() -> None:
    text = (
        "\u201cThe deal is done and both sides are satisfied,\u201d said Ana Silva.\n\n"
        "But Rui Costa disagreed. \u201cNothing has been signed yet and nothing is agreed,\u201d "
        "he said."
    )
    assert [q.speaker for q in quotes(text)] == ["Ana Silva", "Rui Costa"]


def test_exclamation_of_a_few_words_is_speech() -> None:
    text = (
        "The crowd waited for the candidate, Nora Bell.\n\n\u201cHello, everyone!\u201d she "
        "told them."
    )
    assert pairs(text) == [("Hello, everyone!", "Nora Bell")]


def test_quoted_title_after_a_term_noun_is_dropped() -> None:
    text = "Mia Park said her new song \u201cwaiting on the rain\u201d would come out in May."
    assert quotes(text) == ()


def test_bare_quote_after_a_reporting_sentence_takes_its_subject() -> None:
    text = (
        "\u201cThe budget is balanced for the first time in years,\u201d said Eva Marsh.\n\n"
        "Leo Brandt said the figures hid a large hole in pension funding.\n\n"
        "\u201cThey moved the debt off the books and called it a surplus.\u201d"
    )
    assert [q.speaker for q in quotes(text)] == ["Eva Marsh", "Leo Brandt"]


# ---- the verbatim invariant ----------------------------------------------------------------

MARKS = st.sampled_from(['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb"])
WORDS = st.sampled_from(
    ["he", "said", "Anna", "Berg", "the", "plan", "works", ",", ".", ":", "\n\n", "don\u2019t"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(MARKS, WORDS, st.text(max_size=6)), max_size=40))
def test_every_quote_is_verbatim_on_arbitrary_text(parts: list[str]) -> None:
    text = " ".join(parts)
    doc = parse(text)
    found = find_quotes(doc)
    for q in found:
        assert doc.text[q.start : q.end] == q.text
        assert 0 <= q.start < q.end <= len(text)
    assert [q.start for q in found] == sorted(q.start for q in found)


@pytest.mark.parametrize("text", ["", "No quotes here at all.", "\u201d\u201c", "'''", '"""'])
def test_degenerate_inputs(text: str) -> None:
    assert quotes(text) == ()


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # the one asked is whom the words were put to: the teller speaks
            "Councillor Tam Rell told the assembly that the town was being asked “to swap a busy "
            "market for a car park”, and he called the offer “thin gruel.”",
            "to swap a busy market for a car park",
            "Councillor Tam Rell",
        ),
        (  # told, with no teller named: nobody is named
            "“Bring the ledger to the hearing tomorrow,” Mara Voss was told.",
            "Bring the ledger to the hearing tomorrow,",
            None,
        ),
        (  # a passive with its agent: the agent speaks
            "The settlers were urged by Governor Ilse Brandt “to leave the valley before the "
            "rains.”",
            "to leave the valley before the rains.",
            "Ilse Brandt",
        ),
        (  # a verb that relays words: in the passive too, its subject speaks
            "“The bridge is safe,” Olav Rusk was reported as saying on Friday.",
            "The bridge is safe,",
            "Olav Rusk",
        ),
    ],
)
def test_the_subject_of_a_passive_cue_is_spoken_to_not_the_speaker(
    text: str, words: str, speaker: str | None
) -> None:
    assert (words, speaker) in pairs(text)


def test_a_term_something_is_called_or_known_as_is_no_quote() -> None:
    text = (
        "When the mould grows in hay, the illness is called “thresher’s cough.” The old ferry "
        "was known as “the Grey Lady” along the coast. Mayor Anja Holt called the delay “a "
        "disgrace.”"
    )
    assert pairs(text) == [("a disgrace.", "Anja Holt")]
