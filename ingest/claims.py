"""Which sentences and list items of a document are claims, and what kind of claim each is.

A claim is an assertive sentence of a `paragraph` block or a whole `list_item` block.
Questions, headings, lead-ins ending in a colon, meta-text about the article itself,
greetings, sign-offs, P.S. lines, reference-list lines and sentences that only point
back to a source ("Herman talks about this in her book …") are not claims.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from graph.schema import ClaimKind, claim_id
from ingest.blocks import GROUP_REFERENCE_LINE, NUMBERED_PARAGRAPH, READING_LABEL
from ingest.cues import CueScanner, PatternSet
from ingest.model import LIST_ITEM, PARAGRAPH, REFERENCES, ParsedDocument, Sentence
from ingest.segment import SUPERSCRIPT_MARKER_TEXT, split_sentences


@dataclass(slots=True)
class Unit:
    """A sentence of a paragraph or a whole list item: the span evidence and claims live in."""

    start: int
    end: int
    block: int
    index: int  # order of the unit in the document


@dataclass(slots=True)
class ClaimSpan:
    """A claim found in a document, before it becomes a graph node."""

    id: str
    document_id: str
    text: str
    start: int
    end: int
    section: str
    paragraph_start: int
    paragraph_end: int
    position: int
    kind: str
    unit: int  # index of the Unit it came from


_BULLET = re.compile(r"^(?:[•▪●◦‣∙·*+\-–—]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_APOS = "['’]"

# re.IGNORECASE lets exactly these non-ASCII letters match ASCII ones (İ and ı match i, ſ matches s,
# the Kelvin sign matches k); mapped to them first, `caseless(text)` holds every case-insensitive
# match of an ASCII literal as that literal in lower case, at the same place.
_IGNORECASE_ASCII = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


def caseless(text: str) -> str:
    """`text` lower-cased for literal prefilters of re.IGNORECASE patterns (see _IGNORECASE_ASCII)."""
    if not text.isascii():
        for odd, ascii_letter in _IGNORECASE_ASCII:
            if odd in text:
                text = text.replace(odd, ascii_letter)
    return text.lower()


_META = [re.compile(p, re.IGNORECASE) for p in (  # _META_CUES: the literals of the unanchored ones
    r"^in this (?:blog|post|article|piece|essay|section|chapter|video|episode)\b",
    rf"^let{_APOS}?s (?:look|take a look|explore|see|talk|dive|turn|consider|start|begin)\b",
    r"^let us (?:look|explore|see|consider|turn)\b",
    rf"\bwe{_APOS}re going to (?:look|talk|explore|discuss|cover|see)\b",
    r"\bwe (?:will|shall) (?:look|talk|explore|discuss|cover) (?:at |about )?(?:what|how|why|this)\b",
    r"^i look forward to\b",
    r"^i hope (?:this|that) (?:helps|was helpful)\b",
    r"^(?:click|subscribe|share this|leave a comment|read more|sign up|download)\b",
    r"^p\.\s?s\.?\s",
    r"^(?:see|cf\.)\s",
    r"^(?:read on|keep reading|stay tuned)\b",
)]

# For each _META pattern (same order), literals one of which (lower case) every match contains, or ()
# for the ones anchored at the start, which fail at once: the unanchored ones are searched only in a
# sentence holding one of their literals.
_META_CUES: list[tuple[str, ...]] = [(), (), (), ("re going to",), ("we will", "we shall"),
                                     (), (), (), (), (), ()]
_GREETING = [re.compile(p, re.IGNORECASE) for p in (
    r"^(?:thank you|thanks|many thanks|hi|hello|hey|dear|welcome|congratulations|congrats)\b",
    r"^(?:well said|great (?:article|post|piece|read)|good point|so true|amen|exactly|agreed)\b",
    r"~\s*(?:dr\.?\s*)?[A-Z][a-z]+",
    r"^(?:to health and healing|regards|best wishes|kind regards|best|cheers|sincerely|warmly|"
    r"encouraging you on|with love|blessings|take care)\b",
)]

# Sentence openers that are followed by a comma but are not someone being addressed.
_NOT_VOCATIVE = frozenset("""
    however thus therefore similarly often sometimes yes no first second third finally also
    instead still again indeed meanwhile today unfortunately fortunately sadly ironically
    otherwise hence consequently moreover furthermore additionally then now here there so
    besides overall clearly obviously importantly interestingly surprisingly later afterwards
""".split())

_REFERS_BACK = re.compile(
    r"\b(?:talks?|talked|writes?|wrote|speaks?|spoke|discuss(?:es|ed)?|describ(?:es|ed)|"
    r"explain(?:s|ed)|cover(?:s|ed)|elaborat(?:es|ed)|addresse?s?d?|goes into)\s+"
    r"(?:about\s+|on\s+)?(?:this|these|that|it|those)\b",
    re.IGNORECASE,
)
# Every _REFERS_BACK match holds one of these verb stems (in caseless form).
_REFERS_BACK_STEMS = ("talk", "writ", "wrote", "speak", "spoke", "discuss", "describ", "explain", "cover",
                      "elaborat", "addres", "goes into")
# "Linehan describes each module in detail in the manual.", "Herman goes into this in the epilogue.":
# a name, a pointer verb, what was said before, and where in the name's work it is told.
WORK_PART = (r"(?:manual|book|handbook|workbook|memoir|epilogue|prologue|preface|introduction|afterword|"
             r"appendix|conclusion|final chapter|chapter\s+\w+|part\s+[IVX\d]+|last part|first part)")
_POINTS_TO_WORK_PART = re.compile(
    r"^(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][\w'’-]+\s+){1,3}(?:also\s+)?"
    r"(?:talks?|writes?|discuss(?:es)?|describes|explains|covers|sets out|goes through|walks through|"
    r"goes into)\s+(?:about\s+)?(?:each|every|all|both|these|those|this|them|it)(?:\s+[\w-]+){0,3}?\s+"
    r"(?:at (?:some |great )?length\s+|in (?:more |full |great |greater |much )?detail\s+|in full\s+"
    r"|further\s+)?"
    rf"in\s+(?:the|her|his|their)\s+(?:[\w-]+\s+)?{WORK_PART}\s*[.!]?$"
)
# (Wikipedia's back-links may open it: "^ a b Rauscher, Frances H.; … (1993). …"; the date may be a
# full one: "Hickel, J. (2019, January 29).", "Sack, Kevin (15 January 1998).")
_REFERENCE_ENTRY = re.compile(
    r"^(?:\[\d+\]\s*|\d+\.\s+)?(?:\^\s*(?:[a-z]{1,2}\s+)*)?"
    r"[A-Z][\w'’\-]+(?: [a-z]+ [A-Z][\w'’\-]+)?,\s+[A-Z][\w.]*"
    r".{0,300}?\((?:\d{4}[a-z]?(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})\)\."
)
# "Schuch FB, Vancampfort D, … Title. Journal. 2016;77:42-51." — surname + initials, a year before ';' or '.'.
# A sentence opened by a conjunction or preposition before a species name ("Because N. attenuata is
# an annual, …") is prose, however its years fall.
_PROSE_OPENER = (r"(?!(?:Because|Although|Though|While|Whereas|When|Since|After|Before|Unless|If|As|In|On|"
                 r"At|For|Unlike|With|Without|From|By|Thus|Hence|Here|There|Then|But|And|"
                 r"The|This|These|That|Those|Its|Our|Their)\s)")  # "The ZI, a mostly GABAergic region, …"
_VANCOUVER_ENTRY = re.compile(
    rf"^(?:\[\d+\]\s*|\d+\.\s+)?{_PROSE_OPENER}[A-Z][\w'’\-]+ [A-Z]{{1,3}}(?:,|\.)\s"
    r".{0,400}?\b(?:1[5-9]|20)\d\d(?:;|\.\s|\.$|\s[A-Z][a-z]{2}\b)"
)
_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’)]$")

_KIND_PATTERNS: list[tuple[ClaimKind, re.Pattern[str]]] = [
    (ClaimKind.PERSONAL, re.compile(
        r"^(?:I|I['’](?:ve|m|d))\b|\b(?:[Ii]n my (?:experience|practice|case)|I know from|I have seen|"
        r"I['’]ve seen|my own)\b|^(?:In|At) my (?:\w+ )?(?:school|class|classroom|clinic|department|ward|"
        r"unit|surgery|team|hospital|college|gym|club|studio|office)\b|"
        r"^(?:After|Over|In) (?:my )?\w+ years (?:of|as)\b")),
    (ClaimKind.EMPIRICAL, re.compile(
        r"\b(?:stud(?:y|ies)|research(?:ers)?|were found|was found|found that|more likely|less likely|"
        r"percent|%|data|survey|trials?|experiments?|evidence (?:shows|suggests)|participants|"
        r"sample|rates?\b|statistic)", re.IGNORECASE)),
    (ClaimKind.DEFINITION, re.compile(
        r"^(?:the (?:fancy |technical |scientific |clinical )?term for\b.*\bis\b|"
        r"(?!(?:this|that|it|there|these|those|which|what|here|when|if|while|because|so|and|but|as)\b)"
        r"(?:the |a |an )?[\w’'-]+(?: [\w’'-]+){0,2} (?:is|are|means?|refers? to) (?:defined as |called |"
        r"known as |the |a |an |understanding ))|\b(?:is defined as|is called|is known as|refers to)\b",
        re.IGNORECASE)),
    (ClaimKind.PRESCRIPTIVE, re.compile(
        r"\b(?:should|ought to|needs? to|must|have to|has to|it['’]?s (?:essential|imperative|"
        r"necessary|vital|crucial))\b|^(?:don['’]t|do not|never|always|make sure|remember)\b",
        re.IGNORECASE)),
    (ClaimKind.CAUSAL, re.compile(
        r"\b(?:results? in|resulting in|leads? to|leading to|led to|because|caus(?:es|ed|ing)|"
        r"disrupts?|due to|as a result|therefore|so that|makes? us|affects?|destroys?|creates?|"
        r"increases?|decreases?|reduces?|triggers?|produces?)\b", re.IGNORECASE)),
    (ClaimKind.EVALUATIVE, re.compile(
        r"\b(?:important|beautiful|great|best|worst|good|bad|necessary|essential|helpful|"
        r"beneficial|counterproductive|valuable|imperative|underestimated|gift|amazing|rare|"
        r"crucial|wonderful|terrible|easiest|hardest|tough|hard)\b", re.IGNORECASE)),
]

# One scan of a sentence says which case-insensitive claim patterns (kinds, greetings, meta-text) can
# match it at all, from literals derived from the patterns (ingest.cues); the others are not searched.
_SCANNED = [p for p in [*(pattern for _, pattern in _KIND_PATTERNS), *_GREETING, *_META]
            if p.flags & re.IGNORECASE]
_CLAIM_CUES = CueScanner(_SCANNED)
_SCANNED_SET = frozenset(_SCANNED)


class _Scan(NamedTuple):
    """One sentence's caseless form and, per list of claim patterns, the positions (in list order) of
    the patterns its cue scan did not rule out (every pattern the scanner does not hold is kept)."""

    folded: str
    meta: tuple[int, ...]  # in _META
    greeting: tuple[int, ...]  # in _GREETING
    kinds: tuple[int, ...]  # in _KIND_PATTERNS


def _scan_order(patterns: list[re.Pattern[str]]) -> tuple[dict[int, int], tuple[int, ...]]:
    """(each scanned pattern's position in `patterns`, by id() of the pattern: a re.Pattern hashes its
    whole compiled code at every lookup; the positions of the patterns not scanned)."""
    return ({id(p): i for i, p in enumerate(patterns) if p in _SCANNED_SET},
            tuple(i for i, p in enumerate(patterns) if p not in _SCANNED_SET))


_META_ORDER = _scan_order(_META)
_GREETING_ORDER = _scan_order(_GREETING)
_KIND_ORDER = _scan_order([pattern for _, pattern in _KIND_PATTERNS])


def _positions(order: tuple[dict[int, int], tuple[int, ...]], may: PatternSet) -> tuple[int, ...]:
    """Positions, in order, of a list's patterns that `may` (the scan's candidates) does not rule out:
    a walk over the few candidates, not over every pattern of the list."""
    scanned, unscanned = order
    return tuple(sorted([*unscanned, *(scanned[i] for i in may.ids if i in scanned)]))


@lru_cache(maxsize=16)
def _scan(sentence: str) -> _Scan:
    """One fold and one cue scan per sentence, shared by the meta-text, greeting and kind checks (each
    asks of the same sentence)."""
    folded = caseless(sentence)
    may = _CLAIM_CUES.candidates(folded)
    return _Scan(folded, _positions(_META_ORDER, may), _positions(_GREETING_ORDER, may),
                 _positions(_KIND_ORDER, may))


def strip_bullet(text: str, start: int, end: int) -> tuple[int, int]:
    """Move `start` past a list marker ("•", "-", "1.", "(a)") and following blanks."""
    match = _BULLET.match(text[start:end])
    return (start + match.end(), end) if match else (start, end)


# "The Michigan experience is described in Pronovost et al. (2006).", "This is set out in the
# preliminary report by Doll and Hill (1954).": a short subject, a passive pointer verb, and nothing
# after "in"/"by" (or "in the … report by") but the citation (name + year, a marker or a title).
_PASSIVE_POINTER = re.compile(
    r"^(?:[\w'’-]+\s+){1,6}(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+)?"
    r"(?:described|discussed|reviewed|detailed|reported|summari[sz]ed|documented|covered|outlined|"
    r"explained|presented|recounted|told|set out|laid out|spelled out|spelt out)\s+"
    r"(?:at length\s+|in (?:more |full |greater |much )?detail\s+|in full\s+|further\s+|fully\s+)?"
    r"(?:in|by)\s+"
    r"(?:(?:the|a|an|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:report|paper|study|article|book|review|"
    r"monograph|analysis)\s+(?:by|of)\s+)?"
    r"(?:(?:Dr\.?\s+)?[A-Z][\w'’-]+(?:\s+[*_]{0,2}et al\.?[*_]{0,2}|\s+and (?:colleagues|others)|"
    r"(?:,?\s+(?:&|and)\s+|,\s+)[A-Z][\w'’-]+)*\s*\(\d{4}[a-z]?\)"
    r"|\[\d[\d,\s–-]*\]|[*_“\"].{3,150}[*_”\"]|[A-Z][\w'’-]*(?:[\s,:]+(?:[A-Z][\w'’-]*|of|the|and|in|on|a|an|for|to|under)){2,10})\s*[.!]?$"
)


# A line that is only a citation: "(Dunlosky et al., 2013, p. 6)", "— Herman (1992, p. 133)",
# "Source: Hattie, 2009", "Source: IPCC (2006c) [ 9 ]" under an equation. It credits what stands right
# before it (a block quote, a paragraph).
_CITED_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?(?:/\d{4}[a-z]?)?|n\.\s?d\.|in press"
# (a family name of two words too: "(Criado Perez, 2019, p. xi)", "(van Marken Lichtenbelt, 2015)")
_CITED_NAME = r"(?:(?:van|von|de|der|den|du|del|la|le)\s+)*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
_CITED_NAMES = (rf"{_CITED_NAME}(?:\s+[*_]{{0,2}}et al\.?[*_]{{0,2}}|\s+and (?:colleagues|others)"
                rf"|,?\s+(?:&|and)\s+{_CITED_NAME}|,\s+{_CITED_NAME})*")
_BARE_CITATION = re.compile(
    r"^(?:(?:[—–]|--?)\s*|(?i:source|from|cited in|quoted in)\s*:?\s+)?"
    rf"(?:\((?:see\s+)?{_CITED_NAMES},?\s+(?:{_CITED_YEAR})(?:[,;:][^()]{{0,120}})?\)"
    rf"|{_CITED_NAMES},?\s+\(\s*(?:{_CITED_YEAR})(?:[,:][^()]{{0,60}})?\)"
    rf"|(?<=[—–\-:\s]){_CITED_NAMES},\s+(?:{_CITED_YEAR})(?:,\s*pp?\.\s*[\divxlc]+(?:\s*[–-]\s*\d+)?)?)"
    r"(?:\s*\[\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*\])?"  # and its number: "Source: IPCC (2006c) [ 9 ]"
    r"\s*\.?$"
)


def is_bare_citation(sentence: str) -> bool:
    """True for a sentence or line that is a citation and nothing else ("(Dunlosky et al., 2013, p. 6)",
    "— Herman (1992, p. 133)"): it asserts nothing itself but credits what stands right before it."""
    stripped = sentence.strip()
    return len(stripped) <= 260 and bool(_BARE_CITATION.match(stripped))


def refers_back(sentence: str) -> bool:
    """True for sentences that point to a source about something said before them.

    "Herman discusses this in her book" points back; "She explains that kindness binds"
    does not: there "that" opens the clause the sentence asserts. "X is described in
    Pronovost et al. (2006)." points back too: it says only where X is told.
    """
    if _PASSIVE_POINTER.match(sentence.strip()) or _POINTS_TO_WORK_PART.match(sentence.strip()):
        return True
    folded = caseless(sentence)
    if not any(stem in folded for stem in _REFERS_BACK_STEMS):
        return False
    for match in _REFERS_BACK.finditer(sentence):
        if _IN_RELATIVE_CLAUSE.search(sentence, 0, match.start()):
            continue  # "…to explain why people who know little speak about it most confidently [1–6]"
        if not (match.group(0).lower().endswith("that") and _opens_clause(sentence[match.end():])):
            return True
    return False


# A pointer verb after one of these words sits in a clause the sentence asserts something about
# ("why people who know little speak about it"), not in a pointer to a source.
_IN_RELATIVE_CLAUSE = re.compile(r"\b(?:who|whom|why|how|whenever)\b", re.IGNORECASE)


def _opens_clause(rest: str) -> bool:
    """True when the words after a 'that' form a clause rather than end a pointer."""
    words = re.findall(r"[\w'’-]+", rest.split(".")[0])
    return len(words) >= 2 and words[0].lower() not in _POINTER_FOLLOWERS


# Words that may follow a demonstrative "that" in a pointer ("writes about that in her book").
_POINTER_FOLLOWERS = frozenset("in at on further more throughout elsewhere too as well".split())


def looks_like_reference_entry(sentence: str) -> bool:
    """True for a line of a reference list, APA ('Herman, J. L. (1992). Trauma and recovery. …')
    or Vancouver ('Schuch FB, Vancampfort D, et al. Exercise as … J Res. 2016;77:42-51.')."""
    return bool(_REFERENCE_ENTRY.match(sentence) or _VANCOUVER_ENTRY.match(sentence))


def _is_heading_like(sentence: str) -> bool:
    """A short title-cased line without terminal punctuation."""
    if _TERMINAL.search(sentence):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", sentence)]
    if not words or len(words) > 12:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or len(w) <= 3)
    return capitalised == len(words)


def _is_greeting(sentence: str) -> bool:
    """Greetings, thanks, sign-offs and short addresses to a named person ('Liza, well said.')."""
    if any(_GREETING[i].search(sentence) for i in _scan(sentence).greeting):
        return True
    vocative = re.match(r"^([A-Z][a-z]+),\s(?!(?:not|nor|or|and|too|also|then|in|at|on)\b)", sentence)
    if vocative and vocative.group(1).lower() not in _NOT_VOCATIVE:
        return len(sentence.split()) <= 6
    return False


# "GUEST: " / "Q: " opening a transcript turn: a label, not words of the sentence.
_SPEAKER = re.compile(r"^[A-Z]{1,12}:\s+")


# Sentences that move a story on but assert nothing evidence could back: a short turn of the writer's
# own story ("My students complained at first.", "I was sceptical.") and a rhetorical pointer to what
# was just said ("That feeling is the point.", "Which is the whole point.").
_PAST = (r"(?:was|were|felt|complained|grumbled|laughed|groaned|balked|agreed|refused|resisted|hated|loved|"
         r"struggled|smiled|cried|froze|panicked|hesitated|objected|protested|sighed|moaned|shrugged|nodded|"
         r"pushed back|rolled (?:their|his|her|my|our) eyes)")
_STORY_TURN = re.compile(
    rf"^(?:I|We|(?:My|Our) (?:[a-z]+ ){{0,2}}[a-z]+)\s+(?:\w+ly\s+)?{_PAST}"
    r"(?:\s+(?:at first|at the start|immediately|loudly|too|again|sceptical|skeptical|nervous|unconvinced|"
    r"doubtful|surprised|worried|hesitant|reluctant|confused|annoyed|wrong|delighted|relieved|it|this|"
    r"that|of course|all term|for weeks|for a week|for a while|a lot|bitterly))*\s*[.!]$"
)
_RHETORICAL = re.compile(
    r"^(?:(?:And|But|So)\s+)?(?:That|This|Which|It)(?:\s+[a-z]+)?\s+(?:is|was|['’]s)\s+"
    r"(?:exactly\s+|precisely\s+|really\s+|just\s+|rather\s+|of course\s+|partly\s+)?"
    r"(?:the\s+(?:whole\s+|real\s+|very\s+|entire\s+)?|my\s+|our\s+)"
    r"(?:point|problem|catch|trick|idea|goal|aim|key|lesson|difference|paradox|irony|secret|hard part|"
    r"good news|bad news)\s*[.!]$",
    re.IGNORECASE,
)
_FILLER_OPENERS = ("I ", "We ", "My ", "Our ", "That ", "This ", "Which ", "It ", "And ", "But ", "So ")


def _is_filler(sentence: str) -> bool:
    """A short turn of the writer's story or a rhetorical pointer (_STORY_TURN, _RHETORICAL): at most
    eight words, no digits, no brackets."""
    if not sentence.startswith(_FILLER_OPENERS) or any(c.isdigit() or c in "([" for c in sentence):
        return False
    if len(sentence.split()) > 8:
        return False
    return bool(_STORY_TURN.match(sentence) or _RHETORICAL.match(sentence))


def _is_meta(sentence: str) -> bool:
    """Meta-text about the article itself (one of _META matches)."""
    scan = _scan(sentence)
    for i in scan.meta:
        cues = _META_CUES[i]
        if cues and not any(cue in scan.folded for cue in cues):
            continue
        if _META[i].search(sentence):
            return True
    return False


_WORD = re.compile(r"\w+")


def _words_up_to(text: str, most: int) -> int:
    """How many \\w+ words `text` has, counting no further than `most`."""
    return sum(1 for _ in itertools.islice(_WORD.finditer(text), most))


def not_claim_reason(sentence: str, list_item: bool = False) -> str | None:
    """Why a sentence of a paragraph or list item is not a claim, or None if it is one. The checks
    run in this order and stop at the first that fails (each is a pure test of the sentence); the
    word count is needed only up to 4 (the thresholds are 2, 3 and 3)."""
    stripped = sentence.strip()
    words = _words_up_to(_SPEAKER.sub("", stripped), 4)
    checks: tuple[tuple[Callable[[], bool], str], ...] = (
        (lambda: words < (2 if list_item else 3), "too short"),
        (lambda: stripped.endswith("?") or stripped.rstrip("\"”’)").endswith("?"), "question"),
        (lambda: stripped.endswith(":"), "lead-in"),
        (lambda: _is_meta(stripped), "meta-text"),
        (lambda: _is_greeting(stripped), "greeting or sign-off"),
        (lambda: stripped.endswith("!") and words <= 3, "exclamation"),
        (lambda: looks_like_reference_entry(stripped), "reference-list line"),
        (lambda: is_bare_citation(stripped), "bare citation"),
        (lambda: _is_filler(stripped), "filler"),
        (lambda: refers_back(stripped), "points back to a source"),
        (lambda: _is_heading_like(stripped), "heading"),
    )
    return next((reason for failed, reason in checks if failed()), None)


# For each kind pattern (same order), literals one of which every match contains: the pattern is
# searched only when one is there, so a sentence without any costs a few `in` tests instead of a
# regex scan (most claims match no kind or an early one). PERSONAL is case-sensitive: its literals are
# tested on the text itself, and its `^I` alternatives by the sentence's first two characters.
_PERSONAL_LITERALS = ("I know from", "I have seen", "I've seen", "I’ve seen", "in my ", "In my ", "At my ",
                      " years ", "my own")
_KIND_LITERALS: dict[ClaimKind, tuple[str, ...]] = {
    ClaimKind.EMPIRICAL: ("stud", "research", "found", "likely", "percent", "%", "data", "survey", "trial",
                          "experiment", "evidence", "participants", "sample", "rate", "statistic"),
    ClaimKind.DEFINITION: (" is ", " are ", " mean", " refer", "term for", "is defined as", "is called",
                           "is known as", "refers to"),
    ClaimKind.PRESCRIPTIVE: ("should", "ought to", "need", "must", "have to", "has to", "essential",
                             "imperative", "necessary", "vital", "crucial", "don", "do not", "never",
                             "always", "make sure", "remember"),
    ClaimKind.CAUSAL: ("result", "lead", "led to", "because", "caus", "disrupt", "due to", "therefore",
                       "so that", "make", "affect", "destroy", "create", "increase", "decrease", "reduce",
                       "trigger", "produce"),
    ClaimKind.EVALUATIVE: ("important", "beautiful", "great", "best", "worst", "good", "bad", "necessary",
                           "essential", "helpful", "beneficial", "counterproductive", "valuable",
                           "imperative", "underestimated", "gift", "amazing", "rare", "crucial",
                           "wonderful", "terrible", "easiest", "hardest", "tough", "hard"),
}


def _may_be_kind(kind: ClaimKind, sentence: str, folded: str) -> bool:
    """False only when `kind`'s pattern cannot match `sentence` (`folded` = caseless(sentence))."""
    if kind == ClaimKind.PERSONAL:  # "^I\\b" / "^I['’]…": an "I" that no word character follows
        second = sentence[1:2]
        if sentence.startswith("I") and not (second.isalnum() or second == "_"):
            return True
        return any(literal in sentence for literal in _PERSONAL_LITERALS)
    return any(literal in folded for literal in _KIND_LITERALS[kind])


def claim_kind(sentence: str) -> str:
    """The kind of assertion a claim is: the first kind whose cue words it contains."""
    scan = _scan(sentence)
    for i in scan.kinds:
        kind, pattern = _KIND_PATTERNS[i]
        if _may_be_kind(kind, sentence, scan.folded) and pattern.search(sentence):
            return str(kind)
    return str(ClaimKind.GENERAL)


_REFERENCE_HEADING = re.compile(r"^\W*(?:references|bibliography|sources|works cited|notes|literature)\W*$",
                                re.IGNORECASE)


def _misread_as_reference(doc: ParsedDocument, index: int) -> bool:
    """A lone 'references' block outside any reference list whose text is no reference entry
    ("Also, Herman (1992) wrote about how …"): prose the reader took for a list line."""
    block = doc.blocks[index]
    neighbours = doc.blocks[max(0, index - 1):index] + doc.blocks[index + 1:index + 2]
    words = doc.text[block.start:block.end].strip()
    if (any(b.kind == REFERENCES for b in neighbours) or looks_like_reference_entry(words)
            or GROUP_REFERENCE_LINE.match(words) or READING_LABEL.match(words)):
        return False
    return not any(_REFERENCE_HEADING.match(doc.text[b.start:b.end].strip()) for b in doc.blocks[:index])


_PRINTED_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d[a-z]?\b")


def _entries_among_entries(doc: ParsedDocument) -> set[int]:
    """The dated list items that sit in a list most of whose other items are reference entries (read as
    such, or APA/Vancouver lines): one more entry each, a group author's ("Welsh Government (2024) 20mph
    default speed limit: …", "Royal College of Physicians (RCP). National Audit …") when the page's heading
    over the list was lost — no claim. One pass over each run of list and reference blocks (each block's
    entry test made once), so a list of 20,000 items costs 20,000 tests, not their square."""
    skipped: set[int] = set()
    blocks = doc.blocks
    first = 0
    while first < len(blocks):
        if blocks[first].kind not in (LIST_ITEM, REFERENCES):
            first += 1
            continue
        last = first
        while last + 1 < len(blocks) and blocks[last + 1].kind in (LIST_ITEM, REFERENCES):
            last += 1
        run = range(first, last + 1)
        dated = [i for i in run if blocks[i].kind == LIST_ITEM
                 and _PRINTED_YEAR.search(doc.text, blocks[i].start, blocks[i].end)]
        if dated:
            entry = {i: blocks[i].kind == REFERENCES
                     or looks_like_reference_entry(_bullet_text(doc.text, blocks[i].start, blocks[i].end))
                     for i in run}
            total, others = sum(entry.values()), len(run) - 1
            for i in dated:
                entries = total - entry[i]
                if entries >= 2 and 2 * entries >= others + 1:
                    skipped.add(i)
        first = last + 1
    return skipped


def _bullet_text(text: str, start: int, end: int) -> str:
    start, end = strip_bullet(text, start, end)
    return text[start:end].strip()


def document_units(doc: ParsedDocument) -> list[Unit]:
    """Sentences of paragraph blocks and whole list items, in document order, trimmed."""
    units: list[Unit] = []
    sentences_of: dict[int, list[Sentence]] = {}  # each block's sentences, in document order (one pass)
    for sentence in doc.sentences:
        sentences_of.setdefault(sentence.block, []).append(sentence)
    entries_in_lists = _entries_among_entries(doc)
    for block_index, block in enumerate(doc.blocks):
        if block_index in entries_in_lists:
            continue
        if block.kind == LIST_ITEM:
            start, end = strip_bullet(doc.text, block.start, block.end)
            units.append(Unit(start, end, block_index, 0))
        elif block.kind == REFERENCES and _misread_as_reference(doc, block_index):
            for start, end in split_sentences(doc.text, block.start, block.end):
                units.append(Unit(start, end, block_index, 0))
        elif block.kind == PARAGRAPH and _quoted_above_citation_line(doc, block_index):
            units.append(Unit(block.start, block.end, block_index, 0))
        elif block.kind == PARAGRAPH and _numbered_paragraphs(doc, block_index):
            for start, end in _numbered_paragraph_sentences(doc.text, block.start, block.end):
                units.append(Unit(start, end, block_index, 0))
        elif block.kind == PARAGRAPH:
            for sentence in sentences_of.get(block_index, ()):
                for start, end in split_after_markers(doc.text, sentence.start, sentence.end):
                    units.append(Unit(start, end, block_index, 0))
    units.sort(key=lambda u: (u.start, u.end))
    for index, unit in enumerate(units):
        unit.index = index
        unit.start, unit.end = _trim(doc.text, unit.start, unit.end)
    return units


def _numbered_paragraphs(doc: ParsedDocument, index: int) -> bool:
    """A block of numbered paragraphs ("3.3 That meta-analysis …"), each line opening with its number."""
    block = doc.blocks[index]
    line_start = doc.text.rfind("\n", 0, block.start) + 1
    lines = [line for line in doc.text[line_start:block.end].splitlines() if line.strip()]
    return bool(lines) and all(NUMBERED_PARAGRAPH.match(line) for line in lines)


def _numbered_paragraph_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of numbered paragraphs, each paragraph's number left out: a paragraph ends at its
    line's end, and "3.3" is no word of the claim ("That meta-analysis also found …")."""
    spans: list[tuple[int, int]] = []
    line_start = text.rfind("\n", 0, start) + 1
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        number = NUMBERED_PARAGRAPH.match(text[line_start:line_end])
        body = line_start + number.end() if number else line_start
        for sentence_start, sentence_end in split_sentences(text, max(body, start), line_end):
            spans.extend(split_after_markers(text, sentence_start, sentence_end))
        line_start = line_end + 1
    return spans


def _quoted_above_citation_line(doc: ParsedDocument, index: int) -> bool:
    """A block quotation (Markdown "> …", HTML <blockquote>, or a paragraph wholly in quotation marks)
    right above a line that only cites its source: the quote is one claim, however many sentences."""
    block = doc.blocks[index]
    if index + 1 >= len(doc.blocks) or doc.blocks[index + 1].kind != PARAGRAPH:
        return False
    text = doc.text[block.start:block.end].strip()
    quoted = block.quote or (text[:1] in "“\"" and text[-1:] in "”\"" and len(text) > 2)
    after = doc.blocks[index + 1]
    return quoted and is_bare_citation(doc.text[after.start:after.end])


# "…in adults.[2] Next sentence": a numeric marker after the full stop still ends the sentence.
_MARKER_AFTER_STOP = re.compile(r"(?<=[.!?])(?:\[\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\]|" + SUPERSCRIPT_MARKER_TEXT
                                + r")(?=\s+[“\"(]?[A-Z])")


def split_after_markers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a sentence span where a numeric citation marker follows a sentence's full stop."""
    spans = []
    for match in _MARKER_AFTER_STOP.finditer(text, start, end):
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def extract_claims(doc: ParsedDocument, units: list[Unit] | None = None) -> list[ClaimSpan]:
    """Every claim of a document, in order, with stable ids and exact spans."""
    units = document_units(doc) if units is None else units
    claims: list[ClaimSpan] = []
    seen: dict[str, int] = {}
    for unit in units:
        text = doc.text[unit.start:unit.end]
        if not text or not_claim_reason(text, doc.blocks[unit.block].kind == LIST_ITEM):
            continue
        normalised = " ".join(text.split())
        occurrence = seen.get(normalised, 0)
        seen[normalised] = occurrence + 1
        block = doc.blocks[unit.block]
        claims.append(ClaimSpan(
            id=claim_id(doc.id, text, occurrence), document_id=doc.id, text=text,
            start=unit.start, end=unit.end, section=block.section,
            paragraph_start=block.start, paragraph_end=block.end, position=len(claims),
            kind=claim_kind(text), unit=unit.index,
        ))
    return claims
