"""One identity per person across the whole site: the names that stories give one actor, joined.

Each story's briefing already joins the names it uses itself ("Ines Okafor" … "Okafor"); across
stories the names are joined here, from the names alone and the stories they are in:

- the same name however written: case, hyphens and "Jr." aside, and for a person without a leading
  title or a possessive ("President Trump", "Trump’s" → "Trump");
- a person's shorter full name, when exactly one fuller one fits ("Owen Dempsey" →
  "Owen John Dempsey");
- a person's bare surname, when exactly one full name on the site ends in it and the two are
  named together, or alongside a same third actor ("Schiff" and "Adam Schiff", each with
  "Ukraine"); when several full names end in it, the one named in every story that gives the
  surname. A hockey report's "Nelson" is not an astrophysicist "Dylan Nelson" met in no story near
  it.

A name that could be two people stays apart: a wrong name is worse than no name. Only people are
joined by surname, and only to people ("Ford" the company is not "Mike Ford"). Which name an
identity goes by depends only on its names and their stories, so it stays put from run to run while
nothing about the person changes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..analysis.actors.names import core_tokens, is_short_form, name_tokens
from ..analysis.lexicon import NAME_LIKE_TITLES, TITLES

_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")


@dataclass(frozen=True, slots=True)
class Named:
    """A name as one story gives it: `person` when the story calls it a person (or quotes it)."""

    name: str
    story: str
    person: bool


def person_form(name: str) -> str:
    """A person's name without possessive or leading titles ("former President Trump’s" →
    "Trump"); a title that is also a name ("King", "Lord") stays when nothing else would."""
    words = _POSSESSIVE.sub("", " ".join(name.split())).split()
    while len(words) > 1 and _is_title(words[0], len(words)):
        words = words[1:]
    return " ".join(words) or name


def identities(named: Iterable[Named]) -> dict[str, str]:
    """Every name → the name of the identity it belongs to (itself when it stands alone)."""
    stories: dict[str, set[str]] = defaultdict(set)
    cast: dict[str, set[str]] = defaultdict(set)  # story → the names it gives
    people: set[str] = set()
    other: set[str] = set()  # names some story calls an organization or a place
    for item in named:
        stories[item.name].add(item.story)
        cast[item.story].add(item.name)
        (people if item.person else other).add(item.name)
    keys = {n: _key(n, n in people) for n in sorted(stories)}
    joined = _Union(stories)
    by_key: dict[tuple[str, ...], str] = {}
    for name, key in keys.items():  # the same name, however written
        if key:
            joined.join(name, by_key.setdefault(key, name))
    persons = sorted((n for n in people if len(keys[n]) > 1), key=lambda n: (-len(keys[n]), n))
    # A short form shares its first or last (core) token with the fuller name: only those are
    # compared, so the cost grows with the names, not with their pairs (2,000 names: 30 s → 0.1 s).
    by_end: dict[str, list[str]] = defaultdict(list)
    for full in persons:
        core = core_tokens(keys[full])
        for token in {core[0], core[-1]}:
            by_end[token].append(full)
    for name in persons:  # a shorter full name: the one fuller name it can be
        core = core_tokens(keys[name])
        near = dict.fromkeys(by_end[core[0]] + by_end[core[-1]])
        homes = {joined.root(o) for o in near if is_short_form(keys[name], keys[o])}
        homes.discard(joined.root(name))
        if len(homes) == 1:
            joined.join(name, homes.pop())
    by_last: dict[str, list[str]] = defaultdict(list)
    for full in persons:
        by_last[keys[full][-1]].append(full)
    for name in sorted(n for n in people if len(keys[n]) == 1):  # a bare surname
        home = _surname_home(name, keys, by_last[keys[name][0]], stories, cast, joined)
        if home is not None:
            joined.join(name, home)
    return _named_by(joined, keys, people, people - other, stories)


def _surname_home(
    name: str,
    keys: dict[str, tuple[str, ...]],
    fits: list[str],
    stories: dict[str, set[str]],
    cast: dict[str, set[str]],
    joined: _Union,
) -> str | None:
    """The one full-name identity a bare surname belongs to (`fits`: the full names that end in
    it), or None when none or several fit."""
    homes = {joined.root(o) for o in fits} - {joined.root(name)}
    if len(homes) == 1:  # one person: if met near the surname
        home = homes.pop()
        full = [o for o in fits if joined.root(o) == home]
        return home if _near(name, full, stories, cast) else None
    homes = {  # several people: the one named in every story that gives the surname
        home
        for home in homes
        if all(
            any(story in stories[o] for o in fits if joined.root(o) == home)
            for story in stories[name]
        )
    }
    return homes.pop() if len(homes) == 1 else None


def _near(
    name: str, full: list[str], stories: dict[str, set[str]], cast: dict[str, set[str]]
) -> bool:
    """`name` and one of the `full` names are named in one story, or alongside a same third
    name."""
    theirs = {story for o in full for story in stories[o]}
    if stories[name] & theirs:
        return True
    around = {n for story in stories[name] for n in cast[story]} - {name}
    return bool(around & {n for story in theirs for n in cast[story]} - set(full))


def _named_by(
    joined: _Union,
    keys: dict[str, tuple[str, ...]],
    people: set[str],
    only_people: set[str],
    stories: dict[str, set[str]],
) -> dict[str, str]:
    """Each name → its identity's name: one only ever called a person if there is one ("Kurt
    Volker", not the "Ukraine Kurt Volker" a tagger took for an organization), then the fullest,
    the most used, the first A–Z; a person's without title or possessive."""
    members: dict[str, list[str]] = defaultdict(list)
    for name in stories:
        members[joined.root(name)].append(name)
    out = {}
    for group in members.values():
        best = min(group, key=lambda n: (n not in only_people, -len(keys[n]), -len(stories[n]), n))
        shown = person_form(best) if best in people else best
        out.update(dict.fromkeys(group, shown))
    return out


def _key(name: str, person: bool) -> tuple[str, ...]:
    return core_tokens(name_tokens(person_form(name) if person else name))


def _is_title(word: str, words: int) -> bool:
    title = word.casefold().rstrip(".")
    return title in TITLES and (title not in NAME_LIKE_TITLES or words > 2)


class _Union:
    """Names joined into identities (union-find; a root is always the smaller name, so the
    result does not depend on the order of joining)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.parent = {n: n for n in names}

    def root(self, name: str) -> str:
        while self.parent[name] != name:
            self.parent[name] = self.parent[self.parent[name]]
            name = self.parent[name]
        return name

    def join(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
