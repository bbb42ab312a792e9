"""The Cypher export, run in a real Neo4j, gives back the graph it was exported from."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.exports import export
from graph.schema import Label, RelType
from graph.store import Scope, Store, open_store

pytestmark = pytest.mark.neo4j


def whole_graph(store: Store) -> tuple[dict, set]:
    """Every node's properties by (label, id), and every relationship with its properties."""
    nodes = {(label, node.id): node.props for label in Label
             for batch in store.iter_nodes(label) for node in batch}
    rels = {(rel.type, rel.start, rel.end, tuple(sorted(rel.props.items())))
            for rel_type in RelType for batch in store.iter_relationships(rel_type) for rel in batch}
    return nodes, rels


def run_script(url: str, script: str) -> int:
    """Run a ClaimGraph Cypher export statement by statement, as cypher-shell -f would."""
    from neo4j import GraphDatabase

    statements = [line.rstrip(";") for line in script.splitlines()
                  if line.strip() and not line.startswith("//")]
    auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    with GraphDatabase.driver(url, auth=auth) as driver, driver.session() as session:
        for statement in statements:
            session.run(statement).consume()
    return len(statements)


def test_cypher_export_recreates_the_graph_in_neo4j(tmp_path: Path, neo4j_url: str, demo_result) -> None:
    with open_store(str(tmp_path / "demo.db")) as sqlite:
        sqlite.write(demo_result.batch)
        expected = whole_graph(sqlite)
        subgraph = sqlite.subgraph(Scope(kind="all"), max_nodes=10_000)
    assert not subgraph.truncated
    script = export(subgraph, "cypher")
    with open_store(neo4j_url) as neo4j:
        neo4j.clear()
    assert run_script(neo4j_url, script) > len(subgraph.nodes)
    with open_store(neo4j_url, read_only=True) as neo4j:
        nodes, rels = whole_graph(neo4j)
    assert nodes == expected[0]
    assert rels == expected[1]
    assert len(nodes) == len(subgraph.nodes) and len(rels) == len(subgraph.relationships)
