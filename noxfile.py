"""Digest's tasks: `nox -s build` makes the site, `nox -s tests` checks everything.

Each session installs the project (and the spaCy pipeline it depends on) into its own virtualenv.
"""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.needs_version = ">=2024.3.2"
nox.options.sessions = ["build"]
nox.options.reuse_venv = "yes"

ROOT = Path(__file__).parent
SHARED = ROOT.parent / "shared"


@nox.session
def build(session: nox.Session) -> None:
    """Brief the configured sources and build the site into site/.

    MkDocs builds it with --strict, then Pagefind indexes it for search.
    """
    session.install(".")
    session.run("digest", "build", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (tests that need ../shared skip without it)."""
    session.install(".[test]")
    session.run("pytest", *session.posargs, env={"PYTHONHASHSEED": "0"})


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Preview the site at http://127.0.0.1:8000 with live reload (run `nox -s build` first).

    `mkdocs serve` does not run Pagefind: the search box works on the built site (`nox -s build`,
    then e.g. `python -m http.server -d site`), or set `extra.search: material` while editing.
    """
    session.install(".")
    session.run("mkdocs", "serve", "--dev-addr", "127.0.0.1:8000", *session.posargs)


@nox.session(default=False)
def eval(session: nox.Session) -> None:
    """Score `digest analyze --json` on the dev, tune, check and seed pages.

    The scorer is ../shared/eval/score.py; dev is ../shared/gold/dev, tune, tune2 and check are
    ours (tests/gold/). Tune on dev, tune and tune2; look at check only at the end of a change.
    """
    if not SHARED.exists():
        session.skip(f"{SHARED} is absent: the gold annotations and corpus live there")
    session.install(".")
    out = Path(session.create_tmp()) / "pred"
    session.run(
        "python",
        "-m",
        "digest.evaluate",
        str(SHARED),
        str(out),
        str(ROOT / "tests/gold"),
        *session.posargs,
    )


@nox.session(default=False)
def golden(session: nox.Session) -> None:
    """Regenerate tests/golden/ after a change meant to alter Digest's output.

    tests/test_golden.py compares the output with it byte for byte.
    """
    session.install(".")
    session.run("python", "-m", "tests.golden")


RUFF = "ruff==0.17.6"
MYPY = ["mypy==2.4.1", "types-PyYAML", "types-lxml==2026.2.16"]


@nox.session(default=False)
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check (line length 100); run by .ci/run.

    It covers the package, the tests and this file; the rules are in pyproject.toml.
    """
    session.install(RUFF)
    session.run("ruff", "check", "digest", "tests", "noxfile.py")
    session.run("ruff", "format", "--check", "digest", "tests", "noxfile.py")


@nox.session(default=False)
def types(session: nox.Session) -> None:
    """mypy --strict over the package (settings in pyproject.toml); run by .ci/run."""
    session.install(".[test]", *MYPY)
    session.run("mypy", "digest")


if os.environ.get("CI"):
    nox.options.error_on_missing_interpreters = True


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Throughput, incremental re-runs, site builds at 1,000, 10,000 and 50,000 stories, a day's
    update and a search in Chromium (about an hour on 2 cores; `-- --site-only --stories 1000`
    for a quick look)."""
    if not SHARED.exists():
        session.skip(f"{SHARED} is absent: the benchmark reads its corpus")
    session.install(".[test]")  # Playwright, for the search in Chromium
    session.run("python", "tests/bench.py", str(SHARED), *session.posargs)
