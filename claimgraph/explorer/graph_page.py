"""The Graph page: an interactive, capped network of a chosen scope."""

from __future__ import annotations

import streamlit as st

from claimgraph.explorer.graph_widget import caption_for, network_html
from claimgraph.explorer.scope import scope_widgets, scoped_subgraph

GRAPH_HEIGHT = 600


def page() -> None:
    """The Graph page."""
    st.header("Graph")
    scope, cap = scope_widgets()
    subgraph = scoped_subgraph(scope, cap)
    if subgraph is None:
        return
    st.markdown(caption_for(subgraph, scope.describe()))
    st.caption("Drag to pan, scroll to zoom, drag a node to move it, click a node for its details.")
    st.iframe(network_html(subgraph, height=GRAPH_HEIGHT, highlight_id=scope.focus_id),
              height=GRAPH_HEIGHT + 50)
