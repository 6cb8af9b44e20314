"""Digest's output for our own pages is what tests/golden/ holds, byte for byte
(tests/golden.py)."""

from __future__ import annotations

import difflib

from .golden import GOLDEN, produce


def test_output_is_the_golden_output() -> None:
    produced = produce()
    kept = {
        p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
        for p in GOLDEN.rglob("*")
        if p.is_file()
    }
    assert sorted(produced) == sorted(kept), (
        "files differ; if meant, run `nox -s golden` and review the diff"
    )
    for path, text in produced.items():
        if text != kept[path]:
            diff = "".join(
                difflib.unified_diff(
                    kept[path].splitlines(True), text.splitlines(True), path, path, n=1
                )
            )
            raise AssertionError(
                f"{path} changed (if meant: `nox -s golden`, then review):\n{diff[:3000]}"
            )
