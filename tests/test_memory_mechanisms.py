"""The memory mechanisms of issue #9 give what the plain code they replaced gave."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from graph.model import Node, Relationship
from graph.schema import Label, RelType
from ingest import pipeline
from ingest.citations.model import EvidenceSpan
from ingest.claims import ClaimSpan, Unit
from ingest.model import Block, LayoutBox, MarkedCitation, Sentence
from ingest.pipeline import text_in_file


def whole_file_answer(path: Path, offset: int, text: str) -> tuple[bool, int | None]:
    """What LineFinder computed before: the whole file read, sliced and counted."""
    try:
        file_text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        file_text = ""
    found = file_text[offset:offset + len(text)] == text
    return found, file_text.count("\n", 0, offset) if found else None


CONTENTS = [
    b"",
    b"one line",
    b"first\nsecond\nthird\n",
    b"crlf\r\nlines\r\nhere\r\n",
    b"old mac\rbreaks\rhere",
    b"\xef\xbb\xbfbom first\nline\n",
    b"bad \xff byte\nand \xe2\x82 cut\n",
    "caf\u00e9 \u201cquoted\u201d \u2014 dash\nnext \U0001f600 line\n".encode(),
]


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 1 << 16])
@pytest.mark.parametrize("content", CONTENTS)
def test_text_in_file_agrees_with_reading_the_whole_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         content: bytes, chunk: int) -> None:
    monkeypatch.setattr(pipeline, "FILE_CHUNK_CHARS", chunk)
    path = tmp_path / "article.md"
    path.write_bytes(content)
    file_text = path.read_text(encoding="utf-8", errors="replace")
    cases = [(0, ""), (len(file_text) + 5, ""), (len(file_text), ""), (0, file_text),
             (0, file_text + "x"), (1, file_text[1:]), (0, "nope")]
    for offset in range(len(file_text) + 1):
        for end in (offset, offset + 1, offset + 4, len(file_text)):
            cases.append((offset, file_text[offset:end]))
            cases.append((offset, file_text[offset:end] + "!"))
            cases.append((offset, "?" + file_text[offset + 1:end]))
    for offset, text in cases:
        found, newlines = text_in_file(path, offset, text)
        expected_found, expected_newlines = whole_file_answer(path, offset, text)
        assert found == expected_found, (offset, text)
        if found:
            assert newlines == expected_newlines, (offset, text)


def test_text_in_file_of_a_missing_file_or_a_directory(tmp_path: Path) -> None:
    assert text_in_file(tmp_path / "gone.md", 0, "text") == (False, 0)
    assert text_in_file(tmp_path, 0, "text") == (False, 0)
    assert text_in_file(tmp_path / "gone.md", 3, "") == (True, 0)


def test_line_finder_counts_lines_as_before(tmp_path: Path) -> None:
    path = tmp_path / "article.md"
    path.write_text("head\nline two\n\nbody starts here\nand goes on\n", encoding="utf-8")
    text = "body starts here\nand goes on\n"
    offset = path.read_text(encoding="utf-8").index(text)
    doc = pipeline.ParsedDocument(id="d", kind="article", text=text, path=str(path), offset=offset)
    finder = pipeline.LineFinder(doc)
    assert finder.in_file
    assert [finder.line(text.index(word)) for word in ("body", "and")] == [4, 5]
    moved = pipeline.ParsedDocument(id="d", kind="article", text=text, path=str(path), offset=offset + 1)
    assert not pipeline.LineFinder(moved).in_file


SLOTTED = [
    Block("paragraph", 0, 5), Sentence(0, 5, 0), MarkedCitation(0, 3, ["k"]),
    LayoutBox(0, 3, 1, (0, 0, 1, 1)),
    Unit(0, 5, 0, 0), ClaimSpan("c", "d", "text", 0, 4, "", 0, 4, 0, "general", 0),
    EvidenceSpan("citation", 0, 3, "[1]", 0, ["k"], True), Node(Label.CLAIM, "c", {"text": "t"}),
    Relationship(RelType.MAKES, "d", "c"),
]


@pytest.mark.parametrize("item", SLOTTED, ids=lambda item: type(item).__name__)
def test_hot_records_hold_no_instance_dict_and_still_pickle(item: object) -> None:
    """One of these per sentence, span or node: no per-instance dict; workers pickle them."""
    assert not hasattr(item, "__dict__")
    copy = pickle.loads(pickle.dumps(item))
    assert copy == item
