"""What the story index notes about stories across runs, besides their articles.

mark_growth(store, before)      which stories grew in this run (an update): the developing mark
developing(store)               the pages that grew in the latest update, and by how much
mark_samples(store, ...)        a story is a sample story when all its articles are sample pages
remove_samples(store, content)  the sample stories leave, in a run that reads no sample page
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..store import Store, StoryRecord


def mark_growth(store: Store, before: dict[str, StoryRecord]) -> None:
    """Note which stories grew in this run, if it changed any story's articles (an update): each
    story that was published `before` and gained articles is marked with the update's number and
    how many it gained. A run that changes no story's articles is no update and changes no mark;
    the records the assignment rewrote keep their earlier marks."""
    grown: dict[str, int] = {}
    changed = False
    for sid, story in list(store.stories.items()):
        old = before.get(sid)
        if old is None or old.articles != story.articles:
            changed = changed or bool(story.articles)
        if old is not None and (story.grew, story.gained) != (old.grew, old.gained):
            store.stories[sid] = replace(story, grew=old.grew, gained=old.gained)
        live = old is not None and old.merged_into is None and story.merged_into is None
        if live and old is not None and len(story.articles) > len(old.articles):
            grown[sid] = len(story.articles) - len(old.articles)
    if changed:
        store.update += 1
        for sid, gained in grown.items():
            store.stories[sid] = replace(store.stories[sid], grew=store.update, gained=gained)


def developing(store: Store) -> dict[str, int]:
    """The page of each story that gained articles in the latest update → how many it gained."""
    return {
        s.path: s.gained
        for s in store.stories.values()
        if s.merged_into is None and s.grew and s.grew == store.update
    }


def mark_samples(store: Store, touched: Iterable[str], samples: set[str]) -> None:
    """A story that changed is a sample story when every article it has is a sample article
    (`samples`: those read in this run, and those of the sample stories before it)."""
    for sid in touched:
        story = store.stories.get(sid)
        if story is not None:
            sample = story.merged_into is None and all(key in samples for key in story.articles)
            if sample != story.sample:
                store.stories[sid] = replace(story, sample=sample)


def remove_samples(store: Store, content_dir: Path) -> list[str]:
    """The sample stories leave (in a run that reads no sample page): their pages and the
    redirects to them are deleted, their stored analyses forgotten. Returns the pages removed.

    Only a run without any sample page removes them, so a renamed or copied samples folder (the
    same articles under other paths) changes nothing."""
    gone = {sid for sid, s in store.stories.items() if s.sample}
    gone |= {sid for sid, s in store.stories.items() if s.merged_into in gone}
    removed = []
    for sid in sorted(gone):
        story = store.stories[sid]
        page = content_dir / story.path
        if page.exists():
            page.unlink()
            removed.append(story.path)
        for key in story.articles:
            if store.story_of(key) in (None, story):
                store.forget_article(key)
        del store.stories[sid]
    return removed
