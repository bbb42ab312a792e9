"""A corpus, not a pile of articles: one Source per cited work across every article (issue #7).

Each case ingests real files through the pipeline into a real store of each backend, the way
`claimgraph ingest` does (a WorkRegistry built from the store, then one write).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import ClaimFilter
from graph.schema import Label, RelType
from graph.store import Store
from ingest.model import InputError
from ingest.pipeline import ingest_paths
from ingest.works import WorkRegistry

SLEEP_BIB = """@article{smith2010,
  author = {Smith, Anna and Jones, Bo}, year = {2010}, title = {Sleep and memory consolidation},
  journal = {Journal of Sleep}, doi = {10.1000/sleep.1}}
"""
CAFFEINE_BIB = """@article{smith2010,
  author = {Smith, Carl}, year = {2010}, title = {Caffeine and alertness in shift work},
  journal = {Occupational Health}}
"""
SLEEP_UNDER_ANOTHER_KEY = """@article{Smith_2010_sleep,
  author = {Smith, A. and Jones, B.}, year = {2010}, title = {Sleep and Memory Consolidation},
  journal = {J. Sleep}, volume = {12}, pages = {1--9}, doi = {https://doi.org/10.1000/SLEEP.1}}
"""
A_TEXT = "Sleep\n\nSleep loss impairs memory consolidation (Smith, 2010).\n"
B_TEXT = "Shifts\n\nCaffeine keeps shift workers alert (Smith, 2010).\n"
C_TEXT = "Memory\n\nMemory needs sleep (Smith & Jones, 2010).\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def ingest(store: Store, articles: list[Path], bibs: list[Path] = (), **options) -> object:
    """What `claimgraph ingest` does: resolve against the store's works, write in one transaction."""
    result = ingest_paths(articles, list(bibs), registry=WorkRegistry.from_store(store), **options)
    store.write(result.batch)
    return result


def traced_titles(store: Store, claim_text: str) -> list[str]:
    """Titles of the sources the claim with this text traces to."""
    rows = [r for r in store.claims(ClaimFilter(text=claim_text), limit=10).rows]
    assert len(rows) == 1, rows
    trace = store.trace(rows[0]["id"])
    return sorted(s["title"] for e in trace["evidence"] for s in e["sources"])


@pytest.fixture
def corpus(tmp_path: Path) -> dict[str, Path]:
    return {
        "a": write(tmp_path / "a.md", A_TEXT), "a.bib": write(tmp_path / "a.bib", SLEEP_BIB),
        "b": write(tmp_path / "b" / "b.md", B_TEXT), "b.bib": write(tmp_path / "b" / "b.bib", CAFFEINE_BIB),
        "c": write(tmp_path / "c" / "c.md", C_TEXT),
        "c.bib": write(tmp_path / "c" / "c.bib", SLEEP_UNDER_ANOTHER_KEY),
    }


def test_two_works_under_one_key_stay_two_sources_in_separate_runs(store: Store, corpus) -> None:
    ingest(store, [corpus["a"]], [corpus["a.bib"]])
    ingest(store, [corpus["b"]], [corpus["b.bib"]])
    assert store.stats()["nodes"]["Source"] == 2
    assert traced_titles(store, "Sleep loss impairs") == ["Sleep and memory consolidation"]
    assert traced_titles(store, "Caffeine keeps") == ["Caffeine and alertness in shift work"]
    both = store.resolve_source("smith2010")  # a key two articles use for two works names both
    assert len(both) == 2
    assert store.claims(ClaimFilter(source_id="smith2010")).total == 2


def test_two_works_under_one_key_stay_two_sources_in_one_run(store: Store, corpus) -> None:
    ingest(store, [corpus["a"], corpus["b"]], [corpus["a.bib"], corpus["b.bib"]])
    assert store.stats()["nodes"]["Source"] == 2
    assert traced_titles(store, "Sleep loss impairs") == ["Sleep and memory consolidation"]
    assert traced_titles(store, "Caffeine keeps") == ["Caffeine and alertness in shift work"]


def test_references_found_next_to_the_article_without_bib(store: Store, corpus) -> None:
    """No --bib at all: each article's same-stem .bib is found beside it, and only it applies."""
    ingest(store, [corpus["a"], corpus["b"]])
    assert traced_titles(store, "Sleep loss impairs") == ["Sleep and memory consolidation"]
    assert traced_titles(store, "Caffeine keeps") == ["Caffeine and alertness in shift work"]


def test_one_work_under_two_keys_is_one_source_with_both_keys(store: Store, corpus) -> None:
    ingest(store, [corpus["a"]], [corpus["a.bib"]])
    ingest(store, [corpus["c"]], [corpus["c.bib"]])
    sources = store.sources()
    assert len(sources) == 1
    work = sources[0]
    assert work["keys"] == "Smith_2010_sleep, smith2010" and work["doi"].lower() == "10.1000/sleep.1"
    assert work["article_count"] == 2 and work["claim_count"] == 2
    assert work["volume"] == "12" and work["pages"] == "1–9"  # the fuller record, no field lost
    cites = {(r.start, r.props["key"]) for chunk in store.iter_relationships(RelType.CITES) for r in chunk
             if r.start.startswith("doc:")}
    assert cites == {("doc:a", "smith2010"), ("doc:c", "Smith_2010_sleep")}
    for value in (work["id"], "10.1000/SLEEP.1", "doi:10.1000/sleep.1", "smith2010", "Smith_2010_sleep"):
        assert store.claims(ClaimFilter(source_id=value)).total == 2, value
    records = __import__("json").loads(work["records_json"])
    assert {(r["document_id"], r["key"]) for r in records} == {("doc:a", "smith2010"),
                                                                ("doc:c", "Smith_2010_sleep")}


def test_same_named_files_in_two_folders_are_two_documents(store: Store, tmp_path: Path) -> None:
    x1 = write(tmp_path / "x1" / "index.md", A_TEXT)
    x2 = write(tmp_path / "x2" / "index.md", B_TEXT)
    ingest(store, [x1, x2])
    docs = {d["id"]: d["path"] for d in store.documents()}
    assert docs == {"doc:x1-index": str(x1), "doc:x2-index": str(x2)}


def test_a_stored_id_from_another_file_is_an_error_unless_replace(store: Store, tmp_path: Path) -> None:
    x1 = write(tmp_path / "x1" / "index.md", A_TEXT)
    x2 = write(tmp_path / "x2" / "index.md", B_TEXT)
    ingest(store, [x1])
    before = store.stats()
    with pytest.raises(InputError) as err:
        ingest(store, [x2])
    assert str(x1) in str(err.value) and str(x2) in str(err.value) and "--replace" in str(err.value)
    assert store.stats() == before
    ingest(store, [x1])  # the same file again: idempotent
    assert store.stats() == before
    ingest(store, [x2], replace=True)
    assert [d["path"] for d in store.documents()] == [str(x2)]


def test_reingesting_the_corpus_changes_nothing(store: Store, corpus) -> None:
    paths = [corpus["a"], corpus["b"], corpus["c"]]
    ingest(store, paths)
    nodes = {n.id: n.props for label in Label for chunk in store.iter_nodes(label) for n in chunk}
    rels = {(r.key, tuple(sorted(r.props.items()))) for t in RelType for chunk in store.iter_relationships(t)
            for r in chunk}
    ingest(store, paths)
    ingest(store, [corpus["c"]])
    assert {n.id: n.props for label in Label for chunk in store.iter_nodes(label) for n in chunk} == nodes
    assert {(r.key, tuple(sorted(r.props.items()))) for t in RelType for chunk in store.iter_relationships(t)
            for r in chunk} == rels


def test_an_edited_file_replaces_only_its_own_claims(store: Store, corpus) -> None:
    ingest(store, [corpus["a"], corpus["b"]])
    write(corpus["a"], A_TEXT + "\nNaps restore attention (Smith, 2010).\n")
    ingest(store, [corpus["a"]])
    assert store.claims(ClaimFilter(document_id="doc:a")).total == 2
    assert traced_titles(store, "Caffeine keeps") == ["Caffeine and alertness in shift work"]
    assert traced_titles(store, "Naps restore") == ["Sleep and memory consolidation"]


def test_corrected_author_list_leaves_no_old_author_edge(store: Store, tmp_path: Path) -> None:
    article = write(tmp_path / "t.md", "Trauma\n\nTrauma isolates people (Herman, 1992).\n")
    bib = write(tmp_path / "t.bib", "@book{herman1992, author = {Herman, Judith}, year = {1992}, "
                "title = {Trauma and Recovery}, isbn = {0-465-08730-2}}\n")
    ingest(store, [article], [bib])
    write(bib, "@book{herman1992, author = {Hermann, Judith and Lewis, Ann}, year = {1992}, "
          "title = {Trauma and Recovery}, isbn = {9780465087303}}\n")
    ingest(store, [article], [bib])
    assert store.stats()["nodes"]["Source"] == 1
    edges = sorted((r.end, r.props["position"]) for chunk in store.iter_relationships(RelType.WRITTEN_BY)
                   for r in chunk)
    assert edges == [("author:hermann-j", 0), ("author:lewis-a", 1)]


def test_cited_article_in_the_corpus_is_linked_either_way(store: Store, corpus, tmp_path: Path) -> None:
    """A cites the sleep paper; the sleep paper itself is ingested (same DOI): IN_CORPUS, in both orders."""
    paper = write(tmp_path / "paper" / "sleep-paper.md",
                  "---\ntitle: Sleep and memory consolidation\nauthor: Anna Smith\ndate: 2010-03-01\n"
                  "doi: 10.1000/SLEEP.1\n---\n\nSleep consolidates memory in adults.\n")
    ingest(store, [corpus["a"]])
    ingest(store, [paper])
    work = store.resolve_source("smith2010")[0]
    assert store.citing_articles("doc:sleep-paper") == [
        {"id": "doc:a", "title": "Sleep", "source_id": work}]
    store.clear()
    ingest(store, [paper])
    ingest(store, [corpus["a"]])
    assert [r["id"] for r in store.citing_articles("doc:sleep-paper")] == ["doc:a"]
    ingest(store, [corpus["c"]])  # cites the same work under another key
    assert [r["id"] for r in store.citing_articles("doc:sleep-paper")] == ["doc:a", "doc:c"]


def test_corpus_questions(store: Store, corpus) -> None:
    ingest(store, [corpus["a"], corpus["b"], corpus["c"]])
    sleep = store.resolve_source("10.1000/sleep.1")[0]
    caffeine = next(s for s in store.resolve_source("smith2010") if s != sleep)
    ranked = store.works(by="articles")
    assert [(w["id"], w["article_count"], w["claim_count"]) for w in ranked] == [
        (sleep, 2, 2), (caffeine, 1, 1)]
    assert [w["id"] for w in store.works(by="claims", limit=1)] == [sleep]
    assert store.co_cited(sleep) == []
    summary = {row["id"]: row for row in store.support_summary()}
    assert set(summary) == {"doc:a", "doc:b", "doc:c"}
    assert summary["doc:a"] | {"title": "", "path": ""} == {
        "id": "doc:a", "title": "", "path": "", "claim_count": 1, "cited": 1, "cited-unresolved": 0,
        "disputed-by-citation": 0, "anecdotal": 0, "unsupported": 0, "works": 1, "unresolved": 0}


def test_co_cited_works(store: Store, tmp_path: Path) -> None:
    miller = ("@article{miller2011, author = {Miller, Dan}, year = {2011}, "
              "title = {Caffeine and alertness in shift work}}\n")
    write(tmp_path / "refs" / "references.bib", SLEEP_BIB + miller)
    one = write(tmp_path / "refs" / "one.md", "One\n\nSleep and caffeine interact (Smith & Jones, 2010; "
                "Miller, 2011).\n")
    two = write(tmp_path / "refs" / "two.md", "Two\n\nCaffeine alone is not enough (Miller, 2011).\n")
    ingest(store, [one, two])
    sleep, caffeine = store.resolve_source("smith2010")[0], store.resolve_source("miller2011")[0]
    assert store.co_cited(sleep) == [{"id": caffeine, "title": "Caffeine and alertness in shift work",
                                      "authors": "Miller, Dan", "year": "2011", "articles": 1}]
    assert [r["id"] for r in store.co_cited(caffeine)] == [sleep]
    assert [(w["id"], w["article_count"]) for w in store.works()] == [(caffeine, 2), (sleep, 1)]


def test_two_files_of_one_folder_with_one_id_are_told_apart_by_name() -> None:
    """Two files whose documents give one id (two copies of one DOI) in one folder: the file name
    tells them apart, not the folder path they share."""
    from ingest.pipeline import qualified_ids

    ids = qualified_ids([Path("/c/jats/kitchen-sink.xml"), Path("/c/jats/elife00013.xml"),
                         Path("/c/jats/other.xml")], ["doc:elife-00013", "doc:elife-00013", "doc:x"])
    assert ids == ["doc:elife-00013-kitchen-sink", "doc:elife-00013-elife00013", "doc:x"]
    assert qualified_ids([Path("/a/x1/index.md"), Path("/a/x2/index.md")],
                         ["doc:index", "doc:index"]) == ["doc:x1-index", "doc:x2-index"]
