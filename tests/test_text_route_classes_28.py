"""Text-route error classes of fresh14 (branch realtext18), each on a text of its own:

1. a bracketed span too long to be a run of references is residues, not citations ("eEF2K[1–402]");
2. a parenthesised number in mid-clause after "et al." ("Kapoor et al. (29) analyzed") or after an
   abbreviation in parentheses ("(ZASP) (9) and"), and citations in the list's order are no enumeration
   unless the run counts from (1);
3. a study the article's own title names is the present one ("…: Results from APOLLON study" for "the
   APOLLON trial"), and so is one after "our" ("our HFpEF cohort");
4. "In this analysis …, we evaluated": the writer's own analysis continues no work cited before;
5. ABNT's title citation with a video's time stamp ("(ÍNDIO..., 2014, 5′ 02″)") and a capital "Apud";
6. a printed mixed-citation "Smyth, G. K. (2004)." names one person, not "Smyth" and "G., K";
7. dotted initials with a suffix ("McGowan J. E. Jr, Tenover F. C. (2004).").
"""

from __future__ import annotations

from ingest.jats import _fields_from_printed
from ingest.reflist import references_in_text
from tests.test_text_route_error_classes import _evidence

PROTEINS = "".join(f"{n}. Author{chr(64 + n)} A, Other B. Kinase paper {n}. Biochem J 20{n:02d};{n}:1-9."
                   "\n\n" for n in range(1, 9))


def test_a_bracketed_residue_range_is_no_citation():
    text = ("# eEF2K\n\n## Results\n\nThe kinase is activated by CaM [1]. The eEF2K[1–402] fragment "
            "undergoes autophosphorylation [2,3], unlike eEF2K[1–332] [4].\n\n## References\n\n" + PROTEINS)
    assert [marker for marker, _ in _evidence(text)] == ["[1]", "[2,3]", "[4]"]


HEARTS = "".join(f"{n}. Author{chr(64 + n)} A, Other B. Heart failure {n}. Int J Cardiol 20{n:02d};{n}:1-9."
                 "\n\n" for n in range(1, 13))


def test_a_parenthesised_number_after_et_al_or_an_abbreviation_in_a_run_not_from_one():
    text = ("# Heart failure\n\n## Introduction\n\nWomen outnumber men in HF (6). Men are younger (7). "
            "The proteins are desmin (8) and Z-band alternatively spliced PDZ motif protein (ZASP) (9) and "
            "filamin C (10). Among the patients, 60.8% were male (10). Kapoor et al. (11) analyzed the "
            "factors of admission.\n\n## References\n\n" + HEARTS)
    assert [marker for marker, _ in _evidence(text)] == ["(6)", "(7)", "(8)", "(9)", "(10)", "(10)", "(11)"]


TRIAL = ("1. Ozlek B, Celik O. Rationale, design, and methodology of the APOLLON trial: a registry of heart "
         "failure. Anatol J Cardiol 2018;19:311-8.\n\n"
         "2. Ozlek B, Agus HZ. Patients with HFpEF have different clinical characteristics: the HFpEF cohort "
         "study. Eur J Intern Med 2018;5:1-9.\n\n")


def test_a_study_the_articles_own_title_names_is_the_present_one():
    text = ("# Gender disparities in heart failure: Results from APOLLON study\n\n## Methods\n\nThe design "
            "has been described elsewhere (1, 2). The APOLLON trial is a multicenter registry. Mean age of "
            "our HFpEF cohort was 67 years.\n\n## References\n\n" + TRIAL)
    assert _evidence(text) == [("(1, 2)", ["ref-1", "ref-2"])]


def test_this_analysis_with_the_writer_as_subject_continues_no_work():
    text = ("# Sex differences in heart failure\n\n## Discussion\n\nPrevious studies revealed a female "
            "predominance in HFpEF (1).\n\nIn this analysis from a national registry, we evaluated sex "
            "differences in patients with HFpEF.\n\n## References\n\n" + HEARTS)
    assert _evidence(text) == [("(1)", ["ref-1"])]


def test_an_abnt_title_citation_with_a_video_time_stamp_and_a_capital_apud():
    text = ("# Literatura indígena\n\n## Introdução\n\nO filme mostra os povos (ÍNDIO..., 2014, 5′ 02″). "
            "Um professor fala disso (PROFESSOR..., 2015, 1′ 03″). A voz nativa continua (PAYAYÁ, 2015, Apud "
            "SANTOS, 2016, p.30 e 31).\n\n## Referências\n\n"
            "SANTOS, Franciele Silva. Juvenal Payayá e a literatura de autoria indígena no Brasil. Salvador, "
            "2016.\n\n"
            "ÍNDIO, Cidadão?Direção: Rodriguarani Kaiowá Siqueira. Brasília: 7g Documenta, 2014. MP4. (52′ "
            "04″), son.\n\n"
            "PROFESSOR Edson Kayapó e a importância da Literatura Indígena. Daniel Munduruku. YouTube. 2015. "
            "4min27s.\n")
    cited = dict(_evidence(text))
    assert cited["(ÍNDIO..., 2014, 5′ 02″)"] == ["anon2014"]
    assert cited["(PROFESSOR..., 2015, 1′ 03″)"] == ["anon2015"]
    assert cited["SANTOS, 2016, p.30 e 31"] == ["santos2016"]


def test_a_printed_apa_name_with_its_initials_after_a_comma_is_one_person():
    _, authors, _ = _fields_from_printed("Smyth, G. K. (2004). Linear models for microarray experiments. "
                                         "Stat Appl Genet Mol Biol 3, Article3.")
    assert [(a.family, a.given) for a in authors] == [("Smyth", "G. K")]
    _, authors, _ = _fields_from_printed("Murphy FA, Gibbs EPJ (1999) Veterinary Virology. USA: Elsevier.")
    assert [a.family for a in authors] == ["Murphy", "Gibbs"]


def test_dotted_initials_with_a_suffix():
    text = ("# Resistance\n\n## Introduction\n\nVancomycin is first-line therapy (McGowan & Tenover, 2004)."
            "\n\n## References\n\n"
            "McGowan J. E. Jr, Tenover F. C. (2004). Confronting bacterial resistance in healthcare "
            "settings. Nat Rev Microbiol 2 251–258.\n\n"
            "Willems R. J., Top J. (2005). Global spread of vancomycin-resistant Enterococcus faecium. Emerg "
            "Infect Dis 11 821–828.\n")
    authors = {r.key: [a.family for a in r.authors] for r in references_in_text(text, "a.md")}
    assert authors["mcgowan2004"] == ["McGowan", "Tenover"]
    assert _evidence(text) == [("(McGowan & Tenover, 2004)", ["mcgowan2004"])]
