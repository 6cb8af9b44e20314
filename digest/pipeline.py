"""The build, step by step: sources → pages → articles → briefings → content/ → site/.

Each source that fails is reported and skipped; the rest go on, and the report says what happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .brief import brief_article
from .config import Config, Source
from .errors import DigestError, ExtractError
from .extract import extract_article
from .fetch import Fetcher
from .ingest import read_sources
from .model import Briefing, RawPage
from .nlp import load_pipeline
from .site import build_site, write_briefing, write_home


@dataclass
class Report:
    """What a run did to each source: done (written or unchanged), skipped (no article), failed."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    site_dir: Path | None = None  # where the site was built, if it was

    def error(self, err: DigestError) -> None:
        where = self.skipped if isinstance(err, ExtractError) else self.failed
        where.append((err.source or "?", str(err.args[0]) if err.args else str(err)))

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        done = len(self.written) + len(self.unchanged)
        return (
            f"{done} briefing(s) done ({len(self.written)} written, {len(self.unchanged)} unchanged), "
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

    load_pipeline(config.analysis.model)  # a missing model stops the run before anything is read
    # 1. Sources → raw pages (files read, URLs fetched politely, feeds and sitemaps expanded).
    sources = (*config.sources, *extra_sources)
    fetcher = Fetcher(config.fetch)
    pages = read_sources(sources, fetcher, handle, config.fetch.max_bytes)
    content_dir = Path(config.output.content_dir)
    # 2–4. Each page → article → briefing → its Markdown page in content/.
    for page in progress(pages) if progress else pages:
        try:
            briefing = analyze_page(page, config)
            _, changed = write_briefing(briefing, content_dir, config.output.stories_dir)
        except DigestError as err:
            handle(err)
            continue
        (report.written if changed else report.unchanged).append(page.source)
    # 5. The home page lists every story published so far, newest first.
    write_home(content_dir, config.output.stories_dir)
    # 6. MkDocs builds the site from content/ (strict: any warning fails).
    if make_site:
        report.site_dir = build_site(Path(config.output.mkdocs_config), site_dir)
    return report


def analyze_page(page: RawPage, config: Config, published: dt.date | None = None) -> Briefing:
    """One page → its briefing (extraction, then analysis)."""
    article = extract_article(page, published)
    return brief_article(article, config.analysis.model, config.analysis.summary_sentences)
