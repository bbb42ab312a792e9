"""Read a PDF article with no server: pypdfium2 (PDFium; BSD-3/Apache-2.0) gives every character
with its box, size and weight, and this module rebuilds the article from them.

    read_pdf(path) -> [ParsedDocument]    (text, blocks, sentences, references, citations, layout)

- Lines from characters; reading order by columns (a two-column page is read left column, then
  right, band by band between full-width lines and blank strips under which both columns go on
  in smaller type: a reference list under the body's two columns); running heads, footers, page
  numbers and line numbers dropped (lines repeated in the top or bottom 12% of many pages, bare
  numbers in the margins); hyphenation at line ends joined ("devel-/oped" -> "developed", "Lieberman-/Aiden"
  keeps its hyphen, and so does a compound the document prints with it: "Prostate-/specific").
- Blocks from vertical gaps, indents and font changes; headings from font size, weight and
  numbering ("2.1 Methods"); every block carries its section heading. A sentence cut by what the
  page prints inside it (footnotes, a caption, a box) is joined across it, and a line PDFium
  breaks after a raised exponent stays one line.
- The reference list (after a References/Bibliography/Referências heading) is split into entries
  by the hanging indent, the gaps between entries or the next number in sequence, followed past
  a section printed inside it (Acknowledgments atop a column) and parsed by ingest.reflist.
- Superscript numbers (smaller characters raised above the line) of the body in a document with
  a numbered reference list that cites by them become MarkedCitations, printed "[1,4]" in the
  text, with any "[n]" markers; author-year, "(n)" and bracket citations otherwise go to the
  text detectors, which match them against `references`.
- `layout`: one LayoutBox per printed line (page, bbox in points, origin top left) covering
  every character of the text; `boxes_for(doc, start, end)` gives a span's boxes per page.

Bad input is one InputError naming the file: not a PDF, encrypted, damaged or truncated, no
text layer (a scan), more than MAX_PAGES pages or MAX_BYTES bytes. Time and memory grow with
the page count (about 20 ms a page), which the page cap bounds.
"""

from __future__ import annotations

import ctypes
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from graph.schema import DocumentKind, document_id
from ingest.model import (
    HEADING,
    PARAGRAPH,
    REFERENCES,
    TITLE,
    Block,
    InputError,
    LayoutBox,
    MarkedCitation,
    ParsedDocument,
    Reference,
)
from ingest.reflist import AFTER_REFERENCES, REFERENCE_HEADING, parse_entry, unique_keys

MAX_PAGES = 400
MAX_BYTES = 200 * 1024 * 1024
MIN_CHARS_PER_PAGE = 20     # fewer printable characters than this on average: no text layer
SOFT_HYPHEN = "\ufffe"      # PDFium's mark for a hyphen at a line end
HYPHENS = ("-", "\xad", SOFT_HYPHEN, "\u2010")
MARGIN_SHARE = 0.09         # page numbers and footers live in the top/bottom 9% of a page,
RUNNING_HEAD_SHARE = 0.12   # lines repeated page after page in the top/bottom 12% (journal logos)
PDF_HINT = "Give the publisher's PDF with a text layer, or the article as .txt, .md, .html or JATS .xml"


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool


@dataclass
class Line:
    """One printed line of one page."""

    page: int
    chars: list[Char]
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    size: float = 0.0
    bold: bool = False
    text: str = ""
    superscripts: list[tuple[int, int]] = field(default_factory=list)  # spans within `text`
    column: int | None = None  # its column on a page of three or more columns (None: see _column)

    def finish(self) -> Line:
        if any(c.text in SPACING_ACCENTS for c in self.chars):
            self.chars = _accents_combined(self.chars)
        chars = [c for c in self.chars if c.text.strip()]
        self.x0 = min(c.x0 for c in chars)
        self.x1 = max(c.x1 for c in chars)
        self.y0 = min(c.y0 for c in chars)
        self.y1 = max(c.y1 for c in chars)
        sizes = Counter(int(c.size * 2) / 2 for c in chars)  # to half a point
        self.size = sizes.most_common(1)[0][0]
        self.bold = sum(c.bold for c in chars) >= 0.8 * len(chars)
        baseline = statistics.median(c.y1 for c in chars if int(c.size * 2) / 2 == self.size)
        text, superscripts = "", []
        run_start: int | None = None
        for char in self.chars:
            raised = (char.text.strip() != "" and char.size < 0.85 * self.size
                      and char.y1 < baseline - 0.2 * self.size)
            if raised and run_start is None:
                run_start = len(text)
            elif not raised and run_start is not None and char.text not in ",–-":
                superscripts.append((run_start, len(text)))
                run_start = None
            text += char.text
        if run_start is not None:
            superscripts.append((run_start, len(text)))
        lead = len(text) - len(text.lstrip())
        self.text = text.strip()
        superscripts = [(s, s + len(text[s:e].rstrip(" ,–-"))) for s, e in superscripts]  # "26," + "no"
        self.superscripts = [(s - lead, e - lead) for s, e in superscripts
                             if re.fullmatch(r"\d[\d,–\-]*", text[s:e]) and e - lead <= len(self.text)]
        return self

    @property
    def height(self) -> float:
        return self.y1 - self.y0


# A spacing accent some typesetters print as a glyph of its own over the letter ("Ostojic´" for
# "Ostojić", "Rodr´ıguez" for "Rodríguez"), which PDFium may give words later in the line.
SPACING_ACCENTS = {"´": "\u0301", "¨": "\u0308", "ˆ": "\u0302", "˜": "\u0303", "¸": "\u0327",
                   "ˇ": "\u030c", "˘": "\u0306", "˙": "\u0307", "˚": "\u030a", "˝": "\u030b",
                   "¯": "\u0304"}


def _accents_combined(chars: list[Char]) -> list[Char]:
    """The line's characters with each spacing accent printed over a letter (its middle within the
    letter's box) made part of that letter ("c" + "´" -> "ć", dotless "ı" + "´" -> "í"), and a space
    it leaves doubled dropped. An accent over no letter ("37˚C") stays."""
    import unicodedata

    letters = [c for c in chars if c.text.isalpha()]
    dropped: set[int] = set()
    for index, accent in enumerate(chars):
        if accent.text not in SPACING_ACCENTS:
            continue
        middle = (accent.x0 + accent.x1) / 2
        under = [c for c in letters if c.x0 - 0.5 <= middle <= c.x1 + 0.5 and accent.y1 <= c.y1]
        if not under:
            continue
        base = min(under, key=lambda c: abs((c.x0 + c.x1) / 2 - middle))
        letter = "i" if base.text == "ı" else base.text
        base.text = unicodedata.normalize("NFC", letter + SPACING_ACCENTS[accent.text])
        dropped.add(index)
    kept: list[Char] = []
    for index, char in enumerate(chars):
        if index in dropped:
            continue
        if char.text == " " and kept and kept[-1].text == " " and index - 1 in dropped:
            continue  # "Clayton, ´ 2014" -> "Clayton, 2014"
        kept.append(char)
    return kept


# --- opening -------------------------------------------------------------------------------

def _open(path: Path):  # noqa: ANN202 - pypdfium2.PdfDocument
    """The PDF opened with PDFium, or an InputError saying what is wrong with the file."""
    import pypdfium2 as pdfium

    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror or err})",
                         hint="Check the path") from None
    if b"%PDF-" not in head:
        shown = "is empty" if not head else "is not a PDF (no %PDF- signature at its start)"
        raise InputError(str(path), shown, hint=PDF_HINT)
    if size > MAX_BYTES:
        raise InputError(str(path), f"is {size // 2**20} MB, over the {MAX_BYTES // 2**20} MB limit "
                         "for a PDF",
                         hint="Split it or give the article's text")
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise InputError(str(path), "is encrypted (password protected)",
                             hint="Save an unprotected copy (e.g. qpdf --decrypt) and ingest that") from None
        reason = re.findall(r"PDFium: ([^).]+)", str(err))
        shown = f" (PDFium: {reason[-1].lower()})" if reason else ""
        raise InputError(str(path), f"is damaged or truncated{shown}",
                         hint="Download the PDF again") from None
    if len(document) == 0:
        raise InputError(str(path), "has no pages (damaged or truncated)", hint="Download the PDF again")
    if len(document) > MAX_PAGES:
        raise InputError(str(path), f"has {len(document)} pages, over the {MAX_PAGES}-page limit",
                         hint="Split it into articles (qpdf --pages) and ingest each")
    return document


_SURROGATE = re.compile("[\ud800-\udfff]")
_NO_CHAR = ""  # the second code unit of a pair: its character is at the first one's index


def joined_surrogates(text: str) -> list[str]:
    """PDFium's characters, one per index, with each UTF-16 surrogate pair (a character outside the
    BMP, such as a math italic 𝑥, which PDFium counts as two) made one character at the first index
    (the second becomes empty, so indices keep their boxes), and a lone surrogate U+FFFD: text with
    lone surrogates cannot be written as UTF-8."""
    out: list[str] = []
    pending = ""
    for char in text:
        if "\ud800" <= char <= "\udbff":
            if pending:
                out.append("\ufffd")
            pending = char
            continue
        if "\udc00" <= char <= "\udfff" and pending:
            out.append((pending + char).encode("utf-16", "surrogatepass").decode("utf-16"))
            out.append(_NO_CHAR)
            pending = ""
            continue
        if pending:
            out.append("\ufffd")
            pending = ""
        out.append("\ufffd" if "\udc00" <= char <= "\udfff" else char)
    if pending:
        out.append("\ufffd")
    return out


def _page_chars(page, textpage) -> list[Char]:  # noqa: ANN001 - pypdfium2 objects
    """Every character of a page with its box (top-left origin), size (box height) and weight."""
    import pypdfium2.raw as pdfium_c

    height = page.get_height()
    raw = textpage.raw
    count = textpage.count_chars()
    all_text = textpage.get_text_range()
    if len(all_text) != count:  # characters outside the BMP: read them one by one
        all_text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 32) for i in range(count))
    units: str | list[str] = joined_surrogates(all_text) if _SURROGATE.search(all_text) else all_text
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    loose_box, weight_of, generated = (pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontWeight,
                                       pdfium_c.FPDFText_IsGenerated)
    font_info = pdfium_c.FPDFText_GetFontInfo
    name, flags = ctypes.create_string_buffer(128), ctypes.c_int()
    flags_ref = ctypes.byref(flags)
    font_names: set[bytes] = set()
    bold_names: set[bytes] = set()
    newline, space = Char("\n", 0, 0, 0, 0, 0, False), Char(" ", 0, 0, 0, 0, 0, False)
    chars: list[Char] = []
    append = chars.append
    word_bold: bool | None = None  # by the font's name, for the word under way (one look-up a word)
    for index, text in enumerate(units):
        if text == _NO_CHAR:
            continue
        if text in "\r\n":
            append(newline)
            word_bold = None
            continue
        if text.isspace() and generated(raw, index):
            append(space)
            word_bold = None
            continue
        loose_box(raw, index, rect_ref)
        top, bottom = rect.top, rect.bottom
        if text.isspace():  # a space's weight counts for nothing
            bold, word_bold = False, None
        elif (weight := weight_of(raw, index)) > 0:
            bold = weight >= 600
        elif word_bold is not None:
            bold = word_bold
        else:  # not stated (Adobe's "AdvTT…" fonts): the font's name says it
            font_info(raw, index, name, 128, flags_ref)
            bold = word_bold = name.value in bold_names if name.value in font_names else \
                _bold_name(name.value, font_names, bold_names)
        append(Char(text, rect.left, height - top, rect.right, height - bottom, top - bottom, bold))
    return chars


BOLD_FONT_NAME = re.compile(rb"bold|black|heavy|semibold|demibold|\.BI?$|-BI?$", re.I)


def _bold_name(name: bytes, seen: set[bytes], bold: set[bytes]) -> bool:
    """Whether a font whose weight PDFium cannot tell is bold by its name ("Minion-Bold",
    "AdvOT3b30f6db.B", "NmsrgkAdvTTb8864ccf.B"), remembered per name."""
    seen.add(name)
    if BOLD_FONT_NAME.search(name):
        bold.add(name)
        return True
    return False


def _lines_of(page_number: int, chars: list[Char]) -> list[Line]:
    """Lines: PDFium's line breaks, and breaks where the text jumps back left or to another row."""
    lines: list[Line] = []
    current: list[Char] = []

    def close() -> None:
        if any(c.text.strip() for c in current):
            lines.append(Line(page_number, list(current)).finish())
        current.clear()

    last: Char | None = None
    for char in chars:
        if char.text == "\n":
            close()
            last = None
            continue
        if char.text.strip() and last is not None:
            new_row = char.y0 > last.y1 - 0.2 * last.size and char.x0 < last.x0 - 5
            if new_row:
                close()
        current.append(char)
        if char.text.strip():
            last = char
    close()
    return _join_row_pieces(lines)


def _join_row_pieces(lines: list[Line]) -> list[Line]:
    """One printed line that PDFium broke in two, as after a raised exponent ("2 × 10⁷ | cells/ml"):
    the next piece starts on the same baseline just right of the last (closer than half the type
    size, nearer than any column gutter) and becomes part of it, with a space only where the page
    leaves one ("gestação² | . Dados" -> "gestação². Dados")."""
    joined: list[Line] = []
    for line in lines:
        last = joined[-1] if joined else None
        same_row = last is not None and abs(line.y1 - last.y1) < 0.3 * last.size
        if last is not None and same_row and abs(line.size - last.size) < 0.6 \
                and -0.5 <= line.x0 - last.x1 < 0.5 * last.size:
            left, right = list(last.chars), list(line.chars)
            spaced = line.x0 - last.x1 > 0.15 * last.size
            while left and not left[-1].text.strip():
                spaced = left.pop().text == " " or spaced
            while right and not right[0].text.strip():
                spaced = right.pop(0).text == " " or spaced
            gap = [Char(" ", last.x1, last.y0, line.x0, last.y1, last.size, False)] if spaced else []
            joined[-1] = Line(line.page, [*left, *gap, *right]).finish()
        else:
            joined.append(line)
    return joined


# --- cleaning -----------------------------------------------------------------------------

def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text.lower()).strip()


def _drop_furniture(pages: list[list[Line]], sizes: list[tuple[float, float]]) -> list[list[Line]]:
    """Without running heads, footers, page numbers and line numbers."""
    def in_band(line: Line, height: float, share: float) -> bool:
        return line.y1 < height * share or line.y0 > height * (1 - share)

    counts: Counter[str] = Counter()
    for page, (_width, height) in zip(pages, sizes, strict=True):
        counts.update({_furniture_key(line) for line in page if in_band(line, height, RUNNING_HEAD_SHARE)})
    repeated = {key for key, count in counts.items() if count >= max(2, 0.3 * len(pages))}
    kept_pages = []
    for page, (width, height) in zip(pages, sizes, strict=True):
        kept = []
        for line in page:
            folio = re.fullmatch(rf"(?:page\s*)?\d+\s*(?:of|/)\s*{len(pages)}", line.text, re.I)
            if in_band(line, height, RUNNING_HEAD_SHARE) and (_furniture_key(line) in repeated or folio):
                continue  # a running head, or "1/7" on the first page of seven
            if in_band(line, height, MARGIN_SHARE) and re.fullmatch(
                    r"(?:page\s*)?\d+(?:\s*(?:of|/)\s*\d+)?", line.text, re.I):
                continue
            if re.fullmatch(r"\d{1,4}", line.text) and (line.x1 < width * 0.1 or line.x0 > width * 0.9):
                continue  # a line number in the margin
            if line.height > 3 * max(line.size, 1.0) and len(line.text) > 3:
                continue  # text running up the margin (a rotated running head)
            kept.append(line)
        kept_pages.append(kept)
    return kept_pages


def _reading_order(lines: list[Line], width: float) -> list[Line]:
    """Lines in reading order: three or more columns, or two, band by band when the page has them."""
    starts = _column_starts(lines)
    if len(starts) >= 3:
        return _columns_in_bands(lines, starts)
    middle = width / 2
    left = [ln for ln in lines if ln.x1 < middle + 5]
    right = [ln for ln in lines if ln.x0 > middle - 5]
    if len(left) < 5 or len(right) < 5 or len(left) + len(right) < 0.6 * len(lines):
        return lines
    ordered: list[Line] = []
    band: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.y0, ln.x0)):
        if line.x0 < middle - 5 and line.x1 > middle + 5:  # full width: closes the band above
            ordered.extend(_band(band, middle))
            band = []
            ordered.append(line)
        else:
            band.append(line)
    ordered.extend(_band(band, middle))
    return ordered


def _band(lines: list[Line], middle: float) -> list[Line]:
    """A band of two columns: left column, then right, each part of it cut off by a strip of
    smaller type (`_smaller_type_below`) read after the part above it."""
    ordered: list[Line] = []
    for part in _parts_over_smaller_type(lines, middle):
        ordered += [ln for ln in part if ln.x0 < middle - 5] + [ln for ln in part if ln.x0 >= middle - 5]
    return ordered


STRIP_SHARE = 1.5  # a blank strip this many body lines high across both columns can part a band


def _parts_over_smaller_type(lines: list[Line], middle: float) -> list[list[Line]]:
    """The band cut where a blank strip crosses both columns and both columns go on below it in
    smaller type: a reference list (or footnotes) set in two columns under the last of the body,
    with no full-width line between (F1000Research prints its back matter atop the right column and
    the list's entries carry on at the foot of it). Read column by column, the left column's
    entries would run into the right column's body and back matter."""
    ordered = sorted(lines, key=lambda ln: (ln.y0, ln.x0))
    parts: list[list[Line]] = []
    start, reach = 0, None
    for index, line in enumerate(ordered):
        if reach is not None and index > start:
            above = ordered[start:index]
            gap = line.y0 - reach
            if gap > STRIP_SHARE * max(ln.size for ln in above[-4:]) \
                    and _smaller_type_below(above, ordered[index:], middle):
                parts.append(above)
                start = index
        reach = line.y1 if reach is None else max(reach, line.y1)
    parts.append(ordered[start:])
    return parts


def _smaller_type_below(above: list[Line], below: list[Line], middle: float) -> bool:
    """Both columns print lines above and below the strip, each ends above it in running text (no
    heading, which goes with what is under it: "References" over its entries), and in each the
    lines just below are at least a point smaller than the lines just above (median of three)."""
    for in_column in (lambda ln: ln.x1 < middle + 5, lambda ln: ln.x0 > middle - 5):
        over = [ln for ln in above if in_column(ln)][-3:]
        under = [ln.size for ln in below if in_column(ln)][:3]
        if not over or not under or over[-1].bold or over[-1].size > min(ln.size for ln in over):
            return False
        if statistics.median(under) > statistics.median(ln.size for ln in over) - 1.0:
            return False
    return True


COLUMN_INDENT = 15.0  # points: lines starting this close together start the same column (indents)
MIN_COLUMN_LINES = 5


def _column_starts(lines: list[Line]) -> list[float]:
    """The left edges of a page's columns when it prints three or more (the Royal Society's reference
    list): where at least MIN_COLUMN_LINES lines start within COLUMN_INDENT of each other, and the
    lines of each column, between its start and the next, fill most of that width (a table's cells
    start in rows too, but are short). Fewer than three such columns: none (the two-column rule)."""
    clusters: list[list[float]] = []
    for x0 in sorted(line.x0 for line in lines):
        if clusters and x0 - clusters[-1][-1] <= COLUMN_INDENT:
            clusters[-1].append(x0)
        else:
            clusters.append([x0])
    starts = [c[0] for c in clusters if len(c) >= MIN_COLUMN_LINES]
    if len(starts) < 3:
        return []
    right = max(line.x1 for line in lines)
    for index, start in enumerate(starts):
        last = index + 1 == len(starts)
        end = right if last else starts[index + 1]
        widths = [ln.x1 - ln.x0 for ln in lines if start - 3 <= ln.x0 < start + COLUMN_INDENT
                  and (last or ln.x1 < end - 2)]
        if len(widths) < MIN_COLUMN_LINES or statistics.median(widths) < 0.6 * (end - start - COLUMN_INDENT):
            return []
    return starts


def _columns_in_bands(lines: list[Line], starts: list[float]) -> list[Line]:
    """A page of three or more columns read band by band: a line reaching into the next column
    closes the band above it; inside a band each column is read top to bottom, left to right.
    Each column line keeps its column's index (`Line.column`)."""
    ordered: list[Line] = []
    band: list[list[Line]] = [[] for _ in starts]

    def close() -> None:
        for column in band:
            ordered.extend(column)
            column.clear()

    for line in sorted(lines, key=lambda ln: (ln.y0, ln.x0)):
        index = max((i for i, start in enumerate(starts) if start - 3 <= line.x0), default=-1)
        fits = index >= 0 and (index + 1 == len(starts) or line.x1 < starts[index + 1] - 2)
        if fits:
            line.column = index
            band[index].append(line)
        else:
            close()
            ordered.append(line)
    close()
    return ordered


def _column(line: Line) -> int | bool:
    """Which column of its page a line is in: its index on a page of three or more columns, else
    whether it starts right of COLUMN_SPLIT."""
    return line.column if line.column is not None else line.x0 >= COLUMN_SPLIT


# --- blocks -------------------------------------------------------------------------------

@dataclass
class _Para:
    lines: list[Line]
    kind: str = PARAGRAPH


def _paragraphs(lines: list[Line], body_size: float) -> list[_Para]:
    """Lines grouped into paragraphs and headings by gaps, indents and font."""
    paras: list[_Para] = []
    previous: Line | None = None
    edges: dict[tuple[int, bool], float] = {}  # (page, right half): left edge of its body lines
    for line in lines:
        if abs(line.size - body_size) < 0.6:
            column = (line.page, _column(line))
            edges[column] = min(edges.get(column, line.x0), line.x0)
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        heading = (_is_heading(line, body_size) or _heads_numbered_list(line, following)) \
            and not _after_comma(line, previous)
        if previous is not None and paras and not heading and paras[-1].kind == PARAGRAPH:
            gap = line.y0 - previous.y1
            same_column = abs(line.x0 - previous.x0) < 60 or line.page != previous.page
            continues = (
                (line.page != previous.page or -2 * line.height < gap < 0.8 * line.height)
                and abs(line.size - previous.size) < 1.0 and same_column
                and not (line.x0 > previous.x0 + 8 and previous.text.rstrip().endswith((".", ":", "?", "!")))
            )
            closed = paras[-1].lines[-1].text.rstrip().endswith((".", "?", "!", ":"))
            if line.page != previous.page and closed:
                continues = False
            if not continues and _flows_to_next_column(paras[-1], line, edges):
                continues = True
            if continues:
                paras[-1].lines.append(line)
                previous = line
                continue
        if heading and paras and paras[-1].kind == HEADING and previous is not None \
                and line.page == previous.page and line.y0 - previous.y1 < line.height \
                and abs(line.size - previous.size) < 0.6 and line.bold == previous.bold:
            paras[-1].lines.append(line)  # a heading wrapped on two lines
        else:
            paras.append(_Para([line], HEADING if heading else PARAGRAPH))
        previous = line
    return paras


def _heads_numbered_list(line: Line, following: Line | None) -> bool:
    """A reference-list heading set in the list's own type (not bold, no larger: BMC prints
    "References" so among its back matter), told by what follows it: a line of its own, and the
    list's first entry ("1. Horwitz LI, …", "[1] …") right under it in the same size."""
    if following is None or not REFERENCE_HEADING.match(line.text) or following.page != line.page:
        return False
    return (abs(following.size - line.size) < 0.6 and 0 <= following.y0 - line.y1 < 2 * line.height
            and abs(following.x0 - line.x0) < 2 * line.size and bool(FIRST_ENTRY.match(following.text)))


FIRST_ENTRY = re.compile(r"(?:\[1\]|1\.)\s+\S")


def _after_comma(line: Line, previous: Line | None) -> bool:
    """The line goes on a list the line right above it ended with a comma (authors wrapped onto a
    second line, "… Ranjitkumar Patil2, | Prabhat Kumar Chaudhari3, …"): no heading starts there."""
    return previous is not None and previous.text.rstrip().endswith(",") and line.page == previous.page \
        and -0.5 * line.height < line.y0 - previous.y1 < line.height and abs(line.size - previous.size) < 0.6


COLUMN_SPLIT = 250.0  # points from the left: a line starting right of this is in a right column


def _flows_to_next_column(para: _Para, line: Line, edges: dict[tuple[int, bool], float]) -> bool:
    """A paragraph running on at the top of the next column or page when its last line ends in a
    full stop that is not a sentence end ("(Do Vale et al. | 2017). The vegetation"): the last line
    is as wide as the paragraph's others, the next is the same size, starts the column (above
    the last line, or on the next page) flush with its left edge, and opens with a digit, a
    lower-case letter or closing punctuation, which no new paragraph does."""
    last = para.lines[-1]
    if para.kind != PARAGRAPH or len(para.lines) < 2 or abs(line.size - last.size) >= 0.6:
        return False
    next_column = line.page == last.page + 1 or line.page == last.page and line.y1 < last.y0 \
        and line.x0 > last.x1 - 5
    full = last.x1 >= max(ln.x1 for ln in para.lines if ln.page == last.page
                          and _column(ln) == _column(last)) - 1.5 * last.size
    flush = line.x0 <= edges.get((line.page, _column(line)), line.x0) + 3
    return next_column and full and flush and bool(re.match(r"[\d\w)\]]", line.text)) \
        and not line.text[:1].isupper()


FLOAT_REACH = 8  # paragraphs a box, caption or footnote may put between a sentence and its rest


def _continue_across_floats(paras: list[_Para], body_size: float) -> list[_Para]:
    """A body paragraph cut mid-sentence at a full line by what the page prints between its parts
    (footnotes at the foot of page 1, a figure caption, the eLife digest box) continues with the
    next body paragraph that opens in lower case, within FLOAT_REACH paragraphs and one page; the
    matter in between follows it. A section heading in between ends the search."""
    paras = list(paras)
    index = 0
    while index < len(paras):
        para = paras[index]
        if not _cut_mid_sentence(para, body_size):
            index += 1
            continue
        merged = False
        for later in range(index + 1, min(index + 1 + FLOAT_REACH, len(paras))):
            candidate = paras[later]
            first = candidate.lines[0]
            if first.page > para.lines[-1].page + 1 or candidate.kind == HEADING and \
                    first.size > body_size * 1.15:
                break
            if candidate.kind == PARAGRAPH and abs(first.size - body_size) < 0.6 and first.text[:1].islower():
                para.lines.extend(candidate.lines)
                del paras[later]
                merged = True
                break
        if not merged or not _cut_mid_sentence(para, body_size):
            index += 1  # a merged paragraph cut again is looked at again (each merge removes one)
    return paras


def _cut_mid_sentence(para: _Para, body_size: float) -> bool:
    """Two or more body-size lines whose last is as wide as the others and ends in no punctuation."""
    if para.kind != PARAGRAPH or len(para.lines) < 2:
        return False
    if any(abs(ln.size - body_size) >= 0.6 for ln in para.lines):
        return False
    last = para.lines[-1]
    column = [ln for ln in para.lines
              if ln.page == last.page and _column(ln) == _column(last)]
    full = last.x1 >= max(ln.x1 for ln in column or para.lines) - 2 * body_size  # as wide as its column
    return full and not re.search(r"[.?!:;)\]”\"']$", last.text) and bool(re.search(r"[^\W\d_]$", last.text))


def _is_heading(line: Line, body_size: float) -> bool:
    words = line.text.split()
    if not words or len(words) > 14 or line.text.rstrip().endswith((".", ",", ";")) and not \
            re.match(r"^\d+(?:\.\d+)*\.?\s", line.text):
        return False
    if REFERENCE_HEADING.match(line.text) or AFTER_REFERENCES.match(line.text) and len(words) <= 4:
        return line.bold or line.size > body_size * 1.1 or line.text.isupper()
    numbered = re.match(r"^\d+(?:\.\d+)*\.?\s+[A-Z]", line.text) and len(words) <= 10
    if line.size < body_size * 0.9:
        return False  # bold type smaller than the body's: a table's row or column head, a label
    return bool(line.size > body_size * 1.15 or (line.bold and len(words) <= 10) or
                (numbered and (line.bold or line.text.split(None, 1)[-1].isupper())))


@dataclass
class Vocabulary:
    """The words a document prints within its lines (lower case), and its hyphenated compounds,
    to tell a compound broken at its hyphen ("prostate-|specific") from a word hyphenated at
    the line end ("pro-|tease")."""

    words: set[str] = field(default_factory=set)
    compounds: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, lines: list[Line]) -> Vocabulary:
        vocabulary = cls()
        after_hyphen = False
        for line in lines:
            inner = line.text.lower()
            hyphen_end = inner.endswith(HYPHENS)
            if hyphen_end:  # "pro-": not a word
                inner = re.sub(r"[^\W\d_]*[" + "".join(HYPHENS) + "]$", "", inner)
            if after_hyphen:  # "tease ...": its first word is not one either
                inner = re.sub(r"^[^\W\d_]*", "", inner)
            vocabulary.words.update(re.findall(r"[^\W\d_]+", inner))
            vocabulary.compounds.update(re.findall(r"[^\W\d_]+-[^\W\d_]+", inner))
            after_hyphen = hyphen_end
        return vocabulary

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """Whether "left-" at a line end and "right" on the next line are a hyphenated compound:
        the document prints "left-right" elsewhere, or does not print "leftright" but prints
        both halves as words of three letters or more."""
        left, right = left.lower(), right.lower()
        if f"{left}-{right}" in self.compounds:
            return True
        if left + right in self.words:
            return False
        return len(left) >= 3 and len(right) >= 3 and left in self.words and right in self.words


def _join_lines(lines: list[Line], vocabulary: Vocabulary | None = None
                ) -> tuple[str, list[tuple[int, int, Line]], list[tuple[int, int]]]:
    """A paragraph's text with hyphenation joined, where each line sits in it, and superscripts."""
    text = ""
    spans: list[tuple[int, int, Line]] = []
    supers: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        piece = line.text
        nxt = lines[index + 1].text if index + 1 < len(lines) else ""
        joiner = " "
        if piece.endswith(HYPHENS) and nxt:
            left_letter = piece[-2:-1]
            left_word = re.search(r"[^\W\d_]*$", piece[:-1]).group(0)
            right_word = re.match(r"[^\W\d_]*", nxt).group(0)
            compound = vocabulary is not None and vocabulary.keeps_hyphen(left_word, right_word)
            if left_letter.islower() and nxt[:1].islower() and not compound:
                piece, joiner = piece[:-1], ""
            else:
                piece, joiner = piece[:-1] + "-", ""
        elif re.search(r"(?:\b10\.\d*/?\S*|https?://\S*|doi\.org/\S*)[./_-]$|\b10\.$", piece):
            joiner = ""  # a DOI or URL broken at the line end
        start = len(text)
        piece = piece.replace(SOFT_HYPHEN, "-")
        text += piece
        spans.append((start, len(text), line))
        supers.extend((start + s, start + e) for s, e in line.superscripts if e <= len(piece))
        text += joiner if nxt else ""
    return text, spans, supers


# --- reference list ---------------------------------------------------------------------

def _reference_entries(paras: list[_Para]) -> list[list[Line]]:
    """The reference section's lines split into entries by hanging indent or gaps."""
    lines = [line for para in paras for line in para.lines]
    if not lines:
        return []
    entries: list[list[Line]] = []
    left_edges: dict[tuple[int, bool], float] = {}
    for line in lines:
        column = (line.page, _column(line))
        left_edges[column] = min(left_edges.get(column, line.x0), line.x0)
    indented = sum(1 for ln in lines if ln.x0 > left_edges[(ln.page, _column(ln))] + 3)
    hanging = indented >= 0.2 * len(lines)
    from ingest.reflist import _ends_entry, _opens_entry  # same rules as for text

    previous: Line | None = None
    last_label = 0
    for line in lines:
        at_edge = line.x0 <= left_edges[(line.page, _column(line))] + 3
        label = _entry_label(line.text)
        if previous is None:
            opens = True
        elif hanging:
            opens = at_edge
        else:
            by_text = _ends_entry(previous.text) and _opens_entry(line.text)
            if line.page == previous.page and abs(line.x0 - previous.x0) < 100:
                opens = line.y0 - previous.y1 > 0.45 * line.height or by_text
            else:  # the list goes on in the next column or page: only the wording tells
                opens = by_text
        if label and (at_edge or label == last_label + 1):
            opens = True  # right-aligned numbers ("9." indented past "10.") open entries in sequence
        if opens and label:
            last_label = label
        if opens:
            entries.append([line])
        else:
            entries[-1].append(line)
        previous = line
    return entries


def _entry_label(text: str) -> int:
    """The number a reference entry opens with ("12. Smith", "[12] Smith"), else 0."""
    found = re.match(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})\.)\s", text)
    return int(found.group(1) or found.group(2)) if found else 0


# --- the document -------------------------------------------------------------------------

def read_pdf(path: str | Path) -> list[ParsedDocument]:
    """The article in the PDF at `path` as one ParsedDocument (PDFs carry no comment threads)."""
    file_path = Path(path)
    document = _open(file_path)
    try:
        pages, sizes = _read_pages(file_path, document)
    finally:
        document.close()
    printable = sum(len(line.text) for page in pages for line in page)
    if printable < MIN_CHARS_PER_PAGE * len(pages):
        raise InputError(str(file_path), "has no text layer (a scanned image?)",
                         hint="Run OCR on it first (e.g. ocrmypdf in.pdf out.pdf) and ingest the result")
    pages = _drop_furniture(pages, sizes)
    ordered = [line for page, (width, _h) in zip(pages, sizes, strict=True)
               for line in _reading_order(page, width)]
    return [_build(file_path, ordered)]


def _read_pages(path: Path, document) -> tuple[list[list[Line]], list[tuple[float, float]]]:  # noqa: ANN001
    import pypdfium2 as pdfium

    pages: list[list[Line]] = []
    sizes: list[tuple[float, float]] = []
    try:
        for number in range(len(document)):
            page = document[number]
            textpage = page.get_textpage()
            pages.append(_lines_of(number + 1, _page_chars(page, textpage)))
            sizes.append((page.get_width(), page.get_height()))
            textpage.close()
            page.close()
    except pdfium.PdfiumError as err:
        raise InputError(str(path), f"is damaged or truncated (page {len(pages) + 1}: {err})",
                         hint="Download the PDF again") from None
    return pages, sizes


def _build(path: Path, lines: list[Line]) -> ParsedDocument:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[line.size] += len(line.text)
    body_size = weights.most_common(1)[0][0]
    paras = _continue_across_floats(_paragraphs(lines, body_size), body_size)
    vocabulary = Vocabulary.of(lines)
    title_para = _title(paras)
    text = ""
    blocks: list[Block] = []
    layout: list[LayoutBox] = []
    superscripts: list[tuple[int, int]] = []
    section = ""
    in_references = False
    references: list[Reference] = []
    pending_refs: list[_Para] = []
    reference_section = ""

    def add(kind: str, para_lines: list[Line]) -> tuple[int, int]:
        nonlocal text
        if text:
            text += "\n\n"
        joined, spans, supers = _join_lines(para_lines, vocabulary)
        start = len(text)
        text += joined
        for s, e, line in spans:
            layout.append(LayoutBox(start + s, start + e, line.page,
                                    (round(line.x0, 1), round(line.y0, 1), round(line.x1, 1),
                                     round(line.y1, 1))))
        superscripts.extend((start + s, start + e) for s, e in supers)
        blocks.append(Block(kind, start, len(text), section))
        return start, len(text)

    last_label = 0  # the number of the last numbered entry, to follow the list across interruptions

    def flush_references() -> None:
        nonlocal last_label
        for entry_lines in _reference_entries(pending_refs):
            printed = _join_lines(entry_lines, vocabulary)[0]  # hyphens joined, as the entry will be added
            reference = parse_entry(printed, path=str(path), line=entry_lines[0].page, origin="pdf")
            label = _entry_label(entry_lines[0].text)
            in_sequence = label == last_label + 1 and bool(reference.year or reference.title)
            if not (reference.authors and reference.year or in_sequence
                    or reference.fields.get("doi") and len(reference.title.split()) >= 2):
                # matter printed after the list (figures, animations, their "DOI: 10.7554/eLife.….007")
                add(PARAGRAPH, entry_lines)
                continue
            last_label = label or last_label
            start, end = add(REFERENCES, entry_lines)
            references.append(parse_entry(text[start:end], path=str(path), line=entry_lines[0].page,
                                          origin="pdf"))
        pending_refs.clear()

    for para in paras:
        words = " ".join(line.text for line in para.lines)
        if para.kind == HEADING:
            if in_references and not (AFTER_REFERENCES.match(words) or REFERENCE_HEADING.match(words)):
                pending_refs.append(para)  # a bold author name inside the list, not a heading
                continue
            flush_references()
            in_references = bool(REFERENCE_HEADING.match(words))
            section = words
            reference_section = section if in_references else reference_section
            add(TITLE if para is title_para else HEADING, para.lines)
            blocks[-1].section = "" if para is title_para else section
            continue
        if not in_references and last_label and _entry_label(para.lines[0].text) == last_label + 1:
            in_references = True  # the numbered list goes on after a section printed inside it
            section = reference_section
        if in_references:
            pending_refs.append(para)
        else:
            add(PARAGRAPH, para.lines)
    flush_references()
    references = unique_keys(_without_repeats(references))
    from ingest.readers import sentences_of

    marks = _superscript_marks(text, blocks, references, superscripts)
    if marks:
        text, blocks, layout, marks = _bracketed(text, blocks, layout, marks)
    doc_id = document_id(path.stem)
    title = next((text[b.start:b.end] for b in blocks if b.kind == TITLE), "")
    doc = ParsedDocument(
        id=doc_id, kind=str(DocumentKind.ARTICLE), text=text, path=str(path), title=title, offset=0,
        root_id=doc_id, blocks=blocks, sentences=sentences_of(text, blocks), references=references,
        layout=layout)
    doc.doi = _doi(text[:3000])
    doc.citations = _superscript_citations(doc, marks)
    return doc


def _without_repeats(references: list[Reference]) -> list[Reference]:
    """The references with a work listed again left out: a supplementary table's own reference
    list after the article's repeats its entries (same authors, year and title), and a second
    'magurran2012-2' would make every "Magurran 2012" ambiguous. Entries numbered differently
    stay (the numbers are what the text cites)."""
    first_label: dict[tuple[tuple[str, ...], str, str], str] = {}
    kept = []
    for reference in references:
        identity = (tuple(a.family.casefold() for a in reference.authors), reference.year,
                    " ".join(re.findall(r"\w+", reference.title.casefold())))
        if identity in first_label and reference.label in ("", first_label[identity]) \
                and reference.authors and reference.title:
            continue
        first_label.setdefault(identity, reference.label)
        kept.append(reference)
    return kept


def _title(paras: list[_Para]) -> _Para | None:
    """The largest-type heading on the first page that is not the body's first ("Introduction",
    "Abstract": a title set in the body's weight is no heading, and has none)."""
    first_page = [p for p in paras[:30] if p.lines[0].page == 1 and p.kind == HEADING
                  and not BODY_OPENING.fullmatch(" ".join(line.text for line in p.lines).strip(" .:"))]
    if not first_page:
        return None
    return max(first_page, key=lambda p: p.lines[0].size)


def _doi(head: str) -> str:
    found = re.search(r"\b(10\.\d{4,9}/[^\s\"<>]+)", head)
    return found.group(1).rstrip(".,;)") if found else ""


def _superscript_marks(text: str, blocks: list[Block], references: list[Reference],
                       superscripts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The raised numbers of the body that are reference markers: those after a word or
    punctuation, when the document has a numbered reference list and cites by superscripts more
    than by numbers in parentheses or brackets; else none (the text detectors then link "(1)",
    "[1]" and author-year citations, and a stray raised number does not stop them)."""
    if len({ref.label for ref in references if ref.label}) < 3:
        return []
    body_end = next((b.start for b in blocks if b.kind == REFERENCES), len(text))
    body_start = _body_start(text, blocks)
    marks = [(s, e) for s, e in superscripts if body_start <= s and e <= body_end
             and _after_word_or_punctuation(text, s) and not _labels_next(text, e)]
    inline = len(INLINE_NUMBERS.findall(text, body_start, body_end))
    return marks if marks and len(marks) >= inline else []


def _bracketed(text: str, blocks: list[Block], layout: list[LayoutBox], marks: list[tuple[int, int]]
               ) -> tuple[str, list[Block], list[LayoutBox], list[tuple[int, int]]]:
    """The text with each superscript marker printed in brackets ("parto1,4." -> "parto[1,4]."), as
    the JATS rendering prints it, so the marker is not read as part of the word before it; blocks,
    boxes and marks moved to the new offsets (a span starting or ending at a marker includes its
    brackets)."""
    import bisect

    points = sorted(p for s, e in marks for p in (s, e))
    pieces, last = [], 0
    for start, end in sorted(marks):
        pieces += [text[last:start], "[", text[start:end], "]"]
        last = end
    pieces.append(text[last:])

    def opening(position: int) -> int:
        return position + bisect.bisect_left(points, position)

    def closing(position: int) -> int:
        return position + bisect.bisect_right(points, position)

    moved_blocks = [replace(b, start=opening(b.start), end=closing(b.end)) for b in blocks]
    moved_layout = [replace(box, start=opening(box.start), end=closing(box.end)) for box in layout]
    return "".join(pieces), moved_blocks, moved_layout, [(opening(s), closing(e)) for s, e in marks]


def _superscript_citations(doc: ParsedDocument, marks: list[tuple[int, int]]) -> list[MarkedCitation]:
    """The superscript markers (bracketed) and any "[n]" markers of the body as links into the
    numbered reference list; none when the document does not cite by superscripts."""
    if not marks:
        return []
    from ingest.citations import _expand_numbers
    from ingest.citations.detectors.numeric import glued_to_symbol

    by_label = {ref.label: ref.key for ref in doc.references if ref.label}
    body_end = next((b.start for b in doc.blocks if b.kind == REFERENCES), len(doc.text))
    found = list(marks)
    found += [(m.start(), m.end()) for m in re.finditer(r"\[(\d+(?:\s*[-–,]\s*\d+)*)\]", doc.text[:body_end])
              if not glued_to_symbol(doc.text, m.start())]  # "t[1]": an index
    citations = []
    for start, end in sorted(set(found)):
        numbers = _expand_numbers(doc.text[start:end].strip("[]"))
        keys = [by_label[str(n)] for n in numbers if str(n) in by_label]
        citations.append(MarkedCitation(start, end, keys))
    return citations


INLINE_NUMBERS = re.compile(r"[(\[]\d{1,3}(?:\s*[-–,]\s*\d{1,3})*[)\]]")
BODY_OPENING = re.compile(r"(?:\d\.?\s*)?(?:abstract|summary|resumo|resumen|résumé|background|introduction|"
                          r"introdução|introducción)\b", re.I)


def _body_start(text: str, blocks: list[Block]) -> int:
    """Where the article's own text starts: its Abstract or Introduction (inline or as a heading),
    else the first heading or paragraph of two sentences after the title (an abstract printed with no
    heading, as Scientific Reports prints it), whichever comes first; before it, raised numbers mark
    authors' affiliations."""
    title_end = next((b.end for b in blocks if b.kind == TITLE), 0)
    opening = next((b.start for b in blocks if b.start >= title_end and BODY_OPENING.match(text, b.start)),
                   None)
    if opening is not None:
        return opening
    heading = next((b.start for b in blocks if b.kind == HEADING and b.start >= title_end), 0)
    prose = next((b.start for b in blocks if b.kind == PARAGRAPH and b.start >= title_end
                  and len(SENTENCE_END.findall(text, b.start, b.end)) >= 2), heading)
    return min(heading, prose) if title_end else heading


SENTENCE_END = re.compile(r"[^\W\d_]{2}\. [A-Z]")  # "… of it. The", not "J. Smith"


def _labels_next(text: str, end: int) -> bool:
    """A raised number glued to the capitalised word after it labels that text (an affiliation:
    "Germany. ²Department of Oral Medicine"); a citation marker follows what it cites."""
    return bool(re.match(r"[^\W\d_][^\W\d_]", text[end:end + 2])) and text[end].isupper()


def _after_word_or_punctuation(text: str, start: int) -> bool:
    """A reference marker follows a word of 2+ letters ("mg/dL³" cites), a percentage ("90%²⁰")
    or closing punctuation; a raised number after a digit, a single letter or a unit of length
    or mass ("10⁶", "x²", "m²", "cm³") is an exponent, except after a version number, which has
    no power ("scipy 1.5.2¹⁷"), and after a name of letters and digits it is glued to (a gene,
    protein or accession: "AgamOBP1¹⁷", "…5879.d41724⁴³"), unless a charge sign follows ("SO4²⁻")."""
    before = text[max(0, start - 12):start].rstrip()
    if re.search(r"(?<![\d.])\d+\.\d+\.\d+$", before):
        return True
    if start and text[start - 1].isdigit() \
            and re.search(r"[^\W\d_]{2}[^\s(\[]*\d$", text[max(0, start - 40):start]) \
            and not re.match(r"\d+[+−-]", text[start:]):
        return True
    return bool(re.search(r"(?:[^\W\d_]{2,}|[.,;:)\]”’\"'%])$", before)) and not re.search(
        r"\b(?:mm|cm|dm|km|m|kg|mg|ml|µm|μm|nm|ft|in)$", before, re.I)


def boxes_for(doc: ParsedDocument, start: int, end: int) -> list[LayoutBox]:
    """The printed boxes of text[start:end], one per page (the union of its lines' boxes)."""
    by_page: dict[int, list[float]] = {}
    for box in doc.layout:
        if box.start < end and box.end > start:
            x0, y0, x1, y1 = box.bbox
            if box.page in by_page:
                union = by_page[box.page]
                by_page[box.page] = [min(union[0], x0), min(union[1], y0), max(union[2], x1),
                                     max(union[3], y1)]
            else:
                by_page[box.page] = [x0, y0, x1, y1]
    return [LayoutBox(start, end, page, (b[0], b[1], b[2], b[3])) for page, b in sorted(by_page.items())]
