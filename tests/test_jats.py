"""JATS XML reader (ingest/jats.py) and XML dispatch (ingest/xmlfile.py), on the real corpus and
on small hand-made files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.bibtex import parse_bibtex
from ingest.model import BOILERPLATE, HEADING, LIST_ITEM, PARAGRAPH, REFERENCES, TITLE, InputError
from ingest.readers import read_documents
from ingest.render import render_text
from ingest.xmlfile import local_name, parse_xml

CORPUS = Path(__file__).parent / "data" / "corpus"


def blind_files() -> set[str]:
    lines = (CORPUS / "blind.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def dev_jats() -> list[Path]:
    """The corpus JATS files that are not held out (a PDF's XML is held out with its PDF)."""
    blind = blind_files()
    files = sorted((CORPUS / "jats").glob("*.xml")) + sorted((CORPUS / "pdf").glob("*.xml"))
    return [f for f in files if str(f.relative_to(CORPUS)) not in blind
            and str(f.relative_to(CORPUS).with_suffix(".pdf")) not in blind]


def write(tmp_path: Path, body: str, name: str = "paper.xml", back: str = "") -> Path:
    path = tmp_path / name
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article"><front><article-meta>
<article-id pub-id-type="doi">10.1000/test.1</article-id>
<title-group><article-title>A test article</article-title></title-group>
<contrib-group><contrib contrib-type="author">
<name><surname>Curie</surname><given-names>Marie</given-names></name></contrib></contrib-group>
<pub-date pub-type="epub"><day>3</day><month>5</month><year>2020</year></pub-date>
</article-meta></front><body>{body}</body><back>{back}</back></article>""", encoding="utf-8")
    return path


NUMBERED_REFS = "<ref-list>" + "".join(
    f'<ref id="r{i}"><label>{i}</label><element-citation publication-type="journal"><person-group>'
    f"<name><surname>Author{i}</surname><given-names>A</given-names></name></person-group>"
    f"<article-title>Title {i}</article-title><source>J Test</source><year>{2000 + i}</year>"
    f"<volume>{i}</volume><fpage>1</fpage><lpage>9</lpage></element-citation></ref>"
    for i in range(1, 10)) + "</ref-list>"


@pytest.mark.parametrize("path", dev_jats(), ids=lambda p: p.name)
def test_every_dev_article_reads_with_exact_offsets_and_links(path: Path) -> None:
    documents = read_documents(path)
    article = documents[0]
    assert article.kind == "article" and article.title and article.doi and article.references
    assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", article.date)
    keys = {ref.key for ref in article.references}
    for doc in documents:
        for block in doc.blocks:
            words = doc.text[block.start:block.end]
            assert words and words == words.strip()
        for sentence in doc.sentences:
            assert doc.blocks[sentence.block].start <= sentence.start < sentence.end <= doc.blocks[
                sentence.block].end
        for cited in doc.citations:
            marker = doc.text[cited.start:cited.end]
            assert marker == marker.strip() and cited.keys
            assert set(cited.keys) <= keys  # comments cite the article's own list
    # Every bibr xref of the running text is a citation: ranges merge two xrefs into one marker.
    root = parse_xml(path)
    running = [x for x in root.iter() if local_name(x) == "xref" and x.get("ref-type") == "bibr"
               and not any(local_name(a) in ("fig", "table-wrap", "table", "supplementary-material",
                                             "permissions", "sub-article") for a in x.iterancestors())]
    cited_keys = [k for c in article.citations for k in c.keys]
    assert {x.get("rid").split()[0] for x in running} <= set(cited_keys)
    assert len(article.citations) <= len(running) <= len(cited_keys)


def test_numeric_ranges_between_two_xrefs_cite_every_reference_in_between() -> None:
    article = read_documents(CORPUS / "jats" / "pmc-1471-2180-11-174.xml")[0]
    first = article.citations[0]
    assert article.text[first.start:first.end] == "1-9"
    assert first.keys == [f"B{i}" for i in range(1, 10)]
    assert article.text[first.start - 1:first.end + 1] == "[1-9]"
    pairs = [(article.text[c.start:c.end], c.keys) for c in article.citations]
    assert ("26", ["B26"]) in pairs and ("27", ["B27"]) in pairs


def test_bracketed_xrefs_joined_by_a_dash_are_one_range(tmp_path: Path) -> None:
    body = ('<sec><title>Intro</title><p>Seen before <xref ref-type="bibr" rid="r4">[4]</xref>–'
            '<xref ref-type="bibr" rid="r7">[7]</xref>, and since '
            '<xref ref-type="bibr" rid="r1 r2">1,2</xref>.'
            '</p></sec>')
    article = read_documents(write(tmp_path, body, back=NUMBERED_REFS))[0]
    printed = [(article.text[c.start:c.end], c.keys) for c in article.citations]
    assert printed == [("[4]–[7]", ["r4", "r5", "r6", "r7"]), ("1,2", ["r1", "r2"])]


def test_a_loose_author_name_before_the_title_and_the_editors_group_after_it(tmp_path: Path) -> None:
    """Professions & Professionalism: the chapter's author a loose <name>, the volume's editors a
    person-group (typed "editor" or untyped) after the chapter title."""
    def chapter(rid: str, group: str) -> str:
        return (f'<ref id="{rid}"><element-citation publication-type="book-chapter">'
                "<name><surname>Johnson</surname><given-names>T</given-names></name>"
                "<chapter-title>Governmentality and expertise</chapter-title>"
                f"<person-group{group}><name><surname>Larkin</surname><given-names>G</given-names></name>"
                "<name><surname>Saks</surname><given-names>M</given-names></name></person-group>"
                "<source>Health professions and the state</source><year>1995</year></element-citation></ref>")
    back = ("<ref-list>" + chapter("typed", ' person-group-type="editor"') + chapter("untyped", "")
            + "</ref-list>")
    article = read_documents(write(tmp_path, "<p>Seen (Johnson 1995).</p>", back=back))[0]
    for reference in article.references:
        assert [a.family for a in reference.authors] == ["Johnson"]
        assert reference.fields["editor"] == "Larkin, G and Saks, M"


def test_an_empty_anchor_after_a_printed_citation_marks_that_citation(tmp_path: Path) -> None:
    """IUCr prints the citation as text and puts an empty xref after its year."""
    body = ('<p>Used for decades (Author4 <italic>et al.</italic>, 2004<xref ref-type="bibr" rid="r4"/>; '
            'Author5 &amp; Author6, 2005<xref ref-type="bibr" rid="r5"/>). Its structure is known '
            '(<xref ref-type="bibr" rid="r6"/>) and was solved in '
            '<xref ref-type="bibr" rid="r7"/> steps.</p>')
    article = read_documents(write(tmp_path, body, back=NUMBERED_REFS))[0]
    printed = [(article.text[c.start:c.end], c.keys) for c in article.citations]
    assert printed == [("Author4 et al., 2004", ["r4"]), ("Author5 & Author6, 2005", ["r5"])]


def test_an_empty_anchor_closing_a_dash_range_extends_the_range(tmp_path: Path) -> None:
    body = ('<p>Seen before <xref ref-type="bibr" rid="r2">2</xref>–'
            '<xref ref-type="bibr" rid="r5"/> and since.</p>')
    article = read_documents(write(tmp_path, body, back=NUMBERED_REFS))[0]
    assert [c.keys for c in article.citations] == [["r2", "r3", "r4", "r5"]]


def test_a_dash_linked_to_the_second_reference_joins_a_range(tmp_path: Path) -> None:
    """PMC (ASM's journals) links a range's dash to its second reference: "(14<xref rid=B15>–</xref>22)"
    prints "(14–22)", which cites 14 to 22."""
    body = ('<p>Isolated worldwide (<xref ref-type="bibr" rid="r2">2</xref><xref ref-type="bibr" rid="r3">'
            '&#x02013;</xref><xref ref-type="bibr" rid="r6">6</xref>) and in mosquitoes '
            '(<xref ref-type="bibr" rid="r7">7</xref>, <xref ref-type="bibr" rid="r8">8</xref>).</p>')
    article = read_documents(write(tmp_path, body, back=NUMBERED_REFS))[0]
    printed = [(article.text[c.start:c.end], c.keys) for c in article.citations]
    assert printed == [("2–6", ["r2", "r3", "r4", "r5", "r6"]), ("7", ["r7"]), ("8", ["r8"])]


def test_a_single_xref_printed_as_a_range_cites_the_whole_range(tmp_path: Path) -> None:
    body = '<p>Known for decades <xref ref-type="bibr" rid="r1">1–3</xref>.</p>'
    article = read_documents(write(tmp_path, body, back=NUMBERED_REFS))[0]
    assert article.citations[0].keys == ["r1", "r2", "r3"]


def test_superscript_markers_are_printed_in_brackets_and_end_the_sentence(tmp_path: Path) -> None:
    body = ('<p>Lithium is a salt.<sup><xref ref-type="bibr" rid="r1">1</xref>,<xref ref-type="bibr" '
            'rid="r2">2</xref></sup> It is also a metal<sup><xref ref-type="bibr" rid="r3">3</xref></sup>. '
            'Water is H<sub>2</sub>O and 10<sup>6</sup> is a number.</p>')
    article = read_documents(write(tmp_path, body, back=NUMBERED_REFS))[0]
    paragraph = next(b for b in article.blocks if b.kind == PARAGRAPH)
    assert article.text[paragraph.start:paragraph.end] == (
        "Lithium is a salt.[1,2] It is also a metal[3]. Water is H2O and 106 is a number.")
    assert [(article.text[c.start:c.end], c.keys) for c in article.citations] == [
        ("1", ["r1"]), ("2", ["r2"]), ("3", ["r3"])]
    sentences = [article.text[s.start:s.end] for s in article.sentences]
    assert sentences[:2] == ["Lithium is a salt.[1,2]", "It is also a metal[3]."]


def test_layout_headings_lists_and_skipped_figures(tmp_path: Path) -> None:
    body = ('<sec><title>Methods</title><p>We did three things:<list list-type="order">'
            '<list-item><p>mixed</p></list-item><list-item><p>heated</p></list-item></list> and then waited.'
            '<fig id="f1"><caption><p>Figure caption <xref ref-type="bibr" rid="r1">1</xref></p>'
            '</caption></fig>'
            '</p><sec><title>Sub part</title><p>More text.</p></sec></sec>')
    article = read_documents(write(tmp_path, body, back=NUMBERED_REFS))[0]
    shown = [(b.kind, article.text[b.start:b.end]) for b in article.blocks]
    assert shown[0] == (TITLE, "A test article")
    assert (HEADING, "Methods") in shown and (HEADING, "Sub part") in shown
    assert (LIST_ITEM, "mixed") in shown and (LIST_ITEM, "heated") in shown
    assert (PARAGRAPH, "and then waited.") in shown
    assert "caption" not in article.text and not article.citations
    assert "\n## Methods\n" in article.text and "\n### Sub part\n" in article.text
    assert "\n1. mixed\n\n2. heated\n" in article.text
    item = next(b for b in article.blocks if b.kind == LIST_ITEM)
    assert article.blocks[item.lead_in].kind == PARAGRAPH
    assert [b.kind for b in article.blocks].count(REFERENCES) == 9
    assert "\n1. Author1 A. Title 1. J Test 2001;1:1–9.\n" in article.text
    assert (article.author, article.date, article.doi) == ("Marie Curie", "2020-05-03", "10.1000/test.1")


def test_elife_metadata_and_peer_review_comments() -> None:
    documents = read_documents(CORPUS / "jats" / "elife-00666.xml")
    article, letter, response = documents
    assert article.doi == "10.7554/eLife.00666" and article.date == "2016-04-25"
    assert article.url == "https://doi.org/10.7554/eLife.00666"
    assert article.title.startswith("The eLife research article")
    assert {letter.kind, response.kind} == {"comment"}
    assert letter.parent_id == article.id == response.root_id
    assert letter.title == "Decision letter" and response.title == "Author response"
    assert letter.author == "Andy Collings" and response.author == "Authors"
    assert letter.blocks[0].kind == BOILERPLATE  # eLife's note on transparency
    assert "reviewed by three peer reviewers" in letter.text


def test_reference_fields_from_each_dialect() -> None:
    pmc = {r.key: r for r in read_documents(CORPUS / "jats" / "pmc-1471-2180-11-174.xml")[0].references}
    first = pmc["B1"]
    assert (first.origin, first.label, first.entry_type) == ("jats", "1", "article")
    assert first.authors[0].family == "Avery" and first.authors[0].given == "SV"
    assert first.fields["title"].startswith("Microbial cell individuality")
    assert (first.fields["journal"], first.year, first.fields["volume"], first.fields["pages"],
            first.fields["doi"], first.fields["pmid"]) == (
        "Nat Rev Microbiol", "2006", "4", "577–587", "10.1038/nrmicro1460", "16845428")
    annals = {r.key: r for r in read_documents(CORPUS / "jats" / "pmc-mds526.xml")[0].references}
    assert annals["MDS526C1"].fields["doi"] == "10.1038/bjc.2011.489"  # from a <comment> link
    assert annals["MDS526C1"].fields["number"] == "Suppl 2"
    plos = read_documents(CORPUS / "jats" / "pmc-pntd.0002065.xml")[0].references
    murphy = plos[0]  # an unstructured mixed-citation, printed as the publisher printed it
    assert murphy.fields["printed"].startswith("Murphy FA, Gibbs EPJ, Horzinek MC, Studdert MJ (1999)")
    assert [a.family for a in murphy.authors] == ["Murphy", "Gibbs", "Horzinek", "Studdert"]
    assert murphy.year == "1999" and murphy.fields["title"] == "Veterinary Virology"
    assert any(r.others for r in plos)  # <etal/>
    assert plos[1].fields["printed"].startswith("Rich KM, Wanyoike F (2010) An assessment")  # names spaced
    assert plos[1].fields["printed"].endswith("Am J Trop Med Hyg 83: 52–57")  # no PMID glued on
    old_plos = read_documents(CORPUS / "jats" / "pmc-pone.0000217.xml")[0].references  # <citation>
    assert old_plos[0].authors[0].family == "McShea" and old_plos[0].year == "1996"
    scielo = read_documents(CORPUS / "pdf" / "tinf-33-e200068.xml")[0].references
    assert scielo[0].fields["journal"] == "Canadian Journal of Chemistry"  # element-citation
    assert scielo[0].fields["printed"].startswith("Andraos, J. Scientific genealogies")  # mixed-citation
    sink = read_documents(CORPUS / "jats" / "elife-kitchen-sink.xml")[0].references
    assert any(r.authors and " " in r.authors[0].family and not r.authors[0].given for r in sink)  # collab


# A Scientific Reports article's <mixed-citation> as PMC's pmc-articleset prints it (reference 51 of
# PMC8438044): a book chapter whose editors follow the title, "&" before the last one.
SCIREP_CR51 = (
    '<ref id="CR51"><label>51.</label><mixed-citation publication-type="other">Castro, R. M. C. '
    "Evolu&#231;&#227;o da ictiofauna de riachos sul-americanos: Padr&#245;es gerais e poss&#237;veis "
    'processos causais. In <italic toggle="yes">Ecologia de peixes de riachos</italic> (eds Caramaschi, '
    "E. P., Mazzoni, R., &amp; Peres-Neto, P. R.) S&#233;rie Oecologia Brasiliensis volume VI, PPGE-UFRJ, "
    "Rio de Janeiro, 139&#8211;155 (1999).</mixed-citation></ref>")


def _scirep_article(tmp_path: Path) -> Path:
    """A small PMC-style Scientific Reports article (our own body text) citing CR51 by superscript."""
    path = tmp_path / "pmc-scirep.xml"
    path.write_text(f"""<?xml version="1.0" ?>
<pmc-articleset><article article-type="research-article" xml:lang="en"><front><article-meta>
<article-id pub-id-type="doi">10.5555/cg-scirep.1</article-id>
<title-group><article-title>Fish of small forest streams</article-title></title-group>
</article-meta></front><body><sec><title>Discussion</title>
<p>Small streams hold a distinct fish fauna<sup><xref ref-type="bibr" rid="CR1">1</xref></sup>, shaped by
the forest around them<sup><xref ref-type="bibr" rid="CR51">51</xref></sup>.</p></sec></body>
<back><ref-list><ref id="CR1"><label>1.</label><element-citation publication-type="journal">
<person-group person-group-type="author"><name><surname>Mojica</surname><given-names>JI</given-names></name>
</person-group><article-title>Fish of forest streams</article-title><source>Neotrop Ichthyol</source>
<year>2009</year><volume>7</volume><fpage>1</fpage></element-citation></ref>
{SCIREP_CR51}</ref-list></back></article></pmc-articleset>""", encoding="utf-8")
    return path


def test_a_misread_printed_entry_still_exports_as_readable_bibtex(tmp_path: Path) -> None:
    """A mixed-citation read into odd names ('Peres-Neto' with given name '&', a title inside a given name
    with commas and 'and') is still one readable BibTeX entry with as many names (a Sci Rep entry whose
    unreadable export once failed the article's text+bib route; the entry is quoted above)."""
    article = read_documents(_scirep_article(tmp_path))[0]
    cr51 = next(r for r in article.references if r.key == "CR51")
    assert ("Peres-Neto", "&") in [(a.family, a.given) for a in cr51.authors]
    text, bibtex = render_text(article)
    back = {r.key: r for r in parse_bibtex(bibtex)}
    assert list(back) == [r.key for r in article.references]
    assert len(back["CR51"].authors) == len(cr51.authors)
    assert [a.family for a in back["CR51"].authors][:2] == ["Castro", "Caramaschi"]


# Two Springer <mixed-citation>s as PMC prints them (J Big Data 8:18 reference 38, Cognit Comput 13:1
# reference 196): no structured parts and the year after the title, so the title's "search, question
# answering, and abstractive summarization" is read as names; a part starting with "and" once ended
# the exported author field as "summarization," and the whole .bib was refused.
SPRINGER_MISREAD = (
    '<ref id="CR38"><label>38.</label><mixed-citation publication-type="other">Esteva A, Kale A, Paulus R, '
    "Hashimoto K, Yin W, Radev D, Socher R. CO-Search: COVID-19 information retrieval with semantic search, "
    "question answering, and abstractive summarization; 2020. <ext-link ext-link-type=\"uri\" "
    'xlink:href="http://arxiv.org/abs/2006.09595">arXiv:2006.09595</ext-link>.</mixed-citation></ref>'
    '<ref id="CR196"><label>196.</label><mixed-citation publication-type="other">'
    "Goldberger A, et&#x000a0;al. PhysioBank, PhysioToolkit, and PhysioNet: components of a new research "
    "resource for complex physiologic signals. 2003. Circulation. 101(23):e215-e220. Available from: "
    "10.1007/s12559-020-09751-3.</mixed-citation></ref>")


def test_a_title_read_as_names_still_exports_as_bibtex_our_reader_accepts(tmp_path: Path) -> None:
    """Names whose parts begin or end with the word 'and' (a title misread as names) are exported so
    that bibtexparser's splitter reads each back as one name: the .bib parses, every name survives."""
    path = tmp_path / "pmc-springer.xml"
    path.write_text(f"""<?xml version="1.0" ?>
<pmc-articleset><article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="review-article"><front>
<article-meta><article-id pub-id-type="doi">10.5555/cg-springer.1</article-id>
<title-group><article-title>Searching the pandemic literature</article-title></title-group>
</article-meta></front><body><sec><title>Background</title>
<p>Search engines over the COVID-19 literature answer questions [<xref ref-type="bibr" rid="CR38">38</xref>];
physiologic signal archives are open [<xref ref-type="bibr" rid="CR196">196</xref>].</p></sec></body>
<back><ref-list>{SPRINGER_MISREAD}</ref-list></back></article></pmc-articleset>""", encoding="utf-8")
    article = read_documents(path)[0]
    text, bibtex = render_text(article)
    back = {r.key: r for r in parse_bibtex(bibtex)}
    assert list(back) == ["CR38", "CR196"]
    for ref in article.references:
        assert [(a.family, a.given) for a in back[ref.key].authors] == [
            (a.family, a.given) for a in ref.authors], ref.key
    assert [a.family for a in back["CR38"].authors][:7] == [
        "Esteva", "Kale", "Paulus", "Hashimoto", "Yin", "Radev", "Socher"]
    assert back["CR38"].title.startswith("CO-Search: COVID-19 information retrieval")
    assert [a.family for a in back["CR196"].authors] == ["Goldberger"] and back["CR196"].others
    assert back["CR196"].title.startswith("PhysioBank, PhysioToolkit, and PhysioNet")


def test_every_misread_name_part_exports_as_one_name_bibtexparser_accepts() -> None:
    """Name parts that BibTeX's splitter would misread (a word 'and' at either end, a trailing comma,
    commas, braces, a lone 'others') are exported so each reads back as the same one name."""
    from ingest.jats import to_bibtex
    from ingest.model import PersonName, Reference

    people = [PersonName("Radev", "D"), PersonName("summarization", "and abstractive"),
              PersonName("signals", "and PhysioNet: components"), PersonName("Smith and", "J"),
              PersonName("Lee", "J and"), PersonName("Doe,", ""), PersonName("A,,B", "x,y"),
              PersonName("x}", "{y"), PersonName("World Health Organization"),
              PersonName("van der Berg", "Jan")]
    ref = Reference(key="k1", entry_type="misc", fields={"title": "T", "year": "2020"}, authors=people)
    back = parse_bibtex(to_bibtex(ref))[0]
    assert [(a.family, a.given) for a in back.authors] == [(a.family, a.given) for a in people]


def test_bibtex_export_reads_back_with_the_same_fields() -> None:
    article = read_documents(CORPUS / "jats" / "elife00005.xml")[0]
    text, bibtex = render_text(article)
    assert text == article.text and "## References" in text
    assert "Margueron R, Reinberg D. 2010." in text  # author–year list printed as eLife prints it
    back = {r.key: r for r in parse_bibtex(bibtex)}
    assert list(back) == [r.key for r in article.references]
    for ref in article.references:
        again = back[ref.key]
        assert [(a.family, a.given) for a in again.authors] == [(a.family, a.given) for a in ref.authors]
        for name in ("title", "year", "journal", "volume", "pages", "doi"):
            assert again.fields.get(name, "") == ref.fields.get(name, ""), (ref.key, name)


def test_malformed_xml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<article>\n<front>\n<p>unclosed\n</front>\n</article>\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_documents(path)
    assert caught.value.line == 4 and "broken.xml:4: is not well-formed XML" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_other_xml_is_refused_with_its_root_element(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text('<?xml version="1.0"?>\n<rss><channel/></rss>', encoding="utf-8")
    with pytest.raises(InputError, match=r"root element <rss> is neither a JATS <article> nor a GROBID"):
        read_documents(path)
    empty = tmp_path / "empty.nxml"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty.nxml"):
        read_documents(empty)


def test_no_external_entities_and_named_entities_kept_as_characters(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    path = tmp_path / "evil.xml"
    path.write_text(f"""<?xml version="1.0"?>
<!DOCTYPE article [<!ENTITY xxe SYSTEM "file://{secret}">]>
<article><front><article-meta><title-group><article-title>Evil &xxe;</article-title></title-group>
</article-meta></front><body><p>Read here.</p></body></article>""", encoding="utf-8")
    article = read_documents(path)[0]
    assert "TOPSECRET" not in article.text and article.title == "Evil"
    named = tmp_path / "named.xml"  # entities a DTD would define: never loaded, taken from HTML's table
    named.write_text("""<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving DTD v1.1//EN"
 "http://jats.nlm.nih.gov/archiving/1.1/JATS-archivearticle1.dtd">
<article><front><article-meta/></front><body><p>One&nbsp;two&mdash;three.</p></body></article>""",
                     encoding="utf-8")
    assert "One two—three." in read_documents(named)[0].text


def test_an_entity_bomb_is_refused_quickly(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 5}">' for i in range(1, 12))
    path = tmp_path / "bomb.xml"
    path.write_text(f"""<?xml version="1.0"?>\n<!DOCTYPE article [<!ENTITY l0 "lol">{laughs}]>
<article><front><article-meta/></front><body><p>&l11;</p></body></article>""", encoding="utf-8")
    with pytest.raises(InputError, match=r"bomb.xml:\d+: is not well-formed XML: Maximum entity"):
        read_documents(path)


def test_jats_without_article_meta_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bare.xml"
    path.write_text("<article><body><p>x</p></body></article>", encoding="utf-8")
    with pytest.raises(InputError, match="without <front>/<article-meta>"):
        read_documents(path)


@pytest.mark.parametrize(("name", "markers"), [("elife00240.xml", 8), ("elife09853.xml", 10)])
def test_rendered_text_with_its_bib_resolves_every_citation_once(tmp_path: Path, name: str,
                                                                 markers: int) -> None:
    """The text route with a .bib: the printed list's entries that the .bib holds are not a second
    candidate for "(Price et al., 1980)" (that made every author–year citation ambiguous), even
    when two entries share their authors and year (Han et al., 2012 / Kato et al., 2012)."""
    from ingest.pipeline import ingest_paths

    article = read_documents(CORPUS / "jats" / name)[0]
    text, bibtex = render_text(article)
    (tmp_path / "paper.md").write_text(text, encoding="utf-8")
    (tmp_path / "paper.bib").write_text(bibtex, encoding="utf-8")
    result = ingest_paths([tmp_path / "paper.md"], [tmp_path / "paper.bib"])
    assert result.unresolved == []
    cited = [r for r in result.batch.relationships if r.type == "CITES" and r.start.startswith("evidence:")]
    assert len(cited) == len(article.citations) == markers


def test_an_entry_printed_as_a_remark_or_a_bare_link_stays_in_the_printed_list(tmp_path: Path) -> None:
    """RSTA prints '101. Unwetterklimatologie: Starkregen. www.dwd.de/… (accessed 30 April 2020)' as
    a <comment> in a mixed-citation, Scientific Reports '107. https://www.aptagen.com/' as a bare
    <ext-link>: both are entries of the list a reader sees, so the rendered list keeps its numbering."""
    back = ('<ref-list><ref id="r1"><label>1</label><mixed-citation publication-type="std"><comment>'
            'Unwetterklimatologie: Starkregen. <uri>www.dwd.de/starkregen.html</uri>. '
            '(accessed 30 April 2020)'
            '</comment>.</mixed-citation></ref><ref id="r2"><label>2</label><element-citation '
            'publication-type="other"><ext-link ext-link-type="uri" xlink:href="https://www.aptagen.com/">'
            'https://www.aptagen.com/</ext-link></element-citation></ref>'
            '<ref id="r3"><label>3</label><element-citation publication-type="journal"><person-group>'
            '<name><surname>Vandal</surname><given-names>T</given-names></name></person-group>'
            '<article-title>Downscaling</article-title><source>Theor Appl Climatol</source><year>2019</year>'
            '</element-citation></ref></ref-list>')
    body = ('<p>Heavy rain [<xref ref-type="bibr" rid="r1">1</xref>] was counted '
            '[<xref ref-type="bibr" rid="r3">3</xref>].</p>')
    path = write(tmp_path, body, back=back)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "<article ", '<article xmlns:xlink="http://www.w3.org/1999/xlink" ', 1), encoding="utf-8")
    article = read_documents(path)[0]
    printed = [article.text[b.start:b.end] for b in article.blocks if b.kind == REFERENCES]
    assert len(printed) == 3
    assert printed[0].startswith("Unwetterklimatologie: Starkregen.")
    assert "https://www.aptagen.com/" in printed[1]


def test_a_string_name_prints_its_parts_in_the_publishers_order(tmp_path: Path) -> None:
    """Glossa marks up 'Grosu, Alexander & Koji Hoshi. 2016.' with the second author's given name
    first inside <string-name>: the printed list keeps that order (a <name> prints 'Surname GN')."""
    back = ('<ref-list><ref id="B7"><mixed-citation publication-type="journal"><string-name><surname>Grosu'
            '</surname>, <given-names>Alexander</given-names></string-name> &amp; <string-name>'
            '<given-names>Koji</given-names> <surname>Hoshi</surname></string-name>. <year>2016</year>. '
            '<article-title>Japanese internally headed relatives</article-title>. <source>Glossa</source> '
            '<volume>1</volume>(<issue>1</issue>). 1–31.</mixed-citation></ref></ref-list>')
    body = '<p>As shown by <xref ref-type="bibr" rid="B7">Grosu &amp; Hoshi (2016)</xref>.</p>'
    article = read_documents(write(tmp_path, body, back=back))[0]
    [entry] = [article.text[b.start:b.end] for b in article.blocks if b.kind == REFERENCES]
    assert entry.startswith("Grosu, Alexander & Koji Hoshi. 2016. Japanese internally headed relatives.")
    assert [(p.family, p.given) for p in article.references[0].authors] == [("Grosu", "Alexander"),
                                                                           ("Hoshi", "Koji")]


def test_loose_names_after_the_title_are_the_volumes_editors_not_authors(tmp_path: Path) -> None:
    """Glossa's mixed-citations hold their names loose, without <person-group>: 'Sheehan, Michelle.
    2013a. Explaining the constraint. In Biberauer, Theresa & Sheehan, Michelle (eds.), …' is by
    Sheehan alone, so 'Sheehan 2013a' is not read as a two-author work."""
    name = '<string-name><surname>{0}</surname>, <given-names>{1}</given-names></string-name>'
    back = ('<ref-list><ref id="B115"><mixed-citation publication-type="book">'
            + name.format("Sheehan", "Michelle") + '. <year>2013a</year>. <chapter-title>Explaining the '
            'constraint</chapter-title>. In ' + name.format("Biberauer", "Theresa") + ' &amp; '
            + name.format("Sheehan", "Michelle") + ' (eds.), <source>Disharmonic word orders</source>, '
            '<fpage>407</fpage>–<lpage>468</lpage>. <publisher-loc>Oxford</publisher-loc>: '
            '<publisher-name>OUP</publisher-name>.</mixed-citation></ref></ref-list>')
    body = '<p>See <xref ref-type="bibr" rid="B115">Sheehan 2013a</xref>.</p>'
    [ref] = read_documents(write(tmp_path, body, back=back))[0].references
    assert [p.family for p in ref.authors] == ["Sheehan"]
    assert "Biberauer" in ref.fields["editor"] and "Biberauer" not in ref.fields.get("author", "")


def test_a_printed_et_al_the_structured_citation_drops_marks_more_authors(tmp_path: Path) -> None:
    """Redalyc prints "ROSLER, R. et al." in the mixed-citation and names Rosler alone in the
    element-citation: the work has more authors. An "et al." inside the title says nothing of them."""
    def ref(rid: str, printed: str, title: str) -> str:
        return (f'<ref id="{rid}"><mixed-citation>{printed}</mixed-citation><element-citation '
                'publication-type="journal"><person-group person-group-type="author"><name><surname>ROSLER'
                f'</surname><given-names>R.</given-names></name></person-group><article-title>{title}'
                '</article-title><source>Rev Arg Neuroc</source><year>2008</year></element-citation></ref>')
    back = ("<ref-list>"
            + ref("cut", "ROSLER, R. et al. La pasividad. Rev Arg, 2008.", "La pasividad")
            + ref("alone", "ROSLER, R. A reply to Smith et al. Rev Arg, 2008.", "A reply to Smith et al")
            + "</ref-list>")
    article = read_documents(write(tmp_path, "<p>Seen (Rosler, 2008).</p>", back=back))[0]
    assert {r.key: r.others for r in article.references} == {"cut": True, "alone": False}
