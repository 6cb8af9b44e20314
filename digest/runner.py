"""Many pages analysed in the configured executor (a process pool by default), a few pages to a
task.

A page analysed before (same bytes, same analysis code, same model) is not analysed again: its
stored record is used (analysis/version.py says what "the same code" means).
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import hashlib
import itertools
import json
import os
import resource
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .analysis.fingerprint import Fingerprint
from .analysis.nlp import bounded_vocabulary, cache_sizes, load_pipeline
from .analysis.page import analyze_batch, fingerprint_of
from .config import Config
from .errors import DigestError, ExtractError
from .executor import make_executor, map_bounded
from .ingest.extract import load_language_model
from .ingest.identity import source_key, story_id
from .model import Briefing, RawPage
from .store import ArticleRecord, Store, without_text
from .stories.grouping import group_fingerprints

T = TypeVar("T")
R = TypeVar("R")
BATCH_PAGES = (
    4  # pages a task analyses together: spaCy parses 4 texts at once ~15% faster than one by one
)
MEMORY_REPORT = "DIGEST_MEMORY_REPORT"  # a folder: each worker writes its cache sizes there (bench)
REPORT_EVERY = 10  # tasks: counting the lexemes takes ~50 ms at 100,000


def analyze_pages(
    pages: Iterable[RawPage],
    config: Config,
    finish: Callable[[RawPage, Briefing], R],
    published: dt.date | None = None,
) -> Iterator[tuple[RawPage, R | DigestError]]:
    """Many pages → `finish(page, briefing)` of each, or the error that stopped it, in input order.

    Pages go to the configured executor (a process pool by default) a few at a time: each task
    extracts its pages and parses their texts as one spaCy batch. `finish` runs in the worker, so it
    can shrink what is sent back; it must be a module-level function (or a partial of one) so that
    it can be pickled.
    """
    load_pipeline(
        config.analysis.model
    )  # before the pool forks, so workers share the loaded models
    load_language_model()
    executor, workers = make_executor(config.analysis.executor, config.analysis.workers)
    work: Callable[[list[RawPage]], list[R | DigestError]] = functools.partial(
        analyze_bounded, config=config, finish=finish, published=published
    )
    if os.environ.get(MEMORY_REPORT):
        work = functools.partial(_reported, work=work, model=config.analysis.model)
    # the loaded models out of the collector's sight: the workers' full collections then walk only
    # what their tasks made, so they come often and cheap, and garbage does not pile up between
    # them (tests/bench.py --memory: peak 606 → 574 MB over 2,000 pages of new words)
    freeze = config.analysis.executor == "process"
    if freeze:
        gc.collect()
        gc.freeze()
    try:
        with executor:
            for batch, future in map_bounded(executor, work, _batches(pages, BATCH_PAGES), workers):
                yield from zip(batch, future.result(), strict=True)
    finally:
        if freeze:
            gc.unfreeze()


def briefing_of(_: RawPage, briefing: Briefing) -> Briefing:
    """`finish` for analyze_pages: the whole briefing."""
    return briefing


def analyze_bounded(
    pages: list[RawPage],
    config: Config,
    finish: Callable[[RawPage, Briefing], R],
    published: dt.date | None = None,
) -> list[R | DigestError]:
    """The work of one task (analyze_batch), the words it adds to the vocabulary dropped after it
    once the process holds PERMANENT_WORDS (nlp.bounded_vocabulary): `finish` runs inside, so
    what it returns must hold no spaCy object."""
    with bounded_vocabulary(config.analysis.model):
        return analyze_batch(pages, config, finish, published)


_tasks_done = 0  # in this process, for the memory report


def _reported(batch: list[RawPage], work: Callable[[list[RawPage]], T], model: str) -> T:
    """`work(batch)`, then, after its first task and every REPORT_EVERY tasks, this process's
    cache sizes, task count and memory written to DIGEST_MEMORY_REPORT/<pid>.json (a debug
    hook: tests/bench.py reads it)."""
    global _tasks_done
    result = work(batch)
    _tasks_done += 1
    if _tasks_done % REPORT_EVERY != 1:
        return result
    report = cache_sizes(model) | {
        "pid": os.getpid(),
        "tasks": _tasks_done,
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if os.path.exists("/proc/self/statm"):  # Linux: the resident memory now, not the peak
        with open("/proc/self/statm") as statm:
            resident = int(statm.read().split()[1])
        report["rss_mb"] = round(resident * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)
    folder = os.environ[MEMORY_REPORT]
    with open(os.path.join(folder, f"{os.getpid()}.json"), "w") as out:
        json.dump(report, out)
    return result


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
        {
            "id": story_id(analysed[g[0]][1]),
            "title": analysed[g[0]][2].title,
            "articles": [analysed[i][0] for i in g],
        }
        for g in groups
    ]


def article_records(
    pages: Iterable[RawPage],
    store: Store,
    version: str,
    config: Config,
    handle: Callable[[DigestError], None],
) -> Iterator[tuple[ArticleRecord, bool]]:
    """Stored records for unchanged pages; the others analysed by the configured executor, in input
    order."""

    def pages_to_analyse() -> Iterator[RawPage]:
        for page in pages:
            key, content_hash = source_key(page), _hash(page)
            known = store.article(key)
            skipped = store.skip_reason(key, content_hash, version)
            if known and known.content_hash == content_hash and known.version == version:
                reused.append(known)  # handed out as soon as the loop below comes round
            elif (
                skipped
            ):  # skipped before for a reason that has not changed (no article, other language)
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
    """`finish` for the build (runs in a worker): what is stored of an article; its text is not
    kept."""
    return ArticleRecord(
        source_key(page),
        _hash(page),
        version,
        without_text(briefing),
        fingerprint_of(page, briefing),
    )


def _hash(page: RawPage) -> str:
    return hashlib.sha256(page.content).hexdigest()
