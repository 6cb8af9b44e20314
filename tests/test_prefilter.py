"""timeline/prefilter.py skips a pattern only where it cannot match."""

from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.analysis.timeline.prefilter import fold, may_match, required_strings
from digest.analysis.timeline.words import PATTERNS

from .conftest import SHARED, needs_shared


def test_what_a_pattern_requires() -> None:
    assert required_strings(re.compile(r"\b(?:last|next)\s+week\b")) == {"week"}
    assert required_strings(re.compile(r"\b(?:early\s+)?(?P<s>Spring|fall)\b")) == {
        "spring",
        "fall",
    }
    assert required_strings(re.compile(r"\bweek(?:end)?s?\b")) == {"week"}
    assert required_strings(re.compile(r"(?:ago)?\d+")) is None  # nothing in particular
    assert required_strings(re.compile(r"\bago\b|\d+")) is None  # one branch needs nothing
    assert required_strings(re.compile(r"\b[Qq][1-4]\b")) == {"q"}


def test_case_folding_as_re_does_it() -> None:
    # re's case-insensitive matching pairs "ſ" with "s", "ı" and "İ" with "i"
    for text in ("ſix days ago", "SIX DAYS AGO", "sıx days ago", "SİX days ago"):
        pattern = re.compile(r"\bsix\s+days\s+ago\b", re.IGNORECASE)
        assert pattern.search(text)
        assert may_match(required_strings(pattern), fold(text))


def test_an_article_without_the_words_skips_the_pattern() -> None:
    ago = next(p for kind, p in PATTERNS if kind == "ago")
    assert not may_match(required_strings(ago), fold("The council met on Tuesday."))
    assert may_match(required_strings(ago), fold("The council met two weeks AGO."))


# pieces of dated text the patterns are made of, run together at random
PIECES = [
    *"Tuesday|tuesday|May|March 3|Nov. 16-17|2019|2020-01-02|10/12/2019|the|next|last|this|"
    "week|weekend|day|days|ago|two|earlier|later|that|same|morning|spring|fall|the 1990s|’90s|"
    "Q3|third quarter|first half|between|and|to|Christmas|New Year’s Eve|early|mid-|late|"
    "year|years|month|ſ|İ|ı|, | |-|–|.".split("|")
]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join) | st.lists(
    st.sampled_from(PIECES), max_size=12
).map("".join)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_no_pattern_that_matches_is_skipped(text: str) -> None:
    folded = fold(text)
    for kind, pattern in PATTERNS:
        if pattern.search(text):
            assert may_match(required_strings(pattern), folded), (kind, text)


@needs_shared
def test_no_pattern_that_matches_a_corpus_article_is_skipped() -> None:
    truth = json.loads((SHARED / "corpus/aeb/ground-truth.json").read_text())
    for page, record in truth.items():
        text = record.get("articleBody") or ""
        folded = fold(text)
        for kind, pattern in PATTERNS:
            if pattern.search(text):
                assert may_match(required_strings(pattern), folded), (kind, page)
