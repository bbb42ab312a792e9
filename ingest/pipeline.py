"""The ingest pipeline: articles + their references -> one GraphBatch, without touching a store.

Per article: read (ingest.readers) -> its own references (`doc.references`, a `--bib` of the same
stem, a same-stem `.bib` next to it or else `references.bib` in its folder, plus every `--bib` no
article claims) -> claims (ingest.claims) -> evidence and challenges (ingest.citations). That
extraction, `extract_article(documents, references)`, is a pure function of the article and its
references, so it can run in a worker process. Then, in input order, every reference is resolved
to a cited work (ingest.works.WorkRegistry, shared by the whole corpus and the store) and the
nodes and relationships are built (graph.model.GraphBatch). No article ever resolves a citation
against another article's references; the cost is linear in the number of articles.

Every input is read and checked before anything is built, so a user mistake raises
ingest.model.InputError and nothing else happens (or, with strict=False, the bad article is
skipped and named in `IngestResult.skipped`). Same input and same store, same batch.
"""

from __future__ import annotations

import bisect
import collections
import contextlib
import gc
import hashlib
import os
import pickle
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.model import GraphBatch, Node, Relationship
from graph.schema import ClaimStatus, EvidenceKind, Label, RelType, document_id, evidence_id, text_sha256
from ingest.citations import (
    Challenge,
    CitedWords,
    EvidenceSpan,
    build_index,
    claim_statuses,
    find_challenge,
    find_evidence,
    marker_numbers,
)
from ingest.claims import ClaimSpan, Unit, document_units, extract_claims
from ingest.model import InputError, LayoutBox, ParsedDocument, Reference
from ingest.support.profile import annotate, document_stances
from ingest.works import ArticleIdentity, WorkRegistry, add_works, normalise_doi, year_of

Progress = Callable[[int, int, str], None]
BIB_SUFFIX = ".bib"
# What `claimgraph ingest DIR` picks up; a file a reader then cannot read is skipped with one line.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm",
                              ".xhtml", ".xml", ".nxml", ".pdf"})
SHARED_BIB = "references.bib"
NUMERIC_MARKER = re.compile(r"[\[(]?\s*\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\s*[\])]?")
FORMATS = {".xml": "jats", ".nxml": "jats", ".tei": "tei", ".pdf": "pdf", ".html": "html", ".htm": "html",
           ".xhtml": "html", ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
           ".mkd": "markdown"}


@dataclass
class ArticleSummary:
    """What one article contributed: for the per-article summary at the end of an ingest."""

    document_id: str
    path: str
    claims: int = 0
    cited: int = 0
    unresolved: int = 0
    references: int = 0


@dataclass
class IngestResult:
    """What one ingest produced: the batch to write, the parsed documents, and what to tell the user."""

    batch: GraphBatch
    documents: list[ParsedDocument]
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    articles: list[ArticleSummary] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@dataclass
class _Analysis:
    """Claims and evidence of one document."""

    doc: ParsedDocument
    units: list[Unit]
    claims: list[ClaimSpan]
    evidence: list[EvidenceSpan]


@dataclass
class Extraction:
    """Everything found in one article (and its comments), before works are resolved."""

    documents: list[ParsedDocument]
    references: list[Reference]
    analyses: list[_Analysis]
    challenges: list[Challenge]
    numbers: dict[str, str]  # reference key -> its number in a numeric reference list
    # evidence id -> (stance, cue) of each citing Evidence: read from the article alone, so it is found
    # here (in the worker) and the main process's `annotate` only looks it up
    stances: dict[str, tuple[str, str]] = field(default_factory=dict)
    # each document's nodes and relationships, built here (in the worker) before works are known
    built: list[_Built] = field(default_factory=list)


# Where a CITES relationship goes before works are resolved (never written: build_result replaces it).
PLACEHOLDER_WORK = "source:\x00unresolved"


@dataclass
class _Built:
    """One document's nodes and relationships as `_add_document` gives them with every reference
    standing for PLACEHOLDER_WORK: one CITES per citing evidence (and one from the document), which
    `build_result` replaces by the real ones once the references are resolved to works."""

    nodes: list[Node]
    relationships: list[Relationship]
    sources: list[list[str]]  # the reference keys of each placeholder CITES from an evidence, in order


@dataclass
class _Article:
    """One article file to ingest, its document id and the .bib files that belong to it."""

    path: Path
    bibs: list[Path]
    doc_id: str = ""


# -- planning: which references belong to which article ----------------------------------------------
def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return str(a) == str(b)


def plan_articles(article_paths: Sequence[str | Path], bib_paths: Sequence[str | Path]) -> list[_Article]:
    """Each article with its own .bib files (claimed --bib, same-stem or references.bib next to it),
    then every --bib that no article claims (it applies to all)."""
    articles = [Path(p) for p in dict.fromkeys(str(p) for p in article_paths)]
    bibs = [Path(p) for p in dict.fromkeys(str(p) for p in bib_paths)]
    by_stem: dict[str, list[Path]] = {}
    for path in articles:
        by_stem.setdefault(path.stem, []).append(path)
    claimed: dict[str, list[Path]] = {}
    shared: list[Path] = []
    for bib in bibs:
        owners = by_stem.get(bib.stem, [])
        if not owners:
            shared.append(bib)
            continue
        near = [a for a in owners if _same(a.parent, bib.parent)] or owners
        for owner in near:
            claimed.setdefault(str(owner), []).append(bib)
    planned = []
    for path in articles:
        own = list(claimed.get(str(path), []))
        beside = path.with_suffix(BIB_SUFFIX)
        if beside.is_file() and path.suffix.lower() != BIB_SUFFIX:
            own.append(beside)
        folder_bib = path.parent / SHARED_BIB
        if not own and folder_bib.is_file():
            own.append(folder_bib)
        chosen: list[Path] = []
        for bib in [*own, *shared]:
            if not any(_same(bib, c) for c in chosen):
                chosen.append(bib)
        planned.append(_Article(path, chosen))
    return planned


def qualified_ids(paths: Sequence[Path], ids: Sequence[str]) -> list[str]:
    """Document ids, those shared by several files told apart: by as many parent folder names as
    it takes ('x1/index.md', 'x2/index.md' -> doc:x1-index, doc:x2-index), or, for files in one
    folder (two files of one DOI), by the file name, then by a digest of the path."""
    result = list(ids)
    groups: dict[str, list[int]] = {}
    for i, doc_id in enumerate(ids):
        groups.setdefault(doc_id, []).append(i)
    for doc_id, members in groups.items():
        if len(members) < 2:
            continue
        bare = doc_id.removeprefix("doc:")
        full = [Path(os.path.abspath(paths[i])) for i in members]
        parts = [path.parent.parts for path in full]
        candidates = [[document_id("-".join([*p[-depth:], bare])) for p in parts]
                      for depth in range(1, max(len(p) for p in parts) + 1)]
        candidates.append([document_id(f"{bare}-{path.stem}") for path in full])
        candidates.append([f"{doc_id}-{hashlib.sha1(str(path).encode()).hexdigest()[:8]}" for path in full])
        names = next(c for c in candidates if len(set(c)) == len(c))
        for i, name in zip(members, names, strict=True):
            result[i] = name
    return result


def _renamed(docs: list[ParsedDocument], new_id: str) -> list[ParsedDocument]:
    """The article and its comments under a new article id (comment ids follow)."""
    old = docs[0].id
    if old == new_id:
        return docs

    def swap(value: str) -> str:
        return new_id + value[len(old):] if value == old or value.startswith(old + "#") else value

    for doc in docs:
        doc.id, doc.root_id, doc.parent_id = swap(doc.id), swap(doc.root_id or old), swap(doc.parent_id)
    return docs


# -- reading -----------------------------------------------------------------------------------------
class _BibCache:
    """Each .bib file read once, however many articles it belongs to."""

    def __init__(self) -> None:
        self._read: dict[str, list[Reference]] = {}

    def references(self, path: Path) -> list[Reference]:
        from ingest.bibtex import read_bibtex

        key = str(path.resolve()) if path.exists() else str(path)
        if key not in self._read:
            self._read[key] = read_bibtex(path)
        return self._read[key]


def article_references(docs: list[ParsedDocument], bibs: Sequence[Path], cache: _BibCache,
                       warnings: list[str]) -> list[Reference]:
    """The article's own reference list, then its .bib entries; a key defined twice keeps the first.

    A printed-list entry that describes a .bib entry (DOI, or ingest.citations.match_reference_entry)
    is that .bib record, at the entry's place and with its printed number as `label`
    (ingest.reflist.merge_with_bib): "(Smith, 2010)" finds one work, not two."""
    from ingest.reflist import merge_with_bib

    references: list[Reference] = []
    seen: dict[str, Reference] = {}
    renamed: dict[str, str] = {}
    candidates = merge_with_bib(docs[0].references, [r for bib in bibs for r in cache.references(bib)],
                                renamed)
    for citation in docs[0].citations if renamed else []:  # markup links follow their entry
        citation.keys = [renamed.get(key, key) for key in citation.keys]
    for ref in candidates:
        folded = ref.key.lower()
        if folded in seen:
            first = seen[folded]
            if first.fields != ref.fields:
                where = f"{first.path}:{first.line}" if first.line else first.path
                warnings.append(f"{ref.path}:{ref.line}: key '{ref.key}' already defined in {where} "
                                f"for {docs[0].path}; keeping the first")
            continue
        seen[folded] = ref
        references.append(ref)
    return references


def _read_article(article: _Article, cache: _BibCache,
                  warnings: list[str]) -> tuple[list[ParsedDocument], list[Reference]]:
    from ingest.readers import read_documents

    docs = read_documents(article.path)
    if not docs:
        raise InputError(str(article.path), "holds no article text", hint="Give an article file")
    docs = _renamed(docs, article.doc_id) if article.doc_id else docs
    return docs, article_references(docs, article.bibs, cache, warnings)


# -- extraction (pure) -------------------------------------------------------------------------------
def extract_article(documents: list[ParsedDocument], references: list[Reference]) -> Extraction:
    """Claims, evidence and challenges of one article and its comments, against its own references.

    A pure function of its arguments: no store, no registry, no other article."""
    index = build_index(references, documents)
    analyses = analyse(documents, index)
    numbers: dict[str, str] = {}
    if any(NUMERIC_MARKER.fullmatch(e.marker.strip()) or marker_numbers(e.marker) is not None
           for a in analyses for e in a.evidence if e.kind == EvidenceKind.CITATION):
        for number, key in sorted(index.numbers.items()):
            numbers.setdefault(key, str(number))
    for ref in references:
        label = ref.label.strip("[](). ")
        if label.isdigit():
            numbers[ref.key] = label
    extraction = Extraction(documents, references, analyses, find_challenges(analyses), numbers)
    extraction.built, extraction.stances = prebuilt_documents(extraction)
    return extraction


def prebuilt_documents(extraction: Extraction) -> tuple[list[_Built], dict[str, tuple[str, str]]]:
    """Each document's nodes and relationships (`_Built`), and the stance of every citing Evidence by
    evidence id (ingest.support.profile.document_stances).

    Both need the article alone (a stance is read from the citing document's text, evidence and
    claims, never from the cited work), so they are made where the article is extracted; the ids and
    spans are those `_add_document` gives."""
    contested = {claim for ch in extraction.challenges for claim in ch.claim_ids}
    placeholder: dict[str, str] = {}
    built: list[_Built] = []
    nodes: list[Node] = []
    relationships: list[Relationship] = []
    for analysis in extraction.analyses:
        keyed = [list(item.sources) for item in analysis.evidence if item.sources]
        placeholder.update((key, PLACEHOLDER_WORK) for keys in keyed for key in keys)
        batch = GraphBatch()
        _add_document(batch, analysis, contested, placeholder, extraction.numbers)
        built.append(_Built(batch.nodes, batch.relationships, keyed))
        nodes += batch.nodes
        relationships += batch.relationships
    return built, document_stances(nodes, relationships)


def _add_built(batch: GraphBatch, built: _Built, works: dict[str, str], numbers: dict[str, str]) -> None:
    """A prebuilt document into the batch, its placeholder CITES replaced by those to the works its
    reference keys resolved to: the same nodes and relationships, in the same order, as
    `_add_document` with `works`."""
    batch.nodes += built.nodes
    document = built.nodes[0].id
    keyed = iter(built.sources)
    cited: dict[str, list[str]] = {}
    for rel in built.relationships:
        if rel.end != PLACEHOLDER_WORK:
            batch.relationships.append(rel)
            continue
        if rel.start == document:  # the document's own CITES: rebuilt below, from every evidence's
            continue
        by_work: dict[str, list[str]] = {}
        for key in next(keyed):
            by_work.setdefault(works[key], []).append(key)
        for work, keys in by_work.items():
            batch.add_rel(RelType.CITES, rel.start, work, **_cites_props(keys, numbers))
            cited.setdefault(work, [])
            cited[work] += [k for k in keys if k not in cited[work]]
    for work, keys in cited.items():
        batch.add_rel(RelType.CITES, document, work, **_cites_props(keys, numbers))


def _header(docs: list[ParsedDocument]) -> ArticleIdentity:
    """What the corpus needs to know of an article before it is extracted."""
    article = docs[0]
    return ArticleIdentity(article.id, str(article.path), text_sha256(article.text),
                           normalise_doi(article.doi), article.title, article.author, year_of(article.date))


def _extract_item(item: _Held) -> Extraction:
    """extract_article of a held article (loaded from its temporary file if it was spilled), under its
    qualified id."""
    if item.spilled:
        with open(item.spilled, "rb") as handle:
            docs, refs = pickle.load(handle)
        os.unlink(item.spilled)
    else:
        docs, refs = item.docs, item.refs
    assert docs is not None and refs is not None
    return extract_article(_renamed(docs, item.doc_id), refs)


def _extract_held(held: list[_Held], jobs: int, pool: Any) -> Iterator[Extraction]:
    """_extract_item over the held articles, in input order, on the pool's workers when there is one.

    Extraction is pure, so worker processes give the same results as one; an article goes out (as a
    file name when it was spilled) and comes back pickled, at most IN_FLIGHT (or 2 × jobs) in flight:
    enough that the workers keep extracting while this process builds and writes a part."""
    if pool is None:
        for i, item in enumerate(held):
            yield _extract_item(item)
            held[i] = _Held(item.header, item.doc_id)  # let what was read go
        return
    pending: collections.deque[Any] = collections.deque()
    window = max(2 * jobs, IN_FLIGHT)
    for i, item in enumerate(held):
        pending.append(pool.submit(_extract_item, item))
        held[i] = _Held(item.header, item.doc_id)
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


# Articles being extracted or extracted and waiting, at most: more than one part's worth (a part is ~1M
# characters, about 15 real articles), so the workers do not wait while a part is built and written.
IN_FLIGHT = 32
_WORKER_BIBS: _BibCache | None = None


def _read_held(article: _Article, cache: _BibCache, spill_dir: str | None, index: int) -> _ReadOutcome:
    """_read_article as a _Held (pickled to `spill_dir` when given): (held, warnings, InputError fields)."""
    warnings: list[str] = []
    try:
        docs, refs = _read_article(article, cache, warnings)
    except InputError as err:  # rebuilt by the caller: InputError does not unpickle by itself
        return None, warnings, (err.path, err.message, err.line, err.hint)
    item = _Held(_header(docs), docs[0].id)
    if spill_dir is None:
        item.docs, item.refs = docs, refs
    else:
        item.spilled = os.path.join(spill_dir, f"{index}.pickle")
        with open(item.spilled, "wb") as handle:
            pickle.dump((docs, refs), handle, protocol=pickle.HIGHEST_PROTOCOL)
    return item, warnings, None


def _read_one(job: tuple[_Article, str | None, int]) -> _ReadOutcome:
    """_read_held in a worker process, with that worker's .bib cache."""
    global _WORKER_BIBS
    _WORKER_BIBS = _WORKER_BIBS or _BibCache()
    article, spill_dir, index = job
    return _read_held(article, _WORKER_BIBS, spill_dir, index)


def _read_all(planned: list[_Article], pool: Any,
              spill_dir: str | None) -> Iterator[tuple[_Article, _Held | None, list[str], InputError | None]]:
    """(article, held, warnings, InputError or None) per planned article, in order."""
    if pool is None:
        cache = _BibCache()
        found = (_read_held(article, cache, spill_dir, i) for i, article in enumerate(planned))
    else:
        found = pool.map(_read_one, [(article, spill_dir, i) for i, article in enumerate(planned)])
    for article, (item, warnings, error) in zip(planned, found, strict=True):
        yield article, item, warnings, InputError(*error) if error else None


def analyse(documents: list[ParsedDocument], index: Any) -> list[_Analysis]:
    """Claims and evidence of every document, in input order."""
    analyses = []
    cited_words = CitedWords()  # the article's, then its comments': for nicknames of cited works
    for doc in documents:
        units = document_units(doc)
        claims = extract_claims(doc, units)
        evidence = find_evidence(doc, units, claims, index, cited_words)
        analyses.append(_Analysis(doc, units, claims, evidence))
    return analyses


def find_challenges(analyses: list[_Analysis]) -> list[Challenge]:
    """Comments that dispute the article they belong to."""
    by_id = {a.doc.id: a for a in analyses}
    challenges = []
    for analysis in analyses:
        doc = analysis.doc
        if doc.kind != "comment" or doc.root_id not in by_id:
            continue
        found = find_challenge(doc, analysis.units, doc.root_id, by_id[doc.root_id].claims)
        if found:
            challenges.append(found)
    return challenges


# -- the whole ingest ----------------------------------------------------------------------------------
# A corpus ingest is written in parts of about this much article text, each one transaction: memory
# stays bounded by one part, whatever the number of articles (issue #12 item 8, issue #9 item 3).
PART_CHARS = 1_000_000
# gc thresholds during an ingest (Python's default: 700, 10, 10): see _fewer_collections
GC_THRESHOLDS = (100_000, 50, 100)
# Above this many articles, what was read is kept in a temporary folder until it is extracted,
# not in memory (pickled by the worker that read it).
SPILL_AFTER = 16


def ingest_paths(article_paths: Sequence[str | Path], bib_paths: Sequence[str | Path],
                 progress: Progress | None = None, registry: WorkRegistry | None = None,
                 replace: bool = False, strict: bool = True, jobs: int = 1) -> IngestResult:
    """Read articles (with their comments) and their references and build the graph batch.

    `registry` holds the works and articles already in the store (WorkRegistry.from_store), so
    re-ingest gives every work its old id. strict=False skips an article that cannot be read (named
    in `skipped` and a warning) instead of raising. `replace` lets an article take over a stored
    document id that another file had. `jobs` > 1 extracts articles in that many worker processes
    (results in input order, so the batch is the same as with one). The whole ingest is one batch;
    `ingest_parts` gives it in parts of bounded size instead."""
    parts = list(ingest_parts(article_paths, bib_paths, progress, registry, replace, strict, jobs,
                              part_chars=None))
    return parts[0]


def ingest_parts(article_paths: Sequence[str | Path], bib_paths: Sequence[str | Path],
                 progress: Progress | None = None, registry: WorkRegistry | None = None,
                 replace: bool = False, strict: bool = True, jobs: int = 1,
                 part_chars: int | None = PART_CHARS) -> Iterator[IngestResult]:
    """`ingest_paths` in parts: one IngestResult per run of articles holding about `part_chars`
    characters of text (None: one part), each to be written in its own transaction, in order.

    Every article is read and checked before the first part is given, so a bad file (strict) raises
    InputError before anything can be written. The registry is shared by the parts, so work ids,
    merged records and IN_CORPUS links are those of the one-batch ingest; a work cited in several
    parts is sent again, complete so far, with each. The first part carries the reading warnings and
    the skipped files."""
    registry = registry or WorkRegistry()
    planned, report, jobs = _plan(article_paths, bib_paths, progress, jobs)
    with _fewer_collections():
        yield from _ingest_parts(planned, report, progress, registry, replace, strict, jobs, part_chars)


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector run less often while an ingest runs, then as before.

    An ingest allocates millions of objects, most kept (the registry, the part being built), and with
    the default thresholds every older-generation collection walks all of them again: 22 full
    collections made a quarter of the main process's CPU on a 200-article ingest (20.2 -> 14.9 s).
    Memory is freed by reference counting as before; only cycles wait longer."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _ingest_parts(planned: list[_Article], report: Callable[[int, str], None], progress: Progress | None,
                  registry: WorkRegistry, replace: bool, strict: bool, jobs: int,
                  part_chars: int | None) -> Iterator[IngestResult]:
    """ingest_parts once the articles are planned."""
    from ingest.spill import spill_directory

    steps = len(planned)
    spill = spill_directory(part_chars is not None and len(planned) > SPILL_AFTER)  # stale ones go first
    with spill as spill_dir, _worker_pool(jobs) as pool:
        held, warnings, skipped = _read_checked(planned, report, registry, replace, strict, pool, spill_dir)
        written: set[str] = set()
        part: list[Extraction] = []
        size = 0
        first = True
        for done, extraction in enumerate(_extract_reported(held, len(skipped), jobs, pool, report)):
            part.append(extraction)
            size += sum(len(d.text) for d in extraction.documents)
            if part_chars is not None and size >= part_chars and done + 1 < len(held):
                yield _part_result(part, registry, warnings if first else [], skipped if first else [],
                                   written)
                first, part, size = False, [], 0
        if progress:
            progress(steps, steps, "resolving cited works")
        yield _part_result(part, registry, warnings if first else [], skipped if first else [], written)
        if progress:
            progress(steps, steps, "done")


def _part_result(part: list[Extraction], registry: WorkRegistry, warnings: list[str], skipped: list[str],
                 written: set[str]) -> IngestResult:
    """One part's batch; its articles then count as stored for the parts after it."""
    result = build_result(part, registry, warnings, also_stored=written)
    result.skipped = list(skipped)
    written.update(e.documents[0].id for e in part)
    return result


PR_SET_PDEATHSIG = 1  # prctl(2): the signal this process gets when the thread that made it ends


def _exit_with_parent(parent_pid: int) -> None:
    """In a worker: end when the ingest process ends, however it ends (a SIGKILL leaves no one to
    shut the pool down); Linux's parent-death signal, and an exit if the parent is already gone."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown is all there is
        return
    if os.getppid() != parent_pid:
        os._exit(1)


@contextlib.contextmanager
def _worker_pool(jobs: int) -> Iterator[Any]:
    """A process pool of `jobs` workers (None for one: everything runs in this process)."""
    if jobs == 1:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_exit_with_parent, initargs=(os.getpid(),))
    try:
        yield pool
    finally:
        pool.shutdown(cancel_futures=True)


def extract_paths(article_paths: Sequence[str | Path], bib_paths: Sequence[str | Path],
                  progress: Progress | None = None, registry: WorkRegistry | None = None,
                  replace: bool = False, strict: bool = True,
                  jobs: int = 1) -> tuple[list[Extraction], list[str], list[str]]:
    """Every article read, given its document id and extracted (`extract_article`, on `jobs`
    processes), before any work is resolved: (extractions, warnings, skipped). `registry` is only
    read, for stored-id clashes."""
    registry = registry or WorkRegistry()
    planned, report, jobs = _plan(article_paths, bib_paths, progress, jobs)
    with _worker_pool(jobs) as pool:
        held, warnings, skipped = _read_checked(planned, report, registry, replace, strict, pool, None)
        extractions = list(_extract_reported(held, len(skipped), jobs, pool, report))
    return extractions, warnings, skipped


def _plan(article_paths: Sequence[str | Path], bib_paths: Sequence[str | Path], progress: Progress | None,
          jobs: int) -> tuple[list[_Article], Callable[[int, str], None], int]:
    """The planned articles (InputError when there are none), a progress reporter over them, and the
    number of worker processes worth starting for them."""
    planned = plan_articles(article_paths, bib_paths)
    if not planned:
        raise InputError("(no articles)", "nothing to ingest", hint="Give at least one article file.")

    def report(done: int, message: str) -> None:
        if progress:
            progress(done, len(planned), message)

    return planned, report, max(1, min(jobs, len(planned)))


def _extract_reported(held: list[_Held], skipped: int, jobs: int, pool: Any,
                      report: Callable[[int, str], None]) -> Iterator[Extraction]:
    """_extract_held, reporting each article's progress (after the `skipped` unreadable ones)."""
    for done, extraction in enumerate(_extract_held(held, jobs, pool)):
        report(done + 1 + skipped, f"{extraction.documents[0].path}")
        yield extraction


@dataclass
class _Held:
    """One article read and checked, waiting to be extracted: its documents and references, or the
    temporary file they were pickled to; `doc_id` is the id it is to be extracted under."""

    header: ArticleIdentity
    doc_id: str
    docs: list[ParsedDocument] | None = None
    refs: list[Reference] | None = None
    spilled: str = ""


# What reading one article gives: (held, warnings, InputError fields or None).
_ReadOutcome = tuple[_Held | None, list[str], tuple[Any, ...] | None]


def _read_checked(planned: list[_Article], report: Callable[[int, str], None], registry: WorkRegistry,
                  replace: bool, strict: bool, pool: Any,
                  spill_dir: str | None) -> tuple[list[_Held], list[str], list[str]]:
    """Read every article (on the pool's workers too), name it, check it: (held, warnings, skipped)."""
    warnings: list[str] = []
    held: list[_Held] = []
    failed: list[InputError] = []
    for article, item, found, error in _read_all(planned, pool, spill_dir):
        report(len(held) + len(failed), f"reading {article.path}")
        warnings += found
        if error is not None:
            if strict:
                raise error
            failed.append(error)
            warnings.append(f"skipped {error}")
            continue
        held.append(item)
    skipped = [str(err) for err in failed]
    if not held:
        if len(failed) == 1:
            raise failed[0]
        raise InputError(failed[0].path, f"none of the {len(failed)} articles could be read ({failed[0]})",
                         hint="Fix or leave out the files named")
    ids = qualified_ids([Path(h.header.path) for h in held], [h.header.id for h in held])
    for item, new_id in zip(held, ids, strict=True):
        item.doc_id = new_id
    _check_stored_ids(held, registry, replace)
    return held, warnings, skipped


def _check_stored_ids(held: list[_Held], registry: WorkRegistry, replace: bool) -> None:
    """A stored article with the same id read from another file (and other text) is an InputError."""
    if replace:
        return
    for item in held:
        stored = registry.stored_articles.get(item.doc_id)
        if stored is None or not stored.path or _same(Path(stored.path), Path(item.header.path)):
            continue
        if stored.sha256 == item.header.sha256:
            continue
        raise InputError(item.header.path, f"its document id {item.doc_id} is already used in the store by "
                         f"{stored.path}", hint="Rename one of the files, or give --replace to replace "
                         "that document")


def ingest_text(text: str, name: str, bib_text: str | None = None,
                registry: WorkRegistry | None = None) -> IngestResult:
    """Ingest an article given as text (an upload, a test); `name` is its file name."""
    file_name = Path(name).name or "article.txt"
    if not Path(file_name).suffix:
        file_name += ".txt"
    with tempfile.TemporaryDirectory(prefix="claimgraph-") as tmp:
        article = Path(tmp) / file_name
        article.write_text(text, encoding="utf-8")
        bibs = []
        if bib_text is not None:
            bib = Path(tmp) / (Path(file_name).stem + ".bib")
            bib.write_text(bib_text, encoding="utf-8")
            bibs.append(bib)
        shown = {str(article): name, **{str(b): b.name for b in bibs}}
        try:
            result = ingest_paths([article], bibs, registry=registry, replace=True)
        except InputError as err:
            where = name if Path(err.path).name == file_name else f"{Path(file_name).stem}.bib"
            raise InputError(where, err.message, err.line, err.hint) from None
    _rename_paths(result, shown)
    return result


def _rename_paths(result: IngestResult, shown: dict[str, str]) -> None:
    """Replace temporary file paths by the names the user gave, everywhere they appear."""
    for doc in result.documents:
        doc.path = shown.get(str(doc.path), str(doc.path))
    for node in result.batch.nodes:
        if node.label == Label.DOCUMENT:
            node.props["path"] = shown.get(node.props["path"], node.props["path"])
        if node.label == Label.SOURCE:
            for old, new in shown.items():
                node.props["records_json"] = node.props["records_json"].replace(
                    _json_str(old), _json_str(new))
    for item in result.unresolved:
        item["path"] = shown.get(item["path"], item["path"])
    for summary in result.articles:
        summary.path = shown.get(summary.path, summary.path)
    for old, new in shown.items():
        result.warnings = [w.replace(old, new) for w in result.warnings]


def _json_str(value: str) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


# -- building the batch ----------------------------------------------------------------------------------
def build_result(extractions: list[Extraction], registry: WorkRegistry,
                 warnings: list[str] | None = None, also_stored: set[str] | None = None) -> IngestResult:
    """Resolve every article's references to works and turn everything into the batch (deterministic).

    `also_stored`: ids of articles written since the registry was loaded (earlier parts of an
    ingest), which IN_CORPUS links may point to."""
    warnings = list(warnings or [])
    warnings_before = len(registry.warnings)
    batch = GraphBatch(replaces=[d.id for e in extractions for d in e.documents if d.kind == "article"])
    unresolved: list[dict[str, Any]] = []
    summaries: list[ArticleSummary] = []
    touched: dict[str, None] = {}
    for extraction in extractions:
        registry.add_article(_header(extraction.documents))
    for extraction in extractions:
        article = extraction.documents[0]
        works = {ref.key: registry.resolve(ref, article.id) for ref in extraction.references}
        touched.update(dict.fromkeys(works.values()))
        contested = {claim for ch in extraction.challenges for claim in ch.claim_ids}
        summary = ArticleSummary(article.id, str(article.path), references=len(extraction.references))
        built, extraction.built = extraction.built, []  # its nodes go into this batch: used once
        for i, analysis in enumerate(extraction.analyses):
            if built:
                _add_built(batch, built[i], works, extraction.numbers)
            else:
                _add_document(batch, analysis, contested, works, extraction.numbers)
            found = _unresolved(analysis)
            unresolved.extend(found)
            summary.claims += len(analysis.claims)
            summary.unresolved += len(found)
        summaries.append(summary)
        for doc in extraction.documents:
            if doc.parent_id:
                batch.add_rel(RelType.REPLIES_TO, doc.id, doc.parent_id)
        for challenge in extraction.challenges:
            batch.add_rel(RelType.CHALLENGES, challenge.comment_id, challenge.target_id,
                          reason=challenge.reason)
            for claim in challenge.claim_ids:
                batch.add_rel(RelType.CHALLENGES, challenge.comment_id, claim, reason=challenge.reason)
    designs = add_works(batch, registry, list(touched))
    _add_corpus_links(batch, registry, extractions, list(touched))
    stances = {k: v for e in extractions for k, v in e.stances.items()}
    # design, stance and support profile (ingest.support)
    annotate(batch.nodes, batch.relationships, stances=stances, record_designs=designs)
    _count_cited(batch, summaries)
    warnings += registry.warnings[warnings_before:]
    for item in unresolved:
        warnings.append(unresolved_warning(item))
    links = [r for r in batch.relationships if r.type == RelType.IN_CORPUS]
    stored = {r.start for r in links if r.start in registry.works}
    stored |= {r.end for r in links if r.end in registry.stored_articles or r.end in (also_stored or ())}
    batch.validate(stored)
    documents = [d for e in extractions for d in e.documents]
    return IngestResult(batch, documents, unresolved, warnings, summaries)


def _count_cited(batch: GraphBatch, summaries: list[ArticleSummary]) -> None:
    """Each article's count of cited claims once stances are known (disputed-by-citation is not cited)."""
    root_of = {n.id: n.props.get("root_id", n.id) for n in batch.nodes_by_label(Label.DOCUMENT)}
    cited: dict[str, int] = {}
    for claim in batch.nodes_by_label(Label.CLAIM):
        if claim.props.get("status") == ClaimStatus.CITED:
            root = root_of.get(claim.props.get("document_id", ""), "")
            cited[root] = cited.get(root, 0) + 1
    for summary in summaries:
        summary.cited = cited.get(summary.document_id, 0)


def _add_corpus_links(batch: GraphBatch, registry: WorkRegistry, extractions: list[Extraction],
                      work_ids: list[str]) -> None:
    """IN_CORPUS from a cited work to the ingested article it is, whichever came first."""
    links: set[tuple[str, str]] = set()
    for work_id in work_ids:
        article = registry.article_for_work(work_id)
        if article:
            links.add((work_id, article))
    for extraction in extractions:
        article = registry.articles[extraction.documents[0].id]
        for work_id in registry.works_for_article(article):
            links.add((work_id, article.id))
    for work_id, article in sorted(links):
        batch.add_rel(RelType.IN_CORPUS, work_id, article)


def document_format(path: str | Path) -> str:
    return FORMATS.get(Path(path).suffix.lower(), "plain")


def _document_props(doc: ParsedDocument) -> dict[str, Any]:
    return {
        "kind": doc.kind, "title": doc.title, "author": doc.author, "date": doc.date, "url": doc.url,
        "sha256": text_sha256(doc.text), "text": doc.text, "path": str(doc.path), "offset": doc.offset,
        "root_id": doc.root_id or doc.id, "parent_id": doc.parent_id, "position": doc.position,
        "doi": normalise_doi(doc.doi), "format": document_format(doc.path),
    }


def place(layout: list[LayoutBox], starts: list[int], start: int, end: int) -> tuple[int, str]:
    """(page, 'x0,y0,x1,y1') of a text span from the PDF layout: the page its first character is on
    and the union of the boxes on that page the span overlaps; (0, '') when unknown."""
    i = bisect.bisect_right(starts, start) - 1
    if i < 0 or not layout[i].start <= start < max(layout[i].end, layout[i].start + 1):
        return 0, ""
    page = layout[i].page
    boxes = []
    while i < len(layout) and layout[i].start < max(end, start + 1):
        if layout[i].page == page:
            boxes.append(layout[i].bbox)
        i += 1
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return page, ",".join(f"{v:.1f}" for v in (x0, y0, x1, y1))


def _add_document(batch: GraphBatch, analysis: _Analysis, contested: set[str], works: dict[str, str],
                  numbers: dict[str, str]) -> None:
    """Document node, its claims and evidence, and the relationships among them and to works."""
    doc = analysis.doc
    layout = sorted(doc.layout, key=lambda b: (b.start, b.end))
    starts = [b.start for b in layout]
    batch.add_node(Label.DOCUMENT, doc.id, **_document_props(doc))
    statuses = claim_statuses(len(analysis.claims), analysis.evidence)
    for index, claim in enumerate(analysis.claims):
        page, bbox = place(layout, starts, claim.start, claim.end)
        batch.add_node(Label.CLAIM, claim.id, text=claim.text, document_id=doc.id, section=claim.section,
                       start=claim.start, end=claim.end, paragraph_start=claim.paragraph_start,
                       paragraph_end=claim.paragraph_end, position=claim.position, kind=claim.kind,
                       status=statuses[index], contested=claim.id in contested,
                       page=page, bbox=bbox)
        batch.add_rel(RelType.MAKES, doc.id, claim.id)
    cited: dict[str, list[str]] = {}
    occurrences: dict[tuple[str, str], int] = {}
    for item in analysis.evidence:
        text = doc.text[item.start:item.end]
        occurrence = occurrences.get((item.kind, " ".join(text.split())), 0)
        occurrences[(item.kind, " ".join(text.split()))] = occurrence + 1
        node_id = evidence_id(doc.id, item.kind, text, occurrence)
        page, bbox = place(layout, starts, item.start, item.end)
        props: dict[str, Any] = {"text": text, "document_id": doc.id, "start": item.start, "end": item.end,
                                 "kind": item.kind, "marker": item.marker, "page": page, "bbox": bbox}
        if item.kind in (EvidenceKind.CITATION, EvidenceKind.QUOTE):
            props["resolved"] = bool(item.resolved)
            if not item.resolved:
                props["reason"] = item.reason or UNKNOWN_REASON
        batch.add_node(Label.EVIDENCE, node_id, **props)
        for claim_index in item.supports:
            batch.add_rel(RelType.SUPPORTED_BY, analysis.claims[claim_index].id, node_id)
        by_work: dict[str, list[str]] = {}
        for key in item.sources:
            by_work.setdefault(works[key], []).append(key)
        for work, keys in by_work.items():
            batch.add_rel(RelType.CITES, node_id, work, **_cites_props(keys, numbers))
            cited.setdefault(work, [])
            cited[work] += [k for k in keys if k not in cited[work]]
    for work, keys in cited.items():
        batch.add_rel(RelType.CITES, doc.id, work, **_cites_props(keys, numbers))


def _cites_props(keys: list[str], numbers: dict[str, str]) -> dict[str, str]:
    return {"key": ", ".join(keys), "number": ", ".join(numbers[k] for k in keys if k in numbers)}


def _unresolved(analysis: _Analysis) -> list[dict[str, Any]]:
    """Citations of a document that match no reference, with the line they are on."""
    doc = analysis.doc
    items = [item for item in analysis.evidence if item.kind == EvidenceKind.CITATION and not item.resolved]
    if not items:
        return []
    lines = LineFinder(doc)
    return [{"citation": item.marker, "document_id": doc.id, "path": str(doc.path),
             "line": lines.line(item.start), "reason": item.reason or UNKNOWN_REASON} for item in items]


UNKNOWN_REASON = "no reference of the article's list or .bib matches it"


def unresolved_warning(item: dict[str, Any]) -> str:
    """The ingest warning of one unresolved citation: where it is, the marker and why it matched
    no reference ('a.md:3: citation [27] matches no reference: no reference is numbered 27 …')."""
    return (f"{item['path']}:{item['line']}: citation {item['citation']} matches no reference: "
            f"{item.get('reason') or UNKNOWN_REASON}")


class LineFinder:
    """Lines of a document's characters in its file: the file is read once, line breaks are
    found once, and each lookup is a binary search."""

    def __init__(self, doc: ParsedDocument) -> None:
        self.in_file, newlines_before = text_in_file(doc.path, doc.offset, doc.text)
        if self.in_file:  # the file's own line breaks: only "\n" counts, as in the file
            self.first_line = newlines_before + 1
            self.breaks = [m.start() for m in re.finditer("\n", doc.text)]
        else:  # the text alone: any of \r\n, \r, \n is one break (counted from where it starts)
            self.first_line = 1
            self.breaks = [m.start() for m in re.finditer(r"\r\n|\r|\n", doc.text)]

    def line(self, position: int) -> int:
        """1-based line of the file that holds the document's character at `position`."""
        return self.first_line + bisect.bisect_left(self.breaks, position)


FILE_CHUNK_CHARS = 1 << 16


def text_in_file(path: str | Path, offset: int, text: str) -> tuple[bool, int]:
    """Whether characters offset..offset + len(text) of the file (read as UTF-8 with errors replaced
    and universal newlines, as `Path.read_text` reads it) are `text`, and how many "\n" come before
    `offset`. The file is read in chunks and never held whole (it is as large as the document); an
    unreadable file reads as empty."""
    newlines = position = matched = 0
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            while position < offset or matched < len(text):
                chunk = file.read(FILE_CHUNK_CHARS)
                if not chunk:
                    break
                skip = min(max(offset - position, 0), len(chunk))  # characters still before `offset`
                newlines += chunk.count("\n", 0, skip)
                position += len(chunk)
                piece = chunk[skip:skip + len(text) - matched]
                if not text.startswith(piece, matched):
                    return False, newlines
                matched += len(piece)
    except OSError:
        return text == "", 0
    return matched == len(text), newlines


def line_in_file(doc: ParsedDocument, position: int) -> int:
    """1-based line of the file that holds the document's character at `position`."""
    return LineFinder(doc).line(position)
