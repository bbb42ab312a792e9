"""Data flows one way (DEVELOPERS.md): files -> readers -> ... -> GraphBatch -> store (graph/) -> queries
-> app, CLI, exports. So no module of graph/ imports ingest or claimgraph, at module level or inside a
function; what an upgrade needs from ingest comes in as `graph.upgrade.UpgradePlanner`."""

from __future__ import annotations

import ast
from pathlib import Path

GRAPH = Path(__file__).resolve().parent.parent / "graph"
HIGHER_LAYERS = ("ingest", "claimgraph", "app")


def imported_packages(source: str) -> list[tuple[int, str]]:
    """(line, top-level package) of every import statement in `source`, wherever it sits."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module.split(".")[0]))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args and isinstance(node.args[0], ast.Constant)):
            found.append((node.lineno, str(node.args[0].value).split(".")[0]))
    return found


def test_no_graph_module_imports_a_higher_layer() -> None:
    modules = sorted(GRAPH.glob("*.py"))
    assert len(modules) > 10  # the folder was found
    wrong = [f"graph/{path.name}:{line} imports {package}"
             for path in modules for line, package in imported_packages(path.read_text(encoding="utf-8"))
             if package in HIGHER_LAYERS]
    assert wrong == []


def test_the_check_sees_imports_inside_functions() -> None:
    source = "import json\n\ndef f():\n    from ingest.works import fold\n    import claimgraph.cli\n"
    assert imported_packages(source) == [(1, "json"), (4, "ingest"), (5, "claimgraph")]
