"""The temporary folder a corpus ingest spills what it read to (ingest.pipeline.ingest_parts), and the
removal of such folders left behind by an ingest that was killed (SIGKILL, power loss) before its
`TemporaryDirectory` could clean up.

A spill folder is `claimgraph-read-<pid>-<random>` in the system temporary folder and holds
`owner.lock`, on which its process keeps a POSIX record lock (`fcntl.lockf`) while it lives. The
kernel drops that lock when the process dies, however it dies, and a fork (the worker processes)
does not inherit it, so a folder whose lock can be taken belongs to nobody: every ingest removes
those before it starts. A reused pid cannot make a dead ingest's folder look alive. Folders this
process owns are never probed (a POSIX lock is per process: probing one's own lock file would
release it).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no record locks, so folders of killed ingests stay (as before)
    fcntl = None  # type: ignore[assignment]

PREFIX = "claimgraph-read-"
LOCK_NAME = "owner.lock"

_OWN: set[str] = set()  # spill folders of this process, alive
_OWN_LOCK = threading.Lock()


def remove_stale_spill_dirs(folder: str | None = None) -> list[Path]:
    """Remove the spill folders in `folder` (the system temporary folder) whose ingest is dead: their
    lock can be taken. Returns the folders removed. Another user's or a live ingest's are left."""
    if fcntl is None:
        return []
    removed = []
    with _OWN_LOCK:
        own = set(_OWN)
    for candidate in _spill_candidates(folder or tempfile.gettempdir()):
        if str(candidate) in own:
            continue
        try:
            handle = os.open(candidate / LOCK_NAME, os.O_RDWR)
        except OSError:  # no lock file (being created, or not ours), or not readable: leave it
            continue
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # its ingest is alive
            os.close(handle)
            continue
        try:
            shutil.rmtree(candidate, ignore_errors=True)
            removed.append(candidate)
        finally:
            os.close(handle)
    return removed


def _spill_candidates(folder: str) -> list[Path]:
    """The entries of `folder` named like a spill folder, sorted: one directory listing and a prefix
    test per name (what Path.glob(PREFIX + "*") gives, without its pattern machinery, which cost a few
    milliseconds per ingest in a full temporary folder)."""
    try:
        with os.scandir(folder) as entries:
            names = [entry.name for entry in entries if entry.name.startswith(PREFIX)]
    except OSError:
        return []
    return sorted(Path(folder) / name for name in names)


@contextlib.contextmanager
def spill_directory(needed: bool = True) -> Iterator[str | None]:
    """Remove stale spill folders, then (if `needed`) yield a new one, locked for this process's life
    and removed on exit; yields None when not needed."""
    remove_stale_spill_dirs()
    if not needed:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-") as path:
        handle = _take_ownership(path)
        with _OWN_LOCK:
            _OWN.add(path)
        try:
            yield path
        finally:
            with _OWN_LOCK:
                _OWN.discard(path)
            if handle is not None:
                os.close(handle)


def _take_ownership(path: str) -> int | None:
    """Lock `path`'s lock file for this process. The file is locked under another name and then
    renamed into place, so no other ingest ever sees it unlocked."""
    if fcntl is None:
        return None
    staged = os.path.join(path, LOCK_NAME + ".new")
    handle = os.open(staged, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.rename(staged, os.path.join(path, LOCK_NAME))
    return handle
