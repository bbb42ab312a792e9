"""The reference index: a document's References by folded family name, year, number and title."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from ingest.citations.text import STOPWORDS, _is_word_char, fold, words_of
from ingest.claims import looks_like_reference_entry
from ingest.model import LIST_ITEM, REFERENCES, ParsedDocument, PersonName, Reference

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
    # Markdown footnote label -> the key of the reference its definition describes ("1" for "[^1]: …");
    # a label whose definition matches no reference maps to "" (ingest.citations.detectors.footnote)
    footnotes: dict[str, str] = field(default_factory=dict)
    # the titles of the articles the index serves: a study their title names is their own
    # ("… Results from APOLLON study": "the APOLLON trial" is the present one; detectors.study)
    own_titles: tuple[str, ...] = ()
    _by_key: dict[str, Reference] = field(init=False, repr=False)
    _author_forms: list[list[frozenset[str]]] = field(init=False, repr=False)
    _by_first_form: dict[str, list[int]] = field(init=False, repr=False)
    _years: list[set[str]] = field(init=False, repr=False)
    _key_years: dict[str, set[str]] = field(init=False, repr=False)
    _by_year: dict[str, list[int]] = field(init=False, repr=False)
    _memo: dict[tuple, object] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key = {}
        for ref in self.references:
            self._by_key.setdefault(ref.key, ref)
        self._author_forms = [[family_forms(a.family) for a in r.authors] for r in self.references]
        for ref, forms in zip(self.references, self._author_forms, strict=True):
            acronym = _group_acronym(ref)
            if acronym and forms:
                forms[0] = forms[0] | {acronym}
        self._by_first_form = {}
        for position, forms in enumerate(self._author_forms):
            for form in forms[0] if forms else ():
                self._by_first_form.setdefault(form, []).append(position)
        self._years = [_years_of(r) for r in self.references]
        self._key_years = {}  # the years of the reference by_key gives (the first with the key)
        for ref, years in zip(self.references, self._years, strict=True):
            self._key_years.setdefault(ref.key, years)
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

    def key_years(self, key: str) -> set[str]:
        """`_years_of(self.by_key(key))`, computed once when the index was built (do not change it)."""
        if key not in self._key_years:
            raise StopIteration(key)
        return self._key_years[key]

    def author_forms(self, position: int) -> list[frozenset[str]]:
        return self._author_forms[position]

    def derived(self, name: str, build: Callable[[], _T]) -> _T:
        """A structure derived from the references, built on first use and kept."""
        key = ("derived", name)
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]  # type: ignore[return-value]


_T = TypeVar("_T")


# A group author's entry whose institution is its abbreviation ("National Institute for Health and Care
# Excellence", institution "NICE"): the page cites it by the abbreviation, "(NICE, 2018)".
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,9}$")


def _group_acronym(ref: Reference) -> str:
    """The folded abbreviation a one-group-author entry's `institution` field gives, or ""."""
    institution = re.sub(r"[{}]", "", ref.fields.get("institution", "")).strip()
    if len(ref.authors) != 1 or ref.authors[0].given or len(ref.authors[0].family.split()) < 2 \
            or not _ACRONYM.match(institution):
        return ""
    return " ".join(words_of(institution))


# A group author printed with its abbreviation first: "BFG - The Brazil Flora Group",
# "CNCFlora - Centro Nacional de Conservação da Flora", cited as "(BFG 2021)", "(CNCFlora 2021)".
_ABBREVIATION_FIRST = re.compile(r"^\s*([^\W\d_][\w&]{1,11})\s+[-–—]\s+\S")


# Words that start a family name without being a surname of its own: particles ("de la Cruz",
# "van der Kolk", "St. John") and the first words of group authors ("The", "World", "National").
_NOT_A_FIRST_SURNAME = frozenset(
    "van von de der den del della dalla da das dos du le la les lo di ten ter st saint san santa mac "
    "al el bin ben ibn abu the of and for on in world national american british european international "
    "royal united new university department ministry office institute centre center society".split())


@functools.lru_cache(maxsize=65536)
def family_forms(family: str) -> frozenset[str]:
    """'van der Kolk' -> {'van der kolk', 'kolk', 'vanderkolk'}: full family name, its last word and
    the name run together; the first of two or three surnames ('Rodríguez Camiño' -> 'rodriguez',
    as Spanish citations print it); a group's abbreviation printed before its name too ('BFG - The
    Brazil Flora Group' -> 'bfg')."""
    folded = " ".join(words_of(family))
    if not folded:
        return frozenset()
    words = folded.split()
    forms = {folded, words[-1], folded.replace(" ", "")}  # "Van Buren" is also "VanBuren"
    if 2 <= len(words) <= 3 and words[0] not in _NOT_A_FIRST_SURNAME and len(words[0]) > 2 \
            and family[:1].isupper():
        forms.add(words[0])  # Spanish "Martínez Otero Pérez", cited by the first surname "Martínez"
    abbreviation = _ABBREVIATION_FIRST.match(family)
    if abbreviation:
        forms.add(" ".join(words_of(abbreviation.group(1))))
    return frozenset(forms)


# A translation the entry names after the original ("Trad. cast. La hermenéutica del sujeto. Madrid: Akal,
# 2005", "Translated by …, 1990", "Dt. Übers. 1987"): authors cite it by the translation's year.
_TRANSLATION_NOTE = re.compile(r"\b(?:trad\.|tradu[cç][aã]o|traducci[oó]n|traduction|trans\.|translat\w*|"
                               r"[Üü]bers\.|[Üü]bersetz\w*)(?P<rest>[^;]{0,300})", re.I)


_YEAR_SPAN = re.compile(r"(?:1[5-9]|20)\d\d\s*[-–/]\s*(?:1[5-9]|20)?\d\d")


def _years_of(ref: Reference) -> set[str]:
    years = {ref.year.strip()}
    for extra in ("origyear", "origdate"):
        if ref.fields.get(extra):
            years.add(ref.fields[extra][:4])
    years |= set(re.findall(r"\d{4}", ref.year))
    for place in ("note", "printed"):
        for translation in _TRANSLATION_NOTE.finditer(ref.fields.get(place, "")):
            rest = _YEAR_SPAN.sub(" ", translation.group("rest"))  # "Curso … (1981 - 1982)" is no date
            years |= set(re.findall(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)", rest))
    return {y for y in years if y}


def number_references(references: list[Reference], docs: list[ParsedDocument]) -> dict[int, str]:
    """Map reference-list numbers to keys through the article's own numbered list, each entry
    matched to a .bib entry; .bib file order only when the article has no such list."""
    listed: dict[int, str] = {}
    printed: set[int] = set()
    matcher: ReferenceEntryMatcher | None = None
    lists_entries = False  # the article prints a reference list (numbered or not)
    # an entry parsed from the printed list itself is its own number's, whatever the matcher would
    # prefer ("3. Patz Ja, …" with no readable authors is not "9. Patz J, Campbell-Lendrum D, …")
    own_number = Counter(r.label for r in references if r.origin in ("reference-list", "pdf") and r.label)
    parsed = {int(r.label): r.key for r in references if r.origin in ("reference-list", "pdf")
              and r.label.isdigit() and own_number[r.label] == 1}
    for doc in docs:
        for block in doc.blocks:
            lists_entries = lists_entries or block.kind == REFERENCES
            line_start = doc.text.rfind("\n", 0, block.start) + 1  # list items start after "1. "
            for entry in doc.text[line_start:block.end].splitlines():
                match = _NUMBERED_ENTRY.match(entry)
                if not match or block.kind not in (REFERENCES, LIST_ITEM) and not looks_like_reference_entry(
                        match.group("entry").strip()):
                    continue
                label = (match.group("b") or match.group("d")
                         or match.group("s").translate(_SUPERSCRIPT_DIGITS))
                number = int(label)
                key = parsed.get(number) if block.kind == REFERENCES else None
                if key is None:
                    matcher = matcher or ReferenceEntryMatcher(references)
                    key = matcher.best(match.group("entry"))
                if block.kind == LIST_ITEM and not key and not looks_like_reference_entry(entry.strip()):
                    continue  # a numbered list of the text (Glossa's "1. Syntactically, IHRCs are CPs …")
                printed.add(number)
                if key:
                    listed.setdefault(number, key)
    in_list_order = all(n <= len(references) and references[n - 1].key == key for n, key in listed.items())
    if listed and in_list_order:  # the .bib follows the list: entries that did not match go by position
        for number in sorted(printed - set(listed)):
            if number <= len(references) and references[number - 1].key not in listed.values():
                listed[number] = references[number - 1].key
    # An entry read from the printed list itself carries its number: a line whose authors could not be
    # read ("Langer P 2009 Title.") is still number 1 when one reference is labelled 1.
    labelled: dict[int, list[str]] = {}
    for ref in references:
        label = ref.label.strip("[](). ")
        if label.isdigit():
            labelled.setdefault(int(label), []).append(ref.key)
    taken = set(listed.values())
    for number in sorted(printed - set(listed)):
        keys = labelled.get(number, [])
        if len(keys) == 1 and keys[0] not in taken:
            listed[number] = keys[0]
            taken.add(keys[0])
    if not listed and references and all(r.origin in ("reference-list", "pdf") and not r.label
                                         for r in references):
        return {}  # an unnumbered (author-year) list printed in the article: its order numbers nothing
    if not printed and lists_entries:
        return {}  # the same with a .bib: the .bib's order numbers nothing either ("(18)" is a count)
    return listed or {i: ref.key for i, ref in enumerate(references, start=1)}


# "[3] …", "(3) …" (a leaflet's list), "3. …", "3) …", and a footnote list in superscripts
# ("¹ Schoenfeld BJ, Aragon AA, … 2013;10:53.")
_NUMBERED_ENTRY = re.compile(r"^\s*(?:[\[(](?P<b>\d{1,3})[\])]|(?P<d>\d{1,3})[.)]|(?P<s>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))"
                             r"\s+(?P<entry>.*)")
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def match_reference_entry(entry: str, references: list[Reference]) -> str | None:
    """The .bib entry a reference-list line describes: its first author's family name must open
    the line, and its year or most of its title words must appear; the best unique score wins."""
    return ReferenceEntryMatcher(references).best(entry)


def _has_whole_words(text: str, words: str) -> bool:
    """re.search(rf"\\b{re.escape(words)}\\b", text) for `words` that begin and end with a word
    character (a family_forms form), found with str.find."""
    at, size, length = text.find(words), len(words), len(text)
    while at >= 0:
        end = at + size
        if (at == 0 or not _is_word_char(text[at - 1])) and (end == length or not _is_word_char(text[end])):
            return True
        at = text.find(words, at + 1)
    return False


_WORD_RUN = re.compile(r"\w+")


def _group_initials(author: PersonName) -> frozenset[str]:
    """A group author's initials, as a printed list may spell it ("FSANZ. (2003). Monosodium …" for
    the .bib's "Food Standards Australia New Zealand"): the capitals opening its words, three or more."""
    words = author.family.split()
    capitals = "".join(w[0] for w in words if w[:1].isupper())
    if author.given or len(words) < 3 or len(capitals) < 3:
        return frozenset()
    return frozenset({capitals.lower()})


class ReferenceEntryMatcher:
    """`match_reference_entry` for many lines against one reference set. The references are indexed
    once by their first author's family forms, so a line looks up the word-bounded stretches of its
    head in that index (`_named_in`) instead of searching it for every reference's forms; a
    reference's title words are derived only when a line names its first author, and then kept."""

    def __init__(self, references: list[Reference]) -> None:
        self._references: list[Reference] = []
        self._by_form: dict[str, list[int]] = {}
        for ref in references:
            if not ref.authors:
                continue
            forms = family_forms(ref.authors[0].family)
            if not ref.authors[0].given:  # a group author: its initials too ("FSANZ")
                forms = forms | _group_initials(ref.authors[0])
            if not forms:
                continue
            for form in forms:
                self._by_form.setdefault(form, []).append(len(self._references))
            self._references.append(ref)
        self._empty_form = self._by_form.pop("", [])
        self._reach: dict[str, int] = {}  # a form's first word -> the longest form beginning with it
        for form in self._by_form:
            first = form.split(" ", 1)[0]
            self._reach[first] = max(self._reach.get(first, 0), len(form))
        self._details: dict[int, tuple[frozenset[str], int, str, frozenset[str], str]] = {}

    def _named_in(self, head: str) -> list[int]:
        """Positions (in order) of the references one of whose forms is in `head` as whole words
        (`_has_whole_words`). A form begins and ends with a word character, so where it is in `head`
        as whole words it runs from the start of one word run of `head` (its first word) to the end of
        a later one: from each word some form begins with, the stretches no longer than the longest
        such form are looked up (`head` is fold's ASCII, where `\\w` is `_is_word_char`). An empty
        form (a group abbreviation fold leaves nothing of) is searched for as before."""
        runs = [(m.start(), m.end()) for m in _WORD_RUN.finditer(head)]
        found: set[int] = set(self._empty_form) if self._empty_form and _has_whole_words(head, "") else set()
        by_form, reach = self._by_form, self._reach
        for first, (start, first_end) in enumerate(runs):
            longest = reach.get(head[start:first_end])
            if longest is None:  # no form begins with this word
                continue
            for _, end in runs[first:]:
                if end - start > longest:
                    break
                named = by_form.get(head[start:end])
                if named:
                    found.update(named)
        return sorted(found)

    def _detail(self, position: int) -> tuple[frozenset[str], int, str, frozenset[str], str]:
        """A reference's main-title words, their count, year, whole-title words and main-title phrase."""
        if position not in self._details:
            ref = self._references[position]
            title = [w for w in words_of(main_title(ref)) if w not in STOPWORDS]
            whole = frozenset(w for w in words_of(re.sub(r"[{}]", "", ref.title)) if w not in STOPWORDS)
            phrase = " ".join(words_of(main_title(ref)))
            self._details[position] = (frozenset(title), len(title), ref.year[:4], whole, phrase)
        return self._details[position]

    def best(self, entry: str, excluded: set[str] | frozenset[str] = frozenset()) -> str | None:
        """The key of the one best-scoring reference for `entry` (None on no match or a tie),
        references whose key is in `excluded` left out. Between equal scores the share of the whole
        title (subtitle too) decides, then the main title printed first (a title follows the authors
        in every style, a book's title after a chapter's): "Clark G: The son also rises: Surnames and
        the history of social mobility" is Clark's 2015 book, not his "Surnames: A new source for the
        history of social mobility" of the same year, whose main title "Surnames" it also holds."""
        head, words = fold(entry[:120]), set(words_of(entry))
        spelled: str | None = None
        scored = []
        for position in self._named_in(head):
            ref = self._references[position]
            if ref.key in excluded:
                continue
            title, title_length, year, whole, phrase = self._detail(position)
            title_share = len(title & words) / title_length if title_length else 0.0
            has_year = bool(year) and year in entry
            # without the year, the whole main title: "KOHONEN, T. 1990. The self-organizing map." is not
            # the .bib's 1995 "Self-Organizing Maps" (two of its three words)
            if has_year or title_share >= (1.0 if year and re.search(r"\b(?:1[5-9]|20)\d\d\b", entry)
                                           else 0.5):
                whole_share = len(whole & words) / len(whole) if whole else 0.0
                spelled = " " + " ".join(words_of(entry)) + " " if spelled is None else spelled
                found = spelled.find(f" {phrase} ") if phrase else -1
                first = found if found >= 0 else len(spelled)
                scored.append((int(has_year) + title_share, whole_share, -first, ref.key))
        scored.sort(reverse=True)
        if not scored or len(scored) > 1 and scored[0][:3] == scored[1][:3]:
            return None
        return scored[0][3]


def build_index(references: list[Reference], docs: list[ParsedDocument]) -> RefIndex:
    return RefIndex(references, number_references(references, docs), footnote_references(references, docs),
                    tuple(d.title for d in docs if d.kind == "article" and d.title))


# "[^1]: Semmelweis, I. (1983). The etiology …" at the start of a line: a Markdown footnote definition.
_FOOTNOTE_DEFINITION = re.compile(r"^\[\^(?P<label>[\w\-]{1,30})\]:[ \t]*(?P<note>\S[^\n]*)", re.MULTILINE)


def footnote_references(references: list[Reference], docs: list[ParsedDocument]) -> dict[str, str]:
    """Each Markdown footnote label of the documents -> the key of the reference its definition
    describes (matched as a reference-list line is, `ReferenceEntryMatcher`), or "" when the
    note describes none of them (a note in prose, a work missing from the .bib)."""
    labels: dict[str, str] = {}
    matcher: ReferenceEntryMatcher | None = None
    for doc in docs:
        if "[^" not in doc.text:
            continue
        for definition in _FOOTNOTE_DEFINITION.finditer(doc.text):
            matcher = matcher or ReferenceEntryMatcher(references)
            labels.setdefault(definition.group("label"), matcher.best(definition.group("note")) or "")
    return labels


def main_title(ref: Reference) -> str:
    """The title up to its subtitle: 'Trauma and Recovery: The Aftermath…' -> 'Trauma and Recovery'."""
    title = re.sub(r"[{}]", "", ref.title)
    return re.split(r"\s*(?::|\s--\s|\s–\s|\s—\s|\?|\.\s)", title)[0].strip()
