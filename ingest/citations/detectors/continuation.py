"""Detector: sentences without a marker of their own that continue a source cited before.

'She argues…', 'the same study', 'In their 1974 paper, they…'.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from graph.schema import EvidenceKind
from ingest.citations.detectors.carried import _OTHER_WORKS, WRITERS_THOUGH, names_later_year
from ingest.citations.detectors.quote import _SAYS
from ingest.citations.index import RefIndex, family_forms
from ingest.citations.model import AUTHOR_YEAR, CONTINUATION, EvidenceSpan
from ingest.citations.resolver import pick_by_venue, works_by
from ingest.citations.text import (
    _ADVERB,
    _WORK_NOUN,
    ETAL,
    NAME_LIST,
    REPORTING,
    STOPWORDS,
    _split_names,
    fold,
    words_of,
)
from ingest.claims import Unit
from ingest.cues import CueScanner
from ingest.model import Reference

# --- sentences that continue a source cited just before --------------------------------

# What "In their experiment, …" / "In his words, …" may name: the work of the authors cited just before.
_CARRIED_WORK = (r"(?:experiments?|stud(?:y|ies)|trials?|papers?|book|review|survey|sample|data|words|work|"
                 r"research|report|article|analysis|meta-analysis|lab|laboratory|classic study)")
# "She argues …", "The researchers found …", "This account suggests …", "On this account, …".
_CONTINUES = re.compile(
    rf"^(?:(?:She|He|They|The (?:researchers|authors|investigators|study|paper|book|team|review|trial|"
    rf"survey)|(?:This|That) (?:study|paper|book|account|work|team|review|research|trial|survey)|"
    rf"Their (?:study|data|results|findings)"
    rf"|(?:The|This|That) (?:book|study|paper|report|review|article)['’]s(?:\s+[a-z\-]+){{1,3}}?)"
    rf"\s+{_ADVERB}"
    rf"(?:{REPORTING}|offers|gives|lists|sets out|recommends|traces)\b"
    r"|(?:On|According to|Under|In) (?:this|that|their|his|her) (?:account|view|theory|model|framework|"
    r"reading|analysis|interpretation)\b"
    rf"|In (?:their|his|her) {_CARRIED_WORK}\b"
    # "The explanation the authors gave is …", "The conclusion they drew was …": what the work's
    # authors offered, as the subject of the sentence
    r"|(?:The|Their) (?:explanation|conclusion|interpretation|argument|answer|account|reason|verdict)s? "
    r"(?:that )?(?:the (?:authors|researchers|investigators)|they) (?:\w+ly )?(?:gave|give|offer(?:ed)?|"
    r"reach(?:ed)?|dr(?:ew|aw)|propos(?:e|ed)|favou?r(?:ed)?|settled on|put forward|came to)\b)"
)
# "In this analysis from APOLLON study, we evaluated …": "this" with the writer as the clause's subject is
# the writer's own analysis, not the account of the work cited before
_WRITERS_OWN = re.compile(r"^(?:On|According to|Under|In) this [a-z]+\b[^,.;:]*,\s+(?:we|I)\b")
# "Deliberate practice, in their account, needs feedback": the same, set off by commas in the sentence.
_ASIDE = re.compile(
    r",\s+(?:in|on|according to|by) (?:their|his|her) (?:own )?(?:account|view|theory|model|framework|"
    rf"reading|analysis|interpretation|{_CARRIED_WORK})\s*,")
# "(p. 20)", "(pp. 96–101)": a page of the work cited last, in a sentence with no citation of its own.
_PAGE_ONLY = re.compile(r"\((?:p|pp|page|pages)\.?\s*[\divxlc]+(?:\s*[–-]\s*\d+)?\)")
# "Smith recommends …", "Whitlock and Osei also call for …", "Nash urges …": what the author of a
# work cited nearby advises. Unlike a reporting verb, never at a first mention of a full name alone
# ("Dr Helen Marsh recommends …" is a person quoted more often than her work).
_ADVISES = r"(?:recommend(?:s|ed)?|advis(?:e|es|ed)|urg(?:e|es|ed)|call(?:s|ed)? for)"
# "Harlow concluded …", "Van der Kolk also claims …", "According to Seligman and Maier, …".
_NAME_REPORTS = re.compile(
    rf"(?:\bAccording to\s+(?P<according>{NAME_LIST})(?:{ETAL})?\s*,"
    rf"|(?<![\w’'])(?P<names>{NAME_LIST})(?:{ETAL})?\s+{_ADVERB}(?:{REPORTING}|(?P<advises>{_ADVISES}))\b)"
)

# What every _NAME_REPORTS match contains: "According to", or white space, an adverb perhaps and a
# reporting or advising verb. Far cheaper than trying a name list at every capital letter of each sentence.
_NAME_REPORTS_CUE = re.compile(rf"According to|\s{_ADVERB}(?:{REPORTING}|{_ADVISES})\b")
# The cue's own literals ("According to", the reporting and advising verbs), scanned at once: the cue
# itself is tried at every blank of a sentence.
_NAME_REPORTS_SCAN = CueScanner([_NAME_REPORTS_CUE])


@dataclass
class _Cited:
    """A resolved citation seen earlier in the document: where, and what it cites."""

    unit: int
    block: int
    sources: list[str]
    read: bool = False  # a work the writer only read: something to refer back to, not evidence


# "in the same study", "That study followed …", "Same paper.", "In that book, …", "as the authors
# themselves acknowledge": an explicit pointer to the work mentioned just before.
_SAME_SOURCE = re.compile(
    r"\b(?:[Tt]he same|[Tt]hat)\s+(?:study|paper|book|article|trial|report|survey|review|project|"
    r"experiment|analysis|cohort|volume|monograph)\b"
    r"|^(?:[A-Z]+:\s+)?Same (?:paper|study|book|article|source|trial|report)\b"
    r"|\b(?:as|which) (?:the|its|their) (?:authors|researchers|investigators)(?: themselves)?\s+\w+"
)
# "They rated themselves …" right after a cited sentence: a pronoun subject, any verb.
_PRONOUN_OPENS = re.compile(
    r"^(?:[A-Z]+:\s+)?(?:(?:They|She|He|It|Their|His|Her)\s+(?:\w+ly\s+)?[a-z]+\b"
    # "Within 29 months, they found …": a short time phrase, then the pronoun and a reporting verb
    rf"|(?:Within|After|Over|In|By|Later|Two|Three|Five|Ten|\d+)[\w ]{{0,25}},\s+(?:they|she|he)\s+"
    rf"{REPORTING}\b"
    # "That figure was 61% …": a number of the sentence before. Not "This/These result(s)", "This
    # finding": in a paper those are the authors' own more often than the work cited before them.
    r"|(?:That|The same) (?:figure|number|estimate|percentage|proportion|rate|ratio|share)\b"
    r"|(?:In|Using|With|Through|From) (?:it|them),?\s+(?:they|he|she)\b"
    rf"|[“\"][^”\"]{{10,}}?[,.]?[”\"],?\s+(?:she|he|they)\s+{_SAYS})"
)
# "It is important to …", "It seems that …": an "it" that stands for no work.
_DUMMY_IT = re.compile(
    r"^(?:[A-Z]+:\s+)?It(?:['’]s|\s+(?:is|was|has been|will be|would be|may be|can be))\s+"
    r"(?:not\s+|also\s+|\w+ly\s+)?"
    r"(?:important|clear|true|possible|impossible|likely|unlikely|necessary|essential|hard|easy|difficult|"
    r"vital|crucial|worth|common|rare|normal|natural|tempting|fair|safe|wise|obvious|striking|interesting|"
    r"surprising|notable|known|well[- ]known|said|thought|believed|estimated|often|a|an|the|time|no|too)\b"
    r"|^(?:[A-Z]+:\s+)?It\s+(?:seems|seemed|appears|appeared|turns out|turned out|takes|took|matters|"
    r"follows|remains|helps|pays|depends|happens|happened|rains|rained)\b"
    # what papers write after a cited sentence, with an "it" that is no work: a participle and a
    # that-clause ("It is postulated that", "It was proposed that", "It is expected that", "It is,
    # therefore, conceivable that"; not "It was meant to reduce …", a method's purpose), a cleft
    # or a measure ("It is this process that", "It is by a few million years older"), a modal ("It
    # must be clarified whether", "It would also expand"): a cited work's findings are reported, not
    # supposed
    r"|^(?:[A-Z]+:\s+)?It(?:['’]s|\s+(?:is|was|has been|had been|will be|would be|may be|can be|must be))"
    r"(?:,\s+\w+,)?\s+(?:not\s+|also\s+|\w+ly\s+)?(?:[a-z]+(?:ed|en|wn)\s+that|[a-z]+[ai]ble\s+(?:that|to))\b"
    r"|^(?:[A-Z]+:\s+)?It\s+(?:is|was)\s+(?:this|these|those|by|here|there|then|only|precisely)\b"
    r"|^(?:[A-Z]+:\s+)?It\s+(?:would|could|must|might|may|should|can|will|shall)\b"
)
# "In their 1974 paper in Science, they showed …": year, work and venue; names in the sentence before.
_PRONOUN_YEAR = re.compile(
    rf"^(?:[A-Z]+:\s+)?In (?:their|his|her) (?P<year>1[5-9]\d\d|20\d\d)\s+(?P<hints>(?:[\w&-]+\s+){{0,2}}?)"
    rf"{_WORK_NOUN}(?P<venue>\s+in\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+(?:of\s+)?[A-Z][\w&-]*){{0,4}})?"
    r",\s+(?:they|he|she)\b"
)
# "In that atlas, the Milky Way is hidden …" after "(Falchi et al., 2016)", whose title is "The new world
# atlas of …": a sentence opening with a demonstrative and a noun of the title of the one work the
# sentence right before cites points back to that work, whatever the noun ("atlas", "guideline", "map").
_TITLE_NOUN_POINTER = re.compile(
    r"^(?:[A-Z]+:\s+)?(?:(?:In|From|Using|With|By|For|On|Across|Throughout)\s+)?(?:[Tt]hat|[Tt]he same)\s+"
    r"(?P<noun>[a-z][a-z\-]{3,})\b")
_SAME_SOURCE_NOUNS = ("study", "paper", "book", "article", "trial", "report", "survey", "review", "project",
                      "experiment", "analysis", "cohort", "volume", "monograph")


def _may_name_same_source(sentence: str) -> bool:
    """False only when _SAME_SOURCE cannot match: each of its three branches needs its literals
    ('the same'/'that' and a work noun; 'Same '; 'authors'/'researchers'/'investigators')."""
    if any(literal in sentence for literal in ("Same ", "authors", "researchers", "investigators")):
        return True
    return ("he same" in sentence or "hat" in sentence) and any(n in sentence for n in _SAME_SOURCE_NOUNS)


SAME_SOURCE_WINDOW = 3  # units back that "the same study" may reach
# The writer (I / we) as the subject of the clause that has the pointer as its object, right after the
# verb ("we had that paper framed", "We have not been able to obtain that analysis's data"); not after a
# preposition ("We saw in that study …", "as we learned from that trial": the work is the source there).
_WRITER_HANDLES = re.compile(r"(?:^|[,;:]\s+|\bthat\s+)(?:I|[Ww]e)\s+(?:[^,;:.]*?\s)?"
                             r"(?!(?:in|from|by|of|to|on|at|with|according to|as|than|like|for)\s*$)"
                             r"[a-z]+\s+$")
_OWNER_AFTER = re.compile(r"\b[A-ZÀ-Þ][\w\-]+['’]s\b")


class _History:
    """The resolved citations seen so far in a document, in unit order, with the lookups the
    continuation rules need (by unit, by paragraph, by year) kept up to date as entries are added,
    so no rule rescans the whole history. `cited` is the same for the entries that are not only
    read. Entries are added after their unit is done, so every entry precedes the unit asked about.
    """

    def __init__(self, units: list[Unit], index: RefIndex, keep_cited: bool = True) -> None:
        self.index = index
        self.entries: list[_Cited] = []
        self.entry_units: list[int] = []
        self.by_unit: dict[int, list[_Cited]] = {}
        self.by_block: dict[int, list[_Cited]] = {}
        self.keys_by_block: dict[int, set[str]] = {}
        self.keys_by_year: dict[str, set[str]] = {}
        self.last_unit_of_block: dict[int, int] = {}
        for unit in units:
            self.last_unit_of_block[unit.block] = max(self.last_unit_of_block.get(unit.block, -1), unit.index)
        self._cited = _History(units, index, keep_cited=False) if keep_cited else None

    @property
    def cited(self) -> _History:
        """The history of the entries that are not only read: a history of its own, and that one is
        itself. No attribute refers back to its own object, so a document's history and index are
        freed when it is done rather than at the next collection of reference cycles."""
        return self._cited if self._cited is not None else self

    def __iter__(self):
        return iter(self.entries)

    def extend(self, entries) -> None:
        for entry in entries:
            self.add(entry)

    def add(self, entry: _Cited) -> None:
        self.entries.append(entry)
        self.entry_units.append(entry.unit)
        self.by_unit.setdefault(entry.unit, []).append(entry)
        self.by_block.setdefault(entry.block, []).append(entry)
        self.keys_by_block.setdefault(entry.block, set()).update(entry.sources)
        for key in entry.sources:
            for year in self.index.key_years(key):
                self.keys_by_year.setdefault(year, set()).add(key)
        if self._cited is not None and not entry.read:
            self._cited.add(entry)

    def since(self, unit_index: int) -> list[_Cited]:
        """The entries of units from `unit_index` on, in order."""
        return self.entries[bisect.bisect_left(self.entry_units, unit_index):]


def pages_of_cited_work(text: str, unit: Unit, spans: Sequence[EvidenceSpan]) -> list[EvidenceSpan]:
    """'Montgomery (2001) concluded that doctors are ‘…’ (p. 236).': a page-only parenthesis in a
    sentence that cites one work before it is a page of that work (the publisher links it there);
    none when the citations before it name several works or none resolved."""
    if "(p" not in text[unit.start:unit.end]:
        return []
    pages: list[EvidenceSpan] = []
    for match in _PAGE_ONLY.finditer(text, unit.start, unit.end):
        before = [s for s in spans if s.end <= match.start()]
        if any(s.start < match.end() and match.start() < s.end for s in spans):
            continue  # part of a marker found already ("(Berg, 1996, p. 441)")
        works = {k for s in before for k in s.sources}
        if len(works) == 1 and all(s.resolved for s in before):
            pages.append(EvidenceSpan(str(EvidenceKind.CITATION), match.start(), match.end(), match.group(0),
                                      unit.index, sorted(works), True, priority=AUTHOR_YEAR))
    return pages


def continuation_evidence(text: str, unit: Unit, units: list[Unit], index: RefIndex,
                          history: _History, headings: Sequence[int] = (),
                          lead_ins: dict[int, int] | None = None, paper: bool = False) -> EvidenceSpan | None:
    """Evidence for a sentence without its own citation that continues one cited just before:
    a pronoun or 'the researchers' with a reporting verb takes the last source cited in the
    paragraph (or, opening a paragraph, in the previous one); a bare surname with a reporting
    verb takes that author's only work when it was cited in this or the previous paragraph;
    'the same study' / 'that book' the work mentioned within the last few units; a pronoun with
    any verb the single source of the sentence right before; 'In their 1974 paper, they' the
    work of that year by the people named in the sentence before. In a research `paper` a pronoun
    with just any verb continues nothing: there, as for carried accounts (detectors/carried.py),
    the sentence after a citation is the authors' own far more often ("They correspond to the
    profiles of 9703 cDNAs …" after the data's source, "It includes global emissions …")."""
    sentence = text[unit.start:unit.end]
    cited = history.cited
    nearby = _nearby_citations(unit, units, cited)
    if nearby and _heading_between(headings, nearby[-1].block, unit.block):
        nearby = []  # "## Conclusion\n\nThis study showed …": a new section continues no work cited before it
    lead = _CONTINUES.match(sentence)
    if lead and _WRITERS_OWN.match(sentence):
        lead = None
    if lead and nearby and len(nearby[-1].sources) == 1:
        # "She concludes that … ‘…’ (p. 342).": the page is the printed marker of the work she wrote
        page = _PAGE_ONLY.search(sentence) if "(p" in sentence else None
        marker = page or lead
        return _continuation(unit, marker.start(), marker.end(), text, nearby[-1].sources)
    carried = (_ASIDE.search(sentence) if ", " in sentence else None) or (
        _PAGE_ONLY.search(sentence) if "(p" in sentence else None)
    last = {k for c in nearby if c.unit == nearby[-1].unit for k in c.sources} if nearby else set()
    if carried and len(last) == 1:  # the sentence cited last names one work, not "(A, 2006; B, 2013)"
        return _continuation(unit, carried.start(), carried.end(), text, sorted(last))
    same = _SAME_SOURCE.search(sentence) if _may_name_same_source(sentence) else None
    if same and _OTHER_WORKS.search(sentence):  # "Other researchers have criticised that study's
        same = None  # methods": about the work, by others; the work is no evidence for it
    if same and _WRITER_HANDLES.search(sentence[:same.start()]):  # "We have not been able to obtain
        same = None  # that analysis's data", "we had that paper framed": the writer acting on the work
    # "The same paper found errors in Galton's published table": an author owning a thing after the
    # pointer is what the work is about, not the author of the work pointed to
    named_in = (sentence if not same
                else sentence[:same.end()] + _OWNER_AFTER.sub(" ", sentence[same.end():]))
    referent = _recent_referent(unit, units, history, headings, named_in, index) if same else None
    if referent:
        return _continuation(unit, same.start(), same.end(), text, [referent])
    pronoun_year = _PRONOUN_YEAR.match(sentence)
    if pronoun_year and unit.index > 0:
        key = _work_of_people_named(index, text[units[unit.index - 1].start:units[unit.index - 1].end],
                                    pronoun_year.group("year"),
                                    (pronoun_year.group("hints") or "") + (pronoun_year.group("venue") or ""))
        if key:
            return _continuation(unit, pronoun_year.start(), pronoun_year.end(), text, [key])
    year_work = _YEAR_WORK.search(sentence)
    key = _cited_work_of_year(history, index, year_work.group("year")) if year_work else None
    if key:
        return _continuation(unit, year_work.start(), year_work.end(), text, [key])
    pronoun = _PRONOUN_OPENS.match(sentence) if not paper else None
    before = _sentence_before(unit, units, cited, lead_ins or {})
    title_noun = _title_noun_pointer(sentence, before, index) if not paper else None
    if title_noun:
        return _continuation(unit, title_noun.start(), title_noun.end(), text, before[0].sources)
    if (pronoun and not _DUMMY_IT.match(sentence) and not WRITERS_THOUGH.match(sentence)
            and len(before) == 1 and len(before[0].sources) == 1
            and _pronoun_fits(pronoun.group(0), index.by_key(before[0].sources[0]))
            and not names_later_year(sentence, before[0].sources, index)):
        return _continuation(unit, pronoun.start(), pronoun.end(), text, before[0].sources)
    return _name_reports(text, unit, units, index, history)


def _title_noun_pointer(sentence: str, before: list[_Cited], index: RefIndex) -> re.Match[str] | None:
    """'In that atlas, …' when the sentence right before cites one work whose title holds 'atlas'."""
    pointer = _TITLE_NOUN_POINTER.match(sentence) if "hat " in sentence or "same " in sentence else None
    if not pointer or len(before) != 1 or len(before[0].sources) != 1:
        return None
    title = set(words_of(index.by_key(before[0].sources[0]).title)) - STOPWORDS
    return pointer if pointer.group("noun").lower() in title else None


_ONE_PERSON = re.compile(r"^(?:[A-Z]+:\s+)?(?:She|He|His|Her)\b")


def _pronoun_fits(opening: str, ref: Reference) -> bool:
    """'She'/'He' stands for one person: the work cited before must have a single author. A case
    report's "… as previously described[5], was impaired. She was successfully managed …" is the
    patient, not Donabedian and Gallin."""
    return not _ONE_PERSON.match(opening) or len(ref.authors) == 1 and not ref.others


def _sentence_before(unit: Unit, units: list[Unit], cited: _History,
                     lead_ins: dict[int, int]) -> list[_Cited]:
    """Citations of the sentence right before `unit` in its paragraph; for a paragraph that
    follows a list, those of the list's lead-in (the list stands between pronoun and source)."""
    if unit.index == 0:
        return []
    previous = units[unit.index - 1]
    if previous.block == unit.block:
        return cited.by_unit.get(previous.index, [])
    lead_in = lead_ins.get(previous.block)
    if lead_in is None:
        return []
    last = cited.last_unit_of_block.get(lead_in, -1)
    return cited.by_unit.get(last, [])


def _name_reports(text: str, unit: Unit, units: list[Unit], index: RefIndex,
                  history: _History) -> EvidenceSpan | None:
    """'Harlow concluded …': the author's only work when it was cited nearby, or the one of the
    author's works cited nearby; 'Ann Masten argued …' (given and family name, at first mention): the
    author's only work, cited or not."""
    sentence = text[unit.start:unit.end]
    if not _NAME_REPORTS_SCAN.candidates(sentence) or not _NAME_REPORTS_CUE.search(sentence):
        return None
    cited_nearby = _nearby_keys(unit, units, history)
    for match in _NAME_REPORTS.finditer(sentence):
        names = match.group("according") or match.group("names")
        works = works_by(index, _split_names(names))
        if len(works) != 1 or len(works_by(index, _split_names(names)[:1])) != 1:
            # "Rosling also reminds us …" when Rosling leads two works: the one of them cited nearby
            cited = [work for work in works if work.key in cited_nearby]
            if len(cited) == 1:
                return _continuation(unit, match.start(), match.end(), text, [cited[0].key])
            continue
        full_name = _given_name_before(sentence[max(0, match.start() - 100):match.start()], works[0])
        if works[0].key in cited_nearby or full_name and not match.group("advises"):
            start = match.start() - len(full_name)
            return _continuation(unit, start, match.end(), text, [works[0].key])
    return None


def _given_name_before(before: str, ref: Reference) -> str:
    """The first author's given name written right before the family name ('Ann ' in 'Ann
    Masten'), or ''. The name must agree with the .bib given name (or its initial)."""
    match = re.search(r"\b([A-Z][a-z]+|[A-Z]\.)\s+$", before)
    if not match or not ref.authors:
        return ""
    given = fold(ref.authors[0].given).split()
    written = fold(match.group(1)).rstrip(".")
    fits = bool(given) and (given[0].rstrip(".") == written or len(written) == 1 and given[0][0] == written)
    return match.group(0) if fits else ""


# "the 2018 study", "their 1998 paper": a work named by its year, cited earlier in the document.
_YEAR_WORK = re.compile(rf"\b(?:[Tt]he|[Tt]heir|[Hh]is|[Hh]er) (?P<year>1[5-9]\d\d|20\d\d) {_WORK_NOUN}\b")


def _cited_work_of_year(history: _History, index: RefIndex, year: str) -> str | None:
    """The one work of `year` cited (or read) earlier in the document, or None when several are."""
    keys = history.keys_by_year.get(year, set())
    return next(iter(keys)) if len(keys) == 1 else None


def _recent_referent(unit: Unit, units: list[Unit], history: _History, headings: Sequence[int],
                     sentence: str, index: RefIndex) -> str | None:
    """The single work mentioned last within SAME_SOURCE_WINDOW units before `unit`, with no
    heading in between; when the sentence names an author, the last work that author wrote."""
    window = [c for c in history.since(unit.index - SAME_SOURCE_WINDOW) if c.unit < unit.index
              and len(c.sources) == 1 and not _heading_between(headings, c.block, unit.block)]
    named = [c for c in window if _authors_named_in(index.by_key(c.sources[0]), sentence)]
    chosen = named or window
    return chosen[-1].sources[0] if chosen else None


def _authors_named_in(ref: Reference, text: str) -> int:
    """How many of the reference's authors' family names occur as words in `text`."""
    folded = " ".join(words_of(text))
    return sum(1 for a in ref.authors
               if any(re.search(rf"\b{re.escape(f)}\b", folded) for f in family_forms(a.family)))


def _work_of_people_named(index: RefIndex, previous: str, year: str, hints: str) -> str | None:
    """The work of `year` whose authors are named in the previous sentence (most of them wins),
    venue words choosing between equals."""
    scored = [(_authors_named_in(r, previous), r) for position, r in enumerate(index.references)
              if year in index.years_of(position)]
    best = max((n for n, _ in scored), default=0)
    candidates = [r for n, r in scored if n == best and best > 0]
    if len(candidates) > 1 and hints:
        candidates = pick_by_venue(candidates, hints) or candidates
    return candidates[0].key if len(candidates) == 1 else None


def _heading_between(headings: Sequence[int], first: int, last: int) -> bool:
    """True when a heading block lies strictly between blocks `first` and `last` (`headings` sorted)."""
    at = bisect.bisect_right(headings, first)
    return at < len(headings) and headings[at] < last


def _nearby_block(unit: Unit, units: list[Unit], history: _History) -> int | None:
    """The block whose citations count as nearby: the unit's own paragraph when it has any
    before the unit, else, for a paragraph's opening, the previous paragraph (None: neither)."""
    if history.by_block.get(unit.block):
        return unit.block  # every entry precedes `unit`
    opens_paragraph = unit.index == 0 or units[unit.index - 1].block != unit.block
    if not opens_paragraph or unit.index == 0:
        return None
    return units[unit.index - 1].block


def _nearby_citations(unit: Unit, units: list[Unit], history: _History) -> list[_Cited]:
    """Citations earlier in the unit's paragraph, else (for a paragraph's opening) in the previous one."""
    block = _nearby_block(unit, units, history)
    return history.by_block.get(block, []) if block is not None else []


def _nearby_keys(unit: Unit, units: list[Unit], history: _History) -> set[str]:
    """The sources of _nearby_citations."""
    block = _nearby_block(unit, units, history)
    return history.keys_by_block.get(block, set()) if block is not None else set()


def _continuation(unit: Unit, start: int, end: int, text: str, sources: list[str]) -> EvidenceSpan:
    begin, finish = unit.start + start, unit.start + end
    return EvidenceSpan(str(EvidenceKind.CITATION), begin, finish, text[begin:finish], unit.index,
                        list(sources), True, priority=CONTINUATION)
