"""Detector: a named study ('the Grant Study', 'the ACE Study') matched to a reference's words."""

from __future__ import annotations

import re

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex
from ingest.citations.model import STUDY, EvidenceSpan
from ingest.citations.text import STOPWORDS, words_of
from ingest.claims import Unit
from ingest.model import Reference

# A capitalised word, or two joined by "and", "of", "for", "on" or "&": "the Health and Wellbeing Survey" is
# one name (read as "Wellbeing Survey", its one word matched any title holding "wellbeing").
_NAME_WORD = r"[A-Z][\w'’\-]*(?:\s+(?:and|of|for|on|&)\s+[A-Z][\w'’\-]*)?\s+"
_STUDY = re.compile(
    rf"(?:{_NAME_WORD}){{1,6}}(?:Study|Survey|Trial|Project|Experiment|Cohort|Program(?:me)?)\b"
    rf"|(?:{_NAME_WORD}){{1,6}}(?:study|project|trial|team|cohort|survey|program(?:me)?|consortium)\b"
)
# Every _STUDY match ends in one of these (case as written): a unit with none has no named study.
# "in one London trial (Osborne et al., 2021)", "a Dutch trial": a lower-case study noun after an
# indefinite article describes a work the sentence goes on to cite, it does not name one cited before
# by its title's words (a capitalised name keeps its article: "a long-term Vietnam Readjustment Study").
# The article may stand before lower-case words describing it: "A big UK survey of 60,000 parkrunners"
# (not "one of the Whitehall cohort": no function word between).
_INDEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:[Aa]n?|[Oo]ne|[Aa]nother|[Ss]ome)\s+"
                                r"(?:(?!(?:of|the|in|from|with|by|and|or|on|at|to|for|that|this)\s)"
                                r"[a-z][\w\-]*\s+){0,3}$")
# How far before a name the article is looked for: a search of the whole text before every name was
# quadratic on a long line (a 10 MB single line ran past 300 s); \b and ^ still see the real text.
_LOOKBACK = 200
_INDEFINITE_OPENS = re.compile(r"(?:An?|One|Another|Some)\s")  # "A Leeds study of bus lanes …"
_CAPITAL_NOUN = re.compile(r"(?:Study|Survey|Trial|Project|Experiment|Cohort|Program(?:me)?)$")
# "Student/Teacher Achievement Ratio (STAR)": an abbreviation a title defines, in parentheses.
_ABBREVIATION = re.compile(r"\b[A-Z][A-Z0-9]{1,9}\b")
# "our HFpEF cohort", "our Genome Project": the present work's own study
_OUR_BEFORE = re.compile(r"(?:^|\s)[Oo]ur\s+$")
_STUDY_NOUNS = ("Study", "Survey", "Trial", "Project", "Experiment", "Cohort", "Program", "study", "project",
                "trial", "team", "cohort", "survey", "program", "consortium")


def _reference_words(ref: Reference) -> set[str]:
    fields = " ".join(ref.fields.get(f, "") for f in ("title", "keywords", "note", "annote", "abstract"))
    return set(words_of(fields))


def _references_by_word(index: RefIndex) -> tuple[dict[str, list[int]], list[set[str]]]:
    """Positions of the references whose title/keywords/note/abstract hold each word, and each
    reference's set of those words."""
    by_word: dict[str, list[int]] = {}
    word_sets = [_reference_words(ref) for ref in index.references]
    for position, words in enumerate(word_sets):
        for word in words:
            by_word.setdefault(word, []).append(position)
    return by_word, word_sets


def find_studies(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """A named study ('the Vietnam Readjustment Study') matched to the reference that mentions it."""
    found: list[EvidenceSpan] = []
    segment = text[unit.start:unit.end]
    if not any(noun in segment for noun in _STUDY_NOUNS):
        return found
    for match in _STUDY.finditer(segment):
        words = [w for w in words_of(match.group(0)) if w not in STOPWORDS]
        if not words:
            continue
        indefinite = (_INDEFINITE_BEFORE.search(segment, max(0, match.start() - _LOOKBACK), match.start())
                      or _INDEFINITE_OPENS.match(match.group(0)))
        if indefinite and not _CAPITAL_NOUN.search(match.group(0)):
            continue
        if (_OUR_BEFORE.search(segment, max(0, match.start() - _LOOKBACK), match.start())
                or _own_study(words, index)):
            continue
        scored = []
        by_word, word_sets = index.derived("reference_words", lambda: _references_by_word(index))
        sharing: set[int] = set()
        for word in set(words):
            sharing.update(by_word.get(word, ()))
        for position in sorted(sharing):  # a reference sharing no word has no hits
            ref = index.references[position]
            hits = len(set(words) & word_sets[position])
            if hits >= min(2, len(words)) and hits / len(words) >= 0.6:
                scored.append((hits, ref.key))
        scored.sort(reverse=True)
        if len(scored) > 1 and scored[0][0] == scored[1][0]:
            scored = _defining(match.group(0), [s for s in scored if s[0] == scored[0][0]], index)
        if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
            continue
        lead = re.match(r"(?:In|The|A|An|This|That|Our)\s+", match.group(0))
        start = unit.start + match.start() + (lead.end() if lead else 0)
        end = unit.start + match.end()
        found.append(EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                                  [scored[0][1]], True, priority=STUDY))
    return found


def _defining(name: str, tied: list[tuple[int, str]], index: RefIndex) -> list[tuple[int, str]]:
    """Of references that fit a study name equally, the one whose title defines the name's
    abbreviation in parentheses ("The STAR study": "… Achievement Ratio (STAR) Project", not a later
    paper "… Evidence from Project STAR" using it); all of them when none or several do."""
    abbreviations = set(_ABBREVIATION.findall(name))
    if not abbreviations:
        return tied
    defining = [(hits, key) for hits, key in tied
                if any(re.search(rf"\(\s*{re.escape(a)}\s*\)", index.by_key(key).title.replace("{", "")
                                 .replace("}", "")) for a in abbreviations)]
    return defining if len(defining) == 1 else tied


def _own_study(words: list[str], index: RefIndex) -> bool:
    """True when the article's own title names the study ("Gender disparities …: Results from APOLLON
    study" for "the APOLLON trial"): its name's words, the study noun aside, all in that title."""
    name = {w for w in words if w.lower() not in {n.lower() for n in _STUDY_NOUNS}}
    return bool(name) and any(name <= set(words_of(title)) for title in index.own_titles)
