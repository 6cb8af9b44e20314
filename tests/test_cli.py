"""`digest analyze`: the stable JSON contract, Markdown output, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from digest.cli import main

from .conftest import FIXTURES, SAMPLES
from .test_render import JSON_KEYS

HARBOUR = SAMPLES / "harbourgazette-eastquay-harbour-plan-approved.html"
MINIMAL = FIXTURES / "pages" / "minimal.html"


def analyze(*args: str):
    return CliRunner().invoke(main, ["analyze", *args], catch_exceptions=False)


def test_json_follows_the_contract() -> None:
    result = analyze(str(HARBOUR), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == JSON_KEYS
    assert data["published"] == "2026-11-18" and data["site"] == "The Harbour Gazette"
    assert 3 <= len(data["summary"]) <= 5 and all(
        s in " ".join(data["text"].split()) for s in data["summary"]
    )
    for actor in data["actors"]:
        assert set(actor) == {"name", "kind", "role", "aliases", "mentions"}
        assert actor["kind"] in ("person", "organization", "place")
    for quote in data["quotes"]:
        assert data["text"][quote["start"] : quote["end"]] == quote["text"]
    for ref in data["timeline"]:
        assert data["text"][ref["start"] : ref["end"]] == ref["expression"]
        assert ref["event"] and ref["value"]
    names = [a["name"] for a in data["actors"]]
    assert "Elena Varga" in names[:5]
    assert {
        "text": "This is the most important decision this chamber has made in a generation,",
        "speaker": "Elena Varga",
    }.items() <= next(q for q in data["quotes"] if q["text"].startswith("This is")).items()
    tuesday = next(r for r in data["timeline"] if r["expression"] == "Tuesday")
    assert tuesday["value"] == "2026-11-17"  # the day before a Wednesday publication


def test_several_sources_give_json_lines_in_input_order() -> None:
    result = analyze(str(MINIMAL), str(HARBOUR), "--json")
    lines = result.stdout.strip().split("\n")
    assert [json.loads(line)["site"] for line in lines] == [
        "The Brackenford Bulletin",
        "The Harbour Gazette",
    ]


def test_date_option_overrides_the_page_date() -> None:
    data = json.loads(analyze(str(MINIMAL), "--json", "--date", "2025-01-15").stdout)
    assert data["published"] == "2025-01-15"


def test_markdown_by_default() -> None:
    result = analyze(str(MINIMAL))
    assert result.stdout.startswith(
        "---\ntitle: Brackenford Library to open on Sundays from January\n"
    )
    assert "\n## Quotes\n" in result.stdout


def test_a_bad_source_is_reported_and_the_rest_go_on(tmp_path: Path) -> None:
    result = analyze(str(tmp_path / "gone.html"), str(MINIMAL), "--json")
    assert result.exit_code == 1
    assert f"Error: {tmp_path / 'gone.html'}: file not found; check the path" in result.stderr
    assert json.loads(result.stdout)["site"] == "The Brackenford Bulletin"


def test_url_source_through_the_fetcher(tmp_path: Path, http_site) -> None:
    base, www, _ = http_site
    (www / "story.html").write_bytes(MINIMAL.read_bytes())
    config = tmp_path / "digest.yml"
    config.write_text(
        f"fetch:\n  allow_private: true\n  delay: 0\n  cache_dir: {tmp_path / 'cache'}\n"
    )
    result = analyze(f"{base}/story.html", "--json", "--config", str(config))
    assert result.exit_code == 0, result.output
    assert (
        json.loads(result.stdout)["title"] == "Brackenford Library to open on Sundays from January"
    )


def test_help_names_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert "analyze" in result.output and "build" in result.output


def test_stories_json_puts_every_source_in_exactly_one_story() -> None:
    pages = sorted(str(p) for p in SAMPLES.glob("*.html")) + [
        str(FIXTURES / "pages" / "no-article.html")
    ]
    result = CliRunner().invoke(main, ["stories", *pages, "--json"], catch_exceptions=False)
    assert result.exit_code == 1  # the page without an article is reported and left out
    assert "no-article.html: no article text found" in result.stderr
    stories = json.loads(result.stdout)
    assert all(set(s) == {"id", "title", "articles"} for s in stories)
    listed = [a for s in stories for a in s["articles"]]
    assert sorted(listed) == pages[:-1] and len(stories) == 5
    pair = next(s for s in stories if len(s["articles"]) == 2)
    assert [a.split("/")[-1] for a in pair["articles"]] == [
        "harbourgazette-eastquay-harbour-plan-approved.html",
        "valleycourier-eastquay-fishermen-count-cost.html",
    ]
