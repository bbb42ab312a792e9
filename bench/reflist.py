"""Field accuracy of the printed-reference-list parser (ingest.reflist) against JATS fields.

    python -m bench.reflist [--jats tests/data/corpus/jats] [--show 0]

Every `<ref>` of the non-blind JATS articles (tests/data/corpus/blind.txt is skipped) gives
gold fields from its markup (surnames, year, article title or book title, DOI) and printed
forms to parse:
- "printed": the publisher's own `mixed-citation` text where it is printed text (punctuation
  between the tagged parts), as the article shows it;
- "apa", "vancouver", "nature", "harvard", "elife", "numbered": the structured fields rendered
  the way each style prints them (as a reference list in that style would read).
Reported per form: entries, and the share whose author surnames (all named ones, in order),
year, title (case- and punctuation-folded, ≥ 0.9 similar) and DOI (when the gold has one)
the parser gets right.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ingest.reflist import parse_entry

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"
FIELDS = ("authors", "year", "title", "doi")


@dataclass
class Gold:
    families: list[str]
    givens: list[str]
    year: str
    title: str
    venue: str
    volume: str
    pages: str
    doi: str
    book: bool
    printed: str = ""


@dataclass
class Score:
    entries: int = 0
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    counted: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)


def blind_files() -> set[str]:
    lines = (CORPUS / "blind.txt").read_text(encoding="utf-8").splitlines()
    return {(CORPUS / line.strip()).name for line in lines if line.strip() and not line.startswith("#")}


def _text(node: etree._Element | None) -> str:
    return " ".join("".join(node.itertext()).split()) if node is not None else ""


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def gold_of(ref: etree._Element) -> Gold | None:
    """Gold fields of one <ref> (None when it has no citation element)."""
    found = {_local(c.tag): c for c in reversed(list(ref.iter()))}
    mixed = found.get("mixed-citation")
    citation = next((found[k] for k in ("element-citation", "citation") if k in found), mixed)
    if citation is None:
        return None
    group = next((g for g in citation.iter() if _local(g.tag) == "person-group"
                  and g.get("person-group-type", "author") == "author"), citation)
    families, givens = [], []
    for person in group.iter():
        if _local(person.tag) in ("name", "string-name"):
            surname = next((c for c in person.iter() if _local(c.tag) == "surname"), None)
            given = next((c for c in person.iter() if _local(c.tag) == "given-names"), None)
            families.append(_text(surname))
            givens.append(_text(given))
        elif _local(person.tag) == "collab":
            families.append(_text(person))
            givens.append("")
        if person is not group and _local(person.tag) == "person-group":
            break

    def first(*names: str) -> str:
        found = next((c for c in citation.iter() if _local(c.tag) in names), None)
        return _text(found)

    title = first("article-title", "chapter-title", "data-title")
    book = not title
    title = title or first("source")
    doi = next((_text(c) for c in citation.iter()
                if _local(c.tag) == "pub-id" and c.get("pub-id-type") == "doi"), "")
    if not doi:
        found = re.search(r"10\.\d{4,9}/\S+", " ".join(citation.itertext()))
        doi = found.group(0).rstrip(".,;") if found else ""
    year = re.sub(r"[^\da-z]", "", first("year"))[:5]
    pages = first("fpage") + ("–" + first("lpage") if first("lpage") else "")
    printed = ""
    if mixed is not None:
        own_text = "".join([mixed.text or ""] + [c.tail or "" for c in mixed])
        if len(re.findall(r"[.,;:]", own_text)) >= 3:
            printed = " ".join(_printed(mixed).split())
    return Gold(families, givens, year, title, "" if book else first("source"), first("volume"), pages,
                doi, book, printed)


def _printed(node: etree._Element) -> str:
    """A mixed-citation as the article prints it: 'Rich KM', link-only ids (PMID) left out."""
    parts = [node.text or ""]
    for child in node:
        name = _local(child.tag)
        if name == "name":
            inner = " ".join(_text(c) for c in child if _local(c.tag) in ("surname", "given-names"))
        elif name == "pub-id" and child.get("pub-id-type") != "doi":
            inner = ""
        else:
            inner = _printed(child)
        before = "".join(parts)
        if inner and before and before[-1].isalnum() and inner[0].isalnum():
            inner = " " + inner
        parts.extend([inner, child.tail or ""])
    return "".join(parts)


def _initials(given: str, dots: bool) -> str:
    letters = [part[0] for part in re.split(r"[\s.\-]+", given) if part]
    if not letters and given:
        letters = [given[0]]
    return " ".join(f"{c}." for c in letters) if dots else "".join(letters)


def render(gold: Gold, style: str, number: int) -> str:
    """The reference as `style` prints it."""
    fam, giv = gold.families, gold.givens
    title, venue, year, vol, pages = gold.title.rstrip("."), gold.venue, gold.year, gold.volume, gold.pages
    doi = f" doi: {gold.doi}" if gold.doi else ""
    if style in ("vancouver", "numbered", "elife"):
        names = [f"{f} {_initials(g, False)}".strip() for f, g in zip(fam, giv, strict=True)]
        if style == "vancouver" and len(names) > 6:
            names = [*names[:6], "et al"]
        authors = ", ".join(names)
        where = f"{venue} {vol}:{pages}" if vol else venue
        if style == "elife":
            return f"{authors}. {year}. {title}. {where}.{doi}".replace(" .", ".")
        text = f"{authors}. {title}. {venue}. {year};{vol}:{pages}.{doi}" if vol else \
            f"{authors}. {title}. {venue or ''}; {year}.{doi}"
        return f"{number}. {text}" if style == "numbered" else text
    dotted = [f"{f}, {_initials(g, True)}".strip(" ,") for f, g in zip(fam, giv, strict=True)]
    if style == "apa":
        authors = ", ".join(dotted[:-1]) + (", & " if len(dotted) > 1 else "") + dotted[-1] if dotted else ""
        where = f" {venue}, {vol}, {pages}." if vol else (f" {venue}." if venue else "")
        link = f" https://doi.org/{gold.doi}" if gold.doi else ""
        return f"{authors} ({year}). {title}.{where}{link}"
    if style == "harvard":
        authors = ", ".join(dotted[:-1]) + (" and " if len(dotted) > 1 else "") + dotted[-1] if dotted else ""
        where = f" {venue}, {vol}, pp. {pages}." if vol else (f" {venue}." if venue else "")
        return f"{authors} ({year}) {title}.{where}{doi}"
    if style == "nature":
        authors = ", ".join(dotted[:-1]) + (" & " if len(dotted) > 1 else "") + dotted[-1] if dotted else ""
        where = f" {venue} {vol}, {pages}" if vol else (f" {venue}" if venue else "")
        return f"{number}. {authors} {title}.{where} ({year}).{doi}"
    raise ValueError(style)


def _fold(text: str) -> str:
    import anyascii

    return " ".join(re.sub(r"[^a-z0-9]+", " ", anyascii.anyascii(text).lower()).split())


def score_one(score: Score, gold: Gold, printed: str, show: bool) -> None:
    from rapidfuzz import fuzz

    ref = parse_entry(printed)
    score.entries += 1
    got = [_fold(p.family) for p in ref.authors]
    want = [_fold(f) for f in gold.families if f]
    checks = {
        "authors": bool(want) and got[:len(want)] == want[:len(got)] and len(got) >= min(len(want), 6),
        "year": bool(gold.year) and ref.year[:4] == gold.year[:4],
        "title": bool(gold.title) and fuzz.ratio(_fold(ref.title), _fold(gold.title)) >= 90,
        "doi": ref.fields.get("doi", "").lower() == gold.doi.lower(),
    }
    counted = {"authors": bool(want), "year": bool(gold.year), "title": bool(gold.title),
               "doi": bool(gold.doi)}
    for name in FIELDS:
        if counted[name]:
            score.counted[name] += 1
            score.right[name] += int(checks[name])
    wrong = [n for n in FIELDS if counted[n] and not checks[n]]
    if wrong and show:
        score.misses.append(f"{wrong} {printed}\n    -> {[p.family for p in ref.authors]} {ref.year!r} "
                            f"{ref.title!r} {ref.fields.get('doi', '')!r}")


def run(jats_dir: Path, show: int) -> dict[str, Score]:
    blind = blind_files()
    scores: dict[str, Score] = {}
    styles = ("apa", "vancouver", "nature", "harvard", "elife", "numbered")
    for path in sorted(jats_dir.glob("*.xml")):
        if path.name in blind:
            continue
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
        refs = [r for r in tree.iter() if _local(r.tag) == "ref"]
        for number, ref in enumerate(refs, start=1):
            gold = gold_of(ref)
            if gold is None or not gold.families:
                continue
            if gold.printed:
                score_one(scores.setdefault("printed", Score()), gold, gold.printed, bool(show))
            for style in styles:
                score_one(scores.setdefault(style, Score()), gold, render(gold, style, number), bool(show))
    return scores


def gold_references(xml: Path) -> dict[str, Gold]:
    """The <ref id> -> gold fields of a JATS file (references naming no author left out)."""
    tree = etree.parse(str(xml), etree.XMLParser(resolve_entities=False, no_network=True, recover=True))
    golds = {r.get("id", ""): gold_of(r) for r in tree.iter() if _local(r.tag) == "ref"}
    return {rid: g for rid, g in golds.items() if g and g.families}


def match_references(golds: dict[str, Gold] | list[Gold], parsed: list) -> dict[str, tuple[Gold, object]]:
    """Each gold reference paired with the parsed entry closest to it in print (greedy, in list
    order; a pair needs a fuzzy similarity of at least 50 on authors, year and title)."""
    from rapidfuzz import fuzz

    items = golds.items() if isinstance(golds, dict) else enumerate(golds)
    unused = list(parsed)
    pairs: dict[str, tuple[Gold, object]] = {}
    for rid, gold in items:
        wanted = _fold(" ".join([*gold.families, gold.year, gold.title]))[:160]

        def closeness(ref: object, wanted: str = wanted) -> float:
            return fuzz.ratio(_fold(ref.fields.get("printed", "")[:160]), wanted)  # type: ignore[attr-defined]
        best = max(unused, key=closeness, default=None)
        if best is None or closeness(best) < 50:
            continue
        unused.remove(best)
        pairs[str(rid)] = (gold, best)
    return pairs


def run_pdf(show: int) -> None:
    """The reference lists read from the non-blind PDFs, scored against their JATS fields."""
    from bench.pdf import PDFS
    from ingest.pdf import read_pdf

    print(f"\n{'pdf':<17} {'gold':>5} {'parsed':>6} {'matched':>7}  " + "  ".join(f"{n:>8}" for n in FIELDS))
    for name in PDFS:
        golds = gold_references(CORPUS / "pdf" / f"{name}.xml")
        parsed = read_pdf(CORPUS / "pdf" / f"{name}.pdf")[0].references
        score = Score()
        for gold, best in match_references(golds, parsed).values():
            score_one(score, gold, best.fields["printed"], bool(show))
        shares = [f"{score.right[n] / score.counted[n]:8.3f}" if score.counted[n] else "       -"
                  for n in FIELDS]
        print(f"{name:<17} {len(golds):>5} {len(parsed):>6} {score.entries:>7}  " + "  ".join(shares))
        for miss in score.misses[:show]:
            print(f"[{name}] {miss}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jats", type=Path, default=CORPUS / "jats")
    parser.add_argument("--show", type=int, default=0, help="print this many misses per form")
    parser.add_argument("--pdf", action="store_true", help="also score the reference lists of the PDFs")
    args = parser.parse_args()
    scores = run(args.jats, args.show)
    print(f"{'form':<10} {'entries':>7}  " + "  ".join(f"{n:>8}" for n in FIELDS))
    for form, score in scores.items():
        shares = [f"{score.right[n] / score.counted[n]:8.3f}" if score.counted[n] else "       -"
                  for n in FIELDS]
        print(f"{form:<10} {score.entries:>7}  " + "  ".join(shares))
    for form, score in scores.items():
        for miss in score.misses[:args.show]:
            print(f"[{form}] {miss}")
    if args.pdf:
        run_pdf(args.show)


if __name__ == "__main__":
    main()
