"""Stories across runs: new articles join the published stories they report on, or start new ones.

A story keeps its id and its page (and so its address) once published; when a new article shows that two
stories are one, the later joins the earlier and its page becomes a redirect.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from .site import new_story_path, read_front_matter
from .store import ArticleRecord, Store, StoryRecord, story_id
from .stories import group_fingerprints

CANDIDATE_DAYS = 7  # stored stories younger than this (around the new articles' dates) may take new articles


def missing_pages(store: Store, content_dir: Path) -> set[str]:
    """The published stories whose page is gone (deleted by hand): written again."""
    return {sid for sid, story in store.stories.items()
            if story.merged_into is None and not (content_dir / story.path).exists()}


def assign_stories(fresh: list[ArticleRecord], store: Store, stories_dir: str, content_dir: Path) -> set[str]:
    """Put new articles into stories; returns the ids of the stories whose pages must be written."""
    touched = {s.id for r in fresh if (s := store.story_of(r.key))}
    new = [r for r in fresh if store.story_of(r.key) is None]
    if not new:
        return touched
    candidates = _candidate_records(store, new)
    items = [*candidates, *new]
    for group in group_fingerprints([r.fingerprint for r in items]):
        members = [items[i] for i in group]
        joining = [r for r in members if store.story_of(r.key) is None]
        if not joining:
            continue
        existing = list(dict.fromkeys(s.id for r in members if (s := store.story_of(r.key))))
        target = existing[0] if existing else _new_story(joining[0], store, stories_dir, content_dir)
        for other in existing[1:]:  # the group spans two published stories: the later one joins the first
            moved = store.stories[other]
            store.stories[target] = _extend(store.stories[target], moved.articles, moved.latest)
            store.stories[other] = StoryRecord(moved.id, moved.path, moved.articles, target, moved.latest)
            touched.add(other)
        newest = max((d.isoformat() for r in joining if (d := r.fingerprint.published)), default=None)
        store.stories[target] = _extend(store.stories[target], [r.key for r in joining], newest)
        touched.add(target)
    return touched


def _candidate_records(store: Store, new: list[ArticleRecord]) -> list[ArticleRecord]:
    """Articles of published stories close in time to the new ones (all, when dates are missing)."""
    dates = [r.fingerprint.published for r in new if r.fingerprint.published]
    low = min(dates) - dt.timedelta(days=CANDIDATE_DAYS) if dates else None
    high = max(dates) + dt.timedelta(days=CANDIDATE_DAYS) if dates else None
    records = []
    for story in store.stories.values():
        if story.merged_into or (low and story.latest and story.latest < low.isoformat()):
            continue  # merged away, or its newest article is older than the window
        for key in story.articles:
            record = store.article(key)
            day = record.fingerprint.published if record else None
            if record and (low is None or day is None or low <= day <= high):  # type: ignore[operator]
                records.append(record)
    return records


def _new_story(first: ArticleRecord, store: Store, stories_dir: str, content_dir: Path) -> str:
    sid = story_id(first.key)
    title, day = first.briefing.title, first.briefing.published
    preferred = new_story_path(stories_dir, title, day, sid, set())
    taken = {preferred} if _taken(preferred, sid, store, content_dir) else set()
    path = new_story_path(stories_dir, title, day, sid, taken)
    store.stories[sid] = StoryRecord(sid, path, ())
    return sid


def _taken(path: str, sid: str, store: Store, content_dir: Path) -> bool:
    """Another story's page is there. A page of this very story left by a run killed before it saved the
    story index is not: it is taken over, so the story keeps its address."""
    if any(s.path == path for s in store.stories.values()):
        return True
    page = content_dir / path
    return page.exists() and read_front_matter(page).get("id") != sid


def _extend(story: StoryRecord, keys: Iterable[str], newest: str | None) -> StoryRecord:
    latest = max(filter(None, (story.latest, newest)), default=None)
    return StoryRecord(story.id, story.path, tuple(dict.fromkeys((*story.articles, *keys))), story.merged_into, latest)
