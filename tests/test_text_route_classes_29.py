"""Text-route error classes of the development articles (branch realtext19), each on a text of its own
(sentences written for the test, in the form the articles print them):

1. a bare superscript glued after a year's full stop or comma, a unit's stop or a gene name ending in a
   digit, as PMC's XML without <sup> prints it ("in Italy in 2007.3 Entomological", "in 1964–1968,38 then",
   "180 mm.12 The", "ATG5.31 In"); a decimal ("1850.3 mm", "2007,33 por") and a section number stay numbers;
2. co-authors an "et al." list entry leaves out, named in the text ("(Rosler, Zaaloff, …, 2008)" for "ROSLER,
   R. et al."), when each co-author the entry lists is named;
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
