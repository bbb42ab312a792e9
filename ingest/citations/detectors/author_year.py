"""Detector: parenthetical '(Herman, 1992; Jordan et al., 1992)' and narrative 'Herman (1992)'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.schema import EvidenceKind
from ingest.citations.index import RefIndex
from ingest.citations.model import AUTHOR_YEAR, EvidenceSpan
from ingest.citations.resolver import resolve_author_year, why_unresolved
from ingest.citations.text import (
    AND,
    ETAL,
    LETTER,
    NAME,
    NO_YEAR,
    PARTICLE,
    UPPER,
    YEAR_LIST,
    _split_names,
    split_years,
    words_of,
)
from ingest.claims import Unit
from ingest.model import PersonName

_PAREN = re.compile(r"\(([^()]*)\)")
# AAS/ApJ print a person's initials before the family name: "A. J. Bechter et al. (2020)", "(V. V.
# Makarov & G. H. Kaplan 2005)", "J.-P. Zahn". Not after a letter or a stop ("the U.S. Smith Center").
_INITIALS = rf"(?<![\w.'’\-])[{UPPER}]\.(?:\s?-?\s?[{UPPER}]\.)*\s+"
_LEADING_INITIALS = re.compile(rf"^[{UPPER}]\.(?:\s?-?\s?[{UPPER}]\.)*\s+(?=[{UPPER}]|{PARTICLE})")
_AUTHOR = rf"(?:{_INITIALS})?{NAME}"
NAME_LIST = rf"{_AUTHOR}(?:\s*,\s*{_AUTHOR})*(?:\s*,?\s*{AND}\s+{_AUTHOR})?"


def author_families(names: str) -> list[str]:
    """The family names of a matched author list, without the initials printed before them:
    'V. V. Makarov & G. H. Kaplan' -> ['Makarov', 'Kaplan']."""
    return [_LEADING_INITIALS.sub("", name) for name in _split_names(names)]


# A family name of two capitalised words ("Maíz Apellániz", "Pantaleoni González"): read so only when
# a reference lists that very family (see _wide_families); the extra word is otherwise an opener.
_EXTRA_WORD = rf"[{UPPER}][{LETTER}'’\-]+"
_WIDE_AUTHOR = rf"(?:{_INITIALS})?(?:{_EXTRA_WORD}\s+)?{NAME}"
_WIDE_LIST = rf"{_WIDE_AUTHOR}(?:\s*,\s*{_WIDE_AUTHOR})*(?:\s*,?\s*{AND}\s+{_WIDE_AUTHOR})?"
_EXTRA_SPLIT = re.compile(rf"(?P<extra>{_EXTRA_WORD})\s+(?P<name>{NAME})")
_NAME_ONLY_FULL = re.compile(NAME)


def _multiword_families(index: RefIndex) -> frozenset[str]:
    """The folded family names of two or more words the references give persons ("maiz apellaniz")."""
    return index.derived("multiword_families", lambda: frozenset(
        folded for ref in index.references for person in ref.authors if person.given
        for folded in [" ".join(words_of(person.family))] if " " in folded))


def _wide_families(names: str, known: frozenset[str]) -> tuple[list[str], int] | None:
    """The families of an author list read with two-word names, and where the first two-word one is:
    a two-word name a reference lists stays one family ("Maíz Apellániz"), any other loses its first
    word to the list ("Also Herman" -> "Also", "Herman": an opener). None when no two-word family is
    known."""
    families: list[str] = []
    first_known = -1
    for name in author_families(names):
        if " ".join(words_of(name)) in known and not _NAME_ONLY_FULL.fullmatch(name):
            first_known = len(families) if first_known < 0 else first_known
            families.append(name)
            continue
        split = None if _NAME_ONLY_FULL.fullmatch(name) else _EXTRA_SPLIT.fullmatch(name)
        families += [split.group("extra"), split.group("name")] if split else [name]
    return (families, first_known) if first_known >= 0 else None
# "[Garrett and Grisham, 2005]", "[Bridgham et al., 2006; Ortlund et al., 2007]": author–year in
# square brackets, as eLife prints a citation inside a parenthesis. Numbers in brackets are numeric.
_BRACKET = re.compile(r"\[([^\[\]()]*)\]")
_LETTER_AND_YEAR = re.compile(r"[^\W\d_].*\d{4}", re.DOTALL)


def _author_year_brackets(segment: str) -> list[re.Match[str]]:
    """The square brackets of `segment` that hold a letter and then a four-digit year (one linear
    scan; a pattern requiring both inside the brackets backtracked quadratically)."""
    return [m for m in _BRACKET.finditer(segment) if _LETTER_AND_YEAR.search(m.group(1))]
_PART_PREFIX = re.compile(r"^(?:see for (?:instance|example),?|see also|but see|see|e\.g\.,?|i\.e\.,?|cf\.|"
                          r"for (?:example|instance),?|notably,?|for a review,? see|"
                          r"as cited in|as quoted in)\s+",
                          re.IGNORECASE)
# "(see Jordan et al., 1992, for details)", "(see Margueron and Reinberg, 2010 for a recent review)",
# "(see Grown and Valodia, 2010, for a survey)",
# "(Yang et al., 2005 and unpublished data)": the trailing pointer is not part of the citation.
_PART_SUFFIX = re.compile(r",?\s+(?:for (?:a |an |the |more |further )?(?:\w+\s+)?(?:details|review|reviews|"
                          r"overview|discussion|examples|summary|survey|surveys|more)"
                          r"|and (?:unpublished|references|"
                          r"see\b).*|as (?:a |an )?(?:review|example)"
                          r"|for (?:analyses|analysis|data|examples?|reviews?) (?:of|on)\b.*)\s*$",
                          re.IGNORECASE)
# "(Janet, 1889, as cited in Herman, 1992)": the secondary source is what the writer read.
_CITED_IN = re.compile(r",?\s*\bas (?:cited|quoted|reported) (?:in|by)\s+", re.IGNORECASE)
# After the year: "p. 45", "pp. 3-9", "chap. 2", a bare page ("(Hjørland 2002b, 257)") or Harvard's
# "(Smith, 2010: 45)"; ABNT's "s/p" (no page: "(ACOSTA-PEREIRA, 2016, s/p)").
# Glossa's "(2016: §3)" and "(Stolz et al. 2014: 109, 119, 145–147)" too; a video's time stamp,
# minutes′ seconds″ ("(ÍNDIO..., 2014, 5′ 02″)", "1h 32′ 10″").
_TIME_STAMP = r"(?:\d{1,2}\s*h\s*)?\d{1,3}\s*[′']\s*(?:\d{1,2}\s*[″\"])?"
_LOCATOR = (r"(?:\s*,\s*(?:(?:pp?\.|chap\.|ch\.|para\.|p\b|section|sec\.)\s*[\w\s\-–,]*|s/p\b|s\.\s?p\."
            rf"|{_TIME_STAMP}"
            r"|\d{1,3}(?:\s*[-–]\s*\d{1,4})?)|\s*:\s*§?\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?"
            r"(?:\s*,\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?(?!\d))*)?")
# A classical work's book and section between the author and the edition's year: "(DIÓGENES LAERCIO, VI 77,
# 2010, p. 230)", "(EPICTETO, III, 1993, p. 335)", "Diógenes Laercio (VI 71, 2010, p. 228)": a Roman
# numeral (capitals), an optional section number, then the comma before the year.
_CLASSICAL = r"[IVXLC]{1,6}(?:\s*,?\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?)?(?=\s*,)"
_AUTHOR_YEAR_PART = re.compile(
    rf"^(?P<names>{NAME_LIST})(?P<etal>{ETAL})?,?\s+(?P<years>{YEAR_LIST}){_LOCATOR}$"
)
# In a parenthesis it is read as blanks, so every reader of a part sees the author and the year.
_CLASSICAL_BEFORE_YEAR = re.compile(rf"(?<=[^\W\d_])\s*,\s*{_CLASSICAL}\s*,(?=\s*(?:1[5-9]|20)\d\d)")
# The same at the end of a part that begins with other words: "(reviewed in Haloin and Strauss,
# 2008)", "(Fig. S1, Dayel et al., 2011)", "(Table 1 Allmann and Baldwin, 2010)".
_TRAILING_AUTHOR_YEAR = re.compile(
    rf"(?<![\w'’\-])(?P<names>{NAME_LIST})(?P<etal>{ETAL})?,?\s+(?P<years>{YEAR_LIST}){_LOCATOR}$"
)
# Words that lead into a citation ("reviewed in", "see", "e.g."): after them, an unresolved
# author–year is still reported; after any other words only a resolved one counts.
_LEAD_IN = re.compile(r"\b(?:in|see|also|by|from|and|cf\.|e\.g\.|i\.e\.)\s*$", re.IGNORECASE)
_CAPITALISED_BEFORE = re.compile(rf"[{UPPER}][\w'’\-]*\s+$")
# The possessive's apostrophe may be typed as an acute accent: "Abbott´s (1988) analysis".
# A comma may stray between the names and the year ("Ivanova et al., (2006)", "Vardja and Vardja, (2001)"):
# read so only when the names resolve.
_NARRATIVE_BEFORE = re.compile(rf"(?P<names>{NAME_LIST})(?P<etal>{ETAL})?(?:['’´]s)?(?P<comma>\s*,)?\s*$")
_WIDE_BEFORE = re.compile(rf"(?P<names>{_WIDE_LIST})(?P<etal>{ETAL})?(?:['’´]s)?\s*$")
_WIDE_PART = re.compile(rf"^(?P<names>{_WIDE_LIST})(?P<etal>{ETAL})?,?\s+(?P<years>{YEAR_LIST}){_LOCATOR}$")


def _wide_reading(match: re.Match[str] | None, index: RefIndex,
                  years: str) -> tuple[re.Match[str], list[str]] | None:
    """(match, families) when `match` (of a _WIDE_ pattern) names a two-word family a reference lists:
    the longest list that resolves, dropping openers before that family only ("Maíz Apellániz & Weiler
    (2018)" is not Weiler 2018, even when it resolves to no single work)."""
    read = _wide_families(match.group("names"), _multiword_families(index)) if match else None
    if not read:
        return None
    families, first_known = read
    etal, year = bool(match.group("etal")), split_years(years)[0]
    for start in range(first_known + 1):
        if resolve_author_year(index, families[start:], etal, year):
            return match, families[start:]
    return match, families[first_known:]
def _given_names_reading(match: re.Match[str] | None, index: RefIndex,
                         years: str) -> tuple[re.Match[str], list[str], str] | None:
    """(match, families, first word of the marker) for persons named with their given names, "Ethan
    Bernstein and Stephen Turban (2018)" (of a _WIDE_ pattern: one word before each family): each first
    word is dropped as a given name when the families left resolve to a work whose author at that
    place has that given name ("Ethan S. Bernstein", "Stephen Turban"); openers before the first
    person ("Also, …") are dropped. None when no name has a word before it, or none resolves so."""
    if match is None:
        return None
    pairs: list[tuple[str, str]] = []
    for name in author_families(match.group("names")):
        split = None if _NAME_ONLY_FULL.fullmatch(name) else _EXTRA_SPLIT.fullmatch(name)
        pairs.append((split.group("extra"), split.group("name")) if split else ("", name))
    etal, year = bool(match.group("etal")), split_years(years)[0]
    for first in range(len(pairs)):
        persons = pairs[first:]
        if not any(given for given, _ in persons):
            return None
        families = [family for _, family in persons]
        key = resolve_author_year(index, families, etal, year)
        if key is not None and _given_names_fit(persons, index.by_key(key).authors):
            return match, families, persons[0][0] or persons[0][1]
    return None


def _given_names_fit(persons: list[tuple[str, str]], authors: list[PersonName]) -> bool:
    """Every given name printed is the first given name of the entry's author at that place."""
    for place, (given, _) in enumerate(persons):
        first_given = words_of(authors[place].given)[:1] if place < len(authors) else []
        if given and first_given != words_of(given):
            return False
    return True


# "(2014; 2015)" too, as ABNT lists an author's works; Glossa's "(1999a; b)"; a corpus or series
# still running, "Davies (2006-)", is cited by the year it began
# A remark after the year naming the work for later: "Chen et al. (2019, hereafter C19)", "(2016;
# henceforth EG16)", "(Houk & Swift 1999, hereafter the ‘Houk catalogue’)".
# Also whose emphasis a quotation shows: "Volóchinov (2013, p.138, nota 5; grifos no original)", "(2001,
# p. 4; emphasis added)", "(2015, p. 9, énfasis en el original)".
_EMPHASIS = (r"(?:grifos?|destaques?|ênfases?|negritos?|itálicos?)\s+"
             r"(?:no original|nossos?|meus?|d[oa]s?\s+autor(?:es|as?)?)"
             r"|(?:emphasis|italics)\s+(?:in (?:the )?original|added|mine|ours)"
             r"|(?:my|our) (?:emphasis|italics)"
             r"|(?:énfasis|cursivas?|destacado)\s+(?:en el original|añadid[oa]s?|nuestr[oa]s?|mí[oa]s?)")
_REMARK = rf"\s*[,;]\s*(?:(?:hereafter|henceforth|hereinafter)\b[^;]*|(?:{_EMPHASIS})\s*)"
# (after a year only: "(Swift hereafter, Gehrels et al. 2004)" names the satellite before its citation)
_YEAR_REMARK = re.compile(rf"(?:(?<=\d)|(?<=\d[a-z])){_REMARK}$")
# (a pointer may open it: "Abbott (e.g. 1988) and Freidson (e.g. 1970, 2001)", "Smith (see 2004)")
_YEARS_ONLY = re.compile(
    r"^(?:(?:e\.\s?g\.|see(?: also)?|cf\.|for (?:example|instance)),?\s+)?"
    rf"(?:{_CLASSICAL}\s*,\s*)?"
    rf"(?P<years>(?:{YEAR_LIST})(?:\s*;\s*(?:{YEAR_LIST}|[a-z](?![\w.])))*)(?:[-–](?!\d))?{_LOCATOR}"
    rf"(?:{_REMARK})?$"
)
# A part that is only the next suffix of the year before: "(Sheehan 2013a; b; 2017)", Glossa's style.
_SUFFIX_ONLY = re.compile(r"[a-z]")
_SUFFIXED_YEAR = re.compile(r"\d{4}[a-z]")
# Latin "apud" (cited in) between the source and the work the writer read, both cited; the publisher's
# italics lost, it may be glued to its neighbours ("Goodman, Sorj e Wilkison (1985apudNascimento …, 2008)")
APUD = r"\s*(?<![^\W\d_])[Aa]pud(?![a-zà-ÿ])\s*"  # "Apud" too: "(PAYAYÁ, 2015, Apud SANTOS, 2016)"
_APUD = re.compile(APUD)
# Where a parenthesis splits into citations: at ';', and at a ',' between a year and the next
# author ("(Queiroz 2009, Kim et al. 2018)", author–year without a comma before the year).
# Also at an "and" between two citations ("but see Versieux et al. 2017 and Vibrans et al. 2020").
_PART_SEPARATOR = re.compile(rf";|{APUD}|(?:(?<=\d)|(?<=\d[a-z])),(?=\s*{PARTICLE}?[{UPPER}])"
                             rf"|(?:(?<=\d{{4}})|(?<=\d{{4}}[a-z]))\s+and\s+(?={PARTICLE}?[{UPPER}][{LETTER}'’\-]+"
                             rf"(?:{ETAL}|\s+(?:and|&)\s+[{UPPER}])?,?\s+(?:1[5-9]|20)\d\d)")


# ABNT cites a work without authors by the first words of its title in capitals and an ellipsis.
_TITLE_FIRST = re.compile(rf"^(?P<words>[{UPPER}][{UPPER}'’\-]*(?:\s+[{UPPER}][{UPPER}'’\-]*){{0,3}})"
                          rf"\s*(?:\.\.\.|…)\s*,?\s*(?P<years>{YEAR_LIST}){_LOCATOR}$")


@dataclass(frozen=True)
class CitedPart:
    """One author–year citation inside a parenthesis: where it is printed in the parenthesis's
    content (start, end), the family names (ABNT co-authors first), 'et al.' and the years."""

    start: int
    end: int
    families: list[str]
    etal: bool
    years: str


def parenthetical_parts(content: str, index: RefIndex) -> list[CitedPart]:
    """The author–year citations of one parenthesis's content: its ';'-parts (and ','-parts of
    citations without a comma before the year), ABNT co-authors ('Russell; Sugimoto, 2009'), a
    year list going on from the part before ('Douady and Couder, 1996a; 1996b'), group authors,
    and a citation after other words ('reviewed in Haloin and Strauss, 2008')."""
    found: list[CitedPart] = []
    pieces: list[tuple[int, str]] = []
    at = 0
    for separator in _PART_SEPARATOR.finditer(content):
        pieces.append((at, content[at:separator.start()]))
        at = separator.end()
    pieces.append((at, content[at:]))
    co_authors: list[tuple[str, int]] = []
    previous: CitedPart | None = None
    names_etal: int | None = None  # where a part "FERRÃO et al." without its year began
    for number, (offset, part) in enumerate(pieces):
        core = _citation_core(part)
        core_start = offset + part.index(core) if core else offset
        if _NAME_ONLY.match(core) and number + 1 < len(pieces):
            co_authors.append((core, core_start))
            continue
        if names_etal is not None and _YEARS_ONLY.match(core):
            # "(…; FERRÃO et al.; 2001; …)": a semicolon strayed between the names and the year
            joined = content[names_etal:core_start + len(core)]
            core, core_start = re.sub(r";(?=\s*\S+$)", ",", joined), names_etal
        names_etal = None
        cited = _cited_part(core, core_start, co_authors, previous, index)
        if cited is None and not co_authors and _NAMES_ETAL.match(core):
            names_etal = core_start
        co_authors = []
        previous = cited
        if cited:
            found.append(cited)
    return found


_WORD_START = re.compile(r"(?<![\w'’\-])\w")
_ENDS_IN_YEAR = re.compile(r"(?:1[5-9]|20)\d\d[a-z]?$")
TRAILING_REACH = 240  # characters: "reviewed in" and a long author list fit


def _cited_part(core: str, core_start: int, co_authors: list[tuple[str, int]],
                previous: CitedPart | None, index: RefIndex) -> CitedPart | None:
    """The citation one part holds, or None."""
    if previous and _SUFFIX_ONLY.fullmatch(core):  # "b" after "Sheehan 2013a": Sheehan 2013b
        last = split_years(previous.years)[-1]
        if _SUFFIXED_YEAR.fullmatch(last):
            return CitedPart(core_start, core_start + len(core), previous.families, previous.etal,
                             last[:4] + core)
    years_only = _YEARS_ONLY.match(core)
    if years_only and previous:  # "1996b" after "Douady and Couder, 1996a": the same authors
        return CitedPart(core_start, core_start + len(core), previous.families, previous.etal,
                         years_only.group("years"))
    wide = _multiword_families(index) and not co_authors and _WIDE_PART.match(core)
    read = _wide_reading(wide, index, wide.group("years")) if wide else None
    if read:  # "(J. Maíz Apellániz & M. Weiler 2018)"
        families = read[1]
        return CitedPart(core_start + core.index(families[0]), core_start + len(core), families,
                         bool(wide.group("etal")), wide.group("years"))
    match = _AUTHOR_YEAR_PART.match(core)
    if match:
        etal, years = bool(match.group("etal")), match.group("years")
        named = author_families(match.group("names"))
        first_year = split_years(years)[0]
        # ABNT co-authors before it, unless they are no authors ("(CRMs; see Pfeiffer et al., 2008)")
        listed = [name for name, _ in co_authors] + named
        if co_authors and not resolve_author_year(index, listed, etal, first_year) \
                and resolve_author_year(index, named, etal, first_year):
            co_authors = []
        # "(AIC, Akaike, 1973)": leading words that are no authors
        families = [name for name, _ in co_authors] + (named if co_authors else
                                                       _without_openers(named, index, etal, years))
        start = co_authors[0][1] if co_authors else core_start + core.index(families[0])
        return CitedPart(start, core_start + len(core), families, etal, years)
    title_first = _TITLE_FIRST.match(core)
    if title_first:  # ABNT: "(ARGENTINA..., 2018)" cites the authorless entry titled "ARGENTINA de …"
        return CitedPart(core_start, core_start + len(core), [title_first.group("words")], False,
                         title_first.group("years"))
    group = _group_author(core, index)
    if group:
        return CitedPart(core_start, core_start + len(core), *group)
    # "(Gallus gallus International Chicken Genome Sequencing Consortium 2004)": a group after other words
    tail = max(0, len(core) - TRAILING_REACH)
    words = list(_WORD_START.finditer(core, tail)) if _ENDS_IN_YEAR.search(core) else []
    for word in words[1:]:
        group = _group_author(core[word.start():], index)
        if group:
            return CitedPart(core_start + word.start(), core_start + len(core), *group)
    # Only the part's last TRAILING_REACH characters: a search over all of a long hostile part would
    # try the name pattern at every start (quadratic time).
    trailing = _TRAILING_AUTHOR_YEAR.search(core, max(0, len(core) - TRAILING_REACH))
    # not the last word of a longer name ("Closed Replication Group, 2015" is no "Group, 2015")
    if trailing and trailing.start() > 0 and not _CAPITALISED_BEFORE.search(
            core, max(0, trailing.start() - 60), trailing.start()):
        families = _without_openers(author_families(trailing.group("names")), index,
                                    bool(trailing.group("etal")), trailing.group("years"))
        first_year = split_years(trailing.group("years"))[0]
        if _LEAD_IN.search(core[:trailing.start()]) or resolve_author_year(
                index, families, bool(trailing.group("etal")), first_year):
            names_start = core.index(families[0], trailing.start())
            return CitedPart(core_start + names_start, core_start + len(core), families,
                             bool(trailing.group("etal")), trailing.group("years"))
    unknown_group = _CORPORATE_PART.match(core)
    if unknown_group and len(unknown_group.group("names").split()) > 1 \
            and re.fullmatch(r"[^\d,]+", unknown_group.group("names")):
        # "(National Diabetes Board, 2016)" with no such entry: reported unresolved, not dropped
        return CitedPart(core_start, core_start + len(core), [unknown_group.group("names")],
                         bool(unknown_group.group("etal")), unknown_group.group("years"))
    return None


# APA 7's group author with its abbreviation: "(National Institute for Health and Care Excellence [NICE],
# 2014)". The bracketed abbreviation (and its comma) is read as a comma and blanks, so the group's name
# and the year remain where they were printed.
# (also before a word for no year: "(Royal Horticultural Society [RHS], n.d.)")
_GROUP_ABBREVIATION = re.compile(rf"\s*\[[{UPPER}][{LETTER}&\-]{{1,15}}\]\s*,"
                                 rf"(?=\s*(?:(?:1[5-9]|20)\d\d|{NO_YEAR}))")


_ABBREVIATION_BEFORE = re.compile(rf"(?P<bracket>\[[{UPPER}][{LETTER}&\-]{{1,15}}\])\s*$")


def _mask_brackets(segment: str) -> str:
    """`segment` with every author–year bracket blanked out (same length), so the parenthesis
    around '(e.g., RNaseA [Jermann et al., 1995], …)' does not read its citations a second time."""
    pieces, at = [], 0
    for bracket in _author_year_brackets(segment):
        pieces += [segment[at:bracket.start()], " " * len(bracket.group(0))]
        at = bracket.end()
    return "".join(pieces) + segment[at:]


# --- finders: each returns EvidenceSpans for one unit ----------------------------------


def find_author_year(text: str, unit: Unit, index: RefIndex) -> list[EvidenceSpan]:
    """Parenthetical '(Herman, 1992; Jordan et al., 1992)', bracketed '[Garrett and Grisham, 2005]'
    and narrative 'Herman (1992)'."""
    found: list[EvidenceSpan] = []
    segment = text[unit.start:unit.end]
    name_runs: dict[int, int] | None = None
    groups = sorted([*_PAREN.finditer(_mask_brackets(segment) if "[" in segment else segment),
                     *(_author_year_brackets(segment) if "[" in segment else ())], key=lambda m: m.start())
    for paren in groups:
        content_start = unit.start + paren.start(1)
        apud = _APUD.search(paren.group(1)) if "pud" in paren.group(1) else None
        years_only = _YEARS_ONLY.match(paren.group(1)[:apud.start() if apud else None].strip())
        if years_only and paren.re is _PAREN:
            if name_runs is None:
                name_runs = _name_run_starts(segment)
            # The same search as over segment[:paren.start()], from where the names can begin; a group's
            # abbreviation between them is passed over ("The National Institute … Excellence [NICE] (2016)").
            abbreviation = _ABBREVIATION_BEFORE.search(segment, max(0, paren.start() - 24), paren.start())
            names_end = abbreviation.start("bracket") if abbreviation else paren.start()
            low, years = name_runs[names_end], years_only.group("years")
            wide = _multiword_families(index) and _wide_reading(_WIDE_BEFORE.search(segment, low, names_end),
                                                                index, years)
            before = wide[0] if wide else _NARRATIVE_BEFORE.search(segment, low, names_end)
            if before and not wide and before.group("comma") and not _resolves(before, index, years):
                before = None
            given = None if wide or _resolves(before, index, years) else _given_names_reading(
                _WIDE_BEFORE.search(segment, low, names_end), index, years)
            if given:  # "Ethan Bernstein and Stephen Turban (2018)": the marker holds the given names
                before = given[0]
            # "Letestudoxa Pellegr. (1920: 654)": a botanical author's abbreviation, whose stop the
            # segmenter may have taken for the sentence's end (read in the text, across the unit's start)
            authority = None if before else _authority_before(
                text, max(0, unit.start + names_end - 40), unit.start + names_end, years, index)
            if authority:
                opens, key = authority
                end = unit.start + paren.end()
                found.append(EvidenceSpan(str(EvidenceKind.CITATION), opens, end, text[opens:end], unit.index,
                                          [key], True, priority=AUTHOR_YEAR))
                continue
            if before and not _title_not_authors(before, years, index):
                families = wide[1] if wide else given[1] if given else _without_openers(
                    author_families(before.group("names")), index, bool(before.group("etal")), years)
                opens = segment.index(given[2] if given else families[0], before.start())
                start = unit.start + opens
                end = content_start + apud.start() if apud else unit.start + paren.end()
                found.append(_author_year_evidence(text, start, end, unit, index, families,
                                                   bool(before.group("etal")), years_only.group("years")))
            if apud:  # "Koenker (1978 apud Cavalcanti, 2013)": the work read is cited too
                after = content_start + apud.end()
                for part in parenthetical_parts(paren.group(1)[apud.end():], index):
                    found.append(_author_year_evidence(text, after + part.start, after + part.end, unit,
                                                       index, part.families, part.etal, part.years))
            continue
        content = paren.group(1)
        if "," in content:  # "(DIÓGENES LAERCIO, VI 77, 2010, p. 230)": the book and section as blanks
            content = _CLASSICAL_BEFORE_YEAR.sub(lambda m: "," + " " * (len(m.group(0)) - 1), content)
        if "[" in content:  # "(National Institute for Health and Care Excellence [NICE], 2014)"
            content = _GROUP_ABBREVIATION.sub(lambda m: "," + " " * (len(m.group(0)) - 1), content)
        parts = parenthetical_parts(content, index)
        for part in parts:
            single = len(parts) == 1 and not _PART_SEPARATOR.search(paren.group(1))
            start, end = ((unit.start + paren.start(), unit.start + paren.end()) if single
                          else (content_start + part.start, content_start + part.end))
            found.append(_author_year_evidence(text, start, end, unit, index, part.families,
                                               part.etal, part.years))
    if _BARE_YEAR.search(segment):
        found += _bare_author_year(text, unit, index, segment, [(m.start(), m.end()) for m in groups])
    return found


# A taxon's author abbreviated as botany prints it (IPNI's standard forms), before the year and page of
# the protologue: "Letestudoxa Pellegr. (1920: 654)", "Duckeanthus R.E.Fr. (1934: 106)", "Duguetia
# A.St.-Hil. (1825: 35)", "Fusaea (Baill.) Saff. (1914: 64)". Initials, then the family name cut short,
# each piece with its stop; "St." is "Saint".
_AUTHORITY_BEFORE = re.compile(
    rf"(?<![\w.\-])(?P<initials>(?:[{UPPER}]\.\s?)*)(?P<family>[{UPPER}][{LETTER}]*\.(?:-?[{UPPER}][{LETTER}]*\.)*)\s*$")
_AUTHORITY_WORDS = {"st": "saint"}


def _authority_before(text: str, low: int, high: int, years: str, index: RefIndex
                      ) -> tuple[int, str] | None:
    """(where it starts, the key) of an abbreviated author before a year ("Pellegr. (1920"): the one
    entry of that year whose first author's family name the abbreviation's pieces begin, word by word,
    and whose given names begin with its initials."""
    match = _AUTHORITY_BEFORE.search(text, low, high)
    printed = split_years(years)
    if not match or len(printed) != 1:
        return None
    pieces = [_AUTHORITY_WORDS.get(w, w) for w in words_of(match.group("family"))]
    if not pieces or len(pieces[-1]) < 2:
        return None
    initials = "".join(words_of(match.group("initials")))
    keys = []
    for position in index.of_years({printed[0]}):
        ref = index.references[position]
        if not ref.authors:
            continue
        family = words_of(ref.authors[0].family)
        given = "".join(w[0] for w in words_of(ref.authors[0].given)) if " " in ref.authors[0].given.strip() \
            else "".join(words_of(ref.authors[0].given))
        if (len(family) >= len(pieces) and all(f.startswith(p) for f, p in zip(family, pieces, strict=False))
                and (not given or given.startswith(initials))):
            keys.append(ref.key)
    return (match.start(), keys[0]) if len(keys) == 1 else None


# "See DeLano, 2002 and …", "as described by Kessler and Baldwin, 2001": author, comma, year
# outside any parenthesis (eLife prints narrative citations so). The comma and year are the cue.
# Springer's author–year journals print it without the comma ("reported by Barns et al. 2007",
# "Ellis et al. 2003; Reardon et al. 2004"): a printed four-digit year right after a name.
_PRINTED_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?"
_BARE_YEAR = re.compile(rf"(?:,\s+(?P<years>{YEAR_LIST})|(?<=[{LETTER}.])\s+"
                        rf"(?P<spaced>{_PRINTED_YEAR}(?:\s*,\s*(?:{_PRINTED_YEAR}|[a-z](?![\w.])))*))"
                        r"(?![\w/])")


def _bare_author_year(text: str, unit: Unit, index: RefIndex, segment: str,
                      enclosed: list[tuple[int, int]]) -> list[EvidenceSpan]:
    """Author–year citations outside brackets; only resolved ones count (a city and a year,
    'In Boston, 2010 …', match no entry)."""
    found: list[EvidenceSpan] = []
    for cue in _BARE_YEAR.finditer(segment):
        if any(start <= cue.start() < end for start, end in enclosed):
            continue
        low, years = max(0, cue.start() - 160), cue.group("years") or cue.group("spaced")
        wide = _multiword_families(index) and _wide_reading(_WIDE_BEFORE.search(segment, low, cue.start()),
                                                            index, years)
        before = wide[0] if wide else _NARRATIVE_BEFORE.search(segment, low, cue.start())
        if not before or before.group(0).endswith("'s"):
            continue
        etal = bool(before.group("etal"))
        families = wide[1] if wide else _without_openers(author_families(before.group("names")), index,
                                                         etal, years)
        if not all(resolve_author_year(index, families, etal, year) for year in split_years(years)):
            continue
        start = unit.start + segment.index(families[0], before.start())
        found.append(_author_year_evidence(text, start, unit.start + cue.end(), unit, index, families,
                                           etal, years))
    return found


# One family name alone between semicolons: an ABNT co-author ("Russell" in "(Russell; Sugimoto, 2009)").
_NAME_ONLY = re.compile(r"^(?:[a-z]{1,3}\s+)*[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ][\w'’\-]+)?$")
_NAMES_ETAL = re.compile(rf"^[A-ZÀ-Þ][\w'’\-]+(?:\s+[A-ZÀ-Þ][\w'’\-]+)?{ETAL}$")

# Every character a _NARRATIVE_BEFORE match can hold (names, particles, 'et al.', 'and colleagues',
# "'s", spaces): a match ending at a position begins inside the run of these that ends there.
_NAME_RUN = re.compile(rf"[{LETTER}'’´\-,&.*_\s]+")


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


# "(Open Science Collaboration, 2015)", "(United Nations, Department of Economic and Social Affairs,
# Population Division, 2013)", "(14CHRONO Centre of the Queen's University of Belfast, 2014)",
# "(1000 Genomes Project Consortium et al., 2010)": a group author of several capitalised words.
_GROUP_WORD = rf"[{UPPER}\d][\w&'’.\-]*"
_CORPORATE_PART = re.compile(
    rf"^(?P<names>{_GROUP_WORD}(?:,?\s+(?:of|for|and|on|in|the|&|de|do|da|dos|das|e|y|für|und|"
    rf"{_GROUP_WORD})){{0,14}}?)(?P<etal>{ETAL})?"
    rf",?\s+(?P<years>{YEAR_LIST}){_LOCATOR}$"
)
_GROUP_AND_PERSONS = re.compile(r"\s*(?:,|\band\b|&)\s*")


def _group_author(core: str, index: RefIndex) -> tuple[list[str], bool, str] | None:
    """(families, et al., years) of a part led by a group author: only when an entry's first
    author is that very group (BibTeX '{{Open Science Collaboration}}'), which may be followed by
    persons ('Department of Education and Morgan, 2016')."""
    match = _CORPORATE_PART.match(core)
    if not match:
        return None
    groups = index.derived("group_authors", lambda: {
        " ".join(words_of(r.authors[0].family)) for r in index.references if r.authors})
    names = match.group("names")
    etal, years = bool(match.group("etal")), match.group("years")
    if " ".join(words_of(names)) in groups:
        return [names], etal, years
    for joint in reversed(list(_GROUP_AND_PERSONS.finditer(names))):  # the longest group first
        group = names[:joint.start()]
        persons = _split_names(names[joint.end():])
        if " ".join(words_of(group)) in groups and all(re.fullmatch(NAME, p) for p in persons):
            return [group, *persons], etal, years
    return None


def _resolves(before: re.Match[str] | None, index: RefIndex, years: str) -> bool:
    """Whether the plain narrative reading names a work (openers dropped as `_without_openers` does)."""
    if before is None:
        return False
    etal = bool(before.group("etal"))
    families = _without_openers(author_families(before.group("names")), index, etal, years)
    return resolve_author_year(index, families, etal, split_years(years)[0]) is not None


def _without_openers(families: list[str], index: RefIndex, etal: bool, years: str) -> list[str]:
    """'Also, Herman (1992)': drop leading capitalised words while the names match no entry
    and a shorter list does ('Also', 'Similarly', 'Later' open the sentence, they are no authors)."""
    first_year = split_years(years)[0]
    if len(families) < 2 or resolve_author_year(index, families, etal, first_year):
        return families
    # "In Madison, Wisconsin, Ziter et al. (2019)": the longest tail of the names that resolves
    for start in range(1, len(families)):
        if resolve_author_year(index, families[start:], etal, first_year):
            return families[start:]
    return families


_STOP_AFTER_YEAR = re.compile(r"(?:(?<=(?:1[5-9]|20)\d\d)|(?<=(?:1[5-9]|20)\d\d[a-z]))\.$")


def _citation_core(part: str) -> str:
    """One ';'-part of a parenthesis without 'see'/'e.g.' before, 'for details' after, and
    without the primary source of 'X, 1889, as cited in Y, 1992' (the secondary one stays)."""
    core = part.strip()
    # a stop typed before the closing parenthesis ("(Ferreira, 1772.)"): the year ends the part
    core = _STOP_AFTER_YEAR.sub("", core)
    cited_in = list(_CITED_IN.finditer(core))
    if cited_in:
        core = core[cited_in[-1].end():]
    prefix = _PART_PREFIX.match(core)
    core = core[prefix.end():] if prefix else core
    remark = _YEAR_REMARK.search(core)  # "(Houk & Swift 1999, hereafter the ‘Houk catalogue’)"
    core = core[:remark.start()] if remark else core
    suffix = _PART_SUFFIX.search(core)
    return core[:suffix.start()] if suffix else core


def _title_not_authors(before: re.Match[str], years: str, index: RefIndex) -> bool:
    """The words before '(1992)' are a work's title and not its authors: 'Trauma and Recovery
    (1992)' is a title, but 'Mueller and Oppenheimer (2014)' stays a citation of their 2014 paper
    even when another entry's title names them ('A replication of Mueller and Oppenheimer (2014)')."""
    if not _is_title_words(before.group("names"), index):
        return False
    families = author_families(before.group("names"))
    return not resolve_author_year(index, families, bool(before.group("etal")), split_years(years)[0])


def _is_title_words(names: str, index: RefIndex) -> bool:
    """'Trauma and Recovery (1992)': the 'names' before a year are a work's title, not authors."""
    words = " ".join(words_of(names))
    # Folded titles hold only [a-z0-9 ], so a newline between them never joins two into a match.
    titles = index.derived("folded_titles", lambda: "\n".join(" ".join(words_of(r.title))
                                                               for r in index.references))
    return len(words.split()) > 1 and bool(index.references) and words in titles


VENUE_REACH = 80  # characters before a suffixed citation ("2003a") read for the venue they name


def _author_year_evidence(text: str, start: int, end: int, unit: Unit, index: RefIndex,
                          families: list[str], etal: bool, years: str) -> EvidenceSpan:
    printed = split_years(years)
    # the words before it in the sentence may name the venue ("In his American Psychologist article")
    suffixed = any(re.search(r"\d[a-z]$", year) for year in printed)
    hints = text[max(unit.start, start - VENUE_REACH):start] if suffixed else ""
    keys = [resolve_author_year(index, families, etal, year, hints) for year in printed]
    reasons = [why_unresolved(index, families, etal, year, hints)
               for year, key in zip(printed, keys, strict=True) if not key]
    return EvidenceSpan(str(EvidenceKind.CITATION), start, end, text[start:end], unit.index,
                        sorted({k for k in keys if k}), all(keys), priority=AUTHOR_YEAR,
                        reason="; ".join(reasons))
