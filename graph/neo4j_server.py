"""A real, throwaway Neo4j Community server for tests and local use — no Docker.

The server jars come from Maven Central through Maven (resolved once, cached in
~/.cache/claimgraph/neo4j/<version>/lib); the server runs with Java 17 on a free
127.0.0.1 port, Bolt only (HTTP off), auth enabled with a generated password set
through neo4j-admin's `dbms set-initial-password` before the first start. The password
reaches neo4j-admin in a 0600 argument file (`@file`), never on a command line that `ps`
shows. The server dies with the process that started it (Linux parent-death signal), so
a killed test run leaves no Java behind.

    server = LocalNeo4j.start()
    ... open_store(server.uri, user=server.user, password=server.password) ...
    server.stop()

`python -m graph.neo4j_server` runs one in the foreground for local development.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_VERSION = "5.26.30"  # newest 5.26 LTS on Maven Central when written
CACHE_ROOT = Path(os.environ.get("CLAIMGRAPH_CACHE", Path.home() / ".cache" / "claimgraph")) / "neo4j"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
USER = "neo4j"
START_TIMEOUT = 180.0
# The parallel (throughput) collector: a 10k-claim load spent 0.6 s of CPU in GC against 1.6 s with
# the default G1 (docs/performance.md, Neo4j writer, fifth pass); pauses do not matter to a local server.
JVM_OPTIONS = ("-XX:+UseParallelGC",)
STOP_TIMEOUT = 30.0

POM_TEMPLATE = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>claimgraph</groupId><artifactId>neo4j-runtime</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{version}</version></dependency>
    <dependency><groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId>
      <version>{version}</version></dependency>
  </dependencies>
</project>
"""


class Neo4jServerError(Exception):
    """The local server could not be prepared, started or reached (one-line reason)."""


def _require_tool(name: str) -> str:
    """Path of an executable on PATH, or Neo4jServerError saying what to install."""
    path = shutil.which(name)
    if not path:
        raise Neo4jServerError(f"`{name}` is not on PATH: install Java 17 and Maven to run a local Neo4j")
    return path


def ensure_jars(version: str = DEFAULT_VERSION) -> Path:
    """The directory holding every jar of Neo4j Community `version`, resolving it once with Maven."""
    base = CACHE_ROOT / version
    lib = base / "lib"
    marker = base / "resolved"
    if marker.exists():
        return lib
    mvn = _require_tool("mvn")
    base.mkdir(parents=True, exist_ok=True)
    (base / "pom.xml").write_text(POM_TEMPLATE.format(version=version), encoding="utf-8")
    result = subprocess.run(
        [mvn, "-q", "-B", "dependency:copy-dependencies", f"-DoutputDirectory={lib}"],
        cwd=base, capture_output=True, text=True, timeout=1800,
    )
    if result.returncode != 0:
        tail = _last_line(result.stdout + result.stderr)
        raise Neo4jServerError(f"Maven could not resolve Neo4j {version}: {tail}")
    marker.write_text(version, encoding="utf-8")
    return lib


def picocli_quoted(argument: str) -> str:
    """One argument as picocli reads it from an @file: in double quotes, backslash and quote escaped."""
    return '"' + argument.replace("\\", "\\\\").replace('"', '\\"') + '"'


PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In a child before exec (Linux): receive SIGTERM when the process that started it dies, even
    by SIGKILL, so no server outlives its test run. Does nothing elsewhere."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.strip().startswith("at ")]
    return lines[-1] if lines else "no output"


def _config(port: int, home: Path, data_dir: Path, extra: dict[str, str] | None = None) -> str:
    """neo4j.conf for a small Bolt-only server bound to loopback (`extra` settings added or replaced)."""
    settings = {
        "server.default_listen_address": "127.0.0.1",
        "server.default_advertised_address": "127.0.0.1",
        "server.bolt.enabled": "true",
        "server.bolt.listen_address": f"127.0.0.1:{port}",
        "server.http.enabled": "false",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "true",
        # Tests try wrong passwords on purpose; Neo4j's lock-out after 3 failures would
        # then refuse the right one for a while. This server is throwaway and loopback-only.
        "dbms.security.auth_max_failed_attempts": "0",
        "server.directories.data": str(data_dir),
        "server.directories.logs": str(home / "logs"),
        "server.directories.run": str(home / "run"),
        "server.directories.plugins": str(home / "plugins"),
        "server.directories.import": str(home / "import"),
        "server.memory.pagecache.size": "128m",
        "db.shutdown_transaction_end_timeout": "2s",
        "dbms.usage_report.enabled": "false",
        **(extra or {}),
    }
    return "".join(f"{key}={value}\n" for key, value in settings.items())


@dataclass
class LocalNeo4j:
    """A running local Neo4j server; `stop()` ends it (also at interpreter exit)."""

    uri: str
    user: str
    password: str = field(repr=False)
    port: int
    home: Path
    data_dir: Path
    process: subprocess.Popen | None = field(default=None, repr=False)
    owns_home: bool = True

    @classmethod
    def start(cls, version: str = DEFAULT_VERSION, port: int | None = None,
              data_dir: str | Path | None = None, password: str | None = None,
              heap: str = "1g", timeout: float = START_TIMEOUT, settings: dict[str, str] | None = None,
              jvm_options: tuple[str, ...] = ()) -> LocalNeo4j:
        """Start a server and wait until Bolt answers.

        `data_dir` reuses an existing data folder (e.g. after a crash); a folder the
        server has already run on needs the `password` it was created with. `settings` add to or
        replace neo4j.conf entries; `jvm_options` go to the JVM (benchmarks compare them).
        """
        java = _require_tool("java")
        lib = ensure_jars(version)
        home = Path(tempfile.mkdtemp(prefix="claimgraph-neo4j-"))
        for sub in ("conf", "logs", "run", "plugins", "import"):
            (home / sub).mkdir()
        data = Path(data_dir) if data_dir else home / "data"
        port = port or free_port()
        server = cls(uri=f"bolt://127.0.0.1:{port}", user=USER, password="", port=port,
                     home=home, data_dir=data)
        try:
            server.password = server._prepare_auth(java, lib, password, settings)
            server._launch(java, lib, heap, jvm_options)
            server._wait_until_ready(timeout)
        except BaseException:
            server.stop()
            raise
        return server

    # -- start-up steps ----------------------------------------------------------
    def _env(self) -> dict[str, str]:
        return {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")}

    def _prepare_auth(self, java: str, lib: Path, password: str | None,
                      settings: dict[str, str] | None = None) -> str:
        """Write neo4j.conf and, on a fresh data folder, set the initial password."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        (self.home / "conf" / "neo4j.conf").write_text(_config(self.port, self.home, self.data_dir, settings))
        if (self.data_dir / "databases").exists():
            if not password:
                raise Neo4jServerError(
                    f"{self.data_dir} was used before: pass the password it was created with")
            return password
        # A leading '-' would make neo4j-admin (picocli) read the password as an option, quoted or not
        # (1 generated password in 64 did).
        password = password or "p" + secrets.token_urlsafe(18)
        # picocli (neo4j-admin's parser) expands @FILE into the arguments the file holds, so the
        # password is read from a file only this user can read instead of appearing in `ps`.
        arguments = self.home / "set-initial-password.args"
        fd = os.open(arguments, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(picocli_quoted(password) + "\n")
        try:
            result = subprocess.run(
                [java, "-cp", f"{lib}/*", ADMIN_TOOL, "dbms", "set-initial-password", f"@{arguments}"],
                env=self._env(), cwd=self.home, capture_output=True, text=True, timeout=300,
                preexec_fn=die_with_parent,
            )
        finally:
            arguments.unlink(missing_ok=True)
        if result.returncode != 0:
            raise Neo4jServerError(f"neo4j-admin set-initial-password failed: {_last_line(result.stderr)}")
        return password

    def _launch(self, java: str, lib: Path, heap: str, jvm_options: tuple[str, ...] = ()) -> None:
        """Start the JVM in its own process group, output to home/console.log."""
        console = open(self.home / "console.log", "wb")  # noqa: SIM115 - handed to the child process
        command = [java, f"-Xmx{heap}", "-XX:+ExitOnOutOfMemoryError", *JVM_OPTIONS, *jvm_options, "-cp",
                   f"{lib}/*", ENTRY_POINT, f"--home-dir={self.home}", f"--config-dir={self.home / 'conf'}"]
        self.process = subprocess.Popen(command, env=self._env(), cwd=self.home, stdout=console,
                                        stderr=subprocess.STDOUT, start_new_session=True,
                                        preexec_fn=die_with_parent)
        console.close()
        atexit.register(self.stop)

    def _wait_until_ready(self, timeout: float) -> None:
        """Poll Bolt with the driver until it answers; error with the log tail on exit or timeout."""
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

        deadline = time.monotonic() + timeout
        while True:
            if self.process is None or self.process.poll() is not None:
                raise Neo4jServerError(f"Neo4j exited during start-up: {self.log_tail()}")
            try:
                with GraphDatabase.driver(self.uri, auth=(self.user, self.password)) as driver:
                    driver.verify_connectivity()
                    return
            except AuthError as err:
                raise Neo4jServerError("Neo4j rejected the password for its data folder") from err
            except (ServiceUnavailable, Neo4jError, OSError):
                pass
            if time.monotonic() > deadline:
                raise Neo4jServerError(f"Neo4j did not answer on {self.uri} within {timeout:.0f}s: "
                                       f"{self.log_tail()}")
            time.sleep(0.5)

    # -- running -------------------------------------------------------------------
    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self) -> str:
        """The last meaningful line of neo4j.log or the console output."""
        for name in ("logs/neo4j.log", "console.log"):
            path = self.home / name
            if path.exists():
                text = path.read_text(encoding="utf-8", errors="replace")
                if text.strip():
                    return _last_line(text)
        return "no log output"

    def kill(self) -> None:
        """End the server abruptly (SIGKILL), like a crash or a pulled plug; data folder kept."""
        if self.is_running():
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        """Terminate the server, wait, kill if it hangs; remove its temporary home.

        A `data_dir` passed to `start()` lives outside that home and is kept.
        """
        if self.is_running():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.owns_home:
            shutil.rmtree(self.home, ignore_errors=True)

    def __enter__(self) -> LocalNeo4j:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def write_env_file(server: LocalNeo4j) -> Path:
    """Write CLAIMGRAPH_STORE / NEO4J_USER / NEO4J_PASSWORD exports to a 0600 file in the server's
    home, so the password reaches the user without being printed."""
    path = server.home / "claimgraph-neo4j.env"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(f"export CLAIMGRAPH_STORE={shlex.quote(server.uri)}\n"
                  f"export NEO4J_USER={shlex.quote(server.user)}\n"
                  f"export NEO4J_PASSWORD={shlex.quote(server.password)}\n")
    return path


class Stopped(Exception):
    """SIGTERM or SIGHUP reached the foreground server: stop as on Ctrl-C."""


def _stop_on_signal(signum: int, _frame: object) -> None:
    raise Stopped(signal.Signals(signum).name)


def main() -> int:
    """Run a throwaway server in the foreground until Ctrl-C, SIGTERM or SIGHUP; each of them stops
    Neo4j and deletes its home with the password file."""
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _stop_on_signal)  # start() cleans up too if one comes during start-up
    print("Starting a local Neo4j (first run downloads it with Maven; later runs take seconds)…", flush=True)
    try:
        server = LocalNeo4j.start()
    except Neo4jServerError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, Stopped):
        print("\nStopped before Neo4j was ready.")
        return 0
    env_file = write_env_file(server)
    print(f"Neo4j is running at {server.uri} (user {server.user}); data in {server.data_dir}")
    print("Point ClaimGraph at it from another shell (the file holds the generated password;")
    print("it is readable only by you and is deleted when this server stops):")
    print(f"  source {env_file}")
    try:
        print("Press Ctrl-C to stop.", flush=True)  # inside the try: Ctrl-C may come right after it
        while server.is_running():
            time.sleep(1)
        print(f"error: Neo4j exited: {server.log_tail()}", file=sys.stderr)
        return 1
    except (KeyboardInterrupt, Stopped):
        print("\nStopping…", flush=True)
        return 0
    finally:
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):  # a second signal must not
            signal.signal(signum, signal.SIG_IGN)                        # cut the clean-up short
        server.stop()
        print("Neo4j stopped; its folder and the password file are deleted.", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
