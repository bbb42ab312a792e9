"""Mentions of a work the writer only reads, gives or recommends: anecdotes about it, not evidence."""

from __future__ import annotations

import re

from ingest.citations.detectors.author_work import BEFORE_NAME_WINDOW
from ingest.citations.model import EvidenceSpan
from ingest.claims import Unit
from ingest.cues import Gated

# "I first read van der Kolk's book on a train", "I give families The Body Keeps the Score": the
# writer reading, giving or recommending a work is an anecdote about it, no evidence from it.
_WRITER_USES = (r"(?:read|reads|re-?read|picked up|bought|borrowed|came across|discovered|listened to|"
                r"finished|started|got hold of|was given|give|gives|gave|hand|hands|handed|recommend|"
                r"recommends|recommended|assign|assigns|assigned|lend|lends|lent|keep|keeps|kept|"
                r"prescribe|prescribe[sd]|pass on|passed on|point \w+ to|pointed \w+ to)")
# Not across "that": "I recommend that families see what Herman's study found" reports the study.
# "My sister gave me X", "My husband swears by X": someone close to the writer using a work is the
# same kind of anecdote.
_CLOSE_PERSON = (r"(?:[Mm]y|[Oo]ur)\s+(?:[\w-]+\s+)?(?:sister|brother|husband|wife|partner|spouse|"
                 r"mother|mum|mom|father|dad|parents?|son|daughter|kids?|children|friends?|colleagues?|"
                 r"boss|aunt|uncle|grand(?:mother|father|ma|pa)|cousin|neighbou?r|roommate|flatmate|"
                 r"boyfriend|girlfriend|fianc[eé]e?|family)")
_SWEARS_BY = r"(?:swears? by|swore by|loves?|loved|raves? about|raved about|lives? by|lived by)"
_READING = re.compile(rf"(?:\b(?:I|[Ww]e)|{_CLOSE_PERSON})\s+(?:\w+\s+)?(?:{_WRITER_USES}|{_SWEARS_BY})"
                      rf"\s+(?:(?:(?!\bthat\b)[^,;.:])*\s)?$")
# "Eleven of us met on a wet Thursday to discuss Bregman's Humankind": a reading group meeting over a
# work is the same kind of anecdote (not across "that": "we met to discuss what X found" reports it).
_MET_TO_DISCUSS = re.compile(
    r"\b(?:I|[Ww]e|us)\b[^.;:]{0,60}?\b(?:met|meet|meets|gathered|got together|sat down)\b[^.;:]{0,40}?"
    r"\bto (?:discuss|talk about|talk over|go through)\s+"
    r"(?:(?:(?!\b(?:that|what|how|why)\b)[^,;.:])*\s)?[*_\u201c\u2018\x22]*$")
# "I heard Ratey speak at a conference": seeing or hearing an author in person is no evidence from
# their work, whatever else the sentence says about them.
_HEARD_SPEAK = re.compile(
    rf"(?:\b(?:I|[Ww]e)|{_CLOSE_PERSON})\s+(?:once\s+|first\s+|finally\s+)?(?:heard|saw|watched|met)\s+"
    r"(?:Dr\.?\s+|Professor\s+|Prof\.?\s+)?(?:[A-Z][\w'’-]+\s+){1,3}"
    r"(?:speak|talk|lecture|present|give\s+a\s+(?:talk|lecture|keynote)|in\s+person)\b")
# "Herman's Trauma and Recovery (1992) remains the book I hand to every trainee": the same, with
# the work first and the writer's use in a relative clause after it.
_USED_BY_WRITER = re.compile(
    rf"^(?:['’]s)?\s*(?:\([^()]{{1,30}}\)\s*)?(?:is|was|remains|has been|became|is still|was still)\s+"
    rf"(?:still\s+)?(?:the|a|one|my)\s+(?:[\w-]+\s+){{0,3}}?(?:of the\s+)?(?:[\w-]+\s+)?"
    rf"(?:that\s+|which\s+)?(?:I|we)\s+(?:\w+\s+)?{_WRITER_USES}\b")

# "that Price paper is exactly what I needed, I showed it to my sister": the work doing the writer a
# service (what they needed, what they were looking for) is the same kind of anecdote.
_WHAT_WRITER_NEEDED = re.compile(
    r"^(?:['’]s)?\s*(?:is|was|'s|’s)\s+(?:exactly|just|precisely|really)?\s*what\s+(?:I|we)\s+"
    r"(?:(?:really|badly)\s+)?(?:needed|need|wanted|want|was looking for|were looking for|"
    r"had been looking for)\b")

# "Reviewing Haidt's book in Nature, Odgers (2024) wrote …": the work under review is what the
# sentence is about, the review its evidence; the same for a critique of it or a reply to it.
_REVIEWED = re.compile(
    r"(?:\b[Rr]eviewing|\b[Cc]ritiquing|\b[Rr]esponding to|\b[Rr]eplying to|\b[Ii]n (?:a |her |his |their |"
    r"an )?(?:review|critique|rebuttal|response|reply) (?:of|to))\s+(?:the\s+)?$")
# The same verb taken into the mention itself ("Reviewing Haidt's book" read as a full name's work).
_REVIEWING_MENTION = re.compile(r"(?:Reviewing|Critiquing|Responding to|Replying to)\s")


def _read_by_writer(text: str, unit: Unit, span: EvidenceSpan, heard_speak: bool) -> bool:
    """True when a mention is the object of a first-person anecdote of reading, giving or
    recommending it ("I read X", "I hand families X", "X remains the book I recommend", "My sister
    gave me X", "we met to discuss X"), is the work a review is of ("Reviewing X, Odgers wrote"), or
    sits in a sentence about hearing its author speak (`heard_speak`, found once per unit). "I read …"
    is looked for in a bounded window before the mention, so a sentence of thousands of mentions is
    not rescanned from its start for each."""
    before = text[max(unit.start, span.start - BEFORE_NAME_WINDOW):span.start]
    reviewed = _REVIEWED.search(before) or _REVIEWING_MENTION.match(span.marker)
    return bool(heard_speak or reviewed or _READING.search(before) or _MET_TO_DISCUSS.search(before)
                or _USED_BY_WRITER.match(after := text[span.end:min(unit.end, span.end + BEFORE_NAME_WINDOW)])
                or _WHAT_WRITER_NEEDED.match(after))


# "Fine by me, but please don't give the 2021 paper undue weight.": a request to the reader or to other
# editors is about how to use a work, not a claim it supports; a pointer back in it ("the 2021 paper")
# cites nothing.
_REQUEST = re.compile(r"(?:^|[,;:]\s*|\b(?:but|so|and)\s+)[Pp]lease\s+(?:do(?:n['’]t|\s+not)\s+)?[a-z]{2,}\b")


_REQUEST_GATE = Gated(_REQUEST)  # "please" / "Please", derived from the pattern


def is_request(sentence: str) -> bool:
    """True when the sentence asks the reader for something ("please don't give …", "Please add …")."""
    return _REQUEST_GATE.search(sentence, sentence) is not None
