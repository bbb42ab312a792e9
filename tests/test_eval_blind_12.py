"""The twelfth blind set (tests/data/eval-blind-12): its gold is what its hand-typed labels give.

These tests check the set's own consistency only; they never import `ingest` or run the extractor on
it, so the set stays blind until the lead's first run (see tests/data/eval-blind-12/README.md). (Written
outside the repository with copies of tests/test_fresh_eval_sets.py's helpers; in the repository it calls
them, as the other sets' tests do.)
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
BLIND_12 = ROOT / "tests" / "data" / "eval-blind-12"
ARTICLE_SUFFIXES = {".txt", ".md", ".html"}
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"


def load_make_expected() -> ModuleType:
    """eval-blind-12/make_expected.py as a module (its labels, kinds and checks)."""
    return test_fresh_eval_sets.load_make_expected(BLIND_12)


def articles() -> list[Path]:
    """The set's texts (not its README)."""
    return sorted(p for p in BLIND_12.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name != "README.md")


def gold() -> dict[str, list[dict]]:
    """expected.json's documents."""
    return json.loads((BLIND_12 / "expected.json").read_text(encoding="utf-8"))["documents"]


def bib_entries() -> list:
    """The shared references.bib, parsed."""
    return bibtexparser.parse_file(str(BLIND_12 / "references.bib")).entries


def plain(path: Path) -> str:
    """A text with its HTML tags removed and its entities for & undone."""
    return re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")).replace("&amp;", "&")


def fold(title: str) -> str:
    """A title in lower case, without braces, LaTeX commands, quotes, asterisks, dashes or a leading
    article."""
    title = re.sub(r"\\emph|[{}`'\"*]", "", title).lower()
    title = re.sub(r"\s*(---|--|–|—)\s*", "-", title)
    return re.sub(r"^(the|a|an)\s+", "", title)


def test_blind_12_gold_is_exactly_what_its_labels_give() -> None:
    test_fresh_eval_sets.gold_is_what_labels_give(BLIND_12)


def test_blind_12_labels_every_text_and_the_set_is_big_enough() -> None:
    names = {p.name for p in articles()}
    assert set(gold()) == names
    assert len(names) == 15
    assert Counter(p.suffix for p in articles()) == {".md": 5, ".txt": 5, ".html": 5}
    entries = [entry for entries in gold().values() for entry in entries]
    links = sum(len(entry["sources"]) for entry in entries)
    negatives = sum(not entry["sources"] for entry in entries)
    assert len(entries) >= 340 and links >= 140 and negatives >= 200
    assert all(any(e["sources"] for e in doc) for doc in gold().values())  # every text has links
    assert all(any(not e["sources"] for e in doc) for doc in gold().values())  # and negatives


def test_blind_12_every_label_has_a_kind_that_fits_its_keys() -> None:
    module = load_make_expected()
    module.check_kinds(module.RAW)
    tally = module.counts(module.RAW)
    assert set(tally["links"]) == module.POSITIVE_KINDS
    assert set(tally["negatives"]) == module.NEGATIVE_KINDS
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", [], "paren")]})
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", ["gage2019rat"], "pull-quote")]})


DISTRACTORS = {
    "hutton2007late", "bernstein2019truth", "ehri2001phonemic", "ripple2004wolves", "schoenfeld2017pre",
    "wagenaar2010effects", "gilovich1991how", "buffenstein2008negligible", "pennycook2021shifting",
    "levitt2009field", "freeth2009decoding", "robins1975narcotic", "colchero2017mexico"}


def test_blind_12_bib_parses_with_unique_keys_and_has_distractors() -> None:
    library = bibtexparser.parse_file(str(BLIND_12 / "references.bib"))
    keys = [entry.key for entry in library.entries]
    assert not library.failed_blocks
    assert len(keys) == len(set(keys))
    used = {key for entries in gold().values() for entry in entries for key in entry["sources"]}
    assert used <= set(keys)
    assert set(keys) - used == DISTRACTORS


def test_blind_12_keys_are_new_to_this_set() -> None:
    """No bib key of this set is in an earlier set's bib (the topics and works are new)."""
    ours = {entry.key for entry in bib_entries()}
    for bib in ROOT.glob("tests/data/eval*/*.bib"):
        if bib.parent != BLIND_12:
            text = bib.read_text(encoding="utf-8")
            assert not [key for key in ours if "{" + key + "," in text], bib


def test_blind_12_every_text_prints_its_own_references() -> None:
    """Each page has a references section (References, Sources, Papers mentioned today, Footnotes /
    sources, Papers in this issue, THE READINGS, FURTHER READING, Works mentioned by the speakers)."""
    heading = re.compile(r"^\W*(references|sources|further reading|papers mentioned|papers in this issue"
                         r"|footnotes|the readings|works mentioned)", re.IGNORECASE | re.MULTILINE)
    for path in articles():
        assert heading.search(plain(path)), path.name


def test_blind_12_every_linked_work_is_on_its_page() -> None:
    """The page's own list and the bib describe the same works: every key a page's labels link has its
    title on that page; distractors are on no page."""
    titles = {e.key: fold(e["title"]) for e in bib_entries()}
    labels = load_make_expected().LABELS
    for path in articles():
        page = fold(plain(path))
        for key in {k for _, keys in labels[path.name] for k in keys}:
            assert titles[key][:24] in page, (path.name, key)
        for key in DISTRACTORS:
            assert titles[key][:24] not in page, (path.name, key)


MISSING = {
    "linkedin-open-plan-offices.txt": ("Hongisto", "2016", "(Hongisto et al., 2016)"),
    "reddit-five-second-rule.md": ("Kusumaningrum", "2003", "(Kusumaningrum et al., 2003)"),
    "newsletter-teacher-phonics.txt": ("Clark", "2017", "(Clark and Teravainen 2017)"),
    "liveblog-yellowstone-wolves.md": ("Smith", "2003", "(Smith et al., 2003)"),
    "consultation-minimum-pricing.txt": ("Alcohol", "2021", "(Alcohol Focus Scotland, 2021)"),
    "prereview-forest-bathing.md": ("Li", "2008", "(Li et al., 2008)"),
    "medium-hot-hand.html": ("Bar-Eli", "2006", "(Bar-Eli, Avugos & Raab, 2006)"),
    "digest-naked-mole-rats.html": ("Braude", "2021", "(Braude et al., 2021)"),
    "libguide-misinformation.html": ("Caulfield", "2019", "(Caulfield, 2019)"),
    "readinglist-hawthorne.txt": ("Franke", "1978", "(Franke & Kaul, 1978)"),
    "museum-antikythera.html": ("Kaltsas", "2012", "(Kaltsas, Vlachogianni & Bouyia, 2012)"),
    "magazine-rat-park.txt": ("Heyman", "2009", "(Heyman 2009)"),
    "debate-sugar-tax.md": ("Fletcher", "2010", "(Fletcher, Frisvold and Tefft, 2010)"),
}


def test_blind_12_missing_works_are_printed_but_not_in_the_bib_nor_the_page_list() -> None:
    """The deliberately unresolvable markers are in the texts, each labelled 'unresolved'; no bib
    entry has their first author and year, and the page's own list does not carry them."""
    by_author_year = {(re.split(r"[ ,]", e["author"].strip("{}"))[0].casefold(),
                       e["year"] if "year" in e.fields_dict else None)
                      for e in bib_entries() if "author" in e.fields_dict}
    raw = load_make_expected().RAW
    for name, (surname, year, marker) in MISSING.items():
        text = plain(BLIND_12 / name)
        assert text.count(marker) == 1, name
        assert (surname.casefold(), year) not in by_author_year, name
        listed = [line for line in text.splitlines()
                  if line.lstrip(" -*0123456789.[]^:").casefold().startswith(surname.casefold())
                  and year in line and marker not in line]
        assert not listed, f"{name}: {surname} {year} must not be in the page's own list"
        assert sum(kind == "unresolved" for _, _, kind in raw[name]) == 1, name
    # the influencer's footnote 7 has no entry in her six-item list
    post = (BLIND_12 / "influencer-protein-timing.md").read_text(encoding="utf-8")
    body, notes = post.split("**Footnotes / sources**", 1)
    assert body.count("⁷") == 1 and "⁷" not in notes
    assert re.findall(rf"^([{SUPERSCRIPTS}]) ", notes, re.MULTILINE) == list(SUPERSCRIPTS[:6])
    assert sum(kind == "unresolved" for _, _, kind in raw["influencer-protein-timing.md"]) == 1
    # the leaflet has no unresolved marker; bare names without a year are in the bib under no one
    assert not [k for _, _, k in raw["leaflet-cord-clamping.html"] if k == "unresolved"]
    surnames = {re.split(r"[ ,]", e["author"].strip("{}"))[0]
                for e in bib_entries() if "author" in e.fields_dict}
    assert not {"Clarke", "Landsberger"} & surnames


def test_blind_12_two_ehri_2001_works_only_the_page_list_tells_apart() -> None:
    """'(Ehri et al. 2001)' fits two bib entries (first family name, year, three or more authors); the
    newsletter lists only the systematic-phonics paper, and the label names it."""
    entries = {e.key: e for e in bib_entries()}
    for key in ("ehri2001systematic", "ehri2001phonemic"):
        assert entries[key]["author"].startswith("Ehri,") and entries[key]["year"] == "2001"
        assert entries[key]["author"].count(" and ") >= 2
    text = plain(BLIND_12 / "newsletter-teacher-phonics.txt")
    assert text.count("(Ehri et al. 2001)") == 1
    assert "Systematic phonics instruction" in text and "Phonemic awareness" not in text
    phonics = dict(load_make_expected().LABELS["newsletter-teacher-phonics.txt"])
    label = "systematic phonics helped children more than teaching without it"
    assert phonics[label] == ["ehri2001systematic"]


def test_blind_12_numbered_lists_and_links_match_the_labels() -> None:
    """The leaflet's (n) and the influencer's superscripts follow the page's own numbered list, whose
    entries are the bib works the labels name, in that order; hyperlinks carry the bib's DOIs."""
    titles = {e.key: fold(e["title"]) for e in bib_entries()}
    leaflet = plain(BLIND_12 / "leaflet-cord-clamping.html")
    body, refs = leaflet.split("\nReferences\n", 1)
    items = [line.strip() for line in refs.splitlines() if line.strip()[:1].isupper()]
    order = ["mcdonald2013effect", "andersson2011effect", "andersson2015effect", "fogarty2018delayed",
             "tarnowmordi2017delayed", "rabe2019effect", "who2014guideline"]
    assert len(items) == len(order) + 1 and items[-1].startswith("Leaflet written by")  # then the footer
    for item, key in zip(items, order, strict=False):
        assert titles[key][:20] in fold(item), key
    for n in range(1, len(order) + 1):
        assert f"({n})" in body, n
    assert "(8)" not in body
    post = (BLIND_12 / "influencer-protein-timing.md").read_text(encoding="utf-8")
    notes = post.split("**Footnotes / sources**", 1)[1]
    lines = re.findall(rf"^[{SUPERSCRIPTS}] (.*)$", notes, re.MULTILINE)
    order = ["schoenfeld2013effect", "morton2018systematic", "moore2009ingested", "areta2013timing",
             "trommelen2023anabolic", "schoenfeld2018how"]
    assert len(lines) == len(order)
    for line, key in zip(lines, order, strict=True):
        assert titles[key][:20] in fold(line), key
    dois = {e.key: e["doi"] for e in bib_entries() if "doi" in e.fields_dict}
    for name, keys in [("medium-hot-hand.html", ["tversky1971belief", "miller2018surprised"]),
                       ("digest-naked-mole-rats.html", ["ruby2018naked", "park2017fructose", "tian2013high",
                                                        "barker2021cultural"])]:
        text = (BLIND_12 / name).read_text(encoding="utf-8")
        for key in keys:
            assert text.count(f'href="https://doi.org/{dois[key]}"') == 1, key


def test_a_broken_label_is_caught() -> None:
    module = load_make_expected()
    name = "magazine-rat-park.txt"
    with pytest.raises(SystemExit, match="occurs 0 times"):
        module.check({**module.LABELS, name: [("a sentence that is not in the text", [])]})
    with pytest.raises(SystemExit, match="occurs 2 times"):
        module.check({**module.LABELS, name: [("Saoirse Delacroix-Hume", [])]})
    with pytest.raises(SystemExit, match="not in references.bib"):
        module.check({**module.LABELS, name: [("The idea was simple.", ["nosuchkey2099"])]})
    with pytest.raises(SystemExit, match="without labels"):
        module.check({k: v for k, v in module.LABELS.items() if k != name})
