"""Reading user files as UTF-8 text, with one-line errors for every way that can fail."""

from __future__ import annotations

from pathlib import Path

from ingest import guards
from ingest.guards import check_no_nul, normalise_controls, read_bounded, shown_path
from ingest.model import InputError


def read_text_file(path: Path, what: str, hint: str, limit: int | None = None) -> str:
    """The file decoded as UTF-8 (a BOM is allowed); `what` names the expected content in errors.

    Raises InputError for a missing file, a directory, a FIFO, device or socket, a file over
    `limit` bytes, an empty file, binary bytes and bytes that are not UTF-8 (naming the line and
    column of the first bad byte). Control characters are normalised (ingest.guards). `limit`
    defaults to ingest.guards.MAX_ARTICLE_BYTES, read when called.
    """
    data = read_bounded(path, what, hint, guards.MAX_ARTICLE_BYTES if limit is None else limit)
    shown = shown_path(path)
    if not data.strip():
        raise InputError(shown, "is empty", hint=hint)
    if looks_binary(data):
        raise InputError(shown, f"looks binary, not {what}", hint=hint)
    check_no_nul(data, path, what, hint)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, column = line_and_column(data, err.start)
        raise InputError(shown, f"column {column}: byte 0x{data[err.start]:02x} is not UTF-8", line=line,
                         hint="Save the file as UTF-8") from err
    if not text.strip():
        raise InputError(shown, "is empty", hint=hint)
    return normalise_controls(text)


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 KiB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def line_and_column(data: bytes, position: int) -> tuple[int, int]:
    """1-based line and character column of the byte at `position`."""
    line_start = data.rfind(b"\n", 0, position) + 1
    prefix = data[line_start:position].decode("utf-8", errors="replace")
    return data.count(b"\n", 0, position) + 1, len(prefix) + 1
