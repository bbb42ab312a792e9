"""Extraction cost grows linearly (issue #9, issue #12 items 1 and 5), checked without timing.

- Operation counts: the Python and C function calls of extraction (sys.setprofile) on a real
  article, its text doubled, and its references padded to 1,000; quadratic paths (every sentence
  against every reference, every unit against the whole history) would multiply them.
- Hostile inputs that used to run for minutes or hours must finish under pytest-timeout, with
  bounds far above their cost now (a loaded CI machine is slow, not quadratic).
- The pre-filters and bounded searches give exactly what the searches they replace gave.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from ingest import guards
from ingest.bibtex import parse_bibtex
from ingest.citations import (
    _NARRATIVE_BEFORE,
    _family_matches,
    _name_run_starts,
    _spread_caseless,
)
from ingest.pipeline import extract_article, ingest_text
from ingest.readers import read_documents
from ingest.render import render_text
from ingest.segment import _WORD_BEFORE, word_before

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "data" / "corpus" / "jats" / "elife00005.xml"  # not held out (blind.txt)


# --- operation counts ------------------------------------------------------------------


def _calls(fn) -> int:
    """Function calls (Python and C) made while running fn()."""
    count = 0

    def profile(_frame, event, _arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Path, str]:
    """The article as the text route reads it: Markdown with its reference list, and a .bib."""
    text, bib = render_text(read_documents(ARTICLE)[0])
    path = tmp_path_factory.mktemp("cost") / "article.md"
    path.write_text(text, encoding="utf-8")
    return path, bib


def _extraction_calls(path: Path, text: str, bib: str) -> int:
    path.write_text(text, encoding="utf-8")
    documents = read_documents(path)
    references = parse_bibtex(bib, "article.bib")
    return _calls(lambda: extract_article(documents, references))


def _padding(count: int) -> str:
    """`count` BibTeX entries by made-up authors, none of whom the article cites."""
    rng = random.Random(count)
    syllables = "ka lo mi ren tu sa vo ne ri da".split()
    entries = []
    for i in range(count):
        family = "".join(rng.choice(syllables) for _ in range(3)).title()
        title = " ".join(rng.choice(syllables) * 2 for _ in range(6)).capitalize()
        entries.append(f"@article{{pad{i}, author = {{{family}, A. and Other{i}, B.}}, title = {{{title}}}, "
                       f"journal = {{J}}, year = {{{1950 + i % 70}}}}}")
    return "\n\n".join(entries)


def _doubled(text: str) -> str:
    """The article's body twice, then its reference list once."""
    body, _, references = text.partition("\n\n## References\n\n")
    return f"{body}\n\n{body}\n\n## References\n\n{references}"


def test_extraction_calls_grow_linearly_with_the_text(rendered):
    path, bib = rendered
    text = path.read_text(encoding="utf-8")
    once = _extraction_calls(path, text, bib)
    twice = _extraction_calls(path, _doubled(text), bib)
    assert once > 10_000
    assert twice / once < 2.3


def test_references_cost_the_same_however_long_the_text(rendered):
    """1,000 references cost a fixed amount each (building the index), not an amount per sentence:
    what they add is the same for the article and for its text doubled."""
    path, bib = rendered
    text = path.read_text(encoding="utf-8")
    padding = _padding(1000 - bib.count("@"))
    added_once = (_extraction_calls(path, text, bib + "\n\n" + padding)
                  - _extraction_calls(path, text, bib))
    added_twice = (_extraction_calls(path, _doubled(text), bib + "\n\n" + padding)
                   - _extraction_calls(path, _doubled(text), bib))
    assert 0 < added_once / 1000 < 500  # calls per added reference
    assert added_twice / added_once < 1.3


# --- hostile inputs --------------------------------------------------------------------

_BIB = "\n".join(f"@article{{k{i}, author = {{Smith{i % 50}, A and Jones, B}}, "
                 f"title = {{The effect of cell model {i} on data}}, year = {{{1990 + i % 30}}}}}"
                 for i in range(200))
_NAMES = ["Smith", "Jones", "Brown", "Herman"]
_BIB_NAMES = "\n".join(f"@article{{w{i}, author = {{{name}, A.}}, title = {{Work {i}}}, "
                       f"year = {{{1990 + i}}}}}" for i, name in enumerate(_NAMES))


def _random_words(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    words = "the of and a to in is was for on that with as by at from study effect cell data model".split()
    words += ["Smith", "Jones", "Herman", "Cell", "Nature", "her", "book", "study"]
    out, total = [], 0
    while total < size:
        out.append(rng.choice(words))
        total += len(out[-1]) + 1
    return " ".join(out)


HOSTILE = {
    "random words, no sentence end (1 MB)": (_random_words(1_000_000), _BIB_NAMES),
    "'Dr. ' x 64,000": ("Dr. " * 64_000, None),
    "'Smith et al. ' x 32,000": ("Smith et al. " * 32_000, _BIB_NAMES),
    "'e.g. i.e. cf. ' x 30,000": ("e.g. i.e. cf. " * 30_000, None),
    "narrative citations in one sentence x 40,000": (
        " ".join(f"Smith et al. ({1990 + i % 4})" for i in range(40_000)), _BIB_NAMES),
    "one parenthesis of 20,000 citations": (
        "Shown (" + "; ".join(f"Smith et al., {1990 + i % 4}" for i in range(20_000)) + ").", _BIB_NAMES),
    "list of 20,000 cited items": (
        "\n".join(f"- Item {i} is more likely to matter (Smith{i % 50}, {1990 + i % 30})."
                  for i in range(20_000)), _BIB),
    "50,000 short quotations in one paragraph": (" ".join(f'"{w} a b c."' for w in range(50_000)), None),
    "continuations x 5,000": (
        " ".join("Smith (1990) found it. The same study showed more. She argues it." for _ in range(5_000)),
        _BIB_NAMES),
}


@pytest.fixture
def uncapped(monkeypatch):
    """The readers' size caps (ingest.guards, issue #12: 50,000-character lines and paragraphs,
    8 MiB articles) lifted, so these inputs reach the extractor, which must cope on its own."""
    monkeypatch.setattr(guards, "MAX_ARTICLE_BYTES", 64 << 20)  # a read buffer: not absurdly large
    for name in ("MAX_LINE_CHARS", "MAX_LINES", "MAX_PARAGRAPH_CHARS"):
        monkeypatch.setattr(guards, name, 1 << 40)


@pytest.mark.timeout(180)
@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_finishes(name, uncapped):
    text, bib = HOSTILE[name]
    result = ingest_text(text, "hostile.txt", bib)
    assert result.batch.nodes_by_label("Document")


@pytest.mark.timeout(300)
def test_a_10_mb_single_line_finishes(uncapped):
    text = _random_words(10_000_000, seed=2)
    assert "\n" not in text
    result = ingest_text(text, "one-line.txt", _BIB_NAMES)
    assert result.batch.nodes_by_label("Document")


# --- the fast paths give exactly the old answers ---------------------------------------


def test_word_before_is_the_regex_search():
    rng = random.Random(1)
    for _ in range(50_000):
        text = "".join(rng.choice("aZ.\n (x") for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        match = _WORD_BEFORE.search(text, start, end)
        assert word_before(text, start, end) == (match.group(1) if match else None), (text, start, end)


def test_family_matches_are_the_regex_matches():
    rng = random.Random(2)
    families = ["a", "ab", "aa", "b a", "(a", "a(", "é", "a.", "ab_", ""]
    for _ in range(50_000):
        text = "".join(rng.choice("ab (,1 _é.") for _ in range(rng.randint(0, 14))).replace("1", "1999")
        family = rng.choice(families)
        pattern = rf"(?<![\w(]){re.escape(family)}\b(?!\s*\(|\s*,?\s*\d{{4}})"
        expected = [m.span() for m in re.finditer(pattern, text)]
        found = [(m.start(), m.end()) for m in _family_matches(text, family, pattern)]
        assert found == expected, (text, family)


def test_narrative_names_search_from_the_name_run_is_the_prefix_search():
    rng = random.Random(5)
    pieces = ["Smith", " ", "and", " et al.", ",", "(", "1990", ")", "'s", "de ", "\n", "Jones", "x", "&",
              "*", "St. ", "’s"]
    for _ in range(30_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        starts = _name_run_starts(text)
        for at in (i for i, char in enumerate(text) if char == "("):
            old, new = _NARRATIVE_BEFORE.search(text[:at]), _NARRATIVE_BEFORE.search(text, starts[at], at)
            assert (old and (old.span(), old.groupdict())) == (new and (new.span(), new.groupdict())), text


def test_a_title_pattern_matches_only_where_its_spread_caseless_form_occurs():
    rng = random.Random(3)
    alphabet = ["a", "A", "b", "-", "–", " ", "\u0130", "i", "I", "\u0131", "s", "\u017f", "S", "\n", ".",
                "K", "\u212a", "k", "Σ", "σ", "ς"]
    checked = 0
    for _ in range(100_000):
        words = " ".join("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 3)))
                         for _ in range(rng.randint(2, 3))).split()
        if len(words) < 2:
            continue
        pattern = r"\b" + r"[\s\-–]+".join(re.escape(w) for w in words) + r"\b"
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        if re.search(pattern, text, re.IGNORECASE):
            checked += 1
            assert _spread_caseless(" ".join(words)) in _spread_caseless(text), (words, text)
    assert checked > 10


# --- reference-list lines against many references (speed16) -----------------------------


def _padded_references(count: int) -> list:
    from ingest.model import PersonName, Reference

    rng = random.Random(16)
    letters = "bcdfghjklmnprstvwz"
    refs = []
    for i in range(count):
        family = "".join(rng.choice(letters) + rng.choice("aeiou") for _ in range(4)).capitalize()
        refs.append(Reference(f"r{i}", "article", {"year": str(1950 + i % 70),
                                                    "title": f"On the {family.lower()} effect in study {i}"},
                              [PersonName(family, "A")]))
    return refs


def test_a_reference_line_costs_the_same_however_many_references():
    """ReferenceEntryMatcher looks a line's words up in an index of first-author family forms: matching
    a line against 1,000 references costs about what it costs against 10 (it used to search the line
    for every reference's forms, and derive every reference's title words up front)."""
    from ingest.citations.index import ReferenceEntryMatcher

    many = _padded_references(1000)
    few = many[:10]
    line = f"{many[5].authors[0].family}, A. ({many[5].year}). {many[5].title}. Journal 3, 1-9."

    def match(refs):
        return lambda: ReferenceEntryMatcher(refs).best(line)

    assert ReferenceEntryMatcher(many).best(line) == ReferenceEntryMatcher(few).best(line) == "r5"
    # building the index is linear in the references (a few calls each), one line adds next to nothing
    assert _calls(match(many)) < 12 * 1000
    matcher = ReferenceEntryMatcher(many)
    assert _calls(lambda: matcher.best(line)) < 3 * _calls(lambda: ReferenceEntryMatcher(few).best(line))


def test_the_family_form_index_is_the_whole_word_search():
    """A reference is a candidate exactly when one of its forms is in the line's head as whole words
    (`_has_whole_words`), however the head is punctuated."""
    from ingest.citations.index import ReferenceEntryMatcher, _has_whole_words, family_forms
    from ingest.citations.text import fold
    from ingest.model import PersonName, Reference

    families = ["van der Kolk", "Kolk", "O'Brien", "Brien", "Smith-Jones", "Jones", "Rodríguez Camiño",
                "World Health Organization", "Li", "Lee", "ЖЖЖ - The Org"]  # the last has an empty form
    refs = [Reference(f"k{i}", "article", {"year": "2001", "title": "A title"}, [PersonName(f, "A")])
            for i, f in enumerate(families)]
    matcher = ReferenceEntryMatcher(refs)
    rng = random.Random(5)
    pieces = ["van der Kolk", "Vanderkolk", "kolk", "O'Brien", "Brien", "Smith-Jones", "jones",
              "Rodriguez", "camino", "World Health", "Organization", "Li", "Lee", "Leeds", "Kolkata",
              ",", ".", " ", "(", "-", "_", "1999", "ö", "and", "Org", "the"]
    for _ in range(2000):
        words = [rng.choice(pieces) + rng.choice(["", " ", ", "]) for _ in range(rng.randint(1, 8))]
        head = fold("".join(words))
        expected = [i for i, ref in enumerate(refs)
                    if any(_has_whole_words(head, form) for form in family_forms(ref.authors[0].family))]
        assert matcher._named_in(head) == expected, head


def test_nickname_stems_are_derived_once_per_cited_work(monkeypatch):
    """CitedWords keeps each cited work's word stems: a lower-case nickname ("the star-counting study")
    costs one set test per cited work, not the stemming of every word of every cited work again."""
    from ingest.citations.detectors import nickname
    from ingest.citations.index import RefIndex
    from ingest.claims import Unit

    refs = _padded_references(200)
    index = RefIndex(refs, {})
    cited = nickname.CitedWords()
    for ref in refs:
        sentence = f"Volunteers who counted {ref.authors[0].family.lower()} birds found more."
        cited.add({ref.key}, sentence, index)
    calls = 0
    stem = nickname._stem

    def counted(word: str) -> str:
        nonlocal calls
        calls += 1
        return stem(word)

    monkeypatch.setattr(nickname, "_stem", counted)
    text = "The bird-counting gradient study agreed. " * 40
    units = [Unit(i * 41, i * 41 + 40, 0, i) for i in range(40)]
    assert all(cited.find(text, unit) is None for unit in units)  # every work used "counted birds"
    words = sum(len(w) for w in cited.words.values())
    assert calls < words + 40 * 10
