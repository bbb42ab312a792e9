"""Terminal output of the CLI: boxed tables, CSV and JSON of rows, the trace of one claim.

Rendering goes through `claimgraph.lite` (rich-like Text, Table and Console in plain Python: rich's
imports alone took longer than the query). Text from articles and BibTeX is never interpreted as
markup, so a '[bold]' in an article is printed as written. Characters a terminal
would act on (ESC, other C0/C1 controls, bidi overrides) are shown escaped (`\\x1b`) in
tables and traces, and in CSV written to a terminal; JSON writes them as `\\u` escapes.
CSV cells that a spreadsheet would run as formulas start with an apostrophe.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from typing import Any, TextIO

CLAIM_COLUMNS = ("id", "status", "kind", "document_id", "section", "evidence_count", "support_design",
                 "source_ids", "text")
PIPED_WIDTH = 160
# Table layout per column: (header, max width, overflow); "none" never wraps, absent columns fold and
# share the remaining width, never narrower than MIN_TEXT_WIDTH.
COLUMN_LAYOUT = {
    "id": ("id", None, "none"), "status": ("status", None, "none"), "kind": ("kind", None, "none"),
    "document_id": ("document", 24, "ellipsis"), "section": ("section", 16, "ellipsis"),
    "evidence_count": ("ev", None, "none"), "source_ids": ("sources", 20, "fold"),
    "claim_count": ("claims", None, "none"), "authors": ("authors", 24, "ellipsis"),
    "date": ("date", None, "none"), "year": ("year", None, "none"), "cited": ("cited", None, "none"),
    "anecdotal": ("anecdotal", None, "none"), "unsupported": ("unsupported", None, "none"),
    "disputed-by-citation": ("disputed", None, "none"), "cited-unresolved": ("unresolved", None, "none"),
    "support_design": ("design", 17, "ellipsis"),
    "reference": ("reference", 22, "ellipsis"), "keys": ("keys", 24, "fold"),
    "article_count": ("articles", None, "none"), "line": ("line", None, "none"),
    "claim_id": ("claim", None, "none"), "citation": ("citation", 24, "fold"), "path": ("path", 28, "fold"),
    "reason": ("why", 36, "fold"),
}
NARROW_ID_WIDTH = 26  # a long id (a comment's) is cut in the middle to this when the table is tight
MIN_TEXT_WIDTH = 30
# Columns dropped first, in this order, when a table would leave the text too narrow.
DROPPABLE = ("support_design", "document_id", "section", "date", "authors", "source_ids", "kind", "year",
             "evidence_count",
             "article_count", "path", "claim_id", "keys")
# Last, status-count columns holding 0 in every row, in this order.
DROPPABLE_IF_ZERO = ("cited-unresolved", "disputed-by-citation", "anecdotal", "cited", "unsupported")
STATUS_STYLES = {"cited": "green", "cited-unresolved": "dark_khaki", "disputed-by-citation": "magenta",
                 "anecdotal": "yellow", "unsupported": "red"}
STANCE_STYLES = {"supporting": "green", "contrasting": "magenta", "mentioning": "dim"}


QUOTE_MARKS = "\"'“”‘’«»„"
# What a terminal acts on instead of printing: C0 controls but TAB and LF, DEL, C1 controls
# (U+009B is a one-character CSI), and the bidi embeddings, overrides and isolates that reorder
# what is shown ("Trojan Source").
TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")  # json escapes C0 itself


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """Text with every character a terminal would act on shown as an escape: ESC as `\\x1b`."""
    return TERMINAL_UNSAFE.sub(lambda m: _escaped(m.group()), text)


def terminal_safe_offsets(text: str) -> tuple[str, list[int]]:
    """terminal_safe(text) and, for each offset 0..len(text) of `text`, its offset in the result."""
    positions, pieces, length = [], [], 0
    for char in text:
        positions.append(length)
        piece = _escaped(char) if TERMINAL_UNSAFE.match(char) else char
        pieces.append(piece)
        length += len(piece)
    positions.append(length)
    return "".join(pieces), positions


def json_text(data: Any, sort_keys: bool = False) -> str:
    """JSON of `data`, non-ASCII kept, with C1 controls, bidi controls and line separators as \\u
    escapes (json escapes C0 already), so the output is the same data and safe on a terminal."""
    encoded = json.dumps(data, ensure_ascii=False, indent=1, default=str, sort_keys=sort_keys)
    return JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def print_json(data: Any) -> None:
    """Print data as terminal-safe JSON."""
    sys.stdout.write(json_text(data) + "\n")


def quoted(text: str) -> str:
    """Text in curly quotes, unless it is already a quotation."""
    if len(text) > 1 and text[0] in QUOTE_MARKS and text[-1] in QUOTE_MARKS:
        return text
    return f"“{text}”"


def console(file: TextIO | None = None):
    """A console on stdout (or `file`): no colour codes when it is not a terminal, and then
    $COLUMNS or 160 columns wide so piped tables stay readable."""
    from claimgraph.lite import Console

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


def short_id(node_id: str, width: int) -> str:
    """An id cut to `width` characters in the middle, so the part that tells documents apart stays:
    `doc:trauma-an…#comment-2.1` for a comment, `doc:trauma-and-relations…` for its article."""
    if len(node_id) <= width:
        return node_id
    head, sep, tail = node_id.partition("#")
    tail = sep + tail
    room = width - len(tail) - 1
    if tail and room >= 6:
        return head[:room] + "…" + tail
    if tail:
        return "…" + tail[-(width - 1):]
    return node_id[:width - 1] + "…"


SHORTENED = ("document_id",)  # columns whose ids are cut in the middle, not at the end


def print_rows(rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str, title: str = "",
               caption: str = "") -> None:
    """Print rows as a boxed table, CSV or JSON (JSON keeps every key of every row)."""
    if fmt == "json":
        print_json(rows)
    elif fmt == "csv":
        print_csv(rows, columns)
    else:
        print_table(rows, columns, title, caption)


def print_csv(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    """CSV of rows: no cell starts a spreadsheet formula; on a terminal, control characters escaped."""
    from graph.exports import spreadsheet_safe

    on_terminal = sys.stdout.isatty()
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        cells = [_cell(row.get(c)) for c in columns]  # whitespace collapsed: no CR or LF inside a cell
        writer.writerow([spreadsheet_safe(terminal_safe(c) if on_terminal else c) for c in cells])


def print_table(rows: list[dict[str, Any]], columns: tuple[str, ...], title: str = "",
                caption: str = "") -> None:
    """A boxed table; ids never wrap so they can be copied, long text folds."""
    from claimgraph.lite import Table, Text

    table = Table(title=title or None, caption=caption or None, show_lines=False, expand=False)
    out = console()
    wanted = columns
    columns = fit_columns(wanted, rows, out.width)
    if "id" in columns and not text_fits(columns, rows, out.width):  # cut long ids before the text
        rows = [{**row, "id": short_id(_cell(row.get("id")), NARROW_ID_WIDTH)} for row in rows]
        columns = fit_columns(wanted, rows, out.width)
    for column in columns:
        header, max_width, overflow = COLUMN_LAYOUT.get(column, (column, None, "fold"))
        fixed = overflow == "none"
        table.add_column(header, no_wrap=fixed or overflow == "ellipsis", overflow=overflow if not fixed
                         else "ignore", max_width=max_width, ratio=None if fixed or max_width else 1,
                         justify="right" if column.endswith("count") else "left")
    for row in rows:
        cells = [Text(terminal_safe(_table_cell(row, c)), style=STATUS_STYLES.get(str(row.get(c)), "")
                      if c == "status" else "") for c in columns]
        table.add_row(*cells)
    out.print(table)


def _table_cell(row: dict[str, Any], column: str) -> str:
    """A row's value as a table shows it (ids in SHORTENED columns cut in the middle)."""
    text = _cell(row.get(column))
    max_width = COLUMN_LAYOUT.get(column, (column, None, "fold"))[1]
    return short_id(text, max_width) if column in SHORTENED and max_width else text


def _natural_width(column: str, rows: list[dict[str, Any]]) -> int:
    """How wide a column wants to be: its widest cell or header, within its maximum."""
    header, max_width, _ = COLUMN_LAYOUT.get(column, (column, None, "fold"))
    widest = max([len(header), *(len(_cell(row.get(column))) for row in rows)])
    return min(widest, max_width) if max_width else widest


def text_fits(columns: tuple[str, ...] | list[str], rows: list[dict[str, Any]], width: int) -> bool:
    """Whether the free-text columns get MIN_TEXT_WIDTH each beside the others at their natural width."""
    fixed = sum(_natural_width(c, rows) for c in columns if c in COLUMN_LAYOUT)
    borders = 3 * len(columns) + 1
    text_columns = [c for c in columns if c not in COLUMN_LAYOUT]
    return width - fixed - borders >= MIN_TEXT_WIDTH * len(text_columns)


def fit_columns(columns: tuple[str, ...], rows: list[dict[str, Any]], width: int) -> tuple[str, ...]:
    """Drop the least useful columns until the free-text columns get MIN_TEXT_WIDTH each."""
    shown = list(columns)
    for droppable in (None, *DROPPABLE):
        if droppable in shown:
            shown.remove(droppable)
        if text_fits(shown, rows, width):
            return tuple(shown)
    for count in DROPPABLE_IF_ZERO:  # then the status counts that are 0 in every row (CSV/JSON keep them)
        if count in shown and all(not row.get(count) for row in rows):
            shown.remove(count)
            if text_fits(shown, rows, width):
                break
    return tuple(shown)


def print_stats(stats: dict[str, Any], store_name: str) -> None:
    """Node, relationship and claim-status counts as three small tables."""
    from claimgraph.lite import Table

    out = console()
    out.print(f"Store: {terminal_safe(store_name)}", markup=False)
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
    """An APA reference as styled Text with the italic parts in italics."""
    from claimgraph.lite import Text
    from graph.handout import apa_parts

    text = Text()
    for piece, italic in apa_parts(source):
        text.append(terminal_safe(piece), style="italic" if italic else "")
    return text


def support_line(source: dict[str, Any]):
    """'design: book (entry type: book) · stance: supporting' for one reference of a trace; the
    stance's cue in quotes when a cue phrase decided it (unquoted: the stance model's reasons, a methods
    section), 'design: unknown (not stated)' when nothing did."""
    from claimgraph.lite import Text
    from graph.schema import is_phrase_cue

    design = str(source.get("design") or "unknown")
    reason = str(source.get("design_reason") or "")
    line = Text("        design: ", style="dim")
    line.append(terminal_safe(design), style="bold" if design != "unknown" else "")
    line.append(f" ({terminal_safe(reason)})" if reason else " (not stated)", style="dim")
    stance = str(source.get("stance") or "")
    if stance:
        line.append(" · stance: ", style="dim")
        line.append(terminal_safe(stance), style=STANCE_STYLES.get(stance, ""))
        cue = str(source.get("stance_cue") or "")
        shown = f"'{terminal_safe(cue)}'" if is_phrase_cue(cue) else terminal_safe(cue)
        line.append(f" ({shown})" if cue else " (no cue: cited in support of the claim)"
                    if stance == "supporting" else " (no cue)", style="dim")
    return line


def marked_context(trace: dict[str, Any]):
    """The claim's paragraph with the claim between » and « in bold reverse video (the markers
    show it when the output is not a terminal) and evidence underlined."""
    from claimgraph.lite import Text

    context, claim = trace["context"], trace["claim"]
    base = int(context["start"])
    paragraph, at = terminal_safe_offsets(context["text"])  # at[i]: where raw offset i is now

    def local(offset: Any) -> int:
        return at[min(max(int(offset) - base, 0), len(at) - 1)]

    start, end = local(claim["start"]), local(claim["end"])
    text = Text(paragraph[:start])
    text.append("»", style="bold")
    text.append(paragraph[start:end], style="bold reverse")
    text.append("«", style="bold")
    text.append(paragraph[end:])
    for ev in trace["evidence"]:
        if ev.get("document_id") == claim.get("document_id"):
            ev_start, ev_end = (local(ev[k]) for k in ("start", "end"))
            shift_start = 1 if ev_start >= start else 0
            shift_start += 1 if ev_start >= end else 0
            shift_end = 1 if ev_end > start else 0
            shift_end += 1 if ev_end > end else 0
            text.stylize("underline", ev_start + shift_start, ev_end + shift_end)
    return text


def print_trace(trace: dict[str, Any]) -> None:
    """Claim, status, its paragraph with the claim marked, and each evidence with references."""
    from claimgraph.lite import Text

    out = console()
    claim = trace["claim"]
    header = Text()
    header.append(claim["id"], style="bold")
    header.append("  ")
    header.append(str(claim.get("status", "")), style=STATUS_STYLES.get(str(claim.get("status")), ""))
    where = terminal_safe(str(claim.get("document_title") or claim["document_id"]))
    header.append(f"  {claim.get('kind', '')} claim in {where}")
    if claim.get("section"):
        header.append(f" › {terminal_safe(str(claim['section']))}")
    out.print(header)
    out.print(Text(f"characters {claim['start']}–{claim['end']} of {claim['document_id']}", style="dim"))
    out.print()
    out.print(marked_context(trace))
    out.print()
    out.print(Text(f"Evidence ({len(trace['evidence'])})", style="bold"))
    for ev in trace["evidence"]:
        line = Text("  • ")
        line.append(str(ev.get("kind", "")), style="bold")
        line.append(f": {terminal_safe(quoted(str(ev.get('text', ''))))}  ")
        line.append(f"{ev['id']} at {ev.get('start')}–{ev.get('end')}", style="dim")
        out.print(line)
        for source in ev.get("sources", []):
            cited_as = source.get("cited_key", "")
            if source.get("cited_number"):
                cited_as = f"[{source['cited_number']}] {cited_as}".strip()
            label = Text(f"      ({terminal_safe(cited_as)}) " if cited_as else "      ", style="dim")
            out.print(label.append_text(reference_text(source)))
            out.print(support_line(source))
            if source.get("in_corpus"):
                out.print(Text(f"        in the corpus: {terminal_safe(source['in_corpus'])} "
                               f"(`claimgraph claims --document {terminal_safe(source['in_corpus'])}`)",
                               style="cyan"))
        if ev.get("kind") == "citation" and not ev.get("sources"):
            why = terminal_safe(ev.get("reason") or "no reference of the article's list or .bib matches it")
            out.print(Text(f"      unresolved: {why}", style="yellow"))
    if not trace["evidence"]:
        out.print(Text("  none: the article gives no evidence for this claim", style="dim"))
    for challenge in trace.get("challenges", []):
        line = Text("Challenged by ", style="bold")
        reason = challenge.get("reason") or challenge.get("text", "")
        line.append(f"{challenge['id']}: {terminal_safe(str(reason))}")
        out.print(line)
