"""Detector: the note under an entry of an annotated reading list describes that entry's work.

    3. Levitt, S. D., & List, J. A. (2011). Was there really a Hawthorne effect …
       Levitt and List found the original lighting data, long thought lost, in archives …

The reader splits such an entry from its note (`ingest.blocks.annotation_start`: the note is a
paragraph block marked `annotation`, right after the entry's references block). Each sentence of
the note that has no citation of its own reports the work of the entry above it, matched to a
reference as a printed list line is (`index.ReferenceEntryMatcher`). Advice on reading it ("Long,
but chapters 1–3 are enough.", "Read it before the seminar.") is about the reading, not the work,
and cites nothing. An entry that matches no reference gives its note nothing (a reading list's
works are not reported unresolved).
"""

from __future__ import annotations

import re

from graph.schema import EvidenceKind
from ingest.citations.index import ReferenceEntryMatcher, RefIndex
from ingest.citations.model import CONTINUATION, EvidenceSpan
from ingest.claims import Unit
from ingest.model import REFERENCES, ParsedDocument

# What to read and how: an imperative reading verb, a part of the work, the effort it takes.
_READING_ADVICE = re.compile(
    r"^(?:read|skim|skip|start|begin|focus|dip|try|see|look|note|use|borrow|buy)\b"
    r"|\b(?:chapters?|ch\.|sections?|pages?|pp?\.)\s*\d"
    r"|\b(?:readable|accessible|heavy going|hard going|a (?:quick|easy|hard|good|long|short) read"
    r"|optional|essential reading|required reading|e-?books?|in the library|on reserve"
    r"|available (?:as|online|from))\b",
    re.I)


def _entry_key(doc: ParsedDocument, entry_block: int, index: RefIndex) -> str | None:
    """The reference the entry block prints (its list number included), or None."""
    block = doc.blocks[entry_block]
    line_start = doc.text.rfind("\n", 0, block.start) + 1  # a list item starts after "3. "
    matcher = index.derived("entry-matcher", lambda: ReferenceEntryMatcher(index.references))
    return matcher.best(doc.text[line_start:block.end])


def annotation_evidence(doc: ParsedDocument, unit: Unit, index: RefIndex) -> EvidenceSpan | None:
    """The entry's work, for a sentence of the note under it (the whole sentence is the span:
    only its place points to the work); None elsewhere, for reading advice, or an unmatched entry."""
    block = doc.blocks[unit.block]
    if not block.annotation or unit.block == 0 or doc.blocks[unit.block - 1].kind != REFERENCES:
        return None
    sentence = doc.text[unit.start:unit.end]
    if _READING_ADVICE.search(sentence):
        return None
    key = _entry_key(doc, unit.block - 1, index)
    if key is None:
        return None
    return EvidenceSpan(str(EvidenceKind.CITATION), unit.start, unit.end, sentence, unit.index, [key], True,
                        priority=CONTINUATION)
