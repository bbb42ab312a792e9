"""The stance rules changed from the errors of fresh9 and fresh7 (branch stance12): 'contradict' read as a
verb and a noun, not as the adjective of a mixed literature; 'in contradiction to' / 'Contradicting'
fronted; doubt that earlier efforts were adequate; a definition or norm followed is a method use; an
author in 'in contrast to X and Y' needs capitals. Each with sentences it must decide (quoted, some
shortened, from the labelled articles, which are fetched data, not in the repository) and look-alikes it
must leave alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.support.stance import classify_stance
from tests.test_stance_fresh5_rules import stances


def test_contradicting_the_earlier_reports_is_contrasting() -> None:
    assert stances("Contradicting these reports are cohort studies describing good outcome after surgery "
                   "[11,12].", "[11,12]") == ["contrasting"]
    assert stances("In contradiction to these latter studies, the mortality of 133 Danish lithium-treated "
                   "patients was not decreased compared to the general population (Brodersen et al. 2000).",
                   "(Brodersen et al. 2000)") == ["contrasting"]
    assert stances("These contradictions might be due to the very low sample size in the study of Yu and "
                   "colleagues [16].", "[16]") == ["contrasting"]
    # look-alikes: the participle as an adjective of a mixed literature, a denied contradiction
    assert "contrasting" not in stances(
        "Interestingly though, contradicting findings have been reported on the spatial distribution of "
        "helminth eggs in stool samples [16], [17].", "[16]", "[17]")
    assert stances("This conclusion does not contradict the possible beneficial effects of planned weight "
                   "loss [50].", "[50]") == ["supporting"]


def test_contradictory_is_a_cue_only_with_what_it_contradicts() -> None:
    assert stances("This finding may seem contradictory to reports of shrub expansion northward with "
                   "climate change [47, 48].", "[47, 48]") == ["contrasting"]
    # a mixed literature, its parts cited (fresh9 mentioning, fresh7 supporting)
    assert "contrasting" not in stances(
        "Studies examining sex-related predisposition to AD reported contradictory findings that vary from "
        "higher risk to lower risk in women [1], [2].", "[1]", "[2]")
    assert "contrasting" not in stances(
        "Few studies have reported on long-term storage, and contradictory percentage of genotyping "
        "efficiency of blood sample collection devices results have been reported, compared with gold "
        "standard plasma [27], [28].", "[27]", "[28]")


def test_doubt_that_the_cited_efforts_were_adequate_is_contrasting() -> None:
    sentence = ("Although several studies have attempted to group subjects on baseline age or include "
                "higher-order terms in a logistic regression model [2], [3], it remains questionable if "
                "these efforts were sufficient in modeling the potentially complex time-varying effects.")
    assert stances(sentence, "[2]", "[3]") == ["contrasting", "contrasting"]
    # look-alikes: an open question that judges no earlier work
    assert stances("It remains unclear whether these genes are expressed in neurons [4].",
                   "[4]") != ["contrasting"]
    assert stances("It is questionable if patients benefit from surgery [5].", "[5]") != ["contrasting"]
    assert stances("It is unclear whether these studies were conducted in children [6].",
                   "[6]") != ["contrasting"]


def test_a_definition_or_norm_followed_is_mentioning() -> None:
    sentence = ("Persistent pain, our primary outcome measure, was defined in accordance with an "
                "international, generally accepted definition (International Association for the Study of "
                "Pain 1986).")
    marker = "(International Association for the Study of Pain 1986)"
    start = sentence.index(marker)
    stance, cue = classify_stance(sentence, (start, start + len(marker)))
    assert (str(stance), cue.split()[:3]) == ("mentioning", ["in", "accordance", "with"])
    assert stances("Children were classified as LTBI cases, following the American Academy Guidelines "
                   "definition [7].", "[7]") == ["mentioning"]
    assert stances("The SPTP was based on recommendations made by the American Geriatrics Society [22].",
                   "[22]") == ["mentioning"]
    # look-alikes: agreement with results stays supporting
    assert stances("This is in accordance with the results of Fortin et al. who showed that social support "
                   "is associated with all dimensions of the SF-36 [8].", "[8]") == ["supporting"]
    assert stances("Our estimate is in accordance with earlier findings [9].", "[9]") == ["supporting"]


def test_an_author_after_in_contrast_to_is_capitalised() -> None:
    assert stances("Under these conditions in contrast to Merrick et al. [11], no conversion of CBD to THC "
                   "was observed in any of the samples.", "[11]") == ["contrasting"]
    # drugs compared inside the cited finding (fresh7 supporting): 'CsA and tacrolimus' is no author pair
    assert stances("Heidt et al. demonstrated that in contrast to CsA and tacrolimus, Rapamycin and MPA "
                   "profoundly inhibited B-cell proliferation [26].", "[26]") == ["supporting"]
    assert stances("In contrast to mice and rats, hamsters hibernate [3].", "[3]") == ["supporting"]


def test_the_trainer_reads_only_the_sets_given_with_splits(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from ingest.support.train_stance import main

    (tmp_path / "stance-dev.jsonl").write_text("not json\n", encoding="utf-8")
    assert main([str(tmp_path)]) == 2
    assert "not JSON" in capsys.readouterr().err
    assert main(["--splits", "fresh9", str(tmp_path)]) == 2  # stance-dev.jsonl is not read
    assert "no labelled citation found" in capsys.readouterr().err
