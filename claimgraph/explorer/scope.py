"""The scope picker the Graph and Export pages share, and the capped subgraph it names.

A newcomer first sees the most-cited source with the claims resting on it; after
opening a claim, that claim's trace (claim, document, evidence, sources).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from claimgraph.explorer import cached
from claimgraph.explorer.claims import claim_filter_from_state
from claimgraph.explorer.safe_text import md
from claimgraph.explorer.state import read_store, resolve_node, store_url
from claimgraph.explorer.trace import trace_subgraph
from graph.model import ClaimFilter, Node, Relationship, Subgraph
from graph.schema import Label, RelType
from graph.store import DEFAULT_MAX_NODES, Scope, StoreError

SCOPE_KINDS: dict[str, str] = {
    "source": "Claims resting on a work",
    "trace": "One claim and what it rests on",
    "node": "Neighbourhood of any node",
    "document": "One document",
    "filter": "The claims filtered on the Claims page",
    "works": "Works cited together, and the articles citing them",
}
CO_CITED = 12
MAX_NODE_CAP = 1000
DEFAULT_DEPTH = 1
OPENED_CLAIM_KEY = "graph_scope_opened_claim"  # the opened claim the trace scope last followed


@dataclass(frozen=True)
class ViewScope:
    """What the Graph and Export pages show: a store Scope, or one claim's trace."""

    kind: str
    store_scope: Scope | None = None
    claim_id: str | None = None
    focus_id: str | None = None
    label: str | None = None

    def describe(self) -> str:
        """A short sentence naming the scope (captions, export titles, file names)."""
        if self.label:
            return self.label
        if self.kind == "trace":
            return f"trace of {self.claim_id}"
        return self.store_scope.describe() if self.store_scope else "nothing"


def _cap(subgraph: Subgraph, cap: int) -> Subgraph:
    """`subgraph` cut to its first `cap` nodes (and the relationships among them)."""
    if len(subgraph.nodes) <= cap:
        return subgraph
    nodes = subgraph.nodes[:cap]
    kept = {n.id for n in nodes}
    rels = [r for r in subgraph.relationships if r.start in kept and r.end in kept]
    return Subgraph(nodes=nodes, relationships=rels, truncated=True)


def _most_cited_source() -> str | None:
    """The id of the source supporting the most claims, if there is any source."""
    sources = cached.sources(store_url())
    return str(sources[0]["id"]) if sources else None


def _default_claim() -> str:
    """?claim=… in the URL, else the last claim looked at, else the first claim on the most-cited source."""
    claim = st.query_params.get("claim") or st.session_state.get("last_claim")
    if claim:
        return str(claim)
    source = _most_cited_source()
    rows = read_store().claims(ClaimFilter(source_id=source), limit=1).rows if source else []
    return str(rows[0]["id"]) if rows else ""


def _default_kind() -> str:
    """?node=… opens a neighbourhood; an opened claim its trace; otherwise the most-cited source."""
    if st.query_params.get("node"):
        return "node"
    if st.query_params.get("claim") or st.session_state.get("last_claim"):
        return "trace"
    return "source" if _most_cited_source() else "document"


def _node_from_url() -> str:
    """?node=… as a node id (a link naming a cited work by its key or DOI opens that work)."""
    return resolve_node(st.query_params.get("node") or "")


def _init_state() -> None:
    """First-visit values of the scope widgets (kept across pages afterwards)."""
    state = st.session_state
    if "scope_kind" not in state:
        state["scope_kind"] = _default_kind()
    if "scope_node" not in state:
        state["scope_node"] = _node_from_url() or st.session_state.get("last_claim") \
            or _most_cited_source() or ""
    state.setdefault("scope_max", DEFAULT_MAX_NODES)
    state.setdefault("scope_depth", DEFAULT_DEPTH)


def _source_scope(column: st.delta_generator.DeltaGenerator) -> ViewScope:
    """A source picker (most-cited first) and the scope of the claims resting on that source."""
    sources = {str(s["id"]): s for s in cached.sources(store_url())}
    labels = cached.source_labels(store_url())
    if not sources:
        column.info("No sources yet: upload an article with its .bib on the Ingest page.")
        return ViewScope(kind="source")
    source_id = column.selectbox(
        "Work (most-cited first)", list(sources), key="scope_source",
        format_func=lambda s: f"{labels.get(s, s)} — {sources[s].get('claim_count', 0)} claims · "
                              f"{str(sources[s].get('title') or '')[:70]}")
    return ViewScope(kind="source", store_scope=Scope(kind="filter", filter=ClaimFilter(source_id=source_id)),
                     focus_id=source_id, label=f"claims resting on {labels.get(source_id, source_id)}")


def _trace_scope(column: st.delta_generator.DeltaGenerator) -> ViewScope:
    """A claim id box and the scope of that claim's trace."""
    state = st.session_state
    opened = st.query_params.get("claim") or state.get("last_claim")
    if "scope_claim" not in state or (opened and state.get(OPENED_CLAIM_KEY) != opened):
        state["scope_claim"] = _default_claim()
        state[OPENED_CLAIM_KEY] = opened
    claim_id = column.text_input("Claim id (claim:…; or open a claim on the Claims page)",
                                 key="scope_claim").strip()
    return ViewScope(kind="trace", claim_id=claim_id or None, focus_id=claim_id or None)


def scope_widgets() -> tuple[ViewScope, int]:
    """Draw the scope widgets; returns the scope and the node cap."""
    _init_state()
    kind = st.radio("Show", list(SCOPE_KINDS), format_func=SCOPE_KINDS.get, key="scope_kind", horizontal=True)
    left, right = st.columns(2)
    cap = int(right.slider("Most nodes to draw", 10, MAX_NODE_CAP, step=10, key="scope_max"))
    if kind == "source":
        return _source_scope(left), cap
    if kind == "trace":
        return _trace_scope(left), cap
    if kind == "node":
        node_id = resolve_node(left.text_input(
            "Node id (claim:…, doc:…, evidence:…, author:…, work:…, or a BibTeX key or DOI)",
            key="scope_node"))
        depth = int(right.slider("Depth (steps away from the node)", 1, 4, key="scope_depth"))
        return ViewScope(kind="node", store_scope=Scope(kind="node", node_id=node_id or None, depth=depth),
                         focus_id=node_id or None), cap
    if kind == "document":
        labels = cached.document_labels(store_url())
        if not labels:
            return ViewScope(kind="document", store_scope=Scope(kind="filter", filter=ClaimFilter())), cap
        document_id = left.selectbox("Document", list(labels), format_func=labels.get, key="scope_document")
        return ViewScope(kind="document",
                         store_scope=Scope(kind="filter", filter=ClaimFilter(document_id=document_id)),
                         focus_id=document_id, label=f"document {labels[document_id]}"), cap
    if kind == "works":
        view = _source_scope(left)
        if view.focus_id is None:
            return ViewScope(kind="works"), cap
        name = cached.source_labels(store_url()).get(view.focus_id, view.focus_id)
        return ViewScope(kind="works", focus_id=view.focus_id, label=f"works cited with {name}"), cap
    flt = claim_filter_from_state()
    store_scope = Scope(kind="filter", filter=flt)
    left.caption(f"Filter: {md(store_scope.describe())} (change it on the Claims page)")
    return ViewScope(kind="filter", store_scope=store_scope), cap


def works_subgraph(work_id: str, cap: int, co_cited: int = CO_CITED) -> Subgraph:
    """A work, the works most often cited by the same articles, and the articles (and comments)
    citing them: Document -CITES-> Source, plus Source -IN_CORPUS-> Document where a cited work
    is itself an article of the corpus. Cut at `cap` nodes."""
    store = read_store()
    works = [work_id] + [str(row["id"]) for row in store.co_cited(work_id, limit=co_cited)]
    nodes: dict[str, Node] = {}
    rels: dict[tuple[str, str, str], Relationship] = {}
    truncated = False
    for work in works:
        around = store.neighbourhood(work, depth=1, max_nodes=cap)
        truncated = truncated or around.truncated
        kept = {n.id: n for n in around.nodes if n.label in (Label.DOCUMENT, Label.SOURCE)}
        for node in kept.values():
            if len(nodes) >= cap and node.id not in nodes:
                truncated = True
                continue
            nodes.setdefault(node.id, node)
        for rel in around.relationships:
            if rel.type in (RelType.CITES, RelType.IN_CORPUS) and rel.start in nodes and rel.end in nodes:
                rels.setdefault(rel.key, rel)
    return Subgraph(nodes=list(nodes.values()), relationships=list(rels.values()), truncated=truncated)


def _load(scope: ViewScope, cap: int) -> Subgraph | None:
    """The capped subgraph of `scope` from the store (None: no such claim)."""
    store = read_store()
    if scope.kind == "works":
        return works_subgraph(scope.focus_id, cap) if scope.focus_id else None
    if scope.kind == "trace":
        trace = store.trace(scope.claim_id or "")
        return _cap(trace_subgraph(trace), cap) if trace else None
    if scope.store_scope is None:
        return None
    return store.subgraph(scope.store_scope, max_nodes=cap)


def scoped_subgraph(scope: ViewScope, cap: int) -> Subgraph | None:
    """The capped subgraph of `scope`, or None after telling the user what to fix."""
    if scope.kind in ("source", "works") and scope.store_scope is None and scope.focus_id is None:
        return None
    if (scope.kind == "node" and not scope.focus_id) or (scope.kind == "trace" and not scope.claim_id):
        st.info("Enter an id, or open a claim's trace on the Claims page first.")
        return None
    try:
        subgraph = _load(scope, cap)
    except StoreError as err:
        st.error(md(err))
        return None
    if not subgraph or not subgraph.nodes:
        st.warning(f"Nothing in {md(scope.describe())}: check the id or the filter.")
        return None
    if subgraph.truncated:
        st.warning(f"Cut at {cap} nodes: the scope holds more. Narrow it, or raise the cap.")
    return subgraph
