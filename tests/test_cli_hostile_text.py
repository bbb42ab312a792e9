"""Article and BibTeX text that attacks the reader's tools: escape sequences on a terminal,
formulas in a spreadsheet. The store is written directly (not through ingest), so the CLI's
own output is what is tested, whatever the readers accept."""

from __future__ import annotations

import csv
import fcntl
import io
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from graph.model import GraphBatch
from graph.schema import Label, RelType, author_id, claim_id, evidence_id, text_sha256
from graph.store import open_store

DOC = "doc:hostile"
RED = "\x1b[5;31;47m"  # blink, red on white: nothing rich itself would print
RETITLE = "\x1b]0;pwned\x07"  # OSC 0: sets the terminal's title
CSI8 = "\u009b2J"  # the one-character CSI (C1) clearing the screen on terminals that take C1
BIDI = "\u202e"  # right-to-left override
CLAIM_TEXT = f"Trauma {RED}harms{RETITLE} relationships{CSI8}{BIDI} (Evil, 2020)."
FORMULA_CLAIM = '=HYPERLINK("http://127.0.0.1:9/x","click") harms people (Evil, 2020).'
TEXT = f"Hostile\n\n{CLAIM_TEXT}\n\n{FORMULA_CLAIM}\n"
SOURCE = "evil2020"
SOURCE_TITLE = f"@SUM(1+1) {RETITLE}"


def hostile_batch() -> GraphBatch:
    """One article whose claims, evidence and cited source carry escapes and formulas."""
    batch = GraphBatch(replaces=[DOC])
    batch.add_node(Label.DOCUMENT, DOC, kind="article", title=f"Hostile {RED}title",
                   author="+cmd|' /C calc'!A0", date="2020-01-01", url="", sha256=text_sha256(TEXT),
                   text=TEXT, path="hostile.txt", offset=0, root_id=DOC, parent_id="", position=0)
    batch.add_node(Label.SOURCE, SOURCE, entry_type="book", title=SOURCE_TITLE, authors="Evil, Eve",
                   year="2020", venue="", publisher="-Press", address="")
    person = author_id("Evil", "Eve")
    batch.add_node(Label.AUTHOR, person, name="Eve Evil", family="Evil", given="Eve")
    batch.add_rel(RelType.WRITTEN_BY, SOURCE, person, position=0)
    batch.add_rel(RelType.CITES, DOC, SOURCE)
    for position, text in enumerate((CLAIM_TEXT, FORMULA_CLAIM)):
        start = TEXT.index(text)
        claim = claim_id(DOC, text)
        batch.add_node(Label.CLAIM, claim, text=text, document_id=DOC, section=f"{RED}sec",
                       start=start, end=start + len(text), paragraph_start=start,
                       paragraph_end=start + len(text), position=position, kind="causal", status="cited",
                       contested=False)
        batch.add_rel(RelType.MAKES, DOC, claim)
        marker_start = TEXT.index("(Evil, 2020)", start)
        evidence = evidence_id(DOC, "citation", f"(Evil, 2020) {position}")
        batch.add_node(Label.EVIDENCE, evidence, text="(Evil, 2020)", document_id=DOC, start=marker_start,
                       end=marker_start + 12, kind="citation", marker="(Evil, 2020)", resolved=True)
        batch.add_rel(RelType.SUPPORTED_BY, claim, evidence)
        batch.add_rel(RelType.CITES, evidence, SOURCE)
    return batch


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    with open_store(str(path)) as store:
        store.write(hostile_batch())
    return path


def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("CLAIMGRAPH_STORE", "COLUMNS")}
    return {**clean, "TERM": "xterm-256color"}


def on_terminal(store: Path, *args: str, columns: int = 400, timeout: float = 180) -> bytes:
    """Run the CLI with stdout and stderr on a pseudo-terminal `columns` wide; all it wrote there."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "claimgraph", "--store", str(store), *args],
                            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env(),
                            start_new_session=True)
    os.close(slave)
    output, deadline = b"", time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            elif proc.poll() is not None:
                break
        assert proc.wait(timeout=30) == 0, output.decode(errors="replace")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, 9)
            proc.wait()
        os.close(master)
    return output


def assert_no_injected_sequence(output: bytes) -> str:
    """None of the article's escape sequences reached the terminal; they show as text instead."""
    for raw in (RED, RETITLE, CSI8, BIDI):
        assert raw.encode() not in output, raw
    assert b"\x1b]" not in output and b"\x1b[5;" not in output  # rich writes neither OSC nor blink
    assert b"\x07" not in output and "\u009b".encode() not in output and BIDI.encode() not in output
    return output.decode()


def test_claims_table_shows_escape_sequences_as_text(hostile_store):
    shown = assert_no_injected_sequence(on_terminal(hostile_store, "claims"))
    assert "\\x1b[5;31;47mharms" in shown and "\\x1b]0;pwned\\x07" in shown and "\\x9b2J\\u202e" in shown


def test_trace_shows_escape_sequences_as_text_and_marks_the_claim(hostile_store):
    claim = claim_id(DOC, CLAIM_TEXT)
    shown = assert_no_injected_sequence(on_terminal(hostile_store, "trace", claim))
    assert "Hostile \\x1b[5;31;47mtitle" in shown and "@SUM(1+1) \\x1b]0;pwned\\x07" in shown
    assert "\x1b[" in shown  # rich still styles the claim on a terminal: only the article's codes go
    assert "»" in shown and "«" in shown


@pytest.mark.parametrize("command", [["claims", "--format", "csv"], ["sources"], ["documents"],
                                     ["claims", "--format", "json"], ["trace", "--format", "json"]])
def test_other_listings_on_a_terminal_carry_no_escape_sequence(hostile_store, command):
    if command[0] == "trace":
        command = [*command, claim_id(DOC, CLAIM_TEXT)]
    assert_no_injected_sequence(on_terminal(hostile_store, *command))


def test_json_to_a_pipe_is_the_same_data(hostile_store):
    import json

    result = subprocess.run([sys.executable, "-m", "claimgraph", "--store", str(hostile_store), "claims",
                             "--format", "json"], capture_output=True, text=True, env=env(), timeout=180)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u009b" not in result.stdout
    assert {row["text"] for row in json.loads(result.stdout)} == {CLAIM_TEXT, FORMULA_CLAIM}


def test_claims_csv_cells_never_start_a_formula(hostile_store):
    """Read back as a spreadsheet would: no cell starts with = + - @ TAB CR; the text is still there."""
    result = subprocess.run([sys.executable, "-m", "claimgraph", "--store", str(hostile_store), "claims",
                             "--format", "csv"], capture_output=True, text=True, env=env(), timeout=180)
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    cells = [cell for row in rows for cell in row]
    assert len(rows) == 3 and not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert "'" + FORMULA_CLAIM in cells
    assert CLAIM_TEXT in cells  # to a pipe (not a terminal) the text is kept as it is
    sources = subprocess.run([sys.executable, "-m", "claimgraph", "--store", str(hostile_store), "sources",
                              "--format", "csv"], capture_output=True, text=True, env=env(), timeout=180)
    assert "'" + SOURCE_TITLE in [c for row in csv.reader(io.StringIO(sources.stdout)) for c in row]
