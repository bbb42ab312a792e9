"""Reading user files as UTF-8 text, with one-line errors for every way that can fail."""

from __future__ import annotations

from pathlib import Path

from ingest.model import InputError


def read_text_file(path: Path, what: str, hint: str) -> str:
    """The file decoded as UTF-8 (a BOM is allowed); `what` names the expected content in errors.

    Raises InputError for a missing file, a directory, an empty file, binary bytes
    and bytes that are not UTF-8 (naming the line and column of the first bad byte).
    """
    if not path.exists():
        raise InputError(str(path), "no such file", hint="Check the path")
    if path.is_dir():
        raise InputError(str(path), f"is a directory, not {what}", hint=hint)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror})", hint="Check its permissions") from err
    if not data.strip():
        raise InputError(str(path), "is empty", hint=hint)
    if looks_binary(data):
        raise InputError(str(path), f"looks binary, not {what}", hint=hint)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, column = line_and_column(data, err.start)
        raise InputError(str(path), f"column {column}: byte 0x{data[err.start]:02x} is not UTF-8", line=line,
                         hint="Save the file as UTF-8") from err
    if not text.strip():
        raise InputError(str(path), "is empty", hint=hint)
    return text


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
