"""Layout classes the fresh-pdf2 first run found (docs/eval/fresh-pdf2-first-run.txt), each pinned on
a PDF built here with PyMuPDF and our own words (never the fetched files):

- bold known only from the font's name: Springer's and Taylor & Francis's Adobe "AdvTT…"/"AdvOT…"
  fonts state no weight (PDFium gives 0), so their bold headings, "References" among them, read as
  body text and the reference list was never found (Springer BES: 0 of 99 links);
- a reference list in three columns (the Royal Society's): read band by band as two columns, its
  middle column interleaved the other two and 35 of 117 links were lost;
- principal-component notation "t[1]", "p[1]", "to[1]" (MDPI): an index glued to a one- or
  two-letter symbol, read as citations [1] and [2] on every route (28 false links), while citations
  glued to a word ("rats[84]", "developed by[ 3 ]", "in R[ 96 ]") stay citations.
"""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from ingest.evaluate_jats import citation_spans
from ingest.model import HEADING, REFERENCES, ParsedDocument
from ingest.pdf import BOLD_FONT_NAME, _column_starts, _lines_of, _reading_order, read_pdf
from tests.test_numeric_forms import _keys, _links, _markers
from tests.test_pdf import _wrap

REGULAR = "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"
BOLD = "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"


# --- bold from the font's name ---------------------------------------------------------------

@pytest.mark.parametrize("name", [
    b"KBNAGP+NmsrgkAdvTTb8864ccf.B", b"AdvOT3b30f6db.B", b"AdvOTd0125be5.BI", b"Minion-Bold",
    b"MyriadPro-BoldCond", b"Univers-CondensedBold", b"Minion-Black", b"TimesNewRoman,Bold",
])
def test_bold_font_names(name: bytes) -> None:
    assert BOLD_FONT_NAME.search(name)


@pytest.mark.parametrize("name", [
    b"CfyrpkAdvTT3713a231", b"LjsvqgAdvTT50a2f13e.I", b"SdfcrkAdvTT3713a231+20", b"AdvOT46dcae81",
    b"Minion-Regular", b"TimesNewRoman,Italic", b"Bodoni-Roman",
])
def test_regular_font_names(name: bytes) -> None:
    assert not BOLD_FONT_NAME.search(name)


def _weightless_fonts(doc: pymupdf.Document, bold_name: str, body_name: str) -> None:
    """Rename the embedded fonts as Adobe's typesetting names them and drop their stem width, so
    that PDFium, like on the publishers' files, can tell no weight (FPDFText_GetFontWeight 0)."""
    for xref in range(1, doc.xref_length()):
        kind = doc.xref_get_key(xref, "Type")[1]
        if kind not in ("/Font", "/FontDescriptor"):
            continue
        key = "BaseFont" if kind == "/Font" else "FontName"
        value = doc.xref_get_key(xref, key)[1]
        if "Bold" in value:
            doc.xref_set_key(xref, key, "/" + bold_name)
        elif "Liberation" in value:
            doc.xref_set_key(xref, key, "/" + body_name)
        if kind == "/FontDescriptor":
            doc.xref_set_key(xref, "StemV", "0")


BODY = [
    "Young rooks learn which neighbours to avoid within a few days of fledging.",
    "Earlier work found that recognition needs repeated meetings (Herman 1992).",
    *(f"On day {day} our birds met each neighbour twice, in a large outdoor pen." for day in range(1, 9)),
]
ENTRIES = [
    ("Herman JL (1992) Trauma and recovery: the aftermath of violence.", "Basic Books, New York"),
    ("Jordan BK, Marmar CR (1992) Problems in families of male Vietnam",
     "veterans. J Consult Clin Psychol 60:916–926"),
    ("Walker MP (2005) A refined model of sleep and the time course of",
     "memory formation. Behav Brain Sci 28:51–64"),
]


def _springer_pdf(path: Path) -> None:
    """One page as Springer sets it: bold headings half a point above the 8.5-point body (below the
    15% a heading needs by size alone), in a font whose name ends in ".B", then an author-year list
    with a hanging indent; no font states its weight."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.insert_font(fontname="body", fontfile=REGULAR)
    page.insert_font(fontname="head", fontfile=BOLD)
    page.insert_text((56, 80), "Rooks remember their neighbours", fontname="head", fontsize=15)
    y = 130.0
    page.insert_text((56, y), "Introduction", fontname="head", fontsize=9)
    y += 16
    for sentence in BODY:
        page.insert_text((56, y), sentence, fontname="body", fontsize=8.5)
        y += 11
    y += 14
    page.insert_text((56, y), "References", fontname="head", fontsize=9)
    y += 16
    for first, second in ENTRIES:
        page.insert_text((56, y), first, fontname="body", fontsize=7.5)
        page.insert_text((66, y + 10), second, fontname="body", fontsize=7.5)
        y += 22
    _weightless_fonts(doc, "KBNAGP+QwrtyAdvTT0c1d2e.B", "KBNAGQ+AsdfgAdvTT9e8f7a")
    doc.save(str(path))


@pytest.fixture(scope="module")
def springer(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path = tmp_path_factory.mktemp("springer") / "springer.pdf"
    _springer_pdf(path)
    return read_pdf(path)[0]


def test_the_built_fonts_state_no_weight(tmp_path: Path) -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    path = tmp_path / "springer.pdf"
    _springer_pdf(path)
    document = pdfium.PdfDocument(str(path))
    textpage = document[0].get_textpage()
    at = textpage.get_text_range().index("Introduction")
    assert pdfium_c.FPDFText_GetFontWeight(textpage.raw, at) <= 0  # the case the name decides
    textpage.close()
    document.close()


def test_headings_in_a_bold_named_font_are_headings(springer: ParsedDocument) -> None:
    headings = [springer.text[b.start:b.end] for b in springer.blocks if b.kind == HEADING]
    assert headings == ["Introduction", "References"]
    assert springer.title.replace("\xa0", " ") == "Rooks remember their neighbours"  # (the built
    # font's ToUnicode maps its space glyph to U+00A0)


def test_the_reference_list_under_a_bold_named_heading_is_found(springer: ParsedDocument) -> None:
    assert [r.key for r in springer.references] == ["herman1992", "jordan1992", "walker2005"]
    assert [b.kind for b in springer.blocks].count(REFERENCES) == 3
    found = {springer.text[s:e]: keys for s, e, keys in citation_spans(springer, springer.references)}
    assert {marker.replace("\xa0", " "): keys for marker, keys in found.items()} == {
        "(Herman 1992)": ["herman1992"]}


# --- three columns ---------------------------------------------------------------------------

FAMILIES = ["Abbott", "Baker", "Carter", "Dalton", "Evans", "Foster", "Garner", "Hughes", "Ingram",
            "Jarvis", "Keller", "Lawson", "Mercer", "Nolan", "Osborne"]


def _three_column_pdf(path: Path) -> None:
    """A page of body text citing [7] and [12], then a page with "References" and fifteen numbered
    entries in three columns of five, each entry two lines with a hanging indent, as the Royal
    Society sets its list (pages 522 points wide, columns at 56, 197 and 338)."""
    doc = pymupdf.open()
    page = doc.new_page(width=522, height=756)
    page.insert_text((56, 60), "Milk of the giant panda", fontsize=16)
    body = ("The protein content of colostrum changes slowly in bears [7], more slowly than in any other "
            "carnivore measured so far, and the sugars follow the same course [12]. " + " ".join(
                f"On day {day} the milk of the mother held more whey than casein, as it did the day before."
                for day in range(1, 15)))
    y = 100.0
    for line in _wrap(body, 95):
        page.insert_text((56, y), line, fontsize=9)
        y += 10.5
    page = doc.new_page(width=522, height=756)
    page.insert_text((56, 60), "References", fontsize=14)
    for number, family in enumerate(FAMILIES, start=1):
        column, row = divmod(number - 1, 5)
        x = 56 + 141 * column
        top = 90 + 40 * row
        page.insert_text((x, top), f"{number}. {family} AB, Smith CD. {1990 + number} Milk sugars of",
                         fontsize=6.5)
        page.insert_text((x + 11, top + 10), f"mammals, part {number}. J. Dairy Sci. {number}, 1-9.",
                         fontsize=6.5)
    doc.save(str(path))


@pytest.fixture(scope="module")
def three_columns(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path = tmp_path_factory.mktemp("columns") / "rsos.pdf"
    _three_column_pdf(path)
    return read_pdf(path)[0]


def test_a_three_column_reference_list_is_read_column_by_column(three_columns: ParsedDocument) -> None:
    refs = three_columns.references
    assert [r.label for r in refs] == [str(n) for n in range(1, 16)]
    assert [r.authors[0].family for r in refs] == FAMILIES
    assert [r.year for r in refs] == [str(1990 + n) for n in range(1, 16)]


def test_citations_into_the_middle_column_resolve(three_columns: ParsedDocument) -> None:
    found = [(three_columns.text[s:e], keys) for s, e, keys in citation_spans(three_columns,
                                                                                 three_columns.references)]
    assert found == [("[7]", ["ref-7"]), ("[12]", ["ref-12"])]


def _page_lines(path: Path) -> tuple[list, float]:
    import pypdfium2 as pdfium

    from ingest.pdf import _page_chars

    document = pdfium.PdfDocument(str(path))
    page = document[0]
    textpage = page.get_textpage()
    lines = _lines_of(1, _page_chars(page, textpage))
    width = page.get_width()
    textpage.close()
    page.close()
    document.close()
    return lines, width


def test_a_table_of_short_cells_is_no_three_column_page(tmp_path: Path) -> None:
    # a one-column page with a table of three columns of numbers: the cells start in columns too,
    # but do not fill them, so the page keeps PDFium's order (row by row)
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((56, 60), "Milk composition of six bears, grams per litre, at days 1 to 30.",
                     fontsize=10)
    for row in range(8):
        for column, value in enumerate((f"{row + 1}", f"{10 + row}.5", f"{3 * row}.1")):
            page.insert_text((56 + 180 * column, 90 + 14 * row), value, fontsize=10)
    path = tmp_path / "table.pdf"
    doc.save(str(path))
    lines, width = _page_lines(path)
    assert _column_starts(lines) == []
    assert [ln.text for ln in _reading_order(lines, width)] == [ln.text for ln in lines]


# --- notation glued to a symbol is no citation (every route) -----------------------------------

@pytest.mark.parametrize("sentence", [
    "The first two principal components (t[1] and t[2]) explained 81% of the variance.",
    "Samples on the negative side of the score plot had negative loadings in the line-plot p[1].",
    "The predictive variation (t[1]) and the orthogonal variation (to[1]) separated the groups.",
    "The plot of predictive t[1] vs. orthogonal to[1] components showed two clusters.",
    "The loading plot for the t[1]/t[2] score plot is shown below.",
])
def test_an_index_glued_to_a_symbol_cites_nothing(sentence: str) -> None:
    assert _markers(sentence) == []


@pytest.mark.parametrize("sentence, numbers", [
    # glued to a word, a capital, a unit; spaced inside; a number larger than an index
    ("Nitrite accumulates in the lungs of guinea pigs [3] and rats[4], measured after a week.", (3, 4)),
    ("Taxes were paid by the non-contributors either[2] in the first year.", (2,)),
    ("Species richness was estimated with the methods developed by[ 3 ] with slight changes.", (3,)),
    ("Rarefaction curves were drawn using the iNEXT package in R[ 9 ] for Hill numbers.", (9,)),
    ("Glucose stayed below 92 mg/dL[5] in every trimester.", (5,)),
    ("Interleukin release rose with TNF-α[6] in the treated mice.", (6,)),
    ("Mood fell after a night of short sleep (see x[12]).", (12,)),
])
def test_a_citation_glued_to_a_word_still_cites(sentence: str, numbers: tuple[int, ...]) -> None:
    assert _links(sentence)[sentence] == _keys(*numbers)


def _notation_pdf(path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 80.0
    page.insert_text((56, y), "Volatile compounds of fermented milk", fontsize=16)
    for line in ("Fermented milk differs from the control in its volatile compounds [1,2].",
                 "The first two principal components (t[1] and t[2]) explained most of the variance,",
                 "and the loadings p[1] separated the esters from the acids [2]."):
        y += 16
        page.insert_text((56, y), line, fontsize=10)
    y += 30
    page.insert_text((56, y), "References", fontsize=14)
    for number, entry in enumerate(("Abbott AB, Smith CD. Milk sugars of mammals. J Dairy Sci. 2001;1:1-9.",
                                    "Baker EF, Jones GH. Esters in cheese. Food Chem. 2002;2:10-19."),
                                   start=1):
        y += 16
        page.insert_text((56, y), f"{number}. {entry}", fontsize=9)
    doc.save(str(path))


def test_the_pdf_route_reads_an_index_as_no_citation(tmp_path: Path) -> None:
    path = tmp_path / "mdpi.pdf"
    _notation_pdf(path)
    doc = read_pdf(path)[0]
    found = [(doc.text[s:e], keys) for s, e, keys in citation_spans(doc, doc.references)]
    assert found == [("[1,2]", ["ref-1", "ref-2"]), ("[2]", ["ref-2"])]


# --- an author list wrapped after a comma, affiliations, an abstract with no heading -----------

def _raised(page: pymupdf.Page, x: float, y: float, text: str, size: float, fontname: str = "helv") -> float:
    """`text` at (x, y), then returns the x after it; digits in it marked by ^…^ are printed raised and
    small, as a typesetter sets superscripts."""
    for index, piece in enumerate(text.split("^")):
        raised = index % 2 == 1
        fontsize = size * 0.6 if raised else size
        page.insert_text((x, y - (size * 0.35 if raised else 0)), piece, fontsize=fontsize, fontname=fontname)
        x += pymupdf.get_text_length(piece, fontname=fontname, fontsize=fontsize)
    return x


def _nature_pdf(path: Path) -> None:
    """Scientific Reports' first page: an author list in larger type wrapped after a comma with raised
    affiliation numbers, an abstract printed with no heading, an introduction citing by superscripts, the
    affiliations at the foot ("…, Germany. ²Department of …"), then a numbered list."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((56, 80), "Rooks and their neighbours", fontsize=24)
    _raised(page, 56, 110, "Ada Krois^1,3^, Ben Cantu^1^, Cleo Patil^2^,", 12.5)  # heading-sized type
    _raised(page, 56, 124, "Dana Gaudin^4^, Emil Gehrung^1^ & Fay Schwendicke^1^", 12.5)
    y = 150.0
    for line in ("We assessed how young rooks learn which neighbours to avoid. Our birds met each",
                 "neighbour twice a day for a week. They avoided the neighbours that had chased them."):
        page.insert_text((56, y), line, fontsize=10)
        y += 12
    y += 12
    for line in ("Birds that breed in colonies meet the same neighbours every day and learn whom to",
                 "avoid^1^. Earlier work found that such learning needs repeated meetings^2,3^.",
                 "Here we ask how quickly young rooks learn it, and whether they forget it again."):
        _raised(page, 56, y, line, 10)
        y += 12
    y += 30
    _raised(page, 56, y, "^1^Department of Zoology, University of Berlin, Berlin, Germany. ^2^Department of "
            "Ecology,", 8)
    _raised(page, 56, y + 10, "University of Lucknow, Lucknow, India. ^3^Institute of Birds, Oxford, UK.", 8)
    page.insert_text((56, y + 40), "References", fontsize=13, fontname="hebo")
    for number, entry in enumerate(("Abbott, A. Colonies of rooks. J. Zool. 1, 1-9 (2001).",
                                    "Baker, B. Meeting neighbours. Anim. Behav. 2, 10-19 (2002).",
                                    "Carter, C. Learning whom to avoid. Ethology 3, 20-29 (2003)."), start=1):
        page.insert_text((56, y + 40 + 16 * number), f"{number}. {entry}", fontsize=9)
    doc.save(str(path))


@pytest.fixture(scope="module")
def nature(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path = tmp_path_factory.mktemp("nature") / "scirep.pdf"
    _nature_pdf(path)
    return read_pdf(path)[0]


def test_an_author_list_wrapped_after_a_comma_is_no_heading(nature: ParsedDocument) -> None:
    assert [nature.text[b.start:b.end] for b in nature.blocks if b.kind == HEADING] == ["References"]
    authors = next(b for b in nature.blocks if nature.text.startswith("Ada Krois", b.start))
    assert "Fay Schwendicke" in nature.text[authors.start:authors.end]


def test_only_the_bodys_superscripts_cite(nature: ParsedDocument) -> None:
    # not the authors' affiliation numbers above the unheaded abstract, nor the affiliations' own
    # labels ("Germany. ²Department"), which are glued to the word they label
    marks = [(nature.text[c.start:c.end], c.keys) for c in nature.citations]
    assert marks == [("[1]", ["ref-1"]), ("[2,3]", ["ref-2", "ref-3"])]


def test_a_raised_number_glued_to_a_capitalised_word_labels_it() -> None:
    from ingest.pdf import _labels_next

    text = "Berlin, Germany. 2Department of Ecology; deep learning1 and more; avoid2. Earlier work3 In"
    assert _labels_next(text, text.index("2Department") + 1)
    assert not _labels_next(text, text.index("learning1") + len("learning1"))
    assert not _labels_next(text, text.index("avoid2") + len("avoid2"))
    assert not _labels_next(text, text.index("work3") + len("work3"))  # a space before the next word


# --- a spacing accent printed as a glyph of its own over its letter -----------------------------

def _with_accent(page: pymupdf.Page, x: float, y: float, text: str, letter_at: int, accent: str,
                 size: float) -> None:
    """`text` at (x, y), then `accent` centred over its character `letter_at`, written after the
    whole line (PDFium then gives it after the line's last word, as in Frontiers' PDFs)."""
    page.insert_text((x, y), text, fontsize=size)
    left = x + pymupdf.get_text_length(text[:letter_at], fontsize=size)
    width = pymupdf.get_text_length(text[letter_at], fontsize=size)
    accent_width = pymupdf.get_text_length(accent, fontsize=size)
    page.insert_text((left + (width - accent_width) / 2, y), accent, fontsize=size)


def test_a_spacing_accent_over_a_letter_is_part_of_it(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((56, 70), "Dogs and wolves", fontsize=20)
    lines = ["Wolves attend to each other as closely as dogs do, and more than pets attend to people.",
             "Young wolves watch their partners before they act (Ostojic and Clayton, 2014).",
             "All pups were kept warm for an hour after the test, as the dogs were kept before."]
    y = 110.0
    for index, line in enumerate(lines + lines[::2] * 3):
        if index == 1:
            _with_accent(page, 56, y, line, line.index("Ostojic") + 6, "´", 10)
        else:
            page.insert_text((56, y), line, fontsize=10)
        y += 12
    page.insert_font(fontname="serif", fontfile=REGULAR)  # a font that has the ring
    page.insert_text((56, y), "Pups were kept at 37˚C.", fontname="serif", fontsize=10)
    page.insert_text((56, y + 20), "References", fontsize=13)
    _with_accent(page, 56, y + 40, "Ostojic, L., and Clayton, N. (2014). Behavioural coordination of dogs",
                 6, "´", 9)
    page.insert_text((66, y + 51), "and their owners. Anim. Cogn. 17, 12-19.", fontsize=9)
    path = tmp_path / "frontiers.pdf"
    doc.save(str(path))
    pdf = read_pdf(path)[0]
    assert "(Ostojić and Clayton, 2014)." in pdf.text and "´" not in pdf.text
    assert "37˚C" in pdf.text  # a ring over no letter stays
    assert [a.family for a in pdf.references[0].authors] == ["Ostojić", "Clayton"]
    markers = {pdf.text[s:e] for s, e, keys in citation_spans(pdf, pdf.references) if keys == ["ostojic2014"]}
    assert "(Ostojić and Clayton, 2014)" in markers  # (the sentences after it may carry its account on)


def test_a_raised_number_after_a_version_number_cites() -> None:
    from ingest.pdf import _after_word_or_punctuation

    text = "performed using the Python library scipy 1.5.217. At 10 6 cells and 2.5 2 mm"
    assert _after_word_or_punctuation(text, text.index("17."))  # "scipy 1.5.2¹⁷": no power of a version
    assert not _after_word_or_punctuation(text, text.index("6 cells"))  # "10⁶"
    assert not _after_word_or_punctuation(text, text.index("2 mm"))  # "2.5²"
