"""The blog-text error classes of issue #10 found on eval-blind-9's first run, each on sentences of
its own: study nicknames by a follow-up, criteria, an event, a people's adjective or title words; a
pointer verb inside a relative clause ("why people who know little speak about it") is no pointer;
"Next up on the blog:" is a reading line; a sentence naming a year after the work, or a commenter's
"My …", leaves the work's account."""

from __future__ import annotations

from pathlib import Path

from ingest.claims import refers_back
from tests.test_citation_blog_classes import _analysed

BIB = r"""
@article{okafor2011kindergarten, author = {Okafor, Nnamdi and Lind, Petra}, year = {2011},
  title = {Does a small class pay off later? Evidence from a school trial}, journal = {Economics}}
@article{brandt2009small, author = {Brandt, Lena}, year = {2009},
  title = {Small classes in early school}, journal = {Education}}
@article{vasquez2015criteria, author = {Vasquez, Ana and Holm, Bo}, year = {2015},
  title = {Diagnosing food intolerance: the {Lisbon} experts' criteria}, journal = {Nutrients}}
@article{tanaka2018storm, author = {Tanaka, Yuki and Reid, Ann}, year = {2018},
  title = {The {Hobart} storm asthma event of 2016: triggers and patients}, journal = {Lancet}}
@article{morgan2016breakfast, author = {Morgan, Huw and Price, Siân}, year = {2016},
  title = {Breakfast and school results in children}, journal = {Public Health}}
@article{hale2011gradient, author = {Hale, Ruth and Mason, Tom}, year = {2011},
  title = {A gradient of childhood patience predicts adult health}, journal = {PNAS}}
@article{ferro2012motor, author = {Ferro, Luca}, year = {2012},
  title = {Motor skills in childhood}, journal = {Child Development}}
@article{kovacs1928acid, author = {Kovacs, Imre}, year = {1928},
  title = {Observations on an acid of the adrenal cortex}, journal = {Biochemical Journal}}
@article{berg2017creatine, author = {Berg, Oskar and Nilsen, Kari}, year = {2017},
  title = {Creatine and muscle strength: a meta-analysis}, journal = {Sports Medicine}}
@book{ericson2016peak, author = {Ericson, Karl and Pole, Rob}, year = {2016}, title = {Peak},
  publisher = {Houghton}}
@book{epsom2019range, author = {Epsom, David}, year = {2019}, title = {Range}, publisher = {Riverhead}}
"""


def _links(tmp_path: Path, text: str, name: str = "post.md", bib: str = BIB) -> dict[str, list[str]]:
    """Each claim's text with the keys of the sources its evidence links (`bib` the .bib beside it)."""
    doc, _, claims, evidence = _analysed(tmp_path, text, name, bib=bib)
    return {doc.text[c.start:c.end]: sorted({k for e in evidence if n in e.supports for k in e.sources})
            for n, c in enumerate(claims)}


def _of(links: dict[str, list[str]], opening: str) -> list[str]:
    matches = [keys for text, keys in links.items() if text.startswith(opening)]
    assert len(matches) == 1, (opening, list(links))
    return matches[0]


def test_a_follow_up_named_by_its_first_author_or_year(tmp_path):
    links = _links(tmp_path, "# Classes\n\nSmall classes helped in the first years (Brandt, 2009). "
                             "Okafor and Lind (2011) followed the same pupils into adulthood.\n\n"
                             "The weather was mild that year.\n\n"
                             "The Okafor follow-up found effects on college only. "
                             "The 2011 follow-up study is the one people forget.\n")
    assert _of(links, "The Okafor follow-up") == ["okafor2011kindergarten"]
    assert _of(links, "The 2011 follow-up study") == ["okafor2011kindergarten"]


def test_criteria_and_an_event_named_by_a_title_word(tmp_path):
    links = _links(tmp_path, "# Notes\n\nTests for intolerance vary (Vasquez & Holm, 2015). "
                             "A storm once sent thousands to hospital (Tanaka & Reid, 2018).\n\n"
                             "Plenty of people wheeze in spring.\n\n"
                             "The Lisbon criteria are what clinics use. "
                             "The Hobart event is why we advise an inhaler.\n")
    assert _of(links, "The Lisbon criteria") == ["vasquez2015criteria"]
    assert _of(links, "The Hobart event") == ["tanaka2018storm"]


def test_a_peoples_adjective_names_the_work_cited_for_its_place(tmp_path):
    links = _links(tmp_path, "# Breakfast\n\nA study of pupils in Wales found breakfast eaters did better "
                             "(Morgan & Price, 2016).\n\nFamilies differ in many ways.\n\n"
                             "The Welsh study could not show cause.\n\nThe Dutch study was never done.\n")
    assert _of(links, "The Welsh study") == ["morgan2016breakfast"]
    assert _of(links, "The Dutch study") == []


def test_a_lower_case_nickname_needs_two_words_of_one_title(tmp_path):
    links = _links(tmp_path, "# Cohort\n\nPatience in childhood predicted adult health (Hale & Mason, 2011). "
                             "Motor skills mattered less (Ferro, 2012).\n\nWe met in the afternoon.\n\n"
                             "The patience gradient paper is one I show students.\n\n"
                             "The childhood paper is another.\n\nThe famous study gets quoted a lot.\n")
    assert _of(links, "The patience gradient paper") == ["hale2011gradient"]
    assert _of(links, "The childhood paper") == []  # one word, and in both titles
    assert _of(links, "The famous study") == []


def test_a_pointer_verb_inside_a_relative_clause_is_no_pointer(tmp_path):
    assert refers_back("Herman talks about this in her book.")
    assert not refers_back("The effect is cited to explain why people who know little speak about it "
                           "most confidently [1–2].")
    text = ("Handout\n\nHard tasks make everyone modest [2].\n\n"
            "The effect is cited to explain why people who know little speak about it most confidently "
            "[1–2]. "
            "That is a stretch.\n\nReading list\n"
            "[1] Okafor, N., & Lind, P. (2011). Does a small class pay off later? Evidence from a school "
            "trial. Economics.\n[2] Brandt, L. (2009). Small classes in early school. Education.\n")
    links = _links(tmp_path, text, "handout.txt")
    assert _of(links, "The effect is cited") == ["brandt2009small", "okafor2011kindergarten"]
    assert _of(links, "Hard tasks make everyone modest") == ["brandt2009small"]


def test_next_up_on_the_blog_is_a_reading_line(tmp_path):
    links = _links(tmp_path, "# Range\n\nEpsom (2019) argues that sampling widely pays.\n\n"
                             "Next up on the blog: *Peak* by Ericson and Pole (2016).\n")
    assert not any(text.startswith("Next up") for text in links)
    assert all("ericson2016peak" not in keys for keys in links.values())


def test_a_later_year_or_a_commenters_my_leaves_the_account(tmp_path):
    links = _links(tmp_path, "# Vitamins\n\nThe acid was isolated by Kovacs in 1928, who named it "
                             "cortex acid (Kovacs, 1928). He won the Nobel Prize in 1937.\n\n"
                             "Creatine raised strength in adults (Berg & Nilsen, 2017). "
                             "My daughter's physio told her to wait until she is 18.\n")
    assert _of(links, "The acid was isolated") == ["kovacs1928acid"]
    assert _of(links, "He won the Nobel Prize") == []
    assert _of(links, "My daughter's physio") == []


def test_an_earlier_year_in_the_account_is_still_the_work(tmp_path):
    links = _links(tmp_path, "# Vitamins\n\nKovacs (1928) isolated the acid from adrenal glands. "
                             "He had collected the glands since 1925.\n")
    assert _of(links, "He had collected") == ["kovacs1928acid"]
