"""The fourth fresh, blind stance set (tests/data/support/stance-fresh4.jsonl: Frontiers, MDPI, PeerJ,
F1000Research, Scientific Reports, Wiley, Springer IJBM, KJIM, IJM and Hindawi articles): what the repository
holds of it is well-formed — every record has the six keys, a label, an article of the set and its marker
inside its sentence; no duplicates; the records are labels.tsv's stances and cues in order; enough records,
contrasting records and articles; the README gives a row with a checksum for every article and names the
repositories they came from — and the articles themselves are not committed (fetched data). The checks
against the articles (ref ids, sentences in their paragraphs, DOIs, checksums, the candidates `sample.py
list` draws) need the fetched files and are run by hand:

    python -m tests.stance_sets --data-root /work/fetched fresh4

their logic is tested on a hand-written article in tests/test_stance_sets.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import stance_sets
from tests.stance_sets import load_records

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "data" / "support"
FRESH4 = SUPPORT / "fresh4"
RECORDS = SUPPORT / "stance-fresh4.jsonl"
SOURCE_REPOS = ('ropensci/pubchunks', 'stencila/encoda', 'stencila/stencila')


def load() -> list[dict]:
    """Every record of stance-fresh4.jsonl."""
    return load_records(RECORDS)


def test_every_record_is_well_formed_and_there_are_no_duplicates() -> None:
    assert stance_sets.file_errors(load(), "fresh4") == []


def test_the_set_is_large_enough_and_has_contrasting_records() -> None:
    records = load()
    assert len(records) >= 350
    assert sum(r["stance"] == "contrasting" for r in records) >= 30
    assert len({r["article"] for r in records}) >= 10


def test_the_records_are_the_labels_in_order() -> None:
    assert stance_sets.labels_errors(FRESH4, load()) == []


def test_readme_gives_every_article_a_row_with_its_checksum_and_names_the_repositories() -> None:
    assert stance_sets.readme_rows_errors(FRESH4, load()) == []
    readme = (FRESH4 / "README.md").read_text(encoding="utf-8")
    assert [repo for repo in SOURCE_REPOS if repo not in readme] == []


def test_the_fetched_articles_are_not_committed() -> None:
    assert sorted(FRESH4.glob("*.xml")) == []


GOOD = {
    "article": "tests/data/support/fresh4/f1000research-19931-v1.xml",
    "sentence": "Under these conditions in contrast to Merrick et al. 11, no conversion of CBD to THC was "
                "observed in any of the samples.",
    "rid": "ref-11", "marker": "11", "stance": "contrasting",
    "cue": "\"in contrast to Merrick et al., no conversion of CBD to THC was observed\"",
}


def test_the_checks_accept_a_good_record_of_the_set() -> None:
    assert stance_sets.record_errors(GOOD, "fresh4") == []
    assert GOOD in load()


@pytest.mark.parametrize("change", [
    {"stance": "refuting"},
    {"marker": "[11]"},
    {"article": "tests/data/support/fresh3/PMC6398430.xml"},
    {"article": "tests/data/support/fresh4/../fresh4/x.xml"},
    {"cue": " "},
])
def test_the_checks_reject_a_bad_record(change: dict) -> None:
    assert stance_sets.record_errors({**GOOD, **change}, "fresh4") != []


def test_the_checks_reject_a_duplicate_and_a_missing_key() -> None:
    assert stance_sets.file_errors([GOOD, dict(GOOD)], "fresh4") != []
    assert stance_sets.file_errors([{k: v for k, v in GOOD.items() if k != "stance"}], "fresh4") != []
