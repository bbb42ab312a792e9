"""Why a candidate marker stays unresolved: the resolver's reason for each unresolved citation.

An author–year span carries the reason the resolver gave when the detector found it
(`EvidenceSpan.reason`). Any other marker is read again with the detectors' own parsers (a
parenthesis's parts through `parenthetical_parts`, a narrative 'Herman (1992)', bracketed
numbers) and each part is put to the resolver's `why_unresolved` / `why_numbers_unresolved`, so
every unresolved citation gets a reason.
"""

from __future__ import annotations

import re

from ingest.citations.detectors.author_year import (
    _NARRATIVE_BEFORE,
    _YEARS_ONLY,
    author_families,
    parenthetical_parts,
)
from ingest.citations.detectors.numeric import marker_numbers
from ingest.citations.index import RefIndex
from ingest.citations.model import EvidenceSpan
from ingest.citations.resolver import why_numbers_unresolved, why_unresolved
from ingest.citations.text import split_years

_NARRATIVE_MARKER = re.compile(r"^(?P<before>[^()]*?)\s*\((?P<inside>[^()]*)\)$")


def explain_unresolved(span: EvidenceSpan, index: RefIndex) -> str:
    """One line saying why `span` resolved to no reference (or not to every one it names);
    '' for a resolved span and for evidence that is no citation (anecdotes, testimony)."""
    if span.resolved is not False:
        return ""
    if span.reason:  # the detector put its names and years to the resolver when it found the marker
        return span.reason
    marker = span.marker.strip()
    numbers = marker_numbers(marker)
    if numbers is not None:
        return why_numbers_unresolved(index, numbers) or _unread(marker)
    reasons = _narrative_reasons(marker, index) or _parenthetical_reasons(marker, index)
    return "; ".join(reasons) if reasons else _unread(marker)


def _year_reasons(index: RefIndex, families: list[str], etal: bool, years: str) -> list[str]:
    reasons = (why_unresolved(index, families, etal, year) for year in split_years(years))
    return [reason for reason in reasons if reason]


def _narrative_reasons(marker: str, index: RefIndex) -> list[str]:
    """'Herman (1992)', 'Jordan and colleagues (1992)'."""
    match = _NARRATIVE_MARKER.match(marker)
    years = _YEARS_ONLY.match(match.group("inside").strip()) if match else None
    before = _NARRATIVE_BEFORE.search(match.group("before")) if match and years else None
    if not before:
        return []
    return _year_reasons(index, author_families(before.group("names")), bool(before.group("etal")),
                         years.group("years"))


def _parenthetical_reasons(marker: str, index: RefIndex) -> list[str]:
    """'(Herman, 1992; Nguyen, 2015)', '[Garrett and Grisham, 2005]' or one part of either, read
    by the detector's own parser (ABNT co-authors, group authors, year lists included)."""
    inside = marker[1:-1] if marker[:1] in "([" and marker[-1:] in ")]" else marker
    return [reason for part in parenthetical_parts(inside, index)
            for reason in _year_reasons(index, part.families, part.etal, part.years)]


def _unread(marker: str) -> str:
    return f"the marker {marker!r} names no author and year or number the resolver can look up"
