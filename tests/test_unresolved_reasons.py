"""Every unresolved citation an ingest reports says why it matched no reference: in the warnings
(`claimgraph ingest` prints them), in `IngestResult.unresolved` (the explorer's ingest page shows
them), for the text detectors and for citations the markup marks (GROBID TEI, JATS)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.evaluate import bib_for
from ingest.pipeline import UNKNOWN_REASON, ingest_paths, ingest_text

DATA = Path(__file__).resolve().parent / "data"
BIB = """
@book{herman1992trauma, author = {Herman, Judith Lewis}, year = {1992},
  title = {Trauma and Recovery: The Aftermath of Violence}}
@article{smith2001a, author = {Smith, Anna}, year = {2001}, title = {Attachment in adolescence}}
@article{smith2001b, author = {Smith, Anna}, year = {2001}, title = {Resilience after loss}}
"""


@pytest.mark.parametrize("sentence, marker, reason", [
    ("Trauma isolates (Nguyen, 2015).", "(Nguyen, 2015)", "no reference has 'Nguyen' as first author"),
    ("Trauma isolates (Herman, 1997).", "(Herman, 1997)",
     "'Herman' leads 1 reference(s), none of 1997 (theirs: 1992)"),
    ("Teens attach to friends (Smith, 2001).", "(Smith, 2001)",
     "ambiguous: 2 works of 2001 fit and nothing tells them apart: smith2001a, smith2001b"),
    ("Families suffer [7].", "[7]", "no reference is numbered 7 (the list numbers 1–3)"),
])
def test_the_warning_of_an_unresolved_citation_says_why(sentence, marker, reason):
    result = ingest_text(f"Title\n\n{sentence}\n", "essay.txt", BIB)
    assert [(u["citation"], u["reason"]) for u in result.unresolved] == [(marker, reason)]
    assert f"essay.txt:3: citation {marker} matches no reference: {reason}" in result.warnings


def test_an_unresolved_superscript_is_explained():
    result = ingest_text("Title\n\nShift work disturbs sleep.^7^ Naps help.\n", "notes.md", BIB)
    assert [(u["citation"], u["reason"]) for u in result.unresolved] == [
        ("^7^", "no reference is numbered 7 (the list numbers 1–3)")]


def test_a_marked_citation_without_a_target_is_explained():
    """GROBID marks a citation it could not link with a <ref type="bibr"> without a target."""
    path = DATA / "tei" / "grobid-0.6.1-N18-3011.tei.xml"
    result = ingest_paths([path], [])
    assert result.unresolved
    assert {u["reason"] for u in result.unresolved} == {
        "the markup marks it as a citation but names no reference (no target)"}
    assert all(w.endswith("(no target)") for w in result.warnings if "matches no reference" in w)


@pytest.mark.parametrize("name", ["eval", "eval-blind", "eval-blind-5"])
def test_every_unresolved_citation_of_an_evaluation_set_is_explained(name):
    articles = sorted(p for p in (DATA / name).iterdir() if p.suffix in (".txt", ".md", ".html"))
    reported = 0
    for article in articles:
        result = ingest_paths([article], [b for b in bib_for(article) if b.exists()])
        for item in result.unresolved:
            assert item["reason"] and item["reason"] != UNKNOWN_REASON, (article.name, item)
            assert "names no author" not in item["reason"], (article.name, item)
        reported += len(result.unresolved)
        assert sum("matches no reference: " in w for w in result.warnings) == len(result.unresolved)
    assert name != "eval" or reported > 0  # the set has unresolved.txt and wrong-year.txt


def test_the_explorer_ingest_page_lists_the_reason():
    from claimgraph.explorer.ingest_page import batch_summary

    result = ingest_text("Title\n\nTrauma isolates (Nguyen, 2015).\n", "essay.txt", BIB)
    assert batch_summary(result.batch, result.unresolved)["unresolved"] == [
        {"citation": "(Nguyen, 2015)", "path": "essay.txt", "line": 3,
         "reason": "no reference has 'Nguyen' as first author"}]
