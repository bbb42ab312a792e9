"""Reader view cost: Store.document_view plus reader_html for articles of 25 to 200 KB.

    python -m bench.reader [--sizes 25,50,100,200] [--repeat 5]

Each article is the bundled demo's text repeated (headings renamed so sections stay apart),
ingested with references.bib into a fresh SQLite store. Reported per size: the median of
--repeat runs of the store read (document_view), of building the HTML (reader_html), and
their sum; the baseline is html.escape of the same text in the same process, so the ratio
says how many plain escapes of the article the whole view costs. The target is a 100 KB
article in at most 1 s.
"""

from __future__ import annotations

import argparse
import html
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_ARTICLE = ROOT / "ingest" / "data" / "trauma-and-relationships.txt"
DEMO_BIB = ROOT / "references.bib"


def article_of(size_kb: int) -> str:
    """The demo's article body (up to its sign-off, before references and comments) repeated to
    about `size_kb` KB, each copy's headings numbered, with the reference list once at the end."""
    text = DEMO_ARTICLE.read_text("utf-8")
    title, rest = text.split("\n", 1)
    body, tail = rest.split("P.S. You can schedule", 1)
    references = tail[tail.index("Herman, Judith"):tail.index("  1. Liza Webb")]
    copies = []
    for number in range(max(1, round(size_kb * 1024 / len(body.encode("utf-8"))))):
        copies.append(body.replace("Relationships", f"Relationships (part {number + 1})"))
    return f"{title}\n" + "\n\n".join(copies) + "\n\n" + references


def median_seconds(call, repeat: int) -> float:
    """The median wall time of `repeat` calls."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(size_kb: int, repeat: int, folder: Path) -> dict[str, float]:
    """Seconds for document_view, reader_html and the html.escape baseline at one size."""
    from claimgraph.explorer.reader_html import reader_html
    from graph.store import open_store
    from ingest.pipeline import ingest_text

    text = article_of(size_kb)
    result = ingest_text(text, f"reader-{size_kb}kb.txt", bib_text=DEMO_BIB.read_text("utf-8"))
    path = folder / f"reader-{size_kb}.db"
    with open_store(str(path)) as store:
        store.write(result.batch)
    with open_store(str(path), read_only=True) as store:
        document_id = next(d["id"] for d in store.documents() if d.get("kind") == "article")
        view = store.document_view(document_id)
        read = median_seconds(lambda: store.document_view(document_id), repeat)
    build = median_seconds(lambda: reader_html(view), repeat)
    baseline = median_seconds(lambda: html.escape(text), max(repeat, 20))
    return {"kb": len(text.encode("utf-8")) / 1024, "claims": len(view["claims"]), "read": read,
            "build": build, "total": read + build, "baseline": baseline}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="25,50,100,200", help="article sizes in KB, comma-separated")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'size':>8} {'claims':>7} {'document_view':>14} {'reader_html':>12} {'total':>8} "
          f"{'html.escape':>12} {'ratio':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            row = measure(size, args.repeat, Path(folder))
            ratio = row["total"] / row["baseline"]
            print(f"{row['kb']:7.0f}K {row['claims']:7d} {row['read']:13.3f}s {row['build']:11.3f}s "
                  f"{row['total']:7.3f}s {row['baseline'] * 1000:10.2f}ms {ratio:8.0f}")


if __name__ == "__main__":
    main()
