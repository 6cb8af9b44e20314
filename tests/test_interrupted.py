"""Kill `digest build` part-way: content/ stays whole and the next run finishes the work."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, SAMPLES

CONFIG = "sources:\n  - files: samples/*.html\n"


def start_build(project: Path, extra_env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(extra_env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "digest", "build", "--no-site"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def assert_whole(content: Path, killed: bool = False) -> None:
    """Every file complete and parseable. A killed run may leave a temporary file, but only a dot-
    file (MkDocs skips those) that the next run removes; after a finished run there is none."""
    for path in content.rglob("*"):
        if path.is_dir():
            continue
        if path.name.endswith(".tmp"):
            assert killed and path.name.startswith("."), path
            continue
        if path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            assert text.startswith("---\n"), path
            yaml.safe_load(text.split("---\n")[1])
        elif path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))


# the sample build makes 39 atomic writes: 1-6 article records, 7-11 story pages (each written once,
# with its actor links), 12-33 actor pages, 34-37 archive, tags and search, 38 the front page, 39
# the story index
@pytest.mark.parametrize("write", [1, 7, 12, 30, 38, 39])
def test_a_build_killed_mid_write_leaves_content_whole_and_next_run_finishes(
    project: Path, write: int
) -> None:
    """DIGEST_TEST_KILL_AT_WRITE=N kills the run half-way through its N-th atomic write."""
    shutil.copytree(SAMPLES, project / "samples")
    (project / "site_config" / "digest.yml").write_text(CONFIG)
    run = start_build(project, {"DIGEST_TEST_KILL_AT_WRITE": str(write)})
    output = run.communicate(timeout=300)[0].decode()
    assert run.returncode == -signal.SIGKILL, output  # it was killed, and by the injected fault
    target = Path(project / output.split("killed while writing ")[1].split("\n")[0].strip())
    left = list(target.parent.glob(f".{target.name}.*.tmp"))
    assert (
        len(left) == 1 and left[0].stat().st_size > 0
    )  # killed there: the half-written temporary file
    assert_whole(project / "content", killed=True)
    finished = start_build(project)
    output = finished.communicate(timeout=300)[0].decode()
    assert finished.returncode == 0, output
    assert_whole(project / "content")
    assert len(list((project / "content" / "stories").glob("*.md"))) == 5
    assert "0 skipped, 0 failed" in output


def test_pages_written_before_the_story_index_was_saved_keep_their_address(project: Path) -> None:
    """A run killed between writing story pages and saving the story index: the next run takes the
    pages over."""
    shutil.copytree(SAMPLES, project / "samples")
    (project / "site_config" / "digest.yml").write_text(CONFIG)
    first = start_build(project)
    assert first.wait(timeout=300) == 0
    pages = sorted(p.name for p in (project / "content" / "stories").glob("*.md"))
    (
        project / "content" / ".digest" / "stories.json"
    ).unlink()  # as if killed just before saving it
    again = start_build(project)
    assert again.wait(timeout=300) == 0
    assert sorted(p.name for p in (project / "content" / "stories").glob("*.md")) == pages
