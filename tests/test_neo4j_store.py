"""Neo4j-specific behaviour of Neo4jStore: connection errors, credentials, read-only mode,
schema creation, batching, and identical answers to SQLite on a synthetic corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fixtures_graph import ALPHA, BETA, sample_batch

import graph.neo4j_store as neo4j_store
from graph.model import CLAIM_SORT_KEYS, ClaimFilter, GraphBatch, Node
from graph.neo4j_server import free_port
from graph.neo4j_store import Neo4jStore, schema_cypher
from graph.schema import Label, RelType
from graph.sqlite_store import SQLiteStore
from graph.store import StoreError, open_store
from graph.synthetic import synthetic_batches

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo(neo4j_url: str) -> Neo4jStore:
    """An empty Neo4j store on the session's server."""
    with Neo4jStore(neo4j_url) as store:
        store.clear()
        yield store


def test_wrong_password_is_one_line_without_the_password(neo4j_url: str) -> None:
    with pytest.raises(StoreError) as err:
        Neo4jStore(neo4j_url, user="neo4j", password="not-the-password-42")
    message = str(err.value)
    assert "\n" not in message and "not-the-password-42" not in message
    assert "NEO4J_PASSWORD" in message


def test_unreachable_server_is_one_line() -> None:
    url = f"bolt://127.0.0.1:{free_port()}"
    with pytest.raises(StoreError, match="cannot use Neo4j") as err:
        Neo4jStore(url, password="x")
    assert "\n" not in str(err.value) and url in str(err.value)


def test_bad_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="bad Neo4j URL"):
        Neo4jStore("bolt://127.0.0.1:notaport", password="x")


def test_credentials_in_the_url_never_reach_describe(neo4j_url: str) -> None:
    user, password = os.environ["NEO4J_USER"], os.environ["NEO4J_PASSWORD"]
    host = neo4j_url.split("://", 1)[1]
    url = f"bolt://{user}:{password}@{host}"
    with Neo4jStore(url, user=user, password=password) as store:
        assert password not in store.describe() and host in store.describe()
        assert store.stats()["nodes"]["Claim"] >= 0


def test_unknown_database_is_a_store_error(neo4j_url: str) -> None:
    with pytest.raises(StoreError, match="database name"):
        Neo4jStore(neo4j_url, database="nosuchdb")


def test_schema_is_created_once_and_rerunning_is_harmless(neo: Neo4jStore, neo4j_url: str) -> None:
    with Neo4jStore(neo4j_url):  # second open reruns every IF NOT EXISTS statement
        pass
    from neo4j import GraphDatabase

    auth = (os.environ["NEO4J_USER"], os.environ["NEO4J_PASSWORD"])
    with GraphDatabase.driver(neo4j_url, auth=auth) as driver:
        names = {r["name"] for r in driver.execute_query("SHOW INDEXES YIELD name").records}
        constraints = {r["name"] for r in driver.execute_query("SHOW CONSTRAINTS YIELD name").records}
    assert {f"claimgraph_{label.value.lower()}_id" for label in Label} <= constraints
    assert {"claimgraph_claim_status", "claimgraph_claim_fulltext", "claimgraph_document_root_id"} <= names
    assert len([n for n in names | constraints if n.startswith("claimgraph_")]) == len(schema_cypher())


def test_read_only_store_refuses_writes_but_reads(neo: Neo4jStore, neo4j_url: str) -> None:
    neo.write(sample_batch())
    with open_store(neo4j_url, read_only=True) as reader:
        assert "read-only" in reader.describe()
        assert reader.claims().total == 8
        with pytest.raises(StoreError, match="read-only"):
            reader.write(GraphBatch(replaces=[ALPHA]))
        with pytest.raises(StoreError, match="read-only"):
            reader.clear()
    assert neo.node(ALPHA) is not None


def test_failed_write_rolls_back_the_replacement_too(neo: Neo4jStore) -> None:
    neo.write(sample_batch())
    bad = GraphBatch(replaces=[ALPHA, BETA])
    bad.add_rel(RelType.CITES, "doc:nowhere", "herman1992")
    with pytest.raises(StoreError, match="doc:nowhere"):
        neo.write(bad)
    assert neo.stats()["nodes"]["Document"] == 3


def test_small_batch_size_gives_the_same_graph(neo4j_url: str, neo: Neo4jStore) -> None:
    corpus = list(synthetic_batches(120, claims_per_document=60))
    for batch in corpus:
        neo.write(batch)
    expected = neo.stats()
    neo.clear()
    with Neo4jStore(neo4j_url, batch_size=7) as small:
        for batch in corpus:
            assert small.write(batch)["nodes"] == len(batch.nodes)
        assert small.stats() == expected


def test_a_node_another_writer_stores_after_the_lookup_is_merged(neo4j_url: str, neo: Neo4jStore,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer CREATEs a Source it found absent; when another transaction commits that Source in
    between, the write is run again with MERGE and its own properties win."""
    batch = sample_batch()
    source = next(n for n in batch.nodes if n.label == Label.SOURCE)
    neo.write(batch)
    expected = neo.stats()
    neo.clear()
    raced: list[Label] = []
    lookup = neo4j_store._stored_nodes

    def racing_lookup(tx, label, ids, chunk_size):
        found = lookup(tx, label, ids, chunk_size)
        if label == Label.SOURCE and not raced:
            raced.append(label)
            rival = GraphBatch(nodes=[Node(Label.SOURCE, source.id, {"title": "by the other writer"})])
            with Neo4jStore(neo4j_url) as other:
                other.write(rival)
        return found

    monkeypatch.setattr(neo4j_store, "_stored_nodes", racing_lookup)
    neo.write(batch)
    assert raced == [Label.SOURCE]
    assert neo.node(source.id).props == {k: v for k, v in source.props.items() if v is not None}
    assert neo.stats() == expected


def test_rewriting_stored_nodes_sets_changed_properties_and_drops_absent_ones(neo: Neo4jStore) -> None:
    batch = sample_batch()
    neo.write(batch)
    source = next(n for n in batch.nodes if n.label == Label.SOURCE and n.props.get("doi"))
    author = next(n for n in batch.nodes if n.label == Label.AUTHOR)
    changed = {k: v for k, v in source.props.items() if k != "doi"} | {"title": "A new title"}
    again = GraphBatch(nodes=[Node(Label.SOURCE, source.id, changed), author])
    again.add_rel(RelType.WRITTEN_BY, source.id, author.id, position=7)
    neo.write(again)
    assert neo.node(source.id).props == {k: v for k, v in changed.items() if v is not None}
    assert neo.node(author.id).props == {k: v for k, v in author.props.items() if v is not None}
    written = [r for batch_ in neo.iter_relationships(RelType.WRITTEN_BY) for r in batch_
               if (r.start, r.end) == (source.id, author.id)]
    assert [r.props for r in written] == [{"position": 7}]
    neo.write(batch)
    assert neo.node(source.id).props == {k: v for k, v in source.props.items() if v is not None}


@pytest.fixture(scope="module")
def twins(neo4j_url: str, tmp_path_factory: pytest.TempPathFactory):
    """The same 600-claim synthetic corpus in SQLite and in Neo4j."""
    lite = SQLiteStore(Path(tmp_path_factory.mktemp("twins")) / "twin.db")
    neo = Neo4jStore(neo4j_url)
    neo.clear()
    for batch in synthetic_batches(600, claims_per_document=45, seed=3):
        lite.write(batch)
        neo.write(batch)
    yield lite, neo
    neo.clear()
    neo.close()
    lite.close()


def test_synthetic_overviews_identical_to_sqlite(twins) -> None:
    lite, neo = twins
    assert neo.stats() == lite.stats()
    assert neo.sources() == lite.sources()
    assert neo.documents() == lite.documents()
    assert neo.sections() == lite.sections()
    assert neo.unresolved_citations() == lite.unresolved_citations()


@pytest.mark.parametrize("key", CLAIM_SORT_KEYS)
def test_synthetic_claim_pages_identical_to_sqlite(twins, key: str) -> None:
    lite, neo = twins
    for flt in (ClaimFilter(), ClaimFilter(status="anecdotal"), ClaimFilter(source_id="synth00003"),
                ClaimFilter(text="SLEEP LOSS", section="Mechanisms")):
        for descending in (False, True):
            for offset in (0, 37):
                args = dict(offset=offset, limit=25, order_by=key, descending=descending)
                assert neo.claims(flt, **args) == lite.claims(flt, **args)


def test_synthetic_traces_and_subgraphs_identical_to_sqlite(twins) -> None:
    lite, neo = twins
    claim_ids = [n.id for n in next(lite.iter_nodes(Label.CLAIM, batch_size=40))]
    for claim_id in claim_ids:
        assert neo.trace(claim_id) == lite.trace(claim_id)
    for node_id in (claim_ids[0], "synth00001", "doc:synthetic-000002"):
        for depth, cap in ((1, 200), (2, 60), (3, 500)):
            assert neo.neighbourhood(node_id, depth, cap) == lite.neighbourhood(node_id, depth, cap)
    document = ClaimFilter(document_id="doc:synthetic-000004")
    for flt, cap in ((ClaimFilter(status="cited"), 80), (document, 400)):
        assert neo.filter_subgraph(flt, cap) == lite.filter_subgraph(flt, cap)
