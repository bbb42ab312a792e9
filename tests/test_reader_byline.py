"""Issue #10 class 10 in the explorer's reader: a byline ('By | 2017-11-12… October 11th, 2017|') is
metadata — the reader prints author and date above the text, and not the byline line again in it."""

from __future__ import annotations

from claimgraph.cli import DEMO_ARTICLE, DEMO_BIB, DEMO_DIR
from claimgraph.explorer.reader_html import body_html, reader_html
from graph.model import GraphBatch
from graph.schema import Label
from ingest.pipeline import ingest_paths


def _view(text: str, claims: list[tuple[int, int]], author: str = "", date: str = "") -> dict:
    return {"document": {"id": "doc:a", "text": text, "title": "", "author": author, "date": date},
            "claims": [{"id": f"claim:{i}", "start": s, "end": e, "text": text[s:e], "evidence_ids": []}
                       for i, (s, e) in enumerate(claims)],
            "evidence": {}}


def test_a_byline_line_is_not_printed_in_the_body():
    text = "*By Maria Lindqvist, 14 March 2024*\n\nCold water raises the heart rate within seconds."
    start = text.index("Cold")
    html = body_html(_view(text, [(start, len(text))], "Maria Lindqvist", "2024-03-14"))
    assert "Cold water raises the heart rate" in html
    assert "14 March 2024" not in html


def test_a_sentence_opening_with_by_stays_in_the_body():
    text = "By Monday, most of the class had read the chapter.\n\nThe rest read it on Tuesday."
    html = body_html(_view(text, [(0, text.index("\n")), (text.index("The rest"), len(text))]))
    assert "By Monday, most of the class" in html


def _demo_article() -> tuple[str, GraphBatch]:
    batch = ingest_paths([DEMO_DIR / DEMO_ARTICLE], [DEMO_DIR / DEMO_BIB]).batch
    article = next(n for n in batch.nodes_by_label(Label.DOCUMENT) if n.props.get("kind") == "article")
    return article.props["text"], batch


def test_the_demo_articles_wordpress_byline_is_metadata_in_the_reader():
    text, _ = _demo_article()
    byline = "By | 2017-11-12T20:21:47+00:00 October 11th, 2017|"
    assert byline in text
    html = reader_html(_view(text, [], "Dr. Aimie Apigian", "2017-10-11"))
    assert "2017-11-12T20:21:47" not in html
    assert "Dr. Aimie Apigian · 2017-10-11" in html


def test_an_emphasised_byline_of_separated_parts_is_author_and_date(tmp_path):
    from ingest.claims import document_units, extract_claims
    from ingest.model import BYLINE
    from ingest.readers import read_documents

    path = tmp_path / "essay.md"
    path.write_text("# Hand washing\n\n*An essay for Patient Safety Week · Dr Amara Lindqvist-Oduya · "
                    "12 May 2025*\n\nClean hands save lives.\n", encoding="utf-8")
    doc = read_documents(path)[0]
    assert (doc.author, doc.date) == ("Dr Amara Lindqvist-Oduya", "2025-05-12")
    assert [b.kind for b in doc.blocks if "Patient Safety Week" in doc.text[b.start:b.end]] == [BYLINE]
    units = document_units(doc)
    assert [doc.text[c.start:c.end] for c in extract_claims(doc, units)] == ["Clean hands save lives."]


def test_a_separated_line_naming_no_person_is_no_byline():
    from ingest.blocks import is_byline

    assert not is_byline("*Cold water · 3 May 2024*")
    assert not is_byline("*Trials in the UK · Iceland · 2024*")
    assert is_byline("*Club notes, Leeds Library · review by Ruth Adeyemi-Clarke · 3 October 2024*")
