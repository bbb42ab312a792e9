"""What kind of support a claim has: the study design of its cited works and the stance of its citations.

The graph carries (issue #13) a Source's `design` and `design_reason`, a CITES relationship's
`stance` and `stance_cue`, and a Claim's `support_design`, `n_supporting` and `n_contrasting`.
Every reader here uses `.get(name, default)`, so a store written before those properties existed
shows "design not stated" and no stance instead of failing. Pure functions, no Streamlit: the
Claims, Read, Trace and Overview pages and their tests share them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from claimgraph.explorer.html import esc
from graph.schema import ClaimStatus, Stance, StudyDesign, is_phrase_cue

UNKNOWN = StudyDesign.UNKNOWN.value
# Every design in graph.schema.StudyDesign's order: strongest evidence first (the overview's order).
_LABELS: dict[str, tuple[str, str]] = {  # design -> (label, short label for a table cell)
    "systematic-review": ("Systematic review / meta-analysis", "Meta-analysis"),
    "rct": ("Randomised controlled trial", "RCT"),
    "cohort": ("Cohort study", "Cohort"),
    "case-control": ("Case-control study", "Case-control"),
    "cross-sectional": ("Cross-sectional study / survey", "Cross-sectional"),
    "case-report": ("Case report / series", "Case report"),
    "qualitative": ("Qualitative study", "Qualitative"),
    "animal-in-vitro": ("Animal / in vitro study", "Animal / in vitro"),
    "guideline": ("Guideline / consensus statement", "Guideline"),
    "narrative-review": ("Narrative review", "Narrative review"),
    "book": ("Book / chapter", "Book"),
    "commentary": ("Commentary / editorial / letter", "Opinion"),
    "web": ("Web page / news", "Web"),
    "dataset-software": ("Dataset / software", "Dataset"),
    UNKNOWN: ("Design not stated", "Design not stated"),
}
DESIGNS: tuple[str, ...] = tuple(d.value for d in StudyDesign)
DESIGN_LABELS: dict[str, str] = {d: _LABELS.get(d, (d, d))[0] for d in DESIGNS}
DESIGN_SHORT: dict[str, str] = {d: _LABELS.get(d, (d, d))[1] for d in DESIGNS}

# The design facet of the Claims page: two groups, then each design alone. URL value -> the
# ClaimFilter fields it sets: `design` (the claim's strongest supporting design is one of these) or
# `only_design` (every work cited in support of it has one of these designs).
STRONG = "trial-or-meta-analysis"
WEAK = "case-reports-or-opinion"
DESIGN_GROUPS: dict[str, tuple[str, ...]] = {
    STRONG: ("systematic-review", "rct"),
    WEAK: ("case-report", "commentary"),
}
DESIGN_FACETS: dict[str, dict[str, str]] = {
    STRONG: {"design": ", ".join(DESIGN_GROUPS[STRONG])},
    WEAK: {"only_design": ", ".join(DESIGN_GROUPS[WEAK])},
    **{d: {"design": d} for d in DESIGNS},
}
FACET_LABELS: dict[str, str] = {
    STRONG: "backed by a trial or meta-analysis",
    WEAK: "resting only on case reports or opinion",
    **{d: f"strongest: {label.lower()}" if d != UNKNOWN else "cited works' design not stated"
       for d, label in DESIGN_LABELS.items()},
}

SUPPORTING, CONTRASTING, MENTIONING = (s.value for s in (Stance.SUPPORTING, Stance.CONTRASTING,
                                                          Stance.MENTIONING))
STANCE_COLOURS = {SUPPORTING: "#2e7d32", CONTRASTING: "#ad1457", MENTIONING: "#607d8b"}
DISPUTED = ClaimStatus.DISPUTED_BY_CITATION.value

SUPPORT_CSS = """<style>
.cg-design { display: inline-block; font-family: sans-serif; font-size: .78rem; padding: 0 .45rem;
  border-radius: .25rem; border: 1px solid #90a4ae; color: #37474f; background: #eceff1;
  white-space: nowrap; cursor: help; }
.cg-design.cg-design-unknown { border-style: dashed; color: #757575; background: #fff; }
.cg-stance { display: inline-block; font-family: sans-serif; font-size: .78rem; padding: 0 .45rem;
  border-radius: .6rem; color: #fff; white-space: nowrap; cursor: help; }
.cg-cue { font-family: sans-serif; font-size: .8rem; color: #555; }
</style>"""


def design_of(source: Mapping[str, Any]) -> tuple[str, str]:
    """(design, reason) of a cited work; a work without one is `unknown` with no reason."""
    design = str(source.get("design") or UNKNOWN)
    return (design if design in DESIGN_LABELS else UNKNOWN), str(source.get("design_reason") or "")


def stance_of(source: Mapping[str, Any]) -> tuple[str, str]:
    """(stance, cue) of one citation of a work ('' when the store records none)."""
    stance = str(source.get("stance") or "")
    return (stance if stance in STANCE_COLOURS else ""), str(source.get("stance_cue") or "")


def design_badge(source: Mapping[str, Any]) -> str:
    """The work's design as a small label whose hover text is the reason that decided it."""
    design, reason = design_of(source)
    if design == UNKNOWN:
        hover = "No design: neither its metadata nor its title says what kind of work it is"
    else:
        hover = f"Why: {reason}" if reason else "Why: not recorded"
    return (f'<span class="cg-design cg-design-{esc(design)}" data-design="{esc(design)}" '
            f'title="{esc(hover)}">{esc(DESIGN_LABELS[design])}</span>')


def stance_badge(source: Mapping[str, Any], with_cue: bool = True) -> str:
    """The citation's stance as a coloured pill (hover: its cue), then the cue itself; '' if none."""
    stance, cue = stance_of(source)
    if not stance:
        return ""
    shown = f"“{cue}”" if is_phrase_cue(cue) else cue  # a model decision or section default is no quote
    hover = f"Decided by: {shown}" if cue else "No cue words: the default"
    pill = (f'<span class="cg-stance cg-stance-{esc(stance)}" data-stance="{esc(stance)}" '
            f'style="background:{STANCE_COLOURS[stance]}" title="{esc(hover)}">{esc(stance)}</span>')
    if with_cue and cue:
        pill += f' <span class="cg-cue">cue: {esc(shown)}</span>'
    return pill


def design_words(source: Mapping[str, Any]) -> str:
    """The work's design and its reason as plain text: 'Book / chapter (entry type: book)'."""
    design, reason = design_of(source)
    return f"{DESIGN_LABELS[design]} ({reason})" if reason and design != UNKNOWN else DESIGN_LABELS[design]


def reason_html(source: Mapping[str, Any]) -> str:
    """The design's reason as a line of small text ('' when the design is unknown or has none)."""
    design, reason = design_of(source)
    if design == UNKNOWN or not reason:
        return ""
    return f'<span class="cg-cue cg-design-reason">design from {esc(reason)}</span>'


def support_profile(claim: Mapping[str, Any]) -> str:
    """A claim's support in a few words: 'RCT · 2 supporting · 1 contrasting' ('' with no citation).

    Plain text (a table cell): the caller escapes it for wherever it goes."""
    supporting = int(claim.get("n_supporting") or 0)
    contrasting = int(claim.get("n_contrasting") or 0)
    design = str(claim.get("support_design") or "")
    parts = []
    if design and supporting:
        parts.append(DESIGN_SHORT.get(design, design))
    if supporting:
        parts.append(f"{supporting} supporting")
    if contrasting:
        parts.append(f"{contrasting} contrasting")
    return " · ".join(parts)


def facet_label(value: str) -> str:
    """How the design facet names a URL value."""
    return FACET_LABELS.get(value, value)


STRENGTH_CSS = """<style>
.cg-strength { border-collapse: collapse; width: 100%; max-width: 60rem; font-size: .9rem; }
.cg-strength th, .cg-strength td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #e6e6e6; }
.cg-strength td.cg-n { text-align: right; white-space: nowrap; width: 4rem; }
.cg-strength td.cg-barcell { width: 45%; }
.cg-strength .cg-strength-bar { height: .7rem; border-radius: .35rem; background: #00838f; }
.cg-strength tr.cg-group td { font-weight: 600; background: #f5f7f8; }
.cg-strength a { color: #1565c0; }
</style>"""


def strength_rows(counts: Mapping[str, int], groups: Mapping[str, int]) -> list[dict[str, Any]]:
    """The overview's support-strength rows: the two facet groups (`groups`: facet -> the claims its
    filter matches), then every design some claim rests on (`counts`: Store.claims_by_support_design,
    strongest first), then the claims no citation supports. Each row: {facet, label, group, count}
    (facet '' for the unsupported row, which has no link)."""
    rows = [{"facet": group, "label": FACET_LABELS[group], "group": True, "count": int(groups.get(group, 0))}
            for group in DESIGN_GROUPS]
    rows += [{"facet": design, "label": DESIGN_LABELS.get(design, design), "group": False,
              "count": int(counts[design])} for design in (*DESIGNS, *sorted(set(counts) - set(DESIGNS)))
             if design and counts.get(design)]
    rows.append({"facet": "", "label": "no citation supports it", "group": False,
                 "count": int(counts.get("", 0))})
    return rows


def strength_table_html(counts: Mapping[str, int], groups: Mapping[str, int]) -> str:
    """Claims by the strongest design they rest on, as an escaped HTML table with bars; each row
    links to the Claims page filtered to it (see strength_rows)."""
    from urllib.parse import quote

    rows = strength_rows(counts, groups)
    total = sum(int(n) for n in counts.values()) or 1
    body = []
    for row in rows:
        label = esc(row["label"])
        if row["facet"] and row["count"]:
            label = (f'<a class="cg-strength-link" href="?page=claims&amp;design={esc(quote(row["facet"]))}" '
                     f'target="_self">{label} →</a>')
        width = 100 * row["count"] / total
        body.append(f'<tr class="{"cg-group" if row["group"] else "cg-design-row"}" '
                    f'data-facet="{esc(row["facet"])}"><td>{label}</td><td class="cg-n">{row["count"]}</td>'
                    f'<td class="cg-barcell"><div class="cg-strength-bar" style="width:{width:.1f}%"></div>'
                    f"</td></tr>")
    return (f'{STRENGTH_CSS}<table class="cg-strength"><thead><tr><th>Strongest design a claim rests on</th>'
            f'<th>Claims</th><th></th></tr></thead><tbody>{"".join(body)}</tbody></table>')
