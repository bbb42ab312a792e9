"""Checks shared by the tests of the fresh stance sets (tests/data/support/stance-fresh*.jsonl).

The sets' articles are fetched data and are not in the repository (they live under /work/fetched, at the
same relative paths; each set's README names the public repository, commit and path of every file and its
sha256). So the tests check what the repository holds — every record has the six keys, a label, an
article of its set, its marker inside its sentence; no duplicates; the records are labels.tsv's stances
and cues in order; the README has a row with a checksum for every article — and the checks against the
articles themselves (a real ref id, the sentence in a paragraph that cites the ref as the marker prints
it, the README's DOI and sha256 of each file, each DOI new to the repository, the records exactly what
`sample.py list` draws) take a data root. Those are run by hand, where the articles are:

    python -m tests.stance_sets --data-root /work/fetched fresh fresh2 fresh3 fresh4

and tested here on a hand-written JATS article (tests/test_stance_sets.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from lxml import etree

from tests.test_support_labels import STANCES, collapse, stance_errors

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "data" / "support"
KEYS = {"article", "sentence", "rid", "marker", "stance", "cue"}
SHA256 = re.compile(r"\b[0-9a-f]{64}\b")


def load_records(records: Path) -> list[dict]:
    """Every line of a stance .jsonl file parsed as one JSON object."""
    return [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines() if line.strip()]


Paragraphs = tuple[tuple[str, frozenset[tuple[str, str]]], ...]


def article_index(path: Path) -> tuple[frozenset[str], Paragraphs]:
    """(ref ids, ((paragraph text, {(rid, marker)} of its bibr xrefs), ...)) of one JATS file."""
    tree = etree.parse(str(path))
    ref_ids = frozenset(ref.get("id") for ref in tree.iter("ref") if ref.get("id"))
    paragraphs = []
    for p in tree.iter("p"):
        cites = frozenset((rid, collapse("".join(x.itertext())))
                          for x in p.iter("xref") if x.get("ref-type") == "bibr"
                          for rid in (x.get("rid") or "").split())
        paragraphs.append((collapse("".join(p.itertext())), cites))
    return ref_ids, tuple(paragraphs)


def record_errors(record: dict, name: str, data_root: Path | None = None) -> list[str]:
    """Every way one record of the set `name` is wrong; empty when it is right. Without `data_root` only
    what the record itself shows (keys, label, article of the set, marker in the sentence); with it also
    its article at `data_root / record['article']`: a real ref id, the sentence in a paragraph citing
    that ref printed as the marker."""
    if not isinstance(record, dict) or set(record) != KEYS:
        return [f"keys {sorted(record) if isinstance(record, dict) else type(record)} != {sorted(KEYS)}"]
    errors = [f"{key} is not a non-empty string" for key in sorted(KEYS)
              if not isinstance(record[key], str) or not record[key].strip()]
    if errors:
        return errors
    if not re.fullmatch(rf"tests/data/support/{re.escape(name)}/[\w.\-]+\.xml", record["article"]):
        return [f"article {record['article']!r} is not a {name} JATS file"]
    if data_root is None:
        errors = [] if record["stance"] in STANCES else [f"stance {record['stance']!r} is not a label"]
        if record["marker"] not in record["sentence"]:
            errors.append("marker is not inside the sentence")
        return errors
    path = data_root / record["article"]
    if not path.is_file():
        return [f"article {record['article']!r} is not a file under {data_root}"]
    ref_ids, paragraphs = article_index(path)
    if record["rid"] not in ref_ids:
        errors.append(f"rid {record['rid']!r} is no <ref id> of {record['article']}")
    return errors + stance_errors(record, paragraphs)


def file_errors(records: list[dict], name: str, data_root: Path | None = None) -> list[str]:
    """Errors of every record, plus duplicates, each prefixed with its line number."""
    errors = [f"line {n}: {e}" for n, rec in enumerate(records, 1)
              for e in record_errors(rec, name, data_root)]
    keys = [(r.get("article"), r.get("rid"), r.get("sentence"), r.get("marker")) for r in records
            if isinstance(r, dict)]
    errors += [f"duplicate record {key}" for key in {k for k in keys if keys.count(k) > 1}]
    return errors


def label_rows(folder: Path) -> list[list[str]]:
    """The (candidate id, stance, cue) rows of a set's labels.tsv."""
    return [line.split("\t") for line in (folder / "labels.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def labels_errors(folder: Path, records: list[dict]) -> list[str]:
    """Where the records are not labels.tsv's stances and cues, one record per label, in order (the
    records are built from the labels by `sample.py build`)."""
    rows = label_rows(folder)
    errors = [f"{len(records)} records for {len(rows)} labels"] if len(rows) != len(records) else []
    errors += [f"label {row[0]}: {row[1:]} but record {n} says {[rec.get('stance'), rec.get('cue')]}"
               for n, (row, rec) in enumerate(zip(rows, records, strict=False), 1)
               if row[1:] != [rec.get("stance"), rec.get("cue")]]
    return errors


def readme_rows_errors(folder: Path, records: list[dict]) -> list[str]:
    """Each article the records name without a README row ('| name |') holding a sha256."""
    readme = (folder / "README.md").read_text(encoding="utf-8").splitlines()
    errors = []
    for name in sorted({Path(r["article"]).name for r in records}):
        rows = [line for line in readme if line.startswith(f"| {name} |")]
        if not any(SHA256.search(row) for row in rows):
            errors.append(f"{name}: no README row with its sha256")
    return errors


def doi(path: Path) -> str:
    """The article DOI of one JATS file."""
    found = etree.parse(str(path)).xpath("//article-meta/article-id[@pub-id-type='doi']/text()")
    return found[0].strip() if found else ""


def readme_errors(folder: Path, articles: Path, repositories: tuple[str, ...] = ()) -> list[str]:
    """What the set's README (in `folder`) leaves out about the article files in `articles`: a row, the
    DOI and the sha256 of each, and each source repository named (empty when it gives everything)."""
    readme = (folder / "README.md").read_text(encoding="utf-8")
    errors = []
    for path in sorted(articles.glob("*.xml")):
        if path.name not in readme:
            errors.append(f"{path.name}: no row")
        if doi(path) not in readme:
            errors.append(f"{path.name}: no DOI")
        if hashlib.sha256(path.read_bytes()).hexdigest() not in readme:
            errors.append(f"{path.name}: no sha256")
    return errors + [f"{repo}: not named" for repo in repositories if repo not in readme]


def found_elsewhere(name: str, articles: Path) -> list[str]:
    """'file (doi) already occurs in PATH' for each article DOI of the set that a data file of tests/data
    outside the set's own files, docs/ or the README names (a fresh set must be new; the fourth set's
    articles are also the citation-linking set corpus/fresh4, collected with it, whose provenance is in
    tests/data/corpus/fresh4/ or, once its files left the repository, docs/data/fresh4.md)."""
    dois = {path.name: doi(path) for path in articles.glob("*.xml")}
    suffixes = {".xml", ".jsonl", ".json", ".md", ".tsv", ".bib", ".txt", ".ris"}
    own = {SUPPORT / name, SUPPORT / f"stance-{name}.jsonl"}
    others = [p for p in (ROOT / "tests" / "data").rglob("*") if p.is_file() and p.suffix in suffixes
              and not own & {p, *p.parents} and "corpus/fresh4" not in p.as_posix()]
    twin = ROOT / "docs" / "data" / "fresh4.md"
    others += [p for p in (ROOT / "docs").rglob("*.md") if p != twin] + [ROOT / "README.md"]
    found = []
    for path in others:
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        found += [f"{file} ({value}) already occurs in {path.relative_to(ROOT)}"
                  for file, value in dois.items() if value and value.lower() in text]
    return found


def drawn_records(folder: Path, data_root: Path) -> tuple[list[str], list[dict]]:
    """(ids of the candidates `folder/sample.py list` draws from the articles under `data_root`, the
    records labels.tsv makes with those candidates' article, sentence, rid and marker)."""
    listed = subprocess.run([sys.executable, str(folder / "sample.py"), "list"], cwd=ROOT,
                            env={**os.environ, "STANCE_DATA_ROOT": str(data_root)},
                            capture_output=True, text=True, timeout=300, check=True).stdout
    rows = [row.split("\t") for row in listed.splitlines()]
    drawn = {row[0]: row for row in rows if len(row) < 2 or row[1] != "rest"}
    records = [{"article": drawn[i][2], "sentence": drawn[i][5], "rid": drawn[i][3],
                "marker": drawn[i][4], "stance": stance, "cue": cue}
               for i, stance, cue in label_rows(folder) if i in drawn]
    return list(drawn), records


def article_checks(name: str, data_root: Path) -> list[str]:
    """Every check of the set `name` against its articles under `data_root` (empty when all pass)."""
    folder, records = SUPPORT / name, load_records(SUPPORT / f"stance-{name}.jsonl")
    articles = data_root / "tests" / "data" / "support" / name
    if not any(articles.glob("*.xml")):
        return [f"no article of {name} under {articles}: give the --data-root that holds them"]
    errors = file_errors(records, name, data_root)
    errors += readme_errors(folder, articles) + found_elsewhere(name, articles)
    drawn, joined = drawn_records(folder, data_root)
    if [row[0] for row in label_rows(folder)] != drawn:
        errors.append("the labels are not every drawn candidate, in order")
    if joined != records:
        errors.append("the records are not labels.tsv joined with the drawn candidates")
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.stance_sets",
                                     description="Check fresh stance sets against their fetched articles.")
    parser.add_argument("sets", nargs="+", help="set names: fresh fresh2 fresh3 fresh4")
    parser.add_argument("--data-root", type=Path, required=True,
                        help="the folder holding tests/data/support/<set>/*.xml (e.g. /work/fetched)")
    args = parser.parse_args(argv)
    failed = 0
    for name in args.sets:
        errors = article_checks(name, args.data_root)
        print(f"{name}: {'ok' if not errors else f'{len(errors)} errors'}")
        for error in errors:
            print(f"  {error}")
        failed += bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
