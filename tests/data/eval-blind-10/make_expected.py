"""Write expected.json of the tenth blind held-out set from the labels below.

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
    "Tenth blind held-out set (eval-blind-10): 14 texts (5 .md, 5 .txt, 4 .html), one shared "
    "references.bib and labels written by hand on 2026-12-02 by an annotator (the 'blind10' engineer) "
    "who did not read the extractor (ingest/citations/, ingest/claims.py, ingest/cues.py, "
    "ingest/segment.py, ingest/blocks.py, ingest/reflist.py, ingest/support/) nor docs/eval/, and never "
    "ran ClaimGraph or ingest.evaluate on these files; the labels were written before any extractor "
    "output existed. Topics (none used by an earlier set): delirium in hospital, caffeine and endurance "
    "running, early peanut introduction, the Altamira cave paintings, non-sugar sweeteners, corvid "
    "cognition, John Snow and the Broad Street pump, cold homes and health, contagious yawning, "
    "Invisible Women, daily step counts, school tutoring, sunscreen, Zika and microcephaly. Conventions "
    "(those of eval-blind-6 to -9, issue #10 classes 8-10): a citation supports the sentence it stands "
    "in, every work in it; a follow-on sentence that refers back to the cited work ('The link held after "
    "the authors allowed for...', 'In that trial, the benefit was largest...', 'The authors also "
    "found...', 'They also point out...', 'A claviform sign on the Altamira ceiling itself...', 'If "
    "those dates hold...', 'The effect depended on...', 'In the same paper...', 'Nobody had taught "
    "her...', 'Those neurons followed...', 'The same authors note...', 'Households supplied by the "
    "Southwark and Vauxhall Company...', 'He traced the first case...', 'Under that measure...', 'They "
    "suggest a simpler explanation', 'In that study, 21 of 29 dogs...', 'By that standard...', 'In that "
    "study the women took...', 'The largest effects came from...', 'In the larger trial...', 'Daily use "
    "did not reduce basal cell carcinoma', 'the researchers advised...', 'In that cohort...') carries "
    "its source; a work named later or in a comment without author and year ('The hip fracture trial', "
    "'The HELP trial', 'In LEAP', 'Even in LEAP', 'The NutriNet-Santé cancer analysis', 'The Neandertal "
    "dating paper', 'The Paluch meta-analysis', 'The CARDIA analysis') refers to the work the page "
    "cites; 'Criado Perez's argument' refers to the book under review. A lead-in or topic sentence "
    "without its own citation does not take the source of the sentence after it; a lead-in ending in ':' "
    "is not a claim. A block quotation followed by a citation line with a page ('(Inouye, Westendorp & "
    "Saczynski, 2014, p. 911)', '(Cartailhac, 1902, p. 350)', '(Criado Perez, 2019, p. xi)') is one "
    "claim supported by that source; an indented quotation ending in a footnote marker is supported by "
    "the footnote's work. Footnote superscripts (¹…¹²) resolve through the essay's Notes, short notes "
    "('Snow, On the Mode, p. 39.', 'Johnson, Ghost Map, p. 56.') included; numbered brackets ([1]…[9], "
    "'[3, 4]', the PLOS range '[2]–[4]', the hyphen range '[6-8]') through the brief's numbered list; "
    "superscripts (<sup>1</sup>, <sup>4,5</sup>, <sup>1–3</sup>) through the clinic page's numbered "
    "<ol>; editor-inserted square-bracket author-year citations ('[Marzluff et al., 2010]') in a podcast "
    "transcript are citations. First-person evidence, commenters' and posters' own lives, people quoted "
    "speaking, advice, bylines, dates, questions, greetings, booking, subscription and sign-off lines, "
    "podcast chapter lines, unsupported claims, filler and the review blog's next book ('Data Feminism' "
    "by D'Ignazio and Klein (2020), in the bib) link to nothing. Statistics in brackets ('(odds ratio "
    "0.57 [95% CI 0.47–0.70])') are not citations. Citations missing from the .bib and from the page's "
    "own list link to nothing: Siddiqi et al. 2016, Burke 2008, Ierodiakonou et al. 2016, Lasheras 2009 "
    "(Lasheras is only a co-author in the bib), Azad et al. 2017, Bird & Emery 2009 (Emery leads another "
    "entry), Hempel 2006, the brief's '[12]' (its list has nine entries), Helt et al. 2010, "
    "Lindqvist-Marr 2020, Ding et al. 2025, Slavin 2022, Autier et al. 1999 and Honein et al. 2017 "
    "(Honein is only a co-author). Same author and year: 'Hoffmann et al., 2018a' is 'Symbolic use of "
    "marine shells...' and '2018b' 'U-Th dating of carbonate crusts...'; 'Debras et al., 2022a' is "
    "'Artificial sweeteners and cancer risk' and '2022b' 'Artificial sweeteners and risk of "
    "cardiovascular diseases'; 'del Pozo Cruz et al., 2022a' is 'Association of daily step count... "
    "dementia' and '2022b' 'Prospective associations...'; 'Education Endowment Foundation (2021a)' is "
    "'One to one tuition' and '2021b' 'Small group tuition' (title order). 'Perkin et al., 2016' is the "
    "NEJM trial the page lists, not the JACI feasibility paper with the same first author, year and "
    "'et al.'. 'Brasil et al. (2016)' is Patrícia Brasil's cohort, '(BRASIL. MINISTÉRIO DA SAÚDE, 2016)' "
    "the ministry's protocol. Same first author, other year or co-authors: Inouye et al. 1999 vs Inouye, "
    "Westendorp & Saczynski 2014 (Inouye et al. 1990 never cited), Guest et al. 2018 vs 2021, Pickering "
    "& Kiely 2018 (2019 never cited), Du Toit et al. 2008, 2015 and 2016, Gallup & Gallup 2007 vs Gallup "
    "& Eldakar 2011 (and Massen & Gallup 2017), Provine 1986 vs 2005, Howden-Chapman et al. 2007 vs 2008 "
    "(2012 never cited), Green et al. 1999 vs 2011, Paluch et al. 2021 vs 2022, Snow 1855 (1849 never "
    "cited), Matta et al. 2020 (2019 never cited), Clayton & Dickinson 1998 (Clayton & Emery 2005 never "
    "cited); Kabadayi & Osvath 2017 and Pika et al. 2020 share the title opening 'Ravens parallel great "
    "apes in'. Group authors: National Institute for Health and Care Excellence, 'EFSA Panel on Dietetic "
    "Products, Nutrition and Allergies' (commas inside), American Academy of Pediatrics, 'British "
    "Society for Allergy & Clinical Immunology', World Health Organization, Marmot Review Team, Public "
    "Health England, Office for National Statistics, Education Endowment Foundation, Cancer Research UK, "
    "'BRASIL. Ministério da Saúde'. Styles: APA parenthetical and narrative, Harvard without a comma "
    "('(Provine 1986)', '(Gallup and Gallup 2007)') and with a page ('Spriet (2014: 179)', '(Provine "
    "2005: 534)', 'Criado Perez (2019: 196)'), Spanish 'y' ('(Alcalde del Río, Breuil y Sierra, "
    "1911)'), ABNT in capitals with semicolons and Portuguese 'e' ('(MLAKAR et al., 2016; CAUCHEMEZ et "
    "al., 2016; RASMUSSEN et al., 2016)', 'Rasmussen, Jamieson, Honein e Petersen (2016)'), numbered "
    "brackets, superscripts, footnotes; names with accents, particles and two-word surnames (Ó Floinn, "
    "Grgić, Pedišić, Rutherfurd-Markwick, Du Toit, Sanz de Sautuola, Alcalde del Río, Sánchez-Moral, "
    "Sáiz-Jiménez, Küllenberg de Gaudry, Rios-Leyvraz, Valdés-Mas, Lučan, Němec, Sellström, "
    "Joly-Mascheroni, Criado Perez, Seguí-Gómez, van Marken Lichtenbelt, Tudor-Locke, Saint-Maurice, del "
    "Pozo Cruz, Bøg, Klint Jørgensen, Araújo, Howden-Chapman). Regenerate with `python make_expected.py`."
)

RAW: dict[str, list[tuple[str, list[str], str]]] = {
    "blog-delirium-ward.md": [
        ("I have been a nurse on an elderly care ward for fourteen years", [], "anecdote"),
        ("Last winter a man in bed 6 told me the ward was a railway station", [], "anecdote"),
        ("Delirium is a sudden change in attention and thinking", [], "no-support"),
        ("Delirium is a common, serious and potentially preventable source of morbidity",
         ["inouye2014delirium"], "quote"),
        ("pooled studies of older patients followed up after discharge", ["witlox2010delirium"], "narrative"),
        ("The link held after the authors allowed for age, sex, illness severity", ["witlox2010delirium"],
         "follow-on"),
        ("staff and volunteers helped older patients with orientation, sleep, walking",
         ["inouye1999multicomponent"], "paren"),
        ("A later meta-analysis of 14 studies found that programmes of this kind cut the odds",
         ["hshieh2015effectiveness"], "paren"),
        ("a daily visit from a geriatrician reduced delirium by about a third", ["marcantonio2001reducing"],
         "paren"),
        ("In that trial, the benefit was largest for severe delirium", ["marcantonio2001reducing"],
         "follow-on"),
        ("Guidance in England asks staff to look for delirium in every older person admitted",
         ["nice2023delirium"], "paren"),
        ("We screen every admission with the 4AT.", [], "anecdote"),
        ("The 4AT takes under two minutes and correctly picked out most patients", ["bellelli2014validation"],
         "paren"),
        ("Drugs are no shortcut.", [], "lead-in"),
        ("Antipsychotics neither shortened delirium nor reduced deaths", ["neufeld2016antipsychotic"],
         "paren"),
        ("Melatonin may help prevent delirium, although the trials disagree", [], "unresolved"),
        ("Bring in glasses, hearing aids and a few familiar photos.", [], "advice"),
        ("Tell the nurses if your relative seems", [], "advice"),
        ("In my experience, a familiar voice calms a delirious patient", [], "anecdote"),
        ("Most delirium clears within a few days", [], "no-support"),
        ("The man in bed 6 went home to his wife three weeks later.", [], "anecdote"),
        ("He never caught his train.", [], "filler"),
        ("My dad was delirious for a week after his hip operation", [], "testimony"),
        ("Nobody explained anything to us until the fourth day.", [], "testimony"),
        ("I am so sorry, Ruairí.", [], "meta"),
        ("The hip fracture trial suggests that a geriatrician's input could have helped him.",
         ["marcantonio2001reducing"], "study-name"),
        ("Does the HELP programme need paid staff", [], "question"),
        ("As a ward sister for twenty years I have found that noise at night is the worst trigger.", [],
         "anecdote"),
        ("sleep protocol, with a warm drink and quiet music, is still the simplest part to copy",
         ["inouye1999multicomponent"], "study-name"),
    ],
    "newsletter-caffeine-running.txt": [
        ("Half the club asked me about coffee after Sunday's 10K", [], "meta"),
        ("Caffeine is one of the few supplements with strong evidence behind it.", [], "lead-in"),
        ("An umbrella review of 21 meta-analyses concluded that caffeine improves muscular endurance",
         ["grgic2020wake"], "paren"),
        ("a meta-analysis of 56 trials found that caffeine improved time-trial performance",
         ["southward2018effect"], "paren"),
        ("The authors also found large differences between individuals", ["southward2018effect"],
         "follow-on"),
        ("The usual dose in research is 3 to 6 mg per kilogram of body weight", ["guest2021international"],
         "paren"),
        ("argues that doses as low as 3 mg per kilogram, around 200 mg for most adults",
         ["spriet2014exercise"], "narrative"),
        ("Genes may matter.", [], "lead-in"),
        ("those with the AA version of the CYP1A2 gene rode a 10 km time trial faster",
         ["guest2018caffeine"], "paren"),
        ("argue that caffeine advice should therefore be personalised", ["pickering2018are"], "narrative"),
        ("They also point out that habitual intake, sleep and anxiety change the response.",
         ["pickering2018are"], "follow-on"),
        ("A dose taken six hours before bed still cut total sleep by more than an hour",
         ["drake2013caffeine"], "paren"),
        ("up to 400 mg a day raises no safety concerns", ["efsa2015scientific"], "paren"),
        ("Caffeine at these doses does not dehydrate you during exercise", [], "unresolved"),
        ("Caffeine gels work faster than coffee.", [], "no-support"),
        ("I drink one espresso before every marathon", [], "anecdote"),
        ("My stomach complained the first time.", [], "filler"),
        ("Try it in training, never for the first time on race day.", [], "advice"),
        ("If you already drink four coffees a day, talk to me", [], "advice"),
        ("See you at the track on Thursday, 6.30 pm sharp.", [], "meta"),
    ],
    "forum-peanut-weaning.txt": [
        ("My health visitor just told me to give DD peanut butter as soon as she starts solids.", [],
         "testimony"),
        ("When I was pregnant with DS in 2012 we were told to keep nuts away from him", [], "testimony"),
        ("Has the advice really changed that much", [], "question"),
        ("Yes, it flipped about ten years ago, after the LEAP trial", ["dutoit2015randomized"], "paren"),
        ("640 babies with severe eczema or egg allergy were randomly assigned", ["dutoit2015randomized"],
         "study-name"),
        ("peanut allergy was ten times more common among Jewish children in London than in Israel",
         ["dutoit2008early"], "paren"),
        ("They later asked the children who had eaten peanut to stop for a year", ["dutoit2016effect"],
         "paren"),
        ("American advice in 2000 was to keep peanuts away from high-risk children",
         ["aap2000hypoallergenic"], "paren"),
        ("peanut oil in skin creams, not the peanuts a mother ate in pregnancy, was linked to allergy",
         ["lack2003factors"], "paren"),
        ("I work in a children's allergy clinic and I see these families every week.", [], "anecdote"),
        ("babies at higher risk should have peanut introduced from around four months",
         ["bsaci2018preventing"], "paren"),
        ("The American addendum guidelines go further and recommend an allergy test", ["togias2017addendum"],
         "paren"),
        ("The EAT study tried six allergenic foods from three months in ordinary breastfed babies",
         ["perkin2016randomized"], "paren"),
        ("Only about a third of the families managed to stick to the plan", ["perkin2016randomized"],
         "follow-on"),
        ("Timing seems to matter more than the exact food", [], "unresolved"),
        ("Never give whole nuts to a baby", [], "advice"),
        ("Thank you both, this is so helpful.", [], "meta"),
        ("DD had her first spoonful of peanut butter porridge this morning", [], "testimony"),
        ("We did all of this with our youngest and he still ended up allergic to peanuts.", [], "testimony"),
        ("Early introduction cuts the risk, it doesn't remove it.", [], "no-support"),
        ("Sorry to hear that.", [], "meta"),
        ("Even in LEAP, a small number of babies in the peanut-eating group still became allergic.",
         ["dutoit2015randomized"], "study-name"),
    ],
    "museum-altamira-ceiling.html": [
        ("This post was translated from the Spanish edition of our blog", [], "meta"),
        ("This year our gallery celebrates 145 years since the Altamira paintings were first published.", [],
         "meta"),
        ("I have stood under the replica ceiling in our museum perhaps a thousand times", [], "anecdote"),
        ("the eight-year-old María looked up while her father was digging", [], "no-support"),
        ("published the paintings as the work of the same prehistoric people whose tools he had found",
         ["sanzdesautuola1880breves"], "narrative"),
        ("The leading prehistorians of the day dismissed them as a recent forgery.", [], "no-support"),
        ("We must bow before the reality of a fact", ["cartailhac1902cavernes"], "quote"),
        ("Sanz de Sautuola had died in 1888 and did not live to see it.", [], "no-support"),
        ("The first full survey of the painted caves of the region followed nine years later",
         ["alcaldedelrio1911cavernes"], "paren"),
        ("Dating cave art is hard because most paint contains no carbon.", [], "lead-in"),
        ("dated thin crusts of calcite that had formed over the paint in eleven Spanish caves",
         ["pike2012useries"], "narrative"),
        ("A claviform sign on the Altamira ceiling itself was at least 35,600 years old.",
         ["pike2012useries"], "follow-on"),
        ("a later team found red lines and hand stencils in three caves", ["hoffmann2018uth"], "paren"),
        ("If those dates hold, the artists were Neandertals.", ["hoffmann2018uth"], "follow-on"),
        ("perforated and pigmented shells from a coastal cave in Murcia", ["hoffmann2018symbolic"], "paren"),
        ("Not everyone agrees.", [], "filler"),
        ("Forty-four specialists replied that the dated crusts may not record the age", ["white2020still"],
         "paren"),
        ("By the 1970s, up to 170,000 people a year were visiting Altamira.", [], "no-support"),
        ("visitors raised the air temperature and carbon dioxide, which made the walls corrode",
         ["sanchezmoral1999inorganic"], "paren"),
        ("The cave was closed to the public in 2002 after green microbial stains appeared", [], "no-support"),
        ("microbiologists warned in Science that any return of visitors would put the paintings at risk",
         ["saizjimenez2011paleolithic"], "paren"),
        ("Since 2014, five visitors chosen by lottery have been allowed in each week.", [], "no-support"),
        ("Lighting in the replica is kept dim for the same reasons as in the real cave", [], "unresolved"),
        ("the only way most people will ever see the ceiling", [], "meta"),
        ("Book your visit online.", [], "meta"),
        ("I was taken into the real cave in 1977 as a schoolboy", [], "testimony"),
        ("The Neandertal dating paper was the most exciting thing I read last year.", ["hoffmann2018uth"],
         "study-name"),
        ("Is the replica an exact copy of the ceiling", [], "question"),
        ("Thank you, Itziar.", [], "meta"),
        ("It was made from photogrammetry of the real ceiling", [], "anecdote"),
    ],
    "faq-sweeteners-dietitian.html": [
        ("These are the questions about sweeteners that I am asked most often in clinic.", [], "meta"),
        ("In the short term, a little.", [], "lead-in"),
        ("swapping sugar for low-energy sweeteners slightly reduced energy intake and body weight",
         ["rogers2016does"], "paren"),
        ("Over the long term the picture is less clear.", [], "lead-in"),
        ("advises against using non-sugar sweeteners to control body weight", ["who2023use"], "narrative"),
        ("That advice rests on a review in which the trials showed a small weight loss",
         ["riosleyvraz2022health"], "paren"),
        ("An earlier review for the WHO found no clear benefit for most outcomes", ["toews2019association"],
         "paren"),
        ("They may, at least in some people.", [], "lead-in"),
        ("In mice, saccharin, sucralose and aspartame changed the gut bacteria", ["suez2014artificial"],
         "paren"),
        ("A later trial in 120 healthy adults found that saccharin and sucralose changed glucose tolerance",
         ["suez2022personalized"], "paren"),
        ("The effect depended on each person's own gut bacteria.", ["suez2022personalized"], "follow-on"),
        ("classed aspartame as", ["riboli2023carcinogenicity"], "paren"),
        ("followed more than 100,000 French adults and found that those with the highest intake",
         ["debras2022artificial"], "narrative"),
        ("The NutriNet-Santé cancer analysis could not rule out that heavier users differed",
         ["debras2022artificial"], "study-name"),
        ("The same team reported a higher risk of cardiovascular disease among heavy users",
         ["debras2022risk"], "paren"),
        ("Diet drinks are safer than people fear", [], "unresolved"),
        ("People with high blood levels of erythritol were more likely to have a heart attack",
         ["witkowski2023artificial"], "paren"),
        ("In the same paper, erythritol made platelets clump more readily", ["witkowski2023artificial"],
         "follow-on"),
        ("Erythritol is found in many", [], "no-support"),
        ("Sweeteners do not raise blood sugar on their own.", [], "no-support"),
        ("In my clinic, people who move from sugary drinks to diet drinks", [], "anecdote"),
        ("Water is still the best drink for everyday thirst.", [], "advice"),
        ("If you use sweeteners, think of them as a stepping stone", [], "advice"),
        ("Book a one-to-one consultation if you have diabetes", [], "meta"),
    ],
    "podcast-corvid-minds.md": [
        ("This week I talk to comparative psychologist Dr Ingrid Skoglund-Åberg", [], "meta"),
        ("00:00 Cold open: the crow that holds a grudge", [], "meta"),
        ("09:15 Tool-making in New Caledonia", [], "meta"),
        ("The transcript has been lightly edited.", [], "meta"),
        ("I have a crow that follows me to the bus stop every morning", [], "anecdote"),
        ("It probably does.", [], "filler"),
        ("researchers wearing a caveman mask trapped and ringed a few crows", ["marzluff2010lasting"],
         "paren"),
        ("Crows that had never been trapped joined in the scolding", ["cornell2012social"], "paren"),
        ("OK, that's terrifying.", [], "filler"),
        ("The tool story is even better.", [], "filler"),
        ("bent a straight piece of wire into a hook to lift a bucket of food", ["weir2002shaping"], "paren"),
        ("Nobody had taught her to do that.", ["weir2002shaping"], "follow-on"),
        ("they chose a tool they would only need the next day", ["kabadayi2017ravens"], "paren"),
        ("So are they as smart as apes", [], "question"),
        ("On some tests, yes.", [], "lead-in"),
        ("hand-raised ravens scored close to chimpanzees and orangutans", ["pika2020ravens"], "paren"),
        ("Scrub jays remember what they hid, where and when", ["clayton1998episodic"], "paren"),
        ("they pack in far more neurons per gram than primate brains do", ["olkowicz2016birds"], "paren"),
        ("Corvids and apes may have evolved similar kinds of intelligence separately",
         ["emery2004mentality"], "paren"),
        ("Rooks will even drop stones into a tube of water", [], "unresolved"),
        ("That is the newest part.", [], "filler"),
        ("one lab found neurons that fired when the bird reported seeing a faint image",
         ["nieder2020neural"], "paren"),
        ("Those neurons followed what the crow reported rather than what was on the screen.",
         ["nieder2020neural"], "follow-on"),
        ("I think corvids are the closest thing we have to a second, separate evolution", [],
         "quoted-speech"),
        ("I'm never going to look at the crow at my bus stop the same way again.", [], "anecdote"),
        ("Wild Minds is made by an independent team of two.", [], "meta"),
    ],
    "essay-broad-street-pump.txt": [
        ("more than 500 people died of cholera within ten days", ["snow1855mode"], "footnote"),
        ("Most doctors at the time believed that cholera spread through miasma", ["johnson2006ghost"],
         "footnote"),
        ("had argued for five years that cholera was caused by something swallowed", [], "no-support"),
        ("He mapped the deaths and found that they clustered around the public pump", ["snow1855mode"],
         "footnote"),
        ("nearly all the deaths had taken place within a short distance of the pump", ["snow1855mode"],
         "quote"),
        ("I grew up two streets from what is now Broadwick Street", [], "anecdote"),
        ("The story I half-knew was that Snow drew a map, removed a handle and ended an epidemic.", [],
         "anecdote"),
        ("The truth is messier.", [], "filler"),
        ("but the outbreak was already declining by then", ["vintenjohansen2003cholera"], "footnote"),
        ("the famous map was drawn after the handle came off", ["brody2000map"], "footnote"),
        ("The same authors note that the map first appeared in print in 1855", ["brody2000map"],
         "follow-on"),
        ("where he compared households supplied by two water companies", ["snow1855mode"], "footnote"),
        ("which took its water from the Thames below the sewage outflows", ["snow1855mode"], "follow-on"),
        ("set out to disprove Snow and ended up supporting him", ["whitehead1855special"], "footnote"),
        ("He traced the first case to a baby at 40 Broad Street", ["whitehead1855special"], "follow-on"),
        ("Filippo Pacini described comma-shaped bacteria", ["pacini1854osservazioni"], "footnote"),
        ("Koch identified the same organism thirty years later", ["koch1884address"], "footnote"),
        ("reputation as the founder of epidemiology grew mainly in the twentieth century", [], "unresolved"),
        ("Snow's theory won because it explained more of the facts than miasma did",
         ["tulodziecki2011case"], "footnote"),
        ("turns the whole episode into a detective story", ["johnson2006ghost"], "footnote"),
        ("Today cholera still kills tens of thousands of people every year.", [], "no-support"),
        ("Snow deserves his fame, but for his patient comparison of water supplies", [], "no-support"),
    ],
    "brief-cold-homes.html": [
        ("Cold homes harm health, above all the health of children and older people.", [], "no-support"),
        ("Trials show that insulation and better heating reduce illness and days off school.", [],
         "lead-in"),
        ("Government should fund a ten-year retrofit programme for the coldest homes.", [], "advice"),
        ("Around one in ten excess winter deaths in England can be attributed directly to fuel poverty",
         ["marmot2011health"], "numeric"),
        ("Children living in cold homes are more than twice as likely to suffer from breathing problems",
         ["marmot2011health"], "numeric"),
        ("Cold homes are also linked to poorer mental health in adults", ["liddell2010fuel"], "numeric"),
        ("Excess winter deaths in England and Wales still run into the tens of thousands",
         ["ons2024excess"], "numeric"),
        ("Our advice line took 4,200 calls last winter", [], "anecdote"),
        ("We sit in our coats in the evening", [], "quoted-speech"),
        ("recommends an indoor temperature of at least 18 °C during the cold season", ["who2018housing"],
         "numeric"),
        ("Public Health England reached the same threshold after reviewing the evidence",
         ["phe2014minimum"], "numeric"),
        ("insulating 1,350 homes led to fewer days off school and work", ["howdenchapman2007effect"],
         "numeric"),
        ("which installed more effective heaters in the homes of children with asthma",
         ["howdenchapman2008effects"], "numeric"),
        ("Together these trials are the strongest evidence that warming homes improves health",
         ["howdenchapman2007effect", "howdenchapman2008effects"], "numeric"),
        ("Studies from several other countries point the same way",
         ["liddell2010fuel", "howdenchapman2007effect", "howdenchapman2008effects"], "numeric"),
        ("warmth improvements in the homes of people with chronic respiratory illness",
         ["thomson2013housing"], "numeric"),
        ("spent on warming homes saves the NHS 42p", [], "unresolved"),
        ("proposed measuring fuel poverty by the combination of a low income and high energy costs",
         ["hills2012getting"], "numeric"),
        ("Under that measure, the depth of fuel poverty became as important", ["hills2012getting"],
         "follow-on"),
        ("Retrofitting draughty homes is cheaper than treating the illnesses they cause.", [], "no-support"),
        ("Policies should therefore reach first the households whose health is most at risk",
         ["thomson2013housing", "phe2014minimum", "hills2012getting"], "numeric"),
        ("Fund a ten-year national retrofit programme, starting with the coldest homes.", [], "advice"),
        ("Let GPs refer patients with respiratory illness for home energy improvements.", [], "advice"),
        ("Protect low-income households from price rises through a social tariff.", [], "advice"),
        ("Warm Futures Trust is a registered charity", [], "meta"),
    ],
    "column-contagious-yawning.txt": [
        ("A reader from Callington wrote in to ask why he cannot watch his grandson yawn", [], "meta"),
        ("He is in good company.", [], "filler"),
        ("About half of adults yawn within five minutes of watching a video", ["provine1986yawning"],
         "paren"),
        ("Even reading about yawning can set it off", ["provine2005yawning"], "paren"),
        ("If you have yawned while reading this column, that is why.", [], "filler"),
        ("Why we yawn at all is still disputed.", [], "lead-in"),
        ("One idea is that a yawn cools the brain.", [], "lead-in"),
        ("people who held a cold pack to their forehead or breathed only through their nose",
         ["gallup2007yawning"], "paren"),
        ("The first author later found that people in Arizona yawned contagiously more often in winter",
         ["gallup2011contagious"], "paren"),
        ("Yawns spread most between relatives, then friends, then acquaintances", ["norscia2011yawn"],
         "paren"),
        ("Many have taken this as a sign that catching yawns reflects empathy.", [], "no-support"),
        ("A large study of 328 volunteers found that the tendency to catch yawns was stable",
         ["bartholomew2014individual"], "paren"),
        ("argue that the link with empathy is still unproven", ["massen2017why"], "narrative"),
        ("They suggest a simpler explanation", ["massen2017why"], "follow-on"),
        ("Other animals catch yawns too.", [], "lead-in"),
        ("Dogs catch them from people", ["jolymascheroni2008dogs"], "paren"),
        ("In that study, 21 of 29 dogs yawned after watching a stranger yawn.", ["jolymascheroni2008dogs"],
         "follow-on"),
        ("Young chimpanzees catch yawns less often than older ones", ["madsen2013chimpanzees"], "paren"),
        ("Children with autism catch yawns less often", [], "unresolved"),
        ("Babies in the womb yawn from about eleven weeks.", [], "no-support"),
        ("I tested all this on my own cat for a week", [], "anecdote"),
        ("try holding something cold against your forehead", [], "advice"),
        ("Send your questions to curious@tamargazette.example", [], "meta"),
    ],
    "review-invisible-women.md": [
        ("I bought this book at an airport in 2019 and did not open it until last month.", [], "anecdote"),
        ("I wish I had read it sooner.", [], "filler"),
        ("the world is designed around data about men, and women pay for the gap",
         ["criadoperez2019invisible"], "author-work"),
        ("Most of recorded human history is one big data gap.", ["criadoperez2019invisible"], "quote"),
        ("Car safety is the chapter everyone remembers.", [], "lead-in"),
        ("A woman wearing a seat belt is 47% more likely to be seriously injured", ["bose2011vulnerability"],
         "paren"),
        ("Crash-test dummies are still mostly modelled on an average man", ["linder2019review"], "paren"),
        ("Office thermostats are set by a formula from the 1960s", ["kingma2015energy"], "paren"),
        ("By that standard, many offices are kept several degrees too cold", ["kingma2015energy"],
         "follow-on"),
        ("A later experiment in Berlin found that women did better on maths and verbal tests",
         ["chang2019battle"], "paren"),
        ("Women having a heart attack in England and Wales were about 50% more likely", ["wu2018impact"],
         "paren"),
        ("is at her sharpest on medicine, where she shows how often drug trials have left women out",
         ["criadoperez2019invisible"], "narrative"),
        ("The book has flaws.", [], "lead-in"),
        ("Some of its figures have been questioned, including the story about snow-clearing", [],
         "unresolved"),
        ("The tone is relentless, and three hundred pages of gaps can feel like a list.", [], "no-support"),
        ("In my own job as a product designer I have watched colleagues test a wearable", [], "anecdote"),
        ("That is why the book stayed with me.", [], "filler"),
        ("Four and a half stars.", [], "meta"),
        ("by Catherine D'Ignazio and Lauren F. Klein (2020)", [], "reading-list"),
    ],
    "thread-ten-thousand-steps.md": [
        ("My watch nags me every evening to hit 10,000 steps.", [], "testimony"),
        ("Is that number backed by anything", [], "question"),
        ("Short version: the number started as marketing.", [], "lead-in"),
        ("The 10,000 figure goes back to a Japanese pedometer sold around the 1964 Tokyo Olympics",
         ["hatano1993use"], "paren"),
        ("proposed a graded scale instead, with fewer than 5,000 steps a day counting as sedentary",
         ["tudorlocke2004how"], "narrative"),
        ("The mortality data tell a more interesting story.", [], "lead-in"),
        ("In older women, the risk of death fell as steps rose up to about 7,500 a day",
         ["lee2019association"], "paren"),
        ("In that study the women took a median of about 5,500 steps a day.", ["lee2019association"],
         "follow-on"),
        ("for adults over 60 the benefit levelled off at 6,000 to 8,000 steps", ["paluch2022daily"],
         "paren"),
        ("Walking faster added little once the total number of steps was taken into account",
         ["saintmaurice2020association"], "paren"),
        ("linked about 9,800 steps a day to a roughly 50% lower risk of dementia",
         ["delpozocruz2022association"], "paren"),
        ("The same team found a similar pattern for cancer and heart disease",
         ["delpozocruz2022prospective"], "paren"),
        ("The most recent pooled analysis suggests that about 7,000 steps gets you most of the benefit", [],
         "unresolved"),
        ("Personally I aim for 8,000 and stop worrying.", [], "anecdote"),
        ("Your watch is not a doctor.", [], "filler"),
        ("I did 10k a day all through lockdown and lost nearly two stone.", [], "testimony"),
        ("Anecdotal, but it worked for me.", [], "filler"),
        ("Nice work!", [], "meta"),
        ("The Paluch meta-analysis is the one I would trust most here.", ["paluch2022daily"], "study-name"),
        ("Aren't these all observational", [], "question"),
        ("People who walk more are probably healthier to begin with.", [], "no-support"),
        ("Fair point.", [], "meta"),
        ("The CARDIA analysis of middle-aged adults tried to deal with that", ["paluch2021steps"],
         "study-name"),
        ("A 2023 meta-analysis found benefits starting from only about 4,000 steps a day",
         ["banach2023association"], "paren"),
        ("Thanks, this is the most useful answer I've had on this sub.", [], "meta"),
    ],
    "governor-report-tutoring.txt": [
        ("This report summarises my monitoring visits to the school's tutoring programme", [], "meta"),
        ("Tutoring is one of the best-evidenced ways to help pupils who have fallen behind.", [], "lead-in"),
        ("A review of 96 randomised trials found that tutoring raised attainment", ["nickow2020impressive"],
         "paren"),
        ("The largest effects came from tutoring by teachers and trained paraprofessionals",
         ["nickow2020impressive"], "follow-on"),
        ("estimates that one-to-one tuition adds about five months' progress", ["eef2021one"], "narrative"),
        ("Small-group tuition adds about four months and costs less per pupil", ["eef2021small"], "paren"),
        ("tutoring and small-group instruction had among the largest effects of any kind of intervention",
         ["dietrichson2017academic"], "paren"),
        ("It is never too late.", [], "lead-in"),
        ("daily maths tutoring for teenage boys raised their maths scores", ["cook2014surprising"], "paren"),
        ("Later trials of the same programme with more pupils confirmed large effects", ["guryan2023not"],
         "paren"),
        ("In the larger trial, the cost was about", ["guryan2023not"], "follow-on"),
        ("used university students to tutor Year 6 pupils found a small positive effect on maths",
         ["torgerson2018tutor"], "paren"),
        ("argue that tutoring must be built into the timetable", ["kraft2021blueprint"], "narrative"),
        ("High-dosage tutoring works best when sessions happen at least three times a week", [],
         "unresolved"),
        ("I visited three tutoring sessions in January.", [], "anecdote"),
        ("four pupils worked with a teaching assistant on fractions for thirty minutes", [], "anecdote"),
        ("38 of the 52 pupils tutored last year met the expected standard in reading", [], "anecdote"),
        ("Pupils told me they liked having an adult", [], "testimony"),
        ("The governing body should keep tutoring within the school day.", [], "advice"),
        ("Tutoring should continue to be funded from the pupil premium", [], "advice"),
    ],
    "clinic-sunscreen.html": [
        ("Skin cancer is the most common cancer in the UK", [], "no-support"),
        ("adults who applied sunscreen every day for four and a half years", ["green1999daily"], "numeric"),
        ("Daily use did not reduce basal cell carcinoma, the commonest kind.", ["green1999daily"],
         "follow-on"),
        ("Ten years after the trial ended, the daily-sunscreen group had half as many invasive melanomas.",
         ["green2011reduced"], "numeric"),
        ("The same trial found that daily sunscreen slowed visible ageing", ["hughes2013sunscreen"],
         "numeric"),
        ("Sunscreen is not a substitute for shade and clothing",
         ["green1999daily", "green2011reduced", "hughes2013sunscreen"], "numeric"),
        ("Most people apply far less than the amount used in testing",
         ["petersen2014application", "faurschou2007relation"], "numeric"),
        ("At a quarter of that amount, the protection falls to a fraction of the SPF",
         ["faurschou2007relation"], "numeric"),
        ("For an adult, that means about six teaspoons to cover the whole body.", [], "no-support"),
        ("Some sunscreen chemicals are absorbed into the blood", ["matta2020effect"], "numeric"),
        ("the researchers advised people to keep using sunscreen", ["matta2020effect"], "follow-on"),
        ("Sunburn in childhood roughly doubles the risk of melanoma", ["gandini2005meta"], "numeric"),
        ("People who use sunscreen to stay longer in the sun may end up with more sunburn", [],
         "unresolved"),
        ("UK advice is to use SPF 30 or higher", ["cruk2023sunscreen"], "numeric"),
        ("I see at least one patient a week whose melanoma began", [], "anecdote"),
        ("Reapply every two hours and straight after swimming.", [], "advice"),
        ("Do not forget ears, the back of the neck and the tops of the feet.", [], "advice"),
        ("Keep babies under six months out of direct sun altogether.", [], "advice"),
        ("Book a mole check online or call the clinic", [], "meta"),
    ],
    "notes-zika-microcephaly.md": [
        ("These are my notes for Friday's journal club", [], "meta"),
        ("where about three quarters of residents were infected", ["duffy2009zika"], "paren"),
        ("paediatricians in Pernambuco noticed a sharp rise in babies born with small heads", [],
         "no-support"),
        ("The virus had probably arrived in Brazil in 2013 or early 2014", ["faria2016zika"], "paren"),
        ("published a surveillance protocol that defined microcephaly by head circumference",
         ["brasil2016protocolo"], "paren"),
        ("My aunt is a nurse in Caruaru", [], "testimony"),
        ("followed pregnant women with a rash in Rio de Janeiro", ["brasil2016zika"], "narrative"),
        ("In that cohort, abnormalities appeared after infection in any trimester.", ["brasil2016zika"],
         "follow-on"),
        ("found the virus in the brain tissue of a foetus", ["mlakar2016zika"], "narrative"),
        ("about 1% of women infected in the first trimester had a baby with microcephaly",
         ["cauchemez2016association"], "paren"),
        ("The case-control study in Recife found a strong association", ["araujo2016association"],
         "paren"),
        ("weighed the evidence against Shepard's criteria for teratogens", ["rasmussen2016zika"],
         "narrative"),
        ("Together, these studies moved the question from association to cause",
         ["mlakar2016zika", "cauchemez2016association", "rasmussen2016zika"], "paren"),
        ("Most confirmed cases were concentrated in the Northeast", ["oliveira2017infection"], "paren"),
        ("The risk appears to be lower after infection late in pregnancy", [], "unresolved"),
        ("Why did the South see so few cases", [], "question"),
        ("That still puzzles me.", [], "filler"),
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
