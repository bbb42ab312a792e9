"""Score every citation route against the publisher's own links (`python -m ingest.evaluate --jats`).

For each JATS article the gold standard is the publisher's `<xref ref-type="bibr" rid="…">`
markup: each printed marker (ingest/jats.py's MarkedCitation, spans in the article's rendered
text) and the references it names. Routes scored:

- `jats`      the JATS reader's own links through the pipeline's evidence step (P = R = 1 by
              construction; anything less is a bug);
- `text+bib`  the article rendered as Markdown with its printed reference list (ingest/render.py),
              read by the Markdown reader, with the .bib a reference manager would export;
- `text`      the same text without a .bib: the printed list parsed by ingest/reflist.py;
- `pdf`       the publisher's PDF next to the XML (`<stem>.pdf`), read by ingest/pdf.py.

Marker level: a predicted citation (span, key) is right when its span overlaps a gold marker that
names that key (each gold pair is matched once). Claim level: the sentence holding a marker (the
rendered article's own sentences) and the key; a predicted citation counts for the sentence its
span starts in. The text routes read the very text the gold spans index, so spans compare
directly; the PDF's text is aligned to it word by word (difflib over normalised words). A parsed
reference-list entry is identified with the gold entry printed on the same line (text) or by its
number, else its author, year and wording (PDF).

Articles listed in tests/data/corpus/blind.txt (and the XML of a listed PDF) are left out unless
`--blind` is given, which runs only them.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ingest.model import InputError, MarkedCitation, ParsedDocument, Reference

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus"
DEFAULT_DIRS = (CORPUS / "jats", CORPUS / "pdf")
ROUTES = ("jats", "text+bib", "text", "pdf")
Predicted = tuple[int, int, list[str]]  # (start, end, reference keys) in the gold text


class RouteUnavailable(Exception):
    """A route that cannot run here (its reader has not landed, no PDF for this article)."""


@dataclass
class Score:
    """True/false positives and misses of (item, reference key) pairs."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class RouteResult:
    markers: Score = field(default_factory=Score)
    claims: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)   # printed markers (and keys) not found
    false: list[str] = field(default_factory=list)    # predicted links that are wrong
    unmarked: int = 0  # false links on text no gold marker covers (the publisher linked nothing there)
    error: str = ""  # the route failed on this article (every gold marker is then a miss)


@dataclass
class ArticleResult:
    name: str
    style: str                    # "numeric" or "author-year"
    gold_markers: int
    routes: dict[str, RouteResult | str] = field(default_factory=dict)  # str: why not available


# --- scoring -----------------------------------------------------------------------------

def score_links(gold: list[MarkedCitation], predicted: list[Predicted], sentences: list[tuple[int, int]],
                text: str = "") -> RouteResult:
    """Marker- and claim-level scores of `predicted` citations against the `gold` markers."""
    result = RouteResult()
    matched: set[tuple[int, str]] = set()
    for start, end, keys in predicted:
        for key in dict.fromkeys(keys):
            hit = next((i for i, g in enumerate(gold) if (i, key) not in matched and key in g.keys
                        and _overlap(start, end, g.start, g.end)), None)
            if hit is None:
                result.markers.fp += 1
                result.false.append(f"{text[start:end]!r} -> {key}")
                if not any(_overlap(start, end, g.start, g.end) for g in gold):
                    result.unmarked += 1
            else:
                matched.add((hit, key))
                result.markers.tp += 1
    for i, g in enumerate(gold):
        for key in dict.fromkeys(g.keys):
            if (i, key) not in matched:
                result.markers.fn += 1
                result.misses.append(f"{text[g.start:g.end]!r} -> {key}")
    starts = [s for s, _ in sentences]
    want = {(_sentence_of(g.start, sentences, starts), key) for g in gold for key in g.keys}
    got = {(_sentence_of(start, sentences, starts), key) for start, _, keys in predicted for key in keys}
    result.claims = Score(len(got & want), len(got - want), len(want - got))
    return result


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < max(b_end, b_start + 1) and b_start < max(a_end, a_start + 1)


def _sentence_of(position: int, sentences: list[tuple[int, int]], starts: list[int]) -> int:
    """Index of the sentence holding `position` (-1 - position when none does)."""
    import bisect

    at = bisect.bisect_right(starts, position) - 1
    if at >= 0 and sentences[at][0] <= position < sentences[at][1]:
        return at
    return -1 - position


# --- routes ------------------------------------------------------------------------------

def citation_spans(doc: ParsedDocument, references: list[Reference]) -> list[Predicted]:
    """The citations the pipeline's evidence step finds in `doc`, resolved against `references`."""
    from ingest.citations import build_index
    from ingest.pipeline import analyse

    [analysis] = analyse([doc], build_index(references, [doc]))
    found: list[Predicted] = []
    for e in analysis.evidence:
        if e.kind == "citation":
            found.append((e.start, e.end, list(e.sources)))
        elif e.kind == "quote" and e.sources:
            marker = _marker_of_quote(doc.text, e.marker, e.start, e.end)
            if marker is not None:
                found.append((*marker, list(e.sources)))
    return found


QUOTE_REACH = 400  # characters around a quotation where its citation marker is printed


def _marker_of_quote(text: str, marker: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the citation a quotation was folded into is printed: the extractor gives the quote
    (kind "quote") the span of the quoted words and keeps the marker's text; the occurrence of
    that text nearest the quote is the printed marker ("“…” (Haas, 1992, p.3)")."""
    if not marker:
        return None
    low = max(0, start - QUOTE_REACH)
    window = text[low:end + QUOTE_REACH]
    spots = [low + m.start() for m in re.finditer(re.escape(marker), window)]
    if not spots:
        return None
    at = min(spots, key=lambda s: min(abs(s - end), abs(start - (s + len(marker)))))
    return at, at + len(marker)


def jats_route(article: ParsedDocument, workdir: Path) -> list[Predicted]:
    return citation_spans(article, article.references)


def _rendered(article: ParsedDocument, workdir: Path) -> tuple[ParsedDocument, str]:
    """The rendered article read back by the Markdown reader, and its .bib text."""
    from ingest.readers import read_documents
    from ingest.render import render_text

    text, bibtex = render_text(article)
    path = workdir / (Path(article.path).stem + ".md")
    path.write_text(text, encoding="utf-8")
    doc = read_documents(path)[0]
    if doc.text != text:
        raise AssertionError(f"{path}: the Markdown reader changed the rendered text")
    return doc, bibtex


def text_bib_route(article: ParsedDocument, workdir: Path) -> list[Predicted]:
    """The rendered text with its .bib, the references taken as the pipeline takes them
    (ingest.pipeline.article_references: the printed list's entries not in the .bib, then the .bib)."""
    from ingest.pipeline import _BibCache, article_references

    doc, bibtex = _rendered(article, workdir)
    bib = workdir / (Path(article.path).stem + ".bib")
    bib.write_text(bibtex, encoding="utf-8")
    references = article_references([doc], [bib], _BibCache(), [])
    keys = keys_by_line(doc.references, article)
    return [(s, e, [keys.get(k, k) for k in ks]) for s, e, ks in citation_spans(doc, references)]


def text_route(article: ParsedDocument, workdir: Path) -> list[Predicted]:
    if importlib.util.find_spec("ingest.reflist") is None:
        raise RouteUnavailable("n/a: ingest/reflist.py (branch pdf) not on this branch")
    from ingest.reflist import references_in_text

    doc, _ = _rendered(article, workdir)
    parsed = doc.references or references_in_text(doc.text, doc.path)
    keys = keys_by_line(parsed, article)
    return [(s, e, [keys.get(k, k) for k in ks]) for s, e, ks in citation_spans(doc, parsed)]


def pdf_route(article: ParsedDocument, workdir: Path) -> list[Predicted]:
    pdf = Path(article.path).with_suffix(".pdf")
    if not pdf.is_file():
        raise RouteUnavailable("no PDF")
    if importlib.util.find_spec("ingest.pdf") is None:
        raise RouteUnavailable("n/a: ingest/pdf.py (branch pdf) not on this branch")
    from ingest.readers import read_documents

    doc = read_documents(pdf)[0]
    keys = keys_by_content(doc.references, article.references)
    aligner = Aligner(doc.text, article.text)
    predicted = []
    for start, end, found in citation_spans(doc, doc.references):
        mapped = aligner.map_span(start, end)
        if mapped is not None:
            predicted.append((*mapped, [keys.get(k, k) for k in found]))
    return predicted


ROUTE_FUNCTIONS: dict[str, Callable[[ParsedDocument, Path], list[Predicted]]] = {
    "jats": jats_route, "text+bib": text_bib_route, "text": text_route, "pdf": pdf_route}


# --- identifying parsed reference-list entries -------------------------------------------

def entry_lines(article: ParsedDocument) -> dict[int, str]:
    """1-based line of the rendered text where each gold reference entry is printed -> its key."""
    from ingest.jats import printed_reference

    entries = [b for b in article.blocks if b.kind == "references"]
    # the JATS reader prints no block for an entry with nothing to print: pair the blocks with the
    # entries it printed, so one skipped entry cannot shift every later gold key by one
    printed = [ref for ref in article.references if printed_reference(ref).strip()]
    if len(printed) != len(entries):
        printed = article.references
    return {article.text.count("\n", 0, block.start) + 1: ref.key
            for block, ref in zip(entries, printed, strict=False)}


def keys_by_line(parsed: list[Reference], article: ParsedDocument) -> dict[str, str]:
    """Parsed key -> gold key, for entries parsed from the line the gold entry is printed on."""
    lines = entry_lines(article)
    return {ref.key: lines[ref.line] for ref in parsed if ref.line in lines}


def _folded(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def keys_by_content(parsed: list[Reference], gold: list[Reference]) -> dict[str, str]:
    """Parsed key -> gold key by printed number, else first author + year + wording (best match)."""
    from rapidfuzz import fuzz

    from ingest.jats import printed_reference

    by_label = {ref.label: ref.key for ref in gold if ref.label}
    gold_text = {ref.key: _folded(printed_reference(ref)) for ref in gold}
    mapping: dict[str, str] = {}
    for ref in parsed:
        if ref.label and ref.label in by_label:
            mapping[ref.key] = by_label[ref.label]
            continue
        printed = _folded(ref.fields.get("printed", "") or ref.title)
        family = _folded(ref.authors[0].family) if ref.authors else ""
        best, best_score = "", 0.0
        for candidate in gold:
            first = _folded(candidate.authors[0].family) if candidate.authors else ""
            same_author = bool(family) and first == family
            same_year = bool(ref.year) and ref.year[:4] == candidate.year[:4]
            score = fuzz.token_set_ratio(printed, gold_text[candidate.key]) + 20 * same_author
            score += 10 * same_year
            if score > best_score:
                best, best_score = candidate.key, score
        if best and best_score >= 90:
            mapping[ref.key] = best
    return mapping


# --- aligning the PDF's text with the rendered text --------------------------------------

_WORD = re.compile(r"\w+")
MOVED_RUN = 12  # words in a row: a block printed out of order, not a chance repetition


class Aligner:
    """Maps character spans of one text onto another printing the same words (difflib over words)."""

    def __init__(self, source: str, target: str):
        self.source = [(m.start(), m.end(), _folded(m.group(0))) for m in _WORD.finditer(source)]
        self.target = [(m.start(), m.end(), _folded(m.group(0))) for m in _WORD.finditer(target)]
        matcher = difflib.SequenceMatcher(None, [w for *_, w in self.source], [w for *_, w in self.target],
                                          autojunk=False)
        self.pairs: dict[int, int] = {}
        for block in matcher.get_matching_blocks():
            for offset in range(block.size):
                self.pairs[block.a + offset] = block.b + offset
        self._align_moved_runs()
        self.source_starts = [s for s, _, _ in self.source]
        self.source_ends = [e for _, e, _ in self.source]

    def _align_moved_runs(self) -> None:
        """Words the first, in-order pass left over, aligned among themselves: a block the PDF
        prints elsewhere (an eLife digest box in the middle of the introduction, which JATS puts
        before it) would otherwise leave the longer of the two unaligned. Only runs of at least
        MOVED_RUN words, contiguous on both sides, count."""
        for _ in range(3):
            used = set(self.pairs.values())
            free_a = [i for i in range(len(self.source)) if i not in self.pairs]
            free_b = [j for j in range(len(self.target)) if j not in used]
            matcher = difflib.SequenceMatcher(None, [self.source[i][2] for i in free_a],
                                              [self.target[j][2] for j in free_b], autojunk=False)
            added = 0
            for block in matcher.get_matching_blocks():
                run: list[tuple[int, int]] = []
                for offset in range(block.size + 1):
                    pair = ((free_a[block.a + offset], free_b[block.b + offset])
                            if offset < block.size else None)
                    if pair and (not run or pair == (run[-1][0] + 1, run[-1][1] + 1)):
                        run.append(pair)
                        continue
                    if len(run) >= MOVED_RUN:
                        self.pairs.update(run)
                        added += len(run)
                    run = [pair] if pair else []
            if not added:
                return

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The target span printing source[start:end]; between its aligned neighbours when the
        words themselves did not align; None when nothing around it aligned."""
        import bisect

        first = bisect.bisect_left(self.source_ends, start + 1)
        last = bisect.bisect_left(self.source_starts, end) - 1
        inside = [self.pairs[i] for i in range(first, last + 1) if i in self.pairs]
        if inside:
            return self.target[min(inside)][0], self.target[max(inside)][1]
        before = next((self.pairs[i] for i in range(first - 1, max(first - 40, -1), -1)
                       if i in self.pairs), None)
        after = next((self.pairs[i] for i in range(last + 1, min(last + 40, len(self.source)))
                      if i in self.pairs), None)
        if before is None or after is None or after <= before:
            return None
        return self.target[before][1], self.target[after][0]


# --- running -----------------------------------------------------------------------------

def blind_names() -> set[str]:
    lines = (CORPUS / "blind.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def is_blind(path: Path, blind: set[str]) -> bool:
    """True when the file (or the PDF it goes with) is held out: matched as 'jats/NAME', 'pdf/NAME'."""
    here = f"{path.parent.name}/{path.name}"
    return here in blind or f"{path.parent.name}/{path.stem}.pdf" in blind


def articles(directories: Iterable[Path], blind: bool) -> list[Path]:
    held_out = blind_names()
    found = []
    for directory in directories:
        if not Path(directory).is_dir():
            raise InputError(str(directory), "is not a directory", hint="Give a folder of JATS .xml files")
        for path in sorted(Path(directory).glob("*.xml")) + sorted(Path(directory).glob("*.nxml")):
            if is_blind(path, held_out) == blind:
                found.append(path)
    return found


def evaluate_article(path: Path, routes: Iterable[str] = ROUTES) -> ArticleResult:
    from ingest.jats import citation_style
    from ingest.readers import read_documents
    from ingest.xmlfile import parse_xml

    documents = read_documents(path)
    article = documents[0]
    if not article.references:
        raise InputError(str(path), "has no <ref-list> to score against",
                         hint="Give JATS articles with references")
    gold = [c for c in article.citations if c.keys]
    sentences = [(s.start, s.end) for s in article.sentences]
    result = ArticleResult(path.name, citation_style(parse_xml(path)), len(gold))
    for route in routes:
        with tempfile.TemporaryDirectory(prefix="claimgraph-eval-") as tmp:
            error = ""
            try:
                predicted = ROUTE_FUNCTIONS[route](article, Path(tmp))
            except RouteUnavailable as why:
                result.routes[route] = str(why)
                continue
            except InputError as why:  # the route failed here: it found nothing, and the run goes on
                predicted, error = [], str(why).replace(tmp, "<tmp>")
        result.routes[route] = score_links(gold, predicted, sentences, article.text)
        result.routes[route].error = error
    return result


def evaluate_corpus(directories: Iterable[Path] = DEFAULT_DIRS, blind: bool = False,
                    routes: Iterable[str] = ROUTES, progress: Callable[[str], None] | None = None
                    ) -> list[ArticleResult]:
    """Every article's result, smallest file first (so a long run reports the most articles early);
    `progress` gets one line per finished article."""
    results = []
    for path in sorted(articles(directories, blind), key=lambda p: p.stat().st_size):
        result = evaluate_article(path, routes)
        results.append(result)
        if progress:
            progress(article_line(result))
    return sorted(results, key=lambda r: r.name)


def article_line(result: ArticleResult) -> str:
    """One line per article and route: marker-level tp/fp/fn, or why the route did not run."""
    parts = []
    for route, outcome in result.routes.items():
        if isinstance(outcome, RouteResult):
            m, c = outcome.markers, outcome.claims
            failed = f" (FAILED, every marker a miss: {outcome.error})" if outcome.error else ""
            parts.append(f"{route} markers {m.tp}/{m.fp}/{m.fn} sentences {c.tp}/{c.fp}/{c.fn}{failed}")
        else:
            parts.append(f"{route} {outcome}")
    return f"{result.name} [{result.style}, {result.gold_markers} markers]: " + "; ".join(parts)


def pooled(results: list[ArticleResult], route: str, style: str | None = None
           ) -> tuple[int, int, Score, Score]:
    """(articles, gold markers, marker score, claim score) of a route, for one style or all."""
    markers, claims = Score(), Score()
    count = gold = 0
    for result in results:
        outcome = result.routes.get(route)
        if not isinstance(outcome, RouteResult) or (style and result.style != style):
            continue
        count += 1
        gold += result.gold_markers
        markers.add(outcome.markers)
        claims.add(outcome.claims)
    return count, gold, markers, claims


def false_link_kinds(results: list[ArticleResult], route: str) -> tuple[int, int, int]:
    """(true links, false links on text a gold marker covers, false links on text none covers) of a route.

    A false link on unmarked text is either a printed citation the publisher did not link or text that is no
    citation; the scores count both as false, and this split only says where they are.
    """
    tp = marked = unmarked = 0
    for result in results:
        outcome = result.routes.get(route)
        if isinstance(outcome, RouteResult):
            tp += outcome.markers.tp
            unmarked += outcome.unmarked
            marked += outcome.markers.fp - outcome.unmarked
    return tp, marked, unmarked


def _row(route: str, style: str, count: int, gold: int, markers: Score, claims: Score) -> str:
    def cells(score: Score) -> str:
        counts = f"({score.tp}/{score.fp}/{score.fn})"
        return f"{score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} {counts:<16}"

    return f"{route:9} {style:11} {count:>8} {gold:>7} | {cells(markers)} | {cells(claims)}"


def format_results(results: list[ArticleResult], routes: Iterable[str] = ROUTES,
                   verbose: bool = False) -> str:
    """The table `python -m ingest.evaluate --jats` prints: per route and style, then pooled."""
    lines = [f"{'route':9} {'style':11} {'articles':>8} {'markers':>7} | "
             f"{'mark P':>6} {'R':>6} {'F1':>6} {'(tp/fp/fn)':<16} | "
             f"{'sent P':>6} {'R':>6} {'F1':>6} (tp/fp/fn)"]
    for route in routes:
        for style in ("author-year", "numeric", None):
            count, gold, markers, claims = pooled(results, route, style)
            if count:
                lines.append(_row(route, style or "all", count, gold, markers, claims))
        skipped = [r for r in results if isinstance(r.routes.get(route), str)]
        if skipped:
            reasons = "; ".join(sorted({str(r.routes[route]) for r in skipped}))
            lines.append(f"{route:9} not run on {len(skipped)} article(s): {reasons}")
    for route in routes:
        tp, marked, unmarked = false_link_kinds(results, route)
        if marked + unmarked:
            where_marked = tp / (tp + marked) if tp + marked else 1.0
            lines.append(f"{route:9} false links: {marked} on text the publisher marked (another reference), "
                         f"{unmarked} on text it left unmarked (a printed citation it did not link, or no "
                         f"citation); precision where it marked: {where_marked:.3f}")
    if verbose:
        for result in results:
            for route, outcome in result.routes.items():
                if not isinstance(outcome, RouteResult):
                    continue
                m = outcome.markers
                lines.append(f"{result.name} [{result.style}] {route}: marker P {m.precision:.3f} "
                             f"R {m.recall:.3f} ({m.tp}/{m.fp}/{m.fn})")
                lines += [f"    MISS  {miss}" for miss in outcome.misses[:20]]
                lines += [f"    FALSE {false}" for false in outcome.false[:20]]
    return "\n".join(lines)
