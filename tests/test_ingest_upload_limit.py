"""The explorer's Ingest page refuses uploads larger than the CLI reads, before reading them."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app import app, unescape_md

from ingest.guards import MAX_ARTICLE_BYTES, MAX_BIBTEX_BYTES

ARTICLE = b"Trauma isolates people (Herman, 1992).\n"
BIB = b"@book{herman1992trauma, author={Herman, Judith}, title={Trauma and Recovery}, year={1992}}\n"


def test_an_article_over_the_limit_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    url = str(tmp_path / "fresh.db")
    at = app(monkeypatch, url, page="ingest")
    huge = b"a" * (MAX_ARTICLE_BYTES + 2**20)
    at.file_uploader(key="upload_article").upload("huge.txt", huge, "text/plain")
    at.run()
    assert not at.exception
    assert [unescape_md(e.value) for e in at.error] == [
        "huge.txt: is 9 MiB (9,437,184 bytes); the most ClaimGraph reads as an article is 8 MiB "
        "(8,388,608 bytes). Split it into smaller files"]
    assert not at.metric and not at.status
    assert all(b.key != "ingest_write" for b in at.button)
    assert not Path(url).exists()


def test_a_bib_over_the_limit_is_refused_naming_the_bib(monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    at = app(monkeypatch, str(tmp_path / "fresh.db"), page="ingest")
    at.file_uploader(key="upload_article").upload("article.txt", ARTICLE, "text/plain")
    huge = b"%" * (MAX_BIBTEX_BYTES + 2**20)
    at.file_uploader(key="upload_bib").upload("refs.bib", huge, "application/x-bibtex")
    at.run()
    assert not at.exception
    assert len(at.error) == 1
    message = unescape_md(at.error[0].value)
    assert message.startswith("refs.bib: is 17 MiB (17,825,792 bytes); the most ClaimGraph reads as a BibTeX")
    assert all(b.key != "ingest_write" for b in at.button)


def test_a_large_accepted_upload_is_read_under_a_status(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    from claimgraph.explorer.ingest_page import LARGE_UPLOAD_BYTES

    words = ("sleep", "memory", "adults", "recovery", "trials", "children", "stress", "rest")
    paragraphs = [" ".join(f"Regular {words[(i + j) % 8]} helps {words[(i * j) % 8]} in study {i}."
                           for j in range(6)) + " Trauma isolates people (Herman, 1992)."
                  for i in range(2000)]
    article = "\n\n".join(paragraphs).encode("utf-8")
    assert len(article) > LARGE_UPLOAD_BYTES
    at = app(monkeypatch, str(tmp_path / "fresh.db"), page="ingest")
    at.file_uploader(key="upload_article").upload("big.txt", article, "text/plain")
    at.file_uploader(key="upload_bib").upload("refs.bib", BIB, "application/x-bibtex")
    at.run(timeout=300)
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert [s.label for s in at.status] == ["Read big.txt"]
    assert {m.label: int(m.value) for m in at.metric}["Claims"] > 0
