"""Author–year error classes of the text route left at the 20th stop (docs/extraction.md, "The 20th
stop"), each on sentences as the astronomy journals print them (fresh7: AJ, MNRAS; fresh5: Glossa)
and a small .bib:

- initials before the family name, the AAS style ("A. J. Bechter et al. 2020", "(V. V. Makarov &
  G. H. Kaplan 2005)"): the family names are read without the initials;
- a year parenthesis with a trailing remark ("Chen et al. (2019, hereafter C19)", "(Eldridge & Stanway
  2016, henceforth EG)");
- family names of two capitalised words ("Maíz Apellániz (2008)", "Maíz Apellániz & Weiler (2018)"),
  read as one family when a reference lists that very family.
"""

from __future__ import annotations

from ingest.citations.detectors.author_year import author_families
from ingest.reflist import references_in_text
from tests.test_text_route_error_classes import _evidence

AAS_BIB = r"""
@article{bechter2020, author = {Bechter, A. J. and Crass, J. and Tesch, J.}, year = {2020},
  title = {On-sky single-mode fiber coupling measurements at the Large Binocular Telescope}, journal = {PASP}}
@article{smith2019, author = {Smith, John and Lee, Kevin}, year = {2019},
  title = {A survey of warm Jupiters}, journal = {AJ}}
@article{krumholz2014, author = {Krumholz, M. R.}, year = {2014},
  title = {The big problems in star formation: the star formation rate}, journal = {PhR}}
@article{makarov2005, author = {Makarov, V. V. and Kaplan, G. H.}, year = {2005},
  title = {Statistical constraints for astrometric binaries with nonlinear motion}, journal = {AJ}}
@article{dommanget2002, author = {Dommanget, J. and Nys, O.}, year = {2002},
  title = {Catalogue of the Components of Double and Multiple Stars}, journal = {yCat}}
@article{eggleton2008, author = {Eggleton, P. P. and Tokovinin, A. A.}, year = {2008},
  title = {A catalogue of multiplicity among bright stellar systems}, journal = {MNRAS}}
@article{gelman1992, author = {Gelman, A. and Rubin, D. B.}, year = {1992},
  title = {Inference from iterative simulation using multiple sequences}, journal = {StaSc}}
@article{kaplan2005, author = {Kaplan, G. H.}, year = {2005},
  title = {The IAU resolutions on astronomical reference systems}, journal = {USNO Circular}}
"""


def _aas(body: str) -> list[tuple[str, list[str]]]:
    return _evidence(f"# Resolving the Young 2 Cygni Runaway Star into a Binary\n\n{body}\n", AAS_BIB)


def test_initials_before_the_family_name_are_not_part_of_it():
    assert author_families("V. V. Makarov & G. H. Kaplan") == ["Makarov", "Kaplan"]
    assert author_families("S. S. R. Offner, J.-P. Zahn and M. Moe") == ["Offner", "Zahn", "Moe"]
    assert author_families("Makarov & Kaplan") == ["Makarov", "Kaplan"]


def test_aas_citations_with_initials_resolve():
    assert _aas("The light is coupled into two fibers, as shown by A. J. Bechter et al. (2020) at the "
                "LBT.") == [("Bechter et al. (2020)", ["bechter2020"])]
    assert _aas("Warm Jupiters are common around such stars (A. J. Bechter et al. 2020; J. Smith & K. Lee "
                "2019).") == [("Bechter et al. 2020", ["bechter2020"]),
                              ("Smith & K. Lee 2019", ["smith2019"])]
    assert _aas("Star formation is slow, as M. R. Krumholz 2014 reviewed.") == [
        ("Krumholz 2014", ["krumholz2014"])]
    # AJ ad9b1d's own sentences: two authors, each with initials, and the year in parentheses or not
    assert _aas("2 Cygni has an elevated Gaia renormalized unit weight error (V. V. Makarov & G. H. Kaplan "
                "2005). It has been identified as a binary by J. Dommanget & O. Nys (2002), and P. P. "
                "Eggleton & A. A. Tokovinin (2008) use a number of catalogs to list multiplicity.") == [
        ("(V. V. Makarov & G. H. Kaplan 2005)", ["makarov2005"]),
        ("Dommanget & O. Nys (2002)", ["dommanget2002"]),
        ("Eggleton & A. A. Tokovinin (2008)", ["eggleton2008"])]
    assert _aas("Convergence was assessed by comparing the variance of the chain to the mean value for each "
                "parameter (A. Gelman & D. B. Rubin 1992).") == [
        ("(A. Gelman & D. B. Rubin 1992)", ["gelman1992"])]


def test_initials_elsewhere_are_left_alone():
    # the second author's own entry of that year is not the two-author work: "G. H. Kaplan (2005)"
    assert _aas("The reference frame follows G. H. Kaplan (2005) closely.") == [
        ("Kaplan (2005)", ["kaplan2005"])]
    # a capital and a stop before a name ("vitamin D.") stays out of the marker
    assert _aas("It was shown with vitamin D. Krumholz (2014) found the same rate.") == [
        ("Krumholz (2014)", ["krumholz2014"])]
    # an initial and a family with no entry of that year stays unresolved, read as the family only
    assert _aas("J. Smith (2018) measured the same orbit.") == [("Smith (2018)", [])]
    # an ordinary sentence starting with initials cites nothing by author and year
    assert [m for m, _ in _aas("J. R. Crepp and the team rebuilt the camera in 2019.") if "2019" in m] == []


REMARK_BIB = r"""
@article{chen2019, author = {Chen, B. Q. and Huang, Y. and Hou, L. G.}, year = {2019},
  title = {A catalogue of OB stars from LAMOST spectroscopic survey}, journal = {MNRAS}}
@article{eldridge2016, author = {Eldridge, J. J. and Stanway, E. R.}, year = {2016},
  title = {BPASS predictions for binary black hole mergers}, journal = {MNRAS}}
@article{houk1999, author = {Houk, N. and Swift, C.}, year = {1999},
  title = {Michigan Spectral Survey}, journal = {Michigan Spectral Survey}}
@article{gehrels2004, author = {Gehrels, N. and Chincarini, G. and Giommi, P.}, year = {2004},
  title = {The Swift Gamma-Ray Burst Mission}, journal = {ApJ}}
"""


def _remarks(body: str) -> list[tuple[str, list[str]]]:
    return _evidence(f"# A census of OB stars within 1 kpc\n\n{body}\n", REMARK_BIB)


def test_a_year_parenthesis_with_a_trailing_remark_cites():
    assert _remarks("Chen et al. (2019, hereafter C19) present a sample of O and early B-type stars.") == [
        ("Chen et al. (2019, hereafter C19)", ["chen2019"])]
    assert _remarks("Binary populations change the rates (Eldridge & Stanway 2016, henceforth EG).") == [
        ("(Eldridge & Stanway 2016, henceforth EG)", ["eldridge2016"])]
    assert _remarks("Eldridge & Stanway (2016; hereafter EG16) modelled the binaries.") == [
        ("Eldridge & Stanway (2016; hereafter EG16)", ["eldridge2016"])]
    assert _remarks("The Michigan catalogues were chosen (Houk & Swift 1999, hereafter the ‘Houk "
                    "catalogue’) for their size.") == [
        ("(Houk & Swift 1999, hereafter the ‘Houk catalogue’)", ["houk1999"])]


def test_a_remark_before_the_citation_is_not_cut_off_with_it():
    # A&A 671 A84: the remark names the satellite, then the citation follows
    assert _remarks("GRB 210905A was discovered by the Neil Gehrels Swift Observatory (Swift hereafter, "
                    "Gehrels et al. 2004) Burst Alert Telescope.") == [
        ("(Swift hereafter, Gehrels et al. 2004)", ["gehrels2004"])]


MULTI_BIB = r"""
@article{maiz2008, author = {Ma{\'\i}z Apell{\'a}niz, J.}, year = {2008},
  title = {Kinematic age of the Orion nebula cluster}, journal = {ApJ}}
@article{maiz2018, author = {Ma{\'\i}z Apell{\'a}niz, J. and Weiler, M.}, year = {2018},
  title = {Validation of the accuracy and precision of Gaia EDR3 parallaxes}, journal = {A&A}}
@article{weiler2018, author = {Weiler, M. and Jordi, C. and Fabricius, C.}, year = {2018},
  title = {Gaia DR2 passbands and photometric systems}, journal = {A&A}}
@article{maiz2021, author = {Maíz Apellániz, J. and Pantaleoni González, M. and Barbá, R. H.},
  year = {2021}, title = {Validation of the accuracy of Gaia EDR3 parallaxes}, journal = {A&A}}
@article{pantaleoni2021, author = {Pantaleoni González, M. and Maíz Apellániz, J. and Barbá, R. H.},
  year = {2021}, title = {The Alma catalogue of OB stars II}, journal = {MNRAS}}
@article{ortiz2019, author = {Ortiz de Urbina, J. and Alonso, B. and P{\'e}rez, C.}, year = {2019},
  title = {Stellar populations of dwarf galaxies}, journal = {A&A}}
@article{vanderwalt2011, author = {van der Walt, St{\'e}fan and Colbert, S. Chris and Varoquaux, Ga{\"e}l},
  year = {2011}, title = {The NumPy array: a structure for efficient numerical computation}, journal = {CiSE}}
@article{krumholz2014, author = {Krumholz, M. R.}, year = {2014},
  title = {The big problems in star formation}, journal = {PhR}}
"""


def _multi(body: str) -> list[tuple[str, list[str]]]:
    return _evidence(f"# OB stars within 1 kpc\n\n{body}\n", MULTI_BIB)


def test_two_word_family_names_resolve_to_their_entries():
    assert _multi("The age was derived by Maíz Apellániz (2008) from proper motions.") == [
        ("Maíz Apellániz (2008)", ["maiz2008"])]
    assert _multi("Dwarfs are old (Ortiz de Urbina et al. 2019).") == [
        ("(Ortiz de Urbina et al. 2019)", ["ortiz2019"])]
    assert _multi("We use NumPy, see van der Walt et al. (2011).") == [
        ("van der Walt et al. (2011)", ["vanderwalt2011"])]
    # MNRAS staf083: the co-author's own works of that year are not the joint one
    assert _multi("We corrected the uncertainties based on the calibration from Maíz Apellániz & Weiler "
                  "(2018).") == [("Maíz Apellániz & Weiler (2018)", ["maiz2018"])]
    assert _multi("We corrected the astrometry following the method from Maíz Apellániz, Pantaleoni "
                  "González & Barbá (2021).") == [
        ("Maíz Apellániz, Pantaleoni González & Barbá (2021)", ["maiz2021"])]
    assert _multi("Pantaleoni González et al. (2021, hereafter PG21) updated the Alma catalogue.") == [
        ("Pantaleoni González et al. (2021, hereafter PG21)", ["pantaleoni2021"])]
    assert _multi("The same correction was applied (J. Maíz Apellániz & M. Weiler 2018).") == [
        ("(J. Maíz Apellániz & M. Weiler 2018)", ["maiz2018"])]


def test_a_capitalised_word_before_a_name_is_still_an_opener():
    assert _multi("Also Krumholz (2014) argued that star formation is slow.") == [
        ("Krumholz (2014)", ["krumholz2014"])]


def test_a_known_two_word_family_is_not_cut_to_the_co_author():
    # no joint entry: "Maíz Apellániz & Weiler (2018)" stays unresolved rather than citing Weiler (2018)
    bib = MULTI_BIB.replace("@article{maiz2018", "@article{other2018").replace(
        "{Ma{\\'\\i}z Apell{\\'a}niz, J. and Weiler, M.}, year = {2018}", "{Gaia, A.}, year = {2018}")
    found = _evidence("# OB stars\n\nThe calibration from Maíz Apellániz & Weiler (2018) was used.\n", bib)
    assert found == [("Maíz Apellániz & Weiler (2018)", [])]


# Solar Physics 298 (s11207-023-02231-5): the list prints Boe et al.'s three 2021 works in the order of their
# letters, which is not their titles' order; the entries print no letter.
SOPH_REFERENCES = "\n\n".join([
    "Boe B, Habbal S, Downs C, Druckmuller M. 2021. A new color-based method for K- and F-corona "
    "extraction. AGU Fall Meeting Abs. 2021.",
    "Boe B, Habbal S, Downs C, Druckmüller M. 2021. The color and brightness of the F-corona inferred from "
    "the 2019 July 2 total solar eclipse. Astrophys. J. 912(1):44.",
    "Boe B, Yamashiro B, Druckmüller M, Habbal S. 2021. The double-bubble coronal mass ejection of the 2020 "
    "December 14 total solar eclipse. Astrophys. J. Lett. 914(2):39.",
    "Fainshtein VG. 2009. Determining the F-corona brightness. Geomagn. Aeron. 49:1139.",
]) + "\n"
SOPH_BODY = (
    "Eclipse observations have imaged coronal mass ejections (Boe et al., 2021c). Attempts were made to "
    "separate the K- and F-components of the solar corona (e.g. Boe et al., 2021a; Fainshtein, 2009). The "
    "F-corona has a noticeable impact on pB data (Boe et al., 2021b).")


def test_letters_of_one_year_follow_the_printed_list_order():
    text = f"# Derived Electron Densities\n\n{SOPH_BODY}\n\n## References\n\n{SOPH_REFERENCES}"
    found = _evidence(text)
    assert [(marker, len(keys)) for marker, keys in found] == [
        ("(Boe et al., 2021c)", 1), ("Boe et al., 2021a", 1), ("Fainshtein, 2009", 1),
        ("(Boe et al., 2021b)", 1)]
    title = {ref.key: ref.title for ref in references_in_text(text)}
    cited = {marker: title[keys[0]] for marker, keys in found}
    assert cited["Boe et al., 2021a"].startswith("A new color-based method")
    assert cited["(Boe et al., 2021b)"].startswith("The color and brightness")
    assert cited["(Boe et al., 2021c)"].startswith("The double-bubble")


SOPH_BIB = r"""
@article{boeK, author = {Boe, B. and Habbal, S. and Downs, C.}, year = {2021},
  title = {A new color-based method for K- and F-corona extraction}, journal = {AGU}}
@article{boeF, author = {Boe, B. and Habbal, S. and Downs, C.}, year = {2021},
  title = {The color and brightness of the F-corona}, journal = {ApJ}}
@article{boeCME, author = {Boe, B. and Yamashiro, B. and Habbal, S.}, year = {2021},
  title = {The double-bubble coronal mass ejection}, journal = {ApJL}}
"""


def test_letters_without_a_printed_list_follow_the_titles():
    # a .bib's order tells nothing: APA's title order ("A", "The" left out) decides, as before
    found = _evidence(f"# Corona\n\n{SOPH_BODY.replace('; Fainshtein, 2009', '')}\n", SOPH_BIB)
    assert found == [("(Boe et al., 2021c)", ["boeK"]), ("(e.g. Boe et al., 2021a)", ["boeF"]),
                     ("(Boe et al., 2021b)", ["boeCME"])]
