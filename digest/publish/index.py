"""Publishing, phase 1: the index of the published stories and the map of actor pages, made before
any page is written, so that every page can then be written once, with its links.

The names stories give one person are one actor across the site (`stories/people.py`: "Schiff"
and "Adam Schiff", "President Trump" and "Donald Trump"). An actor has a page when quoted, or
named in at least MIN_STORIES stories; every name of the actor links to that page, and the
addresses the other names would have send readers on to it (`redirects`). The same identities
decide which stories are related (`related.py`), so "Schiff" in one story meets "Adam Schiff" in
another.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DigestError
from ..files import write_atomic
from ..stories.address import slugify
from ..stories.people import Named, identities
from .frontmatter import FrontMatterError, QuoteEntry, StoryEntry, front_matter, page_entry
from .related import related_stories

ACTORS_DIR = "actors"
MIN_STORIES = 2  # an actor who is never quoted gets a page from this many stories on
SLUG_WORDS = 12  # words of a name kept in its slug
RESERVED = {"index"}  # slugs our own pages use inside actors/ and tags/
TAGS_DIR = "tags"
MIN_TAGGED = 2  # a tag gets its listing page from this many stories on (one story: no link)
TAG_LINK = "#tag "  # key prefix of a tag's page in a story's links (no actor name starts with it)


@dataclass
class ActorRecord:
    """Everything the stories' front matter says about one actor."""

    name: str
    aliases: set[str] = field(default_factory=set)  # the other names stories give the actor
    kinds: set[str] = field(default_factory=set)
    roles: dict[str, StoryEntry] = field(default_factory=dict)  # role → first story that gives it
    stories: list[StoryEntry] = field(default_factory=list)
    quotes: list[tuple[QuoteEntry, StoryEntry]] = field(default_factory=list)

    @property
    def has_page(self) -> bool:
        return bool(self.quotes) or len(self.stories) >= MIN_STORIES


@dataclass(frozen=True)
class SiteIndex:
    """The published stories (newest first, undated last), their actors, and the actors' pages."""

    stories: list[StoryEntry]
    actors: dict[str, ActorRecord]
    actor_pages: dict[str, str]  # every name of an actor with a page → actors/<slug>.md
    related: dict[str, tuple[StoryEntry, ...]] = field(default_factory=dict)  # related.py
    tag_pages: dict[str, str] = field(default_factory=dict)  # a tag with a listing → tags/<slug>.md

    @property
    def page_links(self) -> dict[str, str]:
        """Every page a story page may link to by name: actors' and tags' (TAG_LINK + tag)."""
        return {**self.actor_pages, **{TAG_LINK + t: p for t, p in self.tag_pages.items()}}

    def related_of(self, path: str) -> tuple[StoryEntry, ...]:
        """The stories the page at `path` lists under "The story so far", in date order."""
        return self.related.get(path, ())

    def links_of(self, story: StoryEntry) -> dict[str, str]:
        """The pages a story's page links to: its own actors' and its tags' (linear in the
        site)."""
        return links_in(story, self.page_links)


def links_in(story: StoryEntry, pages: Mapping[str, str]) -> dict[str, str]:
    """The entries of a page map (`SiteIndex.page_links`) that a story's page uses."""
    names = [*story.named, *(TAG_LINK + tag for tag in story.tags)]
    return {name: pages[name] for name in names if name in pages}


def read_stories(
    content_dir: Path,
    stories_dir: str,
    skip: Iterable[str] = (),
    on_error: Callable[[DigestError], None] | None = None,
) -> list[StoryEntry]:
    """The story pages in `stories_dir` (but those in `skip`), from their front matter; a page that
    cannot be read is reported to `on_error` (raised without it) and left out.

    Parsing YAML costs ~2.5 ms a page (25 s at 10,000 stories, on every run), so the front matter
    of each page read is kept in INDEX_CACHE (content/.digest/, never committed) with the page's
    size, time and hash, and read from there while the page is unchanged: the same entries,
    checked by the same code. A page whose size and time are those recorded is not read again."""
    skipped = set(skip)
    cache_file = content_dir / INDEX_CACHE
    cached = _load_cache(cache_file)
    kept: dict[str, list[Any]] = {}
    entries = []
    for path in sorted((content_dir / stories_dir).glob("*.md")):
        rel = path.relative_to(content_dir).as_posix()
        if rel in skipped:
            if rel in cached:
                kept[rel] = cached[rel]
            continue
        try:
            info = path.stat()
            hit = cached.get(rel)
            if hit is not None and hit[2:] == [info.st_size, info.st_mtime_ns]:
                record = hit
            else:
                data = path.read_bytes()
                key = hashlib.sha1(data).hexdigest()
                if hit is not None and hit[0] == key:
                    meta = hit[1]
                else:
                    meta = _jsonable(front_matter(_text(data, path), path))
                record = [key, meta, info.st_size, info.st_mtime_ns]
            entry = page_entry(record[1], path, content_dir)
        except OSError as err:
            entry = None
            problem: DigestError = FrontMatterError(f"unreadable ({err.strerror})", str(path))
        except DigestError as err:
            entry, problem = None, err
        if entry is None:
            if on_error is None:
                raise problem
            on_error(problem)
            continue
        kept[rel] = record
        if isinstance(entry, StoryEntry):
            entries.append(entry)
    if kept != cached:
        write_atomic(cache_file, json.dumps({"format": CACHE_FORMAT, "pages": kept}).encode())
    return entries


INDEX_CACHE = ".digest/index-cache.json"
CACHE_FORMAT = 2  # pages: path → [sha1 of the bytes, front matter, size, mtime_ns]


def _load_cache(path: Path) -> dict[str, list[Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    ok = isinstance(data, dict) and data.get("format") == CACHE_FORMAT
    pages = data.get("pages") if ok else None
    return pages if isinstance(pages, dict) else {}


def _text(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise FrontMatterError(
            f"front matter unreadable (not UTF-8 at byte {err.start}); restore it from git, or "
            "delete it to have it written again",
            str(path),
        ) from err


def _jsonable(meta: dict[str, Any]) -> dict[str, Any]:
    """The front matter as JSON keeps it (dates as YYYY-MM-DD), so a cached entry reads the same."""
    loaded: dict[str, Any] = json.loads(json.dumps(meta, default=_iso))
    return loaded


def _iso(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def newest_first(stories: Iterable[StoryEntry]) -> list[StoryEntry]:
    """Newest first, undated last."""
    return sorted(stories, key=lambda e: (e.date or dt.date.min, e.path), reverse=True)


def make_index(stories: Iterable[StoryEntry]) -> SiteIndex:
    ordered = newest_first(stories)
    actors = collect_actors(ordered)
    pages = {}
    for actor in actors.values():
        if actor.has_page:
            page = actor_page(actor.name)
            pages.update(dict.fromkeys((actor.name, *sorted(actor.aliases)), page))
    identity = {n: a.name for a in actors.values() for n in (a.name, *a.aliases)}
    return SiteIndex(ordered, actors, pages, related_stories(ordered, identity), tag_pages(ordered))


def tag_pages(stories: Iterable[StoryEntry]) -> dict[str, str]:
    """The tags with a listing page (used by MIN_TAGGED stories or more) → tags/<slug>.md."""
    tagged: dict[str, int] = {}
    for story in stories:
        for tag in set(story.tags):
            tagged[tag] = tagged.get(tag, 0) + 1
    return {
        tag: f"{TAGS_DIR}/{actor_slug(tag)}.md"
        for tag, n in sorted(tagged.items())
        if n >= MIN_TAGGED and tag.strip()
    }


def actor_page(name: str) -> str:
    return f"{ACTORS_DIR}/{actor_slug(name)}.md"


def redirects(index: SiteIndex) -> dict[str, str]:
    """The address each other name of an actor with a page would have → the actor's page (so an
    address published before two names were found to be one keeps working)."""
    pages = {index.actor_pages[a.name] for a in index.actors.values() if a.has_page}
    out = {}
    for name, page in sorted(index.actor_pages.items()):
        own = actor_page(name)
        if own != page and own not in pages:
            out[own] = page
    return out


def named_in(stories: Iterable[StoryEntry]) -> list[Named]:
    """Every name each story gives an actor (cast and speakers; a speaker is a person)."""
    out = []
    for story in stories:
        out += [Named(m.name, story.path, m.kind == "person") for m in story.cast]
        out += [Named(q.speaker, story.path, True) for q in story.quotes if q.speaker]
    return out


def collect_actors(stories: Iterable[StoryEntry]) -> dict[str, ActorRecord]:
    """Actors by the name of their identity, from the cast and the quotes of every story (newest
    story first)."""
    stories = list(stories)
    identity = identities(named_in(stories))
    actors: dict[str, ActorRecord] = {}

    def record_of(name: str, story: StoryEntry) -> ActorRecord:
        record = actors.setdefault(identity[name], ActorRecord(identity[name]))
        if name != record.name:
            record.aliases.add(name)
        if not record.stories or record.stories[-1] is not story:  # one story at a time: O(1)
            record.stories.append(story)
        return record

    for story in stories:
        for member in story.cast:
            record = record_of(member.name, story)
            record.kinds.add(member.kind)
            if member.role and member.role not in record.roles:
                record.roles[member.role] = story
        for quote in story.quotes:
            if quote.speaker:
                record_of(quote.speaker, story).quotes.append((quote, story))
    return actors


def actor_slug(name: str) -> str:
    """A stable slug: plain ("elena-varga") when the name is plain ASCII words, else with a hash of
    the name.

    Two names never share a slug: plain slugs map one-to-one to plain names, hashed ones carry "--",
    which slugify never writes; "index" (our A–Z page) is never a plain slug.
    """
    folded = " ".join(unicodedata.normalize("NFC", name).casefold().split())
    slug = slugify(folded, SLUG_WORDS)
    if folded == slug.replace("-", " ") and slug not in RESERVED:
        return slug
    return f"{slug}--{hashlib.sha1(folded.encode()).hexdigest()[:6]}"
