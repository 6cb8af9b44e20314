"""Find the dated moments of a story: temporal expressions resolved against the publication date.

Recognition is done by the compiled patterns of `words.py`; spaCy supplies only sentence
boundaries (for `event`), part-of-speech tags (the tense that decides which Monday is meant,
"May" the modal) and person names ("April Ryan" is not a month).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...model import TimeRef
from ..nlp import sentences as sentences_of
from ..nlp import text_of
from .prefilter import fold, may_match, required_strings
from .words import (
    FUTURE_WORDS,
    MONTH_CUES,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PATTERNS,
    SEASON_CUES,
    SEASON_ORDER,
    SEASONS,
    WEEKDAY_NAME_PREFIXES,
    WEEKDAYS,
    boilerplate,
    holiday_date,
    iso,
    iso_week,
    month_day,
    pick_date,
    season_of,
    shift_month,
    weekday_date,
)

Tense = str  # "past" | "present" | "future"
MAX_YEAR_SPAN = 100  # a "1950-2080" pair wider than this is not a period but two unrelated numbers
PAST_AUX = frozenset(
    {"did", "was", "were", "had", "has", "have", "'ve"}
)  # auxiliaries of a past verb
# Verbs whose infinitive complement points forward ("planned to", "expects to").
PLAN_LEMMAS = frozenset(
    {"plan", "intend", "aim", "hope", "schedule", "expect", "set", "want", "seek", "vow"}
)
COUNT_LABELS = frozenset(
    {"CARDINAL", "QUANTITY", "MONEY"}
)  # spaCy's verdict that a number counts things
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "WORK_OF_ART"}
)  # entity types that make "April" or "Today" a name
DURATION_CUES = frozenset({"in", "over", "within", "during", "for", "throughout"})
# Where a sentence spaCy ran on may be cut: a blank line, or a line break after a sentence's end.
LINE_BREAK = re.compile(r"\n[^\S\n]*\n\s*|(?<=[.!?\"”’):])[^\S\n]*\n\s*")
# Words before a date that make it part of a noun phrase ("the July 25 call").
DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "whose", "that", "this"}
    | {"'s", "’s"}
)
# A bare weekday in a present-tense clause is read as past: news' "says Monday" reports a day gone
# by (reading it as future scored lower on the dev gold: "weighs in on Thursday's fight").
PRESENT_WEEKDAY_TENSE: Tense = "past"


@dataclass(frozen=True, slots=True)
class Context:
    """What a resolver needs besides the matched text."""

    published: dt.date | None
    tense: Tense
    anchor_year: int | None  # the latest explicit year in the story, for "the next year"
    sentence_year: int | None = None  # a bare year earlier in the same sentence, for "September 11"
    reference: dt.date | None = None  # the last day the story itself fixed, for "the next day"
    fixed: dt.date | None = None  # the last weekday the story gave with its date, for "Friday"
    anterior: bool = False  # the clause is in the past perfect ("had met on Monday")


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str
    match: re.Match[str]

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()


Resolver = Callable[[re.Match[str], Context], str | None]


def find_timeline(doc: Doc, published: dt.date | None) -> tuple[TimeRef, ...]:
    """Every calendar expression of `doc` in text order, with its ISO value and its sentence."""
    refs: list[TimeRef] = []
    anchor: int | None = None
    reference: dt.date | None = None
    fixed: tuple[int, dt.date] | None = None  # (paragraph, day)
    paragraphs = Paragraphs(text_of(doc))
    sentences = Sentences(doc)
    run_sentence, run_year = (
        None,
        None,
    )  # the sentence of the last refs, and the last year spelled out in it
    for cand in _non_overlapping(_candidates(doc)):
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        sentence = sentences.text(span)
        event = sentences.line(span, cand.start, cand.end)
        if boilerplate(event):
            continue
        tense = _tense(span, sentences)
        context = Context(
            published,
            tense,
            anchor,
            run_year if sentence == run_sentence else None,
            reference,
            fixed[1] if fixed is not None and fixed[0] == paragraphs.start(cand.start) else None,
            _pluperfect(span),
        )
        value = RESOLVERS[cand.kind](cand.match, context)
        if value is None:
            continue
        if _moves_reference(doc, cand, value, paragraphs):
            reference = dt.date.fromisoformat(value)
            if cand.kind == "date" and cand.match.group("weekday"):
                # "On Thursday, 14 November, ... On Friday": the paragraph counts from that week
                fixed = (paragraphs.start(cand.start), reference)
        if _explicit_year(cand):
            anchor = int(value[:4])
        if sentence != run_sentence:
            run_sentence, run_year = sentence, None
        if re.fullmatch(
            r"\d{4}", value
        ):  # "in 2016, after September 11": that year, for the rest of it
            run_year = int(value)
        refs.append(TimeRef(cand.match.group(0), value, cand.start, cand.end, event))
    return tuple(refs)


class Sentences:
    """The sentences of a Doc, found by bisection, with their text and tense worked out once each.

    `Span.sent` walks the sentence token by token, so asking it for every date of a long sentence is
    quadratic ("on Tuesday" five thousand times in one paragraph took 29 s).
    """

    def __init__(self, doc: Doc) -> None:
        self._sents = list(sentences_of(doc))
        self._starts = [s.start for s in self._sents]
        self._texts: dict[int, str] = {}
        self._tenses: dict[int, Tense] = {}
        self._breaks: dict[int, tuple[list[int], list[int]]] = {}  # where sentences may be cut

    def of(self, span: Span) -> Span:
        return self._sents[bisect.bisect_right(self._starts, span.start) - 1]

    def text(self, span: Span | None) -> str:
        if span is None:
            return ""
        sent = self.of(span)
        if sent.start not in self._texts:
            self._texts[sent.start] = sent.text.strip()
        return self._texts[sent.start]

    def line(self, span: Span | None, start: int, end: int) -> str:
        """The sentence holding `span`, cut to the line of it that holds characters start..end: a
        sentence spaCy ran across paragraphs ("Thank you\n\nCopyright 2019") is two events. A
        line break inside a sentence (a hard-wrapped text file) does not cut it."""
        if span is None:
            return ""
        sent, text = self.of(span), text_of(span.doc)
        if sent.start not in self._breaks:
            found = list(LINE_BREAK.finditer(text, sent.start_char, sent.end_char))
            self._breaks[sent.start] = ([m.start() for m in found], [m.end() for m in found])
        starts, ends = self._breaks[sent.start]
        before = bisect.bisect_right(ends, start) - 1
        first = ends[before] if before >= 0 else sent.start_char
        after = bisect.bisect_left(starts, end)
        last = starts[after] if after < len(starts) else sent.end_char
        return " ".join(text[first:last].split())

    def tense(self, span: Span) -> Tense:
        sent = self.of(span)
        if sent.start not in self._tenses:
            self._tenses[sent.start] = _sentence_tense(sent)
        return self._tenses[sent.start]


def _moves_reference(doc: Doc, cand: Candidate, value: str, paragraphs: Paragraphs) -> bool:
    """Whether a day fixes when the story's own events happen: a single day, said by the writer
    (a date inside a quotation is the speaker's) and not naming a thing."""
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return False
    return not _attributive(doc, cand) and not paragraphs.quoted(cand.start)


class Paragraphs:
    """Where paragraphs start, and whether a position is inside a quotation opened earlier in its
    paragraph; asked in text order, the marks are counted once (linear in the text)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0, *(m.end() for m in re.finditer(r"\n\s*\n", text))]
        self._at, self._paragraph, self._marks = 0, 0, (0, 0, 0)

    def start(self, at: int) -> int:
        return self._starts[bisect.bisect_right(self._starts, at) - 1]

    def quoted(self, at: int) -> bool:
        paragraph = self.start(at)
        if paragraph != self._paragraph or at < self._at:
            self._at, self._paragraph, self._marks = paragraph, paragraph, (0, 0, 0)
        piece = self._text[self._at : at]
        opened, closed, straight = self._marks
        self._marks = (
            opened + piece.count("“"),
            closed + piece.count("”"),
            straight + piece.count('"'),
        )
        self._at = at
        return self._marks[0] > self._marks[1] or self._marks[2] % 2 == 1


def _attributive(doc: Doc, cand: Candidate) -> bool:
    """A date that names a thing ("the July 25 call", "a Nov. 5 letter") rather than saying when
    the story's events happen; it does not move the day that "the next day" counts from."""
    first = _token_at(doc, cand.start)
    return first is not None and first.i > 0 and doc[first.i - 1].lower_ in DETERMINERS


def _explicit_year(cand: Candidate) -> bool:
    """Whether the expression spells out its year (and so may anchor "the next year")."""
    groups = cand.match.groupdict()
    return cand.kind in ABSOLUTE_KINDS and bool(groups.get("year") or groups.get("y1"))


# ---------------------------------------------------------------- candidates


# each pattern with the strings one of which its matches hold (prefilter.py)
_SCANS = tuple((kind, pattern, required_strings(pattern)) for kind, pattern in PATTERNS)


def _candidates(doc: Doc) -> Iterator[Candidate]:
    text = text_of(doc)
    folded = fold(text)
    for kind, pattern, needs in _SCANS:
        if not may_match(needs, folded):
            continue
        for match in pattern.finditer(text):
            if _plausible(doc, kind, match):
                yield Candidate(kind, match)


def _non_overlapping(cands: Iterator[Candidate]) -> list[Candidate]:
    """Keep the longest match wherever matches overlap (earlier pattern first on ties)."""
    ordered = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Candidate] = []
    for cand in ordered:
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
    return kept


def _plausible(doc: Doc, kind: str, match: re.Match[str]) -> bool:
    """Reject matches that are names, verbs, modals or durations rather than times."""
    key = "month" if kind == "month" else 0
    first = _token_at(doc, match.start(key))
    prev = doc[first.i - 1].lower_ if first is not None and first.i > 0 else ""
    if (
        first is not None
        and first.ent_type_ in NAME_LABELS
        and kind in ("month", "weekday", "deictic")
    ):
        return False
    if kind == "weekday":
        return prev not in WEEKDAY_NAME_PREFIXES
    if kind == "year":
        return not _is_count(doc, match) and not _named_number(doc, match)
    if kind == "relative":
        return prev != "the"  # "in the last week" is a duration
    if kind == "anaphoric_week" and match.group(0).lower().startswith("the"):
        return prev not in DURATION_CUES  # "within the next week" is a duration
    if kind == "month" and match.group("month") == "May" and not match.group("rel"):
        return (prev in MONTH_CUES or match.group(0) != "May") and (
            first is None or first.tag_ != "MD"
        )
    if kind == "season" and not (match.group("rel") or match.group("year")):
        return prev in SEASON_CUES or match.group("season").lower() == "summertime"
    return True


def _named_number(doc: Doc, match: re.Match[str]) -> bool:
    """A number that is part of a name ("Euro 2020", "Brisa 1500", "Windows 2000"): a bare year
    right after a capitalized noun that is no month."""
    if match.group(0) != match.group("year"):
        return False  # "fiscal 2019", "the end of 2019"
    number = _token_at(doc, match.start("year"))
    if number is None or number.i == 0:
        return False
    name = doc[number.i - 1]
    return (
        name.pos_ in ("PROPN", "NOUN")
        and name.text[:1].isupper()
        and name.is_alpha
        and name.lower_.rstrip(".") not in MONTHS
    )


def _is_count(doc: Doc, match: re.Match[str]) -> bool:
    """A number that counts things ("1500 troops", "1080 pixels") rather than naming a year."""
    number = _token_at(doc, match.start("year"))
    if number is None or number.i + 1 >= len(doc):
        return False
    return number.ent_type_ in COUNT_LABELS and doc[number.i + 1].tag_ == "NNS"


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# ---------------------------------------------------------------- tense


def _tense(span: Span | None, sentences: Sentences) -> Tense:
    """The tense of the clause the expression modifies, else of its sentence."""
    if span is None:
        return "present"
    verb = _governing_verb(span.root)
    tense = _verb_tense(verb) if verb is not None else None
    return tense or sentences.tense(span)


def _pluperfect(span: Span | None) -> bool:
    """Whether the expression's clause is in the past perfect ("had debated it on Monday")."""
    verb = _governing_verb(span.root) if span is not None else None
    return verb is not None and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children
    )


def _governing_verb(token: Token) -> Token | None:
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def _verb_tense(verb: Token) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ == "to" for a in auxes) and verb.head.lemma_ in PLAN_LEMMAS:
        return "future"  # "had planned to impose Dec. 15": the planned thing lies ahead
    words = {c.lower_ for c in auxes} | {verb.lower_}
    if words & FUTURE_WORDS:
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lower_ in PAST_AUX for a in auxes):
        return "past"
    if verb.tag_ == "VBN":
        return "past"
    return None


def _sentence_tense(sent: Span) -> Tense:
    if any(t.lower_ in FUTURE_WORDS for t in sent):
        return "future"
    if any(t.tag_ == "VBD" for t in sent):
        return "past"
    return "present"


# ---------------------------------------------------------------- resolvers, one per pattern kind


def _resolve_full(match: re.Match[str], ctx: Context) -> str | None:
    year, month, day = (int(match.group(g)) for g in ("year", "month", "day"))
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _resolve_date(match: re.Match[str], ctx: Context) -> str | None:
    month, day = MONTHS[match.group("month").rstrip(".").lower()], int(match.group("day"))
    if match.group("year"):
        return _safe_date(int(match.group("year")), month, day)
    if ctx.sentence_year is not None:
        return _safe_date(ctx.sentence_year, month, day)
    if ctx.published is None:
        return None
    found = month_day(month, day, ctx.published, ctx.tense)
    return found.isoformat() if found else None


def _resolve_date_range(match: re.Match[str], ctx: Context) -> str | None:
    """ "Nov. 16-17" → 2019-11-16/2019-11-17; the first day is placed as a lone date would be, the
    last day follows it."""
    groups = match.groupdict()
    month = MONTHS[groups["month"].rstrip(".").lower()]
    month2 = MONTHS[groups["month2"].rstrip(".").lower()] if groups.get("month2") else month
    day, day2 = int(groups["day"]), int(groups["day2"])
    year2 = int(groups["year2"]) if groups.get("year2") else None
    year = int(groups["year"]) if groups.get("year") else None
    if year is None and year2 is not None:
        year = year2 - (1 if month2 < month else 0)
    if year is None:
        year = ctx.sentence_year
    if year is None:
        if ctx.published is None:
            return None
        found = month_day(month, day, ctx.published, ctx.tense)
        if found is None:
            return None
        year = found.year
    if year2 is None:
        year2 = year + (1 if (month2, day2) < (month, day) else 0)
    first, last = _safe_date(year, month, day), _safe_date(year2, month2, day2)
    if first is None or last is None or not first < last:
        return None
    return f"{first}/{last}"


def _safe_date(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _resolve_month_year(match: re.Match[str], ctx: Context) -> str | None:
    return f"{match.group('year')}-{MONTHS[match.group('month').rstrip('.').lower()]:02d}"


def _resolve_month(match: re.Match[str], ctx: Context) -> str | None:
    if ctx.published is None:
        return None
    month, rel, pub = (
        MONTHS[match.group("month").lower()],
        (match.group("rel") or "").lower(),
        ctx.published,
    )
    if rel == "this":
        return f"{pub.year}-{month:02d}"
    if rel == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif rel == "next":
        year = pub.year if month > pub.month else pub.year + 1
    else:
        first = pick_date(
            [dt.date(y, month, 1) for y in (pub.year - 1, pub.year, pub.year + 1)],
            pub.replace(day=1),
            ctx.tense,
        )
        year = first.year
    return f"{year}-{month:02d}"


def _resolve_weekday(match: re.Match[str], ctx: Context) -> str | None:
    if ctx.published is None:
        return None
    rel = (match.group("rel") or "").lower()
    weekday = WEEKDAYS[match.group("weekday").lower()]
    if ctx.fixed is not None and not rel:
        # In a paragraph that gave a weekday with its date, a bare weekday is a day of the story's
        # own week: ahead of that day when still to come, before it when it had already happened
        # ("had met on Monday"), otherwise the nearest ("On Thursday, 7 November ... on Friday").
        tense = "future" if ctx.tense == "future" else "past" if ctx.anterior else "present"
        return iso(weekday_date(weekday, ctx.fixed, tense, "", "present"))
    # "last Friday", "next Monday" and weekdays elsewhere count from when the words were written.
    return iso(weekday_date(weekday, ctx.published, ctx.tense, rel, PRESENT_WEEKDAY_TENSE))


def _resolve_deictic(match: re.Match[str], ctx: Context) -> str | None:
    if ctx.published is None:
        return None
    word, part = match.group("word").lower(), (match.group("part") or "").lower()
    offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "this": 0}.get(word, -1)
    if word == "last" and part != "night":
        return None  # "last morning" is not idiomatic; "last evening" is rare enough to skip
    return iso(ctx.published + dt.timedelta(days=offset))


def _resolve_relative(match: re.Match[str], ctx: Context) -> str | None:
    rel, unit = match.group("rel").lower(), match.group("unit").lower()
    if ctx.published is None or rel == "the past":
        return None  # "the past year" is a duration
    step = {"last": -1, "this": 0, "next": 1, "the coming": 1}[rel]
    pub = ctx.published
    if unit == "week":
        return iso_week(pub + dt.timedelta(weeks=step))
    if unit == "month":
        return shift_month(pub, step)
    return str(pub.year + step)


def _resolve_anchored(match: re.Match[str], ctx: Context) -> str | None:
    base = ctx.anchor_year or (ctx.published.year if ctx.published else None)
    if base is None:
        return None
    step = 1 if match.group("rel").lower() in ("next", "following", "later") else -1
    return str(base + step)


def _resolve_weekend(match: re.Match[str], ctx: Context) -> str | None:
    if ctx.published is None:
        return None
    rel, pub = match.group("rel").lower(), ctx.published
    saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
    future = rel in ("next", "this coming") or (rel in ("the", "this") and ctx.tense == "future")
    if future and saturday + dt.timedelta(days=1) < pub:
        saturday += dt.timedelta(days=7)
    return f"{iso(saturday)}/{iso(saturday + dt.timedelta(days=1))}"


def _resolve_ago(match: re.Match[str], ctx: Context) -> str | None:
    word, unit = match.group("num").lower(), match.group("unit").lower()
    count = int(word) if word.isdigit() else NUMBERS[word]
    if ctx.published is None or count == 0:
        return None
    pub = ctx.published
    if unit == "day":
        return iso(pub - dt.timedelta(days=count))
    if unit == "week":
        return iso_week(pub - dt.timedelta(weeks=count))
    if unit == "month":
        return shift_month(pub, -count)
    if unit == "decade":
        return f"{(pub.year - 10 * count) // 10}X"
    return str(pub.year - count)


def _resolve_decade(match: re.Match[str], ctx: Context) -> str | None:
    dec = match.group("dec")
    cent = match.groupdict().get("cent") or ("20" if dec in "01" else "19")
    return f"{cent}{dec}X"


def _resolve_year_range(match: re.Match[str], ctx: Context) -> str | None:
    first, last = match.group("y1"), match.group("y2")
    if len(last) == 2:
        last = first[:2] + last
    if not 0 < int(last) - int(first) < MAX_YEAR_SPAN:
        return None
    return f"{first}/{last}"


def _resolve_season(match: re.Match[str], ctx: Context) -> str | None:
    code = SEASONS[match.group("season").lower()]
    if match.group("year"):
        return f"{match.group('year')}-{code}"
    if ctx.published is None:
        return None
    rel = {"the": ""}.get((match.group("rel") or "").lower(), (match.group("rel") or "").lower())
    year, current = season_of(ctx.published)
    if rel == "this" or (not rel and code == current):
        return f"{year}-{code}"
    later = SEASON_ORDER.index(code) > SEASON_ORDER.index(current)
    if rel == "next" or (rel not in ("last", "this past") and ctx.tense == "future"):
        return f"{year + (0 if later else 1)}-{code}"
    return f"{year - (1 if later or code == current else 0)}-{code}"


def _resolve_quarter(
    match: re.Match[str], ctx: Context, unit: str = "Q", per_year: int = 4
) -> str | None:
    number = ORDINALS.get(match.group("ord").lower()) or int(match.group("ord"))
    groups = match.groupdict()
    if groups.get("year"):
        return f"{groups['year']}-{unit}{number}"
    if ctx.published is None:
        return None
    current = (ctx.published.month - 1) * per_year // 12 + 1
    year = ctx.published.year - (1 if number > current and ctx.tense == "past" else 0)
    return f"{year}-{unit}{number}"


def _resolve_half(match: re.Match[str], ctx: Context) -> str | None:
    return _resolve_quarter(match, ctx, "H", 2)


def _resolve_year_part(match: re.Match[str], ctx: Context) -> str | None:
    return str(ctx.published.year) if ctx.published else None


def _resolve_holiday(match: re.Match[str], ctx: Context) -> str | None:
    if ctx.published is None:
        return None
    name = match.group("name").lower().replace("’", "'")
    year = ctx.published.year
    options = [holiday_date(name, y) for y in (year - 1, year, year + 1)]
    return iso(pick_date(options, ctx.published, ctx.tense))


def _resolve_year(match: re.Match[str], ctx: Context) -> str | None:
    return match.group("year")


def _resolve_anaphoric(match: re.Match[str], ctx: Context) -> str | None:
    """ "The next day", "the day before", "later that day", "two days later": counted from the last
    day the story fixed; without one the evidence is too weak to give a date."""
    if ctx.reference is None:
        return None
    groups = match.groupdict()
    if groups.get("same"):
        offset = 0
    elif groups.get("rel"):
        offset = 1 if groups["rel"].lower() in ("next", "following") else -1
    elif groups.get("rel2"):
        offset = 1 if groups["rel2"].lower() == "after" else -1
    else:
        word = groups["num"].lower()
        count = int(word) if word.isdigit() else NUMBERS[word]
        offset = count if groups["rel3"].lower() == "later" else -count
    return iso(ctx.reference + dt.timedelta(days=offset))


def _resolve_anaphoric_week(match: re.Match[str], ctx: Context) -> str | None:
    """ "Earlier in the week", "the following week", "two weeks later": weeks counted from the
    last day the story fixed."""
    if ctx.reference is None:
        return None
    groups = match.groupdict()
    if groups.get("rel"):
        step = 1 if groups["rel"].lower() in ("next", "following") else -1
    elif groups.get("rel2"):
        step = 1 if groups["rel2"].lower() == "after" else -1
    elif groups.get("rel3"):
        count = NUMBERS[groups["num"].lower()]
        step = count if groups["rel3"].lower() == "later" else -count
    else:
        step = 0
    return iso_week(ctx.reference + dt.timedelta(weeks=step))


def _resolve_anaphoric_weekday(match: re.Match[str], ctx: Context) -> str | None:
    """ "That Friday": the Friday of the week of the day the story fixed; "the following Friday"
    the first after it, "the previous Friday" the last before it."""
    if ctx.reference is None:
        return None
    rel = " ".join(match.group("rel").lower().split())
    weekday, ref = WEEKDAYS[match.group("weekday").lower()], ctx.reference
    if rel == "that":
        return iso(ref + dt.timedelta(days=weekday - ref.weekday()))
    if rel == "the previous":
        return iso(ref - dt.timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1))
    return iso(ref + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1))


RESOLVERS: dict[str, Resolver] = {
    "iso": _resolve_full,
    "numeric": _resolve_full,
    "date": _resolve_date,
    "date_range": _resolve_date_range,
    "month_year": _resolve_month_year,
    "month": _resolve_month,
    "weekday": _resolve_weekday,
    "deictic": _resolve_deictic,
    "relative": _resolve_relative,
    "anchored": _resolve_anchored,
    "weekend": _resolve_weekend,
    "ago": _resolve_ago,
    "decade": _resolve_decade,
    "year_range": _resolve_year_range,
    "season": _resolve_season,
    "quarter": _resolve_quarter,
    "half": _resolve_half,
    "year_part": _resolve_year_part,
    "holiday": _resolve_holiday,
    "year": _resolve_year,
    "anaphoric": _resolve_anaphoric,
    "anaphoric_week": _resolve_anaphoric_week,
    "anaphoric_weekday": _resolve_anaphoric_weekday,
}
# Kinds whose value names its own year; they set the year that "the next year" counts from.
ABSOLUTE_KINDS = frozenset(
    {"iso", "numeric", "date", "date_range", "month_year", "year", "year_range"}
)
