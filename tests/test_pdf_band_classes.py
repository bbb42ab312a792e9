"""PDF-route classes of the fresh-pdf4 run (F1000Research: 7 of 61 links), each pinned on a PDF built
here with PyMuPDF and our own words (never the fetched files):

- a reference list set in two columns under the end of the body, with no full-width line between:
  the right column holds the last of the body and the back matter ("Data availability", …) above
  the list's entries. Read column by column, the entries at the foot of the right column came after
  the back matter and were never read as references (54 links lost);
- a superscript glued to a name of letters and digits ("AgamOBP1¹⁷", "CquiOBP1²⁴", a dataset's
  "…5879.d41724⁴³") was read as an exponent of the digit before it (8 links lost); a charge
  ("SO4²⁻") still is no citation.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from ingest.evaluate_jats import citation_spans
from ingest.model import REFERENCES, ParsedDocument
from ingest.pdf import _after_word_or_punctuation, read_pdf
from tests.test_pdf import _wrap
from tests.test_pdf_layout_classes import _raised

FAMILIES = ["Abbott", "Baker", "Carter", "Dorsey", "Egan", "Fowler", "Garner", "Hale"]


def _entry(number: int) -> list[str]:
    family = FAMILIES[number - 1]
    return [f"{number}. {family} AB, Smith CD: Odorant binding in the mosquito antenna, part",
            f"{number}. J Insect Physiol. {1990 + number}; {number}(2): 11–19.",
            "PubMed Abstract | Publisher Full Text"]


def _band_pdf(path: Path) -> None:
    """One page (612 × 792): body in two 10-point columns citing [2], [6] and [8]; atop the right
    column the end of the body, then "Data availability" and "Acknowledgements"; under a blank strip
    across both columns "References" (left) and eight numbered entries in 6.5-point type, the
    fourth carried over to the foot of the right column, which holds entries 5 to 8."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((57, 60), "Binding of repellents to a mosquito protein", fontsize=16, fontname="hebo")
    left = ("Mosquitoes find their hosts by smell, and odorant-binding proteins carry the odorants to "
            "the receptors of the antenna [2]. " + " ".join(
                f"In assay {n} the protein bound the repellent less tightly than the attractant, as "
                "the earlier assays had shown." for n in range(1, 9)))
    y = 100.0
    for line in _wrap(left, 52):
        page.insert_text((57, y), line, fontsize=10)
        y += 11
    right = ("The structures of two such proteins are known [6], and a third was solved with the "
             "repellent bound in its central cavity [8]. Studies to test these ideas may lead to "
             "better reporters of odorant binding.")
    y = 100.0
    for line in _wrap(right, 52):
        page.insert_text((315, y), line, fontsize=10)
        y += 11
    for heading, words in (("Data availability", "The assay data are deposited with the journal."),
                           ("Acknowledgements", "We thank our colleagues for comments on the text.")):
        y += 12
        page.insert_text((315, y), heading, fontsize=11, fontname="hebo")
        y += 13
        page.insert_text((315, y), words, fontsize=10)
        y += 11
    assert y < 470 and 100 + 11 * len(_wrap(left, 52)) < 560  # both columns end above the strip
    page.insert_text((57, 580), "References", fontsize=9.5, fontname="hebo")
    y = 600.0
    for number in range(1, 5):
        lines = _entry(number)
        if number == 4:
            lines = lines[:1]  # the rest of entry 4 goes on at the foot of the right column
        for index, line in enumerate(lines):
            page.insert_text((57 if index == 0 else 74, y), line, fontsize=6.5)
            y += 7.2
        y += 2.3
    y = 600.0
    for number, lines in [(4, _entry(4)[1:]), *((n, _entry(n)) for n in range(5, 9))]:
        for index, line in enumerate(lines):
            first = index == 0 and number != 4
            page.insert_text((315 if first else 332, y), line, fontsize=6.5)
            y += 7.2
        y += 2.3
    doc.save(str(path))


@pytest.fixture(scope="module")
def band(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path = tmp_path_factory.mktemp("band") / "f1000.pdf"
    _band_pdf(path)
    return read_pdf(path)[0]


def test_a_reference_list_under_both_columns_is_read_after_them(band: ParsedDocument) -> None:
    text = band.text
    assert text.index("better reporters") < text.index("Data availability") < text.index("References")
    assert [r.label for r in band.references] == [str(n) for n in range(1, 9)]
    assert [r.authors[0].family for r in band.references] == FAMILIES
    fourth = next(b for b in band.blocks if b.kind == REFERENCES and text.startswith("4.", b.start))
    assert "1994" in text[fourth.start:fourth.end]  # carried over to the right column, still one entry


def test_citations_into_the_right_columns_entries_resolve(band: ParsedDocument) -> None:
    found = [(band.text[s:e], keys) for s, e, keys in citation_spans(band, band.references)
             if band.text.startswith("[", s)]  # (the sentences after a citation may carry its account on)
    assert found == [("[2]", ["ref-2"]), ("[6]", ["ref-6"]), ("[8]", ["ref-8"])]


# --- a superscript glued to a gene or protein name ----------------------------------------------

def test_a_raised_number_after_a_name_ending_in_a_digit_cites() -> None:
    text = "bind simultaneously to AgamOBP117, and the dataset 10.5256/f1000research.5879.d4172443 and"
    assert _after_word_or_punctuation(text, text.index("17,"))
    assert _after_word_or_punctuation(text, text.index("43 and"))
    sulfate = "the sulfate SO42- and 10 6 cells and 5x10 7 cells"
    assert not _after_word_or_punctuation(sulfate, sulfate.index("2-"))  # a charge
    assert not _after_word_or_punctuation(sulfate, sulfate.index("6 cells"))  # "10⁶"
    assert not _after_word_or_punctuation(sulfate, sulfate.index("7 cells"))  # "5x10⁷": one letter


def _gene_pdf(path: Path) -> None:
    """A page citing by superscripts, two of them glued to protein names ending in a digit, then a
    numbered list of three."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((56, 80), "Repellents and a mosquito protein", fontsize=20, fontname="hebo")
    page.insert_text((56, 120), "Introduction", fontsize=12, fontname="hebo")
    y = 140.0
    for line in ("Odorant-binding proteins carry odorants to the receptors of the antenna^1^. The",
                 "repellent might bind to AgamOBP1^2^ as well, and its orthologue CquiOBP1^3^ binds",
                 "the attractant. We measured both bindings in a fluorescence assay at two pH values."):
        _raised(page, 56, y, line, 10)
        y += 12
    page.insert_text((56, y + 30), "References", fontsize=12, fontname="hebo")
    for number, entry in enumerate(("Abbott A. Odorant binding. J Insect Physiol. 2001; 1: 1-9.",
                                    "Baker B. Repellent binding. J Insect Physiol. 2002; 2: 10-19.",
                                    "Carter C. Attractant binding. J Chem Ecol. 2003; 3: 20-29."), start=1):
        page.insert_text((56, y + 30 + 16 * number), f"{number}. {entry}", fontsize=9)
    doc.save(str(path))


def test_superscripts_glued_to_protein_names_are_linked(tmp_path: Path) -> None:
    path = tmp_path / "genes.pdf"
    _gene_pdf(path)
    doc = read_pdf(path)[0]
    found = [(doc.text[c.start:c.end], c.keys) for c in doc.citations]
    assert found == [("[1]", ["ref-1"]), ("[2]", ["ref-2"]), ("[3]", ["ref-3"])]
