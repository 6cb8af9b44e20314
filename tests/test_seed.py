"""The article Digest started from, against its gold annotation (../shared/gold/seed)."""

from __future__ import annotations

import importlib.util
import json
from collections import Counter

import pytest

from digest.evaluate import predict_seed

from .conftest import SHARED, needs_shared

pytestmark = needs_shared


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> tuple[dict, dict]:
    pred_dir = predict_seed(SHARED, tmp_path_factory.mktemp("pred"))
    gold = json.loads((SHARED / "gold/seed/kim-putin-vostochny.json").read_text())
    return gold, json.loads((pred_dir / "kim-putin-vostochny.json").read_text())


def test_main_actors_found(seed, scorer) -> None:
    gold, pred = seed
    names = [a["name"] for a in pred["actors"]]
    for wanted in ("Kim Jong Un", "Vladimir Putin", "Dmitry Peskov"):
        forms = scorer.name_forms(next(a for a in gold["actors"] if a["name"] == wanted))
        assert any(scorer.same_name(n, forms) for n in names[:10]), (wanted, names[:10])


def test_at_least_eight_quotes_with_the_right_speaker(seed, scorer) -> None:
    gold, pred = seed
    tally: Counter = Counter()
    scorer.score_quotes(gold, pred, tally)
    assert tally["speaker_ok"] >= 8, tally


def test_quotes_are_verbatim(seed) -> None:
    _, pred = seed
    for quote in pred["quotes"]:
        assert pred["text"][quote["start"] : quote["end"]] == quote["text"]


def test_every_gold_actor_is_listed(seed, scorer) -> None:
    gold, pred = seed
    names = [n for a in pred["actors"] for n in (a["name"], *a["aliases"])]
    missing = [
        g["name"]
        for g in gold["actors"]
        if not any(scorer.same_name(n, scorer.name_forms(g)) for n in names)
    ]
    assert missing == []


def test_every_gold_quote_with_its_speaker_and_nothing_else(seed, scorer) -> None:
    gold, pred = seed
    tally: Counter = Counter()
    scorer.score_quotes(gold, pred, tally)
    speech = sum(1 for q in gold["quotes"] if q["kind"] != "other")
    assert (tally["quote_tp"], tally["speaker_ok"], tally["quote_fp"]) == (speech, speech, 0)


def test_every_gold_date_with_its_value(seed, scorer) -> None:
    gold, pred = seed
    tally: Counter = Counter()
    scorer.score_timeline(gold, pred, tally)
    assert tally["time_value_tp"] == tally["time_gold"] == len(gold["timeline"])
