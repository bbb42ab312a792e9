"""The Reader page: a whole article, typeset, with every claim highlighted by its support.

`?page=read&doc=doc:…` is the permalink of a document, `…#claim:…` (or `&claim=claim:…`)
scrolls to one claim and marks it. The article is one st.html block built by
`reader_html` from escaped pieces (DOMPurify sanitises it once more); a second, tiny
st.html block holds the only script, which scrolls to the claim the link names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from claimgraph.explorer import cached
from claimgraph.explorer.graph_widget import script_json
from claimgraph.explorer.reader_html import reader_html, section_summary
from claimgraph.explorer.safe_text import md, nearest
from claimgraph.explorer.state import permalink, read_store, store_url
from graph.schema import slugify

DOC_KEY = "read_doc"
LAST_DOC_KEY = "last_doc"
SCROLL_SCRIPT = """<script>
(() => {
  const wanted = %s || decodeURIComponent((window.parent || window).location.hash.slice(1) || "");
  if (!wanted) return;
  let tries = 0;
  const find = () => {
    const el = document.getElementById(wanted);
    if (el) {
      el.classList.add("cg-target");
      el.scrollIntoView({block: "center"});
      el.focus({preventScroll: true});
    }
    else if (tries++ < 40) setTimeout(find, 100);
  };
  find();
})();
</script>"""


def articles() -> dict[str, str]:
    """Article id -> label, in reading order (comments are shown under their article)."""
    labels = cached.document_labels(store_url())
    kinds = {d["id"]: d.get("kind") for d in cached.documents(store_url())}
    return {doc_id: label for doc_id, label in labels.items() if kinds.get(doc_id) != "comment"}


def comments_of(document_id: str) -> list[dict[str, Any]]:
    """The comments under an article, in thread order."""
    return [d for d in cached.documents(store_url())
            if d.get("root_id") == document_id and d["id"] != document_id]


def chosen_document(options: dict[str, str]) -> str | None:
    """The document the URL (?doc=…) or the picker names; warns about an unknown ?doc value."""
    state = st.session_state
    requested = st.query_params.get("doc")
    if requested and requested != state.get(LAST_DOC_KEY):
        known = cached.document_labels(store_url())
        if requested in known:
            state[DOC_KEY] = requested if requested in options else state.get(DOC_KEY)
            state[LAST_DOC_KEY] = requested
            if requested not in options:
                return requested  # a comment: read it on its own
        else:
            hint = nearest(requested, list(known))
            st.warning(f"No document {md(requested)} in this store"
                       + (f"; did you mean {md(hint)}?" if hint else ".") + " Pick one below.")
    if DOC_KEY not in state or state[DOC_KEY] not in options:
        state[DOC_KEY] = next(iter(options))
    document_id = st.selectbox("Article", list(options), format_func=options.get, key=DOC_KEY)
    state[LAST_DOC_KEY] = document_id
    return document_id


@st.cache_data(show_spinner=False, max_entries=32)
def summary_picture(url: str, document_id: str, title: str, fmt: str,
                    rows: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]) -> bytes | str:
    """The support-summary picture of a document (cached per store, document and counts)."""
    from graph.picture import support_summary_picture

    return support_summary_picture(title, [(name, dict(counts)) for name, counts in rows], fmt)


def document_table(document_id: str, fmt: str) -> Callable[[], bytes | str]:
    """What the table download button calls: the document's claims × evidence × references."""
    def make() -> bytes | str:
        from graph.exports import export
        from graph.model import ClaimFilter
        from graph.store import UNCAPPED, Scope

        store = read_store()
        subgraph = store.subgraph(Scope(kind="filter", filter=ClaimFilter(document_id=document_id)),
                                  max_nodes=UNCAPPED)
        return export(subgraph, fmt, store=store, base_url=permalink("trace").split("?", 1)[0])
    return make


def downloads(view: dict[str, Any]) -> None:
    """Download buttons for slides and spreadsheets: the support summary picture and the table."""
    document = view["document"]
    rows = tuple((name, tuple(sorted(counts.items()))) for name, counts in section_summary(view))
    slug = slugify(str(document["id"]).split(":", 1)[-1])[:50]
    title = str(document.get("title") or document["id"])
    columns = st.columns(4)
    for column, fmt in zip(columns[:2], ("png", "svg"), strict=True):
        column.download_button(
            f"Support summary (.{fmt})", key=f"download_summary_{fmt}", on_click="ignore", width="stretch",
            data=lambda fmt=fmt: summary_picture(store_url(), str(document["id"]), title, fmt, rows),
            file_name=f"claimgraph-support-{slug}.{fmt}",
            mime="image/png" if fmt == "png" else "image/svg+xml",
            help="Claims by support, for the whole document and per section: a picture for slides")
    tables = (("table-csv", "csv"), ("table-xlsx", "xlsx"))
    for column, (fmt, extension) in zip(columns[2:], tables, strict=True):
        column.download_button(
            f"Claims table (.{extension})", key=f"download_read_{fmt}", on_click="ignore", width="stretch",
            data=document_table(str(document["id"]), fmt), file_name=f"claimgraph-claims-{slug}.{extension}",
            help="One row per claim × evidence × reference, with the APA reference and a permalink")


def page() -> None:
    """The Reader page."""
    st.header("Read")
    options = articles()
    if not options:
        st.info("No articles yet: add an article and its .bib on the Ingest page.")
        return
    document_id = chosen_document(options)
    if document_id is None:
        return
    if st.query_params.get("doc") != document_id or st.query_params.get("page") != "read":
        claim = st.query_params.get("claim")
        st.query_params.from_dict({"page": "read", "doc": document_id, **({"claim": claim} if claim else {})})
    store = read_store()
    view = store.document_view(document_id)
    if view is None:
        st.warning("That document is no longer in the store. Pick another one.")
        return
    labels = cached.document_labels(store_url())
    comments = []
    for comment in comments_of(document_id):
        comment_view = store.document_view(comment["id"])
        if comment_view is not None:
            comments.append((comment_view, labels.get(comment["id"], comment["id"])))
    st.caption("Hover over or click a highlighted claim to see its evidence and references; "
               "every claim links to its trace.")
    downloads(view)
    st.html(reader_html(view, comments))
    target = st.query_params.get("claim") or ""
    st.html(SCROLL_SCRIPT % script_json(target), unsafe_allow_javascript=True)
