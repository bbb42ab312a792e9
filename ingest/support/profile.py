"""Support profiles: design on every Source, stance on every Evidence -> Source CITES, and on every
claim its strongest supporting design, its supporting / contrasting counts and its status.

`annotate(nodes, relationships)` works on graph nodes and relationships (a GraphBatch's, or what an
old store holds, ingest/upgrade.py), so a fresh ingest and an upgraded store compute the same thing
from the same data. It runs after the resolver and the linker (it needs work ids and IN_CORPUS) and
before the store; it changes properties only, never which nodes or relationships there are.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from graph.model import Node, Relationship
from graph.schema import ClaimStatus, Label, RelType, Stance, StudyDesign, strongest_design
from ingest.support.design import Design, classify
from ingest.support.stance import CitingContext, heading_chains, methods_heading, section_headings
from ingest.support.stance_model import scholarly_document, stance_of

SENTENCE_WINDOW = 1200  # characters looked at on each side of a marker for its sentence
READ_AROUND = 2000  # of a longer sentence (a run-on list, hostile text), what is read each side of a marker
_ABBREVIATIONS = ("al", "e.g", "i.e", "fig", "figs", "vs", "cf", "ref", "refs", "eq", "no", "approx", "ca",
                  "dr", "st", "mr", "mrs", "ms", "prof", "etc", "suppl", "vol", "pp", "sect",
                  "ch", "ed", "eds")
_END = re.compile(r"[.!?](?=[\"'”’)\]]*\s+[\"'“‘(\[]*[A-Z0-9])|\n\s*\n")


def _sentence_ends(text: str, low: int, high: int) -> list[int]:
    """Offsets just past each sentence end in text[low:high] (abbreviations like 'et al.' are not ends)."""
    ends = []
    for found in _END.finditer(text, low, high):
        if found.group(0) == ".":
            word = re.search(r"([\w.]+)$", text[max(low, found.start() - 8):found.start()])
            if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if word and len(word.group(1)) == 1 and word.group(1).isupper():  # an initial: 'J. Smith'
                continue
        ends.append(found.end())
    return ends


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence of `text` holding text[start:end], looked for in a bounded window."""
    low, high = max(0, start - SENTENCE_WINDOW), min(len(text), end + SENTENCE_WINDOW)
    ends = _sentence_ends(text, low, high)
    before = [e for e in ends if e <= start]
    after = [e for e in ends if e >= end]
    first = before[-1] if before else low
    last = after[0] if after else high
    while first < start and text[first].isspace():
        first += 1
    return first, last


class _Index:
    """Nodes and relationships of the graph being annotated, by what annotate looks up."""

    def __init__(self, nodes: Iterable[Node], relationships: Iterable[Relationship]) -> None:
        self.nodes: dict[str, Node] = {}
        for node in nodes:
            self.nodes[node.id] = node
        self.supports: dict[str, list[str]] = {}  # evidence id -> claim ids
        self.evidence_of: dict[str, list[str]] = {}  # claim id -> evidence ids
        self.cites: dict[str, list[Relationship]] = {}  # evidence id -> its CITES
        self.in_corpus: dict[str, str] = {}  # work id -> document id
        for rel in relationships:
            if rel.type == RelType.SUPPORTED_BY:
                self.supports.setdefault(rel.end, []).append(rel.start)
                self.evidence_of.setdefault(rel.start, []).append(rel.end)
            elif rel.type == RelType.CITES and rel.start.startswith("evidence:"):
                self.cites.setdefault(rel.start, []).append(rel)
            elif rel.type == RelType.CITES:  # Document -> Source: no stance of its own
                rel.props["stance"] = ""
                rel.props["stance_cue"] = ""
            elif rel.type == RelType.IN_CORPUS:
                self.in_corpus.setdefault(rel.start, rel.end)

    def of_label(self, label: Label) -> list[Node]:
        return [n for n in self.nodes.values() if n.label == label]


def annotate(nodes: list[Node], relationships: list[Relationship],
             corpus_texts: dict[str, str] | None = None,
             stances: dict[str, tuple[str, str]] | None = None,
             record_designs: dict[str, Design] | None = None) -> None:
    """Fill design, stance and support profile properties in place (see the module docstring).

    `corpus_texts` maps document ids to their text for works IN_CORPUS whose document is not among
    `nodes` (already in the store). `stances`: (stance, cue) by evidence id, as `document_stances`
    found them on the same documents' nodes (in the ingest's worker processes); a document with
    any of its citing evidence there is not read again. `record_designs`: by Source id, what
    `classify` gave for the same properties without a corpus text (ingest.works.add_works)."""
    index = _Index(nodes, relationships)
    texts = dict(corpus_texts or {})
    for source in index.of_label(Label.SOURCE):
        document = index.nodes.get(index.in_corpus.get(source.id, ""))
        text = document.props.get("text", "") if document is not None else texts.get(
            index.in_corpus.get(source.id, ""), "")
        found = classify(source.props, text or "", (record_designs or {}).get(source.id))
        source.props["design"] = str(found.design)
        source.props["design_reason"] = found.reason
    _annotate_stances(index, stances or {})
    _annotate_claims(index)


def document_stances(nodes: list[Node], relationships: list[Relationship]) -> dict[str, tuple[str, str]]:
    """(stance, cue) of every citing Evidence among the nodes, by evidence id: what `annotate` would
    give them (a stance needs only the citing document's text, evidence and claims)."""
    index = _Index(nodes, relationships)
    return {evidence_id: stance_of(context) for evidence_id, context in citing_contexts(index).items()}


def citing_contexts(index: _Index,
                    known: dict[str, tuple[str, str]] | None = None) -> dict[str, CitingContext]:
    """What the stance of each citing Evidence is read from, by evidence id: its sentence (the claim
    holding the marker, else the sentence around it), the marker and every marker of the sentence, whether
    it backs a claim, and the headings it stands under."""
    contexts: dict[str, CitingContext] = {}
    by_document: dict[str, list[Node]] = {}
    for evidence_id in index.cites:
        node = index.nodes.get(evidence_id)
        if node is not None:
            by_document.setdefault(node.props.get("document_id", ""), []).append(node)
    for document_id, items in by_document.items():
        if known and any(e.id in known for e in items):  # read already (document_stances)
            continue
        document = index.nodes.get(document_id)
        text = document.props.get("text", "") if document is not None else ""
        headings = section_headings(text)
        chains, heading_starts = heading_chains(headings), [start for start, _, _ in headings]
        scholarly = scholarly_document([title for _, _, title in headings])
        spans = sorted((int(e.props.get("start", 0)), int(e.props.get("end", 0))) for e in items)
        starts = [s for s, _ in spans]
        for evidence in items:
            span = (int(evidence.props.get("start", 0)), int(evidence.props.get("end", 0)))
            claims = index.supports.get(evidence.id, [])
            low, high = _citing_sentence(index, text, span, claims)
            low, high = max(low, span[0] - READ_AROUND), min(high, span[1] + READ_AROUND)  # bounded
            sentence = text[low:high] if text else str(evidence.props.get("text", ""))
            if not text:
                low, span = 0, (0, len(sentence))
            first, last = bisect.bisect_left(starts, low), bisect.bisect_left(starts, high)
            markers = tuple((s - low, e - low) for s, e in spans[first:last])
            section = next((str(index.nodes[c].props.get("section", "")) for c in claims
                            if c in index.nodes), "")
            # enclosing_headings(headings, span[0], section), from the chains walked once per document
            titles = (list(chains[bisect.bisect_right(heading_starts, span[0])]) if headings
                      else [section] if section else [])
            contexts[evidence.id] = CitingContext(
                sentence, (span[0] - low, span[1] - low), markers, bool(claims),
                methods_heading(headings, span[0], section, titles), tuple(titles), scholarly)
    return contexts


def _annotate_stances(index: _Index, known: dict[str, tuple[str, str]]) -> None:
    contexts = citing_contexts(index, known)
    found = {evidence_id: stance_of(context) for evidence_id, context in contexts.items()}
    found.update((evidence_id, known[evidence_id]) for evidence_id in index.cites if evidence_id in known)
    for evidence_id, (stance, cue) in found.items():
        for rel in index.cites[evidence_id]:
            rel.props["stance"] = str(stance)
            rel.props["stance_cue"] = cue


def _citing_sentence(index: _Index, text: str, span: tuple[int, int], claims: list[str]) -> tuple[int, int]:
    """The claim holding the marker (a claim is a sentence or list item), else its sentence."""
    for claim_id in claims:
        claim = index.nodes.get(claim_id)
        if claim is not None and int(claim.props.get("start", 0)) <= span[0] < int(claim.props.get("end", 0)):
            return int(claim.props["start"]), max(int(claim.props["end"]), span[1])
    return sentence_around(text, span[0], span[1]) if text else (0, 0)


def _annotate_claims(index: _Index) -> None:
    for claim in index.of_label(Label.CLAIM):
        supporting: list[str] = []
        stances: list[str] = []
        for evidence_id in index.evidence_of.get(claim.id, []):
            for rel in index.cites.get(evidence_id, []):
                stances.append(rel.props.get("stance", ""))
                if rel.props.get("stance") == Stance.SUPPORTING:
                    source = index.nodes.get(rel.end)
                    supporting.append(source.props.get("design", StudyDesign.UNKNOWN) if source is not None
                                      else StudyDesign.UNKNOWN)
        claim.props["n_supporting"] = stances.count(Stance.SUPPORTING)
        claim.props["n_contrasting"] = stances.count(Stance.CONTRASTING)
        claim.props["support_design"] = strongest_design(supporting)
        claim.props["status"] = claim_status(str(claim.props.get("status", "")), stances)


def claim_status(status: str, stances: list[str]) -> str:
    """A cited claim whose every citation is contrasting is disputed-by-citation (and back to cited
    when a non-contrasting citation appears); other statuses are kept."""
    if status not in (ClaimStatus.CITED, ClaimStatus.DISPUTED_BY_CITATION) or not stances:
        return status
    if all(s == Stance.CONTRASTING for s in stances):
        return str(ClaimStatus.DISPUTED_BY_CITATION)
    return str(ClaimStatus.CITED)

