"""Read latency at scale: p50/p95 of a claim trace, a claims page and a depth-2 neighbourhood.

    python -m bench.queries [--claims 100000] [--repeat 50] [--sqlite-only] [--store PATH]

Both backends hold the same synthetic corpus; each query runs --repeat times on
different claims (after 10 warm-up calls). SQLite's columns are wall time and the CPU time of this
process per call (SQLite runs in it): on a loaded machine the CPU figure is the query's own cost.
SQLite, the default backend, is the baseline the ratio column compares against. `--sqlite-only`
skips Neo4j (for sizes Neo4j cannot load here in reasonable time); `--store PATH` keeps the SQLite
file and reuses it when it already holds the corpus.

The text filter runs two ways: `finding N` (N = 0..49), which matches 2–22 % of
all claims (every claim has the word "finding"), and a rare word pair
(`sleep loss delays` + N) for a typical selective search.
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
        "claims page (rare text, 50 rows)": lambda i: store.claims(
            ClaimFilter(text=f"sleep loss delays help-seeking (finding {i % 50})"), limit=50),
        "claims page (text + status, 50 rows)": lambda i: store.claims(
            ClaimFilter(text=f"finding {i % 50}", status=STATUSES[i % 3]), limit=50),
        "neighbourhood(claim, depth 2)": lambda i: store.neighbourhood(claim_ids[i % len(claim_ids)], 2),
    }


def latencies(store: Store, claim_ids: list[str], repeat: int, label: str,
              cpu: dict[str, list[float]] | None = None) -> dict[str, list[float]]:
    """Wall seconds per call of every workload; `cpu`, if given, gets this process's CPU seconds per call
    (for SQLite, which runs in this process, the query's own cost on a machine shared with others)."""
    import time

    results: dict[str, list[float]] = {}
    jobs = workloads(store, claim_ids)
    with progress() as bar:
        task = bar.add_task(f"{label}: queries", total=len(jobs) * (repeat + WARM_UP))
        for name, call in jobs.items():
            times, cpu_times = [], []
            for i in range(repeat + WARM_UP):
                started, cpu_started = time.perf_counter(), time.process_time()
                call(i)
                if i >= WARM_UP:
                    times.append(time.perf_counter() - started)
                    cpu_times.append(time.process_time() - cpu_started)
                bar.advance(task)
            results[name] = times
            if cpu is not None:
                cpu[name] = cpu_times
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--store", type=Path, help="SQLite file to keep (reused if it holds the corpus)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        with SQLiteStore(args.store or Path(tmp) / "bench.db") as lite:
            if lite.claims(limit=0).total != args.claims:
                lite.clear()
                count, seconds = load(lite, args.claims, "SQLite")
                console.print(f"SQLite: loaded {count:,} elements in {seconds:.1f}s")
            claim_ids = sample_claim_ids(lite, args.repeat)
            base_cpu: dict[str, list[float]] = {}
            base = latencies(lite, claim_ids, args.repeat, "SQLite", base_cpu)
            other, where = (None, "SQLite only") if args.sqlite_only else neo4j_latencies(args, claim_ids)
    rows = []
    for name, times in base.items():
        b50, b95 = percentile(times, 50), percentile(times, 95)
        c50, c95 = percentile(base_cpu[name], 50), percentile(base_cpu[name], 95)
        row = [name, f"{b50 * 1000:.1f}", f"{b95 * 1000:.1f}", f"{c50 * 1000:.1f}", f"{c95 * 1000:.1f}"]
        if other is not None:
            n50, n95 = percentile(other[name], 50), percentile(other[name], 95)
            row += [f"{n50 * 1000:.1f}", f"{n95 * 1000:.1f}", f"{n50 / b50:.1f}×"]
        rows.append(row)
    columns = ["query", "SQLite p50", "SQLite p95", "SQLite CPU p50", "SQLite CPU p95"]
    if other is not None:
        columns += ["Neo4j p50", "Neo4j p95", "Neo4j/SQLite p50"]
    table(f"Read latency at {args.claims:,} claims, ms over {args.repeat} calls ({where}); baseline SQLite",
          columns, rows)
    return 0


def neo4j_latencies(args: argparse.Namespace, claim_ids: list[str]) -> tuple[dict[str, list[float]], str]:
    """The same workloads on a Neo4j loaded with the same corpus."""
    with neo4j_target() as target, Neo4jStore(target.url, user=target.user, password=target.password) as neo:
        warm_up(neo)
        count, seconds = load(neo, args.claims, "Neo4j")
        console.print(f"Neo4j: loaded {count:,} elements in {seconds:.1f}s")
        other = latencies(neo, claim_ids, args.repeat, "Neo4j")
        neo.clear()
        return other, target.where


if __name__ == "__main__":
    raise SystemExit(main())
