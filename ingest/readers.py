"""Read an article file (.txt, .md, .html, .xml) into ParsedDocuments: the article, then its comments.

`read_documents(path)` keeps the text exactly: every block and sentence span slices
the document text to the exact characters. Plain text and Markdown keep the whole
file as the article text; HTML uses the main body trafilatura extracts.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from graph.schema import DocumentKind, comment_id, document_id
from ingest import guards
from ingest.blocks import (
    METADATA_LINE,
    NAME_ALONE,
    REFERENCE_HEADING,
    Classifier,
    byline_names,
    find_units,
    separated_byline_person,
)
from ingest.dates import parse_date, publication_date
from ingest.model import (
    BYLINE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    REFERENCES,
    SIGNOFF,
    TITLE,
    Block,
    ParsedDocument,
    Sentence,
    WebLink,
)
from ingest.segment import Line, split_lines, split_sentences
from ingest.textfile import read_text_file
from ingest.threads import (
    CommentSpan,
    dequoted,
    find_headers,
    markdown_thread,
    rule_thread,
    thread_spans,
    thread_start,
)
from ingest.xmlfile import XML_SUFFIXES, read_xml_documents

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
ARTICLE_HINT = "Give a .txt, .md, .html, .pdf or JATS/TEI .xml file with the article's text"
URL_IN_TEXT = re.compile(r"https?://[^\s<>\"')\]]+")


def read_documents(path: str | Path) -> list[ParsedDocument]:
    """The article in `path` first, then each reader comment as its own document, in file order."""
    file_path = Path(path)
    guards.check_regular_file(file_path, "an article", ARTICLE_HINT, limit=guards.MAX_ANY_ARTICLE_BYTES)
    guards.check_article_suffix(file_path)
    if file_path.suffix.lower() in XML_SUFFIXES:  # JATS or GROBID TEI, by root element
        return guards.normalised(read_xml_documents(file_path))
    if is_pdf(file_path):
        from ingest.pdf import read_pdf

        return guards.normalised(read_pdf(file_path))
    text = load_text(file_path)
    kind = detect_format(file_path, text)
    if kind == "html":
        from ingest.html_reader import read_html

        guards.check_html_depth(file_path, text)
        documents = read_html(file_path, text)
    else:
        guards.check_text_shape(text, file_path)
        guards.check_article_content(file_path, text)
        documents = read_plain(file_path, text, markdown=kind == "markdown")
    return with_own_references(documents)


def with_own_references(documents: list[ParsedDocument]) -> list[ParsedDocument]:
    """The article gets the entries of its own printed reference list as `references` (when it
    has one and no reader filled them already), then those of the lists its comments print (a
    forum poster's "Sources:"): they are the page's, so a citation one of them prints is read
    against them too. Comments keep none of their own."""
    from ingest.reflist import find_reference_section, references_in_section, references_in_text

    article = documents[0] if documents else None
    if article is None or article.references:
        return documents
    section = find_reference_section(article.text, _blocks_end(article)) or _listed_blocks(article)
    article.references = references_in_section(article.text, section, article.path)
    taken = {ref.key for ref in article.references}
    for comment in documents[1:]:
        if not any(b.kind == REFERENCES for b in comment.blocks):
            continue
        if section and comment.offset <= section[0] < comment.offset + len(comment.text):
            continue  # the list the article's own reading found already
        listed = references_in_text(comment.text, comment.path, limit=_blocks_end(comment))
        # a comment's text is the file from its `offset` (an HTML comment's is extracted: offset 0)
        lines_before = article.text.count("\n", 0, comment.offset)
        for ref in listed:
            ref.line += lines_before
            ref.key = _free_key(ref.key, taken)
            taken.add(ref.key)
        article.references.extend(listed)
    return documents


def _listed_blocks(document: ParsedDocument) -> tuple[int, int] | None:
    """The span of the reference-entry blocks right under a blog's own list heading ("Further
    reading", "Sources") that the reference-list reader's journal headings do not know: its entries
    are the page's printed list ("Waller, J. (2008a). A time to dance …" tells 2008a from 2008b).
    The last such list; none without such a heading (a reading-label line, prose read as a list line)."""
    found = None
    blocks = document.blocks
    for i, block in enumerate(blocks[:-1]):
        if block.kind != HEADING or blocks[i + 1].kind != REFERENCES or not REFERENCE_HEADING.match(
                document.text[block.start:block.end].strip()):
            continue
        last = i + 1
        while last + 1 < len(blocks) and blocks[last + 1].kind == REFERENCES:
            last += 1
        found = (blocks[i + 1].start, blocks[last].end)
    return found


# --- loading ---------------------------------------------------------------------------

def is_pdf(path: Path) -> bool:
    """A .pdf name, or a file whose first KiB holds the %PDF- signature whatever its name."""
    if path.suffix.lower() == ".pdf":
        return True
    try:
        with path.open("rb") as handle:
            return b"%PDF-" in handle.read(1024)
    except OSError:
        return False


def load_text(path: Path) -> str:
    """The file decoded as UTF-8 (a BOM is allowed), or an InputError saying what is wrong."""
    return read_text_file(path, "an article", hint=ARTICLE_HINT)


def detect_format(path: Path, text: str) -> str:
    """'html', 'markdown' or 'plain', by suffix and then by sniffing the content."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head):
        return "html"
    markdown_headings = len(re.findall(r"^#{1,6} \S", text, re.M))
    if (text.startswith("---") and _front_matter(text)[1]) or markdown_headings >= 2:
        return "markdown"
    return "plain"


# --- front matter ----------------------------------------------------------------------

def _front_matter(text: str, lines: list[Line] | None = None) -> tuple[dict[str, str], int]:
    """YAML-ish `key: value` pairs between leading `---` lines, and where the body starts (`lines`:
    split_lines(text), when the caller has them)."""
    lines = split_lines(text) if lines is None else lines
    if not lines or lines[0].stripped != "---":
        return {}, 0
    fields: dict[str, str] = {}
    for line in lines[1:]:
        if line.stripped in ("---", "..."):
            return fields, line.number
        key, sep, value = line.text.partition(":")
        if sep and re.fullmatch(r"\s*[\w\-]+\s*", key):
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return {}, 0


# --- plain text and Markdown -----------------------------------------------------------

def read_plain(path: Path, text: str, markdown: bool) -> list[ParsedDocument]:
    """Article and comments of a plain-text or Markdown file."""
    lines = split_lines(text)
    front, body_line = _front_matter(text, lines)
    first_content = next((i for i in range(body_line, len(lines)) if not lines[i].blank), body_line)
    start_of_thread = thread_start(lines, first_content + 1)
    headed = markdown_thread(lines, first_content + 1, markdown)
    if headed and start_of_thread is not None and start_of_thread <= headed.comments[0].header.line_index:
        headed = None  # an old-style thread ("1. Liza Webb October 13, 2017 - Reply") read as before
    if headed is None and start_of_thread is None and not markdown:  # posts set off by rule lines
        headed = rule_thread(lines, first_content + 1)
    if headed:
        article_lines = lines[body_line:headed.heading_line] + lines[headed.end_line:]
        if headed.opening:  # the first post's header is the article's byline, no text of it
            article_lines = [line for line in article_lines if line.number != headed.opening.line_index + 1]
    else:
        article_lines = lines[body_line:start_of_thread] if start_of_thread is not None else lines[body_line:]
    classifier = Classifier(text, markdown, known_title=front.get("title", ""))
    blocks = classifier.classify(find_units(text, article_lines, markdown, split_headings=not markdown))
    guards.check_paragraphs(path, text, _prose_spans(blocks))
    comments: list[CommentSpan] = []
    if headed:
        comments = headed.comments
        blocks = _merged(blocks, _stray_blocks(headed.stray))
    elif start_of_thread is not None:
        comments, stray = thread_spans(lines, find_headers(lines, start_of_thread))
        blocks.extend(_stray_blocks(stray))
    article = _article(path, text, blocks, front)
    if headed and headed.opening:
        article.author = article.author or headed.opening.name
        article.date = article.date or headed.opening.date
    documents = [article]
    documents.extend(_comment_document(path, text, article, span, position)
                     for position, span in enumerate(comments, start=1))
    article.author = article.author or _author_from_signoff(article, documents[1:])
    if markdown:
        for document in documents:
            document.links = document.links or markdown_links(document.text)
    return documents


# "[Xu and colleagues](https://doi.org/10.1038/s41586-021-03618-9)": a Markdown inline link out of the
# page, its anchor text the span (as an HTML page's <a href> is); "![figure](…)" is an image, no link.
_MARKDOWN_LINK = re.compile(r"(?<!!)\[(?P<anchor>[^\[\]\n]{1,300})\]\((?P<href>(?:https?://|doi:)[^\s()]+"
                            r"(?:\([^\s()]*\)[^\s()]*)*)(?:\s+\"[^\"\n]*\")?\)")


def markdown_links(text: str) -> list[WebLink]:
    """The Markdown inline links of `text` that leave the page, anchor text as the span."""
    return [WebLink(m.start("anchor"), m.end("anchor"), m.group("href"))
            for m in _MARKDOWN_LINK.finditer(text)]


def _blocks_end(document: ParsedDocument) -> int:
    """Where the document's last block ends (its whole text when it has none)."""
    return max((b.end for b in document.blocks), default=len(document.text))


def _free_key(key: str, taken: set[str]) -> str:
    """`key`, or when the page has it already the first free 'smith2010-2', 'smith2010-3', …"""
    candidate, count = key, 1
    while candidate in taken:
        count += 1
        candidate = f"{key}-{count}"
    return candidate


def _prose_spans(blocks: list[Block], base: int = 0) -> list[tuple[int, int]]:
    """Spans of the blocks that are split into sentences (paragraphs, list items), shifted by `base`."""
    return [(base + b.start, base + b.end) for b in blocks if b.kind in (PARAGRAPH, LIST_ITEM)]


def _merged(blocks: list[Block], extra: list[Block]) -> list[Block]:
    """`blocks` with `extra` put in text order among them (a thread between the article and a section
    after it), list lead-ins renumbered."""
    merged = sorted([*((b.start, 0, i) for i, b in enumerate(blocks)),
                     *((b.start, 1, i) for i, b in enumerate(extra))])
    new_index = {i: n for n, (_, source, i) in enumerate(merged) if source == 0}
    result = []
    for _, source, i in merged:
        block = blocks[i] if source == 0 else extra[i]
        if source == 0 and block.lead_in is not None:
            block = Block(block.kind, block.start, block.end, block.section, new_index[block.lead_in],
                          block.quote)
        result.append(block)
    return result


def _stray_blocks(lines: list[Line]) -> list[Block]:
    """Boilerplate blocks for thread lines that belong to no comment ("Leave A Comment")."""
    from ingest.model import BOILERPLATE

    return [Block(BOILERPLATE, *line.content_span()) for line in lines]


def _article(path: Path, text: str, blocks: list[Block], front: dict[str, str]) -> ParsedDocument:
    """The article document with metadata from front matter, title, byline and metadata lines."""
    url = front.get("url") or front.get("link") or front.get("canonical") or _url_from_lines(text, blocks)
    slug = slug_for(url, path)
    doc_id = document_id(slug)
    title_block = next((b for b in blocks if b.kind == TITLE), None)
    title = front.get("title") or (text[title_block.start:title_block.end] if title_block else "")
    bylines = [text[b.start:b.end] for b in blocks if b.kind == BYLINE]
    date_text = front.get("date") or next((line for line in bylines if parse_date(line)), "")
    return ParsedDocument(
        id=doc_id, kind=str(DocumentKind.ARTICLE), text=text, path=guards.shown_path(path), title=title,
        author=front.get("author") or author_from_bylines(bylines), date=publication_date(date_text),
        url=url, offset=0, root_id=doc_id, parent_id="", position=0, blocks=blocks,
        sentences=sentences_of(text, blocks), doi=front.get("doi", ""),
    )


def slug_for(url: str, path: Path) -> str:
    """The last segment of the URL's path, else the file stem."""
    if url:
        segments = [s for s in urlparse(url).path.split("/") if s]
        if segments:
            return re.sub(r"\.(?:html?|php|aspx?)$", "", segments[-1])
    return path.stem


def _url_from_lines(text: str, blocks: list[Block]) -> str:
    """A URL from a `URL:`/`Source:`/`Link:` metadata line."""
    for block in blocks:
        words = text[block.start:block.end]
        if block.kind == BYLINE and METADATA_LINE.match(words):
            found = URL_IN_TEXT.search(words)
            if found:
                return found.group(0).rstrip(".,;")
    return ""


def author_from_bylines(bylines: list[str]) -> str:
    """The name after 'By' (or in an 'Author:' line), when a byline names one; several names
    ('By Eelco van Anken, David Pincus, …', 'By Ana Sánchez and Jürgen Müller') joined by ', '."""
    for line in bylines:
        names = byline_names(line)
        if len(names) >= 2:
            return ", ".join(names)
        line = re.sub(r"^[*_]{1,2}(?=\S)(.*?)(?<=\S)[*_]{1,2}(?=\s|$)", r"\1", line)
        match = re.match(r"^(?:author\s*:|(?:written |posted )?by\b:?)\s*(?P<name>[^|\d,]+)", line, re.I)
        if match:
            name = re.split(r"\s+(?:on|in|at|-|–|—)\s+", match.group("name").strip())[0].strip(" |,-")
            if name and NAME_ALONE.match(name):
                return name
    # "*Farida Haddad-Møller · Notes from the Replication Crisis · 28 February 2025*"
    return next((person for person in map(separated_byline_person, bylines) if person), "")


def _author_from_signoff(article: ParsedDocument, comments: list[ParsedDocument]) -> str:
    """The sign-off name, completed from a commenter who replies under a fuller form of it."""
    names = [article.text[b.start:b.end] for b in article.blocks
             if b.kind == SIGNOFF and NAME_ALONE.match(article.text[b.start:b.end])]
    if not names:
        return ""
    signed = names[-1]
    for comment in comments:
        if comment.author.lower().startswith(signed.lower() + " "):
            return comment.author
    return signed


def _comment_document(path: Path, text: str, article: ParsedDocument, span: CommentSpan,
                      position: int) -> ParsedDocument:
    """A comment as its own document: its text is the exact slice of the file holding its body."""
    body = text[span.body_start:span.body_end]
    lines = split_lines(body)
    depth = span.header.quote_depth
    if depth is not None:  # a Markdown thread: the body read as Markdown, without the reply's "> "
        lines = [dequoted(line, depth) or line for line in lines]
    markdown = depth is not None
    blocks = Classifier(body, markdown=markdown, may_have_title=False).classify(
        find_units(body, lines, markdown))
    blocks = [_comment_block(b) for b in blocks]
    guards.check_paragraphs(path, text, _prose_spans(blocks, span.body_start))
    parent = comment_id(article.id, span.parent_path) if span.parent_path else article.id
    name = span.header.name
    return ParsedDocument(
        id=comment_id(article.id, span.path), kind=str(DocumentKind.COMMENT), text=body,
        path=guards.shown_path(path),
        title=f"Comment by {name}", author=name, date=span.header.date, url="", offset=span.body_start,
        root_id=article.id, parent_id=parent, position=position, blocks=blocks,
        sentences=sentences_of(body, blocks),
    )


def _comment_block(block: Block) -> Block:
    """Comments have no headings or titles: a short standalone line there is just a paragraph."""
    if block.kind in ("heading", TITLE):
        return Block(PARAGRAPH, block.start, block.end, block.section, block.lead_in, block.quote)
    return block


def sentences_of(text: str, blocks: list[Block]) -> list[Sentence]:
    """Sentences of the paragraph and list-item blocks, with exact offsets."""
    sentences: list[Sentence] = []
    for index, block in enumerate(blocks):
        if block.kind in (PARAGRAPH, LIST_ITEM):
            sentences.extend(Sentence(start, end, index) for start, end in
                             split_sentences(text, block.start, block.end))
    return sentences
