"""Terminal output of the CLI: rich tables, CSV and JSON of rows, the trace of one claim.

Text from articles and BibTeX goes into rich `Text` objects, never into markup
strings, so a '[bold]' in an article is printed, not interpreted.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from typing import Any, TextIO

CLAIM_COLUMNS = ("id", "status", "kind", "document_id", "section", "evidence_count", "source_ids", "text")
PIPED_WIDTH = 160
# Table layout per column: (header, max width, overflow); "none" never wraps, absent columns fold and
# share the remaining width, never narrower than MIN_TEXT_WIDTH.
COLUMN_LAYOUT = {
    "id": ("id", None, "none"), "status": ("status", None, "none"), "kind": ("kind", None, "none"),
    "document_id": ("document", 18, "ellipsis"), "section": ("section", 16, "ellipsis"),
    "evidence_count": ("ev", None, "none"), "source_ids": ("sources", 20, "fold"),
    "claim_count": ("claims", None, "none"), "authors": ("authors", 24, "ellipsis"),
    "date": ("date", None, "none"), "year": ("year", None, "none"), "cited": ("cited", None, "none"),
    "anecdotal": ("anecdotal", None, "none"), "unsupported": ("unsupported", None, "none"),
}
MIN_TEXT_WIDTH = 30
# Columns dropped first, in this order, when a table would leave the text too narrow.
DROPPABLE = ("document_id", "section", "date", "authors", "source_ids", "kind", "year", "evidence_count")
STATUS_STYLES = {"cited": "green", "anecdotal": "yellow", "unsupported": "red"}


QUOTE_MARKS = "\"'“”‘’«»„"


def quoted(text: str) -> str:
    """Text in curly quotes, unless it is already a quotation."""
    if len(text) > 1 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS:
        return text
    return f"“{text}”"


def console(file: TextIO | None = None):
    """A rich console on stdout (or `file`): no colour codes when it is not a terminal, and then
    $COLUMNS or 160 columns wide so piped tables stay readable."""
    from rich.console import Console

    target = file or sys.stdout
    width = None if target.isatty() else int(os.environ.get("COLUMNS") or PIPED_WIDTH)
    return Console(file=target, highlight=False, soft_wrap=False, width=width)


def _cell(value: Any) -> str:
    """A value as table or CSV text: lists joined with '; ', None empty, whitespace collapsed."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return " ".join(str(value).split())


def print_rows(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str, title: str = "",
               caption: str = "") -> None:
    """Print rows as a rich table, CSV or JSON (JSON keeps every key of every row)."""
    if fmt == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_cell(row.get(c)) for c in columns] for row in rows)
    else:
        print_table(rows, columns, title, caption)


def print_table(rows: list[dict[str, Any]], columns: tuple[str, ...], title: str = "",
                caption: str = "") -> None:
    """A rich table; ids never wrap so they can be copied, long text folds."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title or None, caption=caption or None, show_lines=False, expand=False)
    out = console()
    columns = fit_columns(columns, rows, out.width)
    for column in columns:
        header, max_width, overflow = COLUMN_LAYOUT.get(column, (column, None, "fold"))
        fixed = overflow == "none"
        table.add_column(header, no_wrap=fixed or overflow == "ellipsis", overflow=overflow if not fixed
                         else "ignore", max_width=max_width, ratio=None if fixed or max_width else 1,
                         justify="right" if column.endswith("count") else "left")
    for row in rows:
        cells = [Text(_cell(row.get(c)), style=STATUS_STYLES.get(str(row.get(c)), "")
                      if c == "status" else "") for c in columns]
        table.add_row(*cells)
    out.print(table)


def _natural_width(column: str, rows: list[dict[str, Any]]) -> int:
    """How wide a column wants to be: its widest cell or header, within its maximum."""
    header, max_width, _ = COLUMN_LAYOUT.get(column, (column, None, "fold"))
    widest = max([len(header), *(len(_cell(row.get(column))) for row in rows)])
    return min(widest, max_width) if max_width else widest


def fit_columns(columns: tuple[str, ...], rows: list[dict[str, Any]], width: int) -> tuple[str, ...]:
    """Drop the least useful columns until the free-text columns get MIN_TEXT_WIDTH each."""
    shown = list(columns)
    text_columns = [c for c in shown if c not in COLUMN_LAYOUT]
    for droppable in (None, *DROPPABLE):
        if droppable in shown:
            shown.remove(droppable)
        fixed = sum(_natural_width(c, rows) for c in shown if c in COLUMN_LAYOUT)
        borders = 3 * len(shown) + 1
        if width - fixed - borders >= MIN_TEXT_WIDTH * len(text_columns):
            break
    return tuple(shown)


def print_stats(stats: dict[str, Any], store_name: str) -> None:
    """Node, relationship and claim-status counts as three small tables."""
    from rich.table import Table

    out = console()
    out.print(f"Store: {store_name}", markup=False)
    for title, counts in (("Nodes", stats["nodes"]), ("Relationships", stats["relationships"]),
                          ("Claims by status", stats["claims_by_status"])):
        table = Table(title=title, title_justify="left")
        table.add_column("name")
        table.add_column("count", justify="right")
        for name, count in counts.items():
            table.add_row(str(name), str(count))
        out.print(table)
    out.print(f"Unresolved citations: {stats['unresolved_citations']}", markup=False)


def reference_text(source: dict[str, Any]):
    """An APA reference as rich Text with the italic parts in italics."""
    from rich.text import Text

    from graph.handout import apa_parts

    text = Text()
    for piece, italic in apa_parts(source):
        text.append(piece, style="italic" if italic else "")
    return text


def marked_context(trace: dict[str, Any]):
    """The claim's paragraph with the claim between » and « in bold reverse video (the markers
    show it when the output is not a terminal) and evidence underlined."""
    from rich.text import Text

    context, claim = trace["context"], trace["claim"]
    base = int(context["start"])
    start, end = int(claim["start"]) - base, int(claim["end"]) - base
    paragraph = context["text"]
    text = Text(paragraph[:start])
    text.append("»", style="bold")
    text.append(paragraph[start:end], style="bold reverse")
    text.append("«", style="bold")
    text.append(paragraph[end:])
    for ev in trace["evidence"]:
        if ev.get("document_id") == claim.get("document_id"):
            ev_start, ev_end = (int(ev[k]) - base for k in ("start", "end"))
            shift_start = 1 if ev_start >= start else 0
            shift_start += 1 if ev_start >= end else 0
            shift_end = 1 if ev_end > start else 0
            shift_end += 1 if ev_end > end else 0
            text.stylize("underline", ev_start + shift_start, ev_end + shift_end)
    return text


def print_trace(trace: dict[str, Any]) -> None:
    """Claim, status, its paragraph with the claim marked, and each evidence with references."""
    from rich.text import Text

    out = console()
    claim = trace["claim"]
    header = Text()
    header.append(claim["id"], style="bold")
    header.append("  ")
    header.append(str(claim.get("status", "")), style=STATUS_STYLES.get(str(claim.get("status")), ""))
    header.append(f"  {claim.get('kind', '')} claim in {claim.get('document_title') or claim['document_id']}")
    if claim.get("section"):
        header.append(f" › {claim['section']}")
    out.print(header)
    out.print(Text(f"characters {claim['start']}–{claim['end']} of {claim['document_id']}", style="dim"))
    out.print()
    out.print(marked_context(trace))
    out.print()
    out.print(Text(f"Evidence ({len(trace['evidence'])})", style="bold"))
    for ev in trace["evidence"]:
        line = Text("  • ")
        line.append(str(ev.get("kind", "")), style="bold")
        line.append(f": {quoted(str(ev.get('text', '')))}  ")
        line.append(f"{ev['id']} at {ev.get('start')}–{ev.get('end')}", style="dim")
        out.print(line)
        for source in ev.get("sources", []):
            out.print(Text("      ").append_text(reference_text(source)))
        if ev.get("kind") == "citation" and not ev.get("sources"):
            out.print(Text("      unresolved: no BibTeX entry matches this citation", style="yellow"))
    if not trace["evidence"]:
        out.print(Text("  none: the article gives no evidence for this claim", style="dim"))
    for challenge in trace.get("challenges", []):
        line = Text("Challenged by ", style="bold")
        line.append(f"{challenge['id']}: {challenge.get('reason') or challenge.get('text', '')}")
        out.print(line)
