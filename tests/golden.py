"""Golden output: what Digest writes for pages of ours, kept in tests/golden/ and compared byte for
byte.

    tests/golden/pages/...       the Markdown of the sample digest (stories, hub pages), as
                                 `digest build`
                                 writes it from content/samples/
    tests/golden/analyze/*.json  `digest analyze --json` of the samples and the hostile fixtures

Moving code around must leave them identical (tests/test_golden.py). When output is meant to change,
regenerate them on purpose with `nox -s golden` (python -m tests.golden) and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SAMPLES = ROOT / "content" / "samples"
PAGES = sorted([*SAMPLES.glob("*.html"), *(ROOT / "tests" / "fixtures" / "hostile").glob("*.html")])
GENERATED = (
    "stories",
    "actors",
    "archive",
    "tags",
    "index.md",
    "search.md",
    "about.md",
)  # what `digest build` writes


def site_markdown(work: Path) -> dict[str, str]:
    """Build the sample digest from nothing in `work`; its generated Markdown by path."""
    from click.testing import CliRunner

    from digest.cli import main

    project = work / "project"
    shutil.copytree(ROOT / "site_config", project / "site_config")
    shutil.copytree(SAMPLES, project / "content" / "samples")  # where the shipped config reads them
    cwd = Path.cwd()
    os.chdir(project)
    try:
        result = CliRunner().invoke(main, ["build", "--no-site"], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    if result.exit_code != 0:
        raise RuntimeError(result.output)
    content = project / "content"
    files = [
        p
        for name in GENERATED
        for p in sorted(
            (content / name).rglob("*.md") if (content / name).is_dir() else [content / name]
        )
    ]
    return {p.relative_to(content).as_posix(): p.read_text(encoding="utf-8") for p in files}


def analyses() -> dict[str, str]:
    """`digest analyze --json` of each of PAGES, by file name."""
    from digest.analysis.page import analyze_page
    from digest.analysis_json import briefing_json
    from digest.config import Config
    from digest.model import RawPage

    out = {}
    for path in PAGES:
        briefing = analyze_page(RawPage(path.name, path.read_bytes()), Config())
        out[path.stem + ".json"] = (
            json.dumps(briefing_json(briefing), ensure_ascii=False, indent=1) + "\n"
        )
    return out


def produce() -> dict[str, str]:
    """Everything golden, by its path under tests/golden/."""
    with tempfile.TemporaryDirectory() as work:
        site = {f"pages/{path}": text for path, text in site_markdown(Path(work)).items()}
    return {**site, **{f"analyze/{name}": text for name, text in analyses().items()}}


def regenerate() -> None:
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for path, text in produce().items():
        (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / path).write_text(text, encoding="utf-8")
    print(
        f"wrote {sum(1 for p in GOLDEN.rglob('*') if p.is_file())} files under {GOLDEN}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    regenerate()
