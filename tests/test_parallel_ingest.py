"""`claimgraph ingest --jobs N`: extraction in worker processes gives the same graph as one process."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from test_cli import cli, ok, user_error

from ingest.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "data" / "eval"
ARTICLES = ["apa-multiple.txt", "anecdotes.txt", "numeric-brackets.txt", "comments-thread.txt",
            "quotes.txt", "numeric-parens.txt"]


def corpus(folder: Path) -> Path:
    """A folder with a few evaluation articles and their .bib files."""
    folder.mkdir()
    for name in ARTICLES:
        shutil.copy(EVAL / name, folder / name)
        bib = (EVAL / name).with_suffix(".bib")
        if bib.is_file():
            shutil.copy(bib, folder / bib.name)
    shutil.copy(EVAL / "references.bib", folder / "references.bib")
    return folder


def dump(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall())  # noqa: S608 (schema tables)
                for t in ("document", "claim", "evidence", "source", "author", "rel")}


def test_workers_build_the_same_batch_in_the_same_order(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    paths = [folder / name for name in ARTICLES]
    one = ingest_paths(paths, [], jobs=1).batch
    two = ingest_paths(paths, [], jobs=2).batch
    assert [n.to_dict() for n in two.nodes] == [n.to_dict() for n in one.nodes]
    assert [r.to_dict() for r in two.relationships] == [r.to_dict() for r in one.relationships]
    assert two.replaces == one.replaces


def test_cli_jobs_store_equals_one_process(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    ok(cli(tmp_path / "one.db", "ingest", str(folder), "--jobs", "1"))
    ok(cli(tmp_path / "two.db", "ingest", str(folder), "--jobs", "2"))
    assert dump(tmp_path / "two.db") == dump(tmp_path / "one.db")


def test_bad_file_with_jobs_changes_nothing(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    store = tmp_path / "s.db"
    ok(cli(store, "ingest", str(folder / ARTICLES[0]), "--jobs", "2"))
    before = dump(store)
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00 not text \x00\x00")
    user_error(cli(store, "ingest", str(folder), "--strict", "--jobs", "2"), "broken.txt")
    assert dump(store) == before


def test_jobs_must_be_positive(tmp_path: Path) -> None:
    user_error(cli(tmp_path / "s.db", "ingest", str(EVAL / ARTICLES[0]), "--jobs", "0"), "--jobs")
