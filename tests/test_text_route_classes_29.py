"""Text-route error classes of the development articles (branch realtext19), each on a text of its own
(sentences written for the test, in the form the articles print them):

1. a bare superscript glued after a year's full stop or comma, a unit's stop or a gene name ending in a
   digit, as PMC's XML without <sup> prints it ("in Italy in 2007.3 Entomological", "in 1964–1968,38 then",
   "180 mm.12 The", "ATG5.31 In"); a decimal ("1850.3 mm", "2007,33 por") and a section number stay numbers;
2. co-authors an "et al." list entry leaves out, named in the text ("(Rosler, Zaaloff, …, 2008)" for "ROSLER,
   R. et al."), when each co-author the entry lists is named;
3. a classical work's book and section between author and year ("(DIÓGENES LAERCIO, VI 77, 2010, p. 230)",
   "(EPICTETO, III, 1993)"); a co-author in capitals is no book ("(Li, Xi, 2010)" is Li and Xi); the whole
   name ABNT prints for a record split into given name and family ("DIÓGENES LAERCIO", "Laercio, Diógenes");
4. a group cited by the abbreviation of its name's first words ("Inep" for the Instituto Nacional de Estudos e
   Pesquisas …), by its initials without Portuguese "e" ("CGEE"), or by the abbreviation its list entry prints
   before the name ("IBGE - Instituto Brasileiro …"); not when two groups' initials begin alike;
"""

from __future__ import annotations

from tests.test_text_route_error_classes import _evidence

VIRUSES = "".join(f"{n}. Author{chr(64 + n)} A, Other B. Virus paper {n}. Am J Trop Med 20{n:02d};{n}:1-9."
                  "\n\n" for n in range(1, 9))


def test_a_bare_superscript_glued_after_a_year_a_unit_or_a_gene_name():
    text = ("# Chikungunya on Yap\n\n## Introduction\n\nThe virus spread through travellers.1 Cases were "
            "reported in Italy in 2007.2 Entomological studies followed.3 Dengue emerged in Nigeria in "
            "1964–1968,4 then in Senegal. Rain averages less than 180 mm.5 The wet season is long. ATG16L1 "
            "works alongside ATG5.6 In addition, outbreaks rose in the 1990's.7 Average temperatures rose.8"
            "\n\n## References\n\n" + VIRUSES)
    assert _evidence(text) == [(str(n), [f"ref-{n}"]) for n in range(1, 9)]


def test_a_decimal_after_a_year_like_number_or_a_section_number_is_no_superscript():
    text = ("# Rainfall\n\n## Methods\n\nThe virus spread through travellers.1 Cases rose.2 Studies "
            "followed.3 The mean was 1850.3 mm in the wet months. Em 2007,3 por ano, cresceu. Section 3.2 "
            "The plan is below.\n\n## References\n\n" + VIRUSES)
    assert _evidence(text) == [("1", ["ref-1"]), ("2", ["ref-2"]), ("3", ["ref-3"])]


CLASSES = ("ROSLER, R. et al. La insoportable pasividad de la clase teórica. Revista Argentina de "
           "Neurocirugía, 2008, vol. 22, p. 1-9.\n\n"
           "OJEDA CABRERA, A.; DÍAZ, B. et al. Los mapas conceptuales. Acimed, 2007, vol. 15, p. 1-9.\n")


def test_co_authors_a_list_entry_leaves_to_et_al_are_named_in_the_text():
    text = ("# Clase\n\n## Introducción\n\nLos estudiantes no sintetizan (Rosler, Zaaloff, Hernández y "
            "Santiago, 2008, p. 101). Los mapas ayudan (Ojeda, Díaz y Pinedo, 2007). Otros no (Ojeda, Mora "
            "y Pinedo, 2007).\n\n## Referencias\n\n" + CLASSES)
    assert _evidence(text) == [("(Rosler, Zaaloff, Hernández y Santiago, 2008, p. 101)", ["rosler2008"]),
                               ("(Ojeda, Díaz y Pinedo, 2007)", ["ojedacabrera2007"]),
                               ("(Ojeda, Mora y Pinedo, 2007)", [])]  # Díaz, whom the entry lists, unnamed


CLASSICS = ("DIÓGENES LAERCIO. Vidas y opiniones de los filósofos ilustres. Madrid: Lucina, 2010.\n\n"
            "EPICTETO. Disertaciones por Arriano. Madrid: Gredos, 1993.\n\n"
            "LI, A.; XI, B. Escuela. Madrid: Verso, 2010.\n\nLI, A. Otra. Madrid: Verso, 2010.\n")


def test_a_classical_works_book_and_section_between_author_and_year():
    text = ("# El cínico\n\n## Introducción\n\nDiógenes desplumó un gallo (DIÓGENES LAERCIO, VI 40, 2010, "
            "p. 220). Lo dijo así (DIÓGENES LAERCIO, VI, 38, 2010, p. 220). Según cuenta Diógenes Laercio "
            "(VI 71, 2010, p. 228), el desprecio basta. El sabio se endurece (EPICTETO, III, 1993, p. 335). "
            "La escuela lo enseña (Li, Xi, 2010).\n\n## Referencias\n\n" + CLASSICS)
    laercio = [["diogeneslaercio2010"]] * 3
    assert [keys for _, keys in _evidence(text)] == laercio + [["epicteto1993"], ["li2010"]]


def test_a_whole_name_cited_for_a_record_split_into_given_name_and_family():
    bib = ("@book{laercio2010, author = {LAERCIO, DIÓGENES}, title = {Vidas y opiniones de los filósofos "
           "ilustres}, publisher = {Lucina}, year = {2010}}\n")
    text = ("# El cínico\n\n## Introducción\n\nDiógenes desplumó un gallo (DIÓGENES LAERCIO, VI 40, 2010, "
            "p. 220). Otro lo niega (PEDRO LAERCIO, 2010, p. 12).\n")
    assert _evidence(text, bib) == [("(DIÓGENES LAERCIO, VI 40, 2010, p. 220)", ["laercio2010"]),
                                    ("(PEDRO LAERCIO, 2010, p. 12)", [])]


INEP = "Instituto Nacional de Estudos e Pesquisas Educacionais Anísio Teixeira"
GROUPS = (f"{INEP}. (2024a). Resumo técnico do Censo. Inep.\n\n{INEP}. (2024b). Censo Escolar. Inep.\n\n"
          "Centro de Gestão e Estudos Estratégicos. (2023). Boletim Anual OCTI 2022. CGEE.\n\n"
          "IBGE - Instituto Brasileiro de Geografia e Estatística. (2015). Banco de Dados Agregados. Rio.\n\n"
          "Escola Superior de Comércio Internacional e Agrário. (2015). Relatório. Lisboa.\n\n"
          "Escola Superior de Comércio Internacional e Turismo. (2015). Relatório. Lisboa.\n")


def test_a_group_cited_by_an_abbreviation_of_its_first_words_or_printed_before_its_name():
    text = ("# Inclusão\n\n## Introdução\n\nO censo mostra (Inep, 2024a). Outro censo (Inep, 2024b). A "
            "avaliação (CGEE, 2023). A renda (IBGE, 2015). A escola (Esci, 2015).\n\n## Referências\n\n"
            + GROUPS)
    inep = "institutonacionaldeestud"
    assert [keys for _, keys in _evidence(text)] == [
        [f"{inep}2024a"], [f"{inep}2024b"], ["centrodegestaoeestudoses2023"],
        ["ibgeinstitutobrasileirod2015"], []]  # ESCIA and ESCIT both begin with ESCI
