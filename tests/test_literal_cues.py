"""The literal pre-filters of the extraction patterns (issue #9) never skip a sentence the pattern
matches, and the fast .bib decoder gives pylatexenc's text.

Each cue is a necessary condition: wherever the full pattern matches, the cue must say "maybe".
Checked on every line of the evaluation articles and on generated sentences built from the
patterns' own words in random case, with the letters re.IGNORECASE also equates with ASCII ones
(ı, İ, ſ, K) and the apostrophes and blanks the patterns allow.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from ingest import bibtex, citations, claims
from ingest.claims import caseless

DATA = Path(__file__).resolve().parent / "data"
EVAL_SETS = ["eval", "eval-blind", "eval-blind-2", "eval-blind-3", "eval-blind-4", "eval-blind-5"]


def _kind_cue(kind) -> Callable[[str], bool]:
    return lambda s: claims._may_be_kind(kind, s, caseless(s))


def _meta_cue(position: int) -> Callable[[str], bool]:
    cues = claims._META_CUES[position]
    return lambda s: any(c in caseless(s) for c in cues)


# (name, does the full pattern match anywhere, does the cue let the sentence through)
CASES: list[tuple[str, re.Pattern[str], Callable[[str], bool]]] = [
    *[(f"kind {kind}", pattern, _kind_cue(kind)) for kind, pattern in claims._KIND_PATTERNS],
    *[(f"meta {i}", pattern, _meta_cue(i)) for i, pattern in enumerate(claims._META) if claims._META_CUES[i]],
    ("refers back", claims._REFERS_BACK,
     lambda s: any(stem in caseless(s) for stem in claims._REFERS_BACK_STEMS)),
    ("possessive year", citations._POSSESSIVE_YEAR, lambda s: bool(citations._POSSESSIVE_YEAR_CUE.search(s))),
    ("named study", citations._STUDY, lambda s: any(n in s for n in citations._STUDY_NOUNS)),
    ("name reports", citations._NAME_REPORTS, lambda s: bool(citations._NAME_REPORTS_CUE.search(s))),
    ("same source", citations._SAME_SOURCE, citations._may_name_same_source),
    ("anecdote", citations._ANECDOTE, lambda s: any(c in s for c in citations._ANECDOTE_CUES)),
    ("made by", citations._MADE_BY, lambda s: "by" in s),
]


def _article_lines() -> list[str]:
    lines = []
    for name in EVAL_SETS:
        for path in sorted((DATA / name).iterdir()):
            if path.suffix in (".txt", ".md", ".html"):
                text = path.read_text(encoding="utf-8", errors="replace")
                lines += [p for line in text.splitlines() for p in re.split(r"(?<=[.!?])\s+", line) if p]
                lines += [line for line in text.splitlines() if line.strip()]
    return lines


_ODD_LETTERS = {"i": ["ı", "İ"], "s": ["ſ"], "k": ["\u212a"]}


def _jumbled(word: str, rng: random.Random) -> str:
    """`word` in random case, now and then with a letter re.IGNORECASE takes for an ASCII one."""
    out = []
    for char in word:
        choice = rng.random()
        if char.lower() in _ODD_LETTERS and choice < 0.08:
            out.append(rng.choice(_ODD_LETTERS[char.lower()]))
        elif choice < 0.3:
            out.append(char.swapcase())
        else:
            out.append(char)
    return "".join(out)


# Phrases each pattern matches, jumbled and embedded in generated text below.
SEEDS = ["we will look at what", "We shall cover this", "we're going to explore", "we’re going to see",
         "Herman's 1992 book", "Linda Aiken’s 2002 JAMA study", "the Vietnam Readjustment Study",
         "The Whitehall team", "Herman argued", "Jordan et al. also found", "According to Smith and Jones,",
         "the same study", "That book", "Same paper.", "as the authors themselves admit", "I have seen",
         "I’ve treated", "in my practice", "my patients", "talks about this", "wrote about that in",
         "the term for it is", "A is defined as", "you should", "it's vital", "leads to", "is important",
         "I know from my own experience", "in my experience", "researchers found that", "50%",
         "I", "I'm sure", "I’d say", "I, too,", "developed by Smith", "proposed  by Herman et al."]


def _generated(rng: random.Random, count: int) -> list[str]:
    """Sentences of words from the patterns themselves and of the seed phrases, names, years and
    punctuation."""
    vocabulary = sorted({w for _, pattern, _ in CASES for w in re.findall(r"[A-Za-z]{2,}", pattern.pattern)})
    extras = ["Herman", "Smith", "Jordan", "van", "der", "Kolk", "al.", "et", "1992", "2004", "'s", "’s",
              "I", "I've", "I’ve", "my", "we're", "we’re", "the", "same", "that", "this", "it", "a", "an",
              "According", "to", "P.S.", "%", ",", ".", ":", "(", ")", "\u00a0", "\n"]
    sentences = []
    for _ in range(count):
        words = [rng.choice(vocabulary if rng.random() < 0.6 else extras) for _ in range(rng.randint(1, 14))]
        if rng.random() < 0.4:
            words.insert(rng.randint(0, len(words)), rng.choice(SEEDS))
        words = [_jumbled(w, rng) if rng.random() < 0.4 else w for w in words]
        separator = rng.choice([" ", " ", " ", "  ", "\t"])
        sentence = separator.join(words)
        if rng.random() < 0.3:
            sentence = sentence.capitalize()
        sentences.append(sentence)
    return sentences


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    return _article_lines() + _generated(random.Random(9), 60_000)


@pytest.mark.parametrize("name,pattern,cue", CASES, ids=[c[0] for c in CASES])
def test_a_cue_never_hides_a_match(name, pattern, cue, sentences):
    matched = [s for s in sentences if pattern.search(s)]
    hidden = [s for s in matched if not cue(s)]
    assert hidden == []
    assert matched, f"no sentence exercises {name}: the check would prove nothing"


def test_the_cues_see_the_letters_ignorecase_equates_with_ascii():
    assert claims._KIND_PATTERNS[1][1].search("a ſtudy of it")  # re.IGNORECASE: ſ is s
    assert _kind_cue(claims._KIND_PATTERNS[1][0])("a ſtudy of it")
    assert _kind_cue(claims._KIND_PATTERNS[5][0])("a \u212aind of İmportant thing")


def _pylatexenc(value: str) -> str:
    return " ".join(bibtex._decoder().latex_to_text(value).replace("\xa0", " ").split())


def test_plain_bib_values_decode_as_pylatexenc_does():
    rng = random.Random(5)
    alphabet = list("ab Zé-'{}\n\t.,:;!?\"()[]/0123456789") + ["--", "---", "''", "\u00a0", "–"]
    checked = 0
    for _ in range(40_000):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
        if bibtex._LATEX_ACTIVE.search(value) or bibtex._decode_plain(value) is None:
            continue
        checked += 1
        assert bibtex.decode_latex(value) == _pylatexenc(value), value
    assert checked > 10_000
    for value in ["610--624", "a---b", "a----b", "a-----b", "{A}--{B}", "-{}-", "''Q''", "'''", "{ }x"]:
        assert bibtex.decode_latex(value) == _pylatexenc(value), value


def test_values_with_real_latex_still_go_to_pylatexenc():
    assert bibtex.decode_latex(r"Caf\'e -- {\"U}ber~alles") == "Café – Über alles"
    assert bibtex.decode_latex("50% of it") == _pylatexenc("50% of it")
    assert bibtex._decode_plain("{unbalanced") is None


def test_whole_words_are_found_as_the_word_boundary_regex_finds_them():
    rng = random.Random(3)
    for _ in range(50_000):
        text = "".join(rng.choice("ab _-.1é\u00a0") for _ in range(rng.randint(0, 10)))
        words = rng.choice(["a", "ab", "a b", "b1", "ba"])
        expected = bool(re.search(rf"\b{re.escape(words)}\b", text))
        assert citations._has_whole_words(text, words) == expected, (text, words)


def test_ascii_words_are_their_own_caseless_form_but_lower_cased():
    table = citations._CASE_CLASSES
    assert all(chr(code) == target for code, target in table.items() if code < 128)
    assert citations._caseless("Trauma") == "trauma"
    assert citations._caseless("ſtudy") == citations._caseless("Study")
