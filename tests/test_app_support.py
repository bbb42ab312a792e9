"""The explorer's support profile (issue #13) through AppTest: the Claims page's design and stance
facets as permalinks, its Support column, design and stance on the Trace and Read pages, the colour
of disputed-by-citation, and the Overview's strength-of-support summary. On a real SQLite store."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from explorer_data import SUPPORT_DOC, XSS_CUE, XSS_REASON, support_batch, xss_batch
from test_app import app, first_claim, html_blocks, make_store, markdown_text, unescape_md

from claimgraph.explorer.support import strength_rows, support_profile

EXERCISE = "Exercise lowers blood pressure (Trial, 2020; Case, 2019)."
GARLIC = "Garlic cures colds (Case, 2019)."
SCREENS = "Screens harm sleep (Opinion, 2021)."
COFFEE = "Coffee shortens life (Trial, 2020)."
WALKING = "Walking helps mood (Review, 2018)."
WALK_DAILY = "Everyone should walk daily."


@pytest.fixture
def support_url(tmp_path: Path) -> str:
    return make_store(tmp_path / "support.db", support_batch())


@pytest.fixture
def demo_url(tmp_path: Path, demo_result: Any) -> str:
    return make_store(tmp_path / "demo.db", demo_result.batch)


@pytest.fixture
def xss_url(tmp_path: Path) -> str:
    return make_store(tmp_path / "xss.db", xss_batch())


def table_texts(at: Any) -> list[str]:
    """The claim texts the Claims table shows, in order ([] when the page shows no table)."""
    return list(at.dataframe[0].value["text"]) if at.dataframe else []


def view_link(at: Any) -> str:
    return next(c.value for c in at.caption if c.value.startswith("Link to this view"))


# -- claims: facets ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("params", "expected"), [
    ({"design": "trial-or-meta-analysis"}, [EXERCISE, WALKING]),
    ({"design": "case-reports-or-opinion"}, [GARLIC, SCREENS]),
    ({"design": "commentary"}, [SCREENS]),
    ({"design": "rct"}, [EXERCISE]),
    ({"design": "systematic-review"}, [WALKING]),
    ({"contrasting": "1"}, [EXERCISE, COFFEE]),
    ({"status": "disputed-by-citation"}, [COFFEE]),
    ({"design": "trial-or-meta-analysis", "contrasting": "1"}, [EXERCISE]),
    ({"design": "case-reports-or-opinion", "q": "garlic"}, [GARLIC]),
])
def test_support_facets_from_the_url(monkeypatch: pytest.MonkeyPatch, support_url: str,
                                     params: dict[str, str], expected: list[str]) -> None:
    """Each facet's permalink opens exactly its claims, with its widget set and the link kept."""
    at = app(monkeypatch, support_url, page="claims", **params)
    assert table_texts(at) == expected
    assert not at.warning
    if "design" in params:
        assert at.selectbox(key="f_design").value == params["design"]
        assert f"design={params['design']}" in view_link(at)
    if "contrasting" in params:
        assert at.checkbox(key="f_contrasting").value is True
        assert "contrasting=1" in view_link(at)
    assert {k: at.query_params[k] for k in params} == params


def test_support_facet_widgets_write_the_url(monkeypatch: pytest.MonkeyPatch, support_url: str) -> None:
    at = app(monkeypatch, support_url, page="claims")
    assert len(table_texts(at)) == 6
    at.selectbox(key="f_design").select("case-reports-or-opinion").run()
    assert table_texts(at) == [GARLIC, SCREENS]
    assert at.query_params["design"] == "case-reports-or-opinion"
    at.selectbox(key="f_design").select("(any)").run()
    at.checkbox(key="f_contrasting").check().run()
    assert table_texts(at) == [EXERCISE, COFFEE]
    assert at.query_params["contrasting"] == "1" and "design" not in at.query_params
    assert "`?page=claims&contrasting=1`" in view_link(at)
    at.checkbox(key="f_contrasting").uncheck().run()
    assert "contrasting" not in at.query_params and len(table_texts(at)) == 6


def test_design_facet_offers_groups_then_every_design(monkeypatch: pytest.MonkeyPatch,
                                                      support_url: str) -> None:
    from graph.schema import StudyDesign

    at = app(monkeypatch, support_url, page="claims")
    box = at.selectbox(key="f_design")
    assert box.options[:3] == ["(any)", "backed by a trial or meta-analysis",
                               "resting only on case reports or opinion"]
    assert len(box.options) == 3 + len(StudyDesign)
    assert "disputed-by-citation" in at.selectbox(key="f_status").options


def test_unknown_facet_values_in_the_url_fall_back_with_a_note(monkeypatch: pytest.MonkeyPatch,
                                                              support_url: str) -> None:
    at = app(monkeypatch, support_url, page="claims", design="case-reprot", contrasting="maybe")
    assert len(table_texts(at)) == 6
    note = unescape_md(at.warning[0].value)
    assert "design='case-reprot' is not a known support design (did you mean 'case-report'?)" in note
    assert "contrasting='maybe' is not a known contrasting flag (use 1)" in note
    assert "design" not in at.query_params and "contrasting" not in at.query_params


def test_a_facet_matching_nothing_says_which_filter(monkeypatch: pytest.MonkeyPatch,
                                                    support_url: str) -> None:
    at = app(monkeypatch, support_url, page="claims", design="commentary", contrasting="1")
    assert not at.dataframe
    message = unescape_md(at.info[0].value)
    assert message.startswith("No claim matches all these filters")
    assert "without support design 'strongest: commentary / editorial / letter', 2 would match" in message
    assert "without the filter 'has a contrasting citation', 1 would match" in message


# -- claims: the Support column ------------------------------------------------------------------------
def test_support_column_names_design_and_citation_counts(monkeypatch: pytest.MonkeyPatch,
                                                        support_url: str) -> None:
    at = app(monkeypatch, support_url, page="claims")
    table = at.dataframe[0].value
    support = dict(zip(table["text"], table["support"], strict=True))
    assert support == {
        EXERCISE: "RCT · 1 supporting · 1 contrasting", GARLIC: "Case report · 1 supporting",
        SCREENS: "Opinion · 1 supporting", COFFEE: "1 contrasting", WALKING: "Meta-analysis · 1 supporting",
        WALK_DAILY: "",
    }
    statuses = dict(zip(table["text"], table["status"], strict=True))
    assert statuses[COFFEE] == "disputed-by-citation"


def test_support_profile_text() -> None:
    assert support_profile({"support_design": "rct", "n_supporting": 2, "n_contrasting": 1}) == \
        "RCT · 2 supporting · 1 contrasting"
    assert support_profile({"support_design": "unknown", "n_supporting": 1}) == \
        "Design not stated · 1 supporting"
    assert support_profile({}) == "", "a claim of a store without the profile shows nothing"


def test_demo_support_column_and_stores_without_a_profile(monkeypatch: pytest.MonkeyPatch, demo_url: str,
                                                         xss_url: str) -> None:
    at = app(monkeypatch, demo_url, page="claims", q="Judith Herman")
    assert set(at.dataframe[0].value["support"]) == {"Book · 1 supporting"}
    at = app(monkeypatch, xss_url, page="claims")  # written with no design, stance or profile
    assert set(at.dataframe[0].value["support"]) == {""}
    claim = first_claim(xss_url)
    page = markdown_text(app(monkeypatch, xss_url, page="trace", claim=claim["id"]))
    assert 'data-design="unknown"' in page and "Design not stated" in page
    assert "cg-stance-" not in page, "no stance recorded: none shown"


# -- trace ----------------------------------------------------------------------------------------------
def test_trace_shows_each_references_design_and_each_citations_stance(monkeypatch: pytest.MonkeyPatch,
                                                                    support_url: str) -> None:
    claim = first_claim(support_url, text="Exercise")
    page = markdown_text(app(monkeypatch, support_url, page="trace", claim=claim["id"]))
    items = re.findall(r'<li><div class="cg-reference">(.*?)</li>', page, flags=re.S)
    assert len(items) == 2
    case, trial = sorted(items, key=lambda item: "Trial" in item)
    assert 'data-design="rct"' in trial and "Randomised controlled trial" in trial
    assert 'title="Why: title: &#x27;A randomized &lt;img src=x onerror=alert(1)&gt; trial&#x27;"' in trial
    assert "design from title: &#x27;A randomized &lt;img" in trial
    assert 'data-stance="supporting"' in trial and "cue: “as shown in”" in trial
    assert 'data-design="case-report"' in case and 'data-stance="contrasting"' in case
    assert "cue: “unlike &lt;b&gt;Case&lt;/b&gt;”" in case
    assert XSS_REASON not in page and XSS_CUE not in page
    assert '<span class="cg-support-profile">RCT · 1 supporting · 1 contrasting</span>' in page


def test_trace_of_a_disputed_claim(monkeypatch: pytest.MonkeyPatch, support_url: str) -> None:
    claim = first_claim(support_url, status="disputed-by-citation")
    page = markdown_text(app(monkeypatch, support_url, page="trace", claim=claim["id"]))
    assert 'class="cg-badge cg-status-disputed-by-citation" style="background:#ad1457"' in page
    assert 'data-stance="contrasting"' in page and "cue: “contrary to”" in page


def test_demo_trace_shows_herman_as_a_book(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    herman = first_claim(demo_url, text="Judith Herman")
    page = markdown_text(app(monkeypatch, demo_url, page="trace", claim=herman["id"]))
    assert 'data-design="book"' in page and "design from entry type: book" in page
    assert 'data-stance="supporting"' in page
    jordan = first_claim(demo_url, text="Vietnam")
    page = markdown_text(app(monkeypatch, demo_url, page="trace", claim=jordan["id"]))
    assert 'data-design="unknown"' in page, "Jordan et al.'s metadata states no design"


# -- reader ---------------------------------------------------------------------------------------------
def test_reader_colours_disputed_and_shows_design_and_stance(monkeypatch: pytest.MonkeyPatch,
                                                            support_url: str) -> None:
    at = app(monkeypatch, support_url, page="read", doc=SUPPORT_DOC)
    body = max(html_blocks(at), key=len)
    coffee = first_claim(support_url, text="Coffee")
    assert f'<span class="cg-rc cg-s-disputed-by-citation" id="{coffee["id"]}"' in body
    assert ".cg-rc.cg-s-disputed-by-citation { background: #f8bbd0;" in body
    legend = re.search(r'<div class="cg-legend">(.*?)</div>', body, flags=re.S).group(1)
    assert 'background:#ad1457"></span>disputed by citation: its only citations contrast' in legend
    assert "1 disputed-by-citation" in body, "the support bar counts it"
    exercise = first_claim(support_url, text="Exercise")
    popup = body[body.index(f'id="{exercise["id"]}"'):]
    popup = popup[popup.index('<span class="cg-pop"'):popup.index("Open trace")]
    assert 'data-design="rct"' in popup and 'data-design="case-report"' in popup
    assert 'data-stance="supporting"' in popup and 'data-stance="contrasting"' in popup
    assert "title=\"Why: title: &#x27;A randomized &lt;img src=x onerror=alert(1)&gt; trial&#x27;\"" in popup
    assert "cue: “unlike &lt;b&gt;Case&lt;/b&gt;”" in popup
    assert XSS_REASON not in body and XSS_CUE not in body


# -- overview -------------------------------------------------------------------------------------------
def strength_table(at: Any) -> dict[str, tuple[str, str]]:
    """The Overview's strength rows: facet -> (count, link or '')."""
    table = next(b for b in html_blocks(at) if 'class="cg-strength"' in b)
    rows = re.findall(r'<tr class="[^"]*" data-facet="([^"]*)"><td>(?:<a class="cg-strength-link" '
                      r'href="([^"]*)"[^>]*>)?.*?</td><td class="cg-n">(\d+)</td>', table)
    return {facet: (count, href) for facet, href, count in rows}


def test_overview_summarises_claims_by_strongest_design(monkeypatch: pytest.MonkeyPatch,
                                                         support_url: str) -> None:
    at = app(monkeypatch, support_url)
    rows = strength_table(at)
    assert rows == {
        "trial-or-meta-analysis": ("2", "?page=claims&amp;design=trial-or-meta-analysis"),
        "case-reports-or-opinion": ("2", "?page=claims&amp;design=case-reports-or-opinion"),
        "systematic-review": ("1", "?page=claims&amp;design=systematic-review"),
        "rct": ("1", "?page=claims&amp;design=rct"),
        "case-report": ("1", "?page=claims&amp;design=case-report"),
        "commentary": ("1", "?page=claims&amp;design=commentary"),
        "": ("2", ""),
    }
    assert list(rows)[2:6] == ["systematic-review", "rct", "case-report", "commentary"], "strongest first"
    assert "**disputed-by-citation**: 1" in markdown_text(at)
    # a row's link opens those claims
    at = app(monkeypatch, support_url, page="claims", design="rct")
    assert table_texts(at) == [EXERCISE]


def test_overview_strength_of_the_demo(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    rows = strength_table(app(monkeypatch, demo_url))
    assert rows["book"][0] == "2" and rows["trial-or-meta-analysis"] == ("0", "")
    assert int(rows[""][0]) > 50


def test_strength_rows_keep_a_design_the_explorer_does_not_know() -> None:
    rows = strength_rows({"rct": 1, "new-design": 3, "": 0}, {"trial-or-meta-analysis": 1})
    assert [r["facet"] for r in rows] == ["trial-or-meta-analysis", "case-reports-or-opinion", "rct",
                                          "new-design", ""]
    assert [r["count"] for r in rows] == [1, 0, 1, 3, 0]


# -- graph ------------------------------------------------------------------------------------------------
def test_graph_details_name_a_works_design_and_a_claims_profile(monkeypatch: pytest.MonkeyPatch,
                                                               support_url: str) -> None:
    import json

    def details(node: str) -> dict[str, list[list[str]]]:
        frame = next(el.proto.srcdoc for el in app(monkeypatch, support_url, page="graph", node=node)
                     .get("iframe"))
        start = frame.index("const cgNodes = ") + len("const cgNodes = ")
        return {n["id"]: n["details"] for n in json.JSONDecoder().raw_decode(frame[start:])[0]}

    claim = first_claim(support_url, text="Exercise")
    assert ["Support profile", "RCT · 1 supporting · 1 contrasting"] in details(claim["id"])[claim["id"]]
    assert ["Design", "Case report / series (title: 'a case of')"] in details("work:case")["work:case"]
