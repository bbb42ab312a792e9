"""The PDF reader on the real publisher PDFs (non-blind), on PDFs built here to pin layout rules
(two columns, running heads, superscript citations), and on broken input.

Test PDFs are written with PyMuPDF (a test-only tool; the reader itself uses pypdfium2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.model import HEADING, REFERENCES, TITLE, InputError, ParsedDocument
from ingest.pdf import boxes_for, read_pdf
from ingest.readers import read_documents

CORPUS = Path(__file__).resolve().parent / "data" / "corpus" / "pdf"


@pytest.fixture(scope="module")
def elife() -> ParsedDocument:
    return read_pdf(CORPUS / "elife-08245.pdf")[0]


@pytest.fixture(scope="module")
def scielo() -> ParsedDocument:
    return read_pdf(CORPUS / "tinf-33-e200068.pdf")[0]


def test_real_elife_pdf_metadata_sections_and_references(elife: ParsedDocument) -> None:
    assert elife.title.startswith("Registered report: A coding-independent function of gene and pseudogene")
    assert elife.doi.startswith("10.7554/eLife.08245")
    headings = [elife.text[b.start:b.end] for b in elife.blocks if b.kind == HEADING]
    assert {"Introduction", "Materials and methods", "References"} <= set(headings)
    assert len(elife.references) == 42  # the publisher's XML lists 42 with authors
    first = elife.references[0]
    assert first.origin == "pdf" and first.authors and first.year and first.title
    dois = [r.fields.get("doi", "") for r in elife.references]
    assert "10.1016/j.cell.2008.04.023" in dois  # a DOI broken across two lines is joined


def test_real_pdf_has_no_running_heads_page_numbers_or_broken_hyphens(elife: ParsedDocument) -> None:
    assert "\ufffe" not in elife.text
    assert not re.search(r"\b\d+ of 28\b", elife.text)  # "2 of 28" footers
    assert elife.text.count("eLife 2015;4:e08245") <= 1  # the running head, once at most (front matter)
    body = elife.text[:next(b.start for b in elife.blocks if b.kind == REFERENCES)]
    assert "downregulation" in body and "down-regulation" not in body.replace("down-\nregulation", "")


def test_every_block_character_has_a_page_and_box(elife: ParsedDocument) -> None:
    covered = [False] * len(elife.text)
    for box in elife.layout:
        assert 1 <= box.page <= 28
        x0, y0, x1, y1 = box.bbox
        assert 0 <= x0 < x1 <= 612 and 0 <= y0 < y1 <= 792
        for i in range(box.start, box.end):
            covered[i] = True
    for block in elife.blocks:
        assert all(covered[i] for i in range(block.start, block.end) if not elife.text[i].isspace())
    sentence = elife.sentences[len(elife.sentences) // 2]
    boxes = boxes_for(elife, sentence.start, sentence.end)
    assert boxes and all(b.page >= 1 for b in boxes)


def test_sentences_slice_the_text_exactly(elife: ParsedDocument) -> None:
    assert elife.sentences
    for sentence in elife.sentences:
        piece = elife.text[sentence.start:sentence.end]
        assert piece == piece.strip() and piece


def test_two_column_reference_list_continues_across_columns(scielo: ParsedDocument) -> None:
    entries = [scielo.text[b.start:b.end] for b in scielo.blocks if b.kind == REFERENCES]
    bufrem = next(e for e in entries if e.startswith("Bufrem, L. S. Perspectivas"))
    assert "Organização do conhecimento e diversidade cultural" in bufrem
    assert not any("KNOWLEDGE ORGANIZATION DOMAIN IN BRAZIL" in e for e in entries)  # rotated running head
    andraos = next(r for r in scielo.references if r.authors and r.authors[0].family == "Andraos")
    assert andraos.fields["doi"] == "10.1139/v05-158" and andraos.year == "2005"


def test_an_entry_hyphenated_across_lines_is_judged_with_its_hyphens_joined(scielo: ParsedDocument) -> None:
    """The CNPq entry is printed 'Tecnoló-/gico': it was judged on its raw lines (with PDFium's
    U+FFFE hyphen mark), read no author and was kept as a paragraph, so its citation had no target."""
    cnpq = [r for r in scielo.references if r.authors and r.authors[0].family.startswith("Conselho Nacional")]
    assert [(r.authors[0].family, r.year) for r in cnpq] == [
        ("Conselho Nacional de Desenvolvimento Científico e Tecnológico", "2020")]
    assert len(scielo.references) == 44  # every entry of the publisher's list


@pytest.fixture(scope="module")
def meta3c() -> ParsedDocument:
    return read_pdf(CORPUS / "elife-03318.pdf")[0]


def test_object_dois_after_the_list_are_not_entries(meta3c: ParsedDocument) -> None:
    """elife-03318 prints 'DOI: 10.7554/eLife.03318.007' under each animation after its list: those
    12 lines were read as references with no author (Sources in the graph that cite nothing)."""
    assert len(meta3c.references) == 53  # the publisher's XML lists 53
    assert all(r.authors and r.year for r in meta3c.references)
    paragraphs = [meta3c.text[b.start:b.end] for b in meta3c.blocks if b.kind != REFERENCES]
    assert "DOI: 10.7554/eLife.03318.007" in paragraphs


def test_a_line_broken_after_an_exponent_stays_one_line(meta3c: ParsedDocument) -> None:
    """PDFium ends a line after the raised 7 of '2 × 10⁷'; the rest of the line ('cells/ml. …')
    started 130 pt to the right, so it was taken for another column and began a new paragraph."""
    assert "final concentration of about 2 × 107 cells/ml. Cells from the different species" in meta3c.text
    assert "BMW medium until reaching 1 × 107 cells/ml (Thompson et al., 2013)" in meta3c.text


def test_a_sentence_cut_by_footnotes_or_a_caption_continues_after_them(
        meta3c: ParsedDocument, elife: ParsedDocument) -> None:
    """Page 1's footnotes (elife-03318, elife-08245) and a figure caption sit between the two parts
    of a sentence in reading order: the parts are one paragraph, the footnotes follow it."""
    for doc, sentence in [
        (meta3c, "chromosomal segments come in contact, as measured in genome-wide chromosome conformation"),
        (meta3c, "corresponding to centromere clustering were clearly visible in the matrix"),
        (elife, "are small non-coding RNAs that bind to complementary sequences in the 3′ untranslated"),
    ]:
        at = doc.text.index(sentence)
        [holding] = [s for s in doc.sentences if s.start <= at < s.end]
        assert sentence in doc.text[holding.start:holding.end]
    footnote = meta3c.text.index("*For correspondence")
    assert meta3c.text.index("as measured in genome-wide") < footnote


def test_readers_dispatch_by_suffix_and_by_signature(tmp_path: Path) -> None:
    renamed = tmp_path / "paper.bin"
    renamed.write_bytes((CORPUS / "tinf-33-e200068.pdf").read_bytes())
    assert read_documents(renamed)[0].title.startswith("The intellectual foundation")


# --- built PDFs ---------------------------------------------------------------------------

pymupdf = pytest.importorskip("pymupdf")

LEFT = ("Social support protects people after a trauma, and the effect is large in every cohort "
        "studied so far.")
RIGHT = "Sleep loss makes the recovery slower, as a second line of work has shown again and again."


def _two_column_pdf(path: Path) -> None:
    """Two pages: a running head and page number on each, two columns with superscript citations,
    then a numbered reference list."""
    doc = pymupdf.open()
    for number in (1, 2):
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 40), "Journal of Tests 2024; 7: 1-2", fontsize=8)
        page.insert_text((300, 770), str(number), fontsize=8)
        if number == 1:
            page.insert_text((72, 90), "A built article for the reader", fontsize=18)
            page.insert_text((72, 130), "Introduction", fontsize=12)
            y = 150
            for words in _wrap(LEFT, 40):
                page.insert_text((72, y), words, fontsize=10)
                y += 13
            page.insert_text((72 + 4 + pymupdf.get_text_length(words, fontsize=10), y - 13 - 4), "1,2",
                             fontsize=6)
            y = 150
            for words in _wrap(RIGHT, 40):
                page.insert_text((320, y), words, fontsize=10)
                y += 13
            page.insert_text((320 + 4 + pymupdf.get_text_length(words, fontsize=10), y - 13 - 4), "3",
                             fontsize=6)
        else:
            page.insert_text((72, 90), "References", fontsize=12)
            y = 110
            for entry in ("1. Herman JL. Trauma and recovery. New York: Basic Books; 1992.",
                          "2. Jordan BK, Marmar CR. Problems in families. J Consult Clin Psychol. "
                          "1992;60:916-26.",
                          "3. Walker MP. Sleep and memory. Nature. 2005;437:1272-8."):
                page.insert_text((72, y), entry, fontsize=9)
                y += 16
    doc.save(str(path))


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path = tmp_path_factory.mktemp("pdf") / "built.pdf"
    _two_column_pdf(path)
    return read_pdf(path)[0]


def test_built_pdf_reading_order_and_furniture(built: ParsedDocument) -> None:
    assert built.title == "A built article for the reader"
    assert [built.text[b.start:b.end] for b in built.blocks if b.kind == TITLE] == [built.title]
    assert built.text.index("Social support") < built.text.index("Sleep loss")
    assert "Journal of Tests" not in built.text
    assert not re.search(r"(?m)^\s*[12]\s*$", built.text)
    assert "cohort studied so far." in built.text  # wrapped lines joined with a space


def test_raised_numbers_after_digits_or_units_are_exponents_not_citations() -> None:
    from ingest.pdf import _after_word_or_punctuation

    text = "cells per 10 6 ml; an area of 5 m 2 grew.3 as reported 4"
    assert not _after_word_or_punctuation(text, text.index("6"))
    assert not _after_word_or_punctuation(text, text.index("2 grew"))
    assert _after_word_or_punctuation(text, text.index("3 as"))
    assert _after_word_or_punctuation(text, text.index("4"))


def test_built_pdf_superscripts_are_linked_to_the_numbered_list(built: ParsedDocument) -> None:
    assert [r.key for r in built.references] == ["ref-1", "ref-2", "ref-3"]
    assert built.references[1].fields["journal"] == "J Consult Clin Psychol"
    marks = [(built.text[c.start:c.end], c.keys) for c in built.citations]
    assert marks == [("[1,2]", ["ref-1", "ref-2"]), ("[3]", ["ref-3"])]  # printed raised, bracketed here
    first = built.citations[0]
    assert built.text[:first.start].rstrip().endswith("so far.")
    assert boxes_for(built, first.start, first.end)[0].page == 1


# --- broken input -------------------------------------------------------------------------

def _encrypted(path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "A secret article.", fontsize=11)
    doc.save(str(path), encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="user", owner_pw="owner")


def _scanned(path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 300, 300), False)
    pixmap.clear_with(180)
    page.insert_image(page.rect, pixmap=pixmap)
    doc.save(str(path))


def _truncated(path: Path) -> None:
    data = (CORPUS / "elife-08245.pdf").read_bytes()
    path.write_bytes(data[:len(data) // 2])


def _text_file(path: Path) -> None:
    path.write_text("This is a plain text article that someone saved with a .pdf name.\n", encoding="utf-8")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize("make,message,hint", [
    (_encrypted, "is encrypted", "qpdf --decrypt"),
    (_scanned, "has no text layer", "OCR"),
    (_truncated, "is damaged or truncated", "Download the PDF again"),
    (_text_file, "is not a PDF", "Give the publisher's PDF"),
    (_empty, "is empty", "Give the publisher's PDF"),
])
def test_broken_pdf_is_one_input_error_line(tmp_path: Path, make, message: str, hint: str) -> None:  # noqa: ANN001
    path = tmp_path / "paper.pdf"
    make(path)
    with pytest.raises(InputError) as caught:
        read_documents(path)
    line = str(caught.value)
    assert "\n" not in line and line.startswith(str(path)) and message in line and hint in line


def test_broken_pdf_writes_nothing(tmp_path: Path) -> None:
    from claimgraph.cli import main

    path = tmp_path / "paper.pdf"
    _encrypted(path)
    database = tmp_path / "graph.db"
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(database), "ingest", str(path)])
    assert exited.value.code == 2
    assert not database.exists()
