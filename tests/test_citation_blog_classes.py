"""The blog-text error classes of issue #10 found on eval-blind-8's first run, each on sentences of
its own: a narrative citation whose authors another entry's title names, a paragraph's account
carried past an opinion word used as a noun, "the explanation the authors gave", and Markdown
footnotes linked through their definitions."""

from __future__ import annotations

from pathlib import Path

from ingest.bibtex import parse_bibtex
from ingest.citations import build_index, find_evidence
from ingest.claims import document_units, extract_claims
from ingest.model import REFERENCES
from ingest.readers import read_documents

BIB = r"""
@article{roediger2006test, author = {Roediger, Henry L. and Karpicke, Jeffrey D.}, year = {2006},
  title = {Test-enhanced learning: taking memory tests improves long-term retention},
  journal = {Psychological Science}}
@article{smith2016retrieval, author = {Smith, Amy M. and Floerke, Victoria A.}, year = {2016},
  title = {A failure to replicate {Roediger} and {Karpicke} (2006) under stress},
  journal = {Science}}
@book{ellis1990hunger, author = {Ellis, Mary}, year = {1990}, title = {Hunger and Thirst}}
@book{snow1855mode, author = {Snow, John}, year = {1855},
  title = {On the mode of communication of cholera}, publisher = {John Churchill}}
@article{koch1884cholera, author = {Koch, Robert}, year = {1884},
  title = {Über den augenblicklichen Stand der bakteriologischen Choleradiagnose},
  journal = {Deutsche Medizinische Wochenschrift}}
"""


def _analysed(tmp_path: Path, text: str, name: str = "post.md", bib: str = BIB):
    """The document `text` (written to `tmp_path / name`), its units, claims and evidence against `bib`."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    docs = read_documents(path)
    index = build_index(parse_bibtex(bib, "t.bib"), docs)
    doc = docs[0]
    units = document_units(doc)
    claims = extract_claims(doc, units)
    return doc, units, claims, find_evidence(doc, units, claims, index)


class _Links(dict):
    """Claim text -> the keys of the evidence supporting it; looked up by the claim's opening words."""

    def __getitem__(self, opening: str) -> list[str]:
        found = [keys for text, keys in self.items() if text.startswith(opening)]
        assert len(found) == 1, f"{len(found)} claims open with {opening!r}: {list(self)}"
        return found[0]


def _links(tmp_path: Path, text: str, name: str = "post.md") -> _Links:
    doc, _, claims, evidence = _analysed(tmp_path, text, name)
    links = _Links()
    for number, claim in enumerate(claims):
        keys = sorted({k for e in evidence if number in e.supports for k in e.sources})
        dict.__setitem__(links, doc.text[claim.start:claim.end], keys)
    return links


# --- a narrative opening whose authors another entry's title names ----------------------------


def test_authors_named_in_another_title_are_still_authors(tmp_path):
    links = _links(tmp_path, "# Testing\n\nRoediger and Karpicke (2006) gave students a test instead of "
                             "a second reading of a prose passage.\n")
    assert links["Roediger and Karpicke (2006) gave student"] == ["roediger2006test"]


def test_title_words_before_a_year_are_still_a_title(tmp_path):
    _, _, _, evidence = _analysed(tmp_path, "# Famine\n\nHunger and Thirst (1990) describes the famine "
                                            "years in one village.\n")
    assert [(e.sources, e.resolved) for e in evidence] == [(["ellis1990hunger"], True)]


# --- a paragraph carrying on the account of one work -----------------------------------------


def test_an_opinion_word_used_as_a_noun_does_not_end_the_account(tmp_path):
    links = _links(tmp_path, "# Testing\n\nRoediger and Karpicke (2006) gave students a test instead of "
                             "a second reading. A week later the tested group remembered more. "
                             "On recall questions, the tested group did far better.\n")
    assert links["On recall questions, the tested group di"] == ["roediger2006test"]


def test_an_opinion_verb_with_another_subject_still_ends_it(tmp_path):
    links = _links(tmp_path, "# Testing\n\nRoediger and Karpicke (2006) gave students a test instead of "
                             "a second reading. A week later the tested group remembered more. "
                             "Many teachers questioned the result.\n")
    assert links["Many teachers questioned the result."] == []


def test_the_explanation_the_authors_gave_continues_their_work(tmp_path):
    links = _links(tmp_path, "# Testing\n\nRoediger and Karpicke (2006) gave students a test instead of "
                             "a second reading.\n\nThe explanation the authors gave is that recalling "
                             "a fact strengthens the route back to it.\n")
    assert links["The explanation the authors gave is that"] == ["roediger2006test"]


# --- Markdown footnotes ---------------------------------------------------------------------

ESSAY = "\n".join([
    "# The Broad Street Pump",
    "",
    "In 1854 John Snow traced a cholera outbreak in Soho to a single water pump.[^1] He had the handle "
    "removed, and the cases fell away.[^1]",
    "",
    "Thirty years later Robert Koch identified the bacterium itself.[^koch] Koch's colleagues were slow "
    "to agree.[^3]",
    "",
    "## Notes",
    "",
    "[^1]: Snow, J. (1855). *On the mode of communication of cholera* (2nd ed.). John Churchill.",
    "",
    "[^koch]: Koch, R. (1884). Über den augenblicklichen Stand der bakteriologischen Choleradiagnose. "
    "*Deutsche Medizinische Wochenschrift, 10*(45), 725–728.",
    "",
    "[^3]: Pettenkofer, M. (1884). *Zum gegenwärtigen Stand der Cholerafrage*. Oldenbourg.",
    "",
])


def test_a_footnote_reference_ends_its_sentence(tmp_path):
    doc, units, _, _ = _analysed(tmp_path, ESSAY)
    sentences = [doc.text[u.start:u.end] for u in units]
    assert "In 1854 John Snow traced a cholera outbreak in Soho to a single water pump.[^1]" in sentences
    assert "He had the handle removed, and the cases fell away.[^1]" in sentences


def test_footnote_definitions_that_are_reference_entries_are_no_claims(tmp_path):
    doc, _, claims, _ = _analysed(tmp_path, ESSAY)
    texts = [doc.text[c.start:c.end] for c in claims]
    assert not any("John Churchill" in t or "Wochenschrift" in t or "(45)" in t for t in texts)
    notes = [b for b in doc.blocks if doc.text[b.start:b.end].startswith("[^")]
    assert len(notes) == 3 and all(b.kind == REFERENCES for b in notes)


def test_footnote_markers_link_the_work_their_definition_describes(tmp_path):
    links = _links(tmp_path, ESSAY)
    assert links["In 1854 John Snow traced a cholera outbre"] == ["snow1855mode"]
    assert links["He had the handle removed, and the cases"] == ["snow1855mode"]
    assert links["Thirty years later Robert Koch identified"] == ["koch1884cholera"]


def test_a_footnote_describing_no_reference_is_unresolved_with_the_reason(tmp_path):
    _, _, _, evidence = _analysed(tmp_path, ESSAY)
    unresolved = [e for e in evidence if e.marker == "[^3]"]
    assert len(unresolved) == 1 and unresolved[0].resolved is False and unresolved[0].sources == []
    assert "describes no reference" in unresolved[0].reason


def test_a_footnote_without_a_definition_says_so(tmp_path):
    _, _, _, evidence = _analysed(tmp_path, "# Pump\n\nThe pump handle was removed in September.[^9]\n")
    assert [(e.resolved, e.reason) for e in evidence] == [(False, "no footnote [^9] is defined")]


def test_a_prose_footnote_stays_text(tmp_path):
    doc, _, _, _ = _analysed(tmp_path, "# Pump\n\nThe pump stood on Broad Street.[^a]\n\n"
                                       "[^a]: I walked past the replica pump last spring.\n")
    note = [b for b in doc.blocks if doc.text[b.start:b.end].startswith("[^a]")]
    assert note and note[0].kind != REFERENCES


# --- nicknames of works cited before ---------------------------------------------------------

NICK_BIB = r"""
@article{olsen2019recess, author = {Olsen, Kari and Berg, Lina}, year = {2019},
  title = {Longer recess and classroom attention: a cluster-randomised trial}, journal = {Child Development}}
@article{mensah2021recess, author = {Mensah, Kofi}, year = {2021},
  title = {Recess and attention: a meta-analysis of school trials}, journal = {Educational Research Review}}
@article{mensah2023outdoor, author = {Mensah, Kofi and Appiah, Ama}, year = {2023},
  title = {Outdoor play and reading scores: a multi-site replication}, journal = {Child Development}}
"""

RECESS = "\n".join([
    "Recess and attention",
    "By Lena Fischer, 3 March 2025",
    "",
    "Schools in Bergen gave one class a longer morning recess and another class none, and teachers rated "
    "the first class as more attentive (Olsen & Berg, 2019). A pooled analysis of twelve school trials "
    "found a smaller effect (Mensah, 2021). A larger replication in Ghana and Norway found no effect on "
    "reading scores (Mensah & Appiah, 2023).",
    "",
    "The Bergen trial was small. The Mensah meta-analysis pooled trials of very different lengths. "
    "The recess trial is still the one teachers quote.",
    "",
    "Comments",
    "",
    "1. Tom Reyes March 4, 2025 at 9:12 am - Reply",
    "The Bergen study matches what I saw in my own classroom.",
    "",
])


def _nick_links(tmp_path: Path) -> dict[str, list[str]]:
    path = tmp_path / "recess.txt"
    path.write_text(RECESS, encoding="utf-8")
    from ingest.citations import CitedWords

    docs = read_documents(path)
    index = build_index(parse_bibtex(NICK_BIB, "n.bib"), docs)
    cited_words = CitedWords()
    links: dict[str, list[str]] = {}
    for doc in docs:
        units = document_units(doc)
        claims = extract_claims(doc, units)
        evidence = find_evidence(doc, units, claims, index, cited_words)
        for number, claim in enumerate(claims):
            links[doc.text[claim.start:claim.end]] = sorted(
                {k for e in evidence if number in e.supports for k in e.sources})
    return links


def test_a_nickname_from_the_words_around_a_citation_names_that_work(tmp_path):
    links = _nick_links(tmp_path)
    assert links["The Bergen trial was small."] == ["olsen2019recess"]


def test_a_nickname_by_the_first_author_picks_the_work_its_noun_fits(tmp_path):
    links = _nick_links(tmp_path)
    assert links["The Mensah meta-analysis pooled trials of very different lengths."] == ["mensah2021recess"]


def test_a_nickname_of_only_common_words_names_nothing(tmp_path):
    links = _nick_links(tmp_path)
    assert links["The recess trial is still the one teachers quote."] == []


def test_a_comment_uses_the_nickname_of_a_work_its_article_cited(tmp_path):
    links = _nick_links(tmp_path)
    assert links["The Bergen study matches what I saw in my own classroom."] == ["olsen2019recess"]


# --- a Markdown thematic break closes the reference list; a particle run into a name ----------


def test_a_thematic_break_ends_the_reference_list(tmp_path):
    path = tmp_path / "forum.md"
    path.write_text("Ask the pharmacist\n\nIbuprofen works for period pain (Marjoribanks, 2015).\n\n"
                    "Sources:\n- Marjoribanks, J. (2015). Nonsteroidal anti-inflammatory drugs for "
                    "dysmenorrhoea. *Cochrane Database of Systematic Reviews*.\n\n---\n\n"
                    "**sam_r** · 2 days ago\n\nThe Marjoribanks review changed what I take.\n",
                    encoding="utf-8")
    doc = read_documents(path)[0]
    kinds = {doc.text[b.start:b.end][:30]: b.kind for b in doc.blocks}
    assert kinds["Marjoribanks, J. (2015). Nonst"] == REFERENCES
    assert kinds["The Marjoribanks review change"] != REFERENCES


def test_a_particle_run_into_a_family_name_is_part_of_it(tmp_path):
    bib = "@article{dewaal2008putting, author = {deWaal, Frans B. M.}, year = {2008}, title = {Putting the " \
          "altruism back into altruism}, journal = {Annual Review of Psychology}}"
    path = tmp_path / "a.md"
    path.write_text("# Empathy\n\nConsolation is seen in apes too (deWaal, 2008).\n", encoding="utf-8")
    docs = read_documents(path)
    doc = docs[0]
    units = document_units(doc)
    index = build_index(parse_bibtex(bib, "b"), docs)
    evidence = find_evidence(doc, units, extract_claims(doc, units), index)
    assert [(e.marker, e.sources) for e in evidence] == [("(deWaal, 2008)", ["dewaal2008putting"])]


# --- an author's stated view; a club's next book; a study name beside its own citation -------

CLUB_BIB = r"""
@book{walker2017why, author = {Walker, Matthew}, year = {2017}, title = {Why We Sleep},
  publisher = {Scribner}}
@book{hari2022stolen, author = {Hari, Johann}, year = {2022}, title = {Stolen Focus}, publisher = {Crown}}
@article{milgram1963behavioral, author = {Milgram, Stanley}, year = {1963},
  title = {Behavioral study of obedience}, journal = {Journal of Abnormal and Social Psychology}}
@book{perry2012behind, author = {Perry, Gina}, year = {2012},
  title = {Behind the Shock Machine: the untold story of the notorious Milgram psychology experiments},
  publisher = {Scribe}}
"""


def _club_links(tmp_path: Path, body: str) -> _Links:
    path = tmp_path / "club.md"
    path.write_text("# Book club, May\n\n" + body + "\n", encoding="utf-8")
    docs = read_documents(path)
    index = build_index(parse_bibtex(CLUB_BIB, "c.bib"), docs)
    doc = docs[0]
    units = document_units(doc)
    claims = extract_claims(doc, units)
    evidence = find_evidence(doc, units, claims, index)
    links = _Links()
    for number, claim in enumerate(claims):
        dict.__setitem__(links, doc.text[claim.start:claim.end],
                         sorted({k for e in evidence if number in e.supports for k in e.sources}))
    return links


def test_the_authors_thesis_or_claim_is_their_works(tmp_path):
    links = _club_links(tmp_path, "We read *Why We Sleep* (Walker, 2017) this month.\n\n"
                                  "Walker's thesis is that adults need eight hours a night. "
                                  "Walker's claim that sleep loss shortens life drew the most questions.")
    assert links["Walker's thesis is that"] == ["walker2017why"]
    assert links["Walker's claim that sleep loss"] == ["walker2017why"]


def test_a_clubs_next_book_is_a_reading_line_not_a_claim(tmp_path):
    links = _club_links(tmp_path, "We gave it 6 out of 10.\n\n"
                                  "Next month: *Stolen Focus* by Hari (2022). Copies are at the desk.")
    assert not any(text.startswith("Next month") for text in links)
    assert all(keys == [] for keys in links.values())


def test_a_study_name_beside_its_own_citation_is_that_work(tmp_path):
    links = _club_links(tmp_path, "In the Milgram Shock Experiment, two in three volunteers gave "
                                  "the strongest shock (Milgram, 1963).")
    assert links["In the Milgram Shock Experiment"] == ["milgram1963behavioral"]


# --- a group's abbreviation in a narrative citation ----------------------------------------------


def test_a_group_abbreviation_between_name_and_year_is_passed_over(tmp_path):
    bib = ("@techreport{who2019guidelines, author = {{World Health Organization}}, year = {2019}, "
           "title = {Guidelines on physical activity and sedentary behaviour}}")
    path = tmp_path / "a.md"
    path.write_text("# Moving more\n\nThe World Health Organization [WHO] (2019) advises an hour of play a "
                    "day for children.\n", encoding="utf-8")
    docs = read_documents(path)
    units = document_units(docs[0])
    evidence = find_evidence(docs[0], units, extract_claims(docs[0], units),
                             build_index(parse_bibtex(bib, "b"), docs))
    assert [e.sources for e in evidence] == [["who2019guidelines"]]


# --- carried accounts: which sentences still report the work ----------------------------------

ACCOUNT_BIB = r"""
@article{latham1990helping, author = {Latham, Ruth and Osei, Kwame}, year = {1990},
  title = {Helping in a crowd}, journal = {Journal of Social Psychology}}
@article{field2012axis, author = {Field, Anna and Ross, Ben}, year = {2012},
  title = {The skin-brain axis}, journal = {Nature Reviews}}
@techreport{panel2020fluoride, author = {{Dental Safety Panel}}, year = {2020},
  title = {Fluoride and bone health: a review}}
"""


def _account_links(tmp_path: Path, text: str) -> _Links:
    path = tmp_path / "piece.txt"
    path.write_text(text, encoding="utf-8")
    docs = read_documents(path)
    index = build_index(parse_bibtex(ACCOUNT_BIB, "a.bib"), docs)
    doc = docs[0]
    units = document_units(doc)
    claims = extract_claims(doc, units)
    evidence = find_evidence(doc, units, claims, index)
    links = _Links()
    for number, claim in enumerate(claims):
        dict.__setitem__(links, doc.text[claim.start:claim.end],
                         sorted({k for e in evidence if number in e.supports for k in e.sources}))
    return links


def test_a_they_found_aside_keeps_the_account_past_other_verbs(tmp_path):
    links = _account_links(tmp_path, "Crowds and help\n\nLatham and Osei (1990) staged a collapse on a "
                                     "busy platform. Two bystanders had called an ambulance, they found, "
                                     "before anyone knelt down.\n")
    assert links["Two bystanders had called an ambulance"] == ["latham1990helping"]


def test_what_the_participants_believed_is_the_works_data(tmp_path):
    links = _account_links(tmp_path, "Crowds and help\n\nLatham and Osei (1990) staged a collapse on a "
                                     "busy platform. When participants believed they were alone, most of "
                                     "them helped within a minute.\n")
    assert links["When participants believed they were alone"] == ["latham1990helping"]


def test_what_a_review_could_not_say_is_still_the_review(tmp_path):
    links = _account_links(tmp_path, "Fluoride\n\nA panel review concluded that fluoride at high doses "
                                     "weakens bone (Dental Safety Panel, 2020). It could not say whether "
                                     "the level used in tap water has any effect.\n")
    assert links["It could not say whether"] == ["panel2020fluoride"]


def test_the_writers_own_text_and_a_span_of_years_leave_the_account(tmp_path):
    links = _account_links(tmp_path, "LITERATURE SUMMARY: SKIN AND MOOD\n\nIntroduction\n\nThe skin-brain "
                                     "axis links skin microbes to mood (Field & Ross, 2012). Interest in it "
                                     "has grown over the last ten years. This summary covers mouse and "
                                     "human studies.\n\nConclusion\n\nMore trials are needed.\n")
    assert links["Interest in it has grown"] == []
    assert links["This summary covers"] == []


def test_an_essay_with_introduction_and_conclusion_is_no_research_paper(tmp_path):
    links = _account_links(tmp_path, "LITERATURE SUMMARY: SKIN AND MOOD\n\nIntroduction\n\nNothing is "
                                     "settled yet.\n\nEvidence\n\nField and Ross (2012) shaved mice and "
                                     "changed their skin flora. The mice then groomed less.\n\nConclusion"
                                     "\n\nMore trials are needed.\n")
    assert links["The mice then groomed less."] == ["field2012axis"]


def test_they_after_a_conjunction_are_the_participants_still(tmp_path):
    links = _account_links(tmp_path, "Crowds and help\n\nLatham and Osei (1990) staged a collapse on a "
                                     "busy platform. When participants believed they were alone, most "
                                     "helped; when they believed others had seen it, few did.\n")
    assert links["When participants believed they were alone"] == ["latham1990helping"]


def test_other_researchers_on_that_study_are_not_supported_by_it(tmp_path):
    links = _account_links(tmp_path, "Fluoride\n\nA panel review concluded that fluoride at high doses "
                                     "weakens bone (Dental Safety Panel, 2020).\n\nOther researchers have "
                                     "criticised that review's methods.\n")
    assert links["Other researchers have criticised"] == []
