"""The trace of one claim: status, evidence, formatted sources, highlighted context, path graph."""

from __future__ import annotations

from typing import Any

import streamlit as st

from claimgraph.explorer.graph_widget import network_html
from claimgraph.explorer.html import CONTEXT_CSS, context_html, esc, link_html, status_badge
from claimgraph.explorer.reader_html import reader_link
from claimgraph.explorer.safe_text import md
from claimgraph.explorer.state import go_to, permalink, read_store
from claimgraph.explorer.support import SUPPORT_CSS, design_badge, reason_html, stance_badge, support_profile
from graph.handout import format_reference_apa_html
from graph.model import Node, Relationship, Subgraph
from graph.schema import Label, RelType

PATH_GRAPH_HEIGHT = 320


def trace_subgraph(trace: dict[str, Any]) -> Subgraph:
    """The path document → claim → evidence → source as a Subgraph built from a trace."""
    claim = trace["claim"]
    document = trace["document"]
    nodes = {document["id"]: Node(Label.DOCUMENT, document["id"], document),
             claim["id"]: Node(Label.CLAIM, claim["id"], claim)}
    rels = [Relationship(RelType.MAKES, document["id"], claim["id"])]
    for evidence in trace.get("evidence", []):
        props = {k: v for k, v in evidence.items() if k != "sources"}
        nodes[evidence["id"]] = Node(Label.EVIDENCE, evidence["id"], props)
        rels.append(Relationship(RelType.SUPPORTED_BY, claim["id"], evidence["id"]))
        for source in evidence.get("sources", []):
            nodes.setdefault(source["id"], Node(Label.SOURCE, source["id"], source))
            rels.append(Relationship(RelType.CITES, evidence["id"], source["id"]))
    return Subgraph(nodes=list(nodes.values()), relationships=rels)


def reference_html(source: dict[str, Any]) -> str:
    """A source as an APA reference with its DOI as a link (escaped throughout)."""
    text = format_reference_apa_html(source)
    doi = str(source.get("doi") or "")
    if doi and f"doi.org/{esc(doi)}" not in text:
        text += " " + link_html(f"https://doi.org/{doi}")
    return f'<div class="cg-reference">{text}</div>'


def reference_support_html(source: dict[str, Any]) -> str:
    """Under a reference: the work's design (hover: why) and what it was decided from, then this
    citation's stance and the cue that decided it."""
    stance = stance_badge(source)
    stance_line = f'<div class="cg-ref-stance">Citation: {stance}</div>' if stance else ""
    reason = reason_html(source)
    return (f'<div class="cg-ref-design">Design: {design_badge(source)}{" " + reason if reason else ""}</div>'
            f"{stance_line}")


def claim_header_html(claim: dict[str, Any]) -> str:
    """The claim text in a quote block with its status, kind and place."""
    contested = " · <strong>contested</strong>" if claim.get("contested") else ""
    profile = support_profile(claim)
    profile_html = f' · <span class="cg-support-profile">{esc(profile)}</span>' if profile else ""
    return (
        f'{CONTEXT_CSS}{SUPPORT_CSS}<div class="cg-claim-text">{esc(claim.get("text"))}</div>'
        f'<p>{status_badge(claim.get("status"))}{profile_html} · kind: {esc(claim.get("kind"))} · '
        f'{esc(claim.get("document_title"))} › {esc(claim.get("section") or "(no section)")}'
        f'{contested}</p>'
    )


def evidence_html(evidence: dict[str, Any]) -> str:
    """One piece of evidence: kind, marker, exact text and its sources."""
    marker = f" — {esc(evidence['marker'])}" if evidence.get("marker") else ""
    unresolved = ""
    if evidence.get("kind") == "citation" and not evidence.get("sources"):
        why = f": {esc(evidence['reason'])}" if evidence.get("reason") else ""
        unresolved = f" <em>(matched no reference{why})</em>"
    refs = "".join(f"<li>{reference_html(src)}{reference_support_html(src)}</li>"
                   for src in evidence.get("sources", []))
    refs_html = f"<ul>{refs}</ul>" if refs else ""
    text = str(evidence.get("text") or "")
    quote = f"<blockquote>{esc(text)}</blockquote>" if text and text != evidence.get("marker") else ""
    return (f'{SUPPORT_CSS}<div class="cg-evidence-item"><strong>{esc(evidence.get("kind"))}</strong>'
            f'{marker}{unresolved}{quote}{refs_html}</div>')


def challenges_html(challenges: list[dict[str, Any]]) -> str:
    """What challenges the claim, each with its reason."""
    items = "".join(
        f"<li>{esc(c.get('label'))} {esc(c.get('id'))}: {esc(c.get('text'))}"
        f"{' — ' + esc(c['reason']) if c.get('reason') else ''}</li>"
        for c in challenges
    )
    return f"<ul>{items}</ul>"


def render_trace(claim_id: str, show_open_button: bool = False) -> None:
    """Draw the full trace of `claim_id`, or say plainly that there is no such claim."""
    trace = read_store().trace(claim_id)
    if trace is None:
        st.warning(f"No claim with id {md(claim_id)} in this store. Pick one on the Claims page.")
        return
    st.session_state["last_claim"] = claim_id  # the Graph and Export pages follow it
    st.html(claim_header_html(trace["claim"]))
    document_id = str(trace["claim"].get("document_id") or "")
    st.html(f'<a href="{esc(reader_link(document_id, claim_id))}" target="_self" class="cg-read-link">'
            "Read it in the article →</a>")
    if show_open_button:
        st.button("Open this trace on its own page", on_click=go_to, args=("trace",),
                  kwargs={"claim": claim_id}, key="open_trace")
    st.subheader("In the article")
    st.caption("The claim is marked yellow, its evidence blue and underlined.")
    st.html(context_html(trace))
    st.subheader("Evidence and references")
    if not trace["evidence"]:
        st.info("The article gives no evidence for this claim: no citation, study or example backs it.")
    for evidence in trace["evidence"]:
        st.html(evidence_html(evidence))
    if trace.get("challenges"):
        st.subheader("Challenged by")
        st.html(challenges_html(trace["challenges"]))
    st.subheader("Path")
    st.caption("Document → claim → evidence → source. Click a node for its details.")
    st.iframe(network_html(trace_subgraph(trace), height=PATH_GRAPH_HEIGHT, highlight_id=claim_id),
              height=PATH_GRAPH_HEIGHT + 40)
    link = permalink("trace", claim=claim_id)
    st.markdown(f"**Permalink** (opens this trace directly): [{link}]({link})")
    st.code(link, language=None)


def page() -> None:
    """The Trace page: the claim named by ?claim=… in the URL."""
    st.header("Trace")
    claim_id = st.query_params.get("claim") or st.session_state.get("last_claim")
    if not claim_id:
        st.info("Pick a claim on the Claims page, or open a permalink like ?page=trace&claim=claim:…")
        return
    render_trace(claim_id)
