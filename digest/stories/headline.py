"""A story's headline: the best of its sources' headlines, without the outlet's name.

    clean_headline(title, site, url)      "Pier reopens | The Gazette" → "Pier reopens"
    story_headline(titles, vocabularies)  the headline a story shows

Cleaning removes the outlet's branding from either end of a headline ("… | Al Bawaba", "… - BBC
News", "Outlet: …"): a part that is the site name trafilatura reports, or the name in the page's
address, give or take words outlets add to their names ("News", "Magazine", ".com").

Choosing: a story's articles are in date order, and the earliest headline wins unless there is
evidence against it. A headline is passed over when it is shaped like a newsletter's or round-up's
("Opening Bell 11.18.19", "Morning Briefing", "10 things you need to know today": a date stamp or a
round-up phrase), or when the other sources hardly use its words (the page only mentions the
story: its headline is about something else). Each source's words are what its stored analysis
holds: its weighted content words, summary and actors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from ..analysis.fingerprint import content_words

MIN_COVERAGE = (
    0.5  # share of a headline's content words the other sources use: below, it is about else
)
MAX_SITE_WORDS = 6  # an outlet's name is short; a longer part is a headline of its own
# Words outlets add to their names: "BBC" is also "BBC News", "SpaceNews" also "SpaceNews.com".
OUTLET_WORDS = frozenset(
    "the news online magazine mag daily weekly times post journal blog com net org co uk tv radio "
    "media network newspaper digital edition international world today live".split()
)
SEPARATOR = re.compile(r"(\s+(?:\||-|–|—|::|·|•|»)\s+)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")  # as in the fingerprint: no numbers
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A date or issue stamp in a headline marks an edition of a series, not a report of an event.
DATE_STAMP = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"  # 11.18.19, 18/11/2019
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2019-11-18
    rf"|\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b"  # November 18, 2019
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH},? \d{{4}}\b"  # 18 November 2019
    r"|\b(?:week|issue|edition|vol\.?) ?\d{1,3}\b",  # Week 11, Issue 42
    re.IGNORECASE,
)
# Phrases of newsletters, briefings and round-ups: titles of a collection, not of one story.
ROUNDUP = re.compile(
    r"\b(?:briefing|newsletter|digest|round-?up|recap|wrap-?up|open thread|"
    r"(?:week|month|year) in review|(?:morning|evening|daily|weekly|weekend) (?:edition|update|"
    r"report|read|brief)|live (?:updates|blog|coverage)|what we're (?:reading|watching)|"
    r"\d+ (?:things|stories)\b.*\bknow|(?:you )?need to know(?: today)?$)",
    re.IGNORECASE,
)


def clean_headline(title: str, site: str | None, url: str | None = None) -> str:
    """The headline without the outlet's name at either end (never empty: the title as given)."""
    names = _site_names(site, url)
    if not names:
        return title
    text = title
    for name in filter(None, [site]):  # a site name with a separator inside: "Name | Slogan"
        text = _strip_literal(text, name)
    pieces = SEPARATOR.split(text)  # [part, separator, part, …]
    while len(pieces) >= 3 and _is_site(pieces[-1], names):
        pieces = pieces[:-2]
    while len(pieces) >= 3 and _is_site(pieces[0], names):
        pieces = pieces[2:]
    text = "".join(pieces).strip()
    prefix = re.match(r"(.+?):\s+(\S.*)", text)
    if prefix and _is_site(prefix.group(1), names) and len(prefix.group(2).split()) >= 2:
        text = prefix.group(2)
    return text or title


def story_headline(titles: Sequence[str], vocabularies: Sequence[set[str]]) -> str:
    """The headline of a story from its articles' (cleaned) headlines, earliest first, and the words
    each article uses (`vocabularies`, in the same order)."""
    if len(titles) == 1:
        return titles[0]
    ranked = []
    for i, title in enumerate(titles):
        others = set().union(*(v for j, v in enumerate(vocabularies) if j != i))
        news = not is_roundup(title)
        score = coverage(title, others)
        if news and score >= MIN_COVERAGE:
            return title
        ranked.append((news, score, -i))
    return titles[-max(ranked)[2]]


def is_roundup(title: str) -> bool:
    """A newsletter's or round-up's title: a date or issue stamp, or a round-up phrase."""
    return bool(DATE_STAMP.search(title) or ROUNDUP.search(title))


def coverage(title: str, vocabulary: set[str]) -> float:
    """The share of the title's content words found in `vocabulary` (0 for a title without any)."""
    words = set(title_words(title))
    return len(words & vocabulary) / len(words) if words else 0.0


def title_words(text: str) -> list[str]:
    """Content words as the fingerprint counts them (casefolded, a plural "s" dropped)."""
    return content_words([w.casefold().replace("’", "'") for w in _WORD.findall(text)])


def vocabulary(texts: Iterable[str], terms: Iterable[str] = ()) -> set[str]:
    """The words of an article: its stored terms and the content words of `texts`."""
    words = set(terms)
    for text in texts:
        words.update(title_words(text))
    return words


def _site_names(site: str | None, url: str | None) -> list[list[str]]:
    """The outlet's name as words: the site name, and the name in the page's address."""
    names = []
    if site:
        host = urlsplit(site).hostname if "://" in site else None
        names.append(_tokens(_host_name(host) if host else site))
    if url and (host := urlsplit(url).hostname):
        names.append(_tokens(_host_name(host)))
    return [n for n in names if n]


def _host_name(host: str) -> str:
    """ "www.bbc.co.uk" → "bbc", "albawaba.com" → "albawaba"."""
    labels = host.lower().removeprefix("www.").split(".")[:-1] or [host]
    if len(labels) > 1 and len(labels[-1]) <= 3:  # co.uk, com.au
        labels = labels[:-1]
    return labels[-1]


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _is_site(part: str, names: Sequence[Sequence[str]]) -> bool:
    """Whether a part of a headline is the outlet's name, give or take outlet words."""
    words = _tokens(part)
    if not words or len(part.split()) > MAX_SITE_WORDS:
        return False
    return any(_same_name(words, list(name)) for name in names)


def _same_name(a: list[str], b: list[str]) -> bool:
    a = a[1:] if a[:1] == ["the"] else a
    b = b[1:] if b[:1] == ["the"] else b
    if "".join(a) == "".join(b):  # "Al Bawaba" and albawaba.com
        return True
    short, long = sorted((a, b), key=len)
    return long[: len(short)] == short and all(w in OUTLET_WORDS for w in long[len(short) :])


def _strip_literal(text: str, name: str) -> str:
    """The title without the site name as given ("LinkNaija | Slogan: …") at its start or end."""
    if len(name) < len(text) and text.casefold().startswith(name.casefold()):
        rest = text[len(name) :]
        if re.match(r"\s*(?:[|:–—»·•-]|::)\s*\S", rest):
            return re.sub(r"^\s*(?:::|[|:–—»·•-])\s*", "", rest)
    if len(name) < len(text) and text.casefold().endswith(name.casefold()):
        rest = text[: -len(name)]
        if re.search(r"\S\s+(?:::|[|–—»·•-])\s*$", rest):
            return re.sub(r"\s+(?:::|[|–—»·•-])\s*$", "", rest)
    return text
