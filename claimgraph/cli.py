"""The `claimgraph` command line: ingest articles, list and trace claims, export, run the app.

Only the standard library is imported at start; each command imports what it needs,
so `claimgraph --help` stays fast. User mistakes (bad input files, unknown ids, an
unreachable store) end with one line "claimgraph: error: …" on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

PROG = "claimgraph"
EXIT_USER_ERROR = 2
DEMO_DIR = Path(__file__).resolve().parent.parent / "ingest" / "data"
DEMO_ARTICLE = "trauma-and-relationships.txt"
DEMO_BIB = "references.bib"
SORT_KEYS = ("position", "status", "document_id", "section", "kind", "text")  # graph.model.CLAIM_SORT_KEYS
STATUSES = ("cited", "cited-unresolved", "disputed-by-citation", "anecdotal", "unsupported")  # ClaimStatus
DESIGNS = ("systematic-review", "rct", "cohort", "case-control", "cross-sectional", "case-report",
           "qualitative", "animal-in-vitro", "guideline", "narrative-review", "book", "commentary", "web",
           "dataset-software", "unknown")  # graph.schema.StudyDesign, strongest first
STANCES = ("supporting", "contrasting", "mentioning")  # graph.schema.Stance
KINDS = ("empirical", "definition", "causal", "prescriptive", "evaluative", "personal", "general")
EXPORT_FORMATS = ("json", "graphml", "csv", "cypher", "bibtex", "markdown", "svg", "png", "jsonld",
                  "turtle")  # graph.exports
PICTURE_FORMATS = ("svg", "png")
PICTURE_MAX_NODES = 200  # a picture of more nodes is unreadable; data formats have no default cap


class CliError(Exception):
    """A user mistake caught by the CLI itself; the message is the whole error line."""


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors: 'claimgraph: error: … (see claimgraph CMD --help)'."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{PROG}: error: {message} (see `{self.prog} --help`)\n")


# -- store and filters ----------------------------------------------------------------------------
def open_store(args: argparse.Namespace, read_only: bool = True):
    """The store named by --store / $CLAIMGRAPH_STORE / ./claimgraph.db; opened for writing, with
    ingest's upgrade planner, so an older store is upgraded in place."""
    from graph.store import open_store as open_url

    if read_only:
        return open_url(args.store, read_only=True)
    from ingest.upgrade import PLANNER

    return open_url(args.store, read_only=False, planner=PLANNER)


def claim_filter(args: argparse.Namespace):
    """A ClaimFilter from the shared filter options."""
    from graph.model import ClaimFilter

    return ClaimFilter(status=args.status, document_id=args.document, section=args.section,
                       source_id=getattr(args, "source_key", None), kind=args.kind, text=args.search,
                       design=args.design, only_design=args.only_design, stance=args.stance)


def word_list(allowed: tuple[str, ...], what: str):
    """argparse type: a comma-separated list of words from `allowed`, kept as 'a,b'."""
    def parse(value: str) -> str:
        words = [w.strip() for w in value.split(",") if w.strip()]
        wrong = [w for w in words if w not in allowed]
        if wrong or not words:
            raise argparse.ArgumentTypeError(f"{', '.join(wrong) or repr(value)} is not a {what}: use one or "
                                             f"more of {', '.join(allowed)}, comma-separated")
        return ",".join(words)
    return parse


def add_filter_options(parser: argparse.ArgumentParser, with_source: bool = True) -> None:
    """The claim filters shared by `claims` and `export` (where --source names a neighbourhood)."""
    group = parser.add_argument_group("claim filters")
    group.add_argument("--status", choices=STATUSES, help="only claims with this support")
    group.add_argument("--document", metavar="ID", help="only claims of this document (doc:…)")
    group.add_argument("--section", metavar="S", help="only claims under this section heading")
    if with_source:
        group.add_argument("--source", dest="source_key", metavar="WORK",
                           help="only claims resting on this cited work: its work id, DOI or any "
                           "citing document's key (every article's claims)")
    group.add_argument("--kind", choices=KINDS, help="only claims of this kind")
    group.add_argument("--search", metavar="TEXT", help="only claims whose text contains TEXT (any case)")
    group.add_argument("--design", metavar="D,D", type=word_list(DESIGNS, "study design"),
                       help="only claims whose strongest supporting work is of one of these designs, "
                       "e.g. rct,systematic-review (" + ", ".join(DESIGNS) + ")")
    group.add_argument("--only-design", metavar="D,D", type=word_list(DESIGNS, "study design"),
                       help="only claims every supporting work of which is of these designs, "
                       "e.g. case-report,commentary (resting only on case reports or opinion)")
    group.add_argument("--stance", metavar="S", type=word_list(STANCES, "stance"),
                       help="only claims with a citation of this stance: " + ", ".join(STANCES))


def non_negative(value: str) -> int:
    """argparse type: an integer >= 0."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative: give 0 or more")
    return number


def positive(value: str) -> int:
    """argparse type: an integer >= 1."""
    number = non_negative(value)
    if number == 0:
        raise argparse.ArgumentTypeError("0 is too small: give 1 or more")
    return number


# -- ingest ---------------------------------------------------------------------------------------
def check_files_exist(paths: Sequence[str]) -> None:
    """Fail early, naming the file, when an input path is missing or a directory."""
    for path in paths:
        if not os.path.exists(path):
            raise CliError(f"{path}: no such file. Check the path and try again")
        if os.path.isdir(path):
            raise CliError(f"{path}: is a directory. Give the article or .bib files inside it")


def progress_bar(total_files: int):
    """A rich progress bar on stderr (articles, articles/s, ETA) when stderr is a terminal and there are
    several files, else None. Returns (callback, stop) so the caller can close it."""
    if total_files < 2 or not sys.stderr.isatty():
        return None, lambda: None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        """Articles per second."""

        def render(self, task: Any) -> Text:
            return Text(f"{task.speed:.1f} articles/s" if task.speed else "– articles/s")

    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Rate(),
                   TimeRemainingColumn(), console=Console(file=sys.stderr), transient=True)
    task = bar.add_task("ingesting", total=total_files)
    bar.start()

    def advance(done: int, total: int, message: str) -> None:
        bar.update(task, completed=done, total=total, description=message[-60:])

    return advance, bar.stop


def collect_articles(paths: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """Article files from files and folders (walked recursively, in name order), the .bib files given
    among the paths, and one line per file of a folder that is not an article."""
    from ingest.pipeline import ARTICLE_SUFFIXES

    articles: list[str] = []
    bibs: list[str] = []
    skipped: list[str] = []
    for path in paths:
        if not os.path.exists(path):
            raise CliError(f"{path}: no such file or folder. Check the path and try again")
        if not os.path.isdir(path):
            (bibs if path.lower().endswith(".bib") else articles).append(path)
            continue
        for found in sorted(Path(path).rglob("*")):
            if not found.is_file() or any(part.startswith(".") for part in found.relative_to(path).parts):
                continue
            suffix = found.suffix.lower()
            if suffix in ARTICLE_SUFFIXES:
                articles.append(str(found))
            elif suffix != ".bib":
                suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
                skipped.append(f"skipped {found}: not an article file ({suffixes})")
    if not articles and bibs and len(bibs) == len(paths):
        raise CliError(f"{bibs[0]}: is a BibTeX file, not an article. Give the article it belongs to as well "
                       f"(claimgraph ingest ARTICLE {bibs[0]}, or --bib {bibs[0]})")
    if not articles:
        raise CliError(f"no article files in {', '.join(paths)}: give .txt, .md, .html, .xml or .pdf files "
                       "or folders holding them")
    return articles, bibs, skipped


def ingest_files(articles: Sequence[str], bibs: Sequence[str], registry: Any = None, replace: bool = False,
                 strict: bool = True, jobs: int = 1, part_chars: int | None = None) -> Iterator[Any]:
    """Read and link every input, giving the batch in parts of about `part_chars` characters of
    article text (None: one part) for the caller to write; InputError on bad input, raised before
    the first part."""
    from ingest.pipeline import ingest_parts

    check_files_exist([*articles, *bibs])
    callback, stop = progress_bar(len(articles))
    try:
        yield from ingest_parts(list(articles), list(bibs), progress=callback, registry=registry,
                                replace=replace, strict=strict, jobs=jobs, part_chars=part_chars)
    finally:
        stop()


@dataclass
class IngestTotals:
    """What a whole ingest wrote, summed over its parts: for the summary lines."""

    counts: dict[str, int] = field(default_factory=dict)  # label -> nodes (sources counted once)
    statuses: dict[str, int] = field(default_factory=dict)
    articles_written: int = 0
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    articles: list[Any] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    parts: int = 0
    _sources: set[str] = field(default_factory=set)

    def add(self, result: Any) -> None:
        """Count one part's batch (a work sent again by a later part is counted once)."""
        from graph.schema import Label

        self.parts += 1
        for node in result.batch.nodes:
            if node.label == Label.SOURCE:
                if node.id in self._sources:
                    continue
                self._sources.add(node.id)
            self.counts[node.label] = self.counts.get(node.label, 0) + 1
            if node.label == Label.CLAIM:
                status = node.props.get("status", "")
                self.statuses[status] = self.statuses.get(status, 0) + 1
            if node.label == Label.DOCUMENT and node.props.get("kind") == "article":
                self.articles_written += 1
        self.unresolved += result.unresolved
        self.warnings += result.warnings
        self.articles += result.articles
        self.skipped += result.skipped


def default_jobs() -> int:
    """Worker processes for extraction: every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ingest_summary(totals: IngestTotals) -> str:
    """One line: documents, claims by status, evidence, sources, unresolved citations."""
    from graph.schema import ClaimStatus, Label

    count = {label: totals.counts.get(label, 0) for label in Label}
    by_status = ", ".join(f"{totals.statuses.get(s, 0)} {s}" for s in ClaimStatus)
    unresolved = list(totals.unresolved)
    articles = totals.articles_written
    comments = count[Label.DOCUMENT] - articles
    line = (f"Ingested {_plural(articles, 'article')} and {_plural(comments, 'comment')}: "
            f"{count[Label.CLAIM]} claims ({by_status}), "
            f"{count[Label.EVIDENCE]} evidence, {count[Label.SOURCE]} sources, "
            f"{_plural(len(unresolved), 'unresolved citation')}")
    if unresolved:
        line += ": " + "; ".join(_unresolved_label(u) for u in unresolved)
    return line


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _unresolved_label(item: dict[str, Any]) -> str:
    """An unresolved citation as 'marker (path:line)'."""
    where = f"{item.get('path', '')}:{item['line']}" if item.get("line") else item.get("path", "")
    return f"{item.get('citation', '')} ({where})" if where else str(item.get("citation", ""))


def ingest_into_store(args: argparse.Namespace, articles: Sequence[str], bibs: Sequence[str],
                      replace: bool = False, strict: bool = True) -> IngestTotals:
    """Ingest against the works and articles already in the store, writing it part by part.

    Each part (about PART_CHARS characters of article text; one part for a small ingest) is one
    transaction: a reader sees whole articles only, and a crash keeps every part written before it.
    Every file is read and checked before the first write, so a bad file changes nothing."""
    from ingest.pipeline import PART_CHARS
    from ingest.works import WorkRegistry

    totals = IngestTotals()
    with open_store(args, read_only=False) as store:
        registry = WorkRegistry.from_store(store)
        for part in ingest_files(articles, bibs, registry=registry, replace=replace, strict=strict,
                                 jobs=getattr(args, "jobs", None) or default_jobs(), part_chars=PART_CHARS):
            store.write(part.batch)
            totals.add(part)
    return totals


def article_lines(result: Any) -> list[str]:
    """The per-article summary: claims, cited claims, unresolved citations, one line per article."""
    lines = []
    for item in getattr(result, "articles", []) or []:
        lines.append(f"  {item.document_id}: {_plural(item.claims, 'claim')}, {item.cited} cited, "
                     f"{item.unresolved} unresolved ({item.path})")
    return lines


def cmd_ingest(args: argparse.Namespace) -> None:
    """claimgraph ingest PATH|DIR... [--bib FILE] [--strict] [--replace]"""
    articles, given_bibs, not_articles = collect_articles(args.paths)
    for line in not_articles:
        print(line, file=sys.stderr)
    result = ingest_into_store(args, articles, [*given_bibs, *(args.bib or [])], replace=args.replace,
                               strict=args.strict)
    for warning in getattr(result, "warnings", []) or []:
        print(f"warning: {warning}", file=sys.stderr)
    print(ingest_summary(result))
    lines = article_lines(result)
    if len(lines) > 1:
        print("\n".join(lines))


def cmd_upgrade(args: argparse.Namespace) -> None:
    """claimgraph upgrade: open the store for writing, which upgrades an older schema in place."""
    with open_store(args, read_only=False) as store:
        print(f"{store.describe()} is at schema version {store.schema_version()}")


# -- reading commands -----------------------------------------------------------------------------
def cmd_claims(args: argparse.Namespace) -> None:
    """claimgraph claims [filters] [--limit N] [--offset N] [--sort COL] [--format …]"""
    from claimgraph.lookup import check_named_things, explain_no_claims
    from claimgraph.render import CLAIM_COLUMNS, print_rows

    flt = claim_filter(args)
    with open_store(args) as store:
        check_named_things(store, flt)
        page = store.claims(flt, offset=args.offset, limit=args.limit, order_by=args.sort,
                            descending=args.desc)
        why = explain_no_claims(store, flt) if page.total == 0 else ""
    shown = f"{page.offset + 1}–{page.offset + len(page.rows)}" if page.rows else "none"
    caption = f"claims {shown} of {page.total}; `claimgraph trace ID` shows one"
    print_rows(page.rows, CLAIM_COLUMNS, args.format, caption=caption)
    if why:
        hint(f"no claims: {why}")
    elif not page.rows and page.offset:
        hint(f"--offset {page.offset} is past the last of {page.total} claims")


def hint(message: str) -> None:
    """A line on stderr telling why the answer is empty (stdout stays data)."""
    from claimgraph.render import terminal_safe

    print(f"hint: {terminal_safe(message)}", file=sys.stderr)


def cmd_trace(args: argparse.Namespace) -> None:
    """claimgraph trace CLAIM_ID [--format json]"""
    from claimgraph.lookup import resolve_id
    from claimgraph.render import print_json, print_trace
    from graph.schema import Label

    with open_store(args) as store:
        claim = resolve_id(store, args.claim_id, Label.CLAIM, "claim", "claimgraph claims")
        trace = store.trace(claim)
    if trace is None:
        raise CliError(f"no claim {args.claim_id!r} in the store: list ids with `claimgraph claims`")
    if args.format == "json":
        print_json(trace)
    else:
        print_trace(trace)


def cmd_stats(args: argparse.Namespace) -> None:
    """claimgraph stats [--format json]"""
    from claimgraph.render import json_text, print_stats

    with open_store(args) as store:
        stats, where = store.stats(), store.describe()
    if args.format == "json":
        print(json_text(stats, sort_keys=True))
    else:
        print_stats(stats, where)


def cmd_sources(args: argparse.Namespace) -> None:
    """claimgraph sources [--format …]"""
    from claimgraph.render import print_rows

    with open_store(args) as store:
        rows = store.sources()
    for row in rows:
        row["reference"] = short_reference(row.get("authors", ""), row.get("year", ""))
    columns = ("id", "reference", "keys", "article_count", "claim_count", "title")
    print_rows(rows, columns, args.format, caption=f"{len(rows)} cited works; "
               "`claimgraph claims --source ID|DOI|KEY` lists the claims resting on one")


def short_reference(authors: str, year: str) -> str:
    """'Herman, Judith Lewis' + '1992' -> 'Herman (1992)'; two authors 'A & B', more 'A et al.'."""
    from graph.handout import author_families, cited_as

    return f"{cited_as(author_families(authors)) or '?'} ({year or 'n.d.'})"


def cmd_documents(args: argparse.Namespace) -> None:
    """claimgraph documents [--format …]"""
    from claimgraph.render import print_rows

    with open_store(args) as store:
        rows = store.documents()
    columns = ("id", "kind", "claim_count", "cited", "cited-unresolved", "disputed-by-citation", "anecdotal",
               "unsupported", "date", "title")
    print_rows(rows, columns, args.format, caption=f"{len(rows)} documents")


# -- export ---------------------------------------------------------------------------------------
def export_scope(args: argparse.Namespace, store: Any):
    """The Scope an export covers: a node's neighbourhood, the filtered claims, or everything."""
    from claimgraph.lookup import check_named_things, resolve_id
    from graph.schema import Label
    from graph.store import Scope

    anchors = [(kind, value) for kind, value in (("claim", args.claim), ("source", args.source_node),
                                                  ("node", args.node)) if value]
    if len(anchors) > 1:
        raise CliError("give only one of --claim, --source and --node")
    if anchors:
        kind, given = anchors[0]
        if kind == "source":
            found = store.resolve_source(given)
            if len(found) > 1:
                raise CliError(f"{given!r} names {len(found)} works ({', '.join(found[:5])}): give one id")
            if found:
                return Scope(kind="node", node_id=found[0], depth=args.depth)
        label, listing = {"claim": (Label.CLAIM, "claimgraph claims"),
                          "source": (Label.SOURCE, "claimgraph sources"),
                          "node": (None, "claimgraph claims")}[kind]
        node_id = resolve_id(store, given, label, kind, listing)
        return Scope(kind="node", node_id=node_id, depth=args.depth)
    flt = claim_filter(args)
    check_named_things(store, flt)
    return Scope(kind="filter", filter=flt) if any(vars(flt).values()) else Scope(kind="all")


def write_output(data: bytes | str, output: str, fmt: str) -> None:
    """Write export data to a file, or to stdout for '-' (text formats only)."""
    if output == "-":
        if isinstance(data, bytes):
            raise CliError(f"{fmt} is binary: give --output FILE instead of -")
        sys.stdout.write(data)
        return
    try:
        if isinstance(data, bytes):
            Path(output).write_bytes(data)
        else:
            Path(output).write_text(data, encoding="utf-8")
    except OSError as err:
        raise CliError(f"{output}: cannot write ({err.strerror}). Choose another --output path") from None


def cmd_export(args: argparse.Namespace) -> None:
    """claimgraph export [--claim ID | --source KEY | --node ID] [filters] --format F --output FILE"""
    from claimgraph.lookup import explain_no_claims
    from graph.exports import export

    cap = args.max_nodes
    if cap is None and args.format in PICTURE_FORMATS:
        cap = PICTURE_MAX_NODES
    with open_store(args) as store:
        scope = export_scope(args, store)
        subgraph = store.subgraph(scope, max_nodes=cap)
        why = explain_no_claims(store, scope.filter) if scope.kind == "filter" and not subgraph.nodes else ""
        data = export(subgraph, args.format, store=store, scope=scope.describe())
    write_output(data, args.output, args.format)
    if args.output != "-":
        print(f"Exported {len(subgraph.nodes)} nodes and {len(subgraph.relationships)} relationships "
              f"({scope.describe()}) as {args.format} to {args.output}", file=sys.stderr)
    if why:
        hint(f"nothing to export: {why}")
    if subgraph.truncated:
        given = "--max-nodes" if args.max_nodes is not None else f"a picture's default --max-nodes {cap}"
        print(f"warning: the export stopped at {len(subgraph.nodes)} nodes ({given}): the "
              f"{scope.describe()} has more; raise --max-nodes"
              + (" or leave it out for all of it" if args.max_nodes is not None
                 and args.format not in PICTURE_FORMATS else ""), file=sys.stderr)


def cmd_unresolved(args: argparse.Namespace) -> None:
    """claimgraph unresolved [--format …]: citations no BibTeX entry matches, with file, line, sentence."""
    from claimgraph.render import print_rows

    with open_store(args) as store:
        rows = unresolved_rows(store)
    caption = f"{_plural(len(rows), 'unresolved citation')}: add their entries to a .bib and ingest again"
    print_rows(rows, UNRESOLVED_COLUMNS, args.format, caption=caption)


UNRESOLVED_COLUMNS = ("citation", "path", "line", "reason", "document_id", "claim_id", "sentence")


def unresolved_rows(store: Any) -> list[dict[str, Any]]:
    """Each unresolved citation with the file and line it is on and the claim sentence it supports."""
    from types import SimpleNamespace

    from graph.schema import Label
    from ingest.pipeline import line_in_file

    documents: dict[str, Any] = {}
    rows = []
    for item in store.unresolved_citations():
        doc_id = item.get("document_id", "")
        if doc_id not in documents:
            node = store.node(doc_id)
            props = node.props if node else {}
            documents[doc_id] = SimpleNamespace(text=props.get("text", ""), path=props.get("path", ""),
                                                offset=int(props.get("offset") or 0))
        doc = documents[doc_id]
        claims = [n for n in store.neighbourhood(item["id"], 1).nodes if n.label == Label.CLAIM]
        rows.append({"citation": item.get("marker") or item.get("text", ""), "path": doc.path,
                     "line": line_in_file(doc, int(item.get("start") or 0)) if doc.path else None,
                     "document_id": doc_id, "claim_id": "; ".join(c.id for c in claims),
                     "sentence": " / ".join(str(c.props.get("text", "")) for c in claims),
                     "evidence_id": item["id"], "document_title": item.get("document_title", ""),
                     "reason": item.get("reason", "")})
    return rows


# -- demo and app ---------------------------------------------------------------------------------
def cmd_demo(args: argparse.Namespace) -> int:
    """claimgraph demo [--no-app]: ingest the bundled article, show its claims, start the app."""
    from claimgraph.render import CLAIM_COLUMNS, print_rows
    from graph.model import ClaimFilter

    result = ingest_into_store(args, [str(DEMO_DIR / DEMO_ARTICLE)], [str(DEMO_DIR / DEMO_BIB)], replace=True)
    print(ingest_summary(result))
    with open_store(args) as store:
        page = store.claims(ClaimFilter(), limit=1000)
    print_rows(page.rows, CLAIM_COLUMNS, "table", caption=f"{page.total} claims")
    if args.no_app:
        return 0
    return run_app(args.store, args.port, args.address)


def app_path() -> str:
    """Where app.py is, found as the installed top-level module `app`."""
    import importlib.util

    spec = importlib.util.find_spec("app")
    if spec is None or not spec.origin:
        raise CliError("the explorer app (app.py) is not installed: run `pip install -e .` in the repository")
    return spec.origin


LOOPBACK = "127.0.0.1"
ADDRESS_HELP = "address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 shares it on the network)"


def run_app(store: str | None, port: int | None, address: str = LOOPBACK) -> int:
    """Replace this process with the Streamlit explorer on the store (returns only on a store error).

    It listens on loopback unless `address` says otherwise: the Ingest page writes to the store.
    """
    from graph.store import open_store as open_url
    from graph.store import store_url_from_env

    url = store_url_from_env(store)
    with open_url(url, read_only=True):  # a missing or foreign store fails here, in one line
        pass
    command = [sys.executable, "-m", "streamlit", "run", app_path(), "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--client.toolbarMode", "viewer",
               "--server.address", address]
    if port:
        command += ["--server.port", str(port)]
    env = {**os.environ, "CLAIMGRAPH_STORE": url}
    # Become Streamlit rather than wait on it, so Ctrl-C and SIGTERM reach the server itself
    # and no orphaned server is left behind when this process is stopped.
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, command, env)
    return 0  # not reached: execve replaces this process


def cmd_app(args: argparse.Namespace) -> int:
    """claimgraph app [--port P]"""
    return run_app(args.store, args.port, args.address)


# -- migrate ----------------------------------------------------------------------------------------
def migrate_progress():
    """A progress callback for migrate that rewrites one stderr line, when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def report(stage: str, written: int) -> None:
        print(f"\rcopied {written} {stage}   ", end="", file=sys.stderr, flush=True)

    return report


def cmd_migrate(args: argparse.Namespace) -> None:
    """claimgraph migrate --from SRC --to DST: copy every node and relationship, then verify the copy."""
    from graph.migrate import migrate
    from graph.store import open_store as open_url

    progress = migrate_progress()
    with open_url(args.src, read_only=True) as src, open_url(args.dst) as dst:
        try:
            counts = migrate(src, dst, batch_size=args.batch_size, progress=progress)
        finally:
            if progress:
                print(file=sys.stderr)
        print(f"Migrated {src.describe()} → {dst.describe()}: {counts['nodes']} nodes, "
              f"{counts['relationships']} relationships; stats equal and "
              f"{counts['verified_traces']} sampled traces identical")


# -- parser ---------------------------------------------------------------------------------------
def build_parser() -> Parser:
    """The argument parser with every subcommand."""
    parser = Parser(prog=PROG, description="Claims, the sentences they are made in, and the evidence "
                    "and sources they rest on.")
    add_global_options(parser, default=None)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser = _with_global_options(sub.add_parser)  # every subcommand takes them too
    _add_ingest(sub)
    _add_listing(sub)
    _add_export(sub)
    demo = sub.add_parser("demo", help="ingest the bundled demo article, list its claims, open the app")
    demo.add_argument("--no-app", action="store_true", help="do not start the explorer afterwards")
    demo.add_argument("--port", type=int, help="port for the explorer")
    demo.add_argument("--address", default=LOOPBACK, help=ADDRESS_HELP)
    demo.set_defaults(run=cmd_demo)
    app = sub.add_parser("app", help="open the Streamlit explorer on the store")
    app.add_argument("--port", type=int, help="port to serve on (default: Streamlit's 8501)")
    app.add_argument("--address", default=LOOPBACK, help=ADDRESS_HELP)
    app.set_defaults(run=cmd_app)
    migrate = sub.add_parser("migrate", help="copy a store into another (SQLite ↔ Neo4j)")
    migrate.add_argument("--from", dest="src", required=True, metavar="SRC", help="store to read")
    migrate.add_argument("--to", dest="dst", required=True, metavar="DST", help="store to write")
    migrate.add_argument("--batch-size", type=positive, default=1000,
                         help="nodes or relationships per transaction (default 1000)")
    migrate.set_defaults(run=cmd_migrate)
    return parser


STORE_HELP = "SQLite file or neo4j:// URL (default: $CLAIMGRAPH_STORE or ./claimgraph.db)"


def add_global_options(parser: argparse.ArgumentParser, default: Any) -> None:
    """Options every command takes, before or after the command name.

    The top-level parser sets the real default; each subcommand's copy defaults to
    SUPPRESS so that `claimgraph --store x.db claims` is not reset by the subcommand.
    """
    group = parser.add_argument_group("global options (before or after the command)")
    group.add_argument("--store", metavar="URL", default=default, help=STORE_HELP)


def _with_global_options(add_parser: Any) -> Any:
    """Wrap `subparsers.add_parser` so each new subcommand also accepts the global options."""

    def add(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        command = add_parser(name, **kwargs)
        add_global_options(command, default=argparse.SUPPRESS)
        return command

    return add


def _add_ingest(sub: Any) -> None:
    ingest = sub.add_parser("ingest",
                            help="read articles (files or folders) and their references into the store")
    ingest.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files (.txt, .md, .html, .xml, .pdf) or folders (walked recursively)")
    ingest.add_argument("--bib", action="append", metavar="FILE",
                        help="BibTeX file (repeatable): one whose name matches an article's belongs to it, "
                        "any other applies to every article; a same-name .bib or a references.bib next "
                        "to an article is found by itself")
    ingest.add_argument("--strict", action="store_true",
                        help="any file that cannot be read aborts the ingest, nothing written "
                        "(default: skip it with one line)")
    ingest.add_argument("--replace", action="store_true",
                        help="let an article replace a stored document of the same id read from another file")
    ingest.add_argument("--jobs", "-j", type=positive, metavar="N",
                        help="extract articles in N worker processes (default: all cores); the result is "
                        "the same for any N")
    ingest.set_defaults(run=cmd_ingest)
    upgrade = sub.add_parser("upgrade", help="upgrade a store of an older schema version in place")
    upgrade.set_defaults(run=cmd_upgrade)


def _add_listing(sub: Any) -> None:
    claims = sub.add_parser("claims", help="list claims with their status, evidence and sources")
    add_filter_options(claims)
    claims.add_argument("--limit", type=non_negative, default=50, help="rows to show (default 50)")
    claims.add_argument("--offset", type=non_negative, default=0, help="rows to skip")
    claims.add_argument("--sort", choices=SORT_KEYS, default="position", help="column to sort by")
    claims.add_argument("--desc", action="store_true", help="sort descending")
    claims.add_argument("--format", choices=("table", "csv", "json"), default="table")
    claims.set_defaults(run=cmd_claims)
    trace = sub.add_parser("trace", help="show one claim in its paragraph, with its evidence and sources")
    trace.add_argument("claim_id", metavar="CLAIM_ID", help="a claim id such as claim:1a2b3c4d5e6f, or "
                       "its unique beginning (claim:1a2b, 1a2b3c, any case)")
    trace.add_argument("--format", choices=("text", "json"), default="text")
    trace.set_defaults(run=cmd_trace)
    for name, run, help_text in (("stats", cmd_stats, "counts of nodes, relationships and claims"),
                                 ("sources", cmd_sources, "cited works and how many claims rest on each"),
                                 ("documents", cmd_documents, "documents and their claims by status"),
                                 ("unresolved", cmd_unresolved, "citations no BibTeX entry matches, "
                                  "with file, line and sentence")):
        command = sub.add_parser(name, help=help_text)
        formats = ("table", "json") if name == "stats" else ("table", "csv", "json")
        command.add_argument("--format", choices=formats, default="table")
        command.set_defaults(run=run)


def _add_export(sub: Any) -> None:
    export = sub.add_parser("export", help="export a claim's or source's neighbourhood, filtered claims "
                            "or the whole graph")
    anchor = export.add_argument_group("neighbourhood (pick one)")
    anchor.add_argument("--claim", metavar="ID", help="a claim id")
    anchor.add_argument("--source", dest="source_node", metavar="WORK",
                        help="a cited work: work id, DOI or citing key")
    anchor.add_argument("--node", metavar="ID", help="any node id")
    anchor.add_argument("--depth", type=non_negative, default=2, help="hops around that node (default 2)")
    add_filter_options(export, with_source=False)
    export.add_argument("--max-nodes", type=non_negative, default=None,
                        help=f"stop after this many nodes (default: no cap; {PICTURE_MAX_NODES} for svg/png)")
    export.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    export.add_argument("--output", "-o", required=True, metavar="FILE", help="file to write, - for stdout")
    export.set_defaults(run=cmd_export)


def run(argv: Sequence[str] | None = None) -> int:
    """Parse and run one command; user errors are returned as exit 2 after one line on stderr."""
    args = build_parser().parse_args(argv)
    quiet_library_logs()
    for stream in (sys.stdout, sys.stderr):  # a file name with undecodable bytes prints as \xff
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        status = args.run(args)
    except Exception as err:  # only the user's mistakes become one line; bugs keep their traceback
        if not is_user_error(err):
            raise
        print(f"{PROG}: error: {one_line(err)}", file=sys.stderr)
        return EXIT_USER_ERROR
    return int(status or 0)


def quiet_library_logs() -> None:
    """Keep the Neo4j driver's own warnings off stderr: its failures reach the user as one StoreError line."""
    import logging

    logging.getLogger("neo4j").addHandler(logging.NullHandler())


def is_user_error(err: BaseException) -> bool:
    """Errors that are the user's to fix (bad input, store, ids, formats), not bugs."""
    user_errors: list[type[BaseException]] = [CliError]
    for module, name in (("ingest.model", "InputError"), ("graph.store", "StoreError"),
                         ("graph.exports", "ExportError"), ("claimgraph.lookup", "LookupFailed")):
        loaded = sys.modules.get(module)
        if loaded is not None:
            user_errors.append(getattr(loaded, name))
    return isinstance(err, tuple(user_errors))


def one_line(err: BaseException) -> str:
    """The error message on one line, control characters (from a file name or text) shown escaped."""
    from claimgraph.render import terminal_safe

    return terminal_safe(" ".join(str(err).split()))


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Console-script entry point."""
    try:
        code = run(argv)
    except BrokenPipeError:  # the reader (head, less) went away: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)

