"""Write throughput: the batched writer against one transaction per row, same process.

    python -m bench.load [--claims 10000 100000] [--baseline-elements 3000]

For each corpus size and backend: graph elements (nodes + relationships) per
second of `Store.write` with ~1,000-claim batches (one transaction each, UNWIND
batches of 1,000 rows inside), and of the baseline: the same store's `write()`
called with one node or relationship at a time (one transaction per row). The
baseline runs on a sample (the first --baseline-elements elements of the corpus,
nodes before relationships) and its per-element rate is extrapolated. A small
corpus of its own is written and deleted first, so JVM and plan-cache warm-up is
not measured.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.common import console, corpus, load, neo4j_target, progress, table, warm_up
from graph.model import GraphBatch
from graph.neo4j_store import Neo4jStore
from graph.sqlite_store import SQLiteStore
from graph.store import Store


def sample(n_claims: int, size: int) -> GraphBatch:
    """The start of the corpus, cut to about `size` elements: nodes, then relationships among them."""
    chosen = GraphBatch()
    for batch in corpus(n_claims):
        chosen.extend(batch)
        if len(chosen.nodes) + len(chosen.relationships) >= size:
            break
    ids = {n.id for n in chosen.nodes[: size // 2]}
    nodes = [n for n in chosen.nodes if n.id in ids]
    rels = [r for r in chosen.relationships if r.start in ids and r.end in ids][: size - len(nodes)]
    return GraphBatch(nodes=nodes, relationships=rels)


def per_row(store: Store, batch: GraphBatch, label: str) -> tuple[int, float]:
    """The baseline: one write() (one transaction) per node, then per relationship."""
    rows = [GraphBatch(nodes=[n]) for n in batch.nodes] + [GraphBatch(relationships=[r])
                                                            for r in batch.relationships]
    spent = 0.0
    with progress() as bar:
        task = bar.add_task(f"{label}: one transaction per row", total=len(rows))
        for row in rows:
            started = time.perf_counter()
            store.write(row)
            spent += time.perf_counter() - started
            bar.advance(task)
    return len(rows), spent


def measure(store: Store, n_claims: int, baseline_size: int, label: str) -> list[str]:
    """One table row: batched rate, baseline rate, ratio."""
    warm_up(store)
    rows, row_seconds = per_row(store, sample(n_claims, baseline_size), label)
    store.clear()
    count, seconds = load(store, n_claims, label)
    batched, baseline = count / seconds, rows / row_seconds
    console.print(f"{label} {n_claims:,}: {count:,} elements in {seconds:.1f}s; baseline {rows:,} in "
                  f"{row_seconds:.1f}s")
    return [label, f"{n_claims:,}", f"{count:,}", f"{seconds:,.1f}", f"{batched:,.0f}",
            f"{baseline:,.0f} (sample of {rows:,})", f"{count / baseline:,.0f}",
            f"{batched / baseline:,.1f}×"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--baseline-elements", type=int, default=3000)
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args(argv)
    results = []
    with neo4j_target() as target, tempfile.TemporaryDirectory() as tmp:
        with Neo4jStore(target.url, user=target.user, password=target.password) as neo:
            for n_claims in args.claims:
                results.append(measure(neo, n_claims, args.baseline_elements, "Neo4j"))
                if not args.skip_sqlite:
                    with SQLiteStore(Path(tmp) / f"bench-{n_claims}.db") as lite:
                        results.append(measure(lite, n_claims, args.baseline_elements, "SQLite"))
            neo.clear()
        where = target.where
    table(f"Write throughput, graph elements per second ({where})",
          ["backend", "claims", "elements", "batched s", "batched el/s", "per-row el/s",
           "per-row s (extrapolated)", "ratio"], results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
