"""A deterministic fuzz sample of hostile inputs through `python -m claimgraph ingest` (bench/fuzz.py).

Each case runs in its own subprocess, with a time bound, on a fresh copy of a SQLite store holding
the bundled demo. After every rejection the store's export hash and SQL dump are unchanged and it
passes `PRAGMA integrity_check`; every rejection is one line naming the file; no case ends in a
traceback or a hang; no accepted input changes the demo's part of the graph. `python -m bench.fuzz`
runs 1,000 or more of the same generated cases on demand.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from bench.fuzz import (
    RANDOM_KINDS,
    Demo,
    Outcome,
    demo_store,
    fixed_cases,
    generate,
    run_case,
    run_cases,
    snapshot,
)

SAMPLE = 230
SEED = 12
BOUND_SECONDS = 60  # per case: these inputs are at most a few hundred KB (a slow, shared machine included)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    return snapshot(demo_store(tmp_path_factory.mktemp("demo") / "demo.db"))


@pytest.fixture(scope="module")
def outcomes(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    cases = generate(SAMPLE, SEED, replacement=False)
    return run_cases(cases, demo, tmp_path_factory.mktemp("fuzz"), BOUND_SECONDS, jobs=2)


def _listing(bad: list[Outcome]) -> str:
    return "\n".join(f"{o.case.name} [{o.case.kind}] {o.status} {o.seconds:.1f}s: "
                     f"{(o.problem or o.replaced or o.message)[:200]}" for o in bad)


def test_the_sample_is_large_and_covers_every_class(outcomes: list[Outcome]) -> None:
    assert len(outcomes) >= 200
    kinds = {o.case.kind for o in outcomes}
    named = {"special-file", "size", "names", "bibtex", "nonsense", "html", "control"}
    assert set(RANDOM_KINDS) | named <= kinds
    assert sum(o.status == "rejected" for o in outcomes) >= 100
    assert sum(o.status == "accepted" for o in outcomes) >= 50


def test_no_case_ends_in_a_traceback(outcomes: list[Outcome]) -> None:
    bad = [o for o in outcomes if o.status == "traceback"]
    assert not bad, _listing(bad)


def test_no_case_runs_past_its_time_bound(outcomes: list[Outcome]) -> None:
    bad = [o for o in outcomes if o.status == "hang"]
    assert not bad, _listing(bad)


def test_every_rejection_is_one_line_naming_the_file(outcomes: list[Outcome]) -> None:
    bad = [o for o in outcomes if o.status == "bad-message"]
    assert not bad, _listing(bad)
    for outcome in outcomes:
        if outcome.status == "rejected":
            assert outcome.message.startswith("claimgraph: error: ") and "Traceback" not in outcome.message


def test_the_store_is_unchanged_and_sound_after_every_rejection(outcomes: list[Outcome]) -> None:
    bad = [o for o in outcomes if o.store_changed or o.integrity != "ok"]
    assert not bad, _listing(bad)
    assert any(o.status == "rejected" for o in outcomes)


def test_no_accepted_input_changes_the_demo(outcomes: list[Outcome]) -> None:
    bad = [o for o in outcomes if o.replaced]
    assert not bad, _listing(bad)


def test_each_case_ends_as_it_should(outcomes: list[Outcome]) -> None:
    """Named cases are rejected or accepted as the issue says (a .docx refused, page.HTML read, non-Latin
    names kept apart, …); generated ones as their class says."""
    bad = [o for o in outcomes if o.problem]
    assert not bad, _listing(bad)


def _fixed(name: str):
    return next(c for c in fixed_cases() if c.name == name)


@pytest.mark.parametrize("name", ["bib-redefines-demo-key", "same-file-name-other-path"])
def test_an_input_never_silently_replaces_the_demo(name: str, demo: Demo, tmp_path: Path) -> None:
    """A second .bib redefining herman1992trauma (Impostor, 1066) leaves the demo's nodes and traces
    alone; an article whose file name matches the demo's, from another path, is refused naming both."""
    outcome = run_case(_fixed(name), demo, tmp_path, BOUND_SECONDS)
    assert outcome.status in ("accepted", "rejected"), outcome.message
    assert not outcome.store_changed and outcome.integrity == "ok"
    assert not outcome.replaced, outcome.replaced
    if name == "same-file-name-other-path":
        assert outcome.status == "rejected" and "ingest/data/trauma-and-relationships.txt" in outcome.message
        assert "--replace" in outcome.message


def test_the_replacement_check_sees_a_replacement_asked_for(demo: Demo, tmp_path: Path) -> None:
    """With --replace the same input does replace the demo, and the harness says so (its check can fail)."""
    case = replace(_fixed("same-file-name-other-path"), flags=("--replace",), expect="accept")
    outcome = run_case(case, demo, tmp_path, BOUND_SECONDS)
    assert outcome.status == "accepted", outcome.message
    assert "demo nodes changed" in outcome.replaced and "demo traces changed" in outcome.replaced
