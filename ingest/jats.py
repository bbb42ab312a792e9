"""JATS XML articles (PMC, eLife, PLOS, BMC, EHP, Annals of Oncology, SciELO, …) into ParsedDocuments.

The article text is laid out as Markdown, the way a reader sees the article:

    # Title
    Authors · date · doi:…            (a byline)
    ## Abstract                        (every <abstract>, titled by its own <title>)
    ## Introduction / ### sub-section  (the <sec> hierarchy, one '#' per level)
    paragraphs, "- " / "1. " list items, quoted paragraphs
    ## References                      (the <ref-list>, each entry printed: "[3] Smith J. …" for a
                                        numeric style, "Smith J. 2010. …" for author–year)

Blocks start after their Markdown marker ("## ", "- "), so `text[block.start:block.end]` is the
heading or item itself. Figures, tables, their captions, supplementary files, formulas set apart
from the text and footnotes are left out: they are not running text (the publisher's links
inside them are left out with them).

Citations are exactly the publisher's `<xref ref-type="bibr" rid="…">` links: one MarkedCitation
per xref, except that two xrefs joined by a dash ("[4]–[7]", "30-32") are one marker citing every
reference between them in ref-list order (also when PMC links the dash itself, "14<xref>–</xref>22"),
and a single xref printed as a range ("1–9") whose `rid`
names fewer references cites every numbered reference of the range. A superscript marker
(`<sup><xref>3</xref></sup>`) is printed "[3]", so "charge.[3] In" still ends a sentence.

The `<ref-list>` becomes References (`origin='jats'`, `key` = the ref's `id`, `label` = its
printed number): element-citation, mixed-citation, citation and nlm-citation; name, string-name,
collab, etal, person-group; year, article/chapter/data title, source, volume, issue, pages,
elocation-id, publisher, DOI, PMID, URL. A mixed-citation that carries its own punctuation is
printed as the publisher printed it. eLife peer-review sub-articles (decision letter, author
response) become comment documents replying to the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.schema import DocumentKind, comment_id, document_id
from ingest.model import (
    BOILERPLATE,
    BYLINE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    REFERENCES,
    TITLE,
    Block,
    InputError,
    MarkedCitation,
    ParsedDocument,
    PersonName,
    Reference,
)
from ingest.xmlfile import entity_text, local_name

# Elements whose content is not running text: skipped with everything inside (their tail stays).
SKIPPED = frozenset({
    "fig", "fig-group", "table-wrap", "table-wrap-group", "supplementary-material", "media", "graphic",
    "inline-graphic", "disp-formula", "disp-formula-group", "fn", "fn-group", "object-id", "alt-text",
    "long-desc", "permissions", "attrib", "table", "chem-struct-wrap", "code", "preformat", "array",
    "glossary", "notes", "sec-meta", "kwd-group", "funding-group", "ref-list", "processing-meta",
})
# Block-level elements that break a paragraph when they sit inside one.
BREAKS_PARAGRAPH = frozenset({"list", "def-list", "disp-quote", "boxed-text", "statement", "verse-group",
                              "speech"})
DASH_BETWEEN = re.compile(r"^\s*[\])]?\s*[-–—‒]\s*[\[(]?\s*$")
DASH_ONLY = re.compile(r"^\s*[-–—‒]\s*$")
NUMBERS = re.compile(r"^[\[(]?\s*\d{1,4}(?:\s*[-–—,;]\s*\d{1,4})*\s*[\])]?$")
# A marker printing only a year ("Corso and de Almeida <xref>2009</xref>", as Springer marks
# author-year citations up) is no reference number unless the list is that long.
YEAR = re.compile(r"^[\[(]?\s*(?:1[5-9]|20)\d\d\s*[\])]?$")


def is_reference_number(printed: str, reference_count: int) -> bool:
    """True when a marker's printed text is reference numbers ("[3]", "1-4"), not a year."""
    if not NUMBERS.match(printed):
        return False
    return not YEAR.match(printed) or int(re.sub(r"\D", "", printed)) <= reference_count
DOI_IN_TEXT = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+[^\s\"<>.,;)\]])")
SEPARATOR = "\n\n"
_SPACES = re.compile(r"\s+")
# The printed citation an empty anchor closes: ends with a year ("1999", "1999a", "2000, 2001").
PRINTED_YEAR_END = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?\s*$")
MAX_PRINTED_CITATION = 120


@dataclass
class PendingCitation:
    start: int
    end: int
    keys: list[str]
    printed: str


class InlineText:
    """Inline text being collected, whitespace collapsed, with the bibr links inside it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.citations: list[PendingCitation] = []

    def append(self, text: str) -> None:
        text = _SPACES.sub(" ", text)
        if text.startswith(" ") and (self.length == 0 or self.parts[-1].endswith(" ")):
            text = text[1:]
        if text:
            self.parts.append(text)
            self.length += len(text)

    def text(self) -> str:
        return "".join(self.parts)

    def drop_trailing(self, char: str) -> None:
        """Remove `char` from the end of the text (a marker's closing parenthesis), if it is there."""
        while self.parts and not self.parts[-1]:
            self.parts.pop()
        if self.parts and self.parts[-1].endswith(char):
            self.parts[-1] = self.parts[-1][:-len(char)]
            self.length -= len(char)
            for cited in self.citations:
                cited.end = min(cited.end, self.length)


@dataclass
class Layout:
    """The document text being laid out: parts, blocks and citations with exact offsets."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    blocks: list[Block] = field(default_factory=list)
    citations: list[PendingCitation] = field(default_factory=list)
    section: str = ""

    def add(self, kind: str, line: InlineText | str, prefix: str = "") -> Block | None:
        """Append one block (its Markdown marker `prefix` before it, outside the block)."""
        words = line if isinstance(line, str) else line.text()
        words_stripped = words.rstrip()
        lead = len(words_stripped) - len(words_stripped.lstrip())
        body = words_stripped[lead:]
        if not body:
            return None
        if self.parts:
            self.parts.append(SEPARATOR)
            self.length += len(SEPARATOR)
        self.parts.append(prefix + body)
        start = self.length + len(prefix)
        self.length += len(prefix) + len(body)
        if kind == HEADING:
            self.section = body
        lead_in = None
        if kind == LIST_ITEM:
            previous = self.blocks[-1] if self.blocks else None
            if previous is not None and previous.kind == LIST_ITEM:
                lead_in = previous.lead_in
            elif previous is not None and previous.kind == PARAGRAPH:
                lead_in = len(self.blocks) - 1
        block = Block(kind, start, start + len(body), self.section, lead_in)
        self.blocks.append(block)
        if not isinstance(line, str):
            for cited in line.citations:
                begin, end = max(cited.start - lead, 0), min(cited.end - lead, len(body))
                while begin < end and body[begin].isspace():
                    begin += 1
                while end > begin and body[end - 1].isspace():
                    end -= 1
                if begin < end:
                    self.citations.append(
                        PendingCitation(start + begin, start + end, cited.keys, cited.printed))
        return block

    def text(self) -> str:
        return "".join(self.parts)


# --- reading ---------------------------------------------------------------------------

def read_jats(path: Path, root: object) -> list[ParsedDocument]:
    """The article of a JATS tree, then its peer-review sub-articles as comments."""
    front = _child(root, "front")
    meta = _child(front, "article-meta") if front is not None else None
    if meta is None:
        raise InputError(str(path), "is a JATS <article> without <front>/<article-meta>",
                         line=getattr(root, "sourceline", None),
                         hint="Give the full article XML (as PMC or the publisher serves it)")
    references, labels = read_references(path, root)
    style = citation_style(root)
    doi = _article_id(meta, "doi")
    title = _flat(_first(meta, "title-group", "article-title"))
    authors = _contributors(meta, "author")
    date = _pub_date(meta)
    layout = Layout()
    resolver = KeyResolver(references, labels)
    layout.add(TITLE, title or path.stem, "# ")
    byline = " · ".join(part for part in (", ".join(p.display for p in authors), date,
                                          f"doi:{doi}" if doi else "") if part)
    if byline:
        layout.add(BYLINE, byline)
    for abstract in _children(meta, "abstract"):
        heading = _flat(_child(abstract, "title")) or "Abstract"
        layout.add(HEADING, heading, "## ")
        _container(layout, abstract, 2, resolver)
    body = _child(root, "body")
    if body is not None:
        _container(layout, body, 1, resolver)
    back = _child(root, "back")
    if back is not None:
        for child in back:
            name = local_name(child)
            if name in ("ack", "sec", "app-group", "app", "bio"):
                heading = _flat(_child(child, "title")) or ("Acknowledgements" if name == "ack" else "")
                if heading:
                    layout.add(HEADING, heading, "## ")
                _container(layout, child, 2, resolver)
    if references:
        layout.add(HEADING, "References", "## ")
        for ref in references:
            layout.add(REFERENCES, printed_reference(ref, style), f"{ref.label}. " if style == "numeric"
                       and ref.label.isdigit() else "")
    url = f"https://doi.org/{doi}" if doi else ""
    from ingest.readers import sentences_of, slug_for

    text = layout.text()
    doc_id = document_id(slug_for(url, path))
    article = ParsedDocument(
        id=doc_id, kind=str(DocumentKind.ARTICLE), text=text, path=str(path), title=title,
        author=", ".join(p.display for p in authors), date=date, url=url, offset=0, root_id=doc_id,
        parent_id="", position=0, blocks=layout.blocks, sentences=sentences_of(text, layout.blocks),
        doi=doi, references=references,
        citations=[MarkedCitation(c.start, c.end, c.keys) for c in layout.citations])
    documents = [article]
    for sub in _named(root, "sub-article"):
        comment = _sub_article(path, sub, article, len(documents), resolver)
        if comment is not None:
            documents.append(comment)
    return documents


def _sub_article(path: Path, sub: object, article: ParsedDocument, position: int,
                 parent_resolver: KeyResolver) -> ParsedDocument | None:
    """An eLife decision letter or author response as a comment replying to the article."""
    stub = _child(sub, "front-stub")
    stub = stub if stub is not None else _child(sub, "front")
    title = _flat(_first(stub, "title-group", "article-title")) if stub is not None else ""
    kind = sub.get("article-type", "")  # type: ignore[attr-defined]
    people = _contributors(stub, "") if stub is not None else []
    author = ", ".join(p.display for p in people) or ("Authors" if kind in ("reply", "author-comment")
                                                       else "Reviewers")
    own_refs, labels = read_references(path, sub)
    resolver = KeyResolver(own_refs, labels) if own_refs else parent_resolver
    layout = Layout()
    body = _child(sub, "body")
    if body is not None:
        for child in body:
            if local_name(child) == "boxed-text" and kind == "decision-letter":
                line = InlineText()
                _inline(child, line, resolver)
                layout.add(BOILERPLATE, line)  # eLife's standard note on transparency
            else:
                _block(layout, child, 1, resolver)
    if not layout.blocks:
        return None
    from ingest.readers import sentences_of

    text = layout.text()
    doi = _article_id(stub, "doi") if stub is not None else ""
    return ParsedDocument(
        id=comment_id(article.id, (position,)), kind=str(DocumentKind.COMMENT), text=text, path=str(path),
        title=title or kind.replace("-", " ").capitalize(), author=author, date=article.date,
        url=f"https://doi.org/{doi}" if doi else "", offset=0, root_id=article.id, parent_id=article.id,
        position=position, blocks=layout.blocks, sentences=sentences_of(text, layout.blocks), doi=doi,
        references=own_refs, citations=[MarkedCitation(c.start, c.end, c.keys) for c in layout.citations])


# --- body ------------------------------------------------------------------------------

class KeyResolver:
    """Turns an xref's rid (and its printed text) into reference keys, and ranges into key runs."""

    def __init__(self, references: list[Reference], labels: dict[str, str]):
        self.order = {ref.key: i for i, ref in enumerate(references)}
        self.keys = [ref.key for ref in references]
        self.by_label = {label: key for key, label in labels.items() if label}

    def keys_of(self, rid: str, printed: str) -> list[str]:
        keys = rid.split()
        if NUMBERS.match(printed.strip()):
            numbers = _expand(printed)
            from_labels = [self.by_label[str(n)] for n in numbers if str(n) in self.by_label]
            if len(numbers) > len(keys) and len(from_labels) == len(numbers):
                return from_labels
        return keys

    def between(self, first: str, last: str) -> list[str]:
        """Every key from `first` to `last` in ref-list order (both included)."""
        if first not in self.order or last not in self.order or self.order[first] > self.order[last]:
            return [first, last]
        return self.keys[self.order[first]:self.order[last] + 1]


def _expand(printed: str) -> list[int]:
    """'[1-3, 7]' -> [1, 2, 3, 7]."""
    numbers: list[int] = []
    for part in re.split(r"[,;]", printed.strip("[]() ")):
        bounds = [int(n) for n in re.findall(r"\d+", part)]
        if len(bounds) == 2 and bounds[0] < bounds[1] <= bounds[0] + 200:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        else:
            numbers.extend(bounds)
    return numbers


def _container(layout: Layout, element: object, level: int, resolver: KeyResolver) -> None:
    """The blocks of a body, section, abstract or box, in order (its title is the caller's)."""
    for child in element:  # type: ignore[attr-defined]
        if local_name(child) in ("title", "label"):
            continue
        _block(layout, child, level, resolver)


def _block(layout: Layout, element: object, level: int, resolver: KeyResolver) -> None:
    """One block-level element: a section, paragraph, list, quotation or box."""
    name = local_name(element)
    if not name or name in SKIPPED:
        return
    if name in ("sec", "app", "boxed-text", "abstract", "trans-abstract", "ack"):
        heading = _heading_text(element)
        if heading:
            layout.add(HEADING, heading, "#" * min(level + 1, 6) + " ")
        _container(layout, element, level + 1 if heading else level, resolver)
    elif name == "p":
        _paragraph(layout, element, level, resolver)
    elif name in ("list", "def-list"):
        _list(layout, element, level, resolver)
    elif name in ("disp-quote", "statement", "verse-group", "speech", "app-group", "body", "caption"):
        _container(layout, element, level, resolver)
    elif name == "title":
        return
    else:
        line = InlineText()
        _inline(element, line, resolver)
        layout.add(PARAGRAPH, line)


def _heading_text(element: object) -> str:
    label = _flat(_child(element, "label"))
    title = _flat(_child(element, "title"))
    return f"{label} {title}".strip() if title else ""


def _paragraph(layout: Layout, element: object, level: int, resolver: KeyResolver) -> None:
    """A <p>: its inline text is one paragraph; a list or quotation inside it breaks it in two."""
    line = InlineText()
    _text(line, element.text)  # type: ignore[attr-defined]
    for child in element:  # type: ignore[attr-defined]
        if local_name(child) in BREAKS_PARAGRAPH:
            layout.add(PARAGRAPH, line)
            _block(layout, child, level, resolver)
            line = InlineText()
        else:
            _inline_child(child, line, resolver)
        _text(line, child.tail)
    layout.add(PARAGRAPH, line)


def _list(layout: Layout, element: object, level: int, resolver: KeyResolver) -> None:
    """List items as "- " or "1. " blocks; a nested list follows its item."""
    ordered = (element.get("list-type") or "") in ("order", "arabic", "number", "alpha-lower",  # type: ignore[attr-defined]
                                                    "alpha-upper", "roman-lower", "roman-upper")
    number = 0
    for item in element:  # type: ignore[attr-defined]
        if local_name(item) not in ("list-item", "def-item"):
            continue
        number += 1
        label = _flat(_child(item, "label"))
        prefix = f"{number}. " if ordered else "- "
        line = InlineText()
        if label and not ordered:
            line.append(label + " ")
        nested: list[object] = []
        for part in item:
            part_name = local_name(part)
            if part_name in ("list", "def-list"):
                nested.append(part)
            elif part_name == "p":
                if line.length:
                    line.append(" ")
                _inline(part, line, resolver)
            elif part_name in ("term", "def"):
                if line.length:
                    line.append(": " if part_name == "def" else " ")
                _inline(part, line, resolver)
            elif part_name != "label":
                _inline_child(part, line, resolver)
        layout.add(LIST_ITEM, line, prefix)
        for sub in nested:
            _list(layout, sub, level, resolver)


def _text(line: InlineText, text: str | None) -> None:
    if text:
        line.append(text)


def _inline(element: object, line: InlineText, resolver: KeyResolver) -> None:
    """The inline content of an element (text, children, their tails) into `line`."""
    _text(line, element.text)  # type: ignore[attr-defined]
    for child in element:  # type: ignore[attr-defined]
        _inline_child(child, line, resolver)
        _text(line, child.tail)


def _inline_child(child: object, line: InlineText, resolver: KeyResolver) -> None:
    """One inline child (not its tail): a citation, a superscript marker, a formula, plain markup."""
    from lxml import etree

    if getattr(child, "tag", None) is etree.Entity:
        line.append(entity_text(child))
        return
    name = local_name(child)
    if not name or name in SKIPPED or name in ("list", "def-list"):
        if name in ("list", "def-list"):
            _inline(child, line, resolver)
        return
    if name == "xref" and child.get("ref-type") == "bibr":  # type: ignore[attr-defined]
        superscript = _superscript_only(child)
        if superscript:  # AIP's "Fe,<xref><sup>5,6</sup></xref> FeSi": "[5,6]", as <sup><xref> has it
            line.append("[")
        _citation(child, line, resolver)
        if superscript:
            line.append("]")
    elif name == "sup" and any(local_name(x) == "xref" and x.get("ref-type") == "bibr"
                               for x in child.iter()):  # type: ignore[attr-defined]
        inner = "".join(child.itertext()).strip()  # type: ignore[attr-defined]
        bracketed = inner.startswith(("[", "("))
        if not bracketed:
            line.append("[")
        _inline(child, line, resolver)
        if not bracketed:
            if inner.endswith(")") and "(" not in inner:
                line.drop_trailing(")")  # Korean/Japanese "¹⁾", "³,⁴⁾": [1], [3,4], as the HTML reader has it
            line.append("]")
    elif name in ("inline-formula", "alternatives"):
        tex = next((el for el in child.iter() if local_name(el) == "tex-math"), None)  # type: ignore[attr-defined]
        math = next((el for el in child.iter() if local_name(el) == "math"), None)  # type: ignore[attr-defined]
        chosen = math if math is not None else tex if tex is not None else child
        line.append(" ".join("".join(chosen.itertext()).split()))  # type: ignore[attr-defined]
    elif name == "break":
        line.append(" ")
    else:
        _inline(child, line, resolver)


def _superscript_only(xref: object) -> bool:
    """True when the xref prints nothing but one superscript number group ("<sup>5,6</sup>")."""
    children = list(xref)  # type: ignore[call-overload]
    if len(children) != 1 or local_name(children[0]) != "sup" or (xref.text or "").strip() \
            or (children[0].tail or "").strip():  # type: ignore[attr-defined]
        return False
    return bool(NUMBERS.match("".join(children[0].itertext()).strip()))


def _citation(xref: object, line: InlineText, resolver: KeyResolver) -> None:
    """Record an xref as a citation (see record_citation). A number glued to the number of the
    xref right before it ("[<xref>1</xref><xref>2</xref>]", as PMC prints KJR's "[1,2]") gets the
    comma the conversion lost, or "[12]" would read as reference 12."""
    if line.citations and line.citations[-1].end == line.length and line.parts[-1][-1:].isdigit() \
            and "".join(xref.itertext()).strip()[:1].isdigit():  # type: ignore[attr-defined]
        line.append(",")
    start = line.length
    _inline(xref, line, resolver)
    keys = resolver.keys_of(xref.get("rid", ""), line.text()[start:])  # type: ignore[attr-defined]
    record_citation(line, resolver, start, keys)


def record_citation(line: InlineText, resolver: KeyResolver, start: int, keys: list[str]) -> None:
    """The marker printed from `start` to the end of `line` cites `keys`; joined by a dash to the
    marker before it ("[4]–[7]"), it extends that one into a range instead."""
    printed = line.text()[start:]
    if DASH_ONLY.match(printed) and line.citations and line.citations[-1].end == start:
        return  # PMC links a range's dash to the second reference ("14<xref rid=B15>–</xref>22"): the
        # dash joins the markers on either side (below), and the range it opens names that reference too
    if line.citations:
        previous = line.citations[-1]
        between = line.text()[previous.end:start]
        if DASH_BETWEEN.match(between) and previous.keys and keys:
            previous.keys = previous.keys[:-1] + resolver.between(previous.keys[-1], keys[-1])
            previous.end = line.length
            previous.printed = line.text()[previous.start:previous.end]
            return
    if not printed.strip() and keys:
        start = start_of_printed_citation(line, start)
        printed = line.text()[start:]
    line.citations.append(PendingCitation(start, line.length, keys, printed))


def start_of_printed_citation(line: InlineText, anchor: int) -> int:
    """Where the citation printed just before an empty anchor begins: IUCr prints "(de Maagd
    <italic>et al.</italic>, 1999<xref rid="bb13"/>; …)", the link an empty element after the year.
    The marker is the text back to the "(" or ";" that opens it (or to the previous marker), when
    that text ends with a year; otherwise the anchor stays empty (and marks nothing)."""
    text = line.text()[:anchor]
    floor = line.citations[-1].end if line.citations else 0
    opening = max(text.rfind("("), text.rfind("["), text.rfind(";"), floor - 1)
    candidate = text[opening + 1:]
    lead = len(candidate) - len(candidate.lstrip())
    if len(candidate) > MAX_PRINTED_CITATION or not PRINTED_YEAR_END.search(candidate):
        return anchor
    return opening + 1 + lead


# --- metadata --------------------------------------------------------------------------

def _child(element: object | None, name: str) -> object | None:
    if element is None:
        return None
    return next((c for c in element if local_name(c) == name), None)  # type: ignore[attr-defined]


def _children(element: object | None, name: str) -> list[object]:
    if element is None:
        return []
    return [c for c in element if local_name(c) == name]  # type: ignore[attr-defined]


def _first(element: object | None, *path: str) -> object | None:
    for name in path:
        element = _child(element, name)
    return element


def _flat(element: object | None) -> str:
    """The element's text, whitespace collapsed; skipped parts (footnotes, figures) left out."""
    if element is None:
        return ""
    line = InlineText()
    if len(element):  # type: ignore[arg-type]
        _inline(element, line, KeyResolver([], {}))
    else:  # no children: its own text is all _inline would read (no resolver needed)
        _text(line, element.text)  # type: ignore[attr-defined]
    return line.text().strip()


def _article_id(meta: object, kind: str) -> str:
    for element in _children(meta, "article-id"):
        if element.get("pub-id-type") == kind:  # type: ignore[attr-defined]
            value = _flat(element)
            return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", value, flags=re.I)
    return ""


def _contributors(meta: object, role: str) -> list[PersonName]:
    """The names of a contrib-group's contributors of `role` ('' for all), in order."""
    people: list[PersonName] = []
    for group in _children(meta, "contrib-group"):
        for contrib in _children(group, "contrib"):
            if role and contrib.get("contrib-type", role) != role:  # type: ignore[attr-defined]
                continue
            for part in contrib:  # type: ignore[attr-defined]
                person = _person(part)
                if person is not None:
                    people.append(person)
                    break
    return people


def _pub_date(meta: object) -> str:
    """ISO date of publication: the electronic publication date first, then any full date."""
    dates = _children(meta, "pub-date")

    def rank(element: object) -> int:
        kind = (element.get("pub-type") or element.get("date-type") or "")  # type: ignore[attr-defined]
        return {"epub": 0, "publication": 0, "pub": 0, "ppub": 1, "collection": 3}.get(kind, 2)

    for element in sorted(dates, key=rank):
        iso = element.get("iso-8601-date", "")  # type: ignore[attr-defined]
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            return iso
        year, month, day = (_flat(_child(element, n)) for n in ("year", "month", "day"))
        if year.isdigit():
            month = month if month.isdigit() else "01" if not day else month
            if month.isdigit() and day.isdigit():
                return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
            if month.isdigit():
                return f"{int(year):04d}-{int(month):02d}"
            return year
    return ""


def citation_style(root: object) -> str:
    """'numeric' when most bibr xrefs print a number ("[3]", "12"), else 'author-year'."""
    printed = ["".join(x.itertext()).strip() for x in _named(root, "xref") if x.get("ref-type") == "bibr"]
    if not printed:
        return "numeric"
    count = sum(1 for _ in _named(root, "ref"))
    numeric = sum(1 for p in printed if is_reference_number(p, count))
    return "numeric" if numeric * 2 >= len(printed) else "author-year"


# --- references ------------------------------------------------------------------------

CITATION_ELEMENTS = ("element-citation", "mixed-citation", "citation", "nlm-citation")
ENTRY_TYPES = {
    "journal": "article", "book": "book", "confproc": "inproceedings", "conference": "inproceedings",
    "thesis": "phdthesis", "report": "techreport", "patent": "misc", "web": "misc", "webpage": "misc",
    "data": "misc", "software": "misc", "preprint": "article", "periodical": "article", "other": "misc",
    "commun": "misc", "discussion": "misc", "list": "misc", "gov": "techreport", "standard": "misc",
}


def read_references(path: Path, root: object) -> tuple[list[Reference], dict[str, str]]:
    """The References of the (sub-)article's ref-lists, and each key's printed label."""
    refs: list[Reference] = []
    labels: dict[str, str] = {}
    seen: set[str] = set()
    for ref_list in _own_descendants(root, "ref-list"):
        for ref in _named(ref_list, "ref"):
            reference = _reference(path, ref, len(refs) + 1)
            if reference is None or reference.key in seen:
                continue
            seen.add(reference.key)
            refs.append(reference)
            labels[reference.key] = reference.label
    _number_from_markers(root, refs, labels)
    return refs, labels


def _named(root: Any, name: str) -> Any:
    """`root` and its descendants whose local name is `name` (any namespace or none), in document
    order: what filtering `root.iter()` by `local_name` gives, with the filter in lxml."""
    return root.iter("{*}" + name)


def _own_descendants(root: object, name: str) -> list[object]:
    """Descendants named `name` that do not belong to a nested sub-article."""
    found = []
    for element in _named(root, name):
        owner = next((a for a in element.iterancestors()
                      if local_name(a) in ("sub-article", "article")), None)
        if owner is root or owner is None:
            found.append(element)
    return found


def _number_from_markers(root: object, refs: list[Reference], labels: dict[str, str]) -> None:
    """References without a <label> get the number their markers print ("[12]"), else their place."""
    if all(ref.label for ref in refs):
        return
    printed: dict[str, str] = {}
    for xref in _own_descendants(root, "xref"):
        if xref.get("ref-type") != "bibr":  # type: ignore[attr-defined]
            continue
        text = "".join(xref.itertext()).strip().strip("[]()")  # type: ignore[attr-defined]
        rid = xref.get("rid", "").split()  # type: ignore[attr-defined]
        if len(rid) == 1 and text.isdigit():
            printed.setdefault(rid[0], text)
    printed = {key: text for key, text in printed.items() if is_reference_number(text, len(refs))}
    numeric = len(printed) * 2 >= len(refs) if refs else False
    for position, ref in enumerate(refs, start=1):
        if not ref.label and numeric:
            ref.label = printed.get(ref.key, str(position))
            labels[ref.key] = ref.label


def _reference(path: Path, ref: object, position: int) -> Reference | None:
    """One <ref> as a Reference; its first citation element gives the fields."""
    key = ref.get("id") or f"ref{position}"  # type: ignore[attr-defined]
    citations = [c for c in ref if local_name(c) in CITATION_ELEMENTS]  # type: ignore[attr-defined]
    if not citations:
        citations = [c for c in ref.iter() if local_name(c) in CITATION_ELEMENTS]  # type: ignore[attr-defined]
    if not citations:
        return _note_reference(path, ref, key)
    structured = max(citations, key=lambda c: len(_children(c, "person-group")) + len(_children(c, "source"))
                     + len(_children(c, "article-title")))
    printed = next((c for c in citations if _has_own_punctuation(c)), None)
    label = _flat(_child(ref, "label")).strip().rstrip(".").strip("[]")
    fields, authors, others = _citation_fields(structured)
    if printed is not None and not fields.get("title") and not authors:
        fields, authors, others = _fields_from_printed(printed_mixed_citation(printed))
    if printed is not None:
        fields["printed"] = printed_mixed_citation(printed)
        if authors and not others:  # Redalyc's element-citation drops the "et al." its mixed-citation prints
            others = _printed_etal_before_title(fields["printed"], fields.get("title", ""))
    reference = Reference(key=key, entry_type=_entry_type(structured, fields), fields=fields, authors=authors,
                          path=str(path), line=getattr(ref, "sourceline", 0) or 0, others=others, label=label,
                          origin="jats")
    reference.bibtex = to_bibtex(reference)
    return reference


def _note_reference(path: Path, ref: object, key: str) -> Reference | None:
    """A <ref> holding a <note> instead of a citation (MDPI's "References and Notes": "1. To be
    consistent with … we will use the term retinoid"): an entry of the list as printed, which its
    markers ("[1]") cite like any other; a `misc` entry whose note is the text. None when the ref
    has no text at all."""
    notes = [c for c in ref if local_name(c) == "note"]  # type: ignore[attr-defined]
    text = " ".join(t for t in (_flat(note) for note in notes) if t)
    if not text:
        return None
    label = _flat(_child(ref, "label")).strip().rstrip(".").strip("[]")
    reference = Reference(key=key, entry_type="misc", fields={"note": text, "printed": text}, authors=[],
                          path=str(path), line=getattr(ref, "sourceline", 0) or 0, label=label, origin="jats")
    reference.bibtex = to_bibtex(reference)
    return reference


PEOPLE = frozenset({"name", "string-name", "collab", "name-alternatives"})


def printed_mixed_citation(citation: object) -> str:
    """A mixed-citation as printed: its own text and punctuation, a <name> as "Surname GN", no
    <pub-id> (PMC shows those as links, not text), adjacent fields kept apart by a space.

    What the publisher's page adds to markup that holds no punctuation of its own is added too, so
    the list reads as the page does: names with nothing but white space between them are joined by
    ", " and `<etal/>` is "et al." (F1000 "Cole JR, Wang Q, Fish JA, et al.:", Pensoft "Barrett RL,
    Wilson KL (2012)"), and a field right after a full stop, comma or parenthesis is set off by a
    space ("… Schoeneae). Australian Systematic Botany", not "Schoeneae).Australian")."""
    return " ".join(_printed_parts(citation).split())


def _printed_parts(element: object) -> str:
    """The text of a mixed-citation (or of a person-group inside one), as printed_mixed_citation says."""
    parts: list[str] = [element.text or ""]  # type: ignore[attr-defined]
    person_last = False  # the last child was a name with only white space after it
    for child in element:  # type: ignore[attr-defined]
        name = local_name(child)
        if name == "string-name" and _parts_only(child):
            # a <string-name>'s parts stand in the order the publisher prints them ("<given-names>Koji
            # </given-names> <surname>Hoshi</surname>" is "Koji Hoshi", Glossa's second authors)
            words = " ".join(part for part in (_flat(c).strip() for c in child) if part)
        elif name == "name":
            person = _person(child)
            words = f"{person.family} {person.given}".strip() if person else ""
        elif name in ("pub-id", "object-id") or not name:
            words = ""
        elif name == "person-group":
            words = _printed_parts(child).strip()  # "Keim DA</name>\n</person-group>:" is "Keim DA:"
        elif name == "etal":
            words = "et al." if not (child.text or "").strip() else _flat(child)  # type: ignore[attr-defined]
        else:
            words = _flat(child)
        before = next((part for part in reversed(parts) if part), "")
        if words and person_last and not parts[-1].strip() and (name in PEOPLE or name == "etal"):
            parts[-1], words = "", ", " + words  # parts[-1]: the white space after the name before
        elif words and (before[-1:].isalnum() or before[-1:] in ".,)") and words[:1].isalnum():
            words = " " + words
        parts.append(words)
        parts.append(child.tail or "")  # type: ignore[attr-defined]
        person_last = bool(words) and name in PEOPLE
    return "".join(parts)


def _parts_only(element: object) -> bool:
    """A <string-name> made of <surname>, <given-names>, … with nothing printed between them
    ("<surname>Barrett</surname><given-names>RL</given-names>"): read like a <name>."""
    texts = [element.text or ""] + [c.tail or "" for c in element]  # type: ignore[attr-defined]
    return _child(element, "surname") is not None and not "".join(texts).strip()


def _has_own_punctuation(citation: object) -> bool:
    """True when a citation element carries the printed punctuation itself (a mixed-citation)."""
    texts = [citation.text or ""] + [c.tail or "" for c in citation]  # type: ignore[attr-defined]
    return sum(len(re.sub(r"\s", "", t)) for t in texts) >= 3


def _entry_type(citation: object, fields: dict[str, str]) -> str:
    kind = (citation.get("publication-type") or citation.get("citation-type") or "other")  # type: ignore[attr-defined]
    entry = ENTRY_TYPES.get(kind, "misc")
    if entry == "book" and fields.get("booktitle"):
        return "incollection"
    if entry == "misc" and fields.get("journal"):
        return "article"
    return entry


def _person(element: object) -> PersonName | None:
    """A PersonName from <name>, <string-name> or <collab>; None for anything else."""
    name = local_name(element)
    if name == "collab":
        text = _flat(element)
        return PersonName(family=text) if text else None
    if name not in ("name", "string-name", "name-alternatives"):
        return None
    if name == "name-alternatives":
        inner = next((c for c in element if local_name(c) in ("name", "string-name")), None)  # type: ignore[attr-defined]
        return _person(inner) if inner is not None else None
    surname = _flat(_child(element, "surname"))
    given = _flat(_child(element, "given-names"))
    suffix = _flat(_child(element, "suffix"))
    prefix = _flat(_child(element, "prefix"))
    if not surname:
        return _split_string_name(_flat(element))
    if prefix and prefix.lower() in ("van", "von", "de", "der", "van der", "da", "di", "le", "la"):
        surname = f"{prefix} {surname}"
    return PersonName(family=surname, given=f"{given} {suffix}".strip() if suffix else given)


def _split_string_name(text: str) -> PersonName | None:
    """'Smith JA' / 'Smith, J. A.' / 'J. A. Smith' -> PersonName."""
    text = text.strip(" ,;.")
    if not text:
        return None
    if "," in text:
        family, _, given = text.partition(",")
        return PersonName(family=family.strip(), given=given.strip())
    words = text.split()
    if len(words) > 1 and re.fullmatch(r"[A-Z][A-Z.\-]{0,5}", words[-1]):
        return PersonName(family=" ".join(words[:-1]), given=words[-1])
    if len(words) > 1:
        return PersonName(family=words[-1], given=" ".join(words[:-1]))
    return PersonName(family=text)


_TITLES = frozenset({"article-title", "chapter-title", "part-title", "source", "data-title"})


def _loose_names_before_title(citation: object) -> list[PersonName]:
    """The people named by <name>/<string-name> children of the citation itself, before its first title."""
    people: list[PersonName] = []
    for part in citation:  # type: ignore[attr-defined]
        tag = local_name(part)
        if tag in _TITLES:
            break
        if tag in ("name", "string-name", "name-alternatives"):
            person = _person(part)
            if person is not None:
                people.append(person)
    return people


def _citation_fields(citation: object) -> tuple[dict[str, str], list[PersonName], bool]:
    """BibTeX-like fields, the author list and whether it ends in 'et al.'."""
    fields: dict[str, str] = {}
    authors: list[PersonName] = []
    editors: list[PersonName] = []
    others = False
    kids: dict[str, list[Any]] = {}  # the citation's children by name, and each one's text, once
    for child in citation:  # type: ignore[attr-defined]
        kids.setdefault(local_name(child), []).append(child)
    texts: dict[int, str] = {}

    def flat(element: Any) -> str:
        if id(element) not in texts:
            texts[id(element)] = _flat(element)
        return texts[id(element)]

    groups = kids.get("person-group", [])
    # The chapter's author printed as a loose <name> before the title, the volume's editors in a
    # person-group ("<name>Johnson T</name><chapter-title>…<person-group person-group-type="editor">"):
    # the loose names are the authors, and an untyped group after them holds the editors.
    loose_authors = _loose_names_before_title(citation) if groups and not any(
        g.get("person-group-type", "") == "author" for g in groups) else []  # type: ignore[attr-defined]
    authors.extend(loose_authors)
    for group in groups:
        role = group.get("person-group-type", "author")  # type: ignore[attr-defined]
        if role == "author" and loose_authors:
            role = "editor"
        people = editors if role in ("editor", "eds") else authors if role in ("author", "") else None
        if people is None:
            continue
        for part in group:  # type: ignore[attr-defined]
            if local_name(part) == "etal":
                others = others or people is authors
                continue
            person = _person(part)
            if person is not None:
                people.append(person)
    titled = False  # loose names after the title are the volume's editors (Glossa: "Sheehan, Michelle.
    # 2013a. <chapter-title>… In Biberauer, Theresa & Sheehan, Michelle (eds.), <source>…")
    for part in citation:  # type: ignore[attr-defined]
        tag = local_name(part)
        if tag == "etal":
            others = True
        elif not groups or tag == "collab":
            person = _person(part)
            if person is not None and titled and authors:
                if person not in editors:
                    editors.append(person)
            elif person is not None and person not in authors:
                authors.append(person)
        titled = titled or not groups and tag in _TITLES
    if editors:
        fields["editor"] = " and ".join(_bib_name(p) for p in editors)
        if not authors:  # an edited volume: its editors stand for its authors, as in BibTeX
            authors = list(editors)

    def value(*names: str) -> str:
        return next((flat(el) for n in names for el in kids.get(n, ()) if flat(el)), "")

    year = value("year") or _flat(_first(citation, "date", "year"))
    if year:
        match = re.search(r"\d{4}", year)
        fields["year"] = match.group(0) if match else year
        if match and year != match.group(0):
            fields["year_printed"] = year
    title = value("article-title", "chapter-title", "data-title", "part-title")
    source = value("source")
    kind = (citation.get("publication-type") or citation.get("citation-type") or "")  # type: ignore[attr-defined]
    if kind:
        fields["publication_type"] = kind  # kept for the study design (ingest.support.design)
    if title:
        fields["title"] = title
        if source:
            book = kind in ("book", "confproc", "conference") or bool(value("chapter-title"))
            fields["booktitle" if book else "journal"] = source
    elif source:
        fields["title"] = source
    for bib, names in (("volume", ("volume",)), ("number", ("issue",)), ("publisher", ("publisher-name",)),
                       ("address", ("publisher-loc",)), ("edition", ("edition",)), ("series", ("series",)),
                       ("institution", ("institution",)), ("note", ("comment",))):
        found = value(*names)
        if found:
            fields[bib] = found
    first, last = value("fpage"), value("lpage")
    if first:
        fields["pages"] = f"{first}–{last}" if last and last != first else first
    elif value("elocation-id"):
        fields["pages"] = value("elocation-id")
    for pub_id in kids.get("pub-id", []):
        kind_of_id = (pub_id.get("pub-id-type") or "").lower()
        if kind_of_id in ("doi", "pmid", "pmcid", "arxiv", "isbn") and flat(pub_id):
            fields.setdefault(kind_of_id, flat(pub_id))
    if "doi" not in fields:
        found_doi = DOI_IN_TEXT.search(" ".join(citation.itertext()))  # type: ignore[attr-defined]
        if found_doi:
            fields["doi"] = found_doi.group(1)
    for link in (el for el in citation.iter() if local_name(el) in ("ext-link", "uri")):  # type: ignore[attr-defined]
        href = next((v for k, v in link.attrib.items() if k.endswith("href")), "") or _flat(link)
        if href.startswith(("http://", "https://")) and "doi.org/" not in href:
            fields.setdefault("url", href)
    if fields.get("doi"):
        fields["doi"] = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", fields["doi"], flags=re.I)
    return fields, authors, others


def _printed_etal_before_title(printed: str, title: str) -> bool:
    """True when the printed entry ends its author list with "et al." before the title ("ROSLER, R. et al.
    La insoportable pasividad …"): the work has more authors than the structured citation names."""
    at = printed.find(title[:30]) if title else -1
    return at > 0 and bool(re.search(r"\bet\s+al\b", printed[:at]))


_PRINTED_YEAR = re.compile(r"\((\d{4})[a-z]?\)|\b(\d{4})[a-z]?[.;]")


def _fields_from_printed(text: str) -> tuple[dict[str, str], list[PersonName], bool]:
    """Fields of an unstructured printed reference ("Murphy FA, Gibbs EPJ (1999) Veterinary
    Virology. USA: Elsevier. pp 469–475."): authors before the year, the title after it."""
    fields: dict[str, str] = {}
    match = _PRINTED_YEAR.search(text)
    if not match:
        fields["title"] = text
        return fields, [], False
    fields["year"] = match.group(1) or match.group(2)
    names_part, rest = text[:match.start()], text[match.end():]
    names_part, title_before_year = _names_end(names_part)
    others = bool(re.search(r"\bet\s+al\b", names_part))
    names_part = re.sub(r",?\s*et\s+al\.?", "", names_part)
    authors = [p for p in (_split_string_name(n) for n in _printed_names(names_part)) if p is not None]
    title = title_before_year or re.split(r"(?<=[a-z0-9)?])\.\s", rest.strip(" ."), maxsplit=1)[0]
    if title:
        fields["title"] = title.strip()
    found_doi = DOI_IN_TEXT.search(text)
    if found_doi:
        fields["doi"] = found_doi.group(1)
    return fields, authors, others


# APA's "Smyth, G. K." in a printed list: a comma-separated piece of initials alone is the given names
# of the surname before it, not one more person.
_INITIALS_ONLY = re.compile(r"\s*(?:[A-Z]\.\s*-?\s*)+(?:Jr\.?)?\s*")
# the surname before them: up to three words, no initials or title ("Smyth", "& de Been", "van der Berg")
_SURNAME_ONLY = re.compile(r"\s*(?:&\s*)?[^\W\d_][\w'’\-]+(?:\s+[^\W\d_][\w'’\-]+){0,2}\s*")


def _printed_names(names_part: str) -> list[str]:
    """The people of a printed author list split at its commas, "Surname, I. I." kept as one."""
    names: list[str] = []
    for piece in names_part.split(","):
        if names and _INITIALS_ONLY.fullmatch(piece) and _SURNAME_ONLY.fullmatch(names[-1]):
            names[-1] += "," + piece
        else:
            names.append(piece)
    return names


# Where a Vancouver author list ends before the title ("… Socher R. CO-Search: …", "Goldberger A, et al.
# PhysioBank, …"): a full stop after "Surname INITIALS" or "et al", followed by a word that is not one more
# initial ("Jones K. L., …" goes on).
_NAMES_END = re.compile(r"(?:\b[^\W\d_][\w'\u2019-]+ [A-Z]{1,4}|\bet\s+al)\.\s+(?=[^\W_][\w-]*[\s:,])")


def _names_end(names_part: str) -> tuple[str, str]:
    """The author list of a printed reference's text before its year, and the title left after it."""
    found = _NAMES_END.search(names_part)
    if not found:
        return names_part, ""
    return names_part[:found.end()], names_part[found.end():].strip(" .;,")


# --- printing --------------------------------------------------------------------------

def _initials(given: str) -> str:
    """'Jane Ann' -> 'JA'; 'J.A.' -> 'JA'; already-initials stay."""
    if re.fullmatch(r"[A-Z]{1,4}", given):
        return given
    return "".join(part[0] for part in re.split(r"[\s.\-]+", given) if part and part[0].isalpha()).upper()


def printed_reference(ref: Reference, style: str = "author-year") -> str:
    """The reference as a reference list prints it (the publisher's own text when it has one)."""
    fields = ref.fields
    if fields.get("printed"):
        return fields["printed"]
    names = ", ".join(f"{p.family} {_initials(p.given)}".strip() for p in ref.authors)
    if ref.others:
        names = f"{names}, et al" if names else "et al"
    year = fields.get("year_printed") or fields.get("year", "")
    title = fields.get("title", "")
    venue = fields.get("journal") or fields.get("booktitle", "")
    volume, pages = fields.get("volume", ""), fields.get("pages", "")
    locator = volume + (f"({fields['number']})" if fields.get("number") and volume else "")
    if pages:
        locator = f"{locator}:{pages}" if locator else pages
    publisher = ": ".join(p for p in (fields.get("address", ""), fields.get("publisher", "")) if p)
    tail = f" doi:{fields['doi']}" if fields.get("doi") else ""
    if style == "numeric":
        parts = [names, title, " ".join(p for p in (venue, f"{year};{locator}" if locator else year) if p),
                 publisher]
    else:
        parts = [names, year, title, " ".join(p for p in (venue, locator) if p), publisher]
    body = ". ".join(p.rstrip(".") for p in parts if p)
    if not body and not tail:  # printed as a remark or a bare link (RSTA's "Unwetterklimatologie: …")
        return fields.get("note") or fields.get("url", "")
    return f"{body}.{tail}" if body else tail.strip()


# What BibTeX reads as a name or list separator: a comma, or a word 'and' (also at either end of a part,
# where the " and " joining the names would complete it: 'summarization, and abstractive' is two names).
_SPLITS_A_NAME = re.compile(r",|(?<!\S)and(?!\S)", re.IGNORECASE)


def _bib_name(person: PersonName) -> str:
    """'Family, Given' for BibTeX; a part holding a comma or a word 'and' (a misread printed entry, a
    collaboration) is braced, so it stays one name and the entry stays readable. Whatever
    bibtexparser's name splitter would still refuse or split is exported as one braced name."""
    family = _bib_escape(person.family)
    if (" " in person.family and not person.given) or _SPLITS_A_NAME.search(person.family):
        family = "{" + family + "}"  # a collaboration (or a misread name): one family name
    if not any(ch.isalpha() for ch in person.given):  # no given name ('&' misread as one)
        name = family
    else:
        given = _bib_escape(person.given)
        name = f"{family}, {{{given}}}" if _SPLITS_A_NAME.search(person.given) else f"{family}, {given}"
    if _reads_as_one_name(name):
        return name
    braced = "{" + _bib_escape(person.family or person.given) + "}"  # every part inert inside its braces
    return f"{braced}, {{{_bib_escape(person.given)}}}" if person.family and person.given.strip() else braced


# A 'Family, Given' made of words of letters (with . ' ’ -) and single spaces, which bibtexparser always
# reads back as one person: the common case, so the splitter itself runs only on the rest.
_PART = r"[^\W\d_][\w.'\u2019-]*(?: [\w.'\u2019-]+)*"
_PLAIN_BIB_NAME = re.compile(rf"{_PART}(?:, {_PART})?")


def _reads_as_one_name(name: str) -> bool:
    """Whether bibtexparser reads `name` back as exactly one person with a family name."""
    from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names

    if _PLAIN_BIB_NAME.fullmatch(name) and not re.search(r"(?i)(?<!\S)and(?!\S)", name) \
            and name.lower() != "others":
        return True
    if not name.strip() or name.strip().lower() == "others" or split_multiple_persons_names(name) != [name]:
        return False
    try:
        return bool(parse_single_name_into_parts(name, strict=True).last)
    except Exception:  # the splitter's refusal (trailing comma, too many commas, unbalanced braces)
        return False


_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$",
                "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}"}
_BIB_VERBATIM = frozenset({"doi", "url"})


_BIB_TABLE = str.maketrans(_BIB_SPECIAL)


def _bib_escape(value: str) -> str:
    return value.translate(_BIB_TABLE)  # each special character replaced, the rest kept


def to_bibtex(ref: Reference) -> str:
    """The reference as the BibTeX entry a reference manager would export."""
    lines = [f"@{ref.entry_type}{{{ref.key},"]
    if ref.authors:
        names = [_bib_name(p) for p in ref.authors] + (["others"] if ref.others else [])
        lines.append(f"  author = {{{' and '.join(names)}}},")
    for name, value in ref.fields.items():
        if name in ("printed", "year_printed", "publication_type") or not value:
            continue
        shown = value.replace("{", "").replace("}", "") if name in _BIB_VERBATIM else (
            value if name == "editor" else _bib_escape(value))
        if name == "pages":
            shown = shown.replace("–", "--")
        lines.append(f"  {name} = {{{shown}}},")
    lines.append("}")
    return "\n".join(lines)
