"""The Export page: the scope on screen in every export format, with previews.

Downloads are generated when their button is clicked (a callable passed to
st.download_button), and every export is cached per (store, scope, cap, format),
so a rerun redraws nothing: only the SVG (picture preview) and the Markdown
handout (handout preview) are built when the page first shows a scope.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

import streamlit as st

from claimgraph.explorer.graph_widget import caption_for
from claimgraph.explorer.safe_text import md
from claimgraph.explorer.scope import ViewScope, scope_widgets, scoped_subgraph
from claimgraph.explorer.state import permalink, read_store, store_url
from graph.exports import FORMATS, ExportError, export
from graph.model import Subgraph
from graph.schema import slugify

EXPORT_TITLE = "ClaimGraph export"


def file_name(scope: ViewScope, extension: str) -> str:
    """A download file name that says what the scope was."""
    return f"claimgraph-{slugify(scope.describe())[:60]}.{extension}"


@st.cache_data(show_spinner=False, max_entries=64)
def cached_export(url: str, scope_text: str, cap: int, fmt: str, _subgraph: Subgraph) -> bytes | str:
    """One export of the subgraph that (store url, scope, cap) names, in format `fmt`.

    The key is the scope, not the subgraph: the same scope gives the same subgraph until an
    ingest (which clears every st.cache_data cache).
    """
    return export(_subgraph, fmt, store=read_store(), title=EXPORT_TITLE, scope=scope_text,
                  base_url=permalink("trace").split("?", 1)[0])


def export_maker(subgraph: Subgraph, scope: ViewScope, cap: int, fmt: str) -> Callable[[], bytes | str]:
    """What the download button for `fmt` calls when clicked: the cached export."""
    url, scope_text = store_url(), scope.describe()
    return lambda: cached_export(url, scope_text, cap, fmt, subgraph)


PICTURE_SIZES = {"actual": "Actual size (scroll inside the box)", "fit": "Fit to the column"}
PREVIEW_BOX_CSS = ("overflow:auto;max-height:70vh;max-width:100%;border:1px solid #e6e6e6;"
                   "border-radius:6px;background:#fff")


def svg_size(svg: str) -> tuple[int, int] | None:
    """The width and height in pixels the picture's <svg> element declares (None if it declares none)."""
    match = re.search(r'<svg\b[^>]*?\swidth="(\d+(?:\.\d+)?)"[^>]*?\sheight="(\d+(?:\.\d+)?)"', svg)
    return (round(float(match.group(1))), round(float(match.group(2)))) if match else None


def svg_preview_html(svg: bytes | str, fit: bool = False) -> str:
    """The picture as an <img> from a data URL (an SVG cannot run script inside an <img>), in a box as
    wide as the column. At actual size its captions are as legible as in the file and the box
    scrolls; fitted, the whole picture is scaled to the column (a wide one's captions get small)."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    source = "data:image/svg+xml;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")
    size = svg_size(text)
    if fit or size is None:
        style = "display:block;width:100%;height:auto"
    else:
        style = f"display:block;max-width:none;width:{size[0]}px;height:{size[1]}px"
    return (f'<div class="cg-picture-box" style="{PREVIEW_BOX_CSS}">'
            f'<img class="cg-picture" alt="graph picture" style="{style}" src="{source}"></div>')


def download_buttons(subgraph: Subgraph, scope: ViewScope, cap: int) -> None:
    """One download button per export format, each generating its file on click."""
    st.caption("Each file is made when you click its button.")
    columns = st.columns(4)
    for index, (fmt, spec) in enumerate(FORMATS.items()):
        columns[index % 4].download_button(
            f"{fmt} (.{spec.extension})", data=export_maker(subgraph, scope, cap, fmt),
            file_name=file_name(scope, spec.extension), mime=spec.media_type, help=spec.description,
            key=f"download_{fmt}", on_click="ignore", width="stretch",
        )


def previews(subgraph: Subgraph, scope: ViewScope, cap: int) -> None:
    """The picture (SVG, else PNG) and the Markdown handout of the scope, in two tabs."""
    picture, handout = st.tabs(["Picture", "Markdown handout"])
    with picture:
        if "svg" in FORMATS:
            with st.spinner("Drawing the picture…"):
                svg = export_maker(subgraph, scope, cap, "svg")()
            size = svg_size(svg.decode("utf-8") if isinstance(svg, bytes) else svg)
            fit = st.radio("Picture size", list(PICTURE_SIZES), format_func=PICTURE_SIZES.get,
                           horizontal=True, key="export_picture_size") == "fit"
            if size:
                st.caption(f"{size[0]} × {size[1]} px, as in the SVG download (the PNG has 2× the pixels).")
            st.html(svg_preview_html(svg, fit=fit))
        elif "png" in FORMATS:
            st.image(export_maker(subgraph, scope, cap, "png")())
    with handout:
        if "markdown" in FORMATS:
            st.markdown(str(export_maker(subgraph, scope, cap, "markdown")()))


def page() -> None:
    """The Export page."""
    st.header("Export")
    scope, cap = scope_widgets()
    subgraph = scoped_subgraph(scope, cap)
    if subgraph is None:
        return
    st.markdown(caption_for(subgraph, scope.describe()))
    download_buttons(subgraph, scope, cap)
    try:
        previews(subgraph, scope, cap)
    except ExportError as err:
        st.error(md(err))
