"""graph.migrate: a SQLite → Neo4j → SQLite round trip copies every node and relationship exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_graph import sample_batch

from graph.migrate import migrate, sample_claim_ids
from graph.model import ClaimFilter
from graph.schema import Label, RelType
from graph.sqlite_store import SQLiteStore
from graph.store import Store, StoreError, open_store
from graph.synthetic import synthetic_batches


def everything(store: Store) -> tuple[dict, set]:
    """Every node (id → label, props) and every relationship (key, props) of a store."""
    nodes = {n.id: (n.label, n.props) for label in Label for chunk in store.iter_nodes(label) for n in chunk}
    rels = {(r.key, tuple(sorted(r.props.items())))
            for t in RelType for chunk in store.iter_relationships(t) for r in chunk}
    return nodes, rels


@pytest.fixture
def source_db(tmp_path: Path) -> SQLiteStore:
    """A SQLite store holding the contract sample graph and 300 synthetic claims."""
    store = SQLiteStore(tmp_path / "source.db")
    store.write(sample_batch())
    for batch in synthetic_batches(300, claims_per_document=40):
        store.write(batch)
    yield store
    store.close()


@pytest.mark.neo4j
def test_sqlite_to_neo4j_to_sqlite_round_trip(source_db: SQLiteStore, neo4j_url: str, tmp_path: Path) -> None:
    seen: list[tuple[str, int]] = []
    with open_store(neo4j_url) as neo:
        neo.clear()
        there = migrate(source_db, neo, batch_size=250, progress=lambda stage, n: seen.append((stage, n)))
        nodes, rels = everything(source_db)
        assert there["nodes"] == len(nodes) and there["relationships"] == len(rels)
        assert there["verified_traces"] == 20
        assert everything(neo) == (nodes, rels)
        assert [s for s, _ in seen] == sorted(s for s, _ in seen) and seen[-1] == ("relationships", len(rels))
        with SQLiteStore(tmp_path / "back.db") as back:
            assert migrate(neo, back) == there
            assert everything(back) == (nodes, rels)
            flt = ClaimFilter(status="cited", text="finding 1")
            assert back.claims(flt, limit=200).rows == source_db.claims(flt, limit=200).rows
            assert neo.claims(flt, limit=200).rows == source_db.claims(flt, limit=200).rows
        neo.clear()


def test_sqlite_to_sqlite_copy_and_sample(source_db: SQLiteStore, tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "copy.db") as copy:
        result = migrate(source_db, copy, batch_size=7)
        assert result["verified_traces"] == 20
        assert everything(copy) == everything(source_db)
    sample = sample_claim_ids(source_db)
    assert sample == sample_claim_ids(source_db) and len(set(sample)) == 20


def test_migrating_into_a_store_with_other_data_fails(source_db: SQLiteStore, tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "busy.db") as busy:
        busy.write(next(synthetic_batches(10, seed=7)))
        with pytest.raises(StoreError, match="migration check failed"):
            migrate(source_db, busy)


def test_migrating_into_a_read_only_store_is_refused(source_db: SQLiteStore) -> None:
    with SQLiteStore(source_db.path, read_only=True) as reader, pytest.raises(StoreError, match="read-only"):
        migrate(source_db, reader)
