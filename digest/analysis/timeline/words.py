"""Word lists, compiled patterns and calendar arithmetic for temporal expressions;
`timeline.py` uses them.

Each pattern in `PATTERNS` is tried over the whole text; overlapping matches are settled there
(the longest wins), so a pattern only has to describe one kind of expression well.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "several": 0,
    "few": 0,  # vague counts: matched so the span is not misread, then skipped
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "summertime": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
SEASON_ORDER = ("SP", "SU", "FA", "WI")  # calendar order of the seasons within one year
# Fixed-date holidays (month, day); movable ones are computed in timeline.py.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1),
    "valentine's day": (2, 14),
    "independence day": (7, 4),
    "fourth of july": (7, 4),
    "halloween": (10, 31),
    "veterans day": (11, 11),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
}
MOVABLE_HOLIDAYS = ("thanksgiving", "election day")
# Weekday names that are part of a name, not a date
# ("Black Friday" is not the Friday before publication).
WEEKDAY_NAME_PREFIXES = frozenset(
    {"black", "cyber", "good", "super", "ash", "holy", "palm", "easter"}
)
# Words before a bare season or "May" that make it a time, not a verb ("in May", "last fall").
SEASON_CUES = frozenset(
    {"the", "this", "last", "next", "in", "past", "early", "late", "since", "until", "by"}
)
MONTH_CUES = frozenset(
    {
        "in",
        "since",
        "until",
        "till",
        "by",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "of",
        "through",
        "from",
        "during",
        "before",
        "after",
        "between",
        "and",
        "or",
        "to",
        "each",
    }
)
# Words that put a clause in the future ("would" is left out: in reported speech it is mostly past).
FUTURE_WORDS = frozenset(
    {
        "will",
        "'ll",
        "wo",
        "shall",
        "going",
        "gon",
        "upcoming",
        "scheduled",
        "expected",
        "set",
        "slated",
        "due",
        "plans",
        "plan",
        "next",
    }
)
# Modifiers kept inside an "ago" span ("nearly 10 years ago").
_APPROX = (
    r"(?:(?:nearly|almost|about|around|roughly|some|more than|less than|over|just|exactly)\s+)?"
)
# "the end of October" keeps its frame; the value is that of the month or year inside.
_PART_OF = r"(?:the\s+(?:end|beginning|start|middle|close)\s+of\s+)?"

_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s+\d))"
MONTH = rf"(?P<month>{_MONTH_FULL}|{_MONTH_ABBR})"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%])"
YEAR = r"(?P<year>1\d{3}|20\d{2}|2100)"
WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
PART_OF_DAY = r"(?P<part>morning|afternoon|evening|night|overnight)"
CLOCK = r"(?:\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)(?:\s+[A-Z]{2,4}\b)?|noon|midnight)"
NUMBER = rf"(?P<num>\d{{1,2}}|{'|'.join(NUMBERS)})"
_NOT_MONEY = r"(?<![$€£#\d.,/])(?<!No\. )"
_NOT_PERCENT = r"(?![\d,]*\d|\s*%|\s*percent|-\d{3})"


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_I = re.IGNORECASE
# (kind, pattern) in no particular order; the resolver for each kind lives in timeline.py.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", _compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b")),
    (
        "numeric",
        _compile(r"\b(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>\d{4})\b"),
    ),
    (
        "date",
        _compile(
            rf"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR}\b)?(?:\s+(?:at\s+)?{CLOCK})?"
        ),
    ),
    ("date", _compile(rf"\b(?:{WEEKDAY},?\s+)?{DAY}\s+{MONTH}(?:,?\s+{YEAR}\b)?")),
    # Ranges of days joined by a dash: "Nov. 16-17", "16–17 November 2019",
    # "29 November 2018 – 20 January 2019".
    (
        "date_range",
        _compile(rf"\b{MONTH}\s+{DAY}\s*[-–]\s*(?P<day2>3[01]|[12]\d|0?[1-9])\b(?:,?\s+{YEAR}\b)?"),
    ),
    (
        "date_range",
        _compile(rf"\b{DAY}\s*[-–]\s*(?P<day2>3[01]|[12]\d|0?[1-9])\s+{MONTH}(?:,?\s+{YEAR}\b)?"),
    ),
    (
        "date_range",
        _compile(
            rf"\b{DAY}\s+{MONTH}(?:,?\s+{YEAR})?\s*[-–—]\s*(?P<day2>3[01]|[12]\d|0?[1-9])\s+"
            r"(?P<month2>"
            + _MONTH_FULL
            + "|"
            + _MONTH_ABBR
            + r")(?:,?\s+(?P<year2>1\d{3}|20\d{2})\b)?"
        ),
    ),
    (
        "date_range",
        _compile(
            rf"\b{MONTH}\s+{DAY}(?:,?\s+{YEAR})?\s*[-–—]\s*"
            r"(?P<month2>"
            + _MONTH_FULL
            + "|"
            + _MONTH_ABBR
            + r")\s+(?P<day2>3[01]|[12]\d|0?[1-9])\b"
            r"(?:,?\s+(?P<year2>1\d{3}|20\d{2})\b)?"
        ),
    ),
    (
        "month_year",
        _compile(rf"\b{_PART_OF}(?:(?:early|mid|late)[-\s])?{MONTH},?\s+(?:of\s+)?{YEAR}\b"),
    ),
    (
        "month",
        _compile(
            rf"\b{_PART_OF}(?:(?P<rel>last|next|this|early|late|mid)[-\s]+)?(?P<month>{_MONTH_FULL})\b"
        ),
    ),
    (
        "weekday",
        _compile(
            rf"\b(?:(?P<rel>last|next|this|this past|this coming|early|late)\s+)?{WEEKDAY}\b"
            rf"(?:\s+{PART_OF_DAY})?(?:,?\s+(?:at\s+|around\s+)?{CLOCK})?",
            _I,
        ),
    ),
    (
        "deictic",
        _compile(r"\b(?P<word>yesterday|today|tomorrow|tonight)\b(?:\s+" + PART_OF_DAY + ")?", _I),
    ),
    (
        "deictic",
        _compile(r"\b(?P<word>this|last)\s+(?P<part>morning|afternoon|evening|night)\b", _I),
    ),
    (
        "relative",
        _compile(
            r"\b(?:(?:earlier|later)\s+)?(?P<rel>last|this|next|the past|the coming)\s+"
            r"(?P<unit>week|month|year)\b",
            _I,
        ),
    ),
    # Days counted from the last day the story itself has fixed ("On Tuesday ... the next day").
    (
        "anaphoric",
        _compile(
            r"\b(?:the\s+)?(?P<rel>next|following|previous|prior)\s+"
            r"(?P<unit>day|morning|afternoon|evening|night)\b"
            r"|\bthe\s+(?P<unit2>day|night)\s+(?P<rel2>before|after)(?=\s*[,.;:)—–]|\s+(?:and|but)\b)"
            r"|\b(?P<same>(?:(?:earlier|later)\s+)?(?:that|the)\s+same\s+day"
            r"|(?:earlier|later)\s+(?:that|in\s+the)\s+day"
            r"|that\s+(?:morning|afternoon|evening|night))\b"
            r"|\b(?P<num>a|one|two|three|four|five|six|\d)\s+days?\s+(?P<rel3>later|earlier)\b",
            _I,
        ),
    ),
    (
        "anaphoric_week",
        _compile(
            r"\b(?:earlier|later)\s+(?:in\s+the|that)\s+week\b"
            r"|\bthe\s+(?P<rel>next|following|previous|prior)\s+week\b"
            r"|\bthe\s+week\s+(?P<rel2>before|after)(?=\s*[,.;:)—–]|\s+(?:and|but)\b)"
            r"|\b(?P<num>a|one|two|three)\s+weeks?\s+(?P<rel3>later|earlier)\b",
            _I,
        ),
    ),
    (
        "anaphoric_weekday",
        _compile(
            rf"\b(?P<rel>that|the\s+following|the\s+previous|the\s+next)\s+{WEEKDAY}\b"
            rf"(?:\s+{PART_OF_DAY})?",
            _I,
        ),
    ),
    ("anchored", _compile(r"\bthe\s+(?P<rel>next|previous|following|prior)\s+year\b", _I)),
    ("anchored", _compile(r"\b(?P<num>a|one)\s+year\s+(?P<rel>later|earlier|before)\b", _I)),
    ("weekend", _compile(r"\b(?P<rel>the|this|last|next|this past|this coming)\s+weekend\b", _I)),
    ("ago", _compile(rf"\b{_APPROX}{NUMBER}\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b", _I)),
    (
        "decade",
        _compile(
            r"\b(?:the\s+)?(?:(?:early|mid|late)[-\s])?(?P<cent>1[0-9]|20)(?P<dec>\d)0s\b", _I
        ),
    ),
    ("decade", _compile(r"\b(?:the\s+)?(?:(?:early|mid|late)[-\s])?['’](?P<dec>\d)0s\b", _I)),
    (
        "year_range",
        _compile(r"\bbetween\s+(?P<y1>1\d{3}|20\d{2})\s+and\s+(?P<y2>1\d{3}|20\d{2})\b", _I),
    ),
    (
        "year_range",
        _compile(
            rf"{_NOT_MONEY}\b(?P<y1>1\d{{3}}|20\d{{2}})\s*(?:[-–—]|\s+to\s+|\s+through\s+|\s+until\s+)\s*"
            rf"(?P<y2>1\d{{3}}|20\d{{2}}|\d\d)\b{_NOT_PERCENT}",
            _I,
        ),
    ),
    (
        "season",
        _compile(
            r"\b(?:(?P<rel>last|this|next|early|late|this past|the)\s+)?"
            r"(?P<season>spring|summer|summertime|fall|autumn|winter)\b"
            rf"(?:\s+(?:of\s+)?{YEAR}\b)?",
            _I,
        ),
    ),
    (
        "quarter",
        _compile(
            r"\b(?:(?:the|this|last|next)\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[-\s]quarter\b"
            rf"(?:\s+of\s+(?:fiscal\s+)?{YEAR}\b)?",
            _I,
        ),
    ),
    (
        "quarter",
        _compile(rf"\b(?:fiscal\s+)?Q(?P<ord>[1-4])\b(?:\s+(?:of\s+)?(?:fiscal\s+)?{YEAR}\b)?"),
    ),
    (
        "half",
        _compile(
            r"\b(?:the\s+)?(?P<ord>first|second)[-\s]half\s+of\s+"
            r"(?:(?P<this>the|this)\s+year|(?:fiscal\s+)?" + YEAR + r"\b)",
            _I,
        ),
    ),
    ("half", _compile(r"\b(?P<ord>first|second)-half\b", _I)),
    ("year_part", _compile(r"\bthe\s+(?:end|beginning|start|middle|rest)\s+of\s+the\s+year\b", _I)),
    ("year_part", _compile(r"\byear[-\s]to[-\s]date\b", _I)),
    (
        "holiday",
        _compile(
            r"\b(?P<name>New Year's Day|New Year’s Day|Valentine's Day|Valentine’s Day"
            r"|Independence Day|Fourth of July"
            r"|Halloween|Veterans Day|Christmas Eve|Christmas Day|Christmas"
            r"|New Year's Eve|New Year’s Eve"
            r"|Thanksgiving|Election Day)\b"
        ),
    ),
    ("year", _compile(rf"{_NOT_MONEY}\b{_PART_OF}(?:fiscal\s+)?{YEAR}\b{_NOT_PERCENT}")),
)


# Lines of a page that date the page, not an event: copyright notices, "Updated 10:32 a.m." stamps,
# bylines, newsletter promotions, a date alone on its line.
BOILERPLATE = re.compile(
    r"\bcopyright\b|©|\(c\)\s*\d{4}|\ball rights reserved\b"
    r"|\b(?:sign\s+up|subscribe)\b.*\b(?:newsletters?|inbox|e-?mails?)\b"
    r"|\bnewsletters?\b.*\b(?:inbox|sign\s+up|subscribe)\b"
    r"|^\W*by\s+(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*\s*(?:[,|·•/–—-]|\s(?:on|at)\s)(?=.{0,80}$)",
    re.IGNORECASE,
)
_DAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH_NAME = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_STAMP_TIME = rf"(?:\W+(?:at\s+)?(?:{CLOCK}|\d{{1,2}}:\d\d))?"
_DATE_ONLY = re.compile(
    rf"\W*(?:{_DAY_NAME},?\s+)?(?:{_MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH_NAME})"
    rf",?\s+\d{{4}}{_STAMP_TIME}\W*",
    re.IGNORECASE,
)


MAX_BOILERPLATE = 300  # characters: a longer line is the story's, whatever words it has
_STAMP = re.compile(
    r"\W*(?:last\s+|first\s+|originally\s+)?(?:updated|published|posted|modified)\b:?(?P<rest>.*)",
    re.IGNORECASE,
)
# Words a time stamp is made of besides numbers ("Updated on Nov. 19, 2019 at 10:32 a.m. ET").
_STAMP_WORDS = frozenset({"on", "at", "a.m", "p.m", "am", "pm", "and", "by", "ago"}) | set(MONTHS)


def boilerplate(line: str) -> bool:
    """Whether a line of the page is about the page itself (when it was written or updated, who
    owns it, what to subscribe to) rather than about the story."""
    if len(line) > MAX_BOILERPLATE:
        return False
    if BOILERPLATE.search(line) or _DATE_ONLY.fullmatch(line):
        return True
    stamp = _STAMP.fullmatch(line)
    if stamp is None:
        return False
    words = re.findall(
        r"\b[a-z][a-z.]*[a-z]\b", stamp["rest"]
    )  # lower-case words: a stamp has none
    return all(w.rstrip(".") in _STAMP_WORDS or w.endswith("day") for w in words)


# ---------------------------------------------------------------- calendar arithmetic


def pick_date(options: list[dt.date], published: dt.date, tense: str) -> dt.date:
    """From dates around `published`, the one the tense points to
    (nearest when the tense is neutral)."""
    if tense == "past":
        before = [d for d in options if d <= published]
        if before:
            return max(before)
    if tense == "future":
        after = [d for d in options if d >= published]
        if after:
            return min(after)
    return min(options, key=lambda d: (abs((d - published).days), d > published))


def month_day(month: int, day: int, published: dt.date, tense: str) -> dt.date | None:
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return pick_date(options, published, tense) if options else None


def weekday_date(
    weekday: int, published: dt.date, tense: str, rel: str, present_as: str
) -> dt.date:
    """The `weekday` meant near `published`: `rel` is "", "last", "next", "this past" or
    "this coming"."""
    back = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    ahead = published + dt.timedelta(days=(weekday - published.weekday()) % 7)
    if rel == "last":
        return back if back < published else back - dt.timedelta(days=7)
    if rel == "next":
        return ahead if ahead > published else ahead + dt.timedelta(days=7)
    if back == published:
        return published
    if rel in ("this past",):
        return back
    if rel in ("this coming",):
        return ahead
    return pick_date([back, ahead], published, tense if tense != "present" else present_as)


def iso(day: dt.date) -> str:
    return day.isoformat()


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(day: dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12}-{index % 12 + 1:02d}"


def season_of(day: dt.date) -> tuple[int, str]:
    if day.month in (1, 2):
        return day.year - 1, "WI"
    return day.year, SEASON_ORDER[min((day.month - 3) // 3, 3)]


def holiday_date(name: str, year: int) -> dt.date:
    if name in HOLIDAYS:
        return dt.date(year, *HOLIDAYS[name])
    first = dt.date(year, 11, 1)
    if name == "thanksgiving":  # fourth Thursday of November
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return first + dt.timedelta(
        days=(0 - first.weekday()) % 7 + 1
    )  # Tuesday after the first Monday
