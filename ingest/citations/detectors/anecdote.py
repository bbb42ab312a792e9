"""Detector: first-person anecdote ('I have seen…') and comment writers' testimony."""

from __future__ import annotations

import re

from graph.schema import EvidenceKind
from ingest.citations.model import EvidenceSpan
from ingest.claims import Unit

_ANECDOTE = re.compile(
    r"\bI(?:['’]ve| have)? (?:seen|witnessed|watched|worked with|treated|observed|found)\b|"
    r"\bI know from (?:my own )?experience\b|\b(?:in|from) my (?:own |clinical |years of )?"
    r"(?:experience|practice)\b|\bin my work with\b|\bmy (?:clients|patients)\b",
)
_TESTIMONY = re.compile(
    r"\b(?:in (?:our|my) case|my (?:husband|wife|son|daughter|partner|family|mother|father|mom|dad|"
    r"child|children|kids|brother|sister)|our (?:family|son|daughter|kids|children)|"
    r"I(?:['’]m| am| was| have been) (?:going|gone) through|I (?:was|have been) diagnosed|"
    r"I grew up|happened to me|I(?:['’]ve| have) (?:lived|struggled|been through))\b",
    re.IGNORECASE,
)


# Every _ANECDOTE match contains one of these: "I" before a blank or an apostrophe, or "my ".
_ANECDOTE_CUES = ("I ", "I'", "I’", "my ")


def experience_evidence(text: str, unit: Unit, is_comment: bool) -> EvidenceSpan | None:
    """First-person anecdote ('I have seen …'), or a comment writer's testimony ('in our case')."""
    sentence = text[unit.start:unit.end]
    anecdote = _ANECDOTE.search(sentence) if any(cue in sentence for cue in _ANECDOTE_CUES) else None
    if anecdote:
        return EvidenceSpan(str(EvidenceKind.ANECDOTE), unit.start, unit.end, anecdote.group(0), unit.index)
    testimony = _TESTIMONY.search(sentence) if is_comment else None
    if testimony:
        return EvidenceSpan(str(EvidenceKind.TESTIMONY), unit.start, unit.end, testimony.group(0), unit.index)
    return None
