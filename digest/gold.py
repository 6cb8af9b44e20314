"""Gold annotations kept without the publishers' text: quotes and timeline expressions as character
ranges.

Our annotations of corpus pages (tests/gold/) store each quote and each temporal expression as a
range of the page's `articleBody` in ../shared/corpus/aeb/ground-truth.json, so the repository holds
none of the publishers' text. `decode` turns such a file back into the format of
../shared/gold/GUIDELINES.md, which ../shared/eval/score.py reads; `encode` makes one from an
annotator's draft in that format.

    python -m digest.gold text SHARED ID             print a page's article text (to annotate it)
    python -m digest.gold encode SHARED DRAFT OUT     draft in the guidelines' format -> ranges
    python -m digest.gold check SHARED GOLD...        decode stored files and say what does not fit

A quote that runs over several paragraphs is one quote with one range per paragraph piece; in a
draft its pieces are given as "pieces": [...] (or as the guidelines' single text, pieces joined by
one space, when only white space separates them in the article). Quotes and timeline entries are
listed in text order, each found after the one before it; a quote is found after a quotation mark
where it can be.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

Gold = dict[str, Any]


def article_bodies(shared: Path) -> dict[str, str]:
    truth = json.loads((shared / "corpus/aeb/ground-truth.json").read_text(encoding="utf-8"))
    return {page_id: entry["articleBody"] for page_id, entry in truth.items()}


def _pattern(text: str) -> re.Pattern[str]:
    """The text with any run of white space matching any run of white space."""
    return re.compile(r"\s+".join(re.escape(part) for part in text.split()))


OPENING_MARKS = "\"'“‘«„‹"


def _find(body: str, text: str, after: int, quoted: bool = False) -> tuple[int, int]:
    """The first occurrence of text at or after `after` (else anywhere), as a range of body; for a
    quote, the first one that follows a quotation mark when there is one."""
    pattern = _pattern(text)
    matches = list(pattern.finditer(body, after)) or list(pattern.finditer(body))
    if not matches:
        raise ValueError(f"not in the article text: {text[:80]!r}")
    if quoted:
        marked = [m for m in matches if body[: m.start()].rstrip()[-1:] in OPENING_MARKS]
        matches = marked or matches
    return matches[0].start(), matches[0].end()


def _spans(body: str, texts: list[str], after: int) -> list[list[int]]:
    spans = []
    for text in texts:
        start, end = _find(body, text, after, quoted=True)
        spans.append([start, end])
        after = end
    return spans


def encode(draft: Gold, body: str) -> Gold:
    """A draft in the guidelines' format (quotes and timeline in text order) -> the stored
    format."""
    quotes, after = [], 0
    for quote in draft["quotes"]:
        pieces = quote.get("pieces") or [quote["text"]]
        spans = _spans(body, pieces, after)
        after = spans[-1][1]  # quotes do not overlap: the next one starts after this one
        quotes.append({"spans": spans, "speaker": quote["speaker"], "kind": quote["kind"]})
    timeline, after = [], 0
    for entry in draft["timeline"]:
        start, end = _find(body, entry["expression"], after)
        after = end  # nor do expressions ("this year" after "earlier this year" is another one)
        timeline.append({"span": [start, end], "value": entry["value"], "event": entry["event"]})
    stored: Gold = {key: draft[key] for key in ("id", "url", "published", "actors") if key in draft}
    return {**stored, "quotes": quotes, "timeline": timeline}


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def decode(stored: Gold, body: str) -> Gold:
    """The stored format -> the guidelines' format that ../shared/eval/score.py reads."""
    quotes = [
        {
            "text": " ".join(_collapse(body[start:end]) for start, end in quote["spans"]),
            "speaker": quote["speaker"],
            "kind": quote["kind"],
        }
        for quote in stored["quotes"]
    ]
    timeline = [
        {
            "expression": _collapse(body[entry["span"][0] : entry["span"][1]]),
            "value": entry["value"],
            "event": entry["event"],
        }
        for entry in stored["timeline"]
    ]
    return {**stored, "quotes": quotes, "timeline": timeline}


def problems(gold: Gold) -> list[str]:
    """What breaks the guidelines' rules in a decoded gold file."""
    names = {actor["name"] for actor in gold["actors"]}
    found = [
        f"speaker {q['speaker']!r} is not an actor"
        for q in gold["quotes"]
        if q["speaker"] is not None and q["speaker"] not in names
    ]
    found += [
        f"quote kind {q['kind']!r}"
        for q in gold["quotes"]
        if q["kind"] not in ("direct", "partial", "other")
    ]
    found += [
        f"actor kind {a['kind']!r}"
        for a in gold["actors"]
        if a["kind"] not in ("person", "organization", "place")
    ]
    return found


def range_problems(stored: Gold) -> list[str]:
    """Empty or reversed ranges in a stored gold file."""
    spans = [tuple(s) for q in stored["quotes"] for s in q["spans"]] + [
        tuple(t["span"]) for t in stored["timeline"]
    ]
    return [f"empty range {list(span)}" for span in spans if span[0] >= span[1]]


def decode_folder(shared: Path, gold_dir: Path, out: Path) -> Path:
    """Decode every stored gold file of gold_dir into out (for the scorer); returns out."""
    bodies = article_bodies(shared)
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(gold_dir.glob("*.json")):
        stored = json.loads(path.read_text(encoding="utf-8"))
        (out / path.name).write_text(
            json.dumps(decode(stored, bodies[stored["id"]]), ensure_ascii=False)
        )
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[0] not in ("text", "encode", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    command, shared = argv[0], Path(argv[1])
    bodies = article_bodies(shared)
    if command == "text":
        print(bodies[argv[2]])
        return 0
    if command == "encode":
        draft = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
        stored = encode(draft, bodies[draft["id"]])
        Path(argv[3]).write_text(
            json.dumps(stored, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        argv = ["check", argv[1], argv[3]]
    failed = 0
    for name in argv[2:]:
        stored = json.loads(Path(name).read_text(encoding="utf-8"))
        gold = decode(stored, bodies[stored["id"]])
        for problem in problems(gold) + range_problems(stored):
            print(f"{name}: {problem}")
            failed += 1
        print(
            f"{name}: {len(gold['quotes'])} quotes, {len(gold['timeline'])} dates, "
            f"{len(gold['actors'])} actors"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
