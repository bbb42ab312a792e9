"""The input guards (ingest/guards.py), the BibTeX parse guards, ids for non-Latin names, and every
export format written from text with control characters and read back."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from graph.exports import export
from graph.model import Node, Subgraph
from graph.schema import Label, author_id, document_id, slugify
from graph.sqlite_store import SQLiteStore
from graph.store import Scope, open_store
from ingest import guards
from ingest.bibtex import parse_bibtex, read_bibtex
from ingest.model import InputError
from ingest.pipeline import ingest_paths
from ingest.readers import read_documents

DATA = Path(__file__).resolve().parent / "data"
DEMO = Path(__file__).resolve().parent.parent / "ingest" / "data"
PROSE = ("Title\n\nResearchers found that regular sleep improves memory in adults (Smith, 2010). "
         "Many teachers believe that homework builds discipline.\n")


def refused(path: Path, *, bib: bool = False) -> str:
    """The one-line message reading `path` raises."""
    with pytest.raises(InputError) as caught:
        read_bibtex(path) if bib else read_documents(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


# --- special files and sizes -----------------------------------------------------------------------

def test_fifo_is_refused_before_it_is_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "is a FIFO (named pipe), not an article" in refused(fifo)
    assert "not a BibTeX file" in refused(fifo, bib=True)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    assert refused(Path(device)).startswith(f"{device}: is a character device, not an article")
    assert "is a character device, not a BibTeX file" in refused(Path(device), bib=True)


def test_a_symlink_to_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    assert "is a character device" in refused(link)


def test_files_over_the_limit_are_refused_without_reading_them(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.truncate(guards.MAX_ARTICLE_BYTES + 1)
    assert "the most ClaimGraph reads as an article is 8 MiB (8,388,608 bytes)" in refused(big)
    bib = tmp_path / "big.bib"
    with open(bib, "wb") as handle:
        handle.truncate(guards.MAX_BIBTEX_BYTES + 1)
    assert "16 MiB" in refused(bib, bib=True)


def test_a_bib_may_be_larger_than_an_article(tmp_path: Path) -> None:
    bib = tmp_path / "large.bib"
    with open(bib, "wb") as handle:
        handle.truncate(guards.MAX_ARTICLE_BYTES + 1)
    assert guards.check_regular_file(bib, "a BibTeX file", "", guards.MAX_BIBTEX_BYTES) == bib.stat().st_size


def test_read_bounded_stops_past_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert guards.read_bounded(path, "an article", "", limit=100) == b"x" * 100
    with pytest.raises(InputError, match="larger than|is 100 bytes"):
        guards.read_bounded(path, "an article", "", limit=99)


# --- bytes, control characters, shape ---------------------------------------------------------------

def test_a_nul_anywhere_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "n.txt"
    path.write_bytes(("word " * 2000 + "\n\nmore\n").encode() + b"x\x00y\n")
    message = refused(path)
    assert message.startswith(f"{path}:4: has a NUL byte")


def test_control_characters_are_normalised_one_for_one(tmp_path: Path) -> None:
    raw = "Sleep \x1b[31mhelps\x0b memory\x0c in adults \uffff\ufffe and \x85 \x07 (Smith, 2010).\r\n"
    path = tmp_path / "c.txt"
    path.write_text("Title\n\n" + raw, encoding="utf-8")
    article = read_documents(path)[0]
    assert len(article.text) == len("Title\n\n" + raw)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", article.text)
    expected = "Sleep \ufffd[31mhelps  memory  in adults \ufffd\ufffd and \ufffd \ufffd (Smith, 2010)."
    assert expected in article.text
    for sentence in article.sentences:
        assert article.text[sentence.start:sentence.end].strip()


def test_a_line_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text("Title\n\n" + "word " * (guards.MAX_LINE_CHARS // 5 + 1), encoding="utf-8")
    assert f"{path}:3: has a line longer than 50,000 characters" in refused(path)


def test_a_paragraph_over_the_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "para.txt"
    path.write_text("Title\n\nFirst.\n\n" + "A line of words that goes on\n" * 2000, encoding="utf-8")
    assert f"{path}:5: has a paragraph of" in refused(path)


def test_too_many_lines_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("Title\n" + "\n" * guards.MAX_LINES + "Text.", encoding="utf-8")
    assert "lines; the most ClaimGraph reads is 200,000" in refused(path)


# --- what is not an article ------------------------------------------------------------------------

def test_a_bib_given_as_the_article_says_to_use_bib(tmp_path: Path) -> None:
    assert "is a BibTeX file, not an article. Give it with --bib FILE" in refused(DEMO / "references.bib")
    copy = tmp_path / "refs.txt"
    copy.write_bytes((DEMO / "references.bib").read_bytes())
    assert "holds BibTeX entries, not an article. Give it with --bib FILE" in refused(copy)


@pytest.mark.parametrize(("name", "content", "said"), [
    ("data.txt", json.dumps({"claims": ["Sleep helps.", "Rest matters."]}, indent=2), "looks like JSON data"),
    ("data.md", "[1, 2, 3]", "looks like JSON data"),
    ("table.txt", "id,name,value\n1,a,2\n2,b,4\n3,c,6\n", "looks like CSV data"),
    ("table.txt", "id\tname\tvalue\n1\ta\t2\n2\tb\t4\n3\tc\t6\n", "looks like CSV data"),
    ("code.txt", (Path(guards.__file__)).read_text(encoding="utf-8"), "looks like source code"),
    ("code.md", "\n".join("int f(int x) { return x + 1; }" for _ in range(8)), "looks like source code"),
    ("data.json", "{}", "is JSON data, not an article"),
    ("data.csv", "a,b\n", "is CSV data, not an article"),
    ("module.py", "print('hi')\n", "is source code (.py), not an article"),
    ("sheet.xlsx", "x", "is a spreadsheet (.xlsx)"),
    ("essay.docx", "x", "is a word-processor document (.docx), which ClaimGraph does not read"),
    ("essay.odt", "x", "is a word-processor document (.odt)"),
])
def test_nonsense_given_as_an_article_is_named(tmp_path: Path, name: str, content: str, said: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert said in refused(path)


def _articles_in_test_data() -> list[Path]:
    blind = set((DATA / "corpus" / "blind.txt").read_text(encoding="utf-8").split())
    found = []
    for path in sorted(DATA.rglob("*")):
        relative = path.relative_to(DATA / "corpus").as_posix() if DATA / "corpus" in path.parents else ""
        if path.suffix.lower() in (".txt", ".md", ".html", ".htm") and relative not in blind:
            found.append(path)
    return found


def test_no_real_article_is_taken_for_bibtex_json_csv_or_code() -> None:
    articles = [*_articles_in_test_data(), DEMO / "trauma-and-relationships.txt",
                *Path(__file__).resolve().parent.parent.glob("*.md"),
                *(Path(__file__).resolve().parent.parent / "docs").glob("*.md")]
    assert len(articles) > 50
    flagged = {str(p): guards.sniff_non_article(p.read_text(encoding="utf-8")) for p in articles
               if p.suffix.lower() in (".txt", ".md")}
    assert {p: k for p, k in flagged.items() if k} == {}


def test_an_upper_case_html_suffix_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.HTML"
    path.write_text("<html><body><article><h1>A page</h1><p>Researchers found that regular sleep improves "
                    "memory in adults (Smith, 2010). This matters for students.</p></article></body></html>",
                    encoding="utf-8")
    article = read_documents(path)[0]
    assert article.title == "A page" and "<p>" not in article.text and article.id == "doc:page"


def test_html_nested_past_the_parser_limit_says_so(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 300 + "<p>Sleep improves memory in adults, trials show.</p>"
                    + "</div>" * 300 + "</body></html>", encoding="utf-8")
    assert "is too deeply nested: elements more than 255 levels deep" in refused(path)


# --- BibTeX ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("bib", "said"), [
    ("@misc{k2, title={" + "{" * 400 + "x" + "}" * 400 + "}}", "entry 'k2': field title nests braces 400"),
    ("@misc{k3, author={" + "{" * 50 + "A" + "}" * 50 + "}}", "entry 'k3': field author nests braces 50"),
    ("@misc{k1, title={\\verb}}", "entry 'k1': field title cannot be decoded as LaTeX (IndexError"),
    ("@misc{x'}) MATCH (n) DETACH DELETE n //, title={T}}", "the key \"x'\" is not a BibTeX key"),
    ("@misc{my key, title={T}}", "the key 'my key' is not a BibTeX key"),
    ("@misc{a=b, title={T}}", "BibTeX"),
    ("@misc{a#b, title={T}}", "is not a BibTeX key"),
])
def test_bibtex_the_parsers_cannot_take_is_one_line(bib: str, said: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bibtex(bib + "\n", "refs.bib")
    assert str(caught.value).startswith("refs.bib:1: ") and said in str(caught.value)
    assert "\n" not in str(caught.value)


def test_keys_bibtex_accepts_are_kept() -> None:
    keys = ["herman1992trauma", "a:b/c.d+e-f_g", "Smith_2010a", "k!?&*"]
    references = parse_bibtex("".join(f"@misc{{{k}, title={{T}}}}\n" for k in keys), "refs.bib")
    assert [r.key for r in references] == keys
    assert parse_bibtex("@misc{k, title={" + "{" * 30 + "x" + "}" * 30 + "}}", "r.bib")[0].title == "x"


# --- file names and ids ----------------------------------------------------------------------------

def test_a_file_name_with_an_undecodable_byte_is_stored_and_printed_escaped(tmp_path: Path) -> None:
    name = os.fsdecode(b"bad\xffname.txt")
    path = tmp_path / name
    path.write_text(PROSE, encoding="utf-8")
    result = ingest_paths([path], [])
    shown = result.documents[0].path
    assert shown.endswith("bad\\xffname.txt") and shown.encode("utf-8")
    with SQLiteStore(str(tmp_path / "s.db")) as store:
        store.write(result.batch)
        assert store.documents()[0]["path"] == shown
    (tmp_path / os.fsdecode(b"r\xfe.bib")).write_bytes(b"@misc{")
    with pytest.raises(InputError) as caught:
        read_bibtex(tmp_path / os.fsdecode(b"r\xfe.bib"))
    assert "r\\xfe.bib" in str(caught.value) and str(caught.value).encode("utf-8")


def test_latin_ids_are_unchanged() -> None:
    assert slugify("Trauma & Relationships!") == "trauma-relationships"
    assert slugify("Café Müller") == "cafe-muller"
    assert document_id("trauma-and-relationships") == "doc:trauma-and-relationships"
    assert author_id("Herman", "Judith Lewis") == "author:herman-jl"
    assert author_id("van der Kolk", "Bessel A.") == "author:van-der-kolk-ba"
    assert slugify("") == slugify("---") == "untitled"


def test_non_latin_file_names_and_authors_keep_apart() -> None:
    stems = ["статья", "文章", "مقالة", "記事", "Ελληνικά", "李", "黎"]
    ids = [document_id(s) for s in stems]
    assert len(set(ids)) == len(ids) and "doc:untitled" not in ids
    assert document_id("статья").startswith("doc:stat-ya-")
    assert document_id("文章").startswith("doc:wenzhang-")
    authors = [author_id("Достоевский", "Фёдор Михайлович"), author_id("Толстой", "Лев"), author_id("李"),
               author_id("黎")]
    assert len(set(authors)) == 4 and not any("untitled" in a for a in authors)
    assert authors[0].startswith("author:dostoevskiy-") and authors[0].endswith("-fm")
    assert slugify("Łódź") == "lodz" and slugify("Straße") == "strasse"


def test_non_latin_articles_ingested_together_are_two_documents(tmp_path: Path) -> None:
    for stem in ("статья", "文章"):
        (tmp_path / f"{stem}.txt").write_text(PROSE.replace("Title", stem), encoding="utf-8")
    result = ingest_paths([tmp_path / "статья.txt", tmp_path / "文章.txt"], [])
    assert len({d.id for d in result.documents if d.kind == "article"}) == 2


# --- every export format, written from hostile text and read back -------------------------------------

HOSTILE = ("Sleep \x1b[31mhelps\x0b memory\x0c in adults\x07 (Smith, 2010).\r\nIt also \uffff helps "
           "\u2028mood \u202e and \U0001F600 focus, with 'quotes', \"double\", back\\slash and `ticks` "
           "(Smith, 2010).\n\n"
           "A teacher said: =HYPERLINK(\"x\") and <b>&amp;</b> are fine here.\n")


@pytest.fixture
def hostile_store(tmp_path: Path):
    article = tmp_path / "hostile.txt"
    article.write_text("Hostile\n\n" + HOSTILE, encoding="utf-8")
    bib = tmp_path / "hostile.bib"
    bib.write_text("@article{smith2010, author={Sm\x1bith, J\x0bane}, title={Sleep\x07 and memory \uffff},"
                   " year={2010}, journal={J\x0c}}\n", encoding="utf-8")
    result = ingest_paths([article], [bib])
    with SQLiteStore(str(tmp_path / "h.db")) as store:
        store.write(result.batch)
    with open_store(str(tmp_path / "h.db"), read_only=True) as store:
        yield store


_CYPHER_LITERAL = re.compile(r"'((?:\\.|[^'\\])*)'")
_CYPHER_UNESCAPE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "'": "'", '"': '"', "\\": "\\"}


def _cypher_strings(script: str) -> list[str]:
    """Every string literal of a Cypher script, unescaped."""
    values = []
    for literal in _CYPHER_LITERAL.findall(script):
        units: list[str] = []
        i = 0
        while i < len(literal):
            if literal[i] == "\\":
                if literal[i + 1] == "u":
                    units.append(chr(int(literal[i + 2:i + 6], 16)))
                    i += 6
                    continue
                units.append(_CYPHER_UNESCAPE[literal[i + 1]])
                i += 2
            else:
                units.append(literal[i])
                i += 1
        values.append("".join(units).encode("utf-16", "surrogatepass").decode("utf-16"))
    return values


def test_every_format_is_valid_and_reads_back(hostile_store) -> None:
    import networkx as nx
    import pandas as pd
    from lxml import etree

    subgraph = hostile_store.subgraph(Scope(kind="all"), max_nodes=10_000)
    texts = {n.id: n.props["text"] for n in subgraph.nodes if n.props.get("text")}
    assert any("\ufffd" in t for t in texts.values()) and any("\r\n" in t for t in texts.values())

    graph = nx.node_link_graph(json.loads(export(subgraph, "json")), edges="edges")
    assert {n: d.get("text") for n, d in graph.nodes(data=True) if n in texts} == texts

    graphml = export(subgraph, "graphml")
    etree.fromstring(graphml.encode("utf-8"))
    read = nx.read_graphml(io.BytesIO(graphml.encode("utf-8")))
    assert {n: d.get("text") for n, d in read.nodes(data=True) if n in texts} == texts

    with zipfile.ZipFile(io.BytesIO(export(subgraph, "csv"))) as archive:
        nodes = pd.read_csv(archive.open("nodes.csv"), keep_default_na=False, dtype=str)
    assert {r["id"]: r["text"] for _, r in nodes.iterrows() if r["id"] in texts} == texts

    cypher = export(subgraph, "cypher")
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f\u2028\u2029]", cypher)
    assert set(texts.values()) <= set(_cypher_strings(cypher))

    svg = export(subgraph, "svg")
    etree.fromstring(svg.encode("utf-8"))
    assert export(subgraph, "png")[:8] == b"\x89PNG\r\n\x1a\n"

    bibtex = export(subgraph, "bibtex")
    assert [r.key for r in parse_bibtex(bibtex, "export.bib")] == ["smith2010"]
    markdown = export(subgraph, "markdown", store=hostile_store)
    assert markdown.encode("utf-8") and "\x1b" not in markdown


def test_xml_formats_stay_valid_for_a_store_written_without_the_guards() -> None:
    from lxml import etree

    raw = "".join(chr(c) for c in range(32)) + "\x7f\ufffe\uffff"
    subgraph = Subgraph(nodes=[
        Node(Label.DOCUMENT, "doc:a", {"kind": "article", "title": "T" + raw, "text": raw, "path": "p",
                                       "offset": 0, "position": 0, "root_id": "doc:a"}),
        Node(Label.SOURCE, "k1", {"title": "S" + raw})], relationships=[])
    etree.fromstring(export(subgraph, "graphml").encode("utf-8"))
    etree.fromstring(export(subgraph, "svg").encode("utf-8"))
