"""The eighth blind set (tests/data/eval-blind-8): its gold is what its hand-typed labels give.

These tests check the set's own consistency only; they never import `ingest` or run the extractor on
it, so the set stays blind until the lead's first run (see tests/data/eval-blind-8/README.md).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import bibtexparser
import pytest
import test_fresh_eval_sets

ROOT = Path(__file__).resolve().parent.parent
BLIND_8 = ROOT / "tests" / "data" / "eval-blind-8"
ARTICLE_SUFFIXES = {".txt", ".md", ".html"}


def load_make_expected() -> ModuleType:
    """eval-blind-8/make_expected.py as a module (its labels, kinds and checks)."""
    return test_fresh_eval_sets.load_make_expected(BLIND_8)


def articles() -> list[Path]:
    """The set's texts (not its README)."""
    return sorted(p for p in BLIND_8.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name != "README.md")


def gold() -> dict[str, list[dict]]:
    """expected.json's documents."""
    return json.loads((BLIND_8 / "expected.json").read_text(encoding="utf-8"))["documents"]


def test_blind_8_gold_is_exactly_what_its_labels_give() -> None:
    test_fresh_eval_sets.gold_is_what_labels_give(BLIND_8)


def test_blind_8_labels_every_text_and_the_set_is_big_enough() -> None:
    names = {p.name for p in articles()}
    assert set(gold()) == names
    assert len(names) >= 15
    assert Counter(p.suffix for p in articles()) == {".md": 5, ".txt": 5, ".html": 5}
    entries = [entry for entries in gold().values() for entry in entries]
    links = sum(len(entry["sources"]) for entry in entries)
    negatives = sum(not entry["sources"] for entry in entries)
    assert links >= 130 and negatives >= 100
    assert all(any(e["sources"] for e in doc) for doc in gold().values())  # every text has links


def test_blind_8_every_label_has_a_kind_that_fits_its_keys() -> None:
    module = load_make_expected()
    module.check_kinds(module.RAW)
    tally = module.counts(module.RAW)
    assert {"paren", "narrative", "numeric", "footnote", "follow-on", "quote", "study-name"} <= set(
        tally["links"])
    assert {"anecdote", "no-support", "filler", "lead-in", "unresolved", "reading-list"} <= set(
        tally["negatives"])
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", [], "paren")]})
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", ["mueller2014pen"], "anecdote")]})


def test_blind_8_bib_parses_with_unique_keys_and_has_distractors() -> None:
    library = bibtexparser.parse_file(str(BLIND_8 / "references.bib"))
    keys = [entry.key for entry in library.entries]
    assert not library.failed_blocks
    assert len(keys) == len(set(keys))
    used = {key for entries in gold().values() for entry in entries for key in entry["sources"]}
    assert used <= set(keys)
    never = set(keys) - used
    assert {"chou2007diagnosis", "fischer2006unresponsive", "loftus1975leading", "baumeister2007strength",
            "cryan2019microbiota", "tipton1989initial", "graeber2021dawn"} == never


def test_blind_8_every_text_prints_its_own_references() -> None:
    """Each page has a references section (or notes) of its own, as well as the shared .bib."""
    heading = re.compile(r"^\W*(references|sources|further reading|notes)\b", re.I | re.M)
    for path in articles():
        text = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))
        assert heading.search(text), path.name


def test_blind_8_missing_works_are_printed_but_not_in_the_bib_nor_the_page_list() -> None:
    """The deliberately unresolvable markers are in the texts; no bib entry has their first author and
    year, and the page's own list does not carry them either."""
    library = bibtexparser.parse_file(str(BLIND_8 / "references.bib"))
    by_author_year = {(re.split(r"[ ,]", e["author"].strip("{}"))[0],
                       e["year"] if "year" in e.fields_dict else None)
                      for e in library.entries if "author" in e.fields_dict}
    missing = {"journalism-bystander.txt": ("Hortensius", "2018", "Hortensius & de Gelder, 2018"),
               "forum-knuckle-cracking.md": ("Boutin", "2017", "Boutin et al., 2017"),
               "newsletter-myopia.txt": ("Jin", "2015", "Jin et al., 2015"),
               "newsletter-hedgehogs.txt": ("Wembridge", "2011", "(Wembridge, 2011)")}
    for name, (surname, year, marker) in missing.items():
        text = (BLIND_8 / name).read_text(encoding="utf-8")
        assert text.count(marker) == 1, name
        assert (surname, year) not in by_author_year
        listed = [line for line in re.sub(r"<[^>]+>", "", text).splitlines()
                  if line.lstrip(" -*0123456789.[]^:").startswith(surname) and year in line]
        assert not listed, f"{name}: {surname} {year} must not be in the page's own list"
    assert ("Wembridge", "2022") in by_author_year  # the same surname, another year, is there


def test_blind_8_same_author_same_year_works_follow_title_order() -> None:
    library = bibtexparser.parse_file(str(BLIND_8 / "references.bib"))
    titles = {e.key: e["title"] for e in library.entries}
    fold = lambda title: re.sub(r"^(the|a|an)\s+", "", title.lower().strip("{}"))  # noqa: E731
    assert fold(titles["dinan2017gut"]) < fold(titles["dinan2017microbiome"])
    labels = dict(load_make_expected().LABELS["summary-gut-brain.txt"])
    assert labels["argue that the microbiome shapes the brain throughout life"] == ["dinan2017gut"]
    text = (BLIND_8 / "summary-gut-brain.txt").read_text(encoding="utf-8")
    assert "Dinan and Cryan (2017a) argue that the microbiome shapes the brain" in text
    assert "(Dinan & Cryan, 2017b)" in text


def test_a_broken_label_is_caught() -> None:
    module = load_make_expected()
    name = "blog-handwritten-notes.md"
    with pytest.raises(SystemExit, match="occurs 0 times"):
        module.check({**module.LABELS, name: [("a sentence that is not in the text", [])]})
    with pytest.raises(SystemExit, match="occurs 2 times"):
        module.check({**module.LABELS, name: [("West Point", [])]})
    with pytest.raises(SystemExit, match="not in references.bib"):
        module.check({**module.LABELS, name: [("Longhand is not magic.", ["nosuchkey2099"])]})
    with pytest.raises(SystemExit, match="without labels"):
        module.check({k: v for k, v in module.LABELS.items() if k != name})
