"""SQLite's claim text index (FTS5 trigrams): the text filter answers exactly as a substring scan."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from fixtures_graph import ALPHA, alpha_batch, sample_batch

from graph import sqlite_store
from graph.model import ClaimFilter
from graph.schema import Label
from graph.sqlite_store import SQLiteStore


def expected(store: SQLiteStore, text: str) -> list[str]:
    """Claim ids whose text contains `text`, case-insensitively, computed in Python over every claim."""
    every = store.claims(limit=10_000).rows
    return [row["id"] for row in every if text.lower() in row["text"].lower()]


def queries(store: SQLiteStore, seed: int = 7) -> list[str]:
    """Substrings of the claims (1–12 characters, case shuffled), across word breaks, plus misses."""
    rng = random.Random(seed)
    texts = [row["text"] for row in store.claims(limit=10_000).rows]
    found = []
    for text in texts:
        for _ in range(12):
            start = rng.randrange(len(text))
            piece = text[start:start + rng.randint(1, 12)]
            found.append("".join(ch.upper() if rng.random() < 0.5 else ch for ch in piece))
    return found + ["zzz", "TRAUMA’S", "école", "ÉCOLE", '"quoted"', "a*b", "NEAR", "x AND y", "%_"]


@pytest.fixture
def store(tmp_path: Path) -> SQLiteStore:
    with SQLiteStore(tmp_path / "claimgraph.db") as opened:
        opened.write(sample_batch())
        yield opened


@pytest.mark.parametrize("drives_up_to", [5_000, 0], ids=["index", "many-matches-walk"])
def test_text_filter_equals_a_substring_scan(store: SQLiteStore, drives_up_to: int,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_store, "FTS_DRIVES_UP_TO", drives_up_to)
    for text in queries(store):
        page = store.claims(ClaimFilter(text=text), limit=10_000)
        assert [row["id"] for row in page.rows] == expected(store, text), text
        assert page.total == len(page.rows), text


def test_text_filter_with_other_filters(store: SQLiteStore) -> None:
    for text in ("veterans", "ION", "on"):
        page = store.claims(ClaimFilter(text=text, document_id=ALPHA), limit=100)
        assert [r["id"] for r in page.rows] == [i for i in expected(store, text)
                                                if store.node(i).props["document_id"] == ALPHA]
        assert page.total == len(page.rows)


def test_reingest_and_replace_keep_the_index_in_step(store: SQLiteStore, tmp_path: Path) -> None:
    store.write(alpha_batch())  # the same article again: replaced, not duplicated
    batch = alpha_batch()
    claim = next(n for n in batch.nodes if n.label == Label.CLAIM and "Veterans with" in n.props["text"])
    claim.props["text"] = "Marines with PTSD divorce more often"
    store.write(batch)
    assert store.claims(ClaimFilter(text="marines")).total == 1
    assert [r["id"] for r in store.claims(ClaimFilter(text="veterans with")).rows] == []
    with sqlite3.connect(tmp_path / "claimgraph.db") as raw:
        claims = raw.execute("SELECT COUNT(*) FROM claim").fetchone()[0]
        indexed = raw.execute("SELECT COUNT(*) FROM claim_search").fetchone()[0]
        fts = raw.execute("SELECT COUNT(*) FROM claim_text_docsize").fetchone()[0]
        raw.execute("INSERT INTO claim_text (claim_text, rank) VALUES ('integrity-check', 1)")
    assert claims == indexed == fts
    store.clear()
    assert store.claims(ClaimFilter(text="divorce")).total == 0


def test_store_without_the_index_scans_read_only_and_gets_it_on_writing(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with SQLiteStore(path) as store:
        store.write(sample_batch())
        answers = {t: store.claims(ClaimFilter(text=t)).total for t in queries(store)}
    with sqlite3.connect(path) as raw:  # a store written before the index existed
        raw.execute("DROP TABLE claim_text")
        raw.execute("DROP TABLE claim_search")
    with SQLiteStore(path, read_only=True) as old:
        assert {t: old.claims(ClaimFilter(text=t)).total for t in answers} == answers
    with SQLiteStore(path) as upgraded:
        assert {t: upgraded.claims(ClaimFilter(text=t)).total for t in answers} == answers
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT COUNT(*) FROM claim_search").fetchone()[0] > 0


@pytest.mark.parametrize(("drives_up_to", "counts_up_to"), [(5_000, 40_000), (0, 40_000), (0, 0)],
                         ids=["index", "page-walks", "page-walks-count-tests-text"])
def test_text_with_status_kind_or_section_equals_a_scan(store: SQLiteStore, drives_up_to: int,
                                                         counts_up_to: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The text hits drive these queries (the status index is kept out), or the page walks and the
    total tests the text: same rows and totals every way."""
    monkeypatch.setattr(sqlite_store, "FTS_DRIVES_UP_TO", drives_up_to)
    monkeypatch.setattr(sqlite_store, "FTS_COUNTS_UP_TO", counts_up_to)
    every = {row["id"]: row for row in store.claims(limit=10_000).rows}
    for field in ("status", "kind", "section"):
        for value in sorted({row[field] for row in every.values()} - {""}):
            for text in queries(store, seed=11)[::7]:
                page = store.claims(ClaimFilter(text=text, **{field: value}), limit=10_000)
                want = [i for i in expected(store, text) if every[i][field] == value]
                assert [row["id"] for row in page.rows] == want, (field, value, text)
                assert page.total == len(want), (field, value, text)


def test_a_store_indexed_with_positions_answers_the_same(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Stores made before index with detail=full; the trigram query and the text test serve both."""
    answers = {}
    for detail in ("none", "full"):
        monkeypatch.setattr(sqlite_store, "CLAIM_TEXT_DETAIL", detail)
        with SQLiteStore(tmp_path / f"{detail}.db") as opened:
            opened.write(sample_batch())
            answers[detail] = {t: [r["id"] for r in opened.claims(ClaimFilter(text=t), limit=10_000).rows]
                               for t in queries(opened)}
        with sqlite3.connect(tmp_path / f"{detail}.db") as raw:
            sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'claim_text'").fetchone()[0]
        assert f"detail = {detail}" in sql
    assert answers["none"] == answers["full"]


def status_kind_answers(store: SQLiteStore) -> dict[tuple[str, str, str], tuple[list[str], int]]:
    """Rows and total of every text query with every status and every kind present."""
    every = store.claims(limit=10_000).rows
    answers = {}
    for field in ("status", "kind"):
        for value in sorted({row[field] for row in every} - {""}):
            for text in queries(store, seed=5)[::9]:
                page = store.claims(ClaimFilter(text=text, **{field: value}), limit=10_000)
                answers[field, value, text] = ([r["id"] for r in page.rows], page.total)
    return answers


def test_status_and_kind_beside_the_text_follow_rewrites(store: SQLiteStore, tmp_path: Path) -> None:
    """A claim whose status and kind change on re-ingest is counted under the new ones only."""
    batch = alpha_batch()
    claim = next(n for n in batch.nodes if n.label == Label.CLAIM and "Veterans with" in n.props["text"])
    old_status, old_kind = claim.props["status"], claim.props["kind"]
    claim.props.update(status="anecdotal" if old_status != "anecdotal" else "cited", kind="definition")
    store.write(batch)
    for field, old, new in (("status", old_status, claim.props["status"]), ("kind", old_kind, "definition")):
        before = store.claims(ClaimFilter(text="veterans with", **{field: old}), limit=100)
        assert claim.id not in [r["id"] for r in before.rows] and before.total == len(before.rows)
        page = store.claims(ClaimFilter(text="veterans with", **{field: new}), limit=100)
        assert claim.id in [r["id"] for r in page.rows] and page.total == len(page.rows)
    with sqlite3.connect(tmp_path / "claimgraph.db") as raw:
        stored = raw.execute("SELECT status, kind FROM claim_search WHERE id = ?", (claim.id,)).fetchone()
    assert stored == (claim.props["status"], "definition")


def test_store_without_status_beside_the_text_answers_the_same_and_gets_it(tmp_path: Path) -> None:
    """A store made before claim_search held status and kind: read-only it counts through the claims,
    opened for writing the columns are added and filled, with the same answers throughout."""
    path = tmp_path / "old.db"
    with SQLiteStore(path) as store:
        store.write(sample_batch())
        answers = status_kind_answers(store)
    with sqlite3.connect(path) as raw:
        raw.execute("DROP INDEX claim_search_unfilled")
        raw.execute("ALTER TABLE claim_search DROP COLUMN status")
        raw.execute("ALTER TABLE claim_search DROP COLUMN kind")
    with SQLiteStore(path, read_only=True) as old:
        assert status_kind_answers(old) == answers
    with SQLiteStore(path) as upgraded:
        assert status_kind_answers(upgraded) == answers
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT COUNT(*) FROM claim_search WHERE status IS NULL OR kind IS NULL"
                           ).fetchone()[0] == 0
        assert raw.execute("SELECT COUNT(*) FROM claim_search s JOIN claim c ON c.id = s.id "
                           "WHERE c.status = s.status AND c.kind = s.kind").fetchone()[0] == \
            raw.execute("SELECT COUNT(*) FROM claim").fetchone()[0]


def test_rows_an_older_writer_added_are_counted_through_the_claims_then_filled(tmp_path: Path) -> None:
    """An older ClaimGraph writing to an upgraded store adds claim_search rows without status and kind
    (NULL): read-only, the store then counts through the claims; opened for writing it fills them."""
    path = tmp_path / "mixed.db"
    with SQLiteStore(path) as store:
        store.write(sample_batch())
        answers = status_kind_answers(store)
    with sqlite3.connect(path) as raw:  # what main's writer leaves for the claims it indexes
        raw.execute("UPDATE claim_search SET status = NULL, kind = NULL WHERE n % 3 = 0")
        assert raw.execute("SELECT COUNT(*) FROM claim_search WHERE status IS NULL").fetchone()[0] > 0
    with SQLiteStore(path, read_only=True) as mixed:
        assert status_kind_answers(mixed) == answers
    with SQLiteStore(path) as filled:
        assert status_kind_answers(filled) == answers
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT COUNT(*) FROM claim_search WHERE status IS NULL OR kind IS NULL"
                           ).fetchone()[0] == 0
