"""The stance rules changed from support13's errors (branch stance15): a prior finding answered by what the
citing study saw; a comparison within the citing study is no contrast with earlier work; the phrase cues of
a fronted concession or of the main clause before a reason are not the marker's; a procedure done 'as
previously reported' is a method; a purpose 'to confirm whether' and the noun 'of practical use' are no
cues. Each with sentences it must decide (quoted, some shortened, from the labelled articles, which are
fetched data, not in the repository) and look-alikes it must leave alone."""

from __future__ import annotations

from ingest.support.stance import classify_stance
from tests.test_stance_fresh5_rules import stances


def test_a_prior_finding_answered_by_the_current_study_is_contrasting() -> None:
    sentence = ("Previous studies identified Anoxybacillus and Meiothermus as the two most common genera "
                "isolated from this hot spring (Goh et al., 2011b; Chai et al., 2012); however, these genera "
                "represented a small minority of the sequences amplified in the current study.")
    assert stances(sentence, "Goh et al., 2011b", "Chai et al., 2012") == ["contrasting"] * 2
    # look-alikes: an answer of agreement, an answer about something else
    prior = "Previous studies identified Anoxybacillus as the most common genus (Goh et al., 2011); "
    assert stances(prior + "however, it was also dominant in the current study.",
                   "Goh et al., 2011") == ["supporting"]
    assert stances(prior + "however, its role in the community remains unknown.",
                   "Goh et al., 2011") != ["contrasting"]


def test_higher_than_those_measured_within_the_study_is_no_contrast() -> None:
    sentence = ("Antibody concentrations were higher than those measured post-primary vaccination, which "
                "suggested that primary vaccination induced immunological memory [15, 16].")
    assert stances(sentence, "[15, 16]") == ["supporting"]
    # look-alikes: what was measured before, or by others, stays a departure
    assert stances("Concentrations were higher than those previously measured in infants [15].",
                   "[15]") == ["contrasting"]
    assert stances("Concentrations were higher than those measured by Smith et al. [15].",
                   "[15]") == ["contrasting"]


def test_a_fronted_concession_s_cue_is_not_the_main_clause_s() -> None:
    sentence = ("Although it remains unclear why the magnitude of immune responses varies in different "
                "populations, plausible explanations include genetic factors or carriage [36].")
    assert stances(sentence, "[36]") == ["supporting"]
    # look-alike: the marker inside the concession keeps its cue
    assert stances("Although the mechanism remains unclear [36], the effect is robust.",
                   "[36]") == ["mentioning"]


def test_the_main_clause_s_cue_is_not_the_reason_s() -> None:
    sentence = ("Rs13140012 and rs6553010 were selected in this study since these two SNPs were found to "
                "modify the binding affinities of several transcription factors [30].")
    assert stances(sentence, "[30]") == ["supporting"]
    # look-alikes: the marker in the main clause, a 'since' of time
    assert stances("Samples were selected [30] because they were complete.", "[30]") == ["mentioning"]
    assert stances("Samples were collected since 2008 from the same sites [30].", "[30]") == ["mentioning"]


def test_a_procedure_done_as_previously_reported_is_a_method() -> None:
    assert stances("Proteome quantification was performed as previously reported (21) with the iBAQ "
                   "algorithm.", "(21)") == ["mentioning"]
    # look-alike: a finding as previously reported agrees with it
    assert stances("The variant was associated with a hypomaturation phenotype, as previously reported "
                   "(21).", "(21)") == ["supporting"]


def test_to_confirm_whether_states_a_purpose() -> None:
    sentence = ("To confirm whether these sequences existed in A. digitifera subpopulations, we examined 102 "
                "individuals from three subpopulations (Shinzato et al. 2016).")
    at = sentence.index("Shinzato")
    assert classify_stance(sentence, (at, at + 20), [(at, at + 20)]) == ("supporting", "")  # the default
    # look-alike: a confirmation of the work's result
    assert stances("Our data confirm the activation of the pathway (Shinzato et al. 2016).",
                   "Shinzato et al. 2016") == ["supporting"]


def test_of_practical_use_is_no_use_of_a_method() -> None:
    sentence = ("An instantaneous determination of the geostrophic component is not itself of practical use "
                "within a numerical method using finite timesteps, as the solution will diverge [11].")
    assert stances(sentence, "[11]") == ["supporting"]
    assert stances("We use a numerical method [11] with finite timesteps.", "[11]") == ["mentioning"]


def test_an_update_of_a_guideline_is_a_guideline() -> None:
    from ingest.support.design import classify

    def design_of(title: str) -> str:
        return str(classify({"entry_type": "article", "title": title}).design)

    assert design_of("2016 ACC/AHA guideline focused update on duration of dual antiplatelet therapy: a "
                     "report of the Task Force on Clinical Practice Guidelines: an update of the 2011 "
                     "ACCF/AHA/SCAI "
                     "guideline for percutaneous coronary intervention") == "guideline"
    # look-alike: an update on a disease stays a review
    assert design_of("Chronic fatigue syndrome/myalgic encephalomyelitis: an update") == "narrative-review"
