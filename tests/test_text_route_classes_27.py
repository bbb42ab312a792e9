"""Text-route error classes of fresh13 (branch realtext17), each on a text of its own:

1. dotted initials with the last name joined by "and" (The Company of Biologists: "Bay S. N. and Caspary T.
   (2012).");
2. a Vancouver list stopping some initials and not others ("Tanaka J., Taniguchi F, Yamamoto M.R., Yamada K");
3. plain-number superscripts glued after "et al" with a comma or nothing ("Lin et al,12", "Rismani-Yazdi
   et al14"), after any word's comma ("TargetP,24", "Cao,85"), to a camel-case name ("ChloroP25 and",
   "BioEdit35 (v 7.1.3)") and after a table's number ("presented in Table 1.41–74 Approximately");
4. the rule for "the same authors as above" in a reference list ("_______. Tricks and Animation. In: …");
5. the imprint's year ("London: Zwemmer, 1971.") over a year in the title ("Before 1940");
6. a sentence opening a new section ("## Conclusion\\n\\nThis study showed …") continues no work cited
   before the heading;
7. a title printed inside another listed work's whole title ("Before Mickey: The Animated Film 1898-1928"
   holds the title "The Animated Film" of another entry);
8. a title naming a project or a database ("launch The Genera of Fungi project");
9. a title two entries share names neither ("Secretaria da Educação", the body of two reports);
10. a semicolon between "et al." and the year ("FERRÃO et al.; 2001").
"""

from __future__ import annotations

from ingest.reflist import references_in_text
from tests.test_text_route_error_classes import _evidence


def _authors(text: str) -> dict[str, list[str]]:
    return {r.key: [a.family for a in r.authors] for r in references_in_text(text, "a.md")}


def test_dotted_initials_joined_by_and_are_all_authors():
    text = ("# Cilia\n\n## Introduction\n\nCilia signal (Bay and Caspary, 2012; Watson and Stephens, 2006)."
            "\n\n## References\n\n"
            "Bay S. N. and Caspary T. (2012). What are those cilia doing in the neural tube? Cilia 1, 19\n\n"
            "Watson P. and Stephens D. J. (2006). Microtubule plus-end loading of p150(Glued). J. Cell Sci. "
            "119, 2758-2767.\n")
    assert _authors(text) == {"bay2012": ["Bay", "Caspary"], "watson2006": ["Watson", "Stephens"]}
    assert _evidence(text) == [("Bay and Caspary, 2012", ["bay2012"]),
                               ("Watson and Stephens, 2006", ["watson2006"])]


def test_a_vancouver_list_mixing_stopped_and_bare_initials():
    text = ("# Tea\n\n## Introduction\n\nTea has a genome of 4 Gb (Ogino et al. 2009, Kaundun and Matsumoto "
            "2003).\n\n## Literature Cited\n\n"
            "Kaundun S.S., Matsumoto S (2003) Development of CAPS markers in tea. Theor. Appl. Genet. 106: "
            "375–383\n\n"
            "Ogino A., Tanaka J, Taniguchi F, Yamamoto M.R., Yamada K (2009) Detection of loci for tea. Mol. "
            "Breed. 23: 1–9\n")
    assert _authors(text) == {"kaundun2003": ["Kaundun", "Matsumoto"],
                              "ogino2009": ["Ogino", "Tanaka", "Taniguchi", "Yamamoto", "Yamada"]}
    assert _evidence(text) == [("Ogino et al. 2009", ["ogino2009"]),
                               ("Kaundun and Matsumoto 2003", ["kaundun2003"])]


LIPIDS = "".join(f"{n}. Author{chr(64 + n % 26 or 26)} A, Other B. Lipid genes {n}. J Lipid Res "
                 f"20{n % 20:02d};{n}:1-9.\n\n" for n in range(1, 13))


def test_bare_superscripts_glued_after_et_al_a_comma_a_camel_case_name_or_a_table_number():
    text = ("# Lipid genes of algae\n\n## Introduction\n\nLipid genes were studied widely.1 They were cloned "
            "recently.2 Genomes of algae are known.3 Genes were annotated by Lin et al,4 while Rismani-Yazdi "
            "et al5 found pathways. Localisation came from TargetP,6 ChloroP7 and others. Sequences were "
            "aligned in BioEdit8 (v 7.1.3) and the list is in Table 1.9–11 Approximately half were new, as "
            "Cao,12 who saw it, reports.\n\n## References\n\n" + LIPIDS)
    assert [marker for marker, _ in _evidence(text)] == ["1", "2", "3", "4", "5", "6", "7", "8", "9–11", "12"]
    # a gene's or formula's number is no citation
    assert "7" not in [m for m, _ in _evidence(text.replace("ChloroP7 and", "Nrf7 and"))]
    assert "7" not in [m for m, _ in _evidence(text.replace("ChloroP7 and", "NbCl7 and"))]


PUCSP = """# Animation

## Introduction

Cholodenko returns to it (CHOLODENKO, 2000; CHOLODENKO, 2005). Crafton (1982) had said so, and Cowie \
(1971, p. 192) too.

## Referências

CHOLODENKO, A. Introduction. In: CHOLODENKO, A. (ed.). The Illusion of Life: Essays on Animation. Sydney: \
Power Publications, 1991.

_______. The Illusion of the Beginning: A Theory of Drawing and Animation. Afterimage, v. 28, n. 1, 2000.

_______. Still Photography? Afterimage, v. 32, n. 5, 2005.

COWIE, P. A Concise History of the Cinema, v. 1: Before 1940. London/New York: Zwemmer/ Barnes, 1971.

CRAFTON, D. Before Mickey: The Animated Film 1898-1928. Cambridge, MA: The MIT Press, 1982.
"""


def test_a_rule_for_the_same_authors_takes_the_authors_of_the_entry_above():
    authors = _authors(PUCSP)
    assert authors["cholodenko2000"] == ["Cholodenko"] and authors["cholodenko2005"] == ["Cholodenko"]
    assert _evidence(PUCSP)[0] == ("CHOLODENKO, 2000", ["cholodenko2000"])
    assert _evidence(PUCSP)[1] == ("CHOLODENKO, 2005", ["cholodenko2005"])


def test_the_imprint_year_dates_a_book_with_a_year_in_its_title():
    assert "cowie1971" in _authors(PUCSP)
    assert ("Cowie (1971, p. 192)", ["cowie1971"]) in _evidence(PUCSP)


def test_a_new_section_continues_no_work_cited_before_its_heading():
    text = ("# Filarial genetics\n\n## Methods\n\nWe sampled 40 villages.\n\n## Discussion\n\n"
            "Residual infections persist after many rounds of treatment [1]. Vector control helps "
            "towards the elimination goals.\n\n## Conclusion\n\n"
            "This study showed that there is considerable genetic variability.\n\n## References\n\n"
            "1. Smith A, Jones B. Residual infection after mass drug administration. Parasit Vectors "
            "2012;5:1-9.\n")
    assert _evidence(text) == [("[1]", ["ref-1"])]


def test_a_title_inside_another_listed_works_whole_title_names_that_work():
    text = PUCSP.replace("Crafton (1982) had said so", "Crafton (1982), Before Mickey: The Animated Film "
                         "1898-1928, had said so") + (
        "\nSTEPHENSON, R. The Animated Film. London: Tantivy Press, 1973.\n")
    assert [m for m, keys in _evidence(text) if keys == ["stephenson1973"]] == []
    # the title alone still names Stephenson's book
    alone = text.replace("(1982), Before Mickey:", "(1982) and")
    assert [m for m, keys in _evidence(alone) if keys == ["stephenson1973"]] == ["The Animated Film"]


def test_a_title_naming_a_project_or_a_database_cites_no_work():
    text = ("# Fungal genera\n\n## Introduction\n\nTo contain this, we launch The Genera of Fungi database, "
            "which will sequence type species. The classic monograph is The Genera of Fungi, still used.\n\n"
            "## Methods\n\nThe data went to the Genera of Fungi database.\n\n## Results\n\nWe sequenced 12 "
            "genera.\n\n## References\n\n"
            "Clements FE, Shear CL (1931) The Genera of Fungi. New York: H.W. Wilson.\n")
    assert _evidence(text) == [("The Genera of Fungi", ["clements1931"])]


def test_a_title_two_works_share_names_neither():
    text = ("# Avaliação\n\n## Introdução\n\nA avaliação proposta pela Secretaria da Educação do Estado "
            "assegura a identidade do programa.\n")
    bib = "".join(f"@incollection{{sp{year},\n  author = {{{{SÃO PAULO (Estado)}}}},\n  year = {{{year}}},\n"
                  f"  title = {{Secretaria da Educação}},\n"
                  f"  booktitle = {{Relatório pedagógico: SARESP {year}}},\n}}\n\n"
                  for year in (2011, 2013))
    assert _evidence(text, bib) == []
    # a title of one work still names it
    assert _evidence(text, bib.replace(
        "title = {Secretaria da Educação},\n  booktitle = {Relatório pedagógico: SARESP 2013}",
        "title = {Relatório pedagógico},\n  booktitle = {SARESP 2013}")) == [
        ("Secretaria da Educação", ["sp2011"])]


def test_a_semicolon_strayed_between_et_al_and_the_year():
    text = ("# Avaliação\n\n## Introdução\n\nFrequentes na literatura (ANDRADE; LAROS, 2007; "
            "FERRÃO et al.; 2001; SOARES, 2003).\n\n## Referências\n\n"
            "ANDRADE, J. M.; LAROS, J. A. Fatores associados ao desempenho. Psicologia, v. 23, 2007.\n\n"
            "FERRÃO, M. E.; BELTRÃO, K. L.; FERNANDES, C. O SAEB. Revista Brasileira de Estudos, "
            "v. 18, 2001.\n\n"
            "SOARES, T. M. Influência do professor. Estudos em Avaliação Educacional, v. 28, 2003.\n")
    assert _evidence(text) == [("ANDRADE; LAROS, 2007", ["andrade2007"]),
                               ("FERRÃO et al.; 2001", ["ferrao2001"]),
                               ("SOARES, 2003", ["soares2003"])]
