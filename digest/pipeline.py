"""The build, step by step: sources → pages → analysed articles → stories → content/ → site/.

Each source that fails is reported and skipped; the rest go on, and the report says what happened.
Articles already analysed (same bytes, same code) are not analysed again, and pages whose bytes would not
change are not rewritten.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import hashlib
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from . import mkdocs_plugin
from .brief import brief_article, brief_articles
from .config import Config, Source
from .errors import DigestError, ExtractError
from .executor import make_executor, map_bounded
from .extract import extract_article, load_language_model
from .fetch import Fetcher
from .hubs import write_hubs
from .ingest import read_sources
from .merge import merge_briefings
from .model import Article, Briefing, RawPage
from .nlp import check_pipeline, load_pipeline
from .site import build_site, new_story_path, read_front_matter, write_briefing, write_redirect
from .store import STATE_DIR, ArticleRecord, Store, StoryRecord, story_id, without_text
from .stories import Fingerprint, canonical_url, fingerprint, group_fingerprints, idf_table, shared_terms

T = TypeVar("T")
R = TypeVar("R")
CANDIDATE_DAYS = 7  # stored stories younger than this (around the new articles' dates) may take new articles
BATCH_PAGES = 4  # pages a task analyses together: spaCy parses 4 texts at once ~15% faster than one by one
ANALYSIS_CODE = ("brief", "extract.py", "nlp.py", "attribute_rules.py", "stories.py", "model.py")  # what an analysis depends on


@dataclass
class Report:
    """What a run did: articles analysed or reused, story pages written or unchanged, sources skipped or failed."""

    analyzed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    site_dir: Path | None = None  # where the site was built, if it was (None: unchanged, or not asked for)

    def error(self, err: DigestError) -> None:
        where = self.skipped if isinstance(err, ExtractError) else self.failed
        where.append((err.source or "?", str(err.args[0]) if err.args else str(err)))

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.analyzed) + len(self.reused)} article(s) ({len(self.analyzed)} analysed, "
            f"{len(self.reused)} unchanged), {len(self.written)} story page(s) written, "
            f"{len(self.skipped)} skipped, {len(self.failed)} failed"
        )


Progress = Callable[[Iterable[RawPage]], Iterator[RawPage]]


def run_build(
    config: Config,
    extra_sources: Iterable[Source] = (),
    *,
    make_site: bool = True,
    site_dir: Path | None = None,
    on_error: Callable[[DigestError], None] | None = None,
    progress: Progress | None = None,
) -> Report:
    """Run every stage over the configured and the given sources; build the site from what exists."""
    report = Report()

    def handle(err: DigestError) -> None:
        report.error(err)
        if on_error:
            on_error(err)

    check_pipeline(config.analysis.model)  # a missing model stops the run before anything is read
    content_dir = Path(config.output.content_dir)
    with Store.open(content_dir) as store:
        # 1. Sources → raw pages (files read, URLs fetched politely, feeds and sitemaps expanded).
        pages = read_sources((*config.sources, *extra_sources), Fetcher(config.fetch), handle, config.fetch.max_bytes)
        # 2. Each page → an analysed article (in parallel), or the stored analysis when nothing changed.
        version = analysis_version(config.analysis.model)
        fresh: list[ArticleRecord] = []
        for record, reused in _article_records(progress(pages) if progress else pages, store, version, config, handle):
            (report.reused if reused else report.analyzed).append(record.briefing.articles[0].source)
            if not reused or store.story_of(record.key) is None:
                fresh.append(record)
        # 3. New articles join the stories they report on, or start new ones.
        touched = assign_stories(fresh, store, config.output.stories_dir, content_dir)
        touched |= _missing_pages(store, content_dir)  # a story page deleted by hand is written again
        # 4. The pages of the stories that changed are written again (only if their bytes change).
        for sid in sorted(touched):
            story = store.stories[sid]
            try:
                changed = _write_story_page(story, store, content_dir)
            except DigestError as err:
                handle(err)
                continue
            (report.written if changed else report.unchanged).append(story.path)
        store.save_stories()
    # 5. The hub pages (front page, archive, actors, tags) from the stories' front matter; actor names linked.
    write_hubs(content_dir, config.output.stories_dir)
    # 6. MkDocs builds the site from content/ (strict: any warning fails).
    if make_site:
        report.site_dir = _build_site_if_changed(Path(config.output.mkdocs_config), content_dir, site_dir)
    return report


def _missing_pages(store: Store, content_dir: Path) -> set[str]:
    return {sid for sid, story in store.stories.items()
            if story.merged_into is None and not (content_dir / story.path).exists()}


def _build_site_if_changed(mkdocs_config: Path, content_dir: Path, site_dir: Path | None) -> Path | None:
    """MkDocs runs only when the pages, the theme or the settings changed since the site was last built."""
    stamp = _site_stamp(mkdocs_config, content_dir, site_dir)
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


def _site_stamp(mkdocs_config: Path, content_dir: Path, site_dir: Path | None) -> str:
    """Names, sizes and times of everything the site is built from, and the SITE_URL it is built for."""
    digest = hashlib.sha256(f"{os.environ.get('SITE_URL')}|{site_dir}".encode())
    digest.update(Path(mkdocs_plugin.__file__).read_bytes())  # a safer plugin rebuilds sites built before it
    overrides = mkdocs_config.parent / "site_config" / "overrides"
    files = [mkdocs_config, *sorted(content_dir.rglob("*")), *sorted(overrides.rglob("*"))]
    for path in files:
        if path.is_file() and STATE_DIR not in path.parts:
            info = path.stat()
            digest.update(f"{path}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def analyze_page(page: RawPage, config: Config, published: dt.date | None = None) -> Briefing:
    """One page → its briefing (extraction, then analysis); pages in other languages are skipped."""
    article = _extract(page, config, published)
    return brief_article(article, config.analysis.model, config.analysis.summary_sentences, story_id(source_key(page)))


def analyze_pages(
    pages: Iterable[RawPage], config: Config, finish: Callable[[RawPage, Briefing], R], published: dt.date | None = None
) -> Iterator[tuple[RawPage, R | DigestError]]:
    """Many pages → `finish(page, briefing)` of each, or the error that stopped it, in input order.

    Pages go to the configured executor (a process pool by default) a few at a time: each task extracts its
    pages and parses their texts as one spaCy batch. `finish` runs in the worker, so it can shrink what is
    sent back; it must be a module-level function (or a partial of one) so that it can be pickled.
    """
    load_pipeline(config.analysis.model)  # before the pool forks, so workers share the loaded models
    load_language_model()
    executor, workers = make_executor(config.analysis.executor, config.analysis.workers)
    work = functools.partial(analyze_batch, config=config, finish=finish, published=published)
    with executor:
        for batch, future in map_bounded(executor, work, _batches(pages, BATCH_PAGES), workers):
            yield from zip(batch, future.result(), strict=True)


def analyze_batch(
    pages: Sequence[RawPage], config: Config, finish: Callable[[RawPage, Briefing], R], published: dt.date | None = None
) -> list[R | DigestError]:
    """The work of one task: each page extracted (or its error kept), then the articles briefed together."""
    extracted: list[Article | DigestError] = []
    for page in pages:
        try:
            extracted.append(_extract(page, config, published))
        except DigestError as err:
            extracted.append(err)
    found = [(page, a) for page, a in zip(pages, extracted) if isinstance(a, Article)]
    briefings = iter(brief_articles([a for _, a in found], config.analysis.model, config.analysis.summary_sentences,
                                    [story_id(source_key(page)) for page, _ in found]))
    return [a if isinstance(a, DigestError) else finish(page, next(briefings)) for page, a in zip(pages, extracted)]


def briefing_of(_: RawPage, briefing: Briefing) -> Briefing:
    """`finish` for analyze_pages: the whole briefing."""
    return briefing


def _extract(page: RawPage, config: Config, published: dt.date | None) -> Article:
    article = extract_article(page, published)
    languages = config.analysis.languages
    if languages and article.language not in languages:
        raise ExtractError(
            f"written in {article.language or 'an unknown language'!r}, not in analysis.languages "
            f"({', '.join(languages)}): skipped; add the language there to brief it anyway",
            page.source,
        )
    return article


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def group_pages(
    pages: Iterable[RawPage], config: Config, on_error: Callable[[DigestError], None]
) -> list[dict[str, Any]]:
    """`digest stories`: the pages grouped into stories, each page (as given) in exactly one."""
    analysed: list[tuple[str, str, Fingerprint]] = []
    for page, result in analyze_pages(pages, config, fingerprint_of):
        if isinstance(result, DigestError):
            on_error(result)
            continue
        analysed.append((page.source, source_key(page), result))
    groups = group_fingerprints([fp for _, _, fp in analysed])
    return [
        {"id": story_id(analysed[g[0]][1]), "title": analysed[g[0]][2].title, "articles": [analysed[i][0] for i in g]}
        for g in groups
    ]


def fingerprint_of(_: RawPage, briefing: Briefing) -> Fingerprint:
    """`finish` for analyze_pages: what grouping needs of a briefing."""
    return fingerprint(briefing.articles[0], briefing.actors, briefing.lead_actor)


def source_key(page: RawPage) -> str:
    """How an article is known between runs: its canonical URL, or its file path."""
    if page.url:
        return canonical_url(page.url)
    return "file:" + Path(os.path.normpath(page.source)).as_posix()


def analysis_version(model: str) -> str:
    """Changes when the analysis code or the model does, so stored analyses are redone; not when only
    comments, docstrings or layout change (the code is compared as parsed)."""
    digest = hashlib.sha256(model.encode())
    root = Path(__file__).parent
    for name in ANALYSIS_CODE:
        for path in sorted((root / name).rglob("*.py")) if (root / name).is_dir() else [root / name]:
            digest.update(_code_of(path).encode())
    return digest.hexdigest()[:16]


def _code_of(path: Path) -> str:
    """A module's syntax tree without its docstrings, as text."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)):
            node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree)


def _article_records(
    pages: Iterable[RawPage], store: Store, version: str, config: Config, handle: Callable[[DigestError], None]
) -> Iterator[tuple[ArticleRecord, bool]]:
    """Stored records for unchanged pages; the others analysed by the configured executor, in input order."""

    def pages_to_analyse() -> Iterator[RawPage]:
        for page in pages:
            key, content_hash = source_key(page), _hash(page)
            known = store.article(key)
            skipped = store.skip_reason(key, content_hash, version)
            if known and known.content_hash == content_hash and known.version == version:
                reused.append(known)  # handed out as soon as the loop below comes round
            elif skipped:  # skipped before for a reason that has not changed (no article, other language)
                handle(ExtractError(skipped, page.source))
            else:
                yield page

    reused: list[ArticleRecord] = []
    todo = pages_to_analyse()
    first = next(todo, None)
    if first is None:  # nothing new: no model to load, no workers to start
        yield from ((record, True) for record in _drain(reused))
        return
    finish = functools.partial(article_record, version=version)
    for page, result in analyze_pages(itertools.chain([first], todo), config, finish):
        yield from ((record, True) for record in _drain(reused))
        if isinstance(result, DigestError):
            if isinstance(result, ExtractError):
                store.put_skip(source_key(page), _hash(page), version, str(result.args[0]))
            handle(result)
            continue
        store.put_article(result)
        yield result, False
    yield from ((record, True) for record in _drain(reused))


def _drain(items: list[ArticleRecord]) -> list[ArticleRecord]:
    taken = items[:]
    items.clear()
    return taken


def article_record(page: RawPage, briefing: Briefing, version: str) -> ArticleRecord:
    """`finish` for the build (runs in a worker): what is stored of an article; its text is not kept."""
    article_fingerprint = fingerprint(briefing.articles[0], briefing.actors, briefing.lead_actor)
    return ArticleRecord(source_key(page), _hash(page), version, without_text(briefing), article_fingerprint)


def _hash(page: RawPage) -> str:
    return hashlib.sha256(page.content).hexdigest()


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


def _write_story_page(story: StoryRecord, store: Store, content_dir: Path) -> bool:
    if story.merged_into:
        target = store.stories[story.merged_into]
        first = store.article(story.articles[0])
        title = first.briefing.title if first else story.id
        return write_redirect(content_dir / story.path, title, content_dir / target.path)
    records = [r for key in story.articles if (r := store.article(key))]
    fingerprints = [r.fingerprint for r in records]
    terms = shared_terms(fingerprints[0], fingerprints[1], idf_table(fingerprints)) if len(records) > 1 else []
    briefing = merge_briefings([r.briefing for r in records], story.id, terms)
    return write_briefing(briefing, content_dir / story.path)


