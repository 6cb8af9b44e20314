"""The site: `mkdocs build --strict` over the content folder, then the feeds and Pagefind's search
index.

MkDocs runs only when something the site is built from changed since it was last built.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
from pathlib import Path

import yaml

from ..errors import BuildError
from . import mkdocs_plugin
from .feeds import write_feeds
from .index import newest_first, read_stories

# Pagefind's allocator (jemalloc, read through this variable) hands freed pages back at once
# instead of keeping them ~10 s: the same index, ~20% less peak memory (10,000 stories: 849 MB
# instead of 1,057 MB).
PAGEFIND_ENV = {
    "_RJEM_MALLOC_CONF": "dirty_decay_ms:0,muzzy_decay_ms:0"
}  # a value set by the user wins


def build_site(mkdocs_config: Path, site_dir: Path | None = None) -> Path:
    """`mkdocs build --strict` (a warning, such as a broken link, fails it), then the feeds and the
    search index."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not mkdocs_config.exists():
        raise BuildError("MkDocs config not found; set output.mkdocs_config", str(mkdocs_config))
    handler = logging.StreamHandler()
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("MkDocs %(levelname)s: %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        options = {"site_dir": str(site_dir)} if site_dir else {}
        config = load_config(str(mkdocs_config), strict=True, **options)
        if "digest" not in config["plugins"]:
            raise BuildError(
                "mkdocs.yml must list the digest plugin under plugins (`- digest`): without it "
                "Material prints headlines from the sources as HTML",
                str(mkdocs_config),
            )
        build(config)
    except MkDocsException as err:
        raise BuildError(f"MkDocs build failed: {err}", str(mkdocs_config)) from err
    finally:
        logger.removeHandler(handler)
    out = Path(config["site_dir"])
    docs = Path(config["docs_dir"])
    stories_dir = str(config["extra"].get("stories_dir", "stories"))
    stories = newest_first(
        read_stories(docs, stories_dir, on_error=lambda err: None)
    )  # publishing named them
    write_feeds(out, config["site_url"], config["site_name"], stories)
    if search_engine(config["extra"]) == "pagefind":
        index_with_pagefind(out)
    return out


def build_site_if_changed(
    mkdocs_config: Path, content_dir: Path, site_dir: Path | None, skip: str
) -> Path | None:
    """MkDocs runs only when the pages, the theme or the settings changed since the site was last
    built (`skip`: a folder of content_dir the site is not built from, such as the store)."""
    stamp = _site_stamp(mkdocs_config, content_dir, site_dir, skip)
    marker = (site_dir or mkdocs_config.parent / "site") / ".digest-build"
    if site_dir is None:  # where mkdocs.yml puts the site
        try:
            configured = (
                yaml.load(mkdocs_config.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
            )
        except Exception:
            configured = {}
        marker = mkdocs_config.parent / str(configured.get("site_dir", "site")) / ".digest-build"
    if marker.exists() and marker.read_text() == stamp:
        return None
    built = build_site(mkdocs_config, site_dir)
    (built / ".digest-build").write_text(stamp)
    return built


def _site_stamp(mkdocs_config: Path, content_dir: Path, site_dir: Path | None, skip: str) -> str:
    """Names, sizes and times of everything the site is built from, and the SITE_URL it is built
    for."""
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


def index_with_pagefind(site: Path) -> None:
    """Pagefind's chunked index into site/pagefind/ (pages marked data-pagefind-body: stories and
    actors)."""
    try:
        import pagefind  # noqa: F401  (only to say clearly when it is missing)
    except ImportError as err:
        raise BuildError(
            "Pagefind is not installed: pip install 'pagefind[bin]' (or set extra.search: "
            "material)",
            str(site),
        ) from err
    done = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"],
        capture_output=True,
        text=True,
        env={**PAGEFIND_ENV, **os.environ},
    )
    if done.returncode != 0:
        raise BuildError(
            f"Pagefind failed: {(done.stderr or done.stdout).strip()[-300:]}", str(site)
        )
