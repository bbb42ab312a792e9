"""The real corpus: the 28 JATS articles of tests/data/corpus/jats ingested into one store (issue #7).

The number of Source nodes is checked against the distinct works counted here independently from
the XML with lxml: every <ref> joined to others by its DOI or by first author surname + year +
normalised title (union-find). The resolver differs from that plain count in three places, each
checked below: two title pairs it merges fuzzily (a dropped subtitle, a typo) and one DOI that two
articles give to the wrong Kessler & Baldwin paper, which the plain count uses to glue two works
into one and the resolver keeps apart with a warning naming the records. Re-ingesting the whole
corpus changes nothing: counts and a hash of every node and relationship.

Extraction (the pure per-article step) runs once per test session; each backend resolves and writes it.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree

from graph.schema import Label, RelType
from graph.store import Store
from ingest.pipeline import build_result, extract_paths
from ingest.works import WorkRegistry

JATS = sorted((Path(__file__).parent / "data" / "corpus" / "jats").glob("*.xml"))
CITATIONS = {"element-citation", "mixed-citation", "citation", "nlm-citation"}
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
# Title keys the resolver joins that the plain count keeps apart (rapidfuzz title matching).
FUZZY_MERGES = [
    ("t:agosta|1992|chemical communication the language of pheromones",
     "t:agosta|1992|chemical communication"),
    ("t:leadbeater|1983|life history and ultratructure of a new marine species of proterospongia "
     "choanoflagellida",
     "t:leadbeater|1983|life history and ultrastructure of a new marine species of proterospongia "
     "choanoflagellida"),
]
# A plain-count component the resolver splits: Kessler & Baldwin 2004 cited with the DOI of their 2001 paper.
DOI_CONFLICT = "t:kessler|2004|silencing the jasmonate cascade induced plant defenses and insect populations"


def _fold(text: str) -> str:
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def _local(element: object) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""  # type: ignore[attr-defined]


def _flat(element: object) -> str:
    return " ".join("".join(element.itertext()).split())  # type: ignore[attr-defined]


def independent_works() -> tuple[dict[str, str], int]:
    """(ref -> component, refs) counted from the XML alone: 'path:ref id' joined by DOI or title key."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    refs = []
    for path in JATS:
        for ref in etree.parse(str(path)).iter():
            if _local(ref) != "ref":
                continue
            found = [c for c in ref if _local(c) in CITATIONS] or [
                c for c in ref.iter() if _local(c) in CITATIONS]
            if not found:
                continue
            cit = max(found, key=lambda c: sum(1 for x in c if _local(x) in ("person-group", "source",
                                                                          "article-title")))
            node = f"{path}:{ref.get('id')}"
            refs.append(node)
            dois = [_flat(p).lower() for p in cit.iter()
                    if _local(p) == "pub-id" and (p.get("pub-id-type") or "").lower() == "doi"]
            if not dois and (match := DOI.search(" ".join(cit.itertext()))):
                dois = [match.group(1).rstrip(".,;)").lower()]
            surname = next((_flat(x) for x in cit.iter() if _local(x) == "surname"), "") or next(
                (_flat(x) for x in cit.iter() if _local(x) == "collab"), "")
            year = next((m.group(0) for x in cit.iter() if _local(x) == "year"
                         for m in [re.search(r"\d{4}", _flat(x))] if m), "")
            title = next((_flat(x) for x in cit.iter() if _local(x) in ("article-title", "chapter-title",
                                                                       "data-title")), "") or next(
                (_flat(x) for x in cit if _local(x) == "source"), "")
            keys = [f"doi:{d}" for d in dois]
            if surname and year and title:
                keys.append(f"t:{_fold(surname)}|{year}|{_fold(title)}")
            for key in keys:
                parent[find(node)] = find(key)
    return {r: find(r) for r in refs}, len(refs)


@pytest.fixture(scope="module")
def extracted():
    """The pure per-article extraction of the whole corpus, done once."""
    assert len(JATS) == 28
    extractions, warnings, skipped = extract_paths(JATS, [])
    assert skipped == [] and len(extractions) == 28
    return extractions


def ingest(store: Store, extractions) -> object:
    result = build_result(extractions, WorkRegistry.from_store(store))
    store.write(result.batch)
    return result


def graph_hash(store: Store) -> str:
    """SHA-256 of every node (label, id, properties) and relationship (type, ends, properties)."""
    digest = hashlib.sha256()
    for label in Label:
        for chunk in store.iter_nodes(label):
            for node in chunk:
                digest.update(json.dumps([str(label), node.id, node.props], sort_keys=True).encode())
    for rel_type in RelType:
        for chunk in store.iter_relationships(rel_type):
            for rel in chunk:
                row = [str(rel_type), rel.start, rel.end, rel.props]
                digest.update(json.dumps(row, sort_keys=True).encode())
    return digest.hexdigest()


def test_one_source_per_distinct_work_and_reingest_changes_nothing(store: Store, extracted) -> None:
    first = ingest(store, extracted)
    component, ref_count = independent_works()
    plain = len(set(component.values()))
    assert ref_count == sum(len(e.references) for e in extracted)
    work_of = {}
    for source in store.work_identities():
        for record in json.loads(source["records_json"]):
            work_of[f"{record['path']}:{record['key']}"] = source["id"]
    assert set(work_of) == set(component)
    works_per_component: dict[str, set[str]] = defaultdict(set)
    components_per_work: dict[str, set[str]] = defaultdict(set)
    for ref, comp in component.items():
        works_per_component[comp].add(work_of[ref])
        components_per_work[work_of[ref]].add(comp)
    split = sorted(c for c, works in works_per_component.items() if len(works) > 1)
    merged = sorted(sorted(cs) for cs in components_per_work.values() if len(cs) > 1)
    assert split == [DOI_CONFLICT]
    assert len(works_per_component[DOI_CONFLICT]) == 2
    assert merged == sorted(sorted(pair) for pair in FUZZY_MERGES)
    sources = store.stats()["nodes"]["Source"]
    assert sources == plain - len(FUZZY_MERGES) + 1 == 1378
    assert any("share doi:10.1126/science.291.5511.2141" in w for w in first.warnings)
    counts, fingerprint = store.stats(), graph_hash(store)
    again = ingest(store, extracted)
    assert store.stats() == counts and graph_hash(store) == fingerprint
    assert len(again.batch.nodes_by_label(Label.SOURCE)) == sources
    cited_across = [w for w in store.works(by="articles", limit=5) if w["article_count"] > 1]
    assert cited_across, "some works are cited by more than one article of the corpus"
