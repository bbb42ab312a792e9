"""The tenth blind set (tests/data/eval-blind-10): its gold is what its hand-typed labels give.

These tests check the set's own consistency only; they never import `ingest` or run the extractor on
it, so the set stays blind until the lead's first run (see tests/data/eval-blind-10/README.md).
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
BLIND_10 = ROOT / "tests" / "data" / "eval-blind-10"
ARTICLE_SUFFIXES = {".txt", ".md", ".html"}


def load_make_expected() -> ModuleType:
    """eval-blind-10/make_expected.py as a module (its labels, kinds and checks)."""
    return test_fresh_eval_sets.load_make_expected(BLIND_10)


def articles() -> list[Path]:
    """The set's texts (not its README)."""
    return sorted(p for p in BLIND_10.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name != "README.md")


def gold() -> dict[str, list[dict]]:
    """expected.json's documents."""
    return json.loads((BLIND_10 / "expected.json").read_text(encoding="utf-8"))["documents"]


def bib_entries() -> list:
    """The shared references.bib, parsed."""
    return bibtexparser.parse_file(str(BLIND_10 / "references.bib")).entries


def plain(path: Path) -> str:
    """A text with its HTML tags removed."""
    return re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))


def test_blind_10_gold_is_exactly_what_its_labels_give() -> None:
    test_fresh_eval_sets.gold_is_what_labels_give(BLIND_10)


def test_blind_10_labels_every_text_and_the_set_is_big_enough() -> None:
    names = {p.name for p in articles()}
    assert set(gold()) == names
    assert len(names) == 14
    assert Counter(p.suffix for p in articles()) == {".md": 5, ".txt": 5, ".html": 4}
    entries = [entry for entries in gold().values() for entry in entries]
    links = sum(len(entry["sources"]) for entry in entries)
    negatives = sum(not entry["sources"] for entry in entries)
    assert len(entries) >= 300 and links >= 160 and negatives >= 150
    assert all(any(e["sources"] for e in doc) for doc in gold().values())  # every text has links


def test_blind_10_every_label_has_a_kind_that_fits_its_keys() -> None:
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
        module.check_kinds({"x.txt": [("a claim", ["snow1855mode"], "anecdote")]})


def test_blind_10_bib_parses_with_unique_keys_and_has_distractors() -> None:
    library = bibtexparser.parse_file(str(BLIND_10 / "references.bib"))
    keys = [entry.key for entry in library.entries]
    assert not library.failed_blocks
    assert len(keys) == len(set(keys))
    used = {key for entries in gold().values() for entry in entries for key in entry["sources"]}
    assert used <= set(keys)
    assert set(keys) - used == {
        "inouye1990clarifying", "pickering2019what", "perkin2016enquiring", "clayton2005corvid",
        "snow1849mode", "howdenchapman2012tackling", "matta2019effect", "dignazio2020data"}


def test_blind_10_keys_are_new_to_this_set() -> None:
    """No bib key of this set is in an earlier set's bib (the topics and works are new)."""
    ours = {entry.key for entry in bib_entries()}
    for bib in ROOT.glob("tests/data/eval*/*.bib"):
        if bib.parent != BLIND_10:
            text = bib.read_text(encoding="utf-8")
            assert not [key for key in ours if "{" + key + "," in text], bib


def test_blind_10_every_text_prints_its_own_references() -> None:
    """Each page has a references section (or sources, further reading, notes, bibliography), its
    heading perhaps numbered ("5. Sources")."""
    heading = re.compile(r"^\W*(\d+\.\s+)?(references|sources|further reading|notes|bibliograf\w*"
                         r"|referências)", re.I | re.M)
    for path in articles():
        assert heading.search(plain(path)), path.name


MISSING = {
    "blog-delirium-ward.md": ("Siddiqi", "2016", "(Siddiqi et al., 2016)"),
    "newsletter-caffeine-running.txt": ("Burke", "2008", "(Burke 2008)"),
    "forum-peanut-weaning.txt": ("Ierodiakonou", "2016", "(Ierodiakonou et al., 2016)"),
    "museum-altamira-ceiling.html": ("Lasheras", "2009", "(Lasheras, 2009)"),
    "faq-sweeteners-dietitian.html": ("Azad", "2017", "(Azad et al., 2017)"),
    "podcast-corvid-minds.md": ("Bird", "2009", "[Bird & Emery, 2009]"),
    "essay-broad-street-pump.txt": ("Hempel", "2006", "Hempel (2006)"),
    "column-contagious-yawning.txt": ("Helt", "2010", "(Helt et al. 2010)"),
    "review-invisible-women.md": ("Lindqvist-Marr", "2020", "(Lindqvist-Marr, 2020)"),
    "thread-ten-thousand-steps.md": ("Ding", "2025", "(Ding et al., 2025)"),
    "governor-report-tutoring.txt": ("Slavin", "2022", "(Slavin, 2022)"),
    "clinic-sunscreen.html": ("Autier", "1999", "(Autier et al., 1999)"),
    "notes-zika-microcephaly.md": ("Honein", "2017", "(HONEIN et al., 2017)"),
}


def test_blind_10_missing_works_are_printed_but_not_in_the_bib_nor_the_page_list() -> None:
    """The deliberately unresolvable author-year markers are in the texts, each labelled 'unresolved';
    no bib entry has their first author and year, and the page's own list does not carry them."""
    by_author_year = {(re.split(r"[ ,]", e["author"].strip("{}"))[0].casefold(),
                       e["year"] if "year" in e.fields_dict else None)
                      for e in bib_entries() if "author" in e.fields_dict}
    raw = load_make_expected().RAW
    for name, (surname, year, marker) in MISSING.items():
        text = (BLIND_10 / name).read_text(encoding="utf-8")
        assert text.count(marker) == 1, name
        assert (surname.casefold(), year) not in by_author_year, name
        listed = [line for line in plain(BLIND_10 / name).splitlines()
                  if line.lstrip(" -*0123456789.[]^:").casefold().startswith(surname.casefold())
                  and year in line]
        assert not listed, f"{name}: {surname} {year} must not be in the page's own list"
        assert sum(kind == "unresolved" for _, _, kind in raw[name]) == 1, name
    # the brief's "[12]" has no entry in its nine-item numbered list
    brief = (BLIND_10 / "brief-cold-homes.html").read_text(encoding="utf-8")
    assert brief.count("[12]") == 1
    assert brief.split("<h2>References</h2>", 1)[1].count("<li>") == 9
    assert sum(kind == "unresolved" for _, _, kind in raw["brief-cold-homes.html"]) == 1


def test_blind_10_same_author_same_year_works_follow_title_order() -> None:
    titles = {e.key: e["title"] for e in bib_entries()}
    authors = {e.key: e["author"] for e in bib_entries()}
    fold = lambda title: re.sub(r"^(the|a|an)\s+", "", re.sub(r"[{}]", "", title).lower())  # noqa: E731
    pairs = [("hoffmann2018symbolic", "hoffmann2018uth"), ("debras2022artificial", "debras2022risk"),
             ("delpozocruz2022association", "delpozocruz2022prospective"), ("eef2021one", "eef2021small")]
    for a, b in pairs:
        assert fold(titles[a]) < fold(titles[b]), (a, b)
        assert authors[a].split(",")[0] == authors[b].split(",")[0], (a, b)
    labels = {name: dict(entries) for name, entries in load_make_expected().LABELS.items()}
    museum = labels["museum-altamira-ceiling.html"]
    assert museum["a later team found red lines and hand stencils in three caves"] == ["hoffmann2018uth"]
    assert museum["perforated and pigmented shells from a coastal cave in Murcia"] == ["hoffmann2018symbolic"]
    faq = labels["faq-sweeteners-dietitian.html"]
    assert faq["The same team reported a higher risk of cardiovascular disease among heavy users"] == [
        "debras2022risk"]
    steps = labels["thread-ten-thousand-steps.md"]
    assert steps["linked about 9,800 steps a day to a roughly 50% lower risk of dementia"] == [
        "delpozocruz2022association"]
    tutoring = labels["governor-report-tutoring.txt"]
    assert tutoring["Small-group tuition adds about four months and costs less per pupil"] == ["eef2021small"]
    for name, marker in [("museum-altamira-ceiling.html", "(Hoffmann et al., 2018b)"),
                         ("museum-altamira-ceiling.html", "(Hoffmann et al., 2018a)"),
                         ("faq-sweeteners-dietitian.html", "Debras et al. (2022a)"),
                         ("faq-sweeteners-dietitian.html", "(Debras et al., 2022b)"),
                         ("thread-ten-thousand-steps.md", "(del Pozo Cruz et al., 2022a)"),
                         ("thread-ten-thousand-steps.md", "(del Pozo Cruz et al., 2022b)"),
                         ("governor-report-tutoring.txt", "The Education Endowment Foundation (2021a)"),
                         ("governor-report-tutoring.txt", "(Education Endowment Foundation, 2021b)")]:
        assert (BLIND_10 / name).read_text(encoding="utf-8").count(marker) == 1, marker


def test_blind_10_numbered_lists_match_the_labels() -> None:
    """The brief's [n] and the clinic's <sup>n</sup> follow the page's own numbered list, whose entries
    are the bib works the labels name, in that order; the essay's twelve notes are all used."""
    titles = {e.key: re.sub(r"[{}]", "", e["title"]).lower() for e in bib_entries()}
    for name, order in [
        ("brief-cold-homes.html", ["marmot2011health", "liddell2010fuel", "howdenchapman2007effect",
                                   "howdenchapman2008effects", "who2018housing", "thomson2013housing",
                                   "phe2014minimum", "hills2012getting", "ons2024excess"]),
        ("clinic-sunscreen.html", ["green1999daily", "green2011reduced", "hughes2013sunscreen",
                                   "petersen2014application", "faurschou2007relation", "matta2020effect",
                                   "gandini2005meta", "cruk2023sunscreen"]),
    ]:
        items = re.findall(r"<li>(.*?)</li>", (BLIND_10 / name).read_text(encoding="utf-8").split(
            "<h2>References</h2>", 1)[1])
        assert len(items) == len(order), name
        for item, key in zip(items, order, strict=True):
            assert titles[key].replace("---", " — ")[:20] in item.lower(), (name, key)
    essay = (BLIND_10 / "essay-broad-street-pump.txt").read_text(encoding="utf-8")
    body, notes = essay.split("\nNotes\n", 1)
    superscripts = "¹ ² ³ ⁴ ⁵ ⁶ ⁷ ⁸ ⁹ ¹⁰ ¹¹ ¹²".split()
    for n, mark in enumerate(superscripts, 1):
        assert re.search(rf"(?<![¹⁰]){mark}(?![⁰¹²])", body), mark
        assert re.search(rf"^{n}\. ", notes, re.M), n


def test_a_broken_label_is_caught() -> None:
    module = load_make_expected()
    name = "blog-delirium-ward.md"
    with pytest.raises(SystemExit, match="occurs 0 times"):
        module.check({**module.LABELS, name: [("a sentence that is not in the text", [])]})
    with pytest.raises(SystemExit, match="occurs 2 times"):
        module.check({**module.LABELS, name: [("Niamh Ó Floinn", [])]})
    with pytest.raises(SystemExit, match="not in references.bib"):
        module.check({**module.LABELS, name: [("Drugs are no shortcut.", ["nosuchkey2099"])]})
    with pytest.raises(SystemExit, match="without labels"):
        module.check({k: v for k, v in module.LABELS.items() if k != name})
