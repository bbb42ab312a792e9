"""A store written by schema v1 (main at d9b1039: Source id = BibTeX key) opens after the v2 change
with every claim, trace and permalink intact (tests/data/v1/README.md says how the fixture was made).

SQLite: a copy of the v1 file. Neo4j: the same v1 rows loaded as nodes and relationships with raw
Cypher (no meta node, as v1 wrote them), then opened through Neo4jStore.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from graph.model import ClaimFilter
from graph.schema import SCHEMA_VERSION, Label, RelType
from graph.store import Store, StoreError, open_store
from ingest.pipeline import ingest_paths
from ingest.upgrade import PLANNER
from ingest.works import WorkRegistry

V1 = Path(__file__).parent / "data" / "v1"
EXPECTED = json.loads((V1 / "expected.json").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parent.parent
V3_CLAIM = ("support_design", "n_supporting", "n_contrasting")
V3_SOURCE = ("design", "design_reason")
SAME_IN_BOTH = ("title", "authors", "year", "entry_type", "venue", "volume", "number", "pages", "publisher",
                "fields_json", "bibtex")


def v1_sqlite(tmp_path: Path) -> str:
    path = tmp_path / "v1.db"
    shutil.copy(V1 / "claimgraph-v1.db", path)
    return str(path)


def v1_rows() -> tuple[list[tuple[str, dict]], list[tuple[str, str, str, dict]]]:
    """Nodes (label, props) and relationships (type, start, end, props) of the v1 fixture, raw."""
    conn = sqlite3.connect(V1 / "claimgraph-v1.db")
    conn.row_factory = sqlite3.Row
    nodes = []
    for label in Label:
        for row in conn.execute(f'SELECT * FROM "{label.value.lower()}"'):  # noqa: S608 (schema labels)
            nodes.append((label.value, {k: row[k] for k in row.keys() if row[k] is not None}))
    rels = [(r["type"], r["start"], r["end"], json.loads(r["props"]))
            for r in conn.execute("SELECT * FROM rel")]
    conn.close()
    return nodes, rels


def v1_neo4j(url: str) -> str:
    """Empty the Neo4j database (meta node too) and load the v1 graph into it as v1 wrote it."""
    import os

    from neo4j import GraphDatabase

    nodes, rels = v1_rows()
    driver = GraphDatabase.driver(url, auth=(os.environ.get("NEO4J_USER", "neo4j"),
                                             os.environ.get("NEO4J_PASSWORD", "")))
    with driver.session() as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
        for label in Label:
            rows = [props for node_label, props in nodes if node_label == label.value]
            session.run(f"UNWIND $rows AS row CREATE (n:{label.value}) SET n = row", rows=rows).consume()
        for rel_type in RelType:
            rows = [{"s": s, "e": e, "p": p} for t, s, e, p in rels if t == rel_type.value]
            if rows:
                session.run(f"UNWIND $rows AS row MATCH (a {{id: row.s}}) MATCH (b {{id: row.e}}) "
                            f"CREATE (a)-[r:{rel_type.value}]->(b) SET r = row.p", rows=rows).consume()
    driver.close()
    return url


@pytest.fixture(params=["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def v1_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return v1_sqlite(tmp_path)
    return v1_neo4j(request.getfixturevalue("neo4j_url"))


def test_read_only_open_of_a_v1_store_names_the_one_command(v1_url: str) -> None:
    with pytest.raises(StoreError, match="claimgraph upgrade --store"):
        open_store(v1_url, read_only=True)


def test_write_open_without_the_ingest_planner_refuses_a_v1_store_and_leaves_it(v1_url: str) -> None:
    """graph/ never imports ingest: opened for writing without `planner`, a v1 store is refused with the
    one line naming the command, and stays v1."""
    with pytest.raises(StoreError, match="old schema version 1: run `claimgraph upgrade --store"):
        open_store(v1_url)
    with pytest.raises(StoreError, match="claimgraph upgrade --store"):
        open_store(v1_url, read_only=True)


def test_claimgraph_upgrade_migrates_a_v1_store(tmp_path: Path) -> None:
    """The CLI hands the store ingest's planner: `claimgraph upgrade` upgrades in place."""
    import subprocess
    import sys

    url = v1_sqlite(tmp_path)
    done = subprocess.run([sys.executable, "-m", "claimgraph", "upgrade", "--store", url], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"schema version {SCHEMA_VERSION}" in done.stdout
    with open_store(url, read_only=True) as store:
        check_migrated(store)


def test_v1_store_migrates_in_place_with_claims_traces_and_permalinks_intact(v1_url: str) -> None:
    with open_store(v1_url, planner=PLANNER) as store:
        assert store.schema_version() == SCHEMA_VERSION
    with open_store(v1_url, read_only=True) as store:  # opens read-only now: it is v2
        check_migrated(store)
        stats = store.stats()
    with open_store(v1_url) as store:  # a second open changes nothing (and needs no planner)
        assert store.stats() == stats
        check_migrated(store)


def check_migrated(store: Store) -> None:
    rows = store.claims(ClaimFilter(), limit=1000).rows
    assert {r["id"]: (r["status"], r["text"]) for r in rows} == {
        claim_id: (c["status"], c["text"]) for claim_id, c in EXPECTED["claims"].items()}
    works = {s["keys"]: s for s in store.sources()}
    assert set(works) == {"herman1992trauma", "jordan1992problems"}
    assert all(s["id"].startswith("work:") for s in works.values())
    work_of = {key: s["id"] for key, s in works.items()}
    for row in rows:  # every claim rests on the same works, now by work id
        assert row["source_ids"] == sorted(work_of[k] for k in EXPECTED["claims"][row["id"]]["source_ids"])
    for claim_id, before in EXPECTED["traces"].items():
        after = store.trace(claim_id)
        assert {k: v for k, v in after["claim"].items() if k not in V3_CLAIM} == before["claim"]
        assert after["document"] == before["document"]
        assert after["context"] == before["context"] and after["challenges"] == before["challenges"]
        assert len(after["evidence"]) == len(before["evidence"])
        for old, new in zip(before["evidence"], after["evidence"], strict=True):
            assert {k: v for k, v in new.items() if k != "sources"} == {
                k: v for k, v in old.items() if k != "sources"}
            assert [s["keys"] for s in new["sources"]] == [s["id"] for s in old["sources"]]
            for old_source, new_source in zip(old["sources"], new["sources"], strict=True):
                assert new_source["stance"] == "supporting"  # schema v3, computed on upgrade
                assert {k: new_source.get(k) for k in SAME_IN_BOTH} == {
                    k: old_source.get(k) for k in SAME_IN_BOTH}
                assert new_source["doi"] == old_source["doi"]
    # permalinks: a v1 link names a source by its key (?source=jordan1992problems) and still filters
    for key in ("herman1992trauma", "jordan1992problems"):
        expected = sorted(c for c, v in EXPECTED["claims"].items() if key in v["source_ids"])
        assert sorted(r["id"] for r in store.claims(ClaimFilter(source_id=key), limit=100).rows) == expected
    cites = [r for chunk in store.iter_relationships(RelType.CITES) for r in chunk]
    assert cites and all(r.props["key"] in work_of and work_of[r.props["key"]] == r.end for r in cites)
    assert store.stats()["relationships"]["WRITTEN_BY"] == 8
    check_v3_properties(store)


def check_v3_properties(store: Store) -> None:
    """The upgrade computed the v3 properties as a fresh ingest of the same demo does."""
    fresh = ingest_paths([ROOT / "ingest" / "data" / "trauma-and-relationships.txt"],
                         [ROOT / "references.bib"]).batch
    works = {s["keys"]: {k: s[k] for k in V3_SOURCE} for s in store.sources()}
    assert works == {n.props["keys"]: {k: n.props[k] for k in V3_SOURCE}
                     for n in fresh.nodes_by_label(Label.SOURCE)}
    assert works["herman1992trauma"] == {"design": "book", "design_reason": "entry type: book"}
    assert works["jordan1992problems"] == {"design": "unknown", "design_reason": ""}
    stored = {n.id: n.props for chunk in store.iter_nodes(Label.CLAIM) for n in chunk}
    for claim in fresh.nodes_by_label(Label.CLAIM):
        assert {k: stored[claim.id][k] for k in (*V3_CLAIM, "status")} == {
            k: claim.props[k] for k in (*V3_CLAIM, "status")}
    stances = {(r.start, r.props["key"]): (r.props["stance"], r.props["stance_cue"])
               for chunk in store.iter_relationships(RelType.CITES) for r in chunk}
    assert stances == {(r.start, r.props["key"]): (r.props["stance"], r.props["stance_cue"])
                       for r in fresh.relationships if r.type == RelType.CITES}


def test_reingesting_the_demo_into_a_migrated_store_keeps_its_works(v1_url: str) -> None:
    with open_store(v1_url, planner=PLANNER) as store:
        before = store.stats()
        works = sorted(s["id"] for s in store.sources())
        result = ingest_paths([ROOT / "ingest" / "data" / "trauma-and-relationships.txt"],
                              [ROOT / "references.bib"],
                              registry=WorkRegistry.from_store(store), replace=True)
        store.write(result.batch)
        assert sorted(s["id"] for s in store.sources()) == works
        after = store.stats()
    assert after["nodes"] == before["nodes"] and after["claims_by_status"] == before["claims_by_status"]
