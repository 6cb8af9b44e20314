"""The whole path: sample pages → briefings in content/ → a real `mkdocs build --strict` → HTML
checked."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

from click.testing import CliRunner

from digest.cli import main

from .conftest import FIXTURES, SAMPLES

CONFIG = """
sources:
  - files: samples/*.html
fetch:
  cache_dir: cache
"""


def build(project: Path, *args: str):
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)


def test_sample_build_makes_a_site_with_briefings(project: Path) -> None:
    shutil.copytree(SAMPLES, project / "samples")
    (project / "site_config" / "digest.yml").write_text(CONFIG)
    result = build(project)
    assert result.exit_code == 0, result.output
    assert (
        "6 article(s) (6 analysed, 0 unchanged), 5 story page(s) written, 0 skipped, 0 failed"
        in result.output
    )

    stories = sorted((project / "content" / "stories").glob("*.md"))
    assert len(stories) == 5  # the two Eastquay reports are one story
    pages = sorted((project / "site" / "stories").glob("*/index.html"))
    assert len(pages) == 5
    for page in pages:
        html = page.read_text()
        for heading in ("Summary", "Key actors", "Quotes", "Timeline", "Sources"):
            assert f">{heading}<" in html, (page, heading)
        assert "<blockquote>" in html
        assert "<script>alert" not in html

    harbour = (
        project
        / "site/stories/2026-11-18-council-approves-240m-eastquay-harbour-plan-in-late/index.html"
    ).read_text()
    for name in ("Elena Varga", "Matthias Brenner", "Dorothea Quist"):
        assert name in harbour
    # how each outlet covered it: the Gazette's own fact and quote under the Gazette, the Courier's
    # under the Courier; the one-outlet stories have no such section
    section = harbour.split(">How each outlet covered it</h2>", 1)[1].split("<h2", 1)[0]
    _, gazette, courier = re.split(r"<h3 id=\"[^\"]*\">", section)
    assert gazette.startswith("The Harbour Gazette</h3>") and courier.startswith("Valley Courier")
    assert "ferry terminal, which would restore a direct service" in gazette
    assert "ferry terminal, which would restore" not in courier
    assert "Sixty-two berths today, forty tomorrow" in courier
    assert "Sixty-two berths today" not in gazette
    assert "Published 19 November 2026 (1 day after the first report)" in courier
    assert '<details class="note">' in gazette  # long: collapsed
    others = [p for p in pages if "eastquay-harbour" not in str(p)]
    assert all("How each outlet covered it" not in p.read_text() for p in others)
    home = (project / "site" / "index.html").read_text()
    titles = re.findall(r'<h3 id="[^"]*"><a href="stories/[^"]+/">([^<]+)</a>', home)
    assert len(titles) == 5
    assert titles[0].startswith("Old Ropeworks theatre reopens")  # newest first (26 November)
    assert (
        project / "site" / "pagefind" / "pagefind-entry.json"
    ).exists()  # the default search: Pagefind
    assert (project / "site" / "feed.xml").exists() and (project / "site" / "feed.json").exists()


def test_rebuild_rewrites_nothing_and_bad_sources_do_not_stop_the_run(project: Path) -> None:
    (project / "samples").mkdir()
    shutil.copy(FIXTURES / "pages" / "minimal.html", project / "samples")
    shutil.copy(FIXTURES / "pages" / "no-article.html", project / "samples")
    (project / "site_config" / "digest.yml").write_text(CONFIG)
    first = build(project, "samples/missing.html")
    assert first.exit_code == 1  # a source failed; the site is still built
    assert (
        "1 article(s) (1 analysed, 0 unchanged), 1 story page(s) written, 1 skipped, 1 failed"
        in first.output
    )
    assert "skipping samples/missing.html: file not found; check the path" in first.output
    assert "skipped: samples/no-article.html: no article text found" in first.output
    assert (project / "site" / "index.html").exists()

    story = next((project / "content" / "stories").glob("*.md"))
    before = (story.read_bytes(), story.stat().st_mtime_ns)
    second = build(project, "--no-site")
    assert second.exit_code == 0
    assert (
        "1 article(s) (0 analysed, 1 unchanged), 0 story page(s) written, 1 skipped"
        in second.output
    )
    assert (
        "skipped: samples/no-article.html: no article text found" in second.output
    )  # remembered, said again
    assert (story.read_bytes(), story.stat().st_mtime_ns) == before

    story.unlink()  # deleted by hand (or lost): the next run writes it again, at the same address
    third = build(project, "--no-site")
    assert "1 story page(s) written" in third.output and story.read_bytes() == before[0]


def test_bad_config_stops_before_anything_runs(project: Path) -> None:
    (project / "site_config" / "digest.yml").write_text(
        "sources:\n  - url: ftp://x\nfetch:\n  delay: soon\n"
    )
    result = build(project)
    assert result.exit_code == 2
    assert (
        "Config value 'sources[0].url': Expected an http(s) URL but received: 'ftp://x'"
        in result.output
    )
    assert "Config value 'fetch.delay': Expected a number ≥ 0 but received: 'soon'" in result.output
    assert not (project / "content" / "stories").exists()


def test_no_sources_is_explained(project: Path) -> None:
    (project / "site_config" / "digest.yml").write_text("sources: []\n")
    result = build(project)
    assert result.exit_code == 2
    assert "no sources: list them under 'sources:'" in result.output


def test_missing_spacy_pipeline_is_a_config_error(project: Path) -> None:
    (project / "site_config" / "digest.yml").write_text(
        "sources:\n  - files: x.html\nanalysis:\n  model: no_such_pipeline_xx\n"
    )
    result = build(project)
    assert result.exit_code == 2
    assert "spaCy pipeline 'no_such_pipeline_xx' is not installed" in result.output


def test_site_url_from_the_environment(project: Path, monkeypatch) -> None:
    (project / "samples").mkdir()
    shutil.copy(FIXTURES / "pages" / "minimal.html", project / "samples")
    (project / "site_config" / "digest.yml").write_text(CONFIG)
    monkeypatch.setenv("SITE_URL", "https://someone.github.io/digest-demo/")
    assert build(project).exit_code == 0
    home = (project / "site" / "index.html").read_text()
    assert '<link rel="canonical" href="https://someone.github.io/digest-demo/">' in home


def test_same_event_is_one_story_that_grows_at_the_same_address(project: Path) -> None:
    shutil.copytree(SAMPLES, project / "samples")
    (project / "site_config" / "digest.yml").write_text(CONFIG)
    assert build(project, "--no-site").exit_code == 0
    eastquay = (
        project
        / "content/stories/2026-11-18-council-approves-240m-eastquay-harbour-plan-in-late.md"
    )
    text = eastquay.read_text()
    assert "- **The Harbour Gazette**:" in text and "- **Valley Courier**:" in text
    assert "*Why these are one story:* 2 articles from 2 outlets; shared actors:" in text
    before = sorted(p.name for p in (project / "content/stories").iterdir())

    third = FIXTURES / "pages" / "coastlineobserver-eastquay-referendum-petition.html"
    result = build(project, str(third))
    assert result.exit_code == 0, result.output
    assert "7 article(s) (1 analysed, 6 unchanged), 1 story page(s) written" in result.output
    assert (
        sorted(p.name for p in (project / "content/stories").iterdir()) == before
    )  # same page, same URL
    text = eastquay.read_text()
    assert "- **The Coastline Observer**:" in text and "3 articles from 3 outlets" in text
    # a quote two outlets carry is shown once (with its part before "Brenner said,"), linked to both
    quote = "to trade a working harbour for a postcard"
    line = next(x for x in text.splitlines() if x.lstrip().startswith("> “") and quote in x)
    attribution = text.split(line, 1)[1].split("\n\n")[1]
    assert "[The Harbour Gazette]" in attribution and "[Valley Courier]" in attribution


def test_unchanged_rerun_skips_the_site_build(project: Path) -> None:
    (project / "samples").mkdir()
    shutil.copy(FIXTURES / "pages" / "minimal.html", project / "samples")
    (project / "site_config" / "digest.yml").write_text(CONFIG)
    assert "Site built in" in build(project).output
    index = project / "site" / "index.html"
    before = index.stat().st_mtime_ns
    again = build(project)
    assert "Site unchanged: nothing new since the last build" in again.output
    assert index.stat().st_mtime_ns == before
    (project / "content" / "about.md").write_text("---\ntitle: About\n---\n\n# About\n\nChanged.\n")
    assert "Site built in" in build(project).output


def test_reanalysed_but_unchanged_stories_are_not_rewritten(project: Path, monkeypatch) -> None:
    """New analysis code that finds the same: every page keeps its bytes, its actor links and its
    mtime."""
    shutil.copytree(SAMPLES, project / "samples")
    (project / "site_config" / "digest.yml").write_text(CONFIG)
    assert build(project, "--no-site").exit_code == 0
    pages = sorted((project / "content").rglob("*.md"))
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in pages}
    assert any(
        "](../actors/" in p.read_text() for p in pages if "stories" in p.parts
    )  # links to keep
    monkeypatch.setattr("digest.pipeline.analysis_version", lambda model: "a-newer-analysis")
    again = build(project, "--no-site")
    assert "6 article(s) (6 analysed, 0 unchanged), 0 story page(s) written" in again.output
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in pages} == before


def test_written_pages_get_the_usual_file_mode(project: Path) -> None:
    shutil.copy(FIXTURES / "pages" / "minimal.html", project)
    (project / "site_config" / "digest.yml").write_text("sources:\n  - files: minimal.html\n")
    mask = os.umask(0o022)
    try:
        assert build(project, "--no-site").exit_code == 0
    finally:
        os.umask(mask)
    story = next((project / "content" / "stories").glob("*.md"))
    assert stat.S_IMODE(story.stat().st_mode) == 0o644  # not mkstemp's 0o600


def test_the_analysis_version_covers_every_module_the_analysis_imports() -> None:
    from digest.analysis.version import PACKAGE, analysis_modules

    found = {p.relative_to(PACKAGE).as_posix() for p in analysis_modules()}
    assert {
        p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "analysis").rglob("*.py")
    } <= found
    assert {
        "ingest/extract.py",
        "ingest/identity.py",
        "analysis/fingerprint.py",
        "model.py",
        "config.py",
    } <= found
    assert not any(
        p.startswith("publish/") or p in {"store.py", "pipeline.py", "runner.py"} for p in found
    )


def test_the_analysis_version_ignores_comments_and_docstrings(tmp_path: Path) -> None:
    from digest.analysis.version import code_of as _code_of

    versions = {
        "plain": "def f(x):\n    return x + 1\n",
        "commented": '"""Module."""\n\n\ndef f(x):  # add one\n    """One more."""\n    return x '
        "+ 1  # sure\n",
        "changed": "def f(x):\n    return x + 2\n",
    }
    for name, text in versions.items():
        (tmp_path / f"{name}.py").write_text(text)
    code = {name: _code_of(tmp_path / f"{name}.py") for name in versions}
    assert code["plain"] == code["commented"] != code["changed"]
