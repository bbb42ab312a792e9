"""The stance rules changed from support14's errors (branch stance16), each a class that recurs on other sets:
a superscript marker after a full stop belongs to the sentence it ends; a gap in the evidence the works are
cited for is mentioning; a use named ('has been used in …') is mentioning; where a finding was seen after
'has been described / reported' ('in numerous bacteria', 'between BP and prognosis') states the finding;
a work named as the subject of a negative finding after 'while / whereas' is contrasting. Sentences quoted
(some shortened) from the labelled articles, which are fetched data, not in the repository; each test has
look-alikes it must leave alone."""

from __future__ import annotations

from ingest.support.stance import clause_of
from tests.test_stance_fresh5_rules import stances


def test_a_superscript_marker_after_a_full_stop_ends_that_sentence() -> None:
    sentence = ("Chemokines are inducers of inflammation,15 and contribute to pain transmission.18 Studies "
                "of the relationship between clinical pain and the production of CC chemokines are "
                "limited.19–22 Levels of CCL2 were higher in patients.")
    assert stances(sentence, "15", "18", "19–22") == ["supporting", "supporting", "mentioning"]
    # look-alike: the full stop of 'et al.' before a marker ends no sentence
    lookalike = "In mice, pain was lower in Smith et al.18 Studies of pain are rare."
    start = lookalike.index("18")
    assert "Studies" in lookalike[slice(*clause_of(lookalike, (start, start + 2), [(start, start + 2)]))]


def test_a_gap_in_the_evidence_is_mentioning() -> None:
    assert stances("However, similar high-grade evidence is lacking for the treatment of patients with "
                   "bloodstream infections [1,20,21].", "[1,20,21]") == ["mentioning"]
    assert stances("However, there is only little experience in the application of cytokine adsorption in "
                   "patients while on ECMO (10–13).", "(10–13)") == ["mentioning"]
    assert stances("The co-contamination effects of two metalloids on the microbial community have yet to be "
                   "clarified (50).", "(50)") == ["mentioning"]
    # look-alikes: a limit stated as a fact, a review's finding of insufficient data
    assert stances("The pharmacology of the various GPCRs that respond to these ligands is very limited "
                   "(21,22).", "(21,22)") == ["supporting"]
    assert stances("A Cochrane review found insufficient data on whether acupuncture is effective [5].",
                   "[5]") == ["supporting"]
    # ... and a gap stated in another clause than the marker's
    assert stances("Although it has been reported that proteins, such as Sirt1, play a key role in lifespan "
                   "lengthening [34], the mechanism of longevity extension is not fully understood.",
                   "[34]") == ["supporting"]
    assert stances("Thus, although the evidence is limited, the fauna appears to have been relictual [4].",
                   "[4]") == ["supporting"]


def test_a_use_named_is_mentioning() -> None:
    assert stances("Cytokine adsorption has been used in other states of non-infectious systemic "
                   "inflammation, including liver transplantation (24).", "(24)") == ["mentioning"]
    assert stances("Rhesus macaques have been used extensively as an approximation to a human response [25].",
                   "[25]") == ["mentioning"]
    # look-alikes: what the use did or where it spread is a finding
    assert stances("This task has been used to detect individual differences in adult mentalizing [12].",
                   "[12]") == ["supporting"]
    assert stances("B-cell targeting therapy has been increasingly used for diverse autoimmune diseases [7].",
                   "[7]") == ["supporting"]


def test_where_a_finding_was_described_states_it() -> None:
    assert stances("The oxidation of As(III) is catalyzed by arsenite oxidase and has been described in "
                   "numerous heterotrophic bacteria (3, 9).", "(3, 9)") == ["supporting"]
    assert stances("In patients undergoing hemodialysis, a J-shaped relationship has been described between "
                   "BP and prognosis [12].", "[12]") == ["supporting"]
    assert stances("In addition, associations have been reported between HCV infection and other autoimmune "
                   "diseases [8, 10].", "[8, 10]") == ["supporting"]
    # look-alikes: pointers to where the work describes it
    assert stances("The protocol has been described in detail (3).", "(3)") == ["mentioning"]
    assert stances("The protocol has been described in previous studies (3).", "(3)") == ["mentioning"]
    assert stances("The strain has been described in Smith et al. (3).", "(3)") == ["mentioning"]


def test_a_named_work_s_negative_finding_after_while_is_contrasting() -> None:
    sentence = ("Hulsmann et al. (2015) found a similar pattern with distance to city center for bumblebee "
                "abundance, while Pacheco & Vasconcelos (2007) found no effect on ant abundance.")
    assert stances(sentence, "Hulsmann et al. (2015)", "Pacheco & Vasconcelos (2007)") == [
        "supporting", "contrasting"]
    # look-alike: a negative finding of the citing study's own, the work cited after it
    assert stances("Bees increased, while we found no effect on ants (Pacheco, 2007).",
                   "(Pacheco, 2007)") != ["contrasting"]
