"""Schema upgrades of a store in place: version 1 (Source id = BibTeX key) to version 2 (work ids),
version 2 to 3 (study design, citation stance, claim support profiles) and version 3 to 4 (the
claim status `cited-unresolved`, an unresolved citation's `reason`).

Both backends read what an upgrade needs inside one write transaction and apply the plan in that
same transaction, so a store is either all old or all new. Claims, evidence, documents and their ids
are untouched (traces and permalinks survive).

Versions 2 and 3 are computed by the code an ingest runs (the work resolver and the support profile,
in `ingest.upgrade`). The graph layer never imports ingest, so that code comes in as an
`UpgradePlanner` the caller gives the store (`open_store(url, planner=ingest.upgrade.PLANNER)`, as
the CLI and the explorer do); without one a store older than version 3 is refused with one line
naming `claimgraph upgrade`. Version 3 to 4 needs only what the store holds (`plan_v3_to_v4`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graph.model import Node, Relationship
from graph.schema import Label, RelType

UPGRADE_COMMAND = "claimgraph upgrade --store {where}"
# The first version an upgrade reaches without an UpgradePlanner (v3 -> v4 reads only the store).
PLANNER_FREE_FROM = 3


@dataclass
class UpgradePlan:
    """What replaces the v1 Sources and their relationships."""

    old_ids: list[str] = field(default_factory=list)
    sources: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class UpgradePlanner:
    """The ingest code an upgrade below version 3 runs (ingest.upgrade.PLANNER).

    `v1_to_v2(sources, cites, written_by)`: the v2 Sources (by work id) for v1 Sources (by key), their
    CITES and WRITTEN_BY rebuilt. `v2_to_v3(nodes, relationships)`: Sources and claims with their v3
    properties and CITES with their stance, from the stored V3_INPUT_LABELS and V3_INPUT_TYPES.
    """

    v1_to_v2: Callable[[list[dict[str, Any]], list[Relationship], list[Relationship]], UpgradePlan]
    v2_to_v3: Callable[[list[Node], list[Relationship]], tuple[list[Node], list[Relationship]]]


def old_version_message(where: str, version: int) -> str:
    """The one line for a store that must be upgraded before this open can use it."""
    return (f"{where} has the old schema version {version}: run "
            f"`{UPGRADE_COMMAND.format(where=where)}` once to upgrade it in place")


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

