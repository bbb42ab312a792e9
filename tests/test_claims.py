"""Which sentences are claims, what kind, and with exact spans and stable ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.schema import claim_id
from ingest.claims import claim_kind, extract_claims, not_claim_reason
from ingest.model import LIST_ITEM, PARAGRAPH, Block, ParsedDocument, Sentence
from ingest.readers import read_documents


def _doc(paragraphs: list[list[str]], bullets: list[str] = ()) -> ParsedDocument:
    """A hand-built document: each paragraph a list of sentences, then list items."""
    text, blocks, sentences = "", [], []
    for sentences_of_paragraph in paragraphs:
        start = len(text)
        for sentence in sentences_of_paragraph:
            sentences.append(Sentence(len(text), len(text) + len(sentence), len(blocks)))
            text += sentence + " "
        blocks.append(Block(PARAGRAPH, start, len(text) - 1, section="Intro"))
        text = text[:-1] + "\n\n"
    for bullet in bullets:
        text += "• "
        blocks.append(Block(LIST_ITEM, len(text) - 2, len(text) + len(bullet), lead_in=len(paragraphs) - 1))
        text += bullet + "\n"
    return ParsedDocument("doc:t", "article", text, "t.txt", blocks=blocks, sentences=sentences)


def test_claims_are_assertive_sentences_and_list_items_with_exact_spans():
    doc = _doc([["Trauma isolates people.", "Why does it happen?", "They found these patterns:"]],
               ["Less likely to get married", "More likely to divorce"])
    claims = extract_claims(doc)
    assert [c.text for c in claims] == ["Trauma isolates people.", "Less likely to get married",
                                        "More likely to divorce"]
    for position, claim in enumerate(claims):
        assert doc.text[claim.start:claim.end] == claim.text
        assert claim.position == position
        assert claim.id == claim_id("doc:t", claim.text, 0)
    assert claims[0].section == "Intro"


def test_repeated_sentence_gets_distinct_ids():
    doc = _doc([["Trauma isolates people."], ["Trauma isolates people."]])
    first, second = extract_claims(doc)
    assert first.id != second.id
    assert second.id == claim_id("doc:t", "Trauma isolates people.", 1)


@pytest.mark.parametrize("sentence, reason", [
    ("In this blog, we’re going to look at what type of relationship is needed.", "meta-text"),
    ("Let’s look at how a healthy sense of self is created.", "meta-text"),
    ("I look forward to hearing your experiences.", "meta-text"),
    ("Liza, well said.", "greeting or sign-off"),
    ("Thank you ~ Dr. Aimie", "greeting or sign-off"),
    ("To Health and Healing ~", "greeting or sign-off"),
    ("P.S. You can schedule a consultation with me.", "meta-text"),
    ("What happens when they need support?", "question"),
    ("Wow, amazing!", "too short"),
    ("Herman, J. L. (1992). Trauma and recovery. Basic Books.", "reference-list line"),
    ("Dr. Judy Herman talks about this in her book Trauma and Recovery.", "points back to a source"),
    ("Trauma and its Impact on Relationships", "heading"),
])
def test_non_claims(sentence, reason):
    assert not_claim_reason(sentence) == reason


@pytest.mark.parametrize("sentence", [
    "Herman was right about this, and clinicians still see it.",
    "Thus, autonomy is the second level of personal growth.",
    "We’ve lost our power.",
])
def test_claims_pass(sentence):
    assert not_claim_reason(sentence) is None


@pytest.mark.parametrize("sentence, kind", [
    ("Veterans were more likely to divorce.", "empirical"),
    ("The fancy term for “sense of self” is autonomy.", "definition"),
    ("All trauma results in a feeling of being isolated from others.", "causal"),
    ("Physical safety should be addressed first.", "prescriptive"),
    ("If you’re a parent, it’s essential you understand the balance.", "prescriptive"),
    ("It’s the most beautiful thing in the world.", "evaluative"),
    ("I have seen many individuals attach themselves to strong people.", "personal"),
    ("They have their own bodies, likes and desires.", "general"),
])
def test_claim_kinds(sentence, kind):
    assert claim_kind(sentence) == kind


def test_numeric_marker_after_full_stop_ends_the_sentence(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nChildhood adversity predicts disease.[1] Many never get a diagnosis.\n")
    doc = read_documents(article)[0]
    assert [c.text for c in extract_claims(doc)] == ["Childhood adversity predicts disease.[1]",
                                                    "Many never get a diagnosis."]


@pytest.mark.parametrize("sentence, reason", [
    ("GUEST: Same paper.", "too short"),
    ("The Leeds survey is described in Baines et al. (2005).", "points back to a source"),
    ("The method is told in full in The Body Keeps the Score.", "points back to a source"),
    ("Baines covers each of these in detail in the handbook.", "points back to a source"),
    ("Dr. Okoro goes into this at length in chapter 4.", "points back to a source"),
    ("This is set out in the preliminary report by Doll and Hill (1954).", "points back to a source"),
])
def test_speaker_labels_and_passive_pointers_are_not_claims(sentence, reason):
    assert not_claim_reason(sentence) == reason


@pytest.mark.parametrize("sentence", [
    "GUEST: Grief peaks in the second year.",
    "The effect was reported in New Zealand.",
    "Baines describes lorry drivers in the handbook.",
    "Outcomes are described in many ways by patients.",
    "Smoking is described in the report by Doll and Hill (1954) as deadly.",
])
def test_labelled_turns_and_ordinary_passives_stay_claims(sentence):
    assert not_claim_reason(sentence) is None


def _kinds_of(tmp_path: Path, text: str) -> dict[str, str]:
    """Block text -> block kind, as the plain-text reader sees it."""
    path = tmp_path / "handout.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_documents(path)[0]
    return {doc.text[b.start:b.end]: b.kind for b in doc.blocks}


def test_numbered_line_after_a_bulleted_list_is_a_heading(tmp_path: Path):
    kinds = _kinds_of(tmp_path, "Handout\n\nSkills we practise here:\n  • breathing slowly\n"
                                "  • naming five colours\n\n4. Ending the session\n\nClose gently.\n")
    assert kinds["naming five colours"] == LIST_ITEM
    assert kinds["Ending the session"] == "heading"


def test_short_numbered_line_between_paragraphs_is_a_heading_but_spaced_list_items_stay(tmp_path: Path):
    kinds = _kinds_of(tmp_path, "Guide\n\nSome text comes first.\n\n1. Getting started\n\nMore text here.\n")
    assert kinds["Getting started"] == "heading"
    spaced = _kinds_of(tmp_path, "Guide\n\nDo these:\n\n1. Eat well\n\n2. Sleep enough\n\n"
                                 "3. Walk daily\n\nEnd.\n")
    assert [spaced[t] for t in ("Eat well", "Sleep enough", "Walk daily")] == [LIST_ITEM] * 3
