"""The resolver: matches a candidate marker's names and year (or work words) to References."""

from __future__ import annotations

import re
from urllib.parse import unquote

from graph.schema import normalise_doi
from ingest.citations.index import RefIndex, _years_of, family_forms
from ingest.citations.text import ORIGINAL_YEARS, STOPWORDS, fold, words_of
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
    authors, 'et al.' one with three or more, an a/b suffix the work of that rank in the printed
    list's order (in title order for entries no list printed), '1895/1955' the one dated both
    years, and `hints` (words near the citation: 'JAMA study') the one whose venue they name."""
    return _resolution(index, families, etal, year, hints)[0]


def _resolution(index: RefIndex, families: list[str], etal: bool, year: str,
                hints: str) -> tuple[str | None, str]:
    """(key, '') or (None, why not): `resolve_author_year` and `why_unresolved` in one, memoised."""
    memo_key = ("resolve_author_year", etal, year, hints, *families)
    if memo_key not in index._memo:
        index._memo[memo_key] = _resolve_author_year(index, families, etal, year, hints)
    return index._memo[memo_key]  # type: ignore[return-value]


# Authors an 'et al.' stands for at the least: APA, Harvard and eLife name both authors of a
# two-author work, so "Schuman et al., 2012" is not Schuman and Baldwin (2012).
ETAL_MIN_AUTHORS = 3


_ACRONYM = re.compile(r"[A-Z]{2,8}")
# (Portuguese and Spanish groups too: "Centro de Gestão e Estudos Estratégicos" is CGEE)
_ACRONYM_SKIPS = frozenset("of for the and on in at to de du la le des da do e y em na no nas nos del dos "
                           "das para".split())


def group_acronyms(index: RefIndex) -> dict[str, list[int]]:
    """Initials of every group first author (a family of two or more words and no given name)
    -> positions of its references: 'World Health Organization' -> 'WHO'."""
    def build() -> dict[str, list[int]]:
        acronyms: dict[str, list[int]] = {}
        for position, ref in enumerate(index.references):
            if not ref.authors or ref.authors[0].given:
                continue
            words = [w for w in re.findall(r"[^\W\d_][\w'’\-]*", ref.authors[0].family)
                     if w.lower() not in _ACRONYM_SKIPS]
            if len(words) > 1:
                acronyms.setdefault("".join(w[0] for w in words).upper(), []).append(position)
        return acronyms
    return index.derived("group_acronyms", build)


ABBREVIATION_MIN = 4  # letters an abbreviation needs to stand for the first words of a group's name


def abbreviated_group(index: RefIndex, word: str) -> list[int]:
    """The references of the group author whose initials are `word` written as a word, else of the one
    whose initials begin with it ("Inep", "INEP" for the Instituto Nacional de Estudos e Pesquisas
    Educacionais Anísio Teixeira: INEPEAT), the abbreviation a group uses for its name's first words;
    empty when none or several groups' initials begin so."""
    upper = word.upper()
    if not (word[:1].isupper() and word.isalpha() and ABBREVIATION_MIN <= len(word) <= 8):
        return []
    acronyms = group_acronyms(index)
    if upper in acronyms:  # "Embrapa": the whole initials, written as a word
        return list(acronyms[upper])
    fits = [acronym for acronym in acronyms if acronym.startswith(upper)]
    return list(acronyms[fits[0]]) if len(fits) == 1 else []


_PRINTED_ABBREVIATION = re.compile(r"\(([^\W\d_][\w&\-]{1,11})\)\s*$")
# ... or before it: "IBGE - Instituto Brasileiro de Geografia e Estatística"
_LEADING_ABBREVIATION = re.compile(r"^([A-Z][A-Z&]{1,9})\s+[-–—]\s+\S")


def group_abbreviations(index: RefIndex) -> dict[str, list[int]]:
    """The abbreviation a group first author prints after its name, upper-cased -> positions of its
    references: 'EMPRESA BRASILEIRA DE PESQUISA AGROPECUÁRIA (EMBRAPA)' -> 'EMBRAPA' (cited
    "(EMBRAPA, 2012)" and "Embrapa (2012)")."""
    def build() -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for position, ref in enumerate(index.references):
            family = ref.authors[0].family if ref.authors else ""
            printed = _PRINTED_ABBREVIATION.search(family) or _LEADING_ABBREVIATION.match(family)
            if printed and not ref.authors[0].given and len(family.split()) > 2:
                found.setdefault(printed.group(1).upper(), []).append(position)
        return found
    return index.derived("group_abbreviations", build)


NEAR_SPELLING_MIN = 6  # letters a family name needs before a misspelling of it is read as it


def near_spellings(index: RefIndex, family: str, years: set[str]) -> list[int]:
    """The one reference of these years whose first author's family name differs from `family`
    by a slip of one or two letters ('Riemenschneider' for Reimenschneider, 'Drapper' for
    Draper); empty when none or several do. Only that year's references are compared."""
    from rapidfuzz.distance import Levenshtein

    folded = " ".join(words_of(family))
    if len(folded) < NEAR_SPELLING_MIN or not years:
        return []
    near = [p for p in index.of_years(years) if index.references[p].authors
            and any(Levenshtein.distance(folded, form, score_cutoff=2) <= 2
                    for form in index.author_forms(p)[0] if len(form) >= NEAR_SPELLING_MIN - 1)]
    return near if len(near) == 1 else []


def _co_authors_with_one_slip(index: RefIndex, position: int, co_authors: list[str]) -> bool:
    """Whether the reference lists every one of `co_authors`, one of them misspelt by a single letter
    ("Romar" for Homar, "Gands" for Gandz, "Whright" for Wright; names of NEAR_SPELLING_MIN - 1
    letters or more)."""
    from rapidfuzz.distance import Levenshtein

    forms = index.author_forms(position)
    slips = 0
    for family in co_authors:
        if any(family_forms(family) & rf for rf in forms):
            continue
        folded = " ".join(words_of(family))
        if len(folded) < NEAR_SPELLING_MIN - 1 or not any(
                Levenshtein.distance(folded, form, score_cutoff=1) <= 1
                for rf in forms[1:] for form in rf if len(form) >= NEAR_SPELLING_MIN - 1):
            return False
        slips += 1
    return slips == 1


def given_and_family(index: RefIndex, name: str) -> list[int]:
    """The references whose first author is this whole name read as given names and a family: ABNT
    cites a classical author by the name its list prints as one ("DIÓGENES LAERCIO."), which a
    structured record splits into given name and family ("Laercio, Diógenes")."""
    *given, family = name.split()
    wanted = words_of(" ".join(given))
    return [p for p in index.led_by(family)
            if index.references[p].authors and words_of(index.references[p].authors[0].given) == wanted]


def _named_beyond_etal(index: RefIndex, position: int, co_authors: list[str]) -> bool:
    """Whether a list entry cut short by "et al." ("ROSLER, R. et al.") fits a citation naming more
    authors than it lists: each co-author the entry lists is named, in the entry's order, and the
    citation names more authors than the entry does."""
    ref = index.references[position]
    forms = index.author_forms(position)[1:]
    if not ref.others or len(co_authors) < len(forms) + 1:
        return False
    named = iter(co_authors)
    return all(any(family_forms(f) & rf for f in named) for rf in forms)


def titled(index: RefIndex, words: str) -> list[int]:
    """The references without authors whose title begins with these words: ABNT cites such a work
    by them ('ARGENTINA...' for 'ARGENTINA de regreso al FMI …'); also those whose "author" is
    that title (SciELO's JATS marks it up as a collab)."""
    folded = " ".join(words_of(words))
    if not folded:
        return []
    by_first_word = index.derived("authorless_by_title_word", lambda: _authorless_by_title_word(index))
    return [p for p, title in by_first_word.get(folded.split()[0], ())
            if title == folded or title.startswith(folded + " ")]


def _authorless_by_title_word(index: RefIndex) -> dict[str, list[tuple[int, str]]]:
    found: dict[str, list[tuple[int, str]]] = {}
    for position, ref in enumerate(index.references):
        if ref.authors and ref.authors[0].given:
            continue
        title = " ".join(words_of(ref.authors[0].family if ref.authors else ref.title))
        if title:
            found.setdefault(title.split()[0], []).append((position, title))
    return found


def _year_fits(index: RefIndex, position: int, years: set[str], year: str) -> bool:
    """Whether the reference at `position` is of the printed `year` (any of `years`, its 4-digit
    years); a printed 'in press' or 'n.d.' fits an entry whose year field holds no year."""
    ref = index.references[position]
    if years:
        return bool(index.years_of(position) & years)
    return ref.year.strip().lower() == year.lower() or not re.search(r"\d{4}", ref.year)


_PRINTED_ORIGINS = frozenset({"reference-list", "pdf"})
# A generation's suffix the citation prints with the family name and the entry among the given names
# (Brazilian "Júnior", "Filho", "Neto", "Sobrinho"; "Jr.").
_GENERATION = re.compile(r"\s+(?:J[úu]nior|J[ÚU]NIOR|Jr\.?|JR\.?|Filho|FILHO|Neto|NETO|Sobrinho|SOBRINHO)$")


def _resolve_author_year(index: RefIndex, families: list[str], etal: bool, year: str,
                         hints: str) -> tuple[str | None, str]:
    first = families[0]
    led = index.led_by(first)
    if len(first.split()) > 1 and all(w[:1].isupper() or w[:1].isdigit() for w in first.split()):
        # a group's whole name ("Closed Replication Group"), not its last word ("Group")
        whole = " ".join(words_of(first))
        led = [p for p in led if whole in index.author_forms(p)[0]]
    if not led and _ACRONYM.fullmatch(first):  # "(WHO, 2016)": the World Health Organization's
        led = group_acronyms(index).get(first, [])
    if not led and " " not in first:
        led = group_abbreviations(index).get(first.upper(), [])
    if not led and " " not in first:  # "(Inep, 2024a)": the first initials of the Instituto Nacional de
        led = abbreviated_group(index, first)  # Estudos e Pesquisas Educacionais Anísio Teixeira
    original = _ORIGINAL_YEARS.search(year)  # "2011 [1954-1961]": the edition of 2011 of that work
    year, originals = (year[:original.start()], set(re.findall(r"\d{4}", original.group(0)))) if original \
        else (year, set())
    years = set(re.findall(r"\d{4}", year))
    if not led and _GENERATION.search(first):  # "(TEIXEIRA JÚNIOR; SOUZA, 2019)" for "TEIXEIRA, J. G. JÚNIOR"
        led = index.led_by(_GENERATION.sub("", first))
    if not led and " " in first.strip():  # "(DIÓGENES LAERCIO, 2010)" for the entry "Laercio, Diógenes"
        led = given_and_family(index, first)
    if not led:
        led = near_spellings(index, first, years) or titled(index, first)
    if not led:
        return None, f"no reference has {first!r} as first author"
    suffix_match = re.fullmatch(r"\d{4}([a-z])", year)
    suffix = suffix_match.group(1) if suffix_match else ""
    of_year = [p for p in led if _year_fits(index, p, years, year)]
    if not of_year:
        printed = ", ".join(sorted({index.references[p].year.strip() or "no year" for p in led}))
        return None, f"{first!r} leads {len(led)} reference(s), none of {year} (theirs: {printed})"
    candidates = [index.references[p] for p in of_year
                  if all(any(family_forms(f) & rf for rf in index.author_forms(p)) for f in families[1:])]
    if not candidates:  # "Alzola, Hennig, & Romar, 2020" for "Homar", "Snow, Whright and Warren": one slip
        candidates = [index.references[p] for p in of_year
                      if _co_authors_with_one_slip(index, p, families[1:])]
        candidates = candidates if len(candidates) == 1 else []
    if not candidates:  # "(Rosler, Zaaloff, Hernández … y Santiago, 2008)" for "ROSLER, R. et al.": the
        # text names the co-authors the list's "et al." leaves out; every co-author it lists must be named
        candidates = [index.references[p] for p in of_year if _named_beyond_etal(index, p, families[1:])]
        candidates = candidates if len(candidates) == 1 else []
    if not candidates:
        return None, (f"{first!r}'s work(s) of {year} do not list all of {', '.join(families[1:])} "
                      f"as authors")
    told_by = []  # what narrowed the candidates down, for the reason of an ambiguity left
    if len(candidates) > 1 and etal:
        many = [r for r in candidates if len(r.authors) >= max(ETAL_MIN_AUTHORS, len(families) + 1)]
        if many and len(many) < len(candidates):
            candidates, told_by = many, told_by + ["'et al.'"]
    if len(candidates) > 1 and not etal:  # "Hjørland (2003)": the sole-author work, not Hjørland & Hartel
        exact = [r for r in candidates if len(r.authors) == len(families) and not r.others]
        if exact and len(exact) < len(candidates):
            candidates, told_by = exact, told_by + ["the authors named"]
    if not suffix and len(candidates) > 1:  # "(NBS, 2024, 2024a)": the list prints 2024 and 2024a
        printed = {r.key: (r.fields.get("year_printed") or r.year).strip() for r in candidates}
        plain = [r for r in candidates if printed[r.key] == year]
        if len(plain) == 1 and all(re.fullmatch(r"\d{4}[a-z]", printed[r.key]) for r in candidates
                                   if r is not plain[0]):
            return plain[0].key, ""
    if suffix and len(candidates) > 1:
        exact = [r for r in candidates if (r.fields.get("year_printed") or r.year).strip().endswith(suffix)]
        if len(exact) == 1:
            return exact[0].key, ""
        # no suffix in the entries: "In his American Psychologist article (Kahneman, 2003a)", the
        # venue the sentence names decides before title order does
        named = pick_by_venue(candidates, hints) if hints else []
        if len(named) == 1:
            return named[0].key, ""
        # a printed list prints 2021a before 2021b, whatever its style sorts by (Solar Physics: not by
        # title); a .bib's order tells nothing, so there APA's title order decides
        listed = all(r.fields.get("printed") for r in candidates)
        ordered = candidates if listed else sorted(candidates, key=apa_title_order)
        rank = ord(suffix) - ord("a")
        if rank < len(ordered):
            return ordered[rank].key, ""
        return None, (f"the suffix {suffix!r} picks none of the {len(ordered)} work(s) of {year[:4]} "
                      f"(in {'list' if listed else 'title'} order: {', '.join(r.key for r in ordered)})")
    if len(candidates) > 1 and len(years) > 1:  # "(Freud, 1895/1955)": the work dated both years
        best = max(len(_years_of(r) & years) for r in candidates)
        dated = [r for r in candidates if len(_years_of(r) & years) == best]
        if len(dated) < len(candidates):
            candidates, told_by = dated, told_by + [f"the years {year}"]
    if len(candidates) > 1 and originals:
        dated = [r for r in candidates if originals <= original_years(r)]
        if dated and len(dated) < len(candidates):
            candidates, told_by = dated, told_by + [f"the original date {original.group(0).strip()}"]
    if len(candidates) > 1:  # the one the page's own printed list holds ("Sources:" under a post)
        own = [r for r in candidates if r.listed or r.origin in _PRINTED_ORIGINS]
        if own and len(own) < len(candidates):
            candidates, told_by = own, told_by + ["the page's own list"]
    if len(candidates) > 1 and hints:
        candidates = pick_by_venue(candidates, hints) or candidates
    if len(candidates) == 1:
        return candidates[0].key, ""
    counts = sorted({len(r.authors) for r in candidates})
    same = (f"each has {counts[0]} author(s)" if len(counts) == 1
            else f"they have {'/'.join(map(str, counts))} authors")
    narrowed = f" after {' and '.join(told_by)}" if told_by else ""
    return None, (f"ambiguous: {len(candidates)} works by {first} of {year} fit{narrowed} and nothing "
                  f"tells them apart ({same}, no a/b suffix): {', '.join(sorted(r.key for r in candidates))}")


_ORIGINAL_YEARS = re.compile(ORIGINAL_YEARS)


def original_years(ref: Reference) -> set[str]:
    """The years of a work's first publication its entry names: an origyear field, a year or span in
    square brackets in its title or printed entry ("O discurso no romance [1934-1935]"), the second of
    "2011/1979"."""
    years = {ref.fields[f][:4] for f in ("origyear", "origdate") if ref.fields.get(f)}
    for text in (ref.title, ref.fields.get("printed", "")):
        for bracket in re.finditer(r"\[\s*((?:1[5-9]|20)\d\d)(?:\s?[-–]\s?((?:1[5-9]|20)\d\d))?\s*\]", text):
            years |= {y for y in bracket.groups() if y}
        years |= set(re.findall(r"(?<![\d/])(?:1[5-9]|20)\d\d/((?:1[5-9]|20)\d\d)(?![\d/])", text))
    return years


def apa_title_order(ref: Reference) -> str:
    """APA's sort key for same-author, same-year works (2006a, 2006b): the title without a
    leading 'A', 'An' or 'The'."""
    return re.sub(r"^(?:a|an|the)\s+", "", fold(ref.title).strip())


VENUE_FIELDS = ("journal", "booktitle", "publisher", "series", "howpublished")


def pick_by_venue(candidates: list[Reference], hints: str) -> list[Reference]:
    """The candidate whose journal/publisher shares the most hint words (capitalised in the text,
    so 'JAMA', 'Science', 'American Psychologist'); empty when the hints name none or several
    equally."""
    hint_words = {w for w in words_of(" ".join(re.findall(r"\b[A-Z][\w&-]*", hints)))
                  if w not in STOPWORDS and len(w) > 2}
    if not hint_words:
        return []
    shared = [(len(hint_words & set(words_of(" ".join(r.fields.get(f, "") for f in VENUE_FIELDS)))), r)
              for r in candidates]
    best = max(count for count, _ in shared)
    picked = [r for count, r in shared if count == best]
    return picked if best and len(picked) == 1 else []


# --- why a candidate stays unresolved ---------------------------------------------------


def why_unresolved(index: RefIndex, families: list[str], etal: bool, year: str, hints: str = "") -> str:
    """One line saying why `resolve_author_year` finds no single reference for these names and
    year ('' when it does): no work led by that name, none of that year, co-authors not among
    the entry's, a suffix beyond the works of that year, or several works that nothing tells
    apart (naming them). The resolver's own steps give the reason, so it is the one that applies."""
    return _resolution(index, families, etal, year, hints)[1]


def why_numbers_unresolved(index: RefIndex, numbers: list[int]) -> str:
    """One line naming the numbers no reference answers ('' when every one does)."""
    missing = [n for n in numbers if n not in index.numbers]
    if not missing:
        return ""
    if not index.numbers:
        return "the article has no numbered reference list, so no number names a reference"
    return (f"no reference is numbered {', '.join(map(str, missing))} "
            f"(the list numbers {min(index.numbers)}–{max(index.numbers)})")


# --- web addresses ---------------------------------------------------------------------

# A DOI inside a publisher's address: "https://onlinelibrary.wiley.com/doi/full/10.1111/cdev.12345".
_DOI_IN_PATH = re.compile(r"/doi/(?:abs/|full/|pdf/|epdf/|epub/)?(10\.\d{4,9}/[^?#\s]+)", re.I)


def normal_address(href: str) -> str:
    """What a link or a reference's doi/url field points to, in one form: 'doi:10.1038/2870' for a
    DOI however written ('https://doi.org/10.1038/2870', 'doi:10.1038/2870', a publisher's
    '…/doi/full/10.1111/…'), else the address without scheme, 'www.', fragment or final '/', in
    lower case ('https://www.who.int/news/item/1/' -> 'who.int/news/item/1'); '' for nothing."""
    value = unquote(href.strip())
    doi = normalise_doi(value)
    if not doi:
        inside = _DOI_IN_PATH.search(value)
        doi = inside.group(1).lower().rstrip(".") if inside else ""
    if doi:
        return f"doi:{doi}"
    if not re.match(r"https?://", value, re.I):
        return ""
    address = re.sub(r"^https?://(?:www\.)?", "", value, flags=re.I).split("#")[0].rstrip("/").lower()
    return address if "." in address.split("/")[0] else ""


def _addresses(index: RefIndex) -> dict[str, str]:
    """Normal address -> key, for each reference's doi and url fields; an address two references
    share (two records of one work under two keys) names neither."""
    table: dict[str, str] = {}
    shared: set[str] = set()
    for ref in index.references:
        for name in ("doi", "url"):
            address = normal_address(ref.fields.get(name, ""))
            if not address:
                continue
            if table.get(address, ref.key) != ref.key:
                shared.add(address)
            table.setdefault(address, ref.key)
    return {address: key for address, key in table.items() if address not in shared}


def resolve_address(index: RefIndex, href: str) -> str | None:
    """The key of the one reference whose DOI or URL is where `href` points, else None."""
    address = normal_address(href)
    return index.derived("addresses", lambda: _addresses(index)).get(address) if address else None
