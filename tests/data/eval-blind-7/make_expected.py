"""Write expected.json of the seventh blind held-out set from the labels below.

    python make_expected.py

Each label is (substring of exactly one claim, [bib keys]); an empty list marks a deliberate negative.
The labels were written by hand from the texts; no extractor output was looked at.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

ABOUT = (
    'Seventh blind held-out set (eval-blind-7): 15 texts, references.bib and labels written by hand by '
    "an annotator (the 'blogwriter' engineer) who did not read the extractor (ingest/citations/, "
    'ingest/claims.py, ingest/blocks.py, ingest/html_reader.py, ingest/reflist.py, ingest/threads.py, '
    'docs/extraction.md, docs/eval/, the citation and claim tests), read only eval-blind-6\'s README, '
    'make_expected.py and one document for the format, and labelled before any extractor output '
    "existed; nothing in this folder was run through ClaimGraph before the lead's first run. Topics: "
    'running injuries, houseplants and indoor air, vitamin D, hearing and dementia, homework, cycling, '
    'loneliness, teenagers and smartphones, placebo, social capital, octopus minds, intermittent '
    'fasting, microplastics, coral bleaching, dog ownership. Conventions (as in eval-blind-6): a '
    'citation supports the sentence it stands in; a follow-on sentence that refers back to the cited '
    "work ('In their analysis', 'The same report', 'They also', 'The heatwave', 'After three weeks, "
    "those patients', 'Television, he argues', 'When the signal goes on for too long, they argue') "
    'carries its source; a lead-in or topic sentence without its own citation does not take the source '
    "of the sentence after it ('Alternate-day fasting has a dropout problem.', 'The biggest study I "
    "found comes from Sweden.'); a lead-in ending in ':' that introduces a list or a quotation is not a "
    'claim, and list items carry only their own citations. A block quotation followed by a citation '
    "line with a page ('(Jacobs 1961, p. 238)', '(Godfrey-Smith, 2016, p. 10)') is a claim supported by "
    'that source; the citation line is not a claim of its own. A study named without author and year '
    "in a comment ('The Ridge study', 'The Nielsen cohort', 'The Swedish study') refers to the work the "
    "post cites. First-person experience ('I have coached a beginners' running group ... for ten "
    "years', 'In my practice I only test...', 'In my practice as a vet...', 'In our school we moved "
    "to reading-only homework ... in 2022', 'I tried 16:8 for three months myself'), the school's own "
    'survey, people quoted speaking for themselves, advice, bylines, dates, questions, diary lists, '
    'further-reading and reading-list lines (even when they carry a citation: "Reading for next week: '
    'Putnam 2000", "Further reading: Hughes et al. (2017) ... is short and readable", the LSE report in '
    "the podcast's link list), the handout's numbered reading list, timestamps in show notes, "
    'unsupported claims that echo a famous study without citing it ("as bad for you as smoking '
    'fifteen cigarettes a day") and citations missing from the .bib (Daoud et al. 2012, RNID 2023, '
    'Aldred et al. 2018, Varady et al. 2013, Hernandez et al. 2019) link to nothing. Same first author '
    "and year: 'Orben & Przybylski, 2019a' is 'The association between adolescent well-being and "
    "digital technology use' and '2019b' is 'Screens, teens, and psychological well-being' (APA title "
    "order, leading 'The' ignored); 'Hughes et al., 2018a' is 'Global warming transforms coral reef "
    "assemblages' and '2018b' 'Spatial and temporal patterns of mass bleaching'. Same surname, other "
    'year (distractors, some cited elsewhere, some never cited): Malisoux 2015, Bolland 2014, '
    'Livingston 2017/2020/2024, Lin 2011/2023, Cooper 1989, Jacobsen 2015, Holt-Lunstad 2010/2015, '
    'Putnam 1995/2000, Klinenberg 2002/2018, Hoegh-Guldberg 1999/2007, Hughes 2017, Harvie 2013, '
    'Herzog 2010, Levine 1978 (placebo) vs Levine et al. 2013 (dogs), World Health Organization '
    "2019/2021. 'Klinenberg (2002, 2018)' cites both books. Group authors: Scientific Advisory "
    'Committee on Nutrition, National Institute for Health and Care Excellence [NICE] (bib shortauthor '
    'NICE), World Health Organization, Education Endowment Foundation, Office for National Statistics, '
    'Office of the Surgeon General, GESAMP. Numeric markers in the placebo handout ([1]...[6], a range '
    "[3-5]) resolve through the text's own numbered reading list to the bib entries of the same works; "
    "a range cites every number in it. The urban-sociology lecture uses author-year without a comma "
    "('(Putnam 1995)', '(Sampson et al. 1997, Putnam 2000)'). Regenerate with `python make_expected.py`."
)

LABELS: dict[str, list[tuple[str, list[str]]]] = {
    "blog-running-shoes.md": [
        ("I have coached a beginners' running group in Bristol for ten years", []),
        ("A systematic review of 17 studies put the yearly incidence", ["vangent2007incidence"]),
        ("The knee was the most frequent site of injury in their review", ["vangent2007incidence"]),
        ("I suspect that range is so wide", []),
        ("For decades, running shops sold shoes by foot type", []),
        ("followed 927 novice runners in neutral shoes for a year", ["nielsen2014foot"]),
        ("If anything, the pronators had fewer injuries", ["nielsen2014foot"]),
        ("argued instead that runners should choose the shoe that feels most comfortable",
         ["nigg2015running"]),
        ("habitually barefoot runners tend to land on the forefoot", ["lieberman2010foot"]),
        ("Remember that impact forces are not injuries.", []),
        ("college cross-country runners who habitually struck with the heel", []),
        ("Switching too quickly has a price.", []),
        ("moved experienced runners into minimalist shoes over ten weeks", ["ridge2013foot"]),
        ("nearly every injury in our group comes from doing too much too soon", []),
        ("Pick the pair that feels best in the shop", []),
        ("Most of my runners now buy whatever is on sale.", []),
        ("I switched to zero-drop shoes last summer", []),
        ("The Ridge study is a good warning", ["ridge2013foot"]),
        ("The Nielsen cohort were all beginners in neutral shoes.", ["nielsen2014foot"]),
        ("recreational runners given motion control shoes had a lower overall injury risk",
         ["malisoux2016injury"]),
        ("I still think foot type matters for some people.", []),
        ("Thanks, Marta, that is a fair correction.", []),
        ("Does anyone know whether carbon-plated shoes change any of this?", []),
    ],
    "blog-houseplants-air.html": [
        ("nearly every customer tells us they are buying them to purify the air", []),
        ("The claim goes back to a NASA study.", []),
        ("placed common houseplants in small sealed chambers", ["wolverton1989interior"]),
        ("Within 24 hours, some plants had removed most of the formaldehyde", ["wolverton1989interior"]),
        ("The chambers were about the size of a kitchen cupboard", ["wolverton1989interior"]),
        ("went back through 196 experiments from the past thirty years", ["cummings2020potted"]),
        ("They calculated that you would need between 10 and 1,000 plants", ["cummings2020potted"]),
        ("In their words, the natural rate at which air is exchanged indoors", ["cummings2020potted"]),
        ("Opening a window for ten minutes does more for your air", []),
        ("There is some evidence that they do.", []),
        ("people worked about 12% faster on a reaction-time task", ["lohr1996interior"]),
        ("found modest effects on mood, pain tolerance and attention", ["bringslimark2009psychological"]),
        ("Overwatered pots can grow mould", []),
        ("buy plants because you like them", []),
        ("the ventilation system changes the air several times an hour", []),
        ("removal rates are far higher than for potted plants", ["irga2018phytoremediation"]),
        ("That is really a filter with plants in it, though.", []),
        ("I bought six peace lilies for my bedroom after reading about the NASA study", []),
    ],
    "clinic-vitamin-d.html": [
        ("We are asked about vitamin D more than almost any other supplement", []),
        ("Vitamin D helps the body absorb calcium and phosphate", []),
        ("Most of it is made in the skin when it is exposed to sunlight", []),
        ("recommends that everyone over the age of one should have 10 micrograms", ["sacn2016vitamin"]),
        ("between October and March the sunlight in the UK does not contain enough ultraviolet B",
         ["sacn2016vitamin"]),
        ("because they get little sun on their skin", ["nice2014vitamin"]),
        ("Probably not, for most people.", []),
        ("vitamin D did not lower the rate of invasive cancer", ["manson2019vitamin"]),
        ("vitamin D supplements do not prevent fractures or falls", ["bolland2018effects"]),
        ("There is one area where the picture is more positive.", []),
        ("pooled individual data from 25 trials", ["martineau2017vitamin"]),
        ("The benefit was largest in people who were very deficient at the start", ["martineau2017vitamin"]),
        ("In my practice I only test vitamin D levels", []),
        ("can raise the level of calcium in the blood", []),
        ("Do not take more than 100 micrograms a day", []),
    ],
    "charity-hearing-dementia.html": [
        ("Looking after your hearing is one of the simplest things you can do", []),
        ("estimates that more than 1.5 billion people worldwide live with some degree of hearing loss",
         ["who2021world"]),
        ("around 12 million adults have hearing loss", []),
        ("people with mild hearing loss at the start were about twice as likely", ["lin2011hearing"]),
        ("first listed nine risk factors that could be changed", ["livingston2017dementia"]),
        ("Its update added three more and estimated", ["livingston2020dementia"]),
        ("Of all of them, hearing loss in midlife had the largest share", ["livingston2020dementia"]),
        ("None of this proves that hearing loss causes dementia.", []),
        ("the same underlying changes in the brain cause both", []),
        ("The first large randomised trial was published in 2023.", []),
        ("gave 977 adults aged 70 to 84", ["lin2023hearing"]),
        ("the hearing intervention did not slow cognitive decline in the group as a whole",
         ["lin2023hearing"]),
        ("In the participants at higher risk of dementia, however", ["lin2023hearing"]),
        ("Hearing aids are free on the NHS", []),
        ("Our volunteers hear the same worry every week", []),
    ],
    "school-homework.html": [
        ("Last year many of you asked why our homework looks different", []),
        ("found a clear link between homework and achievement for secondary pupils", ["cooper2006does"]),
        ("reached a similar conclusion: the average effect of homework is small", ["hattie2009visible"]),
        ("estimates that homework adds about five months of progress in secondary schools",
         ["eef2021homework"]),
        ("How homework is done also matters.", []),
        ("found that pupils who did their homework regularly and on their own",
         ["fernandezalonso2015adolescents"]),
        ("Beyond about an hour a day, extra time was not linked to better results.",
         ["fernandezalonso2015adolescents"]),
        ("In our school we moved to reading-only homework for Years 1 to 4 in 2022", []),
        ("82% of the parents who replied said homework time at home had become calmer", []),
        ("Reading at home every day is the single most useful thing your child can do.", []),
        ("Years 5 and 6 also have one written task each week", []),
    ],
    "newsletter-cycling.txt": [
        ("on the first Saturday we counted 312 bikes in an hour", []),
        ("The research says otherwise.", []),
        ("The best-known answer comes from the Netherlands.", []),
        ("calculated that the gain in life expectancy from the extra physical activity",
         ["dehartog2010benefits"]),
        ("followed more than 260,000 commuters in the UK Biobank", ["celismorales2017association"]),
        ("Those who cycled to work had a 41% lower risk of dying from any cause",
         ["celismorales2017association"]),
        ("They also had a lower risk of developing heart disease and cancer.",
         ["celismorales2017association"]),
        ("called for better infrastructure rather than campaigns telling cyclists to take care",
         ["gotschi2016cycling"]),
        ("found that the number of people hit by cars rose much more slowly", ["jacobsen2003safety"]),
        ("the more people cycle, the safer each of them is", ["jacobsen2003safety"]),
        ("new cycle lanes were followed by fewer injuries per trip", []),
        ("Nobody really knows why.", []),
        ("Drivers may simply expect to see bikes.", []),
        ("Membership is £12 a year", []),
    ],
    "newsletter-loneliness.txt": [
        ("When I started the Tuesday lunch club in the church hall in 2019, six people came.", []),
        ("Loneliness is not only sad.", []),
        ("It is a health problem.", []),
        ("those with stronger social relationships were about 50% more likely", ["holtlunstad2010social"]),
        ("A second review by the same team looked separately at loneliness",
         ["holtlunstad2015loneliness"]),
        ("as bad for you as smoking fifteen cigarettes a day", []),
        ("It is not only older people.", []),
        ("found that about 5% of adults felt lonely", ["ons2018loneliness"]),
        ("reported that about half of adults had experienced measurable levels of loneliness",
         ["surgeongeneral2023epidemic"]),
        ("describe loneliness as a signal, like hunger or thirst", ["cacioppo2008loneliness"]),
        ("When the signal goes on for too long, they argue", ["cacioppo2008loneliness"]),
        ("Small things help.", []),
        ("members felt less lonely after six months than people on the waiting list",
         ["ostergaard2022lunch"]),
        ("I have watched strangers become friends over a bowl of soup", []),
        ("Lunch is £3, and nobody is turned away.", []),
    ],
    "substack-teens-phones.md": [
        ("I have two teenagers, and like every parent I know", []),
        ("The alarm started with charts.", []),
        ("analysed two large national surveys of American teenagers", ["twenge2018increases"]),
        ("Adolescents who spent more time on screens were more likely to report those symptoms",
         ["twenge2018increases"]),
        ("turns that pattern into a sweeping argument", ["haidt2024anxious"]),
        ("he claims that the move from a play-based to a phone-based childhood", ["haidt2024anxious"]),
        ("It is a powerful story.", []),
        ("It is also one that many researchers do not accept.", []),
        ("ran the same kind of analysis as the alarmed studies", ["orben2019association"]),
        ("In their analysis, the association between technology use and adolescent well-being",
         ["orben2019association"]),
        ("Wearing glasses, they noted, had a larger negative association", ["orben2019association"]),
        ("A second paper the same year used time-use diaries", ["orben2019screens"]),
        ("It found little evidence that time spent on digital screens", ["orben2019screens"]),
        ("its central claim is not supported by the science", ["odgers2024great"]),
        ("The phone may still cost us something at school and at work.", []),
        ("students whose phones were on the desk, even face down and silent", ["ward2017brain"]),
        ("I tried this on myself for a month", []),
        ("Correlations this small cannot carry the weight of a moral panic.", []),
        ("the research cannot tell me what my own daughter is seeing at midnight", []),
    ],
    "handout-placebo.txt": [
        ("Read this before Thursday's seminar.", []),
        ("is Latin for", []),
        ("pooled fifteen studies and claimed that about 35% of patients", ["beecher1955powerful"]),
        ("For fifty years, textbooks repeated the number without checking it.", []),
        ("Every year someone in this class tells me that placebos cure a third of all illnesses.", []),
        ("looked only at trials that had both a placebo group and a no-treatment group",
         ["hrobjartsson2001placebo"]),
        ("They found little evidence that placebos had powerful clinical effects in general",
         ["hrobjartsson2001placebo"]),
        ("Placebo pain relief is not just a matter of patients being polite.", []),
        ("showed that the opioid blocker naloxone reversed placebo pain relief", ["levine1978mechanism"]),
        ("a placebo cream reduced activity in pain-processing regions", ["wager2004placebo"]),
        ("Expectation and conditioning both contribute",
         ["levine1978mechanism", "wager2004placebo", "benedetti2005neurobiological"]),
        ("Can a placebo work if the patient knows it is a placebo?", []),
        ("gave patients with irritable bowel syndrome pills that were openly described",
         ["kaptchuk2010placebos"]),
        ("After three weeks, those patients reported more relief", ["kaptchuk2010placebos"]),
        ("Why did Beecher's figure survive for so long?", []),
        ("Is it ethical for a doctor to prescribe an open-label placebo?", []),
    ],
    "lecture-urban-sociology.md": [
        ("defines social capital as the connections among individuals", ["putnam2000bowling"]),
        ("The idea is older than Putnam, but he made it famous.", []),
        ("The argument first appeared in a short journal article", ["putnam1995bowling"]),
        ("membership of clubs, churches, unions and parent-teacher associations", ["putnam2000bowling"]),
        ("Television, he argues, is one of the main culprits.", ["putnam2000bowling"]),
        ("We will come back to his evidence in week 9.", []),
        ("Not all ties are equal.", []),
        ("people who had recently changed jobs in a Boston suburb", ["granovetter1973strength"]),
        ("Acquaintances move in other circles", ["granovetter1973strength"]),
        ("surveyed residents of 343 Chicago neighbourhoods", ["sampson1997neighborhoods"]),
        ("which the authors call collective efficacy, had lower rates of violence",
         ["sampson1997neighborhoods"]),
        ("Both social ties and shared expectations matter",
         ["sampson1997neighborhoods", "putnam2000bowling"]),
        ("argues that this depends on", ["klinenberg2002heat", "klinenberg2018palaces"]),
        ("more than 700 people died", ["klinenberg2002heat"]),
        ("Cities have the capability of providing something for everybody", ["jacobs1961death"]),
        ("When I lived in Dakar, the corner shop on our street", []),
        ("Learn one study per section, with its date and its method.", []),
        ("chapters 1 and 22", []),
    ],
    "podcast-octopus.md": [
        ("This week Rhiannon talks to Keiko about the animal", []),
        ("most of an octopus's neurons are not in its brain but in its arms", []),
        ("the octopus turned out to have hundreds of genes of a family called protocadherins",
         ["albertin2015octopus"]),
        ("veined octopuses have been filmed digging up discarded coconut shell halves",
         ["finn2009defensive"]),
        ("The authors argue that this counts as tool use", ["finn2009defensive"]),
        ("Keiko walks us through an experiment by", ["crook2021behavioral"]),
        ("Octopuses that received an injection of dilute acetic acid", ["crook2021behavioral"]),
        ("there is strong scientific evidence that cephalopod molluscs and decapod crustaceans are sentient",
         ["birch2021review"]),
        ("Since 2022, octopuses have been covered by the Animal Welfare (Sentience) Act.", []),
        ("the minds of cephalopods are the most other of all", ["godfreysmith2016other"]),
        ("We had one octopus who learned to turn off the lights", []),
        ("the Sea, and the Deep Origins of Consciousness", []),
        ("The LSE report on sentience in cephalopods and decapods", []),
        ("Our episode 31 on cuttlefish camouflage", []),
    ],
    "review-intermittent-fasting.md": [
        ("Every January my inbox fills up with questions", []),
        ("the body runs low on glycogen and starts to burn fat", ["decabo2019effects"]),
        ("Whether the same holds for people eating three meals a day is a different question.", []),
        ("The modern 5:2 diet grew out of trials in Manchester.", []),
        ("randomised 107 overweight women", ["harvie2011effects"]),
        ("After six months, both groups had lost about the same amount of weight", ["harvie2011effects"]),
        ("Alternate-day fasting has a dropout problem.", []),
        ("found no difference in weight loss between alternate-day fasting and daily calorie restriction",
         ["trepanowski2017effect"]),
        ("The German HELENA trial came to a similar conclusion", ["schubel2018effects"]),
        ("Time-restricted eating keeps calories the same but narrows the eating window.", []),
        ("men with prediabetes who ate all their food between 8am and 2pm", ["sutton2018early"]),
        ("Free-living trials have been less kind.", []),
        ("adults who ate only between noon and 8pm for twelve weeks", ["lowe2020effects"]),
        ("Much of the small weight they did lose appeared to be lean mass.", ["lowe2020effects"]),
        ("then combined time-restricted eating with calorie restriction", ["liu2022calorie"]),
        ("Over a year, the eating window made no difference", ["liu2022calorie"]),
        ("When fasting diets do work, they mostly work by making people eat less.", []),
        ("The body also fights back.", []),
        ("energy expenditure drops by more than the loss of tissue would predict", ["muller2016changes"]),
        ("If I had to choose one thing", []),
        ("those who followed a Mediterranean-style diet most closely", ["sanchezvillegas2009association"]),
        ("intermittent fasting is about as good as ordinary calorie counting",
         ["harvie2011effects", "trepanowski2017effect", "schubel2018effects", "liu2022calorie"]),
        ("is often quoted as evidence that it works without obesity", []),
        ("I tried 16:8 for three months myself", []),
        ("If skipping breakfast suits you, go ahead.", []),
        ("you are not missing out on anything magic", []),
    ],
    "faq-microplastics.html": [
        ("We get more questions about microplastics than about any other subject.", []),
        ("Microplastics are pieces of plastic smaller than 5 millimetres", ["gesamp2015sources"]),
        ("Nanoplastics are smaller still", []),
        ("Nobody knows exactly.", []),
        ("intake at 39,000 to 52,000 particles a year", ["cox2019human"]),
        ("You may have read that we each eat", []),
        ("That figure, about 5 grams, comes from", ["senathirajah2021estimation"]),
        ("counted around 240,000 plastic particles in a typical litre of bottled water", ["qian2024rapid"]),
        ("Tap water has not yet been tested in the same way.", []),
        ("released about 11.6 billion microplastic particles into the cup", []),
        ("Most tea bags sold in the UK are now paper", []),
        ("found measurable plastic particles in the blood of 17 of the 22 healthy volunteers",
         ["leslie2022discovery"]),
        ("were about four and a half times more likely to have a heart attack",
         ["marfella2024microplastics"]),
        ("An association like this does not prove cause and effect.", []),
        ("We do not know yet.", []),
        ("microplastics in drinking water do not appear to pose a health risk", ["who2019microplastics"]),
        ("It also called for better ways of measuring them", ["who2019microplastics"]),
        ("reducing plastic waste at the source does more good than any filter", []),
    ],
    "notes-coral-bleaching.txt": [
        ("corals expel the symbiotic algae (zooxanthellae)", []),
        ("a period of unusually warm sea surface temperature lasting at least five days", []),
        ("Corals live only a degree or two below the highest temperatures they can tolerate.", []),
        ("above the usual summer maximum for several weeks", []),
        ("If the heat does not last too long, the algae can return", []),
        ("predicted that bleaching would become an annual event in most tropical seas",
         ["hoeghguldberg1999climate"]),
        ("At the time, many reef scientists thought this was alarmist.", []),
        ("later added ocean acidification to the picture", ["hoeghguldberg2007coral"]),
        ("They argued that once atmospheric carbon dioxide passes about 500 ppm", ["hoeghguldberg2007coral"]),
        ("In 2016 the reef suffered its worst bleaching on record.", []),
        ("Aerial surveys of more than 1,100 reefs showed", ["hughes2017global"]),
        ("The heatwave killed about 30% of the reef's corals in nine months", ["hughes2018global"]),
        ("found that the typical gap between severe bleaching events had shrunk", ["hughes2018spatial"]),
        ("They warn that six years is too short for reefs to recover fully", ["hughes2018spatial"]),
        ("in 2016 about 30% of corals on the Great Barrier Reef died", ["hughes2018global"]),
        ("I dived on the northern reef in 2019", []),
        ("the Nature paper, is short and readable", []),
    ],
    "blog-dog-ownership.txt": [
        ("Biscuit, our rescue terrier, turned three last week.", []),
        ("Since he arrived I walk about an hour a day", []),
        ("Friends keep telling me that dogs are good for your heart", []),
        ("The biggest study I found comes from Sweden.", []),
        ("followed 3.4 million Swedes aged 40 to 80 for twelve years", ["mubanga2017dog"]),
        ("Dog owners had a lower risk of cardiovascular disease", ["mubanga2017dog"]),
        ("Owners of hunting breeds, such as terriers and retrievers, had the lowest risk of all.",
         ["mubanga2017dog"]),
        ("dog owners had a 24% lower risk of dying from any cause", ["kramer2019dog"]),
        ("is probably associated with a lower risk of heart disease", ["levine2013pet"]),
        ("Not everyone is convinced.", []),
        ("for every study showing that pet owners are healthier", ["herzog2011impact"]),
        ("People who are already fit and well off are also more likely to get a dog", ["herzog2011impact"]),
        ("Either way, Biscuit is staying.", []),
        ("We got a labrador during lockdown and I have lost eight kilos.", []),
        ("In my practice as a vet I see plenty of owners who never walk their dogs", []),
        ("The Swedish study could not measure how much people actually walked.", ["mubanga2017dog"]),
        ("The registers only told them who owned a dog", ["mubanga2017dog"]),
        ("Allergies are the reason we cannot have one.", []),
        ("Cats are worse, though.", []),
    ],
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


def main() -> None:
    """Check the labels and write expected.json."""
    check(LABELS)
    documents = {name: [{"claim": c, "sources": k} for c, k in entries] for name, entries in LABELS.items()}
    out = {"about": ABOUT, "documents": documents}
    text = json.dumps(out, indent=1, ensure_ascii=False) + "\n"
    (HERE / "expected.json").write_text(text, encoding="utf-8")
    links = sum(len(k) for e in LABELS.values() for _, k in e)
    negatives = sum(1 for e in LABELS.values() for _, k in e if not k)
    print(f"{len(documents)} documents, {sum(map(len, LABELS.values()))} labels, {links} expected links, "
          f"{negatives} deliberate negatives")


if __name__ == "__main__":
    main()
