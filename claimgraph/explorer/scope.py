"""The scope picker the Graph and Export pages share, and the capped subgraph it names."""

from __future__ import annotations

import streamlit as st

from claimgraph.explorer import cached
from claimgraph.explorer.claims import claim_filter_from_state
from claimgraph.explorer.state import read_store, store_url
from graph.model import ClaimFilter, Subgraph
from graph.store import DEFAULT_MAX_NODES, Scope, StoreError

SCOPE_KINDS: dict[str, str] = {
    "node": "Neighbourhood of a claim, source or any node",
    "document": "One document",
    "filter": "The claims filtered on the Claims page",
}
MAX_NODE_CAP = 1000
DEFAULT_DEPTH = 2


def _default_node() -> str:
    """The node to centre on first: ?node=… in the URL, else the last claim looked at."""
    return st.query_params.get("node") or st.session_state.get("last_claim") or ""


def scope_widgets() -> tuple[Scope, int]:
    """Draw the scope widgets; returns the Scope and the node cap."""
    if "scope_node" not in st.session_state:
        st.session_state["scope_node"] = _default_node()
    if st.query_params.get("node") and "scope_kind" not in st.session_state:
        st.session_state["scope_kind"] = "node"
    kind = st.radio("Scope", list(SCOPE_KINDS), format_func=SCOPE_KINDS.get, key="scope_kind",
                    horizontal=True)
    left, right = st.columns(2)
    st.session_state.setdefault("scope_max", DEFAULT_MAX_NODES)
    st.session_state.setdefault("scope_depth", DEFAULT_DEPTH)
    cap = int(right.slider("Most nodes to draw", 10, MAX_NODE_CAP, step=10, key="scope_max"))
    if kind == "node":
        node_id = left.text_input("Node id (claim:…, doc:…, evidence:…, author:…, or a BibTeX key)",
                                  key="scope_node").strip()
        depth = int(left.slider("Depth", 1, 4, key="scope_depth"))
        return Scope(kind="node", node_id=node_id or None, depth=depth), cap
    if kind == "document":
        documents = {d["id"]: d.get("title") or d["id"] for d in cached.documents(store_url())}
        if not documents:
            return Scope(kind="filter", filter=ClaimFilter()), cap
        document_id = left.selectbox("Document", list(documents), format_func=documents.get,
                                     key="scope_document")
        return Scope(kind="filter", filter=ClaimFilter(document_id=document_id)), cap
    flt = claim_filter_from_state()
    left.caption(f"Filter: {Scope(kind='filter', filter=flt).describe()} (change it on the Claims page)")
    return Scope(kind="filter", filter=flt), cap


def scoped_subgraph(scope: Scope, cap: int) -> Subgraph | None:
    """The capped subgraph of `scope`, or None after telling the user what to fix."""
    if scope.kind == "node" and not scope.node_id:
        st.info("Enter a node id, or open a claim's trace first.")
        return None
    try:
        subgraph = read_store().subgraph(scope, max_nodes=cap)
    except StoreError as err:
        st.error(str(err))
        return None
    if not subgraph.nodes:
        st.warning(f"Nothing in {scope.describe()}: check the id or the filter.")
        return None
    if subgraph.truncated:
        st.warning(f"Cut at {cap} nodes: the scope holds more. Narrow it, or raise the cap.")
    return subgraph
