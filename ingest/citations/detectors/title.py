"""Detector: a work named by its title ('Trauma and Recovery')."""

from __future__ import annotations

import functools
import re
from collections import Counter
from re._casefix import _EXTRA_CASES  # the pairs re.IGNORECASE treats as one letter beyond lower case

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex, main_title
from ingest.citations.model import TITLE, EvidenceSpan
from ingest.citations.text import _WORK_NOUN
from ingest.claims import Unit
from ingest.model import Reference

_WORK_NEAR_BEFORE = re.compile(rf"\b{_WORK_NOUN}\b[,:]?\s+(?:\w+\s+){{0,2}}$")
# The work word is looked for this far before a title (searching all the text before it was
# quadratic on a long line); pos/endpos keep \b and $ as they were on the slice.
_LOOKBACK = 300
_WORK_NEAR_AFTER = re.compile(rf"^[,)]?\s+(?:\w+\s+){{0,2}}?{_WORK_NOUN}\b")
# "at the Common Cold Centre in Cardiff": an unmarked title running on into another capitalised word
# is part of a longer proper name (a place, an institution), not the work's title ("Common cold").
_LONGER_NAME = re.compile(r"[ \t]+[A-ZÀ-Þ][a-zà-ÿ]")
# "we herewith launch The Genera of Fungi project", "listed on the Genera of Fungi database": an unmarked
# title before the noun of what it names is the name of a project, a database or a series, not the work.
_NAMES_A_THING = re.compile(
    r"[ \t]+(?:project|database|website|web site|portal|platform|initiative|consortium|programme|program|"
    r"network|series|collection|catalogue|catalog|checklist|award|prize|conference|workshop|symposium)s?\b")


# A title is marked when a quotation mark or emphasis opens right before it and closes right after it
# (or a subtitle follows: '"Dunbar's number: Group size …"'). '"Dunbar's number is a suggested
# cognitive limit …"' is a quoted sentence that opens with the title's words, not the title.
_CLOSERS = {"“": "”", '"': '"', "*": "*", "_": "_", "‘": "’"}
_AFTER_TITLE = re.compile(r"[.,;!?)]*(?:[:.]\s|\s+[-–—]\s|\s*\()")


def _closed(segment: str, end: int, closer: str) -> bool:
    """True when the mark `closer` (or a subtitle) follows the title that ends at `end`."""
    after = segment[end:end + 3]
    return (after.lstrip(".,;!?").startswith(closer) or after.startswith(closer)
            or bool(_AFTER_TITLE.match(segment, end)))


def _distinctive_title(title_words: list[str], segment: str, match: re.Match[str]) -> bool:
    """An unmarked title counts when it is long enough (three words or more) not to be a common
    term ('Complex PTSD' is one), or when a work word stands right next to it ('the book X')."""
    if len(title_words) >= 3:
        return True
    return bool(_WORK_NEAR_BEFORE.search(segment, max(0, match.start() - _LOOKBACK), match.start())
                or _WORK_NEAR_AFTER.match(segment[match.end():]))


class _TitlePattern:
    """A reference's main title as the pattern find_titles looks for. Only the word runs a sentence
    is screened by are derived when the index is built; the pattern's text, its spread caseless form
    and the compiled pattern when a sentence first holds all of them."""

    __slots__ = ("ref", "words", "runs", "_source", "_joined", "_compiled")

    def __init__(self, ref: Reference, words: list[str], runs: frozenset[str]) -> None:
        self.ref = ref
        self.words = words
        self.runs = runs  # the caseless word runs of its ASCII words: all are in any sentence it matches
        self._source: str | None = None
        self._joined: str | None = None
        self._compiled: re.Pattern[str] | None = None

    @property
    def source(self) -> str:
        if self._source is None:
            self._source = r"\b" + r"[\s\-–]+".join(re.escape(w) for w in self.words) + r"\b"
        return self._source

    @property
    def joined(self) -> str:
        """_spread_caseless of the title: a substring of that of any sentence it matches."""
        if self._joined is None:
            self._joined = _spread_caseless(" ".join(self.words))
        return self._joined

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _compiled(self.source, re.IGNORECASE)
        return self._compiled


@functools.lru_cache(maxsize=4096)
def _compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile with a cache of its own: per-reference patterns must not evict re's own cache."""
    return re.compile(source, flags)


_WORD_RUN = re.compile(r"\w+")
# re.IGNORECASE compares characters by simple lower case, and a few more pairs besides (i and
# dotless ı, s and long ſ, …); _caseless maps a string to one form per such class.
_CASE_CLASSES = str.maketrans({chr(k): chr(min(k, *others)) for k, others in _EXTRA_CASES.items()})


def _caseless(word: str) -> str:
    """One form for all the strings re.IGNORECASE takes for the same (ASCII-keyed) word."""
    if word.isascii():  # the case classes map every ASCII letter to itself
        return word.lower()
    return word.replace("\u0130", "i").lower().translate(_CASE_CLASSES)


def _title_patterns(index: RefIndex) -> tuple[dict[str, list[int]], list[int], list[_TitlePattern | None]]:
    """Title patterns of the index, and which to try for a sentence: by the longest word run of
    the title's ASCII words (every word run of the title is a whole word run wherever the pattern
    matches, since the pattern puts \\b or separators around each title word, in any case
    re.IGNORECASE accepts), or always (a title without an ASCII word)."""
    patterns: list[_TitlePattern | None] = []
    by_word: dict[str, list[int]] = {}
    always: list[int] = []
    # a title two works share names neither: "SÃO PAULO (Estado). Secretaria da Educação. Relatório
    # pedagógico 2011 / 2013" read as two works titled "Secretaria da Educação" (a body, not a work)
    shared = Counter(_spread_caseless(_pattern_title(ref)) for ref in index.references)
    for ref in index.references:
        title = _pattern_title(ref)
        title_words = title.split()
        if len(title_words) < 2 or len(title) < 10 or shared[_spread_caseless(title)] > 1:
            patterns.append(None)
            continue
        runs = [_caseless(run) for word in title_words if word.isascii() for run in _WORD_RUN.findall(word)]
        patterns.append(_TitlePattern(ref, title_words, frozenset(runs)))
        if runs:
            by_word.setdefault(_caseless(max(runs, key=len)), []).append(len(patterns) - 1)
        else:
            always.append(len(patterns) - 1)
    return by_word, always, patterns


def _pattern_title(ref: Reference) -> str:
    """The title find_titles looks for: the main title ('Trauma and Recovery'), or, when that is a
    single short word ('Mindset', 'Range', too common alone), the whole title with its subtitle
    ('Mindset: The New Psychology of Success'), which a writer who names the book in full prints."""
    title = main_title(ref)
    if len(title.split()) >= 2 and len(title) >= 10:
        return title
    return re.sub(r"[{}]", "", ref.title).strip().rstrip(".")


_SEPARATORS = re.compile(r"[\s\-–]+")


def _spread_caseless(text: str) -> str:
    """`text` caseless with every run of the title patterns' separator characters as one space.
    _caseless maps character for character (re.IGNORECASE's equivalence is per character, and
    lower case differs from re's only for U+0130, replaced first), so wherever a title pattern
    matches, this form of the title is a substring of this form of the sentence."""
    return _SEPARATORS.sub(" ", _caseless(text))


@functools.lru_cache(maxsize=1)  # title, then author-work, on the same unit
def unit_words(segment: str) -> tuple[frozenset[str], frozenset[str]]:
    """The segment's word runs as written, and their caseless forms: read once per unit for the title
    and author-work detectors (one finds titles by the caseless words, the other family names by the
    words as written)."""
    written = frozenset(_WORD_RUN.findall(segment))
    if segment.isascii():  # lower case is the whole story, and keeps every word run as it was
        return written, frozenset({w.lower() for w in written})
    return written, frozenset({_caseless(w) for w in written})


def _caseless_words(segment: str) -> frozenset[str]:
    """The caseless forms of the segment's word runs."""
    return unit_words(segment)[1]


def find_titles(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """A work named by its (main) title, title-cased or in quotes/italics."""
    found: list[EvidenceSpan] = []
    segment = text[unit.start:unit.end]
    by_word, always, patterns = index.derived("title_patterns", lambda: _title_patterns(index))
    candidates = set(always)
    words = _caseless_words(segment)
    for word in by_word.keys() & words:  # the words some title is keyed by (a set, so any order)
        candidates.update(by_word[word])
    spread: str | None = None
    for position in sorted(candidates):
        entry = patterns[position]
        assert entry is not None
        if not entry.runs <= words:
            continue
        spread = _spread_caseless(segment) if spread is None else spread
        if entry.joined not in spread:
            continue
        ref, title_words = entry.ref, entry.words
        for match in entry.pattern.finditer(segment):
            written = match.group(0)
            opener = segment[max(0, match.start() - 1):match.start()]
            marked = opener in _CLOSERS and _closed(segment, match.end(), _CLOSERS[opener])
            title_cased = all(w[0].isupper() for w in written.split() if len(w) > 3)
            if _inside_longer_title(index, ref, entry.joined, spread):
                continue  # "Before Mickey: The Animated Film 1898-1928" (Crafton's), not "The Animated Film"
            if marked or (title_cased and _distinctive_title(title_words, segment, match)
                          and not _LONGER_NAME.match(segment, match.end())
                          and not _NAMES_A_THING.match(segment, match.end())):
                start, end = unit.start + match.start(), unit.start + match.end()
                found.append(EvidenceSpan(str(EvidenceKind.CITATION), start, end, written, unit.index,
                                          [ref.key], True, priority=TITLE))
    return found


def _full_titles(index: RefIndex) -> list[tuple[str, str]]:
    """(key, the whole title with its subtitle, in _spread_caseless form) of every titled reference."""
    return [(ref.key, _spread_caseless(re.sub(r"[{}]", "", ref.title).strip().rstrip(".")))
            for ref in index.references if ref.title]


def _inside_longer_title(index: RefIndex, ref: Reference, joined: str, spread: str) -> bool:
    """True when the sentence prints another work's whole title that holds this title ("Before Mickey:
    The Animated Film 1898-1928" holds Stephenson's "The Animated Film"): it names that work, not this one."""
    fulls = index.derived("full_titles", lambda: _full_titles(index))
    return any(key != ref.key and len(full) > len(joined) and joined in full and full in spread
               for key, full in fulls)
