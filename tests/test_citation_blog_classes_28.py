"""Blog-text classes of eval-blind-15 (made development data after its first run), each on texts of its own:

1. an a/b suffix follows the page's own list under a blog heading ("Further reading") that prints
   "Hale, R. (2011a). Carbohydrate …", not APA's title order of the .bib's plain-year entries
   (which skips "A"/"The");
2. a leaflet's reference list numbered "(1) Moss H. …" numbers its references, so its "(2)" cites;
3. a group author's dated line in a list of reference entries whose heading the HTML reader lost
   ("Care Home Standards Office (2019) Clinic staffing: …") is one more entry, no claim linked to its work;
4. a printed entry under a group author's initials ("PSBW. (2019). Foot care audit …") is the .bib's
   entry of "Podiatry Standards Board Wales", not a second work of the page's own.
"""

from __future__ import annotations

from pathlib import Path

import link_helpers

BIB = """
@book{hale2011time, author = {Hale, Rosa}, year = {2011},
  title = {A time to run: carbohydrate and the long race}, publisher = {Icon}}
@article{hale2011spin, author = {Hale, Rosa}, year = {2011},
  title = {In a spin: glucose during cycling}, journal = {J Sports Sci}}
@article{moss2012clinic, author = {Moss, Hannah and Turner, Paul}, year = {2012},
  title = {A nurse-led foot clinic for people with diabetes}, journal = {Diabetic Medicine}}
@techreport{chso2019staffing, author = {{Care Home Standards Office}}, year = {2019},
  title = {Clinic staffing: first report}, institution = {CHSO}}
@techreport{psbw2019audit, author = {{Podiatry Standards Board Wales}}, year = {2019},
  title = {Foot care audit: the first national report}, institution = {PSBW}}
@article{pike2006bed, author = {Pike, Edwin and Lowe, Anna}, year = {2006},
  title = {Mattress type and skin damage in care homes}, journal = {J Adv Nurs}}
"""


def _links(tmp_path: Path, text: str, name: str = "post.txt") -> dict[str, list[str]]:
    return link_helpers.links_in(tmp_path, BIB, text, name)


def _keys(links: dict[str, list[str]], start: str) -> list[str]:
    return next(keys for claim, keys in links.items() if claim.startswith(start))


def test_suffix_follows_the_printed_further_reading_list(tmp_path: Path) -> None:
    text = ("# Club blog\n\n"
            "Runners who ate more carbohydrate finished the long race faster (Hale, 2011a).\n\n"
            "Glucose drinks kept cyclists going for longer in the heat (Hale, 2011b).\n\n"
            "### Further reading\n\n"
            "- Hale, R. (2011a). *A time to run: Carbohydrate and the long race*. Icon.\n"
            "- Hale, R. (2011b). In a spin: Glucose during cycling. *J Sports Sci*.\n")
    links = _links(tmp_path, text, "post.md")
    assert _keys(links, "Runners who ate more") == ["hale2011time"]
    assert _keys(links, "Glucose drinks kept") == ["hale2011spin"]


def test_leaflet_list_numbered_in_parentheses(tmp_path: Path) -> None:
    text = ("ABOUT YOUR FEET — Information leaflet 3\n\n"
            "A nurse-led foot clinic cut the number of foot ulcers by a third (1). "
            "Softer mattresses halved skin damage in care homes (2).\n\n"
            "References\n"
            "(1) Moss H, Turner P. A nurse-led foot clinic for people with diabetes. "
            "Diabet Med. 2012;29:10-5.\n"
            "(2) Pike E, Lowe A. Mattress type and skin damage in care homes. J Adv Nurs. 2006;55:1-8.\n")
    links = _links(tmp_path, text)
    assert _keys(links, "A nurse-led foot clinic") == ["moss2012clinic"]
    assert _keys(links, "Softer mattresses") == ["pike2006bed"]


def test_group_author_line_among_reference_entries_is_no_claim(tmp_path: Path) -> None:
    text = ("<html><body><article><h1>Foot care in the county</h1>"
            "<p>The Care Home Standards Office audit found that a third of clinics had no podiatrist[1].</p>"
            "<p>Softer mattresses halved skin damage in care homes[2].</p>"
            "<h2>Notes</h2><ol>"
            "<li>Care Home Standards Office (2019) Clinic staffing: first report. London: CHSO.</li>"
            "<li>Pike, E. and Lowe, A. (2006) 'Mattress type and skin damage in care homes', "
            "<em>J Adv Nurs</em>, 55(1), pp. 1-8.</li>"
            "<li>Moss, H. and Turner, P. (2012) 'A nurse-led foot clinic for people with diabetes', "
            "<em>Diabetic Medicine</em>, 29, pp. 10-15.</li>"
            "</ol></article></body></html>")
    links = _links(tmp_path, text, "page.html")
    assert not [claim for claim in links if claim.startswith("Care Home Standards Office (2019)")]


def test_printed_group_initials_are_the_bib_group_author(tmp_path: Path) -> None:
    text = ("# Foot notes\n\n"
            "The Podiatry Standards Board Wales (PSBW) report concluded that a third of clinics had no "
            "podiatrist (PSBW, 2019).\n\n"
            "## References\n\n"
            "- PSBW. (2019). *Foot care audit: The first national report* "
            "(Technical Report Series No. 4, revised edition). "
            "Podiatry Standards Board Wales.\n"
            "- Pike, E., & Lowe, A. (2006). Mattress type and skin damage in care homes. *J Adv Nurs*.\n")
    links = _links(tmp_path, text, "post.md")
    assert _keys(links, "The Podiatry Standards Board") == ["psbw2019audit"]
    from ingest.pipeline import _BibCache, article_references
    from ingest.readers import read_documents

    references = article_references(read_documents(tmp_path / "post.md"), [tmp_path / "references.bib"],
                                    _BibCache(), [])
    assert [r.key for r in references if r.year == "2019" and "PSBW" in r.key.upper()] == ["psbw2019audit"]
