"""Blog-text classes of eval-blind-11's first run (the 23rd stop), each on texts of its own:

1. a reference list's lines and a page's structure are no claims: wiki section headings
   ("== Replications ==") are headings, and "== References ==" opens the list; Wikipedia's
   back-linked entries ("^ a b Rauscher, F. H. (1993). …"), a group author's APA entry ("Institute
   of Medicine (2015). …", "World Bank. (2018). …") and a dated one ("Hickel, J. (2019, January
   29). …") are reference lines; "Sources I used:", "My sources:", "REFERENCES MENTIONED" head a list;
2. a hyperlink whose address is a listed work's DOI (or URL) cites that work, whatever its anchor
   text says ("<a href="https://doi.org/…">Blakemore and colleagues</a>");
3. a work cited earlier, named again by a definite description: "In that atlas, …" right after the
   sentence citing "The new world atlas of …" (a noun of the title after "that"/"the same"); "The
   star-counting study" for the work whose citing sentence says who "counted visible stars" (lower-case
   words used around one work, inflections aside); and an HTML comment whose first paragraph only
   names its writer and date ("<p class="who">Álvaro Benítez · 3 de marzo de 2025</p>") is a comment;
   a book club's account of the book: "The authors blame …", "Rosling also reminds us that …" (blame
   and remind report, as attribute and note do), and an author who leads several works stands for the
   one of them cited nearby.

Also (eval-blind-10): a particle may open a family name of two words, "(del Pozo Cruz et al., 2022a)",
"(Kingma & van Marken Lichtenbelt, 2015)"; and a line that is only a citation of a two-word family name,
"(Criado Perez, 2019, p. xi)", is a bare citation crediting the quotation above it.
"""

from __future__ import annotations

from pathlib import Path

from ingest.citations import build_index
from ingest.citations.resolver import normal_address, resolve_address
from ingest.evaluate import predicted_links
from ingest.model import HEADING, REFERENCES, Reference
from ingest.readers import read_documents

BIB = """
@article{okafor2011bees, author = {Okafor, Ngozi and Lindqvist, Per}, year = {2011},
  title = {Bumblebees learn flower colours faster in cool mornings}, journal = {Animal Behaviour},
  doi = {10.1016/j.anbehav.2011.04.002}}
@article{moreau2016hives, author = {Moreau, Claire and Tanaka, Ken and Ruiz, Ana}, year = {2016},
  title = {Hive temperature and forager memory}, journal = {Insectes Sociaux},
  doi = {10.1007/s00040-016-0472-1}}
@report{fao2018pollinators, author = {{Food and Agriculture Organization}}, year = {2018},
  title = {Why bees matter: the importance of bees and other pollinators}, institution = {FAO},
  url = {https://www.fao.org/publications/bees-matter/}}
@misc{pike2020garden, author = {Pike, Tom}, year = {2020}, title = {My garden count},
  howpublished = {Blog post}}
"""


def _write(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (tmp_path / "references.bib").write_text(BIB, encoding="utf-8")
    return path


def _claim_links(path: Path) -> dict[str, list[str]]:
    links, _ = predicted_links(path)
    return {text: sorted(keys) for text, keys in links.items()}


def _of(links: dict[str, list[str]], opening: str) -> list[str]:
    found = [keys for text, keys in links.items() if text.startswith(opening)]
    assert len(found) == 1, (opening, list(links))
    return found[0]


def _kinds(path: Path) -> dict[str, str]:
    article = read_documents(path)[0]
    return {article.text[b.start:b.end]: b.kind for b in article.blocks}


# --- 1. reference lines and structure are no claims ----------------------------------------------

WIKI = """Bumblebee learning
From OpenWikiPedia, the free encyclopedia

== Colour learning ==
Bumblebees learned flower colours faster on cool mornings.[1] Warmer hives slowed forager memory.[2]

== References ==
1. ^ a b Okafor, Ngozi; Lindqvist, Per (2011). "Bumblebees learn flower colours". Anim Behav. 82: 311-318.
2. ^ Moreau, Claire; Tanaka, Ken; Ruiz, Ana (15 March 2016). "Hive temperature and forager memory". 63: 21.

----------------------------------------------------------------------
Talk:Bumblebee learning
----------------------------------------------------------------------

== Sentence on the hive study ==
I have shortened the sentence on hives. --Apis (talk) 10:02, 3 May 2024 (UTC)
"""


def test_wiki_section_headings_are_headings_and_open_the_reference_list(tmp_path):
    path = _write(tmp_path, WIKI, "bees-wiki.txt")
    kinds = _kinds(path)
    assert kinds["Colour learning"] == HEADING
    assert kinds["References"] == HEADING
    assert kinds["Sentence on the hive study"] == HEADING
    entries = [line[3:] for line in WIKI.splitlines() if line.startswith(("1. ^", "2. ^"))]
    assert [kinds[entry] for entry in entries] == [REFERENCES, REFERENCES]
    links = _claim_links(path)
    assert not any("==" in text or text.startswith("^") for text in links)
    assert _of(links, "Bumblebees learned flower colours") == ["okafor2011bees"]
    assert _of(links, "Warmer hives slowed") == ["moreau2016hives"]


def test_a_line_between_equal_signs_needs_the_same_number_on_both_sides(tmp_path):
    text = ("Notes from the apiary\n\nBumblebees learned flower colours faster on cool mornings "
            "(Okafor & Lindqvist, 2011).\n== our hives =\nA score of 2 == 2 is no heading either.\n")
    kinds = _kinds(_write(tmp_path, text, "apiary.txt"))
    assert HEADING not in {kinds.get("== our hives ="), kinds.get("our hives")}


def test_a_wikipedia_back_linked_entry_is_a_reference_line_without_a_heading(tmp_path):
    text = ("Bees in spring\n\nBumblebees learned flower colours faster on cool mornings.[1]\n\n"
            "1. ^ a b c Okafor, Ngozi; Lindqvist, Per (2011). \"Bumblebees learn flower colours faster in "
            "cool mornings\". Animal Behaviour. 82 (2): 311-318.\n")
    path = _write(tmp_path, text, "spring.txt")
    assert _kinds(path)[text.splitlines()[-1][3:]] == REFERENCES
    links = _claim_links(path)
    assert list(links) == ["Bumblebees learned flower colours faster on cool mornings.[1]"]


LISTS = """Do bees remember cold mornings?

Bumblebees learned flower colours faster on cool mornings (Okafor & Lindqvist, 2011). Pollinators
are worth billions to farming (Food and Agriculture Organization, 2018).

Warm hives slowed forager memory (Moreau et al., 2016).

Sources I used:
- Food and Agriculture Organization (2018). Why bees matter: the importance of bees. Rome: FAO.
- Okafor, N., & Lindqvist, P. (2011). Bumblebees learn flower colours. Animal Behaviour, 82, 311-318.

REFERENCES MENTIONED
Moreau, C., Tanaka, K., & Ruiz, A. (2016, March 15). Hive temperature and forager memory. Insectes Sociaux.
Food and Agriculture Organization. (2018). Why bees matter. Rome: FAO.
"""


def test_a_list_under_sources_i_used_or_references_mentioned_holds_no_claim(tmp_path):
    path = _write(tmp_path, LISTS, "cold.txt")
    kinds = _kinds(path)
    assert kinds["Sources I used:"] == HEADING
    assert kinds["REFERENCES MENTIONED"] == HEADING
    for line in LISTS.splitlines()[8:10] + LISTS.splitlines()[12:14]:
        assert kinds[line.removeprefix("- ")] == REFERENCES, line
    links = _claim_links(path)
    assert not any("Rome: FAO" in text or "Insectes Sociaux," in text for text in links)
    assert _of(links, "Warm hives slowed") == ["moreau2016hives"]


def test_my_sources_heads_a_list_too(tmp_path):
    text = ("Cold bees\n\nBumblebees learned flower colours faster on cool mornings "
            "(Okafor & Lindqvist, 2011).\n\n"
            "My sources:\nFood and Agriculture Organization (2018). Why bees matter. Rome: FAO.\n")
    kinds = _kinds(_write(tmp_path, text, "mine.txt"))
    assert kinds["My sources:"] == HEADING
    assert kinds["Food and Agriculture Organization (2018). Why bees matter. Rome: FAO."] == REFERENCES


def test_a_group_authors_entry_is_a_reference_line_but_prose_with_a_year_is_not(tmp_path):
    text = ("Bees and money\n\n"
            "Food and Agriculture Organization (2018). Why bees matter. Rome: FAO.\n\n"
            "UN FAO (Food and Agriculture Organization of the UN). (2018). Why bees matter. Rome.\n\n"
            "See Okafor (2011). It shows that bumblebees learned colours faster on cool mornings.\n\n"
            "Okafor (2011) showed that bumblebees learned colours faster on cool mornings.\n")
    kinds = _kinds(_write(tmp_path, text, "money.txt"))
    lines = text.splitlines()
    assert kinds[lines[2]] == REFERENCES
    assert kinds[lines[4]] == REFERENCES
    assert kinds[lines[6]] != REFERENCES
    assert kinds[lines[8]] != REFERENCES


# --- 2. a link to a listed work's DOI or URL cites it --------------------------------------------

EXPLAINER = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Why do bees like cool mornings?</title>
</head>
<body><article><h1>Why do bees like cool mornings?</h1>
<p>Watch a bumblebee at dawn and it seems slow. Yet <a href="https://doi.org/10.1016/J.ANBEHAV.2011.04.002">Ngozi
Okafor and her colleague in Uppsala</a> found that bumblebees learned flower colours faster on cool mornings.
They trained the bees with sugar water on coloured discs.</p>
<p>Warm hives seem to work the other way: <a
href="https://link.springer.com/doi/10.1007/s00040-016-0472-1">foragers
from heated boxes forgot the colours sooner</a>. Nobody knows yet whether wild colonies do the same.</p>
<p>Pollinators are worth billions to farming, as <a href="http://fao.org/publications/bees-matter">a United
Nations
report</a> explains.</p>
<p><a href="https://en.wikipedia.org/wiki/Bumblebee">Bumblebees</a> are large and hairy.</p>
<p>Hive warmth also mattered in the lab (Moreau et al., 2016), as <a href="https://doi.org/10.1007/s00040-016-0472-1">that
paper</a> shows.</p>
<h2>Sources</h2><ul>
<li>Okafor, N., &amp; Lindqvist, P. (2011). Bumblebees learn flower colours faster in cool mornings.
Animal Behaviour, 82, 311-318.</li>
<li>Moreau, C., Tanaka, K., &amp; Ruiz, A. (2016). Hive temperature and forager memory. Insectes Sociaux, 63,
21-29.</li>
<li>Food and Agriculture Organization (2018). Why bees matter. Rome: FAO.</li>
</ul></article></body></html>
"""


def test_the_html_reader_keeps_links_out_of_the_page_as_spans_of_its_text(tmp_path):
    article = read_documents(_write(tmp_path, EXPLAINER, "bees.html"))[0]
    shown = {article.text[link.start:link.end]: link.href for link in article.links}
    assert shown["Ngozi Okafor and her colleague in Uppsala"] == "https://doi.org/10.1016/J.ANBEHAV.2011.04.002"
    assert shown["Bumblebees"] == "https://en.wikipedia.org/wiki/Bumblebee"
    assert "a United Nations report" in shown


def test_a_link_to_a_listed_works_doi_or_url_cites_it(tmp_path):
    links = _claim_links(_write(tmp_path, EXPLAINER, "bees.html"))
    assert _of(links, "Yet Ngozi Okafor and her colleague") == ["okafor2011bees"]
    assert _of(links, "They trained the bees") == ["okafor2011bees"]  # the account it opens goes on
    assert _of(links, "Warm hives seem to work the other way") == ["moreau2016hives"]  # a /doi/ path
    assert _of(links, "Pollinators are worth billions") == ["fao2018pollinators"]  # the URL field
    assert _of(links, "Bumblebees are large and hairy") == []  # a link to anything else cites nothing
    assert _of(links, "Watch a bumblebee at dawn") == []


def test_a_link_to_a_work_the_sentence_already_cites_adds_no_second_evidence(tmp_path):
    from ingest.pipeline import ingest_paths

    path = _write(tmp_path, EXPLAINER, "bees.html")
    batch = ingest_paths([path], [tmp_path / "references.bib"]).batch
    markers = [n.props.get("text", "") for n in batch.nodes if n.id.startswith("evidence:")]
    assert sum("Moreau et al., 2016" in m or m == "that paper" for m in markers) == 1


def test_without_the_link_the_anchor_text_alone_cites_nothing(tmp_path):
    plain = EXPLAINER.replace('href="https://doi.org/10.1016/J.ANBEHAV.2011.04.002"', 'href="#top"')
    links = _claim_links(_write(tmp_path, plain, "bees.html"))
    assert _of(links, "Yet Ngozi Okafor and her colleague") == []


def test_a_link_in_a_reader_comment_cites_too(tmp_path):
    page = EXPLAINER.replace("</article>", """</article>
<div class="comment"><p class="comment-meta"><strong>Ines Vogt</strong> · 4 March 2025</p>
<p>The <a href="https://doi.org/10.1007/s00040-016-0472-1">heated-box experiment</a> used only three
colonies.</p>
</div>""")
    path = _write(tmp_path, page, "bees.html")
    comment = read_documents(path)[1]
    assert [comment.text[link.start:link.end] for link in comment.links] == ["heated-box experiment"]
    assert _of(_claim_links(path), "The heated-box experiment used only") == ["moreau2016hives"]


def test_addresses_are_compared_in_one_form():
    assert normal_address("https://doi.org/10.1038/2870") == "doi:10.1038/2870"
    assert normal_address("http://dx.doi.org/10.1038/2870.") == "doi:10.1038/2870"
    assert normal_address("doi:10.1038/2870") == "doi:10.1038/2870"
    publisher = "https://onlinelibrary.wiley.com/doi/full/10.1111/CDEV.1?af=R"
    assert normal_address(publisher) == "doi:10.1111/cdev.1"
    assert normal_address("https://www.who.int/news/item/1/#top") == "who.int/news/item/1"
    assert normal_address("#ref1") == ""
    assert normal_address("/about") == ""


def test_an_address_two_references_share_names_neither():
    refs = [Reference("a2001", "article", {"doi": "10.1/x", "title": "A", "year": "2001"}, []),
            Reference("b2001", "article", {"doi": "10.1/X", "title": "B", "year": "2001"}, []),
            Reference("c2002", "article", {"url": "https://c.org/p", "title": "C", "year": "2002"}, [])]
    index = build_index(refs, [])
    assert resolve_address(index, "https://doi.org/10.1/x") is None
    assert resolve_address(index, "http://www.c.org/p/") == "c2002"


# --- 3. a work cited earlier, named by a definite description ------------------------------------

ATLAS_BIB = """
@article{grau2016atlas, author = {Grau, Marta and Osei, Kofi}, year = {2016},
  title = {A new atlas of night-time noise in European cities}, journal = {Noise and Health}}
@article{lund2021counts, author = {Lund, Ida and Berg, Ola}, year = {2021},
  title = {Volunteers report rising traffic noise from 2010 to 2020}, journal = {Applied Acoustics}}
@article{park2019sleep, author = {Park, Jin}, year = {2019},
  title = {Night noise and sleep in older adults}, journal = {Sleep Health}}
"""

NOISE = """How loud are our nights?

The new atlas found that two in three city dwellers sleep above the noise limit (Grau & Osei, 2016).
In that atlas, Madrid and Rome are the loudest capitals.

Older adults woke more often on noisy nights (Park, 2019). In that study the noise came mostly
from buses.

Volunteers who measured street noise with their phones found it rose every year (Lund & Berg, 2021).

## 2 comments

**Ana Ruiz** · 3 March 2025

The noise-measuring study is the one I show my students.

**Tom Berg** · 4 March 2025

The sleep study surprised me.
"""


def _noise(tmp_path: Path) -> dict[str, list[str]]:
    path = tmp_path / "noise.md"
    path.write_text(NOISE, encoding="utf-8")
    (tmp_path / "references.bib").write_text(ATLAS_BIB, encoding="utf-8")
    return _claim_links(path)


def test_that_and_a_noun_of_the_title_cited_just_before_points_back_to_it(tmp_path):
    links = _noise(tmp_path)
    assert _of(links, "In that atlas, Madrid and Rome") == ["grau2016atlas"]


def test_that_and_a_noun_the_title_does_not_hold_points_back_to_nothing(tmp_path):
    text = NOISE.replace("In that atlas, Madrid", "In that city, Madrid")
    links = _noise_text(tmp_path, text)
    assert _of(links, "In that city, Madrid") == []


def _noise_text(tmp_path: Path, text: str) -> dict[str, list[str]]:
    path = tmp_path / "noise.md"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "references.bib").write_text(ATLAS_BIB, encoding="utf-8")
    return _claim_links(path)


def test_lower_case_words_used_around_one_work_name_it_inflections_aside(tmp_path):
    links = _noise(tmp_path)
    assert _of(links, "The noise-measuring study is the one") == ["lund2021counts"]


def test_one_lower_case_word_is_no_nickname(tmp_path):
    links = _noise(tmp_path)
    assert _of(links, "The sleep study surprised me.") == []


CLUB_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Noisy nights</title></head><body>
<article><h1>Noisy nights</h1>
<p>Volunteers who measured street noise with their phones found it rose every year (Lund &amp; Berg, 2021).
Older adults woke more often on noisy nights (Park, 2019).</p>
<p>We measured our own street in 2024, and it was louder than the park by far.</p>
<section class="comments"><h3>2 comentarios</h3>
<div class="comment"><p class="who">Álvaro Benítez · 3 de marzo de 2025</p>
<p>Gracias. The noise-measuring study is the one I show my students, because anyone can join it.</p></div>
<div class="comment"><p class="who">The sleep question · is still open in 2025</p>
<p>Nobody asked the buses.</p></div>
</section></article></body></html>
"""


def test_an_html_comment_whose_first_paragraph_names_writer_and_date_is_a_comment(tmp_path):
    path = tmp_path / "club.html"
    path.write_text(CLUB_PAGE, encoding="utf-8")
    (tmp_path / "references.bib").write_text(ATLAS_BIB, encoding="utf-8")
    documents = read_documents(path)
    assert [d.author for d in documents[1:]] == ["Álvaro Benítez"]  # "The sleep question" is nobody
    assert "3 de marzo" not in documents[1].text
    assert _of(_claim_links(path), "The noise-measuring study is the one") == ["lund2021counts"]


BOOK_BIB = """
@book{lind2018numbers, author = {Lind, Hanna and Lind, Olle}, year = {2018},
  title = {Numbers: why the world is better than you think}, publisher = {Sceptre}}
@book{lind2021later, author = {Lind, Hanna}, year = {2021}, title = {How I learned to count},
  publisher = {Sceptre}}
@book{marsh2019fear, author = {Marsh, Peter}, year = {2019}, title = {Fear of the future},
  publisher = {Viking}}
"""

BOOK_CLUB = ("THE TUESDAY READERS\n\nWHAT THE BOOK SAYS\n\n"
             "Most people did worse than chance on the book's opening quiz (Lind & Lind, 2018). The authors "
             "blame our instincts for the gloom. Lind also reminds us that child deaths have fallen in every "
             "region.\n\nOur host Marsh found the chapters on fear repetitive.\n")


def _book_club(tmp_path: Path, text: str = BOOK_CLUB) -> dict[str, list[str]]:
    path = tmp_path / "club.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "references.bib").write_text(BOOK_BIB, encoding="utf-8")
    return _claim_links(path)


def test_the_authors_blame_and_the_author_reminds_us_report_the_book(tmp_path):
    links = _book_club(tmp_path)
    assert _of(links, "The authors blame our instincts") == ["lind2018numbers"]
    assert _of(links, "Lind also reminds us that") == ["lind2018numbers"]  # Lind leads two works


def test_an_author_of_several_works_none_cited_nearby_stands_for_none(tmp_path):
    text = BOOK_CLUB.replace("(Lind & Lind, 2018)", "(everyone agreed)")
    links = _book_club(tmp_path, text)
    assert _of(links, "Lind also reminds us that") == []


# --- a family name of two words after a particle (eval-blind-10) ---------------------------------

PARTICLE_BIB = """
@article{delpozocruz2022steps, author = {del Pozo Cruz, Borja and Ahmadi, Matthew and Stamatakis, Emmanuel},
  year = {2022}, title = {Daily steps and dementia}, journal = {JAMA Neurology}}
@article{kingma2015office, author = {Kingma, Boris and van Marken Lichtenbelt, Wouter}, year = {2015},
  title = {Energy consumption in buildings and female thermal demand}, journal = {Nature Climate Change}}
@article{dewaal2009age, author = {de Waal, Frans}, year = {2009}, title = {The age of empathy},
  journal = {Harmony}}
@book{criadoperez2019invisible, author = {Criado Perez, Caroline}, year = {2019},
  title = {Invisible women}, publisher = {Chatto and Windus}}
"""


def _particles(tmp_path: Path, text: str) -> dict[str, list[str]]:
    path = tmp_path / "steps.txt"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "references.bib").write_text(PARTICLE_BIB, encoding="utf-8")
    return _claim_links(path)


def test_a_particle_may_open_a_family_name_of_two_words(tmp_path):
    links = _particles(tmp_path, "Steps and offices\n\n"
                       "About 9,800 steps a day went with less dementia (del Pozo Cruz et al., 2022). "
                       "Office thermostats follow a formula based on men "
                       "(Kingma & van Marken Lichtenbelt, 2015). "
                       "Apes console each other (de Waal, 2009).\n")
    assert _of(links, "About 9,800 steps a day") == ["delpozocruz2022steps"]
    assert _of(links, "Office thermostats follow") == ["kingma2015office"]
    assert _of(links, "Apes console each other") == ["dewaal2009age"]


def test_a_particle_and_two_capitalised_words_in_prose_are_no_family_name(tmp_path):
    links = _particles(tmp_path, "Museums\n\nThe van Gogh Museum opened in 1973 and de Waal Hall was full.\n")
    assert _of(links, "The van Gogh Museum opened") == []


def test_a_citation_line_of_a_two_word_family_name_credits_the_quote_above(tmp_path):
    path = tmp_path / "review.md"
    path.write_text("# Review\n\nShe opens with a line that sets the tone:\n\n"
                    "> Most of recorded human history is one big data gap.\n\n"
                    "(Criado Perez, 2019, p. xi)\n", encoding="utf-8")
    (tmp_path / "references.bib").write_text(PARTICLE_BIB, encoding="utf-8")
    links = _claim_links(path)
    assert _of(links, "Most of recorded human history") == ["criadoperez2019invisible"]
    assert not any(text.startswith("(Criado Perez") for text in links)
