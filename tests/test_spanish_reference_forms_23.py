"""Spanish ISO 690 reference lists and citations (fresh10's Universidad de Murcia article, 23rd stop):

1. a compound Spanish family name ("Rodríguez Camiño", "Martínez Otero Pérez") is cited by its first
   surname: "(Rodríguez, Pineda y Sarrión, 2006)", "( Martínez, 2003 )";
2. a printed entry's family names in capitals may have two or three words ("RODRÍGUEZ CAMIÑO, R.;");
3. the date the work was read online ("[Consulta: 2 de noviembre de 2011]", "Consultado el …",
   "Zugriff am …") is not its publication year.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.citations.index import family_forms
from ingest.evaluate import predicted_links
from ingest.reflist import parse_entry

ARTICLE = """# Mapas conceptuales

Las competencias se pueden desarrollar durante la vida universitaria (Rodríguez, Pineda y Sarrión, 2006).

Esta mejoría demuestra que dichas competencias se aprenden en la biblioteca ( Martínez, 2003 ).

Los mapas conceptuales son una estrategia eficaz para la estructura cognitiva ( Monagas, 1998 ).

## Referencias

MARTÍNEZ OTERO PÉREZ, V. Teoría y práctica de la educación. Madrid: CCS, 2003.

MONAGAS, O. Mapas conceptuales como herramienta didáctica, 1998. Universidad Nacional Abierta, Venezuela. \
Disponible en: http://members.example.org/mapas.html [Consulta: 2 de noviembre de 2011].

RODRÍGUEZ CAMIÑO, R.; PINEDA FERNÁNDEZ, C.; SARRIÓN NAVARRO, A. La alfabetización informacional en la \
educación médica superior en Cuba. ACIMED, 2006, vol. 14, nº 4, p. 1.
"""


def test_the_first_of_two_or_three_surnames_is_a_form_of_the_family_name() -> None:
    assert "rodriguez" in family_forms("Rodríguez Camiño")
    assert "martinez" in family_forms("Martínez Otero Pérez")
    assert {"van", "der", "world", "the"}.isdisjoint(
        family_forms("van der Kolk") | family_forms("World Health Organization")
        | family_forms("The Shigella Genome Sequencing Consortium"))


@pytest.mark.parametrize("entry, families, year", [
    ("RODRÍGUEZ CAMIÑO, R.; PINEDA FERNÁNDEZ, C.; SARRIÓN NAVARRO, A. La alfabetización informacional. "
     "ACIMED, 2006, vol. 14, nº 4, p. 1.",
     ["Rodríguez Camiño", "Pineda Fernández", "Sarrión Navarro"], "2006"),
    ("MARTÍNEZ OTERO PÉREZ, V. Teoría y práctica de la educación. Madrid: CCS, 2003.",
     ["Martínez Otero Pérez"], "2003"),
    ("VAN DE VORD, R. Predictors of credibility assessments. 2009.", ["Van de Vord"], "2009"),
    ("SMITH JA, JONES B. Title of the work. J Test. 2001;3:1-9.", ["Smith", "Jones"], "2001"),
    ("MONAGAS, O. Mapas conceptuales, 1998. Disponible en: http://example.org/m.html "
     "[Consulta: 2 de noviembre de 2011].", ["Monagas"], "1998"),
    ("LEIVA, C. Conductismo y aprendizaje. Tecnología en marcha, 2005. "
     "Consultado el 17 de septiembre de 2011.",
     ["Leiva"], "2005"),
    ("MÜLLER, K. Lernen im Alter. Berlin: Springer, 2004. Zugriff am 3. Mai 2012.", ["Müller"], "2004"),
])
def test_spanish_capital_families_and_access_dates(entry: str, families: list[str], year: str) -> None:
    reference = parse_entry(entry)
    assert [a.family for a in reference.authors] == families
    assert reference.year == year


def test_spanish_citations_link_to_the_printed_iso_690_list(tmp_path: Path) -> None:
    path = tmp_path / "mapas.md"
    path.write_text(ARTICLE, encoding="utf-8")
    links, _ = predicted_links(path)
    linked = {text.split("(")[-1].strip(" ).").split(",")[0]: keys for text, keys in links.items() if keys}
    assert linked == {"Rodríguez": {"rodriguezcamino2006"}, "Martínez": {"martinezoteroperez2003"},
                      "Monagas": {"monagas1998"}}


@pytest.mark.parametrize("heading", ["## Referências", "## Referencias bibliográficas",
                                     "Literaturverzeichnis", "## Bibliografía", "## Références"])
def test_a_printed_list_under_a_heading_in_another_language_holds_no_claims(
        tmp_path: Path, heading: str) -> None:
    """ABNT entries ("FOUCAULT, M. A coragem da verdade. São Paulo: Martins Fontes, 2010.") under a
    Portuguese, Spanish, German or French heading are the list, not claims (fresh11, eval-blind-10)."""
    path = tmp_path / "cinismo.md"
    path.write_text("# Cinismo\n\nO cinismo foi retomado como atitude filosófica (GLUCKSMANN, 1982).\n\n"
                    f"{heading}\n\nFOUCAULT, M. A coragem da verdade. São Paulo: Martins Fontes, 2010.\n\n"
                    "GLUCKSMANN, A. Cinismo y pasión. Barcelona: Anagrama, 1982.\n", encoding="utf-8")
    links, _ = predicted_links(path)
    assert links == {"O cinismo foi retomado como atitude filosófica (GLUCKSMANN, 1982).": {"glucksmann1982"}}


TRANSLATED_BIB = """
@book{glucksmann1981, author = {GLUCKSMANN, A.}, year = {1981}, title = {Cynisme et passion},
  publisher = {Grasset}, note = {Trad. cast. Cinismo y pasión. Barcelona: Anagrama, 1982}}
@book{foucault2001, author = {FOUCAULT, M.}, year = {2001}, title = {L'Herméneutique du sujet},
  note = {Trad. cast. La hermenéutica del sujeto. Curso (1981 - 1982). Buenos Aires: FCE, 2002}}
"""


def test_a_work_is_cited_by_the_year_of_the_translation_its_entry_names(tmp_path: Path) -> None:
    """ABNT philosophy (fresh11's Trans/Form/Ação): "(GLUCKSMANN, 1982)" cites the 1982 Spanish translation
    of a 1981 book; a course's years "(1981 - 1982)" in the note are no date of the work."""
    path = tmp_path / "cinismo.md"
    path.write_text("# Cinismo\n\nEl cinismo es una pasión moderna (GLUCKSMANN, 1982, p. 96).\n\n"
                    "Aquel cuidado de sí fue el tema del curso (FOUCAULT, 2002, p. 12).\n\n"
                    "Ese curso no trata del cinismo (FOUCAULT, 1982).\n", encoding="utf-8")
    (tmp_path / "references.bib").write_text(TRANSLATED_BIB, encoding="utf-8")
    links, _ = predicted_links(path)
    assert {text.split()[0]: keys for text, keys in links.items()} == {
        "El": {"glucksmann1981"}, "Aquel": {"foucault2001"}, "Ese": set()}
