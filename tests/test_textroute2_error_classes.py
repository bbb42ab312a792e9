"""Error classes of the text route found on the fetched sets fresh7 and fresh-pdf4 (kept outside the
repository: docs/data/fresh7.md, docs/data/fresh-pdf4.md; issues #8 and #10), each on a short
hand-written imitation.

- a parenthesis-numbered article whose figure panels follow the figure number ("(Fig. 3 B and C)",
  PNAS's style) was read as one printing its superscripts as plain numbers after a full stop
  ("Fig." + " 3" + " B"), so none of its "(1, 2)" markers were read.
"""

from __future__ import annotations

from pathlib import Path

from ingest.readers import read_documents
from tests.test_text_route_error_classes import _evidence  # (marker, cited keys) of a text's citations

REFERENCES = "\n\n".join(
    f"{n}. A. Author{n}, B. Writer, A study of recombination number {n}. J. Theor. Biol. {n}, 1–9 (200{n})."
    for n in range(1, 7))

# figure panels after the figure number, three times: each reads "Fig." + number + capital letter
PANELS_BODY = (
    "Recombination is central to genetics (1, 2). It shapes the diversity of genomes (3–6).\n\n"
    "The probability of replacement falls sharply (Fig. 3 B and C). Hotspots then oscillate in use "
    "(Fig. 4 B and C). Both types persist when crossover is rare (Figs. 4 C and D and 5). "
    "Selection favours the targeting allele (2).\n")


def test_figure_panels_after_the_figure_number_do_not_make_an_article_bare():
    text = f"# Origin of recombination hotspots\n\n{PANELS_BODY}\n## References\n\n{REFERENCES}"
    found = _evidence(text)
    assert ("(1, 2)", ["ref-1", "ref-2"]) in found
    assert ("(3–6)", ["ref-3", "ref-4", "ref-5", "ref-6"]) in found
    assert ("(2)", ["ref-2"]) in found
    # the figure numbers are not read as reference numbers
    assert not any(marker.strip() in {"3", "4"} for marker, _ in found)


def test_plain_numbers_after_a_full_stop_still_make_an_article_bare():
    body = ("Recombination is central to genetics. 1 It shapes the diversity of genomes. 2 Hotspots "
            "oscillate in use. 3 Both types persist when crossover is rare. 4\n")
    text = f"# Origin of recombination hotspots\n\n{body}\n## References\n\n{REFERENCES}"
    markers = [marker.strip() for marker, _ in _evidence(text)]
    assert markers[:3] == ["1", "2", "3"]


def _ref(n: int) -> str:
    return (f'<ref id="B{n}"><label>{n}</label><mixed-citation>Author{n} A. Validation of imaging '
            f'algorithms {n}. Radiology. 200{n};{n}:1-9.</mixed-citation></ref>')


def test_adjacent_numbered_xrefs_get_the_lost_comma(tmp_path: Path) -> None:
    path = tmp_path / "kjr.xml"
    path.write_text(f"""<?xml version="1.0" ?>
<article><front><article-meta><title-group><article-title>Validating imaging algorithms</article-title>
</title-group></article-meta></front><body><sec><title>Introduction</title>
<p>Such devices may change practice [<xref rid="B1" ref-type="bibr">1</xref><xref rid="B2"
ref-type="bibr">2</xref>].
Most fail to generalize [<xref rid="B3" ref-type="bibr">3</xref>]. Author12 et al. reported [<xref rid="B1"
ref-type="bibr">1</xref>, <xref rid="B3" ref-type="bibr">3</xref>].</p></sec></body>
<back><ref-list>{"".join(_ref(n) for n in range(1, 4))}</ref-list></back></article>""", encoding="utf-8")
    article = read_documents(path)[0]
    assert "practice [1,2]." in article.text
    assert "reported [1, 3]." in article.text  # a separator already printed is kept as it is
    pairs = [(article.text[c.start:c.end], c.keys) for c in article.citations]
    assert pairs[:2] == [("1", ["B1"]), ("2", ["B2"])]


def test_a_superscript_inside_the_xref_is_printed_as_a_bracketed_marker(tmp_path: Path) -> None:
    path = tmp_path / "aip.xml"
    path.write_text(f"""<?xml version="1.0" ?>
<article><front><article-meta><title-group><article-title>Soft magnetic composites</article-title>
</title-group></article-meta></front><body><sec><title>Introduction</title>
<p>The usual composites, including Fe,<xref ref-type="bibr" rid="B1 B2"><sup>1,2</sup></xref> FeSi,<xref
ref-type="bibr" rid="B3"><sup>3</sup></xref> and FeSiAl, lose much at high frequency.<xref ref-type="bibr"
rid="B1"><sup>1</sup></xref><sup>–</sup><xref ref-type="bibr" rid="B3"><sup>3</sup></xref> Losses
grow with the field (<xref ref-type="bibr" rid="B2">2</xref>).</p></sec></body>
<back><ref-list>{"".join(_ref(n) for n in range(1, 4))}</ref-list></back></article>""", encoding="utf-8")
    article = read_documents(path)[0]
    assert "including Fe,[1,2] FeSi,[3] and" in article.text
    assert "frequency.[1]–[3] Losses" in article.text
    assert "field (2)." in article.text  # an xref without a superscript is printed as before
    pairs = [(article.text[c.start:c.end], c.keys) for c in article.citations]
    assert pairs[:3] == [("1,2", ["B1", "B2"]), ("3", ["B3"]), ("1]–[3", ["B1", "B2", "B3"])]
