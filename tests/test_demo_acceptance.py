"""Acceptance tests on the bundled demo article and references.bib."""

from __future__ import annotations

from graph.schema import Label, RelType
from tests.conftest import DEMO_ARTICLE, DEMO_BIB

ARTICLE_ID = "doc:trauma-and-relationships"
VIETNAM_BULLETS = [
    "More likely to have a difficult time getting along with wives, girlfriends, or feeling emotionally "
    "close to anyone",
    "Less likely to get married",
    "More likely to have marriage problems",
    "More likely to have parenting problems",
    "More likely to divorce",
    "Many men become extremely isolated or resorted to violence against others",
    "Women had all similar relationship patterns though less likely to resort to violence",
]


def _claims(result):
    return result.batch.nodes_by_label(Label.CLAIM)


def _claim(result, prefix: str):
    matches = [c for c in _claims(result) if c.props["text"].startswith(prefix)]
    assert len(matches) == 1, f"expected one claim starting {prefix!r}, got {len(matches)}"
    return matches[0]


def _evidence_of(result, claim_id: str) -> list:
    ids = {r.end for r in result.batch.relationships
           if r.type == RelType.SUPPORTED_BY and r.start == claim_id}
    return [n for n in result.batch.nodes_by_label(Label.EVIDENCE) if n.id in ids]


def _sources_of(result, evidence_id: str) -> set[str]:
    """The article's own keys for the works a piece of evidence cites (the key is on CITES)."""
    return {r.props["key"] for r in result.batch.relationships
            if r.type == RelType.CITES and r.start == evidence_id}


def test_every_citation_resolves(demo_result):
    assert demo_result.unresolved == []
    cited = {r.props["key"]: r.end for r in demo_result.batch.relationships
             if r.type == RelType.CITES and r.start == ARTICLE_ID}
    assert set(cited) == {"herman1992trauma", "jordan1992problems"}
    sources = {n.id: n.props for n in demo_result.batch.nodes_by_label(Label.SOURCE)}
    assert sources[cited["herman1992trauma"]]["title"].startswith("Trauma and Recovery")
    assert sources[cited["herman1992trauma"]]["keys"] == "herman1992trauma"
    assert sources[cited["jordan1992problems"]]["title"].startswith("Problems in families")
    assert all(work.startswith("work:") for work in cited.values())


def test_each_vietnam_bullet_is_a_claim_cited_to_jordan(demo_result):
    for bullet in VIETNAM_BULLETS:
        claim = _claim(demo_result, bullet)
        assert claim.props["text"] == bullet
        assert claim.props["status"] == "cited"
        sources = {s for e in _evidence_of(demo_result, claim.id) for s in _sources_of(demo_result, e.id)}
        assert sources == {"jordan1992problems"}


def test_herman_quote_is_quote_evidence(demo_result):
    claim = _claim(demo_result, "Dr. Judith Herman states in her book, Trauma and Recovery")
    assert claim.props["status"] == "cited"
    quotes = [e for e in _evidence_of(demo_result, claim.id) if e.props["kind"] == "quote"]
    assert len(quotes) == 1
    assert quotes[0].props["text"].startswith("“One of the effects")
    assert _sources_of(demo_result, quotes[0].id) == {"herman1992trauma"}


def test_anecdote_backs_the_following_claim(demo_result):
    backed = _claim(demo_result, "The importance of strength in the development of trust")
    assert backed.props["status"] == "anecdotal"
    anecdotes = [e for e in _evidence_of(demo_result, backed.id) if e.props["kind"] == "anecdote"]
    assert len(anecdotes) == 1
    assert anecdotes[0].props["text"].startswith("I have seen many individuals")
    assert _sources_of(demo_result, anecdotes[0].id) == set()


def test_referring_back_sentence_cites_the_previous_claim(demo_result):
    claim = _claim(demo_result, "There are many negative behaviors")
    assert claim.props["status"] == "cited"
    evidence = _evidence_of(demo_result, claim.id)
    assert [e.props["marker"] for e in evidence] == [
        "Dr. Judy Herman talks about this in her book Trauma and Recovery"]
    assert _sources_of(demo_result, evidence[0].id) == {"herman1992trauma"}
    texts = [c.props["text"] for c in _claims(demo_result)]
    assert not any(t.startswith("Dr. Judy Herman talks about this") for t in texts)


def test_comments_are_documents_with_author_date_and_replies(demo_result):
    docs = {d.id: d.props for d in demo_result.batch.nodes_by_label(Label.DOCUMENT)}
    comments = {i: p for i, p in docs.items() if p["kind"] == "comment"}
    assert len(comments) == 4
    assert all(p["author"] and p["date"] for p in comments.values())
    replies = {(r.start, r.end) for r in demo_result.batch.relationships if r.type == RelType.REPLIES_TO}
    assert replies == {(cid, p["parent_id"]) for cid, p in comments.items()}
    assert {p["author"] for p in comments.values()} >= {"Liza Webb", "Nina"}


def test_non_claims_are_left_out(demo_result):
    texts = [c.props["text"] for c in _claims(demo_result)]
    not_claims = [
        "In this blog, we’re going to look at", "Let’s look at how", "I look forward to hearing",
        "Why do these relationship patterns", "Trauma and its Impact on Relationships",
        "Step 1: Rebuilding", "To Health and Healing", "Dr. Aimie", "P.S.", "Herman, Judith (1992)",
        "Jordan, B. K., Marmar", "Liza, well said", "Thank you ~ Dr. Aimie", "Encouraging You On",
        "In a long-term Vietnam Readjustment Study on those with PTSD, they found", "Leave A Comment",
    ]
    for prefix in not_claims:
        assert not any(t.startswith(prefix) for t in texts), prefix


def test_uncited_claims_are_unsupported(demo_result):
    for prefix in ("Attachment trauma is the ultimate disruption", "Trauma makes us doubt",
                   "Rebuilding a basic sense of safety is the first step"):
        assert _claim(demo_result, prefix).props["status"] == "unsupported"


def test_nina_challenges_the_article(demo_result):
    docs = {d.id: d.props for d in demo_result.batch.nodes_by_label(Label.DOCUMENT)}
    challenges = [r for r in demo_result.batch.relationships if r.type == RelType.CHALLENGES]
    challengers = {docs[r.start]["author"] for r in challenges if r.end == ARTICLE_ID}
    assert challengers == {"Nina"}
    assert any("aspirational than practical" in r.props["reason"] for r in challenges)


def test_ids_are_deterministic(demo_result):
    from ingest.pipeline import ingest_paths

    again = ingest_paths([DEMO_ARTICLE], [DEMO_BIB])
    assert [n.to_dict() for n in again.batch.nodes] == [n.to_dict() for n in demo_result.batch.nodes]
    assert [r.to_dict() for r in again.batch.relationships] == [
        r.to_dict() for r in demo_result.batch.relationships]


def test_spans_slice_exactly_and_batch_validates(demo_result):
    demo_result.batch.validate()
    texts = {d.id: d.props["text"] for d in demo_result.batch.nodes_by_label(Label.DOCUMENT)}
    spans = demo_result.batch.nodes_by_label(Label.CLAIM) + demo_result.batch.nodes_by_label(Label.EVIDENCE)
    assert spans
    for node in spans:
        props = node.props
        assert texts[props["document_id"]][props["start"]:props["end"]] == props["text"]


def test_document_props_are_complete(demo_result):
    from graph.schema import NODES, text_sha256

    for doc in demo_result.batch.nodes_by_label(Label.DOCUMENT):
        assert set(doc.props) == set(NODES[Label.DOCUMENT].prop_names)
        assert doc.props["sha256"] == text_sha256(doc.props["text"])
    assert demo_result.batch.replaces == [ARTICLE_ID]


def test_herman_is_a_book_jordan_an_article_and_both_citations_support(demo_result, tmp_path):
    """Issue #13's demo acceptance: Herman (1992) shows as a book, Jordan et al. (1992) as a journal
    article whose design its metadata does not state (unknown, no reason), both cited in support; the
    trace prints it beside each reference."""
    import os
    import subprocess
    import sys

    from graph.store import open_store

    by_key = {n.props["keys"]: n.props for n in demo_result.batch.nodes_by_label(Label.SOURCE)}
    herman, jordan = by_key["herman1992trauma"], by_key["jordan1992problems"]
    assert (herman["entry_type"], herman["design"], herman["design_reason"]) == (
        "book", "book", "entry type: book")
    assert (jordan["entry_type"], jordan["design"], jordan["design_reason"]) == ("article", "unknown", "")
    stances = {(r.props["key"], r.props["stance"]) for r in demo_result.batch.relationships
               if r.type == RelType.CITES and r.start.startswith("evidence:")}
    assert stances == {("herman1992trauma", "supporting"), ("jordan1992problems", "supporting")}
    cited = [c for c in _claims(demo_result) if c.props["status"] == "cited"]
    assert {c.props["support_design"] for c in cited} == {"book", "unknown"}
    assert all(c.props["n_supporting"] >= 1 and c.props["n_contrasting"] == 0 for c in cited)
    path = tmp_path / "demo.db"
    with open_store(str(path)) as store:
        store.write(demo_result.batch)
    shown = {}
    for prefix in ("Dr. Judith Herman states", "More likely to divorce"):
        claim = _claim(demo_result, prefix)
        command = [sys.executable, "-m", "claimgraph", "--store", str(path), "trace", claim.id]
        shown[prefix] = subprocess.run(command, capture_output=True, text=True, check=True,
                                       env={**os.environ, "COLUMNS": "250"}).stdout
    assert "design: book (entry type: book) · stance: supporting" in shown["Dr. Judith Herman states"]
    assert "Problems in families of male Vietnam veterans" in shown["More likely to divorce"]
    assert "design: unknown (not stated) · stance: supporting" in shown["More likely to divorce"]
