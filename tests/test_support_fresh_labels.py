"""The fresh, blind stance set (tests/data/support/stance-fresh.jsonl) is well-formed and true to its
articles: valid labels, real ref ids, sentences that occur in a paragraph of the article holding a
citation of that ref printed as the marker, no duplicates, only the fresh articles (none of them in the
corpus), every article listed with its provenance, and the records are exactly what labels.tsv and the
candidate lister give."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from tests import stance_sets
from tests.stance_sets import doi, load_records

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "data" / "support"
FRESH = SUPPORT / "fresh"
RECORDS = SUPPORT / "stance-fresh.jsonl"


def load() -> list[dict]:
    """Every record of stance-fresh.jsonl."""
    return load_records(RECORDS)


def record_errors(record: dict) -> list[str]:
    """Every way one record is wrong (empty when it is right)."""
    return stance_sets.record_errors(record, "fresh")


def file_errors(records: list[dict]) -> list[str]:
    """Errors of every record, plus duplicates, each prefixed with its line number."""
    return stance_sets.file_errors(records, "fresh")


def test_every_record_is_valid_and_true_to_its_article() -> None:
    assert file_errors(load()) == []


def test_the_set_has_contrasting_records_and_covers_every_fresh_article() -> None:
    records = load()
    assert len(records) >= 200
    assert sum(r["stance"] == "contrasting" for r in records) >= 4
    on_disk = {str(p.relative_to(ROOT)) for p in FRESH.glob("*.xml")}
    assert {r["article"] for r in records} == on_disk


def test_no_fresh_article_is_already_in_the_repository_corpus() -> None:
    corpus = {doi(p) for p in (ROOT / "tests" / "data" / "corpus").rglob("*.xml")}
    for path in FRESH.glob("*.xml"):
        assert doi(path) and doi(path) not in corpus, path.name


def test_readme_gives_provenance_and_checksum_of_every_article() -> None:
    readme = (FRESH / "README.md").read_text(encoding="utf-8")
    for path in FRESH.glob("*.xml"):
        assert f"articles/{path.name}" in readme, path.name
        assert doi(path) in readme, path.name
        assert hashlib.sha256(path.read_bytes()).hexdigest() in readme, path.name


def test_records_are_exactly_labels_joined_with_the_candidate_list(tmp_path: Path) -> None:
    listed = subprocess.run([sys.executable, str(FRESH / "sample.py"), "list"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=True).stdout
    by_id = {row.split("\t")[0]: row.split("\t") for row in listed.splitlines()}
    labels = [line.split("\t") for line in (FRESH / "labels.tsv").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    assert [lab[0] for lab in labels] == list(by_id), "every candidate is labelled, in order"
    expected = [{"article": by_id[i][2], "sentence": by_id[i][5], "rid": by_id[i][3],
                 "marker": by_id[i][4], "stance": stance, "cue": cue} for i, stance, cue in labels]
    assert load() == expected


GOOD = {
    "article": "tests/data/support/fresh/elife-00306-v1.xml",
    "sentence": "This result agrees with previous studies that revealed a more oxidizing environment for "
                "cells in standard media as compared to caloric restriction media (Magherini et al., 2009).",
    "rid": "bib30", "marker": "Magherini et al., 2009", "stance": "supporting",
    "cue": "'This result agrees with previous studies'",
}


def test_the_checks_accept_a_good_record() -> None:
    assert record_errors(GOOD) == []


@pytest.mark.parametrize("change", [
    {"stance": "neutral"},
    {"rid": "bib999"},
    {"rid": "bib31"},
    {"marker": "Magherini et al. 2009"},
    {"sentence": GOOD["sentence"].replace("standard", "rich")},
    {"article": "tests/data/corpus/jats/elife00005.xml"},
    {"article": "tests/data/support/fresh/elife-00031-v1.xml"},
    {"cue": " "},
])
def test_the_checks_reject_a_bad_record(change: dict) -> None:
    assert record_errors({**GOOD, **change}) != []


def test_the_checks_reject_a_duplicate_and_a_missing_key() -> None:
    assert file_errors([GOOD, dict(GOOD)]) != []
    assert file_errors([{k: v for k, v in GOOD.items() if k != "cue"}]) != []
