"""Literal pre-filters derived from a regular expression itself (issue #9).

`required_literals(pattern)` reads the compiled pattern's parse tree and returns a set of literal
strings one of which every match contains (or None when it cannot say). For a re.IGNORECASE pattern
the literals are in lower case and are looked for in `caseless(text)` (ingest.claims), which holds
every case-insensitive match of an ASCII literal as that literal in lower case. `Gated(pattern)`
searches only texts that hold one of them: the same answers as `pattern.search`, without running
the pattern over text that cannot match. Nothing here is written by hand, so a pattern changed
later keeps a correct pre-filter (tests/test_literal_cues.py checks them on real and generated text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_Need = frozenset[str] | None  # literals one of which a match holds; None: nothing known
PRODUCT_CAP = 256  # most strings a run of exact items is expanded into


def _best(needs: list[frozenset[str]]) -> _Need:
    """The most selective of several necessary conditions (each alone is necessary)."""
    needs = [need for need in needs if need and "" not in need]
    if not needs:
        return None
    return max(needs, key=lambda need: (min(len(s) for s in need), -len(need)))


def _char(code: int, fold: bool) -> str | None:
    """The literal `code` as it stands in the searched text (lower case when folding); None when its
    case variants are not all one character of caseless() text."""
    char = chr(code)
    if not fold:
        return char
    lowered = char.lower()
    return lowered if char.isascii() and len(lowered) == 1 else None


def _item(op: Any, value: Any, fold: bool) -> tuple[frozenset[str] | None, _Need]:
    """(every string the item can match, when few and known; what its match must hold)."""
    if op is sre_constants.LITERAL:
        char = _char(value, fold)
        return (frozenset({char}), None) if char is not None else (None, None)
    if op is sre_constants.IN:
        chars: set[str] = set()
        for kind, member in value:
            if kind is not sre_constants.LITERAL or (char := _char(member, fold)) is None:
                return None, None
            chars.add(char)
        return frozenset(chars), None
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, del_flags, sub = value
        if fold and not add_flags and del_flags == re.IGNORECASE:
            # (?-i:…) in a pattern that ignores case: its characters match as written, so the text's
            # caseless() form holds them in lower case, as it holds the ignoring-case ones
            return _sequence(sub, fold)
        return (None, None) if add_flags or del_flags else _sequence(sub, fold)
    if op is sre_constants.ATOMIC_GROUP:
        return _sequence(value, fold)
    if op is sre_constants.BRANCH:
        exact: set[str] | None = set()
        union: set[str] | None = set()
        for alternative in value[1]:
            strings, need = _sequence(alternative, fold)
            exact = exact | strings if exact is not None and strings is not None else None
            inner = strings if strings is not None and "" not in strings else need
            union = union | inner if union is not None and inner is not None else None
        return (frozenset(exact) if exact is not None and len(exact) <= PRODUCT_CAP else None,
                frozenset(union) if union is not None else None)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, high, sub = value
        strings, need = _sequence(sub, fold)
        if strings is not None and (low, high) == (0, 1):
            return strings | {""}, None
        if strings is not None and low == high == 1:
            return strings, need
        return None, (need or strings) if low >= 1 else None
    return None, None  # anchors, look-arounds, classes, back-references: nothing known


def _sequence(items: Any, fold: bool) -> tuple[frozenset[str] | None, _Need]:
    """(every string the concatenation can match, when few and known; what its match must hold)."""
    needs: list[frozenset[str]] = []
    product: set[str] | None = {""}
    whole: set[str] | None = {""}
    for op, value in items:
        strings, need = _item(op, value, fold)
        if need is not None:
            needs.append(need)
        if strings is None:
            if product is not None:
                needs.append(frozenset(product))
            product, whole = {""}, None
            continue
        small = len(product) * len(strings) <= PRODUCT_CAP
        expanded = {a + b for a in product for b in strings} if small else None
        if expanded is None:  # too many: keep what the run so far must hold, start a new run here
            needs.append(frozenset(product))
            expanded = set(strings)
        product = expanded
        whole = ({a + b for a in whole for b in strings}
                 if whole is not None and len(whole) * len(strings) <= PRODUCT_CAP else None)
    needs.append(frozenset(product))
    return (frozenset(whole) if whole is not None else None), _best(needs)


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals one of which every match of `pattern` holds (lower case, for `caseless` text, when
    the pattern ignores case); None when the pattern has no such literal."""
    if pattern.flags & (re.VERBOSE | re.LOCALE):
        return None
    fold = bool(pattern.flags & re.IGNORECASE)
    strings, need = _sequence(sre_parse.parse(pattern.pattern, pattern.flags), fold)
    need = _best([n for n in (strings, need) if n is not None])
    if need is None:
        return None
    # a literal holding another is redundant: the shorter is found wherever the longer is
    kept = sorted(need, key=len)
    minimal = [s for i, s in enumerate(kept) if not any(t in s for t in kept[:i])]
    return tuple(sorted(minimal))


class Gated:
    """`pattern` behind its required literals: `search(text, folded)` is `pattern.search(text)`, but
    returns None at once when `folded` (caseless(text) for an IGNORECASE pattern, else text) holds
    none of them."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.literals = required_literals(pattern)
        self.folds = bool(pattern.flags & re.IGNORECASE)

    def may_match(self, folded: str) -> bool:
        """False only when the pattern cannot match the text `folded` was made from."""
        return self.literals is None or any(literal in folded for literal in self.literals)

    def search(self, text: str, folded: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(folded) else None


class CueScanner:
    """The required literals of several patterns in one automaton (Aho–Corasick, pyahocorasick):
    `candidates(folded)` scans a text once and gives the set of the patterns that may match it, the
    others cannot. All patterns must agree on case (all re.IGNORECASE, searched with `caseless`
    text, or none). A pattern whose literals hold a character of `unsure` (one the caller may
    search a variant of the text with, like a mask character) is always a candidate."""

    def __init__(self, patterns: list[re.Pattern[str]], unsure: str = "") -> None:
        import ahocorasick

        folds = {bool(p.flags & re.IGNORECASE) for p in patterns}
        if len(folds) > 1:
            raise ValueError("CueScanner: patterns must all ignore case, or none")
        self.folds = folds.pop() if folds else False
        always: set[int] = set()  # id() of the patterns with no literal to screen by: always candidates
        owners: dict[str, set[int]] = {}  # literal -> id() of the patterns holding it
        self._patterns: dict[int, re.Pattern[str]] = {id(pattern): pattern for pattern in patterns}
        for pattern in patterns:
            literals = required_literals(pattern)
            if literals is None or any(char in literal for literal in literals for char in unsure):
                always.add(id(pattern))
                continue
            for literal in literals:
                owners.setdefault(literal, set()).add(id(pattern))
        self._always = frozenset(always)
        self._automaton = ahocorasick.Automaton()
        for literal, found in owners.items():
            self._automaton.add_word(literal, frozenset(found))
        self._empty = not owners
        if not self._empty:
            self._automaton.make_automaton()
        self._last: tuple[str, PatternSet] | None = None  # the last text scanned, and what it gave

    def candidates(self, folded: str) -> PatternSet:
        """The patterns that may match the text `folded` was made from (caseless(text) when they
        ignore case, else the text itself). The answer for the last text is kept: the stance rules
        scan one sentence (or clause) again for every marker it holds, one after the other."""
        last = self._last
        if last is not None and last[0] == folded:
            return last[1]
        found = set(self._always)
        if not self._empty:
            for _end, owners in self._automaton.iter(folded):
                found |= owners
        answer = PatternSet(found, self._patterns)
        self._last = (folded, answer)
        return answer


class PatternSet:
    """A set of compiled patterns held by identity (`CueScanner.candidates`): `pattern in it` is one
    lookup of id(pattern). A set of the patterns themselves hashes the pattern at every `in`, and
    re.Pattern's hash reads its whole compiled code each time (about 10 µs for the 6,000-character
    CONTRASTING cue pattern, 40 ns for a short one). Callers only read it: the scanner hands the one it
    kept for the last text out again."""

    __slots__ = ("ids", "_patterns")

    def __init__(self, ids: set[int], patterns: dict[int, re.Pattern[str]]) -> None:
        self.ids = ids  # id() of each pattern held
        self._patterns = patterns

    def __contains__(self, pattern: object) -> bool:
        return id(pattern) in self.ids

    def __iter__(self) -> Iterator[re.Pattern[str]]:
        return (self._patterns[i] for i in self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __bool__(self) -> bool:
        return bool(self.ids)


def _top_level(source: str, start: int) -> tuple[int, list[int]] | None:
    """For the group opening at source[start] ('('), where it closes and where its own '|'s are;
    None when the source cannot be read so (an unbalanced group)."""
    depth, at, bars, in_class = 0, start, [], False
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            at += 1
            at += source.startswith("^", at)
            at += source.startswith("]", at)  # a ']' first in a class is a member
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return at, bars
        elif char == "|" and depth == 1:
            bars.append(at)
        at += 1
    return None


def split_alternation(pattern: re.Pattern[str]) -> list[re.Pattern[str]] | None:
    """`pattern` = zero-width anchors (\\b, ^) + one group of alternatives (?:A1|…|An) + the rest, as
    one pattern per alternative (anchors + (?:Ai) + the rest), in order; None for any other shape.
    At the leftmost place the whole pattern matches, the first alternative that matches there with
    the rest wins, and its match is that alternative's pattern's own match there (the anchors hold
    no choice to backtrack into), so the leftmost of the alternatives' matches, the first
    alternative on a tie, is the whole pattern's match (groups renumbered: group 0 and named groups
    only)."""
    source = pattern.pattern
    if pattern.flags & re.VERBOSE or source.startswith("(?") and not source.startswith("(?:"):
        return None
    at = 0
    while source.startswith(("\\b", "^"), at):
        at += 1 if source[at] == "^" else 2
    if not source.startswith("(?:", at):
        return None
    read = _top_level(source, at)
    if read is None or not read[1]:
        return None
    close, bars = read
    rest = source[close + 1:]
    wrapped = _top_level("(" + rest + ")", 0)
    if wrapped is None or wrapped[1] or wrapped[0] != len(rest) + 1:  # the rest is no alternative itself
        return None
    cuts = [at + 3, *(bar + 1 for bar in bars)]
    ends = [*bars, close]
    try:
        return [re.compile(f"{source[:at]}(?:{source[begin:end]}){rest}", pattern.flags)
                for begin, end in zip(cuts, ends, strict=True)]
    except re.error:
        return None


class Alternatives:
    """`pattern.search` (group 0 and named groups) for a pattern of many alternatives: only the
    alternatives whose required literals are in the text are searched, each alone
    (split_alternation), and the leftmost match wins (the first alternative on a tie). Where the
    pattern has no such shape it is searched whole. `folded` is caseless(text) for an IGNORECASE
    pattern, else the text itself."""

    def __init__(self, pattern: re.Pattern[str], unsure: str = "") -> None:
        self.pattern = pattern
        self.parts = split_alternation(pattern)
        self._scanner = CueScanner(self.parts, unsure=unsure) if self.parts else None

    def search(self, text: str, folded: str) -> re.Match[str] | None:
        if self.parts is None or self._scanner is None:
            return self.pattern.search(text)
        candidates = self._scanner.candidates(folded)
        best: re.Match[str] | None = None
        for part in self.parts:
            if part in candidates:
                found = part.search(text)
                if found and (best is None or found.start() < best.start()):
                    best = found
        return best
