"""The 25th stop's extraction speed-ups (issue #9) give exactly the answers of the code they replaced.

- `CueScanner.candidates` holds its patterns by identity (`PatternSet`): a set of re.Pattern objects
  hashes the pattern's whole compiled code at every `in`.
- `numeric._PAREN_MID_CLAUSE` checks its look-behind after the "(" it opens with, so re scans for
  the "(" instead of trying the pattern at every character; it matches exactly where the
  look-behind-first form does.
"""

from __future__ import annotations

import dataclasses
import random
import re
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

import pytest

from ingest.citations.detectors import numeric
from ingest.claims import caseless
from ingest.cues import CueScanner, PatternSet
from ingest.support import stance

DATA = Path(__file__).resolve().parent / "data"

# The pattern as it was written before this stop: the look-behind first.
LOOK_BEHIND_FIRST = re.compile(r"(?<=[^\W\d_]{3} )\((\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*)\)(?= [a-z])")


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8", errors="replace")
             for path in sorted(DATA.rglob("*")) if path.suffix in (".txt", ".md")]
    rng = random.Random(15)
    words = ["word", "abc", "Ωλλ", "ab", "to", "and", "x1y", "é", "(", ")", "(1)", "(12, 3)", "(4–6)",
             "( 7 )", "(8 -9)", " ", "\n", "the", "Eq.", "a"]
    texts += ["".join(rng.choice(words) + rng.choice(["", " ", "  "]) for _ in range(60))
              for _ in range(3000)]
    return texts


def test_mid_clause_numbers_open_with_the_parenthesis():
    first = list(sre_parse.parse(numeric._PAREN_MID_CLAUSE.pattern))[0]
    assert first == (sre_constants.LITERAL, ord("("))  # a literal prefix re can scan for


def test_mid_clause_numbers_match_where_the_look_behind_first_form_does():
    hits = 0
    for text in _texts():
        expected = [(m.span(), m.groups()) for m in LOOK_BEHIND_FIRST.finditer(text)]
        assert [(m.span(), m.groups()) for m in numeric._PAREN_MID_CLAUSE.finditer(text)] == expected
        hits += len(expected)
    assert hits > 100


def test_candidates_are_held_by_identity():
    scanner = stance._CUES
    sentence = "These results contradict the earlier report \x00\x00 and are consistent with others."
    may = scanner.candidates(caseless(sentence))
    assert isinstance(may, PatternSet)
    assert may.ids == {id(p) for p in may}
    assert all(p in may for p in may) and len(may) == len(list(may))
    for pattern in stance._SCANNED:  # the same answers as a set of the patterns themselves
        assert (pattern in may) == (pattern in set(may))


def test_an_empty_scanner_and_a_miss():
    always = re.compile(r"\w+")  # no literal: always a candidate
    gated = re.compile(r"needle")
    scanner = CueScanner([always, gated])
    assert set(scanner.candidates("hay")) == {always}
    assert set(scanner.candidates("a needle")) == {always, gated}
    assert not CueScanner([re.compile("abc")]).candidates("xyz")



def test_key_years_are_the_years_of_the_reference_by_key():
    from ingest.bibtex import read_bibtex
    from ingest.citations.index import _years_of, build_index

    references = read_bibtex(DATA.parent.parent / "references.bib")
    references += [dataclasses.replace(references[0], fields={**references[0].fields, "year": "1999"})]
    index = build_index(references, [])
    assert len(references) >= 3
    for ref in references:  # a key given twice: the years of the first, as by_key gives it
        assert index.key_years(ref.key) == _years_of(index.by_key(ref.key))
    with pytest.raises(StopIteration):
        index.key_years("no-such-key")


def test_heading_chains_are_the_enclosing_headings_of_every_offset():
    import bisect

    from ingest.support.stance import enclosing_headings, heading_chains, section_headings

    text = ("# Title\n\nIntro.\n\n## Methods\n\nA.\n\n### Fly stocks\n\nB.\n\n#### Deep\n\nC.\n\n"
            "## Results\n\nD.\n\n# Other\n\n### Skipped level\n\nE.\n\n## Back\n\nF.\n")
    headings = section_headings(text)
    chains, starts = heading_chains(headings), [start for start, _, _ in headings]
    assert len(headings) == 8
    for offset in range(-1, len(text) + 2):
        assert list(chains[bisect.bisect_right(starts, offset)]) == enclosing_headings(headings, offset)
