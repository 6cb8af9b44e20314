"""Who acts in a story: named people, organizations and places,
clustered by alias and ranked by salience.

find_actors(doc, speakers)   entities → site furniture out (datelines, credits, link lists) → alias
                             clusters (names.py) → roles → noise out (sources, events, things) →
                             ranked; actors seen only at work (an employer, an issuer, a party to a
                             war, a place named once as a subject) follow the others
resolve_name(actors, "Kim")  a surface form → the canonical Actor.name it refers to
lead_actor(doc, actors)      the person the story is about:
                             the first named person acting in the lead
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...model import Actor, ActorKind
from ..lexicon import (
    CITING_VERBS,
    CONFLICT_WORDS,
    DEALINGS_WORDS,
    EVENT_WORDS,
    ISSUED_WORDS,
    MEDIA_WORDS,
    ORG_WORDS,
    PARTIES,
    PERSON_DESCRIPTIONS,
    PLACE_PREFIXES,
    SAYING_VERBS,
    SPOKES_WORDS,
    THING_WORDS,
    TITLES,
)
from ..nlp import entities, is_calendar_name, sentences, text_of
from .names import (
    NameGroup,
    acronym,
    clean_surface,
    group_key,
    home_of,
    leading_title,
    merge_groups,
    name_tokens,
)
from .occurrences import (
    first_longest,
    no_possessive_after,
    no_word_or_glue_after,
    no_word_or_glue_before,
    occurs,
)

# spaCy labels of things that are no actors: a name tagged so in some mentions is written as a
# thing's there ("the Touch Bar" as PRODUCT).
THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "LAW"})
# Labels the tagger gives now and then to a person's name ("Weeks" as DATE, a player as PRODUCT).
MISREAD_LABELS = frozenset({"DATE", "PRODUCT", "WORK_OF_ART"})
MIN_CAPITALS_WORD = 4  # "DOWNLOAD" is a label; "AOC" may be a person's initials
# spaCy labels kept, and the kind each stands for
# (NORP — "Russian", "Democrats" — names groups, not actors).
KIND_OF_LABEL: dict[str, ActorKind] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
}
# Lines of site furniture, not story: sharing prompts, newsletters, photo credits.
BOILERPLATE = re.compile(
    r"(?:\b(?:join (our|us)|follow us|follow\b[^.\n]{0,60}\bon (facebook|twitter|instagram|youtube)"
    r"|subscribe|newsletter|sign up|click here|share (this|on)|related posts"
    r"|latest news|become a patron|what's clicking|all rights reserved|getty images|ap photo"
    r"|photo (by|credit)|image credit|homepage|for more stories|letters? to the editor"
    r"|(photo|image|picture|credit)s?\s*:|copyright)|©)"
    # credit lines: who reported, wrote and edited the piece, not who acts in it
    r"|\bcontributed (reporting|to (this|the) (report|story|article))|\badditional reporting"
    r"|\b(reporting|writing|editing|edited|compiled) by\b",
    re.IGNORECASE,
)
# A byline, a line of its own: "By Jane Roe", "By Jane Roe and Tom Lee, WXYZ", "BY JANE ROE |
# Staff writer"; its names wrote the piece ("By most accounts, …" and "By Monday, it had
# passed." are prose).
_NAME_WORD = r"[A-Z][\w.'’-]*"
BYLINE = re.compile(
    rf"^[ \t]*(?:By|BY)[ \t]+{_NAME_WORD}(?:[ \t]+(?:{_NAME_WORD}|and|&|de|van|von))*"
    r"(?:[ \t]*[,|—–-][^\n]{0,60})?(?<![.!?\"”])[ \t]*$",
    re.MULTILINE,
)
LIST_ITEM = re.compile(r"^\s*[-•*]\s")  # "- Rams top Bears …": an item of a list of links
MIN_LINK_LIST = 3  # a page that ends in this many list items ends in links to other stories
PIPES = re.compile(
    r"\s\|\s"
)  # "Headline one | Headline two | …": a run of headlines, not a sentence
MIN_PIPES = 2
HEADING_MAX_CHARS = 120  # a short line with no closing punctuation is a heading or a link
# Datelines: where a report was filed, not who acts in it. At the start of a paragraph:
# "WASHINGTON (AP) —", "New York, NY –", "NEW YORK, Nov. 18, 2019 /PRNewswire/ --", or a line of
# its own in capitals, "BAAR, SWITZERLAND".
_PLACE = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,3}"
DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][A-Z.,' ]+(?:\([^)\n]{1,30}\))?(?:[ \t]+[—–-]|[—–])"
    rf"|{_PLACE},[ \t](?:[A-Z][A-Z.]{{1,5}}|[A-Z][a-z]{{2,4}}\.)[ \t]+[—–-][ \t]"
    r"|[A-Z][A-Z.' ]+,[ \t][^\n/]{3,30}/[A-Za-z ]{2,30}/[ \t]*--"
    r"|[A-Z][A-Z.' -]+,[ \t][A-Z][A-Z.' -]+[ \t]*$)",
    re.MULTILINE,
)
BOILERPLATE_MAX_LINE = (
    200  # furniture lines are short; a long paragraph that says "subscribe" is story
)
ROLE_DEPS = frozenset({"compound", "amod", "nmod"})  # pre-name modifiers that carry a title
ACTING_DEPS = frozenset(
    {"nsubj", "nsubjpass", "agent", "poss", "csubj"}
)  # a mention doing something
MODIFIER_DEPS = frozenset(
    {"compound", "amod", "nmod"}
)  # "Angara rocket": a name used as a modifier
PLACE_MIN_MENTIONS = 2  # a place named once or twice is where things happen, not who does them
PASSING_MENTIONS = 1  # named once, doing nothing, no role, not quoted: scenery, not an actor
MIN_ACRONYM = 2  # "UN", "EU"; a single letter is an initial
ROLE_MAX_CHARS = 120  # longer appositions are clauses, not roles
QUOTE_WEIGHT = 3.0  # one quote says as much about importance as three mentions
SPEAKER_FLOOR = (
    6.0  # the quoted outrank the merely mentioned: a key actor quoted once stays in the top 10
)
LEAD_CHARS = 400  # the headline and lead: actors named here are what the story is about
LEAD_BONUS = 3.0  # worth three mentions
LEAD_SENTENCES = 4  # the lead, where a report says whose action it reports
LEAD_ACTOR_POOL = (
    8  # the lead actor is one of the main actors, not a reporter named in a credit line
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ACTING_WEIGHT = 0.5  # each mention as subject/agent/possessor adds half a mention
PLACE_FACTOR = (
    0.7  # places are often settings; even acting ones rank below people mentioned as often
)
PASSIVE_PLACE_FACTOR = (
    0.15  # regions, seas, planets (LOC) and places that never act: settings, ranked last
)
# Weak acts: an actor shown at work without being the subject of the story's sentences. An actor
# known only by these is kept, but ranked after every other actor.
# - an employer of a named person: "Jane Roe, an analyst with ORG", "ORG spokesperson Jane Roe"
WORK_PREPS = frozenset({"with", "at", "of", "for"})
ISSUED_PREPS = frozenset({"by", "from", "of"})
PARTY_PREPS = frozenset(
    {"in", "with", "against", "to", "by", "on", "between", "over"}
)  # no "in" for dealings
_APPOSITION = re.compile(
    r"^,\s+((?:the|a|an|his|her|its|their)\s[^,;:.()\"“”]{3,%d}?)(?=[,;.]|$)" % ROLE_MAX_CHARS  # noqa: UP031
)


@dataclass
class _Cluster:
    """One actor while it is being assembled."""

    group: NameGroup
    surfaces: Counter[str]
    role: str | None = None
    loose_role: str | None = None  # from a bare apposition: the role when no mention gives `role`
    acting: int = 0
    modifier_only: bool = True
    quotes: int = 0
    titled: bool = False
    common_noun: bool = True
    acting_unquoted: int = (
        0  # acting outside quotation marks (a place addressed in a speech does not act)
    )
    subject: int = 0  # mentions as the subject of a verb other than "be", outside quotation marks
    cited_only: bool = (
        True  # every mention is a citation frame ("told X", "according to X", "X reported")
    )
    modifier_heads: set[str] | None = None  # nouns the name modifies ("officer" in "Army officer")
    thing: bool = (
        False  # described as a thing somewhere ("the moon Titan", "the Dragonfly mission")
    )
    mentions: int = 0
    weak_acts: int = (
        0  # mentions at work: employer, issuer, party to a war, place as a subject (see WORK_PREPS)
    )
    plural: bool = False  # written as a plural somewhere: "the Rovers", "Rovers have won"
    speaks: bool = False  # the subject of a verb of speech somewhere ("Roe said"): no thing
    tagged: int = 0  # mentions read, including those the tagger calls a product, work or law
    thing_labels: int = 0  # of them, those the tagger calls a product, a work or a law
    model: int = 0  # ... and those with a model number before them: see _model_evidence


def find_actors(doc: Doc, speakers: Sequence[str] = ()) -> tuple[Actor, ...]:
    """Named actors of an article, most important first; `speakers` has one name per quote."""
    furniture = _furniture(doc)
    mentions = [
        e
        for e in _people_beside_people(_joined_ents(doc, speakers))
        if _label(e) in KIND_OF_LABEL and not _inside(e.start_char, e.end_char, furniture)
    ]
    mentions = _people_tagged_as_places(_split_possessives(mentions, doc), speakers)
    clusters = _cluster(mentions, text_of(doc), _headings(text_of(doc)))
    _count_things_named_alike(clusters, doc, furniture)
    _add_speakers(clusters, speakers, doc)
    for cluster, n in zip(clusters, _mention_counts(clusters, text_of(doc), furniture)):
        cluster.mentions = n
        if cluster.quotes and not _speaks(cluster):
            cluster.quotes = 0  # "a career Army officer said": the quote is not the Army's
    text = text_of(doc)
    noise = [_is_noise(c, text) for c in clusters]
    strong = [c for c, n in zip(clusters, noise) if not n]
    weak = [c for c, n in zip(clusters, noise) if n and c.weak_acts and not _is_misfire(c, text)]
    ranked = sorted(strong, key=lambda c: -_salience(c, text)) + sorted(
        weak, key=lambda c: -_salience(c, text)
    )
    return tuple(_to_actor(c, text) for c in ranked)


def resolve_name(actors: Sequence[Actor], surface: str) -> str | None:
    """The canonical name of the actor `surface`
    ("Mr. Peskov", "the U.S.", "Kim") refers to, or None."""
    groups = [_group_of(a) for a in actors]
    home = home_of(clean_surface(surface), groups)
    return actors[groups.index(home)].name if home is not None else None


def lead_actor(doc: Doc, actors: Sequence[Actor]) -> str | None:
    """The first named person who is the subject of a verb in the lead,
    as one of the main `actors` names them.

    "Ambassador Gordon Sondland … is likely to be unpredictable": the report is about Sondland,
    though it names Trump as often. None when the lead's subjects are not people ("The agency said
    Monday …").
    """
    main = actors[:LEAD_ACTOR_POOL]  # any kind: spaCy files some people as organizations
    for n, sentence in enumerate(sentences(doc)):
        if n == LEAD_SENTENCES:
            break
        for token in sentence:
            if token.dep_ in SUBJECT_DEPS and token.ent_type_ == "PERSON":
                ent = next((e for e in entities(doc) if e.start <= token.i < e.end), None)
                name = resolve_name(main, ent.text) if ent is not None else None
                if name:
                    return name
    return None


def _group_of(actor: Actor) -> NameGroup:
    label = {"person": "PERSON", "organization": "ORG"}.get(actor.kind, "GPE")
    forms = {clean_surface(f): 0 for f in actor.aliases}
    forms[actor.name] = actor.mentions
    return NameGroup(forms=forms, labels={label: 1})


def _label(ent: Span) -> str:
    """The entity label, with party members ("Democrats", tagged NORP) read as their party."""
    return "ORG" if ent.label_ == "NORP" and clean_surface(ent.text) in PARTIES else ent.label_


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line."""
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _furniture(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges that are site furniture, not story: the dateline, sharing prompts and credit
    lines, a closing list of links to other stories, runs of headlines separated by pipes."""
    text = text_of(doc)
    ranges = [(m.start(), m.end()) for m in DATELINE.finditer(text)]
    ranges += [(m.start(), m.end()) for m in BYLINE.finditer(text)]
    lines = _lines(text)
    for start, end in lines:
        if end - start <= BOILERPLATE_MAX_LINE and BOILERPLATE.search(text, start, end):
            ranges.append((start, end))
    items = []
    for start, end in reversed(lines):
        if not text[start:end].strip():
            continue
        if not LIST_ITEM.match(text[start:end]):
            break
        items.append((start, end))
    if len(items) >= MIN_LINK_LIST:
        ranges.extend(items)
    ranges.extend(
        (sent.start_char, sent.end_char)
        for sent in sentences(doc)
        if len(PIPES.findall(sent.text)) >= MIN_PIPES
    )
    return ranges


def _inside(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def _headings(text: str) -> list[tuple[int, int]]:
    """Short lines without closing punctuation: headings and links,
    where a name is a label, not an act."""
    return [
        (s, e)
        for s, e in _lines(text)
        if 0 < e - s <= HEADING_MAX_CHARS and not re.search(r"[.!?:;\"”’')\]]\s*$", text[s:e])
    ]


def _joined_ents(doc: Doc, speakers: Sequence[str]) -> list[Span]:
    """Entities, with two organizations joined by "and" made one when the text names them as one
    ("Customs" + "Border Protection" where "Customs and Border Protection" is used elsewhere)."""
    known = {clean_surface(s) for s in speakers} | {clean_surface(e.text) for e in entities(doc)}
    ents, out, i = list(entities(doc)), [], 0
    while i < len(ents):
        first = ents[i]
        if i + 1 < len(ents):
            second = ents[i + 1]
            joined = doc[first.start : second.end]
            if (
                second.start == first.end + 1
                and doc[first.end].lower_ in ("and", "&")
                and first.label_ == second.label_ == "ORG"
                and clean_surface(joined.text) in known
            ):
                out.append(Span(doc, first.start, second.end, label="ORG"))
                i += 2
                continue
        out.append(first)
        i += 1
    return out


def _split_possessives(mentions: Sequence[Span], doc: Doc) -> list[Span]:
    """A name the tagger ran on past a possessive ("Acme’s Zephyr Pro", "WXYZ's Jane Roe") is two
    names when the text names one of them on its own: the possessor, kept with the label it has
    there, and the name after, kept with the label of the whole. A name always written with its
    possessive ("Dawson's Creek") stays whole, and a date after it ("Roe's July 25") is no name."""
    text = text_of(doc)
    labels = {e.text: _label(e) for e in entities(doc) if not _possessive_inside(e)}
    out: list[Span] = []
    for ent in mentions:
        k = _possessive_inside(ent)
        if not k:
            out.append(ent)
            continue
        owner, owned = doc[ent.start : k], doc[k + 1 : ent.end]
        owned_name = _strip_numbers(clean_surface(owned.text))
        alone = [
            part
            for part in (owner.text, owned_name)
            if occurs(text.replace(ent.text, ""), part, after=no_possessive_after)
        ]
        if not alone:
            out.append(ent)
            continue
        if owner.text in labels:
            out.append(Span(doc, owner.start, owner.end, label=labels[owner.text]))
        if owned_name[:1].isupper() and not is_calendar_name(owned_name):
            out.append(Span(doc, owned.start, owned.end, label=ent.label_))
    return out


def _possessive_inside(ent: Span) -> int:
    """The index of a possessive "’s" inside a name, not at its end, or 0."""
    return next((t.i for t in ent[1:-1] if t.text in ("'s", "’s")), 0)


def _people_beside_people(ents: Sequence[Span]) -> list[Span]:
    """A name the tagger calls a date, a product or a work but joins by "and" to a person ("Kevin
    Roe and Timothy Weeks", "Weeks" as DATE) is a person too, with the given names before it that
    the tagger left out; the other mentions of the name then join it by its surname."""
    people = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    out = []
    for ent in ents:
        root = ent.root
        partners = [root.head] if root.dep_ == "conj" else []
        partners += [c for c in root.children if c.dep_ == "conj"]
        if (
            ent.label_ in MISREAD_LABELS
            and all(t.is_title and t.is_alpha for t in ent)
            and not is_calendar_name(ent.text)
            and any(t.i in people for t in partners)
        ):
            start = ent.start
            while (
                start > 0
                and ent.doc[start - 1].head.i == root.i
                and ent.doc[start - 1].dep_ == "compound"
                and ent.doc[start - 1].pos_ == "PROPN"
                and not ent.doc[start - 1].ent_type_
            ):
                start -= 1
            ent = Span(ent.doc, start, ent.end, label="PERSON")
        out.append(ent)
    return out


def _people_tagged_as_places(mentions: Sequence[Span], speakers: Sequence[str]) -> list[Span]:
    """A two-word "place" whose last word is a person on its own elsewhere ("Ines Okafor", tagged
    GPE, when "Okafor" is tagged PERSON or quoted) is that person."""
    surnames = {clean_surface(s) for s in speakers} | {
        e.text for e in mentions if e.label_ == "PERSON" and len(e) == 1
    }
    out = []
    for ent in mentions:
        if (
            _label(ent) in ("GPE", "LOC")
            and len(ent) == 2
            and all(t.is_alpha and t.is_title for t in ent)
            and ent[0].lower_ not in PLACE_PREFIXES
            and ent[1].text in surnames
        ):
            ent = Span(ent.doc, ent.start, ent.end, label="PERSON")
        out.append(ent)
    return out


def _company_possessives(mentions: Iterable[Span], text: str) -> set[str]:
    """Names whose "’s" is part of the name ("Lowe’s reports earnings"): one word, never written
    without it, and used at least once as something other than a possessor. ("the Democratic
    Party’s nominee" is the party's.)"""
    deps: dict[str, set[str]] = defaultdict(set)
    for ent in mentions:
        if re.fullmatch(r"\w+['’]s", ent.text.strip()):
            deps[clean_surface(ent.text)].add(ent.root.dep_)
    return {
        name
        for name, found in deps.items()
        if name and found - {"poss"} and not occurs(text, name, after=no_possessive_after)
    }


def _cluster(
    mentions: Sequence[Span], text: str = "", headings: Sequence[tuple[int, int]] = ()
) -> list[_Cluster]:
    """Group mentions by normalized name, then fold aliases together (names.merge_groups)."""
    by_key: dict[tuple[str, ...], NameGroup] = {}
    surfaces: dict[str, Counter[str]] = {}
    companies = _company_possessives(mentions, text)
    for ent in mentions:
        name = _strip_numbers(clean_surface(ent.text))
        if not _plausible(name):
            continue
        label = "PERSON" if _label(ent) in ("GPE", "LOC") and _followed_by_who(ent) else _label(ent)
        if name in companies and re.search(r"['’]s$", ent.text.strip()):
            name, label = name + ent.text.strip()[-2:], "ORG"
        key = group_key(name)
        group = by_key.setdefault(key, NameGroup(first=ent.start_char))
        group.forms[name] = group.forms.get(name, 0) + 1
        group.labels[label] = group.labels.get(label, 0) + 1
        surfaces.setdefault(name, Counter())[ent.text.strip().splitlines()[0]] += 1
    clusters = []
    for group in merge_groups(by_key.values()):
        seen: Counter[str] = Counter()
        for form in group.forms:
            seen.update(surfaces.get(form, Counter()))
        clusters.append(_Cluster(group, seen))
    _annotate(clusters, mentions, headings)
    return clusters


def _followed_by_who(ent: Span) -> bool:
    """ "Tommy, who goes by his first name": a relative "who" makes a tagged place a person."""
    for token in ent.doc[ent.end : ent.end + 3]:
        if not token.is_punct:
            return token.lower_ in ("who", "whose", "whom")
    return False


def _strip_numbers(name: str) -> str:
    """Drop scores and numbers glued to a name by the tagger ("Uchiyama 6-2")."""
    words = name.split()
    while words and any(ch.isdigit() for ch in words[-1]):
        words.pop()
    return " ".join(words)


def _strip_version(name: str) -> str:
    """ "Zephyr 3" → "Zephyr", "Zephyr X20" → "Zephyr"; "Zephyr 16-inch" stays."""
    words = name.split()
    if len(words) > 1 and words[-1].isalnum() and any(ch.isdigit() for ch in words[-1]):
        words.pop()
    return " ".join(words)


def _plausible(name: str) -> bool:
    """Letters, a capital, and no bytes of a character decoded wrongly ("Iâ\x80\x99d")."""
    if re.search("[\x80-\x9f]", name):
        return False
    return any(ch.isalpha() for ch in name) and any(ch.isupper() for ch in name) and len(name) > 1


def _annotate(
    clusters: list[_Cluster], mentions: Iterable[Span], headings: Sequence[tuple[int, int]] = ()
) -> None:
    """Roles, acting mentions and title use, read off each mention's parse."""
    owner = {form: c for c in clusters for form in c.surfaces}
    for ent in mentions:
        cluster = owner.get(ent.text.strip().splitlines()[0] if ent.text.strip() else "")
        if cluster is None:
            continue
        root = _first_conjunct(ent.root) if cluster.group.person_like else ent.root
        copula = (
            root.dep_.startswith("nsubj") and root.head.lemma_ == "be"
        )  # "Titan is a moon" is no act
        in_heading = _inside(ent.start_char, ent.end_char, headings)
        acts = not copula and not in_heading
        quoted = _in_quotation(ent)
        cluster.acting += acts and root.dep_ in ACTING_DEPS
        cluster.acting_unquoted += acts and not quoted and root.dep_ in ACTING_DEPS
        cluster.subject += acts and not quoted and root.dep_ in ("nsubj", "agent")
        cluster.weak_acts += not in_heading and _at_work(ent, cluster.group, quoted)
        cluster.cited_only &= _cited(ent)
        cluster.modifier_only &= root.dep_ in MODIFIER_DEPS
        if root.dep_ in MODIFIER_DEPS:
            cluster.modifier_heads = (cluster.modifier_heads or set()) | {root.head.lower_}
        cluster.thing |= _described_as_thing(ent)
        cluster.tagged += 1
        cluster.model += _model_evidence(ent)
        cluster.speaks |= not quoted and _speaks_as_subject(ent)
        cluster.common_noun &= all(t.pos_ == "NOUN" for t in ent)
        cluster.titled |= bool(leading_title(ent.text)) or _title_before(ent)
        cluster.plural |= _written_plural(ent)
        if cluster.role is None and cluster.group.person_like:
            cluster.role = _role(ent)
            cluster.loose_role = cluster.loose_role or _bare_apposition_role(ent)


def _count_things_named_alike(
    clusters: Sequence[_Cluster], doc: Doc, furniture: Sequence[tuple[int, int]]
) -> None:
    """Mentions of an actor's name that the tagger calls a product, a work or a law ("the Touch
    Bar" as PRODUCT here, ORG there) count among its mentions, as written like a product's."""
    things: Counter[tuple[str, ...]] = Counter(
        group_key(_strip_version(clean_surface(e.text)))
        for e in entities(doc)
        if e.label_ in THING_LABELS and not _inside(e.start_char, e.end_char, furniture)
    )
    for cluster in clusters:
        n = sum(things[key] for key in cluster.group.keys)
        cluster.tagged += n
        cluster.thing_labels += n


def _model_evidence(ent: Span) -> bool:
    """A model number or a measure right before the name ("the 16-inch Zephyr", "the X9
    Zephyr"): a product's, when the name is no person's (a person's are an age or an election,
    "the 2020 hopeful Jane Roe"). A year is no evidence: it dates a model, but also an election
    or a season ("the 2020 Democrats", "the 1985 Rovers")."""
    doc, root = ent.doc, ent.root
    return any(
        child.right_edge.i == ent.start - 1  # right before the name: not "6-3 and Jane Roe"
        and child.dep_ in MODIFIER_DEPS | {"nummod"}
        and _has_number(doc[child.left_edge.i : child.i + 1])
        for child in root.children
    )


RANKS_AND_AGES = frozenset({"no", "no.", "#", "number", "year", "years", "old"})
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)


def _is_year(token: Token) -> bool:
    return token.text.isdigit() and len(token.text) == 4 and 1800 <= int(token.text) <= 2100


def _speaks_as_subject(ent: Span) -> bool:
    root = ent.root
    return root.dep_ == "nsubj" and root.head.lemma_ in SAYING_VERBS


def _has_number(span: Span) -> bool:
    """A modifier with a number in it, but not a rank ("No. 2 Acme", "#3 Acme", "12th-ranked")
    nor an age ("the 150-year-old Acme")."""
    if any(t.lower_ in RANKS_AND_AGES or ORDINAL.fullmatch(t.text) or _is_year(t) for t in span):
        return False
    return any(ch.isdigit() for ch in span.text)


def _first_conjunct(token: Token) -> Token:
    """The first of several names joined by "and" ("Kevin Roe and Tim Weeks were freed"): its
    place in the sentence is theirs, so a person named second acts as the first does."""
    while token.dep_ == "conj" and token.head.i != token.i and token.head.pos_ == "PROPN":
        token = token.head
    return token


def _at_work(ent: Span, group: NameGroup, quoted: bool) -> bool:
    """A weak act (see WORK_PREPS): an organization employing a named person or issuing a decision
    or report (also inside quotation marks), a country at war or in dealings with others, or one
    doing something."""
    if group.person_like:
        return False
    if not group.place_like:
        return _employs_named_person(ent) or _issues(ent)
    if ent.label_ != "GPE" or quoted:
        return False
    return _party_to(ent) or _subject_of_verb(ent)


def _employs_named_person(ent: Span) -> bool:
    """ "ORG spokesperson Jane Roe", "Jane Roe, an analyst with ORG", "a professor at ORG": the noun
    says what a named person does for the organization (a capitalised title, "Energy Secretary", is
    a name part)."""
    root, head = ent.root, ent.root.head
    if root.dep_ in ("compound", "nmod"):
        return (
            head.pos_ in ("NOUN", "PROPN") and not head.text.istitle() and _describes_person(head)
        )
    if root.dep_ == "pobj" and head.lower_ in WORK_PREPS:
        return head.head.pos_ == "NOUN" and _describes_person(head.head)
    return False


def _describes_person(noun: Token) -> bool:
    """A noun naming what a named person is: "Moon, an analyst", "analyst Jane Roe",
    "the chief, Jane Roe"."""
    if noun.ent_type_ == "PERSON":
        return False
    if noun.dep_ in ("appos", "compound", "nmod") and noun.head.ent_type_ == "PERSON":
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children)


def _issues(ent: Span) -> bool:
    """ "a U.N. Security Council resolution", "a new ABC News poll", "a study by ORG",
    "guidance from ORG"."""
    root, head = ent.root, ent.root.head
    if root.dep_ in ("compound", "nmod", "poss"):
        return head.pos_ == "NOUN" and head.lemma_.lower() in ISSUED_WORDS
    if root.dep_ == "pobj" and head.lower_ in ISSUED_PREPS:
        return head.head.pos_ == "NOUN" and head.head.lemma_.lower() in ISSUED_WORDS
    return False


def _party_to(ent: Span) -> bool:
    """ "the war in Ukraine", "the occupation by Russia", "aid to Ukraine",
    "talks with China": a party."""
    root, head = ent.root, ent.root.head
    if root.dep_ != "pobj" or head.lower_ not in PARTY_PREPS or head.head.pos_ != "NOUN":
        return False
    word = head.head.lemma_.lower()
    return word in CONFLICT_WORDS or (word in DEALINGS_WORDS and head.lower_ != "in")


def _subject_of_verb(ent: Span) -> bool:
    """The subject of a verb other than "be", also as one of several
    ("The USSR and China supported")."""
    token = ent.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    verb = token.head
    return token.dep_ == "nsubj" and verb.pos_ == "VERB" and verb.lemma_ != "be"


def _described_as_thing(ent: Span) -> bool:
    """ "Saturn's moon Titan", "Titan, a moon":
    a descriptor noun next to the name that makes it a thing."""
    root = ent.root
    near = [c for c in root.children if not (ent.start <= c.i < ent.end)]
    if root.dep_ == "appos" or any(c.dep_ == "appos" for c in near):
        near.append(root.head)
    return any(t.lemma_.lower() in THING_WORDS and t.pos_ == "NOUN" for t in near)


def _cited(ent: Span) -> bool:
    """A source citation: "told CNN", "a statement to Reuters", "according to X", "X reported"."""
    root, head = ent.root, ent.root.head
    if root.dep_ in ("dobj", "nsubj", "dative") and head.lemma_ in CITING_VERBS:
        return True
    if root.dep_ == "pobj" and head.lower_ == "to":
        return True
    if root.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_ == "report":
        report = (
            head.head
        )  # "as reported by X" cites; "A report by X said" is X's own report speaking
        return not (report.pos_ == "NOUN" and report.dep_ == "nsubj")
    return root.dep_ in ("poss", "nmod") and head.lemma_ == "request"


def _in_quotation(ent: Span) -> bool:
    """Inside quotation marks: an odd number of " or more “ than ” before it in its paragraph."""
    text = text_of(ent.doc)
    before = text[text.rfind("\n", 0, ent.start_char) + 1 : ent.start_char]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _title_before(ent: Span) -> bool:
    return ent.start > 0 and _is_title(ent.doc[ent.start - 1].text)


def _is_title(word: str) -> bool:
    return word.casefold().rstrip(".") in TITLES


def _role(ent: Span) -> str | None:
    """A title before the name ("Kremlin spokesman") or an apposition after it
    (", an analyst with …")."""
    return _title_role(ent) or _apposition_role(ent)


def _title_role(ent: Span) -> str | None:
    root = ent.root
    starts = [c.left_edge.i for c in root.lefts if c.i < ent.start and c.dep_ in ROLE_DEPS]
    if not starts:
        return None
    span = ent.doc[min(starts) : ent.start]
    if "\n" in span.text or any(t.ent_type_ == "PERSON" for t in span):
        return None
    return span.text.strip() if _has_role_word(span) and span.text[:1].isalnum() else None


def _apposition_role(ent: Span) -> str | None:
    """ "the chief, Jane Roe" or "Jane Roe, an analyst with …"; not a list of names ("Bob Marley,
    Bruno Mars") nor a one-letter label ("A: Jane Roe")."""
    if ent.root.dep_ == "appos" and ent.root.head.i < ent.start:
        head = ent.root.head
        span = ent.doc[head.left_edge.i : head.i + 1]
        if (
            _has_role_word(span)
            and head.ent_type_ != "PERSON"  # "Kell’s daughter" is a role; "Bob Marley" is not
            and len(span.text) <= ROLE_MAX_CHARS
            and "\n" not in span.text
        ):
            return span.text
    match = _APPOSITION.match(text_of(ent.doc)[ent.end_char : ent.end_char + ROLE_MAX_CHARS + 10])
    return match.group(1).strip() if match else None


def _has_role_word(span: Span) -> bool:
    """A noun of two letters or more, or a title: what a role is made of."""
    return any((t.pos_ == "NOUN" and len(t.text) > 1) or _is_title(t.text) for t in span)


def _bare_apposition_role(ent: Span) -> str | None:
    """ "Ines Okafor, chair of the cooperative, said": a common noun phrase set off by a comma,
    without the article `_apposition_role` looks for. Used only when no mention has a title or that
    kind of role."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    appos = next(
        (c for c in ent.root.rights if c.dep_ == "appos" and c.pos_ == "NOUN" and c.is_lower), None
    )
    if appos is None or appos.left_edge.i != ent.end + 1:
        return None
    span = doc[appos.left_edge.i : appos.right_edge.i + 1]
    if span[0].like_num or span[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT"):
        return None  # "1 assist" is a statistic; "… Operations at" was cut short
    return span.text if len(span.text) <= ROLE_MAX_CHARS and "\n" not in span.text else None


def _add_speakers(clusters: list[_Cluster], speakers: Sequence[str], doc: Doc) -> None:
    """Count quotes per actor; a quoted name the tagger missed becomes an actor of its own.

    A name the tagger reads as a group of people ("Americans", NORP) is no actor even when quoted.
    """
    text = text_of(doc)
    groups_of_people = {
        clean_surface(e.text) for e in entities(doc) if e.label_ == "NORP"
    } - PARTIES
    for speaker in speakers:
        name = clean_surface(speaker)
        if not _plausible(name):
            continue
        home = home_of(name, [c.group for c in clusters]) or _person_at_the_end(name, clusters)
        if home is None and name in text and name not in groups_of_people:
            label = (
                "PERSON"
                if len(name.split()) > 1 and not ORG_WORDS & set(name_tokens(name))
                else "ORG"
            )
            group = NameGroup(forms={name: 1}, labels={label: 1}, first=text.find(name))
            clusters.append(
                _Cluster(
                    group,
                    Counter({name: 1}),
                    modifier_only=False,
                    common_noun=False,
                    cited_only=False,
                )
            )
            home = group
        elif home is not None and home.person_like and " " not in name:
            home.forms.setdefault(
                name, 0
            )  # "Okafor said": the surname is a form of the name, and counted
        for cluster in clusters:
            if cluster.group is home:
                cluster.quotes += 1


def _person_at_the_end(name: str, clusters: Sequence[_Cluster]) -> NameGroup | None:
    """The person whose full name ends a longer quoted name, the rest a title cut in two ("State
    Jane Roe" from "Secretary of State Jane Roe"): the quote is theirs."""
    key = group_key(name)
    for cluster in clusters:
        group = cluster.group
        if group.person_like and any(
            1 < len(k) < len(key) and key[-len(k) :] == k for k in group.keys
        ):
            return group
    return None


def _acronyms(cluster: _Cluster, text: str) -> set[str]:
    """Initials of an organization's name that the text also uses
    ("JPL" for Jet Propulsion Laboratory)."""
    if cluster.group.person_like or cluster.group.place_like:
        return set()
    found = set()
    for form in cluster.group.forms:
        letters = acronym(name_tokens(form)).upper()
        if len(letters) >= MIN_ACRONYM and occurs(text, letters):
            found.add(letters)
    return found


def _speaks(cluster: _Cluster) -> bool:
    """Quotes count for an actor named only as a modifier when the head is its voice
    ("Kremlin spokesman")."""
    if not cluster.modifier_only or not cluster.modifier_heads:
        return True
    return bool(cluster.modifier_heads & SPOKES_WORDS)


def _mention_counts(
    clusters: Sequence[_Cluster], text: str, furniture: Sequence[tuple[int, int]]
) -> list[int]:
    """Occurrences of any of each cluster's forms in the text (the tagger misses some), outside
    furniture and not inside a longer name of another actor ("Virginia" in "Virginia Democrats")."""
    found: list[tuple[int, int, int]] = []
    for i, cluster in enumerate(clusters):
        forms = (*cluster.group.forms, *cluster.surfaces, *_acronyms(cluster, text))
        found.extend(
            (start, end, i)
            for start, end in first_longest(text, forms)
            if not _inside(start, end, furniture)
        )
    found.sort()
    starts = [start for start, _, _ in found]
    widest = max((end - start for start, end, _ in found), default=0)
    counts = [0] * len(clusters)
    for start, end, i in found:
        near = found[bisect_left(starts, start - widest) : bisect_right(starts, start)]
        if not any(end <= e and e - s > end - start and j != i for s, e, j in near):
            counts[i] += 1
    return [max(n, c.group.size) for n, c in zip(counts, clusters)]


def _mention_count(cluster: _Cluster, text: str) -> int:
    return cluster.mentions or cluster.group.size


def _kind(cluster: _Cluster) -> ActorKind:
    if cluster.group.person_like:
        return "organization" if _team_tagged_as_person(cluster) else "person"
    votes: Counter[str] = Counter()
    for label, n in cluster.group.labels.items():
        votes[KIND_OF_LABEL.get(label, "organization")] += n
    return votes.most_common(1)[0][0]


def _team_tagged_as_person(cluster: _Cluster) -> bool:
    """One word written as a plural ("the Rovers", "Rovers have won", "Rovers' fans"), with no
    title nor role: a team or a company, not a person."""
    group = cluster.group
    return (
        cluster.plural
        and len(group.keys) == 1
        and len(group.longest) == 1
        and not cluster.titled
        and not _has_role(cluster)
    )


def _has_role(cluster: _Cluster) -> bool:
    return cluster.role is not None or cluster.loose_role is not None


def _written_plural(ent: Span) -> bool:
    """A one-word name written as a plural: "the Rovers", "Rovers have", "Rovers' fans"."""
    words = [t for t in ent if t.lower_ != "the"]
    if len(words) != 1 or not re.fullmatch(r"[A-Z][a-z]+[^s]s", words[0].text):
        return False
    word, doc = words[0], ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    return (
        word.tag_ == "NNPS"
        or any(t.lower_ == "the" for t in ent)
        or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
        or (after is not None and after.text in ("'", "’"))
        or (word.dep_ == "nsubj" and word.head.tag_ == "VBP")
    )


def _salience(cluster: _Cluster, text: str) -> float:
    group = cluster.group
    score = (
        _mention_count(cluster, text)
        + ACTING_WEIGHT * cluster.acting
        + QUOTE_WEIGHT * cluster.quotes
    )
    if group.first < LEAD_CHARS:
        score += LEAD_BONUS
    if cluster.quotes:
        score = max(score, SPEAKER_FLOOR + score / 10)
    if _kind(cluster) == "place":
        located = not cluster.acting or "GPE" not in group.labels  # LOC: regions, planets, seas
        score *= PASSIVE_PLACE_FACTOR if located else PLACE_FACTOR
    return score - group.first / max(len(text), 1)


def _is_noise(cluster: _Cluster, text: str) -> bool:
    """Misfires and passers-by: unquoted lone modifier words, common nouns, settings, one-off names,
    outlets only cited as sources, events."""
    return _is_misfire(cluster, text) or _is_passing(cluster, text)


def _is_misfire(cluster: _Cluster, text: str) -> bool:
    """No actor at all, whatever it does: a source only cited, an event, a thing, a product,
    a common noun."""
    group = cluster.group
    if cluster.cited_only and _is_media(cluster):
        # "told NBC News", "according to Reuters": a source; what it was told is not its quote
        return True
    if not group.person_like and not group.place_like and group.longest[-1] in EVENT_WORDS:
        return (
            True  # "the Davis Cup Finals", "the Music Awards": where things happen (and who speaks)
        )
    if cluster.quotes or (cluster.titled and group.person_like):
        return False
    if _inert_acronym(cluster):
        return True
    if _lone_word_misread_as_person(cluster, text):
        return True  # "Honey" at the start of a sentence about honey, "DOWNLOAD" on a button
    if _written_as_product(cluster):
        return True  # "the 16-inch Zephyr": a product, whatever it does
    heads = cluster.modifier_heads or set()
    thing_modifier = cluster.modifier_only and bool(heads) and heads <= THING_WORDS
    if not group.person_like and (cluster.thing or thing_modifier):
        return True  # "Saturn's moon Titan", "the Dragonfly mission": things, not actors
    lone = len(group.keys) == 1 and len(group.longest) == 1
    if lone and cluster.modifier_only and group.person_like:
        return True  # "the Angara rocket": a product tagged PERSON
    return lone and cluster.common_noun  # "Media reports said": a capitalised common noun


def _lone_word_misread_as_person(cluster: _Cluster, text: str) -> bool:
    """One word tagged as a person, with no title, role or words of its own, that the text also
    writes in lower case (a common word at the start of a sentence or in a heading), or only ever
    in capitals (a label or a button: people are written in capitals with their full name)."""
    group = cluster.group
    if not group.person_like or len(group.keys) != 1 or len(group.longest) != 1:
        return False
    if cluster.speaks or _has_role(cluster) or _team_tagged_as_person(cluster):
        return False
    word = group.longest[0]
    if occurs(text, word, no_word_or_glue_before, no_word_or_glue_after):  # the word in lower case
        return True
    return all(form.isupper() and len(form) >= MIN_CAPITALS_WORD for form in group.forms)


def _written_as_product(cluster: _Cluster) -> bool:
    """A name that is no person's, written with a model size or number before it (see
    _model_evidence) in some mentions: those and the mentions the tagger calls a product, a work
    or a law (votes that never decide alone) are half the mentions read or more, and no mention
    gives a role or has the name say something."""
    return (
        not cluster.group.person_like
        and cluster.model > 0
        and 2 * (cluster.model + cluster.thing_labels) >= cluster.tagged
        and not cluster.speaks
        and not _has_role(cluster)
    )


def _inert_acronym(cluster: _Cluster) -> bool:
    """An acronym that does nothing in the story ("AI technologies", "a USB port", "8 GW"): never a
    subject, agent or possessor, never quoted, employing or issuing no one, and not the head of a
    role ("BART chief"). A term of the trade, not an organization."""
    group = cluster.group
    if group.person_like or group.place_like or len(group.keys) != 1:
        return False
    if any(" " in form for form in group.forms):  # one word, hyphenated or not ("USB-C")
        return False
    if not all(form.isupper() for form in group.forms):
        return False
    heads = cluster.modifier_heads or set()
    works = bool(heads & (TITLES | PERSON_DESCRIPTIONS | SPOKES_WORDS))
    return not (cluster.acting or cluster.quotes or cluster.weak_acts or works)


def _is_passing(cluster: _Cluster, text: str) -> bool:
    """A setting or a passer-by: a place that does not act, a name used once doing nothing."""
    group = cluster.group
    if cluster.quotes or (cluster.titled and group.person_like):
        return False
    few = _mention_count(cluster, text) <= PLACE_MIN_MENTIONS
    if _kind(cluster) == "place" and (
        not cluster.acting_unquoted
        or (few and not cluster.subject)
        or _mention_count(cluster, text) < 2
    ):
        # a setting: datelines, venues, "a village in New York"; but "Russia beat Croatia" acts
        return True
    passing = not cluster.acting and cluster.role is None
    return passing and _mention_count(cluster, text) <= PASSING_MENTIONS


def _is_media(cluster: _Cluster) -> bool:
    return any(MEDIA_WORDS & set(key) for key in cluster.group.keys)


def _to_actor(cluster: _Cluster, text: str) -> Actor:
    forms = cluster.group.forms
    name = max(forms, key=lambda f: (len(name_tokens(f)), forms[f], f[:1].isupper()))
    aliases = {f for f in (*forms, *cluster.surfaces, *_acronyms(cluster, text)) if f != name}
    return Actor(
        name=name,
        kind=_kind(cluster),
        role=cluster.role or cluster.loose_role,
        aliases=tuple(sorted(aliases)),
        mentions=_mention_count(cluster, text),
    )
