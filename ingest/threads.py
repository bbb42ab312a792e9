"""Reader-comment threads at the end of plain-text and Markdown articles.

A comment starts with a header line of the shape `[marker] NAME DATE [- Reply]`,
e.g. "  1. Liza Webb October 13, 2017 at 1:17 am - Reply" or
"    • Dr. Aimie Apigian October 23, 2017 at 4:28 pm - Reply". Its body is the
lines below, up to the next header or to a line that steps back out of the thread.
Nesting follows indentation: a header indented deeper than the previous one replies to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.blocks import BOILERPLATE_LINE, LIST_MARKER
from ingest.dates import HEADER_DATE, parse_date
from ingest.segment import Line

_NAME = r"(?P<name>[^\W\d_][\w.'’\- ]{0,60}?)"
_REPLY = r"(?:\s*(?:[-–—|:]\s*)?(?:reply|says:?|said:?))?"
HEADER = re.compile(
    rf"^(?P<marker>\s*(?:[•\-*‣◦▪·]|\d{{1,4}}[.)])\s+)?{_NAME}\s+(?:on\s+|[-–—|,]\s*)?"
    rf"(?P<date>{HEADER_DATE}){_REPLY}\s*$",
    re.I,
)


@dataclass
class CommentHeader:
    line_index: int
    indent: int
    name: str
    date: str  # ISO
    numbered: bool


@dataclass
class CommentSpan:
    """One comment: who, when, where its body lies in the file, and its place in the thread."""

    header: CommentHeader
    body_start: int  # offset in the file of the body's first character
    body_end: int    # offset just past its last character
    path: tuple[int, ...]
    parent_path: tuple[int, ...]  # () for a top-level comment


def parse_header(line: Line) -> CommentHeader | None:
    """A comment header read from a line, or None when the line is not one."""
    match = HEADER.match(line.text)
    if not match:
        return None
    has_reply = bool(re.search(r"(?:reply|says:?|said:?)\s*$", line.text, re.I))
    if not match.group("marker") and not has_reply:
        return None
    name = match.group("name").strip(" -–—|,")
    if not name or len(name.split()) > 6:
        return None
    marker = match.group("marker") or ""
    return CommentHeader(-1, line.indent, name, parse_date(match.group("date")),
                         bool(re.search(r"\d", marker)))


def find_headers(lines: list[Line], first_line: int) -> list[CommentHeader]:
    """Comment headers at or after `first_line`."""
    headers = []
    for index in range(first_line, len(lines)):
        header = parse_header(lines[index])
        if header:
            header.line_index = index
            headers.append(header)
    return headers


def thread_spans(lines: list[Line], headers: list[CommentHeader]) -> tuple[list[CommentSpan], list[Line]]:
    """Bodies and thread places of the comments, plus the lines that belong to no comment."""
    comments: list[CommentSpan] = []
    stray: list[Line] = []
    stack: list[CommentSpan] = []
    top_count = 0
    children: dict[tuple[int, ...], int] = {}
    for number, header in enumerate(headers):
        stop = headers[number + 1].line_index if number + 1 < len(headers) else len(lines)
        body, rest = _body_lines(lines[header.line_index + 1:stop], header)
        stray.extend(rest)
        while stack and stack[-1].header.indent >= header.indent and not _is_reply_at_same_indent(
                stack[-1].header, header):
            stack.pop()
        if stack:
            parent = stack[-1].path
            children[parent] = children.get(parent, 0) + 1
            path = (*parent, children[parent])
        else:
            top_count += 1
            parent, path = (), (top_count,)
        start, end = (body[0].content_span()[0], body[-1].content_span()[1]) if body else (0, 0)
        span = CommentSpan(header, start, end, path, parent)
        if body:
            comments.append(span)
        else:
            stray.append(lines[header.line_index])
        stack.append(span)
    return comments, stray


def _is_reply_at_same_indent(previous: CommentHeader, header: CommentHeader) -> bool:
    """A bulleted header right under a numbered one at the same indent is a reply to it."""
    return previous.indent == header.indent and previous.numbered and not header.numbered


def _body_lines(lines: list[Line], header: CommentHeader) -> tuple[list[Line], list[Line]]:
    """Split the lines after a header into its body and trailing lines outside the thread."""
    body: list[Line] = []
    body_indent: int | None = None
    for position, line in enumerate(lines):
        if line.blank:
            continue
        if body_indent is None:
            body_indent = line.indent
        steps_out = body_indent > header.indent and line.indent <= header.indent
        if steps_out or BOILERPLATE_LINE.match(line.stripped):
            return body, [item for item in lines[position:] if not item.blank]
        body.append(line)
    return body, []


def thread_start(lines: list[Line], body_start: int) -> int | None:
    """Index of the first comment header after the article body begins, if any."""
    for index in range(body_start, len(lines)):
        if parse_header(lines[index]) and not _inside_list(lines, index):
            return index
    return None


def _inside_list(lines: list[Line], index: int) -> bool:
    """True when the header-like line sits in the middle of an article list (no blank before)."""
    previous = lines[index - 1] if index > 0 else None
    return previous is not None and not previous.blank and bool(LIST_MARKER.match(previous.text)) and \
        not parse_header(previous)
