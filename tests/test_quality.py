"""Quality gate: scores on the hand-annotated pages must not fall below the stored floors.

tests/quality_floor.json holds a floor for each figure of each set (dev: the shared annotations;
tune, tune2 and check: ours, tests/gold/), and a ceiling for the wrong-speaker rate. Raise them when
quality improves (`nox -s eval` prints the table); the check set is never tuned on, only guarded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.evaluate import OUR_SETS, predict_dev, score, score_ours

from .conftest import ROOT, SHARED, needs_shared

FLOORS = json.loads((Path(__file__).parent / "quality_floor.json").read_text())
CEILING = "_at_most"  # a figure whose key ends so must not rise above its value


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict[str, dict[str, float]]:  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("pred")
    found = {"dev": score(SHARED, SHARED / "gold/dev", predict_dev(SHARED, out))}
    for name in OUR_SETS:
        found[name] = score_ours(SHARED, ROOT / "tests" / "gold" / name, out)
    return found


CASES = [(name, figure) for name, figures in FLOORS.items() for figure in sorted(figures)]


@needs_shared
@pytest.mark.parametrize(("name", "figure"), CASES, ids=[f"{n}-{f}" for n, f in CASES])
def test_score_within_its_floor(
    scores: dict[str, dict[str, float]], name: str, figure: str
) -> None:
    got = scores[name]
    assert got["missing_predictions"] == []  # type: ignore[comparison-overlap]
    bound = FLOORS[name][figure]
    if figure.endswith(CEILING):
        value = got[figure.removesuffix(CEILING)]
        assert value <= bound + 1e-9, f"{name} {figure.removesuffix(CEILING)} rose to {value:.3f}"
    else:
        assert got[figure] >= bound - 1e-9, f"{name} {figure} fell to {got[figure]:.3f}"
