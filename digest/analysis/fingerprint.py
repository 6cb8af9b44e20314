"""What grouping needs of one article, computed when it is analysed and stored with it.

    fingerprint(article, actors)     a small JSON-able value holding all grouping needs

A fingerprint holds the canonical URL and date, the main actors' normalized names, the weighted
content words (the lead and actor names weighted up) and a MinHash of word shingles; grouping
(stories/grouping.py) compares fingerprints without reading the articles again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from datasketch import MinHash
from spacy.lang.en.stop_words import STOP_WORDS

from ..ingest.identity import canonical_url
from ..model import Actor, Article
from .actors.names import group_key

# --- canonical URLs ---
# --- fingerprints ---
SHINGLE_WORDS = 5  # five-word shingles: long enough that shared phrases mean copied text
MINHASH_PERMUTATIONS = (
    64  # Jaccard estimate within ±0.06: plenty to tell copies (>0.6) from reports (<0.3)
)
MINHASH_SEED = 1  # fixed so fingerprints stored by one run compare with those of the next
TOP_ACTORS = 8  # actors beyond the first eight are passers-by in most articles
TOP_TERMS = 80  # the most frequent content words carry the story; the tail is noise and storage
MIN_TERM_CHARS = 3  # shorter words are mostly abbreviations and debris
LEAD_CHARS = 600  # headline and lead: words here say what the story is about
LEAD_WEIGHT = 2  # a word in the lead counts as two mentions in the body
ACTOR_TERM_WEIGHT = 2  # actor names are the most specific words an article has
ACRONYM_WORDS = 3  # names this long are also written as their initials; two-word names rarely are

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
_MODEL = re.compile(
    r"\b\d+-?(?!(?:st|nd|rd|th)\b)[^\W\d_]+\b"
)  # "16-inch", "4K", "5G": what tells products apart
_SUFFIX = re.compile(r"(?:['’]s|(?<=[^s])s)$")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What grouping needs of one article; cheap to store and compare
    without re-reading the article."""

    source: str
    title: str
    url: str | None  # canonical
    published: dt.date | None
    actors: tuple[str, ...]  # normalized names, most important first
    terms: tuple[tuple[str, int], ...]  # content word → weighted count, most frequent first
    minhash: tuple[int, ...]  # of word shingles of the text
    lead: str | None = None  # normalized name of the person the lead is about (Briefing.lead_actor)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "actors": list(self.actors),
            "terms": [list(t) for t in self.terms],
            "minhash": list(self.minhash),
            "lead": self.lead,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fingerprint:
        published = data.get("published")
        return cls(
            source=data["source"],
            title=data["title"],
            url=data.get("url"),
            published=dt.date.fromisoformat(published) if published else None,
            actors=tuple(data["actors"]),
            terms=tuple((str(t), int(n)) for t, n in data["terms"]),
            minhash=tuple(int(h) for h in data["minhash"]),
            lead=data.get("lead"),
        )


def fingerprint(
    article: Article, actors: Sequence[Actor], lead_actor: str | None = None
) -> Fingerprint:
    """The grouping fingerprint of an article, given its actors and lead actor (brief.actors)."""
    names = _actor_keys(actors)
    return Fingerprint(
        source=article.source,
        title=article.title,
        url=canonical_url(article.url) if article.url else None,
        published=article.published,
        actors=names,
        terms=_terms(article, names),
        minhash=_minhash(_words(article.text)),
        lead=(" ".join(group_key(lead_actor)) or None) if lead_actor else None,
    )


def _actor_keys(actors: Sequence[Actor]) -> tuple[str, ...]:
    keys: list[str] = []
    for actor in actors:
        key = " ".join(group_key(actor.name))
        if key and key not in keys:
            keys.append(key)
    return tuple(keys[:TOP_ACTORS])


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


def content_words(words: Sequence[str]) -> list[str]:
    """Content words, a plural or possessive "s" dropped so outlets' wordings meet."""
    kept = [w for w in words if len(w) >= MIN_TERM_CHARS and w not in STOP_WORDS]
    return [_SUFFIX.sub("", w) if len(w) > MIN_TERM_CHARS + 1 else w for w in kept]


def _term_words(text: str) -> list[str]:
    return content_words(_words(text)) + [m.casefold() for m in _MODEL.findall(text)]


def _terms(article: Article, actor_keys: Sequence[str]) -> tuple[tuple[str, int], ...]:
    counts = Counter(_term_words(article.text))
    lead = f"{article.title}\n{article.text[:LEAD_CHARS]}"
    for word in _term_words(lead):
        counts[word] += LEAD_WEIGHT - 1
    for key in actor_keys:
        for word in content_words(key.split()):
            counts[word] += ACTOR_TERM_WEIGHT * max(1, counts[word] // 2)
        if (
            len(words := key.split()) >= ACRONYM_WORDS
        ):  # "european space agency" meets an outlet's "ESA"
            counts["".join(w[0] for w in words)] += ACTOR_TERM_WEIGHT
    return tuple(counts.most_common(TOP_TERMS))


def _minhash(words: Sequence[str]) -> tuple[int, ...]:
    sketch = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=MINHASH_SEED)
    span = min(SHINGLE_WORDS, len(words)) or 1
    starts = range(max(1, len(words) - span + 1))
    sketch.update_batch([" ".join(words[i : i + span]).encode() for i in starts])
    return tuple(int(h) for h in sketch.hashvalues)
