"""Checks shared by the tests of the fresh stance sets (tests/data/support/stance-fresh*.jsonl): each
record has the six keys, a label, a real ref id of its article, and a sentence that occurs in a
paragraph of the article citing that ref as printed; no duplicates."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from lxml import etree

from tests.test_support_labels import article_index, stance_errors

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "data" / "support"
KEYS = {"article", "sentence", "rid", "marker", "stance", "cue"}


def load_records(records: Path) -> list[dict]:
    """Every line of a stance .jsonl file parsed as one JSON object."""
    return [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines() if line.strip()]


def record_errors(record: dict, name: str) -> list[str]:
    """Every way one record of the set `name` (its articles in tests/data/support/NAME/) is wrong;
    empty when it is right."""
    if not isinstance(record, dict) or set(record) != KEYS:
        return [f"keys {sorted(record) if isinstance(record, dict) else type(record)} != {sorted(KEYS)}"]
    errors = [f"{key} is not a non-empty string" for key in sorted(KEYS)
              if not isinstance(record[key], str) or not record[key].strip()]
    if errors:
        return errors
    in_set = record["article"].startswith(f"tests/data/support/{name}/")
    if not in_set or not (ROOT / record["article"]).is_file():
        return [f"article {record['article']!r} is not a {name} JATS file"]
    ref_ids, paragraphs = article_index(record["article"])
    if record["rid"] not in ref_ids:
        errors.append(f"rid {record['rid']!r} is no <ref id> of {record['article']}")
    errors += stance_errors(record, paragraphs)
    return errors


def file_errors(records: list[dict], name: str) -> list[str]:
    """Errors of every record, plus duplicates, each prefixed with its line number."""
    errors = [f"line {n}: {e}" for n, rec in enumerate(records, 1) for e in record_errors(rec, name)]
    keys = [(r.get("article"), r.get("rid"), r.get("sentence"), r.get("marker")) for r in records
            if isinstance(r, dict)]
    errors += [f"duplicate record {key}" for key in {k for k in keys if keys.count(k) > 1}]
    return errors


def doi(path: Path) -> str:
    """The article DOI of one JATS file."""
    found = etree.parse(str(path)).xpath("//article-meta/article-id[@pub-id-type='doi']/text()")
    return found[0].strip() if found else ""


def found_elsewhere(folder: Path, records: Path, dois: dict[str, str]) -> list[str]:
    """'name (doi) already occurs in PATH' for each article DOI of `folder` that occurs in a data file
    of tests/data outside this set, in docs/ or in the README (a fresh set must be new)."""
    suffixes = {".xml", ".jsonl", ".json", ".md", ".tsv", ".bib", ".txt", ".ris"}
    others = [p for p in (ROOT / "tests" / "data").rglob("*")
              if p.is_file() and p.suffix in suffixes and folder not in p.parents and p != records]
    others += list((ROOT / "docs").rglob("*.md")) + [ROOT / "README.md"]
    found = []
    for path in others:
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        found += [f"{name} ({value}) already occurs in {path.relative_to(ROOT)}"
                  for name, value in dois.items() if value.lower() in text]
    return found


def labelled_candidates(folder: Path) -> tuple[list[str], list[str], list[dict]]:
    """(ids of the drawn candidates that `folder/sample.py list` gives, ids labels.tsv labels, the
    records those labels make with their candidates' article, sentence, rid and marker)."""
    import subprocess
    import sys

    listed = subprocess.run([sys.executable, str(folder / "sample.py"), "list"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=True).stdout
    rows = [row.split("\t") for row in listed.splitlines()]
    drawn = {row[0]: row for row in rows if row[1] != "rest"}
    labels = [line.split("\t") for line in (folder / "labels.tsv").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    records = [{"article": drawn[i][2], "sentence": drawn[i][5], "rid": drawn[i][3],
                "marker": drawn[i][4], "stance": stance, "cue": cue}
               for i, stance, cue in labels if i in drawn]
    return list(drawn), [label[0] for label in labels], records


def readme_errors(folder: Path, repositories: tuple[str, ...]) -> list[str]:
    """What the set's README leaves out: a row for each article, its DOI and sha256, and each source
    repository named (empty when it gives the provenance of everything)."""
    readme = (folder / "README.md").read_text(encoding="utf-8")
    errors = []
    for path in sorted(folder.glob("*.xml")):
        if f"| {path.name} |" not in readme:
            errors.append(f"{path.name}: no row")
        if doi(path) not in readme:
            errors.append(f"{path.name}: no DOI")
        if hashlib.sha256(path.read_bytes()).hexdigest() not in readme:
            errors.append(f"{path.name}: no sha256")
    return errors + [f"{repo}: not named" for repo in repositories if repo not in readme]
