"""The Claims page: filter, sort and page through claims; selecting a row opens its trace."""

from __future__ import annotations

import hashlib
from typing import Any

import streamlit as st

from claimgraph.explorer import cached, claims_url
from claimgraph.explorer.html import status_colour
from claimgraph.explorer.safe_text import md
from claimgraph.explorer.state import read_store, relative_link, resolve_node, store_url
from claimgraph.explorer.support import CONTRASTING, DESIGN_FACETS, facet_label, support_profile
from claimgraph.explorer.trace import render_trace
from graph.model import CLAIM_SORT_KEYS, ClaimFilter, Page
from graph.schema import ClaimKind, ClaimStatus

ANY = claims_url.ANY
PAGE_SIZES = (25, 50, 100)
RESTORED_KEY = "url_claims_restored"  # set once the Claims page has read its view from the URL
TABLE_KEY_PREFIX = "claims_table"
TABLE_COLUMNS = ("status", "text", "references", "support", "document", "section", "evidence_count", "kind",
                 "id")
CLAIM_COLUMN_PIXELS = 340
ROW_HEIGHT = 76  # above 4rem Streamlit wraps cell text: a long claim shows on three lines
SORT_LABELS = {"position": "reading order", "status": "status", "document_id": "document",
               "text": "claim text"}
COLUMN_CONFIG: dict[str, Any] = {
    "status": st.column_config.TextColumn("Status", width=96),
    "text": st.column_config.TextColumn("Claim", width=CLAIM_COLUMN_PIXELS,
                                          help="Select the row to read the whole claim and its trace"),
    "references": st.column_config.TextColumn("References", width=160,
                                                help="The works the claim's evidence cites"),
    "support": st.column_config.TextColumn(
        "Support", width=170,
        help="The strongest study design among the works its citations support, then how many citations "
             "support it and how many contrast with it"),
    "document": st.column_config.TextColumn("Document", width=140),
    "section": st.column_config.TextColumn("Section", width=100),
    "evidence_count": st.column_config.NumberColumn("Evid.", width=56, help="Pieces of evidence"),
    "kind": st.column_config.TextColumn("Kind", width=90),
    "id": st.column_config.TextColumn("Claim id", width=130),
}


def _choice(value: object) -> str | None:
    """A selectbox value as a plain-string filter value: '(any)' and '' mean no filter."""
    return None if value in (ANY, "", None) else str(value)


def claim_filter_from_state() -> ClaimFilter:
    """The ClaimFilter the filter widgets currently describe (also used by graph/export scopes)."""
    state = st.session_state
    return ClaimFilter(
        status=_choice(state.get("f_status", ANY)),
        document_id=_choice(state.get("f_document", ANY)),
        section=_choice(state.get("f_section", ANY)),
        source_id=_choice(state.get("f_source", ANY)),
        kind=_choice(state.get("f_kind", ANY)),
        text=(state.get("f_text") or "").strip() or None,
        stance=CONTRASTING if state.get("f_contrasting") else None,
        **DESIGN_FACETS.get(str(state.get("f_design", ANY)), {}),
    )


def filter_widgets() -> ClaimFilter:
    """Draw the filter widgets and return the filter they describe."""
    url = store_url()
    documents = cached.document_labels(url)
    first, second, third, fourth = st.columns(4)
    first.selectbox("Status", [ANY, *ClaimStatus], key="f_status")
    first.selectbox("Kind", [ANY, *ClaimKind], key="f_kind")
    second.selectbox("Document", [ANY, *documents], key="f_document",
                     format_func=lambda d: documents.get(d, d))
    sections = cached.sections(url, _choice(st.session_state.get("f_document", ANY)))
    if st.session_state.get("f_section", ANY) not in (ANY, *sections):
        st.session_state["f_section"] = ANY
    second.selectbox("Section", [ANY, *sections], key="f_section",
                     format_func=lambda s: s or "(before the first heading)")
    source_labels = cached.source_labels(url)
    third.selectbox("Source", [ANY, *source_labels], key="f_source",
                    format_func=lambda s: source_labels.get(s, s))
    third.text_input("Text contains", key="f_text")
    fourth.selectbox("Support design", [ANY, *DESIGN_FACETS], key="f_design", format_func=design_option,
                     help="The strongest design among the works a claim's citations support")
    fourth.checkbox("Has a contrasting citation", key="f_contrasting",
                    help="Claims one of whose citations disputes or fails to replicate the work it cites")
    return claim_filter_from_state()


def design_option(value: str) -> str:
    """How the design facet's selectbox names an option."""
    return value if value == ANY else facet_label(value)


def source_choices() -> list[str]:
    """Source ids, then every key a citing document uses for one (so a near-miss key finds its key)."""
    sources = cached.sources(store_url())
    keys = [k.strip() for s in sources for k in str(s.get("keys") or "").split(",") if k.strip()]
    return [str(s["id"]) for s in sources] + keys


def restore_view_from_url() -> None:
    """Once per session, set the filter, sort and paging widgets from the URL (before they are drawn)."""
    if st.session_state.get(RESTORED_KEY):
        return
    st.session_state[RESTORED_KEY] = True
    params = {name: st.query_params[name] for name in claims_url.PARAMS if name in st.query_params}
    if not params:
        return
    url = store_url()
    if params.get("source"):
        params["source"] = resolve_node(params["source"])  # a BibTeX key or DOI names its work
    documents = list(cached.document_labels(url))
    document = params.get("document") if params.get("document") in documents else None
    choices = {
        "f_status": list(ClaimStatus), "f_kind": list(ClaimKind), "f_document": documents,
        "f_section": cached.sections(url, document), "f_source": source_choices(),
        "claims_sort": CLAIM_SORT_KEYS, "claims_limit": PAGE_SIZES, "f_design": list(DESIGN_FACETS),
    }
    notes = claims_url.restore(params, st.session_state, choices)
    if notes:
        st.warning("Ignored from the link: " + "; ".join(md(n) for n in notes)
                   + ". Showing the default instead.")


def sync_view_to_url() -> str:
    """Write the current view's non-default values into the URL; returns the relative link to it."""
    params = {"page": "claims", **claims_url.view_params(st.session_state)}
    if dict(st.query_params.to_dict()) != params:
        st.query_params.from_dict(params)
    return relative_link(**params)


def claims_frame(page: Page, labels: dict[str, str] | None = None,
                 references: dict[str, str] | None = None) -> Any:
    """The page's rows as a DataFrame styled with one colour per status: documents by their short
    labels, sources by their in-text references ('Jordan et al., 1992')."""
    import pandas as pd

    labels = labels or {}
    references = references or {}
    frame = pd.DataFrame(
        [{**row, "references": "; ".join(dict.fromkeys(references.get(s, s)
                                                        for s in row.get("source_ids") or [])),
          "support": support_profile(row),
          "document": labels.get(row["document_id"]) or row.get("document_title") or row["document_id"]}
         for row in page.rows],
        columns=[*TABLE_COLUMNS, "source_ids"],
    )[list(TABLE_COLUMNS)]
    return frame.style.map(lambda s: f"background-color: {status_colour(s)}; color: white",
                           subset=["status"])


FILTER_NAMES = {"status": "status", "document_id": "document", "section": "section",
                "source_id": "source", "kind": "kind", "text": "text", "design": "support design",
                "only_design": "support design", "stance": "the filter"}


def why_nothing_matches(flt: ClaimFilter) -> str:
    """Which filter empties the table: how many claims match with each one set back to (any)."""
    from dataclasses import replace

    store = read_store()
    labels = cached.document_labels(store_url())
    reasons = []
    for field, name in FILTER_NAMES.items():
        value = getattr(flt, field)
        if not value:
            continue
        total = store.claims(replace(flt, **{field: None}), limit=1).total
        names = {"document_id": labels, "source_id": cached.source_labels(store_url())}.get(field, {})
        shown = names.get(value, value)
        if field in ("design", "only_design"):
            shown = facet_label(str(st.session_state.get("f_design", ANY)))
        elif field == "stance":
            shown = "has a contrasting citation"
        if total:
            reasons.append(f"without {name} {md(repr(shown))}, {total} would match")
    if not reasons:
        return "No claim matches these filters, nor any one of them alone set back to (any)."
    return "No claim matches all these filters: " + "; ".join(reasons) + "."


def paging_widgets(total: int) -> tuple[int, int]:
    """Sort and page widgets; returns (offset, limit)."""
    left, middle, right, last = st.columns(4)
    left.selectbox("Sort by", CLAIM_SORT_KEYS, key="claims_sort",
                   format_func=lambda k: SORT_LABELS.get(k, k))
    middle.checkbox("Descending", key="claims_desc")
    st.session_state.setdefault("claims_limit", claims_url.DEFAULT_ROWS)
    limit = int(right.selectbox("Rows per page", PAGE_SIZES, key="claims_limit"))
    pages = max(1, -(-total // limit))
    if st.session_state.get("claims_page", 1) > pages:
        st.session_state["claims_page"] = 1
    number = int(last.number_input(f"Page (of {pages})", min_value=1, max_value=pages, key="claims_page"))
    return (number - 1) * limit, limit


def table_key(flt: ClaimFilter, offset: int, limit: int, order_by: str, descending: bool) -> str:
    """A table widget key per view: a new filter, sort or page starts with nothing selected."""
    view = repr((flt, offset, limit, order_by, descending)).encode("utf-8")
    return f"{TABLE_KEY_PREFIX}_{hashlib.sha1(view).hexdigest()[:10]}"


def selected_claim(page: Page, key: str) -> str | None:
    """The id of the row selected in the table, if any."""
    event = st.session_state.get(key)
    rows = list(getattr(getattr(event, "selection", None), "rows", None) or
                ((event or {}).get("selection", {}).get("rows", []) if isinstance(event, dict) else []))
    if rows and rows[0] < len(page.rows):
        return str(page.rows[rows[0]]["id"])
    return None


def page() -> None:
    """The Claims page."""
    st.header("Claims")
    restore_view_from_url()
    flt = filter_widgets()
    store = read_store()
    total = store.claims(flt, offset=0, limit=1).total
    offset, limit = paging_widgets(total)
    order_by = st.session_state.get("claims_sort", "position")
    descending = bool(st.session_state.get("claims_desc", False))
    result = store.claims(flt, offset=offset, limit=limit, order_by=order_by, descending=descending)
    shown = f"{offset + 1}–{offset + len(result.rows)}" if result.rows else "none"
    matches = "1 claim matches" if result.total == 1 else f"{result.total} claims match"
    st.caption(f"{matches}; showing {shown}. Tick the box at the left of a row to see its trace.")
    key = table_key(flt, offset, limit, order_by, descending)
    st.caption(f"Link to this view: `{sync_view_to_url()}`")
    if not result.rows:
        st.info(why_nothing_matches(flt))
        return
    url = store_url()
    st.dataframe(claims_frame(result, cached.short_labels(url), cached.short_references(url)), key=key,
                 on_select="rerun", selection_mode="single-row", hide_index=True, width="stretch",
                 column_config=COLUMN_CONFIG, row_height=ROW_HEIGHT)
    claim_id = selected_claim(result, key)
    if claim_id:
        st.session_state["last_claim"] = claim_id
        st.divider()
        render_trace(claim_id, show_open_button=True)
