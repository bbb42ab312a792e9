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
