"""The document-level run: detectors, continuation, anecdotes and the linker over every unit."""

from __future__ import annotations

import bisect

from graph.schema import EvidenceKind
from ingest.citations.detectors.anecdote import experience_evidence
from ingest.citations.detectors.annotation import annotation_evidence
from ingest.citations.detectors.carried import Account, carried_evidence, is_research_paper, next_account
from ingest.citations.detectors.continuation import _Cited, _History, continuation_evidence
from ingest.citations.detectors.nickname import CitedWords
from ingest.citations.detectors.numeric import marker_numbers, numbering_style
from ingest.citations.explain import explain_unresolved
from ingest.citations.index import RefIndex
from ingest.citations.linker import _ClaimIndex, supported_claims
from ingest.citations.model import AUTHOR_YEAR, EvidenceSpan
from ingest.citations.reading import is_request
from ingest.citations.registry import unit_citations
from ingest.citations.resolver import why_numbers_unresolved
from ingest.claims import ClaimSpan, Unit, looks_like_reference_entry
from ingest.model import HEADING, LIST_ITEM, ParsedDocument
from ingest.model import TITLE as TITLE_BLOCK


def find_evidence(doc: ParsedDocument, units: list[Unit], claims: list[ClaimSpan],
                  index: RefIndex, cited_words: CitedWords | None = None) -> list[EvidenceSpan]:
    """Every piece of evidence in a document, with the claims it supports, in text order.

    A document whose markup links its citations (`doc.citations`: JATS, TEI) takes those links
    as they are instead of the text detectors; experience and testimony are still found.
    `cited_words` holds the words used around the works cited so far (by the article, for its
    comments: pass the same object to each) for nicknames ("the West Point study",
    `detectors.nickname`); it is filled as the document is read.
    """
    if doc.citations:
        return marked_evidence(doc, units, claims, index)
    cited_words = CitedWords() if cited_words is None else cited_words
    numbering = numbering_style(doc.text, units, index)
    evidence: list[EvidenceSpan] = []
    history = _History(units, index)
    claim_index = _ClaimIndex(doc, units, claims)
    headings = [i for i, b in enumerate(doc.blocks) if b.kind in (HEADING, TITLE_BLOCK)]
    lead_ins = {i: b.lead_in for i, b in enumerate(doc.blocks)
                if b.kind == LIST_ITEM and b.lead_in is not None}
    account: Account | None = None  # the work whose account the paragraph is carrying on
    carries = not is_research_paper(doc)
    credited: set[int] = set()  # claims some evidence already supports ("Same paper. <claim>")
    links = doc.links
    for unit in units:
        sentence = doc.text[unit.start:unit.end]
        if looks_like_reference_entry(sentence):
            account = None
            continue
        read: list[EvidenceSpan] = []
        found = unit_citations(doc.text, unit, index, numbering, read, links)
        if not found:
            noted = annotation_evidence(doc, unit, index)  # the note under a reading list's entry
            found = [noted] if noted else []
        # "please don't give the 2021 paper undue weight": the writer's request points back to no evidence
        if not found and not is_request(sentence):
            continued = continuation_evidence(doc.text, unit, units, index, history, headings, lead_ins,
                                              paper=not carries)
            # "the West Point study": a work cited before, by nickname (not a work the writer only
            # reads or was helped by: "that Price paper is exactly what I needed")
            if continued is None and carries and not read:
                continued = cited_words.find(doc.text, unit)
            # a sentence that is no claim (filler, a question, a lead-in) is the writer's: it ends the
            # account; a claim some evidence already supports ("Same paper. <claim>") needs no more
            claim = claim_index.by_unit.get(unit.index)
            if (continued is None and carries and account is not None and not read
                    and claim is not None and claim not in credited):
                continued = carried_evidence(doc.text, unit, account, index)
            found = [continued] if continued else []
        account = next_account(doc.text, unit, found, account,
                               history.keys_by_block.get(unit.block, frozenset()))
        if carries:
            alone = {c.sources[0] for c in found if c.resolved and len(c.sources) == 1}
            cited_words.add(alone, sentence, index)
        history.extend(_Cited(unit.index, unit.block, e.sources) for e in found if e.resolved and e.sources)
        history.extend(_Cited(unit.index, unit.block, e.sources, read=True) for e in read if e.sources)
        experience = experience_evidence(doc.text, unit, doc.kind == "comment")
        if experience and not found:
            found.append(experience)
        for item in found:
            item.supports = supported_claims(doc, units, claims, item, claim_index)
            credited.update(item.supports)
            if item.resolved is False:
                item.reason = explain_unresolved(item, index)
        evidence.extend(found)
    return sorted(evidence, key=lambda e: (e.start, e.end, e.kind))


def marked_evidence(doc: ParsedDocument, units: list[Unit], claims: list[ClaimSpan],
                    index: RefIndex) -> list[EvidenceSpan]:
    """Evidence of a document whose citations the markup links: one citation per marker, linked
    to exactly the references the markup names; experience and testimony as in the text route."""
    known = {ref.key for ref in index.references}
    starts = [u.start for u in units]
    evidence: list[EvidenceSpan] = []
    for cited in doc.citations:
        at = max(0, bisect.bisect_right(starts, cited.start) - 1)
        if not units or not units[at].start <= cited.start < max(units[at].end, cited.start + 1):
            continue  # a marker outside any sentence (a caption, a table): no claim to support
        keys = [k for k in cited.keys if k in known]
        marker = doc.text[cited.start:cited.end]
        evidence.append(EvidenceSpan(str(EvidenceKind.CITATION), cited.start, cited.end, marker, at, keys,
                                     resolved=bool(keys), priority=AUTHOR_YEAR,
                                     reason="" if keys else _marked_reason(marker, cited.keys, index)))
    marked_units = {e.unit for e in evidence}
    for unit in units:
        experience = experience_evidence(doc.text, unit, doc.kind == "comment")
        if experience and unit.index not in marked_units:
            evidence.append(experience)
    claim_index = _ClaimIndex(doc, units, claims)
    for item in evidence:
        item.supports = supported_claims(doc, units, claims, item, claim_index)
    return sorted(evidence, key=lambda e: (e.start, e.end, e.kind))


def _marked_reason(marker: str, keys: list[str], index: RefIndex) -> str:
    """Why a citation the markup marks (JATS xref, TEI ref, a PDF superscript) reached no reference."""
    numbers = marker_numbers(marker)
    if not keys and numbers:
        return why_numbers_unresolved(index, numbers) or "the markup links this number to no reference"
    if not keys:
        return "the markup marks it as a citation but names no reference (no target)"
    return (f"the markup links it to {', '.join(keys)}, which the reference list does not hold")
