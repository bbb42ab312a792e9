"""Store reads that fill option lists and the overview, cached briefly per store URL.

Listing every document, source and section takes about a second at 100k claims, and
Streamlit reruns the page on every click, so these lists are cached for CACHE_SECONDS
(the Ingest page clears the cache after it writes). Claim pages, traces and subgraphs
are never cached: they are small, bounded queries.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from claimgraph.explorer.labels import document_labels as label_documents
from claimgraph.explorer.labels import short_document_labels
from claimgraph.explorer.state import read_store

CACHE_SECONDS = 60


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def documents(store_url: str) -> list[dict[str, Any]]:
    """Every document (without text) with its claim counts."""
    return read_store().documents()


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def document_labels(store_url: str) -> dict[str, str]:
    """Document id -> unique readable label, articles then their comments in thread order."""
    return label_documents(documents(store_url))


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def short_labels(store_url: str) -> dict[str, str]:
    """Document id -> short unique label for table columns."""
    return short_document_labels(documents(store_url))


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def short_references(store_url: str) -> dict[str, str]:
    """Source id -> its APA in-text form ('Jordan et al., 1992')."""
    from graph.handout import short_reference

    return {str(s["id"]): short_reference(s) for s in sources(store_url)}


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def source_labels(store_url: str) -> dict[str, str]:
    """Source id -> 'Jordan et al., 1992 · jordan1992problems' (its in-text form and citing keys)."""
    from graph.handout import short_reference

    labels = {}
    for source in sources(store_url):
        keys = str(source.get("keys") or "")  # already "key1, key2"
        labels[str(source["id"])] = f"{short_reference(source)} · {keys}" if keys else short_reference(source)
    return labels


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def sources(store_url: str) -> list[dict[str, Any]]:
    """Every source, most-supporting first."""
    return read_store().sources()


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def sections(store_url: str, document_id: str | None) -> list[str]:
    """Section headings (of one document, or of all) in reading order."""
    return read_store().sections(document_id)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def stats(store_url: str) -> dict[str, Any]:
    """The store's counts."""
    return read_store().stats()


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def unresolved_citations(store_url: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Citations that matched no BibTeX entry (the first `limit`, in document order)."""
    return read_store().unresolved_citations(limit)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def works(store_url: str, by: str, limit: int) -> list[dict[str, Any]]:
    """Cited works ranked by citing articles or by claims resting on them."""
    return read_store().works(by=by, limit=limit)


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def claims_by_support_design(store_url: str) -> dict[str, int]:
    """Claims by the strongest design among the works they rest on ('' for none)."""
    return read_store().claims_by_support_design()


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def design_group_counts(store_url: str) -> dict[str, int]:
    """Claims each design group of the Claims page's facet matches ('resting only on case reports or
    opinion' counts claims every supporting work of which is one)."""
    from claimgraph.explorer.support import DESIGN_FACETS, DESIGN_GROUPS
    from graph.model import ClaimFilter

    store = read_store()
    return {group: store.claims(ClaimFilter(**DESIGN_FACETS[group]), limit=0).total
            for group in DESIGN_GROUPS}


@st.cache_data(ttl=CACHE_SECONDS, show_spinner=False)
def corpus_citations(store_url: str) -> list[dict[str, Any]]:
    """Articles of the corpus citing other articles of the corpus: {citing_id, citing_title,
    cited_id, cited_title, source_id}, from the IN_CORPUS links (one citing_articles call per
    ingested article that some article cites)."""
    from graph.schema import RelType

    store = read_store()
    cited = sorted({rel.end for chunk in store.iter_relationships(RelType.IN_CORPUS) for rel in chunk})
    titles = {d["id"]: d.get("title") or d["id"] for d in documents(store_url)}
    rows = []
    for document_id in cited:
        for row in store.citing_articles(document_id):
            rows.append({"citing_id": row["id"], "citing_title": row.get("title") or row["id"],
                         "cited_id": document_id, "cited_title": titles.get(document_id, document_id),
                         "source_id": row.get("source_id", "")})
    return rows
