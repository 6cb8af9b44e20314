"""One identity per person across stories: which names are joined, which stay apart, and which name
the identity goes by (invented names only)."""

from __future__ import annotations

from digest.stories import people as people_module
from digest.stories.people import Named, identities, person_form


def people(*items: tuple[str, str]) -> list[Named]:
    """(name, story) pairs, each named as a person."""
    return [Named(name, story, True) for name, story in items]


def test_a_surname_joins_the_one_full_name_it_is_named_near() -> None:
    named = people(("Adam Rell", "a"), ("Port Town", "a"), ("Rell", "b"), ("Port Town", "b"))
    assert identities(named)["Rell"] == identities(named)["Adam Rell"] == "Adam Rell"


def test_a_surname_and_a_full_name_in_unrelated_stories_stay_apart() -> None:
    named = people(("Dylan Rell", "physics"), ("Rell", "hockey"), ("Islanders", "hockey"))
    assert identities(named)["Rell"] == "Rell"


def test_a_surname_two_full_names_share_stays_apart() -> None:
    named = people(("Adam Rell", "a"), ("Jane Rell", "b"), ("Rell", "c"), ("Port Town", "a"))
    named += people(("Port Town", "b"), ("Port Town", "c"))
    ids = identities(named)
    assert ids["Rell"] == "Rell" and ids["Adam Rell"] != ids["Jane Rell"]


def test_of_two_full_names_the_one_named_in_every_story_of_the_surname() -> None:
    named = people(("Adam Rell", "a"), ("Jane Rell", "b"), ("Rell", "a"), ("Rell", "c"))
    assert identities(named)["Rell"] == "Rell"  # story c names neither: apart
    named = people(("Adam Rell", "a"), ("Jane Rell", "b"), ("Rell", "a"))
    assert identities(named)["Rell"] == "Adam Rell"


def test_titles_possessives_and_case_are_one_name() -> None:
    named = people(("President Quill", "a"), ("Quill’s", "b"), ("quill", "c"), ("Mora Quill", "a"))
    ids = identities(named)
    assert {ids[n] for n in ("President Quill", "Quill’s", "quill")} == {"Mora Quill"}
    assert identities(people(("Senator Ada Vell’s", "a")))["Senator Ada Vell’s"] == "Ada Vell"
    assert person_form("former President Quill’s") == "Quill" and person_form("King") == "King"
    assert person_form("King Osric") == "King Osric"  # a title that may be the name itself


def test_only_people_join_by_surname() -> None:
    named = [Named("Mike Vane", "a", True), Named("Vane", "b", False), Named("Port", "a", False)]
    named.append(Named("Port", "b", False))
    assert identities(named)["Vane"] == "Vane"
    named = [Named("Vane Works", "a", False), Named("Vane", "a", True)]
    assert identities(named)["Vane"] == "Vane"


def test_a_shorter_full_name_joins_the_one_fuller_name() -> None:
    named = people(("Owen Pell", "a"), ("Owen Tarn Pell", "b"))
    assert identities(named)["Owen Pell"] == "Owen Tarn Pell"
    named += people(("Owen Brisk Pell", "c"))
    assert identities(named)["Owen Pell"] == "Owen Pell"  # two fuller names: apart


def test_the_name_an_identity_goes_by_is_a_persons_and_does_not_depend_on_order() -> None:
    named = [Named("Kurt Vell", "a", True), Named("Harbour Kurt Vell", "b", False)]
    named.append(Named("Harbour Kurt Vell", "b", True))  # quoted, though tagged as an organization
    assert set(identities(named).values()) == {"Kurt Vell"}
    assert identities(named) == identities(reversed(named))


def _every_pair(named: list[people_module.Named]) -> dict[str, str]:
    """identities() as it was before its index: every full name compared with every other."""
    from collections import defaultdict

    from digest.analysis.actors.names import is_short_form

    stories: dict[str, set[str]] = defaultdict(set)
    cast: dict[str, set[str]] = defaultdict(set)
    persons_all, other = set(), set()
    for item in named:
        stories[item.name].add(item.story)
        cast[item.story].add(item.name)
        (persons_all if item.person else other).add(item.name)
    keys = {n: people_module._key(n, n in persons_all) for n in sorted(stories)}
    joined = people_module._Union(stories)
    by_key: dict[tuple[str, ...], str] = {}
    for name, key in keys.items():
        if key:
            joined.join(name, by_key.setdefault(key, name))
    persons = sorted((n for n in persons_all if len(keys[n]) > 1), key=lambda n: (-len(keys[n]), n))
    for name in persons:
        homes = {joined.root(o) for o in persons if is_short_form(keys[name], keys[o])}
        homes.discard(joined.root(name))
        if len(homes) == 1:
            joined.join(name, homes.pop())
    for name in sorted(n for n in persons_all if len(keys[n]) == 1):
        fits = [o for o in persons if keys[o][-1] == keys[name][0]]
        home = people_module._surname_home(name, keys, fits, stories, cast, joined)
        if home is not None:
            joined.join(name, home)
    return people_module._named_by(joined, keys, persons_all, persons_all - other, stories)


def test_comparing_only_names_that_share_an_end_gives_what_every_pair_gives() -> None:
    import random

    rng = random.Random(3)
    first = ["Ann", "Bo", "Cy", "Pat", "Patrick", "Al", "Alan", "President"]
    middle = ["W.", "J.", "de", "van"]
    last = ["Lee", "Mora", "Quist", "Lee-Mora", "Fenn", "Jr.", "Pat"]
    for _ in range(300):
        named = []
        for _ in range(rng.randint(3, 25)):
            parts = [rng.choice(first)] * (rng.random() < 0.8)
            parts += [rng.choice(middle)] * (rng.random() < 0.3) + [rng.choice(last)]
            named.append(
                people_module.Named(" ".join(parts), f"s{rng.randint(0, 6)}", rng.random() < 0.85)
            )
        assert people_module.identities(named) == _every_pair(named)
