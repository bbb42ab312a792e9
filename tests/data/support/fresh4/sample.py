"""List the candidate citing sentences of the fourth fresh stance set (tests/data/support/fresh4/*.xml).

This script only *selects and renders*; it assigns no label. Every stance and cue in
tests/data/support/fresh4/labels.tsv was written by hand, one candidate at a time.

  python3 tests/data/support/fresh4/sample.py list    # TSV: id, kind, article, rid, marker, sentence
  python3 tests/data/support/fresh4/sample.py build   # join labels.tsv with the candidates into
                                                      # tests/data/support/stance-fresh4.jsonl

Sampling, per article (in the order of ARTICLES): every (sentence, rid, marker) in the Discussion (a body
section titled Discussion or Conclusion(s), with its subsections) is a "discussion" candidate — that is where
articles compare their results with other work, so contrasting citations are there if anywhere;
outside it, every one whose sentence matches CONTRAST_CUES (the first fresh set's regex) is "cue";
the others are shuffled with random.Random(SEED) and the first RANDOM_PER_ARTICLE of each article are
"random"; of the remainder, those whose sentence begins as in HAND_PICKED are "hand", the others "rest"
(listed, not labelled). Sentences are cut exactly as in the first
fresh set (its `sentences_with_citations` cutting: the dev/blind splitter, figures as boundaries).
"""
from __future__ import annotations

import glob
import importlib.util
import json
import os
import random
import sys
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from sample import collapse, sentence_bounds  # noqa: E402  (the dev/blind sets' own splitter)

_spec = importlib.util.spec_from_file_location("fresh_sample", HERE.parent / "fresh" / "sample.py")
fresh_sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fresh_sample)  # the first fresh set's cue regex and paragraph cutting
CONTRAST_CUES = fresh_sample.CONTRAST_CUES
_segments = fresh_sample._segments

# The articles are fetched data, kept outside the repository: STANCE_DATA_ROOT names the tree that
# holds tests/data/support/<set>/*.xml (e.g. /work/fetched); default the repository root.
ROOT = Path(os.environ.get("STANCE_DATA_ROOT") or HERE.parents[3]).resolve()
XML = ROOT / HERE.relative_to(HERE.parents[3])
SEED = 1316
RANDOM_PER_ARTICLE = 12
# The articles in the order they were chosen (the shared random draw runs through them in this order, so
# adding an article at the end leaves the draws of the earlier ones unchanged). All are also in
# tests/data/corpus/fresh4/ (the same bytes): one blind collection serves both issues.
ARTICLES = (
    "peerj-3360.xml", "frontiers-fmicb-2012-00403.xml", "mdpi-nu3010049.xml", "f1000research-19540-v1.xml",
    "f1000research-19931-v1.xml", "ijm-00202.xml", "springer-ijbm-s12529-016-9630-3.xml",
    "kjim-1999-14-1-95.xml", "pmc-scirep-8438044.xml", "f1000research-24532-v1.xml",
    "pmc-intzool-9786276.xml", "pmc-scirep-12354728.xml", "mdpi-nu3010063.xml",
    "hindawi-achem-2017-8147421.xml", "f1000research-14334-v1.xml",
)
DISCUSSION_TITLES = ("discussion", "conclusion")
# Sentences outside the Discussion that the contrast-cue regex misses but that dispute or qualify a cited
# work, or carry contrast wording ("but see", "despite the fact that", "are far from", "against this view",
# "contrasting reconstructions", "has proven to be incorrect", "yet ... was observed"), found by reading every
# "rest" record (see README "How the records were sampled"): all their records are drawn as "hand".
HAND_PICKED = (
    ("frontiers-fmicb-2012-00403.xml", "These studies have typically only provided levels of coverage"),
    ("pmc-intzool-9786276.xml", "For example, Pace and Gibb (2014) ascribe it to Clarias"),
    ("pmc-intzool-9786276.xml", "Against this view is the fact of efficient underwater walking of Siren"),
    ("pmc-intzool-9786276.xml", "Thus, dorsoventrally flattened reconstructions of Panderichthys"),
    ("pmc-intzool-9786276.xml", "Interestingly, 2 contrasting reconstructions of Tiktaalik"),
    ("pmc-intzool-9786276.xml", "For instance, the assumption of flattened head in Tiktaalik"),
    ("pmc-intzool-9786276.xml", "PGI 1728.II.16) was used by the authors"),
    ("mdpi-nu3010063.xml", "Given the importance of LRAT in the synthesis of retinyl ester"),
    ("mdpi-nu3010063.xml", "RPE65 (originally referred to as p63) had been identified in the earlier"),
)


def in_discussion(p: etree._Element) -> bool:
    """Whether paragraph p lies in a body section (or subsection of one) titled Discussion/Conclusion."""
    for sec in p.xpath("ancestor::sec[parent::body]"):
        title = collapse("".join(sec.findtext("title") or "")).lower()
        if any(word in title for word in DISCUSSION_TITLES):
            return True
    return False


def sentences_with_citations(path: str):
    """Yield (in_discussion, sentence, rid, marker) for every bibr xref of every body and abstract
    paragraph, cut as tests/data/support/fresh/sample.py cuts them."""
    for p in etree.parse(path).xpath("//body//p|//abstract//p"):
        if p.xpath("ancestor::ref-list"):
            continue
        disc = in_discussion(p)
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
                marker = collapse("".join(xref.itertext()))
                for n, (s0, s1) in enumerate(bounds):
                    if s0 <= pos < s1:
                        # A marker that the splitter cuts in two ("(Hillyard. Hink, Schwent, & Picton,
                        # 1973)") keeps its whole text: the sentence runs on to the end of the marker.
                        while marker not in text[s0:s1] and n + 1 < len(bounds):
                            n += 1
                            s1 = bounds[n][1]
                        for rid in (xref.get("rid") or "").split():
                            yield disc, text[s0:s1].strip(), rid, marker
                        break


def candidates() -> list[tuple[str, str, str, str, str, str]]:
    """(id, kind, article, rid, marker, sentence) for every citation of every fresh4 article."""
    on_disk = sorted(Path(p).name for p in glob.glob(str(XML / "*.xml")))
    assert on_disk == sorted(ARTICLES), f"ARTICLES does not list exactly the XML files here: {on_disk}"
    rng = random.Random(SEED)
    out = []
    for path in (str(XML / name) for name in ARTICLES):
        article = str(Path(path).relative_to(ROOT))
        short = Path(path).stem
        seen: dict[tuple[str, str, str], bool] = {}
        for disc, sentence, rid, marker in sentences_with_citations(path):
            seen.setdefault((sentence, rid, marker), disc)
        rows = list(seen)
        disc = [r for r in rows if seen[r]]
        cue = [r for r in rows if not seen[r] and CONTRAST_CUES.search(r[0])]
        other = [r for r in rows if not seen[r] and not CONTRAST_CUES.search(r[0])]
        rng.shuffle(other)
        drawn = [("discussion", r) for r in disc] + [("cue", r) for r in cue]
        drawn += [("random", r) for r in other[:RANDOM_PER_ARTICLE]]
        starts = [start for name, start in HAND_PICKED if name == Path(path).name]
        drawn += [("hand" if any(r[0].startswith(start) for start in starts) else "rest", r)
                  for r in other[RANDOM_PER_ARTICLE:]]
        order = {r: i for i, r in enumerate(rows)}
        drawn.sort(key=lambda kr: order[kr[1]])
        for n, (kind, (sentence, rid, marker)) in enumerate(drawn, 1):
            out.append((f"{short}-{n:03d}", kind, article, rid, marker, sentence))
    return out


def build() -> None:
    """Write stance-fresh4.jsonl from labels.tsv (id, stance, cue) and the candidate list."""
    by_id = {c[0]: c for c in candidates()}
    records = []
    for line in (HERE / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cid, stance, cue = line.split("\t")
        kind, article, rid, marker, sentence = by_id[cid][1:]
        assert kind != "rest", f"{cid} was not drawn"
        records.append({"article": article, "sentence": sentence, "rid": rid, "marker": marker,
                        "stance": stance, "cue": cue})
    out = HERE.parent / "stance-fresh4.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} records -> {out}")


if __name__ == "__main__":
    if sys.argv[1:] == ["build"]:
        build()
    else:
        for row in candidates():
            print("\t".join(row))
