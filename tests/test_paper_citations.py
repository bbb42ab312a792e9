"""Citation forms of real research papers that the PDF route missed, each on a short excerpt of
the development PDFs (tests/data/corpus/pdf: the SciELO/ABNT article tinf-33-e200068 and eLife
elife-03318) with the entries as their reference lists print them. The text route reads them the
same way: the detectors are shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.evaluate_jats import citation_spans
from ingest.readers import read_documents
from ingest.reflist import references_in_text

ABNT = {
    "hjorland2013": "Hjørland, B. Citation analysis: a social and dynamic approach to knowledge "
                    "organization. Information Processing & Management, v. 49, n. 6, p. 1313-1325, 2013.",
    "glanzel2003": "Glänzel, W. Bibliometrics as a research field: a course on theory and application of "
                   "bibliometric indicators. Leuven: Katholieke Universiteit Leuven, 2003.",
    "gracio2016": "Grácio, M. C. C. Acoplamento bibliográfico e análise de cocitação: revisão "
                  "teórico-conceitual. Encontros Bibli, v. 21, n. 47, p. 82-99, 2016.",
    "hjorland2003": "Hjørland, B. Fundamentals of knowledge organization. Knowledge Organization, v. 30, "
                    "n. 2, p. 87-111, 2003.",
    "hjorland2003-2": "Hjørland, B.; Hartel, J. Afterword: ontological, epistemological and sociological "
                      "dimensions of domains. Knowledge Organization, v. 30, n. 3/4, p. 239-245, 2003.",
    "hjorland2009": "Hjørland, B. Concept theory. Journal of the American Society for Information Science "
                    "and Technology, v. 60, n. 8, p. 1519-1536, 2009. Doi: http://doi.org/10.1002/asi.21082.",
    "conselhonacionaldedesenv2020": "Conselho Nacional de Desenvolvimento Científico e Tecnológico. "
                                    "Apresentação. Brasília: Ministério da Ciência, Tecnologia e "
                                    "Inovações, 2020.",
}
ELIFE = {
    "albertsen2013": "Albertsen M, Hugenholtz P, Skarshewski A, Nielsen KL, Tyson GW, Nielsen PH. 2013. "
                     "Genome sequences of rare, uncultured bacteria obtained by differential coverage "
                     "binning "
                     "of multiple metagenomes. Nature Biotechnology 31:533–538.",
    "dekker2002": "Dekker J, Rippe K, Dekker M, Kleckner N. 2002. Capturing chromosome conformation. "
                  "Science 295:1306–1311.",
    "oza2009": "Oza P, Jaspersen SL, Miele A, Dekker J, Peterson CL. 2009. Mechanisms that regulate "
               "localization of a DNA double-strand break to the nuclear periphery. Genes & Development "
               "23:912–927.",
    "lechatelier2013": "Le Chatelier E, Nielsen T, Qin J, Prifti E, Hildebrand F, Falony G. 2013. "
                       "Richness of human gut microbiome correlates with metabolic markers. "
                       "Nature 500:541–546.",
}


def _cited(tmp_path: Path, body: str, entries: dict[str, str]) -> list[tuple[str, list[str]]]:
    """(printed marker, keys) of every citation the extraction finds in `body`, against the
    reference list printed after it (parsed by ingest.reflist, as the text and PDF routes do)."""
    path = tmp_path / "paper.md"
    path.write_text("# A paper\n\n" + body + "\n\n## References\n\n" + "\n\n".join(entries.values()) + "\n",
                    encoding="utf-8")
    doc = read_documents(path)[0]
    references = doc.references or references_in_text(doc.text, doc.path)
    assert sorted(r.key for r in references) == sorted(entries)
    return [(doc.text[s:e], sorted(keys)) for s, e, keys in citation_spans(doc, references)]


def test_family_names_beyond_ascii(tmp_path: Path) -> None:
    """'Hjørland', 'Glänzel', 'Grácio': the name pattern took only A-Z letters (22 of tinf's 43
    misses)."""
    body = ("Moreover, it relies on the scientific literature (Hjørland, 2013), through which it is possible "
            "to identify the groups of scientists, their paradigms and methodological procedures "
            "(Glänzel, 2003; Grácio, 2016). This method is able to highlight the authors, as stated by "
            "Grácio (2016).")
    assert _cited(tmp_path, body, ABNT) == [
        ("(Hjørland, 2013)", ["hjorland2013"]), ("Glänzel, 2003", ["glanzel2003"]),
        ("Grácio, 2016", ["gracio2016"]), ("Grácio (2016)", ["gracio2016"])]


def test_an_author_with_years_joined_by_semicolons_and_the_sole_author_work(tmp_path: Path) -> None:
    """ABNT 'Hjørland (2003; 2009)': both works; 2003 is Hjørland's own, not Hjørland & Hartel's;
    2009 is the year after the pages 'p. 1519-1536' of its entry."""
    body = "The Concept Theory was studied by Hjørland (2003; 2009) through the years."
    assert _cited(tmp_path, body, ABNT) == [("Hjørland (2003; 2009)", ["hjorland2003", "hjorland2009"])]


def test_a_group_author_with_lower_case_joining_words(tmp_path: Path) -> None:
    body = ("Its role is to encourage the education of Brazilian scientists (Conselho Nacional de "
            "Desenvolvimento Científico e Tecnológico, 2020).")
    assert _cited(tmp_path, body, ABNT) == [
        ("(Conselho Nacional de Desenvolvimento Científico e Tecnológico, 2020)",
         ["conselhonacionaldedesenv2020"])]


@pytest.mark.parametrize("body, marker, key", [
    ("This led to improved assemblies for each species (see for instance Albertsen et al., 2013).",
     "(see for instance Albertsen et al., 2013)", "albertsen2013"),
    ("Meta3C protocols were adapted from 3C protocols (notably, Dekker et al., 2002; Oza et al., 2009).",
     "Dekker et al., 2002", "dekker2002"),
    ("Sequencing microbial communities improved our knowledge of their diversity (Le Chatelier et al., "
     "2013).", "(Le Chatelier et al., 2013)", "lechatelier2013"),
])
def test_elife_lead_ins_and_a_capitalised_particle(tmp_path: Path, body: str, marker: str, key: str) -> None:
    assert (marker, [key]) in _cited(tmp_path, body, ELIFE)


def test_a_number_in_parentheses_is_no_citation_of_an_unnumbered_list(tmp_path: Path) -> None:
    """tinf-33-e200068: 'out centrality degree (33)' was linked to the 33rd entry of its
    alphabetical author-year list, whose order numbers nothing (here the 3rd of seven)."""
    body = ("Tálamo MFGM has the major out centrality degree (3), followed by Hjørland B (3). "
            "The density of the network is 0,6677.")
    assert _cited(tmp_path, body, ABNT) == []


def test_a_bare_page_after_the_year(tmp_path: Path) -> None:
    """tinf-33-e200068: '(Hjørland 2002b, 257; …)', a page with no 'p.'."""
    entries = {"hjorland2002b": "Hjørland, B. Epistemology and the socio-cognitive perspective in "
                                "information science. Journal of the American Society for Information "
                                "Science and Technology, v. 53, n. 4, p. 257-270, 2002b."}
    body = "Discourse is formed from epistemic attitudes in the context of a domain (Hjørland 2002b, 257)."
    assert _cited(tmp_path, body, entries) == [("(Hjørland 2002b, 257)", ["hjorland2002b"])]
