"""SQLite-only behaviour: WAL, atomic writes, read-only mode, bad files, concurrent readers."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from fixtures_graph import ALPHA, BETA, CLAIMS, NODE_COUNTS, alpha_batch, beta_batch, sample_batch

from graph.model import GraphBatch
from graph.schema import NODES, Label
from graph.sqlite_store import SCHEMA_VERSION, SQLiteStore
from graph.store import StoreError, open_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store file holding the sample graph."""
    path = tmp_path / "claimgraph.db"
    with SQLiteStore(path) as store:
        store.write(sample_batch())
    return path


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, to compare a store before and after."""
    with raw(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables}  # noqa: S608


def test_wal_mode_schema_version_and_tables(db: Path) -> None:
    with raw(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        columns = [r[1] for r in conn.execute('PRAGMA table_info("claim")')]
        indexes = {r[1] for r in conn.execute('PRAGMA index_list("claim")')}
    assert columns == list(NODES[Label.CLAIM].prop_names)
    assert {"claim_document_id", "claim_status", "claim_kind", "claim_section"} <= indexes


def test_failure_in_the_middle_of_a_write_rolls_back(db: Path) -> None:
    before = snapshot(db)
    batch = alpha_batch()
    claim = next(n for n in batch.nodes if n.id == CLAIMS["a3"])
    claim.props["section"] = {"not": "a string"}  # fails while inserting, after the deletes ran
    with SQLiteStore(db) as store, pytest.raises(StoreError, match="nothing was written"):
        store.write(batch)
    assert snapshot(db) == before


def test_later_dangling_relationship_rolls_back_the_replace(db: Path) -> None:
    before = snapshot(db)
    batch = beta_batch()
    batch.add_rel("CITES", BETA, "nobody2000")
    with SQLiteStore(db) as store, pytest.raises(StoreError, match="nobody2000"):
        store.write(batch)
    assert snapshot(db) == before


def test_read_only_reads_but_refuses_writes(db: Path) -> None:
    before = snapshot(db)
    with open_store(f"sqlite://{db}", read_only=True) as store:
        assert store.read_only and "read-only" in store.describe()
        assert store.stats()["nodes"] == NODE_COUNTS
        with pytest.raises(StoreError, match="read-only"):
            store.write(GraphBatch(replaces=[ALPHA]))
        with pytest.raises(StoreError, match="read-only"):
            store.clear()
    assert snapshot(db) == before


def test_missing_file_in_read_only_mode(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    with pytest.raises(StoreError, match="no store at .*none.db: run `claimgraph ingest`"):
        SQLiteStore(missing, read_only=True)
    assert not missing.exists()


@pytest.mark.parametrize("read_only", [False, True])
def test_text_file_is_not_a_store(tmp_path: Path, read_only: bool) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("these are my notes, not a database\n" * 50)
    with pytest.raises(StoreError, match="notes.txt is not a ClaimGraph SQLite store"):
        SQLiteStore(notes, read_only=read_only)
    assert notes.read_text().startswith("these are my notes")


def test_directory_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        SQLiteStore(tmp_path)


def test_file_from_a_future_version_is_refused(db: Path) -> None:
    with raw(db) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer ClaimGraph"):
        SQLiteStore(db)


def test_empty_sqlite_file_opened_read_only_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    raw(path).close()
    path.touch()
    with pytest.raises(StoreError, match="not a ClaimGraph store"):
        SQLiteStore(path, read_only=True)


def test_another_programs_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "app.db"
    with raw(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    with pytest.raises(StoreError, match="another program's SQLite database .*invoices"):
        SQLiteStore(path)
    assert set(snapshot(path)) == {"invoices"}


def test_reopening_keeps_the_data(db: Path) -> None:
    with SQLiteStore(db) as store:
        assert store.stats()["nodes"] == NODE_COUNTS


def test_concurrent_reader_sees_old_or_new_graph_never_half(db: Path) -> None:
    full = NODE_COUNTS
    without_alpha = {"Document": 1, "Claim": 2, "Evidence": 1, "Source": 3, "Author": 3}
    seen: list[dict[str, int]] = []
    done = threading.Event()

    def write_repeatedly() -> None:
        with SQLiteStore(db) as writer:
            for _ in range(30):
                writer.write(GraphBatch(replaces=[ALPHA]))
                writer.write(alpha_batch())
        done.set()

    thread = threading.Thread(target=write_repeatedly)
    with SQLiteStore(db, read_only=True) as reader:
        thread.start()
        while not done.is_set():
            seen.append(reader.stats()["nodes"])
        thread.join()
    assert seen and all(counts in (full, without_alpha) for counts in seen)


def indexes(path: Path) -> list[tuple]:
    with raw(path) as conn:
        return sorted(conn.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"))


KILLED_WRITER = """
import sys, time
import graph.sqlite_store as sqlite_store
from fixtures_graph import alpha_batch, sample_batch
from graph.sqlite_store import SQLiteStore

index_claim_text = sqlite_store._index_claim_text

def index_then_hang(conn, claims):
    index_claim_text(conn, claims)
    print("inside the write", flush=True)
    time.sleep(120)

sqlite_store._index_claim_text = index_then_hang
with SQLiteStore(sys.argv[1]) as store:
    store.write(sample_batch() if sys.argv[2] == "sample" else alpha_batch())
"""


@pytest.mark.parametrize("first_load", [True, False])
def test_writer_killed_inside_a_write_leaves_the_store_as_before(tmp_path: Path, first_load: bool) -> None:
    """SIGKILL in the middle of a write (after the inserts, before the commit), the first into a new
    store or a later one: the store reopens as it was, indexes and all."""
    import os
    import signal
    import subprocess
    import sys

    path = tmp_path / "killed.db"
    with SQLiteStore(path) as store:
        if not first_load:
            store.write(beta_batch())
    before, before_indexes = snapshot(path), indexes(path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent.parent),
                                                         str(Path(__file__).parent)])}
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path),
                              "sample" if first_load else "alpha"],
                             stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "inside the write"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    with SQLiteStore(path):  # reopening for writing, as the next ingest would
        pass
    assert snapshot(path) == before
    assert indexes(path) == before_indexes
    with raw(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
