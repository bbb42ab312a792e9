"""An interactive network of a Subgraph: vis-network, bundled, no network access needed.

The vis-network standalone UMD build (Apache-2.0 OR MIT, see static/) is inlined
into the page, so the widget works offline and in headless Chromium. Node data
travels as JSON inside a <script> with <, > and & escaped, and the details panel
writes every value with textContent, so article and BibTeX text never becomes markup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from claimgraph.explorer.html import LABEL_COLOURS, STATUS_COLOURS, legend_html, status_colour
from claimgraph.explorer.reader_html import reader_link, trace_link
from claimgraph.explorer.safe_text import md
from claimgraph.explorer.support import design_words, support_profile
from graph.handout import apa_parts, narrative_reference, short_reference
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
        return _shorten(narrative_reference({**props, "id": props.get("id") or node.id}), CAPTION_CHARS)
    return _shorten(props.get("name") or node.id, CAPTION_CHARS)


def node_colour(node: Node) -> str:
    """Claims are coloured by support status, everything else by label."""
    if node.label == Label.CLAIM:
        return status_colour(node.props.get("status"))
    return LABEL_COLOURS[node.label]


COLUMN_ORDER = (Label.DOCUMENT, Label.CLAIM, Label.EVIDENCE, Label.SOURCE, Label.AUTHOR)
COLUMN_SPACING = 200
ROW_SPACING = 76
LABEL_WIDTH = 170  # wraps captions narrower than the column spacing: no label runs into the next column
STATUS_WORDS = {"cited": "cited: rests on a cited work", "anecdotal": "anecdotal: experience or example only",
                "cited-unresolved": "cited, unresolved: its citations matched no reference",
                "unsupported": "unsupported: no evidence given",
                "disputed-by-citation": "disputed by citation: its only citations contrast with their works"}


@dataclass
class _Links:
    """Who is joined to whom in a subgraph, for the words of the details panel."""

    out: dict[str, list[str]]
    into: dict[str, list[str]]

    @classmethod
    def of(cls, subgraph: Subgraph) -> _Links:
        out: dict[str, list[str]] = {}
        into: dict[str, list[str]] = {}
        for rel in subgraph.relationships:
            out.setdefault(rel.start, []).append(rel.end)
            into.setdefault(rel.end, []).append(rel.start)
        return cls(out, into)


def _props(nodes: dict[str, Node], node_id: str) -> dict[str, Any]:
    node = nodes.get(node_id)
    return {**node.props, "id": node.id} if node else {"id": node_id}


def node_details(node: Node, nodes: dict[str, Node] | None = None, links: _Links | None = None,
                 ) -> list[list[str]]:
    """What the details panel shows for a node, in words: [[name, value], …] (long text shortened).

    Offsets, positions and hashes stay out; the document, section, support, evidence and
    references a reader asks about come from the node and its neighbours in the subgraph.
    """
    nodes = nodes or {}
    links = links or _Links({}, {})
    props = node.props
    rows: list[tuple[str, Any]] = []
    neighbours_out = [nodes[i] for i in links.out.get(node.id, []) if i in nodes]
    neighbours_in = [nodes[i] for i in links.into.get(node.id, []) if i in nodes]
    if node.label == Label.DOCUMENT:
        rows = [("Document", props.get("title")), ("Kind", props.get("kind")),
                ("Author", props.get("author")), ("Date", props.get("date")),
                ("Claims shown", sum(n.label == Label.CLAIM for n in neighbours_out)),
                ("URL", props.get("url"))]
    elif node.label == Label.CLAIM:
        document = _props(nodes, str(props.get("document_id") or ""))
        evidence = [n for n in neighbours_out if n.label == Label.EVIDENCE]
        works = [_props(nodes, s) for e in evidence for s in links.out.get(e.id, []) if s in nodes]
        rows = [("Claim", props.get("text")), ("Document", document.get("title") or document["id"]),
                ("Section", props.get("section") or "(before the first heading)"),
                ("Support", STATUS_WORDS.get(str(props.get("status")), props.get("status"))),
                ("Support profile", support_profile(props)),
                ("Contested", "yes: a comment disputes it" if props.get("contested") else ""),
                ("Kind", props.get("kind")),
                ("Evidence", "; ".join(f"{e.props.get('kind')}: "
                                       f"{e.props.get('marker') or e.props.get('text')}"
                                       for e in evidence) or "none"),
                ("References", "; ".join(dict.fromkeys(short_reference(w) for w in works)))]
    elif node.label == Label.EVIDENCE:
        works = [_props(nodes, s) for s in links.out.get(node.id, []) if s in nodes]
        claims = [n for n in neighbours_in if n.label == Label.CLAIM]
        document = _props(nodes, str(props.get("document_id") or ""))
        unresolved = props.get("kind") == "citation" and not works and not props.get("resolved")
        rows = [("Evidence", props.get("kind")), ("As written", props.get("marker")),
                ("Text", props.get("text")),
                ("Supports", "; ".join(str(c.props.get("text")) for c in claims)),
                ("Document", document.get("title") or document["id"]),
                ("Reference", " | ".join(format_reference_apa_text(w) for w in works)
                 or ("matched no reference" + (f": {props['reason']}" if props.get("reason") else "")
                     if unresolved else ""))]
    elif node.label == Label.SOURCE:
        claims = {c for e in neighbours_in for c in links.into.get(e.id, []) if c.startswith("claim:")}
        rows = [("Work", short_reference({**props, "id": node.id})),
                ("Reference", format_reference_apa_text({**props, "id": node.id})),
                ("Design", design_words(props)),
                ("Claims shown resting on it", len(claims)), ("Cited as", props.get("keys")), ("Id", node.id)]
    else:
        rows = [("Author", props.get("name") or node.id),
                ("Works shown", "; ".join(short_reference(_props(nodes, n.id)) for n in neighbours_in))]
    return [[name, _shorten(str(value), DETAIL_CHARS)] for name, value in rows if value not in (None, "", 0)]


def node_links(node: Node, links: _Links | None = None) -> list[list[str]]:
    """[[text, relative href], …]: 'Open trace' and 'Read in article' where the node has them."""
    links = links or _Links({}, {})
    if node.label == Label.CLAIM:
        document_id = str(node.props.get("document_id") or "")
        return [["Open trace", trace_link(node.id)], ["Read in article", reader_link(document_id, node.id)]]
    if node.label == Label.EVIDENCE:
        claims = [c for c in links.into.get(node.id, []) if c.startswith("claim:")]
        document_id = str(node.props.get("document_id") or "")
        if claims:
            return [["Open trace", trace_link(claims[0])],
                    ["Read in article", reader_link(document_id, claims[0])]]
        return [["Read in article", reader_link(document_id)]]
    if node.label == Label.DOCUMENT:
        return [["Read in article", reader_link(node.id)]]
    if node.label == Label.SOURCE:
        return [["Claims resting on it", f"?page=claims&source={quote(node.id, safe='')}"]]
    return []


def format_reference_apa_text(source: dict[str, Any]) -> str:
    """An APA reference as plain text (the panel writes it with textContent)."""
    return "".join(text for text, _ in apa_parts(source))


def column_positions(subgraph: Subgraph) -> dict[str, tuple[int, int]]:
    """x, y of every node: one column per label (documents → claims → evidence → works → authors),
    each column in reading order, centred on the tallest."""
    links = _Links.of(subgraph)
    by_label: dict[Label, list[Node]] = {label: [] for label in COLUMN_ORDER}
    for node in subgraph.nodes:
        by_label[node.label].append(node)
    rank: dict[str, int] = {}  # place in its column; each column ranks by the one before it
    last = 10**9

    def place(nodes: list[Node], key: Any) -> list[Node]:
        ordered = sorted(nodes, key=key)
        rank.update({node.id: index for index, node in enumerate(ordered)})
        return ordered

    columns = {Label.DOCUMENT: place(by_label[Label.DOCUMENT], lambda n: (
        str(n.props.get("root_id") or n.id), int(n.props.get("position") or 0), n.id))}
    columns[Label.CLAIM] = place(by_label[Label.CLAIM], lambda n: (
        rank.get(str(n.props.get("document_id")), last), int(n.props.get("position") or 0), n.id))
    for before, label in zip(COLUMN_ORDER[1:], COLUMN_ORDER[2:], strict=False):
        ranked = {n.id for n in columns[before]}
        columns[label] = place(by_label[label], lambda n, ranked=ranked: (
            min((rank[i] for i in links.into.get(n.id, []) if i in ranked), default=last),
            int(n.props.get("start") or 0), n.id))
    tallest = max((len(v) for v in by_label.values()), default=1)
    positions: dict[str, tuple[int, int]] = {}
    present = [label for label in COLUMN_ORDER if columns[label]]  # no gap for an empty column
    for column, label in enumerate(present):
        nodes = columns[label]
        offset = (tallest - len(nodes)) * ROW_SPACING / 2
        for row, node in enumerate(nodes):
            positions[node.id] = (column * COLUMN_SPACING, int(offset + row * ROW_SPACING))
    return positions


def vis_node(node: Node, highlight_id: str | None = None, nodes: dict[str, Node] | None = None,
             links: _Links | None = None, position: tuple[int, int] | None = None) -> dict[str, Any]:
    """One vis-network node, at a fixed place in its column when `position` is given."""
    props = node.props
    item: dict[str, Any] = {
        "id": node.id,
        "label": node_caption(node),
        "title": f"{node.label}: {_shorten(str(props.get('text') or props.get('title') or node.id), 200)}",
        "color": node_colour(node),
        "shape": LABEL_SHAPES[node.label],
        "borderWidth": 4 if node.id == highlight_id else 1,
        "font": {"color": "#ffffff" if node.label == Label.DOCUMENT else "#222222"},
        "widthConstraint": {"maximum": LABEL_WIDTH},
        "details": node_details(node, nodes, links),
        "links": node_links(node, links),
    }
    if position is not None:
        item.update(x=position[0], y=position[1], fixed=True)
    return item


def vis_edge(rel: Relationship) -> dict[str, Any]:
    """One vis-network edge, an arrow whose type shows on hover (labels on edges would overlap)."""
    return {"from": rel.start, "to": rel.end, "title": str(rel.type), "arrows": "to"}


def script_json(value: Any) -> str:
    """JSON safe to put inside a <script> element: no <, > or & survive literally."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def legend_entries() -> dict[str, str]:
    """Legend swatches: node labels, then claim statuses."""
    names = {Label.SOURCE: "Work (cited)"}
    entries = {names.get(label, str(label)): colour for label, colour in LABEL_COLOURS.items()
               if label != Label.CLAIM}
    entries.update({f"claim: {status}": colour for status, colour in STATUS_COLOURS.items()})
    return entries


_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<style>
/* One column filling the frame: the legend (as many rows as the width needs), then the graph and
   its details in what is left, so a legend that wraps never pushes the graph out of the frame. */
html, body {{ height: 100%; }}
body {{ margin: 0; font-family: sans-serif; font-size: 13px; display: flex; flex-direction: column;
  box-sizing: border-box; }}
#cg-wrap {{ display: flex; gap: 8px; flex: 1 1 {height}px; min-height: 120px; }}
#cg-network {{ flex: 3; min-width: 0; border: 1px solid #ddd; }}
#cg-details {{ flex: 1; min-width: 0; overflow: auto; border: 1px solid #ddd; padding: 6px; }}
#cg-details table {{ border-collapse: collapse; }}
#cg-details td:first-child {{ white-space: nowrap; }}
#cg-details td {{ vertical-align: top; padding: 2px 4px; border-bottom: 1px solid #eee;
  word-break: break-word; }}
.cg-legend {{ margin: 4px 0; flex: none; }}
#cg-details-links a {{ display: inline-block; margin: 8px 10px 0 0; padding: 3px 10px; border-radius: 4px;
  background: #1565c0; color: #fff; text-decoration: none; }}
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
const cgLinks = new Map(cgNodes.map(n => [n.id, n.links]));
const data = {{
  nodes: new vis.DataSet(cgNodes.map(({{details, links, ...n}}) => n)),
  edges: new vis.DataSet(cgEdges),
}};
const cgColumns = {columns};
const options = {{
  interaction: {{ hover: true, navigationButtons: true, keyboard: false, tooltipDelay: 150 }},
  edges: {{ color: {{ color: "#bbb", highlight: "#333" }}, smooth: false }},
  nodes: {{ size: 12, font: {{ size: 14 }} }},
  physics: cgColumns ? false : {{ solver: "forceAtlas2Based", stabilization: {{ iterations: 150 }} }},
}};
const network = new vis.Network(document.getElementById("cg-network"), data, options);
if (!cgColumns) network.once("stabilizationIterationsDone", () => network.setOptions({{ physics: false }}));
// fit() looks at node centres only: step back a little so the outer columns' labels show whole.
network.once("afterDrawing", () => {{
  network.fit();
  network.moveTo({{ scale: network.getScale() * 0.86 }});
}});
function showDetails(nodeId) {{
  const panel = document.getElementById("cg-details");
  panel.replaceChildren();
  const table = document.createElement("table");
  table.id = "cg-details-table";
  table.dataset.nodeId = nodeId;
  for (const [key, value] of cgDetails.get(nodeId) || []) {{
    const row = table.insertRow();
    const name = row.insertCell(); name.textContent = key; name.style.fontWeight = "bold";
    row.insertCell().textContent = value;
  }}
  panel.appendChild(table);
  const actions = document.createElement("p");
  actions.id = "cg-details-links";
  for (const [text, href] of cgLinks.get(nodeId) || []) {{
    if (!href.startsWith("?")) continue;  // only links into this app
    const link = document.createElement("a");
    link.textContent = text + " ↗";
    link.href = href;  // relative: a srcdoc frame resolves it against the app's URL
    link.target = "_blank";
    link.rel = "noopener";
    link.className = "cg-action";
    actions.appendChild(link);
  }}
  panel.appendChild(actions);
}}
network.on("click", params => {{
  if (params.nodes.length) showDetails(params.nodes[0]);
  // the hover title would stay over the picture once the details panel holds the same words
  for (const tip of document.querySelectorAll(".vis-tooltip")) tip.style.visibility = "hidden";
}});
window.cgNetwork = network;
window.cgShowDetails = showDetails;
</script>
</body></html>
"""


def network_html(subgraph: Subgraph, height: int = 560, highlight_id: str | None = None,
                 columns: bool = True) -> str:
    """A self-contained HTML page drawing `subgraph` with a legend and a details panel.

    columns: nodes sit in columns (documents → claims → evidence → works → authors) in reading
    order, so no two labels overlap; False lets a force layout place them.
    """
    by_id = {node.id: node for node in subgraph.nodes}
    links = _Links.of(subgraph)
    positions = column_positions(subgraph) if columns else {}
    nodes = [vis_node(node, highlight_id, by_id, links, positions.get(node.id)) for node in subgraph.nodes]
    known = subgraph.node_ids()
    edges = [vis_edge(rel) for rel in subgraph.relationships if rel.start in known and rel.end in known]
    return _PAGE.format(
        height=int(height),
        vis_js=vis_network_js(),
        legend=legend_html(legend_entries()),
        nodes=script_json(nodes),
        edges=script_json(edges),
        columns="true" if columns else "false",
    )


def caption_for(subgraph: Subgraph, scope_text: str) -> str:
    """A one-line summary of what the widget shows, escaped for Markdown (and HTML)."""
    cut = " — cut at the node cap, narrow the scope or raise the cap" if subgraph.truncated else ""
    return md(f"{len(subgraph.nodes)} nodes, {len(subgraph.relationships)} relationships: {scope_text}{cut}",
              limit=500)
