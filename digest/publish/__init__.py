"""Publishing: stories → pages in the content folder → the site. Two phases (Pelican's model):

1. the index (`index.py`): every published story's front matter (new briefings' from the briefings,
   the rest read back from their pages), the map of actor pages and each story's related stories
   (`related.py`);
2. the pages, each written once and only when its bytes change: the story pages that changed (with
   their actor links and related stories), the pages of untouched stories whose actor links or
   related stories changed (or whose related stories were written again: a title may have
   changed), the redirects of merged stories, and the hub pages (`hubs.py`).

Then MkDocs builds the site (`mkdocs_build.py`), with the feeds (`feeds.py`) and the search index.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DigestError
from ..files import write_if_changed
from ..model import Briefing
from .feeds import feed_items
from .front import FRONT_DAYS, LEAD_STORIES, Sections
from .frontmatter import StoryEntry, story_entry
from .hubs import HUB_DIRS, hub_pages
from .index import SiteIndex, links_in, make_index, read_stories
from .story_page import redirect_markdown, story_markdown

if TYPE_CHECKING:  # only its type: publishing needs no configuration
    from ..config import Source


@dataclass(frozen=True, slots=True)
class Redirect:
    """The page of a story merged into another: its title, and the target story's page."""

    title: str
    target: str  # the target's path, relative to the content folder


@dataclass
class Published:
    """What publishing wrote: story pages written or unchanged, hub pages written, the pages story
    pages link to by name (actors', and tags' under `index.TAG_LINK`), and the related stories
    each story page lists (path → paths)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    hubs: list[str] = field(default_factory=list)
    actor_pages: dict[str, str] = field(default_factory=dict)
    related: dict[str, list[str]] = field(default_factory=dict)
    stories: list[StoryEntry] = field(default_factory=list)  # those the feeds list, newest first


def publish(
    content_dir: Path,
    stories_dir: str,
    changed: Mapping[str, Briefing | Redirect],
    briefing_of: Callable[[str], Briefing | None],
    links_before: Mapping[str, str] | None,
    on_error: Callable[[DigestError], None],
    *,
    samples: Collection[str] = frozenset(),
    sources: Sequence[Source] = (),
    developing: Mapping[str, int] | None = None,
    sections: Sections | None = None,
    front_days: int = FRONT_DAYS,
    lead_stories: int = LEAD_STORIES,
    related_before: Mapping[str, Sequence[str]] | None = None,
) -> Published:
    """Write the pages of the stories that `changed` (by path), relink the other story pages whose
    actors' pages changed since `links_before` or whose related stories changed since
    `related_before` (all of them when either is None; `briefing_of` gives a page's briefing), and
    write the hub pages. `samples` are the paths of sample stories, `sources` the
    configured sources (the About page names them); the front page marks the `developing` stories
    (path → articles gained in the latest update) and groups stories in `sections` (configured, or
    None: found from their words). Errors are reported to `on_error` and the rest goes on."""
    out = Published()
    fresh: dict[str, tuple[Briefing, StoryEntry]] = {}
    for path, page in changed.items():  # phase 1: the index
        if isinstance(page, Briefing):
            sample = path in samples
            try:  # unsafe Markdown is refused before the index lists the story
                story_markdown(page, path, sample=sample)
            except DigestError as err:
                on_error(err)
                continue
            fresh[path] = (page, story_entry(page, path, sample))
    kept = read_stories(content_dir, stories_dir, skip=changed, on_error=on_error)
    index = make_index([*(entry for _, entry in fresh.values()), *kept])
    for path, page in changed.items():  # phase 2: every page once
        if isinstance(page, Redirect):
            text = redirect_markdown(page.title, page.target)
        elif path in fresh:
            briefing, entry = fresh[path]
            links, related = index.links_of(entry), index.related_of(path)
            text = story_markdown(briefing, path, links, entry.sample, related)
        else:
            continue
        (out.written if write_if_changed(content_dir / path, text) else out.unchanged).append(path)
    for entry in kept:
        if _stale(entry, index, changed, links_before, related_before):
            again = briefing_of(entry.path)
            if again is not None and _write(content_dir, entry, again, index, on_error):
                out.written.append(entry.path)
    pages = hub_pages(index, sources, developing, sections, front_days, lead_stories)
    out.hubs = _write_hubs(content_dir, pages)
    out.actor_pages = index.page_links
    out.stories = feed_items(index.stories)  # not all of them: ~500 MB at 50,000 stories
    out.related = {path: [s.path for s in shown] for path, shown in sorted(index.related.items())}
    return out


def _stale(
    entry: StoryEntry,
    index: SiteIndex,
    changed: Mapping[str, object],
    links_before: Mapping[str, str] | None,
    related_before: Mapping[str, Sequence[str]] | None,
) -> bool:
    """Whether the page of a story untouched by this run may show something else now: other actor
    links, other related stories, or a related story written again (its title may have changed;
    the page is written only if its bytes change)."""
    if links_before is None or related_before is None:
        return True
    if _links(entry, links_before) != index.links_of(entry):
        return True
    shown = [s.path for s in index.related_of(entry.path)]
    return shown != list(related_before.get(entry.path, ())) or any(p in changed for p in shown)


def _links(entry: StoryEntry, pages: Mapping[str, str]) -> dict[str, str]:
    return links_in(entry, pages)


def _write(
    content_dir: Path,
    entry: StoryEntry,
    briefing: Briefing,
    index: SiteIndex,
    on_error: Callable[[DigestError], None],
) -> bool:
    path, sample = entry.path, entry.sample
    try:
        links = index.links_of(story_entry(briefing, path, sample))
        text = story_markdown(briefing, path, links, sample, index.related_of(path))
    except DigestError as err:
        on_error(err)
        return False
    return write_if_changed(content_dir / path, text)


def _write_hubs(content_dir: Path, pages: Mapping[str, str]) -> list[str]:
    for (
        folder
    ) in HUB_DIRS:  # ours: a page that no longer belongs (an actor under the threshold) goes
        for stale in sorted((content_dir / folder).rglob("*.md"), reverse=True):
            if stale.relative_to(content_dir).as_posix() not in pages:
                stale.unlink()
                if stale.parent != content_dir / folder and not any(stale.parent.iterdir()):
                    stale.parent.rmdir()  # an actor's older pages, all gone
    return [rel for rel, text in pages.items() if write_if_changed(content_dir / rel, text)]


__all__ = ["Published", "Redirect", "publish"]
