"""Text-route error classes of fresh10 (23rd stop, branch realtext13), each on a text of its own:

1. reference numbers printed as plain numbers after the clause's last word, before its punctuation
   ("… every 40 seconds 3.", "… population) 1, 2. The …"), read when, taken in text order, they
   introduce the list's numbers in the order of first citation; ordinary sentence-final numbers
   ("in group 3.") follow no such order and stay no citation;
2. a page-only parenthesis after a quotation, "‘…’ (p. 236)", in a sentence that cites one work
   before it: a page of that work; the possessive's apostrophe typed as an acute accent
   ("Abbott´s (1988) analysis").
"""

from __future__ import annotations

from ingest.citations.detectors.numeric import trailing_markers
from ingest.claims import Unit
from tests.test_text_route_error_classes import _evidence

NUMBERED_LIST = "\n## References\n\n" + "\n\n".join(
    f"{n}. Author{n} A. Title number {n}. J Test {2000 + n};1:1-9." for n in range(1, 10)) + "\n"

TRAILING_BODY = (
    "Stroke is common. In 2015, the incidence was 274.1 per 100 thousand population (the average rate in "
    "Europe - 200 cases per 100 thousand population) 1, 2. A new stroke occurs almost every 40 seconds 3.\n\n"
    "A headache related to a stroke is noted by more than 30% of patients 3, 4,5. Dipyridamole is among "
    "the possible causes of a headache 4, as are changes in prostaglandin levels 6.\n\n"
    "The patients were split into group 2. Clinical experience proves the efficiency of reflexology "
    "9. Among such methods, reflexology plays a part 7,8.\n")


def _markers(body: str) -> list[tuple[str, list[str]]]:
    return _evidence("# A clinical paper\n\n" + body + NUMBERED_LIST)


def test_trailing_numbers_in_citation_order_are_citations():
    assert _markers(TRAILING_BODY) == [
        ("1, 2", ["ref-1", "ref-2"]), ("3", ["ref-3"]), ("3, 4,5", ["ref-3", "ref-4", "ref-5"]),
        ("4", ["ref-4"]), ("6", ["ref-6"]), ("7,8", ["ref-7", "ref-8"])]


def test_a_number_out_of_the_citation_order_is_none():
    # "group 2." names a group (and would repeat a number); "reflexology 9." skips past 7 and 8
    markers = dict(_markers(TRAILING_BODY))
    assert "2" not in markers and "9" not in markers


def test_sentence_final_numbers_in_no_citation_order_are_no_citations():
    body = ("The patients were aged 70. Most were treated in ward 4. Those of room 2, by contrast, "
            "stayed for 3. Three left after day 1. The rest stayed 5.\n")
    assert _markers(body) == []


def _whole(text: str) -> list[Unit]:
    return [Unit(0, len(text), 0, 0)]


def test_too_few_numbers_in_order_make_no_cue():
    listed = frozenset(range(1, 10))
    two = "They came in twos 1. Then more came 2."
    assert trailing_markers(two, _whole(two), listed) == ()
    text = "They came in twos 1. Then more came 2. And even more 3."
    assert [text[s:e] for s, e in trailing_markers(text, _whole(text), listed)] == ["1", "2", "3"]
    # a third of the list at least: three numbers do not make a cue for a list of thirty
    assert trailing_markers(text, _whole(text), frozenset(range(1, 31))) == ()


def test_trailing_numbers_in_a_parenthesis_numbered_document_stay_counts():
    body = ("Strokes are common (1). They kill many (2, 3). Patients were seen in groups 1. Then in "
            "wards 2. Then in rooms 3. Then at home 4.\n")
    assert _markers(body) == [("(1)", ["ref-1"]), ("(2, 3)", ["ref-2", "ref-3"])]


SPEHAR_BIB = r"""
@article{montgomery2001, author = {Montgomery, Kathleen}, year = {2001},
  title = {Physician executives: the evolution and impact of a hybrid profession},
  journal = {Adv Health Care Manag}}
@article{kurunmaki2004, author = {Kurunmaki, Liisa}, year = {2004},
  title = {A hybrid profession: the acquisition of management accounting expertise by medical professionals},
  journal = {Account Organ Soc}}
@book{abbott1988, author = {Abbott, Andrew}, year = {1988}, title = {The System of Professions}}
@article{neogy2009, author = {Neogy, Indrani and Kirkpatrick, Ian}, year = {2009},
  title = {Medicine in management: lessons across Europe}, journal = {CBS}}
"""


def _spehar(body: str) -> list[tuple[str, list[str]]]:
    return _evidence(f"# Medicine in management\n\n{body}\n", SPEHAR_BIB)


def test_a_page_after_a_quotation_cites_the_work_cited_before_it():
    assert _spehar("Reviewing literature on hybrid management, Montgomery (2001) concluded that doctors "
                   "are ‘uniquely positioned to bring their expertise to managed health care’ (p. 236).") == [
        ("Montgomery (2001)", ["montgomery2001"]), ("(p. 236)", ["montgomery2001"])]


def test_a_page_after_citations_of_two_works_cites_neither():
    assert _spehar("Montgomery (2001) and Neogy and Kirkpatrick (2009) agree that doctors are ‘uniquely "
                   "positioned to bring their expertise to health care’ (p. 236).") == [
        ("Montgomery (2001)", ["montgomery2001"]), ("Neogy and Kirkpatrick (2009)", ["neogy2009"])]


def test_a_page_is_the_marker_of_the_work_a_pronoun_continues():
    assert _spehar("Kurunmaki (2004) has shown how medicine became a hybrid profession in Finland. She "
                   "concludes that accounting expertise was seen as ‘transferable across professional "
                   "boundaries’ (p. 342).") == [
        ("Kurunmaki (2004)", ["kurunmaki2004"]), ("(p. 342)", ["kurunmaki2004"])]


def test_a_possessive_typed_with_an_acute_accent():
    assert _spehar("Abbott´s (1988) analysis illustrates how professions exist ‘under the pressures of "
                   "market demands and competition’ (p. 84).") == [
        ("Abbott´s (1988)", ["abbott1988"]), ("(p. 84)", ["abbott1988"])]
