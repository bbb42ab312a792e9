"""GROBID TEI reader (ingest/tei.py) on hand-written fixtures in GROBID 0.6.1 and 0.8.1's
processFulltextDocument format (tests/data/tei, see its README for what each pins)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.bibtex import parse_bibtex
from ingest.model import HEADING, REFERENCES, TITLE
from ingest.readers import read_documents
from ingest.render import render_text
from ingest.xmlfile import local_name, parse_xml

TEI = Path(__file__).parent / "data" / "tei"
FILES = sorted(TEI.glob("*.tei.xml"))


def test_the_fixtures_are_grobid_tei() -> None:
    """Both hand-written fixtures (tests/data/tei/README.md) carry GROBID's TEI root and version stamp."""
    assert len(FILES) >= 2
    for path in FILES:
        root = parse_xml(path)
        assert root.tag == "{http://www.tei-c.org/ns/1.0}TEI"
        versions = [el.get("version") for el in root.iter() if local_name(el) == "application"]
        assert versions and versions[0] in ("0.6.1", "0.8.1")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_bibr_ref_is_a_citation_with_exact_offsets(path: Path) -> None:
    [article] = read_documents(path)
    assert article.title and article.author and article.references
    keys = {ref.key for ref in article.references}
    for block in article.blocks:
        words = article.text[block.start:block.end]
        assert words and words == words.strip()
    for cited in article.citations:
        assert set(cited.keys) <= keys
        assert article.text[cited.start:cited.end].strip() == article.text[cited.start:cited.end] != ""
    root = parse_xml(path)
    refs = [r for r in root.iter() if local_name(r) == "ref" and r.get("type") == "bibr"
            and not any(local_name(a) in ("figure", "note") for a in r.iterancestors())]
    linked = [r.get("target", "").lstrip("#") for r in refs if r.get("target")]
    assert len(article.citations) == len(refs)
    assert [k for c in article.citations for k in c.keys] == linked


def test_numeric_grobid_08_article() -> None:
    [article] = read_documents(TEI / "grobid-0.8.1-numeric.tei.xml")
    assert article.doi == "10.5555/cg-tei-numeric.2019.1" and article.date == "2019-05-14"
    assert article.author == "Ingrid Halvorsen Berg, Tomas Lindqvist, Amal R Haddad"
    assert article.blocks[0].kind == TITLE and article.title.startswith("Night-shift naps and next-day")
    headings = [article.text[b.start:b.end] for b in article.blocks if b.kind == HEADING]
    assert headings[:3] == ["Abstract", "Background", "Methods"]
    assert {"Acknowledgements", "Competing interests"} <= set(headings)  # back divs, not references
    printed = [(article.text[c.start:c.end], c.keys) for c in article.citations[:4]]
    assert printed == [("[1]", ["b0"]), ("[2]", ["b1"]), ("[3,", ["b2"]), ("4]", ["b3"])]
    cited = [article.text[c.start:c.end] for c in article.citations]
    assert cited == ["[1]", "[2]", "[3,", "4]", "[5]", "[6]", "[2]"]  # figure caption and footnote left out
    assert "a night shift with a 30-minute nap at 03:00 [6];" in article.text  # a list item
    assert "Study design" not in article.text and "One nurse changed ward" not in article.text
    first = article.references[0]
    assert (first.key, first.label, first.origin, first.entry_type) == ("b0", "1", "tei", "article")
    assert [(a.family, a.given) for a in first.authors] == [("Okafor", "P"), ("Brandt", "L M")]
    assert first.fields["title"] == "Sleep restriction and psychomotor vigilance in young adults"
    assert (first.fields["journal"], first.year, first.fields["volume"], first.fields["pages"],
            first.fields["doi"]) == ("Sleep Med Rep", "2014", "6", "9", "10.5555/cg-tei-ref.2014.6")
    second, _, book, proceedings, last = article.references[1:]
    assert (second.fields["number"], second.fields["pages"], second.fields["pmid"]) == ("4", "611–620",
                                                                                        "00000001")
    assert (book.entry_type, book.fields["publisher"], book.fields["address"]) == (
        "book", "Example Academic Publishers", "Oslo")
    assert book.authors[0].family == "Osei"  # the author of a monograph sits under <monogr>
    assert (proceedings.entry_type, proceedings.fields["editor"], proceedings.fields["arxiv"]) == (
        "incollection", "Ivanova, S", "arXiv:0000.00001")
    assert last.fields["url"] == "https://example.org/naps-timing"
    entries = [article.text[b.start:b.end] for b in article.blocks if b.kind == REFERENCES]
    assert len(entries) == len(article.references) and "\n1. Okafor P, Brandt LM." in article.text


def test_author_year_grobid_06_article_keeps_unlinked_markers() -> None:
    [article] = read_documents(TEI / "grobid-0.6.1-author-year.tei.xml")
    assert article.title == "Linking Claims to Their Sources in a Citation Graph" and article.date == ""
    printed = {article.text[c.start:c.end]: c.keys for c in article.citations}
    assert printed["(Fairbairn, 2011)"] == ["b3"] and printed["CiteBench-2019"] == []
    # GROBID's split parentheses: the link sits on the part after "(e.g., "
    assert printed["Wu et al., 2014)"] == ["b5"] and "(e.g., Wu et al., 2014)." in article.text
    assert printed["(Jensen and Koroma, 2015;"] == ["b2"] and printed["Quintero et al., 2016)"] == ["b4"]
    headings = [article.text[b.start:b.end] for b in article.blocks if b.kind == HEADING]
    assert "2.1 Node Types" in headings
    assert "\n### 2.1 Node Types\n" in article.text
    assert "\n## 2 Structure of the Claim Graph\n" in article.text
    abara = article.references[0]
    assert abara.fields["booktitle"] == "Workshop on Scholarly Text (SciText)" and abara.year == "2017"
    assert abara.fields["printed"].startswith("Chidi Abara, Nora J. Lindgren")  # GROBID's raw string
    wu = article.references[5]  # GROBID's shifted names are kept as GROBID gives them
    assert [(a.family, a.given) for a in wu.authors] == [("Wu", "K"), ("Novak", "Hana"), ("Obi", "Tariq"),
                                                         ("Mensah", "")]
    assert wu.fields["printed"].startswith("Kwame Wu, Hana Novak, Tariq Obi Mensah.")
    _, bibtex = render_text(article)
    back = parse_bibtex(bibtex)
    assert [r.key for r in back] == [r.key for r in article.references]
    assert [a.family for a in back[0].authors] == ["Abara", "Lindgren", "Menon", "Dahl"]
