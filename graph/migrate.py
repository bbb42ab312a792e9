"""Copy a whole ClaimGraph from one store to another (SQLite ⇄ Neo4j) and prove the copy.

Nodes go first (label by label, in id order), then relationships (type by type), in
batches of `batch_size` elements per `dst.write`. Afterwards the stores' stats must
be equal and the traces of a deterministic sample of claims identical.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

from graph.model import GraphBatch
from graph.schema import Label, RelType
from graph.store import Store, StoreError

SAMPLE_SIZE = 20
Progress = Callable[[str, int], None]


def migrate(src: Store, dst: Store, batch_size: int = 1000, progress: Progress | None = None) -> dict:
    """Copy everything in `src` into `dst`, verify it, and return what was copied.

    `progress(stage, n)` is called after each batch with the stage ("nodes",
    "relationships") and how many elements of that stage are written so far.
    Returns {"nodes": n, "relationships": m, "verified_traces": k}; raises
    StoreError when the copy does not match.
    """
    if dst.read_only:
        raise StoreError(f"cannot migrate into {dst.describe()}: it is open read-only")
    report = progress or (lambda stage, n: None)
    nodes = _copy(dst, _node_batches(src, batch_size), "nodes", report)
    rels = _copy(dst, _rel_batches(src, batch_size), "relationships", report)
    _verify_counts(src, dst)
    checked = _verify_traces(src, dst)
    return {"nodes": nodes, "relationships": rels, "verified_traces": checked}


def _node_batches(src: Store, batch_size: int) -> Iterator[GraphBatch]:
    for label in Label:
        for chunk in src.iter_nodes(label, batch_size):
            yield GraphBatch(nodes=chunk)


def _rel_batches(src: Store, batch_size: int) -> Iterator[GraphBatch]:
    for rel_type in RelType:
        for chunk in src.iter_relationships(rel_type, batch_size):
            yield GraphBatch(relationships=chunk)


def _copy(dst: Store, batches: Iterator[GraphBatch], stage: str, report: Progress) -> int:
    """Write each batch to `dst`; return how many elements were written."""
    written = 0
    for batch in batches:
        counts = dst.write(batch)
        written += counts["nodes"] + counts["relationships"]
        report(stage, written)
    return written


def _verify_counts(src: Store, dst: Store) -> None:
    """Stats of both stores must be equal (counts per label, type, status and document)."""
    before, after = src.stats(), dst.stats()
    if before != after:
        differing = sorted(key for key in before if before[key] != after.get(key))
        raise StoreError(f"migration check failed: {dst.describe()} differs from {src.describe()} in "
                         f"{', '.join(differing)} (was it empty before?)")


def sample_claim_ids(store: Store, size: int = SAMPLE_SIZE) -> list[str]:
    """A deterministic spread of claim ids: those with the smallest hash of their id."""
    ranked: list[tuple[str, str]] = []
    for chunk in store.iter_nodes(Label.CLAIM, batch_size=5000):
        ranked += [(hashlib.sha1(n.id.encode()).hexdigest(), n.id) for n in chunk]
        ranked = sorted(ranked)[:size]
    return [claim_id for _, claim_id in ranked]


def _verify_traces(src: Store, dst: Store) -> int:
    """The traces of the sampled claims must be identical in both stores."""
    sample = sample_claim_ids(src)
    for claim_id in sample:
        if src.trace(claim_id) != dst.trace(claim_id):
            raise StoreError(f"migration check failed: the trace of {claim_id} differs between "
                             f"{src.describe()} and {dst.describe()}")
    return len(sample)
