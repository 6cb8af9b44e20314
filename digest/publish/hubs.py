"""Publishing, phase 2 (the hub pages): made from the index of phase 1, never by analysing again.

    index.md              the front page: the week's most important stories (front.py), the
                          lead ones in full, the others in short lists by section
    archive/index.md      every month, linking archive/YYYY-MM.md (a month's stories by day)
    actors/index.md       the most covered actors, then A–Z with a letter bar; actors/<slug>.md:
                          names, roles, the newest stories and quotes of one actor (or a
                          redirect to them); actors/<slug>/<n>.md: the earlier ones, 30 to a page
    tags/index.md         A–Z of tags; tags/<slug>.md: the newest stories of one tag;
                          tags/<slug>/<n>.md: the earlier ones, 30 to a page
    search.md             the search page (Pagefind's UI)

`hub_pages` returns every page as text, by path; the folders actors/, archive/ and tags/ are ours.

An actor's or a tag's page lists its newest LISTED stories; one with more also has older pages
of PAGE_STORIES stories each, counted from the oldest, full ones only: the stories that do not yet
fill a page are among the newest LISTED. So an older page, once written, does not change (but for
the link to the next one when that appears), and a day's update renders an actor's page and no
listing of its past, however long the archive.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from .front import FRONT_DAYS, LEAD_STORIES, Sections, front_page
from .frontmatter import (
    HOME_YAML,
    SEARCH_UNTIL,
    SEARCH_YAML,
    QuoteEntry,
    StoryEntry,
    hub_yaml,
    redirect_yaml,
)
from .index import ACTORS_DIR, TAGS_DIR, ActorRecord, SiteIndex, redirects
from .markdown import escape_md, md_url, one_line, web_url, when

if TYPE_CHECKING:  # only its type: publishing needs no configuration
    from ..config import Source

ARCHIVE_DIR = "archive"
HUB_DIRS = (ACTORS_DIR, ARCHIVE_DIR, TAGS_DIR)
HOME_ACTORS = 4  # actors named under each story on the home page
DEVELOPING = "**Developing**"  # the mark of a story that gained articles in the latest update
MOST_COVERED = 10  # actors listed first on the actors' index, by stories and quotes
LISTED = 30  # the newest stories an actor's or a tag's page lists; past them, its older pages
LISTED_QUOTES = 10  # the newest quotes the page of an actor with older pages shows at least
PAGE_STORIES = 30  # stories on one older page, counted from the oldest (older_pages); at most
# LISTED, so the newest LISTED hold every story no full older page holds yet
T = TypeVar("T")
SEARCH_PAGE = "\n".join(
    [
        *SEARCH_YAML,
        "# Search",
        "",
        "Search every briefing and actor: a name, a place, words from a quote.",
        "",
    ]
)


def hub_pages(
    index: SiteIndex,
    sources: Sequence[Source] = (),
    developing: Mapping[str, int] | None = None,
    sections: Sections | None = None,
    days: int = FRONT_DAYS,
    lead: int = LEAD_STORIES,
) -> dict[str, str]:
    """Every hub page's text, by its path relative to the content folder (`sources`: the configured
    ones, which the About page lists; the rest is the front page's, see `home_page`)."""
    return {
        **actor_pages(index),
        **archive_pages(index),
        **tag_pages(index),
        "search.md": SEARCH_PAGE,
        "index.md": home_page(index, developing, sections, days, lead),
        "about.md": about_page(index, sources),
    }


def home_page(
    index: SiteIndex,
    developing: Mapping[str, int] | None = None,
    sections: Sections | None = None,
    days: int = FRONT_DAYS,
    lead: int = LEAD_STORIES,
) -> str:
    """The front page: the most important stories of the last `days` days in full (`lead` of
    them), then short lists of the others by section (front.py ranks them and finds the sections;
    `developing`: the stories that gained articles in the latest update, and how many). Sample
    stories appear only while there is no other story (the archive keeps them)."""
    developing = developing or {}
    stories = [s for s in index.stories if not s.sample] or index.stories
    front = front_page(stories, developing, sections, days, lead)
    lines = [*HOME_YAML, "# Latest briefings", ""]
    if not stories:
        lines.append(
            "No briefings yet: add sources to `site_config/digest.yml` and run `nox -s build`."
        )
    elif all(s.sample for s in stories):
        lines += [
            "These are Digest's **sample stories**, made from fictional articles. List your own "
            "sources in `site_config/digest.yml` instead of `content/samples/*.html` and build "
            "again: your stories take their place ([About](about.md)).",
            "",
        ]
    if front.lead:
        lines += ["## Top stories", ""]
    for story in front.lead:
        lines += story_card(
            story,
            index.actor_pages,
            "",
            section=front.section_of.get(story.path),
            gained=developing.get(story.path, 0),
        )
    for name, group in front.sections:
        lines += [f"## {escape_md(name)}", ""]
        lines += [_story_item(story, developing.get(story.path, 0)) for story in group]
        lines.append("")
    older = len(index.stories) - front.shown
    if stories:
        more = (
            f"{older} more briefing{'s are' if older != 1 else ' is'} in the"
            if older
            else "Every briefing is in the"
        )
        lines += ["---", "", f"{more} [archive](archive/index.md), by month.", ""]
    return "\n".join(lines).rstrip() + "\n"


def _story_item(story: StoryEntry, gained: int) -> str:
    """A story in a short list of the front page: headline, developing, outlets, date."""
    n = len(story.outlets) or 1
    parts = [DEVELOPING] if gained else []
    parts += [f"{n} outlet{'s' * (n > 1)}", when(story.date)]
    sample = " · sample story" if story.sample else ""
    # two spaces: a line break, so the details go under the headline
    return f"- [{escape_md(story.title)}]({story.path})  \n  {' · '.join(parts)}{sample}"


def story_card(
    story: StoryEntry,
    actor_pages: dict[str, str],
    up: str,
    *,
    section: str | None = None,
    gained: int = 0,
) -> list[str]:
    """A story on a listing: title (h3), date and outlets, a one-line summary, key actors (linked).

    `up` is the way from the listing page to the content folder ("" or "../"); the front page
    adds the story's `section`, and a developing mark when it `gained` articles in the latest
    update.
    """
    outlets = story.outlets
    count = f"{len(outlets) or 1} outlet" + ("s" if len(outlets) > 1 else "")
    item = [f"### [{escape_md(story.title)}]({up}{story.path})", ""]
    sample = " · sample story" if story.sample else ""
    where = f"{escape_md(section)} · " if section else ""
    new = f" · {gained} new source{'s' * (gained > 1)}" if gained else ""
    meta = f"*{where}{when(story.date)} · {count}: {escape_md(', '.join(outlets) or 'unknown')}"
    meta += f"{sample}{new}*"
    if gained:
        meta = f"{DEVELOPING} {meta}"
    item += [meta, ""]
    if story.description:
        item += [escape_md(one_line(story.description)), ""]
    if story.actors:
        names = [_linked(a, actor_pages, up) for a in story.actors[:HOME_ACTORS]]
        item += [f"**Key actors:** {', '.join(names)}", ""]
    return item


SOURCE_KINDS = {
    "files": "Saved pages",
    "url": "Article",
    "urls": "List of addresses",
    "feed": "Feed",
    "sitemap": "Sitemap",
}
ABOUT_BRIEFINGS = [
    "## What a briefing holds",
    "",
    "- **Summary**: three to five sentences taken from the articles themselves.",
    "- **Key actors**: the people, organizations and places that act in the story, with the "
    "roles the articles give them.",
    "- **Quotes**: what was said, word for word, with who said it and a link to the sentence in "
    "the source.",
    "- **Timeline**: every date the story mentions, with relative dates such as “on Tuesday” "
    "resolved against the article's publication date.",
    "- **Sources**: outlet, headline, author, date and link for every article used.",
    "",
    "Nothing in a briefing is written by a language model: every sentence, quote and date is "
    "taken from a source and can be traced back to it. Quotes whose speaker the article does "
    "not name are shown as such.",
    "",
]


def about_page(index: SiteIndex, sources: Sequence[Source]) -> str:
    """about.md: what this digest reads (the configured sources), what it holds, and what a
    briefing is."""
    stories = index.stories
    samples = sum(s.sample for s in stories)
    articles = sum(len(s.sources) or 1 for s in stories)
    outlets = len({o for s in stories for o in s.outlets})
    lines = hub_yaml("About this digest", "What this digest reads, and what a briefing holds.")
    lines += ["# About this digest", ""]
    if stories:
        dated = [s.date for s in stories if s.date]
        span = f", from {when(min(dated))} to {when(max(dated))}" if dated else ""
        lines += [
            f"This digest holds **{_count(len(stories), 'briefing')}**, made from "
            f"{_count(articles, 'article')} by {_count(outlets, 'outlet')}{span}. Each briefing "
            "is one story: the articles that report it, read together.",
            "",
        ]
    else:
        lines += ["This digest has no briefings yet.", ""]
    lines += ["## Sources", ""]
    if sources:
        lines += ["It reads these sources, listed in `site_config/digest.yml`:", ""]
        lines += [f"- {SOURCE_KINDS.get(s.kind, s.kind)}: {_source(s)}" for s in sources]
    else:
        lines.append("No sources are configured yet: list them in `site_config/digest.yml`.")
    lines.append("")
    if samples:
        if samples == len(stories):
            which = "It is a sample story" if samples == 1 else "They are all sample stories"
        else:
            which = f"{samples:,} of them {'is a sample story' if samples == 1 else 'are samples'}"
        lines += [
            f"{which}: made from fictional articles written for Digest's demonstration "
            "(`content/samples/`), about invented people, places and outlets. Sample stories "
            "leave the site at the first build whose sources no longer include the sample pages; "
            "until then, any other story comes before them on the front page.",
            "",
        ]
    return "\n".join(lines + ABOUT_BRIEFINGS).rstrip() + "\n"


def _count(n: int, noun: str) -> str:
    """`1 briefing`, `3 briefings`."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _source(source: Source) -> str:
    """A configured source as the About page shows it: a web address as a link; a local path as
    given when relative, else its last two parts (a home folder is nobody's business)."""
    value = source.value
    if web_url(value):
        return f"[{escape_md(value)}]({md_url(value)})"
    parts = value.replace("\\", "/").split("/")
    if value.startswith(("/", "~")) or re.match(r"^[A-Za-z]:", value):
        value = "…/" + "/".join(parts[-2:])
    return escape_md(value)


def actor_pages(index: SiteIndex) -> dict[str, str]:
    """actors/<slug>.md for each actor with a page, a redirect at the address of each of their
    other names, and the index actors/index.md."""
    pages = index.actor_pages
    listed = [a for a in index.actors.values() if a.has_page]
    name_of = {pages[a.name]: a.name for a in listed}
    out = {own: _actor_redirect(name_of[page], page) for own, page in redirects(index).items()}
    for actor in listed:
        out.update(_actor_page(actor, pages[actor.name]))
    out[f"{ACTORS_DIR}/index.md"] = actor_index(listed, pages)
    return out


def _actor_redirect(name: str, page: str) -> str:
    """The page at the address of another of an actor's names: it sends readers on."""
    stem = page.rsplit("/", 1)[-1].removesuffix(".md")
    body = f"# {escape_md(name)}\n\nSee [{escape_md(name)}]({stem}.md).\n"
    return redirect_yaml(name, f"../{stem}/") + "\n" + body


def actor_index(listed: list[ActorRecord], pages: dict[str, str]) -> str:
    """The actors with a page: a letter bar, the MOST_COVERED most covered, then A to Z."""
    lines = hub_yaml("Actors", "People, organizations and places in the briefings, A to Z.")
    lines += ["# Actors", "", "Everyone quoted, or named in at least two briefings.", ""]
    if not listed:
        return "\n".join([*lines, "No actors yet."]) + "\n"
    groups = _by_letter(listed, lambda a: a.name)
    lines += [" · ".join(f"[{_heading(letter)}](#{_anchor(letter)})" for letter, _ in groups), ""]
    if len(listed) > MOST_COVERED:
        lines += ["## Most covered", ""]
        top = sorted(listed, key=lambda a: (-len(a.stories), -len(a.quotes), a.name.casefold()))
        lines += [f"1. {_actor_item(a, pages)}" for a in top[:MOST_COVERED]]
        lines.append("")
    for letter, group in groups:
        lines += [f"## {_heading(letter)}", ""]
        lines += [f"- {_actor_item(a, pages)}" for a in group]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _actor_item(actor: ActorRecord, pages: dict[str, str]) -> str:
    n, q = len(actor.stories), len(actor.quotes)
    count = f"{n} {'story' if n == 1 else 'stories'}"
    count += f", {q} quote{'s' * (q != 1)}" if q else ""
    return f"[{escape_md(actor.name)}]({pages[actor.name].split('/')[-1]}) · {count}"


def _heading(letter: str) -> str:
    return "Other" if letter == "#" else letter


def _anchor(letter: str) -> str:
    """The id MkDocs' toc gives the heading of a letter's section."""
    return _heading(letter).lower()


def _actor_page(actor: ActorRecord, page: str) -> dict[str, str]:
    """The page of an actor (its newest LISTED stories, and the quotes of those no older page holds
    or at least the newest LISTED_QUOTES) and, when it has more stories, its older pages
    (`older_pages`)."""
    kinds = " / ".join(sorted(actor.kinds)) or "person"
    n, q = len(actor.stories), len(actor.quotes)
    stories, quotes = f"{n} {'story' if n == 1 else 'stories'}", f"{q} quote{'s' * (q != 1)}"
    paged = n > LISTED
    found_by = [f"{SEARCH_UNTIL}: stories"]  # its names and roles, not its listings
    lines = hub_yaml(actor.name, f"{actor.name}: {stories}, {quotes}.", more=found_by)
    lines += [f"# {escape_md(actor.name)}", "", f"*{kinds} · {stories} · {quotes}*", ""]
    if actor.aliases:
        also = ", ".join(escape_md(a) for a in sorted(actor.aliases, key=str.casefold))
        lines += [f"Also named: {also}", ""]
    if actor.roles:
        lines += ["## Roles", ""]
        lines += [
            f"- {escape_md(role)}: {_story_link(story)}" for role, story in actor.roles.items()
        ]
        lines.append("")
    older = older_pages(page, actor.stories) if paged else []
    newest = _newest(actor.stories, older)
    lines += ["## Stories", ""]
    if paged:
        lines += [_earlier_under(len(newest)), ""]
    lines += [f"- {when(s.date)} · {_story_link(s)}" for s in newest]
    lines.append("")
    shown = _quotes_shown(actor, older)
    if shown:
        lines += ["## Quotes", ""]
        if len(shown) < q:
            lines += [_earlier_under(len(shown)), ""]
        lines += _quote_lines(shown, "")
    lines += _pages_list(page, older)
    return {
        page: "\n".join(lines).rstrip() + "\n",
        **_older_texts(actor.name, page, older, actor.quotes),
    }


def _newest(stories: Sequence[StoryEntry], older: list[OlderPage]) -> Sequence[StoryEntry]:
    """The stories an actor's or a tag's own page lists (`stories`: newest first): the newest
    LISTED, or every one its older pages do not hold if that is more (it is not while
    PAGE_STORIES <= LISTED)."""
    held = sum(len(o.stories) for o in older)
    return stories[: max(LISTED, len(stories) - held)]


def _earlier_under(count: int) -> str:
    return f"The newest {count}; the earlier ones are under [All stories](#all-stories)."


def _quotes_shown(
    actor: ActorRecord, older: list[OlderPage]
) -> list[tuple[QuoteEntry, StoryEntry]]:
    """The quotes an actor's own page shows: every quote when it has no older pages; else those
    of the stories no older page holds, and the newest LISTED_QUOTES in any case."""
    if not older:
        return list(actor.quotes)
    held = {s.path for o in older for s in o.stories}
    return [
        item for k, item in enumerate(actor.quotes) if k < LISTED_QUOTES or item[1].path not in held
    ]


class OlderPage(NamedTuple):
    """One of an actor's or a tag's older pages: `<slug>/<number>.md`, PAGE_STORIES stories
    counted from the oldest (newest first here), and the dates they span."""

    path: str
    number: int
    label: str
    stories: list[StoryEntry]

    @property
    def first(self) -> int:
        """The number of its first story, counted from the oldest."""
        return (self.number - 1) * PAGE_STORIES + 1

    @property
    def last(self) -> int:
        return self.first + len(self.stories) - 1


def older_pages(page: str, stories: Sequence[StoryEntry]) -> list[OlderPage]:
    """The stories of an actor's or a tag's page (`stories`: newest first) PAGE_STORIES to a page
    counted from the oldest, full pages only, newest page first: stories 1 to 30 are on
    `<slug>/1.md` once there are 30, and stay there. The stories after the last full page are
    fewer than PAGE_STORIES, so among the newest LISTED the page itself lists."""
    oldest = list(reversed(stories))
    folder = page.removesuffix(".md")
    out = []
    for k in range(0, len(oldest) - PAGE_STORIES + 1, PAGE_STORIES):
        part, number = oldest[k : k + PAGE_STORIES], k // PAGE_STORIES + 1
        out.append(OlderPage(f"{folder}/{number}.md", number, _span(part), part[::-1]))
    return out[::-1]


def _span(stories: Sequence[StoryEntry]) -> str:
    """The dates a page of stories (oldest first) covers: "3 March 2026 – 9 May 2026"."""
    first, last = when(stories[0].date), when(stories[-1].date)
    return first if first == last else f"{first} – {last}"


def _pages_list(page: str, older: list[OlderPage]) -> list[str]:
    """The section of an actor's or a tag's page that links its older pages, newest first."""
    if not older:
        return []
    up = page.removesuffix(".md").rsplit("/", 1)[-1]
    lines = ["## All stories", "", f"{PAGE_STORIES} to a page, newest first.", ""]
    lines += [
        f"- [{escape_md(o.label)}]({up}/{o.number}.md) · stories {o.first}–{o.last}" for o in older
    ]
    return [*lines, ""]


def _older_texts(
    name: str,
    page: str,
    older: list[OlderPage],
    quotes: Sequence[tuple[QuoteEntry, StoryEntry]] = (),
) -> dict[str, str]:
    """The older pages of an actor (with the `quotes` of their stories) or a tag, by path. Out of
    search: the page itself is what a search finds. Nothing on one depends on the stories after
    its own but whether a next page exists, so a full page changes once more, when its next page
    appears."""
    quoted: dict[str, list[tuple[QuoteEntry, StoryEntry]]] = defaultdict(list)
    for quote, story in quotes:
        quoted[story.path].append((quote, story))
    out = {}
    for k, o in enumerate(older):
        lines = hub_yaml(
            f"{name}, {o.label}",
            f"{name}: stories {o.first} to {o.last}.",
            more=["search:", "  exclude: true"],
        )
        back = page.rsplit("/", 1)[-1]
        steps = [f"Back to [{escape_md(name)}](../{back})"]
        steps += [f"[Earlier stories]({o.number - 1}.md)"] if o.number > 1 else []
        steps += [f"[Later stories]({o.number + 1}.md)"] if k > 0 else []  # newest first
        lines += [f"# {escape_md(name)}, {escape_md(o.label)}", ""]
        lines += [f"*Stories {o.first}–{o.last}, newest first.*", "", " · ".join(steps), ""]
        lines += ["## Stories", ""]
        lines += [f"- {when(s.date)} · {_story_link(s, '../')}" for s in o.stories]
        said = [item for s in o.stories for item in quoted.get(s.path, ())]
        if said:
            lines += ["", "## Quotes", "", *_quote_lines(said, "../")]
        out[o.path] = "\n".join(lines).rstrip() + "\n"
    return out


def _quote_lines(quotes: Sequence[tuple[QuoteEntry, StoryEntry]], up: str) -> list[str]:
    lines = []
    for quote, story in quotes:
        source = escape_md(quote.outlet or "source")
        if quote.url and web_url(quote.url):
            source = f"[{source}]({md_url(quote.url)})"
        said = quote.context or f"“{quote.text}”"  # a fragment reads in its sentence
        lines += [
            f"> {escape_md(said)}",
            "",
            f"— {when(quote.date)}, {source}, in {_story_link(story, up)}",
            "",
        ]
    return lines


def archive_pages(index: SiteIndex) -> dict[str, str]:
    """archive/index.md (months, newest first) and archive/YYYY-MM.md (or undated.md) for each
    month."""
    months: dict[str, list[StoryEntry]] = defaultdict(list)
    for story in index.stories:
        months[story.date.strftime("%Y-%m") if story.date else "undated"].append(story)
    out = {}
    lines = hub_yaml("Archive", "Every briefing, by month.") + ["# Archive", ""]
    year = None
    for key, group in months.items():  # stories are newest first, so months are too
        label = _month_label(key)
        if key[:4] != year and key != "undated":
            year = key[:4]
            lines += [f"## {year}", ""]
        lines.append(
            f"- [{label}]({key}.md) · {len(group)} {'briefing' if len(group) == 1 else 'briefings'}"
        )
        out[f"{ARCHIVE_DIR}/{key}.md"] = _month_page(label, group, index.actor_pages)
    if not months:
        lines.append("No briefings yet.")
    out[f"{ARCHIVE_DIR}/index.md"] = "\n".join(lines).rstrip() + "\n"
    return out


def _month_page(label: str, stories: list[StoryEntry], pages: dict[str, str]) -> str:
    lines = hub_yaml(
        f"Briefings of {label}", f"Every briefing of {label}.", template="digest-list.html"
    )
    lines += [f"# {label}", "", "[All months](index.md)", ""]
    day: object = object()
    for story in stories:
        if story.date != day:
            day = story.date
            lines += [f"## {when(story.date)}", ""]
        lines += story_card(story, pages, "../")
    return "\n".join(lines).rstrip() + "\n"


def tag_pages(index: SiteIndex) -> dict[str, str]:
    """tags/index.md (A–Z) and tags/<slug>.md for each tag of MIN_TAGGED stories or more: its
    stories, newest first. Digest writes these listings itself, so a story page's HTML depends only
    on its own Markdown and a build of the changed pages alone is right (mkdocs_build.py)."""
    tagged: dict[str, list[StoryEntry]] = defaultdict(list)
    for story in index.stories:  # newest first
        for tag in dict.fromkeys(story.tags):
            if tag in index.tag_pages:
                tagged[tag].append(story)
    out = {}
    lines = hub_yaml("Tags", "Tags used by at least two briefings.") + ["# Tags", ""]
    for letter, group in _by_letter(list(tagged), lambda tag: tag):
        lines += [f"## {_heading(letter)}", ""]
        for tag in group:
            page, stories = index.tag_pages[tag], tagged[tag]
            name = page.rsplit("/", 1)[-1]
            lines.append(f"- [{escape_md(tag)}]({name}) · {len(stories)} briefings")
            out.update(_tag_page(tag, page, stories))
        lines.append("")
    if not tagged:
        lines.append("No tag is used by two briefings yet.")
    out[f"{TAGS_DIR}/index.md"] = "\n".join(lines).rstrip() + "\n"
    return out


def _tag_page(tag: str, page: str, stories: list[StoryEntry]) -> dict[str, str]:
    """The listing of a tag (its newest LISTED stories) and, past them, its older pages."""
    body = hub_yaml(tag, f"Briefings tagged {tag}.") + [f"# {escape_md(tag)}", ""]
    body += [f"*{len(stories)} briefings, newest first.* [All tags](index.md)", ""]
    older = older_pages(page, stories) if len(stories) > LISTED else []
    newest = _newest(stories, older)
    if older:
        body += [_earlier_under(len(newest)), ""]
    body += [f"- {when(s.date)} · {_story_link(s)}" for s in newest]
    body += ["", *_pages_list(page, older)]
    return {page: "\n".join(body).rstrip() + "\n", **_older_texts(tag, page, older)}


def _by_letter(items: Iterable[T], name: Callable[[T], str]) -> list[tuple[str, list[T]]]:
    groups: dict[str, list[T]] = defaultdict(list)
    for item in items:
        first = unicodedata.normalize("NFKD", name(item).lstrip("'\"“‘ "))[:1].upper()
        groups[first if first.isalpha() and first.isascii() else "#"].append(item)
    ordered = sorted(groups, key=lambda g: (g == "#", g))
    return [
        (letter, sorted(groups[letter], key=lambda item: name(item).casefold()))
        for letter in ordered
    ]


def _linked(name: str, actor_pages: dict[str, str], up: str) -> str:
    page = actor_pages.get(name)
    return f"[{escape_md(name)}]({up}{page})" if page else escape_md(name)


def _story_link(story: StoryEntry, up: str = "") -> str:
    return f"[{escape_md(story.title)}]({up}../{story.path})"


def _month_label(key: str) -> str:
    return "Undated" if key == "undated" else dt.date.fromisoformat(key + "-01").strftime("%B %Y")
