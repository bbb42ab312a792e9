"""The stance rule changed in branch stance17 (from support12's one miss of the class, checked on the older
sets before the change and on support14/support15 after): a fronted 'Unlike / In contrast to' binds the works
cited inside it when it names earlier statements, assumptions, estimates, interpretations or descriptions, as
it already did for studies, findings, reports and views. Sentences quoted from the labelled articles (fetched
data, not in the repository); each with look-alikes it must leave alone."""

from __future__ import annotations

from tests.test_stance_fresh5_rules import stances


def test_a_fronted_unlike_previous_statements_binds_the_works_inside_it() -> None:
    assert stances("Unlike previous statements that distal rather than proximal setae seem to play a more "
                   "important role in the initiation of adhesion [7], the present study revealed that the "
                   "proximal setae in tarsomere are brought first in contact with the substrate.",
                   "[7]") == ["contrasting"]
    assert stances("In contrast to earlier estimates of the prevalence (Smith et al., 2001), we found it "
                   "three times higher.", "(Smith et al., 2001)") == ["contrasting"]
    # look-alikes: a contrast of design (the main clause says what this study did) is mentioning; the
    # works of the main clause are not the ones disputed
    assert stances("Unlike previous estimates [3], we included all ages.", "[3]") == ["mentioning"]
    assert stances("Unlike previous statements [3], the present study revealed that setae differ [4].",
                   "[3]", "[4]") == ["contrasting", "supporting"]


def test_agreement_with_previously_reported_data_is_supporting() -> None:
    # support15 (read after its measurement), dev and fresh9: 'previously reported / published' is the
    # mentioning pointer only where no agreement is named
    assert stances("These results indicate that the native conformation of BOD contains ~20 % α-helix, in "
                   "agreement with previously reported data [36].", "[36]") == ["supporting"]
    assert stances("Figure 2G shows the CTCF ChIP pattern in unsorted nuclei, similar to that previously "
                   "reported (Nègre et al., 2010).", "(Nègre et al., 2010)") == ["supporting"]
    assert stances("The coverage was 3.5%, similar to what has been previously published utilizing this "
                   "method [16].", "[16]") == ["supporting"]
    # look-alikes: a procedure done as described before is its source; a bare pointer stays a pointer
    assert stances("The dataset was filtered with a 0.8 cutoff similar to that previously described [11].",
                   "[11]") == ["mentioning"]
    assert stances("The protocol was previously reported [12].", "[12]") == ["mentioning"]


def test_the_replay_reads_the_rules_of_the_working_tree_at_head() -> None:
    import ingest.support.stance as current
    from ingest.support.replay_stance import FIRST_RUN_RULES, rules_at, with_rules
    from ingest.support.stance import CitingContext
    from ingest.support.train_stance import SPLITS, Example

    assert rules_at("HEAD") is current
    assert set(FIRST_RUN_RULES) <= set(SPLITS)  # every replayed set is a development set the model trains on
    sentence = "Unlike previous statements [7], the present study revealed that setae differ."
    start = sentence.index("[7]")
    context = CitingContext(sentence, (start, start + 3), ((start, start + 3),))
    example = Example("support12", "a.xml", "contrasting", context, ("supporting", ""))
    assert with_rules([example], current)[0].rule[0] == "contrasting"
