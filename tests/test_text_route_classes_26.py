"""Text-route error classes of fresh12 (branch realtext16), each on a text of its own:

1. a parenthesised reference number glued to the word or the punctuation before it, as Einstein (São
   Paulo) prints its citations ("… with COVID-19.(1,2) Meanwhile", "the government(3) has");
2. plain-number superscripts glued after "et al." ("Yadav et al.23 reported") or after a two-letter
   acronym in parentheses ("the kinetic resolution (KR)4 of");
3. a journal's editorial with no IMRaD headings and a short list, its own DOI printed in its head, is a
   research paper: no carried account after a numbered citation;
4. a taxon's author abbreviated as botany prints it before the protologue's year ("Letestudoxa Pellegr.
   (1920: 654)", "Duguetia A.St.-Hil. (1825: 35)"), and the particle printed after Vancouver initials
   ("Zuilen CM van, Maas PJM. 1994.");
5. a co-author misspelt by one letter in the citation ("Alzola, Hennig, & Romar, 2020" for Homar);
6. reference-list names: ABNT full given names of three words or more with particles ("DIAS, Maria Odila
   da Silva."), APA's "Jr." after the initials and five initials ("Ames, M. C. F. D. C., & …");
7. stray punctuation in a citation: a stop before the closing parenthesis ("(Ferreira, 1772.)"), a comma
   between names and the year ("Ivanova et al., (2006)");
8. a generation's suffix printed with the family name ("TEIXEIRA JÚNIOR; SOUZA, 2019" for "TEIXEIRA, J. G.
   JÚNIOR"), and an entry "OMOTE, S. A. and others" that is no sole-author work ("OMOTE, 2005");
9. a title read inside another work's longer title ("Concepções de Deficiência" inside "Escala
   Intercultural de Concepções de Deficiência").
"""

from __future__ import annotations

from ingest.reflist import references_in_text
from tests.test_text_route_error_classes import _evidence

NUMBERED = "".join(f"{n}. Author{chr(64 + n)} A, Other B. Title number {n}. J Med. 20{n:02d};{n}:1-9.\n\n"
                   for n in range(1, 8))


def test_a_parenthesised_number_glued_to_the_word_before_is_a_citation():
    text = ("# A study\n\n## Introduction\n\nTransmission rates sustain a pandemic state for patients with "
            "COVID-19.(1,2) Meanwhile, the priority of the government(3) has been to size resources. "
            "Planning is an alternative,(4) considering the length of stay (LOS),(5-7) as noted "
            "(see Table 1).\n\n"
            "## References\n\n" + NUMBERED)
    assert [marker for marker, _ in _evidence(text)] == ["(1,2)", "(3)", "(4)", "(5-7)"]
    assert _evidence(text)[3][1] == ["ref-5", "ref-6", "ref-7"]
    # a symbol's argument is no citation
    assert _evidence(text.replace("government(3)", "function f(3)")) == [
        e for e in _evidence(text) if e[0] != "(3)"]


def test_a_bare_number_glued_after_et_al_or_a_short_acronym_is_a_citation():
    text = ("# A study\n\n## Introduction\n\nLipases catalyse many reactions. 1 The kinetic resolution (KR)2 "
            "of alcohols is common. 3 Yadav et al.4 reported the substitution. The activity was observed by "
            "Bassan et al.5 The authors also pointed to phosphates. 6\n\n## References\n\n" + NUMBERED)
    assert [marker for marker, _ in _evidence(text)] == ["1", "2", "3", "4", "5", "6"]


EDITORIAL = ("# Conduction System Pacing: Where Are We?\n\n"
             "Imran Niazi · 2025-01-15 · doi:10.19102/icrm.2025.16015\n\n"
             "Pacing has spread widely.[1] The Multicentre Outcomes Study (MELOS)[2] provides a snapshot of "
             "current techniques. This was an observational registry conducted at 14 European centers, "
             "enrolling 2553 patients.\n\n## References\n\n" + NUMBERED)


def test_an_article_printing_its_own_doi_carries_no_account_after_a_citation():
    assert [marker for marker, _ in _evidence(EDITORIAL)] == ["[1]", "[2]"]


BOTANY = """# A new Duguetia

## Introduction

The genus Duguetia A.St.-Hil. (1825: 35) is important; the tribe holds Letestudoxa Pellegr. (1920: 654), \
Duckeanthus R.E.Fr. (1934: 106) and D. rionegrensis Zuilen & Maas (1994: 233).

## References

Fries RE. 1934. Revision der Arten einiger Anonaceen-Gattungen III. Acta Horti Bergiani 12: 28-106.

Maas PJM, Westra LYT. 1994. Studies in Annonaceae XV. Botanische Jahrbücher 116: 1-80.

Pellegrin F. 1920. Plantae letestuanae novae. Bulletin du Muséum 26: 654-659.

Rusby HH. 1920. Descriptions of new genera and species of plants. Memoirs of the New York Botanical \
Garden 7: 205-387.

Saint-Hilaire AFCP de. 1825. Flora Brasiliae meridionalis. Vol 1. Paris, A. Belin.

Zuilen CM van, Maas PJM. 1994. Studies in Annonaceae XXII. Botanische Jahrbücher 116: 81-120.
"""


def test_a_botanical_author_abbreviation_cites_the_protologue():
    authors = {r.key: [(a.family, a.given) for a in r.authors] for r in references_in_text(BOTANY, "a.md")}
    assert authors["zuilen1994"] == [("Zuilen", "CM van"), ("Maas", "PJM")]
    assert _evidence(BOTANY) == [("A.St.-Hil. (1825: 35)", ["sainthilaire1825"]),
                                 ("Pellegr. (1920: 654)", ["pellegrin1920"]),
                                 ("R.E.Fr. (1934: 106)", ["fries1934"]),
                                 ("Zuilen & Maas (1994: 233)", ["zuilen1994"])]


APA = """
## References

Alzola, M. (2020). Virtue and character. Business Ethics Quarterly, 30, 1-20.

Alzola, M., Hennig, A., & Homar, E. (2020). Thematic symposium editorial: Virtue ethics between east and \
west. Journal of Business Ethics, 165, 177-189.

Ames, M. C. F. D. C., & Serafim, M. C. (2019). Teaching-learning practical wisdom in Administration. Revista \
de Administração Contemporânea, 23(4), 564-586.

Hair, J., Jr., Babin, B., Money, A., & Samouel, P. (2005). Fundamentos de métodos de pesquisa em \
Administração. Porto Alegre: Bookman.
"""


def test_a_co_author_misspelt_by_one_letter_still_picks_the_work():
    text = ("# Virtue\n\n## Introduction\n\nVirtue ethics became influential "
            "(Alzola, Hennig, & Romar, 2020). "
            "Others disagree (Alzola, Hennig, & Roma, 2020).\n" + APA)
    assert _evidence(text) == [("(Alzola, Hennig, & Romar, 2020)", ["alzola2020-2"]),
                               ("(Alzola, Hennig, & Roma, 2020)", [])]


def test_reference_list_names_in_full_with_particles_suffixes_and_many_initials():
    abnt = ("# A\n\n## Referências\n\nDIAS, Maria Odila da Silva. A interiorização da metrópole. São Paulo: "
            "Alameda. 2005.\n\nFONSECA, Maria Rachel Fróes da. La construcción de la patria. Madrid: CSIC. "
            "1999.\n")
    authors = {r.key: [(a.family, a.given) for a in r.authors] for r in references_in_text(abnt, "a.md")}
    assert authors == {"dias2005": [("Dias", "Maria Odila da Silva")],
                       "fonseca1999": [("Fonseca", "Maria Rachel Fróes da")]}
    apa = {r.key: (r.authors, r.title) for r in references_in_text("# A\n" + APA, "a.md")}
    assert [a.family for a in apa["ames2019"][0]] == ["Ames", "Serafim"]
    assert [a.family for a in apa["hair2005"][0]] == ["Hair", "Babin", "Money", "Samouel"]
    assert apa["hair2005"][1].startswith("Fundamentos")


def test_stray_punctuation_in_a_citation_is_passed_over():
    text = ("# A study\n\n## Introduction\n\nThe dissertation was read (Ames & Serafim, 2019.) Then, as Ames "
            "and Serafim, (2019) show, and Hair, Babin, Money and Samouel, (2005) agree, it holds.\n" + APA)
    assert _evidence(text) == [("(Ames & Serafim, 2019.)", ["ames2019"]),
                               ("Ames and Serafim, (2019)", ["ames2019"]),
                               ("Hair, Babin, Money and Samouel, (2005)", ["hair2005"])]


ABNT_BIB = """
@article{omote2005, author = {OMOTE, S}, year = {2005}, title = {A construção de uma escala de atitudes}}
@article{omote2005b, author = {OMOTE, S. A. and others}, year = {2005},
  title = {Atitudes sociais em relação à inclusão}}
@article{teixeira2019, author = {TEIXEIRA, J. G. JÚNIOR and SOUZA, N. C.}, year = {2019},
  title = {Análise das concepções de deficiência}}
"""


def test_a_generation_suffix_and_an_entry_with_others_are_read_as_printed():
    text = ("# Um artigo\n\n## Introdução\n\nHá escalas para seu aferimento (OMOTE, 2005; TEIXEIRA JÚNIOR; "
            "SOUZA, 2019).\n")
    assert _evidence(text, ABNT_BIB) == [("OMOTE, 2005", ["omote2005"]),
                                         ("TEIXEIRA JÚNIOR; SOUZA, 2019", ["teixeira2019"])]


TITLES_BIB = """
@article{leite2021, author = {Leite, L. P.}, year = {2021},
  title = {Escala intercultural de concepções de deficiência: construção e estudos psicométricos}}
@book{oliveira2007, author = {Oliveira, J. D. B.}, year = {2007},
  title = {Concepções de deficiência: um estudo das representações sociais}}
"""


def test_a_title_inside_another_works_longer_title_names_no_work_of_its_own():
    text = "# Notes\n\nWe applied the Escala Intercultural de Concepções de Deficiência to 1,763 students.\n"
    assert [keys for _, keys in _evidence(text, TITLES_BIB)] == [["leite2021"]]
