"""List the candidate citing sentences of the second fresh stance set (tests/data/support/fresh2/*.xml).

This script only *selects and renders*; it assigns no label. Every stance and cue in
tests/data/support/fresh2/labels.tsv was written by hand, one candidate at a time.

  python3 tests/data/support/fresh2/sample.py list    # TSV: id, kind, article, rid, marker, sentence
  python3 tests/data/support/fresh2/sample.py build   # join labels.tsv with the candidates into
                                                      # tests/data/support/stance-fresh2.jsonl

Sampling, per article (in the order of ARTICLES): every (sentence, rid, marker) in the Discussion (a body
section titled Discussion or Conclusion(s), with its subsections) is a "discussion" candidate — that is where
articles compare their results with other work, so contrasting citations are there if anywhere;
outside it, every one whose sentence matches CONTRAST_CUES (the first fresh set's regex) is "cue";
the others are shuffled with random.Random(SEED) and the first RANDOM_PER_ARTICLE of each article are
"random"; the remainder are "rest" (listed, not labelled). Sentences are cut exactly as in the first
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
SEED = 1314
RANDOM_PER_ARTICLE = 15
# The articles in the order they were chosen (the shared random draw runs through them in this order, so
# adding an article at the end leaves the draws of the earlier ones unchanged): a first batch of eight,
# then two, three and two more, chosen because the earlier ones held fewer contrasting citations than
# the brief asked for.
ARTICLES = (
    "journal.pcbi.1004152.xml", "journal.pmed.0020171.xml", "journal.pone.0002554.xml",
    "journal.pone.0008519.xml", "journal.pone.0040259.xml", "journal.pone.0046041.xml",
    "journal.pone.0066742.xml", "journal.pone.0116586.xml",
    "journal.pone.0021661.xml", "journal.pone.0028031.xml",
    "journal.pone.0010562.xml", "journal.pntd.0001969.xml", "journal.ppat.0040045.xml",
    "journal.pone.0118238.xml", "journal.pone.0032315.xml",
)
DISCUSSION_TITLES = ("discussion", "conclusion")


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
                for s0, s1 in bounds:
                    if s0 <= pos < s1:
                        for rid in (xref.get("rid") or "").split():
                            yield disc, text[s0:s1].strip(), rid, collapse("".join(xref.itertext()))
                        break


def candidates() -> list[tuple[str, str, str, str, str, str]]:
    """(id, kind, article, rid, marker, sentence) for every citation of every fresh2 article."""
    on_disk = sorted(Path(p).name for p in glob.glob(str(XML / "*.xml")))
    assert on_disk == sorted(ARTICLES), f"ARTICLES does not list exactly the XML files here: {on_disk}"
    rng = random.Random(SEED)
    out = []
    for path in (str(XML / name) for name in ARTICLES):
        article = str(Path(path).relative_to(ROOT))
        short = Path(path).stem.replace("journal.", "")
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
        drawn += [("rest", r) for r in other[RANDOM_PER_ARTICLE:]]
        order = {r: i for i, r in enumerate(rows)}
        drawn.sort(key=lambda kr: order[kr[1]])
        for n, (kind, (sentence, rid, marker)) in enumerate(drawn, 1):
            out.append((f"{short}-{n:03d}", kind, article, rid, marker, sentence))
    return out


def build() -> None:
    """Write stance-fresh2.jsonl from labels.tsv (id, stance, cue) and the candidate list."""
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
    out = HERE.parent / "stance-fresh2.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(f"{len(records)} records -> {out}")


if __name__ == "__main__":
    if sys.argv[1:] == ["build"]:
        build()
    else:
        for row in candidates():
            print("\t".join(row))
