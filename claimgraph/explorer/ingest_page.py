"""The Ingest page: upload an article and its .bib, see what was found, then write it.

This is the explorer's only write path. It opens its own writable store for the
moment of the write and closes it; every other page reads through the cached
read-only store. A bad file shows the InputError's one line and writes nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from contextlib import nullcontext
from typing import Any

import streamlit as st

from claimgraph.explorer.html import STATUS_COLOURS, esc
from claimgraph.explorer.labels import short_document_label
from claimgraph.explorer.reader_html import reader_link, short_references, support_of
from claimgraph.explorer.safe_text import md
from claimgraph.explorer.state import go_to, store_url
from graph.model import GraphBatch
from graph.schema import Label, RelType
from graph.store import StoreError, open_store
from ingest.guards import MAX_ARTICLE_BYTES, MAX_BIBTEX_BYTES, check_size
from ingest.model import InputError
from ingest.upgrade import PLANNER

ARTICLE_TYPES = ["txt", "md", "markdown", "html", "htm"]
RESULT_KEY = "ingest_result"
PREVIEW_COLUMNS: dict[str, Any] = {
    "status": st.column_config.TextColumn("Support", width=112),
    "text": st.column_config.TextColumn("Claim", width=340),
    "references": st.column_config.TextColumn("Cites", width=160),
    "document": st.column_config.TextColumn("Document", width=120),
    "section": st.column_config.TextColumn("Section", width=100),
    "evidence": st.column_config.TextColumn("Evidence", width=120),
}
PREVIEW_ROW_HEIGHT = 76  # above 4rem Streamlit wraps cell text
WRITTEN_KEY = "ingest_written"
# Uploads above this many bytes in all are read under a status box that says what is happening.
LARGE_UPLOAD_BYTES = 512 * 1024


def check_upload_sizes(article: Any, bib: Any | None) -> None:
    """InputError, before an upload's bytes are read, when it is larger than the CLI reads
    (ingest.guards: MAX_ARTICLE_BYTES for an article, MAX_BIBTEX_BYTES for a .bib)."""
    check_size(article.name, article.size, "an article", MAX_ARTICLE_BYTES)
    if bib is not None:
        check_size(bib.name, bib.size, "a BibTeX file", MAX_BIBTEX_BYTES)


def decode_upload(name: str, data: bytes) -> str:
    """An uploaded file's text; InputError naming the file if it is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(name, "is not UTF-8 text", line=line,
                         hint="Save it as UTF-8 and upload it again") from None


def stored_works() -> Any:
    """The works and articles already in the store, so an upload's references join the works they
    name (and their records are merged, never overwritten)."""
    from pathlib import Path

    from ingest.works import WorkRegistry

    url = store_url()
    if "://" not in url and not Path(url).is_file():
        return WorkRegistry()  # a new store: nothing to join yet
    try:
        with open_store(url, read_only=True) as store:
            return WorkRegistry.from_store(store)
    except StoreError:
        return WorkRegistry()


def analyse(article: Any, bib: Any | None) -> Any:
    """Run the ingest pipeline on the uploaded files (no store is touched)."""
    from ingest.pipeline import ingest_text

    text = decode_upload(article.name, article.getvalue())
    bib_text = decode_upload(bib.name, bib.getvalue()) if bib is not None else None
    try:
        return ingest_text(text, article.name, bib_text=bib_text, registry=stored_works())
    except InputError as err:
        if bib is not None and err.path != article.name and err.path.endswith(".bib"):
            raise InputError(bib.name, err.message, err.line, err.hint) from None
        raise


def cited_source_ids(batch: GraphBatch) -> set[str]:
    """Sources some evidence of the batch cites (a .bib may hold entries the article never cites)."""
    evidence = {n.id for n in batch.nodes_by_label(Label.EVIDENCE)}
    return {r.end for r in batch.relationships if r.type == RelType.CITES and r.start in evidence}


def claim_rows(batch: GraphBatch) -> list[dict[str, Any]]:
    """One row per claim found: its support, text, section and the references its evidence cites."""
    sources = {n.id: n.props | {"id": n.id} for n in batch.nodes_by_label(Label.SOURCE)}
    evidence = {n.id: dict(n.props) for n in batch.nodes_by_label(Label.EVIDENCE)}
    cites: dict[str, list[str]] = {}
    supports: dict[str, list[str]] = {}
    for rel in batch.relationships:
        if rel.type == RelType.CITES and rel.start in evidence:
            cites.setdefault(rel.start, []).append(rel.end)
        elif rel.type == RelType.SUPPORTED_BY:
            supports.setdefault(rel.start, []).append(rel.end)
    for ev_id, ev in evidence.items():
        ev["sources"] = [sources[s] for s in sorted(set(cites.get(ev_id, []))) if s in sources]
    titles = {n.id: short_document_label({**n.props, "id": n.id})
              for n in batch.nodes_by_label(Label.DOCUMENT)}
    rows = []
    claims = sorted(batch.nodes_by_label(Label.CLAIM),
                    key=lambda n: (n.props.get("document_id", ""), int(n.props.get("position") or 0)))
    for claim in claims:
        ids = supports.get(claim.id, [])
        props = {**claim.props, "id": claim.id, "evidence_ids": ids}
        cited = [src for e in ids if e in evidence for src in evidence[e]["sources"]]
        rows.append({"status": support_of(props, evidence), "text": claim.props.get("text", ""),
                     "references": short_references(cited),
                     "document": titles.get(claim.props.get("document_id", ""), ""),
                     "section": claim.props.get("section", ""),
                     "evidence": ", ".join(str(evidence[e].get("marker") or evidence[e].get("kind"))
                                           for e in ids if e in evidence)})
    return rows


def batch_summary(batch: GraphBatch, unresolved: list[dict[str, Any]]) -> dict[str, Any]:
    """What an ingest found: documents, claims by status, evidence, cited references, unresolved citations."""
    claims = batch.nodes_by_label(Label.CLAIM)
    evidence = batch.nodes_by_label(Label.EVIDENCE)
    articles = [d for d in batch.nodes_by_label(Label.DOCUMENT) if d.props.get("kind") != "comment"]
    return {
        "documents": [d.props.get("title") or d.id for d in batch.nodes_by_label(Label.DOCUMENT)],
        "article_id": articles[0].id if articles else "",
        "claims": len(claims),
        "by_status": Counter(str(c.props.get("status")) for c in claims),
        "evidence": Counter(str(e.props.get("kind")) for e in evidence),
        "sources": len(cited_source_ids(batch)),
        "entries": len(batch.nodes_by_label(Label.SOURCE)),
        "rows": claim_rows(batch),
        "unresolved": [{k: u.get(k) for k in ("citation", "path", "line", "reason")} for u in unresolved],
    }


def upload_key(article: Any, bib: Any | None) -> str:
    """A fingerprint of the uploaded files, so unchanged uploads are not analysed again."""
    digest = hashlib.sha256()
    for upload in (article, bib):
        if upload is not None:
            digest.update(upload.name.encode("utf-8") + b"\0" + upload.getvalue())
    return digest.hexdigest()


def show_summary(summary: dict[str, Any]) -> None:
    """Draw what the ingest found: counts, then every claim with its support and references."""
    st.subheader("Found (nothing written yet)")
    st.markdown("Documents: " + (", ".join(md(d) for d in summary["documents"]) or "none"))
    cols = st.columns(1 + len(STATUS_COLOURS))
    cols[0].metric("Claims", summary["claims"])
    for col, status in zip(cols[1:], STATUS_COLOURS, strict=True):
        col.metric(status.capitalize(), summary["by_status"].get(status, 0))
    evidence = ", ".join(f"{kind}: {n}" for kind, n in sorted(summary["evidence"].items())) or "none"
    uncited = summary["entries"] - summary["sources"]
    extra = f" ({uncited} more in the .bib, never cited)" if uncited > 0 else ""
    st.markdown(f"Evidence: {md(evidence)} · references cited: {summary['sources']}{extra}")
    if summary["rows"]:
        st.dataframe(summary["rows"], hide_index=True, width="stretch", column_config=PREVIEW_COLUMNS,
                     key="ingest_preview", row_height=PREVIEW_ROW_HEIGHT)
    if summary["unresolved"]:
        st.markdown(f"Citations that match no reference, and why: {len(summary['unresolved'])}")
        st.dataframe(summary["unresolved"], hide_index=True)


def write_batch(batch: GraphBatch, key: str) -> None:
    """Write `batch` through a writable store opened just for this, then refresh cached reads."""
    try:
        with open_store(store_url(), planner=PLANNER) as store:  # an older store is upgraded first
            counts = store.write(batch)
    except StoreError as err:
        st.session_state[WRITTEN_KEY] = (key, None, str(err))
        return
    st.cache_data.clear()
    st.session_state[WRITTEN_KEY] = (key, counts, "")


def show_write_outcome(written: tuple[str, dict[str, int] | None, str]) -> None:
    """Say what the write did, or why nothing was written."""
    _, counts, error = written
    if error:
        st.error(f"Nothing was written: {md(error)}")
    elif counts is not None:
        st.success(f"Written to {md(store_url_label())}: {counts.get('nodes', 0)} nodes, "
                   f"{counts.get('relationships', 0)} relationships.")


def open_reader(document_id: str) -> None:
    """Go to the reader view of `document_id` (a button callback)."""
    st.session_state["read_doc"] = document_id
    st.session_state["last_doc"] = document_id
    go_to("read", doc=document_id)


def store_url_label() -> str:
    """The store's URL without any credentials part."""
    url = store_url()
    if "://" in url and "@" in url.split("://", 1)[1]:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://{rest.split('@', 1)[1]}"
    return url


def page() -> None:
    """The Ingest page."""
    st.header("Ingest")
    st.caption("Upload an article (.txt, .md or .html) and its references (.bib). Nothing is written "
               "until you press Write.")
    article = st.file_uploader("Article", type=ARTICLE_TYPES, key="upload_article")
    bib = st.file_uploader("References (.bib)", type=["bib"], key="upload_bib")
    if article is None:
        st.session_state.pop(RESULT_KEY, None)
        return
    try:
        check_upload_sizes(article, bib)
    except InputError as err:
        st.session_state.pop(RESULT_KEY, None)
        st.error(md(err))
        return
    key = upload_key(article, bib)
    stored = st.session_state.get(RESULT_KEY)
    if not stored or stored[0] != key:
        size = article.size + (bib.size if bib is not None else 0)
        large = size > LARGE_UPLOAD_BYTES
        status = (st.status(f"Reading and extracting {md(article.name)} ({size / 2**20:.1f} MiB)…",
                            expanded=True) if large else nullcontext())
        with status:
            if large:
                st.write("Finding claims, evidence and citations; a large file takes a while.")
            try:
                result = analyse(article, bib)
            except InputError as err:
                if large:
                    status.update(label="The upload cannot be read", state="error")
                st.session_state.pop(RESULT_KEY, None)
                st.error(md(err))
                return
            if large:
                status.update(label=f"Read {md(article.name)}", state="complete", expanded=False)
        stored = (key, result)
        st.session_state[RESULT_KEY] = stored
    result = stored[1]
    if result.warnings:
        st.warning("\n".join(f"- {md(warning)}" for warning in result.warnings))
    summary = batch_summary(result.batch, result.unresolved)
    written = st.session_state.get(WRITTEN_KEY)
    if written and written[0] == key:
        show_write_outcome(written)
        if not written[2]:
            if summary["article_id"]:
                st.button("Read the new article →", type="primary", on_click=open_reader,
                          args=(summary["article_id"],), key="ingest_read")
                st.html(f'<a href="{esc(reader_link(summary["article_id"]))}" target="_self">'
                        f"Permalink of its reader view</a>")
            show_summary(summary)
            return
    show_summary(summary)
    st.button("Write to the store", type="primary", on_click=write_batch, args=(result.batch, key),
              key="ingest_write")
