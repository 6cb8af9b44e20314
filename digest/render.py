"""Briefing → Markdown page (YAML front matter + sections) and → the `digest analyze --json` object.

Everything taken from a source is escaped, so no markup from a page reaches the site; `check_markdown`
verifies that with markdown-it-py before a page is written.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import quote as percent

import yaml
from markdown_it import MarkdownIt

from .model import Article, Briefing, Quote
from .timevalues import describe_value, sort_key

FRAGMENT_WORDS = 4  # words at each end of a quote used for its #:~:text= link
KEY_ACTORS = 10  # actors shown on a briefing (the rest are minor mentions)
_ESCAPE = re.compile(r"([\\`*_\[\]{}()#+!|-])")  # Markdown punctuation, escaped with a backslash
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_OPEN_MARKS = "“‘«\"'"
_MD = MarkdownIt("commonmark").enable("table")
_MD.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link, to judge it ourselves


def escape_md(text: str) -> str:
    """Source text as inert Markdown: one line, Markdown punctuation escaped, HTML as entities."""
    text = " ".join(text.split())
    text = _ESCAPE.sub(r"\\\1", text)
    text = text.translate(_ENTITIES)
    return re.sub(r"^(\d+)\.", r"\1\\.", text)  # "1999. The year…" is not an ordered list


def render_markdown(briefing: Briefing) -> str:
    """The briefing page: front matter, then Summary, Key actors, Quotes, Timeline, Sources."""
    parts = [
        _front_matter(briefing),
        f"# {escape_md(briefing.title)}\n",
        _byline(briefing),
        _section("Summary", " ".join(escape_md(s) for s in briefing.summary)),
        _section("Key actors", _actors_list(briefing)),
        _section("Quotes", "\n\n".join(_quote_block(q, briefing.articles) for q in briefing.quotes)),
        _section("Timeline", _timeline_list(briefing)),
        _section("Sources", _sources(briefing)),
    ]
    return "\n".join(p for p in parts if p)


def _front_matter(b: Briefing) -> str:
    meta: dict[str, Any] = {
        "title": b.title,
        "date": b.published.isoformat() if b.published else None,
        "id": b.id,
        "description": b.summary[0] if b.summary else None,
        "sources": [_source_meta(a) for a in b.articles],
        "actors": [a.name for a in b.actors[:KEY_ACTORS]],
        "tags": list(b.tags),
        # what the hub pages (actors, front page, feeds) need, so they never re-analyse a story
        "cast": [{"name": a.name, "kind": a.kind, "role": a.role} for a in b.actors[:KEY_ACTORS]],
        "quotes": [_quote_meta(q, b.articles) for q in b.quotes],
    }
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000) + "---\n"


def _quote_meta(q: Quote, articles: tuple[Article, ...]) -> dict[str, Any]:
    first = articles[q.sources[0]] if q.sources and q.sources[0] < len(articles) else articles[0]
    url = first.url + text_fragment(q.text) if first.url and first.url.startswith(("http://", "https://")) else None
    return {
        "speaker": q.speaker,
        "text": " ".join(q.text.split()).strip(_OPEN_MARKS + " ,"),
        "outlet": first.site,
        "url": url,
        "date": first.published.isoformat() if first.published else None,
    }


def _source_meta(a: Article) -> dict[str, Any]:
    return {
        "outlet": a.site,
        "title": a.title,
        "url": a.url,
        "author": a.author,
        "published": a.published.isoformat() if a.published else None,
    }


def _byline(b: Briefing) -> str:
    outlets = sorted({a.site or "unknown outlet" for a in b.articles})
    when = format_date(b.published) if b.published else "Undated"
    count = f"{len(b.articles)} source" + ("s" if len(b.articles) != 1 else "")
    return f"{when} · {count} · {escape_md(', '.join(outlets))}\n"


def _section(heading: str, body: str) -> str:
    return f"## {heading}\n\n{body}\n" if body.strip() else ""


def _actors_list(b: Briefing) -> str:
    """One line per actor (readable on a phone): name in bold (linked later by the hub writer), role, kind."""
    lines = []
    for actor in b.actors[:KEY_ACTORS]:
        role = f" — {escape_md(actor.role)}" if actor.role else ""
        plural = "s" if actor.mentions != 1 else ""
        lines.append(f"- {actor_ref(actor.name)}{role} · *{actor.kind}, {actor.mentions} mention{plural}*")
    return "\n".join(lines)


def actor_ref(name: str) -> str:
    """How an actor is named on a briefing; site.link_actors turns it into a link when the actor has a page."""
    return f"**{escape_md(name)}**"


def _quote_block(q: Quote, articles: tuple[Article, ...]) -> str:
    pieces = [p.strip().lstrip(_OPEN_MARKS).strip() for p in re.split(r"\n\s*\n", q.text)]
    body = "\n>\n> ".join(escape_md(p) for p in pieces if p)
    speaker = actor_ref(q.speaker) if q.speaker else "*speaker not named*"
    links = " · ".join(_source_link(articles[i], q.text) for i in q.sources if i < len(articles))
    return f"> “{body}”\n\n— {speaker}, {links}"


def _source_link(source: Article, quoted: str) -> str:
    label = escape_md(source.site or source.title)
    if not source.url or not source.url.startswith(("http://", "https://")):
        return label
    return f"[{label}]({_md_url(source.url + text_fragment(quoted))})"


def text_fragment(quoted: str) -> str:
    """A `#:~:text=start,end` fragment that makes the browser scroll to the quote."""
    words = quoted.replace("”", " ").replace("“", " ").split()
    if len(words) <= 2 * FRAGMENT_WORDS:
        return "#:~:text=" + _fragment_part(" ".join(words))
    start, end = " ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])
    return f"#:~:text={_fragment_part(start)},{_fragment_part(end)}"


def _fragment_part(text: str) -> str:
    return percent(text.strip(" ,.;:"), safe="")


def _timeline_list(b: Briefing) -> str:
    """One list item per date, oldest first; digest.css draws the list under `## Timeline` as a vertical line."""
    several = len(b.articles) > 1
    items: list[str] = []
    last = None
    for ref in sorted(b.timeline, key=lambda r: (sort_key(r.value), r.sources[0], r.start)):
        where = f" · {escape_md(', '.join(b.articles[i].site or '?' for i in ref.sources))}" if several else ""
        line = f"{escape_md(ref.event)}  \n  *“{escape_md(ref.expression)}”{where}*"
        if ref.value == last:
            items[-1] += f"  \n  {line}"
        else:
            items.append(f"- **{describe_value(ref.value)}**  \n  {line}")
            last = ref.value
    return "\n".join(items)


def _sources(b: Briefing) -> str:
    items = "\n".join(_source_item(a) for a in b.articles)
    if len(b.articles) > 1:
        outlets = len({a.site or a.source for a in b.articles})
        note = f"{len(b.articles)} articles from {outlets} outlet{'s' if outlets != 1 else ''}"
        items += f"\n\n*Why these are one story:* {note}; {escape_md(b.why)}." if b.why else f"\n\n*{note}.*"
    return items


def _source_item(a: Article) -> str:
    title = escape_md(a.title)
    link = f"[{title}]({_md_url(a.url)})" if a.url and a.url.startswith(("http://", "https://")) else title
    bits = [f"**{escape_md(a.site or 'Unknown outlet')}**: {link}"]
    if a.author:
        bits.append(f"by {escape_md(a.author)}")
    if a.published:
        bits.append(format_date(a.published))
    return "- " + " · ".join(bits)


def _md_url(url: str) -> str:
    """A URL safe inside Markdown link parentheses."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C").replace(">", "%3E")


def format_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def check_markdown(markdown: str) -> list[str]:
    """Problems in generated Markdown: raw HTML, or links that are not http(s) or relative pages."""
    problems = []
    body = _FRONT_MATTER.sub("", markdown, count=1)  # YAML, escaped by the theme's templates
    for token in _walk(_MD.parse(body)):
        if token.type in ("html_block", "html_inline"):
            problems.append(f"raw HTML: {token.content.strip()[:60]!r}")
        if token.type in ("link_open", "image"):
            href = str(token.attrGet("href") or token.attrGet("src") or "")
            if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) and not href.startswith(("http://", "https://")):
                problems.append(f"unsafe link: {href[:60]!r}")
    return problems


def _walk(tokens: list[Any]) -> list[Any]:
    out = []
    for token in tokens:
        out.append(token)
        out.extend(_walk(token.children or []))
    return out


def briefing_json(b: Briefing) -> dict[str, Any]:
    """The `digest analyze --json` contract for a one-article briefing."""
    article = b.articles[0]
    return {
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "site": article.site,
        "text": article.text,
        "summary": list(b.summary),
        "actors": [
            {"name": a.name, "kind": a.kind, "role": a.role, "aliases": list(a.aliases), "mentions": a.mentions}
            for a in b.actors
        ],
        "quotes": [{"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end} for q in b.quotes],
        "timeline": [
            {"expression": t.expression, "value": t.value, "start": t.start, "end": t.end, "event": t.event}
            for t in b.timeline
        ],
    }
