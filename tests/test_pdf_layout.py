"""The PDF reader on the SciELO publisher PDFs of tests/data/corpus/fresh-pdf (development data
since their first run, docs/eval/fresh-pdf-first-run.txt): superscript markers read from the
layout, numbered reference lists set with right-aligned numbers or interrupted by another
section, running heads below the 9% margin, paragraphs that cross columns. Every assertion
quotes what the page prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.model import HEADING, PARAGRAPH, REFERENCES, Block, LayoutBox, ParsedDocument
from ingest.pdf import _after_word_or_punctuation, _bracketed, _entry_label, boxes_for, read_pdf

FRESH = Path(__file__).resolve().parent / "data" / "corpus" / "fresh-pdf"
BJMBR = FRESH / "scielo-1414-431x-bjmbr-54-e11439.pdf"   # numeric "(1)", 7 pages
CADSC = FRESH / "scielo-1414-462x-cadsc-31-3-e31030043.pdf"  # numeric superscripts, Portuguese
ACTA = FRESH / "scielo-1809-4392-acta-53-4-271.pdf"  # author-year, two columns


@pytest.fixture(scope="module")
def bjmbr() -> ParsedDocument:
    return read_pdf(BJMBR)[0]


@pytest.fixture(scope="module")
def cadsc() -> ParsedDocument:
    return read_pdf(CADSC)[0]


@pytest.fixture(scope="module")
def acta() -> ParsedDocument:
    return read_pdf(ACTA)[0]


def _block_of(doc: ParsedDocument, needle: str) -> Block:
    at = doc.text.index(needle)
    return next(b for b in doc.blocks if b.start <= at < b.end)


# --- numbered reference lists --------------------------------------------------------------

def test_right_aligned_numbers_open_entries_in_sequence(bjmbr: ParsedDocument) -> None:
    # "1." .. "9." are printed right-aligned, indented past "10.": each still opens its entry
    assert [r.label for r in bjmbr.references] == [str(n) for n in range(1, 20)]
    first, second = bjmbr.references[:2]
    assert first.authors[0].family == "Siegel" and "Hoffman" not in first.fields["printed"]
    assert second.authors[0].family == "Hoffman" and second.year == "2002"


def test_a_numbered_list_goes_on_after_a_section_printed_inside_it(bjmbr: ParsedDocument) -> None:
    # page 7: "Acknowledgments" heads the right column above the list's entries 11-19
    thanks = _block_of(bjmbr, "We thank the São Paulo Research Foundation")
    assert thanks.kind == PARAGRAPH and thanks.section == "Acknowledgments"
    uhlen = _block_of(bjmbr, "11. Uhlen M, Fagerberg L")
    assert uhlen.kind == REFERENCES and uhlen.section == "References"
    assert bjmbr.references[10].authors[0].family == "Uhlen"


def test_entries_with_the_next_number_are_kept_though_their_authors_do_not_parse(
        cadsc: ParsedDocument) -> None:
    # "6. Brasil. Ministério da Saúde. Gestação de alto risco ..." (a corporate author)
    assert [r.label for r in cadsc.references] == [str(n) for n in range(1, 45)]
    brasil = _block_of(cadsc, "6. Brasil. Ministério da Saúde. Gestação de alto risco")
    assert brasil.kind == REFERENCES


def test_entry_labels() -> None:
    assert _entry_label("12. Babaian RJ, Mettlin C") == 12
    assert _entry_label("[3] Walker MP. Sleep and memory.") == 3
    assert _entry_label("2014; 210: 822–829, doi: 10.1016/j.prp.2014.08.014.") == 0
    assert _entry_label("10.1186/1471-2296-3-19.") == 0


def test_a_work_listed_again_after_the_article_is_one_reference(acta: ParsedDocument) -> None:
    # Table S1 after the article prints its own REFERENCES, repeating "Magurran, A.E. 2012. ..."
    keys = [r.key for r in acta.references]
    assert keys.count("magurran2012") == 1 and not [k for k in keys if re.search(r"-\d$", k)]
    assert "berger1970" in keys  # a work only Table S1 cites is still a reference


# --- superscript markers -------------------------------------------------------------------

def test_superscripts_are_bracketed_markers_linked_to_the_list(cadsc: ParsedDocument) -> None:
    marks = {cadsc.text[c.start:c.end]: c.keys for c in cadsc.citations}
    assert "já seria suficiente[1,4]. Essa redução" in cadsc.text  # printed "suficiente¹,⁴."
    assert marks["[1,4]"] == ["ref-1", "ref-4"]
    assert "glicemia ≥95mg/dL[3], o critério" in cadsc.text  # after a 2-letter unit
    assert "especificidade ≥ 90%[20-25]." in cadsc.text  # after a percentage
    assert marks["[20-25]"] == [f"ref-{n}" for n in range(20, 26)]
    assert "telefônico Vigitel[26], no qual" in cadsc.text  # the full-size comma stays outside
    assert len(cadsc.citations) == 40


def test_affiliation_numbers_in_the_byline_are_not_citations(cadsc: ParsedDocument) -> None:
    # "Cláudia Meurer Souza¹, Betine Moehlecke Iser¹, Deborah Carvalho Malta²"
    resumo = next(b.start for b in cadsc.blocks if cadsc.text[b.start:b.end] == "Resumo")
    assert "Cláudia Meurer Souza1" in cadsc.text[:resumo]
    assert all(c.start > resumo for c in cadsc.citations)


def test_bracketed_markers_keep_their_page_and_box(cadsc: ParsedDocument) -> None:
    citation = next(c for c in cadsc.citations if cadsc.text[c.start:c.end] == "[1,4]")
    boxes = [b for b in cadsc.layout if b.start <= citation.start and citation.end <= b.end]
    assert len(boxes) == 1 and boxes[0].page == 2
    line = cadsc.text[boxes[0].start:boxes[0].end]
    assert line.startswith("já seria suficiente[1,4].")
    assert boxes_for(cadsc, citation.start, citation.end)[0].page == 2
    for block in cadsc.blocks:  # blocks still cover whole words after the insertions
        piece = cadsc.text[block.start:block.end]
        assert piece == piece.strip()


def test_a_line_pdfium_breaks_after_a_raised_number_is_one_line(cadsc: ParsedDocument) -> None:
    # PDFium ends a line after "gestação²" and starts ". Dados de" at the same baseline
    assert "pela primeira vez durante a gestação[2]. Dados de prevalência" in cadsc.text
    assert "(95mg/dL)[6] a 18% (92mg/dL)[7], conforme" in cadsc.text  # the printed space kept


def test_numbers_in_parentheses_go_to_the_text_detectors(bjmbr: ParsedDocument) -> None:
    # bjmbr cites "(2,3)"; its only raised numbers are the byline's "Batista¹", "Fonseca²,⁴"
    assert bjmbr.citations == []
    assert "due to its high sensitivity (2,3)." in bjmbr.text


def test_exponents_and_markers_after_units_and_percentages() -> None:
    text = "glicemia ≥95mg/dL3 , especificidade ≥ 90%20 ; an area of 5 cm 2 and 3 mm 3 grew"
    assert _after_word_or_punctuation(text, text.index("3 ,"))
    assert _after_word_or_punctuation(text, text.index("20 ;"))
    assert not _after_word_or_punctuation(text, text.index("2 and"))
    assert not _after_word_or_punctuation(text, text.index("3 grew"))


def test_bracketing_moves_blocks_and_boxes() -> None:
    text = "parto1. Next2,3\n\nOther"
    blocks = [Block(PARAGRAPH, 0, 15), Block(PARAGRAPH, 17, 22)]
    layout = [LayoutBox(0, 7, 1, (0, 0, 1, 1)), LayoutBox(8, 15, 1, (0, 1, 1, 2)),
              LayoutBox(17, 22, 2, (0, 0, 1, 1))]
    new, moved, boxes, marks = _bracketed(text, blocks, layout, [(5, 6), (12, 15)])
    assert new == "parto[1]. Next[2,3]\n\nOther"
    assert [new[s:e] for s, e in marks] == ["[1]", "[2,3]"]
    assert [new[b.start:b.end] for b in moved] == ["parto[1]. Next[2,3]", "Other"]
    assert [new[b.start:b.end] for b in boxes] == ["parto[1].", "Next[2,3]", "Other"]


# --- furniture and reading order ------------------------------------------------------------

def test_running_heads_just_below_the_nine_percent_margin_are_dropped(
        bjmbr: ParsedDocument, acta: ParsedDocument) -> None:
    # "Cathepsin Z in the blood - implications in prostate cancer 2/7" ends at 10% of the page,
    # the logo's "AMAZONICA" at 9.1%
    assert "implications in prostate cancer 2/7" not in bjmbr.text
    assert not re.search(r"(?m)^1/7$", bjmbr.text)  # page 1's folio, at 10% of the page
    assert not [b for b in acta.blocks if acta.text[b.start:b.end] == "AMAZONICA"]
    assert "The mechanisms regulating the expression of CTSZ mRNA" in bjmbr.text  # across pages 6-7


def test_a_paragraph_runs_on_into_the_next_column(acta: ParsedDocument, bjmbr: ParsedDocument) -> None:
    # left column ends "(Do Vale et al.", the right column opens "2017). The vegetation strata"
    assert "may or may not be stratified (Do Vale et al. 2017). The vegetation strata" in acta.text
    # page 4: "...a negative result (CTSZ mRNA" | "40.0049) decreases the PCa probability"
    assert "a negative result (CTSZ mRNA 40.0049) decreases" in bjmbr.text
    assert "the pre-diagnostic selection of this group." in bjmbr.text


def test_bold_table_heads_smaller_than_the_body_are_not_sections(
        acta: ParsedDocument, cadsc: ParsedDocument) -> None:
    headings = [acta.text[b.start:b.end] for b in acta.blocks if b.kind == HEADING]
    assert {"INTRODUCTION", "MATERIAL AND METHODS", "RESULTS", "REFERENCES"} <= set(headings)
    assert "Evenness measures" not in headings  # Table 2's row group, 9 pt bold against 12.5 pt
    # cadsc's Tabela 1 prints "Grau de escolaridade" bold at 10.5 pt (body 12 pt)
    cadsc_headings = [cadsc.text[b.start:b.end] for b in cadsc.blocks if b.kind == HEADING]
    assert "Grau de escolaridade" not in cadsc_headings
    results, discussion = cadsc.text.index("RESULTADOS"), cadsc.text.index("DISCUSSÃO")
    assert {b.section for b in cadsc.blocks if b.kind == PARAGRAPH and results < b.start < discussion} \
        == {"RESULTADOS"}


def test_a_compound_broken_at_its_hyphen_keeps_it(bjmbr: ParsedDocument, acta: ParsedDocument) -> None:
    # "...in the United States (1). Prostate-|specific antigen", "lymphocyte function-|associated",
    # but "this pro-|tease plays a role"
    assert "Prostate-specific antigen (PSA) is a glycoprotein" in bjmbr.text
    assert "lymphocyte function-associated antigen (LFA-1)" in bjmbr.text
    assert "indicating that this protease plays a role" in bjmbr.text
    assert "Biodiversity conservation in human-modified Amazonian forest" in acta.text  # an entry


def test_vocabulary_rules() -> None:
    from ingest.pdf import Line, Vocabulary

    def line(text: str) -> Line:
        return Line(1, [], text=text)

    vocabulary = Vocabulary.of([line("the prostate-specific antigen and a protease of the"),
                                line("function of associated cells, this pro-"), line("tease ends")])
    assert vocabulary.keeps_hyphen("Prostate", "specific")  # printed with its hyphen elsewhere
    assert not vocabulary.keeps_hyphen("pro", "tease")  # "protease" is printed
    assert vocabulary.keeps_hyphen("function", "associated")  # both halves are words
    assert "pro" not in vocabulary.words and "tease" not in vocabulary.words


# --- the route against the publisher's links ----------------------------------------------

@pytest.mark.parametrize("name,expected", [
    ("scielo-1414-431x-bjmbr-54-e11439", (29, 0, 0)),
    ("scielo-1414-462x-cadsc-31-3-e31030043", (58, 0, 0)),
    # 3 of the FP are the publisher's own omissions: "Magurran 2012" twice, and the article's misspelt
    # "Arroyo-Rodrigues et al. 2017", which the resolver links to Arroyo-Rodríguez (not linked in the XML)
    ("scielo-1809-4392-acta-53-4-271", (59, 6, 1)),
])
def test_pdf_route_against_the_publishers_links(name: str, expected: tuple[int, int, int]) -> None:
    from ingest.evaluate_jats import evaluate_article

    markers = evaluate_article(FRESH / f"{name}.xml", routes=["pdf"]).routes["pdf"].markers
    assert (markers.tp, markers.fp, markers.fn) == expected
