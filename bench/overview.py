"""Corpus overview at scale: the Overview page's first render on a store of N articles.

    python -m bench.overview [--articles 1000] [--claims-per-article 20] [--repeat 3]

A synthetic corpus (graph.synthetic: N articles, each with a comment, citing shared works) is
written to a fresh SQLite store. Reported: the median wall time of a first (uncached) render of
the Overview page through Streamlit's AppTest, of each store query it makes, and of
store.stats() alone as the same-process baseline (the ratio column). A first render is a run with
every cached query cleared, in a runtime that has already started once (as a server has before its
first visitor: Streamlit's component discovery, ~1.6 s here, is paid at start-up, not per page).
Issue #9's target: ≤ 2 s at 100k claims (`--articles 5000`).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(call, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def build(path: Path, articles: int, per_article: int) -> None:
    from graph.store import open_store
    from graph.synthetic import merged, synthetic_batches

    with open_store(str(path)) as store:
        for batch in merged(synthetic_batches(articles * per_article, claims_per_document=per_article),
                            per_write=20):
            store.write(with_support_profile(batch))


def with_support_profile(batch):  # noqa: ANN001, ANN201 - a GraphBatch, changed in place and returned
    """Give the synthetic batch a support profile (schema v3): each cited work a design, each citation a
    stance (one in five contrasting), each cited claim the design and counts that follow, so the
    Overview's strength-of-support queries read real values."""
    import zlib

    from graph.schema import Label, RelType, StudyDesign, strongest_design

    designs = [d.value for d in StudyDesign]
    stances: dict[str, list[tuple[str, str]]] = {}
    for number, rel in enumerate(r for r in batch.relationships if r.type == RelType.CITES):
        if rel.start.startswith("evidence:"):
            rel.props["stance"] = "contrasting" if number % 5 == 4 else "supporting"
            stances.setdefault(rel.start, []).append((rel.end, rel.props["stance"]))
    for node in batch.nodes:
        if node.label == Label.SOURCE:
            node.props["design"] = designs[zlib.crc32(node.id.encode()) % len(designs)]
    source_design = {n.id: n.props.get("design", "") for n in batch.nodes if n.label == Label.SOURCE}
    evidence_of: dict[str, list[str]] = {}
    for rel in batch.relationships:
        if rel.type == RelType.SUPPORTED_BY:
            evidence_of.setdefault(rel.start, []).append(rel.end)
    for node in batch.nodes:
        if node.label == Label.CLAIM:
            cites = [c for e in evidence_of.get(node.id, []) for c in stances.get(e, [])]
            supporting = [work for work, stance in cites if stance == "supporting"]
            node.props.update(support_design=strongest_design([source_design.get(w, "") for w in supporting]),
                              n_supporting=len(supporting), n_contrasting=len(cites) - len(supporting))
    return batch


def overview_app(url: str):  # noqa: ANN201 - a streamlit AppTest
    """The explorer under Streamlit's AppTest on `url`, run once: the runtime is started (imports,
    component discovery), as a server is before its first visitor."""
    from streamlit.testing.v1 import AppTest

    os.environ["CLAIMGRAPH_STORE"] = url
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    if at.exception:
        raise RuntimeError(at.exception[0].message)
    return at


def render_overview(at) -> None:  # noqa: ANN001 - a streamlit AppTest
    """One first render of the Overview page: every cached query cleared, so each runs again."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    at.run()
    if at.exception:
        raise RuntimeError(at.exception[0].message)


def cpu_seconds() -> float:
    """User + system CPU time of this process (the page's queries run in it)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims-per-article", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from claimgraph.explorer.support import DESIGN_FACETS, STRONG, WEAK
    from graph.model import ClaimFilter
    from graph.schema import RelType
    from graph.store import open_store

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "overview.db"
        started = time.perf_counter()
        build(path, args.articles, args.claims_per_article)
        print(f"built {args.articles} articles × {args.claims_per_article} claims in "
              f"{time.perf_counter() - started:.1f} s")
        with open_store(str(path), read_only=True) as store:
            nodes = store.stats()["nodes"]
            print(f"documents {nodes['Document']}, works {nodes['Source']}, claims {nodes['Claim']}")
            baseline = median_seconds(store.stats, args.repeat)
            queries = {
                "stats()": store.stats,
                "works(by=articles)": lambda: store.works(by="articles", limit=25),
                "works(by=claims)": lambda: store.works(by="claims", limit=25),
                "documents()": store.documents,
                "unresolved_citations(limit=500)": lambda: store.unresolved_citations(500),
                "claims_by_support_design()": store.claims_by_support_design,
                "claims(design=trial or meta-analysis)": lambda: store.claims(
                    ClaimFilter(**DESIGN_FACETS[STRONG]), limit=0),
                "claims(only_design=case report, opinion)": lambda: store.claims(
                    ClaimFilter(**DESIGN_FACETS[WEAK]), limit=0),
                "IN_CORPUS + citing_articles": lambda: [
                    store.citing_articles(r.end) for chunk in store.iter_relationships(RelType.IN_CORPUS)
                    for r in chunk],
            }
            rows = {name: median_seconds(call, args.repeat) for name, call in queries.items()}
        at = overview_app(str(path))
        started = cpu_seconds()
        rows["Overview page, first render (AppTest)"] = median_seconds(lambda: render_overview(at),
                                                                       args.repeat)
        rows["  its CPU time (mean)"] = (cpu_seconds() - started) / args.repeat
        print(f"{'measure':<42} {'seconds':>8} {'× stats()':>10}")
        for name, seconds in rows.items():
            print(f"{name:<42} {seconds:8.3f} {seconds / baseline:10.1f}")


if __name__ == "__main__":
    main()
