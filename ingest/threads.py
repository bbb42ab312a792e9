"""Reader-comment threads at the end of plain-text and Markdown articles.

A comment starts with a header line of the shape `[marker] NAME DATE [- Reply]`,
e.g. "  1. Liza Webb October 13, 2017 at 1:17 am - Reply" or
"    • Dr. Aimie Apigian October 23, 2017 at 4:28 pm - Reply". Its body is the
lines below, up to the next header or to a line that steps back out of the thread.
Nesting follows indentation: a header indented deeper than the previous one replies to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingest.blocks import (
    BOILERPLATE_LINE,
    HONORIFIC,
    LIST_MARKER,
    MD_HEADING,
    MD_RULE,
    NAME_PARTICLES,
    TEXT_RULE,
)
from ingest.dates import HEADER_DATE, MONTHS, parse_date
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
    quote_depth: int | None = None  # Markdown thread: "> " levels of the header; None: a text thread
    reply: bool = False  # "Name replies:": answers the comment before it


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
    return _comment_tree(lines, headers, len(lines), _body_lines, _replies_to_indented)


def _replies_to_indented(previous: CommentHeader, header: CommentHeader) -> bool:
    """A header indented deeper than the one before it replies to it."""
    return previous.indent < header.indent or _is_reply_at_same_indent(previous, header)


def _comment_tree(lines: list[Line], headers: list[CommentHeader], end: int,
                  body_of: Callable[[list[Line], CommentHeader], tuple[list[Line], list[Line]]],
                  replies_to: Callable[[CommentHeader, CommentHeader], bool],
                  ) -> tuple[list[CommentSpan], list[Line]]:
    """Place each header's comment in the thread tree: under the nearest open comment it replies to
    (``replies_to(open, header)``), numbered among its siblings from 1. ``body_of`` splits the lines
    up to the next header into the comment's body and stray lines; a header with no body is stray."""
    comments: list[CommentSpan] = []
    stray: list[Line] = []
    stack: list[CommentSpan] = []
    children: dict[tuple[int, ...], int] = {}
    for number, header in enumerate(headers):
        stop = headers[number + 1].line_index if number + 1 < len(headers) else end
        body, rest = body_of(lines[header.line_index + 1:stop], header)
        stray.extend(rest)
        while stack and not replies_to(stack[-1].header, header):
            stack.pop()
        parent = stack[-1].path if stack else ()
        children[parent] = children.get(parent, 0) + 1
        path = (*parent, children[parent])
        start, stop_at = (body[0].content_span()[0], body[-1].content_span()[1]) if body else (0, 0)
        span = CommentSpan(header, start, stop_at, path, parent)
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


# --- Markdown threads under a comments heading ------------------------------------------
#
# "### 5 comments", "## Comments (3)", "## 12 Responses", "## Listener comments (3)", "## 7 thoughts on
# “Range”": the heading of a page's comment thread. Under it, each comment opens with a header line:
# "**Gareth Pryce** · 4 February 2025 at 07:52", "**Jonas Ekwueme** · Mar 1", "**kettlebell_katie** ·
# 1 day ago · ▲ 38", "Maria K. says:", "**Sam** replied:", and a reply is quoted under the comment it
# answers ("> **Eilidh MacAskill** · 4 February 2025", then "> …" lines) or indented deeper in a list.

THREAD_HEADING = re.compile(
    r"^(?:\d{1,5}\s+)?(?:(?:readers?['’]?|listeners?['’]?|viewers?['’]?|members?['’]?|latest|recent|top|"
    r"all)\s+)?(?:comments?|responses?|replies)(?:\s*\(\d{1,5}\))?\s*:?$"
    r"|^\d{1,5}\s+(?:thoughts?|responses?|comments?|replies)\s+(?:on|to)\s+\S.{0,200}$"
    r"|^discussion\s*\(\d{1,5}\)\s*:?$",
    re.I,
)
_MONTH_WORD = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# When a comment was posted, as a thread header gives it: a full date, a day and month without the
# year, a time of day, "3 days ago", "yesterday".
_WHEN = re.compile(
    rf"{HEADER_DATE}|\b{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}"
    r"|\b\d{1,2}:\d{2}\b|\b(?:an?|\d{1,3})\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|"
    r"years?)\s+ago\b|\b(?:yesterday|today|just now)\b",
    re.I,
)
_SAYS = r"(?:says|said|writes|wrote|replies|replied|commented|comments|asks|asked)"
_QUOTE_BULLET = r"(?P<quote>(?:[ \t]*>)*)[ \t]*(?:[-*+•][ \t]+)?"
# "**Name** · 4 February 2025 at 07:52", "__Name__ says:", "**Name** on Mar 1 said:"
_BOLD_HEADER = re.compile(
    rf"^{_QUOTE_BULLET}(?:\*\*|__)(?P<name>[^*_\s][^*\n]{{0,60}}?)(?:\*\*|__)"
    rf"(?:[ \t]*(?:[·|•—–\-,:]|\bon\b)[ \t]*(?P<meta>[^\n]{{0,120}}?)|[ \t]+(?P<says>{_SAYS}):?)?[ \t]*$",
    re.I,
)
# "Maria K. says:", "Dr. Lena Ortiz replies:", "Tom on 3 March 2024 said:", "Priya Shah · 5 May 2024"
_PLAIN_HEADER = re.compile(
    rf"^{_QUOTE_BULLET}(?P<name>(?:{HONORIFIC}[ \t]+)?[A-ZÀ-Þ][\w'’\-]*\.?(?:[ \t]+[\w'’\-]+\.?){{0,4}}?)"
    rf"(?:[ \t]+(?:on[ \t]+(?P<on>[^\n]{{4,60}}?)[ \t]+)?(?P<says>{_SAYS}):"
    rf"|[ \t]*[·|•—–][ \t]*(?P<meta>[^\n]{{4,120}}?))[ \t]*$"
)
# Words that open a sentence, never a commenter's name ("He says:", "My GP said:").
_NOT_A_NAME = frozenset("he she it they we you i my our your his her their this that these those everyone "
                        "someone nobody people the a an one who what".split())
_REPLY_VERB = re.compile(r"^repl(?:y|ies|ied)$", re.I)


def parse_markdown_header(line: Line) -> CommentHeader | None:
    """A comment header of a Markdown thread (or an old-style "Name DATE - Reply" one), else None."""
    if len(line.text) > 300:
        return None
    for pattern in (_BOLD_HEADER, _PLAIN_HEADER):
        match = pattern.match(line.text)
        if not match:
            continue
        name = match.group("name").strip(" ·|,:")
        meta = match.group("meta") or ""
        says = match.group("says") or ""
        if not name or len(name.split()) > 6 or name.split()[0].lower().rstrip(".") in _NOT_A_NAME:
            continue
        if pattern is _PLAIN_HEADER and any(w[0].islower() and w.lower() not in NAME_PARTICLES
                                            for w in name.split()[1:]):
            continue  # "Maria K.", "Ana de Souza", not "Everyone in my class"
        if meta and not _posted_when(meta) or not meta and not says and pattern is _PLAIN_HEADER:
            continue
        when = meta or (match.groupdict().get("on") or "")
        depth = match.group("quote").count(">")
        indent = len(line.text) - len(line.text.lstrip(" \t>"))
        return CommentHeader(-1, indent, name, parse_date(when), False, depth,
                             bool(_REPLY_VERB.match(says)))
    header = parse_header(line)
    if header:
        header.quote_depth = 0
    return header


def _posted_when(meta: str) -> bool:
    """A header's meta part says when the comment was posted: a date or time, and beside it at most
    a few words ("at", "edited", "▲ 38"), not a sentence ("— the trial stopped on 3 March 2024.")."""
    if not _WHEN.search(meta):
        return False
    rest = _WHEN.sub(" ", meta)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 3 and not re.search(r"[.!?]\s*$", rest.strip())


@dataclass
class MarkdownThread:
    heading_line: int  # index of the thread's heading line
    end_line: int  # index of the first line after the thread (the next heading of its level)
    comments: list[CommentSpan]
    stray: list[Line]  # lines of the thread in no comment (its heading, "Leave a comment", "Reply")
    opening: CommentHeader | None = None  # a forum thread's first post header (the article's byline)


def markdown_thread(lines: list[Line], first_line: int, markdown: bool) -> MarkdownThread | None:
    """The comment thread under a comments heading at or after `first_line`, if one is there: at
    least one comment header follows the heading before the next Markdown heading of its level or
    above (in plain text, a thread runs to the end). One pass over the lines."""
    opened: tuple[int, int] | None = None  # (line index, level) of the thread heading being read
    headers: list[CommentHeader] = []
    for index in range(first_line, len(lines)):
        level, words = _heading(lines, index, markdown)
        if level and opened and (markdown and level <= opened[1] or THREAD_HEADING.match(words)):
            if headers:
                return _thread(lines, opened[0], index, headers)
            opened = None
        if level and THREAD_HEADING.match(words):
            opened, headers = (index, level), []
            continue
        if opened:
            line = lines[index]
            if markdown and level:  # "#### **Jane Doe** · 3 March 2024": a header set as a deeper heading
                at = MD_HEADING.match(line.text).start("text")  # type: ignore[union-attr]
                line = Line(line.number, line.start + at, line.end, line.text[at:])
            header = parse_markdown_header(line)
            if header:
                header.line_index = index
                headers.append(header)
    return _thread(lines, opened[0], len(lines), headers) if opened and headers else None


def _thread(lines: list[Line], heading: int, end: int, headers: list[CommentHeader]) -> MarkdownThread:
    comments, stray = _markdown_spans(lines, headers, end)
    line = lines[heading]
    found = MD_HEADING.match(line.text)  # the heading's words, without its "#" marks
    if found:
        line = Line(line.number, line.start + found.start("text"), line.start + found.end("text"),
                    found.group("text"))
    return MarkdownThread(heading, end, comments, [line, *stray])


def _heading(lines: list[Line], index: int, markdown: bool) -> tuple[int, str]:
    """(level, words) of a heading line: a Markdown "## …" heading, or in plain text a short line
    standing alone after a blank line (level 1). (0, "") for any other line."""
    line = lines[index]
    if markdown:
        found = MD_HEADING.match(line.text)
        return (len(found.group(1)), found.group("text")) if found else (0, "")
    alone = (index == 0 or lines[index - 1].blank) and (index + 1 >= len(lines) or lines[index + 1].blank)
    return (1, line.stripped) if alone and not line.blank and len(line.text) <= 120 else (0, "")


def _markdown_spans(lines: list[Line], headers: list[CommentHeader], end: int
                    ) -> tuple[list[CommentSpan], list[Line]]:
    """Bodies and places of a Markdown thread's comments."""
    return _comment_tree(lines, headers, end, _markdown_body, _replies_in_markdown)


def _replies_in_markdown(previous: CommentHeader, header: CommentHeader) -> bool:
    """A header quoted one level deeper than the one before it, or indented deeper at its quote
    level, replies to it; "Name replies:" at the same level replies to the comment before it."""
    before, now = (previous.quote_depth, previous.indent), (header.quote_depth, header.indent)
    return before < now or (header.reply and before == now and not previous.reply)


def _markdown_body(lines: list[Line], header: CommentHeader) -> tuple[list[Line], list[Line]]:
    """The body lines of a comment (quoted at least as deep as its header) and the lines after it
    that belong to no comment: a "Reply" or "Leave a comment" line, a thematic break, a line
    quoted less deeply than its header. A date line right under a "Name says:" header is its date."""
    body: list[Line] = []
    for position, line in enumerate(lines):
        inner = dequoted(line, header.quote_depth)
        if inner is None or MD_RULE.match(inner.text) or BOILERPLATE_LINE.match(inner.stripped):
            if inner is not None and inner.blank:
                continue
            return body, [item for item in lines[position:] if not item.blank]
        if inner.blank:
            continue
        if not body and not header.date and _DATE_LINE.match(inner.stripped):
            header.date = parse_date(inner.stripped)
            continue
        body.append(line)
    return body, []

_DATE_LINE = re.compile(rf"^(?:on\s+)?{HEADER_DATE}$", re.I)


def dequoted(line: Line, depth: int) -> Line | None:
    """The line without its first `depth` block-quote markers ("> "), offsets kept; None when it is
    quoted less deeply (a line of no text, ">", is blank at any depth)."""
    at = 0
    text = line.text
    for _ in range(depth):
        while at < len(text) and text[at] in " \t":
            at += 1
        if at == len(text):
            return Line(line.number, line.start + at, line.end, "")
        if text[at] != ">":
            return None
        at += 1
        if at < len(text) and text[at] == " ":
            at += 1
    return Line(line.number, line.start + at, line.end, text[at:])


# --- plain-text forum threads: posts set off by rule lines ----------------------------------
#
# ----------------------------------------------
# Freya_and_the_bump · Tue 04-Mar-25 20:41
# ----------------------------------------------
# My health visitor just told me …
#
# ----------------------------------------------
# ClementineOwl · Tue 04-Mar-25 21:02
# ...
# A post opens with a header (a name and when it was posted, as a thread header gives it) right after a
# rule line; a rule may underline the header too. The first post is the article (its header is the
# article's byline); each later post is a comment replying to it.


def rule_thread(lines: list[Line], first_line: int) -> MarkdownThread | None:
    """The forum thread of a plain-text file whose posts are set off by rule lines, when two or more
    posts open with a header right after a rule: `heading_line` is the rule opening the second post,
    `opening` the first post's header. None for any other file."""
    headers: list[tuple[int, CommentHeader]] = []  # (index of the rule above it, header)
    for index in range(first_line, len(lines)):
        if not TEXT_RULE.match(lines[index].text):
            continue
        following = next((i for i in range(index + 1, len(lines)) if not lines[i].blank), None)
        if following is None or TEXT_RULE.match(lines[following].text):
            continue
        header = parse_markdown_header(lines[following])
        if header and header.quote_depth in (None, 0):
            header.line_index, header.quote_depth, header.indent, header.reply = following, None, 0, False
            headers.append((index, header))
    if len(headers) < 2:
        return None
    comments: list[CommentSpan] = []
    stray: list[Line] = [lines[rule] for rule, _ in headers[1:]]
    for number, (_, header) in enumerate(headers[1:], start=1):
        stop = headers[number + 1][0] if number + 1 < len(headers) else len(lines)
        body, rest = _rule_body(lines[header.line_index + 1:stop])
        stray.extend(rest)
        if body:
            comments.append(CommentSpan(header, body[0].content_span()[0], body[-1].content_span()[1],
                                        (len(comments) + 1,), ()))
        else:
            stray.append(lines[header.line_index])
    if not comments:
        return None
    return MarkdownThread(headers[1][0], len(lines), comments, stray, opening=headers[0][1])


def _rule_body(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """A forum post's body: the lines after its header, without the rules underlining the header, up
    to a rule or a "Reply"/"Report" line (those and what follows belong to no post)."""
    body: list[Line] = []
    for position, line in enumerate(lines):
        if line.blank:
            continue
        rule = TEXT_RULE.match(line.text)
        if rule and not body:
            continue
        if rule or BOILERPLATE_LINE.match(line.stripped):
            return body, [item for item in lines[position:] if not item.blank]
        body.append(line)
    return body, []
