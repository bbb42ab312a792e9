"""The explorer's entry point: page config, sidebar navigation, one page per run."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from claimgraph.explorer import claims, export_page, graph_page, ingest_page, overview, reader, trace
from claimgraph.explorer.state import NAV_KEY, PAGES, initial_page, keep_widget_state, store_url

PAGE_VIEWS: dict[str, Callable[[], None]] = {
    "overview": overview.page,
    "read": reader.page,
    "claims": claims.page,
    "trace": trace.page,
    "graph": graph_page.page,
    "export": export_page.page,
    "ingest": ingest_page.page,
}


def sync_page_param() -> None:
    """Put the chosen page in the URL, on the trace page the claim it shows, on the reader its document."""
    page = st.session_state[NAV_KEY]
    claim = st.query_params.get("claim") or st.session_state.get("last_claim")
    document = st.session_state.get("read_doc")
    st.query_params.clear()
    st.query_params["page"] = page
    if page == "trace" and claim:
        st.query_params["claim"] = claim
    if page == "read" and document:
        st.query_params["doc"] = document


def run() -> None:
    """Draw the sidebar and the chosen page."""
    st.set_page_config(page_title="ClaimGraph explorer", layout="wide")
    keep_widget_state()
    if NAV_KEY not in st.session_state:
        st.session_state[NAV_KEY] = initial_page()
    with st.sidebar:
        st.title("ClaimGraph")
        st.radio("Page", list(PAGES), format_func=PAGES.get, key=NAV_KEY, on_change=sync_page_param)
        st.caption("Every claim, its evidence and the sources it rests on.")
    PAGE_VIEWS[st.session_state[NAV_KEY]]()
    if store_url() and st.session_state[NAV_KEY] != "ingest":
        st.sidebar.caption("Read-only view. Add articles on the Ingest page.")
