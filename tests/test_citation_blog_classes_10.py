"""Blog-text error classes of issue #10 left after eval-blind-9's fixes, found across the nine blog
sets (branch blogfix3), each on sentences of its own: a study named by an abbreviation that two
titles hold is the work whose title defines it, and a lower-case study noun after "a"/"one" names
no work cited before; a book whose main title is one word is found by its whole title; a reading
group meeting to discuss a book is no evidence from it."""

from __future__ import annotations

from pathlib import Path

from tests.test_citation_blog_classes import _analysed
from tests.test_citation_blog_classes_9 import _links as links_with
from tests.test_citation_blog_classes_9 import _of

BIB = r"""
@techreport{mills1990pace, author = {Mills, Ed and Roe, Jan}, year = {1990},
  title = {The {Ohio} {Pupil Attention and Class Enrolment} ({PACE}) {Project}: final report},
  institution = {Ohio Department of Education}}
@article{lund2012adult, author = {Lund, Kari and Berg, Tor}, year = {2012},
  title = {Do small classes pay later? {Evidence} from {Project PACE}}, journal = {Economics}}
@book{dwyer2006grit, author = {Dwyer, Carol}, year = {2006}, title = {Grit: The New Science of Staying Power},
  publisher = {Random House}}
@book{brennan2020kindness, author = {Brennan, Rolf}, year = {2020}, title = {Kindness: A Hopeful History},
  publisher = {Bloomsbury}}
@article{haig2019impact, author = {Haig, Ian and Moss, Ruth}, year = {2019},
  title = {Impact of {Leeds}'s clean air zone on children's lungs}, journal = {Lancet}}
"""


def _links(tmp_path: Path, text: str, name: str = "post.md") -> dict[str, list[str]]:
    return links_with(tmp_path, text, name, bib=BIB)


def test_an_abbreviation_names_the_work_whose_title_defines_it(tmp_path):
    links = _links(tmp_path, "# Class size\n\nOhio put pupils in small classes (Mills & Roe, 1990). "
                             "Lund and Berg (2012) followed them up.\n\nWe have big classes.\n\n"
                             "The PACE study is quoted by every union in the country.\n")
    assert _of(links, "The PACE study") == ["mills1990pace"]


def test_an_abbreviation_no_title_defines_names_neither(tmp_path):
    bib = BIB.replace("({PACE}) ", "{PACE} ")
    doc, _, claims, evidence = _analysed(tmp_path, "# Class size\n\nThe PACE study is quoted by every "
                                                   "union in the country.\n", bib=bib)
    assert not [e for e in evidence if e.sources]


def test_a_lower_case_study_after_an_indefinite_article_names_nothing(tmp_path):
    links = _links(tmp_path, "# Air\n\nChildren in Leeds had smaller lungs (Haig & Moss, 2019).\n\n"
                             "Closing streets cut nitrogen dioxide in one Leeds trial (Oduya, 2021). "
                             "A Leeds study of bus lanes is under way.\n\n"
                             "The Leeds study is the one parents quote.\n")
    assert _of(links, "Closing streets") == []
    assert _of(links, "A Leeds study") == []
    assert _of(links, "The Leeds study") == ["haig2019impact"]


def test_a_one_word_main_title_is_found_when_the_whole_title_is_written(tmp_path):
    links = _links(tmp_path, "# Notes\n\nCarol Dwyer teaches at Yale. "
                             "In Grit: The New Science of Staying Power, she describes two kinds of pupil. "
                             "In her account, the gritty ones keep going.\n\n"
                             "Grit matters in sport too.\n")
    assert _of(links, "In Grit:") == ["dwyer2006grit"]
    assert _of(links, "In her account") == ["dwyer2006grit"]
    assert _of(links, "Grit matters") == []  # the one word alone is a common noun, not the book


def test_a_group_meeting_to_discuss_a_book_is_no_evidence_from_it(tmp_path):
    links = _links(tmp_path, "# Book club\n\nNine of us met on Friday to discuss Rolf Brennan's *Kindness: A "
                             "Hopeful History* (2020), and it split the room.\n\n"
                             "*Kindness: A Hopeful History* argues that most people are decent.\n\n"
                             "We met to discuss what *Kindness: A Hopeful History* says about prisons.\n")
    assert _of(links, "Nine of us met") == []
    assert _of(links, "*Kindness: A Hopeful History* argues") == ["brennan2020kindness"]
    assert _of(links, "We met to discuss what") == ["brennan2020kindness"]
