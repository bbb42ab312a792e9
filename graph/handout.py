"""A Markdown handout of a subgraph, and APA 7 reference formatting (text and HTML).

`format_reference_apa` and `format_reference_apa_html` are shared with the app.
Article and BibTeX text is escaped so the handout is safe to render as Markdown
(raw HTML in an article never becomes HTML in the rendered handout).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from graph.model import Node, Subgraph
from graph.schema import DESIGN_TIERS, ClaimStatus, Label, RelType, SupportTier, is_phrase_cue

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|]|&(?=#?\w+;))")
_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_STATUS_HEADINGS = {
    ClaimStatus.CITED: "Claims supported by cited sources",
    ClaimStatus.CITED_UNRESOLVED: "Claims whose citations match no reference",
    ClaimStatus.DISPUTED_BY_CITATION: "Claims whose only citations dispute the works they cite",
    ClaimStatus.ANECDOTAL: "Claims supported by anecdote only",
    ClaimStatus.UNSUPPORTED: "Claims without support",
}
# Cited claims are grouped by the strength of their support (graph.schema.DESIGN_TIERS of the
# strongest design among the works cited in support), strongest first.
_TIER_HEADINGS = {
    SupportTier.TRIAL_OR_REVIEW: "Backed by a trial or systematic review",
    SupportTier.OBSERVATIONAL: "Backed by an observational study",
    SupportTier.CASE_OR_INDIRECT: "Backed by a case report, qualitative or laboratory study",
    SupportTier.OPINION_OR_SECONDARY: "Backed by a guideline, review, book, commentary or other non-study",
    SupportTier.DESIGN_UNKNOWN: "Backed by works whose design is not stated",
}
NO_SUPPORTING_CITATION = "Citations that only mention a work (none cited in support)"
_MAX_LISTED_AUTHORS = 20
_SAFE_LINK = re.compile(r"https?://[^\s<>\"'`\\]+")


def md_escape(text: str) -> str:
    """Escape Markdown and HTML specials so text renders literally; newlines become spaces."""
    flat = " ".join(str(text).split())
    return _MD_SPECIAL.sub(lambda m: _HTML_ENTITIES.get(m.group(1)[0], "\\" + m.group(1)), flat)


# -- APA references -------------------------------------------------------------------------------
def _initials(given: str) -> str:
    """'Judith Lewis' -> 'J. L.'; 'B. Kathleen' -> 'B. K.'; 'Jean-Paul' -> 'J.-P.'."""
    parts = []
    for word in given.replace(".", ". ").split():
        pieces = [p for p in word.split("-") if p[:1].isalpha()]
        if pieces:
            parts.append("-".join(f"{p[0]}." for p in pieces))
    return " ".join(parts)


def _author_names(source: dict[str, Any]) -> list[str]:
    """Authors as APA names 'Family, I. I.' from the 'Family, Given; Family, Given' property."""
    names = []
    for person in (source.get("authors") or "").split(";"):
        person = person.strip()
        if not person:
            continue
        family, _, given = person.partition(",")
        initials = _initials(given.strip())
        names.append(f"{family.strip()}, {initials}" if initials else family.strip())
    return names


def _join_authors(names: list[str]) -> str:
    """APA 7 author list: all up to 20 joined with ', & '; beyond that 19, an ellipsis and the last."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) > _MAX_LISTED_AUTHORS:
        return ", ".join(names[:19]) + ", … " + names[-1]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _protected_words(bibtex: str) -> set[str]:
    """Words that BibTeX braces protect from case changes in the entry's title."""
    match = re.search(r"\btitle\s*=\s*[{\"](.*)", bibtex or "", re.IGNORECASE)
    if not match:
        return set()
    return {w for group in re.findall(r"(?<!\\)\{([^{}]+)\}", match.group(1)) for w in group.split()}


def sentence_case(title: str, protected: set[str] | frozenset[str] = frozenset()) -> str:
    """APA sentence case: capitalise the first word and the first word after a colon; keep
    acronyms, words with inner capitals and brace-protected words; lower-case the rest."""
    out: list[str] = []
    capitalise_next = True
    for token in re.split(r"(\s+)", title.strip()):
        if not token or token.isspace():
            out.append(token)
            continue
        core = token.strip("\"'“”‘’()[]:;,.!?")
        keep = core in protected or sum(c.isupper() for c in core) > 1 or any(c.isdigit() for c in core)
        if capitalise_next:
            out.append(token[:1].upper() + token[1:] if not keep else token)
        else:
            out.append(token if keep else token.lower())
        capitalise_next = token.endswith((":", "?", "!")) or (token.endswith(".") and len(core) > 1)
    return "".join(out).rstrip(".")


def _fields(source: dict[str, Any]) -> dict[str, str]:
    """Every BibTeX field of the source (from fields_json), with the schema properties on top."""
    try:
        fields = json.loads(source.get("fields_json") or "{}")
    except ValueError:
        fields = {}
    fields = {str(k).lower(): str(v) for k, v in fields.items()} if isinstance(fields, dict) else {}
    for key in ("title", "year", "volume", "number", "pages", "publisher", "doi", "url"):
        if source.get(key):
            fields[key] = str(source[key])
    if source.get("venue"):
        fields.setdefault("journal", str(source["venue"]))
        fields.setdefault("booktitle", str(source["venue"]))
    return fields


def apa_parts(source: dict[str, Any]) -> list[tuple[str, bool | None]]:
    """The reference as (text, italic) pieces, so text and HTML renderings share one layout;
    italic None marks the trailing DOI or URL link."""
    fields = _fields(source)
    entry_type = (source.get("entry_type") or "misc").lower()
    authors = _join_authors(_author_names(source))
    year = fields.get("year") or "n.d."
    title = sentence_case(fields.get("title", ""), _protected_words(source.get("bibtex", "")))
    pages = fields.get("pages", "").replace("--", "–").replace("-", "–")
    head = f"{authors} ({year}). " if authors else ""
    parts: list[tuple[str, bool | None]] = []
    if entry_type == "article":
        parts.append((f"{head}{title}. " if title else head, False))
        journal = fields.get("journal", "")
        volume = fields.get("volume", "")
        parts.append((f"{journal}, {volume}" if volume else journal, True))
        tail = f"({fields['number']})" if fields.get("number") else ""
        tail += f", {pages}" if pages else ""
        parts.append((tail + ".", False))
    elif entry_type in ("incollection", "inproceedings", "inbook"):
        parts.append((f"{head}{title}. In ", False))
        parts.append((fields.get("booktitle", ""), True))
        parts.append((f" (pp. {pages})." if pages else ".", False))
        if fields.get("publisher"):
            parts.append((f" {fields['publisher']}.", False))
    else:
        if not authors:
            parts.append((title, True))
            parts.append((f". ({year}).", False))
        else:
            parts.append((head, False))
            parts.append((title, True))
            parts.append((".", False))
        publisher = fields.get("publisher") or fields.get("institution") or fields.get("school", "")
        if publisher:
            parts.append((f" {publisher}.", False))
    link = f"https://doi.org/{fields['doi']}" if fields.get("doi") else fields.get("url", "")
    if link:
        parts.append((" ", False))
        parts.append((link, None))
    return [(text, italic) for text, italic in parts if text]


def _md_piece(text: str, italic: bool | None) -> str:
    if italic is None:
        return f"<{text}>" if _SAFE_LINK.fullmatch(text) else md_escape(text)
    return f"*{md_escape(text).strip()}*" if italic else md_escape_keep_space(text)


def _html_piece(text: str, italic: bool | None) -> str:
    if italic is None and _SAFE_LINK.fullmatch(text):
        return f'<a href="{html.escape(text)}">{html.escape(text)}</a>'
    return f"<em>{html.escape(text)}</em>" if italic else html.escape(text)


def author_families(authors: str) -> list[str]:
    """'Jordan, B. Kathleen; Marmar, Charles R.' -> ['Jordan', 'Marmar']: the family names of a
    Source's `authors` property, in byline order."""
    return [f for f in (name.partition(",")[0].strip() for name in (authors or "").split(";")) if f]


def cited_as(families: list[str]) -> str:
    """How APA names the authors in the text: 'Herman', 'Jordan & Marmar', 'Jordan et al.'; '' if none."""
    if len(families) > 2:
        return f"{families[0]} et al."
    return " & ".join(families)


def _in_text_parts(source: dict[str, Any]) -> tuple[str, str]:
    """(who, year) of a source's in-text citation: 'Jordan et al.', '1992'. A source without
    authors is named by the start of its title, one without either by its id; no year is 'n.d.'."""
    year = str(source.get("year") or "n.d.")
    who = cited_as(author_families(source.get("authors") or ""))
    if not who:
        title = " ".join(str(source.get("title") or source.get("id") or "").split())
        who = title if len(title) <= 40 else title[:39] + "…"
    return who, year


def short_reference(source: dict[str, Any]) -> str:
    """The APA in-text form of a source: 'Herman, 1992', 'Jordan & Marmar, 1992', 'Jordan et al., 1992'.

    Plain text (escape it where it becomes HTML or Markdown); a source without authors is named
    by the start of its title, one without either by its id.
    """
    who, year = _in_text_parts(source)
    return f"{who}, {year}"


def narrative_reference(source: dict[str, Any]) -> str:
    """The APA narrative form of a source, for a caption that names one work: 'Herman (1992)',
    'Jordan & Marmar (1992)', 'Jordan et al. (1992)' — the same names as `short_reference`.

    Plain text (escape it where it becomes HTML); same fallbacks as `short_reference`.
    """
    who, year = _in_text_parts(source)
    return f"{who} ({year})"


def format_reference_apa(source_props: dict[str, Any]) -> str:
    """A source as an APA 7 reference in Markdown (italics as *…*; text Markdown-escaped)."""
    return "".join(_md_piece(t, italic) for t, italic in apa_parts(source_props))


def format_reference_apa_html(source_props: dict[str, Any]) -> str:
    """A source as an APA 7 reference in HTML (italics as <em>; every piece of text escaped)."""
    return "".join(_html_piece(t, italic) for t, italic in apa_parts(source_props))


def md_escape_keep_space(text: str) -> str:
    """Like md_escape but keeps a leading and trailing space (for joining pieces)."""
    escaped = md_escape(text)
    if not escaped:
        return " " if text else ""
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return f"{lead}{escaped}{trail}"


# -- the handout ----------------------------------------------------------------------------------
def claim_evidence(subgraph: Subgraph, store: Any = None) -> dict[str, list[dict[str, Any]]]:
    """For each claim id: its evidence dicts (props + 'sources'), from store.trace when a store
    is given (complete even if the subgraph stopped short), else from the subgraph's edges."""
    by_id = {n.id: n for n in subgraph.nodes}
    claims = [n for n in subgraph.nodes if n.label == Label.CLAIM]
    support: dict[str, list[dict[str, Any]]] = {}
    for claim in claims:
        traced = store.trace(claim.id) if store is not None else None
        if traced is not None:
            support[claim.id] = list(traced.get("evidence", []))
            continue
        evidence = []
        for rel in subgraph.relationships:
            if rel.type == RelType.SUPPORTED_BY and rel.start == claim.id and rel.end in by_id:
                ev = dict(by_id[rel.end].props)
                ev["sources"] = [dict(by_id[r.end].props) for r in subgraph.relationships
                                 if r.type == RelType.CITES and r.start == rel.end and r.end in by_id]
                evidence.append(ev)
        support[claim.id] = sorted(evidence, key=lambda e: (e.get("start") or 0, e.get("id", "")))
    return support


def _claim_order(node: Node) -> tuple[str, int, str]:
    return (str(node.props.get("document_id", "")), int(node.props.get("position") or 0), node.id)


_BULLET_LINE = re.compile(r"[ \t]*(?:[•·▪◦‣∙*+\-–]|\d{1,3}[.)])[ \t]+")


def list_lead_in(text: str, start: int) -> str:
    """The sentence that introduces the list a claim at `start` is an item of, or '' if it is none.

    A claim is a list item when its line starts with a bullet or number; the lead-in is the first
    line above the list's items (across one blank line) that is not itself an item.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if not _BULLET_LINE.fullmatch(text, line_start, start) and not _BULLET_LINE.match(text, line_start):
        return ""
    end = line_start - 1
    blank_seen = False
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end]
        if not line.strip():
            if blank_seen:
                return ""
            blank_seen = True
        elif not _BULLET_LINE.match(line):
            return " ".join(line.split())
        end = begin - 1
    return ""


def plural(count: int, noun: str) -> str:
    """'1 claim', '2 claims'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def claim_support(claim: dict[str, Any], evidence: list[dict[str, Any]]) -> str:
    """The claim's status (ClaimStatus). A claim a store written before `cited-unresolved` existed
    holds as `cited` or `unsupported` while it has citations and none of its evidence reached a
    reference (no source, not `resolved`) is cited-unresolved, as the linker now stores it."""
    status = str(claim.get("status") or ClaimStatus.UNSUPPORTED)
    if status in (ClaimStatus.CITED, ClaimStatus.UNSUPPORTED):
        citations = [e for e in evidence if e.get("kind") in ("citation", "quote")]
        if citations and not any(e.get("sources") or e.get("resolved") for e in evidence):
            return str(ClaimStatus.CITED_UNRESOLVED)
    return status


def _claim_lines(claim: Node, evidence: list[dict[str, Any]], numbers: dict[str, int],
                 lead_in: str = "") -> list[str]:
    """One claim in the handout: its sentence quoted (after its list's lead-in), then each piece of
    evidence pointing to the numbered references."""
    props = claim.props
    where = f"{props.get('document_id', '')}" + (f" › {props['section']}" if props.get("section") else "")
    quoted = f"*{md_escape(lead_in)}* … {md_escape(props.get('text', ''))}" if lead_in \
        else md_escape(props.get("text", ""))
    lines = [f"> {quoted}", "",
             f"*{md_escape(where)}*, {md_escape(props.get('kind', ''))} claim — `{claim.id}`", ""]
    for ev in evidence:
        refs = [f"[{numbers[src['id']]}]" + _stance_note(src) for src in ev.get("sources", [])
                if src["id"] in numbers]
        pointer = " " + ", ".join(refs) if refs else ""
        if ev.get("kind") == "citation" and not ev.get("sources"):
            why = f": {md_escape(ev['reason'])}" if ev.get("reason") else ""
            pointer = f" (matched no reference{why})"
        lines.append(f"- **{md_escape(ev.get('kind', ''))}**: “{md_escape(ev.get('text', ''))}”{pointer}")
    if not evidence:
        lines.append("- no evidence given")
    lines.append("")
    return lines


def _stance_note(source: dict[str, Any]) -> str:
    """' (contrasting: “contrary to”)' after a reference number: the citing passage's stance and cue."""
    stance = str(source.get("stance") or "")
    if not stance:
        return ""
    cue = str(source.get("stance_cue") or "")
    shown = f"“{md_escape(cue)}”" if is_phrase_cue(cue) else md_escape(cue)  # a model decision: no quote
    return f" ({md_escape(stance)}: {shown})" if cue else f" ({md_escape(stance)})"


def support_tier(claim: dict[str, Any]) -> str:
    """The heading of a cited claim's strength-of-support group in the handout."""
    design = str(claim.get("support_design") or "")
    return _TIER_HEADINGS[DESIGN_TIERS[design]] if design in DESIGN_TIERS else NO_SUPPORTING_CITATION


def design_note(source: dict[str, Any]) -> str:
    """' — design: book (entry type: book)' after a reference; '' when it is unknown."""
    design = str(source.get("design") or "")
    if not design or design == "unknown":
        return ""
    reason = str(source.get("design_reason") or "")
    return f" — design: {md_escape(design)}" + (f" ({md_escape(reason)})" if reason else "")


def _document_texts(subgraph: Subgraph, store: Any, claims: list[Node]) -> dict[str, str]:
    """Document id -> text, from the subgraph's document nodes, else from the store."""
    texts = {n.id: str(n.props.get("text") or "") for n in subgraph.nodes if n.label == Label.DOCUMENT}
    for claim in claims:
        doc_id = str(claim.props.get("document_id") or "")
        if not texts.get(doc_id) and store is not None:
            node = store.node(doc_id)
            texts[doc_id] = str(node.props.get("text") or "") if node else ""
    return texts


def _cited_sources(subgraph: Subgraph, support: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Every source in the subgraph or behind its claims, by APA order (first author, year)."""
    sources = {n.id: dict(n.props) for n in subgraph.nodes if n.label == Label.SOURCE}
    for evidence in support.values():
        for ev in evidence:
            for source in ev.get("sources", []):
                sources.setdefault(source["id"], source)
    return sorted(sources.values(), key=lambda s: (_join_authors(_author_names(s)).lower(),
                                                   str(s.get("year", "")), s["id"]))


def to_markdown(subgraph: Subgraph, store: Any = None, title: str = "", scope: str = "") -> str:
    """A class handout: title, scope, claims grouped by support with sentence (a list item after its
    list's lead-in) and evidence pointing to numbered references, then the reference list, each
    work once."""
    support = claim_evidence(subgraph, store)
    claims = sorted((n for n in subgraph.nodes if n.label == Label.CLAIM), key=_claim_order)
    articles = [n for n in subgraph.nodes if n.label == Label.DOCUMENT and n.props.get("kind") != "comment"]
    only_title = articles[0].props.get("title") if len(articles) == 1 else ""
    heading = title or only_title or "ClaimGraph handout"
    lines = [f"# {md_escape(heading)}", ""]
    if scope:
        lines += [f"Scope: {md_escape(scope)}", ""]
    shown_status = {c.id: claim_support(c.props, support.get(c.id, [])) for c in claims}
    counts = {status: sum(1 for c in claims if shown_status[c.id] == status) for status in ClaimStatus}
    tally = ", ".join(f"{n} {s}" for s, n in counts.items())
    lines += [f"{plural(len(claims), 'claim')}: {tally}.", ""]
    if subgraph.truncated:
        lines += ["*This view was cut at its node limit; some claims may be missing.*", ""]
    references = _cited_sources(subgraph, support)
    numbers = {source["id"]: index for index, source in enumerate(references, start=1)}
    texts = _document_texts(subgraph, store, claims)
    def claim_lines(group: list[Node]) -> list[str]:
        out = []
        for claim in group:
            text = texts.get(str(claim.props.get("document_id") or ""), "")
            lead_in = list_lead_in(text, int(claim.props.get("start") or 0)) if text else ""
            out += _claim_lines(claim, support.get(claim.id, []), numbers, lead_in)
        return out

    for status in ClaimStatus:
        group = [c for c in claims if shown_status[c.id] == status]
        if not group:
            continue
        lines += [f"## {_STATUS_HEADINGS[status]} ({len(group)})", ""]
        if status != ClaimStatus.CITED:
            lines += claim_lines(group)
            continue
        for heading in (*_TIER_HEADINGS.values(), NO_SUPPORTING_CITATION):
            tier = [c for c in group if support_tier(c.props) == heading]
            if tier:
                lines += [f"### {heading} ({len(tier)})", ""] + claim_lines(tier)
    if references:
        lines += ["## References", ""] + [f"{n}. {format_reference_apa(s)}{design_note(s)}" for s, n in
                                          zip(references, numbers.values(), strict=True)] + [""]
    return "\n".join(lines)
