"""graph.neo4j_server: the local Neo4j the tests and developers use is real, Bolt only,
password protected, and fails with one-line reasons."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import neo4j_server
from graph.neo4j_server import LocalNeo4j, Neo4jServerError

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.neo4j
def test_server_requires_the_generated_password(neo4j_url: str) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    auth = (os.environ["NEO4J_USER"], os.environ["NEO4J_PASSWORD"])
    with GraphDatabase.driver(neo4j_url, auth=auth) as driver:
        records = driver.execute_query("CALL dbms.components() YIELD versions, edition "
                                       "RETURN versions[0] AS version, edition").records
    if not os.environ.get("NEO4J_URI"):
        assert (records[0]["version"], records[0]["edition"]) == (neo4j_server.DEFAULT_VERSION, "community")
    for wrong in (("neo4j", "neo4j"), ("neo4j", "password")):
        with GraphDatabase.driver(neo4j_url, auth=wrong) as driver, pytest.raises(AuthError):
            driver.verify_connectivity()


def test_reused_data_dir_needs_its_password(tmp_path: Path) -> None:
    (tmp_path / "databases").mkdir()
    with pytest.raises(Neo4jServerError, match="pass the password"):
        LocalNeo4j.start(data_dir=tmp_path)


def test_missing_java_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(Neo4jServerError, match="`java` is not on PATH") as err:
        LocalNeo4j.start()
    assert "\n" not in str(err.value)


def test_unknown_version_is_a_maven_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(neo4j_server, "CACHE_ROOT", tmp_path)
    with pytest.raises(Neo4jServerError, match="Maven could not resolve Neo4j 0.0.1-nope") as err:
        neo4j_server.ensure_jars("0.0.1-nope")
    assert "\n" not in str(err.value)
    assert not (tmp_path / "0.0.1-nope" / "resolved").exists()


def test_config_is_loopback_bolt_only_with_auth(tmp_path: Path) -> None:
    conf = neo4j_server._config(7999, tmp_path, tmp_path / "data")
    settings = dict(line.split("=", 1) for line in conf.splitlines())
    assert settings["server.bolt.listen_address"] == "127.0.0.1:7999"
    assert settings["server.http.enabled"] == settings["server.https.enabled"] == "false"
    assert settings["dbms.security.auth_enabled"] == "true"
    assert settings["server.directories.data"] == str(tmp_path / "data")


@pytest.mark.neo4j
def test_console_command_runs_a_server_until_ctrl_c() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "graph.neo4j_server"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "Press Ctrl-C" in line:
                break
        output = "".join(lines)
        if "Press Ctrl-C" not in output:
            from conftest import _unavailable

            _unavailable(f"python -m graph.neo4j_server did not start: {output.strip()[-300:]}")
        assert "bolt://127.0.0.1:" in output
        env_file = Path(output.split("source ", 1)[1].split()[0])
        assert oct(env_file.stat().st_mode & 0o777) == "0o600"
        lines = env_file.read_text().splitlines()
        exports = dict(line.removeprefix("export ").split("=", 1) for line in lines)
        assert exports["CLAIMGRAPH_STORE"].startswith("bolt://127.0.0.1:")
        assert exports["NEO4J_PASSWORD"] and exports["NEO4J_PASSWORD"] not in output
        proc.send_signal(signal.SIGINT)
        assert proc.wait(60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
