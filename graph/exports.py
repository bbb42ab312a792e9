"""Exports of any Subgraph: JSON, GraphML, CSV, Cypher, BibTeX, Markdown handout, SVG, PNG, JSON-LD
and Turtle (graph/linked_data.py).

`export(subgraph, fmt, store=None)` returns `str` for text formats and `bytes` for
binary ones; `FORMATS` names each format's file extension and media type (the app
offers downloads from it, the CLI chooses text or binary output from it).
Property values are coerced to the types `graph.schema` declares (SQLite hands
back booleans as 0/1) and absent values are left out, not written as null.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.handout import to_markdown
from graph.model import Node, Relationship, Subgraph
from graph.schema import NODES, RELATIONSHIPS, Label, label_of


@dataclass(frozen=True)
class ExportFormat:
    """One export format: name, file extension, media type and whether the output is text."""

    name: str
    extension: str
    media_type: str
    text: bool
    description: str


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("json", "json", "application/json", True, "networkx node-link JSON"),
    ExportFormat("graphml", "graphml", "application/graphml+xml", True, "GraphML for Gephi, yEd, Cytoscape"),
    ExportFormat("csv", "zip", "application/zip", False, "zip of nodes.csv and edges.csv"),
    ExportFormat("cypher", "cypher", "application/x-cypher-query", True, "Cypher script for Neo4j"),
    ExportFormat("bibtex", "bib", "application/x-bibtex", True, "BibTeX of the sources"),
    ExportFormat("markdown", "md", "text/markdown", True, "Markdown handout for a class"),
    ExportFormat("svg", "svg", "image/svg+xml", True, "picture of the subgraph (SVG)"),
    ExportFormat("png", "png", "image/png", False, "picture of the subgraph (PNG)"),
    ExportFormat("jsonld", "jsonld", "application/ld+json", True,
                 "linked data: JSON-LD with CiTO citation typing"),
    ExportFormat("turtle", "ttl", "text/turtle", True, "linked data: Turtle with CiTO citation typing"),
    ExportFormat("table-csv", "csv", "text/csv", True,
                 "one row per claim × evidence × reference, with APA reference and permalink (CSV)"),
    ExportFormat("table-xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 False, "the same table as a spreadsheet (XLSX)"),
)}


class ExportError(ValueError):
    """An export that cannot be made (unknown format); the message says what to use."""


# -- typed properties -----------------------------------------------------------------------------
def _coerce(value: Any, kind: type) -> Any:
    """A property value as the schema type: None stays None, 0/1 become bools, '3' becomes 3."""
    if value is None:
        return None
    if kind is bool:
        return value.lower() in ("true", "1", "yes") if isinstance(value, str) else bool(value)
    if kind is int:
        return int(value)
    return str(value)


def typed_node_props(node: Node) -> dict[str, Any]:
    """A node's properties coerced to the schema types, in schema order, without None values."""
    spec = NODES[node.label]
    typed = {p.name: _coerce(node.props.get(p.name), p.type) for p in spec.props}
    return {name: value for name, value in typed.items() if value is not None}


def typed_rel_props(rel: Relationship) -> dict[str, Any]:
    """A relationship's properties coerced to the schema types, without None values."""
    spec = RELATIONSHIPS[rel.type]
    typed = {p.name: _coerce(rel.props.get(p.name), p.type) for p in spec.props}
    return {name: value for name, value in typed.items() if value is not None}


def typed_subgraph(subgraph: Subgraph) -> Subgraph:
    """The subgraph with every property coerced to its schema type and None values dropped."""
    return Subgraph(
        nodes=[Node(n.label, n.id, typed_node_props(n)) for n in subgraph.nodes],
        relationships=[Relationship(r.type, r.start, r.end, typed_rel_props(r))
                       for r in subgraph.relationships],
        truncated=subgraph.truncated,
    )


def to_graph(subgraph: Subgraph):
    """The typed subgraph as a networkx MultiDiGraph (graph.convert's shape: node attribute `label`,
    edges keyed by `type`, `truncated` in the graph attributes)."""
    from graph.convert import to_networkx

    return to_networkx(typed_subgraph(subgraph))


# -- formats --------------------------------------------------------------------------------------
def to_json(subgraph: Subgraph) -> str:
    """networkx node-link JSON (`edges="edges"`), readable by `networkx.node_link_graph`."""
    import networkx as nx

    data = nx.node_link_data(to_graph(subgraph), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1)


# Characters XML 1.0 cannot hold (GraphML and SVG are XML). Ingest normalises them away at read time
# (ingest.guards); a store written otherwise still exports, with U+FFFD in their place.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(subgraph: Subgraph) -> Subgraph:
    """The subgraph with every character XML cannot hold in a string property replaced by U+FFFD."""
    def clean(props: dict[str, Any]) -> dict[str, Any]:
        return {k: fix(v) if isinstance(v, str) else v for k, v in props.items()}

    def fix(text: str) -> str:
        return _NOT_XML.sub("\ufffd", text)

    return Subgraph(nodes=[Node(n.label, fix(n.id), clean(n.props)) for n in subgraph.nodes],
                    relationships=[Relationship(r.type, fix(r.start), fix(r.end), clean(r.props))
                                   for r in subgraph.relationships],
                    truncated=subgraph.truncated)


def to_graphml(subgraph: Subgraph) -> str:
    """GraphML with typed keys (string, int, boolean). Missing strings are written as '' so every
    string key is present; the node id is the GraphML id, not repeated as data (igraph keeps the
    GraphML id in its own `id` attribute)."""
    import networkx as nx

    graph = to_graph(xml_safe(subgraph))
    for _, attrs in graph.nodes(data=True):
        attrs.pop("id", None)
        for prop in NODES[Label(attrs["label"])].props:
            if prop.type is str and prop.name != "id":
                attrs.setdefault(prop.name, "")
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True, named_key_ids=True)
    return buffer.getvalue().decode("utf-8")


# OWASP "CSV Injection": a spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A cell a spreadsheet shows as text: a string starting with = + - @ TAB or CR gets a leading
    apostrophe (OWASP's rule), so `=HYPERLINK(…)` reads as itself and never runs. Other values
    (numbers, booleans, None) are returned unchanged. Every CSV/XLSX writer passes cells through it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row with every cell made spreadsheet-safe."""
    return {key: spreadsheet_safe(value) for key, value in row.items()}


TABLE_COLUMNS: tuple[tuple[str, str, int], ...] = (
    # (key, header, XLSX column width in characters)
    ("document", "Document", 30), ("section", "Section", 22), ("claim", "Claim", 60),
    ("support", "Support", 14), ("evidence_kind", "Evidence", 10), ("evidence", "Evidence as written", 28),
    ("reference", "Reference (APA)", 60), ("doi", "DOI", 24), ("claim_id", "Claim id", 20),
    ("permalink", "Permalink", 40),
)


def claim_table(subgraph: Subgraph, store: Any = None, base_url: str = "") -> list[dict[str, Any]]:
    """The teaching table: one row per claim × evidence × reference (a claim without evidence, or
    evidence without a reference, is one row with those cells empty), in reading order.

    Reference is APA 7 plain text; permalink opens the claim's trace (`base_url` + `?page=trace&claim=…`).
    With a store, each claim's evidence and references are complete even where the subgraph was cut.
    """
    from urllib.parse import quote

    from graph.handout import apa_parts, claim_evidence, claim_support

    by_id = {n.id: n for n in subgraph.nodes}
    claims = sorted((n for n in subgraph.nodes if n.label == Label.CLAIM),
                    key=lambda n: (str(n.props.get("document_id", "")), int(n.props.get("position") or 0),
                                   n.id))
    support = claim_evidence(subgraph, store)
    rows: list[dict[str, Any]] = []
    for claim in claims:
        props = claim.props
        document = by_id.get(str(props.get("document_id") or ""))
        if document is None and store is not None:
            document = store.node(str(props.get("document_id") or ""))
        base = {"document": (document.props.get("title") if document else "") or props.get("document_id", ""),
                "section": props.get("section", ""), "claim": props.get("text", ""),
                "support": claim_support(props, support.get(claim.id, [])),
                "support_design": props.get("support_design", "") or "", "claim_id": claim.id,
                "permalink": f"{base_url}?page=trace&claim={quote(claim.id, safe=':')}"}
        evidence = support.get(claim.id, [])
        if not evidence:
            rows.append({**base, "evidence_kind": "", "evidence": "", "reference": "", "doi": "",
                         "design": "", "stance": ""})
        for item in evidence:
            sources = item.get("sources") or [None]
            for source in sources:
                reference = "".join(text for text, _ in apa_parts(source)) if source else (
                    "(matched no reference)" if item.get("kind") == "citation" else "")
                rows.append({**base, "evidence_kind": item.get("kind", ""),
                             "evidence": item.get("marker") or item.get("text", ""),
                             "reference": reference, "doi": (source or {}).get("doi", ""),
                             "design": (source or {}).get("design", "") or "",
                             "stance": (source or {}).get("stance", "") or ""})
    return rows


def to_table_csv(subgraph: Subgraph, store: Any = None, base_url: str = "") -> str:
    """The teaching table as CSV (UTF-8, a header row, formula-like cells neutralised)."""
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)  # a CR in a cell stays in it
    writer.writerow([header for _, header, _ in TABLE_COLUMNS])
    for row in claim_table(subgraph, store, base_url):
        writer.writerow([spreadsheet_safe(row[key]) for key, _, _ in TABLE_COLUMNS])
    return buffer.getvalue()


def to_table_xlsx(subgraph: Subgraph, store: Any = None, base_url: str = "") -> bytes:
    """The teaching table as an XLSX workbook (openpyxl): bold frozen header, wrapped text, column
    widths set, formula-like cells neutralised and every cell stored as text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Claims"
    sheet.append([header for _, header, _ in TABLE_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in claim_table(subgraph, store, base_url):
        sheet.append([_xlsx_text(spreadsheet_safe(row[key])) for key, _, _ in TABLE_COLUMNS])
    for index, (_, _, width) in enumerate(TABLE_COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    for row_cells in sheet.iter_rows(min_row=2):
        for cell in row_cells:
            cell.alignment = wrap
            cell.data_type = "s"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xlsx_text(value: Any) -> str:
    """A cell value as text XLSX can hold (characters XML forbids become U+FFFD)."""
    return _XML_ILLEGAL.sub("\ufffd", "" if value is None else str(value))


def to_csv_zip(subgraph: Subgraph) -> bytes:
    """A zip holding nodes.csv (id, label, every property) and edges.csv (source, target, type,
    properties), written by pandas; booleans as True/False, missing values empty; text cells
    that a spreadsheet would run as a formula start with an apostrophe (`spreadsheet_safe`)."""
    import pandas as pd

    node_rows = [spreadsheet_row({"id": n.id, "label": str(n.label), **typed_node_props(n)})
                 for n in subgraph.nodes]
    edge_rows = [spreadsheet_row({"source": r.start, "target": r.end, "type": str(r.type),
                                  **typed_rel_props(r)}) for r in subgraph.relationships]
    node_columns = ["id", "label"] + _union_columns(NODES[label].prop_names for label in Label)
    edge_columns = ["source", "target", "type"] + _union_columns(s.prop_names for s in RELATIONSHIPS.values())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, rows, columns in (("nodes.csv", node_rows, node_columns),
                                    ("edges.csv", edge_rows, edge_columns)):
            frame = pd.DataFrame(rows, columns=columns, dtype=object)  # ints stay ints beside gaps
            # CRLF rows (RFC 4180): a CR inside a cell is then quoted, not taken for a row end
            archive.writestr(name, frame.to_csv(index=False, lineterminator="\r\n"))
    return buffer.getvalue()


def _union_columns(groups) -> list[str]:
    """Property names in first-seen order across schema specs, without 'id'."""
    columns: list[str] = []
    for names in groups:
        columns += [n for n in names if n != "id" and n not in columns]
    return columns


_CYPHER_ESCAPES = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t",
                   "\b": "\\b", "\f": "\\f"}


def cypher_string(value: str) -> str:
    """A Cypher string literal in single quotes: backslash, quotes and control characters escaped,
    other non-printable or line-separator characters as \\uXXXX (astral ones as a surrogate pair)."""
    out = []
    for char in value:
        if char in _CYPHER_ESCAPES:
            out.append(_CYPHER_ESCAPES[char])
        elif char.isprintable() and char not in "\u2028\u2029\u0085":
            out.append(char)
        else:
            encoded = char.encode("utf-16-be")
            out.extend(f"\\u{int.from_bytes(encoded[i:i + 2], 'big'):04X}" for i in range(0, len(encoded), 2))
    return "'" + "".join(out) + "'"


def cypher_value(value: Any) -> str:
    """A property value as a Cypher literal (strings escaped, booleans lower-case)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return cypher_string(str(value))


def cypher_map(props: dict[str, Any]) -> str:
    """A Cypher map literal; keys are schema property names (plain identifiers)."""
    return "{" + ", ".join(f"{key}: {cypher_value(value)}" for key, value in props.items()) + "}"


def cypher_constraints() -> list[str]:
    """A uniqueness constraint on `id` for every label in the schema."""
    return [f"CREATE CONSTRAINT claimgraph_{label.value.lower()}_id IF NOT EXISTS "
            f"FOR (n:{label.value}) REQUIRE n.id IS UNIQUE;" for label in Label]


def to_cypher(subgraph: Subgraph) -> str:
    """A script that recreates the subgraph in Neo4j: constraints, one MERGE per node (by id, then
    `SET n += {…}`), one MATCH … MERGE per relationship. Literals are escaped, never interpolated raw."""
    labels = {n.id: n.label for n in subgraph.nodes}
    lines = ["// ClaimGraph export: run with cypher-shell -f FILE (or paste into Neo4j Browser).",
             *cypher_constraints(), ""]
    for node in subgraph.nodes:
        props = {k: v for k, v in typed_node_props(node).items() if k != "id"}
        lines.append(f"MERGE (n:{node.label.value} {{id: {cypher_string(node.id)}}}) "
                     f"SET n += {cypher_map(props)};")
    for rel in subgraph.relationships:
        start_label = labels.get(rel.start) or label_of(rel.start)
        end_label = labels.get(rel.end) or label_of(rel.end)
        lines.append(
            f"MATCH (a:{start_label.value} {{id: {cypher_string(rel.start)}}}), "
            f"(b:{end_label.value} {{id: {cypher_string(rel.end)}}}) "
            f"MERGE (a)-[r:{rel.type.value}]->(b) SET r += {cypher_map(typed_rel_props(rel))};")
    return "\n".join(lines) + "\n"


def source_bibtex(props: dict[str, Any]) -> str:
    """The BibTeX of one source: its stored text, else regenerated from fields_json."""
    if (props.get("bibtex") or "").strip():
        return props["bibtex"].strip() + "\n"
    import bibtexparser
    from bibtexparser.model import Entry, Field

    fields = json.loads(props.get("fields_json") or "{}")
    entry = Entry(props.get("entry_type") or "misc", props["id"],
                  [Field(str(k), str(v)) for k, v in fields.items()])
    library = bibtexparser.Library([entry])
    return bibtexparser.write_string(library).strip() + "\n"


def to_bibtex(subgraph: Subgraph) -> str:
    """The BibTeX entries of the subgraph's sources, in id order."""
    sources = sorted((n for n in subgraph.nodes if n.label == Label.SOURCE), key=lambda n: n.id)
    return "\n".join(source_bibtex(n.props) for n in sources)


def _picture(fmt: str) -> Callable[[Subgraph], bytes | str]:
    def render(subgraph: Subgraph) -> bytes | str:
        from graph.picture import render_picture

        return render_picture(xml_safe(subgraph), fmt)
    return render


def _linked_data(fmt: str) -> Callable[[Subgraph], str]:
    def render(subgraph: Subgraph) -> str:
        from graph.linked_data import to_jsonld, to_turtle

        return (to_jsonld if fmt == "jsonld" else to_turtle)(typed_subgraph(subgraph))
    return render


_WRITERS: dict[str, Callable[[Subgraph], bytes | str]] = {
    "json": to_json, "graphml": to_graphml, "csv": to_csv_zip, "cypher": to_cypher,
    "bibtex": to_bibtex, "svg": _picture("svg"), "png": _picture("png"),
    "jsonld": _linked_data("jsonld"), "turtle": _linked_data("turtle"),
}


def export(subgraph: Subgraph, fmt: str, store: Any = None, title: str = "", scope: str = "",
           base_url: str = "") -> bytes | str:
    """The subgraph in format `fmt` (a FORMATS key). `store` lets the Markdown handout and the
    table fetch each claim's full evidence and sources; `title`/`scope` head the handout;
    `base_url` (the explorer's address) starts the table's permalinks."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "markdown":
        return to_markdown(subgraph, store=store, title=title, scope=scope)
    if fmt == "table-csv":
        return to_table_csv(subgraph, store=store, base_url=base_url)
    if fmt == "table-xlsx":
        return to_table_xlsx(subgraph, store=store, base_url=base_url)
    return _WRITERS[fmt](subgraph)
