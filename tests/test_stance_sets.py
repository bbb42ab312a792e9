"""The checks `python -m tests.stance_sets --data-root DIR SET` runs against a fresh set's fetched articles,
tested on a hand-written JATS article (the real ones are not in the repository): a good record passes, a
wrong ref id, marker or sentence fails, the README check wants each file's DOI and sha256, and a data root
without the set's articles is one clear error."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests import stance_sets

ARTICLE = """<?xml version="1.0" encoding="UTF-8"?>
<article><front><article-meta><article-id pub-id-type="doi">10.9999/own.0001</article-id></article-meta>
</front><body><sec><title>Discussion</title>
<p>Under these conditions in contrast to Merrick et al. <xref ref-type="bibr" rid="ref-11">11</xref>, no
conversion of CBD to THC was observed in any of the samples. Earlier work used the same assay
<xref ref-type="bibr" rid="ref-12">12</xref>.</p>
</sec></body><back><ref-list><ref id="ref-11"><mixed-citation>Merrick J, et al. 2016.</mixed-citation></ref>
<ref id="ref-12"><mixed-citation>Other A. 2015.</mixed-citation></ref></ref-list></back></article>
"""
NAME = "fresh9"
GOOD = {
    "article": f"tests/data/support/{NAME}/own-0001.xml",
    "sentence": "Under these conditions in contrast to Merrick et al. 11, no conversion of CBD to THC was "
                "observed in any of the samples.",
    "rid": "ref-11", "marker": "11", "stance": "contrasting", "cue": "'in contrast to Merrick et al.'",
}


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    folder = tmp_path / "tests" / "data" / "support" / NAME
    folder.mkdir(parents=True)
    (folder / "own-0001.xml").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def test_a_good_record_passes_against_its_article(data_root: Path) -> None:
    assert stance_sets.record_errors(GOOD, NAME, data_root) == []
    assert stance_sets.file_errors([GOOD], NAME, data_root) == []


@pytest.mark.parametrize(("change", "error"), [
    ({"rid": "ref-99"}, "no <ref id>"),
    ({"rid": "ref-12"}, "no citation of 'ref-12' printed '11'"),
    ({"marker": "[11]"}, "no citation of 'ref-11' printed '[11]'"),
    ({"sentence": GOOD["sentence"].replace("samples", "extracts")}, "does not occur in any paragraph"),
    ({"article": f"tests/data/support/{NAME}/missing.xml"}, "is not a file under"),
])
def test_a_record_untrue_to_its_article_fails(data_root: Path, change: dict, error: str) -> None:
    errors = stance_sets.record_errors({**GOOD, **change}, NAME, data_root)
    assert any(error in e for e in errors), errors


def test_without_a_data_root_only_the_record_itself_is_checked() -> None:
    assert stance_sets.record_errors({**GOOD, "rid": "ref-99"}, NAME) == []
    errors = stance_sets.record_errors({**GOOD, "marker": "[11]"}, NAME)
    assert errors == ["marker is not inside the sentence"]


def test_the_readme_check_wants_each_article_s_doi_and_sha256(data_root: Path, tmp_path: Path) -> None:
    articles = data_root / "tests" / "data" / "support" / NAME
    digest = hashlib.sha256((articles / "own-0001.xml").read_bytes()).hexdigest()
    folder = tmp_path / "readme"
    folder.mkdir()
    (folder / "README.md").write_text(f"| own-0001.xml | own/repo | 10.9999/own.0001 | {digest} |\n",
                                      encoding="utf-8")
    assert stance_sets.readme_errors(folder, articles, ("own/repo",)) == []
    assert stance_sets.readme_rows_errors(folder, [GOOD]) == []
    (folder / "README.md").write_text("| own-0001.xml | own/repo | 10.9999/own.0001 |\n", encoding="utf-8")
    assert stance_sets.readme_errors(folder, articles, ("own/repo", "other/repo")) == [
        "own-0001.xml: no sha256", "other/repo: not named"]
    assert stance_sets.readme_rows_errors(folder, [GOOD]) == ["own-0001.xml: no README row with its sha256"]


def test_labels_must_be_the_records_stances_and_cues_in_order(tmp_path: Path) -> None:
    labels = "# id\tstance\tcue\nc1\tcontrasting\t'in contrast to Merrick et al.'\n"
    (tmp_path / "labels.tsv").write_text(labels, encoding="utf-8")
    assert stance_sets.labels_errors(tmp_path, [GOOD]) == []
    assert stance_sets.labels_errors(tmp_path, [{**GOOD, "stance": "supporting"}]) != []
    assert stance_sets.labels_errors(tmp_path, [GOOD, GOOD]) == ["2 records for 1 labels"]


def test_a_data_root_without_the_set_is_one_clear_error(tmp_path: Path, capsys) -> None:
    assert stance_sets.main(["--data-root", str(tmp_path), "fresh4"]) == 1
    out = capsys.readouterr().out
    assert "fresh4: 1 errors" in out and "give the --data-root that holds them" in out
