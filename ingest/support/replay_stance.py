"""Frozen-rules replay of the stance sets' first runs (`python -m ingest.support.replay_stance`).

Leave-one-set-out (`train_stance --evaluate`) judges only the model out of sample: the rules of `stance.py`
were written with every set's errors in view, the left-out one's included. This replay judges both: each set
is classified by the rules as they were at its first run (`ingest/support/stance.py` read from that commit
with `git show`; `HEAD` is the working tree's), and by the current trainer's model fitted on every other
set's records of other articles, their rule features computed by the same frozen rules. The rules at a set's
first run never saw that set, so neither part has. Prints per set and pooled (the per-class table and the
confusion matrix of every replayed prediction), rules alone and rules + model.

    python -m ingest.support.replay_stance --data-root /work/fetched
    python -m ingest.support.replay_stance --data-root /work/fetched --at support16=HEAD   # a new set
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from ingest.evaluate_support import DEFAULT_LABELS, ROOT
from ingest.support import stance_model
from ingest.support.train_stance import SPLITS, Example, collect, left_out, loso_summary

# The commit whose stance rules first ran on each set (docs/support.md, "26th stop"): support12 and support13
# ran with the stance12 rules (main cd8c7f9 and 2a659bd hold the same stance.py), support14 with stance15's
# (c785326), support15 with stance16's (4a7a880, the same stance.py as stance17's base). The earlier sets
# first ran before the model existed or under rules since rewritten many times; they are not replayed.
FIRST_RUN_RULES = {"support12": "cd8c7f9", "support13": "cd8c7f9", "support13cue": "cd8c7f9",
                   "support14": "c785326", "support14cue": "c785326", "support15": "4a7a880",
                   "support15cue": "4a7a880"}


def rules_at(commit: str) -> ModuleType:
    """`ingest/support/stance.py` as it was at `commit` (the working tree's for HEAD), as a module."""
    if commit == "HEAD":
        import ingest.support.stance as current

        return current
    source = subprocess.run(["git", "show", f"{commit}:ingest/support/stance.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    name = f"_stance_at_{commit}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{name}.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
    return module


def with_rules(examples: list[Example], module: ModuleType) -> list[Example]:
    """The examples with the rule stance of `module`'s classify_stance."""
    return [replace(e, rule=module.classify_stance(e.context.sentence, e.context.marker,
                                                   list(e.context.markers), e.context.backs_claim,
                                                   e.context.methods))
            for e in examples]


def replay(examples: list[Example], first_run: dict[str, str]) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """(gold, predicted) pairs per replayed set, rules alone and rules + model, each set under its rules."""
    modules: dict[str, ModuleType] = {}
    ruled: dict[str, list[Example]] = {}
    held_out = {}
    current_clause_of = stance_model.clause_of
    try:
        for held, commit in first_run.items():
            if not any(e.split == held for e in examples):
                continue
            if commit not in modules:
                modules[commit] = rules_at(commit)
                ruled[commit] = with_rules(examples, modules[commit])
            stance_model.clause_of = modules[commit].clause_of  # the model's clause words as those rules cut
            held_out[held] = left_out(ruled[commit], held)
    finally:
        stance_model.clause_of = current_clause_of
    return held_out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.support.replay_stance",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("labels", nargs="?", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--data-root", type=Path, default=ROOT)
    parser.add_argument("--at", action="append", default=[], metavar="SET=COMMIT",
                        help="replay SET under the rules of COMMIT (HEAD: the working tree), besides the "
                        "default first runs; its stance-SET.jsonl must be in the label folder")
    args = parser.parse_args(argv)
    first_run = dict(FIRST_RUN_RULES)
    for item in args.at:
        name, _, commit = item.partition("=")
        first_run[name] = commit or "HEAD"
    splits = tuple(dict.fromkeys((*SPLITS, *first_run)))
    examples, missing = collect(args.labels, splits=splits, data_root=args.data_root)
    print(f"# Frozen-rules replay ({len(examples)} labelled citations; {missing} records not found)\n")
    print("| set | rules of |\n|---|---|")
    print("\n".join(f"| {held} | {commit} |" for held, commit in first_run.items()) + "\n")
    print("\n".join(loso_summary(replay(examples, first_run))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
