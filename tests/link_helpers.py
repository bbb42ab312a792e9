"""What the blog error-class tests (tests/test_citation_blog_classes_25.py and later) share: ingest one text
with a .bib beside it and read which references each claim links."""

from __future__ import annotations

from pathlib import Path

from ingest.evaluate import predicted_links


def links_in(tmp_path: Path, bib: str, text: str, name: str = "post.txt") -> dict[str, list[str]]:
    """Each claim of `text` (written to tmp_path/name, with `bib` as references.bib) → its sorted keys."""
    (tmp_path / "references.bib").write_text(bib, encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    links, _ = predicted_links(path)
    return {claim: sorted(keys) for claim, keys in links.items()}


def linked(links: dict[str, list[str]], words: str) -> list[str]:
    """The keys of the one claim holding `words` (fails unless exactly one claim holds them)."""
    matches = [keys for text, keys in links.items() if words in text]
    assert len(matches) == 1, (words, sorted(links))
    return matches[0]
