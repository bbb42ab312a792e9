"""The Ingest page: upload an article and its .bib, see what was found, then write it.

This is the explorer's only write path. It opens its own writable store for the
moment of the write and closes it; every other page reads through the cached
read-only store. A bad file shows the InputError's one line and writes nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

import streamlit as st

from claimgraph.explorer.html import STATUS_COLOURS
from claimgraph.explorer.state import store_url
from graph.model import GraphBatch
from graph.schema import Label
from graph.store import StoreError, open_store
from ingest.model import InputError

ARTICLE_TYPES = ["txt", "md", "markdown", "html", "htm"]
RESULT_KEY = "ingest_result"
WRITTEN_KEY = "ingest_written"


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


def batch_summary(batch: GraphBatch, unresolved: list[dict[str, Any]]) -> dict[str, Any]:
    """What an ingest found: documents, claims by status, evidence, unresolved citations."""
    claims = batch.nodes_by_label(Label.CLAIM)
    evidence = batch.nodes_by_label(Label.EVIDENCE)
    return {
        "documents": [d.props.get("title") or d.id for d in batch.nodes_by_label(Label.DOCUMENT)],
        "claims": len(claims),
        "by_status": Counter(str(c.props.get("status")) for c in claims),
        "evidence": Counter(str(e.props.get("kind")) for e in evidence),
        "sources": len(batch.nodes_by_label(Label.SOURCE)),
        "unresolved": [{k: u.get(k) for k in ("citation", "path", "line")} for u in unresolved],
    }


def upload_key(article: Any, bib: Any | None) -> str:
    """A fingerprint of the uploaded files, so unchanged uploads are not analysed again."""
    digest = hashlib.sha256()
    for upload in (article, bib):
        if upload is not None:
            digest.update(upload.name.encode("utf-8") + b"\0" + upload.getvalue())
    return digest.hexdigest()


def show_summary(summary: dict[str, Any]) -> None:
    """Draw what the ingest found."""
    st.subheader("Found")
    st.write("Documents:", ", ".join(summary["documents"]) or "none")
    cols = st.columns(4)
    cols[0].metric("Claims", summary["claims"])
    for col, status in zip(cols[1:], STATUS_COLOURS, strict=False):
        col.metric(status.capitalize(), summary["by_status"].get(status, 0))
    evidence = ", ".join(f"{kind}: {n}" for kind, n in sorted(summary["evidence"].items())) or "none"
    st.write("Evidence:", evidence, f"· sources: {summary['sources']}")
    if summary["unresolved"]:
        st.write(f"Citations with no BibTeX entry: {len(summary['unresolved'])}")
        st.dataframe(summary["unresolved"], hide_index=True)


def write_batch(batch: GraphBatch, key: str) -> None:
    """Write `batch` through a writable store opened just for this, then refresh cached reads."""
    try:
        with open_store(store_url()) as store:
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
        st.error(f"Nothing was written: {error}")
    elif counts is not None:
        st.success(f"Written to {store_url_label()}: {counts.get('nodes', 0)} nodes, "
                   f"{counts.get('relationships', 0)} relationships.")


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
    key = upload_key(article, bib)
    stored = st.session_state.get(RESULT_KEY)
    if not stored or stored[0] != key:
        try:
            result = analyse(article, bib)
        except InputError as err:
            st.session_state.pop(RESULT_KEY, None)
            st.error(str(err))
            return
        stored = (key, result)
        st.session_state[RESULT_KEY] = stored
    result = stored[1]
    if result.warnings:
        st.warning("\n".join(f"- {warning}" for warning in result.warnings))
    show_summary(batch_summary(result.batch, result.unresolved))
    written = st.session_state.get(WRITTEN_KEY)
    if written and written[0] == key:
        show_write_outcome(written)
        if not written[2]:
            return
    st.button("Write to the store", type="primary", on_click=write_batch, args=(result.batch, key),
              key="ingest_write")
