"""Every export reads back in a reader ClaimGraph did not write (networkx, igraph, pandas,
pybtex, matplotlib, an XML parser), on a small hand-built subgraph."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from graph.exports import FORMATS, ExportError, cypher_string, export, to_cypher
from graph.handout import format_reference_apa, format_reference_apa_html, sentence_case
from graph.model import GraphBatch, Subgraph
from graph.schema import Label, RelType

DOC = "doc:trauma"
HERMAN_BIB = """@book{herman1992trauma,
  author    = {Herman, Judith Lewis},
  title     = {Trauma and Recovery: The Aftermath of Violence -- From Domestic Abuse to Political Terror},
  year      = {1992},
  publisher = {Basic Books},
  address   = {New York},
}"""
JORDAN_FIELDS = {
    "author": "Jordan, B. Kathleen and Marmar, Charles R.", "journal": "Journal of Consulting and "
    "Clinical Psychology", "title": "Problems in families of male Vietnam veterans", "year": "1992",
    "volume": "60", "number": "6", "pages": "916–926", "doi": "10.1037/0022-006X.60.6.916",
}
TRICKY = 'He said "no" \\ then \'yes\'\nnew line </script> & <b>bold</b> 😀 tab\there'


def _subgraph() -> Subgraph:
    """Document, three claims (one per status), evidence, two sources (one without stored
    BibTeX), an author; SQLite-style 0/1 booleans and a None value on purpose."""
    b = GraphBatch()
    b.add_node(Label.DOCUMENT, DOC, kind="article", title="Trauma & <Relationships>", author="A. Apigian",
               date="2017-10-11", url=None, text="…", path="t.txt", offset=0, root_id=DOC, parent_id="",
               position=0)
    claims = [("claim:aaa", "All trauma results in isolation (Herman, 1992).", "cited", 1),
              ("claim:bbb", "I have seen clients heal.", "anecdotal", 2),
              ("claim:ccc", TRICKY, "unsupported", 3)]
    for cid, text, status, pos in claims:
        b.add_node(Label.CLAIM, cid, text=text, document_id=DOC, section="Impact", start=pos * 10,
                   end=pos * 10 + 5, paragraph_start=0, paragraph_end=99, position=pos, kind="general",
                   status=status, contested=0)
        b.add_rel(RelType.MAKES, DOC, cid)
    b.add_node(Label.EVIDENCE, "evidence:e1", text="(Herman, 1992)", document_id=DOC, start=30, end=44,
               kind="citation", marker="(Herman, 1992)", resolved=1)
    b.add_node(Label.EVIDENCE, "evidence:e2", text="I have seen", document_id=DOC, start=50, end=61,
               kind="anecdote", marker="I have seen", resolved=0)
    b.add_node(Label.EVIDENCE, "evidence:e3", text="(Jordan et al., 1992)", document_id=DOC, start=70,
               end=90, kind="citation", marker="(Jordan et al., 1992)", resolved=True)
    b.add_node(Label.SOURCE, "herman1992trauma", entry_type="book", authors="Herman, Judith Lewis",
               title="Trauma and Recovery: The Aftermath of Violence – From Domestic Abuse to Political "
               "Terror", year="1992", publisher="Basic Books", address="New York", bibtex=HERMAN_BIB,
               fields_json="{}")
    b.add_node(Label.SOURCE, "jordan1992problems", entry_type="article", title=JORDAN_FIELDS["title"],
               authors="Jordan, B. Kathleen; Marmar, Charles R.", year="1992", venue=JORDAN_FIELDS["journal"],
               volume="60", number="6", pages="916–926", doi=JORDAN_FIELDS["doi"], bibtex="",
               fields_json=json.dumps(JORDAN_FIELDS))
    b.add_node(Label.AUTHOR, "author:herman-jl", name="Judith Lewis Herman", family="Herman",
               given="Judith Lewis")
    b.add_rel(RelType.SUPPORTED_BY, "claim:aaa", "evidence:e1")
    b.add_rel(RelType.SUPPORTED_BY, "claim:aaa", "evidence:e3")
    b.add_rel(RelType.SUPPORTED_BY, "claim:bbb", "evidence:e2")
    b.add_rel(RelType.CITES, "evidence:e1", "herman1992trauma")
    b.add_rel(RelType.CITES, "evidence:e3", "jordan1992problems")
    b.add_rel(RelType.CITES, DOC, "herman1992trauma")
    b.add_rel(RelType.WRITTEN_BY, "herman1992trauma", "author:herman-jl", position=0)
    b.validate()
    return Subgraph(nodes=b.nodes, relationships=b.relationships)


@pytest.fixture(scope="module")
def subgraph() -> Subgraph:
    return _subgraph()


def test_json_reads_back_in_networkx(subgraph):
    import networkx as nx

    graph = nx.node_link_graph(json.loads(export(subgraph, "json")), edges="edges")
    assert graph.number_of_nodes() == len(subgraph.nodes)
    assert graph.number_of_edges() == len(subgraph.relationships)
    assert graph.nodes["claim:ccc"]["text"] == TRICKY
    assert graph.nodes["evidence:e1"]["resolved"] is True
    assert graph.nodes["claim:aaa"]["contested"] is False


def test_graphml_reads_back_in_networkx_and_igraph(subgraph, tmp_path):
    import igraph
    import networkx as nx

    text = export(subgraph, "graphml")
    path = tmp_path / "g.graphml"
    path.write_text(text, encoding="utf-8")
    graph = nx.read_graphml(path)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (len(subgraph.nodes),
                                                                  len(subgraph.relationships))
    assert graph.nodes["claim:ccc"]["text"] == TRICKY
    assert graph.nodes["claim:aaa"]["start"] == 10 and graph.nodes["evidence:e2"]["resolved"] is False
    assert graph.nodes[DOC]["url"] == ""
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount()) == (len(subgraph.nodes), len(subgraph.relationships))
    vertex = ig.vs.find(id="claim:ccc")
    assert vertex["text"] == TRICKY and vertex["label"] == "Claim"
    assert set(ig.es["type"]) == {"MAKES", "SUPPORTED_BY", "CITES", "WRITTEN_BY"}
    assert ig.vs.find(id="evidence:e1")["resolved"] in (True, 1)


def test_csv_zip_reads_back_in_pandas(subgraph):
    import pandas as pd

    with zipfile.ZipFile(io.BytesIO(export(subgraph, "csv"))) as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
        nodes = pd.read_csv(archive.open("nodes.csv"), keep_default_na=False)
        edges = pd.read_csv(archive.open("edges.csv"), keep_default_na=False)
    assert len(nodes) == len(subgraph.nodes) and len(edges) == len(subgraph.relationships)
    assert nodes.set_index("id").loc["claim:ccc", "text"] == TRICKY
    assert set(edges["type"]) == {"MAKES", "SUPPORTED_BY", "CITES", "WRITTEN_BY"}


def test_bibtex_parses_in_pybtex(subgraph):
    from pybtex.database import parse_string

    data = parse_string(export(subgraph, "bibtex"), "bibtex")
    assert sorted(data.entries) == ["herman1992trauma", "jordan1992problems"]
    jordan = data.entries["jordan1992problems"]
    assert jordan.type == "article" and jordan.fields["volume"] == "60"
    assert [str(p) for p in jordan.persons["author"]][0].startswith("Jordan")


def _decode_cypher_string(literal: str) -> str:
    """An independent reading of a Cypher string literal (per the Cypher manual's escapes)."""
    assert literal[0] == literal[-1] == "'"
    simple = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}
    out, i, body = [], 0, literal[1:-1]
    while i < len(body):
        char = body[i]
        assert char not in "'\n\r", f"unescaped {char!r} at {i}"
        if char != "\\":
            out.append(char)
            i += 1
        elif body[i + 1] == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        else:
            out.append(simple[body[i + 1]])
            i += 2
    return "".join(out).encode("utf-16", "surrogatepass").decode("utf-16")


@pytest.mark.parametrize("value", [TRICKY, "", "\\", "'", "\\'", "a\u2028b\x00c\x1b", "😀 é ü"])
def test_cypher_string_escaping_round_trips(value):
    assert _decode_cypher_string(cypher_string(value)) == value


def test_cypher_script_is_well_formed(subgraph):
    script = to_cypher(subgraph)
    statements = [line for line in script.splitlines() if line and not line.startswith("//")]
    assert all(s.endswith(";") for s in statements)
    assert sum(s.startswith("CREATE CONSTRAINT") for s in statements) == len(Label)
    merges = [s for s in statements if s.startswith("MERGE (n:")]
    assert len(merges) == len(subgraph.nodes)
    assert sum(s.startswith("MATCH (a:") for s in statements) == len(subgraph.relationships)
    tricky = next(s for s in merges if "claim:ccc" in s)
    literal = tricky.split("text: ", 1)[1].split(", document_id:", 1)[0]
    assert _decode_cypher_string(literal) == TRICKY
    assert "contested: false" in tricky and "start: 30" in tricky
    assert "SET r += {position: 0}" in script


def test_markdown_handout_groups_claims_and_formats_references(subgraph):
    text = export(subgraph, "markdown", scope="document doc:trauma")
    cited, anecdotal = text.index("## Claims supported by cited sources"), text.index("anecdote only")
    assert cited < text.index("All trauma results") < anecdotal < text.index("I have seen clients")
    assert "Herman, J. L. (1992). *Trauma and recovery: The aftermath of violence – from domestic abuse to " \
           "political terror*. Basic Books." in text
    assert "*Journal of Consulting and Clinical Psychology, 60*(6), 916–926. " \
           "<https://doi.org/10.1037/0022-006X.60.6.916>" in text
    assert "<script>" not in text and "</script>" not in text and "<b>" not in text
    assert "## References" in text and text.count("Jordan, B. K., & Marmar, C. R. (1992)") == 1, \
        "each work once, in the reference list"


def test_apa_html_escapes_and_sentence_case_keeps_protected_words():
    source = {"id": "x", "entry_type": "book", "authors": "O'Brien, Ann <b>; Lee, Bo", "year": "2001",
              "title": "Fear & <Loathing>", "publisher": "P&Q"}
    rendered = format_reference_apa_html(source)
    assert "<b>" not in rendered and "Fear &amp; &lt;loathing&gt;" in rendered and "P&amp;Q" in rendered
    assert "<em>" in rendered and format_reference_apa(source).startswith("O'Brien, A., & Lee, B. (2001).")
    assert sentence_case("Problems of Male Vietnam Veterans: A PTSD Study", {"Vietnam"}) == \
        "Problems of male Vietnam veterans: A PTSD study"


def test_pictures_open_as_png_and_svg(subgraph):
    import matplotlib.image

    png = export(subgraph, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert matplotlib.image.imread(io.BytesIO(png)).ndim == 3
    svg = export(subgraph, "svg")
    assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"
    assert export(subgraph, "svg") == svg, "the layout is seeded, so the picture is the same every time"
    assert export(subgraph, "png") == png


def test_picture_draws_every_node_edge_and_caption(subgraph):
    from PIL import Image

    svg = ET.fromstring(export(subgraph, "svg"))
    ns = "{http://www.w3.org/2000/svg}"
    from graph.picture import LABEL_COLOURS, STATUS_COLOURS

    legend_entries = len(STATUS_COLOURS) + len(LABEL_COLOURS)  # one per claim status and other label
    assert legend_entries == 9
    assert len(svg.findall(f".//{ns}circle")) == len(subgraph.nodes) + legend_entries
    edges = {(r.start, r.end) for r in subgraph.relationships}
    assert len(svg.findall(f".//{ns}g/{ns}path")) == len(edges)
    assert len(svg.findall(f".//{ns}polygon")) == len(edges), "one arrow head per edge"
    texts = [t.text for t in svg.iter(f"{ns}text")]
    assert "Trauma & <Relationships>" in texts, "captions are escaped in the SVG and read back whole"
    assert "Claim: cited (1)" in texts and "Source (2)" in texts
    image = Image.open(io.BytesIO(export(subgraph, "png")))
    assert image.size == (int(svg.get("width")) * 2, int(svg.get("height")) * 2)
    assert len(image.convert("RGB").getcolors(1 << 20)) > 20, "the PNG has nodes, edges and text on it"


def test_picture_export_imports_neither_matplotlib_nor_networkx(subgraph):
    """A one-claim picture is a CLI command a person waits on: ~0.9 s of importing them is gone."""
    import subprocess
    import sys

    code = ("import sys; from tests.test_exports import _subgraph; from graph.exports import export; "
            "export(_subgraph(), 'svg'); export(_subgraph(), 'png'); "
            "print(sorted(m for m in ('matplotlib', 'networkx', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent).stdout
    assert out.strip() == "[]"


def test_formats_registry_and_unknown_format(subgraph):
    for fmt, spec in FORMATS.items():
        assert isinstance(export(subgraph, fmt), str if spec.text else bytes), fmt
    with pytest.raises(ExportError, match="use one of json"):
        export(subgraph, "docx")


def test_empty_subgraph_exports():
    empty = Subgraph()
    for fmt in FORMATS:
        assert export(empty, fmt) is not None


def test_demo_from_a_real_store_reads_back_everywhere(store, demo_result, tmp_path):
    """The demo article written to each backend, exported whole: counts agree in every reader."""
    import igraph
    import networkx as nx
    import pandas as pd
    from pybtex.database import parse_string

    from graph.store import Scope

    store.write(demo_result.batch)
    sub = store.subgraph(Scope(kind="all"), max_nodes=1000)
    counts = (len(sub.nodes), len(sub.relationships))
    assert counts[0] > 100 and not sub.truncated
    graph = nx.node_link_graph(json.loads(export(sub, "json")), edges="edges")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == counts
    path = tmp_path / "demo.graphml"
    path.write_text(export(sub, "graphml", store=store), encoding="utf-8")
    assert (nx.read_graphml(path).number_of_nodes(), igraph.Graph.Read_GraphML(str(path)).ecount()) == counts
    with zipfile.ZipFile(io.BytesIO(export(sub, "csv"))) as archive:
        assert len(pd.read_csv(archive.open("nodes.csv"))) == counts[0]
    assert len(parse_string(export(sub, "bibtex"), "bibtex").entries) == 2
    handout = export(sub, "markdown", store=store)
    assert "Jordan, B. K., Marmar, C. R., Fairbank, J. A., Schlenger, W. E., Kulka, R. A., Hough, R. L., " \
           "& Weiss, D. S. (1992). Problems in families of male Vietnam veterans" in handout
    assert handout.startswith("# Trauma and Relationships")


FORMULAS = ['=HYPERLINK("http://127.0.0.1:9/x","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3",
            "\t=1+1", "\r=1+1"]


def test_csv_cells_never_start_a_formula_and_stay_readable():
    """OWASP's CSV-injection rule: a text cell starting with = + - @ TAB or CR gets a leading
    apostrophe, so a spreadsheet shows it as text; read back, the rest of the cell is the text."""
    import csv

    b = GraphBatch()
    b.add_node(Label.DOCUMENT, DOC, kind="article", title=FORMULAS[0], author=FORMULAS[2], text="…",
               path="t.txt", offset=0, root_id=DOC, parent_id="", position=0)
    for i, formula in enumerate(FORMULAS):
        b.add_node(Label.CLAIM, f"claim:f{i}", text=formula, section=formula, document_id=DOC, start=i,
                   end=i + 1, position=i, status="unsupported", kind="general", contested=False)
        b.add_rel(RelType.MAKES, DOC, f"claim:f{i}", position=i)
    sub = Subgraph(nodes=b.nodes, relationships=b.relationships)
    with zipfile.ZipFile(io.BytesIO(export(sub, "csv"))) as archive:
        nodes = list(csv.DictReader(io.TextIOWrapper(archive.open("nodes.csv"), "utf-8", newline="")))
        edges = list(csv.reader(io.TextIOWrapper(archive.open("edges.csv"), "utf-8", newline="")))
    cells = [cell for row in nodes for cell in row.values()] + [cell for row in edges for cell in row]
    assert cells and not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    texts = {row["id"]: row["text"] for row in nodes}
    assert [texts[f"claim:f{i}"] for i in range(len(FORMULAS))] == ["'" + f for f in FORMULAS]
    document = next(row for row in nodes if row["id"] == DOC)
    assert (document["title"], document["author"]) == ("'" + FORMULAS[0], "'" + FORMULAS[2])
    assert document["offset"] == "0" and document["text"] == "…"  # numbers and plain text unchanged


# -- teaching exports ------------------------------------------------------------------------------
@pytest.fixture
def demo_store(tmp_path, demo_result):
    from graph.store import open_store

    with open_store(str(tmp_path / "demo.db")) as store:
        store.write(demo_result.batch)
        yield store


def _demo_document(store):
    from graph.model import ClaimFilter
    from graph.store import UNCAPPED, Scope

    document = ClaimFilter(document_id="doc:trauma-and-relationships")
    return store.subgraph(Scope(kind="filter", filter=document), max_nodes=UNCAPPED)


def test_handout_keeps_a_list_items_lead_in_and_lists_each_reference_once(demo_store):
    from graph.model import ClaimFilter
    from graph.store import Scope

    handout = export(_demo_document(demo_store), "markdown", store=demo_store)
    lead_in = "*In a long-term Vietnam Readjustment Study on those with PTSD, they found the following "
    assert f"> {lead_in}relationship patterns:* … More likely to divorce" in handout
    references = handout[handout.index("## References"):]
    assert handout.count("Jordan, B. K., Marmar, C. R.") == 1 and "2. Jordan, B. K." in references
    assert "“Vietnam Readjustment Study” [2]" in handout
    one = demo_store.subgraph(Scope(kind="filter", filter=ClaimFilter(text="More likely to divorce")))
    tally = "\n1 claim: 1 cited, 0 cited-unresolved, 0 disputed-by-citation, 0 anecdotal, 0 unsupported.\n"
    assert tally in export(one, "markdown", store=demo_store)


def test_list_lead_in_of_numbered_and_bulleted_items():
    from graph.handout import list_lead_in

    text = "Intro.\n\nWe found:\n\n  • First item\n  • Second item\n\n1. One\n2. Two\n\nPlain sentence."
    assert list_lead_in(text, text.index("Second item")) == "We found:"
    assert list_lead_in(text, text.index("Two")) == ""  # a numbered list right after another list
    assert list_lead_in(text, text.index("Plain sentence")) == ""


def _table_rows(store, subgraph):
    import csv

    return list(csv.DictReader(io.StringIO(export(subgraph, "table-csv", store=store,
                                                  base_url="http://127.0.0.1:8501/"))))


def test_claim_table_has_a_row_per_claim_evidence_reference(demo_store):
    subgraph = _demo_document(demo_store)
    rows = _table_rows(demo_store, subgraph)
    claims = [n for n in subgraph.nodes if n.label == Label.CLAIM]
    expected = 0
    for claim in claims:
        evidence = demo_store.trace(claim.id)["evidence"]
        expected += sum(max(1, len(e["sources"])) for e in evidence) or 1
    assert len(rows) == expected and len({r["Claim id"] for r in rows}) == len(claims)
    divorce = next(r for r in rows if r["Claim"] == "More likely to divorce")
    assert divorce["Support"] == "cited" and divorce["Evidence"] == "citation"
    assert divorce["Reference (APA)"].startswith("Jordan, B. K., Marmar, C. R., Fairbank, J. A.")
    assert "Journal of Consulting and Clinical Psychology, 60(6), 916–926." in divorce["Reference (APA)"]
    assert divorce["Permalink"] == f"http://127.0.0.1:8501/?page=trace&claim={divorce['Claim id']}"
    assert divorce["Document"].startswith("Trauma and Relationships")
    unsupported = next(r for r in rows if r["Support"] == "unsupported")
    assert unsupported["Evidence"] == unsupported["Reference (APA)"] == ""


def test_claim_table_xlsx_matches_the_csv_and_neutralises_formulas(demo_store):
    from openpyxl import load_workbook

    subgraph = _demo_document(demo_store)
    workbook = load_workbook(io.BytesIO(export(subgraph, "table-xlsx", store=demo_store,
                                               base_url="http://127.0.0.1:8501/")))
    sheet = workbook["Claims"]
    values = [[cell.value or "" for cell in row] for row in sheet.iter_rows()]
    csv_rows = _table_rows(demo_store, subgraph)
    assert values[0] == list(csv_rows[0])
    assert values[1:] == [list(r.values()) for r in csv_rows]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold

    b = GraphBatch()
    b.add_node(Label.DOCUMENT, DOC, kind="article", title=FORMULAS[0], text="…", path="t.txt", offset=0,
               root_id=DOC, parent_id="", position=0)
    for i, formula in enumerate(FORMULAS):
        b.add_node(Label.CLAIM, f"claim:f{i}", text=formula, section=formula, document_id=DOC, start=i,
                   end=i + 1, position=i, status="unsupported", kind="general", contested=False)
    hostile = Subgraph(nodes=b.nodes, relationships=b.relationships)
    sheet = load_workbook(io.BytesIO(export(hostile, "table-xlsx")))["Claims"]
    cells = [c.value for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, str)]
    assert cells and not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert all(c.data_type == "s" for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None)
    claims = [sheet.cell(row=i + 2, column=3).value for i in range(len(FORMULAS))]
    assert claims == ["'" + f for f in FORMULAS]
    import csv

    table = list(csv.reader(io.StringIO(export(hostile, "table-csv"), newline="")))
    assert not [c for row in table[1:] for c in row if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert [row[2] for row in table[1:]] == ["'" + f for f in FORMULAS]


def test_support_summary_picture_png_and_svg():
    import matplotlib.image

    from graph.picture import support_summary_picture

    rows = [("Whole document", {"cited": 10, "anecdotal": 2, "unsupported": 80, "cited-unresolved": 1}),
            ("Trauma and its Impact on Relationships", {"cited": 8, "unsupported": 7}), ("<b>x</b> & y", {})]
    png = support_summary_picture("Trauma & <Relationships>", rows, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and matplotlib.image.imread(io.BytesIO(png)).ndim == 3
    svg = support_summary_picture("Trauma & <Relationships>", rows, "svg")
    assert ET.fromstring(svg).tag == "{http://www.w3.org/2000/svg}svg"
    assert support_summary_picture("Trauma & <Relationships>", rows, "svg") == svg
