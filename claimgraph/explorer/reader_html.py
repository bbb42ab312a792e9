"""The reader view as HTML: a whole document typeset with every claim highlighted by its support.

Pure functions from `Store.document_view` data to markup, so they can be tested and
benchmarked without Streamlit. The text is laid out from the stored document text
alone: blank lines separate blocks; a block of bullet lines is a list; a short line
with no sentence end that starts no claim is a heading. Every piece of article,
comment and BibTeX text passes through `esc` (html.escape); the only markup is the
fixed tags and class names written here.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from claimgraph.explorer.html import esc
from claimgraph.explorer.support import SUPPORT_CSS, design_badge, stance_badge
from graph.handout import claim_support, format_reference_apa_html, short_reference

CITED, CITED_UNRESOLVED, DISPUTED, ANECDOTAL, UNSUPPORTED, CONTESTED = (
    "cited", "cited-unresolved", "disputed-by-citation", "anecdotal", "unsupported", "contested")
SUPPORT_ORDER = (CITED, CITED_UNRESOLVED, DISPUTED, ANECDOTAL, UNSUPPORTED)
SUPPORT_LABELS = {
    CITED: "cited: rests on a cited work",
    CITED_UNRESOLVED: "cited, unresolved: its citation matched no reference",
    DISPUTED: "disputed by citation: its only citations contrast with the works they cite",
    ANECDOTAL: "anecdotal: rests on experience or example only",
    UNSUPPORTED: "unsupported: no evidence given",
    CONTESTED: "contested: a comment disputes it",
}
SUPPORT_COLOURS = {CITED: "#2e7d32", CITED_UNRESOLVED: "#9e9d24", DISPUTED: "#ad1457", ANECDOTAL: "#ef8f00",
                   UNSUPPORTED: "#c62828", CONTESTED: "#6a1b9a"}
MAX_HEADING_CHARS = 120
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_BULLET = re.compile(r"[ \t]*(?:[•·▪◦‣∙*+\-–]|\d{1,3}[.)])[ \t]+")
_MD_HEADING = re.compile(r"[ \t]*(#{1,6})[ \t]+")
_SENTENCE_END = (".", "!", "?", ":", ";", ",", "…", "\"", "”", "’")

READER_CSS = """<style>
.cg-reader { font-family: Georgia, 'Times New Roman', serif; font-size: 1.08rem; line-height: 1.7;
  max-width: 52rem; color: #222; }
.cg-reader h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .3rem; }
.cg-reader h2 { font-size: 1.35rem; margin: 1.6rem 0 .3rem; }
.cg-reader h3 { font-size: 1.15rem; margin: 1.2rem 0 .3rem; }
.cg-reader p, .cg-reader li { margin: 0 0 .8rem; }
.cg-reader .cg-meta { color: #666; font-family: sans-serif; font-size: .9rem; margin-bottom: .8rem; }
.cg-rc { position: relative; border-radius: 3px; padding: 1px 0; cursor: pointer; outline: none; }
.cg-rc.cg-s-cited { background: #c8e6c9; }
.cg-rc.cg-s-cited-unresolved { background: #f0f4c3; box-shadow: inset 0 -2px 0 #9e9d24; }
.cg-rc.cg-s-disputed-by-citation { background: #f8bbd0; box-shadow: inset 0 -2px 0 #ad1457; }
.cg-rc.cg-s-anecdotal { background: #ffe0b2; }
.cg-rc.cg-s-unsupported { background: #fde4e4; }
.cg-rc.cg-contested { outline: 2px dashed #6a1b9a; outline-offset: 1px; }
.cg-rc:hover, .cg-rc:focus, .cg-rc:focus-within { z-index: 1001; text-decoration: underline dotted #555; }
.cg-rc:target, .cg-rc.cg-target { box-shadow: 0 0 0 3px #1565c0; }
.cg-ev { text-decoration: underline; text-decoration-thickness: 2px; text-underline-offset: 3px;
  text-decoration-color: #0277bd; }
.cg-ev.cg-ev-anecdote, .cg-ev.cg-ev-testimony { text-decoration-style: dotted;
  text-decoration-color: #ef6c00; }
.cg-ev.cg-ev-quote { text-decoration-style: double; }
.cg-pop { display: none; position: absolute; left: 0; top: 100%; z-index: 1000; width: 30rem;
  max-width: 80vw; max-height: 24rem; overflow: auto; background: #fff; color: #222;
  border: 1px solid #bbb; border-radius: 6px; box-shadow: 0 4px 14px rgba(0,0,0,.18);
  padding: .6rem .8rem; font-family: sans-serif; font-size: .88rem; line-height: 1.45;
  white-space: normal; cursor: auto; }
.cg-rc:hover > .cg-pop, .cg-rc:focus > .cg-pop, .cg-rc:focus-within > .cg-pop { display: block; }
.cg-pop .cg-ref { margin: .2rem 0 .2rem 1rem; }
.cg-pop .cg-ref-support { display: block; margin-top: .1rem; }
.cg-pop .cg-pop-ev { margin: .35rem 0; }
.cg-pop a { color: #1565c0; }
.cg-pill { display: inline-block; color: #fff; padding: 0 .5rem; border-radius: .6rem; font-size: .8rem;
  font-family: sans-serif; white-space: nowrap; }
.cg-legend { font-family: sans-serif; font-size: .85rem; margin: .3rem 0 .6rem; display: flex;
  flex-wrap: wrap; gap: .3rem .9rem; }
.cg-swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 3px;
  vertical-align: -2px; margin-right: .3rem; }
.cg-bar { display: flex; height: .6rem; border-radius: .3rem; overflow: hidden; margin: .2rem 0 .15rem;
  max-width: 52rem; background: #eee; }
.cg-bar span { display: block; height: 100%; }
.cg-bar-note { font-family: sans-serif; font-size: .78rem; color: #555; margin-bottom: .5rem; }
.cg-comments { border-top: 1px solid #ccc; margin-top: 2rem; padding-top: .5rem; }
.cg-comment { border-left: 3px solid #90a4ae; padding: .2rem 0 .2rem .9rem; margin: .8rem 0; }
.cg-comment.cg-reply { margin-left: 2rem; }
.cg-challenge { font-family: sans-serif; font-size: .88rem; background: #f3e5f5; border-radius: 4px;
  padding: .3rem .5rem; margin: .3rem 0; }
</style>""" + SUPPORT_CSS


@dataclass(frozen=True)
class Block:
    """One typeset block: kind is h1/h2/h3/p/li; [start, end) is the text it shows."""

    kind: str
    start: int
    end: int
    list_id: int = -1  # consecutive list items with the same id form one list


def support_of(claim: Mapping[str, Any], evidence: Mapping[str, Mapping[str, Any]]) -> str:
    """cited, cited-unresolved, anecdotal or unsupported (see graph.handout.claim_support)."""
    items = [dict(evidence[e]) for e in claim.get("evidence_ids", []) if e in evidence]
    support = claim_support(dict(claim), items)
    return support if support in SUPPORT_ORDER else UNSUPPORTED


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def layout(text: str, claim_starts: Sequence[int], title: str = "",
           sections: frozenset[str] = frozenset()) -> list[Block]:
    """Blocks of `text`: headings, paragraphs and list items, in order (claim_starts sorted).

    A block whose text is a claim's section is a heading; so is a short line with no sentence
    end that starts no claim and is not a byline ('By …', '… | …').
    """
    blocks: list[Block] = []
    list_id = 0
    position = 0
    pieces = [m.start() for m in _BLOCK_BREAK.finditer(text)] + [len(text)]
    for stop in pieces:
        start, end = _strip(text, position, stop)
        position = stop
        if start >= end:
            continue
        lines = _lines(text, start, end)
        bullets = [bool(_BULLET.match(text, s, e)) for s, e in lines]
        if any(bullets):
            list_id += 1
            first_bullet = bullets.index(True)
            if first_bullet:
                blocks.append(Block("p", lines[0][0], lines[first_bullet - 1][1]))
            for (s, e), is_bullet in list(zip(lines, bullets, strict=True))[first_bullet:]:
                if is_bullet:
                    marker = _BULLET.match(text, s, e)
                    blocks.append(Block("li", marker.end() if marker else s, e, list_id))
                elif blocks and blocks[-1].kind == "li":
                    blocks[-1] = Block("li", blocks[-1].start, e, list_id)  # a wrapped item line
            continue
        blocks.append(_text_block(text, start, end, claim_starts, title, not blocks, sections))
    return blocks


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of text[start:end] as stripped (start, end) pairs."""
    lines = []
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        s, e = _strip(text, at, stop)
        if s < e:
            lines.append((s, e))
        at = stop + 1
    return lines


def _text_block(text: str, start: int, end: int, claim_starts: Sequence[int], title: str,
                first: bool, sections: frozenset[str] = frozenset()) -> Block:
    """A heading or a paragraph."""
    words = " ".join(text[start:end].split())
    if words in sections:
        return Block("h2", start, end)
    markdown = _MD_HEADING.match(text, start, end)
    if markdown:
        level = min(3, len(markdown.group(1)) + (0 if first else 1))
        return Block(f"h{max(1 if first else 2, level)}", markdown.end(), end)
    single_line = "\n" not in text[start:end]
    index = bisect.bisect_left(claim_starts, start)
    starts_claim = index < len(claim_starts) and claim_starts[index] < end
    if first and title and text[start:end].strip() == title.strip():
        return Block("h1", start, end)
    byline = words.lower().startswith("by ") or "|" in words
    if (single_line and not starts_claim and not byline and end - start <= MAX_HEADING_CHARS
            and not words.endswith(_SENTENCE_END)):
        return Block("h1" if first else "h2", start, end)
    return Block("p", start, end)


# -- spans ----------------------------------------------------------------------------------------
@dataclass
class _Spans:
    """Claims and evidence of one document, sorted, for fast lookup per block."""

    claims: list[dict[str, Any]]
    claim_starts: list[int]
    evidence: list[dict[str, Any]]
    evidence_starts: list[int]

    @classmethod
    def of(cls, claims: Iterable[dict[str, Any]], evidence: Iterable[dict[str, Any]]) -> _Spans:
        claim_list = sorted(claims, key=lambda c: (int(c["start"]), int(c["end"])))
        evidence_list = sorted(evidence, key=lambda e: (int(e["start"]), int(e["end"])))
        return cls(claim_list, [int(c["start"]) for c in claim_list],
                   evidence_list, [int(e["start"]) for e in evidence_list])

    @staticmethod
    def _within(items: list[dict[str, Any]], starts: list[int], start: int, end: int,
                longest: int) -> list[dict[str, Any]]:
        low = bisect.bisect_left(starts, start - longest)
        high = bisect.bisect_left(starts, end)
        return [i for i in items[low:high] if int(i["end"]) > start]

    def in_range(self, start: int, end: int, longest: tuple[int, int]) -> tuple[list, list]:
        return (self._within(self.claims, self.claim_starts, start, end, longest[0]),
                self._within(self.evidence, self.evidence_starts, start, end, longest[1]))


def _pill(support: str) -> str:
    return f'<span class="cg-pill" style="background:{SUPPORT_COLOURS[support]}">{esc(support)}</span>'


def reader_link(document_id: str, claim_id: str | None = None) -> str:
    """The relative permalink of a document's reader view (and of one claim in it)."""
    link = f"?page=read&doc={quote(document_id, safe=':')}"
    return link + (f"#{quote(claim_id, safe=':')}" if claim_id else "")


def trace_link(claim_id: str) -> str:
    """The relative permalink of a claim's trace."""
    return f"?page=trace&claim={quote(claim_id, safe=':')}"


def popup_html(claim: Mapping[str, Any], evidence: Mapping[str, Mapping[str, Any]], support: str,
               challenges: Sequence[Mapping[str, Any]], document_id: str) -> str:
    """What hovering or clicking a claim shows: its support, evidence, references, challenges, links."""
    parts = [f'<span class="cg-pop" role="tooltip">{_pill(support)} '
             f'<em>{esc(claim.get("kind"))} claim</em>']
    items = [evidence[e] for e in claim.get("evidence_ids", []) if e in evidence]
    if not items:
        parts.append('<span class="cg-pop-ev" style="display:block">No evidence given: no citation, '
                     'study or example backs this claim.</span>')
    for item in items:
        marker = item.get("marker") or item.get("text")
        parts.append(f'<span class="cg-pop-ev" style="display:block"><strong>{esc(item.get("kind"))}'
                     f'</strong>: “{esc(marker)}”')
        sources = item.get("sources") or []
        if item.get("kind") == "citation" and not sources:
            why = f": {esc(item['reason'])}" if item.get("reason") else ""
            parts.append(f" <em>(matched no reference{why})</em>")
        for source in sources:
            parts.append(f'<span class="cg-ref" style="display:block">{format_reference_apa_html(source)}'
                         f'<span class="cg-ref-support">{design_badge(source)} {stance_badge(source)}</span>'
                         f"</span>")
        parts.append("</span>")
    for challenge in challenges:
        parts.append(f'<span class="cg-pop-ev" style="display:block"><strong>challenged</strong> by '
                     f'{esc(challenge.get("label"))}: “{esc(_shorten(challenge.get("text"), 160))}”</span>')
    parts.append(f'<span style="display:block;margin-top:.4rem"><a href="{esc(trace_link(claim["id"]))}" '
                 f'target="_self" class="cg-trace-link">Open trace →</a> · '
                 f'<a href="{esc(reader_link(document_id, claim["id"]))}" target="_self">Permalink</a>'
                 "</span>")
    parts.append("</span>")
    return "".join(parts)


def _shorten(text: object, limit: int) -> str:
    flat = " ".join(str(text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _claim_open(claim: Mapping[str, Any], support: str, first_piece: bool) -> str:
    contested = " cg-contested" if claim.get("contested") else ""
    ident = f' id="{esc(claim["id"])}"' if first_piece else ""
    title = SUPPORT_LABELS[CONTESTED] if claim.get("contested") else SUPPORT_LABELS[support]
    return (f'<span class="cg-rc cg-s-{support}{contested}"{ident} tabindex="0" '
            f'data-claim="{esc(claim["id"])}" data-support="{support}" aria-label="{esc(title)}">')


@dataclass
class _Document:
    """One document's data prepared for rendering."""

    document_id: str
    text: str
    spans: _Spans
    supports: dict[str, str]
    popups: dict[str, str]
    longest: tuple[int, int]


def _prepare(view: Mapping[str, Any]) -> _Document:
    document = view["document"]
    text = str(document.get("text") or "")
    evidence = view.get("evidence") or {}
    claims = [c for c in view.get("claims", []) if 0 <= int(c["start"]) < int(c["end"]) <= len(text)]
    supports = {c["id"]: support_of(c, evidence) for c in claims}
    challenges = view.get("challenges") or {}
    popups = {c["id"]: popup_html(c, evidence, supports[c["id"]], challenges.get(c["id"], []),
                                  str(document["id"])) for c in claims}
    own = [e for e in evidence.values() if e.get("document_id", document["id"]) == document["id"]
           and 0 <= int(e["start"]) < int(e["end"]) <= len(text)]
    longest = (max((int(c["end"]) - int(c["start"]) for c in claims), default=0),
               max((int(e["end"]) - int(e["start"]) for e in own), default=0))
    return _Document(str(document["id"]), text, _Spans.of(claims, own), supports, popups, longest)


def _inline(doc: _Document, start: int, end: int, last_piece: dict[str, int], opened: set[str]) -> str:
    """text[start:end] escaped, claims wrapped in highlighted spans, evidence underlined."""
    claims, evidence = doc.spans.in_range(start, end, doc.longest)
    points = {start, end}
    for item in (*claims, *evidence):
        points.update(p for p in (int(item["start"]), int(item["end"])) if start < p < end)
    cuts = sorted(points)
    out: list[str] = []
    current: dict[str, Any] | None = None
    for left, right in zip(cuts, cuts[1:], strict=False):
        claim = next((c for c in claims if int(c["start"]) <= left and right <= int(c["end"])), None)
        if claim is not current:
            if current is not None:
                out.append(_claim_close(doc, current, last_piece, left))
            if claim is not None:
                out.append(_claim_open(claim, doc.supports[claim["id"]], claim["id"] not in opened))
                opened.add(claim["id"])
            current = claim
        chunk = esc(doc.text[left:right]).replace("\n", "<br>")
        kinds = [e.get("kind") for e in evidence if int(e["start"]) <= left and right <= int(e["end"])]
        if kinds:
            chunk = f'<u class="cg-ev cg-ev-{esc(kinds[0])}">{chunk}</u>'
        out.append(chunk)
    if current is not None:
        out.append(_claim_close(doc, current, last_piece, end))
    return "".join(out)


def _claim_close(doc: _Document, claim: Mapping[str, Any], last_piece: dict[str, int], at: int) -> str:
    """Close a claim's span; its popup goes in the piece that holds the claim's end."""
    popup = doc.popups[claim["id"]] if at >= min(int(claim["end"]), last_piece.get(claim["id"], at)) else ""
    return popup + "</span>"


def _last_pieces(doc: _Document, blocks: Sequence[Block]) -> dict[str, int]:
    """For each claim, the end offset of the last block piece it appears in."""
    ends = [b.end for b in blocks]
    last: dict[str, int] = {}
    for claim in doc.spans.claims:
        index = bisect.bisect_left(ends, int(claim["end"]))
        index = min(index, len(blocks) - 1)
        while index > 0 and blocks[index].start >= int(claim["end"]):
            index -= 1
        last[claim["id"]] = min(blocks[index].end, int(claim["end"])) if blocks else int(claim["end"])
    return last


def support_bar(counts: Mapping[str, int], contested: int = 0) -> str:
    """A thin stacked bar of claims by support with a one-line count beneath it."""
    total = sum(counts.get(s, 0) for s in SUPPORT_ORDER)
    if not total:
        return ""
    segments = "".join(
        f'<span title="{esc(s)}: {counts[s]}" style="width:{100 * counts[s] / total:.2f}%;'
        f'background:{SUPPORT_COLOURS[s]}"></span>' for s in SUPPORT_ORDER if counts.get(s))
    words = ", ".join(f"{counts[s]} {s}" for s in SUPPORT_ORDER if counts.get(s))
    extra = f"; {contested} contested" if contested else ""
    noun = "claim" if total == 1 else "claims"
    return (f'<div class="cg-bar" role="img" aria-label="{esc(words)}">{segments}</div>'
            f'<div class="cg-bar-note">{total} {noun}: {esc(words)}{esc(extra)}</div>')


def legend() -> str:
    """Swatches for the five kinds of support and the evidence underline."""
    items = "".join(
        f'<span><span class="cg-swatch" style="background:{SUPPORT_COLOURS[s]}"></span>{esc(label)}</span>'
        for s, label in SUPPORT_LABELS.items())
    return (f'<div class="cg-legend">{items}<span><u class="cg-ev">underlined</u>: evidence '
            f"(citation, quote, study, example)</span></div>")


def _section_counts(doc: _Document, blocks: Sequence[Block]) -> list[tuple[int, Counter, int]]:
    """(heading block index, support counts, contested) for each section."""
    headings = [i for i, b in enumerate(blocks) if b.kind in ("h2", "h3")]
    bounds = [(i, blocks[i].end, blocks[headings[k + 1]].start if k + 1 < len(headings) else len(doc.text))
              for k, i in enumerate(headings)]
    result = []
    for index, start, end in bounds:
        low = bisect.bisect_left(doc.spans.claim_starts, start)
        high = bisect.bisect_left(doc.spans.claim_starts, end)
        chosen = doc.spans.claims[low:high]
        result.append((index, Counter(doc.supports[c["id"]] for c in chosen),
                       sum(1 for c in chosen if c.get("contested"))))
    return result


def _is_byline_block(doc: _Document, block: Block) -> bool:
    """A one-line paragraph that starts no claim and is a byline ('By | 2017-11-12T20:21:47+00:00
    October 11th, 2017|', '*By Maria Lindqvist, 14 March 2024*'), as the reader of the article
    classified it (ingest.blocks.is_byline)."""
    from ingest.blocks import is_byline

    words = doc.text[block.start:block.end]
    if block.kind == "li" or "\n" in words:
        return False
    at = bisect.bisect_left(doc.spans.claim_starts, block.start)
    starts_claim = at < len(doc.spans.claim_starts) and doc.spans.claim_starts[at] < block.end
    return not starts_claim and is_byline(words.strip())


def body_html(view: Mapping[str, Any], heading_title: bool = True) -> str:
    """A document's text typeset, claims highlighted, with a support bar under each section heading."""
    return _body(view, heading_title)[0]


def _leading_byline(doc: _Document, blocks: list[Block], byline: str) -> str:
    """The text of the first block when it is a paragraph repeating `byline` ('Authors · date', as the
    reader prints it above the legend; a JATS text goes on with ' · doi:…') and starts no claim."""
    if not byline or not blocks or blocks[0].kind != "p":
        return ""
    words = " ".join(doc.text[blocks[0].start:blocks[0].end].split())
    index = bisect.bisect_left(doc.spans.claim_starts, blocks[0].start)
    has_claim = index < len(doc.spans.claim_starts) and doc.spans.claim_starts[index] < blocks[0].end
    return words if words.startswith(" ".join(byline.split())) and not has_claim else ""


def _body(view: Mapping[str, Any], heading_title: bool = True, byline: str = "") -> tuple[str, str]:
    """body_html, and the byline paragraph it left out (see `_leading_byline`; '' when none)."""
    doc = _prepare(view)
    title = str(view["document"].get("title") or "")
    sections = frozenset(" ".join(str(c.get("section") or "").split()) for c in doc.spans.claims) - {""}
    blocks = layout(doc.text, doc.spans.claim_starts, title if heading_title else "", sections)
    if not heading_title:
        blocks = [Block("p", b.start, b.end) if b.kind.startswith("h") else b for b in blocks]
    elif blocks and blocks[0].kind == "h1"\
            and doc.text[blocks[0].start:blocks[0].end].strip() == title.strip():
        blocks = blocks[1:]  # the title is printed above the legend already
    dropped = _leading_byline(doc, blocks, byline) if heading_title else ""
    if dropped:
        blocks = blocks[1:]  # the byline is printed above the legend, with what the text adds to it
    if heading_title:  # author and date are printed above the legend: the byline is metadata
        blocks = [b for b in blocks if not _is_byline_block(doc, b)]
    bars = {index: support_bar(counts, contested)
            for index, counts, contested in _section_counts(doc, blocks)}
    last = _last_pieces(doc, blocks)
    opened: set[str] = set()
    out: list[str] = []
    open_list = -1
    for index, block in enumerate(blocks):
        if block.kind == "li" and block.list_id != open_list:
            if open_list >= 0:
                out.append("</ul>")
            out.append("<ul>")
            open_list = block.list_id
        elif block.kind != "li" and open_list >= 0:
            out.append("</ul>")
            open_list = -1
        inner = _inline(doc, block.start, block.end, last, opened)
        out.append(f"<{block.kind}>{inner}</{block.kind}>")
        if index in bars:
            out.append(bars[index])
    if open_list >= 0:
        out.append("</ul>")
    return "".join(out), dropped


def document_counts(view: Mapping[str, Any]) -> tuple[Counter, int]:
    """Claims of a document by support, and how many are contested."""
    evidence = view.get("evidence") or {}
    claims = view.get("claims", [])
    return Counter(support_of(c, evidence) for c in claims), sum(1 for c in claims if c.get("contested"))


def comment_html(view: Mapping[str, Any], label: str, challenged: Sequence[tuple[str, str, str]],
                 reply: bool) -> str:
    """One comment: who and when, its text with its own claims highlighted, what it disputes."""
    links = "".join(
        f'<div class="cg-challenge">Disputes <a href="#{esc(claim_id)}" target="_self">'
        f"“{esc(_shorten(text, 120))}”"
        f"</a>{' — ' + esc(reason) if reason else ''}</div>" for claim_id, text, reason in challenged)
    cls = "cg-comment cg-reply" if reply else "cg-comment"
    document_id = view["document"]["id"]
    return (f'<div class="{cls}" id="{esc(document_id)}">'
            f'<div class="cg-meta"><strong>{esc(label)}</strong></div>'
            f"{links}{body_html(view, heading_title=False)}</div>")


def reader_html(view: Mapping[str, Any], comments: Sequence[tuple[Mapping[str, Any], str]] = ()) -> str:
    """The whole reader view: title, byline, legend, summary bar, text, then the comments.

    comments: (document_view of the comment, its label), in thread order.
    """
    document = view["document"]
    counts, contested = document_counts(view)
    byline = " · ".join(str(v) for v in (document.get("author"), document.get("date")) if v)
    claim_text = {c["id"]: c["text"] for c in view.get("claims", [])}
    challenger_targets: dict[str, list[tuple[str, str, str]]] = {}
    for claim_id, items in (view.get("challenges") or {}).items():
        for item in items:
            challenger_targets.setdefault(str(item.get("id")), []).append(
                (claim_id, claim_text.get(claim_id, ""), str(item.get("reason") or "")))
    parts = [READER_CSS, '<div class="cg-reader">']
    if document.get("title"):
        parts.append(f"<h1>{esc(document['title'])}</h1>")
    body, text_byline = _body(view, byline=byline)
    if byline or text_byline:  # a byline the text repeats is printed once, here
        parts.append(f'<div class="cg-meta">{esc(text_byline or byline)}</div>')
    parts.append(legend())
    parts.append(support_bar(counts, contested))
    parts.append(body)
    if comments:
        parts.append(f'<div class="cg-comments"><h2>Comments ({len(comments)})</h2>')
        for comment_view, label in comments:
            comment_id = str(comment_view["document"]["id"])
            own_claims = {c["id"] for c in comment_view.get("claims", [])}
            challenged = [t for challenger in (comment_id, *own_claims)
                          for t in challenger_targets.get(challenger, [])]
            reply = bool(comment_view["document"].get("parent_id")) and \
                comment_view["document"].get("parent_id") != document.get("id")
            parts.append(comment_html(comment_view, label, challenged, reply))
        parts.append("</div>")
    parts.append("</div>")
    return "".join(parts)


def short_references(sources: Iterable[Mapping[str, Any]]) -> str:
    """'Jordan et al., 1992; Herman, 1992' for a list of sources."""
    return "; ".join(dict.fromkeys(short_reference(s) for s in sources))


def section_summary(view: Mapping[str, Any]) -> list[tuple[str, dict[str, int]]]:
    """("Whole document", counts) then (section, counts) in reading order: claims by support."""
    evidence = view.get("evidence") or {}
    total: Counter = Counter()
    sections: dict[str, Counter] = {}
    for claim in view.get("claims", []):
        support = support_of(claim, evidence)
        total[support] += 1
        sections.setdefault(" ".join(str(claim.get("section") or "").split()), Counter())[support] += 1
    return [("Whole document", dict(total))] + [(name or "(before the first heading)", dict(counts))
                                                for name, counts in sections.items()]
