"""The ninth blind set (tests/data/eval-blind-9): its gold is what its hand-typed labels give.

These tests check the set's own consistency only; they never import `ingest` or run the extractor on
it, so the set stays blind until the lead's first run (see tests/data/eval-blind-9/README.md).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import bibtexparser
import pytest
import test_fresh_eval_sets

ROOT = Path(__file__).resolve().parent.parent
BLIND_9 = ROOT / "tests" / "data" / "eval-blind-9"
ARTICLE_SUFFIXES = {".txt", ".md", ".html"}


def load_make_expected() -> ModuleType:
    """eval-blind-9/make_expected.py as a module (its labels, kinds and checks)."""
    return test_fresh_eval_sets.load_make_expected(BLIND_9)


def articles() -> list[Path]:
    """The set's texts (not its README)."""
    return sorted(p for p in BLIND_9.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name != "README.md")


def gold() -> dict[str, list[dict]]:
    """expected.json's documents."""
    return json.loads((BLIND_9 / "expected.json").read_text(encoding="utf-8"))["documents"]


def bib_entries() -> list:
    """The shared references.bib, parsed."""
    return bibtexparser.parse_file(str(BLIND_9 / "references.bib")).entries


def test_blind_9_gold_is_exactly_what_its_labels_give() -> None:
    test_fresh_eval_sets.gold_is_what_labels_give(BLIND_9)


def test_blind_9_labels_every_text_and_the_set_is_big_enough() -> None:
    names = {p.name for p in articles()}
    assert set(gold()) == names
    assert len(names) == 15
    assert Counter(p.suffix for p in articles()) == {".md": 5, ".txt": 5, ".html": 5}
    entries = [entry for entries in gold().values() for entry in entries]
    links = sum(len(entry["sources"]) for entry in entries)
    negatives = sum(not entry["sources"] for entry in entries)
    assert len(entries) >= 280 and links >= 130 and negatives >= 100
    assert all(any(e["sources"] for e in doc) for doc in gold().values())  # every text has links


def test_blind_9_every_label_has_a_kind_that_fits_its_keys() -> None:
    module = load_make_expected()
    module.check_kinds(module.RAW)
    tally = module.counts(module.RAW)
    assert {"paren", "narrative", "numeric", "footnote", "follow-on", "quote", "study-name",
            "author-work"} <= set(tally["links"])
    assert {"anecdote", "testimony", "no-support", "filler", "lead-in", "meta", "question", "advice",
            "quoted-speech", "unresolved", "reading-list"} <= set(tally["negatives"])
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", [], "paren")]})
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", ["krueger1999experimental"], "anecdote")]})


def test_blind_9_bib_parses_with_unique_keys_and_has_distractors() -> None:
    library = bibtexparser.parse_file(str(BLIND_9 / "references.bib"))
    keys = [entry.key for entry in library.entries]
    assert not library.failed_blocks
    assert len(keys) == len(set(keys))
    used = {key for entries in gold().values() for entry in entries for key in entry["sources"]}
    assert used <= set(keys)
    assert set(keys) - used == {
        "blatchford2003class", "caspi2002role", "kreider2003effects", "card1992using", "lind1757essay",
        "dahl2016what", "catassi2013non", "dunning2011dunning", "scadding2008bsaci", "cuddy2012benefit",
        "moore2007breakfast", "ericsson2016peak"}


def test_blind_9_every_text_prints_its_own_references() -> None:
    """Each page has a references section (or sources, further reading, notes, reading list)."""
    heading = re.compile(r"^\W*(references|sources|further reading|notes|reading list)\b", re.I | re.M)
    for path in articles():
        text = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))
        assert heading.search(text), path.name


MISSING = {
    "blog-class-size.md": ("Hanushek", "1999", "(Hanushek, 1999)"),
    "clinic-heel-pain.html": ("Landorf", "2015", "(Landorf, 2015)"),
    "newsletter-school-air.txt": ("Osborne", "2021", "(Osborne et al., 2021)"),
    "podcast-dunedin-study.md": ("Richmond-Rakerd", "2021", "(Richmond-Rakerd et al., 2021)"),
    "forum-creatine-teens.md": ("Antonio", "2021", "(Antonio et al., 2021)"),
    "explainer-minimum-wage.html": ("Giupponi", "2024", "(Giupponi et al. 2024)"),
    "digest-fathers-quota.txt": ("Bünning", "2015", "(Bünning, 2015)"),
    "blog-gluten-sensitivity.html": ("Lebwohl", "2017", "(Lebwohl et al., 2017)"),
    "newsletter-clocks-change.txt": ("Kantermann", "2007", "(Kantermann et al., 2007)"),
    "pharmacy-hay-fever.html": ("Bauchau", "2004", "(Bauchau &amp; Durham, 2004)"),
    "review-range-epstein.md": ("Moesch", "2011", "(Moesch et al., 2011)"),
    "journalism-power-posing.txt": ("Carney", "2016", "(Carney, 2016)"),
    "school-breakfast-club.html": ("Bartfeld", "2011", "(Bartfeld &amp; Ahn, 2011)"),
}


def test_blind_9_missing_works_are_printed_but_not_in_the_bib_nor_the_page_list() -> None:
    """The deliberately unresolvable markers are in the texts, each labelled 'unresolved'; no bib entry
    has their first author and year, and the page's own list does not carry them either."""
    by_author_year = {(re.split(r"[ ,]", e["author"].strip("{}"))[0],
                       e["year"] if "year" in e.fields_dict else None)
                      for e in bib_entries() if "author" in e.fields_dict}
    raw = load_make_expected().RAW
    for name, (surname, year, marker) in MISSING.items():
        text = (BLIND_9 / name).read_text(encoding="utf-8")
        assert text.count(marker) == 1, name
        assert (surname, year) not in by_author_year, name
        listed = [line for line in re.sub(r"<[^>]+>", "", text).splitlines()
                  if line.lstrip(" -*0123456789.[]^:").startswith(surname) and year in line]
        assert not listed, f"{name}: {surname} {year} must not be in the page's own list"
        assert sum(kind == "unresolved" for _, _, kind in raw[name]) == 1, name
    assert ("Carney", "2010") in by_author_year  # the same surname, another year, is there


def test_blind_9_same_author_same_year_works_follow_title_order() -> None:
    titles = {e.key: e["title"] for e in bib_entries()}
    fold = lambda title: re.sub(r"^(the|a|an)\s+", "", title.lower().strip("{}"))  # noqa: E731
    assert fold(titles["kotsadam2011causal"]) < fold(titles["kotsadam2011state"])
    assert fold(titles["kleven2019child"]) < fold(titles["kleven2019children"])
    labels = dict(load_make_expected().LABELS["digest-fathers-quota.txt"])
    assert labels["reported 11% less conflict over housework"] == ["kotsadam2011state"]
    assert labels["Teenagers whose fathers had been eligible did more housework themselves"] == [
        "kotsadam2011causal"]
    assert labels["The child penalty is smallest in Scandinavia and largest in Germany and Austria"] == [
        "kleven2019child"]
    text = (BLIND_9 / "digest-fathers-quota.txt").read_text(encoding="utf-8")
    for marker in ("Kotsadam and Finseraas (2011b)", "(Kotsadam & Finseraas, 2011a)",
                   "Kleven et al. (2019b)", "(Kleven et al., 2019a)"):
        assert text.count(marker) == 1, marker


def test_blind_9_numbered_lists_match_the_labels() -> None:
    """The handout's [n] and the pharmacy's <sup>n</sup> follow the page's own numbered list, whose
    entries are the bib works the labels name, in that order."""
    titles = {e.key: re.sub(r"[{}]", "", e["title"]).lower() for e in bib_entries()}
    handout = (BLIND_9 / "handout-dunning-kruger.txt").read_text(encoding="utf-8")
    order = ["kruger1999unskilled", "krueger2002unskilled", "nuhfer2016random", "gignac2020dunning",
             "jansen2021rational", "burson2006skilled"]
    for n, key in enumerate(order, 1):
        line = next(li for li in handout.splitlines() if li.startswith(f"[{n}] "))
        assert titles[key].split(":")[0][:30] in line.lower().replace("–", "--"), (n, key)
    pharmacy = re.sub(r"<[^>]+>", "", (BLIND_9 / "pharmacy-hay-fever.html").read_text(encoding="utf-8"))
    refs = pharmacy.split("References", 1)[1]
    order = ["scadding2017bsaci", "walker2007seasonal", "weiner1998intranasal", "head2018saline",
             "durham1999long", "thien2018melbourne", "ziska2019temperature"]
    positions = [refs.lower().index(titles[key][:25]) for key in order]
    assert positions == sorted(positions)


def test_a_broken_label_is_caught() -> None:
    module = load_make_expected()
    name = "blog-class-size.md"
    with pytest.raises(SystemExit, match="occurs 0 times"):
        module.check({**module.LABELS, name: [("a sentence that is not in the text", [])]})
    with pytest.raises(SystemExit, match="occurs 2 times"):
        module.check({**module.LABELS, name: [("Eilidh MacAskill", [])]})
    with pytest.raises(SystemExit, match="not in references.bib"):
        module.check({**module.LABELS, name: [("Not every country has found the same thing.",
                                               ["nosuchkey2099"])]})
    with pytest.raises(SystemExit, match="without labels"):
        module.check({k: v for k, v in module.LABELS.items() if k != name})
