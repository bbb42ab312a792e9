"""A picture of a subgraph (SVG or PNG) with matplotlib's Agg backend and a layered layout.

Columns read left to right: documents, the claims they make, the evidence behind each
claim, the sources it cites, their authors. Nodes are coloured by label, claims by
status; a legend names the colours and captions are shortened. The same subgraph always gives the same bytes.
"""

from __future__ import annotations

import io

from graph.handout import author_families, cited_as
from graph.model import Node, Subgraph
from graph.schema import ClaimStatus, Label

LABEL_COLOURS = {
    Label.DOCUMENT: "#4c72b0",
    Label.EVIDENCE: "#8172b3",
    Label.SOURCE: "#dd8452",
    Label.AUTHOR: "#937860",
}
STATUS_COLOURS = {
    ClaimStatus.CITED: "#55a868",
    ClaimStatus.CITED_UNRESOLVED: "#b5b23a",
    ClaimStatus.DISPUTED_BY_CITATION: "#ad1457",
    ClaimStatus.ANECDOTAL: "#e5ae38",
    ClaimStatus.UNSUPPORTED: "#c44e52",
}
UNKNOWN_COLOUR = "#999999"
MAX_LABEL_CHARS = 44
# Above this many nodes only documents, sources and authors get captions, so text stays legible.
CAPTION_ALL_UP_TO = 40


def node_colour(node: Node) -> str:
    """Colour of a node: by status for claims, by label otherwise."""
    if node.label == Label.CLAIM:
        return STATUS_COLOURS.get(node.props.get("status"), UNKNOWN_COLOUR)
    return LABEL_COLOURS.get(node.label, UNKNOWN_COLOUR)


def short_label(node: Node, limit: int = MAX_LABEL_CHARS) -> str:
    """A short caption: titles for documents and sources, names for authors, text otherwise."""
    props = node.props
    if node.label == Label.SOURCE:  # 'Herman (1992)', 'Jordan et al. (1992)'; the id if it has no authors
        who = cited_as(author_families(props.get("authors") or "")) or node.id
        text = f"{who} ({props['year']})" if props.get("year") else who
    elif node.label == Label.AUTHOR:
        text = props.get("name") or node.id
    elif node.label == Label.DOCUMENT:
        text = props.get("title") or node.id
    else:
        text = props.get("text") or node.id
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _legend_handles(nodes: list[Node]):
    """Legend entries for every colour, with how many nodes of the picture have it."""
    from matplotlib.lines import Line2D

    colours = [node_colour(n) for n in nodes]
    entries = [(f"Claim: {status.value}", colour) for status, colour in STATUS_COLOURS.items()]
    entries += [(label.value, colour) for label, colour in LABEL_COLOURS.items()]
    return [Line2D([0], [0], marker="o", linestyle="", markersize=9, markerfacecolor=colour,
                   markeredgecolor="#333333", label=f"{name} ({colours.count(colour)})")
            for name, colour in entries]


def captions(nodes: dict[str, Node]) -> dict[str, str]:
    """Short captions: every node in a small picture, else documents, sources and authors only."""
    wordy = (Label.CLAIM, Label.EVIDENCE)
    return {node_id: short_label(node) for node_id, node in nodes.items()
            if len(nodes) <= CAPTION_ALL_UP_TO or node.label not in wordy}


# Columns of the picture, left to right: what is claimed, what backs it, what that points to.
LAYERS = (Label.DOCUMENT, Label.CLAIM, Label.EVIDENCE, Label.SOURCE, Label.AUTHOR)
ROW_INCHES = 0.3
COLUMN_INCHES = 3.4


def layered_positions(nodes: dict[str, Node]) -> dict[str, tuple[float, float]]:
    """Node positions in columns by label (documents, claims, evidence, sources, authors).

    Claims keep reading order (document, position); other nodes go by id. Each column
    is centred vertically; empty columns are skipped so the picture stays compact.
    """
    columns = [[n for n in nodes.values() if n.label == label] for label in LAYERS]
    columns = [sorted(col, key=_reading_key) for col in columns if col]
    positions: dict[str, tuple[float, float]] = {}
    for x, column in enumerate(columns):
        middle = (len(column) - 1) / 2
        for row, node in enumerate(column):
            positions[node.id] = (float(x), middle - row)
    return positions


def _reading_key(node: Node) -> tuple:
    if node.label == Label.CLAIM:
        return (node.props.get("document_id", ""), node.props.get("position", 0), node.id)
    return ("", 0, node.id)


def render_picture(subgraph: Subgraph, fmt: str = "svg") -> bytes | str:
    """Draw the subgraph; `fmt` is 'svg' (returns str) or 'png' (returns bytes)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_nodes_from(sorted(n.id for n in subgraph.nodes))
    known = graph.nodes
    graph.add_edges_from(sorted((r.start, r.end) for r in subgraph.relationships
                                if r.start in known and r.end in known))
    nodes = {n.id: n for n in subgraph.nodes}
    positions = layered_positions(nodes)
    columns = len({x for x, _ in positions.values()}) or 1
    rows = max((sum(1 for x, _ in positions.values() if x == c) for c in range(columns)), default=1)
    width, height = COLUMN_INCHES * columns + 2.5, max(3.0, ROW_INCHES * rows + 1.0)
    with matplotlib.rc_context({"svg.hashsalt": "claimgraph", "svg.fonttype": "path"}):
        figure, axes = plt.subplots(figsize=(width, height), dpi=100)
        try:
            _draw(graph, nodes, positions, axes, nx)
            buffer = io.BytesIO()
            metadata = {"Date": None} if fmt == "svg" else {"Software": None}
            figure.savefig(buffer, format=fmt, bbox_inches="tight", metadata=metadata)
        finally:
            plt.close(figure)
    data = buffer.getvalue()
    return data.decode("utf-8") if fmt == "svg" else data


def _draw(graph, nodes: dict[str, Node], positions, axes, nx) -> None:
    """Draw edges, nodes, captions (right of each node) and the legend on `axes`."""
    axes.set_axis_off()
    if not nodes:
        axes.text(0.5, 0.5, "empty subgraph", ha="center", va="center")
        return
    same_column = [(a, b) for a, b in graph.edges if positions[a][0] == positions[b][0]]
    across = [edge for edge in graph.edges if edge not in set(same_column)]
    for edges, style in ((across, "arc3"), (same_column, "arc3,rad=0.4")):
        nx.draw_networkx_edges(graph, positions, edgelist=edges, ax=axes, edge_color="#aaaaaa",
                               arrows=True, arrowsize=8, node_size=200, connectionstyle=style)
    order = list(graph.nodes)
    nx.draw_networkx_nodes(graph, positions, ax=axes, nodelist=order, node_size=200,
                           node_color=[node_colour(nodes[n]) for n in order], edgecolors="#333333",
                           linewidths=0.6)
    for node_id, caption in captions(nodes).items():
        x, y = positions[node_id]
        axes.annotate(caption, (x, y), xytext=(8, 0), textcoords="offset points", fontsize=7,
                      va="center", ha="left")
    axes.margins(x=0.05, y=0.5 / max(len(nodes), 1) + 0.02)
    axes.legend(handles=_legend_handles(list(nodes.values())), loc="upper left", fontsize=7, frameon=False,
                bbox_to_anchor=(1.0, 1.0))


SUPPORT_ORDER = ("cited", "cited-unresolved", "disputed-by-citation", "anecdotal", "unsupported")
SUPPORT_COLOURS = {"cited": "#2e7d32", "cited-unresolved": "#9e9d24", "disputed-by-citation": "#ad1457",
                   "anecdotal": "#ef8f00", "unsupported": "#c62828"}
SUMMARY_LABEL_CHARS = 48


def support_summary_picture(title: str, rows: list[tuple[str, dict[str, int]]],
                            fmt: str = "svg") -> bytes | str:
    """A slide-ready picture of a document's support: one stacked bar for the whole document, then
    one per section, each split into cited, cited-unresolved, disputed-by-citation, anecdotal and
    unsupported claims with
    the counts written in. `rows`: (section name, {support: count}); the first row is the total."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def cut(text: str) -> str:
        text = " ".join(str(text).split()) or "(before the first heading)"
        return text if len(text) <= SUMMARY_LABEL_CHARS else text[: SUMMARY_LABEL_CHARS - 1] + "…"

    rows = rows or [("Whole document", {})]
    height = 1.4 + 0.42 * len(rows)
    with matplotlib.rc_context({"svg.hashsalt": "claimgraph", "svg.fonttype": "path"}):
        figure, axes = plt.subplots(figsize=(10, height), dpi=110)
        try:
            labels = [cut(name) for name, _ in rows]
            for index, (_, counts) in enumerate(rows):
                total = sum(counts.get(s, 0) for s in SUPPORT_ORDER) or 1
                left = 0.0
                for support in SUPPORT_ORDER:
                    share = counts.get(support, 0) / total
                    if share:
                        axes.barh(index, share, left=left, color=SUPPORT_COLOURS[support], height=0.7,
                                  label=support if index == 0 else None)
                        if share >= 0.06:
                            axes.text(left + share / 2, index, str(counts[support]), ha="center",
                                      va="center", color="white", fontsize=9, fontweight="bold")
                        left += share
            axes.set_yticks(range(len(rows)), labels=labels, fontsize=9)
            axes.invert_yaxis()
            axes.set_xlim(0, 1)
            axes.set_xticks([0, 0.25, 0.5, 0.75, 1], labels=["0%", "25%", "50%", "75%", "100%"],
                            fontsize=8)
            for side in ("top", "right", "left"):
                axes.spines[side].set_visible(False)
            axes.set_title(cut(title), fontsize=12, loc="left")
            axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.5 / height * 2), ncol=5,
                        frameon=False, fontsize=9)
            buffer = io.BytesIO()
            metadata = {"Date": None} if fmt == "svg" else {"Software": None}
            figure.savefig(buffer, format=fmt, bbox_inches="tight", metadata=metadata)
        finally:
            plt.close(figure)
    data = buffer.getvalue()
    return data.decode("utf-8") if fmt == "svg" else data
