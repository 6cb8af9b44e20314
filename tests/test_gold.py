"""Our gold annotations (tests/gold/): stored as ranges of the corpus text, decoded for the shared
scorer."""

from __future__ import annotations

import json

import pytest

from digest.gold import decode, encode, problems, range_problems

from .conftest import ROOT, SHARED, needs_shared

GOLD = ROOT / "tests" / "gold"
BODY = (
    "The mayor said on Tuesday that “the harbour stays open,” and added: “It stays open this "
    "year.”\n\n"
    "“We will build it early this year.\n\n“And we will finish it this year,” she said."
)


def test_a_draft_round_trips_through_ranges() -> None:
    draft = {
        "id": "x",
        "url": None,
        "published": "2026-11-18",
        "actors": [{"name": "Ann Lee", "kind": "person", "aliases": [], "key": True}],
        "quotes": [
            {"text": "the harbour stays open,", "speaker": "Ann Lee", "kind": "direct"},
            {"text": "It stays open this year.", "speaker": "Ann Lee", "kind": "direct"},
            {
                "pieces": ["We will build it early this year.", "And we will finish it this year,"],
                "speaker": "Ann Lee",
                "kind": "direct",
            },
        ],
        "timeline": [
            {"expression": "Tuesday", "value": "2026-11-17", "event": "she speaks"},
            {"expression": "this year", "value": "2026", "event": "open"},
            {"expression": "early this year", "value": "2026", "event": "built"},
            {"expression": "this year", "value": "2026", "event": "finished"},
        ],
    }
    stored = encode(draft, BODY)
    assert "text" not in json.dumps(stored["quotes"]) and "expression" not in json.dumps(
        stored["timeline"]
    )
    # each entry is found after the one before: the last "this year" is not the one inside "early
    # this year"
    assert [BODY[s:e] for s, e in (t["span"] for t in stored["timeline"])] == [
        "Tuesday",
        "this year",
        "early this year",
        "this year",
    ]
    assert stored["timeline"][3]["span"][0] > stored["timeline"][2]["span"][1]
    back = decode(stored, BODY)
    assert [q["text"] for q in back["quotes"]] == [
        "the harbour stays open,",
        "It stays open this year.",
        "We will build it early this year. And we will finish it this year,",
    ]
    assert problems(back) == []


def test_a_quote_is_found_after_a_quotation_mark() -> None:
    body = "They said the end, then repeat it. It was, she said, the “end,” of it."
    draft = {
        "id": "x",
        "actors": [],
        "quotes": [{"text": "end,", "speaker": None, "kind": "other"}],
        "timeline": [],
    }
    ((start, end),) = encode(draft, body)["quotes"][0]["spans"]
    assert body[start - 1] == "“" and body[start:end] == "end,"


def test_problems_are_found() -> None:
    gold = {
        "actors": [{"name": "Ann Lee", "kind": "human"}],
        "quotes": [{"text": "x", "speaker": "Bob", "kind": "said"}],
        "timeline": [],
    }
    assert len(problems(gold)) == 3
    stored = {"quotes": [{"spans": [[5, 9], [12, 12]]}], "timeline": [{"span": [20, 18]}]}
    assert range_problems(stored) == ["empty range [12, 12]", "empty range [20, 18]"]


@needs_shared
@pytest.mark.parametrize(("split", "first"), [("tune", 0), ("check", 20), ("tune2", 40)])
def test_our_gold_files_decode_and_keep_the_guidelines(split: str, first: int) -> None:
    from digest.gold import article_bodies

    bodies = article_bodies(SHARED)
    listed = [
        line.split("\t")[0]
        for line in (SHARED / "corpus/aeb/annotate-next.txt").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    files = sorted((GOLD / split).glob("*.json"))
    assert len(files) == 20
    expected = listed[first : first + 20]  # 20 pages each, in the given order
    assert sorted(f.stem for f in files) == sorted(expected)
    for path in files:
        stored = json.loads(path.read_text(encoding="utf-8"))
        assert "title" not in stored  # no publisher text in the repository
        gold = decode(stored, bodies[stored["id"]])
        assert problems(gold) == [] and range_problems(stored) == [], path.name
        assert all(t["expression"] for t in gold["timeline"]) and all(
            q["text"] for q in gold["quotes"]
        )
