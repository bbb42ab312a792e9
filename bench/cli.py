"""How long a person waits on the CLI: `claims`, `trace`, `stats` and an SVG/PNG export of one
claim's neighbourhood, on the demo store, each a fresh `python -m claimgraph` process.

    python -m bench.cli [--repeat 10]

Hyperfine-style: each command runs --repeat times after one warm-up run; reported are the median
and minimum wall time and the median CPU time (user + system, of the child). The baseline is
`python -c pass` in the same loop, i.e. interpreter start-up, which no change here can remove; on
a loaded machine the minimum and the CPU time are the fairer figures.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args(argv)
    from bench.common import table

    with tempfile.TemporaryDirectory() as tmp:
        store = str(Path(tmp) / "demo.db")
        env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIMGRAPH_STORE": store}
        env.pop("COLUMNS", None)
        subprocess.run([sys.executable, "-m", "claimgraph", "demo", "--no-app"], env=env, cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sys.path.insert(0, str(ROOT))
        from graph.model import ClaimFilter
        from graph.store import open_store

        with open_store(store, read_only=True) as opened:
            claim = opened.claims(ClaimFilter(status="cited"), limit=1).rows[0]["id"]
        export = ["-m", "claimgraph", "export", "--claim", claim, "--format"]
        commands = {
            "python -c pass (baseline)": ["-c", "pass"],
            "claimgraph claims": ["-m", "claimgraph", "claims"],
            "claimgraph trace ID": ["-m", "claimgraph", "trace", claim],
            "claimgraph stats": ["-m", "claimgraph", "stats"],
            "export --claim ID --format svg": [*export, "svg", "-o", str(Path(tmp) / "c.svg")],
            "export --claim ID --format png": [*export, "png", "-o", str(Path(tmp) / "c.png")],
        }
        rows = []
        for name, command in commands.items():
            run(command, env)
            walls, cpus = zip(*(run(command, env) for _ in range(args.repeat)), strict=True)
            rows.append([name, f"{statistics.median(walls):.3f}", f"{min(walls):.3f}",
                         f"{statistics.median(cpus):.3f}"])
            print(f"{name}: median {statistics.median(walls):.3f} s", file=sys.stderr)
    table(f"CLI latency on the demo store, seconds over {args.repeat} runs (load average "
          f"{os.getloadavg()[0]:.1f})", ["command", "median wall", "min wall", "median CPU"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
