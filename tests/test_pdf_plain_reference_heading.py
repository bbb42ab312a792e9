"""A layout class the fresh-pdf3 first run found: the reference list's heading set in the list's own
type. BMC prints its back matter ("Competing interests", "References") in the 7.5-point regular face
of the entries, neither bold nor larger, so "References" read as body text, the list was never found
and none of the "[n]" markers linked (BMC HSR 0/0/40, BMC Diagn Pathol 0/0/72). Pinned on a PDF
built here with PyMuPDF and our own words (never the fetched files).
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from ingest.evaluate_jats import citation_spans
from ingest.model import HEADING, REFERENCES, ParsedDocument
from ingest.pdf import read_pdf

REGULAR = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"

BODY = [
    "Hedgehogs in city parks travel further each night than those in woodland [1].",
    "Street lighting shortens their foraging bouts, as two surveys reported [2, 3].",
    *(f"On night {night} our tagged animals crossed the main lawn at least once." for night in range(1, 9)),
]
ENTRIES = [
    ("1. Archer PT, Lowe KM. Night ranges of urban hedgehogs. J Urban", "Ecol. 2015;3(1):12–19."),
    ("2. Bramley SJ. Artificial light and small mammal foraging. Mammal", "Rev. 2017;47(2):101–9."),
    ("3. Corran DE, Pym A. Lamps, lawns and hedgehogs: a survey of city",
     "parks. Oecologia. 2019;190:33–41."),
]


def _bmc_pdf(path: Path, first_entry_line: str | None = None) -> None:
    """One page as BMC sets it: a bold (Helvetica-Bold) section heading over a 9.8-point body citing
    "[n]", then bold "Declarations" and the back matter in 7.5-point regular type, "References" among
    it in that same type, over numbered entries with a hanging indent."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.insert_font(fontname="body", fontfile=REGULAR)
    page.insert_text((56, 70), "Hedgehogs under street lamps", fontname="hebo", fontsize=16)
    y = 110.0
    page.insert_text((56, y), "Background", fontname="hebo", fontsize=10.3)
    y += 16
    for sentence in BODY:
        page.insert_text((56, y), sentence, fontname="body", fontsize=9.8)
        y += 12.5
    y += 14
    page.insert_text((56, y), "Declarations", fontname="hebo", fontsize=10.3)
    y += 18
    for small in ("Competing interests", "The authors declare that they have no competing interests.",
                  "", "References"):
        if small:
            page.insert_text((56, y), small, fontname="body", fontsize=7.5)
        y += 9
    for number, (first, second) in enumerate(ENTRIES):
        if number == 0 and first_entry_line is not None:
            first = first_entry_line
        page.insert_text((56, y), first, fontname="body", fontsize=7.5)
        page.insert_text((70, y + 9), second, fontname="body", fontsize=7.5)
        y += 20
    doc.save(str(path))


@pytest.fixture(scope="module")
def bmc(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path = tmp_path_factory.mktemp("bmc") / "bmc.pdf"
    _bmc_pdf(path)
    return read_pdf(path)[0]


def _headings(doc: ParsedDocument) -> list[str]:
    return [doc.text[b.start:b.end] for b in doc.blocks if b.kind == HEADING]


def test_a_reference_heading_in_the_lists_own_type_is_a_heading(bmc: ParsedDocument) -> None:
    assert _headings(bmc) == ["Background", "Declarations", "References"]


def test_the_numbered_list_under_it_is_found(bmc: ParsedDocument) -> None:
    assert [r.label for r in bmc.references] == ["1", "2", "3"]
    assert [r.authors[0].family for r in bmc.references] == ["Archer", "Bramley", "Corran"]
    assert [b.kind for b in bmc.blocks].count(REFERENCES) == 3


def test_the_bracketed_markers_link_into_it(bmc: ParsedDocument) -> None:
    keys = [r.key for r in bmc.references]
    found = {bmc.text[s:e].replace("\xa0", " "): links for s, e, links in citation_spans(bmc, bmc.references)}
    # (the built font's ToUnicode maps its space glyph to U+00A0)
    assert found == {"[1]": [keys[0]], "[2, 3]": [keys[1], keys[2]]}


def test_a_plain_references_line_over_no_numbered_entry_stays_text(tmp_path: Path) -> None:
    """What tells the heading is the list's first entry under it; without one the plain line is
    back matter like its neighbours (as "Competing interests" is)."""
    path = tmp_path / "plain.pdf"
    _bmc_pdf(path, first_entry_line="Archer PT, Lowe KM. Night ranges of urban hedgehogs. J Urban")
    doc = read_pdf(path)[0]
    assert "References" not in _headings(doc)
