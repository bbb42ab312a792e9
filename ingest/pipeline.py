"""The ingest pipeline: articles + BibTeX files -> one GraphBatch, without touching a store.

read (ingest.readers, ingest.bibtex) -> claims (ingest.claims) -> evidence and
challenges (ingest.citations) -> nodes and relationships (graph.model.GraphBatch).
Every input is read and checked before anything is built, so a user mistake raises
ingest.model.InputError and nothing else happens. Same input, same batch.
"""

from __future__ import annotations

import bisect
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.model import GraphBatch
from graph.schema import EvidenceKind, Label, RelType, evidence_id, text_sha256
from ingest.citations import (
    Challenge,
    EvidenceSpan,
    RefIndex,
    build_index,
    claim_statuses,
    find_challenge,
    find_evidence,
)
from ingest.claims import ClaimSpan, Unit, document_units, extract_claims
from ingest.model import InputError, ParsedDocument, Reference

Progress = Callable[[int, int, str], None]


@dataclass
class IngestResult:
    """What one ingest produced: the batch to write, the parsed documents, and what to tell the user."""

    batch: GraphBatch
    documents: list[ParsedDocument]
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Analysis:
    """Claims and evidence of one document."""

    doc: ParsedDocument
    units: list[Unit]
    claims: list[ClaimSpan]
    evidence: list[EvidenceSpan]


def _read_inputs(article_paths: Sequence[str | Path], bib_paths: Sequence[str | Path],
                 report: Progress) -> tuple[list[ParsedDocument], list[Reference], list[str]]:
    """Read every file first (so errors surface before anything is built)."""
    from ingest.bibtex import read_bibtex
    from ingest.readers import read_documents

    if not article_paths:
        raise InputError("(no articles)", "nothing to ingest", hint="Give at least one article file.")
    warnings: list[str] = []
    references: list[Reference] = []
    seen_keys: dict[str, str] = {}
    for bib_path in bib_paths:
        report(f"reading {bib_path}")
        for ref in read_bibtex(bib_path):
            if ref.key in seen_keys:
                warnings.append(f"{bib_path}:{ref.line}: BibTeX key '{ref.key}' already defined in "
                                f"{seen_keys[ref.key]}; keeping the first.")
                continue
            seen_keys[ref.key] = str(bib_path)
            references.append(ref)
    documents: list[ParsedDocument] = []
    article_files: dict[str, str] = {}
    for path in article_paths:
        report(f"reading {path}")
        docs = read_documents(path)
        root = docs[0].id
        if root in article_files:
            raise InputError(str(path), f"the article id {root} is already used by {article_files[root]}",
                             hint="Rename one of the files so their names differ.")
        article_files[root] = str(path)
        documents.extend(docs)
    return documents, references, warnings


def ingest_paths(article_paths: Sequence[str | Path], bib_paths: Sequence[str | Path],
                 progress: Progress | None = None) -> IngestResult:
    """Read articles (with their comments) and BibTeX files and build the graph batch."""
    steps = len(article_paths) + len(bib_paths) + 1
    done = 0

    def report(message: str) -> None:
        nonlocal done
        if progress:
            progress(done, steps, message)
        done += 1

    documents, references, warnings = _read_inputs(article_paths, bib_paths, report)
    report("finding claims and evidence")
    result = build_result(documents, references, warnings)
    if progress:
        progress(steps, steps, "done")
    return result


def ingest_text(text: str, name: str, bib_text: str | None = None) -> IngestResult:
    """Ingest an article given as text (an upload, a test); `name` is its file name."""
    file_name = Path(name).name or "article.txt"
    if not Path(file_name).suffix:
        file_name += ".txt"
    with tempfile.TemporaryDirectory(prefix="claimgraph-") as tmp:
        article = Path(tmp) / file_name
        article.write_text(text, encoding="utf-8")
        bibs = []
        if bib_text is not None:
            bib = Path(tmp) / (Path(file_name).stem + ".bib")
            bib.write_text(bib_text, encoding="utf-8")
            bibs.append(bib)
        try:
            documents, references, warnings = _read_inputs([article], bibs, lambda _m: None)
        except InputError as err:
            shown = name if Path(err.path).name == file_name else f"{Path(file_name).stem}.bib"
            raise InputError(shown, err.message, err.line, err.hint) from None
        result = build_result(documents, references, warnings)
    _rename_paths(result, {str(article): name, **{str(b): b.name for b in bibs}})
    return result


def _rename_paths(result: IngestResult, shown: dict[str, str]) -> None:
    """Replace temporary file paths by the names the user gave, everywhere they appear."""
    for doc in result.documents:
        doc.path = shown.get(str(doc.path), str(doc.path))
    for node in result.batch.nodes:
        if node.label == Label.DOCUMENT:
            node.props["path"] = shown.get(node.props["path"], node.props["path"])
    for item in result.unresolved:
        item["path"] = shown.get(item["path"], item["path"])
    for old, new in shown.items():
        result.warnings = [w.replace(old, new) for w in result.warnings]


def analyse(documents: list[ParsedDocument], index: RefIndex) -> list[_Analysis]:
    """Claims and evidence of every document, in input order."""
    analyses = []
    for doc in documents:
        units = document_units(doc)
        claims = extract_claims(doc, units)
        evidence = find_evidence(doc, units, claims, index)
        analyses.append(_Analysis(doc, units, claims, evidence))
    return analyses


def find_challenges(analyses: list[_Analysis]) -> list[Challenge]:
    """Comments that dispute the article they belong to."""
    by_id = {a.doc.id: a for a in analyses}
    challenges = []
    for analysis in analyses:
        doc = analysis.doc
        if doc.kind != "comment" or doc.root_id not in by_id:
            continue
        found = find_challenge(doc, analysis.units, doc.root_id, by_id[doc.root_id].claims)
        if found:
            challenges.append(found)
    return challenges


def build_result(documents: list[ParsedDocument], references: list[Reference],
                 warnings: list[str] | None = None) -> IngestResult:
    """Turn read documents and references into the batch (deterministic, validated)."""
    from ingest.bibtex import references_to_batch

    warnings = list(warnings or [])
    analyses = analyse(documents, build_index(references, documents))
    challenges = find_challenges(analyses)
    contested = {claim for ch in challenges for claim in ch.claim_ids}
    batch = GraphBatch(replaces=[d.id for d in documents if d.kind == "article"])
    batch.extend(references_to_batch(references))
    unresolved: list[dict[str, Any]] = []
    for analysis in analyses:
        _add_document(batch, analysis, contested)
        unresolved.extend(_unresolved(analysis))
    for doc in documents:
        if doc.parent_id:
            batch.add_rel(RelType.REPLIES_TO, doc.id, doc.parent_id)
    for challenge in challenges:
        batch.add_rel(RelType.CHALLENGES, challenge.comment_id, challenge.target_id, reason=challenge.reason)
        for claim in challenge.claim_ids:
            batch.add_rel(RelType.CHALLENGES, challenge.comment_id, claim, reason=challenge.reason)
    for item in unresolved:
        warnings.append(f"{item['path']}:{item['line']}: citation {item['citation']} matches no BibTeX entry")
    batch.validate()
    return IngestResult(batch, documents, unresolved, warnings)


def _document_props(doc: ParsedDocument) -> dict[str, Any]:
    return {
        "kind": doc.kind, "title": doc.title, "author": doc.author, "date": doc.date, "url": doc.url,
        "sha256": text_sha256(doc.text), "text": doc.text, "path": str(doc.path), "offset": doc.offset,
        "root_id": doc.root_id or doc.id, "parent_id": doc.parent_id, "position": doc.position,
    }


def _add_document(batch: GraphBatch, analysis: _Analysis, contested: set[str]) -> None:
    """Document node, its claims and evidence, and the relationships among them and to sources."""
    doc = analysis.doc
    batch.add_node(Label.DOCUMENT, doc.id, **_document_props(doc))
    statuses = claim_statuses(len(analysis.claims), analysis.evidence)
    for index, claim in enumerate(analysis.claims):
        batch.add_node(Label.CLAIM, claim.id, text=claim.text, document_id=doc.id, section=claim.section,
                       start=claim.start, end=claim.end, paragraph_start=claim.paragraph_start,
                       paragraph_end=claim.paragraph_end, position=claim.position, kind=claim.kind,
                       status=statuses[index], contested=claim.id in contested)
        batch.add_rel(RelType.MAKES, doc.id, claim.id)
    cited: dict[str, None] = {}  # in first-cited order
    occurrences: dict[tuple[str, str], int] = {}
    for item in analysis.evidence:
        text = doc.text[item.start:item.end]
        occurrence = occurrences.get((item.kind, " ".join(text.split())), 0)
        occurrences[(item.kind, " ".join(text.split()))] = occurrence + 1
        node_id = evidence_id(doc.id, item.kind, text, occurrence)
        props: dict[str, Any] = {"text": text, "document_id": doc.id, "start": item.start, "end": item.end,
                                 "kind": item.kind, "marker": item.marker}
        if item.kind in (EvidenceKind.CITATION, EvidenceKind.QUOTE):
            props["resolved"] = bool(item.resolved)
        batch.add_node(Label.EVIDENCE, node_id, **props)
        for claim_index in item.supports:
            batch.add_rel(RelType.SUPPORTED_BY, analysis.claims[claim_index].id, node_id)
        for key in item.sources:
            batch.add_rel(RelType.CITES, node_id, key)
            cited.setdefault(key, None)
    for key in cited:
        batch.add_rel(RelType.CITES, doc.id, key)


def _unresolved(analysis: _Analysis) -> list[dict[str, Any]]:
    """Citations of a document that match no BibTeX entry, with the line they are on."""
    doc = analysis.doc
    items = [item for item in analysis.evidence if item.kind == EvidenceKind.CITATION and not item.resolved]
    if not items:
        return []
    lines = LineFinder(doc)
    return [{"citation": item.marker, "document_id": doc.id, "path": str(doc.path),
             "line": lines.line(item.start)} for item in items]


class LineFinder:
    """Lines of a document's characters in its file: the file is read once, line breaks are
    found once, and each lookup is a binary search."""

    def __init__(self, doc: ParsedDocument) -> None:
        try:
            file_text = Path(doc.path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            file_text = ""
        self.in_file = file_text[doc.offset:doc.offset + len(doc.text)] == doc.text
        if self.in_file:  # the file's own line breaks: only "\n" counts, as in the file
            self.first_line = file_text.count("\n", 0, doc.offset) + 1
            self.breaks = [m.start() for m in re.finditer("\n", doc.text)]
        else:  # the text alone: any of \r\n, \r, \n is one break (counted from where it starts)
            self.first_line = 1
            self.breaks = [m.start() for m in re.finditer(r"\r\n|\r|\n", doc.text)]

    def line(self, position: int) -> int:
        """1-based line of the file that holds the document's character at `position`."""
        return self.first_line + bisect.bisect_left(self.breaks, position)


def line_in_file(doc: ParsedDocument, position: int) -> int:
    """1-based line of the file that holds the document's character at `position`."""
    return LineFinder(doc).line(position)
