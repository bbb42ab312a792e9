"""Detector: a pointer naming an author and a part of a work ('Herman discusses this in the epilogue')."""

from __future__ import annotations

import re

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex, main_title
from ingest.citations.model import AUTHOR_WORK, EvidenceSpan
from ingest.citations.resolver import _BOOK_TYPES, works_by
from ingest.citations.text import words_of
from ingest.claims import WORK_PART, Unit, refers_back
from ingest.cues import Gated

# "Herman discusses this at length in the epilogue": a pointer naming its author and a part of a work.
_NAME_AND_WORK_PART = re.compile(
    r"^(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][a-z]+\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+(?:van|von|de|der|den)\s+"
    rf"[A-Z]?[\w'’-]+)?)\b.*\bin\s+(?:the|her|his|their)\s+(?:[\w-]+\s+)?(?P<part>{WORK_PART})\b")
# Every match holds one of the work-part words ("epilogue", "chapter", …; derived from the pattern): a
# sentence without one is not tried (the pattern's ".*" otherwise runs over every sentence opening
# with a capital).
_NAME_AND_WORK_PART_GATE = Gated(_NAME_AND_WORK_PART)


def find_work_part(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """A pointer sentence ("Linehan describes each module in detail in the manual") names the work
    it points to: the author's only work, or among several the one whose title holds the work word
    ("manual") or, for "book", the one book."""
    sentence = text[unit.start:unit.end]
    if not _NAME_AND_WORK_PART_GATE.may_match(sentence):
        return []
    match = _NAME_AND_WORK_PART.match(sentence)
    if not match or not refers_back(sentence):
        return []
    works = works_by(index, [match.group("name")])
    part = match.group("part").lower()
    if len(works) > 1:
        named = [r for r in works if part in words_of(main_title(r))]
        books = [r for r in works if r.entry_type.lower() in _BOOK_TYPES] if part == "book" else []
        works = named or books
    if len(works) != 1:
        return []
    start, end = unit.start + match.start("name"), unit.start + match.end("part")
    return [EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                         [works[0].key], True, priority=AUTHOR_WORK)]
