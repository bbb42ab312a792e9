"""Numeric citation forms on realistic sentences against a printed numbered reference list (and a
.bib): ranges cite every number between their ends, superscripts written as text are markers
(error class 5 of issue #10); statistics and maths in brackets are no citations (class 6)."""

from __future__ import annotations

import pytest

from graph.schema import Label
from ingest.pipeline import ingest_text
from tests.test_citations import claim_links

# A Vancouver list of 15 entries, as a health article prints it.
REFERENCES = "\n".join(
    f"{n}. {family} {initials}, {co} B. {title}. {journal}. {2000 + n};{n}:{10 * n}-{10 * n + 9}."
    for n, (family, initials, co, title, journal) in enumerate([
        ("Irwin", "MR", "Cole", "Why sleep is important for health", "Annu Rev Psychol"),
        ("Cappuccio", "FP", "Miller", "Sleep duration and all-cause mortality", "Sleep"),
        ("Hirshkowitz", "M", "Whiton", "Sleep time duration recommendations", "Sleep Health"),
        ("Okafor", "L", "Brandt", "Sleep duration and weekly mood in students", "J Stud Health"),
        ("Reid", "KJ", "Abbott", "Jet lag and shift work disorder", "Sleep Med Clin"),
        ("Walker", "MP", "Stickgold", "Sleep, memory and plasticity", "Annu Rev Psychol"),
        ("Besedovsky", "L", "Lange", "Sleep and immune function", "Pflugers Arch"),
        ("Spiegel", "K", "Leproult", "Impact of sleep debt on metabolic function", "Lancet"),
        ("Knutson", "KL", "Van Cauter", "Associations between sleep loss and obesity", "Ann NY Acad Sci"),
        ("Xie", "L", "Kang", "Sleep drives metabolite clearance", "Science"),
        ("Dinges", "DF", "Pack", "Cumulative sleepiness and mood", "Sleep"),
        ("Van Dongen", "HP", "Maislin", "The cumulative cost of additional wakefulness", "Sleep"),
        ("Czeisler", "CA", "Duffy", "Stability of the human circadian pacemaker", "Science"),
        ("Roenneberg", "T", "Kuehnle", "A marker for the end of adolescence", "Curr Biol"),
        ("Wittmann", "M", "Dinich", "Social jetlag and misalignment", "Chronobiol Int"),
    ], start=1))
PRINTED = {n: f"ref-{n}" for n in range(1, 16)}


def _links(body: str, name: str = "leaflet.txt", bib: str | None = None) -> dict[str, set[str]]:
    """Claim text -> keys of the sources its evidence cites, for `body` above the printed list."""
    text = f"Sleep and health\n\n{body}\n\nReferences\n\n{REFERENCES}\n"
    return claim_links(ingest_text(text, name, bib).batch)


def _markers(body: str, name: str = "leaflet.txt") -> list[str]:
    """The markers of every citation found in `body` (resolved or not)."""
    text = f"Sleep and health\n\n{body}\n\nReferences\n\n{REFERENCES}\n"
    batch = ingest_text(text, name).batch
    return [n.props["marker"] for n in batch.nodes_by_label(Label.EVIDENCE) if n.props["kind"] == "citation"]


def _keys(*numbers: int) -> set[str]:
    return {PRINTED[n] for n in numbers}


# --- class 5: ranges and superscripts ----------------------------------------------------------

@pytest.mark.parametrize("sentence, numbers", [
    # PLOS prints a range as two bracketed numbers joined by a dash: 5 and 6 are cited too
    ("Short sleep impairs glucose tolerance within a week [4]–[7].", (4, 5, 6, 7)),
    ("Short sleep impairs glucose tolerance within a week [4]-[7].", (4, 5, 6, 7)),
    ("Sleep loss raises appetite [2], [8]–[10].", (2, 8, 9, 10)),
    ("Sleep loss raises appetite [8]–[10], [13].", (8, 9, 10, 13)),
    ("Most adults need seven hours or more [1-9].", tuple(range(1, 10))),
    ("Most adults need seven hours or more [1–3, 5].", (1, 2, 3, 5)),
    ("Most adults need seven hours or more [1, 3–5].", (1, 3, 4, 5)),
])
def test_bracketed_ranges_cite_every_number_between_their_ends(sentence, numbers):
    assert _links(sentence)[sentence] == _keys(*numbers)


def test_a_parenthesised_range_cites_every_number_between_its_ends():
    sentence = "Teenagers fall asleep later than adults (12–15)."
    assert _links(sentence)[sentence] == _keys(12, 13, 14, 15)


@pytest.mark.parametrize("name, first, second, numbers", [
    # Pandoc's superscript, as Markdown exports of Word and Google Docs write it
    ("notes.md", "Adults who sleep less than six hours die earlier.^1,2^",
     "Young adults are the most vulnerable.^4^", ((1, 2), (4,))),
    ("notes.md", "Adults who sleep less than six hours die earlier.^1-3^",
     "Young adults are the most vulnerable.^4^", ((1, 2, 3), (4,))),
    # raw HTML superscripts left in a Markdown or plain-text file
    ("notes.md", "Adults who sleep less than six hours die earlier.<sup>1,2</sup>",
     "Young adults are the most vulnerable.<sup>4</sup>", ((1, 2), (4,))),
    ("leaflet.txt", "Adults who sleep less than six hours die earlier<sup>2</sup>.",
     "Young adults are the most vulnerable<sup>4–6</sup>.", ((2,), (4, 5, 6))),
    # Unicode superscript digits, as a PDF copy-paste or a word processor leaves them
    ("leaflet.txt", "Adults who sleep less than six hours die earlier.¹˒²",
     "Young adults are the most vulnerable.⁴", ((1, 2), (4,))),
    ("leaflet.txt", "Adults who sleep less than six hours die earlier¹⁻³.",
     "Young adults are the most vulnerable¹⁴.", ((1, 2, 3), (14,))),
])
def test_superscript_markers_in_text_cite_and_end_their_sentence(name, first, second, numbers):
    links = _links(f"{first} {second}", name)
    assert links[first] == _keys(*numbers[0])
    assert links[second] == _keys(*numbers[1])


@pytest.mark.parametrize("sentence", [
    "A room of 20 m² is enough for two beds.",
    "The light level was 10⁶ photons per second.",
    "The model was y = x² + 3 for all ages.",
    "Melatonin peaks at 3 a.m.^[a]^ in most adults.",
])
def test_exponents_are_no_superscript_markers(sentence):
    assert _markers(sentence) == _markers(sentence, "notes.md") == []


def test_ranges_resolve_through_the_bib_too():
    bib = """
@article{irwin2001why, author = {Irwin, M. R. and Cole, B.}, year = {2001},
  title = {Why sleep is important for health}, journal = {Annu Rev Psychol}}
@article{cappuccio2002sleep, author = {Cappuccio, F. P. and Miller, B.}, year = {2002},
  title = {Sleep duration and all-cause mortality}, journal = {Sleep}}
@article{hirshkowitz2003sleep, author = {Hirshkowitz, M. and Whiton, B.}, year = {2003},
  title = {Sleep time duration recommendations}, journal = {Sleep Health}}
"""
    sentence = "Both too little and too much sleep harm health [1]–[3]."
    assert _links(sentence, bib=bib)[sentence] == {"irwin2001why", "cappuccio2002sleep",
                                                   "hirshkowitz2003sleep"}


@pytest.mark.parametrize("line", [
    "Young adults appear to be especially vulnerable to short sleep.[4]",
    "Young adults appear to be especially vulnerable to short sleep.⁴",
    "Young adults appear to be especially vulnerable to short sleep.^4^",
])
def test_a_one_line_paragraph_ending_in_a_marker_is_a_claim_not_a_heading(line):
    assert _links(line)[line] == _keys(4)


def test_an_unresolved_superscript_is_reported():
    text = f"Sleep and health\n\nShift work disturbs sleep.^27^ Naps help.\n\nReferences\n\n{REFERENCES}\n"
    result = ingest_text(text, "leaflet.md")
    assert [u["citation"] for u in result.unresolved] == ["^27^"]


# --- class 6: statistics and maths in brackets are no citations ----------------------------------

@pytest.mark.parametrize("sentence", [
    # degrees of freedom of a test statistic (PMC 1471-2180-11-174 prints them in brackets)
    "The coefficient of variation did not differ between strains (F[1,12] = 1.50, p = 0.2445).",
    "Lysis time rose with growth rate, F[1,3] = 81.04, p = 0.0029.",
    "Lysis time rose with growth rate (a quadratic fit, F[2,4]=12.87, p = 0.0181).",
    "Lysis time rose with growth rate, F(1, 12) = 8.42, p = 0.01.",
    "Mood differed between groups, χ²(2) = 4.1, p = 0.13.",
    "Mood differed between groups, t(14) = 2.3, p = 0.04.",
    "Mood differed between groups, H[2] < 3.1, p > 0.2.",
    # sample sizes, intervals, ranges
    "Ten of the shift workers improved (n = 12).",
    "Short sleepers had higher odds of obesity [95% CI 1.2–3.4].",
    "Short sleepers had higher odds of obesity (OR 1.6, 95% CI [1, 3]).",
    "The score is scaled to the interval [0, 1] before the analysis.",
    "The score takes values in the range [1, 10] for every participant.",
    # equation numbers and figure panels
    "The clearance rate follows from Eq. (3) and the measured volume.",
    "The clearance rate follows from equation (3).",
    "Substituting Equations (2)–(4) gives the clearance rate.",
    "Substituting Table (2) gives the clearance rate.",
    "Clearance rose during sleep (Figure 2B).",
    "Clearance rose during sleep (Fig. 3) and fell on waking (Table 2).",
    "Clearance rose during sleep, as Figure (3) shows.",
])
def test_statistics_and_maths_in_brackets_cite_nothing(sentence):
    assert _markers(sentence) == []


def test_a_display_equation_number_cites_nothing():
    links = _links("Clearance is proportional to the volume of the interstitial space.\n\n"
                   "C = k V (3)\n\nThe constant k was fitted for each mouse (12).")
    assert links["The constant k was fitted for each mouse (12)."] == _keys(12)
    assert not any(keys for text, keys in links.items() if text.startswith("C = k V"))
    assert _markers("C = k V (3)\n\nThe constant k was fitted for each mouse (12).") == ["(12)"]


@pytest.mark.parametrize("sentence, numbers", [
    # a citation next to statistics still links, and only its own numbers
    ("Mortality fell with longer sleep, p < 0.05 [3].", (3,)),
    ("The effect was large (F[2, 14] = 5.1) in all arms [3].", (3,)),
    ("Ten of the shift workers improved (n = 12) [5].", (5,)),
    ("Short sleepers had higher odds of obesity [95% CI 1.2–3.4] [9].", (9,)),
    ("Clearance rose during sleep (Figure 2B) [10].", (10,)),
    ("Clearance rose during sleep [10] (Figure 2B).", (10,)),
    ("Clearance rose during sleep as in mice [10], equation (3) aside.", (10,)),
    # a word that names an equation, a figure or a range, followed by its source
    ("Clearance was fitted with the Hill equation [13].", (13,)),
    ("All values were within the normal range [12].", (12,)),
    ("Sleep duration differed across age ranges (12).", (12,)),
    ("Obesity was defined as a BMI of 30 or more, BMI ≥ 30 (12).", (12,)),
])
def test_a_citation_next_to_statistics_still_links(sentence, numbers):
    assert _links(sentence)[sentence] == _keys(*numbers)


def test_statistics_in_brackets_do_not_make_a_document_bracket_numbered():
    """'(12)' after a clause is a citation in a document whose only brackets are statistics."""
    first = "Lysis time rose with growth rate, F[1,3] = 81.04, p = 0.0029."
    second = "Faster growth shortens the latent period (12)."
    links = _links(f"{first} {second}")
    assert links[first] == set()
    assert links[second] == _keys(12)
