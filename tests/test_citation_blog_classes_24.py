"""Blog-text classes of eval-blind-12 (the 24th stop), each on texts of its own:

1. an annotated reading list: the note printed on the lines under a reference entry describes that
   entry's work, so each of its sentences is a claim citing it ("Moreau and colleagues warmed hives
   …" under "2. Moreau, C., … (2016). Hive temperature …"); advice on reading it ("Chapters 2–3 are
   enough.") cites nothing; the rest of a wrapped entry ("Insectes Sociaux, 63(2), 201–210.") is no note;
2. numbered paragraphs of a consultation response or a report, set line under line ("3.2 … (Moreau et
   al., 2016).\n3.3 That study also found …"): the points of one paragraph (a carried account runs on
   across them), each paragraph's number no word of its claim; "1.5 million hives …" keeps its number;
3. persons named with their given names in a narrative citation, "Claire Moreau and Ken Tanaka (2016)"
   (before, only "Tanaka (2016)" was read, unresolved): a first word is a given name when it is the
   given name of the entry's author at that place ("Mark Tanaka" is not Ken Tanaka);
4. an e-mail newsletter laid out in a table (`<table><tr><td>` around the whole issue): the headings
   and paragraphs inside the cell are the page's blocks (before, the whole issue was one paragraph,
   its headings glued into the sentences after them); a data table's row is still one unit.
"""

from __future__ import annotations

from pathlib import Path

from ingest.bibtex import parse_bibtex
from ingest.blocks import annotation_start
from ingest.citations import RefIndex, build_index, find_author_year
from ingest.claims import Unit
from ingest.evaluate import predicted_links
from ingest.model import HEADING, PARAGRAPH, REFERENCES
from ingest.readers import read_documents

BIB = """
@article{okafor2011bees, author = {Okafor, Ngozi and Lindqvist, Per}, year = {2011},
  title = {Bumblebees learn flower colours faster in cool mornings}, journal = {Animal Behaviour}}
@article{moreau2016hives, author = {Moreau, Claire and Tanaka, Ken and Ruiz, Ana}, year = {2016},
  title = {Hive temperature and forager memory}, journal = {Insectes Sociaux}}
@book{pike2020garden, author = {Pike, Tom}, year = {2020}, title = {The bee garden}, publisher = {Leaf Press}}
"""

READING_LIST = (
    "BEES AND MEMORY: AN ANNOTATED READING LIST\n\nREADINGS\n\n"
    "1. Okafor, N., & Lindqvist, P. (2011). Bumblebees learn flower colours faster in cool mornings. "
    "Animal Behaviour, 82(2), 311–318.\n"
    "   Okafor and Lindqvist trained bees on coloured feeders at three air temperatures. Bees learned a new "
    "colour in half the visits on cool mornings. Chapters 2–3 of the thesis behind it are enough.\n\n"
    "2. Moreau, C., Tanaka, K., & Ruiz, A. (2016). Hive temperature and forager memory.\n"
    "   Insectes Sociaux, 63(2), 201–210.\n"
    "   Moreau and colleagues warmed hives by two degrees and found that foragers forgot feeder places "
    "sooner. They suggest that heatwaves may cost colonies more than food alone.\n\n"
    "3. Pike, T. (2020). The bee garden. Leaf Press.\n"
    "   A practical book by a gardener who counted the bees on his own plot for ten summers.\n"
)


def _write(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (tmp_path / "references.bib").write_text(BIB, encoding="utf-8")
    return path


def _claim_links(path: Path) -> dict[str, list[str]]:
    links, _ = predicted_links(path)
    return {text: sorted(keys) for text, keys in links.items()}


def _linked(links: dict[str, list[str]], words: str) -> list[str]:
    matches = [keys for text, keys in links.items() if words in text]
    assert len(matches) == 1, (words, sorted(links))
    return matches[0]


def test_note_under_an_entry_is_its_own_paragraph(tmp_path: Path) -> None:
    doc = read_documents(_write(tmp_path, READING_LIST, "list.txt"))[0]
    notes = [b for b in doc.blocks if b.annotation]
    assert [doc.text[b.start:b.end].split()[0] for b in notes] == ["Okafor", "Moreau", "A"]
    for note in notes:
        entry = doc.blocks[doc.blocks.index(note) - 1]
        assert note.kind == PARAGRAPH and entry.kind == REFERENCES
    moreau_entry = doc.blocks[doc.blocks.index(notes[1]) - 1]
    assert doc.text[moreau_entry.start:moreau_entry.end].endswith("63(2), 201–210.")


def test_each_sentence_of_a_note_cites_its_entry(tmp_path: Path) -> None:
    links = _claim_links(_write(tmp_path, READING_LIST, "list.txt"))
    assert _linked(links, "trained bees on coloured feeders") == ["okafor2011bees"]
    assert _linked(links, "Bees learned a new colour in half the visits") == ["okafor2011bees"]
    assert _linked(links, "warmed hives by two degrees") == ["moreau2016hives"]
    assert _linked(links, "They suggest that heatwaves") == ["moreau2016hives"]
    assert _linked(links, "A practical book by a gardener") == ["pike2020garden"]


def test_reading_advice_in_a_note_cites_nothing(tmp_path: Path) -> None:
    links = _claim_links(_write(tmp_path, READING_LIST, "list.txt"))
    assert _linked(links, "Chapters 2–3 of the thesis") == []


def test_a_wrapped_entry_is_no_note(tmp_path: Path) -> None:
    text = ("REFERENCES\n\n"
            "Okafor, N., & Lindqvist, P. (2011). Bumblebees learn flower colours faster in cool\n"
            "    mornings. Animal Behaviour, 82(2), 311–318.\n\n"
            "Moreau, C., Tanaka, K., & Ruiz, A. (2016).\n"
            "    Hive temperature and forager memory. Insectes Sociaux, 63(2), 201–210.\n")
    path = _write(tmp_path, text, "refs.txt")
    doc = read_documents(path)[0]
    assert not any(b.annotation for b in doc.blocks)
    assert _claim_links(path) == {}


def test_annotation_start_needs_a_whole_entry_and_prose() -> None:
    entry = "Pike, T. (2020). The bee garden. Leaf Press."
    note = "A practical book by a gardener who counted the bees on his plot."
    text = f"{entry}\n   {note}"
    assert annotation_start(text, 0, len(text)) == len(entry) + 1
    short = f"{entry}\n   Skim only."
    assert annotation_start(short, 0, len(short)) is None  # too short to describe the work
    unfinished = f"Pike, T. (2020). The bee garden: how a gardener who counted\n   {note}"
    assert annotation_start(unfinished, 0, len(unfinished)) is None  # the entry runs on


def test_markdown_list_with_notes(tmp_path: Path) -> None:
    text = ("# Further reading\n\n"
            "- Moreau, C., Tanaka, K., & Ruiz, A. (2016). Hive temperature and forager memory. "
            "*Insectes Sociaux*.\n"
            "  Moreau and colleagues warmed hives by two degrees and found that foragers forgot sooner.\n")
    links = _claim_links(_write(tmp_path, text, "list.md"))
    assert _linked(links, "warmed hives by two degrees") == ["moreau2016hives"]


CONSULTATION = (
    "RESPONSE TO THE CONSULTATION ON POLLINATORS\n\n"
    "2. SUMMARY\n\n"
    "2.1 We support the plan.\n"
    "2.2 We believe it should start this year.\n\n"
    "3. QUESTION 1: DOES HEAT HARM BEES?\n\n"
    "3.1 Yes, and the evidence has grown quickly over the last ten years in several countries.\n"
    "3.2 Warming hives by two degrees made foragers forget the places of their feeders sooner, in each of "
    "the three summers of the trial (Moreau et al., 2016).\n"
    "3.3 The loss was largest in the oldest foragers of each hive, and it lasted for days after the "
    "hives had cooled down again.\n"
    "3.4 In our own apiaries, keepers report weaker colonies after every hot summer since 2018.\n"
)


def test_numbered_paragraphs_are_one_paragraph_without_their_numbers(tmp_path: Path) -> None:
    path = _write(tmp_path, CONSULTATION, "consultation.txt")
    doc = read_documents(path)[0]
    texts = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == PARAGRAPH]
    assert any(t.startswith("3.1 Yes") and t.endswith("since 2018.") for t in texts)
    links = _claim_links(path)
    assert "We support the plan." in links and "We believe it should start this year." in links
    assert not any(text[:1].isdigit() for text in links)


def test_a_carried_account_runs_on_across_numbered_paragraphs(tmp_path: Path) -> None:
    links = _claim_links(_write(tmp_path, CONSULTATION, "consultation.txt"))
    assert _linked(links, "Warming hives by two degrees") == ["moreau2016hives"]
    assert _linked(links, "The loss was largest in the oldest foragers") == ["moreau2016hives"]
    assert _linked(links, "keepers report weaker colonies") == []


def test_a_decimal_figure_opening_a_line_is_no_paragraph_number(tmp_path: Path) -> None:
    text = ("Bees in the city\n\n"
            "1.5 million hives were lost in the hot summer of 2019 across the country.\n"
            "2.5 times as many were lost in cities as in the countryside around them.\n")
    links = _claim_links(_write(tmp_path, text, "figures.txt"))
    assert any(t.startswith("1.5 million hives") for t in links)
    assert any(t.startswith("2.5 times as many") for t in links)


def _given_name_index() -> RefIndex:
    return build_index(parse_bibtex(BIB), [])


def _markers(sentence: str) -> list[tuple[str, list[str]]]:
    found = find_author_year(sentence, Unit(0, len(sentence), 0, 0), _given_name_index())
    return [(e.marker, e.sources) for e in found]


def test_given_names_before_each_family_are_read() -> None:
    assert _markers("Claire Moreau and Ken Tanaka (2016) warmed hives.") == [
        ("Claire Moreau and Ken Tanaka (2016)", ["moreau2016hives"])]
    assert _markers("Moreau and Ken Tanaka (2016) warmed hives.") == [
        ("Moreau and Ken Tanaka (2016)", ["moreau2016hives"])]
    assert _markers("Ngozi Okafor and Per Lindqvist (2011) trained bees.") == [
        ("Ngozi Okafor and Per Lindqvist (2011)", ["okafor2011bees"])]
    assert _markers("Moreau and Tanaka (2016) warmed hives.") == [
        ("Moreau and Tanaka (2016)", ["moreau2016hives"])]


def test_an_opener_before_the_given_names_is_dropped() -> None:
    assert _markers("Also, Claire Moreau and Ken Tanaka (2016) warmed hives.") == [
        ("Claire Moreau and Ken Tanaka (2016)", ["moreau2016hives"])]


def test_a_given_name_the_entry_lacks_reads_nothing_new() -> None:
    found = _markers("Claire Moreau and Mark Tanaka (2016) warmed hives.")
    assert found == [("Tanaka (2016)", [])]


NEWSLETTER = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>The Hive Digest #3</title></head><body>"
    "<table class='email-wrapper'><tr><td>"
    "<h1>The Hive Digest · Issue #3</h1>"
    "<p>Hello beekeepers! This week is all about heat, because four of you wrote in after the hot spring.</p>"
    "<h2>1. Warm hives forget</h2>"
    "<p>Warming hives by two degrees made foragers forget the places of their feeders sooner "
    "(Moreau et al., 2016). The loss was largest in the oldest foragers.</p>"
    "<h2>2. Cool mornings</h2>"
    "<p>Bees learned a new flower colour in half the visits on cool mornings "
    "(Okafor &amp; Lindqvist, 2011).</p>"
    "<table><tr><td>Temperature</td><td>Visits</td></tr><tr><td>12 °C</td><td>6</td></tr></table>"
    "</td></tr></table></body></html>"
)


def test_a_layout_table_cell_is_laid_out_as_blocks(tmp_path: Path) -> None:
    doc = read_documents(_write(tmp_path, NEWSLETTER, "digest.html"))[0]
    kinds = {doc.text[b.start:b.end]: b.kind for b in doc.blocks}
    assert kinds.get("1. Warm hives forget") == HEADING
    assert kinds.get("2. Cool mornings") == HEADING
    assert "Temperature | Visits" in kinds  # a data table's row stays one unit
    links = _claim_links(_write(tmp_path, NEWSLETTER, "digest.html"))
    assert _linked(links, "Warming hives by two degrees") == ["moreau2016hives"]
    assert not any("Warm hives forget" in text for text in links)
    assert _linked(links, "Bees learned a new flower colour") == ["okafor2011bees"]
