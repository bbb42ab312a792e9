"""Blog-text classes of the 26th stop (branch blogfix18), from the error classes of every blog set
(docs/extraction.md, "26th stop"), each on texts of its own with a positive case and a look-alike negative.
"""

from __future__ import annotations

from pathlib import Path

import link_helpers

BIB = """
@misc{rhgndroses, author = {{Royal Hedgerow Guild}}, year = {n.d.},
  title = {Growing roses by a hedge}, howpublished = {RHG advice}}
@misc{rhgndwalls, author = {{Rural Heritage Group}}, year = {n.d.},
  title = {Dry stone walls}, howpublished = {RHG leaflets}}
@article{gray2021fire, author = {Gray, Ann and Lowe, Tom}, year = {2021},
  title = {Fire service response times in London, UK}, journal = {Fire Safety J}}
@article{moss2019walk, author = {Moss, Jan and Hill, Pat}, year = {2019},
  title = {Walking, weight and wellbeing outcomes of a weekly park event}, journal = {J Phys Act}}
@techreport{ward2020health, author = {Ward, Kim}, year = {2020},
  title = {The Health and Wellbeing Survey of park runners: first report}, institution = {Parkrun}}
@article{holm2019sweet, author = {Holm, Eva and Berg, Ola and Lind, Per}, year = {2019},
  title = {Erythritol and heart attack}, journal = {Nat Med}}
@article{voss2021fuel, author = {Voss, Anna and Beck, Jan and Roth, Uwe}, year = {2021},
  title = {Cleaner fuel and contrail ice}, journal = {Commun Earth Environ}}
@book{lane2008dance, author = {Lane, John}, year = {2008}, title = {A time to dance}, publisher = {Icon}}
@book{lane2010bells, author = {Lane, Mary}, year = {2010}, title = {The bells of Ely}, publisher = {Icon}}
@article{ruiz2012chess, author = {Ruiz, Ana and Gil, Juan}, year = {2012},
  title = {Chess after school}, journal = {Span J Psychol}}
@article{pohl2019brush, author = {Pohl, Karl}, year = {2019},
  title = {Powered toothbrushes and tooth loss}, journal = {J Clin Periodontol}}
@misc{archivesnd, author = {{Archives of Ely}}, year = {n.d.}, title = {The bells exhibition}}
"""


def _links(tmp_path: Path, text: str, name: str = "post.md", bib: str = BIB) -> dict[str, list[str]]:
    return link_helpers.links_in(tmp_path, bib, text, name)


def test_group_author_with_its_abbreviation_and_no_year(tmp_path: Path) -> None:
    text = ("# Hedges\n\n"
            "Roses grown along a hedge need more water in summer (Royal Hedgerow Guild [RHG], n.d.).\n\n"
            "A wall of dry stone shelters the roots too (Rural Heritage Group, n.d.).\n\n"
            "Mulch keeps the soil cool (Royal Hedgerow Guild [RHG], 2019).\n")
    links = _links(tmp_path, text)
    assert link_helpers.linked(links, "Roses grown along") == ["rhgndroses"]
    assert link_helpers.linked(links, "A wall of dry stone") == ["rhgndwalls"]
    # the look-alike: the same group with a year the .bib does not give cites no undated entry
    assert link_helpers.linked(links, "Mulch keeps") == []


def test_described_survey_and_a_name_with_and_are_no_single_word_study_names(tmp_path: Path) -> None:
    text = ("# Park runs\n\n"
            "A big UK survey of 60,000 runners, the Health and Wellbeing Survey, found that most felt better "
            "(Haake et al., 2018).\n")
    without_report = BIB.replace("@techreport{ward2020health", "@techreport{unrelated")
    without_report = without_report.replace("The Health and Wellbeing Survey of park runners", "Shoe wear")
    links = _links(tmp_path, text, bib=without_report)
    # "UK survey" (an indefinite description) and "Wellbeing Survey" (the end of a longer name) name
    # neither the UK fire study nor the wellbeing study
    assert link_helpers.linked(links, "A big UK survey") == []


def test_a_study_name_joined_by_and_names_the_work_whose_title_holds_it(tmp_path: Path) -> None:
    text = ("# Park runs\n\n"
            "Runners in the Health and Wellbeing Survey slept better than before.\n\n"
            "The UK Fire Survey found slower response times.\n")
    links = _links(tmp_path, text)
    assert link_helpers.linked(links, "Runners in the Health") == ["ward2020health"]
    # a capitalised name (no indefinite description) still names the work whose title holds its words
    assert link_helpers.linked(links, "The UK Fire Survey") == ["gray2021fire"]


def test_participles_are_no_past_report_and_a_past_citation_makes_the_account_past(tmp_path: Path) -> None:
    text = ("# Sweet news\n\n"
            "Holm et al. (2019) followed 3,000 adults for ten years. "
            "Platelets taken in the laboratory clumped more readily. "
            "Erythritol is found in many sugar-free products.\n\n"
            "Flight tests showed that a cleaner fuel halved the ice crystals (Voss et al., 2021). "
            "Fewer crystals make a contrail thinner and shorter-lived.\n\n"
            "The best account is his book (Lane, 2008). "
            "Lane went back to the council records (Lane, 2008, p. 3). "
            "The death toll is much less certain.\n\n"
            "The other account is her book (Lane, 2010). "
            "Its chapters follow the bell-ringers year by year.\n")
    links = _links(tmp_path, text)
    # "clumped" is the past report, whatever participle comes before it ("taken in")
    assert link_helpers.linked(links, "Platelets taken") == ["holm2019sweet"]
    # "is found in", "shorter-lived": no past verb, so the present-tense comment ends the past account
    assert link_helpers.linked(links, "Erythritol is found") == []
    assert link_helpers.linked(links, "Fewer crystals") == []
    # the account turned past with its second citation: the present comment after it is the writer's
    assert link_helpers.linked(links, "The death toll") == []
    # the look-alike: an account cited only in the present carries a present sentence on
    assert link_helpers.linked(links, "Its chapters follow") == ["lane2010bells"]


def test_the_writers_comment_on_a_reported_work_takes_no_citation(tmp_path: Path) -> None:
    text = ("# Chess\n\n"
            "A Spanish study found that children who played chess improved in attention (Ruiz & Gil, 2012). "
            "It was not randomised, though, so keen families may have chosen chess.\n\n"
            "Ruiz and Gil (2012) found that chess helped problem solving. "
            "It was weaker in older children, though the effect held.\n\n"
            "A German study followed 2,800 adults for eleven years (Pohl, 2019). "
            "That was an observational study, so other habits may explain part of the difference.\n\n"
            "The archives have a small online exhibition (Archives of Ely, n.d.). It's well worth a look.\n")
    links = _links(tmp_path, text)
    assert link_helpers.linked(links, "It was not randomised") == []
    assert link_helpers.linked(links, "That was an observational") == []
    assert link_helpers.linked(links, "It's well worth") == []
    # the look-alike: "though" as a conjunction opens the work's own hedge, and "It was …" carries it on
    assert link_helpers.linked(links, "It was weaker") == ["ruiz2012chess"]
