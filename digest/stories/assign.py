"""Stories across runs: new articles join the published stories they report on, or start new ones.

`assign_stories` is a pure function: it reads the stored stories and returns the changes, which the
caller applies to the store (`Assignment.apply`). A story keeps its id and its page (and so its
address) once published; when a new article shows that two stories are one, the later joins the
earlier and its page becomes a redirect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from ..ingest.identity import story_id
from ..store import ArticleRecord, StoryIndex, StoryRecord
from .address import new_story_path
from .grouping import group_fingerprints

CANDIDATE_DAYS = (
    7  # stored stories younger than this (around the new articles' dates) may take new articles
)

Lookup = Callable[[str], ArticleRecord | None]  # an article key → its stored analysis
PageOwner = Callable[
    [str], str | None
]  # a page path → the id of the story on it ("" if none; None: no page)


@dataclass(frozen=True)
class Assignment:
    """What assigning new articles changes: story records new or changed, and the pages to write."""

    stories: Mapping[str, StoryRecord]  # id → the story's new record
    touched: frozenset[str]  # ids of the stories whose pages must be written

    def apply(self, index: StoryIndex) -> None:
        for sid, story in self.stories.items():
            index[sid] = story


def assign_stories(
    fresh: Iterable[ArticleRecord],
    stories: StoryIndex,
    article: Lookup,
    stories_dir: str,
    page_owner: PageOwner,
) -> Assignment:
    """Put new (or re-analysed) articles into stories, leaving `stories` as it is."""
    fresh = list(fresh)
    touched = {s.id for r in fresh if (s := stories.story_of(r.key))}
    new = [r for r in fresh if stories.story_of(r.key) is None]
    if not new:
        return Assignment({}, frozenset(touched))
    work = StoryIndex(stories)  # a copy, changed as groups are placed
    candidates = _candidate_records(stories, article, new)
    new = _not_copies(new, candidates)  # a page moved or saved again is the article it copies
    if not new:
        return Assignment({}, frozenset(touched))
    items = [*candidates, *new]
    for group in group_fingerprints([r.fingerprint for r in items]):
        members = [items[i] for i in group]
        joining = [r for r in members if work.story_of(r.key) is None]
        if not joining:
            continue
        existing = list(dict.fromkeys(s.id for r in members if (s := work.story_of(r.key))))
        target = existing[0] if existing else _new_story(joining[0], work, stories_dir, page_owner)
        for other in existing[
            1:
        ]:  # the group spans two published stories: the later one joins the first
            moved = work[other]
            work[target] = _extend(work[target], moved.articles, moved.latest)
            work[other] = StoryRecord(moved.id, moved.path, moved.articles, target, moved.latest)
            touched.add(other)
        newest = max(
            (d.isoformat() for r in joining if (d := r.fingerprint.published)), default=None
        )
        work[target] = _extend(work[target], [r.key for r in joining], newest)
        touched.add(target)
    changed = {sid: story for sid, story in work.items() if stories.get(sid) != story}
    return Assignment(changed, frozenset(touched))


def _not_copies(new: list[ArticleRecord], stored: list[ArticleRecord]) -> list[ArticleRecord]:
    """The new records that copy neither a stored one nor an earlier new one: the same bytes, or
    the same canonical URL (a page saved twice, moved to another folder, fetched under another
    address) is the same article, which counts once."""
    hashes = {r.content_hash for r in stored}
    urls = {r.fingerprint.url for r in stored if r.fingerprint.url}
    kept = []
    for record in new:
        url = record.fingerprint.url
        if record.content_hash in hashes or (url is not None and url in urls):
            continue
        kept.append(record)
        hashes.add(record.content_hash)
        if url:
            urls.add(url)
    return kept


def missing_pages(stories: StoryIndex, page_exists: Callable[[str], bool]) -> set[str]:
    """The published stories whose page is gone (deleted by hand): written again."""
    return {
        sid
        for sid, story in stories.items()
        if story.merged_into is None and not page_exists(story.path)
    }


def _candidate_records(
    stories: StoryIndex, article: Lookup, new: list[ArticleRecord]
) -> list[ArticleRecord]:
    """Articles of published stories close in time to the new ones (all, when dates are missing)."""
    dates = [r.fingerprint.published for r in new if r.fingerprint.published]
    low = min(dates) - dt.timedelta(days=CANDIDATE_DAYS) if dates else None
    high = max(dates) + dt.timedelta(days=CANDIDATE_DAYS) if dates else None
    records = []
    for story in stories.values():
        if story.merged_into or (low and story.latest and story.latest < low.isoformat()):
            continue  # merged away, or its newest article is older than the window
        for key in story.articles:
            record = article(key)
            day = record.fingerprint.published if record else None
            if record and (low is None or high is None or day is None or low <= day <= high):
                records.append(record)
    return records


def _new_story(
    first: ArticleRecord, work: StoryIndex, stories_dir: str, page_owner: PageOwner
) -> str:
    sid = story_id(first.key)
    title, day = first.briefing.title, first.briefing.published
    preferred = new_story_path(stories_dir, title, day, sid, set())
    taken = {preferred} if _taken(preferred, sid, work, page_owner) else set()
    work[sid] = StoryRecord(sid, new_story_path(stories_dir, title, day, sid, taken), ())
    return sid


def _taken(path: str, sid: str, work: StoryIndex, page_owner: PageOwner) -> bool:
    """Another story's page is there. A page of this very story left by a run killed before it saved
    the story index is not: it is taken over, so the story keeps its address."""
    if any(s.path == path for s in work.values()):
        return True
    owner = page_owner(path)
    return owner is not None and owner != sid


def _extend(story: StoryRecord, keys: Iterable[str], newest: str | None) -> StoryRecord:
    latest = max(filter(None, (story.latest, newest)), default=None)
    articles = tuple(dict.fromkeys((*story.articles, *keys)))
    return StoryRecord(story.id, story.path, articles, story.merged_into, latest)
