"""The fourth pass of extraction speed-ups (issue #9) gives exactly the answers of the code it replaced.

Each mechanism is checked against the plain form it stands for, on every line of the evaluation
articles and on generated text seeded with the patterns' own words (random case, the letters
re.IGNORECASE equates with ASCII ones, mask characters): split alternations (ingest.cues.Alternatives)
against the whole pattern, the stance scanners and the stance model's family scanner against plain
searches, the rewritten sentence-end patterns against the originals, the gated reference-list
identifier stripping against the ungated one, the kept design of a record against a fresh one, and
the unrolled stance scores against the general loop.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from ingest import reflist, segment
from ingest.claims import caseless
from ingest.cues import Alternatives, required_literals, split_alternation
from ingest.support import design, stance, stance_model

DATA = Path(__file__).resolve().parent / "data"
EVAL_SETS = ["eval", "eval-blind", "eval-blind-2", "eval-blind-3", "eval-blind-4", "eval-blind-5"]
ODD_LETTERS = "İıſK"


def _lines() -> list[str]:
    lines = []
    for name in EVAL_SETS:
        for path in sorted((DATA / name).iterdir()):
            if path.suffix in (".txt", ".md", ".html"):
                lines += [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                          if line.strip()]
    return lines


# Sentences (markers masked) that the rarer cue patterns match, so every check sees real matches.
MATCHING = ["The claim that sleep helps \x00\x00\x00 was not supported by our data.",
            "We did not observe the shift seen by \x00\x00\x00 in mice.",
            "However, we did not detect the bias reported previously in other work.",
            "Our assay could not reproduce the peak described elsewhere, although it may be real.",
            "While it would seem obvious \x00\x00, it is not; they reported this finding."]
LINES = _lines() + MATCHING


def _generated(patterns: list[re.Pattern[str]], count: int, seed: int) -> list[str]:
    """Sentences of the patterns' own literals and words (and filler), in random case, some letters
    swapped for the ones re.IGNORECASE equates with ASCII letters, some characters masked."""
    rng = random.Random(seed)
    phrases = set()
    for pattern in patterns:
        for part in split_alternation(pattern) or [pattern]:
            phrases |= set(required_literals(part) or ())
        phrases |= set(re.findall(r"[a-z]{2,}", pattern.pattern))
    words = sorted(phrases) or ["word"]
    filler = ["the", "a", "of", "we", "(Smith, 2001)", "[3]", "—", ",", ";", ".", "2", "=", "5", "nm", "that",
              "was", "is", "not", "by", "in", stance.OTHER]
    texts = []
    for _ in range(count):
        picked = [rng.choice(words) if rng.random() < 0.5 else rng.choice(filler)
                  for _ in range(rng.randint(1, 14))]
        text = " ".join(picked)
        text = "".join(c.upper() if rng.random() < 0.2 else c for c in text)
        if rng.random() < 0.2:
            text = text.replace("i", rng.choice("ıİ")).replace("s", "ſ").replace("k", "K")
        if rng.random() < 0.2:
            at = rng.randrange(len(text) + 1)
            text = text[:at] + stance.MASK * 5 + text[at:]
        texts.append(text)
    return texts


def _span(found: re.Match[str] | None) -> tuple[int, int] | None:
    return found.span() if found else None


STANCE_PATTERNS = [p for p in (*stance._SCANNED, stance.VALUE) if split_alternation(p)]


def test_split_alternation_shapes() -> None:
    parts = split_alternation(re.compile(r"\b(?:ab|a|[|)]x|\(y)\b"))
    assert [p.pattern for p in parts or []] == [r"\b(?:ab)\b", r"\b(?:a)\b", r"\b(?:[|)]x)\b", r"\b(?:\(y)\b"]
    assert split_alternation(re.compile(r"(?:the )?(?:a|b)")) is None  # a choice before the group
    assert split_alternation(re.compile(r"(?:a|b)c|d")) is None  # the rest is an alternative itself
    assert split_alternation(re.compile(r"(?:a|b)", re.VERBOSE)) is None
    assert split_alternation(re.compile(r"(?:ab)")) is None  # one alternative: nothing to split
    # the whole pattern's tie-break: at the same start the first alternative wins, even when shorter
    tie = Alternatives(re.compile(r"(?:a|ab)c?"))
    assert tie.search("xabc", "xabc").span() == re.compile(r"(?:a|ab)c?").search("xabc").span() == (1, 2)


@pytest.mark.parametrize("pattern", STANCE_PATTERNS, ids=lambda p: p.pattern[:30])
def test_alternatives_match_the_whole_pattern(pattern: re.Pattern[str]) -> None:
    alternatives = stance._ALTERNATIVES[id(pattern)]
    texts = LINES + [line.lower() for line in LINES[::3]] + _generated([pattern], 4000, seed=9)
    hits = 0
    for text in texts:
        expected = _span(pattern.search(text))
        assert _span(alternatives.search(text, caseless(text))) == expected, text
        hits += expected is not None
    assert hits > 0  # the check saw real matches


@pytest.mark.parametrize("pattern", stance._WHOLE, ids=lambda p: p.pattern[:30])
def test_whole_sentence_scanner_never_hides_a_match(pattern: re.Pattern[str]) -> None:
    hits = 0
    for text in LINES + _generated([pattern], 4000, seed=7):
        masked = text.replace("(", stance.MASK)
        for variant in (masked, masked.replace(stance.MASK, stance.OTHER)):
            if pattern.search(variant):
                hits += 1
                assert pattern in stance._WHOLE_CUES.candidates(caseless(masked)), variant
    assert hits > 0


def test_family_scanner_never_hides_a_family() -> None:
    families = list(stance_model.FAMILIES.values())
    texts = [line.lower() for line in LINES] + [t.lower() for t in _generated(families, 4000, seed=3)]
    seen = set()
    for text in texts:
        candidates = stance_model._FAMILY_CUES.candidates(text)
        for family, pattern in stance_model.FAMILIES.items():
            if pattern.search(text):
                seen.add(family)
                assert pattern in candidates, (family, text)
    assert seen == set(stance_model.FAMILIES)


_OLD_END = re.compile(segment._END.pattern.replace(r"(?:\.\.\.|…|\.[.!?]*|![.!?]*|\?[.!?]*)",
                                                   r"(?:\.\.\.|…|[.!?]+)"), segment._END.flags)
_OLD_LOWER_END = re.compile(r"(?<=[a-z]{3})\.(?=\s+[a-z])")


def test_sentence_end_patterns_are_the_old_ones() -> None:
    assert _OLD_END.pattern != segment._END.pattern
    rng = random.Random(5)
    alphabet = ".!?…\"')] Aa1[2]^3^¹,\n<sup>4</sup>xyz"
    texts = ["\n".join(LINES)] + ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 16)))
                                  for _ in range(30000)]
    for text in texts:
        assert [m.span() for m in segment._END.finditer(text)] == [m.span() for m in _OLD_END.finditer(text)]
        assert ([m.span() for m in segment._LOWER_END.finditer(text, 1)]
                == [m.span() for m in _OLD_LOWER_END.finditer(text, 1)])
    assert segment.quotation_spans('He said "yes" then', 0, 18) == [(8, 12)]
    assert segment.quotation_spans("no quotes here", 0, 14) == []


def _old_strip_identifiers(entry: str, fields: dict[str, str]) -> str:
    """reflist._strip_identifiers before its literal gates."""
    doi = reflist.DOI.search(entry)
    if doi:
        fields["doi"] = doi.group(1).rstrip(".,;)]")
    pmid = reflist.PMID.search(entry)
    if pmid:
        fields["pmid"] = pmid.group(1)
    pmcid = reflist.PMCID.search(entry)
    if pmcid:
        fields["pmcid"] = pmcid.group(1)
    url = reflist.URL.search(entry)
    if url and "doi.org/" not in url.group(0):
        fields["url"] = url.group(0).rstrip(".,;)]")
    cut = re.sub(r"(?:\b(?:doi|DOI|Doi)\s*:?\s*)?(?:https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/[^\s\"<>]+",
                 " ", entry)
    cut = reflist.PMID.sub(" ", cut)
    cut = re.sub(r"\bPMCID:?\s*PMC\d+|\bPMC\d{5,9}\b", " ", cut)
    cut = reflist.URL.sub(" ", cut)
    cut = re.sub(r"\b(?:Available (?:at|from|in)|Dispon[ií]vel em|Accessed|Acesso em|Retrieved from)\b.*$",
                 " ", cut, flags=re.I | re.S)
    return " ".join(cut.split())


def test_identifier_gates_strip_what_the_plain_code_strips() -> None:
    rng = random.Random(11)
    pieces = ["Smith J.", "(2001).", "Title of it.", "doi:10.1234/abc.5", "https://doi.org/10.55/x)",
              "PMID: 123456", "pmid 99999", "PMCID: PMC12345", "PMC1234567", "http://example.org/a.",
              "Available at", "available from", "Accessed 3 May", "Retrieved from", "Disponível em",
              "acesso em", "AVAILABLE IN", "ſmith", "Kelvin", "İstanbul", "10.", "PMC", "http", ";", ","]
    entries = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))) for _ in range(20000)]
    for entry in entries:
        old, new = {}, {}
        assert reflist._strip_identifiers(entry, new) == _old_strip_identifiers(entry, old), entry
        assert new == old


def test_design_of_a_record_is_kept_and_equal() -> None:
    props = {"entry_type": "article", "title": "A randomised controlled trial of sleep",
             "venue": "BMJ", "fields_json": '{"journal": "BMJ"}', "records_json": "[]"}
    assert design.classify(props) == (design._record_design(props) or design.UNKNOWN)
    assert design.classify(dict(props)) is design.classify(dict(props))  # kept by what it reads
    odd = {**props, "title": ["not", "a", "string"]}  # not a plain string: classified afresh, not kept
    assert design.classify(odd) == (design._record_design(odd) or design.UNKNOWN)
    for entry in ("phdthesis", "book", "misc", None):
        changed = {**props, "entry_type": entry}
        assert design.classify(changed) == (design._record_design(changed) or design.UNKNOWN)


def test_unrolled_scores_are_the_loop_bit_for_bit() -> None:
    model = stance_model.load_model()
    assert model is not None and len(model.classes) == 2
    features = sorted(model.weights)
    rng = random.Random(2)
    for _ in range(500):
        found = rng.sample(features, rng.randint(0, 60)) + ["not-a-feature"]
        totals = list(model.bias)
        for feature in found:
            for i, weight in enumerate(model.weights.get(feature, ())):
                totals[i] += weight
        assert model.scores(found) == totals
