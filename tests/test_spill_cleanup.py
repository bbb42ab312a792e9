"""An ingest killed with SIGKILL leaves its spill folder (what was read, waiting in the system
temporary folder: ingest.spill) behind; the next ingest removes it, and the store holds exactly the
parts written before the killed one (the guarantee of
test_sqlite_store.test_writer_killed_inside_a_write_leaves_the_store_as_before, for a whole ingest)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_cli import cli, ok
from test_parallel_ingest import dump
from test_sqlite_store import raw, snapshot

from graph.sqlite_store import SQLiteStore
from ingest.spill import LOCK_NAME, PREFIX, remove_stale_spill_dirs, spill_directory

ROOT = Path(__file__).resolve().parent.parent

# `claimgraph ingest` with every article a part and spilled; it stops inside the write of the second
# part (after its inserts, before its commit: the hook test_sqlite_store's KILLED_WRITER uses).
KILLED_INGEST = """
import sys, time
import graph.sqlite_store as sqlite_store
import ingest.pipeline as pipeline
from claimgraph.cli import main

pipeline.PART_CHARS, pipeline.SPILL_AFTER = 1, 0
index_claim_text = sqlite_store._index_claim_text
write = sqlite_store.SQLiteStore.write
writes = []

def counted_write(self, batch):
    writes.append(batch)
    return write(self, batch)

def index_then_hang(conn, claims):
    index_claim_text(conn, claims)
    if len(writes) == 2:
        print("inside the second part", flush=True)
        time.sleep(300)

sqlite_store.SQLiteStore.write = counted_write
sqlite_store._index_claim_text = index_then_hang
main(sys.argv[1:])
"""


def articles(folder: Path, n: int = 5) -> Path:
    """`n` small articles, each citing its own reference and one shared work."""
    folder.mkdir()
    for i in range(n):
        (folder / f"paper{i}.md").write_text(
            f"---\ntitle: Paper {i} on sleep\nauthor: Ann Author{i}\ndate: 201{i}-01-01\n---\n\n"
            f"Sleep consolidates memory in adults (Cited{i}, 200{i}). Naps help too (Shared, 2005).\n",
            encoding="utf-8")
        (folder / f"paper{i}.bib").write_text(
            f"@article{{c{i}, author={{Cited{i}, Carl}}, year={{200{i}}}, title={{Memory {i}}}, "
            "journal={J}}\n"
            "@article{shared, author={Shared, Sam}, year={2005}, title={Naps and memory}, journal={Sleep}}\n",
            encoding="utf-8")
    return folder


def spill_dirs(tmp: Path) -> list[Path]:
    return sorted(tmp.glob(PREFIX + "*"))


def ingest(store: Path, folder: Path, jobs: str, tmp: Path, script: str | None = None) -> subprocess.Popen:
    """`claimgraph --store STORE ingest FOLDER --jobs JOBS` (or `script` with those arguments) with
    TMPDIR=`tmp`, in a session of its own (so its workers can be found and stopped)."""
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    env.pop("CLAIMGRAPH_STORE", None)
    command = ["-c", script] if script else ["-m", "claimgraph"]
    return subprocess.Popen([sys.executable, *command, "--store", str(store), "ingest", str(folder),
                             "--jobs", jobs], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            text=True, start_new_session=True)


def finished(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    return out


def live_members(session: int) -> list[int]:
    """The processes of a session (by /proc: its process group) that are still running, zombies not
    counted."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == session and fields[0] != "Z":  # state, ppid, pgrp
            members.append(int(entry.name))
    return members


def stop_group(process: subprocess.Popen) -> None:
    """SIGKILL whatever is left of `process`'s session (worker processes it left orphaned)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_next_ingest_removes_the_spill_folder_of_a_killed_one(tmp_path: Path, jobs: str) -> None:
    """SIGKILL the ingest process inside the write of its second part: its workers, if any, end with
    it; its spill folder stays; the next ingest removes it, its own too, and finds the store holding
    the first part only, intact."""
    folder = articles(tmp_path / "in")
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    store = tmp_path / "store.db"
    killed = ingest(store, folder, jobs, tmp, script=KILLED_INGEST)
    try:
        assert killed.stdout is not None
        assert killed.stdout.readline().strip() == "inside the second part", killed.stderr.read()
        before = snapshot(store)  # the first part, committed; the second is not
        left = spill_dirs(tmp)
        assert len(left) == 1
        assert remove_stale_spill_dirs(str(tmp)) == []  # a live ingest's folder stays
        workers = [pid for pid in live_members(killed.pid) if pid != killed.pid]
        assert len(workers) == (2 if jobs == "2" else 0)
        os.kill(killed.pid, signal.SIGKILL)
        killed.wait(timeout=30)
        assert spill_dirs(tmp) == left, "SIGKILL left the spill folder behind"
        deadline = time.monotonic() + 20
        while live_members(killed.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert live_members(killed.pid) == [], "the workers outlived the killed ingest"
        assert len(before["document"]) == 1

        with SQLiteStore(store):  # opening for writing, as the next ingest does: the first part only
            pass
        assert snapshot(store) == before
        with raw(store) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finished(ingest(store, folder, jobs, tmp))
        assert spill_dirs(tmp) == [], "the next ingest left a stale (or its own) spill folder"
    finally:
        stop_group(killed)
    ok(cli(tmp_path / "fresh.db", "ingest", str(folder), "--jobs", jobs))
    assert dump(store) == dump(tmp_path / "fresh.db")  # and the completed store is a fresh ingest's


def test_a_spill_folder_is_locked_while_its_ingest_lives_and_removed_after(tmp_path: Path,
                                                                            monkeypatch) -> None:
    """In one process: its own folder is never taken for stale; a folder whose lock nobody holds is."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    orphan = tmp_path / f"{PREFIX}999999-x"
    orphan.mkdir()
    (orphan / LOCK_NAME).write_text("")
    (orphan / "0.pickle").write_bytes(b"read")
    unrelated = tmp_path / f"{PREFIX}no-lock"  # no lock file: not a spill folder of this version
    unrelated.mkdir()
    with spill_directory() as own:
        assert own is not None and Path(own).name.startswith(f"{PREFIX}{os.getpid()}-")
        assert not orphan.exists()
        assert remove_stale_spill_dirs() == []
        assert Path(own).is_dir()
    assert not Path(own).exists() and unrelated.is_dir()
    with spill_directory(needed=False) as none:
        assert none is None


def test_spill_candidates_are_what_glob_lists(tmp_path):
    """The prefix listing gives the entries Path.glob(PREFIX + '*') gives, in the same sorted order."""
    from ingest import spill

    for name in ("claimgraph-read-2-b", "claimgraph-read-1-a", "other", "claimgraph-rea", "x" + PREFIX):
        (tmp_path / name).mkdir()
    (tmp_path / "claimgraph-read-file").write_text("")
    assert spill._spill_candidates(str(tmp_path)) == sorted(tmp_path.glob(spill.PREFIX + "*"))
    assert spill._spill_candidates(str(tmp_path / "missing")) == []
