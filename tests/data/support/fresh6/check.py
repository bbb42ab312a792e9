"""Independent lxml check of design-fresh6.jsonl: fields, labels, every rid a <ref id> of its article,
every `reference` the whitespace-collapsed text of that <ref> (exact, and letter-for-letter against the
raw itertext), no duplicates."""
import json
import re
import sys
from pathlib import Path

from lxml import etree

FETCHED = Path("/work/fetched")
SET = FETCHED / "tests/data/support/design-fresh6.jsonl"
FIELDS = ["article", "rid", "reference", "design", "named", "basis"]
DESIGNS = {"systematic-review", "rct", "cohort", "case-control", "cross-sectional", "case-report",
           "qualitative", "animal-in-vitro", "narrative-review", "book", "guideline", "commentary", "web",
           "dataset-software", "unknown"}


def alnum(s: str) -> str:
    return re.sub(r"\W+", "", s).lower()


def raw_text(ref) -> str:
    """All text of the <ref> except its <label>, concatenated as lxml itertext gives it."""
    out = []
    for child in ref:
        if isinstance(child.tag, str) and child.tag != "label":
            out.append("".join(child.itertext()))
    return " ".join(out)


def exact_text(ref) -> str:
    """Rendering convention: element-citation fields joined by a space, mixed-citation text as is."""
    parts = []
    for child in ref:
        if not isinstance(child.tag, str) or child.tag == "label":
            continue
        parts.append((" " if child.tag == "element-citation" else "").join(child.itertext()))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def main() -> int:
    errors, seen, trees = [], set(), {}
    lines = SET.read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        r = json.loads(line)
        if list(r) != FIELDS:
            errors.append(f"line {n}: fields {list(r)}")
            continue
        if r["design"] not in DESIGNS or not isinstance(r["named"], bool) or not r["basis"].strip():
            errors.append(f"line {n}: bad label {r['design']!r} {r['named']!r}")
        key = (r["article"], r["rid"])
        if key in seen:
            errors.append(f"line {n}: duplicate {key}")
        seen.add(key)
        path = FETCHED / r["article"]
        if path not in trees:
            trees[path] = {ref.get("id"): ref for ref in etree.parse(str(path)).xpath("//ref-list//ref")}
        ref = trees[path].get(r["rid"])
        if ref is None:
            errors.append(f"line {n}: rid {r['rid']} not a <ref id> of {r['article']}")
            continue
        if r["reference"] != exact_text(ref):
            errors.append(f"line {n}: reference differs from <ref> text ({r['rid']})")
        if alnum(r["reference"]) != alnum(raw_text(ref)):
            errors.append(f"line {n}: letters differ from raw <ref> itertext ({r['rid']})")
    print(f"{len(lines)} records, {len(trees)} articles, {len(errors)} errors")
    for e in errors[:20]:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
