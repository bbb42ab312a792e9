"""Detector: first-person anecdote ('I have seen…') and comment writers' testimony."""

from __future__ import annotations

import re

from graph.schema import EvidenceKind
from ingest.citations.model import EvidenceSpan
from ingest.claims import Unit

_COUNT = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
          r"thirty|forty|many|several|a few|a dozen)(?:[ -]odd)?")
# Where the writer works or teaches: "In my school we …", "At my clinic, …", "In my classroom, …".
_SETTING = (r"(?:school|class|classes|classroom|clinic|practice|department|ward|unit|surgery|team|"
            r"district|hospital|college|lab|gym|club|studio|office|caseload)")
_ANECDOTE = re.compile(
    r"\bI(?:['’]ve| have)? (?:seen|witnessed|watched|worked with|treated|observed|found)\b|"
    r"\bI know from (?:my own )?experience\b|\b(?:in|from) my (?:own |clinical |years of )?"
    r"(?:experience|practice)\b|\bin my work with\b|\bmy (?:clients|patients)\b",
)
# The writer's own experience as a teacher, clinician, coach (tried when _ANECDOTE finds nothing).
_EXPERIENCE = re.compile(
    r"^(?:In|From) my (?:own |clinical |years of )?(?:experience|practice)\b|"
    # "In my school we moved …", "At my clinic, …"
    rf"^(?:[Ii]n|[Aa]t) my (?:own |old |last |first |current |previous |new )?{_SETTING}\b(?=,?\s+\S)|"
    # "I have taught statistics for eleven years", "I've coached rowers for twenty years"
    r"\bI(?:['’]ve| have)(?: been)? (?:taught|teaching|coached|coaching|nursed|nursing|worked|working|"
    r"practi[sc]ed|practi[sc]ing|tutored|tutoring|trained|training|supervised|run)\b[^.;:!?]{0,60}?"
    rf"\bfor (?:over |more than |nearly |almost |about |some )?{_COUNT} (?:years|decades)\b|"
    # "After eight years of teaching maths", "In my twenty years as a nurse"
    rf"\b(?:[Aa]fter|[Oo]ver|[Ii]n) (?:my |our )?{_COUNT} years (?:of (?:teaching|coaching|nursing|"
    r"practice|tutoring|training|running|working)|as an? [a-z]+|in (?:the|this) (?:classroom|clinic|job|"
    r"profession|field))\b",
)
_TESTIMONY = re.compile(
    r"\b(?:in (?:our|my) case|my (?:husband|wife|son|daughter|partner|family|mother|father|mom|dad|"
    r"child|children|kids|brother|sister)|our (?:family|son|daughter|kids|children)|"
    r"I(?:['’]m| am| was| have been) (?:going|gone) through|I (?:was|have been) diagnosed|"
    r"I grew up|happened to me|I(?:['’]ve| have) (?:lived|struggled|been through))\b",
    re.IGNORECASE,
)


# Every _ANECDOTE and _EXPERIENCE match contains one of these: "I" before a blank or an apostrophe,
# "my " or "years".
_ANECDOTE_CUES = ("I ", "I'", "I’", "my ", "years")


def experience_evidence(text: str, unit: Unit, is_comment: bool) -> EvidenceSpan | None:
    """First-person anecdote ('I have seen …'), or a comment writer's testimony ('in our case')."""
    sentence = text[unit.start:unit.end]
    anecdote = (_ANECDOTE.search(sentence) or _EXPERIENCE.search(sentence)
                if any(cue in sentence for cue in _ANECDOTE_CUES) else None)
    if anecdote:
        return EvidenceSpan(str(EvidenceKind.ANECDOTE), unit.start, unit.end, anecdote.group(0), unit.index)
    testimony = _TESTIMONY.search(sentence) if is_comment else None
    if testimony:
        return EvidenceSpan(str(EvidenceKind.TESTIMONY), unit.start, unit.end, testimony.group(0), unit.index)
    return None
