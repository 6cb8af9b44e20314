"""Where a story lives: its page's path in the content folder, chosen once and kept for ever after
(the date and the first headline, never a path another story has)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

SLUG_WORDS = 8  # words of the headline kept in a story's file name


def slugify(text: str, max_words: int = SLUG_WORDS) -> str:
    """ASCII, lowercase, hyphenated; never empty, never a path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:max_words]
    return "-".join(words) or "story"


def new_story_path(
    stories_dir: str, title: str, day: dt.date | None, story_id: str, taken: set[str]
) -> str:
    """A new story's page, relative to the content folder: date and headline, never one already
    taken."""
    stem = f"{stories_dir}/{day.isoformat() if day else 'undated'}-{slugify(title)}"
    path = f"{stem}.md"
    return path if path not in taken else f"{stem}-{story_id[:6]}.md"
