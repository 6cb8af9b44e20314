"""Articles → stories: duplicates folded together, then reports of the same event grouped across
outlets.

    group_fingerprints(items)        indices grouped into stories (duplicates, then same event)
    why_grouped(a, b)                a short human reason two articles share a story

Two levels. Duplicates — the same canonical URL, or near-identical text (wire copies, syndicated
reprints) by MinHash of word shingles. Same event — average-linkage clustering on a score that needs
shared specific words (TF-IDF cosine over content words, actor names and the lead weighted up, rare
words weighted up further) *and* a shared named actor, within a few days: two separate stories about
one company share the company but not the specifics. Two reports whose leads are about different
people (Tuesday's witnesses and Wednesday's, in one inquiry) are two events, however many words they
share.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from datasketch import MinHash, MinHashLSH

from ..analysis.actors.names import is_subsequence
from ..analysis.fingerprint import Fingerprint, content_words

# --- grouping ---
DUPLICATE_JACCARD = 0.6  # copies with different page furniture; separate reports stay below 0.3
MAX_DAYS_APART = 3  # reports of one event are published within a few days of it
# Mean TF-IDF cosine of reports of one event; stories merely on one topic stay lower. Dev and tune
# (tests/stories) score the same from 0.253 to 0.27; the low end is kept: recall is the weak side.
EVENT_COSINE = 0.255
SPECIFICITY = (
    1.5  # idf raised to this: words that only one event's reports share outweigh the topic's words
)
LEAD_ACTOR_PROMINENCE = (
    0.2  # a lead actor named this often (share of the top word's weight) is in the story
)
MAIN_ACTORS = 3  # or one of the first three actors: a witness named in passing is not
MINHASH_SCHEME = MinHash(num_perm=1).scheme  # datasketch's default, which fingerprint.py uses
LSH_WEIGHTS = (0.05, 0.95)  # false candidates only cost a check; a missed copy counts twice
MIN_SHARED_ACTORS = 1  # no shared named actor, no shared event (word overlap alone is a topic)


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


def shared_terms(
    a: Fingerprint, b: Fingerprint, idf: dict[str, float], limit: int = 5
) -> list[str]:
    """The terms contributing most to the cosine."""
    va, vb = _vector(a, idf), _vector(b, idf)
    return sorted((t for t in va if t in vb), key=lambda t: -va[t] * vb[t])[:limit]


def different_leads(a: Fingerprint, b: Fingerprint) -> bool:
    """Each lead is about a person the other article barely names: two events, not two reports of
    one."""
    return (
        a.lead is not None
        and b.lead is not None
        and not _names(a.lead, b)
        and not _names(b.lead, a)
    )


def _names(person: str, fp: Fingerprint) -> bool:
    """Whether `fp` is about `person` too: its lead or a main actor, or a name it uses often."""
    if any(
        _same_actor(person, actor) for actor in (*fp.actors[:MAIN_ACTORS], *filter(None, [fp.lead]))
    ):
        return True
    weights = dict(fp.terms)
    floor = LEAD_ACTOR_PROMINENCE * max(weights.values(), default=0)
    return any(weights.get(word, 0) >= floor > 0 for word in content_words(person.split()))


def same_event(a: Fingerprint, b: Fingerprint, idf: dict[str, float]) -> float:
    """How strongly two articles look like reports of one event: 0 when they can't be, else the
    cosine."""
    days = days_apart(a, b)
    if (days is not None and days > MAX_DAYS_APART) or different_leads(a, b):
        return 0.0
    score = cosine(a, b, idf)
    return score if len(shared_actors(a, b)) >= MIN_SHARED_ACTORS else 0.0


# --- grouping ---


def group_fingerprints(items: Sequence[Fingerprint]) -> list[list[int]]:
    """Indices grouped into stories, each index in one group, groups in order of first member.

    Only pairs that can score above 0 are scored (they share an actor's word and were published
    within MAX_DAYS_APART), and clusters are built in each connected set of such pairs on its own:
    the same groups as scoring every pair, at a cost that grows with the pairs, not the square of
    the articles (`nox -s bench` measures it).
    """
    units = _duplicate_units(items)
    idf = idf_table(items)
    reps = [unit[0] for unit in units]  # a copy says nothing its original does not
    pair = {
        (x, y): same_event(items[reps[x]], items[reps[y]], idf)
        for x, y in _candidate_pairs([items[i] for i in reps])
    }
    groups = []
    for component in _components(len(reps), [k for k, v in pair.items() if v > 0]):
        for cluster in _average_linkage(component, pair):
            groups.append(sorted(i for x in cluster for i in units[x]))
    return sorted(groups, key=lambda g: g[0])


def _duplicate_units(items: Sequence[Fingerprint]) -> list[list[int]]:
    """Union of duplicates: copies are one article for the event level. Candidates come from the
    same URL or from MinHash LSH (datasketch), tuned to miss almost no pair at DUPLICATE_JACCARD;
    each candidate is then checked exactly."""
    copies = [
        (i, j) for i, j in sorted(_duplicate_candidates(items)) if is_duplicate(items[i], items[j])
    ]
    return _components(len(items), copies)


def _duplicate_candidates(items: Sequence[Fingerprint]) -> set[tuple[int, int]]:
    """(later, earlier) index pairs that may be copies: the same URL, or a shared LSH band."""
    pairs: set[tuple[int, int]] = set()
    by_url: dict[str, int] = {}
    for i, fp in enumerate(items):
        if fp.url is not None:
            if fp.url in by_url:
                pairs.add((i, by_url[fp.url]))
            by_url.setdefault(fp.url, i)
    sizes = Counter(len(fp.minhash) for fp in items if fp.minhash)
    for size in sizes:
        lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=size, weights=LSH_WEIGHTS)
        for i, fp in enumerate(items):
            if len(fp.minhash) == size:
                sketch = MinHash(num_perm=size, hashvalues=fp.minhash, scheme=MINHASH_SCHEME)
                pairs.update((i, j) for j in lsh.query(sketch))
                lsh.insert(i, sketch)
    return pairs


def _candidate_pairs(items: Sequence[Fingerprint]) -> set[tuple[int, int]]:
    """(later, earlier) index pairs that can be one event: a word of an actor's name in common
    (`same_event` needs a shared actor) and published within MAX_DAYS_APART, or either undated."""
    assert MIN_SHARED_ACTORS >= 1, "without a shared actor every pair can score"
    by_word: dict[str, list[int]] = {}
    for i, fp in enumerate(items):
        for word in {w for actor in fp.actors for w in actor.split()}:
            by_word.setdefault(word, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in by_word.values():
        dated = sorted((d, i) for i in members if (d := items[i].published) is not None)
        for k, (day, i) in enumerate(dated):
            for later, j in dated[k + 1 :]:
                if (later - day).days > MAX_DAYS_APART:
                    break
                pairs.add((max(i, j), min(i, j)))
        for i in members:
            if items[i].published is None:
                pairs.update((max(i, j), min(i, j)) for j in members if j != i)
    return pairs


def _components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The connected sets of 0..n-1 under `edges`, each in ascending order."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in edges:
        parent[root(i)] = root(j)
    found: dict[int, list[int]] = {}
    for i in range(n):
        found.setdefault(root(i), []).append(i)
    return list(found.values())


def _average_linkage(members: list[int], pair: dict[tuple[int, int], float]) -> list[list[int]]:
    """Merge the closest pair of clusters of `members` while their mean pairwise score reaches
    EVENT_COSINE (a pair missing from `pair` scores 0).

    A pair scored 0 (too far apart in time, no shared actor) vetoes the merge: one bridge does not
    chain. Each cluster is known by its first member; between two clusters the sum of their pairs'
    scores and the number of pairs above 0 are kept, and added up on a merge, so a merge costs the
    clusters it touches, not all of them. Among equal links the later clusters merge first.
    """
    clusters = {i: [i] for i in members}
    inside = set(members)
    links = {  # (later, earlier) cluster → (sum of scores, pairs above 0)
        (i, j): (score, 1) for (i, j), score in pair.items() if score > 0 and {i, j} <= inside
    }
    while True:
        best, at = EVENT_COSINE, None
        for (x, y), (total, positive) in links.items():
            size = len(clusters[x]) * len(clusters[y])
            link = total / size
            if positive == size and (link > best or (link == best and (at is None or (x, y) > at))):
                best, at = link, (x, y)
        if at is None:
            return [clusters[k] for k in sorted(clusters)]
        x, y = at  # x joins y, the earlier
        clusters[y] += clusters.pop(x)
        merged: dict[int, tuple[float, int]] = {}
        for key in [k for k in links if x in k or y in k]:
            total, positive = links.pop(key)
            other = key[1] if key[0] in (x, y) else key[0]
            if other not in (x, y):
                t, n = merged.get(other, (0.0, 0))
                merged[other] = (t + total, n + positive)
        for other, value in merged.items():
            links[(max(other, y), min(other, y))] = value


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
