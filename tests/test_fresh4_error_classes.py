"""Error classes of the JATS and text routes seen on fresh4 and fresh-pdf2 (issues #8 and #10), each
on a small hand-written JATS article quoting the sentences and reference entries it needs (the
fetched articles themselves are never read here):

1. MDPI's "References and Notes": a <ref> holding a <note> instead of a citation is an entry of the
   printed list that its markers cite (the JATS route left "[1]" unresolved);
2. Korean J Intern Med's superscript markers "¹⁾" (`<sup><xref>1</xref>)</sup>`) were printed
   "[1)]", which no reader of numbers takes for a citation;
3. F1000 and Pensoft print a person-group whose names have no punctuation between them in the
   XML: the page shows "Barrett RL, Wilson KL (2012)", the rendering gave "BarrettRLWilsonKL (2012)";
4. Taylor & Francis: the same glued names ("OttesenTD, McLynnRP") kept the printed entries from
   matching their .bib records, and with the .bib 1 marker in 81 was linked.
"""

from __future__ import annotations

from pathlib import Path

from ingest.evaluate_jats import RouteResult, evaluate_article
from ingest.readers import read_documents
from ingest.render import render_text
from tests.test_jats import write

ROUTES = ("jats", "text+bib", "text")


def _scores(path: Path) -> dict[str, tuple[int, int, int]]:
    """(tp, fp, fn) at marker level per route."""
    result = evaluate_article(path, ROUTES)
    scores = {}
    for route, outcome in result.routes.items():
        assert isinstance(outcome, RouteResult) and not outcome.error, (route, outcome)
        scores[route] = (outcome.markers.tp, outcome.markers.fp, outcome.markers.fn)
    return scores


def _exact(path: Path, markers: int) -> None:
    assert _scores(path) == {route: (markers, 0, 0) for route in ROUTES}


def _journal_ref(key: str, label: str, family: str, given: str, year: str, title: str) -> str:
    return (f'<ref id="{key}"><label>{label}</label><element-citation publication-type="journal">'
            f"<person-group><name><surname>{family}</surname><given-names>{given}</given-names></name>"
            f"</person-group><article-title>{title}</article-title><source>J Nutr</source>"
            f"<year>{year}</year><volume>3</volume><fpage>1</fpage><lpage>9</lpage></element-citation></ref>")


# --- 1. a <ref> holding a <note> ------------------------------------------------------------

MDPI_NOTE = ("To be consistent with our experiences in using and understanding modern nomenclature usage, we "
             "will use the term retinoid in place of vitamin A throughout this review.")
MDPI_REFS = ("<ref-list><title>References and Notes</title>"
             f'<ref id="B1-n"><label>1.</label><note><p>{MDPI_NOTE}</p></note></ref>'
             + _journal_ref("B2-n", "2.", "McCollum", "EV", "1913", "The necessity of certain "
                            "lipins in the diet")
             + _journal_ref("B3-n", "3.", "Goodman", "DS", "1984", "Vitamin A and retinoids in "
                            "health and disease")
             + "</ref-list>")
MDPI_BODY = ('<sec><title>1. Introduction</title><p>It is nearly 100 years since the identification '
             'of vitamin '
             'A [<xref ref-type="bibr" rid="B1-n">1</xref>] in 1913 by McCollum and Davis [<xref '
             'ref-type="bibr" '
             'rid="B2-n">2</xref>], but much still remains to be learned about natural retinoid metabolism. '
             'Retinoids are stored in the liver [<xref ref-type="bibr" rid="B3-n">3</xref>].</p></sec>')


def test_a_ref_holding_a_note_is_an_entry_its_markers_cite(tmp_path: Path) -> None:
    path = write(tmp_path, MDPI_BODY, back=MDPI_REFS)
    article = read_documents(path)[0]
    note = article.references[0]
    assert (note.key, note.label, note.entry_type) == ("B1-n", "1", "misc")
    assert note.fields["note"] == MDPI_NOTE and not note.authors
    text, bibtex = render_text(article)
    assert f"1. {MDPI_NOTE}" in text  # the list prints the note as the page does
    assert "@misc{B1-n," in bibtex and "note = {To be consistent" in bibtex
    _exact(path, 3)


def test_a_ref_with_no_citation_and_no_text_is_still_no_entry(tmp_path: Path) -> None:
    back = "<ref-list>" + '<ref id="empty"><label>9</label><note><p> </p></note></ref>' + MDPI_REFS[10:]
    article = read_documents(write(tmp_path, MDPI_BODY, back=back))[0]
    assert [r.key for r in article.references] == ["B1-n", "B2-n", "B3-n"]


# --- 2. superscript markers closed by a parenthesis ----------------------------------------

KJIM_REFS = ("<ref-list>"
             + _journal_ref("b1-k", "1", "Ansell", "BM", "1991", "Juvenile dermatomyositis")
             + _journal_ref("b2-k", "2", "Cochrane", "CG", "1973", "Immune complex disease in "
                            "experimental animals")
             + _journal_ref("b3-k", "3", "Ishida", "T", "1993", "Connection of atopic disease in "
                            "Japanese patients")
             + _journal_ref("b4-k", "4", "Moore", "EC", "1992", "Staphylococcal infections in "
                            "childhood dermatomyositis")
             + "</ref-list>")
KJIM_BODY = ('<sec><title>INTRODUCTION</title><p>Juvenile dermatomyositis is characterized early in '
             'its course by '
             'an immune complex vasculitis and, later, the development of calcinosis<sup><xref rid="b1-k" '
             'ref-type="bibr">1</xref>)</sup>. It is suggested that IgE can be associated with autoimmune '
             'diseases<sup><xref rid="b2-k" ref-type="bibr">2</xref>)</sup>. Atopic dermatitis, or '
             'development of '
             'calcinosis, may contribute to this problem<sup><xref rid="b3-k" ref-type="bibr">3</xref>,<xref '
             'rid="b4-k" ref-type="bibr">4</xref>)</sup>.</p></sec>')


def test_superscript_markers_closed_by_a_parenthesis_print_as_brackets(tmp_path: Path) -> None:
    path = write(tmp_path, KJIM_BODY, back=KJIM_REFS)
    article = read_documents(path)[0]
    assert "the development of calcinosis[1]. It is suggested" in article.text
    assert "may contribute to this problem[3,4]." in article.text  # as the HTML reader has <sup>3,4)</sup>
    assert [(article.text[c.start:c.end], c.keys) for c in article.citations] == [
        ("1", ["b1-k"]), ("2", ["b2-k"]), ("3", ["b3-k"]), ("4", ["b4-k"])]
    _exact(path, 4)


def test_a_parenthesised_superscript_keeps_its_parentheses(tmp_path: Path) -> None:
    body = '<p>Seen in rats<sup>(<xref rid="b1-k" ref-type="bibr">1</xref>)</sup>.</p>'
    article = read_documents(write(tmp_path, body, back=KJIM_REFS))[0]
    assert "Seen in rats(1)." in article.text


# --- 3. person-groups without punctuation (F1000, Pensoft) ----------------------------------

PENSOFT_REFS = (
    "<ref-list>"
    '<ref id="B1"><mixed-citation><person-group><name name-style="western"><surname>Barrett'
    '</surname><given-names>RL</given-names></name></person-group> (<year>2007a</year>) <article-title>New '
    'species of <italic>Lepidosperma</italic> (Cyperaceae) associated with banded ironstone in '
    'southern Western '
    'Australia.</article-title><source>Nuytsia</source><volume>17</volume>: <fpage>37</fpage>-<lpage>60'
    '</lpage>.</mixed-citation></ref>'
    '<ref id="B5"><mixed-citation><person-group><name name-style="western"><surname>Barrett'
    '</surname><given-names>RL</given-names></name><name name-style="western"><surname>Wilson</surname>'
    '<given-names>KL</given-names></name></person-group> (<year>2012</year>) <article-title>A review of the '
    'genus <italic>Lepidosperma</italic> Labill. (Cyperaceae: Schoeneae).</article-title><source>Australian '
    'Systematic Botany</source><volume>25</volume>: <fpage>225</fpage>-<lpage>294</lpage>.</mixed-citation>'
    '</ref>'
    '<ref id="B10"><mixed-citation><person-group><name name-style="western"><surname>de '
    'Queiroz</surname><given-names>K</given-names></name></person-group> (<year>2007</year>) <article-title>'
    'Species concepts and species delimitation.</article-title><source>Systematic Biology</source><volume>56'
    '</volume>: <fpage>879</fpage>-<lpage>886</lpage>.</mixed-citation></ref>'
    "</ref-list>")
PENSOFT_BODY = (
    '<sec><title>Introduction</title><p>The genus was revised by <xref ref-type="bibr" rid="B5">Barrett and '
    'Wilson 2012</xref>, following earlier species descriptions (<xref ref-type="bibr" rid="B1">Barrett 2007a'
    '</xref>). Species are treated as separately evolving lineages (<xref ref-type="bibr" '
    'rid="B10">de Queiroz '
    '2007</xref>).</p></sec>')

F1000_REFS = (
    '<ref-list><ref id="ref-3"><mixed-citation publication-type="journal">\n'
    '  <person-group person-group-type="author">\n    <name>\n      <surname>Clark</surname>\n'
    '      <given-names>G</given-names>\n    </name>\n  </person-group>:\n'
    '  <article-title>The son also rises: Surnames and the history of social '
    'mobility</article-title>. Princeton '
    'University Press.<year>2015</year>;<volume>49</volume>.\n  <ext-link ext-link-type="uri">Reference '
    'Source</ext-link>\n</mixed-citation></ref>\n'
    '<ref id="ref-4"><mixed-citation publication-type="journal">\n'
    '  <person-group person-group-type="author">\n    <name>\n      <surname>Clark</surname>\n'
    '      <given-names>G</given-names>\n    </name>\n  </person-group>:\n'
    '  <article-title>What is the true rate of social mobility in Sweden? A surname analysis, '
    '1700&#x2013;2012</article-title>. Manuscript, Univ. California, Davis.<year>2012</year>.\n'
    '</mixed-citation></ref>\n'
    '<ref id="ref-5"><mixed-citation publication-type="journal">\n'
    '  <person-group person-group-type="author">\n    <name>\n      <surname>Clark</surname>\n'
    '      <given-names>G</given-names>\n    </name>\n    <name>\n      <surname>Cummins</surname>\n'
    '      <given-names>N</given-names>\n    </name>\n    <name>\n      <surname>Hao</surname>\n'
    '      <given-names>Y</given-names>\n    </name>\n    <etal/>\n  </person-group>:\n'
    '  <article-title>Surnames: A new source for the history of social mobility.</article-title>\n'
    '  <source><italic>Explor Econ Hist.</italic></source>\n'
    '  '
    '<year>2015</year>;<volume>55</volume>:<fpage>3</fpage>&#x2013;<lpage>24</lpage>.\n'
    '</mixed-citation></ref>\n'
    '<ref id="ref-8"><mixed-citation publication-type="journal">\n'
    '  <person-group person-group-type="author">\n    <name>\n      <surname>Santavirta</surname>\n'
    '      <given-names>T</given-names>\n    </name>\n    <name>\n      <surname>Stuhler</surname>\n'
    '      <given-names>J</given-names>\n    </name>\n  </person-group>:\n'
    '  <article-title>Name-Based Estimators of Intergenerational Mobility: Evidence from Finnish Veterans'
    '</article-title>.<year>2019</year>.\n</mixed-citation></ref></ref-list>')
F1000_BODY = (
    '<sec><title>Introduction</title><p>Surnames carry information on social status over generations (<xref '
    'ref-type="bibr" rid="ref-3">Clark, 2015</xref>; <xref ref-type="bibr" rid="ref-5">Clark <italic>et al.'
    '</italic>, 2015</xref>). Name-based estimators have been proposed since (<xref ref-type="bibr" '
    'rid="ref-8">Santavirta &amp; Stuhler, 2019</xref>). The objectives of our study are close to those of '
    '<xref ref-type="bibr" rid="ref-4">Clark (2012)</xref>.</p></sec>')


def test_names_without_punctuation_print_as_the_page_prints_them(tmp_path: Path) -> None:
    pensoft = read_documents(write(tmp_path, PENSOFT_BODY, back=PENSOFT_REFS, name="pensoft.xml"))[0]
    text, _ = render_text(pensoft)
    assert ("Barrett RL, Wilson KL (2012) A review of the genus Lepidosperma Labill. (Cyperaceae: "
            "Schoeneae). "
            "Australian Systematic Botany 25: 225-294.") in text
    assert "de Queiroz K (2007) Species concepts and species delimitation. Systematic Biology 56" in text
    f1000 = read_documents(write(tmp_path, F1000_BODY, back=F1000_REFS, name="f1000.xml"))[0]
    text, _ = render_text(f1000)
    assert ("Clark G, Cummins N, Hao Y, et al.: Surnames: A new source for the history of social mobility. "
            "Explor Econ Hist. 2015;55:3–24.") in text
    assert "Clark G: The son also rises: Surnames and the history of social mobility. Princeton University " \
           "Press. 2015;49." in text
    assert "Santavirta T, Stuhler J: Name-Based Estimators" in text


def test_the_printed_entry_whose_title_opens_it_is_the_bib_record() -> None:
    """Clark 2015's book and Clark et al. 2015 tie on year and main title for the book's line ("The son
    also rises: Surnames and …" holds "Surnames", and F1000's "Reference Source" link holds the other's
    "source"): the title printed first decides."""
    from ingest.citations.index import ReferenceEntryMatcher
    from ingest.model import PersonName, Reference

    book_title = "The son also rises: Surnames and the history of social mobility"
    paper_title = "Surnames: A new source for the history of social mobility"
    book = Reference("ref-3", "book", {"year": "2015", "title": book_title}, [PersonName("Clark", "G")])
    paper = Reference("ref-5", "article", {"year": "2015", "title": paper_title},
                      [PersonName("Clark", "G"), PersonName("Cummins", "N")])
    line = ("Clark G: The son also rises: Surnames and the history of social mobility. Princeton University "
            "Press. 2015;49. Reference Source")
    assert ReferenceEntryMatcher([paper, book]).best(line) == "ref-3"


def test_a_span_of_years_in_a_title_is_not_the_date() -> None:
    from ingest.reflist import parse_entry

    entry = parse_entry("Clark G: What is the true rate of social mobility in Sweden? A surname analysis, "
                        "1700–2012. Manuscript, Univ. California, Davis. 2012. Reference Source")
    assert entry.year == "2012"
    assert parse_entry("Office for National Statistics. Annual survey 2011–2012. London: ONS.").year == "2011"


def test_author_year_lists_without_punctuation_resolve_on_every_route(tmp_path: Path) -> None:
    _exact(write(tmp_path, PENSOFT_BODY, back=PENSOFT_REFS, name="pensoft.xml"), 3)
    _exact(write(tmp_path, F1000_BODY, back=F1000_REFS, name="f1000.xml"), 4)


def test_names_with_their_own_punctuation_are_left_as_printed(tmp_path: Path) -> None:
    back = ('<ref-list><ref id="r1"><mixed-citation><person-group><string-name>Smith J</string-name>, '
            '<string-name>Jones K</string-name></person-group>. Title of it. J Test. '
            '2010;4:1-9.</mixed-citation>'
            '</ref></ref-list>')
    article = read_documents(write(tmp_path, "<p>Text.</p>", back=back))[0]
    assert render_text(article)[0].endswith("Smith J, Jones K. Title of it. J Test. 2010;4:1-9.")


# --- 4. Taylor & Francis: names glued to initials kept the list from its .bib ---------------

TANDF_ENTRIES = [
    ("Ottesen", "TD", "McLynn", "RP", "2018", "Dialysis is an independent risk factor for "
     "perioperative adverse "
     "events", "Spine J", "18", "2033", "2042"),
    ("Lin", "Y", "Yang", "C", "2019", "Association between the Charlson Comorbidity Index and the "
     "risk of 30-day "
     "unplanned readmission", "BMC Nephrol", "20", "363", "370"),
    ("Flythe", "JE", "Katsanos", "SL", "2016", "Predictors of 30-day hospital readmission among maintenance "
     "hemodialysis patients", "CJASN", "11", "1005", "1014"),
    ("Saran", "R", "Robinson", "B", "2020", "US Renal Data System 2019 annual data report: "
     "epidemiology of kidney "
     "disease in the United States", "Am J Kidney Dis", "75", "A6", "A7"),
]
TANDF_REFS = "<ref-list>" + "".join(
    f'<ref id="CIT000{i}"><label>{i}</label><mixed-citation publication-type="journal"><person-group '
    f'person-group-type="author"><name><surname>{f1}</surname><given-names>{g1}</given-names></name>, <name>'
    f"<surname>{f2}</surname><given-names>{g2}</given-names></name>, et al.</person-group> <article-title>"
    f"{title}</article-title>. <source>{venue}</source>. <year>{year}</year>;<volume>{vol}</volume>:<fpage>"
    f"{fp}</fpage>–<lpage>{lp}</lpage>.</mixed-citation></ref>"
    for i, (f1, g1, f2, g2, year, title, venue, vol, fp, lp) in enumerate(TANDF_ENTRIES, start=1)) + (
    '<ref id="CIT0005"><label>5</label><mixed-citation publication-type="journal"><person-group '
    'person-group-type="author"><collab>US Renal Data System</collab></person-group>. <article-title>Annual '
    'data report: epidemiology of kidney disease in the United States</article-title>. <source>Am J '
    'Kidney Dis'
    '</source>. <year>2016</year>;<volume>69</volume>:<fpage>A4</fpage>.</mixed-citation></ref></ref-list>')
TANDF_BODY = (
    '<sec><title>Introduction</title><p>Dialysis patients have more comorbidities than the general '
    'population '
    'and may require more hospital care [<xref ref-type="bibr" rid="CIT0001">1</xref>–<xref ref-type="bibr" '
    'rid="CIT0003">3</xref>]. Patients with ESRD were admitted to the hospital at a rate of 1.7 per '
    'patient-year [<xref ref-type="bibr" rid="CIT0004">4</xref>]. The annual report counts them too [<xref '
    'ref-type="bibr" rid="CIT0005">5</xref>].</p></sec>')


def test_taylor_and_francis_names_render_apart_and_the_list_matches_its_bib(tmp_path: Path) -> None:
    path = write(tmp_path, TANDF_BODY, back=TANDF_REFS)
    text, _ = render_text(read_documents(path)[0])
    assert "1. Ottesen TD, McLynn RP, et al. Dialysis is an independent risk factor" in text
    assert _scores(path) == {route: (5, 0, 0) for route in ROUTES}


# --- 5. Royal Society lists: "Langer P 2009 Title." (no stop between the initials and the year) -------

RSOS_LIST = (
    "1. Langer P 2009 Differences in the composition of colostrum and milk in eutherians reflect "
    "differences in "
    "immunoglobulin transfer. J. Mammal. 90, 332–339. (doi:10.1644/08-mamm-a-071.1)\n\n"
    "2. —— 2008 The phases of maternal investment in eutherian mammals. Zoology 111, 148–162.\n\n"
    "3. Skibiel AL, Downing LM, Orr TJ, Hood WR 2013 The evolution of the nutrient composition of mammalian "
    "milks. J. Anim. Ecol. 82, 1254–1264. (doi:10.1111/1365-2656.12095)\n")


def test_vancouver_names_followed_by_the_bare_year_are_read() -> None:
    from ingest.reflist import parse_entry

    first = parse_entry(RSOS_LIST.split("\n\n")[0])
    assert [a.family for a in first.authors] == ["Langer"] and first.year == "2009"
    assert first.title.startswith("Differences in the composition of colostrum")
    third = parse_entry(RSOS_LIST.split("\n\n")[2])
    assert [(a.family, a.given) for a in third.authors] == [
        ("Skibiel", "AL"), ("Downing", "LM"), ("Orr", "TJ"), ("Hood", "WR")]
    assert third.year == "2013" and third.title.startswith("The evolution of the nutrient")


def test_a_printed_entry_whose_authors_cannot_be_read_keeps_its_number(tmp_path: Path) -> None:
    """Entry 2 prints "——" for its authors: the same as the entry above (Langer P; read so since the 25th
    stop, branch realtext17 — before, it had no authors). Its printed label still numbers it, also when the
    references come in another order than the list (a .bib's order)."""
    from ingest.citations import build_index

    path = tmp_path / "paper.md"
    text = "# Milk\n\nMilk differs between mammals [1–3].\n\n## References\n\n" + RSOS_LIST
    path.write_text(text, encoding="utf-8")
    doc = read_documents(path)[0]
    assert [(r.key, r.label) for r in doc.references] == [("ref-1", "1"), ("ref-2", "2"), ("ref-3", "3")]
    assert [(a.family, a.given) for a in doc.references[1].authors] == [("Langer", "P")]
    numbers = build_index(list(reversed(doc.references)), [doc]).numbers
    assert numbers == {1: "ref-1", 2: "ref-2", 3: "ref-3"}


# --- 6. Frontiers lists: "Hare B., Brown M., Tomasello M. (2002)." (dotted initials, no comma) ----------

FRONTIERS_ENTRIES = [
    "Hare B., Brown M., Williamson C., Tomasello M. (2002). The domestication of social cognition in dogs. "
    "Science 298, 1634–1636.",
    "Hare B., Tomasello M. (2005). Human-like social skills in dogs? Trends Cogn. Sci. 9, 439–444.",
    "Udell M. A. R., Dorey N. R., Wynne C. D. L. (2008). Wolves outperform dogs in following human social "
    "cues. Anim. Behav. 76, 1767–1773.",
    "Topál J., Miklósi A., Gácsi M., Dóka A., Pongrácz P., Kubinyi E., et al.. (2009). The dog as a model "
    "for understanding human social behavior, in Advances in the Study of Behavior, Vol. 39, eds "
    "Brockmann H. J.",
]


def test_dotted_initials_after_the_family_name_are_one_author_each() -> None:
    from ingest.reflist import parse_entry

    parsed = [parse_entry(entry) for entry in FRONTIERS_ENTRIES]
    assert [[a.family for a in r.authors] for r in parsed] == [
        ["Hare", "Brown", "Williamson", "Tomasello"], ["Hare", "Tomasello"], ["Udell", "Dorey", "Wynne"],
        ["Topál", "Miklósi", "Gácsi", "Dóka", "Pongrácz", "Kubinyi"]]
    assert [r.year for r in parsed] == ["2002", "2005", "2008", "2009"]
    assert parsed[3].others and parsed[1].title == "Human-like social skills in dogs?"


def test_frontiers_author_year_citations_resolve_against_the_printed_list() -> None:
    from ingest.pipeline import ingest_text

    text = ("# Dogs\n\nDogs read human cues (Hare et al., 2002; Udell et al., 2008). Hare and Tomasello "
            "(2005) proposed that selection for tameness came first (see also Topál et al., 2009).\n\n"
            "## References\n\n"
            + "\n\n".join(FRONTIERS_ENTRIES) + "\n")
    result = ingest_text(text, "dogs.md")
    assert result.unresolved == []
    cited = {rel.props["key"] for rel in result.batch.relationships if rel.type == "CITES"
             and rel.start.startswith("evidence:")}
    assert cited == {"hare2002", "udell2008", "hare2005", "topal2009"}


# --- 7. "It is expected that …", "She was …": pronouns that stand for no cited work ------------------

PAPER_REFERENCES = (
    "1. Ansell BM. Juvenile dermatomyositis. Rheum Dis Clin North Am 1991;17:931–942.\n\n"
    "2. Donabedian H, Gallin JI. The hyperimmunoglobulin E recurrent-infection syndrome: a review of the NIH "
    "experience and the literature. Medicine 1983;62:195–208.\n\n"
    "3. Fisher RA. The genetical theory of natural selection. Oxford: Clarendon Press; 1930.\n\n"
    "4. Genser B, Reutter A. Moving towards dual income taxation in Europe. FinanzArchiv 2007;63:436–456.\n\n"
    "5. Kessler RC, Sonnega A, Bromet E. Posttraumatic stress disorder in the National Comorbidity Survey. "
    "Arch Gen Psychiatry 1995;52:1048–1060.\n")
PAPER_TEXT = (
    "# Case report\n\n## Introduction\n\n"  # a paper (ingest.citations.detectors.carried.is_research_paper):
    "Calcinosis develops in up to half the patients with juvenile dermatomyositis[1]. It must be clarified "
    "whether recurrent skin infection with elevated IgE occurs in most patients.\n\n"
    "Leukocyte motility, assessed in a reversible Boyden chamber as previously described[2], was impaired. "
    "She was successfully managed with surgical drainage and antibiotics.\n\n"
    "There is a trend to reform personal income tax systems to dual regimes with individual filing [4]. It "
    "is expected that these reforms would diminish gender bias.\n\n"
    "Hepatic lipase is the only secreted lipase expressed in these cells [1]. It is, therefore, conceivable "
    "that its activity is regulated by diet.\n\n"
    "## Discussion\n\n"
    "The phenotypic model used to link drift load to complexity was first formalized by R. A. Fisher [3]. He "
    "envisioned a multidimensional phenotypic space in which each axis is one trait.\n\n"
    "The National Comorbidity Survey was the first representative study of PTSD in the United States [5]. It "
    "found that PTSD was about twice as common in women as in men.\n\n"
    "## References\n\n" + PAPER_REFERENCES)


def test_pronouns_that_stand_for_no_cited_work_carry_no_citation() -> None:
    """In a research paper a pronoun and any verb after a cited sentence continue nothing (the
    sentence is the authors' own, as for carried accounts); "They found …" with a reporting verb
    still would."""
    from ingest.pipeline import ingest_text
    from tests.test_citations import claim_links

    links = claim_links(ingest_text(PAPER_TEXT, "case.md").batch)

    def cited(words: str) -> set[str]:
        [keys] = [keys for claim, keys in links.items() if claim.startswith(words)]
        return keys

    assert cited("Calcinosis develops") == {"ref-1"}
    for sentence in ("It must be clarified", "She was successfully managed", "It is expected that",
                     "It is, therefore, conceivable", "He envisioned", "It found that PTSD"):
        assert cited(sentence) == set(), sentence


def test_an_it_that_stands_for_no_work_is_told_apart_from_one_that_does() -> None:
    """Outside papers (blog text) the pronoun rule stays, but not for an extraposed "it", a cleft, a
    modal, nor for "She"/"He" after a work of several authors."""
    from ingest.citations.detectors.continuation import _DUMMY_IT, _pronoun_fits
    from ingest.model import PersonName, Reference

    for sentence in ("It is postulated that the virus is maintained in eggs.", "It was proposed that X.",
                     "It is expected that these reforms would diminish gender bias.",
                     "It is, therefore, conceivable that taurine-dependency occurs.",
                     "It is this process that matters.",
                     "It is by a few million years older than any other.",
                     "It must be clarified whether infection occurs.", "It would also expand the model."):
        assert _DUMMY_IT.match(sentence), sentence
    for sentence in ("It found that PTSD was twice as common in women.", "It also recommends yoga.",
                     "It was meant to reduce later stress reactions.",
                     "It grounds treatment in relationships."):
        assert not _DUMMY_IT.match(sentence), sentence
    two = Reference("dg", "article", {"year": "1983"},
                    [PersonName("Donabedian", "H"), PersonName("Gallin", "JI")])
    one = Reference("f", "book", {"year": "1930"}, [PersonName("Fisher", "RA")])
    assert not _pronoun_fits("She was", two) and _pronoun_fits("He envisioned", one)
    assert _pronoun_fits("They found", two)


# --- 8. chemical locants in brackets (Hindawi Advances in Chemistry) --------------------------------


def test_locants_of_a_chemical_name_are_no_citations() -> None:
    from ingest.pipeline import ingest_text

    text = (
        "# Triazolo-pyridobenzoxazepines\n\n"
        "Aryl hydrazides are coupled with a core chloroimine in good yield via a Pellizzari type process, "
        "producing 1,2,4-triazolo-pyrido [2,3-b] [1,5] benzoxazepines with structural similarity to known "
        "antipsychotic agents [3].\n\n"
        "A mixture of the amide, benzo[b]pyrido[3,2-f][1,4]oxazepine-5(6H)-one, and phosphorous oxychloride "
        "was heated [1,4].\n\n"
        "## References\n\n" + "\n\n".join(
            f"{n}. Author{n} A, Other B. Title number {n} of the list. J Chem. 20{10 + n};{n}:1–9."
            for n in range(1, 6)) + "\n")
    cited = [(rel.props["key"]) for rel in ingest_text(text, "chem.md").batch.relationships
             if rel.type == "CITES" and rel.start.startswith("evidence:")]
    assert sorted(cited) == ["ref-1", "ref-3", "ref-4"]  # "[3]" and the closing "[1,4]"; no locant


# --- 9. F1000 equations credited "Source: IPCC (2006c) [ 9 ]"; "Hoekstra et al. (2011) [ 5 ]" ----------

F1000_NUMBERED = (
    "5. Hoekstra AY, Chapagain AK, Aldaya MM, et al.: The Water Footprint Assessment Manual: Setting the "
    "Global Standard. 2011.\n\n"
    "6. Hattie J: Visible learning. Routledge. 2009.\n\n"
    "9. Eggleston ES, Buendia L, Miwa K, et al.: Directrices del IPCC 2006 para los Inventarios Nacionales "
    "de Gases de Efecto Invernadero. IGES. 2006.\n")


def test_a_source_line_crediting_a_work_is_a_citation_not_page_metadata() -> None:
    from ingest.pipeline import ingest_text
    from tests.test_citations import claim_links

    text = ("# Tomato footprints\n\nFor the conventional systems, the equation was reduced to the direct "
            "emissions of the fertiliser applied.\n\nSource: IPCC (2006c) [ 9 ]\n\nFeedback has one of the "
            "largest effects on learning.\n\nSource: Hattie, 2009\n\n## References\n\n" + F1000_NUMBERED)
    links = claim_links(ingest_text(text, "tomato.md").batch)
    assert links["For the conventional systems, the equation was reduced to the direct emissions of the "
                 "fertiliser applied."] == {"ref-9"}
    assert links["Feedback has one of the largest effects on learning."] == {"ref-6"}


def test_a_source_line_with_a_web_address_is_still_metadata() -> None:
    from ingest.blocks import is_byline

    assert is_byline("Source: https://example.org/blog/2019/feedback")
    assert is_byline("Source: www.theguardian.com, 12 March 2024")
    assert not is_byline("Source: IPCC (2006c) [ 9 ]")


def test_an_author_year_citation_and_its_number_are_one_marker(tmp_path: Path) -> None:
    from ingest.citations import build_index
    from ingest.pipeline import analyse

    path = tmp_path / "water.md"
    text = ("# Water\n\n## Methods\n\nThe water footprint was calculated as established by Hoekstra et al. "
            "(2011) [ 5 ]. Emissions were low.\n\n## Results\n\nThey were.\n\n## References\n\n"
            + F1000_NUMBERED)
    path.write_text(text, encoding="utf-8")
    doc = read_documents(path)[0]
    [analysis] = analyse([doc], build_index(doc.references, [doc]))
    assert [(e.marker, e.sources) for e in analysis.evidence if e.kind == "citation"] == [
        ("Hoekstra et al. (2011) [ 5 ]", ["ref-5"])]


# --- 10. Wiley's hyphen U+2010, "(see X, 2010, for a survey)", a chapter and its book by one author


def test_names_with_the_unicode_hyphen_are_read() -> None:
    from ingest.reflist import parse_entry

    entry = parse_entry("Hohn‐Schulte B, Preuschoft H, Witzel U, Distler‐Hoffmann C (2013). Biomechanics "
                        "and functional preconditions for terrestrial lifestyle in basal tetrapods. "
                        "J Anat 222, 1–9.")
    assert [a.family for a in entry.authors] == ["Hohn‐Schulte", "Preuschoft", "Witzel", "Distler‐Hoffmann"]
    entry = parse_entry("Vorobyeva EI, Schultze H‐P (1991). Description and systematics of panderichthyid "
                        "fishes. In: Schultze H‐P, Trueb L, eds. Origins of the Higher Groups of Tetrapods.")
    assert [(a.family, a.given) for a in entry.authors] == [("Vorobyeva", "EI"), ("Schultze", "H‐P")]


def test_a_citation_followed_by_for_a_survey_is_read() -> None:
    from ingest.pipeline import ingest_text

    bib = ("@book{gv, author={Grown, C and Valodia, I}, year={2010}, title={Taxation and Gender Equity}}\n"
           "@incollection{g, author={Grown, C}, year={2010}, title={Taxation and gender equality}}\n")
    text = "# Tax\n\nGaps remain under individual filing (see Grown and Valodia, 2010, for a survey).\n"
    result = ingest_text(text, "tax.md", bib)
    assert [n.props["marker"] for n in result.batch.nodes_by_label("Evidence")] == [
        "(see Grown and Valodia, 2010, for a survey)"]
    assert result.unresolved == []


def test_a_chapter_line_naming_its_book_is_the_chapter() -> None:
    """Grown's 2010 chapter prints the title of the book (Grown and Valodia 2010) after its own: both
    main titles are in the line, the one printed first is the entry's."""
    from ingest.citations.index import ReferenceEntryMatcher
    from ingest.model import PersonName, Reference

    chapter = Reference("bib20", "incollection", {"year": "2010", "title": "Taxation and gender equality. A "
                                                  "conceptual framework"}, [PersonName("Grown", "C")])
    book = Reference("bib19", "book", {"year": "2010", "title": "Taxation and Gender Equity: A comparative "
                                       "analysis of direct and indirect taxes in developing and developed "
                                       "countries"}, [PersonName("Grown", "C"), PersonName("Valodia", "I")])
    line = ("Grown C. 2010. Taxation and gender equality. A conceptual framework. Taxation and Gender "
            "Equity: A comparative analysis of direct and indirect taxes in developing and developed "
            "countries. London: Routledge.")
    assert ReferenceEntryMatcher([book, chapter]).best(line) == "bib20"


# --- 11. a superscript glued to "ranges" is a citation, not an interval (Scientific Reports)

GLUED = ("The fishing cat, Sunda leopard cat and domestic cat lived on Java until recent anthropogenic "
         "fragmentations of their ranges[2,8].")
BOUNDS = "The score takes values in the range [1, 8] for every cat."


def test_a_superscript_glued_to_ranges_is_a_citation() -> None:
    from ingest.pipeline import ingest_text
    from tests.test_citations import claim_links

    entries = "\n\n".join(f"{n}. Author{n}, A. & Other, B. Title number {n} of the cats. Cat News {n}, 1–9 "
                           f"(20{10 + n})." for n in range(1, 9))
    text = f"# Cats\n\n{GLUED} {BOUNDS}\n\n## References\n\n{entries}\n"
    links = claim_links(ingest_text(text, "cats.md").batch)
    assert links[GLUED] == {"ref-2", "ref-8"}
    assert links[BOUNDS] == set()


def test_string_names_made_of_parts_print_apart(tmp_path: Path) -> None:
    back = "".join([
        "<ref-list><ref id='r1'><mixed-citation><person-group>",
        "<string-name><surname>Barrett</surname><given-names>RL</given-names></string-name>",
        "<string-name><surname>Wilson</surname><given-names>KL</given-names></string-name>",
        "</person-group> (<year>2012</year>) <article-title>A review.</article-title>",
        "<source>Aust Syst Bot</source> 25: 1-9.</mixed-citation></ref>",
        "<ref id='r2'><mixed-citation><string-name><surname>Smith</surname>, <given-names>J.</given-names>",
        "</string-name>, 2010. Title. J 4, 1-9.</mixed-citation></ref></ref-list>"])
    text, _ = render_text(read_documents(write(tmp_path, "<p>Text.</p>", back=back))[0])
    assert text.endswith("Barrett RL, Wilson KL (2012) A review. Aust Syst Bot 25: 1-9.\n\n"
                         "Smith, J., 2010. Title. J 4, 1-9.")
