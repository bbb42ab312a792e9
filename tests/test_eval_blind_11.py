"""The eleventh blind set (tests/data/eval-blind-11): its gold is what its hand-typed labels give.

These tests check the set's own consistency only; they never import `ingest` or run the extractor on
it, so the set stays blind until the lead's first run (see tests/data/eval-blind-11/README.md).
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
BLIND_11 = ROOT / "tests" / "data" / "eval-blind-11"
ARTICLE_SUFFIXES = {".txt", ".md", ".html"}


def load_make_expected() -> ModuleType:
    """eval-blind-11/make_expected.py as a module (its labels, kinds and checks)."""
    return test_fresh_eval_sets.load_make_expected(BLIND_11)


def articles() -> list[Path]:
    """The set's texts (not its README)."""
    return sorted(p for p in BLIND_11.iterdir() if p.suffix in ARTICLE_SUFFIXES and p.name != "README.md")


def gold() -> dict[str, list[dict]]:
    """expected.json's documents."""
    return json.loads((BLIND_11 / "expected.json").read_text(encoding="utf-8"))["documents"]


def bib_entries() -> list:
    """The shared references.bib, parsed."""
    return bibtexparser.parse_file(str(BLIND_11 / "references.bib")).entries


def plain(path: Path) -> str:
    """A text with its HTML tags removed and its entities for & undone."""
    return re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8")).replace("&amp;", "&")


def fold(title: str) -> str:
    """A title in lower case, without braces, LaTeX commands, dashes or a leading article."""
    title = re.sub(r"\\emph|[{}`']", "", title).lower()
    title = re.sub(r"\s*(---|--|–|—)\s*", "-", title)
    return re.sub(r"^(the|a|an)\s+", "", title)


def test_blind_11_gold_is_exactly_what_its_labels_give() -> None:
    test_fresh_eval_sets.gold_is_what_labels_give(BLIND_11)


def test_blind_11_labels_every_text_and_the_set_is_big_enough() -> None:
    names = {p.name for p in articles()}
    assert set(gold()) == names
    assert len(names) == 15
    assert Counter(p.suffix for p in articles()) == {".md": 5, ".txt": 5, ".html": 5}
    entries = [entry for entries in gold().values() for entry in entries]
    links = sum(len(entry["sources"]) for entry in entries)
    negatives = sum(not entry["sources"] for entry in entries)
    assert len(entries) >= 320 and links >= 165 and negatives >= 150
    assert all(any(e["sources"] for e in doc) for doc in gold().values())  # every text has links
    assert all(any(not e["sources"] for e in doc) for doc in gold().values())  # and negatives


def test_blind_11_every_label_has_a_kind_that_fits_its_keys() -> None:
    module = load_make_expected()
    module.check_kinds(module.RAW)
    tally = module.counts(module.RAW)
    assert set(tally["links"]) == module.POSITIVE_KINDS
    assert set(tally["negatives"]) == module.NEGATIVE_KINDS
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", [], "paren")]})
    with pytest.raises(SystemExit, match="has kind"):
        module.check_kinds({"x.txt": [("a claim", ["nevin2000how"], "anecdote")]})


def test_blind_11_bib_parses_with_unique_keys_and_has_distractors() -> None:
    library = bibtexparser.parse_file(str(BLIND_11 / "references.bib"))
    keys = [entry.key for entry in library.entries]
    assert not library.failed_blocks
    assert len(keys) == len(set(keys))
    used = {key for entries in gold().values() for entry in entries for key in entry["sources"]}
    assert used <= set(keys)
    assert set(keys) - used == {
        "nevin2007understanding", "white2013recovery", "simard2012mycorrhizal", "schellenberg2004music",
        "newton2015myth", "laukkanen2018cardiovascular", "panksepp2000laughing", "herbert2011stretching",
        "rosling2020how", "flynn2012are", "gaston2013ecological"}


def test_blind_11_keys_are_new_to_this_set() -> None:
    """No bib key of this set is in an earlier set's bib (the topics and works are new)."""
    ours = {entry.key for entry in bib_entries()}
    for bib in ROOT.glob("tests/data/eval*/*.bib"):
        if bib.parent != BLIND_11:
            text = bib.read_text(encoding="utf-8")
            assert not [key for key in ours if "{" + key + "," in text], bib


def test_blind_11_every_text_prints_its_own_references() -> None:
    """Each page has a references section (Sources, Further reading, Literatur / References,
    Referencias / References, Sources I used, REFERENCES MENTIONED, == References ==)."""
    heading = re.compile(r"^\W*(slide \d+\W+)?(literatur\W+)?(my )?(references|sources|further reading"
                         r"|referencias)", re.I | re.M)
    for path in articles():
        assert heading.search(plain(path)), path.name


MISSING = {
    "substack-lead-crime.md": ("Mielke", "2012", "(Mielke & Zahran, 2012)"),
    "forum-mecfs-exercise.txt": ("Davis", "2023", "(Davis et al., 2023)"),
    "press-mycorrhizal-networks.html": ("Querejeta", "2003", "(Querejeta et al., 2003)"),
    "wiki-mozart-effect.txt": ("Bundesministerium", "2007",
                               "(Bundesministerium für Bildung und Forschung, 2007)"),
    "qa-sugar-hyperactivity.md": ("Benton", "2008", "(Benton, 2008)"),
    "thinktank-china-shock.html": ("Feenstra", "2018", "(Feenstra and Sasahara 2018)"),
    "blog-sauna-heart.txt": ("Schreiber", "2020", "Tanja Schreiber (2020)"),
    "physio-stretching-injury.md": ("Nielsen", "2014", "(Nielsen et al., 2014)"),
    "bookclub-factfulness.txt": ("WHO", "2021", "(WHO & UNICEF, 2021)"),
    "factcheck-goldfish-attention.html": ("Ferno", "2011", "(Ferno et al., 2011)"),
    "podcast-flynn-effect.md": ("Kühn", "2014", "[Kühn et al., 2014]"),
    "club-light-pollution.html": ("Knop", "2017", "(Knop et al., 2017)"),
}


def test_blind_11_missing_works_are_printed_but_not_in_the_bib_nor_the_page_list() -> None:
    """The deliberately unresolvable author-year markers are in the texts, each labelled 'unresolved';
    no bib entry has their first author and year, and the page's own list does not carry them."""
    by_author_year = {(re.split(r"[ ,]", e["author"].strip("{}"))[0].casefold(),
                       e["year"] if "year" in e.fields_dict else None)
                      for e in bib_entries() if "author" in e.fields_dict}
    raw = load_make_expected().RAW
    for name, (surname, year, marker) in MISSING.items():
        text = plain(BLIND_11 / name)
        assert text.count(marker) == 1, name
        assert (surname.casefold(), year) not in by_author_year, name
        listed = [line for line in text.splitlines()
                  if line.lstrip(" -*0123456789.[]^:").casefold().startswith(surname.casefold())
                  and year in line]
        assert not listed, f"{name}: {surname} {year} must not be in the page's own list"
        assert sum(kind == "unresolved" for _, _, kind in raw[name]) == 1, name
    # the lab blog's "[11]" has no entry in its ten-item numbered list
    lab = (BLIND_11 / "labblog-tardigrades.txt").read_text(encoding="utf-8")
    body, refs = lab.split("\nReferences\n", 1)
    assert body.count("[11]") == 1
    assert re.findall(r"^(\d+)\. ", refs, re.M) == [str(n) for n in range(1, 11)]
    assert sum(kind == "unresolved" for _, _, kind in raw["labblog-tardigrades.txt"]) == 1
    # Panksepp is named without a year; his work is in the bib but not on the page's list
    explainer = plain(BLIND_11 / "explainer-tickling.html")
    assert "Jaak Panksepp had called" in explainer and "Panksepp" not in explainer.split("Sources", 1)[1]
    assert "panksepp2000laughing" in {e.key for e in bib_entries()}


def test_blind_11_same_author_same_year_works_follow_title_order() -> None:
    titles = {e.key: e["title"] for e in bib_entries()}
    authors = {e.key: e["author"] for e in bib_entries()}
    assert fold(titles["autor2013china"]) < fold(titles["autor2013geography"])
    assert authors["autor2013china"] == authors["autor2013geography"]
    labels = {name: dict(entries) for name, entries in load_make_expected().LABELS.items()}
    trade = labels["thinktank-china-shock.html"]
    assert trade["their residents drew more disability, unemployment, and other transfer payments"] == [
        "autor2013china"]
    assert trade["In a companion paper, the same authors separated the effect of trade from that of "
                 "technology"] == ["autor2013geography"]
    text = (BLIND_11 / "thinktank-china-shock.html").read_text(encoding="utf-8")
    for marker in ["Autor, Dorn, and Hanson (2013a)", "(Autor, Dorn, and Hanson 2013a, 2121)",
                   "(Autor, Dorn, and Hanson 2013b)", "2013a. ", "2013b. "]:
        assert text.count(marker) == 1, marker


def test_blind_11_two_laukkanen_2018_works_only_the_page_list_tells_apart() -> None:
    """'(Laukkanen et al., 2018)' fits two bib entries (first family name, year, three or more authors);
    the sauna page lists only the acute-effects paper, and the label names it."""
    entries = {e.key: e for e in bib_entries()}
    for key in ("laukkanen2018acute", "laukkanen2018cardiovascular"):
        assert entries[key]["author"].startswith("Laukkanen,") and entries[key]["year"] == "2018"
        assert entries[key]["author"].count(" and ") >= 2
    text = plain(BLIND_11 / "blog-sauna-heart.txt")
    assert text.count("(Laukkanen et al., 2018)") == 1
    assert "Acute effects of sauna bathing" in text and "Cardiovascular and other health benefits" not in text
    sauna = dict(load_make_expected().LABELS["blog-sauna-heart.txt"])
    assert sauna["the stiffness of the arteries also went down in a small Finnish experiment"] == [
        "laukkanen2018acute"]


def test_blind_11_numbered_lists_match_the_labels() -> None:
    """The wiki's [n] footnotes and the lab blog's Vancouver numbers follow the page's own numbered
    list, whose entries are the bib works the labels name, in that order; the explainer's links are the
    DOIs of its Sources."""
    titles = {e.key: fold(e["title"]) for e in bib_entries()}
    for name, split, pattern, order in [
        ("wiki-mozart-effect.txt", "== References ==", r"^\d+\. \^ (.*)$",
         ["rauscher1993music", "rauscher1995listening", "chabris1999prelude", "steele1999mystery",
          "thompson2001arousal", "pietschnig2010mozart", "sack1998georgia"]),
        ("labblog-tardigrades.txt", "\nReferences\n", r"^\d+\. (.*)$",
         ["jonsson2008tardigrades", "boothby2017tardigrades", "hashimoto2016extremotolerant",
          "boothby2015evidence", "koutsovoulos2016no", "bemm2016genome", "yoshida2017comparative",
          "nibhriain2025drying", "mobjerg2011survival", "gladyshev2008massive"]),
    ]:
        body, refs = (BLIND_11 / name).read_text(encoding="utf-8").split(split, 1)
        items = re.findall(pattern, refs.split("\n---", 1)[0], re.M)
        assert len(items) == len(order), name
        for item, key in zip(items, order, strict=True):
            assert titles[key][:20] in fold(item), (name, key)
        for n in range(1, len(order) + 1):
            assert re.search(rf"\[(\d+[,-])*{n}([,-]\d+)*\]", body), (name, n)
    dois = {e.key: e["doi"] for e in bib_entries() if "doi" in e.fields_dict}
    explainer = (BLIND_11 / "explainer-tickling.html").read_text(encoding="utf-8")
    for key in ["weiskrantz1971preliminary", "blakemore1998central", "blakemore2000why",
                "blakemore2000perception", "harris1997humour", "ishiyama2016neural"]:
        assert explainer.count(f'href="https://doi.org/{dois[key]}"') == 1, key


def test_a_broken_label_is_caught() -> None:
    module = load_make_expected()
    name = "substack-lead-crime.md"
    with pytest.raises(SystemExit, match="occurs 0 times"):
        module.check({**module.LABELS, name: [("a sentence that is not in the text", [])]})
    with pytest.raises(SystemExit, match="occurs 2 times"):
        module.check({**module.LABELS, name: [("Tomasz Wielgosz", [])]})
    with pytest.raises(SystemExit, match="not in references.bib"):
        module.check({**module.LABELS, name: [("Not everyone is convinced.", ["nosuchkey2099"])]})
    with pytest.raises(SystemExit, match="without labels"):
        module.check({k: v for k, v in module.LABELS.items() if k != name})
