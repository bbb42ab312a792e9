"""Write expected.json for the fourth blind held-out set (eval-blind-4).

Labels were written by careful human reading, before running the extractor on these texts.
Each entry: a substring naming exactly one claim, and the .bib keys that support it
([] means the claim must link to nothing; claims not listed must link to nothing too).
"""

import json
from pathlib import Path

ABOUT = (
    "Fourth blind held-out set (eval-blind-4): texts, references.bib and labels written by an annotator "
    "who did not read ingest/citations.py, ingest/claims.py, ingest/blocks.py, docs/extraction.md, "
    "tests/test_citations.py, tests/test_claims.py or the texts of tests/data/eval, eval-blind, eval-blind-2 "
    "and eval-blind-3 (only the first lines of one expected.json, for the format), and who labelled before "
    "seeing any extractor output. Conventions: a lead-in ending in ':' that introduces a list is not a "
    "claim, its items carry its citation; a pure pointer sentence ('This is described in Neff (2011).', "
    "'Herman discusses this at length in the epilogue.') is not a claim and adds its source to the claim(s) "
    "it refers back to (for a pointer after a list, every item of the list); pronoun and 'the same review', "
    "'there', 'her book' continuations carry the source they refer to; names without a work, biographical "
    "sentences, first-person anecdotes and practice habits, people quoted in an interview, citations "
    "missing from the .bib (Grossman 2016, Breines & Chen 2012, Van Emmerik et al. 2002), '(1) (2)' "
    "enumerations and generic phrases sharing words with a title link to nothing. Linehan 1993a/1993b follow "
    "APA title order (Cognitive-Behavioral Treatment, then Skills Training Manual). Herman and Bowlby are "
    "reprints (year = reprint, origdate = original). Page numbers are illustrative. "
    "Regenerate with `python make_expected.py`."
)

LABELS: dict[str, list[tuple[str, list[str]]]] = {
    "blog-partner-silence.txt": [
        ("I see this every week in my office", []),
        ("Bowlby (1969/1982) proposed that infants are born", ["bowlby1969attachment"]),
        ("adult romantic love works through the same attachment system", ["hazan1987romantic"]),
        ("Their survey found that adults' descriptions", ["hazan1987romantic"]),
        ("describes the \"demon dialogues\"", ["johnson2008hold"]),
        ("She argues that most fights are really protests", ["johnson2008hold"]),
        ("My own marriage went through a rough patch", []),
        ("Gottman is a name every couples therapist knows.", []),
        ("silence is often a sign of flooding", []),
        ("I read Hold Me Tight last year", []),
        ("Couples who learn to name the pattern tend to fight less", ["johnson2008hold"]),
    ],
    "patient-ptsd-treatment.html": [
        ("About 8% of American adults", ["kessler1995posttraumatic"]),
        ("Prolonged exposure, in which you gradually revisit", ["foa2007prolonged"]),
        ("Cognitive processing therapy, which helps you question", ["resick2017cognitive"]),
        ("EMDR, which pairs recalling the memory", ["shapiro2018emdr"]),
        ("A Cochrane review found that trauma-focused therapies", ["bisson2013psychological"]),
        ("debriefing\" right after an event is not recommended", ["rose2002psychological"]),
        ("Call your doctor if symptoms last", []),
        ("This page is for education only", []),
    ],
    "reading-risk-resilience.txt": [
        ("Exposure to trauma is common, but chronic PTSD is not",
         ["bonanno2004loss", "kessler1995posttraumatic"]),
        ("Bonanno (2004) argued that resilience", ["bonanno2004loss"]),
        ("Brewin, Andrews, and Valentine (2000) found", ["brewin2000meta"]),
        ("Ozer et al. (2003) reached a similar conclusion", ["ozer2003predictors"]),
        ("Linehan's work offers a model for clinical practice.", []),
        ("Her biosocial theory describes emotional vulnerability",
         ["linehan1993cognitive", "linehan1993skills"]),
    ],
    "news-expressive-writing.txt": [
        ("summarised a decade of studies", ["pennebaker1997writing"]),
        ("Students who wrote about their deepest thoughts", ["pennebaker1997writing"]),
        ("The effects are real but small", []),
        ("Writing is not the only low-cost intervention", []),
        ("The Mindfulness-Based Stress Reduction program", ["kabatzinn1990full"]),
        ("I tried journaling after my divorce", []),
        ("Marsh recommends that readers", []),
    ],
    "lecture-attachment.md": [
        ("attachment is an evolved system that keeps infants near", ["bowlby1969attachment"]),
        ("Ainsworth worked in Bowlby's research unit", []),
        ("secure infants are distressed at separation", ["ainsworth1978patterns"]),
        ("avoidant infants show little distress", ["ainsworth1978patterns"]),
        ("ambivalent infants are distressed and hard to soothe", ["ainsworth1978patterns"]),
        ("attachment anxiety and avoidance are best measured", ["mikulincer2007attachment"]),
        ("secure adults seek support more readily", ["mikulincer2007attachment"]),
        ("insecure attachment is a general risk factor", ["mikulincer2007attachment"]),
        ("Quiz 2 is next Tuesday.", []),
        ("Read chapter 3 of Mikulincer & Shaver", []),
    ],
    "summary-aces.txt": [
        ("almost two-thirds of adult HMO members", ["felitti1998relationship"]),
        ("four to twelve times the risk", ["felitti1998relationship"]),
        ("Childhood trauma also shapes how the stress response develops",
         ["vanderkolk2014body", "porges2011polyvagal"]),
        ("Most adults exposed to violent or life-threatening events", ["bonanno2004loss"]),
        ("The board asked staff to consider", []),
    ],
    "blog-polyvagal.txt": [
        ("I get asked about polyvagal theory", []),
        ("The idea comes from Stephen Porges.", []),
        ("the ventral vagal system supports social engagement", ["porges2011polyvagal"]),
        ("He also argues that feeling safe is a precondition", ["porges2011polyvagal"]),
        ("Honestly, I love the language", []),
        ("told me that learning the word", []),
        ("describes trauma as something stored in the body", ["vanderkolk2014body"]),
        ("It also recommends yoga and neurofeedback", ["vanderkolk2014body"]),
        ("Critics say the anatomy behind the theory is outdated", []),
        ("Your body keeps the score of every late night", []),
    ],
    "faq-dbt-group.html": [
        ("DBT was developed by Marsha Linehan", []),
        ("It was first designed for people with borderline", ["linehan1993cognitive"]),
        ("mindfulness, or paying attention to the present moment", ["linehan1993skills"]),
        ("distress tolerance, for getting through a crisis", ["linehan1993skills"]),
        ("emotion regulation, for understanding and changing", ["linehan1993skills"]),
        ("interpersonal effectiveness, for asking for what you need", ["linehan1993skills"]),
        ("Our group runs for 24 weeks", []),
        ("Our own clients' ratings are consistently high.", []),
    ],
    "review-trauma-and-recovery.txt": [
        ("remains the book I hand to every new trainee", []),
        ("Herman argues that psychological trauma is an affliction", ["herman1992trauma"]),
        ("She describes recovery as unfolding in three stages", ["herman1992trauma"]),
        ("Recovery can take place only within the context of relationships", ["herman1992trauma"]),
        ("That sentence changed my practice.", []),
        ("The 2015 edition adds an epilogue", ["herman1992trauma"]),
        ("Herman grew up in New York", []),
        ("Trauma and recovery rarely follow a straight line", []),
        ("Van der Kolk (2014) goes further", ["vanderkolk2014body"]),
    ],
    "blog-self-compassion.md": [
        ("Self-criticism is the most common thing I hear", []),
        ("self-kindness rather than harsh self-judgement", ["neff2011self"]),
        ("a sense of common humanity rather than isolation", ["neff2011self"]),
        ("mindfulness rather than over-identification", ["neff2011self"]),
        ("she also reports that self-compassion predicts wellbeing", ["neff2011self"]),
        ("Self-compassion is not the same as letting yourself off the hook.", []),
        ("Studies show it actually increases motivation", []),
        ("A quick exercise I use with clients", []),
        ("Positive thinking tries to change the thought", ["neff2011self"]),
    ],
    "newsletter-landmark-studies.txt": [
        ("The National Comorbidity Survey was the first", ["kessler1995posttraumatic"]),
        ("It found that PTSD was about twice as common in women", ["kessler1995posttraumatic"]),
        ("The ACE Study, run by Kaiser Permanente", ["felitti1998relationship"]),
        ("The more categories of adversity people reported", ["felitti1998relationship"]),
        ("Seligman and Maier (1967) found that dogs", ["seligman1967failure"]),
        ("Maier and Seligman (2016) revisited the theory", ["maier2016learned"]),
        ("Dr. Seligman will speak at our spring conference", []),
    ],
    "exam-model-answer.txt": [
        ("A Cochrane review of 70 trials concluded", ["bisson2013psychological"]),
        ("The same review found less evidence", ["bisson2013psychological"]),
        ("Foa et al. (2007) set out a protocol", ["foa2007prolonged"]),
        ("Resick and colleagues (2017) describe it", ["resick2017cognitive"]),
        ("DBT skills (Linehan, 1993b) can be added", ["linehan1993skills"]),
        ("Psychological debriefing after a traumatic event has no preventive effect",
         ["rose2002psychological"]),
    ],
    "clinic-sleep.html": [
        ("During REM sleep the brain reprocesses emotional memories", ["walker2017why"]),
        ("this overnight therapy seems to break down", ["walker2017why"]),
        ("a body that does not feel safe cannot easily fall asleep", ["porges2011polyvagal"]),
        ("Our sleep physicians", []),
    ],
    "interview-grief.txt": [
        ("Maya Lindqvist has worked in hospice care", []),
        ("Most bereaved people are resilient", ["bonanno2004loss"]),
        ("delayed grief reactions are rare", ["bonanno2004loss"]),
        ("Writing helped me after my father died.", []),
        ("I give families The Body Keeps the Score", []),
        ("Van der Kolk also argues there that talking alone", ["vanderkolk2014body"]),
        ("Lindqvist's hospice runs a free bereavement group", []),
    ],
    "handout-flashbacks.txt": [
        ("Name five things you can see", ["vanderkolk2014body"]),
        ("Press your feet into the floor", ["vanderkolk2014body"]),
        ("Breathe out more slowly than you breathe in", ["vanderkolk2014body"]),
        ("Levine's book Waking the Tiger describes how animals", ["levine1997waking"]),
        ("Levine (1997) calls this completing the defensive response", ["levine1997waking"]),
        ("Many of my clients find the third exercise hardest", []),
        ("If you feel unsafe, call 988", []),
    ],
}


def main() -> None:
    """Check every label occurs once in its file's text, then write expected.json."""
    here = Path(__file__).resolve().parent
    for name, entries in LABELS.items():
        text = (here / name).read_text(encoding="utf-8").replace("&amp;", "&")
        for claim, _ in entries:
            if text.count(claim) != 1:
                raise SystemExit(f"{name}: label {claim!r} occurs {text.count(claim)} times")
    documents = {name: [{"claim": c, "sources": s} for c, s in entries] for name, entries in LABELS.items()}
    out = {"about": ABOUT, "documents": documents}
    text = json.dumps(out, indent=1, ensure_ascii=False) + "\n"
    (here / "expected.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
