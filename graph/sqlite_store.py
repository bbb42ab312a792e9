"""The embedded SQLite store: one file, WAL mode, tables generated from graph.schema.

Every label gets a table (one column per schema property, `id` primary key) and
all relationships live in one `rel` table (type, start, end, props JSON). Every
query runs in SQL with limits; nothing loads the whole graph into Python.
"""

from __future__ import annotations

import json
import shlex
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from string import Template
from typing import Any

from graph.model import CLAIM_SORT_KEYS, ClaimFilter, GraphBatch, Node, Page, Relationship, Subgraph
from graph.schema import (
    DOCUMENT_OWNED,
    DOCUMENT_SUMMARY_PROPS,
    NODES,
    SCHEMA_VERSION,
    ClaimStatus,
    EvidenceKind,
    Label,
    RelType,
    StudyDesign,
)
from graph.store import DEFAULT_MAX_NODES, Store, StoreError, breadth_first, trace_context
from graph.upgrade import PLANNER_FREE_FROM, UpgradePlanner, old_version_message

META_TABLE = "claimgraph_meta"
UNKNOWN_DESIGN = StudyDesign.UNKNOWN.value
CHUNK = 500  # ids per IN (...) list; well under SQLite's variable limit
BUSY_TIMEOUT_MS = 10_000
SQL_TYPES = {str: "TEXT", int: "INTEGER", bool: "INTEGER", float: "REAL"}
TABLES: dict[Label, str] = {label: label.value.lower() for label in NODES}
COLUMNS: dict[Label, tuple[str, ...]] = {label: spec.prop_names for label, spec in NODES.items()}
# An indexed property of a document-owned node is indexed together with its place in the document,
# under the schema's index name: one B-tree per property serves both the filter and the sorted
# page, and a batch of articles lands on a few neighbouring leaves of it instead of on random ones
# (an index on (kind, id) gets each claim's random id digest: most of its leaves rewritten per batch).
COMPOSITE_INDEXES: dict[tuple[str, str], tuple[str, ...]] = {
    ("claim", "document_id"): ("document_id", "position"),
    ("claim", "status"): ("status", "document_id", "position"),
    ("claim", "section"): ("section", "document_id", "position"),
    ("claim", "kind"): ("kind", "document_id", "position"),
    ("evidence", "document_id"): ("document_id", "start"),
    ("evidence", "kind"): ("kind", "document_id", "start"),
    ("document", "root_id"): ("root_id", "position"),
}
# Write-connection page cache (KiB, negative as SQLite wants): a 1,000-claim batch lands on random
# leaves of id-keyed B-trees, so the default 2 MB cache re-reads pages from the OS on every batch.
WRITE_CACHE_KIB = 64 * 1024
WAL_AUTOCHECKPOINT_PAGES = 8192  # 32 MB of WAL before a checkpoint copies pages back (default 4 MB)
# Pages of 8 KiB for a new store file (SQLite's default is 4 KiB): fewer, fuller leaves per write.
PAGE_SIZE = 8192
# Node tables of a new store are rowid tables: rows are appended in insert order and only the id's
# unique index takes the random hash ids, instead of whole rows landing on random leaves of an
# id-keyed WITHOUT ROWID table. Stores made before keep their tables; the SQL is the same for both.
ROWID_NODE_TABLES = True
# One page of claims; `$w` is a condition from _claim_where, `$o` an ORDER BY from _claim_order.
CLAIM_PAGE_SQL = (
    "SELECT c.*, d.title AS document_title, "
    "(SELECT COUNT(*) FROM rel r WHERE r.start = c.id AND r.type = 'SUPPORTED_BY') AS evidence_count, "
    "(SELECT json_group_array(s) FROM (SELECT DISTINCT r2.\"end\" AS s FROM rel r1 "
    "JOIN rel r2 ON r2.start = r1.\"end\" AND r2.type = 'CITES' "
    "WHERE r1.start = c.id AND r1.type = 'SUPPORTED_BY' ORDER BY s)) AS source_ids "
    "FROM (SELECT c.* FROM claim c WHERE $w ORDER BY $o LIMIT ? OFFSET ?) c "
    "LEFT JOIN document d ON d.id = c.document_id ORDER BY $o"
)


def _prefix_end(prefix: str) -> str | None:
    """The smallest string after every string starting with `prefix`, or None if there is none
    (empty prefix, or one ending in the last code point). SQLite's BINARY order is code-point order."""
    stripped = prefix.rstrip(chr(0x10FFFF))
    if not stripped:
        return None
    successor = ord(stripped[-1]) + 1
    return stripped[:-1] + chr(0xE000 if 0xD800 <= successor < 0xE000 else successor)  # skip surrogates


def q(name: str) -> str:
    """Quote an identifier taken from graph.schema (never from user input)."""
    return '"' + name.replace('"', '""') + '"'


def _chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _sql(template: str, **parts: str) -> str:
    """Fill `$name` slots of a SQL template.

    Parts are only quoted identifiers from graph.schema, `?` placeholder lists and
    clauses built by this module from them; values always travel as parameters.
    """
    return Template(template).substitute(parts)


def schema_sql() -> list[str]:
    """CREATE statements for every label table, the rel table and their indexes."""
    statements = []
    for label, spec in NODES.items():
        table = TABLES[label]
        cols = ", ".join(
            f"{q(p.name)} {SQL_TYPES[p.type]}" + (" PRIMARY KEY NOT NULL" if p.name == "id" else "")
            for p in spec.props
        )
        statements.append(_sql("CREATE TABLE IF NOT EXISTS $t ($cols)$w", t=q(table), cols=cols,
                               w="" if ROWID_NODE_TABLES else " WITHOUT ROWID"))
        for prop in spec.props:
            if prop.indexed:
                columns = ", ".join(q(c) for c in COMPOSITE_INDEXES.get((table, prop.name), (prop.name,)))
                statements.append(_sql("CREATE INDEX IF NOT EXISTS $i ON $t ($c)",
                                       i=q(f"{table}_{prop.name}"), t=q(table), c=columns))
    statements += [
        # The key (start, type, end) is the unique (type, start, end) and the (start, type) index in one;
        # no index leads with `type`, so the planner never scans a whole type to follow one node.
        'CREATE TABLE IF NOT EXISTS "rel" ("type" TEXT NOT NULL, "start" TEXT NOT NULL, '
        '"end" TEXT NOT NULL, "props" TEXT NOT NULL DEFAULT \'{}\', PRIMARY KEY ("start", "type", "end")) '
        "WITHOUT ROWID",
        'CREATE INDEX IF NOT EXISTS "rel_end_type" ON "rel" ("end", "type", "start")',
        f'CREATE TABLE IF NOT EXISTS "{META_TABLE}" ("key" TEXT PRIMARY KEY NOT NULL, "value" TEXT NOT NULL)',
    ]
    return statements


NODE_UPSERT_SQL: dict[Label, str] = {
    label: _sql("INSERT INTO $t ($cols) VALUES ($m) ON CONFLICT (id) DO UPDATE SET $u",
                t=q(TABLES[label]), cols=", ".join(q(name) for name in names), m=_marks(len(names)),
                u=", ".join(f"{q(name)} = excluded.{q(name)}" for name in names if name != "id"))
    for label, names in COLUMNS.items()
}
_props_json = json.JSONEncoder(sort_keys=True).encode  # json.dumps(..., sort_keys=True), encoder built once
REL_UPSERT_SQL = ('INSERT INTO rel ("type", "start", "end", "props") VALUES (?, ?, ?, ?) '
                  'ON CONFLICT ("start", "type", "end") DO UPDATE SET "props" = excluded."props"')
# Claim text search: `claim_search` holds each claim's Unicode-lower-cased text (the folding the
# filter applies) under a sequential integer key, and `claim_text` is an FTS5 trigram index with
# that table as its external content; the write path keeps both in step with `claim`. A query of 3+
# characters asks the index for the claims holding a set of its trigrams that covers every character
# (every third one and the last) and then tests the lower-cased text with instr(): the index narrows,
# the test decides, so the answer is exactly the substring filter; queries under 3 characters fall
# back to a scan. New stores index with `detail = none` (row ids only, no positions): half the index
# and about two thirds of its write cost, and positions are not needed when every candidate is tested.
# Stores made before keep `detail = full`; the same query serves both. (`claim` cannot be the content
# table: it is WITHOUT ROWID in older stores. Sequential keys keep FTS segments small: random ones made
# the index 4× slower to write.)
CLAIM_TEXT = "claim_text"
CLAIM_TEXT_DETAIL = "none"
# Claim columns kept in `claim_search` beside the text, so the total of a text filter combined with a
# status or kind is counted from the text hits alone: no claim lookup per hit (1M claims, `finding 1`
# with a status: 220k hits, ~0.5 s of CPU through the claims). Stores made before get them on opening
# for writing; read-only, such a store counts through the claims as before. This writer stores '' for a
# missing value, so NULL marks a row written by an older ClaimGraph (which knows only id and text):
# SQLite keeps those rows in a partial index of its own, and opening for writing fills them, while a
# read-only store that has any counts through the claims.
SEARCH_COLUMNS = ("status", "kind")
UNFILLED = " OR ".join(f"{q(column)} IS NULL" for column in SEARCH_COLUMNS)
UNFILLED_INDEX_SQL = f'CREATE INDEX IF NOT EXISTS "claim_search_unfilled" ON "claim_search" ("n") ' \
    f"WHERE {UNFILLED}"
CLAIM_TEXT_TABLES = ("claim_search", CLAIM_TEXT,
                     *(f"{CLAIM_TEXT}_{s}" for s in ("data", "idx", "content", "docsize", "config")))


def claim_text_sql() -> tuple[str, ...]:
    """CREATE statements of the claim text index (content table, FTS5 table, rows lacking SEARCH_COLUMNS)."""
    return (
        'CREATE TABLE IF NOT EXISTS "claim_search" ("n" INTEGER PRIMARY KEY, "id" TEXT NOT NULL UNIQUE, '
        '"text" TEXT NOT NULL' + "".join(f", {q(column)} TEXT" for column in SEARCH_COLUMNS) + ")",
        "CREATE VIRTUAL TABLE IF NOT EXISTS claim_text USING fts5(text, content = 'claim_search', "
        f"content_rowid = 'n', tokenize = 'trigram case_sensitive 1', detail = {CLAIM_TEXT_DETAIL})",
        UNFILLED_INDEX_SQL,
    )


# Claims whose lower-cased text contains the query: parameters fts_trigrams(folded), folded.
CLAIM_TEXT_HITS = ('FROM claim_text t JOIN "claim_search" s ON s.n = t.rowid '
                   "WHERE t.claim_text MATCH ? AND instr(s.text, ?) > 0")
CLAIM_TEXT_MATCH_SQL = f"SELECT s.id {CLAIM_TEXT_HITS}"
TRIGRAM = 3
FTS_DRIVES_UP_TO = 5_000  # text matches up to which a claims page is read through the index
# Text matches up to which a total with other filters is counted from the hits (a claim lookup per hit);
# beyond, testing the text of every claim the other filters select is cheaper (1M claims: 20k hits
# 0.19 s against 0.58 s, 220k hits 1.3 s against 0.54 s of CPU).
FTS_COUNTS_UP_TO = 40_000


def fts_trigrams(text: str) -> str:
    """An FTS5 query for rows holding trigrams of `text` that cover every character: every third one
    from the start and the last (each quoted, so nothing in `text` is query syntax). `text` has 3+
    characters; a row holding `text` holds them all, the caller tests the text itself."""
    picked = [text[i:i + TRIGRAM] for i in range(0, len(text) - TRIGRAM + 1, TRIGRAM)] + [text[-TRIGRAM:]]
    return " AND ".join('"' + gram.replace('"', '""') + '"' for gram in dict.fromkeys(picked))


def _row_props(label: Label, row: sqlite3.Row) -> dict[str, Any]:
    """Schema props of a row, bools restored, NULL columns left out (as Neo4j does)."""
    props = {}
    for prop in NODES[label].props:
        value = row[prop.name]
        if value is None:
            continue
        props[prop.name] = bool(value) if prop.type is bool else value
    return props


def _py_lower(value: str | None) -> str | None:
    """Unicode lower-casing for SQL (SQLite's lower() only folds ASCII)."""
    return value.lower() if isinstance(value, str) else value


class SQLiteStore(Store):
    """A ClaimGraph store in one SQLite file."""

    def __init__(self, path: str | Path, read_only: bool = False,
                 planner: UpgradePlanner | None = None) -> None:
        """`planner` (ingest.upgrade.PLANNER) lets opening for writing upgrade a store older than v3."""
        self.path = Path(path)
        self.read_only = read_only
        self._planner = planner
        self._lock = threading.RLock()
        self._has_claim_text = False
        self._search_columns: tuple[str, ...] = ()
        self._conn = self._connect()
        try:
            self._prepare()
        except sqlite3.DatabaseError as err:
            self._conn.close()
            raise StoreError(f"{self.path} is not a ClaimGraph SQLite store ({err}): "
                             "give the path of a .db file made by `claimgraph ingest`") from None
        except BaseException:
            self._conn.close()
            raise

    # -- connection ----------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self.read_only and not self.path.is_file():
            raise StoreError(f"no store at {self.path}: run `claimgraph ingest` or `claimgraph demo` first")
        if self.path.is_dir():
            raise StoreError(f"{self.path} is a directory: give a file path for the SQLite store")
        try:
            if self.read_only:
                uri = self.path.resolve().as_uri() + "?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                                       timeout=BUSY_TIMEOUT_MS / 1000)
            else:
                folder = self.path.parent
                if not folder.is_dir():  # a typo in --store must not create folders
                    raise StoreError(f"no folder {folder} for the store {self.path}: create it first "
                                     f"(mkdir -p {shlex.quote(str(folder))}) or give another path")
                conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                       timeout=BUSY_TIMEOUT_MS / 1000)
        except (sqlite3.Error, OSError) as err:
            raise StoreError(f"cannot open SQLite store {self.path}: {err}") from None
        conn.row_factory = sqlite3.Row
        conn.create_function("cg_lower", 1, _py_lower, deterministic=True)
        return conn

    def _prepare(self) -> None:
        """Set pragmas, check the schema version, create tables on a new file, upgrade an old one."""
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        version = self._stored_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path} was written by a newer ClaimGraph (schema version {version}, "
                             f"this one reads {SCHEMA_VERSION}): upgrade claimgraph")
        if self.read_only:
            if version == 0:
                raise StoreError(f"{self.path} is not a ClaimGraph store: run `claimgraph ingest` "
                                 "or `claimgraph demo` first")
            if version < SCHEMA_VERSION:
                raise StoreError(f"{self.path} has the old schema version {version}: run "
                                 f"`claimgraph upgrade --store {self.path}` once to upgrade it in place")
            self._has_claim_text = self._table_exists(CLAIM_TEXT)
            self._search_columns = SEARCH_COLUMNS if self._has_claim_text and self._search_columns_filled() \
                else ()
            return
        if version == 0 and PAGE_SIZE:
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise StoreError(f"cannot switch {self.path} to WAL mode: put the store on a local disk")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
        conn.execute("PRAGMA temp_store = MEMORY")
        if version == 0:
            foreign = [r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                if r[0] not in (*TABLES.values(), "rel", META_TABLE, *CLAIM_TEXT_TABLES)]
            if foreign:
                raise StoreError(f"{self.path} is another program's SQLite database (tables "
                                 f"{', '.join(sorted(foreign)[:3])}): give a new file path for the store")
            with self._transaction():
                for statement in schema_sql():
                    conn.execute(statement)
                self._set_version(conn)
        elif version < SCHEMA_VERSION:
            if version < PLANNER_FREE_FROM and self._planner is None:
                raise StoreError(old_version_message(str(self.path), version))
            with self._transaction():
                self._upgrade(conn)
        if not self._table_exists(CLAIM_TEXT):
            self._add_claim_text()
        elif not self._search_columns_filled():
            self._fill_search_columns()
        self._has_claim_text = True
        self._search_columns = SEARCH_COLUMNS

    def _table_exists(self, name: str) -> bool:
        found = self._conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        return found is not None

    def _add_claim_text(self) -> None:
        """Create the claim text index and fill it from the claims (a store written before it existed)."""
        with self._transaction() as conn:
            for statement in claim_text_sql():
                conn.execute(statement)
            _index_claim_text(conn, conn.execute(_sql("SELECT id, text, $c FROM claim", c=", ".join(
                f"COALESCE({q(column)}, '')" for column in SEARCH_COLUMNS))).fetchall())

    def _claim_search_columns(self) -> tuple[str, ...]:
        """The SEARCH_COLUMNS this store's claim_search holds (none in stores made before them)."""
        have = {r[1] for r in self._conn.execute('PRAGMA table_info("claim_search")')}
        return tuple(c for c in SEARCH_COLUMNS if c in have)

    def _search_columns_filled(self) -> bool:
        """True when claim_search holds SEARCH_COLUMNS for every claim: the columns and their partial
        index of unfilled rows exist, and that index is empty (one index probe)."""
        if self._claim_search_columns() != SEARCH_COLUMNS or not self._table_exists("claim_search_unfilled"):
            return False
        return self._conn.execute(_sql('SELECT 1 FROM "claim_search" INDEXED BY "claim_search_unfilled" '
                                       "WHERE $u LIMIT 1", u=UNFILLED)).fetchone() is None

    def _fill_search_columns(self) -> None:
        """Add SEARCH_COLUMNS (and their index of unfilled rows) to a claim_search made before them, and
        fill every row that lacks them from its claim (all rows once; later, rows an older writer added)."""
        with self._transaction() as conn:
            for column in SEARCH_COLUMNS:
                if column not in self._claim_search_columns():
                    conn.execute(_sql('ALTER TABLE "claim_search" ADD COLUMN $c TEXT', c=q(column)))
            conn.execute(UNFILLED_INDEX_SQL)
            columns = ", ".join(map(q, SEARCH_COLUMNS))
            values = ", ".join(f"COALESCE(c.{q(column)}, '')" for column in SEARCH_COLUMNS)
            conn.execute(_sql('UPDATE "claim_search" SET ($c) = (SELECT $v FROM claim c WHERE c.id = '
                              '"claim_search".id) WHERE $u', c=columns, v=values, u=UNFILLED))

    def _stored_version(self) -> int:
        """The schema version the meta table (version 2 on) and PRAGMA user_version record (the higher)."""
        conn = self._conn
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (META_TABLE,)).fetchone():
            row = conn.execute(_sql("SELECT value FROM $t WHERE key = ?", t=q(META_TABLE)),
                               ("schema_version",)).fetchone()
            if row:
                version = max(version, int(row[0]))
        return version

    @staticmethod
    def _set_version(conn: sqlite3.Connection) -> None:
        conn.execute(_sql("INSERT INTO $t (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE "
                          "SET value = excluded.value", t=q(META_TABLE)),
                     ("schema_version", str(SCHEMA_VERSION)))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _upgrade(self, conn: sqlite3.Connection) -> None:
        """Schema v1, v2 or v3 -> v4 in the open transaction: new columns; below v3, work ids and keys
        onto CITES (v1 -> v2; nothing to do on a v2 store), then designs, stances and support
        profiles; then the status `cited-unresolved` of claims whose citations matched nothing."""
        version = self._stored_version()
        for label, spec in NODES.items():
            have = {r[1] for r in conn.execute(_sql("PRAGMA table_info($t)", t=q(TABLES[label])))}
            for prop in spec.props:
                if prop.name not in have:
                    conn.execute(_sql("ALTER TABLE $t ADD COLUMN $c $k", t=q(TABLES[label]), c=q(prop.name),
                                      k=SQL_TYPES[prop.type]))
        for statement in schema_sql():
            conn.execute(statement)
        if version < 3:
            self._upgrade_to_v3(conn)
        from graph.upgrade import plan_v3_to_v4

        claims = [Node(Label.CLAIM, r["id"], _row_props(Label.CLAIM, r)) for r in conn.execute(
            "SELECT * FROM claim WHERE status IN ('unsupported', 'anecdotal')")]
        evidence = [Node(Label.EVIDENCE, r["id"], _row_props(Label.EVIDENCE, r)) for r in conn.execute(
            "SELECT * FROM evidence WHERE resolved = 0")]
        supported_by = [_rel(r) for r in conn.execute("SELECT * FROM rel WHERE type = 'SUPPORTED_BY'")]
        self._upsert_nodes(conn, plan_v3_to_v4(claims, evidence, supported_by))
        self._set_version(conn)

    def _upgrade_to_v3(self, conn: sqlite3.Connection) -> None:
        """v1 -> v2 (work ids) and v2 -> v3 (designs, stances, support profiles), in `conn`'s transaction."""
        from graph.upgrade import V3_INPUT_LABELS, V3_INPUT_TYPES

        assert self._planner is not None  # _prepare refused the store without one
        sources = [_row_props(Label.SOURCE, r) for r in conn.execute("SELECT * FROM source")]
        cites = [_rel(r) for r in conn.execute(
            "SELECT * FROM rel WHERE type = 'CITES' AND \"end\" IN (SELECT id FROM source)")]
        written = [_rel(r) for r in conn.execute(
            "SELECT * FROM rel WHERE type = 'WRITTEN_BY' AND start IN (SELECT id FROM source)")]
        plan = self._planner.v1_to_v2(sources, cites, written)
        for chunk in _chunks(plan.old_ids):
            marks = _marks(len(chunk))
            conn.execute(_sql("DELETE FROM rel WHERE type IN ('CITES', 'WRITTEN_BY') AND "
                              '("end" IN ($m) OR start IN ($m))', m=marks), (*chunk, *chunk))
            conn.execute(_sql("DELETE FROM source WHERE id IN ($m)", m=marks), chunk)
        self._upsert_nodes(conn, plan.sources)
        conn.executemany('INSERT INTO rel ("type", "start", "end", "props") VALUES (?, ?, ?, ?)',
                         [(str(r.type), r.start, r.end, json.dumps(r.props, sort_keys=True))
                          for r in plan.relationships])
        nodes = [Node(label, row["id"], _row_props(label, row)) for label in V3_INPUT_LABELS
                 for row in conn.execute(_sql("SELECT * FROM $t", t=q(TABLES[label])))]
        rels = [_rel(r) for rel_type in V3_INPUT_TYPES
                for r in conn.execute('SELECT * FROM rel WHERE type = ?', (str(rel_type),))]
        changed_nodes, changed_rels = self._planner.v2_to_v3(nodes, rels)
        self._upsert_nodes(conn, changed_nodes)
        conn.executemany(REL_UPSERT_SQL, [(str(r.type), r.start, r.end, json.dumps(r.props, sort_keys=True))
                                          for r in changed_rels])

    def schema_version(self) -> int:
        with self._lock:
            return self._stored_version()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: BEGIN IMMEDIATE, commit, or roll back on any error."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read transaction, so multi-query answers come from one snapshot."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def describe(self) -> str:
        mode = " (read-only)" if self.read_only else ""
        return f"SQLite store {self.path}{mode}"

    # -- writing ---------------------------------------------------------------------
    def write(self, batch: GraphBatch) -> dict[str, int]:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only: open it without read_only to write")
        if problems := batch.schema_problems():
            raise StoreError(problems[0])
        nodes = _last_by_id(batch.nodes)
        # == rel.key (`_value_`: hashing the enum member itself is a Python-level call per row)
        rels = {(rel.type._value_, rel.start, rel.end): rel for rel in batch.relationships}
        try:
            with self._transaction() as conn:
                deleted = self._delete_articles(conn, batch.replaces)
                conn.executemany('DELETE FROM rel WHERE "type" = ? AND "start" = ?',
                                 [(str(t), start) for t, start in dict.fromkeys(batch.replaces_outgoing)])
                self._check_endpoints(conn, {n.id for n in nodes}, rels.values())
                self._upsert_nodes(conn, nodes)
                conn.executemany(REL_UPSERT_SQL, [
                    (key[0], key[1], key[2], _props_json(r.props) if r.props else "{}")
                    for key, r in rels.items()])
        except sqlite3.Error as err:
            raise StoreError(f"writing to {self.path} failed, nothing was written: {err}") from None
        return {"nodes": len(nodes), "relationships": len(rels), "deleted": deleted}

    def _delete_articles(self, conn: sqlite3.Connection, root_ids: Sequence[str]) -> int:
        """Delete the documents of these articles, their claims and evidence and their relationships."""
        doc_ids = []
        for chunk in _chunks(list(dict.fromkeys(root_ids))):
            doc_ids += [r[0] for r in conn.execute(
                _sql('SELECT id FROM "document" WHERE root_id IN ($m)', m=_marks(len(chunk))), chunk)]
        owned: list[str] = []
        for label in DOCUMENT_OWNED:
            for chunk in _chunks(doc_ids):
                ids = [r[0] for r in conn.execute(
                    _sql("SELECT id FROM $t WHERE document_id IN ($m)", t=q(TABLES[label]),
                         m=_marks(len(chunk))), chunk)]
                owned += ids
                if label == Label.CLAIM and self._has_claim_text:
                    _unindex_claim_text(conn, ids)
        for chunk in _chunks(doc_ids + owned):
            marks = _marks(len(chunk))
            conn.execute(_sql('DELETE FROM rel WHERE "start" IN ($m)', m=marks), chunk)
            conn.execute(_sql('DELETE FROM rel WHERE "end" IN ($m)', m=marks), chunk)
        for label in (Label.DOCUMENT, *DOCUMENT_OWNED):
            ids = doc_ids if label == Label.DOCUMENT else owned
            for chunk in _chunks(ids):
                conn.execute(_sql("DELETE FROM $t WHERE id IN ($m)", t=q(TABLES[label]),
                                  m=_marks(len(chunk))), chunk)
        return len(doc_ids) + len(owned)

    def _check_endpoints(self, conn: sqlite3.Connection, batch_ids: set[str],
                         rels: Iterable[Relationship]) -> None:
        """Raise StoreError if a relationship end is neither in the batch nor in the store."""
        outside = sorted({end for rel in rels for end in (rel.start, rel.end)} - batch_ids)
        present = self._existing_ids(conn, outside)
        missing = [node_id for node_id in outside if node_id not in present]
        if missing:
            raise StoreError(f"relationship ends not in the batch or the store: {', '.join(missing[:5])}"
                             + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""))

    @staticmethod
    def _existing_ids(conn: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(ids):
            for table in TABLES.values():
                found.update(r[0] for r in conn.execute(
                    _sql("SELECT id FROM $t WHERE id IN ($m)", t=q(table), m=_marks(len(chunk))), chunk))
        return found

    def _upsert_nodes(self, conn: sqlite3.Connection, nodes: list[Node]) -> None:
        by_label: dict[Label, list[dict[str, Any]]] = {label: [] for label in NODES}
        for node in nodes:
            by_label[node.label].append(node.props)
        for label, props in by_label.items():
            if not props:
                continue
            names = COLUMNS[label]
            conn.executemany(NODE_UPSERT_SQL[label], [tuple(map(p.get, names)) for p in props])
        if by_label[Label.CLAIM] and self._has_claim_text:
            claims = [(p["id"], p.get("text"), *(p.get(c) or "" for c in SEARCH_COLUMNS))
                      for p in by_label[Label.CLAIM]]
            _unindex_claim_text(conn, [claim[0] for claim in claims])
            _index_claim_text(conn, claims)

    def clear(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only: open it without read_only to clear it")
        with self._transaction() as conn:
            for table in (*TABLES.values(), "rel"):
                conn.execute(_sql("DELETE FROM $t", t=q(table)))
            if self._has_claim_text:
                conn.execute("INSERT INTO claim_text (claim_text) VALUES ('delete-all')")
                conn.execute('DELETE FROM "claim_search"')

    # -- nodes -------------------------------------------------------------------------
    def node(self, node_id: str) -> Node | None:
        with self._read() as conn:
            found = self._nodes_by_id(conn, [node_id])
        return found.get(node_id)

    def ids_with_prefix(self, prefix: str, label: Label | None = None, limit: int = 10) -> list[str]:
        tables = [TABLES[Label(label)]] if label else list(TABLES.values())
        after = _prefix_end(prefix)  # ids in [prefix, after) start with prefix (code-point order)
        found: list[str] = []
        with self._read() as conn:
            for table in tables:
                if after is None:
                    sql, params = _sql("SELECT id FROM $t WHERE id >= ? ORDER BY id LIMIT ?", t=q(table)), \
                        (prefix, limit)
                else:
                    sql = _sql("SELECT id FROM $t WHERE id >= ? AND id < ? ORDER BY id LIMIT ?", t=q(table))
                    params = (prefix, after, limit)
                found += [row[0] for row in conn.execute(sql, params) if row[0].startswith(prefix)]
        return sorted(found)[:max(limit, 0)]

    @staticmethod
    def _nodes_by_id(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Node]:
        """Fetch nodes of any label by id."""
        found: dict[str, Node] = {}
        for chunk in _chunks(list(ids)):
            for label, table in TABLES.items():
                sql = _sql("SELECT * FROM $t WHERE id IN ($m)", t=q(table), m=_marks(len(chunk)))
                for row in conn.execute(sql, chunk):
                    found[row["id"]] = Node(label, row["id"], _row_props(label, row))
        return found

    @staticmethod
    def _rels_touching(conn: sqlite3.Connection,
                       ids: Sequence[str]) -> dict[tuple[str, str, str], Relationship]:
        """Every relationship with both ends among `ids`."""
        wanted = set(ids)
        found: dict[tuple[str, str, str], Relationship] = {}
        for chunk in _chunks(list(ids)):
            for row in conn.execute(_sql('SELECT * FROM rel WHERE "start" IN ($m)', m=_marks(len(chunk))),
                                    chunk):
                if row["end"] in wanted:
                    rel = _rel(row)
                    found[rel.key] = rel
        return found

    def iter_nodes(self, label: Label, batch_size: int = 1000) -> Iterator[list[Node]]:
        label = Label(label)
        table = q(TABLES[label])
        last = ""
        while True:
            with self._read() as conn:
                rows = conn.execute(_sql("SELECT * FROM $t WHERE id > ? ORDER BY id LIMIT ?", t=table),
                                    (last, batch_size)).fetchall()
            if not rows:
                return
            yield [Node(label, r["id"], _row_props(label, r)) for r in rows]
            last = rows[-1]["id"]

    def iter_relationships(self, rel_type: RelType, batch_size: int = 1000) -> Iterator[list[Relationship]]:
        rel_type = RelType(rel_type)
        last: tuple[str, str] | None = None
        while True:
            with self._read() as conn:
                if last is None:
                    rows = conn.execute('SELECT * FROM rel WHERE "type" = ? ORDER BY "start", "end" LIMIT ?',
                                        (str(rel_type), batch_size)).fetchall()
                else:
                    rows = conn.execute(
                        'SELECT * FROM rel WHERE "type" = ? AND ("start", "end") > (?, ?) '
                        'ORDER BY "start", "end" LIMIT ?', (str(rel_type), *last, batch_size)).fetchall()
            if not rows:
                return
            yield [Relationship(rel_type, r["start"], r["end"], json.loads(r["props"])) for r in rows]
            last = (rows[-1]["start"], rows[-1]["end"])

    # -- claims --------------------------------------------------------------------------
    def claims(self, flt: ClaimFilter | None = None, offset: int = 0, limit: int = 50,
               order_by: str = "position", descending: bool = False) -> Page:
        if order_by not in CLAIM_SORT_KEYS:
            raise StoreError(f"cannot sort claims by {order_by!r}: use one of {', '.join(CLAIM_SORT_KEYS)}")
        offset, limit = max(0, int(offset)), max(0, int(limit))
        flt = flt or ClaimFilter()
        order = _claim_order(order_by, descending)
        sources = self.resolve_source(flt.source_id)
        with self._read() as conn:
            matches = total = None
            if self._has_claim_text and flt.text and len(flt.text.lower()) >= TRIGRAM:
                folded = flt.text.lower()
                # Text hits, and those that also pass the filters claim_search holds (status, kind):
                # when they are the only other filters, that is the total, in the same pass.
                beside = {c: getattr(flt, c) for c in self._search_columns if getattr(flt, c)}
                kept = " AND ".join(f"s.{q(c)} = ?" for c in beside) or "1"
                matches, kept_count = conn.execute(
                    f"SELECT COUNT(*), COUNT(*) FILTER (WHERE {kept}) {CLAIM_TEXT_HITS}",
                    (*beside.values(), fts_trigrams(folded), folded)).fetchone()
                if self._text_only(flt, beside):
                    total = kept_count
            # Few matches: fetch them by id from the index. Many: walk claims in page order and test
            # the text (a page fills after a few hundred rows), not tens of thousands of random reads.
            by_index = matches is not None and matches <= FTS_DRIVES_UP_TO
            where, params = _claim_where(flt, sources, by_index)
            if total is None:  # up to FTS_COUNTS_UP_TO text hits, counted from the hits; beyond, by the text
                hits_count = matches is not None and matches <= FTS_COUNTS_UP_TO
                counted, count_params = _claim_where(flt, sources, hits_count)
                total = conn.execute(_sql("SELECT COUNT(*) FROM claim c WHERE $w", w=counted),
                                     count_params).fetchone()[0]
            rows = conn.execute(_sql(CLAIM_PAGE_SQL, w=where, o=order), (*params, limit, offset)).fetchall()
        return Page([_claim_row(r) for r in rows], total, offset, limit)

    def _claim_ids(self, conn: sqlite3.Connection, flt: ClaimFilter, limit: int) -> list[str]:
        sources = self._find_sources_in(conn, flt.source_id) if flt.source_id else None
        where, params = _claim_where(flt, sources, self._has_claim_text)
        order = _claim_order("position", False)
        sql = _sql("SELECT c.id FROM claim c WHERE $w ORDER BY $o LIMIT ?", w=where, o=order)
        return [r[0] for r in conn.execute(sql, (*params, limit))]

    def _text_only(self, flt: ClaimFilter, beside: Iterable[str] = ()) -> bool:
        """True when the text index alone answers the filter: text of 3+ characters, and no other
        filter but those in `beside` (columns of claim_search)."""
        return (self._has_claim_text and bool(flt.text) and len(flt.text.lower()) >= TRIGRAM
                and not any(getattr(flt, f) for f in ("status", "document_id", "section", "kind",
                                                      "source_id", "design", "only_design", "stance")
                            if f not in beside))

    def trace(self, claim_id: str) -> dict[str, Any] | None:
        with self._read() as conn:
            row = conn.execute("SELECT * FROM claim WHERE id = ?", (claim_id,)).fetchone()
            if row is None:
                return None
            claim = _row_props(Label.CLAIM, row)
            doc_row = conn.execute("SELECT * FROM document WHERE id = ?",
                                   (claim.get("document_id"),)).fetchone()
            document = _row_props(Label.DOCUMENT, doc_row) if doc_row else {}
            claim["document_title"] = document.get("title", "")
            evidence = self._trace_evidence(conn, claim_id)
            challenges = self._challenges(conn, claim_id)
        text = document.pop("text", "")
        return {"claim": claim, "document": document, "context": trace_context(text, claim, evidence),
                "evidence": evidence, "challenges": challenges}

    @staticmethod
    def _trace_evidence(conn: sqlite3.Connection, claim_id: str) -> list[dict[str, Any]]:
        """The claim's evidence by start offset, each with the sources it cites (by id)."""
        evidence = []
        for row in conn.execute(
                "SELECT e.* FROM rel r JOIN evidence e ON e.id = r.\"end\" "
                "WHERE r.type = 'SUPPORTED_BY' AND r.start = ? ORDER BY e.start, e.id", (claim_id,)):
            item = _row_props(Label.EVIDENCE, row)
            item["sources"] = [
                {**_row_props(Label.SOURCE, s), **_cited_as(s["cites"]), "in_corpus": s["in_corpus"] or ""}
                for s in conn.execute(
                    "SELECT s.*, r.props AS cites, (SELECT MIN(ic.\"end\") FROM rel ic WHERE ic.start = s.id "
                    "AND ic.type = 'IN_CORPUS') AS in_corpus FROM rel r JOIN source s ON s.id = r.\"end\" "
                    "WHERE r.type = 'CITES' AND r.start = ? ORDER BY s.id", (row["id"],))]
            evidence.append(item)
        return evidence

    @staticmethod
    def _challenges(conn: sqlite3.Connection, claim_id: str) -> list[dict[str, Any]]:
        """Documents and claims that challenge a claim, by id."""
        rows = conn.execute(
            "SELECT r.start AS id, r.props AS props, COALESCE(c.text, d.text) AS text, "
            "CASE WHEN c.id IS NOT NULL THEN 'Claim' ELSE 'Document' END AS label "
            "FROM rel r LEFT JOIN claim c ON c.id = r.start LEFT JOIN document d ON d.id = r.start "
            "WHERE r.type = 'CHALLENGES' AND r.\"end\" = ? ORDER BY r.start", (claim_id,))
        return [{"id": r["id"], "label": r["label"], "text": r["text"] or "",
                 "reason": json.loads(r["props"]).get("reason", "")} for r in rows]

    # -- corpus ------------------------------------------------------------------------------
    def _find_sources(self, value: str, doi: str) -> list[str]:
        with self._read() as conn:
            return self._find_sources_in(conn, value, doi)

    @staticmethod
    def _find_sources_in(conn: sqlite3.Connection, value: str, doi: str | None = None) -> list[str]:
        from graph.schema import normalise_doi

        doi = normalise_doi(value) if doi is None else doi
        return [r[0] for r in conn.execute(
            "SELECT id FROM source WHERE id = ? OR (? <> '' AND lower(doi) = ?) OR "
            "instr(', ' || COALESCE(keys, '') || ', ', ', ' || ? || ', ') > 0 ORDER BY id",
            (value, doi, doi, value))]

    def work_identities(self) -> list[dict[str, Any]]:
        with self._read() as conn:
            return [_row_props(Label.SOURCE, r) for r in conn.execute("SELECT * FROM source ORDER BY id")]

    def article_identities(self) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = conn.execute("SELECT id, path, sha256, doi, title, author, date FROM document "
                                "WHERE kind = 'article' ORDER BY id").fetchall()
        return [{k: r[k] or "" for k in r.keys()} for r in rows]

    def works(self, by: str = "articles", limit: int = 50) -> list[dict[str, Any]]:
        first, second = _work_ranking(by)
        limit = max(0, int(limit))
        with self._read() as conn:
            # The ranking count of every work first; the other count (a tie-break) only for the works
            # that can still make the top `limit`: those ranked at least as high as the last one kept.
            ranked = conn.execute(_sql("SELECT s.id, $c AS n FROM source s ORDER BY n DESC",
                                       c=WORK_COUNT_SQL[by])).fetchall()
            if not ranked or not limit:
                return []
            cutoff = ranked[min(limit, len(ranked)) - 1]["n"]
            candidates = [r["id"] for r in ranked if r["n"] >= cutoff]
            rows = []
            for chunk in _chunks(candidates):
                rows += conn.execute(_sql(
                    "SELECT s.id, COALESCE(s.title, '') AS title, COALESCE(s.authors, '') AS authors, "
                    "COALESCE(s.year, '') AS year, COALESCE(s.doi, '') AS doi, COALESCE(s.keys, '') AS keys, "
                    "$a AS article_count, $c AS claim_count FROM source s WHERE s.id IN ($m)",
                    a=WORK_COUNT_SQL["articles"], c=WORK_COUNT_SQL["claims"], m=_marks(len(chunk))),
                    chunk).fetchall()
        rows.sort(key=lambda r: (-r[first], -r[second], r["id"]))
        return [dict(r) for r in rows[:limit]]

    def co_cited(self, source_id: str, limit: int = 20) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT s.id, COALESCE(s.title, '') AS title, COALESCE(s.authors, '') AS authors, "
                "COALESCE(s.year, '') AS year, COUNT(DISTINCT d.root_id) AS articles "
                "FROM rel a JOIN document d ON d.id = a.start "
                "JOIN rel b ON b.start = a.start AND b.type = 'CITES' AND b.\"end\" <> a.\"end\" "
                "JOIN source s ON s.id = b.\"end\" "
                "WHERE a.type = 'CITES' AND a.\"end\" = ? "
                "GROUP BY s.id ORDER BY articles DESC, s.id LIMIT ?",
                (source_id, max(0, int(limit)))).fetchall()
        return [dict(r) for r in rows]

    def citing_articles(self, document_id: str) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT DISTINCT d.root_id AS id, COALESCE(r.title, '') AS title, ic.start AS source_id "
                "FROM rel ic JOIN rel ci ON ci.\"end\" = ic.start AND ci.type = 'CITES' "
                "JOIN document d ON d.id = ci.start JOIN document r ON r.id = d.root_id "
                "WHERE ic.type = 'IN_CORPUS' AND ic.\"end\" = ? AND d.root_id <> ? "
                "ORDER BY id, source_id", (document_id, document_id)).fetchall()
        return [dict(r) for r in rows]

    def support_summary(self) -> list[dict[str, Any]]:
        status_cols = ", ".join(
            _sql("(SELECT COUNT(*) FROM claim c WHERE c.document_id = d.id AND c.status = '$v') AS $n",
                 v=s.value, n=q(s.value)) for s in ClaimStatus)  # schema enum
        with self._read() as conn:
            rows = conn.execute(_sql(
                "SELECT d.id, COALESCE(d.title, '') AS title, COALESCE(d.path, '') AS path, "
                "(SELECT COUNT(*) FROM claim c WHERE c.document_id = d.id) AS claim_count, $cols, "
                "(SELECT COUNT(*) FROM rel r WHERE r.start = d.id AND r.type = 'CITES') AS works, "
                "(SELECT COUNT(*) FROM evidence e WHERE e.document_id = d.id AND e.kind = 'citation' "
                " AND NOT EXISTS (SELECT 1 FROM rel r WHERE r.start = e.id AND r.type = 'CITES')) "
                "AS unresolved "
                "FROM document d WHERE d.kind = 'article' ORDER BY d.id", cols=status_cols)).fetchall()
        return [dict(r) for r in rows]

    def claims_by_support_design(self) -> dict[str, int]:
        with self._read() as conn:
            rows = conn.execute("SELECT COALESCE(support_design, '') AS design, COUNT(*) AS n FROM claim "
                                "GROUP BY COALESCE(support_design, '') ORDER BY design").fetchall()
        return {r["design"]: r["n"] for r in rows}

    # -- overviews -----------------------------------------------------------------------
    def sources(self) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT s.*, "
                "(SELECT COUNT(DISTINCT d.root_id) FROM rel ci JOIN document d ON d.id = ci.start "
                " WHERE ci.type = 'CITES' AND ci.\"end\" = s.id) AS article_count, "
                "(SELECT COUNT(DISTINCT sb.start) FROM rel ci JOIN rel sb ON sb.\"end\" = ci.start "
                " AND sb.type = 'SUPPORTED_BY' WHERE ci.type = 'CITES' AND ci.\"end\" = s.id) "
                "AS claim_count, "
                "(SELECT COUNT(*) FROM rel ci JOIN evidence e ON e.id = ci.start "
                " WHERE ci.type = 'CITES' AND ci.\"end\" = s.id) AS evidence_count "
                "FROM source s ORDER BY claim_count DESC, s.id").fetchall()
        return [{**_row_props(Label.SOURCE, r), "claim_count": r["claim_count"],
                 "evidence_count": r["evidence_count"], "article_count": r["article_count"]} for r in rows]

    def documents(self) -> list[dict[str, Any]]:
        # Claim counts in one grouped pass over the (document_id, status) index; the document rows
        # without their text (the heaviest column, which every caller of this summary drops).
        columns = ", ".join(q(name) for name in DOCUMENT_SUMMARY_PROPS)
        with self._read() as conn:
            counts: dict[str, dict[str, int]] = {}
            for document_id, status, count in conn.execute(
                    "SELECT document_id, status, COUNT(*) FROM claim GROUP BY document_id, status"):
                counts.setdefault(document_id, {})[status] = count
            rows = conn.execute(_sql("SELECT $c FROM document ORDER BY root_id, position, id",
                                     c=columns)).fetchall()
        result = []
        for row in rows:
            doc = {name: row[name] for name in DOCUMENT_SUMMARY_PROPS if row[name] is not None}
            by_status = counts.get(row["id"], {})
            doc["claim_count"] = sum(by_status.values())
            doc.update({s.value: by_status.get(s.value, 0) for s in ClaimStatus})
            result.append(doc)
        return result

    def sections(self, document_id: str | None = None) -> list[str]:
        where, params = ("WHERE document_id = ? AND section <> ''", (document_id,)) if document_id \
            else ("WHERE section <> ''", ())
        with self._read() as conn:
            rows = conn.execute(_sql(
                "SELECT section FROM (SELECT section, document_id, position, ROW_NUMBER() OVER "
                "(PARTITION BY section ORDER BY document_id, position) AS n FROM claim $w) "
                "WHERE n = 1 ORDER BY document_id, position", w=where), params).fetchall()
        return [r[0] for r in rows]

    def unresolved_citations(self, limit: int | None = None) -> list[dict[str, Any]]:
        with self._read() as conn:
            rows = conn.execute(
                "SELECT e.*, d.title AS document_title FROM evidence e "
                "LEFT JOIN document d ON d.id = e.document_id WHERE e.kind = ? AND NOT EXISTS "
                "(SELECT 1 FROM rel r WHERE r.start = e.id AND r.type = 'CITES') "
                "ORDER BY e.document_id, e.start, e.id LIMIT ?",
                (EvidenceKind.CITATION.value, -1 if limit is None else max(0, int(limit)))).fetchall()
        return [{**_row_props(Label.EVIDENCE, r), "document_title": r["document_title"] or ""} for r in rows]

    def stats(self) -> dict[str, Any]:
        with self._read() as conn:
            nodes = {str(label): conn.execute(_sql("SELECT COUNT(*) FROM $t", t=q(table))).fetchone()[0]
                     for label, table in TABLES.items()}
            rel_counts = dict(conn.execute('SELECT "type", COUNT(*) FROM rel GROUP BY "type"').fetchall())
            by_status = dict(conn.execute("SELECT status, COUNT(*) FROM claim GROUP BY status").fetchall())
            by_document = conn.execute(
                "SELECT g.document_id, COALESCE(d.title, '') AS title, g.status, g.count FROM "
                "(SELECT document_id, status, COUNT(*) AS count FROM claim GROUP BY document_id, status) g "
                "LEFT JOIN document d ON d.id = g.document_id ORDER BY g.document_id, g.status").fetchall()
            unresolved = conn.execute(
                "SELECT COUNT(*) FROM evidence e WHERE e.kind = ? AND NOT EXISTS "
                "(SELECT 1 FROM rel r WHERE r.start = e.id AND r.type = 'CITES')",
                (EvidenceKind.CITATION.value,)).fetchone()[0]
        return {
            "nodes": nodes,
            "relationships": {str(t): rel_counts.get(str(t), 0) for t in RelType},
            "claims_by_status": {str(s): by_status.get(str(s), 0) for s in ClaimStatus},
            "claims_by_document": [dict(r) for r in by_document],
            "unresolved_citations": unresolved,
        }

    # -- subgraphs -----------------------------------------------------------------------
    def neighbourhood(self, node_id: str, depth: int = 1, max_nodes: int = DEFAULT_MAX_NODES) -> Subgraph:
        with self._read() as conn:
            start = self._nodes_by_id(conn, [node_id])
            if not start or max_nodes < 1:
                return Subgraph()
            order, truncated = breadth_first(
                node_id, depth, max_nodes,
                lambda frontier, seen, limit: self._neighbours(conn, frontier, limit + len(seen)))
            nodes = self._nodes_by_id(conn, order)
            rels = self._rels_touching(conn, order)
        return Subgraph([nodes[i] for i in order if i in nodes], _sorted_rels(rels.values()), truncated)

    @staticmethod
    def _neighbours(conn: sqlite3.Connection, ids: Sequence[str], limit: int) -> set[str]:
        """Up to `limit` smallest neighbour ids per chunk of `ids`, in either direction."""
        found: set[str] = set()
        for chunk in _chunks(list(ids)):
            marks = _marks(len(chunk))
            found.update(r[0] for r in conn.execute(_sql(
                'SELECT n FROM (SELECT "end" AS n FROM rel WHERE "start" IN ($m) '
                'UNION SELECT "start" AS n FROM rel WHERE "end" IN ($m)) ORDER BY n LIMIT ?', m=marks),
                (*chunk, *chunk, limit)))
        return found

    def filter_subgraph(self, flt: ClaimFilter, max_nodes: int = DEFAULT_MAX_NODES) -> Subgraph:
        with self._read() as conn:
            chosen: dict[str, None] = {}
            if flt.document_id and self._nodes_by_id(conn, [flt.document_id]):
                chosen[flt.document_id] = None
            truncated = len(chosen) > max_nodes
            for claim_id in self._claim_ids(conn, flt, max_nodes + 1):
                bundle = [i for i in self._claim_bundle(conn, claim_id) if i not in chosen]
                if len(chosen) + len(bundle) > max_nodes:
                    truncated = True
                    break
                chosen.update(dict.fromkeys(bundle))
            ids = list(chosen)
            nodes = self._nodes_by_id(conn, ids)
            rels = self._rels_touching(conn, ids)
        return Subgraph([nodes[i] for i in ids if i in nodes], _sorted_rels(rels.values()), truncated)

    @staticmethod
    def _claim_bundle(conn: sqlite3.Connection, claim_id: str) -> list[str]:
        """A claim's document, itself, its evidence (by start), their sources and the sources' authors."""
        doc = conn.execute("SELECT document_id FROM claim WHERE id = ?", (claim_id,)).fetchone()
        evidence = [r[0] for r in conn.execute(
            "SELECT e.id FROM rel r JOIN evidence e ON e.id = r.\"end\" "
            "WHERE r.type = 'SUPPORTED_BY' AND r.start = ? ORDER BY e.start, e.id", (claim_id,))]
        ends = 'SELECT DISTINCT "end" FROM rel WHERE type = ? AND start IN ($m) ORDER BY "end"'
        sources = [r[0] for r in conn.execute(_sql(ends, m=_marks(len(evidence))),
                                              (RelType.CITES.value, *evidence))] if evidence else []
        authors = [r[0] for r in conn.execute(_sql(ends, m=_marks(len(sources))),
                                              (RelType.WRITTEN_BY.value, *sources))] if sources else []
        head = [doc[0]] if doc and doc[0] else []
        return list(dict.fromkeys(head + [claim_id] + evidence + sources + authors))


# -- helpers ----------------------------------------------------------------------------
def _unindex_claim_text(conn: sqlite3.Connection, claim_ids: Sequence[str]) -> None:
    """Remove these claims (those indexed) from the claim text index."""
    for chunk in _chunks(list(claim_ids)):
        old = conn.execute(_sql('SELECT n, text FROM "claim_search" WHERE id IN ($m)', m=_marks(len(chunk))),
                           chunk).fetchall()
        if old:
            conn.executemany("INSERT INTO claim_text (claim_text, rowid, text) VALUES ('delete', ?, ?)",
                             [(r[0], r[1]) for r in old])
            conn.executemany('DELETE FROM "claim_search" WHERE n = ?', [(r[0],) for r in old])


CLAIM_SEARCH_INSERT = _sql('INSERT INTO "claim_search" (id, text, $c) VALUES (?, ?, $m)',
                           c=", ".join(map(q, SEARCH_COLUMNS)), m=_marks(len(SEARCH_COLUMNS)))


def _index_claim_text(conn: sqlite3.Connection, claims: Sequence[Sequence[Any]]) -> None:
    """Add claims (id, text, *SEARCH_COLUMNS), not yet indexed, to the claim text index under new
    sequential keys."""
    last = conn.execute('SELECT COALESCE(MAX(n), 0) FROM "claim_search"').fetchone()[0]
    conn.executemany(CLAIM_SEARCH_INSERT,
                     [(claim, _py_lower(text) if isinstance(text, str) else "", *rest)
                      for claim, text, *rest in claims])
    conn.execute('INSERT INTO claim_text (rowid, text) SELECT n, text FROM "claim_search" WHERE n > ?',
                 (last,))


def _last_by_id(nodes: Iterable[Node]) -> list[Node]:
    """One node per id; a later node with the same id wins, as a second MERGE would."""
    return list({node.id: node for node in nodes}.values())


# The citations (evidence -> work) of claim `c`: r2 is the CITES, s the cited work.
CLAIM_CITES_SQL = ("SELECT 1 FROM rel r1 JOIN rel r2 ON r2.start = r1.\"end\" AND r2.type = 'CITES' "
                   "JOIN source s ON s.id = r2.\"end\" WHERE r1.start = c.id AND r1.type = 'SUPPORTED_BY'")


def _claim_where(flt: ClaimFilter, source_ids: list[str] | None = None,
                 claim_text: bool = False) -> tuple[str, list[Any]]:
    """SQL condition on claim alias `c` and its parameters; `source_ids` are flt.source_id resolved,
    `claim_text`: the claim text index exists."""
    clauses, params = ["1 = 1"], []
    by_text_index = claim_text and bool(flt.text) and len(flt.text.lower()) >= TRIGRAM
    for column in ("status", "document_id", "section", "kind"):
        value = getattr(flt, column)
        if value:
            # With the text index, the text hits drive the query: a unary + keeps the planner off the
            # status/section/kind index (half the claims share a status), not off a document's claims.
            plus = "+" if by_text_index and column != "document_id" else ""
            clauses.append(f"{plus}c.{q(column)} = ?")
            params.append(value)
    if flt.source_id:
        ids = list(source_ids or [flt.source_id])
        clauses.append(_sql(
            "c.id IN (SELECT r1.start FROM rel r2 JOIN rel r1 ON r1.\"end\" = r2.start "
            "AND r1.type = 'SUPPORTED_BY' WHERE r2.type = 'CITES' AND r2.\"end\" IN ($m))",
            m=_marks(len(ids))))
        params.extend(ids)
    if flt.design:
        designs = ClaimFilter.values(flt.design)
        clauses.append(_sql("c.support_design IN ($m)", m=_marks(len(designs))))
        params.extend(designs)
    if flt.only_design:
        designs = ClaimFilter.values(flt.only_design)
        # A claim resting only on these designs has one of them as its strongest (`support_design`,
        # indexed; '' or NULL when every supporting work's design is unknown): that narrows the
        # candidates before the per-claim check of every supporting work.
        unknown = UNKNOWN_DESIGN in designs
        strongest = [*designs, *([""] if unknown else [])]
        clauses.append(_sql(
            f"(c.support_design IN ($s){' OR c.support_design IS NULL' if unknown else ''}) "
            f"AND c.n_supporting > 0 AND NOT EXISTS ({CLAIM_CITES_SQL} AND "
            "json_extract(r2.props, '$$.stance') = 'supporting' AND "
            "COALESCE(NULLIF(s.design, ''), 'unknown') NOT IN ($m))",
            s=_marks(len(strongest)), m=_marks(len(designs))))
        params.extend([*strongest, *designs])
    if flt.stance:
        stances = ClaimFilter.values(flt.stance)
        clauses.append(_sql(f"EXISTS ({CLAIM_CITES_SQL} AND json_extract(r2.props, '$$.stance') IN ($m))",
                            m=_marks(len(stances))))
        params.extend(stances)
    if flt.text:
        folded = flt.text.lower()
        if by_text_index:
            clauses.append(f"c.id IN ({CLAIM_TEXT_MATCH_SQL})")
            params += [fts_trigrams(folded), folded]
        else:
            clauses.append("instr(cg_lower(c.text), ?) > 0")
            params.append(folded)
    return " AND ".join(clauses), params


def _cited_as(props_json: str | dict) -> dict[str, str]:
    """The citing document's own key and reference number for a work, and the stance of the citing
    passage, from its CITES properties."""
    props = json.loads(props_json) if isinstance(props_json, str) else (props_json or {})
    return {"cited_key": props.get("key", ""), "cited_number": props.get("number", ""),
            "stance": props.get("stance", ""), "stance_cue": props.get("stance_cue", "")}


# A work's counts for works(): the articles citing it and the claims resting on it (correlated on s.id).
WORK_COUNT_SQL: dict[str, str] = {
    "articles": "(SELECT COUNT(DISTINCT d.root_id) FROM rel ci JOIN document d ON d.id = ci.start "
                "WHERE ci.type = 'CITES' AND ci.\"end\" = s.id)",
    "claims": "(SELECT COUNT(DISTINCT sb.start) FROM rel ci JOIN rel sb ON sb.\"end\" = ci.start "
              "AND sb.type = 'SUPPORTED_BY' WHERE ci.type = 'CITES' AND ci.\"end\" = s.id)",
}


def _work_ranking(by: str) -> tuple[str, str]:
    """works() ranks by citing articles or by claims resting on them, ties by the other, then id."""
    if by == "articles":
        return "article_count", "claim_count"
    if by == "claims":
        return "claim_count", "article_count"
    raise StoreError(f"cannot rank works by {by!r}: use articles or claims")


def _claim_order(order_by: str, descending: bool) -> str:
    """ORDER BY for claims: `position` means document order; other keys break ties by document order."""
    direction = "DESC" if descending else "ASC"
    if order_by == "position":
        return f"c.document_id {direction}, c.position {direction}, c.id {direction}"
    return f"c.{q(order_by)} {direction}, c.document_id ASC, c.position ASC, c.id ASC"


def _claim_row(row: sqlite3.Row) -> dict[str, Any]:
    props = _row_props(Label.CLAIM, row)
    return {
        "id": props["id"], "text": props.get("text", ""), "document_id": props.get("document_id", ""),
        "document_title": row["document_title"] or "", "section": props.get("section", ""),
        "start": props.get("start"), "end": props.get("end"), "kind": props.get("kind", ""),
        "status": props.get("status", ""), "contested": bool(props.get("contested", False)),
        "position": props.get("position"), "evidence_count": row["evidence_count"],
        "source_ids": json.loads(row["source_ids"] or "[]"),
        "support_design": props.get("support_design", ""), "n_supporting": props.get("n_supporting", 0),
        "n_contrasting": props.get("n_contrasting", 0),
    }


def _rel(row: sqlite3.Row) -> Relationship:
    return Relationship(RelType(row["type"]), row["start"], row["end"], json.loads(row["props"]))


def _sorted_rels(rels: Iterable[Relationship]) -> list[Relationship]:
    return sorted(rels, key=lambda r: r.key)
