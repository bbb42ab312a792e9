"""The Overview page: counts, claims by status per document, top sources, unresolved citations."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import streamlit as st

from claimgraph.explorer import cached
from claimgraph.explorer.html import STATUS_COLOURS, esc
from claimgraph.explorer.reader_html import reader_link
from claimgraph.explorer.safe_text import md
from claimgraph.explorer.state import read_store, store_url
from claimgraph.explorer.support import strength_table_html
from graph.handout import short_reference
from graph.schema import Label

TOP_DOCUMENTS = 30
MAX_UNRESOLVED_ROWS = 500
BAR_HEIGHT = 32
LABEL_LIMIT = 260  # px of a document label; at 420 a narrow window left the bars ~40 px
# (row key, heading, share of the table's width): the table wraps its text to fit the column at any width
UNRESOLVED_COLUMNS = (("marker", "Citation as written", 15), ("reason", "Why it matched no reference", 24),
                      ("sentence", "Sentence", 38), ("document_title", "Document", 14),
                      ("read", "In the article", 9))
TOP_WORKS = 25
CITATION_COLUMNS = (("citing_title", "Article", 45), ("cited_title", "cites this article of the corpus", 45),
                    ("read", "Cited article", 10))
SENTENCE_LIMIT = 400
RANKINGS = {"articles": "articles citing them", "claims": "claims resting on them"}


def largest_documents(claims_by_document: list[dict[str, Any]],
                      limit: int = TOP_DOCUMENTS) -> list[dict[str, Any]]:
    """The rows of the `limit` documents with the most claims (the chart stays readable)."""
    totals: dict[str, int] = {}
    for row in claims_by_document:
        totals[row["document_id"]] = totals.get(row["document_id"], 0) + int(row["count"])
    keep = set(sorted(totals, key=lambda d: (-totals[d], d))[:limit])
    return [row for row in claims_by_document if row["document_id"] in keep]


def count_axis() -> Any:
    """An axis for a count: whole-number ticks only (no '0.5 claims' when every count is small)."""
    import altair as alt

    return alt.Axis(tickMinStep=1, format="d")


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
            x=alt.X("count:Q", title="Claims", axis=count_axis()),
            color=alt.Color("status:N", scale=scale, title="Support", sort=list(STATUS_COLOURS)),
            tooltip=[alt.Tooltip("document:N", title="Document"), alt.Tooltip("status:N", title="Support"),
                     alt.Tooltip("count:Q", title="Claims")],
        )
    )


SENTENCE_ENDS = (". ", "? ", "! ")


def sentence_around(text: str, start: int, end: int, limit: int = SENTENCE_LIMIT) -> str:
    """The sentence (or line) of `text` holding [start, end), on one line: from just after the last
    sentence end or line break before it to the next one after it."""
    starts = [text.rfind("\n", 0, start) + 1]
    starts += [found + len(mark) for mark in SENTENCE_ENDS if (found := text.rfind(mark, 0, start)) >= 0]
    ends = [found for found in [text.find("\n", end)] if found >= 0]
    ends += [found + 1 for mark in SENTENCE_ENDS if (found := text.find(mark, end)) >= 0]
    sentence = " ".join(text[max(starts):min(ends, default=len(text))].split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def unresolved_rows(unresolved: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Unresolved citations with the sentence they sit in (not the marker again) and a reader link."""
    store = read_store()
    texts: dict[str, str] = {}
    rows = []
    for item in unresolved:
        document_id = str(item.get("document_id") or "")
        if document_id not in texts:
            node = store.node(document_id)
            texts[document_id] = str(node.props.get("text") or "") if node else ""
        text = texts[document_id]
        start, end = int(item.get("start") or 0), int(item.get("end") or 0)
        rows.append({"marker": item.get("marker") or item.get("text"), "reason": item.get("reason") or "",
                     "sentence": sentence_around(text, start, end) if text else item.get("text"),
                     "document_title": item.get("document_title") or document_id,
                     "read": reader_link(document_id)})
    return rows


def work_rows(works: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ranked works with their in-text reference and a link to the claims resting on them."""
    return [{"reference": short_reference(w), "title": w.get("title"),
             "article_count": w.get("article_count"), "claim_count": w.get("claim_count"),
             "claims": f"?page=claims&source={quote(str(w['id']), safe=':')}",
             "keys": str(w.get("keys") or "")} for w in works]


WORKS_CSS = """<style>
.cg-works { border-collapse: collapse; width: 100%; font-size: .9rem; }
.cg-works th, .cg-works td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e6e6e6;
  vertical-align: top; }
.cg-works td.cg-n { text-align: right; white-space: nowrap; }
.cg-works a { color: #1565c0; white-space: nowrap; }
</style>"""


def works_table_html(rows: list[dict[str, Any]]) -> str:
    """Ranked works as an HTML table (escaped); each work links to the claims resting on it."""
    body = "".join(
        f'<tr><td><a class="cg-work-link" href="{esc(row["claims"])}" target="_self">{esc(row["reference"])}'
        f' →</a></td><td>{esc(row["title"])}</td><td class="cg-n">{esc(row["article_count"])}</td>'
        f'<td class="cg-n">{esc(row["claim_count"])}</td><td>{esc(row["keys"])}</td></tr>' for row in rows)
    return (f'{WORKS_CSS}<table class="cg-works"><thead><tr><th>Work (open its claims)</th><th>Title</th>'
            f'<th>Articles</th><th>Claims</th><th>Cited as</th></tr></thead><tbody>{body}</tbody></table>')


TABLE_CSS = """<style>
.cg-table-box { max-height: 32rem; overflow: auto; border: 1px solid #e6e6e6; border-radius: 6px; }
.cg-table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: .9rem; }
.cg-table th, .cg-table td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e6e6e6;
  vertical-align: top; overflow-wrap: anywhere; }
.cg-table th { position: sticky; top: 0; background: #fafafa; font-weight: 600; }
.cg-table a { color: #1565c0; white-space: nowrap; }
</style>"""
LINK_TEXT = "Read →"


def link_table_html(css_class: str, columns: tuple[tuple[str, str, int], ...],
                    rows: list[dict[str, Any]]) -> str:
    """Rows as an HTML table that fits its column at any width: each column gets its share of the
    width and its text wraps (a long sentence or URL too); the `read` cell is a link into the app.
    Every value is escaped; the box scrolls down when there are many rows."""
    cols = "".join(f'<col style="width:{share}%">' for _, _, share in columns)
    head = "".join(f"<th>{esc(title)}</th>" for _, title, _ in columns)

    def cell(key: str, row: dict[str, Any]) -> str:
        if key == "read":
            return f'<td><a href="{esc(row[key])}" target="_self">{LINK_TEXT}</a></td>'
        return f"<td>{esc(row.get(key))}</td>"

    body = "".join("<tr>" + "".join(cell(key, row) for key, _, _ in columns) + "</tr>" for row in rows)
    return (f'{TABLE_CSS}<div class="cg-table-box"><table class="cg-table {css_class}"><colgroup>{cols}'
            f"</colgroup><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def corpus_counts(stats: dict[str, Any], documents: list[dict[str, Any]]) -> None:
    """Articles, comments, works, claims and unresolved citations, as metrics."""
    nodes = stats["nodes"]
    articles = sum(1 for d in documents if d.get("kind") == "article")
    cols = st.columns(5)
    cols[0].metric("Articles", articles)
    cols[1].metric("Comments", max(0, nodes.get(str(Label.DOCUMENT), 0) - articles))
    cols[2].metric("Works cited", nodes.get(str(Label.SOURCE), 0))
    cols[3].metric("Claims", nodes.get(str(Label.CLAIM), 0))
    cols[4].metric("Unresolved citations", stats.get("unresolved_citations", 0))


def page() -> None:
    """The Overview page: the corpus at a glance."""
    store = read_store()
    url = store_url()
    st.header("Overview")
    st.caption(f"Store: {md(store.describe())}")
    stats = cached.stats(url)
    corpus_counts(stats, cached.documents(url))
    by_status = stats["claims_by_status"]
    st.markdown(" · ".join(f"**{status}**: {by_status.get(status, 0)}" for status in STATUS_COLOURS))
    st.subheader("Claims by support, per document")
    rows = stats["claims_by_document"]
    if rows:
        shown = largest_documents(rows)
        documents_shown = len({row["document_id"] for row in shown})
        st.altair_chart(status_chart(shown, cached.document_labels(url)), width="stretch",
                        height=max(120, BAR_HEIGHT * documents_shown + 60))
        if len(shown) < len(rows):
            st.caption(f"The {TOP_DOCUMENTS} documents with the most claims.")
    else:
        st.info("No claims yet: add an article and its .bib on the Ingest page.")
    st.subheader("Strength of support")
    st.caption("Each claim counted once, under the strongest study design among the works its citations "
               "support (a design only where the work's metadata or title states one). Open a row for "
               "its claims.")
    st.html(strength_table_html(cached.claims_by_support_design(url), cached.design_group_counts(url)))
    st.subheader("Works the corpus rests on")
    by = st.radio("Rank works by", list(RANKINGS), format_func=RANKINGS.get, horizontal=True,
                  key="overview_rank")  # one ranking query per render, not two
    works = cached.works(url, by, TOP_WORKS)
    if works:
        st.html(works_table_html(work_rows(works)))
    else:
        st.info("No works yet: upload an article with its .bib on the Ingest page.")
    citations = cached.corpus_citations(url)
    if citations:
        st.subheader("Articles of the corpus that cite each other")
        st.html(link_table_html("cg-corpus-citations", CITATION_COLUMNS,
                                [{**row, "read": reader_link(row["cited_id"])} for row in citations]))
    st.subheader("Unresolved citations")
    total = int(stats.get("unresolved_citations", 0))
    if total:
        unresolved = cached.unresolved_citations(url, MAX_UNRESOLVED_ROWS)
        if total > len(unresolved):
            st.caption(f"{total} unresolved; the first {len(unresolved)} are listed.")
        st.html(link_table_html("cg-unresolved", UNRESOLVED_COLUMNS, unresolved_rows(unresolved)))
    else:
        st.success("Every citation matched a reference.")
