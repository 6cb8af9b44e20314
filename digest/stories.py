"""Articles → stories: duplicates folded together, then reports of the same event grouped across outlets.

    canonical_url(url)               one spelling per article URL (no tracking, AMP or mobile variants)
    fingerprint(article, actors)     a small JSON-able value holding all grouping needs
    group_fingerprints(items)        indices grouped into stories (duplicates, then same event)
    why_grouped(a, b)                a short human reason two articles share a story

Two levels. Duplicates — the same canonical URL, or near-identical text (wire copies, syndicated reprints)
by MinHash of word shingles. Same event — average-linkage clustering on a score that needs shared specific
words (TF-IDF cosine over content words, actor names and the lead weighted up, rare words weighted up
further) *and* a shared named actor, within a few days: two separate stories about one company share the
company but not the specifics. Two reports whose leads are about different people (Tuesday's witnesses and
Wednesday's, in one inquiry) are two events, however many words they share.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from datasketch import MinHash
from spacy.lang.en.stop_words import STOP_WORDS

from .brief.names import group_key, is_subsequence
from .model import Actor, Article

# --- canonical URLs ---
TRACKING_PARAMS = frozenset(  # query keys that say who sent the reader, not which article it is
    "fbclid gclid dclid msclkid yclid igshid mc_cid mc_eid ref ref_src ref_url referrer cmpid cmp ocid"
    " ito itm_source itm_medium itm_campaign smid smtyp share src_campaign _ga _gl amp outputtype".split()
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "hsa_")  # families of campaign parameters
HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")  # the same site for phones and accelerated pages
DEFAULT_PORTS = {"http": 80, "https": 443}

# --- fingerprints ---
SHINGLE_WORDS = 5  # five-word shingles: long enough that shared phrases mean copied text
MINHASH_PERMUTATIONS = 64  # Jaccard estimate within ±0.06: plenty to tell copies (>0.6) from reports (<0.3)
MINHASH_SEED = 1  # fixed so fingerprints stored by one run compare with those of the next
TOP_ACTORS = 8  # actors beyond the first eight are passers-by in most articles
TOP_TERMS = 80  # the most frequent content words carry the story; the tail is noise and storage
MIN_TERM_CHARS = 3  # shorter words are mostly abbreviations and debris
LEAD_CHARS = 600  # headline and lead: words here say what the story is about
LEAD_WEIGHT = 2  # a word in the lead counts as two mentions in the body
ACTOR_TERM_WEIGHT = 2  # actor names are the most specific words an article has
ACRONYM_WORDS = 3  # names this long are also written as their initials; two-word names rarely are

# --- grouping ---
DUPLICATE_JACCARD = 0.6  # copies with different page furniture; separate reports stay below 0.3
MAX_DAYS_APART = 3  # reports of one event are published within a few days of it
EVENT_COSINE = 0.25  # mean TF-IDF cosine of reports of one event; stories merely on one topic stay lower
SPECIFICITY = 1.5  # idf raised to this: words that only one event's reports share outweigh the topic's words
LEAD_ACTOR_PROMINENCE = 0.2  # a lead actor named this often (share of the top word's weight) is in the story
MAIN_ACTORS = 3  # or one of the first three actors: a witness named in passing is not
MIN_SHARED_ACTORS = 1  # no shared named actor, no shared event (word overlap alone is a topic)

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
_MODEL = re.compile(r"\b\d+-?(?!(?:st|nd|rd|th)\b)[^\W\d_]+\b")  # "16-inch", "4K", "5G": what tells products apart
_SUFFIX = re.compile(r"(?:['’]s|(?<=[^s])s)$")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What grouping needs of one article; cheap to store and compare without re-reading the article."""

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
            "source": self.source, "title": self.title, "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "actors": list(self.actors), "terms": [list(t) for t in self.terms],
            "minhash": list(self.minhash), "lead": self.lead,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fingerprint:
        published = data.get("published")
        return cls(
            source=data["source"], title=data["title"], url=data.get("url"),
            published=dt.date.fromisoformat(published) if published else None,
            actors=tuple(data["actors"]), terms=tuple((str(t), int(n)) for t, n in data["terms"]),
            minhash=tuple(int(h) for h in data["minhash"]), lead=data.get("lead"),
        )


def canonical_url(url: str) -> str:
    """The URL without tracking parameters, fragment, AMP/mobile variants, default port or trailing slash."""
    parts = urlsplit(url.strip())
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    host = (parts.hostname or "").lower()
    while host.startswith(HOST_PREFIXES) and host.count(".") > 1:
        host = host.split(".", 1)[1]
    if parts.port and parts.port != DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{parts.port}"
    segments = [s for s in parts.path.split("/") if s and s.lower() != "amp"]
    path = "/" + "/".join(segments) if segments else ""
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k))
    return urlunsplit((scheme, host, path, urlencode(query), ""))


def _tracking(key: str) -> bool:
    key = key.lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def fingerprint(article: Article, actors: Sequence[Actor], lead_actor: str | None = None) -> Fingerprint:
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


def _content(words: Sequence[str]) -> list[str]:
    """Content words, a plural or possessive "s" dropped so outlets' wordings meet."""
    kept = [w for w in words if len(w) >= MIN_TERM_CHARS and w not in STOP_WORDS]
    return [_SUFFIX.sub("", w) if len(w) > MIN_TERM_CHARS + 1 else w for w in kept]


def _term_words(text: str) -> list[str]:
    return _content(_words(text)) + [m.casefold() for m in _MODEL.findall(text)]


def _terms(article: Article, actor_keys: Sequence[str]) -> tuple[tuple[str, int], ...]:
    counts = Counter(_term_words(article.text))
    lead = f"{article.title}\n{article.text[:LEAD_CHARS]}"
    for word in _term_words(lead):
        counts[word] += LEAD_WEIGHT - 1
    for key in actor_keys:
        for word in _content(key.split()):
            counts[word] += ACTOR_TERM_WEIGHT * max(1, counts[word] // 2)
        if len(words := key.split()) >= ACRONYM_WORDS:  # "european space agency" meets an outlet's "ESA"
            counts["".join(w[0] for w in words)] += ACTOR_TERM_WEIGHT
    return tuple(counts.most_common(TOP_TERMS))


def _minhash(words: Sequence[str]) -> tuple[int, ...]:
    sketch = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=MINHASH_SEED)
    span = min(SHINGLE_WORDS, len(words)) or 1
    starts = range(max(1, len(words) - span + 1))
    sketch.update_batch([" ".join(words[i : i + span]).encode() for i in starts])
    return tuple(int(h) for h in sketch.hashvalues)


# --- pairwise evidence ---


def jaccard(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity of the two texts' word shingles."""
    if not a.minhash or len(a.minhash) != len(b.minhash):
        return 0.0
    return sum(x == y for x, y in zip(a.minhash, b.minhash)) / len(a.minhash)


def is_duplicate(a: Fingerprint, b: Fingerprint) -> bool:
    """Same article: same canonical URL or near-identical text."""
    return (a.url is not None and a.url == b.url) or jaccard(a, b) >= DUPLICATE_JACCARD


def shared_actors(a: Fingerprint, b: Fingerprint) -> list[str]:
    """Actors named by both, as `a` names them; "garrett" meets "myles garrett"."""
    return [x for x in a.actors if any(_same_actor(x, y) for y in b.actors)]


def _same_actor(x: str, y: str) -> bool:
    xs, ys = x.split(), y.split()
    return xs == ys or is_subsequence(xs, ys) or is_subsequence(ys, xs)


def days_apart(a: Fingerprint, b: Fingerprint) -> int | None:
    if a.published is None or b.published is None:
        return None
    return abs((a.published - b.published).days)


def idf_table(items: Sequence[Fingerprint]) -> dict[str, float]:
    """Smoothed inverse document frequency of every term over the batch."""
    df = Counter(t for fp in items for t, _ in fp.terms)
    n = len(items)
    return {t: math.log((1 + n) / (1 + k)) + 1 for t, k in df.items()}


def cosine(a: Fingerprint, b: Fingerprint, idf: dict[str, float]) -> float:
    """TF-IDF cosine of the two term vectors (sublinear term frequency)."""
    va, vb = _vector(a, idf), _vector(b, idf)
    dot = sum(w * vb[t] for t, w in va.items() if t in vb)
    norm = math.sqrt(sum(w * w for w in va.values()) * sum(w * w for w in vb.values()))
    return dot / norm if norm else 0.0


def _vector(fp: Fingerprint, idf: dict[str, float]) -> dict[str, float]:
    return {t: (1 + math.log(n)) * idf.get(t, 1.0) ** SPECIFICITY for t, n in fp.terms}


def shared_terms(a: Fingerprint, b: Fingerprint, idf: dict[str, float], limit: int = 5) -> list[str]:
    """The terms contributing most to the cosine."""
    va, vb = _vector(a, idf), _vector(b, idf)
    return sorted((t for t in va if t in vb), key=lambda t: -va[t] * vb[t])[:limit]


def different_leads(a: Fingerprint, b: Fingerprint) -> bool:
    """Each lead is about a person the other article barely names: two events, not two reports of one."""
    return a.lead is not None and b.lead is not None and not _names(a.lead, b) and not _names(b.lead, a)


def _names(person: str, fp: Fingerprint) -> bool:
    """Whether `fp` is about `person` too: its lead or a main actor, or a name it uses often."""
    if any(_same_actor(person, actor) for actor in (*fp.actors[:MAIN_ACTORS], *filter(None, [fp.lead]))):
        return True
    weights = dict(fp.terms)
    floor = LEAD_ACTOR_PROMINENCE * max(weights.values(), default=0)
    return any(weights.get(word, 0) >= floor > 0 for word in _content(person.split()))


def same_event(a: Fingerprint, b: Fingerprint, idf: dict[str, float]) -> float:
    """How strongly two articles look like reports of one event: 0 when they can't be, else the cosine."""
    days = days_apart(a, b)
    if (days is not None and days > MAX_DAYS_APART) or different_leads(a, b):
        return 0.0
    score = cosine(a, b, idf)
    return score if len(shared_actors(a, b)) >= MIN_SHARED_ACTORS else 0.0


# --- grouping ---


def group_fingerprints(items: Sequence[Fingerprint]) -> list[list[int]]:
    """Indices grouped into stories, each index in one group, groups ordered by their first member."""
    units = _duplicate_units(items)
    idf = idf_table(items)
    clusters = _average_linkage(units, lambda i, j: same_event(items[i], items[j], idf))
    groups = [sorted(i for unit in cluster for i in unit) for cluster in clusters]
    return sorted(groups, key=lambda g: g[0])


def _duplicate_units(items: Sequence[Fingerprint]) -> list[list[int]]:
    """Union of duplicates: copies are one article for the event level."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i):
            if is_duplicate(items[i], items[j]):
                parent[root(i)] = root(j)
    units: dict[int, list[int]] = {}
    for i in range(len(items)):
        units.setdefault(root(i), []).append(i)
    return list(units.values())


def _average_linkage(units: list[list[int]], score: Callable[[int, int], float]) -> list[list[list[int]]]:
    """Merge the closest pair of clusters while their mean pairwise score reaches EVENT_COSINE.

    A pair scored 0 (too far apart in time, no shared actor) vetoes the merge: one bridge does not chain.
    """
    reps = [unit[0] for unit in units]  # a copy says nothing its original does not
    pair = {(i, j): score(reps[i], reps[j]) for i in range(len(reps)) for j in range(i)}
    clusters: list[list[int]] = [[i] for i in range(len(reps))]
    while True:
        best, at = EVENT_COSINE, None
        for x in range(len(clusters)):
            for y in range(x):
                link = _link(clusters[x], clusters[y], pair)
                if link >= best:
                    best, at = link, (x, y)
        if at is None:
            return [[units[i] for i in c] for c in clusters]
        x, y = at
        clusters[y] += clusters.pop(x)


def _link(cx: list[int], cy: list[int], pair: dict[tuple[int, int], float]) -> float:
    scores = [pair[(max(i, j), min(i, j))] for i in cx for j in cy]
    return 0.0 if min(scores) == 0.0 else sum(scores) / len(scores)


def why_grouped(a: Fingerprint, b: Fingerprint, idf: dict[str, float] | None = None) -> str:
    """A short reason the two share a story: "duplicate …" or the shared actors and terms."""
    if a.url is not None and a.url == b.url:
        return f"duplicate: same URL {a.url}"
    if jaccard(a, b) >= DUPLICATE_JACCARD:
        return f"duplicate: {jaccard(a, b):.0%} of the text is shared"
    idf = idf if idf is not None else idf_table([a, b])
    parts = [f"shared actors: {', '.join(shared_actors(a, b)) or 'none'}"]
    parts.append(f"shared terms: {', '.join(shared_terms(a, b, idf)) or 'none'}")
    days = days_apart(a, b)
    if days is not None:
        parts.append(f"{days} day{'s' if days != 1 else ''} apart")
    return "; ".join(parts)
