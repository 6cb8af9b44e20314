"""Which part of digest/ may import which: the stages meet only in the orchestration layer.

    base           plain data and helpers every stage uses (errors, model, files, timevalues, gold)
    nlp            the spaCy pipeline
    config         site_config/digest.yml
    ingest         files, URLs, feeds and sitemaps -> raw pages (fetch, ingest)
    analysis       raw page -> article -> briefing; grouping (extract, brief/, stories, merge)
    state          what is kept between runs (store)
    publish        briefings -> pages and the site (render, site, hubs, feeds, mkdocs_plugin)
    orchestration  the build and its runners, the commands, the evaluation (pipeline, analyze, assign,
                   executor, cli, evaluate)
"""

from __future__ import annotations

import ast

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "digest"
LAYERS = {
    "base": {"errors", "model", "files", "timevalues", "gold"},
    "nlp": {"nlp", "attribute_rules"},
    "config": {"config"},
    "ingest": {"fetch", "ingest"},
    "analysis": {"extract", "brief", "stories", "merge"},
    "state": {"store"},
    "publish": {"render", "site", "hubs", "feeds", "mkdocs_plugin"},
    "orchestration": {"pipeline", "analyze", "assign", "executor", "cli", "evaluate", "__init__", "__main__"},
}
MAY_IMPORT = {
    "base": set(),
    "nlp": {"base"},
    "config": {"base", "nlp"},
    "ingest": {"base", "config"},
    "analysis": {"base", "nlp"},
    "state": {"base", "analysis"},
    "publish": {"base"},
    "orchestration": set(LAYERS),
}
LAYER_OF = {module: layer for layer, modules in LAYERS.items() for module in modules}


def _top(path) -> str:  # type: ignore[no-untyped-def]
    """The top-level module of digest/ a file belongs to (brief/quotes.py -> brief)."""
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def _imports(path) -> set[str]:  # type: ignore[no-untyped-def]
    """The digest modules a file imports when it runs (imports only for type checkers are left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                 and ast.unparse(block.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
                 for node in ast.walk(block)}
    inside = path.parent != PACKAGE  # a file of a sub-package (brief/)
    found = set()
    for node in ast.walk(tree):
        if id(node) in type_only or not isinstance(node, ast.ImportFrom):
            continue
        if node.level == 0 and (node.module or "").startswith("digest"):
            parts = (node.module or "").split(".")[1:]
        elif node.level == 1 and inside:
            parts = [path.parent.name]
        elif node.level >= 1:
            parts = (node.module or "").split(".") if node.module else [a.name for a in node.names]
        else:
            continue
        found.update(parts[:1] if node.module or node.level == 0 else parts)
    return {m for m in found if m}


FILES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    assert {_top(p) for p in FILES} == set(LAYER_OF)


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(PACKAGE).as_posix() for p in FILES])
def test_a_module_imports_only_its_own_layer_and_those_below(path) -> None:  # type: ignore[no-untyped-def]
    layer = LAYER_OF[_top(path)]
    allowed = MAY_IMPORT[layer] | {layer}
    wrong = {m: LAYER_OF.get(m, "?") for m in _imports(path) if LAYER_OF.get(m) not in allowed}
    assert not wrong, f"{path.name} ({layer}) imports {wrong}"
