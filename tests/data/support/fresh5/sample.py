"""List the candidate citing sentences of the fifth fresh stance set (tests/data/corpus/fresh5/*.xml).

This script only *selects and renders*; it assigns no label. Every stance and cue in
tests/data/support/fresh5/labels.tsv was written by hand, one candidate at a time.

  python3 tests/data/support/fresh5/sample.py list    # TSV: id, kind, article, rid, marker, sentence
  python3 tests/data/support/fresh5/sample.py build   # join labels.tsv with the candidates into
                                                      # tests/data/support/stance-fresh5.jsonl

Run from the data root (/work/fetched); the dev/blind splitter is imported from the repository's
tests/data/support/sample.py (CLAIMGRAPH_REPO, default /work/main) and the paragraph cutting from
../fresh/sample.py, exactly as ../fresh4/sample.py does. Sampling, per article (in ARTICLES order): every
(sentence, rid, marker) in a body section titled Discussion/Conclusion(s) (with subsections) is
"discussion"; outside it, every one whose sentence matches CUES (the first fresh set's contrast regex
plus wording of scholarly disagreement: contra, pace, against, but see, problem, wrong, incorrect,
counterexample, cannot, not ... predict/account, claim, propose, assume, analysis/account of) is "cue";
the others are shuffled with random.Random(SEED) and the first RANDOM_PER_ARTICLE of each article are
"random"; of the remainder, those whose sentence begins as in HAND_PICKED are "hand", the others "rest"
(listed, not labelled).
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
ROOT = HERE.parents[3]  # the data root, /work/fetched
REPO = Path(os.environ.get("CLAIMGRAPH_REPO", "/work/main"))
sys.path.insert(0, str(REPO / "tests" / "data" / "support"))
from sample import collapse, sentence_bounds  # noqa: E402  (the dev/blind sets' own splitter)

_spec = importlib.util.spec_from_file_location("fresh_sample", HERE.parent / "fresh" / "sample.py")
fresh_sample = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fresh_sample)  # the first fresh set's cue regex and paragraph cutting
_segments = fresh_sample._segments
CUES = re.compile(
    fresh_sample.CONTRAST_CUES.pattern
    + r"|\bcontra\b|\bpace\b|against|but see|problem|wrong|incorrect|counterexample|cannot|can't|"
    r"not (?:predict|account|explain|capture|hold)|\bclaim|propos|assum|analys[ie]s of|account of|"
    r"fail|contradict|not consistent|no evidence|not confirm|dispute|question",
    re.I,
)
SEED = 1515
RANDOM_PER_ARTICLE = 8
CORPUS = ROOT / "tests" / "data" / "corpus" / "fresh5"
ARTICLES = (
    "glossa-5703.xml", "glossa-5745.xml", "glossa-5887.xml", "glossa-6371.xml",
    "ehtj-PMC2640145.xml", "asm-jvi-PMC4645344.xml", "jstm-tmh-PMC3880869.xml", "jstm-tmh-PMC4361343.xml",
    "astmh-ajtmh-PMC4347352.xml", "astmh-ajtmh-PMC4530765.xml", "gutliver-PMC4625707.xml",
    "ajas-PMC4093116.xml", "who-blt-PMC4669736.xml", "medknow-jgid-PMC4338443.xml", "sigs-PMC4062634.xml",
)
DISCUSSION_TITLES = ("discussion", "conclusion")
# A review whose whole body after the introduction is one "Results and Discussion" section: no Discussion
# census there (it would be the whole article); its records are drawn as cue + random like any other.
REVIEWS = ("ajas-PMC4093116.xml",)
# Sentences outside the Discussion and cue strata that dispute a cited work, found by reading every "rest"
# record once (see README "How the records were sampled"): all their records are drawn as "hand".
HAND_PICKED: tuple[tuple[str, str], ...] = (
    ("glossa-5887.xml", "Kitagawa’s (2019) defense of the discourse anaphoric approach"),
    ("glossa-5887.xml", "Sensitivity to the Adjunct Island Constraint was denied"),
    ("glossa-5887.xml", "We introduce an IHRC-specific operator Op"),
    ("glossa-6371.xml", "In other words, while DPM is sensitive to lexical semantics"),
    ("glossa-6371.xml", "Furthermore, while properties of the nominal referent clearly impact DPM, animacy"),
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
    paragraph, cut as tests/data/support/fresh/sample.py cuts them (copied from ../fresh4/sample.py)."""
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
                        while marker not in text[s0:s1] and n + 1 < len(bounds):
                            n += 1
                            s1 = bounds[n][1]
                        for rid in (xref.get("rid") or "").split():
                            yield disc, text[s0:s1].strip(), rid, marker
                        break


def candidates() -> list[tuple[str, str, str, str, str, str]]:
    """(id, kind, article, rid, marker, sentence) for every citation of every fresh5 article."""
    rng = random.Random(SEED)
    out = []
    for path in (CORPUS / name for name in ARTICLES):
        article = str(path.relative_to(ROOT))
        short = path.stem
        seen: dict[tuple[str, str, str], bool] = {}
        for disc, sentence, rid, marker in sentences_with_citations(str(path)):
            seen.setdefault((sentence, rid, marker), disc and path.name not in REVIEWS)
        rows = list(seen)
        disc = [r for r in rows if seen[r]]
        cue = [r for r in rows if not seen[r] and CUES.search(r[0])]
        other = [r for r in rows if not seen[r] and not CUES.search(r[0])]
        rng.shuffle(other)
        drawn = [("discussion", r) for r in disc] + [("cue", r) for r in cue]
        drawn += [("random", r) for r in other[:RANDOM_PER_ARTICLE]]
        starts = [start for name, start in HAND_PICKED if name == path.name]
        drawn += [("hand" if any(r[0].startswith(start) for start in starts) else "rest", r)
                  for r in other[RANDOM_PER_ARTICLE:]]
        order = {r: i for i, r in enumerate(rows)}
        drawn.sort(key=lambda kr: order[kr[1]])
        for n, (kind, (sentence, rid, marker)) in enumerate(drawn, 1):
            out.append((f"{short}-{n:03d}", kind, article, rid, marker, sentence))
    return out


def build() -> None:
    """Write stance-fresh5.jsonl from labels.tsv (id, stance, cue) and the candidate list."""
    by_id = {c[0]: c for c in candidates()}
    records = []
    for line in (HERE / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cid, stance, cue = line.split("\t")
        kind, article, rid, marker, sentence = by_id[cid][1:]
        assert kind != "rest", f"{cid} was not drawn"
        assert stance in ("supporting", "contrasting", "mentioning"), cid
        records.append({"article": article, "sentence": sentence, "rid": rid, "marker": marker,
                        "stance": stance, "cue": cue})
    out = HERE.parent / "stance-fresh5.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} records -> {out}")


if __name__ == "__main__":
    if sys.argv[1:] == ["build"]:
        build()
    else:
        for row in candidates():
            print("\t".join(row))
