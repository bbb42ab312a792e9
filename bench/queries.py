"""Read latency at scale: p50/p95 of a claim trace, a claims page and a depth-2 neighbourhood.

    python -m bench.queries [--claims 100000] [--repeat 50]

Both backends hold the same synthetic corpus; each query runs --repeat times on
different claims (after 10 warm-up calls). SQLite, the default backend, is the
baseline the ratio column compares against.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.common import console, load, neo4j_target, percentile, progress, table, warm_up
from graph.migrate import sample_claim_ids
from graph.model import ClaimFilter
from graph.neo4j_store import Neo4jStore
from graph.schema import ClaimStatus
from graph.sqlite_store import SQLiteStore
from graph.store import Store

WARM_UP = 10
STATUSES = [s.value for s in ClaimStatus]


def workloads(store: Store, claim_ids: list[str]) -> dict[str, Callable[[int], object]]:
    """Query name → a call taking the repetition number (so each call asks about something else)."""
    total = store.claims(limit=0).total
    return {
        "trace(claim)": lambda i: store.trace(claim_ids[i % len(claim_ids)]),
        "claims page (status filter, 50 rows)": lambda i: store.claims(
            ClaimFilter(status=STATUSES[i % 3]), offset=(i * 997) % max(1, total // 3), limit=50),
        "claims page (text filter, 50 rows)": lambda i: store.claims(ClaimFilter(text=f"finding {i % 50}"),
                                                                    limit=50),
        "neighbourhood(claim, depth 2)": lambda i: store.neighbourhood(claim_ids[i % len(claim_ids)], 2),
    }


def latencies(store: Store, claim_ids: list[str], repeat: int, label: str) -> dict[str, list[float]]:
    """Seconds per call of every workload."""
    import time

    results: dict[str, list[float]] = {}
    jobs = workloads(store, claim_ids)
    with progress() as bar:
        task = bar.add_task(f"{label}: queries", total=len(jobs) * (repeat + WARM_UP))
        for name, call in jobs.items():
            times = []
            for i in range(repeat + WARM_UP):
                started = time.perf_counter()
                call(i)
                if i >= WARM_UP:
                    times.append(time.perf_counter() - started)
                bar.advance(task)
            results[name] = times
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)
    with neo4j_target() as target, tempfile.TemporaryDirectory() as tmp:
        with SQLiteStore(Path(tmp) / "bench.db") as lite, \
                Neo4jStore(target.url, user=target.user, password=target.password) as neo:
            warm_up(neo)
            for store, label in ((lite, "SQLite"), (neo, "Neo4j")):
                count, seconds = load(store, args.claims, label)
                console.print(f"{label}: loaded {count:,} elements in {seconds:.1f}s")
            claim_ids = sample_claim_ids(lite, args.repeat)
            base = latencies(lite, claim_ids, args.repeat, "SQLite")
            other = latencies(neo, claim_ids, args.repeat, "Neo4j")
            neo.clear()
        where = target.where
    rows = []
    for name, times in base.items():
        b50, b95 = percentile(times, 50), percentile(times, 95)
        n50, n95 = percentile(other[name], 50), percentile(other[name], 95)
        rows.append([name, f"{b50 * 1000:.1f}", f"{b95 * 1000:.1f}", f"{n50 * 1000:.1f}", f"{n95 * 1000:.1f}",
                     f"{n50 / b50:.1f}×"])
    table(f"Read latency at {args.claims:,} claims, ms over {args.repeat} calls ({where}); "
          "baseline SQLite",
          ["query", "SQLite p50", "SQLite p95", "Neo4j p50", "Neo4j p95", "Neo4j/SQLite p50"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
