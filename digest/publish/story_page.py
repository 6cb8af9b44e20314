"""A story's page: a briefing as Markdown (front matter, then Summary, The story so far, Key actors,
Quotes, How each outlet covered it, Timeline, Sources), with each actor's name linked to the actor's
page when there is one and the related stories linked (`related.py`); and the page of a story merged
into another, which sends readers on.

Everything taken from a source is escaped, so no markup from a page reaches the site;
`check_markdown` verifies that with markdown-it-py before a page is written.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..errors import DigestError
from ..model import Article, Briefing, Coverage, Quote, TimeRef
from ..timevalues import describe_range, describe_value, precision, sort_key
from .frontmatter import (
    KEY_ACTORS,
    OPEN_MARKS,
    StoryEntry,
    redirect_yaml,
    story_entry,
    story_yaml,
    text_fragment,
)
from .index import TAG_LINK
from .markdown import check_markdown, escape_md, format_date, md_url, web_url

NO_LINKS: Mapping[str, str] = {}
SAMPLE_NOTE = (
    '!!! note "A sample story"\n\n'
    "    Made from fictional articles written for Digest's demonstration: the people, places and\n"
    "    outlets are invented. Sample stories leave the site once the sample pages are no longer\n"
    "    among its sources ([About](../about.md)).\n"
)
LEAD_QUOTES = 6  # a story page leads with this many quotes; the others wait in a collapsed block
MAX_HEADING_DATES = 3  # a sentence with more dates is headed by its first and last
LONG_SENTENCE = 250  # characters: a sentence this long with two dates is shown once, not twice
MAX_EXPRESSIONS = 6  # the words that date a sentence, shown under it at most
OPEN_OWN = 3  # an outlet's own facts and quotes are shown open up to this many, collapsed beyond


def story_markdown(
    briefing: Briefing,
    path: str = "",
    links: Mapping[str, str] = NO_LINKS,
    sample: bool = False,
    related: Sequence[StoryEntry] = (),
) -> str:
    """The page of `briefing` at `path`; `links` maps actors' names to their pages (relative to the
    content folder); `sample`: one of Digest's sample stories, said so under the byline; `related`:
    the published stories listed under "The story so far", in date order. Raises DigestError when
    the Markdown would not be safe to publish."""
    parts = [
        story_yaml(story_entry(briefing, path, sample), _tag_pages(links)),
        f"# {escape_md(briefing.title)}\n",
        _byline(briefing),
        SAMPLE_NOTE if sample else "",
        _section("Summary", " ".join(escape_md(s) for s in briefing.summary)),
        _section("The story so far", _story_so_far(briefing, path, related)),
        _section("Key actors", _actors_list(briefing, links)),
        _section("Quotes", _quotes(briefing, links)),
        _section("How each outlet covered it", _coverage(briefing, links)),
        _section("Timeline", _timeline_list(briefing)),
        _section("Sources", _sources(briefing)),
    ]
    markdown = "\n".join(p for p in parts if p)
    problems = check_markdown(markdown)
    if problems:
        raise DigestError(f"refusing to write unsafe Markdown ({problems[0]})", briefing.title)
    return markdown


def _tag_pages(links: Mapping[str, str]) -> dict[str, str]:
    """The tags' listing pages among a story page's links (index.TAG_LINK + tag → page)."""
    return {k.removeprefix(TAG_LINK): p for k, p in links.items() if k.startswith(TAG_LINK)}


def redirect_markdown(title: str, target: str) -> str:
    """The page of a story merged into the story whose page is `target` (a file name in the same
    folder)."""
    stem = target.rsplit("/", 1)[-1].removesuffix(".md")
    body = f"# {escape_md(title)}\n\nThis story is now part of [{escape_md(title)}]({stem}.md).\n"
    return redirect_yaml(title, f"../{stem}/") + "\n" + body


def actor_ref(name: str, links: Mapping[str, str] = NO_LINKS) -> str:
    """How an actor is named on a briefing: in bold, linked to the actor's page if there is one."""
    bold = f"**{escape_md(name)}**"
    page = links.get(name)
    return f"[{bold}](../{page})" if page else bold


def _byline(b: Briefing) -> str:
    outlets = sorted({a.site or "unknown outlet" for a in b.articles})
    when = format_date(b.published) if b.published else "Undated"
    count = f"{len(b.articles)} source" + ("s" if len(b.articles) != 1 else "")
    return f"{when} · {count} · {escape_md(', '.join(outlets))}\n"


def _section(heading: str, body: str) -> str:
    return f"## {heading}\n\n{body}\n" if body.strip() else ""


def _story_so_far(b: Briefing, path: str, related: Sequence[StoryEntry]) -> str:
    """The related stories in date order, each with its date and linked title, and this story in
    its place among them."""
    if not related:
        return ""
    here = posixpath.dirname(path)
    items = [
        (s.date, f"[{escape_md(s.title)}]({md_url(posixpath.relpath(s.path, here or '.'))})")
        for s in related
    ]
    place = (b.published or dt.date.min, path)
    items.insert(
        sum((s.date or dt.date.min, s.path) < place for s in related),
        (b.published, "*this briefing*"),
    )
    return "\n".join(f"- {format_date(d) if d else 'Undated'} · {text}" for d, text in items)


def _actors_list(b: Briefing, links: Mapping[str, str]) -> str:
    """One line per actor (readable on a phone): name in bold, role, kind."""
    lines = []
    for actor in b.actors[:KEY_ACTORS]:
        role = f" — {escape_md(actor.role)}" if actor.role else ""
        plural = "s" if actor.mentions != 1 else ""
        lines.append(
            f"- {actor_ref(actor.name, links)}{role} · "
            f"*{actor.kind}, {actor.mentions} mention{plural}*"
        )
    return "\n".join(lines)


def _quotes(b: Briefing, links: Mapping[str, str]) -> str:
    """The LEAD_QUOTES most informative quotes (in story order), then the fragments inside the
    sentences that carry them, then the other quotes under a collapsed "All quotes" block."""
    whole = [q for q in _as_read(b.quotes) if not q.context]
    lead = set(sorted(range(len(whole)), key=lambda i: _informative(whole[i]))[:LEAD_QUOTES])
    blocks = [_quote_block(q, b.articles, links) for i, q in enumerate(whole) if i in lead]
    rest = [_quote_block(q, b.articles, links) for i, q in enumerate(whole) if i not in lead]
    parts = ["\n\n".join(blocks)]
    parts.append("\n".join(_fragment(q, b.articles, links) for q in b.quotes if q.context))
    if rest:
        more = "\n\n".join(rest).replace("\n", "\n    ").replace("\n    \n", "\n\n")
        parts.append(f'??? quote "All quotes: {len(rest)} more"\n\n    {more}')
    return "\n\n".join(p for p in parts if p)


def _as_read(quotes: tuple[Quote, ...]) -> list[Quote]:
    """An interrupted quote and the part after "he said," shown as one (Quote.joined)."""
    out: list[Quote] = []
    skip = False
    for i, q in enumerate(quotes):
        after = quotes[i + 1] if i + 1 < len(quotes) else None
        if skip:
            skip = False
        elif after is not None and _goes_on(q, after):
            sources = tuple(dict.fromkeys((*q.sources, *after.sources)))
            out.append(replace(q, text=q.joined or q.text, sources=sources))
            skip = True
        else:
            out.append(q)
    return out


def _goes_on(q: Quote, after: Quote) -> bool:
    if q.joined is None or after.speaker != q.speaker:
        return False
    return " ".join(after.text.split()) in " ".join(q.joined.split())


def _informative(q: Quote) -> tuple[bool, int, int, int]:
    """Named speakers first, then quotes more outlets carry, then longer ones; ties by position."""
    return (q.speaker is None, -len(q.sources), -len(q.text.split()), q.start)


def _fragment(q: Quote, articles: tuple[Article, ...], links: Mapping[str, str]) -> str:
    """A fragment ("a slow eviction") inside the reporter's sentence that carries it."""
    speaker = actor_ref(q.speaker, links) if q.speaker else "*speaker not named*"
    sources = " · ".join(_source_link(articles[i], q.text) for i in q.sources if i < len(articles))
    return f"- {escape_md(q.context or q.text)} — {speaker}, {sources}"


def _quote_block(q: Quote, articles: tuple[Article, ...], links: Mapping[str, str]) -> str:
    pieces = [p.strip().lstrip(OPEN_MARKS).strip() for p in re.split(r"\n\s*\n", q.text)]
    body = "\n>\n> ".join(escape_md(p) for p in pieces if p)
    speaker = actor_ref(q.speaker, links) if q.speaker else "*speaker not named*"
    sources = " · ".join(_source_link(articles[i], q.text) for i in q.sources if i < len(articles))
    return f"> “{body}”\n\n— {speaker}, {sources}"


def _source_link(source: Article, quoted: str) -> str:
    label = escape_md(source.site or source.title)
    if not source.url or not web_url(source.url):
        return label
    return f"[{label}]({md_url(source.url + text_fragment(quoted))})"


def _coverage(b: Briefing, links: Mapping[str, str]) -> str:
    """Per source of a story of several outlets: when it was published, its lead, and the facts
    and quotes only it carries (merge.py decides which), each linked to its sentence there."""
    first = next((a.published for a in b.articles if a.published), None)
    return "\n\n".join(_outlet_view(b, c, first, links) for c in b.coverage)


def _outlet_view(b: Briefing, c: Coverage, first: dt.date | None, links: Mapping[str, str]) -> str:
    article = b.articles[c.source]
    when = format_date(article.published) if article.published else "Undated"
    if article.published and first:
        days = (article.published - first).days
        if days > 0:
            when += f" ({days} day{'s' if days != 1 else ''} after the first report)"
    head = [f"### {escape_md(article.site or 'Unknown outlet')}", f"*Published {when}*"]
    if c.lead:
        head.append(f"**Its lead:** {escape_md(c.lead)} {_there(article, c.lead)}")
    items = [f"- {escape_md(f)} {_there(article, f)}" for f in c.facts]
    for q in _as_read(c.quotes):
        speaker = actor_ref(q.speaker, links) if q.speaker else "*speaker not named*"
        words = q.context or f"“{q.text.strip().lstrip(OPEN_MARKS).strip()}”"
        items.append(f"- {escape_md(words)} — {speaker} {_there(article, q.text)}")
    if not items:
        head.append("*No fact or quote of its own found: the other outlets carry what it says.*")
        return "\n\n".join(head)
    counts = [
        f"{n} {word}{'s' if n != 1 else ''}"
        for n, word in ((len(c.facts), "fact"), (len(_as_read(c.quotes)), "quote"))
        if n
    ]
    marker = "???+" if len(items) <= OPEN_OWN else "???"
    body = "\n".join(items).replace("\n", "\n    ")
    head.append(f'{marker} note "Only in this outlet: {" and ".join(counts)}"\n\n    {body}')
    return "\n\n".join(head)


def _there(source: Article, sentence: str) -> str:
    """A link to the sentence in the source, when the source has a web address."""
    if not source.url or not web_url(source.url):
        return ""
    return f"[↗]({md_url(source.url + text_fragment(sentence))})"


def _timeline_list(b: Briefing) -> str:
    """One list item per date, oldest first; a sentence that gives several dates is one item, at
    its first date, headed by its dates. digest.css draws the list under `## Timeline` as a line."""
    items: list[str] = []
    last = None
    for group in _timeline_groups(b.timeline):
        values = list(dict.fromkeys(r.value for r in group))
        line = _timeline_line(b, group)
        if len(values) == 1 and values[0] == last:
            items[-1] += f"  \n  {line}"
            continue
        items.append(f"- **{_dates_heading(values)}**  \n  {line}")
        last = values[0] if len(values) == 1 else None
    return "\n".join(items)


def _timeline_groups(refs: tuple[TimeRef, ...]) -> list[list[TimeRef]]:
    """Entries in date order, one per date; but a sentence that gives many dates (or a long one
    with several) is one group, placed at its first most precise date ("since 2022 ... on
    Thursday and Friday" sits at the Thursday) so that its words are shown once."""
    by_sentence: dict[tuple[str, tuple[int, ...]], list[TimeRef]] = {}
    for ref in sorted(refs, key=_when):
        by_sentence.setdefault((" ".join(ref.event.split()), ref.sources), []).append(ref)
    groups: list[list[TimeRef]] = []
    for (event, _), group in by_sentence.items():
        values = {r.value for r in group}
        together = len(values) >= 3 or (len(values) == 2 and len(event) >= LONG_SENTENCE)
        groups += [group] if together else [[r] for r in group]
    return sorted(groups, key=lambda g: _when(min(g, key=lambda r: (precision(r.value), _when(r)))))


def _when(ref: TimeRef) -> tuple[tuple[int, int, int], int, int]:
    return sort_key(ref.value), ref.sources[0], ref.start


def _dates_heading(values: list[str]) -> str:
    """'20 November 2019'; 'The week of 11 November 2019'; a sentence's several dates:
    '22, 23 and 24 November 2019', '2011 · 16 November 2019', or from the first to the last when
    there are many."""
    days = [re.fullmatch(r"(\d{4}-\d{2})-(\d{2})", v) for v in values]
    if 1 < len(values) <= MAX_HEADING_DATES and all(days) and len({d[1] for d in days if d}) == 1:
        numbers = [str(int(d[2])) for d in days if d]
        month = describe_value(values[0]).split(" ", 1)[1]
        text = f"{', '.join(numbers[:-1])} and {numbers[-1]} {month}"
    elif len(values) <= MAX_HEADING_DATES:
        text = " · ".join(describe_value(v) for v in values)
    else:
        span = describe_range(values[0].split("/")[0], values[-1].split("/")[-1])
        text = f"{span} · {len(values)} dates"
    return text[:1].upper() + text[1:]


def _timeline_line(b: Briefing, group: list[TimeRef]) -> str:
    """The sentence, then the words that date it (a long list cut short) and, for a story of
    several sources, the outlets."""
    ref = group[0]
    where = (
        f" · {escape_md(', '.join(b.articles[i].site or '?' for i in ref.sources))}"
        if len(b.articles) > 1
        else ""
    )
    words = list(dict.fromkeys(r.expression for r in group))
    shown = " · ".join(f"“{escape_md(w)}”" for w in words[:MAX_EXPRESSIONS])
    if len(words) > MAX_EXPRESSIONS:
        shown += f" · and {len(words) - MAX_EXPRESSIONS} more"
    return f"{escape_md(ref.event)}  \n  *{shown}{where}*"


def _sources(b: Briefing) -> str:
    items = "\n".join(_source_item(a) for a in b.articles)
    if len(b.articles) > 1:
        outlets = len({a.site or a.source for a in b.articles})
        note = f"{len(b.articles)} articles from {outlets} outlet{'s' if outlets != 1 else ''}"
        items += (
            f"\n\n*Why these are one story:* {note}; {escape_md(b.why)}."
            if b.why
            else f"\n\n*{note}.*"
        )
    return items


def _source_item(a: Article) -> str:
    title = escape_md(a.title)
    link = f"[{title}]({md_url(a.url)})" if a.url and web_url(a.url) else title
    bits = [f"**{escape_md(a.site or 'Unknown outlet')}**: {link}"]
    if a.author:
        bits.append(f"by {escape_md(a.author)}")
    if a.published:
        bits.append(format_date(a.published))
    return "- " + " · ".join(bits)
