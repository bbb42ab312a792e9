"""HTML articles: trafilatura finds the main content and its metadata; we lay out its text.

The article text is the extracted body, one element (heading, paragraph, list
item, quote, table row) per paragraph separated by blank lines, so block offsets
index into that text exactly. Navigation, footers and share bars never reach it.

The text is normalised in one way: a superscript reference marker (`<sup>1</sup>`,
`<sup>[1, 2]</sup>`, `<sup><a href="#ref1">1</a></sup>`) becomes a bracketed marker
"[1]" / "[1, 2]", so "charge.<sup>1</sup> In" reads "charge.[1] In": two sentences and a
numeric citation, where trafilatura alone would give "charge.1 In". An item of an ordered
list is preceded by its number ("1. ") as a browser shows it, outside the item's block.

Hyperlinks out of the page (`<a href="https://doi.org/…">Blakemore and colleagues</a>`) are kept
as `ParsedDocument.links`, spans of that text: a link to a listed work's DOI or URL cites it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from graph.schema import DocumentKind, comment_id, document_id
from ingest.blocks import Classifier, Unit, byline_names
from ingest.dates import parse_date, publication_date
from ingest.guards import check_paragraphs, parser_failure, shown_path
from ingest.model import BOILERPLATE, BYLINE, TITLE, InputError, ParsedDocument, WebLink

# trafilatura XML elements that hold text of their own, and the unit hint each becomes.
_TEXT_ELEMENTS = {"p": "text", "quote": "text", "head": "heading", "item": "item", "code": "code"}
_SEPARATOR = "\n\n"


def read_html(path: Path, html: str) -> list[ParsedDocument]:
    """The article of an HTML page, then its reader comments (WordPress-style comment markup)."""
    from lxml import etree

    try:
        extracted = main_content_xml(bracket_reference_superscripts(html))
        root = etree.fromstring(extracted.encode("utf-8")) if extracted else None
        metadata = page_metadata(html)
    except Exception as err:  # a parser failure is the file's, in one line
        raise parser_failure(shown_path(path), "cannot be read as HTML", err,
                             hint="Check that it is a web page, or save its text as .txt") from None
    if root is None:
        raise InputError(shown_path(path), "has no article body that can be extracted",
                         hint="Give the page with the article's text, or save the text as .txt")
    text, units, links = _layout(root)
    if not text.strip():
        raise InputError(shown_path(path), "has no article body that can be extracted",
                         hint="Give the page with the article's text, or save the text as .txt")
    title = (metadata.title or "") if metadata else ""
    blocks = Classifier(text, markdown=True).classify(units)
    check_paragraphs(path, text, [(b.start, b.end) for b in blocks], numbered=False)
    if all(b.kind in (TITLE, BOILERPLATE) for b in blocks):  # a navigation link, a lone heading
        raise InputError(shown_path(path), "has no article body that can be extracted",
                         hint="Give the page with the article's text, or save the text as .txt")
    if not title:
        title = next((text[b.start:b.end] for b in blocks if b.kind == TITLE), "")
    url = (metadata.url or "") if metadata else ""
    from ingest.readers import author_from_bylines, sentences_of, slug_for

    bylines = [text[b.start:b.end] for b in blocks if b.kind == BYLINE]
    author = _people((metadata.author or "") if metadata else "")
    published = _iso(metadata.date if metadata else "") or publication_date(
        next((line for line in bylines if parse_date(line)), ""))

    doc_id = document_id(slug_for(url, path))
    article = ParsedDocument(
        id=doc_id, kind=str(DocumentKind.ARTICLE), text=text, path=shown_path(path), title=title,
        author=author or author_from_bylines(bylines), date=published,
        url=url, offset=0, root_id=doc_id, parent_id="", position=0, blocks=blocks,
        sentences=sentences_of(text, blocks), links=links,
    )
    try:
        comments = html_comments(html, article)
    except InputError:
        raise
    except Exception as err:  # a parser failure is the file's, in one line
        raise parser_failure(shown_path(path), "cannot be read as HTML (its comments)", err) from None
    return [article, *comments]


def _people(author: str) -> str:
    """trafilatura's author field ('; '-separated) reduced to the people it names, ', '-joined: 'Daniel
    Ortiz · Science; Society' -> 'Daniel Ortiz'; '' when its first part names nobody ('Patient
    information leaflet; Reviewed May'). A later part counts only as a full name (two words or more)."""
    parts = [byline_names("By " + part.strip()) for part in author.split(";")]
    if not parts or not parts[0]:
        return ""
    names = parts[0] + [name for later in parts[1:] for name in later if len(name.split()) >= 2]
    return ", ".join(dict.fromkeys(names))


def page_metadata(html: str) -> object:
    """trafilatura's metadata of the page itself (title, author, date, url).

    The date comes from the page's own markup (meta tags, its <time> elements, its URL), never from
    reader comments (their containers are taken out first: a page without a date used to take its
    first comment's) nor from the running text (htmldate's extensive search read "(Hattie, 2009)"
    as 2009-01-01).
    """
    import lxml.html
    import trafilatura

    if "comment" in html:
        tree = lxml.html.fromstring(html)
        comments = [el for el in tree.iter() if isinstance(el.tag, str) and _is_comment(el)]
        for element in comments:
            if element.getparent() is not None and not any(a in comments for a in element.iterancestors()):
                element.drop_tree()
        if comments:
            html = lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>")
    date_config = {"original_date": True, "extensive_search": False, "max_date": date.today().isoformat()}
    return trafilatura.extract_metadata(html, date_config=date_config)


def main_content_xml(html: str) -> str | None:
    """trafilatura's XML of the page's main content (`trafilatura.extract(output_format="xml")`).

    Called in its two steps, because `extract` then also computes a simhash fingerprint of the
    whole text for its XML output, which we never use and which was the peak of the reader's
    memory (a token list of the whole text: 22.7x a 2 MiB page, 11.2x without it; see
    docs/inputs.md).
    """
    from trafilatura.core import bare_extraction, determine_returnstring
    from trafilatura.settings import Extractor

    options = Extractor(output_format="xml", recall=True, comments=False, formatting=False, links=True,
                        tables=True, with_metadata=False)
    document = bare_extraction(html, options=options, as_dict=False)
    if document is None or document.body is None:
        return None
    return determine_returnstring(document, options) or None


# The text of a superscript that is a reference marker: "1", "[1]", "1,2", "(3)", "1–3".
_SUPERSCRIPT_MARKER = re.compile(r"[\[(]?\s*(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\s*[\])]?")


# What runs right before a reference superscript: punctuation or a word of three or more letters.
_MARKER_PRECEDES = re.compile(r"(?:[.,;:!?)\]”\"’']|[^\W\d_]{3,})\s*$")


def bracket_reference_superscripts(html: str) -> str:
    """The page with each superscript reference marker written as "[n]" (see the module docstring).

    A marker follows punctuation or a word of three or more letters; after a digit, a letter or a
    unit ("10<sup>6</sup>", "x<sup>2</sup>", "m<sup>2</sup>") it is an exponent and stays, unless it
    holds an in-page link ("#ref1"), which only reference markers do.
    """
    import lxml.html

    if "<sup" not in html.lower():
        return html
    tree = lxml.html.fromstring(html)
    changed = False
    for sup in list(tree.iter("sup")):
        marker = _SUPERSCRIPT_MARKER.fullmatch(sup.text_content().strip())
        linked = any((a.get("href") or "").startswith("#") for a in sup.iter("a"))
        if not marker or not linked and not _MARKER_PRECEDES.search(_text_before(sup)):
            continue
        for child in list(sup):
            sup.remove(child)
        sup.text = f"[{marker.group(1)}]"
        changed = True
    return lxml.html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>") if changed else html


def _text_before(element: object) -> str:
    """The text that runs right before an element inside its parent."""
    previous = element.getprevious()  # type: ignore[attr-defined]
    if previous is None:
        return element.getparent().text or ""  # type: ignore[attr-defined]
    return previous.tail or previous.text_content()


def html_comments(html: str, article: ParsedDocument) -> list[ParsedDocument]:
    """Reader comments marked up as elements with class 'comment' holding an author and a body.

    A comment's text is its body's paragraphs separated by blank lines; as with the
    article, offsets index into that text, and `offset` is 0 (HTML text is extracted).
    """
    import lxml.html

    from ingest.readers import sentences_of

    tree = lxml.html.fromstring(bracket_reference_superscripts(html))
    containers = [el for el in tree.iter() if isinstance(el.tag, str) and _is_comment(el)]
    paths: dict[object, tuple[int, ...]] = {}
    children: dict[tuple[int, ...], int] = {}
    documents: list[ParsedDocument] = []
    for element in containers:
        body = _first_with_class(element, ("comment-content", "comment-text", "comment-body-text"))
        name = _first_with_class(element, ("fn", "comment-author-name", "comment-author"))
        if body is None or name is None:
            body, name = _plain_comment(element, body, name)
        if body is None or name is None:
            continue
        parent = next((a for a in element.iterancestors() if a in paths), None)
        parent_path = paths[parent] if parent is not None else ()
        children[parent_path] = children.get(parent_path, 0) + 1
        paths[element] = (*parent_path, children[parent_path])
        text, units, links = _layout_html_paragraphs(body)
        blocks = Classifier(text, markdown=True, may_have_title=False).classify(units)
        author = re.sub(r"\s+says:?$", "", " ".join(name.text_content().split()), flags=re.I)
        documents.append(ParsedDocument(
            id=comment_id(article.id, paths[element]), kind=str(DocumentKind.COMMENT), text=text,
            path=article.path, title=f"Comment by {author}", author=author, date=_comment_date(element),
            offset=0, root_id=article.id,
            parent_id=comment_id(article.id, parent_path) if parent_path else article.id,
            position=len(documents) + 1, blocks=blocks, sentences=sentences_of(text, blocks), links=links))
    return documents


_META_CLASSES = ("comment-meta", "comment-metadata", "comment-header", "comment-byline")


def _plain_comment(element: object, body: object | None, name: object | None) -> tuple[object | None,
                                                                                         object | None]:
    """Body and author of a comment marked up without WordPress's body and author classes:
    `<div class="comment"><p class="comment-meta"><strong>Léa Dubois</strong> · 4 March 2024</p>
    <p>…</p></div>`. The author is the meta line's first emphasised name; the body, the comment's own
    paragraphs after it (not those of the replies nested in it). (None, None) when it has no meta line."""
    import copy

    import lxml.html

    meta = _first_with_class(element, _META_CLASSES)
    writer = ""
    if meta is None:
        meta, writer = _header_paragraph(element)
    if meta is None:
        return body, name
    if name is None:
        name = next((e for e in meta.iter("strong", "b", "a", "cite")), None)  # type: ignore[attr-defined]
    if name is None and writer:
        name = lxml.html.Element("span")
        name.text = writer
    if body is None:
        own = [p for p in element.iter("p", "li", "blockquote")  # type: ignore[attr-defined]
               if p is not meta and meta not in p.iterancestors()
               and next((a for a in p.iterancestors() if _is_comment(a)), None) is element]
        if own:
            body = lxml.html.Element("div")
            for paragraph in own:
                body.append(copy.deepcopy(paragraph))
    return body, name


# "Álvaro Benítez · 3 de marzo de 2025", "Sam Ortiz | 14:02": a person, a separator, when.
_HEADER_LINE = re.compile(r"^(?P<name>[^·|•\d]{2,60}?)\s+[·|•]\s+(?P<when>[^·|•]{4,60})$")
# "10 March", "March 10": a day and a month, the year left out on a page of this year's comments.
_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_WHEN_WRITTEN = re.compile(rf"\b(?:1[89]|20)\d\d\b|\b\d{{1,2}}:\d{{2}}\b|^\d{{1,2}}\s+{_MONTHS}\.?$"
                           rf"|^{_MONTHS}\.?\s+\d{{1,2}}$")


def _header_paragraph(element: object) -> tuple[object | None, str]:
    """A comment's first own paragraph when it only names its writer and when it was posted
    (`<p class="who">Álvaro Benítez · 3 de marzo de 2025</p>`), and the writer's name; (None, "")."""
    first = next((p for p in element.iter("p")  # type: ignore[attr-defined]
                  if next((a for a in p.iterancestors() if _is_comment(a)), None) is element), None)
    if first is None:
        return None, ""
    header = _HEADER_LINE.match(" ".join(first.text_content().split()))
    if not header or not _WHEN_WRITTEN.search(header.group("when")):
        return None, ""
    # "Siobhán (coach) · 10 March": a role in parentheses after the writer's name is no part of it
    names = byline_names("By " + re.sub(r"\s*\([^()]{1,30}\)$", "", header.group("name")))
    return (first, names[0]) if len(names) == 1 else (None, "")


def _classes(element: object) -> set[str]:
    return set((element.get("class") or "").split())  # type: ignore[attr-defined]


def _is_comment(element: object) -> bool:
    """A comment's container: class "comment", or class "reply" nested inside one (`<div class="comment">
    … <div class="reply"><p><strong>Siobhán</strong> · 10 March</p><p>…</p></div></div>`; a "reply" that
    holds only WordPress's reply link has no writer's line and is no comment of its own)."""
    classes = _classes(element)
    if "comment" in classes:
        return True
    return "reply" in classes and any("comment" in _classes(a)
                                      for a in element.iterancestors())  # type: ignore[attr-defined]


def _first_with_class(element: object, names: tuple[str, ...]) -> object | None:
    """The first descendant carrying one of the classes, not inside a nested comment."""
    for descendant in element.iterdescendants():  # type: ignore[attr-defined]
        if not isinstance(descendant.tag, str):
            continue
        nested = next((a for a in descendant.iterancestors() if _is_comment(a)), None)
        if nested is not element:
            continue
        if _classes(descendant) & set(names):
            return descendant
    return None


def _comment_date(element: object) -> str:
    """ISO date of a comment from its <time datetime> or its written date."""
    for time in element.iterdescendants("time"):  # type: ignore[attr-defined]
        nested = next((a for a in time.iterancestors() if _is_comment(a)), None)
        if nested is element:
            return _iso(time.get("datetime")) or parse_date(time.text_content())
    meta = _first_with_class(element, ("comment-metadata", "comment-meta", "comment-date"))
    return parse_date(meta.text_content()) if meta is not None else ""  # type: ignore[attr-defined]


def _layout_html_paragraphs(body: object) -> tuple[str, list[Unit], list[WebLink]]:
    """Comment body text: its paragraphs (or its whole text) separated by blank lines; its links."""
    paragraphs = [p for p in body.iter("p", "li", "blockquote")  # type: ignore[attr-defined]
                  if p.tag != "blockquote" or not any(child.tag == "p" for child in p)] or [body]
    parts: list[str] = []
    units: list[Unit] = []
    links: list[WebLink] = []
    position = 0
    for paragraph in paragraphs:
        raw = paragraph.text_content()
        words = " ".join(raw.split())
        if not words:
            continue
        if parts:
            position += len(_SEPARATOR)
        quoted = any(e.tag == "blockquote" for e in (paragraph, *paragraph.iterancestors()))
        units.append(Unit(position, position + len(words), "item" if paragraph.tag == "li" else "text",
                          True, True, quote=quoted))
        links.extend(_element_links(paragraph, raw, "a", "href", position, keep_lists=True))
        parts.append(words)
        position += len(words)
    return _SEPARATOR.join(parts), units, links


def _iso(value: str | None) -> str:
    """The YYYY-MM-DD part of a date trafilatura found."""
    return (value or "")[:10]


def _layout(root: object) -> tuple[str, list[Unit], list[WebLink]]:
    """The body text, one element per paragraph, a unit for each element, and the links out of
    the page in that text."""
    parts: list[str] = []
    units: list[Unit] = []
    links: list[WebLink] = []
    position = 0
    for element, hint, level in _text_elements(root):
        raw = _own_text(element)
        words = " ".join(raw.split())
        if not words:
            continue
        if parts:
            position += len(_SEPARATOR)
        number = _ordered_number(element)
        position += len(number)
        quoted = element.tag == "quote" or _inside(element, ("quote",))
        units.append(Unit(position, position + len(words), hint, True, True, level, quote=quoted))
        if element.tag != "row":  # type: ignore[attr-defined]
            links.extend(_element_links(element, raw, "ref", "target", position))
        parts.append(number + words)
        position += len(words)
    return _SEPARATOR.join(parts), units, links


# Where a link leaves the page: a web address or a DOI ("doi:10.1038/2870").
_OUTWARD = re.compile(r"^\s*(?:https?://|doi:\s*10\.)", re.I)


def _element_links(element: object, raw: str, tag: str, attribute: str, base: int,
                   keep_lists: bool = False) -> list[WebLink]:
    """The links out of the page in `element`, whose text `raw` is laid out (whitespace collapsed)
    from `base`; none, without walking the element again, when it holds no `tag` element."""
    if next(element.iter(tag), None) is None:  # type: ignore[attr-defined]
        return []
    return _collapsed_links(raw, _link_spans(element, tag, attribute, keep_lists), base)


def _outward_href(node: object, tag: str, attribute: str) -> str:
    """The address a `tag` element links to when it leaves the page, else ''."""
    href = (node.get(attribute) or "") if node.tag == tag else ""  # type: ignore[attr-defined]
    return href.strip() if href and _OUTWARD.match(href) else ""


def _link_spans(element: object, tag: str, attribute: str,
                keep_lists: bool = False) -> tuple[str, list[tuple[int, int, str]]]:
    """The text of `element` as `_own_text` (or, `keep_lists`, lxml's text_content()) gives it,
    and the (start, end, href) of each link out of the page in that text. Links are the `tag`
    elements (trafilatura's `ref`, HTML's `a`) whose `attribute` holds the address; the element
    may be one itself."""
    pieces: list[str] = []
    spans: list[tuple[int, int, str]] = []
    length = 0

    def add(piece: str | None) -> None:
        nonlocal length
        if piece:
            pieces.append(piece)
            length += len(piece)

    def walk(node: object, top: bool = False) -> None:
        start = length
        add(node.text)  # type: ignore[attr-defined]
        for child in node:  # type: ignore[attr-defined]
            if isinstance(child.tag, str) and (keep_lists or not top or child.tag != "list"):
                walk(child)
            add(child.tail)
        href = _outward_href(node, tag, attribute)
        if href and length > start:
            spans.append((start, length, href))

    walk(element, top=True)
    return "".join(pieces), sorted(spans)


def _collapsed_links(raw: str, found: tuple[str, list[tuple[int, int, str]]], base: int) -> list[WebLink]:
    """The links of `found` (text, spans) placed in `raw` with its whitespace collapsed
    (`" ".join(raw.split())`) and laid out from `base`; none when the texts do not agree."""
    text, spans = found
    if text != raw or not spans:
        return []
    collapsed: list[int] = []  # collapsed position of each character of raw (spaces: of the next word)
    position, in_space = 0, False
    for char in raw:
        if char.isspace():
            in_space = True
            collapsed.append(-1)
            continue
        if in_space and position:
            position += 1
        in_space = False
        collapsed.append(position)
        position += 1
    links: list[WebLink] = []
    for start, end, href in spans:
        shown = [collapsed[i] for i in range(start, end) if collapsed[i] >= 0]
        if shown:
            links.append(WebLink(base + shown[0], base + shown[-1] + 1, href))
    return links


def _ordered_number(element: object) -> str:
    """"3. " for the third item of an ordered list, as a browser shows it (a numbered reference
    list then defines what "[3]" means); "" for anything else. The unit starts after it."""
    parent = element.getparent()  # type: ignore[attr-defined]
    if element.tag != "item" or parent is None or parent.tag != "list" or parent.get("rend") != "ol":  # type: ignore[attr-defined]
        return ""
    items = [child for child in parent if child.tag == "item"]
    return f"{items.index(element) + 1}. "


# What a table cell of a layout table holds: paragraphs, headings, lists, quotations.
_BLOCK_CONTENT = ("p", "head", "list", "quote")


def _layout_row(row: object) -> bool:
    """A row of a layout table (an e-mail newsletter's `<table class="email-wrapper"><tr><td>` around
    the whole issue): a cell holds paragraphs or headings of its own, which are the units; a data
    table's row is one unit, its cells joined by ' | '."""
    return any(child.tag in _BLOCK_CONTENT for cell in row for child in cell)  # type: ignore[attr-defined]


def _text_elements(root: object):
    """(element, unit hint, heading level) for each text-bearing element in document order."""
    for element in root.iter():  # type: ignore[attr-defined]
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "row":
            if not _layout_row(element):
                yield element, "text", 0
        elif tag == "quote" and any(child.tag == "p" for child in element):
            continue  # <blockquote><p>…</p></blockquote>: its paragraphs are the units, not it as well
        elif tag in _TEXT_ELEMENTS and not _inside(element, ("row", "item") if tag != "item" else ("row",)):
            rend = element.get("rend", "")
            level = int(rend[1]) if tag == "head" and rend[:1] == "h" and rend[1:2].isdigit() else 0
            yield element, _TEXT_ELEMENTS[tag], level or (2 if tag == "head" else 0)


def _inside(element: object, tags: tuple[str, ...]) -> bool:
    """True when an ancestor of `element` has one of `tags` (its text is laid out there)."""
    parent = element.getparent()  # type: ignore[attr-defined]
    while parent is not None:
        if parent.tag in tags and not (parent.tag == "row" and _layout_row(parent)):
            return True
        parent = parent.getparent()
    return False


def _own_text(element: object) -> str:
    """An element's text without nested lists (their items are their own units); cells joined by ' | '."""
    children = list(element)  # type: ignore[call-overload]
    if element.tag == "row":  # type: ignore[attr-defined]
        return " | ".join(" ".join("".join(cell.itertext()).split()) for cell in children)
    pieces = [element.text or ""]  # type: ignore[attr-defined]
    for child in children:
        if child.tag != "list":
            pieces.append(" ".join(child.itertext()) if child.tag == "lb" else "".join(child.itertext()))
        pieces.append(child.tail or "")
    return "".join(pieces)
