"""Article → Briefing: summary, key actors, quotes with speakers, timeline.

The article text is parsed once with spaCy; each part reads the same Doc, so every offset indexes
`article.text`.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Actor, Article, Briefing
from ..nlp import DEFAULT_MODEL, parse
from .actors import find_actors, lead_actor, resolve_name
from .quotes import find_quotes
from .summary import summarize
from .timeline import find_timeline

MAX_TAGS = 6  # tags shown on a briefing: its main organizations and places


def brief_article(
    article: Article, model: str = DEFAULT_MODEL, summary_sentences: int = 4, story_id: str = ""
) -> Briefing:
    """Analyse one article into its briefing (`story_id` is the caller's: the pipeline names stories)."""
    doc = parse(article.text, model)
    quotes = find_quotes(doc)
    actors = find_actors(doc, speakers=[q.speaker for q in quotes if q.speaker])
    quotes = tuple(replace(q, speaker=resolve_name(actors, q.speaker) or q.speaker) if q.speaker else q for q in quotes)
    return Briefing(
        id=story_id,
        title=article.title,
        published=article.published,
        articles=(article,),
        summary=summarize(doc, article.title, summary_sentences),
        actors=actors,
        quotes=quotes,
        timeline=find_timeline(doc, article.published),
        tags=_tags(actors),
        lead_actor=lead_actor(doc, actors),
    )


def _tags(actors: tuple[Actor, ...]) -> tuple[str, ...]:
    return tuple(a.name for a in actors if a.kind in ("place", "organization"))[:MAX_TAGS]
