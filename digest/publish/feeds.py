"""The story feeds, written into the built site: Atom (`feed.xml`) and JSON Feed 1.1 (`feed.json`).

Dates come from the stories' front matter, never from git or file times, so a rebuild gives the
same bytes. An entry's id is the story's `id`, which never changes, and its link the story's
address, which never does.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..files import write_if_changed
from .frontmatter import StoryEntry

FEED_ITEMS = 50  # newest stories in each feed; readers keep older ones themselves
ATOM_NAME, JSON_NAME = "feed.xml", "feed.json"


def feed_items(stories: list[StoryEntry]) -> list[StoryEntry]:
    """The stories the feeds list, of `stories` newest first: the FEED_ITEMS newest dated ones
    (sample stories only while there is no other)."""
    dated = [s for s in stories if s.date]
    return ([s for s in dated if not s.sample] or dated)[:FEED_ITEMS]


def write_feeds(
    site_dir: Path, site_url: str | None, title: str, stories: list[StoryEntry]
) -> None:
    """Both feeds for the newest dated stories (sample stories only while there is no other);
    links are absolute when `site_url` is set (SITE_URL)."""
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    items = feed_items(stories)
    write_if_changed(site_dir / ATOM_NAME, atom_feed(base, title, items))
    write_if_changed(site_dir / JSON_NAME, json_feed(base, title, items))


def story_url(base: str, story: StoryEntry) -> str:
    """The story's address under `use_directory_urls`: stories/x.md → BASE/stories/x/."""
    return base + story.path.removesuffix(".md") + "/"


def atom_feed(base: str, title: str, stories: list[StoryEntry]) -> str:
    updated = _timestamp(stories[0].date) if stories else "1970-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(title)}</title>",
        f"  <id>{escape(base or 'urn:digest:site')}</id>",
        f"  <updated>{updated}</updated>",
        f'  <link rel="alternate" href={quoteattr(base or "./")}/>',
        f'  <link rel="self" href={quoteattr(base + ATOM_NAME)}/>',
    ]
    for story in stories:
        lines += [
            "  <entry>",
            f"    <title>{escape(story.title)}</title>",
            f"    <id>urn:digest:story:{escape(story.id or story.path)}</id>",
            f'    <link rel="alternate" href={quoteattr(story_url(base, story))}/>',
            f"    <updated>{_timestamp(story.date)}</updated>",
            f"    <published>{_timestamp(story.date)}</published>",
            f"    <author><name>{escape(', '.join(story.outlets) or title)}</name></author>",
        ]
        if story.description:
            lines.append(f"    <summary>{escape(story.description)}</summary>")
        lines += [f"    <category term={quoteattr(tag)}/>" for tag in story.tags]
        lines.append("  </entry>")
    return "\n".join([*lines, "</feed>"]) + "\n"


def json_feed(base: str, title: str, stories: list[StoryEntry]) -> str:
    feed: dict[str, object] = {"version": "https://jsonfeed.org/version/1.1", "title": title}
    if base:
        feed |= {"home_page_url": base, "feed_url": base + JSON_NAME}
    feed["items"] = [
        {
            "id": story.id or story.path,
            "url": story_url(base, story),
            "title": story.title,
            "summary": story.description,
            "content_text": story.description or story.title,
            "date_published": _timestamp(story.date),
            "authors": [{"name": outlet} for outlet in story.outlets],
            "tags": list(story.tags),
        }
        for story in stories
    ]
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"


def _timestamp(day: dt.date | None) -> str:
    return f"{day.isoformat()}T00:00:00Z" if day else "1970-01-01T00:00:00Z"
