"""Select and render the candidates of the fresh7 stance and design sets (issue #13). Assigns no label.

Every stance and design label in labels/*.tsv was written by hand, one candidate at a time.

  python3 sample.py stance        # TSV: id, kind, article, rid, marker, sentence (drawn records only)
  python3 sample.py stance-all    # the same with the undrawn ("rest") records too
  python3 sample.py design        # TSV: id, article, rid, publication-type, reference
  python3 sample.py build         # join labels/stance.tsv and labels/design.tsv with the candidates into
                                  # ../stance-fresh7.jsonl and ../design-fresh7.jsonl

Run from anywhere; the articles are read from ARTICLES_DIR ($FRESH7_DATA_ROOT, default /work/fetched, +
tests/data/support/fresh7/articles), and every record's `article` is the path relative to that data root:
tests/data/support/fresh7/articles/NAME.xml. The jsonl files are written next to this folder.

Sentences are cut exactly as in fresh5: `sentences_with_citations` and `in_discussion` are imported from the
repository's tests/data/support/fresh5/sample.py (CLAIMGRAPH_REPO, default /work/main), which itself uses the
dev/blind splitter of tests/data/support/sample.py and the paragraph cutting of fresh/sample.py.

Stance sampling, per article in ARTICLES order, one random.Random(SEED) running through the articles: the
unique (sentence, rid, marker) records of the article are shuffled and the first RANDOM_PER_ARTICLE are
"random" (no cue, no section filter: the natural class mix). Supplement ("discussion", fixed before any
label was written, no cue regex): every not-yet-drawn record whose paragraph lies in a body section titled
Discussion/Conclusion(s) of the SUPPLEMENT_ARTICLES. Second supplement ("discussion2", added after the core
was labelled): every Discussion record of the SUPPLEMENT2_ARTICLES; third ("discussion3"): every Discussion
record of the SUPPLEMENT3_ARTICLES. The rest are "rest" (listed by
stance-all, not labelled).

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
# The data root that holds the fetched articles (never committed): /work/fetched unless FRESH7_DATA_ROOT says
# otherwise, so this script also runs from a copy of this folder inside the repository.
ROOT = Path(os.environ.get("FRESH7_DATA_ROOT", "/work/fetched"))
ARTICLES_DIR = ROOT / "tests" / "data" / "support" / "fresh7" / "articles"
REPO = Path(os.environ.get("CLAIMGRAPH_REPO", "/work/main"))
_spec = importlib.util.spec_from_file_location(
    "fresh5_sample", REPO / "tests" / "data" / "support" / "fresh5" / "sample.py")
fresh5 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fresh5)

SEED = 7
RANDOM_PER_ARTICLE = 30
DESIGN_PER_ARTICLE = 21
ARTICLES = (
    "journal.pone.0036880.xml", "journal.pone.0042593.xml", "journal.pone.0068090.xml",
    "journal.pone.0026358.xml", "journal.pmed.1001518.xml", "journal.pone.0047391.xml",
    "journal.pone.0067227.xml", "journal.pone.0185809.xml", "journal.pone.0070598.xml",
    "journal.pmed.0030520.xml",
)
# Cue-free supplement (see README): all Discussion records of these articles not drawn at random.
SUPPLEMENT_ARTICLES = ("journal.pmed.0030520.xml", "journal.pone.0047391.xml", "journal.pone.0067227.xml")
# Second supplement, added after the first 336 records were labelled (7 contrasting): six more articles
# with long Discussions, of which every Discussion record is drawn ("discussion2"); no random draw and no
# design sample from them, so the random stream and the draws of ARTICLES are unchanged.
SUPPLEMENT2_ARTICLES = (
    "journal.pone.0120049.xml", "journal.pone.0146913.xml", "journal.pone.0153170.xml",
    "journal.pone.0067380.xml", "journal.pone.0078761.xml", "journal.pone.0005723.xml",
)
# Third supplement, added after the second (20 contrasting in 539 records): every Discussion record of one
# more discussion-heavy article, a palaeontology paper that argues with earlier analyses ("discussion3").
SUPPLEMENT3_ARTICLES = ("journal.pone.0087236.xml",)
STANCES = ("supporting", "contrasting", "mentioning")
DESIGNS = ("systematic-review", "rct", "cohort", "case-control", "cross-sectional", "case-report",
           "qualitative", "animal-in-vitro", "narrative-review", "book", "guideline", "commentary", "web",
           "dataset-software", "unknown")


def stance_candidates(include_rest: bool = False) -> list[tuple[str, str, str, str, str, str]]:
    """(id, kind, article, rid, marker, sentence) of every drawn (or, with include_rest, every) record."""
    rng = random.Random(SEED)
    out = []
    for path in (ARTICLES_DIR / name for name in ARTICLES + SUPPLEMENT2_ARTICLES + SUPPLEMENT3_ARTICLES):
        article = str(path.relative_to(ROOT))
        seen: dict[tuple[str, str, str], bool] = {}
        for disc, sentence, rid, marker in fresh5.sentences_with_citations(str(path)):
            seen.setdefault((sentence, rid, marker), disc)
        rows = list(seen)
        drawn: set[tuple[str, str, str]] = set()
        if path.name in ARTICLES:
            shuffled = rows[:]
            rng.shuffle(shuffled)
            drawn = set(shuffled[:RANDOM_PER_ARTICLE])
        order = {r: i for i, r in enumerate(rows)}
        for n, row in enumerate(sorted(rows, key=order.get), 1):
            if row in drawn:
                kind = "random"
            elif path.name in SUPPLEMENT_ARTICLES and seen[row]:
                kind = "discussion"
            elif path.name in SUPPLEMENT2_ARTICLES and seen[row]:
                kind = "discussion2"
            elif path.name in SUPPLEMENT3_ARTICLES and seen[row]:
                kind = "discussion3"
            else:
                kind = "rest"
            if kind != "rest" or include_rest:
                sentence, rid, marker = row
                out.append((f"{path.stem.removeprefix('journal.')}-{n:03d}", kind, article, rid, marker,
                            sentence))
    return out


def ref_text(ref: etree._Element) -> str:
    """Text of a <ref> minus its <label>, whitespace collapsed (element-citation fields joined by a space,
    mixed-citation as printed) -- the fresh6 rendering."""
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
            out.append({"id": f"{path.stem.removeprefix('journal.')}-{ref.get('id')}",
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
    """Write ../stance-fresh7.jsonl and ../design-fresh7.jsonl from the hand-written labels."""
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
    for name, records in (("stance-fresh7.jsonl", stance), ("design-fresh7.jsonl", design)):
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
