"""Subgraph <-> networkx.MultiDiGraph, exactly round-trippable.

Nodes carry `label` plus their properties; each edge is keyed by its relationship
type and carries `type` plus its properties; `truncated` lives in `g.graph`.
Relationships come back ordered by (type, start, end), the order stores return.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import Node, Relationship, Subgraph
from graph.schema import Label, RelType

if TYPE_CHECKING:
    import networkx


def to_networkx(subgraph: Subgraph) -> networkx.MultiDiGraph:
    """A MultiDiGraph with one node per Subgraph node and one keyed edge per relationship."""
    import networkx

    graph = networkx.MultiDiGraph(truncated=subgraph.truncated)
    for node in subgraph.nodes:
        graph.add_node(node.id, label=str(node.label), **node.props)
    for rel in subgraph.relationships:
        # (u, v, key, data): a relationship property called `key` (CITES) stays data, not the edge key
        graph.add_edges_from([(rel.start, rel.end, str(rel.type), {"type": str(rel.type), **rel.props})])
    return graph


def from_networkx(graph: networkx.MultiDiGraph) -> Subgraph:
    """The Subgraph a graph made by `to_networkx` (or shaped like one) describes."""
    nodes = []
    for node_id, attrs in graph.nodes(data=True):
        if "label" not in attrs:
            raise ValueError(f"node {node_id!r} has no 'label' attribute")
        props = {k: v for k, v in attrs.items() if k != "label"}
        nodes.append(Node(Label(attrs["label"]), str(node_id), props))
    rels = []
    for start, end, key, attrs in graph.edges(keys=True, data=True):
        rel_type = RelType(attrs.get("type", key))
        props = {k: v for k, v in attrs.items() if k != "type"}
        rels.append(Relationship(rel_type, str(start), str(end), props))
    rels.sort(key=lambda r: r.key)
    return Subgraph(nodes, rels, bool(graph.graph.get("truncated", False)))
