"""Plain values passed between the stages: RawPage → Article → Briefing.

Every stage takes one of these and returns the next; nothing here touches the disk or network.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ActorKind = str  # "person" | "organization" | "place"


@dataclass(frozen=True, slots=True)
class RawPage:
    """A page as ingested: bytes from a file or a URL, before extraction."""

    source: str  # as the user gave it: a path or a URL
    content: bytes
    url: str | None = None  # where it lives on the web, when known
    kind: str = "html"  # "html" or "text"


@dataclass(frozen=True, slots=True)
class Article:
    """Clean article text and its metadata (trafilatura's output)."""

    source: str
    title: str
    text: str
    url: str | None = None
    published: dt.date | None = None
    author: str | None = None
    site: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organization or place that acts in a story."""

    name: str  # the fullest form used in the text
    kind: ActorKind
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class Quote:
    """Words in quotation marks; `text` equals the article text between `start` and `end`."""

    text: str
    speaker: str | None
    start: int
    end: int
    sources: tuple[int, ...] = (0,)  # indices into Briefing.articles where it appeared
    # how the speaker was found ("cue:name", "continues", …); None: no speaker
    evidence: str | None = None
    context: str | None = None  # for a fragment of a few words: the sentence that carries it
    joined: str | None = (
        None  # an interrupted quote and the part that goes on, with the words between
    )


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A temporal expression resolved to an ISO-style value (2023-09-13, 2023-09, 2023, 195X,
    1950/1953)."""

    expression: str
    value: str
    start: int
    end: int
    event: str  # the sentence the expression sits in
    sources: tuple[int, ...] = (0,)  # indices into Briefing.articles


@dataclass(frozen=True, slots=True)
class Coverage:
    """How one source of a story of several outlets covered it: its own lead, and the facts and
    quotes no other source carries (each verbatim from this source)."""

    source: int  # index into Briefing.articles
    lead: str | None  # its first summary sentence
    facts: tuple[str, ...] = ()  # its sentences with no near-equivalent in the other sources
    quotes: tuple[Quote, ...] = ()  # quotes only it carries


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything one briefing page shows about one story."""

    id: str
    title: str
    published: dt.date | None
    articles: tuple[Article, ...]
    summary: tuple[str, ...]
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    timeline: tuple[TimeRef, ...]
    tags: tuple[str, ...] = ()
    why: str | None = None  # for a story of several articles: why they were grouped
    lead_actor: str | None = (
        None  # the person the lead is about (an Actor.name); grouping compares it
    )
    # One article's: its sentences that give a fact (a number or a name) beyond the summary,
    # verbatim, most central first; and every sentence's evidence (analysis/evidence.py), hashed.
    # A story of several outlets compares them to find what only one outlet carries.
    facts: tuple[str, ...] = ()
    sentence_keys: tuple[str, ...] = ()
    coverage: tuple[Coverage, ...] = ()  # a story of several outlets: how each covered it
