"""The stance rules added from the errors of the second, third and fourth fresh sets: each with a sentence it
must decide and a look-alike it must leave alone (the same words in a role that is no such cue). The
sentences are quoted from the labelled articles (the articles themselves are fetched data, not in the
repository)."""

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


# -- added from fresh4's errors ---------------------------------------------------------------------------
def test_but_see_inside_the_citation_brackets_is_contrasting_for_the_works_it_points_to() -> None:
    # peerj-3360 (three markers, all labelled contrasting)
    idh = ("Consequently, the highest number of species is expected to occur at intermediate levels of "
           "disturbance (but see Fox (2013), Sheil & Burslem (2013), and Huston (2014) for discussions on "
           "the validity of the IDH).")
    assert stances(idh, "Fox (2013)", "Sheil & Burslem (2013)", "Huston (2014)") == [
        ("contrasting", "but see")] * 3
    # frontiers-fmicb-2012-00403: the 'but see' binds the work in its brackets, not the main clause's
    coverage = ("These studies have typically only provided levels of coverage of 0.50–0.80 (but see "
                "Aislabie et al., 2009), and all have recorded similar levels of biodiversity (Fierer et "
                "al., 2003).")
    found = stances(coverage, "Aislabie et al., 2009", "Fierer et al., 2003")
    assert found[0] == ("contrasting", "but see") and found[1][0] != "contrasting"
    # look-alike: a plain 'see' is a pointer
    assert stances("Storms reshape the flats (see Fox (2013) for a discussion).", "Fox (2013)")[0][0] == \
        "mentioning"


def test_a_proposal_the_sentence_has_just_denied_is_contrasting() -> None:
    # pmc-intzool-9786276
    gait = ("Therefore, the preceding consideration leads to the conclusion that the first terrestrial gait "
            "of tetrapodomorphs was a trot, not a walk with sequential placement of 4 limbs one by one, as "
            "was "
            "suggested for an abstract first tetrapod by Gray (1944).")
    assert stances(gait, "Gray (1944)") == [("contrasting", "not … as was suggested")]
    # mdpi-nu3010063
    crbp = ("However, it could not be demonstrated experimentally that CRBPII directly prevents retinol from "
            "being acted upon in vivo by intestinal DGAT1 or other intestinal ARAT activities, as had been "
            "proposed in the older literature [4,5,6].")
    assert stances(crbp, "4", "5", "6")[0][0] == "contrasting"
    # look-alike: no denial before it, 'as was suggested' agrees
    agree = "Grid cells are anchored to boundaries, as was suggested by Gray (1944)."
    assert stances(agree, "Gray (1944)") == [("supporting", "as was suggested")]


def test_the_citing_articles_critique_of_the_work_is_contrasting() -> None:
    cases = [  # pmc-intzool-9786276, mdpi-nu3010063
        ("In our opinion, there is no ground to infer that “hindlimb function might lag behind forelimb "
         "function across the water–land transition” (Pierce et al. 2013).", "Pierce et al. 2013",
         "no ground to infer"),
        ("Lucas (2015) attempted to argue that Zachełmie “track field” represents fish nests or feeding "
         "pits.", "Lucas (2015)", "attempted to argue"),
        ("The most crucial fault of the walking model suggested for tetrapodomorph fishes by Vorobyeva and "
         "Kuznetsov (1992) was the fact that the authors entirely overlooked a pronounced three‐dimensional "
         "nature of the walking technique of Clarias.", "Vorobyeva and Kuznetsov (1992)",
         "The most crucial fault of the walking model"),
        ("All these hind limb features of Ichthyostega cannot be explained in the framework of prolocomotor "
         "propulsion suggested in the form of mudskipper‐like “crutching motion” by Pierce et al. (2013) but "
         "readily fit the metalocomotor model suggested herein.", "Pierce et al. (2013)",
         "cannot be explained in"),
        ("Earlier studies suggested ATGL does not have REH activity, but these studies were done in the "
         "absence of CGI-58 [102].", "[102]", "but these studies were done"),
    ]
    for sentence, marker, cue in cases:
        assert stances(sentence, marker) == [("contrasting", cue)], sentence
    # look-alikes: a fault or an oversight that is not the work's
    assert stances("Faults of the gearbox were logged automatically [12].", "[12]")[0][0] != "contrasting"
    assert stances("These studies were done in coastal plots [8].", "[8]")[0][0] != "contrasting"


def test_unable_to_replicate_and_must_be_reconciled_are_contrasting() -> None:
    # medrxiv-2023.03.10.23287084, biorxiv-2023.12.30.573694 (fresh3)
    replicate = ("In our forward MR analyses we were unable to replicate the findings of three previous MR "
                 "studies which found evidence for a causal effect of circulating linoleic acid levels on "
                 "CRC development [73–75].")
    assert stances(replicate, "73–75") == [("contrasting", "were unable to replicate")]
    reconciled = ("However, this memory conjunction view of the MTL must be reconciled with the rodent "
                  "electrophysiology finding that most cells in MTL appear to have receptive fields related "
                  "to some aspect of spatial navigation (Boccara et al., 2010).")
    assert stances(reconciled, "Boccara et al., 2010") == [("contrasting", "must be reconciled with")]
    # look-alike: 'replicated' without the negation agrees
    assert stances("Ours replicated the findings of three previous studies [73].", "[73]")[0][0] == \
        "supporting"


def test_no_evidence_for_is_a_negative_finding_not_a_dispute() -> None:
    # medrxiv-2023.03.10.23287084 (fresh3): the cited studies report the lack of evidence
    similar = ("Previous MR studies have had similar findings to our forward MR analysis, in that there "
               "seems to be little evidence for a causal effect of cholesterol on CRC development.[70–72]")
    assert stances(similar, "70–72")[0][0] == "supporting"


def test_a_difference_from_a_thing_and_an_active_not_supported_are_no_contrast() -> None:
    # pmc-scirep-12354728
    species = ("This is likely due to their specialised habitat preferences (riparian environments) and diet "
               "(predominantly fish) [11], which differ from those of the other species.")
    assert stances(species, "[11]")[0][0] != "contrasting"
    limited = ("Previous studies of the skull morphology of Southeast Asian small felids have been limited "
               "by small sample sizes and have not supported statistical analysis of niche overlap amongst "
               "morphospecies[27].")
    assert stances(limited, "[27]")[0][0] != "contrasting"
    # the cues still stand where they name the work or its verdict
    studies = "Our estimates differ from those of previous studies [4]."
    assert stances(studies, "[4]") == [("contrasting", "differ from those of previous studies")]
    passive = "The association has not been replicated in later cohorts [5]."
    assert stances(passive, "[5]")[0][0] == "contrasting"


def test_unlike_the_study_then_what_we_did_not_do_is_a_design_contrast() -> None:
    # mdpi-nu3010049
    venn = "However, unlike the study by Venn et al. [27], we did not measure changes in plasma homocysteine."
    assert stances(venn, "[27]")[0][0] == "mentioning"


def test_a_pointer_naming_its_topic_first_is_mentioning() -> None:
    # ijm-00202
    pros = ("At the same time, it facilitates tax administration relating to ownership and splitting "
            "treatments (for pros and cons of dual income taxes, see Genser and Reutter, 2007).")
    assert stances(pros, "Genser and Reutter, 2007") == [
        ("mentioning", "for pros and cons of dual income taxes, see")]
    # look-alike: 'for' in the brackets without 'see'
    assert stances("Exercise lowers blood pressure (for older adults, Smith 2001).", "Smith 2001")[0][0] == \
        "supporting"
