"""The fresh blind evaluation sets are intact and honest about where they come from.

tests/data/corpus/fresh and tests/data/corpus/fresh4 (JATS articles), tests/data/corpus/fresh-pdf and
tests/data/corpus/fresh-pdf2 (publisher PDF + JATS pairs) and
tests/data/eval-blind-6 (hand-written blog-style texts) are held out for a first, blind run of the
evaluator. These tests check the data only — provenance, checksums, newness, layout, gold format — and
never import `ingest`, so they run no extractor on the held-out files.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
FRESH_DIRS = (CORPUS / "fresh", CORPUS / "fresh-pdf", CORPUS / "fresh4", CORPUS / "fresh-pdf2")
PDF_DIRS = (CORPUS / "fresh-pdf", CORPUS / "fresh-pdf2")
SUPPORT = ROOT / "tests" / "data" / "support"
OLDER_DIRS = (CORPUS / "jats", CORPUS / "pdf", SUPPORT / "fresh", SUPPORT / "fresh2", SUPPORT / "fresh3")
BLIND_6 = ROOT / "tests" / "data" / "eval-blind-6"
MAX_BYTES = 3 * 1024 * 1024


def doi(path: Path) -> str:
    """The article's own DOI (front matter; also inside PMC's <pmc-articleset>), lower-cased; empty when
    it has none."""
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    front = "(/article|/pmc-articleset/article)/front/article-meta/article-id[@pub-id-type='doi']"
    return root.xpath(f"string({front})").strip().lower()


def fresh_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.suffix in {".xml", ".pdf"})


@pytest.mark.parametrize("directory", FRESH_DIRS, ids=lambda d: d.name)
def test_every_fresh_file_has_provenance_and_its_checksum_in_the_readme(directory: Path) -> None:
    readme = (directory / "README.md").read_text(encoding="utf-8")
    files = fresh_files(directory)
    assert files, f"{directory} is empty"
    for path in files:
        assert f"`{path.name}`" in readme, path.name
        assert hashlib.sha256(path.read_bytes()).hexdigest() in readme, f"{path.name}: checksum differs"
        assert path.stat().st_size < MAX_BYTES, f"{path.name} is over 3 MB"
    for path in (p for p in files if p.suffix == ".xml"):
        assert doi(path) and doi(path) in readme.lower(), f"{path.name}: DOI not in the README"


def test_no_fresh_article_is_already_elsewhere_in_the_corpus() -> None:
    older = {doi(p) for d in OLDER_DIRS for p in d.glob("*.xml")}
    assert len(older) > 40
    fresh = [p for d in FRESH_DIRS for p in d.glob("*.xml")]
    dois = [doi(p) for p in fresh]
    assert len(set(dois)) == len(dois), "an article is in both fresh sets"
    for path, value in zip(fresh, dois, strict=True):
        assert value not in older, f"{path.name} ({value}) is already in the corpus"


def test_fresh_sets_are_not_in_the_older_blind_list() -> None:
    listed = (CORPUS / "blind.txt").read_text(encoding="utf-8")
    for name in ("fresh/", "fresh-pdf/", "fresh4/", "fresh-pdf2/"):
        assert name not in listed, name


@pytest.mark.parametrize("directory", PDF_DIRS, ids=lambda d: d.name)
def test_every_fresh_pdf_has_its_xml_of_the_same_name_and_is_a_pdf(directory: Path) -> None:
    pdfs = sorted(directory.glob("*.pdf"))
    assert sorted(p.stem for p in pdfs) == sorted(p.stem for p in directory.glob("*.xml"))
    for pdf in pdfs:
        assert pdf.read_bytes()[:5] == b"%PDF-", pdf.name


def load_make_expected(folder: Path = BLIND_6) -> ModuleType:
    """An eval set's make_expected.py as a module (its labels and its check)."""
    spec = importlib.util.spec_from_file_location(f"make_expected_{folder.name}", folder / "make_expected.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_is_what_labels_give(folder: Path) -> None:
    """The set's expected.json is exactly what its hand-typed labels give, and they pass its check
    (each substring once in its text, each key in references.bib)."""
    module = load_make_expected(folder)
    module.check(module.LABELS)
    gold = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert gold["about"] == module.ABOUT
    assert gold["documents"] == {name: [{"claim": c, "sources": k} for c, k in entries]
                                 for name, entries in module.LABELS.items()}


def test_blind_6_gold_is_exactly_what_its_labels_give() -> None:
    gold_is_what_labels_give(BLIND_6)


def test_blind_6_labels_every_text_and_the_set_is_big_enough() -> None:
    gold = json.loads((BLIND_6 / "expected.json").read_text(encoding="utf-8"))["documents"]
    texts = {p.name for p in BLIND_6.iterdir() if p.suffix in {".txt", ".md", ".html"}} - {"README.md"}
    assert set(gold) == texts
    assert len(texts) >= 12
    links = sum(len(entry["sources"]) for entries in gold.values() for entry in entries)
    negatives = sum(not entry["sources"] for entries in gold.values() for entry in entries)
    assert links >= 90 and negatives >= 30


def test_a_broken_label_is_caught(tmp_path: Path) -> None:
    module = load_make_expected()
    name = "blog-climate-tipping.md"
    with pytest.raises(SystemExit, match="occurs 0 times"):
        module.check({name: [("a sentence that is not in the text", [])]})
    with pytest.raises(SystemExit, match="not in references.bib"):
        module.check({name: [("I grew up near Ribe", ["nosuchkey2099"])]})


def test_fresh4_articles_are_linked_articles_of_new_publishers() -> None:
    """Each fourth-fresh article has a body with publisher-linked citations whose every rid is one of its
    <ref id>s, and none is from a publisher the other folders use (eLife, PLOS, SciELO, 3 Biotech)."""
    files = sorted((CORPUS / "fresh4").glob("*.xml"))
    assert len(files) >= 15
    for path in files:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        article = root if root.tag == "article" else root.find("article")
        ref_ids = set(article.xpath(".//ref/@id"))
        xrefs = article.xpath("body//xref[@ref-type='bibr']")
        rids = [rid for x in xrefs for rid in x.get("rid", "").split()]
        assert rids and set(rids) <= ref_ids, path.name
        assert not doi(path).startswith(("10.7554/", "10.1371/", "10.1590/", "10.1007/s13205")), path.name


def test_fresh_pdf2_pairs_are_linked_text_pdfs_of_publishers_new_to_the_pdf_folders() -> None:
    """Each second-fresh-PDF article: its body has publisher-linked citations whose every rid is one of
    its <ref id>s, the README's marker and page counts are the files' own, every PDF page has a text
    layer, and no article is from the publishers of pdf/ and fresh-pdf/ (eLife, SciELO)."""
    import pymupdf

    directory = CORPUS / "fresh-pdf2"
    readme = (directory / "README.md").read_text(encoding="utf-8")
    lines = [line for line in readme.splitlines() if line.startswith("| `")]
    cells = [[c.strip() for c in line.split("|")[1:-1]] for line in lines]
    rows = {row[0].strip("`"): row for row in cells if len(row) == 11}  # the "Files" table
    files = sorted(directory.glob("*.xml"))
    assert 3 <= len(files) <= 8 and set(rows) == {p.name for p in files}
    for path in files:
        root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        article = root if root.tag == "article" else root.find("article")
        ref_ids = set(article.xpath(".//ref/@id"))
        xrefs = article.xpath("body//xref[@ref-type='bibr']")
        rids = [rid for x in xrefs for rid in x.get("rid", "").split()]
        assert rids and set(rids) <= ref_ids, path.name
        assert not doi(path).startswith(("10.7554/", "10.1590/")), path.name
        markers, refs, pages = (int(rows[path.name][i]) for i in (6, 7, 8))
        assert (markers, refs) == (len(xrefs), len(article.xpath(".//ref-list//ref"))), path.name
        with pymupdf.open(path.with_suffix(".pdf")) as pdf:
            assert pdf.page_count == pages, path.name
            assert all(len(page.get_text().strip()) > 200 for page in pdf), f"{path.name}: a page has no text"
