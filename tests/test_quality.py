"""Quality gate: scores on the hand-annotated dev pages must not drop below the stored floors.

The floors live in tests/quality_floor.json; raise them when quality improves (`nox -s eval` prints the table).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.evaluate import predict_dev, score

from .conftest import SHARED, needs_shared

FLOORS = json.loads((Path(__file__).parent / "quality_floor.json").read_text())


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory) -> dict[str, float]:
    pred_dir = predict_dev(SHARED, tmp_path_factory.mktemp("pred"))
    return score(SHARED, SHARED / "gold/dev", pred_dir)


@needs_shared
@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_dev_score_at_or_above_its_floor(dev_scores: dict[str, float], figure: str) -> None:
    assert dev_scores["missing_predictions"] == []  # type: ignore[comparison-overlap]
    assert dev_scores[figure] >= FLOORS[figure] - 1e-9, f"{figure} fell to {dev_scores[figure]:.3f}"
