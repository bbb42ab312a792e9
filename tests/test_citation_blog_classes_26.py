"""Blog-text classes of eval-blind-13 (made development data after its first run), each on texts of its own:

1. a forum thread whose posts are set off by "---": a poster's "Sources:" list ends at the next "---", so
   the replies after it are text, not reference entries; a "Source: <entry>" line is one entry;
2. follow-on sentences that carry the citation on: "The authors themselves called it a pilot.", "The
   authors expect …" (present tense after a past report), "They also questioned … --Name (talk) 10:30,
   5 October 2026 (UTC)" (a talk-page signature is no later date of the sentence), "… until Zimbardo
   himself smashed it" (the author acting in the work); and one that does not: "Alaska's dividend, paid
   to every resident since 1982, is …" (a participle in a comma aside is no past report);
3. a guideline cited by its group's abbreviation, "(NICE, 2018)" for an entry whose institution is NICE,
   and its follow-ons: "The guidance also advises …", "… that the same guidance says should be offered";
4. a Markdown link on the authors' names, "[Xu and colleagues](https://doi.org/…)", cites the entry with
   that DOI (as an HTML link does);
5. a comment or follow-on that only mentions the work: "that Tanaka paper is exactly what I needed", "Maya
   read it twice …", "please don't give the 2019 paper undue weight", "One re-analysis does not overturn
   …" is no evidence from it;
6. a title-like match that is no title: a quoted sentence opening with a title's words ('"Dunbar's number
   is a suggested …"'), a title running on into a longer proper name ("the Common Cold Centre").
"""

from __future__ import annotations

from pathlib import Path

import link_helpers

BIB = """
@article{okoro2015pilot, author = {Okoro, Ada and Lindqvist, Per}, year = {2015},
  title = {Salivary cortisol in infants during a residential sleep programme},
  journal = {Early Human Development}}
@article{halden2020review, author = {Halden, Rose and Marsh, Tom}, year = {2020},
  title = {Sleep interventions for infants: a review}, journal = {Sleep}}
@article{brandt2022metals, author = {Brandt, Jonas and Ekwueme, Chidi and Salo, Mari}, year = {2022},
  title = {Spacecraft metals in stratospheric aerosol}, journal = {PNAS}}
@article{vos2012group, author = {Vos, Ellen and Kariuki, Joseph}, year = {2012},
  title = {Group size and the primate brain reexamined}, journal = {American Anthropologist}}
@techreport{nice2019otitis, author = {{National Institute for Health and Care Excellence}},
  title = {Otitis media with effusion in under 12s}, institution = {NICE},
  type = {NICE guideline}, year = {2019}}
@article{xu2021magnetic, author = {Xu, Jingjing and Jarocha, Lauren E. and Hore, P. J.}, year = {2021},
  title = {Magnetic sensitivity of cryptochrome 4 from a migratory songbird}, journal = {Nature},
  doi = {10.1038/s41586-021-03618-9}}
@article{tanaka2017follow, author = {Tanaka, Yui and Ross, Ellen and Hiscock, Harriet}, year = {2017},
  title = {Five-year follow-up of a behavioural sleep intervention}, journal = {Pediatrics}}
@article{petrov2019reanalysis, author = {Petrov, Ivan and Moss, Alma}, year = {2019},
  title = {A re-analysis of group size limits}, journal = {Biology Letters}}
@article{jensen2011social, author = {Jensen, Karl and Obi, Uche}, year = {2011},
  title = {Dunbar's number: social groups and the human brain}, journal = {Current Anthropology}}
@misc{nhsndcold, author = {{NHS}}, title = {Common cold}, year = {n.d.},
  howpublished = {\\url{https://www.nhs.uk/conditions/common-cold/}}}
@article{ng2005chill, author = {Ng, Rhys and Eccles, Ron}, year = {2005},
  title = {Acute cooling of the feet and the onset of common cold symptoms}, journal = {Family Practice}}
"""


def _links(tmp_path: Path, text: str, name: str = "post.txt") -> dict[str, list[str]]:
    return link_helpers.links_in(tmp_path, BIB, text, name)


_linked = link_helpers.linked


def test_a_rule_between_forum_posts_closes_a_sources_list(tmp_path: Path) -> None:
    text = ("Baby Forum > Sleep\n\n"
            "Thread: does sleep training hurt?\n"
            "Started by tired_dad, 01-03-2026 02:10\n\n"
            "tired_dad\nOur son wakes every hour. Is leaving him to cry harmful?\n\n"
            "---\n\n"
            "nurse_jo replied 01-03-2026 07:00\n"
            "A review of thirty trials found that behavioural sleep programmes reduced night waking "
            "(Halden & Marsh, 2020).\n\n"
            "Sources:\n"
            "Halden, R., & Marsh, T. (2020). Sleep interventions for infants: a review. Sleep, 43(2), "
            "1-9.\n\n"
            "---\n\n"
            "nurse_jo replied 01-03-2026 09:15\n"
            "The cortisol one is small. It measured 20 infants in a residential programme and found that "
            "their cortisol stayed high after they stopped crying (Okoro & Lindqvist, 2015). The authors "
            "themselves called it a pilot.\n\n"
            "Source: Okoro, A., & Lindqvist, P. (2015). Salivary cortisol in infants during a residential "
            "sleep programme. Early Human Development, 91(3), 201-206, a long line of more than two hundred "
            "characters.\n\n"
            "---\n\n"
            "tired_dad replied 01-03-2026 20:00\nThanks, we will try it this weekend.\n")
    links = _links(tmp_path, text)
    assert _linked(links, "It measured 20 infants") == ["okoro2015pilot"]
    assert _linked(links, "The authors themselves called it a pilot.") == ["okoro2015pilot"]
    assert not [claim for claim in links if claim.startswith("Source: Okoro")]  # an entry, no claim


def test_follow_ons_carry_the_citation_on(tmp_path: Path) -> None:
    text = ("Space junk\n\n"
            "Aircraft instruments found spacecraft metals in about one in ten stratospheric particles "
            "(Brandt et al., 2022). The authors expect the share to grow as more satellites burn up.\n\n"
            ":Agreed. There is also a critique by Vos and Kariuki (2012), who argued that brain ratios are "
            "a poor proxy for social capacity. They also questioned whether group sizes cluster at any "
            "single number. --Ada Lovegood (talk) 10:30, 5 October 2026 (UTC)\n\n"
            "Vos and Kariuki (2012) left two troops of monkeys in a larger enclosure. The first troop split "
            "within a week, while the second stayed together until Vos himself moved half of it. Norway's "
            "wealth fund, paid into by every oil company since 1990, is the closest thing to such a "
            "troop.\n")
    links = _links(tmp_path, text)
    assert _linked(links, "The authors expect the share to grow") == ["brandt2022metals"]
    assert _linked(links, "They also questioned whether group sizes") == ["vos2012group"]
    assert _linked(links, "until Vos himself moved half of it") == ["vos2012group"]  # the author acts in it
    assert _linked(links, "Norway's wealth fund, paid into") == []  # "paid into …," is an aside


def test_a_guideline_by_its_abbreviation_and_its_follow_ons(tmp_path: Path) -> None:
    text = ("Glue ear\n\n"
            "National guidance for England says that children with glue ear for three months should be "
            "offered grommets or a hearing aid (NICE, 2019). The guidance also advises that parents be "
            "told the benefit fades after a year. A hearing aid is an alternative to surgery that the same "
            "guidance says should be offered.\n")
    links = _links(tmp_path, text)
    assert _linked(links, "National guidance for England says") == ["nice2019otitis"]
    assert _linked(links, "The guidance also advises") == ["nice2019otitis"]
    assert _linked(links, "that the same guidance says should be offered") == ["nice2019otitis"]


def test_a_markdown_link_on_the_authors_names_cites_its_doi(tmp_path: Path) -> None:
    text = ("# Bird compasses\n\n"
            "Working with protein made in the lab, [Xu and colleagues](https://doi.org/10.1038/"
            "s41586-021-03618-9) found that cryptochrome 4 from robins was more magnetically sensitive "
            "than the same protein from chickens.\n")
    links = _links(tmp_path, text, "episode.md")
    assert _linked(links, "Working with protein made in the lab") == ["xu2021magnetic"]


def test_mentions_that_are_no_evidence(tmp_path: Path) -> None:
    text = ("Sleep training\n\n"
            "The best long-term evidence is a trial that followed children for five years (Tanaka et al., "
            "2017). At age six there were no differences between the groups. Maya read it twice and still "
            "needed the summary.\n\n"
            "Thanks everyone. Jo, that Tanaka paper is exactly what I needed, I sent it to my brother.\n\n"
            "We should add the 2019 re-analysis. Petrov and Moss (2019) repeated the analysis with larger "
            "data and found no single limit.\n\n"
            ":Fine by me, but please don't give the 2019 paper undue weight. One re-analysis does not "
            "overturn thirty years of work.\n")
    links = _links(tmp_path, text)
    assert _linked(links, "At age six there were no differences") == ["tanaka2017follow"]
    assert _linked(links, "Maya read it twice") == []
    assert _linked(links, "that Tanaka paper is exactly what I needed") == []
    assert _linked(links, "please don't give the 2019 paper undue weight") == []
    assert _linked(links, "One re-analysis does not overturn") == []


def test_title_words_that_are_no_title(tmp_path: Path) -> None:
    text = ("Colds and wiki leads\n\n"
            "In a well-known experiment at the Common Cold Centre in Cardiff, 90 volunteers put their feet "
            "in cold water (Ng & Eccles, 2005). Within five days, 13 of the chilled volunteers developed "
            "cold symptoms.\n\n"
            "Proposed lead: \"Dunbar's number is a suggested cognitive limit to the number of people one "
            "can keep stable relationships with.\" The number itself is disputed.\n\n"
            "The NHS page \"Common cold\" lists the usual symptoms.\n")
    links = _links(tmp_path, text)
    assert _linked(links, "at the Common Cold Centre in Cardiff") == ["ng2005chill"]
    assert _linked(links, "Within five days, 13 of the chilled") == ["ng2005chill"]
    assert _linked(links, "Dunbar's number is a suggested cognitive limit") == []
    assert _linked(links, "lists the usual symptoms") == ["nhsndcold"]  # a title in quotes still is one
