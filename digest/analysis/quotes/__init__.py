"""What was said, verbatim, and by whom.

marks.py      quotation marks found and paired (plain string work, no parse)
find.py       the quoted stretches that are speech, and the reporting verb of each
speakers.py   who said it: the evidence that names a quote's speaker, or none
"""

from .find import find_quotes

__all__ = ["find_quotes"]
