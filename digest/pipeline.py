"""The build, step by step: sources → pages → analysed articles → stories → content/ → site/.

Each source that fails is reported and skipped; the rest go on, and the report says what happened.
Articles already analysed (same bytes, same code) are not analysed again, and pages whose bytes would not
change are not rewritten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .analyze import analysis_version, article_records
from .assign import assign_stories, missing_pages
from .config import Config, Source
from .errors import DigestError, ExtractError
from .fetch import Fetcher
from .hubs import write_hubs
from .ingest import read_sources
from .merge import merge_briefings
from .model import RawPage
from .nlp import check_pipeline
from .site import build_site_if_changed, write_briefing, write_redirect
from .store import STATE_DIR, ArticleRecord, Store, StoryRecord
from .stories import idf_table, shared_terms


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
        for record, reused in article_records(progress(pages) if progress else pages, store, version, config, handle):
            (report.reused if reused else report.analyzed).append(record.briefing.articles[0].source)
            if not reused or store.story_of(record.key) is None:
                fresh.append(record)
        # 3. New articles join the stories they report on, or start new ones.
        touched = assign_stories(fresh, store, config.output.stories_dir, content_dir)
        touched |= missing_pages(store, content_dir)  # a story page deleted by hand is written again
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
        report.site_dir = build_site_if_changed(Path(config.output.mkdocs_config), content_dir, site_dir, STATE_DIR)
    return report


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
