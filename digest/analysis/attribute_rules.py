"""The attribute_ruler's rules found through an index instead of spaCy's Matcher
(~35 → ~5 ms an article).

The ruler of en_core_web_sm holds ~180 rules, nearly all about one token's TAG, LOWER, DEP or
IS_SPACE. The Matcher tries every rule at every token and calls back into Python for each set or
regex test, so it costs rules × tokens. Which one-token rules a token meets depends only on those
four values, and its lowercase form matters only when a rule names it (or a regex matches it), so
the answer is worked out once per distinct combination and remembered. Other rules (several tokens,
other attributes) still go through a Matcher. Only the finding is replaced: the ruler applies what
is found itself, in rule order, so its output is unchanged (tests/test_nlp.py compares the two on
real articles).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

COLUMNS = (
    "TAG",
    "LOWER",
    "DEP",
    "IS_SPACE",
)  # what an indexed rule may test, in the order of a row
ARRAY_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
OTHER_WORD = 0  # stands for every lowercase form that no rule names (0 is the empty string's id)

Row = tuple[int, int, int, int]
Test = Callable[[Row], bool]


def index_rules(ruler: AttributeRuler) -> None:
    """Make `ruler` find its matches through a RuleIndex
    (in place; its rules and attributes are kept)."""
    ruler.match = RuleIndex(ruler).match  # type: ignore[method-assign]


class RuleIndex:
    """The ruler's matches, as AttributeRuler.match gives them:
    (rule, match id, start, end), sorted."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.strings = ruler.vocab.strings
        self.match_ids = [self.strings.add(str(i)) for i in range(len(ruler.attrs))]
        self.one_token: list[tuple[int, list[Test]]] = []
        self.others = Matcher(ruler.vocab)
        self.named_words: set[int] = set()
        self.word_patterns: list[re.Pattern[str]] = []
        for rule_id, rule in enumerate(ruler.patterns):
            rest: list[list[dict[str, Any]]] = []
            for pattern in rule["patterns"]:  # type: ignore[union-attr]  # spaCy types a rule's patterns loosely
                tests = self._tests(pattern[0]) if len(pattern) == 1 else None
                if tests is None:
                    rest.append(pattern)  # type: ignore[arg-type]
                else:
                    self.one_token.append((rule_id, tests))
            if rest:
                self.others.add(self.match_ids[rule_id], rest)
        self.words: dict[
            int, int
        ] = {}  # lowercase form → itself, or OTHER_WORD when no rule tells it apart
        self.rules_of: dict[Row, tuple[int, ...]] = {}

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        found: list[tuple[int, int, int, int]] = []
        for i, (tag, lower, dep, space) in enumerate(
            doc.to_array(ARRAY_COLUMNS).tolist() if len(doc) else []
        ):
            word = self.words.get(lower)
            if word is None:
                word = self.words[lower] = self._word(lower)
            row = (tag, word, dep, space)
            rules = self.rules_of.get(row)
            if rules is None:
                rules = self.rules_of[row] = tuple(
                    r for r, tests in self.one_token if all(t(row) for t in tests)
                )
            found.extend((r, self.match_ids[r], i, i + 1) for r in rules)
        for match_id, start, end in self.others(doc, allow_missing=True):
            found.append((int(self.strings[match_id]), match_id, start, end))
        found.sort()
        return found

    def _word(self, lower: int) -> int:
        if lower in self.named_words or any(
            p.search(self.strings[lower]) for p in self.word_patterns
        ):
            return lower
        return OTHER_WORD

    def _tests(self, spec: dict[str, object]) -> list[Test] | None:
        """The tests of a one-token pattern, each on a row;
        None when it tests something not indexed."""
        tests = []
        for attr, value in spec.items():
            if attr not in COLUMNS:
                return None
            test = self._test(COLUMNS.index(attr), value)
            if test is None:
                return None
            tests.append(test)
        return tests

    def _test(self, column: int, value: object) -> Test | None:
        is_word = COLUMNS[column] == "LOWER"
        if not isinstance(value, dict):
            wanted = _value_id(value)
            self.named_words.update([wanted] if is_word else [])
            return lambda row: row[column] == wanted
        if len(value) != 1:
            return None
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            ids = frozenset(_value_id(v) for v in arg)
            self.named_words.update(ids if is_word else ())
            return (
                (lambda row: row[column] in ids)
                if op == "IN"
                else (lambda row: row[column] not in ids)
            )
        if op == "REGEX" and isinstance(arg, str):
            pattern, strings = re.compile(arg), self.strings
            if not is_word:
                return lambda row: bool(pattern.search(strings[row[column]]))
            self.word_patterns.append(
                pattern
            )  # a word it matches keeps its own id, so OTHER_WORD never does
            return lambda row: (
                row[column] != OTHER_WORD and bool(pattern.search(strings[row[column]]))
            )
        return None


def _value_id(value: object) -> int:
    return int(value) if isinstance(value, bool) else get_string_id(value)  # type: ignore[arg-type]
