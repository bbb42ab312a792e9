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
     "ambiguous: 2 works by Smith of 2001 fit and nothing tells them apart (each has 1 author(s), "
     "no a/b suffix): smith2001a, smith2001b"),
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
    path = DATA / "tei" / "grobid-0.6.1-author-year.tei.xml"
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


# --- the reason is stored: every view of a store shows it (schema version 4) ----------------------

REASON = "no reference has 'Nguyen' as first author"


def _stored(tmp_path: Path) -> Path:
    from graph.store import open_store

    path = tmp_path / "s.db"
    result = ingest_text("Title\n\nTrauma isolates its survivors (Nguyen, 2015).\n", "essay.txt", BIB)
    with open_store(str(path)) as store:
        store.write(result.batch)
    return path


def test_every_view_of_a_store_says_why(tmp_path):
    from claimgraph.cli import unresolved_rows
    from claimgraph.explorer.trace import evidence_html
    from graph.exports import export
    from graph.store import Scope, open_store

    with open_store(str(_stored(tmp_path)), read_only=True) as store:
        [row] = store.unresolved_citations()
        assert row["reason"] == REASON
        assert unresolved_rows(store)[0]["reason"] == REASON
        claim = store.claims(limit=1).rows[0]
        [evidence] = store.trace(claim["id"])["evidence"]
        assert f"(matched no reference: {REASON})" in evidence_html(evidence).replace("&#x27;", "'")
        handout = export(store.subgraph(Scope(kind="all")), "markdown", store=store)
    assert "(matched no reference: no reference has 'Nguyen' as first author)" in handout


def test_the_cli_trace_and_unresolved_commands_say_why(tmp_path):
    import json
    import subprocess
    import sys

    store = _stored(tmp_path)

    def run(*args: str) -> str:
        return subprocess.run([sys.executable, "-m", "claimgraph", "--store", str(store), *args],
                              capture_output=True, text=True, timeout=180, check=True,
                              env={**__import__("os").environ, "COLUMNS": "200"}).stdout

    [row] = json.loads(run("unresolved", "--format", "json"))
    assert row["reason"] == REASON
    claim = json.loads(run("claims", "--format", "json"))[0]["id"]
    assert f"unresolved: {REASON}" in run("trace", claim)


def test_a_v3_store_upgrades_to_v4_with_the_new_status(tmp_path):
    """A store as v3 wrote it (no `reason` column, the claim `unsupported`) is refused read-only and
    upgraded in place when opened for writing: the claim becomes cited-unresolved."""
    import sqlite3

    import pytest

    from graph.schema import SCHEMA_VERSION
    from graph.store import open_store

    path = _stored(tmp_path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE claim SET status = 'unsupported' WHERE status = 'cited-unresolved'")
        conn.execute("ALTER TABLE evidence DROP COLUMN reason")
        conn.execute("UPDATE claimgraph_meta SET value = '3' WHERE key = 'schema_version'")
        conn.execute("PRAGMA user_version = 3")
    conn.close()
    with pytest.raises(Exception, match="claimgraph upgrade --store"):
        open_store(str(path), read_only=True)
    with open_store(str(path)) as store:
        assert store.schema_version() == SCHEMA_VERSION == 4
        assert [c["status"] for c in store.claims().rows] == ["cited-unresolved"]
        assert "reason" not in store.unresolved_citations()[0]  # not stored before; re-ingest fills it


@pytest.mark.neo4j
def test_a_v3_neo4j_store_upgrades_to_v4_with_the_new_status(neo4j_url):
    import os

    from neo4j import GraphDatabase

    from graph.schema import SCHEMA_VERSION
    from graph.store import StoreError, open_store

    result = ingest_text("Title\n\nTrauma isolates its survivors (Nguyen, 2015).\n", "essay.txt", BIB)
    with open_store(neo4j_url) as store:
        store.clear()
        store.write(result.batch)
    driver = GraphDatabase.driver(neo4j_url, auth=(os.environ.get("NEO4J_USER", "neo4j"),
                                                   os.environ.get("NEO4J_PASSWORD", "")))
    with driver.session() as session:  # as v3 wrote it
        session.run("MATCH (c:Claim) SET c.status = 'unsupported'").consume()
        session.run("MATCH (e:Evidence) REMOVE e.reason").consume()
        session.run("MATCH (m:ClaimGraphMeta {id: 'schema'}) SET m.schema_version = 3").consume()
    driver.close()
    with pytest.raises(StoreError, match="claimgraph upgrade --store"):
        open_store(neo4j_url, read_only=True)
    with open_store(neo4j_url) as store:
        assert store.schema_version() == SCHEMA_VERSION == 4
        assert [c["status"] for c in store.claims().rows] == ["cited-unresolved"]
        store.clear()
