"""Store connections, page navigation and permalinks shared by every page.

The read-only store is opened once per process (st.cache_resource) for the URL
CLAIMGRAPH_STORE names. Navigation lives in the URL: `?page=trace&claim=claim:…`
opens a trace directly, so every trace has a permalink.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from claimgraph.explorer.safe_text import md
from graph.store import Store, StoreError, open_store, store_url_from_env

PAGES: dict[str, str] = {
    "overview": "Overview",
    "read": "Read",
    "claims": "Claims",
    "trace": "Trace",
    "graph": "Graph",
    "export": "Export",
    "ingest": "Ingest",
}
NAV_KEY = "nav"
# Widget keys whose values survive a switch to another page (Streamlit forgets
# the state of widgets a run does not draw unless it is written back).
PERSISTENT_PREFIXES = ("f_", "scope_", "claims_", "read_", "overview_rank")


@st.cache_resource(show_spinner=False)
def _read_store(url: str) -> Store:
    """The process-wide read-only store for `url`."""
    return open_store(url, read_only=True)


def store_url() -> str:
    """The store this process explores: CLAIMGRAPH_STORE or ./claimgraph.db."""
    return store_url_from_env()


def read_store() -> Store:
    """The read-only store, or stop the page with a one-line error saying what to do."""
    try:
        return _read_store(store_url())
    except StoreError as err:
        st.error(f"Cannot open the store: {md(err)}. Add articles on the Ingest page "
                 "or set CLAIMGRAPH_STORE.")
        st.stop()
        raise  # st.stop raises; this keeps type checkers aware


def keep_widget_state() -> None:
    """Write back the values of filter and scope widgets so they survive page switches."""
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and key.startswith(PERSISTENT_PREFIXES) and "_table" not in key:
            st.session_state[key] = st.session_state[key]


def resolve_node(value: str) -> str:
    """A node id for what a user typed: the id itself, else the one work a BibTeX key or DOI names."""
    value = value.strip()
    if not value:
        return value
    store = read_store()
    if store.node(value) is not None:
        return value
    works = store.resolve_source(value)
    return works[0] if len(works) == 1 else value


def initial_page() -> str:
    """The page the URL asks for, else the overview."""
    requested = st.query_params.get("page", "overview")
    return requested if requested in PAGES else "overview"


def go_to(page: str, **params: str) -> None:
    """Switch page (for use as an on_click callback) and put `params` in the URL."""
    st.session_state[NAV_KEY] = page
    st.query_params.clear()
    st.query_params.update({"page": page, **params})


def relative_link(**params: str) -> str:
    """A link relative to the app (`?page=…&…`) carrying `params` as its query."""
    return "?" + urlencode(params, safe=":")


def permalink(page: str, **params: str) -> str:
    """An absolute link to `page` with `params` when the server URL is known, else a relative one."""
    query = relative_link(page=page, **params)
    try:
        base = (st.context.url or "").split("?", 1)[0]
    except (AttributeError, RuntimeError):
        base = ""
    return base + query
