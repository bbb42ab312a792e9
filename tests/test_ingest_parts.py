"""A corpus ingest written in parts (issue #12 item 8, issue #9 item 3).

`ingest.pipeline.ingest_parts` gives the batch in parts of about `part_chars` characters of article
text, each written in its own transaction; what was read waits in a temporary folder, not in
memory. The store it leaves must be exactly the store of the one-batch ingest, whatever the part
size, on both backends; a bad file must still change nothing; and the memory the main process needs
must not grow with the number of articles.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

import ingest.pipeline as pipeline
from graph.schema import Label, RelType
from graph.store import Store, open_store
from ingest.model import InputError
from ingest.pipeline import ingest_parts, ingest_paths
from ingest.works import WorkRegistry

ROOT = Path(__file__).resolve().parent.parent
JATS = ROOT / "tests" / "data" / "corpus" / "jats"


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def citing_each_other(folder: Path) -> list[Path]:
    """Four articles with DOIs; the first cites the last and the last cites the first (IN_CORPUS both
    ways, across parts), and two cite one work under different keys (one Source, merged records)."""
    doi = {i: f"10.5555/paper.{i}" for i in range(4)}
    paths = []
    for i in range(4):
        cited = 3 if i == 0 else 0
        text = (f"---\ntitle: Paper {i} on sleep and memory\nauthor: Ann Author{i}\ndate: 201{i}-01-01\n"
                f"doi: {doi[i]}\n---\n\nSleep consolidates memory in adults (Author{cited}, 201{cited}). "
                f"Naps help too (Shared, 2005).\n")
        paths.append(_write(folder / f"paper{i}.md", text))
        _write(folder / f"paper{i}.bib",
               f"@article{{a{cited}, author={{Author{cited}, Ann}}, year={{201{cited}}}, "
               f"title={{Paper {cited} on sleep and memory}}, journal={{J}}, doi={{{doi[cited]}}}}}\n"
               f"@article{{shared{i}, author={{Shared, Sam}}, year={{2005}}, title={{Naps and memory}}, "
               f"journal={{Sleep}}, doi={{10.5555/naps}}" + (", volume={3}, pages={1--9}" if i == 2 else "")
               + "}\n")
    return paths


def ingest_in_parts(store: Store, articles: list[Path], part_chars: int | None, **options: Any) -> int:
    """What `claimgraph ingest` does, with parts of `part_chars`; returns how many parts were written."""
    parts = 0
    for part in ingest_parts(articles, [], registry=WorkRegistry.from_store(store), part_chars=part_chars,
                             **options):
        store.write(part.batch)
        parts += 1
    return parts


def contents(store: Store) -> tuple[list[tuple[str, str]], list[tuple[str, str, str, str]]]:
    """Every node (id, props) and relationship (type, start, end, props) of the store, sorted."""
    nodes = [(n.id, repr(sorted(n.props.items()))) for label in Label for chunk in store.iter_nodes(label)
             for n in chunk]
    rels = [(str(r.type), r.start, r.end, repr(sorted(r.props.items()))) for rel_type in RelType
            for chunk in store.iter_relationships(rel_type) for r in chunk]
    return sorted(nodes), sorted(rels)


@pytest.fixture
def spill_always(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Spill what was read to a temporary folder (of this test's own) even for a handful of articles."""
    monkeypatch.setattr(pipeline, "SPILL_AFTER", 0)
    own = tmp_path / "tmp"
    own.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(own))
    return own


def test_parts_leave_the_store_of_one_batch(store: Store, tmp_path: Path, spill_always: None) -> None:
    articles = citing_each_other(tmp_path / "corpus")
    ingest_in_parts(store, articles, None)
    one_batch = contents(store)
    store.clear()
    assert ingest_in_parts(store, articles, 1) == 4  # every article a part of its own
    assert contents(store) == one_batch
    links = [(r.start, r.end) for chunk in store.iter_relationships(RelType.IN_CORPUS) for r in chunk]
    assert sorted(end for _start, end in links) == ["doc:paper0", "doc:paper3"]  # first <-> last
    naps = store.resolve_source("10.5555/naps")
    assert len(naps) == 1
    assert store.node(naps[0]).props["volume"] == "3"  # the merged record, sent again by a later part


def test_parts_on_worker_processes_give_the_same_store(tmp_path: Path, spill_always: Path) -> None:
    articles = citing_each_other(tmp_path / "corpus")
    stores = {}
    for jobs in (1, 2):
        with open_store(str(tmp_path / f"jobs{jobs}.db")) as store:
            ingest_in_parts(store, articles, 1, jobs=jobs)
            stores[jobs] = contents(store)
    assert stores[1] == stores[2]
    assert not list(spill_always.iterdir())  # the spilled articles and their folder are gone


def test_a_bad_last_file_writes_no_part(store: Store, tmp_path: Path, spill_always: None) -> None:
    articles = citing_each_other(tmp_path / "corpus")
    bad = _write(tmp_path / "corpus" / "zz-bad.md", "\x00" * 64)
    before = contents(store)
    with pytest.raises(InputError) as raised:
        ingest_in_parts(store, [*articles, bad], 1)
    assert "zz-bad.md" in str(raised.value)
    assert contents(store) == before


def test_without_strict_a_bad_file_is_skipped_and_named_once(store: Store, tmp_path: Path,
                                                             spill_always: None) -> None:
    articles = citing_each_other(tmp_path / "corpus")
    bad = _write(tmp_path / "corpus" / "zz-bad.md", "\x00" * 64)
    parts = list(ingest_parts([bad, *articles], [], registry=WorkRegistry.from_store(store), part_chars=1,
                              strict=False))
    assert len(parts) == 4
    assert [len(p.skipped) for p in parts] == [1, 0, 0, 0]
    assert sum("zz-bad.md" in w for p in parts for w in p.warnings) == 1


def test_one_part_is_the_one_batch_ingest(tmp_path: Path) -> None:
    articles = citing_each_other(tmp_path / "corpus")
    whole = ingest_paths(articles, [])
    parts = list(ingest_parts(articles, [], part_chars=None))
    assert len(parts) == 1
    assert sorted(n.id for n in parts[0].batch.nodes) == sorted(n.id for n in whole.batch.nodes)


# The pipeline alone (no store: its page cache is bounded by its own pragma) in a fresh process;
# prints the peak RSS in KiB. argv: folder, part size in characters or "none" (one batch).
_PEAK = (
    "import glob, sys\n"
    "from bench.memory import peak_kib\n"
    "from ingest.pipeline import ingest_parts\n"
    "part_chars = None if sys.argv[2] == 'none' else int(sys.argv[2])\n"
    "for part in ingest_parts(sorted(glob.glob(sys.argv[1] + '/*.xml')), [], part_chars=part_chars):\n"
    "    assert part.batch.nodes\n"
    "print('peak', peak_kib())\n"
)


def _copies(folder: Path, n: int) -> int:
    """n distinct copies of real JATS articles (new DOIs and titles); returns their bytes."""
    from bench.corpus import distinct

    folder.mkdir(parents=True)
    sources = sorted(JATS.glob("elife0*.xml"))[:4]
    total = 0
    for i in range(n):
        xml = distinct(sources[i % len(sources)].read_text(encoding="utf-8"), i)
        total += len(_write(folder / f"a{i:03d}.xml", xml).read_bytes())
    return total


def _peak_kib(folder: Path, part_chars: str) -> int:
    done = subprocess.run([sys.executable, "-c", _PEAK, str(folder), part_chars], capture_output=True,
                          text=True, timeout=900, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return int(done.stdout.split("peak ")[-1])


def test_memory_grows_with_one_part_not_with_the_whole_ingest(tmp_path: Path) -> None:
    """Peak (VmHWM) of the pipeline in a fresh process, 6 -> 30 copies of real eLife articles.

    Measured: one batch 41 -> 73 MiB, in parts of 300k characters (about 6 articles) 41 -> 56 MiB.
    What still grows in parts is the corpus's own state: these copies cite the same 265 works, so
    every copy adds a record to each (provenance the store keeps). Whole-batch growth gives 1.0."""
    small, large = tmp_path / "small", tmp_path / "large"
    small_size, large_size = _copies(small, 6), _copies(large, 30)
    assert large_size > 4 * small_size
    whole = _peak_kib(large, "none") - _peak_kib(small, "none")
    parts = _peak_kib(large, "300000") - _peak_kib(small, "300000")
    assert whole > 20 * 1024, f"one batch grew only {whole} KiB from 6 to 30 articles"
    assert parts < 0.65 * whole, f"growth 6 -> 30 articles: {parts} KiB in parts, {whole} KiB as one batch"
