"""The rendering package imports one way: builders use the helpers, the dispatcher uses the
builders, and nothing imports back up (no circle between context.py and the builders)."""

from __future__ import annotations

import ast
from pathlib import Path

import smready.rendering

PACKAGE = Path(smready.rendering.__file__).parent


def _imports(path: Path) -> set[str]:
    """Modules of smready.rendering that ``path`` imports, at any depth (lazy ones too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("smready.rendering."):
                found.add(node.module.rsplit(".", 1)[1])
            elif node.module == "smready.rendering":
                found.update(alias.name for alias in node.names
                             if (PACKAGE / f"{alias.name}.py").exists())
        elif isinstance(node, ast.Import):
            found.update(a.name.rsplit(".", 1)[1] for a in node.names
                         if a.name.startswith("smready.rendering."))
    return found


def test_no_import_cycles_in_rendering() -> None:
    graph = {p.stem: _imports(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    assert not graph["context"] & {"policy", "report", "acknowledgement", "documents"}

    def visit(node: str, path: tuple[str, ...]) -> None:
        for nxt in graph.get(node, ()):
            assert nxt not in path, " -> ".join((*path, nxt))
            visit(nxt, (*path, nxt))

    for module in graph:
        visit(module, (module,))
