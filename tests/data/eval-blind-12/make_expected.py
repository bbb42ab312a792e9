"""Write expected.json of the twelfth blind held-out set from the labels below.

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
POSITIVE_KINDS = {"paren", "narrative", "numeric", "follow-on", "quote", "study-name", "author-work",
                  "annotation"}
NEGATIVE_KINDS = {"anecdote", "testimony", "no-support", "filler", "lead-in", "meta", "question",
                  "advice", "quoted-speech", "unresolved", "reading-list", "bare-name", "pull-quote"}

ABOUT = (
    "Twelfth blind held-out set (eval-blind-12): 15 texts (5 .md, 5 .txt, 5 .html), one shared "
    "references.bib and labels written by hand on 2026-12-03 by an annotator (the 'blind12' engineer) "
    "who did not read the extractor (ingest/citations/, ingest/claims.py, ingest/cues.py, "
    "ingest/segment.py, ingest/blocks.py, ingest/reflist.py, ingest/threads.py, ingest/support/) nor "
    "docs/eval/, and never ran ClaimGraph or ingest.evaluate on these files; the labels were written "
    "before any extractor output existed. Kinds of page: a hospital patient-information leaflet with "
    "Vancouver numbers in parentheses, a LinkedIn-style post with comments, a Reddit-style thread with "
    "nested quoting, a primary-school newsletter in Harvard style, a conference live-blog with times "
    "(newest first), a nutrition influencer's post with superscript footnotes, a consultation response "
    "with numbered paragraphs, a PREreview-style preprint review, a Medium essay with pull quotes and "
    "hyperlinked names, an email digest with hyperlinked citations, a library guide, an annotated "
    "reading list, a museum blog, a magazine feature with a Further reading box, and a debate "
    "transcript. Topics (none used by an earlier set): delayed cord clamping, open-plan offices, the "
    "five-second rule, phonics, Yellowstone wolves, protein timing, minimum unit pricing of alcohol, "
    "forest bathing, the hot hand, naked mole-rats, misinformation, the Hawthorne effect, the "
    "Antikythera mechanism, Rat Park, the sugar tax. Conventions (those of eval-blind-6 to -11): a "
    "citation supports the sentence it stands in, every work in it; a follow-on sentence that refers "
    "back to the cited work ('Babies in that review also...', 'In the same study...', 'In that study "
    "the bacteria also...', 'The benefit was also seen...', 'In their synthesis, the authors...', "
    "'Elk in that study also...', 'That meta-analysis also...', 'The fall was concentrated...', 'Those "
    "authors estimated...', 'The survey found no such benefit...', 'Their conclusion was...', 'In that "
    "paper, the team also...', 'Females in that study...', 'But that same review found...') carries "
    "its source; a work named later or in a comment without its year ('The Kim and de Dear paper', 'In "
    "the badge study', 'Strachan's paper', 'the Miller and Sanjurjo paper', 'the Rogers study', 'the "
    "survival study') refers to the work the page cites; the preprint review's description of the "
    "preprint ('The authors randomised...', 'The authors conclude...') refers to the preprint under "
    "review; in the annotated reading list each annotation refers to the entry it follows. A lead-in "
    "or topic sentence without its own citation takes nothing from the sentence after it (including "
    "'In 2005 a team brought a 12-tonne X-ray scanner to Athens.' before the 2006 citation). A block "
    "quotation followed by a citation with a page, and a quoted phrase with '(Hari 2015, p. 293)', are "
    "claims supported by that source. Vancouver numbers '(1)', '(4)', '(1,6)' and superscript "
    "footnotes ('¹'...'⁶', '²,⁶') resolve through the page's numbered list; two works in one "
    "parenthesis ('(Vosoughi, Roy, & Aral, 2018; Guess, Nagler, & Tucker, 2019)') both support the "
    "sentence; hyperlinked names resolve through the "
    "link's DOI and the page's list; narrative citations with the year before the names ('In 2018, "
    "Joshua Miller and Adam Sanjurjo', 'In 1974, the historian Derek de Solla Price') are citations. "
    "First-person evidence, commenters' and posters' own lives, people quoted speaking (including a "
    "cited author quoted in a live-blog and one interviewed in a feature), advice, bylines, dates, "
    "questions, greetings, sign-offs, meta lines, sponsored lines, unsupported claims, filler, pull "
    "quotes, reading instructions in the reading list, and bare names without a year (Jillian Clarke, "
    "Henry Landsberger) link to nothing. Paragraph numbers ('3.2'), time stamps ('**14:48**', "
    "'[00:07:12]'), statistics in brackets ('[risk ratio 0.68]', '[95% CI not given]'), years that are "
    "not citations ('Since 2014', 'in 1901', 'in 2019'), the preprint line in the review's header and "
    "the page lists themselves are not citations. Citations missing from the .bib and from the page's "
    "own list link to nothing: Hongisto et al. 2016, Kusumaningrum et al. 2003, Clark and Teravainen "
    "2017, Smith et al. 2003, the influencer's footnote 7 (her list has six), Alcohol Focus Scotland "
    "2021, Li et al. 2008, Bar-Eli, Avugos & Raab 2006, Braude et al. 2021, Caulfield 2019, Franke & "
    "Kaul 1978, Kaltsas, Vlachogianni & Bouyia 2012, Heyman 2009, Fletcher, Frisvold and Tefft 2010. "
    "Same first author and year: '(Ehri et al. 2001)' fits both Ehri, Nunes, Stahl & Willows 2001 "
    "(systematic phonics, the one on the page's list) and Ehri, Nunes, Willows et al. 2001 (phonemic "
    "awareness, never cited). Same first author, other year: Andersson 2011 vs 2015, Bernstein 2018 "
    "(Bernstein & Waber 2019 never cited), Ripple & Beschta 2012 (2004 never cited), Schoenfeld 2013 "
    "vs 2018 (2017 never cited), Wagenaar 2009 (2010 never cited), Gilovich et al. 1985 (Gilovich 1991 "
    "never cited), Levitt & List 2011 (2009 never cited), Freeth et al. 2006, 2008, 2021 (Freeth 2009 "
    "never cited), Alexander et al. 1978 vs 1981, Robins et al. 1974 (1975 never cited), Colchero et "
    "al. 2016 (2017 never cited); Hutton & Hassan 2007, Buffenstein 2008 and Pennycook et al. 2021 are "
    "never cited. Invented on purpose: the reviewed preprint Lindahl, Okonjo & Sato 2026 (in the bib "
    "with a note). Regenerate with `python make_expected.py`."
)

RAW: dict[str, list[tuple[str, list[str], str]]] = {
    "leaflet-cord-clamping.html": [
        ("This leaflet explains what happens to your baby's umbilical cord", [], "meta"),
        ("the cord still carries blood from the placenta to your baby for a few minutes", [], "no-support"),
        ("Delayed cord clamping means waiting at least one minute", [], "no-support"),
        ("Since 2014 this has been the routine practice on our labour ward.", [], "no-support"),
        ("babies whose cord was clamped later had higher haemoglobin levels", ["mcdonald2013effect"],
         "numeric"),
        ("Babies in that review also had better iron stores several months later", ["mcdonald2013effect"],
         "numeric"),
        ("waiting three minutes halved the number of babies with iron deficiency", ["andersson2011effect"],
         "numeric"),
        ("the boys in the delayed group had slightly better fine-motor skills", ["andersson2015effect"],
         "numeric"),
        ("There was a small increase in jaundice needing light treatment", ["mcdonald2013effect"], "numeric"),
        ("This is why we check every baby's skin colour on the postnatal ward.", [], "no-support"),
        ("For babies born before 37 weeks, waiting is even more important.", [], "lead-in"),
        ("delayed clamping reduced deaths in hospital among preterm babies", ["fogarty2018delayed"],
         "numeric"),
        ("the difference in death or major illness was not statistically clear", ["tarnowmordi2017delayed"],
         "numeric"),
        ("A later Cochrane review came to a similar conclusion", ["rabe2019effect"], "numeric"),
        ("recommends waiting at least one minute before clamping the cord for most births",
         ["who2014guideline"], "numeric"),
        ("Both Cochrane reviews support waiting for most babies", ["mcdonald2013effect", "rabe2019effect"],
         "numeric"),
        ("Our own guideline follows this advice.", [], "no-support"),
        ("gives your baby a top-up of their own blood", [], "quoted-speech"),
        ("the team may clamp the cord sooner so they can move your baby", [], "no-support"),
        ("Please tell your midwife if you would like to collect cord blood", [], "advice"),
        ("Will my baby's cord be clamped after one minute?", [], "question"),
        ("I barely noticed the wait", [], "testimony"),
        ("If you need this leaflet in another language or format", [], "meta"),
    ],
    "linkedin-open-plan-offices.txt": [
        ("Then we measured what happened.", [], "meta"),
        ("Five years ago I signed off on the biggest open-plan refit", [], "anecdote"),
        ("I genuinely believed it would make us talk to each other more.", [], "anecdote"),
        ("Here is what the research says, because I wish someone had shown me this in 2019.", [], "lead-in"),
        ("Open offices can reduce face-to-face talk.", [], "lead-in"),
        ("fitted staff at two companies with sociometric badges", ["bernstein2018impact"], "narrative"),
        ("Face-to-face interaction dropped by about 70% after the walls came down.", ["bernstein2018impact"],
         "follow-on"),
        ("In the same study, email and instant messaging went up instead.", ["bernstein2018impact"],
         "follow-on"),
        ("People hate the noise more than they love the buzz.", [], "lead-in"),
        ("analysed over 42,000 responses from a large office survey database", ["kim2013workspace"],
         "narrative"),
        ("Lack of sound privacy was the biggest complaint of people in open-plan offices.",
         ["kim2013workspace"], "follow-on"),
        ("did not make up for it", ["kim2013workspace"], "follow-on"),
        ("The honeymoon does not last.", [], "lead-in"),
        ("It may even make you sick.", [], "lead-in"),
        ("A Danish national survey found more sickness absence among employees", ["pejtersen2011sickness"],
         "paren"),
        ("satisfaction with the physical environment fell after a move to open plan",
         ["brennan2002traditional"], "paren"),
        ("Team members also reported more stress in that study.", ["brennan2002traditional"], "follow-on"),
        ("Noise is the mechanism.", [], "lead-in"),
        ("Irrelevant speech is what hurts concentration most", [], "unresolved"),
        ("We put back 30 small rooms.", [], "anecdote"),
        ("Our engagement score went from 61 to 74 in a year.", [], "anecdote"),
        ("We built an office for the photos, not for the work.", [], "quoted-speech"),
        ("Would love to hear what worked in your buildings.", [], "meta"),
        ("also found that people in enclosed private offices were the most satisfied overall",
         ["kim2013workspace"], "study-name"),
        ("We see the same pattern in every building we survey.", [], "testimony"),
        ("Did anyone measure productivity directly", [], "question"),
        ("In the badge study the companies did report that productivity went down", ["bernstein2018impact"],
         "study-name"),
        ("open plan is fine, bad management is the problem", [], "no-support"),
    ],
    "reddit-five-second-rule.md": [
        ("My flatmate dropped a slice of toast butter-side down", [], "anecdote"),
        ("Is there any actual research on this", [], "question"),
        ("Short answer: there is research, and the rule is mostly wrong.", [], "lead-in"),
        ("inoculated tile, wood and carpet with", ["dawson2007residence"], "paren"),
        ("Bacteria transferred to the food within five seconds", ["dawson2007residence"], "follow-on"),
        ("In that study the bacteria also survived on dry tile for up to four weeks.",
         ["dawson2007residence"], "follow-on"),
        ("A bigger follow-up tested four surfaces, four foods and four contact times",
         ["miranda2016longer"], "paren"),
        ("Watermelon picked up the most bacteria and gummy sweets the least.", ["miranda2016longer"],
         "follow-on"),
        ("Carpet transferred surprisingly little", ["miranda2016longer"], "follow-on"),
        ("moisture matters most, time matters a bit", [], "no-support"),
        ("Stainless steel kitchen surfaces can keep", [], "unresolved"),
        ("Wasn't there a high school student who tested this first?", [], "question"),
        ("Jillian Clarke did a summer project on it in 2003", [], "bare-name"),
        ("Honestly I'm still going to eat the toast.", [], "filler"),
        ("a bit of dirt is good for you", [], "no-support"),
        ("which is where the hygiene hypothesis came from", ["strachan1989hay"], "paren"),
        ("paper was about older siblings and infections, not about eating food off the floor",
         ["strachan1989hay"], "study-name"),
        ("Dropped food is a food-safety question, not an allergy one.", [], "no-support"),
        ("I work on a paediatric ward and we tell parents to bin anything", [], "testimony"),
        ("Hands matter too.", [], "lead-in"),
        ("can move from a fingertip to the lips in one touch", ["rusin2002comparative"], "paren"),
        ("The watermelon result is wild.", [], "filler"),
        ("Showing my flatmate this thread tonight.", [], "meta"),
    ],
    "newsletter-teacher-phonics.txt": [
        ("Thank you to everyone who came to our reading café last Thursday.", [], "meta"),
        ("We had 64 families in the hall", [], "anecdote"),
        ("Here is the short version, with the research behind it.", [], "lead-in"),
        ("Children learn to read English most reliably when they are taught directly", [], "lead-in"),
        ("systematic phonics helped children more than teaching without it", ["ehri2001systematic"], "paren"),
        ("The benefit was also seen for children from low-income families.", ["ehri2001systematic"],
         "follow-on"),
        ("systematic phonics helped word reading, but the evidence for comprehension and spelling was thin",
         ["torgerson2006systematic"], "paren"),
        ("recommended that synthetic phonics be taught first and fast", ["rose2006independent"], "paren"),
        ("the gains lasted for children who started school with poor English", ["machin2018changing"],
         "paren"),
        ("they only use the sounds your child has already learned", [], "no-support"),
        ("This lets them practise blending instead of guessing from the pictures.", [], "no-support"),
        ("Guessing from pictures can become a habit", ["castles2018ending"], "paren"),
        ("In their review, the authors also argue that phonics is only the start", ["castles2018ending"],
         "follow-on"),
        ("Phonics is not the whole story.", [], "lead-in"),
        ("Children who enjoy reading read more, and children who read more get better at it.", [],
         "no-support"),
        ("Pupils who read daily for fun were more likely to read above the expected level", [],
         "unresolved"),
        ("Year 2 have voted to name theirs", [], "anecdote"),
        ("Ask your child to read the decodable book to you", [], "advice"),
        ("Try to read together for ten minutes a day.", [], "advice"),
        ("The Year 1 phonics screening check takes place in the week of 8 June.", [], "meta"),
        ("Mrs Adebayo-Finch will send home a practice sheet in May.", [], "meta"),
        ("I learned to read with", [], "anecdote"),
    ],
    "liveblog-yellowstone-wolves.md": [
        ("That's it from Day 2.", [], "meta"),
        ("So should we still teach the wolf story to undergraduates?", [], "question"),
        ("Teach it as a hypothesis, not as a parable.", [], "quoted-speech"),
        ("says the aspen recovery is real on the ground, whatever the statistics say", [], "testimony"),
        ("I have been to the Lamar Valley twice myself", [], "anecdote"),
        ("Final talk before the panel, and the most cited one today", [], "lead-in"),
        ("restoring wolves has not restored the ecosystem to its pre-1995 state", ["hobbs2024does"], "paren"),
        ("many willow stands stay short because beavers, which raised the water table, are still missing",
         ["hobbs2024does"], "follow-on"),
        ("In their synthesis, the authors call this an", ["hobbs2024does"], "follow-on"),
        ("Coffee queue is forty people long.", [], "meta"),
        ("showed that the way aspen were sampled in earlier studies picked the tallest young trees",
         ["brice2022sampling"], "narrative"),
        ("Correcting that bias shrank the estimated effect of wolves on aspen height",
         ["brice2022sampling"], "follow-on"),
        ("was not an author on that paper and said so", [], "meta"),
        ("Next talk revisits the Kauffman study.", [], "lead-in"),
        ("compared aspen stands at sites of high and low predation risk for elk", ["kauffman2010wolves"],
         "paren"),
        ("Aspen in the places where elk should have been most afraid were not growing any better",
         ["kauffman2010wolves"], "follow-on"),
        ("That result is hard to square with the", [], "no-support"),
        ("avoiding aspen stands where wolves were present", ["fortin2005wolves"], "paren"),
        ("Elk in that study also selected aspen stands less often", ["fortin2005wolves"], "follow-on"),
        ("wolves were reintroduced in 1995 and 1996, 31 wolves from Canada in total", [], "no-support"),
        ("they reported that aspen, cottonwood and willow began to recover", ["ripple2012trophic"],
         "narrative"),
        ("They later reported taller willows along streams and more beaver colonies",
         ["beschta2016riparian"], "paren"),
        ("elk numbers in the northern range fell from about 19,000", [], "unresolved"),
        ("Hunting and drought played a part, he says.", [], "quoted-speech"),
        ("I think the slide with the river", [], "no-support"),
    ],
    "influencer-protein-timing.md": [
        ("For years I chugged a shake in the gym changing room", [], "anecdote"),
        ("Let's look at what the studies actually say.", [], "lead-in"),
        ("the apparent benefit of eating protein right after training disappeared",
         ["schoenfeld2013effect"], "numeric"),
        ("In other words, the window is more like a barn door.", [], "filler"),
        ("Getting enough protein over the whole day is what moves the needle.", [], "lead-in"),
        ("A meta-analysis of 49 trials found that protein supplements increased muscle gains",
         ["morton2018systematic"], "numeric"),
        ("That number is a daily total, not a per-meal one.", [], "no-support"),
        ("Most lifters do better with more protein than the basic RDA",
         ["morton2018systematic", "schoenfeld2018how"], "numeric"),
        ("20 g of egg protein after a leg workout stimulated muscle protein synthesis",
         ["moore2009ingested"], "numeric"),
        ("That's where the famous", [], "no-support"),
        ("four meals of 20 g across 12 hours beat two big 40 g meals", ["areta2013timing"], "numeric"),
        ("BUT a newer study turned this upside down.", [], "lead-in"),
        ("100 g of protein produced a bigger and much longer anabolic response than 25 g did",
         ["trommelen2023anabolic"], "numeric"),
        ("it just takes longer to process it", [], "no-support"),
        ("A practical review suggested aiming for at least 0.4 g/kg per meal", ["schoenfeld2018how"],
         "numeric"),
        ("Casein before sleep is the new trend on my feed", [], "unresolved"),
        ("A shake only if I'm short of my daily total.", [], "advice"),
        ("I've put on 3 kg of lean mass in the last year doing this", [], "anecdote"),
        ("talk to a dietitian before changing your diet", [], "advice"),
        ("for 15% off my meal-plan guide", [], "meta"),
    ],
    "consultation-minimum-pricing.txt": [
        ("brings together four local authorities, two NHS trusts", [], "meta"),
        ("Our area has alcohol-specific death rates well above the English average.", [], "no-support"),
        ("This response was agreed by the Partnership Board", [], "meta"),
        ("We strongly support a minimum unit price (MUP) of at least 65p.", [], "no-support"),
        ("We believe the evidence from Scotland is now strong enough", [], "no-support"),
        ("Higher prices reduce drinking, and this is one of the most consistent findings", [], "lead-in"),
        ("found that when alcohol prices rise, people drink less", ["wagenaar2009effects"], "paren"),
        ("That meta-analysis also found effects for heavy drinkers", ["wagenaar2009effects"], "follow-on"),
        ("a 10% increase in the minimum price of a drink was followed by a fall", ["stockwell2012does"],
         "paren"),
        ("household purchases of alcohol fell by about 7.6% in the first year", ["odonnell2019immediate"],
         "paren"),
        ("The fall was concentrated in the households that bought the most alcohol.",
         ["odonnell2019immediate"], "follow-on"),
        ("The strongest evidence comes from the official evaluation of MUP in Scotland.", [], "lead-in"),
        ("reduced deaths wholly attributable to alcohol by 13.4%", ["wyper2023evaluating"], "paren"),
        ("The largest reductions in that study were in the most deprived areas.", ["wyper2023evaluating"],
         "follow-on"),
        ("Hospital admissions attributable to alcohol also fell, although this estimate was less certain.",
         ["wyper2023evaluating"], "follow-on"),
        ("staff report seeing the same patients again and again", [], "testimony"),
        ("We recognise this concern, which several councillors raised", [], "meta"),
        ("most of the reduction in deaths would occur among harmful drinkers in the lowest income group",
         ["holmes2014effects"], "paren"),
        ("Those authors estimated that a 45p MUP would prevent over 800 deaths a year",
         ["holmes2014effects"], "follow-on"),
        ("the health gains narrow inequalities rather than widen them", [], "unresolved"),
        ("The price should rise each year with inflation.", [], "advice"),
        ("we urge the Government to pair MUP with a reform of alcohol duty", [], "advice"),
        ("We would be happy to give oral evidence.", [], "meta"),
    ],
    "prereview-forest-bathing.md": [
        ("reports a randomised crossover trial of", ["lindahl2026two"], "paren"),
        ("The authors randomised 64 adults to two hours a week of guided walks", ["lindahl2026two"],
         "author-work"),
        ("Systolic blood pressure was on average 4.1 mmHg lower after the forest block",
         ["lindahl2026two"], "author-work"),
        ("The authors conclude that forest exposure, not walking itself, caused the difference.",
         ["lindahl2026two"], "author-work"),
        ("Mostly.", [], "filler"),
        ("The authors cite the meta-analysis showing that forest bathing lowers blood pressure",
         ["ideno2017blood"], "paren"),
        ("That meta-analysis also noted that most included trials were small", ["ideno2017blood"],
         "follow-on"),
        ("people who spent at least 120 minutes a week in nature reported better health",
         ["white2019spending"], "paren"),
        ("The survey found no such benefit below 120 minutes.", ["white2019spending"], "follow-on"),
        ("found lower cortisol and pulse rate after short forest walks", ["park2010physiological"], "paren"),
        ("linked greenspace exposure to lower salivary cortisol", ["twohigbennett2018health"], "paren"),
        ("recovered faster after gallbladder surgery", ["ulrich1984view"], "paren"),
        ("contain phytoncides that raise natural killer cell activity", [], "unresolved"),
        ("Participants obviously knew where they were walking.", [], "no-support"),
        ("Expectation alone could lower blood pressure.", [], "no-support"),
        ("I would like to see a test for period effects.", [], "advice"),
        ("A one-week washout between blocks seems short to me.", [], "no-support"),
        ("I worry that the walk leaders who measured blood pressure were not blinded.", [], "no-support"),
        ("Table 2 reports 62 participants but the abstract says 64.", [], "no-support"),
        ("Please share the analysis code.", [], "advice"),
        ("it cannot say that trees, rather than quieter streets or cleaner air, caused it", [],
         "no-support"),
        ("I grew up next to a forest in Telemark", [], "anecdote"),
        ("That is exactly why I have read it carefully.", [], "filler"),
    ],
    "medium-hot-hand.html": [
        ("When I was fourteen I scored eleven points in a row", [], "anecdote"),
        ("I have been arguing with him in my head ever since.", [], "anecdote"),
        ("the hot hand was the textbook example of people seeing patterns in randomness", [], "lead-in"),
        ("Here is the study that made it famous.", [], "lead-in"),
        ("Basketball players and fans alike tend to believe", ["gilovich1985hot"], "quote"),
        ("looked at the shooting records of the Philadelphia 76ers", ["gilovich1985hot"], "paren"),
        ("In a controlled shooting experiment with the Cornell varsity teams", ["gilovich1985hot"],
         "follow-on"),
        ("Their conclusion was that the belief in the hot hand is a cognitive illusion.",
         ["gilovich1985hot"], "follow-on"),
        ("psychology's favourite example of a mind fooled by chance", [], "pull-quote"),
        ("The idea fitted an older argument perfectly.", [], "lead-in"),
        ("even trained scientists expect small samples to look like the population",
         ["tversky1971belief"], "narrative"),
        ("Later work on professional players in the NBA three-point contest", ["koehler2003hot"], "paren"),
        ("pointed out a subtle bias in the way streaks had been measured", ["miller2018surprised"],
         "narrative"),
        ("the proportion of heads among them is, on average, less than one half", ["miller2018surprised"],
         "follow-on"),
        ("the Cornell data actually showed a hot hand of meaningful size", ["miller2018surprised"],
         "follow-on"),
        ("The mistake was not in the players' heads.", [], "pull-quote"),
        ("It was in the statisticians' spreadsheet.", [], "pull-quote"),
        ("Other evidence had been pointing the same way.", [], "lead-in"),
        ("players who had hit several shots took harder shots next", ["bocskocsky2014hot"], "paren"),
        ("Reviews of the wider literature have found mixed results across sports", [], "unresolved"),
        ("So does that mean fans were right all along?", [], "question"),
        ("The effect is real but smaller than most fans think", [], "no-support"),
        ("I emailed Mr Halvorsen a link to the Econometrica paper last month.", [], "anecdote"),
        ("follow me for more essays on sport and statistics", [], "meta"),
        ("paper is one of the few times a statistics correction made the front page",
         ["miller2018surprised"], "study-name"),
        ("I played college ball and I can tell you the hot hand is real", [], "testimony"),
        ("Does the same bias affect studies of streaks in the stock market?", [], "question"),
    ],
    "digest-naked-mole-rats.html": [
        ("Five papers, one very wrinkly rodent, and your letters.", [], "meta"),
        ("because three of you wrote in after the zoo documentary", [], "meta"),
        ("found that the risk of death does not rise with age in naked mole-rats", ["ruby2018naked"],
         "narrative"),
        ("That breaks the Gompertz law that describes ageing", ["ruby2018naked"], "follow-on"),
        ("Some of the animals in the study lived past 30 years.", ["ruby2018naked"], "follow-on"),
        ("survived 18 minutes with no oxygen at all and recovered fully", ["park2017fructose"], "narrative"),
        ("In that study, the animals switched to burning fructose instead of glucose",
         ["park2017fructose"], "follow-on"),
        ("Their skin cells make an unusually large form of hyaluronan", ["tian2013high"], "paren"),
        ("When the researchers removed the hyaluronan, the cells became prone to forming tumours.",
         ["tian2013high"], "follow-on"),
        ("a critical review argues that several", [], "unresolved"),
        ("pups raised in a foreign colony picked up their adoptive colony's dialect", ["barker2021cultural"],
         "paren"),
        ("The queen appears to keep the dialect stable", ["barker2021cultural"], "follow-on"),
        ("Try LabNotes Pro free for 30 days.", [], "meta"),
        ("I saw naked mole-rats at Bristol Zoo in 2019", [], "testimony"),
        ("Is that true?", [], "question"),
        ("Breeding queens in the survival study lived at least as long as the workers did",
         ["ruby2018naked"], "paren"),
        ("Hit reply and tell me which animal you want next.", [], "meta"),
        ("You are receiving this because you subscribed", [], "meta"),
    ],
    "libguide-misinformation.html": [
        ("This guide helps you check claims you find online", [], "meta"),
        ("It takes about ten minutes to read.", [], "meta"),
        ("False stories can travel further than true ones.", [], "lead-in"),
        ("found that false news spread farther, faster and more broadly than true news",
         ["vosoughi2018spread"], "paren"),
        ("In that analysis, humans rather than bots were mainly responsible", ["vosoughi2018spread"],
         "follow-on"),
        ("Falsehoods were also about 70% more likely to be retweeted than the truth.",
         ["vosoughi2018spread"], "follow-on"),
        ("Most people share very little of it, though.", [], "lead-in"),
        ("fewer than 9% of Facebook users in one survey shared any link", ["guess2019less"], "paren"),
        ("disagree about how much of it ordinary users actually see", ["vosoughi2018spread", "guess2019less"],
         "paren"),
        ("It is often a lack of careful thinking rather than political bias.", [], "lead-in"),
        ("People who scored higher on a test of analytical thinking were better at telling real from fake",
         ["pennycook2019lazy"], "paren"),
        ("people often keep relying on misinformation after it has been retracted",
         ["lewandowsky2012misinformation"], "paren"),
        ("Professional fact-checkers work differently from students and even from history professors.", [],
         "lead-in"),
        ("fact-checkers left an unfamiliar website quickly and opened new tabs", ["wineburg2019lateral"],
         "paren"),
        ("Those fact-checkers reached correct conclusions faster than the other groups",
         ["wineburg2019lateral"], "follow-on"),
        ("The SIFT method turns this into four moves", [], "unresolved"),
        ("Stop before you share or cite.", [], "advice"),
        ("Follow links back to the original study.", [], "advice"),
        ("Yes, to a degree.", [], "filler"),
        ("Playing an online game in which players create fake news", ["roozenbeek2019fake"], "paren"),
        ("This approach is sometimes called", [], "no-support"),
        ("Book a 30-minute appointment with a librarian", [], "advice"),
        ("Have you found a source you are not sure about?", [], "question"),
    ],
    "readinglist-hawthorne.txt": [
        ("Read items 1 and 3 before the seminar.", [], "meta"),
        ("Starred items (*) are available as e-books through the library.", [], "meta"),
        ("researchers at Western Electric's Hawthorne Works near Chicago varied lighting", [], "no-support"),
        ("Output seemed to rise whatever they changed", [], "no-support"),
        ("The term itself was coined by Henry Landsberger", [], "bare-name"),
        ("managerial discipline and the Depression explained most of the gains", [], "unresolved"),
        ("the story is much messier than the textbooks suggest", [], "lead-in"),
        ("My own first job was in a call centre", [], "anecdote"),
        ("The official account of the studies", ["roethlisberger1939management"], "annotation"),
        ("It describes the relay assembly test room", ["roethlisberger1939management"], "annotation"),
        ("put the rise in output down to the group's new social relationships",
         ["roethlisberger1939management"], "annotation"),
        ("Long, but chapters 1–3 are enough.", [], "reading-list"),
        ("In this short book Mayo presented the Hawthorne results to a general audience.", ["mayo1933human"],
         "annotation"),
        ("He used the results to argue that workers are motivated more by belonging than by money.",
         ["mayo1933human"], "annotation"),
        ("Skim only.", [], "reading-list"),
        ("found the original lighting data, long thought lost", ["levitt2011was"], "annotation"),
        ("They report that output did not go up with each change of lighting", ["levitt2011was"],
         "annotation"),
        ("They do find a small rise in output when the lighting was changed", ["levitt2011was"],
         "annotation"),
        ("re-analysed the relay assembly test room data with modern econometric methods", ["jones1992was"],
         "annotation"),
        ("He found little evidence that the experimental changes themselves raised output.",
         ["jones1992was"], "annotation"),
        ("A systematic review of 19 studies that tested whether being studied changes behaviour.",
         ["mccambridge2014systematic"], "annotation"),
        ("most studies showed some effect of being observed", ["mccambridge2014systematic"], "annotation"),
        ("They propose replacing", ["mccambridge2014systematic"], "annotation"),
        ("A historian's account based on the archives.", ["gillespie1991manufacturing"], "annotation"),
        ("shows how the researchers' interpretations changed to fit what management wanted to hear",
         ["gillespie1991manufacturing"], "annotation"),
        ("Does it matter whether the Hawthorne effect was real at Hawthorne", [], "question"),
        ("How would you design a study that controls for being observed?", [], "question"),
        ("Essay deadline: Friday of Week 10", [], "meta"),
    ],
    "museum-antikythera.html": [
        ("Our new replica of the Antikythera mechanism goes on display", [], "meta"),
        ("In this post I explain what the original is", [], "meta"),
        ("sponge divers off the Greek island of Antikythera brought up bronze statues", [], "no-support"),
        ("Today the surviving fragments are kept in the National Archaeological Museum", [], "no-support"),
        ("published the first serious reconstruction, based on gamma-ray images", ["price1974gears"],
         "narrative"),
        ("was a calendar computer that modelled the movements of the Sun and Moon", ["price1974gears"],
         "paren"),
        ("Price counted the teeth of the gears by hand from the radiographs.", ["price1974gears"],
         "follow-on"),
        ("In 2005 a team brought a 12-tonne X-ray scanner to Athens.", [], "lead-in"),
        ("revealed thousands of tiny inscriptions and showed that the mechanism could predict eclipses",
         ["freeth2006decoding"], "paren"),
        ("In that paper, the team also showed that a pin-and-slot device", ["freeth2006decoding"],
         "follow-on"),
        ("one dial tracked the four-year cycle of the Olympic Games", ["freeth2008calendars"], "paren"),
        ("one reading places the mechanism's origin in Epirus or a Corinthian colony",
         ["iversen2017calendar"], "paren"),
        ("it turns out to be cleverer than we thought", [], "quoted-speech"),
        ("proposes a display of all five planets known in antiquity", ["freeth2021model"], "paren"),
        ("Those authors used inscriptions on the back cover", ["freeth2021model"], "follow-on"),
        ("book is the best general introduction, with a chapter on each dial", ["jones2017portable"],
         "paren"),
        ("the exhibition catalogue from Athens suggests the mechanism may be several decades older", [],
         "unresolved"),
        ("you can turn the handle yourself at weekend demonstrations", [], "meta"),
        ("Entry to Gallery 4 is free.", [], "meta"),
        ("I first saw the original in Athens as a student in 1998", [], "anecdote"),
        ("Nature paper is what got me into astronomy as a retired engineer", [], "testimony"),
        ("Will the replica be at the half-term family day?", [], "question"),
    ],
    "magazine-rat-park.txt": [
        ("his experiment is still being used to explain addiction", [], "lead-in"),
        ("But does it say what people think it says?", [], "question"),
        ("The rats got a lot of press.", [], "filler"),
        ("built a plywood enclosure about 200 times the size of a standard lab cage", [], "no-support"),
        ("They called it Rat Park.", [], "no-support"),
        ("The idea was simple.", [], "lead-in"),
        ("Lab rats kept alone in small cages will drink morphine-laced water", [], "no-support"),
        ("Alexander suspected that the cage was the problem.", [], "no-support"),
        ("rats housed alone drank far more morphine solution than rats housed in Rat Park",
         ["alexander1978effect"], "paren"),
        ("Females in that study drank more than males in both conditions.", ["alexander1978effect"],
         "follow-on"),
        ("rats moved to Rat Park after weeks in isolation also cut their morphine drinking",
         ["alexander1981effect"], "paren"),
        ("We wanted to know whether it was the drug or the dungeon", [], "quoted-speech"),
        ("She still keeps a photograph of the enclosure above her desk.", [], "testimony"),
        ("The story found a second life decades later.", [], "lead-in"),
        ("made Rat Park the emotional centre of his book on the drug war", ["hari2015chasing"], "quote"),
        ("A popular animated video based on the book has been watched millions of times.", [],
         "no-support"),
        ("Rat Park also echoes one of the most striking findings in human addiction research.", [],
         "lead-in"),
        ("About 20% of US soldiers in Vietnam reported being addicted to heroin there",
         ["robins1974drug"], "paren"),
        ("Those soldiers had left the war, and the places and people tied to their drug use",
         ["robins1974drug"], "follow-on"),
        ("Not everyone could repeat the rat result.", [], "lead-in"),
        ("A replication with a different strain of rats found that the environment did not change",
         ["petrie1996environment"], "paren"),
        ("addiction is better seen as a series of choices", [], "unresolved"),
        ("Rat Park was an important study with serious limitations", ["gage2019rat"], "paren"),
        ("The authors point out that the original studies were small", ["gage2019rat"], "follow-on"),
        ("When I visited Simon Fraser last spring, nothing of the enclosure was left.", [], "anecdote"),
        ("A security guard told me he had never heard of it.", [], "anecdote"),
        ("the rats are a good parable and a weak proof", [], "no-support"),
        ("writes about science and medicine", [], "meta"),
    ],
    "debate-sugar-tax.md": [
        ("Transcript edited for length and clarity.", [], "meta"),
        ("Good evening and welcome.", [], "meta"),
        ("I'll start with Mexico, which taxed sugary drinks by one peso a litre in 2014.", [], "lead-in"),
        ("found that purchases of taxed drinks fell by 6% in the first year", ["colchero2016beverage"],
         "paren"),
        ("In that study the poorest households cut their purchases the most.", ["colchero2016beverage"],
         "follow-on"),
        ("low-income neighbourhoods drank 21% fewer sugary drinks", ["falbe2016impact"], "paren"),
        ("And it's not only what people buy.", [], "lead-in"),
        ("manufacturers took sugar out of their drinks before it even started", [], "no-support"),
        ("The sugar content of drinks in the levy categories fell by about 30%", ["scarborough2020impact"],
         "paren"),
        ("linked the levy to an 8% relative fall in obesity among girls in Year 6", ["rogers2023effects"],
         "paren"),
        ("That's roughly 5,000 fewer cases of obesity a year in that age group alone.",
         ["rogers2023effects"], "follow-on"),
        ("My own patients tell me the same thing", [], "anecdote"),
        ("Doubling the tax would simply double a policy that works.", [], "no-support"),
        ("Nobody in this room is in favour of childhood obesity.", [], "filler"),
        ("But let's be careful with the numbers.", [], "lead-in"),
        ("A meta-analysis of 17 studies found that a 10% tax cut sugary drink purchases",
         ["teng2019impact"], "paren"),
        ("But that same review found very little evidence that total calories or body weight changed.",
         ["teng2019impact"], "follow-on"),
        ("People may simply switch to sweets, crisps or untaxed milkshakes.", [], "no-support"),
        ("study my opponent quoted found no effect at all in boys", ["rogers2023effects"], "study-name"),
        ("soft drink taxes had only a tiny effect on body weight", [], "unresolved"),
        ("Sugar taxes are regressive", [], "no-support"),
        ("I grew up on a council estate in Peckham", [], "anecdote"),
        ("the gentleman in the blue jumper", [], "meta"),
        ("Has anyone looked at what happened to dental decay", [], "question"),
        ("Not in the studies I cited, but there is work in progress.", [], "no-support"),
        ("The motion is carried, 112 votes to 87.", [], "meta"),
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
