"""The front matter of our pages: one typed schema, one writer, one reader.

A story page's front matter holds what the hub pages (front page, archive, actors, tags, feeds) need
of the story, so they never analyse it again. `story_entry` makes it from a briefing, `story_yaml`
writes it, `read_page` reads it back into the same type and raises FrontMatterError, naming the page
and the key, on anything it cannot read: a renamed key fails loudly instead of emptying the hub
pages.

Every string here comes from a source: the digest MkDocs plugin escapes them before a template
prints them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote as percent

import yaml

from ..errors import DigestError
from ..model import Article, Briefing, Quote
from .markdown import web_url

KEY_ACTORS = 10  # actors shown on a briefing (the rest are minor mentions)
FRAGMENT_WORDS = 4  # words at each end of a quote used for its #:~:text= link
OPEN_MARKS = "“‘«\"'"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when present: 10× faster
_YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # likewise, and writes the same text
_FIX = "restore it from git, or delete it to have it written again"
T = TypeVar("T")


class FrontMatterError(DigestError):
    """A page in the content folder whose front matter cannot be read."""


@dataclass(frozen=True, slots=True)
class SourceEntry:
    outlet: str | None
    title: str | None
    url: str | None
    author: str | None
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class CastMember:
    """An actor as a story's front matter lists it."""

    name: str
    kind: str
    role: str | None


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """A quote as a story's front matter lists it: who, what, where and when."""

    speaker: str | None
    text: str
    outlet: str | None
    url: (
        str | None
    )  # the first source's address, with a #:~:text= fragment that scrolls to the quote
    date: dt.date | None
    context: str | None = None  # a fragment's sentence, verbatim: "a slow eviction" reads in it


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """A published story as its page's front matter gives it (`path`: of the page, in the content
    folder)."""

    path: str
    title: str
    date: dt.date | None = None
    id: str | None = None
    description: str | None = None
    sources: tuple[SourceEntry, ...] = ()
    actors: tuple[str, ...] = ()  # the key actors' names, most prominent first
    tags: tuple[str, ...] = ()
    cast: tuple[CastMember, ...] = ()  # the key actors, with kind and role
    quotes: tuple[QuoteEntry, ...] = ()
    sample: bool = False  # one of Digest's sample stories (fictional; ingest/samples.py)

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({s.outlet for s in self.sources if s.outlet}))

    @property
    def named(self) -> set[str]:
        """Everyone the page names in bold: the cast and the quotes' speakers."""
        return {m.name for m in self.cast} | {q.speaker for q in self.quotes if q.speaker}


@dataclass(frozen=True, slots=True)
class RedirectEntry:
    """The page of a story merged into another."""

    path: str
    title: str
    redirect: str


# -- the writer -----------------------------------------------------------------------------------


def story_entry(b: Briefing, path: str, sample: bool = False) -> StoryEntry:
    """What the page of briefing `b` at `path` says about it in its front matter (`sample`: one of
    Digest's sample stories)."""
    key = b.actors[:KEY_ACTORS]
    return StoryEntry(
        path=path,
        title=b.title,
        date=b.published,
        id=b.id,
        description=b.summary[0] if b.summary else None,
        sources=tuple(
            SourceEntry(a.site, a.title, a.url, a.author, a.published) for a in b.articles
        ),
        actors=tuple(a.name for a in key),
        tags=b.tags,
        cast=tuple(CastMember(a.name, a.kind, a.role) for a in key),
        quotes=tuple(_quote_entry(q, b.articles) for q in b.quotes),
        sample=sample,
    )


def story_yaml(s: StoryEntry, tag_pages: Mapping[str, str] | None = None) -> str:
    """The front matter block (--- … ---) of a story page; `tag_pages` maps the tags that have a
    listing page to it (tags/<slug>.md): `tag_urls`, in the order of `tags`, gives the listing's
    address or "" (site_config/overrides/partials/tags.html prints the chips)."""
    meta: dict[str, Any] = {
        "title": s.title,
        "date": _iso(s.date),
        "id": s.id,
        "description": s.description,
        "sources": [
            {
                "outlet": a.outlet,
                "title": a.title,
                "url": a.url,
                "author": a.author,
                "published": _iso(a.published),
            }
            for a in s.sources
        ],
        "actors": list(s.actors),
        "tags": list(s.tags),
        "cast": [{"name": m.name, "kind": m.kind, "role": m.role} for m in s.cast],
        "quotes": [
            {
                "speaker": q.speaker,
                "text": q.text,
                "outlet": q.outlet,
                "url": q.url,
                "date": _iso(q.date),
            }
            | ({"context": q.context} if q.context else {})
            for q in s.quotes
        ],
    }
    urls = [_page_url(tag_pages[t]) if tag_pages and t in tag_pages else "" for t in s.tags]
    if any(urls):
        meta["tag_urls"] = urls
    if s.sample:
        meta["sample"] = True
    text = yaml.dump(meta, Dumper=_YAML_DUMPER, sort_keys=False, allow_unicode=True, width=1000)
    return "---\n" + text + "---\n"


def _page_url(path: str) -> str:
    """A page's address relative to the site (use_directory_urls): tags/x.md → tags/x/."""
    return path.removesuffix(".md") + "/"


def redirect_yaml(title: str, redirect: str) -> str:
    """The front matter of a merged story's page (site_config/overrides/redirect.html sends readers
    on)."""
    meta = {
        "title": title,
        "template": "redirect.html",
        "redirect": redirect,
        "search": {"exclude": True},
    }
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n"


# A page's search entry ends at its heading with this id (the digest MkDocs plugin marks the rest
# data-pagefind-ignore): an actor is found by its names and roles, its stories by their own pages.
SEARCH_UNTIL = "search_until"


def hub_yaml(
    title: str, description: str, template: str | None = None, more: Sequence[str] = ()
) -> list[str]:
    """The front matter of a hub page (archive, actors, tags), as lines; `more`: further lines
    of YAML, ours (no source text)."""
    meta = [
        f"title: {json.dumps(title, ensure_ascii=False)}",
        f"description: {json.dumps(description, ensure_ascii=False)}",
    ]
    if template:
        meta.append(f"template: {template}")
    return ["---", *meta, *more, "---", ""]


HOME_YAML = [
    "---",
    "title: Latest briefings",
    "template: digest-list.html",
    "hide:",
    "  - navigation",
    "---",
    "",
]
SEARCH_YAML = [
    "---",
    "title: Search",
    "template: digest-search.html",
    "search:",
    "  exclude: true",
    "---",
    "",
]


def _quote_entry(q: Quote, articles: tuple[Article, ...]) -> QuoteEntry:
    first = articles[q.sources[0]] if q.sources and q.sources[0] < len(articles) else articles[0]
    url = first.url + text_fragment(q.text) if first.url and web_url(first.url) else None
    text = " ".join(q.text.split()).strip(OPEN_MARKS + " ,")
    return QuoteEntry(q.speaker, text, first.site, url, first.published, q.context)


def text_fragment(quoted: str) -> str:
    """A `#:~:text=start,end` fragment that makes the browser scroll to the quote."""

    def part(text: str) -> str:
        return percent(text.strip(" ,.;:"), safe="")

    words = quoted.replace("”", " ").replace("“", " ").split()
    if len(words) <= 2 * FRAGMENT_WORDS:
        return "#:~:text=" + part(" ".join(words))
    start, end = " ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])
    return f"#:~:text={part(start)},{part(end)}"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# -- the reader -----------------------------------------------------------------------------------


def read_page(path: Path, content_dir: Path) -> StoryEntry | RedirectEntry:
    """A story (or redirect) page's front matter; FrontMatterError naming the page on anything
    unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        problem = " ".join(str(err).split())[:120]
        raise FrontMatterError(f"front matter unreadable ({problem}); {_FIX}", str(path)) from err
    return page_entry(front_matter(text, path), path, content_dir)


def front_matter(text: str, path: Path) -> dict[str, Any]:
    """The front matter of a page's text, as YAML gives it; FrontMatterError naming the page."""
    try:
        match = FRONT_MATTER.match(text)
        meta = yaml.load(match.group(1), Loader=_YAML_LOADER) if match else None
    except yaml.YAMLError as err:
        problem = " ".join(str(err).split())[:120]
        raise FrontMatterError(f"front matter unreadable ({problem}); {_FIX}", str(path)) from err
    if not isinstance(meta, dict):
        raise FrontMatterError(
            f"no front matter (a --- block of YAML at the top); {_FIX}", str(path)
        )
    return meta


def page_entry(meta: dict[str, Any], path: Path, content_dir: Path) -> StoryEntry | RedirectEntry:
    """What a story (or redirect) page's front matter says; FrontMatterError naming the page on a
    value of the wrong type."""
    rel = path.relative_to(content_dir).as_posix()
    get = _Fields(meta, path)
    title = get.text("title")
    if not title:
        raise FrontMatterError(f"no title in its front matter; {_FIX}", str(path))
    if meta.get("redirect"):
        return RedirectEntry(rel, title, get.text("redirect") or "")
    return StoryEntry(
        path=rel,
        title=title,
        date=get.date(meta, "date"),
        id=get.text("id"),
        description=get.text("description"),
        sources=get.items(
            "sources",
            lambda m: SourceEntry(
                get.text("outlet", m),
                get.text("title", m),
                get.text("url", m),
                get.text("author", m),
                get.date(m, "published"),
            ),
        ),
        actors=get.texts("actors"),
        tags=get.texts("tags"),
        cast=get.items(
            "cast",
            lambda m: CastMember(
                get.required("name", m), get.text("kind", m) or "person", get.text("role", m)
            ),
        ),
        quotes=get.items(
            "quotes",
            lambda m: QuoteEntry(
                get.text("speaker", m),
                get.text("text", m) or "",
                get.text("outlet", m),
                get.text("url", m),
                get.date(m, "date"),
                get.text("context", m),
            ),
        ),
        sample=get.flag("sample"),
    )


class _Fields:
    """Typed access to a page's front matter; a value of the wrong type raises FrontMatterError."""

    def __init__(self, meta: dict[str, Any], path: Path) -> None:
        self.meta, self.path = meta, path

    def fail(self, key: str, expected: str) -> FrontMatterError:
        return FrontMatterError(
            f"front matter key {key!r} is not {expected}; {_FIX}", str(self.path)
        )

    def text(self, key: str, meta: dict[str, Any] | None = None) -> str | None:
        value = (self.meta if meta is None else meta).get(key)
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(key, "text")
        return str(value)

    def flag(self, key: str) -> bool:
        value = self.meta.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(key, "true or false")
        return value

    def required(self, key: str, meta: dict[str, Any]) -> str:
        value = self.text(key, meta)
        if value is None:
            raise self.fail(key, "a non-empty text")
        return value

    def date(self, meta: dict[str, Any], key: str) -> dt.date | None:
        value = meta.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.fail(key, "a date (YYYY-MM-DD)") from None

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.meta.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "a list of texts")
        return tuple(value)

    def items(self, key: str, make: Callable[[dict[str, Any]], T]) -> tuple[T, ...]:
        value = self.meta.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "a list of mappings")
        return tuple(make(v) for v in value)
