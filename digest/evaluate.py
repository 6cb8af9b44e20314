"""Score Digest on hand-annotated pages: `python -m digest.evaluate SHARED OUT [GOLD]`.

Three sets of corpus pages (SHARED/corpus/aeb/html), and the seed:
    dev     SHARED/gold/dev: the shared annotations the rules were first tuned on
    tune    GOLD/tune (tests/gold/tune): our annotations, for tuning too (pages 1-20 of
            SHARED/corpus/aeb/annotate-next.txt)
    tune2   GOLD/tune2: ours, pages 41-60, annotated on 2026-12-04 and scored blind once before
            any rule was tuned on them (the figures are in that day's note); for tuning since
    check   GOLD/check (tests/gold/check): ours, pages 21-40, kept back: scored at the end of a
            change, never tuned on
Our sets store character ranges instead of the publishers' text (digest/gold.py); they are decoded
against SHARED first. The `digest analyze --json` analysis of each page goes to OUT, and
SHARED/eval/score.py's figures are printed, one column a set.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
from pathlib import Path

from .analysis.page import analyze_page
from .analysis_json import briefing_json
from .config import Config
from .gold import decode_folder
from .model import RawPage

OUR_SETS = ("tune", "tune2", "check")  # in tests/gold/, in the order their columns are printed
SEED = "kim-putin-vostochny"
SEED_DATE = dt.date(2023, 9, 13)  # the seed is plain text without a date; its gold says when it ran


def predict_dev(shared: Path, out: Path, config: Config | None = None) -> Path:
    """Write one prediction per gold dev file into out/dev; returns that folder."""
    return predict(shared, shared / "gold/dev", out / "dev", config)


def predict(shared: Path, gold_dir: Path, pred_dir: Path, config: Config | None = None) -> Path:
    """Write one prediction per gold file of gold_dir (corpus pages) into pred_dir; returns
    pred_dir."""
    config = config or Config()
    truth = json.loads((shared / "corpus/aeb/ground-truth.json").read_text(encoding="utf-8"))
    pred_dir.mkdir(parents=True, exist_ok=True)
    for gold_path in sorted(gold_dir.glob("*.json")):
        page_id = gold_path.stem
        html = gzip.decompress((shared / f"corpus/aeb/html/{page_id}.html.gz").read_bytes())
        page = RawPage(f"{page_id}.html", html, url=truth.get(page_id, {}).get("url"))
        (pred_dir / gold_path.name).write_text(
            json.dumps(briefing_json(analyze_page(page, config)))
        )
    return pred_dir


def predict_seed(shared: Path, out: Path, config: Config | None = None) -> Path:
    config = config or Config()
    pred_dir = out / "seed"
    pred_dir.mkdir(parents=True, exist_ok=True)
    text_path = shared / f"seeds/{SEED}.txt"
    page = RawPage(str(text_path), text_path.read_bytes(), kind="text")
    (pred_dir / f"{SEED}.json").write_text(
        json.dumps(briefing_json(analyze_page(page, config, SEED_DATE)))
    )
    return pred_dir


def score(shared: Path, gold_dir: Path, pred_dir: Path) -> dict[str, float]:
    """Run the shared scorer (it is the reference, so it is called, not copied)."""
    report = pred_dir.parent / f"score-{gold_dir.name}.json"
    subprocess.run(
        [
            sys.executable,
            str(shared / "eval/score.py"),
            str(gold_dir),
            str(pred_dir),
            "--json",
            str(report),
        ],
        check=True,
        capture_output=True,
    )
    result: dict[str, float] = json.loads(report.read_text())
    return result


def score_ours(shared: Path, stored_dir: Path, out: Path) -> dict[str, float]:
    """Decode one of our gold sets against the corpus, predict its pages and score them."""
    gold_dir = decode_folder(shared, stored_dir, out / "gold" / stored_dir.name)
    return score(shared, gold_dir, predict(shared, gold_dir, out / stored_dir.name))


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    shared, out = Path(argv[0]), Path(argv[1])
    ours = Path(argv[2]) if len(argv) == 3 else Path("tests/gold")
    rows = {"dev": score(shared, shared / "gold/dev", predict_dev(shared, out))}
    for name in OUR_SETS:
        if (ours / name).is_dir():
            rows[name] = score_ours(shared, ours / name, out)
    rows["seed"] = score(shared, shared / "gold/seed", predict_seed(shared, out))
    keys = [k for k, v in rows["dev"].items() if isinstance(v, float)]
    print(f"{'figure':24}" + "".join(f"{name:>8}" for name in rows))
    print(f"{'pages':24}" + "".join(f"{row['files']:>8}" for row in rows.values()))
    for key in keys:
        print(f"{key:24}" + "".join(f"{row[key]:8.3f}" for row in rows.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
