"""The PDF reader on publisher layouts, each rebuilt here as a small PDF written by PyMuPDF (a
test-only tool; the reader uses pypdfium2) with the property the rule needs, in our own words:
superscript markers read from the layout (after units and percentages, a line PDFium breaks after a
raised number, affiliation numbers in the byline), numbered reference lists set with right-aligned
numbers or interrupted by another section, corporate authors, a supplementary table's second
reference list, running heads just below the 9% margin, paragraphs that cross columns and pages,
bold table heads smaller than the body, compounds broken at their hyphen, characters outside the
BMP. The layouts are those of publisher PDFs the PDF route was developed on (SciELO's BJMBR, Cad
Saúde Colet and Acta Amazonica, Hindawi; fetched data kept outside the repository, see
docs/data/fresh-pdf.md); every assertion quotes what the built page prints."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf
import pytest

from ingest.model import HEADING, PARAGRAPH, REFERENCES, Block, LayoutBox, ParsedDocument
from ingest.pdf import _after_word_or_punctuation, _bracketed, _entry_label, boxes_for, read_pdf

WIDTH, HEIGHT = 595.0, 842.0
LEFT, RIGHT, COLUMN = 50.0, 310.0, 235.0  # two columns: x of each, width of each
FONTS = {"helv": pymupdf.Font("helv"), "hebo": pymupdf.Font("hebo")}


def width(text: str, size: float = 10.0, bold: bool = False) -> float:
    """The printed width of a line (superscript marks `^…^` left out)."""
    return FONTS["hebo" if bold else "helv"].text_length(text.replace("^", ""), fontsize=size)


class Sheet:
    """A PDF written line by line in PyMuPDF's standard Helvetica: each call prints one line at a
    baseline; `^12^` inside a line prints 12 raised and smaller (a superscript marker), as its own
    text object, the way publishers' PDFs set them."""

    def __init__(self, pages: int) -> None:
        self.doc = pymupdf.open()
        for _ in range(pages):
            self.doc.new_page(width=WIDTH, height=HEIGHT)

    def line(self, page: int, x: float, y: float, text: str, size: float = 10.0, bold: bool = False,
             room: float = WIDTH) -> None:
        """`text` from (x, baseline y) on page `page` (1-based), no wider than `room`."""
        assert width(text, size, bold) <= room, f"{text!r} is wider than {room}"
        font = "hebo" if bold else "helv"
        for index, piece in enumerate(re.split(r"\^([^^]+)\^", text)):
            raised = index % 2 == 1
            shown = size * 0.6 if raised else size
            if piece:
                self.doc[page - 1].insert_text((x, y - 0.35 * size if raised else y), piece, fontsize=shown,
                                               fontname=font)
            x += FONTS[font].text_length(piece, fontsize=shown)

    def column(self, page: int, x: float, y: float, lines: list[str], size: float = 10.0,
               leading: float = 12.0, room: float = COLUMN) -> float:
        """Lines of one column, one under the other; the baseline after the last."""
        for text in lines:
            self.line(page, x, y, text, size, room=room)
            y += leading
        return y

    def entry(self, page: int, number_end: float, y: float, number: str, lines: list[str],
              size: float = 9.0, leading: float = 11.0, room: float = COLUMN) -> float:
        """A numbered reference entry: the number right-aligned to end at `number_end`, the text and
        its further lines from just after it (a hanging indent)."""
        self.line(page, number_end - width(number, size), y, number, size)
        return self.column(page, number_end + 3, y, lines, size, leading, room)

    def save(self, path: Path) -> Path:
        """Saved with a FontDescriptor on each font, as a publisher's PDF has: its StemV gives PDFium
        the weight (bold reads as bold), and one ascent and descent for both fonts keeps their sizes
        comparable."""
        fonts = {xref: base for page in self.doc for xref, _e, _t, base, _n, _c in page.get_fonts()}
        for xref, base in fonts.items():
            descriptor = self.doc.get_new_xref()
            stem = 140 if base.endswith("Bold") else 80
            self.doc.update_object(descriptor, (
                f"<< /Type /FontDescriptor /FontName /{base} /Flags 32 /FontBBox [-170 -228 1003 962] "
                f"/ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV {stem} >>"))
            self.doc.xref_set_key(xref, "FontDescriptor", f"{descriptor} 0 R")
        self.doc.save(str(path))
        return path


# --- a single-column Portuguese article citing by superscripts (the layout of Cad Saúde Colet) ---

FULL = 475.0  # the single column's width, from x = 60
GESTACAO_BODY_1 = [
    "O diabetes diagnosticado pela primeira vez durante a gestação^2^. Dados de prevalência no país",
    "ainda são escassos, e os estudos usam critérios diferentes para o diagnóstico, como a glicemia de",
    "jejum de 95mg/dL^3^, o critério mais usado nos serviços, ou testes de tolerância à glicose com",
    "especificidade de 90%^20-25^. A prevalência varia entre 7% (95mg/dL)^6^ a 18% (92mg/dL)^7^, conforme",
    "o ponto de corte adotado, e cresce com a idade materna e com o excesso de peso antes da gravidez.",
    "O inquérito telefônico Vigitel^26^, no qual as mulheres relatam o diagnóstico recebido, mostra",
    "números menores, porque muitas gestantes não fazem o teste no tempo recomendado pelas normas.",
]
GESTACAO_BODY_2 = [
    "Outros trabalhos mostram que o rastreamento em todas as gestantes reduz as complicações do parto,",
    "e que uma única medida da glicemia em jejum no início do pré-natal, feita na primeira consulta,",
    "já seria suficiente^1,4^. Essa redução depende do acesso ao serviço, da qualidade do registro e do",
    "seguimento das mulheres com resultado alterado até o fim da gravidez e depois do parto^5^.",
]
GESTACAO_RESULTS = [
    "Foram incluídas 1.204 gestantes, com idade média de 27 anos; a maioria tinha o ensino médio",
    "completo e vivia em área urbana. A prevalência do diabetes foi de 9,8%, maior entre as mulheres",
    "com mais de 35 anos e entre aquelas com excesso de peso no início da gestação^8^, como esperado.",
]
GESTACAO_TABLE = ["Tabela 1. Características das gestantes incluídas no estudo", "Idade (anos)      27,1",
                  "Ensino médio completo      61%"]
GESTACAO_AFTER_TABLE = ["A glicemia de jejum alterada foi o achado mais comum entre as gestantes",
                        "com diagnóstico, seguida do teste de tolerância alterado."]
GESTACAO_DISCUSSION = [
    "A prevalência encontrada está próxima da descrita em outros estudos nacionais^9^ e mostra a",
    "importância do rastreamento no pré-natal, sobretudo nas regiões com menor cobertura de serviços.",
    "Nas unidades estudadas, o teste de tolerância raramente foi feito entre a 24ª e a 28ª semana, e",
    "muitas mulheres chegaram ao parto sem diagnóstico, o que limita a comparação com outros países.",
    "A medida única da glicemia em jejum é simples, barata e aceita pelas gestantes, mas deixa de",
    "identificar parte dos casos; por isso, os serviços que podem oferecer o teste completo devem",
    "continuar a fazê-lo, e os demais devem ao menos registrar o resultado de forma padronizada.",
    "O estudo tem limitações: a amostra veio de uma só cidade, e o peso antes da gravidez foi relatado",
    "pelas próprias gestantes, o que pode ter subestimado a frequência do excesso de peso entre elas.",
    "Mesmo assim, os resultados apoiam a inclusão do rastreamento universal nas rotinas do pré-natal.",
]
GESTACAO_REFERENCES = {
    6: ["Brasil. Ministério da Saúde. Gestação de alto risco: manual técnico. 5. ed. Brasília: Editora do",
        "Ministério da Saúde; 2012."],
}
SURNAMES = ["Almeida", "Barros", "Cardoso", "Dias", "Esteves", "Freitas", "Gomes", "Horta", "Igreja",
            "Jardim", "Klein", "Lacerda", "Macedo", "Nunes", "Oliveira", "Pires", "Queiroz", "Ramos",
            "Siqueira", "Teixeira", "Uchoa", "Vieira", "Xavier", "Zanetti", "Arruda", "Bento", "Coelho",
            "Duarte"]


def _gestacao_pdf(path: Path) -> Path:
    sheet = Sheet(3)
    sheet.line(1, 60, 110, "Diabetes na gestação: prevalência e fatores associados", 16, bold=True)
    sheet.line(1, 60, 135, "Marina Alves Souza^1^, Pedro Lima Rocha^1^, Júlia Campos Prado^2^")
    sheet.line(1, 60, 165, "Resumo", 11, bold=True)
    y = sheet.column(1, 60, 182, [
        "Objetivo: estimar a prevalência do diabetes na gestação e descrever os fatores associados.",
        "Métodos: estudo transversal com gestantes atendidas em unidades básicas de saúde.",
    ], room=FULL)
    sheet.line(1, 60, y + 12, "INTRODUÇÃO", 11, bold=True)
    sheet.column(1, 60, y + 30, GESTACAO_BODY_1, room=FULL)
    sheet.column(2, 60, 80, GESTACAO_BODY_2, room=FULL)
    sheet.line(2, 60, 150, "RESULTADOS", 11, bold=True)
    y = sheet.column(2, 60, 168, GESTACAO_RESULTS, room=FULL)
    sheet.line(2, 60, y + 6, GESTACAO_TABLE[0], 8)
    sheet.line(2, 60, y + 18, "Grau de escolaridade", 8, bold=True)  # a bold row head, smaller than body
    sheet.column(2, 60, y + 30, GESTACAO_TABLE[1:], 8, 10, room=FULL)
    y = sheet.column(2, 60, y + 62, GESTACAO_AFTER_TABLE, room=FULL)
    sheet.line(2, 60, y + 12, "DISCUSSÃO", 11, bold=True)
    sheet.column(2, 60, y + 30, GESTACAO_DISCUSSION, room=FULL)
    sheet.line(3, 60, 80, "REFERÊNCIAS", 11, bold=True)
    y = 98
    for number in range(1, 29):
        lines = GESTACAO_REFERENCES.get(number) or [f"{SURNAMES[number - 1]} AB, Souza CD. Estudo {number} "
                                                    f"sobre glicemia. Rev Teste. {1990 + number};1:1-9."]
        y = sheet.entry(3, 72, y, f"{number}.", lines, 8, 10, room=FULL)
    return sheet.save(path)


@pytest.fixture(scope="module")
def cadsc(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    return read_pdf(_gestacao_pdf(tmp_path_factory.mktemp("pdf") / "gestacao.pdf"))[0]


# --- a two-column article citing "(1)", its list numbers right-aligned (the layout of BJMBR) -------

NURSES_RUNNING_HEAD = "Night-shift naps and reaction time - implications for nurses {page}/3"
NURSES_PAGE_1_LEFT = [
    "Nurses who work at night sleep less than those on",
    "day shifts, and short sleep slows their responses (1).",
    "The psychomotor vigilance test measures that loss",
    "and is used widely due to its high sensitivity (2,3).",
    "",
    "A nap during the night shift, which their co-",
    "workers can cover, is one remedy for the task-",
    "related errors that follow short sleep. The pro-",
    "tocol of this study followed the published",
    "protocol for field tests, with ten minutes of testing",
    "at the end of each shift. We took the median of",
    "each nurse, and a slower median response in the",
    "morning after the shift (reaction time in the slowest",
]
NURSES_PAGE_1_RIGHT = [
    "third) doubled the number of errors in routine tasks,",
    "as earlier field studies had found (4,5).",
    "",
    "Nurses differ in how well they tolerate night work,",
    "and some recover within one day while others need",
    "several days. The mechanisms that set the",
]
NURSES_PAGE_2_LEFT = [
    "pace of recovery after a night shift are unclear.",
    "",
    "Twenty nurses worked two night shifts, one with a",
    "nap of thirty minutes at three in the morning and",
    "one without, in random order and two weeks apart.",
    "Each nurse and two co-workers took the test (6,7).",
]
NURSES_PAGE_2_RIGHT = [
    "Reaction time after the nap shift was shorter by",
    "18 ms on average, and the errors related to each",
    "task fell by a third. The effect was larger in the",
    "nurses who slept least the day before (8-10).",
    "A short nap is a cheap remedy for the slow",
    "responses and errors after a night of work (11-14).",
]
NURSES_REFERENCES = [  # 1..14; 1-10 in the left column of page 3, 11-14 in the right one
    ["Okafor P, Brandt LM. Sleep restriction and vigilance in", "young adults. Sleep Med Rep. 2014;6:9-15."],
    ["Moreau JA, Sato E. Errors in routine tasks after a night",
     "without sleep. Ergonomics. 2015;58:611-20."],
    ["Nakamura K. Drowsy driving after night shifts. Traffic", "Inj Prev. 2011;12:101-8."],
    ["Osei R, Lund T. A field test of vigilance. J Sleep Res.", "2012;21:33-41."],
    ["Ferreira D, Kowalski H. Lapses and errors in nurses.", "Int J Nurs Stud. 2016;60:12-19."],
    ["Papadopoulos G. Timing of naps on night shifts.", "Chronobiol Int. 2018;33:45-52."],
    ["Ibsen M, Rao S. Crossover trials of napping. Sleep.", "2017;40:1-8."],
    ["Lindgren NJ. Sleep before the night shift. J Occup", "Health. 2013;55:70-7."],
    ["Haddad AR, Berg IH. Recovery sleep after night work.", "Scand J Work Environ Health. 2019;45:23-31."],
    ["Quintero M. Shift work and safety. Occup Med. 2010;", "60:88-94."],
    ["Uhlen M, Fagerberg L. Naps and lapses at work. Ind", "Health. 2020;58:99-107."],
    ["Vasquez R. The cost of fatigue in hospitals. Health", "Econ. 2021;30:200-9."],
    ["Wong T, Adeyemi K. Nap rooms for nurses. Nurs Times.", "2022;118:14-6."],
    ["Zhou L. Fatigue and medication errors. BMJ Qual Saf.", "2023;32:5-12."],
]


def _nurses_pdf(path: Path) -> Path:
    sheet = Sheet(3)
    number_end = WIDTH - LEFT
    sheet.line(1, number_end - width("1/3", 8), 82, "1/3", 8)  # page 1's folio, ending at 10% of the page
    for page in (2, 3):  # running heads ending at 10% of the page, under the 12% band, over the 9% one
        sheet.line(page, LEFT, 82, NURSES_RUNNING_HEAD.format(page=page), 8)
    sheet.line(1, LEFT, 125, "Night-shift naps and reaction time in nurses", 16, bold=True)
    sheet.line(1, LEFT, 145, "Ana Batista^1^, Rui Fonseca^2,4^ and Lia Moreno^3^")
    sheet.line(1, LEFT, 180, "Introduction", 11, bold=True)
    y = 198
    for text in NURSES_PAGE_1_LEFT:
        if text:
            sheet.line(1, LEFT, y, text, room=COLUMN)
        y += 12
    y = 180
    for text in NURSES_PAGE_1_RIGHT:
        if text:
            sheet.line(1, RIGHT, y, text, room=COLUMN)
        y += 12
    y = 110
    for text in NURSES_PAGE_2_LEFT:
        if text:
            sheet.line(2, LEFT, y, text, room=COLUMN)
        y += 12
    sheet.line(2, RIGHT, 110, "Results", 11, bold=True)
    sheet.column(2, RIGHT, 128, NURSES_PAGE_2_RIGHT)
    sheet.line(3, LEFT, 110, "References", 11, bold=True)
    y = 128
    for number, lines in enumerate(NURSES_REFERENCES[:10], start=1):
        y = sheet.entry(3, LEFT + 13, y, f"{number}.", lines)  # "1." right-aligned, indented past "10."
    sheet.line(3, RIGHT, 110, "Acknowledgments", 11, bold=True)
    y = sheet.column(3, RIGHT, 128, ["We thank the nurses who gave up two nights of",
                                     "sleep for this study."], 9, 11)
    y += 8
    for number, lines in enumerate(NURSES_REFERENCES[10:], start=11):
        y = sheet.entry(3, RIGHT + 13, y, f"{number}.", lines)
    return sheet.save(path)


# --- a two-column author-year article with a supplementary table's own list (Acta Amazonica) -----

FOREST_LOGO = "SILVESTRIS"  # the journal's logo on every page, its foot at 9.1% of the page
FOREST_LEFT = [
    "Forests modified by human use keep part of their",
    "plant diversity, and how much they keep depends",
    "on the history of each plot (Berg and Lindqvist",
    "2015). Old secondary forest may hold as many tree",
    "species as the primary forest around it, while the",
    "young regrowth holds few of them, and the canopy",
    "may or may not be layered in strata (Moreau et al.",
]
FOREST_RIGHT = [
    "2016). The canopy layer shades the understorey and",
    "keeps the soil moist through the dry season, which",
    "favours the seedlings of shade-tolerant species.",
]
FOREST_METHODS = [
    "We counted every tree over 10 cm in diameter in",
    "twelve plots of one hectare and measured diversity",
    "with the indices described by Magurran (2012).",
]
FOREST_RESULTS = [
    "Evenness was highest in the old secondary plots",
    "and lowest in the young regrowth (Table 2).",
]
FOREST_REFERENCES = [
    ["Berg, I.; Lindqvist, T. 2015. Canopy gaps and tree", "recruitment in secondary forest. Forest Ecology,",
     "12: 1-9."],
    ["Magurran, A.E. 2012. Measuring Biological Diversity.", "Blackwell, Oxford, 256p."],
    ["Moreau, J.; Sato, E.; Okafor, P. 2016. Layers of the",
     "canopy in regrowth forest. Biotropica Testica, 8:", "45-60."],
    ["Quintero, M.; Wei, L. 2019. Conservation in human-", "modified Amazonian forest. Conservation Letters,",
     "3: 10-19."],
]
FOREST_TABLE_S1_REFERENCES = [
    ["Halvorsen, B. 1970. A dominance index for plant plots.", "Oecologia Testica, 4: 11-19."],
    ["Magurran, A.E. 2012. Measuring Biological Diversity.", "Blackwell, Oxford, 256p."],
]


def _forest_pdf(path: Path) -> Path:
    sheet = Sheet(2)
    for page in (1, 2):
        sheet.line(page, LEFT, 74, FOREST_LOGO, 12, bold=True)
    sheet.line(1, LEFT, 125, "Tree diversity in secondary forest plots", 16, bold=True)
    sheet.line(1, LEFT, 145, "Marta QUINTERO, Li WEI")
    sheet.line(1, LEFT, 180, "INTRODUCTION", 11, bold=True)
    sheet.column(1, LEFT, 198, FOREST_LEFT)
    y = sheet.column(1, RIGHT, 180, FOREST_RIGHT)
    sheet.line(1, RIGHT, y + 10, "MATERIAL AND METHODS", 11, bold=True)
    y = sheet.column(1, RIGHT, y + 28, FOREST_METHODS)
    sheet.line(1, RIGHT, y + 4, "Table 2. Diversity of the plots.", 8)
    sheet.line(1, RIGHT, y + 14, "Evenness measures", 8, bold=True)  # a row group: bold, smaller than body
    sheet.column(1, RIGHT, y + 24, ["Pielou J      0.81      0.64", "Simpson E      0.77      0.52"], 8, 10)
    sheet.line(1, RIGHT, y + 56, "RESULTS", 11, bold=True)
    sheet.column(1, RIGHT, y + 74, FOREST_RESULTS)
    sheet.line(2, LEFT, 110, "REFERENCES", 11, bold=True)
    y = 128
    for lines in FOREST_REFERENCES:  # hanging indent
        sheet.line(2, LEFT, y, lines[0], 9, room=COLUMN)
        y = sheet.column(2, LEFT + 10, y + 11, lines[1:], 9, 11)
    sheet.line(2, RIGHT, 110, "SUPPLEMENTARY MATERIAL", 11, bold=True)
    sheet.column(2, RIGHT, 128, ["Table S1. Species recorded in the plots and the",
                                 "works that describe them."], 9, 11)
    sheet.line(2, RIGHT, 160, "REFERENCES", 11, bold=True)
    y = 178
    for lines in FOREST_TABLE_S1_REFERENCES:
        sheet.line(2, RIGHT, y, lines[0], 9, room=COLUMN)
        y = sheet.column(2, RIGHT + 10, y + 11, lines[1:], 9, 11)
    return sheet.save(path)


def _astral_pdf(path: Path) -> Path:
    """A page whose math italic letters (U+1D465 𝑥, U+1D466 𝑦, outside the BMP) map to UTF-16 surrogate
    pairs in the font's ToUnicode CMap, as a Hindawi PDF sets them: PDFium then counts each as two
    characters. PyMuPDF writes the code points as 5 hex digits, so the CMap is rewritten to pairs."""
    doc = pymupdf.open()
    page = doc.new_page(width=WIDTH, height=HEIGHT)
    letters = " ".join("\U0001d465\U0001d466" for _ in range(20))
    page.insert_htmlbox(pymupdf.Rect(72, 72, 520, 400), f"<p>A note on gains</p><p>Let {letters} be the gain "
                        "and the loss of each plot.</p>")

    def surrogates(found: re.Match[str]) -> str:
        code = int(found.group(1), 16) - 0x10000
        return f"<{0xD800 + (code >> 10):04x}{0xDC00 + (code & 0x3FF):04x}>"

    for xref in range(1, doc.xref_length()):
        if doc.xref_is_stream(xref) and b"begincmap" in (stream := doc.xref_stream(xref)):
            doc.update_stream(xref, re.sub(r"<([0-9a-fA-F]{5,6})>", surrogates, stream.decode("latin-1"))
                              .encode("latin-1"))
    doc.save(str(path))
    return path


@pytest.fixture(scope="module")
def bjmbr(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    return read_pdf(_nurses_pdf(tmp_path_factory.mktemp("pdf") / "nurses.pdf"))[0]


@pytest.fixture(scope="module")
def acta(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    return read_pdf(_forest_pdf(tmp_path_factory.mktemp("pdf") / "forest.pdf"))[0]


def _block_of(doc: ParsedDocument, needle: str) -> Block:
    at = doc.text.index(needle)
    return next(b for b in doc.blocks if b.start <= at < b.end)


# --- numbered reference lists --------------------------------------------------------------

def test_right_aligned_numbers_open_entries_in_sequence(bjmbr: ParsedDocument) -> None:
    # "1." .. "9." are printed right-aligned, indented past "10.": each still opens its entry
    assert [r.label for r in bjmbr.references] == [str(n) for n in range(1, 15)]
    first, second = bjmbr.references[:2]
    assert first.authors[0].family == "Okafor" and "Moreau" not in first.fields["printed"]
    assert second.authors[0].family == "Moreau" and second.year == "2015"


def test_a_numbered_list_goes_on_after_a_section_printed_inside_it(bjmbr: ParsedDocument) -> None:
    # page 3: "Acknowledgments" heads the right column above the list's entries 11-14
    thanks = _block_of(bjmbr, "We thank the nurses who gave up two nights")
    assert thanks.kind == PARAGRAPH and thanks.section == "Acknowledgments"
    uhlen = _block_of(bjmbr, "11. Uhlen M, Fagerberg L")
    assert uhlen.kind == REFERENCES and uhlen.section == "References"
    assert bjmbr.references[10].authors[0].family == "Uhlen"


def test_entries_with_the_next_number_are_kept_though_their_authors_do_not_parse(
        cadsc: ParsedDocument) -> None:
    # "6. Brasil. Ministério da Saúde. Gestação de alto risco ..." (a corporate author)
    assert [r.label for r in cadsc.references] == [str(n) for n in range(1, 29)]
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
    assert "halvorsen1970" in keys  # a work only Table S1 cites is still a reference


# --- superscript markers -------------------------------------------------------------------

def test_superscripts_are_bracketed_markers_linked_to_the_list(cadsc: ParsedDocument) -> None:
    marks = {cadsc.text[c.start:c.end]: c.keys for c in cadsc.citations}
    assert "já seria suficiente[1,4]. Essa redução" in cadsc.text  # printed "suficiente¹,⁴."
    assert marks["[1,4]"] == ["ref-1", "ref-4"]
    assert "glicemia de jejum de 95mg/dL[3], o critério" in cadsc.text  # after a 2-letter unit
    assert "especificidade de 90%[20-25]." in cadsc.text  # after a percentage
    assert marks["[20-25]"] == [f"ref-{n}" for n in range(20, 26)]
    assert "telefônico Vigitel[26], no qual" in cadsc.text  # the full-size comma stays outside
    assert len(cadsc.citations) == 10


def test_affiliation_numbers_in_the_byline_are_not_citations(cadsc: ParsedDocument) -> None:
    # "Marina Alves Souza¹, Pedro Lima Rocha¹, Júlia Campos Prado²"
    resumo = next(b.start for b in cadsc.blocks if cadsc.text[b.start:b.end] == "Resumo")
    assert "Marina Alves Souza1, Pedro Lima Rocha1" in cadsc.text[:resumo]
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
    # the article cites "(2,3)"; its only raised numbers are the byline's "Batista¹", "Fonseca²,⁴"
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
    # "Night-shift naps ... implications for nurses 2/3" ends at 10% of the page, the logo at 9.1%
    assert "implications for nurses" not in bjmbr.text
    assert not re.search(r"(?m)^1/3$", bjmbr.text)  # page 1's folio, at 10% of the page
    assert not [b for b in acta.blocks if acta.text[b.start:b.end] == FOREST_LOGO]
    assert FOREST_LOGO not in acta.text
    # a sentence across pages 1-2, under page 2's running head
    assert "The mechanisms that set the pace of recovery after a night shift" in bjmbr.text


def test_a_paragraph_runs_on_into_the_next_column(acta: ParsedDocument, bjmbr: ParsedDocument) -> None:
    # left column ends "(Moreau et al.", the right column opens "2016). The canopy layer"
    assert "may or may not be layered in strata (Moreau et al. 2016). The canopy layer" in acta.text
    # page 1: "...after the shift (reaction time in the slowest" | "third) doubled the number"
    assert "(reaction time in the slowest third) doubled the number" in bjmbr.text
    assert _block_of(bjmbr, "A nap during") == _block_of(bjmbr, "earlier field studies had found (4,5).")


def test_bold_table_heads_smaller_than_the_body_are_not_sections(
        acta: ParsedDocument, cadsc: ParsedDocument) -> None:
    headings = [acta.text[b.start:b.end] for b in acta.blocks if b.kind == HEADING]
    assert {"INTRODUCTION", "MATERIAL AND METHODS", "RESULTS", "REFERENCES"} <= set(headings)
    assert "Evenness measures" not in headings  # Table 2's row group, 8 pt bold against 10 pt
    # the Tabela 1 of the Portuguese article prints "Grau de escolaridade" bold at 8 pt (body 10 pt)
    cadsc_headings = [cadsc.text[b.start:b.end] for b in cadsc.blocks if b.kind == HEADING]
    assert "Grau de escolaridade" not in cadsc_headings
    results, discussion = cadsc.text.index("RESULTADOS"), cadsc.text.index("DISCUSSÃO")
    assert {b.section for b in cadsc.blocks if b.kind == PARAGRAPH and results < b.start < discussion} \
        == {"RESULTADOS"}


def test_a_compound_broken_at_its_hyphen_keeps_it(bjmbr: ParsedDocument, acta: ParsedDocument) -> None:
    # "their co-|workers can cover", "the task-|related errors", but "The pro-|tocol of this study"
    assert "which their co-workers can cover" in bjmbr.text  # printed "co-workers" on page 2
    assert "for the task-related errors" in bjmbr.text  # "task" and "related" are printed as words
    assert "The protocol of this study" in bjmbr.text  # "protocol" is printed
    assert "Conservation in human-modified Amazonian forest" in acta.text  # an entry


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


def test_characters_outside_the_bmp_are_read_whole(tmp_path: Path) -> None:
    """PDFium counts a character outside the BMP (Hindawi's math italic letters) as two surrogate code
    units; they are one character, at the first unit's box, so the text encodes as UTF-8 and the claim
    ids can be made (a lone surrogate once ended the ingest with a UnicodeEncodeError)."""
    from ingest.pdf import joined_surrogates

    assert joined_surrogates("a\ud835\udc65b") == ["a", "\U0001d465", "", "b"]
    assert joined_surrogates("\ud835x\udc65") == ["\ufffd", "x", "\ufffd"]
    doc = read_pdf(_astral_pdf(tmp_path / "astral.pdf"))[0]
    doc.text.encode("utf-8")
    astral = [ch for ch in doc.text if ord(ch) > 0xFFFF]
    assert len(astral) == 40 and "\ufffd" not in doc.text
    assert "Let \U0001d465\U0001d466 \U0001d465\U0001d466 " in doc.text
    assert doc.text.endswith("be the gain and the loss of each plot.")
