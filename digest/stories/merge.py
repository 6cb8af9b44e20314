"""Several articles about one event → one story briefing.

Summary sentences are drawn from every source without repeats; actors are merged by name and alias;
quotes that several outlets carry are shown once, listing each outlet; timelines are merged.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..analysis.actors.find import resolve_name
from ..analysis.evidence import evidence, key_evidence, near_any, repeats
from ..analysis.summary import QUOTATION
from ..model import Actor, Article, Briefing, Coverage, Quote, TimeRef
from ..store import ArticleRecord
from .grouping import idf_table, shared_terms
from .headline import clean_headline, story_headline, vocabulary

SAME_QUOTE = 0.8  # token overlap (Dice) at which two outlets' quotes are the same words
CONTAINED_WORDS = (
    6  # a shorter quote this long, inside a longer one, is a stretch of the same words
)
# How much an outlet's attribution counts when outlets disagree (Quote.evidence): its own reporting
# verb with the name beats a continuation, which beats a pronoun or description resolved to a name.
EVIDENCE_WEIGHT = {
    "cue:name": 3,
    "cue:apposition": 3,
    "colon": 3,
    "continues": 2,
    "continues-paragraph": 2,
}
MAX_SUMMARY = 5
MAX_OWN_FACTS = 5  # an outlet's own facts shown on the story page, most central first
MAX_OWN_QUOTES = 6  # ... and its own quotes, in the order of its text
MAX_TAGS = 6
MAX_WHY = 5  # actors and terms named in the line on why articles were grouped
REPORTING_WORDS = frozenset(
    {"said", "says", "told", "added", "according"}
)  # shared by every news story


def story_briefing(records: Sequence[ArticleRecord], story_id: str) -> Briefing:
    """The briefing of a story from its articles' stored analyses (the first two name the shared
    terms)."""
    fingerprints = [r.fingerprint for r in records]
    terms = (
        shared_terms(fingerprints[0], fingerprints[1], idf_table(fingerprints))
        if len(records) > 1
        else []
    )
    words = {r.briefing.articles[0].source: [t for t, _ in r.fingerprint.terms] for r in records}
    return merge_briefings([r.briefing for r in records], story_id, terms, words)


def merge_briefings(
    briefings: Sequence[Briefing],
    story_id: str,
    terms: Sequence[str] = (),
    words: Mapping[str, Sequence[str]] | None = None,
) -> Briefing:
    """One story from its articles' briefings, the earliest article first; `terms` are the words
    they share, `words` each article's stored content words (by source), for its headline."""
    ordered = sorted(
        briefings, key=lambda b: (b.published is None, b.published, b.articles[0].source)
    )
    actors, shared = _merge_actors(ordered)
    quotes = _merge_quotes(ordered, actors)
    articles = tuple(
        replace(a, title=clean_headline(a.title, a.site, a.url))
        for a in (b.articles[0] for b in ordered)
    )
    return Briefing(
        id=story_id,
        title=_headline(ordered, articles, words or {}),
        published=ordered[0].published,
        articles=articles,
        summary=_merge_summary(ordered),
        actors=actors,
        quotes=quotes,
        timeline=_merge_timeline(ordered),
        tags=tuple(a.name for a in actors if a.kind in ("place", "organization"))[:MAX_TAGS],
        why=_why(shared, terms) if len(ordered) > 1 else None,
        lead_actor=next((b.lead_actor for b in ordered if b.lead_actor), None),
        coverage=_coverage(ordered, quotes) if len({_outlet(a) for a in articles}) > 1 else (),
    )


def _headline(
    briefings: Sequence[Briefing],
    articles: Sequence[Article],
    words: Mapping[str, Sequence[str]],
) -> str:
    """The best of the sources' headlines (stories/headline.py), each without its outlet's name."""
    if len(briefings) == 1:
        return clean_headline(briefings[0].title, articles[0].site, articles[0].url)
    vocabularies = [
        vocabulary(
            [*b.summary, *(n for x in b.actors for n in (x.name, *x.aliases))],
            words.get(a.source, ()),
        )
        for b, a in zip(briefings, articles, strict=True)
    ]
    return story_headline([a.title for a in articles], vocabularies)


def _why(shared_actors: Sequence[str], terms: Sequence[str]) -> str:
    words = [t for t in terms if t not in REPORTING_WORDS]
    parts = [
        f"shared actors: {', '.join(shared_actors[:MAX_WHY])}"
        if shared_actors
        else "no shared actor"
    ]
    if words:
        parts.append(f"shared terms: {', '.join(words[:MAX_WHY])}")
    return "; ".join(parts)


def _merge_summary(briefings: Sequence[Briefing]) -> tuple[str, ...]:
    """Round-robin over the sources' summaries (the first source's lead first), skipping a sentence
    that says again what the sentences chosen from the other sources say (analysis/evidence.py:
    three outlets' leads that each report "a third case" are said once; one source's own summary
    has no repeats already)."""
    chosen: list[str] = []
    said: list[tuple[int, frozenset[str]]] = []
    depth = max(len(b.summary) for b in briefings)
    for i in range(depth):
        for index, b in enumerate(briefings):
            if i < len(b.summary) and len(chosen) < MAX_SUMMARY:
                found = evidence(b.summary[i])
                if not repeats(found, [e for source, e in said if source != index]):
                    chosen.append(b.summary[i])
                    said.append((index, found))
    return tuple(chosen)


def _coverage(briefings: Sequence[Briefing], quotes: Sequence[Quote]) -> tuple[Coverage, ...]:
    """For each source: its lead, and the facts and quotes with no near-equivalent anywhere in the
    text of the other sources (their sentences' stored evidence, and the sentences they keep)."""
    said = [_evidence_of(b) for b in briefings]
    out = []
    for index, b in enumerate(briefings):
        others = [e for i, found in enumerate(said) if i != index for e in found]
        lead = b.summary[0] if b.summary else None
        facts: list[str] = []
        shown = [evidence(lead)] if lead else []
        for sentence in (*b.summary[1:], *b.facts):
            found = evidence(sentence)
            if QUOTATION.search(sentence) or len(facts) == MAX_OWN_FACTS:
                continue  # a quotation is shown with the quotes
            if not near_any(found, [*others, *shown]):
                facts.append(sentence)
                shown.append(found)
        own = [q for q in quotes if q.sources == (index,) and not _carried(q, quotes, others)]
        out.append(Coverage(index, lead, tuple(facts), tuple(own[:MAX_OWN_QUOTES])))
    return tuple(out)


def _carried(quote: Quote, quotes: Sequence[Quote], others: Sequence[frozenset[str]]) -> bool:
    """Another source carries the quote: the part after "he said," is one of its quotes, or one
    of its sentences says the same (the quote with the sentence it sits in, when known)."""
    joined = " ".join((quote.joined or "").split())
    if joined and any(
        q.sources != quote.sources and " ".join(q.text.split()) in joined for q in quotes
    ):
        return True
    return near_any(evidence(quote.joined or quote.context or quote.text), others)


def _evidence_of(b: Briefing) -> list[frozenset[str]]:
    """Everything a source is known to say: each sentence's stored evidence, and the sentences
    kept of it (its headline too)."""
    kept = [b.title, *b.summary, *b.facts, *(q.text for q in b.quotes)]
    kept += [t.event for t in b.timeline]
    return [key_evidence(k) for k in b.sentence_keys] + [evidence(s) for s in kept]


def _outlet(a: Article) -> str:
    return (a.site or a.source).casefold()


def _merge_actors(briefings: Sequence[Briefing]) -> tuple[tuple[Actor, ...], list[str]]:
    """Actors matched by name or alias across sources, ranked by how many sources and how high;
    also the names of those that more than one source has."""
    merged: list[Actor] = []
    score: dict[int, float] = defaultdict(float)
    seen_in: dict[int, set[int]] = {}
    for index, b in enumerate(briefings):
        for rank, actor in enumerate(b.actors):
            at = _find(merged, actor)
            if at is None:
                merged.append(actor)
                at = len(merged) - 1
            else:
                merged[at] = _combine(merged[at], actor)
            score[at] += 1.0 / (1 + rank)
            seen_in.setdefault(at, set()).add(index)
    order = sorted(range(len(merged)), key=lambda i: (-score[i], i))
    shared = [merged[i].name for i in order if len(seen_in[i]) > 1]
    return tuple(merged[i] for i in order), shared


def _find(merged: Sequence[Actor], actor: Actor) -> int | None:
    for surface in (actor.name, *actor.aliases):
        name = resolve_name(merged, surface)
        if name is not None:
            return next(i for i, a in enumerate(merged) if a.name == name)
    return _short_form(merged, actor)


def _short_form(merged: Sequence[Actor], actor: Actor) -> int | None:
    """One outlet's "Okafor" or "Marrowgate" is another's "Ines Okafor" or "Marrowgate Developments"
    when exactly one name is the other's first or last word (spaCy may give the two different
    kinds)."""
    words = actor.name.casefold().split()
    if len(words) == 1:
        hits = [
            i for i, a in enumerate(merged) if len(a.name.split()) > 1 and _ends(a.name, words[0])
        ]
    else:
        hits = [
            i
            for i, a in enumerate(merged)
            if len(a.name.split()) == 1 and _ends(actor.name, a.name.casefold())
        ]
    return hits[0] if len(hits) == 1 else None


def _ends(name: str, word: str) -> bool:
    words = name.casefold().split()
    return word in (words[0], words[-1])


def _combine(a: Actor, b: Actor) -> Actor:
    name = max((a.name, b.name), key=lambda n: (len(n.split()), len(n)))
    aliases = tuple(dict.fromkeys(x for x in (a.name, b.name, *a.aliases, *b.aliases) if x != name))
    return Actor(name, a.kind, a.role or b.role, aliases, a.mentions + b.mentions)


def _merge_quotes(briefings: Sequence[Briefing], actors: Sequence[Actor]) -> tuple[Quote, ...]:
    """The quotes of every outlet, each set of words once (the longest stretch any outlet quotes),
    under the best-supported speaker; when outlets name different speakers with equal support, none.
    """
    merged: list[Quote] = []
    votes: list[Counter[str]] = []
    for index, b in enumerate(briefings):
        for quote in b.quotes:
            speaker = (
                (resolve_name(actors, quote.speaker) or quote.speaker) if quote.speaker else None
            )
            at = next((i for i, q in enumerate(merged) if same_words(q.text, quote.text)), None)
            if at is None:
                merged.append(replace(quote, speaker=speaker, sources=(index,)))
                votes.append(Counter())
                at = len(merged) - 1
            else:
                known = merged[at]
                longer = quote if len(_tokens(quote.text)) > len(_tokens(known.text)) else known
                merged[at] = replace(longer, sources=(*known.sources, index))
            if speaker:
                votes[at][speaker] += EVIDENCE_WEIGHT.get(quote.evidence or "", 1)
    return tuple(
        replace(q, speaker=_best(v), evidence=q.evidence if _best(v) else None)
        for q, v in zip(merged, votes, strict=True)
    )


def same_words(a: str, b: str) -> bool:
    """Two outlets' quotes are the same words: nearly the same tokens, or one quotes a stretch of
    the other (at least CONTAINED_WORDS words, nearly all of them in the longer one)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    common = sum((Counter(ta) & Counter(tb)).values())
    if 2 * common / (len(ta) + len(tb)) >= SAME_QUOTE:
        return True
    return min(len(ta), len(tb)) >= CONTAINED_WORDS and common / min(len(ta), len(tb)) >= SAME_QUOTE


def _best(votes: Counter[str]) -> str | None:
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None  # nobody, or two names with equal support: never the same words under a guess
    return ranked[0][0]


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _dice(a: str, b: str) -> float:
    ta, tb = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    if not ta or not tb:
        return 0.0
    return 2 * sum((Counter(ta) & Counter(tb)).values()) / (len(ta) + len(tb))


def _merge_timeline(briefings: Sequence[Briefing]) -> tuple[TimeRef, ...]:
    """Every dated item with its source; the same date in the same words from two outlets shown
    once."""
    merged: list[TimeRef] = []
    for index, b in enumerate(briefings):
        for ref in b.timeline:
            at = next(
                (
                    i
                    for i, r in enumerate(merged)
                    if r.value == ref.value and _dice(r.event, ref.event) >= SAME_QUOTE
                ),
                None,
            )
            if at is None:
                merged.append(replace(ref, sources=(index,)))
            else:
                merged[at] = replace(merged[at], sources=(*merged[at].sources, index))
    return tuple(merged)
