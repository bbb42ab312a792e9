"""Seeded choice of 15 articles (one per journal) by metadata only (support16): title, abstract, journal,
subjects -- never the body, never a candidate record.

Three strata, 5 articles each, taken in this precedence:
  DISPUTE  -- the title/abstract describes a clinical trial, replication, or epidemiological/association study
              (DESIGN_WORDS) AND the abstract speaks of conflicting/unsettled evidence or null findings
              (DISPUTE_WORDS): fields where disagreement with earlier work is likely in the discussion;
  CLINICAL -- otherwise, journal or a subject matches support14/15's FIELD and neither matches LAB
              (clinical/behavioural/public-health journals);
  OTHER    -- all other eligible files (lab biology, chemistry, computing, agriculture, ...).
Eligibility as support13/14/15: research-article, 30-90 refs, >= 40 body bibr xrefs, PMC id / DOI not used by any
earlier set (pmcids.txt, pmc_fetched.txt, dois.txt), journal not used by support12-15 (used_journals.txt).
Each stratum sorted by file name and shuffled with one random.Random(16) (DISPUTE, CLINICAL, OTHER), walked
taking the first file of each journal not yet taken; the first 5 of each are USE, the next 5 spares.
"""
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
DESIGN_WORDS = re.compile(r"randomi[sz]ed|clinical trial|controlled trial|\btrial\b|replicat|cohort|"
                          r"case[- ]control|cross-sectional|population-based|prospective|retrospective|"
                          r"epidemiolog|risk factor|association (?:study|between|of)|associated with|"
                          r"prevalence|incidence|meta-analys|patients", re.I)
DISPUTE_WORDS = re.compile(r"controvers|conflicting|inconsistent|contradict|debat|discrepan|equivocal|"
                           r"remains? (?:unclear|unknown|uncertain|controversial|elusive|to be determined)|"
                           r"mixed (?:results|findings|evidence)|replicat|contrary to|in contrast to (?:previous|prior|earlier)|"
                           r"no (?:significant |clear )?(?:association|difference|effect|correlation|benefit)|"
                           r"not (?:significantly )?(?:associated|correlated|different)|did not (?:differ|improve|reduce|find)|"
                           r"failed to", re.I)
SKIP = ("research article", "article", "original article", "research")
pmc = {l.strip().upper() for l in open("pmcids.txt")} | {l.strip().upper() for l in open("pmc_fetched.txt")}
dois = {l.strip().lower() for l in open("dois.txt")}
used_journals = {l.strip().lower() for l in open("used_journals.txt") if l.strip()}
strata = {"DISPUTE": [], "CLINICAL": [], "OTHER": []}
for line in open("meta.jsonl"):
    r = json.loads(line)
    pid = r["path"].rsplit("/", 1)[1].split("-")[0].upper()
    if r["type"] != "research-article" or not (30 <= r["refs"] <= 90) or r["xrefs"] < 40:
        continue
    if pid in pmc or (r["doi"] and r["doi"] in dois) or r["journal"].lower() in used_journals:
        continue
    subs = [s for s in r["subjects"] if s.lower() not in SKIP]
    text = [r["journal"]] + subs
    ta = r["title"] + " " + r["abstract"]
    if DESIGN_WORDS.search(ta) and DISPUTE_WORDS.search(r["abstract"]):
        strata["DISPUTE"].append(r)
    elif any(FIELD.search(t) for t in text) and not any(LAB.search(t) for t in text):
        strata["CLINICAL"].append(r)
    else:
        strata["OTHER"].append(r)
rng = random.Random(16)
js = set()
for name in ("DISPUTE", "CLINICAL", "OTHER"):
    pool = sorted(strata[name], key=lambda r: r["path"])
    print(f"# {name}: {len(pool)} in pool")
    rng.shuffle(pool)
    n = 0
    for r in pool:
        j = r["journal"].lower()
        if j in js:
            continue
        js.add(j)
        m = DISPUTE_WORDS.search(r["abstract"])
        print("USE" if n < 5 else "spare", name, r["path"].rsplit("/", 1)[1], r["journal"], r["doi"], r["refs"],
              r["xrefs"], r["title"][:110], r["subjects"][:4], (m.group(0) if m and name == "DISPUTE" else ""),
              sep=" | ")
        n += 1
        if n == 10:
            break
