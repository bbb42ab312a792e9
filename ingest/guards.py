"""Guards every input file passes before a parser sees it: bounded, regular, text, the right kind.

What is refused, each with one line naming the file (an InputError) and what to do:

- anything that is not a regular file: a FIFO (reading one blocks forever), a character or block
  device (`/dev/zero` never ends), a socket; it is checked before the file is opened;
- a file larger than its limit: `MAX_ARTICLE_BYTES` (8 MiB) for a text or HTML article,
  `MAX_BIBTEX_BYTES` (16 MiB) for a BibTeX file, `MAX_ANY_ARTICLE_BYTES` (100 MiB) for a PDF; a
  text read stops one byte past its limit, so a file that grows while it is read (or reports
  size 0, as /proc files do) cannot get past it;
- a NUL byte anywhere (text files have none: it is binary, or UTF-16);
- a line longer than `MAX_LINE_CHARS`, more than `MAX_LINES` lines, or a paragraph longer than
  `MAX_PARAGRAPH_CHARS` characters (time and memory of the extractors grow with these);
- a file that is evidently not an article: BibTeX, JSON, CSV, source code, a word-processor
  document or a spreadsheet given where an article is expected.

Control characters are normalised at read time, one character for one so every offset stays
exact: vertical tab and form feed become a space, every other C0/C1 control character (ESC,
BEL, …) and the non-characters U+FFFE/U+FFFF become U+FFFD. The text that reaches the graph is
then valid in every export format (XML 1.0 forbids exactly these characters).

File names are kept as the operating system gives them (undecodable bytes as surrogates, the
`surrogateescape` convention); `shown_path` is the form that is printed and stored, with such
bytes written as `\\xff`.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

from ingest.model import InputError

MAX_ARTICLE_BYTES = 8 * 1024 * 1024
MAX_ANY_ARTICLE_BYTES = 100 * 1024 * 1024  # PDFs (images included); XML has its own 64 MiB (ingest.xmlfile)
MAX_BIBTEX_BYTES = 16 * 1024 * 1024
MAX_LINE_CHARS = 50_000
MAX_LINES = 200_000
MAX_PARAGRAPH_CHARS = 50_000

# Characters XML 1.0 (and so GraphML and SVG) cannot hold, plus C1 controls a terminal obeys.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACE_LIKE = str.maketrans({"\x0b": " ", "\x0c": " "})


def shown_path(path: str | os.PathLike[str]) -> str:
    """The path as it is printed and stored: undecodable bytes as `\\xNN`, never a lone surrogate."""
    text = os.fspath(path)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _size(count: int) -> str:
    """A byte count for people: '8 MiB', '7.5 GiB', '312 bytes'."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= factor:
            value = count / factor
            return f"{value:.0f} {unit}" if value >= 10 or value.is_integer() else f"{value:.1f} {unit}"
    return f"{count} bytes"


def _special_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular_file(path: Path, what: str, hint: str, limit: int) -> int:
    """The size of `path` after checking, without opening it, that it is a regular file of at most
    `limit` bytes; InputError otherwise (missing, directory, FIFO, device, socket, too large)."""
    shown = shown_path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(shown, "no such file", hint="Check the path") from None
    except OSError as err:
        raise InputError(shown, f"cannot be read ({err.strerror})", hint="Check the path and its permissions"
                         ) from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(shown, f"is a directory, not {what}", hint=hint)
    if not stat.S_ISREG(info.st_mode):
        raise InputError(shown, f"is {_special_kind(info.st_mode)}, not {what}",
                         hint="Give a regular file (save the data to a file first)")
    check_size(shown, info.st_size, what, limit)
    return info.st_size


def check_size(shown: str, size: int, what: str, limit: int) -> None:
    """InputError when `size` bytes is more than `limit`, the most ClaimGraph reads as `what`
    (the file `shown`); the CLI and the explorer's uploads say it the same way."""
    if size > limit:
        raise InputError(shown, f"is {_size(size)} ({size:,} bytes); the most ClaimGraph "
                         f"reads as {what} is {_size(limit)} ({limit:,} bytes)",
                         hint="Split it into smaller files")


def read_bounded(path: Path, what: str, hint: str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (see check_regular_file); the file is
    opened without blocking and re-checked on the open descriptor, and never read past the limit."""
    check_regular_file(path, what, hint, limit)
    shown = shown_path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise InputError(shown, f"cannot be read ({err.strerror})", hint="Check its permissions") from None
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):  # replaced between the check and the open
            raise InputError(shown, f"is not a regular file, not {what}", hint="Give a regular file")
        try:
            # read(n) allocates n bytes first: ask for the file's size (+1, to see growth) rather than
            # the limit (8-16 MiB for every small file), and read on only if the file grew meanwhile
            first = min(limit, status.st_size) + 1
            data = handle.read(first)
            if len(data) == first <= limit:
                data += handle.read(limit + 1 - first)
        except OSError as err:
            raise InputError(shown, f"cannot be read ({err.strerror})", hint="Check the file") from None
    if len(data) > limit:
        raise InputError(shown, f"is larger than {_size(limit)} ({limit:,} bytes), the most ClaimGraph "
                         f"reads as {what}", hint="Split it into smaller files")
    return data


def check_no_nul(data: bytes, path: Path, what: str, hint: str) -> None:
    """InputError naming the line of the first NUL byte: text files have none."""
    position = data.find(b"\x00")
    if position >= 0:
        line = data.count(b"\n", 0, position) + 1
        raise InputError(shown_path(path), f"has a NUL byte (at byte {position:,}): it looks binary, "
                         f"not {what}", line=line, hint=hint)


def normalise_controls(text: str) -> str:
    """Text with vertical tab and form feed as spaces and other control characters as U+FFFD (one
    character for one, so offsets do not move)."""
    if not _CONTROL.search(text) and "\x0b" not in text and "\x0c" not in text:
        return text
    return _CONTROL.sub("\ufffd", text.translate(_SPACE_LIKE))


def normalised(documents: list) -> list:
    """Documents whose text came from a parser (XML, PDF) with control characters normalised as a
    text file's are (normalise_controls: one for one, so spans and layout boxes stay exact)."""
    for document in documents:
        for name in ("text", "title", "author"):
            value = getattr(document, name, "")
            if value:
                setattr(document, name, normalise_controls(value))
    return documents


def check_text_shape(text: str, path: Path) -> None:
    """InputError for more than MAX_LINES lines or a line longer than MAX_LINE_CHARS (linear time)."""
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        raise InputError(shown_path(path), f"has {lines:,} lines; the most ClaimGraph reads is {MAX_LINES:,}",
                         hint="Split it into smaller files")
    start = 0
    number = 1
    for match in re.finditer(r"\r\n|\r|\n", text):
        if match.start() - start > MAX_LINE_CHARS:
            break
        start = match.end()
        number += 1
    else:
        if len(text) - start <= MAX_LINE_CHARS:
            return
    raise InputError(shown_path(path), f"has a line longer than {MAX_LINE_CHARS:,} characters", line=number,
                     hint="Break it into paragraphs with blank lines")


def check_paragraphs(path: Path, text: str, spans: list[tuple[int, int]], numbered: bool = True) -> None:
    """InputError for the first span (a paragraph or list item of `text`) longer than
    MAX_PARAGRAPH_CHARS; `numbered`: `text` is the file's text, so the error can name the line."""
    for start, end in spans:
        if end - start > MAX_PARAGRAPH_CHARS:
            raise InputError(shown_path(path), f"has a paragraph of {end - start:,} characters; the most "
                             f"ClaimGraph reads is {MAX_PARAGRAPH_CHARS:,}",
                             line=text.count("\n", 0, start) + 1 if numbered else None,
                             hint="Break it into shorter paragraphs with blank lines")


# --- what an article is not ------------------------------------------------------------------------

_WORD_PROCESSOR = {".docx", ".doc", ".docm", ".odt", ".rtf", ".pages", ".wpd"}
_SPREADSHEET = {".xlsx", ".xls", ".xlsm", ".ods", ".numbers"}
_DATA = {".json": "JSON", ".jsonl": "JSON lines", ".ndjson": "JSON lines", ".csv": "CSV", ".tsv": "TSV",
         ".yaml": "YAML", ".yml": "YAML", ".sqlite": "a database", ".db": "a database"}
_ARCHIVE = {".zip", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".tar"}
_SOURCE = {".py", ".js", ".mjs", ".ts", ".tsx", ".jsx", ".c", ".h", ".cc", ".cpp", ".hpp", ".java",
           ".go", ".rs", ".rb", ".php", ".sh", ".bash", ".ps1", ".r", ".swift", ".kt", ".scala",
           ".cs", ".pl", ".lua", ".sql", ".ipynb", ".css"}
_ARTICLE_HINT = "Give the article as a .txt, .md, .html, .pdf or JATS/TEI .xml file"


def check_article_suffix(path: Path) -> None:
    """InputError, before reading, for a file whose extension says it is not an article."""
    suffix = path.suffix.lower()
    shown = shown_path(path)
    if suffix == ".bib":
        raise InputError(shown, "is a BibTeX file, not an article",
                         hint="Give it with --bib FILE next to the article it belongs to")
    if suffix in _WORD_PROCESSOR:
        raise InputError(shown, f"is a word-processor document ({suffix}), which ClaimGraph does not read",
                         hint="Save it as plain text (.txt) or a web page (.html) and ingest that")
    if suffix in _SPREADSHEET:
        raise InputError(shown, f"is a spreadsheet ({suffix}), not an article", hint=_ARTICLE_HINT)
    if suffix in _DATA:
        raise InputError(shown, f"is {_DATA[suffix]} data, not an article", hint=_ARTICLE_HINT)
    if suffix in _ARCHIVE:
        raise InputError(shown, f"is an archive ({suffix}), not an article",
                         hint="Unpack it and give the article files inside")
    if suffix in _SOURCE:
        raise InputError(shown, f"is source code ({suffix}), not an article", hint=_ARTICLE_HINT)


# Only [ \t]* at a line start: a \s* there would run on through every following blank line.
_BIB_ENTRY = re.compile(r"^[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(][ \t]*[^\s,{}()]*[ \t]*,", re.M)
_BIB_LINE = re.compile(r"^\s*(?:@\s*[A-Za-z]+\s*[{(].*|[A-Za-z][\w\-]*\s*=\s*.*|[})]\s*,?|%.*)$")
SNIFF_LINES = 400
SNIFF_LINE_CHARS = 300
_CODE_LINE = re.compile(
    r"^(?!\s*(?:[-*+]|\d+[.)])\s)\s*(?:(?:import|from|def|class|if|elif|else|for|while|try|except|finally|with|raise|return|yield"
    r"|assert|pass|break|continue|async|await|lambda|switch|case|package|fn|func|function|const|let|var"
    r"|public|private|protected|static|struct|enum|interface|using|namespace|template|typedef)\b.*[:;{(]"
    r"|#include\b|#!/|@\w+|//|/\*|\*/|[{}\])]+[;,]?\s*$|[\w.\[\]\"']+\s*[-+*/|&%]?=\s*\S"
    r"|[\w.]+\(.*\)\s*[;:]?\s*$|\w[\w.]*\((?:\w+\s*[,=)]|\)).*)"
    r"|(?!\s*(?:[-*+]|\d+[.)])\s).*(?:[;{]|\)\s*(?:->\s*[\w\[\], .|]+)?:|\{.*\}\s*;?)\s*$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")


def check_article_content(path: Path, text: str) -> None:
    """InputError when a plain-text or Markdown file is evidently BibTeX, JSON, CSV or source code."""
    shown = shown_path(path)
    kind = sniff_non_article(text)
    if kind == "bibtex":
        raise InputError(shown, "holds BibTeX entries, not an article",
                         hint="Give it with --bib FILE next to the article it belongs to")
    if kind:
        raise InputError(shown, f"looks like {kind}, not an article", hint=_ARTICLE_HINT)


def sniff_non_article(text: str) -> str:
    """'bibtex', 'JSON data', 'CSV data' or 'source code' when the text is evidently that, else ''."""
    stripped = text.strip()
    if stripped[:1] in "{[" and stripped[-1:] in "}]":
        try:
            json.loads(stripped)
        except ValueError:
            pass
        else:
            return "JSON data"
    head = text[:SNIFF_LINES * SNIFF_LINE_CHARS * 4].splitlines()[:SNIFF_LINES]
    lines = [line[:SNIFF_LINE_CHARS] for line in _outside_fences(head) if line.strip()]
    if not lines:
        return ""
    if _BIB_ENTRY.search("\n".join(lines)) and _share(lines, _BIB_LINE.match) >= 0.6:
        return "bibtex"
    if _looks_tabular(lines):
        return "CSV data"
    if len(lines) >= 5 and _share(lines, _CODE_LINE.match) >= 0.3:
        return "source code"
    return ""


def _share(lines: list[str], test) -> float:
    return sum(1 for line in lines if test(line)) / len(lines)


def _outside_fences(lines: list[str]) -> list[str]:
    """The lines that are not inside Markdown code fences (an article may show code)."""
    kept: list[str] = []
    inside = False
    for line in lines:
        if _FENCE.match(line):
            inside = not inside
        elif not inside:
            kept.append(line)
    return kept


def _looks_tabular(lines: list[str]) -> bool:
    """At least three lines, nine in ten of them with the same number (two or more) of one delimiter,
    and few of them ending a sentence."""
    if len(lines) < 3:
        return False
    for delimiter in (",", "\t", ";"):
        counts = [line.count(delimiter) for line in lines[:200]]
        most = max(set(counts), key=counts.count)
        if most >= 2 and counts.count(most) >= 0.9 * len(counts):
            sentences = sum(1 for line in lines[:200] if re.search(r"[a-z]{2}[.!?]\s*$", line))
            if sentences <= 0.2 * len(counts):
                return True
    return False


# --- HTML ------------------------------------------------------------------------------------------

MAX_HTML_DEPTH = 255


def check_html_depth(path: Path, html: str) -> None:
    """InputError when the page nests elements deeper than the HTML parser reads (libxml2 stops at
    256 levels and drops the rest, so the article would be lost without a word)."""
    import lxml.html

    parser = lxml.html.HTMLParser()
    try:
        lxml.html.document_fromstring(html, parser=parser)
    except Exception as err:  # any parser failure is the file's, in one line
        raise InputError(shown_path(path), f"cannot be parsed as HTML ({_one_line(err)})",
                         hint="Check that it is a web page, or save its text as .txt") from None
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        raise InputError(shown_path(path), f"is too deeply nested: elements more than {MAX_HTML_DEPTH} "
                         "levels deep, the most the HTML parser reads",
                         hint="Save the article's text as .txt")


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text[:200]


def parser_failure(path: str, what: str, err: BaseException, line: int | None = None,
                   hint: str = "") -> InputError:
    """A third-party parser's failure as one InputError line naming the file (and entry)."""
    return InputError(path, f"{what} ({type(err).__name__}: {_one_line(err)})", line=line,
                      hint=hint or "Check the file, or report it if the file is fine")
