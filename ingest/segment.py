"""Low-level text segmentation with exact offsets: lines, paragraphs and sentences.

Everything here works on (start, end) character offsets into one string, so that
`text[start:end]` is always the exact characters; spans are trimmed of surrounding
whitespace (including non-breaking spaces).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")

# Lines at most this long (stripped) are treated as hard-wrapped prose when they
# run on without a blank line; longer lines are each a paragraph of their own.
WRAP_WIDTH = 100


@dataclass(frozen=True)
class Line:
    """One line of a text: `start`/`end` span its content without the line break."""

    number: int  # 1-based
    start: int
    end: int
    text: str  # the line's content without the line break

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def indent(self) -> int:
        """Number of leading whitespace characters."""
        return len(self.text) - len(self.text.lstrip())

    def content_span(self) -> tuple[int, int]:
        """The line's span with surrounding whitespace trimmed."""
        lead = len(self.text) - len(self.text.lstrip())
        trail = len(self.text) - len(self.text.rstrip())
        return self.start + lead, self.end - trail


def split_lines(text: str, base: int = 0) -> list[Line]:
    """Split `text` into lines (any of \\n, \\r\\n, \\r), offsets shifted by `base`."""
    lines: list[Line] = []
    for number, match in enumerate(_LINE.finditer(text), start=1):
        raw = match.group(0)
        if not raw and match.start() == len(text) and lines:
            break
        content = raw.rstrip("\r\n")
        start = base + match.start()
        lines.append(Line(number, start, start + len(content), content))
    return lines


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so it neither begins nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def line_groups(lines: list[Line]) -> list[list[Line]]:
    """Group consecutive non-blank lines; blank lines separate groups."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                groups.append(current)
            current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


def is_hard_wrapped(group: list[Line]) -> bool:
    """True when a run of lines looks like one paragraph wrapped at a fixed width."""
    return len(group) > 1 and all(len(line.stripped) <= WRAP_WIDTH for line in group[:-1])


# --- sentences -------------------------------------------------------------------------

# Words that end in a period without ending a sentence (compared lower-case, no dot).
ABBREVIATIONS = frozenset(
    """
    dr mr mrs ms mx prof rev st sr jr sen rep gov gen col capt lt sgt hon fr
    vs cf al approx ca ed eds trans dept univ inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft ave blvd
    """.split()
)

# Abbreviations that only come before a number: "No. 5", "pp. 916", "Fig. 2".
NUMBER_ABBREVIATIONS = frozenset("no nos vol vols pp p ch chap sec fig figs eq eqs art ref refs".split())

# A superscript reference marker written as text: "^1,2^", "<sup>1</sup>", "¹⁻³" (the numeric
# detector, ingest.citations.detectors.numeric, reads the same forms).
SUPERSCRIPT_MARKER_TEXT = (r"\^\[?\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\]?\^"
                           r"|<sup>\s*\[?\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\]?\s*</sup>"
                           r"|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}(?:[⁻˗‐–,˒][⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})*")

# A Markdown footnote reference: "[^1]", "[^smith-2010]" (its definition is a line "[^1]: …").
FOOTNOTE_MARKER_TEXT = r"\[\^[\w\-]{1,30}\]"

_END = re.compile(
    r"""(?:\.\.\.|…|\.[.!?]*|![.!?]*|\?[.!?]*)  # terminal punctuation (each alternative opens
        # with its literal, so re finds candidates by a character scan; the same as [.!?]+ here)
        [\"'”’»)\]]*             # closing quotes and brackets
        (?:\[\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\]|""" + SUPERSCRIPT_MARKER_TEXT + r"""
           |(?:""" + FOOTNOTE_MARKER_TEXT + r""")+)?
        # a numeric reference marker: "adults.[2] Next", "adults.^2^ Next", "adults.[^2] Next"
        (?=\s+[\"'“‘«(\[]*[A-Z0-9À-ÖØ-Þ]|\s*$)  # whitespace then an upper-case start, or the end
    """,
    re.VERBOSE,
)
# A period, then a lower-case word: a sentence boundary only after an ordinary word
# ("this concept. many people"), never after an abbreviation ("et al. found").
# The period comes first in the pattern (its look-behind checks the three letters before it), so re
# scans for periods instead of trying the look-behind at every character: the same matches.
_LOWER_END = re.compile(r"\.(?<=[a-z]{3}\.)(?=\s+[a-z])")
_NOT_ENDING_LOWER = ABBREVIATIONS | {"etc", "approx", "incl", "esp", "resp", "viz", "ibid"}
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def word_before(text: str, start: int, end: int) -> str | None:
    """What `_WORD_BEFORE.search(text, start, end)` finds (group 1), found by walking back from
    `end` over letters and dots instead of trying every position from `start`: the cost is the
    length of the word, not of the text before it. As with `$`, a line break right before `end`
    may come between the word and `end`."""
    stop = end - 1 if end - 1 >= start and text[end - 1] == "\n" else end
    first = stop
    while first > start and text[first - 1] in _WORD_CHARS:
        first -= 1
    while first < stop and text[first] == ".":  # the word starts with a letter
        first += 1
    return text[first:stop] if first < stop else None


def _is_abbreviation(text: str, dot: int, start: int) -> bool:
    """True when the period at `dot` closes an abbreviation, an initial or an acronym."""
    word = word_before(text, start, dot)
    if not word:
        return False
    if len(word) == 1 and word.isupper():  # an initial: "B. K. Jordan"
        return True
    if "." in word:  # "e.g", "U.S", "P.S", "i.e"
        return True
    if word.lower() in NUMBER_ABBREVIATIONS:
        return bool(re.match(r"\.\s*\d", text[dot:dot + 3]))
    return word.lower() in ABBREVIATIONS


def _boundaries(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Candidate sentence ends in text[start:end], in order."""
    found = list(_END.finditer(text, start, end))
    for match in _LOWER_END.finditer(text, start, end):
        word = word_before(text, start, match.start())
        if word and word.isalpha() and word.lower() not in _NOT_ENDING_LOWER:
            found.append(match)
    return sorted(found, key=lambda m: m.start())


# A quotation inside a sentence: curly “…” or straight "…", at most this long, on one paragraph.
_QUOTATION = re.compile(r"“[^“”\n]{1,400}”|(?<![\w\"])\"[^\"\n]{1,400}\"(?![\w\"])")


def quotation_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) offsets of the matched quotation marks in text[start:end]."""
    if text.find('"', start, end) < 0 and text.find("“", start, end) < 0:  # no quotation can open
        return []
    return [(m.start(), m.end() - 1) for m in _QUOTATION.finditer(text, start, end)]


def _inside_quotation(match: re.Match[str], quotes: list[tuple[int, int]],
                      opens: list[int] | None = None) -> bool:
    """True when a candidate end lies inside a quotation and does not close it: “Eat food. Not
    too much.” ends no sentence at "food." (only the closing mark can end one). `opens`: the
    quotations' opening offsets; quotations do not overlap, so only the last one opening before
    the match can hold it."""
    if opens is None:
        return any(open_ < match.start() and match.end() <= close for open_, close in quotes)
    at = bisect.bisect_left(opens, match.start()) - 1
    return at >= 0 and match.end() <= quotes[at][1]


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into trimmed sentence spans with exact offsets; never inside a
    quotation."""
    spans: list[tuple[int, int]] = []
    sentence_start = start
    quotes = quotation_spans(text, start, end)
    opens = [open_ for open_, _ in quotes]
    for match in _boundaries(text, start, end):
        if _inside_quotation(match, quotes, opens):
            continue
        punct = match.group(0)
        if punct.startswith(".") and not punct.startswith("...") and _is_abbreviation(
            text, match.start(), sentence_start
        ):
            continue
        span = trim_span(text, sentence_start, match.end())
        if span[0] < span[1]:
            spans.append(span)
        sentence_start = match.end()
    tail = trim_span(text, sentence_start, end)
    if tail[0] < tail[1]:
        spans.append(tail)
    return spans
