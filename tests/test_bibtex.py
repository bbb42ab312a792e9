"""BibTeX reading on the bundled references and on sample files, checked against pybtex."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.schema import NODES, Label, RelType, author_id
from ingest.bibtex import parse_bibtex, read_bibtex, references_to_batch
from ingest.model import InputError

ROOT = Path(__file__).resolve().parent.parent
DEMO_BIB = ROOT / "ingest" / "data" / "references.bib"
SAMPLES = Path(__file__).resolve().parent / "data" / "readers"


def test_demo_entries_keep_every_field() -> None:
    herman, jordan = read_bibtex(DEMO_BIB)
    assert (herman.key, herman.entry_type, herman.line) == ("herman1992trauma", "book", 4)
    assert herman.title == ("Trauma and Recovery: The Aftermath of Violence – From Domestic Abuse "
                            "to Political Terror")
    assert herman.fields["isbn"] == "978-0-465-08730-3"
    assert herman.fields["keywords"] == "psychological trauma, recovery, post-traumatic stress disorder"
    assert [(p.family, p.given) for p in herman.authors] == [("Herman", "Judith Lewis")]
    assert (jordan.key, jordan.entry_type, jordan.line) == ("jordan1992problems", "article", 15)
    assert jordan.title == "Problems in families of male Vietnam veterans with posttraumatic stress disorder"
    assert jordan.fields["pages"] == "916–926"
    assert jordan.fields["note"] == "Data from the National Vietnam Veterans Readjustment Study"
    assert jordan.authors[0].family == "Jordan" and jordan.authors[0].given == "B. Kathleen"
    assert len(jordan.authors) == 7 and not jordan.others
    assert jordan.bibtex.startswith("@article{jordan1992problems,") and jordan.bibtex.endswith("}")
    assert DEMO_BIB.read_text(encoding="utf-8").splitlines()[jordan.line - 1].startswith("@article")


def test_fields_and_names_agree_with_pybtex() -> None:
    from pybtex.database import parse_file

    independent = parse_file(str(DEMO_BIB), bib_format="bibtex")
    for reference in read_bibtex(DEMO_BIB):
        entry = independent.entries[reference.key]
        assert set(reference.fields) == {k.lower() for k in entry.fields} | {"author"}
        families = [" ".join(p.prelast_names + p.last_names) for p in entry.persons["author"]]
        assert [p.family for p in reference.authors] == families


def test_latex_accents_particles_and_others() -> None:
    muller, beethoven = read_bibtex(SAMPLES / "accents.bib")
    assert [(p.family, p.given) for p in muller.authors] == [
        ("Müller", "Jérôme"), ("Jordan", "B. Kathleen"), ("van der Berg", "Jan")]
    assert muller.others is True
    assert muller.fields["author"].endswith(" and others")
    assert muller.title == "Études on PTSD — a “review” of 50% of cases"
    assert muller.fields["pages"] == "10–20"
    assert muller.fields["url"] == "https://example.org/paper%201.pdf"
    assert muller.fields["editor"] == "Smith, Jane"
    assert [(p.family, p.given) for p in beethoven.authors] == [
        ("van Beethoven", "Ludwig"), ("Smith", "John Jr.")]
    assert beethoven.fields["journal"] == "Journal of Consulting and Clinical Psychology"
    assert beethoven.title == "Hearing loss and composition"


def test_batch_has_schema_properties_and_byline_order() -> None:
    references = read_bibtex(DEMO_BIB) + read_bibtex(SAMPLES / "accents.bib")
    batch = references_to_batch(references)
    batch.validate()
    by_id = {n.id: n.props for n in batch.nodes_by_label(Label.SOURCE)}
    sources = {props["keys"]: props for props in by_id.values()}  # one key each here
    work_of = {props["keys"]: work for work, props in by_id.items()}
    assert set(sources["jordan1992problems"]) == set(NODES[Label.SOURCE].prop_names)
    jordan = sources["jordan1992problems"]
    assert jordan["doi"] == "10.1037/0022-006X.60.6.916"
    assert jordan["venue"] == "Journal of Consulting and Clinical Psychology"
    assert jordan["authors"].startswith("Jordan, B. Kathleen; Marmar, Charles R.; ")
    assert json.loads(jordan["fields_json"])["number"] == "6"
    assert sources["muller2001"]["venue"] == "Handbook of Trauma"
    assert sources["muller2001"]["doi"] == "10.1000/xyz_1"
    assert sources["herman1992trauma"]["publisher"] == "Basic Books"
    written = [r for r in batch.relationships
               if r.type == RelType.WRITTEN_BY and r.start == work_of["jordan1992problems"]]
    assert [r.props["position"] for r in written] == list(range(7))
    assert written[0].end == author_id("Jordan", "B. Kathleen")
    authors = {n.id: n.props for n in batch.nodes_by_label(Label.AUTHOR)}
    assert authors["author:herman-jl"]["name"] == "Judith Lewis Herman"
    assert len(authors) == len({n.id for n in batch.nodes_by_label(Label.AUTHOR)})


def test_duplicate_key_names_both_lines() -> None:
    path = SAMPLES / "duplicate.bib"
    with pytest.raises(InputError) as caught:
        read_bibtex(path)
    assert caught.value.line == 7
    assert str(caught.value).startswith(
        f"{path}:7: duplicate key 'herman1992trauma' (first defined on line 1)")


def test_malformed_entry_names_its_line() -> None:
    path = SAMPLES / "malformed.bib"
    with pytest.raises(InputError) as caught:
        read_bibtex(path)
    assert caught.value.line == 6
    assert str(caught.value).startswith(f"{path}:6: malformed BibTeX entry")


@pytest.mark.parametrize(("text", "line", "message"), [
    ("@misc{,\n  title = {No key}\n}\n", 1, "entry has no key"),
    ("@misc{a, title = {x}}\n\n@misc{A, title = {y}}\n", 3, "duplicate key 'A' (first defined on line 1)"),
    ("@misc{a, title = {x}, title = {y}}\n", 1, "repeats the field(s) title"),
    ("% only a comment\n", None, "has no BibTeX entries"),
])
def test_bad_bibtex_text(text: str, line: int | None, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bibtex(text, "refs.bib")
    assert caught.value.line == line
    assert str(caught.value).startswith("refs.bib") and message in str(caught.value)


def test_missing_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_bibtex(tmp_path / "absent.bib")
    empty = tmp_path / "empty.bib"
    empty.write_text("\n  \n", encoding="utf-8")
    with pytest.raises(InputError, match="is empty") as caught:
        read_bibtex(empty)
    assert str(empty) in str(caught.value)


def _many_entries(count: int) -> str:
    return "".join(f"@article{{k{i},\n  author = {{Smith, Jane and Lee, Bo}},\n  title = {{Paper {i} "
                   f"on {{Sleep}}}},\n  year = {{2010}}\n}}\n\n" for i in range(count))


def test_a_large_file_parsed_in_chunks_equals_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.bibtex as bibtex

    text = "% exported\n" + _many_entries(60) + DEMO_BIB.read_text(encoding="utf-8")
    whole = bibtex._parse_whole(text, "many.bib")
    monkeypatch.setattr(bibtex, "CHUNK_CHARS", 500)
    assert len(bibtex._chunk_starts(text)) > 10
    chunked = parse_bibtex(text, "many.bib")
    assert chunked == whole
    lines = text.splitlines()
    assert all(lines[ref.line - 1].startswith(f"@{ref.entry_type}") for ref in chunked)
    assert chunked[-1].key == "jordan1992problems" and chunked[-1].bibtex.startswith("@article{jordan")


def test_chunks_keep_duplicate_keys_and_errors_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.bibtex as bibtex

    monkeypatch.setattr(bibtex, "CHUNK_CHARS", 300)
    text = _many_entries(30)
    for repeated, expected in (
        (text + "@misc{k3, x={Y}}\n", r"many.bib:181: duplicate key 'k3' \(first defined on line 19\)"),
        (text + "@misc{K3, x={Y}}\n", r"many.bib:181: duplicate key 'K3' \(first defined on line 19\)"),
        (text.replace("@article{k25,", "@article{k25 x,"), r"many.bib:\d+: "),
        (text + "@misc{broken, title={unclosed\n", r"many.bib:\d+: malformed BibTeX entry"),
    ):
        assert len(bibtex._chunk_starts(repeated)) > 3
        with pytest.raises(InputError) as chunked:
            parse_bibtex(repeated, "many.bib")
        monkeypatch.setattr(bibtex, "CHUNK_CHARS", 10**9)
        with pytest.raises(InputError) as whole:
            parse_bibtex(repeated, "many.bib")
        monkeypatch.setattr(bibtex, "CHUNK_CHARS", 300)
        assert str(chunked.value) == str(whole.value)
        assert __import__("re").match(expected, str(chunked.value)), str(chunked.value)
    last = str(pytest.raises(InputError, parse_bibtex, text + "@misc{k3, title={Again}}\n", "many.bib").value)
    assert last.startswith(f"many.bib:{text.count(chr(10)) + 1}:")


def test_string_macros_and_stray_braces_are_never_split(monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.bibtex as bibtex

    monkeypatch.setattr(bibtex, "CHUNK_CHARS", 300)
    macros = '@string{js = "J. Sleep"}\n' + _many_entries(20) + "@article{m, title={T}, journal=js}\n"
    assert bibtex._chunk_starts(macros) == [0]
    assert parse_bibtex(macros)[-1].fields["journal"] == "J. Sleep"
    assert bibtex._chunk_starts("}\n" + _many_entries(20)) == [0]
    inside = "@misc{a, abstract={one\n@misc{b, title={x}}\n" + "y" * 400 + "}}\n" + _many_entries(5)
    assert bibtex._chunk_starts(inside)[1] > inside.index("y" * 400)  # not at the "@misc{b" inside a
    with pytest.raises(InputError) as chunked:  # bibtexparser itself takes that "@" for a new entry
        parse_bibtex(inside, "in.bib")
    assert str(chunked.value) == str(pytest.raises(InputError, bibtex._parse_whole, inside, "in.bib").value)


def test_parsing_leaves_no_library_for_the_garbage_collector() -> None:
    """pylatexenc ends every value it decodes by returning an exception whose traceback holds the
    caller's frames: without a collection right after the parse, bibtexparser's whole Library stays
    alive in that cycle until the collector next runs (400 KB for a 100-entry file)."""
    import gc

    from bibtexparser.model import Entry

    text = "\n".join(f"@article{{k{i}, author = {{M{{\\\"u}}ller, Anna}}, title = {{On \\emph{{x}} {i}}},"
                     f" year = {{2001}}}}" for i in range(20))
    gc.collect()
    gc.disable()
    try:
        references = parse_bibtex(text)
        alive = sum(isinstance(o, Entry) for o in gc.get_objects())
    finally:
        gc.enable()
    assert len(references) == 20 and references[0].fields["author"].startswith("Müller")
    assert alive == 0
