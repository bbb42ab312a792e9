"""Faults: the Neo4j server dies in the middle of a large write.

A dedicated server (its data folder kept outside its home) is killed with SIGKILL
while a write transaction is open; the write must fail with a one-line StoreError,
the restarted server on the same data folder must hold nothing of the interrupted
batch, and rerunning the write must give exactly the counts of a clean write.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from fixtures_graph import NODE_COUNTS, sample_batch

from graph.neo4j_server import LocalNeo4j, Neo4jServerError
from graph.neo4j_store import Neo4jStore
from graph.sqlite_store import SQLiteStore
from graph.store import StoreError
from graph.synthetic import merged, synthetic_batches

pytestmark = pytest.mark.neo4j
BIG_CLAIMS = 8_000


def _start(**kwargs) -> LocalNeo4j:
    from conftest import _unavailable

    try:
        return LocalNeo4j.start(**kwargs)
    except Neo4jServerError as err:
        _unavailable(str(err))
        raise


def _kill_when_writing(server: LocalNeo4j, fired: threading.Event, timeout: float = 60.0) -> None:
    """Watch the server's transactions; SIGKILL it once our UNWIND write is running."""
    from neo4j import GraphDatabase

    deadline = time.monotonic() + timeout
    with GraphDatabase.driver(server.uri, auth=(server.user, server.password),
                              notifications_min_severity="OFF") as driver:
        while time.monotonic() < deadline:
            records = driver.execute_query("SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery").records
            if any("UNWIND $rows" in (r["currentQuery"] or "") for r in records):
                time.sleep(0.3)  # let it get well into the batch
                server.kill()
                fired.set()
                return
            time.sleep(0.05)


def test_server_killed_mid_write_leaves_nothing_half_written(tmp_path: Path) -> None:
    data_dir = tmp_path / "neo4j-data"
    big = next(merged(synthetic_batches(BIG_CLAIMS, claims_per_document=50, seed=11), per_write=10_000))
    with SQLiteStore(tmp_path / "clean.db") as clean:
        clean.write(sample_batch())
        clean.write(big)
        expected = clean.stats()

    server = _start(data_dir=data_dir)
    password = server.password
    try:
        with Neo4jStore(server.uri, user=server.user, password=password, retry_seconds=2.0) as store:
            store.write(sample_batch())
            fired = threading.Event()
            killer = threading.Thread(target=_kill_when_writing, args=(server, fired), daemon=True)
            killer.start()
            started = time.monotonic()
            with pytest.raises(StoreError) as err:
                store.write(big)
            killer.join(10)
        assert fired.is_set(), "the write finished before the server could be killed: make BIG_CLAIMS larger"
        message = str(err.value)
        assert "\n" not in message and "writing to Neo4j" in message and password not in message
        assert time.monotonic() - started < 60
    finally:
        server.stop()

    restarted = _start(data_dir=data_dir, password=password)
    try:
        with Neo4jStore(restarted.uri, user=restarted.user, password=password) as store:
            assert store.stats()["nodes"] == NODE_COUNTS  # the earlier write survived, nothing of the big one
            assert store.node(big.replaces[0]) is None
            assert store.write(big)["nodes"] == len(big.nodes)
            assert store.stats() == expected
            store.write(big)  # a rerun merges, never duplicates
            assert store.stats() == expected
    finally:
        restarted.stop()
