"""Helpers the blind blog sets' consistency tests share (tests/test_eval_blind_13.py and later).

Each set's test module keeps its own counts, kinds and distractors; what reading a set's files takes is
here, parameterised by the set's folder. Nothing here imports `ingest`: the consistency tests never run
the extractor.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType

import bibtexparser
import test_fresh_eval_sets

ARTICLE_SUFFIXES = {".txt", ".md", ".html"}


def load_make_expected(folder: Path) -> ModuleType:
    """The set's make_expected.py as a module (its labels, kinds and checks)."""
    return test_fresh_eval_sets.load_make_expected(folder)


def gold_is_what_labels_give(folder: Path) -> None:
    """expected.json is exactly what the hand-typed labels give, and they pass the set's check."""
    test_fresh_eval_sets.gold_is_what_labels_give(folder)


def articles(folder: Path) -> list[Path]:
    """The set's texts (not its README)."""
    return sorted(p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name != "README.md")


def gold(folder: Path) -> dict[str, list[dict]]:
    """expected.json's documents."""
    return json.loads((folder / "expected.json").read_text(encoding="utf-8"))["documents"]


def bib_entries(folder: Path) -> list:
    """The set's shared references.bib, parsed."""
    return bibtexparser.parse_file(str(folder / "references.bib")).entries


def plain(path: Path) -> str:
    """A text with its HTML tags removed and its entities for & undone."""
    return re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")).replace("&amp;", "&")


def fold(title: str) -> str:
    """A title in lower case, without braces, LaTeX commands (and the backslash of an escaped & or %),
    quotes, asterisks, dashes or a leading article."""
    title = re.sub(r"\\emph|\\(?=[&%])|[{}`'\"*]", "", title).lower()
    title = re.sub(r"\s*(---|--|–|—)\s*", "-", title)
    return re.sub(r"^(the|a|an)\s+", "", title)
