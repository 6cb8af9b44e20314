"""Where a name occurs in a text, found with `str.find` and explicit boundary tests instead of a
regular expression built for each name: compiling a pattern per name cost ~2 ms an article, since
names rarely repeat and `re` keeps only 512 compiled patterns. Each test below says which piece of
pattern it stands for; tests/test_occurrences.py checks them against those patterns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

Test = Callable[[str, int], bool]  # a test of the text at a position


def is_word_char(ch: str) -> bool:
    """`\\w` in a `str` pattern: a letter, digit or number of any script, or "_"."""
    return ch.isalnum() or ch == "_"


def _word_before(text: str, i: int) -> bool:
    return i > 0 and is_word_char(text[i - 1])


def _word_at(text: str, i: int) -> bool:
    return i < len(text) and is_word_char(text[i])


def boundary(text: str, i: int) -> bool:
    """`\\b` at i."""
    return _word_before(text, i) != _word_at(text, i)


def no_word_after(text: str, i: int) -> bool:
    """`(?!\\w)` at i."""
    return not _word_at(text, i)


def no_possessive_after(text: str, i: int) -> bool:
    """`\\b(?!['’]s\\b)` at i: a word ends there, and no "'s" follows it."""
    if not boundary(text, i):
        return False
    return not (
        text[i : i + 1] in ("'", "’") and text[i + 1 : i + 2] == "s" and boundary(text, i + 2)
    )


WORD_GLUE = "'’-"  # a name inside "O'Neill" or "Smith-Jones" is no word of its own


def no_word_or_glue_before(text: str, i: int) -> bool:
    """`(?<![\\w'’-])` at i."""
    return not (i > 0 and (is_word_char(text[i - 1]) or text[i - 1] in WORD_GLUE))


def no_word_or_glue_after(text: str, i: int) -> bool:
    """`(?![\\w'’-])` at i."""
    return not (i < len(text) and (is_word_char(text[i]) or text[i] in WORD_GLUE))


def starts(
    text: str, literal: str, before: Test = boundary, after: Test = boundary
) -> Iterator[int]:
    """Every start of `literal` in `text` (overlapping ones too) with `before` true at its start
    and `after` true at its end: `\\b` on both sides unless told otherwise."""
    i = text.find(literal)
    while i >= 0:
        if before(text, i) and after(text, i + len(literal)):
            yield i
        i = text.find(literal, i + 1)


def occurs(text: str, literal: str, before: Test = boundary, after: Test = boundary) -> bool:
    """Whether `starts` finds any."""
    return next(starts(text, literal, before, after), None) is not None


def first_longest(text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
    """The (start, end) of the matches of `\\b(?:form|form|…)(?!\\w)`, the forms longest first, as
    `re.finditer` finds them: left to right, the longest form at each start, none overlapping."""
    found = sorted(
        {
            (i, i + len(form))
            for form in forms
            if form
            for i in starts(text, form, after=no_word_after)
        },
        key=lambda span: (span[0], -span[1]),
    )
    kept: list[tuple[int, int]] = []
    for start, end in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept
