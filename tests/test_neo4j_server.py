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


def server_pids(home: Path) -> list[int]:
    """Pids of the Neo4j JVMs (and neo4j-admin runs) whose home is `home`, read from /proc."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                argv = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if f"--home-dir={home}".encode() in argv or f"NEO4J_HOME={home}".encode() in argv:
                pids.append(int(entry.name))
    return pids


def kill_servers(home: Path | None) -> None:
    """SIGKILL whatever Neo4j still runs from `home` (a failed test must not leave Java behind)."""
    for pid in server_pids(home) if home else []:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def command_lines() -> list[bytes]:
    """Every process's command line now, as `ps` would show it."""
    lines = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                lines.append((entry / "cmdline").read_bytes())
            except OSError:
                pass
    return lines


@pytest.mark.neo4j
def test_password_is_never_on_a_command_line() -> None:
    """neo4j-admin gets the password from a 0600 @file: while the server is prepared and started, no
    process's argv holds it; a password with spaces, quotes and backslashes still works."""
    if os.environ.get("NEO4J_URI"):
        pytest.skip("a server is given by $NEO4J_URI: nothing is started here")
    import threading

    from neo4j import GraphDatabase

    password = 'pw with "quotes", a \\ and \'apostrophes\' ' + os.urandom(6).hex()
    seen: list[bytes] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.extend(line for line in command_lines() if password.encode() in line)
            time.sleep(0.01)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    server = None
    try:
        try:
            server = LocalNeo4j.start(password=password)
        except Neo4jServerError as err:
            from conftest import _unavailable

            _unavailable(str(err))
        with GraphDatabase.driver(server.uri, auth=(server.user, password)) as driver:
            driver.verify_connectivity()
        assert not list(server.home.glob("*.args"))  # the argument file is gone once used
    finally:
        done.set()
        watcher.join(10)
        if server is not None:
            server.stop()
            kill_servers(server.home)
    assert not seen, "the password was visible in a process's command line"
    assert not server.home.exists()


class Console:
    """`python -m graph.neo4j_server` in its own process group, its output read by a thread so no
    read blocks past a deadline."""

    def __init__(self) -> None:
        import queue
        import threading

        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen([sys.executable, "-m", "graph.neo4j_server"], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     start_new_session=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def read_until(self, marker: str | None, timeout: float) -> str:
        """Output until a line holding `marker` (None: until stdout closes) or `timeout` seconds."""
        import queue

        read, deadline = [], time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            if line is None:
                break
            read.append(line)
            if marker and marker in line:
                break
        return "".join(read)

    def stop(self, home: Path | None) -> None:
        """Whatever happened: kill the console's group and any JVM left in `home`."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        kill_servers(home)


@pytest.mark.neo4j
@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_console_command_runs_a_server_until_ctrl_c_or_sigterm(stop_signal: signal.Signals) -> None:
    """The console server hands over its password in a 0600 file only; Ctrl-C and SIGTERM alike stop
    Neo4j (the Bolt port closes, no JVM is left) and delete its folder with the password file."""
    import socket

    console, home = Console(), None
    try:
        # the first run fetches Neo4j with Maven, and a loaded machine is slow: be patient
        output = console.read_until("Press Ctrl-C", timeout=600)
        if "source " in output:
            home = Path(output.split("source ", 1)[1].split()[0]).parent
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
        assert server_pids(home), "no JVM found for the console's server"
        port = int(exports["CLAIMGRAPH_STORE"].rsplit(":", 1)[1])
        os.killpg(console.proc.pid, stop_signal)  # as a terminal's Ctrl-C or a service manager would
        assert console.proc.wait(180) == 0
        rest = console.read_until(None, timeout=30)
        assert "Neo4j stopped" in rest, rest
        assert not env_file.exists() and not home.exists()
        assert not server_pids(home)
        with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
    finally:
        console.stop(home)
