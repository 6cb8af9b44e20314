"""The `digest` command: build the digest site, or analyze single pages."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import click

from .analysis.nlp import load_pipeline
from .analysis_json import briefing_json
from .config import DEFAULT_PATH, Config, load_config
from .errors import ConfigError, DigestError
from .ingest.fetch import Fetcher
from .ingest.sources import read_sources, source_from_argument
from .model import RawPage
from .pipeline import run_build
from .publish.story_page import story_markdown
from .runner import analyze_pages, briefing_of, group_pages


def _echo_error(err: DigestError) -> None:
    click.echo(f"skipping {err}", err=True)


def config_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The --config option of a command, with that command's help text."""
    return click.option(
        "--config", "config_path", type=click.Path(path_type=Path), default=None, help=help_text
    )


def _load(config_path: Path | None) -> Config:
    try:
        config = load_config(config_path or DEFAULT_PATH, required=config_path is not None)
    except ConfigError as err:
        click.echo(f"Error: {err}", err=True)
        sys.exit(2)
    for warning in config.warnings:
        click.echo(f"Warning: {warning}", err=True)
    return config


class _PageReader:
    """Pages for `analyze` and `stories`: the model checked first, each failure reported on
    stderr."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.failed = False
        try:
            load_pipeline(config.analysis.model)
        except ConfigError as err:
            click.echo(f"Error: {err}", err=True)
            sys.exit(2)

    def error(self, err: DigestError) -> None:
        self.failed = True
        click.echo(f"Error: {err}", err=True)

    def pages(self, sources: tuple[str, ...]) -> Iterator[RawPage]:
        arguments = [source_from_argument(s) for s in sources]
        return read_sources(
            arguments, Fetcher(self.config.fetch), self.error, self.config.fetch.max_bytes
        )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="digest")
def main() -> None:
    """Digest: one briefing per news story, published as a static site.

    Run `digest build` in a project folder (one with site_config/digest.yml and mkdocs.yml), or
    `digest analyze PAGE` to see what Digest finds in one article.
    """


@main.command()
@click.argument("sources", nargs=-1)
@config_option(f"Configuration file [default: {DEFAULT_PATH}].")
@click.option(
    "--no-site", is_flag=True, help="Write the briefings to content/ but do not build the site."
)
@click.option(
    "--site-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Build the site here instead of the folder named in mkdocs.yml.",
)
def build(
    sources: tuple[str, ...], config_path: Path | None, no_site: bool, site_dir: Path | None
) -> None:
    """Brief every configured source (and any SOURCE given: files, globs or URLs), then build the
    site.

    Exit code: 0 when all went well, 1 when a source failed (the site is still built from the rest),
    2 on a bad configuration, 3 when the site could not be built.
    """
    config = _load(config_path)
    extra = [source_from_argument(s) for s in sources]
    if not config.sources and not extra:
        click.echo(
            "Error: no sources: list them under 'sources:' in site_config/digest.yml "
            "or give SOURCE",
            err=True,
        )
        sys.exit(2)
    show_bar = sys.stderr.isatty()

    def progress(pages):  # type: ignore[no-untyped-def]
        with click.progressbar(pages, label="Briefing", file=sys.stderr, show_pos=True) as bar:
            yield from bar

    try:
        report = run_build(
            config,
            extra,
            make_site=not no_site,
            site_dir=site_dir,
            on_error=_echo_error,
            progress=progress if show_bar else None,
        )
    except ConfigError as err:  # e.g. the configured spaCy pipeline is not installed
        click.echo(f"Error: {err}", err=True)
        sys.exit(2)
    except DigestError as err:  # the site could not be built
        click.echo(f"Error: {err}", err=True)
        sys.exit(3)
    click.echo(report.summary(), err=True)
    if report.site_dir:
        click.echo(f"Site built in {report.site_dir}/ (preview it with 'nox -s serve')", err=True)
    elif not no_site:
        click.echo("Site unchanged: nothing new since the last build", err=True)
    for source, reason in report.failed:
        click.echo(f"  failed: {source}: {reason}", err=True)
    for source, reason in report.skipped:
        click.echo(f"  skipped: {source}: {reason}", err=True)
    sys.exit(0 if report.ok else 1)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option(
    "--date",
    "date_",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help=(
        "Publication date (YYYY-MM-DD) that relative dates are resolved against; "
        "overrides the page's."
    ),
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print JSON (one object per line for several sources)."
)
@config_option(f"Configuration file for fetching and the model [default: {DEFAULT_PATH}].")
def analyze(
    sources: tuple[str, ...], date_: dt.datetime | None, as_json: bool, config_path: Path | None
) -> None:
    """Analyze pages (.html/.htm/.txt files or http(s) URLs) and print their briefings.

    Several pages are analysed in parallel (analysis.executor and analysis.workers in the config)
    and printed in the order given. A source that fails is reported on stderr and left out; the exit
    code is then 1.
    """
    config = _load(config_path)
    if len(sources) == 1:  # one page: no pool to start
        config = replace(config, analysis=replace(config.analysis, executor="serial"))
    published = date_.date() if date_ else None
    reader = _PageReader(config)
    for _, briefing in analyze_pages(reader.pages(sources), config, briefing_of, published):
        if isinstance(briefing, DigestError):
            reader.error(briefing)
            continue
        if as_json:
            indent = 2 if len(sources) == 1 else None
            click.echo(json.dumps(briefing_json(briefing), ensure_ascii=False, indent=indent))
        else:
            click.echo(story_markdown(briefing))
    sys.exit(1 if reader.failed else 0)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the grouping as JSON.")
@config_option(f"Configuration file for fetching and the model [default: {DEFAULT_PATH}].")
def stories(sources: tuple[str, ...], as_json: bool, config_path: Path | None) -> None:
    """Group pages into stories: duplicates and reports of the same event go together.

    Prints each story with its articles (as given); nothing is written. A source that fails is
    reported on stderr and left out; the exit code is then 1.
    """
    config = _load(config_path)
    reader = _PageReader(config)
    grouped = group_pages(reader.pages(sources), config, reader.error)
    if as_json:
        click.echo(json.dumps(grouped, ensure_ascii=False, indent=1))
    else:
        for story in grouped:
            click.echo(f"{story['id']}  {story['title']}")
            for source in story["articles"]:
                click.echo(f"    {source}")
    sys.exit(1 if reader.failed else 0)
