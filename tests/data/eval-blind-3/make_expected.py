"""Writes expected.json of eval-blind-3 from the hand labels below (kept as code for review)."""

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
HT, HC, VK = "herman1992trauma", "herman1992complex", "vanderkolk2014body"
FEL, KES, BIS = "felitti1998relationship", "kessler1995posttraumatic", "bisson2013psychological"

LABELS: dict[str, list[tuple[str, list[str]]]] = {
    "blog-safety-first.txt": [
        ("Safety has to come before storytelling.", [HT]),
        ("recovery as unfolding in three stages", [HT]),
        ("Skipping the first stage usually backfires.", []),
        ("The ACE Study found that childhood abuse and household dysfunction", [FEL]),
        ("four- to twelve-fold higher risk", [FEL]),
        ("I notice breathing and posture", [VK]),
        ("sit where they can see the door", [VK]),
        ("I name what I am doing before I do it", [VK]),
        ("trauma is stored in the body as much as in memory", [VK]),
        ("keep reliving the past in their bodies", [VK]),
        ("My own supervisor used to say", []),
        ("Somatic Experiencing takes a similar body-first approach", []),
    ],
    "parenting-newsletter.txt": [
        ("In the famous Still Face experiment", ["tronick1978infant"]),
        ("the babies recovered quickly once their mothers re-engaged", ["tronick1978infant"]),
        ("Repair matters more than perfection.", []),
        ("clung to a soft cloth", ["harlow1958nature"]),
        ("offer a simple tip for meltdowns", ["siegel2011whole"]),
        ("upset right brain needs soothing", ["siegel2011whole"]),
        ("Get down to your child's eye level", []),
        ("Name the feeling before you fix the problem", []),
        ("Save the lesson for later", []),
        ("Fred Rogers often reminded parents", []),
        ("two of our toddlers spent twenty minutes", []),
    ],
    "exam-answer.txt": [
        ("biologically predisposed to seek proximity", ["bowlby1969attachment"]),
        ("Bowlby argued that this attachment behavioural system evolved", ["bowlby1969attachment"]),
        ("repeated separations in the first years", ["bowlby1969attachment"]),
        ("developed the Strange Situation", ["ainsworth1978patterns"]),
        ("secure, in which the infant is distressed at separation", ["ainsworth1978patterns"]),
        ("anxious-avoidant, in which", ["ainsworth1978patterns"]),
        ("anxious-resistant, in which", ["ainsworth1978patterns"]),
        ("The care-seeking system is not unique to humans", ["harlow1958nature", "bowlby1969attachment"]),
        ("may not capture a whole relationship", []),
        ("Attachment patterns predict later resilience", []),
        ("calls resilience", ["masten2001ordinary"]),
        ("Mary Main later added a fourth", []),
    ],
    "grant-background.txt": [
        ("more than half of adults reported at least one category", [FEL]),
        ("A later meta-analysis of 37 studies", ["hughes2017effect"]),
        ("Toxic stress in early childhood is thought to disrupt", ["shonkoff2012lifelong"]),
        ("lifetime prevalence in the US population", [KES]),
        ("Known risk factors, such as lack of social support", ["brewin2000meta", KES]),
        ("Trauma-focused psychological therapies are effective for chronic PTSD", [BIS]),
        ("No study has tested whether", []),
        ("This project will (1) adapt the pathway", []),
    ],
    "popsci-excerpt.txt": [
        ("The numbers told a different story.", []),
        ("is a clinical psychologist at Teachers College", []),
        ("the most common response to loss was not chronic grief", ["bonanno2004loss"]),
        ("He called this pattern resilience", ["bonanno2004loss"]),
        ("Ann Masten had reached a similar conclusion", ["masten2001ordinary"]),
        ("Resilience does not come from rare and special qualities", ["masten2001ordinary"]),
        ("She found that children who thrive despite adversity", ["masten2001ordinary"]),
        ("None of this means trauma is harmless.", []),
        ("PTSD, once it develops, often lasts for years", [KES]),
        ("I met a firefighter in Queens", []),
        ("This is the paradox at the heart of the book", []),
    ],
    "reddit-answer.md": [
        ("the good ones work, and the evidence is pretty solid", []),
        ("Trauma-focused CBT and EMDR both beat waitlist", [BIS]),
        ("The review found effect sizes that are large", [BIS]),
        ("you revisit the memory repeatedly until it loses its charge", ["foa2007prolonged"]),
        ("you work on \"stuck points\"", ["resick2017cognitive"]),
        ("single-session debriefing right after the event", ["rose2002psychological"]),
        ("therapy doesn't mean reliving everything", []),
        ("My own therapist did CPT with me", []),
        ("the physiology is contested", []),
    ],
    "press-release.txt": [
        ("today announced a two-year pilot", []),
        ("found a graded relationship between the number of childhood exposures", [FEL]),
        ("We see the downstream effects of childhood trauma", []),
        ("This pilot lets us treat causes", []),
        ("a twelve-session treatment described in Resick", ["resick2017cognitive"]),
        ("patients will never be required to disclose", []),
        ("funded by a $2.4 million grant", []),
        ("is a nonprofit health system serving", []),
    ],
    "clinic-page.html": [
        ("Not all trauma comes from a single terrible event.", []),
        ("proposed the term complex PTSD", [HC]),
        ("She argued that the standard PTSD diagnosis did not capture", [HC]),
        ("difficulty regulating emotions", []),
        ("a persistent sense of shame", []),
        ("problems trusting people", []),
        ("a sense of safety depends on cues", ["porges2011polyvagal"]),
        ("teaches skills for distress tolerance", ["linehan1993cognitive"]),
        ("Many of our clients tell us", []),
        ("every first appointment starts with a conversation", []),
    ],
    "wiki-polyvagal.md": [
        ("is a model of how the autonomic nervous system shapes", []),
        ("It was introduced by Stephen Porges in 1994.", []),
        ("a ventral vagal \"social engagement\" state", ["porges2011polyvagal"]),
        ("a sympathetic \"fight or flight\" state", ["porges2011polyvagal"]),
        ("a dorsal vagal \"shutdown\" or freeze state", ["porges2011polyvagal"]),
        ("He coined the term", ["porges2011polyvagal"]),
        ("The theory is widely cited in trauma treatment.", []),
        ("van der Kolk draws on it to explain", [VK]),
        ("yoga, rhythm and theatre can help survivors", [VK]),
        ("Several physiologists dispute the theory", []),
    ],
    "training-handout.txt": [
        ("Describe the phased model of trauma treatment", []),
        ("establishing safety", [HT]),
        ("remembrance and mourning", [HT]),
        ("reconnection with ordinary life", [HT]),
        ("Each stage builds on the one before", [HT]),
        ("distracting attention away from the crisis", ["linehan1993cognitive"]),
        ("self-soothing with the five senses", ["linehan1993cognitive"]),
        ("radical acceptance of what cannot be changed", ["linehan1993cognitive"]),
        ("Clients are usually ready for exposure-based work", []),
        ("sets out a course of about eight to fifteen weekly sessions", ["foa2007prolonged"]),
        ("in my twenty years of practice", []),
    ],
    "debate-summary.txt": [
        ("preschoolers who delayed gratification longer", ["mischel1989delay"]),
        ("self-control is therefore a trait worth training early", []),
        ("a larger and more diverse replication by Watts", ["watts2018revisiting"]),
        ("Their sample was ten times larger", ["watts2018revisiting"]),
        ("the 2018 study used a shorter maximum wait", ["watts2018revisiting"]),
        ("Replication failures are common in psychology", ["osc2015estimating"]),
        ("single famous experiments should not shape parenting advice", []),
        ("the motion fell, 14 votes to 9", []),
        ("both teams relied heavily on popular summaries", []),
        ("Walter Mischel's own book was mentioned", []),
    ],
    "lecture-notes-herman.txt": [
        ("two 1992 publications are easy to mix up", []),
        ("In her journal article, Herman (1992a) proposed complex PTSD", [HC]),
        ("She listed alterations in affect regulation", [HC]),
        ("Captivity need not mean prison", [HC]),
        ("puts the argument in historical context", [HT]),
        ("Society repeatedly forgets trauma", [HT, VK]),
        ("Complex PTSD was not included in DSM-IV.", []),
        ("Herman trained at Harvard Medical School", []),
        ("expect a question comparing complex PTSD", []),
    ],
    "book-review.txt": [
        ("was born in the Netherlands in 1943", []),
        ("He founded the Trauma Center in Brookline", []),
        ("argues that trauma reshapes both brain and body", [VK]),
        ("talk therapy alone rarely reaches these bodily states", [VK]),
        ("The book's final part describes neurofeedback", [VK]),
        ("some neuroscience in the book is simplified", []),
        ("The recovered-memory material in particular", []),
        ("which remains the standard text on the subject", [HT]),
        ("It grounds treatment in the survivor's relationships", [HT]),
        ("I first read the book on a night shift", []),
    ],
    "podcast-notes.txt": [
        ("talks with geneticist Dr. Leon Hartmann", []),
        ("Offspring of Holocaust survivors showed altered methylation", ["yehuda2016fkbp5"]),
        ("The same study was small", ["yehuda2016fkbp5"]),
        ("Childhood adversity raises the risk of heart disease", []),
        ("is still a hypothesis", []),
        ("I would not build a therapy on it yet", []),
        ("pointed listeners to earlier work on families of veterans", []),
        ("Problems in the families of Vietnam veterans with PTSD were documented", ["kulka1990nvvrs"]),
        ("her grandmother never spoke about the war", []),
    ],
    "faq-debriefing.txt": [
        ("did not prevent PTSD", ["rose2002psychological"]),
        ("We no longer run compulsory single-session debriefings", []),
        ("Critical incident stress debriefing was developed", ["mitchell1983disaster"]),
        ("It was meant to reduce later stress reactions", ["mitchell1983disaster"]),
        ("Most people recover on their own", ["bonanno2004loss"]),
        ("a manager checks in at one week", []),
        ("which has good evidence for chronic PTSD", [BIS, "foa2007prolonged"]),
        ("Call the staff support line", []),
        ("is also available around the clock", []),
    ],
}

ABOUT = (
    "Third blind held-out set (eval-blind-3): texts, references and labels written by an annotator who "
    "did not read ingest/citations.py, ingest/claims.py, docs/extraction.md, tests/test_citations.py, "
    "tests/test_claims.py or the texts of tests/data/eval, eval-blind and eval-blind-2 (only the first "
    "lines of one expected.json, for the format). Each entry names a claim by a substring of its text and"
    " the bib keys a careful reader would say support it; an empty list means it must link to nothing, "
    "and claims not listed must link to none either. Conventions: a lead-in ending in ':' is not a claim,"
    " its list items carry its citation; a pure pointer sentence ('Herman discusses this at length in "
    "Part II of her book.', 'This is described in Kulka et al. (1990).') is not a claim and adds its "
    "source to the claim before it; pronoun, 'the same study', 'the 2018 study', 'the review', 'the book'"
    " continuations carry the source they refer to; names without a work, biographical sentences, first-"
    "person anecdotes, people quoted in an interview, citations missing from the .bib and '(1) (2)' "
    "enumerations link to nothing. Herman 1992a/1992b follow APA title order (Complex PTSD article, then "
    "Trauma and Recovery). podcast-notes.txt uses its own podcast-notes.bib, which lacks Felitti. Page "
    "numbers in pinpoint citations are illustrative. Regenerate with `python make_expected.py`."
)


def main() -> None:
    """Write expected.json next to this script."""
    documents = {name: [{"claim": claim, "sources": sources} for claim, sources in entries]
                 for name, entries in LABELS.items()}
    (HERE / "expected.json").write_text(json.dumps({"about": ABOUT, "documents": documents}, indent=1) + "\n",
                                        encoding="utf-8")


if __name__ == "__main__":
    main()
