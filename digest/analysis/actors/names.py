"""Name normalization and alias clustering for actors.

A surface form ("Mr. Peskov", "Kim Jong-un’s", "the U.S.") is cleaned into a name, reduced to
comparison tokens, and grouped with the other forms of the same actor: hyphens and case ignored, a
surname or a given name joins the fuller name it belongs to, an acronym joins the organization it
abbreviates, and the usual spellings of a few countries (and their capitals, when the country itself
is named) are one place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..lexicon import (
    ACRONYM_STOPWORDS,
    ARTICLES,
    CAPITALS,
    COUNTRY_FORMS,
    INSTITUTION_WORDS,
    NAME_LIKE_TITLES,
    PARTICLES,
    PARTIES,
    SUFFIXES,
    TITLES,
)

MIN_CUT_WORD = (
    3  # shorter lower-case words are name syllables ("Kim Jong un"), longer ones prose ("hit")
)
LONG_NAME_TOKENS = (
    3  # a lone word may join a non-PERSON name this long ("Volker" → "Ukraine Kurt Volker")
)
_COUNTRY_KEY = {form: forms[0] for forms in COUNTRY_FORMS for form in forms}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_STRAY_POSSESSIVE = re.compile(
    r"^['’]s\s+"
)  # "’s Haqqani": the tagger started a name inside "Taliban’s"
_EDGE_JUNK = re.compile(r"^[\W_]+|[^\w.)]+$")
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "OmarIlhan": two words run together by extraction
_TOKEN = re.compile(r"[^\W_]+")
# names remembered by the functions below, which an article calls many times with the same names
# (a few hundred different ones an article); bounded, so memory stays flat with new names
NAME_CACHE = 4096


@functools.lru_cache(maxsize=NAME_CACHE)
def clean_surface(text: str) -> str:
    """The name inside a surface form: first line only, without possessive,
    leading titles or "the"."""
    text = text.strip().splitlines()[0] if text.strip() else ""
    text = _STRAY_POSSESSIVE.sub("", unglue(text))
    text = _EDGE_JUNK.sub("", _POSSESSIVE.sub("", _EDGE_JUNK.sub("", text)))
    words = _cut_at_lowercase(text.split())
    while len(words) > 1 and (
        words[0].casefold().rstrip(".") in TITLES or words[0].casefold() in ARTICLES
    ):
        words = words[1:]
    while len(words) > 1 and words[-1] in PARTICLES:
        words = words[:-1]  # "Acme Pro for": the tagger ran the name into the next words
    return " ".join(_after_inner_title(words))


def unglue(text: str) -> str:
    """Cut a name where extraction ran it into a repeat of itself
    ("Ilhan OmarIlhan Omar…" → "Ilhan Omar").

    Link lists and embedded posts glue a name to the next one with no space; the cut is made only
    where the glued-on part starts with a word the name already had, so "McDonald" or "DeSantis"
    stay whole.
    """
    seen: set[str] = set()
    for word in re.finditer(r"\S+", text):
        parts = _GLUE.split(word.group())
        offset = word.start()
        for i, part in enumerate(parts):
            key = "".join(_TOKEN.findall(part.casefold()))
            if i > 0 and key and any(key == s or s.startswith(key) for s in seen):
                return text[:offset].rstrip()
            seen.update(
                "".join(_TOKEN.findall(p.casefold())) for p in re.split(r"[-\s]", part) if p
            )
            offset += len(part)
    return text


def _after_inner_title(words: list[str]) -> list[str]:
    """The person after a title inside a name
    ("White House Press Secretary Jane Roe" → "Jane Roe")."""
    for k in range(len(words) - 2, 0, -1):
        rest = words[k + 1 :]
        title = words[k].casefold().rstrip(".")
        if (
            title in TITLES
            and (title not in NAME_LIKE_TITLES or len(rest) >= 2)
            and any(w.casefold().rstrip(".") not in SUFFIXES for w in rest)
            and all(w[:1].isupper() or w in PARTICLES for w in rest)
            and rest[0][:1].isupper()
            and rest[-1].casefold() not in INSTITUTION_WORDS
            and words[k - 1].casefold() not in PARTICLES
        ):
            return rest
    return words


def _cut_at_lowercase(words: list[str]) -> list[str]:
    """Cut a name at the first lower-case word that is no particle
    ("Garrett hit Rudolph" → "Garrett")."""
    for i, word in enumerate(words[1:], start=1):
        if (
            word.islower()
            and len(word) >= MIN_CUT_WORD
            and word not in PARTICLES
            and not word[:1].isdigit()
        ):
            return words[:i]
    return words


def leading_title(text: str) -> str:
    """The title words a surface form starts with ("President" in "President Trump"), or ""."""
    words = text.split()
    kept = []
    for word in words[:-1]:
        if word.casefold().rstrip(".") not in TITLES:
            break
        kept.append(word)
    return " ".join(kept)


def name_tokens(name: str) -> tuple[str, ...]:
    """Comparison tokens: case-folded, hyphens split, dots dropped ("U.S." → ("us",))."""
    return tuple(_TOKEN.findall(name.replace(".", "").casefold()))


def country_key(tokens: Sequence[str]) -> str | None:
    """The canonical form of a country spelled one of several ways, else None."""
    return _COUNTRY_KEY.get(" ".join(tokens))


def core_tokens(tokens: Sequence[str]) -> tuple[str, ...]:
    """Tokens without generational suffixes ("Jr.")."""
    core = tuple(t for t in tokens if t not in SUFFIXES)
    return core or tuple(tokens)


def acronym(tokens: Sequence[str]) -> str:
    """Initials of a multi-word name, stopwords skipped."""
    return "".join(t[0] for t in tokens if t not in ACRONYM_STOPWORDS)


def is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    """Every token of `short` appears in `long`, in order."""
    it = iter(long)
    return all(any(t == u for u in it) for t in short)


def is_short_form(short: Sequence[str], long: Sequence[str]) -> bool:
    """A multi-token `short` is a shortened `long`: same first or last token, the rest in order.

    "Patrick Carlineo" ⊂ "Patrick W. Carlineo Jr.";
    "Intelligence Committee" ⊂ "House Intelligence Committee";
    "Pat Carlineo" ⊂ "Patrick Carlineo" (a given name cut short).
    """
    s, lg = core_tokens(short), core_tokens(long)
    if len(s) < 2 or len(s) > len(lg) or s == lg:
        return False
    if s[-1] == lg[-1] and len(s) == len(lg) and lg[0].startswith(s[0]):
        return all(a == b for a, b in zip(s[1:], lg[1:]))
    return (s[0] == lg[0] or s[-1] == lg[-1]) and is_subsequence(s, lg)


@dataclass
class NameGroup:
    """Surface forms believed to name one actor, with per-form counts and NER labels."""

    forms: dict[str, int] = field(default_factory=dict)  # clean name → mentions
    labels: dict[str, int] = field(default_factory=dict)  # NER label → mentions
    first: int = 0  # character offset of the first mention

    @property
    def keys(self) -> set[tuple[str, ...]]:
        return {name_key(f) for f in self.forms}

    @property
    def longest(self) -> tuple[str, ...]:
        return max(self.keys, key=len)

    @property
    def person_like(self) -> bool:
        """Tagged PERSON at least as often as anything else."""
        return self.labels.get("PERSON", 0) >= max(self.labels.values(), default=0)

    @property
    def place_like(self) -> bool:
        """Tagged GPE or LOC more often than anything else."""
        place = self.labels.get("GPE", 0) + self.labels.get("LOC", 0)
        return place > sum(self.labels.values()) - place

    @property
    def size(self) -> int:
        return sum(self.forms.values())

    def absorb(self, other: NameGroup) -> None:
        for table, extra in ((self.forms, other.forms), (self.labels, other.labels)):
            for key, n in extra.items():
                table[key] = table.get(key, 0) + n
        self.first = min(self.first, other.first)


@functools.lru_cache(maxsize=NAME_CACHE)
def name_key(name: str) -> tuple[str, ...]:
    """The comparison tokens of a name, without generational suffixes."""
    return core_tokens(name_tokens(name))


def group_key(name: str) -> tuple[str, ...]:
    """The exact-match key: tokens, with country spellings made one."""
    tokens = name_key(name)
    country = country_key(tokens)
    return tuple(country.split()) if country else tokens


def merge_groups(groups: Iterable[NameGroup]) -> list[NameGroup]:
    """Fold short forms, single surnames/given names, acronyms and capitals into fuller groups."""
    pool = sorted(groups, key=lambda g: (-len(g.longest), -g.size, g.first))
    merged: list[NameGroup] = []
    for group in pool:
        target = _best_home(group, merged)
        if target is None:
            merged.append(group)
        elif target.person_like and _is_surname_of(group, target):
            # a person's bare surname: the tagger's label for the full name is the better guess
            # ("Owen Makepeace" PERSON, "Makepeace" ORG twice)
            target.absorb(
                NameGroup(forms=group.forms, labels={"PERSON": group.size}, first=group.first)
            )
        else:
            target.absorb(group)
    return _merge_capitals(merged)


def _is_surname_of(single: NameGroup, person: NameGroup) -> bool:
    """A one-word name that is the last word of one of the person's fuller names."""
    key = single.longest
    if len(key) != 1 or set(single.forms) & PARTIES:  # "Virginia Democrats" is no person
        return False
    return _has_surname(person, key[0])


def _has_surname(group: NameGroup, word: str) -> bool:
    """One of the group's names has more than one word and ends in `word`."""
    return any(len(k) > 1 and k[-1] == word for k in group.keys)


def _merge_capitals(groups: list[NameGroup]) -> list[NameGroup]:
    """A capital joins its country when the country itself is named ("Moscow" → Russia)."""
    by_key = {g.longest: g for g in groups}
    kept = []
    for group in groups:
        country = CAPITALS.get(" ".join(group.longest))
        home = by_key.get(tuple(country.split())) if country else None
        if home is None or home is group:
            kept.append(group)
        else:
            home.absorb(group)
    return kept


def _best_home(group: NameGroup, merged: list[NameGroup]) -> NameGroup | None:
    """The fuller group this one belongs to, the most mentioned when several fit."""
    key = group.longest
    candidates = [g for g in merged if any(is_short_form(key, k) for k in g.keys)]
    if not candidates and len(key) == 1:
        candidates = _single_token_homes(key[0], merged, group)
    if not candidates:
        return None
    return max(candidates, key=lambda g: (g.size, -g.first))


def _single_token_homes(token: str, merged: list[NameGroup], single: NameGroup) -> list[NameGroup]:
    """People whose surname (else given name, or East Asian family name) is `token`;
    else orgs it abbreviates.

    A word tagged as a place only joins a person by surname ("Sondland"),
    never an institution ("Kabul").
    """
    people = [g for g in merged if g.person_like or _may_be_person(g, single)]
    by_last = [g for g in people if _has_surname(g, token)]
    if by_last or single.place_like:
        return by_last
    by_first = [g for g in people if any(len(k) > 1 and k[0] == token for k in g.keys)]
    if by_first:
        return by_first
    orgs = [g for g in merged if not (g.person_like or g.place_like)]
    return [g for g in orgs if any(len(k) > 1 and acronym(k) == token for k in g.keys)]


def _may_be_person(group: NameGroup, single: NameGroup) -> bool:
    """A name the tagger did not call a person may still be one, for a lone word that is no place.

    The word must have been tagged PERSON at least once,
    or the name be long ("Ukraine Kurt Volker").
    """
    if group.place_like or single.place_like:
        return False
    return "PERSON" in single.labels or _named_long(group)


def _named_long(group: NameGroup) -> bool:
    """A name of three words or more ("Ukraine Kurt Volker"): a person or an institution."""
    return len(group.longest) >= LONG_NAME_TOKENS


def home_of(name: str, groups: Sequence[NameGroup]) -> NameGroup | None:
    """The group a cleaned name belongs to: same key, a country spelling or capital,
    else a fuller name."""
    key = group_key(name)
    if not key:
        return None
    exact = [g for g in groups if key in {group_key(f) for f in g.forms}]
    if exact:
        return exact[0]
    capital = CAPITALS.get(" ".join(key))
    if capital:
        home = next(
            (g for g in groups if tuple(capital.split()) in {group_key(f) for f in g.forms}), None
        )
        if home is not None:
            return home
    return _best_home(NameGroup(forms={name: 1}), list(groups))
