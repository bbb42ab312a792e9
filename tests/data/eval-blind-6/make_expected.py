"""Write expected.json of the sixth blind held-out set from the labels below.

    python make_expected.py

Each label is (substring of exactly one claim, [bib keys]); an empty list marks a deliberate negative.
The labels were written by hand from the texts; no extractor output was looked at.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

ABOUT = (
    'Sixth blind held-out set (eval-blind-6): 14 texts, references.bib and labels written by hand by '
    "an annotator (the 'collector' engineer) who did not read the extractor (ingest/citations/, "
    'ingest/claims.py, ingest/blocks.py, ingest/html_reader.py, ingest/reflist.py, ingest/threads.py, '
    "docs/extraction.md, tests/test_citation*.py, tests/test_claims.py), read only eval-blind-5's file "
    'layout, make_expected.py and the start of its expected.json for the format, and labelled before '
    "any extractor output existed; nothing in this folder was run through ClaimGraph before the lead's "
    'first run. Topics: climate, history of psychology, pollination, research methods, antibiotics, '
    'urban heat, bilingualism, music and stroke, sourdough, stroke first aid, reading, sitting and '
    'standing, behavioural economics, island biogeography. Conventions (as in eval-blind-5): a '
    'citation supports the sentence it stands in; a follow-on sentence that refers back to the cited '
    "work ('They also', 'In their experiment', 'That figure', 'The same report', 'Print exposure, in "
    "their account', 'The effect', 'Singing improved' after a cited programme) carries its source; a "
    'lead-in or topic sentence without its own citation does not take the source of the sentence after '
    "it; a lead-in ending in ':' that introduces a list or a quotation is not a claim, and list items "
    'carry only their own citations. A block quotation followed by a citation line with a page '
    "('(Marchetti, 2011, p. 42)', '(Breuer & Freud, 1895/1955, p. 7)') is a claim supported by that "
    'source; the citation line is not a claim of its own. A study named without author and year in a '
    "comment ('the Antón study', 'The Cochrane numbers') refers to the work the post cites. "
    "First-person experience ('I grew up near Ribe', 'In my school in Leeds we moved…', 'I have taught "
    "this module for nine years', 'In eleven years of teaching this course'), people quoted speaking "
    'for themselves, bylines, dates, questions, dates-for-the-diary lists, statistics and maths in '
    "brackets ('[95% CI 0.02, 1.30]', '[OR 1.75; 95% CI 1.35-2.27]', 't(38)', 'F(1, 76)', '(n = 1 "
    "logger)', '(equation 3)', '(see Figure 2B…)') and citations missing from the .bib (Makari 2008, "
    "Pentikäinen et al. 2022) link to nothing. Year forms: '1895/1955' and '1900/1953' are "
    "original/reprint (bib year = reprint, origdate = original); 'Oke (1973, 1982)' cites both Oke "
    "papers; '(Nørgaard & Lindqvist, in press)' has year = {in press}; '(Center for Open Science, "
    "n.d.)' has no year. Same first author and year: 'Hansen et al. (2016)' is the 19-author ice-melt "
    "paper, 'Hansen and Sato (2016)' the two-author paper; 'Kahneman, 2003a' is the American "
    "Psychologist article and '2003b' the American Economic Review one (APA title order). Group "
    'authors: IPCC (bib shortauthor IPCC), IPBES (named in full with [IPBES]), Open Science '
    'Collaboration, Center for Open Science, National Literacy Trust, OECD, European Environment '
    'Agency; in the numeric texts Antimicrobial Resistance Collaborators and World Health '
    'Organization. Numeric markers ([n], [2-5], <sup>n</sup>, <sup>4&ndash;6</sup>) resolve through '
    "the text's own numbered reference list to the bib entries of the same works; a range cites every "
    'number in it. Regenerate with `python make_expected.py`.'
)

LABELS: dict[str, list[tuple[str, list[str]]]] = {
    "blog-climate-tipping.md": [
        ("it is unequivocal that human influence has warmed", ["ipcc2021climate"]),
        ("The same report put the warming", ["ipcc2021climate"]),
        ("Tipping elements are parts of the Earth system", []),
        ("as many as nine of them were already showing signs", ["lenton2019climate"]),
        ("estimated that five tipping points may already be possible", ["armstrongmckay2022exceeding"]),
        ("meltwater from the ice sheets could slow", ["hansen2016ice"]),
        ("apportion responsibility for the warming among nations", ["hansen2016regional"]),
        ("crossing one threshold raises the risk", ["wunderling2021interacting"]),
        ("I grew up near Ribe", []),
        ("a single tree cools the air beneath it", []),
    ],
    "handout-history-hysteria.txt": [
        ("made the Salpêtrière the most famous neurological clinic", []),
        ("His Tuesday lectures drew students", []),
        ("shaped by what they had seen other patients do", ["ellenberger1970discovery"]),
        ("traumatic memories split off from ordinary consciousness", ["janet1889automatisme"]),
        ("is the founding story of psychoanalysis", []),
        ("her symptoms disappeared one by one", ["breuer1955studies"]),
        ("Breuer's own notes suggest she was still ill", ["borchjacobsen1996remembering"]),
        ("Hysterics suffer mainly from reminiscences", ["breuer1955studies"]),
        ("every dream is the disguised fulfilment of a wish", ["freud1953interpretation"]),
        ("Reading for next week", []),
    ],
    "newsletter-pollinators.txt": [
        ("About three quarters of the leading food crops", ["klein2007importance"]),
        ("For our members that means oilseed rape", []),
        ("identify four interacting pressures on wild bees", ["goulson2015bee"]),
        ("reduced wild bee density and the growth of bumblebee colonies", ["rundlof2015seed"]),
        ("Honeybee colonies in the same fields were not measurably affected", ["rundlof2015seed"]),
        ("flower strips and hedgerows raise both pollinator numbers", ["kovacshostyanszki2017ecological"]),
        ("Pollination deficits were found on farms", ["garibaldi2016mutually"]),
        ("On our own farm we left a six-metre margin", []),
        ("between 235 and 577 billion US dollars", ["ipbes2016assessment"]),
    ],
    "lecture-replication.md": [
        ("270 researchers repeated 100 experiments", ["osc2015estimating"]),
        ("Only 36% of the replications produced", ["osc2015estimating"]),
        ("The mean effect size of the replications was about half", ["osc2015estimating"]),
        ("most published research findings are false", ["ioannidis2005why"]),
        ("median statistical power of neuroscience studies", ["button2013power"]),
        ("Flexibility in analysis matters as much as sample size", []),
        ("combining four common researcher choices", ["simmons2011false"]),
        ("call this the garden of forking paths", ["gelman2014statistical"]),
        ("Take a typical line from a results section", []),
        ("The interval is so wide that the data are compatible", []),
        ("where F is simply t squared", []),
        ("I have taught this module for nine years", []),
        ("Preregister the hypotheses and the analysis plan", ["nosek2018preregistration"]),
        ("Report every condition and every measure", []),
        ("keeps a registry that accepts preregistrations", ["cos_registries"]),
    ],
    "clinic-antibiotics.html": [
        ("directly responsible for an estimated 1.27 million deaths", ["amr2022global"]),
        ("That figure is higher than the number of deaths from HIV", ["amr2022global"]),
        ("the toll could reach ten million deaths a year", ["oneill2016tackling"]),
        ("asks doctors to prescribe them only when they are really needed", ["who2015global"]),
        ("we sometimes give you a prescription to collect", []),
        ("This approach cuts antibiotic use substantially",
         ["spurling2017delayed", "little2014delayed", "delapoza2016prescription"]),
        ("patients given a delayed prescription reported symptoms", ["little2014delayed"]),
        ("Most sore throats get better within a week", []),
        ("Our practice cut its antibiotic prescriptions by a fifth", []),
    ],
    "council-urban-heat.html": [
        ("Cities are warmer than the countryside around them", []),
        ("the size of this urban heat island grows with the population", ["oke1973city", "oke1982energetic"]),
        ("parks were on average about 1", ["bowler2010urban"]),
        ("cooling increased sharply once tree canopy cover passed", ["ziter2019scale"]),
        ("and pavements can lower peak summer temperatures", ["santamouris2014cooling"]),
        ("recommends combining them with trees and water", ["eea2020urban"]),
        ("Planting 1,200 street trees", []),
        ("the cheapest air conditioning we will ever buy", []),
        ("Last July the temperature at Northgate bus station", []),
    ],
    "blog-bilingual-advantage.txt": [
        ("the question I hear most from other parents", []),
        ("managing two languages trains the executive control system", ["bialystok2012bilingualism"]),
        ("found no bilingual advantage on any of them", ["paap2013there"]),
        ("also found no difference between bilingual and monolingual children", ["anton2014there"]),
        ("traced conference abstracts on the topic", ["debruin2015cognitive"]),
        ("I do not expect our son to be smarter", []),
        ("once you correct for publication bias the advantage in adults", ["lehtonen2018bilingualism"]),
        ("That fits with the Antón study", ["anton2014there"]),
        ("In my school in Leeds we moved to teaching French", []),
    ],
    "interview-music-stroke.txt": [
        ("I played the cello in an orchestra", []),
        ("I noticed how much calmer patients were", []),
        ("asked patients to listen to music of their own choice", ["sarkamo2008music"]),
        ("their verbal memory and focused attention had recovered more", ["sarkamo2008music"]),
        ("ran a ten-week coaching programme of singing", ["sarkamo2014cognitive"]),
        ("Singing improved short-term and working memory", ["sarkamo2014cognitive"]),
        ("There is also newer work on choir singing after stroke", []),
        ("Music engages a network that reaches well beyond the auditory cortex", ["jancke2008music"]),
        ("I would give every patient headphones", []),
    ],
    "blog-sourdough-microbes.md": [
        ("I have kept the same starter since 2016", []),
        ("A sourdough starter is a community of lactic acid bacteria", []),
        ("geography explained surprisingly little of the variation", ["landis2021diversity"]),
        ("Acetic acid bacteria, which they detected", ["landis2021diversity"]),
        ("the bacteria break down proteins and produce the acids", ["ganzle2014enzymatic"]),
        ("a stable starter community persists for years", ["devuyst2005sourdough"]),
        ("A starter is not an ingredient", ["marchetti2011pane"]),
        ("So feed yours at the same time every day", []),
    ],
    "handout-stroke-fast.txt": [
        ("A stroke happens when the blood supply", []),
        ("the patient loses about 1.9 million neurons", ["saver2006time"]),
        ("with a positive predictive value of 78%", ["harbison2003diagnostic"]),
        ("had been validated earlier in the United States", ["kothari1999cincinnati"]),
        ("raised the chance of a good outcome by about three quarters", ["emberson2014effect"]),
        ("removing the clot with a catheter reduces disability", ["goyal2016endovascular"]),
        ("Do not give the person anything to eat or drink", []),
        ("Both recognition and treatment have been studied",
         ["harbison2003diagnostic", "kothari1999cincinnati", "emberson2014effect", "goyal2016endovascular"]),
        ("In eleven years of teaching this course", []),
    ],
    "newsletter-library-reading.txt": [
        ("Children who read for pleasure do better at school", []),
        ("made more progress in vocabulary, spelling and mathematics", ["sullivan2015reading"]),
        ("print exposure explained about 12% of the variance", ["mol2011read"]),
        ("is both a cause and a consequence of reading skill", ["mol2011read"]),
        ("Unfortunately fewer children now say they enjoy reading", []),
        ("Only about two in five children aged 8 to 18", ["nlt2023children"]),
        ("found the same decline in many countries", ["oecd2021readers"]),
        ("free voluntary reading does more for vocabulary", ["krashen2004power"]),
        ("Not everyone agrees with him", []),
        ("The book fair opens on Monday", []),
    ],
    "blog-standing-desks.txt": [
        ("I bought a standing desk two years ago", []),
        ("60 to 75 minutes of moderate activity a day", ["ekelund2016does"]),
        ("the risk of death fell steeply with more light activity", ["ekelund2019dose"]),
        ("cut sitting at work by roughly 84 to 116 minutes", ["shrestha2018workplace"]),
        ("build up to two hours a day of standing", ["buckley2015sedentary"]),
        ("alternating every 30 to 45 minutes is more comfortable", ["norgaard2024alternating"]),
        ("my feet hurt so much that I went back to the chair", []),
        ("The Cochrane numbers are for the first few months", ["shrestha2018workplace"]),
        ("Over a year the reduction in sitting was much smaller", ["shrestha2018workplace"]),
        ("The long-term evidence is thin", []),
        ("As a physiotherapist I see more calf and foot problems", []),
        ("linked prolonged standing at work to hospital treatment", ["tuchsen2005prolonged"]),
    ],
    "lecture-behavioural-economics.md": [
        ("evaluate outcomes as gains and losses relative to a reference point", ["kahneman1979prospect"]),
        ("the value function is roughly twice as steep for losses", ["tversky1992advances"]),
        ("frames his work around the contrast between fast, intuitive thinking", ["kahneman2003perspective"]),
        ("the accessibility of a thought explains much", ["kahneman2003maps"]),
        ("participation among new employees rose from about 37% to 86%", ["madrian2001power"]),
        ("average saving rates rose from 3.5% to 13.6%", ["thaler2004save"]),
        ("compared 126 trials run by two nudge units", ["dellavigna2022rcts"]),
        ("The average effect in the nudge-unit trials was 1.4", ["dellavigna2022rcts"]),
        ("They attribute most of the gap to publication bias", ["dellavigna2022rcts"]),
        ("be ready to sketch the value function", []),
        ("I find that students remember loss aversion best", []),
    ],
    "notes-island-biogeography.txt": [
        ("treats the number of species on an island as a balance", ["macarthur1967theory"]),
        ("Near islands receive more colonists", ["macarthur1967theory"]),
        ("by defaunating small mangrove islands", ["simberloff1969experimental"]),
        ("In their experiment most islands had regained", ["simberloff1969experimental"]),
        ("individuals of all species in a community are ecologically equivalent", ["hubbell2001unified"]),
        ("predict species turnover far too slowly", ["ricklefs2006unified", "rosindell2011unified"]),
        ("went on losing species for decades after isolation", ["laurance2011fate"]),
        ("the species-area relationship S = cA^z", []),
        ("Last year's field trip to Skomer recorded 41 bird species", []),
    ],
}


def check(labels: dict[str, list[tuple[str, list[str]]]]) -> None:
    """Every labelled substring occurs exactly once in its article and every key is in references.bib."""
    bib = (HERE / "references.bib").read_text(encoding="utf-8")
    for name, entries in labels.items():
        text = (HERE / name).read_text(encoding="utf-8")
        for claim, keys in entries:
            if text.count(claim) != 1:
                raise SystemExit(f"{name}: {claim!r} occurs {text.count(claim)} times")
            for key in keys:
                if "{" + key + "," not in bib:
                    raise SystemExit(f"{name}: key {key} is not in references.bib")


def main() -> None:
    """Check the labels and write expected.json."""
    check(LABELS)
    documents = {name: [{"claim": c, "sources": k} for c, k in entries] for name, entries in LABELS.items()}
    out = {"about": ABOUT, "documents": documents}
    text = json.dumps(out, indent=1, ensure_ascii=False) + "\n"
    (HERE / "expected.json").write_text(text, encoding="utf-8")
    links = sum(len(k) for e in LABELS.values() for _, k in e)
    print(f"{len(documents)} documents, {sum(map(len, LABELS.values()))} labels, {links} expected links")


if __name__ == "__main__":
    main()
