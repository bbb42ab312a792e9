"""The Neo4j store: any Neo4j 5 through the official driver.

Constraints and indexes are generated from graph.schema. A write() is one managed
write transaction (retried on transient errors) of batched `UNWIND … MERGE`
statements; every read is a read transaction of bounded Cypher queries. Labels and
relationship types are interpolated only from graph.schema enums; every value
travels as a parameter.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from graph.model import CLAIM_SORT_KEYS, ClaimFilter, GraphBatch, Node, Page, Relationship, Subgraph
from graph.schema import (
    DOCUMENT_OWNED,
    DOCUMENT_SUMMARY_PROPS,
    META_ID,
    META_LABEL,
    NODES,
    RELATIONSHIPS,
    SCHEMA_VERSION,
    ClaimStatus,
    EvidenceKind,
    Label,
    RelType,
)
from graph.store import DEFAULT_MAX_NODES, Store, StoreError, breadth_first, trace_context
from graph.upgrade import PLANNER_FREE_FROM, UpgradePlanner, old_version_message

T = TypeVar("T")
CLEAR_CHUNK = 10_000
RETRY_SECONDS = 30.0


# -- schema ------------------------------------------------------------------------------
def schema_cypher() -> list[str]:
    """Constraints and indexes for every label, generated from graph.schema; safe to rerun."""
    statements = []
    for label, spec in NODES.items():
        low = label.value.lower()
        statements.append(f"CREATE CONSTRAINT claimgraph_{low}_id IF NOT EXISTS "
                          f"FOR (n:{label.value}) REQUIRE n.id IS UNIQUE")
        for prop in spec.props:
            if prop.indexed:
                statements.append(f"CREATE INDEX claimgraph_{low}_{prop.name} IF NOT EXISTS "
                                  f"FOR (n:{label.value}) ON (n.{prop.name})")
        fulltext = [p.name for p in spec.props if p.fulltext]
        if fulltext:
            props = ", ".join(f"n.{name}" for name in fulltext)
            statements.append(f"CREATE FULLTEXT INDEX claimgraph_{low}_fulltext IF NOT EXISTS "
                              f"FOR (n:{label.value}) ON EACH [{props}]")
    statements.append("CREATE INDEX claimgraph_claim_document_position IF NOT EXISTS "
                      "FOR (n:Claim) ON (n.document_id, n.position)")
    statements.append(f"CREATE CONSTRAINT claimgraph_meta_id IF NOT EXISTS "
                      f"FOR (n:{META_LABEL}) REQUIRE n.id IS UNIQUE")
    return statements


def _schema_props(props: dict[str, Any], names: Sequence[str]) -> dict[str, Any]:
    """Only properties graph.schema names, without nulls (absent stays absent)."""
    return {name: props[name] for name in names if props.get(name) is not None}


def _node(label: str, props: dict[str, Any]) -> Node:
    label = Label(label)
    return Node(label, props["id"], _schema_props(props, NODES[label].prop_names))


def _rel(rel_type: str, start: str, end: str, props: dict[str, Any]) -> Relationship:
    rel_type = RelType(rel_type)
    return Relationship(rel_type, start, end, _schema_props(props, RELATIONSHIPS[rel_type].prop_names))


def _union_by_label(template: str) -> str:
    """One query that runs `template` (with `{label}`) for every label, joined by UNION ALL."""
    return " UNION ALL ".join(template.format(label=label.value) for label in Label)


NODES_BY_ID = _union_by_label(
    "MATCH (n:{label}) WHERE n.id IN $ids RETURN '{label}' AS label, properties(n) AS props")
RELS_AMONG = _union_by_label(
    "MATCH (a:{label})-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids "
    "RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props")
NEIGHBOURS = _union_by_label(
    "MATCH (a:{label})--(b) WHERE a.id IN $ids AND NOT b.id IN $seen "
    "WITH DISTINCT b.id AS id ORDER BY id LIMIT $limit RETURN id")


def _redact(url: str) -> tuple[str, str | None, str | None]:
    """The URL without user:password@, and the user and password it carried."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None, None
    userinfo, host = parts.netloc.rsplit("@", 1)
    user, _, password = userinfo.partition(":")
    return urlunsplit(parts._replace(netloc=host)), unquote(user) or None, unquote(password) or None


class Neo4jStore(Store):
    """A ClaimGraph store in a Neo4j 5 database."""

    def __init__(self, url: str, read_only: bool = False, user: str | None = None,
                 password: str | None = None, database: str | None = None, batch_size: int = 5000,
                 retry_seconds: float = RETRY_SECONDS, planner: UpgradePlanner | None = None) -> None:
        """`planner` (ingest.upgrade.PLANNER) lets opening for writing upgrade a store older than v3."""
        self.url, url_user, url_password = _redact(url)
        self.read_only = read_only
        self._planner = planner
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self.batch_size = max(1, int(batch_size))
        user = user or os.environ.get("NEO4J_USER") or url_user or "neo4j"
        password = password if password is not None else os.environ.get("NEO4J_PASSWORD", url_password)
        self._driver = self._connect(user, password or "", retry_seconds)
        try:
            if not read_only:
                self._ensure_schema()
            self._check_version()
        except BaseException:
            self._driver.close()
            raise

    # -- connection ------------------------------------------------------------------
    def _connect(self, user: str, password: str, retry_seconds: float):
        """Open a driver and prove the server answers and accepts the credentials."""
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError

        where = self.describe()
        try:
            driver = GraphDatabase.driver(self.url, auth=(user, password),
                                          max_transaction_retry_time=retry_seconds,
                                          connection_acquisition_timeout=30.0,
                                          notifications_min_severity="OFF")
        except (ConfigurationError, ValueError) as err:
            raise StoreError(f"bad Neo4j URL {self.url}: {err}; use neo4j://host:7687 or bolt://host:7687") \
                from None
        try:
            driver.verify_connectivity()
            with driver.session(database=self.database, default_access_mode=self._mode()) as session:
                session.run("RETURN 1").consume()
        except AuthError:
            driver.close()
            raise StoreError(f"{where} refused the user name or password: set NEO4J_USER and "
                             "NEO4J_PASSWORD") from None
        except ValueError as err:
            driver.close()
            raise StoreError(f"bad Neo4j URL {self.url}: {_reason(err)}; use neo4j://host:7687 or "
                             "bolt://host:7687") from None
        except (DriverError, Neo4jError, OSError) as err:
            driver.close()
            raise StoreError(f"cannot use {where}: {_reason(err)}; is the server running and the "
                             "database name right?") from None
        return driver

    def _mode(self) -> str:
        from neo4j import READ_ACCESS, WRITE_ACCESS

        return READ_ACCESS if self.read_only else WRITE_ACCESS

    def _ensure_schema(self) -> None:
        """Create constraints and indexes that are missing (each its own schema transaction)."""
        from neo4j.exceptions import ClientError

        with self._driver.session(database=self.database) as session:
            for statement in schema_cypher():
                try:
                    session.run(statement).consume()
                except ClientError as err:  # another process created it between check and create
                    if "EquivalentSchemaRuleAlreadyExists" not in (err.code or ""):
                        raise StoreError(f"cannot create the ClaimGraph schema in {self.describe()}: "
                                         f"{_reason(err)}") from None

    def schema_version(self) -> int:
        """The version on the meta node; 1 for a store with ClaimGraph nodes and no meta node; 0 if empty."""
        def work(tx: Any) -> int:
            record = tx.run(f"MATCH (m:{META_LABEL} {{id: $id}}) RETURN m.schema_version AS v",
                            id=META_ID).single()
            if record is not None:
                return int(record["v"])
            has_data = tx.run("MATCH (n) WHERE n:Document OR n:Source RETURN n LIMIT 1").single()
            return 1 if has_data else 0

        return self._run(work)

    def _check_version(self) -> None:
        """Refuse a newer schema; upgrade a v1 store in one write transaction (or, read-only, say how)."""
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.describe()} was written by a newer ClaimGraph (schema version "
                             f"{version}, "
                             f"this one reads {SCHEMA_VERSION}): upgrade claimgraph")
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            if version:
                raise StoreError(f"{self.describe()} has the old schema version {version}: run "
                                 f"`claimgraph upgrade --store {self.url}` once to upgrade it in place")
            return
        if version and version < PLANNER_FREE_FROM and self._planner is None:
            raise StoreError(old_version_message(self.url, version))
        self._run((lambda tx: self._upgrade_tx(tx, version)) if version else _set_version, write=True)

    def _upgrade_tx(self, tx: Any, version: int) -> None:
        """Below v3: v1 -> v2 (every Source gets its work id, keys move onto CITES; nothing to do on a
        v2 store), then v2 -> v3 (designs, stances and support profiles); then v3 -> v4: the status
        `cited-unresolved` of claims whose citations matched nothing (graph.upgrade)."""
        from graph.upgrade import plan_v3_to_v4

        if version < 3:
            self._upgrade_to_v3_tx(tx)
        claims = [_node("Claim", r["p"]) for r in tx.run(
            "MATCH (c:Claim) WHERE c.status IN ['unsupported', 'anecdotal'] RETURN properties(c) AS p")]
        evidence = [_node("Evidence", r["p"]) for r in tx.run(
            "MATCH (e:Evidence) WHERE e.resolved = false RETURN properties(e) AS p")]
        supported_by = [_rel("SUPPORTED_BY", r["start"], r["end"], r["props"]) for r in tx.run(
            "MATCH (c:Claim)-[r:SUPPORTED_BY]->(e:Evidence) WHERE e.resolved = false "
            "RETURN c.id AS start, e.id AS end, properties(r) AS props")]
        self._write_tx(tx, [], plan_v3_to_v4(claims, evidence, supported_by), [])
        _set_version(tx)

    def _upgrade_to_v3_tx(self, tx: Any) -> None:
        """v1 -> v2 and v2 -> v3 in `tx` (graph.upgrade)."""
        from graph.upgrade import V3_INPUT_LABELS, V3_INPUT_TYPES

        assert self._planner is not None  # _check_version refused the store without one
        sources = [r["p"] for r in tx.run("MATCH (s:Source) RETURN properties(s) AS p ORDER BY s.id")]
        cites = [_rel("CITES", r["start"], r["end"], r["props"]) for r in tx.run(
            "MATCH (a)-[r:CITES]->(s:Source) RETURN a.id AS start, s.id AS end, properties(r) AS props")]
        written = [_rel("WRITTEN_BY", r["start"], r["end"], r["props"]) for r in tx.run(
            "MATCH (s:Source)-[r:WRITTEN_BY]->(a) RETURN s.id AS start, a.id AS end, properties(r) AS props")]
        plan = self._planner.v1_to_v2(sources, cites, written)
        tx.run("MATCH (s:Source) WHERE s.id IN $ids DETACH DELETE s", ids=plan.old_ids).consume()
        self._write_tx(tx, [], plan.sources, plan.relationships)
        nodes = [_node(label, r["p"]) for label in V3_INPUT_LABELS
                 for r in tx.run(f"MATCH (n:{label.value}) RETURN properties(n) AS p ORDER BY n.id")]
        rels = [_rel(rel_type.value, r["start"], r["end"], r["props"]) for rel_type in V3_INPUT_TYPES
                for r in tx.run(f"MATCH (a)-[r:{rel_type.value}]->(b) "
                                "RETURN a.id AS start, b.id AS end, properties(r) AS props")]
        changed_nodes, changed_rels = self._planner.v2_to_v3(nodes, rels)
        self._write_tx(tx, [], changed_nodes, changed_rels)

    def close(self) -> None:
        self._driver.close()

    def describe(self) -> str:
        database = self.database or "default database"
        mode = " (read-only)" if self.read_only else ""
        return f"Neo4j {self.url} ({database}){mode}"

    def _run(self, work: Callable[[Any], T], write: bool = False) -> T:
        """Run `work(tx)` in one managed transaction; driver failures become one-line StoreErrors."""
        from neo4j.exceptions import DriverError, IncompleteCommit, Neo4jError

        try:
            with self._driver.session(database=self.database, default_access_mode=self._mode()) as session:
                return session.execute_write(work) if write else session.execute_read(work)
        except IncompleteCommit:
            raise StoreError(f"{self.describe()} went away while committing: the write may or may not be "
                             "stored; run it again (writes are idempotent)") from None
        except (DriverError, Neo4jError, OSError) as err:
            action = "writing to" if write else "reading from"
            outcome = ", nothing was written" if write else ""
            raise StoreError(f"{action} {self.describe()} failed{outcome}: {_reason(err)}") from None

    # -- writing ---------------------------------------------------------------------
    def write(self, batch: GraphBatch) -> dict[str, int]:
        self._refuse_if_read_only("write")
        if problems := batch.schema_problems():
            raise StoreError(problems[0])
        nodes = list({node.id: node for node in batch.nodes}.values())
        rels = list({rel.key: rel for rel in batch.relationships}.values())
        replaces = list(dict.fromkeys(batch.replaces))
        outgoing = list(dict.fromkeys(batch.replaces_outgoing))
        deleted = self._run(lambda tx: self._write_tx(tx, replaces, nodes, rels, outgoing), write=True)
        return {"nodes": len(nodes), "relationships": len(rels), "deleted": deleted}

    def _refuse_if_read_only(self, action: str) -> None:
        if self.read_only:
            raise StoreError(f"{self.describe()} is open read-only: open it without read_only to {action}")

    def _write_tx(self, tx: Any, replaces: list[str], nodes: list[Node], rels: list[Relationship],
                  outgoing: Sequence[tuple[str, str]] = ()) -> int:
        """Delete replaced articles and outgoing relationships, check relationship ends, merge nodes
        then relationships."""
        deleted = _delete_articles(tx, replaces) if replaces else 0
        for rel_type in dict.fromkeys(RelType(t) for t, _ in outgoing):
            starts = [start for t, start in outgoing if RelType(t) == rel_type]
            for label in RELATIONSHIPS[rel_type].start:
                for chunk in _chunks(starts, self.batch_size):
                    tx.run(f"UNWIND $ids AS sid MATCH (a:{label.value} {{id: sid}})-[r:{rel_type.value}]->() "
                           "DELETE r", ids=chunk).consume()
        labels = {node.id: node.label for node in nodes}
        outside = sorted({end for rel in rels for end in (rel.start, rel.end)} - labels.keys())
        labels.update(_stored_labels(tx, outside))
        missing = [node_id for node_id in outside if node_id not in labels]
        if missing:
            more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
            raise StoreError("relationship ends not in the batch or the store: "
                             f"{', '.join(missing[:5])}{more}")
        fresh = _fresh_ids(nodes, replaces)
        for label in Label:
            for new in (True, False):
                rows = [node.props for node in nodes if node.label == label and (node.id in fresh) == new]
                verb = f"CREATE (n:{label.value})" if new else f"MERGE (n:{label.value} {{id: row.id}})"
                for chunk in _chunks(rows, self.batch_size):
                    tx.run(f"UNWIND $rows AS row {verb} SET n = row", rows=chunk).consume()
        groups: dict[tuple[RelType, Label, Label, bool], list[dict[str, Any]]] = {}
        for rel in rels:
            key = (rel.type, labels[rel.start], labels[rel.end], rel.start in fresh and rel.end in fresh)
            groups.setdefault(key, []).append({"start": rel.start, "end": rel.end, "props": rel.props})
        for (rel_type, start_label, end_label, new), rows in groups.items():
            verb = "CREATE" if new else "MERGE"
            query = (f"UNWIND $rows AS row MATCH (a:{start_label.value} {{id: row.start}}) "
                     f"MATCH (b:{end_label.value} {{id: row.end}}) "
                     f"{verb} (a)-[r:{rel_type.value}]->(b) SET r = row.props")
            for chunk in _chunks(rows, self.batch_size):
                tx.run(query, rows=chunk).consume()
        return deleted

    def clear(self) -> None:
        self._refuse_if_read_only("clear it")

        def delete_some(tx: Any) -> int:
            return tx.run(f"MATCH (n) WHERE NOT n:{META_LABEL} WITH n LIMIT $n DETACH DELETE n "
                          "RETURN count(*) AS k",
                          n=CLEAR_CHUNK).single()["k"]

        while self._run(delete_some, write=True):
            pass

    # -- nodes -----------------------------------------------------------------------
    def node(self, node_id: str) -> Node | None:
        return self._run(lambda tx: _nodes_by_id(tx, [node_id])).get(node_id)

    def ids_with_prefix(self, prefix: str, label: Label | None = None, limit: int = 10) -> list[str]:
        labels = [Label(label)] if label else list(Label)

        def work(tx: Any) -> list[str]:
            found: list[str] = []
            for each in labels:  # labels come from the schema only; the prefix is a parameter
                query = (f"MATCH (n:{each.value}) WHERE n.id STARTS WITH $prefix "
                         "RETURN n.id AS id ORDER BY n.id LIMIT $limit")
                found += [r["id"] for r in tx.run(query, prefix=prefix, limit=max(limit, 0))]
            return sorted(found)[:max(limit, 0)]

        return self._run(work)

    def iter_nodes(self, label: Label, batch_size: int = 1000) -> Iterator[list[Node]]:
        label = Label(label)
        query = f"MATCH (n:{label.value}) WHERE n.id > $last RETURN properties(n) AS p ORDER BY n.id LIMIT $n"
        last = ""
        while True:
            records = self._run(lambda tx, after=last: tx.run(query, last=after, n=batch_size).data())
            if not records:
                return
            yield [_node(label, r["p"]) for r in records]
            last = records[-1]["p"]["id"]

    def iter_relationships(self, rel_type: RelType, batch_size: int = 1000) -> Iterator[list[Relationship]]:
        rel_type = RelType(rel_type)
        last: tuple[str, str] | None = None
        while True:
            page = self._run(lambda tx, after=last: _rel_page(tx, rel_type, after, batch_size))
            if not page:
                return
            yield page
            last = (page[-1].start, page[-1].end)

    # -- claims ----------------------------------------------------------------------
    def claims(self, flt: ClaimFilter | None = None, offset: int = 0, limit: int = 50,
               order_by: str = "position", descending: bool = False) -> Page:
        if order_by not in CLAIM_SORT_KEYS:
            raise StoreError(f"cannot sort claims by {order_by!r}: use one of {', '.join(CLAIM_SORT_KEYS)}")
        offset, limit = max(0, int(offset)), max(0, int(limit))
        flt = flt or ClaimFilter()
        match, params = _claim_match(flt, self.resolve_source(flt.source_id))
        order = _claim_order(order_by, descending)
        page_query = (
            f"{match} WITH c ORDER BY {order} SKIP $offset LIMIT $limit "
            "OPTIONAL MATCH (d:Document {id: c.document_id}) "
            "RETURN properties(c) AS c, d.title AS document_title, "
            "COUNT { (c)-[:SUPPORTED_BY]->() } AS evidence_count, "
            "COLLECT { MATCH (c)-[:SUPPORTED_BY]->()-[:CITES]->(s) WITH DISTINCT s.id AS sid "
            "RETURN sid ORDER BY sid } AS source_ids "
            f"ORDER BY {order}"
        )

        def work(tx: Any) -> tuple[int, list[dict[str, Any]]]:
            total = tx.run(f"{match} RETURN count(c) AS total", **params).single()["total"]
            return total, tx.run(page_query, offset=offset, limit=limit, **params).data()

        total, records = self._run(work)
        return Page([_claim_row(r) for r in records], total, offset, limit)

    def trace(self, claim_id: str) -> dict[str, Any] | None:
        record = self._run(lambda tx: tx.run(TRACE_QUERY, id=claim_id).single())
        if record is None:
            return None
        claim = _schema_props(record["claim"], NODES[Label.CLAIM].prop_names)
        document = _schema_props(record["document"] or {}, NODES[Label.DOCUMENT].prop_names)
        text = document.pop("text", "")
        claim["document_title"] = document.get("title", "")
        evidence = [{**_schema_props(e["e"], NODES[Label.EVIDENCE].prop_names),
                     "sources": [{**_schema_props(s["s"], NODES[Label.SOURCE].prop_names),
                                  "cited_key": s["key"], "cited_number": s["number"],
                                  "stance": s["stance"], "stance_cue": s["stance_cue"],
                                  "in_corpus": s["in_corpus"]} for s in e["sources"]]}
                    for e in record["evidence"]]
        challenges = [{"id": c["id"], "label": c["label"], "text": c["text"] or "",
                       "reason": c["reason"] or ""} for c in record["challenges"]]
        return {"claim": claim, "document": document, "context": trace_context(text, claim, evidence),
                "evidence": evidence, "challenges": challenges}

    def claims_by_support_design(self) -> dict[str, int]:
        records = self._run(lambda tx: tx.run(
            "MATCH (c:Claim) WITH coalesce(c.support_design, '') AS design "
            "RETURN design, count(*) AS n ORDER BY design").data())
        return {r["design"]: r["n"] for r in records}

    # -- corpus ----------------------------------------------------------------------
    def _find_sources(self, value: str, doi: str) -> list[str]:
        return [r["id"] for r in self._run(lambda tx: tx.run(
            "MATCH (s:Source) WHERE s.id = $v OR ($doi <> '' AND toLower(s.doi) = $doi) "
            "OR $v IN split(coalesce(s.keys, ''), ', ') RETURN s.id AS id ORDER BY id",
            v=value, doi=doi).data())]

    def work_identities(self) -> list[dict[str, Any]]:
        return [_schema_props(r["p"], NODES[Label.SOURCE].prop_names) for r in self._run(
            lambda tx: tx.run("MATCH (s:Source) RETURN properties(s) AS p ORDER BY s.id").data())]

    def article_identities(self) -> list[dict[str, Any]]:
        names = ("id", "path", "sha256", "doi", "title", "author", "date")
        records = self._run(lambda tx: tx.run(
            "MATCH (d:Document {kind: 'article'}) "
            "RETURN d {.id, .path, .sha256, .doi, .title, .author, .date} "
            "AS d ORDER BY d.id").data())
        return [{k: r["d"].get(k) or "" for k in names} for r in records]

    def works(self, by: str = "articles", limit: int = 50) -> list[dict[str, Any]]:
        order = {"articles": "article_count DESC, claim_count DESC, id",
                 "claims": "claim_count DESC, article_count DESC, id"}.get(by)
        if order is None:
            raise StoreError(f"cannot rank works by {by!r}: use articles or claims")
        records = self._run(lambda tx: tx.run(
            "MATCH (s:Source) WITH s, "
            "size(COLLECT { MATCH (d:Document)-[:CITES]->(s) RETURN DISTINCT d.root_id }) AS article_count, "
            "size(COLLECT { MATCH (c:Claim)-[:SUPPORTED_BY]->(:Evidence)-[:CITES]->(s) RETURN DISTINCT c }) "
            "AS claim_count "
            "RETURN s.id AS id, coalesce(s.title, '') AS title, coalesce(s.authors, '') AS authors, "
            "coalesce(s.year, '') AS year, coalesce(s.doi, '') AS doi, coalesce(s.keys, '') AS keys, "
            f"article_count, claim_count ORDER BY {order} LIMIT $limit", limit=max(0, int(limit))).data())
        return [dict(r) for r in records]

    def co_cited(self, source_id: str, limit: int = 20) -> list[dict[str, Any]]:
        records = self._run(lambda tx: tx.run(
            "MATCH (:Source {id: $id})<-[:CITES]-(d:Document)-[:CITES]->(s:Source) WHERE s.id <> $id "
            "WITH s, count(DISTINCT d.root_id) AS articles "
            "RETURN s.id AS id, coalesce(s.title, '') AS title, coalesce(s.authors, '') AS authors, "
            "coalesce(s.year, '') AS year, articles ORDER BY articles DESC, id LIMIT $limit",
            id=source_id, limit=max(0, int(limit))).data())
        return [dict(r) for r in records]

    def citing_articles(self, document_id: str) -> list[dict[str, Any]]:
        records = self._run(lambda tx: tx.run(
            "MATCH (s:Source)-[:IN_CORPUS]->(:Document {id: $id}) MATCH (d:Document)-[:CITES]->(s) "
            "WHERE d.root_id <> $id MATCH (r:Document {id: d.root_id}) "
            "RETURN DISTINCT r.id AS id, coalesce(r.title, '') AS title, s.id AS source_id "
            "ORDER BY id, source_id", id=document_id).data())
        return [dict(r) for r in records]

    def support_summary(self) -> list[dict[str, Any]]:
        statuses = [s.value for s in ClaimStatus]
        records = self._run(lambda tx: tx.run(
            "MATCH (d:Document {kind: 'article'}) "
            "OPTIONAL MATCH (c:Claim) WHERE c.document_id = d.id "
            "WITH d, collect(c.status) AS found "
            "RETURN d.id AS id, coalesce(d.title, '') AS title, coalesce(d.path, '') AS path, "
            "size(found) AS claim_count, [s IN $statuses | size([x IN found WHERE x = s])] AS per_status, "
            "COUNT { (d)-[:CITES]->() } AS works, "
            "COUNT { MATCH (e:Evidence {document_id: d.id, kind: 'citation'}) "
            "        WHERE NOT EXISTS { (e)-[:CITES]->() } } AS unresolved ORDER BY id",
            statuses=statuses).data())
        rows = []
        for r in records:
            row = {"id": r["id"], "title": r["title"], "path": r["path"], "claim_count": r["claim_count"]}
            row.update(zip(statuses, r["per_status"], strict=True))
            row.update(works=r["works"], unresolved=r["unresolved"])
            rows.append(row)
        return rows

    # -- overviews -------------------------------------------------------------------
    def sources(self) -> list[dict[str, Any]]:
        records = self._run(lambda tx: tx.run(
            "MATCH (s:Source) "
            "WITH s, size(COLLECT { MATCH (c)-[:SUPPORTED_BY]->()-[:CITES]->(s) RETURN DISTINCT c }) "
            "AS claim_count, COUNT { (:Evidence)-[:CITES]->(s) } AS evidence_count, "
            "size(COLLECT { MATCH (d:Document)-[:CITES]->(s) RETURN DISTINCT d.root_id }) AS article_count "
            "RETURN properties(s) AS s, claim_count, evidence_count, article_count "
            "ORDER BY claim_count DESC, s.id").data())
        return [{**_schema_props(r["s"], NODES[Label.SOURCE].prop_names),
                 "claim_count": r["claim_count"], "evidence_count": r["evidence_count"],
                 "article_count": r["article_count"]} for r in records]

    def documents(self) -> list[dict[str, Any]]:
        projection = ", ".join(f".{name}" for name in DOCUMENT_SUMMARY_PROPS)
        statuses = [s.value for s in ClaimStatus]
        records = self._run(lambda tx: tx.run(
            f"MATCH (d:Document) WITH d, d {{{projection}}} AS doc "
            "OPTIONAL MATCH (c:Claim) WHERE c.document_id = d.id "
            "WITH d, doc, collect(c.status) AS found "
            "RETURN doc, size(found) AS claim_count, "
            "[s IN $statuses | size([x IN found WHERE x = s])] AS per_status "
            "ORDER BY d.root_id, d.position, d.id", statuses=statuses).data())
        result = []
        for record in records:
            doc = _schema_props(record["doc"], DOCUMENT_SUMMARY_PROPS)
            doc["claim_count"] = record["claim_count"]
            doc.update(zip(statuses, record["per_status"], strict=True))
            result.append(doc)
        return result

    def sections(self, document_id: str | None = None) -> list[str]:
        where = "c.section <> ''" + (" AND c.document_id = $doc" if document_id else "")
        records = self._run(lambda tx: tx.run(
            f"MATCH (c:Claim) WHERE {where} "
            "WITH c.section AS section, min([c.document_id, c.position]) AS first "
            "RETURN section ORDER BY first[0], first[1]", doc=document_id).data())
        return [r["section"] for r in records]

    def unresolved_citations(self, limit: int | None = None) -> list[dict[str, Any]]:
        page = "" if limit is None else " LIMIT $limit"
        records = self._run(lambda tx: tx.run(
            "MATCH (e:Evidence {kind: $kind}) WHERE NOT EXISTS { (e)-[:CITES]->() } "
            "WITH e ORDER BY e.document_id, e.start, e.id" + page + " "
            "OPTIONAL MATCH (d:Document {id: e.document_id}) "
            "RETURN properties(e) AS e, d.title AS title ORDER BY e.document_id, e.start, e.id",
            kind=EvidenceKind.CITATION.value, limit=max(0, int(limit or 0))).data())
        return [{**_schema_props(r["e"], NODES[Label.EVIDENCE].prop_names),
                 "document_title": r["title"] or ""} for r in records]

    def stats(self) -> dict[str, Any]:
        return self._run(_stats)

    # -- subgraphs -------------------------------------------------------------------
    def neighbourhood(self, node_id: str, depth: int = 1, max_nodes: int = DEFAULT_MAX_NODES) -> Subgraph:
        def work(tx: Any) -> Subgraph:
            if max_nodes < 1 or not _nodes_by_id(tx, [node_id]):
                return Subgraph()
            order, truncated = breadth_first(node_id, depth, max_nodes, lambda frontier, seen, limit: {
                r["id"] for r in tx.run(NEIGHBOURS, ids=frontier, seen=list(seen), limit=limit)})
            return _subgraph(tx, order, truncated)

        return self._run(work)

    def filter_subgraph(self, flt: ClaimFilter, max_nodes: int = DEFAULT_MAX_NODES) -> Subgraph:
        match, params = _claim_match(flt, self.resolve_source(flt.source_id))

        def work(tx: Any) -> Subgraph:
            chosen: dict[str, None] = {}
            if flt.document_id and _nodes_by_id(tx, [flt.document_id]):
                chosen[flt.document_id] = None
            truncated = len(chosen) > max_nodes
            records = tx.run(
                f"{match} WITH c ORDER BY {_claim_order('position', False)} LIMIT $limit "
                f"{BUNDLE_RETURN}", limit=max_nodes + 1, **params).data()
            for record in records:
                head = [record["document_id"]] if record["document_id"] else []
                bundle = [i for i in dict.fromkeys(head + [record["id"]] + record["evidence"]
                                                   + record["sources"] + record["authors"])
                          if i not in chosen]
                if len(chosen) + len(bundle) > max_nodes:
                    truncated = True
                    break
                chosen.update(dict.fromkeys(bundle))
            return _subgraph(tx, list(chosen), truncated)

        return self._run(work)


# -- queries -----------------------------------------------------------------------------
TRACE_QUERY = (
    "MATCH (c:Claim {id: $id}) OPTIONAL MATCH (d:Document {id: c.document_id}) "
    "RETURN properties(c) AS claim, properties(d) AS document, "
    "COLLECT { MATCH (c)-[:SUPPORTED_BY]->(e:Evidence) WITH e ORDER BY e.start, e.id "
    "  RETURN {e: properties(e), sources: COLLECT { MATCH (e)-[r:CITES]->(s:Source) WITH s, r ORDER BY s.id "
    "  RETURN {s: properties(s), key: coalesce(r.key, ''), number: coalesce(r.number, ''), "
    "stance: coalesce(r.stance, ''), stance_cue: coalesce(r.stance_cue, ''), "
    "  in_corpus: coalesce(COLLECT { MATCH (s)-[:IN_CORPUS]->(full:Document) "
    "  RETURN full.id ORDER BY full.id }[0], '')} "
    "  }} } AS evidence, "
    "COLLECT { MATCH (x)-[r:CHALLENGES]->(c) WITH x, r ORDER BY x.id "
    "  RETURN {id: x.id, label: CASE WHEN x:Claim THEN 'Claim' ELSE 'Document' END, "
    "  text: x.text, reason: r.reason} } AS challenges"
)
BUNDLE_RETURN = (
    "RETURN c.id AS id, c.document_id AS document_id, c.position AS position, "
    "COLLECT { MATCH (c)-[:SUPPORTED_BY]->(e:Evidence) WITH e ORDER BY e.start, e.id "
    "  RETURN e.id } AS evidence, "
    "COLLECT { MATCH (c)-[:SUPPORTED_BY]->(:Evidence)-[:CITES]->(s) WITH DISTINCT s.id AS sid "
    "  RETURN sid ORDER BY sid } AS sources, "
    "COLLECT { MATCH (c)-[:SUPPORTED_BY]->(:Evidence)-[:CITES]->()-[:WRITTEN_BY]->(a) "
    "  WITH DISTINCT a.id AS aid RETURN aid ORDER BY aid } AS authors "
    "ORDER BY document_id, position, id"
)


def _claim_match(flt: ClaimFilter, source_ids: list[str] | None = None) -> tuple[str, dict[str, Any]]:
    """`MATCH … WHERE …` binding `c` to the claims a filter selects, and its parameters;
    `source_ids` are flt.source_id resolved (Store.resolve_source)."""
    clauses, params = [], {}
    for prop in ("status", "document_id", "section", "kind"):
        value = getattr(flt, prop)
        if value:
            clauses.append(f"c.{prop} = ${prop}")
            params[prop] = value
    if flt.text:
        clauses.append("toLower(c.text) CONTAINS toLower($text)")
        params["text"] = flt.text
    if flt.design:
        clauses.append("c.support_design IN $designs")
        params["designs"] = ClaimFilter.values(flt.design)
    if flt.only_design:
        clauses.append("c.n_supporting > 0 AND NOT EXISTS { MATCH (c)-[:SUPPORTED_BY]->(:Evidence)"
                       "-[r:CITES]->(s:Source) WHERE r.stance = 'supporting' AND "
                       "NOT coalesce(nullif(s.design, ''), 'unknown') IN $only_designs }")
        params["only_designs"] = ClaimFilter.values(flt.only_design)
    if flt.stance:
        clauses.append("EXISTS { MATCH (c)-[:SUPPORTED_BY]->(:Evidence)-[r:CITES]->(:Source) "
                       "WHERE r.stance IN $stances }")
        params["stances"] = ClaimFilter.values(flt.stance)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    if flt.source_id:
        params["source_ids"] = list(source_ids or [flt.source_id])
        return ("MATCH (s:Source)<-[:CITES]-()<-[:SUPPORTED_BY]-(x:Claim) WHERE s.id IN $source_ids "
                f"WITH DISTINCT x AS c{where}"), params
    return f"MATCH (c:Claim){where}", params


def _claim_order(order_by: str, descending: bool) -> str:
    """ORDER BY for claims: `position` is document order; other keys break ties by document order."""
    direction = "DESC" if descending else "ASC"
    if order_by == "position":
        return f"c.document_id {direction}, c.position {direction}, c.id {direction}"
    return f"c.{order_by} {direction}, c.document_id ASC, c.position ASC, c.id ASC"


def _claim_row(record: dict[str, Any]) -> dict[str, Any]:
    props = _schema_props(record["c"], NODES[Label.CLAIM].prop_names)
    return {
        "id": props["id"], "text": props.get("text", ""), "document_id": props.get("document_id", ""),
        "document_title": record["document_title"] or "", "section": props.get("section", ""),
        "start": props.get("start"), "end": props.get("end"), "kind": props.get("kind", ""),
        "status": props.get("status", ""), "contested": bool(props.get("contested", False)),
        "position": props.get("position"), "evidence_count": record["evidence_count"],
        "source_ids": list(record["source_ids"]),
        "support_design": props.get("support_design", ""), "n_supporting": props.get("n_supporting", 0),
        "n_contrasting": props.get("n_contrasting", 0),
    }


def _fresh_ids(nodes: list[Node], replaces: list[str]) -> set[str]:
    """Ids of batch nodes that cannot be in the store once the replaced articles are deleted: the
    documents of those articles and their claims and evidence (ids are unique per document). They
    and the relationships among them are CREATEd, skipping MERGE's lookup."""
    roots = set(replaces)
    documents = {n.id for n in nodes if n.label == Label.DOCUMENT and n.props.get("root_id") in roots
                 and (n.id == n.props["root_id"] or n.id.startswith(n.props["root_id"] + "#"))}
    owned = {n.id for n in nodes if n.label in DOCUMENT_OWNED and n.props.get("document_id") in documents}
    return documents | owned


def _delete_articles(tx: Any, root_ids: list[str]) -> int:
    """Detach-delete the documents of these articles and their claims and evidence; count them."""
    doc_ids = [r["id"] for r in tx.run("MATCH (d:Document) WHERE d.root_id IN $roots RETURN d.id AS id",
                                       roots=root_ids)]
    if not doc_ids:
        return 0
    deleted = 0
    for label in DOCUMENT_OWNED:
        deleted += tx.run(f"MATCH (n:{label.value}) WHERE n.document_id IN $docs DETACH DELETE n "
                          "RETURN count(*) AS k", docs=doc_ids).single()["k"]
    deleted += tx.run("MATCH (d:Document) WHERE d.id IN $docs DETACH DELETE d RETURN count(*) AS k",
                      docs=doc_ids).single()["k"]
    return deleted


def _stored_labels(tx: Any, ids: Sequence[str]) -> dict[str, Label]:
    """The label of each of these ids that exists in the store."""
    if not ids:
        return {}
    return {r["props"]["id"]: Label(r["label"]) for r in tx.run(NODES_BY_ID, ids=list(ids))}


def _nodes_by_id(tx: Any, ids: Sequence[str]) -> dict[str, Node]:
    """Nodes of any label by id (one indexed lookup per label)."""
    return {r["props"]["id"]: _node(r["label"], r["props"]) for r in tx.run(NODES_BY_ID, ids=list(ids))}


def _rel_page(tx: Any, rel_type: RelType, after: tuple[str, str] | None,
              limit: int) -> list[Relationship]:
    """The next `limit` relationships of a type in (start, end) order after the key `after`.

    One index-ordered query per start label; the pages are merged here.
    """
    start, end = after or ("", "")
    condition = "a.id > $start OR b.id > $end" if after else "true"
    found: list[Relationship] = []
    for label in Label:
        records = tx.run(
            f"MATCH (a:{label.value}) WHERE a.id >= $start "
            f"MATCH (a)-[r:{rel_type.value}]->(b) WHERE {condition} "
            "RETURN a.id AS start, b.id AS end, properties(r) AS props ORDER BY start, end LIMIT $limit",
            start=start, end=end, limit=limit).data()
        found += [_rel(rel_type.value, r["start"], r["end"], r["props"]) for r in records]
    return sorted(found, key=lambda r: (r.start, r.end))[:limit]


def _subgraph(tx: Any, ids: list[str], truncated: bool) -> Subgraph:
    """The nodes with these ids (in this order) and every relationship among them."""
    nodes = _nodes_by_id(tx, ids)
    rels = [_rel(r["type"], r["start"], r["end"], r["props"]) for r in tx.run(RELS_AMONG, ids=ids)]
    return Subgraph([nodes[i] for i in ids if i in nodes], sorted(rels, key=lambda r: r.key), truncated)


def _stats(tx: Any) -> dict[str, Any]:
    """Counts per label, type and status, claims per document and status, unresolved citations."""
    nodes = {label.value: tx.run(f"MATCH (n:{label.value}) RETURN count(n) AS k").single()["k"]
             for label in Label}
    rels = {t.value: tx.run(f"MATCH ()-[r:{t.value}]->() RETURN count(r) AS k").single()["k"]
            for t in RelType}
    by_status = {r["status"]: r["k"] for r in tx.run(
        "MATCH (c:Claim) RETURN c.status AS status, count(*) AS k")}
    by_document = tx.run(
        "MATCH (c:Claim) WITH c.document_id AS document_id, c.status AS status, count(*) AS count "
        "OPTIONAL MATCH (d:Document {id: document_id}) "
        "RETURN document_id, coalesce(d.title, '') AS title, status, count "
        "ORDER BY document_id, status").data()
    unresolved = tx.run("MATCH (e:Evidence {kind: $kind}) WHERE NOT EXISTS { (e)-[:CITES]->() } "
                        "RETURN count(e) AS k", kind=EvidenceKind.CITATION.value).single()["k"]
    return {
        "nodes": nodes,
        "relationships": rels,
        "claims_by_status": {s.value: by_status.get(s.value, 0) for s in ClaimStatus},
        "claims_by_document": by_document,
        "unresolved_citations": unresolved,
    }


def _set_version(tx: Any) -> None:
    tx.run(f"MERGE (m:{META_LABEL} {{id: $id}}) SET m.schema_version = $v", id=META_ID,
           v=SCHEMA_VERSION).consume()


# -- helpers -----------------------------------------------------------------------------
def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _reason(err: BaseException) -> str:
    """One line saying what went wrong, from a driver or server error."""
    text = getattr(err, "message", None) or str(err) or ""
    one_line = " ".join(text.split()).rstrip(".:;")
    if len(one_line) > 300:
        one_line = one_line[:297] + "…"
    return f"{type(err).__name__}: {one_line}" if one_line else type(err).__name__
