"""Quotation marks and the words that cue reported speech, for `quotes.find_quotes`.

This module finds and pairs the marks (plain string work, no parse); the word lists say which
verbs and nouns introduce speech and which words stand for a speaker without naming them.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE = "double"  # “ ” and the straight "
SINGLE = "single"  # ‘ ’ and the straight '
ANGLE = "angle"  # « »

OPEN, CLOSE, EITHER = "open", "close", "either"

# mark character → (family, direction it has on its own; straight marks decide by position)
MARKS: dict[str, tuple[str, str]] = {
    "\u201c": (DOUBLE, OPEN),
    "\u201d": (DOUBLE, CLOSE),
    "\u201e": (DOUBLE, OPEN),  # „ low opening mark used in some sources
    '"': (DOUBLE, EITHER),
    "\u2018": (SINGLE, OPEN),
    "\u2019": (SINGLE, CLOSE),
    "'": (SINGLE, EITHER),
    "\u00ab": (ANGLE, OPEN),
    "\u00bb": (ANGLE, CLOSE),
}

OPENERS_BEFORE = "([{\u2014\u2013-/"  # an opening mark may follow these besides whitespace
CLOSERS_AFTER = ".,;:!?)]}\u2014\u2013-/…"  # a closing mark may precede these besides whitespace


@dataclass(frozen=True, slots=True)
class Span:
    """A paired quotation: `start`/`end` index the text between the marks."""

    start: int
    end: int
    family: str


def _direction(text: str, i: int) -> str | None:
    """OPEN, CLOSE or None (an apostrophe or an unreadable mark) for the mark at `i`."""
    family, fixed = MARKS[text[i]]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if family == SINGLE and before.isalnum() and after.isalnum():
        return None  # don’t, Kim’s, rock'n'roll
    if family == SINGLE and after.isdigit() and not before.isalnum():
        return None  # ’90s
    can_open = before.isspace() or before in OPENERS_BEFORE or before in MARKS
    can_close = after.isspace() or after in CLOSERS_AFTER or after in MARKS
    if fixed == OPEN:
        return CLOSE if can_close and not can_open else OPEN  # a mistyped closing mark
    if fixed == CLOSE:
        if family == SINGLE and not can_close:
            return None
        return CLOSE
    if can_open and not can_close:
        return OPEN
    if can_close and not can_open:
        return CLOSE
    return None if family == SINGLE else EITHER


def _paragraph_reopens(text: str, close_at: int) -> int | None:
    """Where the next paragraph's opening mark sits, if the quote continues there
    (it did not close)."""
    j = close_at
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j] in MARKS and MARKS[text[j]][0] != SINGLE:
        return j
    return None


def pair_marks(text: str) -> list[Span]:
    """Outermost quotations in text order; marks inside an open one
    (but its closing) are ignored."""
    spans: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch not in MARKS or _direction(text, i) not in (OPEN, EITHER):
            i += 1
            continue
        end = _find_close(text, i)
        if end is None:
            i += 1
            continue
        if end > i + 1:
            spans.append(Span(i + 1, end, MARKS[ch][0]))
        i = end + 1
    return spans


def _find_close(text: str, start: int) -> int | None:
    """Index of the mark closing the quotation opened at `start`, following it across paragraphs."""
    family = MARKS[text[start]][0]
    j = start + 1
    while j < len(text):
        ch = text[j]
        if ch == "\n":
            reopen = _paragraph_reopens(text, j)
            if reopen is None:
                return None  # never closed: not a quotation we can trust
            j = reopen + 1
            continue
        if ch in MARKS and MARKS[ch][0] == family and _direction(text, j) in (CLOSE, EITHER):
            return j
        j += 1
    return None
