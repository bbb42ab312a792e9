"""Detector: quoted passages, and quotations credited to an author ('as Herman puts it, "…"')."""

from __future__ import annotations

import re

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex, main_title
from ingest.citations.model import AUTHOR_WORK, EvidenceSpan
from ingest.citations.resolver import _only_work, works_by
from ingest.citations.text import _ADVERB, ETAL, NAME_LIST, _split_names, words_of
from ingest.claims import Unit

_QUOTE = re.compile(r"“[^”]+”|\"[^\"]+\"")


def find_quotes(text: str, unit: Unit, index: RefIndex) -> list[tuple[int, int]]:
    """Quoted passages of at least four words that are not a reference's title."""
    spans = []
    titles = index.derived("quote_titles", lambda: {" ".join(words_of(r.title)) for r in index.references} | {
        " ".join(words_of(main_title(r))) for r in index.references})
    for match in _QUOTE.finditer(text[unit.start:unit.end]):
        inner = match.group(0)[1:-1]
        if len(inner.split()) >= 4 and " ".join(words_of(inner)) not in titles:
            spans.append((unit.start + match.start(), unit.start + match.end()))
    return spans


# Written or argued, not spoken: '"…," Okafor said in an interview' quotes a person, not a work.
_SAYS = (r"(?:puts it|put it|writes|wrote|remarks|remarked|observes|observed|notes|noted|"
         r"argues|argued|warns|warned|insists|insisted|concludes|concluded|declares|declared)")
# 'Walker puts it bluntly: "…"' and '"…," Walker writes.': a quotation credited to a surname.
_QUOTE_CREDIT = re.compile(
    rf"(?<![\w’'])(?P<names>{NAME_LIST})(?:{ETAL})?\s+{_ADVERB}{_SAYS}(?:\s+\w+ly)?\s*[:,]?\s*[“\"]"
    rf"|[”\"],?\s+(?P<after>{NAME_LIST})(?:{ETAL})?\s+{_SAYS}\b"
)


def find_attributed_quote(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """A quotation of four or more words credited to a name that leads exactly one .bib entry
    ('Walker puts it bluntly: "…"'); the quote itself becomes the evidence text."""
    found = []
    if not find_quotes(text, unit, index):
        return found
    for match in _QUOTE_CREDIT.finditer(text, unit.start, unit.end):
        families = _split_names(match.group("names") or match.group("after"))
        works = works_by(index, families)
        if len(works) == 1 and _only_work(index, families[0]):
            end = match.end() - 1 if match.group("names") else match.end()
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), match.start(), end, text[match.start():end],
                                      unit.index, [works[0].key], True, priority=AUTHOR_WORK))
    return found
