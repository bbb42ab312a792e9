"""An interactive network of a Subgraph: vis-network, bundled, no network access needed.

The vis-network standalone UMD build (Apache-2.0 OR MIT, see static/) is inlined
into the page, so the widget works offline and in headless Chromium. Node data
travels as JSON inside a <script> with <, > and & escaped, and the details panel
writes every value with textContent, so article and BibTeX text never becomes markup.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from claimgraph.explorer.html import LABEL_COLOURS, STATUS_COLOURS, legend_html, status_colour
from claimgraph.explorer.safe_text import md
from graph.model import Node, Relationship, Subgraph
from graph.schema import Label

VIS_VERSION = "10.1.5"
LABEL_SHAPES: dict[str, str] = {
    Label.DOCUMENT: "box",
    Label.CLAIM: "dot",
    Label.EVIDENCE: "diamond",
    Label.SOURCE: "square",
    Label.AUTHOR: "triangle",
}
CAPTION_CHARS = 40
DETAIL_CHARS = 600
HIDDEN_DETAILS = ("fields_json", "bibtex", "sha256")


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The bundled vis-network script, read once per process."""
    return resources.files("claimgraph.explorer").joinpath("static/vis-network.min.js").read_text("utf-8")


def _shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def node_caption(node: Node) -> str:
    """The short text drawn next to a node."""
    props = node.props
    if node.label == Label.DOCUMENT:
        return _shorten(props.get("title") or node.id, CAPTION_CHARS)
    if node.label == Label.CLAIM:
        return _shorten(props.get("text") or node.id, CAPTION_CHARS)
    if node.label == Label.EVIDENCE:
        return _shorten(props.get("marker") or props.get("kind") or node.id, CAPTION_CHARS)
    if node.label == Label.SOURCE:
        family = (props.get("authors") or "").split(",", 1)[0].strip()
        year = props.get("year") or ""
        return _shorten(f"{family} {year}".strip() or node.id, CAPTION_CHARS)
    return _shorten(props.get("name") or node.id, CAPTION_CHARS)


def node_colour(node: Node) -> str:
    """Claims are coloured by support status, everything else by label."""
    if node.label == Label.CLAIM:
        return status_colour(node.props.get("status"))
    return LABEL_COLOURS[node.label]


def node_details(node: Node) -> dict[str, str]:
    """What the details panel shows for a node: its properties, long text shortened."""
    details = {"label": str(node.label)}
    for key, value in node.props.items():
        if key in HIDDEN_DETAILS or value in (None, ""):
            continue
        details[key] = _shorten(str(value), DETAIL_CHARS)
    return details


def vis_node(node: Node, highlight_id: str | None = None) -> dict[str, Any]:
    """One vis-network node."""
    return {
        "id": node.id,
        "label": node_caption(node),
        "color": node_colour(node),
        "shape": LABEL_SHAPES[node.label],
        "borderWidth": 4 if node.id == highlight_id else 1,
        "font": {"color": "#ffffff" if node.label == Label.DOCUMENT else "#222222"},
        "details": node_details(node),
    }


def vis_edge(rel: Relationship) -> dict[str, Any]:
    """One vis-network edge, an arrow labelled with its type."""
    return {"from": rel.start, "to": rel.end, "label": str(rel.type), "arrows": "to"}


def script_json(value: Any) -> str:
    """JSON safe to put inside a <script> element: no <, > or & survive literally."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def legend_entries() -> dict[str, str]:
    """Legend swatches: node labels, then claim statuses."""
    entries = {str(label): colour for label, colour in LABEL_COLOURS.items() if label != Label.CLAIM}
    entries.update({f"claim: {status}": colour for status, colour in STATUS_COLOURS.items()})
    return entries


_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<style>
body {{ margin: 0; font-family: sans-serif; font-size: 13px; }}
#cg-wrap {{ display: flex; gap: 8px; }}
#cg-network {{ flex: 3; height: {height}px; border: 1px solid #ddd; }}
#cg-details {{ flex: 1.4; height: {height}px; overflow: auto; border: 1px solid #ddd; padding: 6px; }}
#cg-details table {{ border-collapse: collapse; }}
#cg-details td:first-child {{ white-space: nowrap; }}
#cg-details td {{ vertical-align: top; padding: 2px 4px; border-bottom: 1px solid #eee;
  word-break: break-word; }}
.cg-legend {{ margin: 4px 0; }}
</style>
<script>{vis_js}</script>
</head><body>
{legend}
<div id="cg-wrap"><div id="cg-network"></div>
<div id="cg-details"><em>Click a node to see its details.</em></div></div>
<script>
const cgNodes = {nodes};
const cgEdges = {edges};
const cgDetails = new Map(cgNodes.map(n => [n.id, n.details]));
const data = {{
  nodes: new vis.DataSet(cgNodes.map(({{details, ...n}}) => n)),
  edges: new vis.DataSet(cgEdges),
}};
const options = {{
  interaction: {{ hover: true, navigationButtons: true, keyboard: false }},
  edges: {{ font: {{ size: 9, align: "middle" }}, color: "#999", smooth: false }},
  nodes: {{ size: 14, font: {{ size: 12 }} }},
  physics: {{ solver: "forceAtlas2Based", stabilization: {{ iterations: 150 }} }},
}};
const network = new vis.Network(document.getElementById("cg-network"), data, options);
network.once("stabilizationIterationsDone", () => network.setOptions({{ physics: false }}));
function showDetails(nodeId) {{
  const panel = document.getElementById("cg-details");
  panel.replaceChildren();
  const table = document.createElement("table");
  table.id = "cg-details-table";
  table.dataset.nodeId = nodeId;
  for (const [key, value] of Object.entries(cgDetails.get(nodeId) || {{}})) {{
    const row = table.insertRow();
    const name = row.insertCell(); name.textContent = key; name.style.fontWeight = "bold";
    row.insertCell().textContent = value;
  }}
  panel.appendChild(table);
}}
network.on("click", params => {{ if (params.nodes.length) showDetails(params.nodes[0]); }});
window.cgNetwork = network;
window.cgShowDetails = showDetails;
</script>
</body></html>
"""


def network_html(subgraph: Subgraph, height: int = 560, highlight_id: str | None = None) -> str:
    """A self-contained HTML page drawing `subgraph` with a legend and a details panel."""
    nodes = [vis_node(node, highlight_id) for node in subgraph.nodes]
    known = subgraph.node_ids()
    edges = [vis_edge(rel) for rel in subgraph.relationships if rel.start in known and rel.end in known]
    return _PAGE.format(
        height=int(height),
        vis_js=vis_network_js(),
        legend=legend_html(legend_entries()),
        nodes=script_json(nodes),
        edges=script_json(edges),
    )


def caption_for(subgraph: Subgraph, scope_text: str) -> str:
    """A one-line summary of what the widget shows, escaped for Markdown (and HTML)."""
    cut = " — cut at the node cap, narrow the scope or raise the cap" if subgraph.truncated else ""
    return md(f"{len(subgraph.nodes)} nodes, {len(subgraph.relationships)} relationships: {scope_text}{cut}",
              limit=500)
