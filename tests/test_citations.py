"""Citations, mentions, quotes, anecdotes and challenges, resolved against real BibTeX."""

from __future__ import annotations

import pytest

from graph.schema import Label, RelType
from ingest.model import InputError
from ingest.pipeline import ingest_text

BIB = """
@book{herman1992trauma, author = {Herman, Judith Lewis}, year = {1992},
  title = {Trauma and Recovery: The Aftermath of Violence}}
@article{jordan1992problems, author = {Jordan, B. K. and Marmar, C. R.}, year = {1992},
  title = {Problems in families of male Vietnam veterans},
  keywords = {National Vietnam Veterans Readjustment Study}}
@book{breuer1955studies, author = {Breuer, Josef and Freud, Sigmund}, year = {1955},
  title = {Studies on Hysteria}}
@article{smith2001b, author = {Smith, Anna}, year = {2001}, title = {Resilience after loss}}
@article{smith2001a, author = {Smith, Anna}, year = {2001}, title = {Attachment in adolescence}}
"""


def _links(text: str, bib: str = BIB) -> dict[str, set[str]]:
    """Claim text -> keys of the sources its evidence cites."""
    batch = ingest_text("Title\n\n" + text, "t.txt", bib).batch
    claims = {n.id: n.props["text"] for n in batch.nodes_by_label(Label.CLAIM)}
    cites: dict[str, set[str]] = {}
    for rel in batch.relationships:
        if rel.type == RelType.CITES and rel.start.startswith("evidence:"):
            cites.setdefault(rel.start, set()).add(rel.end)
    links = {t: set() for t in claims.values()}
    for rel in batch.relationships:
        if rel.type == RelType.SUPPORTED_BY:
            links[claims[rel.start]] |= cites.get(rel.end, set())
    return links


@pytest.mark.parametrize("sentence, keys", [
    ("Trauma isolates (Herman, 1992).", {"herman1992trauma"}),
    ("Trauma isolates (Herman 1992, p. 3).", {"herman1992trauma"}),
    ("Families suffer (Jordan et al., 1992; Herman, 1992).", {"herman1992trauma", "jordan1992problems"}),
    ("Herman (1992) says trauma isolates.", {"herman1992trauma"}),
    ("Jordan and colleagues (1992) found family problems.", {"jordan1992problems"}),
    ("Symptoms have meaning (Breuer & Freud, 1895/1955).", {"breuer1955studies"}),
    ("Teens attach to friends (Smith, 2001a).", {"smith2001a"}),
    ("Teens recover from loss (Smith, 2001b).", {"smith2001b"}),
    ("Families suffer [2].", {"jordan1992problems"}),
    ("Families suffer [1, 2].", {"herman1992trauma", "jordan1992problems"}),
    ("Families suffer [1–3].", {"herman1992trauma", "jordan1992problems", "breuer1955studies"}),
    ("Families suffer greatly (2).", {"jordan1992problems"}),
    ("The Vietnam Readjustment Study found family problems.", {"jordan1992problems"}),
    ("Dr. Judy Herman writes in her book that trauma isolates.", {"herman1992trauma"}),
    ("Trauma and Recovery shows that trauma isolates.", {"herman1992trauma"}),
    ("Herman was right about this, trauma isolates.", set()),
    ("Trauma isolates (Nguyen, 2015).", set()),
    ("Trauma isolates (Herman, 1997).", set()),
])
def test_citation_forms(sentence, keys):
    assert _links(sentence)[sentence] == keys


def test_unresolved_citations_are_reported_with_line():
    result = ingest_text("Title\n\nTrauma isolates (Nguyen, 2015).\n\nIt hurts [9].\n", "t.txt", BIB)
    assert [(u["citation"], u["line"], u["path"]) for u in result.unresolved] == [
        ("(Nguyen, 2015)", 3, "t.txt"), ("[9]", 5, "t.txt")]
    evidence = result.batch.nodes_by_label(Label.EVIDENCE)
    assert [e.props["resolved"] for e in evidence] == [False, False]
    statuses = {c.props["status"] for c in result.batch.nodes_by_label(Label.CLAIM)}
    assert statuses == {"unsupported"}


def test_quote_in_citing_sentence_is_quote_evidence():
    text = "Herman writes, “Recovery happens only within relationships” (Herman, 1992)."
    batch = ingest_text("Title\n\n" + text, "t.txt", BIB).batch
    [evidence] = batch.nodes_by_label(Label.EVIDENCE)
    assert evidence.props["kind"] == "quote"
    assert evidence.props["text"] == "“Recovery happens only within relationships”"
    assert evidence.props["marker"] == "(Herman, 1992)"


def test_anecdote_backs_following_claim_and_referral_backs_previous():
    text = ("I have seen clients cling to strong people. Strength builds trust.\n\n"
            "Many behaviours follow trauma. Herman talks about this in her book Trauma and Recovery.\n")
    batch = ingest_text("Title\n\n" + text, "t.txt", BIB).batch
    status = {c.props["text"]: c.props["status"] for c in batch.nodes_by_label(Label.CLAIM)}
    assert status == {"I have seen clients cling to strong people.": "anecdotal",
                      "Strength builds trust.": "anecdotal", "Many behaviours follow trauma.": "cited"}


def test_citing_lead_in_supports_each_list_item():
    text = "Jordan et al. (1992) found these patterns:\n\n- More divorce\n- More conflict at home\n"
    links = _links(text)
    assert links == {"More divorce": {"jordan1992problems"}, "More conflict at home": {"jordan1992problems"}}


def test_disputing_comment_challenges_article_and_named_claim():
    text = ("Helpers always burn out quickly without boundaries.\n\n"
            "  1. Ruth March 5, 2019 at 8:45 pm - Reply\n\n"
            "    Nice post, but I disagree that helpers always burn out quickly.\n")
    batch = ingest_text("Title\n\n" + text, "t.txt", BIB).batch
    challenges = [r for r in batch.relationships if r.type == RelType.CHALLENGES]
    assert {r.end for r in challenges} == {"doc:t", batch.nodes_by_label(Label.CLAIM)[0].id}
    assert batch.nodes_by_label(Label.CLAIM)[0].props["contested"] is True


def test_agreeing_comment_challenges_nothing():
    text = ("Boundaries matter.\n\n  1. Sam March 5, 2019 at 8:45 pm - Reply\n\n"
            "    Great post. Boundaries saved my marriage.\n")
    batch = ingest_text("Title\n\n" + text, "t.txt", BIB).batch
    assert not [r for r in batch.relationships if r.type == RelType.CHALLENGES]


def test_bad_bibtex_is_an_input_error_naming_the_file():
    with pytest.raises(InputError) as err:
        ingest_text("Title\n\nTrauma isolates (Herman, 1992).\n", "t.txt", "@book{broken, title = {x")
    assert str(err.value).startswith("t.bib")
