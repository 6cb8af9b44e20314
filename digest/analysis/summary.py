"""Summary: 3 to 5 sentences of the source, chosen for lead position and centrality,
without repeats."""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.tokens import Doc, Span

from .nlp import sentences

MIN_WORDS, MAX_WORDS = 8, 60  # shorter are captions and datelines; longer are run-on lists
REDUNDANT = 0.5  # content-word overlap (Jaccard) above which a sentence repeats one already chosen
LEAD_BONUS = 0.35  # news puts the gist first: the earliest sentences get a head start
BOILERPLATE = re.compile(
    r"\b(subscribe|newsletter|sign up|click here|cookie|all rights reserved|follow us|share this|"
    r"read more|advertisement|whatsapp|telegram|patreon|donate)\b",
    re.IGNORECASE,
)


def summarize(doc: Doc, title: str = "", count: int = 4) -> tuple[str, ...]:
    """Pick up to `count` sentences (verbatim, whitespace collapsed), in the order of the text."""
    candidates = [s for s in sentences(doc) if _usable(s)]
    if not candidates:
        return ()
    weights = _term_weights(doc, title)
    scored = [(_score(s, i, len(candidates), weights), i, s) for i, s in enumerate(candidates)]
    chosen: list[tuple[int, Span]] = []
    for _, i, sent in sorted(scored, key=lambda t: (-t[0], t[1])):
        if len(chosen) == count:
            break
        if all(_overlap(sent, other) < REDUNDANT for _, other in chosen):
            chosen.append((i, sent))
    return tuple(" ".join(s.text.split()) for _, s in sorted(chosen, key=lambda t: t[0]))


def _usable(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha]
    text = sent.text.strip()
    return (
        MIN_WORDS <= len(words) <= MAX_WORDS
        and not BOILERPLATE.search(text)
        and text[-1:] in ".!?”\"’'"
        and "\n" not in text.strip()
    )


def _content_lemmas(span: Span | Doc) -> list[str]:
    return [t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop and len(t) > 2]


def _term_weights(doc: Doc, title: str) -> Counter[str]:
    """Document frequency of content lemmas, with the headline's words counted extra."""
    weights = Counter(_content_lemmas(doc))
    for word in re.findall(r"\w+", title.lower()):
        if word in weights:
            weights[word] += 2
    return weights


def _score(sent: Span, index: int, total: int, weights: Counter[str]) -> float:
    lemmas = set(_content_lemmas(sent))
    if not lemmas:
        return 0.0
    centrality = sum(math.log1p(weights[w]) for w in lemmas) / math.sqrt(len(lemmas))
    return centrality * (1 + LEAD_BONUS * (1 - index / total)) + (1.0 if index == 0 else 0.0)


def _overlap(a: Span, b: Span) -> float:
    sa, sb = set(_content_lemmas(a)), set(_content_lemmas(b))
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0
