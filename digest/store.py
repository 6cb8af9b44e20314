"""What Digest remembers between runs, kept in content/.digest/ (MkDocs ignores dot-folders).

    content/.digest/articles/ab/<key hash>.json   one per article: its analysis and fingerprint
    content/.digest/skipped/ab/<key hash>.json    pages that hold no article to brief, and why
    content/.digest/stories.json                  story id → page path, member articles, merges,
                                                  which stories grew in the latest update, and
                                                  what the story pages last showed (actor pages,
                                                  related stories)
    content/.digest/lock                          held while a run writes

Article records let a re-run skip articles it has already analysed (same bytes, same code), and let
a new article join a story published days ago without the old pages being fetched again. A record
keeps no article text: only the sentences a page may show (summary, quotes, dated sentences, and a
few more that give facts), and every sentence's evidence as hashed words and numbers
(analysis/evidence.py), which tells what only one outlet of a story carries.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from .analysis.fingerprint import Fingerprint
from .errors import DigestError
from .files import remove_temporaries, write_if_changed
from .model import Actor, Article, Briefing, Quote, TimeRef

LOG = logging.getLogger("digest")
T = TypeVar("T", Actor, Quote, TimeRef)

STATE_DIR = ".digest"


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """One analysed article: its single-article briefing (without the text) and its fingerprint."""

    key: str  # canonical URL, or file:<path> for a file without one
    content_hash: str  # of the page's bytes
    version: str  # of the analysis code and model
    briefing: Briefing
    fingerprint: Fingerprint


@dataclass(frozen=True, slots=True)
class StoryRecord:
    id: str
    path: str  # of its page, relative to the content folder; never changes
    articles: tuple[str, ...]  # article keys, in the order they joined
    merged_into: str | None = (
        None  # set when this story was merged into another: its page redirects
    )
    latest: str | None = (
        None  # ISO date of its newest article: old stories are not compared with new articles
    )
    sample: bool = False  # made of Digest's sample articles only (ingest/samples.py)
    grew: int = 0  # the update (Store.update) in which it last gained articles; 0: never
    gained: int = 0  # how many articles it gained then


class StoryIndex(dict[str, StoryRecord]):
    """Story id → StoryRecord, kept with an index article key → live story (so lookups stay
    O(1))."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._by_article: dict[str, str] = {}
        for story in self.values():
            self._add(story)

    def __setitem__(self, sid: str, story: StoryRecord) -> None:
        old = self.get(sid)
        if old is not None:
            for key in old.articles:
                if self._by_article.get(key) == sid:
                    del self._by_article[key]
        super().__setitem__(sid, story)
        self._add(story)

    def __delitem__(self, sid: str) -> None:
        for key in self[sid].articles:
            if self._by_article.get(key) == sid:
                del self._by_article[key]
        super().__delitem__(sid)

    def _add(self, story: StoryRecord) -> None:
        if story.merged_into is None:
            self._by_article.update(dict.fromkeys(story.articles, story.id))

    def story_of(self, key: str) -> StoryRecord | None:
        sid = self._by_article.get(key)
        return self[sid] if sid is not None else None


@dataclass
class Store:
    folder: Path
    stories: StoryIndex = field(default_factory=StoryIndex)
    actor_pages: dict[str, str] | None = (
        None  # actor name → page, as the story pages last published link them
    )
    related: dict[str, list[str]] | None = (
        None  # story page → the story pages it lists as related, as last published
    )
    # runs that changed which articles make which story, counted: a story "develops" when it
    # gained articles in the latest of them (a run with nothing new changes no mark)
    update: int = 0
    _lock: Any = None

    @classmethod
    def open(cls, content_dir: Path) -> Store:
        store = cls(content_dir / STATE_DIR)
        store.folder.mkdir(parents=True, exist_ok=True)
        store._acquire()
        remove_temporaries(content_dir)  # left by a run that was killed while writing
        path = store.folder / "stories.json"
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as err:
                store.close()
                raise DigestError(
                    f"cannot read the story index ({err}); restore it from git", str(path)
                ) from err
            store.stories = StoryIndex(
                {
                    s["id"]: StoryRecord(
                        s["id"],
                        s["path"],
                        tuple(s["articles"]),
                        s.get("merged_into"),
                        s.get("latest"),
                        s.get("sample") is True,
                        _count(s.get("grew")),
                        _count(s.get("gained")),
                    )
                    for s in data.get("stories", [])
                }
            )
            store.update = _count(data.get("update"))
            pages = data.get("actor_pages")
            store.actor_pages = (
                {str(k): str(v) for k, v in pages.items()} if isinstance(pages, dict) else None
            )
            related = data.get("related")
            store.related = (
                {str(k): [str(p) for p in v] for k, v in related.items() if isinstance(v, list)}
                if isinstance(related, dict)
                else None
            )
        return store

    def _acquire(self) -> None:
        handle = open(self.folder / "lock", "a+")  # noqa: SIM115 (held until close)
        # a POSIX record lock: freed when this process dies, and not inherited by worker processes
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise DigestError(
                f"another digest run (pid {holder}) is writing here; wait for it to finish",
                str(self.folder),
            ) from err
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._lock = handle

    def close(self) -> None:
        if self._lock is not None:
            fcntl.lockf(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------------------------

    def _article_path(self, key: str) -> Path:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.folder / "articles" / digest[:2] / f"{digest}.json"

    def article(self, key: str) -> ArticleRecord | None:
        """The stored analysis of a page; None when there is none or it cannot be read (then the
        page is analysed again, and a record that exists but is damaged is reported in one line)."""
        path = self._article_path(key)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        try:
            return checked(record_from_dict(json.loads(text)))
        except OlderFormat:
            return None  # written by an older Digest: analysed again, nothing to report
        except (ValueError, KeyError, TypeError, AttributeError, IndexError) as err:
            problem = f"{type(err).__name__}: {err}"[:120]
            LOG.warning(
                "%s: stored analysis unreadable (%s); analysing the page again", path, problem
            )
            return None

    def put_article(self, record: ArticleRecord) -> None:
        text = json.dumps(record_to_dict(record), ensure_ascii=False, sort_keys=True)
        write_if_changed(self._article_path(record.key), text)

    def put_skip(self, key: str, content_hash: str, version: str, reason: str) -> None:
        """Remember that this page (these bytes, this code) holds no article to brief, and why."""
        data = {"key": key, "content_hash": content_hash, "version": version, "reason": reason}
        write_if_changed(self._skip_path(key), json.dumps(data, ensure_ascii=False, sort_keys=True))

    def skip_reason(self, key: str, content_hash: str, version: str) -> str | None:
        try:
            data = json.loads(self._skip_path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        same = data.get("content_hash") == content_hash and data.get("version") == version
        return str(data.get("reason")) if same else None

    def forget_article(self, key: str) -> None:
        """Delete what is stored of an article (its story has left the site)."""
        self._article_path(key).unlink(missing_ok=True)
        self._skip_path(key).unlink(missing_ok=True)

    def _skip_path(self, key: str) -> Path:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.folder / "skipped" / digest[:2] / f"{digest}.json"

    # -- stories ----------------------------------------------------------------------------------

    def story_of(self, key: str) -> StoryRecord | None:
        return self.stories.story_of(key)

    def save_stories(self) -> None:
        data: dict[str, Any] = {
            "stories": [
                {
                    "id": s.id,
                    "path": s.path,
                    "articles": list(s.articles),
                    "merged_into": s.merged_into,
                    "latest": s.latest,
                    **({"sample": True} if s.sample else {}),
                    **({"grew": s.grew, "gained": s.gained} if s.grew else {}),
                }
                for s in sorted(self.stories.values(), key=lambda s: s.path)
            ]
        }
        if self.update:
            data["update"] = self.update
        if self.actor_pages is not None:
            data["actor_pages"] = dict(sorted(self.actor_pages.items()))
        if self.related is not None:
            data["related"] = dict(sorted(self.related.items()))
        write_if_changed(
            self.folder / "stories.json", json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        )


def _count(value: Any) -> int:
    """A stored counter; anything but a whole number ≥ 0 (a hand edit) counts as 0."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


# -- JSON codec of the model values ---------------------------------------------------------------

# 6: facts and sentence keys; 5: interrupted quotes joined; 4: fragments' sentence; 3: evidence;
# 2: named fields
RECORD_FORMAT = 6
FIELDS: dict[
    type, tuple[str, ...]
] = {  # what is stored of each value, by name: reordering a class is safe
    Actor: ("name", "kind", "role", "aliases", "mentions"),
    Quote: ("text", "speaker", "start", "end", "evidence", "context", "joined"),
    TimeRef: ("expression", "value", "start", "end", "event"),
}


class OlderFormat(ValueError):
    """A record written by an older Digest: not damaged, just analysed again."""


def _encode(value: Actor | Quote | TimeRef) -> dict[str, Any]:
    return {
        name: (list(v) if isinstance(v := getattr(value, name), tuple) else v)
        for name in FIELDS[type(value)]
    }


def _decode(cls: type[T], data: dict[str, Any]) -> T:
    values: dict[str, Any] = {
        name: (tuple(v) if isinstance(v := data[name], list) else v) for name in FIELDS[cls]
    }
    return cls(**values)


def record_to_dict(record: ArticleRecord) -> dict[str, Any]:
    b = record.briefing
    return {
        "key": record.key,
        "content_hash": record.content_hash,
        "version": record.version,
        "article": _article_dict(b.articles[0]),
        "id": b.id,
        "summary": list(b.summary),
        "tags": list(b.tags),
        "actors": [_encode(a) for a in b.actors],
        "quotes": [_encode(q) for q in b.quotes],
        "timeline": [_encode(t) for t in b.timeline],
        "lead_actor": b.lead_actor,
        "facts": list(b.facts),
        "sentence_keys": list(b.sentence_keys),
        "fingerprint": record.fingerprint.to_dict(),
        "format": RECORD_FORMAT,
    }


def record_from_dict(data: dict[str, Any]) -> ArticleRecord:
    if data.get("format") != RECORD_FORMAT:
        raise OlderFormat(f"record format {data.get('format', 1)}")
    a = data["article"]
    article = Article(
        source=a["source"],
        title=a["title"],
        text="",
        url=a["url"],
        author=a["author"],
        site=a["site"],
        language=a["language"],
        published=dt.date.fromisoformat(a["published"]) if a["published"] else None,
    )
    briefing = Briefing(
        id=data["id"],
        title=article.title,
        published=article.published,
        articles=(article,),
        summary=tuple(data["summary"]),
        tags=tuple(data["tags"]),
        actors=tuple(_decode(Actor, x) for x in data["actors"]),
        quotes=tuple(_decode(Quote, x) for x in data["quotes"]),
        timeline=tuple(_decode(TimeRef, x) for x in data["timeline"]),
        lead_actor=data.get("lead_actor"),
        facts=tuple(data["facts"]),
        sentence_keys=tuple(data["sentence_keys"]),
    )
    return ArticleRecord(
        data["key"],
        data["content_hash"],
        data["version"],
        briefing,
        Fingerprint.from_dict(data["fingerprint"]),
    )


def checked(record: ArticleRecord) -> ArticleRecord:
    """The record, when every value has the type it was written with (a damaged file raises
    TypeError)."""
    b, a = record.briefing, record.briefing.articles[0]
    texts = [
        record.key,
        record.content_hash,
        record.version,
        b.id,
        a.source,
        a.title,
        *b.summary,
        *b.tags,
        *b.facts,
        *b.sentence_keys,
    ]
    texts += [x for actor in b.actors for x in (actor.name, actor.kind, *actor.aliases)]
    texts += [q.text for q in b.quotes] + [
        x for t in b.timeline for x in (t.expression, t.value, t.event)
    ]
    optional = [a.url, a.author, a.site, a.language, b.lead_actor] + [
        actor.role for actor in b.actors
    ]
    optional += [x for q in b.quotes for x in (q.speaker, q.evidence, q.context, q.joined)]
    spans: list[Quote | TimeRef] = [*b.quotes, *b.timeline]
    numbers = [actor.mentions for actor in b.actors] + [n for x in spans for n in (x.start, x.end)]
    if not (
        all(isinstance(x, str) for x in texts)
        and all(x is None or isinstance(x, str) for x in optional)
        and all(isinstance(n, int) and not isinstance(n, bool) for n in numbers)
    ):
        raise TypeError("a value of the wrong type")
    return record


def _article_dict(a: Article) -> dict[str, Any]:
    return {
        "source": a.source,
        "title": a.title,
        "url": a.url,
        "author": a.author,
        "site": a.site,
        "language": a.language,
        "published": a.published.isoformat() if a.published else None,
    }


def without_text(briefing: Briefing) -> Briefing:
    """The briefing as stored: the article text is not kept (it is the publisher's, and large)."""
    return replace(briefing, articles=tuple(replace(a, text="") for a in briefing.articles))
