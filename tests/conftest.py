"""Shared fixtures: a store of every backend, the bundled demo, a real Neo4j server."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO_ARTICLE = ROOT / "ingest" / "data" / "trauma-and-relationships.txt"
DEMO_BIB = ROOT / "references.bib"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


SERVER_STOP_TIMEOUT = 60  # seconds a server gets to stop on SIGTERM before its group is killed


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def pytest_configure(config: pytest.Config) -> None:
    """SIGTERM (a CI time limit, a stopped job) ends the run as Ctrl-C does, so every fixture's
    `finally` and every atexit hook still stops the servers it started."""
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _interrupt)


def stop_process_group(process: subprocess.Popen, timeout: float = SERVER_STOP_TIMEOUT) -> None:
    """SIGTERM a server's whole process group, wait, then SIGKILL it: nothing is left running."""
    for stop_signal in (signal.SIGTERM, signal.SIGKILL):
        if process.poll() is not None:
            return
        try:
            os.killpg(process.pid, stop_signal)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def server_process(command: Sequence[str], env: dict[str, str], cwd: Path = ROOT,
                   output: IO[bytes] | int = subprocess.DEVNULL) -> Iterator[subprocess.Popen]:
    """A server (Streamlit, the CLI's app) in its own process group, stopped whatever happens:
    on leaving the block, on an error, and (Linux) when this test process itself dies."""
    from graph.neo4j_server import die_with_parent

    process = subprocess.Popen(list(command), cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=die_with_parent)
    try:
        yield process
    finally:
        stop_process_group(process)


def _unavailable(reason: str) -> None:
    """Fail under CI (a Neo4j test must run there), skip elsewhere."""
    if IN_CI:
        pytest.fail(f"Neo4j is required under CI=true: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def neo4j_url() -> Iterator[str]:
    """Bolt URL of a real Neo4j: $NEO4J_URI if set, else a local server we start."""
    if os.environ.get("NEO4J_URI"):
        yield os.environ["NEO4J_URI"]
        return
    from graph.neo4j_server import LocalNeo4j, Neo4jServerError

    try:
        server = LocalNeo4j.start()
    except Neo4jServerError as err:
        _unavailable(str(err))
        return
    env_before = {k: os.environ.get(k) for k in ("NEO4J_USER", "NEO4J_PASSWORD")}
    os.environ["NEO4J_USER"], os.environ["NEO4J_PASSWORD"] = server.user, server.password
    try:
        yield server.uri
    finally:
        server.stop()
        for key, value in env_before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(params=["sqlite", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty store of each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "claimgraph.db")
    url = request.getfixturevalue("neo4j_url")
    from graph.store import open_store

    with open_store(url) as store:
        store.clear()
    return url


@pytest.fixture
def store(store_url: str):
    """An empty, open store of each backend."""
    from graph.store import open_store

    with open_store(store_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_result():
    """The bundled demo article and references.bib, ingested (no store)."""
    from ingest.pipeline import ingest_paths

    return ingest_paths([DEMO_ARTICLE], [DEMO_BIB])
