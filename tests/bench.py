"""`nox -s bench`: throughput, incremental re-runs and site builds, with trafilatura as the
yardstick.

    python tests/bench.py SHARED [--articles 1000] [--stories 1000,5000,10000] [--out BENCHMARKS.md]
    python tests/bench.py --content DIR COUNT [--update N]   (stage site's content, kept, unbuilt)

Analysis: the 181 pages of SHARED/corpus/aeb (repeated up to --articles), saved as files and given
to `digest analyze --json` (process pool, one worker per core, start-up included), against
trafilatura's own `bare_extraction` with metadata on the same pages in the same run. Incremental: a
full build of the 181 pages, then a re-run with nothing new. Site: synthetic stories rendered by
Digest, hub pages, `mkdocs build` and the search index. Each measurement runs in its own process, so
its peak memory is its own.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import platform
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def corpus_pages(shared: Path, count: int) -> list:
    from digest.model import RawPage

    truth = json.loads((shared / "corpus/aeb/ground-truth.json").read_text())
    base = [
        (p.name.split(".")[0], gzip.decompress(p.read_bytes()))
        for p in sorted((shared / "corpus/aeb/html").glob("*.html.gz"))
    ]
    pages = []
    for i in range(count):
        page_id, html = base[i % len(base)]
        url = truth[page_id]["url"] + (f"?copy={i // len(base)}" if i >= len(base) else "")
        pages.append(RawPage(f"{page_id}-{i}", html, url=url))
    return pages


# -- stages, each run in a child process ---------------------------------------------------------


def stage_trafilatura(shared: Path, count: int) -> dict:
    import trafilatura

    pages = corpus_pages(shared, count)
    start = time.perf_counter()
    for page in pages:
        trafilatura.bare_extraction(page.content, url=page.url, with_metadata=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "ms_per_article": 1000 * seconds / count, "peak_mb": peak_mb()}


def stage_analysis(shared: Path, count: int) -> dict:
    """`digest analyze --json PAGE...` over the pages saved as files, run as a user would (its
    start-up included)."""
    folder = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    files = []
    for page in corpus_pages(shared, count):
        files.append(folder / f"{page.source}.html")
        files[-1].write_bytes(page.content)
    with open(folder / "out.jsonl", "wb") as out:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "digest", "analyze", "--json", *map(str, files)],
            stdout=out,
            stderr=subprocess.PIPE,
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        seconds = time.perf_counter() - start
    analysed = len((folder / "out.jsonl").read_text().splitlines())
    shutil.rmtree(folder)
    if done.returncode not in (0, 1):  # 1: some pages are not articles, as in the corpus
        raise SystemExit(done.stderr.decode()[-3000:])
    return {
        "seconds": seconds,
        "ms_per_article": 1000 * seconds / count,
        "analysed": analysed,
        "workers": os.cpu_count(),
        "peak_mb": peak_mb(),
    }


GROUPING_PER_DAY = 100  # articles a day in the grouping bench: a busy digest


def stage_grouping(shared: Path, count: int) -> dict:
    """`group_fingerprints` over `count` distinct articles, GROUPING_PER_DAY a day: the corpus
    pages' fingerprints, each copy with half its words made its own (so copies are not duplicates)
    and its own MinHash. The analysis of the 181 pages is not timed."""
    import dataclasses
    import datetime as dt
    import random

    from digest.evaluate_stories import corpus_fingerprints
    from digest.stories.grouping import group_fingerprints

    corpus = list(corpus_fingerprints(shared).values())
    rng = random.Random(1)
    first = dt.date(2026, 1, 1)
    items = []
    for i in range(count):
        fp, copy = corpus[i % len(corpus)], i // len(corpus)
        terms = tuple((f"{t}{copy}" if k % 2 else t, n) for k, (t, n) in enumerate(fp.terms))
        items.append(
            dataclasses.replace(
                fp,
                source=f"{fp.source}#{i}",
                url=None,
                terms=terms,
                minhash=tuple(rng.getrandbits(32) for _ in fp.minhash),
                published=first + dt.timedelta(days=i // GROUPING_PER_DAY),
            )
        )
    start = time.perf_counter()
    groups = group_fingerprints(items)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "ms_per_article": 1000 * seconds / count,
        "groups": len(groups),
        "peak_mb": peak_mb(),
    }


def stage_incremental(shared: Path, count: int) -> dict:
    from digest.config import parse_config
    from digest.pipeline import run_build

    folder = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    pages = folder / "pages"
    pages.mkdir()
    for page in corpus_pages(shared, count):
        (pages / f"{page.source}.html").write_bytes(page.content)
    os.chdir(folder)
    config = parse_config({"sources": ["pages/*.html"]})
    timings = []
    for _ in range(2):
        start = time.perf_counter()
        report = run_build(config, make_site=False)
        timings.append(time.perf_counter() - start)
    shutil.rmtree(folder)
    return {
        "full_s": timings[0],
        "rerun_s": timings[1],
        "ratio": timings[1] / timings[0],
        "rerun_written": len(report.written),
        "peak_mb": peak_mb(),
    }


def synthetic_stories(count: int, update: int = 0) -> dict:
    """`count` synthetic briefings by path; with `update`, `update` of them changed (a sentence more
    in the summary, same path) and `update` new ones after them: a day's update."""
    from digest.model import Actor, Article, Briefing, Quote, TimeRef
    from digest.stories.address import new_story_path

    rng = random.Random(1)
    words = (
        "council harbour vote plan minister court ruling strike rail union talks profit recall "
        "launch satellite"
    ).split()
    people = [
        f"{f} {last}"
        for f in ("Ann", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal")
        for last in (
            "Lee",
            "Mora",
            "Quist",
            "Varga",
            "Fenn",
            "Okafor",
            "Brenner",
            "Adeyemi",
            "Moradi",
            "Kell",
        )
    ]
    places = ["Port Calloway", "Brackenford", "Lindmoor", "Esterholt", "Northreach", "Eastquay"]
    start_day = dt.date(2026, 1, 1)
    taken: set[str] = set()
    pages: dict = {}
    changed = {count - 1 - k * max(1, count // max(1, update)) for k in range(update)}
    for i in range(count + update):
        day = start_day + dt.timedelta(days=i // 15)
        cast = rng.sample(people, 4)
        text = " ".join(rng.choice(words) for _ in range(700))
        title = (
            f"{cast[0]} and the {rng.choice(words)} {rng.choice(words)} in {rng.choice(places)} {i}"
        )
        article = Article(
            f"s{i}.html",
            title,
            "",
            url=f"https://news{i % 7}.example/{i}",
            published=day,
            site=f"Outlet {i % 7}",
        )
        summary = tuple(text[j * 120 : (j + 1) * 120] + "." for j in range(4))
        if i in changed:
            summary += ("A later report adds a figure.",)
        b = Briefing(
            id=f"{i:012d}",
            title=title,
            published=day,
            articles=(article,),
            summary=summary,
            actors=tuple(Actor(n, "person", "official", (), 5 - k) for k, n in enumerate(cast))
            + (Actor(rng.choice(places), "place"),),
            quotes=tuple(Quote(text[j * 50 : j * 50 + 80], cast[j % 4], 0, 80) for j in range(4)),
            timeline=tuple(
                TimeRef("Tuesday", day.isoformat(), 0, 7, text[j * 90 : (j + 1) * 90])
                for j in range(3)
            ),
            tags=(rng.choice(places),),
        )
        path = new_story_path("stories", title, day, b.id, taken)
        taken.add(path)
        pages[path] = b
    return pages


def site_folder(folder: Path) -> None:
    """mkdocs.yml, the assets, About, Search and site_config/ copied into `folder`."""
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "content" / "assets", folder / "content" / "assets")
    for page in ("about.md", "search.md"):
        if (ROOT / "content" / page).exists():
            shutil.copy(ROOT / "content" / page, folder / "content" / page)
    shutil.copytree(ROOT / "site_config", folder / "site_config")


def publish_stories(folder: Path, pages: dict) -> list[str]:
    """Digest's story and hub pages into folder/content (a file is rewritten only if it changed);
    the story pages written."""
    from digest.publish import publish

    errors: list[object] = []
    done = publish(folder / "content", "stories", pages, lambda path: None, None, errors.append)
    assert not errors, errors[:3]
    return list(done.written)


def stage_site(_: Path, count: int) -> dict:
    from digest.publish.mkdocs_build import build_site

    folder = Path(tempfile.mkdtemp(prefix="digest-site-"))
    site_folder(folder)
    pages = synthetic_stories(count)
    os.chdir(folder)
    start = time.perf_counter()
    publish_stories(folder, pages)
    hubs = time.perf_counter() - start  # every story page and hub page written
    build_site(folder / "mkdocs.yml")
    seconds = time.perf_counter() - start
    site = folder / "site"
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    shutil.rmtree(folder)
    return {
        "seconds": seconds,
        "hubs_s": hubs,
        "ms_per_story": 1000 * seconds / count,
        "site_mb": size / 2**20,
        "peak_mb": peak_mb(),
    }


def write_content(folder: Path, count: int, update: int) -> None:
    """`--content DIR COUNT [--update N]`: the site folder of stage `site` kept in DIR, not built,
    so that other builders (or `mkdocs build --dirty`) can be timed on it; with --update, DIR
    already holds COUNT stories and N of them change and N are added, as a day's update would."""
    if update:
        written = publish_stories(folder, synthetic_stories(count, update))
        print(json.dumps({"written": len(written)}))
        return
    folder.mkdir(parents=True)
    site_folder(folder)
    written = publish_stories(folder, synthetic_stories(count))
    print(json.dumps({"written": len(written)}))


STAGES = {
    "trafilatura": stage_trafilatura,
    "analysis": stage_analysis,
    "incremental": stage_incremental,
    "grouping": stage_grouping,
    "site": stage_site,
}


def run_stage(name: str, shared: Path, count: int) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--stage", name, str(shared), str(count)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise SystemExit(f"stage {name} ({count}) failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--content"]:
        update = int(argv[argv.index("--update") + 1]) if "--update" in argv else 0
        write_content(Path(argv[1]), int(argv[2]), update)
        return 0
    if argv[:1] == ["--stage"]:
        print(json.dumps(STAGES[argv[1]](Path(argv[2]), int(argv[3]))))
        return 0
    shared = Path(argv[0]) if argv else ROOT.parent / "shared"
    articles = int(argv[argv.index("--articles") + 1]) if "--articles" in argv else 1000
    stories = (
        [int(n) for n in argv[argv.index("--stories") + 1].split(",")]
        if "--stories" in argv
        else [1000, 5000, 10000]
    )
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else None
    rows = []
    traf = run_stage("trafilatura", shared, articles)
    rows.append(
        (
            "trafilatura bare_extraction (yardstick)",
            articles,
            traf["ms_per_article"],
            traf["peak_mb"],
            "",
        )
    )
    for n in sorted({181, articles}):
        ana = run_stage("analysis", shared, n)
        ratio = ana["ms_per_article"] / traf["ms_per_article"]
        rows.append(
            (
                f"digest analysis, {ana['workers']} processes",
                n,
                ana["ms_per_article"],
                ana["peak_mb"],
                f"{ratio:.2f}× trafilatura",
            )
        )
    for n in (500, 2000):
        grp = run_stage("grouping", shared, n)
        rows.append(
            (
                f"story grouping, {GROUPING_PER_DAY} articles a day",
                n,
                grp["ms_per_article"],
                grp["peak_mb"],
                f"{grp['ms_per_article'] / ana['ms_per_article']:.0%} of the analysis; "
                f"{grp['groups']} stories",
            )
        )
    inc = run_stage("incremental", shared, 181)
    rows.append(
        (
            "build, first run (no site)",
            181,
            1000 * inc["full_s"] / 181,
            inc["peak_mb"],
            f"{inc['full_s']:.1f} s",
        )
    )
    rows.append(
        (
            "build, re-run with nothing new",
            181,
            1000 * inc["rerun_s"] / 181,
            inc["peak_mb"],
            f"{inc['ratio']:.1%} of the first run; {inc['rerun_written']} pages rewritten",
        )
    )
    for n in stories:
        site = run_stage("site", shared, n)
        rows.append(
            (
                "site build (hubs + mkdocs + search index)",
                n,
                site["ms_per_story"],
                site["peak_mb"],
                f"{site['seconds']:.0f} s, site {site['site_mb']:.0f} MB",
            )
        )
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, "
        f"{dt.date.today().isoformat()}",
        "",
        "| stage | items | ms per item | items/s | peak MB | note |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for stage, n, ms, mb, note in rows:
        lines.append(f"| {stage} | {n:,} | {ms:.1f} | {1000 / ms:.1f} | {mb:.0f} | {note} |")
    table = "\n".join(lines)
    print(table)
    if out:
        out.write_text(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
