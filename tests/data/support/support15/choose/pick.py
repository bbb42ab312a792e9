"""Seeded choice of 15 articles (one per journal) by metadata only (support15).

A mix across all fields of the pool, different from support13 (natural draw: mostly lab biology) and
support14 (clinical/epidemiology/psychology/ecology only): the eligible files are split by journal/subject
metadata into three strata -- LAB (lab biology), FIELD (clinical, public health, psychology, ecology, social
science; support14's regexes, unchanged) and OTHER (neither: physics, chemistry, engineering, computing,
mathematics, agriculture, veterinary, multidisciplinary without a matching subject, ...) -- and 5 files are
taken from each, walking each stratum in random.Random(15) order, one file per journal over all strata
(journals already used by support12/13/14 excluded too)."""
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
                 r"bioengin|neurosci|neurobiol|physiology/cell|enzym|protein|"
                 r"experimental|biomedical|systems|biology|bacteri|organisms|genes", re.I)
SKIP = ("research article", "article", "original article", "research")
pmc = {l.strip().upper() for l in open("pmcids.txt")} | {l.strip().upper() for l in open("pmc_fetched.txt")}
dois = {l.strip().lower() for l in open("dois.txt")}
used_journals = {l.strip().lower() for l in open("used_journals.txt") if l.strip()}
strata = {"LAB": [], "FIELD": [], "OTHER": []}
for line in open("meta.jsonl"):
    r = json.loads(line)
    pid = r["path"].rsplit("/", 1)[1].split("-")[0].upper()
    if r["type"] != "research-article" or not (30 <= r["refs"] <= 90) or r["xrefs"] < 40:
        continue
    if pid in pmc or (r["doi"] and r["doi"] in dois) or r["journal"].lower() in used_journals:
        continue
    subs = [s for s in r["subjects"] if s.lower() not in SKIP]
    text = [r["journal"]] + subs
    if any(LAB.search(t) for t in text):
        strata["LAB"].append(r)
    elif any(FIELD.search(t) for t in text):
        strata["FIELD"].append(r)
    else:
        strata["OTHER"].append(r)
rng = random.Random(15)
js = set()
for name in ("LAB", "FIELD", "OTHER"):
    pool = sorted(strata[name], key=lambda r: r["path"])
    print(f"# {name}: {len(pool)} in pool")
    rng.shuffle(pool)
    n = 0
    for r in pool:
        j = r["journal"].lower()
        if j in js:
            continue
        js.add(j)
        print("USE" if n < 5 else "spare", name, r["path"].rsplit("/", 1)[1], r["journal"], r["doi"], r["refs"],
              r["xrefs"], r["title"][:90], r["subjects"][:4], sep=" | ")
        n += 1
        if n == 7:
            break
