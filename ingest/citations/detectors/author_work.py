"""Detector: an author together with a work ('her book', 'Herman's study', 'the book by Dr. Herman')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.schema import EvidenceKind
from ingest.citations.detectors.title import _WORD_RUN, _compiled, unit_words
from ingest.citations.index import RefIndex
from ingest.citations.model import AUTHOR_WORK, EvidenceSpan
from ingest.citations.resolver import (
    _BOOK_WORDS,
    _only_book,
    _only_work,
    work_type_contradicts,
    year_contradicts,
)
from ingest.citations.text import _WORK_NOUN, _is_word_char, words_of
from ingest.claims import Unit
from ingest.model import Reference

_TITLE_BEFORE_NAME = re.compile(r"((?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)?(?:[A-Z][a-z]+\.?\s+){0,3})$")


def _family_patterns(index: RefIndex) -> tuple[dict[str, list[int]], list[int],
                                               dict[int, tuple[Reference, str, str]]]:
    """The first author's family name of each reference as the pattern find_author_work looks
    for, and which to try for a sentence: those whose name's first word run is a whole word of it
    (the pattern is case-sensitive and bounded by non-word characters), or always (no word run)."""
    patterns: dict[int, tuple[Reference, str, str]] = {}
    by_word: dict[str, list[int]] = {}
    always: list[int] = []
    for position, ref in enumerate(index.references):
        if not ref.authors:
            continue
        family = ref.authors[0].family.replace("{", "").replace("}", "")
        patterns[position] = (ref, family, rf"(?<![\w(]){re.escape(family)}\b(?!\s*\(|\s*,?\s*\d{{4}})")
        first_run = _WORD_RUN.search(family)
        if first_run:
            by_word.setdefault(first_run.group(0), []).append(position)
        else:
            always.append(position)
    return by_word, always, patterns


@dataclass
class _Found:
    """Where a family name was found (the start()/end() of a match object)."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


_NOT_A_NAME_AFTER = re.compile(r"\s*\(|\s*,?\s*\d{4}")


def _family_matches(segment: str, family: str, pattern: str):
    """The matches of `pattern` (a family name not followed by a year or a parenthesis, see
    _family_patterns) in `segment`, as re.finditer gives them, found with str.find instead of
    compiling one regex per family."""
    if not family:
        yield from _compiled(pattern).finditer(segment)
        return
    at, length = segment.find(family), len(segment)
    while at >= 0:
        end = at + len(family)
        before_ok = at == 0 or not (_is_word_char(segment[at - 1]) or segment[at - 1] == "(")
        boundary = _is_word_char(segment[end - 1]) != (end < length and _is_word_char(segment[end]))
        if before_ok and boundary and not _NOT_A_NAME_AFTER.match(segment, end):
            yield _Found(at, end)
            at = segment.find(family, end)
        else:
            at = segment.find(family, at + 1)


BEFORE_NAME_WINDOW = 400  # characters before an author's name that "the book by Dr." may span


def find_author_work(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """An author named together with a work: 'Dr. Judy Herman … in her book', "Herman's study"."""
    found: list[EvidenceSpan] = []
    segment = text[unit.start:unit.end]
    by_word, always, patterns = index.derived("family_patterns", lambda: _family_patterns(index))
    candidates = set(always)
    for word in by_word.keys() & unit_words(segment)[0]:  # the words some family is keyed by
        candidates.update(by_word[word])
    for position in sorted(candidates):
        ref, family, pattern = patterns[position]
        for _author in ref.authors[:1]:
            by_type = not _only_work(index, family)  # several works: only "her book" picks the one book
            if by_type and not _only_book(index, family, ref):
                continue  # "Rowe's study" with two works by Rowe names neither
            for name in _family_matches(segment, family, pattern):
                after = segment[name.end():name.end() + 80]
                work = re.match(rf"(?:['’]s\s+(?:\w+\s+)?(?:{_WORK_NOUN}|{_STATED_VIEW})\b"
                                rf"|[^.;]*?\b(?:his|her|their)\s+(?:\w+\s+)?{_WORK_NOUN}\b)", after)
                if not work and _ARTICLE_BEFORE.search(segment[max(0, name.start() - 8):name.start()]):
                    work = _ATTRIBUTIVE_WORK.match(after)  # "The Ridge study", "the Nielsen cohort"
                # only the words right before the name can hold "the book by" (a bounded window, so
                # a sentence of thousands of mentions is not rescanned from its start for each)
                window = max(0, name.start() - BEFORE_NAME_WINDOW)
                before = re.search(rf"(?:\b{_WORK_NOUN}\b[^.;:()]{{0,60}}?\bby|"
                                   rf"\b(?:his|her|their)\s+(?:\w+\s+)?{_WORK_NOUN},?)"
                                   rf"\s+(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][a-z]+\s+)*$",
                                   segment[window:name.start()])
                if not work and not before or work and _COMPOUND_HEAD.match(after[work.end():]):
                    continue
                work_words = (work or before).group(0)
                if work_type_contradicts(work_words, ref) or year_contradicts(segment[name.end():], ref):
                    continue
                if by_type and not set(words_of(work_words)) & _BOOK_WORDS:
                    continue
                title = _TITLE_BEFORE_NAME.search(segment[window:name.start()])
                start = unit.start + (window + before.start() if before
                                      else name.start() - len(title.group(1)))
                end = unit.start + (name.end() + work.end() if work else name.end())
                found.append(EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                                          [ref.key], True, priority=AUTHOR_WORK))
    return found


# "Bregman’s thesis is that …", "Walker’s claim that …": the view the author’s work states. "Nelson’s
# argument" alone is in a paper the writer’s discussion more often; "Epstein’s argument is that …",
# "Dweck’s view was that …" state what the work holds.
_STATED_VIEW = (r"(?:thesis|claim|contention"
                r"|(?:argument|view|position|conclusion|message)\s+(?:is|was)\s+that)")
# "The Ridge study is a good warning", "the Nielsen cohort were all beginners": the family name used
# as an adjective of the work, after an article.
_ARTICLE_BEFORE = re.compile(r"(?:^|\b)(?:[Tt]he|[Tt]hat|[Tt]his)\s+$")
_ATTRIBUTIVE_WORK = re.compile(r"\s+(?:study|studies|cohort|trial|paper|review|experiment|meta-analysis|"
                               r"analysis|data|findings|report|survey|book)\b")


# "Bowlby's research unit", "Freud's study door": the work noun only qualifies a place, group or
# person, so the possessive names no work of the author.
_COMPOUND_HEAD = re.compile(
    r"\s+(?:units?|labs?|laborator(?:y|ies)|offices?|groups?|departments?|cent(?:re|er)s?|institutes?|"
    r"clinics?|teams?|staff|assistants?|students?|colleagues?|fellows?|partners?|funding|grants?|budgets?|"
    r"posts?|positions?|careers?|seminars?|rooms?|doors?|desks?|library|archives?|wards?|hospitals?)\b")
