"""Evidence: where a document points to a source, quotes one, or draws on experience.

Finds author–year citations (parenthetical and narrative), numeric markers, mentions
of a work by its title, of an author together with a work ("her book", "Herman's
study") and of a named study; quotations attributed to a cited source; first-person
anecdotes and comment writers' testimony. Each is linked to its BibTeX Reference (or
left unresolved) and to the claims it supports. Also finds comments that challenge
the article.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from re._casefix import _EXTRA_CASES  # the pairs re.IGNORECASE treats as one letter beyond lower case
from typing import TypeVar

from graph.schema import EvidenceKind
from ingest.claims import WORK_PART, ClaimSpan, Unit, looks_like_reference_entry, refers_back
from ingest.model import HEADING, LIST_ITEM, REFERENCES, ParsedDocument, Reference
from ingest.model import TITLE as TITLE_BLOCK

# --- data ------------------------------------------------------------------------------


@dataclass
class EvidenceSpan:
    """One piece of evidence in a document, before it becomes a graph node."""

    kind: str
    start: int
    end: int
    marker: str
    unit: int
    sources: list[str] = field(default_factory=list)
    resolved: bool | None = None  # None for anecdotes and testimony
    supports: list[int] = field(default_factory=list)  # indexes into the document's claims
    priority: int = 0  # lower wins when two markers point to the same source in one sentence


@dataclass
class Challenge:
    """A comment disputing the article, and the article claims it names (if any)."""

    comment_id: str
    target_id: str
    reason: str
    claim_ids: list[str] = field(default_factory=list)


# Priorities: explicit markers beat mentions.
AUTHOR_YEAR, NUMERIC, TITLE, AUTHOR_WORK, STUDY, CONTINUATION = range(6)

# --- text helpers ----------------------------------------------------------------------


def fold(text: str) -> str:
    """Lower-case ASCII form used to compare names and titles."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ascii_text.lower().replace("{", "").replace("}", "")


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text))


STOPWORDS = frozenset("""
    a an the and or of in on at to for from with by as is are was were be this that these those
    its their his her our your my we they it them without also very have has been will would could
    should than then there what when which who about into more most study studies survey trial project
    experiment cohort team program programme consortium same each one first another earlier later
    recent new whole entire second large small
    long term longterm national research analysis report data
""".split())

YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?(?:/(?:1[5-9]\d\d|20\d\d)[a-z]?)?|n\.d\.|in press"
PARTICLE = r"(?:(?:[Vv]an|[Vv]on|[Dd]e|der|den|[Dd]el|della|[Dd]a|[Dd]u|[Ll]e|[Ll]a|[Dd]i|St\.)\s+)"
# Latin capitals and letters beyond ASCII ("Grácio", "Hjørland", "Glänzel", "Ibekwe-Sanjuan").
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
LETTER = "A-Za-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isalpha())
NAME = rf"{PARTICLE}*[{UPPER}][{LETTER}'’\-]+"
NAME_LIST = rf"{NAME}(?:\s*,\s*{NAME})*(?:\s*,?\s*(?:and|&)\s+{NAME})?"
# "et al.", also in Markdown emphasis ("*et al.*"), "and colleagues", "and others".
ETAL = (r"\s+[*_]{0,2}et\s+al\.?[*_]{0,2}|\s+and\s+(?:(?:his|her|their)\s+)?"
        r"(?:colleagues|coworkers|co-workers|co-authors|coauthors|associates|team|others)")

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
# Verbs that report what a source says ("Harlow concluded", "She argues", "He makes the case").
REPORTING = (r"(?:argu(?:e|es|ed)|claim(?:s|ed)?|conclud(?:e|es|ed)|finds?|found|show(?:s|ed|n)?|"
             r"reports?|reported|notes?|noted|writes?|wrote|explain(?:s|ed)?|suggest(?:s|ed)?|saw|sees|"
             r"observ(?:e|es|ed)|describ(?:e|es|ed)|propos(?:e|es|ed)|demonstrat(?:e|es|ed)|"
             r"maintain(?:s|ed)?|contend(?:s|ed)?|insist(?:s|ed)?|emphasi[sz](?:e|es|ed)|"
             r"point(?:s|ed)? out|ma(?:kes|de) the case|warn(?:s|ed)?|stat(?:e|es|ed)|"
             r"believ(?:e|es|ed)|thinks|thought|identif(?:y|ies|ied)|document(?:s|ed)|establish(?:es|ed)|"
             r"(?:had |has )?(?:reach(?:es|ed)?|c(?:a|o)me to|dr(?:ew|aws)) (?:a|the) "
             r"(?:similar |same )?conclusion)")
_ADVERB = r"(?:(?:also|further|later|then|too|first|famously|rightly|\w+ly)\s+)?"
# "In a 1998 paper, Felitti and his co-authors showed", "In 1963, Stanley Milgram reported".
_YEAR_FIRST = re.compile(
    rf"\bIn\s+(?:(?:a|an|the|his|her|their|one|this)\s+)?(?P<years>1[5-9]\d\d|20\d\d)(?:\s+[a-z]+){{0,2}},\s+"
    rf"(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?)?(?P<names>{NAME_LIST})(?P<etal>{ETAL})?"
    rf"\s+{_ADVERB}{REPORTING}\b"
)
# "[3]", "[1, 2]", "[1–3]"; "[4]–[7]" (two bracketed numbers joined by a dash) is the range 4–7.
_BRACKET_NUMBERS = re.compile(r"\[(\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*)\](?:\s*[-–]\s*\[\s*(\d{1,3})\s*\])?")
_PAREN_NUMBERS = re.compile(r"\((\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*)\)(?=\s*[.,;:!?)]|\s*$)")
_STUDY = re.compile(
    r"(?:[A-Z][\w'’\-]*\s+){1,6}(?:Study|Survey|Trial|Project|Experiment|Cohort|Program(?:me)?)\b"
    r"|(?:[A-Z][\w'’\-]*\s+){1,6}(?:study|project|trial|team|cohort|survey|program(?:me)?|consortium)\b"
)
_WORK_NOUN = (r"(?:book|books|study|studies|research|work|paper|article|review|trial|survey|report|"
              r"findings|experiment|analysis|memoir|essay|monograph|chapter|theory|model|framework)")
_QUOTE = re.compile(r"“[^”]+”|\"[^\"]+\"")
_TITLE_BEFORE_NAME = re.compile(r"((?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)?(?:[A-Z][a-z]+\.?\s+){0,3})$")

_ANECDOTE = re.compile(
    r"\bI(?:['’]ve| have)? (?:seen|witnessed|watched|worked with|treated|observed|found)\b|"
    r"\bI know from (?:my own )?experience\b|\b(?:in|from) my (?:own |clinical |years of )?"
    r"(?:experience|practice)\b|\bin my work with\b|\bmy (?:clients|patients)\b",
)
_TESTIMONY = re.compile(
    r"\b(?:in (?:our|my) case|my (?:husband|wife|son|daughter|partner|family|mother|father|mom|dad|"
    r"child|children|kids|brother|sister)|our (?:family|son|daughter|kids|children)|"
    r"I(?:['’]m| am| was| have been) (?:going|gone) through|I (?:was|have been) diagnosed|"
    r"I grew up|happened to me|I(?:['’]ve| have) (?:lived|struggled|been through))\b",
    re.IGNORECASE,
)

# --- references ------------------------------------------------------------------------


@dataclass
class RefIndex:
    """Ways of finding a Reference: by family name and year, number, title and study words.

    Everything derived from the references (folded family names, years, title patterns, word
    sets) is computed once here, when the index is built, and lookups go through dictionaries,
    so a sentence costs the same whether the article has ten references or a thousand. The
    references must not change after the index is built. Answers of the pure lookups
    (`works_by`, `resolve_author_year`) are memoised per index.
    """

    references: list[Reference]
    numbers: dict[int, str]
    _by_key: dict[str, Reference] = field(init=False, repr=False)
    _author_forms: list[list[frozenset[str]]] = field(init=False, repr=False)
    _by_first_form: dict[str, list[int]] = field(init=False, repr=False)
    _years: list[set[str]] = field(init=False, repr=False)
    _by_year: dict[str, list[int]] = field(init=False, repr=False)
    _memo: dict[tuple, object] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key = {}
        for ref in self.references:
            self._by_key.setdefault(ref.key, ref)
        self._author_forms = [[family_forms(a.family) for a in r.authors] for r in self.references]
        self._by_first_form = {}
        for position, forms in enumerate(self._author_forms):
            for form in forms[0] if forms else ():
                self._by_first_form.setdefault(form, []).append(position)
        self._years = [_years_of(r) for r in self.references]
        self._by_year = {}
        for position, (ref, years) in enumerate(zip(self.references, self._years, strict=True)):
            for year in years | {ref.year.strip()}:
                self._by_year.setdefault(year, []).append(position)
        self._memo = {}

    def by_key(self, key: str) -> Reference:
        if key not in self._by_key:
            raise StopIteration(key)
        return self._by_key[key]

    def led_by(self, family: str) -> list[int]:
        """Positions (in order) of the references whose first author has one of the family
        forms of `family`."""
        positions: set[int] = set()
        for form in family_forms(family):
            positions.update(self._by_first_form.get(form, ()))
        return sorted(positions)

    def of_years(self, years: set[str]) -> list[int]:
        """Positions (in order) of the references with one of `years` among their years (or as
        their whole stripped year field)."""
        positions: set[int] = set()
        for year in years:
            positions.update(self._by_year.get(year, ()))
        return sorted(positions)

    def years_of(self, position: int) -> set[str]:
        return self._years[position]

    def author_forms(self, position: int) -> list[frozenset[str]]:
        return self._author_forms[position]

    def derived(self, name: str, build: Callable[[], _T]) -> _T:
        """A structure derived from the references, built on first use and kept."""
        key = ("derived", name)
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]  # type: ignore[return-value]


_T = TypeVar("_T")


@functools.lru_cache(maxsize=65536)
def family_forms(family: str) -> frozenset[str]:
    """'van der Kolk' -> {'van der kolk', 'kolk'}: full family name and its last word."""
    folded = " ".join(words_of(family))
    return frozenset({folded, folded.split()[-1]}) if folded else frozenset()


def _years_of(ref: Reference) -> set[str]:
    years = {ref.year.strip()}
    for extra in ("origyear", "origdate"):
        if ref.fields.get(extra):
            years.add(ref.fields[extra][:4])
    years |= set(re.findall(r"\d{4}", ref.year))
    return {y for y in years if y}


def number_references(references: list[Reference], docs: list[ParsedDocument]) -> dict[int, str]:
    """Map reference-list numbers to keys through the article's own numbered list, each entry
    matched to a .bib entry; .bib file order only when the article has no such list."""
    listed: dict[int, str] = {}
    printed: set[int] = set()
    for doc in docs:
        for block in doc.blocks:
            line_start = doc.text.rfind("\n", 0, block.start) + 1  # list items start after "1. "
            for entry in doc.text[line_start:block.end].splitlines():
                match = _NUMBERED_ENTRY.match(entry)
                if not match or block.kind not in (REFERENCES, LIST_ITEM) and not looks_like_reference_entry(
                        entry.strip()):
                    continue
                number = int(match.group(1) or match.group(2))
                printed.add(number)
                key = match_reference_entry(match.group(3), references)
                if key:
                    listed.setdefault(number, key)
    in_list_order = all(n <= len(references) and references[n - 1].key == key for n, key in listed.items())
    if listed and in_list_order:  # the .bib follows the list: entries that did not match go by position
        for number in sorted(printed - set(listed)):
            if number <= len(references) and references[number - 1].key not in listed.values():
                listed[number] = references[number - 1].key
    if not listed and references and all(r.origin in ("reference-list", "pdf") and not r.label
                                         for r in references):
        return {}  # an unnumbered (author-year) list printed in the article: its order numbers nothing
    return listed or {i: ref.key for i, ref in enumerate(references, start=1)}


_NUMBERED_ENTRY = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+(.*)")


def match_reference_entry(entry: str, references: list[Reference]) -> str | None:
    """The .bib entry a reference-list line describes: its first author's family name must open
    the line, and its year or most of its title words must appear; the best unique score wins."""
    head, words = fold(entry[:120]), set(words_of(entry))
    scored = []
    for ref in references:
        if not ref.authors or not any(re.search(rf"\b{re.escape(f)}\b", head)
                                      for f in family_forms(ref.authors[0].family)):
            continue
        title = [w for w in words_of(main_title(ref)) if w not in STOPWORDS]
        title_share = len(set(title) & words) / len(title) if title else 0.0
        year = bool(ref.year[:4]) and ref.year[:4] in entry
        if year or title_share >= 0.5:
            scored.append((int(year) + title_share, ref.key))
    scored.sort(reverse=True)
    if not scored or len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


def build_index(references: list[Reference], docs: list[ParsedDocument]) -> RefIndex:
    return RefIndex(references, number_references(references, docs))


def works_by(index: RefIndex, families: list[str]) -> list[Reference]:
    """The references whose first author is families[0] and whose authors include the others."""
    memo_key = ("works_by", *families)
    if memo_key in index._memo:
        return list(index._memo[memo_key])  # type: ignore[call-overload]
    works = []
    for position in index.led_by(families[0]):
        ref_families = index.author_forms(position)
        if all(any(family_forms(f) & rf for rf in ref_families) for f in families[1:]):
            works.append(index.references[position])
    index._memo[memo_key] = tuple(works)
    return works


def _only_work(index: RefIndex, family: str) -> bool:
    """True when the .bib holds exactly one work led by this family name."""
    return len(works_by(index, [family])) == 1


# Work words that name what kind of entry is meant: a "book" is no journal article, a "paper" no book.
_BOOK_WORDS = frozenset("book books memoir monograph volume".split())
_ARTICLE_WORDS = frozenset("paper article".split())
_BOOK_TYPES = frozenset("book inbook incollection booklet".split())
_ARTICLE_TYPES = frozenset("article inproceedings conference".split())


def work_type_contradicts(work_words: str, ref: Reference) -> bool:
    """True when a work word in `work_words` names another kind of entry than `ref` is
    ('Mischel's book' against an @article). 'study', 'work' and the like fit any entry."""
    words = set(words_of(work_words))
    entry_type = ref.entry_type.lower()
    return bool(words & _BOOK_WORDS and entry_type in _ARTICLE_TYPES
                or words & _ARTICLE_WORDS and entry_type in _BOOK_TYPES and entry_type != "incollection")


_NEAR_YEAR = re.compile(r"^[^.;]{0,25}?\b(?:in|from|since|\(|,)\s*(1[5-9]\d\d|20\d\d)\b")


def year_contradicts(after: str, ref: Reference) -> bool:
    """True when a year right after a mention ('by Stephen Porges in 1994') is none of the entry's."""
    year = _NEAR_YEAR.match(after)
    return bool(year) and year.group(1) not in _years_of(ref)


def _only_book(index: RefIndex, family: str, ref: Reference) -> bool:
    """True when `ref` is the one book-type entry among the works this family name leads."""
    memo_key = ("books_by", family)
    if memo_key not in index._memo:
        index._memo[memo_key] = [r for r in works_by(index, [family]) if r.entry_type.lower() in _BOOK_TYPES]
    books: list[Reference] = index._memo[memo_key]  # type: ignore[assignment]
    return len(books) == 1 and books[0].key == ref.key


def resolve_author_year(index: RefIndex, families: list[str], etal: bool, year: str,
                        hints: str = "") -> str | None:
    """The key of the reference by these authors in this year, or None. Between several works of
    one year, a full author list ('Aiken, Clarke, and Sloane') picks the entry with exactly those
    authors, and `hints` (words near the citation: 'JAMA study') the one whose venue they name."""
    memo_key = ("resolve_author_year", etal, year, hints, *families)
    if memo_key not in index._memo:
        index._memo[memo_key] = _resolve_author_year(index, families, etal, year, hints)
    return index._memo[memo_key]  # type: ignore[return-value]


def _resolve_author_year(index: RefIndex, families: list[str], etal: bool, year: str,
                         hints: str) -> str | None:
    base_year, suffix = re.match(r"(\d{4}|n\.d\.|in press)([a-z]?)", year).groups()
    years = set(re.findall(r"\d{4}", year)) or {base_year}
    candidates = []
    first_forms = family_forms(families[0])
    for position in index.of_years(years | {year}):
        ref = index.references[position]
        if not ref.authors or not (index.years_of(position) & years or ref.year.strip() == year):
            continue
        ref_families = index.author_forms(position)
        if not first_forms & ref_families[0]:
            continue
        if not etal and not all(any(family_forms(f) & rf for rf in ref_families) for f in families[1:]):
            continue
        candidates.append(ref)
    if suffix and len(candidates) > 1:
        exact = [r for r in candidates if r.year.strip().endswith(suffix)]
        if len(exact) == 1:
            return exact[0].key
        ordered = sorted(candidates, key=apa_title_order)
        position = ord(suffix) - ord("a")
        return ordered[position].key if position < len(ordered) else None
    if len(candidates) > 1 and not etal:  # "Hjørland (2003)": the sole-author work, not Hjørland & Hartel
        candidates = [r for r in candidates if len(r.authors) == len(families)] or candidates
    if len(candidates) > 1 and hints:
        candidates = pick_by_venue(candidates, hints) or candidates
    return candidates[0].key if len(candidates) == 1 else None


def apa_title_order(ref: Reference) -> str:
    """APA's sort key for same-author, same-year works (2006a, 2006b): the title without a
    leading 'A', 'An' or 'The'."""
    return re.sub(r"^(?:a|an|the)\s+", "", fold(ref.title).strip())


VENUE_FIELDS = ("journal", "booktitle", "publisher", "series", "howpublished")


def pick_by_venue(candidates: list[Reference], hints: str) -> list[Reference]:
    """The candidates whose journal/publisher contains one of the hint words (capitalised in the
    text, so 'JAMA', 'Science', 'Lancet'); empty when the hints name none or several."""
    hint_words = {w for w in words_of(" ".join(re.findall(r"\b[A-Z][\w&-]*", hints)))
                  if w not in STOPWORDS and len(w) > 2}
    picked = [r for r in candidates
              if hint_words & set(words_of(" ".join(r.fields.get(f, "") for f in VENUE_FIELDS)))]
    return picked if len(picked) == 1 else []


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*,\s*|\s+&\s+|\s+and\s+", names)
    return [re.sub(r"['’]s$", "", n.strip()) for n in parts if n.strip()]


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


def find_year_first(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """'In a 1998 paper, Felitti and his co-authors showed …': the year opens the clause, the
    authors (full names allowed) report something. Only resolved ones count: 'In 2010, Smith
    said …' without a matching entry is no citation."""
    found = []
    for match in _YEAR_FIRST.finditer(text, unit.start, unit.end):
        families = _split_names(match.group("names"))
        key = resolve_author_year(index, families, bool(match.group("etal")), match.group("years"))
        if key:
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), match.start(), match.end(), match.group(0),
                                      unit.index, [key], True, priority=AUTHOR_YEAR))
    return found


# "Linda Aiken's 2002 JAMA study", "Walker's 2017 book": possessive name, year, a work noun.
_POSSESSIVE_YEAR = re.compile(
    rf"(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?)?(?P<names>{NAME_LIST})(?P<etal>{ETAL})?['’]s\s+"
    rf"(?P<year>1[5-9]\d\d|20\d\d)\s+(?P<hints>(?:[\w&-]+\s+){{0,3}}?){_WORK_NOUN}\b"
    r"(?P<venue>\s+in\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+(?:of\s+)?[A-Z][\w&-]*){0,4})?"
)


def find_possessive_year(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """"Linda Aiken's 2002 JAMA study found …": the name's work of that year; words between the
    year and the work noun, or 'in <Venue>' after it, choose between works of one year."""
    found = []
    for match in _POSSESSIVE_YEAR.finditer(text, unit.start, unit.end):
        families = _split_names(match.group("names"))
        hints = (match.group("hints") or "") + (match.group("venue") or "")
        key = resolve_author_year(index, families, bool(match.group("etal")), match.group("year"), hints)
        if key:
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), match.start(), match.end(), match.group(0),
                                      unit.index, [key], True, priority=AUTHOR_YEAR))
    return found


# "The bundle recommended by Pronovost and colleagues": something attributed, by participle, to a name.
_MADE_BY = re.compile(
    r"\b(?:recommended|proposed|developed|devised|designed|introduced|created|advocated|described|"
    r"outlined|set out|put forward|coined|popularised|popularized|pioneered|formulated|tested)\s+by\s+"
    rf"(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?)?(?P<names>{NAME_LIST})(?P<etal>{ETAL})?"
)


def find_made_by(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """'The bundle recommended by Pronovost and colleagues': no year, so linked only when the
    first name leads exactly one .bib entry (and any co-authors named are among its authors)."""
    found = []
    for match in _MADE_BY.finditer(text, unit.start, unit.end):
        families = _split_names(match.group("names"))
        works = works_by(index, families)
        if len(works) == 1 and _only_work(index, families[0]) \
                and not year_contradicts(text[match.end():unit.end], works[0]):
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), match.start(), match.end(), match.group(0),
                                      unit.index, [works[0].key], True, priority=AUTHOR_WORK))
    return found


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


def _expand_numbers(spec: str) -> list[int]:
    numbers: list[int] = []
    for piece in spec.split(","):
        bounds = [int(n) for n in re.findall(r"\d+", piece)]
        if len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 50:
            numbers.extend(range(bounds[0], bounds[1] + 1))
        else:
            numbers.extend(bounds)
    return numbers


def find_numeric(text: str, unit: Unit, index: RefIndex, brackets_only: bool) -> list[EvidenceSpan]:
    """'[3]', '[1, 2]', '[1–3]' and, in documents without brackets, '(2)' at a clause end."""
    found: list[EvidenceSpan] = []
    segment = text[unit.start:unit.end]
    patterns = [_BRACKET_NUMBERS] if brackets_only else [_BRACKET_NUMBERS, _PAREN_NUMBERS]
    for pattern in patterns:
        for match in pattern.finditer(segment):
            spec = match.group(1)
            if pattern is _BRACKET_NUMBERS and match.group(2):
                spec += f"–{match.group(2)}"
            numbers = _expand_numbers(spec)
            if pattern is _PAREN_NUMBERS and any(n not in index.numbers for n in numbers):
                continue  # "(2)" that no reference answers is an enumeration, not a citation
            keys = [index.numbers.get(n) for n in numbers]
            start, end = unit.start + match.start(), unit.start + match.end()
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                                      sorted({k for k in keys if k}), all(keys), priority=NUMERIC))
    return found


def main_title(ref: Reference) -> str:
    """The title up to its subtitle: 'Trauma and Recovery: The Aftermath…' -> 'Trauma and Recovery'."""
    title = re.sub(r"[{}]", "", ref.title)
    return re.split(r"\s*(?::|\s--\s|\s–\s|\s—\s|\?|\.\s)", title)[0].strip()


_WORK_NEAR_BEFORE = re.compile(rf"\b{_WORK_NOUN}\b[,:]?\s+(?:\w+\s+){{0,2}}$")
_WORK_NEAR_AFTER = re.compile(rf"^[,)]?\s+(?:\w+\s+){{0,2}}?{_WORK_NOUN}\b")


def _distinctive_title(title_words: list[str], segment: str, match: re.Match[str]) -> bool:
    """An unmarked title counts when it is long enough (three words or more) not to be a common
    term ('Complex PTSD' is one), or when a work word stands right next to it ('the book X')."""
    if len(title_words) >= 3:
        return True
    return bool(_WORK_NEAR_BEFORE.search(segment[:match.start()])
                or _WORK_NEAR_AFTER.match(segment[match.end():]))


@dataclass
class _TitlePattern:
    """A reference's main title as the pattern find_titles looks for (compiled on first use)."""

    ref: Reference
    words: list[str]
    source: str
    runs: frozenset[str]  # the caseless word runs of its ASCII words: all are in any sentence it matches
    joined: str  # _spread_caseless of the title: a substring of that of any sentence it matches
    _compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _compiled(self.source, re.IGNORECASE)
        return self._compiled


@functools.lru_cache(maxsize=4096)
def _compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile with a cache of its own: per-reference patterns must not evict re's own cache."""
    return re.compile(source, flags)


_WORD_RUN = re.compile(r"\w+")
# re.IGNORECASE compares characters by simple lower case, and a few more pairs besides (i and
# dotless ı, s and long ſ, …); _caseless maps a string to one form per such class.
_CASE_CLASSES = str.maketrans({chr(k): chr(min(k, *others)) for k, others in _EXTRA_CASES.items()})


def _caseless(word: str) -> str:
    """One form for all the strings re.IGNORECASE takes for the same (ASCII-keyed) word."""
    return word.replace("\u0130", "i").lower().translate(_CASE_CLASSES)


def _title_patterns(index: RefIndex) -> tuple[dict[str, list[int]], list[int], list[_TitlePattern | None]]:
    """Title patterns of the index, and which to try for a sentence: by the longest word run of
    the title's ASCII words (every word run of the title is a whole word run wherever the pattern
    matches, since the pattern puts \\b or separators around each title word, in any case
    re.IGNORECASE accepts), or always (a title without an ASCII word)."""
    patterns: list[_TitlePattern | None] = []
    by_word: dict[str, list[int]] = {}
    always: list[int] = []
    for ref in index.references:
        title = main_title(ref)
        title_words = title.split()
        if len(title_words) < 2 or len(title) < 10:
            patterns.append(None)
            continue
        pattern = r"\b" + r"[\s\-–]+".join(re.escape(w) for w in title_words) + r"\b"
        runs = [_caseless(run) for word in title_words if word.isascii() for run in _WORD_RUN.findall(word)]
        patterns.append(_TitlePattern(ref, title_words, pattern, frozenset(runs),
                                      _spread_caseless(" ".join(title_words))))
        if runs:
            by_word.setdefault(_caseless(max(runs, key=len)), []).append(len(patterns) - 1)
        else:
            always.append(len(patterns) - 1)
    return by_word, always, patterns


_SEPARATORS = re.compile(r"[\s\-–]+")


def _spread_caseless(text: str) -> str:
    """`text` caseless with every run of the title patterns' separator characters as one space.
    _caseless maps character for character (re.IGNORECASE's equivalence is per character, and
    lower case differs from re's only for U+0130, replaced first), so wherever a title pattern
    matches, this form of the title is a substring of this form of the sentence."""
    return _SEPARATORS.sub(" ", _caseless(text))


def _caseless_words(segment: str) -> set[str]:
    """The caseless forms of the segment's word runs."""
    if segment.isascii():  # lower case is the whole story, and keeps every word run as it was
        return set(_WORD_RUN.findall(segment.lower()))
    return {_caseless(w) for w in _WORD_RUN.findall(segment)}


def find_titles(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """A work named by its (main) title, title-cased or in quotes/italics."""
    found: list[EvidenceSpan] = []
    segment = text[unit.start:unit.end]
    by_word, always, patterns = index.derived("title_patterns", lambda: _title_patterns(index))
    candidates = set(always)
    words = _caseless_words(segment)
    for word in words:
        candidates.update(by_word.get(word, ()))
    spread: str | None = None
    for position in sorted(candidates):
        entry = patterns[position]
        assert entry is not None
        if not entry.runs <= words:
            continue
        spread = _spread_caseless(segment) if spread is None else spread
        if entry.joined not in spread:
            continue
        ref, title_words = entry.ref, entry.words
        for match in entry.pattern.finditer(segment):
            written = match.group(0)
            marked = segment[max(0, match.start() - 1):match.start()] in ("“", '"', "*", "_", "‘")
            title_cased = all(w[0].isupper() for w in written.split() if len(w) > 3)
            if marked or title_cased and _distinctive_title(title_words, segment, match):
                start, end = unit.start + match.start(), unit.start + match.end()
                found.append(EvidenceSpan(str(EvidenceKind.CITATION), start, end, written, unit.index,
                                          [ref.key], True, priority=TITLE))
    return found


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


def _is_word_char(char: str) -> bool:
    """What re's \\w matches in a str pattern (checked over every code point)."""
    return char.isalnum() or char == "_"


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
    for word in set(_WORD_RUN.findall(segment)):
        candidates.update(by_word.get(word, ()))
    for position in sorted(candidates):
        ref, family, pattern = patterns[position]
        for _author in ref.authors[:1]:
            by_type = not _only_work(index, family)  # several works: only "her book" picks the one book
            if by_type and not _only_book(index, family, ref):
                continue  # "Rowe's study" with two works by Rowe names neither
            for name in _family_matches(segment, family, pattern):
                after = segment[name.end():name.end() + 80]
                work = re.match(rf"(?:['’]s\s+(?:\w+\s+)?{_WORK_NOUN}\b|[^.;]*?\b(?:his|her|their)\s+"
                                rf"(?:\w+\s+)?{_WORK_NOUN}\b)", after)
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


# "Bowlby's research unit", "Freud's study door": the work noun only qualifies a place, group or
# person, so the possessive names no work of the author.
_COMPOUND_HEAD = re.compile(
    r"\s+(?:units?|labs?|laborator(?:y|ies)|offices?|groups?|departments?|cent(?:re|er)s?|institutes?|"
    r"clinics?|teams?|staff|assistants?|students?|colleagues?|fellows?|partners?|funding|grants?|budgets?|"
    r"posts?|positions?|careers?|seminars?|rooms?|doors?|desks?|library|archives?|wards?|hospitals?)\b")


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
    for match in _STUDY.finditer(segment):
        words = [w for w in words_of(match.group(0)) if w not in STOPWORDS]
        if not words:
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
        if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
            continue
        lead = re.match(r"(?:In|The|A|An|This|That|Our)\s+", match.group(0))
        start = unit.start + match.start() + (lead.end() if lead else 0)
        end = unit.start + match.end()
        found.append(EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                                  [scored[0][1]], True, priority=STUDY))
    return found


def find_quotes(text: str, unit: Unit, index: RefIndex) -> list[tuple[int, int]]:
    """Quoted passages of at least four words that are not a reference's title."""
    spans = []
    titles = index.derived("quote_titles", lambda: {" ".join(words_of(r.title)) for r in index.references} | {
        " ".join(words_of(main_title(r))) for r in index.references})
    for match in _QUOTE.finditer(text[unit.start:unit.end]):
        inner = match.group(0)[1:-1]
        if len(inner.split()) >= 4 and " ".join(words_of(inner)) not in titles:
            spans.append((unit.start + match.start(), unit.start + match.end()))
    return spans


# Written or argued, not spoken: '"…," Okafor said in an interview' quotes a person, not a work.
_SAYS = (r"(?:puts it|put it|writes|wrote|remarks|remarked|observes|observed|notes|noted|"
         r"argues|argued|warns|warned|insists|insisted|concludes|concluded|declares|declared)")
# 'Walker puts it bluntly: "…"' and '"…," Walker writes.': a quotation credited to a surname.
_QUOTE_CREDIT = re.compile(
    rf"(?<![\w’'])(?P<names>{NAME_LIST})(?:{ETAL})?\s+{_ADVERB}{_SAYS}(?:\s+\w+ly)?\s*[:,]?\s*[“\"]"
    rf"|[”\"],?\s+(?P<after>{NAME_LIST})(?:{ETAL})?\s+{_SAYS}\b"
)


def find_attributed_quote(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """A quotation of four or more words credited to a name that leads exactly one .bib entry
    ('Walker puts it bluntly: "…"'); the quote itself becomes the evidence text."""
    found = []
    if not find_quotes(text, unit, index):
        return found
    for match in _QUOTE_CREDIT.finditer(text, unit.start, unit.end):
        families = _split_names(match.group("names") or match.group("after"))
        works = works_by(index, families)
        if len(works) == 1 and _only_work(index, families[0]):
            end = match.end() - 1 if match.group("names") else match.end()
            found.append(EvidenceSpan(str(EvidenceKind.CITATION), match.start(), end, text[match.start():end],
                                      unit.index, [works[0].key], True, priority=AUTHOR_WORK))
    return found


# --- per-unit assembly -----------------------------------------------------------------


def _merge_mentions(spans: list[EvidenceSpan], text: str) -> list[EvidenceSpan]:
    """Keep explicit markers; fold mentions of one source in one sentence into one evidence."""
    explicit = [s for s in spans if s.priority in (AUTHOR_YEAR, NUMERIC)]
    cited = {k for s in explicit for k in s.sources}
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


# "Herman discusses this at length in the epilogue": a pointer naming its author and a part of a work.
_NAME_AND_WORK_PART = re.compile(
    r"^(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][a-z]+\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+(?:van|von|de|der|den)\s+"
    rf"[A-Z]?[\w'’-]+)?)\b.*\bin\s+(?:the|her|his|their)\s+(?:[\w-]+\s+)?(?P<part>{WORK_PART})\b")


def find_work_part(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """A pointer sentence ("Linehan describes each module in detail in the manual") names the work
    it points to: the author's only work, or among several the one whose title holds the work word
    ("manual") or, for "book", the one book."""
    sentence = text[unit.start:unit.end]
    match = _NAME_AND_WORK_PART.match(sentence)
    if not match or not refers_back(sentence):
        return []
    works = works_by(index, [match.group("name")])
    part = match.group("part").lower()
    if len(works) > 1:
        named = [r for r in works if part in words_of(main_title(r))]
        books = [r for r in works if r.entry_type.lower() in _BOOK_TYPES] if part == "book" else []
        works = named or books
    if len(works) != 1:
        return []
    start, end = unit.start + match.start("name"), unit.start + match.end("part")
    return [EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                         [works[0].key], True, priority=AUTHOR_WORK)]


# "I first read van der Kolk's book on a train", "I give families The Body Keeps the Score": the
# writer reading, giving or recommending a work is an anecdote about it, no evidence from it.
_WRITER_USES = (r"(?:read|reads|re-?read|picked up|bought|borrowed|came across|discovered|listened to|"
                r"finished|started|got hold of|was given|give|gives|gave|hand|hands|handed|recommend|"
                r"recommends|recommended|assign|assigns|assigned|lend|lends|lent|keep|keeps|kept|"
                r"prescribe|prescribe[sd]|pass on|passed on|point \w+ to|pointed \w+ to)")
# Not across "that": "I recommend that families see what Herman's study found" reports the study.
# "My sister gave me X", "My husband swears by X": someone close to the writer using a work is the
# same kind of anecdote.
_CLOSE_PERSON = (r"(?:[Mm]y|[Oo]ur)\s+(?:[\w-]+\s+)?(?:sister|brother|husband|wife|partner|spouse|"
                 r"mother|mum|mom|father|dad|parents?|son|daughter|kids?|children|friends?|colleagues?|"
                 r"boss|aunt|uncle|grand(?:mother|father|ma|pa)|cousin|neighbou?r|roommate|flatmate|"
                 r"boyfriend|girlfriend|fianc[eé]e?|family)")
_SWEARS_BY = r"(?:swears? by|swore by|loves?|loved|raves? about|raved about|lives? by|lived by)"
_READING = re.compile(rf"(?:\b(?:I|[Ww]e)|{_CLOSE_PERSON})\s+(?:\w+\s+)?(?:{_WRITER_USES}|{_SWEARS_BY})"
                      rf"\s+(?:(?:(?!\bthat\b)[^,;.:])*\s)?$")
# "I heard Ratey speak at a conference": seeing or hearing an author in person is no evidence from
# their work, whatever else the sentence says about them.
_HEARD_SPEAK = re.compile(
    rf"(?:\b(?:I|[Ww]e)|{_CLOSE_PERSON})\s+(?:once\s+|first\s+|finally\s+)?(?:heard|saw|watched|met)\s+"
    r"(?:Dr\.?\s+|Professor\s+|Prof\.?\s+)?(?:[A-Z][\w'’-]+\s+){1,3}"
    r"(?:speak|talk|lecture|present|give\s+a\s+(?:talk|lecture|keynote)|in\s+person)\b")
# "Herman's Trauma and Recovery (1992) remains the book I hand to every trainee": the same, with
# the work first and the writer's use in a relative clause after it.
_USED_BY_WRITER = re.compile(
    rf"^(?:['’]s)?\s*(?:\([^()]{{1,30}}\)\s*)?(?:is|was|remains|has been|became|is still|was still)\s+"
    rf"(?:still\s+)?(?:the|a|one|my)\s+(?:[\w-]+\s+){{0,3}}?(?:of the\s+)?(?:[\w-]+\s+)?"
    rf"(?:that\s+|which\s+)?(?:I|we)\s+(?:\w+\s+)?{_WRITER_USES}\b")


def _read_by_writer(text: str, unit: Unit, span: EvidenceSpan, heard_speak: bool) -> bool:
    """True when a mention is the object of a first-person anecdote of reading, giving or
    recommending it ("I read X", "I hand families X", "X remains the book I recommend", "My sister
    gave me X"), or sits in a sentence about hearing its author speak (`heard_speak`, found once
    per unit). "I read …" is looked for in a bounded window before the mention, so a sentence of
    thousands of mentions is not rescanned from its start for each."""
    before = text[max(unit.start, span.start - BEFORE_NAME_WINDOW):span.start]
    return bool(heard_speak or _READING.search(before)
                or _USED_BY_WRITER.match(text[span.end:min(unit.end, span.end + BEFORE_NAME_WINDOW)]))


def unit_citations(text: str, unit: Unit, index: RefIndex, brackets_only: bool,
                   read: list[EvidenceSpan] | None = None) -> list[EvidenceSpan]:
    """All citations and mentions in one unit, quotes folded into the citation they belong to.
    Works the writer only reads ('I read X on a flight') go to `read`, not into the result."""
    spans = (find_author_year(text, unit, index) + find_numeric(text, unit, index, brackets_only)
             + find_titles(text, unit, index) + find_author_work(text, unit, index)
             + find_studies(text, unit, index) + find_possessive_year(text, unit, index)
             + find_made_by(text, unit, index) + find_attributed_quote(text, unit, index)
             + find_work_part(text, unit, index))
    if not spans:
        spans = find_year_first(text, unit, index)
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


# --- sentences that continue a source cited just before --------------------------------

# "She argues …", "The researchers found …", "This account suggests …", "On this account, …".
_CONTINUES = re.compile(
    rf"^(?:(?:She|He|They|The (?:researchers|authors|investigators|study|paper|book|team|review|trial|"
    rf"survey)|(?:This|That) (?:study|paper|book|account|work|team|review|research|trial|survey)|"
    rf"Their (?:study|data|results|findings)"
    rf"|(?:The|This|That) (?:book|study|paper|report|review|article)['’]s(?:\s+[a-z\-]+){{1,3}}?)"
    rf"\s+{_ADVERB}"
    rf"(?:{REPORTING}|offers|gives|lists|sets out|recommends|traces)\b"
    r"|(?:On|According to|Under|In) (?:this|that|their|his|her) (?:account|view|theory|model|framework|"
    r"reading|analysis|interpretation)\b)"
)
# "Harlow concluded …", "Van der Kolk also claims …", "According to Seligman and Maier, …".
_NAME_REPORTS = re.compile(
    rf"(?:\bAccording to\s+(?P<according>{NAME_LIST})(?:{ETAL})?\s*,"
    rf"|(?<![\w’'])(?P<names>{NAME_LIST})(?:{ETAL})?\s+{_ADVERB}{REPORTING}\b)"
)


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
)
# "In their 1974 paper in Science, they showed …": year, work and venue; names in the sentence before.
_PRONOUN_YEAR = re.compile(
    rf"^(?:[A-Z]+:\s+)?In (?:their|his|her) (?P<year>1[5-9]\d\d|20\d\d)\s+(?P<hints>(?:[\w&-]+\s+){{0,2}}?)"
    rf"{_WORK_NOUN}(?P<venue>\s+in\s+(?:the\s+)?[A-Z][\w&-]*(?:\s+(?:of\s+)?[A-Z][\w&-]*){{0,4}})?"
    r",\s+(?:they|he|she)\b"
)
SAME_SOURCE_WINDOW = 3  # units back that "the same study" may reach


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
        self.cited = _History(units, index, keep_cited=False) if keep_cited else self

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
            for year in _years_of(self.index.by_key(key)):
                self.keys_by_year.setdefault(year, set()).add(key)
        if self.cited is not self and not entry.read:
            self.cited.add(entry)

    def since(self, unit_index: int) -> list[_Cited]:
        """The entries of units from `unit_index` on, in order."""
        return self.entries[bisect.bisect_left(self.entry_units, unit_index):]


def continuation_evidence(text: str, unit: Unit, units: list[Unit], index: RefIndex,
                          history: _History, headings: Sequence[int] = (),
                          lead_ins: dict[int, int] | None = None) -> EvidenceSpan | None:
    """Evidence for a sentence without its own citation that continues one cited just before:
    a pronoun or 'the researchers' with a reporting verb takes the last source cited in the
    paragraph (or, opening a paragraph, in the previous one); a bare surname with a reporting
    verb takes that author's only work when it was cited in this or the previous paragraph;
    'the same study' / 'that book' the work mentioned within the last few units; a pronoun with
    any verb the single source of the sentence right before; 'In their 1974 paper, they' the
    work of that year by the people named in the sentence before."""
    sentence = text[unit.start:unit.end]
    cited = history.cited
    nearby = _nearby_citations(unit, units, cited)
    lead = _CONTINUES.match(sentence)
    if lead and nearby and len(nearby[-1].sources) == 1:
        return _continuation(unit, lead.start(), lead.end(), text, nearby[-1].sources)
    same = _SAME_SOURCE.search(sentence)
    referent = _recent_referent(unit, units, history, headings, sentence, index) if same else None
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
    pronoun = _PRONOUN_OPENS.match(sentence)
    before = _sentence_before(unit, units, cited, lead_ins or {})
    if pronoun and not _DUMMY_IT.match(sentence) and len(before) == 1 and len(before[0].sources) == 1:
        return _continuation(unit, pronoun.start(), pronoun.end(), text, before[0].sources)
    return _name_reports(text, unit, units, index, history)


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
    """'Harlow concluded …': the author's only work when it was cited nearby; 'Ann Masten
    argued …' (given and family name, at first mention): the author's only work, cited or not."""
    sentence = text[unit.start:unit.end]
    cited_nearby = _nearby_keys(unit, units, history)
    for match in _NAME_REPORTS.finditer(sentence):
        names = match.group("according") or match.group("names")
        works = works_by(index, _split_names(names))
        if len(works) != 1 or len(works_by(index, _split_names(names)[:1])) != 1:
            continue
        full_name = _given_name_before(sentence[:match.start()], works[0])
        if works[0].key in cited_nearby or full_name:
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
    scored = [(_authors_named_in(r, previous), r) for r in index.references if year in _years_of(r)]
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


def experience_evidence(text: str, unit: Unit, is_comment: bool) -> EvidenceSpan | None:
    """First-person anecdote ('I have seen …'), or a comment writer's testimony ('in our case')."""
    sentence = text[unit.start:unit.end]
    anecdote = _ANECDOTE.search(sentence)
    if anecdote:
        return EvidenceSpan(str(EvidenceKind.ANECDOTE), unit.start, unit.end, anecdote.group(0), unit.index)
    testimony = _TESTIMONY.search(sentence) if is_comment else None
    if testimony:
        return EvidenceSpan(str(EvidenceKind.TESTIMONY), unit.start, unit.end, testimony.group(0), unit.index)
    return None


# --- which claims evidence supports -----------------------------------------------------


class _ClaimIndex:
    """Where a document's claims are, by unit and by block, built once per document so that
    finding the claims a piece of evidence supports does not rescan every claim."""

    def __init__(self, doc: ParsedDocument, units: list[Unit], claims: list[ClaimSpan]) -> None:
        self.by_unit = {c.unit: i for i, c in enumerate(claims)}
        self.all_at_unit: dict[int, list[int]] = {}
        self.by_block: dict[int, list[int]] = {}  # claim indexes of each block, ascending
        self.units_by_block: dict[int, list[int]] = {}  # their units, for bisect
        for i, claim in enumerate(claims):
            self.all_at_unit.setdefault(claim.unit, []).append(i)
            block = units[claim.unit].block
            self.by_block.setdefault(block, []).append(i)
            self.units_by_block.setdefault(block, []).append(claim.unit)
        self.claim_units = [c.unit for c in claims]
        self.sorted_units = self.claim_units == sorted(self.claim_units)
        self.led_by: dict[int, list[int]] = {}
        for i, block in enumerate(doc.blocks):
            if block.kind == LIST_ITEM and block.lead_in is not None:
                self.led_by.setdefault(block.lead_in, []).append(i)
        self.pointed_back: dict[int, list[int]] = {}

    def in_blocks(self, blocks: Iterable[int]) -> list[int]:
        """Indexes of the claims whose unit lies in one of `blocks`, ascending."""
        return sorted(i for block in set(blocks) for i in self.by_block.get(block, ()))

    def before(self, unit_index: int, claims: list[ClaimSpan]) -> list[int]:
        """Indexes of the claims whose unit comes before `unit_index`, ascending."""
        if self.sorted_units:
            return range(bisect.bisect_left(self.claim_units, unit_index))  # type: ignore[return-value]
        return [i for i, c in enumerate(claims) if c.unit < unit_index]

    def in_block_around(self, block: int, unit_index: int) -> tuple[list[int], list[int]]:
        """Claims of `block` whose unit is before `unit_index`, and those after it."""
        indexes, block_units = self.by_block.get(block, []), self.units_by_block.get(block, [])
        if block_units != sorted(block_units):
            return ([i for i, u in zip(indexes, block_units, strict=True) if u < unit_index],
                    [i for i, u in zip(indexes, block_units, strict=True) if u > unit_index])
        return (indexes[:bisect.bisect_left(block_units, unit_index)],
                indexes[bisect.bisect_right(block_units, unit_index):])


def _list_items_led_by(doc: ParsedDocument, block_index: int, claim_index: _ClaimIndex | None = None
                       ) -> list[int]:
    """Indexes of the list-item blocks that the block at `block_index` introduces."""
    if claim_index is not None:
        items = claim_index.led_by.get(block_index, [])
    else:
        items = [i for i, b in enumerate(doc.blocks) if b.kind == LIST_ITEM and b.lead_in == block_index]
    if items:
        return items
    following = []
    for i in range(block_index + 1, len(doc.blocks)):
        if doc.blocks[i].kind != LIST_ITEM:
            break
        if doc.blocks[i].lead_in not in (None, block_index):
            break
        following.append(i)
    return following


def supported_claims(doc: ParsedDocument, units: list[Unit], claims: list[ClaimSpan],
                     evidence: EvidenceSpan, claim_index: _ClaimIndex | None = None) -> list[int]:
    """Indexes of the claims a piece of evidence supports (`claim_index`: the document's, when
    the caller has built it once for all its evidence)."""
    where = claim_index or _ClaimIndex(doc, units, claims)
    unit = units[evidence.unit]
    sentence = doc.text[unit.start:unit.end]
    own = where.by_unit.get(unit.index)
    if evidence.kind in (EvidenceKind.ANECDOTE, EvidenceKind.TESTIMONY):
        if own is not None and _carries_own_claim(sentence, evidence.marker):
            return [own]
        backed = _backed_claim(units, claims, unit, own, where)
        return sorted({i for i in (own, backed) if i is not None})
    if own is not None:
        if _MAKES_THE_POINT.match(sentence) and evidence.sources:
            before = [i for i in where.all_at_unit.get(unit.index - 1, [])
                      if units[claims[i].unit].block == unit.block]
            return before + [own]
        return [own]
    if sentence.rstrip().endswith(":"):
        led = where.in_blocks(_list_items_led_by(doc, unit.block, where))
        if led:
            return led
    if refers_back(sentence):
        earlier = where.before(unit.index, claims)
        if not earlier:
            return []
        last = earlier[-1]
        if last not in where.pointed_back:
            where.pointed_back[last] = _list_pointed_back_to(doc, units, claims, last, where)
        return list(where.pointed_back[last])
    if evidence.priority == CONTINUATION:  # "Same paper. Arbitrary numbers …": the fragment names
        later = where.in_block_around(unit.block, unit.index)[1]  # the source of the claim that follows it
        return later[:1]
    return []


def _list_pointed_back_to(doc: ParsedDocument, units: list[Unit], claims: list[ClaimSpan],
                          last: int, claim_index: _ClaimIndex | None = None) -> list[int]:
    """The claims a pointer right after `last` credits: `last` alone, or, when `last` is a list item,
    every claim of the items its lead-in introduces ("… has three parts: - … - … This is described
    in Neff (2011).")."""
    block = doc.blocks[units[claims[last].unit].block]
    if block.kind != LIST_ITEM:
        return [last]
    last_block = first = units[claims[last].unit].block
    while first > 0 and (doc.blocks[first - 1].kind, doc.blocks[first - 1].lead_in) == (LIST_ITEM,
                                                                                        block.lead_in):
        first -= 1
    run = range(first, last_block + 1)
    if claim_index is not None:
        return claim_index.in_blocks(run)
    return [i for i, c in enumerate(claims) if units[c.unit].block in run]


# "Judith Herman makes this point … in Trauma and Recovery, where she …": a claim of its own that
# also credits the sentence right before it.
_MAKES_THE_POINT = re.compile(
    r"^(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][\w'’\-]+\s+){1,4}(?:also\s+)?(?:makes?|made|raises?|raised|echoe?s|"
    r"echoed|repeats?|repeated|argues?|argued)\s+(?:this|that|the same|a similar)\s+"
    r"(?:point|argument|case|observation)\b"
)


def _carries_own_claim(sentence: str, marker: str) -> bool:
    """'I know from experience that X': the experience backs X, said in the same sentence."""
    position = sentence.find(marker)
    return position >= 0 and bool(re.match(r"\s*,?\s*that\b", sentence[position + len(marker):]))


def _backed_claim(units: list[Unit], claims: list[ClaimSpan], unit: Unit, own: int | None,
                  claim_index: _ClaimIndex | None = None) -> int | None:
    """The claim an anecdote backs: the next claim in its paragraph, else the previous one."""
    if claim_index is not None:  # `own` is at `unit`, so neither before nor after it
        before, after = claim_index.in_block_around(unit.block, unit.index)
        return after[0] if after else before[-1] if before else None
    same_block = [i for i, c in enumerate(claims) if units[c.unit].block == unit.block and i != own]
    after = [i for i in same_block if claims[i].unit > unit.index]
    before = [i for i in same_block if claims[i].unit < unit.index]
    if after:
        return after[0]
    return before[-1] if before else None


def find_evidence(doc: ParsedDocument, units: list[Unit], claims: list[ClaimSpan],
                  index: RefIndex) -> list[EvidenceSpan]:
    """Every piece of evidence in a document, with the claims it supports, in text order.

    A document whose markup links its citations (`doc.citations`: JATS, TEI) takes those links
    as they are instead of the text detectors; experience and testimony are still found.
    """
    if doc.citations:
        return marked_evidence(doc, units, claims, index)
    brackets_only = any(_BRACKET_NUMBERS.search(doc.text[u.start:u.end]) for u in units)
    evidence: list[EvidenceSpan] = []
    history = _History(units, index)
    claim_index = _ClaimIndex(doc, units, claims)
    headings = [i for i, b in enumerate(doc.blocks) if b.kind in (HEADING, TITLE_BLOCK)]
    lead_ins = {i: b.lead_in for i, b in enumerate(doc.blocks)
                if b.kind == LIST_ITEM and b.lead_in is not None}
    for unit in units:
        sentence = doc.text[unit.start:unit.end]
        if looks_like_reference_entry(sentence):
            continue
        read: list[EvidenceSpan] = []
        found = unit_citations(doc.text, unit, index, brackets_only, read)
        if not found:
            continued = continuation_evidence(doc.text, unit, units, index, history, headings, lead_ins)
            found = [continued] if continued else []
        history.extend(_Cited(unit.index, unit.block, e.sources) for e in found if e.resolved and e.sources)
        history.extend(_Cited(unit.index, unit.block, e.sources, read=True) for e in read if e.sources)
        experience = experience_evidence(doc.text, unit, doc.kind == "comment")
        if experience and not found:
            found.append(experience)
        for item in found:
            item.supports = supported_claims(doc, units, claims, item, claim_index)
        evidence.extend(found)
    return sorted(evidence, key=lambda e: (e.start, e.end, e.kind))


def marked_evidence(doc: ParsedDocument, units: list[Unit], claims: list[ClaimSpan],
                    index: RefIndex) -> list[EvidenceSpan]:
    """Evidence of a document whose citations the markup links: one citation per marker, linked
    to exactly the references the markup names; experience and testimony as in the text route."""
    known = {ref.key for ref in index.references}
    starts = [u.start for u in units]
    evidence: list[EvidenceSpan] = []
    for cited in doc.citations:
        at = max(0, bisect.bisect_right(starts, cited.start) - 1)
        if not units or not units[at].start <= cited.start < max(units[at].end, cited.start + 1):
            continue  # a marker outside any sentence (a caption, a table): no claim to support
        keys = [k for k in cited.keys if k in known]
        evidence.append(EvidenceSpan(str(EvidenceKind.CITATION), cited.start, cited.end,
                                     doc.text[cited.start:cited.end], at, keys,
                                     resolved=bool(keys), priority=AUTHOR_YEAR))
    marked_units = {e.unit for e in evidence}
    for unit in units:
        experience = experience_evidence(doc.text, unit, doc.kind == "comment")
        if experience and unit.index not in marked_units:
            evidence.append(experience)
    claim_index = _ClaimIndex(doc, units, claims)
    for item in evidence:
        item.supports = supported_claims(doc, units, claims, item, claim_index)
    return sorted(evidence, key=lambda e: (e.start, e.end, e.kind))


def claim_status(claim_index: int, evidence: list[EvidenceSpan]) -> str:
    """cited (a resolved source), anecdotal (only anecdote/testimony) or unsupported."""
    kinds = [e for e in evidence if claim_index in e.supports]
    if any(e.resolved and e.sources for e in kinds):
        return "cited"
    if any(e.kind in (EvidenceKind.ANECDOTE, EvidenceKind.TESTIMONY) for e in kinds):
        return "anecdotal"
    return "unsupported"


def claim_statuses(claim_count: int, evidence: list[EvidenceSpan]) -> list[str]:
    """claim_status of every claim of a document, in one pass over its evidence."""
    cited, anecdotal = set(), set()
    for item in evidence:
        if item.resolved and item.sources:
            cited.update(item.supports)
        if item.kind in (EvidenceKind.ANECDOTE, EvidenceKind.TESTIMONY):
            anecdotal.update(item.supports)
    return ["cited" if i in cited else "anecdotal" if i in anecdotal else "unsupported"
            for i in range(claim_count)]


# --- challenges ------------------------------------------------------------------------

_DISPUTE = re.compile(
    r"\b(?:I (?:strongly )?disagree|I don['’]t agree|I do not agree|(?:is|that['’]s|this is|it['’]s) "
    r"(?:not true|untrue|false|wrong|misleading|nonsense)|not true|I['’]m not convinced|"
    r"more (?:aspirational|theoretical|idealistic) than (?:practical|realistic)|"
    r"(?:unrealistic|impractical|oversimplified|over-simplified|simplistic)|"
    r"(?:no|little) evidence (?:for|that)|doesn['’]t work|does not work)\b",
    re.IGNORECASE,
)
_CONCESSION = re.compile(
    r"\b(?:great|good|nice|interesting|fine|lovely|helpful|well[- ]written) (?:article|post|piece|read|"
    r"point|idea|theory)\b[^.!?]*?,?\s+(?P<reason>but\b[^.!?]*)",
    re.IGNORECASE,
)


def find_challenge(comment: ParsedDocument, units: list[Unit], article_id: str,
                   article_claims: list[ClaimSpan]) -> Challenge | None:
    """A comment that disputes the article: explicit disagreement, or praise followed by 'but …'."""
    reasons: list[str] = []
    named: list[str] = []
    for unit in units:
        sentence = comment.text[unit.start:unit.end]
        match = _DISPUTE.search(sentence) or _CONCESSION.search(sentence)
        if not match:
            continue
        reasons.append(match.group("reason") if "reason" in match.groupdict() else _clause(sentence, match))
        named.extend(c.id for c in article_claims if _names_claim(sentence, c.text) and c.id not in named)
    if not reasons:
        return None
    return Challenge(comment.id, article_id, " … ".join(r.strip() for r in reasons), named)


def _clause(sentence: str, match: re.Match[str]) -> str:
    """The clause of a sentence around a match (between commas/semicolons)."""
    start = max(sentence.rfind(",", 0, match.start()), sentence.rfind(";", 0, match.start())) + 1
    ends = [i for i in (sentence.find(",", match.end()), sentence.find(";", match.end())) if i != -1]
    return sentence[start:min(ends) if ends else len(sentence)].strip()


def _names_claim(sentence: str, claim: str) -> bool:
    """True when a comment sentence quotes a claim or repeats most of its content words."""
    for quote in _QUOTE.finditer(sentence):
        inner = " ".join(words_of(quote.group(0)))
        if len(inner.split()) >= 3 and inner in " ".join(words_of(claim)):
            return True
    claim_words = {w for w in words_of(claim) if w not in STOPWORDS and len(w) > 3}
    said = {w for w in words_of(sentence) if w not in STOPWORDS and len(w) > 3}
    return len(claim_words) >= 3 and len(claim_words & said) / len(claim_words) >= 0.75
