"""HTML built from escaped pieces: highlighted article context, status badges, legends.

Every piece of article, comment or BibTeX text passes through `html.escape`
before it is joined into markup; only the fixed tags and class names written
here are unescaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from graph.schema import ClaimStatus, Label

STATUS_COLOURS: dict[str, str] = {
    ClaimStatus.CITED: "#2e7d32",
    ClaimStatus.CITED_UNRESOLVED: "#9e9d24",  # it cites, but no citation matched a reference
    ClaimStatus.DISPUTED_BY_CITATION: "#ad1457",  # its only citations contrast with what they cite
    ClaimStatus.ANECDOTAL: "#ef8f00",
    ClaimStatus.UNSUPPORTED: "#c62828",
}
LABEL_COLOURS: dict[str, str] = {
    Label.DOCUMENT: "#1565c0",
    Label.CLAIM: "#757575",
    Label.EVIDENCE: "#7b1fa2",
    Label.SOURCE: "#00838f",
    Label.AUTHOR: "#8d6e63",
}

CONTEXT_CSS = """<style>
.cg-context { line-height: 1.6; white-space: pre-wrap; }
.cg-context mark { padding: 0 2px; border-radius: 3px; }
.cg-context mark.cg-claim { background: #fff59d; }
.cg-context mark.cg-evidence { background: #b3e5fc; border-bottom: 2px solid #0277bd; }
.cg-context mark.cg-claim.cg-evidence { background: #c5e1a5; }
.cg-claim-text { font-size: 1.2em; line-height: 1.5; border-left: 4px solid #fbc02d;
  padding: 2px 0 2px 14px; margin: 0 0 12px; }
.cg-badge { color: #fff; padding: 1px 8px; border-radius: 10px; font-size: 0.85em; }
</style>"""


def esc(text: object) -> str:
    """Escape any value for HTML text or attribute use (None becomes '')."""
    return html.escape("" if text is None else str(text), quote=True)


def status_colour(status: str | None) -> str:
    """The colour of a support status (grey if unknown)."""
    return STATUS_COLOURS.get(str(status or ""), "#9e9e9e")


def status_badge(status: str | None) -> str:
    """A coloured pill naming a support status."""
    return (f'<span class="cg-badge cg-status-{esc(status)}" '
            f'style="background:{status_colour(status)}">{esc(status)}</span>')


def _span_classes(evidence_kind: str | None) -> str:
    """CSS classes of an evidence span: its kind as a modifier."""
    return f"cg-evidence cg-evidence-{esc(evidence_kind)}" if evidence_kind else "cg-claim"


def _boundaries(length: int, spans: Iterable[tuple[int, int, str]]) -> list[int]:
    """Sorted cut points: the text's ends and every span end inside it."""
    points = {0, length}
    for start, end, _ in spans:
        points.update(p for p in (start, end) if 0 <= p <= length)
    return sorted(points)


def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """Escape `text` and wrap each stretch covered by spans in <mark class="...">.

    spans: (start, end, classes) with offsets into `text`. Overlapping spans give
    one <mark> per stretch carrying the classes of every span that covers it.
    """
    span_list = [(max(0, s), min(len(text), e), c) for s, e, c in spans if e > s]
    points = _boundaries(len(text), span_list)
    pieces: list[str] = []
    for left, right in zip(points, points[1:], strict=False):
        covering = [c for s, e, c in span_list if s <= left and right <= e]
        chunk = esc(text[left:right])
        if covering:
            classes = " ".join(dict.fromkeys(" ".join(covering).split()))
            pieces.append(f'<mark class="{classes}">{chunk}</mark>')
        else:
            pieces.append(chunk)
    return "".join(pieces)


def context_html(trace: Mapping[str, Any]) -> str:
    """The article text around a claim with the claim and its evidence highlighted."""
    context = trace.get("context") or {}
    text = str(context.get("text", ""))
    origin = int(context.get("start", 0))
    claim = trace["claim"]
    spans: list[tuple[int, int, str]] = [(int(claim["start"]) - origin, int(claim["end"]) - origin,
                                          "cg-claim")]
    for evidence in trace.get("evidence", []):
        if evidence.get("document_id", claim.get("document_id")) != claim.get("document_id"):
            continue
        spans.append((int(evidence["start"]) - origin, int(evidence["end"]) - origin,
                      _span_classes(evidence.get("kind"))))
    return f'{CONTEXT_CSS}<div class="cg-context">{highlight(text, spans)}</div>'


def legend_html(entries: Mapping[str, str]) -> str:
    """A row of colour dots with their names. The row wraps between items only: each item is one
    unbreakable inline-flex box (nowrap), so a dot never ends a line its name starts the next of."""
    items = "".join(
        f'<span class="cg-legend-item" style="display:inline-flex;align-items:center;white-space:nowrap">'
        f'<span class="cg-legend-dot" style="flex:none;width:12px;height:12px;border-radius:6px;'
        f'background:{colour};margin-right:4px"></span>'
        f'<span class="cg-legend-label">{esc(name)}</span></span>'
        for name, colour in entries.items()
    )
    return f'<div class="cg-legend" style="display:flex;flex-wrap:wrap;gap:2px 12px">{items}</div>'


def link_html(url: str, text: str | None = None) -> str:
    """An <a> to an http(s) URL; anything else is shown as text only."""
    if not url.lower().startswith(("http://", "https://")):
        return esc(text or url)
    return f'<a href="{esc(url)}" target="_blank" rel="noopener">{esc(text or url)}</a>'
