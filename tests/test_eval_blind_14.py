"""The fourteenth blind set (tests/data/eval-blind-14): its gold is what its hand-typed labels give.

These tests check the set's own consistency only; they never import `ingest` or run the extractor on
it (they were written while the set was blind; see tests/data/eval-blind-14/README.md). They read the
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
BLIND_14 = ROOT / "tests" / "data" / "eval-blind-14"
ARTICLE_SUFFIXES = {".txt", ".md", ".html"}

def load_make_expected(folder: Path = BLIND_14) -> ModuleType:
    """eval-blind-14/make_expected.py as a module (its labels, kinds and checks)."""
    return helpers.load_make_expected(folder)


def articles() -> list[Path]:
    """The set's texts (not its README)."""
    return helpers.articles(BLIND_14)


def gold() -> dict[str, list[dict]]:
    """expected.json's documents."""
    return helpers.gold(BLIND_14)


def bib_entries() -> list:
    """The shared references.bib, parsed."""
    return helpers.bib_entries(BLIND_14)


plain, fold, gold_is_what_labels_give = helpers.plain, helpers.fold, helpers.gold_is_what_labels_give


def test_blind_14_gold_is_exactly_what_its_labels_give() -> None:
    gold_is_what_labels_give(BLIND_14)


def test_blind_14_labels_every_text_and_the_set_is_big_enough() -> None:
    names = {p.name for p in articles()}
    assert set(gold()) == names
    assert len(names) == 15
    assert Counter(p.suffix for p in articles()) == {".md": 5, ".txt": 5, ".html": 5}
    entries = [entry for entries in gold().values() for entry in entries]
    links = sum(len(entry["sources"]) for entry in entries)
    negatives = sum(not entry["sources"] for entry in entries)
    assert len(entries) >= 500 and links >= 185 and negatives >= 315
    assert all(any(e["sources"] for e in doc) for doc in gold().values())  # every text has links
    assert all(any(not e["sources"] for e in doc) for doc in gold().values())  # and negatives


def test_blind_14_every_label_has_a_kind_that_fits_its_keys() -> None:
    module = load_make_expected()
    module.check_kinds(module.RAW)
    tally = module.counts(module.RAW)
    assert set(tally["links"]) == module.POSITIVE_KINDS
    assert set(tally["negatives"]) == module.NEGATIVE_KINDS
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", [], "paren")]})
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", ["valtin2002drink"], "mention")]})


DISTRACTORS = {
    "armstrong2018water", "atkin2017long", "defloor1999risk", "herzog2009wisdom", "mcferran2019why",
    "mujika2004physiological", "johnston2005vinegar", "baird2016worms", "rosenfield2011computer",
    "jones2008feeding", "cain2022bittersweet", "macleod1988training", "campbell2003raisin",
    "gbd2022population", "sapir1929study"}


def test_blind_14_bib_parses_with_unique_keys_and_has_distractors() -> None:
    library = bibtexparser.parse_file(str(BLIND_14 / "references.bib"))
    keys = [entry.key for entry in library.entries]
    assert not library.failed_blocks
    assert len(keys) == len(set(keys)) == 101
    used = {key for entries in gold().values() for entry in entries for key in entry["sources"]}
    assert used <= set(keys)
    assert set(keys) - used == DISTRACTORS


def test_blind_14_keys_are_new_to_this_set() -> None:
    """No bib key of this set is in an earlier set's bib (the topics and works are new)."""
    ours = {entry.key for entry in bib_entries()}
    for bib in ROOT.glob("tests/data/eval*/*.bib"):
        if bib.parent != BLIND_14:
            text = bib.read_text(encoding="utf-8")
            assert not [key for key in ours if "{" + key + "," in text], bib


def test_blind_14_every_text_prints_its_own_references() -> None:
    """Each page has a references section under its own heading."""
    heading = re.compile(r"^\W*(sources mentioned in this column|references|key sources|sources\b"
                         r"|papers i read for this post|works cited|notes$|further reading"
                         r"|slide 6 caption — references)", re.IGNORECASE | re.MULTILINE)
    for path in articles():
        assert heading.search(plain(path)), path.name


def test_blind_14_every_linked_work_is_on_its_page() -> None:
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
    "column-eight-glasses-water.txt": ("Popkin", "2010", "(Popkin et al., 2010)"),
    "charity-bowel-screening.html": ("Steele", "2009", "(Steele et al., 2009)"),
    "reflection-pressure-ulcers.txt": ("Vanderwee", "2007", "(Vanderwee et al. 2007)"),
    "thread-wisdom-of-crowds.md": ("Mannes", "2014", "(Mannes, Soll & Larrick, 2014)"),
    "newsletter-tinnitus-group.txt": ("Drew", "2001", "(Drew and Davies, 2001)"),
    "coaching-marathon-taper.html": ("Spilsbury", "2019", "(Spilsbury et al., 2019)"),
    "instagram-apple-cider-vinegar.txt": ("Khezri", "2018", "(Khezri et al., 2018)"),
    "ngo-faq-deworming.html": ("Croke", "2016", "(Croke et al., 2016)"),
    "insurer-blue-light-glasses.md": ("Lawrenson", "2017", "(Lawrenson et al., 2017)"),
    "birding-garden-feeders.md": ("Orros", "2015", "(Orros and Fellowes, 2015)"),
    "bookreview-quiet.html": ("Little", "2014", "(Little, 2014)"),
    "youtube-stroop-effect.txt": ("Brown", "2002", "(Brown, Gore & Carr, 2002)"),
    "vet-grapes-dogs.md": ("Gwaltney-Brant", "2001", "(Gwaltney-Brant et al., 2001)"),
    "winemerchant-j-curve.html": ("Burton", "2018", "(Burton & Sheron, 2018)"),
    "agency-bouba-kiki.md": ("Styles", "2017", "(Styles & Gawne, 2017)"),
}


def test_blind_14_missing_works_are_printed_but_not_in_the_bib_nor_the_page_list() -> None:
    """The deliberately unresolvable markers are in the texts, each labelled 'unresolved'; no bib
    entry has their first author and year, and the page's own list does not carry them."""
    by_author_year = {(re.split(r"[ ,]", e["author"].strip("{}"))[0].casefold(),
                       e["year"] if "year" in e.fields_dict else None)
                      for e in bib_entries() if "author" in e.fields_dict}
    raw = load_make_expected().RAW
    assert set(MISSING) == set(raw)
    for name, (surname, year, marker) in MISSING.items():
        text = plain(BLIND_14 / name)
        assert text.count(marker) == 1, name
        assert (surname.casefold(), year) not in by_author_year, name
        listed = [line for line in text.splitlines()
                  if line.lstrip(" -*0123456789.[]^:").casefold().startswith(surname.casefold())
                  and year in line and marker not in line]
        assert not listed, f"{name}: {surname} {year} must not be in the page's own list"
        assert sum(kind == "unresolved" for _, _, kind in raw[name]) == 1, name


NUMBERED = {
    "charity-bowel-screening.html": ["hewitson2008cochrane", "hol2010screening", "moss2017increased",
                                     "vonwagner2011inequalities", "atkin2010once"],
    "newsletter-tinnitus-group.txt": ["baguley2013tinnitus", "cima2012specialised", "fuller2020cognitive",
                                      "hesser2011systematic", "hobson2012sound", "nice2020tinnitus"],
    "insurer-blue-light-glasses.md": ["sheppard2018digital", "patel1991effect", "portello2012computer",
                                      "singh2023blue", "gringras2015bigger", "talens2023effects"],
    "vet-grapes-dogs.md": ["eubig2005acute", "mazzaferro2004acute", "wegenast2022acute",
                           "sutton2009factors", "kovalkovicova2009some"],
    "winemerchant-j-curve.html": ["shaper1988alcohol", "renaud1992wine", "stockwell2016do", "wood2018risk",
                                  "gbd2018alcohol", "millwood2019conventional"],
}
LIST_HEADINGS = {
    "charity-bowel-screening.html": "References",
    "newsletter-tinnitus-group.txt": "REFERENCES FOR THIS ISSUE",
    "insurer-blue-light-glasses.md": "## Sources",
    "vet-grapes-dogs.md": "## References",
    "winemerchant-j-curve.html": "Notes",
}
MARKS = {
    "charity-bowel-screening.html": "<sup>{n}</sup>",
    "newsletter-tinnitus-group.txt": "[{n}]",
    "insurer-blue-light-glasses.md": "{sup}",
    "vet-grapes-dogs.md": "({n})",
    "winemerchant-j-curve.html": 'href="#fn{n}"',
}


def test_blind_14_numbered_lists_follow_the_labels() -> None:
    """Each numbered page's markers follow its own numbered list, whose entries are the bib works the
    labels with those markers name, in that order."""
    titles = {e.key: fold(e["title"]) for e in bib_entries()}
    labels = load_make_expected().LABELS
    for name, order in NUMBERED.items():
        raw = (BLIND_14 / name).read_text(encoding="utf-8")
        page = fold(plain(BLIND_14 / name).rsplit(LIST_HEADINGS[name], 1)[1])  # the page's own list
        positions = [page.index(titles[key][:24]) for key in order]
        assert positions == sorted(positions), name  # the list is in the markers' order
        for n, key in enumerate(order, start=1):
            mark = MARKS[name].format(n=n, sup="¹²³⁴⁵⁶"[n - 1])
            assert mark in raw, (name, mark)
            assert any(key in keys for _, keys in labels[name]), (name, key)
    pair = dict(labels["insurer-blue-light-glasses.md"])
    assert pair["Regular breaks are also what the review and the office survey recommend"] == [
        "sheppard2018digital", "portello2012computer"]
    assert "¹,³" in (BLIND_14 / "insurer-blue-light-glasses.md").read_text(encoding="utf-8")


def test_blind_14_hyperlinks_carry_the_bib_dois() -> None:
    dois = {e.key: e["doi"] for e in bib_entries() if "doi" in e.fields_dict}
    for name, keys in [("thread-wisdom-of-crowds.md", ["lorenz2011how", "vul2008measuring"]),
                       ("coaching-marathon-taper.html", ["bosquet2007effects", "smyth2021longer"]),
                       ("ngo-faq-deworming.html", ["miguel2004worms", "hamory2021twenty"]),
                       ("birding-garden-feeders.md", ["robb2008food", "plummer2019composition",
                                                      "plummer2015supplementary", "robinson2010emerging",
                                                      "plummer2013winter"]),
                       ("youtube-stroop-effect.txt", ["macleod1991half", "stroop1935studies",
                                                      "williams1996emotional"])]:
        text = (BLIND_14 / name).read_text(encoding="utf-8")
        for key in keys:
            assert f"https://doi.org/{dois[key]}" in text, (name, key)


def test_blind_14_same_author_same_year_and_secondary_citations() -> None:
    """Galton 1907a/1907b (the letters and the thread's list decide); secondary citations link the
    work that is listed, not the original."""
    entries = {e.key: e for e in bib_entries()}
    assert entries["galton1907one"]["author"] == entries["galton1907vox"]["author"]
    assert entries["galton1907one"]["year"] == entries["galton1907vox"]["year"] == "1907"
    thread = plain(BLIND_14 / "thread-wisdom-of-crowds.md")
    assert "Galton, F. (1907a). One vote, one value." in thread
    assert "Galton, F. (1907b). Vox populi." in thread
    labels = dict(load_make_expected().LABELS["thread-wisdom-of-crowds.md"])
    assert labels["reported that the middle guess was 1,207 lb"] == ["galton1907vox"]
    assert labels["He used the median because, as he put it, each voter should have one vote"] == [
        "galton1907one"]
    review = plain(BLIND_14 / "bookreview-quiet.html")
    assert "(Eysenck, 1967, cited in Cain, 2012, p. 123)" in review
    assert "Eysenck" not in str(entries.get("cain2012quiet")) and not any(
        e["author"].startswith("Eysenck") for e in entries.values() if "author" in e.fields_dict)
    essay = plain(BLIND_14 / "reflection-pressure-ulcers.txt")
    assert "Exton-Smith and Sherwin (1961, cited in Defloor, De Bacquer and Grypdonck 2005: 38)" in essay


def test_blind_14_reprint_in_press_undated_and_group_works() -> None:
    entries = {e.key: e for e in bib_entries()}
    assert "Schön (1983/1991: 61)" in plain(BLIND_14 / "reflection-pressure-ulcers.txt")
    assert entries["schon1991reflective"]["origyear"] == "1983"
    assert "Jung (1921/1971)" in plain(BLIND_14 / "bookreview-quiet.html")
    assert "(Köhler, 1929/1947)" in plain(BLIND_14 / "agency-bouba-kiki.md")
    assert entries["jung1971psychological"]["origyear"] == "1921"
    assert entries["kohler1947gestalt"]["origyear"] == "1929"
    assert entries["wanjiruinpressschool"]["year"] == "in press"
    assert "(Wanjiru, Castell & Obuya, in press)" in plain(BLIND_14 / "ngo-faq-deworming.html")
    assert entries["designcouncilnddouble"]["year"] == "n.d."
    faq = plain(BLIND_14 / "ngo-faq-deworming.html")
    assert "(World Health Organization [WHO], 2017)" in faq and "(WHO, 2017)" in faq
    column = plain(BLIND_14 / "column-eight-glasses-water.txt")
    assert "(European Food Safety Authority [EFSA], 2010)" in column and "(EFSA, 2010)" in column


def test_a_broken_label_is_caught() -> None:
    module = load_make_expected()
    name = "reflection-pressure-ulcers.txt"
    with pytest.raises(SystemExit, match="occurs 0 times"):
        module.check({**module.LABELS, name: [("a sentence that is not in the text", [])]})
    with pytest.raises(SystemExit, match="occurs 2 times"):
        module.check({**module.LABELS, name: [("(NMC 2018", [])]})
    with pytest.raises(SystemExit, match="not in references.bib"):
        module.check({**module.LABELS, name: [("The angle also matters.", ["nosuchkey2099"])]})
    with pytest.raises(SystemExit, match="without labels"):
        module.check({k: v for k, v in module.LABELS.items() if k != name})
