"""Pages → briefings: extraction, then analysis, in the configured executor, a few pages to a task.

A page analysed before (same bytes, same analysis code, same model) is not analysed again: its stored
record is used. `analysis_version` says what "the same code" means.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import hashlib
import itertools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from .brief import brief_article, brief_articles
from .config import Config
from .errors import DigestError, ExtractError
from .executor import make_executor, map_bounded
from .extract import extract_article, load_language_model
from .model import Article, Briefing, RawPage
from .nlp import load_pipeline
from .store import ArticleRecord, Store, story_id, without_text
from .stories import Fingerprint, canonical_url, fingerprint, group_fingerprints

T = TypeVar("T")
R = TypeVar("R")
BATCH_PAGES = 4  # pages a task analyses together: spaCy parses 4 texts at once ~15% faster than one by one
ANALYSIS_CODE = ("brief", "extract.py", "nlp.py", "attribute_rules.py", "stories.py", "model.py")  # what an analysis depends on


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


def article_records(
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
