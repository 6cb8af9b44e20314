"""Digest: one briefing per news story (actors, verbatim quotes, a dated timeline, sources) as a
static site."""

from __future__ import annotations

import os

# Digest runs one process per core; BLAS threads on top of that only contend
# (measured: 600 → 400 ms a page).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from importlib import import_module
from typing import TYPE_CHECKING, Any

# The public names, each imported from its module when first used: a process that needs only a
# part of Digest (the MkDocs process, with the digest plugin) does not load spaCy with it.
_HOME = {
    "brief_article": ".analysis.brief",
    "analyze_page": ".analysis.page",
    "briefing_json": ".analysis_json",
    "Config": ".config",
    "load_config": ".config",
    "BuildError": ".errors",
    "ConfigError": ".errors",
    "DigestError": ".errors",
    "ExtractError": ".errors",
    "FetchError": ".errors",
    "extract_article": ".ingest.extract",
    "Actor": ".model",
    "Article": ".model",
    "Briefing": ".model",
    "Quote": ".model",
    "RawPage": ".model",
    "TimeRef": ".model",
    "run_build": ".pipeline",
    "story_markdown": ".publish.story_page",
}

if TYPE_CHECKING:
    from .analysis.brief import brief_article
    from .analysis.page import analyze_page
    from .analysis_json import briefing_json
    from .config import Config, load_config
    from .errors import BuildError, ConfigError, DigestError, ExtractError, FetchError
    from .ingest.extract import extract_article
    from .model import Actor, Article, Briefing, Quote, RawPage, TimeRef
    from .pipeline import run_build
    from .publish.story_page import story_markdown


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOME[name], __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "Actor",
    "Article",
    "Briefing",
    "BuildError",
    "Config",
    "ConfigError",
    "DigestError",
    "ExtractError",
    "FetchError",
    "Quote",
    "RawPage",
    "TimeRef",
    "analyze_page",
    "brief_article",
    "briefing_json",
    "extract_article",
    "load_config",
    "run_build",
    "story_markdown",
]
