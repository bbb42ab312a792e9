"""The command line, run for real: `python -m claimgraph …` in a subprocess on a temporary SQLite store."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "ingest" / "data" / "trauma-and-relationships.txt"
BIB = ROOT / "ingest" / "data" / "references.bib"
HEAVY = ("pandas", "networkx", "matplotlib", "neo4j", "streamlit", "trafilatura")


def cli(store: Path | str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m claimgraph --store STORE ARGS…` (in the store's folder) and capture its output."""
    env = {k: v for k, v in os.environ.items() if k != "CLAIMGRAPH_STORE"}
    env["COLUMNS"] = "200"
    return subprocess.run([sys.executable, "-m", "claimgraph", "--store", str(store), *args],
                          capture_output=True, text=True, env=env, timeout=180,
                          cwd=cwd or (store.parent if isinstance(store, Path) else None))


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stderr
    return result


def user_error(result: subprocess.CompletedProcess, *must_mention: str) -> str:
    """Assert exit 2 with exactly one 'claimgraph: error:' line on stderr naming what it should."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimgraph: error: "), result.stderr
    for text in must_mention:
        assert text in lines[0], lines[0]
    return lines[0]


def stats(store: Path | str) -> dict:
    return json.loads(ok(cli(store, "stats", "--format", "json")).stdout)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    """A store holding the demo article."""
    store = tmp_path_factory.mktemp("cli") / "claimgraph.db"
    result = ok(cli(store, "ingest", str(ARTICLE), "--bib", str(BIB)))
    assert result.stdout.startswith("Ingested 1 article and ")
    return store


@pytest.fixture(scope="module")
def claim_rows(loaded: Path) -> list[dict]:
    return json.loads(ok(cli(loaded, "claims", "--format", "json", "--limit", "1000")).stdout)


def test_help_does_not_import_heavy_libraries():
    code = ("import sys\nimport claimgraph.cli as c\ntry:\n    c.main(['--help'])\n"
            f"except SystemExit:\n    pass\nprint([m for m in {HEAVY!r} if m in sys.modules])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    timing = subprocess.run([sys.executable, "-X", "importtime", "-m", "claimgraph", "--help"],
                            capture_output=True, text=True, timeout=60)
    imported = {line.split("|")[-1].strip().split(".")[0]
                for line in timing.stderr.splitlines() if "|" in line}
    assert not imported & set(HEAVY)


def test_demo_without_app(tmp_path):
    store = tmp_path / "demo.db"
    result = ok(cli(store, "demo", "--no-app"))
    assert "Ingested 1 article and " in result.stdout and "claim:" in result.stdout
    counts = stats(store)
    assert counts["nodes"]["Document"] >= 1 and counts["nodes"]["Claim"] > 10


def work_ids(store) -> dict[str, str]:
    """BibTeX key -> work id of the store's sources (each demo work has one key)."""
    return {s["keys"]: s["id"] for s in json.loads(ok(cli(store, "sources", "--format", "json")).stdout)}


def test_ingest_summary_counts_match_the_store(loaded, claim_rows):
    counts = stats(loaded)
    assert sum(counts["claims_by_status"].values()) == counts["nodes"]["Claim"] == len(claim_rows)
    assert counts["nodes"]["Source"] == 2


def test_ingest_twice_changes_nothing(loaded, tmp_path):
    store = tmp_path / "twice.db"
    ok(cli(store, "ingest", str(ARTICLE), "--bib", str(BIB)))
    first = stats(store)
    ok(cli(store, "ingest", str(ARTICLE), "--bib", str(BIB)))
    assert stats(store) == first == stats(loaded)


def test_claims_filters_formats_and_paging(loaded, claim_rows):
    statuses = {row["status"] for row in claim_rows}
    assert statuses <= {"cited", "anecdotal", "unsupported"} and "cited" in statuses
    cited = json.loads(ok(cli(loaded, "claims", "--status", "cited", "--format", "json")).stdout)
    assert cited and all(row["status"] == "cited" for row in cited)
    herman = json.loads(ok(cli(loaded, "claims", "--source", "herman1992trauma", "--format", "json")).stdout)
    herman_work = work_ids(loaded)["herman1992trauma"]
    assert herman and all(herman_work in row["source_ids"] for row in herman)
    by_work = json.loads(ok(cli(loaded, "claims", "--source", herman_work, "--format", "json")).stdout)
    assert by_work == herman
    jordan_doi = "https://doi.org/10.1037/0022-006X.60.6.916"  # any case, any resolver prefix
    jordan = json.loads(ok(cli(loaded, "claims", "--source", jordan_doi, "--format", "json")).stdout)
    assert jordan and all(work_ids(loaded)["jordan1992problems"] in row["source_ids"] for row in jordan)
    user_error(cli(loaded, "claims", "--source", "nobody2020"), "nobody2020")
    rows = list(csv.DictReader(io.StringIO(ok(cli(loaded, "claims", "--format", "csv", "--limit", "3",
                                                   "--offset", "1")).stdout)))
    assert [r["id"] for r in rows] == [r["id"] for r in claim_rows[1:4]]
    table = ok(cli(loaded, "claims", "--limit", "5")).stdout
    assert claim_rows[0]["id"] in table and f"of {len(claim_rows)}" in table
    word = claim_rows[0]["text"].split()[1]
    found = json.loads(ok(cli(loaded, "claims", "--search", word.upper(), "--format", "json")).stdout)
    assert claim_rows[0]["id"] in {r["id"] for r in found}


def test_trace_shows_sentence_evidence_and_references(loaded, claim_rows):
    cited = next(row for row in claim_rows if work_ids(loaded)["jordan1992problems"] in row["source_ids"])
    text = ok(cli(loaded, "trace", cited["id"])).stdout
    assert cited["id"] in text and "cited" in text
    assert "citation" in text and "Journal of Consulting and Clinical Psychology, 60" in text
    assert " ".join(cited["text"].split()[:4]) in " ".join(text.split())
    data = json.loads(ok(cli(loaded, "trace", cited["id"], "--format", "json")).stdout)
    assert data["claim"]["id"] == cited["id"] and data["evidence"]


def test_sources_and_documents(loaded):
    sources = json.loads(ok(cli(loaded, "sources", "--format", "json")).stdout)
    assert {s["keys"] for s in sources} == {"herman1992trauma", "jordan1992problems"}
    assert all(s["id"].startswith("work:") and s["article_count"] == 1 for s in sources)
    assert {s["reference"] for s in sources} == {"Herman (1992)", "Jordan et al. (1992)"}
    table = ok(cli(loaded, "sources")).stdout
    assert "Herman (1992)" in table and "herman1992trauma" in table
    documents = ok(cli(loaded, "documents")).stdout
    assert "doc:trauma-and-relationships" in documents


@pytest.mark.parametrize("fmt", ["json", "graphml", "csv", "cypher", "bibtex", "markdown", "svg", "png"])
def test_export_every_format_to_a_file(loaded, claim_rows, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    cited = next(row for row in claim_rows if row["source_ids"])  # so the BibTeX has entries
    result = ok(cli(loaded, "export", "--claim", cited["id"], "--depth", "2", "--format", fmt,
                    "--output", str(out)))
    assert "Exported" in result.stderr and out.stat().st_size > 0
    data = out.read_bytes()
    if fmt == "json":
        assert cited["id"] in {n["id"] for n in json.loads(data)["nodes"]}
    elif fmt == "csv":
        assert sorted(zipfile.ZipFile(io.BytesIO(data)).namelist()) == ["edges.csv", "nodes.csv"]
    elif fmt == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n")


def test_export_filtered_markdown_to_stdout(loaded, claim_rows):
    result = ok(cli(loaded, "export", "--status", "cited", "--format", "markdown", "--output", "-"))
    assert "## Claims supported by cited sources" in result.stdout and "## References" in result.stdout
    assert "Herman, J. L. (1992)." in result.stdout


def test_export_source_neighbourhood_bibtex(loaded):
    result = ok(cli(loaded, "export", "--source", "herman1992trauma", "--format", "bibtex", "-o", "-"))
    assert "@book{herman1992trauma" in result.stdout


def test_ingest_lists_unresolved_citations(tmp_path):
    article = tmp_path / "sleep.txt"
    article.write_text("Sleep\n\nSleep loss impairs memory (Smith, 2003).\n", encoding="utf-8")
    result = ok(cli(tmp_path / "s.db", "ingest", str(article), "--bib", str(BIB)))
    assert "1 unresolved citation: (Smith, 2003) (" in result.stdout and "sleep.txt:3" in result.stdout
    warning = next(line for line in result.stderr.splitlines() if "(Smith, 2003)" in line)
    assert warning.startswith("warning: ")
    assert "sleep.txt:3: citation (Smith, 2003) matches no reference: " in warning
    reason = warning.split("matches no reference: ")[1]
    assert reason.startswith(("no reference has 'Smith'", "'Smith' leads"))


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    """Each bad input: the ingest arguments and the file the error must name."""
    malformed = tmp_path / "malformed.bib"
    malformed.write_text("@article{broken,\n  title = {Unclosed,\n  year = 1999\n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Café society is élite. Trauma isolates people.\n".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    return {
        "malformed bibtex": ([str(ARTICLE), "--bib", str(malformed)], "malformed.bib"),
        "binary file": ([str(binary), "--bib", str(BIB)], "binary.txt"),
        "empty file": ([str(empty), "--bib", str(BIB)], "empty.txt"),
        "non-utf-8 file": ([str(latin1), "--bib", str(BIB)], "latin1.txt"),
        "missing file": ([str(missing), "--bib", str(BIB)], "missing.txt"),
        "missing bib": ([str(ARTICLE), "--bib", str(tmp_path / "nope.bib")], "nope.bib"),
    }


@pytest.mark.parametrize("case", ["malformed bibtex", "binary file", "empty file", "non-utf-8 file",
                                  "missing file", "missing bib"])
def test_bad_input_exits_2_names_the_file_and_leaves_the_store_unchanged(tmp_path, case):
    store = tmp_path / "store.db"
    ok(cli(store, "ingest", str(ARTICLE), "--bib", str(BIB)))
    before = stats(store)
    args, named = _bad_inputs(tmp_path)[case]
    line = user_error(cli(store, "ingest", *args), named)
    assert "Traceback" not in line
    assert stats(store) == before


def test_unknown_ids_and_bad_arguments_exit_2(loaded, tmp_path):
    user_error(cli(loaded, "trace", "claim:000000000000"), "claim:000000000000")
    user_error(cli(loaded, "export", "--claim", "claim:nope", "--format", "json", "-o", "-"), "claim:nope")
    user_error(cli(loaded, "claims", "--limit", "-1"), "negative")
    user_error(cli(loaded, "claims", "--status", "maybe"), "maybe")
    user_error(cli(loaded, "export", "--format", "png", "--output", "-"), "binary")
    user_error(cli(tmp_path / "absent.db", "stats"), "absent.db")
    user_error(cli(tmp_path / "absent.db", "app"), "absent.db")
    user_error(cli("neo4j://127.0.0.1:1", "stats"), "neo4j://127.0.0.1:1")
    user_error(cli("ftp://example", "stats"), "ftp://")


def test_progress_bar_goes_to_a_terminal_stderr_and_keeps_stdout_clean(tmp_path):
    """With stderr on a terminal and several files a progress bar is drawn there; stdout stays plain."""
    second = tmp_path / "second-article.txt"
    second.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    master, slave = os.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CLAIMGRAPH_STORE"}
    proc = subprocess.Popen([sys.executable, "-m", "claimgraph", "--store", str(tmp_path / "p.db"), "ingest",
                             str(ARTICLE), str(second), "--bib", str(BIB)],
                            stdout=subprocess.PIPE, stderr=slave, text=True, env=env)
    os.close(slave)
    stdout, _ = proc.communicate(timeout=180)
    drawn = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(master)
    assert proc.returncode == 0
    assert stdout.startswith("Ingested 2 articles and ") and "\x1b" not in stdout
    assert b"2/2" in drawn and b"articles/s" in drawn and b"\x1b[" in drawn


def test_migrate_into_each_backend(loaded, store_url, tmp_path):
    """`migrate` copies the demo store into an empty SQLite file or a real Neo4j: equal stats after."""
    result = ok(cli(tmp_path / "unused.db", "migrate", "--from", str(loaded), "--to", store_url,
                    "--batch-size", "50"))
    assert result.stdout.startswith("Migrated ") and "sampled traces identical" in result.stdout
    assert stats(store_url) == stats(loaded)
    user_error(cli(tmp_path / "unused.db", "migrate", "--from", str(tmp_path / "none.db"), "--to", store_url),
               "none.db")


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening_addresses(port: int) -> set[str]:
    """The local addresses of the TCP sockets listening on `port`, from /proc/net/tcp and tcp6."""
    import ipaddress

    found = set()
    for table, width in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                raw = bytes.fromhex(address)
                packed = b"".join(raw[i:i + 4][::-1] for i in range(0, width, 4))  # host-order words
                found.add(str(ipaddress.ip_address(packed)))
    return found


def wait_healthy(port: int, proc: subprocess.Popen, timeout: float = 180) -> bool:
    """Poll Streamlit's health endpoint on loopback (a loaded machine starts it slowly)."""
    import time
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as resp:
                return resp.read() == b"ok"
        except OSError:
            time.sleep(0.5)
    return False


def test_streamlit_run_from_the_repository_listens_on_loopback(loaded, tmp_path):
    """`streamlit run app.py` as docs/explorer.md gives it, with no address flag: .streamlit/config.toml
    keeps it on 127.0.0.1."""
    from conftest import server_process

    port = free_port()
    env = {**os.environ, "CLAIMGRAPH_STORE": str(loaded)}
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.headless", "true"]
    with (tmp_path / "log").open("wb") as log, server_process(command, env, cwd=ROOT, output=log) as proc:
        assert wait_healthy(port, proc), (tmp_path / "log").read_text()
        assert listening_addresses(port) == {"127.0.0.1"}
    assert "Network URL" not in (tmp_path / "log").read_text()


def test_app_listens_on_loopback_only_by_default(loaded):
    """The explorer's Ingest page writes to the store, so `claimgraph app` is not on the network
    unless --address says so."""
    from conftest import server_process

    port = free_port()
    log_path = loaded.parent / "app.log"
    command = [sys.executable, "-m", "claimgraph", "--store", str(loaded), "app", "--port", str(port)]
    with log_path.open("wb") as log, server_process(command, dict(os.environ), output=log) as proc:
        assert wait_healthy(port, proc), "the explorer did not answer on 127.0.0.1"
        assert listening_addresses(port) == {"127.0.0.1"}
    output = log_path.read_text(encoding="utf-8", errors="replace")
    assert f"http://127.0.0.1:{port}" in output
    assert "Network URL" not in output


def plain_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run `python -m claimgraph ARGS…` with no --store added, in `cwd`."""
    env = {k: v for k, v in os.environ.items() if k != "CLAIMGRAPH_STORE"}
    env["COLUMNS"] = "200"
    return subprocess.run([sys.executable, "-m", "claimgraph", *args], capture_output=True, text=True,
                          env=env, timeout=180, cwd=cwd)


def test_store_option_goes_before_or_after_the_command(loaded, tmp_path):
    """`claimgraph ingest a.md --store x.db` and `claimgraph claims --store demo.db` work as other CLIs do."""
    store = tmp_path / "after.db"
    ok(plain_cli("ingest", str(ARTICLE), "--bib", str(BIB), "--store", str(store), cwd=tmp_path))
    assert store.exists() and not (tmp_path / "claimgraph.db").exists()
    assert stats(store) == stats(loaded)
    after = ok(plain_cli("claims", "--store", str(loaded), "--format", "json", "--limit", "3", cwd=tmp_path))
    before = ok(plain_cli("--store", str(loaded), "claims", "--format", "json", "--limit", "3", cwd=tmp_path))
    assert after.stdout == before.stdout and json.loads(after.stdout)
    user_error(plain_cli("--store", str(loaded), "stats", "--store", str(tmp_path / "none.db"), cwd=tmp_path),
               "none.db")  # the one nearer the end wins


def test_every_command_help_shows_the_store_option(tmp_path):
    from claimgraph.cli import build_parser

    subparsers = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    commands = list(subparsers.choices)
    assert {"ingest", "claims", "trace", "export", "app", "migrate"} <= set(commands)
    for command in commands:
        assert "--store URL" in ok(plain_cli(command, "--help", cwd=tmp_path)).stdout, command


def test_a_store_in_a_missing_folder_is_refused_not_created(tmp_path):
    """A typo in --store must not create folders: one line naming the folder, nothing made."""
    store = tmp_path / "no-such-dir" / "deeper" / "x.db"
    line = user_error(cli(store, "ingest", str(ARTICLE), "--bib", str(BIB), cwd=tmp_path), str(store.parent),
                      "mkdir -p")
    assert "no folder" in line
    assert not (tmp_path / "no-such-dir").exists()
    user_error(cli(store, "demo", "--no-app", cwd=tmp_path), "no folder")
    assert not (tmp_path / "no-such-dir").exists()


def test_trace_accepts_a_unique_prefix_without_claim_or_in_upper_case(loaded, claim_rows):
    ids = [row["id"] for row in claim_rows]
    target = ids[0]
    digest = target.split(":", 1)[1]
    unique = next(n for n in range(1, len(digest) + 1)
                  if sum(i.startswith("claim:" + digest[:n]) for i in ids) == 1)
    expected = json.loads(ok(cli(loaded, "trace", target, "--format", "json")).stdout)
    for given in (digest, "claim:" + digest[:unique], digest[:unique].upper(), target.upper()):
        assert json.loads(ok(cli(loaded, "trace", given, "--format", "json")).stdout) == expected, given
    exported = ok(cli(loaded, "export", "--claim", digest[:unique], "--format", "json", "-o", "-")).stdout
    assert target in {n["id"] for n in json.loads(exported)["nodes"]}


def test_an_ambiguous_or_unknown_id_exits_2_with_candidates(loaded, claim_rows):
    ids = sorted(row["id"] for row in claim_rows)
    shared = next(a[:7] for a, b in zip(ids, ids[1:], strict=False) if a[:7] == b[:7])  # "claim:" + 1 char
    line = user_error(cli(loaded, "trace", shared), "ambiguous", "give more characters")
    assert sum(i in line for i in ids if i.startswith(shared)) >= 2
    typo = ids[0][:-1] + ("0" if ids[0][-1] != "0" else "1")
    user_error(cli(loaded, "trace", typo), typo, f"did you mean {ids[0]}")
    user_error(cli(loaded, "trace", "claim:zzzz"), "no claim 'claim:zzzz'", "claimgraph claims")
    user_error(cli(loaded, "export", "--source", "hermann1992trauma", "--format", "bibtex", "-o", "-"),
               "did you mean herman1992trauma")
    user_error(cli(loaded, "export", "--source", "herman", "--format", "bibtex", "-o", "-"),
               "did you mean herman1992trauma")
    work = work_ids(loaded)["herman1992trauma"]
    bibtex = ok(cli(loaded, "export", "--source", work[:10].upper(), "--format", "bibtex", "-o", "-")).stdout
    assert "herman1992trauma" in bibtex  # a unique beginning of a work id is enough


def test_a_filter_naming_an_unknown_work_or_document_exits_2_with_the_nearest(loaded):
    """--source and --document name things: one the store lacks is an unknown id (exit 2)."""
    user_error(cli(loaded, "claims", "--source", "herman"), "no cited work 'herman'",
               "did you mean herman1992trauma?")
    user_error(cli(loaded, "claims", "--document", "trauma-and-relationships"), "ids start with doc:",
               "did you mean doc:trauma-and-relationships?")
    user_error(cli(loaded, "claims", "--document", "doc:trauma-and-relations"),
               "did you mean doc:trauma-and-relationships")
    user_error(cli(loaded, "export", "--document", "trauma", "--format", "json", "-o", "-"),
               "doc:trauma-and-relationships")


def test_a_filter_that_matches_nothing_says_why_and_suggests(loaded):
    """Exit 0 (an empty answer is an answer), stdout still data, the hint on stderr."""
    result = ok(cli(loaded, "claims", "--section", "healing relationships", "--format", "json"))
    assert json.loads(result.stdout) == []
    assert "is no section heading" in result.stderr
    result = ok(cli(loaded, "claims", "--section", "healing relationships"))
    assert "Healing Relationships After Trauma" in result.stderr
    result = ok(cli(loaded, "claims", "--status", "anecdotal", "--search", "Herman"))
    assert "no claim matches all of them" in result.stderr or "no claim contains" in result.stderr
    result = ok(cli(loaded, "export", "--search", "no such words", "--format", "json", "-o", "-"))
    assert "nothing to export" in result.stderr and "no claim contains that text" in result.stderr
    assert ok(cli(loaded, "claims", "--status", "cited", "--format", "csv")).stderr == ""


def test_unresolved_lists_file_line_and_sentence(tmp_path):
    article = tmp_path / "sleep.txt"
    article.write_text("Sleep\n\nSleep loss impairs memory (Smith, 2003). Naps help.\n\n"
                       "Caffeine delays sleep onset (Drake, 2013).\n", encoding="utf-8")
    store = tmp_path / "s.db"
    ok(cli(store, "ingest", str(article), "--bib", str(BIB)))
    rows = json.loads(ok(cli(store, "unresolved", "--format", "json")).stdout)
    assert [(r["citation"], r["line"]) for r in rows] == [("(Smith, 2003)", 3), ("(Drake, 2013)", 5)]
    assert all(Path(r["path"]) == article for r in rows)
    assert rows[0]["sentence"].startswith("Sleep loss impairs memory") and "Caffeine" in rows[1]["sentence"]
    table = ok(cli(store, "unresolved")).stdout
    assert "(Smith, 2003)" in table and "sleep.txt" in table and "2 unresolved citations" in table


def test_a_whole_graph_export_is_the_whole_graph_unless_capped(tmp_path):
    loaded = tmp_path / "two.db"
    second = tmp_path / "second-article.txt"
    second.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    ok(cli(loaded, "ingest", str(ARTICLE), str(second), "--bib", str(BIB)))
    counts = stats(loaded)
    total = sum(counts["nodes"].values())
    assert total > 200  # more than the old silent cap
    out = tmp_path / "all.json"
    result = ok(cli(loaded, "export", "--format", "json", "-o", str(out)))
    data = json.loads(out.read_text())
    assert len(data["nodes"]) == total and len(data["edges"]) == sum(counts["relationships"].values())
    assert "warning" not in result.stderr and f"Exported {total} nodes" in result.stderr
    result = ok(cli(loaded, "export", "--format", "json", "--max-nodes", "50", "-o", str(out)))
    assert len(json.loads(out.read_text())["nodes"]) <= 50
    assert "warning: the export stopped at" in result.stderr and "--max-nodes" in result.stderr


def test_claims_table_tells_an_article_from_its_comments_at_160_columns(loaded):
    documents = json.loads(ok(cli(loaded, "documents", "--format", "json")).stdout)
    env = {k: v for k, v in os.environ.items() if k != "CLAIMGRAPH_STORE"}
    env["COLUMNS"] = "160"
    for command in (["claims", "--limit", "1000"], ["documents"]):
        table = subprocess.run([sys.executable, "-m", "claimgraph", "--store", str(loaded), *command],
                               capture_output=True, text=True, env=env, timeout=180).stdout
        assert max(len(line) for line in table.splitlines()) <= 160
        column = 4 if command[0] == "claims" else 1  # the document id's column between the │ borders
        cells = [line.split("│")[column].strip() for line in table.splitlines()
                 if line.startswith("│") and ("claim:" in line or "doc:" in line)]
        shown = {cell for cell in cells if cell}
        assert len(shown) == len(documents), shown  # one distinct cell per document


def test_a_bib_alone_is_named_as_bibtex_and_nothing_is_written(tmp_path: Path) -> None:
    """`claimgraph ingest refs.bib` says the file is BibTeX and how to give it with its article."""
    bib = tmp_path / "refs.bib"
    bib.write_text("@book{herman1992, author = {Herman, Judith}, title = {Trauma}, year = {1992}}\n")
    store = tmp_path / "s.db"
    line = user_error(cli(store, "ingest", str(bib)), "refs.bib", "is a BibTeX file", "--bib")
    assert "no article files" not in line
    assert not store.exists()
