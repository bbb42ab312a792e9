"""The fourth fresh, blind stance set (tests/data/support/stance-fresh4.jsonl: Frontiers, MDPI, PeerJ,
F1000Research, Scientific Reports, Wiley, Springer IJBM, KJIM, IJM and Hindawi articles — no PLOS, eLife,
SciELO, 3 Biotech or preprint server) is well-formed and true to its articles: valid labels, real ref ids,
sentences that occur in a paragraph of the article holding a citation of that ref printed as the marker, no
duplicates, only the fresh4 articles (also the citation-linking set corpus/fresh4, kept outside the
repository; none of them anywhere else in the repository), every article listed in the README with its
provenance and checksum, enough records and contrasting records, and the records are exactly what labels.tsv
and the candidate lister give."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import stance_sets
from tests.stance_sets import doi, load_records

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "data" / "support"
FRESH4 = SUPPORT / "fresh4"
RECORDS = SUPPORT / "stance-fresh4.jsonl"
# Publishers and servers whose articles the other stance sets use; none of them may appear here.
EXCLUDED_DOI_PREFIXES = ("10.1371/", "10.7554/", "10.1590/", "10.1007/s13205", "10.1101/", "10.48550/")
SOURCE_REPOS = ("ropensci/pubchunks", "stencila/encoda", "stencila/stencila")


def load() -> list[dict]:
    """Every record of stance-fresh4.jsonl."""
    return load_records(RECORDS)


def record_errors(record: dict) -> list[str]:
    """Every way one record is wrong (empty when it is right)."""
    return stance_sets.record_errors(record, "fresh4")


def file_errors(records: list[dict]) -> list[str]:
    """Errors of every record, plus duplicates, each prefixed with its line number."""
    return stance_sets.file_errors(records, "fresh4")


def test_every_record_is_valid_and_true_to_its_article() -> None:
    assert file_errors(load()) == []


def test_the_set_is_large_enough_has_contrasting_records_and_covers_every_article() -> None:
    records = load()
    assert len(records) >= 350
    assert sum(r["stance"] == "contrasting" for r in records) >= 30
    on_disk = {str(p.relative_to(ROOT)) for p in FRESH4.glob("*.xml")}
    assert len(on_disk) >= 10
    assert {r["article"] for r in records} == on_disk


def test_every_article_is_the_corpus_copy_and_new_elsewhere() -> None:
    dois = {path.name: doi(path) for path in FRESH4.glob("*.xml")}
    assert all(dois.values()), dois
    assert len(set(dois.values())) == len(dois), "two files are the same article"
    assert not [d for d in dois.values() if d.lower().startswith(EXCLUDED_DOI_PREFIXES)], dois
    # The same articles are the citation-linking set corpus/fresh4 (one blind collection for both
    # issues), whose files left the repository (fetched data) and whose provenance page
    # docs/data/fresh4.md names the same DOIs; anywhere else is a leak.
    found = stance_sets.found_elsewhere(FRESH4, RECORDS, dois)
    assert [hit for hit in found if "docs/data/fresh4.md" not in hit] == []


def test_readme_gives_provenance_and_checksum_of_every_article() -> None:
    assert stance_sets.readme_errors(FRESH4, SOURCE_REPOS) == []


def test_records_are_exactly_labels_joined_with_the_drawn_candidates() -> None:
    drawn, labelled, records = stance_sets.labelled_candidates(FRESH4)
    assert labelled == drawn, "every drawn candidate is labelled, in order"
    assert load() == records


GOOD = {
    "article": "tests/data/support/fresh4/f1000research-19931-v1.xml",
    "sentence": "Under these conditions in contrast to Merrick et al. 11, no conversion of CBD to THC was "
                "observed in any of the samples.",
    "rid": "ref-11", "marker": "11", "stance": "contrasting",
    "cue": "\"in contrast to Merrick et al., no conversion of CBD to THC was observed\"",
}


def test_the_checks_accept_a_good_record() -> None:
    assert record_errors(GOOD) == []
    assert GOOD in load()


@pytest.mark.parametrize("change", [
    {"stance": "refuting"},
    {"rid": "ref-999"},
    {"rid": "ref-12"},
    {"marker": "[11]"},
    {"sentence": GOOD["sentence"].replace("samples", "extracts")},
    {"article": "tests/data/support/fresh3/PMC6398430.xml"},
    {"article": "tests/data/support/fresh4/peerj-3360.xml"},
    {"cue": " "},
])
def test_the_checks_reject_a_bad_record(change: dict) -> None:
    assert record_errors({**GOOD, **change}) != []


def test_the_checks_reject_a_duplicate_and_a_missing_key() -> None:
    assert file_errors([GOOD, dict(GOOD)]) != []
    assert file_errors([{k: v for k, v in GOOD.items() if k != "stance"}]) != []
