"""hypothesis on arbitrary text and HTML: extraction, briefing and rendering never crash, stay
verbatim, stay inert."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.analysis.brief import brief_article
from digest.errors import ExtractError
from digest.ingest.extract import extract_article
from digest.model import Article, RawPage
from digest.publish.markdown import check_markdown
from digest.publish.story_page import story_markdown as render_markdown

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORDS = st.sampled_from(
    [
        "The",
        "mayor",
        "said",
        "“We",
        "will",
        "win,”",
        "on",
        "Tuesday",
        "‘quoted’",
        '"straight"',
        "<b>",
        "</script>",
        "[link](javascript:x)",
        "{{ x }}",
        "Kim",
        "Jong-un",
        "2019",
        "May",
        "1950-53",
        "\n\n",
        "—",
        "'",
        "«",
        "»",
        ".",
        ",",
    ]
)
TEXTISH = st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=120).map(" ".join))
TAGS = st.sampled_from(
    ["p", "div", "article", "script", "style", "nav", "h1", "table", "td", "a", "span", "main"]
)


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(TAGS)
        parts.append(f"<{tag}>{draw(TEXTISH)}" + (f"</{tag}>" if draw(st.booleans()) else ""))
    return ("<html><body>" + "".join(parts)).encode("utf-8", "surrogatepass")


@FUZZ
@given(st.one_of(html_pages(), st.binary(max_size=2000)))
def test_extraction_raises_nothing_but_extract_errors(content: bytes) -> None:
    try:
        article = extract_article(RawPage("fuzz.html", content))
    except ExtractError as err:
        assert str(err).startswith("fuzz.html: ") and "\n" not in str(err)
    else:
        assert article.text


@FUZZ
@given(TEXTISH, st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))))
def test_briefing_on_arbitrary_text_is_verbatim_and_renders_inert(
    text: str, published: dt.date | None
) -> None:
    article = Article(
        "fuzz.txt", "Fuzz <script>", text, url="https://x.example/a", published=published
    )
    briefing = brief_article(article)
    for quote in briefing.quotes:
        assert text[quote.start : quote.end] == quote.text
    for ref in briefing.timeline:
        assert text[ref.start : ref.end] == ref.expression
    for sentence in briefing.summary:
        assert sentence in " ".join(text.split())
    assert check_markdown(render_markdown(briefing)) == []
