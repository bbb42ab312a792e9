"""GROBID TEI XML (`processFulltextDocument` output) into a ParsedDocument.

Laid out like a JATS article (ingest/jats.py): "# Title", a byline, "## Abstract", the body's
`<div>`s with their `<head>` (a numbered head "2.1" is one level deeper than "2"), paragraphs,
list items, then "## References" with every `<biblStruct>` printed (GROBID's raw reference string
when it kept one). Figures, tables, formulas and footnotes are left out.

Citations are GROBID's `<ref type="bibr" target="#b3">` links, one MarkedCitation each (two joined
by a dash are one range); a ref without a target is a marker GROBID found but could not link (its
keys are empty). The `<listBibl>` becomes References (`origin='tei'`, key = the biblStruct's
`xml:id`): analytic/monogr titles, persName forename/surname, date@when, biblScope volume, issue
and pages, publisher, DOI/PMID/arXiv idno, ptr URL.
"""

from __future__ import annotations

import re
from pathlib import Path

from graph.schema import DocumentKind, document_id
from ingest.jats import (
    NUMBERS,
    InlineText,
    KeyResolver,
    Layout,
    printed_reference,
    record_citation,
    to_bibtex,
)
from ingest.model import (
    BYLINE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    REFERENCES,
    TITLE,
    MarkedCitation,
    ParsedDocument,
    PersonName,
    Reference,
)
from ingest.xmlfile import local_name

XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SKIPPED = frozenset({"figure", "table", "formula", "note", "graphic", "figDesc", "facsimile", "label"})


def read_tei(path: Path, root: object) -> list[ParsedDocument]:
    """The article of a GROBID TEI tree (GROBID keeps no reader comments)."""
    header = _find(root, "teiHeader")
    description = _find(header, "fileDesc")
    title = _text(_find(description, "titleStmt", "title"))
    source = _find(description, "sourceDesc", "biblStruct")
    analytic = _find(source, "analytic")
    authors = [p for p in (_person(a) for a in _all(analytic, "author")) if p is not None]
    doi = _idno(source, "DOI")
    date = _when(_find(description, "publicationStmt", "date")) or _when(
        _find(source, "monogr", "imprint", "date"))
    back = _find(root, "text", "back")
    references = _references(path, back)
    numeric = _numeric_style(root)
    if numeric:
        for position, ref in enumerate(references, start=1):
            ref.label = ref.label or str(position)
    resolver = KeyResolver(references, {r.key: r.label for r in references})
    layout = Layout()
    layout.add(TITLE, title or path.stem, "# ")
    byline = " · ".join(part for part in (", ".join(p.display for p in authors), date,
                                          f"doi:{doi}" if doi else "") if part)
    if byline:
        layout.add(BYLINE, byline)
    abstract = _find(header, "profileDesc", "abstract")
    if abstract is not None and _text(abstract):
        layout.add(HEADING, "Abstract", "## ")
        _divisions(layout, abstract, resolver, 2)
    body = _find(root, "text", "body")
    if body is not None:
        _divisions(layout, body, resolver, 1)
    if back is not None:
        for div in _all(back, "div"):
            kind = str(div.get("type") or "")  # type: ignore[attr-defined]
            if kind != "references":
                _divisions(layout, div, resolver, 1, default_head=kind.capitalize())
    if references:
        layout.add(HEADING, "References", "## ")
        for ref in references:
            layout.add(REFERENCES, printed_reference(ref, "numeric" if numeric else "author-year"),
                       f"{ref.label}. " if numeric and ref.label.isdigit() else "")
    from ingest.readers import sentences_of, slug_for

    url = f"https://doi.org/{doi}" if doi else ""
    text = layout.text()
    doc_id = document_id(slug_for(url, path))
    return [ParsedDocument(
        id=doc_id, kind=str(DocumentKind.ARTICLE), text=text, path=str(path), title=title,
        author=", ".join(p.display for p in authors), date=date, url=url, offset=0, root_id=doc_id,
        blocks=layout.blocks, sentences=sentences_of(text, layout.blocks), doi=doi, references=references,
        citations=[MarkedCitation(c.start, c.end, c.keys) for c in layout.citations])]


# --- text ------------------------------------------------------------------------------

def _divisions(layout: Layout, element: object, resolver: KeyResolver, level: int,
               default_head: str = "") -> None:
    """The blocks of a body, abstract or div: heads, paragraphs, lists, nested divs."""
    for child in element:  # type: ignore[attr-defined]
        name = local_name(child)
        if name == "div":
            _divisions(layout, child, resolver, level, default_head)
            default_head = ""
        elif name == "head":
            number = child.get("n", "")  # type: ignore[attr-defined]
            depth = level + (number.strip(".").count(".") if number else 0)
            words = _text(child)
            heading = f"{number} {words}".strip() if number else words
            layout.add(HEADING, heading, "#" * min(depth + 1, 6) + " ")
            default_head = ""
        elif name == "p":
            if default_head:
                layout.add(HEADING, default_head, "#" * min(level + 1, 6) + " ")
                default_head = ""
            line = InlineText()
            _inline(child, line, resolver)
            layout.add(PARAGRAPH, line)
        elif name == "list":
            for item in _all(child, "item"):
                line = InlineText()
                _inline(item, line, resolver)
                layout.add(LIST_ITEM, line, "- ")


def _inline(element: object, line: InlineText, resolver: KeyResolver) -> None:
    """An element's running text into `line`, recording bibr refs as citations."""
    if element.text:  # type: ignore[attr-defined]
        line.append(element.text)  # type: ignore[attr-defined]
    for child in element:  # type: ignore[attr-defined]
        name = local_name(child)
        if name == "ref" and child.get("type") == "bibr":
            start = line.length
            _inline(child, line, resolver)
            target = child.get("target", "")
            keys = [t.lstrip("#") for t in target.split() if t.startswith("#")]
            record_citation(line, resolver, start, keys)
        elif name and name not in SKIPPED:
            _inline(child, line, resolver)
        if child.tail:
            line.append(child.tail)


def _numeric_style(root: object) -> bool:
    """True when most bibr refs print a number ("[3]", "3,")."""
    printed = [" ".join("".join(r.itertext()).split()).strip(" ,;")
               for r in root.iter() if local_name(r) == "ref" and r.get("type") == "bibr"]  # type: ignore[attr-defined]
    return bool(printed) and sum(1 for p in printed if NUMBERS.match(p.strip("[]() ,"))) * 2 >= len(printed)


# --- references ------------------------------------------------------------------------

def _references(path: Path, back: object | None) -> list[Reference]:
    if back is None:
        return []
    bibls = [el for el in back.iter() if local_name(el) == "biblStruct"]  # type: ignore[attr-defined]
    return [_reference(path, bibl, position) for position, bibl in enumerate(bibls, start=1)]


def _reference(path: Path, bibl: object, position: int) -> Reference:
    """One biblStruct as a Reference."""
    analytic, monogr = _find(bibl, "analytic"), _find(bibl, "monogr")
    fields: dict[str, str] = {}
    people = [p for p in (_person(a) for a in _all(analytic, "author")) if p is not None]
    if not people:
        people = [p for p in (_person(a) for a in _all(monogr, "author")) if p is not None]
    editors = [p for p in (_person(a) for a in _all(monogr, "editor")) if p is not None]
    article_title = _title(analytic, "a")
    journal = _title(monogr, "j")
    book = _title(monogr, "m") or _title(monogr, "s")
    meeting = _text(_find(monogr, "meeting"))
    if article_title:
        fields["title"] = article_title
        if journal:
            fields["journal"] = journal
        elif book or meeting:
            fields["booktitle"] = book or meeting
    elif book or journal:
        fields["title"] = book or journal
    imprint = _find(monogr, "imprint")
    year = re.search(r"\d{4}", _when(_find(imprint, "date")) or _text(_find(imprint, "date")))
    if year:
        fields["year"] = year.group(0)
    for scope in _all(imprint, "biblScope"):
        unit = scope.get("unit", "")  # type: ignore[attr-defined]
        first, last = scope.get("from", ""), scope.get("to", "")  # type: ignore[attr-defined]
        value = f"{first}–{last}" if first and last else first or _text(scope)
        name = {"volume": "volume", "issue": "number", "page": "pages"}.get(unit)
        if name and value:
            fields[name] = value
    for name, tag in (("publisher", "publisher"), ("address", "pubPlace")):
        value = _text(_find(imprint, tag))
        if value:
            fields[name] = value
    for kind, name in (("DOI", "doi"), ("PMID", "pmid"), ("arXiv", "arxiv"), ("PMCID", "pmcid")):
        value = _idno(bibl, kind)
        if value:
            fields[name] = value
    pointer = next((p.get("target") for p in bibl.iter() if local_name(p) == "ptr"), "")  # type: ignore[attr-defined]
    if pointer:
        fields["url"] = pointer
    if editors:
        fields["editor"] = " and ".join(f"{p.family}, {p.given}" if p.given else p.family for p in editors)
    raw = next((el for el in bibl.iter() if local_name(el) == "note"  # type: ignore[attr-defined]
                and el.get("type") == "raw_reference"), None)
    if raw is not None and _text(raw):
        fields["printed"] = _text(raw)
    entry_type = ("article" if journal and article_title else "inproceedings" if meeting and article_title
                  else "incollection" if book and article_title else "book" if book else "misc")
    key = bibl.get(XML_ID) or f"b{position - 1}"  # type: ignore[attr-defined]
    reference = Reference(key=key, entry_type=entry_type,
                          fields=fields, authors=people or editors, path=str(path),
                          line=getattr(bibl, "sourceline", 0) or 0, origin="tei")
    reference.bibtex = to_bibtex(reference)
    return reference


# --- helpers ---------------------------------------------------------------------------

def _find(element: object | None, *path: str) -> object | None:
    for name in path:
        if element is None:
            return None
        element = next((c for c in element if local_name(c) == name), None)  # type: ignore[attr-defined]
    return element


def _all(element: object | None, name: str) -> list[object]:
    return [] if element is None else [c for c in element if local_name(c) == name]  # type: ignore[attr-defined]


def _text(element: object | None) -> str:
    if element is None:
        return ""
    line = InlineText()
    _inline(element, line, KeyResolver([], {}))
    return line.text().strip()


def _title(element: object | None, level: str) -> str:
    return next((_text(t) for t in _all(element, "title") if t.get("level") == level  # type: ignore[attr-defined]
                 and t.get("type", "main") == "main" and _text(t)), "")


def _when(element: object | None) -> str:
    """ISO date from date@when ('2016-03-08', '2014')."""
    if element is None:
        return ""
    when = element.get("when", "")  # type: ignore[attr-defined]
    return when if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", when) else ""


def _idno(element: object | None, kind: str) -> str:
    if element is None:
        return ""
    for idno in element.iter():  # type: ignore[attr-defined]
        if local_name(idno) == "idno" and (idno.get("type") or "").lower() == kind.lower() and _text(idno):
            return _text(idno)
    return ""


def _person(author: object) -> PersonName | None:
    """PersonName of a TEI author/editor: persName forenames and surname (or the bare name)."""
    pers = _find(author, "persName")
    target = pers if pers is not None else author
    surname = _text(_find(target, "surname"))
    given = " ".join(_text(f) for f in _all(target, "forename") if _text(f))
    return PersonName(family=surname, given=given) if surname else None
