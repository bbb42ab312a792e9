"""Schema upgrades of a store in place: version 1 (Source id = BibTeX key) to version 2 (work ids),
version 2 to 3 (study design, citation stance, claim support profiles) and version 3 to 4 (the
claim status `cited-unresolved`, an unresolved citation's `reason`).

Both backends call `plan_v1_to_v2` with what they read from the store inside one write transaction
and apply the plan in that same transaction, so a store is either all v1 or all v2. Claims,
evidence, documents and their ids are untouched (traces and permalinks survive); every Source gets
its work id (ingest.works: DOI, …, else first author + year + title), its old key moves onto the
CITES relationships (`key`) and into the Source's `keys` and provenance (`records_json`).

Version 3 properties are computed from what the store holds, by the same code an ingest runs
(ingest.support.profile.annotate): each Source's design from its stored record (and its own text
when it is an article of the corpus), each Evidence -> Source CITES stance from the citing sentence
in the stored document text, each claim's support profile and status from those.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from graph.model import Node, Relationship
from graph.schema import Label, RelType

UPGRADE_COMMAND = "claimgraph upgrade --store {where}"


@dataclass
class UpgradePlan:
    """What replaces the v1 Sources and their relationships."""

    old_ids: list[str] = field(default_factory=list)
    sources: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)


def _authors(text: str) -> list[list[str]]:
    people = []
    for part in (text or "").split("; "):
        if part.strip():
            family, _, given = part.partition(",")
            people.append([family.strip(), given.strip()])
    return people


def plan_v1_to_v2(sources: list[dict[str, Any]], cites: list[Relationship],
                  written_by: list[Relationship]) -> UpgradePlan:
    """The v2 Sources (by work id) for v1 Sources (by key), and their CITES and WRITTEN_BY rebuilt."""
    from ingest.model import PersonName, Reference
    from ingest.works import WorkRegistry, work_properties

    registry = WorkRegistry()
    plan = UpgradePlan()
    for props in sorted(sources, key=lambda p: p["id"]):
        if str(props["id"]).startswith("work:"):
            continue
        try:
            fields = json.loads(props.get("fields_json") or "{}")
        except json.JSONDecodeError:
            fields = {}
        ref = Reference(key=props["id"], entry_type=props.get("entry_type", "") or "misc", fields=fields,
                        authors=[PersonName(f, g) for f, g in _authors(props.get("authors", ""))],
                        bibtex=props.get("bibtex", "") or "", origin="schema-v1")
        plan.renamed[props["id"]] = registry.resolve(ref, "")
        plan.old_ids.append(props["id"])
    for new_id in dict.fromkeys(plan.renamed.values()):
        node_props, _people = work_properties(registry.works[new_id])
        plan.sources.append(Node(Label.SOURCE, new_id, node_props))
    merged: dict[tuple[str, str], list[str]] = {}
    for rel in sorted(cites, key=lambda r: (r.start, r.end)):
        if rel.end in plan.renamed:
            merged.setdefault((rel.start, plan.renamed[rel.end]), []).append(rel.end)
    for (start, end), keys in merged.items():
        plan.relationships.append(Relationship(RelType.CITES, start, end,
                                               {"key": ", ".join(keys), "number": ""}))
    authors: dict[tuple[str, str], int] = {}
    for rel in sorted(written_by, key=lambda r: (r.start, r.props.get("position", 0), r.end)):
        if rel.start in plan.renamed:
            authors.setdefault((plan.renamed[rel.start], rel.end), rel.props.get("position", 0))
    for (start, end), position in authors.items():
        plan.relationships.append(Relationship(RelType.WRITTEN_BY, start, end, {"position": position}))
    return plan


def plan_v2_to_v3(nodes: list[Node],
                  relationships: list[Relationship]) -> tuple[list[Node], list[Relationship]]:
    """Sources and claims with their v3 properties and CITES with their stance, from the stored
    documents, claims, evidence and sources (`nodes`) and SUPPORTED_BY, CITES, IN_CORPUS."""
    from ingest.support.profile import annotate

    annotate(nodes, relationships)
    return ([n for n in nodes if n.label in (Label.SOURCE, Label.CLAIM)],
            [r for r in relationships if r.type == RelType.CITES])


# What plan_v2_to_v3 reads from a store.
V3_INPUT_LABELS = (Label.DOCUMENT, Label.CLAIM, Label.EVIDENCE, Label.SOURCE)
V3_INPUT_TYPES = (RelType.SUPPORTED_BY, RelType.CITES, RelType.IN_CORPUS)


def plan_v3_to_v4(claims: list[Node], evidence: list[Node], supported_by: list[Relationship]) -> list[Node]:
    """The claims a v3 store holds as `unsupported` or `anecdotal` although they cite (a citation or
    quote that matched no reference supports them), with the status `cited-unresolved` the linker
    now stores for them (ingest.citations.linker.claim_statuses). Evidence `reason` stays absent:
    it was not stored, and re-ingesting the article fills it."""
    unresolved = {e.id for e in evidence
                  if e.props.get("kind") in ("citation", "quote") and e.props.get("resolved") is False}
    citing = {r.start for r in supported_by if r.end in unresolved}
    changed = []
    for claim in claims:
        if claim.id in citing and claim.props.get("status") in ("unsupported", "anecdotal"):
            claim.props["status"] = "cited-unresolved"
            changed.append(claim)
    return changed

