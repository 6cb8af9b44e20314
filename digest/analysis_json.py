"""The `digest analyze --json` object of a one-article briefing: what `../shared/eval/score.py`
reads."""

from __future__ import annotations

from typing import Any

from .model import Briefing


def briefing_json(b: Briefing) -> dict[str, Any]:
    article = b.articles[0]
    return {
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "site": article.site,
        "text": article.text,
        "summary": list(b.summary),
        "actors": [
            {
                "name": a.name,
                "kind": a.kind,
                "role": a.role,
                "aliases": list(a.aliases),
                "mentions": a.mentions,
            }
            for a in b.actors
        ],
        "quotes": [
            {
                "text": q.text,
                "speaker": q.speaker,
                "evidence": q.evidence,
                "start": q.start,
                "end": q.end,
            }
            for q in b.quotes
        ],
        "timeline": [
            {
                "expression": t.expression,
                "value": t.value,
                "start": t.start,
                "end": t.end,
                "event": t.event,
            }
            for t in b.timeline
        ],
    }
