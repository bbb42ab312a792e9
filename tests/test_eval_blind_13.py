"""The thirteenth blind set (tests/data/eval-blind-13): its gold is what its hand-typed labels give.

These tests check the set's own consistency only; they never import `ingest` or run the extractor on
it (they were written while the set was blind; see tests/data/eval-blind-13/README.md). They read the
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
BLIND_13 = ROOT / "tests" / "data" / "eval-blind-13"
ARTICLE_SUFFIXES = {".txt", ".md", ".html"}
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"



def load_make_expected(folder: Path = BLIND_13) -> ModuleType:
    """eval-blind-13/make_expected.py as a module (its labels, kinds and checks)."""
    return helpers.load_make_expected(folder)


def articles() -> list[Path]:
    """The set's texts (not its README)."""
    return helpers.articles(BLIND_13)


def gold() -> dict[str, list[dict]]:
    """expected.json's documents."""
    return helpers.gold(BLIND_13)


def bib_entries() -> list:
    """The shared references.bib, parsed."""
    return helpers.bib_entries(BLIND_13)


plain, fold, gold_is_what_labels_give = helpers.plain, helpers.fold, helpers.gold_is_what_labels_give


def test_blind_13_gold_is_exactly_what_its_labels_give() -> None:
    gold_is_what_labels_give(BLIND_13)


def test_blind_13_labels_every_text_and_the_set_is_big_enough() -> None:
    names = {p.name for p in articles()}
    assert set(gold()) == names
    assert len(names) == 15
    assert Counter(p.suffix for p in articles()) == {".md": 5, ".txt": 5, ".html": 5}
    entries = [entry for entries in gold().values() for entry in entries]
    links = sum(len(entry["sources"]) for entry in entries)
    negatives = sum(not entry["sources"] for entry in entries)
    assert len(entries) >= 430 and links >= 165 and negatives >= 270
    assert all(any(e["sources"] for e in doc) for doc in gold().values())  # every text has links
    assert all(any(not e["sources"] for e in doc) for doc in gold().values())  # and negatives


def test_blind_13_every_label_has_a_kind_that_fits_its_keys() -> None:
    module = load_make_expected()
    module.check_kinds(module.RAW)
    tally = module.counts(module.RAW)
    assert set(tally["links"]) == module.POSITIVE_KINDS
    assert set(tally["negatives"]) == module.NEGATIVE_KINDS
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", [], "paren")]})
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", ["forget2011town"], "pull-quote")]})


DISTRACTORS = {
    "baumol1965performing", "hiscock2007improving", "dunbar1998social", "williamson2009topical",
    "wiltschko1995magnetic", "haushofer2018long", "kell1969freezing", "keizer2013importance",
    "kelly1986moon", "chittka2017bee", "eccles2002explanation", "flesch1949art", "hoffman2004water",
    "kessler1991collisional", "jepson2007systematic"}


def test_blind_13_bib_parses_with_unique_keys_and_has_distractors() -> None:
    library = bibtexparser.parse_file(str(BLIND_13 / "references.bib"))
    keys = [entry.key for entry in library.entries]
    assert not library.failed_blocks
    assert len(keys) == len(set(keys)) == 100
    used = {key for entries in gold().values() for entry in entries for key in entry["sources"]}
    assert used <= set(keys)
    assert set(keys) - used == DISTRACTORS


def test_blind_13_keys_are_new_to_this_set() -> None:
    """No bib key of this set is in an earlier set's bib (the topics and works are new)."""
    ours = {entry.key for entry in bib_entries()}
    for bib in ROOT.glob("tests/data/eval*/*.bib"):
        if bib.parent != BLIND_13:
            text = bib.read_text(encoding="utf-8")
            assert not [key for key in ours if "{" + key + "," in text], bib


def test_blind_13_every_text_prints_its_own_references() -> None:
    """Each page has a references section (Footnotes, Sources, References, Papers we talked about,
    Reading for teachers, Reference list, Notes to editors, Further reading, REFERENCES)."""
    heading = re.compile(r"^\W*(references|reference list|sources?\b|footnotes|papers we talked about"
                         r"|reading for teachers|notes to editors|further reading)",
                         re.IGNORECASE | re.MULTILINE)
    for path in articles():
        assert heading.search(plain(path)), path.name


def test_blind_13_every_linked_work_is_on_its_page() -> None:
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
    "substack-baumol-cost-disease.md": ("Triplett", "2003", "(Triplett and Bosworth, 2003)"),
    "forum-sleep-training.txt": ("Blunden", "2011", "(Blunden et al., 2011)"),
    "wikitalk-dunbars-number.txt": ("McCarty", "2001", "McCarty et al. (2001)"),
    "podcast-bird-magnetoreception.md": ("Treiber", "2012", "(Treiber et al., 2012)"),
    "thinktank-basic-income.html": ("Martinelli", "2017", "(Martinelli, 2017)"),
    "lessonplan-mpemba-effect.html": ("Brownridge", "2011", "Brownridge (2011)"),
    "essay-broken-windows.txt": ("Harcourt", "2001", "(Harcourt 2001)"),
    "qa-full-moon.md": ("Chapman", "1967", "(Chapman, 1967)"),
    "press-bumblebee-play.txt": ("Perry", "2016", "(Perry, Baciadonna and Chittka, 2016)"),
    "factcheck-cold-weather-colds.html": ("Douglas", "1968", "(Douglas, Lindgren & Couch, 1968)"),
    "github-readability.md": ("Chall", "1995", "(Chall & Dale, 1995)"),
    "explainer-space-debris.html": ("Liou", "2011", "(Liou, 2011)"),
    "pharmacy-cranberry-uti.md": ("Hayward", "2024", "(Hayward et al., 2024)"),
}


def test_blind_13_missing_works_are_printed_but_not_in_the_bib_nor_the_page_list() -> None:
    """The deliberately unresolvable markers are in the texts, each labelled 'unresolved'; no bib
    entry has their first author and year, and the page's own list does not carry them."""
    by_author_year = {(re.split(r"[ ,]", e["author"].strip("{}"))[0].casefold(),
                       e["year"] if "year" in e.fields_dict else None)
                      for e in bib_entries() if "author" in e.fields_dict}
    raw = load_make_expected().RAW
    for name, (surname, year, marker) in MISSING.items():
        text = plain(BLIND_13 / name)
        assert text.count(marker) == 1, name
        assert (surname.casefold(), year) not in by_author_year, name
        listed = [line for line in text.splitlines()
                  if line.lstrip(" -*0123456789.[]^:").casefold().startswith(surname.casefold())
                  and year in line and marker not in line]
        assert not listed, f"{name}: {surname} {year} must not be in the page's own list"
        assert sum(kind == "unresolved" for _, _, kind in raw[name]) == 1, name
    # the clinic's "[6]" and the poster's "⁶" point past their five-item lists
    clinic = plain(BLIND_13 / "clinic-glue-ear.html")
    body, refs = clinic.split("\nReferences\n", 1)
    assert body.count("[6]") == 1 and "[7]" not in body
    poster = plain(BLIND_13 / "poster-vr-burn-pain.txt")
    body, refs = poster.split("\nREFERENCES\n", 1)
    assert body.count("⁶") == 1 and re.findall(r"^(\d)\. ", refs, re.MULTILINE) == list("12345")
    for name in ("clinic-glue-ear.html", "poster-vr-burn-pain.txt"):
        assert sum(kind == "unresolved" for _, _, kind in raw[name]) == 1, name


def test_blind_13_numbered_lists_and_links_match_the_labels() -> None:
    """The clinic's [n] and the poster's superscripts follow the page's own numbered list, whose entries
    are the bib works the labels name, in that order; hyperlinks carry the bib's DOIs."""
    titles = {e.key: fold(e["title"]) for e in bib_entries()}
    clinic = plain(BLIND_13 / "clinic-glue-ear.html")
    body, refs = clinic.split("\nReferences\n", 1)
    items = [line.strip() for line in refs.splitlines() if line.strip()[:1].isupper()]
    order = ["rosenfeld2016clinical", "francis2018oral", "williamson2015effect", "nice2008surgical",
             "browning2010grommets"]
    assert len(items) == len(order) + 1 and items[-1].startswith("Harbourside")  # then the footer
    for item, key in zip(items, order, strict=False):
        assert titles[key][:20] in fold(item), key
    for n in range(1, len(order) + 1):
        assert f"[{n}]" in body, n
    poster = (BLIND_13 / "poster-vr-burn-pain.txt").read_text(encoding="utf-8")
    body, refs = poster.split("\nREFERENCES\n", 1)
    lines = re.findall(r"^\d\. (.*)$", refs, re.MULTILINE)
    order = ["hoffman2000virtual", "hoffman2000use", "maani2011virtual", "schmitt2011randomized",
             "morris2009effectiveness"]
    assert len(lines) == len(order)
    for line, key in zip(lines, order, strict=True):
        assert titles[key][:20] in fold(line), key
    assert "¹⁻³" in body and "²,⁴" in body  # a range and a pair of superscripts
    labels = dict(load_make_expected().LABELS["poster-vr-burn-pain.txt"])
    assert labels["patients who played a VR game during wound care reported much less pain"] == order[:3]
    assert labels["Our results are consistent with the published trials."] == [order[1], order[3]]
    dois = {e.key: e["doi"] for e in bib_entries() if "doi" in e.fields_dict}
    for name, keys in [("podcast-bird-magnetoreception.md", ["wiltschko1972magnetic", "ritz2000model",
                                                             "hore2016radical", "xu2021magnetic",
                                                             "engels2014anthropogenic", "mouritsen2018long"]),
                       ("factcheck-cold-weather-colds.html", ["foxman2015temperature", "huang2023cold"]),
                       ("github-readability.md", ["flesch1948new"]),
                       ("explainer-space-debris.html", ["kessler1978collision", "liou2006risks",
                                                        "boley2021satellite"])]:
        text = (BLIND_13 / name).read_text(encoding="utf-8")
        for key in keys:
            assert text.count(f"https://doi.org/{dois[key]}") == 1, key


def test_blind_13_same_author_same_year_works_are_told_apart() -> None:
    """Dale & Chall 1948a/1948b (the README's letters and its list decide) and Hoffman et al. 2000 twice
    (the poster's numbers decide); Kangas et al. 2019 and 2021 have the same four authors."""
    entries = {e.key: e for e in bib_entries()}
    assert entries["dale1948formula"]["author"] == entries["dale1948formulab"]["author"]
    assert entries["dale1948formula"]["year"] == entries["dale1948formulab"]["year"] == "1948"
    readme = plain(BLIND_13 / "github-readability.md")
    assert readme.count("(Dale & Chall, 1948a)") == 1 and readme.count("(Dale & Chall, 1948b)") == 1
    labels = dict(load_make_expected().LABELS["github-readability.md"])
    assert labels["uses a list of about 3,000 words familiar to fourth-graders"] == ["dale1948formula"]
    later = "The instructions and the word list itself were published separately"
    assert labels[later] == ["dale1948formulab"]
    for key in ("hoffman2000virtual", "hoffman2000use"):
        assert entries[key]["author"].startswith("Hoffman, Hunter G.") and entries[key]["year"] == "2000"
    assert entries["kangas2019basic"]["author"] == entries["kangas2021experimenting"]["author"]


def test_blind_13_reprint_in_press_and_undated_works() -> None:
    """A reprint year (Durkheim 1897/1951), an in-press work and two undated group-author pages."""
    entries = {e.key: e for e in bib_entries()}
    essay = plain(BLIND_13 / "essay-broken-windows.txt")
    assert "Durkheim (1897/1951: 258)" in essay and entries["durkheim1951suicide"]["origyear"] == "1897"
    assert entries["okaforinpressage"]["year"] == "in press"
    assert "(Okafor, Lindqvist and Brand, in press)" in plain(BLIND_13 / "press-bumblebee-play.txt")
    assert entries["lullabytrustndsafer"]["year"] == entries["nhsndcommon"]["year"] == "n.d."
    assert "(The Lullaby Trust, n.d.)" in plain(BLIND_13 / "forum-sleep-training.txt")
    assert "(NHS, n.d.)" in plain(BLIND_13 / "factcheck-cold-weather-colds.html")


def test_a_broken_label_is_caught() -> None:
    module = load_make_expected()
    name = "essay-broken-windows.txt"
    with pytest.raises(SystemExit, match="occurs 0 times"):
        module.check({**module.LABELS, name: [("a sentence that is not in the text", [])]})
    with pytest.raises(SystemExit, match="occurs 2 times"):
        module.check({**module.LABELS, name: [("(Wilson and Kelling 1982", [])]})
    with pytest.raises(SystemExit, match="not in references.bib"):
        module.check({**module.LABELS, name: [("The spreading of disorder", ["nosuchkey2099"])]})
    with pytest.raises(SystemExit, match="without labels"):
        module.check({k: v for k, v in module.LABELS.items() if k != name})
