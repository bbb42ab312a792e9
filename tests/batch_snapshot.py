"""The full ingest output of the demo and of every evaluation set, as plain JSON for a snapshot.

    python -m tests.batch_snapshot --write   # rewrite tests/data/snapshots/batches.json.gz

The snapshot was taken from main's extractor without the speed work (issue #9); the test in
tests/test_batch_snapshot.py checks that every node, relationship (in order), unresolved
citation and warning is still exactly the same. Articles are ingested by paths relative to the
repository (ids that hash a path must not depend on where the checkout is).
Document texts are kept as their sha256 (the `sha256` property), not twice.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "data" / "snapshots" / "batches.json.gz"
EVAL_SETS = ["eval", "eval-blind", "eval-blind-2", "eval-blind-3", "eval-blind-4", "eval-blind-5"]


def _relative(value: Any) -> Any:
    """Strings with the repository's absolute path made relative to it."""
    if isinstance(value, str):
        return value.replace(str(ROOT) + "/", "")
    if isinstance(value, list):
        return [_relative(v) for v in value]
    if isinstance(value, dict):
        return {k: _relative(v) for k, v in value.items()}
    return value


def result_record(result: Any) -> dict[str, Any]:
    """Nodes, relationships, replaces, unresolved citations and warnings of one IngestResult."""
    nodes = []
    for node in result.batch.nodes:
        props = node.to_dict()
        if props.get("label") == "Document":
            props.pop("text", None)
        nodes.append(props)
    return _relative({
        "nodes": nodes,
        "relationships": [rel.to_dict() for rel in result.batch.relationships],
        "replaces": list(result.batch.replaces),
        "unresolved": result.unresolved,
        "warnings": result.warnings,
        "articles": [dict(vars(a)) for a in getattr(result, "articles", [])],
        "skipped": list(getattr(result, "skipped", [])),
    })


def current_records() -> dict[str, dict[str, Any]]:
    """What the extractor produces now, keyed 'demo' and 'SET/FILE'."""
    from ingest.evaluate import bib_for, load_expected
    from ingest.pipeline import ingest_paths

    here = Path.cwd()
    os.chdir(ROOT)  # relative paths, so ids that hash a path do not depend on where the checkout is
    try:
        records = {"demo": result_record(ingest_paths([Path("ingest/data/trauma-and-relationships.txt")],
                                                      [Path("references.bib")]))}
        for name in EVAL_SETS:
            directory = Path("tests") / "data" / name
            for file_name in sorted(load_expected(directory)):
                article = directory / file_name
                records[f"{name}/{file_name}"] = result_record(ingest_paths([article], bib_for(article)))
    finally:
        os.chdir(here)
    return records


def read_snapshot() -> dict[str, dict[str, Any]]:
    """The records the snapshot file holds."""
    return json.loads(gzip.decompress(SNAPSHOT.read_bytes()).decode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the snapshot file")
    args = parser.parse_args()
    records = current_records()
    if args.write:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(records, indent=0, ensure_ascii=False, sort_keys=True) + "\n"
        SNAPSHOT.write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))
        print(f"wrote {SNAPSHOT} ({len(records)} results)")
    else:
        print(f"{len(records)} results")


if __name__ == "__main__":
    main()
