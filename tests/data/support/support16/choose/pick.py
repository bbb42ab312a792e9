"""Apply judge.tsv to order.py's walking order: the first 5 accepted DISPUTE, the first 5 accepted CLINICAL
and the first 5 OTHER files, one per journal over all strata (DISPUTE, then CLINICAL, then OTHER)."""
from order import pools

judged = {}
for line in open("judge.tsv"):
    if line.strip() and not line.startswith("#"):
        stratum, name, ok, reason = line.rstrip("\n").split("\t")
        judged[(stratum, name)] = (ok, reason)
P = pools()
js = set()
for stratum in ("DISPUTE", "CLINICAL", "OTHER"):
    n = 0
    for r in P[stratum]:
        name = r["path"].rsplit("/", 1)[1]
        if n == 5:
            break
        if stratum != "OTHER":
            assert (stratum, name) in judged, f"not judged yet: {stratum} {name}"
            if judged[(stratum, name)][0] != "Y":
                continue
        if r["journal"].lower() in js:
            print("skip (journal taken)", stratum, name, r["journal"], sep=" | ")
            continue
        js.add(r["journal"].lower())
        n += 1
        print("USE", stratum, name, r["journal"], r["doi"], r["refs"], r["xrefs"], r["title"][:120],
              sep=" | ")
