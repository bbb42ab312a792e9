"""Detector: a hyperlink to a listed work, "<a href="https://doi.org/10.1038/2870">Sarah-Jayne
Blakemore, Daniel Wolpert and Chris Frith</a>" (a science writer's citation: names, no year).

The HTML reader keeps a page's links out of the page (`ParsedDocument.links`), and the Markdown reader
its inline links ("[Xu and colleagues](https://doi.org/…)", `readers.markdown_links`); a link whose address
is a reference's DOI (however written: doi.org, doi:, a publisher's /doi/ path) or its URL cites that
reference, whatever its anchor text says. A link to anything else is no citation and is not reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex
from ingest.citations.model import AUTHOR_YEAR, EvidenceSpan
from ingest.citations.resolver import resolve_address
from ingest.claims import Unit
from ingest.model import WebLink


def find_links(text: str, unit: Unit, links: Sequence[WebLink], index: RefIndex) -> list[EvidenceSpan]:
    """A citation for each link that starts in the unit and points to a reference's DOI or URL."""
    found: list[EvidenceSpan] = []
    for link in links:
        if not unit.start <= link.start < unit.end:
            continue
        key = resolve_address(index, link.href)
        if key:
            end = min(link.end, unit.end)
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), link.start, end, text[link.start:end],
                                      unit.index, [key], True, priority=AUTHOR_YEAR))
    return found
