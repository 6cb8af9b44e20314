"""`nox -s bench`: throughput, incremental re-runs and site builds, with trafilatura as the
yardstick.

    python tests/bench.py SHARED [--articles 1000] [--stories 1000,10000,50000] [--out FILE]
    python tests/bench.py SHARED --site-only [--stories N,N] [--update-at N]   (the site stages)
    python tests/bench.py --content DIR COUNT [--update N]   (stage site's content, kept, unbuilt)
    python tests/bench.py SHARED --memory 500,1000,2000   (analysis memory with new words)

Analysis: the 181 pages of SHARED/corpus/aeb (repeated up to --articles), saved as files and given
to `digest analyze --json` (process pool, one worker per core, start-up included), against
trafilatura's own `bare_extraction` with metadata on the same pages in the same run. Incremental: a
full build of the 181 pages, then a re-run with nothing new. Site: synthetic stories rendered by
Digest, hub pages, `mkdocs build` and the search index. Each measurement runs in its own process, so
its peak memory is its own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import itertools
import json
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def corpus_pages(shared: Path, count: int, distinct: bool = False) -> list:
    """`count` pages: the corpus pages repeated with distinct URLs; with `distinct`, each page with
    a share of its words replaced by invented ones (distinct_words), so no two carry the same
    new words."""
    return list(iter_corpus_pages(shared, count, distinct))


def iter_corpus_pages(shared: Path, count: int, distinct: bool = False) -> Iterator[Any]:
    """`corpus_pages`, one at a time."""
    from digest.model import RawPage

    truth = json.loads((shared / "corpus/aeb/ground-truth.json").read_text())
    base = [
        (p.name.split(".")[0], gzip.decompress(p.read_bytes()))
        for p in sorted((shared / "corpus/aeb/html").glob("*.html.gz"))
    ]
    for i in range(count):
        page_id, html = base[i % len(base)]
        url = truth[page_id]["url"] + (f"?copy={i // len(base)}" if i >= len(base) else "")
        content = distinct_words(html, i) if distinct else html
        yield RawPage(f"{page_id}-{i}", content, url=url)


NEW_WORD_SHARE = 0.25  # of the words of 4 letters or more, in distinct mode
_WORD = re.compile(rb"(?<![&#\w])[A-Za-z]{4,}(?![\w;])")
_SKIPPED = re.compile(rb"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<[^>]*>)", re.I | re.S)


def distinct_words(html: bytes, seed: int) -> bytes:
    """The page with NEW_WORD_SHARE of the words of its text (outside tags, scripts and styles)
    replaced by invented ones: random letter strings, drawn from a generator seeded by `seed`,
    capitalised as the word they replace. Pages of different seeds share practically no new
    word, so spaCy's vocabulary and every cache keyed by words meet new text all the time."""
    rng = random.Random(seed)
    consonants, vowels = b"bcdfghjklmnpqrstvwxz", b"aeiouy"

    def invent(match: re.Match[bytes]) -> bytes:
        word = match.group()
        if rng.random() >= NEW_WORD_SHARE:
            return word
        letters = bytes(
            rng.choice(vowels if k % 2 else consonants) for k in range(rng.randint(6, 11))
        )
        return letters.capitalize() if word[:1].isupper() else letters

    parts = _SKIPPED.split(html)  # text at even indexes, tags (and scripts, styles) at odd
    return b"".join(part if k % 2 else _WORD.sub(invent, part) for k, part in enumerate(parts))


# -- stages, each run in a child process ---------------------------------------------------------


def stage_trafilatura(shared: Path, count: int, distinct: bool = False) -> dict:
    import trafilatura

    pages = corpus_pages(shared, count, distinct)
    start = time.perf_counter()
    for page in pages:
        trafilatura.bare_extraction(page.content, url=page.url, with_metadata=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "ms_per_article": 1000 * seconds / count, "peak_mb": peak_mb()}


def stage_analysis(shared: Path, count: int, distinct: bool = False) -> dict:
    """`digest analyze --json PAGE...` over the pages saved as files, run as a user would (its
    start-up included). Each worker reports its cache sizes (runner.MEMORY_REPORT); `workers_seen`
    counts the processes that ran tasks, `vocab` and the other sizes are the largest a worker
    reported (after its first task and every runner.REPORT_EVERY tasks), `rss_mb` its resident
    memory then and `peak_mb` the largest process's peak."""
    folder = Path(tempfile.mkdtemp(prefix="digest-bench-"))
    reports = folder / "memory"
    reports.mkdir()
    files = saved_pages(shared, count, distinct, folder)
    with open(folder / "out.jsonl", "wb") as out:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "digest", "analyze", "--json", *map(str, files)],
            stdout=out,
            stderr=subprocess.PIPE,
            cwd=folder,
            env={**os.environ, "PYTHONPATH": str(ROOT), "DIGEST_MEMORY_REPORT": str(reports)},
        )
        seconds = time.perf_counter() - start
    analysed = len((folder / "out.jsonl").read_text().splitlines())
    workers = [json.loads(f.read_text()) for f in reports.glob("*.json")]
    shutil.rmtree(folder)
    if done.returncode not in (0, 1):  # 1: some pages are not articles, as in the corpus
        raise SystemExit(done.stderr.decode()[-3000:])
    sizes = {
        key: max(w[key] for w in workers)
        for key in (
            "vocab",
            "strings",
            "lemmatizer_cache",
            "rule_words",
            "rule_rows",
            "max_rss_mb",
            "rss_mb",
        )
        if workers and all(key in w for w in workers)
    }
    return {
        "seconds": seconds,
        "ms_per_article": 1000 * seconds / count,
        "analysed": analysed,
        "workers": os.cpu_count(),
        "workers_seen": len(workers),
        "peak_mb": peak_mb(),
        **sizes,
    }


def saved_pages(shared: Path, count: int, distinct: bool, folder: Path) -> list[Path]:
    """The `corpus_pages` saved as files in `folder`, by a forked process of their own that holds
    one at a time: the stage's process never holds them, so the peak of its process tree is
    Digest's (2,000 distinct pages held here were 391 MB of it)."""
    import multiprocessing

    manifest = folder / "files.txt"
    writer = multiprocessing.get_context("fork").Process(
        target=_save_pages, args=(shared, count, distinct, folder, manifest)
    )
    writer.start()
    writer.join()
    if writer.exitcode != 0:
        raise SystemExit(f"writing the bench's pages failed (exit code {writer.exitcode})")
    return [Path(line) for line in manifest.read_text().splitlines()]


def _save_pages(shared: Path, count: int, distinct: bool, folder: Path, manifest: Path) -> None:
    files = []
    for page in iter_corpus_pages(shared, count, distinct):  # one held at a time
        files.append(folder / f"{page.source}.html")
        files[-1].write_bytes(page.content)
    manifest.write_text("".join(f"{f}\n" for f in files))


def stage_trafilatura_distinct(shared: Path, count: int) -> dict:
    return stage_trafilatura(shared, count, distinct=True)


def stage_analysis_distinct(shared: Path, count: int) -> dict:
    """stage_analysis over pages that carry new words (distinct_words)."""
    return stage_analysis(shared, count, distinct=True)


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


SYLLABLES = "ka lo mi ner tu va sel dor an pre mon tra vik el sur ben cal ost rin hal".split()
VOCABULARY = 20000  # the synthetic stories' words: Zipf-distributed, like a language's
PEOPLE = 2000  # actors, also Zipf-distributed: a few in many stories, most in few


def _words(n: int, rng: random.Random) -> list[str]:
    out: dict[str, None] = {}
    while len(out) < n:
        out["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(out)


def _vocabulary(rng: random.Random) -> tuple[list[str], list[str]]:
    """The synthetic words and people, most frequent first."""
    vocabulary = _words(VOCABULARY, rng)
    firsts, lasts = _words(50, rng), _words(PEOPLE // 50, rng)
    people = [f"{f.title()} {last.title()}" for last in lasts for f in firsts]
    rng.shuffle(people)
    return vocabulary, people


def search_query() -> str:
    """A search a reader would make: the full name of the tenth most covered person."""
    return _vocabulary(random.Random(1))[1][9]


def synthetic_stories(count: int, changed: int = 0, added: int = 0) -> dict:
    """`count` synthetic briefings by path, 15 a day from 2026-01-01, their ~700 words and their
    actors drawn from Zipf distributions (VOCABULARY words, PEOPLE people), so the search index
    and the actor pages grow as a real archive's would; with `changed` of them changed (a sentence
    more in the summary, same path) among the stories of the last 7 days (only those can gain
    articles: a new article joins a story within its window) and `added` new ones, all of the day
    after the last: a day's update."""
    from digest.model import Actor, Article, Briefing, Quote, TimeRef
    from digest.stories.address import new_story_path

    rng = random.Random(1)
    vocabulary, people = _vocabulary(rng)
    word_weights = list(itertools.accumulate(1 / (r + 1) ** 1.1 for r in range(VOCABULARY)))
    people_weights = list(itertools.accumulate(1 / (r + 20) for r in range(len(people))))
    words = ["harbour", "council", "minister", "vote", "strike", "court", "ruling", "launch"]
    places = ["Port Calloway", "Brackenford", "Lindmoor", "Esterholt", "Northreach", "Eastquay"]
    start_day = dt.date(2026, 1, 1)
    taken: set[str] = set()
    pages: dict = {}
    recent = min(count, 7 * 15)  # the stories of the last 7 days
    to_change = {count - 1 - k * max(1, recent // max(1, changed)) for k in range(changed)}
    for i in range(count + added):
        day = start_day + dt.timedelta(days=i // 15 if i < count else (count - 1) // 15 + 1)
        cast: list[str] = []
        while len(cast) < 4:
            name = rng.choices(people, cum_weights=people_weights)[0]
            if name not in cast:
                cast.append(name)
        text = " ".join(rng.choices(vocabulary, cum_weights=word_weights, k=700))
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
        if i in to_change:
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


def publish_stories(folder: Path, pages: dict) -> Any:
    """Digest's story and hub pages into folder/content (a file is rewritten only if it changed);
    what publishing did (`Published`)."""
    from digest.publish import publish

    errors: list[object] = []
    done = publish(folder / "content", "stories", pages, lambda path: None, None, errors.append)
    assert not errors, errors[:3]
    return done


def stage_site_content(folder: Path, count: int) -> dict:
    """The content of a `count`-story site (story and hub pages, written by Digest) in `folder`,
    not built: what a digest holds before `build_site` runs."""
    folder.mkdir(parents=True)
    site_folder(folder)
    start = time.perf_counter()
    written = publish_stories(folder, synthetic_stories(count)).written
    from digest.publish.index import read_stories

    read_stories(folder / "content", "stories")  # the index cache, as the last run leaves it
    return {"written": len(written), "seconds": time.perf_counter() - start, "peak_mb": peak_mb()}


def _site_bytes(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def stage_site(folder: Path, count: int) -> dict:
    """A full build of the site in `folder` (`build_site`: mkdocs --strict, the feeds, every
    search shard), as from a fresh clone; its peak memory includes Pagefind's."""
    from digest.publish.mkdocs_build import build_site

    os.chdir(folder)
    start = time.perf_counter()
    build_site(folder / "mkdocs.yml", incremental=False)
    seconds = time.perf_counter() - start
    size, files = _site_bytes(folder / "site")
    story = [p.stat().st_size for p in (folder / "site" / "stories").glob("*/index.html")]
    return {
        "seconds": seconds,
        "ms_per_story": 1000 * seconds / count,
        "site_mb": size / 2**20,
        "files": files,
        "story_page_kb": sum(story) / len(story) / 1024,
        "peak_mb": peak_mb(),
    }


UPDATE_ADDED, UPDATE_CHANGED = 100, 20  # a day's update of a busy digest


def stage_site_update(folder: Path, count: int) -> dict:
    """A day's update of the built site in `folder`: Digest publishes UPDATE_ADDED new stories and
    UPDATE_CHANGED changed ones (the index of every story read back, the changed hub pages written),
    then `build_site` builds what changed. Then a full build of the same content, timed the same
    way, and whether the two sites are the same, byte for byte."""
    from digest.publish.mkdocs_build import build_site

    os.chdir(folder)
    start = time.perf_counter()
    update = synthetic_stories(count, UPDATE_CHANGED, UPDATE_ADDED)
    made = time.perf_counter() - start  # the bench's own synthetic briefings: not timed
    start = time.perf_counter()
    news = {
        p: b
        for i, (p, b) in enumerate(update.items())
        if i >= count or "later report" in str(b.summary)
    }
    done = publish_stories(folder, news)
    written = done.written
    published = time.perf_counter() - start
    build_site(folder / "mkdocs.yml", stories=done.stories)  # as `digest build` passes them
    update_s = time.perf_counter() - start
    shutil.copytree(folder / "site", folder / "site-daily")
    start = time.perf_counter()
    build_site(folder / "mkdocs.yml", incremental=False)
    full_s = time.perf_counter() - start
    daily, full = folder / "site-daily", folder / "site"
    same = sorted(p.relative_to(daily) for p in daily.rglob("*") if p.is_file()) == sorted(
        p.relative_to(full) for p in full.rglob("*") if p.is_file()
    ) and all(
        (full / p.relative_to(daily)).read_bytes() == p.read_bytes()
        for p in daily.rglob("*")
        if p.is_file()
    )
    shutil.rmtree(daily)
    return {
        "stories_written": len(written),
        "publish_s": published,
        "update_s": update_s,
        "full_s": full_s,
        "ratio": update_s / full_s,
        "same_bytes": same,
        "synthetic_s": made,
        "peak_mb": peak_mb(),
    }


def stage_search(folder: Path, count: int) -> dict:
    """What a search costs a reader: the built site in `folder` served on 127.0.0.1, its search
    page opened in Chromium, `search_query()` typed, results awaited; the bytes of every file the
    page and the query loaded (the Pagefind index files are compressed already; text files are
    counted gzipped, as GitHub Pages sends them)."""
    import gzip as gz
    import http.server
    import threading
    from functools import partial

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.conftest import CHROMIUM, CHROMIUM_ARGS

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    site = folder / "site"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    loaded: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page()
            base = f"http://127.0.0.1:{server.server_address[1]}"
            page.on("response", lambda r: loaded.append(r.url))
            page.goto(f"{base}/search/")
            page.wait_for_load_state("networkidle")
            page.fill(".pagefind-ui__search-input", search_query())
            page.wait_for_selector(".pagefind-ui__result", timeout=60000)
            page.wait_for_load_state("networkidle")
            results = page.locator(".pagefind-ui__result").count()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    from urllib.parse import urlsplit

    raw = zipped = 0
    paths = {urlsplit(u).path for u in loaded}
    sizes = {}
    for path in paths:
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            continue
        data = file.read_bytes()
        raw += len(data)
        text = file.suffix in {".html", ".js", ".css", ".json"}
        sizes[path] = len(gz.compress(data)) if text else len(data)
        zipped += sizes[path]
    largest = sorted(sizes.items(), key=lambda kv: -kv[1])[:6]
    return {
        "largest": [f"{p} {n / 1024:.0f} KB" for p, n in largest],
        "query": search_query(),
        "results": results,
        "files": len(paths),
        "raw_kb": raw / 1024,
        "sent_kb": zipped / 1024,
        "peak_mb": peak_mb(),
    }


def write_content(folder: Path, count: int, update: int) -> None:
    """`--content DIR COUNT [--update N]`: the site folder of stage `site` kept in DIR, not built,
    so that other builders (or `mkdocs build --dirty`) can be timed on it; with --update, DIR
    already holds COUNT stories and N of them change and N are added, as a day's update would."""
    if update:
        written = publish_stories(folder, synthetic_stories(count, update, update)).written
        print(json.dumps({"written": len(written)}))
        return
    folder.mkdir(parents=True)
    site_folder(folder)
    written = publish_stories(folder, synthetic_stories(count)).written
    print(json.dumps({"written": len(written)}))


STAGES = {
    "trafilatura": stage_trafilatura,
    "analysis": stage_analysis,
    "trafilatura-distinct": stage_trafilatura_distinct,
    "analysis-distinct": stage_analysis_distinct,
    "incremental": stage_incremental,
    "grouping": stage_grouping,
    "site_content": stage_site_content,
    "site": stage_site,
    "site_update": stage_site_update,
    "search": stage_search,
}


def run_stage(name: str, shared: Path, count: int) -> dict:
    """The stage in a process of its own; its figures, with `peak_mb` the larger of what it
    measured itself (its own peak, or its largest child's) and the peak of the resident memory
    of its whole process tree at once, sampled every 0.2 s (MkDocs and Pagefind run in
    processes of their own, the parent's memory still held meanwhile)."""
    import threading

    import psutil  # with dask[distributed], of the test extra

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        command = [sys.executable, __file__, "--stage", name, str(shared), str(count)]
        proc = subprocess.Popen(command, stdout=out, stderr=err, text=True, cwd=ROOT)
        peak = [0]

        def sample() -> None:
            root = psutil.Process(proc.pid)
            while proc.poll() is None:
                try:
                    tree = [root, *root.children(recursive=True)]
                    total = 0
                    for member in tree:
                        with contextlib.suppress(psutil.Error):
                            total += member.memory_info().rss
                    peak[0] = max(peak[0], total)
                except psutil.Error:
                    pass
                time.sleep(0.2)

        watcher = threading.Thread(target=sample, daemon=True)
        watcher.start()
        proc.wait()
        watcher.join()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(f"stage {name} ({count}) failed:\n{stderr[-3000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["peak_mb"] = max(result.get("peak_mb", 0), peak[0] / 2**20)
    return result


def memory_table(shared: Path, sizes: list[int]) -> str:
    """`--memory 500,1000,2000`: the analysis over the repeated corpus and over pages that carry
    new words, each against trafilatura on the same pages in the same run: time, peak memory
    (workers included) and what grows with new words in a worker."""
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {dt.date.today().isoformat()}, "
        f"load average {os.getloadavg()[0]:.1f} at the start",
        "",
        "| pages | mode | trafilatura ms | digest ms | ratio | peak MB | worker RSS at end MB "
        "| vocab | strings | lemmatizer cache | rule words | rule rows | workers |",
        "| ---: | --- |" + " ---: |" * 11,
    ]
    for n in sizes:
        for mode, suffix in (("repeated", ""), ("distinct", "-distinct")):
            traf = run_stage("trafilatura" + suffix, shared, n)
            ana = run_stage("analysis" + suffix, shared, n)
            ratio = ana["ms_per_article"] / traf["ms_per_article"]
            lines.append(
                f"| {n:,} | {mode} | {traf['ms_per_article']:.1f} | {ana['ms_per_article']:.1f} "
                f"| {ratio:.2f}× | {ana['peak_mb']:.0f} | {ana.get('rss_mb', 0):.0f} "
                f"| {ana.get('vocab', 0):,} "
                f"| {ana.get('strings', 0):,} | {ana.get('lemmatizer_cache', 0):,} "
                f"| {ana.get('rule_words', 0):,} | {ana.get('rule_rows', 0):,} "
                f"| {ana['workers_seen']} |"
            )
            print(lines[-1], file=sys.stderr, flush=True)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--content"]:
        update = int(argv[argv.index("--update") + 1]) if "--update" in argv else 0
        write_content(Path(argv[1]), int(argv[2]), update)
        return 0
    if argv[:1] == ["--stage"]:
        print(json.dumps(STAGES[argv[1]](Path(argv[2]), int(argv[3]))))
        return 0
    shared = Path(argv[0]) if argv else ROOT.parent / "shared"
    if "--memory" in argv:
        table = memory_table(shared, [int(n) for n in argv[argv.index("--memory") + 1].split(",")])
        print(table)
        return 0
    articles = int(argv[argv.index("--articles") + 1]) if "--articles" in argv else 1000
    stories = (
        [int(n) for n in argv[argv.index("--stories") + 1].split(",")]
        if "--stories" in argv
        else [1000, 10000, 50000]
    )
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else None
    if "--site-only" in argv:
        update_at = int(argv[argv.index("--update-at") + 1]) if "--update-at" in argv else UPDATE_AT
        return print_table(site_rows(stories, update_at), out)
    rows = []
    # this machine's speed drifts by a third from one minute to the next (trafilatura 30 then 43 ms
    # a page), so the yardstick runs before, between and after two runs of the analysis over
    # `articles` pages, and the ratio is of their means: a drift then moves both sides alike
    yard = [run_stage("trafilatura", shared, articles)]
    analyses = [run_stage("analysis", shared, n) for n in sorted({181, articles})]
    yard.append(run_stage("trafilatura", shared, articles))
    again = run_stage("analysis", shared, articles)
    yard.append(run_stage("trafilatura", shared, articles))
    yardstick = statistics.mean(y["ms_per_article"] for y in yard)
    rows.append(
        (
            "trafilatura bare_extraction (yardstick)",
            articles,
            yardstick,
            max(y["peak_mb"] for y in yard),
            "mean of " + " / ".join(f"{y['ms_per_article']:.1f}" for y in yard) + " ms",
        )
    )
    for n, ana in zip(sorted({181, articles}), analyses):
        runs = [ana, again] if n == articles else [ana]
        ms = statistics.mean(r["ms_per_article"] for r in runs)
        rows.append(
            (
                f"digest analysis, {ana['workers']} processes",
                n,
                ms,
                max(r["peak_mb"] for r in runs),
                f"{ms / yardstick:.2f}× trafilatura"
                + (
                    " (mean of " + " / ".join(f"{r['ms_per_article']:.1f}" for r in runs) + " ms)"
                    if len(runs) > 1
                    else ""
                ),
            )
        )
    ana = again
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
    rows += site_rows(stories)
    return print_table(rows, out)


UPDATE_AT = 10000  # the site size a day's update is measured on


def site_rows(sizes: list[int], update_at: int = UPDATE_AT) -> list[tuple]:
    """Per size: the content written (untimed), a full build, at UPDATE_AT a day's update against
    a full build, and at the largest size a search in Chromium."""
    rows: list[tuple] = []
    done = 0
    for n in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"digest-site-{n}-")) / "site-folder"
        try:
            run_stage("site_content", folder, n)
            site = run_stage("site", folder, n)
            rows.append(
                (
                    "site build, full (mkdocs + feeds + search shards)",
                    n,
                    site["ms_per_story"],
                    site["peak_mb"],
                    f"{site['seconds']:.0f} s; site {site['site_mb']:.0f} MB, "
                    f"{1024 * site['site_mb'] / n:.1f} KB a story; "
                    f"a story page {site['story_page_kb']:.1f} KB",
                )
            )
            if n == update_at:
                up = run_stage("site_update", folder, n)
                rows.append(
                    (
                        f"a day's update: {UPDATE_ADDED} new + {UPDATE_CHANGED} changed stories",
                        n,
                        1000 * up["update_s"] / (UPDATE_ADDED + UPDATE_CHANGED),
                        up["peak_mb"],
                        f"{up['update_s']:.1f} s (publishing {up['publish_s']:.1f} s) = "
                        f"**{up['ratio']:.1%}** of a full build ({up['full_s']:.0f} s); "
                        f"same bytes as the full build: {'yes' if up['same_bytes'] else 'NO'}",
                    )
                )
            if n == max(sizes):
                found = run_stage("search", folder, n)
                rows.append(
                    (
                        f"a search in Chromium ({found['query']!r})",
                        n,
                        float("nan"),
                        found["peak_mb"],
                        f"**{found['sent_kb']:.0f} KB** sent gzipped ({found['raw_kb']:.0f} KB "
                        f"as files), {found['files']} files, {found['results']} results shown; "
                        f"largest: {', '.join(found['largest'])}",
                    )
                )
            for row in rows[done:]:  # as they come: a long run shows its figures early
                print(" | ".join(map(str, row)), file=sys.stderr, flush=True)
            done = len(rows)
        finally:
            shutil.rmtree(folder.parent, ignore_errors=True)
    return rows


def print_table(rows: list[tuple], out: Path | None) -> int:
    lines = [
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, "
        f"{dt.date.today().isoformat()}",
        "",
        "| stage | items | ms per item | items/s | peak MB | note |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for stage, n, ms, mb, note in rows:
        speed = f"{ms:.1f} | {1000 / ms:.1f}" if ms == ms else "– | –"  # nan: not a rate
        lines.append(f"| {stage} | {n:,} | {speed} | {mb:.0f} | {note} |")
    table = "\n".join(lines)
    print(table)
    if out:
        out.write_text(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
