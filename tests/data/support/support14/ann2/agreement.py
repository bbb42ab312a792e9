"""Inter-annotator agreement for support14: ann2 (this dir) vs the first annotator's jsonl files.
Prints aggregate figures and per-class-pair disagreement counts only (no individual labels)."""
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUP = HERE.parents[1]  # tests/data/support: the first annotator's jsonl files


def load(p):
    return [json.loads(line) for line in open(p) if line.strip()]


def kappa(a, b):
    n = len(a)
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return po, (po - pe) / (1 - pe) if pe < 1 else float("nan")


def pair(unl, ann2, first, keys):
    idx = {tuple(r[k] for k in keys): r for r in first}
    if len(idx) != len(first):
        sys.exit(f"duplicate keys in first annotator file for {keys}")
    a2 = {r["item"]: r for r in ann2}
    out = []
    for u in unl:
        k = tuple(u[k] for k in keys)
        if k not in idx:
            sys.exit(f"item {u['item']} not found in first annotator file")
        out.append((a2[u["item"]], idx[k]))
    return out


def report(name, pairs, field):
    a = [str(x[field]) for x, _ in pairs]
    b = [str(y[field]) for _, y in pairs]
    po, k = kappa(a, b)
    disagreements = sum(x != y for x, y in zip(a, b, strict=True))
    print(f"{name}: n={len(a)} raw={po:.3f} kappa={k:.3f} disagreements={disagreements}")
    print(f"  ann2 marginals {dict(sorted(Counter(a).items()))}")
    print(f"  ann1 marginals {dict(sorted(Counter(b).items()))}")
    dis = Counter((x, y) for x, y in zip(a, b, strict=True) if x != y)
    for (x, y), c in sorted(dis.items(), key=lambda t: -t[1]):
        print(f"    ann2={x} / ann1={y}: {c}")


skeys = ["article", "sentence", "rid", "marker"]
st = pair(load(HERE / "unlabelled-stance-support14.jsonl"), load(HERE / "ann2-stance.jsonl"),
          load(SUP / "stance-support14.jsonl"), skeys)
sc = pair(load(HERE / "unlabelled-stance-support14cue.jsonl"), load(HERE / "ann2-stance-cue.jsonl"),
          load(SUP / "stance-support14cue.jsonl"), skeys)
ds = pair(load(HERE / "unlabelled-design-support14.jsonl"), load(HERE / "ann2-design.jsonl"),
          load(SUP / "design-support14.jsonl"), ["article", "rid"])
report("stance (random 300)", st, "stance")
report("stance-cue (40)", sc, "stance")
report("stance pooled (340)", st + sc, "stance")
report("design (300)", ds, "design")
report("named (300)", ds, "named")
both = [(x, y) for x, y in ds if x["named"] is True and y["named"] is True]
report("design | both named", both, "design")
