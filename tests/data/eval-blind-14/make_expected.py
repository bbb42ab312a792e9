"""Write expected.json of the fourteenth blind held-out set from the labels below.

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
                  "secondary"}
NEGATIVE_KINDS = {"anecdote", "testimony", "no-support", "filler", "lead-in", "meta", "question",
                  "advice", "quoted-speech", "unresolved", "mention"}

ABOUT = (
    "Fourteenth blind held-out set (eval-blind-14): 15 texts (5 .md, 5 .txt, 5 .html), one shared "
    "references.bib and labels written by hand on 2026-12-04 by an annotator (the 'blind14' engineer) who "
    "did not read the extractor (ingest/citations/, ingest/detectors/, ingest/reflist*, ingest/pipeline*, "
    "ingest/support/, nor anything under ingest/ beyond ingest/evaluate.py lines 1-150) nor docs/eval/, "
    "DEVELOPERS.md or docs/extraction.md, and never ran ClaimGraph or ingest.evaluate on these files; the "
    "labels were written before any extractor output existed. Kinds of page: a local newspaper health "
    "column (a reader's letter and the GP's answer), a charity's annual-report page with HTML superscript "
    "numbers, a nursing student's reflective essay (Gibbs' cycle) in Harvard style with pages ('Gibbs "
    "(1988: 49)'), a reprint year ('Schön (1983/1991: 61)') and a secondary citation ('Exton-Smith and "
    "Sherwin (1961, cited in Defloor, De Bacquer and Grypdonck 2005: 38)'), a Bluesky thread with "
    "numbered posts and nested replies, a patient support group newsletter with Vancouver numbers in "
    "brackets, a sports-science coaching blog with hyperlinked names and comments, a dietitian's Instagram "
    "caption series with comments, an NGO policy FAQ with a group author and its abbreviation ('(World "
    "Health Organization [WHO], 2017)' then '(WHO, 2017)') and an in-press study, an insurance company's "
    "wellness article with Unicode superscripts (a pair '1,3'), a hobbyist birding blog with hyperlinked "
    "citations and three Plummer et al. papers, a personal blog's book review (a block quote followed by "
    "'(Cain, 2012, p. 51)', 'Eysenck, 1967, cited in Cain, 2012', 'Jung (1921/1971)'), a YouTube video "
    "description with chapters and a pinned comment, a veterinary clinic blog with numbers in parentheses "
    "'(1)', a wine merchant's journal with HTML footnotes, and a naming agency's blog post. Topics (none "
    "used by an earlier set): the eight-glasses-of-water rule, bowel cancer screening, repositioning and "
    "pressure ulcers, the wisdom of crowds, CBT for tinnitus, marathon tapering, apple cider vinegar, "
    "school deworming, blue-light glasses and digital eye strain, garden bird feeding, Cain's *Quiet* and "
    "introversion, the Stroop effect, grapes and raisins in dogs, the alcohol J-curve, the bouba/kiki "
    "effect. Conventions (those of eval-blind-6 to -13): a citation supports the sentence it stands in, "
    "every work in it (the insurer's '1,3'); a follow-on sentence that refers back to the cited work ('In "
    "that review, the author...', 'The same opinion...', 'The women in that study...', 'FIT also found... "
    "in that trial', 'The same paper found...', 'People in that experiment also...', 'That review also "
    "found...', 'Their 5 km times improved... in that study', 'The volunteers in that study...', 'The "
    "participants in that trial...', 'The review's authors also found...', 'Readers/Chaffinches... in "
    "that study', 'Consumers in that experiment...') carries its source; a work named later without its "
    "year ('In Vul and Pashler's data...', 'In the Smyth and Lawlor logs...', 'In the Kondo trial...', "
    "'The Robinson paper's disease...', 'Cain tells us...') refers to the work the page cites. A "
    "secondary citation ('X (1961, cited in Y 2005: 38)', '(Eysenck, 1967, cited in Cain, 2012, p. 123)') "
    "links the work the page lists and the bib holds (Y); the original (X) is in neither. A lead-in or "
    "topic sentence without its own citation takes nothing from the sentence after it. A quotation "
    "followed by a citation with a page is a claim supported by that source. Numbers in brackets '[1]', "
    "in parentheses '(1)', HTML '<sup>1</sup>' and Unicode superscripts resolve through the page's "
    "numbered list; HTML footnote links through the page's Notes; hyperlinked names and parentheses "
    "through the link's DOI and the page's list. Same author and year: Galton 1907a ('One vote, one "
    "value') and 1907b ('Vox populi'); the letters and the list decide. Group authors: EFSA 2010, NMC "
    "2018, NICE 2020, WHO 2017, GBD 2016 Alcohol Collaborators 2018, Design Council n.d. Non-ASCII names: "
    "Schön, Östman, Björck, Ćwiek, Köhler, González Barrientos, Kovalkovičová, Cerviño, García-Lázaro, "
    "Mujika (Iñigo). Particles: von Wagner, de Lorgeril. First-person evidence (the charity's survey, "
    "the blogger's tallies, the clinic's own cases, the channel poll), posters' and commenters' own "
    "lives, people quoted speaking, advice, action plans, bylines, greetings, sign-offs, meta lines, "
    "unsupported claims, filler and sentences that mention a work without relying on it ('Köhler used "
    "the example in his book...', 'Cain mentions neither study...') link to nothing. Chapter times "
    "('00:00 Try the test'), statistics in brackets ('[about six or seven mugs]', '[Pennine uptake: 71% "
    "...]', '[ratio 1:9.3]', '[240 min x 0.03]', '[1.2 kg and 1.7 kg]', '[95% CI 1.1 to 8.5]', '[61% of "
    "4,200 respondents]', '[n = 3,214]', '[100 g = 12.5 UK units]'), numbers in parentheses that are not "
    "list numbers ('(£5 a year)', '(up from 21 [2024-25: 21])'), years that are not citations ('in "
    "1996', 'since 2014', 'In 2006', 'in the 1880s', 'In 2022 a team...') and the page lists themselves "
    "are not citations. Citations missing from the .bib and from the page's own list link to nothing: "
    "Popkin et al. 2010, Steele et al. 2009, Vanderwee et al. 2007, Mannes, Soll & Larrick 2014, Drew "
    "and Davies 2001, Spilsbury et al. 2019, Khezri et al. 2018, Croke et al. 2016, Lawrenson et al. "
    "2017, Orros and Fellowes 2015, Little 2014, Brown, Gore & Carr 2002, Gwaltney-Brant et al. 2001, "
    "Burton & Sheron 2018, Styles & Gawne 2017. Never cited (distractors, one per page): Armstrong & "
    "Johnson 2018, Atkin et al. 2017, Defloor 1999, Herzog & Hertwig 2009, McFerran et al. 2019, Mujika "
    "et al. 2004, Johnston & Buller 2005, Baird et al. 2016, Rosenfield 2011, Jones & Reynolds 2008, Cain "
    "2022, MacLeod & Dunbar 1988, Campbell & Bates 2003, GBD 2020 Alcohol Collaborators 2022, Sapir 1929. "
    "Invented on purpose: the NGO FAQ's in-press study Wanjiru, Castell & Obuya (in the bib with a note). "
    "Regenerate with `python make_expected.py`."
)

RAW: dict[str, list[tuple[str, list[str], str]]] = {
    "column-eight-glasses-water.txt": [
        ("Do I really need eight glasses of water a day?", [], "question"),
        ("my daughter carries a two-litre bottle everywhere", [], "testimony"),
        ("Who is right?", [], "question"),
        ("thank you for a question I hear at least once a week in surgery", [], "meta"),
        ("Let me start with the famous rule.", [], "lead-in"),
        ("Nobody seems to know where", [], "no-support"),
        ("found no scientific study behind the rule at all", ["valtin2002drink"], "paren"),
        ("the rule may come from a 1945 recommendation", ["valtin2002drink"], "follow-on"),
        ("He also concluded that healthy adults in a temperate climate", ["valtin2002drink"], "follow-on"),
        ("I find that reassuring, and so did my father", [], "anecdote"),
        ("So how much do we need?", [], "question"),
        ("European experts set an adequate total water intake", ["efsa2010scientific"], "paren"),
        ("That figure is for water from all sources, food included.", ["efsa2010scientific"], "follow-on"),
        ("assumes that about a fifth of it comes from food", ["efsa2010scientific"], "paren"),
        ("That leaves roughly 1.6 litres a day to drink", [], "no-support"),
        ("It is a guide for populations, not a target for each of us.", [], "no-support"),
        ("Now to your tea.", [], "filler"),
        ("Many people believe that tea and coffee", [], "lead-in"),
        ("gave fifty male coffee drinkers either four mugs of coffee", ["killer2014no"], "paren"),
        ("Their hydration markers did not differ between the two periods.", ["killer2014no"], "follow-on"),
        ("moderate coffee drinking hydrates about as well as water", ["killer2014no"], "follow-on"),
        ("compared thirteen common drinks", ["maughan2016randomized"], "paren"),
        ("Milk and oral rehydration solution kept people hydrated", ["maughan2016randomized"], "follow-on"),
        ("Tea, coffee and lager came out about the same as water", ["maughan2016randomized"], "follow-on"),
        ("I would not recommend lager as your main drink", [], "advice"),
        ("What about feeling tired and headachy?", [], "question"),
        ("reported lower mood and more headaches", ["armstrong2012mild"], "paren"),
        ("The women in that study also found tasks harder", ["armstrong2012mild"], "follow-on"),
        ("Mild dehydration is real, but it is easy to fix.", [], "no-support"),
        ("most of us are chronically under-hydrated", [], "unresolved"),
        ("I have not seen good evidence of that in my patients.", [], "anecdote"),
        ("The simplest test is the colour of your urine", [], "advice"),
        ("Drink more in hot weather", [], "advice"),
        ("so ask before changing anything", [], "advice"),
        ("Older people feel thirst less keenly", [], "no-support"),
        ("My verdict: you are both partly right.", [], "filler"),
        ("Your daughter's bottle does no harm.", [], "no-support"),
        ("Dr Penhallow cannot reply to letters individually.", [], "meta"),
    ],
    "charity-bowel-screening.html": [
        ("This was the year our volunteers knocked on their ten-thousandth door.", [], "meta"),
        ("I was diagnosed with bowel cancer at 58", [], "anecdote"),
        ("That experience is why I joined the Trust.", [], "anecdote"),
        ("Screening for bowel cancer works.", [], "lead-in"),
        ("reduced deaths from bowel cancer by about 16% in the pooled trials", ["hewitson2008cochrane"],
         "numeric"),
        ("The benefit was larger among people who actually completed the test.", ["hewitson2008cochrane"],
         "follow-on"),
        ("That is why getting kits returned matters so much.", [], "no-support"),
        ("is easier to use because it needs only one sample", [], "no-support"),
        ("more people took part with FIT than with the guaiac test", ["hol2010screening"], "numeric"),
        ("FIT also found more advanced adenomas and cancers in that trial", ["hol2010screening"],
         "follow-on"),
        ("uptake rose by about seven percentage points", ["moss2017increased"], "numeric"),
        ("The rise was largest among men, younger invitees", ["moss2017increased"], "numeric"),
        ("Those gaps are our main concern.", [], "lead-in"),
        ("uptake fell steeply with rising deprivation", ["vonwagner2011inequalities"], "numeric"),
        ("It was also lower among men than women.", ["vonwagner2011inequalities"], "follow-on"),
        ("We see the same pattern in our own postcode data", [], "anecdote"),
        ("A one-off look at the lower bowel is another option.", [], "lead-in"),
        ("cut bowel cancer incidence by a third among those who attended", ["atkin2010once"], "numeric"),
        ("Deaths from bowel cancer fell by 43% in the same group", ["atkin2010once"], "numeric"),
        ("England has since stopped offering this test", [], "no-support"),
        ("Reminder letters and phone calls from a GP practice can also raise uptake", [], "unresolved"),
        ("We have not yet been able to fund a reminder scheme ourselves.", [], "meta"),
        ("held 212", [], "anecdote"),
        ("We translated our kit guide into Urdu", [], "anecdote"),
        ("We trained 38 new Screening Champions", [], "anecdote"),
        ("64% said they would now return their kit", [], "anecdote"),
        ("We cannot yet say how many actually did.", [], "anecdote"),
        ("Next year we want to link our conversations with programme data", [], "meta"),
        ("I had the kit in a drawer for a year.", [], "quoted-speech"),
        ("Every pound you give helps us reach another door.", [], "meta"),
    ],
    "reflection-pressure-ulcers.txt": [
        ("names and identifying details have been changed in line with the Code", ["nmc2018code"], "paren"),
        ("This account reflects on one night shift", [], "meta"),
        ("reflective cycle, which moves through description, feelings", ["gibbs1988learning"], "narrative"),
        ("describes reflection as the step that turns experience into learning", ["gibbs1988learning"],
         "narrative"),
        ("distinguishes reflection-in-action from reflection-on-action", ["schon1991reflective"],
         "narrative"),
        ("This essay is the second kind.", [], "meta"),
        ("was on two-hourly repositioning", [], "anecdote"),
        ("she had not been turned since 22:00", [], "anecdote"),
        ("Her sacrum showed non-blanching redness", [], "anecdote"),
        ("We repositioned her, documented the finding", [], "anecdote"),
        ("I felt guilty and a little angry.", [], "anecdote"),
        ("two hours seemed an arbitrary number", [], "anecdote"),
        ("What went well was that the redness was found early", [], "anecdote"),
        ("nobody escalated that it had slipped", [], "anecdote"),
        ("this has been understood for a long time", [], "lead-in"),
        ("immobile older patients who moved less developed more sores", ["defloor2005effect"], "secondary"),
        ("The question of how often to turn someone is less settled.", [], "lead-in"),
        ("compared several turning schedules in nursing home residents", ["defloor2005effect"],
         "narrative"),
        ("Turning every four hours on a viscoelastic foam mattress", ["defloor2005effect"], "follow-on"),
        ("the frequency of turning can be reduced when a pressure-reducing mattress is used",
         ["defloor2005effect"], "quote"),
        ("randomised nursing home residents on high-density foam mattresses", ["bergstrom2013turning"],
         "paren"),
        ("Ulcer rates were low and did not differ between the three schedules.", ["bergstrom2013turning"],
         "follow-on"),
        ("The authors argued that less frequent turning could free staff time", ["bergstrom2013turning"],
         "follow-on"),
        ("The angle also matters.", [], "lead-in"),
        ("repositioning at a 30° tilt every three hours", ["moore2011randomised"], "narrative"),
        ("Patients in that trial also found the tilt comfortable.", ["moore2011randomised"], "follow-on"),
        ("However, the overall evidence is weak.", [], "lead-in"),
        ("it is uncertain whether any particular repositioning frequency", ["gillespie2020repositioning"],
         "paren"),
        ("That review also judged most of the trials to be at high risk of bias.",
         ["gillespie2020repositioning"], "follow-on"),
        ("should be identified with a structured scale", [], "unresolved"),
        ("So the two-hour rule on our ward is not strongly evidence-based", [], "no-support"),
        ("My anger was really about workload.", [], "anecdote"),
        ("On that night there were 28 patients", [], "anecdote"),
        ("raise concerns immediately if you believe a person is vulnerable", ["nmc2018code"], "quote"),
        ("We did raise it, but only afterwards.", [], "anecdote"),
        ("I learned that I had treated a ward routine", [], "anecdote"),
        ("a missed turn is a system problem", [], "no-support"),
        ("I will check the mattress type", [], "advice"),
        ("I will ask my mentor how to escalate", [], "advice"),
        ("I will read the ward's pressure ulcer policy", [], "advice"),
    ],
    "thread-wisdom-of-crowds.md": [
        ("because a colleague used it today to justify a survey of twelve people", [], "meta"),
        ("The story starts at a livestock fair in Plymouth in 1906.", [], "lead-in"),
        ("Nearly 800 visitors paid sixpence each", [], "lead-in"),
        ("reported that the middle guess was 1,207 lb", ["galton1907vox"], "paren"),
        ("That is within 1% of the truth.", [], "no-support"),
        ("He used the median because, as he put it, each voter should have one vote", ["galton1907one"],
         "paren"),
        ("The usual retelling says the", [], "lead-in"),
        ("which found a mean of 1,197 lb, one pound off", ["wallis2014revisiting"], "paren"),
        ("The same paper found errors in Galton's published table.", ["wallis2014revisiting"], "follow-on"),
        ("The idea went mainstream with a bestselling book", ["surowiecki2004wisdom"], "paren"),
        ("He argued that crowds are wise only under four conditions", ["surowiecki2004wisdom"], "follow-on"),
        ("Independence is the one everyone forgets.", [], "no-support"),
        ("Here is why.", [], "filler"),
        ("some groups saw the others' answers", ["lorenz2011how"], "paren"),
        ("narrowed the range of answers without making the crowd more accurate", ["lorenz2011how"],
         "follow-on"),
        ("People in that experiment also became more confident.", ["lorenz2011how"], "follow-on"),
        ("is not a wise crowd", [], "no-support"),
        ("It is one opinion counted twelve times.", [], "no-support"),
        ("A weird twist: you can be your own crowd.", [], "lead-in"),
        ("the average of their two guesses was more accurate than either guess alone",
         ["vul2008measuring"], "paren"),
        ("The gain was bigger when the second guess came three weeks later.", ["vul2008measuring"],
         "follow-on"),
        ("And small groups that talk can beat big groups that don't.", [], "lead-in"),
        ("averaging the answers of a few groups of five", ["navajas2018aggregated"], "paren"),
        ("did not destroy independence between the groups", ["navajas2018aggregated"], "follow-on"),
        ("choosing a small crowd of the best judges", [], "unresolved"),
        ("I haven't read it properly yet.", [], "meta"),
        ("crowds are a statistical tool, not a magic one", [], "no-support"),
        ("Twelve colleagues in one meeting are not Galton's fairgoers.", [], "no-support"),
        ("Corrections welcome.", [], "meta"),
        ("We ran the ox thing at our school fete", [], "testimony"),
        ("Did people see each other's guesses?", [], "question"),
        ("the guesses were on a whiteboard", [], "testimony"),
        ("result robust?", [], "question"),
        ("I thought it failed to replicate.", [], "no-support"),
        ("the basic effect has held up, though it is smaller", [], "no-support"),
        ("two guesses from one person were worth about a tenth", ["vul2008measuring"], "study-name"),
        ("Bookmarking this for my methods class.", [], "meta"),
    ],
    "newsletter-tinnitus-group.txt": [
        ("a special welcome to the nine people who came to their first meeting", [], "meta"),
        ("Our October meeting at the library was the busiest", [], "meta"),
        ("Thank you to Harriet for the cake, again.", [], "meta"),
        ("At almost every meeting someone asks whether there is a cure.", [], "lead-in"),
        ("I have had tinnitus for thirty years", [], "anecdote"),
        ("The honest answer is no.", [], "no-support"),
        ("Tinnitus affects somewhere between one in ten and one in seven adults", ["baguley2013tinnitus"],
         "numeric"),
        ("There is still no drug that reliably reduces it", ["baguley2013tinnitus"], "numeric"),
        ("What the research does show is that we can change how much it bothers us.", [], "lead-in"),
        ("The strongest evidence is for cognitive behavioural therapy", [], "lead-in"),
        ("A Dutch trial randomly assigned 492 adults", ["cima2012specialised"], "numeric"),
        ("people in the CBT group had better quality of life", ["cima2012specialised"], "numeric"),
        ("They also reported that their tinnitus was less severe", ["cima2012specialised"], "follow-on"),
        ("CBT probably reduces the impact of tinnitus on daily life", ["fuller2020cognitive"], "numeric"),
        ("That review found little evidence that CBT makes the sound itself quieter",
         ["fuller2020cognitive"], "numeric"),
        ("the benefit lasted at least several months after the end of therapy", ["hesser2011systematic"],
         "numeric"),
        ("Internet-delivered CBT worked too in that analysis", ["hesser2011systematic"], "numeric"),
        ("What about sound generators and hearing aids?", [], "question"),
        ("Many of us use them, and I sleep with a fan on.", [], "anecdote"),
        ("too few good trials to say whether masking devices help", ["hobson2012sound"], "numeric"),
        ("That does not mean they don't help.", [], "no-support"),
        ("It means nobody has shown it properly yet.", [], "no-support"),
        ("should be offered psychological support, starting with digital or group CBT",
         ["nice2020tinnitus"], "numeric"),
        ("The same guideline advises against offering several drugs", ["nice2020tinnitus"], "numeric"),
        ("You may also have read that ginkgo biloba helps.", [], "lead-in"),
        ("One large trial found it no better than placebo", [], "unresolved"),
        ("I tried it for six months and noticed nothing.", [], "anecdote"),
        ("please speak to your GP and ask for a referral to audiology", [], "advice"),
        ("Your GP can also check for things like ear wax", [], "advice"),
        ("or pulses in time with your heartbeat", [], "advice"),
        ("After my CBT course I still hear it every night", [], "quoted-speech"),
        ("That was the change.", [], "quoted-speech"),
        ("Subscriptions (£5 a year) are now due.", [], "meta"),
        ("Nothing in this newsletter is medical advice.", [], "meta"),
    ],
    "coaching-marathon-taper.html": [
        ("Every spring I get the same panicked messages", [], "anecdote"),
        ("I've cut my mileage and I feel terrible.", [], "quoted-speech"),
        ("Am I losing fitness?", [], "question"),
        ("it is the best thing you can do for your race", [], "no-support"),
        ("a meta-analysis of 27 studies of swimmers, runners and cyclists", ["bosquet2007effects"],
         "narrative"),
        ("the biggest gains came from a taper of about two weeks", ["bosquet2007effects"], "follow-on"),
        ("Intensity and frequency of training were kept the same in the best tapers.",
         ["bosquet2007effects"], "follow-on"),
        ("Cutting intensity, in their analysis, threw away much of the benefit.", ["bosquet2007effects"],
         "follow-on"),
        ("reached a similar conclusion from a review of earlier studies", ["mujika2003scientific"],
         "narrative"),
        ("a good taper improves performance by about 3%", ["mujika2003scientific"], "follow-on"),
        ("For a 4-hour marathoner, 3% is about seven minutes", [], "no-support"),
        ("reduce their weekly mileage by 70% for a week", ["houmard1994effects"], "paren"),
        ("Their 5 km times improved by about 3% in that study.", ["houmard1994effects"], "follow-on"),
        ("raised red cell volume and muscle strength", ["shepley1992physiological"], "paren"),
        ("Those studies looked at trained athletes, not club runners.", [], "no-support"),
        ("analysed the training logs of more than 158,000 recreational marathoners",
         ["smyth2021longer"], "narrative"),
        ("Runners who tapered strictly for three weeks ran about 5 minutes faster", ["smyth2021longer"],
         "follow-on"),
        ("The benefit in their data was largest for men", ["smyth2021longer"], "follow-on"),
        ("older runners need longer tapers", [], "unresolved"),
        ("I would love to see that tested in a proper trial.", [], "meta"),
        ("carbohydrate loading makes sense for a marathon", [], "advice"),
        ("suggest 10–12 g of carbohydrate per kilogram", ["burke2011carbohydrates"], "paren"),
        ("For a 70 kg runner that is a lot of pasta", [], "no-support"),
        ("cut volume by 20%, keep your long run to 20 km", [], "advice"),
        ("cut volume by 40%, keep one session at marathon pace", [], "advice"),
        ("cut volume by 60%, do a few short strides on Thursday", [], "advice"),
        ("I have coached about 300 marathoners this way", [], "anecdote"),
        ("Trust the plan.", [], "advice"),
        ("You cannot gain fitness in the last ten days", [], "no-support"),
        ("I did a two-week taper for Manchester", [], "testimony"),
        ("Would a third week have helped?", [], "question"),
        ("the three-week tapers were linked to the biggest gains", ["smyth2021longer"], "study-name"),
        ("Feeling sluggish early is very common.", [], "no-support"),
        ("My club coach says tapering is for elites", [], "testimony"),
        ("Who do I believe?", [], "question"),
        ("I'd gently disagree with your coach.", [], "meta"),
        ("Two days of rest isn't a taper.", [], "no-support"),
        ("Try my plan once and see.", [], "advice"),
    ],
    "instagram-apple-cider-vinegar.txt": [
        ("Apple cider vinegar shots are all over my feed again", [], "meta"),
        ("I drank a shot every morning for a month in 2022", [], "anecdote"),
        ("Nothing happened, except that my teeth felt weird.", [], "anecdote"),
        ("This is the claim with the most behind it.", [], "lead-in"),
        ("who drank 20 g of vinegar before a high-carbohydrate meal", ["johnston2004vinegar"], "paren"),
        ("Their insulin sensitivity after the meal also improved in that study.", ["johnston2004vinegar"],
         "follow-on"),
        ("found something similar in healthy volunteers eating white bread", ["ostman2005vinegar"],
         "paren"),
        ("The volunteers in that study also felt fuller", ["ostman2005vinegar"], "follow-on"),
        ("But these were single meals in a lab", [], "no-support"),
        ("The study everyone shares is a Japanese trial", ["kondo2009vinegar"], "paren"),
        ("lost about 1–2 kg more than those who drank a placebo", ["kondo2009vinegar"], "follow-on"),
        ("The participants in that trial also had lower blood triglycerides.", ["kondo2009vinegar"],
         "follow-on"),
        ("That is a real effect, but it is small.", [], "no-support"),
        ("reported larger losses on a calorie-controlled diet", [], "unresolved"),
        ("A daily walk would probably do more for you.", [], "advice"),
        ("Mostly, in small amounts, diluted.", [], "no-support"),
        ("But vinegar is an acid.", [], "no-support"),
        ("tooth enamel soaked in different vinegars lost minerals within hours",
         ["willershausen2014vitro"], "paren"),
        ("apple cider vinegar slowed gastric emptying even more in such patients",
         ["hlebowicz2007effect"], "paren"),
        ("That can make insulin timing harder.", [], "no-support"),
        ("A splash of vinegar in a salad dressing", [], "advice"),
        ("Shots on an empty stomach are not a fat-burner.", [], "no-support"),
        ("Gummies contain very little acetic acid", [], "no-support"),
        ("Always dilute it and drink it with a straw", [], "advice"),
        ("I lost 6 kg when I started ACV every morning", [], "testimony"),
        ("So glad you feel good!", [], "meta"),
        ("Did anything else change at the same time", [], "question"),
        ("the weight came back within four weeks of stopping the vinegar", ["kondo2009vinegar"],
         "study-name"),
        ("It only works while you keep taking it, like most things.", [], "no-support"),
        ("Does pickle juice count?", [], "question"),
        ("Same acid, more salt.", [], "filler"),
    ],
    "ngo-faq-deworming.html": [
        ("Intestinal worms are among the most common infections", [], "lead-in"),
        ("recommends treating all children in areas where more than one in five are infected",
         ["who2017guideline"], "paren"),
        ("The same guideline recommends albendazole or mebendazole", ["who2017guideline"], "paren"),
        ("The pills cost a few cents each", [], "no-support"),
        ("The study that started the debate was a trial in 75 primary schools", [], "lead-in"),
        ("reduced pupil absence by about a quarter", ["miguel2004worms"], "paren"),
        ("That spillover finding is why the authors argued", ["miguel2004worms"], "follow-on"),
        ("Twenty years later, the same children were traced again.", [], "lead-in"),
        ("had higher earnings and consumption as adults", ["hamory2021twenty"], "paren"),
        ("They were also more likely to live in cities", ["hamory2021twenty"], "follow-on"),
        ("found coding errors that changed some of the results", ["aiken2015reanalysis"], "paren"),
        ("The effect on school attendance remained in their re-analysis", ["aiken2015reanalysis"],
         "follow-on"),
        ("We take these criticisms seriously.", [], "meta"),
        ("The widest review of trials is less encouraging still.", [], "lead-in"),
        ("probably makes little or no difference to children's weight",
         ["taylorrobinson2019public"], "paren"),
        ("The review's authors also found that treating only children known to be infected",
         ["taylorrobinson2019public"], "follow-on"),
        ("A pooled analysis of weight gain from many trials found a small positive effect", [],
         "unresolved"),
        ("We have not been able to obtain that analysis's underlying data.", [], "meta"),
        ("Is there newer evidence from Kenya?", [], "question"),
        ("attendance in treated schools rose by 4.8 days per year", ["wanjiruinpressschool"], "paren"),
        ("the effect was concentrated in girls aged 10 to 14", ["wanjiruinpressschool"], "follow-on"),
        ("so we treat it with caution", [], "meta"),
        ("So why do you still support it?", [], "question"),
        ("even a small chance of a large long-term benefit is worth paying for", [], "no-support"),
        ("That is a judgement, not a fact.", [], "meta"),
        ("Reasonable organisations disagree with us.", [], "no-support"),
        ("How can I help?", [], "question"),
        ("Write to your representative, share this page", [], "advice"),
        ("Questions about this FAQ can be sent to", [], "meta"),
        ("This FAQ reflects the Alliance's policy position.", [], "meta"),
    ],
    "insurer-blue-light-glasses.md": [
        ("Screen-tired eyes?", [], "question"),
        ("Written by the Brightwater Wellbeing Team.", [], "meta"),
        ("you may know the feeling: dry, gritty eyes", [], "no-support"),
        ("You are not alone.", [], "filler"),
        ("Our own member survey last year found that 3 in 5 of you", [], "anecdote"),
        ("What is digital eye strain?", [], "question"),
        ("is the name for the eye and vision symptoms that come with long screen use", [], "lead-in"),
        ("more than half of regular computer users report symptoms", ["sheppard2018digital"], "numeric"),
        ("The main causes are focusing at a fixed distance", ["sheppard2018digital"], "numeric"),
        ("people blinked far less often while reading from a screen", ["patel1991effect"], "numeric"),
        ("Office workers who used computers for many hours a day reported more burning",
         ["portello2012computer"], "numeric"),
        ("That pattern held in that survey even after the authors took age and gender",
         ["portello2012computer"], "numeric"),
        ("Do blue-light glasses help?", [], "question"),
        ("many of our members have asked whether we cover them", [], "meta"),
        ("The short answer is that the evidence does not support them for eye strain.", [], "lead-in"),
        ("probably make little or no difference to eye strain after computer use", ["singh2023blue"],
         "numeric"),
        ("The same review found no good evidence that they protect the retina", ["singh2023blue"],
         "numeric"),
        ("Another review reached a similar conclusion", [], "unresolved"),
        ("Blue light from screens can affect sleep, though.", [], "lead-in"),
        ("gave out more of the short-wavelength light that can suppress melatonin", ["gringras2015bigger"],
         "numeric"),
        ("The night-time settings and filter apps tested in that study", ["gringras2015bigger"], "numeric"),
        ("Most phones now have a night mode, and using it costs nothing.", [], "advice"),
        ("You may have heard of the 20-20-20 rule", [], "lead-in"),
        ("A Spanish study tested it by sending office workers reminders", ["talens2023effects"],
         "numeric"),
        ("Symptoms of digital eye strain and dry eye fell after two weeks of breaks",
         ["talens2023effects"], "numeric"),
        ("Regular breaks are also what the review and the office survey recommend",
         ["sheppard2018digital", "portello2012computer"], "numeric"),
        ("Place your screen an arm's length away", [], "advice"),
        ("Blink fully and often", [], "advice"),
        ("Get your eyes tested every two years.", [], "advice"),
        ("I asked Farida what she does herself.", [], "meta"),
        ("I set a timer on my laptop.", [], "quoted-speech"),
        ("can claim up to £150 a year", [], "meta"),
        ("See your policy documents for details.", [], "meta"),
        ("This article is for general information and is not medical advice.", [], "meta"),
    ],
    "birding-garden-feeders.md": [
        ("Twenty-two goldfinches on the nyjer feeder this morning", [], "anecdote"),
        ("I have kept a daily tally since 2014", [], "anecdote"),
        ("it made me wonder what all this feeding actually does", [], "meta"),
        ("British households put out an astonishing amount of bird food.", [], "lead-in"),
        ("called garden feeding a driver of ecological change", ["robb2008food"], "paren"),
        ("The same authors warned that feeding could change which species thrive.", ["robb2008food"],
         "follow-on"),
        ("I had never thought of my feeders as a landscape-scale experiment.", [], "meta"),
        ("compared four decades of feeder surveys with national bird counts", ["plummer2019composition"],
         "narrative"),
        ("Species that used feeders more often had grown in number", ["plummer2019composition"],
         "follow-on"),
        ("the variety of species visiting feeders roughly doubled", ["plummer2019composition"],
         "follow-on"),
        ("Goldfinches are one of their clearest winners", ["plummer2019composition"], "follow-on"),
        ("Even migration may be changing.", [], "lead-in"),
        ("Blackcaps that breed in Germany now winter in Britain", ["plummer2015supplementary"], "paren"),
        ("blackcap sightings were linked to how much food people put out nearby",
         ["plummer2015supplementary"], "follow-on"),
        ("Then there is the dark side.", [], "filler"),
        ("In 2006 I found my first greenfinch", [], "anecdote"),
        ("has since caused a rapid decline of greenfinches across Britain", ["robinson2010emerging"],
         "paren"),
        ("Chaffinches were hit as well", ["robinson2010emerging"], "follow-on"),
        ("I haven't seen a greenfinch in my garden for three years.", [], "anecdote"),
        ("This one surprised me.", [], "filler"),
        ("blue tits given fat balls through the winter laid later", ["plummer2013winter"], "paren"),
        ("Birds given fat with added vitamin E did a little better", ["plummer2013winter"], "follow-on"),
        ("The authors suggested the plain fat lacked the nutrients", ["plummer2013winter"], "follow-on"),
        ("feeders attract predators like sparrowhawks", [], "unresolved"),
        ("I see one most weeks, so I believe it.", [], "anecdote"),
        ("I clean my feeders every week", [], "advice"),
        ("I move them around the garden", [], "advice"),
        ("stopped putting out plain fat in spring", [], "advice"),
        ("I am not going to stop feeding.", [], "meta"),
        ("I just want to do it better.", [], "meta"),
        ("I had the same worry about greenfinches", [], "testimony"),
        ("disease spreads most in warm, wet weather", ["robinson2010emerging"], "study-name"),
        ("Do you put water out too?", [], "question"),
        ("My birdbath gets more visitors than the feeders.", [], "testimony"),
        ("I scrub it twice a week", [], "anecdote"),
    ],
    "bookreview-quiet.html": [
        ("on a train home from a work retreat", [], "anecdote"),
        ("I cried a little in the quiet carriage.", [], "anecdote"),
        ("So I came to this re-read expecting to love it less.", [], "meta"),
        ("The book's argument is easy to state.", [], "lead-in"),
        ("the belief that the ideal self is gregarious", ["cain2012quiet"], "paren"),
        ("a third to a half of Americans are introverts", ["cain2012quiet"], "paren"),
        ("she argues that schools and open-plan offices are designed for the other half",
         ["cain2012quiet"], "follow-on"),
        ("The word itself is older than the book, of course.", [], "lead-in"),
        ("introduced introversion and extraversion as two attitudes of the psyche",
         ["jung1971psychological"], "narrative"),
        ("He thought that everyone has both attitudes, with one dominant.", ["jung1971psychological"],
         "follow-on"),
        ("have a higher baseline level of cortical arousal", ["cain2012quiet"], "secondary"),
        ("The chapters I remembered best are about Jerome Kagan's babies.", [], "lead-in"),
        ("about a fifth of four-month-old infants reacted strongly", ["kagan1991temperamental"],
         "narrative"),
        ("grew into cautious, quiet children", ["kagan1991temperamental"], "follow-on"),
        ("That finding is the scientific heart of the book", [], "no-support"),
        ("My favourite study in the book is about leadership.", [], "lead-in"),
        ("extraverted managers' teams earned more when employees were passive",
         ["grant2011reversing"], "paren"),
        ("The same paper ran a laboratory version with T-shirt folding", ["grant2011reversing"],
         "follow-on"),
        ("I have quoted this to three bosses so far.", [], "anecdote"),
        ("The book is weaker on what introverts should do.", [], "no-support"),
        ("for the sake of projects we care about", ["cain2012quiet"], "study-name"),
        ("The idea comes from the personality psychologist Brian Little", [], "unresolved"),
        ("I could not find much evidence for it in the book itself", [], "no-support"),
        ("Later research complicates the picture.", [], "lead-in"),
        ("asked students to report their mood and behaviour several times a day",
         ["fleeson2002intraindividual"], "narrative"),
        ("People felt happier in the moments when they acted in an extraverted way",
         ["fleeson2002intraindividual"], "follow-on"),
        ("introverts asked to act extraverted in a group task felt more positive",
         ["zelenski2012would"], "paren"),
        ("Cain mentions neither study", [], "mention"),
        ("zero correlation between being the best talker and having the best ideas", ["cain2012quiet"],
         "quote"),
        ("That line is still on a sticky note above my desk.", [], "anecdote"),
        ("So: four stars, not five.", [], "meta"),
        ("It is a generous, readable book.", [], "no-support"),
        ("a little too sure of itself", [], "no-support"),
        ("I never finished it.", [], "testimony"),
        ("Did the Grant study really use pizza stores?", [], "question"),
        ("I had to check twice myself.", [], "anecdote"),
        ("I'm an introvert teacher", [], "testimony"),
    ],
    "youtube-stroop-effect.txt": [
        ("Why can't you read this colour?", [], "question"),
        ("name the INK colour of each word on screen", [], "advice"),
        ("Most people stumble on the word RED printed in blue.", [], "no-support"),
        ("In this episode I explain why", [], "meta"),
        ("noticed that people read words aloud faster than they can name colours", ["cattell1886time"],
         "paren"),
        ("He argued that reading had become automatic through long practice.", ["cattell1886time"],
         "follow-on"),
        ("Keep that idea in mind for later.", [], "filler"),
        ("takes much longer than naming the colour of a solid patch", ["stroop1935studies"], "paren"),
        ("Reading the words aloud was barely slowed", ["stroop1935studies"], "follow-on"),
        ("He also found that practice at naming colours reduced the interference", ["stroop1935studies"],
         "follow-on"),
        ("pulled together more than 700 studies", ["macleod1991half"], "paren"),
        ("concluded that no single theory explained every result", ["macleod1991half"], "follow-on"),
        ("The same review described how the effect shrinks", ["macleod1991half"], "follow-on"),
        ("I talk about the", [], "meta"),
        ("People with anxiety are slower to name the ink colour", ["williams1996emotional"], "paren"),
        ("that is a different MacLeod", [], "filler"),
        ("That review also found the slowing in depression", ["williams1996emotional"], "follow-on"),
        ("I did the emotional version myself with spider words", [], "anecdote"),
        ("to locate the conflict in the anterior cingulate cortex", [], "unresolved"),
        ("I couldn't fit it into this episode.", [], "meta"),
        ("Can you train the effect away?", [], "question"),
        ("remarkably stable within a person across repeated testing sessions", ["jensen1966stroop"],
         "paren"),
        ("In my own channel poll", [], "anecdote"),
        ("That isn't the same thing, of course.", [], "filler"),
        ("Thanks to my Patreon supporters", [], "meta"),
        ("Links to all the papers are above.", [], "meta"),
        ("Several of you asked whether bilinguals show the effect", [], "meta"),
        ("I'm making a follow-up episode on that!", [], "meta"),
        ("I'm bilingual and I swear it's worse in my second language.", [], "testimony"),
        ("I'll look into it for the follow-up.", [], "meta"),
    ],
    "vet-grapes-dogs.md": [
        ("Every December our out-of-hours team sees a spike", [], "anecdote"),
        ("Last year we treated eleven such dogs in three weeks.", [], "anecdote"),
        ("Most were fine.", [], "anecdote"),
        ("spent four days on a drip", [], "anecdote"),
        ("Why are grapes toxic to dogs?", [], "question"),
        ("For a long time nobody knew.", [], "lead-in"),
        ("43 dogs developed acute kidney failure", ["eubig2005acute"], "numeric"),
        ("Signs in those dogs usually began with vomiting within 24 hours", ["eubig2005acute"], "numeric"),
        ("the amount eaten did not reliably predict who became ill", ["eubig2005acute"], "numeric"),
        ("the kidney tissue showed injury to the tubules", ["mazzaferro2004acute"], "numeric"),
        ("Three of the four dogs in that report survived", ["mazzaferro2004acute"], "numeric"),
        ("homemade play dough made with cream of tartar", ["wegenast2022acute"], "numeric"),
        ("Cream of tartar is potassium bitartrate.", [], "no-support"),
        ("They proposed that tartaric acid", ["wegenast2022acute"], "numeric"),
        ("That would also explain why some dogs get very ill", [], "no-support"),
        ("How dangerous is it really?", [], "question"),
        ("Not every dog who eats raisins becomes ill.", [], "lead-in"),
        ("most dogs that were treated early did not develop kidney failure", ["sutton2009factors"],
         "numeric"),
        ("The dogs that were given medicine to make them vomit", ["sutton2009factors"], "numeric"),
        ("also lists macadamia nuts, onions and xylitol", ["kovalkovicova2009some"], "numeric"),
        ("even one grape can be enough", [], "unresolved"),
        ("Our own experience is similar.", [], "anecdote"),
        ("the nine we saw within two hours were made to vomit", [], "anecdote"),
        ("call us straight away, even if they seem well", [], "advice"),
        ("Do not try to make your dog sick at home with salt water.", [], "advice"),
        ("It can be dangerous.", [], "no-support"),
        ("Bring the packaging", [], "advice"),
        ("Please don't wait for symptoms.", [], "advice"),
        ("the kidneys may already be affected", [], "no-support"),
        ("Our 24-hour line is", [], "meta"),
        ("My Labrador ate half a fruit loaf last Christmas", [], "testimony"),
        ("we can't predict which dogs will react", [], "no-support"),
        ("Does this apply to cats too?", [], "question"),
        ("Cats rarely eat grapes", [], "no-support"),
    ],
    "winemerchant-j-curve.html": [
        ("Customers ask me this all the time", [], "anecdote"),
        ("I sell wine for a living, so you might expect me to say yes.", [], "meta"),
        ("I'm going to try to be straight with you instead.", [], "meta"),
        ("For decades, studies found that people who drank a little had lower death rates", [], "lead-in"),
        ("Plotted on a graph, it looked like a J.", [], "lead-in"),
        ("many of the non-drinkers were former drinkers", ["shaper1988alcohol"], "footnote"),
        ("The authors called these men", ["shaper1988alcohol"], "follow-on"),
        ("Few people in the wine trade paid any attention.", [], "no-support"),
        ("The other popular story was the", [], "lead-in"),
        ("through its effect on blood platelets, was part of the reason", ["renaud1992wine"], "footnote"),
        ("They argued that alcohol made platelets less sticky.", ["renaud1992wine"], "follow-on"),
        ("we had that paper framed in the shop for years", [], "anecdote"),
        ("re-analysed 87 studies and corrected for the", ["stockwell2016do"], "footnote"),
        ("moderate drinkers no longer had a lower risk of death than occasional drinkers",
         ["stockwell2016do"], "follow-on"),
        ("The few high-quality studies in their analysis showed no protective effect",
         ["stockwell2016do"], "follow-on"),
        ("the risk of death started rising above about 100 g of alcohol a week", ["wood2018risk"],
         "footnote"),
        ("That's roughly five 175 ml glasses of 13% wine", [], "no-support"),
        ("higher drinking was still linked to a lower risk of non-fatal heart attack", ["wood2018risk"],
         "follow-on"),
        ("the level of drinking that minimised overall health loss was zero", ["gbd2018alcohol"],
         "footnote"),
        ("the protective effect for heart disease was outweighed by the risks of cancer",
         ["gbd2018alcohol"], "follow-on"),
        ("Some researchers have questioned the methods behind that figure", [], "unresolved"),
        ("Perhaps the cleverest study used genes.", [], "lead-in"),
        ("Many people in East Asia carry variants that make alcohol unpleasant", [], "lead-in"),
        ("people with these variants drank less and had fewer strokes", ["millwood2019conventional"],
         "footnote"),
        ("That is hard to explain away.", [], "no-support"),
        ("So what do I tell customers?", [], "question"),
        ("drink wine because you enjoy it, not because it is medicine", [], "advice"),
        ("My own rule is no more than two evenings a week", [], "anecdote"),
        ("The UK guidance for adults is no more than 14 units a week", [], "no-support"),
        ("ask at the counter, because we now stock twelve", [], "advice"),
        ("Cheers, and see you in the shop.", [], "meta"),
        ("We do not sell alcohol to anyone under 18.", [], "meta"),
    ],
    "agency-bouba-kiki.md": [
        ("We were pitching names to a sparkling water start-up last month", [], "anecdote"),
        ("The answer is a ninety-year-old experiment with two made-up shapes.", [], "lead-in"),
        ("Most people matched", ["kohler1947gestalt"], "paren"),
        ("He took this as evidence that sounds and shapes are linked in perception",
         ["kohler1947gestalt"], "follow-on"),
        ("used the example in his book on Gestalt psychology", [], "mention"),
        ("repeated the test with the words", ["ramachandran2001synaesthesia"], "narrative"),
        ("About 95% of the people they asked called the rounded shape", ["ramachandran2001synaesthesia"],
         "follow-on"),
        ("The authors suggested the effect might tell us something about how language first evolved.",
         ["ramachandran2001synaesthesia"], "follow-on"),
        ("That's a bold claim, and I'm not qualified to judge it.", [], "meta"),
        ("Is it learned?", [], "question"),
        ("Apparently not only.", [], "filler"),
        ("found the same preference in toddlers", ["maurer2006shape"], "narrative"),
        ("so spelling cannot explain the effect", ["maurer2006shape"], "follow-on"),
        ("Does it work everywhere?", [], "question"),
        ("tested speakers of 25 languages from nine language families", ["cwiek2022bouba"], "paren"),
        ("The bouba/kiki effect appeared in most of them", ["cwiek2022bouba"], "follow-on"),
        ("It was weaker in a few languages, such as Romanian and Turkish", ["cwiek2022bouba"], "follow-on"),
        ("the effect depends heavily on the exact shapes used", [], "unresolved"),
        ("This is where it gets useful for us.", [], "filler"),
        ("were judged to suit smaller, lighter, faster products", ["klink2000creating"], "paren"),
        ("Consumers in that experiment also judged names with front vowels as more feminine.",
         ["klink2000creating"], "follow-on"),
        ("suggests lightness and sparkle", [], "no-support"),
        ("we ended up with a short name full of front vowels", [], "anecdote"),
        ("I can't tell you what it is until they launch.", [], "meta"),
        ("We use the Double Diamond", ["designcouncilnddouble"], "paren"),
        ("Sound symbolism is one test among many", [], "anecdote"),
        ("We also check trademarks, domain names", [], "anecdote"),
        ("That last one has saved at least two clients from embarrassment.", [], "anecdote"),
        ("Want to talk naming?", [], "question"),
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
