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
