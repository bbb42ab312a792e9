"""End-to-end corpus ingest into SQLite: N real-size articles, one process against all cores.

    python -m bench.corpus [N ...] [--source jats|demo] [--jobs J ...]

N articles (default 1 10 100 1000) are copied into a temporary folder, cycling
through the non-blind JATS articles of tests/data/corpus/jats (never those in
tests/data/corpus/blind.txt; from the second round on each copy gets its own
DOI/ids and title, so it is a new article to the corpus ingest), or through
copies of the demo article with its .bib (`--source demo`). Each run is
`claimgraph ingest FOLDER --jobs J` into a new SQLite store, in a fresh process,
so the wall time covers imports, reading, extraction, resolution and the write,
and the peak RSS is that run's (main process and, separately, the largest
worker); the CPU seconds of the main process and of all its workers say what the run cost on a
machine whose wall time is shared with other work. The baseline is the same ingest with
--jobs 1; the last column is its wall time over this run's.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.memory import peak_kib

ROOT = Path(__file__).resolve().parent.parent
JATS = ROOT / "tests" / "data" / "corpus" / "jats"
BLIND = ROOT / "tests" / "data" / "corpus" / "blind.txt"
DEMO = ROOT / "ingest" / "data"


def sources(kind: str) -> list[tuple[Path, Path | None]]:
    """(article, its .bib or None) to cycle through."""
    if kind == "demo":
        return [(DEMO / "trauma-and-relationships.txt", DEMO / "references.bib")]
    lines = [line.strip() for line in BLIND.read_text().splitlines()]
    blind = {line for line in lines if line and not line.startswith("#")}
    return [(p, None) for p in sorted(JATS.glob("*.xml")) if f"jats/{p.name}" not in blind]


def distinct(xml: str, copy: int) -> str:
    """A JATS article as copy number `copy`: its ids (DOI, PMID, …) and title changed, so the corpus
    ingest sees a new article and does not fold it into the original."""
    xml = re.sub(r"(<article-id[^>]*>)([^<]+)(</article-id>)", rf"\g<1>\g<2>.copy{copy}\g<3>", xml)
    return re.sub(r"<article-title>", f"<article-title>Copy {copy}: ", xml, count=1)


def build_folder(folder: Path, n: int, kind: str) -> int:
    """Copy n articles (with .bib files) into folder; return their total bytes."""
    folder.mkdir(parents=True)
    pool = sources(kind)
    total = 0
    for i in range(n):
        article, bib = pool[i % len(pool)]
        target = folder / f"a{i:05d}-{article.stem}{article.suffix}"
        copy = i // len(pool)
        if copy and article.suffix == ".xml":  # another real-size article, not the same one again
            target.write_text(distinct(article.read_text(encoding="utf-8"), copy), encoding="utf-8")
        else:
            shutil.copy(article, target)
        total += target.stat().st_size
        if bib:
            shutil.copy(bib, target.with_suffix(".bib"))
    return total


def run_once(folder: str, store: str, jobs: int) -> dict[str, float]:
    """One ingest in this process (called in a fresh child by `measure`)."""
    started = time.perf_counter()
    from claimgraph.cli import main as cli_main

    with contextlib.redirect_stdout(sys.stderr):
        try:
            code = cli_main(["--store", store, "ingest", folder, "--jobs", str(jobs)])
        except SystemExit as stop:
            code = stop.code
    wall = time.perf_counter() - started
    with sqlite3.connect(store) as conn:
        tables = ("document", "claim", "evidence", "source", "author", "rel")
        elements = sum(conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables)  # noqa: S608
        documents = conn.execute("SELECT COUNT(*) FROM document WHERE kind = 'article'").fetchone()[0]
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"code": code or 0, "wall": wall, "elements": elements, "documents": documents,
            "rss_mb": peak_kib() / 1024, "worker_rss_mb": workers.ru_maxrss / 1024,
            "cpu_main": own.ru_utime + own.ru_stime, "cpu_workers": workers.ru_utime + workers.ru_stime}


def measure(folder: Path, jobs: int, tmp: Path) -> dict[str, float]:
    store = tmp / f"store-{jobs}-{time.monotonic_ns()}.db"
    command = [sys.executable, "-m", "bench.corpus", "--child", str(folder), str(store), str(jobs)]
    out = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    if out.returncode != 0:
        raise SystemExit(f"ingest failed: {out.stderr.strip()[-500:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="*", default=[1, 10, 100, 1000])
    parser.add_argument("--source", choices=("jats", "demo"), default="jats")
    parser.add_argument("--jobs", type=int, nargs="+", default=[os.cpu_count() or 1])
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        folder, store, jobs = args.child
        print(json.dumps(run_once(folder, store, int(jobs))))
        return 0
    from bench.common import table

    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for n in args.sizes:
            folder = tmp / f"corpus-{n}"
            size = build_folder(folder, n, args.source)
            baseline = measure(folder, 1, tmp)
            for jobs in sorted({1, *args.jobs}):
                result = baseline if jobs == 1 else measure(folder, jobs, tmp)
                print(f"{n} articles ({size / 1e6:.1f} MB), --jobs {jobs}: {result['wall']:.1f} s",
                      file=sys.stderr)
                rows.append([f"{n:,}", f"{size / 1e6:.1f}", str(jobs), f"{result['wall']:.1f}",
                             f"{result['documents'] / result['wall']:.2f}",
                             f"{result['elements'] / result['wall']:,.0f}",
                             f"{size / 1e6 / result['wall']:.2f}",
                             f"{result['rss_mb']:.0f} / {result['worker_rss_mb']:.0f}",
                             f"{result['cpu_main']:.1f} / {result['cpu_workers']:.1f}",
                             f"{baseline['wall'] / result['wall']:.2f}×"])
    table(f"Corpus ingest into SQLite ({args.source} articles, {os.cpu_count()} cores), baseline --jobs 1",
          ["articles", "MB", "jobs", "wall s", "docs/s", "elements/s", "MB/s", "peak RSS MB (main / worker)",
           "CPU s (main / workers)", "speed-up"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
