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


def describe_value(value: str) -> str:
    """A reader's form: '13 September 2023', 'September 2023', 'the 1950s', '1950 – 1953'."""
    if "/" in value:
        return " – ".join(describe_value(part) for part in value.split("/", 1))
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return f"{day.day} {day:%B %Y}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return f"{dt.date(int(m[1]), int(m[2]), 1):%B %Y}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return f"week {int(m[2])} of {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{SEASONS[m[2]][0]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-([QH]\d)", value):
        return f"{m[2]} {m[1]}"
    if m := re.fullmatch(r"(\d{3})X", value):
        return f"the {m[1]}0s"
    if m := re.fullmatch(r"(\d{2})XX", value):
        return f"the {int(m[1]) + 1}th century"
    return value
