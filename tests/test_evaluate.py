"""The extractor against the labelled evaluation set, through the evaluator's command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.evaluate import DEFAULT_DIR, evaluate, main

ROOT = Path(__file__).resolve().parent.parent
BLIND_DIR = ROOT / "tests" / "data" / "eval-blind"
BLIND_2_DIR = ROOT / "tests" / "data" / "eval-blind-2"
BLIND_3_DIR = ROOT / "tests" / "data" / "eval-blind-3"
BLIND_4_DIR = ROOT / "tests" / "data" / "eval-blind-4"
BLIND_5_DIR = ROOT / "tests" / "data" / "eval-blind-5"
BLIND_6_DIR = ROOT / "tests" / "data" / "eval-blind-6"
BLIND_7_DIR = ROOT / "tests" / "data" / "eval-blind-7"


def _scores(directory: Path) -> tuple[dict[str, float], str]:
    """Precision and recall as `python -m ingest.evaluate DIR` prints them."""
    run = subprocess.run([sys.executable, "-m", "ingest.evaluate", str(directory)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300, check=True)
    return {k: float(v) for k, v in re.findall(r"(precision|recall): ([0-9.]+)", run.stdout)}, run.stdout


@pytest.mark.parametrize("directory, min_recall", [
    # The set written alongside the rules: 73/73.
    (DEFAULT_DIR, 1.0),
    # First blind set (no longer blind: it drove one round of general fixes). Recall tops out at
    # 96/102: six labels ask for lead-ins ending in ':' and pointer sentences to be claims, which
    # the extractor deliberately does not do.
    (BLIND_DIR, 0.94),
    # Second blind set, 45/67 before its round of fixes, 67/67 after; no longer blind either.
    (BLIND_2_DIR, 1.0),
    # Third blind set, 68/87 with 4 false links before its round of fixes, 86/87 and none after;
    # no longer blind. The miss left: 'the babies recovered' referring back to an experiment.
    (BLIND_3_DIR, 0.98),
    # Fourth blind set, 62/75 with 3 false links on its first run, 72/76 and none after its round
    # (HTML superscripts now end sentences, so one more labelled claim exists); no longer blind.
    # 73/76 after the blog-text round (#10): 'In her book she also reports …' carries Neff (2011) on.
    (BLIND_4_DIR, 0.96),
    # Fifth blind set, 64/85 with 7 false links on its first run (precision 0.901, recall 0.753);
    # 68/85 and none after its round of fixes; no longer blind. Most misses left are continuations
    # across sentences ('These improvements lasted …') and sentences naming no source. 71/85 after
    # the blog-text round (#10): '(p. 20)', 'In his words, …', 'Within 29 months, they found …'.
    (BLIND_5_DIR, 0.83),
    # Sixth and seventh blind sets (first runs P 0.953 R 0.818 and P 0.905 R 0.772); 96/99 and 134/136
    # after the carried-account round (branch blogfix), no longer blind.
    (BLIND_6_DIR, 0.96),
    (BLIND_7_DIR, 0.98),
])
def test_precision_095_and_recall_as_measured(directory: Path, min_recall: float):
    scores, output = _scores(directory)
    assert scores["precision"] >= 0.95, output
    assert scores["recall"] >= min_recall, output


def test_evaluator_counts_misses_and_false_links(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Title\n\nTrauma isolates (Herman, 1992).\n\nSafety comes first.\n")
    (tmp_path / "references.bib").write_text(
        "@book{herman1992trauma, author = {Herman, Judith}, year = {1992}, title = {Trauma and Recovery}}\n")
    labels = {"documents": {"a.txt": [{"claim": "Safety comes first", "sources": ["herman1992trauma"]}]}}
    (tmp_path / "expected.json").write_text(json.dumps(labels))
    report = evaluate(tmp_path)
    assert len(report.true_positives) == 0
    assert [k for _, _, k in report.false_positives] == ["herman1992trauma"]
    assert [t for _, t, _ in report.false_negatives] == ["Safety comes first."]
    assert report.precision == 0.0 and report.recall == 0.0


def test_missing_labels_file_is_one_line_error(tmp_path: Path, capsys):
    assert main([str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "expected.json" in err
