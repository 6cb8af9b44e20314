"""Score Digest on the hand-annotated pages in ../shared: `python -m digest.evaluate SHARED OUT`.

Runs the `digest analyze --json` analysis on every page of SHARED/corpus/aeb/html that has a gold file in
SHARED/gold/dev (and on the seed), writes the predictions to OUT, and prints SHARED/eval/score.py's figures.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import subprocess
import sys
from pathlib import Path

from .config import Config
from .model import RawPage
from .pipeline import analyze_page
from .render import briefing_json

SEED = "kim-putin-vostochny"
SEED_DATE = dt.date(2023, 9, 13)  # the seed is plain text without a date; its gold says when it ran


def predict_dev(shared: Path, out: Path, config: Config | None = None) -> Path:
    """Write one prediction per gold dev file into out/dev; returns that folder."""
    config = config or Config()
    truth = json.loads((shared / "corpus/aeb/ground-truth.json").read_text(encoding="utf-8"))
    pred_dir = out / "dev"
    pred_dir.mkdir(parents=True, exist_ok=True)
    for gold_path in sorted((shared / "gold/dev").glob("*.json")):
        page_id = gold_path.stem
        html = gzip.decompress((shared / f"corpus/aeb/html/{page_id}.html.gz").read_bytes())
        page = RawPage(f"{page_id}.html", html, url=truth.get(page_id, {}).get("url"))
        (pred_dir / gold_path.name).write_text(json.dumps(briefing_json(analyze_page(page, config))))
    return pred_dir


def predict_seed(shared: Path, out: Path, config: Config | None = None) -> Path:
    config = config or Config()
    pred_dir = out / "seed"
    pred_dir.mkdir(parents=True, exist_ok=True)
    text_path = shared / f"seeds/{SEED}.txt"
    page = RawPage(str(text_path), text_path.read_bytes(), kind="text")
    (pred_dir / f"{SEED}.json").write_text(json.dumps(briefing_json(analyze_page(page, config, SEED_DATE))))
    return pred_dir


def score(shared: Path, gold_dir: Path, pred_dir: Path) -> dict[str, float]:
    """Run the shared scorer (it is the reference, so it is called, not copied)."""
    report = pred_dir.parent / f"score-{gold_dir.name}.json"
    subprocess.run(
        [sys.executable, str(shared / "eval/score.py"), str(gold_dir), str(pred_dir), "--json", str(report)],
        check=True,
        capture_output=True,
    )
    result: dict[str, float] = json.loads(report.read_text())
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    shared, out = Path(argv[0]), Path(argv[1])
    rows = {
        "dev": score(shared, shared / "gold/dev", predict_dev(shared, out)),
        "seed": score(shared, shared / "gold/seed", predict_seed(shared, out)),
    }
    keys = [k for k, v in rows["dev"].items() if isinstance(v, float)]
    print(f"{'figure':24}{'dev':>8}{'seed':>8}")
    for key in keys:
        print(f"{key:24}{rows['dev'][key]:8.3f}{rows['seed'][key]:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
