"""The second fresh, blind stance set (tests/data/support/stance-fresh2.jsonl, PLOS articles) is well-formed
and true to its articles: valid labels, real ref ids, sentences that occur in a paragraph of the article
holding a citation of that ref printed as the marker, no duplicates, only the fresh2 articles (PLOS, none
of them anywhere else in the repository), every article listed with its provenance, enough records and
contrasting records, and the records are exactly what labels.tsv and the candidate lister give."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import stance_sets
from tests.stance_sets import doi, load_records

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "data" / "support"
FRESH2 = SUPPORT / "fresh2"
RECORDS = SUPPORT / "stance-fresh2.jsonl"


def load() -> list[dict]:
    """Every record of stance-fresh2.jsonl."""
    return load_records(RECORDS)


def record_errors(record: dict) -> list[str]:
    """Every way one record is wrong (empty when it is right)."""
    return stance_sets.record_errors(record, "fresh2")


def file_errors(records: list[dict]) -> list[str]:
    """Errors of every record, plus duplicates, each prefixed with its line number."""
    return stance_sets.file_errors(records, "fresh2")


def test_every_record_is_valid_and_true_to_its_article() -> None:
    assert file_errors(load()) == []


def test_the_set_is_large_enough_has_contrasting_records_and_covers_every_article() -> None:
    records = load()
    assert len(records) >= 300
    assert sum(r["stance"] == "contrasting" for r in records) >= 20
    on_disk = {str(p.relative_to(ROOT)) for p in FRESH2.glob("*.xml")}
    assert len(on_disk) >= 6
    assert {r["article"] for r in records} == on_disk


def test_every_article_is_plos_and_in_no_other_part_of_the_repository() -> None:
    dois = {path.name: doi(path) for path in FRESH2.glob("*.xml")}
    assert all(d.startswith("10.1371/journal.") for d in dois.values()), dois
    assert stance_sets.found_elsewhere(FRESH2, RECORDS, dois) == []


def test_readme_gives_provenance_and_checksum_of_every_article() -> None:
    assert stance_sets.readme_errors(FRESH2, ("PLOS/allofplos", "PLOS/rhino")) == []


def test_records_are_exactly_labels_joined_with_the_drawn_candidates() -> None:
    drawn, labelled, records = stance_sets.labelled_candidates(FRESH2)
    assert labelled == drawn, "every drawn candidate is labelled, in order"
    assert load() == records


GOOD = {
    "article": "tests/data/support/fresh2/journal.pone.0010562.xml",
    "sentence": "In contrast to previous reports suggesting that chlorpyrifos directly phosphorylates M2 "
                "receptors in rat heart [64], we did not observe phosphorylation of guinea pig cardiac M2 "
                "receptors using an FP-biotin probe [52].",
    "rid": "pone.0010562-Bomser1", "marker": "[64]", "stance": "contrasting",
    "cue": "'In contrast to previous reports suggesting that chlorpyrifos directly phosphorylates M2 "
           "receptors in rat heart [64], we did not observe'",
}


def test_the_checks_accept_a_good_record() -> None:
    assert record_errors(GOOD) == []
    assert GOOD in load()


@pytest.mark.parametrize("change", [
    {"stance": "disputing"},
    {"rid": "pone.0010562-Nobody9"},
    {"rid": "pone.0010562-Schopfer1"},
    {"marker": "[65]"},
    {"sentence": GOOD["sentence"].replace("guinea pig", "mouse")},
    {"article": "tests/data/support/fresh/elife-00306-v1.xml"},
    {"article": "tests/data/support/fresh2/journal.pone.0032315.xml"},
    {"cue": " "},
])
def test_the_checks_reject_a_bad_record(change: dict) -> None:
    assert record_errors({**GOOD, **change}) != []


def test_the_checks_reject_a_duplicate_and_a_missing_key() -> None:
    assert file_errors([GOOD, dict(GOOD)]) != []
    assert file_errors([{k: v for k, v in GOOD.items() if k != "stance"}]) != []
