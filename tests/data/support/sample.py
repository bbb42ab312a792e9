"""Draw the candidate references and citing sentences that were then labelled by hand.

This script only *selects and renders* material from the corpus JATS files; it assigns no label.
Run: python3 tests/data/support/sample.py MODE, MODE one of design, design-supplement, stance,
stance-supplement, stance-handpicked (TSV to stdout; seed fixed).
"design-supplement" lists every reference not drawn by "design" in the clinical/epidemiological
articles, plus two 'case study' titles kept as traps; of its EHP rows only the non-routine ones
(reviews, human exposure surveys, titles naming in vitro/in vivo, modelling) were labelled.
"""
from __future__ import annotations

import glob
import random
import re
import sys

from lxml import etree

CORPUS = "tests/data/corpus/jats"
SEED = 13
RANDOM_REFS_PER_ARTICLE = 6
RANDOM_SENTENCES_PER_ARTICLE = 5

DESIGN_CUES = re.compile(
    r"random|meta-anal|systematic|cohort|case[- ]control|cross-sectional|survey|case report|"
    r"case series|qualitative|interview|focus group|review|guideline|consensus|recommendation|"
    r"editorial|commentary|comment|letter|news|perspective|opinion|essay|trial|prospective|"
    r"retrospective|population-based|prevalence|incidence|software|package|database|program|"
    r"annual rev|nat rev|nature rev|trends |curr opin|current opinion|handbook|manual|report",
    re.I,
)
CONTRAST_CUES = re.compile(
    r"in contrast|unlike|contrary|however|inconsistent|did not|failed to|disagree|challeng|"
    r"conflict|whereas|not consistent|contradict|opposite|differ|no evidence|not support|"
    r"not confirm|not replicate|although|but not|rather than|controvers|dispute",
    re.I,
)


def collapse(text: str) -> str:
    """Collapse runs of whitespace to one space and strip."""
    return re.sub(r"\s+", " ", text).strip()


def render_reference(ref: etree._Element) -> tuple[str, str]:
    """Return (publication-type, 'Authors (year). Title. Source.') for one <ref>."""
    cits = ref.xpath("./element-citation|./mixed-citation|./citation|./nlm-citation")
    if not cits:
        return "", collapse(" ".join(ref.itertext()))
    cit = cits[0]
    ptype = cit.get("publication-type") or cit.get("citation-type") or ""
    names = []
    for name in cit.xpath("./person-group[1]/name|./person-group[1]/collab|./collab|./name"):
        if name.tag == "collab":
            names.append(collapse(" ".join(name.itertext())))
        else:
            parts = name.xpath("./surname//text()") + name.xpath("./given-names//text()")
            names.append(collapse(" ".join(parts)))
    if cit.xpath("./person-group[1]/etal|./etal"):
        names.append("et al.")
    year = collapse(" ".join(cit.xpath("./year//text()")))
    title_path = "./article-title//text()|./data-title//text()|./chapter-title//text()"
    title = collapse(" ".join(cit.xpath(title_path)))
    source = collapse(" ".join(cit.xpath("./source//text()")))
    if not title and not source:
        source = collapse(" ".join(cit.xpath("./comment//text()")))
    if not (names or title or source):
        return ptype, collapse(" ".join(cit.itertext()))
    parts = [", ".join(names) + (f" ({year})" if year else ""), title, source]
    return ptype, ". ".join(p for p in parts if p) + "."


def paragraph_text(p: etree._Element) -> str:
    """The paragraph's rendered text: itertext, whitespace collapsed."""
    return collapse("".join(p.itertext()))


def _walk(el: etree._Element, pieces: list) -> None:
    """Append (text, xref-or-None) pieces of el in document order; a bibr xref is one piece."""
    if el.text:
        pieces.append((el.text, None))
    for ch in el:
        if ch.tag == "xref" and ch.get("ref-type") == "bibr":
            pieces.append(("".join(ch.itertext()), ch))
        else:
            _walk(ch, pieces)
        if ch.tail:
            pieces.append((ch.tail, None))


def sentences_with_citations(path: str):
    """Yield (sentence, rid, marker) for every bibr xref, the sentence cut from its paragraph."""
    tree = etree.parse(path)
    for p in tree.xpath("//body//p|//abstract//p"):
        if p.xpath("ancestor::ref-list") or not p.xpath(".//xref[@ref-type='bibr']"):
            continue
        if p.xpath(".//p"):
            continue
        # Build collapsed text with offsets of each xref.
        pieces: list[tuple[str, etree._Element | None]] = []
        _walk(p, pieces)
        raw = ""
        spans = []
        for text, xref in pieces:
            start = len(raw)
            raw += text
            if xref is not None:
                spans.append((start, len(raw), xref))
        text = collapse(raw)
        # map raw offsets to collapsed offsets
        mapping = []
        out = 0
        prev_space = True
        lead = True
        for ch in raw:
            mapping.append(out)
            if ch.isspace():
                if not prev_space and not lead:
                    out += 1
                prev_space = True
            else:
                out += 1
                prev_space = False
                lead = False
        mapping.append(out)
        bounds = sentence_bounds(text)
        for start, _end, xref in spans:
            pos = min(mapping[start], len(text) - 1)
            for s0, s1 in bounds:
                if s0 <= pos < s1:
                    sent = text[s0:s1].strip()
                    for rid in (xref.get("rid") or "").split():
                        yield sent, rid, collapse("".join(xref.itertext()))
                    break


ABBREV = re.compile(r"(?:\bet al|\be\.g|\bi\.e|\bFig|\bFigs|\bRef|\bRefs|\bvs|\bcf|\bapprox|\bca"
                    r"|\bno|\bSupp|\bEq|\bsp|\bspp|\bvar|\bStr|\b[A-Z])\.$")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Split at '. ' followed by an upper-case letter, unless the period ends an abbreviation."""
    bounds = []
    start = 0
    for m in re.finditer(r"[.!?]\)?(?:\s+)(?=[A-Z(\[])", text):
        head = text[start:m.start() + 1]
        if ABBREV.search(head):
            continue
        bounds.append((start, m.end()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


# Second stance pass: comparison / prior-claim wording the first cue list misses (sentences not
# already drawn; the two synthetic eLife samples are skipped).
COMPARISON_CUES = re.compile(
    r"higher than|lower than|greater than|smaller than|less than|more than|compared (with|to)|"
    r"previous(ly)? (studies|reports|work|findings|thought|proposed|suggested|reported|believed|assumed)|"
    r"other studies|earlier (studies|work|reports)|in our study|present study|this study|"
    r"our (data|results|findings)|we (found|show|observed)|proposed|it was concluded|hypothes|"
    r"than (previously|reported|those reported)|not (observed|found|detected|seen|agree)|oppos|disput|"
    r"refut|argue|question|despite|revis|at odds|discrepan|surpris|unexpected|not the case|incorrect|"
    r"not replicat|not reproduc|in disagreement|not in agreement|not explain|in agreement|in line with",
    re.I,
)
SKIP_IN_SUPPLEMENT = ("elife-00666", "elife-kitchen-sink")

# Third stance pass: after the two automatic passes every remaining citing sentence of the
# non-synthetic articles was read for disagreement; these are the ones kept (by sentence start).
HAND_PICKED = [
    ("elife-02833-v2", "We note that our experimental conditions do not detect robust CTCF"),
    ("elife00007", "The field studies described above have either spanned too short a time"),
    ("elife00133", "For example, there are several more recent reviews"),
    ("pmc-pntd.0002065", "A lower prevalence of 24.7% was reported"),
    ("pmc-pone.0000217", "Thus at low fitness most mutations are either lethal"),
]

SUPPLEMENT_ARTICLES = [
    "pmc-6605965a", "pmc-1472-6831-8-11", "pmc-mds526", "pmc-pntd.0002065", "pmc-ehp-116-1694",
]
SUPPLEMENT_TRAPS = [("elife-14093-v1", "bib13"), ("elife02304", "bib49")]


def supplement(drawn: set[tuple[str, str]]) -> None:
    """Print the references of the supplementary design pass (see the module docstring)."""
    for name in SUPPLEMENT_ARTICLES:
        path = f"{CORPUS}/{name}.xml"
        for ref in etree.parse(path).xpath("//ref-list//ref"):
            if (path, ref.get("id")) not in drawn:
                ptype, rendered = render_reference(ref)
                print("\t".join([path, ref.get("id"), ptype, "clinical-pass", rendered]))
    for name, rid in SUPPLEMENT_TRAPS:
        path = f"{CORPUS}/{name}.xml"
        ref = etree.parse(path).xpath(f"//ref[@id='{rid}']")[0]
        ptype, rendered = render_reference(ref)
        print("\t".join([path, rid, ptype, "trap", rendered]))


def main(kind: str) -> None:
    rng = random.Random(SEED)
    drawn: set[tuple[str, str]] = set()
    for path in sorted(glob.glob(f"{CORPUS}/*.xml")):
        art = path
        if kind in ("design", "design-supplement"):
            tree = etree.parse(path)
            rows = []
            for ref in tree.xpath("//ref-list//ref"):
                ptype, rendered = render_reference(ref)
                cue = ptype not in ("journal", "") or bool(DESIGN_CUES.search(rendered))
                rows.append((ref.get("id"), ptype, rendered, cue))
            cued = [r for r in rows if r[3]]
            plain = [r for r in rows if not r[3]]
            chosen = cued + rng.sample(plain, min(RANDOM_REFS_PER_ARTICLE, len(plain)))
            for rid, ptype, rendered, cue in chosen:
                drawn.add((art, rid))
                if kind == "design":
                    print("\t".join([art, rid, ptype, "cue" if cue else "random", rendered]))
        elif kind == "stance-handpicked":
            continue
        elif kind == "stance-supplement":
            rows = list(dict.fromkeys(sentences_with_citations(path)))
            sents = list(dict.fromkeys(s for s, _, _ in rows))
            contrast = [s for s in sents if CONTRAST_CUES.search(s)]
            others = [s for s in sents if not CONTRAST_CUES.search(s)]
            k = min(RANDOM_SENTENCES_PER_ARTICLE, len(others))
            drawn_sents = set(contrast) | set(rng.sample(others, k))
            if any(skip in path for skip in SKIP_IN_SUPPLEMENT):
                continue
            for s, rid, marker in rows:
                if s not in drawn_sents and COMPARISON_CUES.search(s):
                    print("\t".join([art, rid, marker, "comparison-pass", s]))
        else:
            rows = list(dict.fromkeys(sentences_with_citations(path)))
            sents = list(dict.fromkeys(s for s, _, _ in rows))
            contrast = [s for s in sents if CONTRAST_CUES.search(s)]
            others = [s for s in sents if not CONTRAST_CUES.search(s)]
            chosen = set(contrast) | set(rng.sample(others, min(RANDOM_SENTENCES_PER_ARTICLE, len(others))))
            for s, rid, marker in rows:
                if s in chosen:
                    print("\t".join([art, rid, marker, "cue" if s in contrast else "random", s]))
    if kind == "design-supplement":
        supplement(drawn)
    if kind == "stance-handpicked":
        for name, start in HAND_PICKED:
            path = f"{CORPUS}/{name}.xml"
            for sent, rid, marker in dict.fromkeys(sentences_with_citations(path)):
                if sent.startswith(start):
                    print("\t".join([path, rid, marker, "hand-picked", sent]))


if __name__ == "__main__":
    main(sys.argv[1])
