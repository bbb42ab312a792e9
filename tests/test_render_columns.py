"""How a boxed table chooses its columns on a narrow terminal (claimgraph.render.fit_columns)."""

from __future__ import annotations

from claimgraph.render import fit_columns, text_fits

COLUMNS = ("id", "kind", "claim_count", "cited", "cited-unresolved", "disputed-by-citation", "anecdotal",
           "unsupported", "date", "title")
ROW = {"id": "doc:trauma-and-relationsh…", "kind": "article", "claim_count": 92, "cited": 10,
       "cited-unresolved": 0, "disputed-by-citation": 0, "anecdotal": 2, "unsupported": 80,
       "date": "2017-10-11", "title": "Trauma and Relationships: How to Heal Attachment Trauma"}


def test_status_counts_that_are_zero_everywhere_go_before_the_title_is_squeezed() -> None:
    shown = fit_columns(COLUMNS, [ROW], 100)
    assert "cited-unresolved" not in shown and "disputed-by-citation" not in shown
    assert {"cited", "anecdotal", "unsupported", "title"} <= set(shown)


def test_a_count_that_is_not_zero_in_some_row_stays() -> None:
    rows = [ROW, {**ROW, "id": "doc:x", "cited-unresolved": 3}]
    shown = fit_columns(COLUMNS, rows, 100)
    assert "cited-unresolved" in shown and "disputed-by-citation" not in shown


def test_a_wide_terminal_keeps_every_column() -> None:
    assert fit_columns(COLUMNS, [ROW], 200) == COLUMNS
    assert text_fits(COLUMNS, [ROW], 200)
