"""Numeric citation forms of fresh10 (23rd stop), each on a text of its own:

1. numbers in brackets separated by semicolons, "[7;8;9]" (Ukrainian and Russian journals);
2. a reference named by its number in the sentence, "(e.g., Ref. 6)", "Reference 4 compares",
   "Refs. 2 and 5", "refs. 7–9" (AIP, APS) — and not "the reference 3 dB point";
3. statistics in brackets ("U [15; 15] = 50") stay no citation.
"""

from __future__ import annotations

from pathlib import Path

from ingest.evaluate import predicted_links

REFERENCES = "\n## References\n\n" + "\n".join(
    f"{n}. Author{n} A. Title number {n}. J Test. {2000 + n};1:1-9." for n in range(1, 16)) + "\n"


def _links(tmp_path: Path, body: str) -> dict[str, list[str]]:
    path = tmp_path / "paper.md"
    path.write_text("# A paper\n\n" + body + REFERENCES, encoding="utf-8")
    links, _ = predicted_links(path)
    return {text.split()[0]: sorted(keys) for text, keys in links.items()}


def test_semicolons_between_bracketed_numbers(tmp_path: Path) -> None:
    links = _links(tmp_path, "Хоча дослідники присвятили чимало уваги цьому розладу [7;8;9], згоди немає.\n\n"
                             "The anxiety group scored higher (U [15; 15] = 50; p < 0.05) than controls.\n")
    assert links == {"Хоча": ["ref-7", "ref-8", "ref-9"], "The": []}


def test_a_reference_named_by_its_number(tmp_path: Path) -> None:
    links = _links(tmp_path, "Searches have been performed for Scorpius X-1 (e.g., Ref. 6).\n\n"
                             "Reference 4 compares 13 speech enhancement methods on noisy audio.\n\n"
                             "Tabletop demonstrations exist (Refs. 2 and 5), others (refs. 7–9) followed.\n\n"
                             "Our reference 3 dB point was measured at 40 Hz with Reference 15 mm spacing.\n")
    assert links == {"Searches": ["ref-6"], "Reference": ["ref-4"],
                     "Tabletop": ["ref-2", "ref-5", "ref-7", "ref-8", "ref-9"], "Our": []}


FOOTNOTED_POST = """# The anabolic window

When researchers pooled the timing studies, the benefit disappeared once total protein was counted.¹

A meta-analysis of 49 trials found benefits levelling off at around 1.6 g per kg per day.²

Twenty grams of egg protein after a leg workout stimulated synthesis almost as much as forty.³

---

**Footnotes / sources**

¹ Schoenfeld BJ, Aragon AA, Krieger JW. The effect of protein timing. J Int Soc Sports Nutr. 2013;10:53.
² Morton RW, Murphy KT, McKellar SR. A systematic review of protein. Br J Sports Med. 2018;52(6):376-384.
³ Moore DR, Robinson MJ, Fry JL. Ingested protein dose response. Am J Clin Nutr. 2009;89(1):161-168.
"""
FOOTNOTED_BIB = """
@article{moore2009, author = {Moore, D. R. and Robinson, M. J. and Fry, J. L.}, year = {2009},
  title = {Ingested protein dose response}, journal = {Am J Clin Nutr}}
@article{morton2018, author = {Morton, R. W. and Murphy, K. T. and McKellar, S. R.}, year = {2018},
  title = {A systematic review of protein}, journal = {Br J Sports Med}}
@article{schoenfeld2013, author = {Schoenfeld, B. J. and Aragon, A. A. and Krieger, J. W.}, year = {2013},
  title = {The effect of protein timing}, journal = {J Int Soc Sports Nutr}}
"""


def test_a_footnote_list_numbered_in_superscripts_gives_each_marker_its_work(tmp_path: Path) -> None:
    """The list's "¹ Schoenfeld BJ …" lines number the works (the .bib is in another order), and the
    lines are the list, not claims (eval-blind-12's influencer post)."""
    path = tmp_path / "post.md"
    path.write_text(FOOTNOTED_POST, encoding="utf-8")
    (tmp_path / "references.bib").write_text(FOOTNOTED_BIB, encoding="utf-8")
    links, _ = predicted_links(path)
    assert {text.split()[0]: sorted(keys) for text, keys in links.items()} == {
        "When": ["schoenfeld2013"], "A": ["morton2018"], "Twenty": ["moore2009"]}
