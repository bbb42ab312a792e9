"""The printed reference list parser: one test per citation style, sections, wrapped entries,
and the readers giving a document without a .bib its own references."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.bibtex import parse_bibtex
from ingest.readers import read_documents
from ingest.reflist import (
    find_reference_section,
    merge_with_bib,
    parse_entry,
    references_in_text,
    split_entries,
)


def families(entry: str) -> list[str]:
    return [p.family for p in parse_entry(entry).authors]


def test_apa_journal_article_with_doi() -> None:
    ref = parse_entry("Jordan, B. K., Marmar, C. R., Fairbank, J. A., & Schlenger, W. E. (1992). Problems in "
                      "families of male Vietnam veterans with posttraumatic stress disorder. Journal of "
                      "Consulting and Clinical Psychology, 60(6), 916–926. https://doi.org/10.1037/0022-006X.60.6.916")
    assert [p.family for p in ref.authors] == ["Jordan", "Marmar", "Fairbank", "Schlenger"]
    assert ref.authors[0].given == "B. K."
    assert ref.year == "1992"
    assert ref.title == "Problems in families of male Vietnam veterans with posttraumatic stress disorder"
    assert ref.fields["journal"] == "Journal of Consulting and Clinical Psychology"
    assert (ref.fields["volume"], ref.fields["number"], ref.fields["pages"]) == ("60", "6", "916–926")
    assert ref.fields["doi"] == "10.1037/0022-006X.60.6.916"
    assert ref.entry_type == "article" and ref.key == "jordan1992" and ref.origin == "reference-list"


def test_apa_book_has_publisher_not_journal() -> None:
    ref = parse_entry("Herman, J. L. (1992). Trauma and recovery: The aftermath of violence. "
                      "New York, NY: Basic Books.")
    assert ref.entry_type == "book"
    assert ref.fields["publisher"] == "Basic Books" and ref.fields["address"] == "New York, NY"
    assert "journal" not in ref.fields
    assert ref.title == "Trauma and recovery: The aftermath of violence"


def test_vancouver_numbered_with_et_al_doi_and_pmid() -> None:
    ref = parse_entry("12. Schuch FB, Vancampfort D, Richards J, et al. Exercise as a treatment for "
                      "depression: a meta-analysis adjusting for publication bias. "
                      "J Psychiatr Res. 2016;77:42-51. "
                      "doi:10.1016/j.jpsychires.2016.02.023. PMID: 27017065")
    assert [p.family for p in ref.authors] == ["Schuch", "Vancampfort", "Richards"] and ref.others
    assert ref.label == "12" and ref.key == "ref-12"
    assert ref.year == "2016" and ref.fields["journal"] == "J Psychiatr Res"
    assert (ref.fields["volume"], ref.fields["pages"]) == ("77", "42–51")
    assert ref.fields["doi"] == "10.1016/j.jpsychires.2016.02.023" and ref.fields["pmid"] == "27017065"


def test_nature_year_at_the_end() -> None:
    ref = parse_entry("3. Carroll, S. B. Chance and necessity: the evolution of morphological complexity and "
                      "diversity. Nature 409, 1102–1109 (2001).")
    assert ref.authors[0].family == "Carroll" and ref.year == "2001" and ref.label == "3"
    assert ref.title.startswith("Chance and necessity") and ref.fields["journal"] == "Nature"
    assert (ref.fields["volume"], ref.fields["pages"]) == ("409", "1102–1109")


def test_harvard_with_and() -> None:
    ref = parse_entry("Smith, J. and Brown, K. (2010) Social support after trauma. Journal of Things, 5(2), "
                      "pp. 10-20.")
    assert [p.family for p in ref.authors] == ["Smith", "Brown"]
    assert ref.year == "2010" and ref.title == "Social support after trauma"
    assert ref.fields["pages"] == "10–20"


def test_elife_year_after_authors_and_long_family_names() -> None:
    ref = parse_entry("Lieberman-Aiden E, van Berkum NL, Williams L, Imakaev M, et al. 2009. Comprehensive "
                      "mapping of long-range interactions reveals folding principles of the human genome. "
                      "Science 326:289–293. doi: 10.1126/science.1181369.")
    assert [p.family for p in ref.authors] == ["Lieberman-Aiden", "van Berkum", "Williams", "Imakaev"]
    assert ref.year == "2009" and ref.fields["doi"] == "10.1126/science.1181369"
    assert families("Bates D, Haubo Bojesen Christensen R. 2016. Lme4. CRAN.") == [
        "Bates", "Haubo Bojesen Christensen"]


def test_plos_and_abnt() -> None:
    plos = parse_entry("Rich KM, Wanyoike F (2010) An assessment of the regional and national "
                       "socio-economic impacts of the 2007 Rift Valley fever outbreak in Kenya. "
                       "Am J Trop Med Hyg 83: 52–57.")
    assert plos.year == "2010" and plos.fields["journal"] == "Am J Trop Med Hyg"
    abnt = parse_entry("ANDRAOS, J. Scientific genealogies of physical and mechanistic organic chemists. "
                       "Canadian Journal of Chemistry, v. 83, n. 9, p. 1400-1414, 2005. "
                       "Doi: https://doi.org/10.1139/v05-158.")
    assert abnt.authors[0].family == "Andraos" and abnt.year == "2005"
    assert (abnt.fields["volume"], abnt.fields["number"], abnt.fields["pages"]) == ("83", "9", "1400–1414")
    assert abnt.fields["doi"] == "10.1139/v05-158"
    assert families("Araújo, P. C.; Guimarães, J. A. C. Análise de citação. In: Encontro Nacional, 2017. "
                    "p. 1-20.") == ["Araújo", "Guimarães"]


def test_ieee_initials_first_and_corporate_author() -> None:
    ieee = parse_entry('[4] A. Smith and B. Jones, "Deep learning for claims," in Proc. ACL, 2019, pp. 1–10.')
    assert [p.family for p in ieee.authors] == ["Smith", "Jones"] and ieee.label == "4"
    assert ieee.title == "Deep learning for claims" and ieee.year == "2019" and "volume" not in ieee.fields
    group = parse_entry("American Cancer Society (2007) Global Cancer Facts and Figures 2007. Atlanta: ACS.")
    assert group.authors[0].family == "American Cancer Society" and group.year == "2007"


def test_title_with_abbreviations_is_not_cut() -> None:
    ref = parse_entry("Brettar I, Hofle M. 2004. Aquiflexum balticum gen. nov., sp. nov., a novel marine "
                      "bacterium. Int J Syst Evol Microbiol 54:2335–2341.")
    assert ref.title == "Aquiflexum balticum gen. nov., sp. nov., a novel marine bacterium"


APA_TEXT = """A heading

Some claim of ours (Herman, 1992).

References

Herman, J. L. (1992). Trauma and recovery: The aftermath of violence. New York, NY:
    Basic Books.
Jordan, B. K., Marmar, C. R., Fairbank, J. A., & Schlenger, W. E. (1992). Problems in families
    of male Vietnam veterans with posttraumatic stress disorder. Journal of Consulting and Clinical
    Psychology, 60(6), 916–926.

Appendix A

Not a reference (2001).
"""


def test_section_ends_at_the_appendix_and_hanging_indent_joins_lines() -> None:
    section = find_reference_section(APA_TEXT)
    assert section is not None
    assert "Appendix" not in APA_TEXT[section[0]:section[1]]
    entries = split_entries(APA_TEXT, *section)
    assert [APA_TEXT[e.start:e.end].split()[0] for e in entries] == ["Herman,", "Jordan,"]
    refs = references_in_text(APA_TEXT, "a.txt")
    assert refs[1].fields["journal"] == "Journal of Consulting and Clinical Psychology"
    assert refs[0].line == 7 and refs[1].line == 9


def test_wrapped_unindented_entries_split_where_an_entry_ends() -> None:
    text = ("Bibliography\n"
            "Baldwin PR, Penczek PA. 2007. The Transform Class in SPARX and EMAN2. J Struct Biol\n"
            "157:250–261. doi: 10.1016/j.jsb.2006.06.002.\n"
            "Dekker J, Rippe K, Dekker M, Kleckner N. 2002. Capturing chromosome conformation.\n"
            "Science 295:1306–1311.\n")
    refs = references_in_text(text)
    assert [r.key for r in refs] == ["baldwin2007", "dekker2002"]
    assert refs[0].fields["doi"] == "10.1016/j.jsb.2006.06.002" and refs[1].fields["pages"] == "1306–1311"


def test_numbered_entries_and_other_languages() -> None:
    text = ("Referências\n\n[1] Silva, A. Um estudo. Revista, v. 2, p. 1-9, 2010.\n"
            "[2] Souza, B. Outro estudo sobre coisas que continuam\n"
            "na linha seguinte. Revista, v. 3, p. 5, 2011.\n")
    refs = references_in_text(text)
    assert [(r.key, r.label, r.year) for r in refs] == [("ref-1", "1", "2010"), ("ref-2", "2", "2011")]
    assert refs[1].title == "Outro estudo sobre coisas que continuam na linha seguinte"
    assert len(references_in_text("Literature Cited\n\n1. Doe J. A thing. Nature. 2001;1:2.\n"
                                  "2. Roe R. B. Cell. 2002;3:4.\n")) == 2


def test_a_numbered_entry_without_a_year_is_still_an_entry() -> None:
    """A report or web page printed with no year (PMC mds526: '4. National Cancer Intelligence
    Network. Routes to diagnosis—NCIN data briefing.') keeps its number, so "[4]" names it."""
    text = ("References\n\n3. Richards MA. The size of the prize. Br J Cancer 2009;101:S125–S129.\n\n"
            "4. National Cancer Intelligence Network. Routes to diagnosis—NCIN data briefing.\n\n"
            "5. Simon AE, Waller J. Patient delay. Cancer Epidemiol 2010;19:2272–2277.\n\n"
            "6. See above.\n")
    refs = references_in_text(text)
    assert [r.label for r in refs] == ["3", "4", "5"]
    assert refs[1].authors[0].family == "National Cancer Intelligence Network"
    assert "year" not in refs[1].fields


def test_no_reference_section_gives_nothing() -> None:
    assert references_in_text("Just an essay.\n\nIt cites (Smith, 2010) but lists nothing.\n") == []


def test_same_author_and_year_get_distinct_keys() -> None:
    text = ("References\n\nSmith, J. (2010). One. Journal A, 1, 2.\n\n"
            "Smith, J. (2010). Two. Journal B, 3, 4.\n")
    assert [r.key for r in references_in_text(text)] == ["smith2010", "smith2010-2"]


@pytest.mark.parametrize("name,body", [
    ("post.txt", "Trauma research\n\nSupport matters (Herman, 1992).\n\nReferences\n\n"
                 "Herman, J. L. (1992). Trauma and recovery. New York: Basic Books.\n"),
    ("post.md", "# Trauma research\n\nSupport matters (Herman, 1992).\n\n## References\n\n"
                "- Herman, J. L. (1992). Trauma and recovery. New York: Basic Books.\n"),
    ("post.html", "<!DOCTYPE html>\n<html><head><title>Trauma research</title></head><body><main><article>\n"
                  "<h1>Trauma research</h1>\n<p>Support matters a great deal after a trauma, as many studies "
                  "have shown over the years (Herman, 1992).</p>\n<p>Friends and family who listen help "
                  "people recover, and the effect lasts for years after the event itself.</p>\n"
                  "<h2>References</h2>\n"
                  "<p>Herman, J. L. (1992). Trauma and recovery. New York: Basic Books.</p>\n"
                  "</article></main></body></html>\n"),
])
def test_readers_give_an_article_its_own_references(tmp_path: Path, name: str, body: str) -> None:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    article = read_documents(path)[0]
    assert [(r.key, r.title, r.fields.get("publisher")) for r in article.references] == [
        ("herman1992", "Trauma and recovery", "Basic Books")]
    assert article.references[0].path == str(path)


def test_printed_entries_matched_to_a_bib_take_the_bib_record_and_keep_their_number() -> None:
    printed = references_in_text("References\n\n1. Walker MP. Sleep and memory. Nature. 2005;437:1272-8.\n"
                                 "2. Herman JL. Trauma and recovery. New York: Basic Books; 1992.\n"
                                 "3. Nobody N. A work the .bib lacks. J Things. 2001;1:2.\n")
    bib = parse_bibtex("@book{herman1992trauma, author={Herman, Judith L.}, title={Trauma and Recovery},"
                       " year={1992}}\n@article{walker2005, author={Walker, Matthew P.}, title={Sleep and"
                       " memory}, journal={Nature}, year={2005}}\n"
                       "@misc{extra, title={Unlisted}, year={2000}}\n")
    merged = merge_with_bib(printed, bib)
    assert [(r.key, r.label) for r in merged] == [("walker2005", "1"), ("herman1992trauma", "2"),
                                                  ("ref-3", "3"), ("extra", "")]
    assert bib[1].label == ""  # the shared .bib record itself is not changed
    # a .bib record the page's own list describes is `listed`; the others (and the list's own) are not
    assert [(r.key, r.listed) for r in merged] == [("walker2005", True), ("herman1992trauma", True),
                                                   ("ref-3", False), ("extra", False)]
    assert not any(r.listed for r in bib)
    renamed: dict[str, str] = {}
    merge_with_bib(printed, bib, renamed)
    assert renamed == {"ref-1": "walker2005", "ref-2": "herman1992trauma"}


def test_numbered_entries_that_match_no_bib_record_go_by_position_when_the_bib_follows_the_list(
        tmp_path: Path) -> None:
    from ingest.citations import number_references

    path = tmp_path / "a.md"
    path.write_text("# Title\n\nA claim [2].\n\n## References\n\n"
                    "1. Walker MP. Sleep. Nature. 2005;1:2.\n\n"
                    "2. GarbledNAME (2010) Unreadable entry. J X 1: 2\n\n"
                    "3. Herman JL. Trauma. Cell. 1992;3:4.\n",
                    encoding="utf-8")
    doc = read_documents(path)[0]
    bib = parse_bibtex("@article{w, author={Walker, M}, title={Sleep}, year={2005}}\n"
                       "@article{g, author={Someone, A}, title={Other words}, year={2011}}\n"
                       "@article{h, author={Herman, J}, title={Trauma}, year={1992}}\n")
    assert number_references(bib, [doc]) == {1: "w", 2: "g", 3: "h"}
    shuffled = [bib[2], bib[0], bib[1]]  # not in list order: an unmatched number stays unknown
    assert number_references(shuffled, [doc]) == {1: "w", 3: "h"}


def test_abnt_year_is_not_a_page_number_and_a_group_author_may_hold_lower_case_words() -> None:
    """tinf-33-e200068's entries: 'p. 1519-1536, 2009' was read as the year 1519; the CNPq entry
    had no author (its name holds 'de' and 'e'), so the PDF reader dropped it from the list."""
    concept = parse_entry("Hjørland, B. Concept theory. Journal of the American Society for Information "
                          "Science and Technology, v. 60, n. 8, p. 1519-1536, 2009. "
                          "Doi: http://doi.org/10.1002/asi.21082.")
    assert concept.year == "2009" and concept.fields["pages"] == "1519–1536"
    cnpq = parse_entry("Conselho Nacional de Desenvolvimento Científico e Tecnológico. Apresentação. "
                       "Brasília: Ministério da Ciência, Tecnologia e Inovações, 2020. Disponível em: "
                       "http://cnpq.br/apresentacao_institucional/. Acesso em: 15 jul. 2020.")
    group = "Conselho Nacional de Desenvolvimento Científico e Tecnológico"
    assert [a.family for a in cnpq.authors] == [group]
    assert cnpq.year == "2020" and cnpq.title == "Apresentação"


def test_a_consortium_leading_a_list_of_people_is_the_first_author() -> None:
    """elife-03318's entry (read as 'anon2010', so '(The Human Microbiome … Consortium, 2010)' had
    no target)."""
    entry = parse_entry("The Human Microbiome Jumpstart Reference Strains Consortium, Nelson KE, "
                        "Weinstock GM, Highlander SK. 2010. A catalog of reference genomes from the human "
                        "microbiome. Science 328:994–999. doi: 10.1126/science.1183605.")
    assert [a.family for a in entry.authors] == [
        "The Human Microbiome Jumpstart Reference Strains Consortium", "Nelson", "Weinstock", "Highlander"]
    assert entry.year == "2010" and entry.title == "A catalog of reference genomes from the human microbiome"
    assert [a.family for a in parse_entry("Smith J, Jones K. 2010. A title. Nature 1:2.").authors] == [
        "Smith", "Jones"]


def test_abnt_co_authors_separated_by_semicolons_cite_one_work() -> None:
    from ingest.pipeline import ingest_text

    result = ingest_text("A title\n\nKnowledge organization grew fast in Brazil (Russell; Sugimoto, 2009; "
                         "Bufrem, 2016).\n\nReferences\n\nRussell, J. M.; Sugimoto, C. R. Mapping. "
                         "Scientometrics, v. 1, p. 2-3, 2009.\n\n"
                         "Bufrem, L. S. Quadros. Brasília: CNPq, 2016.\n",
                         "abnt.txt")
    markers = sorted((n.props["text"], n.props["resolved"]) for n in result.batch.nodes
                     if n.label == "Evidence")
    assert markers == [("Bufrem, 2016", True), ("Russell; Sugimoto, 2009", True)]


@pytest.mark.timeout(20)
def test_a_run_of_capitals_with_no_full_stop_is_read_in_linear_time() -> None:
    """'RichKM…' (a PMC mixed-citation with names run together) made the group-author pattern
    backtrack exponentially: pmc-6605965a's text route never finished."""
    from ingest.reflist import _corporate_author

    body = "RichKMAbCdEfGhIjKlMnOpQrStUvWxYz" * 20 + " 2010"
    assert _corporate_author(body) == ([], body)
    assert _corporate_author("World Health Organization. Guidelines on X. Geneva")[0][0].family == \
        "World Health Organization"


def test_a_numbered_web_page_cited_by_its_address_alone_is_an_entry() -> None:
    """Scientific Reports prints '107. https://www.aptagen.com/': its number still names it."""
    text = ("References\n\n106. Lee J. Aptamers. Nucleic Acids Res 2019;4:1–9.\n\n"
            "107. https://www.aptagen.com/\n\n108. Kim S. Proteins. Cell 2020;5:2–8.\n")
    refs = references_in_text(text)
    assert [r.label for r in refs] == ["106", "107", "108"]
    assert refs[1].fields["url"] == "https://www.aptagen.com/"


def test_names_after_an_inverted_first_author_may_print_the_given_name_first() -> None:
    """The Unified Style Sheet for Linguistics (Glossa): 'Grosu, Alexander & Koji Hoshi. 2016.';
    a capitalised particle opens an inverted name ('De Mulder, Walter')."""
    entry = parse_entry("Grosu, Alexander & Koji Hoshi. 2018. On the unified analysis of relative "
                        "clauses. Glossa 3(1). 1–20.")
    assert [(p.family, p.given) for p in entry.authors] == [("Grosu", "Alexander"), ("Hoshi", "Koji")]
    assert entry.year == "2018" and entry.title == "On the unified analysis of relative clauses"
    entry = parse_entry("Erlewine, Michael Yoshitaka & Isaac Gould. 2016. Unifying Japanese relative "
                        "clauses. Glossa 1(1). 1–40.")
    assert [p.family for p in entry.authors] == ["Erlewine", "Gould"]
    entry = parse_entry("Carlier, Anne, Lamiroy, Béatrice & De Mulder, Walter. 2012. The pace of "
                        "grammaticalization. Folia Linguistica 46. 287–301.")
    assert [p.family for p in entry.authors] == ["Carlier", "Lamiroy", "De Mulder"]
    # Vancouver and APA lists read as before
    assert [p.family for p in parse_entry("Smith, J., & Jones, K. (2010). A title. J Test, 1, 2.").authors] \
        == ["Smith", "Jones"]
