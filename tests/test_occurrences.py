"""actors/occurrences.py finds what the regular expressions it replaces found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.analysis.actors.occurrences import (
    first_longest,
    no_possessive_after,
    no_word_or_glue_after,
    no_word_or_glue_before,
    occurs,
)

# the characters the boundary tests turn on: letters of two scripts, a digit, "_", apostrophes,
# a hyphen, a dot, a space
PIECES = ["a", "s", "B", "é", "Ж", "7", "_", "'", "’", "-", ".", " ", "\u00b2"]
texts = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)
literals = st.lists(st.sampled_from(PIECES), min_size=1, max_size=4).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts, literals)
def test_a_word_as_the_pattern_finds_it(text: str, word: str) -> None:
    assert occurs(text, word) == bool(re.search(rf"\b{re.escape(word)}\b", text))


@settings(max_examples=400, deadline=None)
@given(texts, literals)
def test_a_word_not_followed_by_a_possessive(text: str, word: str) -> None:
    pattern = rf"\b{re.escape(word)}\b(?!['’]s\b)"
    assert occurs(text, word, after=no_possessive_after) == bool(re.search(pattern, text))


@settings(max_examples=400, deadline=None)
@given(texts, literals)
def test_a_word_not_glued_to_another(text: str, word: str) -> None:
    pattern = rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])"
    found = occurs(text, word, no_word_or_glue_before, no_word_or_glue_after)
    assert found == bool(re.search(pattern, text))


@settings(max_examples=400, deadline=None)
@given(texts, st.lists(literals, min_size=1, max_size=4))
def test_the_longest_form_at_each_start_none_overlapping(text: str, forms: list[str]) -> None:
    pattern = (
        r"\b(?:"
        + "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))
        + r")(?!\w)"
    )
    assert first_longest(text, forms) == [m.span() for m in re.finditer(pattern, text)]


def test_examples() -> None:
    text = "Jane Roe's aide met Roe. The U.S. and U.S.-led Acme_Co"
    assert first_longest(text, ["Roe", "Jane Roe"]) == [(0, 8), (20, 23)]
    assert occurs(text, "Roe", after=no_possessive_after)  # "met Roe." is Roe on their own
    assert not occurs("Jane Roe's aide", "Roe", after=no_possessive_after)
    assert not occurs("the O'Neill report", "Neill", no_word_or_glue_before, no_word_or_glue_after)
    assert not occurs(text, "Acme")  # "_" joins words
