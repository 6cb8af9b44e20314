"""Extraction with real trafilatura on pages we wrote (tests/fixtures, content/samples)."""

from __future__ import annotations

import datetime as dt

import pytest

from digest.errors import ExtractError
from digest.ingest.extract import extract_article
from digest.model import RawPage

from .conftest import FIXTURES, SAMPLES


def page(path, **kw) -> RawPage:
    return RawPage(str(path), path.read_bytes(), **kw)


def test_sample_article_text_and_metadata() -> None:
    article = extract_article(page(SAMPLES / "harbourgazette-eastquay-harbour-plan-approved.html"))
    assert article.title == "Council approves $240m Eastquay harbour plan in late-night 6–3 vote"
    assert article.published == dt.date(2026, 11, 18)
    assert article.author == "Nadia Ferreira"
    assert article.site == "The Harbour Gazette"
    assert article.language == "en"
    assert (
        article.url
        == "https://www.harbourgazette.example/2026/11/18/eastquay-harbour-plan-approved/"
    )
    assert article.text.startswith(
        "Port Calloway City Council approved the $240 million redevelopment"
    )
    assert "\n\n" in article.text  # paragraphs kept apart


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.html")), ids=lambda p: p.stem)
def test_boilerplate_is_stripped(path) -> None:
    text = extract_article(page(path)).text.lower()
    for junk in ("newsletter", "cookie", "share on", "all rights reserved", "sign up"):
        assert junk not in text


def test_page_without_article_is_refused_by_name() -> None:
    with pytest.raises(ExtractError) as info:
        extract_article(page(FIXTURES / "pages" / "no-article.html"))
    assert str(info.value).startswith(
        f"{FIXTURES / 'pages' / 'no-article.html'}: no article text found"
    )


def test_date_override() -> None:
    article = extract_article(page(FIXTURES / "pages" / "minimal.html"), dt.date(2020, 1, 2))
    assert article.published == dt.date(2020, 1, 2)


def test_text_file_title_is_the_first_line(tmp_path) -> None:
    body = "The mayor of a small town said on Monday that the bridge would reopen in spring. " * 5
    path = tmp_path / "story.txt"
    path.write_text(f"Bridge to reopen\n\n{body}\n", encoding="utf-8")
    article = extract_article(page(path, kind="text"))
    assert article.title == "Bridge to reopen"
    assert article.text == body.strip()
    assert article.published is None and article.url is None


def test_latin1_text_file(tmp_path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(
        ("Café reopens\n\n" + "The café on the corner said it would reopen next week. " * 6).encode(
            "cp1252"
        )
    )
    assert extract_article(page(path, kind="text")).title == "Café reopens"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"   \n\n ", "the file is empty"),
        (b"%PDF-1.7 binary", "binary content"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary content"),
        (b"<html><body><nav>Home | News</nav></body></html>", "no article text found"),
    ],
)
def test_bad_input_one_line_each(content: bytes, message: str) -> None:
    with pytest.raises(ExtractError, match=message) as info:
        extract_article(RawPage("bad.html", content))
    assert str(info.value).startswith("bad.html: ") and "\n" not in str(info.value)


def _split_page(second_place: str = "row") -> bytes:
    """An invented article whose body the layout cuts in two with an advertisement row."""
    first = "".join(
        f"<p>Part one, paragraph {n}: the Fenwick ferry board met on Tuesday to weigh the cost of "
        f"a new hull, and its members spoke at length about the island's winter timetable.</p>"
        for n in range(1, 5)
    )
    second = "".join(
        f"<p>Part two, paragraph {n}: “We cannot run a winter service on a cracked shaft,” said "
        f"Hedda Mork, who chairs the board, before the members voted on the repair plan.</p>"
        for n in range(1, 4)
    )
    block = '<div class="grid"><div class="article__body">{}</div><aside>Ad</aside></div>'
    later = block.format(second)
    if second_place != "row":  # the same class, elsewhere in the layout: a sidebar teaser
        later = f'<footer><div><div class="article__body">{second}</div></div></footer>'
    return (
        "<html><head><title>Ferry board weighs a new hull</title></head><body><main><article>"
        "<h1>Ferry board weighs a new hull</h1>"
        + block.format(first)
        + '<div class="ad-row"><span>Advertisement</span></div>'
        + (later if second_place == "row" else "")
        + "</article></main>"
        + (later if second_place != "row" else "")
        + "</body></html>"
    ).encode()


def test_an_article_split_by_an_advertisement_row_is_read_whole() -> None:
    article = extract_article(RawPage("split.html", _split_page()))
    assert "Part one, paragraph 1" in article.text
    assert "Part two, paragraph 3" in article.text
    assert article.text.index("Part one, paragraph 4") < article.text.index("Part two, paragraph 1")
    assert article.text.count("Part one, paragraph 2") == 1


def test_a_block_of_the_same_class_elsewhere_in_the_layout_is_not_the_article() -> None:
    article = extract_article(RawPage("teaser.html", _split_page("footer")))
    assert "Part one, paragraph 1" in article.text
    assert "Part two" not in article.text
