"""The store contract: every backend must give exactly these answers on the sample graph.

Only the Store API and the `store` fixture are used, so the suite is backend neutral.
Expected values are worked out by hand from tests/fixtures_graph.py.

Conventions these tests pin down where graph/store.py leaves room:
- write() counts distinct node ids and distinct (type, start, end) keys of the batch; `deleted`
  counts the nodes (documents, claims, evidence) removed by `replaces`.
- Properties a node was written without are absent when read back (never None).
- claims(): order_by="position" is document order (document_id, position), both reversed by
  descending=True; any other key sorts by that column in the asked direction, ties by
  document_id, position ascending. Strings compare by code point. Unknown key: StoreError.
- sections() leaves out '' and orders headings by their first claim (document_id, position).
- stats()["claims_by_document"] lists only non-empty (document, status) groups, by document_id, status.
- trace()["challenges"] is ordered by challenger id; a document challenger's text is its whole text.
- neighbourhood(): nodes in BFS order (distance, then id); depth 0 is the node alone; a Document
  other than the start node is reached but not expanded (documents are hubs).
- filter_subgraph(): claims are taken whole (document, claim, evidence, sources, authors) in claims()
  order; the first claim whose new nodes would pass max_nodes stops it and sets truncated.
- Subgraph relationships: compared as sets here; SQLite returns them sorted by (type, start, end).
"""

from __future__ import annotations

import os

import pytest
from fixtures_graph import (
    AINSWORTH,
    ALPHA,
    ALPHA_TEXT,
    AUTHORS,
    BETA,
    CLAIMS,
    COMMENT,
    COMMENT_TEXT,
    EVIDENCE,
    GAMMA_CLAIM_IDS,
    HERMAN,
    JORDAN,
    NODE_COUNTS,
    REL_COUNTS,
    alpha_batch,
    beta_batch,
    gamma_batch,
    sample_batch,
)

from graph.model import CLAIM_ROW_KEYS, CLAIM_SORT_KEYS, ClaimFilter, GraphBatch, Node
from graph.schema import Label, RelType
from graph.store import Scope, Store, StoreError

A1, A2, A3, A4, A5, C1, B1, B2 = (CLAIMS[n] for n in ("a1", "a2", "a3", "a4", "a5", "c1", "b1", "b2"))
READING_ORDER = [A1, A2, A3, A4, A5, C1, B1, B2]


@pytest.fixture
def loaded(store: Store) -> Store:
    """The store holding the sample graph."""
    store.write(sample_batch())
    return store


def batch_node(batch: GraphBatch, node_id: str) -> Node:
    return next(n for n in batch.nodes if n.id == node_id)


def claim_ids(store: Store, flt: ClaimFilter | None = None, **kwargs) -> list[str]:
    return [row["id"] for row in store.claims(flt, limit=100, **kwargs).rows]


def all_nodes(store: Store) -> dict[str, dict]:
    return {n.id: n.props for label in Label for chunk in store.iter_nodes(label) for n in chunk}


def all_rels(store: Store) -> set[tuple[str, str, str]]:
    return {r.key for t in RelType for chunk in store.iter_relationships(t) for r in chunk}


def rel_keys(*triples: tuple[RelType, str, str]) -> set[tuple[str, str, str]]:
    return {(str(t), s, e) for t, s, e in triples}


# -- writing -----------------------------------------------------------------------------
def test_write_counts_and_node_round_trip(store: Store) -> None:
    batch = sample_batch()
    assert store.write(batch) == {"nodes": 22, "relationships": 25, "deleted": 0}
    for node_id in (A4, EVIDENCE["a5"], ALPHA, COMMENT, HERMAN, AINSWORTH, AUTHORS["marmar"]):
        assert store.node(node_id) == batch_node(batch, node_id)
    claim = store.node(A4)
    assert claim.label == Label.CLAIM and claim.props["contested"] is True
    assert store.node(C1).props["text"] == "The ÉCOLE study found no difference in divorce rates."
    assert store.node("claim:000000000000") is None


def test_same_batch_twice_changes_nothing(store: Store) -> None:
    store.write(sample_batch())
    nodes, rels, stats = all_nodes(store), all_rels(store), store.stats()
    assert store.write(sample_batch()) == {"nodes": 22, "relationships": 25, "deleted": 16}
    assert all_nodes(store) == nodes
    assert all_rels(store) == rels
    assert store.stats() == stats


def test_replaces_deletes_only_that_article(loaded: Store) -> None:
    assert loaded.write(GraphBatch(replaces=[ALPHA])) == {"nodes": 0, "relationships": 0, "deleted": 12}
    stats = loaded.stats()
    assert stats["nodes"] == {"Document": 1, "Claim": 2, "Evidence": 1, "Source": 3, "Author": 3}
    assert stats["relationships"] == {"MAKES": 2, "SUPPORTED_BY": 1, "CITES": 2, "WRITTEN_BY": 3,
                                      "REPLIES_TO": 0, "CHALLENGES": 0, "IN_CORPUS": 0}
    assert loaded.node(ALPHA) is None and loaded.node(COMMENT) is None and loaded.node(A4) is None
    assert loaded.node(EVIDENCE["a1"]) is None
    assert loaded.node(BETA) is not None and loaded.node(B1) is not None
    assert [s["id"] for s in loaded.sources()] == [HERMAN, AINSWORTH, JORDAN]
    assert loaded.write(alpha_batch())["deleted"] == 0
    assert loaded.stats()["nodes"] == NODE_COUNTS


def test_replacing_drops_claims_the_new_version_lacks(loaded: Store) -> None:
    batch = beta_batch()
    batch.nodes = [n for n in batch.nodes if n.id != B2]
    batch.relationships = [r for r in batch.relationships if B2 not in (r.start, r.end)]
    assert loaded.write(batch)["deleted"] == 4
    assert loaded.node(B2) is None
    assert claim_ids(loaded, ClaimFilter(document_id=BETA)) == [B1]
    assert loaded.stats()["nodes"]["Claim"] == 7


def test_dangling_relationship_is_refused_and_nothing_changes(loaded: Store) -> None:
    nodes, rels = all_nodes(loaded), all_rels(loaded)
    bad = beta_batch()
    bad.add_rel(RelType.CHALLENGES, B2, "claim:ffffffffffff", reason="no such claim")
    with pytest.raises(StoreError):
        loaded.write(bad)
    assert all_nodes(loaded) == nodes
    assert all_rels(loaded) == rels


@pytest.mark.parametrize("where", ["node", "relationship"])
def test_property_outside_the_schema_is_refused_and_nothing_changes(loaded: Store, where: str) -> None:
    nodes, rels = all_nodes(loaded), all_rels(loaded)
    bad = beta_batch()
    if where == "node":
        bad.nodes[-1].props["colour"] = "red"
    else:
        bad.relationships[-1].props["colour"] = "red"
    with pytest.raises(StoreError, match="colour"):
        loaded.write(bad)
    assert all_nodes(loaded) == nodes
    assert all_rels(loaded) == rels


def test_dangling_relationship_on_empty_store(store: Store) -> None:
    batch = GraphBatch()
    batch.add_rel(RelType.CITES, "doc:nowhere", HERMAN)
    with pytest.raises(StoreError):
        store.write(batch)
    assert store.stats()["relationships"]["CITES"] == 0


def test_relationship_to_nodes_already_stored(loaded: Store) -> None:
    batch = GraphBatch()
    batch.add_rel(RelType.CHALLENGES, B2, A3, reason="must")
    assert loaded.write(batch) == {"nodes": 0, "relationships": 1, "deleted": 0}
    assert loaded.stats()["relationships"]["CHALLENGES"] == 3
    assert [c["id"] for c in loaded.trace(A3)["challenges"]] == [B2]


# -- claims ------------------------------------------------------------------------------
def test_claims_default_order_and_row_shape(loaded: Store) -> None:
    page = loaded.claims()
    assert [r["id"] for r in page.rows] == READING_ORDER
    assert (page.total, page.offset, page.limit) == (8, 0, 50)
    for row in page.rows:
        assert set(row) == set(CLAIM_ROW_KEYS)
    a4 = next(r for r in page.rows if r["id"] == A4)
    start = ALPHA_TEXT.index("Veterans with PTSD")
    assert a4 == {
        "id": A4, "text": "Veterans with PTSD divorce more often (Jordan et al., 1992).",
        "document_id": ALPHA, "document_title": "Trauma and Bonds", "section": "Veterans",
        "start": start, "end": start + 60, "kind": "empirical", "status": "cited", "contested": True,
        "position": 3, "evidence_count": 1, "source_ids": [JORDAN],
        "support_design": "", "n_supporting": 0, "n_contrasting": 0,
    }
    by_id = {r["id"]: r for r in page.rows}
    assert (by_id[A5]["evidence_count"], by_id[A5]["source_ids"]) == (1, [])
    assert (by_id[A3]["evidence_count"], by_id[A3]["source_ids"]) == (0, [])
    assert by_id[C1]["document_title"] == "Comment by Dana"
    assert by_id[B1]["source_ids"] == [HERMAN]


@pytest.mark.parametrize("flt, expected", [
    (ClaimFilter(status="cited"), [A1, A4, A5, B1]),
    (ClaimFilter(status="anecdotal"), [A2]),
    (ClaimFilter(status="unsupported"), [A3, C1, B2]),
    (ClaimFilter(document_id=COMMENT), [C1]),
    (ClaimFilter(document_id="doc:nothing"), []),
    (ClaimFilter(section="Healing"), [A2, A3, B2]),
    (ClaimFilter(section="Veterans"), [A4, A5]),
    (ClaimFilter(section=""), READING_ORDER),
    (ClaimFilter(source_id=HERMAN), [A1, B1]),
    (ClaimFilter(source_id=JORDAN), [A4]),
    (ClaimFilter(source_id=AINSWORTH), []),
    (ClaimFilter(kind="prescriptive"), [A3, B2]),
    (ClaimFilter(text="TRAUMA’S"), [A1]),
    (ClaimFilter(text="école"), [C1]),
    (ClaimFilter(text="veterans"), [A4, A5]),
    (ClaimFilter(text="divorce"), [A4, C1]),
    (ClaimFilter(text="%"), []),
    (ClaimFilter(status="cited", section="Veterans"), [A4, A5]),
    (ClaimFilter(status="cited", source_id=HERMAN, document_id=BETA), [B1]),
])
def test_claims_filters(loaded: Store, flt: ClaimFilter, expected: list[str]) -> None:
    page = loaded.claims(flt)
    assert [r["id"] for r in page.rows] == expected
    assert page.total == len(expected)


G1, G2, G3, G4, G5 = (GAMMA_CLAIM_IDS[n] for n in ("g1", "g2", "g3", "g4", "g5"))


@pytest.mark.parametrize("flt, expected", [
    (ClaimFilter(design="rct"), [G1]),
    (ClaimFilter(design="rct, systematic-review"), [G1]),
    (ClaimFilter(design="case-report"), [G2, G5]),
    (ClaimFilter(design="cohort"), []),
    (ClaimFilter(only_design="case-report,commentary"), [G2, G5]),
    (ClaimFilter(only_design="rct"), []),
    (ClaimFilter(only_design="rct,case-report"), [G1, G2]),
    (ClaimFilter(stance="contrasting"), [G3]),
    (ClaimFilter(stance="mentioning"), [G4]),
    (ClaimFilter(stance="supporting"), [G1, G2, G5]),
    (ClaimFilter(stance="contrasting,mentioning"), [G3, G4]),
    (ClaimFilter(status="disputed-by-citation"), [G3]),
    (ClaimFilter(status="cited", stance="supporting", design="case-report"), [G2, G5]),
    (ClaimFilter(source_id="work:trial", stance="contrasting"), [G3]),
    (ClaimFilter(text="blood", only_design="rct,case-report"), [G1]),
])
def test_claims_support_filters(loaded: Store, flt: ClaimFilter, expected: list[str]) -> None:
    """Design, only-design and stance filters (schema v3) give the same claims on every backend; the
    sample's own claims have no stance or design and match none of them."""
    loaded.write(gamma_batch())
    page = loaded.claims(flt)
    assert [r["id"] for r in page.rows] == expected
    assert page.total == len(expected)
    if flt.stance or flt.design:
        assert set(claim_ids(loaded, flt)) <= set(GAMMA_CLAIM_IDS.values())


def undesigned_gamma_batch() -> GraphBatch:
    """Gamma with the editorial's design not stated ('') and g4 citing it as support: g4 then rests only
    on a work of unknown design (its strongest design ''), g5 on a case report and that work."""
    from fixtures_graph import OPINION

    batch = gamma_batch()
    batch_node(batch, OPINION).props.update(design="", design_reason="")
    for rel in batch.relationships:
        if rel.type == RelType.CITES and rel.end == OPINION and rel.start.startswith("evidence:"):
            rel.props["stance"] = "supporting"
    batch_node(batch, G4).props.update(status="cited", support_design="", n_supporting=1)
    return batch


@pytest.mark.parametrize("only_design, expected", [
    ("unknown", [G4]),
    ("case-report,unknown", [G2, G4, G5]),
    ("case-report", [G2]),
    ("case-report,commentary", [G2]),
])
def test_only_design_counts_unknown_designs(loaded: Store, only_design: str, expected: list[str]) -> None:
    """'Resting only on' treats a work whose design is not stated as `unknown`, on every backend."""
    loaded.write(undesigned_gamma_batch())
    assert claim_ids(loaded, ClaimFilter(only_design=only_design)) == expected
    assert loaded.claims(ClaimFilter(only_design=only_design), limit=0).total == len(expected)


def test_support_profile_in_rows_trace_and_counts(loaded: Store) -> None:
    loaded.write(gamma_batch())
    rows = {r["id"]: r for r in loaded.claims(ClaimFilter(document_id="doc:gamma")).rows}
    assert {k: rows[G1][k] for k in ("support_design", "n_supporting", "n_contrasting", "status")} == {
        "support_design": "rct", "n_supporting": 2, "n_contrasting": 0, "status": "cited"}
    assert {k: rows[G3][k] for k in ("support_design", "n_supporting", "n_contrasting", "status")} == {
        "support_design": "", "n_supporting": 0, "n_contrasting": 1, "status": "disputed-by-citation"}
    trace = loaded.trace(G3)
    [source] = trace["evidence"][0]["sources"]
    assert (source["design"], source["stance"], source["stance_cue"]) == ("rct", "contrasting", "contrary to")
    assert loaded.stats()["claims_by_status"]["disputed-by-citation"] == 1
    gamma = next(d for d in loaded.documents() if d["id"] == "doc:gamma")
    assert (gamma["cited"], gamma["disputed-by-citation"]) == (4, 1)


def test_claims_paging(loaded: Store) -> None:
    first = loaded.claims(limit=3)
    assert ([r["id"] for r in first.rows], first.total) == (READING_ORDER[:3], 8)
    last = loaded.claims(offset=6, limit=3)
    assert ([r["id"] for r in last.rows], last.total, last.offset, last.limit) == (READING_ORDER[6:], 8, 6, 3)
    beyond = loaded.claims(offset=9, limit=3)
    assert (beyond.rows, beyond.total) == ([], 8)
    cited = loaded.claims(ClaimFilter(status="cited"), offset=1, limit=2)
    assert ([r["id"] for r in cited.rows], cited.total) == ([A4, A5], 4)


SORTED = {
    "position": [A1, A2, A3, A4, A5, C1, B1, B2],
    "status": [A2, A1, A4, A5, B1, A3, C1, B2],
    "document_id": [A1, A2, A3, A4, A5, C1, B1, B2],
    "section": [A1, C1, B1, A2, A3, B2, A4, A5],
    "kind": [A1, A4, A5, C1, B1, A2, A3, B2],
    "text": [B1, A1, A3, B2, A2, C1, A5, A4],
}
SORTED_DESC = {
    "position": [B2, B1, C1, A5, A4, A3, A2, A1],
    "status": [A3, C1, B2, A1, A4, A5, B1, A2],
    "document_id": [B1, B2, C1, A1, A2, A3, A4, A5],
    "section": [A4, A5, A2, A3, B2, A1, C1, B1],
    "kind": [A3, B2, A2, A4, A5, C1, B1, A1],
    "text": [A4, A5, C1, A2, B2, A3, A1, B1],
}


@pytest.mark.parametrize("key", CLAIM_SORT_KEYS)
def test_claims_order_by_every_key(loaded: Store, key: str) -> None:
    assert claim_ids(loaded, order_by=key) == SORTED[key]
    assert claim_ids(loaded, order_by=key, descending=True) == SORTED_DESC[key]


def test_claims_unknown_sort_key(loaded: Store) -> None:
    with pytest.raises(StoreError):
        loaded.claims(order_by="id; DROP TABLE claim")


# -- trace -------------------------------------------------------------------------------
def test_trace_of_challenged_cited_claim(loaded: Store) -> None:
    batch = sample_batch()
    trace = loaded.trace(A4)
    assert set(trace) == {"claim", "document", "context", "evidence", "challenges"}
    assert trace["claim"] == {**batch_node(batch, A4).props, "document_title": "Trauma and Bonds"}
    expected_doc = dict(batch_node(batch, ALPHA).props)
    del expected_doc["text"]
    assert trace["document"] == expected_doc
    claim = trace["claim"]
    start, end = claim["paragraph_start"], claim["paragraph_end"]
    assert trace["context"] == {"start": start, "end": end, "text": ALPHA_TEXT[start:end]}
    assert trace["context"]["text"].endswith("(Smith, 2001).")
    assert trace["evidence"] == [{**batch_node(batch, EVIDENCE["a4"]).props,
                                  "sources": [{**batch_node(batch, JORDAN).props, "cited_key": "",
                                               "cited_number": "", "stance": "", "stance_cue": "",
                                               "in_corpus": ""}]}]
    assert trace["challenges"] == [
        {"id": C1, "label": "Claim", "text": "The ÉCOLE study found no difference in divorce rates.",
         "reason": "found no difference"},
        {"id": COMMENT, "label": "Document", "text": COMMENT_TEXT, "reason": "I doubt that"},
    ]


def test_trace_context_widens_to_evidence(loaded: Store) -> None:
    trace = loaded.trace(A2)
    start = ALPHA_TEXT.index("Recovery happens")
    end = ALPHA_TEXT.index("isolation.") + len("isolation.")
    assert trace["context"] == {"start": start, "end": end, "text": ALPHA_TEXT[start:end]}
    assert trace["context"]["text"] == ("Recovery happens through connection.\n\n"
                                        "I have seen clients reconnect after years of isolation.")
    assert [e["id"] for e in trace["evidence"]] == [EVIDENCE["a2"]]
    assert trace["evidence"][0]["sources"] == []
    assert trace["challenges"] == []


def test_trace_unknown_claim(loaded: Store) -> None:
    assert loaded.trace("claim:000000000000") is None


# -- overviews ---------------------------------------------------------------------------
def test_sources_counts_and_order(loaded: Store) -> None:
    rows = loaded.sources()
    assert [(s["id"], s["claim_count"], s["evidence_count"]) for s in rows] == [
        (HERMAN, 2, 2), (JORDAN, 1, 1), (AINSWORTH, 0, 0)]
    assert rows[1]["title"].startswith("Problems in families of male Vietnam veterans")
    assert rows[1]["pages"] == "916–926"


def test_documents_counts_per_status(loaded: Store) -> None:
    rows = loaded.documents()
    assert [(d["id"], d["claim_count"], d["cited"], d["anecdotal"], d["unsupported"]) for d in rows] == [
        (ALPHA, 5, 3, 1, 1), (COMMENT, 1, 0, 0, 1), (BETA, 2, 1, 0, 1)]
    assert all("text" not in d for d in rows)
    assert rows[1]["kind"] == "comment" and rows[1]["parent_id"] == ALPHA and rows[1]["root_id"] == ALPHA


def test_sections(loaded: Store) -> None:
    assert loaded.sections() == ["Healing", "Veterans"]
    assert loaded.sections(ALPHA) == ["Healing", "Veterans"]
    assert loaded.sections(BETA) == ["Healing"]
    assert loaded.sections(COMMENT) == []
    assert loaded.sections("doc:nothing") == []


def test_unresolved_citations(loaded: Store) -> None:
    rows = loaded.unresolved_citations()
    assert [(r["id"], r["marker"], r["kind"], r["document_title"]) for r in rows] == [
        (EVIDENCE["a5"], "(Smith, 2001)", "citation", "Trauma and Bonds")]
    assert rows[0]["resolved"] is False


def test_unresolved_citations_limit_keeps_document_order(loaded: Store) -> None:
    """`limit` gives the first unresolved citations in document order; stats() still counts them all."""
    batch = GraphBatch(replaces=["doc:zeta"])
    text = "Zeta (Ng, 2001). Zeta (Ng, 2002). Zeta (Ng, 2003)."
    batch.add_node(Label.DOCUMENT, "doc:zeta", kind="article", title="Zeta", author="", date="", url="",
                   sha256="0" * 64, text=text, path="zeta.txt", offset=0, root_id="doc:zeta", parent_id="",
                   position=0)
    for number, year in enumerate(("2003", "2001", "2002")):  # written out of order
        marker = f"(Ng, {year})"
        batch.add_node(Label.EVIDENCE, f"evidence:zeta{number}", text=marker, document_id="doc:zeta",
                       start=text.index(marker), end=text.index(marker) + len(marker), kind="citation",
                       marker=marker, resolved=False, reason="no reference by Ng")
    loaded.write(batch)
    everything = loaded.unresolved_citations()
    assert [r["marker"] for r in everything] == ["(Smith, 2001)", "(Ng, 2001)", "(Ng, 2002)", "(Ng, 2003)"]
    assert loaded.unresolved_citations(limit=2) == everything[:2]
    assert loaded.unresolved_citations(limit=0) == []
    assert loaded.unresolved_citations(limit=10) == everything
    assert loaded.stats()["unresolved_citations"] == 4


def test_stats_exact(loaded: Store) -> None:
    assert loaded.stats() == {
        "nodes": NODE_COUNTS,
        "relationships": REL_COUNTS,
        "claims_by_status": {"cited": 4, "cited-unresolved": 0, "disputed-by-citation": 0, "anecdotal": 1,
                             "unsupported": 3},
        "claims_by_document": [
            {"document_id": ALPHA, "title": "Trauma and Bonds", "status": "anecdotal", "count": 1},
            {"document_id": ALPHA, "title": "Trauma and Bonds", "status": "cited", "count": 3},
            {"document_id": ALPHA, "title": "Trauma and Bonds", "status": "unsupported", "count": 1},
            {"document_id": COMMENT, "title": "Comment by Dana", "status": "unsupported", "count": 1},
            {"document_id": BETA, "title": "Attachment at Work", "status": "cited", "count": 1},
            {"document_id": BETA, "title": "Attachment at Work", "status": "unsupported", "count": 1},
        ],
        "unresolved_citations": 1,
    }


def test_stats_of_empty_store_lists_every_key(store: Store) -> None:
    stats = store.stats()
    assert stats["nodes"] == {str(label): 0 for label in Label}
    assert stats["relationships"] == {str(t): 0 for t in RelType}
    assert stats["claims_by_status"] == {"cited": 0, "cited-unresolved": 0, "disputed-by-citation": 0,
                                         "anecdotal": 0, "unsupported": 0}
    assert (stats["claims_by_document"], stats["unresolved_citations"]) == ([], 0)


# -- subgraphs ---------------------------------------------------------------------------
def test_neighbourhood_depth_one(loaded: Store) -> None:
    sub = loaded.neighbourhood(A4, depth=1)
    assert [n.id for n in sub.nodes] == [A4] + sorted([ALPHA, COMMENT, C1, EVIDENCE["a4"]])
    assert {r.key for r in sub.relationships} == rel_keys(
        (RelType.MAKES, ALPHA, A4), (RelType.SUPPORTED_BY, A4, EVIDENCE["a4"]),
        (RelType.CHALLENGES, COMMENT, A4), (RelType.CHALLENGES, C1, A4),
        (RelType.MAKES, COMMENT, C1), (RelType.REPLIES_TO, COMMENT, ALPHA))
    assert len(sub.relationships) == 6
    assert sub.truncated is False
    assert next(n for n in sub.nodes if n.id == A4) == loaded.node(A4)


HERMAN_RING = sorted([AUTHORS["herman"], ALPHA, BETA, EVIDENCE["a1"], EVIDENCE["b1"]])
# Through the evidence only: ALPHA and BETA are reached but, as hubs, not walked through.
HERMAN_RING_2 = sorted([A1, B1])


def test_neighbourhood_depth_two(loaded: Store) -> None:
    sub = loaded.neighbourhood(HERMAN, depth=2)
    assert [n.id for n in sub.nodes] == [HERMAN] + HERMAN_RING + HERMAN_RING_2
    assert sub.truncated is False
    ids = sub.node_ids()
    expected = {k for k in all_rels(loaded) if k[1] in ids and k[2] in ids}
    assert {r.key for r in sub.relationships} == expected
    assert expected == rel_keys(
        (RelType.WRITTEN_BY, HERMAN, AUTHORS["herman"]), (RelType.CITES, ALPHA, HERMAN),
        (RelType.CITES, BETA, HERMAN), (RelType.CITES, EVIDENCE["a1"], HERMAN),
        (RelType.CITES, EVIDENCE["b1"], HERMAN), (RelType.SUPPORTED_BY, A1, EVIDENCE["a1"]),
        (RelType.SUPPORTED_BY, B1, EVIDENCE["b1"]), (RelType.MAKES, ALPHA, A1), (RelType.MAKES, BETA, B1))


def test_neighbourhood_walks_through_the_start_document(loaded: Store) -> None:
    sub = loaded.neighbourhood(ALPHA, depth=1)
    assert {A1, A2, A3, A4, A5, HERMAN, COMMENT} <= sub.node_ids()


def test_neighbourhood_cap(loaded: Store) -> None:
    cut = loaded.neighbourhood(HERMAN, depth=2, max_nodes=4)
    assert [n.id for n in cut.nodes] == [HERMAN] + HERMAN_RING[:3]
    assert cut.truncated is True
    assert {r.key for r in cut.relationships} == rel_keys(
        (RelType.WRITTEN_BY, HERMAN, AUTHORS["herman"]), (RelType.CITES, ALPHA, HERMAN),
        (RelType.CITES, BETA, HERMAN))
    ring = loaded.neighbourhood(HERMAN, depth=2, max_nodes=6)
    assert ([n.id for n in ring.nodes], ring.truncated) == ([HERMAN] + HERMAN_RING, True)
    exact = loaded.neighbourhood(HERMAN, depth=1, max_nodes=6)
    assert ([n.id for n in exact.nodes], exact.truncated) == ([HERMAN] + HERMAN_RING, False)


def test_neighbourhood_edges(loaded: Store) -> None:
    unknown = loaded.neighbourhood("doc:nothing", depth=2)
    assert (unknown.nodes, unknown.relationships, unknown.truncated) == ([], [], False)
    alone = loaded.neighbourhood(AINSWORTH, depth=3)
    assert ([n.id for n in alone.nodes], alone.relationships, alone.truncated) == ([AINSWORTH], [], False)
    itself = loaded.neighbourhood(A4, depth=0)
    assert ([n.id for n in itself.nodes], itself.relationships) == ([A4], [])


def test_filter_subgraph(loaded: Store) -> None:
    anecdotal = loaded.filter_subgraph(ClaimFilter(status="anecdotal"))
    assert anecdotal.node_ids() == {ALPHA, A2, EVIDENCE["a2"]}
    assert {r.key for r in anecdotal.relationships} == rel_keys(
        (RelType.MAKES, ALPHA, A2), (RelType.SUPPORTED_BY, A2, EVIDENCE["a2"]))
    jordan = loaded.filter_subgraph(ClaimFilter(source_id=JORDAN))
    assert jordan.node_ids() == {ALPHA, A4, EVIDENCE["a4"], JORDAN, AUTHORS["jordan"], AUTHORS["marmar"]}
    assert {r.key for r in jordan.relationships} == rel_keys(
        (RelType.MAKES, ALPHA, A4), (RelType.SUPPORTED_BY, A4, EVIDENCE["a4"]),
        (RelType.CITES, EVIDENCE["a4"], JORDAN), (RelType.CITES, ALPHA, JORDAN),
        (RelType.WRITTEN_BY, JORDAN, AUTHORS["jordan"]), (RelType.WRITTEN_BY, JORDAN, AUTHORS["marmar"]))
    assert jordan.truncated is False
    assert loaded.filter_subgraph(ClaimFilter(document_id=COMMENT)).node_ids() == {COMMENT, C1}


def test_filter_subgraph_keeps_named_document_without_claims(loaded: Store) -> None:
    sub = loaded.filter_subgraph(ClaimFilter(document_id=BETA, status="anecdotal"))
    assert (sub.node_ids(), sub.relationships, sub.truncated) == ({BETA}, [], False)


def test_filter_subgraph_cap_keeps_whole_claims(loaded: Store) -> None:
    sub = loaded.filter_subgraph(ClaimFilter(), max_nodes=5)
    assert sub.node_ids() == {ALPHA, A1, EVIDENCE["a1"], HERMAN, AUTHORS["herman"]}
    assert sub.truncated is True
    whole = loaded.filter_subgraph(ClaimFilter())
    assert len(whole.nodes) == 21 and AINSWORTH not in whole.node_ids()
    assert len(whole.relationships) == 25 and whole.truncated is False


def test_subgraph_scopes(loaded: Store) -> None:
    node_scope = loaded.subgraph(Scope(kind="node", node_id=A4, depth=1))
    assert [n.id for n in node_scope.nodes] == [n.id for n in loaded.neighbourhood(A4, 1).nodes]
    by_source = loaded.subgraph(Scope(kind="filter", filter=ClaimFilter(source_id=JORDAN)))
    assert by_source.node_ids() == loaded.filter_subgraph(ClaimFilter(source_id=JORDAN)).node_ids()
    assert len(loaded.subgraph(Scope()).nodes) == 21
    assert len(loaded.subgraph(Scope(), max_nodes=5).nodes) == 5
    with pytest.raises(StoreError):
        loaded.subgraph(Scope(kind="node"))
    with pytest.raises(StoreError):
        loaded.subgraph(Scope(kind="everything"))


def test_whole_graph_without_a_cap_is_every_node_and_relationship(loaded: Store) -> None:
    whole = loaded.subgraph(Scope(), max_nodes=None)
    assert not whole.truncated and whole.node_ids() == set(all_nodes(loaded))
    assert {r.key for r in whole.relationships} == all_rels(loaded)
    assert AINSWORTH in whole.node_ids()  # a source nobody cites is part of the graph too
    assert len(whole.nodes) == sum(NODE_COUNTS.values())
    assert len(whole.relationships) == sum(REL_COUNTS.values())
    uncapped = loaded.subgraph(Scope(kind="node", node_id=ALPHA, depth=3), max_nodes=None)
    assert not uncapped.truncated and len(uncapped.nodes) > len(loaded.neighbourhood(ALPHA, 3, 5).nodes)


def test_ids_with_prefix(loaded: Store) -> None:
    claims = sorted(CLAIMS.values())
    assert loaded.ids_with_prefix("claim:", Label.CLAIM, limit=100) == claims
    assert loaded.ids_with_prefix("claim:", Label.CLAIM, limit=3) == claims[:3]
    assert loaded.ids_with_prefix(A4[:12], Label.CLAIM) == [c for c in claims if c.startswith(A4[:12])]
    assert loaded.ids_with_prefix(A4) == [A4]
    assert loaded.ids_with_prefix(A4.upper()) == []  # exact: the CLI decides about case
    assert loaded.ids_with_prefix("doc:alpha") == [ALPHA, COMMENT]
    assert loaded.ids_with_prefix("doc:alpha", Label.CLAIM) == []
    assert loaded.ids_with_prefix("herman") == [HERMAN]
    assert loaded.ids_with_prefix("zzz") == [] and loaded.ids_with_prefix("claim:", limit=0) == []
    assert loaded.ids_with_prefix("'") == [] and loaded.ids_with_prefix("%") == []  # no pattern syntax
    assert loaded.ids_with_prefix("", Label.AUTHOR, limit=100) == sorted(AUTHORS.values())


def test_source_keys_are_the_citing_keys_and_each_resolves(loaded: Store) -> None:
    batch = GraphBatch()
    batch.add_node(Label.SOURCE, "work:0123456789ab", entry_type="article", title="Sleep", year="2010",
                   keys="smith2010, smith2010a")
    loaded.write(batch)
    keys = loaded.source_keys()
    assert {"smith2010", "smith2010a"} <= set(keys) and keys == sorted(set(keys))
    assert all(loaded.resolve_source(key) for key in keys)


# -- iteration, clearing, describing -----------------------------------------------------
def test_iter_nodes_in_id_order_and_batches(loaded: Store) -> None:
    chunks = list(loaded.iter_nodes(Label.CLAIM, batch_size=3))
    assert [len(c) for c in chunks] == [3, 3, 2]
    assert [n.id for c in chunks for n in c] == sorted(CLAIMS.values())
    assert all(n.label == Label.CLAIM for c in chunks for n in c)
    authors = [n for c in loaded.iter_nodes(Label.AUTHOR) for n in c]
    assert [n.props["name"] for n in authors] == ["Judith Lewis Herman", "B. Kathleen Jordan",
                                                  "Charles R. Marmar"]


def test_iter_relationships_order_and_batches(loaded: Store) -> None:
    chunks = list(loaded.iter_relationships(RelType.MAKES, batch_size=5))
    assert [len(c) for c in chunks] == [5, 3]
    keys = [r.key for c in chunks for r in c]
    assert keys == sorted(keys) and len(set(keys)) == 8
    written = [r for c in loaded.iter_relationships(RelType.WRITTEN_BY) for r in c]
    assert [(r.start, r.end, r.props) for r in written] == [
        (HERMAN, AUTHORS["herman"], {"position": 0}), (JORDAN, AUTHORS["jordan"], {"position": 0}),
        (JORDAN, AUTHORS["marmar"], {"position": 1})]
    assert list(loaded.iter_relationships(RelType.CHALLENGES, batch_size=1))[1][0].props == {
        "reason": "I doubt that"}


def test_iterating_an_empty_store(store: Store) -> None:
    assert list(store.iter_nodes(Label.SOURCE)) == []
    assert list(store.iter_relationships(RelType.CITES)) == []


def test_clear(loaded: Store) -> None:
    loaded.clear()
    assert loaded.stats()["nodes"] == {str(label): 0 for label in Label}
    assert loaded.node(HERMAN) is None and loaded.claims().total == 0
    assert loaded.write(sample_batch())["nodes"] == 22
    assert loaded.stats()["nodes"] == NODE_COUNTS


def test_describe_is_safe_to_print(store: Store) -> None:
    text = store.describe()
    assert isinstance(text, str) and text
    password = os.environ.get("NEO4J_PASSWORD")
    if password:
        assert password not in text


# -- corpus --------------------------------------------------------------------------------
def test_schema_version_is_recorded(loaded: Store) -> None:
    from graph.schema import SCHEMA_VERSION

    assert loaded.schema_version() == SCHEMA_VERSION


def test_works_ranked_by_articles_and_by_claims(loaded: Store) -> None:
    rows = loaded.works(by="articles")
    assert [(w["id"], w["article_count"], w["claim_count"]) for w in rows] == [
        (HERMAN, 2, 2), (JORDAN, 1, 1), (AINSWORTH, 0, 0)]
    assert set(rows[0]) == {"id", "title", "authors", "year", "doi", "keys", "article_count", "claim_count"}
    assert rows[1]["doi"] == "10.1037/0022-006X.60.6.916" and rows[2]["keys"] == ""
    assert [w["id"] for w in loaded.works(by="claims", limit=2)] == [HERMAN, JORDAN]
    assert [s["article_count"] for s in loaded.sources()] == [2, 1, 0]
    with pytest.raises(StoreError):
        loaded.works(by="fame")


@pytest.mark.parametrize("by, limit, expected", [
    ("articles", 2, [HERMAN, "work:case"]),
    ("articles", 3, [HERMAN, "work:case", "work:opinion"]),  # ties on both counts: by id
    ("articles", 1, [HERMAN]),
    ("claims", 2, ["work:case", HERMAN]),  # 2 claims each: more citing articles first
    ("claims", 4, ["work:case", HERMAN, "work:opinion", "work:trial"]),
    ("claims", 0, []),
])
def test_works_top_n_breaks_ties_at_the_cut(loaded: Store, by: str, limit: int, expected: list[str]) -> None:
    """The top `limit` works are the first `limit` of the full ranking, ties broken the same way."""
    loaded.write(gamma_batch())
    assert [w["id"] for w in loaded.works(by=by, limit=limit)] == expected
    assert loaded.works(by=by, limit=limit) == loaded.works(by=by, limit=100)[:limit]


def test_co_cited_works(loaded: Store) -> None:
    assert loaded.co_cited(JORDAN) == [{"id": HERMAN, "title": "Trauma and Recovery",
                                        "authors": "Herman, Judith Lewis", "year": "1992", "articles": 1}]
    assert [w["id"] for w in loaded.co_cited(HERMAN)] == [JORDAN]
    assert loaded.co_cited(AINSWORTH) == [] and loaded.co_cited("work:000000000000") == []


def test_citing_articles_through_in_corpus(loaded: Store) -> None:
    assert loaded.citing_articles(BETA) == []
    link = GraphBatch()
    link.add_rel(RelType.IN_CORPUS, HERMAN, BETA)  # pretend beta is the Herman work, ingested
    loaded.write(link)
    assert loaded.citing_articles(BETA) == [{"id": ALPHA, "title": "Trauma and Bonds", "source_id": HERMAN}]
    sources = [s for e in loaded.trace(CLAIMS["a1"])["evidence"] for s in e["sources"]]
    assert [(s["id"], s["in_corpus"]) for s in sources] == [(HERMAN, BETA)]  # a trace goes on into beta
    assert loaded.stats()["relationships"]["IN_CORPUS"] == 1


def test_support_summary_per_article(loaded: Store) -> None:
    rows = loaded.support_summary()
    assert [(r["id"], r["claim_count"], r["cited"], r["anecdotal"], r["unsupported"], r["works"],
             r["unresolved"]) for r in rows] == [(ALPHA, 5, 3, 1, 1, 2, 1), (BETA, 2, 1, 0, 1, 1, 0)]
    assert rows[0]["title"] == "Trauma and Bonds"


def test_resolve_source_by_id_doi_or_key(loaded: Store) -> None:
    assert loaded.resolve_source(HERMAN) == [HERMAN]
    for doi in ("10.1037/0022-006x.60.6.916", "https://doi.org/10.1037/0022-006X.60.6.916",
                "doi:10.1037/0022-006X.60.6.916"):
        assert loaded.resolve_source(doi) == [JORDAN]
    assert loaded.resolve_source("nobody") == [] and loaded.resolve_source("") == []
    batch = GraphBatch()
    batch.add_node(Label.SOURCE, "work:0123456789ab", title="Keyed", keys="Smith_2010, smith2010")
    batch.add_node(Label.SOURCE, "work:ba9876543210", title="Also keyed", keys="smith2010")
    loaded.write(batch)
    assert loaded.resolve_source("smith2010") == ["work:0123456789ab", "work:ba9876543210"]
    assert loaded.resolve_source("Smith_2010") == ["work:0123456789ab"]
    assert loaded.resolve_source("smith") == []
    assert claim_ids(loaded, ClaimFilter(source_id="10.1037/0022-006X.60.6.916")) == [A4]


def test_identities_for_the_resolver(loaded: Store) -> None:
    assert [s["id"] for s in loaded.work_identities()] == [AINSWORTH, HERMAN, JORDAN]
    assert loaded.work_identities()[1]["title"] == "Trauma and Recovery"
    articles = loaded.article_identities()
    assert [a["id"] for a in articles] == [ALPHA, BETA]
    assert set(articles[0]) == {"id", "path", "sha256", "doi", "title", "author", "date"}
    assert articles[0]["title"] == "Trauma and Bonds" and articles[0]["doi"] == ""


def test_replaces_outgoing_rewrites_a_sources_author_edges(loaded: Store) -> None:
    batch = GraphBatch(replaces_outgoing=[(str(RelType.WRITTEN_BY), JORDAN)])
    batch.add_rel(RelType.WRITTEN_BY, JORDAN, AUTHORS["marmar"], position=0)
    loaded.write(batch)
    written = [(r.start, r.end, r.props["position"])
               for chunk in loaded.iter_relationships(RelType.WRITTEN_BY) for r in chunk]
    assert sorted(written) == [(HERMAN, AUTHORS["herman"], 0), (JORDAN, AUTHORS["marmar"], 0)]


def test_document_view_of_an_article(loaded: Store) -> None:
    """The reader view's data: the document with its text, claims in text order with their evidence."""
    batch = sample_batch()
    view = loaded.document_view(ALPHA)
    assert set(view) == {"document", "claims", "evidence", "challenges"}
    assert view["document"] == batch_node(batch, ALPHA).props
    assert [c["id"] for c in view["claims"]] == [A1, A2, A3, A4, A5]
    a4 = next(c for c in view["claims"] if c["id"] == A4)
    assert a4 == {**batch_node(batch, A4).props, "evidence_ids": [EVIDENCE["a4"]]}
    assert set(view["evidence"]) == {EVIDENCE[n] for n in ("a1", "a2", "a4", "a5")}
    assert view["evidence"][EVIDENCE["a4"]] == {**batch_node(batch, EVIDENCE["a4"]).props,
                                                "sources": [{**batch_node(batch, JORDAN).props,
                                                             "stance": "", "stance_cue": ""}]}
    unresolved = view["evidence"][EVIDENCE["a5"]]
    assert unresolved["sources"] == [] and not unresolved["resolved"]
    assert list(view["challenges"]) == [A4]
    assert [c["id"] for c in view["challenges"][A4]] == [C1, COMMENT]
    for claim in view["claims"]:
        assert ALPHA_TEXT[claim["start"]:claim["end"]] == claim["text"]


def test_document_view_of_a_comment_and_of_nothing(loaded: Store) -> None:
    view = loaded.document_view(COMMENT)
    assert view["document"]["text"] == COMMENT_TEXT
    assert [c["id"] for c in view["claims"]] == [C1] and view["evidence"] == {}
    assert loaded.document_view("doc:nope") is None
    assert loaded.document_view(A1) is None, "a claim id is not a document"


# -- the explorer's support-profile reads (issue #13) ---------------------------------------------
def support_profile_batch() -> GraphBatch:
    """The sample graph with a support profile: Herman a book, Jordan a cohort study; a1's citation
    supporting (cue 'as shown by'), a4's contrasting ('unlike'), b1's mentioning; a1 rests on a book,
    b1 on a case report (made up for the count)."""
    batch = sample_batch()
    profiles = {A1: ("book", 1, 0), A4: ("", 0, 1), B1: ("case-report", 1, 0)}
    for node in batch.nodes:
        if node.id in profiles:
            design, supporting, contrasting = profiles[node.id]
            node.props.update(support_design=design, n_supporting=supporting, n_contrasting=contrasting)
        elif node.id == HERMAN:
            node.props.update(design="book", design_reason="entry type: book")
        elif node.id == JORDAN:
            node.props.update(design="cohort", design_reason="title: 'prospective cohort'")
    stances = {EVIDENCE["a1"]: ("supporting", "as shown by"), EVIDENCE["a4"]: ("contrasting", "unlike"),
               EVIDENCE["b1"]: ("mentioning", "")}
    for rel in batch.relationships:
        if rel.type == RelType.CITES and rel.start in stances:
            rel.props.update(stance=stances[rel.start][0], stance_cue=stances[rel.start][1])
    return batch


def test_claims_by_support_design(store: Store) -> None:
    assert store.claims_by_support_design() == {}
    store.write(support_profile_batch())
    assert store.claims_by_support_design() == {"": 6, "book": 1, "case-report": 1}


def test_document_view_carries_each_citations_stance(store: Store) -> None:
    store.write(support_profile_batch())
    view = store.document_view(ALPHA)
    (herman,) = view["evidence"][EVIDENCE["a1"]]["sources"]
    assert (herman["design"], herman["design_reason"]) == ("book", "entry type: book")
    assert (herman["stance"], herman["stance_cue"]) == ("supporting", "as shown by")
    (jordan,) = view["evidence"][EVIDENCE["a4"]]["sources"]
    assert (jordan["design"], jordan["stance"], jordan["stance_cue"]) == ("cohort", "contrasting", "unlike")
    (herman,) = store.document_view(BETA)["evidence"][EVIDENCE["b1"]]["sources"]
    assert (herman["stance"], herman["stance_cue"]) == ("mentioning", "")
