"""Who acts in a story: named people, organizations and places, clustered by alias and ranked by salience.

    find_actors(doc, speakers)   entities → alias clusters (names.py) → roles → noise out → ranked Actors
    resolve_name(actors, "Kim")  a surface form → the canonical Actor.name it refers to
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..model import Actor, ActorKind
from .names import (
    TITLES, NameGroup, acronym, clean_surface, group_key, home_of, leading_title, merge_groups, name_tokens,
)

# spaCy labels kept, and the kind each stands for (NORP — "Russian", "Democrats" — names groups, not actors).
KIND_OF_LABEL: dict[str, ActorKind] = {
    "PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
}
PARTIES = frozenset({"Democrats", "Republicans"})  # NORP words that name an organization acting as one
# Lines of site furniture, not story: sharing prompts, newsletters, photo credits.
BOILERPLATE = re.compile(
    r"\b(join (our|us)|follow us|subscribe|newsletter|sign up|click here|share (this|on)|related posts"
    r"|latest news|become a patron|what's clicking|all rights reserved|getty images|ap photo"
    r"|photo (by|credit)|image credit"
    r"|(photo|image|picture|credit)s?\s*:|copyright|©)",
    re.IGNORECASE,
)
DATELINE = re.compile(r"^\s*[A-Z][A-Z.,' ]+(?:\([^)\n]{1,30}\))?\s*[—–-]")  # "WASHINGTON (AP) —"
BOILERPLATE_MAX_LINE = 200  # furniture lines are short; a long paragraph that says "subscribe" is story
ROLE_DEPS = frozenset({"compound", "amod", "nmod"})  # pre-name modifiers that carry a title
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss", "csubj"})  # a mention doing something
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})  # "Angara rocket": a name used as a modifier
PLACE_MIN_MENTIONS = 2  # a place named once or twice is where things happen, not who does them
PASSING_MENTIONS = 1  # named once, doing nothing, no role, not quoted: scenery, not an actor
MIN_ACRONYM = 2  # "UN", "EU"; a single letter is an initial
ROLE_MAX_CHARS = 120  # longer appositions are clauses, not roles
QUOTE_WEIGHT = 3.0  # one quote says as much about importance as three mentions
SPEAKER_FLOOR = 6.0  # the quoted outrank the merely mentioned: a key actor quoted once stays in the top 10
LEAD_CHARS = 400  # the headline and lead: actors named here are what the story is about
LEAD_BONUS = 3.0  # worth three mentions
ACTING_WEIGHT = 0.5  # each mention as subject/agent/possessor adds half a mention
PLACE_FACTOR = 0.7  # places are often settings; even acting ones rank below people mentioned as often
PASSIVE_PLACE_FACTOR = 0.15  # regions, seas, planets (LOC) and places that never act: settings, ranked last
ORG_WORDS = frozenset(  # a quoted name the tagger missed is an organization when it has one of these
    "ministry office department agency council committee commission house court party union league"
    " association institute university company group bureau service police army government".split()
)
_APPOSITION = re.compile(
    r"^,\s+((?:the|a|an|his|her|its|their)\s[^,;:.()\"“”]{3,%d}?)(?=[,;.]|$)" % ROLE_MAX_CHARS
)


@dataclass
class _Cluster:
    """One actor while it is being assembled."""

    group: NameGroup
    surfaces: Counter[str]
    role: str | None = None
    acting: int = 0
    modifier_only: bool = True
    quotes: int = 0
    titled: bool = False
    common_noun: bool = True


def find_actors(doc: Doc, speakers: Sequence[str] = ()) -> tuple[Actor, ...]:
    """Named actors of an article, most important first; `speakers` has one name per quote."""
    mentions = [e for e in doc.ents if _label(e) in KIND_OF_LABEL and not _in_boilerplate(doc.text, e)]
    clusters = _cluster(mentions)
    _add_speakers(clusters, speakers, doc.text)
    ranked = sorted(clusters, key=lambda c: -_salience(c, doc.text))
    return tuple(_to_actor(c, doc.text) for c in ranked if not _is_noise(c, doc.text))


def resolve_name(actors: Sequence[Actor], surface: str) -> str | None:
    """The canonical name of the actor `surface` ("Mr. Peskov", "the U.S.", "Kim") refers to, or None."""
    groups = [_group_of(a) for a in actors]
    home = home_of(clean_surface(surface), groups)
    return actors[groups.index(home)].name if home is not None else None


def _group_of(actor: Actor) -> NameGroup:
    label = {"person": "PERSON", "organization": "ORG"}.get(actor.kind, "GPE")
    forms = {clean_surface(f): 0 for f in actor.aliases}
    forms[actor.name] = actor.mentions
    return NameGroup(forms=forms, labels={label: 1})


def _label(ent: Span) -> str:
    """The entity label, with party members ("Democrats", tagged NORP) read as their party."""
    return "ORG" if ent.label_ == "NORP" and clean_surface(ent.text) in PARTIES else ent.label_


def _in_boilerplate(text: str, ent: Span) -> bool:
    dateline = DATELINE.match(text)
    if dateline and ent.end_char <= dateline.end():
        return True
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    line = text[start : end if end >= 0 else len(text)]
    return len(line) <= BOILERPLATE_MAX_LINE and BOILERPLATE.search(line) is not None


def _cluster(mentions: Iterable[Span]) -> list[_Cluster]:
    """Group mentions by normalized name, then fold aliases together (names.merge_groups)."""
    by_key: dict[tuple[str, ...], NameGroup] = {}
    surfaces: dict[str, Counter[str]] = {}
    for ent in mentions:
        name = _strip_numbers(clean_surface(ent.text))
        if not _plausible(name):
            continue
        key = group_key(name)
        group = by_key.setdefault(key, NameGroup(first=ent.start_char))
        group.forms[name] = group.forms.get(name, 0) + 1
        group.labels[_label(ent)] = group.labels.get(_label(ent), 0) + 1
        surfaces.setdefault(name, Counter())[ent.text.strip().splitlines()[0]] += 1
    clusters = []
    for group in merge_groups(by_key.values()):
        seen: Counter[str] = Counter()
        for form in group.forms:
            seen.update(surfaces.get(form, Counter()))
        clusters.append(_Cluster(group, seen))
    _annotate(clusters, mentions)
    return clusters


def _strip_numbers(name: str) -> str:
    """Drop scores and numbers glued to a name by the tagger ("Uchiyama 6-2")."""
    words = name.split()
    while words and any(ch.isdigit() for ch in words[-1]):
        words.pop()
    return " ".join(words)


def _plausible(name: str) -> bool:
    return any(ch.isalpha() for ch in name) and any(ch.isupper() for ch in name) and len(name) > 1


def _annotate(clusters: list[_Cluster], mentions: Iterable[Span]) -> None:
    """Roles, acting mentions and title use, read off each mention's parse."""
    owner = {form: c for c in clusters for form in c.surfaces}
    for ent in mentions:
        cluster = owner.get(ent.text.strip().splitlines()[0] if ent.text.strip() else "")
        if cluster is None:
            continue
        root = ent.root
        cluster.acting += root.dep_ in ACTING_DEPS
        cluster.modifier_only &= root.dep_ in MODIFIER_DEPS
        cluster.common_noun &= all(t.pos_ == "NOUN" for t in ent)
        cluster.titled |= bool(leading_title(ent.text)) or _title_before(ent)
        if cluster.role is None and cluster.group.person_like:
            cluster.role = _role(ent)


def _title_before(ent: Span) -> bool:
    return ent.start > 0 and _is_title(ent.doc[ent.start - 1].text)


def _is_title(word: str) -> bool:
    return word.casefold().rstrip(".") in TITLES


def _role(ent: Span) -> str | None:
    """A title before the name ("Kremlin spokesman") or an apposition after it (", an analyst with …")."""
    return _title_role(ent) or _apposition_role(ent)


def _title_role(ent: Span) -> str | None:
    root = ent.root
    starts = [c.left_edge.i for c in root.lefts if c.i < ent.start and c.dep_ in ROLE_DEPS]
    if not starts:
        return None
    span = ent.doc[min(starts) : ent.start]
    if "\n" in span.text or any(t.ent_type_ == "PERSON" for t in span):
        return None
    has_role_word = any(t.pos_ == "NOUN" or _is_title(t.text) for t in span)
    return span.text.strip() if has_role_word and span.text[:1].isalnum() else None


def _apposition_role(ent: Span) -> str | None:
    if ent.root.dep_ == "appos" and ent.root.head.i < ent.start:
        head = ent.root.head
        span = ent.doc[head.left_edge.i : head.i + 1]
        return span.text if len(span.text) <= ROLE_MAX_CHARS and "\n" not in span.text else None
    match = _APPOSITION.match(ent.doc.text[ent.end_char : ent.end_char + ROLE_MAX_CHARS + 10])
    return match.group(1).strip() if match else None


def _add_speakers(clusters: list[_Cluster], speakers: Sequence[str], text: str) -> None:
    """Count quotes per actor; a quoted name the tagger missed becomes an actor of its own."""
    for speaker in speakers:
        name = clean_surface(speaker)
        if not _plausible(name):
            continue
        home = home_of(name, [c.group for c in clusters])
        if home is None and name in text:
            label = "PERSON" if len(name.split()) > 1 and not ORG_WORDS & set(name_tokens(name)) else "ORG"
            group = NameGroup(forms={name: 1}, labels={label: 1}, first=text.find(name))
            clusters.append(_Cluster(group, Counter({name: 1}), modifier_only=False, common_noun=False))
            home = group
        for cluster in clusters:
            if cluster.group is home:
                cluster.quotes += 1


def _acronyms(cluster: _Cluster, text: str) -> set[str]:
    """Initials of an organization's name that the text also uses ("JPL" for Jet Propulsion Laboratory)."""
    if cluster.group.person_like or cluster.group.place_like:
        return set()
    found = set()
    for form in cluster.group.forms:
        letters = acronym(name_tokens(form)).upper()
        if len(letters) >= MIN_ACRONYM and re.search(rf"\b{letters}\b", text):
            found.add(letters)
    return found


def _mention_count(cluster: _Cluster, text: str) -> int:
    """Occurrences of any of the cluster's forms in the text (the tagger misses some)."""
    forms = {f for f in (*cluster.group.forms, *cluster.surfaces, *_acronyms(cluster, text)) if f}
    forms = sorted(forms, key=len, reverse=True)
    pattern = r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)"
    return max(len(re.findall(pattern, text)), cluster.group.size)


def _kind(cluster: _Cluster) -> ActorKind:
    if cluster.group.person_like:
        return "person"
    votes: Counter[str] = Counter()
    for label, n in cluster.group.labels.items():
        votes[KIND_OF_LABEL.get(label, "organization")] += n
    return votes.most_common(1)[0][0]


def _salience(cluster: _Cluster, text: str) -> float:
    group = cluster.group
    score = _mention_count(cluster, text) + ACTING_WEIGHT * cluster.acting + QUOTE_WEIGHT * cluster.quotes
    if group.first < LEAD_CHARS:
        score += LEAD_BONUS
    if cluster.quotes:
        score = max(score, SPEAKER_FLOOR + score / 10)
    if _kind(cluster) == "place":
        located = not cluster.acting or "GPE" not in group.labels  # LOC: regions, planets, seas
        score *= PASSIVE_PLACE_FACTOR if located else PLACE_FACTOR
    return score - group.first / max(len(text), 1)


def _is_noise(cluster: _Cluster, text: str) -> bool:
    """Misfires and passers-by: unquoted lone modifier words, common nouns, settings, one-off names."""
    if cluster.quotes or cluster.titled:
        return False
    group = cluster.group
    few = _mention_count(cluster, text) <= PLACE_MIN_MENTIONS
    if _kind(cluster) == "place" and (not cluster.acting or few):
        return True  # a setting: datelines, venues, "a village in New York"
    lone = len(group.keys) == 1 and len(group.longest) == 1
    if lone and cluster.modifier_only and group.person_like:
        return True  # "the Angara rocket": a product tagged PERSON
    if lone and cluster.common_noun:
        return True  # "Media reports said": a capitalised common noun
    passing = not cluster.acting and cluster.role is None
    return passing and _mention_count(cluster, text) <= PASSING_MENTIONS


def _to_actor(cluster: _Cluster, text: str) -> Actor:
    forms = cluster.group.forms
    name = max(forms, key=lambda f: (len(name_tokens(f)), forms[f], f[:1].isupper()))
    aliases = {f for f in (*forms, *cluster.surfaces, *_acronyms(cluster, text)) if f != name}
    return Actor(
        name=name, kind=_kind(cluster), role=cluster.role,
        aliases=tuple(sorted(aliases)), mentions=_mention_count(cluster, text),
    )
