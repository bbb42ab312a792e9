"""The Streamlit explorer through AppTest: every page and its main interactions on a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from explorer_data import XSS_CLAIM, XSS_SOURCE_TITLE, XSS_TITLE, xss_batch
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from claimgraph.explorer.claims import table_key
from graph.exports import FORMATS, export
from graph.model import ClaimFilter
from graph.schema import Label
from graph.store import Scope, open_store

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 120


def make_store(path: Path, *batches: Any) -> str:
    """A SQLite store at `path` holding `batches`; returns its URL."""
    url = str(path)
    with open_store(url) as store:
        for batch in batches:
            store.write(batch)
    return url


def app(monkeypatch: pytest.MonkeyPatch, url: str, **params: str) -> AppTest:
    """An AppTest of app.py on the store at `url`, with URL query parameters, already run."""
    monkeypatch.setenv("CLAIMGRAPH_STORE", url)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update(params)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def markdown_text(at: AppTest) -> str:
    """Every markdown and st.html element's source, in page order, joined."""
    pieces: list[str] = []

    def walk(node: Any) -> None:
        children = getattr(node, "children", None)
        if children:
            for index in sorted(children):
                walk(children[index])
        elif node.type == "markdown":
            pieces.append(node.value)
        elif node.type == "html":
            pieces.append(node.proto.body)

    walk(at.main)
    walk(at.sidebar)
    return "\n".join(pieces)


def html_blocks(at: AppTest) -> list[str]:
    """The body of every st.html element."""
    return [el.proto.body for el in at.get("html")]


def unescape_md(text: str) -> str:
    """Markdown as it reads on screen: backslash escapes and entities undone."""
    import html
    import re

    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def iframe_html(at: AppTest) -> list[str]:
    """The HTML of every iframe (graph widget) on the page."""
    return [el.proto.srcdoc for el in at.get("iframe")]


def count_nodes(url: str) -> int:
    """How many nodes a store holds."""
    with open_store(url, read_only=True) as store:
        return sum(store.stats()["nodes"].values())


@pytest.fixture
def xss_url(tmp_path: Path) -> str:
    return make_store(tmp_path / "xss.db", xss_batch())


@pytest.fixture
def demo_url(tmp_path: Path, demo_result: Any) -> str:
    return make_store(tmp_path / "demo.db", demo_result.batch)


def work_of(url: str, key: str = "jordan1992problems") -> str:
    """The id of the one work a BibTeX key names."""
    with open_store(url, read_only=True) as store:
        (work,) = store.resolve_source(key)
    return work


def first_claim(url: str, **flt: str) -> dict[str, Any]:
    """The first claim matching a filter."""
    with open_store(url, read_only=True) as store:
        return store.claims(ClaimFilter(**flt), limit=1).rows[0]


# -- overview -------------------------------------------------------------------------------------
def test_overview_counts_chart_sources_unresolved(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    at = app(monkeypatch, demo_url)
    with open_store(demo_url, read_only=True) as store:
        stats = store.stats()
        top_work = store.works(by="articles")[0]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Claims"] == str(stats["nodes"]["Claim"])
    assert metrics["Works cited"] == str(stats["nodes"]["Source"])
    assert (metrics["Articles"], metrics["Comments"]) == ("1", "4")
    assert metrics["Unresolved citations"] == str(stats["unresolved_citations"])
    assert at.get("vega_lite_chart"), "claims-by-status chart missing"
    works = works_table(at)
    assert works[0]["reference"] == "Jordan et al., 1992"
    assert works[0]["href"] == f"?page=claims&amp;source={top_work['id']}"


def test_overview_lists_the_first_unresolved_citations_and_says_how_many(monkeypatch: pytest.MonkeyPatch,
                                                                          corpus_url: str) -> None:
    """The page fetches only the rows it lists; the caption gives the store's full count."""
    from claimgraph.explorer import overview

    with open_store(corpus_url, read_only=True) as store:
        first = store.unresolved_citations()[0]
        total = store.stats()["unresolved_citations"]
    monkeypatch.setattr(overview, "MAX_UNRESOLVED_ROWS", 0)
    at = app(monkeypatch, corpus_url)
    assert f"{total} unresolved; the first 0 are listed." in [c.value for c in at.caption]
    assert not [s for s in at.success if "Every citation matched" in s.value]
    monkeypatch.setattr(overview, "MAX_UNRESOLVED_ROWS", 1)
    at = app(monkeypatch, corpus_url)
    assert [row[0] for row in link_table(at, "cg-unresolved")] == [first["marker"]]


def link_table(at: AppTest, css_class: str) -> list[list[str]]:
    """The rows of an Overview link table (cells as text; a link cell as its href), unescaped."""
    import html
    import re

    table = next(b for b in html_blocks(at) if f'class="cg-table {css_class}"' in b)
    body = table.split("<tbody>", 1)[1]
    return [[html.unescape(href if href else re.sub(r"<[^>]+>", "", cell))
             for href, cell in re.findall(r'<td>(?:<a href="([^"]*)"[^>]*>)?(.*?)</td>', row)]
            for row in re.findall(r"<tr>(.*?)</tr>", body)]


def works_table(at: AppTest) -> list[dict[str, str]]:
    """The rows of the Overview's ranked-works table: reference, href, articles, claims, keys."""
    import re

    table = next(b for b in html_blocks(at) if 'class="cg-works"' in b)
    rows = re.findall(r'<tr><td><a class="cg-work-link" href="([^"]*)" target="_self">(.*?) →</a></td>'
                      r'<td>.*?</td><td class="cg-n">(\d+)</td><td class="cg-n">(\d+)</td>'
                      r"<td>(.*?)</td></tr>",
                      table)
    return [dict(zip(("href", "reference", "articles", "claims", "keys"), row, strict=True)) for row in rows]


@pytest.fixture
def corpus_url(tmp_path: Path) -> str:
    from explorer_data import corpus_store

    return corpus_store(tmp_path / "corpus")


def test_corpus_overview_ranks_works_links_articles_and_shows_sentences(monkeypatch: pytest.MonkeyPatch,
                                                                        corpus_url: str) -> None:
    at = app(monkeypatch, corpus_url)
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Articles"], metrics["Works cited"]) == ("4", "4")
    by_articles = works_table(at)
    assert [w["articles"] for w in by_articles[:2]] == ["2", "2"]
    sleep = next(w for w in by_articles if w["reference"] == "Smith &amp; Jones, 2010")
    assert sleep["keys"] == "Smith_2010_sleep, smith2010"
    citations = link_table(at, "cg-corpus-citations")
    assert sorted(row[0] for row in citations) == ["Memory", "Sleep loss"]
    assert {row[1] for row in citations} == {"Sleep and memory consolidation"}
    assert {row[2] for row in citations} == {"?page=read&doc=doc:sleep-paper"}
    unresolved = link_table(at, "cg-unresolved")
    assert [row[0] for row in unresolved] == ["(Doe, 2019)"]
    assert [row[2] for row in unresolved] == ["Exams reward rested students (Doe, 2019)."]
    assert [row[4] for row in unresolved] == ["?page=read&doc=doc:sleep-loss"]
    at.radio(key="overview_rank").set_value("claims").run()
    assert works_table(at)[0]["reference"] == "Jordan et al., 1992"

    # the work's link opens the claims of every article resting on it
    work = sleep["href"].split("source=", 1)[1]
    at = app(monkeypatch, corpus_url, page="claims", source=work)
    table = at.dataframe[0].value
    assert sorted(table["text"]) == ["Memory needs sleep (Smith & Jones, 2010).",
                                     "Sleep loss impairs memory consolidation (Smith, 2010)."]
    assert set(table["references"]) == {"Smith & Jones, 2010"}


def test_overview_chart_has_one_bar_per_document_in_reading_order(monkeypatch: pytest.MonkeyPatch,
                                                                  demo_url: str) -> None:
    """Two replies by the same person are two bars, labelled apart; the article comes first."""
    at = app(monkeypatch, demo_url)
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    order = spec["encoding"]["y"]["sort"]
    with open_store(demo_url, read_only=True) as store:
        documents = store.documents()
    assert len(order) == len(set(order)) == len(documents) == 5
    assert order[0] == documents[0]["title"] + " (2017-10-11)"
    assert "Comment 1.1 by Dr. Aimie Apigian (2017-10-23)" in order
    assert order[-1] == "Comment 2.1 by Dr. Aimie Apigian (2017-12-10)"


def test_empty_store_explains_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = app(monkeypatch, make_store(tmp_path / "empty.db"))
    assert "Ingest page" in " ".join(i.value for i in at.info)


def test_missing_store_is_one_line_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    at = app(monkeypatch, str(tmp_path / "nothing-here.db"))
    assert len(at.error) == 1 and "Ingest page" in at.error[0].value


# -- claims ---------------------------------------------------------------------------------------
def test_claims_filter_by_status_and_text(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="claims")
    everything = len(at.dataframe[0].value)
    at.selectbox(key="f_status").select("cited").run()
    cited = at.dataframe[0].value
    assert 0 < len(cited) < everything
    assert set(cited["status"]) == {"cited"}
    at.text_input(key="f_text").input("Vietnam").run()
    vietnam = at.dataframe[0].value
    assert len(vietnam) >= 1
    assert all("vietnam" in text.lower() for text in vietnam["text"])
    assert at.caption[0].value.startswith(f"{len(vietnam)} claim")


def test_claims_page_through_results(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="claims")
    at.selectbox(key="claims_limit").select(25).run()
    first_page = list(at.dataframe[0].value["id"])
    assert len(first_page) == 25
    at.number_input(key="claims_page").set_value(2).run()
    second_page = list(at.dataframe[0].value["id"])
    assert second_page and not set(first_page) & set(second_page)


def test_selecting_a_row_opens_its_trace(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="claims")
    at.selectbox(key="f_status").select("cited").run()
    chosen = at.dataframe[0].value.iloc[1]
    key = table_key(ClaimFilter(status="cited"), 0, 50, "position", False)
    at.session_state[key] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert chosen["id"] in " ".join(c.value for c in at.code)
    assert "cg-claim" in markdown_text(at)
    at.button(key="open_trace").click().run()
    assert at.query_params["page"] == "trace" and at.query_params["claim"] == chosen["id"]
    assert at.header[0].value == "Trace"


def test_new_filter_starts_without_a_selection(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="claims")
    at.session_state[table_key(ClaimFilter(), 0, 50, "position", False)] = {
        "selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert at.code, "selected row shows its trace"
    at.selectbox(key="f_status").select("unsupported").run()
    assert not at.code and not at.get("iframe")



def test_claims_url_opens_the_filtered_sorted_page(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    """A permalink with filters, sort, rows and page restores exactly that view."""
    params = {"page": "claims", "status": "cited", "sort": "text", "desc": "1", "rows": "25", "p": "1"}
    at = app(monkeypatch, demo_url, **params)
    with open_store(demo_url, read_only=True) as store:
        expected = store.claims(ClaimFilter(status="cited"), offset=0, limit=25, order_by="text",
                                descending=True)
    shown = at.dataframe[0].value
    assert list(shown["id"]) == [row["id"] for row in expected.rows]
    assert at.selectbox(key="f_status").value == "cited" and at.checkbox(key="claims_desc").value
    link = next(c.value for c in at.caption if c.value.startswith("Link to this view"))
    assert "?page=claims&status=cited&sort=text&desc=1&rows=25`" in link, "defaults (p=1) stay out"
    assert not at.warning


def test_claims_url_with_source_and_text_pages_on(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    """Source, text and page number come from the URL; page 2 holds rows the first page does not."""
    source = first_claim(demo_url, status="cited")["source_ids"][0]
    with open_store(demo_url, read_only=True) as store:
        everything = store.claims(ClaimFilter(source_id=source), limit=1000).rows
    assert len(everything) > 1, "the demo's first cited source supports more than one claim"
    at = app(monkeypatch, demo_url, page="claims", source=source, rows="25", p="1")
    assert set(at.dataframe[0].value["id"]) <= {row["id"] for row in everything}
    word = everything[0]["text"].split()[0]
    at = app(monkeypatch, demo_url, page="claims", source=source, q=word)
    assert all(word.lower() in text.lower() for text in at.dataframe[0].value["text"])
    assert at.query_params["q"] == word and at.query_params["source"] == source


def test_changing_a_claims_widget_updates_the_url(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="claims")
    assert at.query_params == {"page": "claims"}, "only non-default values go in the URL"
    at.selectbox(key="f_status").select("unsupported").run()
    assert at.query_params["status"] == "unsupported"
    at.selectbox(key="claims_sort").select("text").run()
    at.checkbox(key="claims_desc").check().run()
    assert at.query_params["sort"] == "text" and at.query_params["desc"] == "1"
    at.selectbox(key="f_status").select("(any)").run()
    assert "status" not in at.query_params and at.query_params["page"] == "claims"
    link = next(c.value for c in at.caption if c.value.startswith("Link to this view"))
    assert "`?page=claims&sort=text&desc=1`" in link


def test_invalid_claims_url_falls_back_to_defaults(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="claims", status="bogus", p="two", sort="DROP TABLE", rows="7",
             desc="maybe", kind="cited", document="doc:nope")
    default = app(monkeypatch, demo_url, page="claims")
    assert list(at.dataframe[0].value["id"]) == list(default.dataframe[0].value["id"])
    assert len(at.warning) == 1
    note = unescape_md(at.warning[0].value)
    for bad in ("status='bogus'", "p='two'", "sort='DROP TABLE'", "rows='7'", "desc='maybe'",
                "kind='cited'", "document='doc:nope'"):
        assert bad in note
    assert at.query_params == {"page": "claims"}, "the dropped values leave the URL"


def test_claims_url_page_beyond_the_last_opens_page_one(monkeypatch: pytest.MonkeyPatch,
                                                        demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="claims", status="cited", p="999")
    assert at.number_input(key="claims_page").value == 1
    assert "p" not in at.query_params and at.query_params["status"] == "cited"

def test_claims_table_names_references_and_short_documents(monkeypatch: pytest.MonkeyPatch,
                                                            demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="claims", source="jordan1992problems")
    table = at.dataframe[0].value
    assert list(table.columns[:5]) == ["status", "text", "references", "support", "document"]
    assert set(table["references"]) == {"Jordan et al., 1992"}
    assert all(len(label) <= 30 for label in table["document"])
    at = app(monkeypatch, demo_url, page="claims", rows="100")
    documents = set(at.dataframe[0].value["document"])
    assert "Comment 2.1, Apigian" in documents and "Comment 1.1, Apigian" in documents


@pytest.mark.parametrize(("params", "hint"), [
    ({"source": "herman"}, "source='herman' is not a known source (did you mean 'herman1992trauma'?)"),
    ({"document": "trauma-and-relationships"},
     "document='trauma-and-relationships' is not a known document "
     "(did you mean 'doc:trauma-and-relationships'?)"),
])
def test_unknown_url_value_suggests_the_nearest(monkeypatch: pytest.MonkeyPatch, demo_url: str,
                                                params: dict[str, str], hint: str) -> None:
    at = app(monkeypatch, demo_url, page="claims", **params)
    assert hint in unescape_md(at.warning[0].value)


def test_a_filter_matching_nothing_says_which_filter(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="claims", status="anecdotal", source="jordan1992problems")
    message = unescape_md(at.info[0].value)
    assert message.startswith("No claim matches all these filters")
    assert "without status 'anecdotal', 8 would match" in message
    assert "without source 'Jordan et al., 1992 · jordan1992problems', 5 would match" in message


# -- trace ----------------------------------------------------------------------------------------
def test_trace_permalink_shows_evidence_reference_and_highlight(monkeypatch: pytest.MonkeyPatch,
                                                                demo_url: str) -> None:
    claim = first_claim(demo_url, status="cited", text="Vietnam")
    at = app(monkeypatch, demo_url, page="trace", claim=claim["id"])
    text = markdown_text(at)
    assert '<mark class="cg-claim' in text
    assert "cg-evidence" in text
    assert "Jordan, B. K." in text and "https://doi.org/10.1037/0022-006X.60.6.916".lower() in text.lower()
    assert f"?page=trace&claim={claim['id']}" in at.code[0].value
    graph = iframe_html(at)[0]
    assert claim["id"] in graph and work_of(demo_url) in graph
    assert [h.value for h in at.subheader] == ["In the article", "Evidence and references", "Path"]
    assert text.index("cg-claim-text") < text.index('<mark class="cg-claim') < text.index("cg-evidence-item")
    assert text.index("cg-evidence-item") < text.index("**Permalink**"), "permalink comes last"


def test_trace_of_unknown_claim_warns(monkeypatch: pytest.MonkeyPatch, xss_url: str) -> None:
    at = app(monkeypatch, xss_url, page="trace", claim="claim:000000000000")
    assert "No claim with id" in at.warning[0].value


# -- reader ---------------------------------------------------------------------------------------
READER_DOC = "doc:trauma-and-relationships"


def reader_body(at: AppTest) -> str:
    """The reader view's article block (the largest st.html on the page)."""
    return max(html_blocks(at), key=len)


def test_reader_shows_the_whole_article_with_claims_by_support(monkeypatch: pytest.MonkeyPatch,
                                                              demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="read", doc=READER_DOC)
    body = reader_body(at)
    with open_store(demo_url, read_only=True) as store:
        view = store.document_view(READER_DOC)
    assert len(view["claims"]) > 50
    for claim in view["claims"]:
        assert f'id="{claim["id"]}"' in body, claim["id"]
    vietnam = [c for c in view["claims"] if c["text"].startswith(("More likely", "Less likely"))]
    assert len(vietnam) >= 5
    for claim in vietnam:
        assert f'<span class="cg-rc cg-s-cited" id="{claim["id"]}"' in body
    herman = next(c for c in view["claims"] if "Judith Herman" in c["text"])
    assert f'<span class="cg-rc cg-s-cited" id="{herman["id"]}"' in body
    assert "<ul><li>" in body and "<h2>Trauma and its Impact on Relationships</h2>" in body
    assert "Jordan, B. K., Marmar, C. R." in body
    assert f'href="?page=trace&amp;claim={vietnam[0]["id"]}"' in body
    assert 'class="cg-legend"' in body and body.count('class="cg-bar"') > 3
    assert "cg-ev cg-ev-citation" in body and "cg-ev cg-ev-quote" in body
    assert "<h2>Comments (4)</h2>" in body and "Comment 2.1 by Dr. Aimie Apigian" in body
    assert at.query_params == {"page": "read", "doc": READER_DOC}
    labels = sorted(b.proto.label for b in at.get("download_button"))
    assert labels == ["Claims table (.csv)", "Claims table (.xlsx)", "Support summary (.png)",
                      "Support summary (.svg)"]


def test_reader_downloads_make_the_table_and_the_picture(monkeypatch: pytest.MonkeyPatch,
                                                          demo_url: str) -> None:
    deferred: dict[str, Any] = {}
    original = MediaFileManager.add_deferred

    def record(self: Any, data_callable: Any, mimetype: str | None, coordinates: str,
               file_name: str | None = None, **kwargs: Any) -> str:
        deferred[file_name or ""] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    app(monkeypatch, demo_url, page="read", doc=READER_DOC)
    by_ext = {name.rsplit(".", 1)[1]: make for name, make in deferred.items()}
    table = by_ext["csv"]()
    assert table.startswith('"Document","Section","Claim"') and "Jordan, B. K., Marmar, C. R." in table
    assert _bytes(by_ext["png"]()).startswith(b"\x89PNG") and "<svg" in _text(by_ext["svg"]())
    assert _bytes(by_ext["xlsx"]()).startswith(b"PK")


def test_reader_marks_unresolved_and_contested_and_links_challenges(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    """On the contract sample: a cited claim whose citation matched nothing is cited-unresolved; the
    comment that disputes a claim links to it."""
    from fixtures_graph import ALPHA, CLAIMS, sample_batch

    url = make_store(tmp_path / "sample.db", sample_batch())
    body = reader_body(app(monkeypatch, url, page="read", doc=ALPHA))
    assert f'<span class="cg-rc cg-s-cited-unresolved" id="{CLAIMS["a5"]}"' in body
    assert f'<span class="cg-rc cg-s-cited cg-contested" id="{CLAIMS["a4"]}"' in body
    assert f'<span class="cg-rc cg-s-anecdotal" id="{CLAIMS["a2"]}"' in body
    assert f'Disputes <a href="#{CLAIMS["a4"]}" target="_self">' in body
    assert "(matched no reference)" in body


def test_reader_claim_permalink_targets_the_claim(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    claim = first_claim(demo_url, status="cited", text="Vietnam")
    at = app(monkeypatch, demo_url, page="read", doc=READER_DOC, claim=claim["id"])
    script = next(b for b in html_blocks(at) if "<script>" in b)
    assert f'"{claim["id"]}"' in script and "scrollIntoView" in script


def test_reader_unknown_document_warns_escaped_with_a_suggestion(monkeypatch: pytest.MonkeyPatch,
                                                               demo_url: str) -> None:
    hostile = "trauma-and-relationships![x](http://127.0.0.1:9/beacon)"
    at = app(monkeypatch, demo_url, page="read", doc="trauma-and-relationships")
    assert "did you mean doc:trauma-and-relationships" in unescape_md(at.warning[0].value)
    at = app(monkeypatch, demo_url, page="read", doc=hostile)
    warning = at.warning[0].value
    assert "![x](" not in warning and "\\!\\[x\\]\\(http\\://127" in warning
    assert at.query_params["doc"] == READER_DOC, "the article picked instead goes in the URL"


def test_sidebar_to_reader_keeps_the_document(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="read", doc=READER_DOC)
    at.sidebar.radio[0].set_value("claims").run()
    at.sidebar.radio[0].set_value("read").run()
    assert at.query_params == {"page": "read", "doc": READER_DOC}
    assert 'class="cg-reader"' in reader_body(at)


def test_trace_links_to_the_claim_in_the_reader(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    claim = first_claim(demo_url, status="cited", text="Vietnam")
    at = app(monkeypatch, demo_url, page="trace", claim=claim["id"])
    assert f'href="?page=read&amp;doc={READER_DOC}#{claim["id"]}"' in markdown_text(at)


# -- graph ----------------------------------------------------------------------------------------
def _graph_ids(html: str) -> set[str]:
    """The node ids a graph widget draws."""
    start = html.index("const cgNodes = ") + len("const cgNodes = ")
    return {n["id"] for n in json.JSONDecoder().raw_decode(html[start:])[0]}


def test_graph_first_shows_the_most_cited_source_and_its_claims(monkeypatch: pytest.MonkeyPatch,
                                                              demo_url: str) -> None:
    """A newcomer sees the most-cited source, its authors, the evidence citing it and the claims on it."""
    at = app(monkeypatch, demo_url, page="graph")
    assert at.radio(key="scope_kind").value == "source"
    jordan = work_of(demo_url)
    assert at.selectbox(key="scope_source").value == jordan
    with open_store(demo_url, read_only=True) as store:
        expected = store.filter_subgraph(ClaimFilter(source_id=jordan)).node_ids()
        claims_on_source = store.claims(ClaimFilter(source_id=jordan)).total
    ids = _graph_ids(iframe_html(at)[0])
    assert ids == expected
    assert jordan in ids and any(i.startswith("author:jordan") for i in ids)
    assert sum(i.startswith("claim:") for i in ids) == claims_on_source
    assert len(ids) < 40, "the first graph a newcomer sees must stay readable"


def test_graph_after_opening_a_claim_shows_its_trace(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    """Claim, its document, its evidence and their sources: the path, not the whole document."""
    claim = first_claim(demo_url, source_id="jordan1992problems")
    at = app(monkeypatch, demo_url, page="trace", claim=claim["id"])
    at.sidebar.radio[0].set_value("graph").run()
    assert at.radio(key="scope_kind").value == "trace"
    with open_store(demo_url, read_only=True) as store:
        trace = store.trace(claim["id"])
    expected = {claim["id"], trace["document"]["id"], *(e["id"] for e in trace["evidence"]),
                *(s["id"] for e in trace["evidence"] for s in e["sources"])}
    assert _graph_ids(iframe_html(at)[0]) == expected
    at.slider(key="scope_max").set_value(10).run()
    at.text_input(key="scope_claim").input("claim:000000000000").run()
    assert any("Nothing in trace of claim:000000000000" in unescape_md(w.value) for w in at.warning)


def test_graph_of_a_node_neighbourhood_is_capped(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="graph", node="jordan1992problems")
    html = iframe_html(at)[0]
    assert "vis.Network" in html and work_of(demo_url) in html, "a BibTeX key opens its work"
    assert "<script src" not in html and "<link" not in html, "the graph must not load anything remote"
    at.slider(key="scope_depth").set_value(3).run()
    at.slider(key="scope_max").set_value(10).run()
    assert any("Cut at 10 nodes" in w.value for w in at.warning)
    assert "10 nodes" in markdown_text(at)


def test_graph_of_a_document_and_of_the_claims_filter(monkeypatch: pytest.MonkeyPatch, demo_url: str) -> None:
    at = app(monkeypatch, demo_url, page="claims")
    at.selectbox(key="f_status").select("anecdotal").run()
    at.sidebar.radio[0].set_value("graph").run()
    at.radio(key="scope_kind").set_value("filter").run()
    assert "status=anecdotal" in unescape_md(" ".join(c.value for c in at.caption))
    assert '"status": "cited"' not in iframe_html(at)[0]
    at.radio(key="scope_kind").set_value("document").run()
    assert "doc:trauma-and-relationships" in iframe_html(at)[0]


def test_graph_works_view_shows_co_cited_works_and_citing_articles(monkeypatch: pytest.MonkeyPatch,
                                                                  corpus_url: str) -> None:
    at = app(monkeypatch, corpus_url, page="graph")
    at.radio(key="scope_kind").set_value("works").run()
    sleep, lee = work_of(corpus_url, "smith2010"), work_of(corpus_url, "lee2015")
    at.selectbox(key="scope_source").select(sleep).run()
    html = iframe_html(at)[0]
    assert _graph_ids(html) == {sleep, lee, "doc:memory", "doc:sleep-loss", "doc:sleep-paper"}
    assert '"title": "IN_CORPUS"' in html, "the cited work is an article of the corpus"
    assert "works cited with Smith & Jones, 2010" in unescape_md(markdown_text(at))


# -- export ---------------------------------------------------------------------------------------
def test_export_offers_every_format_with_the_right_data(monkeypatch: pytest.MonkeyPatch,
                                                        demo_url: str) -> None:
    """Every button defers its file to the click; calling what the click calls gives the right bytes."""
    deferred: dict[str, Any] = {}
    original = MediaFileManager.add_deferred

    def record(self: Any, data_callable: Any, mimetype: str | None, coordinates: str,
               file_name: str | None = None, **kwargs: Any) -> str:
        deferred[file_name or ""] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    at = app(monkeypatch, demo_url, page="export", node=work_of(demo_url))
    buttons = at.get("download_button")
    expected_labels = sorted(f"{fmt} (.{spec.extension})" for fmt, spec in FORMATS.items())
    assert sorted(b.label for b in buttons) == expected_labels
    assert all(b.proto.deferred_file_id and not b.proto.url for b in buttons), "downloads must be deferred"
    with open_store(demo_url, read_only=True) as store:
        depth = at.slider(key="scope_depth").value
        subgraph = store.subgraph(Scope(kind="node", node_id=work_of(demo_url), depth=depth))
        expected_json = export(subgraph, "json")
        expected_bib = export(subgraph, "bibtex")
    by_ext = {name.rsplit(".", 1)[1]: make for name, make in deferred.items()}
    assert set(by_ext) == {spec.extension for spec in FORMATS.values()}
    assert _text(by_ext["json"]()) == expected_json
    assert _text(by_ext["bib"]()) == expected_bib
    assert _bytes(by_ext["png"]()).startswith(b"\x89PNG")
    assert "data:image/svg+xml;base64," in "".join(html_blocks(at))
    assert "jordan" in markdown_text(at).lower()


def _text(data: bytes | str) -> str:
    return data.decode("utf-8") if isinstance(data, bytes) else data


def _bytes(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


# -- ingest ---------------------------------------------------------------------------------------
def test_upload_good_files_then_write(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from conftest import DEMO_ARTICLE, DEMO_BIB

    url = str(tmp_path / "fresh.db")
    at = app(monkeypatch, url, page="ingest")
    at.file_uploader(key="upload_article").upload(DEMO_ARTICLE.name, DEMO_ARTICLE.read_bytes(), "text/plain")
    at.file_uploader(key="upload_bib").upload(DEMO_BIB.name, DEMO_BIB.read_bytes(), "application/x-bibtex")
    at.run()
    assert not at.exception and not at.error
    metrics = {m.label: int(m.value) for m in at.metric}
    assert metrics["Claims"] > 0 and metrics["Cited"] > 0
    assert not Path(url).exists(), "nothing may be written before Write is pressed"
    preview = at.dataframe[0].value
    assert len(preview) == metrics["Claims"]
    jordan = preview[preview["text"].str.startswith("More likely to divorce")].iloc[0]
    assert jordan["status"] == "cited" and "Jordan et al., 1992" in jordan["references"]
    cited_line = next(m.value for m in at.markdown if "references cited:" in m.value)
    cited = {r for refs in preview["references"] for r in refs.split("; ") if r}
    assert f"references cited: {len(cited)}" in cited_line
    at.button(key="ingest_write").click().run()
    assert "Written to" in unescape_md(at.success[0].value)
    assert any('href="?page=read&amp;doc=doc:trauma-and-relationships"' in b for b in html_blocks(at))
    at.button(key="ingest_read").click().run()
    assert at.query_params == {"page": "read", "doc": "doc:trauma-and-relationships"}
    assert 'class="cg-reader"' in reader_body(at)
    with open_store(url, read_only=True) as store:
        assert store.stats()["nodes"]["Claim"] == metrics["Claims"]


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("bad.bib", b"@article{broken, title = {unclosed\n", "bad.bib"),
    ("latin1.bib", "@book{k, title={Caf\u00e9}}".encode("latin-1"), "latin1.bib:1: is not UTF-8 text"),
])
def test_upload_bad_bib_shows_message_and_writes_nothing(monkeypatch: pytest.MonkeyPatch, xss_url: str,
                                                         name: str, content: bytes, expected: str) -> None:
    before = count_nodes(xss_url)
    at = app(monkeypatch, xss_url, page="ingest")
    at.file_uploader(key="upload_article").upload("article.txt", b"Trauma isolates people (Herman, 1992).\n",
                                                  "text/plain")
    at.file_uploader(key="upload_bib").upload(name, content, "application/x-bibtex")
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and unescape_md(at.error[0].value).startswith(expected)
    assert "\n" not in at.error[0].value
    assert not at.get("button") or all(b.key != "ingest_write" for b in at.button)
    assert count_nodes(xss_url) == before


# -- safety ---------------------------------------------------------------------------------------
def test_article_comment_and_bibtex_text_is_escaped(monkeypatch: pytest.MonkeyPatch, xss_url: str) -> None:
    claim = first_claim(xss_url)
    pages = [app(monkeypatch, xss_url, page="trace", claim=claim["id"]),
             app(monkeypatch, xss_url, page="graph", node=claim["id"]),
             app(monkeypatch, xss_url, page="overview"),
             app(monkeypatch, xss_url, page="read", doc=claim["document_id"])]
    html = "\n".join(markdown_text(at) + "\n".join(iframe_html(at)) for at in pages)
    for raw in (XSS_TITLE, XSS_SOURCE_TITLE, "<b>follows</b>", "<script>x</script>", "<em>Section</em>"):
        assert raw not in html, f"unescaped: {raw}"
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Isolation &lt;b&gt;follows&lt;/b&gt; trauma &amp; &lt;i&gt;harms&lt;/i&gt;" in html
    graph = iframe_html(pages[1])[0]
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in graph
    assert XSS_CLAIM.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") in graph


MD_IMAGE = "![x](http://127.0.0.1:9/beacon)"
MD_SCRIPT_LINK = "[x](javascript:alert(1))"


def rendered_markdown(at: AppTest) -> list[str]:
    """Every string Streamlit renders as Markdown: markdown, captions, alerts, headers, widget labels."""
    texts: list[str] = [m.value for m in at.markdown]
    for kind in ("caption", "warning", "error", "info", "success", "header", "subheader", "title"):
        texts += [str(el.value) for el in getattr(at, kind)]
    for kind in ("selectbox", "radio", "text_input", "slider", "button", "checkbox", "number_input"):
        texts += [str(getattr(el, "label", "")) for el in getattr(at, kind)]
    texts += [str(el.proto.label) for el in at.get("download_button")]
    return texts


def test_markdown_in_data_and_url_parameters_stays_text(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    """No page turns article, comment or BibTeX text, or a URL parameter, into a Markdown image or link."""
    from explorer_data import markdown_batch

    url = make_store(tmp_path / "md.db", markdown_batch("http://127.0.0.1:9/beacon"))
    claim = first_claim(url)
    hostile = f"{MD_IMAGE}{MD_SCRIPT_LINK}"
    visits = [
        {"page": "overview"}, {"page": "read", "doc": claim["document_id"]}, {"page": "read", "doc": hostile},
        {"page": "claims", "source": hostile, "q": hostile, "document": hostile},
        {"page": "claims", "q": "Trauma"}, {"page": "trace", "claim": claim["id"]},
        {"page": "trace", "claim": hostile},
        {"page": "graph", "node": hostile}, {"page": "graph", "node": claim["id"]}, {"page": "graph"},
        {"page": "export", "node": hostile}, {"page": "export", "node": "evil2020"}, {"page": "ingest"},
    ]
    for params in visits:
        at = app(monkeypatch, url, **params)
        for text in rendered_markdown(at):
            assert "![x](" not in text and "[x](javascript" not in text, (params, text)
        for body in html_blocks(at):
            assert "<img src=x" not in body and "<script>alert" not in body, params
def test_upload_empty_article_shows_message_and_writes_nothing(monkeypatch: pytest.MonkeyPatch,
                                                               xss_url: str) -> None:
    before = count_nodes(xss_url)
    at = app(monkeypatch, xss_url, page="ingest")
    at.file_uploader(key="upload_article").upload("empty.md", b"", "text/markdown")
    at.run()
    assert not at.exception
    assert len(at.error) == 1 and unescape_md(at.error[0].value).startswith("empty.md: ")
    assert count_nodes(xss_url) == before


# -- scale ----------------------------------------------------------------------------------------
SCALE_CLAIMS = 100_000


@pytest.fixture(scope="module")
def scale_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store of 100k synthetic claims (graph.synthetic), built once for the module."""
    from graph.synthetic import merged, synthetic_batches

    url = str(tmp_path_factory.mktemp("scale") / "scale.db")
    with open_store(url) as store:
        for batch in merged(synthetic_batches(SCALE_CLAIMS), per_write=20):
            store.write(batch)
    return url


def test_every_page_renders_at_100k_claims(monkeypatch: pytest.MonkeyPatch, scale_url: str,
                                           record_property: Any) -> None:
    """Pages page and cap instead of loading the graph; render times are recorded, not asserted."""
    import time

    with open_store(scale_url, read_only=True) as store:
        first = store.claims(limit=1).rows[0]
        claim, document = first["id"], first["document_id"]
        source = store.sources()[0]["id"]
    pages = {"overview": {}, "claims": {}, "trace": {"claim": claim}, "graph": {}, "export": {},
             "ingest": {}}
    for page, params in pages.items():
        started = time.perf_counter()
        at = app(monkeypatch, scale_url, page=page, **params)
        seconds = round(time.perf_counter() - started, 2)
        record_property(f"render_{page}_seconds", seconds)
        print(f"{page}: first render {seconds} s at {SCALE_CLAIMS} claims")
        assert not at.error, [e.value for e in at.error]
        if page == "claims":
            assert len(at.dataframe[0].value) == 50
            assert f"{SCALE_CLAIMS} claims match" in at.caption[0].value
        if page in ("graph", "export"):
            assert at.radio(key="scope_kind").value == "source"
            assert at.selectbox(key="scope_source").value == source
        if page == "graph":
            drawn = iframe_html(at)[0].count('"shape":')
            assert drawn == 200 if at.warning else 0 < drawn < 200
    # A document is the one node a walk goes through (documents are hubs), so two steps
    # from a document reach its claims' evidence and the other claims citing its sources.
    at = app(monkeypatch, scale_url, page="graph", node=document)
    at.slider(key="scope_depth").set_value(2).run()
    assert any("Cut at 200 nodes" in w.value for w in at.warning)
    assert iframe_html(at)[0].count('"shape":') == 200


# -- the other backend ------------------------------------------------------------------------------
@pytest.mark.neo4j
def test_explorer_on_neo4j(monkeypatch: pytest.MonkeyPatch, neo4j_url: str, demo_result: Any) -> None:
    """The same pages on a real Neo4j: the explorer only talks to graph.store.Store."""
    with open_store(neo4j_url) as store:
        store.clear()
        store.write(demo_result.batch)
    at = app(monkeypatch, neo4j_url)
    sources = len(demo_result.batch.nodes_by_label(Label.SOURCE))
    assert {m.label: m.value for m in at.metric}["Works cited"] == str(sources)
    at = app(monkeypatch, neo4j_url, page="claims")
    at.selectbox(key="f_status").select("cited").run()
    assert set(at.dataframe[0].value["status"]) == {"cited"}
    claim = first_claim(neo4j_url, status="cited", text="Vietnam")
    at = app(monkeypatch, neo4j_url, page="trace", claim=claim["id"])
    assert '<mark class="cg-claim' in markdown_text(at) and "Jordan, B. K." in markdown_text(at)
    body = reader_body(app(monkeypatch, neo4j_url, page="read", doc=READER_DOC))
    assert f'<span class="cg-rc cg-s-cited" id="{claim["id"]}"' in body and "<h2>Comments (4)</h2>" in body
    at = app(monkeypatch, neo4j_url, page="graph", node=work_of(neo4j_url))
    assert work_of(neo4j_url) in iframe_html(at)[0]


def test_old_links_naming_a_source_by_its_key_open_its_work(monkeypatch: pytest.MonkeyPatch,
                                                            demo_url: str) -> None:
    """Links made before works had ids (?source=KEY, ?node=KEY) still open the work (issue #7)."""
    jordan = work_of(demo_url)
    at = app(monkeypatch, demo_url, page="graph", node="jordan1992problems")
    assert jordan in iframe_html(at)[0]
    at = app(monkeypatch, demo_url, page="claims", source="jordan1992problems")
    assert at.selectbox(key="f_source").value == jordan and not at.warning
