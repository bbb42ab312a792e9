"""Join the hand-written labels (labels/*.tsv) with the rendered candidates into design-fresh6.jsonl."""
import json
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE.parent / "design-fresh6.jsonl"
DESIGNS = {"systematic-review", "rct", "cohort", "case-control", "cross-sectional", "case-report",
           "qualitative", "animal-in-vitro", "narrative-review", "book", "guideline", "commentary", "web",
           "dataset-software", "unknown"}

cands = {}
for name in ("candidates.jsonl", "supplement.jsonl"):
    for line in open(HERE / name, encoding="utf-8"):
        c = json.loads(line)
        cands[(Path(c["article"]).stem, c["rid"])] = c

labels = {}
for tsv in sorted((HERE / "labels").glob("*.tsv")):
    stem = tsv.stem.removeprefix("supp-")
    for line in open(tsv, encoding="utf-8"):
        rid, design, named, basis = line.rstrip("\n").split("\t")
        assert design in DESIGNS, (tsv, rid, design)
        assert named in ("T", "F"), (tsv, rid)
        key = (stem, rid)
        assert key in cands and key not in labels, key
        labels[key] = (design, named == "T", basis)
assert set(labels) == set(cands), set(cands) ^ set(labels)

order = {k: i for i, k in enumerate(cands)}
with open(OUT, "w", encoding="utf-8") as out:
    recs = []
    for key, c in cands.items():
        design, named, basis = labels[key]
        recs.append({"article": c["article"], "rid": c["rid"], "reference": c["reference"],
                     "design": design, "named": named, "basis": basis})
    # document order within each article (sample and supplement interleaved)
    from lxml import etree
    pos = {}
    for art in {r["article"] for r in recs}:
        ids = [r.get("id") for r in etree.parse(str(Path("/work/fetched") / art)).xpath("//ref-list//ref")]
        pos.update({(art, rid): i for i, rid in enumerate(ids)})
    recs.sort(key=lambda r: (r["article"], pos[(r["article"], r["rid"])]))
    for r in recs:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(recs), "records ->", OUT)
