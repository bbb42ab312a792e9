"""Fuzz `claimgraph ingest` with hostile inputs against a store that holds the bundled demo.

    python -m bench.fuzz                  # 1,000 generated cases (seed 1), table per class
    python -m bench.fuzz --cases 3000 --seed 7 --timeout 60 --jobs 2
    python -m bench.fuzz --memory         # peak RSS of the readers against input size

Every case runs `python -m claimgraph --store STORE ingest …` in its own subprocess with a time
bound, on a fresh copy of the demo store. Per class the table counts cases, accepted, rejected with
one line naming the file, tracebacks (or any other exit), hangs (killed at the bound), store changed
after a rejection (export hash or SQL dump differs, or `PRAGMA integrity_check` fails), silent
replacements (an accepted input changed a node or dropped a relationship of the demo) and the
peak RSS of the subprocess. tests/test_fuzz.py runs a deterministic sample of the same cases in CI.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEMO_DIR = REPO / "ingest" / "data"
DEMO_ARTICLE = DEMO_DIR / "trauma-and-relationships.txt"
DEMO_BIB = DEMO_DIR / "references.bib"
DEMO_KEYS = ("herman1992trauma", "jordan1992problems")
ERROR_PREFIX = "claimgraph: error: "

PROSE = (
    "Researchers found that regular sleep improves memory in adults (Smith, 2010). "
    "Exercise also lowers blood pressure, according to Jones et al. (2015). "
    "Many teachers believe that homework builds discipline. "
    "I have seen students thrive when they rest well."
)
SMALL_BIB = (
    "@article{smith2010, author={Smith, Jane}, title={Sleep and memory}, journal={J. Sleep},"
    " year={2010}}\n@article{jones2015, author={Jones, Ann and Lee, Bo}, title={Exercise},"
    " journal={Heart}, year={2015}}\n"
)

Check = Callable[[object], str]  # an open Store -> "" or what is wrong


@dataclass
class Case:
    """One hostile input: files to lay out, the ingest arguments, and what should happen."""

    name: str
    kind: str  # the class it is counted in
    files: dict[str, bytes] = field(default_factory=dict)  # relative name (surrogateescape) -> bytes
    articles: list[str] = field(default_factory=list)
    bibs: list[str] = field(default_factory=list)
    fifos: tuple[str, ...] = ()
    sparse: dict[str, int] = field(default_factory=dict)  # name -> size of a file of zeros
    directories: tuple[str, ...] = ()
    expect: str = "reject"  # reject, accept or any
    check: Check | None = None  # for accepted cases: a further check on the store
    replaces_demo: bool = False  # needs document-id and key scoping (branch corpus) to hold
    flags: tuple[str, ...] = ()  # further `ingest` options, e.g. --replace

    @property
    def size(self) -> int:
        return sum(len(b) for b in self.files.values()) + sum(self.sparse.values())


@dataclass
class Outcome:
    case: Case
    status: str  # accepted, rejected, bad-message, traceback, hang
    seconds: float
    peak_rss: int  # bytes
    message: str
    store_changed: bool = False
    integrity: str = "ok"
    replaced: str = ""  # what of the demo an accepted input changed
    problem: str = ""  # a failed case check or an unexpected outcome


# --- the cases -------------------------------------------------------------------------------------


def _text(words: str, rng: random.Random, size: int) -> str:
    out = []
    total = 0
    while total < size:
        piece = rng.choice(words.split(". ")) + ". "
        out.append(piece)
        total += len(piece)
    return "".join(out)


def _article(body: str) -> bytes:
    return ("Fuzz article\n\n" + body + "\n").encode("utf-8")


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml", "<w:document><w:body><w:p>" + PROSE + "</w:p></w:body></w:document>"
        )
    return buffer.getvalue()


def _distinct_documents(*names: str) -> Check:
    """Each file is its own article in the store (no two collapse into one id, none is lost)."""

    def check(store: object) -> str:
        rows = [d for d in store.documents() if d.get("kind") == "article"]  # type: ignore[attr-defined]
        found = {}
        for name in names:
            shown = os.fsencode(name).decode("utf-8", "backslashreplace")
            ids = {
                d["id"]
                for d in rows
                if str(d.get("path", "")) in (shown, f"./{shown}")
                or str(d.get("path", "")).endswith(f"/{shown}")
            }
            if len(ids) != 1:
                return f"{name}: {len(ids)} article documents"
            found[name] = ids.pop()
        if len(set(found.values())) < len(found):
            return f"articles collapsed: {found}"
        return ""

    return check


def _distinct_authors(*names: tuple[str, str]) -> Check:
    """Each (family, given) is its own Author node."""

    def check(store: object) -> str:
        from graph.schema import author_id

        ids = [author_id(family, given) for family, given in names]
        missing = [i for i in ids if store.node(i) is None]  # type: ignore[attr-defined]
        if len(set(ids)) < len(ids) or missing:
            return f"authors collapsed or missing: {ids}"
        return ""

    return check


def fixed_cases() -> list[Case]:
    """The named cases of the issue, one each."""
    demo = DEMO_ARTICLE.read_bytes()
    demo_bib = DEMO_BIB.read_bytes()
    prose = _article(PROSE)
    cases = [
        Case("fifo-article", "special-file", fifos=("pipe.txt",), articles=["pipe.txt"]),
        Case("fifo-bib", "special-file", {"a.txt": prose}, ["a.txt"], ["pipe.bib"], fifos=("pipe.bib",)),
        Case("dev-zero-article", "special-file", articles=["/dev/zero"]),
        Case("dev-urandom-article", "special-file", articles=["/dev/urandom"]),
        Case("dev-zero-bib", "special-file", {"a.txt": prose}, ["a.txt"], ["/dev/zero"]),
        Case("dev-urandom-bib", "special-file", {"a.txt": prose}, ["a.txt"], ["/dev/urandom"]),
        Case("dev-null-article", "special-file", articles=["/dev/null"]),
        Case("directory-article", "special-file", articles=["folder"], directories=("folder",)),
        Case("missing-article", "special-file", articles=["missing.txt"]),
        Case("huge-article", "size", sparse={"huge.txt": 9 * 1024 * 1024}, articles=["huge.txt"]),
        Case("huge-bib", "size", {"a.txt": prose}, ["a.txt"], ["huge.bib"], sparse={"huge.bib": 17 << 20}),
        Case("bad-byte-name", "names", {"bad\udcffname.txt": prose}, ["bad\udcffname.txt"], expect="accept"),
        Case("bad-byte-name-rejected", "names", {"bad\udcfe.txt": b"\xff\xfe"}, ["bad\udcfe.txt"]),
        Case(
            "bad-byte-bib-name",
            "names",
            {"a.txt": prose, "r\udcff.bib": b"@misc{"},
            ["a.txt"],
            ["r\udcff.bib"],
        ),
        Case(
            "cyrillic-and-chinese-names",
            "names",
            {
                "статья.txt": prose,
                "文章.txt": _article(
                    "Rest helps recovery, as trials show. Sleep matters for memory in children."
                ),
            },
            ["статья.txt", "文章.txt"],
            expect="accept",
            check=_distinct_documents("статья.txt", "文章.txt"),
        ),
        Case(
            "non-latin-authors",
            "names",
            {
                "a.txt": prose,
                "r.bib": (
                    "@book{d1866, author={Достоевский, Фёдор}, title={Преступление}, year={1866}}\n"
                    "@book{t1869, author={Толстой, Лев}, title={Война и мир}, year={1869}}\n"
                    "@book{l2001, author={李}, title={书}, year={2001}}\n"
                ).encode(),
            },
            ["a.txt"],
            ["r.bib"],
            expect="accept",
            check=_distinct_authors(("Достоевский", "Фёдор"), ("Толстой", "Лев"), ("李", "")),
        ),
        Case(
            "deep-braces-bib",
            "bibtex",
            {"a.txt": prose, "r.bib": ("@misc{k2, title={" + "{" * 400 + "x" + "}" * 400 + "}}\n").encode()},
            ["a.txt"],
            ["r.bib"],
        ),
        Case(
            "verb-bib",
            "bibtex",
            {"a.txt": prose, "r.bib": b"@misc{k1, title={\\verb}}\n"},
            ["a.txt"],
            ["r.bib"],
        ),
        Case(
            "injection-key-bib",
            "bibtex",
            {"a.txt": prose, "r.bib": (b"@misc{x'}) MATCH (n) DETACH DELETE n //, title={T}}\n")},
            ["a.txt"],
            ["r.bib"],
        ),
        Case("bib-as-article", "nonsense", {"refs.bib": demo_bib}, ["refs.bib"]),
        Case("bib-as-txt-article", "nonsense", {"refs.txt": demo_bib}, ["refs.txt"]),
        Case("docx-article", "nonsense", {"essay.docx": _docx()}, ["essay.docx"]),
        Case(
            "upper-case-html",
            "html",
            {
                "page.HTML": (
                    "<html><body><article><h1>A page</h1><p>" + PROSE + "</p></article></body></html>"
                ).encode()
            },
            ["page.HTML"],
            expect="accept",
        ),
        Case(
            "deep-html",
            "html",
            {
                "deep.html": (
                    "<html><body>"
                    + "<div>" * 300
                    + "<p>"
                    + PROSE
                    + "</p>"
                    + "</div>" * 300
                    + "</body></html>"
                ).encode()
            },
            ["deep.html"],
        ),
        Case("nul-after-8k", "control", {"n.txt": _article("word " * 2000 + "\x00" + PROSE)}, ["n.txt"]),
        Case(
            "many-bib-entries",
            "bibtex",
            {
                "a.txt": prose,
                "many.bib": "".join(
                    f"@misc{{key{i}, title={{Title {i}}}, author={{Author{i}, A.}}, year={{2000}}}}\n"
                    for i in range(1500)
                ).encode(),
            },
            ["a.txt"],
            ["many.bib"],
            expect="accept",
        ),
        Case(
            "esc-vt-ffff",
            "control",
            {
                "c.txt": _article(
                    "Sleep \x1b[31mhelps\x0b memory \uffff in adults (Smith, 2010)."
                    "\x0c Rest\x1b]0;title\x07 matters."
                )
            },
            ["c.txt"],
            expect="accept",
        ),
        # Silent replacement (issue item 3): need key scoping and document ids by path (branch corpus).
        Case(
            "bib-redefines-demo-key",
            "replacement",
            {
                "a.txt": prose,
                "other.bib": (
                    b"@book{herman1992trauma, author={Impostor, Ivan}, title={Replaced title}, year={1066}}\n"
                ),
            },
            ["a.txt"],
            ["other.bib"],
            expect="any",
            replaces_demo=True,
        ),
        Case(
            "same-file-name-other-path",
            "replacement",
            {"elsewhere/trauma-and-relationships.txt": prose},
            ["elsewhere/trauma-and-relationships.txt"],
            expect="any",
            replaces_demo=True,
        ),
    ]
    del demo
    return cases


def _random_case(kind: str, rng: random.Random, index: int) -> Case:
    """A generated case of class `kind` (sizes, positions and mixes drawn from `rng`)."""
    name = f"fuzz{index}"
    prose = PROSE
    if kind == "binary":
        data = bytes(rng.getrandbits(8) for _ in range(rng.choice((16, 500, 9000))))
        choice = rng.randrange(6)
        if choice == 1:
            data = ("Café naïve " * 50).encode("latin-1")
        elif choice == 2:
            data = ("\ufeff" + prose).encode("utf-16")
        elif choice == 3:
            data = rng.choice((b"", b"   \n\n\t", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"))
        elif choice == 4:
            data = _article(prose)[:37] + b"\xc3" + _article(prose)[37:]
        as_bib = rng.random() < 0.4
        files = {f"{name}.txt": _article(prose), f"{name}.bib": data} if as_bib else {f"{name}.txt": data}
        return Case(f"{name}-binary", kind, files, [f"{name}.txt"], [f"{name}.bib"] if as_bib else [])
    if kind == "control":
        chars = (
            "\x00\x01\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\x9b\ufffe\uffff\u2028\u2029\u202e\ufdd0\U0001f600\r"
        )
        body = list(_text(prose, rng, rng.choice((300, 3000, 12000))))
        for _ in range(rng.randint(1, 30)):
            body.insert(rng.randrange(len(body)), rng.choice(chars))
        text = "".join(body)
        has_nul = "\x00" in text
        bib = SMALL_BIB
        if rng.random() < 0.3:
            bib = bib.replace("Sleep and memory", "Sleep" + rng.choice(chars.replace("\x00", "")) + " memory")
        return Case(
            f"{name}-control",
            kind,
            {f"{name}.txt": _article(text), f"{name}.bib": bib.encode()},
            [f"{name}.txt"],
            [f"{name}.bib"],
            expect="reject" if has_nul else "accept",
        )
    if kind == "text-shape":
        choice = rng.randrange(8)
        if choice == 0:  # a line over the cap
            body = "word " * rng.randint(10_001, 40_000)
        elif choice == 1:  # random words, no sentence ends, wrapped lines
            words = [
                rng.choice(("alpha", "beta", "sleep", "memory", "et", "al", "Dr", "the"))
                for _ in range(rng.randint(500, 20_000))
            ]
            body = "\n".join(" ".join(words[i : i + 12]) for i in range(0, len(words), 12))
        elif choice == 2:
            count = rng.randint(100, 12_000)
            body = "Dr. " * count
        elif choice == 3:
            count = rng.randint(100, 3_000)
            body = "Smith et al. " * count
        elif choice == 4:  # a citation run
            count = rng.randint(10, 2000)
            body = "Sleep helps (" + "; ".join(f"Smith, {1900 + i % 120}" for i in range(count)) + ")."
        elif choice == 5:  # a long list
            body = "\n".join(f"- item {i} is true because of reasons." for i in range(rng.randint(100, 5000)))
        elif choice == 6:  # many lines
            body = "\n" * rng.choice((1000, 250_000))
            body = prose + body + prose
        else:  # a very long paragraph of short wrapped lines
            body = "\n".join(_text(prose, rng, 60) for _ in range(rng.randint(100, 1500)))
        return Case(
            f"{name}-shape{choice}",
            kind,
            {f"{name}.txt": _article(body)},
            [f"{name}.txt"],
            expect="any",
        )
    if kind == "html":
        choice = rng.randrange(7)
        if choice == 0:
            depth = rng.choice((200, 256, 300, 2000))
            html = (
                "<html><body>"
                + "<div>" * depth
                + "<p>"
                + prose
                + "</p>"
                + "</div>" * depth
                + "</body></html>"
            )
            expect = "reject" if depth > 253 else "any"
        elif choice == 1:
            html = (
                "<html><body><article>"
                + "".join(f"<p>Paragraph {i}: {prose}</p>" for i in range(rng.randint(10, 400)))
                + "</article></body></html>"
            )
            expect = "accept"
        elif choice == 2:
            html = (
                "<html><body><table>"
                + "".join(
                    f"<tr><td>cell {i}</td><td>{prose[:40]}</td></tr>" for i in range(rng.randint(10, 2000))
                )
                + "</table></body></html>"
            )
            expect = "any"
        elif choice == 3:
            html = "<html><body><p>" + prose + "<div><span><b>" * rng.randint(1, 50) + "</html>"
            expect = "any"
        elif choice == 4:
            html = "<html><head><script>" + "x=1;" * 1000 + "</script></head><body></body></html>"
            expect = "reject"
        elif choice == 5:
            html = (
                "<!DOCTYPE html><html><body><article><p>"
                + prose
                + "<sup>" * 300
                + "1</article></body></html>"
            )
            expect = "any"
        else:
            html = (
                "<html><body><article><h1>T</h1><p>"
                + prose.replace(" ", " \x1b\x00 ")
                + "</p></article></body></html>"
            )
            expect = "reject"
        suffix = rng.choice((".html", ".htm", ".HTML", ".xhtml"))
        return Case(
            f"{name}-html{choice}",
            kind,
            {f"{name}{suffix}": html.encode()},
            [f"{name}{suffix}"],
            expect=expect,
        )
    if kind == "bibtex":
        choice = rng.randrange(10)
        expect = "reject"
        if choice == 0:
            depth = rng.choice((33, 40, 100, 400, 2000))
            bib = "@misc{k2, title={" + "{" * depth + "x" + "}" * depth + "}}\n"
        elif choice == 1:
            bib = rng.choice(
                (
                    "@misc{k1, title={\\verb}}",
                    "@misc{k1, title={\\verb|x}}",
                    "@misc{k1, title={$x}}",
                    "@misc{k1, title={\\begin{x}}}",
                    "@misc{k1, title={\\\\\\}}",
                    "@misc{k1, title={^}}",
                )
            )
            expect = "any"
        elif choice == 2:
            key = rng.choice(
                ("x'}) MATCH (n) DETACH DELETE n //", "a b", 'a"b', "a#b", "a%b", "a=b", "(x)", "x\\y", "k,")
            )
            bib = "@misc{" + key + ", title={T}}\n"
        elif choice == 3:
            bib = "@misc{k3, title={" + "unbalanced " * rng.randint(1, 100) + "\n"
        elif choice == 4:
            bib = "@misc{dup, title={A}}\n@misc{dup, title={B}}\n"
        elif choice == 5:
            bib = '@string{s = "' + "x" * rng.randint(10, 100_000) + '"}\n@misc{k5, title=s # s}\n'
            expect = "any"
        elif choice == 6:
            count = rng.randint(10, 3000)
            bib = "".join(
                f"@misc{{key{i}, title={{Title {i}}}, author={{Author{i}, A.}}, year={{2000}}}}\n"
                for i in range(count)
            )
            expect = "accept"
        elif choice == 7:
            bib = PROSE
        elif choice == 8:
            bib = (
                "@misc{k8, author={" + " and ".join(f"P{i}, Q" for i in range(rng.randint(1, 2000))) + "}}\n"
            )
            expect = "accept"
        else:
            bib = "@comment{" + "{" * 300 + "}\n@misc{k9, title={T}}\n"
            expect = "any"
        return Case(
            f"{name}-bib{choice}",
            kind,
            {f"{name}.txt": _article(prose), f"{name}.bib": bib.encode()},
            [f"{name}.txt"],
            [f"{name}.bib"],
            expect=expect,
        )
    if kind == "nonsense":
        choice = rng.randrange(8)
        demo_bib = DEMO_BIB.read_text(encoding="utf-8")
        if choice == 0:
            content, suffix = demo_bib, rng.choice((".bib", ".txt", ".md", ""))
        elif choice == 1:
            content, suffix = (
                json.dumps({"claims": [prose] * rng.randint(1, 50)}, indent=rng.choice((None, 2))),
                rng.choice((".json", ".txt")),
            )
        elif choice == 2:
            rows = rng.randint(3, 300)
            content = "id,name,value\n" + "".join(f"{i},name {i},{i * 3}\n" for i in range(rows))
            suffix = rng.choice((".csv", ".txt", ".tsv"))
        elif choice == 3:
            module = rng.choice(sorted((REPO / "ingest").glob("*.py")))
            content, suffix = module.read_text(encoding="utf-8"), rng.choice((".py", ".txt", ".md"))
        elif choice == 4:
            return Case(f"{name}-docx", kind, {f"{name}.docx": _docx()}, [f"{name}.docx"])
        elif choice == 5:
            return Case(f"{name}-zip", kind, {f"{name}.zip": _docx()}, [f"{name}.zip"])
        elif choice == 6:
            content, suffix = "\n".join("int f(int x) { return x + 1; }" for _ in range(20)), ".txt"
        else:
            content, suffix = "\n".join(f"k{i}: v{i}" for i in range(30)), ".yaml"
        return Case(
            f"{name}-nonsense{choice}", kind, {f"{name}{suffix}": content.encode()}, [f"{name}{suffix}"]
        )
    if kind == "names":
        # "..", "-" and "🙂" all slug to "" and so two of them are one id: refused in one line, hence "any".
        stems = ("статья", "文章", "مقالة", "记事", "Ελληνικά", "🙂", "x" * 200, "..", "-", "a b", "ñ", "ß")
        chosen = rng.sample(stems, rng.randint(1, 3))
        files = {
            f"{stem}-{index}.txt": _article(_text(prose, rng, 200) + f" Note {i}.")
            for i, stem in enumerate(chosen)
        }
        return Case(
            f"{name}-names",
            kind,
            files,
            list(files),
            expect="any",
            check=_distinct_documents(*files),
        )
    raise ValueError(kind)


RANDOM_KINDS = ("binary", "control", "text-shape", "html", "bibtex", "nonsense", "names")


def generate(count: int, seed: int = 1, replacement: bool = True) -> list[Case]:
    """The fixed cases, then generated ones round-robin over the classes, `count` in all."""
    rng = random.Random(seed)
    cases = [c for c in fixed_cases() if replacement or not c.replaces_demo]
    index = 0
    while len(cases) < count:
        cases.append(_random_case(RANDOM_KINDS[index % len(RANDOM_KINDS)], rng, index))
        index += 1
    return cases


# --- running them ----------------------------------------------------------------------------------


def demo_store(path: Path) -> Path:
    """A SQLite store holding the bundled demo (article, its comments, its BibTeX)."""
    from graph.store import open_store
    from ingest.pipeline import ingest_paths

    result = ingest_paths([DEMO_ARTICLE], [DEMO_BIB])
    with open_store(str(path), read_only=False) as store:
        store.write(result.batch)
    return path


def fingerprint(path: Path) -> str:
    """SHA-256 of the store's whole-graph JSON export and of its SQL dump."""
    from graph.exports import export
    from graph.store import Scope, open_store

    digest = hashlib.sha256()
    with open_store(str(path), read_only=True) as store:
        digest.update(str(export(store.subgraph(Scope(kind="all"), max_nodes=10**9), "json")).encode())
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for line in connection.iterdump():
            digest.update(line.encode("utf-8", "surrogatepass"))
    finally:
        connection.close()
    return digest.hexdigest()


def integrity(path: Path) -> str:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


@dataclass
class Demo:
    """The demo store and what an accepted input must leave as it is."""

    store: Path
    hash: str
    nodes: dict[str, dict]
    rels: set[tuple[str, str, str]]
    traces: dict[str, str] = field(default_factory=dict)  # claim id -> its trace as JSON


def snapshot(path: Path) -> Demo:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rels = {tuple(r) for r in connection.execute('SELECT type, start, "end" FROM rel')}
    finally:
        connection.close()
    nodes = _nodes(path)
    return Demo(
        path, fingerprint(path), nodes, rels, _traces(path, [i for i in nodes if i.startswith("claim:")])
    )


def _traces(path: Path, claim_ids: list[str]) -> dict[str, str]:
    """What `claimgraph trace` shows for each claim, as JSON."""
    from graph.store import open_store

    with open_store(str(path), read_only=True) as store:
        return {
            i: json.dumps(_without_provenance(store.trace(i)), sort_keys=True, default=str) for i in claim_ids
        }


# A work's provenance (every record that described it) grows when another article cites it: that is
# no replacement. Everything else of the demo's nodes and traces must stay as it was.
PROVENANCE = frozenset({"records_json"})


def _without_provenance(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_provenance(v) for k, v in value.items() if k not in PROVENANCE}
    if isinstance(value, list):
        return [_without_provenance(v) for v in value]
    return value


def _nodes(path: Path, ids: list[str] | None = None) -> dict[str, dict]:
    from graph.exports import typed_node_props
    from graph.schema import Label
    from graph.store import open_store

    found: dict[str, dict] = {}
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if ids is None:
            ids = [
                r[0]
                for label in Label
                for r in connection.execute(f"SELECT id FROM {label.value.lower()}")  # noqa: S608 - schema names
            ]
    finally:
        connection.close()
    with open_store(str(path), read_only=True) as store:
        for node_id in ids:
            node = store.node(node_id)
            if node is not None:
                found[node_id] = _without_provenance(typed_node_props(node))
    return found


def replaced(demo: Demo, path: Path) -> str:
    """What of the demo's graph an accepted input changed ('' when nothing)."""
    after = _nodes(path, list(demo.nodes))
    changed = [i for i, props in demo.nodes.items() if after.get(i) != props]
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rels = {tuple(r) for r in connection.execute('SELECT type, start, "end" FROM rel')}
    finally:
        connection.close()
    lost = demo.rels - rels
    traces = _traces(path, list(demo.traces))
    moved = [i for i, trace in demo.traces.items() if traces.get(i) != trace]
    if not changed and not lost and not moved:
        return ""
    return (
        f"{len(changed)} demo nodes changed ({', '.join(changed[:3])}), {len(lost)} demo relationships lost, "
        f"{len(moved)} demo traces changed"
    )


def _lay_out(case: Case, folder: Path) -> None:
    for name, data in case.files.items():
        target = Path(os.fsdecode(os.path.join(os.fsencode(folder), os.fsencode(name))))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for name in case.fifos:
        os.mkfifo(folder / name)
    for name, size in case.sparse.items():
        with open(folder / name, "wb") as handle:
            handle.truncate(size)
    for name in case.directories:
        (folder / name).mkdir()


def _argument(name: str) -> bytes:
    """A file name as a command-line argument: relative ones as ./NAME, so '--x.txt' is no option."""
    return os.fsencode(name if os.path.isabs(name) else os.path.join(".", name))


def run_case(case: Case, demo: Demo, workdir: Path, timeout: float) -> Outcome:
    """Run one case in a subprocess with a time bound and judge what it did."""
    folder = Path(tempfile.mkdtemp(prefix="case-", dir=workdir))
    _lay_out(case, folder)
    store = folder / "store.db"
    shutil.copyfile(demo.store, store)
    command = [
        sys.executable,
        "-m",
        "claimgraph",
        "--store",
        str(store),
        "ingest",
        *case.flags,
        *[_argument(a) for a in case.articles],
    ]
    for bib in case.bibs:
        command += ["--bib", _argument(bib)]
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("CLAIMGRAPH_STORE", None)
    with open(folder / "stdout", "wb") as out, open(folder / "stderr", "wb") as err:
        started = time.monotonic()
        process = subprocess.Popen(
            command,
            cwd=folder,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        hung = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > timeout:
                hung = True
                os.killpg(process.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    stderr = (folder / "stderr").read_bytes().decode("utf-8", "backslashreplace")
    lines = [line for line in stderr.splitlines() if line.strip()]
    code = process.returncode
    if hung:
        status_name, message = "hang", f"killed after {timeout:.0f} s"
    elif code == 0:
        status_name, message = "accepted", ""
    elif code == 2 and "Traceback" not in stderr:
        message = lines[-1] if lines else ""
        one_line = len(lines) == 1 and message.startswith(ERROR_PREFIX)
        names = [os.fsencode(n).decode("utf-8", "backslashreplace") for n in [*case.articles, *case.bibs]]
        status_name = "rejected" if one_line and any(n in message for n in names) else "bad-message"
    else:
        status_name, message = "traceback", (lines[-1] if lines else f"exit {code}")
    outcome = Outcome(case, status_name, seconds, usage.ru_maxrss * 1024, message)
    outcome.integrity = integrity(store)
    if status_name == "accepted":
        outcome.replaced = replaced(demo, store)
        if case.check is not None:
            from graph.store import open_store

            with open_store(str(store), read_only=True) as opened:
                outcome.problem = case.check(opened)
    else:
        outcome.store_changed = fingerprint(store) != demo.hash or outcome.integrity != "ok"
    expected = {"reject": ("rejected",), "accept": ("accepted",), "any": ("accepted", "rejected")}[
        case.expect
    ]
    if status_name not in expected and not outcome.problem:
        outcome.problem = f"expected {case.expect}, got {status_name}: {message}"
    shutil.rmtree(folder, ignore_errors=True)
    return outcome


def run_cases(
    cases: list[Case],
    demo: Demo,
    workdir: Path,
    timeout: float,
    jobs: int,
    progress: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Every case, `jobs` at a time, in case order."""

    def one(case: Case) -> Outcome:
        outcome = run_case(case, demo, workdir, timeout)
        if progress:
            progress(outcome)
        return outcome

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, cases))


def summary(outcomes: list[Outcome]) -> list[dict[str, object]]:
    """One row per class (and a total): the figures the README quotes."""
    rows = []
    kinds = list(dict.fromkeys(o.case.kind for o in outcomes))
    for kind in [*kinds, "all"]:
        group = [o for o in outcomes if kind in ("all", o.case.kind)]
        rows.append(
            {
                "class": kind,
                "cases": len(group),
                "accepted": sum(o.status == "accepted" for o in group),
                "rejected (one line)": sum(o.status == "rejected" for o in group),
                "bad message": sum(o.status == "bad-message" for o in group),
                "tracebacks": sum(o.status == "traceback" for o in group),
                "hangs": sum(o.status == "hang" for o in group),
                "store changed after rejection": sum(o.store_changed for o in group),
                "silent replacements": sum(bool(o.replaced) for o in group),
                "peak RSS MiB": round(max(o.peak_rss for o in group) / 2**20),
                "slowest s": round(max(o.seconds for o in group), 1),
            }
        )
    return rows


# --- reader memory -------------------------------------------------------------------------------

_READ = (
    "import sys; from pathlib import Path\n"
    "from bench.memory import peak_kib\n"
    "kind, path = sys.argv[1], sys.argv[2]\n"
    "if kind == 'article':\n    from ingest.readers import read_documents as read\n"
    "else:\n    from ingest.bibtex import read_bibtex as read\n"
    "import ingest.readers, ingest.bibtex, ingest.html_reader, trafilatura, bibtexparser\n"
    "warm = Path(path).with_name('warm-up' + Path(path).suffix)\n"
    "read(warm)\n"
    "before = peak_kib()\n"
    "read(path)\n"
    "print(before * 1024, peak_kib() * 1024)\n"
)


def reader_memory(workdir: Path, sizes_mib: tuple[float, ...] = (0.5, 2, 6)) -> list[dict[str, object]]:
    """Peak RSS growth of read_documents / read_bibtex (after imports) against the input size."""
    rng = random.Random(3)
    rows = []
    for size in sizes_mib:
        target = int(size * 2**20) - 4096
        paragraphs = []
        total = 0
        while total < target:
            paragraph = _text(PROSE, rng, rng.randint(200, 1500))
            paragraphs.append(paragraph)
            total += len(paragraph) + 2
        inputs = {
            "article .txt": ("article", "m.txt", "\n\n".join(paragraphs)),
            "article .md": (
                "article",
                "m.md",
                "\n\n".join(f"## Part {i}\n\n{p}" if i % 10 == 0 else p for i, p in enumerate(paragraphs)),
            ),
            "article .html": (
                "article",
                "m.html",
                "<html><body><article>"
                + "".join(f"<p>{p}</p>" for p in paragraphs)
                + "</article></body></html>",
            ),
            ".bib": (
                "bib",
                "m.bib",
                "".join(
                    f"@article{{k{i}, author={{Smith, Jane and Lee, Bo}}, title={{{p[:120]}}}, "
                    f"journal={{J}}, year={{2010}}}}\n"
                    for i, p in enumerate(paragraphs * 8)
                    if i * 190 < target
                ),
            ),
        }
        for label, (kind, name, text) in inputs.items():
            path = workdir / name
            path.write_text(
                text[:target] if kind == "article" and name.endswith(".txt") else text, encoding="utf-8"
            )
            data = path.stat().st_size
            # The same kind of file, small: read first, so one-off warm-up (trafilatura's stop lists,
            # compiled patterns) is not counted as growth with the input.
            (workdir / f"warm-up{path.suffix}").write_text(_warm_up(name, paragraphs[0]), encoding="utf-8")
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            started = time.monotonic()
            done = subprocess.run(
                [sys.executable, "-c", _READ, kind, str(path)],
                capture_output=True,
                text=True,
                env=env,
                timeout=600,
                check=False,
            )
            seconds = time.monotonic() - started
            if done.returncode:
                rows.append(
                    {"input": label, "MiB": round(data / 2**20, 2), "error": done.stderr.strip()[-200:]}
                )
                continue
            before, after = (int(x) for x in done.stdout.split())
            rows.append(
                {
                    "input": label,
                    "MiB": round(data / 2**20, 2),
                    "RSS growth MiB": round((after - before) / 2**20, 1),
                    "× input": round((after - before) / data, 1),
                    "s": round(seconds, 1),
                }
            )
    return rows


def _warm_up(name: str, paragraph: str) -> str:
    """A one-paragraph file of the kind `name` is (txt, md, html or bib)."""
    if name.endswith(".html"):
        return f"<html><body><article><p>{paragraph}</p></article></body></html>"
    if name.endswith(".bib"):
        return "@article{k0, author={Smith, Jane}, title={Sleep and memory}, journal={J}, year={2010}}\n"
    return paragraph


def _table(rows: list[dict[str, object]]) -> str:
    columns = list(dict.fromkeys(k for row in rows for k in row))
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(row.get(c, "")) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000, help="how many cases (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a case counts as a hang")
    parser.add_argument("--jobs", type=int, default=2, help="cases run at once (default 2)")
    parser.add_argument("--memory", action="store_true", help="measure the readers' peak RSS instead")
    parser.add_argument("--failures", type=int, default=30, help="failing cases to list (default 30)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="claimgraph-fuzz-") as tmp:
        workdir = Path(tmp)
        if args.memory:
            print(_table(reader_memory(workdir)))
            return 0
        demo = snapshot(demo_store(workdir / "demo.db"))
        cases = generate(args.cases, args.seed)
        done = 0

        def progress(_outcome: Outcome) -> None:
            nonlocal done
            done += 1
            if done % 50 == 0:
                print(f"{done}/{len(cases)} cases", file=sys.stderr, flush=True)

        started = time.monotonic()
        outcomes = run_cases(cases, demo, workdir, args.timeout, args.jobs, progress)
        print(
            f"{len(cases)} cases (seed {args.seed}, bound {args.timeout:.0f} s, {args.jobs} at a time) "
            f"in {time.monotonic() - started:.0f} s\n"
        )
        print(_table(summary(outcomes)))
        bad = [
            o
            for o in outcomes
            if o.status in ("traceback", "hang", "bad-message") or o.store_changed or o.replaced or o.problem
        ]
        if bad:
            print(f"\n{len(bad)} cases to look at:")
            for outcome in bad[: args.failures]:
                what = outcome.problem or outcome.replaced or outcome.message
                print(
                    f"- {outcome.case.name} [{outcome.case.kind}] {outcome.status} {outcome.seconds:.1f}s: "
                    f"{what[:200]}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
