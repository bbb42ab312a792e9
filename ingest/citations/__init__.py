"""Evidence: where a document points to a source, quotes one, or draws on experience.

A small pipeline of replaceable components (the model: neo4j-graphrag's pipeline of small
components, bibtexparser v2's middleware list):

- `index`     the reference index (`RefIndex`, `build_index`): References by folded family name
              and year, number, title words;
- `detectors` one module per citation form, each finding candidate markers in one unit;
- `registry`  the per-unit detectors in order (`DETECTORS`) and how their markers combine;
- `resolver`  matches a candidate's names and year to References (`resolve_author_year`,
              `works_by`) and says why one stays unresolved (`explain_unresolved`);
- `linker`    which claims each piece of evidence supports, and the claim statuses;
- `evidence`  the document-level run (`find_evidence`, `marked_evidence`);
- `challenges` comments that dispute the article.

Every name other modules and tests import from `ingest.citations` is re-exported here.
"""

from ingest.citations.challenges import (
    find_challenge,
)
from ingest.citations.detectors.anecdote import (
    _ANECDOTE,
    _ANECDOTE_CUES,
    experience_evidence,
)
from ingest.citations.detectors.author_work import (
    BEFORE_NAME_WINDOW,
    _family_matches,
    find_author_work,
)
from ingest.citations.detectors.author_year import (
    _NARRATIVE_BEFORE,
    _name_run_starts,
    find_author_year,
)
from ingest.citations.detectors.continuation import (
    _NAME_REPORTS,
    _NAME_REPORTS_CUE,
    _SAME_SOURCE,
    SAME_SOURCE_WINDOW,
    _may_name_same_source,
    continuation_evidence,
)
from ingest.citations.detectors.narrative import (
    _MADE_BY,
    _POSSESSIVE_YEAR,
    _POSSESSIVE_YEAR_CUE,
    find_made_by,
    find_possessive_year,
    find_year_first,
)
from ingest.citations.detectors.nickname import CitedWords
from ingest.citations.detectors.numeric import (
    _expand_numbers,
    find_numeric,
    marker_numbers,
)
from ingest.citations.detectors.quote import (
    find_attributed_quote,
    find_quotes,
)
from ingest.citations.detectors.study import (
    _STUDY,
    _STUDY_NOUNS,
    find_studies,
)
from ingest.citations.detectors.title import (
    _CASE_CLASSES,
    _caseless,
    _spread_caseless,
    find_titles,
)
from ingest.citations.detectors.work_part import (
    find_work_part,
)
from ingest.citations.evidence import (
    find_evidence,
    marked_evidence,
)
from ingest.citations.explain import explain_unresolved
from ingest.citations.index import (
    ReferenceEntryMatcher,
    RefIndex,
    _has_whole_words,
    build_index,
    family_forms,
    main_title,
    match_reference_entry,
    number_references,
)
from ingest.citations.linker import (
    claim_status,
    claim_statuses,
    supported_claims,
)
from ingest.citations.model import (
    AUTHOR_WORK,
    AUTHOR_YEAR,
    CONTINUATION,
    NUMERIC,
    STUDY,
    TITLE,
    Challenge,
    EvidenceSpan,
)
from ingest.citations.registry import (
    DETECTORS,
    FALLBACK_DETECTORS,
    Detector,
    detect,
    unit_citations,
)
from ingest.citations.resolver import (
    VENUE_FIELDS,
    apa_title_order,
    pick_by_venue,
    resolve_author_year,
    why_numbers_unresolved,
    why_unresolved,
    work_type_contradicts,
    works_by,
    year_contradicts,
)
from ingest.citations.text import (
    ETAL,
    LETTER,
    NAME,
    NAME_LIST,
    PARTICLE,
    REPORTING,
    STOPWORDS,
    UPPER,
    YEAR,
    fold,
    words_of,
)

__all__ = [
    "CitedWords",
    "DETECTORS",
    "FALLBACK_DETECTORS",
    "Detector",
    "detect",
    "explain_unresolved",
    "why_numbers_unresolved",
    "why_unresolved",
    "AUTHOR_WORK",
    "AUTHOR_YEAR",
    "BEFORE_NAME_WINDOW",
    "CONTINUATION",
    "Challenge",
    "ETAL",
    "EvidenceSpan",
    "LETTER",
    "NAME",
    "NAME_LIST",
    "NUMERIC",
    "PARTICLE",
    "REPORTING",
    "RefIndex",
    "ReferenceEntryMatcher",
    "SAME_SOURCE_WINDOW",
    "STOPWORDS",
    "STUDY",
    "TITLE",
    "UPPER",
    "VENUE_FIELDS",
    "YEAR",
    "_ANECDOTE",
    "_ANECDOTE_CUES",
    "_CASE_CLASSES",
    "_MADE_BY",
    "_NAME_REPORTS",
    "_NAME_REPORTS_CUE",
    "_NARRATIVE_BEFORE",
    "_POSSESSIVE_YEAR",
    "_POSSESSIVE_YEAR_CUE",
    "_SAME_SOURCE",
    "_STUDY",
    "_STUDY_NOUNS",
    "_caseless",
    "_expand_numbers",
    "_family_matches",
    "_has_whole_words",
    "_may_name_same_source",
    "_name_run_starts",
    "_spread_caseless",
    "apa_title_order",
    "build_index",
    "claim_status",
    "claim_statuses",
    "continuation_evidence",
    "marker_numbers",
    "experience_evidence",
    "family_forms",
    "find_attributed_quote",
    "find_author_work",
    "find_author_year",
    "find_challenge",
    "find_evidence",
    "find_made_by",
    "find_numeric",
    "find_possessive_year",
    "find_quotes",
    "find_studies",
    "find_titles",
    "find_work_part",
    "find_year_first",
    "fold",
    "main_title",
    "marked_evidence",
    "match_reference_entry",
    "number_references",
    "pick_by_venue",
    "resolve_author_year",
    "supported_claims",
    "unit_citations",
    "words_of",
    "work_type_contradicts",
    "works_by",
    "year_contradicts",
]
