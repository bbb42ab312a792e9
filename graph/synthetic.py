"""A deterministic synthetic corpus, built directly as GraphBatches (no text parsing).

`synthetic_batches(n_claims)` yields one batch per article: the article, one reader
comment that challenges one of its claims, claims with a mix of statuses and kinds,
their evidence (citations, a few unresolved; anecdotes), and the sources and authors
the article cites. Spans index exactly into the document text, ids come from
graph.schema, and the same arguments always give the same batches. Benchmarks and
scale tests use it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from graph.model import GraphBatch
from graph.schema import (
    ClaimKind,
    ClaimStatus,
    DocumentKind,
    EvidenceKind,
    Label,
    RelType,
    author_id,
    claim_id,
    comment_id,
    document_id,
    evidence_id,
    text_sha256,
)

SECTIONS = ("Background", "What the studies show", "Mechanisms", "In practice", "Open questions")
SUBJECTS = ("Early trauma", "Secure attachment", "Chronic stress", "Peer support", "Sleep loss",
            "Group therapy", "Childhood neglect", "Social isolation", "Mindfulness practice", "Shift work")
VERBS = ("predicts", "reduces", "doubles the risk of", "is associated with", "delays", "improves")
OBJECTS = ("marital conflict", "recovery after loss", "trust in partners", "emotional regulation",
           "relapse rates", "the quality of friendships", "help-seeking", "workplace burnout")
ANECDOTES = ("I have seen this in my own practice.", "A client of mine told me the same story.",
             "In my experience this happens often.")
FAMILIES = ("Herman", "Jordan", "Marmar", "Ainsworth", "Bowlby", "Yehuda", "Kessler", "Briere", "Foa",
            "Van der Kolk", "Perry", "Siegel", "Johnson", "Gottman", "Levine")
GIVENS = ("Judith", "Kathleen", "Charles", "Mary", "John", "Rachel", "Ronald", "John N.", "Edna",
          "Bessel", "Bruce D.", "Daniel J.", "Sue", "John M.", "Peter A.")
STATUS_WEIGHTS = ((ClaimStatus.CITED, 5), (ClaimStatus.ANECDOTAL, 2), (ClaimStatus.UNSUPPORTED, 3))
UNRESOLVED_SHARE = 0.1


@dataclass
class _Text:
    """A document text under construction; `add` returns the span of what it appended."""

    parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def value(self) -> str:
        return "".join(self.parts)


def source_count(n_claims: int) -> int:
    """How many distinct sources a corpus of n_claims cites."""
    return max(10, n_claims // 25)


def _author(index: int) -> tuple[str, str, str]:
    """(id, family, given) of the index-th synthetic author."""
    family = f"{FAMILIES[index % len(FAMILIES)]}{index // len(FAMILIES) or ''}"
    given = GIVENS[index % len(GIVENS)]
    return author_id(family, given), family, given


def _add_source(batch: GraphBatch, index: int) -> str:
    """Add source number `index` and its authors (with WRITTEN_BY) to the batch; return its key."""
    key = f"synth{index:05d}"
    authors = [_author(index * 3 + k) for k in range((index % 3) + 1)]
    year = str(1980 + index % 40)
    title = f"{SUBJECTS[index % len(SUBJECTS)]} and {OBJECTS[index % len(OBJECTS)]}: study {index}"
    venue = "Journal of Synthetic Psychology"
    fields = {"title": title, "author": " and ".join(f"{f}, {g}" for _, f, g in authors),
              "year": year, "journal": venue, "volume": str(index % 60 + 1), "pages": "1–20"}
    batch.add_node(Label.SOURCE, key, entry_type="article", title=title,
                   authors="; ".join(f"{f}, {g}" for _, f, g in authors), year=year, venue=venue,
                   volume=fields["volume"], number="", pages=fields["pages"], publisher="", address="",
                   doi=f"10.5555/synth.{index}", url="", fields_json=json.dumps(fields, sort_keys=True),
                   bibtex=f"@article{{{key},\n  title = {{{title}}},\n  year = {{{year}}}\n}}")
    for position, (aid, family, given) in enumerate(authors):
        batch.add_node(Label.AUTHOR, aid, name=f"{given} {family}", family=family, given=given)
        batch.add_rel(RelType.WRITTEN_BY, key, aid, position=position)
    return key


def _sentence(rng: random.Random, number: int) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} (finding {number})"


def _article(batch: GraphBatch, index: int, n_claims: int, n_sources: int, rng: random.Random) -> list[str]:
    """Add one article with n_claims claims, their evidence and sources; return its claim ids."""
    doc = document_id(f"synthetic-{index:06d}")
    text = _Text()
    text.add(f"Synthetic article {index}\n")
    cited_sources: dict[str, None] = {}
    claim_ids: list[str] = []
    per_section = max(1, -(-n_claims // len(SECTIONS)))
    for position in range(n_claims):
        section = SECTIONS[position // per_section % len(SECTIONS)]
        if position % per_section == 0:
            text.add(f"\n{section}\n")
        status = rng.choices([s for s, _ in STATUS_WEIGHTS], [w for _, w in STATUS_WEIGHTS])[0]
        paragraph_start = text.add("\n")[1]
        body = _sentence(rng, position)
        evidence: list[tuple[str, tuple[int, int], str, bool, str | None]] = []
        if status == ClaimStatus.CITED:
            source_index = rng.randrange(n_sources)
            family = FAMILIES[(source_index * 3) % len(FAMILIES)]
            marker = f"({family}, {1980 + source_index % 40})"
            start = text.add(f"{body} ")[0]
            marker_span = text.add(marker)
            end = text.add(".")[1]
            resolved = rng.random() >= UNRESOLVED_SHARE
            key = _add_source(batch, source_index) if resolved else None
            if key:
                cited_sources[key] = None
            evidence.append((EvidenceKind.CITATION, marker_span, marker, resolved, key))
        else:
            start, end = text.add(f"{body}.")
            if status == ClaimStatus.ANECDOTAL:
                anecdote = rng.choice(ANECDOTES)
                text.add(" ")
                span = text.add(anecdote)
                evidence.append((EvidenceKind.ANECDOTE, span, "I have seen", False, None))
        paragraph_end = text.length
        text.add("\n")
        claim_text = text.value()[start:end]
        cid = claim_id(doc, claim_text, position)
        batch.add_node(Label.CLAIM, cid, text=claim_text, document_id=doc, section=section, start=start,
                       end=end, paragraph_start=paragraph_start, paragraph_end=paragraph_end,
                       position=position, kind=rng.choice(list(ClaimKind)).value, status=status.value,
                       contested=False)
        batch.add_rel(RelType.MAKES, doc, cid)
        full = text.value()
        for kind, (e_start, e_end), marker, resolved, key in evidence:
            eid = evidence_id(doc, kind, full[e_start:e_end], position)
            batch.add_node(Label.EVIDENCE, eid, text=full[e_start:e_end], document_id=doc, start=e_start,
                           end=e_end, kind=kind.value, marker=marker, resolved=resolved)
            batch.add_rel(RelType.SUPPORTED_BY, cid, eid)
            if key:
                batch.add_rel(RelType.CITES, eid, key)
        claim_ids.append(cid)
    body = text.value()
    batch.add_node(Label.DOCUMENT, doc, kind=DocumentKind.ARTICLE.value, title=f"Synthetic article {index}",
                   author=f"Author {index % 97}", date=f"20{10 + index % 15}-01-{1 + index % 28:02d}",
                   url=f"https://example.org/synthetic/{index}", sha256=text_sha256(body), text=body,
                   path=f"synthetic/{index:06d}.txt", offset=0, root_id=doc, parent_id="", position=0)
    for key in cited_sources:
        batch.add_rel(RelType.CITES, doc, key)
    batch.replaces.append(doc)
    return claim_ids


def _comment(batch: GraphBatch, article: str, target: str, index: int, rng: random.Random) -> None:
    """Add a reader comment that makes one claim and challenges `target` (a claim of the article)."""
    cid_doc = comment_id(article, (1,))
    reason = "I doubt that"
    sentence = f"{reason}: {rng.choice(SUBJECTS).lower()} rarely matters here."
    body = f"{sentence}\n"
    cid = claim_id(cid_doc, sentence, 0)
    batch.add_node(Label.DOCUMENT, cid_doc, kind=DocumentKind.COMMENT.value,
                   title=f"Comment by Reader {index}", author=f"Reader {index}", date="", url="",
                   sha256=text_sha256(body), text=body,
                   path=f"synthetic/{index:06d}.txt", offset=0, root_id=article, parent_id=article,
                   position=1)
    batch.add_node(Label.CLAIM, cid, text=sentence, document_id=cid_doc, section="", start=0,
                   end=len(sentence), paragraph_start=0, paragraph_end=len(sentence), position=0,
                   kind=ClaimKind.EVALUATIVE.value, status=ClaimStatus.UNSUPPORTED.value, contested=False)
    batch.add_rel(RelType.MAKES, cid_doc, cid)
    batch.add_rel(RelType.REPLIES_TO, cid_doc, article)
    batch.add_rel(RelType.CHALLENGES, cid_doc, target, reason=reason)
    batch.add_rel(RelType.CHALLENGES, cid, target, reason=reason)
    target_node = next(n for n in batch.nodes if n.id == target)
    target_node.props["contested"] = True


def synthetic_batches(n_claims: int, claims_per_document: int = 50, seed: int = 0) -> Iterator[GraphBatch]:
    """Yield one GraphBatch per article until n_claims claims (comment claims included) exist."""
    if n_claims < 0 or claims_per_document < 1:
        raise ValueError("n_claims must be >= 0 and claims_per_document >= 1")
    n_sources = source_count(n_claims)
    remaining, index = n_claims, 0
    while remaining > 0:
        rng = random.Random(f"claimgraph-synthetic-{seed}-{index}")
        size = min(claims_per_document, remaining)
        with_comment = size >= 3
        batch = GraphBatch()
        claims = _article(batch, index, size - 1 if with_comment else size, n_sources, rng)
        if with_comment:
            _comment(batch, batch.replaces[0], rng.choice(claims), index, rng)
        batch.nodes = list({node.id: node for node in batch.nodes}.values())
        batch.relationships = list({rel.key: rel for rel in batch.relationships}.values())
        remaining -= size
        index += 1
        yield batch


def merged(batches: Iterator[GraphBatch], per_write: int) -> Iterator[GraphBatch]:
    """Group consecutive batches, `per_write` at a time, into one batch each (for bulk loads)."""
    group = GraphBatch()
    count = 0
    for batch in batches:
        group.extend(batch)
        count += 1
        if count == per_write:
            yield _dedupe(group)
            group, count = GraphBatch(), 0
    if count:
        yield _dedupe(group)


def _dedupe(batch: GraphBatch) -> GraphBatch:
    """One node per id (the last wins) and one relationship per key, as a store would merge them."""
    batch.nodes = list({node.id: node for node in batch.nodes}.values())
    batch.relationships = list({rel.key: rel for rel in batch.relationships}.values())
    return batch
