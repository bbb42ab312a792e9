"""Seeded choice of 15 articles (one per journal) by metadata only, restricted to fields whose discussions
weigh earlier findings (clinical medicine, epidemiology, public health, psychology, ecology, social science)."""
import json
import random
import re

FIELD = re.compile(r"medic|clinic|epidemiol|public health|health|psychi|psycholog|behav|ecolog|infect|"
                   r"trial|pediatr|paediatr|geriatr|cardio|heart|diabet|pregnan|childbirth|nutri|obes|neurol|"
                   r"palliat|anesth|critical care|intensive care|trauma|rheumat|arthritis|surg|ophthalm|"
                   r"orthop|musculoskel|family|education|patient|hypertens|kidney|aids|tropical|"
                   r"environment|indoor air|social|sociol|econom|conservation|global change|zoology|"
                   r"evolutionary applications|lancet|bmj|jama|thromb|haemost|stroke|dementia|psychiatry|"
                   r"sleep|addict|reproduct|hygiene|foot and ankle|resuscitation|emergency|respirat",
                   re.I)
LAB = re.compile(r"molecul|cell|genom|genetic|gene\b|microbio|biochem|biophys|bioinform|crystal|structural|"
                 r"oncotarget|nano|pharmac|proteom|chemi|virolog|immunol|plant|botan|biotechn|"
                 r"bioengin|neurosci|neurobiol|physiology/cell|enzym|protein", re.I)
pmc = {l.strip().upper() for l in open("pmcids.txt")} | {l.strip().upper() for l in open("pmc_fetched.txt")}
dois = {l.strip().lower() for l in open("dois.txt")}
pool = []
for line in open("meta.jsonl"):
    r = json.loads(line)
    pid = r["path"].rsplit("/", 1)[1].split("-")[0].upper()
    if r["type"] != "research-article" or not (30 <= r["refs"] <= 90) or r["xrefs"] < 40:
        continue
    if pid in pmc or (r["doi"] and r["doi"] in dois):
        continue
    subs = [s for s in r["subjects"] if s.lower() not in ("research article", "article", "original article", "research")]
    j_ok = FIELD.search(r["journal"]) and not LAB.search(r["journal"])
    s_ok = any(FIELD.search(s) for s in subs) and not any(LAB.search(s) for s in subs) and not LAB.search(r["journal"])
    if j_ok or s_ok:
        pool.append(r)
pool.sort(key=lambda r: r["path"])
print(len(pool), "in pool")
random.Random(14).shuffle(pool)
taken, js = [], set()
for r in pool:
    j = r["journal"].lower()
    if j in js:
        continue
    js.add(j); taken.append(r)
    if len(taken) == 20:
        break
for i, r in enumerate(taken):
    print("USE" if i < 15 else "spare", r["path"].rsplit("/",1)[1], r["journal"], r["doi"], r["refs"], r["xrefs"], r["title"][:90], r["subjects"][:4], sep=" | ")
