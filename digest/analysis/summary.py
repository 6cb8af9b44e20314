"""Summary: 3 to 5 sentences of the source, chosen for lead position and centrality,
without repeats."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

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


def fact_sentences(
    doc: Doc, summary: Sequence[str], title: str = "", count: int = MAX_FACTS
) -> tuple[str, ...]:
    """Up to `count` sentences beyond the summary that give a fact a reader can check (a number or
    a name), verbatim, most central first; none that holds a quotation (quotes are shown as
    quotes) or repeats a sentence already taken. Stored with the article, so that a story of
    several outlets can show what only one of them carries."""
    candidates = [s for s in sentences(doc) if _usable(s)]
    if not candidates:
        return ()
    weights = _term_weights(doc, title)
    taken = {" ".join(s.split()) for s in summary}
    scored = [(_score(s, i, len(candidates), weights), i, s) for i, s in enumerate(candidates)]
    chosen: list[Span] = []
    for _, _, sent in sorted(scored, key=lambda t: (-t[0], t[1])):
        if len(chosen) == count:
            break
        text = " ".join(sent.text.split())
        if (
            text not in taken
            and not QUOTATION.search(text)
            and any(t.pos_ == "PROPN" or t.like_num for t in sent)
            and not _pronoun_subject(sent)
            and all(_overlap(sent, other) < REDUNDANT for other in chosen)
        ):
            chosen.append(sent)
    return tuple(" ".join(s.text.split()) for s in chosen)


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


def _score(sent: Span, index: int, total: int, weights: Counter[str]) -> float:
    lemmas = set(_content_lemmas(sent))
    if not lemmas:
        return 0.0
    centrality = sum(math.log1p(weights[w]) for w in lemmas) / math.sqrt(len(lemmas))
    return centrality * (1 + LEAD_BONUS * (1 - index / total)) + (1.0 if index == 0 else 0.0)


def _overlap(a: Span, b: Span) -> float:
    sa, sb = set(_content_lemmas(a)), set(_content_lemmas(b))
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0
