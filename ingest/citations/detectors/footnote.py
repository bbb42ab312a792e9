"""Detector: Markdown footnote references, "… than those delivered by midwives.[^1]".

The footnote's definition ("[^1]: Semmelweis, I. (1983). The etiology …") names the work; the index
maps each label to the reference that definition describes (`index.footnote_references`). A marker
whose definition describes no reference, or that has no definition, is an unresolved citation with
the reason.
"""

from __future__ import annotations

import re

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex
from ingest.citations.model import NUMERIC, EvidenceSpan
from ingest.claims import Unit

# "[^1]", "[^smith2010]"; not the definition itself ("[^1]: …" opening a line).
_FOOTNOTE = re.compile(r"\[\^(?P<label>[\w\-]{1,30})\](?!:)")


def find_footnotes(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """Each footnote reference of the unit, linked to the work its footnote describes."""
    found: list[EvidenceSpan] = []
    if text.find("[^", unit.start, unit.end) < 0:  # every marker holds "[^"
        return found
    for marker in _FOOTNOTE.finditer(text, unit.start, unit.end):
        label = marker.group("label")
        key = index.footnotes.get(label)
        reason = ("" if key else f"footnote [^{label}] describes no reference in the list" if key == ""
                  else f"no footnote [^{label}] is defined")
        found.append(EvidenceSpan(str(EvidenceKind.CITATION), marker.start(), marker.end(), marker.group(0),
                                  unit.index, [key] if key else [], bool(key), priority=NUMERIC,
                                  reason=reason))
    return found
