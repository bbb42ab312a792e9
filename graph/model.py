"""Plain data that flows between the pipeline stages.

`ingest` produces a `GraphBatch`; a store writes it in one transaction; queries
return `Subgraph`, `Page`, `Trace` and row dicts. Every node and relationship
carries only properties named in `graph.schema`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.schema import NODES, RELATIONSHIPS, Label, RelType

_NODE_PROPS = {label: frozenset(spec.prop_names) for label, spec in NODES.items()}
_REL_PROPS = {rel_type: frozenset(spec.prop_names) for rel_type, spec in RELATIONSHIPS.items()}


@dataclass
class Node:
    """A node: its label, its stable id and its properties (id included)."""

    label: Label
    id: str
    props: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if type(self.label) is not Label:  # Label(a Label) is that Label; the call costs more than the test
            self.label = Label(self.label)
        self.props = {**self.props, "id": self.id}

    def to_dict(self) -> dict[str, Any]:
        return {"label": str(self.label), **self.props}


@dataclass
class Relationship:
    """A directed relationship between two node ids."""

    type: RelType
    start: str
    end: str
    props: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if type(self.type) is not RelType:
            self.type = RelType(self.type)

    @property
    def key(self) -> tuple[str, str, str]:
        return (str(self.type), self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"type": str(self.type), "start": self.start, "end": self.end, **self.props}


@dataclass
class GraphBatch:
    """Everything one ingest writes.

    `replaces` names the articles (root document ids) whose documents, claims and
    evidence the store deletes before writing this batch, in the same transaction.
    `replaces_outgoing` names (relationship type, start id) pairs whose relationships the store
    deletes first too: a Source's WRITTEN_BY edges are rewritten from its current author list.
    Sources and authors are merged, never deleted by a batch.
    """

    nodes: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    replaces: list[str] = field(default_factory=list)
    replaces_outgoing: list[tuple[str, str]] = field(default_factory=list)

    def add_node(self, label: Label, node_id: str, **props: Any) -> Node:
        node = Node(label, node_id, props)
        self.nodes.append(node)
        return node

    def add_rel(self, rel_type: RelType, start: str, end: str, **props: Any) -> Relationship:
        rel = Relationship(rel_type, start, end, props)
        self.relationships.append(rel)
        return rel

    def extend(self, other: GraphBatch) -> None:
        self.nodes.extend(other.nodes)
        self.relationships.extend(other.relationships)
        self.replaces.extend(r for r in other.replaces if r not in self.replaces)
        self.replaces_outgoing.extend(r for r in other.replaces_outgoing if r not in self.replaces_outgoing)

    def nodes_by_label(self, label: Label) -> list[Node]:
        return [n for n in self.nodes if n.label == label]

    def schema_problems(self) -> list[str]:
        """Properties of nodes or relationships that `graph.schema` does not name, one line each."""
        problems = []
        for node in self.nodes:
            if node.props.keys() <= _NODE_PROPS[node.label]:  # the common case, without building a set
                continue
            unknown = node.props.keys() - _NODE_PROPS[node.label]
            problems.append(f"{node.label} {node.id}: properties not in graph.schema: {sorted(unknown)}")
        for rel in self.relationships:
            if not rel.props or rel.props.keys() <= _REL_PROPS[rel.type]:
                continue
            unknown = rel.props.keys() - _REL_PROPS[rel.type]
            problems.append(f"{rel.type} {rel.start}->{rel.end}: properties not in graph.schema: "
                            f"{sorted(unknown)}")
        return problems

    def validate(self, stored: Iterable[str] = ()) -> None:
        """Raise ValueError if a node or relationship breaks the schema or dangles (ends neither in
        the batch nor among `stored`, the ids the batch knows to be in the store)."""
        problems = self.schema_problems()
        if problems:
            raise ValueError(problems[0])
        ids = {n.id for n in self.nodes} | set(stored)
        for rel in self.relationships:
            for end in (rel.start, rel.end):
                if end not in ids:
                    raise ValueError(f"{rel.type} {rel.start}->{rel.end}: {end} is not in the batch")


@dataclass
class Subgraph:
    """A bounded piece of the graph; `truncated` is True when a node cap cut it."""

    nodes: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    truncated: bool = False

    def node_ids(self) -> set[str]:
        return {n.id for n in self.nodes}


@dataclass
class Page:
    """One page of rows and the total the filter matched."""

    rows: list[dict[str, Any]]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class ClaimFilter:
    """Filters for `Store.claims`; empty fields do not filter.

    `text` is a case-insensitive substring match on the claim text (Unicode lower-casing of both,
    as Python's str.lower). Every backend gives exactly these answers; SQLite finds texts of 3+
    characters through its trigram index and shorter ones by a scan.
    """

    status: str | None = None
    document_id: str | None = None
    section: str | None = None
    source_id: str | None = None
    kind: str | None = None
    text: str | None = None
    design: str | None = None       # ', '-separated StudyDesigns: the claim's support_design is one of them
    only_design: str | None = None  # every work cited in support of it has one of these designs
    stance: str | None = None       # ', '-separated Stances: one of its citations has one of them

    @staticmethod
    def values(field_value: str | None) -> list[str]:
        """The items of a comma-separated filter value ('rct, systematic-review' -> two)."""
        return [v.strip() for v in (field_value or "").split(",") if v.strip()]


# Columns `Store.claims` can sort by, and the row keys every claims row has.
CLAIM_SORT_KEYS = ("position", "status", "document_id", "section", "kind", "text")
CLAIM_ROW_KEYS = (
    "id", "text", "document_id", "document_title", "section", "start", "end", "kind",
    "status", "contested", "position", "evidence_count", "source_ids",
    "support_design", "n_supporting", "n_contrasting",
)
