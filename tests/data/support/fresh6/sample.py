"""Select and render the design-labelling candidates of fresh-pdf3 (issue #13, design-fresh6).

Every reference of the four smaller articles (<= 60 refs); a seeded random sample of 28 refs
(random.Random(SEED).sample over the document-order ref list) of each of the five larger ones.
Prints article, rid, publication-type and the reference text; labels are written by hand.
"""
import json
import random
import re
import sys
from pathlib import Path

from lxml import etree

FETCHED = Path("/work/fetched")
CORPUS = FETCHED / "tests/data/corpus/fresh-pdf3"
SEED = 6
PER_LARGE = 28
SMALL_MAX = 60


def ref_text(ref: etree._Element) -> str:
    """Text content of a <ref> minus its <label>, whitespace collapsed.

    element-citation has no printed punctuation between fields, so its text nodes are joined with a
    space; mixed-citation keeps its own punctuation and is joined as is.
    """
    parts = []
    for cit in ref:
        if not isinstance(cit.tag, str) or cit.tag == "label":
            continue
        sep = " " if cit.tag == "element-citation" else ""
        nodes = [t for t in cit.xpath(".//text()")
                 if not isinstance(t.getparent(), etree._ProcessingInstruction)]
        # text() skips PI/comment content already; tails of PIs are element text of the parent
        parts.append(sep.join(nodes))
    return re.sub(r"\s+", " ", " ".join(parts)).strip()


def pubtype(ref: etree._Element) -> str:
    types = ref.xpath(".//@publication-type")
    return types[0] if types else ""


def candidates() -> list[dict]:
    out = []
    for path in sorted(CORPUS.glob("*.xml")):
        refs = etree.parse(str(path)).xpath("//ref-list//ref")
        if len(refs) > SMALL_MAX:
            refs = sorted(random.Random(SEED).sample(refs, PER_LARGE), key=refs.index)
        for ref in refs:
            out.append({"article": str(path.relative_to(FETCHED)), "rid": ref.get("id"),
                        "type": pubtype(ref), "reference": ref_text(ref)})
    return out


if __name__ == "__main__":
    for c in candidates():
        if len(sys.argv) > 1 and sys.argv[1] not in c["article"]:
            continue
        print(json.dumps(c, ensure_ascii=False))
