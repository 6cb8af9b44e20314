"""One page → its briefing: extraction (trafilatura), then the analysis of the article; a few pages
at a time, because spaCy parses a batch of texts faster than the same texts one by one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TypeVar

from ..config import Config
from ..errors import DigestError, ExtractError
from ..ingest.extract import extract_article
from ..ingest.identity import source_key, story_id
from ..model import Article, Briefing, RawPage
from .brief import brief_article, brief_articles
from .fingerprint import Fingerprint, fingerprint

R = TypeVar("R")


def analyze_page(page: RawPage, config: Config, published: dt.date | None = None) -> Briefing:
    """One page → its briefing;
    a page in a language not in analysis.languages is an ExtractError."""
    article = extract_checked(page, config, published)
    return brief_article(
        article,
        config.analysis.model,
        config.analysis.summary_sentences,
        story_id(source_key(page)),
    )


def analyze_batch(
    pages: Sequence[RawPage],
    config: Config,
    finish: Callable[[RawPage, Briefing], R],
    published: dt.date | None = None,
) -> list[R | DigestError]:
    """The work of one task: each page extracted (or its error kept),
    then the articles briefed together."""
    extracted: list[Article | DigestError] = []
    for page in pages:
        try:
            extracted.append(extract_checked(page, config, published))
        except DigestError as err:
            extracted.append(err)
    found = [(page, a) for page, a in zip(pages, extracted) if isinstance(a, Article)]
    briefings = iter(
        brief_articles(
            [a for _, a in found],
            config.analysis.model,
            config.analysis.summary_sentences,
            [story_id(source_key(page)) for page, _ in found],
        )
    )
    return [
        a if isinstance(a, DigestError) else finish(page, next(briefings))
        for page, a in zip(pages, extracted)
    ]


def extract_checked(page: RawPage, config: Config, published: dt.date | None) -> Article:
    """The page's article, if it is in one of the configured languages."""
    article = extract_article(page, published)
    languages = config.analysis.languages
    if languages and article.language not in languages:
        raise ExtractError(
            f"written in {article.language or 'an unknown language'!r}, not in analysis.languages "
            f"({', '.join(languages)}): skipped; add the language there to brief it anyway",
            page.source,
        )
    return article


def fingerprint_of(_: RawPage, briefing: Briefing) -> Fingerprint:
    """What grouping needs of a briefing (a `finish` for analyze_batch)."""
    return fingerprint(briefing.articles[0], briefing.actors, briefing.lead_actor)
