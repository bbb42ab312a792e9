"""The Overview page: counts, claims by status per document, top sources, unresolved citations."""

from __future__ import annotations

from typing import Any

import streamlit as st

from claimgraph.explorer import cached
from claimgraph.explorer.html import STATUS_COLOURS
from claimgraph.explorer.safe_text import md
from claimgraph.explorer.state import read_store, store_url
from graph.schema import Label

TOP_SOURCES = 25
TOP_DOCUMENTS = 30
MAX_UNRESOLVED_ROWS = 500
BAR_HEIGHT = 32
LABEL_LIMIT = 420
SOURCE_COLUMNS: dict[str, Any] = {
    "claim_count": st.column_config.NumberColumn("Claims", width="small", help="Claims it supports"),
    "evidence_count": st.column_config.NumberColumn("Citations", width="small", help="Times it is cited"),
    "title": st.column_config.TextColumn("Title", width="large"),
    "authors": st.column_config.TextColumn("Authors", width="medium"),
    "year": st.column_config.TextColumn("Year", width="small"),
    "id": st.column_config.TextColumn("BibTeX key", width="small"),
}
UNRESOLVED_COLUMNS: dict[str, Any] = {
    "marker": st.column_config.TextColumn("Citation as written", width="medium"),
    "text": st.column_config.TextColumn("Sentence", width="large"),
    "document_title": st.column_config.TextColumn("Document", width="medium"),
    "id": st.column_config.TextColumn("Evidence id", width="small"),
}


def largest_documents(claims_by_document: list[dict[str, Any]],
                      limit: int = TOP_DOCUMENTS) -> list[dict[str, Any]]:
    """The rows of the `limit` documents with the most claims (the chart stays readable)."""
    totals: dict[str, int] = {}
    for row in claims_by_document:
        totals[row["document_id"]] = totals.get(row["document_id"], 0) + int(row["count"])
    keep = set(sorted(totals, key=lambda d: (-totals[d], d))[:limit])
    return [row for row in claims_by_document if row["document_id"] in keep]


def status_chart(claims_by_document: list[dict[str, Any]], labels: dict[str, str]) -> Any:
    """A stacked bar chart of claims per document (reading order, unique labels), one colour per status."""
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame(claims_by_document, columns=["document_id", "title", "status", "count"])
    frame["document"] = frame["document_id"].map(lambda d: labels.get(d, d))
    present = set(frame["document_id"])
    order = [labels.get(d, d) for d in dict.fromkeys([*labels, *frame["document_id"]]) if d in present]
    scale = alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values()))
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("document:N", title=None, sort=order,
                    axis=alt.Axis(labelLimit=LABEL_LIMIT, labelOverlap=False)),
            x=alt.X("count:Q", title="Claims"),
            color=alt.Color("status:N", scale=scale, title="Support", sort=list(STATUS_COLOURS)),
            tooltip=[alt.Tooltip("document:N", title="Document"), alt.Tooltip("status:N", title="Support"),
                     alt.Tooltip("count:Q", title="Claims")],
        )
    )


def page() -> None:
    """The Overview page."""
    store = read_store()
    st.header("Overview")
    st.caption(f"Store: {md(store.describe())}")
    stats = cached.stats(store_url())
    nodes = stats["nodes"]
    cols = st.columns(5)
    cols[0].metric("Documents", nodes.get(str(Label.DOCUMENT), 0))
    cols[1].metric("Claims", nodes.get(str(Label.CLAIM), 0))
    cols[2].metric("Evidence", nodes.get(str(Label.EVIDENCE), 0))
    cols[3].metric("Sources", nodes.get(str(Label.SOURCE), 0))
    cols[4].metric("Unresolved citations", stats.get("unresolved_citations", 0))
    by_status = stats["claims_by_status"]
    st.markdown(" · ".join(f"**{status}**: {by_status.get(status, 0)}" for status in STATUS_COLOURS))
    st.subheader("Claims by support, per document")
    rows = stats["claims_by_document"]
    if rows:
        shown = largest_documents(rows)
        documents_shown = len({row["document_id"] for row in shown})
        st.altair_chart(status_chart(shown, cached.document_labels(store_url())), width="stretch",
                        height=max(120, BAR_HEIGHT * documents_shown + 60))
        if len(shown) < len(rows):
            st.caption(f"The {TOP_DOCUMENTS} documents with the most claims.")
    else:
        st.info("No claims yet: add an article and its .bib on the Ingest page.")
    st.subheader("Sources ranked by the claims they support")
    sources = cached.sources(store_url())[:TOP_SOURCES]
    if sources:
        st.dataframe(
            [{k: s.get(k) for k in SOURCE_COLUMNS} for s in sources], hide_index=True, width="stretch",
            column_config=SOURCE_COLUMNS,
        )
    else:
        st.info("No sources yet: upload an article with its .bib on the Ingest page.")
    st.subheader("Unresolved citations")
    unresolved = cached.unresolved_citations(store_url())
    if unresolved:
        if len(unresolved) > MAX_UNRESOLVED_ROWS:
            st.caption(f"{len(unresolved)} unresolved; the first {MAX_UNRESOLVED_ROWS} are listed.")
        st.dataframe(
            [{k: u.get(k) for k in UNRESOLVED_COLUMNS} for u in unresolved[:MAX_UNRESOLVED_ROWS]],
            hide_index=True, width="stretch", column_config=UNRESOLVED_COLUMNS,
        )
    else:
        st.success("Every citation matched a BibTeX entry.")
