"""Select and render the candidates of the support16 stance and design sets (issue #13). Assigns no label.

Every stance and design label in labels/*.tsv was written by hand, one candidate at a time.

  python3 sample.py stance        # TSV: id, kind, article, rid, marker, sentence ("random" records only)
  python3 sample.py stance-cue    # TSV: the same for the targeted contrast-cue stratum ("cue" records only)
  python3 sample.py stance-all    # every record, kind random / cue / rest
  python3 sample.py design        # TSV: id, article, rid, publication-type, reference
  python3 sample.py build         # join labels/{stance,stance-cue,design}.tsv with the candidates into
                                  # ../stance-support16.jsonl, ../stance-support16cue.jsonl and
                                  # ../design-support16.jsonl

Run from anywhere; the articles are read from ARTICLES_DIR ($SUPPORT16_DATA_ROOT, default /work/blind, +
tests/data/support/support16/articles), and every record's `article` is the path relative to that data root:
tests/data/support/support16/articles/NAME.xml. The jsonl files are written next to this folder.

support15's sample.py with these changes: file names, seed (16), article list, default data root
(/work/blind); records come from **body** paragraphs only (support15 also read abstract paragraphs); CONTRAST
has a bare "did not" (support15: "did not find/observe/..."); the design set is **every cited work of the 300
drawn stance records** (support15: 20 random references per article). Quotas (20 stance per article, 40 cue)
and the sentence cutting are unchanged: the cutting is fresh5/fresh7/fresh9/support13-15's, taken from the
repository's tests/data/support/fresh5/sample.py (CLAIMGRAPH_REPO, default /work/main) -- its `_segments`,
`collapse` and `sentence_bounds` (which come from tests/data/support/fresh/sample.py and
tests/data/support/sample.py; none of these imports ingest/ or claimgraph/) -- with the paragraph xpath
`//body//p` instead of `//body//p|//abstract//p`.

Stance sampling (the natural mix), per article in ARTICLES order, one random.Random(SEED) running through the
articles: the unique (sentence, rid, marker) records of the article are shuffled and the first
STANCE_PER_ARTICLE are "random" (no cue, no section filter): 15 x 20 = 300 records -> stance-support16.jsonl.

Targeted contrast stratum (kept apart, never mixed into the natural set): of the records not drawn as
"random", those whose sentence matches CONTRAST are pooled over all articles in ARTICLES/document order and
random.Random(SEED + 1).sample(pool, CUE_TOTAL) of them, kept in pool order, are "cue" ->
stance-support16cue.jsonl (set name support16cue).

Design: every distinct rid of the 300 "random" records, per article in //ref-list//ref document order.
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
ROOT = Path(os.environ.get("SUPPORT16_DATA_ROOT", "/work/blind"))
ARTICLES_DIR = ROOT / "tests" / "data" / "support" / "support16" / "articles"
REPO = Path(os.environ.get("CLAIMGRAPH_REPO", "/work/main"))
_spec = importlib.util.spec_from_file_location(
    "fresh5_sample", REPO / "tests" / "data" / "support" / "fresh5" / "sample.py")
fresh5 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fresh5)

SEED = 16
STANCE_PER_ARTICLE = 20
CUE_TOTAL = 40
ARTICLES = (
    # DISPUTE stratum
    "pmc4958141.xml", "pmc5811977.xml", "pmc3651585.xml", "pmc4606903.xml", "pmc6265616.xml",
    # CLINICAL stratum
    "pmc5344536.xml", "pmc5862341.xml", "pmc4811062.xml", "pmc5085630.xml", "pmc5709110.xml",
    # OTHER stratum
    "pmc4568953.xml", "pmc5841296.xml", "pmc3048386.xml", "pmc6160862.xml", "pmc3835881.xml",
)
CONTRAST = re.compile(
    r"in contrast|unlike|contrary|inconsisten|not consistent|conflict|contradict|disagree|at odds|"
    r"discrepan|controvers|challeng|fail(?:s|ed)? to|did not|"
    r"not (?:support|confirm|replicate|agree)|differ(?:s|ed|ent)? from|opposite|whereas|however|"
    r"rather than|surprising|unexpected|in disagreement|dispute|question",
    re.IGNORECASE,
)
STANCES = ("supporting", "contrasting", "mentioning")
DESIGNS = ("systematic-review", "rct", "cohort", "case-control", "cross-sectional", "case-report",
           "qualitative", "animal-in-vitro", "narrative-review", "book", "guideline", "commentary", "web",
           "dataset-software", "unknown")


def sentences_with_citations(path: str):
    """Yield (sentence, rid, marker) for every bibr xref of every body paragraph, cut exactly as
    fresh5.sentences_with_citations cuts them (its code with the xpath restricted to //body//p)."""
    for p in etree.parse(path).xpath("//body//p"):
        if p.xpath("ancestor::ref-list"):
            continue
        segs: list[list] = [[]]
        fresh5._segments(p, segs)
        for pieces in segs:
            raw, spans = "", []
            for text, xref in pieces:
                if xref is not None:
                    spans.append((len(raw), xref))
                raw += text
            if not spans:
                continue
            text = fresh5.collapse(raw)
            bounds = fresh5.sentence_bounds(text)
            for start, xref in spans:
                pos = len(fresh5.collapse(raw[:start] + "x")) - 1
                marker = fresh5.collapse("".join(xref.itertext()))
                for n, (s0, s1) in enumerate(bounds):
                    if s0 <= pos < s1:
                        while marker not in text[s0:s1] and n + 1 < len(bounds):
                            n += 1
                            s1 = bounds[n][1]
                        for rid in (xref.get("rid") or "").split():
                            yield text[s0:s1].strip(), rid, marker
                        break


def stance_candidates(include_rest: bool = False, kinds: tuple[str, ...] = ("random",)
                      ) -> list[tuple[str, str, str, str, str, str]]:
    """(id, kind, article, rid, marker, sentence) of the records of `kinds` (or, with include_rest, all)."""
    rng = random.Random(SEED)
    rows_all = []
    for path in (ARTICLES_DIR / name for name in ARTICLES):
        article = str(path.relative_to(ROOT))
        rows = list(dict.fromkeys(sentences_with_citations(str(path))))
        shuffled = rows[:]
        rng.shuffle(shuffled)
        drawn = set(shuffled[:STANCE_PER_ARTICLE])
        for n, row in enumerate(rows, 1):
            sentence, rid, marker = row
            rows_all.append([f"{path.stem}-{n:03d}", "random" if row in drawn else "rest",
                             article, rid, marker, sentence])
    pool = [r for r in rows_all if r[1] == "rest" and CONTRAST.search(r[5])]
    for r in random.Random(SEED + 1).sample(pool, min(CUE_TOTAL, len(pool))):
        r[1] = "cue"
    return [tuple(r) for r in rows_all if include_rest or r[1] in kinds]


def ref_text(ref: etree._Element) -> str:
    """Text of a <ref> minus its <label>, whitespace collapsed (element-citation fields joined by a space,
    mixed-citation as printed) -- the fresh6/fresh7/support13-15 rendering."""
    parts = []
    for cit in ref:
        if not isinstance(cit.tag, str) or cit.tag == "label":
            continue
        parts.append((" " if cit.tag == "element-citation" else "").join(cit.itertext()))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def design_candidates() -> list[dict[str, str]]:
    """Every distinct cited work (rid) of the drawn stance records, per article in document order."""
    cited: dict[str, set[str]] = {}
    for _, _, article, rid, _, _ in stance_candidates():
        cited.setdefault(article, set()).add(rid)
    out = []
    for path in (ARTICLES_DIR / name for name in ARTICLES):
        article = str(path.relative_to(ROOT))
        refs = etree.parse(str(path)).xpath("//ref-list//ref")
        ids = {ref.get("id") for ref in refs}
        assert cited[article] <= ids, f"{article}: cited rid not in ref-list {cited[article] - ids}"
        for ref in refs:
            if ref.get("id") in cited[article]:
                types = ref.xpath(".//@publication-type")
                out.append({"id": f"{path.stem}-{ref.get('id')}", "article": article, "rid": ref.get("id"),
                            "type": types[0] if types else "", "reference": ref_text(ref)})
    return out


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / "labels" / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def _stance_records(tsv: str, kind: str) -> list[dict]:
    by_id = {c[0]: c for c in stance_candidates(kinds=(kind,))}
    records, seen = [], set()
    for cid, label, cue in _tsv(tsv):
        assert cid in by_id and cid not in seen, f"{tsv} {cid}: unknown or repeated"
        assert label in STANCES and cue.strip(), f"{tsv} {cid}: bad label {label!r}"
        seen.add(cid)
        _, _, article, rid, marker, sentence = by_id[cid]
        records.append({"article": article, "sentence": sentence, "rid": rid, "marker": marker,
                        "stance": label, "cue": cue})
    assert seen == set(by_id), f"{tsv}: unlabelled {sorted(set(by_id) - seen)[:5]}"
    return records


def build() -> None:
    """Write the three jsonl files from the hand-written labels."""
    stance = _stance_records("stance.tsv", "random")
    cue = _stance_records("stance-cue.tsv", "cue")
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
    for name, records in (("stance-support16.jsonl", stance), ("stance-support16cue.jsonl", cue),
                          ("design-support16.jsonl", design)):
        out = HERE.parent / name
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"{len(records)} records -> {out}")


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "build":
        build()
    elif mode in ("stance", "stance-cue", "stance-all"):
        kinds = ("cue",) if mode == "stance-cue" else ("random",)
        for row in stance_candidates(include_rest=mode == "stance-all", kinds=kinds):
            print("\t".join(row))
    elif mode == "design":
        for c in design_candidates():
            print("\t".join((c["id"], c["article"], c["rid"], c["type"], c["reference"])))
    else:
        sys.exit("usage: sample.py stance|stance-cue|stance-all|design|build")
