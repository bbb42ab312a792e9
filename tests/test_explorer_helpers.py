"""Unit tests of the explorer's label, chart and table helpers (no Streamlit server, no browser)."""

from __future__ import annotations

from graph.model import Node
from graph.schema import Label

JORDAN = {"id": "work:jordan", "authors": "Jordan, B. Kathleen; Marmar, Charles R.; Fairbank, John A.",
          "year": "1992", "title": "Problems in families of male Vietnam veterans"}


def test_narrative_reference_names_works_as_the_in_text_form_does() -> None:
    from graph.handout import narrative_reference, short_reference

    assert narrative_reference(JORDAN) == "Jordan et al. (1992)"
    assert narrative_reference({"authors": "Herman, Judith Lewis", "year": 1992}) == "Herman (1992)"
    two = {"authors": "Jordan, B.; Marmar, C.", "year": "1992"}
    assert narrative_reference(two) == "Jordan & Marmar (1992)"
    untitled = {"id": "work:x", "title": "Sleep, memory and learning"}
    assert narrative_reference(untitled) == "Sleep, memory and learning (n.d.)"
    assert short_reference(untitled) == "Sleep, memory and learning, n.d."
    assert narrative_reference({"id": "work:x"}) == "work:x (n.d.)"


def test_graph_nodes_and_picture_label_a_work_as_a_citation() -> None:
    """The trace's path graph, the Graph page and the exported picture: 'Jordan et al. (1992)', not
    'Jordan 1992'."""
    from claimgraph.explorer.graph_widget import node_caption
    from graph.picture import short_label

    node = Node(Label.SOURCE, JORDAN["id"], JORDAN)
    assert node_caption(node) == "Jordan et al. (1992)"
    assert short_label(node) == "Jordan et al. (1992)"
    assert node_caption(Node(Label.SOURCE, "work:anon", {"title": "A report"})) == "A report (n.d.)"


def test_claims_axis_has_whole_number_ticks() -> None:
    """With one or two claims per document Vega-Lite would tick 0, 0.5, 1, 1.5: counts tick by whole
    numbers."""
    from claimgraph.explorer.overview import status_chart

    rows = [{"document_id": "doc:a", "title": "A", "status": "cited", "count": 1},
            {"document_id": "doc:b", "title": "B", "status": "unsupported", "count": 2}]
    axis = status_chart(rows, {"doc:a": "A", "doc:b": "B"}).to_dict()["encoding"]["x"]["axis"]
    assert axis["tickMinStep"] == 1
    assert axis["format"] == "d"


def test_link_table_escapes_text_and_links_into_the_app() -> None:
    from claimgraph.explorer.overview import UNRESOLVED_COLUMNS, link_table_html

    row = {"marker": "(Doe, 2019)", "reason": "<img src=x onerror=alert(1)>",
           "sentence": "A & B <b>bold</b>", "document_title": "Doc", "read": "?page=read&doc=doc:a"}
    table = link_table_html("cg-unresolved", UNRESOLVED_COLUMNS, [row])
    assert "<img src=x" not in table and "&lt;img src=x onerror=alert(1)&gt;" in table
    assert "A &amp; B &lt;b&gt;bold&lt;/b&gt;" in table
    assert '<a href="?page=read&amp;doc=doc:a" target="_self">' in table
    assert sum(share for _, _, share in UNRESOLVED_COLUMNS) == 100


def test_picture_preview_is_shown_at_its_own_size_or_fitted() -> None:
    from claimgraph.explorer.export_page import svg_preview_html, svg_size

    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1938" height="288" viewBox="0 0 1938 288"></svg>'
    assert svg_size(svg) == (1938, 288)
    assert "width:1938px" in svg_preview_html(svg) and "max-width:none" in svg_preview_html(svg)
    assert "width:100%" in svg_preview_html(svg, fit=True)
    assert "<svg" not in svg_preview_html(svg), "the SVG travels as a data URL inside an <img>"


def test_reader_prints_a_byline_the_text_repeats_once(tmp_path) -> None:
    """A JATS article's text opens with 'Authors · date · doi:…' under its title: the reader printed
    that once from the metadata above the legend and again as the first paragraph."""
    from conftest import ROOT

    from claimgraph.explorer.reader_html import reader_html
    from graph.store import open_store
    from ingest.pipeline import ingest_paths

    url = str(tmp_path / "jats.db")
    with open_store(url) as store:
        store.write(ingest_paths([ROOT / "tests" / "data" / "corpus" / "jats" / "elife00005.xml"], []).batch)
        page = reader_html(store.document_view("doc:elife-00005"))
    assert page.count("Eva Nogales · 2012-10-30") == 1
    assert '<div class="cg-meta">Claudio Ciferri, Gabriel C Lander' in page
    assert "2012-10-30 · doi:10.7554/eLife.00005</div>" in page, "the doi the text adds stays"
    assert page.index('class="cg-meta"') < page.index('class="cg-legend') < page.index(">Abstract<")
