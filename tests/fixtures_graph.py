"""A small hand-built graph for the store contract tests (independent of the ingest code).

Two articles, `doc:alpha` (with one comment that replies and challenges) and
`doc:beta`; claims that are cited, anecdotal and unsupported; one unresolved
citation; two cited sources with authors and one source nobody cites.
Offsets are found in the texts below, so every span is exact.
"""

from __future__ import annotations

from graph.model import GraphBatch
from graph.schema import (
    Label,
    RelType,
    author_id,
    claim_id,
    comment_id,
    evidence_id,
    text_sha256,
)

ALPHA = "doc:alpha"
BETA = "doc:beta"
COMMENT = comment_id(ALPHA, (1,))

ALPHA_TEXT = (
    "Trauma and Bonds\n\n"
    "Because of Trauma’s impact on our view of ourselves, trauma harms relationships (Herman, 1992).\n\n"
    "Healing\n\n"
    "Recovery happens through connection.\n\n"
    "I have seen clients reconnect after years of isolation.\n\n"
    "Everyone should seek a safe relationship.\n\n"
    "Veterans\n\n"
    "Veterans with PTSD divorce more often (Jordan et al., 1992). "
    "Veterans report fewer friendships (Smith, 2001).\n"
)
COMMENT_TEXT = "I doubt that. The ÉCOLE study found no difference in divorce rates."
BETA_TEXT = (
    "Attachment at Work\n\n"
    "Attachment styles shape how colleagues cooperate (Herman, 1992).\n\n"
    "Healing\n\n"
    "Managers must model secure attachment.\n"
)

# (name, document, text, section, kind, status, contested), in reading order per document.
CLAIM_ROWS = [
    ("a1", ALPHA, "Because of Trauma’s impact on our view of ourselves, trauma harms relationships "
     "(Herman, 1992).", "", "causal", "cited", False),
    ("a2", ALPHA, "Recovery happens through connection.", "Healing", "general", "anecdotal", False),
    ("a3", ALPHA, "Everyone should seek a safe relationship.", "Healing", "prescriptive", "unsupported",
     False),
    ("a4", ALPHA, "Veterans with PTSD divorce more often (Jordan et al., 1992).", "Veterans", "empirical",
     "cited", True),
    ("a5", ALPHA, "Veterans report fewer friendships (Smith, 2001).", "Veterans", "empirical", "cited",
     False),
    ("c1", COMMENT, "The ÉCOLE study found no difference in divorce rates.", "", "empirical", "unsupported",
     False),
    ("b1", BETA, "Attachment styles shape how colleagues cooperate (Herman, 1992).", "", "empirical", "cited",
     False),
    ("b2", BETA, "Managers must model secure attachment.", "Healing", "prescriptive", "unsupported", False),
]

# (name, claim name, kind, text, marker, resolved, source id or None)
EVIDENCE_ROWS = [
    ("a1", "a1", "citation", "(Herman, 1992)", "(Herman, 1992)", True, "herman1992trauma"),
    ("a2", "a2", "anecdote", "I have seen clients reconnect after years of isolation.", "I have seen",
     False, None),
    ("a4", "a4", "citation", "(Jordan et al., 1992)", "(Jordan et al., 1992)", True, "jordan1992problems"),
    ("a5", "a5", "citation", "(Smith, 2001)", "(Smith, 2001)", False, None),
    ("b1", "b1", "citation", "(Herman, 1992)", "(Herman, 1992)", True, "herman1992trauma"),
]

TEXTS = {ALPHA: ALPHA_TEXT, COMMENT: COMMENT_TEXT, BETA: BETA_TEXT}
CLAIMS = {name: claim_id(doc, text) for name, doc, text, *_ in CLAIM_ROWS}
EVIDENCE = {
    name: evidence_id(next(r[1] for r in CLAIM_ROWS if r[0] == claim), kind, text)
    for name, claim, kind, text, *_ in EVIDENCE_ROWS
}
HERMAN, JORDAN, AINSWORTH = "herman1992trauma", "jordan1992problems", "ainsworth1978patterns"
AUTHORS = {"herman": author_id("Herman", "Judith Lewis"), "jordan": author_id("Jordan", "B. Kathleen"),
           "marmar": author_id("Marmar", "Charles R.")}

SOURCE_PROPS = {
    HERMAN: dict(entry_type="book", title="Trauma and Recovery", authors="Herman, Judith Lewis",
                 year="1992", venue="", publisher="Basic Books", address="New York",
                 authors_list=[("Herman", "Judith Lewis")]),
    JORDAN: dict(entry_type="article",
                 title="Problems in families of male Vietnam veterans with posttraumatic stress disorder",
                 authors="Jordan, B. Kathleen; Marmar, Charles R.", year="1992",
                 venue="Journal of Consulting and Clinical Psychology", volume="60", number="6",
                 pages="916–926", doi="10.1037/0022-006X.60.6.916",
                 authors_list=[("Jordan", "B. Kathleen"), ("Marmar", "Charles R.")]),
    AINSWORTH: dict(entry_type="book", title="Patterns of Attachment", authors="", year="1978",
                    venue="", authors_list=[]),
}


def span(text: str, part: str) -> tuple[int, int]:
    """Start and end of the one occurrence of `part` in `text`."""
    start = text.index(part)
    assert text.count(part) == 1, part
    return start, start + len(part)


def paragraph(text: str, start: int) -> tuple[int, int]:
    """The blank-line-delimited paragraph around offset `start`."""
    begin = text.rfind("\n\n", 0, start)
    begin = 0 if begin < 0 else begin + 2
    stop = text.find("\n\n", start)
    stop = len(text.rstrip("\n")) if stop < 0 else stop
    return begin, stop


def _add_document(batch: GraphBatch, doc_id: str, position: int) -> None:
    text = TEXTS[doc_id]
    is_comment = doc_id == COMMENT
    batch.add_node(
        Label.DOCUMENT, doc_id, kind="comment" if is_comment else "article",
        title="Comment by Dana" if is_comment else text.split("\n", 1)[0],
        author="Dana" if is_comment else "Aimie Apigian", date="2017-10-11", url="",
        sha256=text_sha256(text), text=text, path=f"{doc_id.split(':')[1].split('#')[0]}.txt",
        offset=len(ALPHA_TEXT) + 40 if is_comment else 0, root_id=ALPHA if doc_id != BETA else BETA,
        parent_id=ALPHA if is_comment else "", position=position,
    )


def _add_claims(batch: GraphBatch, doc_id: str) -> None:
    text = TEXTS[doc_id]
    rows = [r for r in CLAIM_ROWS if r[1] == doc_id]
    for position, (name, _, claim_text, section, kind, status, contested) in enumerate(rows):
        start, end = span(text, claim_text)
        p_start, p_end = paragraph(text, start)
        batch.add_node(Label.CLAIM, CLAIMS[name], text=claim_text, document_id=doc_id, section=section,
                       start=start, end=end, paragraph_start=p_start, paragraph_end=p_end,
                       position=position, kind=kind, status=status, contested=contested)
        batch.add_rel(RelType.MAKES, doc_id, CLAIMS[name])


def _add_evidence(batch: GraphBatch, doc_id: str) -> None:
    text = TEXTS[doc_id]
    for name, claim, kind, ev_text, marker, resolved, source in EVIDENCE_ROWS:
        if next(r[1] for r in CLAIM_ROWS if r[0] == claim) != doc_id:
            continue
        start, end = span(text, ev_text)
        batch.add_node(Label.EVIDENCE, EVIDENCE[name], text=ev_text, document_id=doc_id, start=start,
                       end=end, kind=kind, marker=marker, resolved=resolved)
        batch.add_rel(RelType.SUPPORTED_BY, CLAIMS[claim], EVIDENCE[name])
        if source:
            batch.add_rel(RelType.CITES, EVIDENCE[name], source)


def _add_sources(batch: GraphBatch, source_ids: list[str]) -> None:
    for source in source_ids:
        props = dict(SOURCE_PROPS[source])
        people = props.pop("authors_list")
        batch.add_node(Label.SOURCE, source, **props)
        for position, (family, given) in enumerate(people):
            person = author_id(family, given)
            batch.add_node(Label.AUTHOR, person, name=f"{given} {family}", family=family, given=given)
            batch.add_rel(RelType.WRITTEN_BY, source, person, position=position)


def alpha_batch() -> GraphBatch:
    """Article alpha with its comment, evidence and the sources it cites (plus an uncited one)."""
    batch = GraphBatch(replaces=[ALPHA])
    _add_sources(batch, [HERMAN, JORDAN, AINSWORTH])
    for position, doc_id in enumerate((ALPHA, COMMENT)):
        _add_document(batch, doc_id, position)
        _add_claims(batch, doc_id)
        _add_evidence(batch, doc_id)
    for source in (HERMAN, JORDAN):
        batch.add_rel(RelType.CITES, ALPHA, source)
    batch.add_rel(RelType.REPLIES_TO, COMMENT, ALPHA)
    batch.add_rel(RelType.CHALLENGES, COMMENT, CLAIMS["a4"], reason="I doubt that")
    batch.add_rel(RelType.CHALLENGES, CLAIMS["c1"], CLAIMS["a4"], reason="found no difference")
    return batch


def beta_batch() -> GraphBatch:
    """Article beta, which cites Herman again."""
    batch = GraphBatch(replaces=[BETA])
    _add_sources(batch, [HERMAN])
    _add_document(batch, BETA, 0)
    _add_claims(batch, BETA)
    _add_evidence(batch, BETA)
    batch.add_rel(RelType.CITES, BETA, HERMAN)
    return batch


def sample_batch() -> GraphBatch:
    """Both articles in one batch (Herman and his author appear twice, as two ingests would send)."""
    batch = alpha_batch()
    batch.extend(beta_batch())
    return batch


# Exact sizes of the sample graph, shared by the contract tests.
NODE_COUNTS = {"Document": 3, "Claim": 8, "Evidence": 5, "Source": 3, "Author": 3}
REL_COUNTS = {"MAKES": 8, "SUPPORTED_BY": 5, "CITES": 6, "WRITTEN_BY": 3, "REPLIES_TO": 1, "CHALLENGES": 2,
              "IN_CORPUS": 0}


# -- support profiles (schema v3): a third article whose citations carry designs and stances ---------
GAMMA = "doc:gamma"
TRIAL, CASE, OPINION = "work:trial", "work:case", "work:opinion"
GAMMA_DESIGNS = {TRIAL: ("rct", "title: 'A randomized controlled trial of …'"),
                 CASE: ("case-report", "title: 'A case of …'"),
                 OPINION: ("commentary", "title: 'Editorial …'")}
# (name, text, [(work, stance, cue)]), in reading order; the claims' v3 properties follow from these.
GAMMA_CLAIMS = [
    ("g1", "Exercise lowers blood pressure [1, 2].", [(TRIAL, "supporting", ""), (CASE, "supporting", "")]),
    ("g2", "Exercise once cured a fever [2].", [(CASE, "supporting", "")]),
    ("g3", "Exercise raises blood pressure, contrary to [1].", [(TRIAL, "contrasting", "contrary to")]),
    ("g4", "Exercise was measured as in [3].", [(OPINION, "mentioning", "measured as")]),
    ("g5", "Exercise helps everyone [2, 3].", [(CASE, "supporting", ""), (OPINION, "supporting", "")]),
]
GAMMA_TEXT = "Exercise\n\n" + " ".join(text for _, text, _ in GAMMA_CLAIMS) + "\n"
GAMMA_CLAIM_IDS = {name: claim_id(GAMMA, text) for name, text, _ in GAMMA_CLAIMS}


def gamma_batch() -> GraphBatch:
    """Article gamma: five claims citing a trial, a case report and an editorial with stances."""
    from graph.schema import DESIGN_STRENGTH

    batch = GraphBatch(replaces=[GAMMA])
    for work, (design, reason) in GAMMA_DESIGNS.items():
        batch.add_node(Label.SOURCE, work, entry_type="article", title=work, authors="", year="2020",
                       design=design, design_reason=reason)
    batch.add_node(Label.DOCUMENT, GAMMA, kind="article", title="Exercise", author="", date="", url="",
                   sha256=text_sha256(GAMMA_TEXT), text=GAMMA_TEXT, path="gamma.txt", offset=0, root_id=GAMMA,
                   parent_id="", position=0)
    for position, (name, text, cites) in enumerate(GAMMA_CLAIMS):
        start, end = span(GAMMA_TEXT, text)
        supporting = [GAMMA_DESIGNS[w][0] for w, stance, _ in cites if stance == "supporting"]
        contrasting = sum(1 for _, stance, _ in cites if stance == "contrasting")
        status = "disputed-by-citation" if contrasting == len(cites) else "cited"
        batch.add_node(Label.CLAIM, GAMMA_CLAIM_IDS[name], text=text, document_id=GAMMA, section="Exercise",
                       start=start, end=end, paragraph_start=start, paragraph_end=end, position=position,
                       kind="empirical", status=status, contested=False,
                       support_design=min(supporting, key=DESIGN_STRENGTH.__getitem__) if supporting else "",
                       n_supporting=len(supporting), n_contrasting=contrasting)
        batch.add_rel(RelType.MAKES, GAMMA, GAMMA_CLAIM_IDS[name])
        marker = text[text.rindex("["):text.rindex("]") + 1]
        ev_start = start + text.rindex("[")
        ev = evidence_id(GAMMA, "citation", marker, position)
        batch.add_node(Label.EVIDENCE, ev, text=marker, document_id=GAMMA, start=ev_start,
                       end=ev_start + len(marker), kind="citation", marker=marker, resolved=True)
        batch.add_rel(RelType.SUPPORTED_BY, GAMMA_CLAIM_IDS[name], ev)
        for work, stance, cue in cites:
            batch.add_rel(RelType.CITES, ev, work, key=work, number="", stance=stance, stance_cue=cue)
    for work in GAMMA_DESIGNS:
        batch.add_rel(RelType.CITES, GAMMA, work, key=work, number="", stance="", stance_cue="")
    return batch
