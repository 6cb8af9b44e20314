"""Which of the timeline's patterns can match a text at all, known before any of them scans it.

A pattern that starts with `\\b` or with an optional word gives `re` no literal to skip ahead to,
so it tries every position: ~0.25 ms an article for each of the ~30 patterns, whatever it finds.
Most articles hold no "ago", no "quarter", no "the week before". So each pattern's *required
strings* are read off its parsed form once: strings one of which every match contains (for
`\\b(?:last|next)\\s+week\\b`, "week"). A pattern scans a text only when the text, case folded,
holds one of them; otherwise it has no match there, and skipping it changes nothing.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from typing import Any

# The parser `re` itself uses (CPython 3.11+). Were it missing, every pattern would scan every
# text: slower, never different.
try:
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python implementation
    _parser = None

Needs = frozenset[str] | None  # None: nothing in particular is required

# `re`'s case-insensitive matching also pairs "ı" with "i" and "ſ" with "s" (re._casefix), and
# reads "İ" as "i" where str.lower() makes it two characters: folded the same way here.
_FOLD_FIRST = str.maketrans({"İ": "i"})
_FOLD_AFTER = str.maketrans({"ı": "i", "ſ": "s"})


def fold(text: str) -> str:
    """The text as the required strings are compared with it: lower case, re's pairs made one."""
    return text.translate(_FOLD_FIRST).lower().translate(_FOLD_AFTER)


def required_strings(pattern: re.Pattern[str]) -> Needs:
    """Strings (folded) of which every match of `pattern` contains one, or None."""
    if _parser is None:
        return None
    return _needs(list(_parser.parse(pattern.pattern, pattern.flags)))


def may_match(needs: Needs, folded: str) -> bool:
    """Whether a text, folded, can hold a match of a pattern that needs `needs`."""
    return needs is None or any(s in folded for s in needs)


def _needs(items: Sequence[tuple[Any, Any]]) -> Needs:
    """What a sequence of parsed items requires: every item is required, so the most telling of
    their requirements (consecutive literal characters make one string)."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _parser.LITERAL:
            run.append(fold(chr(arg)))
            continue
        if run:
            found.append(frozenset({"".join(run)}))
            run = []
        needs = _item_needs(op, arg)
        if needs:
            found.append(needs)
    if run:
        found.append(frozenset({"".join(run)}))
    return max(found, key=_telling, default=None)


def _item_needs(op: Any, arg: Any) -> Needs:
    if op is _parser.SUBPATTERN:  # (group, add flags, del flags, pattern)
        return _needs(list(arg[-1]))
    if op is _parser.ATOMIC_GROUP:
        return _needs(list(arg))
    if op is _parser.BRANCH:  # (None, [alternatives]): one of them, whichever it is
        alternatives = [_needs(list(a)) for a in arg[1]]
        if any(not a for a in alternatives):
            return None
        return frozenset().union(*alternatives)  # type: ignore[arg-type]
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
        low, _, item = arg
        return _needs(list(item)) if low >= 1 else None
    if op is _parser.IN and all(kind is _parser.LITERAL for kind, _ in arg):
        return frozenset(fold(chr(code)) for _, code in arg)  # one of a few characters
    return None  # anything else (a class, a range, a lookaround, a boundary) requires no string


def _telling(needs: frozenset[str]) -> tuple[int, int]:
    """Longer strings are rarer, and fewer of them are fewer ways to be found."""
    return min(len(s) for s in needs), -len(needs)
