"""docs/schema.md is exactly what `python -m claimgraph.schema_doc` prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from graph.schema import NODES, RELATIONSHIPS

ROOT = Path(__file__).resolve().parent.parent


def test_docs_schema_md_is_up_to_date() -> None:
    printed = subprocess.run([sys.executable, "-m", "claimgraph.schema_doc"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
    on_disk = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    assert printed == on_disk, ("docs/schema.md is stale: run "
                                "`python -m claimgraph.schema_doc > docs/schema.md`")


def test_every_label_property_and_type_is_documented() -> None:
    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    for label, spec in NODES.items():
        assert f"### {label}" in text
        for prop in spec.props:
            assert f"| `{prop.name}` |" in text
    for rel_type in RELATIONSHIPS:
        assert f"| `{rel_type}` |" in text
