"""Raw page → Article: clean text and metadata from trafilatura (HTML) or a plain-text file."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from urllib.parse import urlsplit

import trafilatura
from trafilatura.settings import Document
from trafilatura.utils import language_classifier

from ..errors import ExtractError
from ..model import Article, RawPage
from .split_body import rest_of_body

MIN_PROSE_WORDS = (
    40  # fewer words in sentence-like paragraphs: a menu, paywall or error page, not an article
)
SENTENCE_END = tuple('.!?"”’)')
LANGUAGE_SAMPLE = (
    5000  # characters of text the language is detected from (py3langid, as trafilatura does)
)
SNIFF_BYTES = 2048  # how much of a file is looked at to tell binary from text
HTML_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b")
# Unicode direction overrides and isolates: invisible, and able to make a headline read backwards
# ("gnp.exe") on our pages; no news text needs them to be read.
DIRECTION_CONTROLS = dict.fromkeys(
    map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
# characters of article text; a news article is far shorter (analysis cost grows with it)
MAX_TEXT = 200_000
MAX_RUN = 200  # characters without a space: longer is no word or link of an article (and spaCy's
LONG_RUN = re.compile(
    rf"\S{{{MAX_RUN + 1},}}"
)  # tokenizer is quadratic in it: 10,000 commas took 9 s)


def extract_article(page: RawPage, published: dt.date | None = None) -> Article:
    """Extract the article; `published` overrides the page's own date."""
    _refuse_binary(page)
    article = _sanitize(_extract_text_file(page) if page.kind == "text" else _extract_html(page))
    article = replace(
        article,
        language=language_classifier(article.text[:LANGUAGE_SAMPLE], "") or article.language,
    )
    if len(article.text) > MAX_TEXT:
        raise ExtractError(
            f"article text longer than {MAX_TEXT:,} characters: not a news article? skipped",
            page.source,
        )
    words = _prose_words(article.text)
    if words < MIN_PROSE_WORDS:
        raise ExtractError(
            f"no article text found ({words} words of prose); is it an article page?", page.source
        )
    if published is not None:
        return replace(article, published=published)
    return article


def load_language_model() -> None:
    """Load py3langid's model now (it loads on first use): before a process pool forks, so that the
    workers share it rather than each loading its own."""
    language_classifier("warm up", "")


def _sanitize(article: Article) -> Article:
    """No direction controls in any field; runs of more than MAX_RUN characters without a space
    dropped."""
    return replace(
        article,
        title=" ".join(LONG_RUN.sub("", article.title.translate(DIRECTION_CONTROLS)).split()),
        text=LONG_RUN.sub("", article.text.translate(DIRECTION_CONTROLS)),
        author=_clean_field(article.author),
        site=_clean_field(article.site),
    )


def _clean_field(value: str | None) -> str | None:
    cleaned = " ".join(value.translate(DIRECTION_CONTROLS).split()) if value else ""
    return cleaned or None


def _prose_words(text: str) -> int:
    """Words in paragraphs that end like sentences (menus and link lists don't)."""
    return sum(len(p.split()) for p in text.split("\n") if p.rstrip().endswith(SENTENCE_END))


def _refuse_binary(page: RawPage) -> None:
    head = page.content[:SNIFF_BYTES]
    if not head.strip():
        raise ExtractError("the file is empty", page.source)
    if head.startswith(BINARY_MAGIC) or b"\x00" in head:
        raise ExtractError(
            "binary content (PDF, image or archive?), not a web page or text", page.source
        )


def _extract_html(page: RawPage) -> Article:
    try:
        doc = trafilatura.bare_extraction(
            page.content,
            url=page.url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    except Exception as err:  # trafilatura raises assorted lxml errors on hostile markup
        raise ExtractError(
            f"could not parse the page: {err.__class__.__name__}", page.source
        ) from err
    if not isinstance(doc, Document) or not doc.text:  # None, or a dict only with as_dict=True
        raise ExtractError("no article text found; is it an article page?", page.source)
    title = " ".join((doc.title or "").split())
    text = _paragraphs(rest_of_body(page.content, doc.text) or doc.text, title)
    return Article(
        source=page.source,
        title=title or _first_words(text),
        text=text,
        url=doc.url or page.url,
        published=_parse_date(doc.date),
        author=doc.author or None,
        site=doc.sitename or _host(doc.url or page.url),
        language=doc.language or _html_lang(page.content),
    )


def _extract_text_file(page: RawPage) -> Article:
    raw = _decode(page.content)
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    title = " ".join(lines[0].split())
    return Article(source=page.source, title=title, text="\n".join(lines[1:]).strip(), url=page.url)


def _paragraphs(text: str, title: str) -> str:
    """One blank line between paragraphs; a first line repeating the headline is dropped."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]
    return "\n\n".join(lines)


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return content.decode("latin-1")


def _parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def _html_lang(content: bytes) -> str | None:
    match = HTML_LANG.search(content[:SNIFF_BYTES])
    return match.group(1).decode().lower() if match else None


def _first_words(text: str, count: int = 10) -> str:
    return " ".join(text.split()[:count])
