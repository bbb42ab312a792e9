"""Evaluate claim -> source links against a labelled set.

    python -m ingest.evaluate [DIR] [--verbose]
    python -m ingest.evaluate --jats [DIR ...] [--blind] [--routes jats,text+bib,text,pdf] [--verbose]

DIR (default tests/data/eval) holds articles (.txt, .md, .html), BibTeX files and
`expected.json`: {"documents": {FILE: [{"claim": SUBSTRING, "sources": [KEY, ...]}]}}.
Each article is ingested on its own with `<stem>.bib` if present, else `references.bib`.
A predicted link is (file, claim, source key) where the claim's evidence cites the key;
a claim not listed must link to nothing. Prints precision, recall, F1 and counts.

`--jats` scores every citation route against the publisher's xref links of JATS articles
(default: tests/data/corpus/jats and tests/data/corpus/pdf, held-out articles excluded; `--blind`
runs only those); see ingest/evaluate_jats.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from graph.schema import Label, RelType
from ingest.model import InputError

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "eval"
Link = tuple[str, str, str]  # (file, claim text, source key)


@dataclass
class EvalReport:
    """Counts and the individual misses and false links of one evaluation run."""

    true_positives: list[Link] = field(default_factory=list)
    false_positives: list[Link] = field(default_factory=list)
    false_negatives: list[Link] = field(default_factory=list)
    unmatched_labels: list[tuple[str, str]] = field(default_factory=list)
    documents: int = 0
    claims: int = 0

    @property
    def precision(self) -> float:
        found = len(self.true_positives) + len(self.false_positives)
        return len(self.true_positives) / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = len(self.true_positives) + len(self.false_negatives)
        return len(self.true_positives) / expected if expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def load_expected(directory: Path) -> dict[str, list[dict]]:
    """The labelled links of a directory, checked for shape."""
    path = directory / "expected.json"
    if not path.is_file():
        raise InputError(str(path), "no expected.json here", hint="Point to a directory with labelled links.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise InputError(str(path), f"not valid JSON ({err.msg})", err.lineno,
                         "Fix the JSON syntax.") from None
    documents = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(documents, dict):
        raise InputError(str(path), "missing the 'documents' object",
                         hint="See ingest/evaluate.py for the format.")
    for name, entries in documents.items():
        if not (directory / name).is_file():
            raise InputError(str(path), f"labels name {name}, which is not in {directory}",
                             hint="Add the file or remove its labels.")
        if not isinstance(entries, list) or not all(
                isinstance(e, dict) and isinstance(e.get("claim"), str) and isinstance(e.get("sources"), list)
                for e in entries):
            raise InputError(str(path), f"labels of {name} must be objects with 'claim' and 'sources'")
    return documents


def bib_for(article: Path) -> list[Path]:
    """`<stem>.bib` next to the article if there is one, else the shared references.bib."""
    own = article.with_suffix(".bib")
    shared = article.parent / "references.bib"
    return [own] if own.is_file() else [shared] if shared.is_file() else []


def predicted_links(article: Path) -> tuple[dict[str, set[str]], list[str]]:
    """Claim text -> source keys its evidence cites, and every claim text, for one article."""
    from ingest.pipeline import ingest_paths

    batch = ingest_paths([article], bib_for(article)).batch
    cites: dict[str, set[str]] = {}
    for rel in batch.relationships:
        if rel.type == RelType.CITES and rel.start.startswith("evidence:"):
            cites.setdefault(rel.start, set()).update(rel.props["key"].split(", "))  # the article's keys
    claims = {n.id: n.props["text"] for n in batch.nodes_by_label(Label.CLAIM)}
    links: dict[str, set[str]] = {text: set() for text in claims.values()}
    for rel in batch.relationships:
        if rel.type == RelType.SUPPORTED_BY:
            links[claims[rel.start]] |= cites.get(rel.end, set())
    return links, list(claims.values())


def evaluate(directory: Path = DEFAULT_DIR) -> EvalReport:
    """Ingest every labelled article of `directory` and compare its links with the labels."""
    directory = Path(directory)
    report = EvalReport()
    for name, entries in sorted(load_expected(directory).items()):
        links, claim_texts = predicted_links(directory / name)
        report.documents += 1
        report.claims += len(claim_texts)
        expected: dict[str, set[str]] = {text: set() for text in claim_texts}
        for entry in entries:
            matches = [t for t in claim_texts if entry["claim"] in t]
            if len(matches) != 1:
                report.unmatched_labels.append((name, entry["claim"]))
                report.false_negatives.extend((name, entry["claim"], key) for key in entry["sources"])
                continue
            expected[matches[0]] |= set(entry["sources"])
        for text in claim_texts:
            got, want = links.get(text, set()), expected[text]
            report.true_positives.extend((name, text, k) for k in sorted(got & want))
            report.false_positives.extend((name, text, k) for k in sorted(got - want))
            report.false_negatives.extend((name, text, k) for k in sorted(want - got))
    return report


def format_report(report: EvalReport, verbose: bool = False) -> str:
    """The lines `python -m ingest.evaluate` prints."""
    lines = [
        f"documents: {report.documents}  claims: {report.claims}  "
        f"expected links: {len(report.true_positives) + len(report.false_negatives)}  "
        f"predicted links: {len(report.true_positives) + len(report.false_positives)}",
        f"true positives: {len(report.true_positives)}  false positives: {len(report.false_positives)}  "
        f"false negatives: {len(report.false_negatives)}",
        f"precision: {report.precision:.3f}  recall: {report.recall:.3f}  F1: {report.f1:.3f}",
    ]
    if verbose:
        lines += [f"MISS   {f}: {t[:80]!r} -> {k}" for f, t, k in report.false_negatives]
        lines += [f"FALSE  {f}: {t[:80]!r} -> {k}" for f, t, k in report.false_positives]
        lines += [f"LABEL  {f}: no single claim contains {t!r}" for f, t in report.unmatched_labels]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIR),
                        help="labelled set (default: %(default)s)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false link")
    parser.add_argument("--jats", nargs="*", metavar="DIR", default=None,
                        help="score the citation routes against JATS articles' own links "
                             "(default dirs: tests/data/corpus/jats and tests/data/corpus/pdf)")
    parser.add_argument("--blind", action="store_true",
                        help="with --jats: only the held-out articles of tests/data/corpus/blind.txt")
    parser.add_argument("--routes", default="jats,text+bib,text,pdf",
                        help="with --jats: comma-separated routes (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.jats is not None:
        return _main_jats(args)
    try:
        report = evaluate(Path(args.directory))
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(format_report(report, args.verbose))
    return 0


def _main_jats(args: argparse.Namespace) -> int:
    """`--jats`: per-route, per-style marker- and claim-level scores against the publisher's links."""
    from ingest.evaluate_jats import DEFAULT_DIRS, ROUTES, evaluate_corpus, format_results

    routes = [r.strip() for r in args.routes.split(",") if r.strip()]
    unknown = [r for r in routes if r not in ROUTES]
    if unknown:
        print(f"error: unknown route(s) {', '.join(unknown)}; choose from {', '.join(ROUTES)}",
              file=sys.stderr)
        return 2
    directories = [Path(d) for d in args.jats] or list(DEFAULT_DIRS)
    try:
        results = evaluate_corpus(directories, blind=args.blind, routes=routes,
                                  progress=lambda line: print(line, file=sys.stderr, flush=True))
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{'blind' if args.blind else 'development'} articles: {len(results)}")
    print(format_results(results, routes, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
