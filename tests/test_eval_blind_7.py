"""The seventh blind set (tests/data/eval-blind-7): its gold is what its hand-typed labels give.

These tests check the set's own consistency only; they never run the extractor on it, so the set stays
blind until the lead's first run (see tests/data/eval-blind-7/README.md).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import bibtexparser
import pytest
import test_fresh_eval_sets

ROOT = Path(__file__).resolve().parent.parent
BLIND_7 = ROOT / "tests" / "data" / "eval-blind-7"


def load_make_expected() -> ModuleType:
    """eval-blind-7/make_expected.py as a module (its labels and its check)."""
    return test_fresh_eval_sets.load_make_expected(BLIND_7)


def test_blind_7_gold_is_exactly_what_its_labels_give() -> None:
    test_fresh_eval_sets.gold_is_what_labels_give(BLIND_7)


def test_blind_7_labels_every_text_and_the_set_is_big_enough() -> None:
    gold = json.loads((BLIND_7 / "expected.json").read_text(encoding="utf-8"))["documents"]
    texts = {p.name for p in BLIND_7.iterdir() if p.suffix in {".txt", ".md", ".html"}} - {"README.md"}
    assert set(gold) == texts
    assert 14 <= len(texts) <= 16
    links = sum(len(entry["sources"]) for entries in gold.values() for entry in entries)
    negatives = sum(not entry["sources"] for entries in gold.values() for entry in entries)
    assert links >= 100 and negatives >= 40


def test_blind_7_bib_parses_with_unique_keys_and_every_gold_key_is_an_entry() -> None:
    library = bibtexparser.parse_file(str(BLIND_7 / "references.bib"))
    keys = [entry.key for entry in library.entries]
    assert not library.failed_blocks
    assert len(keys) == len(set(keys)) and 70 <= len(keys) <= 95
    gold = json.loads((BLIND_7 / "expected.json").read_text(encoding="utf-8"))["documents"]
    used = {key for entries in gold.values() for entry in entries for key in entry["sources"]}
    assert used <= set(keys)
    assert len(set(keys) - used) >= 5  # distractors: same surname, other year, never linked


def test_blind_7_missing_works_are_printed_but_not_in_the_bib() -> None:
    """The deliberately unresolvable markers are in the texts, and no bib entry has their first author."""
    bib = (BLIND_7 / "references.bib").read_text(encoding="utf-8")
    articles = [p for p in BLIND_7.iterdir() if p.suffix in {".txt", ".md", ".html"}]
    texts = " ".join(p.read_text(encoding="utf-8") for p in articles)
    missing = [("Daoud", "Daoud et al., 2012"), ("RNID", "RNID, 2023"), ("Aldred", "Aldred et al., 2018"),
               ("Varady", "Varady et al., 2013"), ("Hernandez", "Hernandez et al., 2019")]
    for surname, marker in missing:
        assert marker in texts
        assert not re.search(r"author\s*=\s*\{+" + surname, bib), surname


def test_a_broken_label_is_caught() -> None:
    module = load_make_expected()
    name = "blog-running-shoes.md"
    with pytest.raises(SystemExit, match="occurs 0 times"):
        module.check({**module.LABELS, name: [("a sentence that is not in the text", [])]})
    with pytest.raises(SystemExit, match="not in references.bib"):
        module.check({**module.LABELS, name: [("Switching too quickly has a price.", ["nosuchkey2099"])]})
    with pytest.raises(SystemExit, match="without labels"):
        module.check({k: v for k, v in module.LABELS.items() if k != name})
