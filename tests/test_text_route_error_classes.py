"""Error classes of the text route found on real articles (the fetched set corpus/fresh, kept outside
the repository: docs/data/fresh.md; issue #8 item 4 and #10): each mechanism on the articles' own
sentences and reference entries, quoted here.

- superscripts that lost their markup, read as plain numbers ("… anal sex. 2 In Brazil"), from
  Revista de Saúde Pública;
- a JATS marker printing only the year ("Corso and de Almeida <xref>2009</xref>", 3 Biotech) is
  an author–year citation, not reference number 2009;
- a DOI two printed entries share (3 Biotech's Deloukas and Shownkeen) identifies neither;
- author–year printed without a comma or parenthesis ("reported by Barns et al. 2007").
"""

from __future__ import annotations

from pathlib import Path

from graph.schema import Label, RelType
from ingest.bibtex import parse_bibtex
from ingest.citations import build_index
from ingest.citations.resolver import resolve_author_year
from ingest.claims import looks_like_reference_entry
from ingest.jats import citation_style
from ingest.pipeline import ingest_text
from ingest.readers import read_documents
from ingest.reflist import merge_with_bib, parse_entry, references_in_text
from ingest.xmlfile import parse_xml
from tests.test_citations import claim_links

# Revista de Saúde Pública 48(2):206, its printed list (the publisher's own stray ". " included).
RSP_REFERENCES = "\n\n".join([
    '1. . AarØ LE, Breivik K, Klepp KI, Kaaya S, Onya HE, Wubs A, et al. An HIV/AIDS knowledge scale '
    'for adolescents: item response theory analyses based on data from a study in South Africa and '
    'Tanzania. Health Educ Res. 2011;26(2):212-24.',
    '2. . Adam PCG, Wit JBF, Toskin I, Mathers BM, Nashkhoev M, Zoblotska I, et al. Estimating levels'
    ' of HIV testing, HIV prevention coverage, HIV knowledge, and condom use among men who have sex '
    'with (MSM) in low-income and middle-income countries. J Acquir Immune Defic Syndr. 2009;52(Suppl'
    ' 2):143-51.',
    '3. . Araújo EAC, Andrade DF, Bortolotti SLV. Teoria da resposta ao item. Rev Esc Enferm. '
    '2009;43(Esp):1000-8.',
    '4. . Beyrer C, Baral SD, van Griensven F, Goodreau SM, Chariyalertsak S, Wirtz AL, et al. Global'
    ' epidemiology of HIV infection in men who have sex with men. Lancet. 2012;380(9839):367-77.',
    '5. . Bock RD, Aitkin M. Marginal maximum likelihood estimation of item parameters: Application '
    'of an EM algorithm. Psychometrika. 1981;46(4):443-59.',
    '6. . Gondim RC, Kerr LRFS, Werneck GI, Macena RHM. Risky sexual practices among men who have sex'
    ' with men in Northeast Brazil. Cad Saude Publica. 2009;25(6):1390-8.',
]) + "\n"
RSP_BODY = (
    "In Brazil, the AIDS epidemic is concentrated in population subgroups with a markedly higher "
    "risk of acquiring HIV infection among MSM. 4 , 6 Recent data from a national survey found a "
    "worrisome HIV prevalence rate of 14.2% among this population. 2\n\n"
    "Recent studies assessed HIV/AIDS knowledge using the Item Response Theory (IRT). 1 , 3 IRT is "
    "considered the modern psychometric theory.\n\n"
    "The item parameters were estimated by marginal maximum likelihood, proposed by Bock & Aitkin, "
    "5 and the knowledge score was estimated by the expected a posteriori method. Araújo et al 3 "
    "(2009) describe the model.\n\n"
    "Participants were recruited in ten cities (n = 3,746) and 12 (6) of them were excluded. "
    "Triatoma sordida (5) was collected in two cities.")


def _evidence(text: str, bib: str | None = None) -> list[tuple[str, list[str]]]:
    """(marker, cited keys) of every citation found in `text`, in text order."""
    batch = ingest_text(text, "article.md", bib).batch
    cites: dict[str, set[str]] = {}
    for rel in batch.relationships:
        if rel.type == RelType.CITES and rel.start.startswith("evidence:"):
            cites.setdefault(rel.start, set()).update(rel.props["key"].split(", "))
    return [(n.props["marker"], sorted(cites.get(n.id, ()))) for n in batch.nodes_by_label(Label.EVIDENCE)
            if n.props["kind"] == "citation"]


def test_plain_number_superscripts_after_the_stop_are_the_sentence_citations():
    text = f"# HIV/AIDS knowledge among MSM\n\n{RSP_BODY}\n\n## References\n\n{RSP_REFERENCES}"
    links = claim_links(ingest_text(text, "article.md").batch)

    def cited(words: str) -> set[str]:
        [keys] = [keys for claim, keys in links.items() if words in claim]
        return keys

    # the numbers after the full stop cite the sentence they close, not the one they precede
    assert cited("In Brazil, the AIDS epidemic") == {"ref-4", "ref-6"}
    assert cited("Recent data from a national survey") == {"ref-2"}
    assert cited("Recent studies assessed HIV/AIDS") == {"ref-1", "ref-3"}
    assert cited("IRT is considered the modern") == set()
    assert cited("The item parameters were estimated") == {"ref-5"}
    assert cited("describe the model") == {"ref-3"}
    # counts in parentheses and numbers in the text are not markers in such an article
    assert cited("Participants were recruited") == cited("Triatoma sordida (5)") == set()


def test_one_number_after_a_stop_does_not_make_an_article_bare():
    body = ("The trial enrolled adults with HIV in Fortaleza. 2 Sites dropped out in the first year "
            "and were replaced.")
    text = f"# HIV/AIDS knowledge among MSM\n\n{body}\n\n## References\n\n{RSP_REFERENCES}"
    assert _evidence(text) == []


def test_a_stray_stop_after_the_label_does_not_hide_the_authors():
    entry = parse_entry(RSP_REFERENCES.split("\n\n")[4])
    assert entry.label == "5"
    assert [p.family for p in entry.authors] == ["Bock", "Aitkin"]
    assert entry.year == "1981"


def _jats(tmp_path: Path, body: str, refs: str) -> Path:
    path = tmp_path / "springer.xml"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink"><front><article-meta>
<title-group><article-title>Decolorization of a polyazo dye</article-title></title-group>
</article-meta></front><body><sec><title>Introduction</title><p>{body}</p></sec></body>
<back><ref-list>{refs}</ref-list></back></article>""", encoding="utf-8")
    return path


def _ref(rid: str, family: str, given: str, year: str, title: str) -> str:
    return (f'<ref id="{rid}"><element-citation publication-type="journal"><person-group>'
            f"<name><surname>{family}</surname><given-names>{given}</given-names></name></person-group>"
            f"<article-title>{title}</article-title><source>Water Res</source><year>{year}</year>"
            f"<volume>39</volume><fpage>1425</fpage></element-citation></ref>")


def test_a_marker_printing_only_the_year_is_author_year_not_number_2009(tmp_path: Path):
    # 3 Biotech 2:67 (PMC3339580): the xref covers only the year
    body = ('… holding textile industries to increasingly higher standards of treatment regarding waste '
            'effluents (Corso and de Almeida <xref ref-type="bibr" rid="CR7">2009</xref>). Azo dyes '
            'accumulate (Zhao and Hardin <xref ref-type="bibr" rid="CR56">2007</xref>).')
    refs = (_ref("CR7", "Corso", "CR", "2009", "Use of Aspergillus oryzae in the removal of azo dyes")
            + _ref("CR56", "Zhao", "X", "2007", "HPLC and spectrophotometric analysis of azo dyes"))
    path = _jats(tmp_path, body, refs)
    assert citation_style(parse_xml(path)) == "author-year"
    article = read_documents(path)[0]
    assert "\n2009. Corso" not in article.text and "Corso CR. 2009. Use of" in article.text
    printed = references_in_text(article.text)
    assert [(r.authors[0].family, r.year, r.label) for r in printed] == [("Corso", "2009", ""),
                                                                         ("Zhao", "2007", "")]


def test_numbered_xrefs_still_make_a_numeric_article(tmp_path: Path):
    body = 'Dyes persist in water <xref ref-type="bibr" rid="CR1">1</xref>.'
    path = _jats(tmp_path, body, _ref("CR1", "Zhao", "X", "2007", "HPLC analysis of azo dyes"))
    assert citation_style(parse_xml(path)) == "numeric"


# 3 Biotech 2:1 (PMC3324826) prints the DOI of chromosome 10 under the chromosome 20 paper too.
SHARED_DOI_LIST = "\n\n".join([
    'Deloukas P, Earthrowl ME, Grafham DV. 2004. The DNA sequence and comparative analysis of human '
    'chromosome 20. Nature 414:865–871. doi:10.1038/nature02462',
    'Shownkeen R, Skuce CD, Smith M. 2004. The DNA sequence and comparative analysis of human '
    'chromosome 10. Nature 429:375–381. doi:10.1038/nature02462',
]) + "\n"
SHARED_DOI_BIB = """
@article{CR10, author = {Deloukas, P. and Earthrowl, M. E.}, year = {2004}, doi = {10.1038/nature02462},
  title = {The DNA sequence and comparative analysis of human chromosome 20}, journal = {Nature}}
@article{CR43, author = {Shownkeen, R. and Skuce, C. D.}, year = {2004}, doi = {10.1038/nature02462},
  title = {The DNA sequence and comparative analysis of human chromosome 10}, journal = {Nature}}
"""


def test_a_doi_two_printed_entries_share_identifies_neither():
    printed = references_in_text("References\n\n" + SHARED_DOI_LIST)
    renamed: dict[str, str] = {}
    merged = merge_with_bib(printed, parse_bibtex(SHARED_DOI_BIB, "a.bib"), renamed)
    assert renamed == {"deloukas2004": "CR10", "shownkeen2004": "CR43"}
    assert [r.key for r in merged] == ["CR10", "CR43"]


BIOTECH_BIB = """
@article{CR3, author = {Barns, S. M. and Cain, E. C. and Sommerville, L.}, year = {2007},
  title = {Acidobacteria phylum sequences in uranium-contaminated subsurface sediments}, journal = {AEM}}
@article{CR11, author = {Ellis, R. J. and Morgan, P. and Weightman, A. J.}, year = {2003},
  title = {Cultivation-dependent approaches for determining bacterial diversity}, journal = {AEM}}
@article{CR25, author = {Reardon, C. L. and Cummings, D. E. and Petzke, L. M.}, year = {2004},
  title = {Composition and diversity of microbial communities}, journal = {AEM}}
"""


def test_author_year_without_a_comma_outside_brackets_counts_when_it_resolves():
    # 3 Biotech 2:1 (PMC3339583)
    body = ("The presence of Acidobacteria in uranium-contaminated samples was reported by Barns et al. "
            "2007. Uranium-contaminated soils were reported previously by Ellis et al. 2003; Reardon "
            "et al. 2004 and others.\n\nIn July 2007 the samples were frozen at Oak Ridge.")
    found = _evidence(f"# Acidobacteria\n\n{body}\n", BIOTECH_BIB)
    assert found == [("Barns et al. 2007", ["CR3"]), ("Ellis et al. 2003", ["CR11"]),
                     ("Reardon et al. 2004", ["CR25"])]


def test_a_numbered_article_naming_a_programme_does_not_cite_it():
    # Revista de Saúde Pública 48(2):296: the programme is the article's subject, ref 1 its source
    body = ("Chagas disease is endemic in Southern Brazil [1]. In 1975, the Superintendency for Public "
            "Health Campaigns (SUCAM) implemented the Chagas Disease Control Program in the state of Rio "
            "Grande do Sul, Southern Brazil.")
    entry = ("1. Coura JR, Dias JCP. Epidemiology, control and surveillance of Chagas disease: 100 years "
             "after its discovery. Mem Inst Oswaldo Cruz. 2009;104(1):31-40.")
    text = f"# Triatomines in Bahia\n\n{body}\n\n## References\n\n{entry}\n"
    assert _evidence(text) == [("[1]", ["ref-1"])]


# Biota Neotropica 21(3) e20211306, entries as printed (ABNT-like, author–year).
BIOTA_REFERENCES = "\n\n".join([
    "BFG - The Brazil Flora Group. 2021. Leveraging the power of a collaborative scientific network. "
    "Taxon 70:1-12.",
    "CNCFlora - Centro Nacional de Conservação da Flora. Jardim Botânico do Rio de Janeiro. 2021. "
    "Available from: http://cncflora.jbrj.gov.br/portal/pt-br/listavermelha (accessed: 7 March 2021).",
    "DRAPER, F.C., BAKER, T.R., BARALOTO, C., CHAVE, J. & ASNER, G.P. 2020. Quantifying tropical plant "
    "diversity requires an integrated technological approach. Trends Ecol Evol 35(12):1100-1109.",
    "FLORA DO BRASIL 2020. Jardim Botânico do Rio de Janeiro. Available from: "
    "http://floradobrasil.jbrj.gov.br/ (accessed: 12 March 2021).",
    "VERSIEUX, L.M., DÁVILA, N., DELGADO, G.C., DE SOUSA, V.F. & JARDIM, J.G. 2017. Integrative research "
    "identifies 71 new plant species records in the state of Rio Grande do Norte. Biota Neotrop. 17(1).",
    "VIBRANS, A.C., GASPER, A.L., MOSER, P. & SEVEGNANI, L. 2020. Insights from a large-scale inventory in "
    "the southern Brazilian Atlantic Forest. Scientia Agricola 77(1):1-12.",
    "WERNECK, F.P., NOGUEIRA, C., COLLI, G.R., SITES JR, J.W. & COSTA, G.C. 2012. Climatic stability in "
    "the Brazilian Cerrado. J Biogeogr 39:1695-1706.",
]) + "\n"
BIOTA_BODY = (
    "Brazil has one of the richest floras in the world, and it is home to a large number of endemics "
    "(BFG 2021). It has around 12,000 angiosperm species, including 40% endemics (Flora do Brasil 2020). "
    "Species that only occur within the Cerrado in Flora do Brasil 2020 were listed here as Cerrado "
    "endemics. We consulted the CNCFlora Red list (National Centre for Plant Conservation; CNCFlora "
    "2021). Improving this situation demands innovative approaches (Drapper et al. 2020) that could be "
    "adopted by the IFN. Analyses are still missing for most states (but see Versieux et al. 2017 and "
    "Vibrans et al. 2020 for analyses of Rio Grande do Norte and Santa Catarina). The Cerrado borders "
    "the Chaco in the southwest (Werneck et al. 2012).")


def test_abnt_group_authors_misspellings_and_but_see_resolve_from_the_printed_list():
    text = f"# Woody flora of the Cerrado\n\n{BIOTA_BODY}\n\n## References\n\n{BIOTA_REFERENCES}"
    assert _evidence(text) == [
        ("(BFG 2021)", ["bfgthebrazilfloragroup2021"]),  # the abbreviation before the group's name
        ("(Flora do Brasil 2020)", ["floradobrasil2020"]),  # a database named with its year
        ("Flora do Brasil 2020", ["floradobrasil2020"]),  # outside brackets, no comma
        ("CNCFlora 2021", ["cncfloracentronacionalde2021"]),
        ("(Drapper et al. 2020)", ["draper2020"]),  # the article misspells Draper
        ("Versieux et al. 2017", ["versieux2017"]),  # "but see … and … for analyses of …"
        ("Vibrans et al. 2020", ["vibrans2020"]),
        ("(Werneck et al. 2012)", ["werneck2012"]),  # "SITES JR, J.W." no longer ends the authors
    ]


def test_a_misspelt_name_resolves_only_to_that_years_one_near_spelling():
    refs = references_in_text("References\n\n" + BIOTA_REFERENCES)
    index = build_index(refs, [])
    assert resolve_author_year(index, ["Drapper"], True, "2020") == "draper2020"
    assert resolve_author_year(index, ["Drapper"], True, "2019") is None  # no work of that year
    assert resolve_author_year(index, ["Dra"], True, "2020") is None  # too short to tell a slip


# Revista de Economia e Sociedade / Temáticas (SciELO, ABNT): works without authors cited by title.
ABNT_TITLES = "\n\n".join([
    "ARGENTINA de regreso al FMI, crisis y disputas sociales. Instituto tricontinental : dossier, n. 10, "
    "nov., 2018.",
    "LA DAIA desmintió la firma de una solicitada a favor de la suba de tarifas. Ámbito. com , 7 mayo "
    "2018. Política.",
    "LÓPEZ, E; CANTAMUTTO, F. El orden social kirchnerista entre la economía y la política. Buenos Aires: "
    "Miño y Dávila, 2018.",
    "CIFRA. Informe sobre situación del mercado de trabajo. Buenos Aires: CIFRA-CTA, 2018.",
    "WORLD BANK. Global economic prospects. Washington, DC: World Bank, Jun. 2023a.",
]) + "\n"


def test_abnt_title_citations_and_capital_groups():
    body = ("Esta situación de un gran bloque de empresarios se agravó (ARGENTINA..., 2018). El comunicado "
            "fue desmentido (LA DAIA…, 2018). La hegemonía política cambió (LÓPEZ; CANTAMUTTO, 2018). "
            "El salario real cayó (CIFRA, 2018). El crecimiento previsto es de 2,1% (World Bank, 2023a).")
    text = f"# Empresarios y Estado\n\n{body}\n\n## Referencias\n\n{ABNT_TITLES}"
    assert [keys for _, keys in _evidence(text)] == [["anon2018"], ["anon2018-2"], ["lopez2018"],
                                                     ["cifra2018"], ["worldbank2023a"]]


def test_a_sentence_opening_with_an_abbreviation_is_prose_not_a_vancouver_entry():
    # eLife 2015;4:e09215: the sentence's citations were skipped as if it were a reference entry
    sentence = ("The ZI, a mostly GABAergic region, has been shown to limit the transmission of ascending "
                "sensory information via feedforward inhibition of higher order thalamic nuclei (Barthó et "
                "al., 2002; Trageser and Keller, 2004; Lavallée et al., 2005; Trageser et al., 2006).")
    assert not looks_like_reference_entry(sentence)
    assert looks_like_reference_entry("Schuch FB, Vancampfort D, Richards J. Exercise as a treatment for "
                                      "depression. J Psychiatr Res. 2016;77:42-51.")


def test_et_al_after_a_comma_and_a_particle_run_together():
    refs = references_in_text("References\n\n" + "\n\n".join([
        "Lee JH, Durand R, Gradinaru V. 2010. Global and local fMRI signals driven by neurons defined "
        "optogenetically. Nature 465:788–792.",
        "Mirsky AF, Van Buren JM. 1965. On the nature of the absence in centrencephalic epilepsy. "
        "Electroencephalography and Clinical Neurophysiology 18:334–348.",
        "Gomes AP, Pauls R, ten Brink T. 2023. Industrial policy and the electric vehicles market in China. "
        "Revista de Economia Contemporânea 27:1-30."]))
    body = ("Stimulation evokes robust fMRI responses (Lee, et al., 2010). Such spikes are typically "
            "associated with loss of consciousness (Mirsky and VanBuren, 1965). Electric vehicles were a "
            "strategic emerging industry (Gomes, Pauls and ten Brink, 2023).")
    index = build_index(refs, [])
    assert resolve_author_year(index, ["Mirsky", "VanBuren"], False, "1965") == "mirsky1965"
    text = "# T\n\n" + body + "\n\n## References\n\n" + "\n\n".join(r.fields["printed"] for r in refs)
    assert [keys for _, keys in _evidence(text)] == [["lee2010"], ["mirsky1965"], ["gomes2023"]]


KAHNEMAN_BIB = """
@article{kahneman2003perspective, author = {Kahneman, Daniel}, year = {2003},
  title = {A perspective on judgment and choice: Mapping bounded rationality},
  journal = {American Psychologist}}
@article{kahneman2003maps, author = {Kahneman, Daniel}, year = {2003},
  title = {Maps of bounded rationality: Psychology for behavioral economics},
  journal = {American Economic Review}}
"""


def test_the_venue_a_sentence_names_tells_2003a_from_2003b():
    # eval-blind-6 lecture-behavioural-economics.md: APA title order alone (ignoring "A") says otherwise
    body = ("In his American Psychologist article (Kahneman, 2003a), Kahneman frames his work around the "
            "contrast between fast and slow thinking. In the American Economic Review version (Kahneman, "
            "2003b), he argues that the accessibility of a thought explains bounded rationality. Both "
            "papers were widely read (Kahneman, 2003a, 2003b).")
    assert _evidence(f"# Behavioural economics\n\n{body}\n", KAHNEMAN_BIB) == [
        ("(Kahneman, 2003a)", ["kahneman2003perspective"]), ("(Kahneman, 2003b)", ["kahneman2003maps"]),
        ("(Kahneman, 2003a, 2003b)", ["kahneman2003maps", "kahneman2003perspective"])]


NARRATIVE_BIB = """
@article{debruin2015cognitive, author = {de Bruin, Angela and Treccani, Barbara and Della Sala, Sergio},
  title = {Cognitive advantage in bilingualism: an example of publication bias?}, year = {2015},
  journal = {Psychological Science}}
@article{ziter2019scale, author = {Ziter, Carly D. and Pedersen, Eric J. and Kucharik, Christopher J.},
  title = {Scale-dependent interactions between tree canopy cover and impervious surfaces}, year = {2019},
  journal = {Proceedings of the National Academy of Sciences}}
"""


def test_narrative_names_with_particles_and_place_names_before_them():
    # eval-blind-6: blog-bilingual-advantage.txt and council-urban-heat.html
    body = ("De Bruin, Treccani and Della Sala (2015) traced conference abstracts on the topic and found "
            "that studies supporting the advantage were far more likely to be published than those that "
            "did not. In Madison, Wisconsin, Ziter et al. (2019) measured air temperature from bicycles "
            "along city transects and found that cooling increased sharply once tree canopy cover passed "
            "about 40% of a block.")
    assert _evidence(f"# The bilingual advantage and urban heat\n\n{body}\n", NARRATIVE_BIB) == [
        ("De Bruin, Treccani and Della Sala (2015)", ["debruin2015cognitive"]),
        ("Ziter et al. (2019)", ["ziter2019scale"])]


def test_the_printed_lists_suffix_tells_one_authors_works_of_a_year_apart_with_a_bib():
    # eLife 2015;4:e09215 prints 1996a/b/c in its own order; the .bib (from the JATS) says 1996 for all
    printed = references_in_text("References\n\n" + "\n\n".join([
        "Castro-Alamancos MA, Connors BW. 1996a. Cellular mechanisms of the augmenting response. Journal "
        "of Neurophysiology 76:1-12.",
        "Castro-Alamancos MA, Connors BW. 1996b. Spatiotemporal properties of short-term plasticity. "
        "Journal of Neurophysiology 76:13-24.",
        "Castro-Alamancos MA, Connors BW. 1996c. Short-term plasticity of a thalamocortical pathway. "
        "Science 272:274-277."]))
    bib = parse_bibtex("""
@article{bib13, author = {Castro-Alamancos, M. A. and Connors, B. W.}, year = {1996},
  title = {Cellular mechanisms of the augmenting response}, journal = {Journal of Neurophysiology}}
@article{bib14, author = {Castro-Alamancos, M. A. and Connors, B. W.}, year = {1996},
  title = {Spatiotemporal properties of short-term plasticity}, journal = {Journal of Neurophysiology}}
@article{bib15, author = {Castro-Alamancos, M. A. and Connors, B. W.}, year = {1996},
  title = {Short-term plasticity of a thalamocortical pathway}, journal = {Science}}
""", "a.bib")
    index = build_index(merge_with_bib(printed, bib), [])
    # APA title order alone would make "Short-term …" 1996b
    assert [resolve_author_year(index, ["Castro-Alamancos", "Connors"], False, y)
            for y in ("1996a", "1996b", "1996c")] == ["bib13", "bib14", "bib15"]
    assert bib[1].fields.get("year_printed") is None  # the .bib records themselves stay as read


def test_abnt_title_citation_of_a_title_marked_up_as_the_author():
    # SciELO's JATS gives "ARGENTINA de regreso al FMI, …" as a collab author
    bib = parse_bibtex("""
@misc{B08, author = {{ARGENTINA de regreso al FMI, crisis y disputas sociales}}, year = {2018},
  title = {Instituto tricontinental: dossier}}
""", "a.bib")
    assert resolve_author_year(build_index(bib, []), ["ARGENTINA"], False, "2018") == "B08"


def test_a_group_author_after_a_species_name_inside_the_parenthesis():
    # 3 Biotech 2:1 (PMC3324826)
    bib = parse_bibtex("""
@article{CR23, author = {{International Chicken Genome Sequencing Consortium}}, year = {2004},
  title = {Sequence and comparative analysis of the chicken genome}, journal = {Nature}}
""", "a.bib")
    body = ("Orthologous sequences were retrieved for chicken (Gallus gallus International Chicken Genome "
            "Sequencing Consortium 2004), and they were aligned with the human gene.")
    bib_text = "\n".join(r.bibtex for r in bib)
    assert _evidence(f"# Lipase genes\n\n{body}\n", bib_text) == [
        ("(Gallus gallus International Chicken Genome Sequencing Consortium 2004)", ["CR23"])]


def test_counts_in_parentheses_cite_nothing_in_an_author_year_article_with_a_bib():
    # Biota Neotropica 21(3): the .bib's order numbers nothing when the article prints an unnumbered list
    entries = BIOTA_REFERENCES.split("\n\n")
    bib = parse_bibtex("\n".join(
        f"@misc{{ref{n}, author = {{Author{chr(64 + n)}, A.}}, year = {{2020}}, title = {{Work {n}}}}}"
        for n in range(1, 19)), "a.bib")
    body = ("The IFN Cerrado contributed potentially new occurrence records for the Cerrado (64 species) and "
            "individual states (60), such as Tocantins (18), Mato Grosso do Sul (16), Goiás (11), and "
            "Maranhão (ten). Brazil is home to a large number of endemics (BFG 2021).")
    text = f"# Woody flora of the Cerrado\n\n{body}\n\n## References\n\n" + "\n\n".join(entries) + "\n"
    bib_text = "\n".join(r.bibtex for r in bib)
    assert _evidence(text, bib_text) == [("(BFG 2021)", ["bfgthebrazilfloragroup2021"])]


# A numbered article whose superscripts lost their markup and are glued to the text (as AJTMH, Gut
# and Liver and EHTJ read once rendered as plain text); the sentences are written for this test.
GLUED_REFERENCES = "\n\n".join(
    f"{i}. {family} A, Lee B. {title}. J Trop Med. {2000 + i};{i}:1-9."
    for i, (family, title) in enumerate([
        ("Ross", "Vector competence of Aedes"), ("Kim", "Exome sequencing in Crohn disease"),
        ("Park", "Rare variants in IBD"), ("Cho", "GWAS of Korean patients"),
        ("Lim", "Autophagy genes"), ("Diallo", "Dengue in West Africa"),
        ("Mbeki", "Chikungunya outbreaks"), ("Sato", "Climate and vectors")], start=1)) + "\n"


def _glued_article(body: str) -> str:
    opening = ("Chikungunya virus spread quickly across the islands.1 Vector surveys followed in every "
               "district.2 Rainfall was recorded at each site.3\n\n")
    return f"# Vectors\n\n{opening}{body}\n\n## References\n\n{GLUED_REFERENCES}"


def test_superscripts_glued_after_an_acronym_or_a_parenthesis_are_markers():
    body = ("ATG16L2 was identified as a candidate gene for CD in a recent Korean GWAS.4 ATG16L1 works "
            "alongside it. Patients were tested for dengue virus (DENV)6 and chikungunya virus (CHIKV)7 "
            "RNA. Variants were filtered (Supplementary Table 2).2,3 The panel was reviewed as "
            "recommended by WHO,8 and then applied.")
    found = _evidence(_glued_article(body))
    assert ("4", ["ref-4"]) in found and ("6", ["ref-6"]) in found and ("7", ["ref-7"]) in found
    assert ("2,3", ["ref-2", "ref-3"]) in found and ("8", ["ref-8"]) in found


def test_a_superscript_glued_to_a_word_before_the_next_word_is_a_marker_but_not_a_count():
    body = ("Coding regions are more sensitive to genetic changes2,3 than other regions. Bellini and "
            "others5 detected virus in the progeny. Patients with type2 diabetes and a phase3 trial "
            "were excluded. Calcium salts such as Ca(OH)2 and Mg(OH)2 were used.")
    found = _evidence(_glued_article(body))
    assert ("2,3", ["ref-2", "ref-3"]) in found and ("5", ["ref-5"]) in found
    numbers = [marker for marker, _ in found if marker[:1].isdigit()]
    assert numbers == ["1", "2", "3", "2,3", "5"]  # "type2", "phase3", "Ca(OH)2": no markers


def test_glued_markers_need_a_bare_numbered_article():
    """In an article whose markers are bracketed, 'changes2 than' is no citation."""
    body = "Coding regions are sensitive to genetic changes2 than other regions [1]. WHO,3 said so [2]."
    text = f"# Vectors\n\n{body}\n\n## References\n\n{GLUED_REFERENCES}"
    assert [marker for marker, _ in _evidence(text)] == ["[1]", "[2]"]


GLOSSA_REFERENCES = """Kuroda, Shige-Yuki. 1999a. Internally headed relative clauses. Tokyo: Kenkyusha.

Kuroda, Shige-Yuki. 1999b. Notes on head-internal relative clauses. Tokyo: Hituzi.

Sheehan, Michelle. 2013a. Explaining the Final-over-Final Constraint. Oxford: Oxford University Press.

Sheehan, Michelle. 2013b. Some implications of a copy theory of labeling. Syntax 16(4). 362–396.

Sheehan, Michelle. 2017. The Final-over-Final Condition and processing. Cambridge: MIT Press.
"""


def test_a_lone_year_suffix_after_a_suffixed_year_cites_the_same_authors_next_work():
    """Glossa prints one author's works of a year as '(Sheehan 2013a; b; 2017)' and 'Kuroda (1999a; b)'."""
    text = ("# Relatives\n\nFOFC has been studied at length (see Sheehan 2013a; b; 2017). Kuroda (1999a; b) "
            "identifies this event as the main one.\n\n## References\n\n" + GLOSSA_REFERENCES)
    found = _evidence(text)
    assert ("Sheehan 2013a", ["sheehan2013a"]) in found and ("b", ["sheehan2013b"]) in found
    assert ("2017", ["sheehan2017"]) in found
    assert ("Kuroda (1999a; b)", ["kuroda1999a", "kuroda1999b"]) in found


def test_a_numbered_list_in_the_text_does_not_number_the_bib_entries(tmp_path):
    """An author–year article whose conclusion is a numbered list ('1. Syntactically, IHRCs are
    CPs.'), read with its .bib: footnote numbers after a stop ('… a shared source.2 After all')
    cite nothing."""
    bib = "\n".join(f"@book{{{key}, author = {{Sheehan, Michelle}}, year = {{{year}}}, title = {{{title}}}}}"
                    for key, year, title in [("s13", "2013", "Explaining the constraint"),
                                             ("s17", "2017", "The condition and processing"),
                                             ("s18", "2018", "Labels"), ("s19", "2019", "Copies")])
    text = ("# Relatives\n\nWe take no shared source to be implied.2 After all, clauses differ "
            "(Sheehan 2013). This is expected.3 The analysis extends (Sheehan 2017). Nothing follows.4 "
            "We conclude.\n\n"
            "## Conclusions\n\n1. Syntactically, the clauses are CPs without a head.\n\n"
            "2. Relevancy targets only eventualities in adjacent constituents.\n\n"
            "3. The class of islands was expanded.\n\n## References\n\n"
            "Sheehan, Michelle. 2013. Explaining the constraint. Oxford: OUP.\n\n"
            "Sheehan, Michelle. 2017. The condition and processing. Cambridge: MIT Press.\n")
    assert [marker for marker, _ in _evidence(text, bib)] == ["(Sheehan 2013)", "(Sheehan 2017)"]


def test_a_running_corpus_and_a_seasons_year_are_cited_by_their_first_year():
    """Glossa cites a corpus still growing as 'Davies (2006-)' and a two-season volume as 'Kuroda's
    (1975/76)'; the printed list gives them as '2006-.' and '1975/76.'."""
    text = ("# Possessives\n\nThe noun phrases were taken from Davies (2006-). Relatives satisfy "
            "Kuroda’s (1975/76) Relevancy Condition.\n\n## References\n\n"
            "Davies, Mark. 2006-. Corpus del Español: 100 million words. http://www.corpusdelespanol.org/.\n\n"
            "Kuroda, Shige-Yuki. 1975/76. Pivot independent relativization in Japanese II. Papers in "
            "Japanese Linguistics 3. 59–93.\n")
    references = references_in_text(text)
    assert [(r.key, r.year, r.title) for r in references] == [
        ("davies2006", "2006", "Corpus del Español: 100 million words"),
        ("kuroda1975", "1975", "Pivot independent relativization in Japanese II")]
    found = _evidence(text)
    assert ("Davies (2006-)", ["davies2006"]) in found
    assert any(keys == ["kuroda1975"] for _, keys in found)


def test_a_section_sign_or_several_pages_after_the_year_are_a_locator():
    """Glossa: 'Grosu & Hoshi (2016: §3)', '(Stolz et al. 2014: 109, 119, 145–147)'; the same
    author's next year after the pages is still a citation ('(Smith 2010: 45; 2012)')."""
    text = ("# Relatives\n\nThe argument was refuted in Grosu & Hoshi (2016: §3). Place names are "
            "zero-marked (Stolz et al. 2014: 109, 119, 145–147). Both hold (Smith 2010: 45; 2012).\n\n"
            "## References\n\nGrosu, Alexander & Koji Hoshi. 2016. Japanese relatives. Glossa 1(1). 1–31.\n\n"
            "Stolz, Thomas, Nataliya Levkovych & Aina Urdze. 2014. Place names. Bremen: Brockmeyer.\n\n"
            "Smith, John. 2010. One work. Oxford: OUP.\n\nSmith, John. 2012. Another work. Oxford: OUP.\n")
    found = _evidence(text)
    assert ("Grosu & Hoshi (2016: §3)", ["grosu2016"]) in found
    assert ("(Stolz et al. 2014: 109, 119, 145–147)", ["stolz2014"]) in found
    assert ("Smith 2010: 45", ["smith2010"]) in found and ("2012", ["smith2012"]) in found


def test_a_printed_entry_whose_authors_cannot_be_read_keeps_its_own_number():
    """'3. Patz Ja, …' (a typo in the initials) reads no authors; '[3]' still names entry 3, not
    entry 9 by the same first author, which the entry matcher would prefer."""
    text = ("# Climate and health\n\nUp to 200,000 deaths a year were attributed to climate change [3]. "
            "Assessments followed [9].\n\n## References\n\n"
            "1. Smith K. Health and climate. Lancet 2009; 373: 1–9.\n\n"
            "2. Jones R. Island nations. BMJ 2010; 340: 2–8.\n\n"
            "3. Patz Ja, Campbell-Lendrum D, Holloway T, et al. Impact of regional climate change on human "
            "health. Nature 2005; 438: 310–317.\n\n"
            "9. Patz J, Campbell-Lendrum D, Gibbs H, et al. Health impact assessment of global climate "
            "change. Annu Rev Public Health 2008; 29: 27–39.\n")
    assert _evidence(text) == [("[3]", ["ref-3"]), ("[9]", ["ref-9"])]
