"""The Export page: the scope on screen in every export format, with previews."""

from __future__ import annotations

import base64

import streamlit as st

from claimgraph.explorer.graph_widget import caption_for
from claimgraph.explorer.scope import scope_widgets, scoped_subgraph
from claimgraph.explorer.state import read_store
from graph.exports import FORMATS, ExportError, export
from graph.model import Subgraph
from graph.schema import slugify
from graph.store import Scope


def file_name(scope: Scope, extension: str) -> str:
    """A download file name that says what the scope was."""
    return f"claimgraph-{slugify(scope.describe())[:60]}.{extension}"


@st.cache_data(show_spinner="Exporting…", max_entries=64)
def _cached_export(_subgraph: Subgraph, key: tuple[str, str, str], fmt: str) -> bytes | str:
    """One export, cached per (store, scope, cap) so reruns do not redraw pictures."""
    return export(_subgraph, fmt, store=read_store(), title="ClaimGraph export", scope=key[1])


def export_payloads(subgraph: Subgraph, scope: Scope, cap: int) -> dict[str, bytes | str]:
    """Every format's export of `subgraph`, keyed by format name."""
    key = (read_store().describe(), scope.describe(), str(cap))
    return {fmt: _cached_export(subgraph, key, fmt) for fmt in FORMATS}


def svg_preview_html(svg: bytes | str) -> str:
    """An <img> showing an SVG from a data URL (the SVG cannot run script inside an <img>)."""
    data = svg.encode("utf-8") if isinstance(svg, str) else svg
    return f'<img alt="graph picture" style="max-width:100%" src="data:image/svg+xml;base64,' \
           f'{base64.b64encode(data).decode("ascii")}">'


def page() -> None:
    """The Export page."""
    st.header("Export")
    scope, cap = scope_widgets()
    subgraph = scoped_subgraph(scope, cap)
    if subgraph is None:
        return
    st.markdown(caption_for(subgraph, scope.describe()), unsafe_allow_html=True)
    try:
        payloads = export_payloads(subgraph, scope, cap)
    except ExportError as err:
        st.error(str(err))
        return
    columns = st.columns(4)
    for index, (fmt, spec) in enumerate(FORMATS.items()):
        columns[index % 4].download_button(
            f"{fmt} (.{spec.extension})", data=payloads[fmt], file_name=file_name(scope, spec.extension),
            mime=spec.media_type, help=spec.description, key=f"download_{fmt}", on_click="ignore",
        )
    picture, handout = st.tabs(["Picture", "Markdown handout"])
    with picture:
        if "svg" in payloads:
            st.markdown(svg_preview_html(payloads["svg"]), unsafe_allow_html=True)
        elif "png" in payloads:
            st.image(payloads["png"])
    with handout:
        if "markdown" in payloads:
            st.markdown(str(payloads["markdown"]))
