"""Write expected.json of the eleventh blind held-out set from the labels below.

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
POSITIVE_KINDS = {"paren", "narrative", "numeric", "follow-on", "quote", "study-name", "author-work"}
NEGATIVE_KINDS = {"anecdote", "testimony", "no-support", "filler", "lead-in", "meta", "question",
                  "advice", "quoted-speech", "unresolved", "reading-list", "bare-name"}

ABOUT = (
    "Eleventh blind held-out set (eval-blind-11): 15 texts (5 .md, 5 .txt, 5 .html), one shared "
    "references.bib and labels written by hand on 2026-12-03 by an annotator (the 'blind11' engineer) "
    "who did not read the extractor (ingest/citations/, ingest/claims.py, ingest/cues.py, "
    "ingest/segment.py, ingest/blocks.py, ingest/reflist.py, ingest/support/) nor docs/eval/, and never "
    "ran ClaimGraph or ingest.evaluate on these files; the labels were written before any extractor "
    "output existed. Topics (none used by an earlier set): lead and crime, ME/CFS and graded exercise, "
    "forest fungal networks, the Mozart effect, learning styles, sugar and hyperactivity, the China "
    "shock, sauna bathing, tickling, stretching and injury, Factfulness, the goldfish attention span, "
    "the Flynn effect, tardigrades, light pollution. Conventions (those of eval-blind-6 to -10, issue "
    "#10 classes 8-10): a citation supports the sentence it stands in, every work in it; a follow-on "
    "sentence that refers back to the cited work ('In that paper he also matched...', 'The authors "
    "concluded...', 'That second-day drop...', 'In that study the patients...', 'In that analysis, the "
    "authors also found...', 'In that study the listeners' enjoyment...', 'Of the few that did...', "
    "'Matching the format...', 'The same team found...', 'Worryingly, teachers who knew more...', "
    "'Even among the children described...', 'That trial was published in...', 'Those mothers "
    "rated...', 'Those effects were concentrated...', 'In that analysis, the shift ran...', 'Also the "
    "risk of death...', 'In their review, no serious harms...', 'Their idea is that the brain "
    "predicts...', 'Changing the direction of the stroke...', 'It did not, which argues...', 'Tickling "
    "also worked less well...', 'The recruits who were least fit...', 'That review also found...', "
    "'Those authors found...', 'In that cluster-randomised trial...', 'The authors blame ten "
    "instincts', 'The report did not measure...', 'Attention varied with the lecturer...', 'In that "
    "analysis the gains were slowing...', 'Crucially, the decline also appeared within families', 'So "
    "it can't be explained by...', 'Some even laid eggs...', 'In that study, knocking down the CAHS "
    "genes...', 'Slow drying over 48 hours...', 'In that atlas...', 'But satellites miss the blue "
    "light...') carries its source; a work named later or in a comment without author and year ('The "
    "Cincinnati study', 'The Reyes paper', 'In PACE', 'The new guideline', 'the rituximab trial', 'The "
    "2010 meta-analysis', 'The Hoover and Milich experiment', 'the included trials' of the "
    "meta-analysis, 'In the army trial', 'The star-counting study') refers to the work the page cites; "
    "a talk-page reply's 'Their design showed...' refers to Thompson and colleagues; the book club's "
    "'Rosling opens with a quiz...', 'The book's central chart...' and 'Rosling also reminds us...' "
    "refer to the book under review. A lead-in or topic sentence without its own citation does not "
    "take the source of the sentence after it. A block quotation or a quoted line followed by a "
    "citation with a page ('(Wright et al., 2008, p. 732)', '— Pashler et al. (2008, p. 117)', "
    "'(Rosling et al., 2018, p. 255)') is one claim supported by that source. Wiki footnotes "
    "('[1]', '[1][2]') resolve through the article's numbered References; the lab blog's Vancouver "
    "numbers ('[5,6]', the range '[5-7]', '[2,8]') through its numbered list; the explainer's "
    "hyperlinked narrative citations (names linked to a DOI, no year) through its Sources list and the "
    "DOI; the podcast's editor-inserted square-bracket author-year citations are citations. "
    "First-person evidence, commenters' and posters' own lives, people quoted speaking, advice, "
    "bylines, dates, questions, greetings, sign-offs, meta lines, unsupported claims, filler, the book "
    "club's next book, and a bare name without a year (Jaak Panksepp, whose work is in the bib) link "
    "to nothing. Statistics in brackets ('(survival 6% [95% CI 2–11])', '[in 1953 it was about 32 "
    "percent]') are not citations. Citations missing from the .bib and from the page's own list link "
    "to nothing: Mielke & Zahran 2012, Davis et al. 2023, Querejeta et al. 2003, the German ministry "
    "report 'Bundesministerium für Bildung und Forschung, 2007', Benton 2008, Feenstra and Sasahara "
    "2018, Schreiber 2020, Nielsen et al. 2014, WHO & UNICEF 2021, Ferno et al. 2011, Kühn et al. "
    "2014, the lab blog's '[11]' (its list has ten entries), Knop et al. 2017, and the Panksepp name. "
    "Same author and year: 'Autor, Dorn, and Hanson 2013a' is 'The China syndrome...' and '2013b' "
    "'The geography of trade and technology shocks...' (title order). Same first author, other year or "
    "co-authors: Nevin 2000 (2007 never cited), White et al. 2011 (2013 never cited), Simard et al. "
    "1997 (2012 never cited), Rauscher, Shaw & Ky 1993 vs 1995, Newton & Salvi 2020 (Newton 2015 never "
    "cited), Wolraich et al. 1994 vs Wolraich, Wilson & White 1995, Autor, Dorn & Hanson 2016 vs Autor "
    "et al. 2020, Laukkanen et al. 2015, 2017 and 2018 (Tanjaniina Laukkanen) vs Laukkanen, Laukkanen "
    "& Kunutsor 2018 (Jari Laukkanen, Mayo Clinic Proceedings, never cited: only the page's own list "
    "tells the two 2018 'Laukkanen et al.' apart), Blakemore, Wolpert & Frith 1998 vs 2000 vs "
    "Blakemore et al. 2000, Herbert & Gabriel 2002 (Herbert et al. 2011 never cited), Pinker 2011 vs "
    "2018, Rosling & Härgestam 2020 never cited, Flynn 1984, 1987, 2007 (2012 never cited), Boothby et "
    "al. 2015 vs 2017, Falchi et al. 2011 vs 2016, Kyba et al. 2017 vs 2023, Gaston et al. 2013 never "
    "cited. Group authors: National Institute for Health and Care Excellence, Institute of Medicine, "
    "World Bank, UN IGME, Microsoft Canada. Styles: APA parenthetical and narrative, Chicago "
    "author-date without a comma and with a page ('(Autor, Dorn, and Hanson 2013a, 2121)', '(Pierce and "
    "Schott 2016)'), German 'und' ('(Laukkanen, Khan, Zaccardi und Laukkanen, 2015)', 'Hussain und "
    "Cohen (2018)'), Spanish 'y' ('(Cinzano, Falchi y Elvidge, 2001)', '(Hölker, Wolter, Perkin y "
    "Tockner, 2010)'), wiki footnotes, Vancouver numbers, hyperlinks, square brackets; names with "
    "accents, particles and two-word surnames (Wielgosz, Łódź, Brandstätter, Fluge, Sünram-Lea, Te "
    "Morenga, Villanueva-Rhodes, Szabó-Whitfield, Hämmerle-Nakamura, Rosling Rönnlund, Adéyemí-Clarke, "
    "Jönsson, Ní Bhriain, Møbjerg, Weiß, Förster, Sánchez de Miguel, Hölker, Altıntaş). Regenerate "
    "with `python make_expected.py`."
)

RAW: dict[str, list[tuple[str, list[str], str]]] = {
    "substack-lead-crime.md": [
        ("thank you to the 312 of you who joined", [], "meta"),
        ("I grew up in Łódź next to a ring road", [], "anecdote"),
        ("Violent crime in the United States rose from the 1960s", [], "no-support"),
        ("noticed that the curve of violent crime followed the curve of petrol lead exposure",
         ["nevin2000how"], "narrative"),
        ("In that paper he also matched unmarried pregnancy rates", ["nevin2000how"], "follow-on"),
        ("used the uneven timing of the phase-out across states", ["reyes2007environmental"], "narrative"),
        ("Lead is a neurotoxin even at low doses.", [], "no-support"),
        ("Children with more lead in their baby teeth scored lower on IQ tests", ["needleman1979deficits"],
         "paren"),
        ("A pooled analysis of seven cohorts found the steepest loss of IQ", ["lanphear2005low"], "paren"),
        ("In the Cincinnati cohort, higher childhood blood lead predicted more arrests",
         ["wright2008association"], "paren"),
        ("Prenatal and postnatal blood lead concentrations are associated with higher rates",
         ["wright2008association"], "quote"),
        ("Not everyone is convinced.", [], "filler"),
        ("A meta-analysis of 24 studies found an association but also clear signs of publication bias",
         ["higney2022lead"], "paren"),
        ("The authors concluded that lead could explain only a modest share",
         ["higney2022lead"], "follow-on"),
        ("Abortion legalisation has been put forward as a rival explanation", ["donohue2001impact"], "paren"),
        ("the crime drop happened across many rich countries at once", ["farrell2013five"], "paren"),
        ("Soil lead in New Orleans neighbourhoods tracked later assault rates", [], "unresolved"),
        ("My own view is that lead probably mattered", [], "no-support"),
        ("have its paint and pipes tested", [], "advice"),
        ("My grandmother used lead paint in her kitchen", [], "testimony"),
        ("Single cases cannot tell us much either way.", [], "no-support"),
        ("The Cincinnati study followed its children from before birth",
         ["wright2008association"], "study-name"),
        ("Did the meta-analysis include any countries", [], "question"),
        ("The Reyes paper is the one I show my students", ["reyes2007environmental"], "study-name"),
    ],
    "forum-mecfs-exercise.txt": [
        ("I have had ME for six years and a new physio has just given me a plan", [], "testimony"),
        ("The last time I tried something like this I was bedbound for a month.", [], "testimony"),
        ("Is graded exercise still what the guidelines say", [], "question"),
        ("now says that graded exercise therapy should not be offered to people with ME/CFS",
         ["nice2021mecfs"], "paren"),
        ("The older advice rested mostly on the PACE trial", ["white2011comparison"], "paren"),
        ("In PACE, about 640 patients were randomised to one of four arms.", ["white2011comparison"],
         "study-name"),
        ("recovery rates then fell to single figures in every arm", ["wilshire2018rethinking"], "paren"),
        ("made post-exertional malaise a core criterion", ["iom2015beyond"], "paren"),
        ("Pace yourself.", [], "advice"),
        ("Keep a diary of what you do and how you feel the day after.", [], "advice"),
        ("Do I just print the guideline", [], "question"),
        ("I got ME after a flu in 2021", [], "testimony"),
        ("show a drop in performance on the second day of a two-day cardiopulmonary exercise test",
         ["keller2014inability"], "paren"),
        ("That second-day drop is the physiological footprint of post-exertional malaise.",
         ["keller2014inability"], "follow-on"),
        ("examined 17 patients in great depth after an infection", ["walitt2024deep"], "paren"),
        ("In that study the patients did not lack strength", ["walitt2024deep"], "follow-on"),
        ("Rituximab was tested in a large Norwegian trial and did no better than placebo", ["fluge2019b"],
         "paren"),
        ("My own rule is simple: I stop at 70%", [], "testimony"),
        ("Long COVID has made far more doctors aware of post-exertional malaise", [], "unresolved"),
        ("Yes, take it.", [], "advice"),
        ("The new guideline also says that any physical activity programme should be led",
         ["nice2021mecfs"], "study-name"),
        ("the rituximab trial is a good reminder that a promising small study", ["fluge2019b"], "study-name"),
        ("this forum shares experience, not medical advice", [], "meta"),
    ],
    "press-mycorrhizal-networks.html": [
        ("Popular books and documentaries describe forests in which", [], "no-support"),
        ("carbon labelled with isotopes moved from paper birch to Douglas fir seedlings", ["simard1997net"],
         "paren"),
        ("a single old tree could be linked to dozens of younger ones", ["beiler2010architecture"], "paren"),
        ("claims of nutrient transfer, preferential help for offspring and warning signals",
         ["karst2023positive"], "paren"),
        ("In that analysis, the authors also found that positive results were cited far more often",
         ["karst2023positive"], "follow-on"),
        ("We love the story too", [], "quoted-speech"),
        ("Their review is published today in the journal", ["haugland2025mother"], "paren"),
        ("many plants rely on mycorrhizal fungi for phosphorus and water", ["smith2008mycorrhizal"], "paren"),
        ("a plant attacked by aphids can trigger defences in a neighbour", ["babikova2013underground"],
         "paren"),
        ("Whether that happens in a real forest", [], "no-support"),
        ("said the team hoped the review would encourage more careful experiments", [], "quoted-speech"),
        ("fungi may move water between trees in drought", [], "unresolved"),
        ("The research was funded by the Northmoor Environmental Research Fund.", [], "meta"),
        ("Dr Haugland is available for interview", [], "meta"),
    ],
    "wiki-mozart-effect.txt": [
        ("For the 1998 album, see Mozart Effect (album).", [], "meta"),
        ("listening to the music of Wolfgang Amadeus Mozart temporarily improves performance", [],
         "no-support"),
        ("The term was popularised after a short letter in Nature in 1993.", ["rauscher1993music"],
         "numeric"),
        ("36 college students listened to ten minutes of Mozart's Sonata", ["rauscher1993music"], "numeric"),
        ("their scores were equivalent to eight or nine IQ points higher",
         ["rauscher1993music", "rauscher1995listening"], "numeric"),
        ("The effect lasted only ten to fifteen minutes.", ["rauscher1993music"], "numeric"),
        ("The authors later reported a larger follow-up with paper-folding", ["rauscher1995listening"],
         "numeric"),
        ("Many laboratories failed to find the effect.", [], "lead-in"),
        ("A meta-analysis of 16 studies found an improvement of only 1.4 IQ points", ["chabris1999prelude"],
         "numeric"),
        ("Chabris concluded that any advantage was probably due to", ["chabris1999prelude"], "numeric"),
        ("A careful replication using the same sonata found no benefit at all.", ["steele1999mystery"],
         "numeric"),
        ("an upbeat Mozart piece improved spatial scores more than a slow, sad piece by Albinoni",
         ["thompson2001arousal"], "numeric"),
        ("In that study the listeners' enjoyment mattered more than the composer.", ["thompson2001arousal"],
         "follow-on"),
        ("A larger meta-analysis of nearly 40 studies and over 3,000 participants", ["pietschnig2010mozart"],
         "numeric"),
        ("A pooled German government report reached a similar conclusion", [], "unresolved"),
        ("the governor of Georgia proposed a budget to give every newborn", ["sack1998georgia"], "numeric"),
        ("Products marketed as making babies smarter sold millions of copies.", [], "no-support"),
        ("Exposure to such products has never been shown to raise children's intelligence.",
         [], "no-support"),
        ("I have rewritten the sentence about Thompson and colleagues", [], "meta"),
        ("Their design showed that controlling for arousal removed the difference",
         ["thompson2001arousal"], "author-work"),
        ("The 2010 meta-analysis is the better source for the overall size anyway",
         ["pietschnig2010mozart"], "study-name"),
        ("Is the government report in German even in the reference list", [], "question"),
        ("were linked to a small rise in IQ in a randomised study", [], "question"),
        ("It belongs in another article, I think.", [], "no-support"),
    ],
    "slides-learning-styles.md": [
        ("This session takes about forty minutes", [], "meta"),
        ("Most of us were, me included, on my PGCE in 2008.", [], "anecdote"),
        ("Students have a preferred learning style.", [], "no-support"),
        ("The second statement is the one that matters", [], "no-support"),
        ("found almost no studies that met it", ["pashler2008learning"], "paren"),
        ("Of the few that did, several contradicted the idea.", ["pashler2008learning"], "follow-on"),
        ("counted 71 different learning-style models", ["coffield2004learning"], "paren"),
        ("Adults were sorted by their preference for reading or listening",
         ["rogowsky2015matching"], "paren"),
        ("Matching the format to the preference made no difference to comprehension.",
         ["rogowsky2015matching"], "follow-on"),
        ("The same team found that a preference for listening did not predict", ["rogowsky2015matching"],
         "follow-on"),
        ("over 90% agreed that individuals learn better in their preferred style", ["dekker2012neuromyths"],
         "paren"),
        ("Worryingly, teachers who knew more about the brain were more likely", ["dekker2012neuromyths"],
         "follow-on"),
        ("belief in matching remained high among trainee and practising teachers",
         ["newton2020how"], "paren"),
        ("students who said they were visual learners did not actually study in a visual way",
         ["husmann2019another"], "paren"),
        ("is, in our opinion, striking and disturbing", ["pashler2008learning"], "quote"),
        ("Use dual coding: put words and pictures together", ["mayer2009multimedia"], "paren"),
        ("Match the mode to the content, not to the child", [], "advice"),
        ("Drop the VAK questionnaire from Year 7 induction.", [], "advice"),
        ("How would we explain this change to parents", [], "question"),
        ("I felt a bit foolish when I first read this research.", [], "anecdote"),
    ],
    "qa-sugar-hyperactivity.md": [
        ("My mother-in-law insists it's the sugar.", [], "testimony"),
        ("or is it just that parties are exciting", [], "question"),
        ("Short version: no, not in any controlled study.", [], "no-support"),
        ("followed three diets in turn for three weeks each", ["wolraich1994effects"], "paren"),
        ("Even among the children described by their parents as sugar-sensitive, there were no differences",
         ["wolraich1994effects"], "follow-on"),
        ("That trial was published in the", ["wolraich1994effects"], "follow-on"),
        ("A meta-analysis of 16 double-blind studies reached the same answer",
         ["wolraich1995effect"], "paren"),
        ("The authors did not rule out a small effect in a few children",
         ["wolraich1995effect"], "follow-on"),
        ("The interesting part is the parents.", [], "lead-in"),
        ("mothers were told that their sons had been given a large dose of sugar", ["hoover1994effects"],
         "paren"),
        ("Those mothers rated their sons as more hyperactive", ["hoover1994effects"], "follow-on"),
        ("So the belief itself changes what adults see.", [], "no-support"),
        ("artificial colours and a preservative can increase hyperactive behaviour", ["mccann2007food"],
         "paren"),
        ("Parties also come with late nights, crowds and excitement.", [], "no-support"),
        ("made people more tired and less alert within an hour", ["mantantzis2019sugar"], "paren"),
        ("The Hoover and Milich experiment is my favourite study to show students.", ["hoover1994effects"],
         "study-name"),
        ("The placebo boys were just boys.", [], "filler"),
        ("Does the meta-analysis include children with ADHD", [], "question"),
        ("several of the included trials recruited children with ADHD diagnoses", ["wolraich1995effect"],
         "study-name"),
        ("My son is a completely different child after sweets", [], "testimony"),
        ("high sugar intake is still linked to tooth decay",
         ["moynihan2014effect", "temorenga2013dietary"], "paren"),
        ("I'd still keep the cake to one slice.", [], "advice"),
        ("Sugar also causes insulin spikes that make kids crash later", [], "unresolved"),
    ],
    "thinktank-china-shock.html": [
        ("Few findings in economics have travelled as far from the journals", [], "no-support"),
        ("It shaped two presidential campaigns and a good deal of our own work", [], "anecdote"),
        ("compared US local labor markets by how exposed their industries were",
         ["autor2013china"], "narrative"),
        ("their residents drew more disability, unemployment, and other transfer payments",
         ["autor2013china"], "paren"),
        ("In a companion paper, the same authors separated the effect of trade from that of technology",
         ["autor2013geography"], "paren"),
        ("The losses were not small.", [], "lead-in"),
        ("Import competition from China may account for some 2 to 2.4 million lost US jobs",
         ["acemoglu2016import"], "paren"),
        ("linked the sharp fall in US manufacturing employment after 2000", ["pierce2016surprisingly"],
         "paren"),
        ("The workers in those places did not simply move to better-off regions.", [], "lead-in"),
        ("local unemployment stayed high and wages stayed low for at least a decade",
         ["autor2016china"], "paren"),
        ("Those effects were concentrated among workers without a college degree.", ["autor2016china"],
         "follow-on"),
        ("The political effects have been studied as well.", [], "lead-in"),
        ("Districts more exposed to Chinese imports moved towards more ideologically extreme",
         ["autor2020importing"], "paren"),
        ("In that analysis, the shift ran in both directions", ["autor2020importing"], "follow-on"),
        ("Not everyone reads the numbers the same way.", [], "filler"),
        ("the gains were largest for poorer households", ["fajgelbaum2016measuring"], "paren"),
        ("the China shock was a small part of the churn in the US labor market", [], "unresolved"),
        ("Manufacturing employment as a share of the workforce had been falling since the 1950s", [],
         "no-support"),
        ("trade adjustment assistance should be rebuilt around place", [], "no-support"),
        ("We will publish a full proposal in the spring.", [], "meta"),
    ],
    "blog-sauna-heart.txt": [
        ("Many of you asked me after my last Aufguss evening", [], "meta"),
        ("I am a sauna master since 2009", [], "anecdote"),
        ("In my experience people sleep better after a sauna evening", [], "anecdote"),
        ("The most famous study comes from eastern Finland.", [], "lead-in"),
        ("men who used the sauna four to seven times a week had a much lower risk of sudden cardiac death",
         ["laukkanen2015association"], "paren"),
        ("Also the risk of death from all causes was about 40 percent lower", ["laukkanen2015association"],
         "follow-on"),
        ("The same Finnish group later looked at memory.", [], "lead-in"),
        ("had a lower risk of dementia und of Alzheimer's disease in the same cohort",
         ["laukkanen2017sauna"], "paren"),
        ("frequent sauna bathing was linked to a lower risk of developing hypertension",
         ["zaccardi2017sauna"], "paren"),
        ("Here I must be careful.", [], "filler"),
        ("These are observational studies, so healthier men may simply go more often", [], "no-support"),
        ("looked at the clinical studies and found that the sauna lowers blood pressure for a short time",
         ["hussain2018clinical"], "narrative"),
        ("In their review, no serious harms were reported", ["hussain2018clinical"], "follow-on"),
        ("What happens in the body", [], "question"),
        ("raises the heart rate to a level like moderate exercise", ["ketelhut2019blood"], "paren"),
        ("the stiffness of the arteries also went down in a small Finnish experiment",
         ["laukkanen2018acute"], "paren"),
        ("Cold water after the sauna is healthy for everyone", [], "no-support"),
        ("A very good popular overview is the book by Tanja Schreiber (2020)", [], "unresolved"),
        ("Drink enough water before und after.", [], "advice"),
        ("Do not go into the sauna with alcohol in the blood.", [], "advice"),
        ("Ask your doctor first if you have had a heart attack recently.", [], "advice"),
        ("Bis zum nächsten Aufguss!", [], "meta"),
    ],
    "explainer-tickling.html": [
        ("run a finger lightly along the sole of your own foot", [], "advice"),
        ("Ask someone else to do the same and you may well kick them.", [], "no-support"),
        ("Scientists have been puzzling over this for a long time.", [], "lead-in"),
        ("built a tickling machine with a lever", ["weiskrantz1971preliminary"], "narrative"),
        ("When the participant merely held the lever while the experimenter moved it",
         ["weiskrantz1971preliminary"], "follow-on"),
        ("The modern explanation comes from work by", ["blakemore1998central"], "narrative"),
        ("Their idea is that the brain predicts the sensory consequences", ["blakemore1998central"],
         "follow-on"),
        ("the cerebellum and the somatosensory cortex responded less to self-produced touch",
         ["blakemore1998central"], "follow-on"),
        ("the self-produced touch felt almost as ticklish as a stranger's",
         ["blakemore2000why"], "narrative"),
        ("Changing the direction of the stroke had a similar effect", ["blakemore2000why"], "follow-on"),
        ("There are exceptions.", [], "lead-in"),
        ("rated their own touch as ticklish as someone else's", ["blakemore2000perception"], "narrative"),
        ("I find that one of the most striking results in all of psychology", [], "anecdote"),
        ("Is tickling just a reflex", [], "question"),
        ("tested whether tickling and humour share a mechanism", ["harris1997humour"], "narrative"),
        ("It did not, which argues against the old idea, credited to Darwin", ["harris1997humour"],
         "follow-on"),
        ("Rats, too, can be tickled.", [], "lead-in"),
        ("the animals emitted high-pitched ultrasonic calls", ["ishiyama2016neural"], "narrative"),
        ("Tickling also worked less well when the rats were anxious", ["ishiyama2016neural"], "follow-on"),
        ("Jaak Panksepp had called these calls rat", [], "bare-name"),
        ("So the next time someone tickles you, blame your cerebellum.", [], "filler"),
        ("please don't try any of this on a colleague without asking first", [], "advice"),
    ],
    "physio-stretching-injury.md": [
        ("Every week someone in my clinic apologises for not stretching", [], "anecdote"),
        ("I have worked as a physiotherapist for sixteen years", [], "anecdote"),
        ("The study that changed my mind was done with army recruits.", [], "lead-in"),
        ("stretching before exercise for twelve weeks had no meaningful effect on the risk of injury",
         ["pope2000randomized"], "paren"),
        ("The recruits who were least fit had the highest injury rates", ["pope2000randomized"], "follow-on"),
        ("In the army trial, the strongest predictor of injury", ["pope2000randomized"], "study-name"),
        ("a systematic review reached the same conclusion across five studies",
         ["herbert2002effects"], "paren"),
        ("That review also found that stretching before or after exercise did not prevent muscle soreness.",
         ["herbert2002effects"], "follow-on"),
        ("the evidence was not strong enough to stop or keep stretching", ["thacker2004impact"], "paren"),
        ("Strength training is a different story.", [], "lead-in"),
        ("strength training reduced sports injuries to less than a third", ["lauersen2014effectiveness"],
         "paren"),
        ("Those authors found that proprioception training also helped", ["lauersen2014effectiveness"],
         "follow-on"),
        ("cut injuries among young female players by about a third", ["soligard2008comprehensive"], "paren"),
        ("In that cluster-randomised trial the teams that did the programme most often",
         ["soligard2008comprehensive"], "follow-on"),
        ("Stretching long before a sprint may even make you a little slower", ["kay2012effect"], "paren"),
        ("In my experience, patients who build up their mileage slowly", [], "anecdote"),
        ("One of my runners, a retired teacher, went from couch to half marathon", [], "anecdote"),
        ("should not rise by more than 10% a week", [], "unresolved"),
        ("Warm up with easy running and a few drills", [], "advice"),
        ("Do strength work twice a week.", [], "advice"),
        ("If you enjoy stretching, keep doing it", [], "advice"),
        ("Book a running assessment at the clinic.", [], "meta"),
    ],
    "bookclub-factfulness.txt": [
        ("We were eleven at Margit's house this month, plus one dog.", [], "meta"),
        ("Everyone had finished the book, which is a first for us.", [], "filler"),
        ("Rosling opens with a quiz of thirteen questions about the world", ["rosling2018factfulness"],
         "author-work"),
        ("did worse than chimpanzees choosing at random", ["rosling2018factfulness"], "paren"),
        ("The authors blame ten", ["rosling2018factfulness"], "follow-on"),
        ("like a healthy diet and regular exercise, can and should become part of your daily life",
         ["rosling2018factfulness"], "quote"),
        ("The book's central chart shows that the share of the world's population living in extreme poverty",
         ["rosling2018factfulness"], "author-work"),
        ("by 2015, about 10 percent of the world lived on less than", ["worldbank2018poverty"], "paren"),
        ("Rosling also reminds us that child mortality has fallen in every region",
         ["rosling2018factfulness"], "author-work"),
        ("the global under-five mortality rate fell by more than half", ["unigme2020levels"], "paren"),
        ("childhood vaccination had stalled during the pandemic", [], "unresolved"),
        ("who worked in development aid for thirty years, thought the book was too cheerful",
         [], "testimony"),
        ("He pointed to a critique arguing that the poverty line of $1.90 is too low", ["hickel2019bill"],
         "paren"),
        ("Others felt this missed the point of the book", [], "no-support"),
        ("Steven Pinker makes a similar case at much greater length", ["pinker2018enlightenment"], "paren"),
        ("Pinker's chapters on violence draw heavily on his earlier book", ["pinker2011better"], "paren"),
        ("Rosling himself died in 2017 before the book came out.", [], "no-support"),
        ("Some of us found the chapters on fear a bit repetitive.", [], "testimony"),
        ("Check the numbers before you despair.", [], "advice"),
        ("Look for the trend, not the single story.", [], "advice"),
        ("Next month: The Dawn of Everything, by David Graeber and David Wengrow.", [], "reading-list"),
    ],
    "factcheck-goldfish-attention.html": [
        ("Scientists have proved that the average human attention span has fallen to eight seconds", [],
         "quoted-speech"),
        ("A post making this claim has been shared more than 60,000 times", [], "no-support"),
        ("It repeats a figure that has appeared in newspapers and in marketing talks since 2015.", [],
         "no-support"),
        ("The eight-second figure appears in a consumer insights report",
         ["microsoft2015attention"], "paren"),
        ("The report did not measure attention spans itself", ["microsoft2015attention"], "follow-on"),
        ("a spokesperson said the company had", [], "quoted-speech"),
        ("heavy users of social media were better at short bursts of attention",
         ["microsoft2015attention"], "paren"),
        ("There is no single", [], "no-support"),
        ("found no good evidence for the popular idea that students' attention drops",
         ["wilson2007attention"], "paren"),
        ("Attention varied with the lecturer and the task rather than with the clock.",
         ["wilson2007attention"], "follow-on"),
        ("traced the lecture claim back to its sources reached the same verdict", ["bradbury2016attention"],
         "paren"),
        ("the time people spend on one screen before switching fell", ["mark2023attention"], "paren"),
        ("That is a measure of switching, not of the ability to pay attention.", [], "no-support"),
        ("Goldfish are not known for their short memories among those who study them.", [], "lead-in"),
        ("goldfish learned to press a lever for food at a particular time of day", ["gee1994temporal"],
         "paren"),
        ("Other fish have been trained to respond to sounds and remembered them months later", [],
         "unresolved"),
        ("the figure has no traceable scientific source, and no study has compared human and goldfish", [],
         "no-support"),
        ("This article was updated on 20 February", [], "meta"),
    ],
    "podcast-flynn-effect.md": [
        ("Welcome back to Mind the Gap.", [], "meta"),
        ("why your grandparents would probably score lower than you on the same test", [], "no-support"),
        ("She did the Times crossword in ink until she was ninety.", [], "testimony"),
        ("average scores on IQ tests in the United States rose by about three points per decade",
         ["flynn1984mean"], "paren"),
        ("he found the same kind of gains in fourteen nations", ["flynn1987massive"], "paren"),
        ("that's why test publishers keep renorming their tests", [], "no-support"),
        ("A meta-analysis of 285 studies put the gain at about 2.3 points per decade",
         ["pietschnig2015one"], "paren"),
        ("In that analysis the gains were slowing down in recent decades",
         ["pietschnig2015one"], "follow-on"),
        ("what's the explanation", [], "question"),
        ("Nutrition is one candidate.", [], "no-support"),
        ("each extra year of education raises IQ by roughly one to five points", ["ritchie2018how"], "paren"),
        ("that modern life trains us to think in abstract categories", ["flynn2007what"], "paren"),
        ("I love that phrase.", [], "filler"),
        ("I read that in some countries the scores are going down.", [], "lead-in"),
        ("scores rose for men born up to about 1975 and then fell", ["bratsberg2018flynn"], "paren"),
        ("Crucially, the decline also appeared within families, between brothers.", ["bratsberg2018flynn"],
         "follow-on"),
        ("So it can't be explained by changes in who was having children.", ["bratsberg2018flynn"],
         "follow-on"),
        ("That's a clever design.", [], "filler"),
        ("a study in Denmark reported a similar peak and decline among conscripts", ["teasdale2005long"],
         "paren"),
        ("American data suggest some declines since 2006 as well", ["dworak2023looking"], "paren"),
        ("Does this mean we're getting dumber", [], "question"),
        ("I think it mostly means the tests are measuring a moving target.", [], "no-support"),
        ("asking whether video games make kids smarter", [], "meta"),
        ("study that found gamers scored higher on working-memory tests", [], "unresolved"),
        ("If you enjoy the show, please leave us a review.", [], "meta"),
    ],
    "labblog-tardigrades.txt": [
        ("Saoirse's first paper was accepted last week", [], "anecdote"),
        ("Cake was eaten.", [], "filler"),
        ("Below is a plain-language summary for friends, family", [], "meta"),
        ("Tardigrades are animals about half a millimetre long", [], "no-support"),
        ("They have been found from Himalayan glaciers to the deep sea floor", [], "unresolved"),
        ("dried tardigrades were carried into low Earth orbit on a European satellite",
         ["jonsson2008tardigrades"], "numeric"),
        ("Some even laid eggs that hatched after the flight.", ["jonsson2008tardigrades"], "follow-on"),
        ("How do they do it", [], "question"),
        ("For a long time the answer was thought to be the sugar trehalose", [], "no-support"),
        ("But tardigrades make little or no trehalose.", [], "no-support"),
        ("tardigrades rely on a family of intrinsically disordered proteins", ["boothby2017tardigrades"],
         "numeric"),
        ("In that study, knocking down the CAHS genes made the animals much less likely to survive",
         ["boothby2017tardigrades"], "follow-on"),
        ("protected human cells from X-ray damage by about 40%", ["hashimoto2016extremotolerant"], "numeric"),
        ("the first tardigrade genome was reported to contain about one sixth foreign DNA",
         ["boothby2015evidence"], "numeric"),
        ("came from contaminating bacteria in the sample",
         ["koutsovoulos2016no", "bemm2016genome"], "numeric"),
        ("confirmed that horizontal gene transfer accounts for only a small fraction of its genes",
         ["koutsovoulos2016no", "bemm2016genome", "yoshida2017comparative"], "numeric"),
        ("We cover this story in our first-year lecture", [], "anecdote"),
        ("we dried tardigrades of two species at different speeds", ["nibhriain2025drying"], "numeric"),
        ("Slow drying over 48 hours gave survival above 80%", ["nibhriain2025drying"], "follow-on"),
        ("Saoirse spent most of 2023 in the cold room", [], "anecdote"),
        ("The slow-drying effect fits the idea that the animals need time",
         ["boothby2017tardigrades", "nibhriain2025drying"], "numeric"),
        ("the speed of drying matters as much as the final humidity", ["mobjerg2011survival"], "numeric"),
        ("may have borrowed genes from many other organisms", ["gladyshev2008massive"], "numeric"),
        ("We are presenting this work at the Society for Experimental Biology meeting", [], "meta"),
        ("get in touch if you like microscopes", [], "meta"),
    ],
    "club-light-pollution.html": [
        ("Several of our new members from the summer star party asked", [], "meta"),
        ("When I was a girl in Ávila, I could see the Milky Way", [], "anecdote"),
        ("Today I cannot see it from anywhere in the city.", [], "anecdote"),
        ("most of the population of Europe and the United States already lived under light-polluted skies",
         ["cinzano2001first"], "paren"),
        ("more than 80% of the world's people, and more than 99% of people in Europe",
         ["falchi2016new"], "paren"),
        ("In that atlas, the Milky Way is hidden from more than a third of humanity.", ["falchi2016new"],
         "follow-on"),
        ("had earlier proposed limits on lighting to protect health", ["falchi2011limiting"], "paren"),
        ("It is getting worse.", [], "lead-in"),
        ("the lit area of the Earth grew by about 2% per year", ["kyba2017artificially"], "paren"),
        ("But satellites miss the blue light of modern LEDs", ["kyba2017artificially"], "follow-on"),
        ("the sky got brighter by nearly 10% per year from 2011 to 2022", ["kyba2023citizen"], "paren"),
        ("the growth in light emissions is speeding up in many regions",
         ["sanchezdemiguel2021first"], "paren"),
        ("it has been called a threat to biodiversity", ["holker2010light"], "paren"),
        ("light may be one driver of insect declines", ["owens2020light"], "paren"),
        ("streetlights reduced the visits of night-flying pollinators", [], "unresolved"),
        ("Light at night also affects human sleep and hormones.", [], "no-support"),
        ("Our club measured the sky with a Sky Quality Meter", [], "anecdote"),
        ("That is a good sky, but ten years ago we often measured 21.9.", [], "anecdote"),
        ("Use warm, shielded lights that point down.", [], "advice"),
        ("Switch off garden lights when you go to bed.", [], "advice"),
        ("Nos vemos en la próxima salida.", [], "meta"),
        ("The star-counting study is the one I show my students", ["kyba2023citizen"], "study-name"),
        ("Is there any evidence that switching to LED street lighting made things worse", [], "question"),
        ("Our town changed every streetlight in 2019", [], "testimony"),
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
