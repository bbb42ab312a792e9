"""Write expected.json of the thirteenth blind held-out set from the labels below.

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
POSITIVE_KINDS = {"paren", "narrative", "numeric", "footnote", "follow-on", "quote", "study-name"}
NEGATIVE_KINDS = {"anecdote", "testimony", "no-support", "filler", "lead-in", "meta", "question",
                  "advice", "quoted-speech", "unresolved", "pull-quote"}

ABOUT = (
    "Thirteenth blind held-out set (eval-blind-13): 15 texts (5 .md, 5 .txt, 5 .html), one shared "
    "references.bib and labels written by hand on 2026-12-04 by an annotator (the 'blind13' engineer) who "
    "did not read the extractor (ingest/citations/, ingest/detectors/, ingest/reflist*, ingest/pipeline*, "
    "ingest/support/, nor anything under ingest/ beyond ingest/evaluate.py lines 1-150) nor docs/eval/, "
    "and never ran ClaimGraph or ingest.evaluate on these files; the labels were written before any "
    "extractor output existed. Kinds of page: a Substack essay with Markdown footnotes ([^1]) and "
    "comments, a parenting forum thread with a poster's Sources list and others' Source lines, a Wikipedia "
    "talk page with signed, indented comments, an ENT clinic FAQ with Vancouver numbers in brackets, "
    "podcast show notes with time stamps and hyperlinked names, a think-tank briefing with numbered "
    "sections, a teacher's lesson-plan page, a student's essay in Harvard style with pages ('Wilson and "
    "Kelling 1982: 31') and a reprint year (Durkheim 1897/1951), a Stack Exchange answer with comments and "
    "a second answer, a university press release with an in-press study and notes to editors, a fact-check "
    "article with a verdict, a GitHub README citing the papers behind its formulas, a conference poster "
    "abstract with superscript numbers (a range '1-3' and a pair '2,4', and superscript affiliation marks "
    "that are not citations), a news explainer with a Further reading box, and a pharmacy blog with "
    "comments. Topics (none used by an earlier set): Baumol's cost disease, infant sleep training, "
    "Dunbar's number, glue ear, bird magnetoreception, basic income pilots, the Mpemba effect, broken "
    "windows, the full moon, bumblebee play, cold weather and colds, readability formulas, virtual reality "
    "for burn pain, space debris, cranberry and urinary tract infections. Conventions (those of "
    "eval-blind-6 to -12): a citation supports the sentence it stands in, every work in it ('(Jeng, 2006; "
    "Burridge & Linden, 2016)', the poster's range and pair); a follow-on sentence that refers back to the "
    "cited work ('In his model...', 'Those industries also...', 'The trial also found...', 'Mothers in "
    "that trial...', 'Babies in both active groups...', 'The authors themselves called it a pilot.', 'That "
    "paper predicted...', 'Their 95% confidence intervals...', 'In that study the saturation...', "
    "'Children in that trial...', 'Parents in that study...', 'The same guideline/guidance...', "
    "'Recipients in the same evaluation...', 'The fall was largest...', 'In that paper they also...', 'The "
    "Bronx car...', 'In another of their experiments...', 'The volunteers in that study...', 'The London "
    "team also...', 'In that study, each 1 C fall...', 'The same report...', 'Their model predicted...', "
    "'That review also...') carries its source; a work named later without its year ('Nordhaus found...' "
    "in a reply, 'The five-year follow-up also found...', 'the emergency-room studies in it', 'in the 2023 "
    "Cochrane review') refers to the work the page cites. A lead-in or topic sentence without its own "
    "citation takes nothing from the sentence after it (including 'A team in Oldenburg noticed that their "
    "robins could not orient in wooden huts...' before the Engels et al. citation, the press release's "
    "opening paragraph, and 'Finland paid 2,000 unemployed people...' before the Kangas et al. citation). "
    "A quotation followed by '(Wilson and Kelling 1982: 31)' is a claim supported by that source. "
    "Vancouver numbers '[1]'...'[5]' and superscripts resolve through the page's numbered list; Markdown "
    "footnotes through the page's footnote definitions; hyperlinked names with or without a year ('[Xu and "
    "colleagues](doi)', 'Foxman and colleagues') through the link's DOI and the page's list; narrative "
    "citations with the year in the sentence ('showed in 1972 that...') are citations. Same authors and "
    "year: '(Dale & Chall, 1948a)' and '(Dale & Chall, 1948b)' (the letters and the list decide); two "
    "Hoffman et al. 2000 papers on the poster (its numbers decide); Kangas et al. 2019 and 2021 (same four "
    "authors). Group authors: The Lullaby Trust (n.d.), NICE 2008 and 2018, OECD 2017, NHS (n.d.), ESA "
    "Space Debris Office 2023. Non-ASCII names: Gonçalves, Ylikännö, Mäkinen, Gutiérrez-García, Émile "
    "Durkheim. First-person evidence (including the poster's own service evaluation), posters' and "
    "commenters' own lives, people quoted speaking, advice, learning objectives, bylines, dates, "
    "questions, greetings, sign-offs, meta lines, unsupported claims, filler and a pull quote link to "
    "nothing. Time stamps ('(00:12:30)'), signatures with dates, section numbers, affiliation "
    "superscripts, statistics in brackets ('[about 7 in 100 more children]', '[29% vs 9%]', '[median 5 vs "
    "7; p < 0.001]', '[39 episodes vs 67]'), years that are not citations ('since 1998', 'Since 2023', 'In "
    "1978 two NASA scientists', 'in 2025') and the page lists themselves are not citations. Citations "
    "missing from the .bib and from the page's own list link to nothing: Triplett and Bosworth 2003, "
    "Blunden et al. 2011, McCarty et al. 2001, the clinic's [6] (its list has five), Treiber et al. 2012, "
    "Martinelli 2017, Brownridge 2011, Harcourt 2001, Chapman 1967, Perry, Baciadonna and Chittka 2016, "
    "Douglas, Lindgren & Couch 1968, Chall & Dale 1995, the poster's superscript 6 (its list has five), "
    "Liou 2011, Hayward et al. 2024. Never cited (distractors, one per page): Baumol & Bowen 1965, Hiscock "
    "et al. 2007, Dunbar 1998, Williamson et al. 2009, Wiltschko & Wiltschko 1995, Haushofer & Shapiro "
    "2018, Kell 1969, Keizer et al. 2013, Kelly, Rotton & Culver 1986, Chittka 2017, Eccles 2002, Flesch "
    "1949, Hoffman et al. 2004, Kessler 1991, Jepson & Craig 2007. Invented on purpose: the press "
    "release's in-press study Okafor, Lindqvist & Brand (in the bib with a note). Regenerate with `python "
    "make_expected.py`."
)

RAW: dict[str, list[tuple[str, list[str], str]]] = {
    "substack-baumol-cost-disease.md": [
        ("welcome to the forty new subscribers", [], "meta"),
        ("has cut hair in the same chair since 1998", [], "anecdote"),
        ("his price went from £6 to £22, and he is not getting rich", [], "anecdote"),
        ("This week I want to explain why, using an idea that is almost sixty years old.", [], "lead-in"),
        ("The idea began with a study of theatres and orchestras.", [], "lead-in"),
        ("noticed that a string quartet needs four players and roughly forty minutes",
         ["baumol1966performing"],
         "footnote"),
        ("productivity in live performance had hardly grown at all", ["baumol1966performing"], "follow-on"),
        ("Yet musicians' wages rose along with everyone else's", ["baumol1966performing"], "follow-on"),
        ("turned this into a general model of an economy with a", ["baumol1967macroeconomics"], "footnote"),
        ("the stagnant sector's relative costs rise without limit",
         ["baumol1967macroeconomics"], "follow-on"),
        ("That is the cost disease.", [], "filler"),
        ("It is high because everyone else got faster.", [], "pull-quote"),
        ("That line is mine, not Baumol's, but I think he would sign it.", [], "meta"),
        ("Here it gets interesting.", [], "filler"),
        ("tested the theory on US industry data from 1948 to 2001", ["nordhaus2008baumol"], "footnote"),
        ("found that industries with slower productivity growth did see faster rises", ["nordhaus2008baumol"],
         "follow-on"),
        ("Those industries also lost share of real output", ["nordhaus2008baumol"], "follow-on"),
        ("came back to the subject in a book written for general readers", ["baumol2012cost"], "footnote"),
        ("rising costs of health care and education are not a sign of waste",
         ["baumol2012cost"], "follow-on"),
        ("He also warned that the stagnant sectors would keep absorbing", ["baumol2012cost"], "follow-on"),
        ("asked why American education and health care cost so much more than in 1950",
         ["helland2019cost"], "footnote"),
        ("they found no sign that teachers' or doctors' real pay", ["helland2019cost"], "follow-on"),
        ("The rise in relative prices was concentrated in services", ["helland2019cost"], "follow-on"),
        ("Not everyone agrees on the scale.", [], "lead-in"),
        ("measured productivity in services is understated", [], "unresolved"),
        ("I find this persuasive for medicine and less so for haircuts.", [], "anecdote"),
        ("I am not telling you to stop paying for haircuts.", [], "advice"),
        ("a service getting dearer is not by itself proof", [], "no-support"),
        ("Governments that try to hold down the price of care homes", [], "no-support"),
        ("why the price of a flat-screen television is the mirror image", [], "meta"),
        ("hit reply and tell me which price puzzles you most", [], "meta"),
        ("I run a small dance school and our fees have doubled since 2010", [], "testimony"),
        ("That is the cost disease in one sentence.", [], "filler"),
        ("paper also say the disease slows overall growth?", [], "question"),
        ("aggregate productivity growth falls as stagnant industries take a larger share",
         ["nordhaus2008baumol"], "study-name"),
        ("Tunde should put his prices up.", [], "no-support"),
    ],
    "forum-sleep-training.txt": [
        ("DS is 9 months and wakes every 90 minutes.", [], "testimony"),
        ("I am back at work in three weeks and I honestly cannot function.", [], "testimony"),
        ("Has anyone actually looked at the research?", [], "question"),
        ("I have read so many blog posts that contradict each other.", [], "testimony"),
        ("Sending you strength, the 9 month regression is brutal.", [], "meta"),
        ("I'm a health visitor in real life", [], "testimony"),
        ("followed children for five years after their parents were taught controlled comforting",
         ["price2012five"], "paren"),
        ("At age six there were no differences between the groups", ["price2012five"], "follow-on"),
        ("The trial also found no difference in maternal depression by then.",
         ["price2012five"], "follow-on"),
        ("The earlier results from the same group matter too.", [], "lead-in"),
        ("mothers of babies with sleep problems who were taught these techniques", ["hiscock2002randomised"],
         "paren"),
        ("Mothers in that trial who started out depressed improved the most.", ["hiscock2002randomised"],
         "follow-on"),
        ("compared graduated extinction and bedtime fading with a control group", ["gradisar2016behavioral"],
         "paren"),
        ("Babies in both active groups fell asleep faster", ["gradisar2016behavioral"], "follow-on"),
        ("Cortisol levels in the morning were not higher in the sleep-training babies",
         ["gradisar2016behavioral"], "follow-on"),
        ("concluded that behavioural treatments reliably improve bedtime problems", ["mindell2006behavioral"],
         "paren"),
        ("None of the studies in that review found harmful side effects", ["mindell2006behavioral"],
         "follow-on"),
        ("But what about the cortisol study?", [], "question"),
        ("The one where the babies stopped crying but were still stressed.", [], "no-support"),
        ("That's the one everyone on Instagram shares.", [], "no-support"),
        ("That one is real but tiny.", [], "lead-in"),
        ("It measured 25 babies in a residential sleep programme", ["middlemiss2012asynchrony"], "paren"),
        ("The authors themselves called it a pilot.", ["middlemiss2012asynchrony"], "follow-on"),
        ("It had no control group, so we can't say the levels were higher", ["middlemiss2012asynchrony"],
         "follow-on"),
        ("We did controlled crying with both twins at 10 months.", [], "testimony"),
        ("They are 7 now and the most cuddly children you will ever meet.", [], "testimony"),
        ("Do whatever keeps you sane, honestly.", [], "advice"),
        ("In my day nobody asked a study.", [], "testimony"),
        ("baby on their back, in their own cot, in your room for the first six months",
         ["lullabytrustndsafer"], "paren"),
        ("bed-sharing should be avoided after drinking or smoking", [], "unresolved"),
        ("Not sure about that one, I can't find it again.", [], "meta"),
        ("that Price paper is exactly what I needed", [], "meta"),
        ("We're going to try camping out from Saturday.", [], "testimony"),
        ("The five-year follow-up also found that sleep-trained children were no more likely",
         ["price2012five"], "study-name"),
    ],
    "wikitalk-dunbars-number.txt": [
        ("This is not a forum for general discussion of the article's subject.", [], "meta"),
        ("humans can only maintain 150 stable relationships", [], "no-support"),
        ("I think that overstates the literature.", [], "no-support"),
        ("Proposing we soften it.", [], "meta"),
        ("who regressed group size on neocortex ratio across 38 primate genera", ["dunbar1992neocortex"],
         "narrative"),
        ("That paper predicted a group size for humans from our neocortex ratio",
         ["dunbar1992neocortex"], "follow-on"),
        ("he estimated the human group size at 147.8", ["dunbar1993coevolution"], "narrative"),
        ("is a prediction from a primate regression, not a measurement of human brains", [], "no-support"),
        ("Agree with Marek on the history.", [], "meta"),
        ("But it is not only a primate extrapolation.", [], "lead-in"),
        ("asked people to list everyone they sent Christmas cards to", ["hill2003social"], "narrative"),
        ("That is at least a human measurement, even if a crude one.", [], "no-support"),
        ("Christmas cards are a very British way to measure a cognitive limit.", [], "filler"),
        ("I sent six last year.", [], "anecdote"),
        ("Please keep it on-topic.", [], "meta"),
        ("We should add the 2021 re-analysis.", [], "meta"),
        ("repeated the comparative analysis with modern phylogenetic methods", ["lindenfors2021dunbar"],
         "narrative"),
        ("confidence intervals for the human group size ran from about 2 to 520", ["lindenfors2021dunbar"],
         "follow-on"),
        ("The authors concluded that a cognitive limit of 150 cannot be derived", ["lindenfors2021dunbar"],
         "follow-on"),
        ("argued that the neocortex ratio is a poor proxy", ["deruiter2011dunbar"], "narrative"),
        ("They also questioned whether human group sizes cluster around 150 at all.", ["deruiter2011dunbar"],
         "follow-on"),
        ("please don't give the 2021 paper undue weight", [], "advice"),
        ("One re-analysis does not overturn thirty years of work.", [], "no-support"),
        ("found a similar average network size using a different method", [], "unresolved"),
        ("That one isn't in the references list yet", [], "meta"),
        ("Will do when I find my copy.", [], "meta"),
        ("Someone keeps adding the Twitter paper", [], "meta"),
        ("analysed conversations of 1.7 million Twitter users", ["goncalves2011modeling"], "narrative"),
        ("In that study the saturation appeared over about six months of activity.",
         ["goncalves2011modeling"], "follow-on"),
        ("it measures online interaction, not friendship", [], "no-support"),
        ("My own experience of Twitter is that I could not keep up with 20 people", [], "anecdote"),
        ("Personal experience is not a source.", [], "meta"),
        ("Any objections?", [], "question"),
        ("The number itself is disputed.", [], "no-support"),
    ],
    "clinic-glue-ear.html": [
        ("Written by the clinic's audiology team.", [], "meta"),
        ("is a build-up of sticky fluid behind the eardrum", [], "no-support"),
        ("most children have at least one episode before they start school", [], "no-support"),
        ("It usually causes a mild to moderate hearing loss rather than pain.", [], "no-support"),
        ("Will it go away on its own?", [], "question"),
        ("notes that the fluid clears within three months in most cases",
         ["rosenfeld2016clinical"], "numeric"),
        ("advises a hearing test if the fluid persists beyond three months", ["rosenfeld2016clinical"],
         "follow-on"),
        ("In our clinic we see roughly 400 children a year with glue ear", [], "anecdote"),
        ("Antibiotics, antihistamines and decongestants are not recommended for glue ear.", [], "no-support"),
        ("Steroid tablets have also been tested.", [], "lead-in"),
        ("gave children a week of oral prednisolone or a placebo", ["francis2018oral"], "numeric"),
        ("Children in that trial who took steroids were slightly more likely", ["francis2018oral"],
         "follow-on"),
        ("We therefore do not prescribe steroids for glue ear.", [], "no-support"),
        ("Autoinflation means blowing up a special balloon through the nose", [], "no-support"),
        ("who used the balloon three times a day were more likely to have clear ears",
         ["williamson2015effect"], "numeric"),
        ("Parents in that study also reported fewer ear-related symptoms.", ["williamson2015effect"],
         "follow-on"),
        ("Children under four often find the balloon hard to use.", [], "no-support"),
        ("Grommets are tiny tubes put into the eardrum", [], "no-support"),
        ("they should be considered for children with persistent bilateral glue ear", ["nice2008surgical"],
         "numeric"),
        ("A hearing aid is an alternative to surgery that the same guidance says", ["nice2008surgical"],
         "follow-on"),
        ("grommets improved hearing in the first six months", ["browning2010grommets"], "numeric"),
        ("no clear effect of grommets on language or speech development", ["browning2010grommets"],
         "numeric"),
        ("Grommets usually fall out on their own after six to twelve months.", [], "no-support"),
        ("Ear discharge is the most common problem.", [], "no-support"),
        ("was seen in about a third of treated ears in the trials pooled", ["browning2010grommets"],
         "numeric"),
        ("A small hole left in the eardrum after the grommet falls out is less common", [], "unresolved"),
        ("Face your child when you talk", [], "advice"),
        ("Turn off background noise such as the television.", [], "advice"),
        ("she asked why the birds were so loud", [], "testimony"),
        ("Most children with grommets can swim without ear plugs.", [], "no-support"),
        ("Ask us if your child gets discharge after swimming.", [], "advice"),
    ],
    "podcast-bird-magnetoreception.md": [
        ("Ollie finally gets his wish", [], "meta"),
        ("has spent ten winters catching robins on a Norwegian island", [], "meta"),
        ("This episode is supported by our listeners on Patreon.", [], "meta"),
        ("Priya admits she thought birds navigated by the sun alone.", [], "meta"),
        ("They do use the sun and the stars, but that is not the whole story.", [], "no-support"),
        ("The first clear evidence came from caged European robins.", [], "lead-in"),
        ("robins in a funnel cage oriented by the inclination of the magnetic field lines",
         ["wiltschko1972magnetic"], "narrative"),
        ("the birds' compass tells", ["wiltschko1972magnetic"], "follow-on"),
        ("the experiment every student in my field can draw from memory", [], "quoted-speech"),
        ("How could a bird possibly feel a field this weak?", [], "question"),
        ("proposed that light creates pairs of radicals in a molecule in the eye", ["ritz2000model"],
         "narrative"),
        ("They suggested the molecule might be a cryptochrome.", ["ritz2000model"], "follow-on"),
        ("is still the most popular one", [], "no-support"),
        ("explains the physics of the radical-pair mechanism for non-specialists", ["hore2016radical"],
         "narrative"),
        ("Ollie read it twice and still needed the episode.", [], "filler"),
        ("The best evidence so far that cryptochrome is the sensor.", [], "lead-in"),
        ("found that cryptochrome 4 from the European robin was more magnetically sensitive",
         ["xu2021magnetic"], "narrative"),
        ("Solveig was careful here: a test tube is not a bird.", [], "quoted-speech"),
        ("The surprise of the episode.", [], "meta"),
        ("noticed that their robins could not orient in wooden huts", [], "lead-in"),
        ("showed that shielding the huts with grounded aluminium screens restored orientation",
         ["engels2014anthropogenic"], "narrative"),
        ("The disturbing noise was broadband electromagnetic noise from electronic equipment",
         ["engels2014anthropogenic"], "follow-on"),
        ("Ollie asks whether this means city robins are lost", [], "quoted-speech"),
        ("Do birds also use a magnetic", [], "question"),
        ("a second sense in the beak was the wrong lead", [], "quoted-speech"),
        ("the iron-rich cells in pigeon beaks that turned out to be immune cells", [], "unresolved"),
        ("can birds get lost during solar storms?", [], "question"),
        ("but I would not bet my grant on it", [], "quoted-speech"),
        ("argues that birds combine a magnetic compass with at least one other magnetic sense",
         ["mouritsen2018long"], "narrative"),
        ("That review also points out that we still do not know where in the brain", ["mouritsen2018long"],
         "follow-on"),
        ("book recommendation and where to find her", [], "meta"),
        ("Transcript available on our website within a week.", [], "meta"),
    ],
    "thinktank-basic-income.html": [
        ("Unconditional cash has been tested in Finland, Canada, Kenya and the United States.", [],
         "lead-in"),
        ("Effects on employment have been small in every pilot", [], "no-support"),
        ("Effects on wellbeing and health have been consistently positive.", [], "no-support"),
        ("No pilot has tested a universal, permanent, national scheme", [], "no-support"),
        ("Three parties now mention a basic income in their manifestos.", [], "no-support"),
        ("Supporters and opponents both quote the pilots, often selectively.", [], "no-support"),
        ("This briefing sets out what each study measured and found.", [], "meta"),
        ("Finland paid 2,000 unemployed people €560 a month for two years", [], "lead-in"),
        ("employment in the first year was no different from the control group", ["kangas2019basic"],
         "paren"),
        ("Recipients in the same evaluation reported less stress", ["kangas2019basic"], "follow-on"),
        ("found a small rise in days worked in the second year", ["kangas2021experimenting"], "paren"),
        ("experiment guaranteed an income to every family in one small town", [], "lead-in"),
        ("linked the town's health records and found that hospital admissions fell", ["forget2011town"],
         "paren"),
        ("The fall was largest for accidents and injuries and for mental health.", ["forget2011town"],
         "follow-on"),
        ("Only two groups worked noticeably less", ["forget2011town"], "follow-on"),
        ("made large one-off and monthly transfers to poor households in rural Kenya", [], "lead-in"),
        ("found large increases in assets, food security and psychological wellbeing",
         ["haushofer2016short"], "narrative"),
        ("Households in that evaluation did not spend more on alcohol or tobacco.", ["haushofer2016short"],
         "follow-on"),
        ("We note that these were transfers to very poor households", [], "no-support"),
        ("1,000 low-income adults in Illinois and Texas received $1,000 a month", ["vivalt2024employment"],
         "paren"),
        ("Recipients worked about 1.3 hours a week less than the control group", ["vivalt2024employment"],
         "follow-on"),
        ("The authors found no clear improvement in the quality of the jobs", ["vivalt2024employment"],
         "follow-on"),
        ("is the closest thing to a permanent universal payment", [], "no-support"),
        ("found that it did not reduce employment overall", ["jones2022labor"], "narrative"),
        ("Cost is where the debate usually ends.", [], "lead-in"),
        ("a budget-neutral basic income would be set well below the poverty line", ["oecd2017basic"],
         "paren"),
        ("would need large tax rises", [], "unresolved"),
        ("We think the evidence supports further pilots aimed at specific groups", [], "no-support"),
        ("It does not yet support a national scheme.", [], "no-support"),
        ("most employers we spoke to were more worried about administration", [], "anecdote"),
        ("is an independent charity", [], "meta"),
    ],
    "lessonplan-mpemba-effect.html": [
        ("Plan a fair test and identify control variables.", [], "advice"),
        ("Evaluate a famous but contested scientific claim.", [], "advice"),
        ("The claim that hot water can freeze before cold water is older than modern science.", [],
         "no-support"),
        ("a Tanzanian schoolboy who noticed that his hot ice-cream mix froze first", [], "lead-in"),
        ("beakers of water starting near 100 °C sometimes froze earlier", ["mpemba1969cool"], "paren"),
        ("In that paper they also suggested that the hot water lost more of its mass",
         ["mpemba1969cool"], "follow-on"),
        ("Whether the effect is real is still debated.", [], "lead-in"),
        ("Several explanations have been proposed, including evaporation", [], "no-support"),
        ("results depended strongly on the container, the freezer", ["jeng2006mpemba"], "paren"),
        ("reported that hot water tended to supercool less than cold water", ["auerbach1995supercooling"],
         "narrative"),
        ("The students usually love that one.", [], "anecdote"),
        ("More recent work is sceptical.", [], "lead-in"),
        ("hot water did not reach 0 °C before cold water", ["burridge2016questioning"], "paren"),
        ("The authors concluded that earlier positive results could be explained",
         ["burridge2016questioning"], "follow-on"),
        ("Many careful reviewers now regard the effect in water as unproven",
         ["jeng2006mpemba", "burridge2016questioning"], "paren"),
        ("There is a twist that top sets enjoy.", [], "lead-in"),
        ("a hotter starting state cooled faster than a colder one", ["kumar2020exponentially"], "paren"),
        ("effect exists in physics, even if it is not clear that your freezer shows it",
         ["kumar2020exponentially"], "follow-on"),
        ("is also worth reading if you have time", [], "unresolved"),
        ("about one group in five gets the hot beaker to freeze first", [], "anecdote"),
        ("I have run this lesson for eleven years.", [], "anecdote"),
        ("Show a photo of two ice-cube trays", [], "advice"),
        ("Why did his teacher laugh at him?", [], "question"),
        ("Most groups will find cold water freezes first", [], "anecdote"),
        ("why do different groups get different answers?", [], "question"),
        ("Use kettles, not Bunsen burners, for the hot water.", [], "advice"),
        ("Lower sets can use a results table I provide.", [], "advice"),
        ("Free to use in schools under CC BY-NC 4.0.", [], "meta"),
    ],
    "essay-broken-windows.txt": [
        ("Word count: 1,180 (excluding references)", [], "meta"),
        ("Critically assess the broken windows thesis.", [], "question"),
        ("In March 1982 an article in a popular magazine changed policing in America.", [], "lead-in"),
        ("a broken window left unrepaired signals that nobody cares", ["wilson1982broken"], "paren"),
        ("all the rest of the windows will soon be broken", ["wilson1982broken"], "quote"),
        ("This essay argues that the evidence for the thesis is mixed", [], "meta"),
        ("Wilson and Kelling drew on an earlier field experiment.", [], "lead-in"),
        ("left one car with its bonnet up in the Bronx and another in Palo Alto", ["zimbardo1969human"],
         "narrative"),
        ("The Bronx car was stripped within a day", ["zimbardo1969human"], "follow-on"),
        ("This is often retold as proof of the thesis", [], "no-support"),
        ("The idea also echoes a much older sociological theme.", [], "lead-in"),
        ("described anomie as a state in which social norms lose their hold", ["durkheim1951suicide"],
         "narrative"),
        ("visible disorder is a sign that the norms of a neighbourhood are weakening", [], "no-support"),
        ("The strongest support comes from a series of field experiments in Groningen.", [], "lead-in"),
        ("found that when an alley was covered in graffiti", ["keizer2008spreading"], "narrative"),
        ("In another of their experiments, more passers-by stole an envelope", ["keizer2008spreading"],
         "follow-on"),
        ("cross-norm inhibition effect", ["keizer2008spreading"], "follow-on"),
        ("These results suggest that disorder can spread, at least for minor offences.", [], "no-support"),
        ("Whether policing disorder reduces serious crime is a separate question.", [], "lead-in"),
        ("re-analysed the New York data and concluded that the fall in crime", ["harcourt2006broken"],
         "narrative"),
        ("They also found no effect in a five-city housing experiment.", ["harcourt2006broken"],
         "follow-on"),
        ("found that disorder policing produced a modest but significant reduction", ["braga2015can"],
         "paren"),
        ("that meta-analysis found that community and problem-solving approaches worked",
         ["braga2015can"], "follow-on"),
        ("gave police licence to target poor and minority neighbourhoods", [], "unresolved"),
        ("I personally think this is the most serious objection.", [], "no-support"),
        ("When I volunteered at a youth club in Salford", [], "anecdote"),
        ("captures something real: people do take cues from their surroundings", [], "no-support"),
        ("the leap from graffiti to homicide is not supported by the evidence", [], "no-support"),
        ("Future research should separate the effects of fixing disorder", [], "advice"),
    ],
    "qa-full-moon.md": [
        ("Every nurse I know swears that A&E is chaos on full-moon nights.", [], "testimony"),
        ("My sister works nights in Leeds and says the same.", [], "testimony"),
        ("on behaviour or hospital admissions?", [], "question"),
        ("for admissions and violence, no", [], "lead-in"),
        ("covering psychiatric admissions, homicides, crisis calls and more", ["rotton1985much"], "paren"),
        ("It found that the phase of the moon accounted for almost none of the variation",
         ["rotton1985much"], "follow-on"),
        ("several of the positive studies had made basic statistical errors",
         ["rotton1985much"], "follow-on"),
        ("A study of suicides in Spain over several years also found no link",
         ["gutierrezgarcia1997suicides"],
         "paren"),
        ("Why do nurses believe it, then?", [], "question"),
        ("Probably because a busy full-moon night is memorable and a quiet one is not.", [], "no-support"),
        ("it fits what we know about illusory correlations", [], "unresolved"),
        ("This is where it gets interesting.", [], "filler"),
        ("volunteers with no view of the sky slept about 20 minutes less", ["cajochen2013evidence"],
         "paren"),
        ("The volunteers in that study also reported sleeping worse.", ["cajochen2013evidence"],
         "follow-on"),
        ("But be careful.", [], "filler"),
        ("A later analysis of a much larger set of sleep recordings found no such effect",
         ["cordi2014lunar"], "paren"),
        ("people went to bed later and slept less in the three to five nights before the full moon",
         ["casiraghi2021moonstruck"], "paren"),
        ("The effect in that study was strongest in communities without electricity",
         ["casiraghi2021moonstruck"], "follow-on"),
        ("So a small effect on sleep is plausible, but it tells you nothing about A&E.", [], "no-support"),
        ("Thanks, this is great.", [], "meta"),
        ("meta-analysis include emergency department visits specifically?", [], "question"),
        ("Not as a separate category, as far as I remember.", [], "meta"),
        ("and the emergency-room studies in it also showed no reliable effect", ["rotton1985much"],
         "study-name"),
        ("I'm an A&E nurse.", [], "testimony"),
        ("I still think it's busier.", [], "testimony"),
        ("That's literally the illusory correlation the answer describes.", [], "no-support"),
        ("Comments are not for extended discussion", [], "meta"),
        ("I looked at our own department's figures for 2019", [], "anecdote"),
        ("Full-moon nights averaged 211 attendances and other nights 214.", [], "anecdote"),
        ("Not peer reviewed, obviously.", [], "meta"),
    ],
    "press-bumblebee-play.txt": [
        ("Embargoed until 00:01 GMT", [], "meta"),
        ("Young bumblebees roll small balls far more often than older bees", [], "lead-in"),
        ("tracked 180 bees from 12 colonies over their first three weeks of adult life", ["okaforinpressage"],
         "paren"),
        ("Bees aged three to five days rolled balls almost three times as often", ["okaforinpressage"],
         "follow-on"),
        ("Males in the study rolled balls for longer than workers did.", ["okaforinpressage"], "follow-on"),
        ("We were honestly surprised by how consistent it was", [], "quoted-speech"),
        ("Every colony showed the same pattern.", [], "quoted-speech"),
        ("first showed that bumblebees roll balls repeatedly without any food reward",
         ["galpayagedona2022bumble"], "paren"),
        ("bees chose to visit a chamber with balls over an empty one", ["galpayagedona2022bumble"],
         "follow-on"),
        ("The London team also found that younger bees rolled more", ["galpayagedona2022bumble"],
         "follow-on"),
        ("Bumblebees are known for surprising mental abilities.", [], "lead-in"),
        ("they could learn to pull a string to get a reward", ["alem2016associative"], "paren"),
        ("bees learned to move a ball to a goal after watching a demonstrator", ["loukola2017bumblebees"],
         "paren"),
        ("Bees in that study chose the ball nearest the goal", ["loukola2017bumblebees"], "follow-on"),
        ("recognise by sight an object they have only touched in the dark", ["solvi2020bumble"], "paren"),
        ("said the results raise questions about animal welfare", [], "quoted-speech"),
        ("we may need to think about how we treat them in farming", [], "quoted-speech"),
        ("has argued in a popular book that bees have a rich inner life", ["chittka2022mind"], "paren"),
        ("Not all researchers agree on what such findings mean", [], "unresolved"),
        ("Bumblebees pollinate many food crops, including tomatoes and strawberries.", [], "no-support"),
        ("The Wessex team is now testing whether play behaviour is affected by pesticides.",
         [], "no-support"),
        ("Images and video of ball-rolling bees are available on request.", [], "meta"),
        ("The research was funded by the Wessex Biodiversity Trust.", [], "meta"),
    ],
    "factcheck-cold-weather-colds.html": [
        ("shared more than 30,000 times in a viral post", [], "meta"),
        ("Cold itself does not cause colds, which are caused by viruses.", [], "no-support"),
        ("But there is some evidence that getting chilled can make an infection more likely", [], "lead-in"),
        ("Colds are caused by viruses, most often rhinoviruses.", [], "no-support"),
        ("you can catch a cold at any time of year", ["nhsndcommon"], "paren"),
        ("You cannot get a cold without meeting the virus.", [], "no-support"),
        ("We asked three readers why they believed the claim.", [], "anecdote"),
        ("All three said their grandmothers had told them.", [], "anecdote"),
        ("People spend more time indoors together in winter", [], "no-support"),
        ("Temperature may also matter.", [], "lead-in"),
        ("A Finnish study of army conscripts found that a drop in temperature", ["makinen2009cold"], "paren"),
        ("each 1 °C fall in temperature raised the risk by about 4%", ["makinen2009cold"], "follow-on"),
        ("Lab work suggests why.", [], "lead-in"),
        ("found that rhinovirus grew better in mouse airway cells at 33 °C", ["foxman2015temperature"],
         "narrative"),
        ("antiviral defences in that experiment were weaker at the lower temperature",
         ["foxman2015temperature"], "follow-on"),
        ("cooling the inside of the nose by about 5 °C reduced the release", ["huang2023cold"], "paren"),
        ("This is the part of the claim with some support.", [], "lead-in"),
        ("90 volunteers put their bare feet in cold water for 20 minutes", ["johnson2005acute"], "paren"),
        ("13 of the chilled volunteers developed cold symptoms", ["johnson2005acute"], "follow-on"),
        ("chilling narrows blood vessels in the nose", ["johnson2005acute"], "follow-on"),
        ("that study relied on people reporting their own symptoms", ["johnson2005acute"], "follow-on"),
        ("cold exposure probably plays a role in respiratory infections", ["mourtzoukou2007exposure"],
         "paren"),
        ("volunteers were chilled after being given rhinovirus found no effect", [], "unresolved"),
        ("We could not find any study that tested wet hair specifically.", [], "no-support"),
        ("they did not respond", [], "meta"),
        ("Cold weather does not cause colds on its own.", [], "no-support"),
        ("is suggestive but not strong", [], "no-support"),
        ("We rate the claim HALF TRUE.", [], "meta"),
        ("Spotted an error?", [], "question"),
    ],
    "github-readability.md": [
        ("Fast, dependency-free readability scores for English text, in pure Python.", [], "meta"),
        ("I wrote readscore because the packages I tried gave different answers", [], "anecdote"),
        ("This package uses one syllable counter everywhere", [], "meta"),
        ("The oldest formula here that is still widely used.", [], "lead-in"),
        ("derived it from average sentence length and average syllables per word", ["flesch1948new"],
         "narrative"),
        ("In the original paper a score of 60", ["flesch1948new"], "follow-on"),
        ("re-fitted Flesch's two variables to predict a US school grade", ["kincaid1975derivation"],
         "paren"),
        ("The same report also introduced the Automated Readability Index version",
         ["kincaid1975derivation"], "follow-on"),
        ("This is the score Microsoft Word reports.", [], "no-support"),
        ("proposed counting words of three or more syllables in 30 sentences", ["mclaughlin1969smog"],
         "narrative"),
        ("He calibrated it against 100% comprehension", ["mclaughlin1969smog"], "follow-on"),
        ("Designed for machines, it counts letters instead of syllables", ["coleman1975computer"], "paren"),
        ("it is the fastest function in this package", [], "no-support"),
        ("uses a list of about 3,000 words familiar to fourth-graders", ["dale1948formula"], "paren"),
        ("Any word not on the list counts as", ["dale1948formula"], "follow-on"),
        ("The instructions and the word list itself were published separately", ["dale1948formulab"],
         "paren"),
        ("The package ships the 1995 revised list", [], "unresolved"),
        ("All of these formulas measure surface features of text, not meaning.", [], "no-support"),
        ("A sentence can score as very easy and still be incomprehensible.", [], "no-support"),
        ("found that the newer models predicted adult readers' comprehension", ["crossley2017predicting"],
         "paren"),
        ("test it with real readers", [], "advice"),
        ("In my own tests on 500 Wikipedia articles", [], "anecdote"),
        ("Python 3.9 or later.", [], "meta"),
        ("Pull requests are welcome.", [], "meta"),
        ("Please add a test with a published example for any new formula.", [], "advice"),
    ],
    "poster-vr-burn-pain.txt": [
        ("British Burn Association Annual Meeting 2026", [], "meta"),
        ("Dressing changes are among the most painful procedures in burn care", [], "no-support"),
        ("patients who played a VR game during wound care reported much less pain",
         ["hoffman2000virtual", "hoffman2000use", "maani2011virtual"], "numeric"),
        ("two adolescents reported large reductions in pain", ["hoffman2000virtual"], "numeric"),
        ("pain ratings and time spent thinking about pain both fell", ["hoffman2000use"], "numeric"),
        ("pain reductions were largest in the first session", ["schmitt2011randomized"], "numeric"),
        ("VR reduced pain and anxiety in burn patients, but that most studies were small",
         ["morris2009effectiveness"], "numeric"),
        ("Few UK units use VR routinely.", [], "unresolved"),
        ("We therefore introduced a headset on our unit in 2025.", [], "anecdote"),
        ("To evaluate whether VR during dressing changes reduced self-reported pain", [], "meta"),
        ("were offered VR (a snowy canyon game) for one dressing change", [], "anecdote"),
        ("Pain was rated on a 0", [], "anecdote"),
        ("Nurses completed a short acceptability questionnaire.", [], "anecdote"),
        ("Forty-two patients took part", [], "anecdote"),
        ("Worst pain was lower with VR than without", [], "anecdote"),
        ("Time spent thinking about pain fell by a similar amount.", [], "anecdote"),
        ("Nine patients reported mild nausea and two stopped early.", [], "anecdote"),
        ("Of 18 nurses, 16 said they would like VR to continue.", [], "anecdote"),
        ("VR was acceptable to most patients and staff", [], "anecdote"),
        ("Our results are consistent with the published trials.", ["hoffman2000use", "schmitt2011randomized"],
         "numeric"),
        ("A randomised trial with blinded outcome assessment is now needed.", [], "advice"),
        ("I forgot they were even doing my dressing.", [], "testimony"),
        ("We thank the nursing staff of Ward 12.", [], "meta"),
    ],
    "explainer-space-debris.html": [
        ("More than 10,000 working satellites now circle the Earth.", [], "no-support"),
        ("Here is what scientists know about the junk around them.", [], "meta"),
        ("Space debris is anything in orbit that no longer does a useful job", [], "no-support"),
        ("about 36,000 objects larger than 10 cm are tracked", ["esa2023annual"], "paren"),
        ("The same report found that the number of intact objects re-entering", ["esa2023annual"],
         "follow-on"),
        ("Even a 1 cm fragment can hit with the energy of a hand grenade.", [], "no-support"),
        ("In 1978 two NASA scientists warned that collisions could become self-sustaining.", [], "lead-in"),
        ("calculated that once enough objects were in orbit", ["kessler1978collision"], "narrative"),
        ("They estimated that this could happen within a few decades", ["kessler1978collision"],
         "follow-on"),
        ("The idea has been called the Kessler syndrome ever since.", [], "no-support"),
        ("A 2006 modelling study suggested that low Earth orbit had already passed that point.", [],
         "lead-in"),
        ("the number of debris fragments between 900 and 1,000 km would keep growing",
         ["liou2006risks"], "narrative"),
        ("Their model predicted around 18 collisions over the next 200 years", ["liou2006risks"],
         "follow-on"),
        ("SpaceX alone has launched more than 7,000 Starlink satellites.", [], "no-support"),
        ("argued that such mega-constellations raise the risk of collisions", ["boley2021satellite"],
         "paren"),
        ("They also warned that re-entering satellites could put significant amounts of aluminium",
         ["boley2021satellite"], "follow-on"),
        ("That concern now has some data behind it.", [], "lead-in"),
        ("found metals from re-entering spacecraft in about 10% of the sulphuric acid particles",
         ["murphy2023metals"], "paren"),
        ("The authors expect the share to rise towards half", ["murphy2023metals"], "follow-on"),
        ("What this means for the ozone layer is not yet known.", [], "no-support"),
        ("Several companies are testing ways to remove dead satellites", [], "no-support"),
        ("Removing just five large objects a year could stabilise", [], "unresolved"),
        ("None of these methods has yet removed a large object.", [], "no-support"),
        ("I spoke to a satellite operator in Luxembourg", [], "anecdote"),
        ("Ten years ago it was once a year", [], "quoted-speech"),
        ("Guidelines already ask operators to remove satellites from low orbit within 25 years", [],
         "no-support"),
        ("Many regulators now want five.", [], "no-support"),
        ("This article was amended on 3 December 2026", [], "meta"),
    ],
    "pharmacy-cranberry-uti.md": [
        ("Hardly a week goes by without someone asking me at the counter", [], "anecdote"),
        ("Last Tuesday it was three people before lunch.", [], "anecdote"),
        ("So here is what the evidence says, in plain English.", [], "meta"),
        ("Cranberry is not a treatment for a urinary tract infection", [], "no-support"),
        ("speak to a pharmacist or GP", [], "advice"),
        ("can assess and treat uncomplicated UTIs in women aged 16 to 64", [], "no-support"),
        ("For years the honest answer was", [], "lead-in"),
        ("pooled 24 studies and found that cranberry products did not significantly reduce",
         ["jepson2012cranberries"], "narrative"),
        ("many people dropped out of the trials because they did not like drinking the juice",
         ["jepson2012cranberries"], "follow-on"),
        ("I used to tell customers not to bother", [], "anecdote"),
        ("Then the picture changed.", [], "lead-in"),
        ("did reduce the risk of repeat UTIs in women who get them often", ["williams2023cranberries"],
         "paren"),
        ("It found no benefit for older people in care homes", ["williams2023cranberries"], "follow-on"),
        ("That review also found that cranberry capsules and juice worked about equally well.",
         ["williams2023cranberries"], "follow-on"),
        ("gave women with a recent UTI either a daily glass of cranberry juice or a placebo drink",
         ["maki2016consumption"], "paren"),
        ("drinking cranberry had about 40% fewer clinical UTI episodes", ["maki2016consumption"],
         "follow-on"),
        ("Cranberry does not kill bacteria.", [], "no-support"),
        ("The leading idea is that a group of plant chemicals", [], "lead-in"),
        ("urine from people who had drunk cranberry juice reduced the ability of the bacteria",
         ["howell2005type"], "paren"),
        ("such as grape juice and chocolate, did not have the same effect", ["howell2005type"], "follow-on"),
        ("may wish to try cranberry products, but should be told", ["nice2018urinary"], "paren"),
        ("The guidance also advises that cranberry products may contain a lot of sugar.",
         ["nice2018urinary"], "follow-on"),
        ("a recent trial found it no better than placebo", [], "unresolved"),
        ("cranberry is a reasonable, low-risk thing to try", [], "advice"),
        ("Capsules avoid the sugar in juice.", [], "advice"),
        ("If you take warfarin, ask us first.", [], "advice"),
        ("I take cranberry capsules myself and have had one UTI in five years", [], "anecdote"),
        ("cranberry capsules made no difference for me", [], "testimony"),
        ("Is it worth trying the juice instead?", [], "question"),
        ("The capsules and juice seemed to work similarly", ["williams2023cranberries"], "study-name"),
        ("Do pop in and talk to us about other options.", [], "advice"),
        ("My GP told me it was an old wives' tale.", [], "testimony"),
        ("It was a reasonable view before the 2023 update.", [], "no-support"),
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
