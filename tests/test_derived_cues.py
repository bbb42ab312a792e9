"""Pre-filters derived from the patterns themselves (ingest.cues) never hide a match (issue #9).

`required_literals` reads a pattern's parse tree; wherever the pattern matches, one of its literals
must be in the (caseless) text. Checked on thousands of random patterns over a small alphabet (so
they match often), with the letters re.IGNORECASE equates with ASCII ones, and on the stance cue
patterns over real article sentences and sentences made of their own words. The faster clause
cutting of the stance rules gives the same cuts as the character-by-character version.
"""

from __future__ import annotations

import random
import re

import pytest

from ingest import claims
from ingest.claims import caseless
from ingest.cues import Gated, required_literals
from ingest.support import design, stance

ALPHABET = ["a", "b", "c", "A", "B", " ", "ı", "ſ", "\u212a", "k", "s", "i", "(", "é"]


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    """A random regex over ALPHABET: literals, classes, groups, alternation, repeats, anchors."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        if choice < 0.45 or depth > 2:
            parts.append(re.escape(rng.choice(ALPHABET)))
        elif choice < 0.55:
            parts.append("[" + "".join(re.escape(c) for c in rng.sample(ALPHABET, rng.randint(1, 3))) + "]")
        elif choice < 0.6:
            parts.append(rng.choice([r"\b", r"\s", ".", r"\w", "^", "$", "(?=a)", "(?<=b)"]))
        elif choice < 0.85:
            alternatives = [_random_pattern(rng, depth + 1) for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.1:
                alternatives.append("")
            parts.append("(?:" + "|".join(alternatives) + ")")
        else:
            parts.append("(?:" + _random_pattern(rng, depth + 1) + ")")
        if rng.random() < 0.25:
            parts[-1] = "(?:" + parts[-1] + ")" + rng.choice(["?", "*", "+", "{2}", "{1,3}", "{0,2}", "??"])
    return "".join(parts)


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_required_literals_of_random_patterns_are_in_every_match(flags):
    rng = random.Random(11 + flags)
    texts = [_random_text(rng) for _ in range(400)]
    gated = checked = 0
    for _ in range(3000):
        pattern = re.compile(_random_pattern(rng), flags)
        gate = Gated(pattern)
        gated += gate.literals is not None
        for text in texts:
            found = pattern.search(text)
            folded = caseless(text) if flags else text
            hidden = gate.search(text, folded) is None
            assert hidden == (found is None), (pattern.pattern, text, gate.literals)
            checked += found is not None
    assert gated > 1000 and checked > 10_000  # the check exercised many gates and many matches


def test_required_literals_read_case_sensitive_groups_of_a_caseless_pattern():
    """(?-i:…) inside a re.IGNORECASE pattern: its characters match as written, and caseless() holds them
    in lower case, so they are literals as the ignoring-case ones are ('contra' of stance.CONTRA)."""
    rng = random.Random(23)
    texts = [_random_text(rng) for _ in range(400)]
    gated = checked = 0
    for _ in range(2000):
        parts = [_random_pattern(rng, 1) for _ in range(rng.randint(1, 3))]
        wrapped = [f"(?-i:{part})" if rng.random() < 0.5 else f"(?:{part})" for part in parts]
        pattern = re.compile("".join(wrapped), re.IGNORECASE)
        gate = Gated(pattern)
        gated += gate.literals is not None
        for text in texts:
            found = pattern.search(text)
            assert (gate.search(text, caseless(text)) is None) == (found is None), (pattern.pattern, text)
            checked += found is not None
    assert gated > 500 and checked > 5_000
    assert required_literals(stance.CONTRA) == ("contra", "pace")


def test_literals_follow_alternatives_optional_parts_and_case():
    assert required_literals(re.compile(r"\bnot (?:entirely )?consistent with")) == (
        "not consistent with", "not entirely consistent with")
    assert required_literals(re.compile(r"hypothesi[sz]ed", re.IGNORECASE)) == (
        "hypothesised", "hypothesized")
    assert required_literals(re.compile(r"(?:a|)b")) == ("b",)
    assert required_literals(re.compile(r"\w+")) is None
    assert required_literals(re.compile(r"Smith|\d")) is None  # one alternative has no literal
    assert Gated(re.compile("study", re.IGNORECASE)).may_match(caseless("a ſTUDY"))


def _stance_patterns() -> list[re.Pattern[str]]:
    return [stance.CONTRASTING, stance.NOT_FOUND_HERE, stance.HYPOTHESIS, stance.AGREEING, stance.MENTIONING,
            stance.EXAMPLE, stance.USED, stance.BACKGROUND, stance.SUPPORTING]


def _design_patterns() -> list[re.Pattern[str]]:
    return [pattern for _, pattern in design.CUES]


# Phrases that only a whole clause makes (embedded, jumbled, in the generated sentences).
SEEDS = ["we did not detect robust enrichment that has been reported by others",
         "our assay could not confirm the peaks observed in previous studies", "as previously reported",
         "a randomized, double-blind, placebo-controlled trial", "a 10-year follow-up",
         "we report a case of", "Although X, we did not", "in contrast to previous studies",
         "~Dr. Herman", "Kind regards", "I look forward to it", "I hope this helps", "Click here", "P.S. so",
         "See also", "Read on", "Let us look", "(e.g. \x00, \x00)", "[e.g., \x01 and \x00]"]


def _sentences(patterns: list[re.Pattern[str]], rng: random.Random) -> list[str]:
    """Article lines, titles of the evaluation .bib files, and sentences of the patterns' own words."""
    from tests.test_literal_cues import DATA, _article_lines, _jumbled
    from tests.test_literal_cues import SEEDS as CLAIM_SEEDS

    vocabulary = sorted({w for p in patterns for w in re.findall(r"[A-Za-z.'-]{2,}", p.pattern)})
    extras = ["(", ")", "[", "]", ",", ";", ":", "\x00", "\x01", "Smith", "et", "al.", "2001", "the", "we",
              "a", "of", "10-year", "Data from:", "(version 2.1)"]
    made = []
    for _ in range(40_000):
        words = [rng.choice(vocabulary if rng.random() < 0.7 else extras) for _ in range(rng.randint(1, 10))]
        if rng.random() < 0.2:
            words.insert(rng.choice([0, rng.randint(0, len(words))]), rng.choice(SEEDS + CLAIM_SEEDS))
        made.append(" ".join(_jumbled(w, rng) if rng.random() < 0.3 else w for w in words))
    bibs = [bib.read_text(encoding="utf-8", errors="replace") for bib in sorted(DATA.rglob("*.bib"))]
    titles = [m.group(1) for text in bibs for m in re.finditer(r"title\s*=\s*[{\"](.+)", text)]
    return _article_lines() + titles + made


@pytest.mark.parametrize("name", ["stance", "design", "claims"])
def test_a_scanner_never_hides_a_cue(name):
    patterns, scanner = {"stance": (_stance_patterns(), stance._CUES),
                         "design": (_design_patterns(), design._CUE_SCANNER),
                         "claims": (claims._SCANNED, claims._CLAIM_CUES)}[name]
    matched: dict[int, int] = {}
    sentences = _sentences(patterns, random.Random(4))
    if name == "claims":
        from tests.test_literal_cues import _generated

        sentences += _generated(random.Random(9), 60_000)
    for sentence in sentences:
        may = scanner.candidates(caseless(sentence))
        for i, pattern in enumerate(patterns):
            if pattern.search(sentence):
                matched[i] = matched.get(i, 0) + 1
                assert pattern in may, (pattern.pattern[:60], sentence)
    missing = [patterns[i].pattern[:50] for i in range(len(patterns)) if i not in matched]
    assert missing == []  # every pattern was exercised


def test_clause_cuts_are_those_of_the_character_walk():
    rng = random.Random(8)
    pieces = ["(", ")", "[", "]", "; ", ": ", ". ", ", but ", " whereas ", "word", " ", ",", "\x00"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        inside = stance._bracketed(text)
        walked = sorted({0, *[m.start() for m in stance._BOUNDARY.finditer(text) if not inside[m.start()]],
                         len(text)})
        assert stance._cuts(text) == walked, text
        markers = [tuple(sorted((rng.randint(-2, len(text) + 2), rng.randint(-2, len(text) + 2))))
                   for _ in range(rng.choice([1, 3, 12]))]
        chars = list(text)
        for start, end in markers:
            for i in range(max(0, start), min(len(chars), end)):
                chars[i] = stance.MASK
        assert stance._masked(text, markers) == "".join(chars)


def test_a_comment_names_a_claim_as_the_word_by_word_check_said():
    """find_challenge makes each claim's words once (issue #9): the answer of the original check."""
    from ingest.citations import challenges
    from ingest.citations.detectors.quote import _QUOTE
    from ingest.citations.text import STOPWORDS, words_of
    from tests.test_literal_cues import _article_lines

    def original(sentence: str, claim: str) -> bool:
        for quote in _QUOTE.finditer(sentence):
            inner = " ".join(words_of(quote.group(0)))
            if len(inner.split()) >= 3 and inner in " ".join(words_of(claim)):
                return True
        claim_words = {w for w in words_of(claim) if w not in STOPWORDS and len(w) > 3}
        said = {w for w in words_of(sentence) if w not in STOPWORDS and len(w) > 3}
        return len(claim_words) >= 3 and len(claim_words & said) / len(claim_words) >= 0.75

    rng = random.Random(6)
    lines = [line for line in _article_lines() if len(line) > 20]
    named = 0
    for _ in range(6_000):
        claim = rng.choice(lines)
        words = claim.split()
        kept = " ".join(w for w in words if rng.random() < 0.85)
        sentence = rng.choice([f'I disagree that "{" ".join(words[:rng.randint(2, 6)])}"', kept,
                               rng.choice(lines), f"{kept} is wrong"])
        expected = original(sentence, claim)
        named += expected
        assert challenges._names_claim(sentence, claim) == expected, (sentence, claim)
    assert named > 1_000
