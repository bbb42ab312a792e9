"""Intermediate structures of the ingest pipeline.

readers (txt, md, html)  ->  ParsedDocument (text + blocks + sentences, offsets exact)
bibtex                   ->  Reference (one per BibTeX entry)
claims + citations       ->  graph.model.GraphBatch

Every offset indexes into `ParsedDocument.text`, and `text[start:end]` is the
exact characters of the block, sentence, claim or evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class InputError(Exception):
    """A problem with the user's input: names the file and line and says what to do.

    str(err) is one line: "PATH:LINE: what is wrong. What to do."
    """

    def __init__(self, path: str, message: str, line: int | None = None, hint: str = ""):
        self.path = str(path)
        self.line = line
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return f"{text}. {self.hint}" if self.hint else text


# Block kinds. Only `paragraph` and `list_item` blocks can hold claims.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
BYLINE = "byline"          # "By | 2017-11-12 …", author/date lines
SIGNOFF = "signoff"        # "To Health and Healing ~", "Dr. Aimie", P.S. lines
REFERENCES = "references"  # reference-list entries
BOILERPLATE = "boilerplate"  # "Leave A Comment", navigation, share buttons
TITLE = "title"
BLOCK_KINDS = (HEADING, PARAGRAPH, LIST_ITEM, BYLINE, SIGNOFF, REFERENCES, BOILERPLATE, TITLE)


@dataclass(slots=True)
class Block:
    """A structural unit of a document: heading, paragraph, list item, …"""

    kind: str
    start: int
    end: int
    section: str = ""      # heading text of the enclosing section
    lead_in: int | None = None  # for list items: index of the block that introduces the list
    quote: bool = False    # a block quotation (Markdown "> …", HTML <blockquote>)
    annotation: bool = False  # a paragraph describing the reference entry right above it (reading lists)


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    block: int             # index into ParsedDocument.blocks


@dataclass(slots=True)
class MarkedCitation:
    """A citation the file's own markup links to its reference list.

    JATS `<xref ref-type="bibr" rid="…">`, GROBID TEI `<ref type="bibr" target="#b3">`, or a PDF
    marker the PDF reader already matched. `text[start:end]` is the marker as printed ("Smith et
    al., 2010", "[4]–[7]", "3"); `keys` are the `Reference.key`s it cites, in order (a printed
    range cites every reference in between). Empty `keys`: the markup names no known reference.
    """

    start: int
    end: int
    keys: list[str]


@dataclass(slots=True)
class WebLink:
    """A hyperlink of an HTML page: `text[start:end]` is its anchor text ("Blakemore and
    colleagues"), `href` where it points ("https://doi.org/10.1038/2870"). Only links that leave
    the page (http(s), doi:) are kept."""

    start: int
    end: int
    href: str


@dataclass(slots=True)
class LayoutBox:
    """Where a span of the document text is printed (PDF input): 1-based page and bounding box
    in PDF points (x0, y0, x1, y1), origin top left."""

    start: int
    end: int
    page: int
    bbox: tuple[float, float, float, float]


@dataclass
class ParsedDocument:
    """One document (an article or a comment) read from a file.

    `references` is the reference list the document itself carries (JATS `<ref-list>`, TEI
    `<listBibl>`, a parsed printed "References" section); the pipeline resolves the document's
    citations against these and the `.bib` files that belong to it, never another article's.
    `citations` are links given by markup (see MarkedCitation); when there are any, they replace
    the text detectors for citations. `layout` maps text spans to PDF pages (empty otherwise);
    `links` are an HTML page's hyperlinks out of the page (a link to a listed work's DOI or URL
    cites it: `ingest.citations.detectors.link`).
    """

    id: str
    kind: str              # "article" or "comment"
    text: str
    path: str
    title: str = ""
    author: str = ""
    date: str = ""         # ISO YYYY-MM-DD when known
    url: str = ""
    offset: int = 0        # where `text` starts in the file
    root_id: str = ""
    parent_id: str = ""
    position: int = 0
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    doi: str = ""          # the document's own DOI, bare ("10.7554/eLife.00666")
    references: list[Reference] = field(default_factory=list)
    citations: list[MarkedCitation] = field(default_factory=list)
    layout: list[LayoutBox] = field(default_factory=list)
    links: list[WebLink] = field(default_factory=list)  # HTML hyperlinks out of the page

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]


@dataclass(slots=True)  # no per-instance dict: a large .bib holds one per author of every entry
class PersonName:
    family: str
    given: str = ""

    @property
    def display(self) -> str:
        return f"{self.given} {self.family}".strip()


@dataclass
class Reference:
    """One BibTeX entry, decoded. `fields` keeps every field (lower-case names)."""

    key: str
    entry_type: str
    fields: dict[str, str]
    authors: list[PersonName]
    path: str = ""
    line: int = 0
    bibtex: str = ""
    others: bool = False   # the author list ended in "and others"
    label: str = ""        # the number or label printed in the reference list ("12", "[12]")
    origin: str = "bibtex"  # where it was read: bibtex, jats, tei, reference-list, pdf
    listed: bool = False   # a .bib record that an entry of the page's own printed list describes

    @property
    def year(self) -> str:
        return self.fields.get("year", "")

    @property
    def title(self) -> str:
        return self.fields.get("title", "")
