"""Markdown we write: source text made inert, dates and URLs in our style, and the check that
markdown-it-py runs on every page before it is written (no raw HTML, no unsafe links)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from markdown_it import MarkdownIt

SUMMARY_CHARS = 220  # a card's one-line summary is cut at a word boundary near this length
_ESCAPE = re.compile(r"([\\`*_\[\]{}()#+!|-])")  # Markdown punctuation, escaped with a backslash
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_MD = MarkdownIt("commonmark").enable("table")
_MD.validateLink = lambda url: True  # type: ignore[method-assign]  # see every link, to judge it ourselves


@functools.lru_cache(maxsize=1 << 16)  # a story's title is escaped on each listing it is on
def escape_md(text: str) -> str:
    """Source text as inert Markdown: one line, Markdown punctuation escaped, HTML as entities."""
    text = " ".join(text.split())
    text = _ESCAPE.sub(r"\\\1", text)
    text = text.translate(_ENTITIES)
    return re.sub(r"^(\d+)\.", r"\1\\.", text)  # "1999. The year…" is not an ordered list


def md_url(url: str) -> str:
    """A URL safe inside Markdown link parentheses."""
    for char, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(char, code)
    return url


def web_url(url: str | None) -> bool:
    """Only http(s) addresses from a source become links."""
    return bool(url) and url.startswith(("http://", "https://"))  # type: ignore[union-attr]


def format_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@functools.lru_cache(maxsize=1 << 12)
def when(day: dt.date | None) -> str:
    return format_date(day) if day else "Undated"


def one_line(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The text cut at a word boundary near `limit` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def check_markdown(markdown: str) -> list[str]:
    """Problems in generated Markdown: raw HTML, or links that are not http(s) or relative pages."""
    problems = []
    body = _FRONT_MATTER.sub("", markdown, count=1)  # YAML, escaped by the digest MkDocs plugin
    for token in _walk(_MD.parse(_unindent_blocks(body))):
        if token.type in ("html_block", "html_inline"):
            problems.append(f"raw HTML: {token.content.strip()[:60]!r}")
        if token.type in ("link_open", "image"):
            href = str(token.attrGet("href") or token.attrGet("src") or "")
            scheme = re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I)
            if scheme and not href.startswith(("http://", "https://")):
                problems.append(f"unsafe link: {href[:60]!r}")
    return problems


_BLOCK_OPENER = re.compile(r"^(?:!!!|\?\?\?\+?) ")  # an admonition or a collapsible block


def _unindent_blocks(markdown: str) -> str:
    """The bodies of `!!!` and `???` blocks moved to the margin: Material reads them as Markdown,
    CommonMark would read the indented lines as code and so hide raw HTML in them."""
    out, inside = [], False
    for line in markdown.split("\n"):
        if _BLOCK_OPENER.match(line):
            inside = True
            out.append("")
            continue
        if inside and (not line.strip() or line.startswith("    ")):
            out.append(line[4:])
            continue
        inside = False
        out.append(line)
    return "\n".join(out)


def _walk(tokens: list[Any]) -> list[Any]:
    out = []
    for token in tokens:
        out.append(token)
        out.extend(_walk(token.children or []))
    return out
