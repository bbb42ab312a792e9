"""Subgraph <-> networkx round trips on real store output."""

from __future__ import annotations

from pathlib import Path

import networkx
import pytest
from fixtures_graph import ALPHA, AUTHORS, CLAIMS, COMMENT, HERMAN, JORDAN, sample_batch

from graph.convert import from_networkx, to_networkx
from graph.model import ClaimFilter, Node, Subgraph
from graph.sqlite_store import SQLiteStore


@pytest.fixture
def loaded(tmp_path: Path):
    with SQLiteStore(tmp_path / "g.db") as store:
        store.write(sample_batch())
        yield store


def test_round_trip_of_store_subgraphs(loaded: SQLiteStore) -> None:
    for sub in (loaded.neighbourhood(HERMAN, 2), loaded.neighbourhood(HERMAN, 2, max_nodes=4),
                loaded.filter_subgraph(ClaimFilter())):
        assert from_networkx(to_networkx(sub)) == sub


def test_networkx_shape(loaded: SQLiteStore) -> None:
    sub = loaded.filter_subgraph(ClaimFilter(source_id=JORDAN))
    graph = to_networkx(sub)
    assert isinstance(graph, networkx.MultiDiGraph)
    assert graph.number_of_nodes() == 6 and graph.number_of_edges() == 6
    assert graph.nodes[JORDAN]["label"] == "Source" and graph.nodes[JORDAN]["year"] == "1992"
    assert graph.nodes[CLAIMS["a4"]]["contested"] is True
    assert graph.edges[JORDAN, AUTHORS["marmar"], "WRITTEN_BY"] == {"type": "WRITTEN_BY", "position": 1}
    assert graph.has_edge(ALPHA, CLAIMS["a4"], key="MAKES")
    assert graph.graph["truncated"] is False


def test_parallel_edges_of_different_types_survive() -> None:
    sub = Subgraph([Node("Document", COMMENT, {}), Node("Claim", CLAIMS["a4"], {"text": "x"})])
    sub.relationships = []
    graph = to_networkx(sub)
    graph.add_edge(COMMENT, CLAIMS["a4"], key="CHALLENGES", type="CHALLENGES", reason="no")
    graph.add_edge(COMMENT, CLAIMS["a4"], key="MAKES", type="MAKES")
    back = from_networkx(graph)
    assert [(r.key, r.props) for r in back.relationships] == [
        (("CHALLENGES", COMMENT, CLAIMS["a4"]), {"reason": "no"}), (("MAKES", COMMENT, CLAIMS["a4"]), {})]


def test_node_without_label_is_refused() -> None:
    graph = networkx.MultiDiGraph()
    graph.add_node("claim:1")
    with pytest.raises(ValueError, match="claim:1"):
        from_networkx(graph)
