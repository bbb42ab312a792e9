"""The third fresh, blind stance set (tests/data/support/stance-fresh3.jsonl: BMC/Springer, OUP, Impact
Journals, Elsevier, CCR, bioRxiv, medRxiv and arXiv articles — no PLOS, eLife, SciELO, Hindawi or 3 Biotech)
is well-formed and true to its articles: valid labels, real ref ids, sentences that occur in a paragraph of
the article holding a citation of that ref printed as the marker, no duplicates, only the fresh3 articles
(each with its own DOI, none of them anywhere else in the repository), every article listed in the README
with its provenance and checksum, enough records and contrasting records, and the records are exactly what
labels.tsv and the candidate lister give."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import stance_sets
from tests.stance_sets import doi, load_records

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "data" / "support"
FRESH3 = SUPPORT / "fresh3"
RECORDS = SUPPORT / "stance-fresh3.jsonl"
# Publishers whose articles the other sets use; none of them may appear here.
EXCLUDED_DOI_PREFIXES = ("10.1371/", "10.7554/", "10.1590/", "10.1155/", "10.1007/s13205")
SOURCE_REPOS = ("allenai/s2orc-doc2json", "kermitt2/Pub2TEI", "ccr-journal/latex-jats",
                "elifesciences/enhanced-preprints-biorxiv-xslt")


def load() -> list[dict]:
    """Every record of stance-fresh3.jsonl."""
    return load_records(RECORDS)


def record_errors(record: dict) -> list[str]:
    """Every way one record is wrong (empty when it is right)."""
    return stance_sets.record_errors(record, "fresh3")


def file_errors(records: list[dict]) -> list[str]:
    """Errors of every record, plus duplicates, each prefixed with its line number."""
    return stance_sets.file_errors(records, "fresh3")


def test_every_record_is_valid_and_true_to_its_article() -> None:
    assert file_errors(load()) == []


def test_the_set_is_large_enough_has_contrasting_records_and_covers_every_article() -> None:
    records = load()
    assert len(records) >= 300
    assert sum(r["stance"] == "contrasting" for r in records) >= 25
    on_disk = {str(p.relative_to(ROOT)) for p in FRESH3.glob("*.xml")}
    assert len(on_disk) >= 8
    assert {r["article"] for r in records} == on_disk


def test_every_article_is_new_and_from_none_of_the_publishers_used_elsewhere() -> None:
    dois = {path.name: doi(path) for path in FRESH3.glob("*.xml")}
    assert all(dois.values()), dois
    assert len(set(dois.values())) == len(dois), "two files are the same article"
    assert not [d for d in dois.values() if d.lower().startswith(EXCLUDED_DOI_PREFIXES)], dois
    assert stance_sets.found_elsewhere(FRESH3, RECORDS, dois) == []


def test_readme_gives_provenance_and_checksum_of_every_article() -> None:
    assert stance_sets.readme_errors(FRESH3, SOURCE_REPOS) == []


def test_records_are_exactly_labels_joined_with_the_drawn_candidates() -> None:
    drawn, labelled, records = stance_sets.labelled_candidates(FRESH3)
    assert labelled == drawn, "every drawn candidate is labelled, in order"
    assert load() == records


GOOD = {
    "article": "tests/data/support/fresh3/biorxiv-2023.04.10.536254.xml",
    "sentence": "Second, how can we explain that our results are inconsistent with those of the pioneering "
                "study of Stogsdill et al. (2017), although they are consistent with other previous studies?",
    "rid": "c47", "marker": "Stogsdill et al. (2017)", "stance": "contrasting",
    "cue": "'our results are inconsistent with those of the pioneering study of Stogsdill et al. (2017)'",
}


def test_the_checks_accept_a_good_record() -> None:
    assert record_errors(GOOD) == []
    assert GOOD in load()


@pytest.mark.parametrize("change", [
    {"stance": "disputing"},
    {"rid": "c999"},
    {"rid": "c46"},
    {"marker": "Stogsdill et al. 2017"},
    {"sentence": GOOD["sentence"].replace("pioneering", "landmark")},
    {"article": "tests/data/support/fresh2/journal.pone.0010562.xml"},
    {"article": "tests/data/support/fresh3/PMC6398430.xml"},
    {"cue": " "},
])
def test_the_checks_reject_a_bad_record(change: dict) -> None:
    assert record_errors({**GOOD, **change}) != []


def test_the_checks_reject_a_duplicate_and_a_missing_key() -> None:
    assert file_errors([GOOD, dict(GOOD)]) != []
    assert file_errors([{k: v for k, v in GOOD.items() if k != "stance"}]) != []
