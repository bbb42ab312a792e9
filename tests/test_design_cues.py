"""The study-design cue families added from the sixth fresh set's misses (fresh6: ML, physics and
health-services reference lists): each with a record it must name and a look-alike it must leave alone.
Titles are quoted from the labelled references (fetched data, not in the repository) or the dev/blind sets."""

from __future__ import annotations

import json

import pytest

from ingest.support.design import classify

BOOK = json.dumps({"publication_type": "book"})


@pytest.mark.parametrize("props, design", [
    # a survey of a literature is a review; a survey of people is cross-sectional
    ({"title": "A survey of model compression and acceleration for deep neural networks"},
     "narrative-review"),
    ({"title": "Deep reinforcement learning: a brief survey"}, "narrative-review"),
    ({"title": "Efficient processing of deep neural networks: A tutorial and survey"}, "narrative-review"),
    ({"title": "Survey on deep learning with class imbalance"}, "narrative-review"),
    ({"title": "Public awareness of cancer in Britain: a population-based survey of adults"},
     "cross-sectional"),
    ({"title": "A survey of general practitioners on antibiotic prescribing"}, "cross-sectional"),
    ({"title": "Rift Valley fever: seroepidemiological survey among pregnant women in Mozambique"},
     "cross-sectional"),
    ({"title": "A genome-sequence survey for Ascogregarina taiwanensis"}, "unknown"),  # sequencing
    # a title naming the data set it presents, not one it used
    ({"title": "CheXpert: A large chest radiograph dataset with uncertainty labels and expert comparison"},
     "dataset-software"),
    ({"title": "EEG Motor Movement/Imagery Dataset"}, "dataset-software"),
    ({"title": "Identification of autism spectrum disorder using deep learning and the ABIDE dataset"},
     "unknown"),
    ({"title": "The proposal of undersampling method for learning from imbalanced datasets"}, "unknown"),
    # a deposit in a data repository
    ({"title": "Multi-channel EEG recordings during a sustained-attention driving task. Figshare"},
     "dataset-software"),
    # software libraries, not a cDNA library
    ({"title": "TensorD: A tensor decomposition library in TensorFlow"}, "dataset-software"),
    ({"title": "Construction of a cDNA library from rat liver"}, "unknown"),
    # a response to a paper is commentary; a response to treatment is not
    ({"title": "Straw men, deep learning, and the future of the human Microscopist: response to \"artificial "
               "intelligence and the pathologist\""}, "commentary"),
    ({"title": "Response to treatment in early arthritis"}, "unknown"),
    # a title about guidelines is not one
    ({"title": "Welcoming new guidelines for ai clinical research"}, "unknown"),
    ({"title": "Adherence to guidelines for hypertension in primary care"}, "unknown"),
    ({"title": "Guidelines for the process of cross-cultural adaptation of self-report measures"},
     "guideline"),
    # the README's convention: a title saying in vivo is a named laboratory study
    ({"title": "Epigenetic temporal control of mouse HOX genes in vivo"}, "animal-in-vitro"),
    # journals of databases
    ({"title": "Aptamer Base: a collaborative knowledge base", "venue": "Database"}, "dataset-software"),
])
def test_title_and_venue_cues(props: dict, design: str) -> None:
    assert classify({"entry_type": "article", **props}).design == design


def test_a_conference_paper_typed_book_is_no_book() -> None:
    paper = {"entry_type": "misc", "fields_json": BOOK, "venue": "Computer Vision—ECCV 2014",
             "title": "Spatial pyramid pooling in deep convolutional networks for visual recognition"}
    assert classify(paper).design == "unknown"
    neurips = {"entry_type": "misc", "fields_json": BOOK, "title": "Skeletonization: a technique",
               "venue": "Advances in Neural Information Processing Systems 1"}
    assert classify(neurips).design == "unknown"  # not a review journal either ('Advances in …')
    book = {"entry_type": "misc", "fields_json": BOOK, "title": "Trauma and Recovery", "venue": "Basic Books"}
    assert (classify(book).design, classify(book).reason) == ("book", "JATS publication-type: book")


def test_an_r_package_typed_book_is_software_by_its_title() -> None:
    package = {"entry_type": "misc", "fields_json": BOOK,
               "title": "lme4: linear mixed-effects models using Eigen and S4. R package version 1.1-7"}
    found = classify(package)
    assert found.design == "dataset-software" and found.reason.startswith("title: ")
