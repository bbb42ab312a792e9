"""The resolver: matches a candidate marker's names and year (or work words) to References."""

from __future__ import annotations

import re

from ingest.citations.index import RefIndex, _years_of, family_forms
from ingest.citations.text import STOPWORDS, fold, words_of
from ingest.model import Reference


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


# --- why a candidate stays unresolved ---------------------------------------------------


def why_unresolved(index: RefIndex, families: list[str], etal: bool, year: str, hints: str = "") -> str:
    """One line saying why `resolve_author_year` finds no single reference for these names and
    year ('' when it does): no work led by that name, none of that year, co-authors not among
    the entry's, or several works of that year that nothing tells apart. Follows the resolver's
    own steps, so the reason is the one that applies."""
    if resolve_author_year(index, families, etal, year, hints):
        return ""
    led = works_by(index, families[:1])
    if not led:
        return f"no reference has {families[0]!r} as first author"
    match = re.match(r"(\d{4}|n\.d\.|in press)([a-z]?)", year)
    base_year, suffix = match.groups() if match else (year, "")
    years = set(re.findall(r"\d{4}", year)) or {base_year}
    of_year = [r for r in led if _years_of(r) & years or r.year.strip() == year]
    if not of_year:
        printed = ", ".join(sorted({r.year.strip() or "no year" for r in led}))
        return f"{families[0]!r} leads {len(led)} reference(s), none of {year} (theirs: {printed})"
    with_all = works_by(index, families)
    if not etal and not any(r in with_all for r in of_year):
        return (f"{families[0]!r}'s work(s) of {year} do not list all of {', '.join(families[1:])} "
                f"as authors")
    keys = ", ".join(sorted(r.key for r in of_year))
    if suffix:
        return f"the suffix {suffix!r} picks none of the {len(of_year)} work(s) of {year}: {keys}"
    return f"ambiguous: {len(of_year)} works of {year} fit and nothing tells them apart: {keys}"


def why_numbers_unresolved(index: RefIndex, numbers: list[int]) -> str:
    """One line naming the numbers no reference answers ('' when every one does)."""
    missing = [n for n in numbers if n not in index.numbers]
    if not missing:
        return ""
    if not index.numbers:
        return "the article has no numbered reference list, so no number names a reference"
    return (f"no reference is numbered {', '.join(map(str, missing))} "
            f"(the list numbers {min(index.numbers)}–{max(index.numbers)})")
