"""The front page's choices: which stories, in what order, under which section.

The stories are those of the last FRONT_DAYS days, counted back from the newest story on the site
(never from today's clock: the same content gives the same page). Each gets a score

    (outlets + GAINED_WEIGHT × sources gained in the latest update) × ½ ^ (age in days / HALF_LIFE)

where the age counts from the story's newest source. The outlets that carry a story are the best
sign of how much it matters; a story that is still growing counts for a little more; and a story
loses half its weight every HALF_LIFE days, so that a three-outlet story of two days ago stays above
a one-outlet story of today, while a week-old story gives way to today's news. Ties go to the newer
story, then to the title, so the order never depends on the order pages were read.

Sections come from the configuration (`front.sections` in site_config/digest.yml: a section's name
and its tags) or, without one, from the words of each story: its headline, first summary sentence,
tags and the roles of its key actors, against the short word lists of DEFAULT_SECTIONS. A story
without a section is listed under "More briefings".
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .frontmatter import StoryEntry

FRONT_DAYS = 7  # the front page's stories are those of the last week (from the newest story)
LEAD_STORIES = 5  # shown in full at the top; the others in short lists by section
SECTION_ITEMS = 4  # stories listed under each section
MORE_ITEMS = 6  # stories listed under "More briefings"
HALF_LIFE = 3.0  # days in which a story's weight halves
GAINED_WEIGHT = 0.5  # an article gained in the latest update counts for half an outlet
MORE = "More briefings"

Sections = Sequence[tuple[str, Sequence[str]]]

_WORD = re.compile(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*")

# A word list per section, in the order the front page shows them. Each word or two-word phrase is
# matched whole and lower-cased; the headline counts twice.
COUNTRIES = (
    "afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain "
    "bangladesh belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chile "
    "china colombia congo croatia cuba cyprus czech denmark egypt eritrea estonia ethiopia "
    "finland france germany ghana greece guatemala haiti honduras hungary iceland india "
    "indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya korea kosovo kuwait "
    "latvia lebanon libya lithuania malaysia mali mexico moldova mongolia morocco myanmar nepal "
    "netherlands nicaragua niger nigeria norway pakistan palestine panama peru philippines poland "
    "portugal qatar romania russia rwanda serbia singapore slovakia slovenia somalia spain sudan "
    "sweden switzerland syria taiwan tanzania thailand tunisia turkey uganda ukraine venezuela "
    "vietnam yemen zambia zimbabwe gaza kremlin moscow beijing kyiv kiev tehran pyongyang "
    "brussels london paris berlin tokyo delhi seoul jerusalem"
)
DEFAULT_SECTIONS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (name, frozenset(words.split()) | frozenset(p.replace("_", " ") for p in phrases.split()))
    for name, words, phrases in (
        (
            "World",
            COUNTRIES + " foreign embassy nato troops refugees summit sanctions ceasefire war "
            "invasion diplomat diplomats",
            "united_nations european_union prime_minister",
        ),
        (
            "Politics",
            "president presidential election elections vote voters campaign senate senator "
            "congress congressional congressman congresswoman democrat democrats democratic "
            "republican republicans gop impeachment governor parliament minister ministers "
            "legislation lawmakers mayor council party candidate poll polls trump biden",
            "white_house supreme_court",
        ),
        (
            "Business",
            "shares stocks stock market markets investors profit profits revenue earnings "
            "economy economic bank banks inflation trade tariffs company companies ceo "
            "billion merger acquisition retail sales prices oil dow nasdaq car cars suv suvs "
            "automaker automakers strike strikes union unions workers wages pay jobs "
            "employees layoffs unemployment executive",
            "wall_street federal_reserve",
        ),
        (
            "Tech",
            "technology tech software app apps iphone android apple google microsoft amazon "
            "facebook twitter samsung smartphone smartphones startup chip chips ai robot robots "
            "internet online cyber hackers hacking data satellite gadget gadgets laptop macbook "
            "ipad gaming console playstation xbox nintendo stadia tesla",
            "artificial_intelligence",
        ),
        (
            "Science & health",
            "science scientists study research researchers health hospital hospitals doctor "
            "doctors patients patient disease virus vaccine outbreak plague cancer medical "
            "medicine nasa space climate species",
            "",
        ),
        (
            "Sport",
            "sport sports game games season coach team league championship tournament match "
            "player players goal nfl nba mlb nhl fifa olympic olympics football soccer "
            "baseball basketball tennis golf cricket quarterback playoff playoffs touchdown "
            "defeats undefeated innings striker manager",
            "world_cup",
        ),
        (
            "Culture",
            "film films movie movies music album song songs singer theatre theater book books "
            "novel art artist museum festival television tv actor actress star celebrity "
            "recipe recipes food restaurant fashion",
            "",
        ),
    )
)


@dataclass(frozen=True, slots=True)
class FrontPage:
    """What the front page shows: the lead stories, then the other stories by section."""

    lead: tuple[StoryEntry, ...]
    sections: tuple[tuple[str, tuple[StoryEntry, ...]], ...]
    section_of: Mapping[str, str]  # story path → its section (for the lead stories' cards)

    @property
    def shown(self) -> int:
        return len(self.lead) + sum(len(group) for _, group in self.sections)


def front_page(
    stories: Sequence[StoryEntry],
    developing: Mapping[str, int],
    sections: Sections | None = None,
    days: int = FRONT_DAYS,
    lead: int = LEAD_STORIES,
) -> FrontPage:
    """The front page of `stories` (`developing`: story path → articles it gained in the latest
    update; `sections`: configured (name, tags), or None for DEFAULT_SECTIONS). When the last
    `days` hold fewer than `lead` stories, the best older ones fill the lead."""
    ranked = rank(stories, developing, days)
    window = {s.path for s in recent(stories, days)}
    shown = [s for s in ranked if s.path in window]
    if len(shown) < lead:
        shown += [s for s in ranked if s.path not in window][: lead - len(shown)]
    section_of = {s.path: name for s in shown if (name := section(s, sections))}
    rest = shown[lead:]
    names = [name for name, _ in (sections or DEFAULT_SECTIONS)]
    groups = []
    for name in dict.fromkeys([*names, MORE]):
        members = tuple(s for s in rest if section_of.get(s.path, MORE) == name)
        if members:
            groups.append((name, members[: MORE_ITEMS if name == MORE else SECTION_ITEMS]))
    return FrontPage(tuple(shown[:lead]), tuple(groups), section_of)


def newest_day(stories: Iterable[StoryEntry]) -> dt.date | None:
    return max((d for s in stories if (d := latest(s))), default=None)


def latest(story: StoryEntry) -> dt.date | None:
    """The date of a story's newest source (or its own, when later or no source has one)."""
    return max(filter(None, (story.date, *(s.published for s in story.sources))), default=None)


def recent(stories: Sequence[StoryEntry], days: int = FRONT_DAYS) -> list[StoryEntry]:
    """The stories whose newest source is of the last `days` days, counted from the newest story
    on the site; undated ones too (they are ranked as if `days` old)."""
    newest = newest_day(stories)
    if newest is None:
        return list(stories)
    since = newest - dt.timedelta(days=max(days, 1) - 1)
    return [s for s in stories if (d := latest(s)) is None or d >= since]


def rank(
    stories: Iterable[StoryEntry], developing: Mapping[str, int], days: int = FRONT_DAYS
) -> list[StoryEntry]:
    """The stories by score, highest first (see the module's docstring)."""
    stories = list(stories)
    newest = newest_day(stories)

    def key(story: StoryEntry) -> tuple[float, int, str, str]:
        day = latest(story)
        age = float((newest - day).days if newest and day else max(days, 1))
        weight = score(story, developing.get(story.path, 0), age)
        return (-weight, -(day or dt.date.min).toordinal(), story.title.casefold(), story.path)

    return sorted(stories, key=key)


def score(story: StoryEntry, gained: int, age: float) -> float:
    outlets = len(story.outlets) or 1
    decay: float = 0.5 ** (max(age, 0.0) / HALF_LIFE)
    return (outlets + GAINED_WEIGHT * gained) * decay


def section(story: StoryEntry, sections: Sections | None = None) -> str | None:
    """The story's section: the first configured one that lists one of its tags or key actors;
    without configured sections, the default one whose words it uses most (None: no section)."""
    if sections:
        own = {t.casefold() for t in (*story.tags, *story.actors)}
        return next(
            (name for name, tags in sections if any(t.casefold() in own for t in tags)), None
        )
    title = _terms(story.title)
    rest = _terms(
        " ".join([story.description or "", *story.tags, *(m.role or "" for m in story.cast)])
    )
    best, best_hits = None, 0
    for name, words in DEFAULT_SECTIONS:
        hits = 2 * sum(t in words for t in title) + sum(t in words for t in rest)
        if hits > best_hits:
            best, best_hits = name, hits
    return best


def _terms(text: str) -> list[str]:
    """The words of a text, lower-cased, and each pair of neighbours ("white house"); a country's
    name that is part of a US state's ("New Mexico") is not a word of its own."""
    words = _WORD.findall(text.casefold())
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)]
    words = [w for i, w in enumerate(words) if not (i and words[i - 1] == "new" and w == "mexico")]
    return words + pairs
