"""Summary: 3 to 5 sentences of the source, chosen for lead position and centrality,
without repeats."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Doc, Span

from .nlp import sentences

MIN_WORDS, MAX_WORDS = 8, 60  # shorter are captions and datelines; longer are run-on lists
REDUNDANT = 0.5  # content-word overlap (Jaccard) above which a sentence repeats one already chosen
MAX_FACTS = 8  # sentences kept beyond the summary: enough for an outlet's own facts to show
# a quotation mark next to a word (’ is left out: it is also the apostrophe of "city’s")
QUOTATION = re.compile(r"[\"“”‘]\w|[\w,.!?][\"“”]")
PRONOUNS = frozenset("he she they it we i you his her their this these those".split())
LEAD_BONUS = 0.35  # news puts the gist first: the earliest sentences get a head start
BOILERPLATE = re.compile(
    r"\b(subscribe|newsletter|sign up|click here|cookie|all rights reserved|follow us|share this|"
    r"read more|advertisement|whatsapp|telegram|patreon|donate)\b",
    re.IGNORECASE,
)


class Ranked(NamedTuple):
    """A usable sentence of the text: its place among them, its span, its content lemmas."""

    place: int
    sent: Span
    lemmas: frozenset[str]


def rank_sentences(doc: Doc, title: str = "") -> list[Ranked]:
    """The usable sentences, most central first (ties: the earlier), each with its content lemmas:
    what the summary and the facts both choose from, computed once."""
    candidates = [s for s in sentences(doc) if _usable(s)]
    weights = _term_weights(doc, title)
    ranked = [Ranked(i, s, frozenset(_content_lemmas(s))) for i, s in enumerate(candidates)]
    scores = [_score(r.lemmas, r.place, len(ranked), weights) for r in ranked]
    return [ranked[i] for i in sorted(range(len(ranked)), key=lambda i: (-scores[i], i))]


def summarize(
    doc: Doc, title: str = "", count: int = 4, ranked: Sequence[Ranked] | None = None
) -> tuple[str, ...]:
    """Pick up to `count` sentences (verbatim, whitespace collapsed), in the order of the text
    (`ranked`: `rank_sentences` of the doc, when the caller has it)."""
    chosen: list[Ranked] = []
    for item in rank_sentences(doc, title) if ranked is None else ranked:
        if len(chosen) == count:
            break
        if all(_overlap(item.lemmas, other.lemmas) < REDUNDANT for other in chosen):
            chosen.append(item)
    return tuple(" ".join(r.sent.text.split()) for r in sorted(chosen, key=lambda r: r.place))


def fact_sentences(
    doc: Doc,
    summary: Sequence[str],
    title: str = "",
    count: int = MAX_FACTS,
    ranked: Sequence[Ranked] | None = None,
) -> tuple[str, ...]:
    """Up to `count` sentences beyond the summary that give a fact a reader can check (a number or
    a name), verbatim, most central first; none that holds a quotation (quotes are shown as
    quotes) or repeats a sentence already taken. Stored with the article, so that a story of
    several outlets can show what only one of them carries."""
    taken = {" ".join(s.split()) for s in summary}
    chosen: list[Ranked] = []
    for item in rank_sentences(doc, title) if ranked is None else ranked:
        if len(chosen) == count:
            break
        sent = item.sent
        text = " ".join(sent.text.split())
        if (
            text not in taken
            and not QUOTATION.search(text)
            and any(t.pos_ == "PROPN" or t.like_num for t in sent)
            and not _pronoun_subject(sent)
            and all(_overlap(item.lemmas, other.lemmas) < REDUNDANT for other in chosen)
        ):
            chosen.append(item)
    return tuple(" ".join(r.sent.text.split()) for r in chosen)


def _pronoun_subject(sent: Span) -> bool:
    """ "Speaking on Wednesday, she rejected the suggestion": out of its paragraph, nobody can tell
    who (a pronoun in a clause, as in "Brenner said that he was consulting lawyers", is fine)."""
    return any(
        t.dep_ in ("nsubj", "nsubjpass") and t.head == sent.root and t.lower_ in PRONOUNS
        for t in sent
    )


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


def _score(lemmas: frozenset[str], index: int, total: int, weights: Counter[str]) -> float:
    if not lemmas:
        return 0.0
    centrality = sum(math.log1p(weights[w]) for w in lemmas) / math.sqrt(len(lemmas))
    return centrality * (1 + LEAD_BONUS * (1 - index / total)) + (1.0 if index == 0 else 0.0)


def _overlap(sa: frozenset[str], sb: frozenset[str]) -> float:
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0
