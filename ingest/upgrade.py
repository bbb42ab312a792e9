"""The ingest side of a store upgrade: version 1 -> 2 (work ids by the work resolver) and 2 -> 3
(designs, stances and support profiles by the support profile), as an `UpgradePlanner` the CLI and the
explorer hand the store (`graph.upgrade`; the graph layer never imports ingest).

v1 -> v2: every Source gets its work id (ingest.works: DOI, …, else first author + year + title), its
old key moves onto the CITES relationships (`key`) and into the Source's `keys` and provenance
(`records_json`).

v2 -> v3: properties computed from what the store holds, by the same code an ingest runs
(ingest.support.profile.annotate): each Source's design from its stored record (and its own text
when it is an article of the corpus), each Evidence -> Source CITES stance from the citing sentence
in the stored document text, each claim's support profile and status from those.
"""

from __future__ import annotations

import json
from typing import Any

from graph.model import Node, Relationship
from graph.schema import Label, RelType
from graph.upgrade import UpgradePlan, UpgradePlanner


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


PLANNER = UpgradePlanner(v1_to_v2=plan_v1_to_v2, v2_to_v3=plan_v2_to_v3)
