"""The blog error classes of eval-blind-7's first run, each at its mechanism (issue #10 class 8).

1. Carried accounts (ingest/citations/detectors/carried.py): sentences with no marker of their own
   that go on reporting the work cited just before, and where that account ends.
2. Reference and reading lists (ingest/blocks.py): a handout's numbered reference lines, reading-list
   headings and "Further reading:" lines are no claims, and the works they name support nothing.
3. A work under review (ingest/citations/reading.py) is what the review is about, not its evidence.
Plus the two smaller classes the first run showed: "The Ridge study" (author_work) and APA's group
author with its abbreviation "(National Institute … [NICE], 2014)" (author_year).

Sentences are our own unless marked as quoted from tests/data/eval-blind-7 (the team's own text).
"""

from __future__ import annotations

import pytest

from ingest.blocks import NUMBERED_VANCOUVER_LINE, READING_LABEL, REFERENCE_HEADING
from ingest.citations.detectors.carried import Account, is_past, leaves_account
from ingest.citations.index import build_index
from ingest.model import Reference
from ingest.pipeline import ingest_text
from tests.test_citations import claim_links

BIB = """
@article{moreau2016tides, author = {Moreau, Claire and Obi, Daniel}, year = {2016},
  title = {Tidal pools as nurseries for juvenile fish}}
@article{lindgren2019shade, author = {Lindgren, Erik}, year = {2019},
  title = {Shade trees and playground temperatures}}
@book{haddad2021quiet, author = {Haddad, Leila}, year = {2021}, title = {The Quiet Classroom}}
@article{okoro2022review, author = {Okoro, Chidi}, year = {2022},
  title = {A review of The Quiet Classroom}}
@article{putnam2000bowling, author = {Putnam, Robert D.}, year = {2000}, title = {Bowling Alone}}
@article{granovetter1973strength, author = {Granovetter, Mark}, year = {1973},
  title = {The strength of weak ties}}
@techreport{nice2014vitamin, author = {{National Institute for Health and Care Excellence}}, year = {2014},
  title = {Vitamin D: supplement use in specific population groups}}
@article{ridge2013foot, author = {Ridge, Sarah T. and Johnson, A. Wayne}, year = {2013},
  title = {Foot bone marrow edema after a 10-wk transition to minimalist running shoes}}
"""


def _links(text: str, name: str = "post.txt") -> dict[str, set[str]]:
    return claim_links(ingest_text(text, name, BIB).batch)


def _link_of(links: dict[str, set[str]], start: str) -> set[str]:
    [text] = [t for t in links if t.startswith(start)]
    return links[text]


# --- 1. carried accounts -------------------------------------------------------------------------

POST = """Fish in the bay

Moreau and Obi (2016) counted juvenile fish in 40 tidal pools over three summers. Pools with more \
seaweed held twice as many young fish. The effect was largest for wrasse. I suspect the same holds \
for our harbour.
"""


def test_sentences_after_a_citation_carry_its_work_until_the_writer_speaks():
    links = _links(POST)
    assert _link_of(links, "Moreau and Obi (2016) counted") == {"moreau2016tides"}
    assert _link_of(links, "Pools with more seaweed") == {"moreau2016tides"}
    assert _link_of(links, "The effect was largest") == {"moreau2016tides"}  # a chain of two
    assert _link_of(links, "I suspect") == set()


def test_the_account_stops_at_a_paragraph_boundary():
    text = POST.replace("twice as many young fish. ", "twice as many young fish.\n\n")
    links = _links(text)
    assert _link_of(links, "Pools with more seaweed") == {"moreau2016tides"}
    assert _link_of(links, "The effect was largest") == set()


def test_once_left_the_account_does_not_come_back():
    text = ("Title\n\nMoreau and Obi (2016) counted juvenile fish in 40 tidal pools. Remember that "
            "a pool is not a reef. Pools with more seaweed held twice as many young fish.\n")
    links = _links(text)
    assert _link_of(links, "Remember that") == set()
    assert _link_of(links, "Pools with more seaweed") == set()


def test_a_sentence_that_is_no_claim_ends_the_account():
    # "Very true." is filler (the writer's aside), not the study's
    text = ("Title\n\nMoreau and Obi (2016) counted juvenile fish in 40 tidal pools. Very true. "
            "Pools with more seaweed held twice as many young fish.\n")
    assert _link_of(_links(text), "Pools with more seaweed") == set()


def test_a_new_citation_takes_over_the_account():
    text = ("Title\n\nMoreau and Obi (2016) counted juvenile fish in 40 tidal pools. Playgrounds under "
            "trees were 6 degrees cooler (Lindgren, 2019). The effect was largest at noon.\n")
    assert _link_of(_links(text), "The effect was largest") == {"lindgren2019shade"}


def test_a_sentence_citing_two_works_starts_no_account():
    text = ("Title\n\nTidal pools and shade both cool the young (Moreau & Obi, 2016; Lindgren, 2019). "
            "The effect was largest at noon.\n")
    assert _link_of(_links(text), "The effect was largest") == set()


def test_an_unresolved_citation_ends_the_account():
    # quoted from eval-blind-7 blog-running-shoes.md (Daoud et al. 2012 is not in the bib)
    text = ("Title\n\nRidge et al. (2013) moved experienced runners into minimalist shoes over ten weeks. "
            "A follow-up from the same lab (Daoud et al., 2012) reported more stress injuries. "
            "Heel strikers had about twice the rate of injuries.\n")
    assert _link_of(_links(text), "Heel strikers") == set()


@pytest.mark.parametrize("sentence", [
    "I suspect the range is so wide because every study counted differently.",   # first person
    "In our club, members felt the same.",                                       # writer's "our"
    "You may have read that fish need reefs.",                                   # the reader
    "Remember that impact forces are not injuries.",                             # eval-blind-7
    "At the time, many reef scientists thought this was alarmist.",              # eval-blind-7
    "For fifty years, textbooks repeated the number without checking it.",       # eval-blind-7
    "Not everyone agrees with them.",
    "The idea is older than Putnam, but he made it famous.",                     # eval-blind-7
    "An association like this does not prove cause and effect.",                 # eval-blind-7
    "Whether the same holds for adults is a different question.",
    "No study has tested this in the North Sea.",
    "Since 2022, the pools have been protected by law.",
    "Many anglers never notice the young fish at all.",
    "Tap water has not yet been tested in the same way.",                        # eval-blind-7
    "Seaweed is cheap to plant.",  # present-tense comment after a past-tense report
])
def test_sentences_that_leave_the_account(sentence):
    index = build_index(_references(), [])
    account = Account(0, ["moreau2016tides"], past=True)
    assert leaves_account(sentence, account, index)


@pytest.mark.parametrize("sentence", [
    "The evidence for this is thin.",                      # the evidence judged
    "Schools should therefore plant more trees.",          # advice drawn from it
    "That is a big effect for so little money.",           # the writer's comment
    "However, other studies find no effect at all.",       # another work
    "Critics say the pools were chosen by hand.",
    "Similarly, Park shows that reefs recover.",           # a name the list does not hold, reporting
])
def test_sentences_that_leave_a_present_tense_account(sentence):
    index = build_index(_references(), [])
    account = Account(0, ["moreau2016tides"], past=False)
    assert leaves_account(sentence, account, index)


@pytest.mark.parametrize("sentence", [
    "Pools with more seaweed held twice as many young fish.",
    "After three weeks, those patients reported more relief than patients with no treatment.",  # b-7
    "Within 24 hours, some plants had removed most of the formaldehyde in the chamber.",          # b-7
    "Television, he argues, is one of the main culprits.",  # present, but the work still speaking
    "Put simply, the more people cycle, the safer each of them is.",                             # b-7
    "Acquaintances move in other circles; Granovetter called this the strength of weak ties.",    # b-7
    "Wearing glasses, they noted, had a larger negative association.",                           # b-7
    "Participants reported less pain in the second week.",  # a capital opening the sentence is no name
])
def test_sentences_that_carry_the_account_on(sentence):
    index = build_index(_references(), [])
    account = Account(0, ["granovetter1973strength"], past=True)
    assert not leaves_account(sentence, account, index)


def test_present_tense_account_goes_on_in_the_present():
    index = build_index(_references(), [])
    account = Account(0, ["moreau2016tides"], past=False)
    assert not leaves_account("People who are already fit are also more likely to get a dog.", account, index)


@pytest.mark.parametrize("sentence, past", [
    ("Mubanga et al. (2017) followed 3.4 million Swedes.", True),
    ("Dog owners had a lower risk.", True),
    ("Studies with positive results are more likely to be published.", False),  # participle
    ("An expert panel convened by the Foundation recommends 7 hours for adults aged 26-64.", False),
    ("Seaweed is cheap to plant.", False),
])
def test_past_tense(sentence, past):
    assert is_past(sentence) is past


def test_research_papers_carry_nothing_on():
    paper = ("# Tidal pools\n\n## Abstract\n\nWe counted fish.\n\n## Introduction\n\n"
             "Moreau and Obi (2016) counted juvenile fish in 40 tidal pools. Pools with more seaweed "
             "held twice as many young fish.\n")
    links = _links(paper, "paper.md")
    assert _link_of(links, "Moreau and Obi (2016)") == {"moreau2016tides"}
    assert _link_of(links, "Pools with more seaweed") == set()


@pytest.mark.parametrize("headings", [
    "## Resumo\n\nContamos peixes.\n\n## Introdução\n\n",          # a SciELO paper's headings
    "## Methods\n\nWe counted.\n\n## Results\n\n",                    # two IMRaD headings
])
def test_papers_in_other_layouts_carry_nothing_on(headings):
    paper = ("# Tidal pools\n\n" + headings + "Moreau and Obi (2016) counted juvenile fish in 40 tidal "
             "pools. Pools with more seaweed held twice as many young fish.\n")
    assert _link_of(_links(paper, "paper.md"), "Pools with more seaweed") == set()


def test_a_long_printed_reference_list_makes_a_paper():
    entries = "".join(f"- Author{i}, A. ({1990 + i}). Title {i}. Journal, 1, 1-2.\n" for i in range(25))
    paper = ("# Tidal pools\n\nMoreau and Obi (2016) counted juvenile fish in 40 tidal pools. Pools with "
             "more seaweed held twice as many young fish.\n\n## References\n\n" + entries)
    assert _link_of(_links(paper, "paper.md"), "Pools with more seaweed") == set()
    blog = paper.replace(entries, entries[: entries.index("- Author5")])
    assert _link_of(_links(blog, "blog.md"), "Pools with more seaweed") == {"moreau2016tides"}


def test_a_lead_in_that_only_continues_credits_no_list():
    # quoted from eval-blind-7 clinic-vitamin-d.html
    text = ("Title\n\nSome people should take a supplement all year round (National Institute for Health "
            "and Care Excellence [NICE], 2014). They include:\n\n- people who are rarely outdoors\n"
            "- people who usually cover most of their skin\n")
    links = _links(text, "page.md")
    assert _link_of(links, "Some people should take") == {"nice2014vitamin"}
    assert _link_of(links, "people who are rarely outdoors") == set()


# --- 2. reference and reading lists ---------------------------------------------------------------

HANDOUT = """Week 6 handout

Putnam [1] showed that club membership fell. Granovetter [2] found that acquaintances pass on news \
of jobs.

READING LIST

[1] Putnam RD. Bowling alone. New York: Simon & Schuster; 2000.
[2] Granovetter M. The strength of weak ties. Am J Sociol. 1973;78(6):1360-1380.
"""


def test_a_numbered_reading_list_makes_no_claims():
    links = _links(HANDOUT, "handout.txt")
    assert _link_of(links, "Putnam [1] showed") == {"putnam2000bowling"}
    assert not [t for t in links if t.startswith("[")]
    assert not [t for t in links if "Bowling alone" in t or "Am J Sociol" in t]


def test_numbered_reference_lines_without_a_heading_are_references():
    text = HANDOUT.replace("READING LIST\n\n", "")
    links = _links(text, "handout.txt")
    assert set(links) == {t for t in links if "[1] Putnam RD" not in t and "Simon" not in t}
    assert sum(len(keys) for keys in links.values()) == 2


@pytest.mark.parametrize("line, entry", [
    ("[1] Beecher HK. The powerful placebo. JAMA. 1955;159(17):1602-1606.", True),  # eval-blind-7
    ("[4] Wager TD, Rilling JK, Smith EE, et al. Placebo-induced changes. Science. 2004;303:1162-7.", True),
    ("[3] Smith and colleagues found in 2004 that it works.", False),
])
def test_numbered_vancouver_line(line, entry):
    assert bool(NUMBERED_VANCOUVER_LINE.match(line)) is entry


@pytest.mark.parametrize("heading, reading_list", [
    ("READING LIST", True), ("Links and further reading", True), ("Recommended reading", True),
    ("Readings", True), ("Reading", False), ("Reading at home", False),
])
def test_reading_list_headings(heading, reading_list):
    assert bool(REFERENCE_HEADING.match(heading)) is reading_list


@pytest.mark.parametrize("line, label", [
    ("**Reading for next week:** Putnam 2000, chapters 1 and 22.", True),  # eval-blind-7
    ("Further reading: Granovetter (1973) is short and readable.", True),
    ("Reading: ten minutes a night helps most children.", False),
    ("Reading is good for you: it helps.", False),
])
def test_reading_label_lines(line, label):
    assert bool(READING_LABEL.match(line)) is label


def test_a_further_reading_line_is_no_claim():
    text = ("Title\n\nClub membership fell steeply after 1960 (Putnam, 2000).\n\n"
            "Further reading: Granovetter (1973), a short and readable paper.\n")
    links = _links(text)
    assert not [t for t in links if t.startswith("Further reading")]
    assert _link_of(links, "Club membership") == {"putnam2000bowling"}


def test_a_links_list_under_its_heading_is_no_claim():
    text = ("# Show notes\n\nClub membership fell steeply after 1960 (Putnam, 2000).\n\n"
            "## Links and further reading\n\n- Mark Granovetter, *The strength of weak ties* (1973)\n"
            "- The classic paper on weak ties (Granovetter, 1973)\n")
    links = _links(text, "notes.md")
    assert not [t for t, keys in links.items() if "granovetter1973strength" in keys]


# --- 3. a work under review -----------------------------------------------------------------------

def test_the_reviewed_book_is_no_evidence_for_the_review():
    text = ("Title\n\nReviewing Haddad's book in *Nature*, Okoro (2022) wrote that its central claim "
            "is not supported by the classroom studies.\n")
    assert _link_of(_links(text), "Reviewing Haddad") == {"okoro2022review"}


def test_the_book_itself_still_supports_its_own_claims():
    text = "Title\n\nHaddad's book argues that quiet classrooms help shy pupils speak.\n"
    assert _link_of(_links(text), "Haddad's book") == {"haddad2021quiet"}


# --- smaller classes ------------------------------------------------------------------------------

def test_the_surname_study_names_that_authors_work():
    # quoted from eval-blind-7 blog-running-shoes.md (a comment)
    text = ("Title\n\nThe Ridge study is a good warning: the bone changes appeared even though runners "
            "switched slowly.\n")
    assert _link_of(_links(text), "The Ridge study") == {"ridge2013foot"}


def test_a_group_author_with_its_abbreviation():
    text = ("Title\n\nMost adults need 10 micrograms a day in winter (National Institute for Health and "
            "Care Excellence [NICE], 2014).\n")
    assert _link_of(_links(text), "Most adults need") == {"nice2014vitamin"}


def _references() -> list[Reference]:
    from ingest.bibtex import parse_bibtex

    return parse_bibtex(BIB, "t.bib")


def test_html_comments_without_wordpress_classes_are_read():
    # the markup of eval-blind-7 blog-houseplants-air.html: a meta line, then the body's paragraphs
    from ingest.readers import read_documents

    page = ("<html><body><article><h1>Plants</h1><p>Plants are nice.</p></article>"
            "<section class='comments'><div class='comment' id='c1'>"
            "<p class='comment-meta'><strong>Léa Dubois</strong> · 4 March 2024 at 13:40</p>"
            "<p>Green walls clean more air than pots (Ridge &amp; Johnson, 2013).</p>"
            "<div class='comment reply' id='c2'><p class='comment-meta'><strong>Ingrid Halvorsen</strong>"
            " · 4 March 2024</p><p>Good point, Léa.</p></div></div></section></body></html>")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(page, encoding="utf-8")
        article, first, reply = read_documents(path)
    assert (first.author, first.date, first.text) == (
        "Léa Dubois", "2024-03-04", "Green walls clean more air than pots (Ridge & Johnson, 2013).")
    assert (reply.author, reply.text, reply.parent_id) == ("Ingrid Halvorsen", "Good point, Léa.", first.id)
    links = claim_links(ingest_text(page, "page.html", BIB).batch)
    assert _link_of(links, "Green walls") == {"ridge2013foot"}
