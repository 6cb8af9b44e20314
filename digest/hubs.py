"""The hub pages, made from the stories' front matter (never by analysing again) on every build.

    index.md              the latest stories (site.write_home)
    archive/index.md      every month, linking archive/YYYY-MM.md (a month's stories by day)
    actors/index.md       A–Z of actors; actors/<slug>.md: roles, stories and quotes of one actor
    tags/index.md         A–Z of tags; tags/<slug>.md: a Material tags listing scoped to one tag
    search.md             the search page (Pagefind's UI)

An actor has a page when quoted or named in at least two stories. Story pages are relinked on every build
(site.link_actors) so that each actor's name links to its page exactly when that page exists. The three
folders are ours: pages in them that no longer belong (an actor now under the threshold) are removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .files import write_if_changed
from .render import escape_md, format_date
from .site import QuoteEntry, StoryEntry, link_actors, list_stories, slugify, story_card, write_home

ACTORS_DIR, ARCHIVE_DIR, TAGS_DIR = "actors", "archive", "tags"
MIN_STORIES = 2  # an actor who is never quoted gets a page from this many stories on
MIN_TAGGED = 2  # a tag gets its listing page from this many stories on (one story: the tag stays unlinked)
SLUG_WORDS = 12  # words of a name kept in its slug
RESERVED = {"index"}  # slugs our own pages use inside actors/ and tags/


@dataclass
class ActorRecord:
    """Everything the stories' front matter says about one actor."""

    name: str
    kinds: set[str] = field(default_factory=set)
    roles: dict[str, StoryEntry] = field(default_factory=dict)  # role → first story that gives it
    stories: list[StoryEntry] = field(default_factory=list)
    quotes: list[tuple[QuoteEntry, StoryEntry]] = field(default_factory=list)

    @property
    def has_page(self) -> bool:
        return bool(self.quotes) or len(self.stories) >= MIN_STORIES


def write_hubs(content_dir: Path, stories_dir: str) -> list[str]:
    """Write every hub page and relink the stories; returns the pages written (relative paths)."""
    stories = list_stories(content_dir, stories_dir)
    actors = collect_actors(stories)
    pages = {a.name: f"{ACTORS_DIR}/{actor_slug(a.name)}.md" for a in actors.values() if a.has_page}
    written = []
    for story in stories:
        path = content_dir / story.path
        named = {m.name for m in story.cast} | {q.speaker for q in story.quotes if q.speaker}
        links = {name: pages[name] for name in named if name in pages}  # only this story's: linear in the site
        if write_if_changed(path, link_actors(path.read_text(encoding="utf-8"), links)):
            written.append(story.path)
    hubs = {
        **actor_pages(actors, pages),
        **archive_pages(stories, pages),
        **tag_pages(stories),
        "search.md": SEARCH_PAGE,
    }
    for folder in (ACTORS_DIR, ARCHIVE_DIR, TAGS_DIR):
        for stale in (content_dir / folder).glob("*.md"):
            if f"{folder}/{stale.name}" not in hubs:
                stale.unlink()
    written += [rel for rel, text in hubs.items() if write_if_changed(content_dir / rel, text)]
    if write_home(content_dir, stories_dir, pages, stories):
        written.append("index.md")
    return written


def actor_slug(name: str) -> str:
    """A stable slug: plain ("elena-varga") when the name is plain ASCII words, else with a hash of the name.

    Two names never share a slug: plain slugs map one-to-one to plain names, hashed ones carry "--", which
    slugify never writes; "index" (our A–Z page) is never a plain slug.
    """
    folded = " ".join(unicodedata.normalize("NFC", name).casefold().split())
    slug = slugify(folded, SLUG_WORDS)
    if folded == slug.replace("-", " ") and slug not in RESERVED:
        return slug
    return f"{slug}--{hashlib.sha1(folded.encode()).hexdigest()[:6]}"


def collect_actors(stories: Iterable[StoryEntry]) -> dict[str, ActorRecord]:
    """Actors by name, from the cast and the quotes of every story (newest story first)."""
    actors: dict[str, ActorRecord] = {}
    for story in stories:
        for member in story.cast:
            record = actors.setdefault(member.name, ActorRecord(member.name))
            record.kinds.add(member.kind)
            if not record.stories or record.stories[-1] is not story:  # stories come one at a time: O(1)
                record.stories.append(story)
            if member.role and member.role not in record.roles:
                record.roles[member.role] = story
        for quote in story.quotes:
            if quote.speaker:
                record = actors.setdefault(quote.speaker, ActorRecord(quote.speaker))
                record.quotes.append((quote, story))
                if not record.stories or record.stories[-1] is not story:
                    record.stories.append(story)
    return actors


def actor_pages(actors: dict[str, ActorRecord], pages: dict[str, str]) -> dict[str, str]:
    """actors/<slug>.md for each actor with a page, and the A–Z index actors/index.md."""
    out = {pages[a.name]: _actor_page(a) for a in actors.values() if a.has_page}
    lines = _front("Actors", "People, organizations and places in the briefings, A to Z.")
    lines += ["# Actors", "", "Everyone quoted, or named in at least two briefings.", ""]
    for letter, group in _by_letter(a for a in actors.values() if a.has_page):
        lines += [f"## {letter}", ""]
        for actor in group:
            count = f"{len(actor.stories)} {'story' if len(actor.stories) == 1 else 'stories'}"
            lines.append(f"- [{escape_md(actor.name)}]({pages[actor.name].split('/')[-1]}) · {count}")
        lines.append("")
    if not pages:
        lines.append("No actors yet.")
    out[f"{ACTORS_DIR}/index.md"] = "\n".join(lines).rstrip() + "\n"
    return out


def _actor_page(actor: ActorRecord) -> str:
    kinds = " / ".join(sorted(actor.kinds)) or "person"
    n, q = len(actor.stories), len(actor.quotes)
    lines = _front(actor.name, f"{actor.name}: {n} {'story' if n == 1 else 'stories'}, {q} quote{'s' * (q != 1)}.")
    lines += [f"# {escape_md(actor.name)}", "", f"*{kinds} · {n} {'story' if n == 1 else 'stories'} · "
              f"{q} quote{'s' * (q != 1)}*", ""]
    if actor.roles:
        lines += ["## Roles", ""]
        lines += [f"- {escape_md(role)}: {_story_link(story)}" for role, story in actor.roles.items()]
        lines.append("")
    lines += ["## Stories", ""]
    lines += [f"- {_when(s.date)} · {_story_link(s)}" for s in actor.stories]
    lines.append("")
    if actor.quotes:
        lines += ["## Quotes", ""]
        for quote, story in actor.quotes:
            source = escape_md(quote.outlet or "source")
            if quote.url and quote.url.startswith(("http://", "https://")):
                source = f"[{source}]({_md_url(quote.url)})"
            lines += [f"> “{escape_md(quote.text)}”", "", f"— {_when(quote.date)}, {source}, in {_story_link(story)}", ""]
    return "\n".join(lines).rstrip() + "\n"


def archive_pages(stories: list[StoryEntry], pages: dict[str, str]) -> dict[str, str]:
    """archive/index.md (months, newest first) and archive/YYYY-MM.md (or undated.md) for each month."""
    months: dict[str, list[StoryEntry]] = defaultdict(list)
    for story in stories:
        months[story.date.strftime("%Y-%m") if story.date else "undated"].append(story)
    out = {}
    lines = _front("Archive", "Every briefing, by month.") + ["# Archive", ""]
    year = None
    for key, group in months.items():  # stories are newest first, so months are too
        label = _month_label(key)
        if key[:4] != year and key != "undated":
            year = key[:4]
            lines += [f"## {year}", ""]
        lines.append(f"- [{label}]({key}.md) · {len(group)} {'briefing' if len(group) == 1 else 'briefings'}")
        out[f"{ARCHIVE_DIR}/{key}.md"] = _month_page(label, group, pages)
    if not months:
        lines.append("No briefings yet.")
    out[f"{ARCHIVE_DIR}/index.md"] = "\n".join(lines).rstrip() + "\n"
    return out


def _month_page(label: str, stories: list[StoryEntry], pages: dict[str, str]) -> str:
    lines = _front(f"Briefings of {label}", f"Every briefing of {label}.", template="digest-list.html")
    lines += [f"# {label}", "", "[All months](index.md)", ""]
    day: object = object()
    for story in stories:
        if story.date != day:
            day = story.date
            lines += [f"## {_when(story.date)}", ""]
        lines += story_card(story, pages, "../")
    return "\n".join(lines).rstrip() + "\n"


def tag_pages(stories: list[StoryEntry]) -> dict[str, str]:
    """tags/<slug>.md, a Material tags listing limited to one tag (so no listing grows with the whole site)."""
    tagged: dict[str, int] = defaultdict(int)
    for story in stories:
        for tag in set(story.tags):
            tagged[tag] += 1
    usable = {t: n for t, n in tagged.items() if n >= MIN_TAGGED and _safe_tag(t)}
    out = {}
    lines = _front("Tags", "Tags used by at least two briefings.") + ["# Tags", ""]
    for letter, group in _by_letter(usable):
        lines += [f"## {letter}", ""]
        for tag in group:
            slug = actor_slug(tag)
            lines.append(f"- [{escape_md(tag)}]({slug}.md) · {usable[tag]} briefings")
            directive = json.dumps({"include": [tag]}, ensure_ascii=False)
            body = _front(tag, f"Briefings tagged {tag}.") + [f"# {escape_md(tag)}", "", f"<!-- material/tags {directive} -->"]
            out[f"{TAGS_DIR}/{slug}.md"] = "\n".join(body) + "\n"
        lines.append("")
    if not usable:
        lines.append("No tag is used by two briefings yet.")
    out[f"{TAGS_DIR}/index.md"] = "\n".join(lines).rstrip() + "\n"
    return out


SEARCH_PAGE = """---
title: Search
template: digest-search.html
search:
  exclude: true
---

# Search

Search every briefing and actor: a name, a place, words from a quote.
"""


def _front(title: str, description: str, template: str | None = None) -> list[str]:
    meta = [f"title: {json.dumps(title, ensure_ascii=False)}", f"description: {json.dumps(description, ensure_ascii=False)}"]
    if template:
        meta.append(f"template: {template}")
    return ["---", *meta, "---", ""]


def _by_letter(items: Iterable[ActorRecord] | Iterable[str]) -> list[tuple[str, list]]:  # type: ignore[type-arg]
    groups: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
    for item in items:
        name = item.name if isinstance(item, ActorRecord) else item
        first = unicodedata.normalize("NFKD", name.lstrip("'\"“‘ "))[:1].upper()
        groups[first if first.isalpha() and first.isascii() else "#"].append(item)
    key = lambda item: (item.name if isinstance(item, ActorRecord) else item).casefold()  # noqa: E731
    return [(letter, sorted(groups[letter], key=key)) for letter in sorted(groups, key=lambda g: (g == "#", g))]


def _story_link(story: StoryEntry) -> str:
    return f"[{escape_md(story.title)}](../{story.path})"


def _when(day: dt.date | None) -> str:
    return format_date(day) if day else "Undated"


def _month_label(key: str) -> str:
    return "Undated" if key == "undated" else dt.date.fromisoformat(key + "-01").strftime("%B %Y")


def _safe_tag(tag: str) -> bool:
    """A tag that can sit inside the listing's HTML comment (MkDocs YAML arguments)."""
    return bool(tag.strip()) and "--" not in tag and not re.search(r"[\n\r<>]", tag)


def _md_url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")
