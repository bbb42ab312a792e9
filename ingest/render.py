"""A parsed paper as a reader (or a reference manager) would hand it over: text and .bib.

`render_text(doc)` gives the article as Markdown text, printed reference list included, and the
BibTeX of its references. For a JATS or TEI document the text is the document's own text (the
reader lays it out exactly so), so every offset of `doc.citations` points at the same printed
marker in the rendered text: this is what the text route of `python -m ingest.evaluate --jats`
reads, with and without the .bib.
"""

from __future__ import annotations

from ingest.model import ParsedDocument


def render_text(doc: ParsedDocument) -> tuple[str, str]:
    """(Markdown text with its printed reference list, BibTeX of its references)."""
    from ingest.jats import to_bibtex

    entries = [ref.bibtex or to_bibtex(ref) for ref in doc.references]
    return doc.text, "\n\n".join(entries) + ("\n" if entries else "")
