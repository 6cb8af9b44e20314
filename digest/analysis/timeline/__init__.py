"""When things happened: dates and relative dates ("on Tuesday") found and resolved (find.py), from
the date words and patterns of words.py; values are described and sorted by digest/timevalues.py."""

from .find import find_timeline

__all__ = ["find_timeline"]
