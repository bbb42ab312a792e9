"""Score study designs and citation stances against hand-labelled sets (`python -m ingest.evaluate_support`).

The labels (JSON lines, written blind by another engineer; see that directory's README):
- `design-<split>.jsonl`: {article, rid, reference, design, named, basis}: the design of the work the
  article's reference `rid` names; `named` says whether its metadata or title names the design.
- `stance-<split>.jsonl`: {article, rid, sentence, marker, stance, cue}: the stance of `sentence`
  toward the work `rid`.

Each article (a JATS file, path relative to a data root: `--data-root`, else the repository, which holds
the dev and blind articles of tests/data/corpus; the fetched sets fresh..fresh4, which the repository
does not hold, live under /work/fetched: `--data-root /work/fetched`) is ingested alone through the real
pipeline (`ingest_paths`): the design of a record is the `design` of the Source its Document -> Source
CITES names by the key `rid`; the stance is the `stance` on the Evidence -> Source CITES of that key
whose citing passage best matches the labelled sentence (rapidfuzz partial ratio of the sentence against
the text around the marker; below MIN_MATCH the record is 'not found' and left out of the scores, and
counted).

Design: accuracy where `named` is true, the wrong-label rate over every record (a label other than
`unknown` that is not the gold one), per-class precision/recall and the confusion matrix. Stance:
per-class precision/recall/F1, macro-F1 and the confusion matrix.

Without --blind the dev split is read and records on articles held out for the citation-detection
measurement (tests/data/corpus/blind.txt: three of the labels' dev articles) are skipped and counted,
unless --include-held-out; --blind reads the blind split, all of it: the final measurement, run once;
--set NAME reads design-NAME.jsonl / stance-NAME.jsonl instead (e.g. the fresh sets), all of it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.schema import Label, RelType, Stance, StudyDesign
from ingest.support.stance import CitingContext

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_LABELS = ROOT / "tests" / "data" / "support"
CORPUS_BLIND = ROOT / "tests" / "data" / "corpus" / "blind.txt"
MIN_MATCH = 70.0
WINDOW = 700  # characters of text each side of a marker the labelled sentence is looked for in
DESIGNS = [str(d) for d in StudyDesign]
STANCES = [str(s) for s in Stance]


Passage = tuple[str, int, str, str, CitingContext | None]


@dataclass
class ArticleGraph:
    """What one ingested article says about its references: design per key, passages per key."""

    designs: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (design, reason)
    # key -> (window of text around the marker, marker offset in it, stance, cue, what the stance was
    # read from)
    passages: dict[str, list[Passage]] = field(default_factory=dict)


def held_out_articles() -> set[str]:
    """Repository paths of the articles kept out of development (tests/data/corpus/blind.txt)."""
    if not CORPUS_BLIND.is_file():
        return set()
    lines = CORPUS_BLIND.read_text(encoding="utf-8").splitlines()
    return {f"tests/data/corpus/{line.strip()}" for line in lines
            if line.strip() and not line.startswith("#")}


def read_labels(path: Path) -> list[dict[str, Any]]:
    """The records of one JSONL file; a bad line is an InputError naming file and line."""
    from ingest.model import InputError

    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(str(path), f"not JSON ({err.msg})", number,
                             "Write one JSON object per line") from None
        if not isinstance(record, dict) or "article" not in record or "rid" not in record:
            raise InputError(str(path), "a record needs 'article' and 'rid'", number)
        records.append(record)
    return records


def article_graph(article: Path) -> ArticleGraph:
    """Ingest one article alone and collect designs and citing passages by reference key."""
    from ingest.pipeline import ingest_paths
    from ingest.support.profile import _Index, citing_contexts

    batch = ingest_paths([article], []).batch
    contexts = citing_contexts(_Index(batch.nodes, batch.relationships))
    nodes = {n.id: n for n in batch.nodes}
    texts = {n.id: str(n.props.get("text", "")) for n in batch.nodes if n.label == Label.DOCUMENT}
    graph = ArticleGraph()
    for source in batch.nodes_by_label(Label.SOURCE):  # every reference of the article, cited or not
        for key in str(source.props.get("keys", "")).split(", "):
            if key:
                graph.designs.setdefault(key, (str(source.props.get("design", "")),
                                               str(source.props.get("design_reason", ""))))
    for rel in batch.relationships:
        if rel.type != RelType.CITES:
            continue
        keys = [k.strip() for k in str(rel.props.get("key", "")).split(",") if k.strip()]
        if rel.start in nodes and nodes[rel.start].label == Label.EVIDENCE:
            evidence = nodes[rel.start].props
            text = texts.get(str(evidence.get("document_id", "")), "")
            start, end = int(evidence.get("start", 0)), int(evidence.get("end", 0))
            low = max(0, start - WINDOW)
            window = text[low:end + WINDOW]
            for key in keys:
                graph.passages.setdefault(key, []).append(
                    (window, start - low, str(rel.props.get("stance", "")),
                     str(rel.props.get("stance_cue", "")), contexts.get(rel.start)))
    return graph


def article_path(data_root: Path, article: str) -> Path:
    """The file of a record's `article` under `data_root`, else under the repository (which holds the dev
    and blind articles of tests/data/corpus); an InputError naming both when it is in neither."""
    from ingest.model import InputError

    for root in dict.fromkeys((data_root, ROOT)):
        if (root / article).is_file():
            return root / article
    raise InputError(str(data_root / article), "no such article file",
                     hint="give --data-root the folder that holds the labels' article paths "
                     "(the fetched sets fresh..fresh4: --data-root /work/fetched)")


def best_passage(sentence: str, passages: list[Passage]) -> Passage | None:
    """The citation (window, offset, stance, cue, context) whose surrounding text the labelled sentence
    best matches with the marker inside the matched part (a work cited twice nearby is told apart); None
    below MIN_MATCH."""
    from rapidfuzz import fuzz

    scored = []
    for number, passage in enumerate(passages):
        found = fuzz.partial_ratio_alignment(sentence, passage[0])
        if found is None:
            continue
        inside = found.dest_start <= passage[1] < found.dest_end
        scored.append((found.score if inside else found.score - 50, -number))
    if not scored:
        return None
    score, number = max(scored)
    return passages[-number] if score >= MIN_MATCH else None


def per_class(pairs: list[tuple[str, str]], classes: list[str]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support of each class over (gold, predicted) pairs."""
    table = {}
    for cls in classes:
        tp = sum(1 for g, p in pairs if g == cls and p == cls)
        predicted = sum(1 for _, p in pairs if p == cls)
        gold = sum(1 for g, _ in pairs if g == cls)
        precision = tp / predicted if predicted else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[cls] = {"precision": precision, "recall": recall, "f1": f1, "gold": gold,
                      "predicted": predicted}
    return table


def confusion(pairs: list[tuple[str, str]], classes: list[str]) -> list[str]:
    """The confusion matrix as Markdown (rows gold, columns predicted), only classes that occur."""
    used = [c for c in classes if any(c in pair for pair in pairs)]
    counts = Counter(pairs)
    lines = ["| gold \\ predicted | " + " | ".join(used) + " |", "|---" * (len(used) + 1) + "|"]
    for gold in used:
        lines.append(f"| {gold} | " + " | ".join(str(counts[(gold, p)] or "·") for p in used) + " |")
    return lines


def evaluate(label_dir: Path, blind: bool = False, include_held_out: bool = False,
             label_set: str | None = None, data_root: Path = ROOT) -> dict[str, Any]:
    """Score designs and stances of the split (dev, or blind, or the named `label_set`: its
    design-<label_set>.jsonl / stance-<label_set>.jsonl) in `label_dir`; the dev split leaves out the
    articles of tests/data/corpus/blind.txt unless `include_held_out`; blind and named sets are scored
    whole. Article paths are read relative to `data_root`."""
    split = label_set or ("blind" if blind else "dev")
    skip = set() if blind or label_set or include_held_out else held_out_articles()
    graphs: dict[str, ArticleGraph] = {}

    def graph_of(article: str) -> ArticleGraph:
        if article not in graphs:
            graphs[article] = article_graph(article_path(data_root, article))
        return graphs[article]

    result: dict[str, Any] = {"split": split, "label_dir": str(label_dir)}
    design_path, stance_path = label_dir / f"design-{split}.jsonl", label_dir / f"stance-{split}.jsonl"
    if design_path.is_file():
        rows, skipped, missing = [], 0, 0
        for record in read_labels(design_path):
            if record["article"] in skip:
                skipped += 1
                continue
            found = graph_of(record["article"]).designs.get(record["rid"])
            if found is None:
                missing += 1
                found = (str(StudyDesign.UNKNOWN), "")
            rows.append({**record, "predicted": found[0], "reason": found[1]})
        named = [r for r in rows if r.get("named")]
        wrong = [r for r in rows if r["predicted"] != StudyDesign.UNKNOWN and r["predicted"] != r["design"]]
        result["design"] = {
            "records": len(rows), "skipped_held_out": skipped, "not_found": missing,
            "named": len(named),
            "accuracy_named": (sum(r["predicted"] == r["design"] for r in named) / len(named)
                               if named else 0.0),
            "labelled": sum(r["predicted"] != StudyDesign.UNKNOWN for r in rows),
            "correct_overall": sum(r["predicted"] == r["design"] for r in rows),
            "wrong": len(wrong), "wrong_rate": len(wrong) / len(rows) if rows else 0.0,
            "per_class": per_class([(r["design"], r["predicted"]) for r in rows], DESIGNS),
            "confusion": confusion([(r["design"], r["predicted"]) for r in rows], DESIGNS),
            "wrong_examples": [{k: r[k] for k in ("article", "rid", "design", "predicted", "reason")}
                               for r in wrong],
        }
    if stance_path.is_file():
        pairs, skipped, missing, errors = [], 0, 0, []
        for record in read_labels(stance_path):
            if record["article"] in skip:
                skipped += 1
                continue
            found = best_passage(str(record.get("sentence", "")),
                                 graph_of(record["article"]).passages.get(record["rid"], []))
            if found is None:
                missing += 1
                continue
            pairs.append((record["stance"], found[2]))
            if record["stance"] != found[2]:
                errors.append({"article": record["article"], "rid": record["rid"], "gold": record["stance"],
                               "predicted": found[2], "cue": found[3],
                               "sentence": str(record.get("sentence", ""))[:300]})
        table = per_class(pairs, STANCES)
        result["stance"] = {
            "records": len(pairs), "skipped_held_out": skipped, "not_found": missing,
            "accuracy": sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0,
            "macro_f1": sum(row["f1"] for row in table.values()) / len(table),
            "per_class": table, "confusion": confusion(pairs, STANCES), "errors": errors,
        }
    return result


def report(result: dict[str, Any]) -> str:
    """The scores as Markdown."""
    lines = [f"# Support evaluation ({result['split']} split, {result['label_dir']})", ""]
    design = result.get("design")
    if design:
        lines += ["## Study design", "",
                  f"{design['records']} cited works ({design['skipped_held_out']} on held-out articles "
                  f"skipped, "
                  f"{design['not_found']} not found in the ingested graph: counted as unknown). "
                  f"Accuracy where the label says the metadata names the design: "
                  f"**{design['accuracy_named']:.3f}** ({design['named']} works). Labelled other than "
                  f"unknown: {design['labelled']}; wrong labels: {design['wrong']} = "
                  f"**{design['wrong_rate']:.3f}** of all works.", "",
                  "| design | precision | recall | gold | predicted |", "|---|---|---|---|---|"]
        lines += [f"| {cls} | {row['precision']:.2f} | {row['recall']:.2f} | {row['gold']} | "
                  f"{row['predicted']} |"
                  for cls, row in design["per_class"].items() if row["gold"] or row["predicted"]]
        lines += ["", *design["confusion"], ""]
    stance = result.get("stance")
    if stance:
        lines += ["## Citation stance", "",
                  f"{stance['records']} citing sentences ({stance['skipped_held_out']} on held-out articles "
                  f"skipped, {stance['not_found']} whose sentence was not found). Accuracy "
                  f"{stance['accuracy']:.3f}; macro-F1 **{stance['macro_f1']:.3f}**.", "",
                  "| stance | precision | recall | F1 | gold | predicted |", "|---|---|---|---|---|---|"]
        lines += [f"| {cls} | {row['precision']:.2f} | {row['recall']:.2f} | {row['f1']:.2f} | "
                  f"{row['gold']} | "
                  f"{row['predicted']} |" for cls, row in stance["per_class"].items()]
        lines += ["", *stance["confusion"], ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.evaluate_support",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("labels", nargs="?", type=Path, default=DEFAULT_LABELS,
                        help=f"directory of design-*.jsonl and stance-*.jsonl (default {DEFAULT_LABELS})")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--blind", action="store_true",
                       help="score the blind split (design-blind.jsonl, stance-blind.jsonl): "
                       "run once, at the end")
    which.add_argument("--set", dest="label_set", metavar="NAME",
                       help="score the named set instead, all of it: design-NAME.jsonl and/or "
                       "stance-NAME.jsonl (e.g. fresh, fresh2, fresh3, fresh4 in tests/data/support)")
    parser.add_argument("--include-held-out", action="store_true",
                        help="dev split: also score the records on articles of tests/data/corpus/blind.txt "
                        "(held out for the citation-detection measurement; left out by default)")
    parser.add_argument("--data-root", type=Path, default=ROOT,
                        help="folder the labels' article paths are relative to, looked in before the "
                        "repository (the fetched sets fresh..fresh4: /work/fetched)")
    parser.add_argument("--json", action="store_true", help="print every figure and error as JSON")
    parser.add_argument("--errors", action="store_true", help="also list each wrong design and stance")
    args = parser.parse_args(argv)
    from ingest.model import InputError

    if not args.labels.is_dir():
        print(f"error: no label directory {args.labels}: give the folder holding design-dev.jsonl",
              file=sys.stderr)
        return 2
    if args.label_set is not None:
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", args.label_set):
            print(f"error: --set {args.label_set!r}: give a set name such as fresh2 "
                  "(letters, digits, - and _)", file=sys.stderr)
            return 2
        names = [f"{kind}-{args.label_set}.jsonl" for kind in ("design", "stance")]
        if not any((args.labels / name).is_file() for name in names):
            print(f"error: no {names[0]} or {names[1]} in {args.labels}: give the name of a set there",
                  file=sys.stderr)
            return 2
    try:
        result = evaluate(args.labels, blind=args.blind, include_held_out=args.include_held_out,
                          label_set=args.label_set, data_root=args.data_root)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    print(report(result))
    if args.errors:
        for row in result.get("design", {}).get("wrong_examples", []):
            print(f"design {row['article']} {row['rid']}: gold {row['design']}, got {row['predicted']} "
                  f"({row['reason']})")
        for row in result.get("stance", {}).get("errors", []):
            print(f"stance {row['article']} {row['rid']}: gold {row['gold']}, got {row['predicted']} "
                  f"('{row['cue']}'): {row['sentence']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
