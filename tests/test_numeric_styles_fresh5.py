"""Parenthesised numeric citations as ASM (J Virology) and Science print them, found by the fresh5
blind JATS set (issue #10 item 5): "(1)", "(2, 3)", "(5–8)" in mid-clause before a word, and a
bracketed citation nested inside a parenthesis ("(… and relatives [9])"), which does not make the
document bracket-numbered. Statistics, equation numbers and enumerations stay no citations."""

from __future__ import annotations

import pytest

from graph.schema import Label
from ingest.pipeline import ingest_text

# A numbered list of our own, as an ASM article prints it.
REFERENCES = "\n\n".join(
    f"{n}. {family} {initials}, {co} B 20{10 + n} {title}. {journal} {n}:{10 * n}–{10 * n + 9}."
    for n, (family, initials, co, title, journal) in enumerate([
        ("Pletnev", "A", "Gould", "Flaviviridae in virus taxonomy", "Virus Tax"),
        ("Rice", "CM", "Lenches", "Nucleotide sequence of yellow fever virus", "Science"),
        ("Chambers", "TJ", "Hahn", "Flavivirus genome organization and replication", "Annu Rev Microbiol"),
        ("Kuno", "G", "Chang", "Phylogeny of the genus Flavivirus", "J Virol"),
        ("Cook", "S", "Moureau", "Molecular evolution of insect-specific flaviviruses", "J Gen Virol"),
        ("Blitvich", "BJ", "Firth", "Insect-specific flaviviruses: a systematic review", "Viruses"),
        ("Hoshino", "K", "Isawa", "Isolation of a new flavivirus from mosquitoes", "Virology"),
        ("Crabtree", "MB", "Sang", "Cell fusing agent virus in field mosquitoes", "Arch Virol"),
        ("Firth", "AE", "Blitvich", "Ribosomal frameshifting in insect flaviviruses", "Virol J"),
        ("Moureau", "G", "Cook", "New insights into flavivirus evolution", "PLoS One"),
        ("Grard", "G", "Moureau", "Genomics and evolution of Aedes-borne flaviviruses", "J Gen Virol"),
        ("Gould", "EA", "Solomon", "Pathogenic flaviviruses", "Lancet"),
    ], start=1))


def _markers(body: str, name: str = "article.md") -> list[str]:
    """The markers of every citation found in `body`, above the numbered list."""
    text = f"# Insect-specific flaviviruses\n\n{body}\n\n## References\n\n{REFERENCES}\n"
    batch = ingest_text(text, name).batch
    return sorted(n.props["marker"] for n in batch.nodes_by_label(Label.EVIDENCE)
                  if n.props["kind"] == "citation")


# The opening of the J Virology article (PMC4645344), and its bracket nested in a parenthesis.
ASM_OPENING = (
    "The family Flaviviridae comprises four genera grouped into 53 species (1). Flaviviruses are "
    "enveloped viruses with a genome of about 11 kb (2, 3). Members of the genus form three groups "
    "(4) and most are transmitted by arthropods (5–8).")
NESTED = ("Ribosomal frameshifting in the clSFs (i.e., CFAV, Culex flavivirus [CxFV], and relatives [9]) "
          "has been described previously.")


def test_nested_bracket_keeps_parenthesised_numbering() -> None:
    markers = _markers(f"{ASM_OPENING}\n\n{NESTED}")
    assert markers == sorted(["(1)", "(2, 3)", "(4)", "(5–8)", "[9]"])


@pytest.mark.parametrize("sentence, marker", [
    ("Genomic sequences integrated within the genomes of Aedes mosquitoes (10, 11) have also been found.",
     "(10, 11)"),
    ("Flavivirus RNA has been discovered in sand flies from Algeria (12) and Portugal.", "(12)"),
    ("The prM peptide is cleaved by the host cell furin (7, 8) in the lumen of the ER.", "(7, 8)"),
    ("The motifs associated with RNA polymerase activity (11) and the GDD sequence were found.", "(11)"),
])
def test_parenthesised_number_before_a_word(sentence: str, marker: str) -> None:
    assert marker in _markers(f"{ASM_OPENING}\n\n{sentence}")


@pytest.mark.parametrize("sentence", [
    "The nurse's duties are (1) confirm the daily review and (2) record the result.",
    "The aims were to (1) sequence the genome and to (2) date the split.",
    "Combining equation (3) and (4) gives the rate, where C = k V (3) holds.",
    "Substituting (3) into the second relation gives the rate constant.",
    "Titres fell in the treated group (n = 12) and rose in controls.",
    "The fit was good, t(11) = 2.3, and panel (2) shows the residuals.",
    "The virus was first isolated in (1998) from mosquitoes.",
])
def test_statistics_equations_and_enumerations_are_no_citations(sentence: str) -> None:
    markers = _markers(f"{ASM_OPENING}\n\n{sentence}")
    assert markers == sorted(["(1)", "(2, 3)", "(4)", "(5–8)"])


# --- superscripts that lost their markup and stand glued to the text (issue #10 item 9) ----------

# Sentences of EHTJ (PMC2640145) and ASTMH (PMC4530765) articles, as their JATS reads without <sup>.
GLUED = (
    "Emerging infectious diseases are currently the major threat to public health worldwide.1 Indeed, "
    "many new infections have appeared in the last decades.2 Most of these events are zoonoses in "
    "the human population3,4 and most come from wildlife.5 Travellers returned with Zika virus "
    "infections.6 There have been outbreaks in the ecosystem,7 Central Africa in general.8")


def test_glued_superscripts_are_citations() -> None:
    assert _markers(GLUED) == sorted(["1", "2", "3,4", "5", "6", "7", "8"])


@pytest.mark.parametrize("sentence, marker", [
    ("Several viral infectious diseases have been reported in Gabon10 (Table 1).", "10"),
    ("Human epidemics have occurred in Central Africa11, 12 with three recent outbreaks.", "11, 12"),
    ("It was a laboratory-confirmed case of yellow fever (YF).9 YF has become a threat.", "9"),
])
def test_glued_superscripts_after_names_and_abbreviations(sentence: str, marker: str) -> None:
    assert marker in _markers(f"{GLUED}\n\n{sentence}")


@pytest.mark.parametrize("sentence", [
    "The outbreak lasted 12 weeks in 2015. 40 Patients died.",
    "The cohort is shown in Fig.2 The values in Table 3 are medians.",
    "Antibodies to CD4 and IL6 were measured in H1N1 cases.",
    "A total of 99 cases were seen.99 Controls were matched.",
])
def test_glued_numbers_that_are_no_citations(sentence: str) -> None:
    markers = _markers(f"{GLUED}\n\n{sentence}")
    assert markers == sorted(["1", "2", "3,4", "5", "6", "7", "8"])


@pytest.mark.parametrize("sentence, marker", [
    ("Insect-specific flaviviruses do not replicate in vertebrate cells (3, 4) (Fig. 1A).", "(3, 4)"),
    ("Their genomes encode a frameshift product (9) (SI Appendix, Table S2).", "(9)"),
    ("Both groups share the NS5 motifs (5–7) (Table 1), and the envelope differs.", "(5–7)"),
])
def test_a_group_before_a_figure_or_table_pointer_is_a_citation(sentence: str, marker: str) -> None:
    """PNAS and Science print the citation before a parenthesised pointer to a figure, a table or the
    supplement: the group still ends the clause (found on the fresh7 PNAS article)."""
    assert marker in _markers(f"{ASM_OPENING}\n\n{sentence}")


def test_a_pointer_after_a_statistic_or_unknown_number_still_links_nothing() -> None:
    """The pointer does not make a statistic or a number that names no reference a citation."""
    markers = _markers(f"{ASM_OPENING}\n\nThe mean titre rose (p < 0.05) (Fig. 2), and clade sizes were "
                       "(40) (Table 3).")
    assert "(40)" not in markers and not any("0.05" in m for m in markers)
