"""support16's stance and design labels (tests/data/support): well formed, the counts its README gives,
and the fetched articles not committed. The article-level checks are support16/check.py's (they need the
articles, which only the team's uncommitted copy holds)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUPPORT = ROOT / "tests" / "data" / "support"
STANCES = {"supporting", "contrasting", "mentioning"}


def records(name: str) -> list[dict]:
    """One jsonl file's records."""
    return [json.loads(line) for line in (SUPPORT / name).read_text(encoding="utf-8").splitlines() if line]


def test_stance_records_are_well_formed_and_counted() -> None:
    natural, cue = records("stance-support16.jsonl"), records("stance-support16cue.jsonl")
    for record in natural + cue:
        assert set(record) >= {"article", "sentence", "rid", "marker", "stance", "cue"}
        assert record["stance"] in STANCES and record["sentence"].strip()
    assert Counter(r["stance"] for r in natural) == {"supporting": 195, "mentioning": 101, "contrasting": 4}
    assert Counter(r["stance"] for r in cue) == {"supporting": 21, "mentioning": 15, "contrasting": 4}
    key = lambda r: (r["article"], r["rid"], r["sentence"])  # noqa: E731
    assert not {key(r) for r in natural} & {key(r) for r in cue}


def test_design_records_are_well_formed_and_counted() -> None:
    design = records("design-support16.jsonl")
    assert len(design) == 256 and sum(bool(r["named"]) for r in design) == 41
    assert len({(r["article"], r["rid"]) for r in design}) == 256


def test_the_fetched_articles_and_abstracts_are_not_committed() -> None:
    folder = SUPPORT / "support16"
    assert not (folder / "articles").exists()
    assert not (folder / "choose" / "meta.jsonl").exists()
    assert not list(folder.rglob("*.xml"))
