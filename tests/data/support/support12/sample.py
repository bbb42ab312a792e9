"""Select and render the candidates of the support12 stance and design sets (issue #13). Assigns no label.

Every stance and design label in labels/*.tsv was written by hand, one candidate at a time.

  python3 sample.py stance        # TSV: id, kind, article, rid, marker, sentence (drawn records only)
  python3 sample.py stance-all    # the same with the undrawn ("rest") records too
  python3 sample.py design        # TSV: id, article, rid, publication-type, reference
  python3 sample.py build         # join labels/stance.tsv and labels/design.tsv with the candidates into
                                  # ../stance-support12.jsonl and ../design-support12.jsonl

Run from anywhere; the articles are read from ARTICLES_DIR ($SUPPORT12_DATA_ROOT, default /work/fetched, +
tests/data/support/support12/articles), and every record's `article` is the path relative to that data root:
tests/data/support/support12/articles/NAME.xml. The jsonl files are written next to this folder.

Sentences are cut exactly as in fresh5 and fresh7: `sentences_with_citations` is imported from the
repository's tests/data/support/fresh5/sample.py (CLAIMGRAPH_REPO, default /work/main), which itself uses the
dev/blind splitter of tests/data/support/sample.py and the paragraph cutting of fresh/sample.py.

Stance sampling, per article in ARTICLES order, one random.Random(SEED) running through the articles: the
unique (sentence, rid, marker) records of the article are shuffled and the first QUOTA[article] are
"random" (no cue, no section filter: the natural class mix; 22 for the first six articles, 21 for the other
eight: 300 records). The rest are "rest" (listed by stance-all, not labelled).

Design sampling: per article, random.Random(SEED).sample(refs, DESIGN_PER_ARTICLE) over the document-order
//ref-list//ref list (a fresh Random(SEED) per article), kept in document order.
"""
from __future__ import annotations

import importlib.util
import json
import os
import random
import re
import sys
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
# The data root holding the fetched articles (never committed): /work/fetched unless SUPPORT12_DATA_ROOT
# says otherwise (where the set was written blind it was /work/blind).
ROOT = Path(os.environ.get("SUPPORT12_DATA_ROOT", "/work/fetched"))
ARTICLES_DIR = ROOT / "tests" / "data" / "support" / "support12" / "articles"
REPO = Path(os.environ.get("CLAIMGRAPH_REPO", "/work/main"))
_spec = importlib.util.spec_from_file_location(
    "fresh5_sample", REPO / "tests" / "data" / "support" / "fresh5" / "sample.py")
fresh5 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fresh5)

SEED = 12
DESIGN_PER_ARTICLE = 11
ARTICLES = (
    "pmc5701364.xml", "pmc5331732.xml", "pmc4780397.xml", "pmc5012263.xml", "pmc5038132.xml",
    "pmc5627132.xml", "pmc6224622.xml", "pmc6600889.xml", "pmc5664493.xml", "pmc6167856.xml",
    "pmc5946249.xml", "pmc5011868.xml", "pmc2833239.xml", "pmc5406481.xml",
)
QUOTA = {name: (22 if i < 6 else 21) for i, name in enumerate(ARTICLES)}
STANCES = ("supporting", "contrasting", "mentioning")
DESIGNS = ("systematic-review", "rct", "cohort", "case-control", "cross-sectional", "case-report",
           "qualitative", "animal-in-vitro", "narrative-review", "book", "guideline", "commentary", "web",
           "dataset-software", "unknown")


def stance_candidates(include_rest: bool = False) -> list[tuple[str, str, str, str, str, str]]:
    """(id, kind, article, rid, marker, sentence) of every drawn (or, with include_rest, every) record."""
    rng = random.Random(SEED)
    out = []
    for path in (ARTICLES_DIR / name for name in ARTICLES):
        article = str(path.relative_to(ROOT))
        seen: dict[tuple[str, str, str], bool] = {}
        for disc, sentence, rid, marker in fresh5.sentences_with_citations(str(path)):
            seen.setdefault((sentence, rid, marker), disc)
        rows = list(seen)
        shuffled = rows[:]
        rng.shuffle(shuffled)
        drawn = set(shuffled[:QUOTA[path.name]])
        for n, row in enumerate(rows, 1):
            kind = "random" if row in drawn else "rest"
            if kind != "rest" or include_rest:
                sentence, rid, marker = row
                out.append((f"{path.stem}-{n:03d}", kind, article, rid, marker, sentence))
    return out


def ref_text(ref: etree._Element) -> str:
    """Text of a <ref> minus its <label>, whitespace collapsed (element-citation fields joined by a space,
    mixed-citation as printed) -- the fresh6/fresh7 rendering."""
    parts = []
    for cit in ref:
        if not isinstance(cit.tag, str) or cit.tag == "label":
            continue
        parts.append((" " if cit.tag == "element-citation" else "").join(cit.itertext()))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def design_candidates() -> list[dict[str, str]]:
    """The seeded random sample of references of every article, in document order."""
    out = []
    for path in (ARTICLES_DIR / name for name in ARTICLES):
        refs = etree.parse(str(path)).xpath("//ref-list//ref")
        picked = sorted(random.Random(SEED).sample(refs, DESIGN_PER_ARTICLE), key=refs.index)
        for ref in picked:
            types = ref.xpath(".//@publication-type")
            out.append({"id": f"{path.stem}-{ref.get('id')}",
                        "article": str(path.relative_to(ROOT)), "rid": ref.get("id"),
                        "type": types[0] if types else "", "reference": ref_text(ref)})
    return out


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / "labels" / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def build() -> None:
    """Write ../stance-support12.jsonl and ../design-support12.jsonl from the hand-written labels."""
    by_id = {c[0]: c for c in stance_candidates()}
    stance, seen = [], set()
    for cid, label, cue in _tsv("stance.tsv"):
        assert cid in by_id and cid not in seen, f"stance {cid}: unknown or repeated"
        assert label in STANCES and cue.strip(), f"stance {cid}: bad label {label!r}"
        seen.add(cid)
        _, _, article, rid, marker, sentence = by_id[cid]
        stance.append({"article": article, "sentence": sentence, "rid": rid, "marker": marker,
                       "stance": label, "cue": cue})
    assert seen == set(by_id), f"stance: unlabelled {sorted(set(by_id) - seen)[:5]}"
    cands = {c["id"]: c for c in design_candidates()}
    design, seen = [], set()
    for cid, label, named, basis in _tsv("design.tsv"):
        assert cid in cands and cid not in seen, f"design {cid}: unknown or repeated"
        assert label in DESIGNS and named in ("T", "F") and basis.strip(), f"design {cid}: bad label"
        seen.add(cid)
        c = cands[cid]
        design.append({"article": c["article"], "rid": c["rid"], "reference": c["reference"],
                       "design": label, "named": named == "T", "basis": basis})
    assert seen == set(cands), f"design: unlabelled {sorted(set(cands) - seen)[:5]}"
    for name, records in (("stance-support12.jsonl", stance), ("design-support12.jsonl", design)):
        out = HERE.parent / name
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"{len(records)} records -> {out}")


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "build":
        build()
    elif mode in ("stance", "stance-all"):
        for row in stance_candidates(include_rest=mode == "stance-all"):
            print("\t".join(row))
    elif mode == "design":
        for c in design_candidates():
            print("\t".join((c["id"], c["article"], c["rid"], c["type"], c["reference"])))
    else:
        sys.exit("usage: sample.py stance|stance-all|design|build")
