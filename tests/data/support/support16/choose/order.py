"""Seeded walking order for the support16 article choice (metadata only: journal, title, abstract).

Pools (eligibility as support13-15: research-article, 30-90 refs, >= 40 body bibr xrefs, PMC id / DOI not used
by any earlier set, journal not used by support12-15):
  DISPUTE  -- pick_v2.py's prefilter: the title/abstract names a trial/epidemiological/association design
              (DESIGN_WORDS) and a human sample (HUMAN), and the abstract speaks of unsettled evidence or null
              findings (DISPUTE_WORDS);
  CLINICAL -- not DISPUTE, the abstract names a human sample (HUMAN);
  OTHER    -- the abstract names no human sample (lab biology, ecology, chemistry, computing, ...).
Each pool sorted by file name and shuffled with one random.Random(16) (DISPUTE, CLINICAL, OTHER). The first
5 DISPUTE and 5 CLINICAL files judged (from title and abstract only, judge.tsv) to fit the stratum, and the
first 5 OTHER files, one per journal over all strata, are the set (pick.py applies judge.tsv).

  python3 order.py DISPUTE 15   # print the first 15 of the walking order with title and abstract
"""
import json
import random
import sys

from pick_v2 import DESIGN_WORDS, DISPUTE_WORDS, HUMAN  # noqa: F401  (the regexes of pick_v2.py)


def pools():
    def lines(name):
        with open(name) as f:
            return [x.strip() for x in f if x.strip()]
    pmc = {x.upper() for x in lines("pmcids.txt") + lines("pmc_fetched.txt")}
    dois = {x.lower() for x in lines("dois.txt")}
    used = {x.lower() for x in lines("used_journals.txt")}
    out = {"DISPUTE": [], "CLINICAL": [], "OTHER": []}
    for line in open("meta.jsonl"):
        r = json.loads(line)
        pid = r["path"].rsplit("/", 1)[1].split("-")[0].upper()
        if r["type"] != "research-article" or not (30 <= r["refs"] <= 90) or r["xrefs"] < 40:
            continue
        if pid in pmc or (r["doi"] and r["doi"] in dois) or r["journal"].lower() in used:
            continue
        ta = r["title"] + " " + r["abstract"]
        if DESIGN_WORDS.search(ta) and DISPUTE_WORDS.search(r["abstract"]) and HUMAN.search(r["abstract"]):
            out["DISPUTE"].append(r)
        elif HUMAN.search(r["abstract"]):
            out["CLINICAL"].append(r)
        else:
            out["OTHER"].append(r)
    rng = random.Random(16)
    for name in ("DISPUTE", "CLINICAL", "OTHER"):
        out[name].sort(key=lambda r: r["path"])
        rng.shuffle(out[name])
    return out


if __name__ == "__main__":
    P = pools()
    name, k = sys.argv[1], int(sys.argv[2])
    print(f"# {name}: {len(P[name])} in pool")
    for i, r in enumerate(P[name][:k], 1):
        name = r["path"].rsplit("/", 1)[1]
        print(f"[{i}] {name} | {r['journal']} | {r['title']}\n    {r['abstract'][:900]}\n")
