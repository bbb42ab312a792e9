"""Write expected.json of the ninth blind held-out set from the labels below.

    python make_expected.py

Each label is (substring of exactly one claim, [bib keys], kind); an empty key list marks a deliberate
negative. The kind says why (for the README's counts only; expected.json carries claim and sources, as
in every other set). The labels were written by hand from the texts, each page's labels right after the
page; no extractor output was looked at, and ClaimGraph was never run on these files by their author.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Why a label links what it links. Positive kinds name the form of the support; negative kinds name why
# the sentence links to nothing.
POSITIVE_KINDS = {"paren", "narrative", "numeric", "footnote", "follow-on", "quote", "study-name",
                  "author-work"}
NEGATIVE_KINDS = {"anecdote", "testimony", "no-support", "filler", "lead-in", "meta", "question",
                  "advice", "quoted-speech", "unresolved", "reading-list"}

ABOUT = (
    "Ninth blind held-out set (eval-blind-9): 15 texts (5 .md, 5 .txt, 5 .html), one shared "
    "references.bib and labels written by hand on 2026-12-02 by an annotator (the 'blogwriter9' "
    "engineer) who did not read the extractor (ingest/citations/, ingest/claims.py, ingest/cues.py, "
    "ingest/segment.py, ingest/blocks.py, ingest/reflist.py, ingest/support/) nor docs/eval/, and never "
    "ran ClaimGraph or ingest.evaluate on these files; the labels were written before any extractor "
    "output existed. Topics (none used by an earlier set): class size, plantar heel pain, air pollution "
    "at schools, the Dunedin study and self-control, creatine for teenagers, the minimum wage, James Lind "
    "and scurvy, fathers' parental-leave quotas, gluten sensitivity, daylight saving time, the "
    "Dunning-Kruger effect, hay fever, Epstein's Range and deliberate practice, power posing, school "
    "breakfast clubs. Conventions (those of eval-blind-6, -7 and -8, issue #10 classes 8-10): a citation "
    "supports the sentence it stands in, every work in it; a follow-on sentence that refers back to the "
    "cited work ('The gain was largest for...', 'Those placed in small classes...', 'By twelve months, "
    "the two groups...', 'The same meta-analysis', 'The authors also found', 'Their sample was small', "
    "'He also warned', 'The authors estimated', 'The same study found', 'They concluded', 'Many of them "
    "had hay fever...') carries its source; a work named later or in a comment without author and year "
    "('The STAR study', 'The Chetty follow-up', 'The Caspi gene study', 'The self-control gradient "
    "paper', 'The Lanhers meta-analysis', 'The 2013 follow-up study', 'The Salerno criteria', 'The "
    "Barcelona study', 'The Melbourne event', 'The Welsh study') refers to the work the page cites; "
    "'Epstein's argument' and 'Epstein builds on both' refer to the book the review is about. A lead-in "
    "or topic sentence without its own citation does not take the source of the sentence after it ('The "
    "study everyone quotes comes from Tennessee.', 'Not every country has found the same thing.', "
    "'Insoles help many people.', 'The penalty itself is large.'); a lead-in ending in ':' is not a "
    "claim. A block quotation followed by a citation line with a page ('(Lind, 1753, p. 192)', "
    "'(Epstein, 2019, p. 13)') is one claim supported by that source; the citation line is not a claim. "
    "Markdown footnotes ([^1]...[^7]; [^1] and [^3] used twice) resolve through the essay's Notes; "
    "numbered brackets ([1]...[6], '[2, 3]', the range '[1–6]' citing all six) resolve through the "
    "handout's numbered reading list; superscripts (<sup>1</sup>, <sup>1,3</sup>) through the "
    "pharmacy page's numbered <ol>. First-person evidence ('I have taught Year 3 for eleven years', 'In "
    "my experience', 'Personally I took creatine', 'As a school governor I have watched', 'As a "
    "gastroenterologist I see', 'In my own clinic', the parents' group's own diffusion tubes, the "
    "institute's own survey, the company's accident log, the school's lateness figures, the pharmacy's "
    "customers), commenters' and posters' own lives, people quoted speaking (Dr Ngata, Dr Solvik, a "
    "parent), advice, bylines, dates, questions, greetings, cookie, booking, subscription and diary "
    "lines, podcast chapter lines, unsupported claims, filler ('That is the part no spreadsheet shows.', "
    "'The story is less heroic than that.', 'It did not replicate.', 'Four stars.') and the review "
    "blog's next book ('Next up on the blog: Peak by Ericsson and Pool (2016)', which is in the bib) "
    "link to nothing. Statistics in brackets and parentheses ('[6.6% of all jobs]', '(n = 9)', '(95% CI "
    "0.5–3.5%)', '(odds ratio 1.40 [95% CI 1.12–1.75])', '(relative risk 1.04, 95% CI 1.01–1.07)', "
    "'(effect size 0.15 [two months' progress])', '(mean difference −0.5 points [95% CI −1.1 to 0.1])', "
    "'(n = 2,715 children, 39 schools)') are not citations. Citations missing from the .bib and from the "
    "page's own list link to nothing: Hanushek 1999, Landorf 2015 (Landorf is only a co-author in the "
    "bib), Osborne et al. 2021, Richmond-Rakerd et al. 2021, Antonio et al. 2021 (Antonio is only a "
    "co-author), Giupponi et al. 2024, Bünning 2015, Lebwohl et al. 2017, Kantermann et al. 2007, "
    "Bauchau & Durham 2004 (Durham leads another entry), Moesch et al. 2011, Carney 2016 (only Carney et "
    "al. 2010 is in the bib) and Bartfeld & Ahn 2011. Same authors and year: 'Kotsadam & Finseraas, "
    "2011a' is 'Causal effects of parental leave...' and '2011b' 'The state intervenes...'; 'Kleven et "
    "al., 2019a' is 'Child penalties across countries' and '2019b' 'Children and gender inequality' "
    "(title order, leading 'The' ignored). Same first author, other year or co-authors: Blatchford, "
    "Bassett & Brown 2011 vs Blatchford et al. 2012 (Blatchford 2003 never cited), Riddle et al. 2003 vs "
    "Riddle & Schappert 2004, Caspi et al. 2003 vs Caspi et al. 2016 (Caspi et al. 2002 never cited), "
    "Card & Krueger 1994 vs 2000 (Card 1992 never cited), Biesiekierski et al. 2011 vs 2013, Janszky & "
    "Ljung 2008 vs Janszky et al. 2012, Macnamara et al. 2014 vs 2016, Adolphus et al. 2013 vs 2016, "
    "Dahl et al. 2014 (Dahl et al. 2016 never cited), Lind 1753 (Lind 1757 never cited), Kreider et al. "
    "2017 (Kreider 2003 never cited), Catassi et al. 2015 (Catassi et al. 2013 never cited), Scadding et "
    "al. 2017 (Scadding et al. 2008 never cited), Cuddy et al. 2018 (Cuddy et al. 2012 never cited), "
    "Kruger & Dunning 1999 vs Krueger & Mueller 2002 (Dunning 2011 never cited). Years: 'Galton "
    "(1869/1892)' (bib year 1892, origdate 1869), '(Körner, Schütz & Hafenbrädl, in press)' (bib year "
    "'in press', an invented work), 'Coeliac UK (n.d.)' (bib entry with no year). Group authors: "
    "Education Endowment Foundation, Orthopaedic Section of the American Physical Therapy Association, "
    "Royal College of Physicians, World Health Organization, Low Pay Commission, Coeliac UK, American "
    "Academy of Sleep Medicine, Department for Education, and 'LaBotz, Griesemer & Council on Sports "
    "Medicine and Fitness' (persons then a group). Styles: APA parenthetical and narrative, Harvard "
    "without a comma ('(Machin, Manning and Rahman 2003)', '(Jardim et al. 2017)'), numbered brackets, "
    "superscripts, Markdown footnotes, a Vancouver list under superscripts; names with accents and "
    "particles (Rønning, Løken, Kirkebøen, Søgaard, Zweimüller, Frølich, Szent-Györgyi, Tesch-Römer, "
    "Güllich, Elkjær, Körner, Juhász, Harasztosi, van der Merwe, DiGiovanni, Molina-Infante, VoPham). "
    "Regenerate with `python make_expected.py`."
)

RAW: dict[str, list[tuple[str, list[str], str]]] = {
    "blog-class-size.md": [
        ("I have taught Year 3 for eleven years", [], "anecdote"),
        ("Every parents' evening someone asks me whether smaller classes would help", [], "anecdote"),
        ("The study everyone quotes comes from Tennessee.", [], "lead-in"),
        ("randomly assigned about 11,600 children from kindergarten to third grade", ["word1990state"],
         "paren"),
        ("reanalysed the data and found that pupils in small classes scored about four percentile points",
         ["krueger1999experimental"], "narrative"),
        ("The gain was largest for Black pupils and for children on free lunches.",
         ["krueger1999experimental"], "follow-on"),
        ("followed the same children into adulthood", ["chetty2011how"], "narrative"),
        ("Those placed in small classes were more likely to be enrolled in college at age 20",
         ["chetty2011how"], "follow-on"),
        ("Not every country has found the same thing.", [], "lead-in"),
        ("observed that pupils in smaller classes got more individual attention from the teacher",
         ["blatchford2011examining"], "narrative"),
        ("used the rule capping classes at 30 pupils found no effect of class size on later earnings",
         ["leuven2008quasi"], "paren"),
        ("A sceptical review argued that decades of class-size policy had bought very little", [],
         "unresolved"),
        ("rates reducing class size as moderate impact for very high cost", ["eef2021reducing"], "narrative"),
        ("Smaller classes only help if teachers teach differently in them.", [], "no-support"),
        ("My classes of 24 and my classes of 34 felt like different jobs.", [], "anecdote"),
        ("That is the part no spreadsheet shows.", [], "filler"),
        ("Thanks for reading, and do share this with your head teacher.", [], "meta"),
        ("The STAR study gets quoted by our union all the time", ["word1990state"], "study-name"),
        ("I teach in a school with classes of 18 and I still mark until midnight.", [], "testimony"),
        ("Fair point, Gareth.", [], "meta"),
        ("The Chetty follow-up also found clear effects only on college attendance", ["chetty2011how"],
         "study-name"),
        ("Is there anything on class size in secondary schools", [], "question"),
        ("As a school governor I have watched two budgets cut teaching assistants", [], "anecdote"),
        ("pupils who got the most support from teaching assistants made less progress",
         ["blatchford2012reassessing"], "paren"),
    ],
    "clinic-heel-pain.html": [
        ("This site uses cookies to remember your preferences.", [], "meta"),
        ("Plantar heel pain is the most common problem we see at Harbourside.", [], "anecdote"),
        ("it accounts for about one million visits to doctors every year", ["riddle2004volume"], "paren"),
        ("The pain is usually worst with the first few steps in the morning.", [], "no-support"),
        ("a body mass index over 30 and reduced ankle movement were both linked to heel pain",
         ["riddle2003risk"], "paren"),
        ("Runners get it too, but the study did not find that running itself raised the risk.",
         ["riddle2003risk"], "follow-on"),
        ("The old name, plantar fasciitis, is misleading.", [], "lead-in"),
        ("the tissue of people who had surgery showed degeneration rather than inflammation",
         ["lemont2003plantar"], "paren"),
        ("Stretching the plantar fascia itself gave better results than stretching the calf",
         ["digiovanni2003tissue"], "paren"),
        ("found that high-load strength training reduced pain faster than stretching alone",
         ["rathleff2015high"], "narrative"),
        ("By twelve months, the two groups were doing equally well.", ["rathleff2015high"], "follow-on"),
        ("Insoles help many people.", [], "lead-in"),
        ("foot orthoses reduced pain in the short term but did no better than sham insoles",
         ["whittaker2018foot"], "paren"),
        ("The same meta-analysis found no advantage for custom-made orthoses", ["whittaker2018foot"],
         "follow-on"),
        ("Steroid injections ease the pain for a few weeks, but the benefit fades by three months",
         ["david2017injected"], "paren"),
        ("Guidelines recommend manual therapy, stretching, taping and night splints", ["apta2014heel"],
         "paren"),
        ("Weight loss is often recommended, although it has hardly been tested in trials", [], "unresolved"),
        ("In my experience, most people are much better within six months", [], "anecdote"),
        ("Most people recover within a year without surgery.", [], "no-support"),
        ("Wear supportive shoes and avoid walking barefoot on hard floors.", [], "advice"),
        ("Book an appointment if the pain has lasted more than six weeks.", [], "advice"),
        ("Call 0161 496 0732 or use our online booking form.", [], "meta"),
    ],
    "newsletter-school-air.txt": [
        ("a warm welcome to the families who joined us in Reception this term", [], "meta"),
        ("Last term our volunteers measured nitrogen dioxide at the school gate", [], "anecdote"),
        ("Our tubes read highest at the morning drop-off.", [], "anecdote"),
        ("The reading at the gate was more than twice the reading in the back playground.", [], "anecdote"),
        ("Air pollution matters most for the people whose lungs are still growing.", [], "lead-in"),
        ("those exposed to more traffic pollution had smaller lung volume", ["mudway2019impact"], "paren"),
        ("The authors also found that the low emission zone had cut pollution", ["mudway2019impact"],
         "follow-on"),
        ("showed slower growth in working memory over one year", ["sunyer2015association"], "paren"),
        ("The difference was about 5% of the expected gain", ["sunyer2015association"], "follow-on"),
        ("estimated that outdoor air pollution contributes to around 40,000 early deaths a year",
         ["rcp2016every"], "narrative"),
        ("now advises an annual average for nitrogen dioxide of no more than 10 micrograms",
         ["who2021global"], "paren"),
        ("a coroner ruled that air pollution had contributed to the death", [], "no-support"),
        ("Green barriers can help, if they are the right kind.", [], "lead-in"),
        ("a dense hedge between a road and a footpath can lower the pollution behind it",
         ["abhijith2017air"], "paren"),
        ("cut nitrogen dioxide by up to 23% in one London trial", [], "unresolved"),
        ("The Barcelona study is the reason we have asked the council for a school street",
         ["sunyer2015association"], "study-name"),
        ("Please walk, scoot or cycle to school if you can.", [], "advice"),
        ("If you must drive, park at least five minutes away", [], "advice"),
        ("Switching off your engine while you wait really does make a difference.", [], "no-support"),
        ("Next meeting: Tuesday 6 May, 7 pm, in the school library.", [], "meta"),
    ],
    "podcast-dunedin-study.md": [
        ("In this episode I talk to Dr Aroha Ngata", [], "meta"),
        ("I was born in Dunedin in 1981, so I just missed being part of it.", [], "anecdote"),
        ("The study has followed 1,037 babies born in Dunedin", ["poulton2015dunedin"], "paren"),
        ("children with poor self-control between the ages of 3 and 11 were more likely",
         ["moffitt2011gradient"], "narrative"),
        ("The gradient held after the researchers allowed for the children's IQ and social class.",
         ["moffitt2011gradient"], "follow-on"),
        ("It held among siblings too, in a British twin sample.", ["moffitt2011gradient"], "follow-on"),
        ("showed that about a fifth of the cohort accounted for most of its hospital nights",
         ["caspi2016childhood"], "narrative"),
        ("This group could be forecast from a brain health test at age three.", ["caspi2016childhood"],
         "follow-on"),
        ("a variant of the serotonin transporter gene changed how likely stressful life events",
         ["caspi2003influence"], "paren"),
        ("A genome-wide study of more than 600,000 people later found no support", ["border2019no"],
         "paren"),
        ("Children with poor self-control also aged faster biologically by midlife", [], "unresolved"),
        ("Self-control is not a life sentence.", [], "quoted-speech"),
        ("The children who became more self-controlled during the study did better as adults.", [],
         "quoted-speech"),
        ("00:00 Introduction", [], "meta"),
        ("12:40 Self-control and adult outcomes", [], "meta"),
        ("This episode is supported by listeners on Patreon.", [], "meta"),
        ("The Caspi gene study was the reason I went into psychiatry.", ["caspi2003influence"], "study-name"),
        ("It hurt when it did not replicate.", [], "filler"),
        ("Does the study include Māori participants", [], "question"),
        ("The self-control gradient paper is one I show every cohort of medical students.",
         ["moffitt2011gradient"], "study-name"),
        ("In my own clinic, the parents who worry most", [], "anecdote"),
    ],
    "forum-creatine-teens.md": [
        ("My son is 16 and wants to take creatine because everyone at his rugby club does.", [], "testimony"),
        ("A neighbour told me it wrecks your kidneys.", [], "testimony"),
        ("Is that true, and is it worth it at his age", [], "question"),
        ("safe for healthy adults, less clear-cut for teenagers", [], "lead-in"),
        ("Yes, for short, hard efforts.", [], "lead-in"),
        ("pooled 60 trials and found that creatine improved upper-limb strength", ["lanhers2017creatine"],
         "narrative"),
        ("The benefit showed up in trained and untrained people alike.", ["lanhers2017creatine"],
         "follow-on"),
        ("The scare goes back to a case report of a young man whose kidney function worsened",
         ["pritchard1998renal"], "paren"),
        ("found no change in kidney function in athletes who had taken creatine for up to five years",
         ["poortmans1999long"], "narrative"),
        ("Their sample was small", ["poortmans1999long"], "follow-on"),
        ("concludes that short- and long-term use is safe in healthy people", ["kreider2017international"],
         "paren"),
        ("Creatine does not cause dehydration or cramping in trials either", [], "unresolved"),
        ("found a rise in dihydrotestosterone after three weeks of creatine", ["vandermerwe2009three"],
         "paren"),
        ("No one has since replicated that result.", [], "no-support"),
        ("advises against performance-enhancing supplements, creatine included, for anyone under 18",
         ["labotz2016use"], "paren"),
        ("Personally I took creatine for ten years in my thirties", [], "anecdote"),
        ("get him to stick to 3–5 g a day and drink plenty of water", [], "advice"),
        ("The Lanhers meta-analysis was mostly adults, as far as I can see.", ["lanhers2017creatine"],
         "study-name"),
        ("My daughter's physio told her to wait until she is 18.", [], "testimony"),
        ("Mostly adults, yes.", [], "filler"),
        ("A small trial in junior fin swimmers found faster sprint times after creatine",
         ["juhasz2009creatine"], "paren"),
        ("Creatine made me bloated and I put on 3 kg in a week", [], "testimony"),
    ],
    "explainer-minimum-wage.html": [
        ("Moderate rises in the minimum wage have had small effects on employment.", [], "no-support"),
        ("Very large rises are less well studied.", [], "no-support"),
        ("Employers adjust in other ways: hours, prices and profits.", [], "no-support"),
        ("The National Living Wage rose to £12.21 an hour in April 2025.", [], "no-support"),
        ("Around 2.3 million jobs [6.6% of all jobs] are paid at or near that rate.", [], "no-support"),
        ("most economists expected a higher minimum wage to cost jobs", [], "lead-in"),
        ("who compared fast-food restaurants in New Jersey", ["card1994minimum"], "narrative"),
        ("They found no fall in employment in New Jersey, and if anything a small rise.", ["card1994minimum"],
         "follow-on"),
        ("reran the comparison with payroll records collected from the restaurants", ["neumark2000minimum"],
         "narrative"),
        ("In a reply using government data", ["card2000minimum"], "narrative"),
        ("reports that the UK minimum wage has reached two-thirds of median pay", ["lpc2024national"],
         "narrative"),
        ("care homes, where it bit hardest, cut hours a little but not jobs", ["machin2003where"], "paren"),
        ("reviewed the international evidence for the UK government", ["dube2019impacts"], "narrative"),
        ("He also warned that the evidence on very high minimum wages is thin.", ["dube2019impacts"],
         "follow-on"),
        ("counted jobs just below and just above each new minimum in 138 state increases",
         ["cengiz2019effect"], "narrative"),
        ("The number of low-wage jobs barely changed", ["cengiz2019effect"], "follow-on"),
        ("cut hours worked in low-wage jobs by around 9%", ["jardim2017minimum"], "paren"),
        ("Another team, studying only restaurants, found no such effect", ["reich2017seattle"], "paren"),
        ("Some of the cost is passed on to customers.", [], "lead-in"),
        ("about three-quarters of the cost was paid by consumers through higher prices",
         ["harasztosi2019who"], "paren"),
        ("Firms also cut the wage premium of workers paid just above the minimum", [], "unresolved"),
        ("Our own survey of 400 small employers in 2024 found that a third had cut overtime", [], "anecdote"),
        ("Keep the minimum wage at two-thirds of median pay rather than setting a cash target.", [],
         "advice"),
        ("evidence on hours, not only jobs", [], "advice"),
        ("Read our full report", [], "meta"),
    ],
    "essay-lind-scurvy.md": [
        ("took twelve sailors with scurvy and divided them into six pairs", ["lind1753treatise"], "footnote"),
        ("Each pair received a different remedy, from cider and vinegar to sea water", ["lind1753treatise"],
         "footnote"),
        ("The two who ate citrus fruit were fit for duty within six days.", ["lind1753treatise"],
         "follow-on"),
        ("Lind described the result himself:", [], "lead-in"),
        ("the most sudden and visible good effects were perceived from the use of the oranges and lemons",
         ["lind1753treatise"], "quote"),
        ("The experiment is often called the first controlled clinical trial.", ["milne2004documenting"],
         "footnote"),
        ("I first read about Lind in a GCSE textbook that called him a genius.", [], "anecdote"),
        ("The story is less heroic than that.", [], "filler"),
        ("Lind himself did not treat the trial as decisive.", [], "lead-in"),
        ("He buried the result in a book of more than four hundred pages", ["bartholomew2002james"],
         "footnote"),
        ("The rob was boiled for hours, which destroyed most of what it was meant to preserve.",
         ["bartholomew2002james"], "footnote"),
        ("The Royal Navy did not issue lemon juice to every sailor until 1795", ["carpenter1986history"],
         "footnote"),
        ("sailors had known for two centuries that citrus helped", ["baron2009sailors"], "footnote"),
        ("guinea pigs fed only on grain developed scurvy", ["holst1907experimental"], "footnote"),
        ("Vitamin C itself was isolated by Albert Szent-Györgyi in 1928", ["szentgyorgyi1928observations"],
         "footnote"),
        ("He won the Nobel Prize in 1937.", [], "no-support"),
        ("deserves its fame, but not as a story of evidence winning quickly", [], "no-support"),
        ("Scurvy has not disappeared.", [], "filler"),
        ("It is still diagnosed in people with very restricted diets.", [], "no-support"),
    ],
    "digest-fathers-quota.txt": [
        ("Norway reserved four weeks of parental leave for fathers in 1993", [], "no-support"),
        ("Both reforms were meant to change who looks after children at home.", [], "no-support"),
        ("This digest summarises what the studies found.", [], "meta"),
        ("Fathers were more likely to take leave if a brother or a co-worker had just taken it",
         ["dahl2014peer"], "paren"),
        ("When my own son was born in Trondheim in 2016", [], "anecdote"),
        ("found no lasting change in fathers' share of the days taken off to care for sick children",
         ["ekberg2013parental"], "narrative"),
        ("The Norwegian results are more encouraging.", [], "lead-in"),
        ("reported 11% less conflict over housework", ["kotsadam2011state"], "narrative"),
        ("Teenagers whose fathers had been eligible did more housework themselves", ["kotsadam2011causal"],
         "paren"),
        ("found that the quota raised children's school performance at 16", ["cools2015causal"], "narrative"),
        ("German fathers who took the \"daddy months\" did more childcare afterwards", [], "unresolved"),
        ("found that fathers' earnings were about 2% lower five years after the reform", ["rege2013impact"],
         "narrative"),
        ("found that fathers' leave narrowed the motherhood penalty in earnings", ["andersen2018paternity"],
         "narrative"),
        ("The penalty itself is large.", [], "lead-in"),
        ("showed that Danish women's earnings fall by about 20% after their first child",
         ["kleven2019children"], "narrative"),
        ("The child penalty is smallest in Scandinavia and largest in Germany and Austria",
         ["kleven2019child"], "paren"),
        ("Quotas change behaviour at home more slowly than they change take-up.", [], "no-support"),
        ("Policy makers should look beyond take-up rates when they judge a reform.", [], "advice"),
    ],
    "blog-gluten-sensitivity.html": [
        ("I gave up gluten for six months in 2022 and felt wonderful", [], "anecdote"),
        ("Then I started wondering whether it was the gluten at all.", [], "filler"),
        ("affects about 1.4% of people worldwide, going by blood tests", ["singh2018global"], "paren"),
        ("advises anyone who suspects coeliac disease to be tested before cutting out gluten",
         ["coeliacuknd"], "narrative"),
        ("reported more symptoms on gluten than on placebo", ["biesiekierski2011gluten"], "paren"),
        ("on a diet low in FODMAPs, the effect of gluten disappeared", ["biesiekierski2013no"], "paren"),
        ("FODMAPs are fermentable sugars found in wheat, onions, garlic and many fruits.", [], "no-support"),
        ("gave people who avoided gluten muesli bars containing gluten, fructans or neither",
         ["skodje2018fructan"], "narrative"),
        ("Fructans, not gluten, caused the bloating.", ["skodje2018fructan"], "follow-on"),
        ("pooled ten double-blind challenge trials", ["molinainfante2017suspected"], "narrative"),
        ("Many reacted as strongly to the placebo.", ["molinainfante2017suspected"], "follow-on"),
        ("Experts have agreed criteria for how such a challenge should be run", ["catassi2015diagnosis"],
         "paren"),
        ("eating more gluten was not linked to heart disease", [], "unresolved"),
        ("Gluten-free products are often higher in sugar and fat", [], "no-support"),
        ("I am back on sourdough and have cut down on onions instead.", [], "anecdote"),
        ("My gluten-free focaccia recipe is linked below", [], "meta"),
        ("I was diagnosed with coeliac disease at 34", [], "testimony"),
        ("Please get tested first, everyone.", [], "advice"),
        ("As a gastroenterologist I see patients every week who went gluten-free", [], "anecdote"),
        ("The 2013 follow-up study is a lovely example of scientists testing their own finding",
         ["biesiekierski2013no"], "study-name"),
        ("The Salerno criteria are what most clinics now use for the challenge.", ["catassi2015diagnosis"],
         "study-name"),
        ("Thank you, Hamid!", [], "meta"),
        ("Is spelt any better", [], "question"),
    ],
    "newsletter-clocks-change.txt": [
        ("Reminder: the clocks go forward at 1 am on Sunday 30 March.", [], "meta"),
        ("Every spring someone in the canteen asks whether losing an hour of sleep", [], "anecdote"),
        ("Here is what the research says.", [], "meta"),
        ("heart attacks rose by about 5% in the first week after the spring change", ["janszky2008shifts"],
         "paren"),
        ("In the autumn, when we gain an hour, there was a small fall.", ["janszky2008shifts"], "follow-on"),
        ("repeated the analysis with a newer national register of heart attacks", ["janszky2012daylight"],
         "narrative"),
        ("A meta-analysis of seven studies put the extra risk", ["manfredini2019daylight"], "paren"),
        ("Fatal car crashes in the United States rose by 6%", ["fritz2020chronobiological"], "paren"),
        ("The authors estimated that the change causes about 28 extra deaths a year.",
         ["fritz2020chronobiological"], "follow-on"),
        ("people sleep about 40 minutes less than usual", ["barnes2009changing"], "paren"),
        ("The same study found more injuries among miners that Monday", ["barnes2009changing"], "follow-on"),
        ("found that people who had slept badly spent more of a work task on entertainment websites",
         ["wagner2012lost"], "narrative"),
        ("has called for permanent standard time all year round", ["aasm2020daylight"], "narrative"),
        ("Our body clocks do not fully adjust to the spring change", [], "unresolved"),
        ("The European Parliament voted in 2019 to end clock changes", [], "no-support"),
        ("Last year our own accident log showed two forklift near-misses", [], "anecdote"),
        ("Go to bed 15 minutes earlier for a few nights before the change.", [], "advice"),
        ("Get outside in the morning light on Sunday.", [], "advice"),
        ("Take extra care on the roads on Monday morning.", [], "advice"),
        ("find us in the canteen on Thursdays", [], "meta"),
    ],
    "handout-dunning-kruger.txt": [
        ("Numbers in square brackets refer to the reading list", [], "meta"),
        ("gave Cornell students tests of humour, logical reasoning and English grammar",
         ["kruger1999unskilled"], "numeric"),
        ("Students who scored in the bottom quarter, around the 12th percentile", ["kruger1999unskilled"],
         "follow-on"),
        ("The authors argued that the skills needed to do a task well", ["kruger1999unskilled"], "follow-on"),
        ("Every year some of you will recognise a flatmate in that description.", [], "anecdote"),
        ("Try to recognise yourself instead.", [], "advice"),
        ("Part of the pattern appears even with random numbers.", [], "lead-in"),
        ("regression to the mean alone pulls the worst performers' estimates upward",
         ["krueger2002unskilled", "nuhfer2016random"], "numeric"),
        ("simulated data from random numbers and reproduced the familiar graph", ["nuhfer2016random"],
         "numeric"),
        ("A study using a better analysis found that the effect largely vanished for intelligence",
         ["gignac2020dunning"], "numeric"),
        ("found the effect was real but smaller than in the classic graph", ["jansen2021rational"],
         "numeric"),
        ("Low performers did overestimate themselves, but not by as much", ["jansen2021rational"],
         "follow-on"),
        ("Top performers tend to underestimate how they compare with others", ["kruger1999unskilled"],
         "numeric"),
        ("When tasks are hard, almost everyone rates themselves below average", ["burson2006skilled"],
         "numeric"),
        ("to explain why people who know little about a subject speak about it most confidently",
         ["kruger1999unskilled", "krueger2002unskilled", "nuhfer2016random", "gignac2020dunning",
          "jansen2021rational", "burson2006skilled"], "numeric"),
        ("That is a stretch: the studies measured self-assessment on specific tests", [], "no-support"),
        ("comes from an internet cartoon, not from any of these papers", [], "no-support"),
        ("Why would regression to the mean produce this pattern", [], "question"),
        ("Could you design a study that separates a real effect from the artefact", [], "question"),
        ("the reflective log for weeks 5–6 is due on Friday", [], "meta"),
    ],
    "pharmacy-hay-fever.html": [
        ("Hay fever affects around one in five people in the UK.", ["scadding2017bsaci"], "numeric"),
        ("Our pharmacists see a rush of customers every year in the last week of May", [], "anecdote"),
        ("Teenagers with hay fever were more likely to drop a grade", ["walker2007seasonal"], "numeric"),
        ("Taking a sedating antihistamine made the drop worse.", ["walker2007seasonal"], "follow-on"),
        ("About a quarter of people with hay fever have never had it diagnosed by a doctor", [],
         "unresolved"),
        ("Most people can control their symptoms with treatments from the pharmacy.",
         ["scadding2017bsaci", "weiner1998intranasal"], "numeric"),
        ("A steroid nasal spray works better than an antihistamine tablet for a blocked nose.",
         ["weiner1998intranasal"], "numeric"),
        ("Rinsing the nose with salt water may also ease symptoms", ["head2018saline"], "numeric"),
        ("your GP can refer you for immunotherapy", [], "advice"),
        ("Three years of grass pollen immunotherapy kept working", ["durham1999long"], "numeric"),
        ("a thunderstorm in Melbourne sent thousands of people to hospital", ["thien2018melbourne"],
         "numeric"),
        ("Many of them had hay fever but had never been diagnosed with asthma.", ["thien2018melbourne"],
         "follow-on"),
        ("The Melbourne event is the reason we advise anyone with hay fever who ever wheezes",
         ["thien2018melbourne"], "study-name"),
        ("Pollen seasons across the northern hemisphere are getting longer", ["ziska2019temperature"],
         "numeric"),
        ("Start your treatment two weeks before your usual season.", [], "advice"),
        ("Shower and change your clothes after being outside.", [], "advice"),
        ("Keep windows closed on high-pollen days.", [], "advice"),
        ("Ask in store about our free hay fever check", [], "meta"),
    ],
    "review-range-epstein.md": [
        ("I picked up *Range* after my daughter gave up the violin at twelve", [], "anecdote"),
        ("I wanted to know whether I should worry.", [], "filler"),
        ("Epstein's argument is that in most fields, people who sample widely", ["epstein2019range"],
         "author-work"),
        ("He opens with Tiger Woods and Roger Federer", ["epstein2019range"], "follow-on"),
        ("He sums up his case himself:", [], "lead-in"),
        ("how to maintain the benefits of breadth, diverse experience", ["epstein2019range"], "quote"),
        ("comes from a study of violinists at a Berlin music academy", ["ericsson1993role"], "paren"),
        ("The best students had practised alone for far more hours by the age of 20",
         ["ericsson1993role"], "follow-on"),
        ("Malcolm Gladwell turned this into the", ["gladwell2008outliers"], "paren"),
        ("deliberate practice explained about 26% of the differences in performance in games",
         ["macnamara2014deliberate"], "paren"),
        ("elite athletes turned out not to have started their main sport earlier than sub-elite ones",
         ["macnamara2016relationship"], "paren"),
        ("found that German international-class athletes had started their main sport later",
         ["gullich2017international"], "narrative"),
        ("Danish athletes showed the same pattern", [], "unresolved"),
        ("learning environments come from Hogarth", ["hogarth2001educating"], "narrative"),
        ("argued that intuition can only be trusted where the environment is regular",
         ["kahneman2009conditions"], "narrative"),
        ("Epstein builds on both to argue that most of modern life is wicked.", ["epstein2019range"],
         "author-work"),
        ("The idea that talent is simply inherited is much older.", [], "lead-in"),
        ("traced eminent judges, poets and scientists through their families", ["galton1892hereditary"],
         "narrative"),
        ("The chapter on Van Gogh is lovely, but it is not evidence.", [], "no-support"),
        ("I would have liked fewer stories and more numbers.", [], "no-support"),
        ("Four stars.", [], "filler"),
        ("My daughter now plays football and the drums.", [], "anecdote"),
        ("I have stopped worrying.", [], "filler"),
        ("Next up on the blog", [], "reading-list"),
    ],
    "journalism-power-posing.txt": [
        ("a TED talk told millions of people that standing like Wonder Woman", [], "no-support"),
        ("It became one of the most watched talks ever.", [], "no-support"),
        ("in which 42 people held either expansive", ["carney2010power"], "narrative"),
        ("Those in the high-power poses reported feeling more powerful, took more risks",
         ["carney2010power"], "follow-on"),
        ("I tried the pose in a lift before a job interview in 2013.", [], "anecdote"),
        ("I did not get the job.", [], "filler"),
        ("It did not replicate.", [], "filler"),
        ("repeated the experiment with 200 participants and found no effect on hormones",
         ["ranehill2015assessing"], "narrative"),
        ("the original first author posted a statement saying she no longer believed", [], "unresolved"),
        ("analysed the published power-posing studies with a method called p-curve",
         ["simmons2017power"], "narrative"),
        ("They concluded that the studies gave no evidence of one.", ["simmons2017power"], "follow-on"),
        ("replied with a larger p-curve of their own", ["cuddy2018p"], "narrative"),
        ("A special issue of pre-registered replications found, at best, small effects",
         ["jonas2017power"], "paren"),
        ("A review of 88 studies of posture reached a similar verdict", ["elkjaer2022expansive"], "paren"),
        ("Expansive postures nudged mood and self-rated confidence a little", ["elkjaer2022expansive"],
         "follow-on"),
        ("sitting upright made people rate their own essays slightly higher", ["korner2025upright"], "paren"),
        ("Feeling powerful is not nothing", [], "quoted-speech"),
        ("But it is not testosterone either.", [], "quoted-speech"),
        ("The power-posing story became a symbol of psychology's replication crisis", [], "no-support"),
        ("If standing tall makes you feel better before a talk, there is no harm in it.", [], "advice"),
    ],
    "school-breakfast-club.html": [
        ("Breakfast club runs from 7:45 am every school day", [], "meta"),
        ("Places are free for children who are eligible for free school meals.", [], "meta"),
        ("Eating breakfast seems to help children concentrate through the morning.", [], "lead-in"),
        ("schoolchildren who skipped breakfast showed a steeper decline in attention and memory",
         ["wesnes2003breakfast"], "paren"),
        ("reviewed 45 studies and found that eating breakfast was linked to better on-task behaviour",
         ["adolphus2013effects"], "narrative"),
        ("A later review by the same team found that breakfast helped attention and memory most",
         ["adolphus2016effects"], "paren"),
        ("did better in teacher assessments six to eighteen months later", ["littlecott2016association"],
         "paren"),
        ("made about two months' more progress than pupils in other schools", ["crawford2016magic"],
         "paren"),
        ("The benefit came from the whole class settling faster", ["crawford2016magic"], "follow-on"),
        ("Universal free breakfasts in US schools were linked to better attendance", [], "unresolved"),
        ("funds breakfast clubs in more than 2,500 schools", ["dfe2023national"], "narrative"),
        ("The Welsh study could not show that breakfast caused the better results",
         ["littlecott2016association"], "study-name"),
        ("lateness has fallen by about a third", [], "anecdote"),
        ("Staff tell us that the first lesson of the day is calmer.", [], "anecdote"),
        ("My son actually talks to me about school now.", [], "testimony"),
        ("please send them to breakfast club", [], "advice"),
    ],
}

LABELS: dict[str, list[tuple[str, list[str]]]] = {
    name: [(claim, keys) for claim, keys, _ in entries] for name, entries in RAW.items()
}


def check(labels: dict[str, list[tuple[str, list[str]]]]) -> None:
    """Every labelled substring occurs exactly once in its article and every key is in references.bib."""
    bib = (HERE / "references.bib").read_text(encoding="utf-8")
    files = {p.name for p in HERE.iterdir() if p.suffix in {".txt", ".md", ".html"}} - {"README.md"}
    if files != set(labels):
        raise SystemExit(f"articles without labels or labels without articles: {sorted(files ^ set(labels))}")
    for name, entries in labels.items():
        text = (HERE / name).read_text(encoding="utf-8")
        for claim, keys in entries:
            if text.count(claim) != 1:
                raise SystemExit(f"{name}: {claim!r} occurs {text.count(claim)} times")
            for key in keys:
                if "{" + key + "," not in bib:
                    raise SystemExit(f"{name}: key {key} is not in references.bib")


def check_kinds(raw: dict[str, list[tuple[str, list[str], str]]]) -> None:
    """A positive kind goes with at least one key, a negative kind with none."""
    for name, entries in raw.items():
        for claim, keys, kind in entries:
            if kind not in (POSITIVE_KINDS if keys else NEGATIVE_KINDS):
                raise SystemExit(f"{name}: {claim!r} has kind {kind!r} but {len(keys)} keys")


def counts(raw: dict[str, list[tuple[str, list[str], str]]]) -> dict[str, Counter]:
    """Positive links by kind (one per key) and negative labels by kind."""
    links: Counter = Counter()
    negatives: Counter = Counter()
    for entries in raw.values():
        for _, keys, kind in entries:
            if keys:
                links[kind] += len(keys)
            else:
                negatives[kind] += 1
    return {"links": links, "negatives": negatives}


def main() -> None:
    """Check the labels and write expected.json."""
    check(LABELS)
    check_kinds(RAW)
    documents = {name: [{"claim": c, "sources": k} for c, k in entries] for name, entries in LABELS.items()}
    out = {"about": ABOUT, "documents": documents}
    text = json.dumps(out, indent=1, ensure_ascii=False) + "\n"
    (HERE / "expected.json").write_text(text, encoding="utf-8")
    tally = counts(RAW)
    print(f"{len(documents)} documents, {sum(map(len, LABELS.values()))} labels, "
          f"{sum(tally['links'].values())} expected links, "
          f"{sum(tally['negatives'].values())} deliberate negatives")
    print("links by kind:", dict(tally["links"].most_common()))
    print("negatives by kind:", dict(tally["negatives"].most_common()))


if __name__ == "__main__":
    main()
