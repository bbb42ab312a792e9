"""The stance rules added from the fresh7 set's errors (17 PLOS articles: ecology, palaeontology, medicine):
contrasting cue families bound to the marker they reach, and the finding-stating "has been reported / recorded
…" no longer read as a mere pointer. Each family with a sentence it must decide (quoted, some shortened, from
the labelled articles, which are fetched data, not in the repository) and look-alikes it must leave alone
(from the other labelled sets or written for the test)."""

from __future__ import annotations

from tests.test_stance_fresh5_rules import stances  # one marker-spans helper for both rule sets


def test_but_see_after_a_semicolon_binds_the_works_after_it() -> None:
    sentence = ("Several groups have recently demonstrated weaker surround suppression effects among "
                "patients with schizophrenia compared with controls [18–22]; but see [23,24].")
    assert stances(sentence, "[18–22]", "[23,24]") == ["supporting", "contrasting"]
    # each number of the bracket a marker of its own, as the pipeline finds them
    assert stances(sentence, "18–22", "23", "24") == ["supporting", "contrasting", "contrasting"]
    # look-alikes: 'see' without 'but', and a 'but' clause that points nowhere
    assert stances("Suppression is weaker in patients [18]; see also [19].",
                   "[18]", "[19]")[0] == "supporting"
    assert stances("Suppression is weaker in patients [18]; but see the discussion below.",
                   "[18]") == ["supporting"]


def test_a_result_departing_from_the_works_figure_binds_the_marker_right_after_it() -> None:
    earlier = ("Similarly, Crottini et al. [18] have posited that oplurid iguanians may also have been "
               "present on Madagascar in the Early Cretaceous, even earlier than previously indicated [164].")
    assert stances(earlier, "[18]", "[164]") == ["supporting", "contrasting"]
    lower = ("This is lower than the size estimates in [26] but is still at the upper end of the size range "
             "for robust-bodied extant anurans like the African Bullfrog (up to 245 mm [97]).")
    assert stances(lower, "[26]", "[97]") == ["contrasting", "supporting"]
    conforming = ("Telmatobius is recovered as the sister taxon, thus conforming to the membership of "
                  "Ceratophryidae in Frost et al. [9], although not that of Pyron and Wiens [27] as adopted "
                  "here.")
    assert stances(conforming, "[9]", "[27]") == ["supporting", "contrasting"]
    # look-alikes: a comparison with a thing, not with the work's figure; a comparison the work reports
    assert stances("Rates were higher than those of controls [5].", "[5]") == ["supporting"]
    assert stances("Body mass was lower than in the wet season [12].", "[12]") == ["supporting"]
    assert stances("Males were larger than females [7], although not in all populations [8].",
                   "[7]", "[8]") == ["supporting", "supporting"]


def test_a_received_view_the_main_clause_overturns_binds_only_the_concession() -> None:
    sentence = ("Although anurans are often considered poor candidates for trans-oceanic dispersal because "
                "of their perceived intolerance of salt water [10], molecular phylogenetic analyses of the "
                "Malagasy anuran fauna [3], [5] have provided strong evidence that their ancestors "
                "dispersed.")
    assert stances(sentence, "[10]", "[3]", "[5]") == ["contrasting", "supporting", "supporting"]
    # look-alikes: no concession; a concession that names no received view
    assert stances("Anurans are often considered poor candidates for oceanic dispersal [10].",
                   "[10]") == ["supporting"]
    assert stances("Although anurans are small [10], they disperse widely [3].", "[10]", "[3]") == [
        "supporting", "supporting"]


def test_an_unnamed_few_suggestion_answered_by_but() -> None:
    sentence = ("Some studies suggest a basin-scale mixing among reef fish populations across the Caribbean "
                "[84,85], but as we have seen, relative variation in species composition between regions "
                "persists.")
    assert stances(sentence, "[84,85]") == ["contrasting"]
    # look-alike: the same suggestion not answered
    assert stances("Some studies suggest a basin-scale mixing among reef fish populations [84,85], and this "
                   "is widely accepted [3].", "[84,85]", "[3]") == ["supporting", "supporting"]


def test_reported_or_recorded_with_what_where_or_in_whom_states_the_finding() -> None:
    assert stances("It has been reported that increased serum ferritin level is associated with insulin "
                   "resistance [38].", "[38]") == ["supporting"]
    assert stances("An inadequate response to antidepressant treatment has been reported in up to 60% of "
                   "patients [4].", "[4]") == ["supporting"]
    assert stances("A skull of Lepidobatrachus has been reported from the Pliocene of Argentina [151].",
                   "[151]") == ["supporting"]
    assert stances("Fossil remains attributed to Ceratophrys have been recorded from several Late Miocene "
                   "localities [147].", "[147]") == ["supporting"]
    # look-alikes: the bare pointer, a pointer to the work itself, a recording method
    assert stances("This effect has been reported [12].", "[12]") == ["mentioning"]
    assert stances("The protocol has been reported in [12].", "[12]") == ["mentioning"]
    assert stances("Calls were recorded in the field with a Marantz recorder [4].", "[4]") == ["mentioning"]
    assert stances("This has been reported to increase risk [6].", "[6]") == ["supporting"]


def test_a_review_that_finds_something_is_evidence_not_a_pointer() -> None:
    assert stances("A Cochrane review found insufficient data on whether acupuncture is an effective "
                   "intervention for depression [9].", "[9]") == ["supporting"]
    assert stances("Moreover, systematic reviews and meta-analyses have indicated the presence of "
                   "small-study bias in the published literature [13–16].", "[13–16]") == ["supporting"]
    # look-alikes: the pointer to a review stays mentioning
    assert stances("For a review, see [4].", "[4]") == ["mentioning"]
    assert stances("This topic has been reviewed recently [5].", "[5]") == ["mentioning"]
    assert stances("These mechanisms are summarised in a recent review [6].", "[6]") == ["mentioning"]


def test_look_alikes_of_the_other_sets_keep_their_stance() -> None:
    # fresh4: 'but see' inside brackets with 'et al.,' before the year (the period must not stop it)
    bracket = ("These studies have typically only provided levels of coverage of 0.50–0.80 (but see Aislabie "
               "et al., 2009), and all have recorded similar levels of biodiversity.")
    assert stances(bracket, "2009") == ["contrasting"]
    # fresh2: 'reported on' a topic stays a pointer
    assert stances("Interestingly though, contradicting findings have been reported on the spatial "
                   "distribution of helminth eggs in human stool samples [16], [17].", "[16]", "[17]") == [
        "mentioning", "mentioning"]
