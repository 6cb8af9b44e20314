"""Which part of digest/ may import which: each stage sees only the stages below it, and the stages
meet in the orchestration layer.

    base           plain data and helpers every stage uses (errors, model, files, timevalues, gold,
                   analysis_json)
    config         site_config/digest.yml
    ingest         files, URLs, feeds and sitemaps -> raw pages; extraction; how an article is known
    analysis       article -> briefing (quotes, actors, timeline, summary) and its fingerprint
    state          what is kept between runs (store)
    stories        grouping, assignment across runs, merging a story's briefings, story addresses
    publish        stories -> pages in content/ -> the site
    orchestration  the build and its runners, the commands, the evaluations
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from .conftest import ROOT

PACKAGE = ROOT / "digest"
LAYERS = {
    "base": {"errors", "model", "files", "timevalues", "gold", "analysis_json"},
    "config": {"config"},
    "ingest": {"ingest"},
    "analysis": {"analysis"},
    "state": {"store"},
    "stories": {"stories"},
    "publish": {"publish"},
    "orchestration": {
        "pipeline",
        "runner",
        "executor",
        "cli",
        "evaluate",
        "evaluate_stories",
        "__init__",
        "__main__",
    },
}
MAY_IMPORT = {  # besides itself
    "base": set(),
    "config": {"base"},
    "ingest": {"base", "config"},
    "analysis": {"base", "config", "ingest"},
    "state": {"base", "analysis"},
    "stories": {"base", "ingest", "analysis", "state"},
    "publish": {"base", "stories"},
    "orchestration": set(LAYERS),
}
LAYER_OF = {module: layer for layer, modules in LAYERS.items() for module in modules}


def _top(path: Path) -> str:
    """The part of digest/ a file belongs to (analysis/quotes/find.py -> analysis)."""
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def _imports(path: Path) -> set[str]:
    """The parts of digest/ a file imports when it runs (imports only for type checkers are left
    out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If)
        and ast.unparse(block.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")
        for node in ast.walk(block)
    }
    package = path.parent.relative_to(PACKAGE.parent).parts  # ("digest", "analysis", "quotes")
    found = set()
    for node in ast.walk(tree):
        if id(node) in type_only or not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            module = [*package[: len(package) - node.level + 1], *(node.module or "").split(".")]
        elif (node.module or "").split(".")[0] == "digest":
            module = (node.module or "").split(".")
        else:
            continue
        module = [m for m in module if m]
        names = [a.name for a in node.names]
        found.update(
            [module[1]] if len(module) > 1 else names
        )  # `from . import cli` names the module
    return found


FILES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    assert {_top(p) for p in FILES} == set(LAYER_OF)


@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(PACKAGE).as_posix() for p in FILES])
def test_a_module_imports_only_its_own_layer_and_those_below(path: Path) -> None:
    layer = LAYER_OF[_top(path)]
    allowed = MAY_IMPORT[layer] | {layer}
    wrong = {m: LAYER_OF.get(m, "?") for m in _imports(path) if LAYER_OF.get(m) not in allowed}
    assert not wrong, f"{path.name} ({layer}) imports {wrong}"
