"""Actors: alias clustering, titles, roles, ranking and noise, on sentences written for these
tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from digest.analysis.actors.find import _joined_ents, find_actors, resolve_name
from digest.analysis.actors.names import (
    NameGroup,
    clean_surface,
    is_short_form,
    merge_groups,
    name_tokens,
)
from digest.analysis.nlp import entities, is_calendar_name, parse
from digest.model import Actor

SUMMIT = (
    "North Korean leader Kim Jong Un arrived in Vladivostok on Monday for talks with Russian "
    "President "
    "Vladimir Putin.\n\n"
    "Kim Jong-un was greeted at the station by Kremlin spokesman Dmitry Peskov. Kim then met "
    "Putin for "
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
        "The plan was criticised by Olga Brandt, the newly appointed head of research at the "
        "Nordic "
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
        f"{team} beat {rival} in the league on day {n}."
        for n, (team, rival) in enumerate(
            [
                ("Arsenal", "Chelsea"),
                ("Liverpool", "Everton"),
                ("Fulham", "Brentford"),
                ("Leeds", "Burnley"),
                ("Wolves", "Brighton"),
                ("Arsenal", "Everton"),
                ("Liverpool", "Chelsea"),
                ("Fulham", "Burnley"),
                ("Leeds", "Brentford"),
                ("Wolves", "Chelsea"),
                ("Brighton", "Arsenal"),
            ],
            start=1,
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
        "The United States warned Iran on Tuesday. The U.S. said sanctions would follow, and the "
        "US "
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
    assert is_short_form(
        name_tokens("Intelligence Committee"), name_tokens("House Intelligence Committee")
    )
    assert not is_short_form(name_tokens("Hunter Biden"), name_tokens("Joe Biden"))


# --- Noise from extraction and from the publisher; things, events and groups that are not actors.
# ---


def names_in(text: str, speakers: tuple[str, ...] = ()) -> list[str]:
    return [a.name for a in find_actors(parse(text), speakers=speakers)]


def with_ents(text: str, ents: list[tuple[str, str]]) -> Doc:
    """A parsed text whose entities are set by hand (each (surface, label) at its first free
    occurrence)."""
    doc = parse(text)
    spans, start = [], 0
    for surface, label in ents:
        begin = text.index(surface, start)
        spans.append(doc.char_span(begin, begin + len(surface), label=label))
        start = begin + len(surface)
    doc.ents = spans
    return doc


def test_names_glued_by_extraction_are_cut_at_the_repeat() -> None:
    assert clean_surface("Rep. Dana OrtizDana OrtizSenate") == "Dana Ortiz"
    assert clean_surface("Dana OrtizDana") == "Dana Ortiz"
    assert clean_surface("Ron McDonald") == "Ron McDonald"
    assert clean_surface("LeBron James") == "LeBron James"
    text = (
        "A man admitted threatening Rep. Dana OrtizDana OrtizSenate panel clears budget bill on "
        "Tuesday. "
        "Ortiz said she forgave him. Ortiz asked the judge for mercy."
    )
    ortiz = [a for a in find_actors(parse(text)) if "Ortiz" in a.name]
    assert [a.name for a in ortiz] == ["Dana Ortiz"]


def test_a_person_after_a_title_inside_a_name_is_the_name() -> None:
    assert clean_surface("City Hall Press Secretary Jane Roe") == "Jane Roe"
    assert clean_surface("Bank of Ruritania Governor Ivo Marek") == "Ivo Marek"
    assert clean_surface("Crown Prince Karim bin Nasser") == "Karim bin Nasser"
    assert (
        clean_surface("Martin Luther King Jr.") == "Martin Luther King Jr."
    )  # a title word that is a name
    assert clean_surface("Larry King Live") == "Larry King Live"
    assert clean_surface("Royal Prince Alfred Hospital") == "Royal Prince Alfred Hospital"


def test_people_named_only_in_credit_lines_are_dropped() -> None:
    text = (
        "Mayor Alice Brennan said the bridge would reopen in May. Brennan toured the site on "
        "Friday.\n\n"
        "Tomas Varga contributed reporting from Budapest.\n\n"
        "(Reporting by Petra Lindqvist; Editing by Omar Haddad)"
    )
    assert names_in(text) == ["Alice Brennan"]


def test_agency_in_dateline_and_copyright_line_is_no_actor() -> None:
    text = (
        "LONDON (Reuters) - Astronomer Lena Ruiz found a new comet on Monday. Ruiz said it was "
        "faint.\n\n"
        "© Reuters"
    )
    assert "Reuters" not in names_in(text)


def test_social_follow_prompt_does_not_count_as_a_mention() -> None:
    text = (
        "Singer Jade Moss posted the news on Twitter on Friday. Moss said the album was "
        "personal.\n\n"
        "Follow Newsroom Daily on Instagram, Facebook, Twitter and YouTube."
    )
    assert "Twitter" not in names_in(text)


def test_closing_list_of_links_is_not_story() -> None:
    text = (
        "Coach Lars Eide praised his players after the match on Sunday. Eide said the team had "
        "improved.\n\n"
        "- Falcons top Ravens in overtime thriller\n\n"
        "- Sharks sign Ortiz to two-year deal\n\n"
        "- Bears fire offensive coordinator Mike Dunn"
    )
    assert names_in(text) == ["Lars Eide"]


def test_run_of_headlines_between_pipes_is_not_story() -> None:
    text = (
        "Senator Rosa Kemp filed the bill on Monday. Kemp said the bill would pass. More "
        "headlines: Senate "
        "passes farm bill | Tom Haley joins the race | Budget talks stall | Storm hits coast. "
        "Kemp thanked her staff."
    )
    assert names_in(text) == ["Rosa Kemp"]


def test_outlet_only_cited_as_a_source_is_dropped_but_an_acting_one_stays() -> None:
    cited = (
        "Governor Ray Mills vetoed the budget on Tuesday. Mills told the Lakeside Times that the "
        "plan was "
        "too costly. A spokesman for Mills said in a statement to the Lakeside Times that talks "
        "would "
        "continue. Mills later met union leaders."
    )
    # the recipient of "told" taken for the speaker does not make the outlet an actor either
    assert names_in(cited, speakers=("Lakeside Times",)) == ["Ray Mills"]
    acting = (
        "The Lakeside Times sued the city over its records policy on Monday. The Lakeside Times "
        "said the "
        "policy broke state law. Mayor Alice Brennan defended the policy."
    )
    assert "Lakeside Times" in names_in(acting)


def test_publisher_named_in_a_heading_does_not_act() -> None:
    text = (
        "Orbit Weekly’s guide to the night sky\n\n"
        "Astronomer Lena Ruiz found a new comet on Monday. Ruiz said it was faint."
    )
    assert names_in(text) == ["Lena Ruiz"]


def test_events_and_awards_are_not_actors() -> None:
    text = (
        "Singer Jade Moss won three prizes at the Lakeside Music Awards on Sunday. The Lakeside "
        "Music Awards "
        "drew a record audience. Moss thanked her fans."
    )
    assert names_in(text) == ["Jade Moss"]


def test_a_name_described_as_a_moon_is_a_thing() -> None:
    text = (
        "Scientists led by Dr. Karen Holt mapped Jupiter's moon Callisto. Callisto is larger than "
        "Mercury. "
        "Callisto has an old surface. Holt said the map was a first."
    )
    assert "Callisto" not in names_in(text)


def test_a_group_of_people_quoted_is_no_actor() -> None:
    text = (
        "The vote was close. Most Americans say they want lower taxes, a new poll found. Finance "
        "Minister "
        "Joan Tate welcomed the result."
    )
    assert names_in(text, speakers=("Americans",)) == ["Joan Tate"]


def test_quote_by_an_officer_of_an_organization_is_not_the_organizations() -> None:
    officer = (
        "Defense Secretary Paul Ortega testified on Tuesday. A veteran Navy officer who testified "
        "earlier "
        "described the plan as reckless. Ortega disagreed."
    )
    assert "Navy" not in names_in(officer, speakers=("Navy",))
    spokesman = (
        "Defense Secretary Paul Ortega testified on Tuesday. A Navy spokesman said the plan was "
        "sound. "
        "Ortega agreed."
    )
    assert "Navy" in names_in(spokesman, speakers=("Navy",))


def test_a_title_before_a_place_does_not_make_it_an_actor() -> None:
    text = (
        "Former Ohio governor Dan Pruitt began a campaign on Monday. Pruitt said he would "
        "focus on jobs."
    )
    assert names_in(text) == ["Dan Pruitt"]


def test_a_place_that_acts_twice_is_kept_one_named_once_is_not() -> None:
    text = (
        "Norway beat Chile in the opening match on Sunday. Norway will face Japan next. "
        "Coach Lars Eide praised his players."
    )
    names = names_in(text)
    assert "Norway" in names
    assert not {"Chile", "Japan"} & set(names)


def test_a_company_named_with_its_possessive_keeps_it() -> None:
    text = (
        "Shares of Kessler’s rose 3% after the retailer beat forecasts. Kessler’s reports "
        "earnings again in "
        "March, analyst Mia Chen said. Chen expects growth."
    )
    kessler = by_name(find_actors(parse(text), speakers=("Mia Chen",)), "Kessler’s")
    assert kessler.kind == "organization"
    summit_possessive = find_actors(parse(SUMMIT))
    assert not any(a.name.endswith("’s") or a.name.endswith("'s") for a in summit_possessive)


def test_being_the_subject_of_is_does_not_count_as_acting() -> None:
    text = (
        "Nora Blake, a retiree, relies on Medicorp. Medicorp is a popular plan among retirees. "
        "Medicorp was "
        "a big issue in the election, Blake said."
    )
    names = names_in(text)
    assert names.index("Nora Blake") < names.index("Medicorp")


def test_a_place_followed_by_who_is_a_person() -> None:
    text = "Tommy, who retired at 50, now lives in Maine. Tommy said he does not miss work."
    doc = with_ents(text, [("Tommy", "GPE"), ("Maine", "GPE"), ("Tommy", "GPE")])
    tommy = by_name(find_actors(doc), "Tommy")
    assert tommy.kind == "person"


def test_two_organizations_split_at_and_are_one_when_the_text_names_them_as_one() -> None:
    text = (
        "Doctors offered flu shots at a Customs and Border Patrol site. Customs and Border Patrol "
        "declined. "
        "Customs and Border Patrol gave no reason."
    )
    doc = with_ents(
        text,
        [
            ("Customs", "ORG"),
            ("Border Patrol", "ORG"),
            ("Customs and Border Patrol", "ORG"),
            ("Customs and Border Patrol", "ORG"),
        ],
    )
    assert [e.text for e in _joined_ents(doc, ())] == ["Customs and Border Patrol"] * 3
    names = [a.name for a in find_actors(doc)]
    assert "Customs and Border Patrol" in names
    assert not {"Customs", "Border Patrol"} & set(names)


def test_a_name_inside_a_longer_name_is_not_counted_again() -> None:
    text = (
        "Harbor Energy cut prices on Monday. Harbor Energy said demand fell. Harbor voted "
        "against it."
    )
    doc = with_ents(text, [("Harbor Energy", "ORG"), ("Harbor Energy", "ORG"), ("Harbor", "ORG")])
    harbor = [a for a in find_actors(doc) if a.name == "Harbor"]
    assert all(a.mentions == 1 for a in harbor)


# --- Weak acts: actors seen only at work, kept but ranked after the others. ---

MAYOR = (
    "Mayor Alice Brennan closed the harbor bridge on Monday. Brennan said repairs would take a "
    "month. "
    "Brennan toured the site with engineers on Tuesday. "
)


def test_an_organization_employing_a_named_person_is_a_weak_actor() -> None:
    names = names_in(
        MAYOR
        + "Repairs would cost millions, said Olga Brandt, an economist with the Nordic Policy "
        "Institute. "
        "Transport Department spokesperson Tom Reyes said in a briefing that buses would run."
    )
    assert names[0] == "Alice Brennan"
    assert {"Nordic Policy Institute", "Transport Department"} <= set(names)


def test_a_capitalised_title_before_a_name_does_not_make_an_employer() -> None:
    names = names_in(MAYOR + "Energy Secretary Rick Dalton praised the plan.")
    assert "Energy" not in names


def test_the_issuer_of_a_resolution_named_inside_a_quotation_is_a_weak_actor() -> None:
    text = (
        MAYOR + 'Brennan called the closure "a clear violation of Harbor Commission resolution 12."'
    )
    assert "Harbor Commission" in names_in(text)


def test_an_outlet_whose_report_speaks_acts_but_one_that_is_cited_does_not() -> None:
    own = MAYOR + "A report by The Lakeside Times said:\n\nThe bridge had been unsafe for years."
    assert "Lakeside Times" in names_in(own)
    cited = MAYOR + "The bridge had been unsafe for years, as reported by The Lakeside Times."
    assert "Lakeside Times" not in names_in(cited)


def test_a_country_at_war_is_a_weak_actor_a_venue_of_talks_is_not() -> None:
    text = (
        "President Ivan Petrov met his allies in Geneva on Monday. Petrov said the war in Syria "
        "would be the "
        "main topic. Petrov left after the talks in Geneva."
    )
    names = names_in(text)
    assert "Syria" in names
    assert "Geneva" not in names


def test_a_place_named_once_as_a_subject_acts_even_beside_another() -> None:
    text = (
        MAYOR + "The harbor was built in 1950 with help from Norway and Sweden. "
        "Norway and Denmark paid for the first repairs."
    )
    names = names_in(text)
    assert "Denmark" in names
    assert "Sweden" not in names


def test_weak_actors_rank_after_every_other_actor() -> None:
    text = (
        MAYOR + "Deputy Mayor Carl Osei agreed. Osei said the city would pay. "
        "Harbor Authority spokesperson Tom Reyes said ferries would run. Denmark offered help."
    )
    names = names_in(text)
    assert names.index("Carl Osei") < names.index("Harbor Authority")
    assert names.index("Carl Osei") < names.index("Denmark")


def test_person_the_tagger_calls_a_place_joins_their_surname() -> None:
    # spaCy tags "Ines Okafor" GPE and "Okafor" PERSON here: one person, not a place and a person
    text = (
        "On the morning after the council voted to rebuild the Eastquay waterfront, Ines Okafor "
        "was back on "
        "the north pontoon at dawn, counting boats.\n\n"
        "“Sixty-two berths today, forty tomorrow,” said Okafor, who chairs the Eastquay "
        "Fishermen’s "
        "Cooperative. Okafor said the cooperative would meet on Monday."
    )
    doc = parse(text)
    assert ("Ines Okafor", "GPE") in {(e.text, e.label_) for e in doc.ents}
    okafor = [a for a in find_actors(doc, speakers=("Okafor",)) if "Okafor" in a.name]
    assert [(a.name, a.kind, a.aliases) for a in okafor] == [("Ines Okafor", "person", ("Okafor",))]


def test_two_word_place_named_for_a_person_stays_a_place() -> None:
    # "Port Talbot" (GPE) ends in "Talbot" (PERSON), but "Port" starts place names
    doc = parse("Steelworkers in Port Talbot marched on Monday. Talbot said the plant would close.")
    assert {("Port Talbot", "GPE"), ("Talbot", "PERSON")} <= {(e.text, e.label_) for e in doc.ents}
    kinds = {a.name: a.kind for a in find_actors(doc, speakers=("Talbot",))}
    assert kinds.get("Port Talbot") != "person"
    assert kinds.get("Talbot") == "person"


def test_role_from_a_bare_apposition() -> None:
    text = (
        "Ines Okafor, chair of the Eastquay Fishermen’s Cooperative, called the reduction a slow "
        "eviction. "
        "“They voted on drawings,” Okafor said."
    )
    okafor = by_name(find_actors(parse(text), speakers=("Okafor",)), "Ines Okafor")
    assert okafor.role == "chair of the Eastquay Fishermen’s Cooperative"


def test_a_title_outranks_a_bare_apposition() -> None:
    text = (
        "Kurt Volker, former special envoy to Kyiv, testified on Tuesday. "
        "Ambassador Kurt Volker said he had never discussed the matter."
    )
    assert by_name(find_actors(parse(text)), "Kurt Volker").role == "Ambassador"


def test_bare_surname_tagged_organization_stays_with_the_person() -> None:
    # spaCy tags "Owen Makepeace" PERSON but the bare "Makepeace" ORG, twice
    text = (
        "Regional Transport Secretary Owen Makepeace urged both sides to return to talks with the "
        "help of the "
        "Regional Conciliation Service.\n\n"
        "“Nobody wins,” Makepeace said, “when a nurse can’t get to her shift and a student misses "
        "an exam.”\n\n"
        "Makepeace said on Monday that there would be “no blank cheque this time.”"
    )
    doc = parse(text)
    assert [e.label_ for e in doc.ents if e.text == "Makepeace"] == ["ORG", "ORG"]
    makepeace = by_name(find_actors(doc, speakers=("Makepeace", "Makepeace")), "Owen Makepeace")
    assert (makepeace.kind, makepeace.aliases) == ("person", ("Makepeace",))


def test_a_party_is_no_surname() -> None:
    groups = merge_groups(
        [
            NameGroup(forms={"Virginia Democrats": 1}, labels={"PERSON": 1}),
            NameGroup(forms={"Democrats": 3}, labels={"ORG": 3}),
        ]
    )
    assert [g.labels for g in groups] == [{"PERSON": 1, "ORG": 3}]


def test_an_acronym_that_does_nothing_is_a_term_not_an_organization() -> None:
    text = (
        "Brackenford Robotics said on Monday that its new AI software will ship with every USB hub "
        "it sells. The AI tools run on a 5 GW array. Brackenford Robotics chief Lena Oduya said "
        "sales rose."
    )
    names = {a.name for a in find_actors(parse(text))}
    assert {"Brackenford Robotics", "Lena Oduya"} <= names
    assert not names & {"AI", "USB", "GW"}


def test_a_list_of_names_or_a_one_letter_label_is_no_role() -> None:
    text = (
        "Q: Favorite artists?\n\nA: Bob Marley, Bruno Mars, Drake\n\nQ: Favorite trip?\n\n"
        "A: Tessa Lund, the mayor of Brackenford, took us sailing."
    )
    roles = {a.name: a.role for a in find_actors(parse(text))}
    assert roles["Tessa Lund"] == "the mayor of Brackenford"
    assert "A" not in roles.values() and "Bob Marley" not in roles.values()


def test_only_a_one_word_name_keeps_its_possessive() -> None:
    """ "Harlow’s" (a shop) is written with its "’s"; "the Green Union Party’s" is the party's."""
    party = "The Green Union Party’s surged in the polls. Tessa Lund, its leader, was glad."
    shop = "Shoppers crowded Harlow’s on Friday. Harlow’s reported record sales."
    assert "Green Union Party" in {a.name for a in find_actors(parse(party), ("Tessa Lund",))}
    assert "Harlow’s" in {a.name for a in find_actors(parse(shop))}


def test_a_weekday_tagged_as_a_name_is_no_entity() -> None:
    doc = parse("The embassy reported Wednesday that the index reached 408.")
    doc.ents = [Span(doc, 3, 4, label="ORG")]  # the tagger's misreading, set by hand
    assert [e.text for e in entities(doc)] == []
    assert is_calendar_name("Wednesday") and is_calendar_name("October 12.") is False
    assert not is_calendar_name("May") and not is_calendar_name("Harbour")


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "Fenwick, Calif. – Brackenford Robotics, a maker of harbour cranes, is adding Lena "
            "Oduya as its first chief strategy officer. Oduya led the crane unit of Marrow Works "
            "for a decade. Brackenford Robotics said sales rose.",
            "Fenwick",
        ),
        (
            "NEW FENWICK, Nov. 18, 2019 /PRNewswire/ -- Orrin Freight announced a new ferry "
            "service with Marrow Works on Monday. Orrin Freight said the ferries would sail daily.",
            "NEW FENWICK",
        ),
    ],
)
def test_a_dateline_names_where_the_report_was_filed_not_an_actor(text: str, dateline: str) -> None:
    names = {a.name for a in find_actors(parse(text))}
    assert dateline not in names and names


def test_a_name_written_with_a_model_size_or_number_is_a_product() -> None:
    text = (
        "Brackenford Robotics unveiled the new 12-inch Pellucid Max on Tuesday. The 12-inch "
        "Pellucid Max is lighter than the X7 Pellucid Max, and the 12-inch Pellucid Max "
        "charges faster. Brackenford Robotics chief Lena Oduya said orders were strong."
    )
    doc = with_ents(
        text,
        [("Brackenford Robotics", "ORG")]
        + [("Pellucid Max", "ORG")] * 4
        + [("Brackenford Robotics", "ORG"), ("Lena Oduya", "PERSON")],
    )
    names = {a.name for a in find_actors(doc)}
    assert {"Brackenford Robotics", "Lena Oduya"} <= names
    assert "Pellucid Max" not in names


def test_a_person_or_a_party_with_an_age_or_an_election_year_is_no_product() -> None:
    text = (
        "The 2020 hopeful Dana Ortiz toured Fenwick. The 58-year-old Dana Ortiz met farmers, "
        "and the 2020 hopeful Dana Ortiz left for Harlow."
    )
    ortiz = ("Dana Ortiz", "PERSON")
    doc = with_ents(text, [ortiz, ("Fenwick", "GPE"), ortiz, ortiz])
    assert "Dana Ortiz" in {a.name for a in find_actors(doc)}
    party = "The 2020 Greens met in Fenwick. The 2020 Greens chose Dana Ortiz as their leader."
    greens = ("Greens", "ORG")
    doc = with_ents(party, [greens, ("Fenwick", "GPE"), greens, ("Dana Ortiz", "PERSON")])
    assert "Greens" in {a.name for a in find_actors(doc)}


def test_a_player_with_a_ranking_is_no_product() -> None:
    """ "12th-ranked" ranks a player; it is no model size."""
    text = (
        "The 12th-ranked Ana Vidal won in Fenwick on Sunday. The 12th-ranked Ana Vidal next "
        "meets Tom Ruiz."
    )
    doc = with_ents(text, [("Ana Vidal", "ORG"), ("Ana Vidal", "ORG"), ("Tom Ruiz", "PERSON")])
    assert "Ana Vidal" in {a.name for a in find_actors(doc)}


def test_a_name_run_into_the_next_words_ends_before_them() -> None:
    assert clean_surface("The Pellucid Max for") == "Pellucid Max"
    assert clean_surface("Doctors for Camp Closure") == "Doctors for Camp Closure"


def test_a_hyphenated_acronym_that_does_nothing_is_a_term() -> None:
    text = (
        "Brackenford Robotics said its new hub has two USB-C sockets. Every USB-C cable fits. "
        "Brackenford Robotics chief Lena Oduya said sales rose."
    )
    doc = with_ents(
        text,
        [("Brackenford Robotics", "ORG"), ("USB-C", "ORG"), ("USB-C", "ORG")]
        + [("Brackenford Robotics", "ORG"), ("Lena Oduya", "PERSON")],
    )
    names = {a.name for a in find_actors(doc)}
    assert "Lena Oduya" in names
    assert "USB-C" not in names


def test_a_name_run_past_a_possessive_is_two_names_when_one_stands_alone() -> None:
    text = (
        "KXRB’s Mara Quell asked the mayor about the budget. Quell said the answer was vague. "
        "KXRB broadcast the exchange."
    )
    doc = with_ents(text, [("KXRB’s Mara Quell", "PERSON"), ("Quell", "PERSON"), ("KXRB", "ORG")])
    actors = {a.name: a for a in find_actors(doc)}
    assert "Mara Quell" in actors and actors["Mara Quell"].kind == "person"
    assert not any("’s" in name for name in actors)


def test_a_name_always_written_with_its_possessive_stays_whole() -> None:
    text = "Fenwick’s Landing won the award. Fenwick’s Landing thanked its viewers on Sunday."
    doc = with_ents(text, [("Fenwick’s Landing", "ORG"), ("Fenwick’s Landing", "ORG")])
    assert "Fenwick’s Landing" in {a.name for a in find_actors(doc)}


def test_one_word_written_as_a_plural_is_a_team_not_a_person() -> None:
    text = (
        "The Rovers beat Fenwick on Sunday. Rovers have won four games, and Rovers' fans sang. "
        "Coach Ana Vidal said the Rovers were tired."
    )
    rovers = ("Rovers", "PERSON")
    doc = with_ents(text, [rovers, ("Fenwick", "GPE"), rovers, rovers, ("Ana Vidal", "PERSON")])
    kinds = {a.name: a.kind for a in find_actors(doc, ("Ana Vidal",))}
    assert kinds["Rovers"] == "organization"
    assert kinds["Ana Vidal"] == "person"


def test_a_common_word_or_a_label_in_capitals_tagged_as_a_person_is_no_actor() -> None:
    text = (
        "Marmalade sold out at the Fenwick market. Ana Vidal makes marmalade from oranges, "
        "and Ana Vidal sells it on Sundays.\n\nSUBMIT\n\nSUBMIT your recipe to Ana Vidal."
    )
    vidal = ("Ana Vidal", "PERSON")
    doc = with_ents(
        text,
        [("Marmalade", "PERSON"), ("Fenwick", "GPE"), vidal, vidal]
        + [("SUBMIT", "PERSON"), ("SUBMIT", "PERSON"), vidal],
    )
    names = {a.name for a in find_actors(doc)}
    assert "Ana Vidal" in names
    assert not names & {"Marmalade", "SUBMIT"}


def test_a_name_with_wrongly_decoded_characters_is_no_name() -> None:
    text = "Iâ\x80\x99d say the plan works, Ana Vidal wrote. Ana Vidal leads the Fenwick council."
    doc = with_ents(
        text, [("Iâ\x80\x99d", "PERSON"), ("Ana Vidal", "PERSON"), ("Ana Vidal", "PERSON")]
    )
    assert [a.name for a in find_actors(doc)] == ["Ana Vidal"]


def test_a_name_joined_to_a_person_is_a_person_and_acts_with_them() -> None:
    """ "Weeks" read as a date beside "Kevin Roe": a person, freed as Roe is."""
    text = (
        "Kevin Roe and Timothy Weeks were freed by the rebels on Monday, officials in Fenwick "
        "said. Roe thanked the negotiators."
    )
    doc = with_ents(
        text,
        [("Kevin Roe", "PERSON"), ("Weeks", "DATE"), ("Fenwick", "GPE"), ("Roe", "PERSON")],
    )
    actors = {a.name: a for a in find_actors(doc)}
    assert "Timothy Weeks" in actors
    assert actors["Timothy Weeks"].kind == "person"


def test_a_quoted_name_with_half_a_title_is_the_person_it_ends_with() -> None:
    text = (
        "Minister of Harbours Lena Oduya met the Fenwick council on Monday. Lena Oduya spoke "
        "for an hour."
    )
    actors = find_actors(parse(text), speakers=("Harbours Lena Oduya",))
    names = [a.name for a in actors]
    assert names.count("Lena Oduya") == 1
    assert not any(n.startswith("Harbours") for n in names)


def test_people_named_only_in_a_byline_are_dropped() -> None:
    """A byline above the story and again below it (as pages repeat it) names who wrote it."""
    text = (
        "By Petra Lindqvist and Omar Haddad, Fenwick Herald\n\n"
        "Mayor Alice Brennan said the bridge would reopen in May. Brennan toured the site on "
        "Friday.\n\nBy most accounts, Alice Brennan has kept her word.\n\n"
        "BY PETRA LINDQVIST AND OMAR HADDAD"
    )
    doc = with_ents(
        text,
        [("Petra Lindqvist", "PERSON"), ("Omar Haddad", "PERSON"), ("Alice Brennan", "PERSON")]
        + [("Brennan", "PERSON"), ("Alice Brennan", "PERSON")]
        + [("PETRA LINDQVIST", "PERSON"), ("OMAR HADDAD", "PERSON")],
    )
    assert [a.name for a in find_actors(doc)] == ["Alice Brennan"]
