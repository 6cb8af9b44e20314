"""Briefing → Markdown: structure, escaping (nothing from a source becomes markup), the JSON
contract."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mkdocs.utils.meta import get_data

from digest.analysis_json import briefing_json
from digest.model import Actor, Article, Briefing, Quote, TimeRef
from digest.publish.frontmatter import text_fragment
from digest.publish.markdown import check_markdown, escape_md
from digest.publish.story_page import story_markdown as render_markdown
from digest.timevalues import describe_value

HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) '
    "![i](data:x) {{ config }} *bold* _it_ # head | pipe"
)


def make_briefing(
    text: str = "Mayor Ann Lee said “We will build it,” on Monday.", **changes
) -> Briefing:
    article = Article(
        source="a.html",
        title="Bridge plan approved",
        text=text,
        url="https://news.example/bridge",
        published=dt.date(2026, 11, 18),
        author="Jo Reporter",
        site="News Example",
    )
    start = text.find("We will")
    fields = dict(
        id="abc123def456",
        title=article.title,
        published=article.published,
        articles=(article,),
        summary=("The council approved the bridge plan.",),
        actors=(
            Actor("Ann Lee", "person", "Mayor", ("Lee",), 3),
            Actor("Port Town", "place", None, (), 1),
        ),
        quotes=(Quote("We will build it,", "Ann Lee", start, start + 17),) if start >= 0 else (),
        timeline=(
            TimeRef("Monday", "2026-11-16", text.find("Monday"), text.find("Monday") + 6, text),
        ),
        tags=("Port Town",),
    )
    fields.update(changes)
    return Briefing(**fields)  # type: ignore[arg-type]


def test_sections_in_order_and_front_matter() -> None:
    md = render_markdown(make_briefing())
    assert md.startswith("---\ntitle: Bridge plan approved\ndate: '2026-11-18'\nid: abc123def456\n")
    meta = get_data(md)[1]
    assert meta["cast"] == [
        {"name": "Ann Lee", "kind": "person", "role": "Mayor"},
        {"name": "Port Town", "kind": "place", "role": None},
    ]
    assert meta["quotes"] == [
        {
            "speaker": "Ann Lee",
            "text": "We will build it",
            "outlet": "News Example",
            "url": "https://news.example/bridge#:~:text=We%20will%20build%20it",
            "date": "2026-11-18",
        }
    ]
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == ["## Summary", "## Key actors", "## Quotes", "## Timeline", "## Sources"]
    assert "- **Ann Lee** — Mayor · *person, 3 mentions*" in md
    assert "- **16 November 2026**  \n  Mayor Ann Lee said" in md and "*“Monday”*" in md
    assert (
        "- **News Example**: [Bridge plan approved](https://news.example/bridge) · by Jo Reporter "
        "· 18 November 2026" in md
    )


def test_quotes_render_as_blockquotes_with_speaker_and_source_link() -> None:
    html = MarkdownIt("commonmark").enable("table").render(render_markdown(make_briefing()))
    assert "<blockquote>\n<p>“We will build it,”</p>\n</blockquote>" in html
    assert (
        "— <strong>Ann Lee</strong>, <a "
        'href="https://news.example/bridge#:~:text=We%20will%20build%20it">' in html
    )


def test_each_quote_is_its_own_blockquote_in_mkdocs_markdown() -> None:
    text = "“One two three,” Lee said. “Four five six,” Lee added."
    quotes = (Quote("One two three,", "Ann Lee", 1, 15), Quote("Four five six,", "Ann Lee", 28, 42))
    html = markdown.markdown(
        render_markdown(make_briefing(text, quotes=quotes)), extensions=["tables"]
    )
    assert html.count("<blockquote>") == 2


def test_multi_paragraph_quote_keeps_its_paragraphs() -> None:
    text = "“First part of it.\n\n“Second part of it,” she said."
    end = text.index("”")
    md = render_markdown(make_briefing(text, quotes=(Quote(text[1:end], "Ann Lee", 1, end),)))
    assert "> “First part of it.\n>\n> Second part of it,”" in md


def test_hostile_source_text_stays_text() -> None:
    briefing = make_briefing(
        HOSTILE, title=HOSTILE, summary=(HOSTILE,), actors=(Actor(HOSTILE, "person"),)
    )
    md = render_markdown(briefing)
    assert check_markdown(md) == []
    body, meta = get_data(md)  # what MkDocs does: front matter becomes page.meta, the rest Markdown
    assert meta["title"] == HOSTILE
    for html in (
        MarkdownIt("commonmark").enable("table").render(body),
        markdown.markdown(body, extensions=["tables"]),
    ):
        assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
        assert "<em>it</em>" not in html and "<em>bold" not in html and "<strong>bold" not in html
        assert "&lt;script&gt;" in html


def test_check_markdown_catches_raw_html_and_bad_links() -> None:
    assert check_markdown("<b>x</b>") != []
    assert check_markdown("[a](javascript:alert(1))") == ["unsafe link: 'javascript:alert(1)'"]
    assert check_markdown("[a](https://ok.example) [b](stories/x.md)") == []


def test_check_markdown_reads_inside_collapsible_blocks_as_material_does() -> None:
    """Material renders a `???` block's indented body as Markdown; CommonMark alone would read it as
    code, and raw HTML in it would go unseen."""
    hidden = '??? note "Only in this outlet"\n\n    - <img src=x onerror=alert(1)>\n\nAfter.\n'
    assert check_markdown(hidden) == ["raw HTML: '<img src=x onerror=alert(1)>'"]
    safe = '!!! note "A sample story"\n\n    Made from &lt;fictional&gt; articles.\n\n    code\n'
    assert check_markdown(safe) == []


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_escaped_text_never_makes_markup(text: str) -> None:
    md = escape_md(text)
    assert "\n" not in md
    html = MarkdownIt("commonmark").render(md)
    for tag in (
        "<a ",
        "<img",
        "<script",
        "<em>",
        "<strong>",
        "<code>",
        "<h1",
        "<ul>",
        "<ol",
        "<blockquote>",
        "<hr",
    ):
        assert tag not in html


def test_text_fragment_uses_both_ends_of_long_quotes() -> None:
    assert text_fragment("a b c") == "#:~:text=a%20b%20c"
    long = "one two three four five six seven eight nine ten"
    assert text_fragment(long) == "#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten"


JSON_KEYS = ["title", "published", "url", "site", "text", "summary", "actors", "quotes", "timeline"]


def test_json_contract() -> None:
    data = briefing_json(make_briefing())
    assert list(data) == JSON_KEYS
    assert data["published"] == "2026-11-18"
    assert data["actors"][0] == {
        "name": "Ann Lee",
        "kind": "person",
        "role": "Mayor",
        "aliases": ["Lee"],
        "mentions": 3,
    }
    quote = data["quotes"][0]
    assert data["text"][quote["start"] : quote["end"]] == quote["text"] == "We will build it,"
    time = data["timeline"][0]
    assert data["text"][time["start"] : time["end"]] == time["expression"] == "Monday"


def test_a_story_page_leads_with_six_quotes_and_keeps_the_rest_collapsed() -> None:
    text = " ".join(f"“Quote number {n} has {'many ' * n}words,” Ann Lee said." for n in range(9))
    quotes = tuple(
        Quote(f"Quote number {n} has {'many ' * n}words,", "Ann Lee", 0, 10) for n in range(9)
    )
    md = render_markdown(make_briefing(text, quotes=quotes))
    section = md.split("## Quotes\n", 1)[1].split("\n## ", 1)[0]
    lead, collapsed = section.split('??? quote "All quotes: 3 more"\n', 1)
    assert lead.count("\n> “") == 6 and "Quote number 8 " in lead
    assert "Quote number 2 " not in lead  # the shortest wait in the collapsed block…
    assert collapsed.count("\n    > “") == 3 and "    > “Quote number 0 has words,”" in collapsed
    html = markdown.markdown(md, extensions=["tables", "admonition", "pymdownx.details"])
    assert html.count("<blockquote>") == 9 and '<details class="quote">' in html


def test_a_fragment_is_shown_inside_the_sentence_that_carries_it() -> None:
    sentence = "Ann Lee called the plan “a slow eviction” and left."
    start = sentence.index("a slow")
    quote = Quote("a slow eviction", "Ann Lee", start, start + 15, context=sentence)
    md = render_markdown(make_briefing(sentence, quotes=(quote,)))
    assert "- Ann Lee called the plan “a slow eviction” and left. — **Ann Lee**, [News" in md
    assert "> “a slow eviction”" not in md


def _timeline_section(md: str) -> str:
    return md.split("## Timeline\n\n", 1)[1].split("\n## ", 1)[0]


def test_a_sentence_with_several_dates_is_one_timeline_item_headed_by_its_dates() -> None:
    tour = "The Lanterns play Leeds on Nov. 22, Hull on Nov. 23 and York on Nov. 24."
    text = f"{tour} Tickets sold out last week."
    dates = [("Nov. 22", "2026-11-22"), ("Nov. 23", "2026-11-23"), ("Nov. 24", "2026-11-24")]
    refs = [TimeRef(e, v, text.find(e), text.find(e) + len(e), tour) for e, v in dates]
    refs.append(TimeRef("last week", "2026-W46", 0, 0, "Tickets sold out last week."))
    section = _timeline_section(render_markdown(make_briefing(text, timeline=tuple(refs))))
    assert section.count(tour) == 1
    assert section.splitlines()[0] == "- **The week of 9 November 2026**  "
    assert "- **22, 23 and 24 November 2026**  " in section
    assert "*“Nov. 22” · “Nov. 23” · “Nov. 24”*" in section


def test_a_long_list_of_dates_is_headed_by_its_first_and_last() -> None:
    days = [f"Dec. {d}" for d in range(1, 21)]
    sentence = "The choir sings on " + ", ".join(days) + "."
    refs = tuple(
        TimeRef(
            e, f"2026-12-{int(e[5:]):02d}", sentence.find(e), sentence.find(e) + len(e), sentence
        )
        for e in days
    )
    section = _timeline_section(render_markdown(make_briefing(sentence, timeline=refs)))
    assert section.count(sentence) == 1
    assert section.startswith("- **1–20 December 2026 · 20 dates**  ")
    assert "· and 14 more*" in section


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("2026-W47", "the week of 16 November 2026"),
        ("2026-FA", "autumn 2026"),
        ("2026-Q3", "the third quarter of 2026"),
        ("2026-H1", "the first half of 2026"),
        ("2026-11-21/2026-11-22", "21–22 November 2026"),
        ("2026-11-29/2026-12-03", "29 November – 3 December 2026"),
        ("2025-11-29/2026-01-20", "29 November 2025 – 20 January 2026"),
        ("1950/1953", "1950–1953"),
        ("195X", "the 1950s"),
        ("20XX", "the 21st century"),
        ("13XX", "the 14th century"),
    ],
)
def test_timeline_labels_read_as_words(value: str, label: str) -> None:
    assert describe_value(value) == label


def test_a_short_sentence_with_two_dates_stands_under_each_date() -> None:
    text = "The ferry, gone since 2011, returns in 2029."
    refs = tuple(TimeRef(e, e, text.find(e), text.find(e) + 4, text) for e in ("2011", "2029"))
    section = _timeline_section(render_markdown(make_briefing(text, timeline=refs)))
    assert section.count(text) == 2
    assert "- **2011**  " in section and "- **2029**  " in section


def test_a_grouped_sentence_sits_at_its_most_precise_date() -> None:
    text = "Trains stop on Thursday and Friday, the first strike since 2022."
    dates = [("2022", "2022"), ("Thursday", "2026-11-19"), ("Friday", "2026-11-20")]
    refs = [TimeRef(e, v, text.find(e), text.find(e) + len(e), text) for e, v in dates]
    refs.append(TimeRef("2024", "2024", 0, 0, "Fares rose in 2024."))
    section = _timeline_section(render_markdown(make_briefing(text, timeline=tuple(refs))))
    headings = [line for line in section.splitlines() if line.startswith("- **")]
    assert headings == ["- **2024**  ", "- **2022 · 19 November 2026 · 20 November 2026**  "]


def test_a_sentence_with_days_of_other_months_lists_each() -> None:
    text = "The fair opens on Oct. 30 and closes on Nov. 2 and Dec. 1."
    dates = [("Oct. 30", "2026-10-30"), ("Nov. 2", "2026-11-02"), ("Dec. 1", "2026-12-01")]
    refs = tuple(TimeRef(e, v, text.find(e), text.find(e) + len(e), text) for e, v in dates)
    section = _timeline_section(render_markdown(make_briefing(text, timeline=refs)))
    assert section.startswith("- **30 October 2026 · 2 November 2026 · 1 December 2026**  ")
