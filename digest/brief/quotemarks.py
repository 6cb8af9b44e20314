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
    """Where the next paragraph's opening mark sits, if the quote continues there (it did not close)."""
    j = close_at
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j] in MARKS and MARKS[text[j]][0] != SINGLE:
        return j
    return None


def pair_marks(text: str) -> list[Span]:
    """Outermost quotations in text order; marks inside an open one (but its closing) are ignored."""
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


# Verbs (by lemma) whose subject is the one speaking the quoted words. Verbs of thought (think,
# believe, hope) are left out: "she believes the plan “works”" rarely reproduces words.
REPORTING_VERBS: frozenset[str] = frozenset(
    """say tell add write tweet post warn insist note explain argue claim state announce declare
    acknowledge admit ask reply respond recall call describe urge vow pledge promise predict suggest
    conclude confirm deny comment remark observe continue caution complain boast concede contend
    maintain assert stress emphasize emphasise point testify report reveal disclose mention repeat
    reiterate tout hail praise blast slam criticize criticise accuse charge allege demand plead
    implore beg lament joke quip muse wonder shout scream yell cry whisper mutter exclaim recount
    characterize characterise refer thank welcome condemn decry denounce dismiss reject rebut
    counter retort answer inform advise assure reassure threaten agree disagree object protest
    propose recommend question challenge confess gush rave rant fume snap grumble summarize
    summarise express share speak read""".split()
)

# Nouns that carry a quotation as what someone said ("in a statement", "his remarks").
SPEECH_NOUNS: frozenset[str] = frozenset(
    """statement remark comment tweet post letter interview speech testimony message email
    release announcement words address briefing conference note memo report study survey poll
    analysis paper filing lawsuit complaint""".split()
)

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "we", "it"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

# Nouns describing a person without naming them ("the spokesman"), resolved to a named mention.
PERSON_DESCRIPTIONS: frozenset[str] = frozenset(
    """spokesman spokeswoman spokesperson official president leader minister secretary ambassador
    chairman chairwoman chair director chief executive ceo analyst doctor physician lawyer attorney
    prosecutor judge senator governor mayor representative lawmaker congressman congresswoman
    commissioner general envoy aide adviser advisor coach captain player star singer actor actress
    host founder manager economist professor scientist researcher author officer candidate
    premier king queen prince chancellor diplomat strategist expert""".split()
)

# Nouns standing for an organization ("the ministry said").
ORG_DESCRIPTIONS: frozenset[str] = frozenset(
    """ministry department agency company firm label government administration office
    committee council commission court group organization organisation campaign team network
    studio union party bureau board bank service embassy kremlin""".split()
)

# Words that may stay lower-case inside a title ("Dancing with the Stars").
TITLE_SMALL_WORDS = frozenset("a an the and or but of in on at to for with by from as vs via nor is".split())

# Titles of someone speaking for a body: unnamed, they speak for it ("a CBP spokesperson" → CBP).
SPOKES_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "representative", "rep", "spokespeople"}
)

# Descriptions that tell the person's gender, for matching them to he/she antecedents.
_MALE_WORDS = "actor spokesman chairman congressman king prince businessman father husband"
_FEMALE_WORDS = "actress spokeswoman chairwoman congresswoman queen princess businesswoman mother wife"
DESCRIPTION_GENDER = dict.fromkeys(_MALE_WORDS.split(), "m") | dict.fromkeys(_FEMALE_WORDS.split(), "f")

# Verbs that give something a name: a short quote under them is a label, not speech.
NAMING_VERBS = frozenset({"dub", "nickname", "term", "label", "brand", "name", "title", "christen"})

# Nouns announcing that the quote is a term, a title or a name: 'the term "three amigos"'.
TERM_NOUNS = frozenset(
    """term word words phrase name nickname label title slogan hashtag motto song album book film movie
    show series episode headline tagline category categories option button feature""".split()
)

# Titles written before a name that are not part of it ("Mayor Ana Ruiz" → "Ana Ruiz").
NAME_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt. col. sgt. prof prof. mayor
    president senator governor judge justice ambassador minister secretary chancellor premier
    sheriff coach director chairman chairwoman commissioner congressman congresswoman
    representative farmer""".split()
)
