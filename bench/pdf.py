"""PDF libraries compared on the real PDFs: pages per second and text quality, same run.

    python -m bench.pdf [--repeat 3] [--extra DIR ...]

For each non-blind PDF in tests/data/corpus/pdf (its .xml is the publisher's text) and each
library's plain-text extraction (PyMuPDF `page.get_text()`, pypdfium2 `get_text_range()`,
pdfplumber `extract_text()`) plus ClaimGraph's reader (ingest.pdf, built on pypdfium2):
- pages/s: pages divided by the best of --repeat wall-clock runs (open + extract all pages);
- body recall: share of the XML body's words (<body>, figure captions and tables excluded)
  found in the extraction, as a multiset (each occurrence counts once);
- refs recall: the same for the words of the XML reference list;
- body order: share of the body's word 8-grams found in the extraction (reading order, joined
  hyphenation and no running heads in the middle of sentences all raise it);
- noise: share of the extraction's words that are in neither the XML's body, back matter nor
  front matter (running heads, page numbers, line numbers, broken words).
The last row per file is the ratio of ClaimGraph's reader speed to raw pypdfium2 (baseline).

`--time` (also part of the full run): the PDF route end to end per file (and every PDF of each
`--extra DIR`, e.g. the fetched set kept outside the repository,
`--extra /work/fetched/tests/data/corpus/fresh-pdf`), best of --repeat: reading (ingest.pdf.read_pdf)
and reading + extraction (ingest.pipeline.extract_article against the parsed list), with the time a
20-page paper takes at that rate (the issue's target: <= 2 s), in wall time and in process (CPU) time.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
PDFS = ("elife-03318", "elife-08245", "tinf-33-e200068")  # elife-10635 is blind


def words(text: str) -> list[str]:
    import anyascii

    text = text.replace("\ufffe", "").replace("\xad", "")
    return re.findall(r"[a-z0-9]+", anyascii.anyascii(text).lower())


def xml_parts(path: Path) -> tuple[str, str, str]:
    """(body text without figures/tables, reference-list text, all text) of a JATS file."""
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
    root = tree.getroot()
    body = root.find(".//body")
    drop = {"fig", "table-wrap", "supplementary-material", "disp-formula", "boxed-text"}
    body_text = []
    if body is not None:
        for node in body.iter():
            if etree.QName(node).localname in drop:
                continue
            parents = {etree.QName(a).localname for a in node.iterancestors()}
            if parents & drop:
                continue
            body_text.append(node.text or "")
            if etree.QName(node.getparent()).localname not in drop:
                body_text.append(node.tail or "")
    refs = " ".join(" ".join(r.itertext()) for r in root.iter("ref"))
    sub = root.find(".//sub-article")
    if sub is not None:
        sub.getparent().remove(sub)
    return " ".join(body_text), refs, " ".join(root.itertext())


def recall(gold: list[str], got: list[str]) -> float:
    want, have = Counter(gold), Counter(got)
    return sum(min(n, have[w]) for w, n in want.items()) / max(1, sum(want.values()))


def ngram_recall(gold: list[str], got: list[str], n: int = 8) -> float:
    grams = {tuple(got[i:i + n]) for i in range(len(got) - n + 1)}
    wanted = [tuple(gold[i:i + n]) for i in range(len(gold) - n + 1)]
    return sum(g in grams for g in wanted) / max(1, len(wanted))


def with_pymupdf(path: Path) -> tuple[str, int]:
    import pymupdf

    with pymupdf.open(str(path)) as doc:
        return "\n".join(page.get_text() for page in doc), len(doc)


def with_pypdfium2(path: Path) -> tuple[str, int]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc))), len(doc)
    finally:
        doc.close()


def with_pdfplumber(path: Path) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(str(path)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages), len(doc.pages)


def with_claimgraph(path: Path) -> tuple[str, int]:
    from ingest.pdf import read_pdf

    doc = read_pdf(path)[0]
    return doc.text, max((box.page for box in doc.layout), default=0)


LIBRARIES: dict[str, Callable[[Path], tuple[str, int]]] = {
    "pymupdf 1.x (AGPL)": with_pymupdf,
    "pypdfium2 (BSD/Apache)": with_pypdfium2,
    "pdfplumber (MIT)": with_pdfplumber,
    "claimgraph ingest.pdf": with_claimgraph,
}


def citation_links(name: str) -> tuple[int, int, int]:
    """(links found, links in the publisher's XML, links both agree on) for one PDF, counted as
    a multiset of cited references per article: every `<xref ref-type="bibr">` in the XML
    is one gold link to its reference; every source of an evidence span of the PDF route
    (ingest.pdf, then the pipeline's extraction against the PDF's own parsed reference list) is
    one found link (front matter and body count, the reference list, back matter and peer-review
    sub-articles do not). Gold references are paired with parsed entries as bench.reflist does."""
    from bench.reflist import gold_references, match_references
    from ingest.pipeline import extract_article

    xml = CORPUS / "pdf" / f"{name}.xml"
    doc = read_pdf_document(CORPUS / "pdf" / f"{name}.pdf")
    extraction = extract_article([doc], doc.references)
    found = Counter(key for analysis in extraction.analyses for item in analysis.evidence
                    for key in item.sources)
    pairs = match_references(gold_references(xml), doc.references)
    key_of = {rid: ref.key for rid, (_gold, ref) in pairs.items()}  # type: ignore[attr-defined]
    tree = etree.parse(str(xml), etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
    gold: Counter[str] = Counter()
    for xref in tree.getroot().iter("xref"):
        ancestors = {etree.QName(a).localname for a in xref.iterancestors()}
        outside = ancestors & {"ref-list", "sub-article", "back"}
        if xref.get("ref-type") == "bibr" and not outside:
            for rid in (xref.get("rid") or "").split():
                gold[key_of.get(rid, f"unmatched:{rid}")] += 1
    agree = sum(min(n, found[key]) for key, n in gold.items())
    return sum(found.values()), sum(gold.values()), agree


def read_pdf_document(path: Path):  # noqa: ANN201 - ParsedDocument
    from ingest.pdf import read_pdf

    return read_pdf(path)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--links", action="store_true", help="only the citation-link table")
    parser.add_argument("--time", action="store_true", help="only the end-to-end timing table")
    parser.add_argument("--extra", type=Path, action="append", default=[], metavar="DIR",
                        help="also time every PDF in DIR (repeatable), e.g. a fetched set kept outside "
                             "the repository: /work/fetched/tests/data/corpus/fresh-pdf")
    args = parser.parse_args()
    for folder in args.extra:
        if not folder.is_dir() or not any(folder.glob("*.pdf")):
            parser.error(f"--extra {folder}: not a folder with .pdf files")
    if args.links:
        print_links()
        return
    if args.time:
        print_times(args.repeat, args.extra)
        return
    header = f"{'file':<17} {'extractor':<24} {'pages':>5} {'pages/s':>8} {'body rec':>8} {'refs rec':>8} " \
             f"{'order':>6} {'noise':>6}"
    print(header)
    totals: dict[str, list[float]] = {}
    for name in PDFS:
        body, refs, everything = xml_parts(CORPUS / "pdf" / f"{name}.xml")
        body_words, ref_words, known = words(body), words(refs), set(words(everything))
        rates: dict[str, float] = {}
        for label, extract in LIBRARIES.items():
            best = float("inf")
            for _ in range(args.repeat):
                started = time.perf_counter()
                text, pages = extract(CORPUS / "pdf" / f"{name}.pdf")
                best = min(best, time.perf_counter() - started)
            got = words(text)
            rates[label] = pages / best
            noise = sum(w not in known for w in got) / max(1, len(got))
            row = (recall(body_words, got), recall(ref_words, got), ngram_recall(body_words, got), noise)
            totals.setdefault(label, []).extend([pages, best, *row])
            print(f"{name:<17} {label:<24} {pages:>5} {rates[label]:>8.0f} {row[0]:>8.3f} {row[1]:>8.3f} "
                  f"{row[2]:>6.3f} {row[3]:>6.3f}")
        ratio = rates["pypdfium2 (BSD/Apache)"] / rates["claimgraph ingest.pdf"]
        print(f"{name:<17} {'ingest.pdf / pypdfium2':<24} reader takes {ratio:.1f}x raw pypdfium2 "
              "extraction time")
    print_links()
    print_times(args.repeat, args.extra)
    print("\nall three files")
    for label, values in totals.items():
        chunks = [values[i:i + 6] for i in range(0, len(values), 6)]
        pages, seconds = sum(c[0] for c in chunks), sum(c[1] for c in chunks)
        means = [sum(c[k] for c in chunks) / len(chunks) for k in range(2, 6)]
        print(f"{'mean':<17} {label:<24} {pages:>5.0f} {pages / seconds:>8.0f} {means[0]:>8.3f} "
              f"{means[1]:>8.3f} "
              f"{means[2]:>6.3f} {means[3]:>6.3f}")


def print_times(repeat: int, extra: list[Path] | None = None) -> None:
    """Reading and reading + extraction of each PDF (the corpus's, then every PDF of each `extra`
    folder), best of `repeat`, and per 20 pages."""
    from ingest.pdf import read_pdf
    from ingest.pipeline import extract_article

    print(f"\n{'file':<17} {'pages':>5} {'read s':>7} {'+extract s':>10} {'20 pages s':>10} {'cpu s':>6} "
          f"{'20p cpu s':>9}   "
          "(PDF route end to end, best of --repeat; cpu: process time of the whole, which a loaded "
          "machine inflates less than wall time)")
    paths = [CORPUS / "pdf" / f"{name}.pdf" for name in PDFS]
    paths += [path for folder in extra or [] for path in sorted(folder.glob("*.pdf"))]
    for path in paths:
        name = path.stem[:17]
        read_best = total_best = cpu_best = float("inf")
        pages = 0
        for _ in range(repeat):
            started, cpu_started = time.perf_counter(), time.process_time()
            doc = read_pdf(path)[0]
            read_done = time.perf_counter()
            extract_article([doc], doc.references)
            finished = time.perf_counter()
            read_best, total_best = min(read_best, read_done - started), min(total_best, finished - started)
            cpu_best = min(cpu_best, time.process_time() - cpu_started)
            pages = max((box.page for box in doc.layout), default=1)
        print(f"{name:<17} {pages:>5} {read_best:>7.2f} {total_best:>10.2f} {total_best * 20 / pages:>10.2f} "
              f"{cpu_best:>6.2f} {cpu_best * 20 / pages:>9.2f}")


def print_links() -> None:
    print(f"\n{'file':<17} {'found':>6} {'gold':>6} {'agree':>6} {'P':>6} {'R':>6} {'F1':>6}   "
          "(PDF route, citation links as a multiset per article)")
    sums = [0, 0, 0]
    for name in PDFS:
        found, gold, agree = citation_links(name)
        sums = [sums[0] + found, sums[1] + gold, sums[2] + agree]
        _print_prf(name, found, gold, agree)
    _print_prf("pooled", *sums)


def _print_prf(name: str, found: int, gold: int, agree: int) -> None:
    precision, recall = agree / max(1, found), agree / max(1, gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{name:<17} {found:>6} {gold:>6} {agree:>6} {precision:>6.3f} {recall:>6.3f} {f1:>6.3f}")


if __name__ == "__main__":
    main()
