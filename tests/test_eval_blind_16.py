"""The sixteenth blind set (tests/data/eval-blind-16): its gold is what its hand-typed labels give.

Consistency of the set only (written while it was blind; see its README); nothing here runs the
extractor. The set is read through tests/eval_set_helpers.py, as eval-blind-13 to -15 are.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import bibtexparser
import eval_set_helpers as helpers
import pytest

ROOT = Path(__file__).resolve().parent.parent
BLIND_16 = ROOT / "tests" / "data" / "eval-blind-16"


def test_blind_16_gold_is_exactly_what_its_labels_give() -> None:
    helpers.gold_is_what_labels_give(BLIND_16)


def test_blind_16_labels_every_text_and_the_set_is_big_enough() -> None:
    gold = helpers.gold(BLIND_16)
    texts = helpers.articles(BLIND_16)
    assert set(gold) == {p.name for p in texts}
    assert Counter(p.suffix for p in texts) == {".md": 5, ".txt": 5, ".html": 5}
    entries = [entry for doc in gold.values() for entry in doc]
    assert len(entries) == 692
    assert sum(len(entry["sources"]) for entry in entries) == 240
    assert all(any(e["sources"] for e in doc) and any(not e["sources"] for e in doc) for doc in gold.values())


def test_blind_16_every_label_has_a_kind_that_fits_its_keys() -> None:
    module = helpers.load_make_expected(BLIND_16)
    module.check_kinds(module.RAW)
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", [], "paren")]})


def test_blind_16_bib_parses_its_keys_are_new_and_it_has_distractors() -> None:
    library = bibtexparser.parse_file(str(BLIND_16 / "references.bib"))
    keys = {entry.key for entry in library.entries}
    assert not library.failed_blocks and len(keys) == len(library.entries) == 131
    used = {key for doc in helpers.gold(BLIND_16).values() for entry in doc for key in entry["sources"]}
    assert used <= keys and len(keys - used) == 23
    for bib in ROOT.glob("tests/data/eval*/*.bib"):
        if bib.parent != BLIND_16:
            text = bib.read_text(encoding="utf-8")
            assert not [key for key in keys if "{" + key + "," in text], bib
