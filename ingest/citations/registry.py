"""The detector registry: the per-unit detectors in order, and how their markers are combined."""

from __future__ import annotations

from graph.schema import EvidenceKind
from ingest.citations.detectors.author_work import find_author_work
from ingest.citations.detectors.author_year import find_author_year
from ingest.citations.detectors.narrative import find_made_by, find_possessive_year, find_year_first
from ingest.citations.detectors.numeric import find_numeric
from ingest.citations.detectors.quote import find_attributed_quote, find_quotes
from ingest.citations.detectors.study import find_studies
from ingest.citations.detectors.title import find_titles
from ingest.citations.detectors.work_part import find_work_part
from ingest.citations.index import RefIndex
from ingest.citations.model import AUTHOR_YEAR, NUMERIC, EvidenceSpan
from ingest.citations.reading import _HEARD_SPEAK, _read_by_writer
from ingest.claims import Unit

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
