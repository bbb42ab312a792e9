"""The linker: which claims each piece of evidence supports, and the claim statuses that follow."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from graph.schema import ClaimStatus, EvidenceKind
from ingest.citations.model import CONTINUATION, EvidenceSpan
from ingest.citations.text import REPORTING
from ingest.claims import ClaimSpan, Unit, is_bare_citation, refers_back
from ingest.model import LIST_ITEM, ParsedDocument

# --- which claims evidence supports -----------------------------------------------------


class _ClaimIndex:
    """Where a document's claims are, by unit and by block, built once per document so that
    finding the claims a piece of evidence supports does not rescan every claim."""

    def __init__(self, doc: ParsedDocument, units: list[Unit], claims: list[ClaimSpan]) -> None:
        self.by_unit = {c.unit: i for i, c in enumerate(claims)}
        self.all_at_unit: dict[int, list[int]] = {}
        self.by_block: dict[int, list[int]] = {}  # claim indexes of each block, ascending
        self.units_by_block: dict[int, list[int]] = {}  # their units, for bisect
        for i, claim in enumerate(claims):
            self.all_at_unit.setdefault(claim.unit, []).append(i)
            block = units[claim.unit].block
            self.by_block.setdefault(block, []).append(i)
            self.units_by_block.setdefault(block, []).append(claim.unit)
        self.claim_units = [c.unit for c in claims]
        self.sorted_units = self.claim_units == sorted(self.claim_units)
        self.led_by: dict[int, list[int]] = {}
        for i, block in enumerate(doc.blocks):
            if block.kind == LIST_ITEM and block.lead_in is not None:
                self.led_by.setdefault(block.lead_in, []).append(i)
        self.pointed_back: dict[int, list[int]] = {}

    def in_blocks(self, blocks: Iterable[int]) -> list[int]:
        """Indexes of the claims whose unit lies in one of `blocks`, ascending."""
        return sorted(i for block in set(blocks) for i in self.by_block.get(block, ()))

    def before(self, unit_index: int, claims: list[ClaimSpan]) -> list[int]:
        """Indexes of the claims whose unit comes before `unit_index`, ascending."""
        if self.sorted_units:
            return range(bisect.bisect_left(self.claim_units, unit_index))  # type: ignore[return-value]
        return [i for i, c in enumerate(claims) if c.unit < unit_index]

    def in_block_around(self, block: int, unit_index: int) -> tuple[list[int], list[int]]:
        """Claims of `block` whose unit is before `unit_index`, and those after it."""
        indexes, block_units = self.by_block.get(block, []), self.units_by_block.get(block, [])
        if block_units != sorted(block_units):
            return ([i for i, u in zip(indexes, block_units, strict=True) if u < unit_index],
                    [i for i, u in zip(indexes, block_units, strict=True) if u > unit_index])
        return (indexes[:bisect.bisect_left(block_units, unit_index)],
                indexes[bisect.bisect_right(block_units, unit_index):])


def _list_items_led_by(doc: ParsedDocument, block_index: int, claim_index: _ClaimIndex | None = None
                       ) -> list[int]:
    """Indexes of the list-item blocks that the block at `block_index` introduces."""
    if claim_index is not None:
        items = claim_index.led_by.get(block_index, [])
    else:
        items = [i for i, b in enumerate(doc.blocks) if b.kind == LIST_ITEM and b.lead_in == block_index]
    if items:
        return items
    following = []
    for i in range(block_index + 1, len(doc.blocks)):
        if doc.blocks[i].kind != LIST_ITEM:
            break
        if doc.blocks[i].lead_in not in (None, block_index):
            break
        following.append(i)
    return following


def supported_claims(doc: ParsedDocument, units: list[Unit], claims: list[ClaimSpan],
                     evidence: EvidenceSpan, claim_index: _ClaimIndex | None = None) -> list[int]:
    """Indexes of the claims a piece of evidence supports (`claim_index`: the document's, when
    the caller has built it once for all its evidence)."""
    where = claim_index or _ClaimIndex(doc, units, claims)
    unit = units[evidence.unit]
    sentence = doc.text[unit.start:unit.end]
    own = where.by_unit.get(unit.index)
    if evidence.kind in (EvidenceKind.ANECDOTE, EvidenceKind.TESTIMONY):
        if own is not None and _carries_own_claim(sentence, evidence.marker, evidence.kind):
            return [own]
        backed = _backed_claim(units, claims, unit, own, where)
        return sorted({i for i in (own, backed) if i is not None})
    if own is not None:
        if _MAKES_THE_POINT.match(sentence) and evidence.sources:
            before = [i for i in where.all_at_unit.get(unit.index - 1, [])
                      if units[claims[i].unit].block == unit.block]
            return before + [own]
        return [own]
    if sentence.rstrip().endswith(":") and (evidence.priority != CONTINUATION or _REPORTS.search(sentence)):
        # A lead-in that cites its source, or reports it ("Using it, they identified three patterns:"),
        # credits its list; one that only continues the sentence before ("They include:") credits
        # nothing: its "they" is that sentence's subject ("Some people should …") as often as its source.
        led = where.in_blocks(_list_items_led_by(doc, unit.block, where))
        if led:
            return led
    if is_bare_citation(sentence):
        return _credited_by_citation_line(doc, units, claims, unit, where)
    if refers_back(sentence):
        earlier = where.before(unit.index, claims)
        if not earlier:
            return []
        last = earlier[-1]
        if last not in where.pointed_back:
            where.pointed_back[last] = _list_pointed_back_to(doc, units, claims, last, where)
        return list(where.pointed_back[last])
    if evidence.priority == CONTINUATION:  # "Same paper. Arbitrary numbers …": the fragment names
        later = where.in_block_around(unit.block, unit.index)[1]  # the source of the claim that follows it
        return later[:1]
    return []


# A lead-in that reports ("Using it, they identified three patterns:") or gives the author's advice
# ("Dunlosky and colleagues recommend two techniques above all others:") hands its citation to its items.
_REPORTS = re.compile(rf"\b(?:{REPORTING}|recommend(?:s|ed)?|advis(?:e|es|ed)|urg(?:e|es|ed))\b")


def _list_pointed_back_to(doc: ParsedDocument, units: list[Unit], claims: list[ClaimSpan],
                          last: int, claim_index: _ClaimIndex | None = None) -> list[int]:
    """The claims a pointer right after `last` credits: `last` alone, or, when `last` is a list item,
    every claim of the items its lead-in introduces ("… has three parts: - … - … This is described
    in Neff (2011).")."""
    block = doc.blocks[units[claims[last].unit].block]
    if block.kind != LIST_ITEM:
        return [last]
    last_block = first = units[claims[last].unit].block
    while first > 0 and (doc.blocks[first - 1].kind, doc.blocks[first - 1].lead_in) == (LIST_ITEM,
                                                                                        block.lead_in):
        first -= 1
    run = range(first, last_block + 1)
    if claim_index is not None:
        return claim_index.in_blocks(run)
    return [i for i, c in enumerate(claims) if units[c.unit].block in run]


def _credited_by_citation_line(doc: ParsedDocument, units: list[Unit], claims: list[ClaimSpan], unit: Unit,
                               where: _ClaimIndex) -> list[int]:
    """The claims a citation standing alone credits ("> quote" / "(Dunlosky et al., 2013, p. 6)"):
    in its paragraph, the sentence right before it; on a line of its own, every claim of the block
    right above (the quote, the paragraph; a list: all items of its lead-in)."""
    if unit.index == 0:
        return []
    previous = units[unit.index - 1]
    if previous.block == unit.block:
        return list(where.all_at_unit.get(previous.index, []))
    if previous.block != unit.block - 1:
        return []
    above = where.in_blocks([previous.block])
    if above and doc.blocks[previous.block].kind == LIST_ITEM:
        return _list_pointed_back_to(doc, units, claims, above[-1], where)
    return above


# "Judith Herman makes this point … in Trauma and Recovery, where she …": a claim of its own that
# also credits the sentence right before it.
_MAKES_THE_POINT = re.compile(
    r"^(?:(?:Dr|Prof)\.?\s+)?(?:[A-Z][\w'’\-]+\s+){1,4}(?:also\s+)?(?:makes?|made|raises?|raised|echoe?s|"
    r"echoed|repeats?|repeated|argues?|argued)\s+(?:this|that|the same|a similar)\s+"
    r"(?:point|argument|case|observation)\b"
)


# An experience that sets the scene for the rest of its sentence: "In my experience, X", "In my school
# we …", "I have taught … for eleven years, and X", "After eight years of teaching, …" back X. One that
# only reports what the writer saw ("In my practice, I have worked with many veterans …") backs the
# claim after it, as "I have seen" does; so does testimony ("In our case, my husband …").
_SETS_THE_SCENE = re.compile(
    r"(?:In|From|At) my |I(?:['’]ve| have)(?: been)? \w+\b.*\b(?:years|decades)$"
    r"|(?:After|Over|In) \w+")
_WITNESSED = re.compile(
    r"\bI(?:['’]ve| have)? (?:seen|witnessed|watched|worked with|treated|observed|found)\b")


def _carries_own_claim(sentence: str, marker: str, kind: str = EvidenceKind.ANECDOTE) -> bool:
    """'I know from experience that X', 'In my experience, X', 'In my school we …, and X', 'I have
    taught statistics for eleven years, and X': the experience backs X, said in the same sentence."""
    position = sentence.find(marker)
    if position < 0:
        return False
    rest = sentence[position + len(marker):]
    if re.match(r"\s*,?\s*that\b", rest):
        return True
    opens = not sentence[:position].strip(" \t\n\"“(*_")
    return (opens and kind == EvidenceKind.ANECDOTE and bool(_SETS_THE_SCENE.match(marker))
            and not _WITNESSED.search(sentence) and len(re.findall(r"\w+", rest)) >= 3)


def _backed_claim(units: list[Unit], claims: list[ClaimSpan], unit: Unit, own: int | None,
                  claim_index: _ClaimIndex | None = None) -> int | None:
    """The claim an anecdote backs: the next claim in its paragraph, else the previous one."""
    if claim_index is not None:  # `own` is at `unit`, so neither before nor after it
        before, after = claim_index.in_block_around(unit.block, unit.index)
        return after[0] if after else before[-1] if before else None
    same_block = [i for i, c in enumerate(claims) if units[c.unit].block == unit.block and i != own]
    after = [i for i in same_block if claims[i].unit > unit.index]
    before = [i for i in same_block if claims[i].unit < unit.index]
    if after:
        return after[0]
    return before[-1] if before else None


def claim_status(claim_index: int, evidence: list[EvidenceSpan]) -> str:
    """cited (a resolved source), cited-unresolved (citations, none of which matched a reference),
    anecdotal (only anecdote/testimony) or unsupported."""
    return claim_statuses(claim_index + 1, evidence)[claim_index]


def claim_statuses(claim_count: int, evidence: list[EvidenceSpan]) -> list[str]:
    """claim_status of every claim of a document, in one pass over its evidence."""
    cited, unresolved, anecdotal = set(), set(), set()
    for item in evidence:
        if item.resolved and item.sources:
            cited.update(item.supports)
        elif item.resolved is False:
            unresolved.update(item.supports)
        if item.kind in (EvidenceKind.ANECDOTE, EvidenceKind.TESTIMONY):
            anecdotal.update(item.supports)
    return [ClaimStatus.CITED.value if i in cited else ClaimStatus.CITED_UNRESOLVED.value if i in unresolved
            else ClaimStatus.ANECDOTAL.value if i in anecdotal else ClaimStatus.UNSUPPORTED.value
            for i in range(claim_count)]
