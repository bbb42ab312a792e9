"""Detector: narrative citations without a parenthesis.

'In a 1998 paper, Felitti showed', 'Aiken's 2002 study', 'recommended by Pronovost'.
"""

from __future__ import annotations

import re

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex
from ingest.citations.model import AUTHOR_WORK, AUTHOR_YEAR, EvidenceSpan
from ingest.citations.resolver import _only_work, resolve_author_year, works_by, year_contradicts
from ingest.citations.text import _ADVERB, _WORK_NOUN, ETAL, NAME_LIST, REPORTING, _split_names
from ingest.claims import Unit

# "In a 1998 paper, Felitti and his co-authors showed", "In 1963, Stanley Milgram reported".
_YEAR_FIRST = re.compile(
    rf"\bIn\s+(?:(?:a|an|the|his|her|their|one|this)\s+)?(?P<years>1[5-9]\d\d|20\d\d)(?:\s+[a-z]+){{0,2}},\s+"
    rf"(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?)?(?P<names>{NAME_LIST})(?P<etal>{ETAL})?"
    rf"\s+{_ADVERB}{REPORTING}\b"
)


def find_year_first(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """'In a 1998 paper, Felitti and his co-authors showed …': the year opens the clause, the
    authors (full names allowed) report something. Only resolved ones count: 'In 2010, Smith
    said …' without a matching entry is no citation."""
    found = []
    for match in _YEAR_FIRST.finditer(text, unit.start, unit.end):
        families = _split_names(match.group("names"))
        key = resolve_author_year(index, families, bool(match.group("etal")), match.group("years"))
        if key:
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), match.start(), match.end(), match.group(0),
                                      unit.index, [key], True, priority=AUTHOR_YEAR))
    return found


# "Linda Aiken's 2002 JAMA study", "Walker's 2017 book": possessive name, year, a work noun.
_POSSESSIVE_YEAR = re.compile(
    rf"(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?)?(?P<names>{NAME_LIST})(?P<etal>{ETAL})?['’]s\s+"
    rf"(?P<year>1[5-9]\d\d|20\d\d)\s+(?P<hints>(?:[\w&-]+\s+){{0,3}}?){_WORK_NOUN}\b"
    r"(?P<venue>\s+in\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+(?:of\s+)?[A-Z][\w&-]*){0,4})?"
)


# What every _POSSESSIVE_YEAR match contains ("'s 2002"): a literal-led pattern re scans for quickly,
# where the whole pattern is tried at every capital letter of the unit.
_POSSESSIVE_YEAR_CUE = re.compile(r"['’]s\s+(?:1[5-9]\d\d|20\d\d)")


def find_possessive_year(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """"Linda Aiken's 2002 JAMA study found …": the name's work of that year; words between the
    year and the work noun, or 'in <Venue>' after it, choose between works of one year."""
    found: list[EvidenceSpan] = []
    if not _POSSESSIVE_YEAR_CUE.search(text, unit.start, unit.end):
        return found
    for match in _POSSESSIVE_YEAR.finditer(text, unit.start, unit.end):
        families = _split_names(match.group("names"))
        hints = (match.group("hints") or "") + (match.group("venue") or "")
        key = resolve_author_year(index, families, bool(match.group("etal")), match.group("year"), hints)
        if key:
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), match.start(), match.end(), match.group(0),
                                      unit.index, [key], True, priority=AUTHOR_YEAR))
    return found


# "The bundle recommended by Pronovost and colleagues": something attributed, by participle, to a name.
_MADE_BY = re.compile(
    r"\b(?:recommended|proposed|developed|devised|designed|introduced|created|advocated|described|"
    r"outlined|set out|put forward|coined|popularised|popularized|pioneered|formulated|tested)\s+by\s+"
    rf"(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?)?(?P<names>{NAME_LIST})(?P<etal>{ETAL})?"
)


def find_made_by(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """'The bundle recommended by Pronovost and colleagues': no year, so linked only when the
    first name leads exactly one .bib entry (and any co-authors named are among its authors)."""
    found: list[EvidenceSpan] = []
    if text.find("by", unit.start, unit.end) < 0:  # every _MADE_BY match holds "by"
        return found
    for match in _MADE_BY.finditer(text, unit.start, unit.end):
        families = _split_names(match.group("names"))
        works = works_by(index, families)
        if len(works) == 1 and _only_work(index, families[0]) \
                and not year_contradicts(text[match.end():unit.end], works[0]):
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), match.start(), match.end(), match.group(0),
                                      unit.index, [works[0].key], True, priority=AUTHOR_WORK))
    return found
