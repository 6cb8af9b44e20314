"""Related stories, "the story so far": for each published story, the earlier and later stories that
share its key actors and terms, so a reader can follow a developing story across days (an inquiry's
hearings, day by day). Grouping joins only reports within three days; a follow-up a week later is
its own story, and is linked here instead of merged.

Two stories are related when they are published within WINDOW_DAYS of each other and what they
share weighs at least MIN_SCORE. What they share: their key actors, as one identity across the
site (`stories/people.py`: "Schiff" meets "Adam Schiff"), and their tags. Each shared actor weighs
its rarity across the site's stories, an inverse document frequency scaled to 0–1: an actor only
these two stories name weighs about 1, one in half the stories little, and a COMMON one never
relates two stories alone. A shared place weighs PLACE_WEIGHT of that, a tag that is not also a
shared actor TAG_WEIGHT. Sample stories relate only to samples, and the others only to each other;
undated stories to none (they have no place in time).

Made from the published index alone, so it is the same whichever run computes it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

from .frontmatter import StoryEntry

WINDOW_DAYS = 60  # stories further apart in time than this are not "the story so far"
MIN_SCORE = 1.25  # what two stories share must weigh this much: two fairly rare actors (each in
# 3 of 20 stories, or 8 of 130), or one actor only they name and a less rare one; tuned on a site
# of 129 real stories, where 1.0 also joined unrelated news of one country
PLACE_WEIGHT = 0.75  # a shared place counts three quarters: a place is where, not who, and a
# country or city alone joins unrelated news
TAG_WEIGHT = 0.5  # a shared tag (a place or organization) that is not a shared key actor counts
# half: tags are the story's places and organizations, often minor mentions
COMMON = 0.35  # an actor or tag this little weight (in 8 of 20 stories, 140 of 2,000) adds to what
# two stories share, but never relates them alone: they must share something rarer too
MIN_SITE = 20  # rarity is measured as if the site had at least this many stories: on a small site
# an actor in three of its five stories is not yet "common"
EARLIER = 3  # earlier related stories listed at most (the nearest in time)
LATER = 3  # later related stories listed at most (the nearest in time)


def related_stories(
    stories: Iterable[StoryEntry], identity: Mapping[str, str]
) -> dict[str, tuple[StoryEntry, ...]]:
    """Each story's path → its related stories in date order (only stories that have some);
    `identity` maps every name a story gives an actor to the name of its site-wide identity."""
    out: dict[str, tuple[StoryEntry, ...]] = {}
    pools: dict[bool, list[StoryEntry]] = defaultdict(list)
    for story in stories:
        if story.date is not None:
            pools[story.sample].append(story)
    for pool in pools.values():
        out.update(_related_in(pool, identity))
    return out


def _features(story: StoryEntry, identity: Mapping[str, str]) -> dict[str, float]:
    """What a story can share → the share of its weight it carries (1: a key actor, PLACE_WEIGHT:
    a place, TAG_WEIGHT: a tag only)."""
    out: dict[str, float] = {}
    for member in story.cast:
        feature = identity.get(member.name, member.name).casefold()
        share = PLACE_WEIGHT if member.kind == "place" else 1.0
        out[feature] = max(out.get(feature, 0.0), share)
    for tag in story.tags:
        out.setdefault(identity.get(tag, tag).casefold(), TAG_WEIGHT)
    return out


def _related_in(
    pool: list[StoryEntry], identity: Mapping[str, str]
) -> dict[str, tuple[StoryEntry, ...]]:
    features = {s.path: _features(s, identity) for s in pool}
    having: dict[str, list[StoryEntry]] = defaultdict(list)
    for story in pool:
        for feature in features[story.path]:
            having[feature].append(story)
    size = max(len(pool), MIN_SITE) + 1
    rarity = {f: math.log(size / len(s)) / math.log(size) for f, s in having.items()}
    for stories in having.values():
        stories.sort(key=_order)
    out = {}
    for story in pool:
        mine = features[story.path]
        others: dict[str, StoryEntry] = {}
        for feature in mine:
            if rarity[feature] >= COMMON:
                others.update((o.path, o) for o in _within(having[feature], story))
        others.pop(story.path, None)
        scores = {path: _shared(mine, features[path], rarity) for path in others}
        found = [others[p] for p, score in scores.items() if score >= MIN_SCORE - 1e-9]
        if found:
            out[story.path] = _nearest(story, found, scores)
    return out


def _within(stories: list[StoryEntry], story: StoryEntry) -> list[StoryEntry]:
    """The `stories` (in date order) published within WINDOW_DAYS of `story`."""
    assert story.date is not None
    window = dt.timedelta(days=WINDOW_DAYS)
    low = bisect.bisect_left(stories, story.date - window, key=lambda s: s.date or dt.date.min)
    high = bisect.bisect_right(stories, story.date + window, key=lambda s: s.date or dt.date.min)
    return stories[low:high]


def _shared(a: Mapping[str, float], b: Mapping[str, float], rarity: Mapping[str, float]) -> float:
    return sum(rarity[f] * min(share, b[f]) for f, share in a.items() if f in b)


def _nearest(
    story: StoryEntry, found: list[StoryEntry], scores: Mapping[str, float]
) -> tuple[StoryEntry, ...]:
    """The EARLIER nearest earlier and LATER nearest later stories (ties: the one sharing more),
    in date order."""
    here = _order(story)
    before = [s for s in found if _order(s) < here]
    after = [s for s in found if _order(s) > here]

    def distance(s: StoryEntry) -> tuple[int, float, str]:
        assert s.date is not None and story.date is not None
        return abs((s.date - story.date).days), -scores[s.path], s.path

    chosen = sorted(before, key=distance)[:EARLIER] + sorted(after, key=distance)[:LATER]
    return tuple(sorted(chosen, key=_order))


def _order(s: StoryEntry) -> tuple[dt.date, str]:
    return s.date or dt.date.min, s.path
