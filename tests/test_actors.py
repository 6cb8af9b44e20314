"""Actors: alias clustering, titles, roles, ranking and noise, on sentences written for these tests."""

from __future__ import annotations

import pytest

from digest.brief.actors import find_actors, resolve_name
from digest.brief.names import clean_surface, is_short_form, name_tokens
from digest.model import Actor
from digest.nlp import parse

SUMMIT = (
    "North Korean leader Kim Jong Un arrived in Vladivostok on Monday for talks with Russian President "
    "Vladimir Putin.\n\n"
    "Kim Jong-un was greeted at the station by Kremlin spokesman Dmitry Peskov. Kim then met Putin for "
    "three hours.\n\n"
    "Putin said the talks were useful. Mr. Peskov told reporters that Kim would visit a factory. "
    "Kim shook hands with Putin again.\n\n"
    "South Korea's nuclear envoy, Kim Gunn, said he had spoken with his Japanese counterpart.\n\n"
    "Kim later returned to his train. Kim Jong Un's aides declined to comment."
)


@pytest.fixture(scope="module")
def summit() -> tuple[Actor, ...]:
    return find_actors(parse(SUMMIT), speakers=("Dmitry Peskov", "Kim Gunn"))


def by_name(actors: tuple[Actor, ...], name: str) -> Actor:
    return next(a for a in actors if a.name == name)


def test_kim_jong_un_spellings_and_surname_are_one_person(summit: tuple[Actor, ...]) -> None:
    kim = by_name(summit, "Kim Jong Un")
    assert kim.kind == "person"
    assert {"Kim", "Kim Jong-un"} <= set(kim.aliases)
    assert kim.mentions >= 6


def test_kim_gunn_is_another_person(summit: tuple[Actor, ...]) -> None:
    gunn = by_name(summit, "Kim Gunn")
    assert "Kim" not in gunn.aliases
    assert sum(a.name.startswith("Kim") for a in summit) == 2


def test_titles_and_possessives_are_stripped(summit: tuple[Actor, ...]) -> None:
    names = {a.name for a in summit}
    assert "Dmitry Peskov" in names
    assert not any(n.startswith(("Mr.", "President")) or n.endswith("'s") for n in names)
    assert clean_surface("Mr. Peskov") == "Peskov"
    assert clean_surface("Kim Jong Un’s") == "Kim Jong Un"
    assert clean_surface("the United States") == "United States"


def test_roles_from_titles_and_appositions(summit: tuple[Actor, ...]) -> None:
    assert by_name(summit, "Dmitry Peskov").role == "Kremlin spokesman"
    assert by_name(summit, "Vladimir Putin").role == "Russian President"
    assert by_name(summit, "Kim Gunn").role == "South Korea's nuclear envoy"


def test_role_from_a_following_apposition() -> None:
    text = (
        "The plan was criticised by Olga Brandt, the newly appointed head of research at the Nordic "
        "Energy Institute, on Friday. Brandt said costs would rise."
    )
    brandt = by_name(find_actors(parse(text)), "Olga Brandt")
    assert brandt.role is not None
    assert brandt.role.startswith("the newly appointed head of research")
    assert brandt.role in text


def test_no_role_when_none_is_given(summit: tuple[Actor, ...]) -> None:
    text = "Maria Lopez won the race. Lopez thanked her coach, Tom Reed."
    assert by_name(find_actors(parse(text)), "Maria Lopez").role is None


def test_main_actors_lead_the_list(summit: tuple[Actor, ...]) -> None:
    top = [a.name for a in summit[:3]]
    assert top[0] == "Kim Jong Un"
    assert "Vladimir Putin" in top


def test_once_quoted_speaker_stays_in_the_top_ten() -> None:
    busy = " ".join(
        f"{team} beat {rival} in the league on day {n}." for n, (team, rival) in enumerate(
            [("Arsenal", "Chelsea"), ("Liverpool", "Everton"), ("Fulham", "Brentford"), ("Leeds", "Burnley"),
             ("Wolves", "Brighton"), ("Arsenal", "Everton"), ("Liverpool", "Chelsea"), ("Fulham", "Burnley"),
             ("Leeds", "Brentford"), ("Wolves", "Chelsea"), ("Brighton", "Arsenal")], start=1
        )
    )
    text = busy + '\n\n"It was a strange season," said referee Helen Marsh.'
    names = [a.name for a in find_actors(parse(text), speakers=("Helen Marsh",))[:10]]
    assert "Helen Marsh" in names


def test_boilerplate_names_are_dropped() -> None:
    text = (
        "Senator Paula Grant said the bill would pass. Grant spoke after a vote in the Senate.\n\n"
        "Join our WhatsApp and Telegram Channels\n\n"
        "Follow us on Twitter and Facebook\n\n"
        "Photo: Getty Images"
    )
    names = {a.name for a in find_actors(parse(text))}
    assert "Paula Grant" in names
    assert not names & {"WhatsApp", "Telegram", "Twitter", "Facebook", "Getty Images"}


def test_capitalised_product_used_as_modifier_is_not_a_person() -> None:
    text = (
        "Chief designer Sergei Volkov showed the delegation the Angara rocket family on Monday. "
        "Volkov said the Angara launch pad was ready."
    )
    names = {a.name for a in find_actors(parse(text))}
    assert "Sergei Volkov" in names
    assert "Angara" not in names


def test_country_spellings_are_one_place() -> None:
    text = (
        "The United States warned Iran on Tuesday. The U.S. said sanctions would follow, and the US "
        "Treasury agreed. Iran rejected the warning."
    )
    us = [a for a in find_actors(parse(text)) if "States" in a.name or a.name in {"U.S.", "US"}]
    assert len(us) == 1
    assert us[0].kind == "place"


def test_resolve_name(summit: tuple[Actor, ...]) -> None:
    assert resolve_name(summit, "Kim") == "Kim Jong Un"
    assert resolve_name(summit, "Kim Jong-un") == "Kim Jong Un"
    assert resolve_name(summit, "Mr. Peskov") == "Dmitry Peskov"
    assert resolve_name(summit, "Kim Gunn") == "Kim Gunn"
    assert resolve_name(summit, "Angela Merkel") is None


def test_resolve_country_forms() -> None:
    actors = (Actor("United States", "place", aliases=("U.S.",), mentions=4),)
    assert resolve_name(actors, "the U.S.") == "United States"
    assert resolve_name(actors, "US") == "United States"
    assert resolve_name(actors, "the United States") == "United States"
    assert resolve_name(actors, "Washington") == "United States"


def test_short_forms() -> None:
    assert is_short_form(name_tokens("Patrick Carlineo"), name_tokens("Patrick W. Carlineo"))
    assert is_short_form(name_tokens("Intelligence Committee"), name_tokens("House Intelligence Committee"))
    assert not is_short_form(name_tokens("Hunter Biden"), name_tokens("Joe Biden"))
