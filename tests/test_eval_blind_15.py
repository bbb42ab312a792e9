"""The fifteenth blind set (tests/data/eval-blind-15): its gold is what its hand-typed labels give.

These tests check the set's own consistency only; they never import `ingest` or run the extractor on
it (they were written while the set was blind; see tests/data/eval-blind-15/README.md). They read the
set through tests/eval_set_helpers.py.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import bibtexparser
import eval_set_helpers as helpers
import pytest

ROOT = Path(__file__).resolve().parent.parent
BLIND_15 = ROOT / "tests" / "data" / "eval-blind-15"
ARTICLE_SUFFIXES = {".txt", ".md", ".html"}

def load_make_expected(folder: Path = BLIND_15) -> ModuleType:
    """eval-blind-15/make_expected.py as a module (its labels, kinds and checks)."""
    return helpers.load_make_expected(folder)


def articles() -> list[Path]:
    """The set's texts (not its README)."""
    return helpers.articles(BLIND_15)


def gold() -> dict[str, list[dict]]:
    """expected.json's documents."""
    return helpers.gold(BLIND_15)


def bib_entries() -> list:
    """The shared references.bib, parsed."""
    return helpers.bib_entries(BLIND_15)


plain, fold, gold_is_what_labels_give = helpers.plain, helpers.fold, helpers.gold_is_what_labels_give


def test_blind_15_gold_is_exactly_what_its_labels_give() -> None:
    gold_is_what_labels_give(BLIND_15)


def test_blind_15_labels_every_text_and_the_set_is_big_enough() -> None:
    names = {p.name for p in articles()}
    assert set(gold()) == names
    assert len(names) == 15
    assert Counter(p.suffix for p in articles()) == {".md": 5, ".txt": 5, ".html": 5}
    entries = [entry for entries in gold().values() for entry in entries]
    links = sum(len(entry["sources"]) for entry in entries)
    negatives = sum(not entry["sources"] for entry in entries)
    assert len(entries) >= 540 and links >= 185 and negatives >= 350
    assert all(any(e["sources"] for e in doc) for doc in gold().values())  # every text has links
    assert all(any(not e["sources"] for e in doc) for doc in gold().values())  # and negatives


def test_blind_15_every_label_has_a_kind_that_fits_its_keys() -> None:
    module = load_make_expected()
    module.check_kinds(module.RAW)
    tally = module.counts(module.RAW)
    assert set(tally["links"]) == module.POSITIVE_KINDS
    assert set(tally["negatives"]) == module.NEGATIVE_KINDS
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", [], "paren")]})
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", ["kwok1968chinese"], "mention")]})


DISTRACTORS = {
    "aldred2019disabled", "cuijpers2007behavioral", "deacon2010different", "gobet2006educational",
    "geake2008neuromythologies", "hoy2018artificial", "karcher2009cirrus", "mosby2009that",
    "ngo2013induction", "nilsson2004traffic", "oliver2010preventing", "stevinson2019changes",
    "tschumi2015high", "waller2009forgotten"}


def test_blind_15_bib_parses_with_unique_keys_and_has_distractors() -> None:
    library = bibtexparser.parse_file(str(BLIND_15 / "references.bib"))
    keys = [entry.key for entry in library.entries]
    assert not library.failed_blocks
    assert len(keys) == len(set(keys)) == 104
    used = {key for entries in gold().values() for entry in entries for key in entry["sources"]}
    assert used <= set(keys)
    assert set(keys) - used == DISTRACTORS


def test_blind_15_keys_are_new_to_this_set() -> None:
    """No bib key of this set is in an earlier set's bib (the topics and works are new)."""
    ours = {entry.key for entry in bib_entries()}
    for bib in ROOT.glob("tests/data/eval*/*.bib"):
        if bib.parent != BLIND_15:
            text = bib.read_text(encoding="utf-8")
            assert not [key for key in ours if "{" + key + "," in text], bib


def test_blind_15_every_text_prints_its_own_references() -> None:
    """Each page has a references section under its own heading."""
    heading = re.compile(r"^\W*(references|sources|key studies|further reading|notes$"
                         r"|this week's reading list)", re.IGNORECASE | re.MULTILINE)
    for path in articles():
        assert heading.search(plain(path)), path.name


def test_blind_15_every_linked_work_is_on_its_page() -> None:
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
    "union-silica-bulletin.txt": ("Rose", "2019", "(Rose et al., 2019)"),
    "gardening-forum-companion-planting.md": ("Riotte", "1975", "(Riotte, 1975)"),
    "trustboard-inpatient-falls.html": ("Hill", "2015", "(Hill et al., 2015)"),
    "quora-ten-percent-brain.txt": ("Vining", "1997", "(Vining et al., 1997)"),
    "homeschool-chess-lessons.md": ("Frank", "1979", "(Frank & D'Hondt, 1979)"),
    "gym-foam-rolling.html": ("Chaudhry", "2008", "(Chaudhry et al., 2008)"),
    "climate-newsletter-contrails.md": ("Gierens", "2024", "(Gierens et al., 2024)"),
    "sleepapp-help-pink-noise.html": ("Zhou", "2012", "(Zhou et al., 2012)"),
    "parliament-briefing-20mph.html": ("Transport", "2022", "(Transport for Wales, 2022)"),
    "historysociety-dancing-plague.md": ("Donaldson", "1997", "(Donaldson, Cavanagh & Rankin, 1997)"),
    "runningclub-facebook-parkrun.txt": ("Haake", "2018", "(Haake et al., 2018)"),
    "charity-leaflet-behavioural-activation.txt": ("Jacobson", "1996", "(Jacobson et al., 1996)"),
    "cookery-blog-msg.md": ("Yamaguchi", "1984", "(Yamaguchi & Takahashi, 1984)"),
    "cycling-advocacy-ltn.html": ("Transport", "2021", "(Transport for All, 2021)"),
    "dental-faq-toothbrushing.txt": ("Attin", "2001", "(Attin et al., 2001)"),
}


def test_blind_15_missing_works_are_printed_but_not_in_the_bib_nor_the_page_list() -> None:
    """The deliberately unresolvable markers are in the texts, each labelled 'unresolved'; no bib
    entry has their first author and year, and the page's own list does not carry them."""
    by_author_year = {(re.split(r"[ ,]", e["author"].strip("{}"))[0].casefold(),
                       e["year"] if "year" in e.fields_dict else None)
                      for e in bib_entries() if "author" in e.fields_dict}
    raw = load_make_expected().RAW
    assert set(MISSING) == set(raw)
    for name, (surname, year, marker) in MISSING.items():
        text = plain(BLIND_15 / name)
        assert text.count(marker) == 1, name
        assert (surname.casefold(), year) not in by_author_year, name
        listed = [line for line in text.splitlines()
                  if line.lstrip(" -*0123456789.[]^:()¹²³⁴⁵").casefold().startswith(surname.casefold())
                  and year in line and marker not in line]
        assert not listed, f"{name}: {surname} {year} must not be in the page's own list"
        assert sum(kind == "unresolved" for _, _, kind in raw[name]) == 1, name


NUMBERED = {
    "union-silica-bulletin.txt": ("REFERENCES", "[{n}]", [
        "leung2012silicosis", "iarc2012arsenic", "kramer2012artificial", "hoy2021identification",
        "leonjimenez2020artificial", "hse2013control"]),
    "trustboard-inpatient-falls.html": ("References", "<sup>{n}</sup>", [
        "rcp2015national", "cameron2018interventions", "nice2013falls", "shorr2012effects",
        "haines2011patient"]),
    "climate-newsletter-contrails.md": ("## Sources", "[^{n}]", [
        "lee2021contribution", "karcher2018formation", "teoh2020mitigating", "voigt2021cleaner",
        "travis2002contrails", "archer2009atmospheric", "burkhardt2011global"]),
    "parliament-briefing-20mph.html": ("Notes", 'href="#fn{n}"', [
        "rosen2009pedestrian", "grundy2009effect", "atkins2018research", "cleland2020effects",
        "welsh2024default"]),
    "charity-leaflet-behavioural-activation.txt": ("References", "({n})", [
        "lewinsohn1974behavioral", "richards2016cost", "ekers2014behavioural", "dimidjian2006randomized",
        "nice2022depression"]),
    "dental-faq-toothbrushing.txt": ("SOURCES", "{sup}", [
        "yaacob2014powered", "pitchika2019long", "ohid2021delivering", "sambunjak2011flossing",
        "worthington2019home"]),
}


def test_blind_15_numbered_lists_follow_the_labels() -> None:
    """Each numbered page's markers follow its own numbered list, whose entries are the bib works the
    labels with those markers name, in that order."""
    titles = {e.key: fold(e["title"]) for e in bib_entries()}
    labels = load_make_expected().LABELS
    for name, (heading, mark_form, order) in NUMBERED.items():
        raw = (BLIND_15 / name).read_text(encoding="utf-8")
        page = fold(plain(BLIND_15 / name).rsplit(heading, 1)[1])  # the page's own list
        positions = [page.index(titles[key][:40]) for key in order]
        assert positions == sorted(positions), name  # the list is in the markers' order
        for n, key in enumerate(order, start=1):
            mark = mark_form.format(n=n, sup="¹²³⁴⁵⁶⁷"[n - 1])
            assert mark in raw.rsplit(heading, 1)[0], (name, mark)  # the marker is in the text
            assert any(key in keys for _, keys in labels[name]), (name, key)


def test_blind_15_hyperlinks_carry_the_bib_dois() -> None:
    dois = {e.key: e["doi"] for e in bib_entries() if "doi" in e.fields_dict}
    for name, keys in [("gym-foam-rolling.html", ["macdonald2013acute", "konrad2022foam", "pearcey2015foam",
                                                  "wiewelhove2019meta", "behm2019do", "cheatham2015effects"]),
                       ("sleepapp-help-pink-noise.html", ["riedy2021noise", "messineo2017broadband",
                                                          "spencer1990white", "ngo2013auditory",
                                                          "papalambros2017acoustic"]),
                       ("cycling-advocacy-ltn.html", ["aldred2020low", "goodman2020impact",
                                                      "thomas2024changes", "laverty2021impact",
                                                      "goodman2021impactcrime", "goodman2021impactfire",
                                                      "aldredinpressequity"])]:
        text = (BLIND_15 / name).read_text(encoding="utf-8")
        for key in keys:
            assert f'href="https://doi.org/{dois[key]}"' in text, (name, key)


def test_blind_15_same_author_same_year_and_secondary_citations() -> None:
    """Waller 2008a/2008b (the letters and the page's list decide); secondary citations link the work
    that is listed, not the original."""
    entries = {e.key: e for e in bib_entries()}
    assert entries["waller2008time"]["author"] == entries["waller2008spin"]["author"]
    assert entries["waller2008time"]["year"] == entries["waller2008spin"]["year"] == "2008"
    blog = plain(BLIND_15 / "historysociety-dancing-plague.md")
    assert "Waller, J. (2008a). *A time to dance" in blog and "Waller, J. (2008b). In a spin" in blog
    labels = dict(load_make_expected().LABELS["historysociety-dancing-plague.md"])
    assert labels["he estimated that about 400 people were affected at the peak"] == ["waller2008time"]
    assert labels["Ergot poisoning restricts the blood supply to the extremities"] == ["waller2008spin"]
    assert "(Paracelsus, cited in Waller, 2008a, p. 140)" in blog
    assert labels["blamed the dancing on women's wilfulness"] == ["waller2008time"]
    quora = plain(BLIND_15 / "quora-ten-percent-brain.txt")
    assert "(James, 1907, cited in Beyerstein, 1999)" in quora
    authors = [e["author"] for e in entries.values() if "author" in e.fields_dict]
    assert not any(a.startswith(("James", "Paracelsus")) for a in authors)


def test_blind_15_reprint_in_press_undated_and_group_works() -> None:
    entries = {e.key: e for e in bib_entries()}
    assert "(de Groot 1946/1978)" in plain(BLIND_15 / "homeschool-chess-lessons.md")
    assert entries["degroot1978thought"]["origyear"] == "1946"
    assert "(Hecker, 1832/1844)" in plain(BLIND_15 / "historysociety-dancing-plague.md")
    assert entries["hecker1844epidemics"]["origyear"] == "1832"
    assert "(Ikeda, 1909/2002)" in plain(BLIND_15 / "cookery-blog-msg.md")
    assert entries["ikeda2002new"]["origyear"] == "1909"
    assert entries["aldredinpressequity"]["year"] == "in press"
    assert "Goodman, in press)" in plain(BLIND_15 / "cycling-advocacy-ltn.html")
    assert entries["rhsndcompanion"]["year"] == entries["archivesndepidemie"]["year"] == "n.d."
    forum = plain(BLIND_15 / "gardening-forum-companion-planting.md")
    assert "(Royal Horticultural Society [RHS], n.d.)" in forum
    chess = plain(BLIND_15 / "homeschool-chess-lessons.md")
    assert "The Education Endowment Foundation (EEF)" in chess and "(EEF 2016)" in chess
    assert "(Archives de Strasbourg, n.d.)" in plain(BLIND_15 / "historysociety-dancing-plague.md")


def test_a_broken_label_is_caught() -> None:
    module = load_make_expected()
    name = "historysociety-dancing-plague.md"
    with pytest.raises(SystemExit, match="occurs 0 times"):
        module.check({**module.LABELS, name: [("a sentence that is not in the text", [])]})
    with pytest.raises(SystemExit, match="occurs 2 times"):
        module.check({**module.LABELS, name: [("(Waller, 2008b)", [])]})
    with pytest.raises(SystemExit, match="not in references.bib"):
        module.check({**module.LABELS, name: [("Was it ergot?", ["nosuchkey2099"])]})
    with pytest.raises(SystemExit, match="without labels"):
        module.check({k: v for k, v in module.LABELS.items() if k != name})
