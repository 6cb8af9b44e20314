"""Digest's sample articles: the fictional pages in content/samples/, written for the demonstration.

Each carries `<meta name="digest:sample" …>` in its head. Only a local file can be a sample (a page
from the web cannot make itself one); their stories are marked as samples, shown after the user's
own, and leave the site once no sample page is among the sources (pipeline.py).
"""

from __future__ import annotations

import re

from ..model import RawPage

MARKER = re.compile(rb"<meta\s+name\s*=\s*[\"']?digest:sample[\"'\s>]", re.IGNORECASE)
HEAD_BYTES = 4096  # the marker sits in the head, before any article text


def is_sample(page: RawPage) -> bool:
    """Whether the page is one of Digest's sample articles (a local file with the marker)."""
    local = page.url is None and not page.source.startswith(("http://", "https://"))
    return local and page.kind == "html" and bool(MARKER.search(page.content[:HEAD_BYTES]))
