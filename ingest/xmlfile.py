"""Research-paper XML (.xml, .nxml): parse safely and hand the tree to the right reader.

JATS (`<article>`, also inside PMC's `<pmc-articleset>`) goes to ingest.jats, GROBID TEI
(`<TEI>`) to ingest.tei; any other root element is an InputError. The parser never touches the
network, loads no DTD and expands no entity (no XXE, no entity bombs), and keeps lxml's limits on
tree depth and text size (huge_tree off); a file larger than MAX_XML_BYTES is refused before parsing.
"""

from __future__ import annotations

import html.entities
import re
from pathlib import Path

from ingest.model import InputError, ParsedDocument

XML_SUFFIXES = {".xml", ".nxml"}
MAX_XML_BYTES = 64 * 1024 * 1024
XML_HINT = "Give a JATS (PMC, eLife, PLOS, …) or GROBID TEI .xml file"


def local_name(element: object) -> str:
    """An element's tag without its namespace ('{http://www.tei-c.org/ns/1.0}TEI' -> 'TEI');
    '' for comments, processing instructions and entities."""
    tag = getattr(element, "tag", None)
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rpartition("}")[2] if isinstance(tag, str) else ""
        if len(_LOCAL_NAMES) < _MAX_LOCAL_NAMES:  # a hostile file's thousands of tags are not kept
            _LOCAL_NAMES[tag] = name
    return name


# tag (or, for comments and processing instructions, lxml's factory function) -> local name; tags
# are few, and the readers ask for them about a million times per hundred articles
_LOCAL_NAMES: dict[object, str] = {}
_MAX_LOCAL_NAMES = 4096


def entity_text(element: object) -> str:
    """The character an unexpanded named entity (&nbsp;) stands for, from the HTML entity table."""
    name = str(getattr(element, "name", "") or "")
    return html.entities.html5.get(f"{name};", " ")


def parse_xml(path: Path) -> object:
    """The root element of the XML file at `path`, or an InputError with the file and line."""
    from lxml import etree

    try:
        size = path.stat().st_size
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror})", hint="Check the path") from None
    if size > MAX_XML_BYTES:
        raise InputError(str(path), f"is {size // (1024 * 1024)} MB, more than an article's XML can be "
                         f"({MAX_XML_BYTES // (1024 * 1024)} MB)", hint=XML_HINT)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             dtd_validation=False, remove_comments=True, remove_pis=True)
    try:
        data = path.read_bytes()
        root = etree.fromstring(data, parser)
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror})", hint="Check the path") from None
    except etree.XMLSyntaxError as err:
        message = re.sub(r",? line \d+, column \d+.*$|\s*\(.*$", "", err.msg or "malformed")
        message = message.strip().rstrip(".")
        message = message.replace(", see xmlCtxtSetMaxAmplification", "")
        raise InputError(str(path), f"is not well-formed XML: {message}", line=err.lineno or None,
                         hint="Fix the XML there, or give the publisher's original file") from None
    if root is None:
        raise InputError(str(path), "is empty", hint=XML_HINT)
    return root


def read_xml_documents(path: Path) -> list[ParsedDocument]:
    """The article (and its peer-review comments) of a JATS or GROBID TEI file."""
    root = parse_xml(path)
    name = local_name(root)
    if name in ("pmc-articleset", "articles", "OAI-PMH", "record", "metadata", "GetRecord"):
        article = next((el for el in root.iter() if local_name(el) == "article"), None)
        if article is not None:
            root, name = article, "article"
    if name == "article":
        from ingest.jats import read_jats

        return read_jats(path, root)
    if name in ("TEI", "teiCorpus"):
        from ingest.tei import read_tei

        return read_tei(path, root)
    raise InputError(str(path), f"is XML, but its root element <{name}> is neither a JATS <article> nor a "
                     f"GROBID <TEI>", line=getattr(root, "sourceline", None), hint=XML_HINT)
