"""Extraction speed: bytes/s per core, growth with document size and reference count, memory.

    python -m bench.extract [--quick]

Everything runs through the ingest pipeline without a store (`ingest_paths`: read the article
and its .bib, split, find claims and evidence, build the GraphBatch), one process, CPU time
(`time.process_time`, so "per core"). Inputs:

- the demo article with references.bib;
- the real corpus: the non-blind JATS articles of tests/data/corpus/jats rendered as Markdown
  text with their printed reference list and a .bib, as the evaluation's text route reads them
  (ingest/jats.py reader, ingest/render.py; the files of blind.txt are never read);
- a 10x synthetic corpus: ten shuffles of each real article's paragraphs, with its .bib.

The baseline, run in the same process over the same bytes, is blingfire's sentence splitter (a
compiled library splitter that does far less): the ratio says how many times slower than bare
sentence splitting the whole extraction is. Growth: documents of 10 KB-1 MB made of corpus
paragraphs against one fixed set of references, and one 100 KB document against 10-1,000
references, with and without the article's own numbered reference list printed after the text;
the exponent is the least-squares slope of log(time) on log(size). Memory: peak
of Python allocations (tracemalloc) during one ingest, divided by the input's bytes.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from bench.common import console, table
from ingest.pipeline import _Article, _BibCache, _read_article, extract_article, ingest_paths

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
DEMO = (ROOT / "ingest" / "data" / "trauma-and-relationships.txt", ROOT / "references.bib")


def non_blind_jats() -> list[Path]:
    """The JATS articles not listed in blind.txt (held out: never opened here)."""
    blind = {line.strip() for line in (CORPUS / "blind.txt").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")}
    return sorted(p for p in (CORPUS / "jats").glob("*.xml") if f"jats/{p.name}" not in blind)


def render_corpus(directory: Path) -> list[tuple[Path, Path]]:
    """Each non-blind JATS article as <stem>.md and <stem>.bib in `directory`."""
    from ingest.readers import read_documents
    from ingest.render import render_text

    pairs = []
    for xml in non_blind_jats():
        text, bib = render_text(read_documents(xml)[0])
        article, references = directory / f"{xml.stem}.md", directory / f"{xml.stem}.bib"
        article.write_text(text, encoding="utf-8")
        references.write_text(bib, encoding="utf-8")
        pairs.append((article, references))
    return pairs


REFERENCES_HEADING = "\n\n## References\n\n"


def paragraphs_of(article: Path) -> list[str]:
    """Body paragraphs of a rendered article (headings and reference list left out)."""
    text = article.read_text(encoding="utf-8")
    body = text.split(REFERENCES_HEADING)[0]
    return [p for p in body.split("\n\n")[1:] if len(p) > 200 and not p.startswith("#")]


def synthetic_corpus(pairs: list[tuple[Path, Path]], directory: Path,
                     copies: int = 10) -> list[tuple[Path, Path]]:
    """`copies` shuffles of each article's paragraphs (with its reference list and .bib)."""
    rng = random.Random(9)
    made = []
    for article, bib in pairs:
        text = article.read_text(encoding="utf-8")
        head, _, references = text.partition(REFERENCES_HEADING)
        title, *paragraphs = head.split("\n\n")
        for copy in range(copies):
            rng.shuffle(paragraphs)
            path = directory / f"{article.stem}-synthetic-{copy}.md"
            path.write_text("\n\n".join([title, *paragraphs]) + REFERENCES_HEADING + references,
                            encoding="utf-8")
            made.append((path, bib))
    return made


def cpu(fn: Callable[[], object], repeat: int = 1) -> float:
    """Least CPU seconds of `repeat` calls."""
    best = math.inf
    for _ in range(repeat):
        started = time.process_time()
        fn()
        best = min(best, time.process_time() - started)
    return best


def ingest_split(pairs: list[tuple[Path, Path]]) -> tuple[float, float, float]:
    """CPU seconds of the whole ingest (ingest_paths), and within it of reading (article and
    BibTeX) and of extraction (extract_article: sentences, claims, evidence), summed."""
    total = reading = extraction = 0.0
    for article, bib in pairs:
        started = time.process_time()
        ingest_paths([article], [bib])
        total += time.process_time() - started
        started = time.process_time()
        documents, references = _read_article(_Article(article, [bib]), _BibCache(), [])
        middle = time.process_time()
        extract_article(documents, references)
        reading += middle - started
        extraction += time.process_time() - middle
    return total, reading, extraction


def blingfire_seconds(texts: list[str], repeat: int = 3) -> float:
    import blingfire

    return cpu(lambda: [blingfire.text_to_sentences(t) for t in texts], repeat)


def mb_per_s(size: int, seconds: float) -> str:
    return f"{size / seconds / 1e6:.2f}" if seconds > 0 else "∞"


def throughput_rows(name: str, pairs: list[tuple[Path, Path]], repeat: int) -> list[str]:
    texts = [a.read_text(encoding="utf-8") for a, _ in pairs]
    size = sum(len(t.encode()) for t in texts)
    total, best_read, best_extract = math.inf, math.inf, math.inf
    for _ in range(repeat):
        whole, reading, extraction = ingest_split(pairs)
        total, best_read = min(total, whole), min(best_read, reading)
        best_extract = min(best_extract, extraction)
    baseline = blingfire_seconds(texts)
    return [name, f"{len(pairs)}", f"{size / 1e3:,.0f}", f"{total:.2f}", mb_per_s(size, total),
            mb_per_s(size, best_extract), f"{best_read / total:.0%}", mb_per_s(size, baseline),
            f"{total / baseline:,.0f}×"]


# --- growth ----------------------------------------------------------------------------


def pooled_references(pairs: list[tuple[Path, Path]]) -> list[str]:
    """Every .bib entry of the corpus, keys prefixed with the article's stem so none collide."""
    entries = []
    for article, bib in pairs:
        for entry in re.split(r"\n(?=@)", bib.read_text(encoding="utf-8").strip()):
            entries.append(re.sub(r"^@(\w+)\{", lambda m, stem=article.stem: f"@{m.group(1)}{{{stem}-",
                                  entry, count=1))
    return entries


def printed_references(pairs: list[tuple[Path, Path]]) -> list[tuple[str, str]]:
    """(printed reference-list entry, its .bib entry) of every article whose rendered list and .bib
    have as many entries (render_text writes both in one order), keys prefixed as pooled_references."""
    pooled = []
    for article, bib in pairs:
        printed = [e for e in article.read_text(encoding="utf-8").split(REFERENCES_HEADING)[-1].split("\n\n")
                   if e.strip()]
        entries = [re.sub(r"^@(\w+)\{", lambda m, stem=article.stem: f"@{m.group(1)}{{{stem}-", entry,
                          count=1) for entry in re.split(r"\n(?=@)", bib.read_text(encoding="utf-8").strip())]
        if len(printed) == len(entries):
            pooled.extend(zip(printed, entries, strict=True))
    return pooled


def body_of_size(paragraphs: list[str], size: int) -> str:
    """Corpus paragraphs, in order and cycling, up to `size` bytes."""
    chosen, total, at = [], 0, 0
    while total < size:
        paragraph = paragraphs[at % len(paragraphs)]
        chosen.append(paragraph)
        total += len(paragraph.encode()) + 2
        at += 1
    return "# Synthetic article\n\n" + "\n\n".join(chosen) + "\n"


def exponent(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of log(seconds) on log(size)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    return (sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
            / sum((x - mean_x) ** 2 for x in xs))


def timed_ingest(directory: Path, text: str, bib: str, repeat: int) -> float:
    article, references = directory / "growth.md", directory / "growth.bib"
    article.write_text(text, encoding="utf-8")
    references.write_text(bib, encoding="utf-8")
    return cpu(lambda: ingest_paths([article], [references]), repeat)


def growth(pairs: list[tuple[Path, Path]], directory: Path, sizes: list[int], counts: list[int],
           repeat: int) -> None:
    paragraphs = [p for article, _ in pairs for p in paragraphs_of(article)]
    random.Random(3).shuffle(paragraphs)
    references = pooled_references(pairs)
    fixed_refs = "\n\n".join(references[:100]) + "\n"
    by_size = []
    for size in sizes:
        seconds = timed_ingest(directory, body_of_size(paragraphs, size), fixed_refs, repeat)
        by_size.append((size, seconds))
    rows = [[f"{size / 1e3:,.0f} KB", "100", f"{s:.3f}", mb_per_s(size, s)] for size, s in by_size]
    body = body_of_size(paragraphs, 100_000)
    by_count = []
    for count in counts:
        bib = "\n\n".join(random.Random(count).sample(references, min(count, len(references)))) + "\n"
        seconds = timed_ingest(directory, body, bib, repeat)
        by_count.append((count, seconds))
    rows += [["100 KB", f"{count:,}", f"{s:.3f}", mb_per_s(100_000, s)] for count, s in by_count]
    # the same with the article's own numbered reference list printed after the text (each entry
    # matched to a .bib record: number_references, merge_with_bib)
    printed = printed_references(pairs)
    by_listed = []
    for count in counts:
        chosen = random.Random(count).sample(printed, min(count, len(printed)))
        listed = "\n\n".join(f"{number}. {entry}" for number, (entry, _) in enumerate(chosen, start=1))
        bib = "\n\n".join(entry for _, entry in chosen) + "\n"
        seconds = timed_ingest(directory, body + REFERENCES_HEADING + listed + "\n", bib, repeat)
        by_listed.append((count, seconds))
    rows += [["100 KB + numbered list", f"{count:,}", f"{s:.3f}", mb_per_s(100_000, s)]
             for count, s in by_listed]
    table(f"Growth (exponent over size: {exponent(by_size):.2f}, over references: {exponent(by_count):.2f}, "
          f"with a printed list: {exponent(by_listed):.2f})",
          ["document", "references", "CPU s", "MB/s"], rows)


# --- memory ----------------------------------------------------------------------------


def memory(pairs: list[tuple[Path, Path]], directory: Path, sizes: list[int]) -> None:
    paragraphs = [p for article, _ in pairs for p in paragraphs_of(article)]
    fixed_refs = "\n\n".join(pooled_references(pairs)[:100]) + "\n"
    rows = []
    for size in sizes:
        text = body_of_size(paragraphs, size)
        article, references = directory / "memory.md", directory / "memory.bib"
        article.write_text(text, encoding="utf-8")
        references.write_text(fixed_refs, encoding="utf-8")
        input_bytes = len(text.encode()) + len(fixed_refs.encode())
        tracemalloc.start()
        ingest_paths([article], [references])
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rows.append([f"{size / 1e3:,.0f} KB", f"{input_bytes / 1e6:.2f}", f"{peak / 1e6:.1f}",
                     f"{peak / input_bytes:.1f}×"])
    table("Peak memory (Python allocations during one ingest)", ["document", "input MB", "peak MB",
                                                                  "peak / input"], rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.extract", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer sizes and repetitions")
    args = parser.parse_args(argv)
    repeat = 1 if args.quick else 3
    with tempfile.TemporaryDirectory(prefix="claimgraph-bench-") as tmp:
        directory = Path(tmp)
        console.print("rendering the non-blind JATS corpus …")
        pairs = render_corpus(directory)
        synthetic = synthetic_corpus(pairs, directory, copies=2 if args.quick else 10)
        console.print("throughput …")
        rows = [throughput_rows("demo", [DEMO], repeat * 3),
                throughput_rows("real corpus (JATS as text)", pairs, repeat),
                throughput_rows(f"synthetic ({len(synthetic) // len(pairs)}× corpus)", synthetic, 1)]
        largest = max(pairs, key=lambda p: p[0].stat().st_size)
        table("Extraction throughput, CPU time of one core (ingest pipeline, no store)",
              ["input", "files", "KB", "CPU s", "MB/s", "MB/s extraction only", "reading share",
               "blingfire MB/s", "slower than blingfire"], rows)
        seconds = cpu(lambda: ingest_paths([largest[0]], [largest[1]]), repeat * 3)
        console.print(f"largest article {largest[0].stem}: {largest[0].stat().st_size / 1e3:,.0f} KB "
                      f"in {seconds:.3f} s CPU")
        console.print("growth …")
        sizes = [10_000, 100_000, 1_000_000] if args.quick else [10_000, 30_000, 100_000, 300_000, 1_000_000]
        counts = [10, 100, 1000] if args.quick else [10, 30, 100, 300, 1000]
        growth(pairs, directory, sizes, counts, repeat)
        console.print("memory …")
        memory(pairs, directory, [10_000, 100_000, 1_000_000])


if __name__ == "__main__":
    main()
