"""The second fresh, blind stance set (tests/data/support/stance-fresh2.jsonl, PLOS articles): what the
repository holds of it is well-formed — every record has the six keys, a label, an article of the set and its
marker inside its sentence; no duplicates; the records are labels.tsv's stances and cues in order; enough
records, contrasting records and articles; the README gives a row with a checksum for every article and names
the repositories they came from — and the articles themselves are not committed (fetched data). The checks
against the articles (ref ids, sentences in their paragraphs, DOIs, checksums, the candidates `sample.py
list` draws) need the fetched files and are run by hand:

    python -m tests.stance_sets --data-root /work/fetched fresh2

their logic is tested on a hand-written article in tests/test_stance_sets.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import stance_sets
from tests.stance_sets import load_records

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "data" / "support"
FRESH2 = SUPPORT / "fresh2"
RECORDS = SUPPORT / "stance-fresh2.jsonl"
SOURCE_REPOS = ('PLOS/allofplos', 'PLOS/rhino')


def load() -> list[dict]:
    """Every record of stance-fresh2.jsonl."""
    return load_records(RECORDS)


def test_every_record_is_well_formed_and_there_are_no_duplicates() -> None:
    assert stance_sets.file_errors(load(), "fresh2") == []


def test_the_set_is_large_enough_and_has_contrasting_records() -> None:
    records = load()
    assert len(records) >= 300
    assert sum(r["stance"] == "contrasting" for r in records) >= 20
    assert len({r["article"] for r in records}) >= 6


def test_the_records_are_the_labels_in_order() -> None:
    assert stance_sets.labels_errors(FRESH2, load()) == []


def test_readme_gives_every_article_a_row_with_its_checksum_and_names_the_repositories() -> None:
    assert stance_sets.readme_rows_errors(FRESH2, load()) == []
    readme = (FRESH2 / "README.md").read_text(encoding="utf-8")
    assert [repo for repo in SOURCE_REPOS if repo not in readme] == []


def test_the_fetched_articles_are_not_committed() -> None:
    assert sorted(FRESH2.glob("*.xml")) == []


GOOD = {
    "article": "tests/data/support/fresh2/journal.pone.0010562.xml",
    "sentence": "In contrast to previous reports suggesting that chlorpyrifos directly phosphorylates M2 "
                "receptors in rat heart [64], we did not observe phosphorylation of guinea pig cardiac M2 "
                "receptors using an FP-biotin probe [52].",
    "rid": "pone.0010562-Bomser1", "marker": "[64]", "stance": "contrasting",
    "cue": "'In contrast to previous reports suggesting that chlorpyrifos directly phosphorylates M2 "
           "receptors in rat heart [64], we did not observe'",
}


def test_the_checks_accept_a_good_record_of_the_set() -> None:
    assert stance_sets.record_errors(GOOD, "fresh2") == []
    assert GOOD in load()


@pytest.mark.parametrize("change", [
    {"stance": "disputing"},
    {"marker": "[65]"},
    {"article": "tests/data/support/fresh/elife-00306-v1.xml"},
    {"article": "tests/data/support/fresh2/../fresh2/x.xml"},
    {"cue": " "},
])
def test_the_checks_reject_a_bad_record(change: dict) -> None:
    assert stance_sets.record_errors({**GOOD, **change}, "fresh2") != []


def test_the_checks_reject_a_duplicate_and_a_missing_key() -> None:
    assert stance_sets.file_errors([GOOD, dict(GOOD)], "fresh2") != []
    assert stance_sets.file_errors([{k: v for k, v in GOOD.items() if k != "stance"}], "fresh2") != []
