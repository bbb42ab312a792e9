"""A plain rendering of a JATS article for the extraction benchmark: text with a printed
reference list, and the references as BibTeX.

Deliberately simple (the `papers` branch writes the real reader, ingest/jats.py): the title,
each body section title on its own line, each body paragraph's text, then "References" and one
APA-like line per `<ref>`; the .bib has one entry per `<ref>` keyed by its id. Citations stay as
printed ("Smith et al., 2010", "[4]"), so the text route of the extractor has real work to do.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

_SPACE = re.compile(r"\s+")


def _text(element: etree._Element | None) -> str:
    return _SPACE.sub(" ", "".join(element.itertext())).strip() if element is not None else ""


def _bib_value(value: str) -> str:
    """A BibTeX field value with braces balanced and backslashes gone."""
    value = value.replace("\\", " ")
    depth, kept = 0, []
    for char in value:
        if char == "{":
            depth += 1
        elif char == "}":
            if depth == 0:
                continue
            depth -= 1
        kept.append(char)
    return "".join(kept) + "}" * depth


def _names(citation: etree._Element) -> list[tuple[str, str]]:
    group = citation.find(".//person-group[@person-group-type='author']")
    scope = group if group is not None else citation
    names = []
    for name in scope.findall(".//name"):
        names.append((_text(name.find("surname")), _text(name.find("given-names"))))
    for collab in scope.findall(".//collab"):
        names.append((_text(collab), ""))
    return [(f, g) for f, g in names if f]


def _reference(ref: etree._Element) -> tuple[str, str] | None:
    """(printed line, BibTeX entry) of one `<ref>`."""
    citation = next(iter(ref.xpath("element-citation|mixed-citation|citation|nlm-citation")), None)
    key = re.sub(r"[^\w:-]", "_", ref.get("id") or "")
    if citation is None or not key:
        return None
    names = _names(citation)
    year = _text(citation.find(".//year"))[:5]
    title = _text(citation.find(".//article-title")) or _text(citation.find(".//chapter-title"))
    source = _text(citation.find(".//source"))
    kind = citation.get("publication-type") or "journal"
    if not title:
        title, source = source, ""
    label = _text(ref.find("label")).strip("[]. ")
    authors = ", ".join(f"{f}, {g}" if g else f for f, g in names) or "Anonymous"
    printed = f"{authors} ({year or 'n.d.'}). {title}. {source}".strip().rstrip(".") + "."
    if label:
        printed = f"{label}. {printed}"
    entry_type = "article" if kind == "journal" else "book" if kind == "book" else "misc"
    fields = {"author": " and ".join(f"{f}, {g}" if g else f"{{{f}}}" for f, g in names),
              "title": title, "year": year, ("journal" if entry_type == "article" else "publisher"): source}
    body = ",\n".join(f"  {name} = {{{_bib_value(value)}}}" for name, value in fields.items() if value)
    return printed, f"@{entry_type}{{{key},\n{body}\n}}\n"


def render(path: Path) -> tuple[str, str]:
    """(article text, BibTeX) of a JATS file."""
    tree = etree.parse(str(path))
    for element in tree.iter():  # drop namespaces' prefixes from tags
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.split("}", 1)[1]
    for drop in tree.xpath("//table-wrap|//fig|//disp-formula|//supplementary-material"):
        drop.getparent().remove(drop)
    parts = [_text(tree.find(".//article-meta//article-title"))]
    body = tree.find(".//body")
    if body is not None:
        for element in body.iter("title", "p"):
            if element.tag == "title" and element.getparent().tag == "sec":
                parts.append(_text(element))
            elif element.tag == "p" and element.getparent().tag != "p":
                parts.append(_text(element))
    lines, entries = [], []
    for ref in tree.findall(".//back//ref"):
        rendered = _reference(ref)
        if rendered:
            lines.append(rendered[0])
            entries.append(rendered[1])
    parts.append("References")
    parts.extend(lines)
    text = "\n\n".join(p for p in parts if p) + "\n"
    return text, "\n".join(entries)
