"""Hand-built graph batches for the explorer tests: small, exact, and hostile where it matters."""

from __future__ import annotations

from graph.model import GraphBatch
from graph.schema import Label, RelType, claim_id, document_id, evidence_id, text_sha256

XSS_TITLE = "<script>alert(1)</script>"
XSS_SOURCE_TITLE = "<img src=x onerror=alert(1)>"
XSS_CLAIM = "Isolation <b>follows</b> trauma & <i>harms</i> people (Evil, 2020)."


def xss_batch() -> GraphBatch:
    """One article whose title, claim text and cited source's title are HTML attacks."""
    doc = document_id("xss-article")
    text = f"Intro line.\n\n{XSS_CLAIM} Another sentence follows.\n"
    start = text.index(XSS_CLAIM)
    claim = claim_id(doc, XSS_CLAIM)
    marker = "(Evil, 2020)"
    ev_start = text.index(marker)
    evidence = evidence_id(doc, "citation", marker)
    batch = GraphBatch(replaces=[doc])
    batch.add_node(Label.DOCUMENT, doc, kind="article", title=XSS_TITLE, author="Mallory",
                   sha256=text_sha256(text), text=text, path="xss.txt", offset=0, root_id=doc,
                   parent_id="", position=0)
    batch.add_node(Label.CLAIM, claim, text=XSS_CLAIM, document_id=doc, section="<em>Section</em>",
                   start=start, end=start + len(XSS_CLAIM), paragraph_start=start,
                   paragraph_end=text.index("\n", start), position=0, kind="empirical", status="cited",
                   contested=False)
    batch.add_node(Label.EVIDENCE, evidence, text=marker, document_id=doc, start=ev_start,
                   end=ev_start + len(marker), kind="citation", marker=marker, resolved=True)
    batch.add_node(Label.SOURCE, "evil2020", entry_type="article", title=XSS_SOURCE_TITLE,
                   authors="Evil, Eve", year="2020", venue="Journal of <script>x</script>",
                   doi="10.1000/xss", bibtex="@article{evil2020, title={x}}")
    batch.add_node(Label.AUTHOR, "author:evil-e", name="Eve Evil", family="Evil", given="Eve")
    batch.add_rel(RelType.MAKES, doc, claim)
    batch.add_rel(RelType.SUPPORTED_BY, claim, evidence)
    batch.add_rel(RelType.CITES, evidence, "evil2020")
    batch.add_rel(RelType.CITES, doc, "evil2020")
    batch.add_rel(RelType.WRITTEN_BY, "evil2020", "author:evil-e", position=0)
    batch.validate()
    return batch
