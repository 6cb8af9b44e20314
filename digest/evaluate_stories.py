"""Score `digest stories` on hand-checked groups: `python -m digest.evaluate_stories SHARED [GOLD]`.

The 181 corpus pages (SHARED/corpus/aeb/html) are analysed as `digest stories` analyses them and
grouped together; the grouping is scored against three sets of groups of those pages:
    dev     SHARED/corpus/stories-dev.json: the shared groups grouping was first tuned on
    tune    GOLD/groups-tune.json (tests/stories/): ours, written blind, for tuning too
    check   GOLD/groups-check.json: ours, kept back: scored at the end of a change, never tuned on
For each set: pairwise precision (predicted pairs touching its pages) and recall (its pairs), and
B-cubed F1 over its pages. Then every pair of every page, with the three sets together as the
truth (pages in none are stories of their own).
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .analysis.fingerprint import Fingerprint
from .analysis.page import fingerprint_of
from .config import Config
from .errors import DigestError
from .model import RawPage
from .runner import analyze_pages
from .stories.grouping import group_fingerprints
from .stories.scores import Groups, all_pairs_scores, bcubed_f1, listed_scores

GOLD = Path(__file__).resolve().parent.parent / "tests" / "stories"
SETS = ("dev", "tune", "check")


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    precision: float
    recall: float
    bcubed: float
    pairs: int  # gold pairs


def set_paths(shared: Path, gold: Path = GOLD) -> dict[str, Path]:
    return {
        "dev": shared / "corpus" / "stories-dev.json",
        "tune": gold / "groups-tune.json",
        "check": gold / "groups-check.json",
    }


def load_groups(path: Path) -> list[list[str]]:
    return [list(g["members"]) for g in json.loads(path.read_text(encoding="utf-8"))["groups"]]


def corpus_fingerprints(shared: Path, config: Config | None = None) -> dict[str, Fingerprint]:
    """Page id → fingerprint of every corpus page `digest stories` keeps (English, extractable)."""
    corpus = shared / "corpus" / "aeb"
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((corpus / "html").glob("*.html.gz")):
        page_id = path.name.split(".")[0]
        content = gzip.decompress(path.read_bytes())
        pages.append(RawPage(source=page_id, content=content, url=truth[page_id]["url"]))
    found = analyze_pages(pages, config or Config(), fingerprint_of)
    return {page.source: fp for page, fp in found if not isinstance(fp, DigestError)}


def predicted_groups(fingerprints: dict[str, Fingerprint]) -> list[list[str]]:
    ids = list(fingerprints)
    return [[ids[i] for i in g] for g in group_fingerprints(list(fingerprints.values()))]


def score(predicted: Groups, sets: dict[str, Groups], pages: Sequence[str]) -> list[Row]:
    """One row a set, then "all pairs" over `pages` with the sets together as the truth."""
    rows = []
    for name, listed in sets.items():
        pair = listed_scores(predicted, listed)
        listed_pages = [p for g in listed for p in g]
        rows.append(
            Row(
                name,
                pair.precision,
                pair.recall,
                bcubed_f1(predicted, listed, listed_pages),
                pair.gold,
            )
        )
    truth = [g for listed in sets.values() for g in listed]
    every = all_pairs_scores(predicted, truth)
    everyone = sorted({*pages, *(p for g in truth for p in g)})
    rows.append(
        Row(
            "all pairs",
            every.precision,
            every.recall,
            bcubed_f1(predicted, truth, everyone),
            every.gold,
        )
    )
    return rows


def format_rows(rows: Sequence[Row]) -> str:
    lines = [f"{'set':<10} {'precision':>9} {'recall':>7} {'B3 F1':>6} {'pairs':>6}"]
    for r in rows:
        lines.append(
            f"{r.name:<10} {r.precision:>9.2f} {r.recall:>7.2f} {r.bcubed:>6.2f} {r.pairs:>6}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str]) -> None:
    shared = Path(argv[0]) if argv else GOLD.parent.parent.parent / "shared"
    gold = Path(argv[1]) if len(argv) > 1 else GOLD
    names = argv[2].split(",") if len(argv) > 2 else list(SETS)
    paths = set_paths(shared, gold)
    sets: dict[str, Groups] = {name: load_groups(paths[name]) for name in names}
    fingerprints = corpus_fingerprints(shared)
    print(format_rows(score(predicted_groups(fingerprints), sets, list(fingerprints))))


if __name__ == "__main__":
    main(sys.argv[1:])
