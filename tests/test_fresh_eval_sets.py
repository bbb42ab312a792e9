"""The blind blog-style evaluation set tests/data/eval-blind-6 (hand-written texts) is intact: its gold
is what its labels give, and the set is big enough. These tests check the data only and never import
`ingest`. `load_make_expected` and `gold_is_what_labels_give` serve the later eval-blind sets too.

The fetched JATS/PDF sets these tests once also checked (corpus/fresh, fresh-pdf, fresh4, fresh-pdf2)
are no longer in the repository (the tool notes: data fetched from public repositories is not
committed); their checksums are in docs/data/ and are checked with `sha256sum -c` on the copies kept
outside the repository (docs/data/fetched-sets.md).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLIND_6 = ROOT / "tests" / "data" / "eval-blind-6"


def load_make_expected(folder: Path = BLIND_6) -> ModuleType:
    """An eval set's make_expected.py as a module (its labels and its check)."""
    spec = importlib.util.spec_from_file_location(f"make_expected_{folder.name}", folder / "make_expected.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_is_what_labels_give(folder: Path) -> None:
    """The set's expected.json is exactly what its hand-typed labels give, and they pass its check
    (each substring once in its text, each key in references.bib)."""
    module = load_make_expected(folder)
    module.check(module.LABELS)
    gold = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    assert gold["about"] == module.ABOUT
    assert gold["documents"] == {name: [{"claim": c, "sources": k} for c, k in entries]
                                 for name, entries in module.LABELS.items()}


def test_blind_6_gold_is_exactly_what_its_labels_give() -> None:
    gold_is_what_labels_give(BLIND_6)


def test_blind_6_labels_every_text_and_the_set_is_big_enough() -> None:
    gold = json.loads((BLIND_6 / "expected.json").read_text(encoding="utf-8"))["documents"]
    texts = {p.name for p in BLIND_6.iterdir() if p.suffix in {".txt", ".md", ".html"}} - {"README.md"}
    assert set(gold) == texts
    assert len(texts) >= 12
    links = sum(len(entry["sources"]) for entries in gold.values() for entry in entries)
    negatives = sum(not entry["sources"] for entries in gold.values() for entry in entries)
    assert links >= 90 and negatives >= 30


def test_a_broken_label_is_caught(tmp_path: Path) -> None:
    module = load_make_expected()
    name = "blog-climate-tipping.md"
    with pytest.raises(SystemExit, match="occurs 0 times"):
        module.check({name: [("a sentence that is not in the text", [])]})
    with pytest.raises(SystemExit, match="not in references.bib"):
        module.check({name: [("I grew up near Ribe", ["nosuchkey2099"])]})
