"""Text-route error classes of fresh11 (branch realtext14), each on a text of its own:

1. ABNT's edition year with the original's in square brackets, "(BAKHTIN, 1988 [1975], 2011
   [1954-1961])", "Bakhtin (2011 [1979])": cited by the edition's year, the bracket telling apart two
   works of that year; in a printed entry "[1975]" is the original date, not the publication year,
   and "2011/1979" is the edition of 2011;
2. a remark on emphasis after the locator, "Volóchinov (2013, p.138, nota 5; grifos no original)",
   "(2001, p. 4; emphasis added)", and ABNT's "s/p" (no page);
3. "no prelo" / "en prensa" for "in press";
4. numeric brackets glued to the next word ("[57]or", "[ 8]is") and ending in "and references
   therein"; a chemical locant glued to its ring ("[1,4]oxazepine") stays no citation.
"""

from __future__ import annotations

from ingest.reflist import references_in_text
from tests.test_text_route_error_classes import _evidence

ABNT_LIST = """
## Referências

BAKHTIN, M. M. Formas de tempo e de cronotopo no romance [1975]. In: BAKHTIN, M. M. Questões de \
literatura e de estética. São Paulo: Ed. da UNESP, 1988. p.211-362.

BAKHTIN, M. M. Estética da criação verbal [1951-1953]. Tradução de Paulo Bezerra. 4. ed. São Paulo: \
Martins Fontes, 2011/1979.

BAKHTIN, M. M. O problema do texto na linguística [1954-1961]. In: BAKHTIN, M. M. Estética da criação \
verbal. São Paulo: Martins Fontes, 2011, p.307-336.

VOLOCHÍNOV, V. Que é a linguagem? [1930]. In: VOLOCHÍNOV, V. N. A construção da enunciação e outros \
ensaios. São Carlos: Pedro & João Editores, 2013. p.131-156.

HUFF, A. Um livro. São Paulo: Contexto, 2021.

ACOSTA-PEREIRA, R. O gênero. Revista, v. 2, n. 1, p. 1-9, 2016.
"""


def _abnt(body: str) -> list[tuple[str, list[str]]]:
    return _evidence("# Um artigo\n\n## Introdução\n\n" + body + "\n" + ABNT_LIST)


def test_a_bracketed_original_date_is_not_the_entry_year():
    # "[1975]", "[1951-1953]", "[1930]" are original dates; "2011/1979" is the edition of 2011
    years = [r.year for r in references_in_text("# A\n" + ABNT_LIST, "a.md")]
    assert years == ["1988", "2011", "2011", "2013", "2021", "2016"]


def test_edition_year_with_the_original_in_brackets_is_cited():
    assert _abnt("A linguagem é dialógica (BAKHTIN, 1988 [1975], 2011 [1954-1961]; VOLÓCHINOV, "
                 "2013 [1930]) e social.") == [
        ("BAKHTIN, 1988 [1975], 2011 [1954-1961]", ["bakhtin1988", "bakhtin2011-2"]),
        ("VOLÓCHINOV, 2013 [1930]", ["volochinov2013"])]


def test_the_bracket_tells_two_works_of_one_year_apart():
    # two works of 2011: "[1979]" is named by the first entry only ("2011/1979"), "[1954-1961]" by the second
    assert _abnt("Mikhail M. Bakhtin (2011 [1979]) e Valentin N. Volóchinov (2013 [1930]) escrevem.") == [
        ("Bakhtin (2011 [1979])", ["bakhtin2011"]), ("Volóchinov (2013 [1930])", ["volochinov2013"])]
    assert _abnt("O texto é um enunciado (BAKHTIN, 2011 [1954-1961]).") == [
        ("(BAKHTIN, 2011 [1954-1961])", ["bakhtin2011-2"])]


def test_without_the_bracket_two_works_of_one_year_stay_ambiguous():
    assert _abnt("O texto é um enunciado (BAKHTIN, 2011).") == [("(BAKHTIN, 2011)", [])]


def test_an_emphasis_remark_and_no_page_follow_the_year():
    assert _abnt("Segundo Volóchinov (2013, p.138, nota 5; grifos no original), a língua vive. Para Huff "
                 "(2021, p.134; grifo no original), também. A enunciação é social (ACOSTA-PEREIRA, 2016, "
                 "s/p).") == [
        ("Volóchinov (2013, p.138, nota 5; grifos no original)", ["volochinov2013"]),
        ("Huff (2021, p.134; grifo no original)", ["huff2021"]),
        ("(ACOSTA-PEREIRA, 2016, s/p)", ["acostapereira2016"])]


PRESS_BIB = """@incollection{B47,
  author = {Pletsch, M. D.},
  title = {Plano de Atendimento Educacional Especializado},
  booktitle = {Plano Educacional Individualizado},
}

@article{B46,
  author = {Pletsch, M. D.},
  year = {2014},
  title = {A escolarização de pessoas com deficiência},
  journal = {Education Policy Analysis Archives},
}
"""


def test_no_prelo_is_in_press():
    text = "# Um artigo\n\nO plano é individual (Pletsch, no prelo), como já se disse (Pletsch, 2014).\n"
    assert _evidence(text, PRESS_BIB) == [("(Pletsch, no prelo)", ["B47"]), ("(Pletsch, 2014)", ["B46"])]


NUMBERED = "\n## References\n\n" + "\n\n".join(
    f"[{n}] Author{n} A. Title number {n}. J Test {2000 + n % 20};1:1-9." for n in range(1, 60)) + "\n"


def _numbered(body: str) -> list[tuple[str, list[str]]]:
    return _evidence("# A paper\n\n## Introduction\n\nShapes are studied in [1]. " + body + "\n" + NUMBERED)


def test_a_bracket_glued_to_a_function_word_or_with_a_space_inside_is_a_citation():
    assert _numbered("They describe polygons [57]or circles [3].")[1:] == [
        ("[57]", ["ref-57"]), ("[3]", ["ref-3"])]
    assert _numbered("The full title of [ 8]is: Universal Natural Shapes.")[1:] == [("[ 8]", ["ref-8"])]


def test_a_chemical_locant_glued_to_its_ring_stays_no_citation():
    assert _numbered("The ring of benzo[b]pyrido[3,2-f][1,4]oxazepine and [1,2,4]triazolo[1,5-a]pyrimidine "
                     "binds [5].")[1:] == [("[5]", ["ref-5"])]


def test_numbers_and_references_therein():
    [(marker, keys)] = _numbered("The data are available in [9–11,34,37–39 (and references therein)].")[1:]
    assert marker == "[9–11,34,37–39 (and references therein)]"
    assert sorted(keys) == sorted(f"ref-{n}" for n in (9, 10, 11, 34, 37, 38, 39))
    assert _numbered("See [4 and references therein].")[1:] == [("[4 and references therein]", ["ref-4"])]


GROUP_BIB = """@book{B5,
  author = {{EMPRESA BRASILEIRA DE PESQUISA AGROPECUÁRIA (EMBRAPA)}},
  year = {2012},
  title = {Produção de briquetes},
}
"""


def test_a_group_is_cited_by_the_abbreviation_its_entry_prints():
    text = "# Um artigo\n\nA equação é usada (EMBRAPA, 2012). Segundo Embrapa (2012), sim.\n"
    assert _evidence(text, GROUP_BIB) == [("(EMBRAPA, 2012)", ["B5"]), ("Embrapa (2012)", ["B5"])]
