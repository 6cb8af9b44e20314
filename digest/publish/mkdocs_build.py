"""The site: `mkdocs build --strict` over the content folder, then the feeds and Pagefind's search
index.

MkDocs runs only when something the site is built from changed since it was last built, and then
only over what changed: a page whose Markdown is what it was at the last build is not rendered
again (MkDocs' dirty build, steered by content hashes instead of file times), the pages of removed
Markdown files are removed, and only the search shards whose pages changed are indexed again
(`search_index.py`). This is right because every page's HTML depends only on its own Markdown and
on what the build stamp covers (mkdocs.yml with the nav, the theme overrides, our plugin, the
versions of MkDocs, Material and Pagefind, SITE_URL): Digest writes the hub pages and tag
listings itself and rewrites every page whose links change. When the stamp differs, or no record
of the last build is found, the site is built from nothing. The record (`.site-build.json` beside
the site folder, never published) lists each page's hash and output, and each shard's
fingerprint; it is removed before a build and written after one succeeds, so a build that fails
half-way is followed by a full one.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from ..errors import BuildError
from ..files import write_atomic
from . import mkdocs_plugin, search_index
from .feeds import write_feeds
from .frontmatter import StoryEntry
from .index import newest_first, read_stories

RECORD_FORMAT = 2
DIRTY_WARNING = "A 'dirty' build is being performed"  # MkDocs' warning, dropped (see _Quiet)


def record_path(site_dir: Path) -> Path:
    """The record of the last build of `site_dir`: beside it, so it is never published."""
    return site_dir.parent / f".{site_dir.name}-build.json"


def build_site(
    mkdocs_config: Path,
    site_dir: Path | None = None,
    *,
    incremental: bool = True,
    quick: str | None = None,
    stories: Sequence[StoryEntry] | None = None,
) -> Path:
    """`mkdocs build --strict` (a warning, such as a broken link, fails it), then the search index
    and the feeds; with `incremental`, only what changed since the last build recorded (`quick`:
    build_site_if_changed's stamp, recorded with it; `stories`: the feeds' stories
    (`feeds.feed_items`) when publishing has them, else read from the pages)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not mkdocs_config.exists():
        raise BuildError("MkDocs config not found; set output.mkdocs_config", str(mkdocs_config))
    try:
        options = {"site_dir": str(site_dir)} if site_dir else {}
        config = load_config(str(mkdocs_config), strict=True, **options)
    except MkDocsException as err:
        raise BuildError(f"MkDocs build failed: {err}", str(mkdocs_config)) from err
    if config["plugins"].get("digest") is None:
        raise BuildError(
            "mkdocs.yml must list the digest plugin under plugins (`- digest`): without it "
            "Material prints headlines from the sources as HTML",
            str(mkdocs_config),
        )
    out, docs = Path(config["site_dir"]), Path(config["docs_dir"])
    record_file = record_path(out)
    stamp = build_stamp(mkdocs_config, config)
    before = _read_record(record_file) if incremental and out.is_dir() else None
    pages, stats = page_hashes(docs, before)
    dirty = before is not None and before.get("stamp") == stamp
    record_file.unlink(missing_ok=True)  # a build that stops half-way leaves no record
    unchanged = None
    if dirty:
        assert before is not None
        old = before.get("pages", {})
        unchanged = sorted(p for p, h in pages.items() if old.get(p) == h)
        _remove_outputs(out, before.get("outputs", {}), keep=pages)
    give_back_memory()  # what publishing let go of, before MkDocs and Pagefind take theirs
    run_mkdocs(mkdocs_config, site_dir, dirty, unchanged)
    stories_dir = str(config["extra"].get("stories_dir", "stories"))
    shards: dict[str, str] = {}
    if search_engine(config["extra"]) == "pagefind":  # first: the stories read below are big
        shards = search_index.index_shards(
            out, stories_dir, (before or {}).get("shards", {}) if dirty else {}
        )
    if stories is None:  # publishing named the pages it could not read
        stories = read_stories(docs, stories_dir, on_error=lambda err: None)
    write_feeds(out, config["site_url"], config["site_name"], newest_first(stories))
    record = {
        "format": RECORD_FORMAT,
        "stamp": stamp,
        "pages": pages,
        "stats": stats,
        "outputs": {p: _output(config, p) for p in pages},
        "shards": shards,
        "quick": quick,
    }
    write_atomic(record_file, json.dumps(record, sort_keys=True).encode())
    return out


def give_back_memory() -> None:
    """Collect garbage, then hand the C library's free memory back to the system (glibc's
    malloc_trim; nothing elsewhere): Python keeps what it freed otherwise, and the build's
    other processes would come on top of it."""
    gc.collect()
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # another C library (musl)
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def run_mkdocs(
    mkdocs_config: Path, site_dir: Path | None, dirty: bool, unchanged: list[str] | None
) -> None:
    """`mkdocs build --strict` (dirty: only the files not `unchanged`, see the plugin) in a
    process of its own, so that the memory MkDocs holds (834 MB at 50,000 stories, which Python
    keeps once it has it) is the system's again before Pagefind runs. Its warnings go to stderr
    as it goes; a failure is a BuildError."""
    with tempfile.TemporaryDirectory(prefix="digest-mkdocs-") as tmp:
        job, failure = Path(tmp) / "job.json", Path(tmp) / "failure.txt"
        settings = {"config": str(mkdocs_config), "site_dir": site_dir and str(site_dir)}
        job.write_text(json.dumps({**settings, "dirty": dirty, "unchanged": unchanged}))
        package_root = str(Path(__file__).resolve().parents[2])  # digest/, installed or not
        path = os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
        done = subprocess.run(
            [sys.executable, "-m", f"{__package__}.mkdocs_child", str(job), str(failure)],
            env={**os.environ, "PYTHONPATH": path},
        )
        if done.returncode != 0:
            said = failure.read_text(encoding="utf-8") if failure.exists() else ""
            raise BuildError(
                said or f"MkDocs stopped with exit code {done.returncode}", str(mkdocs_config)
            )


def mkdocs_here(job_file: Path, failure: Path) -> int:
    """The MkDocs process of run_mkdocs: the build the job file describes; on failure, the
    message in `failure` and exit code 1."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    job = json.loads(job_file.read_text(encoding="utf-8"))
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("MkDocs %(levelname)s: %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs.commands.build").addFilter(_Quiet())
    try:
        options = {"site_dir": job["site_dir"]} if job["site_dir"] else {}
        config = load_config(job["config"], strict=True, **options)
        plugin = config["plugins"]["digest"]
        plugin.unchanged = None if job["unchanged"] is None else frozenset(job["unchanged"])
        build(config, dirty=job["dirty"])
    except MkDocsException as err:
        write_atomic(failure, f"MkDocs build failed: {err}".encode())
        return 1
    return 0


class _Quiet(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave pages wrong: ours are right by
    construction (the module's docstring), and in strict mode the warning would fail the build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


def build_stamp(mkdocs_config: Path, config: Any) -> str:
    """What every page's HTML depends on besides its own Markdown."""
    digest = hashlib.sha256(f"{RECORD_FORMAT}|{os.environ.get('SITE_URL')}".encode())
    digest.update(f"|{config['site_dir']}|{config['docs_dir']}|{sys.version_info[:2]}".encode())
    for package in ("mkdocs", "mkdocs-material", "pagefind", "markdown", "pymdown-extensions"):
        try:
            digest.update(f"|{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"|{package}=none".encode())
    digest.update(mkdocs_config.read_bytes())
    for module in (mkdocs_plugin, search_index):
        digest.update(Path(str(module.__file__)).read_bytes())
    custom = config["theme"].custom_dir
    for path in sorted(Path(custom).rglob("*")) if custom else ():
        if path.is_file():
            digest.update(f"{path.relative_to(custom)}\n".encode() + path.read_bytes())
    return digest.hexdigest()


def page_hashes(
    docs: Path, before: dict[str, Any] | None = None
) -> tuple[dict[str, str], dict[str, list[int]]]:
    """Each file of the docs folder (Markdown and assets) → the hash of its bytes, and its size
    and time: a file whose size and time are those `before` recorded keeps its hash unread."""
    old_hashes = (before or {}).get("pages", {})
    old_stats = (before or {}).get("stats", {})
    hashes, stats = {}, {}
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if any(part.startswith(".") for part in rel.split("/")) or not path.is_file():
            continue
        info = path.stat()
        stats[rel] = [info.st_size, info.st_mtime_ns]
        if old_stats.get(rel) == stats[rel] and rel in old_hashes:
            hashes[rel] = old_hashes[rel]
        else:
            hashes[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes, stats


def _output(config: Any, src: str) -> str:
    """Where MkDocs writes the file `src` of the docs folder, relative to the site."""
    if not src.endswith(".md"):
        return src
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index") or not config["use_directory_urls"]:
        return stem + ".html"
    return stem + "/index.html"


def _read_record(path: Path) -> dict[str, Any] | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and record.get("format") == RECORD_FORMAT else None


def _remove_outputs(site: Path, outputs: dict[str, str], keep: dict[str, str]) -> None:
    """The site's files made from docs files that are gone (a removed story, a dropped actor)."""
    for src, out in outputs.items():
        if src in keep:
            continue
        target = site / out
        target.unlink(missing_ok=True)
        folder = target.parent
        while folder != site and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def build_site_if_changed(
    mkdocs_config: Path,
    content_dir: Path,
    site_dir: Path | None,
    skip: str,
    stories: Sequence[StoryEntry] | None = None,
) -> Path | None:
    """MkDocs runs only when the pages, the theme or the settings changed since the site was last
    built (`skip`: a folder of content_dir the site is not built from, such as the store)."""
    quick = _quick_stamp(mkdocs_config, content_dir, site_dir, skip)
    site = site_dir
    if site is None:  # where mkdocs.yml puts the site
        try:
            configured = (
                yaml.load(mkdocs_config.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
            )
        except Exception:
            configured = {}
        site = mkdocs_config.parent / str(configured.get("site_dir", "site"))
    record = _read_record(record_path(site))
    if site.is_dir() and record is not None and record.get("quick") == quick:
        return None
    return build_site(mkdocs_config, site_dir, quick=quick, stories=stories)


def _quick_stamp(mkdocs_config: Path, content_dir: Path, site_dir: Path | None, skip: str) -> str:
    """Names, sizes and times of everything the site is built from, and the SITE_URL it is built
    for: when it is what the last build recorded, there is nothing to build."""
    digest = hashlib.sha256(f"{os.environ.get('SITE_URL')}|{site_dir}".encode())
    digest.update(
        Path(mkdocs_plugin.__file__).read_bytes()
    )  # a safer plugin rebuilds sites built before it
    overrides = mkdocs_config.parent / "site_config" / "overrides"
    files = [mkdocs_config, *sorted(content_dir.rglob("*")), *sorted(overrides.rglob("*"))]
    for path in files:
        if path.is_file() and skip not in path.parts:
            info = path.stat()
            digest.update(f"{path}|{info.st_size}|{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def search_engine(extra: dict[str, object]) -> str:
    """`extra.search` in mkdocs.yml: "pagefind" (the default) or "material" (Material's built-in
    search)."""
    return "material" if extra.get("search") == "material" else "pagefind"
