"""List the candidate citing sentences of the fresh stance set (tests/data/support/fresh/*.xml).

This script only *selects and renders*; it assigns no label. Every stance and cue in
tests/data/support/fresh/labels.tsv was written by hand, one candidate at a time.

  python3 tests/data/support/fresh/sample.py list    # TSV: id, cue|random|rest, rid, marker, sentence
  python3 tests/data/support/fresh/sample.py build   # join labels.tsv with the candidates into
                                                     # tests/data/support/stance-fresh.jsonl

Sampling: every (sentence, rid, marker) whose sentence matches CONTRAST_CUES is a "cue" candidate;
the others are shuffled with random.Random(SEED) and the first RANDOM_PER_ARTICLE of each article
are "random"; the remainder are "rest". Sentences are cut by the shared sentence splitter of
tests/data/support/sample.py (the same cutting as the dev/blind sets).
"""
from __future__ import annotations

import glob
import json
import os
import random
import re
import sys
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sample import collapse, sentence_bounds  # noqa: E402  (the dev/blind sets' own splitter)

# The articles are fetched data, kept outside the repository: STANCE_DATA_ROOT names the tree that
# holds tests/data/support/<set>/*.xml (e.g. /work/fetched); default the repository root.
ROOT = Path(os.environ.get("STANCE_DATA_ROOT") or HERE.parents[3]).resolve()
XML = ROOT / HERE.relative_to(HERE.parents[3])
SEED = 1313
RANDOM_PER_ARTICLE = 1000  # larger than any article: every citing sentence is drawn and read
CONTRAST_CUES = re.compile(
    r"in contrast|unlike|contrary|contrarily|however|inconsistent|did not|do not|failed to|disagree|"
    r"challeng|conflict|whereas|differ|at odds|not support|not replicate|opposite|argue|departure|"
    r"although|rather than|controvers|unexpected|previously believed|poor model",
    re.I,
)


BLOCKS = {"fig", "fig-group", "table-wrap", "supplementary-material", "p", "list", "disp-formula"}


def _segments(el: etree._Element, segs: list[list]) -> None:
    """Append (text, xref-or-None) pieces of el to segs[-1]; a nested block starts a new segment."""
    if el.text:
        segs[-1].append((el.text, None))
    for ch in el:
        if ch.tag in BLOCKS:
            segs.append([])
        elif ch.tag == "xref" and ch.get("ref-type") == "bibr":
            segs[-1].append(("".join(ch.itertext()), ch))
        else:
            _segments(ch, segs)
        if ch.tail:
            segs[-1].append((ch.tail, None))


def sentences_with_citations(path: str):
    """Yield (sentence, rid, marker) for every bibr xref of every paragraph (body, abstract, decision
    letter, author response). Unlike tests/data/support/sample.py, paragraphs holding a figure or table
    are kept: the figure is a sentence boundary, and its caption paragraphs are read on their own."""
    for p in etree.parse(path).xpath("//body//p|//abstract//p"):
        if p.xpath("ancestor::ref-list"):
            continue
        segs: list[list] = [[]]
        _segments(p, segs)
        for pieces in segs:
            raw, spans = "", []
            for text, xref in pieces:
                if xref is not None:
                    spans.append((len(raw), xref))
                raw += text
            if not spans:
                continue
            text = collapse(raw)
            bounds = sentence_bounds(text)
            for start, xref in spans:
                pos = len(collapse(raw[:start] + "x")) - 1
                for s0, s1 in bounds:
                    if s0 <= pos < s1:
                        for rid in (xref.get("rid") or "").split():
                            yield text[s0:s1].strip(), rid, collapse("".join(xref.itertext()))
                        break


def candidates() -> list[tuple[str, str, str, str, str, str]]:
    """(id, kind, article, rid, marker, sentence) for every citation of every fresh article."""
    rng = random.Random(SEED)
    out = []
    for path in sorted(glob.glob(str(XML / "*.xml"))):
        article = str(Path(path).relative_to(ROOT))
        short = Path(path).stem.replace("elife-", "").replace("-v1", "")
        rows = list(dict.fromkeys(sentences_with_citations(path)))
        cue = [r for r in rows if CONTRAST_CUES.search(r[0])]
        other = [r for r in rows if not CONTRAST_CUES.search(r[0])]
        rng.shuffle(other)
        drawn = [("cue", r) for r in cue] + [("random", r) for r in other[:RANDOM_PER_ARTICLE]]
        drawn += [("rest", r) for r in other[RANDOM_PER_ARTICLE:]]
        order = {r: i for i, r in enumerate(rows)}
        drawn.sort(key=lambda kr: order[kr[1]])
        for n, (kind, (sentence, rid, marker)) in enumerate(drawn, 1):
            out.append((f"{short}-{n:03d}", kind, article, rid, marker, sentence))
    return out


def build() -> None:
    """Write stance-fresh.jsonl from labels.tsv (id, stance, cue) and the candidate list."""
    by_id = {c[0]: c for c in candidates()}
    records = []
    for line in (HERE / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cid, stance, cue = line.split("\t")
        _, _, article, rid, marker, sentence = by_id[cid]
        records.append({"article": article, "sentence": sentence, "rid": rid, "marker": marker,
                        "stance": stance, "cue": cue})
    out = HERE.parent / "stance-fresh.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} records -> {out}")


if __name__ == "__main__":
    if sys.argv[1:] == ["build"]:
        build()
    else:
        for row in candidates():
            print("\t".join(row))
