"""Scoring citation routes against the publisher's links (ingest/evaluate_jats.py, `--jats`)."""

from __future__ import annotations

import shutil
from pathlib import Path

from ingest.evaluate import main
from ingest.evaluate_jats import (
    CORPUS,
    Aligner,
    RouteResult,
    articles,
    blind_names,
    citation_spans,
    entry_lines,
    evaluate_article,
    evaluate_corpus,
    is_blind,
    keys_by_content,
    score_links,
)
from ingest.model import MarkedCitation, PersonName, Reference

TEXT = "Cells divide (Smith, 2010; Jones, 2011). They die [3,4]. Nothing here."
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890123456789
GOLD = [MarkedCitation(14, 25, ["smith"]), MarkedCitation(27, 38, ["jones"]),
        MarkedCitation(51, 52, ["r3"]), MarkedCitation(53, 54, ["r4"])]
SENTENCES = [(0, 40), (41, 56), (57, 70)]


def test_the_gold_offsets_of_the_hand_made_case() -> None:
    assert [TEXT[g.start:g.end] for g in GOLD] == ["Smith, 2010", "Jones, 2011", "3", "4"]


def test_predictions_equal_to_the_gold_score_one() -> None:
    result = score_links(GOLD, [(g.start, g.end, g.keys) for g in GOLD], SENTENCES, TEXT)
    assert (result.markers.tp, result.markers.fp, result.markers.fn) == (4, 0, 0)
    assert result.markers.precision == result.markers.recall == result.claims.f1 == 1.0


def test_one_span_over_a_bracket_group_matches_each_marker_in_it() -> None:
    predicted = [(13, 39, ["smith", "jones"]), (50, 55, ["r3", "r4"])]  # "(Smith…2011)", "[3,4]"
    result = score_links(GOLD, predicted, SENTENCES, TEXT)
    assert (result.markers.tp, result.markers.fp, result.markers.fn) == (4, 0, 0)


def test_a_wrong_link_lowers_precision_and_misses_the_right_one() -> None:
    predicted = [(14, 25, ["smith"]), (27, 38, ["smith"]), (50, 55, ["r3", "r4"])]
    result = score_links(GOLD, predicted, SENTENCES, TEXT)
    assert (result.markers.tp, result.markers.fp, result.markers.fn) == (3, 1, 1)
    assert result.markers.precision == 0.75 and result.markers.recall == 0.75
    assert result.false == ["'Jones, 2011' -> smith"] and result.misses == ["'Jones, 2011' -> jones"]
    # At claim level the first sentence still cites smith (once) but misses jones.
    assert (result.claims.tp, result.claims.fp, result.claims.fn) == (3, 0, 1)


def test_false_links_are_split_by_whether_the_publisher_marked_the_text() -> None:
    from ingest.evaluate_jats import ArticleResult, false_link_kinds, format_results

    # "Jones, 2011" is marked (for jones): linking it to smith is a false link on marked text; "Nothing"
    # carries no gold marker: a false link on unmarked text
    predicted = [(14, 25, ["smith"]), (27, 38, ["smith"]), (50, 55, ["r3", "r4"]), (57, 64, ["r3"])]
    result = score_links(GOLD, predicted, SENTENCES, TEXT)
    assert (result.markers.tp, result.markers.fp, result.unmarked) == (3, 2, 1)
    article = ArticleResult("a.xml", "author-year", 4, {"text": result})
    assert false_link_kinds([article], "text") == (3, 1, 1)
    table = format_results([article], routes=["text"])
    assert ("text      false links: 1 on text the publisher marked (another reference), 1 on text it left "
            "unmarked (a printed citation it did not link, or no citation); precision where it marked: 0.750"
            in table)


def test_a_missed_marker_lowers_recall_only() -> None:
    result = score_links(GOLD, [(14, 25, ["smith"]), (27, 38, ["jones"])], SENTENCES, TEXT)
    assert result.markers.precision == 1.0 and result.markers.recall == 0.5
    assert result.claims.recall == 0.5


def test_a_link_found_in_the_wrong_sentence_is_wrong_at_both_levels() -> None:
    result = score_links(GOLD[:1], [(60, 64, ["smith"])], SENTENCES, TEXT)
    assert (result.markers.tp, result.markers.fp, result.markers.fn) == (0, 1, 1)
    assert (result.claims.tp, result.claims.fp, result.claims.fn) == (0, 1, 1)


def test_aligner_maps_pdf_text_onto_the_rendered_text() -> None:
    pdf = "Cells di-\nvide.12 Then they die (Smith et al.\n2010). Page 3"
    rendered = "# T\n\nCells di-vide.[12] Then they die (Smith et al., 2010)."
    aligner = Aligner(pdf, rendered)
    smith = pdf.index("Smith")
    start, end = aligner.map_span(smith, pdf.index("2010") + 4)
    assert rendered[start:end] == "Smith et al., 2010"
    start, end = aligner.map_span(pdf.index("12"), pdf.index("12") + 2)  # "vide.12": glued, unaligned
    assert "12" in rendered[start:end]


INTRO = ("Sequencing and analyzing the genetic material of microbial communities directly collected from "
         "various natural environments such as skin, gut, soil, and water have dramatically improved our "
         "knowledge (Handelsman et al., 1998; Guermazi et al., 2008).")
DIGEST = ("eLife digest Microbial communities play vital roles in the environment and sustain animal "
          "and plant life. Marine microbes are part of the ocean's food chain; soil microbes support the "
          "turnover of "
          "major nutrients and facilitate plant growth; and the microbial communities residing in the human "
          "gut support digestion and the immune system, among other roles. These communities are very "
          "complex systems, often containing 1000s of different species engaged in co-dependent "
          "relationships, and are therefore very difficult to study.")


def test_aligner_finds_a_block_the_pdf_prints_elsewhere() -> None:
    """elife-03318: the PDF prints the eLife digest box inside the introduction, JATS before it. An
    in-order alignment keeps the longer digest and lost the introduction's 15 markers."""
    pdf = f"Abstract Genomic analyses.\n\nIntroduction\n\n{INTRO}\n\n{DIGEST}\n\nResults follow."
    rendered = (f"# T\n\n## Abstract\n\nGenomic analyses.\n\n{DIGEST}\n\n## Introduction\n\n{INTRO}"
                "\n\nResults follow.")
    aligner = Aligner(pdf, rendered)
    start = pdf.index("Handelsman")
    mapped = aligner.map_span(start, pdf.index("1998") + 4)
    assert mapped is not None and rendered[mapped[0]:mapped[1]] == "Handelsman et al., 1998"
    assert rendered.index(INTRO) < mapped[0]  # in the introduction, not between digest words
    start, end = aligner.map_span(pdf.index("Marine"), pdf.index("Marine") + 6)
    assert rendered[start:end] == "Marine"


def test_a_citation_folded_into_a_quote_is_scored_at_its_marker(tmp_path: Path) -> None:
    """tinf-33-e200068: '“…” (Haas, 1992, p.3)' is evidence of kind 'quote' spanning the quoted
    words; the evaluation scores it at the printed marker (10 of tinf's links)."""
    from ingest.readers import read_documents
    from ingest.reflist import references_in_text

    path = tmp_path / "quote.md"
    path.write_text("# T\n\n“An epistemic community is a network of professionals with recognized "
                    "expertise and competence in a particular domain” (Haas, 1992, p.3). Furthermore, they "
                    "matter.\n\n## References\n\nHaas, P. M. Introduction: epistemic communities and "
                    "international policy coordination. International Organization, v. 46, n. 1, p. 1-35, "
                    "1992.\n", encoding="utf-8")
    doc = read_documents(path)[0]
    [(start, end, keys)] = citation_spans(doc, references_in_text(doc.text, doc.path))
    assert doc.text[start:end] == "(Haas, 1992, p.3)" and keys == ["haas1992"]


def test_parsed_entries_are_identified_by_number_then_by_content() -> None:
    gold = [Reference("bib1", "article", {"title": "Cell division in yeast", "year": "2010"},
                      [PersonName("Smith", "J")], label="1"),
            Reference("bib2", "article", {"title": "Apoptosis and its regulation", "year": "2011"},
                      [PersonName("Jones", "A")], label="2")]
    numbered = Reference("ref-2", "misc", {"printed": "2. Jones A. Apoptosis"}, [], label="2")
    unnumbered = Reference("smith2010", "misc", {"printed": "Smith J. 2010. Cell division in yeast.",
                                                 "year": "2010"}, [PersonName("Smith", "J")])
    unknown = Reference("doe1999", "misc", {"printed": "Doe J. 1999. Something else entirely."},
                        [PersonName("Doe", "J")])
    assert keys_by_content([numbered, unnumbered, unknown], gold) == {"ref-2": "bib2", "smith2010": "bib1"}


def test_jats_route_is_exact_on_every_development_article() -> None:
    results = evaluate_corpus(routes=["jats"])
    assert len(results) >= 20
    for result in results:
        outcome = result.routes["jats"]
        assert isinstance(outcome, RouteResult)
        assert outcome.markers.fp == outcome.markers.fn == 0 < outcome.markers.tp, result.name
        assert outcome.claims.fp == outcome.claims.fn == 0, result.name
    assert {"numeric", "author-year"} == {r.style for r in results}


def test_held_out_articles_are_excluded_unless_asked_for() -> None:
    blind = blind_names()
    assert is_blind(Path("anywhere/jats/elife00013.xml"), blind)
    assert is_blind(Path("anywhere/pdf/elife-10635.xml"), blind)  # the XML of a held-out PDF
    assert not is_blind(Path("anywhere/jats/elife00005.xml"), blind)
    development = {p.name for p in articles([CORPUS / "jats", CORPUS / "pdf"], blind=False)}
    held_out = {p.name for p in articles([CORPUS / "jats", CORPUS / "pdf"], blind=True)}
    assert not development & held_out
    assert {Path(b).name for b in blind if b.endswith(".xml")} <= held_out
    assert "elife-10635.xml" in held_out and "elife00005.xml" in development


def test_text_route_with_bib_on_a_small_article(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "jats" / "elife00240.xml", tmp_path / "elife00240.xml")
    result = evaluate_article(tmp_path / "elife00240.xml", routes=["jats", "text+bib", "pdf"])
    assert result.routes["pdf"] == "no PDF"
    text = result.routes["text+bib"]
    assert isinstance(text, RouteResult) and text.markers.tp + text.markers.fn == 8
    assert text.markers.precision >= 0.8 and text.markers.recall >= 0.8


def test_command_line(tmp_path: Path, capsys) -> None:  # noqa: ANN001 - pytest fixture
    shutil.copy(CORPUS / "jats" / "elife00351.xml", tmp_path / "elife00351.xml")
    assert main(["--jats", str(tmp_path), "--routes", "jats"]) == 0
    out = capsys.readouterr().out
    assert "development articles: 1" in out and "jats      all" in out and "(7/0/0)" in out
    assert main(["--jats", str(tmp_path), "--routes", "nope"]) == 2
    assert "unknown route(s) nope" in capsys.readouterr().err
    assert main(["--jats", str(tmp_path / "missing")]) == 2


def test_text_route_reads_two_bracketed_numbers_joined_by_a_dash_as_a_range() -> None:
    """PLOS prints "[4]–[7]"; the text detector cites 4, 5, 6 and 7 (found by the text route)."""
    from ingest.pipeline import ingest_text

    bib = "\n".join(f"@article{{r{i}, author = {{Author{i}, A}}, title = {{Title {i}}}, year = {{200{i}}}}}"
                    for i in range(1, 8))
    result = ingest_text("Rift Valley fever spreads by mosquitoes [4]–[7]. It is old [1].\n", "a.txt", bib)
    cites: dict[str, set[str]] = {}
    for rel in result.batch.relationships:
        if rel.type == "CITES" and rel.start.startswith("evidence:"):
            cites.setdefault(rel.start, set()).add(rel.props["key"])
    assert sorted(map(sorted, cites.values())) == [["r1"], ["r4", "r5", "r6", "r7"]]


def test_a_route_that_fails_on_one_article_counts_its_markers_as_misses(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A route's error on one article (say, a .bib it cannot read) is that article's result, every gold
    marker a miss, the error named; the run goes on instead of ending at the first such article."""
    from ingest import evaluate_jats
    from ingest.model import InputError

    def fails(article, workdir):  # noqa: ANN001, ANN202
        raise InputError(str(workdir / "article.bib"), "line 3: malformed BibTeX entry")

    shutil.copy(CORPUS / "jats" / "elife00351.xml", tmp_path / "elife00351.xml")
    monkeypatch.setitem(evaluate_jats.ROUTE_FUNCTIONS, "text+bib", fails)
    result = evaluate_article(tmp_path / "elife00351.xml", routes=["jats", "text+bib"])
    failed = result.routes["text+bib"]
    assert isinstance(failed, RouteResult)
    assert (failed.markers.tp, failed.markers.fp, failed.markers.fn) == (0, 0, 7)
    assert "malformed BibTeX entry" in failed.error and "<tmp>" in failed.error
    assert "FAILED, every marker a miss" in evaluate_jats.article_line(result)
    assert result.routes["jats"].error == ""


def test_gold_entry_lines_skip_an_entry_the_reader_prints_nothing_for(tmp_path: Path) -> None:
    """An entry with nothing to print has no line in the rendered list: the entries after it keep
    their own keys instead of taking their predecessor's (every later gold key was off by one)."""
    from ingest.readers import read_documents

    refs = "".join(f'<ref id="r{i}"><label>{i}</label><element-citation publication-type="journal">'
                   f"<person-group><name><surname>Author{i}</surname><given-names>A</given-names></name>"
                   f"</person-group><article-title>Title {i}</article-title><year>200{i}</year>"
                   "</element-citation></ref>" for i in (1, 3))
    empty = '<ref id="r2"><label>2</label><element-citation/></ref>'
    refs = refs.replace('<ref id="r3">', empty + '<ref id="r3">')
    path = tmp_path / "a.xml"
    path.write_text('<?xml version="1.0"?><article><front><article-meta><title-group><article-title>T'
                    '</article-title></title-group></article-meta></front><body><p>Seen [<xref '
                    'ref-type="bibr" rid="r3">3</xref>].</p></body><back><ref-list>' + refs +
                    "</ref-list></back></article>", encoding="utf-8")
    article = read_documents(path)[0]
    lines = article.text.split("\n")
    by_line = entry_lines(article)
    assert sorted(by_line.values()) == ["r1", "r3"]
    assert all(("Author" + key[1:]) in lines[line - 1] for line, key in by_line.items())
