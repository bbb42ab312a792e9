"""This pass's extraction speed-ups (issue #9, branch `perf`) give exactly the answers of the code they
replaced: the plain-name split of .bib names against bibtexparser's own splitter, the stance model's
prediction against the plain form of its margins, bylines gated by their words against the ungated test,
and printed reference entries' line numbers against a count from the text's start.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from bibtexparser.middlewares.names import (
    InvalidNameError,
    parse_single_name_into_parts,
    split_multiple_persons_names,
)

from ingest import blocks, reflist
from ingest.bibtex import _PLAIN_NAME, _name_parts
from ingest.support import stance_model

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


def _parts(split, name: str) -> object:
    try:
        return split(name)
    except InvalidNameError as err:
        return ("error", str(err))


def _bib_names() -> list[str]:
    names = []
    for path in sorted(ROOT.rglob("*.bib")):
        for match in re.finditer(r"(?im)^\s*(?:author|editor)\s*=\s*[{\"](.*)[}\"],?\s*$",
                                 path.read_text(encoding="utf-8", errors="replace")):
            names += split_multiple_persons_names(match.group(1))
    return names


def test_plain_names_split_as_bibtexparser_splits_them() -> None:
    split = _name_parts()
    rng = random.Random(5)
    names = _bib_names()
    assert len(names) > 100
    odd = "aZ é-.'’ ,{}\\~\t\n\u00a0İıſK0"
    for _ in range(20_000):
        names.append("".join(rng.choice(odd) for _ in range(rng.randint(0, 14))))
        word = "".join(rng.choice("AbcdÉé.-'") for _ in range(rng.randint(1, 6)))
        other = "".join(rng.choice("Abcdé.-") for _ in range(rng.randint(1, 6)))
        names += [f"{word}, {other} {word}", f"{word} {other}", word, f"{word}, {other}",
                  f"{word} {other} {word}", f"{word}  {other}", f"{word}, {other},", f"{word},{other}"]
    plain = 0
    for name in names:
        assert _parts(split, name) == _parts(parse_single_name_into_parts, name), name
        plain += bool(_PLAIN_NAME.fullmatch(name))
    assert plain > len(names) // 4  # the fast path is taken, not only the fallback


def test_prediction_names_the_features_that_push_most() -> None:
    model = stance_model.load_model()
    assert model is not None
    features = sorted(model.weights)
    rng = random.Random(6)
    for _ in range(500):
        found = rng.sample(features, rng.randint(0, 80)) + ["not-a-feature"]
        totals = model.scores(found)
        best = max(range(len(totals)), key=lambda i: (totals[i], -i))
        second = sorted(range(len(totals)), key=lambda i: (-totals[i], i))[1]
        margins = {f: (model.weights[f][best] - model.weights[f][second]) if f in model.weights else 0.0
                   for f in found}
        pushing = sorted((f for f in found if margins[f] > 0), key=lambda f: (-margins[f], f))
        stance, _, cues = model.predict(found)
        assert stance == model.classes[best] and cues == pushing[:stance_model.TOP_CUES]


def _is_byline_ungated(line: str) -> bool:
    if blocks.METADATA_LINE.match(line) and not blocks._CREDITS_A_WORK.match(line):
        return True
    if blocks.EMPHASISED_POSTED.match(line) and blocks.DATE_WORDS.search(line):
        return True
    if blocks.separated_byline_person(line):  # a '·'-separated byline needs none of the gate's words
        return True
    line = re.sub(r"^[*_]{1,2}(?=\S)(.*?)(?<=\S)[*_]{1,2}$", r"\1", line)
    if len(line) < 300 and len(blocks.byline_names(line)) >= 2:
        return True
    return bool(blocks.BYLINE_LINE.match(line)) and len(line) < 200 and (
        bool(blocks.DATE_WORDS.search(line)) or "|" in line or len(line.split()) <= 6)


def test_bylines_gated_by_their_words_are_the_ungated_test() -> None:
    lines = [line.strip() for path in sorted(DATA.rglob("*")) if path.suffix in (".txt", ".md")
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    lines += ["By Ana Sánchez and Jürgen Müller", "*By Maria Lindqvist, 14 March 2024*", "POſTED by x",
              "Poſted 3 May", "BY JOHN SMITH AND JANE DOE", "Written By A B, C D", "Last Updated: 2020",
              "Author: Jim Beam, Jack Daniels", "PUBLISHED | x", "Publiſhed 2020", "pUbLİshed 2020"]
    assert sum(map(blocks.is_byline, lines)) > 5
    for line in lines:
        assert blocks.is_byline(line) == _is_byline_ungated(line), line


def test_reference_entry_lines_are_counted_from_the_text_start() -> None:
    text = (DATA / "eval" / next(p.name for p in sorted((DATA / "eval").iterdir())
                                 if p.suffix == ".txt")).read_text(encoding="utf-8")
    text += "\n\nReferences\n\n" + "\n\n".join(
        f"Author{i}, A. ({1990 + i}). Title number {i}.\nJournal {i}, 1-2." for i in range(30))
    found = reflist.references_in_text(text)
    assert len(found) >= 30
    section = reflist.find_reference_section(text, None)
    assert section is not None
    expected = [text.count("\n", 0, entry.start) + 1 for entry in reflist.split_entries(text, *section)]
    assert [r.line for r in found] == expected
