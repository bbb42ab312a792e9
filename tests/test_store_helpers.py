"""The backend-neutral pieces of graph/store.py that both stores call."""

from __future__ import annotations

from graph.store import breadth_first, trace_context

ARTICLE = "Intro paragraph.\n\nIn a study (Smith, 2001) they found:\n\n  • More likely to divorce\n\nLast."


def test_context_widens_to_the_whole_paragraph_of_earlier_evidence() -> None:
    item = ARTICLE.index("More likely")
    claim = {"document_id": "doc:a", "start": item, "end": item + len("More likely to divorce"),
             "paragraph_start": item, "paragraph_end": item + len("More likely to divorce")}
    cite = ARTICLE.index("(Smith")
    evidence = [{"document_id": "doc:a", "start": cite, "end": cite + 13}]
    context = trace_context(ARTICLE, claim, evidence)
    assert context["text"] == "In a study (Smith, 2001) they found:\n\n  • More likely to divorce"
    assert ARTICLE[context["start"]:context["end"]] == context["text"]


def test_context_ignores_evidence_in_other_documents() -> None:
    claim = {"document_id": "doc:a", "start": 0, "end": 16, "paragraph_start": 0, "paragraph_end": 16}
    evidence = [{"document_id": "doc:b", "start": 40, "end": 50}]
    assert trace_context(ARTICLE, claim, evidence)["text"] == "Intro paragraph."


GRAPH = {
    "source": {"doc:x", "evidence:1"},
    "doc:x": {"source", "claim:1", "claim:2"},
    "evidence:1": {"source", "claim:1"},
    "claim:1": {"doc:x", "evidence:1"},
    "claim:2": {"doc:x"},
}


def neighbours(frontier: list[str], seen: set[str], limit: int) -> set[str]:
    found = sorted({n for f in frontier for n in GRAPH[f]} - seen)
    return set(found[:limit])


def test_breadth_first_does_not_walk_through_documents() -> None:
    order, cut = breadth_first("source", 3, 100, neighbours)
    assert (order, cut) == (["source", "doc:x", "evidence:1", "claim:1"], False)


def test_breadth_first_walks_from_a_document_it_starts_at() -> None:
    order, cut = breadth_first("doc:x", 1, 100, neighbours)
    assert (order, cut) == (["doc:x", "claim:1", "claim:2", "source"], False)


def test_breadth_first_cap_is_exact_and_flags_the_cut() -> None:
    assert breadth_first("doc:x", 2, 3, neighbours) == (["doc:x", "claim:1", "claim:2"], True)
