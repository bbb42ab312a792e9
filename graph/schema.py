"""The ClaimGraph schema: labels, relationship types, properties and stable ids.

This module is the single definition both backends use. SQLite tables, Neo4j
constraints and indexes, exports and docs/schema.md are generated from it;
nothing else in the code base spells a label or relationship type by hand.

Ids are deterministic: the same input always produces the same ids, so ingesting
twice changes nothing and permalinks survive re-ingest.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

# Version 2: a Source is a cited work (`work:<12 hex>`), the citing document's key is on CITES,
# IN_CORPUS links a cited work to the ingested article it is; claims and evidence carry PDF places.
# Version 3: a Source's study design (`design`, `design_reason`), the stance of each citing passage
# (`stance`, `stance_cue` on Evidence->Source CITES), a claim's support profile (`support_design`,
# `n_supporting`, `n_contrasting`) and the status `disputed-by-citation` (ingest/upgrade.py on upgrade).
# Version 4: an unresolved citation's `reason` (Evidence) and the claim status `cited-unresolved` (a
# v3 store held such claims as `unsupported`; the upgrade sets them from the stored evidence).
SCHEMA_VERSION = 4
# The node (Neo4j) / table (SQLite) that records the schema version; not part of the graph itself.
META_LABEL = "ClaimGraphMeta"
META_ID = "schema"


class Label(StrEnum):
    """Node labels."""

    DOCUMENT = "Document"
    CLAIM = "Claim"
    EVIDENCE = "Evidence"
    SOURCE = "Source"
    AUTHOR = "Author"


class RelType(StrEnum):
    """Relationship types."""

    MAKES = "MAKES"
    SUPPORTED_BY = "SUPPORTED_BY"
    CITES = "CITES"
    WRITTEN_BY = "WRITTEN_BY"
    REPLIES_TO = "REPLIES_TO"
    CHALLENGES = "CHALLENGES"
    IN_CORPUS = "IN_CORPUS"


class DocumentKind(StrEnum):
    ARTICLE = "article"
    COMMENT = "comment"


class ClaimStatus(StrEnum):
    """How a claim is supported: by a cited source, by anecdote only, or not at all; a claim whose
    only citations dispute the works they cite is `disputed-by-citation`, not `cited`; a claim that
    cites but none of whose citations matched a reference is `cited-unresolved`, not `unsupported`."""

    CITED = "cited"
    CITED_UNRESOLVED = "cited-unresolved"
    DISPUTED_BY_CITATION = "disputed-by-citation"
    ANECDOTAL = "anecdotal"
    UNSUPPORTED = "unsupported"


class StudyDesign(StrEnum):
    """The study design of a cited work, strongest evidence first (see DESIGN_STRENGTH).

    The order is the evidence pyramid of evidence-based medicine (Oxford CEBM levels): syntheses of
    studies, then randomised trials, then observational designs from the one that follows people
    forward in time to the one that looks at a single moment, then single cases. Qualitative studies
    answer a different question and animal / in vitro work is indirect for claims about people, so
    both come after the human quantitative designs. Then what reports no study of its own: guidelines
    (consensus), narrative reviews, books, commentary, web pages, datasets/software. `unknown` last.
    """

    SYSTEMATIC_REVIEW = "systematic-review"
    RCT = "rct"
    COHORT = "cohort"
    CASE_CONTROL = "case-control"
    CROSS_SECTIONAL = "cross-sectional"
    CASE_REPORT = "case-report"
    QUALITATIVE = "qualitative"
    ANIMAL_IN_VITRO = "animal-in-vitro"
    GUIDELINE = "guideline"
    NARRATIVE_REVIEW = "narrative-review"
    BOOK = "book"
    COMMENTARY = "commentary"
    WEB = "web"
    DATASET_SOFTWARE = "dataset-software"
    UNKNOWN = "unknown"


# Strength of each design: lower is stronger (the enum's order).
DESIGN_STRENGTH: dict[str, int] = {design.value: rank for rank, design in enumerate(StudyDesign)}


class SupportTier(StrEnum):
    """Groups of designs for the handout and the filters: how strong the support of a claim is."""

    TRIAL_OR_REVIEW = "trial or systematic review"
    OBSERVATIONAL = "observational study"
    CASE_OR_INDIRECT = "case report, qualitative or laboratory study"
    OPINION_OR_SECONDARY = "guideline, review, book, commentary or other non-study"
    DESIGN_UNKNOWN = "design not stated"


DESIGN_TIERS: dict[str, SupportTier] = {
    StudyDesign.SYSTEMATIC_REVIEW: SupportTier.TRIAL_OR_REVIEW, StudyDesign.RCT: SupportTier.TRIAL_OR_REVIEW,
    StudyDesign.COHORT: SupportTier.OBSERVATIONAL, StudyDesign.CASE_CONTROL: SupportTier.OBSERVATIONAL,
    StudyDesign.CROSS_SECTIONAL: SupportTier.OBSERVATIONAL,
    StudyDesign.CASE_REPORT: SupportTier.CASE_OR_INDIRECT,
    StudyDesign.QUALITATIVE: SupportTier.CASE_OR_INDIRECT,
    StudyDesign.ANIMAL_IN_VITRO: SupportTier.CASE_OR_INDIRECT,
    **{d: SupportTier.OPINION_OR_SECONDARY for d in (
        StudyDesign.GUIDELINE, StudyDesign.NARRATIVE_REVIEW, StudyDesign.BOOK, StudyDesign.COMMENTARY,
        StudyDesign.WEB, StudyDesign.DATASET_SOFTWARE)},
    StudyDesign.UNKNOWN: SupportTier.DESIGN_UNKNOWN,
}


def strongest_design(designs: list[str]) -> str:
    """The strongest of some designs ('' for none); `unknown` only when nothing else is known."""
    known = [d for d in designs if d in DESIGN_STRENGTH]
    return min(known, key=DESIGN_STRENGTH.__getitem__) if known else ""


class Stance(StrEnum):
    """What a citing passage does with the work it cites."""

    SUPPORTING = "supporting"
    CONTRASTING = "contrasting"
    MENTIONING = "mentioning"


# A stance_cue starting with this was decided by the stance model ('model 0.81: methods heading, …'),
# not by a cue phrase of the citing sentence.
MODEL_CUE_PREFIX = "model "


def is_phrase_cue(cue: str) -> bool:
    """Whether a stance_cue is words of the citing sentence ('consistent with'), not a default or model."""
    return bool(cue) and not cue.startswith(MODEL_CUE_PREFIX) and not cue.startswith("section: ")


class ClaimKind(StrEnum):
    """What sort of assertion a claim is, where it can be told."""

    EMPIRICAL = "empirical"
    DEFINITION = "definition"
    CAUSAL = "causal"
    PRESCRIPTIVE = "prescriptive"
    EVALUATIVE = "evaluative"
    PERSONAL = "personal"
    GENERAL = "general"


class EvidenceKind(StrEnum):
    CITATION = "citation"
    QUOTE = "quote"
    ANECDOTE = "anecdote"
    TESTIMONY = "testimony"


@dataclass(frozen=True)
class Prop:
    """One property of a node or relationship type."""

    name: str
    type: type
    doc: str
    indexed: bool = False
    fulltext: bool = False


@dataclass(frozen=True)
class NodeSpec:
    label: Label
    doc: str
    props: tuple[Prop, ...]

    @property
    def prop_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.props)


@dataclass(frozen=True)
class RelSpec:
    type: RelType
    doc: str
    start: tuple[Label, ...]
    end: tuple[Label, ...]
    props: tuple[Prop, ...] = field(default_factory=tuple)

    @property
    def prop_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.props)


NODES: dict[Label, NodeSpec] = {
    Label.DOCUMENT: NodeSpec(
        Label.DOCUMENT,
        "An article, or a reader comment on it (each comment is its own document).",
        (
            Prop("id", str, "Stable id: `doc:<slug>`; comments `doc:<slug>#comment-1`, `#comment-1.1`."),
            Prop("kind", str, "`article` or `comment`.", indexed=True),
            Prop("title", str, "Title (articles); comments get 'Comment by NAME'."),
            Prop("author", str, "Author name(s) as written."),
            Prop("date", str, "ISO date (YYYY-MM-DD) when known."),
            Prop("url", str, "Canonical URL when known."),
            Prop("sha256", str, "SHA-256 of the document's text."),
            Prop("text", str, "The document text, exactly; claim and evidence spans index into it."),
            Prop("path", str, "The file it was read from."),
            Prop("offset", int, "Where `text` starts in that file (0 for articles)."),
            Prop("root_id", str, "Id of the article this document belongs to (itself for articles).",
                 indexed=True),
            Prop("parent_id", str, "Id of the document a comment answers (empty for articles)."),
            Prop("position", int, "Order of the document within its file."),
            Prop("doi", str, "The article's own DOI, lower case, without resolver prefix ('' unknown).",
                 indexed=True),
            Prop("format", str, "What it was read from: plain, markdown, html, jats, tei, pdf."),
        ),
    ),
    Label.CLAIM: NodeSpec(
        Label.CLAIM,
        "One assertive sentence or list item of a document.",
        (
            Prop("id", str, "Stable id: `claim:<12 hex>` from document id, text and occurrence."),
            Prop("text", str, "The claim exactly as written (equals document.text[start:end]).",
                 fulltext=True),
            Prop("document_id", str, "Id of the document that makes the claim.", indexed=True),
            Prop("section", str, "Heading of the section it is in ('' before the first heading).",
                 indexed=True),
            Prop("start", int, "Character offset of the claim's first character in the document text."),
            Prop("end", int, "Character offset just past the claim's last character."),
            Prop("paragraph_start", int, "Start offset of the paragraph or list item it is in."),
            Prop("paragraph_end", int, "End offset of that paragraph or list item."),
            Prop("position", int, "Order of the claim within its document."),
            Prop("kind", str, "empirical, definition, causal, prescriptive, evaluative, personal "
                 "or general.", indexed=True),
            Prop("status", str, "cited, cited-unresolved (it has citations but none matched a reference), "
                 "disputed-by-citation (its only citations are contrasting), anecdotal or unsupported.",
                 indexed=True),
            Prop("contested", bool, "True when a comment or claim challenges it."),
            Prop("page", int, "1-based PDF page it starts on (0: unknown or not a PDF)."),
            Prop("bbox", str, "Its box on that page in PDF points 'x0,y0,x1,y1', origin top left "
                 "('' unknown)."),
            Prop("support_design", str, "Strongest study design (StudyDesign) among the works its citations "
                 "support ('' when no citation supports it).", indexed=True),
            Prop("n_supporting", int, "Number of its citations (evidence -> work) whose stance is "
                 "supporting."),
            Prop("n_contrasting", int, "Number of its citations whose stance is contrasting."),
        ),
    ),
    Label.EVIDENCE: NodeSpec(
        Label.EVIDENCE,
        "A place where the text points to a source, quotes one, or draws on experience.",
        (
            Prop("id", str, "Stable id: `evidence:<12 hex>`."),
            Prop("text", str, "The passage exactly as written (document.text[start:end])."),
            Prop("document_id", str, "Id of the document it is in.", indexed=True),
            Prop("start", int, "Start offset in the document text."),
            Prop("end", int, "End offset in the document text."),
            Prop("kind", str, "citation, quote, anecdote or testimony.", indexed=True),
            Prop("marker", str, "What pointed to the source: '(Herman, 1992)', '[3]', "
                 "'the Vietnam Readjustment Study', 'I have seen'."),
            Prop("resolved", bool, "For citations: True when linked to a BibTeX entry."),
            Prop("reason", str, "For a citation that matched no reference: why, as the resolver "
                 "explains it (\"no reference has 'Nguyen' as first author\"); absent otherwise."),
            Prop("page", int, "1-based PDF page it starts on (0: unknown or not a PDF)."),
            Prop("bbox", str, "Its box on that page in PDF points 'x0,y0,x1,y1', origin top left "
                 "('' unknown)."),
        ),
    ),
    Label.SOURCE: NodeSpec(
        Label.SOURCE,
        "A cited work, one node across every article that cites it (see ingest/works.py).",
        (
            Prop("id", str, "Stable id: `work:<12 hex>` from the work's identity (DOI, PMID, PMCID, arXiv, "
                 "ISBN, else first author + year + title)."),
            Prop("entry_type", str, "article, book, incollection, …"),
            Prop("title", str, "Title, LaTeX decoded.", fulltext=True),
            Prop("authors", str, "Authors as 'Family, Given; Family, Given'."),
            Prop("year", str, "Year."),
            Prop("venue", str, "Journal, book title or series."),
            Prop("volume", str, "Volume."),
            Prop("number", str, "Issue number."),
            Prop("pages", str, "Pages, with an en dash."),
            Prop("publisher", str, "Publisher."),
            Prop("address", str, "Publisher's place."),
            Prop("doi", str, "DOI as the displayed record writes it, without the resolver prefix."),
            Prop("pmid", str, "PubMed id."),
            Prop("pmcid", str, "PubMed Central id ('PMC…')."),
            Prop("arxiv", str, "arXiv id without version."),
            Prop("isbn", str, "ISBN-13."),
            Prop("url", str, "URL."),
            Prop("keys", str, "Every key or reference id documents use for it, sorted, ', '-separated."),
            Prop("fields_json", str, "Every field of the displayed record (the most complete one, "
                 "completed from the others), decoded, as JSON."),
            Prop("records_json", str, "Provenance: every record that described it, as a JSON list of "
                 "{document_id, key, label, path, line, origin, entry_type, fields, authors, others, "
                 "bibtex}."),
            Prop("bibtex", str, "The displayed record as BibTeX text ('' when it came from no .bib)."),
            Prop("design", str, "Study design (StudyDesign: systematic-review, rct, cohort, …, unknown), "
                 "from its metadata, title, or its own text when it is in the corpus.", indexed=True),
            Prop("design_reason", str, "What said so: \"title: 'A randomized controlled trial of …'\", "
                 "'entry type: book', 'JATS publication-type: book' ('' for unknown)."),
        ),
    ),
    Label.AUTHOR: NodeSpec(
        Label.AUTHOR,
        "A person who wrote a source.",
        (
            Prop("id", str, "Stable id: `author:<family>-<initials>`."),
            Prop("name", str, "Display name 'Given Family'."),
            Prop("family", str, "Family name."),
            Prop("given", str, "Given names."),
        ),
    ),
}

RELATIONSHIPS: dict[RelType, RelSpec] = {
    RelType.MAKES: RelSpec(RelType.MAKES, "A document makes a claim.",
                           (Label.DOCUMENT,), (Label.CLAIM,)),
    RelType.SUPPORTED_BY: RelSpec(RelType.SUPPORTED_BY, "A claim rests on a piece of evidence.",
                                  (Label.CLAIM,), (Label.EVIDENCE,)),
    RelType.CITES: RelSpec(
        RelType.CITES,
        "Evidence points to a source; a document cites a source (any of its evidence does).",
        (Label.EVIDENCE, Label.DOCUMENT), (Label.SOURCE,),
        (Prop("key", str, "The citing document's own key for the work (BibTeX key, reference id); "
              "', '-separated if it used several."),
         Prop("number", str, "Its number in the document's reference list for numeric styles, else ''."),
         Prop("stance", str, "Evidence -> Source: supporting, contrasting or mentioning (Stance), from "
              "the citing sentence; '' on Document -> Source."),
         Prop("stance_cue", str, "What decided the stance: the words of the sentence ('consistent "
              "with'), 'section: <methods heading>', 'model <p>: <top features>' when the stance model "
              "decided, '' for the rules' default."))),
    RelType.WRITTEN_BY: RelSpec(RelType.WRITTEN_BY, "A source's author, in byline order.",
                                (Label.SOURCE,), (Label.AUTHOR,),
                                (Prop("position", int, "0-based place in the author list."),)),
    RelType.REPLIES_TO: RelSpec(RelType.REPLIES_TO,
                                "A comment answers the article or another comment.",
                                (Label.DOCUMENT,), (Label.DOCUMENT,)),
    RelType.CHALLENGES: RelSpec(
        RelType.CHALLENGES, "A comment or claim disputes a claim or a document.",
        (Label.DOCUMENT, Label.CLAIM), (Label.CLAIM, Label.DOCUMENT),
        (Prop("reason", str, "The words that carry the challenge."),)),
    RelType.IN_CORPUS: RelSpec(
        RelType.IN_CORPUS,
        "The cited work is this ingested article (same DOI, or same title, year and first author).",
        (Label.SOURCE,), (Label.DOCUMENT,)),
}

# Labels whose nodes belong to one document and are replaced when it is re-ingested.
DOCUMENT_OWNED: tuple[Label, ...] = (Label.CLAIM, Label.EVIDENCE)
# A document's properties as summaries and listings return them: all but its full text.
DOCUMENT_SUMMARY_PROPS: tuple[str, ...] = tuple(p for p in NODES[Label.DOCUMENT].prop_names if p != "text")


def label_of(node_id: str) -> Label:
    """Return the label of a node from its id prefix (`doc:`, `claim:`, …).

    Source ids are `work:…`; anything unprefixed (a schema-v1 BibTeX key) is a Source too.
    """
    prefix = node_id.split(":", 1)[0] if ":" in node_id else ""
    return _PREFIX_LABELS.get(prefix, Label.SOURCE)


_PREFIX_LABELS = {
    "doc": Label.DOCUMENT,
    "claim": Label.CLAIM,
    "evidence": Label.EVIDENCE,
    "author": Label.AUTHOR,
    "work": Label.SOURCE,
}


def slugify(text: str) -> str:
    """Lower-case ASCII slug: 'Trauma & Relationships!' -> 'trauma-relationships'.

    Latin letters keep their base letter ('Café' -> 'cafe', 'Łódź' -> 'lodz'); other scripts are
    transliterated with anyascii and, because a transliteration can fold different names together
    (李 and 黎 are both 'li'), given a short hash of the original: 'Толстой' -> 'tolstoy-3f1c2a'.
    A text with no letters or digits at all is 'untitled'.
    """
    if text.isascii():  # NFKD and the ASCII encoding leave it as it is; no letter is lost
        plain = _ascii_slug(text)
        if plain:
            return plain
    plain = _ascii_slug(unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode())
    if plain and not _loses_letters(text):
        return plain
    from anyascii import anyascii

    transliterated = _ascii_slug(anyascii(text))
    if not any(char.isalnum() and not _latin(char) for char in text):
        return transliterated or "untitled"
    digest = _digest(unicodedata.normalize("NFC", text.strip()))[:6]
    return f"{transliterated}-{digest}" if transliterated else f"x-{digest}"


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _ascii_slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def _latin(char: str) -> bool:
    """A character of the Latin script (or ASCII)."""
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def _loses_letters(text: str) -> bool:
    """True when a letter or digit of `text` has no ASCII decomposition ('ß', 'ł', 'д', '李')."""
    return any(not char.isascii() and unicodedata.category(char)[0] in "LN"
               and not unicodedata.normalize("NFKD", char).encode("ascii", "ignore")
               for char in text)


def _digest(*parts: object) -> str:
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:12]


def document_id(slug: str) -> str:
    """Id of an article from its slug (file stem or URL path)."""
    return f"doc:{slugify(slug)}"


def work_id(identity: str) -> str:
    """Id of a cited work from its identity key ('doi:10.1000/x', 'title:smith|2010|sleep …')."""
    return f"work:{_digest(identity)}"


def comment_id(article_id: str, path: tuple[int, ...]) -> str:
    """Id of a comment: `path` is its place in the thread, (2,) or (2, 1) for a reply."""
    return f"{article_id}#comment-{'.'.join(str(n) for n in path)}"


def claim_id(document_id: str, text: str, occurrence: int = 0) -> str:
    """Id of a claim; `occurrence` tells apart the same sentence said twice in one document."""
    return f"claim:{_digest(document_id, ' '.join(text.split()), occurrence)}"


def evidence_id(document_id: str, kind: str, text: str, occurrence: int = 0) -> str:
    """Id of a piece of evidence within a document."""
    return f"evidence:{_digest(document_id, kind, ' '.join(text.split()), occurrence)}"


@lru_cache(maxsize=65536)  # a pure function of two strings; an author comes back in every work they wrote
def author_id(family: str, given: str = "") -> str:
    """Id of an author from family name and initials: ('Herman', 'Judith Lewis') -> author:herman-jl.

    Initials are taken from the transliterated given names ('Фёдор' -> 'f'), so a non-Latin name
    gets readable ASCII initials; the family name is slugified (see slugify).
    """
    if given and not given.isascii():
        from anyascii import anyascii

        given = anyascii(given)
    initials = "".join(part[0] for part in re.split(r"[\s.\-]+", given) if part)
    slug = slugify(family)
    return f"author:{slug}-{slugify(initials)}" if initials else f"author:{slug}"


_DOI_PREFIX = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def normalise_doi(value: str) -> str:
    """'https://doi.org/10.1000/SLEEP.1' -> '10.1000/sleep.1' (DOIs are case-insensitive); '' if none."""
    bare = _DOI_PREFIX.sub("", value or "").strip().rstrip(".")
    return bare.lower() if bare.startswith("10.") else ""


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
