"""SQLite writer layouts, same process, alternating runs: the current one against the previous one.

    python -m bench.writers [--claims 100000] [--rounds 2] [--one-write] [--against REV]

"previous" is the layout stores had before issue #9 item 4 (WITHOUT ROWID node tables keyed by the
hash id, 4 KiB pages, a claim text index with positions); "current" is what a new store gets now
(rowid node tables with the id in its unique index, 8 KiB pages, claim text index `detail = none`).
Both write the synthetic corpus of `bench.load` in ~1,000-claim writes
(one transaction each), or with --one-write as one write() (as the corpus ingest does). Prints
elements per second of wall time and of this process's CPU time (user + system): on a loaded
machine the CPU figure and the ratio are the result, wall time is mostly waiting for a core.
With --against REV the baseline is instead the whole writer as it was at git revision REV
(`graph/sqlite_store.py` of that commit, loaded as a module into this process) and "current" the one
in the working tree: an A/B of the code, not only of the layout.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path
from types import ModuleType

import graph.sqlite_store as sqlite_store
from bench.common import corpus, elements, table
from graph.model import GraphBatch

LAYOUTS = {"previous": {"ROWID_NODE_TABLES": False, "PAGE_SIZE": 0, "CLAIM_TEXT_DETAIL": "full"},
           "current": {"ROWID_NODE_TABLES": True, "PAGE_SIZE": 8192, "CLAIM_TEXT_DETAIL": "none"}}


def module_at(revision: str) -> ModuleType:
    """graph/sqlite_store.py as it was at a git revision, loaded as a module of its own."""
    root = Path(__file__).resolve().parent.parent
    source = subprocess.run(["git", "-C", str(root), "show", f"{revision}:graph/sqlite_store.py"],
                            check=True, capture_output=True, text=True).stdout
    module = ModuleType(f"sqlite_store_at_{revision}")
    exec(compile(source, f"{revision}:graph/sqlite_store.py", "exec"), module.__dict__)  # noqa: S102
    return module


def run(writes: list[GraphBatch], layout: dict[str, object], module: ModuleType = sqlite_store
        ) -> tuple[float, float]:
    """Wall and CPU seconds to write `writes` into a new store with this layout (of `module`'s writer)."""
    for name, value in layout.items():
        setattr(module, name, value)
    with tempfile.TemporaryDirectory() as tmp, module.SQLiteStore(Path(tmp) / "bench.db") as store:
        wall, cpu = time.perf_counter(), time.process_time()
        for batch in writes:
            store.write(batch)
        return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--one-write", action="store_true")
    parser.add_argument("--against", metavar="REV", help="baseline: the writer at this git revision")
    args = parser.parse_args(argv)
    if args.against:
        runs = {args.against: (module_at(args.against), {}), "current": (sqlite_store, {})}
    else:
        runs = {name: (sqlite_store, layout) for name, layout in LAYOUTS.items()}
    writes = list(corpus(args.claims))
    if args.one_write:
        whole = GraphBatch()
        for batch in writes:
            whole.extend(batch)
        writes = [whole]
    count = sum(map(elements, writes))
    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.rounds):
        for name, (module, layout) in runs.items():
            wall, cpu = run(writes, layout, module)
            best[name] = (min(wall, best.get(name, (wall, cpu))[0]), min(cpu, best.get(name, (wall, cpu))[1]))
    base_wall, base_cpu = best[next(iter(runs))]
    rows = [[name, f"{count:,}", f"{wall:.2f}", f"{count / wall:,.0f}", f"{base_wall / wall:.2f}×",
             f"{cpu:.2f}", f"{count / cpu:,.0f}", f"{base_cpu / cpu:.2f}×"]
            for name, (wall, cpu) in best.items()]
    table(f"SQLite writer, {args.claims:,} claims in {len(writes)} write(s), best of {args.rounds}",
          ["layout", "elements", "wall s", "el/s wall", "ratio", "CPU s", "el/s CPU", "ratio CPU"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
