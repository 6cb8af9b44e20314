"""One article, or a story's articles, → Briefing: the spaCy parse read once by every part."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from ..config import DEFAULT_MODEL
from ..model import Actor, Article, Briefing
from .actors.find import find_actors, lead_actor, resolve_name
from .evidence import sentence_key
from .nlp import load_pipeline, sentences
from .quotes.find import find_quotes
from .summary import fact_sentences, rank_sentences, summarize
from .timeline.find import find_timeline

MAX_TAGS = 6  # tags shown on a briefing: its main organizations and places


def brief_article(
    article: Article, model: str = DEFAULT_MODEL, summary_sentences: int = 4, story_id: str = ""
) -> Briefing:
    """Analyse one article into its briefing (`story_id` is the caller's:
    the pipeline names stories)."""
    return brief_articles([article], model, summary_sentences, [story_id])[0]


def brief_articles(
    articles: Sequence[Article],
    model: str = DEFAULT_MODEL,
    summary_sentences: int = 4,
    story_ids: Sequence[str] = (),
) -> list[Briefing]:
    """Several articles at once:
    spaCy parses a batch of texts faster than the same texts one by one."""
    docs = load_pipeline(model).pipe((a.text for a in articles), batch_size=max(1, len(articles)))
    ids = list(story_ids) or [""] * len(articles)
    return [
        _brief(article, doc, summary_sentences, sid)
        for article, doc, sid in zip(articles, docs, ids, strict=True)
    ]


def _brief(article: Article, doc: Doc, summary_sentences: int, story_id: str) -> Briefing:
    quotes = find_quotes(doc)
    actors = find_actors(doc, speakers=[q.speaker for q in quotes if q.speaker])
    quotes = tuple(
        replace(q, speaker=_actor_name(actors, q.speaker)) if q.speaker else q for q in quotes
    )
    ranked = rank_sentences(doc, article.title)
    summary = summarize(doc, article.title, summary_sentences, ranked)
    return Briefing(
        id=story_id,
        title=article.title,
        published=article.published,
        articles=(article,),
        summary=summary,
        actors=actors,
        quotes=quotes,
        timeline=find_timeline(doc, article.published),
        tags=_tags(actors),
        lead_actor=lead_actor(doc, actors),
        facts=fact_sentences(doc, summary, article.title, ranked=ranked),
        sentence_keys=tuple(sentence_key(s.text) for s in sentences(doc)),
    )


def _actor_name(actors: tuple[Actor, ...], speaker: str) -> str:
    """The speaker as the actors list names them, unless that name runs several together."""
    name = resolve_name(actors, speaker)
    return name if name and "," not in name else speaker


def _tags(actors: tuple[Actor, ...]) -> tuple[str, ...]:
    return tuple(a.name for a in actors if a.kind in ("place", "organization"))[:MAX_TAGS]
