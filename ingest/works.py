"""The resolver: which cited work a reference names, across every article of the store.

A work's identity, in order: DOI (normalised), PMID, PMCID, arXiv id, ISBN (as ISBN-13); otherwise
its first author's family name + year + normalised title, with fuzzy title matching (rapidfuzz,
`TITLE_THRESHOLD`, measured in docs/schema.md) among works of the same family name and year. The
same title with another year or another first author is another work. A Source id is
`work:<12 hex>` from the identity it was first known by, so ids are deterministic and re-ingest
(with a `WorkRegistry` built from the store) maps every reference to the id it had.

Every record that described a work is kept (`records_json`); the Source shows the most complete
record, completed field by field from the others, so no field is ever lost. Conflicting metadata
for one identifier (same DOI, different year, title or first author) is a warning naming both
records, never a silent guess.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.schema import normalise_doi, work_id
from ingest.model import PersonName, Reference

# Measured on tests/data/title_pairs.json (`python -m ingest.works tests/data/title_pairs.json`):
# precision 1.000 and recall 0.875 at every threshold from 70 to 96, recall falling above; 90 sits
# inside that plateau. See docs/schema.md, "Matching titles".
TITLE_THRESHOLD = 90.0
STRONG_KINDS = ("doi", "pmid", "pmcid", "arxiv", "isbn")
ARXIV_PREFIX = re.compile(r"^\s*(?:https?://arxiv\.org/abs/|arxiv:\s*)", re.IGNORECASE)


# -- normalisation ---------------------------------------------------------------------------------
def normalise_pmid(value: str) -> str:
    digits = re.sub(r"\D", "", value or "")
    return digits.lstrip("0") or ""


def normalise_pmcid(value: str) -> str:
    digits = re.sub(r"\D", "", value or "")
    return f"PMC{digits}" if digits else ""


def normalise_arxiv(value: str) -> str:
    """'arXiv:1706.03762v5' -> '1706.03762'; old style 'hep-th/9901001' kept."""
    bare = ARXIV_PREFIX.sub("", value or "").strip().lower()
    return re.sub(r"v\d+$", "", bare)


def normalise_isbn(value: str) -> str:
    """An ISBN as its 13 digits ('0-465-08730-2' -> '9780465087303'); '' if it is not one."""
    chars = re.sub(r"[^0-9Xx]", "", value or "").upper()
    if len(chars) == 10:
        body = "978" + chars[:9]
    elif len(chars) == 13 and chars.isdigit():
        body = chars[:12]
    else:
        return ""
    check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10) % 10
    return body + str(check)


def fold(text: str) -> str:
    """Accents folded (NFKD, combining marks dropped), case folded, punctuation removed,
    whitespace collapsed: 'Trauma & Recovery: the Aftermath' -> 'trauma recovery the aftermath'."""
    if any(c in text for c in "\\{}$"):  # LaTeX (a .bib value not yet decoded)
        from ingest.bibtex import decode_latex

        text = decode_latex(text)
    if text.isascii():  # NFKD leaves ASCII as it is and it has no combining marks
        stripped = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).split())


_NON_WORD = re.compile(r"[\W_]+")


def family_key(family: str) -> str:
    """The folded family name, particles kept: 'van der Kolk' -> 'van der kolk'."""
    return fold(family)


def year_of(text: str) -> str:
    found = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text or "")
    return found.group(1) if found else ""


STOP_WORDS = frozenset("a an and the of in on for to with by at from".split())
# Words that make a title another work than the same title without them (a reply is not the paper).
OTHER_WORK_WORDS = frozenset("reply response comment commentary erratum corrigendum correction retraction "
                             "retracted rejoinder".split())
ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9",
         "x": "10"}
WORD_FORMS = {"vol": "volume", "pt": "part", "no": "number", "ed": "edition"}


def title_words(title: str) -> list[str]:
    """Content words of a title (see _title_words; computed once per title)."""
    return list(_title_words(title))


@functools.lru_cache(maxsize=65536)
def _title_words(title: str) -> tuple[str, ...]:
    """Content words of a title: folded, hyphens joined ('post-traumatic' -> 'posttraumatic'),
    stop words dropped, Roman numerals as digits, 'vol' as 'volume'."""
    words = fold(title.replace("-", "").replace("\u2010", "")).split()
    forms = [WORD_FORMS.get(w, ROMAN.get(w, w)) for w in words]
    return tuple(w for w in forms if w not in STOP_WORDS)


def _unpaired(mine: list[str], theirs: list[str]) -> list[str]:
    """Words of `mine` with no counterpart in `theirs`: not the same word, not a spelling variant
    (rapidfuzz ratio >= 80, same first letter, 5+ letters: behavioral/behavioural, heatlh/health) and
    not two of their words run together (testenhanced / test enhanced)."""
    from rapidfuzz import fuzz

    left = [w for w in theirs if w not in mine]
    joined = {a + b for a, b in zip(theirs, theirs[1:], strict=False)}
    unpaired = []
    for i, word in enumerate(mine):
        if word in theirs or word in joined:
            continue
        if i + 1 < len(mine) and word + mine[i + 1] in theirs or i and mine[i - 1] + word in theirs:
            continue
        variant = next((w for w in left if len(w) >= 5 and len(word) >= 5 and w[0] == word[0]
                        and fuzz.ratio(w, word) >= 80), None)
        if variant is None:
            unpaired.append(word)
    return unpaired


@functools.lru_cache(maxsize=65536)
def title_similarity(a: str, b: str) -> float:
    """How alike two titles (as written) are, 0–100: rapidfuzz's ratio of their content words,
    or 0 when a content word of one has no counterpart in the other (another population, part,
    outcome: 'in men' / 'in women', 'part I' / 'part II') or one is a reply, erratum, … to the other.
    When only one has a subtitle, its main title (before ':') is compared too: a dropped subtitle
    is the same work."""
    from rapidfuzz import fuzz

    def score(x: str, y: str) -> float:
        wx, wy = title_words(x), title_words(y)
        if not wx or not wy or _unpaired(wx, wy) or _unpaired(wy, wx):
            return 0.0
        return float(fuzz.ratio(" ".join(wx), " ".join(wy)))

    wa, wb = set(title_words(a)), set(title_words(b))
    if (wa ^ wb) & OTHER_WORK_WORDS:
        return 0.0
    best = score(a, b)
    for x, y in ((a, b), (b, a)):
        if ":" in x and ":" not in y and len(title_words(x.split(":")[0])) >= 2:
            best = max(best, score(x.split(":")[0], y))
    return best


# -- identities ------------------------------------------------------------------------------------
def strong_identities(fields: dict[str, str]) -> list[str]:
    """'doi:…', 'pmid:…', 'pmcid:…', 'arxiv:…', 'isbn:…' identities a record's fields carry, in order."""
    found = []
    doi = normalise_doi(fields.get("doi", "")) or normalise_doi(fields.get("url", ""))
    if doi:
        found.append(f"doi:{doi}")
    pmid = normalise_pmid(fields.get("pmid", ""))
    if pmid:
        found.append(f"pmid:{pmid}")
    pmcid = normalise_pmcid(fields.get("pmcid", ""))
    if pmcid:
        found.append(f"pmcid:{pmcid}")
    arxiv = normalise_arxiv(fields.get("arxiv", "")) or (
        normalise_arxiv(fields.get("eprint", ""))
        if "arxiv" in (fields.get("archiveprefix", "").lower(), fields.get("eprinttype", "").lower())
        else "")
    if arxiv:
        found.append(f"arxiv:{arxiv}")
    isbn = normalise_isbn(fields.get("isbn", "").split(",")[0])
    if isbn:
        found.append(f"isbn:{isbn}")
    return found


@dataclass
class Description:
    """What one record says about a work, folded for comparison."""

    family: str
    year: str
    title: str  # folded
    strong: list[str]
    raw: str = ""  # as written (decoded), for fuzzy matching

    @property
    def title_key(self) -> str:
        """'title:family|year|title', or '' when any of the three is missing."""
        if self.family and self.year and self.title:
            return f"title:{self.family}|{self.year}|{self.title}"
        return ""


def describe(fields: dict[str, str], authors: list[PersonName]) -> Description:
    """What a record says about a work (the fields it reads kept, so a record cited again in the same
    words, as most are, is folded and normalised once)."""
    key = (authors[0].family if authors else None, *(fields.get(name, "") for name in _DESCRIBED))
    try:
        family, year, title, strong, raw = _description(key)
    except TypeError:  # a value that cannot be a key (not a string)
        family, year, title, strong, raw = _describe(key)
    return Description(family, year, title, list(strong), raw)


# the fields describe reads (strong_identities: doi … isbn)
_DESCRIBED = ("author", "title", "booktitle", "year", "date", "doi", "url", "pmid", "pmcid", "arxiv",
              "eprint", "archiveprefix", "eprinttype", "isbn")


def _describe(key: tuple[Any, ...]) -> tuple[str, str, str, tuple[str, ...], str]:
    first_family, *values = key
    fields = {name: value for name, value in zip(_DESCRIBED, values, strict=True) if value != ""}
    family = family_key(first_family) if first_family is not None else ""
    if not family and fields.get("author"):
        family = family_key(fields["author"].split(" and ")[0].split(",")[0])
    raw = fields.get("title", "") or fields.get("booktitle", "")
    return (family, year_of(fields.get("year", "") or fields.get("date", "")), fold(raw),
            tuple(strong_identities(fields)), raw)


_description = functools.lru_cache(maxsize=65536)(_describe)


# -- records ---------------------------------------------------------------------------------------
def record_of(ref: Reference, document_id: str) -> dict[str, Any]:
    """One provenance record: who described the work, where, and with which fields."""
    return {
        "document_id": document_id, "key": ref.key, "label": ref.label, "path": str(ref.path),
        "line": ref.line, "origin": ref.origin, "entry_type": ref.entry_type,
        "fields": dict(sorted(ref.fields.items())),
        "authors": [[p.family, p.given] for p in ref.authors], "others": ref.others,
        "bibtex": ref.bibtex,
    }


def _record_slot(record: dict[str, Any]) -> tuple[str, str, str]:
    """Records are replaced, not repeated, when the same document/file describes the same key again."""
    return (record.get("document_id", ""), record.get("path", ""), record.get("key", ""))


def _completeness(record: dict[str, Any]) -> tuple[int, int, int]:
    fields = record.get("fields", {})
    filled = sum(1 for v in fields.values() if v)
    return (filled, len(record.get("authors", [])), len(record.get("bibtex", "")))


def _where(record: dict[str, Any]) -> str:
    where = record.get("path", "") or record.get("document_id", "")
    line = record.get("line") or 0
    return f"{where}:{line} '{record.get('key', '')}'" if line else f"{where} '{record.get('key', '')}'"


def _merge_order(record: dict[str, Any]) -> tuple[Any, ...]:
    """Most complete first (then by slot and line): the order merged_reference takes records in."""
    return (tuple(-x for x in _completeness(record)), _record_slot(record), record.get("line", 0))


def merged_reference(records: list[dict[str, Any]], ordered: bool = False) -> Reference:
    """The most complete record, with every field the others add: the Source's displayed record.
    `ordered`: the records are in _merge_order already."""
    ordered_records = records if ordered else sorted(records, key=_merge_order)
    best = ordered_records[0]
    fields = dict(best.get("fields", {}))
    for other in ordered_records[1:]:
        for name, value in other.get("fields", {}).items():
            if value and not fields.get(name):
                fields[name] = value
    authors = best.get("authors") or next((r["authors"] for r in ordered_records if r.get("authors")), [])
    return Reference(key=best.get("key", ""), entry_type=best.get("entry_type", "") or "misc", fields=fields,
                     authors=[PersonName(f, g) for f, g in authors], path=best.get("path", ""),
                     line=best.get("line", 0), bibtex=best.get("bibtex", ""),
                     others=best.get("others", False),
                     label=best.get("label", ""), origin=best.get("origin", "bibtex"))


@dataclass
class Work:
    """One cited work: its id, the identities that name it and every record that described it."""

    id: str
    identities: set[str] = field(default_factory=set)
    records: list[dict[str, Any]] = field(default_factory=list)
    family: str = ""
    year: str = ""
    title: str = ""  # as written, of the first record that had one
    doi: str = ""
    # what work_properties showed for `records` so far (_Shown), a part that adds no record to the work,
    # or only records that change no displayed property, reuses it
    _properties: _Shown | None = field(default=None, repr=False, compare=False)
    # each record's JSON text by id(record) (the record kept with it, so the id stays its own)
    _encoded: dict[int, tuple[dict[str, Any], str]] = field(default_factory=dict, repr=False, compare=False)
    # the slots of `records` (built on first use) and how often a record was replaced in its slot
    _slots: set[tuple[str, str, str]] | None = field(default=None, repr=False, compare=False)
    _slots_of: list[dict[str, Any]] | None = field(default=None, repr=False, compare=False)
    _replaced: int = field(default=0, repr=False, compare=False)

    def add_record(self, record: dict[str, Any]) -> None:
        """Append `record`, or replace the record of its slot (then the record moves to the end)."""
        slot = _record_slot(record)
        if self._slots is None or self._slots_of is not self.records:  # first use, or records set anew
            self._slots, self._slots_of = {_record_slot(r) for r in self.records}, self.records
            self._replaced += 1
        if slot in self._slots:
            self.records = self._slots_of = [r for r in self.records if _record_slot(r) != slot] + [record]
            self._replaced += 1
        else:
            self.records.append(record)
            self._slots.add(slot)

    @property
    def keys(self) -> list[str]:
        return sorted({r["key"] for r in self.records if r.get("key")})


@dataclass
class ArticleIdentity:
    """What the registry knows of an ingested article, to link works to it (IN_CORPUS)."""

    id: str
    path: str = ""
    sha256: str = ""
    doi: str = ""
    title: str = ""
    author: str = ""
    year: str = ""


class WorkRegistry:
    """Known works (from the store and the current batch) and ingested articles.

    `resolve(ref, document_id)` returns the work id a reference names and records it. Build one
    from the store with `WorkRegistry.from_store(store)` so re-ingest gives every work its old id.
    """

    def __init__(self, stored_sources: Iterable[dict[str, Any]] = (),
                 stored_articles: Iterable[dict[str, Any]] = ()) -> None:
        self.works: dict[str, Work] = {}
        self.by_identity: dict[str, str] = {}
        self.by_family_year: dict[tuple[str, str], list[str]] = {}
        # the same buckets by year, then family: an article looks only at the works of its own year
        self._families_by_year: dict[str, dict[str, list[str]]] = {}
        self.articles: dict[str, ArticleIdentity] = {}
        # article ids by DOI, and (article, its folded authors) by year: the candidates article_for_work
        # checks, so linking a corpus is not articles x works
        self._articles_by_doi: dict[str, set[str]] = {}
        self._articles_by_year: dict[str, dict[str, tuple[ArticleIdentity, str]]] = {}
        self.stored_articles: dict[str, ArticleIdentity] = {}
        self.warnings: list[str] = []
        self._descriptions: dict[int, tuple[dict[str, Any], Description]] = {}
        # per work id: (its _replaced, its records list, how many of them are in, distinct descriptions)
        self._shapes: dict[str, tuple[int, list[dict[str, Any]], int, dict[tuple[str, ...], Any]]] = {}
        for props in stored_sources:
            self._load_source(props)
        for props in stored_articles:
            article = ArticleIdentity(props["id"], props.get("path", ""), props.get("sha256", ""),
                                      normalise_doi(props.get("doi", "")), props.get("title", ""),
                                      props.get("author", ""), year_of(props.get("date", "")))
            self.stored_articles[article.id] = article
            self.add_article(article)

    @classmethod
    def from_store(cls, store: Any) -> WorkRegistry:
        return cls(store.work_identities(), store.article_identities())

    # -- loading -----------------------------------------------------------------------------------
    def _load_source(self, props: dict[str, Any]) -> None:
        try:
            records = json.loads(props.get("records_json") or "[]")
        except json.JSONDecodeError:
            records = []
        if not records:  # a Source written without provenance: its own fields are the record
            try:
                fields = json.loads(props.get("fields_json") or "{}")
            except json.JSONDecodeError:
                fields = {}
            authors = [[p.split(",")[0].strip(), p.split(",", 1)[1].strip() if "," in p else ""]
                       for p in (props.get("authors") or "").split("; ") if p.strip()]
            records = [{"document_id": "", "key": k, "label": "", "path": "", "line": 0, "origin": "store",
                        "entry_type": props.get("entry_type", ""), "fields": fields, "authors": authors,
                        "others": False, "bibtex": props.get("bibtex", "")}
                       for k in (props.get("keys") or "").split(", ") or [""]]
        work = Work(props["id"])
        self.works[work.id] = work
        for record in records:
            work.add_record(record)
            self._index(work, self._describe_record(record))

    def _cached_description(self, record: dict[str, Any]) -> Description:
        """_describe_record, once per record (the record is kept with it, so its id stays its own)."""
        found = self._descriptions.get(id(record))
        if found is None or found[0] is not record:
            found = self._descriptions[id(record)] = (record, self._describe_record(record))
        return found[1]

    @staticmethod
    def _describe_record(record: dict[str, Any]) -> Description:
        authors = [PersonName(f, g) for f, g in record.get("authors", [])]
        return describe(record.get("fields", {}), authors)

    def _index(self, work: Work, desc: Description) -> None:
        """Let every identity of `desc` find `work` (identities already naming another work stay)."""
        if not work.family and desc.family:
            work.family, work.year, work.title = desc.family, desc.year, desc.raw
        for identity in [*desc.strong, desc.title_key]:
            if identity and identity not in self.by_identity:
                self.by_identity[identity] = work.id
                work.identities.add(identity)
            if identity.startswith("doi:") and not work.doi:
                work.doi = identity[4:]
        if desc.family and desc.year:
            bucket = self.by_family_year.get((desc.family, desc.year))
            if bucket is None:
                bucket = self.by_family_year[(desc.family, desc.year)] = []
                self._families_by_year.setdefault(desc.year, {})[desc.family] = bucket
            if work.id not in bucket:
                bucket.append(work.id)

    # -- resolving ---------------------------------------------------------------------------------
    def resolve(self, ref: Reference, document_id: str) -> str:
        """The id of the work `ref` names (a new one if no known work matches); records `ref`."""
        desc = describe(ref.fields, ref.authors)
        record = record_of(ref, document_id)
        work = self._match(desc, record)
        if work is None:
            identity = (desc.strong[0] if desc.strong else desc.title_key
                        or f"ref:{document_id}|{ref.key}")  # the citing article's own name for it
            work = Work(work_id(identity))
            if work.id in self.works:  # only a `ref:` identity seen twice: the same record again
                work = self.works[work.id]
            self.works[work.id] = work
        work.add_record(record)
        self._descriptions[id(record)] = (record, desc)  # what _describe_record(record) gives
        self._index(work, desc)
        return work.id

    def _match(self, desc: Description, record: dict[str, Any]) -> Work | None:
        for identity in desc.strong:
            if identity in self.by_identity:
                work = self.works[self.by_identity[identity]]
                self._check_conflict(work, desc, record, identity)
                return work
        candidates = []
        if desc.title_key in self.by_identity:
            candidates.append(self.works[self.by_identity[desc.title_key]])
        if desc.title and desc.family and desc.year:
            scored = sorted(((title_similarity(desc.raw, self.works[w].title), w)
                             for w in self.by_family_year.get((desc.family, desc.year), [])
                             if self.works[w].title), key=lambda s: (-s[0], s[1]))
            candidates += [self.works[w] for score, w in scored if score >= TITLE_THRESHOLD]
        own_doi = next((i[4:] for i in desc.strong if i.startswith("doi:")), "")
        for work in candidates:
            if own_doi and work.doi and work.doi != own_doi:
                continue  # two DOIs: two works, however alike their titles
            return work
        return None

    def _check_conflict(self, work: Work, desc: Description, record: dict[str, Any], identity: str) -> None:
        """Warn when a record shares an identifier with a work but disagrees on what it is.

        Checked once per distinct description of the work's records (year, first author, title), in
        the order of their first records: a work cited by k articles in the same words costs one
        check per new record, not k."""
        for seen, other in self._distinct_descriptions(work):
            problems = []
            if desc.year and seen.year and desc.year != seen.year:
                problems.append(f"year {seen.year} vs {desc.year}")
            if desc.family and seen.family and desc.family != seen.family:
                problems.append(f"first author {seen.family} vs {desc.family}")
            if desc.title and seen.title and title_similarity(desc.raw, seen.raw) < TITLE_THRESHOLD:
                problems.append("different titles")
            if problems:
                self.warnings.append(
                    f"{_where(record)} and {_where(other)} share {identity} but differ "
                    f"({'; '.join(problems)}): kept as one work {work.id}; check which record is right")
                return

    def _distinct_descriptions(self, work: Work) -> Iterable[tuple[Description, dict[str, Any]]]:
        """Each distinct description of `work.records` with the first record that gives it, in record
        order; kept per work and extended by the records appended since (built again after a record
        was replaced in its slot, which moves it to the end)."""
        found = self._shapes.get(work.id)
        if found is None or found[0] != work._replaced or found[1] is not work.records:
            found = self._shapes[work.id] = (work._replaced, work.records, 0, {})
        replaced, records, consumed, shapes = found
        if consumed < len(records):
            for other in records[consumed:]:
                seen = self._cached_description(other)
                shapes.setdefault((seen.year, seen.family, seen.title, seen.raw), (seen, other))
            self._shapes[work.id] = (replaced, records, len(records), shapes)
        return shapes.values()

    # -- articles (IN_CORPUS) ----------------------------------------------------------------------
    def add_article(self, article: ArticleIdentity) -> None:
        old = self.articles.get(article.id)
        if old is not None:
            self._articles_by_doi.get(old.doi, set()).discard(old.id)
            self._articles_by_year.get(old.year, {}).pop(old.id, None)
        self.articles[article.id] = article
        if article.doi:
            self._articles_by_doi.setdefault(article.doi, set()).add(article.id)
        self._articles_by_year.setdefault(article.year, {})[article.id] = (article, fold(article.author))

    def article_for_work(self, work_id_: str) -> str | None:
        """The ingested article that is this work (same DOI, or same title + year + first author);
        of several, the first by id."""
        work = self.works.get(work_id_)
        if work is None:
            return None
        candidates = [self.articles[a] for a in self._articles_by_doi.get(work.doi, ())] if work.doi else []
        if work.family:  # a title match needs the year and the first author's family name
            candidates += [article for article, authors in self._articles_by_year.get(work.year, {}).values()
                           if work.family in authors]
        matches = [article.id for article in candidates if self._is_article(work, article)]
        return min(matches) if matches else None

    def works_for_article(self, article: ArticleIdentity) -> list[str]:
        """Known works that are this article."""
        found = []
        if article.doi and f"doi:{article.doi}" in self.by_identity:
            found.append(self.by_identity[f"doi:{article.doi}"])
        title, year = article.title, article.year
        authors = fold(article.author)  # once, not once per (family, year) of every known work
        for family, ids in self._families_by_year.get(year, {}).items():
            if family not in authors:
                continue
            found += [w for w in ids if self._is_article(self.works[w], article) and w not in found]
        return sorted(found) if title or article.doi else []

    @staticmethod
    def _is_article(work: Work, article: ArticleIdentity) -> bool:
        if article.doi and work.doi:
            return article.doi == work.doi
        return bool(article.title and work.title and work.year == article.year and work.family
                    and work.family in fold(article.author)
                    and title_similarity(article.title, work.title) >= TITLE_THRESHOLD)


def work_properties(work: Work) -> tuple[dict[str, Any], list[PersonName]]:
    """The Source node's properties (graph.schema) for a work, and its authors in byline order."""
    props, people, _ = work_properties_and_design(work)
    return props, people


def work_properties_and_design(work: Work) -> tuple[dict[str, Any], list[PersonName], Any]:
    """work_properties, and the ingest.support.design.Design its records alone give (computed again
    only when a record added since the last call may change what the Source shows)."""
    shown = _shown(work)
    return dict(shown.props), list(shown.people), shown.design


@dataclass
class _Shown:
    """What a work's Source shows for its first `count` records, and what it takes to tell whether an
    appended record changes any of it but `records_json` and `keys` (see _shows_the_same)."""

    records: list[dict[str, Any]]  # the work's records list it was built from
    replaced: int  # the work's _replaced then
    count: int
    props: dict[str, Any]
    people: list[PersonName]
    author_ids: list[str]
    design: Any
    best_order: tuple[Any, ...]  # _merge_order of the record shown
    best_fields: dict[str, Any]
    fields: dict[str, Any]  # shown (merged)
    best_has_authors: bool
    authors: list[Any]  # shown, as records hold them ([family, given] pairs)
    types: set[str]  # the records' publication_type values (the design reads them)
    sort_keys: list[tuple[str, str, int, str]]  # records_json order
    texts: list[str]  # each record's JSON text, in that order
    keys: set[str]


def _shown(work: Work) -> _Shown:
    """The work's _Shown, extended by the records appended since it was built when none of them changes
    a displayed property (the usual case: another article citing the work in the same words), else
    built again from every record."""
    shown = work._properties
    if shown is None or shown.replaced != work._replaced or shown.records is not work.records:
        shown = work._properties = _build_shown(work)
    elif shown.count < len(work.records):
        added = work.records[shown.count:]
        if all(_shows_the_same(shown, record) for record in added):
            _append_records(shown, added)
        else:
            shown = work._properties = _build_shown(work)
    return shown


def _publication_type(record: dict[str, Any]) -> str:
    fields = record.get("fields")
    return str(fields.get("publication_type", "") or "") if isinstance(fields, dict) else ""


def _shows_the_same(shown: _Shown, record: dict[str, Any]) -> bool:
    """Whether appending `record` leaves every property but records_json and keys as `shown` has them:
    it is not the most complete record (merged_reference still shows the same one), every field it
    fills is filled already with the same value or by the record shown, its authors are those shown
    (or the record shown has authors, or it has none), and its publication type adds nothing to the
    design's list of them (ingest.support.design._record_design)."""
    if not isinstance(record, dict) or not _merge_order(record) > shown.best_order:
        return False
    fields = record.get("fields", {})
    if not isinstance(fields, dict):
        return False
    for name, value in fields.items():
        if value and not (shown.best_fields.get(name) or shown.fields.get(name) == value):
            return False
    authors = record.get("authors")
    if authors and not shown.best_has_authors and authors != shown.authors:
        return False
    raw = fields.get("publication_type", "")
    if raw and not isinstance(raw, str):
        return False
    kind = _publication_type(record)
    return not kind or kind == shown.fields.get("publication_type") or shown.types == {kind}


def _append_records(shown: _Shown, added: list[dict[str, Any]]) -> None:
    """Put records that show the same into `shown`: records_json (each record where sorted() puts it,
    after equal keys) and keys, in a new props dict (one handed out is never changed)."""
    import bisect

    for record in added:
        order = _record_sort(record)
        at = bisect.bisect_right(shown.sort_keys, order)
        shown.sort_keys.insert(at, order)
        shown.texts.insert(at, _RECORD_JSON(record))
        if record.get("key"):
            shown.keys.add(record["key"])
        kind = _publication_type(record)
        if kind:
            shown.types.add(kind)
    shown.count += len(added)
    shown.props = {**shown.props, "keys": ", ".join(sorted(shown.keys)),
                   "records_json": "[" + ", ".join(shown.texts) + "]"}


# A record's JSON text: json.dumps(record, ensure_ascii=False, sort_keys=True) without building an encoder
# per call (json.dumps makes one whenever an option is given; the text is the same).
_RECORD_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def _record_cache(work: Work, record: dict[str, Any]) -> tuple[Any, ...]:
    """(record, its JSON text, its merged_reference order, its records_json order), computed once per
    record object (the record is kept with them, so its id stays its own)."""
    found = work._encoded.get(id(record))
    if found is None or found[0] is not record:
        found = work._encoded[id(record)] = (
            record, _RECORD_JSON(record), _merge_order(record),
            _record_sort(record))
    return found


def _work_properties(work: Work) -> tuple[dict[str, Any], list[PersonName], Any]:
    """work_properties_and_design from every record (nothing reused but each record's JSON text)."""
    shown = _build_shown(work)
    return shown.props, shown.people, shown.design


def _build_shown(work: Work) -> _Shown:
    from graph.schema import author_id
    from ingest.bibtex import source_properties
    from ingest.support.design import classify

    cached = [_record_cache(work, record) for record in work.records]
    if len(work._encoded) > 2 * len(work.records) + 8:  # records replaced since: forget them
        kept = {id(r) for r in work.records}
        work._encoded = {k: v for k, v in work._encoded.items() if k in kept}
    by_merge = sorted(cached, key=lambda c: c[2])
    by_sort = sorted(cached, key=lambda c: c[3])
    shown = merged_reference([c[0] for c in by_merge], ordered=True)
    best = by_merge[0][0]
    keys = {r["key"] for r in work.records if r.get("key")}
    props: dict[str, Any] = dict(source_properties(shown))
    fields = shown.fields
    strong = dict(i.split(":", 1) for i in strong_identities(fields))
    texts = [c[1] for c in by_sort]
    props.update({
        "pmid": strong.get("pmid", ""), "pmcid": strong.get("pmcid", ""),
        "arxiv": strong.get("arxiv", ""), "isbn": strong.get("isbn", ""),
        "keys": ", ".join(sorted(keys)),
        "records_json": "[" + ", ".join(texts) + "]",  # json.dumps of by_sort, each record encoded once
    })
    if not props["venue"]:
        props["venue"] = fields.get("source", "")  # JATS <source> when no journal field
    # the records alone; ingest.support.profile adds corpus text
    found = classify(props, records=[c[0] for c in by_sort])
    props.update({"design": str(found.design), "design_reason": found.reason})
    people = shown.authors
    return _Shown(
        records=work.records, replaced=work._replaced, count=len(work.records), props=props, people=people,
        author_ids=[author_id(p.family, p.given) for p in people], design=found, best_order=by_merge[0][2],
        best_fields=dict(best.get("fields", {})), fields=dict(fields),
        best_has_authors=bool(best.get("authors")),
        authors=[[p.family, p.given] for p in people],
        types={t for t in (_publication_type(r) for r in work.records) if t},
        sort_keys=[c[3] for c in by_sort], texts=texts, keys=keys)


def _record_sort(record: dict[str, Any]) -> tuple[str, str, int, str]:
    return (record.get("document_id", ""), record.get("path", ""), record.get("line", 0) or 0,
            record.get("key", ""))


def add_works(batch: Any, registry: WorkRegistry, work_ids: list[str]) -> dict[str, Any]:
    """Source nodes (every record merged), Author nodes and WRITTEN_BY in byline order; the batch
    replaces each work's WRITTEN_BY edges, so a corrected author list leaves no old edge. Returns the
    design each work's records alone give (ingest.support.design.Design), by work id, for annotate."""
    from graph.schema import Label, RelType

    authors_seen: set[str] = set()
    designs: dict[str, Any] = {}
    for work_id_ in work_ids:
        shown = _shown(registry.works[work_id_])
        designs[work_id_] = shown.design
        batch.add_node(Label.SOURCE, work_id_, **shown.props)
        batch.replaces_outgoing.append((str(RelType.WRITTEN_BY), work_id_))
        for position, (person_id, person) in enumerate(zip(shown.author_ids, shown.people, strict=True)):
            if person_id not in authors_seen:
                authors_seen.add(person_id)
                batch.add_node(Label.AUTHOR, person_id, name=person.display, family=person.family,
                               given=person.given)
            batch.add_rel(RelType.WRITTEN_BY, work_id_, person_id, position=position)
    return designs


def title_match_table(pairs: list[dict[str, Any]], thresholds: Iterable[float]) -> list[dict[str, float]]:
    """Precision and recall of `title_similarity(a, b) >= t` on labelled pairs ({a, b, same}), per t."""
    scored = [(bool(p["same"]), title_similarity(p["a"], p["b"])) for p in pairs]
    table = []
    for threshold in thresholds:
        tp = sum(1 for same, score in scored if same and score >= threshold)
        fp = sum(1 for same, score in scored if not same and score >= threshold)
        fn = sum(1 for same, score in scored if same and score < threshold)
        table.append({"threshold": threshold, "precision": tp / (tp + fp) if tp + fp else 1.0,
                      "recall": tp / (tp + fn) if tp + fn else 1.0, "tp": tp, "fp": fp, "fn": fn})
    return table


if __name__ == "__main__":  # python -m ingest.works tests/data/title_pairs.json
    import sys

    labelled = json.loads(open(sys.argv[1], encoding="utf-8").read())["pairs"]
    for row in title_match_table(labelled, range(70, 101, 2)):
        print(f"{row['threshold']:>5}  precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
              f"(tp {row['tp']}, fp {row['fp']}, fn {row['fn']})")
