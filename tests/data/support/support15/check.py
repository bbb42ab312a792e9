"""An lxml check of stance-support15.jsonl, stance-support15cue.jsonl and design-support15.jsonl against the
articles (no ClaimGraph), plus counts: 300 natural stance records (20 per article), 40 cue-stratum
records, 300 design records
(20 per article), 15 articles, no record in both stance files.

  python3 check.py            # check both files; exit 1 on any error
  python3 check.py --selftest # also check that deliberately broken copies are rejected

Stance: the six keys in order, a valid stance, a non-empty cue, `rid` a <ref id> of the article's ref-list,
`sentence` a substring of the whitespace-collapsed text of a body/abstract <p> that holds an xref of type
bibr pointing to `rid` whose printed text is `marker`, `marker` in `sentence`, no duplicate
(article, sentence, rid, marker). Design: the six keys in order, a valid design, `named` a bool, a non-empty
basis, `rid` a <ref id>, `reference` equal to the rendered <ref> text (element-citation fields joined by a
space, mixed-citation as printed, label left out) and letter-for-letter equal to its raw itertext, no
duplicate (article, rid).
"""
from __future__ import annotations

import copy
import json
import os
import re
import sys
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = Path(os.environ.get("SUPPORT15_DATA_ROOT", "/work/fetched"))  # holds the fetched articles
STANCE = HERE.parent / "stance-support15.jsonl"
CUE = HERE.parent / "stance-support15cue.jsonl"  # the targeted contrast-cue stratum (set support15cue)
DESIGN = HERE.parent / "design-support15.jsonl"
STANCE_KEYS = ["article", "sentence", "rid", "marker", "stance", "cue"]
DESIGN_KEYS = ["article", "rid", "reference", "design", "named", "basis"]
STANCES = {"supporting", "contrasting", "mentioning"}
DESIGNS = {"systematic-review", "rct", "cohort", "case-control", "cross-sectional", "case-report",
           "qualitative", "animal-in-vitro", "narrative-review", "book", "guideline", "commentary", "web",
           "dataset-software", "unknown"}


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Article:
    """The parts of one JATS file the checks need."""

    def __init__(self, path: Path) -> None:
        tree = etree.parse(str(path))
        self.refs = {ref.get("id"): ref for ref in tree.xpath("//ref-list//ref")}
        self.paragraphs: list[tuple[str, set[tuple[str, str]]]] = []
        for p in tree.xpath("//body//p|//abstract//p"):
            xrefs = set()
            for x in p.xpath(".//xref[@ref-type='bibr']"):
                for rid in (x.get("rid") or "").split():
                    xrefs.add((rid, collapse("".join(x.itertext()))))
            self.paragraphs.append((collapse("".join(p.itertext())), xrefs))


def exact_text(ref) -> str:
    parts = []
    for child in ref:
        if not isinstance(child.tag, str) or child.tag == "label":
            continue
        parts.append((" " if child.tag == "element-citation" else "").join(child.itertext()))
    return collapse(" ".join(parts))


def alnum(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def check_stance(records: list[dict], articles: dict) -> list[str]:
    errors, seen = [], set()
    for n, r in enumerate(records, 1):
        if list(r) != STANCE_KEYS:
            errors.append(f"stance line {n}: keys {list(r)}")
            continue
        if r["stance"] not in STANCES or not str(r["cue"]).strip():
            errors.append(f"stance line {n}: bad label {r['stance']!r} or empty cue")
        key = (r["article"], r["sentence"], r["rid"], r["marker"])
        if key in seen:
            errors.append(f"stance line {n}: duplicate")
        seen.add(key)
        art = articles.setdefault(r["article"], Article(ROOT / r["article"]))
        if r["rid"] not in art.refs:
            errors.append(f"stance line {n}: rid {r['rid']} is not a <ref id> of {r['article']}")
        if r["marker"] not in r["sentence"]:
            errors.append(f"stance line {n}: marker {r['marker']!r} not in sentence")
        if not any(r["sentence"] in text and (r["rid"], r["marker"]) in xrefs
                   for text, xrefs in art.paragraphs):
            errors.append(f"stance line {n}: no paragraph holds the sentence with an xref {r['rid']} "
                          f"printed {r['marker']!r}")
    return errors


def check_design(records: list[dict], articles: dict) -> list[str]:
    errors, seen = [], set()
    for n, r in enumerate(records, 1):
        if list(r) != DESIGN_KEYS:
            errors.append(f"design line {n}: keys {list(r)}")
            continue
        if r["design"] not in DESIGNS or not isinstance(r["named"], bool) or not str(r["basis"]).strip():
            errors.append(f"design line {n}: bad label {r['design']!r} {r['named']!r}")
        key = (r["article"], r["rid"])
        if key in seen:
            errors.append(f"design line {n}: duplicate {key}")
        seen.add(key)
        art = articles.setdefault(r["article"], Article(ROOT / r["article"]))
        ref = art.refs.get(r["rid"])
        if ref is None:
            errors.append(f"design line {n}: rid {r['rid']} is not a <ref id> of {r['article']}")
            continue
        if r["reference"] != exact_text(ref):
            errors.append(f"design line {n}: reference differs from the <ref> text ({r['rid']})")
        raw = " ".join("".join(c.itertext()) for c in ref if isinstance(c.tag, str) and c.tag != "label")
        if alnum(r["reference"]) != alnum(raw):
            errors.append(f"design line {n}: letters differ from the raw <ref> itertext ({r['rid']})")
    return errors


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def selftest(stance: list[dict], design: list[dict], articles: dict) -> bool:
    """Each deliberately broken copy must give at least one error."""
    broken_stance = []
    for change in ({"rid": "no-such-ref"}, {"sentence": stance[0]["sentence"] + " extra"},
                   {"marker": "[999]"}, {"stance": "neutral"}, {"cue": " "}):
        rec = copy.deepcopy(stance[0])
        rec.update(change)
        broken_stance.append([rec])
    broken_stance.append([stance[0], stance[0]])
    broken_design = []
    for change in ({"rid": "no-such-ref"}, {"reference": design[0]["reference"] + " x"},
                   {"design": "trial"}, {"named": "T"}):
        rec = copy.deepcopy(design[0])
        rec.update(change)
        broken_design.append([rec])
    broken_design.append([design[0], design[0]])
    caught = sum(bool(check_stance(b, articles)) for b in broken_stance)
    caught += sum(bool(check_design(b, articles)) for b in broken_design)
    total = len(broken_stance) + len(broken_design)
    print(f"selftest: {caught}/{total} broken copies rejected")
    return caught == total


def main() -> int:
    articles: dict[str, Article] = {}
    stance, cue, design = load(STANCE), load(CUE), load(DESIGN)
    errors = check_stance(stance, articles) + check_stance(cue, articles) + check_design(design, articles)
    keys = {(r["article"], r["sentence"], r["rid"], r["marker"]) for r in stance}
    if any((r["article"], r["sentence"], r["rid"], r["marker"]) in keys for r in cue):
        errors.append("a record is in both stance-support15.jsonl and stance-support15cue.jsonl")
    if len(stance) < 300 or len(design) < 300:
        errors.append(f"counts: {len(stance)} stance / {len(design)} design records, 300 of each wanted")
    if len(cue) != 40:
        errors.append(f"counts: {len(cue)} cue-stratum records, 40 wanted")
    for name, records in (("stance", stance), ("design", design)):
        per: dict[str, int] = {}
        for r in records:
            per[r["article"]] = per.get(r["article"], 0) + 1
        bad = {a: n for a, n in per.items() if n != 20}
        if bad:
            errors.append(f"counts: {name} records per article not 20: {bad}")
    prefix = "tests/data/support/support15/articles/"
    if len(articles) != 15 or not all(a.startswith(prefix) for a in articles):
        errors.append(f"articles: {len(articles)} (15 under tests/data/support/support15/articles/ wanted)")
    print(f"{len(stance)} stance records, {len(cue)} cue-stratum stance records, "
          f"{len(design)} design records, {len(articles)} articles, {len(errors)} errors")
    for error in errors[:30]:
        print(error)
    ok = not errors
    if "--selftest" in sys.argv[1:]:
        ok = selftest(stance, design, articles) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
