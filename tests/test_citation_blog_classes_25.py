"""Blog-text classes of the 25th stop (eval-blind-9, -10, -11 and -6), each on texts of its own:

1. a quantifier standing alone as the subject after a cited sentence, "Some even laid eggs …",
   "Many reacted as strongly to the placebo.", is "some of them": the work's own animals or
   participants, so the account carries on (a generic "Many survivors never …" still ends it);
2. a sentence opening with a capitalised noun, a comma and "not"/"and"/"too" ("Fructans, not gluten,
   caused the bloating.", "Rats, too, can be tickled.") is a claim, not an address to a person
   ("Liza, well said.");
3. a nickname in capitals that is the initials of the work's name as the page or the title wrote it
   ("the HELP trial" for "the Hospital Elder Life Program … (Inouye et al., 1999)"), and a nickname
   with a noun for the work's results ("The Cochrane numbers" for "A Cochrane review (Shrestha et
   al., 2018)");
4. an author's advice as a lead-in ("Okafor and colleagues recommend two habits above all others:" after
   a paragraph citing Okafor and Lind) hands the citation to its list items, as a reporting lead-in does.
"""

from __future__ import annotations

from pathlib import Path

import link_helpers

from ingest.claims import not_claim_reason

BIB = """
@article{jonsson2008, author = {Jönsson, K. Ingemar and Rabbow, Elke}, year = {2008},
  title = {Tardigrades survive exposure to space in low Earth orbit}, journal = {Current Biology}}
@article{molina2017, author = {Molina-Infante, Javier and Carroccio, Antonio}, year = {2017},
  title = {Suspected nonceliac gluten sensitivity confirmed in few patients after gluten challenge},
  journal = {Clinical Gastroenterology and Hepatology}}
@article{inouye1999, author = {Inouye, Sharon K. and Bogardus, Sidney T. and Charpentier, Peter A.},
  year = {1999},
  title = {A multicomponent intervention to prevent delirium in hospitalized older patients},
  journal = {New England Journal of Medicine}}
@article{shrestha2018, author = {Shrestha, Nipun and Kukkonen-Harjula, Katriina and Verbeek, Jos},
  year = {2018},
  title = {Workplace interventions for reducing sitting at work},
  journal = {Cochrane Database of Systematic Reviews}}
@article{okafor2020, author = {Okafor, Ngozi and Lind, Per}, year = {2020},
  title = {Night shifts and sleep in nurses}, journal = {Sleep}}
"""


def _links(tmp_path: Path, text: str, name: str = "post.txt") -> dict[str, list[str]]:
    return link_helpers.links_in(tmp_path, BIB, text, name)


_linked = link_helpers.linked


def test_a_quantifier_alone_carries_the_account_on(tmp_path: Path) -> None:
    text = ("Water bears in orbit\n\n"
            "In 2007, dried water bears were flown into low orbit on a satellite, and many of them survived "
            "the vacuum of open space (Jönsson & Rabbow, 2008). Some even laid eggs that hatched after the "
            "flight.\n\n"
            "A review pooled ten blinded challenge trials and found that only one in six participants "
            "reacted to gluten alone (Molina-Infante & Carroccio, 2017). Many reacted as strongly to the "
            "placebo.\n\n"
            "Nurses on night shifts slept an hour less than nurses on day shifts (Okafor & Lind, 2020). "
            "Many hospitals never offer a quiet room.\n")
    links = _links(tmp_path, text)
    assert _linked(links, "Some even laid eggs") == ["jonsson2008"]
    assert _linked(links, "Many reacted as strongly") == ["molina2017"]
    assert _linked(links, "Many hospitals never offer") == []  # a generic statement still ends it


def test_a_noun_before_not_or_too_is_no_address() -> None:
    assert not_claim_reason("Fructans, not gluten, caused the bloating.") is None
    assert not_claim_reason("Rats, too, can be tickled.") is None
    assert not_claim_reason("Liza, well said.") == "greeting or sign-off"
    assert not_claim_reason("Hamid, thanks so much.") == "greeting or sign-off"


def test_a_short_result_after_a_citation_is_linked(tmp_path: Path) -> None:
    text = ("Gluten or not?\n\n"
            "A review pooled ten blinded challenge trials and found that only one in six participants "
            "reacted to gluten alone (Molina-Infante & Carroccio, 2017). Sugars, not gluten, caused the "
            "bloating.\n")
    assert _linked(_links(tmp_path, text), "Sugars, not gluten") == ["molina2017"]


def test_an_acronym_names_the_work_by_its_initials(tmp_path: Path) -> None:
    text = ("Delirium on the ward\n\n"
            "In the Hospital Elder Life Program, volunteers helped older patients with sleep and walking, "
            "and fewer of them developed delirium (Inouye et al., 1999).\n\n"
            "Nurses on night shifts slept an hour less than nurses on day shifts (Okafor & Lind, 2020).\n\n"
            "As a ward sister for twenty years I have found noise at night the worst trigger. The HELP "
            "trial's sleep protocol, with a warm drink and quiet music, is still the simplest part "
            "to copy.\n\n"
            "The HOPE trial's protocol was never tested on our ward.\n")
    links = _links(tmp_path, text)
    assert _linked(links, "The HELP trial's sleep protocol") == ["inouye1999"]
    assert _linked(links, "The HOPE trial's protocol") == []  # not the initials of any cited work


def test_a_results_noun_nicknames_the_work(tmp_path: Path) -> None:
    text = ("Standing desks\n\n"
            "A Cochrane review (Shrestha et al., 2018) concluded that sit-stand desks cut sitting at work by "
            "about 100 minutes a day in the short term.\n\n"
            "Nurses on night shifts slept an hour less than nurses on day shifts (Okafor & Lind, 2020).\n\n"
            "The Cochrane numbers are for the first few months of use. Over a year, the fall in sitting was "
            "much smaller, and most people went back to sitting.\n")
    links = _links(tmp_path, text)
    assert _linked(links, "The Cochrane numbers are for") == ["shrestha2018"]


def test_an_author_recommending_carries_the_citation_to_a_list(tmp_path: Path) -> None:
    text = ("Sleep on nights\n\n"
            "Nurses on night shifts slept an hour less than nurses on day shifts (Okafor & Lind, 2020).\n\n"
            "Okafor and colleagues recommend two habits above all others:\n"
            "* Dark rooms: sleep behind blackout blinds after a night shift.\n"
            "* Fixed times: go to bed at the same hour after every shift.\n")
    links = _links(tmp_path, text)
    assert _linked(links, "Dark rooms: sleep behind blackout blinds") == ["okafor2020"]
    assert _linked(links, "Fixed times: go to bed") == ["okafor2020"]
