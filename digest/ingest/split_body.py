"""The rest of an article whose body the page splits into several blocks.

Some layouts cut an article into blocks of the same kind, with an advertisement row or a sidebar
between them (`<div class="article__body">` … ad … `<div class="article__body">` …). trafilatura
takes the first block for the whole article and stops there, so half of the text (and its quotes)
is lost. `rest_of_body` finds the block that holds the extracted paragraphs, looks for its twins
(same tag, same class, at the same place in the layout) and returns the extracted text with their
paragraphs, in page order. Nothing is added unless every twin reads like article prose.
"""

from __future__ import annotations

import re
from collections import Counter

import lxml.html
from lxml.etree import LxmlError

MIN_KEY_CHARS = 60  # extracted paragraphs long enough to be found again in the page
MIN_PROSE_CHARS = 100  # a twin block holds at least one paragraph this long: prose, not links
MAX_BLOCKS = 6  # more blocks of one kind are a list of teasers, not one article in parts
KEY_WORDS = 8  # a paragraph is recognised by its first words
_WORD = re.compile(r"\w+")
_INDEX = re.compile(r"\[\d+\]")


def rest_of_body(html: bytes, text: str) -> str | None:
    """`text` (trafilatura's, one paragraph a line) with the paragraphs of its block's twins, or
    None when the page has no such twins."""
    lines = [_norm(line) for line in text.split("\n") if line.strip()]
    keys = {_key(line) for line in lines if len(line) >= MIN_KEY_CHARS}
    if not keys:
        return None
    try:
        tree = lxml.html.fromstring(html)
    except (LxmlError, ValueError):
        return None
    holder = _holder(tree, keys)
    if holder is None:
        return None
    place = _place(holder)
    twins = [
        b
        for b in tree.iter(str(holder.tag))
        if b.get("class") == holder.get("class") and _place(b) == place
    ]
    blocks = [paragraphs for b in twins if (paragraphs := _paragraphs(b))]
    if not 2 <= len(blocks) <= MAX_BLOCKS:
        return None
    if any(max(len(p) for p in block) < MIN_PROSE_CHARS for block in blocks):
        return None
    out: list[str] = []
    extracted = False
    for block in blocks:
        if any(_key(p) in keys for p in block):
            if not extracted:
                out.extend(lines)
                extracted = True
        else:
            out.extend(p for p in block if _key(p) not in keys)
    return "\n".join(out) if len(out) > len(lines) else None


def _holder(tree: lxml.html.HtmlElement, keys: set[str]) -> lxml.html.HtmlElement | None:
    """The classed element that is the parent of most of the extracted paragraphs."""
    parents: Counter[lxml.html.HtmlElement] = Counter()
    for p in tree.iter("p"):
        parent = p.getparent()
        if parent is not None and parent.get("class") and _key(p.text_content()) in keys:
            parents[parent] += 1
    return parents.most_common(1)[0][0] if parents else None


def _place(element: lxml.html.HtmlElement) -> str:
    """Where an element sits in the layout: its path of tags, without sibling numbers."""
    return _INDEX.sub("", element.getroottree().getpath(element))


def _paragraphs(block: lxml.html.HtmlElement) -> list[str]:
    return [t for p in block.iter("p") if (t := _norm(p.text_content()))]


def _norm(text: str) -> str:
    return " ".join(text.split())


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower())[:KEY_WORDS])
