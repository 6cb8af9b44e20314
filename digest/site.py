"""The docs tree and the MkDocs build: briefing pages, the home page, `mkdocs build --strict`.

Pages are written atomically and only when their bytes change; a story keeps its file (and so its
URL) once published, found again by the `id` in its front matter.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import BuildError, DigestError
from .files import write_if_changed
from .model import Briefing
from .render import check_markdown, escape_md, format_date, render_markdown

SLUG_WORDS = 8  # words of the headline kept in a story's file name
HOME_ACTORS = 4  # actors named under each story on the home page
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """What the home page needs of one published story."""

    path: str  # relative to the content folder, with forward slashes
    title: str
    date: dt.date | None
    description: str | None
    outlets: tuple[str, ...]
    actors: tuple[str, ...]


def write_briefing(briefing: Briefing, path: Path) -> bool:
    """Write the briefing's page (only if its bytes change); True when written."""
    markdown = render_markdown(briefing)
    problems = check_markdown(markdown)
    if problems:
        raise DigestError(f"refusing to write unsafe Markdown ({problems[0]})", briefing.title)
    return write_if_changed(path, markdown)


def write_redirect(path: Path, title: str, target: Path) -> bool:
    """The page of a story merged into another: it sends readers on (site_config/overrides/redirect.html)."""
    link = target.name
    meta = {"title": title, "template": "redirect.html", "redirect": f"../{target.stem}/", "search": {"exclude": True}}
    body = f"# {escape_md(title)}\n\nThis story is now part of [{escape_md(title)}]({link}).\n"
    return write_if_changed(path, "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + body)


def slugify(text: str, max_words: int = SLUG_WORDS) -> str:
    """ASCII, lowercase, hyphenated; never empty, never a path."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:max_words]
    return "-".join(words) or "story"


def new_story_path(stories_dir: str, title: str, day: dt.date | None, story_id: str, taken: set[str]) -> str:
    """A new story's page, relative to the content folder: date and headline, never one already taken."""
    stem = f"{stories_dir}/{day.isoformat() if day else 'undated'}-{slugify(title)}"
    path = f"{stem}.md"
    return path if path not in taken else f"{stem}-{story_id[:6]}.md"


def read_front_matter(path: Path) -> dict[str, object]:
    try:
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        meta = yaml.safe_load(match.group(1)) if match else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return meta if isinstance(meta, dict) else {}


def list_stories(content_dir: Path, stories_dir: str) -> list[StoryEntry]:
    """Every published story, newest first (undated last), read from the pages' front matter."""
    entries = []
    for path in sorted((content_dir / stories_dir).glob("*.md")):
        meta = read_front_matter(path)
        if not meta.get("title") or meta.get("redirect"):
            continue
        entries.append(
            StoryEntry(
                path=path.relative_to(content_dir).as_posix(),
                title=str(meta["title"]),
                date=_as_date(meta.get("date")),
                description=str(meta["description"]) if meta.get("description") else None,
                outlets=tuple(sorted({str(s.get("outlet")) for s in _dicts(meta.get("sources")) if s.get("outlet")})),
                actors=tuple(str(a) for a in meta.get("actors") or ())[:HOME_ACTORS],
            )
        )
    return sorted(entries, key=lambda e: (e.date or dt.date.min, e.path), reverse=True)


def write_home(content_dir: Path, stories_dir: str) -> bool:
    """The front page: every story, newest first, grouped by day."""
    stories = list_stories(content_dir, stories_dir)
    lines = ["---", "title: Latest briefings", "hide:", "  - navigation", "---", "", "# Latest briefings", ""]
    if not stories:
        lines.append("No briefings yet: add sources to `site_config/digest.yml` and run `nox -s build`.")
    day: object = object()
    for story in stories:
        if story.date != day:
            day = story.date
            lines += [f"## {format_date(story.date) if story.date else 'Undated'}", ""]
        lines += _home_item(story)
    return write_if_changed(content_dir / "index.md", "\n".join(lines).rstrip() + "\n")


def _home_item(story: StoryEntry) -> list[str]:
    count = f"{len(story.outlets) or 1} outlet" + ("s" if len(story.outlets) > 1 else "")
    item = [f"### [{escape_md(story.title)}]({story.path})", ""]
    item.append(f"*{count}: {escape_md(', '.join(story.outlets) or 'unknown')}*")
    item.append("")
    if story.description:
        item += [escape_md(story.description), ""]
    if story.actors:
        item += [f"**Key actors:** {escape_md(', '.join(story.actors))}", ""]
    return item


def build_site(mkdocs_config: Path, site_dir: Path | None = None) -> Path:
    """`mkdocs build --strict`: a warning (a broken link, a missing page) fails the build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not mkdocs_config.exists():
        raise BuildError("MkDocs config not found; set output.mkdocs_config", str(mkdocs_config))
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("MkDocs %(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        options = {"site_dir": str(site_dir)} if site_dir else {}
        config = load_config(str(mkdocs_config), strict=True, **options)
        build(config)
    except MkDocsException as err:
        raise BuildError(f"MkDocs build failed: {err}", str(mkdocs_config)) from err
    finally:
        logger.removeHandler(handler)
    return Path(config["site_dir"])


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _dicts(value: object) -> Iterable[dict[str, object]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
