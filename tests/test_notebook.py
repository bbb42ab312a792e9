"""notebooks/explore.ipynb runs top to bottom with nbclient against a store the test fills."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from graph.store import open_store

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "explore.ipynb"


def tagged(notebook: Any, tag: str) -> Any:
    """The code cell carrying `tag`."""
    return next(c for c in notebook.cells if tag in c.get("metadata", {}).get("tags", []))


def output_text(cell: Any) -> str:
    """Everything a cell printed or displayed as text."""
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory, demo_result: Any) -> Any:
    """The notebook executed once in a python3 kernel against a tmp SQLite store of the demo."""
    folder = tmp_path_factory.mktemp("notebook")
    url = str(folder / "notebook.db")
    with open_store(url) as store:
        store.write(demo_result.batch)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLAIMGRAPH_STORE", url)
        NotebookClient(notebook, kernel_name="python3", timeout=300,
                       resources={"metadata": {"path": str(folder)}}).execute()
    return notebook, url


def test_notebook_runs_without_errors(executed: Any) -> None:
    notebook, url = executed
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors, errors
    assert url in output_text(tagged(notebook, "setup"))


def test_notebook_outputs(executed: Any) -> None:
    notebook, url = executed
    with open_store(url, read_only=True) as store:
        claim_total = store.claims(limit=1).total
        top_source = store.sources()[0]["id"]
    assert f"{claim_total} claims" in output_text(tagged(notebook, "claims"))
    plot = tagged(notebook, "plot")
    assert any("image/png" in o.get("data", {}) for o in plot.outputs), "no status-per-section plot"
    assert "cited" in output_text(plot)
    assert top_source in output_text(tagged(notebook, "sources"))
    trace = output_text(tagged(notebook, "trace"))
    assert "Claim:" in trace and "Status: cited" in trace and "(19" in trace
    export = output_text(tagged(notebook, "export"))
    assert "networkx:" in export and "wrote trace.graphml:" in export
