"""Text-route error classes of fresh11 without a .bib (branch realtext15), each on a text of its own:

1. ABNT author lists that change form from one name to the next: an initial without its stop ("IACUS, S.
   M.; KING, G; PORRO, G."), initials without the comma ("HAINMUELLER J.; XU, Y."), a full given name
   then initials ("BASSET, Gilbert; KOENKER, R."), and a particle after the initials ("SILVA, J. L. M.
   da;", "FERREIRA, M. de O. et al."): the list stopped at the change and the rest was read as the title;
2. a group author closing with a stop before "(2012)", with its abbreviation in parentheses
   ("EMPRESA BRASILEIRA DE PESQUISA AGROPECUÁRIA (EMBRAPA). (2012)", APA's "Ministério da Educação.
   (2007)."): read as a title with no author, so "(EMBRAPA, 2012)" found nothing and the group's name in
   the running text was matched as a title;
3. Latin "apud" between the source and the work read, both cited, glued to its neighbours when the
   publisher's italics are lost ("Goodman, Sorj e Wilkison (1985apudNascimento et al., 2008)").
"""

from __future__ import annotations

from ingest.reflist import references_in_text
from tests.test_text_route_error_classes import _evidence

ABNT_LIST = """
## Referências

BASSET, Gilbert; KOENKER, R. Regression quantiles. Econometrica, v. 46, n. 1, p. 33-50, 1978.

BLACKWELL, M.; IACUS, S.; KING, G.; PORRO, G. CEM: Coarsened exact matching in Stata. The Stata Journal. \
v. 9, n. 4, p. 524-546, 2009.

COSTA, E. M.; CAVALCANTI, D. M.; SILVA, J. L. M. da; SAMPAIO, R. M. B. Impactos Regionais do Programa \
Bolsa Família. ANPEC: XLII Encontro Nacional de Economia, 2014.

FERREIRA, M. de O. et al. Especialização produtiva e mudança estrutural da agropecuária cearense. Teoria \
e Evidência Econômica, Passo Fundo, v. 14, n. 26, p. 91-111, maio 2006.

GOODMAN, D.; SORJ, B.; WILKISON, J. Agroindústria, políticas públicas e estruturas rurais. Revista de \
Economia Política, v. 5 n.4, p.31-35, 1985.

HAINMUELLER J.; XU, Y. Ebalance: A Stata Package for Entropy Balancing. Journal of Statistical Software. \
v. 54, n.7. 2013

HO, DE; IMAI, K.; KING, G.; STUART, E. A. Matching as Nonparametric Preprocessing. Political Analysis, \
v. 15 n. 3, p. 199, 2007.

IACUS, S. M.; KING, G; PORRO, G. Matching for causal inference without balance checking. 2009.

NASCIMENTO, C. A. et al. A qualidade do emprego rural fluminense. Anais, Rio Branco, 2008.
"""


def _abnt(body: str) -> list[tuple[str, list[str]]]:
    return _evidence("# Um artigo\n\n## Introdução\n\n" + body + "\n" + ABNT_LIST)


def test_an_abnt_author_list_may_change_form_between_names():
    authors = {r.key: [(a.family, a.given) for a in r.authors]
               for r in references_in_text("# A\n" + ABNT_LIST, "a.md")}
    assert authors["basset1978"] == [("Basset", "Gilbert"), ("Koenker", "R.")]
    assert authors["iacus2009"] == [("Iacus", "S. M."), ("King", "G"), ("Porro", "G.")]
    assert [f for f, _ in authors["hainmueller2013"]] == ["Hainmueller", "XU"]
    assert [f for f, _ in authors["ho2007"]] == ["HO", "Imai", "King", "Stuart"]


def test_a_particle_after_the_initials_stays_in_the_author_list():
    references = {r.key: r for r in references_in_text("# A\n" + ABNT_LIST, "a.md")}
    assert [(a.family, a.given) for a in references["costa2014"].authors][2:] == [
        ("Silva", "J. L. M. da"), ("Sampaio", "R. M. B.")]
    assert references["costa2014"].title.startswith("Impactos Regionais")
    assert references["ferreira2006"].title.startswith("Especialização produtiva")


def test_the_first_author_of_a_mixed_list_is_cited():
    # Iacus is first author of one 2009 work and second of another: the list read to its end tells them apart
    assert _abnt("Iacus, King e Porro (2009) desenvolveram o algoritmo. Conforme Hainmueller e Xu (2013), "
                 "sim.") == [("Iacus, King e Porro (2009)", ["iacus2009"]),
                             ("Hainmueller e Xu (2013)", ["hainmueller2013"])]


GROUP_LIST = """
## Referências

EMPRESA BRASILEIRA DE PESQUISA AGROPECUÁRIA (EMBRAPA). (2012) Produção de briquetes e péletes a partir \
de resíduos agrícolas. Brasília: Embrapa Agroenergia. 130 p.

Ministério da Educação. (2007). O Plano de Desenvolvimento da Educação: razões, princípios e programas. \
http://portal.mec.gov.br/arquivos/livro/livro.pdf

Ministério da Educação. (2008). Política Nacional de Educação Especial na Perspectiva da Educação \
Inclusiva. http://portal.mec.gov.br/arquivos/pdf/politicaeducespecial.pdf

SILVEIRA, M. S. (2008) Aproveitamento das cascas de coco verde. Natal: UFRN.
"""


def test_a_group_author_before_its_year_in_parentheses_is_the_author():
    references = references_in_text("# A\n" + GROUP_LIST, "a.md")
    assert [(r.authors[0].family, r.year, r.title[:14]) for r in references[:3]] == [
        ("EMPRESA BRASILEIRA DE PESQUISA AGROPECUÁRIA (EMBRAPA)", "2012", "Produção de br"),
        ("Ministério da Educação", "2007", "O Plano de Des"),
        ("Ministério da Educação", "2008", "Política Nacio")]


def test_a_group_is_cited_by_its_abbreviation_or_name_and_its_name_alone_is_no_title():
    text = ("# Um artigo\n\n## Introdução\n\nA equação é usada (EMBRAPA, 2012). O Ministério da Educação "
            "publicou a política (Ministério da Educação, 2008).\n" + GROUP_LIST)
    assert _evidence(text) == [("(EMBRAPA, 2012)", ["empresabrasileiradepesqu2012"]),
                               ("(Ministério da Educação, 2008)", ["ministeriodaeducacao2008"])]


def test_apud_cites_the_source_and_the_work_read_even_glued():
    expected = [("Goodman, Sorj e Wilkison (1985", ["goodman1985"]),
                ("Nascimento et al., 2008", ["nascimento2008"])]
    assert _abnt("Goodman, Sorj e Wilkison (1985 apud Nascimento et al., 2008), destacam algo.") == expected
    assert _abnt("Goodman, Sorj e Wilkison (1985apudNascimento et al., 2008), destacam algo.") == expected
    assert _abnt("Uma caminhada (SEXTO EMPÍRICO apudNASCIMENTO, 2008, p. 188), e mais.") == [
        ("NASCIMENTO, 2008, p. 188", ["nascimento2008"])]


def test_a_word_holding_apud_is_no_apud():
    assert _abnt("A capuda análise (Nascimento, 2008).") == [("(Nascimento, 2008)", ["nascimento2008"])]
