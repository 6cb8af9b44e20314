"""ISO-style time values (2023-09-13, 2023-09, 2023, 195X, 1950/1953, 2019-W47, 2023-SU) for people
and sorting."""

from __future__ import annotations

import datetime as dt
import re

SEASONS = {"SP": ("spring", 3), "SU": ("summer", 6), "FA": ("autumn", 9), "WI": ("winter", 12)}


def sort_key(value: str) -> tuple[int, int, int]:
    """The first day a value covers, as (year, month, day); unknown values sort last."""
    first = value.split("/")[0]
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", first):
        return int(m[1]), int(m[2]), int(m[3])
    if m := re.fullmatch(r"(\d{4})-(\d{2})", first):
        return int(m[1]), int(m[2]), 0
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", first):
        day = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return day.year, day.month, day.day
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", first):
        return int(m[1]), SEASONS[m[2]][1], 0
    if m := re.fullmatch(r"(\d{4})-Q(\d)", first):
        return int(m[1]), 3 * int(m[2]) - 2, 0
    if m := re.fullmatch(r"(\d{4})-H(\d)", first):
        return int(m[1]), 6 * int(m[2]) - 5, 0
    if m := re.fullmatch(r"(\d{1,4})X*", first):
        return int(m[1].ljust(4, "0")), 0, 0
    return 9999, 99, 99


def precision(value: str) -> int:
    """How finely a value places its moment: 0 for a day (or a range of days), 1 a week, 2 a
    month, 3 a season, quarter or half, 4 a year or a range of years, 5 a decade or century."""
    first = value.split("/")[0]
    for rank, pattern in enumerate(
        (
            r"\d{4}-\d{2}-\d{2}",
            r"\d{4}-W\d{2}",
            r"\d{4}-\d{2}",
            r"\d{4}-(?:SP|SU|FA|WI|Q\d|H\d)",
            r"\d{4}",
        )
    ):
        if re.fullmatch(pattern, first):
            return rank
    return 5


def describe_value(value: str) -> str:
    """A reader's form: '13 September 2023', 'September 2023', 'the week of 11 November 2019',
    'autumn 2019', 'the third quarter of 2019', 'the 1950s', '16–17 November 2019', '1950–1953'."""
    if "/" in value:
        return describe_range(*value.split("/", 1))
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return f"{day.day} {day:%B %Y}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return f"{dt.date(int(m[1]), int(m[2]), 1):%B %Y}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return f"the week of {monday.day} {monday:%B %Y}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{SEASONS[m[2]][0]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"the {ORDINAL_WORDS[int(m[2])]} quarter of {m[1]}"
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        return f"the {ORDINAL_WORDS[int(m[2])]} half of {m[1]}"
    if m := re.fullmatch(r"(\d{3})X", value):
        return f"the {m[1]}0s"
    if m := re.fullmatch(r"(\d{2})XX", value):
        return f"the {ordinal(int(m[1]) + 1)} century"
    return value


ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth"}
DASH = "–"  # an en dash joins the ends of a range


def ordinal(number: int) -> str:
    """21 → '21st', 13 → '13th'."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def describe_range(first: str, last: str) -> str:
    """A range said once: '16–17 November 2019', '29 November – 3 December 2019',
    '29 November 2018 – 20 January 2019', '1950–1953'."""
    days = [re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v) for v in (first, last)]
    if days[0] and days[1]:
        a, b = (dt.date(int(m[1]), int(m[2]), int(m[3])) for m in days if m)
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.day}{DASH}{b.day} {b:%B %Y}"
        if a.year == b.year:
            return f"{a.day} {a:%B} {DASH} {b.day} {b:%B %Y}"
    months = [re.fullmatch(r"(\d{4})-(\d{2})", v) for v in (first, last)]
    if months[0] and months[1] and months[0][1] == months[1][1]:
        a, b = (dt.date(int(m[1]), int(m[2]), 1) for m in months if m)
        return f"{a:%B} {DASH} {b:%B %Y}"
    if re.fullmatch(r"\d{4}", first) and re.fullmatch(r"\d{4}", last):
        return f"{first}{DASH}{last}"
    return f"{describe_value(first)} {DASH} {describe_value(last)}"
