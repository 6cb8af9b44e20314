"""The version of the analysis: stored analyses made by other code,
or another model, are made again.

It is derived from the code itself: every module of this package and every digest module they import
(the extraction, the fingerprint, the model), found by following their imports, so code moved into a
new module is covered without a list to keep. Modules are compared as parsed, without docstrings, so
comments, docstrings and layout do not change it.
"""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # digest/
ANALYSIS = Path(__file__).resolve().parent  # digest/analysis/


def analysis_version(model: str) -> str:
    digest = hashlib.sha256(model.encode())
    for path in sorted(analysis_modules()):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(code_of(path).encode())
    return digest.hexdigest()[:16]


def analysis_modules() -> set[Path]:
    """The files of digest/analysis/ and every digest module they import, directly or not."""
    found: set[Path] = set()
    todo = sorted(ANALYSIS.rglob("*.py"))
    while todo:
        path = todo.pop()
        if path in found:
            continue
        found.add(path)
        todo += [p for p in _imported(path) if p not in found]
    return found


def _imported(path: Path) -> list[Path]:
    package = path.parent.relative_to(PACKAGE.parent).parts  # ("digest", "analysis", ...)
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = list(package[: len(package) - node.level + 1])
        elif (node.module or "").split(".")[0] == "digest":
            base = []
        else:
            continue
        module = base + (node.module.split(".") if node.module else [])
        for name in [None, *(a.name for a in node.names)]:  # `from . import marks`: a module, too
            out += _files(module + ([name] if name else []))
    return out


def _files(module: list[str]) -> list[Path]:
    where = PACKAGE.parent.joinpath(*module)
    return [p for p in (where.with_suffix(".py"), where / "__init__.py") if p.is_file()]


def code_of(path: Path) -> str:
    """A module's syntax tree without its docstrings, as text."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree)
