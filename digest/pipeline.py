"""The build, step by step: sources → pages → analysed articles → stories → content/ → site/.

Each source that fails is reported and skipped; the rest go on, and the report says what happened.
Articles already analysed (same bytes, same code) are not analysed again, and pages whose bytes
would not change are not rewritten.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .analysis.nlp import check_pipeline
from .analysis.version import analysis_version
from .config import Config, Source
from .errors import DigestError, ExtractError
from .ingest.fetch import Fetcher
from .ingest.identity import source_key
from .ingest.samples import is_sample
from .ingest.sources import read_sources
from .model import Briefing, RawPage
from .publish import Redirect, publish
from .publish.frontmatter import StoryEntry, read_page
from .publish.mkdocs_build import build_site_if_changed
from .runner import article_records
from .store import STATE_DIR, ArticleRecord, Store, StoryRecord
from .stories.assign import assign_stories, missing_pages
from .stories.lifecycle import developing, mark_growth, mark_samples, remove_samples
from .stories.merge import story_briefing


@dataclass
class Report:
    """What a run did: articles analysed or reused, story pages written or unchanged, sources
    skipped or failed."""

    analyzed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    removed: list[str] = field(
        default_factory=list
    )  # pages of sample stories that left the site (no sample page among the sources)
    site_dir: Path | None = (
        None  # where the site was built, if it was (None: unchanged, or not asked for)
    )

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
            + (f", {len(self.removed)} sample story page(s) removed" if self.removed else "")
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
    """Run every stage over the configured and the given sources; build the site from what
    exists."""
    report = Report()

    def handle(err: DigestError) -> None:
        report.error(err)
        if on_error:
            on_error(err)

    check_pipeline(config.analysis.model)  # a missing model stops the run before anything is read
    content_dir = Path(config.output.content_dir)
    with Store.open(content_dir) as store:
        # 1. Sources → raw pages (files read, URLs fetched politely, feeds and sitemaps expanded).
        pages = read_sources(
            (*config.sources, *extra_sources), Fetcher(config.fetch), handle, config.fetch.max_bytes
        )
        # 2. Each page → an analysed article (in parallel), or the stored one if nothing changed.
        version = analysis_version(config.analysis.model)
        fresh: list[ArticleRecord] = []
        samples: set[str] = set()  # the keys of the sample pages this run reads
        pages = _noting_samples(pages, samples)
        for record, reused in article_records(
            progress(pages) if progress else pages, store, version, config, handle
        ):
            (report.reused if reused else report.analyzed).append(
                record.briefing.articles[0].source
            )
            if not reused or store.story_of(record.key) is None:
                fresh.append(record)
        # 3. Sample stories leave once no sample page is among the sources; new articles join the
        # stories they report on, or start new ones.
        report.removed = [] if samples else remove_samples(store, content_dir)
        owner = functools.partial(_page_owner, content_dir)
        assignment = assign_stories(
            fresh, store.stories, store.article, config.output.stories_dir, owner
        )
        earlier = {k for s in store.stories.values() if s.sample for k in s.articles}
        before = dict(store.stories)
        assignment.apply(store.stories)
        mark_growth(store, before)
        mark_samples(store, assignment.touched, samples | earlier)
        touched = assignment.touched | missing_pages(
            store.stories, lambda path: (content_dir / path).exists()
        )
        # 4. Publishing: the index of the stories, then every page that changed, written once with
        # its links.
        changed = {
            store.stories[sid].path: _page(store.stories[sid], store) for sid in sorted(touched)
        }
        by_path = {s.path: s for s in store.stories.values()}
        published = publish(
            content_dir,
            config.output.stories_dir,
            changed,
            lambda path: _briefing(by_path[path], store) if path in by_path else None,
            store.actor_pages,
            handle,
            samples={s.path for s in store.stories.values() if s.sample},
            sources=config.sources,
            developing=developing(store),
            sections=config.front.sections or None,
            front_days=config.front.days,
            lead_stories=config.front.lead,
            related_before=store.related,
        )
        report.written, report.unchanged = published.written, published.unchanged
        stories = published.stories
        store.actor_pages, store.related = published.actor_pages, published.related
        store.save_stories()
    # 5. MkDocs builds the site from content/ (strict: any warning fails).
    if make_site:
        report.site_dir = build_site_if_changed(
            Path(config.output.mkdocs_config), content_dir, site_dir, STATE_DIR, stories
        )
    return report


def _noting_samples(pages: Iterable[RawPage], samples: set[str]) -> Iterator[RawPage]:
    """The pages, each sample page's key noted in `samples` as it goes by (before analysis: a
    sample page that fails still counts as read)."""
    for page in pages:
        if is_sample(page):
            samples.add(source_key(page))
        yield page


def _page(story: StoryRecord, store: Store) -> Briefing | Redirect:
    """What a story's page shows: its briefing, or (merged into another) where it went."""
    if story.merged_into:
        first = store.article(story.articles[0])
        return Redirect(
            first.briefing.title if first else story.id, store.stories[story.merged_into].path
        )
    return _briefing(story, store)


def _briefing(story: StoryRecord, store: Store) -> Briefing:
    return story_briefing([r for key in story.articles if (r := store.article(key))], story.id)


def _page_owner(content_dir: Path, path: str) -> str | None:
    """The id of the story on the page at `path` ("" if it has none or cannot be read; None: no
    page)."""
    page = content_dir / path
    if not page.exists():
        return None
    try:
        entry = read_page(page, content_dir)
    except DigestError:
        return ""
    return (entry.id or "") if isinstance(entry, StoryEntry) else ""
