"""An lxml check of stance-support16.jsonl, stance-support16cue.jsonl and design-support16.jsonl against the
articles (no ClaimGraph), plus counts. support15's check.py with the support16 names, data root and counts.

  python3 check.py            # check the three files; exit 1 on any error
  python3 check.py --selftest # also check that deliberately broken copies are rejected

Stance: the six keys in order, a valid stance, a non-empty cue, `rid` a <ref id> of the article's ref-list,
`sentence` a substring of the whitespace-collapsed text of a **body** <p> that holds an xref of type bibr
pointing to `rid` whose printed text is `marker`, `marker` in `sentence`, no duplicate (article, sentence,
rid, marker). Design: the six keys in order, a valid design, `named` a bool, a non-empty basis, `rid` a <ref
id>, `reference` equal to the rendered <ref> text (element-citation fields joined by a space, mixed-citation
as printed, label left out) and letter-for-letter equal to its raw itertext, no duplicate (article, rid).
Counts: 300 natural stance records, 20 per article; 40 cue-stratum records, none also in the natural file; the
design records of each article are exactly the distinct rids of its natural stance records; 15 articles, all
under tests/data/support/support16/articles/, each with the sha256 listed in choose/sha256.out.
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import sys
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = Path(os.environ.get("SUPPORT16_DATA_ROOT", "/work/fetched"))  # holds the fetched articles
STANCE = HERE.parent / "stance-support16.jsonl"
CUE = HERE.parent / "stance-support16cue.jsonl"  # the targeted contrast-cue stratum (set support16cue)
DESIGN = HERE.parent / "design-support16.jsonl"
PREFIX = "tests/data/support/support16/articles/"
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
        self.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
        tree = etree.parse(str(path))
        self.refs = {ref.get("id"): ref for ref in tree.xpath("//ref-list//ref")}
        self.paragraphs: list[tuple[str, set[tuple[str, str]]]] = []
        for p in tree.xpath("//body//p"):
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


def article(articles: dict, name: str) -> Article:
    if name not in articles:
        articles[name] = Article(ROOT / name)
    return articles[name]


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
        art = article(articles, r["article"])
        if r["rid"] not in art.refs:
            errors.append(f"stance line {n}: rid {r['rid']} is not a <ref id> of {r['article']}")
        if r["marker"] not in r["sentence"]:
            errors.append(f"stance line {n}: marker {r['marker']!r} not in sentence")
        if not any(r["sentence"] in text and (r["rid"], r["marker"]) in xrefs
                   for text, xrefs in art.paragraphs):
            errors.append(f"stance line {n}: no body paragraph holds the sentence with an xref {r['rid']} "
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
        art = article(articles, r["article"])
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


def check_counts(stance: list[dict], cue: list[dict], design: list[dict], articles: dict) -> list[str]:
    errors = []
    keys = {(r["article"], r["sentence"], r["rid"], r["marker"]) for r in stance}
    if any((r["article"], r["sentence"], r["rid"], r["marker"]) in keys for r in cue):
        errors.append("a record is in both stance-support16.jsonl and stance-support16cue.jsonl")
    if len(stance) != 300:
        errors.append(f"counts: {len(stance)} natural stance records, 300 wanted")
    if len(cue) != 40:
        errors.append(f"counts: {len(cue)} cue-stratum records, 40 wanted")
    per: dict[str, int] = {}
    cited: dict[str, set[str]] = {}
    for r in stance:
        per[r["article"]] = per.get(r["article"], 0) + 1
        cited.setdefault(r["article"], set()).add(r["rid"])
    bad = {a: n for a, n in per.items() if n != 20}
    if bad:
        errors.append(f"counts: stance records per article not 20: {bad}")
    labelled: dict[str, set[str]] = {}
    for r in design:
        labelled.setdefault(r["article"], set()).add(r["rid"])
    if labelled != cited:
        diff = {a: sorted(cited.get(a, set()) ^ labelled.get(a, set()))[:5]
                for a in set(cited) | set(labelled) if cited.get(a) != labelled.get(a)}
        errors.append(f"design: not exactly the cited works of the natural stance records: {diff}")
    names = set(per) | {r["article"] for r in cue} | set(labelled)
    if len(names) != 15 or not all(a.startswith(PREFIX) for a in names):
        errors.append(f"articles: {len(names)} (15 under {PREFIX} wanted)")
    sums = {}
    for line in (HERE / "choose" / "sha256.out").read_text().splitlines():
        digest, name = line.split()
        sums[PREFIX + name] = digest
    for name in sorted(names):
        if sums.get(name) != article(articles, name).sha256:
            errors.append(f"articles: sha256 of {name} differs from choose/sha256.out")
    return errors


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def selftest(stance: list[dict], cue: list[dict], design: list[dict], articles: dict) -> bool:
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
    broken_counts = [(stance[1:], cue, design), (stance, cue[1:], design), (stance, cue, design[1:]),
                     (stance, cue + [stance[0]], design)]
    caught += sum(bool(check_counts(s, c, d, articles)) for s, c, d in broken_counts)
    total = len(broken_stance) + len(broken_design) + len(broken_counts)
    print(f"selftest: {caught}/{total} broken copies rejected")
    return caught == total


def main() -> int:
    articles: dict[str, Article] = {}
    stance, cue, design = load(STANCE), load(CUE), load(DESIGN)
    errors = check_stance(stance, articles) + check_stance(cue, articles) + check_design(design, articles)
    errors += check_counts(stance, cue, design, articles)
    print(f"{len(stance)} stance records, {len(cue)} cue-stratum stance records, "
          f"{len(design)} design records, {len(articles)} articles, {len(errors)} errors")
    for error in errors[:30]:
        print(error)
    ok = not errors
    if "--selftest" in sys.argv[1:]:
        ok = selftest(stance, cue, design, articles) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
