"""Study design, citation stance and claim support profiles (issue #13), end to end.

Unit cases for the design and stance components, then a small article through the real pipeline, a
SQLite store and the CLI (filters, trace, handout), the v2 -> v3 upgrade of a stripped store, the
linked-data export read back by rdflib, and the evaluator on labels written here.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_cli import cli, ok

from graph.model import ClaimFilter
from graph.schema import SCHEMA_VERSION, Label, RelType, strongest_design
from graph.store import open_store
from ingest.evaluate_support import evaluate, main, per_class
from ingest.pipeline import ingest_paths, ingest_text
from ingest.support.design import classify
from ingest.support.stance import classify_stance, methods_heading, section_headings
from ingest.upgrade import PLANNER

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = """Exercise and the heart

Regular exercise lowers blood pressure (Smith et al., 2010).

Contrary to Jones (2012), exercise does not raise the risk of a heart attack.

Walking helps older adults, consistent with Brown (2015), but unlike Green (2011) we saw no effect on sleep.

Stretching was measured as described previously (Brown, 2015).
"""
BIB = """
@article{smith2010,
  author = {Smith, Anna and Lee, Bo}, title = {A randomized controlled trial of exercise and blood pressure},
  journal = {Hypertension}, year = {2010}}
@article{jones2012,
  author = {Jones, Carl}, title = {Exercise and myocardial infarction: a case report},
  journal = {Heart}, year = {2012}}
@article{brown2015,
  author = {Brown, Dana}, title = {Walking in late life: a prospective cohort study},
  journal = {Age}, year = {2015}}
@book{green2011,
  author = {Green, Eve}, title = {Sleep and Movement}, publisher = {Press}, year = {2011}}
"""


def marked(sentence: str, *markers: str) -> list[tuple[int, int]]:
    spans = []
    for marker in markers:
        start = sentence.index(marker)
        spans.append((start, start + len(marker)))
    return spans


# -- design -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("props, design, reason", [
    ({"entry_type": "book", "title": "Trauma and Recovery"}, "book", "entry type: book"),
    ({"entry_type": "article", "title": "A randomized controlled trial of yoga for back pain"}, "rct",
     "title: 'A randomized controlled trial of yoga for back pain'"),
    ({"entry_type": "article", "title": "Statins and stroke: a systematic review and meta-analysis"},
     "systematic-review", "title: 'Statins and stroke: a systematic review and meta-analysis'"),
    ({"entry_type": "article", "title": "Smoking in a prospective cohort of nurses"}, "cohort",
     "title: 'Smoking in a prospective cohort of nurses'"),
    ({"entry_type": "article", "title": "Coffee and pancreatic cancer: a case-control study"}, "case-control",
     "title: 'Coffee and pancreatic cancer: a case-control study'"),
    ({"entry_type": "article", "title": "An unusual case of scurvy"}, "case-report",
     "title: 'An unusual case of scurvy'"),
    ({"entry_type": "article", "title": "Dopamine release in mice"}, "animal-in-vitro",
     "title: 'Dopamine release in mice'"),
    ({"entry_type": "article", "title": "Sleep", "venue": "Annual Review of Psychology"}, "narrative-review",
     "journal: 'Annual Review of Psychology'"),
    ({"entry_type": "misc", "title": "Data", "fields_json": json.dumps({"publication_type": "software"})},
     "dataset-software", "JATS publication-type: software"),
    ({"entry_type": "article", "title": "Stress",
      "fields_json": json.dumps({"keywords": "Meta-Analysis; humans"})},
     "systematic-review", "keywords: 'Meta-Analysis'"),
    ({"entry_type": "online", "title": "How to sleep"}, "web", "entry type: online"),
    # what names no design is unknown, with no reason: never a weak guess
    ({"entry_type": "article", "title": "Problems in families of male Vietnam veterans with posttraumatic "
      "stress disorder", "venue": "Journal of Consulting and Clinical Psychology",
      "fields_json": json.dumps({"note": "Data from the National Vietnam Veterans Readjustment Study"})},
     "unknown", ""),
    ({"entry_type": "article", "title": "Physical Review of something", "venue": "Physical Review Letters"},
     "unknown", ""),
])
def test_design_and_its_reason(props: dict, design: str, reason: str) -> None:
    found = classify(props)
    assert (found.design, found.reason) == (design, reason)


def test_design_of_a_work_in_the_corpus_comes_from_its_abstract() -> None:
    props = {"entry_type": "article", "title": "Sleep and memory"}
    assert classify(props).design == "unknown"
    found = classify(props, "Sleep and memory\n\nAbstract\n\nIn a prospective cohort of 2,000 adults we ...")
    assert found.design == "cohort" and found.reason.startswith("abstract: '")
    # an article's own text that uses software or a review does not make it one
    assert classify(props, "We used the R package lme4 (see the review by X).").design == "unknown"


def test_strongest_design() -> None:
    assert strongest_design(["book", "rct", "case-report"]) == "rct"
    assert strongest_design(["unknown"]) == "unknown"
    assert strongest_design([]) == ""


# -- stance -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, marker, stance, cue", [
    ("Contrary to Jones (2012), exercise does not raise risk.", "Jones (2012)", "contrasting", "Contrary to"),
    ("Our results are consistent with previous findings [3].", "[3]", "supporting", "consistent with "
                                                                                    "previous findings"),
    ("Sleep is regulated by two processes (for a review, see [4]).", "[4]", "mentioning",
     "for a review, see"),
    ("Samples were extracted using the method of Bligh [5].", "[5]", "mentioning", "were extracted"),
    ("Smith et al. [6] failed to replicate this effect.", "[6]", "contrasting", "failed to replicate"),
    ("Exercise lowers blood pressure [7].", "[7]", "supporting", ""),
])
def test_stance_and_its_cue(sentence: str, marker: str, stance: str, cue: str) -> None:
    span = marked(sentence, marker)[0]
    assert classify_stance(sentence, span, [span]) == (stance, cue)


def test_a_citation_that_backs_no_claim_is_mentioning() -> None:
    sentence = "The gene was first cloned in 1990 [8]."
    span = marked(sentence, "[8]")[0]
    assert classify_stance(sentence, span, [span], backs_claim=False) == ("mentioning", "")


def test_stance_is_scoped_to_the_clause_holding_the_marker() -> None:
    sentence = "Walking helps, consistent with Brown [1], but unlike previous studies [2] we saw no effect."
    one, two = marked(sentence, "[1]", "[2]")
    assert classify_stance(sentence, one, [one, two])[0] == "supporting"
    assert classify_stance(sentence, two, [one, two]) == ("contrasting", "unlike previous studies")


def test_the_semicolon_inside_a_citation_cuts_no_clause() -> None:
    sentence = ("Mutations are unlikely to be caused by oxygen, as previous reports have suggested "
                "(Polyak et al., 1998; Larman et al., 2012).")
    spans = marked(sentence, "Polyak et al., 1998", "Larman et al., 2012")
    assert [classify_stance(sentence, s, spans)[0] for s in spans] == ["contrasting", "contrasting"]



def stance_of(sentence: str, marker: str, *others: str, methods: str = "") -> tuple[str, str]:
    """(stance, cue) of `marker` in a sentence that also cites `others`."""
    spans = marked(sentence, marker, *others)
    return classify_stance(sentence, spans[0], spans, methods=methods)


def test_a_methods_section_is_found_from_its_subsections() -> None:
    text = ("# Title\n\n## Results\n\nA.\n\n## Materials and methods\n\n### Fly stocks\n\nB.\n\n"
            "## Acknowledgements\n\nC.")
    headings = section_headings(text)
    assert methods_heading(headings, text.index("A.")) == ""
    assert methods_heading(headings, text.index("B.")) == "Materials and methods"
    assert methods_heading(headings, text.index("C.")) == ""
    assert methods_heading([], 0, "2.1 Methods") == "2.1 Methods"  # no Markdown headings: the claim's own
    assert methods_heading([], 0, "Methodological concerns") == ""


def test_in_a_methods_section_a_citation_without_a_cue_is_mentioning() -> None:
    sentence = "Flies were raised on standard cornmeal food at 25 degrees (Smith, 2001)."
    assert stance_of(sentence, "Smith, 2001") == ("supporting", "")
    assert stance_of(sentence, "Smith, 2001", methods="Materials and methods") == (
        "mentioning", "section: Materials and methods")
    agreeing = "Our yields are consistent with previous reports (Smith, 2001)."
    assert stance_of(agreeing, "Smith, 2001", methods="Methods") == ("supporting",
                                                                     "consistent with previous reports")


def test_a_verb_of_use_makes_the_marker_it_leads_to_mentioning() -> None:
    tree = ("The tree was inferred with PhyML 3.0 (Guindon et al., 2010) using the LG matrix "
            "(Le and Gascuel, 2008).")
    assert stance_of(tree, "Guindon et al., 2010", "Le and Gascuel, 2008") == (
        "mentioning", "was inferred with PhyML 3.0 (")
    assert stance_of(tree, "Le and Gascuel, 2008", "Guindon et al., 2010") == (
        "mentioning", "using the LG matrix (")
    # a numeric marker inside brackets: '[18,19]' printed as two markers
    guidelines = "The scale was translated following the guidelines for cross-cultural adaptation [18,19]."
    assert stance_of(guidelines, "18", "19")[0] == "mentioning"
    assert stance_of("Plasmid pX was a gift from Jones [4].", "[4]") == ("mentioning", "gift from")
    assert stance_of("This technique, recommended by Slade [29], counts frequent answers.", "[29]") == (
        "mentioning", "recommended by Slade")


def test_a_verb_of_use_binds_only_the_marker_it_leads_to() -> None:
    sentence = "Emission of bergamotene (Smith, 2000) does not differ in lines grown following Jones (2004)."
    assert stance_of(sentence, "Smith, 2000", "Jones (2004)") == ("supporting", "")
    assert stance_of(sentence, "Jones (2004)", "Smith, 2000") == ("mentioning", "following")
    # in news and web text 'According to' attributes the claim to its evidence
    assert stance_of("According to Smith (2015), walking lowers blood pressure.", "Smith (2015)") == (
        "supporting", "")


def test_a_structure_named_as_a_resource_is_mentioning() -> None:
    sentence = "The crystal structure of H3-bound EED (Margueron et al., 2009) suggests a binding cavity."
    assert stance_of(sentence, "Margueron et al., 2009")[0] == "mentioning"


def test_e_g_counts_only_in_the_citation_or_just_before_it() -> None:
    assert stance_of("Cells respond to many signals (e.g., Smith, 2001).", "Smith, 2001") == (
        "mentioning", "e.g.")
    assert stance_of("Models of hormone fields, e.g. (Jones et al., 2006), could be combined.",
                     "Jones et al., 2006") == ("mentioning", "e.g.")
    assert stance_of("Infection risk rises with surface water, e.g. with heavy rainfall and floods [31].",
                     "[31]") == ("supporting", "")


def test_background_pointers_are_mentioning() -> None:
    assert stance_of("Ryan and Rutenberg [39] proposed a two-stage nucleation model of raft growth.",
                     "[39]") == ("mentioning", "proposed a two-stage nucleation model")
    assert stance_of("These questions are still unresolved and are an area of intense interest [3].",
                     "[3]") == ("mentioning", "are still unresolved")
    assert stance_of("It differs from the well-studied activator-inhibitor models (Gierer, 1972).",
                     "Gierer, 1972") == ("mentioning", "the well-studied activator-inhibitor models")
    assert stance_of("Several historians have published books on this theme [5].", "[5]") == (
        "mentioning", "published books")


def test_a_prior_hypothesis_answered_by_but_is_contrasting() -> None:
    sentence = ("Some authors have hypothesized that T4 is displaced from its carrier (Hamers, 2006; "
                "Meerts, 2000), but binding models indicate only weak affinity.")
    spans = marked(sentence, "Hamers, 2006", "Meerts, 2000")
    assert [classify_stance(sentence, s, spans) for s in spans] == [
        ("contrasting", "have hypothesized …, but")] * 2
    alone = "Some authors have hypothesized that T4 is displaced from its carrier (Hamers, 2006)."
    assert stance_of(alone, "Hamers, 2006") == ("supporting", "")


def test_what_the_citing_work_does_not_find_of_what_others_reported_is_contrasting() -> None:
    sentence = "Our conditions do not detect enrichment at some sites that have been reported by others [6]."
    assert stance_of(sentence, "[6]")[0] == "contrasting"


def test_a_plural_noun_questions_is_no_contrasting_cue() -> None:
    sentence = "The profile consists of 49 questions that are grouped by Locker's model [1]."
    assert stance_of(sentence, "[1]")[0] != "contrasting"
    assert stance_of("These data question the earlier model [2].", "[2]")[0] == "contrasting"

# -- through the pipeline, a store and the CLI ---------------------------------------------------------
@pytest.fixture(scope="module")
def result():
    return ingest_text(ARTICLE, "exercise.txt", BIB)


@pytest.fixture(scope="module")
def stored(result, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("support") / "support.db"
    with open_store(str(path)) as store:
        store.write(result.batch)
    return path


def claim_props(result, prefix: str) -> dict:
    [claim] = [n.props for n in result.batch.nodes_by_label(Label.CLAIM)
               if n.props["text"].startswith(prefix)]
    return claim


def test_claims_carry_their_support_profile(result) -> None:
    assert {k: claim_props(result, "Regular exercise")[k] for k in
            ("status", "support_design", "n_supporting", "n_contrasting")} == {
        "status": "cited", "support_design": "rct", "n_supporting": 1, "n_contrasting": 0}
    assert {k: claim_props(result, "Contrary to Jones")[k] for k in
            ("status", "support_design", "n_supporting", "n_contrasting")} == {
        "status": "disputed-by-citation", "support_design": "", "n_supporting": 0, "n_contrasting": 1}
    walking = claim_props(result, "Walking helps")
    assert [walking[k] for k in ("status", "support_design", "n_supporting", "n_contrasting")] == [
        "cited", "cohort", 1, 1]
    sources = {n.props["keys"]: n.props for n in result.batch.nodes_by_label(Label.SOURCE)}
    assert {k: (v["design"], v["design_reason"]) for k, v in sources.items()} == {
        "smith2010": ("rct", "title: 'A randomized controlled trial of exercise and blood pressure'"),
        "jones2012": ("case-report", "title: 'Exercise and myocardial infarction: a case report'"),
        "brown2015": ("cohort", "title: 'Walking in late life: a prospective cohort study'"),
        "green2011": ("book", "entry type: book")}
    stances = {r.props["key"]: (r.props["stance"], r.props["stance_cue"]) for r in result.batch.relationships
               if r.type == RelType.CITES and r.start.startswith("evidence:")}
    assert stances["jones2012"] == ("contrasting", "Contrary to")
    assert stances["green2011"] == ("contrasting", "unlike")
    assert all(r.props["stance"] == "" for r in result.batch.relationships
               if r.type == RelType.CITES and r.start.startswith("doc:"))
    assert result.articles[0].cited == 3  # of 4: the disputed claim is not counted as cited


def test_cli_filters_on_design_stance_and_status(stored: Path) -> None:
    def texts(*args: str) -> list[str]:
        rows = json.loads(ok(cli(stored, "claims", "--format", "json", *args)).stdout)
        return [r["text"].split()[0] for r in rows]

    assert texts("--design", "rct,systematic-review") == ["Regular"]
    assert texts("--design", "cohort") == ["Walking"]
    assert texts("--only-design", "rct") == ["Regular"]
    assert texts("--only-design", "case-report,commentary") == []
    assert texts("--stance", "contrasting") == ["Contrary", "Walking"]
    assert texts("--status", "disputed-by-citation") == ["Contrary"]
    wrong = cli(stored, "claims", "--design", "trial")
    assert wrong.returncode == 2 and "trial is not a study design" in wrong.stderr
    assert "\n" not in wrong.stderr.strip()
    none = ok(cli(stored, "claims", "--only-design", "case-report"))
    assert "no claim rests only on works of those designs" in none.stderr


def test_trace_shows_design_and_stance_beside_each_reference(stored: Path, result) -> None:
    claim = next(n.id for n in result.batch.nodes_by_label(Label.CLAIM)
                 if n.props["text"].startswith("Walking"))
    out = ok(cli(stored, "trace", claim)).stdout
    assert ("design: cohort (title: 'Walking in late life: a prospective cohort study') · stance: "
            "supporting ('consistent with')") in out
    assert "design: book (entry type: book) · stance: contrasting ('unlike')" in out
    as_json = json.loads(ok(cli(stored, "trace", claim, "--format", "json")).stdout)
    stances = sorted(s["stance"] for e in as_json["evidence"] for s in e["sources"])
    assert stances == ["contrasting", "supporting"]


def test_handout_groups_claims_by_strength_of_support(stored: Path) -> None:
    text = ok(cli(stored, "export", "--format", "markdown", "-o", "-")).stdout
    trial = text.index("### Backed by a trial or systematic review (1)")
    observational = text.index("### Backed by an observational study (1)")
    disputed = text.index("## Claims whose only citations dispute the works they cite (1)")
    assert trial < observational < disputed
    assert "(contrasting: “Contrary to”)" in text
    assert "— design: rct (title: 'A randomized controlled trial of exercise and blood pressure')" in text
    assert "3 cited, 0 cited-unresolved, 1 disputed-by-citation" in text


def test_counts_name_disputed_claims(stored: Path) -> None:
    with open_store(str(stored), read_only=True) as store:
        assert store.stats()["claims_by_status"]["disputed-by-citation"] == 1
        assert store.claims(ClaimFilter(status="disputed-by-citation")).total == 1
    out = ok(cli(stored, "documents", "--format", "json")).stdout
    assert json.loads(out)[0]["disputed-by-citation"] == 1


# -- upgrade -------------------------------------------------------------------------------------------
def test_a_v2_store_upgrades_to_v3_by_computing_from_what_it_stores(result, tmp_path: Path) -> None:
    """A store as v2 wrote it (no design, stance or profile; the disputed claim 'cited') opens as v3 with
    the same values a fresh ingest computes."""
    path = tmp_path / "v2.db"
    with open_store(str(path)) as store:
        store.write(result.batch)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE claim SET support_design = NULL, n_supporting = NULL, n_contrasting = NULL, "
                     "status = CASE status WHEN 'disputed-by-citation' THEN 'cited' ELSE status END")
        conn.execute("UPDATE source SET design = NULL, design_reason = NULL")
        conn.execute("UPDATE rel SET props = json_remove(props, '$.stance', '$.stance_cue') WHERE type = "
                     "'CITES'")
        conn.execute("UPDATE claimgraph_meta SET value = '2' WHERE key = 'schema_version'")
        conn.execute("PRAGMA user_version = 2")
    conn.close()
    with pytest.raises(Exception, match="claimgraph upgrade --store"):
        open_store(str(path), read_only=True)
    with open_store(str(path), planner=PLANNER) as store:
        assert store.schema_version() == SCHEMA_VERSION == 4
        claims = {n.id: n.props for chunk in store.iter_nodes(Label.CLAIM) for n in chunk}
        sources = {n.id: n.props for chunk in store.iter_nodes(Label.SOURCE) for n in chunk}
        cites = {(r.start, r.end): r.props for chunk in store.iter_relationships(RelType.CITES)
                 for r in chunk}
    for node in result.batch.nodes:
        if node.label == Label.CLAIM:
            assert {k: claims[node.id][k] for k in ("status", "support_design", "n_supporting",
                                                    "n_contrasting")} == {
                k: node.props[k] for k in ("status", "support_design", "n_supporting", "n_contrasting")}
        if node.label == Label.SOURCE:
            assert (sources[node.id]["design"], sources[node.id]["design_reason"]) == (
                node.props["design"], node.props["design_reason"])
    for rel in result.batch.relationships:
        if rel.type == RelType.CITES:
            assert cites[(rel.start, rel.end)] == rel.props


# -- linked data ---------------------------------------------------------------------------------------
def test_linked_data_exports_read_back_with_cito_typing(stored: Path, tmp_path: Path) -> None:
    from rdflib import Graph, Namespace, URIRef

    from graph.linked_data import node_iri

    cito = Namespace("http://purl.org/spar/cito/")
    graphs = {}
    for fmt, parse_as in (("turtle", "turtle"), ("jsonld", "json-ld")):
        out = tmp_path / f"graph.{fmt}"
        ok(cli(stored, "export", "--format", fmt, "-o", str(out)))
        graphs[fmt] = Graph().parse(out, format=parse_as)
    assert len(graphs["turtle"]) == len(graphs["jsonld"]) > 100
    assert set(graphs["turtle"]) == set(graphs["jsonld"])
    graph = graphs["turtle"]
    with open_store(str(stored), read_only=True) as store:
        works = {s["keys"]: URIRef(node_iri(s["id"])) for s in store.sources()}
    article = URIRef(node_iri("doc:exercise"))
    assert (article, cito.disputes, works["jones2012"]) in graph
    assert (article, cito.citesAsEvidence, works["smith2010"]) in graph
    assert (article, cito.supports, works["brown2015"]) in graph  # 'consistent with' is a cue
    assert (article, cito.citesForInformation, works["brown2015"]) in graph  # 'as described previously'
    assert (article, cito.disputes, works["smith2010"]) not in graph
    for work in works.values():
        assert (article, cito.cites, work) in graph
    # a subgraph as other exports do: only the disputed claim and what it rests on
    out = tmp_path / "disputed.ttl"
    ok(cli(stored, "export", "--format", "turtle", "--status", "disputed-by-citation", "-o", str(out)))
    small = Graph().parse(out, format="turtle")
    cited = {o for _, _, o in small.triples((None, cito.cites, None))}
    assert cited == {works["jones2012"]}


# -- the evaluator ---------------------------------------------------------------------------------------
def test_per_class_scores() -> None:
    table = per_class([("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")], ["a", "b"])
    assert table["a"] == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3), "gold": 2,
                          "predicted": 1}
    assert table["b"]["precision"] == pytest.approx(2 / 3) and table["b"]["recall"] == 1.0


def write_labels(folder: Path, split: str, design: list[dict], stance: list[dict]) -> None:
    folder.mkdir(exist_ok=True)
    for name, records in (("design", design), ("stance", stance)):
        text = "".join(json.dumps(r) + "\n" for r in records)
        (folder / f"{name}-{split}.jsonl").write_text(text, encoding="utf-8")


def test_evaluator_scores_labels_against_the_ingested_article(tmp_path: Path) -> None:
    """Labels written here for elife00005 (not held out): what the article's graph says is scored."""
    article = "tests/data/corpus/jats/elife00005.xml"
    batch = ingest_paths([ROOT / article], []).batch
    nodes = {n.id: n for n in batch.nodes}
    cite = next(r for r in batch.relationships if r.type == RelType.CITES and r.start.startswith("evidence:"))
    evidence = nodes[cite.start].props
    text = nodes[evidence["document_id"]].props["text"]
    sentence = text[max(0, evidence["start"] - 60):evidence["end"] + 10]
    source = nodes[cite.end].props
    gold_design, other = source["design"], "rct" if source["design"] != "rct" else "cohort"
    write_labels(tmp_path / "labels", "dev",
                 [{"article": article, "rid": cite.props["key"], "design": gold_design, "named": True},
                  {"article": article, "rid": cite.props["key"], "design": other, "named": False}],
                 [{"article": article, "rid": cite.props["key"], "sentence": sentence,
                   "stance": cite.props["stance"]},
                  {"article": article, "rid": cite.props["key"], "sentence": "No such sentence in it at all.",
                   "stance": "contrasting"}])
    result = evaluate(tmp_path / "labels")
    assert result["design"]["accuracy_named"] == 1.0
    assert result["design"]["wrong"] == (0 if gold_design == "unknown" else 1)
    assert result["stance"]["records"] == 1 and result["stance"]["not_found"] == 1
    assert result["stance"]["accuracy"] == 1.0


def test_evaluator_blind_flag_reads_the_blind_split_and_bad_lines_are_one_line(tmp_path: Path,
                                                                              capsys) -> None:
    folder = tmp_path / "labels"
    write_labels(folder, "blind", [], [])
    (folder / "design-blind.jsonl").write_text('{"article": "x"\n', encoding="utf-8")
    assert main([str(folder), "--blind"]) == 2
    err = capsys.readouterr().err
    assert "design-blind.jsonl:1: not JSON" in err and err.count("\n") == 1
    assert main([str(tmp_path / "nowhere")]) == 2


def test_evaluator_set_option_reads_the_named_set_and_refuses_a_bad_name(tmp_path: Path, capsys) -> None:
    """--set NAME scores design-NAME.jsonl / stance-NAME.jsonl (the fresh sets) instead of the dev split."""
    folder = tmp_path / "labels"
    write_labels(folder, "fresh9", [], [])
    result = evaluate(folder, label_set="fresh9")
    assert result["split"] == "fresh9" and result["stance"]["records"] == 0
    assert main([str(folder), "--set", "fresh9", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["split"] == "fresh9"
    (folder / "stance-fresh9.jsonl").write_text('{"article": "x"\n', encoding="utf-8")
    assert main([str(folder), "--set", "fresh9"]) == 2
    err = capsys.readouterr().err
    assert "stance-fresh9.jsonl:1: not JSON" in err and err.count("\n") == 1
    for bad in ("nothere", "../labels/fresh9", ""):
        assert main([str(folder), "--set", bad]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and err.count("\n") == 1
    with pytest.raises(SystemExit):
        main([str(folder), "--set", "fresh9", "--blind"])


def test_annotating_costs_grow_linearly_with_the_citations() -> None:
    """Operation counts (no timing): a document of twice the citing sentences, or one run-on sentence
    of twice the markers, costs about twice as much to annotate."""
    import sys

    from ingest.support.profile import annotate

    def cost(text: str) -> int:
        batch = ingest_text(text, "many.txt", BIB).batch
        calls = 0

        def count(frame, event, arg) -> None:
            nonlocal calls
            if event in ("call", "c_call"):
                calls += 1

        sys.setprofile(count)
        try:
            annotate(batch.nodes, batch.relationships)
        finally:
            sys.setprofile(None)
        return calls

    sentence = "Exercise lowers blood pressure, consistent with Brown (2015) and unlike Green (2011). "
    for unit in (sentence, "Exercise helps (Smith et al., 2010; Brown, 2015), "):
        small, large = cost("Title\n\n" + unit * 150 + "\n"), cost("Title\n\n" + unit * 300 + "\n")
        assert large / small < 2.4, (unit, small, large)
