"""The hand-labelled design and stance sets (tests/data/support/) are well-formed and true to
their articles: valid labels, real ref ids, sentences that occur in the article's paragraphs,
markers that are the printed text of a citation of that ref, and no article in both splits."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "data" / "support"

DESIGNS = frozenset({
    "systematic-review", "rct", "cohort", "case-control", "cross-sectional", "case-report",
    "qualitative", "animal-in-vitro", "narrative-review", "book", "guideline", "commentary", "web",
    "dataset-software", "unknown",
})
STANCES = frozenset({"supporting", "contrasting", "mentioning"})
DESIGN_KEYS = {"article", "rid", "reference", "design", "named", "basis"}
STANCE_KEYS = {"article", "sentence", "rid", "marker", "stance", "cue"}
SPLITS = ("dev", "blind")
MIN_RECORDS = {"design": 320, "stance": 320}


def collapse(text: str) -> str:
    """Whitespace runs to one space, stripped: how sentences and markers were recorded."""
    return re.sub(r"\s+", " ", text).strip()


@cache
def article_index(article: str) -> tuple[frozenset[str], tuple[tuple[str, frozenset[tuple[str, str]]], ...]]:
    """(ref ids, ((paragraph text, {(rid, marker)} of its bibr xrefs), ...)) of one JATS file."""
    tree = etree.parse(str(ROOT / article))
    ref_ids = frozenset(ref.get("id") for ref in tree.iter("ref") if ref.get("id"))
    paragraphs = []
    for p in tree.iter("p"):
        cites = frozenset(
            (rid, collapse("".join(x.itertext())))
            for x in p.iter("xref") if x.get("ref-type") == "bibr"
            for rid in (x.get("rid") or "").split()
        )
        paragraphs.append((collapse("".join(p.itertext())), cites))
    return ref_ids, tuple(paragraphs)


def load(kind: str, split: str) -> list[dict]:
    """The records of tests/data/support/KIND-SPLIT.jsonl, each line parsed as one JSON object."""
    path = SUPPORT / f"{kind}-{split}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def record_errors(kind: str, record: dict) -> list[str]:
    """Every way one record is wrong (empty when it is right)."""
    keys = DESIGN_KEYS if kind == "design" else STANCE_KEYS
    if not isinstance(record, dict) or set(record) != keys:
        return [f"keys {sorted(record) if isinstance(record, dict) else type(record)} != {sorted(keys)}"]
    errors = [f"{key} is not a non-empty string" for key in sorted(keys - {"named"})
              if not isinstance(record[key], str) or not record[key].strip()]
    if errors:
        return errors
    in_corpus = record["article"].startswith("tests/data/corpus/jats/")
    if not in_corpus or not (ROOT / record["article"]).is_file():
        return [f"article {record['article']!r} is not a corpus JATS file"]
    ref_ids, paragraphs = article_index(record["article"])
    if record["rid"] not in ref_ids:
        errors.append(f"rid {record['rid']!r} is no <ref id> of {record['article']}")
    if kind == "design":
        if record["design"] not in DESIGNS:
            errors.append(f"design {record['design']!r} is not a label")
        if not isinstance(record["named"], bool):
            errors.append("named is not true/false")
        if record["design"] == "unknown" and record["named"] is True:
            errors.append("an unknown design cannot be named")
    else:
        errors += stance_errors(record, paragraphs)
    return errors


def stance_errors(record: dict, paragraphs: tuple[tuple[str, frozenset[tuple[str, str]]], ...]) -> list[str]:
    """What is wrong with a stance record's label, sentence and marker against its article's
    `paragraphs` (article_index): a known stance, the sentence in a paragraph that cites the rid as
    the marker prints it, the marker inside the sentence."""
    errors = [] if record["stance"] in STANCES else [f"stance {record['stance']!r} is not a label"]
    holders = [cites for text, cites in paragraphs if record["sentence"] in text]
    if not holders:
        errors.append("sentence does not occur in any paragraph of the article")
    elif not any((record["rid"], record["marker"]) in cites for cites in holders):
        errors.append(f"no citation of {record['rid']!r} printed {record['marker']!r} in that paragraph")
    elif record["marker"] not in record["sentence"]:
        errors.append("marker is not inside the sentence")
    return errors


def file_errors(kind: str, records: list[dict]) -> list[str]:
    """Errors of every record of one file, plus duplicates, each prefixed with its line number."""
    errors = [f"line {n}: {e}" for n, rec in enumerate(records, 1) for e in record_errors(kind, rec)]
    keys = [(r.get("article"), r.get("rid"), r.get("sentence"), r.get("marker")) for r in records
            if isinstance(r, dict)]
    errors += [f"duplicate record {key}" for key in {k for k in keys if keys.count(k) > 1}]
    return errors


def articles(split: str) -> set[str]:
    """The articles with a design or stance record in SPLIT."""
    return {r["article"] for kind in ("design", "stance") for r in load(kind, split)}


@pytest.mark.parametrize("kind", ["design", "stance"])
@pytest.mark.parametrize("split", SPLITS)
def test_every_record_is_valid_and_true_to_its_article(kind: str, split: str) -> None:
    assert file_errors(kind, load(kind, split)) == []


@pytest.mark.parametrize("kind", ["design", "stance"])
def test_enough_records_over_many_articles(kind: str) -> None:
    records = load(kind, "dev") + load(kind, "blind")
    assert len(records) >= MIN_RECORDS[kind]
    assert len({r["article"] for r in records}) >= 20


def test_no_article_is_in_both_splits() -> None:
    assert articles("dev") & articles("blind") == set()


def test_readme_lists_exactly_the_blind_articles() -> None:
    readme = (SUPPORT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- blind-articles -->")[1]
    listed = set(re.findall(r"tests/data/corpus/jats/[\w.\-]+\.xml", block))
    assert listed == articles("blind")


def test_blind_share_is_about_forty_percent() -> None:
    for kind in ("design", "stance"):
        blind, dev = len(load(kind, "blind")), len(load(kind, "dev"))
        assert 0.3 <= blind / (blind + dev) <= 0.5, kind


GOOD_STANCE = {
    "article": "tests/data/corpus/jats/pmc-6605965a.xml",
    "sentence": "A recent meta-analysis, summarising the results from 7 cohort and 11 case–control "
                "studies, reported a statistically significant 19% reduced risk among ever users of oral "
                "contraceptives compared with never users, although there was no clear association with "
                "increasing duration of use (Bosetti et al, 2009).",
    "rid": "bib4", "marker": "Bosetti et al, 2009", "stance": "supporting", "cue": "reported",
}
GOOD_DESIGN = {
    "article": "tests/data/corpus/jats/pmc-6605965a.xml", "rid": "bib4",
    "reference": "Bosetti C, … (2009). Oral contraceptives and colorectal cancer risk: a systematic review "
                 "and meta-analysis. Hum Reprod Update.",
    "design": "systematic-review", "named": True, "basis": "title: 'a systematic review and meta-analysis'",
}


def test_the_checks_accept_a_good_record() -> None:
    assert record_errors("stance", GOOD_STANCE) == []
    assert record_errors("design", GOOD_DESIGN) == []


@pytest.mark.parametrize("kind, change", [
    ("stance", {"stance": "neutral"}),
    ("stance", {"rid": "bib999"}),
    ("stance", {"rid": "bib5"}),
    ("stance", {"marker": "Bosetti et al., 2009"}),
    ("stance", {"sentence": GOOD_STANCE["sentence"].replace("19%", "29%")}),
    ("stance", {"article": "tests/data/corpus/jats/elife00005.xml"}),
    ("stance", {"cue": ""}),
    ("design", {"design": "meta-analysis"}),
    ("design", {"named": "yes"}),
    ("design", {"rid": "B4"}),
    ("design", {"design": "unknown"}),
    ("design", {"article": "tests/data/corpus/jats/missing.xml"}),
])
def test_the_checks_reject_a_bad_record(kind: str, change: dict) -> None:
    record = {**(GOOD_STANCE if kind == "stance" else GOOD_DESIGN), **change}
    assert record_errors(kind, record) != []


def test_the_checks_reject_a_duplicate_and_a_missing_key() -> None:
    assert file_errors("stance", [GOOD_STANCE, dict(GOOD_STANCE)]) != []
    assert file_errors("design", [{k: v for k, v in GOOD_DESIGN.items() if k != "basis"}]) != []
