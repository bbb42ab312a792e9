"""Shared pieces of the benchmarks: a Neo4j to run against, corpus loading, progress, tables."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph.model import GraphBatch
from graph.store import Store
from graph.synthetic import merged, synthetic_batches

CLAIMS_PER_DOCUMENT = 50
DOCUMENTS_PER_WRITE = 20  # one write() = 20 articles ≈ 1,000 claims ≈ 6,000 graph elements
console = Console(stderr=True)
out = Console(width=160)


@dataclass
class Neo4jTarget:
    url: str
    user: str
    password: str
    where: str
    server_pid: int | None = None  # the JVM's process id when this run started the server


def process_cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds a process has used so far (Linux /proc), 0.0 when unknown."""
    if pid is None:
        return 0.0
    try:
        fields = open(f"/proc/{pid}/stat", encoding="ascii").read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def neo4j_target() -> Iterator[Neo4jTarget]:
    """$NEO4J_URI (with NEO4J_USER/NEO4J_PASSWORD) if set, else a LocalNeo4j started for the run."""
    if os.environ.get("NEO4J_URI"):
        yield Neo4jTarget(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                          os.environ.get("NEO4J_PASSWORD", ""), "$NEO4J_URI")
        return
    from graph.neo4j_server import LocalNeo4j

    console.print("starting a local Neo4j …")
    server = LocalNeo4j.start()
    try:
        yield Neo4jTarget(server.uri, server.user, server.password, "local Neo4j 5.26 Community, 1 GB heap",
                          server.process.pid if server.process else None)
    finally:
        server.stop()


def progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, transient=True)


def corpus(n_claims: int) -> Iterator[GraphBatch]:
    """The synthetic corpus in writes of DOCUMENTS_PER_WRITE articles."""
    return merged(synthetic_batches(n_claims, CLAIMS_PER_DOCUMENT), DOCUMENTS_PER_WRITE)


def warm_up(store: Store) -> None:
    """Write and delete a small corpus of its own, so JVM and query-plan warm-up is not measured."""
    for batch in merged(synthetic_batches(2000, CLAIMS_PER_DOCUMENT, seed=99), DOCUMENTS_PER_WRITE):
        store.write(batch)
    store.clear()


def elements(batch: GraphBatch) -> int:
    return len(batch.nodes) + len(batch.relationships)


def load(store: Store, n_claims: int, label: str) -> tuple[int, float]:
    """Write the n_claims corpus with the batched writer; return (elements, seconds)."""
    total_writes = -(-n_claims // (CLAIMS_PER_DOCUMENT * DOCUMENTS_PER_WRITE))
    count, spent = 0, 0.0
    with progress() as bar:
        task = bar.add_task(f"{label}: batched load of {n_claims:,} claims", total=total_writes)
        for batch in corpus(n_claims):
            started = time.perf_counter()
            store.write(batch)
            spent += time.perf_counter() - started
            count += elements(batch)
            bar.advance(task)
    return count, spent


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    """Wall-clock seconds of `repeat` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    return statistics.quantiles(ordered, n=100, method="inclusive")[int(pct) - 1]


def table(title: str, columns: list[str], rows: list[list[str]]) -> None:
    """Print a table to stdout (plain when piped, so the output can go into docs)."""
    grid = Table(title=title)
    for column in columns:
        grid.add_column(column, justify="right" if column != columns[0] else "left")
    for row in rows:
        grid.add_row(*row)
    out.print(grid)
