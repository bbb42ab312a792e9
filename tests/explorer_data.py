"""Hand-built graph batches for the explorer tests: small, exact, and hostile where it matters."""

from __future__ import annotations

from pathlib import Path

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


def markdown_batch(beacon: str) -> GraphBatch:
    """An article, a comment and a source whose text carries Markdown that would load `beacon`
    (an image) or make a javascript: link, plus the HTML attacks of xss_batch."""
    image = f"![x]({beacon})"
    script_link = "[x](javascript:alert(1))"
    doc = document_id("markdown-article")
    comment = f"{doc}#comment-1"
    title = f"Title {image} {script_link} {XSS_TITLE}"
    claim_text = f"Trauma isolates people {image} {script_link} <img src=x onerror=alert(1)> (Evil, 2020)."
    text = f"{title}\n\nHeading {image}\n\n{claim_text}\n\n- A list item {image} also isolates people.\n"
    comment_text = f"I doubt that {image} {script_link} <script>alert(2)</script>."
    batch = GraphBatch(replaces=[doc])
    batch.add_node(Label.DOCUMENT, doc, kind="article", title=title, author=f"Mallory {image}",
                   date="2020-01-01", sha256=text_sha256(text), text=text, path=f"{image}.txt", offset=0,
                   root_id=doc, parent_id="", position=0)
    batch.add_node(Label.DOCUMENT, comment, kind="comment", title=f"Comment by {image}", author=image,
                   sha256=text_sha256(comment_text), text=comment_text, path=f"{image}.txt", offset=len(text),
                   root_id=doc, parent_id=doc, position=1)
    claims = []
    for position, (owner, body, sentence, status) in enumerate([
            (doc, text, claim_text, "cited"),
            (doc, text, f"A list item {image} also isolates people.", "unsupported"),
            (comment, comment_text, comment_text, "unsupported")]):
        start = body.index(sentence)
        cid = claim_id(owner, sentence)
        claims.append(cid)
        batch.add_node(Label.CLAIM, cid, text=sentence, document_id=owner, section=f"Heading {image}",
                       start=start, end=start + len(sentence), paragraph_start=start,
                       paragraph_end=start + len(sentence), position=position, kind="empirical",
                       status=status, contested=position == 0)
        batch.add_rel(RelType.MAKES, owner, cid)
    marker = "(Evil, 2020)"
    ev_start = text.index(marker)
    evidence = evidence_id(doc, "citation", marker)
    batch.add_node(Label.EVIDENCE, evidence, text=marker, document_id=doc, start=ev_start,
                   end=ev_start + len(marker), kind="citation", marker=marker, resolved=True)
    batch.add_node(Label.SOURCE, "evil2020", entry_type="article", title=f"{XSS_SOURCE_TITLE} {image}",
                   authors=f"Evil, Eve {script_link}", year="2020", venue=f"Journal of {image}",
                   doi="10.1000/xss", bibtex="@article{evil2020, title={x}}", design="rct",
                   design_reason=f"title: 'A randomized {image} {script_link} trial'")
    batch.add_rel(RelType.SUPPORTED_BY, claims[0], evidence)
    batch.add_rel(RelType.CITES, evidence, "evil2020", stance="contrasting", stance_cue=f"unlike {image}")
    batch.add_rel(RelType.CITES, doc, "evil2020")
    batch.add_rel(RelType.REPLIES_TO, comment, doc)
    batch.add_rel(RelType.CHALLENGES, comment, claims[0], reason=f"I doubt that {image}")
    batch.validate()
    return batch


SLEEP_BIB = """@article{smith2010,
  author = {Smith, Anna and Jones, Bo}, year = {2010}, title = {Sleep and memory consolidation},
  journal = {Journal of Sleep}, doi = {10.1000/sleep.1}}
@article{lee2015,
  author = {Lee, Kim}, year = {2015}, title = {Naps and learning}, journal = {Journal of Sleep}}
"""
SLEEP_UNDER_ANOTHER_KEY = """@article{Smith_2010_sleep,
  author = {Smith, A. and Jones, B.}, year = {2010}, title = {Sleep and Memory Consolidation},
  journal = {J. Sleep}, doi = {https://doi.org/10.1000/SLEEP.1}}
"""
CORPUS_TEXTS = {
    "sleep-loss.md": "# Sleep loss\n\nSleep loss impairs memory consolidation (Smith, 2010).\n\n"
                     "Short naps help students learn (Lee, 2015).\n\n"
                     "Exams reward rested students (Doe, 2019).\n",
    "memory.md": "# Memory\n\nMemory needs sleep (Smith & Jones, 2010).\n\n"
                 "Everyone should sleep eight hours.\n",
    "sleep-paper.md": "---\ntitle: Sleep and memory consolidation\nauthor: Anna Smith\ndate: 2010-03-01\n"
                      "doi: 10.1000/SLEEP.1\n---\n\nSleep consolidates memory in adults (Lee, 2015).\n",
}


def corpus_store(folder: Path) -> str:
    """A SQLite store of the demo article and three sleep articles: two cite the third (the sleep
    paper, ingested too), one under another key; one citation matches no reference."""
    from graph.store import open_store
    from ingest.pipeline import ingest_paths
    from ingest.works import WorkRegistry

    root = Path(__file__).resolve().parent.parent
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, text in CORPUS_TEXTS.items():
        paths[name] = folder / name
        paths[name].write_text(text, encoding="utf-8")
    (folder / "sleep.bib").write_text(SLEEP_BIB, encoding="utf-8")
    (folder / "other.bib").write_text(SLEEP_UNDER_ANOTHER_KEY, encoding="utf-8")
    url = str(folder / "corpus.db")
    runs = [([root / "ingest" / "data" / "trauma-and-relationships.txt"], [root / "references.bib"]),
            ([paths["sleep-loss.md"], paths["sleep-paper.md"]], [folder / "sleep.bib"]),
            ([paths["memory.md"]], [folder / "other.bib"])]
    with open_store(url) as store:
        for articles, bibs in runs:
            store.write(ingest_paths(articles, bibs, registry=WorkRegistry.from_store(store)).batch)
    return url


SUPPORT_DOC = "doc:support-profile"
XSS_REASON = "title: 'A randomized <img src=x onerror=alert(1)> trial'"
XSS_CUE = "unlike <b>Case</b>"
# (claim text, marker, [(work, stance, cue)], status, support_design, supporting, contrasting)
SUPPORT_CLAIMS = [
    ("Exercise lowers blood pressure (Trial, 2020; Case, 2019).", "(Trial, 2020; Case, 2019)",
     [("work:trial", "supporting", "as shown in"), ("work:case", "contrasting", XSS_CUE)],
     "cited", "rct", 1, 1),
    ("Garlic cures colds (Case, 2019).", "(Case, 2019)", [("work:case", "supporting", "")],
     "cited", "case-report", 1, 0),
    ("Screens harm sleep (Opinion, 2021).", "(Opinion, 2021)", [("work:opinion", "supporting", "")],
     "cited", "commentary", 1, 0),
    ("Coffee shortens life (Trial, 2020).", "(Trial, 2020)", [("work:trial", "contrasting", "contrary to")],
     "disputed-by-citation", "", 0, 1),
    ("Walking helps mood (Review, 2018).", "(Review, 2018)", [("work:review", "supporting", "")],
     "cited", "systematic-review", 1, 0),
    ("Everyone should walk daily.", "", [], "unsupported", "", 0, 0),
]
SUPPORT_WORKS = {
    "work:trial": ("Trial, Tom", "2020", "A randomized trial of exercise", "rct", XSS_REASON),
    "work:case": ("Case, Cara", "2019", "A case of garlic", "case-report", "title: 'a case of'"),
    "work:opinion": ("Opinion, Otto", "2021", "Screens at night", "commentary", "entry type: editorial"),
    "work:review": ("Review, Rita", "2018", "Walking and mood: a meta-analysis", "systematic-review",
                    "title: 'a meta-analysis'"),
}


def support_batch() -> GraphBatch:
    """One article whose claims rest on a trial, a case report, an opinion piece and a meta-analysis,
    with supporting and contrasting citations: every support-profile facet matches some claim. The
    trial's design reason and one stance cue are HTML attacks."""
    doc = SUPPORT_DOC
    text = "Support profile\n\n" + "\n\n".join(row[0] for row in SUPPORT_CLAIMS) + "\n"
    batch = GraphBatch(replaces=[doc])
    batch.add_node(Label.DOCUMENT, doc, kind="article", title="Support profile", author="Ann Author",
                   sha256=text_sha256(text), text=text, path="support.txt", offset=0, root_id=doc,
                   parent_id="", position=0)
    for work, (authors, year, title, design, reason) in SUPPORT_WORKS.items():
        batch.add_node(Label.SOURCE, work, entry_type="article", title=title, authors=authors, year=year,
                       venue="Journal of Tests", design=design, design_reason=reason,
                       keys=work.split(":", 1)[1])
        batch.add_rel(RelType.CITES, doc, work)
    for position, row in enumerate(SUPPORT_CLAIMS):
        sentence, marker, cites, status, design, supporting, contrasting = row
        start = text.index(sentence)
        cid = claim_id(doc, sentence)
        batch.add_node(Label.CLAIM, cid, text=sentence, document_id=doc, section="", start=start,
                       end=start + len(sentence), paragraph_start=start, paragraph_end=start + len(sentence),
                       position=position, kind="empirical", status=status, contested=False,
                       support_design=design, n_supporting=supporting, n_contrasting=contrasting)
        batch.add_rel(RelType.MAKES, doc, cid)
        if not marker:
            continue
        ev_start = text.index(marker, start)
        evidence = evidence_id(doc, "citation", marker, position)
        batch.add_node(Label.EVIDENCE, evidence, text=marker, document_id=doc, start=ev_start,
                       end=ev_start + len(marker), kind="citation", marker=marker, resolved=True)
        batch.add_rel(RelType.SUPPORTED_BY, cid, evidence)
        for work, stance, cue in cites:
            batch.add_rel(RelType.CITES, evidence, work, stance=stance, stance_cue=cue)
    batch.validate()
    return batch
