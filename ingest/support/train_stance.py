"""Rebuild the stance model from the labelled sets and measure it (`python -m ingest.support.train_stance`).

Every record of `tests/data/support/stance-{dev,blind,fresh,…,fresh5,fresh7,fresh9}.jsonl` is matched
to the citation the real pipeline finds for it (its article read under `--data-root`: the dev and blind
articles are in the repository, the fetched sets fresh..fresh9 are not: `--data-root /work/fetched`, looked
in first, the repository after) (as `ingest.evaluate_support` does), so the model learns from
what it will read: the citing sentence as ClaimGraph cuts it, its markers, its headings. Records whose
sentence matches no citation are left out (and counted). The model is a logistic regression
(scikit-learn, `liblinear`, L2, balanced class weights) over `stance_model.features`, trained on
supporting and mentioning records only. It decides only where the rules fell back to a default
(`stance_model.model_stance`): contrasting and every phrase cue of the rules stand.

`--evaluate` prints, for the rules alone and for rules + model: 5-fold cross-validation grouped by
article (no article in both train and test) over all sets, and leave-one-set-out (train on the other
sets, test on one; the sets come from different publishers, so this is the measure of generalisation),
each with per-class precision/recall/F1, macro-F1 and the confusion matrix.
`--write` trains on every record and writes `ingest/data/stance-model.json` (sorted keys, rounded
weights: the same labels give the same file byte for byte).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.schema import Stance
from ingest.evaluate_support import (
    DEFAULT_LABELS,
    ROOT,
    STANCES,
    article_graph,
    article_path,
    best_passage,
    confusion,
    per_class,
    read_labels,
)
from ingest.support.stance import CitingContext, classify_stance
from ingest.support.stance_model import MODEL_PATH, StanceModel, features, model_stance

SPLITS = ("dev", "blind", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh7", "fresh9",
          "support12", "support13", "support13cue", "support14", "support14cue", "support15", "support15cue")
C = 0.1  # inverse L2 strength, chosen by the grouped cross-validation (see docs/support.md)
MIN_COUNT = 2  # a feature seen in fewer training records is dropped
FOLDS = 5
DIGITS = 4  # weights are rounded to this many decimals in the file


@dataclass(frozen=True)
class Example:
    """One labelled citation with what the pipeline reads its stance from."""

    split: str
    article: str
    gold: str
    context: CitingContext
    rule: tuple[str, str]


def collect(label_dir: Path = DEFAULT_LABELS, splits: Sequence[str] = SPLITS,
            data_root: Path = ROOT) -> tuple[list[Example], int]:
    """The labelled records of `splits` found in the ingested articles (paths relative to `data_root`),
    and how many were not found."""
    examples, missing, graphs = [], 0, {}
    for split in splits:
        path = label_dir / f"stance-{split}.jsonl"
        if not path.is_file():
            continue
        for record in read_labels(path):
            article = record["article"]
            if article not in graphs:
                graphs[article] = article_graph(article_path(data_root, article))
            found = best_passage(str(record.get("sentence", "")),
                                 graphs[article].passages.get(record["rid"], []))
            if found is None or found[4] is None:
                missing += 1
                continue
            context = found[4]
            rule = classify_stance(context.sentence, context.marker, list(context.markers),
                                   context.backs_claim, context.methods)
            examples.append(Example(split, article, str(record["stance"]), context, rule))
    return examples, missing


def train(examples: Sequence[Example], c: float = C) -> StanceModel:
    """A supporting-versus-mentioning logistic regression over the examples' features."""
    from sklearn.linear_model import LogisticRegression

    rows = [(features(e.context, e.rule), e.gold) for e in examples if e.gold != Stance.CONTRASTING]
    counts: dict[str, int] = {}
    for found, _ in rows:
        for feature in found:
            counts[feature] = counts.get(feature, 0) + 1
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    column = {f: i for i, f in enumerate(vocabulary)}
    from scipy.sparse import csr_matrix

    data, indices, pointers = [], [], [0]
    for found, _ in rows:
        present = sorted(column[f] for f in found if f in column)
        indices += present
        data += [1.0] * len(present)
        pointers.append(len(indices))
    matrix = csr_matrix((data, indices, pointers), shape=(len(rows), len(vocabulary)))
    labels = [1 if gold == Stance.MENTIONING else 0 for _, gold in rows]
    fitted = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", max_iter=1000,
                                random_state=0).fit(matrix, labels)
    coef, intercept = fitted.coef_[0], float(fitted.intercept_[0])
    # two classes as one weight vector: supporting scores 0, mentioning scores w·x + b
    weights = {f: (0.0, round(float(coef[i]), DIGITS)) for f, i in column.items()
               if round(float(coef[i]), DIGITS) != 0.0}
    return StanceModel((str(Stance.SUPPORTING), str(Stance.MENTIONING)), (0.0, round(intercept, DIGITS)),
                       weights)


Predictor = Callable[[Example], str]


def rules_alone(example: Example) -> str:
    return example.rule[0]


def with_model(model: StanceModel) -> Predictor:
    return lambda example: model_stance(example.context, model, example.rule)[0]


def scores(pairs: list[tuple[str, str]]) -> dict[str, object]:
    """Accuracy, macro-F1, per-class table and confusion matrix of (gold, predicted) pairs."""
    table = per_class(pairs, STANCES)
    return {"records": len(pairs), "accuracy": sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0,
            "macro_f1": sum(row["f1"] for row in table.values()) / len(table), "per_class": table,
            "confusion": confusion(pairs, STANCES)}


def grouped_folds(examples: Sequence[Example], folds: int = FOLDS) -> list[tuple[list[int], list[int]]]:
    """(train, test) index lists: articles dealt round-robin into `folds` groups, largest first (names
    break ties), so no article is in both and the folds are of similar size; deterministic."""
    sizes: dict[str, int] = {}
    for e in examples:
        sizes[e.article] = sizes.get(e.article, 0) + 1
    loads, fold_of = [0] * folds, {}
    for article in sorted(sizes, key=lambda a: (-sizes[a], a)):
        fold = min(range(folds), key=lambda f: (loads[f], f))
        fold_of[article] = fold
        loads[fold] += sizes[article]
    return [([i for i, e in enumerate(examples) if fold_of[e.article] != f],
             [i for i, e in enumerate(examples) if fold_of[e.article] == f]) for f in range(folds)]


def cross_validated(examples: Sequence[Example], c: float = C) -> dict[str, list[tuple[str, str]]]:
    """(gold, predicted) pairs of the rules and of rules + model, every example predicted by a model that
    never saw its article."""
    pairs: dict[str, list[tuple[str, str]]] = {"rules": [], "rules + model": []}
    for train_ids, test_ids in grouped_folds(examples):
        predict = with_model(train([examples[i] for i in train_ids], c))
        for i in test_ids:
            pairs["rules"].append((examples[i].gold, rules_alone(examples[i])))
            pairs["rules + model"].append((examples[i].gold, predict(examples[i])))
    return pairs


def left_out(examples: Sequence[Example], held: str, c: float = C) -> dict[str, list[tuple[str, str]]]:
    """(gold, predicted) pairs on the set `held`, the model trained on the other sets' records of other
    articles (support13cue, support14cue and support15cue are second samples of support13's, support14's and
    support15's articles: neither trains the other's test)."""
    test = [e for e in examples if e.split == held]
    articles = {e.article for e in test}
    model = train([e for e in examples if e.split != held and e.article not in articles], c)
    return {"rules": [(e.gold, rules_alone(e)) for e in test],
            "rules + model": [(e.gold, with_model(model)(e)) for e in test]}


def report(title: str, pairs: dict[str, list[tuple[str, str]]]) -> list[str]:
    lines = [f"## {title}", ""]
    for name, found in pairs.items():
        result = scores(found)
        lines += [f"### {name}: {result['records']} citations, accuracy {result['accuracy']:.3f}, "
                  f"macro-F1 **{result['macro_f1']:.3f}**", "",
                  "| stance | precision | recall | F1 | gold | predicted |", "|---|---|---|---|---|---|"]
        lines += [f"| {cls} | {row['precision']:.2f} | {row['recall']:.2f} | {row['f1']:.2f} | "
                  f"{row['gold']} | {row['predicted']} |" for cls, row in result["per_class"].items()]  # type: ignore[union-attr]
        lines += ["", *result["confusion"], ""]  # type: ignore[misc]
    return lines


def loso_summary(held_out: dict[str, dict[str, list[tuple[str, str]]]]) -> list[str]:
    """One line per left-out set (macro-F1 and F1 per class, rules alone and rules + model), their mean,
    and the per-class table and confusion matrix of every left-out prediction pooled."""
    lines = ["## Leave-one-set-out summary", "",
             "| left out (citations) | rules alone macro-F1 | rules + model macro-F1 | "
             "F1 supporting / contrasting / mentioning (rules + model) |", "|---|---|---|---|"]
    means = {"rules": 0.0, "rules + model": 0.0}
    for held, pairs in held_out.items():
        result = {name: scores(found) for name, found in pairs.items()}
        for name in means:
            means[name] += float(result[name]["macro_f1"]) / len(held_out)  # type: ignore[arg-type]
        table = result["rules + model"]["per_class"]
        f1s = " / ".join(f"{table[cls]['f1']:.2f}" for cls in STANCES)  # type: ignore[index]
        lines.append(f"| {held} ({result['rules']['records']}) | {result['rules']['macro_f1']:.3f} | "
                     f"{result['rules + model']['macro_f1']:.3f} | {f1s} |")
    mean = f"| mean of the left-out sets | {means['rules']:.3f} | **{means['rules + model']:.3f}** | |"
    lines += [mean, ""]
    pooled = {name: [pair for pairs in held_out.values() for pair in pairs[name]] for name in means}
    return lines + report("Every left-out prediction pooled", pooled)


def model_text(model: StanceModel) -> str:
    """The model as JSON, one feature a line in sorted order (a retrained model diffs line by line)."""
    data = model.to_json()
    weights = data.pop("weights")
    assert isinstance(weights, dict)
    head = json.dumps(data, sort_keys=True, ensure_ascii=False)[:-1]
    lines = [f"{json.dumps(f, ensure_ascii=False)}: {json.dumps(w)}" for f, w in weights.items()]
    return head + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n"


def write_model(model: StanceModel, path: Path = MODEL_PATH) -> None:
    path.write_text(model_text(model), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.support.train_stance",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("labels", nargs="?", type=Path, default=DEFAULT_LABELS,
                        help=f"directory of stance-{{{','.join(SPLITS)}}}.jsonl (default {DEFAULT_LABELS})")
    parser.add_argument("--data-root", type=Path, default=ROOT,
                        help="folder the labels' article paths are relative to, looked in before the "
                        "repository (which holds only dev and blind; the fetched sets: /work/fetched)")
    parser.add_argument("--evaluate", action="store_true",
                        help="print grouped cross-validation and leave-one-set-out figures")
    parser.add_argument("--write", action="store_true", help=f"train on every record, write {MODEL_PATH}")
    parser.add_argument("--output", type=Path, default=MODEL_PATH, help="where --write writes the model")
    parser.add_argument("-C", type=float, default=C, help=f"inverse regularisation strength (default {C})")
    parser.add_argument("--splits", type=lambda text: tuple(s for s in text.split(",") if s), default=SPLITS,
                        help="comma-separated sets to read (default: all of them), e.g. to leave out a set "
                        "whose articles are not on this machine")
    args = parser.parse_args(argv)
    from ingest.model import InputError

    if not args.labels.is_dir():
        print(f"error: no label directory {args.labels}: give the folder holding stance-dev.jsonl",
              file=sys.stderr)
        return 2
    try:
        examples, missing = collect(args.labels, splits=args.splits, data_root=args.data_root)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if not examples:
        print(f"error: no labelled citation found in {args.labels}", file=sys.stderr)
        return 2
    splits = sorted({e.split for e in examples}, key=lambda s: (SPLITS + (s,)).index(s))
    print(f"# Stance model ({len(examples)} labelled citations of "
          f"{len({e.article for e in examples})} articles; {missing} records not found; C={args.C})\n")
    if args.evaluate:
        print("\n".join(report(f"{FOLDS}-fold cross-validation grouped by article, all sets",
                               cross_validated(examples, args.C))))
        held_out: dict[str, dict[str, list[tuple[str, str]]]] = {}
        for held in splits:
            if len(splits) > 1:
                others = " + ".join(s for s in splits if s != held)
                held_out[held] = left_out(examples, held, args.C)
                print("\n".join(report(f"Leave-set-out: trained on {others}, tested on {held}",
                                       held_out[held])))
        if held_out:
            print("\n".join(loso_summary(held_out)))
    if args.write:
        model = train(examples, args.C)
        write_model(model, args.output)
        print(f"wrote {args.output}: {len(model.weights)} features, trained on "
              f"{sum(e.gold != Stance.CONTRASTING for e in examples)} citations")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
