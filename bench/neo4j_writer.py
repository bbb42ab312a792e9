"""Neo4j writer, same server, alternating runs: the writer at a git revision against the current one,
and both against one transaction per row.

    python -m bench.neo4j_writer [--claims 10000 100000] [--rounds 2] [--against main]
                                 [--baseline-elements 1000]

Each run writes the synthetic corpus of `bench.load` (~1,000-claim writes, one transaction each) into
an emptied database, after a warm-up corpus of its own per writer. "REV" is `graph/neo4j_store.py` as
it was at that git revision, loaded as a module into this process; "current" is the working tree's.
The per-row baseline is the current writer's `write()` with one node or relationship per call, on a
sample of the corpus (as in `bench.load`), its rate extrapolated.

Printed per run: wall seconds and el/s, this process's CPU (client), the server JVM's CPU (from
/proc, only when this run started the server), and elements per CPU-second of both. On a shared,
loaded machine the CPU figure and the same-run ratios are the result; the load average is printed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time
from pathlib import Path
from types import ModuleType

import graph.neo4j_store as neo4j_store
from bench.common import (
    Neo4jTarget,
    console,
    corpus,
    elements,
    neo4j_target,
    process_cpu_seconds,
    table,
    warm_up,
)
from bench.load import sample
from graph.model import GraphBatch


def module_at(revision: str) -> ModuleType:
    """graph/neo4j_store.py as it was at a git revision, loaded as a module of its own."""
    root = Path(__file__).resolve().parent.parent
    source = subprocess.run(["git", "-C", str(root), "show", f"{revision}:graph/neo4j_store.py"],
                            check=True, capture_output=True, text=True).stdout
    module = ModuleType(f"neo4j_store_at_{revision}")
    exec(compile(source, f"{revision}:graph/neo4j_store.py", "exec"), module.__dict__)  # noqa: S102
    return module


def timed_writes(store: object, writes: list[GraphBatch],
                 server_pid: int | None) -> tuple[float, float, float]:
    """Wall, client CPU and server CPU seconds of writing `writes` one write() each."""
    wall, cpu, server = time.perf_counter(), time.process_time(), process_cpu_seconds(server_pid)
    for batch in writes:
        store.write(batch)
    return (time.perf_counter() - wall, time.process_time() - cpu,
            process_cpu_seconds(server_pid) - server)


def row(name: str, count: int, wall: float, client: float, server: float, base: tuple[float, float],
        known_server: bool) -> list[str]:
    """One table row; `base` is the (el/s wall, el/s CPU) of the first writer, for the ratios."""
    both = client + server
    per_cpu = count / both if both else 0.0
    return [name, f"{count:,}", f"{wall:.1f}", f"{count / wall:,.0f}", f"{client:.1f}",
            f"{server:.1f}" if known_server else "n/a", f"{per_cpu:,.0f}",
            f"{count / wall / base[0]:.2f}×", f"{per_cpu / base[1]:.2f}×" if base[1] else "n/a"]


def measure(target: Neo4jTarget, n_claims: int, rounds: int, against: str | None,
            baseline_size: int) -> list[list[str]]:
    """The table rows for one corpus size."""
    writers = {"current": neo4j_store}
    if against:
        writers = {against: module_at(against), **writers}
    writes = list(corpus(n_claims))
    count = sum(map(elements, writes))
    stores = {name: module.Neo4jStore(target.url, user=target.user, password=target.password)
              for name, module in writers.items()}
    try:
        for store in stores.values():
            warm_up(store)
        pid = target.server_pid
        current = stores["current"]
        chunk = sample(n_claims, baseline_size)
        per_row = [GraphBatch(nodes=[n]) for n in chunk.nodes]
        per_row += [GraphBatch(relationships=[r]) for r in chunk.relationships]
        row_wall, row_client, row_server = timed_writes(current, per_row, pid)
        current.clear()
        best: dict[str, tuple[float, float, float]] = {}
        for round_number in range(rounds):
            for name, store in stores.items():
                store.clear()
                wall, client, server = timed_writes(store, writes, pid)
                console.print(f"{n_claims:,} claims, round {round_number + 1}, {name}: {wall:.1f} s wall, "
                              f"client {client:.1f} s, server {server:.1f} s CPU, "
                              f"load {os.getloadavg()[0]:.1f}")
                if name not in best or client + server < sum(best[name][1:]):
                    best[name] = (wall, client, server)
        current.clear()
    finally:
        for store in stores.values():
            store.close()
    known = pid is not None
    n_rows = len(per_row)
    base = (n_rows / row_wall, n_rows / (row_client + row_server))
    rows = [row(f"one tx per row (sample of {n_rows:,})", n_rows, row_wall, row_client, row_server, base,
                known)]
    rows += [row(name, count, *best[name], base, known) for name in stores]
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--against", metavar="REV", help="also run the writer at this git revision")
    parser.add_argument("--baseline-elements", type=int, default=1000)
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    with neo4j_target() as target:
        for n_claims in args.claims:
            rows = measure(target, n_claims, args.rounds, args.against, args.baseline_elements)
            table(f"Neo4j writer, {n_claims:,} claims in ~1,000-claim writes, best of {args.rounds} by CPU "
                  f"({target.where}; load average {load_before[0]:.1f} before, "
                  f"{os.getloadavg()[0]:.1f} after)",
                  ["writer", "elements", "wall s", "el/s wall", "client CPU s", "server CPU s",
                   "el per CPU-s", "ratio wall", "ratio CPU"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
