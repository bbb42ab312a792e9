"""The evidence and challenge records the citation components produce."""

from __future__ import annotations

from dataclasses import dataclass, field

# --- data ------------------------------------------------------------------------------


@dataclass(slots=True)
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
    reason: str = ""  # for a citation that stays unresolved: why (ingest.citations.explain)


@dataclass
class Challenge:
    """A comment disputing the article, and the article claims it names (if any)."""

    comment_id: str
    target_id: str
    reason: str
    claim_ids: list[str] = field(default_factory=list)


# Priorities: explicit markers beat mentions.
AUTHOR_YEAR, NUMERIC, TITLE, AUTHOR_WORK, STUDY, CONTINUATION = range(6)
