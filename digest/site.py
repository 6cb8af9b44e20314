"""The docs tree and the MkDocs build: briefing pages, the home page, `mkdocs build --strict`.

Pages are written atomically and only when their bytes change; a story keeps its file (and so its
URL) once published, found again by the `id` in its front matter.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import mkdocs_plugin
from .errors import BuildError, DigestError
from .feeds import write_feeds
from .files import write_if_changed
from .model import Briefing
from .render import actor_ref, check_markdown, escape_md, format_date, render_markdown

LOG = logging.getLogger("digest")
SLUG_WORDS = 8  # words of the headline kept in a story's file name
HOME_ACTORS = 4  # actors named under each story on the home page
HOME_DAYS = 30  # the front page shows the stories of the last 30 days (counted from the newest story)…
HOME_MAX = 100  # …and at most this many; every story is in the archive (archive/)
SUMMARY_CHARS = 220  # a card's one-line summary is cut at a word boundary near this length
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when present: 10× faster
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_ACTOR_LINK = re.compile(r"\[(\*\*(?:[^*\\]|\\.)+\*\*)\]\(\.\./(actors/[a-z0-9-]+\.md)\)")  # what link_actors writes
# Pagefind's allocator (jemalloc, read through this variable) hands freed pages back at once instead of
# keeping them ~10 s: the same index, ~20% less peak memory (10,000 stories: 849 MB instead of 1,057 MB).
PAGEFIND_ENV = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"}  # a value set by the user wins


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
    url: str | None
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class StoryEntry:
    """What the hub pages (front page, archive, actors, tags, feeds) need of one published story."""

    path: str  # relative to the content folder, with forward slashes
    title: str
    date: dt.date | None
    description: str | None
    outlets: tuple[str, ...]
    actors: tuple[str, ...]  # the first HOME_ACTORS key actors
    id: str | None = None
    cast: tuple[CastMember, ...] = ()
    quotes: tuple[QuoteEntry, ...] = ()
    tags: tuple[str, ...] = ()


def write_briefing(briefing: Briefing, path: Path) -> bool:
    """Write the briefing's page (only if its bytes change); True when written."""
    markdown = render_markdown(briefing)
    problems = check_markdown(markdown)
    if problems:
        raise DigestError(f"refusing to write unsafe Markdown ({problems[0]})", briefing.title)
    return write_if_changed(path, _linked_as_before(markdown, path))


def _linked_as_before(markdown: str, path: Path) -> str:
    """The page with the actor links its present version has: a briefing that did not change is then not
    written here and written back by the hub pages' relinking (link_actors) a moment later."""
    try:
        before = path.read_text(encoding="utf-8")
    except OSError:
        return markdown
    return _link_bold(markdown, dict(_ACTOR_LINK.findall(before)))


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
    """A page's front matter; {} (and a warning naming the page) when it has none or it cannot be read."""
    try:
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        meta = yaml.load(match.group(1), Loader=_YAML_LOADER) if match else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        LOG.warning("%s: front matter unreadable (%s)", path, " ".join(str(err).split())[:120])
        return {}
    if not isinstance(meta, dict):
        LOG.warning("%s: no front matter (a --- block of YAML at the top)", path)
        return {}
    return meta


def list_stories(content_dir: Path, stories_dir: str) -> list[StoryEntry]:
    """Every published story, newest first (undated last), read from the pages' front matter."""
    entries = []
    for path in sorted((content_dir / stories_dir).glob("*.md")):
        meta = read_front_matter(path)
        if not meta or meta.get("redirect"):  # unreadable pages were named by read_front_matter
            continue
        if not meta.get("title"):
            LOG.warning("%s: no title in its front matter; left out of the front page, archive, actor pages "
                        "and feeds (restore it from git, or delete it to have it written again)", path)
            continue
        entries.append(
            StoryEntry(
                path=path.relative_to(content_dir).as_posix(),
                title=str(meta["title"]),
                date=_as_date(meta.get("date")),
                description=str(meta["description"]) if meta.get("description") else None,
                outlets=tuple(sorted({str(s.get("outlet")) for s in _dicts(meta.get("sources")) if s.get("outlet")})),
                actors=tuple(str(a) for a in _list(meta.get("actors")))[:HOME_ACTORS],
                id=_str(meta.get("id")),
                cast=tuple(_cast(meta)),
                quotes=tuple(_quotes(meta)),
                tags=tuple(str(t) for t in _list(meta.get("tags"))),
            )
        )
    return sorted(entries, key=lambda e: (e.date or dt.date.min, e.path), reverse=True)


def write_home(
    content_dir: Path, stories_dir: str, actor_pages: dict[str, str] | None = None,
    stories: list[StoryEntry] | None = None,
) -> bool:
    """The front page: the latest stories (HOME_DAYS, at most HOME_MAX), newest first, grouped by day.

    `actor_pages` maps an actor's name to its page (relative to the content folder), for the key-actor links;
    `stories` saves reading them again when the caller has (list_stories).
    """
    stories = list_stories(content_dir, stories_dir) if stories is None else stories
    latest = latest_stories(stories)
    lines = ["---", "title: Latest briefings", "template: digest-list.html", "hide:", "  - navigation", "---", "",
             "# Latest briefings", ""]
    if not stories:
        lines.append("No briefings yet: add sources to `site_config/digest.yml` and run `nox -s build`.")
    day: object = object()
    for story in latest:
        if story.date != day:
            day = story.date
            lines += [f"## {format_date(story.date) if story.date else 'Undated'}", ""]
        lines += story_card(story, actor_pages or {}, "")
    older = len(stories) - len(latest)
    if stories:
        more = f"{older} older briefing{'s are' if older != 1 else ' is'} in the" if older else "Every briefing is in the"
        lines += ["---", "", f"{more} [archive](archive/index.md), by month.", ""]
    return write_if_changed(content_dir / "index.md", "\n".join(lines).rstrip() + "\n")


def latest_stories(stories: list[StoryEntry]) -> list[StoryEntry]:
    """The stories of the front page: dated within HOME_DAYS of the newest, at most HOME_MAX."""
    newest = next((s.date for s in stories if s.date), None)
    if newest is None:
        return stories[:HOME_MAX]
    since = newest - dt.timedelta(days=HOME_DAYS - 1)
    return [s for s in stories if s.date is None or s.date >= since][:HOME_MAX]


def story_card(story: StoryEntry, actor_pages: dict[str, str], up: str) -> list[str]:
    """A story on a listing: title (h3), date and outlets, a one-line summary, key actors (linked to their pages).

    `up` is the way from the listing page to the content folder ("" or "../").
    """
    count = f"{len(story.outlets) or 1} outlet" + ("s" if len(story.outlets) > 1 else "")
    when = format_date(story.date) if story.date else "Undated"
    item = [f"### [{escape_md(story.title)}]({up}{story.path})", ""]
    item += [f"*{when} · {count}: {escape_md(', '.join(story.outlets) or 'unknown')}*", ""]
    if story.description:
        item += [escape_md(one_line(story.description)), ""]
    if story.actors:
        names = [_linked(a, actor_pages, up) for a in story.actors]
        item += [f"**Key actors:** {', '.join(names)}", ""]
    return item


def one_line(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The text cut at a word boundary near `limit` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _linked(name: str, actor_pages: dict[str, str], up: str) -> str:
    page = actor_pages.get(name)
    return f"[{escape_md(name)}]({up}{page})" if page else escape_md(name)


def link_actors(markdown: str, actor_pages: dict[str, str]) -> str:
    """A briefing with each actor's bold name (render.actor_ref) linked to its page, and no other actor linked.

    Idempotent: earlier links are undone first, so every build relinks the pages against the actors of the day.
    """
    return _link_bold(markdown, {actor_ref(name): page for name, page in actor_pages.items()})


def _link_bold(markdown: str, pages: dict[str, str]) -> str:
    """link_actors with the actors as rendered in bold: each one's bold name → its page."""
    match = FRONT_MATTER.match(markdown)
    head, body = (markdown[: match.end()], markdown[match.end() :]) if match else ("", markdown)
    body = _ACTOR_LINK.sub(lambda m: m.group(1), body)
    if not pages:
        return head + body
    names = re.compile("|".join(re.escape(bold) for bold in sorted(pages, key=len, reverse=True)))
    return head + names.sub(lambda m: f"[{m.group(0)}](../{pages[m.group(0)]})", body)


def build_site(mkdocs_config: Path, site_dir: Path | None = None) -> Path:
    """`mkdocs build --strict` (a warning, such as a broken link, fails it), then the feeds and the search index."""
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
        if "digest" not in config["plugins"]:
            raise BuildError("mkdocs.yml must list the digest plugin under plugins (`- digest`): without it "
                             "Material prints headlines from the sources as HTML", str(mkdocs_config))
        build(config)
    except MkDocsException as err:
        raise BuildError(f"MkDocs build failed: {err}", str(mkdocs_config)) from err
    finally:
        logger.removeHandler(handler)
    out = Path(config["site_dir"])
    docs = Path(config["docs_dir"])
    stories_dir = str(config["extra"].get("stories_dir", "stories"))
    write_feeds(out, config["site_url"], config["site_name"], list_stories(docs, stories_dir))
    if search_engine(config["extra"]) == "pagefind":
        index_with_pagefind(out)
    return out


def build_site_if_changed(mkdocs_config: Path, content_dir: Path, site_dir: Path | None, skip: str) -> Path | None:
    """MkDocs runs only when the pages, the theme or the settings changed since the site was last built
    (`skip`: a folder of content_dir the site is not built from, such as the store)."""
    stamp = _site_stamp(mkdocs_config, content_dir, site_dir, skip)
    marker = (site_dir or mkdocs_config.parent / "site") / ".digest-build"
    if site_dir is None:  # where mkdocs.yml puts the site
        try:
            configured = yaml.load(mkdocs_config.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
        except Exception:
            configured = {}
        marker = mkdocs_config.parent / str(configured.get("site_dir", "site")) / ".digest-build"
    if marker.exists() and marker.read_text() == stamp:
        return None
    built = build_site(mkdocs_config, site_dir)
    (built / ".digest-build").write_text(stamp)
    return built


def _site_stamp(mkdocs_config: Path, content_dir: Path, site_dir: Path | None, skip: str) -> str:
    """Names, sizes and times of everything the site is built from, and the SITE_URL it is built for."""
    digest = hashlib.sha256(f"{os.environ.get('SITE_URL')}|{site_dir}".encode())
    digest.update(Path(mkdocs_plugin.__file__).read_bytes())  # a safer plugin rebuilds sites built before it
    overrides = mkdocs_config.parent / "site_config" / "overrides"
    files = [mkdocs_config, *sorted(content_dir.rglob("*")), *sorted(overrides.rglob("*"))]
    for path in files:
        if path.is_file() and skip not in path.parts:
            info = path.stat()
            digest.update(f"{path}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def search_engine(extra: dict[str, object]) -> str:
    """`extra.search` in mkdocs.yml: "pagefind" (the default) or "material" (Material's built-in search)."""
    return "material" if extra.get("search") == "material" else "pagefind"


def index_with_pagefind(site: Path) -> None:
    """Pagefind's chunked index into site/pagefind/ (pages marked data-pagefind-body: stories and actors)."""
    try:
        import pagefind  # noqa: F401  (only to say clearly when it is missing)
    except ImportError as err:
        raise BuildError("Pagefind is not installed: pip install 'pagefind[bin]' (or set extra.search: material)",
                         str(site)) from err
    done = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"], capture_output=True, text=True,
        env={**PAGEFIND_ENV, **os.environ},
    )
    if done.returncode != 0:
        raise BuildError(f"Pagefind failed: {(done.stderr or done.stdout).strip()[-300:]}", str(site))


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def _cast(meta: dict[str, object]) -> Iterable[CastMember]:
    for item in _dicts(meta.get("cast")):
        if item.get("name"):
            yield CastMember(str(item["name"]), str(item.get("kind") or "person"), _str(item.get("role")))


def _quotes(meta: dict[str, object]) -> Iterable[QuoteEntry]:
    for q in _dicts(meta.get("quotes")):
        yield QuoteEntry(_str(q.get("speaker")), str(q.get("text") or ""), _str(q.get("outlet")),
                         _str(q.get("url")), _as_date(q.get("date")))


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []


def _dicts(value: object) -> Iterable[dict[str, object]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
