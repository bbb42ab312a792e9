"""Detector: parenthetical '(Herman, 1992; Jordan et al., 1992)' and narrative 'Herman (1992)'."""

from __future__ import annotations

import re

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex
from ingest.citations.model import AUTHOR_YEAR, EvidenceSpan
from ingest.citations.resolver import resolve_author_year
from ingest.citations.text import ETAL, LETTER, NAME_LIST, UPPER, YEAR, _split_names, words_of
from ingest.claims import Unit

_PAREN = re.compile(r"\(([^()]*)\)")
_PART_PREFIX = re.compile(r"^(?:see for (?:instance|example),?|see also|see|e\.g\.,?|i\.e\.,?|cf\.|"
                          r"for (?:example|instance),?|notably,?|for a review,? see|"
                          r"as cited in|as quoted in)\s+",
                          re.IGNORECASE)
# "(see Jordan et al., 1992, for details)": the trailing pointer is not part of the citation.
_PART_SUFFIX = re.compile(r",?\s+for (?:details|more details|further details|a review|an overview|more|"
                          r"a discussion|discussion|examples|a summary)\s*$", re.IGNORECASE)
# "(Janet, 1889, as cited in Herman, 1992)": the secondary source is what the writer read.
_CITED_IN = re.compile(r",?\s*\bas (?:cited|quoted|reported) (?:in|by)\s+", re.IGNORECASE)
_AUTHOR_YEAR_PART = re.compile(
    rf"^(?P<names>{NAME_LIST})(?P<etal>{ETAL})?,?\s+(?P<years>(?:{YEAR})(?:\s*,\s*(?:{YEAR}))*)"
    r"(?:\s*,\s*(?:(?:pp?\.|chap\.|ch\.|para\.|p\b|section|sec\.)\s*[\w\s\-–,]*"
    r"|\d{1,3}(?:\s*[-–]\s*\d{1,4})?))?$"  # "(Hjørland 2002b, 257)": a bare page
)
_NARRATIVE_BEFORE = re.compile(rf"(?P<names>{NAME_LIST})(?P<etal>{ETAL})?(?:['’]s)?\s*$")
_YEARS_ONLY = re.compile(  # "(2014; 2015)" too, as ABNT lists an author's works
    rf"^(?P<years>(?:{YEAR})(?:\s*[,;]\s*(?:{YEAR}))*)(?:\s*,\s*(?:pp?\.|chap\.|ch\.|para\.)\s*[\w\s\-–,]*)?$"
)


# --- finders: each returns EvidenceSpans for one unit ----------------------------------


def find_author_year(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """Parenthetical '(Herman, 1992; Jordan et al., 1992)' and narrative 'Herman (1992)'."""
    found: list[EvidenceSpan] = []
    segment = text[unit.start:unit.end]
    name_runs: dict[int, int] | None = None
    for paren in _PAREN.finditer(segment):
        content_start = unit.start + paren.start(1)
        years_only = _YEARS_ONLY.match(paren.group(1).strip())
        if years_only:
            if name_runs is None:
                name_runs = _name_run_starts(segment)
            # The same search as over segment[:paren.start()], from where the names can begin.
            before = _NARRATIVE_BEFORE.search(segment, name_runs[paren.start()], paren.start())
            if before and not _is_title_words(before.group("names"), index):
                families = _without_openers(_split_names(before.group("names")), index,
                                            bool(before.group("etal")), years_only.group("years"))
                start = unit.start + segment.index(families[0], before.start())
                end = unit.start + paren.end()
                found.append(_author_year_evidence(text, start, end, unit, index, families,
                                                   bool(before.group("etal")), years_only.group("years")))
            continue
        offset = 0
        parts = paren.group(1).split(";")
        co_authors: list[tuple[str, int]] = []  # ABNT "(Russell; Sugimoto, 2009)": names before the year
        for number, part in enumerate(parts):
            part_start = content_start + offset
            offset += len(part) + 1
            core = _citation_core(part)
            core_start = part_start + part.index(core) if core else part_start
            if _NAME_ONLY.match(core) and number + 1 < len(parts):
                co_authors.append((core, core_start))
                continue
            match = _AUTHOR_YEAR_PART.match(core) or _corporate_part(core, index)
            if not match:
                co_authors = []
                continue
            single = len(parts) == 1
            start, end = ((unit.start + paren.start(), unit.start + paren.end()) if single
                          else (co_authors[0][1] if co_authors else core_start, core_start + len(core)))
            families = ([match.group("names")] if match.re is _CORPORATE_PART
                        else _split_names(match.group("names")))
            families = [name for name, _ in co_authors] + families
            co_authors = []
            found.append(_author_year_evidence(text, start, end, unit, index, families,
                                               bool(match.group("etal")), match.group("years")))
    return found


# One family name alone between semicolons: an ABNT co-author ("Russell" in "(Russell; Sugimoto, 2009)").
_NAME_ONLY = re.compile(r"^(?:[a-z]{1,3}\s+)*[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ][\w'’\-]+)?$")

# Every character a _NARRATIVE_BEFORE match can hold (names, particles, 'et al.', 'and colleagues',
# "'s", spaces): a match ending at a position begins inside the run of these that ends there.
_NAME_RUN = re.compile(rf"[{LETTER}'’\-,&.*_\s]+")


def _name_run_starts(segment: str) -> dict[int, int]:
    """For each position a run of name characters ends at (and any other position, mapping to
    itself), where that run begins."""
    starts: dict[int, int] = {}
    for run in _NAME_RUN.finditer(segment):
        starts[run.end()] = run.start()
    return _SelfDefault(starts)


class _SelfDefault(dict):
    """A dict whose missing keys map to themselves."""

    def __missing__(self, key: int) -> int:
        return key


# "(Open Science Collaboration, 2015)": a group author of several capitalised words.
_CORPORATE_PART = re.compile(
    rf"^(?P<names>[{UPPER}][\w&'’\-]*(?:\s+(?:of|for|and|on|the|&|de|do|da|e|y|für|und|"
    rf"[{UPPER}][\w&'’\-]*)){{1,8}})(?P<etal>)"
    rf",?\s+(?P<years>{YEAR})(?:\s*,\s*(?:pp?\.|chap\.|ch\.|para\.)\s*[\w\s\-–,]*)?$"
)


def _corporate_part(core: str, index: RefIndex) -> re.Match[str] | None:
    """A group author ('Open Science Collaboration, 2015'), only when an entry's first author
    is that very group (BibTeX '{{Open Science Collaboration}}')."""
    match = _CORPORATE_PART.match(core)
    if not match:
        return None
    name = " ".join(words_of(match.group("names")))
    groups = index.derived("group_authors", lambda: {
        " ".join(words_of(r.authors[0].family)) for r in index.references if r.authors})
    return match if name in groups else None


def _without_openers(families: list[str], index: RefIndex, etal: bool, years: str) -> list[str]:
    """'Also, Herman (1992)': drop leading capitalised words while the names match no entry
    and a shorter list does ('Also', 'Similarly', 'Later' open the sentence, they are no authors)."""
    first_year = re.split(r"[,;]", years)[0].strip()
    while len(families) > 1 and not resolve_author_year(index, families, etal, first_year) \
            and resolve_author_year(index, families[1:], etal, first_year):
        families = families[1:]
    return families


def _citation_core(part: str) -> str:
    """One ';'-part of a parenthesis without 'see'/'e.g.' before, 'for details' after, and
    without the primary source of 'X, 1889, as cited in Y, 1992' (the secondary one stays)."""
    core = part.strip()
    cited_in = list(_CITED_IN.finditer(core))
    if cited_in:
        core = core[cited_in[-1].end():]
    prefix = _PART_PREFIX.match(core)
    core = core[prefix.end():] if prefix else core
    suffix = _PART_SUFFIX.search(core)
    return core[:suffix.start()] if suffix else core


def _is_title_words(names: str, index: RefIndex) -> bool:
    """'Trauma and Recovery (1992)': the 'names' before a year are a work's title, not authors."""
    words = " ".join(words_of(names))
    # Folded titles hold only [a-z0-9 ], so a newline between them never joins two into a match.
    titles = index.derived("folded_titles", lambda: "\n".join(" ".join(words_of(r.title))
                                                               for r in index.references))
    return len(words.split()) > 1 and bool(index.references) and words in titles


def _author_year_evidence(text: str, start: int, end: int, unit: Unit, index: RefIndex,
                          families: list[str], etal: bool, years: str) -> EvidenceSpan:
    keys = [resolve_author_year(index, families, etal, y.strip()) for y in re.split(r"[,;]", years)]
    resolved = all(keys)
    return EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                        sorted({k for k in keys if k}), resolved, priority=AUTHOR_YEAR)
