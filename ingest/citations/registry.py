"""The detector registry: the per-unit detectors in order, and how their markers are combined.

`DETECTORS` lists the per-unit detectors, each one module of `ingest.citations.detectors`;
their candidate markers are concatenated in this order (the order is part of the output: it
decides ties when mentions are merged and quotes folded in). `FALLBACK_DETECTORS` run only on a
unit where none of them found anything. A new citation form is one new module under
`detectors/` whose finder is appended here. Hyperlinks to a listed work (`detectors.link`) need
the document's links, so `unit_citations` adds them. Sentences that continue a source cited before
(`detectors.continuation`) and anecdotes (`detectors.anecdote`) need the document around the
unit; `ingest.citations.evidence` runs them when a unit has no marker of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from graph.schema import EvidenceKind
from ingest.citations.detectors.author_work import find_author_work
from ingest.citations.detectors.author_year import find_author_year
from ingest.citations.detectors.continuation import pages_of_cited_work
from ingest.citations.detectors.footnote import find_footnotes
from ingest.citations.detectors.link import find_links
from ingest.citations.detectors.narrative import find_made_by, find_possessive_year, find_year_first
from ingest.citations.detectors.numeric import PARENS, find_numeric
from ingest.citations.detectors.quote import find_attributed_quote, find_quotes
from ingest.citations.detectors.study import find_studies
from ingest.citations.detectors.title import find_titles
from ingest.citations.detectors.work_part import find_work_part
from ingest.citations.index import RefIndex
from ingest.citations.model import AUTHOR_YEAR, NUMERIC, STUDY, TITLE, EvidenceSpan
from ingest.citations.reading import _HEARD_SPEAK, _read_by_writer
from ingest.citations.text import _ONE_YEAR, NO_YEAR
from ingest.claims import Unit
from ingest.model import WebLink

# Every marker an author-year finder reports holds a printed year or a word for none (text.YEAR: "1992",
# "n.d.", "in press"): the parenthesis, bracket or bare year it is read from. 4,451 of the 5,480 sentences
# of the bench's 21 articles hold none ("(Figure 1A)", "(n = 12)"), where author-year's parenthesis
# parsing cost about 0.085 s of CPU for nothing.
DATED = re.compile(rf"{_ONE_YEAR}|{NO_YEAR}")
_PRINTED_YEAR = re.compile(_ONE_YEAR)
_NO_YEAR = re.compile(NO_YEAR)
# What every NO_YEAR match holds: "d." ("n.d.", "s. d.") or one of its words; tested before the pattern,
# which re tries at every 'n', 's', 'i', 'f', 'e' (tests/test_citation_detectors.py checks the list).
NO_YEAR_WORDS = ("d.", "in press", "forthcoming", "in review", "submitted", "no prelo", "en prensa",
                 "sous presse", "im Druck")


class _Dated:
    """`DATED.search(text, start, end)`, found faster: the years by their own pattern (re scans for its
    first digit), the words for no year only where one of their literals is."""

    pattern = DATED

    @staticmethod
    def search(text: str, start: int, end: int) -> re.Match[str] | None:
        found = _PRINTED_YEAR.search(text, start, end)
        if found is not None:
            return found
        segment = text[start:end]
        return _NO_YEAR.search(segment) if any(word in segment for word in NO_YEAR_WORDS) else None


DATED_GATE = _Dated()


@dataclass(frozen=True)
class Detector:
    """One citation form: a name (for docs and tests) and its finder over one unit of `text`.
    `numbered` finders also take how the document numbers its citations
    (`detectors.numeric.numbering_style`: brackets, parentheses or bare numbers). `gate`, when
    given, is a pattern every unit the finder reports anything in matches (searched in the unit, or an
    object whose `search(text, start, end)` answers as that pattern's): the finder is not called on a
    unit without a match (the same result, found without it)."""

    name: str
    find: Callable[..., list[EvidenceSpan]]
    numbered: bool = False
    gate: Any = None

    def __call__(self, text: str, unit: Unit, index: RefIndex, numbering: str) -> list[EvidenceSpan]:
        if self.gate is not None and not self.gate.search(text, unit.start, unit.end):
            return []
        if self.numbered:
            return self.find(text, unit, index, numbering)
        return self.find(text, unit, index)


DETECTORS: tuple[Detector, ...] = (
    Detector("author-year", find_author_year, gate=DATED_GATE),  # "(Herman, 1992)", "Herman (1992)"
    Detector("numeric", find_numeric, numbered=True),  # "[3]", "[4]–[7]", "(12)"
    Detector("footnote", find_footnotes),  # "[^1]" with its definition "[^1]: Loudon, I. (2013). …"
    Detector("title", find_titles),  # "Trauma and Recovery"
    Detector("author-work", find_author_work),  # "Herman's book", "the book by Dr. Herman"
    Detector("study", find_studies),  # "the Grant Study"
    Detector("possessive-year", find_possessive_year, gate=DATED_GATE),  # "Aiken's 2002 JAMA study"
    Detector("made-by", find_made_by),  # "recommended by Pronovost and colleagues"
    Detector("attributed-quote", find_attributed_quote),  # 'As Herman puts it, "…"'
    Detector("work-part", find_work_part),  # "Herman discusses this in the epilogue"
)
# Tried only on a unit where no detector above found anything.
FALLBACK_DETECTORS: tuple[Detector, ...] = (
    # "In a 1998 paper, Felitti and his co-authors showed"
    Detector("year-first", find_year_first, gate=DATED_GATE),
)


def detect(text: str, unit: Unit, index: RefIndex, numbering: str,
           detectors: tuple[Detector, ...] = DETECTORS,
           fallbacks: tuple[Detector, ...] = FALLBACK_DETECTORS) -> list[EvidenceSpan]:
    """The candidate markers of one unit: every detector's, in registry order; the fallbacks'
    when there are none."""
    passed: dict[int, bool] = {}  # id() of a gate -> whether the unit matches it
    spans = _run(detectors, text, unit, index, numbering, passed)
    return spans or _run(fallbacks, text, unit, index, numbering, passed)


def _run(detectors: tuple[Detector, ...], text: str, unit: Unit, index: RefIndex,
         numbering: str, passed: dict[int, bool]) -> list[EvidenceSpan]:
    """Every detector's markers, in order: `Detector.__call__` inlined (one call per detector and unit,
    ten per sentence); each gate searched once per unit (`passed`, by id() of the gate), however many
    detectors share it."""
    spans: list[EvidenceSpan] = []
    for detector in detectors:
        gate = detector.gate
        if gate is not None:
            opened = passed.get(id(gate))
            if opened is None:
                opened = passed[id(gate)] = gate.search(text, unit.start, unit.end) is not None
            if not opened:
                continue
        find = detector.find
        found = find(text, unit, index, numbering) if detector.numbered else find(text, unit, index)
        if found:
            spans += found
    return spans


# --- per-unit assembly -----------------------------------------------------------------


def _one_marker_printed_twice(explicit: list[EvidenceSpan], text: str) -> list[EvidenceSpan]:
    """An author–year citation and the number right after it that cite the same work are one
    citation ("as established by Hoekstra et al. (2011) [ 5 ]"): one span over both."""
    merged: list[EvidenceSpan] = []
    for span in sorted(explicit, key=lambda s: (s.start, s.end)):
        last = merged[-1] if merged else None
        if (last is not None and span.sources and last.sources == span.sources and last.resolved
                and span.resolved and {last.priority, span.priority} == {AUTHOR_YEAR, NUMERIC}
                and last.end <= span.start and not text[last.end:span.start].strip()):
            last.end = span.end
            last.marker = text[last.start:last.end]
            continue
        merged.append(span)
    return merged


def _without_nested_titles(spans: list[EvidenceSpan]) -> list[EvidenceSpan]:
    """A title read inside a longer title of another work names no work of its own: "Concepções de
    Deficiência" (one entry's title) inside "Escala Intercultural de Concepções de Deficiência"
    (another's)."""
    titles = [s for s in spans if s.priority == TITLE]
    return [s for s in spans if s.priority != TITLE or not any(
        t is not s and t.sources != s.sources and t.start <= s.start and s.end <= t.end
        and t.end - t.start > s.end - s.start for t in titles)]


def _merge_mentions(spans: list[EvidenceSpan], text: str) -> list[EvidenceSpan]:
    """Keep explicit markers; fold mentions of one source in one sentence into one evidence."""
    explicit = _one_marker_printed_twice([s for s in spans if s.priority in (AUTHOR_YEAR, NUMERIC)], text)
    cited = {k for s in explicit for k in s.sources}
    if any(s.resolved for s in explicit):  # "In the Stanford Prison Experiment, … (Haney et al., 1973)":
        spans = [s for s in spans if s.priority != STUDY]  # the marker says which work the study is
    spans = _without_nested_titles(spans)
    by_source: dict[str, EvidenceSpan] = {}
    for span in sorted((s for s in spans if s.priority not in (AUTHOR_YEAR, NUMERIC)),
                       key=lambda s: (s.start, s.priority)):
        key = span.sources[0]
        if key in cited:
            continue
        if key in by_source:
            kept = by_source[key]
            kept.start, kept.end = min(kept.start, span.start), max(kept.end, span.end)
            kept.marker = text[kept.start:kept.end]
            kept.priority = min(kept.priority, span.priority)
        else:
            by_source[key] = span
    return sorted(explicit + list(by_source.values()), key=lambda s: (s.start, s.end))


def _with_links(spans: list[EvidenceSpan], linked: list[EvidenceSpan]) -> list[EvidenceSpan]:
    """The unit's markers and its links to listed works (`detectors.link`); a link to a work a
    printed marker of the unit already cites ("(Smith, 2010)" linked to its DOI) adds nothing."""
    printed = {k for s in spans if s.priority in (AUTHOR_YEAR, NUMERIC) and s.resolved for k in s.sources}
    return spans + [s for s in linked if s.sources[0] not in printed]


def unit_citations(text: str, unit: Unit, index: RefIndex, numbering: str,
                   read: list[EvidenceSpan] | None = None,
                   links: Sequence[WebLink] = ()) -> list[EvidenceSpan]:
    """All citations and mentions in one unit, quotes folded into the citation they belong to.
    Works the writer only reads ('I read X on a flight') go to `read`, not into the result.
    `links` are the document's hyperlinks out of the page: one to a listed work's DOI or URL cites it."""
    spans = detect(text, unit, index, numbering)
    spans += pages_of_cited_work(text, unit, spans)
    if links:
        spans = _with_links(spans, find_links(text, unit, links, index))
    if numbering != PARENS:  # a numbered article cites by number: "the Chagas Disease Control
        spans = [s for s in spans if s.priority != STUDY]  # Program" it names is its subject
    mentions = [s for s in spans if s.priority not in (AUTHOR_YEAR, NUMERIC)]
    heard = bool(mentions) and bool(_HEARD_SPEAK.search(text[unit.start:unit.end]))
    reading = [s for s in mentions if _read_by_writer(text, unit, s, heard)]
    if read is not None:
        read.extend(reading)
    spans = [s for s in spans if s not in reading]
    spans = _merge_mentions(spans, text)
    resolved = [s for s in spans if s.resolved]
    quotes = find_quotes(text, unit, index) if resolved else []
    for start, end in quotes:
        nearest = min(resolved, key=lambda s: min(abs(s.start - end), abs(start - s.end)))
        nearest.kind, nearest.start, nearest.end = str(EvidenceKind.QUOTE), start, end
    return spans
