"""Linked-data export of any Subgraph: RDF (rdflib) as JSON-LD or Turtle, with CiTO citation typing.

Every node is a resource `urn:claimgraph:<id>` (the id percent-encoded) of class `cg:<Label>`, with
one `cg:<property>` literal per schema property (XSD-typed as graph.schema says). Every relationship
is a triple `cg:<relType>` (MAKES -> cg:makes, SUPPORTED_BY -> cg:supportedBy, …); one with
properties is also described by a resource of class `cg:Relationship` (cg:type, cg:start, cg:end and
its properties), so nothing of the graph is lost. Documents and works get `dcterms:title`, works with
a DOI `owl:sameAs <https://doi.org/…>`.

Citations are typed with CiTO (http://purl.org/spar/cito/), from the citing passage (Evidence) and,
aggregated, from the document it is in (the citing article or comment) to the cited work:
- every Evidence -> Source and Document -> Source CITES: `cito:cites`;
- stance contrasting: `cito:disputes`;
- stance supporting with a cue phrase ('consistent with', 'confirmed'; not a model decision): `cito:supports`;
- a citation offered as evidence for a claim (it backs a claim; stance supporting, cue or not):
  `cito:citesAsEvidence`; a quotation also `cito:includesQuotationFrom`;
- stance mentioning: `cito:citesForInformation`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from graph.model import Subgraph
from graph.schema import NODES, RELATIONSHIPS, EvidenceKind, RelType, Stance, is_phrase_cue, label_of

ID_BASE = "urn:claimgraph:"
VOCAB = "urn:claimgraph:vocab#"
CITO = "http://purl.org/spar/cito/"
DOI_BASE = "https://doi.org/"
CONTEXT = {"cg": VOCAB, "cito": CITO, "dcterms": "http://purl.org/dc/terms/",
           "owl": "http://www.w3.org/2002/07/owl#", "xsd": "http://www.w3.org/2001/XMLSchema#"}


def node_iri(node_id: str) -> str:
    """The IRI of a node: 'claim:ab12' -> 'urn:claimgraph:claim:ab12' (reserved characters escaped)."""
    return ID_BASE + quote(node_id, safe=":-._~")


def rel_name(rel_type: RelType) -> str:
    """'SUPPORTED_BY' -> 'supportedBy'."""
    first, *rest = str(rel_type).lower().split("_")
    return first + "".join(part.capitalize() for part in rest)


def cito_properties(stance: str, cue: str, backs_claim: bool, kind: str) -> list[str]:
    """CiTO property local names for one citation (see the module docstring)."""
    names = ["cites"]
    if stance == Stance.CONTRASTING:
        names.append("disputes")
    elif stance == Stance.SUPPORTING:
        if is_phrase_cue(cue):
            names.append("supports")
        if backs_claim:
            names.append("citesAsEvidence")
    elif stance == Stance.MENTIONING:
        names.append("citesForInformation")
    if kind == EvidenceKind.QUOTE:
        names.append("includesQuotationFrom")
    return names


def _literal(value: Any, kind: type) -> Any:
    """A literal of the schema type: strings plain (xsd:string in RDF 1.1, and as JSON-LD reads them
    back), numbers and booleans XSD-typed."""
    from rdflib import Literal
    from rdflib.namespace import XSD

    typed = {int: XSD.integer, bool: XSD.boolean, float: XSD.double}
    return Literal(value, datatype=typed[kind]) if kind in typed else Literal(str(value))


def to_rdf(subgraph: Subgraph) -> Any:
    """An rdflib Graph of the subgraph."""
    from rdflib import RDF, Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, OWL

    cg, cito = Namespace(VOCAB), Namespace(CITO)
    graph = Graph()
    for prefix, uri in CONTEXT.items():
        graph.bind(prefix, uri)
    by_id = {}
    for node in subgraph.nodes:
        subject = URIRef(node_iri(node.id))
        by_id[node.id] = node
        graph.add((subject, RDF.type, cg[str(node.label)]))
        for prop in NODES[node.label].props:
            value = node.props.get(prop.name)
            if value is None or value == "" and prop.name != "id":
                continue
            if prop.type is bool:
                value = bool(value)
            elif prop.type is int:
                value = int(value)
            graph.add((subject, cg[prop.name], _literal(value, prop.type)))
        if node.props.get("title"):
            graph.add((subject, DCTERMS.title, Literal(str(node.props["title"]))))
        if node.label == "Source" and node.props.get("doi"):
            doi = quote(str(node.props["doi"]), safe="/:;()._-")
            graph.add((subject, OWL.sameAs, URIRef(DOI_BASE + doi)))
    backs = {r.end for r in subgraph.relationships if r.type == RelType.SUPPORTED_BY}
    for rel in subgraph.relationships:
        start, end = URIRef(node_iri(rel.start)), URIRef(node_iri(rel.end))
        graph.add((start, cg[rel_name(rel.type)], end))
        if rel.props:
            ends = f"{quote(rel.start, safe=':')}:{quote(rel.end, safe=':')}"
            described = URIRef(f"{ID_BASE}rel:{rel.type}:{ends}")
            graph.add((described, RDF.type, cg.Relationship))
            graph.add((described, cg.type, Literal(str(rel.type))))
            graph.add((described, cg.start, start))
            graph.add((described, cg.end, end))
            spec = {p.name: p.type for p in RELATIONSHIPS[rel.type].props}
            for name, value in rel.props.items():
                if value is None or value == "":
                    continue
                kind = spec.get(name, str)
                graph.add((described, cg[name], _literal(int(value) if kind is int else value, kind)))
        if rel.type != RelType.CITES:
            continue
        citing = by_id.get(rel.start)
        if label_of(rel.start) != "Evidence" or citing is None:
            graph.add((start, cito.cites, end))
            continue
        names = cito_properties(str(rel.props.get("stance", "")), str(rel.props.get("stance_cue", "")),
                                rel.start in backs, str(citing.props.get("kind", "")))
        document = citing.props.get("document_id")
        for name in names:
            graph.add((start, cito[name], end))
            if document:
                graph.add((URIRef(node_iri(str(document))), cito[name], end))
    return graph


def to_jsonld(subgraph: Subgraph) -> str:
    """The subgraph as JSON-LD (compacted with the cg/cito/dcterms/owl/xsd prefixes)."""
    return to_rdf(subgraph).serialize(format="json-ld", context=CONTEXT, indent=1, sort_keys=True)


def to_turtle(subgraph: Subgraph) -> str:
    """The subgraph as Turtle."""
    return to_rdf(subgraph).serialize(format="turtle")
