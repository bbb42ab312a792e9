"""A picture of a subgraph (SVG or PNG) in a layered layout, and the support summary chart.

Columns read left to right: documents, the claims they make, the evidence behind each
claim, the sources it cites, their authors. Nodes are coloured by label, claims by
status; a legend names the colours and captions are shortened. The same subgraph always gives the
same bytes. The subgraph picture is laid out once (`Picture`) and painted as SVG text directly or
as PNG with Pillow: matplotlib and networkx took ~0.9 s to import, more than a one-claim export
should cost (`python -m bench.cli`). The support summary chart still uses matplotlib.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field

from graph.handout import narrative_reference
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
    if node.label == Label.SOURCE:  # 'Herman (1992)', 'Jordan et al. (1992)': as the explorer names works
        text = narrative_reference({**props, "id": props.get("id") or node.id})
    elif node.label == Label.AUTHOR:
        text = props.get("name") or node.id
    elif node.label == Label.DOCUMENT:
        text = props.get("title") or node.id
    else:
        text = props.get("text") or node.id
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def captions(nodes: dict[str, Node]) -> dict[str, str]:
    """Short captions: every node in a small picture, else documents, sources and authors only."""
    wordy = (Label.CLAIM, Label.EVIDENCE)
    return {node_id: short_label(node) for node_id, node in nodes.items()
            if len(nodes) <= CAPTION_ALL_UP_TO or node.label not in wordy}


# Columns of the picture, left to right: what is claimed, what backs it, what that points to.
LAYERS = (Label.DOCUMENT, Label.CLAIM, Label.EVIDENCE, Label.SOURCE, Label.AUTHOR)
ROW_PX = 30  # one node per row
COLUMN_PX = 340  # room for a node and its caption
MARGIN_PX = 24
NODE_RADIUS_PX = 7
FONT_PX = 10
LEGEND_PX = 190  # the legend's column, right of the graph
EDGE_COLOUR = "#aaaaaa"
OUTLINE_COLOUR = "#333333"
PNG_SCALE = 2  # PNG pixels per layout pixel, so captions stay legible


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


@dataclass
class Picture:
    """A laid-out subgraph in layout pixels (origin top left): what both painters draw."""

    width: int
    height: int
    nodes: list[tuple[float, float, str, str]] = field(default_factory=list)  # x, y, colour, caption
    edges: list[tuple[float, float, float, float, bool]] = field(default_factory=list)  # …, same column
    legend: list[tuple[str, str]] = field(default_factory=list)  # text, colour


def lay_out(subgraph: Subgraph) -> Picture:
    """Place nodes in their columns, edges between them (ends at the node rims) and the legend."""
    nodes = {n.id: n for n in sorted(subgraph.nodes, key=lambda n: n.id)}
    grid = layered_positions(nodes)
    columns = len({x for x, _ in grid.values()}) or 1
    rows = max((sum(1 for x, _ in grid.values() if x == c) for c in range(columns)), default=1)
    top = max((y for _, y in grid.values()), default=0.0)
    width = 2 * MARGIN_PX + COLUMN_PX * columns + LEGEND_PX
    height = max(2 * MARGIN_PX + ROW_PX * rows, 2 * MARGIN_PX + ROW_PX * 8)

    def at(node_id: str) -> tuple[float, float]:
        x, y = grid[node_id]
        return MARGIN_PX + NODE_RADIUS_PX + COLUMN_PX * x, MARGIN_PX + ROW_PX * (top - y + 0.5)

    picture = Picture(width, height)
    if not nodes:
        return picture
    edges = sorted({(r.start, r.end) for r in subgraph.relationships if r.start in nodes and r.end in nodes
                    and r.start != r.end})
    for start, end in edges:
        (x1, y1), (x2, y2) = at(start), at(end)
        picture.edges.append((x1, y1, x2, y2, grid[start][0] == grid[end][0]))
    named = captions(nodes)
    picture.nodes = [(*at(node_id), node_colour(node), named.get(node_id, ""))
                     for node_id, node in nodes.items()]
    colours = [node_colour(n) for n in nodes.values()]
    entries = [(f"Claim: {status.value}", colour) for status, colour in STATUS_COLOURS.items()]
    entries += [(label.value, colour) for label, colour in LABEL_COLOURS.items()]
    picture.legend = [(f"{name} ({colours.count(colour)})", colour) for name, colour in entries]
    return picture


def _curve_control(x1: float, y1: float, x2: float, y2: float) -> tuple[float, float]:
    """Control point of the bow joining two nodes of one column (to the right of the column)."""
    return max(x1, x2) + 0.4 * abs(y2 - y1) + ROW_PX / 2, (y1 + y2) / 2


def _arrow_head(x1: float, y1: float, x2: float, y2: float) -> list[tuple[float, float]]:
    """The triangle of an arrow arriving at (x2, y2) from (x1, y1), its tip on the node's rim."""
    dx, dy = x2 - x1, y2 - y1
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    tip = (x2 - ux * NODE_RADIUS_PX, y2 - uy * NODE_RADIUS_PX)
    back = (tip[0] - ux * 7, tip[1] - uy * 7)
    return [tip, (back[0] - uy * 3, back[1] + ux * 3), (back[0] + uy * 3, back[1] - ux * 3)]


def _legend_rows(picture: Picture) -> list[tuple[float, float, str, str]]:
    left = picture.width - LEGEND_PX + 8
    return [(left, MARGIN_PX + 16 * i, text, colour) for i, (text, colour) in enumerate(picture.legend)]


def to_svg(picture: Picture) -> str:
    """The picture as SVG text (captions escaped)."""
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{picture.width}" height="{picture.height}" '
           f'viewBox="0 0 {picture.width} {picture.height}" font-family="DejaVu Sans, Arial, sans-serif" '
           f'font-size="{FONT_PX}">',
           f'<rect width="{picture.width}" height="{picture.height}" fill="#ffffff"/>']
    if not picture.nodes:
        out.append(f'<text x="{picture.width / 2:.1f}" y="{picture.height / 2:.1f}" '
                   'text-anchor="middle">empty subgraph</text>')
    out.append(f'<g fill="none" stroke="{EDGE_COLOUR}" stroke-width="1">')
    heads = []
    for x1, y1, x2, y2, bow in picture.edges:
        if bow:
            cx, cy = _curve_control(x1, y1, x2, y2)
            out.append(f'<path d="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"/>')
            heads.append(_arrow_head(cx, cy, x2, y2))
        else:
            out.append(f'<path d="M{x1:.1f},{y1:.1f} L{x2:.1f},{y2:.1f}"/>')
            heads.append(_arrow_head(x1, y1, x2, y2))
    out.append("</g>")
    out.append(f'<g fill="{EDGE_COLOUR}">')
    out += ['<polygon points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in head) + '"/>' for head in heads]
    out.append("</g>")
    out.append(f'<g stroke="{OUTLINE_COLOUR}" stroke-width="0.6">')
    out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{NODE_RADIUS_PX}" fill="{colour}"/>'
            for x, y, colour, _ in picture.nodes]
    out.append("</g>")
    # A white halo under each caption keeps it legible where edges pass behind it.
    out.append('<g stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">')
    out += [f'<text x="{x + NODE_RADIUS_PX + 4:.1f}" y="{y:.1f}" dominant-baseline="middle">'
            f"{html.escape(caption)}</text>" for x, y, _, caption in picture.nodes if caption]
    out.append("</g>")
    for x, y, text, colour in _legend_rows(picture):
        out.append(f'<circle cx="{x + 5:.1f}" cy="{y:.1f}" r="5" fill="{colour}" stroke="{OUTLINE_COLOUR}" '
                   'stroke-width="0.6"/>')
        out.append(f'<text x="{x + 15:.1f}" y="{y:.1f}" dominant-baseline="middle">'
                   f"{html.escape(text)}</text>")
    out.append("</svg>")
    return "\n".join(out) + "\n"


def to_png(picture: Picture) -> bytes:
    """The picture as PNG bytes, painted with Pillow at PNG_SCALE pixels per layout pixel."""
    from PIL import Image, ImageDraw, ImageFont

    k = PNG_SCALE
    image = Image.new("RGB", (picture.width * k, picture.height * k), "#ffffff")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=FONT_PX * k)
    if not picture.nodes:
        draw.text((picture.width * k / 2, picture.height * k / 2), "empty subgraph", fill="#000000",
                  font=font, anchor="mm")
    for x1, y1, x2, y2, bow in picture.edges:
        if bow:
            cx, cy = _curve_control(x1, y1, x2, y2)
            steps = [i / 16 for i in range(17)]
            points = [((1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2,
                       (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2) for t in steps]
            draw.line([(x * k, y * k) for x, y in points], fill=EDGE_COLOUR, width=k)
            head = _arrow_head(cx, cy, x2, y2)
        else:
            draw.line([(x1 * k, y1 * k), (x2 * k, y2 * k)], fill=EDGE_COLOUR, width=k)
            head = _arrow_head(x1, y1, x2, y2)
        draw.polygon([(x * k, y * k) for x, y in head], fill=EDGE_COLOUR)
    r = NODE_RADIUS_PX * k
    for x, y, colour, caption in picture.nodes:
        draw.ellipse((x * k - r, y * k - r, x * k + r, y * k + r), fill=colour, outline=OUTLINE_COLOUR,
                     width=1)
        if caption:
            draw.text(((x + NODE_RADIUS_PX + 4) * k, y * k), caption, fill="#000000", font=font, anchor="lm",
                      stroke_width=k, stroke_fill="#ffffff")
    for x, y, text, colour in _legend_rows(picture):
        draw.ellipse((x * k, (y - 5) * k, (x + 10) * k, (y + 5) * k), fill=colour, outline=OUTLINE_COLOUR)
        draw.text(((x + 15) * k, y * k), text, fill="#000000", font=font, anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def render_picture(subgraph: Subgraph, fmt: str = "svg") -> bytes | str:
    """Draw the subgraph; `fmt` is 'svg' (returns str) or 'png' (returns bytes)."""
    picture = lay_out(subgraph)
    return to_svg(picture) if fmt == "svg" else to_png(picture)


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
