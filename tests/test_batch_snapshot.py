"""The extractor's full output is exactly what it was before the speed work (issue #9).

The snapshot (tests/data/snapshots/batches.json.gz) was written by `python -m tests.batch_snapshot
--write` from the code before any speed change; every node, relationship (in order), unresolved
citation and warning of the demo and of every evaluation set's articles must match it.
"""

from __future__ import annotations

import json

import pytest

from tests.batch_snapshot import current_records, read_snapshot


@pytest.fixture(scope="module")
def records() -> tuple[dict, dict]:
    return read_snapshot(), current_records()


def test_the_same_articles_are_ingested(records):
    expected, current = records
    assert sorted(current) == sorted(expected)
    assert len(expected) > 100


def test_every_result_is_identical_to_the_snapshot(records):
    expected, current = records
    current = json.loads(json.dumps(current, ensure_ascii=False, sort_keys=True))
    changed = [name for name in expected if current.get(name) != expected[name]]
    assert changed == []
