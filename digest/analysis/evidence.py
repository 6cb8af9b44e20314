"""When two outlets' sentences say the same thing: the evidence they share (content words and
numbers), compared without reading the articles again.

    evidence(text)            a sentence's content words (hashed) and numbers ("#3" for "third")
    near_equivalent(a, b)     two evidence sets that state the same fact
    repeats(a, chosen)        a sentence that says again what chosen sentences say together
    sentence_key(text)        the evidence of a sentence as stored with its article

A story's summary skips a sentence near-equivalent to one it already has, and an outlet's own facts
and quotes are those with no near-equivalent anywhere in the other outlets' text. So each analysed
article keeps the evidence of every sentence (`Briefing.sentence_keys`): words are stored as short
hashes, numbers as they are, so the store still holds no readable text of the article beyond the
sentences a page shows.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

# The same sentence in other words, from the evidence of real multi-outlet stories (the plague
# story: "A THIRD case of the plague has been reported in China" / "Three cases of plague have been
# diagnosed in China" / "The 55-year-old is the third Beijing resident to contract the disease").
SAME_WORDS = 0.5  # content-word overlap (Jaccard) at which two sentences are one, reordered
CONTAINED = 0.4  # share of the shorter sentence's words found in the longer: one restates the other
CONTAINED_MIN = 4  # ... when at least this many words are shared (short sentences share by chance)
NUMBER_WORDS = 2  # a count both give, with this many more shared words, is the same fact: outlets
# word a fact differently but keep its number
MIN_COUNT = 3  # a count is 3 or more and not a year: "one" and "two" are in every other phrase
# ("two years ago", "one of the"), so they are evidence only as shared words are
HASH_CHARS = 6  # hex digits of a stored word's hash: collisions one in 16 million

# Words every report has, whatever it says: they are no evidence that two sentences agree.
_REPORTING = frozenset(
    "said say says told tell added adding according reported reports report reporting asked "
    "stated statement announced confirmed news".split()
)
_COUNTS = {
    w: n
    for n, words in enumerate(
        (
            (),
            (),
            ("two", "second", "twice", "both", "pair", "couple"),
            ("three", "third", "thrice"),
            ("four", "fourth"),
            ("five", "fifth"),
            ("six", "sixth"),
            ("seven", "seventh"),
            ("eight", "eighth"),
            ("nine", "ninth"),
            ("ten", "tenth"),
            ("eleven", "eleventh"),
            ("twelve", "twelfth", "dozen"),
        )
    )
    for w in words
}
_TENS = {
    w: 10 * n
    for n, w in enumerate("- - twenty thirty forty fifty sixty seventy eighty ninety".split())
    if n >= 2
}
_UNITS = {w: n for n, w in enumerate("- one two three four five six seven eight nine".split())}
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
_SUFFIX = re.compile(r"(?:['’]s|(?<=[^s])s|(?<=..[^aeiou])ed|(?<=...)ing)$")
MIN_WORD_CHARS = 3  # shorter words are mostly abbreviations and debris
WORD_CACHE = 8192  # words whose evidence is remembered: most of a text's are common ones (bounded)


def evidence(text: str) -> frozenset[str]:
    """A sentence's evidence: each content word (a plural, possessive, -ed or -ing dropped so that
    outlets' wordings meet; hashed) and each number as "#N" (digits, or a count word or ordinal:
    "third" and "3" are "#3"; "$240m" and "240 million" are "#240")."""
    out: set[str] = set()
    for token in _TOKEN.findall(text):
        word = token.casefold().replace("’", "'")
        if word[0].isdecimal():
            number = _number(word)
            if number is not None:
                out.add(number)
        elif word in _COUNTS:
            out.add(f"#{_COUNTS[word]}")
        elif _compound(word) is not None:
            out.add(f"#{_compound(word)}")
        elif "-" in word:
            out.update(_word_evidence(part) for part in word.split("-") if _content(part))
        elif _content(word):
            out.add(_word_evidence(word))
    return frozenset(out)


def sentence_key(text: str) -> str:
    """The evidence of a sentence as one stored string (read back by `key_evidence`)."""
    return " ".join(sorted(evidence(text)))


def key_evidence(key: str) -> frozenset[str]:
    return frozenset(key.split())


def near_equivalent(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sentences state the same fact: nearly the same words, or the shorter restated inside the
    longer, or the same count of the same thing."""
    shared = a & b
    if not shared:
        return False
    words = {w for w in shared if not w.startswith("#")}
    if len(shared) / len(a | b) >= SAME_WORDS:
        return True
    shorter = min(len(a), len(b))
    if len(words) >= CONTAINED_MIN and len(shared) / shorter >= CONTAINED:
        return True
    return any(_count(n) for n in shared) and len(words) >= NUMBER_WORDS


def near_any(a: frozenset[str], others: Iterable[frozenset[str]]) -> bool:
    return any(near_equivalent(a, b) for b in others)


def repeats(a: frozenset[str], chosen: Sequence[frozenset[str]]) -> bool:
    """A sentence says again what the chosen ones say together: it is near-equivalent to one of
    them, or it gives a count they already gave, about things they already named (one outlet's "a
    third case of the plague in China" after another's "a case of plague in China" and a third's
    "the third resident to contract it")."""
    if near_any(a, chosen):
        return True
    said = a & frozenset().union(*chosen)
    return any(_count(n) for n in said) and sum(not w.startswith("#") for w in said) >= NUMBER_WORDS


def _content(word: str) -> bool:
    return len(word) >= MIN_WORD_CHARS and word not in STOP_WORDS and word not in _REPORTING


@functools.lru_cache(maxsize=WORD_CACHE)
def _word_evidence(word: str) -> str:
    stem = _SUFFIX.sub("", word) if len(word) > MIN_WORD_CHARS + 1 else word
    return hashlib.blake2b(stem.encode("utf-8"), digest_size=8).hexdigest()[:HASH_CHARS]


def _number(token: str) -> str | None:
    digits = token.replace(",", "")
    whole = digits.split(".")[0] if digits.count(".") == 1 else digits.replace(".", "")
    if not whole.isdecimal() or int(whole) <= 1:
        return None  # "1" and "0" count nothing in particular
    return f"#{int(whole)}"


def _compound(word: str) -> int | None:
    """ "forty" is 40, "sixty-two" is 62."""
    tens, _, unit = word.partition("-")
    if tens not in _TENS:
        return None
    if not unit:
        return _TENS[tens]
    return _TENS[tens] + _UNITS[unit] if unit in _UNITS and unit != "-" else None


def _count(token: str) -> bool:
    if not token.startswith("#"):
        return False
    value = int(token[1:])
    return value >= MIN_COUNT and not 1900 <= value <= 2100  # a year is a date, not a count
