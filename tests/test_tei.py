"""GROBID TEI reader (ingest/tei.py) on real GROBID outputs (tests/data/tei, see its README)."""

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


def test_there_are_real_grobid_files() -> None:
    assert len(FILES) >= 3
    for path in FILES:
        versions = [el.get("version") for el in parse_xml(path).iter() if local_name(el) == "application"]
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
    [article] = read_documents(TEI / "grobid-0.8.1-s12984-016-0129-6.tei.xml")
    assert article.doi == "10.1186/s12984-016-0129-6" and article.date == "2016-03-08"
    assert article.author.startswith("Cristiano De Marchis, Thiago Santos Monteiro")
    assert article.blocks[0].kind == TITLE and article.title.startswith("Multi-contact functional")
    headings = [article.text[b.start:b.end] for b in article.blocks if b.kind == HEADING]
    assert headings[:3] == ["Abstract", "Background", "Methods"]
    printed = [(article.text[c.start:c.end], c.keys) for c in article.citations[:4]]
    assert printed == [("[1]", ["b0"]), ("[2]", ["b1"]), ("[3,", ["b2"]), ("4]", ["b3"])]
    first = article.references[0]
    assert (first.key, first.label, first.origin, first.entry_type) == ("b0", "1", "tei", "article")
    assert [(a.family, a.given) for a in first.authors] == [("Quandt", "F"), ("Hummel", "F C")]
    assert first.fields["title"].startswith("The influence of functional electrical stimulation")
    assert (first.fields["journal"], first.year, first.fields["volume"], first.fields["pages"],
            first.fields["doi"]) == (
        "Exp Translational Stroke Med", "2014", "6", "9", "10.1186/2040-7378-6-9")
    entries = [article.text[b.start:b.end] for b in article.blocks if b.kind == REFERENCES]
    assert len(entries) == len(article.references) and "\n1. Quandt F, Hummel FC." in article.text


def test_author_year_grobid_06_article_keeps_unlinked_markers() -> None:
    [article] = read_documents(TEI / "grobid-0.6.1-N18-3011.tei.xml")
    assert article.title == "Construction of the Literature Graph in Semantic Scholar"
    printed = {article.text[c.start:c.end]: c.keys for c in article.citations}
    assert printed["(Etzioni, 2011)"] == ["b8"] and printed["CoNLL-2003"] == []
    headings = [article.text[b.start:b.end] for b in article.blocks if b.kind == HEADING]
    assert "2.1 Node Types" in headings
    assert "\n### 2.1 Node Types\n" in article.text
    assert "\n## 2 Structure of The Literature Graph\n" in article.text
    ammar = article.references[0]
    assert ammar.fields["booktitle"] == "ACL workshop (SemEval)" and ammar.year == "2017"
    assert ammar.fields["printed"].startswith("Waleed Ammar, Matthew E. Peters")  # GROBID's raw string
    _, bibtex = render_text(article)
    back = parse_bibtex(bibtex)
    assert [r.key for r in back] == [r.key for r in article.references]
    assert [a.family for a in back[0].authors] == ["Ammar", "Peters", "Bhagavatula", "Power"]
