"""Article readers on the bundled demo and on real sample files (txt, Markdown, HTML)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.model import (
    BOILERPLATE,
    BYLINE,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    REFERENCES,
    SIGNOFF,
    TITLE,
    InputError,
    ParsedDocument,
)
from ingest.readers import read_documents
from ingest.segment import split_sentences

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "ingest" / "data" / "trauma-and-relationships.txt"
SAMPLES = Path(__file__).resolve().parent / "data" / "readers"


@pytest.fixture(scope="module")
def demo() -> list[ParsedDocument]:
    return read_documents(DEMO)


def _texts(doc: ParsedDocument, kind: str) -> list[str]:
    return [doc.text[b.start:b.end] for b in doc.blocks if b.kind == kind]


def _assert_exact_spans(doc: ParsedDocument) -> None:
    """Every block and sentence slices the text exactly, trimmed, and sentences sit in their block."""
    for block in doc.blocks:
        piece = doc.text[block.start:block.end]
        assert piece and piece == piece.strip(), (block, piece)
    for sentence in doc.sentences:
        piece = doc.text[sentence.start:sentence.end]
        block = doc.blocks[sentence.block]
        assert piece and piece == piece.strip()
        assert block.start <= sentence.start < sentence.end <= block.end
        assert block.kind in (PARAGRAPH, LIST_ITEM)


def test_demo_article_and_four_comments(demo: list[ParsedDocument]) -> None:
    article, *comments = demo
    assert article.kind == "article" and article.id == "doc:trauma-and-relationships"
    assert article.text == DEMO.read_text(encoding="utf-8") and article.offset == 0
    assert article.title.startswith("Trauma and Relationships: How to Heal")
    assert article.date == "2017-10-11"
    assert article.author == "Dr. Aimie Apigian"
    assert [c.kind for c in comments] == ["comment"] * 4
    assert [(c.author, c.date) for c in comments] == [
        ("Liza Webb", "2017-10-13"), ("Dr. Aimie Apigian", "2017-10-23"),
        ("Nina", "2017-12-08"), ("Dr. Aimie Apigian", "2017-12-10")]
    ids = [c.id for c in comments]
    assert ids == [f"{article.id}#comment-{n}" for n in ("1", "1.1", "2", "2.1")]
    assert [c.parent_id for c in comments] == [article.id, ids[0], article.id, ids[2]]
    assert all(c.root_id == article.id for c in demo)
    assert [d.position for d in demo] == [0, 1, 2, 3, 4]
    assert comments[0].title == "Comment by Liza Webb"


def test_demo_comment_text_is_the_exact_body_slice(demo: list[ParsedDocument]) -> None:
    file_text = DEMO.read_text(encoding="utf-8")
    for comment in demo[1:]:
        assert file_text[comment.offset:comment.offset + len(comment.text)] == comment.text
        assert "Reply" not in comment.text.splitlines()[0]
    assert demo[1].text.startswith("This resonates with me")
    assert demo[1].text.endswith("not merely survive.")
    assert demo[4].text.endswith("Encouraging You On ~ Dr. Aimie")
    for doc in demo:
        _assert_exact_spans(doc)


def test_demo_article_blocks_stop_before_the_thread(demo: list[ParsedDocument]) -> None:
    article = demo[0]
    claim_bearing = [b for b in article.blocks if b.kind in (PARAGRAPH, LIST_ITEM)]
    thread_start = article.text.index("1. Liza Webb")
    assert all(b.end < thread_start for b in claim_bearing)
    assert not any("resonates" in article.text[b.start:b.end] for b in article.blocks)


def test_demo_list_items_point_to_their_lead_in(demo: list[ParsedDocument]) -> None:
    article = demo[0]
    items = [b for b in article.blocks if b.kind == LIST_ITEM]
    assert len(items) == 7
    assert article.text[items[1].start:items[1].end] == "Less likely to get married"
    lead = article.blocks[items[0].lead_in]
    assert lead.kind == PARAGRAPH
    assert article.text[lead.start:lead.end].endswith("they found the following relationship patterns:")
    assert {b.lead_in for b in items} == {items[0].lead_in}
    item_sentences = [s for s in article.sentences if article.blocks[s.block].kind == LIST_ITEM]
    assert len(item_sentences) == 7


def test_demo_headings_and_closing_matter(demo: list[ParsedDocument]) -> None:
    article = demo[0]
    headings = _texts(article, HEADING)
    assert "Trauma and its Impact on Relationships" in headings
    assert "Step 1: Rebuilding a Basic Sense of Safety" in headings
    assert _texts(article, TITLE) == [article.title]
    assert _texts(article, BYLINE) == ["By | 2017-11-12T20:21:47+00:00 October 11th, 2017|"]
    paragraphs = _texts(article, PARAGRAPH)
    for closing in ("Dr. Aimie", "To Health and Healing ~", "Leave A Comment"):
        assert closing not in paragraphs and closing not in headings
    assert not any(p.startswith(("P.S.", "Herman, Judith", "Jordan, B. K.")) for p in paragraphs)
    assert {"To Health and Healing ~", "Dr. Aimie"} <= set(_texts(article, SIGNOFF))
    assert [r[:10] for r in _texts(article, REFERENCES)] == ["Herman, Ju", "Jordan, B."]
    assert "Leave A Comment" in _texts(article, BOILERPLATE)


def test_demo_sections_follow_headings(demo: list[ParsedDocument]) -> None:
    article = demo[0]
    first = next(b for b in article.blocks if b.kind == PARAGRAPH)
    assert first.section == ""
    safety = next(b for b in article.blocks
                  if article.text[b.start:b.end].startswith("Rebuilding a basic sense of safety is"))
    assert safety.section == "Step 1: Rebuilding a Basic Sense of Safety"


def test_demo_sentences(demo: list[ParsedDocument]) -> None:
    article = demo[0]
    sentences = [article.text[s.start:s.end] for s in article.sentences]
    assert "All trauma results in a feeling of being isolated from others." in sentences
    assert ("Dr. Judith Herman states in her book, Trauma and Recovery, “One of the effects of a "
            "traumatic event a person’s sense of self is broken.”") in sentences
    assert "This is the beginning of autonomy!" in sentences
    reply = demo[4]
    reply_sentences = [reply.text[s.start:s.end] for s in reply.sentences]
    assert "Nina, I love your honest reaction!" in reply_sentences


@pytest.mark.parametrize(("text", "expected"), [
    ("Jordan, B. K., et al. (1992) found it. Then we left.",
     ["Jordan, B. K., et al. (1992) found it.", "Then we left."]),
    ("See e.g. the U.S. Army study. Dr. Smith agreed.",
     ["See e.g. the U.S. Army study.", "Dr. Smith agreed."]),
    ("He said “no.” Then he left! Why? Because… it rained.",
     ["He said “no.”", "Then he left!", "Why?", "Because… it rained."]),
    ("P.S. You can book a call. It is free.", ["P.S. You can book a call.", "It is free."]),
    ("Don’t misunderstand this concept. many people can.",
     ["Don’t misunderstand this concept.", "many people can."]),
    ('Pollan put it in seven words: "Eat food. Not too much. Mostly plants." I agree.',
     ['Pollan put it in seven words: "Eat food. Not too much. Mostly plants."', "I agree."]),
    ("He said “Eat food. Not too much.” and left. Next.",
     ["He said “Eat food. Not too much.” and left.", "Next."]),
])
def test_sentence_splitter(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == expected


def test_markdown_front_matter_headings_and_list() -> None:
    path = SAMPLES / "gut-feelings.md"
    docs = read_documents(path)
    assert len(docs) == 1
    article = docs[0]
    assert article.id == "doc:gut-feelings"
    assert (article.title, article.author, article.date) == (
        "Gut Feelings: The Microbiome and Mood", "Sam O'Neill", "2022-06-01")
    assert article.url == "https://healthwriter.example.com/blog/gut-feelings"
    assert article.text == path.read_text(encoding="utf-8")
    assert _texts(article, HEADING) == ["What the research says", "What to do", "References"]
    items = [b for b in article.blocks if b.kind == LIST_ITEM]
    assert [article.text[b.start:b.end] for b in items[:1]] == [
        "Diet changes the make-up of the gut microbiome within days."]
    assert len(items) == 5
    assert article.text[article.blocks[items[0].lead_in].start:].startswith("The strongest findings so far:")
    paragraphs = _texts(article, PARAGRAPH)
    assert not any("---" in p or "title:" in p or "print(" in p for p in paragraphs)
    assert "Sam" in _texts(article, SIGNOFF)
    assert _texts(article, REFERENCES)[0].startswith("Cryan, J. F.")
    sentences = [article.text[s.start:s.end] for s in article.sentences]
    assert ("In\nhumans the evidence is thinner, e.g. small trials of probiotics with mixed\n"
            "results.") in sentences
    _assert_exact_spans(article)


def test_html_body_without_boilerplate_and_metadata() -> None:
    article = read_documents(SAMPLES / "sleep-and-memory.html")[0]
    assert article.id == "doc:sleep-and-memory"
    assert article.title == "Sleep and Memory: What the Studies Show"
    assert (article.author, article.date) == ("Maria Jensen", "2021-03-14")
    assert article.url == "https://brainnotes.example.org/posts/sleep-and-memory/"
    for noise in ("Archive of every post", "Subscribe", "Copyright", "Share on Facebook", "<p>", "Leo Park",
                  "nap"):
        assert noise not in article.text
    assert _texts(article, HEADING) == ["What happens during deep sleep", "What you can do"]
    items = [b for b in article.blocks if b.kind == LIST_ITEM]
    assert len(items) == 3
    assert article.text[article.blocks[items[0].lead_in].start:].startswith("The main findings")
    assert any(article.text[s.start:s.end] == "Dr. Walker called it “overnight practice.”"
               for s in article.sentences)
    _assert_exact_spans(article)


def test_html_comments_are_their_own_documents() -> None:
    article, *comments = read_documents(SAMPLES / "sleep-and-memory.html")
    assert [(c.id, c.author, c.date) for c in comments] == [
        (f"{article.id}#comment-1", "Leo Park", "2021-03-15"),
        (f"{article.id}#comment-1.1", "Maria Jensen", "2021-03-16")]
    assert [c.parent_id for c in comments] == [article.id, comments[0].id]
    assert comments[0].text == ("I always remember more after a nap. Is there a study on naps & exams?\n\n"
                                "Thanks for the clear summary.")
    assert [comments[0].text[s.start:s.end] for s in comments[0].sentences] == [
        "I always remember more after a nap.", "Is there a study on naps & exams?",
        "Thanks for the clear summary."]
    assert "Reply" not in comments[0].text and "says" not in comments[0].text
    for comment in comments:
        _assert_exact_spans(comment)


def test_plain_text_with_url_line_and_bulleted_thread() -> None:
    docs = read_documents(SAMPLES / "cold-water.txt")
    article, *comments = docs
    assert article.id == "doc:cold-water-immunity"
    assert (article.author, article.date) == ("Hannah Reed", "2019-03-03")
    assert article.url == "https://wildswim.example.net/articles/cold-water-immunity.html"
    assert _texts(article, HEADING) == ["Safety First"]
    assert "3 Comments" in _texts(article, BOILERPLATE)
    assert [(c.author, c.date) for c in comments] == [
        ("Tom Baker", "2019-03-04"), ("Hannah Reed", "2019-03-05"), ("Priya Shah", "2019-03-06")]
    assert [c.parent_id for c in comments] == [article.id, comments[0].id, article.id]
    assert comments[1].text == "Thanks Tom! Ten years is impressive."
    for doc in docs:
        _assert_exact_spans(doc)


def test_crlf_and_bom_keep_offsets_exact(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    body = ("A Windows Title\r\n\r\nFirst paragraph here. Second sentence.\r\n\r\n"
            "A Heading\r\n\r\nLast one.\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    article = read_documents(path)[0]
    assert article.text == body
    assert _texts(article, TITLE) == ["A Windows Title"]
    assert _texts(article, HEADING) == ["A Heading"]
    assert [article.text[s.start:s.end] for s in article.sentences] == [
        "First paragraph here.", "Second sentence.", "Last one."]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"  \n\t\n", "is empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary, not an article"),
    ("latin1.txt", "Title\n\nCaf\xe9 society.\n".encode("latin-1"), "column 4: byte 0xe9 is not UTF-8"),
    ("nobody.html", b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
     "has no article body"),
])
def test_bad_input_is_an_input_error_naming_the_file(tmp_path: Path, name: str, content: bytes,
                                                     message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_documents(path)
    assert str(path) in str(caught.value) and message in str(caught.value)


def test_non_utf8_error_names_line_and_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Title\n\nCaf\xe9 society.\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        read_documents(path)
    assert caught.value.line == 3
    assert str(caught.value) == f"{path}:3: column 4: byte 0xe9 is not UTF-8. Save the file as UTF-8"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as caught:
        read_documents(tmp_path / "nope.txt")
    assert str(tmp_path / "nope.txt") in str(caught.value)
    with pytest.raises(InputError, match="is a directory"):
        read_documents(tmp_path)


SUPERSCRIPT_PAGE = """<!doctype html><html><head><title>Cold Water</title></head><body><main>
<h1>Cold water and mood</h1>
<p>Cold showers raise alertness for an hour.<sup>1</sup> Swimmers in winter report better mood.<sup>[2]</sup>
Both effects fade within weeks.<sup><a href="#ref3">3</a></sup> Some trials pool them.<sup>1,3</sup></p>
<p>A lake holds about 10<sup>6</sup> litres in 50 m<sup>2</sup>, and the ratio is x<sup>2</sup> here.</p>
<h2>References</h2>
<ol><li>Lund K. Cold showers. 2019.</li><li>Berg T. Winter swimmers. 2020.</li>
<li>Moss R. Habituation. 2021.</li></ol>
</main></body></html>"""


def test_html_superscript_markers_become_bracketed_and_end_sentences(tmp_path: Path) -> None:
    path = tmp_path / "cold.html"
    path.write_text(SUPERSCRIPT_PAGE)
    article = read_documents(path)[0]
    sentences = [article.text[s.start:s.end] for s in article.sentences]
    assert "Cold showers raise alertness for an hour.[1]" in sentences
    assert "Swimmers in winter report better mood.[2]" in sentences
    assert "Both effects fade within weeks.[3]" in sentences
    assert "Some trials pool them.[1,3]" in sentences
    # exponents (after a digit, a single letter or a unit) stay as they were
    assert "about 106 litres in 50 m2, and the ratio is x2 here." in article.text
    # an ordered list is numbered as a browser shows it; the item's block starts after the number
    refs = [article.text[b.start:b.end] for b in article.blocks if b.kind in ("references", "list_item")]
    assert refs[0] == "Lund K. Cold showers. 2019."
    assert "\n\n2. Berg T. Winter swimmers. 2020." in article.text
    _assert_exact_spans(article)


LONG_LINE = ("Reading on a tablet before bed delayed sleep and made people less alert the next morning "
             "than reading a printed book did.")


def _blocks_of(tmp_path: Path, name: str, text: str) -> list[tuple[str, str]]:
    """(kind, text) of each block the reader finds in `text` saved as `name`."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = read_documents(path)[0]
    _assert_exact_spans(doc)
    return [(b.kind, doc.text[b.start:b.end]) for b in doc.blocks]


def test_heading_line_directly_above_its_paragraph_is_its_own_block(tmp_path: Path) -> None:
    text = ("Sleep handout\n\nIntro text for patients.\n\nScreens at night\n" + LONG_LINE + "\n")
    blocks = _blocks_of(tmp_path, "h.txt", text)
    assert ("heading", "Screens at night") in blocks
    assert ("paragraph", LONG_LINE) in blocks


def test_title_and_subtitle_lines_are_not_claims(tmp_path: Path) -> None:
    text = ("MEDICAL SCHOOL - YEAR 2 EPIDEMIOLOGY\n"
            "Lecture 3 handout: Cohort studies that changed medicine\n\n"
            "Doll and Hill wrote to every doctor.\n")
    assert _blocks_of(tmp_path, "l.txt", text)[:2] == [
        ("title", "MEDICAL SCHOOL - YEAR 2 EPIDEMIOLOGY"),
        ("heading", "Lecture 3 handout: Cohort studies that changed medicine")]
    shouting = "Title\n\nSTUDY SMARTER\nMost students reread their notes.\n"
    assert _blocks_of(tmp_path, "s.txt", shouting)[1:] == [
        ("heading", "STUDY SMARTER"), ("paragraph", "Most students reread their notes.")]


@pytest.mark.parametrize("lines", [
    # a hard-wrapped paragraph whose line ends mid-sentence stays one paragraph
    "Researchers at the University of\nOxford followed 200 children for ten years.",
    "Children who sleep well\nlearn more at school and have fewer accidents.",
    "Short sleep and weight gain go together in many cohorts\nAcross Europe and Asia alike.",
])
def test_wrapped_prose_is_not_cut_into_headings(tmp_path: Path, lines: str) -> None:
    assert _blocks_of(tmp_path, "w.txt", "Title\n\n" + lines + "\n")[1:] == [("paragraph", lines)]


@pytest.mark.parametrize("byline", ["*By Jane Doe*", "_By Jane Doe_",
                                    "*Dr. Lee Haddad, child psychiatrist - posted 14 January 2024*"])
def test_markdown_emphasised_bylines(tmp_path: Path, byline: str) -> None:
    text = "# Walks before homework\n\n" + byline + "\n\nRunning helps focus.\n"
    blocks = _blocks_of(tmp_path, "b.md", text)
    assert blocks[1] == ("byline", byline)
