"""An article's own printed reference list, parsed into References (no .bib needed).

    references_in_text(text, path)      -> the "References" section's entries as References
    references_in_section(text, section) -> the same for a section found already
    find_reference_section(text)        -> (start, end) of that section's entries, or None
    split_entries(text, start, end)     -> (start, end) of each entry, wrapped lines joined
    parse_entry(entry)                  -> one Reference with BibTeX-like fields

Styles read: APA and Harvard ("Herman, J. L. (1992). Title. Journal, 5(2), 1–9."), Vancouver
("Schuch FB, Vancampfort D. Title. J Res. 2016;77:42-51."), Nature ("Carroll, S. B. Title.
Nature 409, 1102–1109 (2001)."), eLife/PLOS ("Baldwin PR, Penczek PA. 2007. Title. J Struct Biol
157:250–261." / "Rich KM (2010) Title. …"), ABNT ("ANDRAOS, J. Title. Journal, v. 83, n. 9,
p. 1400-1414, 2005."), numbered ("[12]", "12.", "12 ") or not. DOI, PMID and URL are picked out
wherever they are printed. Every field is best effort: what cannot be read is left empty.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from ingest.model import PersonName, Reference

SECTION_NAMES = (
    r"references?(?:\s+cited)?|reference\s+list|bibliography|bibliograf[ií]a|literature(?:\s+cited)?"
    r"|works\s+cited|cited\s+literature|refer[eê]ncias(?:\s+bibliogr[aá]ficas)?"
    r"|referencias(?:\s+bibliogr[aá]ficas)?|r[ée]f[ée]rences(?:\s+bibliographiques)?|literaturverzeichnis"
)
REFERENCE_HEADING = re.compile(
    rf"^[ \t]*(?:#{{1,6}}[ \t]*)?(?:\*\*|__)?(?:[\dIVX]+\.?[ \t]+)?(?:{SECTION_NAMES})(?:\*\*|__)?"
    r"[ \t]*:?[ \t]*$",
    re.I | re.M)
# Headings that close a reference list (what journals print after it).
AFTER_REFERENCES = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:[\dIVX]+\.?[ \t]+)?(?:appendix|appendices|acknowledge?ments?|supplementary|"
    r"supporting information|figures?(?: legends| captions)?|tables?|author contributions|funding|"
    r"competing interests|conflicts? of interest|notes|endnotes|footnotes|about the authors?|"
    r"decision letter|author response|data availability|ethics|abbreviations|glossary|index)\b[^\n]{0,60}$",
    re.I)

UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
PARTICLE = (r"(?:(?:van|von|der|den|de|da|do|dos|das|di|del|della|la|le|du|ten|ter|st\.?|mac|al|el"
            r"|DE|DA|DO|DOS|DAS|VAN|VON|DER|DEL|TEN|TER)\s+)")  # ABNT capitals: "DE SOUSA, V.F."
HYPHEN = "-‐‑"  # ASCII, U+2010 and U+2011 (Wiley prints "Hohn‐Schulte B", "Schultze H‐P")
SURNAME = (rf"{PARTICLE}*(?:[{UPPER}][\w'’]*|[{UPPER}]'[{UPPER}][\w'’]*)(?:[{HYPHEN}][{UPPER}]?[\w'’]+)*"
           rf"(?:\s+(?:Jr|Sr|JR|SR|II|III|IV)\.?)?")
INITIALS_DOTTED = rf"(?:[{UPPER}][a-z]?\.(?:\s?-?\s?)){{1,6}}"  # "Ames, M. C. F. D. C., & …"
INITIALS_BARE = rf"[{UPPER}]{{1,4}}(?:[{HYPHEN}][{UPPER}]{{1,2}})?"
GIVEN_FULL = rf"[{UPPER}][a-zà-ÿ]+(?:-[{UPPER}][a-zà-ÿ]+)?(?:\s+[{UPPER}]\.)*(?:\s+[{UPPER}][a-zà-ÿ]+)?"
NAME_END = r"(?=\s*(?:[,.;:&(]|$|and\b|e\b|y\b|et\.?\s+al))"
# bare initials may also end at the year (Royal Society: "Langer P 2009 Title.", "Orr TJ, Hood WR 2013 …")
INITIALS_END = r"(?=\s*(?:[,.;:&(]|$|and\b|e\b|y\b|et\.?\s+al)|\s+(?:1[5-9]\d\d|20[0-4]\d)[a-z]?\b)"

# One author in each style; groups `family` and `given`.
# "Haubo Bojesen Christensen", "Nunes da Fonseca", "Gerhardsson de Verdier"
_INNER_PARTICLE = r"(?:(?:da|de|do|dos|das|del|della|di|du|van|von|der|den)\s+)"
# ABNT / ISO 690 capitals too: "RODRÍGUEZ CAMIÑO, R.", "MARTÍNEZ OTERO PÉREZ, V." (words of three capitals
# or more, so that Vancouver initials "SMITH JA" stay initials)
LONG_SURNAME = (rf"{SURNAME}(?:\s+{_INNER_PARTICLE}?(?:[{UPPER}][a-zà-ÿ'’][\w'’-]*"
                rf"|[{UPPER}]{{3,}}(?:[{HYPHEN}][{UPPER}]+)?(?![a-zà-ÿ]))){{0,2}}")
# ABNT prints a particle after the initials: "SILVA, J. L. M. da;", "FERREIRA, M. de O. et al."
_TRAILING_PARTICLE = r"(?:da|de|do|dos|das|del|di|du)\b\s*"
# Vancouver as botany prints it, the particle after the initials: "Zuilen CM van, Maas PJM. 1994.",
# "Martius CFP von. 1841.", "Saint-Hilaire AFCP de. 1825." (kept with the given names, as ABNT's)
_VANCOUVER_PARTICLE = r"(?:van|von|de|da|do|du|del|der|den|ten|ter)\b"
# ABNT's full given names, three words or more, with particles inside or after them and initials run
# together: "DIAS, Maria Odila da Silva.", "FONSECA, Maria Rachel Fróes da.", "MARQUES, Vera Regina
# Beltrão.", "FILGUEIRAS, Carlos A.L." (after the comma only: a given name first stays two words)
_GIVEN_WORD = rf"[{UPPER}][a-zà-ÿ]+(?:-[{UPPER}][a-zà-ÿ]+)?"
_GIVEN_LONG = (rf"{_GIVEN_WORD}(?:\s+(?:{_TRAILING_PARTICLE})?{_GIVEN_WORD}"
               rf"|\s+(?:[{UPPER}]\.){{0,2}}[{UPPER}](?=\.)){{1,4}}"
               rf"(?:\s+{_TRAILING_PARTICLE})?")
CAPITAL_PARTICLE = r"(?:(?:De|Van|Von|Der|Den|Da|Di|Du|Del|Della|Le|La|Ten|Ter)\s+)"
NAME_FORMS: dict[str, re.Pattern[str]] = {
    "vancouver": re.compile(rf"(?P<family>{LONG_SURNAME})\s+"
                            rf"(?P<given>{INITIALS_BARE}(?:\s+(?:Jr|Jnr|Sr|II|III)\b)?"
                            rf"(?:\s+{_VANCOUVER_PARTICLE})?){INITIALS_END}"),
    # APA's suffix after the initials: "Hair, J., Jr., Babin, B., …"
    "comma-initials": re.compile(rf"(?P<family>{LONG_SURNAME}),\s*(?P<given>{INITIALS_DOTTED}"
                                 rf"(?:{_TRAILING_PARTICLE}(?:{INITIALS_DOTTED}|(?=\s*(?:[;,&]|et\.?\s+al))))?"
                                 rf"(?:,\s*(?:Jr|Sr|Jnr)\.(?=\s*[,;&(]))?)"),
    # Frontiers: "Hare B., Brown M., Williamson C., Tomasello M. (2002)." (dotted initials, no comma);
    # The Company of Biologists joins the last with "and": "Bay S. N. and Caspary T. (2012)."; the
    # Microbiology Society a suffix after the initials: "McGowan J. E. Jr, Tenover F. C. (2004)."
    "dotted-initials": re.compile(
        rf"(?P<family>{LONG_SURNAME})\s+(?P<given>{INITIALS_DOTTED}(?:\s*(?:Jr|Jnr|Sr|II|III)\b\.?)?)"
        rf"(?=\s*(?:[,;(&]|and\s)|\s*$)"),
    "initials-first": re.compile(rf"(?P<given>{INITIALS_DOTTED})\s*(?P<family>{SURNAME}){NAME_END}"),
    # ABNT without the initial's stop: "LÓPEZ, E; CANTAMUTTO, F."
    "comma-bare-initial": re.compile(
        rf"(?P<family>{LONG_SURNAME}),\s*(?P<given>[{UPPER}]{{1,2}})(?=\s*[;.])"),
    # a capitalised particle too before the comma and a full given name ("De Mulder, Walter")
    "comma-given": re.compile(
        rf"(?P<family>{CAPITAL_PARTICLE}?{SURNAME}),\s+(?P<given>{GIVEN_FULL}|{_GIVEN_LONG}){NAME_END}"),
}
# The names after an inverted first one, printed given name first (the Unified Style Sheet for
# Linguistics, Chicago: "Grosu, Alexander & Koji Hoshi. 2016.", "Erlewine, Michael Yoshitaka & Isaac Gould").
# (not "De Mulder, Walter": a name followed by a comma and a given name is inverted)
GIVEN_FIRST = re.compile(rf"(?P<given>{GIVEN_FULL})\s+(?P<family>{LONG_SURNAME}){NAME_END}"
                         rf"(?!,\s*{GIVEN_FULL}{NAME_END})")
INVERTED_FIRST = ("comma-given", "comma-initials")
# ABNT lists mix the inverted forms from one name to the next: an initial without its stop ("KING, G;"),
# initials without the comma ("HAINMUELLER J.;"), a full given name ("BASSET, Gilbert; KOENKER, R.")
ABNT_MIXED = ("comma-initials", "comma-bare-initial", "dotted-initials", "comma-given")
# Vancouver lists that stop some initials and not others, name by name (the Japanese Society of Breeding:
# "Tanaka J., Taniguchi F, Hirai N, Yamaguchi S (2006)", "Ogino A., Tanaka J, Yamamoto M.R., Yamada K")
VANCOUVER_MIXED = ("dotted-initials", "vancouver")
SEPARATOR = re.compile(r"\s*(?:,\s*(?:&|and|e|y)\s+|;\s*(?:&|and)?\s*|,\s*|&\s+|\band\s+|\be\s+|\by\s+)")
ET_AL = re.compile(r"\s*,?\s*(?:et\.?\s+al\.?|and\s+others|\.\.\.|…|\[\.\.\.\])")
EDITOR_MARK = re.compile(r"\s*\((?:eds?|orgs?|coords?|dirs?)\.?\)", re.I)

YEAR = r"(?:1[5-9]\d\d|20[0-4]\d)"
# a season's year ("Kuroda, Shige-Yuki. 1975/76.") and a corpus still running ("Davies, Mark. 2006-.")
# are read as the year they began
_SEASON = r"(?:/\d\d(?![\d/])|[-–](?=[.,:]))"
_NOT_YET = r"n\.\s?d\.|in press|no prelo|en prensa|sous presse|im Druck"
LEADING_YEAR = re.compile(rf"^\s*[.,]?\s*(?:\(\s*(?P<y1>{YEAR}[a-z]?|{_NOT_YET})\s*\)"
                          rf"|(?P<y2>{YEAR}[a-z]?){_SEASON}?)\s*[.,:]?\s*", re.I)
ANY_YEAR = re.compile(rf"(?<![\d/.])({YEAR})([a-z])?(?!\d)(?!/(?!\d\d(?![\d/])))")
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)", re.I)
PMID = re.compile(r"\bPMID:?\s*(\d{5,9})\b", re.I)
PMCID = re.compile(r"\b(PMC\d{5,9})\b")
URL = re.compile(r"\bhttps?://[^\s<>\"]+")
# "[1]", "1.", "1)", "1 Smith", "1Smith", and a leaflet's "(1) Lewinsohn PM. …"
LABEL = re.compile(r"^\s*(?:\[(?P<b>\d{1,4})\]|\((?P<p>\d{1,4})\)\s*"
                   r"|(?P<d>\d{1,4})(?:[.)]\s*|\s+(?=[\w\"“'‘(]))"
                   r"|(?P<s>\d{1,4})(?=[A-Z][a-z]))")
LIST_MARK = re.compile(r"^\s*(?:[-*+•]\s+)")
# Volume (issue): pages, in the ways journals print them.
VOLUME_PAGES = re.compile(
    r"(?:\bv(?:ol)?\.\s*)?(?P<volume>\d+[A-Z]?)\s*(?:\((?P<issue>[\w\s\-–/]{1,12})\)|,\s*n\.\s*(?P<n>[\w\-–/]+))?"
    r"\s*[:,]\s*(?:p{1,2}\.\s*)?(?P<pages>[A-Za-z]?\d+(?:\s*[-–—]\s*[A-Za-z]?\d+)?|e\d+)")
PAGES_ONLY = re.compile(r"\bp{1,2}\.?\s*(?P<pages>\d+(?:\s*[-–—]\s*\d+)?)")
PUBLISHER = re.compile(rf"(?:^|[.,;]\s+)(?P<address>[{UPPER}][\w .'’-]{{1,40}}?(?:,\s*[A-Z]{{2}})?)\s*:\s*"
                       rf"(?P<publisher>[{UPPER}][^.:;,]{{1,80}})")
# A title's closing full stop: not after an initial or an abbreviation, and what follows starts
# like a venue (capital, digit, quote, bracket, or a lower-case journal name such as eLife).
LOWER_VENUES = r"e[A-Z]\w+|bio[A-Z]\w+|med[A-Z]\w+|arXiv|mBio|iScience|npj\b|bioRxiv|medRxiv|eLife"
TITLE_END = re.compile(rf"(?<!\b[A-Z])(?<!\bvs)(?<!\bsp)(?<!\bspp)(?<!\bal)(?<!\bno)(?<!\bSt)(?<!\bDr)[.?!]"
                       rf"(?=\s+(?:[{UPPER}\d\"“‘'(\[]|{LOWER_VENUES}|[Ii]n\b)|\s*$)")


@dataclass
class Entry:
    """One printed entry: where it is in the text and its label ("12" or "")."""

    start: int
    end: int
    label: str = ""


# --- finding the section -----------------------------------------------------------------

def find_reference_section(text: str, limit: int | None = None) -> tuple[int, int] | None:
    """(start, end) of the reference list's entries: after the last References-like heading that
    has entries under it, up to the next closing heading (Appendix, Figures, …) or `limit`."""
    limit = len(text) if limit is None else limit
    headings = [m for m in REFERENCE_HEADING.finditer(text, 0, limit)]
    for heading in reversed(headings):
        start = heading.end()
        end = _section_end(text, start, limit)
        if split_entries(text, start, end):
            return start, end
    return None


def _section_end(text: str, start: int, limit: int) -> int:
    position = start
    for line in text[start:limit].splitlines(keepends=True):
        stripped = line.strip()
        if stripped and (AFTER_REFERENCES.match(stripped) or stripped.startswith("#")):
            return position
        position += len(line)
    return limit


# --- splitting entries -------------------------------------------------------------------

def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line in text[start:end], without the newline."""
    spans = []
    position = start
    for line in text[start:end].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        spans.append((position, position + len(body)))
        position += len(line)
    return spans


def split_entries(text: str, start: int, end: int) -> list[Entry]:
    """The entries of a reference list, each entry's wrapped lines together.

    Numbered lists split at each label; otherwise blank lines separate entries when the list has
    them, and else a line opens an entry when it starts with an author list and the line before
    ended an entry (a full stop, a closing bracket, a DOI or URL)."""
    lines = [(s, e) for s, e in _lines(text, start, end)]
    labelled = [bool(LABEL.match(text[s:e])) and _numbered_like(text[s:e]) for s, e in lines]
    if sum(labelled) >= 2:
        return _numbered_entries(text, lines, labelled)
    groups: list[list[tuple[int, int]]] = [[]]
    for s, e in lines:
        if text[s:e].strip():
            groups[-1].append((s, e))
        elif groups[-1]:
            groups.append([])
    groups = [g for g in groups if g]
    entries: list[Entry] = []
    for group in groups:
        entries.extend(_entries_of_group(text, group))
    return [entry for entry in entries if _looks_like_entry(text[entry.start:entry.end])]


def _label_number(match: re.Match[str]) -> str:
    return match.group("b") or match.group("p") or match.group("d") or match.group("s")


def _numbered_like(line: str) -> bool:
    """A labelled line, not a line that merely starts with a year or volume."""
    match = LABEL.match(line)
    return bool(match) and int(_label_number(match)) < 1500


def _numbered_entries(text: str, lines: list[tuple[int, int]], labelled: list[bool]) -> list[Entry]:
    entries: list[Entry] = []
    for (s, e), opens in zip(lines, labelled, strict=True):
        if opens:
            match = LABEL.match(text[s:e])
            assert match
            entries.append(Entry(s, e, _label_number(match)))
        elif entries and text[s:e].strip():
            entries[-1].end = e
    return [_trimmed(text, entry) for entry in entries
            if _looks_like_numbered_entry(text[entry.start:entry.end])]


def _entries_of_group(text: str, group: list[tuple[int, int]]) -> list[Entry]:
    """Entries of one blank-line-separated group of lines."""
    if len(group) == 1:
        return [_trimmed(text, Entry(*group[0]))]
    indents = [len(text[s:e]) - len(text[s:e].lstrip()) for s, e in group]
    hanging = indents[0] < min(indents[1:]) and len(set(indents)) == 2
    entries: list[Entry] = []
    for index, (s, e) in enumerate(group):
        line = text[s:e]
        if not entries:
            opens = True
        elif hanging:
            opens = indents[index] == indents[0]
        else:
            before = text[entries[-1].start:entries[-1].end].rstrip()
            opens = bool(LIST_MARK.match(line)) or (_ends_entry(before) and _opens_entry(line))
        if opens:
            entries.append(Entry(s, e))
        else:
            entries[-1].end = e
    return [_trimmed(text, entry) for entry in entries]


def _ends_entry(line: str) -> bool:
    return bool(re.search(r"[.)\]]$|\b10\.\d{4,9}/\S+$|https?://\S+$|\b\d+\s*[-–]\s*\d+$", line))


def _opens_entry(line: str) -> bool:
    """A line starting with an author list followed by a year, title or full stop."""
    stripped = LIST_MARK.sub("", line).strip()
    names, _others, consumed = parse_authors(stripped)
    if not names:
        return bool(re.match(rf"^[{UPPER}][\w&.,' -]{{2,80}}?\s*\(\s*{YEAR}", stripped))
    rest = stripped[consumed:]
    spaced = consumed > 0 and stripped[consumed - 1].isspace()
    return bool(re.match(rf"^\s*(?:[.,:]|\(\s*{YEAR}|{YEAR})", rest) or not rest
                or re.match(rf"^{'' if spaced else ' '}\s*[{UPPER}\d\"“]", rest))


def _trimmed(text: str, entry: Entry) -> Entry:
    start, end = entry.start, entry.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Entry(start, end, entry.label)


def _looks_like_entry(entry: str) -> bool:
    """Enough of a reference: a year or DOI and some words."""
    return len(entry) >= 15 and bool(ANY_YEAR.search(entry) or DOI.search(entry)) and len(entry.split()) >= 3


def _looks_like_numbered_entry(entry: str) -> bool:
    """Enough of a numbered reference: the label names it, so a report or web page printed without
    a year counts too ('4. National Cancer Intelligence Network. Routes to diagnosis.'), and so
    does a web page cited by its address alone ('107. https://www.aptagen.com/')."""
    return _looks_like_entry(entry) or len(entry.strip()) >= 15 and (
        len(entry.split()) >= 4 or "http" in entry and bool(URL.search(entry)))


# --- parsing one entry -------------------------------------------------------------------

def parse_authors(text: str) -> tuple[list[PersonName], bool, int]:
    """The author list that opens `text`: names, whether it ends in 'et al.', characters used.
    Every name form is tried for the whole list; the one reading most of it wins."""
    best: tuple[list[PersonName], bool, int] = ([], False, 0)
    for form, later in _FORMS_AND_LATER:
        names: list[PersonName] = []
        position, others = 0, False
        match = _name_at(text, position, (form,))
        while True:
            if not match or _group_in_capitals(match):
                break
            names.append(PersonName(family=_clean_family(match.group("family")),
                                    given=" ".join(match.group("given").split())))
            position = match.end()
            etal = ET_AL.match(text, position)
            if etal:
                others, position = True, etal.end()
                break
            separator = SEPARATOR.match(text, position)
            match = _name_at(text, separator.end(), later) if separator else None  # the next name, read once
            if not match:
                break
            position = separator.end()
        if names and position > best[2]:
            best = (names, others, position)
    names, others, position = best
    editors = EDITOR_MARK.match(text, position)
    return names, others, editors.end() if editors else position


def _later_forms(form_name: str) -> tuple[re.Pattern[str], ...]:
    """The forms read for the names after a first one read by the form `form_name`."""
    form = NAME_FORMS[form_name]
    later = (form, GIVEN_FIRST) if form_name in INVERTED_FIRST else (form,)
    if form_name in ABNT_MIXED:  # "IACUS, S. M.; KING, G; PORRO, G.", "HAINMUELLER J.; XU, Y."
        later = tuple(NAME_FORMS[other] for other in ABNT_MIXED) + later[1:]  # the stop read first
    if form_name in VANCOUVER_MIXED:  # "Tanaka J., Taniguchi F, Yamamoto M.R., Yamada K"
        later = tuple(dict.fromkeys(later + tuple(NAME_FORMS[other] for other in VANCOUVER_MIXED)))
    return later


# Each name form, in order, with the forms of the names after its first (built once, not per entry).
_FORMS_AND_LATER = tuple((form, _later_forms(name)) for name, form in NAME_FORMS.items())


def _name_at(text: str, position: int, forms: tuple[re.Pattern[str], ...]) -> re.Match[str] | None:
    """The first of `forms` that reads a name at `position`."""
    for form in forms:
        match = form.match(text, position)
        if match:
            return match
    return None


def _group_in_capitals(match: re.Match[str]) -> bool:
    """'WORLD BANK.', 'RSTUDIO TEAM.': a group in ABNT capitals, not a family and bare initials."""
    given = match.group("given")
    return match.group("family").isupper() and len(given) >= 3 and given.isalpha() and given.isupper()


def _clean_family(family: str) -> str:
    """'ANDRAOS' -> 'Andraos', 'RODRÍGUEZ CAMIÑO' -> 'Rodríguez Camiño', 'VAN DE VORD' -> 'Van de Vord';
    other names as printed."""
    family = " ".join(family.split())
    if family.isupper() and len(family) > 2:
        words = family.split(" ")
        return " ".join(
            word.lower() if number and word.lower() in _LOWER_PARTICLES
            else "-".join(part.capitalize() for part in word.split("-"))
            for number, word in enumerate(words))
    return family


_LOWER_PARTICLES = frozenset("van von der den de da do dos das di del della la le du ten ter".split())


_DOI_CUT = re.compile(r"(?:\b(?:doi|DOI|Doi)\s*:?\s*)?(?:https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/[^\s\"<>]+")
_PMCID_CUT = re.compile(r"\bPMCID:?\s*PMC\d+|\bPMC\d{5,9}\b")
# Where and when the work was read online, in English, Portuguese, Spanish, French and German ("Disponible
# en: http://… [Consulta: 2 de noviembre de 2011]"): its date is not the publication year.
_ACCESS_NOTE = re.compile(
    r"(?:\b(?:Available (?:at|from|in)|Dispon[ií]vel em|Disponible (?:en|sur)|Accessed|Acesso em|"
    r"Retrieved from|Recuperado de|Consultad[oa] (?:el|en)|Fecha de consulta|Consulté le|Zugriff am|"
    r"Abgerufen am|Verfügbar unter)\b|\[\s*Consulta\b).*$", re.I | re.S)
# The literals every match of _ACCESS_NOTE in ASCII text holds ("consult" covers "Consulta", "Consultado",
# "Fecha de consulta" and "Consulté"; non-ASCII entries skip the gate).
_ACCESS_WORDS = ("available ", "dispon", "accessed", "acesso em", "retrieved from", "recuperado de",
                 "consult", "zugriff am", "abgerufen am")


def _strip_identifiers(entry: str, fields: dict[str, str]) -> str:
    """Pick out DOI, PMID, PMCID and URL; the entry without them. Each pattern runs only when the
    entry holds the literal every one of its matches holds ("10.", "PMC", "http"; for the
    case-insensitive ones, an ASCII entry's lower case without "pmid" or an "Available …" word
    cannot match them)."""
    has_doi, has_pmc, has_url = "10." in entry, "PMC" in entry, "http" in entry
    lowered = entry.lower() if entry.isascii() else None  # None: no literal gate for IGNORECASE patterns
    has_pmid = lowered is None or "pmid" in lowered
    doi = DOI.search(entry) if has_doi else None
    if doi:
        fields["doi"] = doi.group(1).rstrip(".,;)]")
    pmid = PMID.search(entry) if has_pmid else None
    if pmid:
        fields["pmid"] = pmid.group(1)
    pmcid = PMCID.search(entry) if has_pmc else None
    if pmcid:
        fields["pmcid"] = pmcid.group(1)
    url = URL.search(entry) if has_url else None
    if url and "doi.org/" not in url.group(0):
        fields["url"] = url.group(0).rstrip(".,;)]")
    cut = entry
    if has_doi:
        cut = _DOI_CUT.sub(" ", cut)
    if has_pmid:
        cut = PMID.sub(" ", cut)
    if has_pmc:
        cut = _PMCID_CUT.sub(" ", cut)
    if has_url:
        cut = URL.sub(" ", cut)
    if lowered is None or any(word in lowered for word in _ACCESS_WORDS):
        cut = _ACCESS_NOTE.sub(" ", cut)
    return " ".join(cut.split())


# The rule ABNT, Chicago and MLA print for "the same author(s) as the entry above": "_______. Title …",
# "———. 2005. Title", "---. Title"
_DITTO = re.compile(r"(?:_{3,}|[—―]{2,}|[-–]{3,})\s*[.,:]?\s*")


def parse_entry(entry: str, key: str = "", path: str = "", line: int = 0,
                origin: str = "reference-list", before: Reference | None = None) -> Reference:
    """One printed reference-list entry as a Reference (fields as BibTeX would name them); an entry
    opening with a rule ("_______. Title", "———. 2005.") has the authors of the entry `before`."""
    printed = " ".join(entry.split())
    label_match = LABEL.match(printed)
    label = ""
    body = printed
    if label_match and _numbered_like(printed):
        label = _label_number(label_match)
        body = printed[label_match.end():].lstrip()
        body = re.sub(r"^[.,;:](?=\s)\s*", "", body)  # SciELO's "1. . Almeida CE, …": a stray stop
    body = LIST_MARK.sub("", body)
    fields: dict[str, str] = {"printed": printed}
    body = _strip_identifiers(body, fields)
    ditto = _DITTO.match(body)
    if ditto and before is not None and before.authors:
        names, others, rest = list(before.authors), before.others, body[ditto.end():]
    else:
        names, others, consumed = parse_authors(body)
        rest = body[consumed:]
    if not names:
        names, others, rest = _group_then_people(body)
    if not names:
        names, rest = _corporate_author(body)
    year_match = LEADING_YEAR.match(rest)
    if year_match:
        fields["year"] = (year_match.group("y1") or year_match.group("y2") or "").strip()
        rest = rest[year_match.end():]
    rest = rest.lstrip(" .,:;")
    title, rest = _title_and_rest(rest)
    if title:
        fields["title"] = title
    _venue_fields(rest, fields)
    if "year" not in fields:
        fields["year"] = _late_year(rest) or _late_year(title)
    fields["year"] = _normal_year(fields["year"])
    if not fields["year"]:
        del fields["year"]
    if names:
        fields["author"] = " and ".join(f"{p.family}, {p.given}" if p.given else p.family for p in names)
    entry_type = _entry_type(fields, rest)
    return Reference(key=key or make_key(names, fields.get("year", ""), label), entry_type=entry_type,
                     fields=fields, authors=names, path=path, line=line, others=others, label=label,
                     origin=origin)


_GROUP_WORD = rf"[{UPPER}][\w&'-]*"
_JOINER = r"(?:of|for|and|the|on|in|de|do|da|dos|das|e|y|del|des|du|la|le|et|für|und|der|zur)"
# "The Human Microbiome Jumpstart Reference Strains Consortium, Nelson KE, …": a group of three or
# more words, then people (words joined by one space, so the pattern cannot backtrack exponentially).
_GROUP_FIRST = re.compile(rf"^(?P<name>{_GROUP_WORD}(?:\s(?:{_JOINER}\s)?{_GROUP_WORD}){{2,9}}),\s+")


def _group_then_people(body: str) -> tuple[list[PersonName], bool, str]:
    """A consortium leading a list of people: the group is the first author, the people follow."""
    group = _GROUP_FIRST.match(body)
    if not group:
        return [], False, body
    people, others, consumed = parse_authors(body[group.end():])
    if not people:
        return [], False, body
    return [PersonName(family=group.group("name")), *people], others, body[group.end() + consumed:]


def _corporate_author(body: str) -> tuple[list[PersonName], str]:
    """'World Health Organization (2010) …' or 'American Cancer Society. 2007. …': a group as author."""
    # the group may print its abbreviation in parentheses and close with a stop before "(2012)":
    # "EMPRESA BRASILEIRA DE PESQUISA AGROPECUÁRIA (EMBRAPA). (2012)", APA's "Ministério da Educação. (2007)."
    in_parentheses = rf"\(\s*(?:{YEAR}(?:[a-z]|\s?[–-]\s?{YEAR})?|{_NOT_YET})\s*\)"
    match = re.match(rf"^(?P<name>[{UPPER}][^.()\d]{{2,80}}?(?:\s\([{UPPER}]{{2,}}[{UPPER}\d-]*\))?)\s*"
                     rf"(?=\.?\s?{in_parentheses})", body) or re.match(
        rf"^(?P<name>[{UPPER}][^.()\d]{{2,80}}?)\s*(?=\(\s*{YEAR}|[.,]\s*{YEAR}[a-z]?\b)", body)
    if not match:  # "FLORA DO BRASIL 2020. Jardim Botânico …": a database named with its year
        match = re.match(rf"^(?P<name>[{UPPER}][^.()\d,]{{2,60}}?)\s+(?={YEAR}[a-z]?\.\s)", body)
        if match and not match.group("name").isupper():
            match = None
    if not match:  # "CIFRA. Informe sobre …": one word in ABNT capitals
        match = re.match(rf"^(?P<name>[{UPPER}]{{3,}}(?:-[{UPPER}]+)?)\.\s+(?=[{UPPER}])", body)
    if not match:
        # words joined by one space; an optional space between them backtracked exponentially
        # lower-case joining words allowed: "Conselho Nacional de Desenvolvimento Científico e Tecnológico"
        word, joiner = _GROUP_WORD, _JOINER
        # "CNCFlora - Centro Nacional de Conservação da Flora. …": an abbreviation, a dash, the name
        match = re.match(rf"^(?P<name>{word}(?:\s(?:{joiner}\s|[-–—]\s)?{word}){{0,11}})\.\s+"
                         rf"(?=[{UPPER}]|[^\x00-\x7f])", body)  # a title in any script follows
        if not match or len(match.group("name").split()) < 2:
            return [], body
    return [PersonName(family=match.group("name").strip(" ,."))], body[match.end():]


def _title_and_rest(rest: str) -> tuple[str, str]:
    """The title (up to its closing full stop, or inside quotes) and what follows it."""
    quoted = re.match(r"^[\"“‘'](?P<title>.+?)[,.]?[\"”’'](?P<rest>.*)$", rest)
    if quoted and len(quoted.group("title")) > 3:
        return quoted.group("title").strip(" ,."), quoted.group("rest").lstrip(" .,")
    for end in TITLE_END.finditer(rest):
        title = rest[:end.start() + (1 if rest[end.start()] in "?!" else 0)].strip()
        if len(title) >= 4:
            return title, rest[end.end():].lstrip()
    return rest.strip(" ."), ""


def _venue_fields(rest: str, fields: dict[str, str]) -> None:
    """Journal or book, volume, number, pages, publisher from what follows the title."""
    booktitle = re.match(r"^(?:[Ii]n|Em|En)\s*:?\s+(?P<book>.+)$", rest)
    if booktitle:
        inner = booktitle.group("book")
        _names, _others, consumed = parse_authors(inner)
        inner = inner[consumed:].lstrip(" .,:;")
        inner = re.sub(r"^\(?eds?\.?\)?[.,:]?\s*", "", inner, flags=re.I)
        fields["booktitle"] = re.split(r"[.]\s|,\s*(?:pp?\.|v\.)|\s+pp?\.\s", inner)[0].strip(" .,")
    volume = VOLUME_PAGES.search(rest)
    if volume and re.fullmatch(YEAR, volume.group("volume")) and not volume.group("issue"):
        volume = None  # "Proc. ACL, 2019, pp. 1–10": a year, then pages
    if volume:
        fields["volume"] = volume.group("volume")
        issue = volume.group("issue") or volume.group("n")
        if issue:
            fields["number"] = issue.strip()
        fields["pages"] = re.sub(r"\s*[-–—]\s*", "–", volume.group("pages"))
        venue = rest[:volume.start()]
    else:
        pages = PAGES_ONLY.search(rest)
        if pages:
            fields["pages"] = re.sub(r"\s*[-–—]\s*", "–", pages.group("pages"))
        venue = re.split(r"[.;]\s|\(", rest)[0]
    venue = re.sub(rf"[.;,]?\s*\(?{YEAR}[a-z]?\)?(?:\s+[A-Z][a-z]{{2}}(?:\s+\d{{1,2}})?)?\s*[;.,]?\s*$", "",
                   venue)
    venue = venue.strip(" .,;:")
    if venue and not booktitle and not re.fullmatch(r"[\d\W]*", venue):
        fields["journal"] = venue
    publishers = [m for m in PUBLISHER.finditer(rest) if m.group("address").strip() not in ("In", "Em", "En")]
    if publishers and not volume:
        fields["address"] = publishers[-1].group("address").strip()
        fields["publisher"] = publishers[-1].group("publisher").strip()
        fields.pop("journal", None)


# "A surname analysis, 1700–2012. Manuscript. 2012.": a span of years in a title is not the date
_IN_A_SPAN_OF_YEARS = re.compile(rf"\s?[–—-]\s?{YEAR}\b")
_ENDS_A_SPAN_OF_YEARS = re.compile(rf"\b{YEAR}\s?[–—-]\s?$")


# "Formas de tempo e de cronotopo no romance [1975]. In: … São Paulo, 1988.": a year (or span) alone in
# square brackets is the work's original date, cited after the edition's ("BAKHTIN, 1988 [1975]"), not
# the publication year
ORIGINAL_DATE = re.compile(rf"\[\s*{YEAR}(?:\s?[–—-]\s?{YEAR})?\s*\]")
_YEAR_PAIR = re.compile(rf"(?<![\d/.])({YEAR})/{YEAR}(?![\d/])")


_IMPRINT_BEFORE = re.compile(r":\s[^:;.()]{2,60},\s$")


def _late_year(text: str) -> str:
    """The publication year printed after the title (Vancouver, Nature, ABNT)."""
    pages = [m.span("pages") for m in PAGES_ONLY.finditer(text)]  # "p. 1519-1536, 2009"
    pages += [m.span() for m in ORIGINAL_DATE.finditer(text)]
    years = [m for m in ANY_YEAR.finditer(text) if not any(s <= m.start() < e for s, e in pages)]
    alone = [m for m in years if not _IN_A_SPAN_OF_YEARS.match(text, m.end())
             and not _ENDS_A_SPAN_OF_YEARS.search(text, 0, m.start())]
    years = alone or years
    if not years:  # "São Paulo: Martins Fontes, 2011/1979.": the edition's year, then the original's
        paired = _YEAR_PAIR.search(text)
        return paired.group(1) if paired else ""
    parenthesised = [m for m in years if text[max(0, m.start() - 1):m.start()] == "("]
    # ABNT's and Chicago's imprint "Place: Publisher, 1971." dates the book, not a year in its title
    # ("A Concise History of the Cinema, v. 1: Before 1940. London: Zwemmer, 1971.")
    imprint = [m for m in years if _IMPRINT_BEFORE.search(text, max(0, m.start() - 80), m.start())]
    if imprint and not parenthesised:
        years = imprint
    chosen = (parenthesised or years)[-1 if parenthesised else 0]
    return chosen.group(1) + (chosen.group(2) or "")


def _normal_year(year: str) -> str:
    return "" if year.lower().replace(" ", "") in ("n.d.", "inpress", "noprelo", "enprensa", "souspresse",
                                                   "imdruck") else year


def _entry_type(fields: dict[str, str], rest: str) -> str:
    if fields.get("booktitle"):
        return "incollection"
    if fields.get("journal") and (fields.get("volume") or fields.get("pages")):
        return "article"
    if fields.get("publisher"):
        return "book"
    if re.search(r"\b(?:thesis|dissertation|tese|disserta[çc][ãa]o)\b", rest, re.I):
        return "phdthesis"
    return "misc"


LETTERS_TO_ASCII = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "ł": "l", "Ł": "L",
                                   "đ": "d", "Đ": "D", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"})


def make_key(names: list[PersonName], year: str, label: str) -> str:
    """'ref-12' for a numbered entry, else 'smith2010' from the first author and year."""
    if label:
        return f"ref-{label}"
    family = names[0].family if names else "anon"
    spelled = family.translate(LETTERS_TO_ASCII)
    ascii_family = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", ascii_family.lower())[:24] + (year or "nd")


def unique_keys(references: list[Reference]) -> list[Reference]:
    """Keys made unique within one list: a second 'smith2010' becomes 'smith2010-2'."""
    seen: dict[str, int] = {}
    for reference in references:
        count = seen.get(reference.key, 0) + 1
        seen[reference.key] = count
        if count > 1:
            reference.key = f"{reference.key}-{count}"
    return references


# --- whole documents ---------------------------------------------------------------------

def references_in_text(text: str, path: str = "", limit: int | None = None,
                       origin: str = "reference-list") -> list[Reference]:
    """The References of the document's own printed list (empty when it prints none)."""
    return references_in_section(text, find_reference_section(text, limit), path, origin)


def references_in_section(text: str, section: tuple[int, int] | None, path: str = "",
                          origin: str = "reference-list") -> list[Reference]:
    """The References of the entries in `section` (as `find_reference_section` gives it; none for None)."""
    if section is None:
        return []
    references = []
    counted, line = 0, 1  # line breaks counted up to `counted` (entries come in text order)
    for entry in split_entries(text, *section):
        if entry.start < counted:
            counted, line = 0, 1
        line += text.count("\n", counted, entry.start)
        counted = entry.start
        references.append(parse_entry(text[entry.start:entry.end], path=path, line=line, origin=origin,
                                      before=references[-1] if references else None))
    return unique_keys(references)


def _matching_text(entry: Reference) -> str:
    """The printed entry as the .bib matcher reads it: an entry printed with the rule for the authors
    above ("_______. Tricks and Animation. In: …") names those authors first."""
    printed = entry.fields.get("printed", "")
    if entry.authors and _DITTO.match(printed):
        return " ".join(name.family for name in entry.authors) + " " + printed
    return printed


def merge_with_bib(printed: list[Reference], bib: list[Reference],
                   renamed: dict[str, str] | None = None) -> list[Reference]:
    """The article's references when it prints a list and also comes with a .bib: each printed
    entry matched to its .bib record is replaced by that record (the .bib key and fields win;
    the printed number is kept as its `label`); unmatched printed entries stay, then the .bib
    records no entry matched, in file order. `renamed` (when given) receives printed key -> .bib
    key for every replaced entry, so markup citations can follow."""
    from ingest.citations import ReferenceEntryMatcher

    if not printed or not bib:
        return [*printed, *bib]
    by_doi = {r.fields.get("doi", "").lower(): r for r in bib if r.fields.get("doi")}
    # a DOI two printed entries share (a publisher's copy-paste slip) identifies neither
    printed_dois = Counter(r.fields.get("doi", "").lower() for r in printed if r.fields.get("doi"))
    used: set[str] = set()
    merged: list[Reference] = []
    matcher: ReferenceEntryMatcher | None = None
    first_of_key: dict[str, Reference] = {}  # the first .bib record with each key
    for record in bib:
        first_of_key.setdefault(record.key, record)
    for entry in printed:
        doi = entry.fields.get("doi", "").lower()
        record = by_doi.get(doi) if doi and printed_dois[doi] == 1 else None
        if record is None:
            matcher = matcher or ReferenceEntryMatcher(bib)
            key = matcher.best(_matching_text(entry), excluded=used)
            record = first_of_key.get(key) if key is not None else None
        if record is None or record.key in used:
            merged.append(entry)
            continue
        used.add(record.key)
        if renamed is not None:
            renamed[entry.key] = record.key
        fields = record.fields
        printed_year = entry.fields.get("year", "")
        if re.fullmatch(r"\d{4}[a-z]", printed_year) and record.year.strip() == printed_year[:4]:
            fields = {**fields, "year_printed": printed_year}  # the list's "1996b" tells 1996a from 1996c
        # the .bib cache is shared: a copy
        merged.append(replace(record, label=record.label or entry.label, fields=fields, listed=True))
    return [*merged, *(r for r in bib if r.key not in used)]
