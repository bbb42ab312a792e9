"""The documents built in the extraction workers (ingest.pipeline.prebuilt_documents) and the cached
Source properties (ingest.works) give exactly what building them in the main process gives."""

from __future__ import annotations

import copy
from pathlib import Path

from ingest.pipeline import build_result, extract_paths
from ingest.works import WorkRegistry, _work_properties, work_properties

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "ingest" / "data" / "trauma-and-relationships.txt"
DEMO_BIB = ROOT / "ingest" / "data" / "references.bib"
JATS = [ROOT / "tests" / "data" / "corpus" / "jats" / name for name in ("elife00005.xml", "elife04490.xml")]


def batch_rows(result) -> list[tuple]:
    nodes = [(n.label, n.id, sorted(n.props.items())) for n in result.batch.nodes]
    rels = [(r.type, r.start, r.end, sorted(r.props.items())) for r in result.batch.relationships]
    return nodes + rels


def test_prebuilt_documents_equal_documents_built_in_the_main_process() -> None:
    extractions, _, _ = extract_paths([DEMO, *JATS], [DEMO_BIB])
    assert all(e.built and e.stances for e in extractions)  # the demo and both articles cite works
    afresh = copy.deepcopy(extractions)
    for extraction in afresh:  # as an Extraction made before: built and stances in the main process
        extraction.built, extraction.stances = [], {}
    prebuilt = build_result(extractions, WorkRegistry())
    built_here = build_result(afresh, WorkRegistry())
    assert batch_rows(prebuilt) == batch_rows(built_here)
    assert prebuilt.warnings == built_here.warnings and prebuilt.unresolved == built_here.unresolved
    stances = [r.props["stance"] for r in prebuilt.batch.relationships if r.start.startswith("evidence:")
               and r.type == "CITES"]
    assert stances and set(stances) - {""}  # stances were read, not left empty


def test_cached_source_properties_follow_a_new_record() -> None:
    extractions, _, _ = extract_paths(JATS[:1], [])
    registry = WorkRegistry()
    build_result(extractions, registry)
    work = next(w for w in registry.works.values() if w.records)
    first = work_properties(work)
    assert work_properties(work) == first  # reused: no record was added
    record = dict(work.records[0], document_id="doc:another", path="another.xml",
                  fields={**work.records[0].get("fields", {}), "note": "seen again"})
    work.add_record(record)
    again = work_properties(work)
    fresh = copy.deepcopy(work)
    fresh._properties, fresh._encoded = None, {}
    assert again == _work_properties(fresh)[:2]
    assert again[0]["records_json"] != first[0]["records_json"]
