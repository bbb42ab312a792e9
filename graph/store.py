"""The store contract: what every backend (SQLite, Neo4j) implements.

One contract test suite (`tests/test_store_contract.py`) runs against every
backend and expects identical results. Queries return plain dicts whose keys
are schema property names, so the app, the CLI and the exports never care
which backend they talk to.
"""

from __future__ import annotations

import os
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from graph.model import ClaimFilter, GraphBatch, Node, Page, Relationship, Subgraph
from graph.schema import Label, RelType, label_of

DEFAULT_STORE = "claimgraph.db"
DEFAULT_MAX_NODES = 200
NO_CAP = 2**53  # a node cap no store reaches, still an integer every backend's LIMIT takes
UNCAPPED = NO_CAP  # what document_view asks for: every claim of a document


class StoreError(Exception):
    """A store problem worth one line to the user (bad URL, server down, wrong password).

    The message never contains credentials.
    """


@dataclass(frozen=True)
class Scope:
    """What part of the graph a view or export covers.

    kind: `node` (the neighbourhood of `node_id` to `depth`), `filter` (the claims
    matching `filter` with their documents, evidence, sources and authors; a
    document is `ClaimFilter(document_id=...)`), or `all`.
    """

    kind: str = "all"
    node_id: str | None = None
    depth: int = 1
    filter: ClaimFilter = field(default_factory=ClaimFilter)

    def describe(self) -> str:
        if self.kind == "node":
            return f"neighbourhood of {self.node_id} (depth {self.depth})"
        if self.kind == "filter":
            parts = [f"{k}={v}" for k, v in vars(self.filter).items() if v]
            return "claims where " + ", ".join(parts) if parts else "all claims"
        return "whole graph"


class Store(ABC):
    """A ClaimGraph store. Use as a context manager or call `close()`."""

    read_only: bool = False

    # -- writing -----------------------------------------------------------------
    @abstractmethod
    def write(self, batch: GraphBatch) -> dict[str, int]:
        """Write a batch in one transaction and return counts written.

        First deletes, for every root id in `batch.replaces`, the documents whose
        `root_id` is that id, their claims and evidence and every relationship
        touching them; then merges the batch's nodes (by id, properties replaced)
        and relationships (by type, start, end). Relationships must join nodes in
        the batch or already in the store, else StoreError and nothing is written.
        Returns {"nodes": n, "relationships": m, "deleted": k}.
        """

    @abstractmethod
    def clear(self) -> None:
        """Delete everything."""

    # -- reading -----------------------------------------------------------------
    @abstractmethod
    def node(self, node_id: str) -> Node | None:
        """One node by id, or None."""

    @abstractmethod
    def claims(self, flt: ClaimFilter | None = None, offset: int = 0, limit: int = 50,
               order_by: str = "position", descending: bool = False) -> Page:
        """A page of claims matching `flt`, rows with the keys in `graph.model.CLAIM_ROW_KEYS`.

        Default order: document id, then position in the document; `order_by`
        (one of CLAIM_SORT_KEYS) sorts first by that column, ties by document
        id and position. `source_ids` is the sorted list of source ids the
        claim's evidence cites; `evidence_count` counts its evidence.
        """

    @abstractmethod
    def trace(self, claim_id: str) -> dict[str, Any] | None:
        """Everything behind one claim, or None if there is no such claim.

        {"claim": claim props + document_title,
         "document": document props without text,
         "context": {"start", "end", "text"}: the claim's paragraph widened to
                    cover its evidence spans in the same document,
         "evidence": [evidence props + "sources": [source props + "cited_key", "cited_number"
                     (the citing document's own key and reference number, from CITES), "stance",
                     "stance_cue" (the citing passage's stance toward the work, from CITES) + "in_corpus"
                     (the id of the ingested article that is this work, via IN_CORPUS, else '')]],
                     by start offset,
         "challenges": [{"id", "label", "text", "reason"}]: what challenges the claim}
        """

    @abstractmethod
    def claims_by_support_design(self) -> dict[str, int]:
        """How many claims have each `support_design` (the strongest design among the works their
        citations support; '' for claims no citation supports), by design; only designs some claim has."""

    @abstractmethod
    def sources(self) -> list[dict[str, Any]]:
        """Every source with `claim_count` (claims its evidence supports), `evidence_count` and
        `article_count` (distinct articles whose documents cite it); most-supporting first, then by id."""

    # -- corpus --------------------------------------------------------------------------
    @abstractmethod
    def schema_version(self) -> int:
        """The schema version recorded in the store (graph.schema.SCHEMA_VERSION once opened for writing)."""

    @abstractmethod
    def work_identities(self) -> list[dict[str, Any]]:
        """Every Source's properties, by id: what ingest.works.WorkRegistry needs to give a re-ingested
        reference its old work id and merge its records."""

    @abstractmethod
    def article_identities(self) -> list[dict[str, Any]]:
        """Every article document as {id, path, sha256, doi, title, author, date} ('' when unknown), by id."""

    @abstractmethod
    def works(self, by: str = "articles", limit: int = 50) -> list[dict[str, Any]]:
        """Cited works ranked `by` "articles" (distinct citing articles) or "claims" (claims resting on
        them), ties by the other count then id: rows {id, title, authors, year, doi, keys,
        article_count, claim_count}. Unknown `by`: StoreError."""

    @abstractmethod
    def co_cited(self, source_id: str, limit: int = 20) -> list[dict[str, Any]]:
        """Works cited by the same documents as `source_id`: rows {id, title, authors, year, articles}
        (distinct articles citing both), most first, then by id."""

    @abstractmethod
    def citing_articles(self, document_id: str) -> list[dict[str, Any]]:
        """Articles that cite this ingested article (through a Source IN_CORPUS it): rows
        {id, title, source_id}, by id then source id."""

    @abstractmethod
    def support_summary(self) -> list[dict[str, Any]]:
        """Per article document, by id: {id, title, path, claim_count, one count per status (cited,
        cited-unresolved, disputed-by-citation, anecdotal, unsupported),
        works (distinct sources it cites), unresolved (citations matching no reference)}."""

    @abstractmethod
    def _find_sources(self, value: str, doi: str) -> list[str]:
        """Ids of Sources whose id is `value`, whose doi is `doi` (if any) or whose keys include `value`."""

    def resolve_source(self, value: str | None) -> list[str]:
        """The work ids a user's source reference names: a work id, a DOI (any case or resolver
        prefix) or any key a citing document uses (a key two articles use for two works names both).
        Sorted; empty when nothing matches. The one place `ClaimFilter.source_id` is resolved."""
        from graph.schema import normalise_doi

        if not value:
            return []
        return self._find_sources(value.strip(), normalise_doi(value))

    @abstractmethod
    def documents(self) -> list[dict[str, Any]]:
        """Every document without `text`, with `claim_count` and one count per status (`cited`,
        `cited-unresolved`, `disputed-by-citation`, `anecdotal`, `unsupported`); ordered by root_id,
        position."""

    @abstractmethod
    def sections(self, document_id: str | None = None) -> list[str]:
        """Distinct section headings (of one document), in reading order."""

    @abstractmethod
    def unresolved_citations(self, limit: int | None = None) -> list[dict[str, Any]]:
        """Citation evidence not linked to any source, with `document_title`, in document order; the
        first `limit` of them when a limit is given (their number is in stats())."""

    @abstractmethod
    def stats(self) -> dict[str, Any]:
        """{"nodes": {label: n}, "relationships": {type: n},
        "claims_by_status": {status: n},
        "claims_by_document": [{"document_id", "title", "status", "count"}],
        "unresolved_citations": n}. Every label, type and status appears (0 if none)."""

    @abstractmethod
    def neighbourhood(self, node_id: str, depth: int = 1,
                      max_nodes: int = DEFAULT_MAX_NODES) -> Subgraph:
        """Nodes within `depth` hops of `node_id` (either direction), breadth first,
        nearer first then by id, at most `max_nodes`; with every relationship
        among them. Unknown id: an empty Subgraph.

        Documents are hubs (a document MAKES all its claims and CITES all its
        sources), so the walk reaches a Document but does not go on through it,
        unless it is the start node: a source's neighbourhood is the claims that
        rest on it, not every claim of every article that cites it.
        See `breadth_first`, which both backends use."""

    @abstractmethod
    def filter_subgraph(self, flt: ClaimFilter,
                        max_nodes: int = DEFAULT_MAX_NODES) -> Subgraph:
        """Claims matching `flt` (in claims() order) with their documents, evidence,
        sources and sources' authors, and the relationships among them; documents
        named by `flt.document_id` are included even without claims."""

    @abstractmethod
    def ids_with_prefix(self, prefix: str, label: Label | None = None, limit: int = 10) -> list[str]:
        """Ids (of `label`, else of any label) that start with `prefix`, exactly as given (case
        matters), in code-point order, at most `limit`. Lets the CLI accept `claim:18ef` for
        `claim:18ef395d6af5` and suggest ids when one is ambiguous or unknown."""

    @abstractmethod
    def iter_nodes(self, label: Label, batch_size: int = 1000) -> Iterator[list[Node]]:
        """All nodes of a label in id order, in lists of at most batch_size."""

    @abstractmethod
    def iter_relationships(self, rel_type: RelType,
                           batch_size: int = 1000) -> Iterator[list[Relationship]]:
        """All relationships of a type ordered by (start, end), in lists."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""

    @abstractmethod
    def describe(self) -> str:
        """Where this store is, safe to print (never credentials)."""

    # -- shared helpers ----------------------------------------------------------
    def document_view(self, document_id: str) -> dict[str, Any] | None:
        """Everything the reader view draws for one document, or None if there is no such document.

        {"document": document props with `text`,
         "claims": claim props by (start, position), each with `evidence_ids` (by start),
         "evidence": {evidence id: evidence props + "sources": [source props + "stance", "stance_cue"
                      (of this evidence's CITES; '' if none) by id]},
         "challenges": {claim id: trace()["challenges"]} for its contested claims}
        Built from node(), filter_subgraph() and trace(), so every backend gives the same answer.
        """
        node = self.node(document_id)
        if node is None or node.label != Label.DOCUMENT:
            return None
        sub = self.filter_subgraph(ClaimFilter(document_id=document_id), max_nodes=UNCAPPED)
        by_id = {n.id: n for n in sub.nodes}
        cites: dict[str, list[str]] = {}
        stances: dict[tuple[str, str], dict[str, str]] = {}
        supports: dict[str, list[str]] = {}
        for rel in sub.relationships:
            if rel.type == RelType.CITES and rel.start in by_id and by_id[rel.start].label == Label.EVIDENCE:
                cites.setdefault(rel.start, []).append(rel.end)
                stances[(rel.start, rel.end)] = {"stance": str(rel.props.get("stance") or ""),
                                                 "stance_cue": str(rel.props.get("stance_cue") or "")}
            elif rel.type == RelType.SUPPORTED_BY and rel.end in by_id:
                supports.setdefault(rel.start, []).append(rel.end)
        evidence = {
            n.id: {**n.props, "sources": [{**by_id[s].props, **stances[(n.id, s)]}
                                          for s in sorted(set(cites.get(n.id, []))) if s in by_id]}
            for n in sub.nodes if n.label == Label.EVIDENCE
        }
        claims = []
        for n in sub.nodes:
            if n.label != Label.CLAIM or n.props.get("document_id") != document_id:
                continue
            ids = sorted(set(supports.get(n.id, [])) & set(evidence),
                         key=lambda e: (int(evidence[e].get("start") or 0), e))
            claims.append({**n.props, "evidence_ids": ids})
        claims.sort(key=lambda c: (int(c.get("start") or 0), int(c.get("position") or 0), c["id"]))
        challenges = {}
        for claim in claims:
            if claim.get("contested"):
                traced = self.trace(claim["id"])
                if traced and traced.get("challenges"):
                    challenges[claim["id"]] = traced["challenges"]
        return {"document": dict(node.props), "claims": claims, "evidence": evidence,
                "challenges": challenges}

    def source_keys(self) -> list[str]:
        """The citing keys `ClaimFilter.source_id` (the CLI's --source) accepts besides work ids and
        DOIs, sorted: what a "did you mean" hint offers (`resolve_source` is what accepts them)."""
        keys = {key.strip() for source in self.sources() for key in str(source.get("keys") or "").split(",")}
        return sorted(key for key in keys if key)

    def whole_graph(self) -> Subgraph:
        """Every node and every relationship in the store (nodes by label then id)."""
        nodes = [node for label in Label for batch in self.iter_nodes(label) for node in batch]
        relationships = [rel for rel_type in RelType for batch in self.iter_relationships(rel_type)
                         for rel in batch]
        return Subgraph(nodes=nodes, relationships=relationships)

    def subgraph(self, scope: Scope, max_nodes: int | None = DEFAULT_MAX_NODES) -> Subgraph:
        """The subgraph a Scope names, at most `max_nodes` nodes; None: no cap, and then the whole
        graph (`all`) is every node and relationship, uncited sources included."""
        if scope.kind == "all" and max_nodes is None:
            return self.whole_graph()
        cap = NO_CAP if max_nodes is None else max_nodes
        if scope.kind == "node":
            if not scope.node_id:
                raise StoreError("a node scope needs a node id")
            return self.neighbourhood(scope.node_id, scope.depth, cap)
        if scope.kind == "filter":
            return self.filter_subgraph(scope.filter, cap)
        if scope.kind == "all":
            return self.filter_subgraph(ClaimFilter(), cap)
        raise StoreError(f"unknown scope kind {scope.kind!r}: use node, filter or all")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def breadth_first(root: str, depth: int, max_nodes: int,
                  neighbours: Callable[[list[str], set[str], int], set[str]]) -> tuple[list[str], bool]:
    """Ids within `depth` hops of `root`, level by level, each level by id, cut at `max_nodes`.

    `neighbours(frontier, seen, limit)` returns up to `limit` smallest ids adjacent
    to `frontier` and not in `seen`. Documents other than the root are reached but
    not expanded (they are hubs). Returns (ids, truncated).
    """
    order, seen, frontier = [root], {root}, [root]
    for _ in range(max(0, depth)):
        room = max_nodes - len(order)
        if not frontier:
            break
        fresh = sorted(neighbours(frontier, seen, room + 1) - seen)
        if len(fresh) > room:
            return order + fresh[:room], True
        order += fresh
        seen.update(fresh)
        frontier = [i for i in fresh if label_of(i) != Label.DOCUMENT]
    return order, False


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def trace_context(text: str, claim: dict[str, Any], evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """The claim's paragraph, widened to whole paragraphs around its evidence in the same document.

    Returns {"start", "end", "text"} with offsets into the document text.
    """
    start = claim.get("paragraph_start", claim.get("start", 0))
    end = claim.get("paragraph_end", claim.get("end", 0))
    for item in evidence:
        if item.get("document_id") != claim.get("document_id"):
            continue
        if item["start"] < start:
            breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, item["start"])]
            start = breaks[-1] if breaks else 0
        if item["end"] > end:
            after = _PARAGRAPH_BREAK.search(text, item["end"])
            end = after.start() if after else len(text)
    return {"start": start, "end": end, "text": text[start:end]}


def store_url_from_env(explicit: str | None = None) -> str:
    """The store to use: `explicit`, else $CLAIMGRAPH_STORE, else ./claimgraph.db."""
    return explicit or os.environ.get("CLAIMGRAPH_STORE") or DEFAULT_STORE


def open_store(url: str | None = None, read_only: bool = False, **options: Any) -> Store:
    """Open the store a URL names: a SQLite path (or sqlite:///path), or
    neo4j://, neo4j+s://, neo4j+ssc://, bolt://, bolt+s:// for Neo4j.

    Neo4j credentials come from NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE
    (or `options`), never from the URL printout.
    """
    url = store_url_from_env(url)
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme.startswith(("neo4j", "bolt")):
        from graph.neo4j_store import Neo4jStore

        return Neo4jStore(url, read_only=read_only, **options)
    if scheme in ("", "sqlite", "file"):
        from graph.sqlite_store import SQLiteStore

        path = url.split("://", 1)[1] if scheme else url
        return SQLiteStore(path, read_only=read_only, **options)
    raise StoreError(
        f"unknown store {url.split('://', 1)[0]}://…: use a SQLite file path or a "
        "neo4j:// / bolt:// URL"
    )
