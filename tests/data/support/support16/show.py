"""Print candidates for reading (helper for the labeller; assigns no label).
  python3 show.py stance|stance-cue ARTICLE_STEM   -- records with the cited reference (first 110 chars)
  python3 show.py para ID                          -- the full paragraph holding record ID (any kind)"""
import importlib.util
import sys

from lxml import etree

spec = importlib.util.spec_from_file_location("s16", __file__.replace("show.py", "sample.py"))
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
mode, arg = sys.argv[1], sys.argv[2]
if mode == "para":
    rows = {r[0]: r for r in m.stance_candidates(include_rest=True)}
    cid, kind, article, rid, marker, sentence = rows[arg]
    for p in etree.parse(str(m.ROOT / article)).xpath("//body//p"):
        text = m.fresh5.collapse("".join(p.itertext()))
        if sentence in text:
            print(text)
            print("--")
else:
    kinds = ("cue",) if mode == "stance-cue" else ("random",)
    refs = {}
    for row in m.stance_candidates(kinds=kinds):
        cid, kind, article, rid, marker, sentence = row
        if arg not in article:
            continue
        if article not in refs:
            tree = etree.parse(str(m.ROOT / article))
            refs[article] = {r.get("id"): m.ref_text(r) for r in tree.xpath("//ref-list//ref")}
        print(f"{cid} [{rid} '{marker}'] {sentence}\n      REF: {refs[article].get(rid, '?')[:110]}")
