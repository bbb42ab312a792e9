"""A claim that cites, but none of whose citations matched a reference, is `cited-unresolved`
everywhere (issue #10, error class 7): the status the linker stores, the ingest counts, the CLI
filter and documents table, the handout's own section, the explorer's colours."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from graph.handout import claim_support
from graph.schema import ClaimStatus, Label
from ingest.pipeline import ingest_text

BIB = """
@book{herman1992trauma, author = {Herman, Judith Lewis}, year = {1992},
  title = {Trauma and Recovery: The Aftermath of Violence}}
"""
ARTICLE = ("Trauma and recovery\n\n"
           "Trauma isolates its survivors from the people around them (Nguyen, 2015).\n\n"
           "Recovery happens only within relationships (Herman, 1992).\n\n"
           "Group therapy restores a sense of belonging (Herman, 1992; Nguyen, 2015).\n\n"
           "I have seen this in my own practice, and the literature agrees (Okafor, 2019).\n\n"
           "Most survivors never tell anyone about what happened to them.\n")


def _statuses(text: str = ARTICLE) -> dict[str, str]:
    batch = ingest_text(text, "essay.txt", BIB).batch
    return {n.props["text"].split(" ")[0]: n.props["status"] for n in batch.nodes_by_label(Label.CLAIM)}


def test_the_linker_stores_cited_unresolved():
    assert _statuses() == {
        "Trauma": "cited-unresolved",  # its only citation names no reference
        "Recovery": "cited",
        "Group": "cited",  # one of its two citations resolved
        "I": "cited-unresolved",  # a citation beats the anecdote next to it
        "Most": "unsupported",
    }


def _cli(store: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimgraph", "--store", str(store), *args],
                          capture_output=True, text=True, timeout=180, cwd=store.parent, check=True)


def test_cli_counts_filters_and_tables_cited_unresolved(tmp_path):
    article, bib = tmp_path / "essay.txt", tmp_path / "essay.bib"
    article.write_text(ARTICLE, encoding="utf-8")
    bib.write_text(BIB, encoding="utf-8")
    store = tmp_path / "s.db"
    summary = _cli(store, "ingest", str(article), "--bib", str(bib)).stdout
    assert ("5 claims (2 cited, 2 cited-unresolved, 0 disputed-by-citation, 0 anecdotal, 1 unsupported)"
            in summary)
    rows = json.loads(_cli(store, "claims", "--status", "cited-unresolved", "--format", "json").stdout)
    assert sorted(r["text"].split(" ")[0] for r in rows) == ["I", "Trauma"]
    stats = json.loads(_cli(store, "stats", "--format", "json").stdout)
    assert (stats["claims_by_status"]["cited-unresolved"], stats["claims_by_status"]["unsupported"]) == (2, 1)
    [document] = json.loads(_cli(store, "documents", "--format", "json").stdout)
    assert document["cited-unresolved"] == 2 and document["unsupported"] == 1
    assert "unresolved" in _cli(store, "documents").stdout  # the table's column


def test_the_handout_gives_cited_unresolved_claims_their_own_section(tmp_path):
    article, bib = tmp_path / "essay.txt", tmp_path / "essay.bib"
    article.write_text(ARTICLE, encoding="utf-8")
    bib.write_text(BIB, encoding="utf-8")
    store = tmp_path / "s.db"
    _cli(store, "ingest", str(article), "--bib", str(bib))
    handout = _cli(store, "export", "--document", "doc:essay", "--format", "markdown", "-o", "-").stdout
    section = handout.split("## Claims whose citations match no reference (2)")[1].split("\n## ")[0]
    assert "Trauma isolates its survivors" in section
    assert "(matched no reference: no reference has 'Nguyen' as first author)" in section
    without = handout.split("## Claims without support (1)")[1].split("\n## ")[0]
    assert "Most survivors never tell anyone" in without and "Trauma isolates" not in without


def test_a_store_written_before_the_status_shows_it_too():
    """A v3 store holds such a claim as `unsupported` (or `cited` in the contract sample)."""
    unresolved = [{"kind": "citation", "sources": [], "resolved": False}]
    assert claim_support({"status": "unsupported"}, unresolved) == "cited-unresolved"
    assert claim_support({"status": "cited"}, unresolved) == "cited-unresolved"
    assert claim_support({"status": "unsupported"}, []) == "unsupported"
    resolved_quote = [*unresolved, {"kind": "quote", "sources": [{"id": "work:1"}], "resolved": True}]
    assert claim_support({"status": "cited"}, resolved_quote) == "cited"


def test_every_status_has_an_explorer_colour_a_handout_section_and_a_cli_choice():
    from claimgraph.cli import STATUSES
    from claimgraph.explorer.graph_widget import STATUS_WORDS
    from claimgraph.explorer.html import STATUS_COLOURS
    from claimgraph.explorer.reader_html import SUPPORT_ORDER
    from claimgraph.render import STATUS_STYLES
    from graph.handout import _STATUS_HEADINGS
    from graph.picture import STATUS_COLOURS as PICTURE_COLOURS
    from graph.picture import SUPPORT_ORDER as PICTURE_ORDER

    statuses = [s.value for s in ClaimStatus]
    assert list(STATUS_COLOURS) == statuses == list(STATUSES)
    for table in (STATUS_WORDS, STATUS_STYLES, _STATUS_HEADINGS, PICTURE_COLOURS):
        assert set(table) >= set(statuses), table
    assert set(SUPPORT_ORDER) == set(PICTURE_ORDER) == set(statuses)
