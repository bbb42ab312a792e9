"""Write expected.json of the fifth blind held-out set from the labels below.

    python make_expected.py

Each label is (substring of exactly one claim, [bib keys]); an empty list marks a deliberate negative.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

ABOUT = (
    "Fifth blind held-out set (eval-blind-5): texts, references.bib and labels written by an annotator who "
    "did not read ingest/citations.py, ingest/claims.py, ingest/blocks.py, ingest/html_reader.py, "
    "docs/extraction.md, README.md, tests/test_citations.py, tests/test_claims.py or any other eval set "
    "(only the first lines of one expected.json, for the format), and who labelled before seeing any "
    "extractor output. Topics: sleep medicine, nutrition, exercise, education, public health. "
    "Conventions: a lead-in ending in ':' that introduces a list is not a claim, its items carry its "
    "citation; a pure pointer sentence ('This is set out in the preliminary report by Doll and Hill (1954).',"
    " 'The chapter on attention deficit disorder covers this in more detail.') is not a claim and adds its "
    "source to the claim it refers back to; pronoun and 'that study', 'the same panel', 'the trial' "
    "continuations carry the source they refer to; a sentence about critics of a book does not. "
    "Names without a work, biographical sentences, first-person anecdotes (also ones naming a book), "
    "people quoted in an interview or article speaking for themselves, citations missing from the .bib "
    "(Bjork 1994, Sisk et al. 2018, Mahmood et al. 2014, Ericsson et al. 1993, Traci Mann, Dahlgren and "
    "Whitehead, Joe Wicks), '(1) (2)' enumerations and generic phrases sharing words with a title "
    "('spirit level', 'Visible learning happens', 'make learning visible', 'Salt, sugar and fat') link to "
    "nothing. An interviewee who cites a study by author and year does link to it. Roediger & Karpicke "
    "2006a/2006b follow APA title order (The power of testing memory, then Test-enhanced learning). "
    "Rose and Ebbinghaus are reprints (year = reprint, origdate = original). Numeric markers [n] and "
    "<sup>n</sup> resolve through the text's own reference list. Regenerate with `python make_expected.py`."
)

LABELS: dict[str, list[tuple[str, list[str]]]] = {
    "blog-sleep-debt.txt": [
        ("Almost every patient I see for fatigue", []),
        ("healthy adults who slept six hours a night for two weeks", ["vandongen2003cumulative"]),
        ("They also rated themselves as only slightly sleepy", ["vandongen2003cumulative"]),
        ("sleep is not a bank account", ["walker2017why"]),
        ("He argues that even one night of four hours", ["walker2017why"]),
        ("Keep the same wake-up time seven days a week", []),
        ("Aim for seven to nine hours", ["hirshkowitz2015national"]),
        ("Put the phone in another room", []),
        ("I read Why We Sleep on a long flight", []),
        ("Shift workers are a special case", []),
        ("My sleep tracker says", []),
    ],
    "handout-insomnia.txt": [
        ("is the recommended first treatment", []),
        ("A large review found that it shortened", ["trauer2015cognitive"]),
        ("These improvements lasted well after treatment ended", ["trauer2015cognitive"]),
        ("Sleep restriction, which limits time in bed", []),
        ("Reading on a light-emitting tablet before bed", ["chang2015evening"]),
        ("the evening rise of melatonin was also suppressed", ["chang2015evening"]),
        ("keep a sleep diary every morning", []),
    ],
    "nursing-notes-activity.txt": [
        ("Physical inactivity causes about 6%", ["lee2012effect"]),
        ("If inactivity were eliminated", ["lee2012effect"]),
        ("lowers the risk of at least 25 chronic conditions", ["warburton2006health"]),
        ("The relation is graded", ["warburton2006health"]),
        ("Short bursts of very hard exercise", ["gibala2006short"]),
        ("six sessions of sprint intervals over two weeks", ["gibala2006short"]),
        ("Check for chest pain, dizziness", []),
        ("adults who sleep less than six hours a night also have a higher risk", ["cappuccio2010sleep"]),
    ],
    "apa-reading-retrieval.txt": [
        ("goes back more than a century", []),
        ("memorised lists of nonsense syllables", ["ebbinghaus1913memory"]),
        ("relearning a list took fewer trials", ["ebbinghaus1913memory"]),
        ("retrieval is itself a powerful learning event", ["roediger2006power"]),
        ("students who read a prose passage once", ["roediger2006test"]),
        ("rated ten common study techniques", ["dunlosky2013improving"]),
        ("Practice testing and distributed practice received", ["dunlosky2013improving"]),
        ("Highlighting and rereading, the two techniques", ["dunlosky2013improving"]),
        ("desirable difficulties pay off later", ["roediger2006power", "dunlosky2013improving"]),
        ("whether cramming the night before works", []),
        ("the material is forgotten quickly afterwards", []),
        ("How could you build low-stakes quizzes", []),
    ],
    "journalism-mediterranean.txt": [
        ("For decades the case for the Mediterranean diet", []),
        ("the physiologist who had developed the K-ration", []),
        ("His Seven Countries Study compared", ["keys1980seven"]),
        ("Observation cannot prove cause", []),
        ("The PREDIMED trial in Spain assigned", ["estruch2018primary"]),
        ("Both Mediterranean groups had roughly 30% fewer", ["estruch2018primary"]),
        ("The trial was first published in 2013", ["estruch2018primary"]),
        ("It is the best evidence we have", []),
        ("most of her patients still find the diet hard", []),
        ("Keys was born in Colorado Springs", []),
    ],
    "notes-public-health.md": [
        ("distinguishes two questions", ["rose2001sick"]),
        ("a large number of people at a small risk", ["rose2001sick"]),
        ("Population strategies shift the whole distribution", ["rose2001sick"]),
        ("health inequalities follow a social gradient", ["marmot2005social"]),
        ("He traces most of the gap", ["marmot2005social"]),
        ("countries with bigger income gaps have more mental illness", ["wilkinson2009spirit"]),
        ("The authors compare 23 rich countries", ["wilkinson2009spirit"]),
        ("the spirit level in the department was low", []),
        ("Dahlgren and Whitehead's rainbow model", []),
    ],
    "blog-ultraprocessed.txt": [
        ("I used to tell clients that weight", []),
        ("A single experiment changed my mind", []),
        ("kept 20 adults on a metabolic ward", ["hall2019ultra"]),
        ("People ate about 500 more calories a day", ["hall2019ultra"]),
        ("They also ate the ultra-processed meals faster", ["hall2019ultra"]),
        ("how food companies engineer products", ["moss2013salt"]),
        ("His reporting draws on internal documents", ["moss2013salt"]),
        ("Michael Pollan boiled it down", ["pollan2008defense"]),
        ("That line opens In Defense of Food", ["pollan2008defense"]),
        ("fill most of the middle aisles", []),
        ("My sister gave me In Defense of Food", []),
        ("Traci Mann says diets don't work", []),
        ("Most diets fail in the long run", []),
    ],
    "blog-exercise-brain.md": [
        ("Parents are often surprised", []),
        ("describe a school district in Naperville", ["ratey2008spark"]),
        ("They argue that aerobic exercise raises", ["ratey2008spark"]),
        ("Ratey calls BDNF", ["ratey2008spark"]),
        ("The stakes are bigger than school grades", []),
        ("roughly one in ten premature deaths", ["lee2012effect"]),
        ("I heard Ratey speak at a conference", []),
        ("Twenty minutes of play", []),
        ("Homework straight afterwards", []),
        ("on deliberate practice", []),
    ],
    "clinic-sleep-hygiene.html": [
        ("An expert panel convened by the National Sleep Foundation", ["hirshkowitz2015national"]),
        ("The same panel advises more for teenagers", ["hirshkowitz2015national"]),
        ("Both too little and too much sleep", ["cappuccio2010sleep"]),
        ("pooled 16 studies with more than a million people", ["cappuccio2010sleep"]),
        ("Long sleepers had an even higher risk", ["cappuccio2010sleep"]),
        ("claims that adults who sleep six hours or less", ["walker2017why"]),
        ("Some sleep researchers have criticised the book", []),
        ("Book an appointment if you snore", []),
    ],
    "school-guide.html": [
        ("This page summarises the research", []),
        ("Novices solving problems by working backwards", ["sweller1988cognitive"]),
        ("Worked examples reduce this load", ["sweller1988cognitive"]),
        ("Low-stakes practice tests improve long-term retention",
         ["roediger2006power", "dunlosky2013improving"]),
        ("Spacing practice across days", ["dunlosky2013improving"]),
        ("feedback was among the most powerful influences", ["hattie2009visible"]),
        ("has tried all three ideas with Year 9", []),
        ("make learning visible on your classroom walls", []),
    ],
    "gym-faq.html": [
        ("had young men do either sprint intervals", ["gibala2006short"]),
        ("Muscle oxidative capacity and time-trial performance", ["gibala2006short"]),
        ("any regular activity lowers the risk of heart disease", ["warburton2006health"]),
        ("trained with the national rowing team", []),
        ("her favourite session is the Friday sprint ladder", []),
        ("Start with one class a week", []),
        ("has made short home workouts popular", []),
    ],
    "lecture-epidemiology.txt": [
        ("wrote to every doctor on the UK medical register", ["doll1954mortality"]),
        ("they found that deaths from lung cancer rose steeply", ["doll1954mortality"]),
        ("The heaviest smokers died of lung cancer", ["doll1954mortality"]),
        ("Doll later became Regius Professor", []),
        ("began in 1948 in a town west of Boston", ["dawber1951epidemiological"]),
        ("Its aim was to identify the factors", ["dawber1951epidemiological"]),
        ("so recall bias is avoided", ["doll1954mortality", "dawber1951epidemiological"]),
        ("Many outcomes can be studied for the same exposure",
         ["doll1954mortality", "dawber1951epidemiological"]),
        ("do not confuse the Framingham risk score", []),
        ("are optional reading", []),
        ("You cannot randomise people to smoke", []),
    ],
    "handout-study-skills.txt": [
        ("Most students study by rereading their notes", []),
        ("among the least effective strategies", ["dunlosky2013improving"]),
        ("quiz yourself with flashcards or past papers", ["dunlosky2013improving"]),
        ("spread your study sessions over several days", ["dunlosky2013improving"]),
        ("The testing effect was first shown", ["roediger2006power", "roediger2006test"]),
        ("break big topics into small chunks", ["sweller1988cognitive"]),
        ("write down everything you remember", []),
        ("Visible learning happens when you can explain", []),
        ("has taught study skills for fifteen years", []),
    ],
    "interview-sleep-coach.txt": [
        ("coaches elite cyclists and has worked with two Olympic teams", []),
        ("it is the cheapest performance drug", []),
        ("their power numbers drop within a week", []),
        ("people who regularly slept less than six hours", ["cappuccio2010sleep"]),
        ("two weeks of six-hour nights impairs attention", ["vandongen2003cumulative"]),
        ("Phones stay outside the room", []),
        ("Reading on a tablet in the evening pushes back", ["chang2015evening"]),
        ("My husband swears by Why We Sleep", []),
        ("If you skip it, you skipped a session", []),
        ("Reyes grew up in Albuquerque", []),
    ],
    "newsletter-mindset.txt": [
        ("This term our tutors are focusing", []),
        ("is a professor of psychology at Stanford", []),
        ("she describes two ways people think about ability", ["dweck2006mindset"]),
        ("believe intelligence is set at birth", ["dweck2006mindset"]),
        ("the fixed view makes children avoid challenges", ["dweck2006mindset"]),
        ("praising effort rather than intelligence", ["dweck2006mindset"]),
        ("Later studies found smaller effects", []),
        ("teacher clarity comes near the top", ["hattie2009visible"]),
        ("My own daughter read Mindset last summer", []),
        ("The growth of our library this year", []),
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
