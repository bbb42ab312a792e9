"""Detector: numeric markers '[3]', '[1-3]', '[4]–[7]', '(12)'."""

from __future__ import annotations

import re

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex
from ingest.citations.model import NUMERIC, EvidenceSpan
from ingest.claims import Unit

# "[3]", "[1, 2]", "[1–3]"; "[4]–[7]" (two bracketed numbers joined by a dash) is the range 4–7.
_BRACKET_NUMBERS = re.compile(r"\[(\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*)\](?:\s*[-–]\s*\[\s*(\d{1,3})\s*\])?")
_PAREN_NUMBERS = re.compile(r"\((\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*)\)(?=\s*[.,;:!?)]|\s*$)")


def _expand_numbers(spec: str) -> list[int]:
    numbers: list[int] = []
    for piece in spec.split(","):
        bounds = [int(n) for n in re.findall(r"\d+", piece)]
        if len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 50:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        else:
            numbers.extend(bounds)
    return numbers


def find_numeric(text: str, unit: Unit, index: RefIndex, brackets_only: bool) -> list[EvidenceSpan]:
    """'[3]', '[1, 2]', '[1–3]' and, in documents without brackets, '(2)' at a clause end."""
    found: list[EvidenceSpan] = []
    segment = text[unit.start:unit.end]
    patterns = [_BRACKET_NUMBERS] if brackets_only else [_BRACKET_NUMBERS, _PAREN_NUMBERS]
    for pattern in patterns:
        for match in pattern.finditer(segment):
            spec = match.group(1)
            if pattern is _BRACKET_NUMBERS and match.group(2):
                spec += f"–{match.group(2)}"
            numbers = _expand_numbers(spec)
            if pattern is _PAREN_NUMBERS and any(n not in index.numbers for n in numbers):
                continue  # "(2)" that no reference answers is an enumeration, not a citation
            keys = [index.numbers.get(n) for n in numbers]
            start, end = unit.start + match.start(), unit.start + match.end()
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                                      sorted({k for k in keys if k}), all(keys), priority=NUMERIC))
    return found
