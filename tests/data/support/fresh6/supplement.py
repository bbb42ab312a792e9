"""Supplementary candidates: every reference of the five larger articles not in the random sample
whose rendered text carries a design cue word (or a non-journal publication-type other than 'other'/'std').
Written before labelling the supplement; prints JSON lines like sample.py."""
import json
import re

from lxml import etree
from sample import CORPUS, FETCHED, SMALL_MAX, candidates, pubtype, ref_text

CUE = re.compile(r"random|trial|cohort|case[- ]control|case report|case series|guideline|consensus|"
                 r"survey|review|meta-?analy|systematic|cross-sectional|prospective|retrospective|"
                 r"dataset|data set|database|software|package|toolbox|library|in vitro|in vivo|"
                 r"patients|clinical|questionnaire|qualitative|interview|report|handbook|editorial|"
                 r"commentary|letter|perspective|opinion", re.I)

taken = {(c["article"], c["rid"]) for c in candidates()}
for path in sorted(CORPUS.glob("*.xml")):
    refs = etree.parse(str(path)).xpath("//ref-list//ref")
    if len(refs) <= SMALL_MAX:
        continue
    art = str(path.relative_to(FETCHED))
    for ref in refs:
        if (art, ref.get("id")) in taken:
            continue
        text, typ = ref_text(ref), pubtype(ref)
        if CUE.search(text) or typ in ("book", "web", "software", "data", "report", "confproc"):
            print(json.dumps({"article": art, "rid": ref.get("id"), "type": typ, "reference": text},
                             ensure_ascii=False))
