"""The stance rules added from the errors of the second fresh set: each with a sentence it must decide and a
look-alike it must leave alone (the same words in a role that is no such cue)."""

from __future__ import annotations

from ingest.support.stance import classify_stance


def spans_of(sentence: str, *markers: str) -> list[tuple[int, int]]:
    spans = []
    for marker in markers:
        start = sentence.index(marker)
        spans.append((start, start + len(marker)))
    return spans


def stances(sentence: str, *markers: str) -> list[tuple[str, str]]:
    """(stance, cue) of every marker of the sentence, in the order given."""
    spans = spans_of(sentence, *markers)
    return [classify_stance(sentence, span, spans) for span in spans]


def test_a_fronted_contrast_binds_only_the_works_cited_inside_it() -> None:
    sentence = ("In contrast to the findings of Hollister et al. [22], several recent studies have "
                "found that long-term and short-term responses are similar [25].")
    assert stances(sentence, "[22]", "[25]") == [("contrasting", "In contrast to the findings"),
                                                 ("supporting", "")]
    # look-alike: the fronted phrase cites nothing ('our findings'): the main clause's works are contrasted
    ours = ("In contrast with our findings, in adult studies the assays were more likely to be positive in "
            "recently infected patients [9].")
    assert stances(ours, "[9]") == [("contrasting", "In contrast with our findings")]


def test_a_fronted_contrast_of_study_design_is_mentioning() -> None:
    sentence = ("In contrast to most previous studies on intentional weight loss [15], this study "
                "obtained the intention to lose weight before the weight changes were known.")
    assert stances(sentence, "[15]") == [("mentioning", "In contrast to …, this study obtained")]
    # look-alike: the main clause reports a result that differs, not a design
    result = ("In contrast to most previous studies on intentional weight loss [15], this study "
              "found a higher mortality.")
    assert stances(result, "[15]") == [("contrasting", "In contrast to most previous studies")]


def test_a_third_party_study_failing_to_confirm_is_the_evidence() -> None:
    sentence = ("However, subsequent studies of small numbers of patients failed to confirm evidence "
                "for HTLV [22].")
    assert stances(sentence, "[22]") == [("supporting", "subsequent studies … failed to confirm")]
    # look-alike: the citing authors fail to replicate the cited work
    ours = "We failed to replicate the association reported for HTLV [22]."
    assert stances(ours, "[22]") == [("contrasting", "failed to replicate")]
    # look-alike: the work not reproduced is named by this marker
    named = "Later studies failed to replicate the findings of Smith et al. [4]."
    assert stances(named, "[4]") == [("contrasting", "failed to replicate")]


def test_a_result_not_seen_that_the_cited_work_saw_is_contrasting() -> None:
    sentence = ("Chun et al. [47] did not observe the changes in transcript levels under hypoxia that "
                "were seen by Chang et al. [45].")
    assert stances(sentence, "[45]", "[47]") == [
        ("contrasting", "did not observe the changes in transcript levels under hypoxia that were seen by"),
        ("supporting", "")]
    # look-alike: what was seen by the cited work is confirmed, not missed
    seen = "We observed the changes in transcript levels that were seen by Chang et al. [45]."
    assert stances(seen, "[45]")[0][0] != "contrasting"


def test_an_abbreviation_period_cuts_no_clause() -> None:
    # 'et al. ' used to end the clause before '[4]', hiding the cue from it
    assert stances("Our data contradict the results of Jones et al. [4].", "[4]") == [
        ("contrasting", "contradict")]
    # look-alike: a real sentence end still cuts
    real_end = "Our data contradict the model [2]. Jones [4] measured the rates."
    assert [s for s, _ in stances(real_end, "[2]", "[4]")] == ["contrasting", "supporting"]


def test_a_claim_of_the_work_not_borne_out_is_contrasting_the_work_refuting_it_is_not() -> None:
    sentence = ("However, the claim that XMRV is preferentially found in tumours of R462Q carriers [3] "
                "is not borne out by the second prostate cancer study [4].")
    assert stances(sentence, "[3]", "[4]") == [("contrasting", "claim that … is not borne out"),
                                               ("supporting", "")]
    # look-alike: a claim that stands
    holds = ("The claim that XMRV is found in tumours of R462Q carriers [3] is borne out by a second "
             "study [4].")
    assert [s for s, _ in stances(holds, "[3]", "[4]")] == ["supporting", "supporting"]


def test_a_hedged_mechanism_answered_by_a_counterfactual_is_contrasting() -> None:
    sentence = ("Weight loss may release toxic substances from the fat tissue [36], but if this "
                "mechanism were important, we would expect excess mortality in the other group as well.")
    assert stances(sentence, "[36]") == [("contrasting", "may …, but if … would")]
    # look-alike: the hedge answered by a plain 'but', no counterfactual
    plain = ("Weight loss may release toxic substances from the fat tissue [36], but the amounts "
             "are small in most people.")
    assert stances(plain, "[36]")[0][0] != "contrasting"


def test_negated_or_literature_internal_contradiction_is_no_contrast() -> None:
    assert stances("This conclusion does not contradict the beneficial effects of planned weight loss [50].",
                   "[50]")[0][0] != "contrasting"
    assert stances("Contradicting findings have been reported on the distribution of eggs in stool [16].",
                   "[16]")[0][0] != "contrasting"
    assert stances("The outcomes in these studies are equivocal and inconsistent [17].", "[17]")[0][0] != (
        "contrasting")
    # look-alikes: the contradiction is the citing text's own
    assert stances("Our data contradict the proposed role of the receptor [50].", "[50]") == [
        ("contrasting", "contradict")]
    assert stances("Our results are inconsistent with those of Smith [17].", "[17]") == [
        ("contrasting", "are inconsistent with")]


def test_contrary_to_a_study_s_own_aim_is_no_contrast_with_it() -> None:
    sentence = ("Contrary to its original aim, the trial of bariatric surgery has not found a reduced "
                "mortality [6].")
    assert stances(sentence, "[6]")[0][0] != "contrasting"
    theirs = "Contrary to their findings [6], we saw a reduced mortality."
    assert stances(theirs, "[6]") == [("contrasting", "Contrary to")]


def test_see_pointing_at_the_citing_article_itself_is_no_mention() -> None:
    sentence = "The pattern follows the seasonal cycles of livestock activities [37] (see S1 Text)."
    assert stances(sentence, "[37]") == [("supporting", "")]
    pointer = "The seasonal cycles of livestock activities were modelled before (see [37])."
    assert stances(pointer, "[37]")[0][0] == "mentioning"


def test_bracketed_e_g_names_this_citation_only_when_nothing_but_markers_stand_between() -> None:
    sentence = ("Livestock diseases (e.g. Foot-and-mouth disease [45], Bluetongue virus [46]) spread by "
                "animal movements.")
    assert [s for s, _ in stances(sentence, "[45]", "[46]")] == ["supporting", "supporting"]
    examples = "Many groups have warmed arctic plants (e.g., [15, 16], and many others)."
    assert stances(examples, "15", "16") == [("mentioning", "e.g.,")] * 2


def test_programs_and_environments_are_software_only_when_named_so() -> None:
    assert stances("Attention is strongly linked to motor programs [59].", "[59]") == [("supporting", "")]
    assert stances("Tuberculosis adapts to the hostile environment of macrophages [8].", "[8]") == [
        ("supporting", "")]
    assert stances("The ACE2 and CTFFind programs [12] estimated the transfer function.", "[12]") == [
        ("mentioning", "CTFFind programs")]
    assert stances("Statistics were computed in the R environment [3].", "[3]")[0][0] == "mentioning"


def test_reported_to_states_a_finding_reported_alone_is_a_mention() -> None:
    assert stances("Hookworm eggs have been reported to be sensitive to dry conditions [33].", "[33]") == [
        ("supporting", "")]
    assert stances("Such an association has been reported [33].", "[33]") == [
        ("mentioning", "has been reported")]
    assert stances("Similar results are obtained for face-to-face contact networks [34].", "[34]") == [
        ("supporting", "Similar results are obtained")]
    assert stances("Cell lines are obtained from the repository [34].", "[34]")[0][0] == "mentioning"


def test_a_fronted_contrast_with_something_uncited_leaves_the_main_clause_works_as_its_evidence() -> None:
    view = ("Contrary to the view that certain ion channels are uniquely responsible for certain aspects of "
            "neuronal function, neurons use diverse ion channel combinations to achieve similar function "
            "(66, 67).")
    assert stances(view, "66", "67") == [("supporting", ""), ("supporting", "")]
    conclusion = ("Inconsistent with this conclusion, however, numerous earlier studies detected the protein "
                  "only in inhibitory synapses (Graf et al., 2004; Hoon et al., 2009).")
    assert stances(conclusion, "Graf et al., 2004", "Hoon et al., 2009") == [("supporting", "")] * 2
    # look-alikes: the phrase names the citing study's findings or earlier work: the main clause's works
    # are the ones contrasted
    ours = ("Inconsistent with our findings, in adult studies the assays were more likely to be positive in "
            "recently infected patients [9].")
    assert stances(ours, "[9]") == [("contrasting", "Inconsistent with")]
    prior = ("Contrary to what has been claimed in previous studies, the flux-based model does not lead to "
             "lower concentrations [23].")
    assert stances(prior, "[23]") == [("contrasting", "Contrary to")]


def test_a_result_larger_than_previous_estimates_is_contrasting() -> None:
    estimates = ("Only 11% reported always using a back seat belt, however this was still more than previous "
                 "estimates (3% in 2005; WHO, 2009).")
    assert stances(estimates, "WHO, 2009") == [("contrasting", "more than previous estimates")]
    reported = ("The cohort reported a much higher prevalence of helmet use (and of seat belts) than "
                "previously reported for Thailand (WHO, 2009).")
    assert stances(reported, "WHO, 2009")[0][0] == "contrasting"
    # look-alike: a comparison that names no earlier report
    plain = "Helmet use was higher in cities than in rural districts (WHO, 2009)."
    assert stances(plain, "WHO, 2009") == [("supporting", "")]
