"""The search index: Pagefind, in shards, each run again only when its pages changed.

One Pagefind index over a whole archive grows with it (849 MB of memory at 10,000 stories) and
must be made again from every page after any change. So the index is cut in shards: the story
pages of one year (of one month, for a year with more than SHARD_PAGES stories) in
`pagefind-<year>/`, and the other indexed pages (actors) in `pagefind/`, the bundle that also
holds Pagefind's UI. A shard is indexed again only when the set of its HTML files, their sizes
or their times changed since it was last indexed. The browser searches every shard at once:
`pagefind/digest-bundles.js` lists them and `assets/digest-search.js` merges them (Pagefind's
`mergeIndex`; a merged shard loads no second copy of Pagefind's code).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping
from pathlib import Path

from ..errors import BuildError
from ..files import write_if_changed

PRIMARY = "pagefind"  # Pagefind's default bundle: its UI, and the pages outside story shards
BUNDLES_JS = f"{PRIMARY}/digest-bundles.js"
SHARD_PAGES = 6000  # a year with more story pages than this is cut in months
# Pagefind's allocator (jemalloc, read through this variable) hands freed pages back at once
# instead of keeping them ~10 s: the same index, ~20% less peak memory.
PAGEFIND_ENV = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"}
MARK = b"data-pagefind-body"  # a page marked for search (site_config/overrides/main.html)
_DATED = re.compile(r"(\d{4})-(\d{2})-")  # a story folder's date: year, month


def shards(site: Path, stories_dir: str) -> dict[str, list[str]]:
    """Each bundle folder → the HTML files it indexes (relative to `site`, sorted). The primary
    bundle holds the pages outside the stories folder (actors) and the newest month's stories,
    which change on most runs anyway; the other story pages are indexed by year (by month for a
    year with more than SHARD_PAGES stories), so a day's update indexes the primary bundle again
    and, once a month, the year its stories move to."""
    stories = site / stories_dir
    pages = sorted(p.relative_to(site).as_posix() for p in stories.glob("*/index.html"))
    months = sorted({m.group(0) for p in pages if (m := _DATED.match(p.split("/")[-2]))})
    newest = months[-1] if months else None
    years = Counter(m.group(1) for p in pages if (m := _DATED.match(p.split("/")[-2])))
    out: dict[str, list[str]] = {PRIMARY: []}
    for page in pages:
        m = _DATED.match(page.split("/")[-2])
        if m and m.group(0) == newest:
            key = PRIMARY
        elif not m:
            key = f"{PRIMARY}-undated"
        elif years[m.group(1)] <= SHARD_PAGES:
            key = f"{PRIMARY}-{m.group(1)}"
        else:
            key = f"{PRIMARY}-{m.group(1)}-{m.group(2)}"
        out.setdefault(key, []).append(page)
    for top in site.iterdir():  # the other pages: outside the stories and the bundles
        if top == stories or top.name.startswith(PRIMARY):
            continue
        found = top.rglob("*.html") if top.is_dir() else [top] if top.suffix == ".html" else []
        out[PRIMARY] += [p.relative_to(site).as_posix() for p in found]
    return {PRIMARY: sorted(out.pop(PRIMARY)), **dict(sorted(out.items()))}


def fingerprint(site: Path, files: list[str]) -> str:
    """What a shard was indexed from: its files' names, sizes and modification times."""
    digest = hashlib.sha256()
    for rel in files:
        info = (site / rel).stat()
        digest.update(f"{rel}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def index_shards(site: Path, stories_dir: str, before: Mapping[str, str]) -> dict[str, str]:
    """Index the shards whose pages changed since `before` (bundle → fingerprint, from the last
    run), remove the bundles of shards that are gone, write the list of bundles; the fingerprints
    now."""
    try:
        import pagefind  # noqa: F401  (only to say clearly when it is missing)
    except ImportError as err:
        raise BuildError(
            "Pagefind is not installed: pip install 'pagefind[bin]' (or set extra.search: "
            "material)",
            str(site),
        ) from err
    now: dict[str, str] = {}
    trash = site.parent / f".{site.name}-old-search"  # outside the site: never published
    shutil.rmtree(trash, ignore_errors=True)
    for bundle, files in shards(site, stories_dir).items():
        now[bundle] = fingerprint(site, files)
        if before.get(bundle) != now[bundle] or not (site / bundle).is_dir():
            _index(site, bundle, files, stories_dir, trash)
    for old in site.glob(f"{PRIMARY}-*"):
        if old.name not in now:
            _move_away(old, trash)
    write_if_changed(site / BUNDLES_JS, bundles_js([b for b in now if (site / b).is_dir()]))
    shutil.rmtree(trash, ignore_errors=True)
    return now


def _move_away(bundle: Path, trash: Path) -> None:
    """A bundle that is gone out of the site, into `trash`, to be deleted once the indexing is
    done: deleting thousands of files just before Pagefind writes thousands more made Pagefind
    two to three times slower (see `_scratch`)."""
    if bundle.exists():  # once a run at most: `trash` is emptied when a run starts
        trash.mkdir(exist_ok=True)
        bundle.rename(trash / bundle.name)


RECENT_YEARS = 2  # a search covers the shards of the newest two years; the reader may ask for all


def bundles_js(bundles: list[str]) -> str:
    """pagefind/digest-bundles.js: the shards besides the primary one, newest first, each with
    its year and whether a search covers it at first (RECENT_YEARS), and the years there are."""
    years = {b: b.removeprefix(f"{PRIMARY}-")[:4] for b in bundles if b != PRIMARY}
    dated = sorted(y for y in years.values() if y.isdigit())
    newest = int(dated[-1]) if dated else 0
    listed = [
        {
            "path": f"{b}/",
            "year": year,
            "recent": not year.isdigit() or int(year) > newest - RECENT_YEARS,
        }
        for b, year in sorted(years.items(), key=lambda item: item[0], reverse=True)
    ]
    data = {"bundles": listed, "first": dated[0] if dated else None}
    return (
        "// The search shards the search box merges (digest/publish/search_index.py).\n"
        f"window.DIGEST_SEARCH = {json.dumps(data)};\n"
    )


# What a merged shard needs: its index. Pagefind's code, UI and WebAssembly come from the primary.
SHARD_KEEPS = ("pagefind-entry.json", "index", "fragment", "filter")
ENTRY_FILES = ("pagefind-entry.json",)  # with the .pf_meta files: what names the other files


def _index(site: Path, bundle: str, files: list[str], stories_dir: str, trash: Path) -> None:
    """Pagefind over `files` into site/<bundle>/, made anew. A shard none of whose pages is marked
    for search (data-pagefind-body) gets no bundle (Pagefind would index whole pages); the primary
    one then indexes the whole site, as Pagefind alone does (a digest with no stories yet). A
    bundle that exists already is written elsewhere first and only its changed files copied in
    (`_update_bundle`); a new one is written in place (if that fails, the build fails and leaves
    no build record, so the next run indexes every shard again)."""
    target = site / bundle
    marked = [rel for rel in files if MARK in (site / rel).read_bytes()]
    if not marked and bundle != PRIMARY:
        _move_away(target, trash)
        return
    args = ["--glob", _glob(marked, stories_dir)] if marked else []
    if not target.is_dir():
        _pagefind(site, bundle, args, target)
        return
    with tempfile.TemporaryDirectory(prefix="digest-search-", dir=_scratch(target)) as scratch:
        output = Path(scratch) / bundle
        _pagefind(site, bundle, args, output)
        _update_bundle(output, target)


def _pagefind(site: Path, bundle: str, args: list[str], output: Path) -> None:
    """Pagefind over the pages `args` name, into `output`; a shard's bundle keeps only its index
    (SHARD_KEEPS)."""
    done = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), *args]
        + ["--output-path", str(output), "--silent"],
        capture_output=True,
        text=True,
        env={**PAGEFIND_ENV, **os.environ},
    )
    if done.returncode != 0:
        raise BuildError(
            f"Pagefind failed on {bundle}: {(done.stderr or done.stdout).strip()[-300:]}",
            str(site),
        )
    if bundle != PRIMARY:
        for item in output.iterdir():
            if item.name not in SHARD_KEEPS and not item.name.endswith(".pf_meta"):
                item.unlink()


def _scratch(bundle: Path) -> str | None:
    """Where Pagefind writes a bundle that exists already: memory (/dev/shm) where there is one
    with room for twice the bundle, else the system's temporary folder. On this machine's disk
    (ext4 with online discard), Pagefind creating the 2,500 files of a 10,000-story site's primary
    bundle right after a build had replaced and deleted files took 2.9 s (its threads spent 3.2 s
    in the kernel); into memory 1.3 s."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        return None
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    return str(shm) if shutil.disk_usage(shm).free > 2 * size + 2**26 else None


def _update_bundle(new: Path, target: Path) -> None:
    """`target` made the same as `new`, file for file, by writing only the files that differ and
    deleting those `new` has not (but digest-bundles.js, which is written after). Pagefind names
    most files by their content, so a day's update copies a few hundred of thousands. The files
    that name the others (the entry and the metadata) are copied last."""
    keep = {target / BUNDLES_JS.split("/", 1)[1]} if target.name == PRIMARY else set()
    wanted = {p.relative_to(new) for p in new.rglob("*") if p.is_file()}
    for rel in sorted(wanted, key=lambda r: (r.name in ENTRY_FILES or r.suffix == ".pf_meta", r)):
        data, here = (new / rel).read_bytes(), target / rel
        if not here.is_file() or here.stat().st_size != len(data) or here.read_bytes() != data:
            here.parent.mkdir(parents=True, exist_ok=True)
            here.write_bytes(data)
    for path in sorted(target.rglob("*"), reverse=True):  # files before their folders
        if path.is_file() and path.relative_to(target) not in wanted and path not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _glob(marked: list[str], stories_dir: str) -> str:
    """A glob Pagefind expands to the `marked` pages of a shard and few others: story pages by the
    months in their folder names (stories/2026-03-*/index.html; a month is never in two shards; an
    undated page by its name), other pages by their top folder and depth (actors/*/*.html: an
    actor's page, not its older pages, actors/x/2/index.html, which are out of search). Pagefind
    reads every page its glob matches, marked or not: at 50,000 stories a glob of whole folders
    made it read 222 MB of listings, 40 s and 1.3 GB, for the index it makes from 8.7 s and 614
    MB with this one."""
    names = [f.split("/")[-2] for f in marked if f.startswith(f"{stories_dir}/")]
    months = sorted({m.group(0) + "*" if (m := _DATED.match(n)) else n for n in names})
    globs = [f"{stories_dir}/{month}/index.html" for month in months]  # undated: by name
    others = {
        (f.split("/")[0], f.count("/")) for f in marked if not f.startswith(f"{stories_dir}/")
    }
    globs += [
        top if depth == 0 else f"{top}/{'*/' * (depth - 1)}*.html" for top, depth in sorted(others)
    ]
    return "{" + ",".join(globs) + "}" if len(globs) > 1 else "".join(globs)
