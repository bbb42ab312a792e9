"""BibTeX files into References (bibtexparser v2), and References into Source/Author nodes.

Every field is kept (lower-case names), LaTeX-decoded with pylatexenc the way
bibtexparser's LatexDecodingMiddleware does it, braces removed and whitespace
collapsed; verbatim fields (url, doi, eprint, file) are kept as written, so a `%`
in a URL survives. Names are split by bibtexparser's SeparateCoAuthors and
SplitNameParts, then decoded part by part so "{van der Berg}, Jan" stays one family name.
Anything the parser could not read is an InputError naming the file and line, and so is a
key BibTeX itself would refuse (`BIBTEX_KEY`), a value nested deeper than `MAX_BRACE_DEPTH`
braces, or any failure of bibtexparser or pylatexenc (named with the entry and field).
"""

from __future__ import annotations

import gc
import json
import logging
import re
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from graph.model import GraphBatch
from ingest.guards import MAX_BIBTEX_BYTES, parser_failure, shown_path
from ingest.model import InputError, PersonName, Reference
from ingest.textfile import read_text_file

NAME_FIELDS = ("author", "editor")
VERBATIM_FIELDS = frozenset({"url", "doi", "eprint", "file", "pdf", "urldate"})
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")
BIB_HINT = "Give a .bib file with BibTeX entries"
# A key as BibTeX reads it: no white space and none of " # % ' ( ) , = { } (bibtex.web's illegal id
# characters); a backslash is refused too, as biber does.
BIBTEX_KEY = re.compile(r"[^\s\"#%'(),={}\\]+")
# How the entry's key is written: "@type{key," or "@type(key,".
_RAW_KEY = re.compile(r"@\s*\w+\s*[{(]\s*([^,\n{}()]*?)\s*(?:[,{}()\n]|$)")
MAX_BRACE_DEPTH = 32


def read_bibtex(path: str | Path) -> list[Reference]:
    """Every entry of the BibTeX file at `path`, in file order."""
    file_path = Path(path)
    text = read_text_file(file_path, "a BibTeX file", hint=BIB_HINT, limit=MAX_BIBTEX_BYTES)
    return parse_bibtex(text, shown_path(file_path))


def parse_bibtex(text: str, path: str = "<string>") -> list[Reference]:
    """Every entry of BibTeX `text` (`_parse_bibtex`), with what parsing left for the garbage
    collector freed at once."""
    try:
        return _parse_bibtex(text, path)
    finally:
        gc.collect(0)


def _parse_bibtex(text: str, path: str) -> list[Reference]:
    """Every entry of BibTeX `text`; `path` is only used in error messages and References.

    A large file is parsed in chunks split between top-level entries (`_chunk_starts`), each
    chunk's bibtexparser Library dropped once its entries are References, so memory grows with
    the References rather than with bibtexparser's blocks of the whole file. Line numbers count
    from the file's start and duplicate keys are found across chunks; on any error the whole
    text is parsed at once, so every message is exactly the one-pass parse's.
    """
    starts = _chunk_starts(text)
    if len(starts) == 1:
        return _parse_whole(text, path)
    references: list[Reference] = []
    first_line: dict[str, int] = {}
    lines_before = 0
    try:
        for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
            chunk = text[start:end]
            library = _parse_library(chunk, path)
            if library.failed_blocks:
                raise _Retry
            references.extend(_references(library, path, lines_before, first_line))
            lines_before += chunk.count("\n")
            del library, chunk
    except (InputError, _Retry):
        return _parse_whole(text, path)  # the first error, exactly as one pass reports it
    if not references:
        return _parse_whole(text, path)
    return references


class _Retry(Exception):
    """A chunk had a failed block: parse the whole text at once to report it as one pass does."""


CHUNK_CHARS = 64 * 1024  # a chunk's Library peaks near 25x its text: about 1.6 MiB
_BRACE_OR_ENTRY = re.compile(r"[{}]|(?<=\n)[ \t]*@")
_STRING_BLOCK = re.compile(r"@\s*string\s*[{(]", re.I)


def _chunk_starts(text: str) -> list[int]:
    """Offsets where chunks of at least CHUNK_CHARS begin: only an `@` at a line start, outside every
    brace, with nothing but white space since the last closing brace (the end of an entry).
    One chunk when the text is short, defines @string macros (later entries may use them),
    or has a stray closing brace (no safe place to split)."""
    if len(text) <= CHUNK_CHARS or _STRING_BLOCK.search(text):
        return [0]
    starts = [0]
    depth = 0
    closed = -1  # end of the last closing brace at depth 0
    for match in _BRACE_OR_ENTRY.finditer(text):
        char = match.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return [0]
            if depth == 0:
                closed = match.end()
        elif (depth == 0 and closed >= 0 and match.start() - starts[-1] >= CHUNK_CHARS
              and not text[closed:match.start()].strip()):
            starts.append(match.start())
    return starts


def _parse_library(text: str, path: str) -> object:
    """bibtexparser's Library of `text` (names split into parts); its failure as an InputError."""
    import bibtexparser
    from bibtexparser import middlewares

    parser_log = logging.getLogger("bibtexparser")
    level = parser_log.level
    parser_log.setLevel(logging.CRITICAL)  # failures become InputErrors below, not log noise
    try:
        return bibtexparser.parse_string(
            text, append_middleware=[middlewares.SeparateCoAuthors(), _split_name_parts()])
    except Exception as err:  # a third-party parser's failure is the file's, in one line
        raise parser_failure(path, "cannot be parsed as BibTeX", err,
                             hint="Check its braces, commas and quotes") from None
    finally:
        parser_log.setLevel(level)


# A name bibtexparser splits without looking at case or braces: one word, "First Last", or "Last, First
# words", its words separated by single spaces and holding no comma, brace, backslash, tilde or white space.
_NAME_WORD = r"[^\s,{}\\~]+"
_PLAIN_NAME = re.compile(rf"(?P<last>{_NAME_WORD})(?:, (?P<first>{_NAME_WORD}(?: {_NAME_WORD})*)"
                         rf"| (?P<last2>{_NAME_WORD}))?")


@cache
def _name_parts() -> Callable[[str], object]:
    """bibtexparser's `parse_single_name_into_parts`, with the plain names most .bib files hold
    (`_PLAIN_NAME`) split directly into the same parts: one word is the last name; two words are first
    and last; "Last, First words" is one last word and those first words."""
    from bibtexparser.middlewares.names import NameParts, parse_single_name_into_parts

    def name_parts(name: str) -> object:
        plain = _PLAIN_NAME.fullmatch(name)
        if plain is None:
            return parse_single_name_into_parts(name)
        last, first, last2 = plain.group("last", "first", "last2")
        if first is not None:
            return NameParts(first=first.split(" "), last=[last])
        if last2 is not None:
            return NameParts(first=[last], last=[last2])
        return NameParts(last=[last])

    return name_parts


def _split_name_parts() -> object:
    """bibtexparser's SplitNameParts middleware splitting each name with `_name_parts`."""
    return _split_name_parts_class()()


@cache
def _split_name_parts_class() -> type:
    from bibtexparser import middlewares

    class SplitNameParts(middlewares.SplitNameParts):
        def _transform_field_value(self, name: list[str]) -> list[object]:
            if not isinstance(name, list):
                return super()._transform_field_value(name)  # its own error
            split = _name_parts()
            return [split(n) for n in name]

    return SplitNameParts


def _parse_whole(text: str, path: str) -> list[Reference]:
    """Every entry of `text`, parsed in one pass."""
    library = _parse_library(text, path)
    _raise_for_failures(library, path)
    references = _references(library, path, 0, {})
    if not references:
        raise InputError(path, "has no BibTeX entries", hint=BIB_HINT)
    return references


def _references(library: object, path: str, lines_before: int, first_line: dict[str, int]) -> list[Reference]:
    """References of a Library's entries; `lines_before`: lines of the file before its text;
    `first_line`: the line of every key seen so far (case-folded), updated."""
    references: list[Reference] = []
    for entry in library.entries:  # type: ignore[attr-defined]
        line = lines_before + entry.start_line + 1
        if not entry.key.strip():
            raise InputError(path, f"@{entry.entry_type} entry has no key", line=line,
                             hint="Add a citation key after the opening brace")
        _check_key(entry, path, line)
        folded = entry.key.lower()
        if folded in first_line:
            raise _duplicate(path, entry.key, line, first_line[folded])
        first_line[folded] = line
        references.append(_reference(entry, path, line))
    return references


def _raise_for_failures(library: object, path: str) -> None:
    """InputError for the first block bibtexparser could not read."""
    from bibtexparser.model import DuplicateBlockKeyBlock, DuplicateFieldKeyBlock, ParsingFailedBlock

    for block in library.failed_blocks:  # type: ignore[attr-defined]
        line = block.start_line + 1
        if isinstance(block, DuplicateBlockKeyBlock):
            first = next(e.start_line + 1 for e in library.entries  # type: ignore[attr-defined]
                         if e.key == block.key)
            raise _duplicate(path, block.key, line, first)
        if isinstance(block, DuplicateFieldKeyBlock):
            fields = ", ".join(sorted(block.duplicate_keys))
            raise InputError(path, f"entry repeats the field(s) {fields}", line=line,
                             hint="Keep one of each field")
        if isinstance(block, ParsingFailedBlock):
            reason = _failure_reason(block.error)
            raise InputError(path, f"malformed BibTeX entry: {reason}", line=line,
                             hint="Check its braces, commas and quotes")
        raise InputError(path, "malformed BibTeX block", line=line, hint="Check its syntax")


def _check_key(entry: object, path: str, line: int) -> None:
    """InputError for a key BibTeX would not accept, as it is written in the file (bibtexparser cuts
    `x'}) MATCH (n)` down to `x'` and reads on)."""
    raw = getattr(entry, "raw", "") or ""
    written = _RAW_KEY.match(raw.lstrip())
    key = written.group(1) if written else entry.key  # type: ignore[attr-defined]
    if not BIBTEX_KEY.fullmatch(key) or key != entry.key:  # type: ignore[attr-defined]
        shown = key if len(key) <= 60 else key[:57] + "..."
        raise InputError(path, f"the key {shown!r} is not a BibTeX key", line=line,
                         hint="A key has no spaces and none of \" # % ' ( ) , = { } \\ "
                         "(e.g. herman1992trauma)")


def _brace_depth(value: str) -> int:
    """How deep braces nest in `value` (unbalanced closing braces count as nothing)."""
    depth = deepest = 0
    for char in value:
        if char == "{":
            depth += 1
            deepest = max(deepest, depth)
        elif char == "}" and depth:
            depth -= 1
    return deepest


def _failure_reason(error: BaseException | None) -> str:
    """One line saying why bibtexparser gave up on a block."""
    reason = getattr(error, "abort_reason", "") or getattr(error, "message", "") or str(error or "")
    lines = [line.strip() for line in str(reason).splitlines() if line.strip()]
    return lines[0].rstrip(".") if lines else "it cannot be parsed"


def _duplicate(path: str, key: str, line: int, first: int) -> InputError:
    return InputError(path, f"duplicate key '{key}' (first defined on line {first})", line=line,
                      hint="Give each entry its own key")


def _reference(entry: object, path: str, line: int) -> Reference:
    """A Reference from a parsed bibtexparser Entry."""
    fields: dict[str, str] = {}
    people: dict[str, list[PersonName]] = {}
    others: dict[str, bool] = {}
    key = entry.key  # type: ignore[attr-defined]
    for field in entry.fields:  # type: ignore[attr-defined]
        name = sys.intern(field.key.lower())  # one string per field name, not one per entry
        raw = _raw_value(field.value)
        if raw.count("{") > MAX_BRACE_DEPTH and _brace_depth(raw) > MAX_BRACE_DEPTH:  # never deeper than "{"s
            raise InputError(path, f"entry '{key}': field {name} nests braces {_brace_depth(raw)} deep "
                             f"(the most is {MAX_BRACE_DEPTH})", line=line, hint="Remove the extra braces")
        try:
            if name in NAME_FIELDS and isinstance(field.value, list):
                people[name], others[name] = _people(field.value)
                fields[name] = _names_field(people[name], others[name])
            else:
                fields[name] = _decode_field(name, str(field.value))
        except Exception as err:  # pylatexenc's failure on one value: name the entry and field
            raise parser_failure(path, f"entry '{key}': field {name} cannot be decoded as LaTeX", err,
                                 line=line, hint="Check its backslashes and braces") from None
    name_field = "author" if "author" in people else "editor"
    return Reference(
        key=entry.key, entry_type=sys.intern(entry.entry_type.lower()), fields=fields,  # type: ignore[attr-defined]
        authors=people.get(name_field, []), path=path, line=line,
        bibtex=entry.raw, others=others.get(name_field, False),  # type: ignore[attr-defined]
    )


def _raw_value(value: object) -> str:
    """A field's value as text for the brace-depth check; a name list as its parts' representations
    joined, made only when they hold more than MAX_BRACE_DEPTH braces between them (a representation
    adds none, so a list with fewer cannot nest deeper: '' stands for it)."""
    if not isinstance(value, list):
        return str(value)
    braces = 0
    for name in value:
        if not isinstance(name, _name_parts_class()):
            braces = MAX_BRACE_DEPTH + 1  # not split into parts: read as before
            break
        braces += sum(part.count("{") for part in (*name.first, *name.von, *name.last, *name.jr))
    return " ".join(str(p) for p in value) if braces > MAX_BRACE_DEPTH else ""


@cache
def _name_parts_class() -> type:
    from bibtexparser.middlewares.names import NameParts

    return NameParts


def _people(parts_list: list) -> tuple[list[PersonName], bool]:
    """PersonNames from bibtexparser NameParts, and whether the list ended in 'and others'."""
    people: list[PersonName] = []
    others = False
    for parts in parts_list:
        family = decode_latex(" ".join([*parts.von, *parts.last]))
        given = decode_latex(" ".join([*parts.first, *parts.jr]))
        if family.lower() == "others" and not given:
            others = True
            continue
        people.append(PersonName(family=family, given=given))
    return people, others


def _names_field(people: list[PersonName], others: bool) -> str:
    """A decoded name field in BibTeX's own form: 'Family, Given and Family, Given [and others]'."""
    names = [f"{p.family}, {p.given}" if p.given else p.family for p in people]
    return " and ".join([*names, "others"] if others else names)


@cache
def _decoder():
    """pylatexenc's LaTeX-to-text converter, as bibtexparser's LatexDecodingMiddleware sets it up."""
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    context = get_default_latex_context_db()
    context.add_context_category("claimgraph-bibtex", prepend=True,
                                 macros=[MacroTextSpec("url", simplify_repl="%s")])
    return LatexNodes2Text(latex_context=context, keep_braced_groups=False, math_mode="text")


# What only pylatexenc decodes (macros, math, ties, quotes, comments, ...); a value with none of these
# needs only its braces, dashes and '' decoded (`_decode_plain`, which gives pylatexenc's result).
_LATEX_ACTIVE = re.compile(r"[\\$~`%&\r\x0b\x0c]")
_LATEX_SPECIALS = re.compile(r"[\\{}$~\-`'%&]")
_BRACES = re.compile(r"[{}]")
_DASHES = re.compile(r"---|--")


def _decode_plain(value: str) -> str | None:
    """pylatexenc's text of a value whose only LaTeX is balanced braces, `--`, `---` and `''`
    (None when braces are unbalanced): every brace group is text of its own, dashes and quotes
    decoded left to right within it. Nine in ten decoded .bib values are like this (page ranges,
    protected capitals), and pylatexenc costs about 1 ms a call."""
    depth = 0
    for char in _BRACES.findall(value):
        depth += 1 if char == "{" else -1
        if depth < 0:
            return None
    if depth:
        return None
    return "".join(_DASHES.sub(lambda dash: "\u2014" if len(dash.group()) == 3 else "\u2013", piece)
                   .replace("''", "\u201d") for piece in _BRACES.split(value))


def decode_latex(value: str) -> str:
    """Unicode text of a LaTeX value: accents, dashes, quotes decoded, braces gone, spaces collapsed."""
    if not _LATEX_SPECIALS.search(value):
        decoded = value
    elif _LATEX_ACTIVE.search(value) or (decoded := _decode_plain(value)) is None:
        decoded = _decoder().latex_to_text(value)
    return " ".join(decoded.replace("\xa0", " ").split())


def _decode_field(name: str, value: str) -> str:
    """A field's value: verbatim fields keep their characters, the rest are LaTeX-decoded."""
    if name in VERBATIM_FIELDS:
        return " ".join(value.replace("{", "").replace("}", "").split())
    return decode_latex(value)


def bare_doi(doi: str) -> str:
    """A DOI without its resolver prefix: 'https://doi.org/10.1/x' -> '10.1/x'."""
    for prefix in DOI_PREFIXES:
        if doi.lower().startswith(prefix):
            return doi[len(prefix):].strip()
    return doi.strip()


def references_to_batch(references: list[Reference], document_id: str = "") -> GraphBatch:
    """Source nodes (one per work, ingest.works), Author nodes and WRITTEN_BY in byline order."""
    from ingest.works import WorkRegistry, add_works

    registry = WorkRegistry()
    work_ids = list(dict.fromkeys(registry.resolve(ref, document_id) for ref in references))
    batch = GraphBatch()
    add_works(batch, registry, work_ids)
    return batch


def source_properties(reference: Reference) -> dict[str, str]:
    """The Source node's properties (graph.schema NODES[Label.SOURCE]) for a reference."""
    fields = reference.fields
    return {
        "entry_type": reference.entry_type,
        "title": fields.get("title", ""),
        "authors": "; ".join(f"{p.family}, {p.given}" if p.given else p.family for p in reference.authors),
        "year": fields.get("year", ""),
        "venue": fields.get("journal") or fields.get("booktitle") or fields.get("series", ""),
        "volume": fields.get("volume", ""),
        "number": fields.get("number", ""),
        "pages": fields.get("pages", ""),
        "publisher": fields.get("publisher", ""),
        "address": fields.get("address", ""),
        "doi": bare_doi(fields.get("doi", "")),
        "url": fields.get("url", ""),
        "fields_json": json.dumps(fields, ensure_ascii=False, sort_keys=True),
        "bibtex": reference.bibtex,
    }
